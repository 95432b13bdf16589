/* check_pelt.c — PELT is the optimal partition: against an independent brute force over every
 * segmentation of small seeded random series (synthetic), for each cost, penalty and minimum
 * segment length; and on longer synthetic series with known change points. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "direct_cost.h"
#include "disrupt/engine/segment.h"
#include "testutil.h"

#define SERIES_PER_COST 300
#define MAX_N 13

typedef struct {
    double x[MAX_N], trials[MAX_N];
    size_t n;
} small_series;

/* Piecewise-constant synthetic series with 0–3 random changes, drawn for the cost's model. */
static void draw_series(gsl_rng *r, const disrupt_cost_type *type, small_series *s)
{
    s->n = 1 + gsl_rng_uniform_int(r, MAX_N);
    double level = 0, scale = 1, p = 0.5;
    for (size_t i = 0; i < s->n; i++) {
        if (i == 0 || gsl_rng_uniform(r) < 0.2) {
            level = gsl_ran_flat(r, -3, 3);
            scale = gsl_ran_flat(r, 0.3, 3);
            p = gsl_rng_uniform(r);
        }
        if (type == disrupt_cost_poisson) {
            s->x[i] = gsl_ran_poisson(r, 12 * (level + 3.2));
        } else if (type == disrupt_cost_binomial) {
            s->trials[i] = (double)gsl_rng_uniform_int(r, 40);
            s->x[i] = gsl_ran_binomial(r, p, (unsigned)s->trials[i]);
        } else if (type == disrupt_cost_l1) {
            s->x[i] = level + gsl_ran_laplace(r, scale);
        } else {
            s->x[i] = level + gsl_ran_gaussian(r, scale);
        }
    }
}

typedef struct {
    size_t cp[MAX_N];
    size_t ncp;
    double value;
    int unique;     /* no other segmentation within rounding of the optimum */
} partition;

static int near(double a, double b)
{
    return isfinite(b) && fabs(a - b) <= 1e-7 * (1 + fabs(b));
}

/* Every segmentation with segments of at least L points (a lone shorter segment is allowed
 * when n < 2L, as no change can then be placed). */
static partition brute_force(const disrupt_cost_type *type, const small_series *s, double sigma,
                             double beta, int mbic, size_t L)
{
    partition best = {.ncp = 0, .value = INFINITY};
    unsigned masks = 1u << (s->n - 1);
    for (unsigned mask = 0; mask < masks; mask++) {
        partition cur = {.ncp = 0};
        for (size_t i = 1; i < s->n; i++)
            if (mask & (1u << (i - 1)))
                cur.cp[cur.ncp++] = i;
        int ok = 1;
        size_t prev = 0;
        for (size_t i = 0; i <= cur.ncp && cur.ncp > 0; i++) {
            size_t t = i < cur.ncp ? cur.cp[i] : s->n;
            ok &= t - prev >= L;
            prev = t;
        }
        if (!ok)
            continue;
        cur.value = direct_penalised(type, s->x, s->trials, s->n, cur.cp, cur.ncp, sigma, beta,
                                     mbic);
        if (near(cur.value, best.value)) {
            best.unique = 0;
        } else if (cur.value < best.value) {
            best = cur;
            best.unique = 1;
        }
    }
    return best;
}

