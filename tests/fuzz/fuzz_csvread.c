/* fuzz_csvread.c — the CSV layer under every reader. The first byte chooses the delimiter
 * (given or detected) and a field cap; the rest is the file. Checks csvread.h's promises:
 * fields NUL-terminated, no longer than the cap, no NUL inside, rows of at most
 * DISRUPT_CSV_MAX_FIELDS fields, lines that never go back, errors that can be shown. */
#include <string.h>

#include "disrupt/ingest/csvread.h"
#include "fuzz.h"

typedef struct {
    size_t max_field;
    long last_line;
} state;

static int on_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    (void)err;
    state *st = ctx;
    FUZZ_CHECK(n >= 1 && n <= DISRUPT_CSV_MAX_FIELDS, "%zu fields", n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(f[i].len <= st->max_field, "field of %zu bytes", f[i].len);
        FUZZ_CHECK(f[i].data[f[i].len] == '\0', "not terminated");
        FUZZ_CHECK(memchr(f[i].data, '\0', f[i].len) == NULL, "NUL inside a field");
        FUZZ_CHECK(f[i].line >= st->last_line && f[i].line >= 1, "line %ld after %ld",
                   f[i].line, st->last_line);
        st->last_line = f[i].line;
    }
    return 0;
}

static int on_comment(void *ctx, const char *text, size_t len, long line, disrupt_error *err)
{
    (void)err;
    state *st = ctx;
    FUZZ_CHECK(memchr(text, '\0', len) == NULL, "NUL in a comment");
    FUZZ_CHECK(line >= st->last_line, "comment line %ld after %ld", line, st->last_line);
    st->last_line = line;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char delimiters[] = {0, ',', ';', '\t'};
    static const size_t caps[] = {0, 1, 16, 300};
    state st = {caps[(data[0] >> 2) & 3] ? caps[(data[0] >> 2) & 3]
                                         : DISRUPT_CSV_MAX_FIELD_DEFAULT, 0};
    disrupt_csv_reader r;
    disrupt_csv_reader_init(&r, on_row, &st);
    r.comment = on_comment;
    r.delimiter = delimiters[data[0] & 3];
    r.max_field = caps[(data[0] >> 2) & 3];
    FILE *f = fuzz_stream(data + 1, size - 1);
    if (!f)
        return 0;
    disrupt_error err = {0};
    int rc = disrupt_csv_read_stream(f, "fuzz.csv", &r, &err);
    fclose(f);
    if (rc)
        FUZZ_CHECK_MESSAGE(err);
    FUZZ_CHECK(r.bytes <= size - 1 || size == 1, "read %llu of %zu bytes", r.bytes, size - 1);
    return 0;
}
