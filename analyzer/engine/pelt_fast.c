/* pelt_fast.c — PELT's path for long series with few changes (see pelt.c for when it runs).
 *
 * Exact PELT costs O(Σ m²) over segment lengths m when changes are few: no candidate inside a
 * long homogeneous segment can be pruned. This path keeps the same objective and reaches a
 * segmentation that no single move, removal or addition of a change improves:
 *  1. screening: at scales h = L·2^k (from 4 for normal-meanvar), the gain of splitting
 *     (τ − h, τ + h) at τ,
 *     evaluated every max(1, h/4) points; local maxima within ±h/2 gaining >= β/4 become
 *     candidates (a change whose penalised gain is >= β gains >= β/4 at the scale of its
 *     shorter neighbour, up to noise; more is asked at the finest scales);
 *  2. optimal partitioning restricted to those candidates (optpart.c, exact on that set);
 *  3. refinement until nothing changes: each change moves to the best split of the stretch
 *     between its neighbours (searched near it first, everywhere when the optimum is not
 *     inside ±64 points), or goes when that split gains <= β; each segment is split at its
 *     best point when that gains > β (which also catches what the screening missed).
 * What it can miss: pairs of changes that only pay together, such as an outlier or a stretch
 * of a few points isolated as its own segment (on small seeded tests it equals the exact
 * optimum on 58 series of 60, and is never far from it).
 * Time: about 6·n cost evaluations (screening 2n positions, refinement one scan of each
 * segment and ±64 points around each change), ~5·10⁶ points/s for normal-meanvar.
 * Memory: 8 bytes per point for the screening gains plus the candidates.
 */
#include "pelt_fast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "optpart.h"
#include "split.h"

#define MAX_REFINE_ROUNDS 50
#define MOVE_RADIUS 64

typedef struct {
    size_t *items;
    size_t count, capacity;
} size_list;

