/* detect.c — baseline, segmentation and classification, refitted around disruptions. */
#define _GNU_SOURCE /* strcasestr */
#include "disrupt/detect/detect.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/detect/boundary.h"
#include "disrupt/detect/regimes.h"

/* Nightly windows start within this of the same time of day. */
#define RECURRENCE_TOLERANCE 3600
/* A transition between two levels (a decline, a restoration) is at most this long. */
#define TRANSITION_SECONDS (6 * 3600)
/* A short shutdown at the edge of sub-daily data lasts at least this long (edge_too_short). */
#define EDGE_MIN_SECONDS (3 * 3600)

/* The usable samples of one signal, with their grid indices. */
typedef struct {
    size_t m;
    size_t *idx;
    double *x;         /* log(observed/expected), or the blocked count */
    double *trials;    /* count signals: usable measurements; else NULL */
    double sigma;      /* noise scale of x for the Normal cost */
} observed;

/* A disrupted stretch of usable samples [first, last): one event, made of the segments
 * bounds[seg_first..seg_last) (normal ones among them when runs were merged across a gap). */
typedef struct {
    size_t first, last;
    size_t seg_first, seg_last;
    disrupt_window_kind kind;
} run;

typedef struct {
    run *items;
    size_t count;
} run_list;

void disrupt_detect_options_init(disrupt_detect_options *o)
{
    o->method = disrupt_detector_pelt;
    disrupt_segment_options_init(&o->segment);
    o->segment.min_seg = 0;  /* by the step: see min_seg_for */
    disrupt_baseline_options_init(&o->baseline);
    o->shutdown_level = 0.25;
    o->throttling_depth = 0.25;
    o->blocking_rise = 0.20;
    o->min_duration = 0;
    o->merge_gap = 0;
    o->ci_level = 0.95;
    o->max_rounds = 5;
}

void disrupt_detection_init(disrupt_detection *r)
{
    memset(r, 0, sizeof *r);
    disrupt_window_list_init(&r->windows);
}

void disrupt_detection_fini(disrupt_detection *r)
{
    for (size_t i = 0; i < r->nsignals; i++) {
        if (r->expected)
            free(r->expected[i]);
        if (r->changepoints)
            free(r->changepoints[i]);
        if (r->skipped)
            free(r->skipped[i]);
    }
    free(r->skipped);
    free(r->expected);
    free(r->changepoints);
    free(r->nchangepoints);
    free(r->normal_samples);
    free(r->recurrences);
    disrupt_incident_list_fini(&r->incidents);
    disrupt_window_list_fini(&r->windows);
    disrupt_detection_init(r);
}

static void observed_free(observed *ob)
{
    free(ob->idx);
    free(ob->x);
    free(ob->trials);
    memset(ob, 0, sizeof *ob);
}

static int observe(const disrupt_series *s, const double *expected, observed *ob,
                   disrupt_error *err)
{
    size_t n1 = s->n ? s->n : 1;
    int counts = s->type == DISRUPT_SIGNAL_COUNTS;
    ob->idx = malloc(n1 * sizeof *ob->idx);
    ob->x = malloc(n1 * sizeof *ob->x);
    ob->trials = counts ? malloc(n1 * sizeof *ob->trials) : NULL;
    if (!ob->idx || !ob->x || (counts && !ob->trials)) {
        observed_free(ob);
        return disrupt_error_nomem(err);
    }
    double floor_value = counts ? 0 : disrupt_baseline_floor(s);
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++) {
        double v = s->value[i];
        if (isnan(v) || !isfinite(expected[i]))
            continue;
        if (counts) {
            if (!(s->trials[i] > 0))
                continue;
            ob->trials[m] = s->trials[i];
            ob->x[m] = v;
        } else {
            ob->x[m] = log(fmax(v, floor_value) / fmax(expected[i], floor_value));
        }
        ob->idx[m++] = i;
    }
    ob->m = m;
    ob->sigma = counts ? 1.0 : disrupt_robust_sd(ob->x, m);
    return DISRUPT_OK;
}

/* The centre of the usable samples first..last-1 in the scale of ob->x: their median (level
 * signals: a log ratio to baseline) or pooled blocked share (counts); with `only`, of those
 * whose grid point is flagged in it (a window merged across a normal stretch is as deep as
 * its disrupted parts). NaN when there is none. */
