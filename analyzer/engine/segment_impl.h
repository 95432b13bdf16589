/* segment_impl.h — pieces shared by the detectors (not public API; seg_problem.c).
 *
 * seg_problem resolves the options once for a detector: the cost type, the minimum segment
 * length, the noise scale, the penalty per change and whether MBIC's log-length term applies,
 * and owns the prefix-sum cost of the series. seg_problem_fini releases it.
 */
#ifndef DISRUPT_SEGMENT_IMPL_H
#define DISRUPT_SEGMENT_IMPL_H

#include <math.h>
#include <stddef.h>

#include "disrupt/engine/segment.h"

typedef struct {
    const disrupt_cost_type *type;
    disrupt_cost *cost;
    size_t n;
    size_t min_seg;     /* >= 1 */
    double sigma;       /* noise scale the normal and l1 costs divide by */
    double beta;        /* penalty per change */
    int mbic;           /* add log(m) to every segment's cost */
    size_t lift;        /* coordinates of disrupt_cost_lift; 0: no hull pruning (l1) */
} seg_problem;

int seg_problem_init(seg_problem *p, const double *x, const double *trials, size_t n,
                     const disrupt_segment_options *opt, disrupt_error *err);
void seg_problem_fini(seg_problem *p);

/* Segment cost as the detectors minimise it: the cost plus log m under MBIC. */
static inline double seg_cost(const seg_problem *p, size_t s, size_t t)
{
    double c = disrupt_cost_eval(p->cost, s, t);
    return p->mbic ? c + log((double)(t - s)) : c;
}

/* Copies ncp change points into out (allocating) and sets out->cost to the sum of the raw
 * segment costs. */
int seg_store(const seg_problem *p, const size_t *cp, size_t ncp, disrupt_segmentation *out,
              disrupt_error *err);

/* Overflow-checked allocation of count items of size bytes. */
void *seg_alloc(size_t count, size_t size);

#endif
