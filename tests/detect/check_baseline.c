/* check_baseline.c — the expected value: seasonal profile, level, exclusion, counts. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/detect/baseline.h"
#include "testutil.h"

#define HOUR 3600
#define DAY 86400
/* 2020-06-01T00:00:00Z, a Monday. */
#define JUNE_2020 1590969600

static double max_rel_error(const disrupt_series *truth, const double *expected, size_t from,
                            size_t to)
{
    double worst = 0;
    for (size_t i = from; i < to; i++) {
        double e = fabs(expected[i] / truth->value[i] - 1);
        if (e > worst)
            worst = e;
    }
    return worst;
}

START_TEST(seasonal_profile_is_recovered_without_noise)
{
    size_t n = 8 * 7 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, 0, 0, 1.0, 1);
    double *expected = malloc(n * sizeof *expected);
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    ck_assert_int_eq(disrupt_baseline_fit(s, NULL, &o, expected, NULL), 0);
    ck_assert_double_lt(max_rel_error(s, expected, 0, n), 0.01);
    free(expected);
    disrupt_series_free(s);
}
END_TEST

START_TEST(excluded_throttling_does_not_become_normal)
{
    /* Eight months hourly, 46 days at 60%: with the window excluded, the baseline inside it
     * must stay at the normal level, not follow the drop. */
    size_t n = 244 * 24, first = 118 * 24, last = 164 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.05, first, last, 0.6, 7);
    disrupt_series *normal = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, 0, 0, 1.0, 7);
    unsigned char *mask = calloc(n, 1);
    for (size_t i = first; i < last; i++)
        mask[i] = 1;
    double *expected = malloc(n * sizeof *expected);
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    for (int rolling = 0; rolling < 2; rolling++) {
        o.level_window = rolling ? 28 * DAY : 0;
        ck_assert_int_eq(disrupt_baseline_fit(s, mask, &o, expected, NULL), 0);
        ck_assert_double_lt(max_rel_error(normal, expected, first, last), 0.05);
    }
    free(mask);
    free(expected);
    disrupt_series_free(s);
    disrupt_series_free(normal);
}
END_TEST

START_TEST(unexcluded_long_drop_moves_a_rolling_level)
{
    /* The control for the test above: a 28-day rolling level that is not told about the
     * drop follows it, which is why detection refits with the windows excluded. */
    size_t n = 244 * 24, first = 118 * 24, last = 164 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, first, last, 0.6, 7);
    double *expected = malloc(n * sizeof *expected);
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    o.level_window = 28 * DAY;
    ck_assert_int_eq(disrupt_baseline_fit(s, NULL, &o, expected, NULL), 0);
    size_t mid = (first + last) / 2;
    ck_assert_double_lt(expected[mid] / (s->value[mid] / 0.6), 0.75);
    free(expected);
    disrupt_series_free(s);
}
END_TEST

START_TEST(trend_is_followed)
{
    size_t n = 120;
    disrupt_series *s = disrupt_series_alloc("users", NULL, DISRUPT_SIGNAL_LEVEL, JUNE_2020, DAY, n);
    for (size_t i = 0; i < n; i++)
        s->value[i] = 500.0 * exp(0.004 * (double)i);
    double *expected = malloc(n * sizeof *expected);
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    ck_assert_int_eq(disrupt_baseline_fit(s, NULL, &o, expected, NULL), 0);
    ck_assert_double_lt(max_rel_error(s, expected, 0, n), 0.01);
    free(expected);
    disrupt_series_free(s);
}
END_TEST

START_TEST(missing_samples_are_skipped_not_zero)
{
    size_t n = 4 * 7 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, 0, 0, 1.0, 3);
    disrupt_series *truth = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, 0, 0, 1.0, 3);
    for (size_t i = 200; i < 300; i++)
        s->value[i] = NAN;
    double *expected = malloc(n * sizeof *expected);
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    ck_assert_int_eq(disrupt_baseline_fit(s, NULL, &o, expected, NULL), 0);
    ck_assert_double_lt(max_rel_error(truth, expected, 200, 300), 0.02);
    free(expected);
    disrupt_series_free(s);
    disrupt_series_free(truth);
}
END_TEST

START_TEST(counts_baseline_is_the_pooled_share_outside_windows)
{
    size_t n = 4;
    disrupt_series *s = disrupt_series_alloc("www.facebook.com", NULL, DISRUPT_SIGNAL_COUNTS,
                                             JUNE_2020, DAY, n);
    double k[] = {1, 2, 90, 1}, m[] = {50, 50, 100, 100};
    for (size_t i = 0; i < n; i++) {
        s->value[i] = k[i];
        s->trials[i] = m[i];
    }
    unsigned char mask[] = {0, 0, 1, 0};
    double expected[4];
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    ck_assert_int_eq(disrupt_baseline_fit(s, mask, &o, expected, NULL), 0);
    ck_assert_double_eq_tol(expected[2], 4.0 / 200.0, 1e-12);
    disrupt_series_free(s);
}
END_TEST

START_TEST(pinned_period_defines_normal)
{
    /* Normal is taken from the first 30 days only: after a lasting drop to 70% on day 60 the
     * expected level stays where it was in the pinned period. */
    size_t n = 120 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, 60 * 24, n, 0.7, 5);
    disrupt_series *normal = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, 0, 0, 1.0, 5);
    double *expected = malloc(n * sizeof *expected);
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    o.pin_start = JUNE_2020;
    o.pin_end = JUNE_2020 + 30 * DAY;
    ck_assert_int_eq(disrupt_baseline_fit(s, NULL, &o, expected, NULL), 0);
    ck_assert_double_lt(max_rel_error(normal, expected, 60 * 24, n), 0.02);
    free(expected);
    disrupt_series_free(s);
    disrupt_series_free(normal);
}
END_TEST

START_TEST(all_excluded_is_a_clear_error)
{
    size_t n = 48;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.0, 0, 0, 1.0, 3);
    unsigned char *mask = malloc(n);
    for (size_t i = 0; i < n; i++)
        mask[i] = 1;
    double expected[48];
    disrupt_error err = {0};
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    ck_assert_int_eq(disrupt_baseline_fit(s, mask, &o, expected, &err), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "too few normal samples"));
    free(mask);
    disrupt_series_free(s);
}
END_TEST

int main(void)
{
    gsl_set_error_handler_off();
    Suite *s = suite_create("baseline");
    TCase *tc = tcase_create("fit");
    tcase_add_test(tc, seasonal_profile_is_recovered_without_noise);
    tcase_add_test(tc, excluded_throttling_does_not_become_normal);
    tcase_add_test(tc, unexcluded_long_drop_moves_a_rolling_level);
    tcase_add_test(tc, trend_is_followed);
    tcase_add_test(tc, missing_samples_are_skipped_not_zero);
    tcase_add_test(tc, counts_baseline_is_the_pooled_share_outside_windows);
    tcase_add_test(tc, pinned_period_defines_normal);
    tcase_add_test(tc, all_excluded_is_a_clear_error);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
