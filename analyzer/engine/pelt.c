/* pelt.c — the PELT detector: exact pruned optimal partitioning (optpart.c), with a fast path
 * for long series with few changes (pelt_fast.c).
 *
 * Exact PELT is O(n) with frequent changes but O(Σ m²) over segment lengths m with few of them:
 * one year of 5-minute data (10⁵ points) with two changes takes about 1.7·10⁹ cost evaluations
 * (62-74 s CPU measured, against 1.4-2 s with a hundred changes). So series of up to PELT_ALWAYS_EXACT
 * points always get the exact search; longer ones get it while it stays within PELT_BUDGET
 * segment costs (a few hundredths of a second; not tried beyond PELT_BUDGET/8 points, where it
 * could not succeed but with a change every dozen points), and otherwise the fast path takes over
 * and returns a segmentation that no single move, removal or addition of a change improves
 * (out->exact = 0). options.pelt_exact = 1 forces the exact search whatever it costs; −1 goes
 * straight to the fast path (for tests and benchmarks). The l1 cost, O(m) per evaluation, is
 * budgeted by the points it reads at any length.
 * Memory: exact 40 bytes per point plus the cost's 16; fast path less.
 */
#include <stdint.h>
#include <stdlib.h>

#include "disrupt/engine/segment.h"
#include "optpart.h"
#include "pelt_fast.h"
#include "segment_impl.h"

/* Up to this many points the exact search always runs (≤ n²/2 ≈ 3.4·10⁷ evaluations). */
#define PELT_ALWAYS_EXACT 8192
/* Beyond it, the exact search gets this many segment-cost evaluations. */
#define PELT_BUDGET ((size_t)1 << 20)

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
    int exact = 1;
    if (n >= 2 * p.min_seg) {
        cp = seg_alloc(n, sizeof *cp);
        if (!cp) {
            rc = disrupt_error_nomem(err);
            goto cleanup;
        }
        /* l1 evaluations read the whole segment: its exact search is budgeted at any n. */
        int l1 = p.type == disrupt_cost_l1;
        size_t budget = opt->pelt_exact == 0 && (n > PELT_ALWAYS_EXACT || l1) ? PELT_BUDGET : 0;
        /* Within the budget, a longer series could only be solved exactly with fewer than 8
         * live candidates on average (a change every dozen points): do not try. */
        int hopeless = budget && n > PELT_BUDGET / 8;
        rc = opt->pelt_exact < 0 || hopeless ? SEG_OVER_BUDGET
                                             : seg_optpart(&p, NULL, 0, budget, cp, &ncp, err);
        if (rc == SEG_OVER_BUDGET) {
            exact = 0;
            rc = seg_pelt_fast(&p, cp, &ncp, err);
        }
        if (rc)
            goto cleanup;
    }
    rc = seg_store(&p, cp, ncp, out, err);
    out->exact = exact;

cleanup:
    free(cp);
    seg_problem_fini(&p);
    return rc;
}

static const disrupt_detector_type pelt_type = {"pelt", pelt_run};
const disrupt_detector_type *disrupt_detector_pelt = &pelt_type;
