/* pelt.c — Pruned Exact Linear Time (Killick, Fearnhead & Eckley 2012).
 *
 * Optimal partitioning: F(0) = −β, F(t) = min over candidates τ of F(τ) + C'(τ, t) + β, where
 * C' is the segment cost plus log(t − τ) under MBIC, and every segment holds at least L points
 * (τ = 0 or L <= τ <= t − L). The result is the exact minimiser of
 *     Σ C'(segment) + β · (number of changes).
 *
 * Pruning. For the likelihood costs, C(a, c) >= C(a, b) + C(b, c) for a < b < c. So if
 *     F(τ) + C(τ, s) > F(s)                                              (raw cost, no log m)
 * then for every t >= s + L, F(τ) + C'(τ, t) + β > F(s) + C'(s, t) + β >= F(t): τ can never
 * again be the best last change once s is admissible as one, i.e. from t = s + L on. Under MBIC
 * this holds because log(t − τ) >= log(t − s); using the raw cost keeps it exact (the package's
 * test with C' would not be). With L > 1 a failed test removes τ only L steps later, since τ
 * may still be the best choice for t in (s, s + L).
 *
 * Memory: F, the argmin and the candidate set, ≤ 40 bytes per point plus the cost's 16.
 * Time: O(n) when changes are frequent; O(Σ m²) over segment lengths m when they are not
 * (inside a long homogeneous segment no candidate fails the test) — see pelt_fast.c.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "disrupt/segment.h"
#include "segment_impl.h"

typedef struct {
    size_t tau;
    size_t kill_at;   /* removed from the set when t reaches this; SIZE_MAX = alive */
} candidate;

/* Walks the argmin chain back from n and writes the change points ascending. */
static size_t backtrack(const size_t *last, size_t n, size_t *cp)
{
    size_t ncp = 0;
    for (size_t t = n; t > 0 && last[t] > 0; t = last[t])
        cp[ncp++] = last[t];
    for (size_t i = 0; i < ncp / 2; i++) {
        size_t tmp = cp[i];
        cp[i] = cp[ncp - 1 - i];
        cp[ncp - 1 - i] = tmp;
    }
    return ncp;
}

static int pelt_solve(const seg_problem *p, size_t *cp, size_t *ncp, disrupt_error *err)
{
    size_t n = p->n, L = p->min_seg;
    double *F = seg_alloc(n + 1, sizeof *F);
    size_t *last = seg_alloc(n + 1, sizeof *last);
    candidate *cand = seg_alloc(n + 1, sizeof *cand);
    double *raw = seg_alloc(n + 1, sizeof *raw);
    int rc = 0;
    if (!F || !last || !cand || !raw) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    F[0] = -p->beta;
    last[0] = 0;
    size_t ncand = 0;
    for (size_t t = L; t <= n; t++) {
        size_t fresh = t - L;
        if (fresh == 0 || fresh >= L)
            cand[ncand++] = (candidate){fresh, SIZE_MAX};

        /* Drop the candidates whose removal has come due, then minimise. */
        size_t keep = 0;
        double best = INFINITY;
        size_t arg = 0;
        for (size_t i = 0; i < ncand; i++) {
            if (cand[i].kill_at <= t)
                continue;
            size_t tau = cand[i].tau;
            double c = disrupt_cost_eval(p->cost, tau, t);
            double v = F[tau] + c + p->beta;
            if (p->mbic)
                v += log((double)(t - tau));
            if (v < best) {
                best = v;
                arg = tau;
            }
            raw[keep] = F[tau] + c;
            cand[keep++] = cand[i];
        }
        ncand = keep;
        F[t] = best;
        last[t] = arg;

        /* A little slack keeps rounding from pruning a candidate that ties. */
        double bound = best + 1e-9 * (1.0 + fabs(best));
        for (size_t i = 0; i < ncand; i++)
            if (raw[i] > bound && cand[i].kill_at == SIZE_MAX)
                cand[i].kill_at = t + L;
    }
    *ncp = backtrack(last, n, cp);

cleanup:
    free(F);
    free(last);
    free(cand);
    free(raw);
    return rc;
}

static int pelt_run(const double *x, const double *trials, size_t n,
                    const disrupt_segment_options *opt, disrupt_segmentation *out,
                    disrupt_error *err)
{
    seg_problem p;
    int rc = seg_problem_init(&p, x, trials, n, opt, err);
    if (rc)
        return rc;
    size_t *cp = NULL;
    size_t ncp = 0;
    if (n >= 2 * p.min_seg) {
        cp = seg_alloc(n, sizeof *cp);
        if (!cp) {
            rc = disrupt_error_nomem(err);
            goto cleanup;
        }
        rc = pelt_solve(&p, cp, &ncp, err);
        if (rc)
            goto cleanup;
    }
    rc = seg_store(&p, cp, ncp, out, err);

cleanup:
    free(cp);
    seg_problem_fini(&p);
    return rc;
}

static const disrupt_detector_type pelt_type = {"pelt", pelt_run};
const disrupt_detector_type *disrupt_detector_pelt = &pelt_type;
