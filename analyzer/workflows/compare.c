/* compare.c — per-period summaries of detected windows; the rules are stated in compare.h. */
#include "disrupt/workflows/compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "disrupt/core/timefmt.h"
#include "disrupt/ingest/timeparse.h"

void disrupt_compare_result_init(disrupt_compare_result *r)
{
    memset(r, 0, sizeof *r);
}

void disrupt_compare_result_fini(disrupt_compare_result *r)
{
    for (size_t i = 0; i < r->count; i++) {
        free(r->items[i].name);
        free(r->items[i].windows);
    }
    free(r->items);
    disrupt_compare_result_init(r);
}

static int64_t overlap(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
    int64_t lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;
    return hi > lo ? hi - lo : 0;
}

typedef struct {
    int64_t start, end;
} span;

static int by_start(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Length of the union of spans (sorted in place). */
static int64_t union_length(span *s, size_t n)
{
    qsort(s, n, sizeof *s, by_start);
    int64_t total = 0, cur_start = 0, cur_end = 0;
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].end <= s[i].start)
            continue;
        if (open && s[i].start <= cur_end) {
            if (s[i].end > cur_end)
                cur_end = s[i].end;
            continue;
        }
        if (open)
            total += cur_end - cur_start;
        cur_start = s[i].start;
        cur_end = s[i].end;
        open = 1;
    }
    if (open)
        total += cur_end - cur_start;
    return total;
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of(double *v, size_t n)
{
    qsort(v, n, sizeof *v, by_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static int grow(disrupt_compare_result *r, disrupt_error *err)
{
    if (r->count < r->capacity)
        return DISRUPT_OK;
    size_t cap = r->capacity ? 2 * r->capacity : 8;
    if (cap > SIZE_MAX / sizeof *r->items)
        return disrupt_error_nomem(err);
    disrupt_compare_period *p = realloc(r->items, cap * sizeof *p);
    if (!p)
        return disrupt_error_nomem(err);
    r->items = p;
    r->capacity = cap;
    return DISRUPT_OK;
}

/* Days of [start, end) inside the union of the series' spans. */
static double covered_days(const disrupt_dataset *d, int64_t start, int64_t end, span *scratch)
{
    if (!d)
        return (double)(end - start) / 86400.0;
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) {
        int64_t a = d->series[i]->start, b = disrupt_series_end(d->series[i]);
        int64_t lo = a > start ? a : start, hi = b < end ? b : end;
        if (hi > lo)
            scratch[n++] = (span){lo, hi};
    }
    return (double)union_length(scratch, n) / 86400.0;
}

/* The local day (days since 1970 in tz) holding instant t. */
static int64_t local_day(int64_t t, const char *tz)
{
    int64_t local = t + disrupt_time_offset(t, tz);
    return (local - (((local % 86400) + 86400) % 86400)) / 86400;
}

/* Local midnight of local day `day` in tz. */
static int64_t day_start(int64_t day, const char *tz)
{
    int64_t guess = day * 86400;
    return guess - disrupt_time_offset(guess, tz);
}

/* Days touched by the parts [a, b): each part covers the local days from its first second's
 * to its last's; the union counted. parts are reordered. */
static double touched_days(span *parts, size_t n, const char *tz)
{
    for (size_t i = 0; i < n; i++)
        parts[i] = (span){local_day(parts[i].start, tz), local_day(parts[i].end - 1, tz) + 1};
    return (double)union_length(parts, n);
}

/* How deep a drop went: its deepest phase (a blackout with slow restoration is as deep as
 * its trough, not its median), or its own depth when it has no phases. */
static double deepest_drop(const disrupt_window *w)
{
    if (w->nphases == 0 || w->deepest >= w->nphases)
        return w->depth;
    double d = 1.0 - w->phases[w->deepest].level;
    return d > w->depth ? d : w->depth;
}

static void summarise(disrupt_compare_period *p, const disrupt_window_list *wl, const char *tz,
                      span *parts, double *depths)
{
    size_t n = 0, ndrops = 0;
    int64_t first = 0, last = 0;
    p->deepest = p->median_depth = p->highest_blocking = NAN;
    for (size_t k = 0; k < wl->count; k++) {
        const disrupt_window *w = &wl->items[k];
        if (overlap(w->start, w->end, p->start, p->end) == 0)
            continue;
        p->windows[n] = k;
        parts[n] = (span){w->start > p->start ? w->start : p->start,
                          w->end < p->end ? w->end : p->end};
        n++;
        if ((unsigned)w->kind < DISRUPT_NKINDS)
            p->by_kind[w->kind]++;
        if (disrupt_window_days(w) > p->longest_days)
            p->longest_days = disrupt_window_days(w);
        if (w->kind == DISRUPT_KIND_BLOCKING) {
            if (isnan(p->highest_blocking) || w->depth > p->highest_blocking)
                p->highest_blocking = w->depth;
        } else {
            depths[ndrops++] = w->depth;
            double deepest = deepest_drop(w);
            if (isnan(p->deepest) || deepest > p->deepest)
                p->deepest = deepest;
        }
        /* First and last disrupted day inside the period: a window crossing New Year is
         * cut at it, as the days are. */
        if (n == 1 || parts[n - 1].start < first)
            first = parts[n - 1].start;
        if (n == 1 || parts[n - 1].end > last)
            last = parts[n - 1].end;
    }
    p->nwindows = n;
    if (n == 0)
        return;
    if (ndrops)
        p->median_depth = median_of(depths, ndrops);
    p->disrupted_days = (double)union_length(parts, n) / 86400.0;
    p->calendar_days = touched_days(parts, n, tz);
    p->first = day_start(local_day(first, tz), tz);
    p->last = day_start(local_day(last - 1, tz), tz);
}

int disrupt_compare_add_period(disrupt_compare_result *r, const char *name, size_t source,
                               int64_t start, int64_t end, const char *tz,
                               const disrupt_dataset *data, const disrupt_window_list *windows,
                               disrupt_error *err)
{
    if (end <= start)
        return disrupt_error_set(err, DISRUPT_EINVAL, "period '%s' is empty", name);
    if (grow(r, err))
        return DISRUPT_ENOMEM;
    size_t nw = windows->count, ns = data ? data->count : 0;
    size_t nscratch = (nw > ns ? nw : ns) + 1;
    disrupt_compare_period p;
    memset(&p, 0, sizeof p);
    p.name = strdup(name);
    p.source = source;
    p.start = start;
    p.end = end;
    p.windows = calloc(nw + 1, sizeof *p.windows);
    span *parts = calloc(nscratch, sizeof *parts);
    double *depths = calloc(nw + 1, sizeof *depths);
    if (!p.name || !p.windows || !parts || !depths) {
        free(p.name);
        free(p.windows);
        free(parts);
        free(depths);
        return disrupt_error_nomem(err);
    }
    p.covered_days = covered_days(data, start, end, parts);
    summarise(&p, windows, tz, parts, depths);
    free(parts);
    free(depths);
    r->items[r->count++] = p;
    return DISRUPT_OK;
}

int64_t disrupt_compare_year_start(int year, int month, int day, const char *tz)
{
    if (day > disrupt_time_days_in_month(year, month))
        day = disrupt_time_days_in_month(year, month);
    char iso[32];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    disrupt_timeparser p;
    disrupt_timeparser_init(&p, NULL, tz);
    int64_t t = 0;
    const char *expected;
    if (disrupt_timeparser_parse(&p, iso, strlen(iso), &t, &expected))
        t = disrupt_time_from_civil(year, month, day, 0, 0, 0);   /* outside 1970–2099 */
    disrupt_timeparser_fini(&p);
    return t;
}

int disrupt_compare_by_year(disrupt_compare_result *r, size_t source, const disrupt_dataset *data,
                            const disrupt_window_list *windows, int month, int day,
                            const char *tz, disrupt_error *err)
{
    if (month < 1 || month > 12 || day < 1 || day > disrupt_time_days_in_month(2000, month))
        return disrupt_error_set(err, DISRUPT_EINVAL, "year start %02d-%02d is not a date", month,
                                 day);
    if (tz && !disrupt_time_zone_valid(tz))
        return disrupt_error_set(err, DISRUPT_EINVAL, "unknown time zone '%s'", tz);
    if (data->count == 0)
        return DISRUPT_OK;
    int64_t lo = data->series[0]->start, hi = disrupt_series_end(data->series[0]);
    for (size_t i = 1; i < data->count; i++) {
        if (data->series[i]->start < lo)
            lo = data->series[i]->start;
        if (disrupt_series_end(data->series[i]) > hi)
            hi = disrupt_series_end(data->series[i]);
    }
    struct tm tm;
    if (disrupt_time_local(lo, tz, &tm))
        return disrupt_error_set(err, DISRUPT_EINVAL, "cannot place the data in years");
    int year = tm.tm_year + 1900;
    if (lo < disrupt_compare_year_start(year, month, day, tz))
        year--;
    for (;; year++) {
        int64_t a = disrupt_compare_year_start(year, month, day, tz);
        int64_t b = disrupt_compare_year_start(year + 1, month, day, tz);
        if (a >= hi)
            break;
        char name[32];
        if (month == 1 && day == 1)
            snprintf(name, sizeof name, "%d", year);
        else
            snprintf(name, sizeof name, "%d/%02d", year, (year + 1) % 100);
        int rc = disrupt_compare_add_period(r, name, source, a, b, tz, data, windows, err);
        if (rc)
            return rc;
    }
    return DISRUPT_OK;
}
