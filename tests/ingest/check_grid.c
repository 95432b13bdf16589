/* check_grid.c — raw rows to a regular grid, checked against a brute-force reference on
 * seeded random tables (shuffled rows, duplicates, jitter, missing values), for every
 * aggregation, for level and count columns. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/grid.h"
#include "disrupt/ingest/ingest.h"
#include "testutil.h"

typedef struct {
    uint64_t s;
} rng;

static uint64_t next(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return r->s;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Lower median of the positive gaps between distinct sorted times, by sorting everything. */
static int64_t brute_median_step(const int64_t *t, size_t n)
{
    int64_t *s = malloc(n * sizeof *s), *d = malloc(n * sizeof *d);
    memcpy(s, t, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_i64);
    size_t m = 0;
    for (size_t i = 1; i < n; i++)
        if (s[i] > s[i - 1])
            d[m++] = s[i] - s[i - 1];
    int64_t r = 0;
    if (m) {
        qsort(d, m, sizeof *d, cmp_i64);
        r = d[(m - 1) / 2];
    }
    free(s);
    free(d);
    return r;
}

/* The value of grid cell k by scanning every row in file order: the nearest grid time at the
 * data's own spacing, or with bins (a step at least twice the spacing) [g, g + step). */
static void brute_cell(const int64_t *t, const double *v, const double *tr, size_t n,
                       int64_t start, int64_t step, int bins, size_t k, disrupt_aggregate agg,
                       int counts, double *value, double *trials)
{
    double acc = 0, sum_trials = 0;
    size_t present = 0;
    int64_t latest = INT64_MIN; /* "last" = latest time, then last in the file */
    for (size_t i = 0; i < n; i++) {
        int64_t off = t[i] - start;
        size_t cell = (size_t)((off + (bins ? 0 : step / 2)) / step);
        if (cell != k || isnan(v[i]))
            continue;
        if (counts) {
            acc += v[i];
            sum_trials += tr[i];
        } else if (present == 0) {
            acc = v[i];
            latest = t[i];
        } else if (agg == DISRUPT_AGG_MEAN || agg == DISRUPT_AGG_SUM) {
            acc += v[i];
        } else if (agg == DISRUPT_AGG_MAX) {
            acc = fmax(acc, v[i]);
        } else if (agg == DISRUPT_AGG_MIN) {
            acc = fmin(acc, v[i]);
        } else if (t[i] >= latest) {
            acc = v[i];
        }
        if (t[i] > latest)
            latest = t[i];
        present++;
    }
    *trials = sum_trials;
    if (present == 0)
        *value = NAN;
    else if (counts)
        *value = sum_trials > 0 ? acc : NAN;
    else
        *value = agg == DISRUPT_AGG_MEAN ? acc / (double)present : acc;
}

START_TEST(test_against_brute_force)
{
    rng r = {0x9E3779B97F4A7C15u ^ (uint64_t)(_i + 1) * 0xD1B54A32D192ED03u};
    int counts = _i % 2;
    disrupt_aggregate agg = (disrupt_aggregate)(_i / 2 % 5);
    size_t n = 20 + next(&r) % 400;
    int64_t base_step = (int64_t)(1 + next(&r) % 4) * 300;
    int64_t *t = malloc(n * sizeof *t);
    double *v = malloc(n * sizeof *v), *tr = malloc(n * sizeof *tr);
    for (size_t i = 0; i < n; i++) {
        int64_t k = (int64_t)(next(&r) % (n + n / 3)); /* gaps and duplicates */
        int64_t jitter = next(&r) % 5 == 0 ? (int64_t)(next(&r) % 40) - 20 : 0;
        t[i] = INT64_C(1601164800) + k * base_step + jitter;
        if (i && next(&r) % 4 == 0)
            t[i] = t[i - 1];   /* runs on one stamp: joined as they are read */
        tr[i] = (double)(next(&r) % 30);
        v[i] = next(&r) % 10 == 0 ? NAN
               : counts ? floor(tr[i] * (double)(next(&r) % 101) / 100.0)
                        : (double)(next(&r) % 100000) / 7.0;
    }
    disrupt_grid_table tab;
    disrupt_error err;
    ck_assert_int_eq(disrupt_grid_table_init(&tab, 1, counts, agg, &err), 0);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(disrupt_grid_table_append(&tab, t[i], &v[i], &tr[i], &err), 0);
    /* Every third case gives the step (coarser than the data, so cells collect samples). */
    int64_t given = _i % 3 == 2 ? base_step * (int64_t)(2 + next(&r) % 3) + 60 : 0;
    int64_t want_step = given ? given : brute_median_step(t, n);
    size_t budget = DISRUPT_INGEST_MAX_SPARSE_SAMPLES;
    disrupt_series *s[1];
    ck_assert_int_eq(disrupt_grid_build(&tab, given, agg, "random", &budget, s, &err), 0);
    ck_assert_int_eq(s[0]->step, want_step);
    int64_t start = t[0], last = t[0];
    for (size_t i = 1; i < n; i++) {
        start = t[i] < start ? t[i] : start;
        last = t[i] > last ? t[i] : last;
    }
    /* A step coarser than the data bins it, from multiples of the step. */
    int bins = given && given >= 2 * brute_median_step(t, n);
    if (bins)
        start -= start % want_step;
    ck_assert_int_eq(s[0]->start, start);
    ck_assert_uint_eq(s[0]->n, (size_t)((last - start + (bins ? 0 : want_step / 2)) / want_step) + 1);
    for (size_t k = 0; k < s[0]->n; k++) {
        double want, want_trials;
        brute_cell(t, v, tr, n, start, want_step, bins, k, agg, counts, &want, &want_trials);
        if (isnan(want)) {
            ck_assert_msg(isnan(s[0]->value[k]), "cell %zu: %g, expected missing", k,
                          s[0]->value[k]);
        } else {
            ck_assert_msg(fabs(s[0]->value[k] - want) <= 1e-9 * fmax(1, fabs(want)),
                          "cell %zu: %.17g, expected %.17g", k, s[0]->value[k], want);
        }
        if (counts)
            ck_assert_double_eq(s[0]->trials[k], want_trials);
    }
    disrupt_series_free(s[0]);
    disrupt_grid_table_fini(&tab);
    free(t);
    free(v);
    free(tr);
}
END_TEST