static void check_against_brute_force(const disrupt_cost_type *type, unsigned long seed)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    size_t with_changes = 0, unique = 0;
    for (int k = 0; k < SERIES_PER_COST; k++) {
        small_series s;
        draw_series(r, type, &s);
        disrupt_segment_options opt;
        disrupt_segment_options_init(&opt);
        opt.cost = type;
        opt.penalty = (disrupt_penalty_kind)gsl_rng_uniform_int(r, 5);
        opt.penalty_value = gsl_ran_flat(r, 0, 15);
        opt.min_seg = gsl_rng_uniform_int(r, 4); /* 0 = the cost's default */
        opt.sigma = gsl_ran_flat(r, 0.5, 2);
        size_t L = opt.min_seg ? opt.min_seg : type->default_min_seg;
        double beta = disrupt_penalty_value(opt.penalty, opt.penalty_value, type->diffparam, s.n);
        int mbic = opt.penalty == DISRUPT_PENALTY_MBIC;
        double sigma = (type == disrupt_cost_poisson || type == disrupt_cost_binomial)
                           ? 1.0 : opt.sigma;

        partition want = brute_force(type, &s, sigma, beta, mbic, L);
        disrupt_segmentation got;
        disrupt_error err;
        int rc = disrupt_segment(disrupt_detector_pelt, s.x, s.trials, s.n, &opt, &got, &err);
        ck_assert_msg(rc == 0, "%s series %d: %s", type->name, k, err.message);
        double got_value = direct_penalised(type, s.x, s.trials, s.n, got.cp, got.ncp, sigma,
                                            beta, mbic);
        ck_assert_msg(near(got_value, want.value),
                      "%s series %d (n=%zu, L=%zu): PELT cost %.12g, optimum %.12g", type->name,
                      k, s.n, L, got_value, want.value);
        /* Where several segmentations tie (l1 often has flat optima) the change points are
         * not determined; the optimum value above still is. */
        if (want.unique) {
            unique++;
            ck_assert_msg(got.ncp == want.ncp,
                          "%s series %d (n=%zu, L=%zu): %zu changes, want %zu", type->name, k,
                          s.n, L, got.ncp, want.ncp);
            for (size_t i = 0; i < want.ncp; i++)
                ck_assert_msg(got.cp[i] == want.cp[i],
                              "%s series %d: change %zu at %zu, want %zu", type->name, k, i,
                              got.cp[i], want.cp[i]);
        }
        /* the reported raw cost is the penalty-free sum */
        double raw = direct_penalised(type, s.x, s.trials, s.n, got.cp, got.ncp, sigma, 0, 0);
        ck_assert_double_eq_tol(got.cost, raw, 1e-7 * (1 + fabs(raw)));
        with_changes += want.ncp > 0;
        disrupt_segmentation_fini(&got);
    }
    /* the draw must exercise segmentations with changes, not only the trivial one */
    ck_assert_uint_gt(with_changes, SERIES_PER_COST / 5);
    ck_assert_uint_ge(unique, 200);
    gsl_rng_free(r);
}

START_TEST(test_brute_force_normal_mean) { check_against_brute_force(disrupt_cost_normal_mean, 1); }
END_TEST
START_TEST(test_brute_force_normal_meanvar) { check_against_brute_force(disrupt_cost_normal_meanvar, 2); }
END_TEST
START_TEST(test_brute_force_poisson) { check_against_brute_force(disrupt_cost_poisson, 3); }
END_TEST
START_TEST(test_brute_force_binomial) { check_against_brute_force(disrupt_cost_binomial, 4); }
END_TEST
START_TEST(test_brute_force_l1) { check_against_brute_force(disrupt_cost_l1, 5); }
END_TEST

/* Synthetic: 3000 points, a drop at 1000 and a recovery with higher noise at 2200. */
START_TEST(test_known_changes_meanvar)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 7);
    size_t n = 3000;
    double *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = (i < 1000 ? 0 : i < 2200 ? -1.5 : 0) + gsl_ran_gaussian(r, i < 2200 ? 1 : 2);
    disrupt_segmentation seg;
    disrupt_error err;
    ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, x, NULL, n, NULL, &seg, &err), 0);
    ck_assert_uint_eq(seg.ncp, 2);
    ck_assert_int_le(labs((long)seg.cp[0] - 1000), 5);
    ck_assert_int_le(labs((long)seg.cp[1] - 2200), 5);
    ck_assert_ptr_null(seg.cp_probability);
    disrupt_segmentation_fini(&seg);
    free(x);
    gsl_rng_free(r);
}
END_TEST

