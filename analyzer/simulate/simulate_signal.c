/* simulate_signal.c — the normal (event-free, noise-free) level of each simulated signal:
 * trend, weekly pattern, holidays and a daily cycle in local time (see simulate.h). */
#include "disrupt/simulate/simulate.h"

#include <math.h>

/* Daily cycle: cos θ + 0.35 cos(2θ − 0.9) rises to an evening peak and falls to an early
 * morning trough about 9.6 hours later, like national traffic. Its extrema (found on a
 * 0.1-minute grid) map it onto [-1, 1]; DIURNAL_PEAK_SHIFT puts the maximum on peak_hour. */
#define DIURNAL_MAX 1.2914240031322541
#define DIURNAL_MIN (-1.0025384407343938)
#define DIURNAL_PEAK_SHIFT 0.9966666666666667
#define SECONDS_PER_YEAR (365.25 * 86400.0)

/* Local time of day in hours [0, 24). */
static double local_hour(const disrupt_sim_scenario *sc, int64_t t)
{
    int64_t local = t + sc->utc_offset;
    int64_t sod = ((local % 86400) + 86400) % 86400;
    return (double)sod / 3600.0;
}

/* Local day of week, 0 = Sunday (1970-01-01 was a Thursday). */
static int local_weekday(const disrupt_sim_scenario *sc, int64_t t)
{
    int64_t local = t + sc->utc_offset;
    int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return (int)(((day + 4) % 7 + 7) % 7);
}

/* The daily shape mapped onto [-1, 1], maximal at peak_hour. */
static double diurnal_unit(double hour, double peak_hour)
{
    double theta = 2.0 * M_PI * (hour - (peak_hour - DIURNAL_PEAK_SHIFT)) / 24.0;
    double raw = cos(theta) + 0.35 * cos(2.0 * theta - 0.9);
    double mid = 0.5 * (DIURNAL_MAX + DIURNAL_MIN);
    double half = 0.5 * (DIURNAL_MAX - DIURNAL_MIN);
    return (raw - mid) / half;
}

/* Multiplier with max/min exactly `ratio` and mean about 1. */
static double diurnal_factor(double hour, double peak_hour, double ratio)
{
    double a = (ratio - 1.0) / (ratio + 1.0);
    return 1.0 + a * diurnal_unit(hour, peak_hour);
}

static double growth(const disrupt_sim_scenario *sc, double trend, int64_t t)
{
    if (trend == 0)
        return 1.0;
    return exp(log1p(trend) * (double)(t - sc->start) / SECONDS_PER_YEAR);
}

static double weekly(const disrupt_sim_scenario *sc, const disrupt_sim_signal *s, int64_t t)
{
    return (sc->weekend_mask >> local_weekday(sc, t)) & 1u ? s->weekend_factor : 1.0;
}

static double holiday(const disrupt_sim_scenario *sc, int64_t t)
{
    double f = 1.0;
    for (size_t i = 0; i < sc->nholidays; i++)
        if (t >= sc->holidays[i].start && t < sc->holidays[i].end)
            f *= sc->holidays[i].factor;
    return f;
}

double disrupt_sim_signal_expected(const disrupt_sim_scenario *sc, size_t i, int64_t t)
{
    const disrupt_sim_signal *s = &sc->signals[i];
    double hour = local_hour(sc, t);
    switch (s->type) {
    case DISRUPT_SIM_TRAFFIC:
        return s->level * growth(sc, s->trend, t) * weekly(sc, s, t) * holiday(sc, t) *
               diurnal_factor(hour, s->peak_hour, s->diurnal_ratio);
    case DISRUPT_SIM_BGP:
        return s->level * growth(sc, s->trend, t);
    case DISRUPT_SIM_PROBING:
        return s->level * growth(sc, s->trend, t) *
               diurnal_factor(hour, s->peak_hour, s->diurnal_ratio);
    case DISRUPT_SIM_THROUGHPUT:
        /* Congestion: slowest when traffic peaks. */
        return s->level * growth(sc, s->trend, t) /
               diurnal_factor(hour, s->peak_hour, s->diurnal_ratio);
    case DISRUPT_SIM_OONI:
        return s->level * growth(sc, s->trend, t) * weekly(sc, s, t) * holiday(sc, t);
    }
    return s->level;
}
