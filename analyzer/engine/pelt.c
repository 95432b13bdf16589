/* pelt.c — the PELT detector: exact pruned optimal partitioning (optpart.c), with a fast path
 * for the l1 cost on long series (pelt_fast.c).
 *
 * Every cost but l1 is exact at any length: optpart.c's functional pruning by lower convex
 * hulls keeps the live candidates to the few that can still win (about 20 for normal-mean, about
 * 100 for normal-meanvar in 2·10⁴ points without a change, where PELT's own test keeps all of
 * them; see optpart.c). l1 has no such hull and its evaluations are O(m): its exact search
 * gets PELT_BUDGET points read, and past that the fast path returns a segmentation that no
 * single move, removal or addition of a change improves (out->exact = 0).
 * options.pelt_exact = 1 forces the exact search for l1 too, whatever it costs; −1 goes
 * straight to the fast path (for tests and benchmarks).
 * Memory: 12 bytes per point plus the cost's 16 (28 in all); the fast path less.
 */
#include <stdint.h>
#include <stdlib.h>

#include "disrupt/engine/segment.h"
#include "optpart.h"
#include "pelt_fast.h"
#include "segment_impl.h"

/* l1's exact search reads at most this many points before the fast path takes over. */
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
        size_t budget = opt->pelt_exact == 0 && !p.lift ? PELT_BUDGET : 0;
        rc = opt->pelt_exact < 0 ? SEG_OVER_BUDGET
                                 : seg_optpart(&p, NULL, 0, budget, &cp, &ncp, err);
        if (rc == SEG_OVER_BUDGET) {
            exact = 0;
            cp = seg_alloc(n, sizeof *cp); /* room for what the refinement may add */
            rc = cp ? seg_pelt_fast(&p, cp, &ncp, err) : disrupt_error_nomem(err);
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