/* Synthetic OONI-like counts: blocked share 2% then 60% from 400 to 700. */
START_TEST(test_known_changes_binomial)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 8);
    size_t n = 1000;
    double *k = malloc(n * sizeof *k), *m = malloc(n * sizeof *m);
    for (size_t i = 0; i < n; i++) {
        m[i] = (double)gsl_rng_uniform_int(r, 20);
        k[i] = gsl_ran_binomial(r, i >= 400 && i < 700 ? 0.6 : 0.02, (unsigned)m[i]);
    }
    disrupt_segment_options opt;
    disrupt_segment_options_init(&opt);
    opt.cost = disrupt_cost_binomial;
    disrupt_segmentation seg;
    disrupt_error err;
    ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, k, m, n, &opt, &seg, &err), 0);
    ck_assert_uint_eq(seg.ncp, 2);
    ck_assert_int_le(labs((long)seg.cp[0] - 400), 2);
    ck_assert_int_le(labs((long)seg.cp[1] - 700), 2);
    disrupt_segmentation_fini(&seg);
    free(k);
    free(m);
    gsl_rng_free(r);
}
END_TEST

/* PELT's fast path (forced) against the exact search on 60 seeded synthetic series of 300 to
 * 1500 points with 0-4 changes of random size: never better than the optimum (which would
 * mean the exact search is wrong), and equal to it on most. What it misses are pairs of
 * changes that only pay together (an outlier or a short shifted stretch isolated as its own
 * segment), as binary segmentation does. */
START_TEST(test_fast_path_against_exact)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 99);
    const disrupt_cost_type *types[] = {disrupt_cost_normal_meanvar, disrupt_cost_normal_mean,
                                        disrupt_cost_poisson};
    int equal = 0, total = 0;
    for (int k = 0; k < 60; k++) {
        const disrupt_cost_type *type = types[k % 3];
        size_t n = 300 + gsl_rng_uniform_int(r, 1200);
        double *x = malloc(n * sizeof *x);
        size_t changes = gsl_rng_uniform_int(r, 5), next = n;
        double level = 0, sd = 1;
        for (size_t i = 0; i < n; i++) {
            if (changes && (i == 0 || i == next)) {
                level = gsl_ran_flat(r, -2, 2);
                sd = gsl_ran_flat(r, 0.5, 2);
                next = i + 20 + gsl_rng_uniform_int(r, n / changes);
            }
            x[i] = type == disrupt_cost_poisson ? gsl_ran_poisson(r, 10 + 4 * level)
                                                : level + gsl_ran_gaussian(r, sd);
        }
        disrupt_segment_options o;
        disrupt_segment_options_init(&o);
        o.cost = type;
        o.sigma = 1;
        disrupt_segmentation exact, fast;
        disrupt_error err;
        o.pelt_exact = 1;
        ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, x, NULL, n, &o, &exact, &err), 0);
        ck_assert_int_eq(exact.exact, 1);
        o.pelt_exact = -1;
        ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, x, NULL, n, &o, &fast, &err), 0);
        ck_assert_int_eq(fast.exact, 0);
        double beta = disrupt_penalty_value(o.penalty, 0, type->diffparam, n);
        double ve = direct_penalised(type, x, NULL, n, exact.cp, exact.ncp, 1, beta, 1);
        double vf = direct_penalised(type, x, NULL, n, fast.cp, fast.ncp, 1, beta, 1);
        ck_assert_msg(vf >= ve - 1e-6 * (1 + fabs(ve)), "series %d: fast %.10g < exact %.10g", k,
                      vf, ve);
        equal += near(vf, ve);
        total++;
        disrupt_segmentation_fini(&exact);
        disrupt_segmentation_fini(&fast);
        free(x);
    }
    ck_assert_int_ge(equal, total * 9 / 10); /* 58 of 60 on these seeds */
    gsl_rng_free(r);
}
END_TEST

/* Unpruned optimal partitioning: the optimum value by the recursion alone, O(n²) segment
 * costs (the engine's, which check_cost tests against direct sums; this checks the pruning). */
