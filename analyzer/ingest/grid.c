/* grid.c — raw samples to regular series: sort, infer the step, place, aggregate. */
#define _GNU_SOURCE
#include "disrupt/ingest/grid.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/timefmt.h"
#include "disrupt/ingest/timeparse.h"

/* A grid may be sparse (long gaps stay missing) but not absurdly so: beyond this many grid
 * times per row, the samples come out of the caller's budget (grid.h). */
#define GRID_MAX_PER_ROW 1000

int disrupt_grid_table_init(disrupt_grid_table *t, size_t ncols, int counts,
                            disrupt_aggregate agg, disrupt_error *err)
{
    memset(t, 0, sizeof *t);
    t->ncols = ncols;
    t->counts = counts;
    t->agg = agg;
    t->sorted = 1;
    t->value = calloc(ncols ? ncols : 1, sizeof *t->value);
    if (counts)
        t->trials = calloc(ncols ? ncols : 1, sizeof *t->trials);
    if (!t->value || (counts && !t->trials)) {
        disrupt_grid_table_fini(t);
        return disrupt_error_nomem(err);
    }
    return 0;
}

void disrupt_grid_table_fini(disrupt_grid_table *t)
{
    for (size_t j = 0; t->value && j < t->ncols; j++)
        free(t->value[j]);
    for (size_t j = 0; t->trials && j < t->ncols; j++)
        free(t->trials[j]);
    for (size_t j = 0; t->weight && j < t->ncols; j++)
        free(t->weight[j]);
    free(t->value);
    free(t->trials);
    free(t->weight);
    free(t->time);
    memset(t, 0, sizeof *t);
}

static int resize(void **p, size_t n, size_t elem)
{
    if (n > SIZE_MAX / elem)
        return 1;
    void *q = realloc(*p, n * elem);
    if (!q)
        return 1;
    *p = q;
    return 0;
}

static int table_grow(disrupt_grid_table *t)
{
    /* Small first: a long file may hold thousands of short series (one per domain). */
    size_t cap = t->cap < 16 ? 16 : t->cap + t->cap / 2;
    if (cap <= t->cap)
        return 1;
    if (resize((void **)&t->time, cap, sizeof(int64_t)))
        return 1;
    for (size_t j = 0; j < t->ncols; j++) {
        if (resize((void **)&t->value[j], cap, sizeof(double)))
            return 1;
        if (t->counts && resize((void **)&t->trials[j], cap, sizeof(double)))
            return 1;
        if (t->weight && resize((void **)&t->weight[j], cap, sizeof(double)))
            return 1;
    }
    t->cap = cap;
    return 0;
}

/* Weights for means of merged rows: each row so far stands for one value per column. */
static int add_weights(disrupt_grid_table *t)
{
    t->weight = calloc(t->ncols ? t->ncols : 1, sizeof *t->weight);
    if (!t->weight)
        return 1;
    for (size_t j = 0; j < t->ncols; j++) {
        if (!(t->weight[j] = malloc((t->cap ? t->cap : 1) * sizeof(double))))
            return 1;
        for (size_t i = 0; i < t->n; i++)
            t->weight[j][i] = 1;
    }
    return 0;
}

/* Folds a row into the last one, which has the same time: what the grid would do with the
 * two, done now so that a run of rows on one stamp costs one row (aggregate while reading).
 * A value joins as acc_add below joins it; a mean keeps the sum and its weight. */
