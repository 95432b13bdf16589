/* claims_keepiton.c — claims from an Access Now #KeepItOn STOP export (one row per shutdown).
 *
 * Columns by name (the 2019 sheet's older names accepted too): start_date, end_date, country,
 * area_name, shutdown_type ("Shutdown", "Throttle", "Shutdown, Throttle"), shutdown_extent
 * ("Full network", "Service-based", both). Dates are days ("2020-01-03", or slashed
 * "1/3/2020" in the order the whole column shows: see claims.h), so a row covers its start
 * day through the whole of its end day in --tz. Rows are kept until the file is read, since
 * the order of the last row's dates may be what decides the first's.
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

/* Kinds from shutdown_type and shutdown_extent as both sheets write them: the older
 * "Shutdown"/"Throttle" with a "Full network"/"Service-based" extent, and the newer types
 * "Full network", "Service-based", "Throttling" (several joined by commas). */
static disrupt_kind_set kinds_of(const disrupt_csv_field *type, const disrupt_csv_field *extent)
{
    disrupt_kind_set k = 0;
    if (contains(type, "throttl"))
        k |= DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING);
    if (contains(type, "full network"))
        k |= DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN);
    if (contains(type, "service"))
        k |= DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING);
    if (contains(type, "shutdown")) {
        if (contains(extent, "service"))
            k |= DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING);
        if (contains(extent, "full") || !extent || claims_blank(extent))
            k |= DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN);
    }
    return k;
}

/* A date cell as written: ISO ("2020-01-03", or a date-time), or slashed "a/b/yyyy", whose
 * order is decided for the whole column once every row is read. */
typedef struct {
    int slashed;
    int a, b, y;                 /* slashed parts */
    char *iso;                   /* otherwise the cell's text */
    long col;
} date_cell;

/* A row kept until the date order is known. */
typedef struct {
    char *label, *country;
    disrupt_kind_set kinds;
    date_cell start, end;
    long line;
} pending_row;

typedef struct {
    pending_row *rows;
    size_t count, capacity;
    int dmy_seen, mdy_seen;      /* a first (second) part above 12 somewhere */
    int ambiguous;               /* a slashed date with different parts both ≤ 12 */
    long ambiguous_line;
    char ambiguous_text[48];
} keepiton_state;

/* Reads a date cell's shape; 1 when it is neither ISO-like nor a slashed date. */
static int read_date_cell(const disrupt_csv_field *f, long col, date_cell *c, int *failed)
{
    memset(c, 0, sizeof *c);
    c->col = col;
    if (claims_slashed(f, &c->a, &c->b, &c->y)) {
        c->slashed = 1;
        return c->a < 1 || c->a > 31 || c->b < 1 || c->b > 31 || c->y < 1970 || c->y > 2099;
    }
    c->iso = strndup(f->data, f->len);
    if (!c->iso)
        *failed = 1;
    return 0;
}

static void note_order(keepiton_state *st, const date_cell *c, long line)
{
    if (!c->slashed)
        return;
    st->dmy_seen |= c->a > 12;
    st->mdy_seen |= c->b > 12;
    if (c->a <= 12 && c->b <= 12 && c->a != c->b && !st->ambiguous) {
        st->ambiguous = 1;
        st->ambiguous_line = line;
        snprintf(st->ambiguous_text, sizeof st->ambiguous_text, "%02d/%02d/%d", c->a, c->b,
                 c->y);
    }
}

static int resolve_date(claims_reader *r, const date_cell *c, int dmy, int is_end, int64_t *out,
                        disrupt_claim_span *span)
{
    const char *expected;
    if (!c->slashed)
        return claims_parse_time(r, c->iso, strlen(c->iso), is_end, 0, out, span, &expected) != 0;
    return claims_slashed_day(r, c->a, c->b, c->y, dmy, is_end, out, span) != 0;
}

static const char *excerpt(const disrupt_csv_field *f, char *out, size_t outsz)
{
    if (!f)
        return "";
    disrupt_error_excerpt(out, outsz, f->data, f->len, 40);
    return out;
}

static int keep_row(keepiton_state *st, pending_row *row, disrupt_error *err)
{
    if (st->count == st->capacity) {
        size_t cap = st->capacity ? st->capacity * 2 : 16;
        pending_row *rows = realloc(st->rows, cap * sizeof *rows);
        if (!rows)
            return disrupt_error_nomem(err);
        st->rows = rows;
        st->capacity = cap;
    }
    st->rows[st->count++] = *row;
    return DISRUPT_OK;
}

static void free_row(pending_row *row)
{
    free(row->label);
    free(row->country);
    free(row->start.iso);
    free(row->end.iso);
}

