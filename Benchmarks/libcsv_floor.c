/* The floor under any libcsv-based reader: libcsv tokenising a file on one core with
 * callbacks that only count. make bench prints it beside Patron and pandas, so the gap
 * between "libcsv alone" and "Patron's ingest" is the cost of typing values and writing
 * Arrow, measured, not guessed. Usage: libcsv_floor FILE  → prints seconds. */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long fields, records;
static void on_field(void *data, size_t len, void *ctx) { (void)data; (void)len; (void)ctx; fields++; }
static void on_record(int c, void *ctx) { (void)c; (void)ctx; records++; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: libcsv_floor FILE\n"); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n);
    if (!buf || fread(buf, 1, n, f) != (size_t)n) { fprintf(stderr, "cannot read %s\n", argv[1]); return 1; }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct csv_parser p;
    csv_init(&p, CSV_REPALL_NL);
    csv_parse(&p, buf, n, on_field, on_record, NULL);
    csv_fini(&p, on_field, on_record, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    csv_free(&p);
    printf("%.6f %ld %ld\n", (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9, fields, records);
    return 0;
}