static int merge_into_last(disrupt_grid_table *t, const double *values, const double *trials)
{
    size_t i = t->n - 1;
    if (!t->counts && t->agg == DISRUPT_AGG_MEAN && !t->weight && add_weights(t))
        return 1;
    for (size_t j = 0; j < t->ncols; j++) {
        double v = values[j], *old = &t->value[j][i];
        if (isnan(v))
            continue;
        if (isnan(*old)) {
            *old = v;
            if (t->counts)
                t->trials[j][i] = trials[j];
            continue;
        }
        if (t->counts) {
            *old += v;
            t->trials[j][i] += trials[j];
            continue;
        }
        switch (t->agg) {
        case DISRUPT_AGG_MEAN: *old += v; t->weight[j][i] += 1; break;
        case DISRUPT_AGG_SUM: *old += v; break;
        case DISRUPT_AGG_MAX: if (v > *old) *old = v; break;
        case DISRUPT_AGG_MIN: if (v < *old) *old = v; break;
        case DISRUPT_AGG_LAST: *old = v; break;
        }
    }
    t->premerged++;
    return 0;
}

int disrupt_grid_table_append(disrupt_grid_table *t, int64_t time, const double *values,
                              const double *trials, disrupt_error *err)
{
    if (t->n && time == t->time[t->n - 1])
        return merge_into_last(t, values, trials) ? disrupt_error_nomem(err) : 0;
    if (t->n == t->cap && table_grow(t))
        return disrupt_error_nomem(err);
    if (t->n && time < t->time[t->n - 1])
        t->sorted = 0;
    t->time[t->n] = time;
    for (size_t j = 0; j < t->ncols; j++) {
        t->value[j][t->n] = values[j];
        if (t->counts)
            t->trials[j][t->n] = trials[j];
        if (t->weight)
            t->weight[j][t->n] = 1;
    }
    t->n++;
    return 0;
}

/* k-th smallest of a[0..n) by three-way quickselect (robust to many equal spacings). */
static int64_t select_kth(int64_t *a, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    uint64_t seed = 0x9E3779B97F4A7C15u;
    while (hi - lo > 1) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        int64_t pivot = a[lo + (size_t)((seed >> 33) % (hi - lo))];
        size_t lt = lo, i = lo, gt = hi;
        while (i < gt) {
            if (a[i] < pivot) {
                int64_t x = a[i]; a[i] = a[lt]; a[lt] = x;
                lt++; i++;
            } else if (a[i] > pivot) {
                gt--;
                int64_t x = a[i]; a[i] = a[gt]; a[gt] = x;
            } else {
                i++;
            }
        }
        if (k < lt)
            hi = lt;
        else if (k >= gt)
            lo = gt;
        else
            return pivot;
    }
    return a[lo];
}

int64_t disrupt_grid_median_step(const int64_t *sorted, size_t n, disrupt_error *err, int *rc)
{
    *rc = 0;
    size_t m = 0;
    for (size_t i = 1; i < n; i++)
        if (sorted[i] > sorted[i - 1])
            m++;
    if (m == 0)
        return 0;
    int64_t *d = malloc(m * sizeof *d);
    if (!d) {
        *rc = disrupt_error_nomem(err);
        return 0;
    }
    size_t k = 0;
    for (size_t i = 1; i < n; i++)
        if (sorted[i] > sorted[i - 1])
            d[k++] = sorted[i] - sorted[i - 1];
    /* Lower median: with an even count, the smaller middle spacing. */
    int64_t step = select_kth(d, m, (m - 1) / 2);
    free(d);
    return step;
}

/* Row order is kept in 32-bit indices when the table allows (it nearly always does): 4 bytes
 * per row instead of 8 keeps an unsorted file within the memory budget. */
static int by_time_then_row32(const void *a, const void *b, void *ctx)
{
    const int64_t *time = ctx;
    uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
    if (time[i] != time[j])
        return time[i] < time[j] ? -1 : 1;
    return i < j ? -1 : (i > j);
}

static int by_time_then_row64(const void *a, const void *b, void *ctx)
{
    const int64_t *time = ctx;
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (time[i] != time[j])
        return time[i] < time[j] ? -1 : 1;
    return i < j ? -1 : (i > j);
}

