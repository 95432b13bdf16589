/* simulate_builtin.c — the built-in scenarios behind the bundled datasets in datasets/.
 *
 * Each is modelled on documented facts (../shared/reference_events.csv and the Freedom on
 * the Net 2021 Azerbaijan report); every value they produce is SYNTHETIC. Times are UTC;
 * a local calendar day in Baku (UTC+04:00) runs from 20:00Z the day before. */
#include "disrupt/simulate.h"

#include <stdio.h>
#include <string.h>

#include "disrupt/timefmt.h"

#define HOUR 3600
#define DAY 86400

static int64_t utc(int y, int mo, int d, int h, int mi)
{
    return disrupt_time_from_civil(y, mo, d, h, mi, 0);
}

typedef int (*builder)(disrupt_sim_scenario *sc, disrupt_error *err);

typedef struct {
    const char *name;
    const char *title;
    unsigned long seed;
    int first[3], last[3];   /* first day and the day after the last, UTC */
    int64_t step;
    builder build;
} builtin;

static int add(disrupt_sim_scenario *sc, disrupt_sim_signal_type type, const char *name,
               const char *file, disrupt_sim_dialect dialect, disrupt_sim_signal *out,
               disrupt_error *err)
{
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, type);
    s.name = (char *)name;
    s.file = (char *)file;
    s.dialect = dialect;
    if (out) {
        *out = s;   /* the caller adjusts and adds it */
        return DISRUPT_OK;
    }
    return disrupt_sim_scenario_add_signal(sc, &s, err);
}

static int add_event(disrupt_sim_scenario *sc, disrupt_sim_event_kind kind, int64_t start,
                     int64_t end, double depth, const char *label, const char *target,
                     disrupt_error *err)
{
    disrupt_sim_event e;
    disrupt_sim_event_defaults(&e, kind, start, end);
    e.depth = depth;
    e.label = (char *)label;
    char *targets[1] = {(char *)target};
    if (target) {
        e.targets = targets;
        e.ntargets = 1;
    }
    return disrupt_sim_scenario_add_event(sc, &e, err);
}

/* --- azerbaijan-2020 ------------------------------------------------------------------- */

static const char *const az_domains[] = {"www.facebook.com", "web.whatsapp.com",
                                         "www.instagram.com", "www.youtube.com"};

static int az2020_signals(disrupt_sim_scenario *sc, disrupt_error *err)
{
    static const double ooni_level[] = {14, 9, 7, 11};   /* measurements a day */
    int rc = add(sc, DISRUPT_SIM_TRAFFIC, "traffic", "traffic.csv", DISRUPT_SIM_PLAIN, NULL, err);
    rc = rc ? rc : add(sc, DISRUPT_SIM_PROBING, "Active Probing (#/24s Up)", "ioda-azerbaijan.csv",
                       DISRUPT_SIM_IODA, NULL, err);
    rc = rc ? rc : add(sc, DISRUPT_SIM_BGP, "BGP (#Visible /24s)", "ioda-azerbaijan.csv",
                       DISRUPT_SIM_IODA, NULL, err);
    rc = rc ? rc : add(sc, DISRUPT_SIM_THROUGHPUT, "throughput", "throughput.csv",
                       DISRUPT_SIM_PLAIN, NULL, err);
    for (size_t i = 0; !rc && i < 4; i++) {
        disrupt_sim_signal s;
        char file[64];
        snprintf(file, sizeof file, "%s.csv", az_domains[i]);
        add(sc, DISRUPT_SIM_OONI, az_domains[i], file, DISRUPT_SIM_OONI_CSV, &s, err);
        s.level = ooni_level[i];
        rc = disrupt_sim_scenario_add_signal(sc, &s, err);
    }
    return rc;
}

static int az2020_holidays(disrupt_sim_scenario *sc, disrupt_error *err)
{
    int rc = disrupt_sim_scenario_add_holiday(sc, utc(2020, 7, 30, 20, 0), utc(2020, 8, 1, 20, 0),
                                              0.9, "Gurban Bayrami (local 31 Jul - 1 Aug)", err);
    rc = rc ? rc : disrupt_sim_scenario_add_holiday(sc, utc(2020, 11, 8, 20, 0),
                                                    utc(2020, 11, 9, 20, 0), 0.96,
                                                    "National Flag Day (local 9 Nov)", err);
    rc = rc ? rc : disrupt_sim_scenario_add_holiday(sc, utc(2020, 12, 30, 20, 0),
                                                    utc(2021, 1, 2, 20, 0), 0.85,
                                                    "Solidarity Day and New Year (local 31 Dec - 2 Jan)",
                                                    err);
    return rc;
}

