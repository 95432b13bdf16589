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
 * series when that is sooner), whatever happens after i: the forward recursion's normalisers
 * give p(x_i … x_t | past), a backward sum over the lag window the evidence of a segment
 * starting at i (O(lag²) closed-form evidences per point). cp_probability[0] = 0. A change is reported at each local peak
 * of cp_probability (within ±2 points) where the probabilities within ±2 points sum to at
 * least cp_threshold (neighbouring starts share the evidence for one change when the data
 * cannot tell them apart), strongest first, at least min_seg apart and from the ends.
 *
 * Time: O(n · active runs). Memory: ≤ 57 bytes per point (prefix sums, probabilities, the
 * log-gamma table, run arrays at their worst).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "disrupt/engine/segment.h"
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

/* One step of the recursion for point t >= 1; r has room for one more run. Returns
 * log p(x_t | x_0 … x_{t−1}). */
static double bocpd_step(const ng_model *m, runs *r, size_t t, double y, double log_h,
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
    return lognorm;
}

/* log p(y_a … y_{b−1}) as one segment: the Normal-Gamma evidence in closed form. lga[m] holds
 * lgamma(α₀ + m/2) for m <= b − a. */
static double log_evidence(const ng_model *m, const double *lga, size_t a, size_t b)
{
    double r = (double)(b - a), s1 = m->p1[b] - m->p1[a], s2 = m->p2[b] - m->p2[a];
    double mean = s1 / r, ss = s2 - s1 * mean;
    if (ss < 0)
        ss = 0;
    double kn = m->kappa0 + r, an = m->alpha0 + 0.5 * r;
    double bn = m->beta0 + 0.5 * ss + m->kappa0 * r * (mean - m->mu0) * (mean - m->mu0) / (2 * kn);
    return lga[b - a] - lga[0] + m->alpha0 * log(m->beta0) - an * log(bn) +
           0.5 * (log(m->kappa0) - log(kn)) - 0.5 * r * log(2 * M_PI);
}

static double log_add(double a, double b)
{
    if (a == -INFINITY)
        return b;
    if (b == -INFINITY)
        return a;
    return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

/* log p(y_i … y_t | a segment starts at i), summed over every segmentation of i..t:
 * B(t+1) = 1, B(j) = Σ_{k=j+1..t} (1−H)^{k−j−1}·H·Z(j..k−1)·B(k) + (1−H)^{t−j}·Z(j..t).
 * logb needs t − i + 2 entries. O((t − i)²) evidences. */
static double log_future(const ng_model *m, const double *lga, size_t i, size_t t, double log_h,
                         double log_1mh, double *logb)
{
    logb[t + 1 - i] = 0;
    for (size_t j = t + 1; j-- > i;) {
        double acc = (double)(t - j) * log_1mh + log_evidence(m, lga, j, t + 1);
        for (size_t k = j + 1; k <= t; k++)
            acc = log_add(acc, (double)(k - j - 1) * log_1mh + log_h +
                                   log_evidence(m, lga, j, k) + logb[k - i]);
        logb[j - i] = acc;
    }
    return logb[0];
}

/* P(a segment starts at i | y_0 … y_t) = H·p(y_i … y_t | start at i) / p(y_i … y_t | y_<i):
 * a change at i is independent of the past under the prior, and the denominator is the
 * product of the recursion's step normalisers for i..t (kept in the ring steplog). */
static double change_probability(const ng_model *m, const double *lga, const double *steplog,
                                  size_t lag, size_t i, size_t t, double log_h, double log_1mh,
                                  double *logb)
{
    double past = 0;
    for (size_t j = i; j <= t; j++)
        past += steplog[j % lag];
    double p = exp(log_h + log_future(m, lga, i, t, log_h, log_1mh, logb) - past);
    return p < 1 ? p : 1.0;
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

/* A peak is a point whose probability no neighbour within ±1 exceeds (the leftmost of
 * equals). Its mass adds the probabilities that fall away from it on both sides, at most
 * `reach` points each way: the evidence for one change is shared by neighbouring starts when
 * the data cannot tell them apart, while two sharp changes a few points apart stay two. */
static int is_peak(const double *prob, size_t n, size_t i)
{
    return prob[i] > 0 && (i == 0 || prob[i - 1] < prob[i]) && (i + 1 >= n || prob[i + 1] <= prob[i]);
}

static double peak_mass(const double *prob, size_t n, size_t i, size_t reach)
{
    double mass = prob[i];
    for (size_t j = i, k = 0; j > 0 && k < reach && prob[j - 1] <= prob[j]; j--, k++)
        mass += prob[j - 1];
    for (size_t j = i, k = 0; j + 1 < n && k < reach && prob[j + 1] <= prob[j]; j++, k++)
        mass += prob[j + 1];
    return mass;
}

/* Change points: peaks whose mass reaches the threshold, strongest first, at least L apart
 * and L from the ends. */
static int pick_changes(const double *prob, size_t n, size_t L, size_t reach, double threshold,
                        size_t **cp, size_t *ncp, disrupt_error *err)
{
    size_t count = 0;
    for (size_t i = L; i + L <= n; i++)
        count += is_peak(prob, n, i) && peak_mass(prob, n, i, reach) >= threshold;
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
        if (is_peak(prob, n, i) && peak_mass(prob, n, i, reach) >= threshold)
            peaks[count++] = (peak){i, peak_mass(prob, n, i, reach)};
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
    double *lga = seg_alloc(lag + 1, sizeof *lga), *steplog = seg_alloc(lag, sizeof *steplog);
    double *logb = seg_alloc(lag + 2, sizeof *logb);
    size_t *cp = NULL, ncp = 0;
    if (!p1 || !p2 || !dlg || !prob || !r.start || !r.logw || !lga || !steplog || !logb) {
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

    for (size_t k = 0; k <= lag; k++)
        lga[k] = lgamma(opt->prior_alpha + 0.5 * (double)k);
    r.start[0] = 0;
    r.logw[0] = 0.0;
    r.count = 1;
    for (size_t t = 1; t < n; t++) {
        steplog[t % lag] = bocpd_step(&m, &r, t, p1[t + 1] - p1[t], log_h, log_1mh,
                                      opt->truncate, lag);
        if (t + 1 >= lag && t + 1 - lag >= 1)
            prob[t + 1 - lag] = change_probability(&m, lga, steplog, lag, t + 1 - lag, t, log_h,
                                                   log_1mh, logb);
    }
    for (size_t i = n >= lag ? n - lag + 1 : 1; i < n; i++)
        prob[i] = change_probability(&m, lga, steplog, lag, i, n - 1, log_h, log_1mh, logb);

    rc = pick_changes(prob, n, p.min_seg, lag, opt->cp_threshold, &cp, &ncp, err);
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
    free(lga);
    free(steplog);
    free(logb);
    free(cp);
    seg_problem_fini(&p);
    return rc;
}

static const disrupt_detector_type bocpd_type = {"bocpd", bocpd_run};
const disrupt_detector_type *disrupt_detector_bocpd = &bocpd_type;
