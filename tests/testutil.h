/* testutil.h — helpers shared by the Check suites: fixture paths, temporary folders,
 * running the `disrupt` executable and capturing what it prints. */
#ifndef DISRUPT_TESTUTIL_H
#define DISRUPT_TESTUTIL_H

#include <stddef.h>

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

#endif