static double stretch_center(const observed *ob, size_t first, size_t last,
                             const unsigned char *only, double *scratch)
{
    double k = 0, n = 0;
    size_t m = 0;
    for (size_t i = first; i < last; i++) {
        if (only && !only[ob->idx[i]])
            continue;
        if (ob->trials) {
            k += ob->x[i];
            n += ob->trials[i];
        } else {
            scratch[m++] = ob->x[i];
        }
    }
    if (ob->trials)
        return n > 0 ? k / n : NAN;
    return m ? gsl_stats_median(scratch, 1, m) : NAN;
}

/* The same centre as a level: a share of baseline, or the blocked share. */
static double stretch_level(const observed *ob, size_t first, size_t last,
                            const unsigned char *only, double *scratch)
{
    double center = stretch_center(ob, first, last, only, scratch);
    return ob->trials ? center : exp(center);
}

/* How a signal responds to a disruption. Reachability counts (/24 blocks visible in BGP,
 * answering probes or pings, a connectivity index made of them) do not slow down: a network
 * is reachable or it is not, so a clear drop short of a shutdown is an outage of part of the
 * networks, and half the usual depth is already clear. */
typedef enum { SIGNAL_VOLUME, SIGNAL_REACHABILITY, SIGNAL_COUNTS } signal_class;

static signal_class class_of(const disrupt_series *s)
{
    if (s->type == DISRUPT_SIGNAL_COUNTS)
        return SIGNAL_COUNTS;
    static const char *const reachability[] = {"bgp", "probing", "/24", "ping", "connectivity",
                                               NULL};
    for (size_t k = 0; reachability[k]; k++)
        if (strcasestr(s->name, reachability[k]))
            return SIGNAL_REACHABILITY;
    return SIGNAL_VOLUME;
}

/* -1 when normal, else the kind of disruption. */
static int classify(const disrupt_detect_options *o, signal_class cls, double level,
                    double base_share)
{
    if (cls == SIGNAL_COUNTS)
        return level - base_share >= o->blocking_rise ? (int)DISRUPT_KIND_BLOCKING : -1;
    if (level <= o->shutdown_level)
        return DISRUPT_KIND_SHUTDOWN;
    if (cls == SIGNAL_REACHABILITY)
        return level <= 1.0 - o->throttling_depth / 2 ? (int)DISRUPT_KIND_OUTAGE : -1;
    if (level <= 1.0 - o->throttling_depth)
        return DISRUPT_KIND_THROTTLING;
    return -1;
}

/* Below a day's step a lone outlier (a collection glitch) must not make a segment whose
 * median moves, so segments hold at least three samples; a daily sample is already an
 * aggregate of a whole day, and a one-day shutdown in daily data is an event. */
static size_t min_seg_for(const disrupt_series *s, const disrupt_detect_options *o)
{
    if (o->segment.min_seg)
        return o->segment.min_seg;
    return s->step >= 86400 ? 1 : 3;
}

static int segment_observed(const disrupt_series *s, const observed *ob,
                            const disrupt_detect_options *o, disrupt_segmentation *seg,
                            disrupt_error *err)
{
    disrupt_segment_options so = o->segment;
    so.min_seg = min_seg_for(s, o);
    so.cost = ob->trials ? disrupt_cost_binomial : disrupt_cost_normal_mean;
    so.sigma = ob->sigma;
    return disrupt_segment(o->method, ob->x, ob->trials, ob->m, &so, seg, err);
}

/* Segment boundaries including 0 and m. */
static size_t *boundaries_of(const disrupt_segmentation *seg, size_t m, size_t *count)
{
    size_t *b = malloc((seg->ncp + 2) * sizeof *b);
    if (!b)
        return NULL;
    b[0] = 0;
    for (size_t k = 0; k < seg->ncp; k++)
        b[k + 1] = seg->cp[k];
    b[seg->ncp + 1] = m;
    *count = seg->ncp + 2;
    return b;
}

/* A drop right beside a disruption is a stage of it while it stays clearly below normal:
 * networks come back one by one, throttling is eased in steps. Clearly: half the throttling
 * depth, or — on a quiet signal, where less is plain to see — three noise scales, but never
 * less than a quarter of the throttling depth. Level signals only. */
