/* split.c — best single split of a segment (see split.h). */
#include "split.h"

double seg_best_split(const seg_problem *p, size_t s, size_t e, size_t *tau)
{
    size_t L = p->min_seg;
    *tau = 0;
    if (e - s < 2 * L)
        return -INFINITY;
    double best = INFINITY;
    for (size_t t = s + L; t + L <= e; t++) {
        double v = seg_cost(p, s, t) + seg_cost(p, t, e);
        if (v < best) {
            best = v;
            *tau = t;
        }
    }
    return seg_cost(p, s, e) - best;
}
