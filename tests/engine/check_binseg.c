/* check_binseg.c — AMOC and binary segmentation on hand-computed cases, and on seeded
 * synthetic series with known change points. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

#include "disrupt/engine/segment.h"
#include "testutil.h"

static disrupt_segment_options manual(const disrupt_cost_type *cost, double penalty)
{
    disrupt_segment_options o;
    disrupt_segment_options_init(&o);
    o.cost = cost;
    o.penalty = DISRUPT_PENALTY_MANUAL;
    o.penalty_value = penalty;
    o.sigma = 1.0;
    return o;
}

static size_t run(const disrupt_detector_type *d, const double *x, size_t n,
                  const disrupt_segment_options *o, size_t *cp)
{
    disrupt_segmentation s;
    disrupt_error err;
    ck_assert_int_eq(disrupt_segment(d, x, NULL, n, o, &s, &err), 0);
    for (size_t i = 0; i < s.ncp; i++)
        cp[i] = s.cp[i];
    size_t ncp = s.ncp;
    disrupt_segmentation_fini(&s);
    return ncp;
}

/* x = 1 2 3 4, unit variance: splits after 1, 2, 3 cost 0+2, 0.5+0.5, 2+0; no split 5.
 * The best split (τ = 2) gains 4: kept under a penalty of 3.9, not of 4.1. */
START_TEST(test_amoc_by_hand)
{
    const double x[] = {1, 2, 3, 4};
    size_t cp[4];
    disrupt_segment_options o = manual(disrupt_cost_normal_mean, 3.9);
    ck_assert_uint_eq(run(disrupt_detector_amoc, x, 4, &o, cp), 1);
    ck_assert_uint_eq(cp[0], 2);
    o.penalty_value = 4.1;
    ck_assert_uint_eq(run(disrupt_detector_amoc, x, 4, &o, cp), 0);
    /* min_seg 3 leaves no admissible split in 4 points */
    o.penalty_value = 0;
    o.min_seg = 3;
    ck_assert_uint_eq(run(disrupt_detector_amoc, x, 4, &o, cp), 0);
}
END_TEST

/* MBIC by hand: 0 0 0 10 10 10; C' = C + log m. No split: 150 + log 6; split at 3:
 * 2·log 3. Gain 148.6 + log 6 − 2 log 3 far above 3·log 6. */
START_TEST(test_amoc_mbic_by_hand)
{
    const double x[] = {0, 0, 0, 10, 10, 10};
    disrupt_segment_options o;
    disrupt_segment_options_init(&o);
    o.cost = disrupt_cost_normal_mean;
    o.sigma = 1.0;
    disrupt_segmentation s;
    disrupt_error err;
    ck_assert_int_eq(disrupt_segment(disrupt_detector_amoc, x, NULL, 6, &o, &s, &err), 0);
    ck_assert_uint_eq(s.ncp, 1);
    ck_assert_uint_eq(s.cp[0], 3);
    ck_assert_double_eq_tol(s.cost, 0.0, 1e-9);
    disrupt_segmentation_fini(&s);
}
END_TEST

/* Poisson by hand: 0 0 10 10. No split: 2·20·(log 4 − log 20) = −64.38; split at 2:
 * 0 + 2·20·(log 2 − log 20) = −92.10; gain 27.73. */
START_TEST(test_amoc_poisson_by_hand)
{
    const double x[] = {0, 0, 10, 10};
    size_t cp[4];
    disrupt_segment_options o = manual(disrupt_cost_poisson, 27.7);
    ck_assert_uint_eq(run(disrupt_detector_amoc, x, 4, &o, cp), 1);
    ck_assert_uint_eq(cp[0], 2);
    o.penalty_value = 27.8;
    ck_assert_uint_eq(run(disrupt_detector_amoc, x, 4, &o, cp), 0);
}
END_TEST

/* 0×4, 6×4, 8×4 with unit variance. Whole series: 138.67; the best first split is τ = 4
 * (0 + 8, the right part 6 6 6 6 8 8 8 8 around 7), gain 130.67. Then 6666|8888 gains 8. */
START_TEST(test_binseg_by_hand)
{
    const double x[] = {0, 0, 0, 0, 6, 6, 6, 6, 8, 8, 8, 8};
    size_t cp[12];
    disrupt_segment_options o = manual(disrupt_cost_normal_mean, 1);
    ck_assert_uint_eq(run(disrupt_detector_binseg, x, 12, &o, cp), 2);
    ck_assert_uint_eq(cp[0], 4);
    ck_assert_uint_eq(cp[1], 8);
    o.max_cp = 1; /* the largest gain goes first */
    ck_assert_uint_eq(run(disrupt_detector_binseg, x, 12, &o, cp), 1);
    ck_assert_uint_eq(cp[0], 4);
    o.max_cp = 0;
    o.penalty_value = 7.9;
    ck_assert_uint_eq(run(disrupt_detector_binseg, x, 12, &o, cp), 2);
    o.penalty_value = 8.1; /* the second split gains only 8 */
    ck_assert_uint_eq(run(disrupt_detector_binseg, x, 12, &o, cp), 1);
    o.penalty_value = 130.7; /* nor the first one more than 130.67 */
    ck_assert_uint_eq(run(disrupt_detector_binseg, x, 12, &o, cp), 0);
}
END_TEST

/* Synthetic: four level shifts of 2σ in 2000 points; binseg and PELT find all of them. */
START_TEST(test_binseg_known_changes)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 11);
    const size_t truth[] = {300, 800, 1100, 1600};
    const double level[] = {0, 2, 0, -2, 0};
    size_t n = 2000;
    double *x = malloc(n * sizeof *x);
    for (size_t i = 0, seg = 0; i < n; i++) {
        if (seg < 4 && i == truth[seg])
            seg++;
        x[i] = level[seg] + gsl_ran_gaussian(r, 1);
    }
    disrupt_segment_options o;
    disrupt_segment_options_init(&o);
    size_t cp[64];
    const disrupt_detector_type *dets[] = {disrupt_detector_binseg, disrupt_detector_pelt};
    for (int d = 0; d < 2; d++) {
        ck_assert_uint_eq(run(dets[d], x, n, &o, cp), 4);
        for (int i = 0; i < 4; i++)
            ck_assert_int_le(labs((long)cp[i] - (long)truth[i]), 5);
    }
    free(x);
    gsl_rng_free(r);
}
END_TEST

START_TEST(test_registry)
{
    ck_assert_ptr_eq(disrupt_detector_find("binseg"), disrupt_detector_binseg);
    ck_assert_ptr_eq(disrupt_detector_find("amoc"), disrupt_detector_amoc);
    ck_assert_ptr_eq(disrupt_detector_find("bocpd"), disrupt_detector_bocpd);
    ck_assert_str_eq(disrupt_detector_binseg->name, "binseg");
}
END_TEST

static Suite *binseg_suite(void)
{
    Suite *s = suite_create("binseg");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_amoc_by_hand);
    tcase_add_test(tc, test_amoc_mbic_by_hand);
    tcase_add_test(tc, test_amoc_poisson_by_hand);
    tcase_add_test(tc, test_binseg_by_hand);
    tcase_add_test(tc, test_binseg_known_changes);
    tcase_add_test(tc, test_registry);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    gsl_set_error_handler_off();
    return tu_run_suite(binseg_suite());
}