static double unpruned_optimum(const disrupt_cost_type *type, const double *x,
                               const double *trials, size_t n, double beta, int mbic, size_t L)
{
    disrupt_error err;
    disrupt_cost *c = disrupt_cost_alloc(type, x, trials, n, 1.0, &err);
    ck_assert_ptr_nonnull(c);
    double *F = malloc((n + 1) * sizeof *F);
    F[0] = -beta;
    for (size_t t = 1; t <= n; t++) {
        F[t] = INFINITY;
        for (size_t tau = 0; tau + L <= t; tau++) {
            if (tau > 0 && tau < L)
                continue;
            double v = F[tau] + disrupt_cost_eval(c, tau, t) + beta +
                       (mbic ? log((double)(t - tau)) : 0.0);
            if (v < F[t])
                F[t] = v;
        }
    }
    double best = F[n];
    free(F);
    disrupt_cost_free(c);
    return best;
}

/* PELT with the options o on x (trials for binomial) reaches the unpruned recursion's optimum;
 * `what` names the series in the message. */
static void assert_pelt_optimal(const disrupt_segment_options *o, const double *x,
                                const double *trials, size_t n, const char *what)
{
    double beta = disrupt_penalty_value(o->penalty, o->penalty_value, o->cost->diffparam, n);
    int mbic = o->penalty == DISRUPT_PENALTY_MBIC;
    disrupt_segmentation got;
    disrupt_error err;
    ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, x, trials, n, o, &got, &err), 0);
    ck_assert_int_eq(got.exact, 1);
    double want = unpruned_optimum(o->cost, x, trials, n, beta, mbic, o->min_seg);
    double value = direct_penalised(o->cost, x, trials, n, got.cp, got.ncp, 1, beta, mbic);
    ck_assert_msg(near(value, want), "%s (%s, L=%zu): %.12g, optimum %.12g", what,
                  o->cost->name, o->min_seg, value, want);
    disrupt_segmentation_fini(&got);
}

/* SYNTHETIC series of n points with `changes` evenly spaced changes of the cost's parameter. */
static void draw_long(gsl_rng *r, const disrupt_cost_type *type, size_t n, size_t changes,
                      double *x, double *trials)
{
    size_t every = n / (changes + 1);
    double jump = gsl_ran_flat(r, 0.3, 1.5);
    for (size_t i = 0; i < n; i++) {
        int odd = (int)((i / every) % 2);
        if (type == disrupt_cost_poisson) {
            x[i] = gsl_ran_poisson(r, 8 + 4 * odd * jump);
        } else if (type == disrupt_cost_binomial) {
            trials[i] = (double)(5 + gsl_rng_uniform_int(r, 20));
            x[i] = gsl_ran_binomial(r, 0.1 + 0.2 * odd * jump, (unsigned)trials[i]);
        } else {
            x[i] = odd * jump + gsl_ran_gaussian(r, type == disrupt_cost_normal_meanvar && odd ? 1.6 : 1);
        }
    }
}

/* The pruning of optpart.c (PELT's test, lower convex hulls) is exact: on
 * seeded SYNTHETIC series of 2000 points with no change, 3 changes and 60, for every cost
 * with a hull, MBIC and manual penalties and minimum segments 1–3, the exact search reaches
 * the unpruned recursion's optimum. Long homogeneous stretches are where the hulls act. */
START_TEST(test_pruning_exact_on_long_series)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 314);
    const disrupt_cost_type *types[] = {disrupt_cost_normal_mean, disrupt_cost_normal_meanvar,
                                        disrupt_cost_poisson, disrupt_cost_binomial};
    const size_t changes[] = {0, 3, 60};
    size_t n = 2000;
    double *x = malloc(n * sizeof *x), *trials = malloc(n * sizeof *trials);
    for (int k = 0; k < 36; k++) {
        const disrupt_cost_type *type = types[k % 4];
        draw_long(r, type, n, changes[k % 3], x, trials);
        disrupt_segment_options o;
        disrupt_segment_options_init(&o);
        o.cost = type;
        o.sigma = 1;
        o.pelt_exact = 1;
        o.min_seg = (k / 4) % 3 == 2 ? 3 : type->default_min_seg;
        if (k % 3 != 1) { /* low penalties too: optima with changes inside the noise */
            o.penalty = DISRUPT_PENALTY_MANUAL;
            o.penalty_value = gsl_ran_flat(r, 1, k % 3 ? 30 : 6);
        }
        char what[64];
        snprintf(what, sizeof what, "series %d, %zu changes drawn", k, changes[k % 3]);
        assert_pelt_optimal(&o, x, type == disrupt_cost_binomial ? trials : NULL, n, what);
    }
    free(x);
    free(trials);
    gsl_rng_free(r);
}
END_TEST

