#ifndef PATRON_CLIBCRYPTO_SHIM_H
#define PATRON_CLIBCRYPTO_SHIM_H
/* Debian's libssl-dev installs OpenSSL's headers and libcrypto; `make` installs it when
   missing. Patron uses SHA-256 only. The one-call SHA256_Init/Update/Final functions are
   marked deprecated in OpenSSL 3 in favour of EVP, but they remain and use the same
   assembly (SHA instructions where the CPU has them); their context is a plain struct,
   which a Swift value type can hold and copy. */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/sha.h>
#endif
