/* binseg.c — binary segmentation (Scott & Knott 1974; as R's changepoint BinSeg).
 *
 * Start from the whole series; repeatedly take the segment whose best single split gains the
 * most (gain = C'(s, e) − C'(s, τ) − C'(τ, e), C' with MBIC's log m), and split it while that
 * gain exceeds the penalty β and fewer than max_cp changes were placed (max_cp = 0: no limit).
 * Greedy, not optimal; a good default on real series. Segments wait in a max-heap by gain
 * (ties: the leftmost segment first).
 * Time: O(n log n) cost evaluations for balanced splits, O(n · changes) at worst.
 * Memory: O(changes) beyond the cost.
 */
#include <stdint.h>
#include <stdlib.h>

#include "disrupt/engine/segment.h"
#include "segment_impl.h"
#include "split.h"

typedef struct {
    size_t s, e, tau;
    double gain;
} piece;

typedef struct {
    piece *items;
    size_t count, capacity;
} heap;

static int before(const piece *a, const piece *b)
{
    return a->gain > b->gain || (a->gain == b->gain && a->s < b->s);
}

static int heap_push(heap *h, piece p, disrupt_error *err)
{
    if (h->count == h->capacity) {
        size_t cap = h->capacity ? 2 * h->capacity : 16;
        piece *grown = NULL;
        if (cap <= SIZE_MAX / sizeof(piece))
            grown = realloc(h->items, cap * sizeof(piece));
        if (!grown)
            return disrupt_error_nomem(err);
        h->items = grown;
        h->capacity = cap;
    }
    size_t i = h->count++;
    h->items[i] = p;
    while (i > 0 && before(&h->items[i], &h->items[(i - 1) / 2])) {
        piece tmp = h->items[i];
        h->items[i] = h->items[(i - 1) / 2];
        h->items[(i - 1) / 2] = tmp;
        i = (i - 1) / 2;
    }
    return 0;
}

static piece heap_pop(heap *h)
{
    piece top = h->items[0];
    h->items[0] = h->items[--h->count];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->count && before(&h->items[l], &h->items[m]))
            m = l;
        if (r < h->count && before(&h->items[r], &h->items[m]))
            m = r;
        if (m == i)
            break;
        piece tmp = h->items[i];
        h->items[i] = h->items[m];
        h->items[m] = tmp;
        i = m;
    }
    return top;
}

static int push_segment(const seg_problem *p, heap *h, size_t s, size_t e, disrupt_error *err)
{
    piece pc = {s, e, 0, 0};
    pc.gain = seg_best_split(p, s, e, &pc.tau);
    if (pc.tau == 0 || !(pc.gain > p->beta))
        return 0; /* this segment will never be split */
    return heap_push(h, pc, err);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

static int binseg_run(const double *x, const double *trials, size_t n,
                      const disrupt_segment_options *opt, disrupt_segmentation *out,
                      disrupt_error *err)
{
    seg_problem p;
    int rc = seg_problem_init(&p, x, trials, n, opt, err);
    if (rc)
        return rc;
    heap h = {NULL, 0, 0};
    size_t *cp = NULL, ncp = 0, cap = 0;
    if (n > 0)
        rc = push_segment(&p, &h, 0, n, err);
    while (!rc && h.count > 0 && (opt->max_cp == 0 || ncp < opt->max_cp)) {
        piece top = heap_pop(&h);
        if (ncp == cap) {
            size_t grown_cap = cap ? 2 * cap : 16;
            size_t *grown = seg_alloc(grown_cap, sizeof *grown);
            if (!grown) {
                rc = disrupt_error_nomem(err);
                break;
            }
            for (size_t i = 0; i < ncp; i++)
                grown[i] = cp[i];
            free(cp);
            cp = grown;
            cap = grown_cap;
        }
        cp[ncp++] = top.tau;
        rc = push_segment(&p, &h, top.s, top.tau, err);
        if (!rc)
            rc = push_segment(&p, &h, top.tau, top.e, err);
    }
    if (!rc) {
        if (ncp)
            qsort(cp, ncp, sizeof *cp, cmp_size);
        rc = seg_store(&p, cp, ncp, out, err);
    }
    free(cp);
    free(h.items);
    seg_problem_fini(&p);
    return rc;
}

static const disrupt_detector_type binseg_type = {"binseg", binseg_run};
const disrupt_detector_type *disrupt_detector_binseg = &binseg_type;
