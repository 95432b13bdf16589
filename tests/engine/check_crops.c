/* check_crops.c — CROPS returns, for every penalty in its range, the segmentation PELT finds
 * at that penalty (checked on a fine grid of penalties, seeded synthetic series). */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

#include "disrupt/engine/segment.h"
#include "testutil.h"

static void check_path(const disrupt_cost_type *type, unsigned long seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    size_t n = 400;
    double *x = malloc(n * sizeof *x);
    double level = 0;
    for (size_t i = 0; i < n; i++) {
        if (i % 50 == 0)
            level = gsl_ran_flat(r, -1.5, 1.5);
        x[i] = type == disrupt_cost_poisson ? gsl_ran_poisson(r, 8 + 3 * level)
                                            : level + gsl_ran_gaussian(r, 1);
    }
    disrupt_segment_options o;
    disrupt_segment_options_init(&o);
    o.cost = type;
    o.sigma = 1;
    disrupt_crops_path path;
    disrupt_error err;
    double lo = 2, hi = 300;
    ck_assert_int_eq(disrupt_crops(disrupt_detector_pelt, x, NULL, n, &o, lo, hi, &path, &err), 0);
    ck_assert_uint_ge(path.count, 3);
    ck_assert_double_eq(path.items[0].penalty_min, lo);
    ck_assert_double_eq(path.items[path.count - 1].penalty_max, hi);
    for (size_t i = 0; i < path.count; i++) {
        ck_assert(path.items[i].penalty_min <= path.items[i].penalty_max);
        if (i > 0) {
            ck_assert_uint_lt(path.items[i].seg.ncp, path.items[i - 1].seg.ncp);
            ck_assert_double_eq_tol(path.items[i].penalty_min, path.items[i - 1].penalty_max, 1e-9);
        }
    }
    ck_assert_uint_le(path.runs, 2 * path.count + 2);
    for (int k = 0; k <= 150; k++) {
        double beta = lo + (hi - lo) * k / 150.0;
        o.penalty = DISRUPT_PENALTY_MANUAL;
        o.penalty_value = beta;
        disrupt_segmentation seg;
        ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, x, NULL, n, &o, &seg, &err), 0);
        int found = 0;
        for (size_t i = 0; i < path.count; i++) {
            const disrupt_crops_entry *e = &path.items[i];
            if (beta >= e->penalty_min - 1e-9 && beta <= e->penalty_max + 1e-9 &&
                e->seg.ncp == seg.ncp) {
                found = 1;
                ck_assert_double_eq_tol(e->seg.cost, seg.cost, 1e-6 * (1 + fabs(seg.cost)));
            }
        }
        ck_assert_msg(found, "penalty %g: PELT has %zu changes, no CROPS entry matches", beta,
                      seg.ncp);
        disrupt_segmentation_fini(&seg);
    }
    disrupt_crops_path_fini(&path);
    free(x);
    gsl_rng_free(r);
}

START_TEST(test_crops_normal_mean) { check_path(disrupt_cost_normal_mean, 31); }
END_TEST
START_TEST(test_crops_poisson) { check_path(disrupt_cost_poisson, 32); }
END_TEST

START_TEST(test_crops_bad_range)
{
    const double x[] = {1, 2, 3};
    disrupt_crops_path path;
    disrupt_error err;
    ck_assert_int_eq(disrupt_crops(disrupt_detector_pelt, x, NULL, 3, NULL, 5, 1, &path, &err),
                     DISRUPT_EINVAL);
    ck_assert_uint_eq(path.count, 0);
}
END_TEST

static Suite *crops_suite(void)
{
    Suite *s = suite_create("crops");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_crops_normal_mean);
    tcase_add_test(tc, test_crops_poisson);
    tcase_add_test(tc, test_crops_bad_range);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    gsl_set_error_handler_off();
    return tu_run_suite(crops_suite());
}