/* Degenerate data, where the lifted candidates are collinear or coplanar in exact arithmetic
 * (the sweep hull's exact tests and its collinear rule act here): SYNTHETIC series of a few
 * integer values, of long constant stretches, and of two values, for normal-mean and
 * poisson, MBIC and low manual penalties, minimum segments 1 and 3. PELT reaches the
 * unpruned recursion's optimum. */
START_TEST(test_pruning_exact_on_degenerate_series)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2718);
    const disrupt_cost_type *types[] = {disrupt_cost_normal_mean, disrupt_cost_poisson};
    size_t n = 600;
    double *x = malloc(n * sizeof *x);
    for (int k = 0; k < 48; k++) {
        const disrupt_cost_type *type = types[k % 2];
        int shape = (k / 2) % 3;
        double level = 3;
        for (size_t i = 0; i < n; i++) {
            if (shape == 0) {        /* a few integer values */
                x[i] = (double)gsl_rng_uniform_int(r, 3);
            } else if (shape == 1) { /* constant stretches of random lengths */
                if (i == 0 || gsl_rng_uniform(r) < 0.01)
                    level = (double)gsl_rng_uniform_int(r, 6);
                x[i] = level;
            } else {                 /* two values, in runs */
                if (gsl_rng_uniform(r) < 0.05)
                    level = level == 3 ? 5 : 3;
                x[i] = level;
            }
        }
        disrupt_segment_options o;
        disrupt_segment_options_init(&o);
        o.cost = type;
        o.sigma = 1;
        o.min_seg = (k / 6) % 2 ? 3 : 1;
        if (k % 4 >= 2) {
            o.penalty = DISRUPT_PENALTY_MANUAL;
            o.penalty_value = gsl_ran_flat(r, 0.5, 8);
        }
        char what[64];
        snprintf(what, sizeof what, "series %d, shape %d", k, shape);
        assert_pelt_optimal(&o, x, NULL, n, what);
    }
    free(x);
    gsl_rng_free(r);
}
END_TEST

/* normal-meanvar on runs of equal values: a run's variance is exactly 0, so that its costs add
 * up (rounding noise times the floor's 1/f did not, and PELT's test then pruned the optimum:
 * 18 zeros, 5 ones, 11 minus ones and two small values, AIC, found by a review). Seeded
 * SYNTHETIC runs of a few values, with noise-free and noisy stretches, against the unpruned
 * recursion. */
START_TEST(test_meanvar_exact_on_constant_runs)
{
    double x[36];
    size_t n = 0;
    for (int i = 0; i < 18; i++)
        x[n++] = 0;
    for (int i = 0; i < 5; i++)
        x[n++] = 1;
    for (int i = 0; i < 11; i++)
        x[n++] = -1;
    x[n++] = 0.35368234753378369;
    x[n++] = 0.33955476209724256;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 1618);
    double *y = malloc(400 * sizeof *y);
    for (int k = 0; k < 25; k++) {
        const double *series = x;
        size_t len = n;
        if (k > 0) { /* runs of 1–40 equal values, now and then a noisy stretch */
            len = 400;
            for (size_t i = 0; i < len;) {
                size_t run = 1 + gsl_rng_uniform_int(r, 40);
                double v = (double)gsl_rng_uniform_int(r, 4) - 1.5;
                int noisy = gsl_rng_uniform(r) < 0.3;
                for (size_t j = 0; j < run && i < len; j++, i++)
                    y[i] = noisy ? v + gsl_ran_gaussian(r, 0.5) : v;
            }
            series = y;
        }
        disrupt_segment_options o;
        disrupt_segment_options_init(&o);
        o.cost = disrupt_cost_normal_meanvar;
        o.sigma = 1;
        o.min_seg = 1;
        o.penalty = k % 2 ? DISRUPT_PENALTY_MBIC : DISRUPT_PENALTY_AIC;
        char what[32];
        snprintf(what, sizeof what, "series %d", k);
        assert_pelt_optimal(&o, series, NULL, len, what);
    }
    free(y);
    gsl_rng_free(r);
}
END_TEST