/* Rows repeating a stamp are joined as they come: 10⁶ rows on two stamps keep two rows, and
 * their mean is the mean of all (NaN cells left out), as when they were kept apart. */
START_TEST(test_runs_on_one_stamp_cost_one_row)
{
    disrupt_grid_table tab;
    disrupt_error err;
    ck_assert_int_eq(disrupt_grid_table_init(&tab, 2, 0, DISRUPT_AGG_MEAN, &err), 0);
    for (int i = 0; i < 1000000; i++) {
        double v[2] = {(double)(i % 10), i % 2 ? NAN : 4.0};
        ck_assert_int_eq(disrupt_grid_table_append(&tab, INT64_C(1601164800) + (i >= 500000) * 300,
                                                   v, NULL, &err), 0);
    }
    ck_assert_uint_eq(tab.n, 2);
    ck_assert_uint_le(tab.cap, 16);
    size_t budget = DISRUPT_INGEST_MAX_SPARSE_SAMPLES;
    disrupt_series *s[2];
    ck_assert_int_eq(disrupt_grid_build(&tab, 0, DISRUPT_AGG_MEAN, "runs", &budget, s, &err), 0);
    ck_assert_uint_eq(s[0]->n, 2);
    ck_assert_double_eq_tol(s[0]->value[0], 4.5, 1e-12);
    ck_assert_double_eq_tol(s[0]->value[1], 4.5, 1e-12);
    ck_assert_double_eq(s[1]->value[0], 4.0);
    ck_assert_uint_eq(tab.merged, 999998);
    disrupt_series_free(s[0]);
    disrupt_series_free(s[1]);
    disrupt_grid_table_fini(&tab);
}
END_TEST

/* A last sample that rounds up to a grid time past the year 9999 is refused, not built: the
 * grid must keep every time in the range times have (found by fuzzing). */
START_TEST(test_no_grid_time_past_the_year_9999)
{
    static const int64_t day = 86400, max = INT64_C(253402300800);   /* 10000-01-01 */
    /* On a 10-day step from 26 days before the end: a last sample 6 days before the end is a
     * grid time; one 10 hours before it rounds up to a grid time 4 days past it. */
    for (int round_up = 0; round_up < 2; round_up++) {
        int64_t t[3] = {max - 26 * day, max - 16 * day, round_up ? max - 36000 : max - 6 * day};
        disrupt_grid_table tab;
        disrupt_error err = {0};
        ck_assert_int_eq(disrupt_grid_table_init(&tab, 1, 0, DISRUPT_AGG_MEAN, &err), 0);
        for (int i = 0; i < 3; i++) {
            double v = 1;
            ck_assert_int_eq(disrupt_grid_table_append(&tab, t[i], &v, NULL, &err), 0);
        }
        size_t budget = DISRUPT_INGEST_MAX_SPARSE_SAMPLES;
        disrupt_series *s[1] = {NULL};
        int rc = disrupt_grid_build(&tab, 10 * day, DISRUPT_AGG_MEAN, "late", &budget, s, &err);
        if (round_up) {
            ck_assert_int_eq(rc, DISRUPT_EDATA);
            ck_assert_msg(strstr(err.message, "expected grid times before the year 10000"), "%s",
                          err.message);
            ck_assert_ptr_null(s[0]);
        } else {
            ck_assert_msg(rc == 0, "%s", err.message);
            ck_assert_int_lt(disrupt_series_time(s[0], s[0]->n - 1), max);
            disrupt_series_free(s[0]);
        }
        disrupt_grid_table_fini(&tab);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("grid");
    TCase *tc = tcase_create("brute force");
    tcase_add_loop_test(tc, test_against_brute_force, 0, 60);
    tcase_add_test(tc, test_runs_on_one_stamp_cost_one_row);
    tcase_add_test(tc, test_no_grid_time_past_the_year_9999);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
