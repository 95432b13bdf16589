/* cost.c — segment costs from prefix sums (see include/disrupt/engine/cost.h).
 *
 * Every cost is twice the negative maximised log-likelihood of one segment, with the constants
 * kept the way R's `changepoint` package keeps them, so that its penalties (BIC, MBIC, …)
 * mean the same thing here:
 *   normal-mean     S2 − S1²/m                                  (unit variance after scaling)
 *   normal-meanvar  m·(log 2π + log σ̂² + 1), σ̂² = (S2 − S1²/m)/m, for σ̂² >= 1e-11
 *   poisson         2·S1·(log m − log S1), 0 when S1 = 0
 *   binomial        −2·[K log p̂ + (N − K) log(1 − p̂)], p̂ = K/N
 *   l1              2·√2·Σ|x − median| (Laplace with standard deviation 1 after scaling)
 * Normal and l1 costs see (x − mean(x))/σ: centring removes the cancellation of S2 − S1²/m on
 * long series with a large level, and changes nothing else (the costs are shift invariant).
 *
 * Each cost is the minimum over the segment's parameters of a sum of per-point terms (the
 * pruning of optpart.c relies on it). So for normal-meanvar below the variance floor f = 1e-11
 * (a constant run) the cost is the likelihood's own minimum over v >= f,
 * m·(log 2π + log f) + m·σ̂²/f, where R's changepoint floors σ̂² inside its formula
 * (m·(log 2π + log f + 1)), which is no parameter's likelihood: the two differ only on segments
 * whose scaled variance is below 1e-11.
 */
#include "disrupt/engine/cost.h"

#include <gsl/gsl_sort.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "l1scan.h"

#define MEANVAR_FLOOR 1e-11

typedef enum { KIND_MEAN, KIND_MEANVAR, KIND_POISSON, KIND_BINOMIAL, KIND_L1 } cost_kind;

struct disrupt_cost {
    const disrupt_cost_type *type;
    cost_kind kind;
    size_t n;
    double *c1;     /* n+1 prefix sums of x (or of k) */
    double *c2;     /* n+1 prefix sums of x² (or of trials); NULL for poisson and l1 */
    double *x;      /* l1: the scaled series */
    double *work;   /* l1: scratch for the median */
    size_t *run;    /* normal-meanvar: where the run of equal values holding point i starts */
};

static const disrupt_cost_type type_normal_mean = {"normal-mean", 1, 1};
static const disrupt_cost_type type_normal_meanvar = {"normal-meanvar", 2, 2};
static const disrupt_cost_type type_poisson = {"poisson", 1, 1};
static const disrupt_cost_type type_binomial = {"binomial", 1, 1};
static const disrupt_cost_type type_l1 = {"l1", 1, 1};

const disrupt_cost_type *disrupt_cost_normal_mean = &type_normal_mean;
const disrupt_cost_type *disrupt_cost_normal_meanvar = &type_normal_meanvar;
const disrupt_cost_type *disrupt_cost_poisson = &type_poisson;
const disrupt_cost_type *disrupt_cost_binomial = &type_binomial;
const disrupt_cost_type *disrupt_cost_l1 = &type_l1;

static const disrupt_cost_type *const all_types[] = {
    &type_normal_mean, &type_normal_meanvar, &type_poisson, &type_binomial, &type_l1,
};

const disrupt_cost_type *disrupt_cost_type_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof all_types / sizeof all_types[0]; i++)
        if (strcmp(all_types[i]->name, name) == 0)
            return all_types[i];
    return NULL;
}

static cost_kind kind_of(const disrupt_cost_type *type)
{
    if (type == &type_normal_mean)
        return KIND_MEAN;
    if (type == &type_normal_meanvar)
        return KIND_MEANVAR;
    if (type == &type_poisson)
        return KIND_POISSON;
    if (type == &type_binomial)
        return KIND_BINOMIAL;
    return KIND_L1;
}

static int known_type(const disrupt_cost_type *type)
{
    for (size_t i = 0; i < sizeof all_types / sizeof all_types[0]; i++)
        if (all_types[i] == type)
            return 1;
    return 0;
}

