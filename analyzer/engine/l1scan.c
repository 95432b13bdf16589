/* l1scan.c — every split of a segment under the l1 cost in O(m log m) (see cost.h).
 *
 * Σ|x − median| of a growing set is kept by two heaps (the lower half, a max-heap, and the
 * upper half, a min-heap) with their sums: Σ|x − med| = (ΣU − med·|U|) + (med·|L| − ΣL) with
 * med the top of the lower half (for an even count any point between the two middle values
 * gives the same sum). A pass from the right stores C(τ, e) for every τ, a pass from the left
 * adds C(s, τ) as it goes. Memory: 2·m doubles for the pass, freed before returning.
 * The costs come out as the l1 cost defines them: 2·√2·Σ|x − median|.
 */
#include <math.h>
#include <stdlib.h>

#include "l1scan.h"

typedef struct {
    double *lo, *hi;          /* max-heap of the lower half, min-heap of the upper half */
    size_t nlo, nhi;
    double sumlo, sumhi;
} median_sum;

/* sign = +1 for the min-heap, −1 for the max-heap (values compared as sign·v). */
static void heap_push(double *h, size_t *n, double v, double sign)
{
    size_t i = (*n)++;
    h[i] = v;
    while (i > 0 && sign * h[i] < sign * h[(i - 1) / 2]) {
        double t = h[i];
        h[i] = h[(i - 1) / 2];
        h[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static double heap_pop(double *h, size_t *n, double sign)
{
    double top = h[0];
    h[0] = h[--(*n)];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < *n && sign * h[l] < sign * h[m])
            m = l;
        if (r < *n && sign * h[r] < sign * h[m])
            m = r;
        if (m == i)
            break;
        double t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
    return top;
}

static void median_add(median_sum *ms, double v)
{
    if (ms->nlo == 0 || v <= ms->lo[0]) {
        heap_push(ms->lo, &ms->nlo, v, -1);
        ms->sumlo += v;
    } else {
        heap_push(ms->hi, &ms->nhi, v, +1);
        ms->sumhi += v;
    }
    if (ms->nlo > ms->nhi + 1) {
        double moved = heap_pop(ms->lo, &ms->nlo, -1);
        ms->sumlo -= moved;
        heap_push(ms->hi, &ms->nhi, moved, +1);
        ms->sumhi += moved;
    } else if (ms->nhi > ms->nlo) {
        double moved = heap_pop(ms->hi, &ms->nhi, +1);
        ms->sumhi -= moved;
        heap_push(ms->lo, &ms->nlo, moved, -1);
        ms->sumlo += moved;
    }
}

static double median_cost(const median_sum *ms)
{
    double med = ms->lo[0];
    double dev = (ms->sumhi - med * (double)ms->nhi) + (med * (double)ms->nlo - ms->sumlo);
    return 2.0 * M_SQRT2 * (dev > 0 ? dev : 0.0);
}

int disrupt_cost_l1_best_split(const double *x, size_t s, size_t e, size_t lo, size_t hi,
                               int mbic, size_t *tau, double *value)
{
    size_t m = e - s;
    double *right = malloc((m + 1) * sizeof *right);
    double *heaps = malloc((m + 4) * sizeof *heaps);  /* both halves, with room to rebalance */
    if (!right || !heaps) {
        free(right);
        free(heaps);
        return 1;
    }
    /* The two halves never hold more than m points together: share one buffer. */
    median_sum ms = {heaps, heaps + (m + 1) / 2 + 1, 0, 0, 0, 0};
    for (size_t t = e; t-- > lo;) {
        median_add(&ms, x[t]);
        if (t <= hi)
            right[t - s] = median_cost(&ms);
    }
    ms = (median_sum){heaps, heaps + (m + 1) / 2 + 1, 0, 0, 0, 0};
    double best = INFINITY;
    *tau = 0;
    for (size_t t = s; t < hi; t++) {
        median_add(&ms, x[t]);
        size_t cut = t + 1;
        if (cut < lo)
            continue;
        double v = median_cost(&ms) + right[cut - s];
        if (mbic)
            v += log((double)(cut - s) * (double)(e - cut));
        if (v < best) {
            best = v;
            *tau = cut;
        }
    }
    *value = best;
    free(right);
    free(heaps);
    return 0;
}
