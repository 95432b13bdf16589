/* bocpd.c — Bayesian online change-point detection (Adams & MacKay 2007).
 *
 * Model: segments of iid Normal data with unknown mean and variance under a Normal-Gamma
 * prior (μ₀, κ₀, α₀, β₀); between consecutive points a new segment starts with constant
 * probability H = 1/λ. The detector sees y = (x − median(x))/σ, σ the robust noise scale (or the
 * one given), so one unit prior fits series of any level and scale.
 *
 * The state after point t is the posterior over the start s of the segment holding x_t
 * (run length t − s + 1). Point t either extends a run, with weight (1 − H)·p(x_t | run), or
 * starts a new one, with weight H·p(x_t | prior) summed over all runs. Predictives are
 * Student-t with 2α degrees of freedom, location μ and scale² = β(κ + 1)/(ακ), the posterior
 * parameters of a run coming from prefix sums in O(1). Runs whose posterior mass falls below
 * `truncate` are dropped, except runs younger than `bocpd_lag` points.
 *
 * cp_probability[i] = P(a segment starts at i | x_0 … x_{i+lag−1}) (data up to the end of the
 * series when that is sooner); cp_probability[0] = 0. A change is reported at each i whose
 * probability reaches cp_threshold, strongest first, at least min_seg apart and from the ends.
 *
 * Time: O(n · active runs). Memory: ≤ 57 bytes per point (prefix sums, probabilities, the
 * log-gamma table, run arrays at their worst).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "disrupt/segment.h"
#include "segment_impl.h"

typedef struct {
    double mu0, kappa0, alpha0, beta0;
    const double *p1, *p2;   /* prefix sums of y and y² */
    double *dlg;             /* dlg[r] = lgamma(α₀ + r/2 + 1/2) − lgamma(α₀ + r/2) */
} ng_model;

/* log p(y | the r = t − s points s..t−1), up to a constant common to every run. */
static double log_predictive(const ng_model *m, size_t s, size_t t, double y)
{
    double r = (double)(t - s);
    double kappa = m->kappa0 + r, mu = m->mu0, beta = m->beta0;
    if (t > s) {
        double s1 = m->p1[t] - m->p1[s], s2 = m->p2[t] - m->p2[s];
        double mean = s1 / r;
        double ss = s2 - s1 * mean;
        if (ss < 0)
            ss = 0;
        mu = (m->kappa0 * m->mu0 + s1) / kappa;
        beta += 0.5 * ss + m->kappa0 * r * (mean - m->mu0) * (mean - m->mu0) / (2.0 * kappa);
    }
    double alpha = m->alpha0 + 0.5 * r;
    double nu = 2.0 * alpha;
    double scale2 = beta * (kappa + 1.0) / (alpha * kappa);
    double z = (y - mu) * (y - mu) / (nu * scale2);
    return m->dlg[t - s] - 0.5 * log(nu * M_PI * scale2) - (alpha + 0.5) * log1p(z);
}

static int check_bocpd_options(const disrupt_segment_options *o, disrupt_error *err)
{
    if (o->cost != disrupt_cost_normal_mean && o->cost != disrupt_cost_normal_meanvar)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "bocpd models Normal data: use the normal-mean or "
                                 "normal-meanvar cost, not %s",
                                 o->cost ? o->cost->name : "none");
    if (!(isfinite(o->prior_mu) && o->prior_kappa > 0 && o->prior_alpha > 0 &&
          o->prior_beta > 0 && isfinite(o->prior_kappa) && isfinite(o->prior_alpha) &&
          isfinite(o->prior_beta)))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "the Normal-Gamma prior needs a finite mu and kappa, alpha, "
                                 "beta > 0");
    if (!(o->hazard_lambda >= 1 && isfinite(o->hazard_lambda)))
        return disrupt_error_set(err, DISRUPT_EINVAL, "the hazard lambda must be >= 1, found %g",
                                 o->hazard_lambda);
    if (!(o->truncate >= 0 && o->truncate < 1))
        return disrupt_error_set(err, DISRUPT_EINVAL, "truncate must be in [0, 1), found %g",
                                 o->truncate);
    if (!(o->cp_threshold > 0 && o->cp_threshold <= 1))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "the change threshold must be in (0, 1], found %g",
                                 o->cp_threshold);
    return 0;
}

typedef struct {
    size_t *start;
    double *logw;
    size_t count;
} runs;