static int is_shoulder(const disrupt_detect_options *o, const observed *ob, double level)
{
    double clear = fmin(o->throttling_depth / 2, fmax(o->throttling_depth / 4, 3 * ob->sigma));
    return level <= 1.0 - clear;
}

/* Levels of an event's segments closer than this are one step of a staircase. */
#define STEP_TOLERANCE 0.05

/* 1 when the event's segments fall to one deepest segment and rise from it (within
 * STEP_TOLERANCE): onset, deepest, staged restoration — one dip, not a plateau with dips. */
static int single_dip(const double *level, const int *kind, size_t a, size_t b, size_t deepest)
{
    double prev = INFINITY;
    for (size_t k = a; k <= deepest; k++) {
        if (kind[k] < 0)
            continue;
        if (level[k] > prev + STEP_TOLERANCE)
            return 0;
        prev = level[k];
    }
    prev = level[deepest];
    for (size_t k = deepest + 1; k < b; k++) {
        if (kind[k] < 0)
            continue;
        if (level[k] < prev - STEP_TOLERANCE)
            return 0;
        prev = level[k];
    }
    return 1;
}

/* The kind of one event of a level signal; `partial` is what a drop short of a shutdown is
 * (throttling for volume, outage for reachability). A single dip takes the kind of its deepest
 * segment: a blackout stays a blackout through a day of slow restoration. Otherwise — a
 * plateau with dips, as a deep throttling whose evening hours fall under the shutdown level,
 * or nightly shutdowns inside a throttling — it is a shutdown when shutdown segments hold at
 * least half of its samples or its median is at the shutdown level. */
static disrupt_window_kind event_kind(const observed *ob, const size_t *bounds, const int *kind,
                                      const double *level, const run *w,
                                      const disrupt_detect_options *o, disrupt_window_kind partial,
                                      double *scratch)
{
    size_t deepest = w->seg_first;
    for (size_t k = w->seg_first; k < w->seg_last; k++)
        if (kind[k] >= 0 && level[k] < level[deepest])
            deepest = k;
    if (single_dip(level, kind, w->seg_first, w->seg_last, deepest))
        return level[deepest] <= o->shutdown_level ? DISRUPT_KIND_SHUTDOWN : partial;
    size_t shut = 0;
    for (size_t k = w->seg_first; k < w->seg_last; k++)
        if (kind[k] == (int)DISRUPT_KIND_SHUTDOWN)
            shut += bounds[k + 1] - bounds[k];
    if (2 * shut >= w->last - w->first)
        return DISRUPT_KIND_SHUTDOWN;
    double median = stretch_level(ob, w->first, w->last, NULL, scratch);
    return median <= o->shutdown_level ? DISRUPT_KIND_SHUTDOWN : partial;
}

/* A window cut off by the start or end of the data needs more than a short dip there: the
 * first hours of an export and a partial last day or hour are often incomplete, not low. It
 * must hold twice the shortest segment, unless it is a shutdown of EDGE_MIN_SECONDS or more
 * (a file that starts mid-shutdown). */
static int edge_too_short(const disrupt_series *s, const observed *ob, const run *w,
                          size_t min_seg)
{
    if (w->first != 0 && w->last != ob->m)
        return 0;
    size_t samples = w->last - w->first;
    if (samples >= 2 * min_seg)
        return 0;
    int64_t span = (int64_t)samples * s->step;
    return !(w->kind == DISRUPT_KIND_SHUTDOWN && s->step < 86400 && span >= EDGE_MIN_SECONDS);
}

/* Disrupted segments (kind[k] ≥ 0, else −1), joined into events: neighbouring disrupted
 * segments of any kinds are one event while the level stays disrupted. */
