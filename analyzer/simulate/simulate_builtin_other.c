/* simulate_builtin_other.c — built-in Myanmar 2021 and Iran 2019 scenarios, modelled on the
 * MM-2021-* and IR-2019-11 rows of reference_events.csv (IODA curated outage list, Access
 * Now #KeepItOn). All values are SYNTHETIC. Times are UTC. */
#include "simulate_internal.h"

#define H DISRUPT_SIM_HOUR
#define T disrupt_sim_utc

static int level_signals(disrupt_sim_scenario *sc, const char *ioda_file, disrupt_error *err)
{
    int rc = disrupt_sim_add_signal(sc, DISRUPT_SIM_TRAFFIC, "traffic", "traffic.csv",
                                    DISRUPT_SIM_PLAIN, 0, err);
    rc = rc ? rc : disrupt_sim_add_signal(sc, DISRUPT_SIM_PROBING, "Active Probing (#/24s Up)",
                                          ioda_file, DISRUPT_SIM_IODA, 0, err);
    rc = rc ? rc : disrupt_sim_add_signal(sc, DISRUPT_SIM_BGP, "BGP (#Visible /24s)", ioda_file,
                                          DISRUPT_SIM_IODA, 0, err);
    return rc;
}

/* Shutdowns there cut access links; routes stayed announced, so BGP is not a target. */
static const char *const access_signals[] = {"traffic", "Active Probing (#/24s Up)", NULL};

/* --- myanmar-2021 ---------------------------------------------------------------------- */

int disrupt_sim_build_myanmar_2021(disrupt_sim_scenario *sc, disrupt_error *err)
{
    static const char *const traffic_only[] = {"traffic", NULL};
    sc->utc_offset = 6 * H + 30 * 60;   /* Asia/Yangon, UTC+06:30 */
    int rc = level_signals(sc, "ioda-myanmar.csv", err);
    rc = rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2021, 2, 1, 0, 20),
                                         T(2021, 2, 1, 8, 15), 0.85, 1,
                                         "Coup: national shutdown (IODA curated list)",
                                         access_signals, err);
    rc = rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2021, 2, 6, 2, 20),
                                         T(2021, 2, 7, 8, 30), 0.9, 1,
                                         "National shutdown 6-7 Feb (IODA curated list)",
                                         access_signals, err);
    if (rc)
        return rc;
    disrupt_sim_event nightly;
    disrupt_sim_event_defaults(&nightly, DISRUPT_SIM_NIGHTLY, T(2021, 2, 14, 18, 30),
                               T(2021, 4, 28, 2, 30));
    nightly.daily_start = 18 * H + 30 * 60;
    nightly.daily_length = 8 * H;
    nightly.depth = 0.9;
    nightly.label = "Nightly shutdown 18:30-02:30 UTC (01:00-09:00 local; IODA curated list)";
    nightly.targets = (char **)access_signals;
    nightly.ntargets = 2;
    rc = disrupt_sim_scenario_add_event(sc, &nightly, err);
    /* KIO: mobile data cut 2021-03-15..2021-04-28; mobile taken as half the traffic. */
    return rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2021, 3, 15, 0, 0),
                                           T(2021, 4, 28, 0, 0), 1, 0.5,
                                           "Mobile data shut down (Access Now KIO)", traffic_only,
                                           err);
}

/* --- iran-2019 ------------------------------------------------------------------------- */

typedef struct {
    int d0, h0, m0, d1, h1, m1;   /* November 2019, UTC */
    double share;                 /* part of the traffic still cut */
    const char *label;
} stage_row;

/* IODA curated list: 2019-11-16T14:00 - 2019-11-24T20:30, mobile first then fixed, staged
 * restoration by ISP. The stages and their shares are assumed (see the dataset README). */
static const stage_row iran_stages[] = {
    {16, 14, 0, 16, 16, 30, 0.55, "Stage 1: mobile networks cut"},
    {16, 16, 30, 21, 12, 0, 0.95, "Stage 2: national shutdown"},
    {21, 12, 0, 23, 12, 0, 0.6, "Stage 3: fixed lines partly restored"},
    {23, 12, 0, 24, 20, 30, 0.25, "Stage 4: mobile networks restored one by one"},
};

int disrupt_sim_build_iran_2019(disrupt_sim_scenario *sc, disrupt_error *err)
{
    static const char *const bgp_only[] = {"BGP (#Visible /24s)", NULL};
    sc->utc_offset = 3 * H + 30 * 60;                /* Asia/Tehran in November */
    sc->weekend_mask = 1u << 5;                      /* Friday */
    int rc = level_signals(sc, "ioda-iran.csv", err);
    for (size_t i = 0; !rc && i < sizeof iran_stages / sizeof iran_stages[0]; i++) {
        const stage_row *s = &iran_stages[i];
        rc = disrupt_sim_add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2019, 11, s->d0, s->h0, s->m0),
                                   T(2019, 11, s->d1, s->h1, s->m1), 1, s->share, s->label,
                                   access_signals, err);
    }
    /* A fifth of the prefixes withdrawn while the shutdown was national. */
    return rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2019, 11, 16, 16, 30),
                                           T(2019, 11, 21, 12, 0), 1, 0.2,
                                           "Prefixes withdrawn during the national shutdown",
                                           bgp_only, err);
}