static double *alloc_doubles(size_t count)
{
    if (count == 0 || count > PTRDIFF_MAX / sizeof(double))
        return NULL;
    return malloc(count * sizeof(double));
}

static int check_input(const disrupt_cost_type *type, cost_kind kind, const double *x,
                       const double *trials, size_t n, disrupt_error *err)
{
    if (kind == KIND_BINOMIAL && !trials)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "the binomial cost needs trial counts (k of n per step)");
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "point %zu: the %s cost needs finite values, found %g", i,
                                     type->name, x[i]);
        if (kind == KIND_POISSON && !(x[i] >= 0 && x[i] == floor(x[i])))
            return disrupt_error_set(err, DISRUPT_EDATA,
                                     "point %zu: the poisson cost needs counts (whole numbers "
                                     ">= 0), found %.17g; use a normal cost for measured levels",
                                     i, x[i]);
        if (kind == KIND_BINOMIAL &&
            !(isfinite(trials[i]) && trials[i] >= 0 && x[i] >= 0 && x[i] <= trials[i]))
            return disrupt_error_set(err, DISRUPT_EDATA,
                                     "point %zu: the binomial cost needs 0 <= k <= trials, found "
                                     "k = %g of %g",
                                     i, x[i], trials[i]);
    }
    return 0;
}

static double series_mean(const double *x, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += x[i];
    return n ? sum / (double)n : 0.0;
}

disrupt_cost *disrupt_cost_alloc(const disrupt_cost_type *type, const double *x,
                                 const double *trials, size_t n, double sigma,
                                 disrupt_error *err)
{
    if (!known_type(type)) {
        disrupt_error_set(err, DISRUPT_EINVAL, "unknown cost type");
        return NULL;
    }
    if (!x && n > 0) {
        disrupt_error_set(err, DISRUPT_EINVAL, "no data given to the cost");
        return NULL;
    }
    cost_kind kind = kind_of(type);
    int scaled = kind == KIND_MEAN || kind == KIND_MEANVAR || kind == KIND_L1;
    if (scaled && !(isfinite(sigma) && sigma > 0)) {
        disrupt_error_set(err, DISRUPT_EINVAL, "the noise scale sigma must be > 0, found %g",
                          sigma);
        return NULL;
    }
    if (check_input(type, kind, x, trials, n, err))
        return NULL;
    if (n == SIZE_MAX) {
        disrupt_error_nomem(err);
        return NULL;
    }

    disrupt_cost *c = calloc(1, sizeof *c);
    if (!c) {
        disrupt_error_nomem(err);
        return NULL;
    }
    c->type = type;
    c->kind = kind;
    c->n = n;
    c->c1 = alloc_doubles(n + 1);
    if (kind == KIND_MEAN || kind == KIND_MEANVAR || kind == KIND_BINOMIAL)
        c->c2 = alloc_doubles(n + 1);
    if (kind == KIND_L1) {
        c->x = alloc_doubles(n ? n : 1);
        c->work = alloc_doubles(n ? n : 1);
    }
    if (kind == KIND_MEANVAR)
        c->run = n <= SIZE_MAX / sizeof *c->run ? malloc((n ? n : 1) * sizeof *c->run) : NULL;
    if (!c->c1 || (kind != KIND_POISSON && kind != KIND_L1 && !c->c2) ||
        (kind == KIND_L1 && (!c->x || !c->work)) || (kind == KIND_MEANVAR && !c->run)) {
        disrupt_cost_free(c);
        disrupt_error_nomem(err);
        return NULL;
    }

    double shift = scaled ? series_mean(x, n) : 0.0;
    double inv = scaled ? 1.0 / sigma : 1.0;
    c->c1[0] = 0;
    if (c->c2)
        c->c2[0] = 0;
    for (size_t i = 0; i < n; i++) {
        double v = (x[i] - shift) * inv;
        c->c1[i + 1] = c->c1[i] + v;
        if (kind == KIND_BINOMIAL)
            c->c2[i + 1] = c->c2[i] + trials[i];
        else if (c->c2)
            c->c2[i + 1] = c->c2[i] + v * v;
        if (c->x)
            c->x[i] = v;
        if (c->run)
            c->run[i] = i > 0 && x[i] == x[i - 1] ? c->run[i - 1] : i;
    }
    return c;
}

