/* simulate_suite.c — random but reproducible scenarios for scoring detectors
 * (`disrupt simulate --suite`). Case i of seed S is always the same scenario: its own
 * gsl_rng_mt19937 is seeded from (S, i) through a SplitMix64 mix.
 *
 * Each case has a `traffic` series (step 1 h, 30 min or 10 min; 4 to 13 weeks; diurnal ratio
 * 2-4, noise 2-10 %, trend, weekends, rare outliers and gaps) and, when it has a blocking
 * event, a `www.example.com` OONI series. About one case in five has no event at all (a
 * detector must stay silent); the others have one to three events of any kind, placed on
 * the step grid, a week away from the ends of the series and 2-10 days from each other
 * (the series grows to fit them). */
#include "disrupt/simulate/simulate.h"

#include <gsl/gsl_rng.h>
#include <stdio.h>
#include <string.h>

#include "simulate_internal.h"

#define DAY DISRUPT_SIM_DAY
#define HOUR DISRUPT_SIM_HOUR
#define MAX_EVENTS 3

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static double uniform(gsl_rng *r, double lo, double hi)
{
    return lo + (hi - lo) * gsl_rng_uniform(r);
}

/* A whole number of steps in [lo, hi] seconds, at least one step. */
static int64_t steps_between(gsl_rng *r, int64_t step, int64_t lo, int64_t hi)
{
    int64_t a = lo / step, b = hi / step;
    if (a < 1)
        a = 1;
    if (b < a)
        b = a;
    return (a + (int64_t)gsl_rng_uniform_int(r, (unsigned long)(b - a + 1))) * step;
}

static void randomise_traffic(gsl_rng *r, disrupt_sim_signal *s)
{
    s->level = uniform(r, 50, 500);
    s->diurnal_ratio = uniform(r, 2, 4);
    s->peak_hour = uniform(r, 19, 23);
    s->weekend_factor = uniform(r, 0.85, 1.0);
    s->trend = uniform(r, -0.05, 0.2);
    s->noise = uniform(r, 0.02, 0.10);
    s->outlier_rate = uniform(r, 0, 0.002);
    s->gap_rate = uniform(r, 0, 0.001);
}

static disrupt_sim_event_kind pick_kind(gsl_rng *r)
{
    static const disrupt_sim_event_kind kinds[] = {
        DISRUPT_SIM_SHUTDOWN, DISRUPT_SIM_SHUTDOWN, DISRUPT_SIM_THROTTLING,
        DISRUPT_SIM_THROTTLING, DISRUPT_SIM_NIGHTLY, DISRUPT_SIM_REGIONAL, DISRUPT_SIM_BLOCKING};
    return kinds[gsl_rng_uniform_int(r, sizeof kinds / sizeof kinds[0])];
}

/* Fills e with a random event of kind k starting at `start`; returns its length. */
static int64_t random_event(gsl_rng *r, disrupt_sim_event *e, disrupt_sim_event_kind k,
                            int64_t start, int64_t step)
{
    int64_t len = 0;
    disrupt_sim_event_defaults(e, k, start, start + step);
    switch (k) {
    case DISRUPT_SIM_SHUTDOWN:
        len = steps_between(r, step, 2 * HOUR, 3 * DAY);
        e->depth = uniform(r, 0.9, 1.0);
        break;
    case DISRUPT_SIM_THROTTLING:
        len = steps_between(r, step, DAY, 20 * DAY);
        e->depth = uniform(r, 0.2, 0.6);
        e->ramp = gsl_rng_uniform(r) < 0.3 ? steps_between(r, step, HOUR, 12 * HOUR) : 0;
        break;
    case DISRUPT_SIM_NIGHTLY:
        e->daily_start = steps_between(r, step, 0, 23 * HOUR) % DAY;
        e->daily_length = steps_between(r, step, 4 * HOUR, 10 * HOUR);
        e->depth = uniform(r, 0.8, 1.0);
        /* The range of nights starts with the first night. */
        e->start = start - start % DAY + e->daily_start;
        if (e->start < start)
            e->start += DAY;
        len = (int64_t)(5 + gsl_rng_uniform_int(r, 16)) * DAY - DAY + e->daily_length;
        break;
    case DISRUPT_SIM_REGIONAL:
        len = steps_between(r, step, 6 * HOUR, 5 * DAY);
        e->share = uniform(r, 0.2, 0.5);
        break;
    case DISRUPT_SIM_BLOCKING:
        len = steps_between(r, DAY, 5 * DAY, 30 * DAY);
        e->start = start - start % DAY;   /* OONI counts are daily */
        e->blocked_share = uniform(r, 0.6, 0.95);
        break;
    }
    e->end = e->start + len;
    return e->end - start;
}

