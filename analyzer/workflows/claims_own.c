/* claims_own.c — the project's own claims CSV, `label,start,end[,kind][,signal]`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims_impl.h"

#include "disrupt/core/text.h"

enum { COL_LABEL, COL_START, COL_END, COL_KIND, COL_SIGNAL };

/* A copy of a field without surrounding blanks; NULL when blank (or *failed on ENOMEM). */
static char *field_text(const disrupt_csv_field *f, int *failed)
{
    const char *s = f->data;
    size_t len = f->len;
    claims_trim(&s, &len);
    if (len == 0)
        return NULL;
    char *t = strndup(s, len);
    if (!t)
        *failed = 1;
    return t;
}

/* A slashed date "22/07/2019": read in the order --date-order gives; without it, which order
 * a hand-written claims file means cannot be told, so it is refused with the way out. */
static int slashed_cell(claims_reader *r, const disrupt_csv_field *f, int k, int is_end,
                        int64_t *out, disrupt_claim_span *span, disrupt_error *err)
{
    int a, b, y;
    if (!claims_slashed(f, &a, &b, &y))
        return -1;
    if (r->opt->date_order == DISRUPT_DATE_ORDER_AUTO)
        return claims_bad_cell(r, f, r->col[k] + 1,
                               "a date as 2019-07-22 (slashed dates need --date-order dmy or "
                               "mdy)",
                               err);
    int dmy = r->opt->date_order == DISRUPT_DATE_ORDER_DMY;
    if (claims_slashed_day(r, a, b, y, dmy, is_end, out, span))
        return claims_bad_cell(r, f, r->col[k] + 1,
                               dmy ? "a day/month/year date" : "a month/day/year date", err);
    return DISRUPT_OK;
}

static int read_time_cell(claims_reader *r, const disrupt_csv_field *f, int k, int is_end,
                          int64_t *out, disrupt_claim_span *span, disrupt_error *err)
{
    const char *expected;
    int rc = slashed_cell(r, f, k, is_end, out, span, err);
    if (rc >= 0)
        return rc;
    if (claims_parse_time(r, f->data, f->len, is_end, 1, out, span, &expected))
        return claims_bad_cell(r, f, r->col[k] + 1, expected, err);
    return DISRUPT_OK;
}

/* A label or signal cell that cannot be shown (text.h) is an error at its place. */
static int text_refused(claims_reader *r, const disrupt_csv_field *f, int k, const char *what,
                        disrupt_error *err)
{
    size_t at;
    const char *why;
    if (!disrupt_text_check(f->data, f->len, &at, &why))
        return 0;
    char expected[64];
    snprintf(expected, sizeof expected, "%s %s", what, why);
    claims_bad_cell(r, f, r->col[k] + 1, expected, err);
    return 1;
}

static int own_row(claims_reader *r, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    const disrupt_csv_field *label = claims_field(r, f, n, COL_LABEL);
    const disrupt_csv_field *start = claims_field(r, f, n, COL_START);
    const disrupt_csv_field *end = claims_field(r, f, n, COL_END);
    const disrupt_csv_field *kind = claims_field(r, f, n, COL_KIND);
    const disrupt_csv_field *signal = claims_field(r, f, n, COL_SIGNAL);
    long line = f[0].line;
    if (!label || !start || !end) {
        long missing = !label ? r->col[COL_LABEL] : !start ? r->col[COL_START] : r->col[COL_END];
        return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, line, missing + 1,
                                    "expected %ld fields as in the header, found %zu",
                                    missing + 1, n);
    }
    if (claims_blank(label))
        return claims_bad_cell(r, label, r->col[COL_LABEL] + 1, "a label", err);
    if (text_refused(r, label, COL_LABEL, "a label", err) ||
        (signal && text_refused(r, signal, COL_SIGNAL, "a signal name", err)))
        return DISRUPT_EDATA;
    int64_t t0, t1;
    disrupt_claim_span s0, s1;
    if (read_time_cell(r, start, COL_START, 0, &t0, &s0, err) ||
        read_time_cell(r, end, COL_END, 1, &t1, &s1, err))
        return DISRUPT_EDATA;
    if (t1 <= t0)
        return claims_bad_cell(r, end, r->col[COL_END] + 1, "an end after the start", err);
    disrupt_kind_set kinds = 0;
    if (kind && disrupt_kind_set_parse(kind->data, kind->len, &kinds))
        return claims_bad_cell(r, kind, r->col[COL_KIND] + 1,
                               "shutdown, throttling, blocking, outage (joined by '+') or nothing", err);
    int failed = 0;
    char *lab = field_text(label, &failed);
    char *sig = signal ? field_text(signal, &failed) : NULL;
    int rc = failed ? disrupt_error_nomem(err)
                    : disrupt_claim_list_add(r->out, lab, t0, t1, kinds, sig, NULL, line, err);
    if (rc == DISRUPT_OK) {
        r->out->items[r->out->count - 1].start_span = s0;
        r->out->items[r->out->count - 1].end_span = s1;
    }
    free(lab);
    free(sig);
    return rc;
}

int claims_own_header(claims_reader *r, const disrupt_csv_field *f, size_t n)
{
    static const char *const names[] = {"label", "start", "end", "kind", "signal"};
    for (int k = 0; k < 5; k++)
        r->col[k] = claims_column(f, n, names[k]);
    if (r->col[COL_LABEL] < 0 || r->col[COL_START] < 0 || r->col[COL_END] < 0)
        return 0;
    r->row = own_row;
    r->out->dialect = "claims";
    return 1;
}