static int flag_runs(const disrupt_series *s, const observed *ob, signal_class cls,
                     const size_t *bounds, size_t nb, const disrupt_detect_options *o,
                     double base_share, double *scratch, int *kind, run_list *runs,
                     disrupt_error *err)
{
    size_t nseg = nb - 1;
    double *level = malloc(nseg * sizeof *level);
    runs->count = 0;
    free(runs->items);
    runs->items = malloc(nb * sizeof *runs->items);
    if (!runs->items || !level) {
        free(level);
        return disrupt_error_nomem(err);
    }
    for (size_t k = 0; k < nseg; k++) {
        level[k] = stretch_level(ob, bounds[k], bounds[k + 1], NULL, scratch);
        kind[k] = classify(o, cls, level[k], base_share);
    }
    disrupt_window_kind partial = cls == SIGNAL_REACHABILITY ? DISRUPT_KIND_OUTAGE
                                                              : DISRUPT_KIND_THROTTLING;
    for (int grew = cls != SIGNAL_COUNTS; grew;) {
        grew = 0;
        for (size_t k = 0; k < nseg; k++) {
            int beside = (k > 0 && kind[k - 1] >= 0) || (k + 1 < nseg && kind[k + 1] >= 0);
            if (kind[k] < 0 && beside && is_shoulder(o, ob, level[k])) {
                kind[k] = (int)partial;
                grew = 1;
            }
        }
    }
    size_t min_seg = min_seg_for(s, o);
    for (size_t k = 0; k < nseg;) {
        if (kind[k] < 0) {
            k++;
            continue;
        }
        size_t j = k;
        while (j < nseg && kind[j] >= 0)
            j++;
        run w = {bounds[k], bounds[j], k, j, (disrupt_window_kind)kind[k]};
        if (cls != SIGNAL_COUNTS)
            w.kind = event_kind(ob, bounds, kind, level, &w, o, partial, scratch);
        if (!edge_too_short(s, ob, &w, min_seg))
            runs->items[runs->count++] = w;
        k = j;
    }
    free(level);
    return DISRUPT_OK;
}

/* Marks every grid point from a run's first to its last usable sample, and the seed's
 * valleys: a stretch found well below the regimes around it stays out of the baseline even
 * in a round whose baseline, bent by it, no longer shows it as a window. Returns 1 when the
 * mask changed. */
static int mark_exclusion(const observed *ob, const run_list *runs, const unsigned char *seed,
                          size_t n, unsigned char *mask)
{
    int changed = 0;
    unsigned char *fresh = malloc(n ? n : 1);
    if (!fresh)
        return 0;
    memcpy(fresh, seed, n);
    for (size_t r = 0; r < runs->count; r++)
        for (size_t i = ob->idx[runs->items[r].first]; i <= ob->idx[runs->items[r].last - 1]; i++)
            fresh[i] = 1;
    for (size_t i = 0; i < n; i++)
        if (fresh[i] != mask[i]) {
            changed = 1;
            mask[i] = fresh[i];
        }
    free(fresh);
    return changed;
}

static void merge_close_runs(const disrupt_series *s, const observed *ob, int64_t gap,
                             run_list *runs)
{
    if (runs->count == 0)
        return;
    size_t out = 0;
    for (size_t r = 1; r < runs->count; r++) {
        run *prev = &runs->items[out];
        run *cur = &runs->items[r];
        int64_t prev_end = disrupt_series_time(s, ob->idx[prev->last - 1]) + s->step;
        int64_t cur_start = disrupt_series_time(s, ob->idx[cur->first]);
        if (cur->kind == prev->kind && cur_start - prev_end <= gap) {
            prev->last = cur->last;
            prev->seg_last = cur->seg_last;
        }
        else
            runs->items[++out] = *cur;
    }
    runs->count = out + 1;
}

static size_t bound_index(const size_t *bounds, size_t nb, size_t value)
{
    size_t k = 0;
    while (k + 1 < nb && bounds[k] < value)
        k++;
    return k;
}

/* The samples right beside the change at tau that belong to neither state — more than two
 * noise scales from both levels, as a decline over hours or a bin that straddles the change
 * is — widen its interval: the change may lie anywhere within their bins. At most `cap`
 * samples either side: a long stretch between the two levels is a level of its own (a
 * slight dip before a storm), not a transition. Level signals. */
static void widen_for_transition(const observed *ob, size_t a, size_t tau, size_t b,
                                 size_t cap, size_t *lo, size_t *hi, double *scratch)
{
    if (ob->trials || tau - a < 1 || b - tau < 1)
        return;
    double before = stretch_center(ob, a, tau, NULL, scratch);
    double after = stretch_center(ob, tau, b, NULL, scratch);
    double z = 2 * ob->sigma;
    double top = fmax(before, after) - z, bottom = fmin(before, after) + z;
    if (!(top > bottom))
        return;
    size_t floor_lo = *lo > cap ? *lo - cap : 0, ceil_hi = *hi + cap;
    while (*lo > a + 1 && *lo > floor_lo && ob->x[*lo - 1] < top && ob->x[*lo - 1] > bottom)
        (*lo)--;
    while (*hi + 1 < b && *hi < ceil_hi && ob->x[*hi] < top && ob->x[*hi] > bottom)
        (*hi)++;
}