/* Permutes the 8-byte elements of *a by idx into a fresh array; frees the old one. */
static int permute(void **a, const void *idx, int narrow, size_t n)
{
    const uint64_t *src = *a;
    uint64_t *dst = malloc(n * sizeof *dst);
    if (!dst)
        return 1;
    if (narrow)
        for (size_t i = 0; i < n; i++)
            dst[i] = src[((const uint32_t *)idx)[i]];
    else
        for (size_t i = 0; i < n; i++)
            dst[i] = src[((const size_t *)idx)[i]];
    free(*a);
    *a = dst;
    return 0;
}

int disrupt_grid_table_sort(disrupt_grid_table *t, disrupt_error *err)
{
    if (t->sorted || t->n < 2)
        return 0;
    int narrow = t->n <= UINT32_MAX;
    size_t width = narrow ? sizeof(uint32_t) : sizeof(size_t);
    void *idx = malloc(t->n * width);
    if (!idx)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < t->n; i++) {
        if (narrow)
            ((uint32_t *)idx)[i] = (uint32_t)i;
        else
            ((size_t *)idx)[i] = i;
    }
    qsort_r(idx, t->n, width, narrow ? by_time_then_row32 : by_time_then_row64, t->time);
    int bad = permute((void **)&t->time, idx, narrow, t->n);
    for (size_t j = 0; !bad && j < t->ncols; j++) {
        bad = permute((void **)&t->value[j], idx, narrow, t->n);
        if (!bad && t->counts)
            bad = permute((void **)&t->trials[j], idx, narrow, t->n);
        if (!bad && t->weight)
            bad = permute((void **)&t->weight[j], idx, narrow, t->n);
    }
    free(idx);
    if (bad)
        return disrupt_error_nomem(err);
    t->cap = t->n;
    t->sorted = 1;
    return 0;
}

typedef struct {
    disrupt_aggregate agg;
    int counts;
    double acc, trials;
    double present;    /* values joined (a merged row counts its weight) */
} cell_acc;

static void acc_reset(cell_acc *c)
{
    c->acc = 0;
    c->trials = 0;
    c->present = 0;
}

/* v joins the cell; a merged row brings the sum of `weight` values for a mean. */
static void acc_add(cell_acc *c, double v, double trials, double weight)
{
    if (isnan(v))
        return;
    if (c->counts) {
        c->acc += v;
        c->trials += trials;
    } else if (c->present == 0) {
        c->acc = v;
    } else {
        switch (c->agg) {
        case DISRUPT_AGG_MEAN:
        case DISRUPT_AGG_SUM: c->acc += v; break;
        case DISRUPT_AGG_MAX: if (v > c->acc) c->acc = v; break;
        case DISRUPT_AGG_MIN: if (v < c->acc) c->acc = v; break;
        case DISRUPT_AGG_LAST: c->acc = v; break;
        }
    }
    c->present += weight;
}

static void acc_store(const cell_acc *c, disrupt_series *s, size_t k)
{
    if (c->present == 0)
        return;
    if (c->counts) {
        /* A step without a usable measurement is missing, not "0 of 0 blocked". */
        s->value[k] = c->trials > 0 ? c->acc : NAN;
        s->trials[k] = c->trials;
    } else {
        s->value[k] = c->agg == DISRUPT_AGG_MEAN ? c->acc / c->present : c->acc;
    }
}

/* The grid cell of time t. At the data's own spacing a stamp goes to the nearest grid time,
 * which absorbs clock jitter; a coarser step bins: the cell at g covers [g, g + step), so an
 * hourly sample aggregates exactly the 5-minute samples of its hour. */
static size_t cell_of(int64_t t, int64_t start, int64_t step, int bins)
{
    return (size_t)((t - start + (bins ? 0 : step / 2)) / step);
}

static void fill_series(const disrupt_grid_table *t, size_t j, disrupt_aggregate agg, int bins,
                        disrupt_series *s)
{
    cell_acc c = {.agg = agg, .counts = t->counts};
    acc_reset(&c);
    size_t cur = 0;
    for (size_t i = 0; i < t->n; i++) {
        size_t k = cell_of(t->time[i], s->start, s->step, bins);
        if (k != cur) {
            acc_store(&c, s, cur);
            acc_reset(&c);
            cur = k;
        }
        acc_add(&c, t->value[j][i], t->counts ? t->trials[j][i] : 0,
                t->weight ? t->weight[j][i] : 1);
    }
    acc_store(&c, s, cur);
}

