/* optpart.c — pruned optimal partitioning (Killick, Fearnhead & Eckley 2012) with functional
 * pruning (Maidstone, Hocking, Rigaill & Fearnhead 2017), see optpart.h.
 *
 * F(0) = −β, F(t) = min over candidates τ of F(τ) + C'(τ, t) + β, where C' is the segment cost
 * plus log(t − τ) under MBIC and τ = 0 or L <= τ <= t − L. The result is the exact minimiser
 * over the allowed positions.
 *
 * Inequality pruning (PELT). For the likelihood costs, C(a, c) >= C(a, b) + C(b, c) for
 * a < b < c. So if
 *     F(τ) + C(τ, s) > F(s)                                              (raw cost, no log m)
 * then for every t >= s + L, F(τ) + C'(τ, t) + β > F(s) + C'(s, t) + β >= F(t): τ can never
 * again be the best last change once s is admissible as one, i.e. from t = s + L on. Under MBIC
 * this holds because log(t − τ) >= log(t − s); testing with the raw cost keeps it exact (a test
 * with C' would not be). With L > 1 a failed test removes τ only L steps later, since τ may
 * still be the best choice for t in (s, s + L).
 *
 * Functional pruning (Maidstone, Hocking, Rigaill & Fearnhead 2017). Each cost is
 * C(τ, t) = min over θ of Σ_{τ<i<=t} ℓ(x_i, θ) (cost.h), and MBIC's log m = min over λ > 0 of
 * λm − 1 − log λ is one more such parameter, with ℓ + λ per point. So τ can be the best last
 * change at some t only through q_τ(θ, λ) = F(τ) + Σ_{τ<i<=t} (ℓ(x_i, θ) + λ) being the least
 * of all candidates' at some (θ, λ); the sums past t are common to all, and what is left,
 * F(τ) − Σ_{i<=τ} (ℓ(x_i, θ) + λ), is for fixed (θ, λ) a linear function of the point
 * (τ, prefix sums at τ, F(τ)) (disrupt_cost_lift). A point that is not a vertex of the lower
 * convex hull of the candidates' points is above a convex combination of others, for every
 * linear function: whatever comes next, it never wins again, and goes (L steps later, as
 * above). This is MdFOCuS's reading of functional pruning as a hull (Pishchagina, Romano,
 * Fearnhead, Runge & Rigaill 2023), applied to optimal partitioning with MBIC. In three
 * dimensions (normal-mean, poisson) the hull is kept up to date at every new candidate by
 * the sweep hull (sweep_hull.c), which drops each candidate the moment a newer one buries
 * it: about 27 candidates stay live in a long quiet stretch of 10⁶ points, against the 20 to
 * 150 of hulls recomputed from time to time. What the sweep hull cannot prove (collinear
 * points whose heights rounding has made non-convex, the 4-dimensional costs) goes to
 * Qhull's hulls (hull_prune.c), recomputed when the live candidates have doubled, after
 * which the sweep hull is rebuilt from the survivors; it is rebuilt too when dead
 * candidates (removed by PELT's test, still corners of the hull) fill most of it. In a long
 * homogeneous stretch the hull has about 20 vertices for normal-mean and, for
 * normal-meanvar, 59, 80 and 103 at 2·10³, 8·10³ and 2·10⁴ points (measured on SYNTHETIC
 * noise), where PELT's test keeps every candidate. (FPOP's intervals from later candidates,
 * tried for normal-mean on top of the hulls, made 10⁶ points no faster: 2.1 s with them,
 * 1.6–2.0 s without, in repeated runs.) l1 has no hull: PELT's test alone.
 * Time: O(positions × live candidates) plus the hulls, amortised O(log) per position.
 */
#include "optpart.h"

#include <stdint.h>
#include <stdlib.h>

#include "hull_prune.h"
#include "sweep_hull.h"

/* MBIC's log(t − τ) for the segment lengths up to this, from a table (log() took a fifth of
 * detect); longer ones are computed. */
#define LOG_TABLE 65536

