/* cost.h — segment costs in O(1) from cumulative sums.
 *
 * A cost type is a type object, as GSL does with its minimizers: disrupt_cost_normal_mean, …
 * A disrupt_cost holds the prefix sums of one series; disrupt_cost_eval(c, s, t) is the cost of
 * the segment of points s..t-1 (twice the negative log-likelihood, constants kept as R's
 * changepoint package keeps them, see ALGORITHMS notes in the engine sources).
 *
 * Input must be finite (callers drop missing samples first). `trials` is used by the binomial
 * cost only (k = x[i] successes of trials[i]); other costs ignore it and accept NULL.
 * Ownership: disrupt_cost_alloc copies what it needs; disrupt_cost_free(NULL) is a no-op.
 * Memory: at most 3 doubles per point (+1 for the l1 cost's sorted copy; normal-meanvar: 2
 * doubles and the start of each point's run of equal values). Allocation O(n).
 * Time: O(1) per evaluation, except l1: O(m) (a median by selection in a scratch buffer the
 * cost owns, so one disrupt_cost must not be evaluated from two threads at once).
 */
#ifndef DISRUPT_COST_H
#define DISRUPT_COST_H

#include <stddef.h>

#include "disrupt/core/error.h"

typedef struct disrupt_cost disrupt_cost;

typedef struct disrupt_cost_type {
    const char *name;          /* "normal-mean", "normal-meanvar", "poisson", "binomial", "l1" */
    int diffparam;             /* parameters that change at a change point (1 or 2) */
    size_t default_min_seg;    /* as R's changepoint: 1 for mean, 2 for meanvar */
} disrupt_cost_type;

extern const disrupt_cost_type *disrupt_cost_normal_mean;
extern const disrupt_cost_type *disrupt_cost_normal_meanvar;
extern const disrupt_cost_type *disrupt_cost_poisson;
extern const disrupt_cost_type *disrupt_cost_binomial;
extern const disrupt_cost_type *disrupt_cost_l1;

/* Looks a cost type up by name; NULL when unknown. */
const disrupt_cost_type *disrupt_cost_type_find(const char *name);

/* Normal costs divide by sigma² (pass 1.0 for "data already scaled"). */
disrupt_cost *disrupt_cost_alloc(const disrupt_cost_type *type, const double *x,
                                 const double *trials, size_t n, double sigma,
                                 disrupt_error *err);
void disrupt_cost_free(disrupt_cost *c);
/* Cost of points s..t-1, 0 <= s < t <= n. */
double disrupt_cost_eval(const disrupt_cost *c, size_t s, size_t t);
size_t disrupt_cost_size(const disrupt_cost *c);
/* For normal-mean, its prefix sums of x and x² (n + 1 each, owned by c), so that a hot loop
 * can compute C(s, t) = (S2(t) − S2(s)) − (S1(t) − S1(s))² / (t − s), floored at 0, as
 * disrupt_cost_eval does, without a call per candidate; NULL for the other costs. */
const double *disrupt_cost_mean_sums(const disrupt_cost *c, const double **sum_squares);
/* Gain of splitting the 2h points t−h..t+h−1 at t: C(t−h, t+h) − C(t−h, t) − C(t, t+h), with
 * h <= t <= n − h. Cheaper than three evaluations for normal-meanvar (one log). */
double disrupt_cost_split_gain(const disrupt_cost *c, size_t t, size_t h);
/* min over τ in lo..hi (s < lo <= hi < e) of C(s, τ) + C(τ, e), plus log((τ − s)(e − τ))
 * when mbic is set; *tau receives the leftmost minimiser. O(hi − lo) evaluations, and
 * O(m log m) in all for l1 (running medians) instead of O(m) per evaluation. */
double disrupt_cost_best_split(const disrupt_cost *c, size_t s, size_t e, size_t lo, size_t hi,
                               int mbic, size_t *tau);
const disrupt_cost_type *disrupt_cost_get_type(const disrupt_cost *c);

/* Every cost but l1 is C(s, t) = min over parameters θ of Σ_{s<=i<t} ℓ(x_i, θ), and for a
 * fixed θ, Σ_{i<t} ℓ(x_i, θ) is a linear function of a few prefix sums at t. This writes them
 * (t first, then the sums: at most 3) into coord, and into *height_shift what must be added to
 * a quantity before it is compared on that scale (−Σx² for normal-mean, whose ℓ weighs it by
 * a fixed 1). Returns how many coordinates, 0 for l1. Functional pruning by convex hulls
 * (optpart.c) rests on it. */
size_t disrupt_cost_lift(const disrupt_cost *c, size_t t, double *coord, double *height_shift);


/* Robust noise scale: MAD of first differences / (sqrt 2 · 0.6745), ignoring NaN. When the
 * MAD is zero (quantised signals), the mean absolute difference of the smallest 90% of the
 * differences (all of them when those are zero), scaled the same way. Returns 1.0 when fewer
 * than 3 finite points or when every difference is zero. */
double disrupt_robust_sd(const double *x, size_t n);

#endif
