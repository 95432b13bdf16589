/* claims_impl.h — shared by the claim readers: the reader state (claims_read.c), and the
 * helpers every dialect uses (claims_cells.c): column lookup, dates, skipped-row warnings. */
#ifndef DISRUPT_CLAIMS_IMPL_H
#define DISRUPT_CLAIMS_IMPL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "disrupt/workflows/claims.h"
#include "disrupt/ingest/csvread.h"
#include "disrupt/ingest/timeparse.h"

#define CLAIMS_MAX_COLUMNS 16

typedef struct claims_reader claims_reader;
typedef int (*claims_row_fn)(claims_reader *r, const disrupt_csv_field *f, size_t n,
                             disrupt_error *err);

struct claims_reader {
    const char *path;                 /* for messages */
    const disrupt_claims_options *opt;
    disrupt_claim_list *out;
    disrupt_timeparser local;         /* naive times and dates in opt->tz */
    disrupt_timeparser utc;           /* date arithmetic */
    claims_row_fn row;                /* the dialect's row reader, set by the header */
    long col[CLAIMS_MAX_COLUMNS];     /* dialect column → 0-based field index, −1 absent */
    /* A dialect that can only decide once every row is read (the date order of a column):
     * finish runs after the last row, then release frees what it kept (also on error). */
    int (*finish)(claims_reader *r, disrupt_error *err);
    void (*release)(claims_reader *r);
    void *state;
    int zoneless;                     /* some date or time was read without a zone */
};

/* Moves *s and shrinks *len past leading and trailing blanks. */
void claims_trim(const char **s, size_t *len);
/* Index of the header field equal to name (case-insensitive, blanks trimmed), or −1. */
long claims_column(const disrupt_csv_field *f, size_t n, const char *name);
/* The field of dialect column k, or NULL when the column is absent or the row is short. */
const disrupt_csv_field *claims_field(const claims_reader *r, const disrupt_csv_field *f,
                                      size_t n, int k);
/* 1 when the field is empty or only blanks. */
int claims_blank(const disrupt_csv_field *f);
/* A field's text without surrounding blanks, for labels: at most 200 bytes (*len);
 * "" when f is NULL. */
const char *claims_text(const disrupt_csv_field *f, int *len);
/* Event lists: 0 when the cell (NULL = absent) may go into a label; else 1 and the row
 * skipped with a warning naming the cell (invalid UTF-8 or control characters, text.h). */
int claims_text_refused(claims_reader *r, const disrupt_csv_field *f, long col);
/* 1 when every field of the row is blank. */
int claims_row_blank(const disrupt_csv_field *f, size_t n);

/* A start or end cell: an ISO 8601 date (the whole day in opt->tz: a start at its midnight,
 * an end at the next), with `months` a month "YYYY-MM" (likewise), or a date-time (naive in
 * opt->tz). Sets *span to where the boundary may lie at that precision (claims.h). On
 * failure sets *expected. */
int claims_parse_time(claims_reader *r, const char *s, size_t len, int is_end, int months,
                      int64_t *out, disrupt_claim_span *span, const char **expected);
/* A slashed date "a/b/yyyy" (event lists that write "1/3/2020"): 1 and its parts when the
 * whole cell is one, else 0. */
int claims_slashed(const disrupt_csv_field *f, int *a, int *b, int *y);
/* Its day as claims_parse_time reads a date, with a the day (dmy) or the month; non-zero
 * when the parts make no date of 1970-2099 in that order. */
int claims_slashed_day(claims_reader *r, int a, int b, int y, int dmy, int is_end, int64_t *out,
                       disrupt_claim_span *span);

/* "FILE:LINE:COL: expected …, found '…'" as an error. */
int claims_bad_cell(claims_reader *r, const disrupt_csv_field *f, long col, const char *expected,
                    disrupt_error *err);
/* Skips an item of an event list: a warning "PLACE: skipped: …" and the skipped count. */
void claims_skip_va(claims_reader *r, const char *place, const char *fmt, va_list ap);
/* Skips a row of an event list: a warning "FILE:LINE:COL: …" and the skipped count. */
void claims_skip(claims_reader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Adds a claim unless an identical one (dates, kinds, label) is already there; then counts
 * a duplicate. */
int claims_add_unique(claims_reader *r, const char *label, int64_t start, int64_t end,
                      const disrupt_claim_span *start_span, const disrupt_claim_span *end_span,
                      disrupt_kind_set kinds, const char *country, long line,
                      disrupt_error *err);

/* Cloudflare Radar outage annotations, a JSON file (claims_radar.c). */
struct json_object;
int claims_radar_read(claims_reader *r, struct json_object *root, disrupt_error *err);

/* Header recognisers: 1 and the reader set up when the header is theirs. */
int claims_own_header(claims_reader *r, const disrupt_csv_field *f, size_t n);
int claims_keepiton_header(claims_reader *r, const disrupt_csv_field *f, size_t n);
int claims_ioda_header(claims_reader *r, const disrupt_csv_field *f, size_t n);

#endif