/* Index of the run starting at s, or count when it was truncated. */
static size_t find_run(const runs *r, size_t s)
{
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->start[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->count && r->start[lo] == s ? lo : r->count;
}

static double run_probability(const runs *r, size_t s)
{
    size_t k = find_run(r, s);
    return k < r->count ? exp(r->logw[k]) : 0.0;
}

/* One step of the recursion for point t >= 1; r has room for one more run. */
static void bocpd_step(const ng_model *m, runs *r, size_t t, double y, double log_h,
                       double log_1mh, double truncate, size_t lag)
{
    double zmax = -INFINITY;
    size_t kmax = 0;
    for (size_t k = 0; k < r->count; k++) {
        r->logw[k] += log_1mh + log_predictive(m, r->start[k], t, y);
        if (r->logw[k] > zmax) {
            zmax = r->logw[k];
            kmax = k;
        }
    }
    /* The weights entering this step sum to one, so the new run gets H·p(y | prior). */
    double fresh = log_h + log_predictive(m, t, t, y);
    r->start[r->count] = t;
    r->logw[r->count++] = fresh;
    if (fresh > zmax) {
        zmax = fresh;
        kmax = r->count - 1;
    }
    double sum = 0;
    for (size_t k = 0; k < r->count; k++)
        sum += exp(r->logw[k] - zmax);
    double lognorm = zmax + log(sum);
    size_t keep = 0;
    for (size_t k = 0; k < r->count; k++) {
        double lw = r->logw[k] - lognorm;
        int young = t - r->start[k] + 1 < lag;
        if (young || k == kmax || exp(lw) >= truncate) {
            r->start[keep] = r->start[k];
            r->logw[keep++] = lw;
        }
    }
    r->count = keep;
}

typedef struct {
    size_t index;
    double prob;
} peak;

static int by_probability(const void *a, const void *b)
{
    const peak *x = a, *y = b;
    if (x->prob != y->prob)
        return x->prob < y->prob ? 1 : -1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Change points: indices with probability >= threshold, strongest first, >= L apart. */
static int pick_changes(const double *prob, size_t n, size_t L, double threshold, size_t **cp,
                        size_t *ncp, disrupt_error *err)
{
    size_t count = 0;
    for (size_t i = L; i + L <= n; i++)
        count += prob[i] >= threshold;
    peak *peaks = seg_alloc(count, sizeof *peaks);
    unsigned char *taken = calloc(n ? n : 1, 1);
    *cp = seg_alloc(count, sizeof **cp);
    if (!peaks || !taken || !*cp) {
        free(peaks);
        free(taken);
        free(*cp);
        *cp = NULL;
        return disrupt_error_nomem(err);
    }
    count = 0;
    for (size_t i = L; i + L <= n; i++)
        if (prob[i] >= threshold)
            peaks[count++] = (peak){i, prob[i]};
    qsort(peaks, count, sizeof *peaks, by_probability);
    *ncp = 0;
    for (size_t k = 0; k < count; k++) {
        size_t i = peaks[k].index, lo = i >= L - 1 ? i - (L - 1) : 0;
        int clear = 1;
        for (size_t j = lo; j < i + L && j < n && clear; j++)
            clear = !taken[j];
        if (clear) {
            taken[i] = 1;
            (*cp)[(*ncp)++] = i;
        }
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (taken[i])
            (*cp)[w++] = i;
    free(peaks);
    free(taken);
    return 0;
}

static int bocpd_run(const double *x, const double *trials, size_t n,
                     const disrupt_segment_options *opt, disrupt_segmentation *out,
                     disrupt_error *err)
{
    int rc = check_bocpd_options(opt, err);
    if (rc)
        return rc;
    seg_problem p;
    rc = seg_problem_init(&p, x, trials, n, opt, err);
    if (rc)
        return rc;
    size_t lag = opt->bocpd_lag ? opt->bocpd_lag : 1;
    double *p1 = seg_alloc(n + 1, sizeof *p1), *p2 = seg_alloc(n + 1, sizeof *p2);
    double *dlg = seg_alloc(n + 1, sizeof *dlg), *prob = calloc(n ? n : 1, sizeof *prob);
    runs r = {seg_alloc(n + 1, sizeof(size_t)), seg_alloc(n + 1, sizeof(double)), 0};
    size_t *cp = NULL, ncp = 0;
    if (!p1 || !p2 || !dlg || !prob || !r.start || !r.logw) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    if (n == 0) {
        rc = seg_store(&p, NULL, 0, out, err);
        goto cleanup;
    }

    /* The median, computed on a copy (gsl_stats_median reorders); r.logw is free yet. */
    memcpy(r.logw, x, n * sizeof *x);
    double median = gsl_stats_median(r.logw, 1, n);
    p1[0] = p2[0] = 0;
    for (size_t i = 0; i < n; i++) {
        double y = (x[i] - median) / p.sigma;
        p1[i + 1] = p1[i] + y;
        p2[i + 1] = p2[i] + y * y;
    }
    for (size_t k = 0; k <= n; k++)
        dlg[k] = lgamma(opt->prior_alpha + 0.5 * (double)k + 0.5) -
                 lgamma(opt->prior_alpha + 0.5 * (double)k);
    ng_model m = {opt->prior_mu, opt->prior_kappa, opt->prior_alpha, opt->prior_beta, p1, p2,
                  dlg};
    double h = 1.0 / opt->hazard_lambda;
    double log_h = log(h), log_1mh = h < 1 ? log1p(-h) : -INFINITY;

    r.start[0] = 0;
    r.logw[0] = 0.0;
    r.count = 1;
    for (size_t t = 1; t < n; t++) {
        bocpd_step(&m, &r, t, p1[t + 1] - p1[t], log_h, log_1mh, opt->truncate, lag);
        if (t + 1 >= lag && t + 1 - lag >= 1)
            prob[t + 1 - lag] = run_probability(&r, t + 1 - lag);
    }
    for (size_t s = n >= lag ? n - lag + 1 : 1; s < n; s++)
        prob[s] = run_probability(&r, s);

    rc = pick_changes(prob, n, p.min_seg, opt->cp_threshold, &cp, &ncp, err);
    if (!rc)
        rc = seg_store(&p, cp, ncp, out, err);
    if (!rc) {
        out->cp_probability = prob;
        prob = NULL;
    }

cleanup:
    free(p1);
    free(p2);
    free(dlg);
    free(prob);
    free(r.start);
    free(r.logw);
    free(cp);
    seg_problem_fini(&p);
    return rc;
}

static const disrupt_detector_type bocpd_type = {"bocpd", bocpd_run};
const disrupt_detector_type *disrupt_detector_bocpd = &bocpd_type;