/* Interval of the change at bounds[k] in grid times: the change lies after the last sample
 * of the old state and at or before the first of the new, widened over samples caught in
 * between (widen_for_transition). */
static int boundary_times(const disrupt_series *s, const observed *ob, const disrupt_cost *cost,
                          const size_t *bounds, size_t nb, size_t k, size_t tau, double level,
                          double *scratch, int64_t *lo_t, int64_t *hi_t, disrupt_error *err)
{
    if (bounds[k] == 0 || bounds[k] == ob->m) {
        /* Censored by the start or end of the data: no earlier (later) sample to compare. */
        int64_t t = bounds[k] == 0 ? disrupt_series_time(s, ob->idx[0])
                             : disrupt_series_time(s, ob->idx[ob->m - 1]) + s->step;
        *lo_t = *hi_t = t;
        return DISRUPT_OK;
    }
    size_t a = bounds[k - 1], b = k + 1 < nb ? bounds[k + 1] : ob->m;
    size_t lo = tau, hi = tau, mode = tau;
    if (b >= a + 2) {
        int rc = disrupt_boundary_interval(cost, a, b, level, &lo, &hi, &mode, err);
        if (rc)
            return rc;
    }
    if (tau < lo)
        lo = tau;
    if (tau > hi)
        hi = tau;
    size_t cap = s->step >= 86400 ? 2 : (size_t)(TRANSITION_SECONDS / s->step);
    widen_for_transition(ob, a, tau, b, cap > 6 ? cap : 6, &lo, &hi, scratch);
    *lo_t = disrupt_series_time(s, ob->idx[lo - 1]) + s->step;
    *hi_t = disrupt_series_time(s, ob->idx[hi]);
    return DISRUPT_OK;
}

/* Moves a run's first sample later and its last earlier while they are still at the level of
 * the segment beside them (within two noise scales): a minimum segment length can make a
 * disrupted segment swallow a normal sample or two at its edges. Level signals. */
static void trim_run(const observed *ob, const size_t *bounds, size_t nb, size_t *first,
                     size_t *last, double *scratch)
{
    if (ob->trials)
        return;
    double z = 2 * ob->sigma;
    size_t k = bound_index(bounds, nb, *first);
    if (*first > 0 && k > 0) {
        double before = stretch_center(ob, bounds[k - 1], bounds[k], NULL, scratch);
        while (*last - *first > 1 && ob->x[*first] >= before - z)
            (*first)++;
    }
    size_t j = bound_index(bounds, nb, *last);
    if (*last < ob->m && j + 1 < nb) {
        double after = stretch_center(ob, bounds[j], bounds[j + 1], NULL, scratch);
        while (*last - *first > 1 && ob->x[*last - 1] >= after - z)
            (*last)--;
    }
}

/* Onset, deepest, restoration when the phases fall to the deepest one and rise from it
 * (within STEP_TOLERANCE; counts rise to it and fall from it); stages around the deepest
 * one otherwise. */
static void assign_roles(disrupt_window *win, int counts)
{
    double sign = counts ? -1 : 1;   /* lower is deeper for levels, higher for shares */
    int single = 1;
    for (size_t p = 1; p < win->nphases && single; p++) {
        double step = sign * (win->phases[p].level - win->phases[p - 1].level);
        single = p <= win->deepest ? step <= STEP_TOLERANCE : step >= -STEP_TOLERANCE;
    }
    for (size_t p = 0; p < win->nphases; p++)
        win->phases[p].role = p == win->deepest ? DISRUPT_PHASE_DEEPEST
                            : !single           ? DISRUPT_PHASE_STAGE
                            : p < win->deepest  ? DISRUPT_PHASE_ONSET
                                                : DISRUPT_PHASE_RESTORATION;
}

