/* jsonw.h — a small streaming JSON writer (pretty-printed, two-space indent).
 *
 * Strings are escaped as RFC 8259 requires; non-finite numbers are written as null.
 * The writer owns nothing; nesting deeper than DISRUPT_JSONW_DEPTH is a programming error
 * and is clamped (the output stays well-formed only within that depth).
 */
#ifndef DISRUPT_JSONW_H
#define DISRUPT_JSONW_H

#include <stdint.h>
#include <stdio.h>

#define DISRUPT_JSONW_DEPTH 32

typedef struct {
    FILE *out;
    int depth;
    int count[DISRUPT_JSONW_DEPTH];   /* items written at each level */
    int after_key;
    unsigned inline_mask;             /* bit d: the array at depth d prints on one line */
} disrupt_jsonw;

void disrupt_jsonw_init(disrupt_jsonw *w, FILE *out);
void disrupt_jsonw_object_begin(disrupt_jsonw *w);
void disrupt_jsonw_object_end(disrupt_jsonw *w);
void disrupt_jsonw_array_begin(disrupt_jsonw *w);
/* An array whose items stay on one line: ["a", "b"]. */
void disrupt_jsonw_inline_array_begin(disrupt_jsonw *w);
void disrupt_jsonw_array_end(disrupt_jsonw *w);
void disrupt_jsonw_key(disrupt_jsonw *w, const char *key);
void disrupt_jsonw_string(disrupt_jsonw *w, const char *s);
void disrupt_jsonw_number(disrupt_jsonw *w, double v);
/* A number rounded to `digits` significant decimals, trailing zeros kept off. */
void disrupt_jsonw_number_prec(disrupt_jsonw *w, double v, int digits);
void disrupt_jsonw_integer(disrupt_jsonw *w, long long v);
void disrupt_jsonw_bool(disrupt_jsonw *w, int v);
void disrupt_jsonw_null(disrupt_jsonw *w);
/* An ISO 8601 UTC time string. */
void disrupt_jsonw_time(disrupt_jsonw *w, int64_t t);
/* The keys every document of ours opens with: "version" (of the JSON shape, "1") and
 * "disrupt_version" (of the program that wrote it, from CMake's project()). */
void disrupt_jsonw_versions(disrupt_jsonw *w);
/* Ends the document with a newline. */
void disrupt_jsonw_finish(disrupt_jsonw *w);

#endif