static int keepiton_row(claims_reader *r, const disrupt_csv_field *f, size_t n,
                        disrupt_error *err)
{
    keepiton_state *st = r->state;
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
    pending_row row;
    memset(&row, 0, sizeof row);
    row.line = line;
    int failed = 0;
    if (!start || claims_blank(start) ||
        read_date_cell(start, r->col[K_START] + 1, &row.start, &failed)) {
        claims_skip(r, line, r->col[K_START] + 1, "expected a start date, found '%s'",
                    excerpt(start, found, sizeof found));
        free_row(&row);
        return DISRUPT_OK;
    }
    if (!end || claims_blank(end)) {
        claims_skip(r, line, r->col[K_END] + 1, "no end date (ongoing or unknown)");
        free_row(&row);
        return DISRUPT_OK;
    }
    if (read_date_cell(end, r->col[K_END] + 1, &row.end, &failed)) {
        claims_skip(r, line, r->col[K_END] + 1, "expected an end date, found '%s'",
                    excerpt(end, found, sizeof found));
        free_row(&row);
        return DISRUPT_OK;
    }
    if (claims_text_refused(r, country, r->col[K_COUNTRY] + 1) ||
        claims_text_refused(r, area, r->col[K_AREA] + 1) ||
        claims_text_refused(r, type, r->col[K_TYPE] + 1) ||
        claims_text_refused(r, extent, r->col[K_EXTENT] + 1)) {
        free_row(&row);
        return DISRUPT_OK;
    }
    int cl, al, tl, el;
    const char *cs = claims_text(country, &cl), *as = claims_text(area, &al),
               *ts = claims_text(type, &tl), *es = claims_text(extent, &el);
    if (asprintf(&row.label, "Access Now #KeepItOn: %.*s%s%.*s%s — %.*s%s%.*s", tl, ts,
                 el ? " (" : "", el, es, el ? ")" : "", cl, cs, al ? ", " : "", al, as) < 0) {
        row.label = NULL;
        failed = 1;
    }
    const char *code = country ? disrupt_country_code(country->data, country->len) : NULL;
    if (code && !(row.country = strdup(code)))
        failed = 1;
    row.kinds = kinds_of(type, extent);
    if (failed) {
        free_row(&row);
        return disrupt_error_nomem(err);
    }
    note_order(st, &row.start, line);
    note_order(st, &row.end, line);
    int rc = keep_row(st, &row, err);
    if (rc)
        free_row(&row);
    return rc;
}

/* The order of slashed dates: as asked, else what the column shows (keepiton_state). */
static int decide_order(claims_reader *r, const keepiton_state *st, int *dmy, disrupt_error *err)
{
    if (r->opt->date_order != DISRUPT_DATE_ORDER_AUTO) {
        *dmy = r->opt->date_order == DISRUPT_DATE_ORDER_DMY;
        return DISRUPT_OK;
    }
    if (st->dmy_seen && st->mdy_seen)
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: the dates mix day/month/year and month/day/year (a day "
                                 "above 12 in both places); give --date-order dmy or mdy",
                                 r->path);
    if (!st->dmy_seen && !st->mdy_seen && st->ambiguous)
        return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, st->ambiguous_line, 0,
                                    "cannot tell whether '%s' is day/month or month/day: no "
                                    "date in the file has a part above 12; give --date-order "
                                    "dmy or mdy",
                                    st->ambiguous_text);
    *dmy = st->dmy_seen;
    return DISRUPT_OK;
}

static int keepiton_finish(claims_reader *r, disrupt_error *err)
{
    keepiton_state *st = r->state;
    int dmy = 0, rc = decide_order(r, st, &dmy, err);
    char text[48];
    for (size_t i = 0; i < st->count && rc == DISRUPT_OK; i++) {
        pending_row *row = &st->rows[i];
        int64_t t0, t1;
        disrupt_claim_span s0, s1;
        if (resolve_date(r, &row->start, dmy, 0, &t0, &s0)) {
            claims_skip(r, row->line, row->start.col, "expected a start date in %s order",
                        dmy ? "day/month/year" : "month/day/year");
            continue;
        }
        if (resolve_date(r, &row->end, dmy, 1, &t1, &s1)) {
            claims_skip(r, row->line, row->end.col, "expected an end date in %s order",
                        dmy ? "day/month/year" : "month/day/year");
            continue;
        }
        if (t1 <= t0) {
            if (row->end.slashed)
                snprintf(text, sizeof text, "%d/%d/%d", row->end.a, row->end.b, row->end.y);
            else
                snprintf(text, sizeof text, "%.31s", row->end.iso);
            claims_skip(r, row->line, row->end.col, "the end date '%s' precedes the start date",
                        text);
            continue;
        }
        rc = claims_add_unique(r, row->label, t0, t1, &s0, &s1, row->kinds, row->country,
                               row->line, err);
    }
    return rc;
}

static void keepiton_release(claims_reader *r)
{
    keepiton_state *st = r->state;
    if (!st)
        return;
    for (size_t i = 0; i < st->count; i++)
        free_row(&st->rows[i]);
    free(st->rows);
    free(st);
    r->state = NULL;
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
    r->state = calloc(1, sizeof(keepiton_state));
    if (!r->state)
        return 0;   /* out of memory: the header is then reported as not recognised */
    r->row = keepiton_row;
    r->finish = keepiton_finish;
    r->release = keepiton_release;
    r->out->dialect = "keepiton";
    return 1;
}