/* The unpruned recursion for normal-mean with unit sigma at scale: prefix sums of x − x̄ and a
 * table of log m, so that 10⁵ points (5·10⁹ segment costs) take seconds. Its inner loop reads
 * only indices below t, and is left out of the sanitizers, which would make it minutes. */
__attribute__((no_sanitize("address", "undefined")))
static double unpruned_mean_optimum(const double *x, size_t n, double beta, int mbic)
{
    double mean = 0;
    for (size_t i = 0; i < n; i++)
        mean += x[i] / (double)n;
    double *s1 = malloc((n + 1) * sizeof *s1), *s2 = malloc((n + 1) * sizeof *s2);
    double *F = malloc((n + 1) * sizeof *F), *logm = malloc((n + 1) * sizeof *logm);
    double *inv = malloc((n + 1) * sizeof *inv);
    s1[0] = s2[0] = 0;
    for (size_t i = 0; i < n; i++) {
        s1[i + 1] = s1[i] + (x[i] - mean);
        s2[i + 1] = s2[i] + (x[i] - mean) * (x[i] - mean);
    }
    for (size_t m = 1; m <= n; m++) {
        logm[m] = mbic ? log((double)m) : 0.0;
        inv[m] = 1.0 / (double)m;
    }
    F[0] = -beta;
    for (size_t t = 1; t <= n; t++) {
        double best = INFINITY;
        for (size_t tau = 0; tau < t; tau++) {
            double a = s1[t] - s1[tau];
            double c = (s2[t] - s2[tau]) - a * a * inv[t - tau];
            double v = F[tau] + (c > 0 ? c : 0) + logm[t - tau];
            best = v < best ? v : best;
        }
        F[t] = best + beta;
    }
    double opt = F[n];
    free(s1);
    free(s2);
    free(F);
    free(logm);
    free(inv);
    return opt;
}

/* The default (no option) equals the exhaustive optimum at every scale, the case that used
 * to leave the exact search: SYNTHETIC normal-mean series of 10, 10², 10³, 10⁴ and 10⁵ points
 * with 2 changes and with one every 50 points, MBIC. */
START_TEST(test_default_exact_up_to_1e5)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 2718);
    size_t n_max = 100000;
    double *x = malloc(n_max * sizeof *x);
    for (size_t n = 10; n <= n_max; n *= 10) {
        for (int many = 0; many < 2; many++) {
            size_t every = many ? 50 : n / 3 + 1;
            for (size_t i = 0; i < n; i++)
                x[i] = (double)((i / every) % 2) * 1.2 + gsl_ran_gaussian(r, 1);
            disrupt_segment_options o;
            disrupt_segment_options_init(&o);
            o.cost = disrupt_cost_normal_mean;
            o.sigma = 1;
            double beta = disrupt_penalty_value(o.penalty, 0, 1, n);
            disrupt_segmentation got;
            disrupt_error err;
            ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, x, NULL, n, &o, &got, &err), 0);
            ck_assert_int_eq(got.exact, 1);
            double want = unpruned_mean_optimum(x, n, beta, 1);
            double value = direct_penalised(disrupt_cost_normal_mean, x, NULL, n, got.cp, got.ncp,
                                            1, beta, 1);
            ck_assert_msg(near(value, want), "n=%zu, %s changes: %.12g, optimum %.12g", n,
                          many ? "many" : "2", value, want);
            disrupt_segmentation_fini(&got);
        }
    }
    free(x);
    gsl_rng_free(r);
}
END_TEST

/* The same for normal-meanvar (the library's default cost) at 10⁴ points, with the engine's
 * cost and no pruning. */
