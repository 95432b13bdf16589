/* window.h — disruption windows: what a report cites.
 *
 * A window is a stretch of one signal that is far from its baseline: `shutdown` (near zero),
 * `throttling` (clearly below, not near zero: volume signals), `outage` (reachability
 * signals clearly below, not near zero: part of the networks unreachable, which cannot be
 * throttling) or `blocking` (count signals: blocked share up).
 * Times are UTC seconds; `end` is exclusive (the first time back to normal). The confidence
 * bounds are 95% intervals on each boundary. `level` and `baseline` are relative to the
 * expected value (baseline 1.0); depth = 1 − level for drops, level − 1 for blocking shares
 * (absolute share points).
 *
 * A window is one event: while the level stays disrupted it stays one window, and its
 * phases (onset, the deepest stretch, staged restoration) are listed inside it, each with its
 * own kind and level.
 *
 * Ownership: a disrupt_window_list owns its items and each item's corroboration and phase
 * arrays; disrupt_window_list_fini releases them.
 */
#ifndef DISRUPT_WINDOW_H
#define DISRUPT_WINDOW_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"

typedef enum {
    DISRUPT_KIND_SHUTDOWN = 0,
    DISRUPT_KIND_THROTTLING,
    DISRUPT_KIND_BLOCKING,
    DISRUPT_KIND_OUTAGE            /* part of the networks unreachable (reachability signals) */
} disrupt_window_kind;

#define DISRUPT_NKINDS 4

const char *disrupt_window_kind_name(disrupt_window_kind kind);
/* Capitalised, for labels: "Shutdown", "Throttling", "Blocking". */
const char *disrupt_window_kind_title(disrupt_window_kind kind);

/* Where a phase stands in its event: before the deepest phase, the deepest, after it. An
 * event with several dips has stages around its deepest phase instead. */
typedef enum {
    DISRUPT_PHASE_ONSET = 0,
    DISRUPT_PHASE_DEEPEST,
    DISRUPT_PHASE_RESTORATION,
    DISRUPT_PHASE_STAGE
} disrupt_phase_role;

const char *disrupt_phase_role_name(disrupt_phase_role role);

/* A stretch of one event at one kind and level: [start, end), level as in the window. */
typedef struct {
    disrupt_window_kind kind;
    disrupt_phase_role role;
    int64_t start, end;
    double level;
} disrupt_phase;

typedef struct {
    size_t signal;                 /* index of the series in its dataset */
    disrupt_window_kind kind;
    size_t first, last;            /* grid indices, [first, last) */
    int64_t start, end;            /* UTC seconds, end exclusive */
    int64_t start_lo, start_hi;    /* 95% interval of the start */
    int64_t end_lo, end_hi;        /* 95% interval of the end */
    int start_censored;            /* starts with the data: it may have begun earlier, so the
                                    * interval is open below (start_lo = start) */
    int end_censored;              /* runs to the end of the data: open above (end_hi = end) */
    double baseline;               /* 1.0 for level signals; normal blocked share for counts */
    double level;                  /* observed/expected (or blocked share for counts) */
    double depth;                  /* 1 − level (drops) or level − baseline (blocking) */
    size_t *corroborated_by;       /* indices of other series with an overlapping window */
    size_t ncorroborated;
    disrupt_phase *phases;         /* in time order; nphases ≥ 1 for detected windows */
    size_t nphases;
    size_t deepest;                /* index of the phase with the lowest level (highest
                                    * blocked share) */
} disrupt_window;

typedef struct {
    disrupt_window *items;
    size_t count;
    size_t capacity;
} disrupt_window_list;

void disrupt_window_list_init(disrupt_window_list *l);
void disrupt_window_list_fini(disrupt_window_list *l);
/* Copies w (the list takes ownership of w->corroborated_by and w->phases). */
int disrupt_window_list_push(disrupt_window_list *l, const disrupt_window *w, disrupt_error *err);

static inline double disrupt_window_days(const disrupt_window *w)
{
    return (double)(w->end - w->start) / 86400.0;
}

#endif
