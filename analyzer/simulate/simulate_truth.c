/* simulate_truth.c — the ground-truth windows a scenario injects, per signal (simulate.h).
 *
 * A window is what a detector reading that one signal should report: its kind follows the
 * level the signal falls to (at most the detector's default shutdown level: shutdown; below
 * normal: throttling; OONI blocked share up: blocking), while `event` keeps what was
 * injected. A nightly event gives one
 * window per night. OONI signals carry only blocking windows: a shutdown thins their
 * measurement counts but does not raise the blocked share they are judged by. */
#include "disrupt/simulate/simulate.h"

#include "disrupt/detect/detect.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int push(disrupt_sim_truth *t, const disrupt_sim_window *w, disrupt_error *err)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        if (cap > SIZE_MAX / sizeof *t->windows)
            return disrupt_error_nomem(err);
        disrupt_sim_window *p = realloc(t->windows, cap * sizeof *p);
        if (!p)
            return disrupt_error_nomem(err);
        t->windows = p;
        t->cap = cap;
    }
    t->windows[t->n++] = *w;
    return DISRUPT_OK;
}

/* Adds [start, end) clipped to the scenario, if anything is left. */
static int push_clipped(const disrupt_sim_scenario *sc, disrupt_sim_truth *t,
                        disrupt_sim_window w, disrupt_error *err)
{
    if (w.start < sc->start)
        w.start = sc->start;
    if (w.end > sc->end)
        w.end = sc->end;
    return w.end > w.start ? push(t, &w, err) : DISRUPT_OK;
}

static int add_event(const disrupt_sim_scenario *sc, size_t s, const disrupt_sim_event *e,
                     double shutdown_level, disrupt_sim_truth *t, disrupt_error *err)
{
    const disrupt_sim_signal *sig = &sc->signals[s];
    int blocking = e->kind == DISRUPT_SIM_BLOCKING;
    if ((sig->type == DISRUPT_SIM_OONI) != blocking)
        return DISRUPT_OK;
    disrupt_sim_window w = {sig->id, "blocking", disrupt_sim_event_kind_name(e->kind),
                            e->start, e->end, e->blocked_share, e->label};
    if (!blocking) {
        /* What the signal can show (detect.h): reachability drops short of a shutdown are
         * outages of part of the networks, volume drops throttling. */
        int reachability = sig->type == DISRUPT_SIM_BGP || sig->type == DISRUPT_SIM_PROBING;
        w.level = 1.0 - e->share * e->depth;
        w.kind = w.level <= shutdown_level + 1e-12 ? "shutdown"
                 : reachability                    ? "outage"
                                                   : "throttling";
    }
    if (e->kind != DISRUPT_SIM_NIGHTLY)
        return push_clipped(sc, t, w, err);
    int64_t since = e->start - e->daily_start;
    int64_t night = (since >= 0 ? since / 86400 : (since - 86399) / 86400) * 86400 + e->daily_start;
    for (; night < e->end; night += 86400) {
        w.start = night > e->start ? night : e->start;
        w.end = night + e->daily_length < e->end ? night + e->daily_length : e->end;
        if (w.end <= w.start)
            continue;
        int rc = push_clipped(sc, t, w, err);
        if (rc)
            return rc;
    }
    return DISRUPT_OK;
}

static int cmp_text(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* A total order on what is written, so the output does not depend on qsort's stability. */
static int by_start(const void *a, const void *b)
{
    const disrupt_sim_window *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->level != y->level)
        return x->level < y->level ? -1 : 1;
    int c = cmp_text(x->event, y->event);
    return c ? c : cmp_text(x->label, y->label);
}

int disrupt_sim_truth_build(const disrupt_sim_scenario *sc, disrupt_sim_truth *truth,
                            disrupt_error *err)
{
    truth->windows = NULL;
    truth->n = truth->cap = 0;
    disrupt_detect_options defaults;
    disrupt_detect_options_init(&defaults);
    for (size_t s = 0; s < sc->nsignals; s++) {
        size_t first = truth->n;
        for (size_t i = 0; i < sc->nevents; i++) {
            if (!disrupt_sim_event_affects(sc, &sc->events[i], s))
                continue;
            int rc = add_event(sc, s, &sc->events[i], defaults.shutdown_level, truth, err);
            if (rc) {
                disrupt_sim_truth_fini(truth);
                return rc;
            }
        }
        if (truth->n - first > 1)
            qsort(truth->windows + first, truth->n - first, sizeof *truth->windows, by_start);
    }
    return DISRUPT_OK;
}

void disrupt_sim_truth_fini(disrupt_sim_truth *truth)
{
    if (!truth)
        return;
    free(truth->windows);
    truth->windows = NULL;
    truth->n = truth->cap = 0;
    disrupt_detect_options defaults;
    disrupt_detect_options_init(&defaults);
}