void disrupt_cost_free(disrupt_cost *c)
{
    if (!c)
        return;
    free(c->c1);
    free(c->c2);
    free(c->x);
    free(c->work);
    free(c->run);
    free(c);
}

size_t disrupt_cost_size(const disrupt_cost *c)
{
    return c->n;
}

const disrupt_cost_type *disrupt_cost_get_type(const disrupt_cost *c)
{
    return c->type;
}

static double xlogy(double x, double y)
{
    return x > 0 ? x * log(y) : 0.0;
}

static double cost_l1(const disrupt_cost *c, size_t s, size_t t)
{
    size_t m = t - s;
    memcpy(c->work, c->x + s, m * sizeof(double));
    /* gsl_stats_median reorders its argument in O(m) (quickselect). */
    double med = gsl_stats_median(c->work, 1, m);
    double sum = 0;
    for (size_t i = s; i < t; i++)
        sum += fabs(c->x[i] - med);
    return 2.0 * M_SQRT2 * sum;
}

/* σ̂² of points s..t−1 (>= 0 whatever the rounding; exactly 0 for one point or a run of equal
 * values, where the prefix sums would leave rounding noise that the floor's 1/f magnifies:
 * costs of constant runs that did not add up broke PELT's test, which needs
 * C(a, c) >= C(a, b) + C(b, c)). */
static inline double raw_variance(const disrupt_cost *c, size_t s, size_t t)
{
    if (t - s == 1 || (c->run && c->run[t - 1] <= s))
        return 0.0;
    double m = (double)(t - s), s1 = c->c1[t] - c->c1[s];
    double var = ((c->c2[t] - c->c2[s]) - s1 * s1 / m) / m;
    return var > 0 ? var : 0.0;
}

/* σ̂² of points s..t−1, floored (for ratios of variances, where the floor only guards). */
static inline double meanvar_variance(const disrupt_cost *c, size_t s, size_t t)
{
    double var = raw_variance(c, s, t);
    return var > MEANVAR_FLOOR ? var : MEANVAR_FLOOR;
}

/* min over μ and v >= floor of Σ log(2πv) + (x − μ)²/v. */
static inline double meanvar_cost(const disrupt_cost *c, size_t s, size_t t)
{
    double m = (double)(t - s), var = raw_variance(c, s, t);
    if (var >= MEANVAR_FLOOR)
        return m * (log(2 * M_PI) + log(var) + 1.0);
    return m * (log(2 * M_PI) + log(MEANVAR_FLOOR) + var / MEANVAR_FLOOR);
}

double disrupt_cost_split_gain(const disrupt_cost *c, size_t t, size_t h)
{
    if (c->kind == KIND_MEANVAR) {
        /* 2h(k + log σ̂²) − h(k + log σ̂ₗ²) − h(k + log σ̂ᵣ²): the constants k cancel. */
        double all = meanvar_variance(c, t - h, t + h);
        double left = meanvar_variance(c, t - h, t), right = meanvar_variance(c, t, t + h);
        return (double)h * log(all / left * (all / right));
    }
    return disrupt_cost_eval(c, t - h, t + h) - disrupt_cost_eval(c, t - h, t) -
           disrupt_cost_eval(c, t, t + h);
}

const double *disrupt_cost_mean_sums(const disrupt_cost *c, const double **sum_squares)
{
    if (c->kind != KIND_MEAN)
        return NULL;
    *sum_squares = c->c2;
    return c->c1;
}

double disrupt_cost_eval(const disrupt_cost *c, size_t s, size_t t)
{
    double m = (double)(t - s);
    double s1 = c->c1[t] - c->c1[s];
    switch (c->kind) {
    case KIND_MEAN: {
        double v = (c->c2[t] - c->c2[s]) - s1 * s1 / m;
        return v > 0 ? v : 0.0;
    }
    case KIND_MEANVAR:
        return meanvar_cost(c, s, t);
    case KIND_POISSON:
        return s1 > 0 ? 2.0 * s1 * (log(m) - log(s1)) : 0.0;
    case KIND_BINOMIAL: {
        double trials = c->c2[t] - c->c2[s];
        if (!(trials > 0))
            return 0.0;
        if (s1 < 0)
            s1 = 0;
        if (s1 > trials)
            s1 = trials;
        double p = s1 / trials;
        return -2.0 * (xlogy(s1, p) + xlogy(trials - s1, 1.0 - p));
    }
    case KIND_L1:
        return cost_l1(c, s, t);
    }
    return 0.0;
}

