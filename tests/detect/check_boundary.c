/* check_boundary.c — boundary intervals: hand-computed profile, and coverage on simulation. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "disrupt/detect/boundary.h"
#include "disrupt/detect/detect.h"
#include "testutil.h"

#define HOUR 3600
#define JUNE_2020 1590969600

START_TEST(clean_step_gives_a_one_point_interval)
{
    /* 0 0 0 0 0 | 10 10 10 10 10 with sigma 1: any other split costs at least 50 more,
     * i.e. a weight below exp(-25): the interval is the step alone. */
    double x[10] = {0, 0, 0, 0, 0, 10, 10, 10, 10, 10};
    disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_normal_mean, x, NULL, 10, 1.0, NULL);
    size_t lo, hi, mode;
    ck_assert_int_eq(disrupt_boundary_interval(c, 0, 10, 0.95, &lo, &hi, &mode, NULL), 0);
    ck_assert_uint_eq(mode, 5);
    ck_assert_uint_eq(lo, 5);
    ck_assert_uint_eq(hi, 5);
    disrupt_cost_free(c);
}
END_TEST

START_TEST(flat_profile_spreads_the_interval)
{
    /* Two points that differ by little against sigma 1: every split is about as likely, so a
     * 95% interval must cover nearly the whole range. Hand check: costs are
     * C(0..t)+C(t..6) for x = 0 0 0 0.1 0.1 0.1, all within 0.02 of each other. */
    double x[6] = {0, 0, 0, 0.1, 0.1, 0.1};
    disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_normal_mean, x, NULL, 6, 1.0, NULL);
    size_t lo, hi, mode;
    ck_assert_int_eq(disrupt_boundary_interval(c, 0, 6, 0.95, &lo, &hi, &mode, NULL), 0);
    ck_assert_uint_eq(mode, 3);
    ck_assert_uint_eq(lo, 1);
    ck_assert_uint_eq(hi, 5);
    disrupt_cost_free(c);
}
END_TEST

START_TEST(intervals_cover_the_truth_in_simulation)
{
    /* 120 seeded trials: a drop to a random level in [0.45, 0.7] (throttling) lasting 1-6
     * days at a random hour of a 40-day hourly series with 10% log-normal noise. Coverage of
     * both boundaries must reach 90%; the median width is printed for the record. */
    const int trials = 120;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 2020);
    int covered = 0, total = 0, found = 0;
    double widths[2 * 120];
    size_t nw = 0;
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    for (int k = 0; k < trials; k++) {
        size_t n = 40 * 24;
        size_t len = 24 + gsl_rng_uniform_int(rng, 5 * 24);
        size_t first = 10 * 24 + gsl_rng_uniform_int(rng, 20 * 24 - len);
        double level = 0.45 + 0.25 * gsl_rng_uniform(rng);
        disrupt_dataset d;
        disrupt_dataset_init(&d);
        disrupt_dataset_add(&d, tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.10, first,
                                                   first + len, level, 1000 + (unsigned long)k),
                            NULL);
        disrupt_detection r;
        ck_assert_int_eq(disrupt_detect_run(&d, &o, &r, NULL), 0);
        int64_t ts = JUNE_2020 + (int64_t)first * HOUR, te = ts + (int64_t)len * HOUR;
        for (size_t i = 0; i < r.windows.count; i++) {
            const disrupt_window *w = &r.windows.items[i];
            if (w->end <= ts || w->start >= te)
                continue;
            found++;
            covered += w->start_lo <= ts && ts <= w->start_hi;
            covered += w->end_lo <= te && te <= w->end_hi;
            widths[nw++] = (double)(w->start_hi - w->start_lo) / HOUR + 1;
            widths[nw++] = (double)(w->end_hi - w->end_lo) / HOUR + 1;
            break;
        }
        total += 2;
        disrupt_detection_fini(&r);
        disrupt_dataset_fini(&d);
    }
    gsl_rng_free(rng);
    gsl_sort(widths, 1, nw);
    double median = nw ? widths[nw / 2] : NAN;
    printf("boundary coverage: %d of %d (%.1f%%), windows found %d of %d, median interval "
           "width %.0f steps\n", covered, total, 100.0 * covered / total, found, trials, median);
    ck_assert_int_eq(found, trials);
    ck_assert_int_ge(covered * 10, total * 9);
    ck_assert_double_le(median, 6);
}
END_TEST

int main(void)
{
    gsl_set_error_handler_off();
    Suite *s = suite_create("boundary");
    TCase *tc = tcase_create("interval");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, clean_step_gives_a_one_point_interval);
    tcase_add_test(tc, flat_profile_spreads_the_interval);
    tcase_add_test(tc, intervals_cover_the_truth_in_simulation);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