/* Hull pruning runs once the live candidates have doubled since the last run (and are at
 * least this many more): amortised O(log) hull work per position. */
#define HULL_MIN_GROWTH 128

typedef struct {
    size_t k;         /* index of the candidate position */
    size_t kill_at;   /* removed once t reaches this position; SIZE_MAX = alive */
    double raw;       /* this step: F(τ) + C(τ, t) */
} candidate;

typedef struct {
    candidate *items;
    size_t count, capacity;
} candidates;

static inline size_t position(const size_t *pos, size_t k)
{
    return pos ? pos[k] : k;
}

static int candidates_push(candidates *c, size_t k)
{
    if (c->count == c->capacity) {
        size_t cap = c->capacity ? 2 * c->capacity : 64;
        candidate *grown = cap <= PTRDIFF_MAX / sizeof *grown
                               ? realloc(c->items, cap * sizeof *grown) : NULL;
        if (!grown)
            return -1;
        c->items = grown;
        c->capacity = cap;
    }
    c->items[c->count++] = (candidate){k, SIZE_MAX, 0};
    return 0;
}

/* Walks the argmin chain back from the last position into a new array, ascending. */
static size_t *backtrack(const size_t *pos, const uint32_t *last, size_t kend, size_t *count)
{
    size_t ncp = 0;
    for (size_t k = kend; k > 0 && last[k] > 0; k = last[k])
        ncp++;
    size_t *cp = seg_alloc(ncp, sizeof *cp);
    *count = ncp;
    if (!cp)
        return NULL;
    ncp = 0;
    for (size_t k = kend; k > 0 && last[k] > 0; k = last[k])
        cp[ncp++] = position(pos, last[k]);
    for (size_t i = 0; i < ncp / 2; i++) {
        size_t tmp = cp[i];
        cp[i] = cp[ncp - 1 - i];
        cp[ncp - 1 - i] = tmp;
    }
    return cp;
}

/* After F(t) = best, PELT's test: marks the candidates that can never win again for removal
 * at t + L. */
static void prune(const seg_problem *p, candidates *c, size_t t, double best)
{
    /* A little slack keeps rounding from pruning a candidate that ties. */
    double bound = best + 1e-9 * (1.0 + fabs(best));
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].kill_at == SIZE_MAX && c->items[i].raw > bound)
            c->items[i].kill_at = t + p->min_seg;
}

typedef struct {
    size_t dim;          /* coordinates of a lifted candidate (with its height); 0 = none */
    size_t next_at;      /* run when this many candidates are live */
    double *points;      /* scratch, dim per live candidate */
    unsigned char *keep;
    size_t *index;       /* which candidate each point is */
    size_t capacity;
    FILE *quiet;         /* Qhull's messages, opened at the first hull */
} hull_state;

static void hull_free_scratch(hull_state *h)
{
    free(h->points);
    free(h->keep);
    free(h->index);
}

static void hull_fini(hull_state *h)
{
    hull_free_scratch(h);
    if (h->quiet)
        fclose(h->quiet);
}

/* Marks every live candidate off the lower hull for removal at t + L, once the live ones have
 * doubled. Returns 1 when it ran, 0 when not yet, -1 when out of memory. */