/* The phases of one event: its disrupted segments, neighbours of one kind joined. */
static int window_phases(const disrupt_series *s, const observed *ob, const size_t *bounds,
                         const int *kind, const run *w, double *scratch, disrupt_window *win,
                         disrupt_error *err)
{
    win->phases = malloc((w->seg_last - w->seg_first) * sizeof *win->phases);
    if (!win->phases)
        return disrupt_error_nomem(err);
    win->nphases = 0;
    for (size_t k = w->seg_first; k < w->seg_last;) {
        if (kind[k] < 0) {
            k++;
            continue;
        }
        size_t j = k + 1;
        while (j < w->seg_last && kind[j] == kind[k])
            j++;
        disrupt_phase *ph = &win->phases[win->nphases++];
        ph->kind = (disrupt_window_kind)kind[k];
        ph->start = disrupt_series_time(s, ob->idx[bounds[k]]);
        ph->end = disrupt_series_time(s, ob->idx[bounds[j] - 1]) + s->step;
        ph->level = stretch_level(ob, bounds[k], bounds[j], NULL, scratch);
        k = j;
    }
    win->deepest = 0;
    for (size_t p = 1; p < win->nphases; p++) {
        int deeper = ob->trials ? win->phases[p].level > win->phases[win->deepest].level
                                : win->phases[p].level < win->phases[win->deepest].level;
        if (deeper)
            win->deepest = p;
    }
    assign_roles(win, ob->trials != NULL);
    return DISRUPT_OK;
}

static int emit_windows(const disrupt_series *s, size_t signal, const observed *ob,
                        const run_list *runs, const unsigned char *disrupted,
                        const size_t *bounds, size_t nb, const int *kind,
                        const disrupt_detect_options *o, double base_share, double *scratch,
                        disrupt_window_list *out, disrupt_error *err)
{
    int rc = DISRUPT_OK;
    disrupt_cost *cost = disrupt_cost_alloc(ob->trials ? disrupt_cost_binomial
                                                       : disrupt_cost_normal_mean,
                                            ob->x, ob->trials, ob->m, ob->sigma, err);
    if (!cost)
        return err ? err->code : DISRUPT_ENOMEM;
    for (size_t r = 0; r < runs->count && rc == DISRUPT_OK; r++) {
        const run *w = &runs->items[r];
        disrupt_window win;
        memset(&win, 0, sizeof win);
        win.signal = signal;
        win.kind = w->kind;
        size_t first = w->first, last = w->last;
        trim_run(ob, bounds, nb, &first, &last, scratch);
        win.first = ob->idx[first];
        win.last = ob->idx[last - 1] + 1;
        win.start = disrupt_series_time(s, win.first);
        win.end = disrupt_series_time(s, win.last);
        if (win.end - win.start < o->min_duration)
            continue;
        rc = boundary_times(s, ob, cost, bounds, nb, bound_index(bounds, nb, w->first), first,
                            o->ci_level, scratch, &win.start_lo, &win.start_hi, err);
        if (rc == DISRUPT_OK)
            rc = boundary_times(s, ob, cost, bounds, nb, bound_index(bounds, nb, w->last), last,
                                o->ci_level, scratch, &win.end_lo, &win.end_hi, err);
        win.start_censored = w->first == 0;
        win.end_censored = w->last == ob->m;
        double level = stretch_level(ob, w->first, w->last, disrupted, scratch);
        win.baseline = ob->trials ? base_share : 1.0;
        win.level = level;
        win.depth = ob->trials ? level - base_share : 1.0 - level;
        if (rc == DISRUPT_OK)
            rc = window_phases(s, ob, bounds, kind, w, scratch, &win, err);
        if (rc == DISRUPT_OK)
            rc = disrupt_window_list_push(out, &win, err);
        if (rc)
            free(win.phases);
    }
    disrupt_cost_free(cost);
    return rc;
}

/* Before the first fit, leaves out what is clearly not normal: regimes of a level signal
 * well below the upper regimes around them (regimes.h), judged against one level and the
 * daily cycle, which a drop cannot bend. Half the throttling depth, so that a staged
 * restoration still under way is not taken for the normal level either. A pinned baseline
 * needs no seed: the analyst said where normal is. */
