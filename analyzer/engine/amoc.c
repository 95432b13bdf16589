/* amoc.c — At Most One Change: the best single split of the whole series, kept when it
 * lowers the penalised cost, i.e. when C'(0, n) − [C'(0, τ) + C'(τ, n)] > β (C' carries MBIC's
 * log m). This is the optimal segmentation with at most one change; ties keep no change, as
 * PELT does. O(n) cost evaluations, O(1) memory beyond the cost.
 */
#include "disrupt/engine/segment.h"
#include "segment_impl.h"
#include "split.h"

static int amoc_run(const double *x, const double *trials, size_t n,
                    const disrupt_segment_options *opt, disrupt_segmentation *out,
                    disrupt_error *err)
{
    seg_problem p;
    int rc = seg_problem_init(&p, x, trials, n, opt, err);
    if (rc)
        return rc;
    size_t tau = 0;
    double gain = n ? seg_best_split(&p, 0, n, &tau) : -INFINITY;
    size_t ncp = gain > p.beta ? 1 : 0;
    rc = seg_store(&p, &tau, ncp, out, err);
    seg_problem_fini(&p);
    return rc;
}

static const disrupt_detector_type amoc_type = {"amoc", amoc_run};
const disrupt_detector_type *disrupt_detector_amoc = &amoc_type;