static int build_az2020(disrupt_sim_scenario *sc, disrupt_error *err)
{
    sc->utc_offset = 4 * HOUR;
    int rc = az2020_signals(sc, err);
    rc = rc ? rc : az2020_holidays(sc, err);
    /* Freedom on the Net 2021 (A3): throttled 27 Sep - 12 Nov 2020, 46 days; restrictions
     * lifted effective 12 Nov. UTC midnight boundaries. */
    rc = rc ? rc : add_event(sc, DISRUPT_SIM_THROTTLING, utc(2020, 9, 27, 0, 0),
                             utc(2020, 11, 12, 0, 0), 0.4,
                             "Throttling during the Nagorno-Karabakh war (FOTN 2021: 27 Sep - 12 Nov 2020)",
                             NULL, err);
    /* OONI: social media websites blocked 27 Sep - 10 Nov, WhatsApp 27 Sep - 11 Nov
     * (end dates of reference_events.csv read as exclusive). */
    for (size_t i = 0; !rc && i < 4; i++) {
        int whatsapp = strcmp(az_domains[i], "web.whatsapp.com") == 0;
        disrupt_sim_event e;
        disrupt_sim_event_defaults(&e, DISRUPT_SIM_BLOCKING, utc(2020, 9, 27, 0, 0),
                                   utc(2020, 11, whatsapp ? 11 : 10, 0, 0));
        e.blocked_share = whatsapp ? 0.97 : 0.9;
        e.label = whatsapp ? "WhatsApp blocked (OONI: 27 Sep - 11 Nov 2020)"
                           : "Social media website blocked (OONI: 27 Sep - 10 Nov 2020)";
        char *target = (char *)az_domains[i];
        e.targets = &target;
        e.ntargets = 1;
        rc = disrupt_sim_scenario_add_event(sc, &e, err);
    }
    return rc;
}

static const builtin builtins[] = {
    {"azerbaijan-2020",
     "Azerbaijan, June 2020 - January 2021: throttling and social media blocking during the "
     "Nagorno-Karabakh war (SYNTHETIC)",
     20200927UL, {2020, 6, 1}, {2021, 2, 1}, HOUR, build_az2020},
};

#define NBUILTINS (sizeof builtins / sizeof builtins[0])

const char *const *disrupt_sim_scenario_names(void)
{
    static const char *names[NBUILTINS + 1];
    for (size_t i = 0; i < NBUILTINS; i++)
        names[i] = builtins[i].name;
    names[NBUILTINS] = NULL;
    return names;
}

int disrupt_sim_scenario_builtin(const char *name, unsigned long seed,
                                 disrupt_sim_scenario **out, disrupt_error *err)
{
    *out = NULL;
    const builtin *b = NULL;
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(builtins[i].name, name) == 0)
            b = &builtins[i];
    if (!b)
        return disrupt_error_set(err, DISRUPT_EINVAL, "unknown scenario '%s'", name);
    if (seed == 0)
        seed = b->seed;
    disrupt_sim_scenario *sc = disrupt_sim_scenario_alloc(
        name, utc(b->first[0], b->first[1], b->first[2], 0, 0),
        utc(b->last[0], b->last[1], b->last[2], 0, 0), b->step, seed);
    if (!sc)
        return disrupt_error_nomem(err);
    char command[160];
    snprintf(command, sizeof command, "disrupt simulate --scenario %s --seed %lu", name, seed);
    int rc = disrupt_sim_scenario_set_text(sc, b->title, command, err);
    rc = rc ? rc : b->build(sc, err);
    rc = rc ? rc : disrupt_sim_scenario_validate(sc, err);
    if (rc) {
        disrupt_sim_scenario_free(sc);
        return rc;
    }
    *out = sc;
    return DISRUPT_OK;
}