static int add_signals(disrupt_sim_scenario *sc, gsl_rng *r, int with_ooni, disrupt_error *err)
{
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, DISRUPT_SIM_TRAFFIC);
    s.name = "traffic";
    s.file = "traffic.csv";
    randomise_traffic(r, &s);
    int rc = disrupt_sim_scenario_add_signal(sc, &s, err);
    if (rc || !with_ooni)
        return rc;
    disrupt_sim_signal_defaults(&s, DISRUPT_SIM_OONI);
    s.name = "www.example.com";
    s.file = "www.example.com.csv";
    s.level = uniform(r, 5, 40);
    return disrupt_sim_scenario_add_signal(sc, &s, err);
}

int disrupt_sim_scenario_random(unsigned long seed, size_t index, disrupt_sim_scenario **out,
                                disrupt_error *err)
{
    static const int64_t steps[] = {HOUR, HOUR, HOUR, 30 * 60, 10 * 60};
    *out = NULL;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r)
        return disrupt_error_nomem(err);
    gsl_rng_set(r, (unsigned long)(splitmix64(((uint64_t)seed << 32) ^ index) & 0xffffffffUL));
    int64_t step = steps[gsl_rng_uniform_int(r, 5)];
    int64_t days = step == HOUR ? 28 + (int64_t)gsl_rng_uniform_int(r, 64)
                                : 28 + (int64_t)gsl_rng_uniform_int(r, 15);
    int64_t start = disrupt_sim_utc(2021, 1, 4, 0, 0) + (int64_t)gsl_rng_uniform_int(r, 300) * DAY;

    /* Events left to right, 2 to 10 days apart; the series then ends a week after them. */
    disrupt_sim_event events[MAX_EVENTS];
    double u = gsl_rng_uniform(r);
    size_t nevents = u < 0.2 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3;
    int64_t cursor = start + 7 * DAY;
    int with_ooni = 0;
    for (size_t i = 0; i < nevents; i++) {
        disrupt_sim_event_kind k = pick_kind(r);
        int64_t len = random_event(r, &events[i], k, cursor, step);
        with_ooni |= k == DISRUPT_SIM_BLOCKING;
        cursor += len + steps_between(r, step, 2 * DAY, 10 * DAY);
    }
    int64_t end = start + days * DAY;
    if (end < cursor + 7 * DAY)
        end = cursor + 7 * DAY;
    end -= (end - start) % DAY;
    if (end < cursor + 7 * DAY)
        end += DAY;

    char name[48], command[96];
    snprintf(name, sizeof name, "case-%04zu", index + 1);
    snprintf(command, sizeof command, "disrupt simulate --suite DIR --seed %lu (case %zu)", seed,
             index + 1);
    /* The series' own seed comes from the case stream too. */
    disrupt_sim_scenario *sc = disrupt_sim_scenario_alloc(name, start, end, step, gsl_rng_get(r));
    int rc = sc ? DISRUPT_OK : disrupt_error_nomem(err);
    rc = rc ? rc : disrupt_sim_scenario_set_text(sc, "Random accuracy-suite case (SYNTHETIC)",
                                                 command, err);
    if (!rc)
        sc->utc_offset = ((long)gsl_rng_uniform_int(r, 25) - 12) * HOUR;
    rc = rc ? rc : add_signals(sc, r, with_ooni, err);
    for (size_t i = 0; !rc && i < nevents; i++)
        rc = disrupt_sim_scenario_add_event(sc, &events[i], err);
    rc = rc ? rc : disrupt_sim_scenario_validate(sc, err);
    gsl_rng_free(r);
    if (rc) {
        disrupt_sim_scenario_free(sc);
        return rc;
    }
    *out = sc;
    return DISRUPT_OK;
}
