/* simulate_event.c — how injected events change each simulated signal (see simulate.h).
 *
 * Every event removes `share · depth · strength(t)` of the signal it acts on, where strength
 * is 0 outside the event, 1 inside it, and rises linearly over `ramp` seconds at the start
 * of a ramped event. A sample stands for the interval [t, t + step), so the generator
 * averages over sub-samples at most 5 minutes apart: a nightly shutdown starting at 18:30
 * takes half of the 18:00 hourly sample, as an averaging collector would see it. */
#include "disrupt/simulate/simulate.h"

#include <string.h>

#define SUBSAMPLE_SECONDS 300
#define MAX_SUBSAMPLES 288

static int kind_acts_on(disrupt_sim_event_kind kind, disrupt_sim_signal_type type)
{
    switch (kind) {
    case DISRUPT_SIM_SHUTDOWN:
    case DISRUPT_SIM_NIGHTLY:
    case DISRUPT_SIM_REGIONAL:
        return 1;   /* OONI: fewer measurements get through */
    case DISRUPT_SIM_THROTTLING:
        return type == DISRUPT_SIM_TRAFFIC || type == DISRUPT_SIM_THROUGHPUT;
    case DISRUPT_SIM_BLOCKING:
        return type == DISRUPT_SIM_OONI;
    }
    return 0;
}

int disrupt_sim_event_affects(const disrupt_sim_scenario *sc, const disrupt_sim_event *e,
                              size_t s)
{
    const disrupt_sim_signal *sig = &sc->signals[s];
    if (!kind_acts_on(e->kind, sig->type))
        return 0;
    if (e->ntargets == 0)
        return 1;
    for (size_t i = 0; i < e->ntargets; i++)
        if (strcmp(e->targets[i], sig->name) == 0)
            return 1;
    return 0;
}

/* Start of the night that contains t, or of the last one before t. */
static int64_t night_start(const disrupt_sim_event *e, int64_t t)
{
    int64_t since = t - e->daily_start;
    int64_t day = since >= 0 ? since / 86400 : (since - 86399) / 86400;
    return day * 86400 + e->daily_start;
}

/* 0..1: how much of the event's full effect applies at time t. */
static double strength(const disrupt_sim_event *e, int64_t t)
{
    if (t < e->start || t >= e->end)
        return 0.0;
    if (e->kind == DISRUPT_SIM_NIGHTLY)
        return t - night_start(e, t) < e->daily_length ? 1.0 : 0.0;
    if (e->ramp > 0 && t - e->start < e->ramp)
        return (double)(t - e->start) / (double)e->ramp;
    return 1.0;
}

double disrupt_sim_event_factor_at(const disrupt_sim_scenario *sc, size_t s, int64_t t)
{
    double f = 1.0;
    for (size_t i = 0; i < sc->nevents; i++) {
        const disrupt_sim_event *e = &sc->events[i];
        if (e->kind == DISRUPT_SIM_BLOCKING || !disrupt_sim_event_affects(sc, e, s))
            continue;
        f *= 1.0 - e->share * e->depth * strength(e, t);
    }
    return f;
}

size_t disrupt_sim_subsamples(int64_t span)
{
    int64_t k = span / SUBSAMPLE_SECONDS;
    return k < 1 ? 1 : k > MAX_SUBSAMPLES ? MAX_SUBSAMPLES : (size_t)k;
}

double disrupt_sim_event_factor(const disrupt_sim_scenario *sc, size_t s, int64_t t)
{
    int64_t span = sc->signals[s].type == DISRUPT_SIM_OONI ? 86400 : sc->step;
    size_t k = disrupt_sim_subsamples(span);
    double sum = 0.0;
    for (size_t j = 0; j < k; j++)
        sum += disrupt_sim_event_factor_at(sc, s, t + (span * (int64_t)j) / (int64_t)k);
    return sum / (double)k;
}

/* Fraction of [day, day + 1 day) covered by event e. */
static double day_coverage(const disrupt_sim_event *e, int64_t day)
{
    int64_t a = e->start > day ? e->start : day;
    int64_t b = e->end < day + 86400 ? e->end : day + 86400;
    return b > a ? (double)(b - a) / 86400.0 : 0.0;
}

double disrupt_sim_blocked_share(const disrupt_sim_scenario *sc, size_t s, int64_t day)
{
    double base = sc->signals[s].blocked_share;
    double share = base;
    for (size_t i = 0; i < sc->nevents; i++) {
        const disrupt_sim_event *e = &sc->events[i];
        if (e->kind != DISRUPT_SIM_BLOCKING || !disrupt_sim_event_affects(sc, e, s))
            continue;
        double blocked = base + (e->blocked_share - base) * day_coverage(e, day);
        if (blocked > share)
            share = blocked;
    }
    return share;
}
