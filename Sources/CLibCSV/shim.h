#ifndef PATRON_CLIBCSV_SHIM_H
#define PATRON_CLIBCSV_SHIM_H
/* Debian's libcsv-dev installs csv.h; `make` installs it when missing. */
#include <csv.h>
#endif
