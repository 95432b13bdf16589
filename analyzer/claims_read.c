/* claims_read.c — reading claim files: the header decides the dialect; the project's own
 * `label,start,end[,kind][,signal]` is read here, event lists in claims_keepiton.c and
 * claims_ioda.c. Shared helpers for dates, warnings and duplicates live here too. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims_impl.h"
#include "disrupt/country.h"
#include "disrupt/timefmt.h"

enum { COL_LABEL, COL_START, COL_END, COL_KIND, COL_SIGNAL };

static void trim(const char **s, size_t *len)
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
        trim(&s, &len);
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
    trim(&s, &len);
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
    trim(&s, &l);
    *len = l > 200 ? 200 : (int)l;
    return s;
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

/* "YYYY-MM-DD" and nothing else: a whole day. */
static int is_date_only(const char *s, size_t len)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return 0;
    return 1;
}

int claims_parse_time(claims_reader *r, const char *s, size_t len, int is_end, int64_t *out,
                      const char **expected)
{
    trim(&s, &len);
    if (!is_date_only(s, len))
        return disrupt_timeparser_parse(&r->local, s, len, out, expected);
    int64_t day;
    if (disrupt_timeparser_parse(&r->utc, s, len, &day, expected))
        return DISRUPT_EDATA;
    if (is_end)
        day += 86400;
    char iso[DISRUPT_ISO_LEN];
    if (disrupt_time_format(day, NULL, "%Y-%m-%d", iso, sizeof iso) == 0) {
        *expected = "a date between 1970 and 2099";
        return DISRUPT_EDATA;
    }
    return disrupt_timeparser_parse(&r->local, iso, strlen(iso), out, expected);
}

int claims_day(claims_reader *r, int y, int m, int d, int is_end, int64_t *out)
{
    char iso[32];
    const char *expected;
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
    return claims_parse_time(r, iso, strlen(iso), is_end, out, &expected);
}

int claims_bad_cell(claims_reader *r, const disrupt_csv_field *f, long col, const char *expected,
                    disrupt_error *err)
{
    char found[80];
    disrupt_error_excerpt(found, sizeof found, f->data, f->len, 40);
    return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, f->line, col,
                                "expected %s, found '%s'", expected, found);
}

void claims_skip(claims_reader *r, long line, long col, const char *fmt, ...)
{
    r->out->skipped++;
    if (!r->opt->warn)
        return;
    char msg[512];
    int n = snprintf(msg, sizeof msg, "%s:%ld:%ld: skipped: ", r->path, line, col);
    if (n < 0 || (size_t)n >= sizeof msg)
        n = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    va_end(ap);
    r->opt->warn(r->opt->warn_ctx, msg);
}

int claims_add_unique(claims_reader *r, const char *label, int64_t start, int64_t end,
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
    return disrupt_claim_list_add(r->out, label, start, end, kinds, NULL, country, line, err);
}

/* ---- the project's own claims CSV ---- */

/* A copy of a field without surrounding blanks; NULL when blank (or *failed on ENOMEM). */
static char *field_text(const disrupt_csv_field *f, int *failed)
{
    const char *s = f->data;
    size_t len = f->len;
    trim(&s, &len);
    if (len == 0)
        return NULL;
    char *t = strndup(s, len);
    if (!t)
        *failed = 1;
    return t;
}

static int read_time_cell(claims_reader *r, const disrupt_csv_field *f, int k, int is_end,
                          int64_t *out, disrupt_error *err)
{
    const char *expected;
    if (claims_parse_time(r, f->data, f->len, is_end, out, &expected))
        return claims_bad_cell(r, f, r->col[k] + 1, expected, err);
    return DISRUPT_OK;
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
    int64_t t0, t1;
    if (read_time_cell(r, start, COL_START, 0, &t0, err) ||
        read_time_cell(r, end, COL_END, 1, &t1, err))
        return DISRUPT_EDATA;
    if (t1 <= t0)
        return claims_bad_cell(r, end, r->col[COL_END] + 1, "an end after the start", err);
    disrupt_kind_set kinds = 0;
    if (kind && disrupt_kind_set_parse(kind->data, kind->len, &kinds))
        return claims_bad_cell(r, kind, r->col[COL_KIND] + 1,
                               "shutdown, throttling, blocking (joined by '+') or nothing", err);
    int failed = 0;
    char *lab = field_text(label, &failed);
    char *sig = signal ? field_text(signal, &failed) : NULL;
    int rc = failed ? disrupt_error_nomem(err)
                    : disrupt_claim_list_add(r->out, lab, t0, t1, kinds, sig, NULL, line, err);
    free(lab);
    free(sig);
    return rc;
}

static int own_header(claims_reader *r, const disrupt_csv_field *f, size_t n)
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

static int on_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    claims_reader *r = ctx;
    if (r->row)
        return r->row(r, f, n, err);
    for (int k = 0; k < CLAIMS_MAX_COLUMNS; k++)
        r->col[k] = -1;
    if (own_header(r, f, n) || claims_keepiton_header(r, f, n) || claims_ioda_header(r, f, n))
        return DISRUPT_OK;
    return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, f[0].line, 1,
                                "expected a header 'label,start,end[,kind][,signal]', an Access "
                                "Now #KeepItOn export or the IODA outage list");
}

int disrupt_claims_read(const char *path, const disrupt_claims_options *o,
                        disrupt_claim_list *out, disrupt_error *err)
{
    if (o->tz && !disrupt_time_zone_valid(o->tz))
        return disrupt_error_set(err, DISRUPT_EINVAL, "unknown time zone '%s'", o->tz);
    if (o->country && !disrupt_country_known(o->country))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "unknown country '%s': expected an ISO 3166 code or name",
                                 o->country);
    claims_reader r;
    memset(&r, 0, sizeof r);
    r.path = strcmp(path, "-") == 0 ? "<stdin>" : path;
    r.opt = o;
    r.out = out;
    disrupt_timeparser_init(&r.utc, NULL, NULL);
    disrupt_timeparser_init(&r.local, NULL, o->tz);
    disrupt_csv_reader csv;
    disrupt_csv_reader_init(&csv, on_row, &r);
    int rc = disrupt_csv_read(path, r.path, &csv, err);
    if (rc == 0 && !r.row)
        rc = disrupt_error_set_at(err, DISRUPT_EDATA, r.path, 1, 1,
                                  "expected a header row, found an empty file");
    disrupt_timeparser_fini(&r.local);
    disrupt_timeparser_fini(&r.utc);
    return rc;
}