static int seed_exclusion(const disrupt_series *s, const disrupt_detect_options *o,
                          double *expected, unsigned char *mask, disrupt_error *err)
{
    if (s->type == DISRUPT_SIGNAL_COUNTS || o->baseline.pin_end > o->baseline.pin_start)
        return DISRUPT_OK;
    disrupt_baseline_options flat = o->baseline;
    flat.flat = 1;
    flat.season_quantile = 0.75;
    int rc = disrupt_baseline_fit(s, NULL, &flat, expected, err);
    if (rc)
        return rc;
    return disrupt_regimes_flag(s, expected, o->throttling_depth / 2, min_seg_for(s, o), mask,
                                err);
}

/* Detects one signal: rounds of baseline fit → segmentation → classification until the set
 * of disrupted points is stable. */
static int detect_signal(const disrupt_series *s, size_t signal, const disrupt_detect_options *o,
                         disrupt_detection *r, disrupt_error *err)
{
    int rc = DISRUPT_OK;
    double *expected = malloc((s->n ? s->n : 1) * sizeof *expected);
    double *scratch = malloc((s->n ? s->n : 1) * sizeof *scratch);
    unsigned char *mask = calloc(s->n ? s->n : 1, 1);
    unsigned char *seed = calloc(s->n ? s->n : 1, 1);
    observed ob = {0};
    disrupt_segmentation seg;
    disrupt_segmentation_init(&seg);
    run_list runs = {NULL, 0};
    size_t *bounds = NULL, nb = 0;
    int *kind = NULL;
    if (!expected || !scratch || !mask || !seed) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    disrupt_baseline_options base = o->baseline;
    rc = seed_exclusion(s, o, expected, seed, err);
    if (rc)
        goto cleanup;
    memcpy(mask, seed, s->n);
    for (int round = 0; round < o->max_rounds; round++) {
        /* Before anything is excluded, shape the daily cycle by the upper quartile: a
         * disruption recurring every night must not become the night's normal. */
        base.season_quantile = round == 0 ? 0.75 : 0.5;
        rc = disrupt_baseline_fit(s, mask, &base, expected, err);
        if (rc)
            goto cleanup;
        observed_free(&ob);
        disrupt_segmentation_fini(&seg);
        free(bounds);
        bounds = NULL;
        rc = observe(s, expected, &ob, err);
        if (rc)
            goto cleanup;
        if (ob.m < 2) {
            rc = disrupt_error_set(err, DISRUPT_EDATA,
                                   "%s: %zu usable sample%s: too few to look for disruptions",
                                   s->name, ob.m, ob.m == 1 ? "" : "s");
            goto cleanup;
        }
        rc = segment_observed(s, &ob, o, &seg, err);
        if (rc)
            goto cleanup;
        bounds = boundaries_of(&seg, ob.m, &nb);
        free(kind);
        kind = bounds ? malloc(nb * sizeof *kind) : NULL;
        if (!bounds || !kind) {
            rc = disrupt_error_nomem(err);
            goto cleanup;
        }
        double base_share = s->type == DISRUPT_SIGNAL_COUNTS ? expected[0] : 1.0;
        rc = flag_runs(s, &ob, class_of(s), bounds, nb, o, base_share, scratch, kind, &runs,
                       err);
        if (rc)
            goto cleanup;
        if (!mark_exclusion(&ob, &runs, seed, s->n, mask))
            break;
    }
    if (bounds) {
        merge_close_runs(s, &ob, o->merge_gap, &runs);
        double base_share = s->type == DISRUPT_SIGNAL_COUNTS ? expected[0] : 1.0;
        rc = emit_windows(s, signal, &ob, &runs, mask, bounds, nb, kind, o, base_share,
                          scratch, &r->windows, err);
        if (rc)
            goto cleanup;
    }
    r->changepoints[signal] = malloc((seg.ncp ? seg.ncp : 1) * sizeof(size_t));
    if (!r->changepoints[signal]) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    for (size_t k = 0; k < seg.ncp; k++)
        r->changepoints[signal][k] = ob.idx[seg.cp[k]];
    r->nchangepoints[signal] = seg.ncp;
    r->normal_samples[signal] = 0;
    for (size_t i = 0; i < s->n; i++)
        r->normal_samples[signal] += !isnan(s->value[i]) && !mask[i];
    r->expected[signal] = expected;
    expected = NULL;
cleanup:
    free(kind);
    free(expected);
    free(scratch);
    free(mask);
    free(seed);
    free(bounds);
    free(runs.items);
    observed_free(&ob);
    disrupt_segmentation_fini(&seg);
    return rc;
}