START_TEST(test_default_meanvar_exact_at_1e4)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, 1618);
    size_t n = 10000;
    double *x = malloc(n * sizeof *x);
    for (int many = 0; many < 2; many++) {
        size_t every = many ? 100 : n / 3 + 1;
        for (size_t i = 0; i < n; i++)
            x[i] = gsl_ran_gaussian(r, (i / every) % 2 ? 1.8 : 1) + (double)((i / every) % 3) * 0.5;
        disrupt_segmentation got;
        disrupt_error err;
        disrupt_segment_options o;
        disrupt_segment_options_init(&o);
        o.sigma = 1;
        ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, x, NULL, n, &o, &got, &err), 0);
        double beta = disrupt_penalty_value(DISRUPT_PENALTY_MBIC, 0, 2, n);
        double want = unpruned_optimum(disrupt_cost_normal_meanvar, x, NULL, n, beta, 1, 2);
        double value = direct_penalised(disrupt_cost_normal_meanvar, x, NULL, n, got.cp, got.ncp,
                                        1, beta, 1);
        ck_assert_msg(near(value, want), "%s changes: %.12g, optimum %.12g", many ? "many" : "2",
                      value, want);
        disrupt_segmentation_fini(&got);
    }
    free(x);
    gsl_rng_free(r);
}
END_TEST

START_TEST(test_edges_and_errors)
{
    disrupt_segmentation seg;
    disrupt_error err;
    const double one[] = {5};
    ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, one, NULL, 1, NULL, &seg, &err), 0);
    ck_assert_uint_eq(seg.ncp, 0);
    disrupt_segmentation_fini(&seg);
    ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, NULL, NULL, 0, NULL, &seg, &err), 0);
    ck_assert_uint_eq(seg.ncp, 0);
    disrupt_segmentation_fini(&seg);

    const double bad[] = {1, INFINITY, 2};
    ck_assert_int_ne(disrupt_segment(disrupt_detector_pelt, bad, NULL, 3, NULL, &seg, &err), 0);
    ck_assert_ptr_null(seg.cp);
    disrupt_segment_options opt;
    disrupt_segment_options_init(&opt);
    opt.penalty = DISRUPT_PENALTY_MANUAL;
    opt.penalty_value = -1;
    const double ok[] = {1, 2, 3};
    ck_assert_int_eq(disrupt_segment(disrupt_detector_pelt, ok, NULL, 3, &opt, &seg, &err),
                     DISRUPT_EINVAL);
    ck_assert_ptr_null(disrupt_detector_find("nope"));
    ck_assert_ptr_eq(disrupt_detector_find("pelt"), disrupt_detector_pelt);
}
END_TEST

START_TEST(test_defaults)
{
    disrupt_segment_options o;
    disrupt_segment_options_init(&o);
    ck_assert_ptr_eq(o.cost, disrupt_cost_normal_meanvar);
    ck_assert_int_eq(o.penalty, DISRUPT_PENALTY_MBIC);
    ck_assert_uint_eq(o.min_seg, 0);
    ck_assert_double_eq(o.hazard_lambda, 250);
    ck_assert_double_eq(o.truncate, 1e-4);
    ck_assert_double_eq(o.cp_threshold, 0.5);
    ck_assert(o.prior_kappa > 0 && o.prior_alpha > 0 && o.prior_beta > 0);
}
END_TEST

static Suite *pelt_suite(void)
{
    Suite *s = suite_create("pelt");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_brute_force_normal_mean);
    tcase_add_test(tc, test_brute_force_normal_meanvar);
    tcase_add_test(tc, test_brute_force_poisson);
    tcase_add_test(tc, test_pruning_exact_on_degenerate_series);
    tcase_add_test(tc, test_meanvar_exact_on_constant_runs);
    tcase_add_test(tc, test_brute_force_binomial);
    tcase_add_test(tc, test_brute_force_l1);
    tcase_add_test(tc, test_known_changes_meanvar);
    tcase_add_test(tc, test_known_changes_binomial);
    tcase_add_test(tc, test_fast_path_against_exact);
    tcase_add_test(tc, test_pruning_exact_on_long_series);
    tcase_add_test(tc, test_default_exact_up_to_1e5);
    tcase_add_test(tc, test_default_meanvar_exact_at_1e4);
    tcase_add_test(tc, test_edges_and_errors);
    tcase_add_test(tc, test_defaults);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    gsl_set_error_handler_off();
    return tu_run_suite(pelt_suite());
}