static int hull_prune(const seg_problem *p, const size_t *pos, const double *F, candidates *c,
                      size_t t, hull_state *h)
{
    if (c->count < h->next_at) /* count >= live: no need to count them */
        return 0;
    size_t live = 0;
    for (size_t i = 0; i < c->count; i++)
        live += c->items[i].kill_at == SIZE_MAX && isfinite(F[c->items[i].k]);
    if (live < h->next_at)
        return 0;
    if (live > h->capacity) {
        size_t cap = 2 * live;
        double *pts = seg_alloc(cap * h->dim, sizeof *pts);
        unsigned char *keep = seg_alloc(cap, 1);
        size_t *index = seg_alloc(cap, sizeof *index);
        if (!pts || !keep || !index) {
            free(pts);
            free(keep);
            free(index);
            return -1;
        }
        hull_free_scratch(h);
        h->points = pts;
        h->keep = keep;
        h->index = index;
        h->capacity = cap;
    }
    size_t n = 0;
    for (size_t i = 0; i < c->count; i++) {
        const candidate *cd = &c->items[i];
        if (cd->kill_at != SIZE_MAX || !isfinite(F[cd->k]))
            continue;
        double *pt = &h->points[n * h->dim], shift;
        disrupt_cost_lift(p->cost, position(pos, cd->k), pt, &shift);
        pt[h->dim - 1] = F[cd->k] + shift;
        h->index[n++] = i;
    }
    size_t kept = n;
    if (!h->quiet)
        h->quiet = fopen("/dev/null", "w");
    if (seg_lower_hull(h->points, n, h->dim, h->keep, h->quiet) == 0) {
        kept = 0;
        for (size_t j = 0; j < n; j++) {
            if (h->keep[j])
                kept++;
            else
                c->items[h->index[j]].kill_at = t + p->min_seg;
        }
    }
    h->next_at = 2 * kept > kept + HULL_MIN_GROWTH ? 2 * kept : kept + HULL_MIN_GROWTH;
    return 1;
}

/* The candidate of position index k: candidates are in ascending k. */
static candidate *find_candidate(candidates *c, size_t k)
{
    size_t lo = 0, hi = c->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->items[mid].k < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->count && c->items[lo].k == k ? &c->items[lo] : NULL;
}

/* Adds candidate k to the sweep hull and removes, from t on, the candidates its insertion
 * proved can never win. On giving up, the sweep is switched off (the Qhull hulls take over).
 * Returns -1 when out of memory. */
static int sweep_add(const seg_problem *p, const size_t *pos, const double *F, candidates *c,
                     size_t k, size_t t, seg_sweep_hull **sweep)
{
    double pt[2], shift;
    disrupt_cost_lift(p->cost, position(pos, k), pt, &shift);
    int rc = seg_sweep_hull_add(*sweep, k, pt[0], pt[1], F[k] + shift);
    if (rc < 0)
        return -1;
    if (rc == SEG_SWEEP_GAVE_UP) {
        seg_sweep_hull_free(*sweep);
        *sweep = NULL;
        return 0;
    }
    size_t nd;
    const size_t *dropped = seg_sweep_hull_dropped(*sweep, &nd);
    for (size_t i = 0; i < nd; i++) {
        candidate *cd = find_candidate(c, dropped[i]);
        if (cd && cd->kill_at > t)
            cd->kill_at = t;
    }
    return 0;
}

/* Builds the sweep hull anew from the live candidates (after Qhull pruned them, or when the
 * hull holds many more points than are live). Returns -1 when out of memory. */
static int sweep_rebuild(const seg_problem *p, const size_t *pos, const double *F,
                         candidates *c, size_t t, seg_sweep_hull **sweep)
{
    if (!*sweep && !(*sweep = seg_sweep_hull_new()))
        return -1;
    seg_sweep_hull_clear(*sweep);
    for (size_t i = 0; i < c->count && *sweep; i++)
        if (c->items[i].kill_at == SIZE_MAX && isfinite(F[c->items[i].k]) &&
            sweep_add(p, pos, F, c, c->items[i].k, t, sweep))
            return -1;
    return 0;
}

