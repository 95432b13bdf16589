/* testutil.h — helpers shared by the Check suites: fixture paths, temporary folders,
 * running the `disrupt` executable and capturing what it prints. */
#ifndef DISRUPT_TESTUTIL_H
#define DISRUPT_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

#include <check.h>

#include "disrupt/ingest/series.h"

/* text with its line breaks as spaces, into out (size outsz): a wrapped caption as one line,
 * for searching phrases a break may fall inside. */
void tu_one_line(char *out, size_t outsz, const char *text);

/* Runs every test of s and frees it: EXIT_SUCCESS when none failed, for main's return. */
int tu_run_suite(Suite *s);

/* Path of a file in the source tree (DISRUPT_SOURCE_DIR); static buffer, valid until the
 * next call. */
const char *tu_source(const char *relative);
/* A fresh temporary folder (mkdtemp); caller frees the string. Removed by tu_rmrf. */
char *tu_tempdir(void);
void tu_rmrf(const char *dir);
/* Writes text to dir/name and returns the full path (caller frees). */
char *tu_write_file(const char *dir, const char *name, const char *text);

typedef struct {
    int status;     /* exit status, or 128+signal */
    char *out;      /* what it printed on stdout (NUL-terminated) */
    char *err;      /* what it printed on stderr */
} tu_result;

/* Runs "$DISRUPT_BIN args" through /bin/sh; args is a shell fragment. */
tu_result tu_run(const char *args);
void tu_result_free(tu_result *r);
/* Reads a whole file; NULL if it cannot. Caller frees. */
char *tu_read_file(const char *path, size_t *len);

/* A seeded synthetic level series for detector tests: hourly-or-other step, diurnal cycle
 * (peak/trough about 2.5), weekly dip on weekends, log-normal noise of sd `noise`, and the
 * samples in [drop_first, drop_last) multiplied by `drop_level` (1.0 for none). */
disrupt_series *tu_synthetic_level(const char *name, int64_t start, int64_t step, size_t n,
                                   double noise, size_t drop_first, size_t drop_last,
                                   double drop_level, unsigned long seed);
/* Binomial counts: `trials` measurements a step (Poisson around it), blocked share p0, and p1
 * in [drop_first, drop_last). */
disrupt_series *tu_synthetic_counts(const char *name, int64_t start, int64_t step, size_t n,
                                    double trials, double p0, double p1, size_t drop_first,
                                    size_t drop_last, unsigned long seed);

#endif
