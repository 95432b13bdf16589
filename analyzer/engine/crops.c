/* crops.c — Changepoints for a Range Of PenaltieS (Haynes, Eckley & Fearnhead 2017).
 *
 * With Q(β) the unpenalised cost and m(β) the number of changes of the optimal segmentation
 * at penalty β, the optimal penalised cost is concave and piecewise linear in β. Given the
 * segmentations at β₀ < β₁ with m₀ > m₁ + 1, the one at the crossing
 *     β = (Q₁ − Q₀)/(m₀ − m₁)
 * either ties with them (nothing lies between) or is new, and the two sub-intervals are
 * searched in turn. Each entry's interval ends where the lines of its neighbours cross.
 * Runs: at most 2·(distinct segmentations) + 2. Memory: the segmentations found.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/engine/segment.h"

#define CROPS_MAX_RUNS 10000

void disrupt_crops_path_init(disrupt_crops_path *p)
{
    memset(p, 0, sizeof *p);
}

void disrupt_crops_path_fini(disrupt_crops_path *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++)
        disrupt_segmentation_fini(&p->items[i].seg);
    free(p->items);
    memset(p, 0, sizeof *p);
}

/* Runs the detector at penalty beta and adds its segmentation unless one with as many
 * changes is there; *index receives the entry holding that number of changes. */
static int run_at(const disrupt_detector_type *type, const double *x, const double *trials,
                  size_t n, const disrupt_segment_options *base, double beta,
                  disrupt_crops_path *path, size_t *index, disrupt_error *err)
{
    disrupt_segment_options opt = *base;
    opt.penalty = DISRUPT_PENALTY_MANUAL;
    opt.penalty_value = beta;
    disrupt_segmentation seg;
    if (++path->runs > CROPS_MAX_RUNS)
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "CROPS: more than %d detector runs",
                                 CROPS_MAX_RUNS);
    int rc = disrupt_segment(type, x, trials, n, &opt, &seg, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < path->count; i++)
        if (path->items[i].seg.ncp == seg.ncp) {
            disrupt_segmentation_fini(&seg);
            *index = i;
            return 0;
        }
    if (path->count == path->capacity) {
        size_t cap = path->capacity ? 2 * path->capacity : 8;
        disrupt_crops_entry *grown = realloc(path->items, cap * sizeof *grown);
        if (!grown) {
            disrupt_segmentation_fini(&seg);
            return disrupt_error_nomem(err);
        }
        path->items = grown;
        path->capacity = cap;
    }
    path->items[path->count].seg = seg;
    path->items[path->count].penalty_min = path->items[path->count].penalty_max = beta;
    *index = path->count++;
    return 0;
}

static int by_changes_descending(const void *a, const void *b)
{
    const disrupt_crops_entry *x = a, *y = b;
    return (x->seg.ncp < y->seg.ncp) - (x->seg.ncp > y->seg.ncp);
}

/* Searches (lo, hi), the entries found at the ends of a penalty interval. */
static int search(const disrupt_detector_type *type, const double *x, const double *trials,
                  size_t n, const disrupt_segment_options *opt, disrupt_crops_path *path,
                  size_t lo, size_t hi, disrupt_error *err)
{
    size_t m0 = path->items[lo].seg.ncp, m1 = path->items[hi].seg.ncp;
    if (m0 <= m1 + 1)
        return 0;
    double q0 = path->items[lo].seg.cost, q1 = path->items[hi].seg.cost;
    double beta = (q1 - q0) / (double)(m0 - m1);
    size_t mid = lo;
    size_t before = path->count;
    int rc = run_at(type, x, trials, n, opt, beta, path, &mid, err);
    if (rc || path->count == before)
        return rc; /* a tie with a known segmentation: nothing lies between */
    rc = search(type, x, trials, n, opt, path, lo, mid, err);
    if (!rc)
        rc = search(type, x, trials, n, opt, path, mid, hi, err);
    return rc;
}

int disrupt_crops(const disrupt_detector_type *type, const double *x, const double *trials,
                  size_t n, const disrupt_segment_options *opt, double penalty_min,
                  double penalty_max, disrupt_crops_path *out, disrupt_error *err)
{
    disrupt_crops_path_init(out);
    if (!(penalty_min >= 0 && penalty_max >= penalty_min && isfinite(penalty_max)))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "CROPS needs 0 <= LOW <= HIGH, found %g, %g", penalty_min,
                                 penalty_max);
    disrupt_segment_options defaults;
    if (!opt) {
        disrupt_segment_options_init(&defaults);
        opt = &defaults;
    }
    size_t lo, hi;
    int rc = run_at(type, x, trials, n, opt, penalty_min, out, &lo, err);
    if (!rc)
        rc = run_at(type, x, trials, n, opt, penalty_max, out, &hi, err);
    if (!rc)
        rc = search(type, x, trials, n, opt, out, lo, hi, err);
    if (rc) {
        disrupt_crops_path_fini(out);
        return rc;
    }
    qsort(out->items, out->count, sizeof *out->items, by_changes_descending);
    for (size_t i = 0; i < out->count; i++) {
        disrupt_crops_entry *e = &out->items[i];
        e->penalty_min = penalty_min;
        e->penalty_max = penalty_max;
        if (i > 0) {
            const disrupt_crops_entry *prev = &out->items[i - 1];
            e->penalty_min = (e->seg.cost - prev->seg.cost) / (double)(prev->seg.ncp - e->seg.ncp);
        }
        if (i + 1 < out->count) {
            const disrupt_crops_entry *next = &out->items[i + 1];
            e->penalty_max = (next->seg.cost - e->seg.cost) / (double)(e->seg.ncp - next->seg.ncp);
        }
        e->penalty_min = fmax(penalty_min, fmin(e->penalty_min, penalty_max));
        e->penalty_max = fmax(penalty_min, fmin(e->penalty_max, penalty_max));
    }
    return 0;
}
