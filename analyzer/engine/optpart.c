/* optpart.c — pruned optimal partitioning (Killick, Fearnhead & Eckley 2012), see optpart.h.
 *
 * F(0) = −β, F(t) = min over candidates τ of F(τ) + C'(τ, t) + β, where C' is the segment cost
 * plus log(t − τ) under MBIC and τ = 0 or L <= τ <= t − L. The result is the exact minimiser
 * over the allowed positions.
 *
 * Pruning. For the likelihood costs, C(a, c) >= C(a, b) + C(b, c) for a < b < c. So if
 *     F(τ) + C(τ, s) > F(s)                                              (raw cost, no log m)
 * then for every t >= s + L, F(τ) + C'(τ, t) + β > F(s) + C'(s, t) + β >= F(t): τ can never
 * again be the best last change once s is admissible as one, i.e. from t = s + L on. Under MBIC
 * this holds because log(t − τ) >= log(t − s); testing with the raw cost keeps it exact (a test
 * with C' would not be). With L > 1 a failed test removes τ only L steps later, since τ may
 * still be the best choice for t in (s, s + L).
 * Time: O(positions) when changes are frequent; O(Σ m²) over segment lengths m when they are
 * not, as no candidate inside a homogeneous segment ever fails the test.
 */
#include "optpart.h"

#include <stdint.h>
#include <stdlib.h>

typedef struct {
    size_t k;         /* index of the candidate position */
    size_t kill_at;   /* removed once t reaches this position; SIZE_MAX = alive */
} candidate;

static inline size_t position(const size_t *pos, size_t k)
{
    return pos ? pos[k] : k;
}

/* Walks the argmin chain back from the last position and writes the changes ascending. */
static size_t backtrack(const size_t *pos, const size_t *last, size_t kend, size_t *cp)
{
    size_t ncp = 0;
    for (size_t k = kend; k > 0 && last[k] > 0; k = last[k])
        cp[ncp++] = position(pos, last[k]);
    for (size_t i = 0; i < ncp / 2; i++) {
        size_t tmp = cp[i];
        cp[i] = cp[ncp - 1 - i];
        cp[ncp - 1 - i] = tmp;
    }
    return ncp;
}

int seg_optpart(const seg_problem *p, const size_t *pos, size_t npos, size_t budget, size_t *cp,
                size_t *ncp, disrupt_error *err)
{
    size_t n = p->n, L = p->min_seg;
    if (!pos)
        npos = n + 1;
    double *F = seg_alloc(npos, sizeof *F);
    size_t *last = seg_alloc(npos, sizeof *last);
    candidate *cand = seg_alloc(npos, sizeof *cand);
    double *raw = seg_alloc(npos, sizeof *raw);
    int rc = 0;
    *ncp = 0;
    if (!F || !last || !cand || !raw) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    F[0] = -p->beta;
    last[0] = 0;
    size_t ncand = 0, next = 0, spent = 0;
    /* The l1 cost takes O(m) per evaluation: count the points it reads. */
    int linear_cost = p->type == disrupt_cost_l1;
    for (size_t k = 1; k < npos; k++) {
        size_t t = position(pos, k);
        F[k] = INFINITY;
        last[k] = 0;
        if (t < L)
            continue;
        /* Positions at least L behind t become candidates (0, or ones that F reached). */
        for (; next < k && position(pos, next) + L <= t; next++)
            if (position(pos, next) == 0 || position(pos, next) >= L)
                cand[ncand++] = (candidate){next, SIZE_MAX};

        size_t keep = 0;
        double best = INFINITY;
        size_t arg = 0;
        for (size_t i = 0; i < ncand; i++) {
            if (cand[i].kill_at <= t)
                continue;
            size_t tau = position(pos, cand[i].k);
            double c = disrupt_cost_eval(p->cost, tau, t);
            double v = F[cand[i].k] + c + p->beta;
            if (p->mbic)
                v += log((double)(t - tau));
            if (v < best) {
                best = v;
                arg = cand[i].k;
            }
            raw[keep] = F[cand[i].k] + c;
            cand[keep++] = cand[i];
            spent += linear_cost ? t - tau : 1;
        }
        ncand = keep;
        F[k] = best;
        last[k] = arg;

        /* A little slack keeps rounding from pruning a candidate that ties. */
        double bound = best + 1e-9 * (1.0 + fabs(best));
        for (size_t i = 0; i < ncand; i++)
            if (raw[i] > bound && cand[i].kill_at == SIZE_MAX)
                cand[i].kill_at = t + L;
        if (budget && spent > budget) {
            rc = SEG_OVER_BUDGET;
            goto cleanup;
        }
    }
    *ncp = backtrack(pos, last, npos - 1, cp);

cleanup:
    free(F);
    free(last);
    free(cand);
    free(raw);
    return rc;
}