size_t disrupt_cost_lift(const disrupt_cost *c, size_t t, double *coord, double *height_shift)
{
    /* With θ fixed, F(τ) − Σ_{i<τ} ℓ(x_i, θ) is F(τ) plus a linear function of these. */
    coord[0] = (double)t;
    *height_shift = 0;
    switch (c->kind) {
    case KIND_MEAN: /* ℓ = (x − μ)²: −S2 enters with a fixed weight */
        coord[1] = c->c1[t];
        *height_shift = -c->c2[t];
        return 2;
    case KIND_MEANVAR: /* ℓ = log 2πv + (x − μ)²/v */
    case KIND_BINOMIAL: /* ℓ = −2[k log p + (n − k) log(1 − p)]: k and n */
        coord[1] = c->c1[t];
        coord[2] = c->c2[t];
        return 3;
    case KIND_POISSON: /* ℓ = 2(λ − x log λ − x) */
        coord[1] = c->c1[t];
        return 2;
    case KIND_L1:
        break;
    }
    return 0;
}

/* Median of v[0..n-1], reordering v. */
static double median_inplace(double *v, size_t n)
{
    return gsl_stats_median(v, 1, n);
}

double disrupt_robust_sd(const double *x, size_t n)
{
    size_t finite = 0;
    for (size_t i = 0; i < n; i++)
        finite += isfinite(x[i]) != 0;
    if (finite < 3)
        return 1.0;
    double *d = alloc_doubles(finite - 1);
    if (!d)
        return 1.0;
    size_t nd = 0;
    double prev = NAN;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]))
            continue;
        if (isfinite(prev))
            d[nd++] = x[i] - prev;
        prev = x[i];
    }
    double center = median_inplace(d, nd);
    /* median_inplace reordered d; the absolute deviations do not care about order. */
    for (size_t i = 0; i < nd; i++)
        d[i] = fabs(d[i] - center);
    double mad = median_inplace(d, nd);
    double sd = mad / (M_SQRT2 * 0.6744897501960817);
    /* Quantised signals (a BGP count that moves a few times a day, an index in whole steps)
     * have a zero MAD; their mean absolute difference still measures the noise (E|d| =
     * σ·√2·√(2/π) for Normal d) — over the smallest 90% of differences, so that the few jumps
     * at the changes themselves do not pass for noise (all of them where those are zero: a
     * signal that hardly ever moves). median_inplace left d partitioned around its middle,
     * not sorted: sort before trimming. */
    if (!(sd > 0)) {
        gsl_sort(d, 1, nd);
        size_t keep = nd - nd / 10;
        double trimmed = 0, all = 0;
        for (size_t i = 0; i < nd; i++) {
            all += d[i];
            if (i < keep)
                trimmed += d[i];
        }
        double mean_abs = trimmed > 0 ? trimmed / (double)keep : all / (double)nd;
        sd = mean_abs / (M_SQRT2 * sqrt(2 / M_PI));
    }
    free(d);
    return sd > 0 && isfinite(sd) ? sd : 1.0;
}

double disrupt_cost_best_split(const disrupt_cost *c, size_t s, size_t e, size_t lo, size_t hi,
                               int mbic, size_t *tau)
{
    double best = INFINITY;
    *tau = 0;
    if (c->kind == KIND_L1 && disrupt_cost_l1_best_split(c->x, s, e, lo, hi, mbic, tau, &best) == 0)
        return best;
    for (size_t t = lo; t <= hi; t++) {
        double v = disrupt_cost_eval(c, s, t) + disrupt_cost_eval(c, t, e);
        if (mbic) /* log m of both parts in one log */
            v += log((double)(t - s) * (double)(e - t));
        if (v < best) {
            best = v;
            *tau = t;
        }
    }
    return best;
}
