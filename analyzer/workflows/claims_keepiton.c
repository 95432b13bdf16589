/* claims_keepiton.c — claims from an Access Now #KeepItOn STOP export (one row per shutdown).
 *
 * Columns by name (the 2019 sheet's older names accepted too): start_date, end_date, country,
 * area_name, shutdown_type ("Shutdown", "Throttle", "Shutdown, Throttle"), shutdown_extent
 * ("Full network", "Service-based", both). Dates are days ("2020-01-03" or "1/3/2020",
 * month first), so a row covers its start day through the whole of its end day in --tz.
 * Kinds: Throttle → throttling; Shutdown → shutdown for a full-network extent (or none
 * given), blocking for a service-based one.
 * Quirks handled: the same event repeated under several count_year rows (kept once);
 * ongoing events with no end date, unreadable dates and ends before starts (skipped with a
 * warning — the negative Excel-serial `duration` of ongoing events is never read).
 */
#define _GNU_SOURCE /* asprintf, strcasestr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims_impl.h"
#include "disrupt/core/country.h"

enum { K_START, K_END, K_COUNTRY, K_AREA, K_TYPE, K_EXTENT };

static long first_column(const disrupt_csv_field *f, size_t n, const char *a, const char *b)
{
    long c = claims_column(f, n, a);
    return c >= 0 || !b ? c : claims_column(f, n, b);
}

static int contains(const disrupt_csv_field *f, const char *word)
{
    return f && strcasestr(f->data, word) != NULL;
}

static disrupt_kind_set kinds_of(const disrupt_csv_field *type, const disrupt_csv_field *extent)
{
    disrupt_kind_set k = 0;
    if (contains(type, "throttl"))
        k |= DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING);
    if (contains(type, "shutdown")) {
        if (contains(extent, "service"))
            k |= DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING);
        if (contains(extent, "full") || !extent || claims_blank(extent))
            k |= DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN);
    }
    return k;
}

/* A day cell: ISO ("2020-01-03", or a date-time) or US "1/3/2020". 0 on success. */
static int day_cell(claims_reader *r, const disrupt_csv_field *f, int is_end, int64_t *out)
{
    int m, d, y, used = 0;
    const char *expected;
    if (sscanf(f->data, " %d/%d/%d %n", &m, &d, &y, &used) == 3 && (size_t)used == f->len) {
        if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 2099)
            return 1;
        return claims_day(r, y, m, d, is_end, out) != 0;
    }
    return claims_parse_time(r, f->data, f->len, is_end, out, &expected) != 0;
}

static const char *excerpt(const disrupt_csv_field *f, char *out, size_t outsz)
{
    if (!f)
        return "";
    disrupt_error_excerpt(out, outsz, f->data, f->len, 40);
    return out;
}

static int keepiton_row(claims_reader *r, const disrupt_csv_field *f, size_t n,
                        disrupt_error *err)
{
    const disrupt_csv_field *start = claims_field(r, f, n, K_START);
    const disrupt_csv_field *end = claims_field(r, f, n, K_END);
    const disrupt_csv_field *country = claims_field(r, f, n, K_COUNTRY);
    const disrupt_csv_field *area = claims_field(r, f, n, K_AREA);
    const disrupt_csv_field *type = claims_field(r, f, n, K_TYPE);
    const disrupt_csv_field *extent = claims_field(r, f, n, K_EXTENT);
    long line = f[0].line;
    char found[64];
    if (claims_row_blank(f, n))
        return DISRUPT_OK;
    if (r->opt->country &&
        (!country || !disrupt_country_matches(country->data, country->len, r->opt->country)))
        return DISRUPT_OK;
    int64_t t0, t1;
    if (!start || claims_blank(start) || day_cell(r, start, 0, &t0)) {
        claims_skip(r, line, r->col[K_START] + 1, "expected a start date, found '%s'",
                    excerpt(start, found, sizeof found));
        return DISRUPT_OK;
    }
    if (!end || claims_blank(end)) {
        claims_skip(r, line, r->col[K_END] + 1, "no end date (ongoing or unknown)");
        return DISRUPT_OK;
    }
    if (day_cell(r, end, 1, &t1)) {
        claims_skip(r, line, r->col[K_END] + 1, "expected an end date, found '%s'",
                    excerpt(end, found, sizeof found));
        return DISRUPT_OK;
    }
    if (t1 <= t0) {
        claims_skip(r, line, r->col[K_END] + 1, "the end date '%s' precedes the start date",
                    excerpt(end, found, sizeof found));
        return DISRUPT_OK;
    }
    int cl, al, tl, el;
    const char *cs = claims_text(country, &cl), *as = claims_text(area, &al),
               *ts = claims_text(type, &tl), *es = claims_text(extent, &el);
    char *final = NULL;
    int rc;
    if (asprintf(&final, "Access Now #KeepItOn: %.*s%s%.*s%s — %.*s%s%.*s", tl, ts,
                 el ? " (" : "", el, es, el ? ")" : "", cl, cs, al ? ", " : "", al, as) < 0)
        rc = disrupt_error_nomem(err);
    else
        rc = claims_add_unique(r, final, t0, t1, kinds_of(type, extent),
                               country ? disrupt_country_code(country->data, country->len) : NULL,
                               line, err);
    free(final);
    return rc;
}

int claims_keepiton_header(claims_reader *r, const disrupt_csv_field *f, size_t n)
{
    r->col[K_START] = claims_column(f, n, "start_date");
    r->col[K_END] = claims_column(f, n, "end_date");
    r->col[K_COUNTRY] = claims_column(f, n, "country");
    if (r->col[K_START] < 0 || r->col[K_END] < 0 || r->col[K_COUNTRY] < 0)
        return 0;
    r->col[K_AREA] = first_column(f, n, "area_name", "sub-region");
    r->col[K_TYPE] = first_column(f, n, "shutdown_type", "shutdown_type_new");
    r->col[K_EXTENT] = first_column(f, n, "shutdown_extent", "full or service-based");
    r->row = keepiton_row;
    r->out->dialect = "keepiton";
    return 1;
}