int seg_optpart(const seg_problem *p, const size_t *pos, size_t npos, size_t budget, size_t **cp,
                size_t *ncp, disrupt_error *err)
{
    size_t n = p->n, L = p->min_seg;
    if (!pos)
        npos = n + 1;
    /* 4 bytes per position for the argmin chain: 4·10⁹ points would need 160 GB anyway. */
    if (npos > UINT32_MAX)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "%zu points: at most %u can be segmented at once", npos - 1,
                                 UINT32_MAX - 1);
    double *F = seg_alloc(npos, sizeof *F);
    uint32_t *last = seg_alloc(npos, sizeof *last);
    size_t nlog = p->mbic ? (n < LOG_TABLE ? n : LOG_TABLE) + 1 : 1;
    double *log_len = seg_alloc(nlog, sizeof *log_len);
    candidates cand = {NULL, 0, 0};
    hull_state hull = {p->lift ? p->lift + 1 : 0, HULL_MIN_GROWTH, NULL, NULL, NULL, 0, NULL};
    /* Points in 3-D: the sweep hull, updated at every new candidate; Qhull only for what it
     * leaves (near-degenerate geometry) and in 4-D. */
    int sweep_wanted = p->lift == 2;
    seg_sweep_hull *sweep = sweep_wanted ? seg_sweep_hull_new() : NULL;
    int rc = 0;
    *ncp = 0;
    *cp = NULL;
    if (!F || !last || !log_len || (sweep_wanted && !sweep)) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    log_len[0] = -INFINITY;
    for (size_t m = 1; m < nlog; m++)
        log_len[m] = log((double)m);
    F[0] = -p->beta;
    last[0] = 0;
    size_t next = 0, spent = 0;
    /* The l1 cost takes O(m) per evaluation: count the points it reads. */
    int linear_cost = p->type == disrupt_cost_l1;
    const double *s2 = NULL, *s1 = disrupt_cost_mean_sums(p->cost, &s2);
    for (size_t k = 1; k < npos; k++) {
        size_t t = position(pos, k);
        F[k] = INFINITY;
        last[k] = 0;
        if (t < L)
            continue;
        /* Positions at least L behind t become candidates (0, or ones that F reached). */
        for (; next < k && position(pos, next) + L <= t; next++)
            if ((position(pos, next) == 0 || position(pos, next) >= L) &&
                (candidates_push(&cand, next) ||
                 (sweep && isfinite(F[next]) && sweep_add(p, pos, F, &cand, next, t, &sweep)))) {
                rc = disrupt_error_nomem(err);
                goto cleanup;
            }

        size_t keep = 0;
        double best = INFINITY;
        size_t arg = 0;
        for (size_t i = 0; i < cand.count; i++) {
            candidate cd = cand.items[i];
            if (cd.kill_at <= t)
                continue;
            size_t tau = position(pos, cd.k);
            double c;
            if (s1) {   /* normal-mean, inline: a call per candidate was a quarter of PELT */
                double m = (double)(t - tau), d = s1[t] - s1[tau];
                double v = (s2[t] - s2[tau]) - d * d / m;
                c = v > 0 ? v : 0.0;
            } else {
                c = disrupt_cost_eval(p->cost, tau, t);
            }
            double v = F[cd.k] + c + p->beta;
            /* log(t − τ) >= 0: a candidate already no better than the best cannot win. */
            if (p->mbic && v < best)
                v += t - tau < nlog ? log_len[t - tau] : log((double)(t - tau));
            if (v < best) {
                best = v;
                arg = cd.k;
            }
            cd.raw = F[cd.k] + c;
            cand.items[keep++] = cd;
            spent += linear_cost ? t - tau : 1;
        }
        cand.count = keep;
        F[k] = best;
        last[k] = (uint32_t)arg;
        prune(p, &cand, t, best);
        int hulled = hull.dim ? hull_prune(p, pos, F, &cand, t, &hull) : 0;
        /* Rebuilt after Qhull pruned, or once dead candidates fill most of it. */
        if (hulled < 0 ||
            (sweep_wanted && (hulled || (sweep && seg_sweep_hull_size(sweep) >
                                                      2 * cand.count + HULL_MIN_GROWTH)) &&
             sweep_rebuild(p, pos, F, &cand, t, &sweep))) {
            rc = disrupt_error_nomem(err);
            goto cleanup;
        }
        if (budget && spent > budget) {
            rc = SEG_OVER_BUDGET;
            goto cleanup;
        }
    }
    *cp = backtrack(pos, last, npos - 1, ncp);
    if (!*cp)
        rc = disrupt_error_nomem(err);

cleanup:
    free(F);
    free(last);
    free(log_len);
    free(cand.items);
    hull_fini(&hull);
    seg_sweep_hull_free(sweep);
    return rc;
}
