/* claims_ioda.c — claims from the IODA curated outage list (Bischof et al., SIGCOMM 2023).
 *
 * Columns by name, blanks around header names ignored: ID, Begin time, End time, Country,
 * Scope (…), Cause. Every row is an outage (kind shutdown). Times are UTC in mixed formats:
 *   "Saturday, November 16, 2019, 2:00:00 PM"   12-hour clock, weekday optional;
 *   "4/3/2020  15:15:00 PM"                     month first; an hour above 12 is a 24-hour
 *                                               clock whose AM/PM is redundant and ignored,
 *                                               otherwise AM/PM applies; minutes may have
 *                                               one digit ("22:0:00");
 *   ISO 8601.
 * Rows without a usable begin or end are skipped with a warning.
 */
#define _GNU_SOURCE /* asprintf, strptime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "claims_impl.h"
#include "disrupt/core/country.h"
#include "disrupt/core/timefmt.h"

enum { I_ID, I_BEGIN, I_END, I_COUNTRY, I_SCOPE, I_CAUSE };

static int rest_is_blank(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return *p == '\0';
}

/* "[Weekday, ]Month D, YYYY, h:mm:ss AM|PM". */
static int parse_long_form(const char *s, struct tm *tm)
{
    const char *formats[] = {"%A, %B %d, %Y, %I:%M:%S %p", "%B %d, %Y, %I:%M:%S %p"};
    for (size_t i = 0; i < 2; i++) {
        memset(tm, 0, sizeof *tm);
        const char *p = strptime(s, formats[i], tm);
        if (p && rest_is_blank(p))
            return 1;
    }
    return 0;
}

/* "M/D/YYYY H:M:S [AM|PM]" with the hour rule stated at the top. */
static int parse_slash_form(const char *s, struct tm *tm)
{
    memset(tm, 0, sizeof *tm);
    const char *p = strptime(s, "%m/%d/%Y %H:%M:%S", tm);
    if (!p)
        return 0;
    while (*p == ' ' || *p == '\t')
        p++;
    if (strncasecmp(p, "AM", 2) == 0 || strncasecmp(p, "PM", 2) == 0) {
        int pm = (p[0] == 'P' || p[0] == 'p');
        if (tm->tm_hour <= 12) {
            if (tm->tm_hour == 12)
                tm->tm_hour = 0;
            if (pm)
                tm->tm_hour += 12;
        }
        p += 2;
    }
    return rest_is_blank(p);
}

static int ioda_time(claims_reader *r, const disrupt_csv_field *f, int64_t *out)
{
    struct tm tm;
    const char *expected;
    if (parse_long_form(f->data, &tm) || parse_slash_form(f->data, &tm)) {
        if (tm.tm_year + 1900 < 1970 || tm.tm_year + 1900 > 2099)
            return 1;
        *out = disrupt_time_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                                       tm.tm_min, tm.tm_sec);
        return 0;
    }
    return disrupt_timeparser_parse(&r->utc, f->data, f->len, out, &expected) != 0;
}

static int ioda_row(claims_reader *r, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    const disrupt_csv_field *id = claims_field(r, f, n, I_ID);
    const disrupt_csv_field *begin = claims_field(r, f, n, I_BEGIN);
    const disrupt_csv_field *end = claims_field(r, f, n, I_END);
    const disrupt_csv_field *country = claims_field(r, f, n, I_COUNTRY);
    const disrupt_csv_field *scope = claims_field(r, f, n, I_SCOPE);
    const disrupt_csv_field *cause = claims_field(r, f, n, I_CAUSE);
    long line = f[0].line;
    char found[64];
    if (claims_row_blank(f, n))
        return DISRUPT_OK;   /* a row of empty trailing columns only */
    if (r->opt->country &&
        (!country || !disrupt_country_matches(country->data, country->len, r->opt->country)))
        return DISRUPT_OK;
    int64_t t0, t1;
    if (!begin || ioda_time(r, begin, &t0)) {
        if (begin)
            disrupt_error_excerpt(found, sizeof found, begin->data, begin->len, 40);
        claims_skip(r, line, r->col[I_BEGIN] + 1, "expected a begin time, found '%s'",
                    begin ? found : "");
        return DISRUPT_OK;
    }
    if (!end || ioda_time(r, end, &t1)) {
        if (end)
            disrupt_error_excerpt(found, sizeof found, end->data, end->len, 40);
        claims_skip(r, line, r->col[I_END] + 1, "expected an end time, found '%s'",
                    end ? found : "");
        return DISRUPT_OK;
    }
    if (t1 <= t0) {
        claims_skip(r, line, r->col[I_END] + 1, "the end time precedes the begin time");
        return DISRUPT_OK;
    }
    if (claims_text_refused(r, id, r->col[I_ID] + 1) ||
        claims_text_refused(r, country, r->col[I_COUNTRY] + 1) ||
        claims_text_refused(r, scope, r->col[I_SCOPE] + 1) ||
        claims_text_refused(r, cause, r->col[I_CAUSE] + 1))
        return DISRUPT_OK;
    int il, cl, sl, kl;
    const char *is = claims_text(id, &il), *cs = claims_text(country, &cl),
               *ss = claims_text(scope, &sl), *ks = claims_text(cause, &kl);
    char *label = NULL;
    if (asprintf(&label, "IODA outage%s%.*s — %.*s%s%.*s%s%.*s", il ? " " : "", il, is, cl, cs,
                 sl ? ", " : "", sl, ss, kl ? ", cause: " : "", kl, ks) < 0)
        return disrupt_error_nomem(err);
    int rc = claims_add_unique(r, label, t0, t1, NULL, NULL, DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN),
                               country ? disrupt_country_code(country->data, country->len) : NULL,
                               line, err);
    free(label);
    return rc;
}

/* Index of the header whose trimmed name starts with prefix, or −1 ("Scope (based on …)"). */
static long column_prefix(const disrupt_csv_field *f, size_t n, const char *prefix)
{
    size_t want = strlen(prefix);
    for (size_t i = 0; i < n; i++) {
        const char *s = f[i].data;
        while (*s == ' ')
            s++;
        if (strncasecmp(s, prefix, want) == 0)
            return (long)i;
    }
    return -1;
}

int claims_ioda_header(claims_reader *r, const disrupt_csv_field *f, size_t n)
{
    r->col[I_BEGIN] = claims_column(f, n, "Begin time");
    r->col[I_END] = claims_column(f, n, "End time");
    if (r->col[I_BEGIN] < 0 || r->col[I_END] < 0)
        return 0;
    r->col[I_ID] = claims_column(f, n, "ID");
    r->col[I_COUNTRY] = claims_column(f, n, "Country");
    r->col[I_SCOPE] = column_prefix(f, n, "Scope");
    r->col[I_CAUSE] = claims_column(f, n, "Cause");
    r->row = ioda_row;
    r->out->dialect = "ioda-outages";
    return 1;
}
