/* boundary.c — confidence interval of a change location from the cost profile. */
#include "disrupt/detect/boundary.h"

#include <math.h>
#include <stdlib.h>

typedef struct {
    size_t t;
    double w;
} located_weight;

static int by_weight_desc(const void *pa, const void *pb)
{
    const located_weight *a = pa, *b = pb;
    if (a->w != b->w)
        return a->w < b->w ? 1 : -1;
    return a->t < b->t ? -1 : a->t > b->t;
}

int disrupt_boundary_interval(const disrupt_cost *c, size_t a, size_t b, double level,
                              size_t *lo, size_t *hi, size_t *mode, disrupt_error *err)
{
    if (b < a + 2 || b > disrupt_cost_size(c))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "boundary interval needs a < t < b within the series");
    size_t m = b - a - 1;
    located_weight *lw = malloc(m * sizeof *lw);
    if (!lw)
        return disrupt_error_nomem(err);
    double best = INFINITY;
    for (size_t k = 0; k < m; k++) {
        size_t t = a + 1 + k;
        lw[k].t = t;
        lw[k].w = disrupt_cost_eval(c, a, t) + disrupt_cost_eval(c, t, b);
        if (lw[k].w < best)
            best = lw[k].w;
    }
    double total = 0;
    for (size_t k = 0; k < m; k++) {
        lw[k].w = exp(-0.5 * (lw[k].w - best));
        total += lw[k].w;
    }
    qsort(lw, m, sizeof *lw, by_weight_desc);
    *mode = lw[0].t;
    *lo = *hi = lw[0].t;
    double mass = 0;
    for (size_t k = 0; k < m && mass < level * total; k++) {
        mass += lw[k].w;
        if (lw[k].t < *lo)
            *lo = lw[k].t;
        if (lw[k].t > *hi)
            *hi = lw[k].t;
    }
    free(lw);
    return DISRUPT_OK;
}
