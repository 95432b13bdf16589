/* split.c — best single split of a segment (see split.h). */
#include "split.h"

double seg_best_split(const seg_problem *p, size_t s, size_t e, size_t *tau)
{
    size_t L = p->min_seg;
    *tau = 0;
    if (e - s < 2 * L)
        return -INFINITY;
    return seg_best_split_within(p, s, e, s + L, e - L, tau);
}

double seg_best_split_within(const seg_problem *p, size_t s, size_t e, size_t lo, size_t hi,
                             size_t *tau)
{
    double best = disrupt_cost_best_split(p->cost, s, e, lo, hi, p->mbic, tau);
    return seg_cost(p, s, e) - best;
}