int disrupt_grid_build(disrupt_grid_table *t, int64_t step, disrupt_aggregate agg,
                       const char *where, size_t *budget, disrupt_series **out,
                       disrupt_error *err)
{
    for (size_t j = 0; j < t->ncols; j++)
        out[j] = NULL;
    if (t->n == 0)
        return disrupt_error_set(err, DISRUPT_EDATA, "%s: expected data rows, found none",
                                 where);
    int rc = disrupt_grid_table_sort(t, err);
    if (rc)
        return rc;
    int64_t first = t->time[0], last = t->time[t->n - 1];
    int64_t spacing = disrupt_grid_median_step(t->time, t->n, err, &rc);
    if (rc)
        return rc;
    int bins = step > 0 && spacing > 0 && step >= 2 * spacing;
    if (bins) /* bins start at multiples of the step (UTC): whole hours, whole days */
        first -= ((first % step) + step) % step;
    if (step <= 0) {
        step = disrupt_grid_median_step(t->time, t->n, err, &rc);
        if (rc)
            return rc;
        if (step == 0)
            return disrupt_error_set(err, DISRUPT_EDATA,
                                     "%s: expected at least two distinct time stamps to infer "
                                     "the step, found one; give --step",
                                     where);
    }
    size_t npoints = (size_t)((last - first) / step) + 1;
    if (!bins && (last - first) % step >= step - step / 2)
        npoints++; /* the last sample rounds up to the next grid time */
    if ((int64_t)(npoints - 1) > (DISRUPT_TIME_MAX - 1 - first) / step) {
        char a[DISRUPT_ISO_LEN];
        disrupt_time_iso(last, a, sizeof a);
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: expected grid times before the year 10000, found the "
                                 "last sample (%s) on a step of %lld s rounding past it; check "
                                 "the time column or give --step",
                                 where, a, (long long)step);
    }
    size_t ncols = t->ncols ? t->ncols : 1;
    int sparse = npoints / GRID_MAX_PER_ROW > t->n;
    if (sparse && npoints > *budget / ncols) {
        char a[DISRUPT_ISO_LEN], b[DISRUPT_ISO_LEN];
        disrupt_time_iso(first, a, sizeof a);
        disrupt_time_iso(last, b, sizeof b);
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: expected a step that fits the data, found %zu rows from "
                                 "%s to %s that would need %zu samples of %lld s%s; check "
                                 "the time column or give --step",
                                 where, t->n, a, b, npoints, (long long)step,
                                 t->ncols > 1 ? " in each column" : "");
    }
    if (sparse)
        *budget -= npoints * ncols;
    t->merged = t->premerged;
    for (size_t i = 1; i < t->n; i++)
        t->merged += cell_of(t->time[i], first, step, bins) ==
                     cell_of(t->time[i - 1], first, step, bins);
    for (size_t j = 0; j < t->ncols; j++) {
        disrupt_series *s = disrupt_series_alloc(NULL, NULL,
                                                 t->counts ? DISRUPT_SIGNAL_COUNTS
                                                           : DISRUPT_SIGNAL_LEVEL,
                                                 first, step, npoints);
        if (!s) {
            for (size_t i = 0; i < j; i++) {
                disrupt_series_free(out[i]);
                out[i] = NULL;
            }
            return disrupt_error_nomem(err);
        }
        fill_series(t, j, agg, bins, s);
        out[j] = s;
        /* The raw column is no longer needed: release it before the next series. */
        free(t->value[j]);
        t->value[j] = NULL;
        if (t->counts) {
            free(t->trials[j]);
            t->trials[j] = NULL;
        }
    }
    return 0;
}