static int windows_overlap(const disrupt_window *a, const disrupt_window *b)
{
    return a->start < b->end && b->start < a->end;
}

/* Windows of other signals of the same place that overlap: signals of different namespaces
 * (two countries' files) never corroborate each other. */
static int corroborate(const disrupt_dataset *d, disrupt_window_list *l, disrupt_error *err)
{
    for (size_t i = 0; i < l->count; i++) {
        disrupt_window *w = &l->items[i];
        for (size_t j = 0; j < l->count; j++) {
            const disrupt_window *v = &l->items[j];
            if (v->signal == w->signal || !windows_overlap(w, v) ||
                !disrupt_series_same_namespace(d->series[w->signal], d->series[v->signal]))
                continue;
            size_t k = 0;
            while (k < w->ncorroborated && w->corroborated_by[k] != v->signal)
                k++;
            if (k < w->ncorroborated)
                continue;
            size_t *grown = realloc(w->corroborated_by, (w->ncorroborated + 1) * sizeof *grown);
            if (!grown)
                return disrupt_error_nomem(err);
            w->corroborated_by = grown;
            w->corroborated_by[w->ncorroborated++] = v->signal;
        }
    }
    return DISRUPT_OK;
}

/* Incidents of each place: signals of one namespace (or none) share a place. */
static int find_incidents(const disrupt_dataset *d, disrupt_detection *r, disrupt_error *err)
{
    size_t *place = malloc((d->count ? d->count : 1) * sizeof *place);
    if (!place)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < d->count; i++) {
        place[i] = i;
        for (size_t j = 0; j < i; j++)
            if (d->series[i]->ns && d->series[j]->ns &&
                strcmp(d->series[i]->ns, d->series[j]->ns) == 0) {
                place[i] = place[j];
                break;
            }
        if (!d->series[i]->ns)
            place[i] = SIZE_MAX;   /* no namespace: the shared place */
    }
    int rc = disrupt_incidents_find(&r->windows, place, &r->incidents, err);
    free(place);
    return rc;
}

int disrupt_detect_run(const disrupt_dataset *d, const disrupt_detect_options *o,
                       disrupt_detection *r, disrupt_error *err)
{
    disrupt_detection_init(r);
    size_t n = d->count;
    r->expected = calloc(n ? n : 1, sizeof *r->expected);
    r->changepoints = calloc(n ? n : 1, sizeof *r->changepoints);
    r->nchangepoints = calloc(n ? n : 1, sizeof *r->nchangepoints);
    r->normal_samples = calloc(n ? n : 1, sizeof *r->normal_samples);
    r->skipped = calloc(n ? n : 1, sizeof *r->skipped);
    if (!r->expected || !r->changepoints || !r->nchangepoints || !r->normal_samples ||
        !r->skipped) {
        disrupt_detection_fini(r);
        return disrupt_error_nomem(err);
    }
    r->nsignals = n;
    r->ci_level = o->ci_level;
    size_t analysed = 0;
    disrupt_error first = {0};
    for (size_t i = 0; i < n; i++) {
        disrupt_error why = {0};
        int rc = detect_signal(d->series[i], i, o, r, &why);
        if (rc == DISRUPT_EDATA) {   /* this signal's data alone: leave it out */
            if (!first.code)
                first = why;
            if (!(r->skipped[i] = strdup(why.message)))
                rc = disrupt_error_nomem(&why);
            else
                continue;
        }
        if (rc) {
            if (err)
                *err = why;
            disrupt_detection_fini(r);
            return rc;
        }
        analysed++;
    }
    if (n && analysed == 0) {
        if (err)
            *err = first;
        disrupt_detection_fini(r);
        return DISRUPT_EDATA;
    }
    int rc = corroborate(d, &r->windows, err);
    if (rc == DISRUPT_OK)
        rc = find_incidents(d, r, err);
    if (rc == DISRUPT_OK)
        rc = disrupt_recurrences_find(&r->windows, o->baseline.tz, RECURRENCE_TOLERANCE,
                                      &r->recurrences, &r->nrecurrences, err);
    if (rc)
        disrupt_detection_fini(r);
    return rc;
}
