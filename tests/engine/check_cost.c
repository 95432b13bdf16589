/* check_cost.c — segment costs against hand-computed values, input checks, robust scale. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/engine/cost.h"
#include "disrupt/engine/segment.h"
#include "testutil.h"

#define TOL 1e-9

START_TEST(test_normal_mean_by_hand)
{
    const double x[] = {1, 2, 3, 4, 10};
    disrupt_error err;
    disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_normal_mean, x, NULL, 5, 1.0, &err);
    ck_assert_ptr_nonnull(c);
    /* Σ(x − 2.5)² over 1..4 = 2.25 + 0.25 + 0.25 + 2.25 */
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 4), 5.0, TOL);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 4, 5), 0.0, TOL);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 3, 5), 18.0, TOL); /* (4,10): 2·3² */
    disrupt_cost_free(c);
    /* sigma = 2 divides the squares by 4 */
    c = disrupt_cost_alloc(disrupt_cost_normal_mean, x, NULL, 5, 2.0, &err);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 4), 1.25, TOL);
    ck_assert_uint_eq(disrupt_cost_size(c), 5);
    ck_assert_ptr_eq(disrupt_cost_get_type(c), disrupt_cost_normal_mean);
    disrupt_cost_free(c);
}
END_TEST

START_TEST(test_normal_meanvar_by_hand)
{
    const double x[] = {1, 2, 3, 4, 7, 7};
    disrupt_error err;
    disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_normal_meanvar, x, NULL, 6, 1.0, &err);
    ck_assert_ptr_nonnull(c);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 4), 4 * (log(2 * M_PI) + log(1.25) + 1), 1e-9);
    /* a constant segment: the likelihood at the variance floor 1e-11 (its sum of squares is 0),
     * one less per point than R's changepoint, which floors σ̂² inside m(log 2π + log σ̂² + 1) */
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 4, 6), 2 * (log(2 * M_PI) + log(1e-11)), 1e-6);
    disrupt_cost_free(c);
}
END_TEST

START_TEST(test_poisson_by_hand)
{
    const double x[] = {1, 3, 0, 0};
    disrupt_error err;
    disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_poisson, x, NULL, 4, 0, &err);
    ck_assert_ptr_nonnull(c);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 2), 8 * (log(2) - log(4)), TOL);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 2, 4), 0.0, TOL);
    disrupt_cost_free(c);
}
END_TEST

START_TEST(test_binomial_by_hand)
{
    const double k[] = {1, 3, 0, 5};
    const double n[] = {4, 4, 0, 5};
    disrupt_error err;
    disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_binomial, k, n, 4, 0, &err);
    ck_assert_ptr_nonnull(c);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 2), 16 * log(2), TOL);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 2, 3), 0.0, TOL);  /* no measurements */
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 3, 4), 0.0, TOL);  /* p̂ = 1 */
    /* K = 9 of N = 13 */
    double p = 9.0 / 13;
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 4), -2 * (9 * log(p) + 4 * log(1 - p)), TOL);
    disrupt_cost_free(c);
}
END_TEST

START_TEST(test_l1_by_hand)
{
    const double x[] = {0, 1, 5, 2};
    disrupt_error err;
    disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_l1, x, NULL, 4, 1.0, &err);
    ck_assert_ptr_nonnull(c);
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 3), 2 * M_SQRT2 * 5, TOL);
    /* even length: any point between the middle two is a median; Σ|x − 1.5| = 1.5+.5+3.5+.5 */
    ck_assert_double_eq_tol(disrupt_cost_eval(c, 0, 4), 2 * M_SQRT2 * 6, TOL);
    disrupt_cost_free(c);
}
END_TEST

/* The best split from running medians (l1) and from direct evaluations agree, on seeded
 * synthetic Laplace series with ties (rounded values), with and without MBIC's log terms. */
START_TEST(test_best_split_scan)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 77);
    for (int k = 0; k < 300; k++) {
        size_t n = 2 + gsl_rng_uniform_int(r, 60);
        double *x = malloc(n * sizeof *x);
        double shift = gsl_ran_flat(r, -3, 3);
        size_t at = gsl_rng_uniform_int(r, n);
        for (size_t i = 0; i < n; i++)
            x[i] = round(4 * (gsl_ran_laplace(r, 1) + (i >= at ? shift : 0))) / 4;
        disrupt_error err;
        disrupt_cost *c = disrupt_cost_alloc(disrupt_cost_l1, x, NULL, n, 1.0, &err);
        size_t s = gsl_rng_uniform_int(r, n - 1), e = s + 2 + gsl_rng_uniform_int(r, n - s - 1);
        size_t lo = s + 1 + gsl_rng_uniform_int(r, e - s - 1);
        size_t hi = lo + gsl_rng_uniform_int(r, e - lo);
        int mbic = k % 2;
        size_t tau;
        double got = disrupt_cost_best_split(c, s, e, lo, hi, mbic, &tau);
        double want = INFINITY;
        for (size_t t = lo; t <= hi; t++) {
            double v = disrupt_cost_eval(c, s, t) + disrupt_cost_eval(c, t, e) +
                       (mbic ? log((double)(t - s) * (double)(e - t)) : 0);
            if (v < want)
                want = v;
        }
        ck_assert_double_eq_tol(got, want, 1e-9 * (1 + fabs(want)));
        ck_assert_msg(tau >= lo && tau <= hi, "tau %zu outside %zu..%zu", tau, lo, hi);
        double at_tau = disrupt_cost_eval(c, s, tau) + disrupt_cost_eval(c, tau, e) +
                        (mbic ? log((double)(tau - s) * (double)(e - tau)) : 0);
        ck_assert_double_eq_tol(at_tau, want, 1e-9 * (1 + fabs(want)));
        disrupt_cost_free(c);
        free(x);
    }
    gsl_rng_free(r);
}
END_TEST

