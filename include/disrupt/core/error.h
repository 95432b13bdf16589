/* error.h — errors are values with a place.
 *
 * Fallible functions return int: 0 on success, a positive DISRUPT_E* code on failure, and
 * fill a caller-supplied disrupt_error (which may be NULL when the caller does not care).
 * The message is complete and printable: "FILE:LINE:COL: expected …, found '…'" for data
 * errors, plain text otherwise. Nothing here allocates; a disrupt_error owns no memory.
 */
#ifndef DISRUPT_ERROR_H
#define DISRUPT_ERROR_H

#include <stddef.h>

enum {
    DISRUPT_OK = 0,
    DISRUPT_EDATA = 1,     /* input data rejected (bad cell, empty file, …) */
    DISRUPT_EIO = 2,       /* a file could not be opened, read or written */
    DISRUPT_ENOMEM = 3,    /* allocation failed or a size would overflow */
    DISRUPT_EINVAL = 4,    /* an argument or option value is out of its domain */
    DISRUPT_EANALYSIS = 5  /* a numeric routine failed (GSL, cairo) */
};

typedef struct {
    int code;
    long line;            /* 1-based input line, 0 when not about input */
    long col;             /* 1-based input column (field), 0 when not about input */
    char message[1024];   /* truncated, never overflowed */
} disrupt_error;

/* Sets err (if not NULL) and returns code. */
int disrupt_error_set(disrupt_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Same, with the place prefixed as "path:line:col: ". */
int disrupt_error_set_at(disrupt_error *err, int code, const char *path, long line, long col,
                         const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Writes at most max bytes of s into out (size outsz) as a printable excerpt: control and
 * invalid bytes become '?', and "…" marks a cut. For quoting what was found. */
void disrupt_error_excerpt(char *out, size_t outsz, const char *s, size_t len, size_t max);

/* Adds item (len bytes) to the list "a, b, c" in out (size outsz, a string): 1, or 0 and
 * "…" added in its place once the list is full. For naming the choices there were. */
int disrupt_error_list_add(char *out, size_t outsz, const char *item, size_t len);

/* Sets err to the out-of-memory error and returns DISRUPT_ENOMEM. */
int disrupt_error_nomem(disrupt_error *err);

#endif