static int list_push(size_list *l, size_t v, disrupt_error *err)
{
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? 2 * l->capacity : 64;
        size_t *grown = cap <= SIZE_MAX / sizeof(size_t) ? realloc(l->items, cap * sizeof(size_t))
                                                          : NULL;
        if (!grown)
            return disrupt_error_nomem(err);
        l->items = grown;
        l->capacity = cap;
    }
    l->items[l->count++] = v;
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Candidates of one scale h: local maxima of the gain within ±h/2 that reach the threshold. */
static int screen_scale(const seg_problem *p, size_t h, double threshold, double *gain,
                        size_list *out, disrupt_error *err)
{
    /* Maxima within ±h/2, so that both ends of a stretch of h points survive. */
    size_t n = p->n, stride = h / 4 ? h / 4 : 1, radius = h / 2 / stride;
    size_t count = (n - 2 * h) / stride + 1;
    /* MBIC: log 2h for the whole window against log h for each half. */
    double mbic = p->mbic ? log(2.0 / (double)h) : 0.0;
    for (size_t j = 0; j < count; j++)
        gain[j] = disrupt_cost_split_gain(p->cost, h + j * stride, h) + mbic;
    for (size_t j = 0; j < count; j++) {
        if (!(gain[j] >= threshold))
            continue;
        size_t lo = j > radius ? j - radius : 0, hi = j + radius < count ? j + radius : count - 1;
        int is_max = 1;
        for (size_t i = lo; i <= hi && is_max; i++)
            is_max = i < j ? gain[i] < gain[j] : i == j || gain[i] <= gain[j];
        if (is_max) {
            int rc = list_push(out, h + j * stride, err);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* β/4 (see the top of this file), raised to β/2 below h = 16, where a handful of points
 * estimate each side and noise alone often gains β/4. A stretch of a points isolated by two
 * changes (worth 2β) gains about β at h = a, so β/2 leaves room for noise. */
static double screen_threshold(const seg_problem *p, size_t h)
{
    return h < 16 ? p->beta / 2 : p->beta / 4;
}

/* The finest scale: the minimum segment length, but 4 for costs with a variance, whose
 * estimates from two or three points have such heavy tails that noise passes any useful
 * threshold (at 10⁶ points, β/2 let 3200 noise candidates through at h = 2). */
static size_t finest_scale(const seg_problem *p)
{
    size_t h = p->min_seg;
    return p->type->diffparam > 1 && h < 4 ? 4 : h;
}

static int screen(const seg_problem *p, size_list *pos, disrupt_error *err)
{
    size_t n = p->n, h0 = finest_scale(p);
    double *gain = seg_alloc(n + 1, sizeof *gain);
    if (!gain)
        return disrupt_error_nomem(err);
    int rc = list_push(pos, 0, err);
    for (size_t h = h0; !rc && h <= n / 2; h *= 2)
        rc = screen_scale(p, h, screen_threshold(p, h), gain, pos, err);
    free(gain);
    if (rc)
        return rc;
    qsort(pos->items, pos->count, sizeof(size_t), cmp_size);
    size_t w = 0;
    for (size_t i = 0; i < pos->count; i++)
        if (w == 0 || pos->items[i] != pos->items[w - 1])
            pos->items[w++] = pos->items[i];
    pos->count = w;
    return list_push(pos, n, err);
}

typedef struct {
    size_t *cp;
    unsigned char *before;  /* moved or inserted in the previous round */
    unsigned char *now;     /* moved, inserted, or next to a removal, in this round */
    size_t count;
} change_set;

static int flagged(const change_set *c, size_t j)
{
    return c->before[j] || c->now[j];
}

/* The best split of (a, b) searched within ±MOVE_RADIUS of cur first; over all of (a, b)
 * when that lands on the edge of the window (the optimum may lie beyond it). */
static double local_best_split(const seg_problem *p, size_t a, size_t b, size_t cur,
                               size_t *tau)
{
    size_t L = p->min_seg;
    if (b - a < 2 * L)
        return seg_best_split(p, a, b, tau);
    size_t first = a + L, last = b - L;
    size_t lo = cur > first + MOVE_RADIUS ? cur - MOVE_RADIUS : first;
    size_t hi = cur + MOVE_RADIUS < last ? cur + MOVE_RADIUS : last;
    if (lo > hi || cur < first || cur > last)
        return seg_best_split(p, a, b, tau);
    double gain = seg_best_split_within(p, a, b, lo, hi, tau);
    if ((*tau == lo && lo > first) || (*tau == hi && hi < last))
        return seg_best_split(p, a, b, tau);
    return gain;
}

/* Moves each change whose neighbourhood changed to the best split between its neighbours, or
 * removes it when that split gains <= β. In place; returns whether anything changed. */
static int move_or_remove(const seg_problem *p, change_set *c)
{
    int changed = 0, mark_next = 0;
    size_t w = 0, k = c->count;
    for (size_t j = 0; j < k; j++) {
        int need = flagged(c, j) || mark_next || (w > 0 && flagged(c, w - 1)) ||
                   (j + 1 < k && flagged(c, j + 1));
        size_t a = w ? c->cp[w - 1] : 0, b = j + 1 < k ? c->cp[j + 1] : p->n;
        size_t cur = c->cp[j], tau = cur;
        unsigned char before = c->before[j], now = c->now[j] || mark_next;
        mark_next = 0;
        if (need) {
            double gain = local_best_split(p, a, b, cur, &tau);
            if (tau == 0 || !(gain > p->beta)) {
                if (w > 0)
                    c->now[w - 1] = 1;
                mark_next = 1;
                changed = 1;
                continue;
            }
            if (tau != cur) {
                now = 1;
                changed = 1;
            }
        }
        c->cp[w] = tau;
        c->before[w] = before;
        c->now[w++] = now;
    }
    c->count = w;
    return changed;
}

/* Splits each segment next to a changed change point at its best split when that gains > β.
 * Writes the result into out (room for 2·count + 1); returns whether anything was added. */
static int add_splits(const seg_problem *p, const change_set *c, int all, change_set *out)
{
    int changed = 0;
    size_t w = 0;
    for (size_t j = 0; j <= c->count; j++) {
        size_t a = j ? c->cp[j - 1] : 0, b = j < c->count ? c->cp[j] : p->n, tau;
        int need = all || (j > 0 && flagged(c, j - 1)) || (j < c->count && flagged(c, j));
        if (need && seg_best_split(p, a, b, &tau) > p->beta && tau != 0) {
            out->cp[w] = tau;
            out->before[w] = 0;
            out->now[w++] = 1;
            changed = 1;
        }
        if (j < c->count) {
            out->cp[w] = c->cp[j];
            out->before[w] = c->before[j];
            out->now[w++] = c->now[j];
        }
    }
    out->count = w;
    return changed;
}

static void change_set_free(change_set *c)
{
    free(c->cp);
    free(c->before);
    free(c->now);
}

static int change_set_alloc(change_set *c, size_t capacity)
{
    c->cp = seg_alloc(capacity, sizeof *c->cp);
    c->before = calloc(capacity ? capacity : 1, 1);
    c->now = calloc(capacity ? capacity : 1, 1);
    c->count = 0;
    if (c->cp && c->before && c->now)
        return 0;
    change_set_free(c);
    return DISRUPT_ENOMEM;
}

/* Rounds of moves, removals and additions until none applies; only the neighbourhoods of
 * what changed in the last round are searched again. */
static int refine(const seg_problem *p, size_t *cp, size_t *ncp, disrupt_error *err)
{
    change_set cur;
    if (change_set_alloc(&cur, *ncp))
        return disrupt_error_nomem(err);
    memcpy(cur.cp, cp, *ncp * sizeof *cp);
    memset(cur.before, 1, *ncp);
    cur.count = *ncp;
    int rc = 0;
    for (int round = 0; round < MAX_REFINE_ROUNDS; round++) {
        int changed = move_or_remove(p, &cur);
        change_set next;
        if (change_set_alloc(&next, 2 * cur.count + 1)) {
            rc = disrupt_error_nomem(err);
            break;
        }
        changed |= add_splits(p, &cur, round == 0, &next);
        change_set_free(&cur);
        cur = next;
        /* this round's changes are what the next round must look around */
        for (size_t j = 0; j < cur.count; j++) {
            cur.before[j] = cur.now[j];
            cur.now[j] = 0;
        }
        if (!changed)
            break;
    }
    if (!rc) {
        memcpy(cp, cur.cp, cur.count * sizeof *cp);
        *ncp = cur.count;
    }
    change_set_free(&cur);
    return rc;
}

int seg_pelt_fast(const seg_problem *p, size_t *cp, size_t *ncp, disrupt_error *err)
{
    *ncp = 0;
    /* l1 evaluations read the whole segment, which makes the screening and the restricted
     * optimal partitioning quadratic: l1 goes straight to the refinement, whose best splits
     * take O(m log m) (additions then work as binary segmentation). */
    if (p->type == disrupt_cost_l1)
        return refine(p, cp, ncp, err);
    size_list pos = {NULL, 0, 0};
    size_t *found = NULL;
    int rc = screen(p, &pos, err);
    if (!rc)
        rc = seg_optpart(p, pos.items, pos.count, 0, &found, ncp, err);
    if (!rc)
        memcpy(cp, found, *ncp * sizeof *cp);
    free(found);
    free(pos.items);
    if (rc)
        return rc;
    return refine(p, cp, ncp, err);
}