START_TEST(test_input_rejected)
{
    disrupt_error err;
    const double neg[] = {1, -2};
    ck_assert_ptr_null(disrupt_cost_alloc(disrupt_cost_poisson, neg, NULL, 2, 0, &err));
    ck_assert_int_eq(err.code, DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "point 1"));
    const double nan[] = {1, NAN};
    ck_assert_ptr_null(disrupt_cost_alloc(disrupt_cost_normal_mean, nan, NULL, 2, 1, &err));
    ck_assert_int_eq(err.code, DISRUPT_EINVAL);
    const double k[] = {3}, trials[] = {2};
    ck_assert_ptr_null(disrupt_cost_alloc(disrupt_cost_binomial, k, trials, 1, 0, &err));
    ck_assert_ptr_nonnull(strstr(err.message, "k = 3 of 2"));
    ck_assert_ptr_null(disrupt_cost_alloc(disrupt_cost_binomial, k, NULL, 1, 0, &err));
    ck_assert_ptr_null(disrupt_cost_alloc(disrupt_cost_normal_mean, k, NULL, 1, 0.0, &err));
    ck_assert_ptr_nonnull(strstr(err.message, "sigma"));
}
END_TEST

START_TEST(test_type_lookup)
{
    ck_assert_ptr_eq(disrupt_cost_type_find("normal-mean"), disrupt_cost_normal_mean);
    ck_assert_ptr_eq(disrupt_cost_type_find("normal-meanvar"), disrupt_cost_normal_meanvar);
    ck_assert_ptr_eq(disrupt_cost_type_find("poisson"), disrupt_cost_poisson);
    ck_assert_ptr_eq(disrupt_cost_type_find("binomial"), disrupt_cost_binomial);
    ck_assert_ptr_eq(disrupt_cost_type_find("l1"), disrupt_cost_l1);
    ck_assert_ptr_null(disrupt_cost_type_find("normal"));
    ck_assert_int_eq(disrupt_cost_normal_meanvar->diffparam, 2);
    ck_assert_uint_eq(disrupt_cost_normal_meanvar->default_min_seg, 2);
    ck_assert_uint_eq(disrupt_cost_normal_mean->default_min_seg, 1);
}
END_TEST

/* Synthetic: Gaussian noise of sd 2 with two level shifts of 50 and missing samples. */
START_TEST(test_robust_sd)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 42);
    size_t n = 20000;
    double *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++) {
        x[i] = gsl_ran_gaussian(r, 2.0) + (i > 5000 ? 50 : 0) - (i > 15000 ? 80 : 0);
        if (i % 97 == 0)
            x[i] = NAN;
    }
    double sd = disrupt_robust_sd(x, n);
    ck_assert_double_eq_tol(sd, 2.0, 0.08);
    ck_assert_double_eq(disrupt_robust_sd(x, 2), 1.0);   /* too few points */
    const double flat[] = {3, 3, 3, 3};
    ck_assert_double_eq(disrupt_robust_sd(flat, 4), 1.0); /* zero MAD */
    free(x);
    gsl_rng_free(r);
}
END_TEST

START_TEST(test_penalties)
{
    double l = log(1000.0);
    ck_assert_double_eq_tol(disrupt_penalty_value(DISRUPT_PENALTY_BIC, 0, 2, 1000), 3 * l, TOL);
    ck_assert_double_eq_tol(disrupt_penalty_value(DISRUPT_PENALTY_MBIC, 0, 2, 1000), 4 * l, TOL);
    ck_assert_double_eq_tol(disrupt_penalty_value(DISRUPT_PENALTY_MBIC, 0, 1, 1000), 3 * l, TOL);
    ck_assert_double_eq_tol(disrupt_penalty_value(DISRUPT_PENALTY_AIC, 0, 1, 1000), 4, TOL);
    ck_assert_double_eq_tol(disrupt_penalty_value(DISRUPT_PENALTY_HQ, 0, 1, 1000), 4 * log(l), TOL);
    ck_assert_double_eq_tol(disrupt_penalty_value(DISRUPT_PENALTY_MANUAL, 7.5, 1, 1000), 7.5, TOL);
}
END_TEST

static Suite *cost_suite(void)
{
    Suite *s = suite_create("cost");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_normal_mean_by_hand);
    tcase_add_test(tc, test_normal_meanvar_by_hand);
    tcase_add_test(tc, test_poisson_by_hand);
    tcase_add_test(tc, test_binomial_by_hand);
    tcase_add_test(tc, test_l1_by_hand);
    tcase_add_test(tc, test_best_split_scan);
    tcase_add_test(tc, test_input_rejected);
    tcase_add_test(tc, test_type_lookup);
    tcase_add_test(tc, test_robust_sd);
    tcase_add_test(tc, test_penalties);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    gsl_set_error_handler_off();
    return tu_run_suite(cost_suite());
}
