/* direct_cost.h — segment costs computed straight from the data (two-pass, no prefix sums),
 * an independent reference for the engine's prefix-sum costs in the detector tests.
 * Header-only: static functions for the check_* suites. */
#ifndef DISRUPT_DIRECT_COST_H
#define DISRUPT_DIRECT_COST_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/engine/cost.h"

static int dc_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Cost of x[s..t) as defined in cost.h; sigma scales the normal and l1 costs. */
static double direct_cost(const disrupt_cost_type *type, const double *x, const double *trials,
                          size_t s, size_t t, double sigma)
{
    size_t m = t - s;
    double mean = 0, ss = 0;
    for (size_t i = s; i < t; i++)
        mean += x[i] / sigma;
    mean /= (double)m;
    for (size_t i = s; i < t; i++)
        ss += (x[i] / sigma - mean) * (x[i] / sigma - mean);
    if (type == disrupt_cost_normal_mean)
        return ss;
    if (type == disrupt_cost_normal_meanvar) {
        /* the likelihood's minimum over mean and variance >= 1e-11 */
        double var = ss / (double)m;
        if (var < 1e-11)
            return (double)m * (log(2 * M_PI) + log(1e-11)) + ss / 1e-11;
        return (double)m * (log(2 * M_PI) + log(var) + 1);
    }
    if (type == disrupt_cost_poisson) {
        double s1 = 0;
        for (size_t i = s; i < t; i++)
            s1 += x[i];
        return s1 > 0 ? 2 * s1 * (log((double)m) - log(s1)) : 0;
    }
    if (type == disrupt_cost_binomial) {
        double k = 0, n = 0;
        for (size_t i = s; i < t; i++) {
            k += x[i];
            n += trials[i];
        }
        if (n <= 0)
            return 0;
        double p = k / n, ll = 0;
        if (k > 0)
            ll += k * log(p);
        if (n - k > 0)
            ll += (n - k) * log(1 - p);
        return -2 * ll;
    }
    /* l1 */
    double *v = malloc(m * sizeof *v);
    for (size_t i = 0; i < m; i++)
        v[i] = x[s + i] / sigma;
    qsort(v, m, sizeof *v, dc_cmp);
    double med = m % 2 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
    double sum = 0;
    for (size_t i = 0; i < m; i++)
        sum += fabs(v[i] - med);
    free(v);
    return 2 * M_SQRT2 * sum;
}

/* Penalised cost of a segmentation: Σ C(segment) (+ log m each under MBIC) + β·ncp. */
static double direct_penalised(const disrupt_cost_type *type, const double *x,
                               const double *trials, size_t n, const size_t *cp, size_t ncp,
                               double sigma, double beta, int mbic)
{
    double total = beta * (double)ncp;
    size_t s = 0;
    for (size_t i = 0; i <= ncp; i++) {
        size_t t = i < ncp ? cp[i] : n;
        total += direct_cost(type, x, trials, s, t, sigma);
        if (mbic)
            total += log((double)(t - s));
        s = t;
    }
    return total;
}

#endif
