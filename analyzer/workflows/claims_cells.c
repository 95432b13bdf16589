/* claims_cells.c — what the claim dialects share (see claims_impl.h): columns and fields,
 * dates, bad cells, skipped-row warnings and duplicates. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims_impl.h"
#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"

void claims_trim(const char **s, size_t *len)
{
    while (*len && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*len)--;
    }
    while (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
        (*len)--;
}

long claims_column(const disrupt_csv_field *f, size_t n, const char *name)
{
    size_t want = strlen(name);
    for (size_t i = 0; i < n; i++) {
        const char *s = f[i].data;
        size_t len = f[i].len;
        claims_trim(&s, &len);
        if (len == want && strncasecmp(s, name, len) == 0)
            return (long)i;
    }
    return -1;
}

const disrupt_csv_field *claims_field(const claims_reader *r, const disrupt_csv_field *f,
                                      size_t n, int k)
{
    long c = r->col[k];
    return c >= 0 && (size_t)c < n ? &f[c] : NULL;
}

int claims_blank(const disrupt_csv_field *f)
{
    const char *s = f->data;
    size_t len = f->len;
    claims_trim(&s, &len);
    return len == 0;
}

const char *claims_text(const disrupt_csv_field *f, int *len)
{
    if (!f) {
        *len = 0;
        return "";
    }
    const char *s = f->data;
    size_t l = f->len;
    claims_trim(&s, &l);
    *len = (int)disrupt_text_cut(s, l, 200);
    return s;
}

int claims_text_refused(claims_reader *r, const disrupt_csv_field *f, long col)
{
    size_t at;
    const char *why;
    if (!f || !disrupt_text_check(f->data, f->len, &at, &why))
        return 0;
    char found[64];
    disrupt_error_excerpt(found, sizeof found, f->data, f->len, 40);
    claims_skip(r, f->line, col, "expected text %s (byte %zu is not), found '%s'", why, at + 1,
                found);
    return 1;
}

int claims_row_blank(const disrupt_csv_field *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!claims_blank(&f[i]))
            return 0;
    return 1;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* "YYYY-MM" and nothing else: a whole month. */
static int is_month_only(const char *s, size_t len)
{
    return len == 7 && s[4] == '-' && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
           is_digit(s[3]) && is_digit(s[5]) && is_digit(s[6]);
}

/* Local midnight of the civil day `day` (UTC seconds of its 00:00 UTC) in opt->tz. */
static int local_midnight(claims_reader *r, int64_t day, int64_t *out, const char **expected)
{
    char iso[DISRUPT_ISO_LEN];
    if (disrupt_time_format(day, NULL, "%Y-%m-%d", iso, sizeof iso) == 0) {
        *expected = "a date between 1970 and 2099";
        return DISRUPT_EDATA;
    }
    return disrupt_timeparser_parse(&r->local, iso, strlen(iso), out, expected);
}

int claims_parse_time(claims_reader *r, const char *s, size_t len, int is_end, int months,
                      int64_t *out, disrupt_claim_span *span, const char **expected)
{
    claims_trim(&s, &len);
    int month = months && is_month_only(s, len);
    if (!month && !disrupt_time_text_is_date(s, len)) {
        r->zoneless |= disrupt_time_text_is_zoneless(s, len);
        int rc = disrupt_timeparser_parse(&r->local, s, len, out, expected);
        *span = (disrupt_claim_span){*out, *out, DISRUPT_PRECISION_TIME};
        return rc;
    }
    r->zoneless = 1;
    int64_t first, next;
    if (month) {
        int y = atoi(s), m = atoi(s + 5);
        if (m < 1 || m > 12) {
            *expected = "a month 01 to 12";
            return DISRUPT_EDATA;
        }
        first = disrupt_time_from_civil(y, m, 1, 0, 0, 0);
        next = m == 12 ? disrupt_time_from_civil(y + 1, 1, 1, 0, 0, 0)
                       : disrupt_time_from_civil(y, m + 1, 1, 0, 0, 0);
    } else {
        if (disrupt_timeparser_parse(&r->utc, s, len, &first, expected))
            return DISRUPT_EDATA;
        next = first + 86400;
    }
    if (local_midnight(r, first, &span->lo, expected) ||
        local_midnight(r, next, &span->hi, expected))
        return DISRUPT_EDATA;
    span->precision = month ? DISRUPT_PRECISION_MONTH : DISRUPT_PRECISION_DAY;
    *out = is_end ? span->hi : span->lo;
    return DISRUPT_OK;
}

int claims_slashed(const disrupt_csv_field *f, int *a, int *b, int *y)
{
    int used = 0;
    return sscanf(f->data, " %d/%d/%d %n", a, b, y, &used) == 3 && (size_t)used == f->len;
}

int claims_slashed_day(claims_reader *r, int a, int b, int y, int dmy, int is_end, int64_t *out,
                       disrupt_claim_span *span)
{
    int d = dmy ? a : b, m = dmy ? b : a;
    if (m < 1 || m > 12 || d < 1 || y < 1970 || y > 2099 || d > disrupt_time_days_in_month(y, m))
        return 1;
    char iso[32];
    const char *expected;
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    return claims_parse_time(r, iso, strlen(iso), is_end, 0, out, span, &expected);
}

int claims_bad_cell(claims_reader *r, const disrupt_csv_field *f, long col, const char *expected,
                    disrupt_error *err)
{
    char found[80];
    disrupt_error_excerpt(found, sizeof found, f->data, f->len, 40);
    return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, f->line, col,
                                "expected %s, found '%s'", expected, found);
}

void claims_skip_va(claims_reader *r, const char *place, const char *fmt, va_list ap)
{
    r->out->skipped++;
    if (!r->opt->warn)
        return;
    char msg[512];
    int n = snprintf(msg, sizeof msg, "%s: skipped: ", place);
    if (n < 0 || (size_t)n >= sizeof msg)
        n = 0;   /* a place too long for the message: the reason alone */
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    r->opt->warn(r->opt->warn_ctx, msg);
}

void claims_skip(claims_reader *r, long line, long col, const char *fmt, ...)
{
    char place[320];
    snprintf(place, sizeof place, "%s:%ld:%ld", r->path, line, col);
    va_list ap;
    va_start(ap, fmt);
    claims_skip_va(r, place, fmt, ap);
    va_end(ap);
}

int claims_add_unique(claims_reader *r, const char *label, int64_t start, int64_t end,
                      const disrupt_claim_span *start_span, const disrupt_claim_span *end_span,
                      disrupt_kind_set kinds, const char *country, long line,
                      disrupt_error *err)
{
    for (size_t i = 0; i < r->out->count; i++) {
        const disrupt_claim *c = &r->out->items[i];
        if (c->start == start && c->end == end && c->kinds == kinds &&
            strcmp(c->label, label) == 0) {
            r->out->duplicates++;
            return DISRUPT_OK;
        }
    }
    int rc = disrupt_claim_list_add(r->out, label, start, end, kinds, NULL, country, line, err);
    if (rc == DISRUPT_OK) {
        disrupt_claim *c = &r->out->items[r->out->count - 1];
        if (start_span)
            c->start_span = *start_span;
        if (end_span)
            c->end_span = *end_span;
    }
    return rc;
}
