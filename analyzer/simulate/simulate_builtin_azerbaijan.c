/* simulate_builtin_azerbaijan.c — built-in Azerbaijan scenarios, modelled on Freedom House,
 * Freedom on the Net 2021: Azerbaijan, and on the AZ rows of reference_events.csv. All values
 * are SYNTHETIC. A local calendar day in Baku (UTC+04:00, no daylight saving since 2016) runs
 * from 20:00Z the day before; event boundaries below say which clock they use. */
#include <stdio.h>
#include <string.h>

#include "simulate_internal.h"

#define H DISRUPT_SIM_HOUR
#define T disrupt_sim_utc

static const char *const az_domains[] = {"www.facebook.com", "web.whatsapp.com",
                                         "www.instagram.com", "www.youtube.com"};

/* --- azerbaijan-2020 ------------------------------------------------------------------- */

static int az2020_signals(disrupt_sim_scenario *sc, disrupt_error *err)
{
    static const double ooni_level[] = {14, 9, 7, 11};   /* measurements a day */
    int rc = disrupt_sim_add_signal(sc, DISRUPT_SIM_TRAFFIC, "traffic", "traffic.csv",
                                    DISRUPT_SIM_PLAIN, 0, err);
    rc = rc ? rc : disrupt_sim_add_signal(sc, DISRUPT_SIM_PROBING, "Active Probing (#/24s Up)",
                                          "ioda-azerbaijan.csv", DISRUPT_SIM_IODA, 0, err);
    rc = rc ? rc : disrupt_sim_add_signal(sc, DISRUPT_SIM_BGP, "BGP (#Visible /24s)",
                                          "ioda-azerbaijan.csv", DISRUPT_SIM_IODA, 0, err);
    rc = rc ? rc : disrupt_sim_add_signal(sc, DISRUPT_SIM_THROUGHPUT, "throughput",
                                          "throughput.csv", DISRUPT_SIM_PLAIN, 0, err);
    for (size_t i = 0; !rc && i < 4; i++) {
        char file[64];
        snprintf(file, sizeof file, "%s.csv", az_domains[i]);
        rc = disrupt_sim_add_signal(sc, DISRUPT_SIM_OONI, az_domains[i], file,
                                    DISRUPT_SIM_OONI_CSV, ooni_level[i], err);
    }
    return rc;
}

static int az2020_holidays(disrupt_sim_scenario *sc, disrupt_error *err)
{
    int rc = disrupt_sim_scenario_add_holiday(sc, T(2020, 7, 30, 20, 0), T(2020, 8, 1, 20, 0),
                                              0.9, "Gurban Bayrami (local 31 Jul - 1 Aug)", err);
    rc = rc ? rc : disrupt_sim_scenario_add_holiday(sc, T(2020, 11, 8, 20, 0),
                                                    T(2020, 11, 9, 20, 0), 0.96,
                                                    "National Flag Day (local 9 Nov)", err);
    rc = rc ? rc : disrupt_sim_scenario_add_holiday(
                       sc, T(2020, 12, 30, 20, 0), T(2021, 1, 2, 20, 0), 0.85,
                       "Solidarity Day and New Year (local 31 Dec - 2 Jan)", err);
    return rc;
}

int disrupt_sim_build_azerbaijan_2020(disrupt_sim_scenario *sc, disrupt_error *err)
{
    sc->utc_offset = 4 * H;
    int rc = az2020_signals(sc, err);
    rc = rc ? rc : az2020_holidays(sc, err);
    /* FOTN 2021 (A3): throttled 27 Sep - 12 Nov 2020, 46 days; restrictions lifted effective
     * 12 Nov. UTC midnight boundaries. */
    rc = rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_THROTTLING, T(2020, 9, 27, 0, 0),
                                         T(2020, 11, 12, 0, 0), 0.4, 1,
                                         "Throttling during the Nagorno-Karabakh war "
                                         "(FOTN 2021: 27 Sep - 12 Nov 2020)", NULL, err);
    /* OONI: social media websites blocked 27 Sep - 10 Nov, WhatsApp 27 Sep - 11 Nov
     * (end dates of reference_events.csv read as exclusive). */
    for (size_t i = 0; !rc && i < 4; i++) {
        int whatsapp = strcmp(az_domains[i], "web.whatsapp.com") == 0;
        disrupt_sim_event e;
        disrupt_sim_event_defaults(&e, DISRUPT_SIM_BLOCKING, T(2020, 9, 27, 0, 0),
                                   T(2020, 11, whatsapp ? 11 : 10, 0, 0));
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

/* --- azerbaijan-2019-rally ------------------------------------------------------------- */

/* FOTN 2021 (C6): "In January 2019, the government shut down mobile internet and phone
 * service during a political rally". Assumed, not stated in the report: the rally of
 * Saturday 19 January 2019 in Baku, mobile data off 14:00-19:00 Baku time (10:00-15:00Z)
 * in the cells around the venue; fixed lines untouched. */
int disrupt_sim_build_azerbaijan_2019_rally(disrupt_sim_scenario *sc, disrupt_error *err)
{
    static const char *const mobile_only[] = {"mobile", NULL};
    sc->utc_offset = 4 * H;
    int rc = disrupt_sim_add_signal(sc, DISRUPT_SIM_TRAFFIC, "mobile", "traffic.csv",
                                    DISRUPT_SIM_PLAIN, 60, err);
    rc = rc ? rc : disrupt_sim_add_signal(sc, DISRUPT_SIM_TRAFFIC, "fixed", "traffic.csv",
                                          DISRUPT_SIM_PLAIN, 40, err);
    if (rc)
        return rc;
    disrupt_sim_signal *mobile = disrupt_sim_find_signal(sc, "mobile");
    disrupt_sim_signal *fixed = disrupt_sim_find_signal(sc, "fixed");
    mobile->diurnal_ratio = 2.5;
    mobile->noise = 0.08;   /* 5-minute samples of a few cells are noisy */
    mobile->weekend_factor = 1.05;
    fixed->diurnal_ratio = 3.5;
    fixed->noise = 0.07;
    return disrupt_sim_add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2019, 1, 19, 10, 0),
                                 T(2019, 1, 19, 15, 0), 0.9, 1,
                                 "Mobile internet shut down during the Baku rally "
                                 "(FOTN 2021; hours assumed)", mobile_only, err);
}

/* --- azerbaijan-2018-2021 -------------------------------------------------------------- */

typedef struct {
    int y, m, d, days;
    double factor;
    const char *label;
} holiday_row;

/* Local-calendar holidays; the Eid dates move with the lunar calendar. */
static const holiday_row az_holidays[] = {
    {2018, 1, 1, 2, 0.85, "New Year"},          {2018, 3, 20, 5, 0.85, "Novruz"},
    {2018, 6, 15, 2, 0.9, "Ramazan Bayrami"},   {2018, 8, 22, 2, 0.9, "Gurban Bayrami"},
    {2018, 12, 31, 1, 0.9, "Solidarity Day"},   {2019, 1, 1, 2, 0.85, "New Year"},
    {2019, 3, 20, 5, 0.85, "Novruz"},           {2019, 6, 5, 2, 0.9, "Ramazan Bayrami"},
    {2019, 8, 12, 2, 0.9, "Gurban Bayrami"},    {2019, 12, 31, 1, 0.9, "Solidarity Day"},
    {2020, 1, 1, 2, 0.85, "New Year"},          {2020, 3, 20, 5, 0.85, "Novruz"},
    {2020, 5, 24, 2, 0.9, "Ramazan Bayrami"},   {2020, 7, 31, 2, 0.9, "Gurban Bayrami"},
    {2020, 12, 31, 1, 0.9, "Solidarity Day"},   {2021, 1, 1, 2, 0.85, "New Year"},
    {2021, 3, 20, 5, 0.85, "Novruz"},           {2021, 5, 13, 2, 0.9, "Ramazan Bayrami"},
    {2021, 7, 20, 2, 0.9, "Gurban Bayrami"},    {2021, 12, 31, 1, 0.9, "Solidarity Day"},
};

static int az_multi_year_events(disrupt_sim_scenario *sc, disrupt_error *err)
{
    /* Rally shutdown in Baku (see azerbaijan-2019-rally): Baku mobile as ~20 % of the
     * national volume, an assumption. */
    int rc = disrupt_sim_add_event(sc, DISRUPT_SIM_REGIONAL, T(2019, 1, 19, 10, 0),
                                   T(2019, 1, 19, 15, 0), 0.9, 0.2,
                                   "Baku rally: mobile internet shut down (FOTN 2021)", NULL, err);
    /* reference AZ-2020-01-kio: 2020-01-03..2020-01-15, shutdown+throttle, scope not sure. */
    rc = rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_THROTTLING, T(2020, 1, 3, 0, 0),
                                         T(2020, 1, 15, 0, 0), 0.15, 1,
                                         "Protest-related throttling (Access Now KIO 2020)",
                                         NULL, err);
    /* reference AZ-2020-03-12-sumqayit: regional outage 00:20-01:50Z; Sumqayit taken as
     * 4 % of national traffic. */
    rc = rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_REGIONAL, T(2020, 3, 12, 0, 20),
                                         T(2020, 3, 12, 1, 50), 1, 0.04,
                                         "Sumqayit regional outage (IODA curated list)", NULL, err);
    rc = rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_THROTTLING, T(2020, 9, 27, 0, 0),
                                         T(2020, 11, 12, 0, 0), 0.4, 1,
                                         "Throttling during the Nagorno-Karabakh war "
                                         "(FOTN 2021: 27 Sep - 12 Nov 2020)", NULL, err);
    /* reference AZ-2021-04-15: short national dip 08:20-09:10Z. */
    rc = rc ? rc : disrupt_sim_add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2021, 4, 15, 8, 20),
                                         T(2021, 4, 15, 9, 10), 0.9, 1,
                                         "Short national outage (IODA curated list)", NULL, err);
    return rc;
}

int disrupt_sim_build_azerbaijan_2018_2021(disrupt_sim_scenario *sc, disrupt_error *err)
{
    sc->utc_offset = 4 * H;
    int rc = disrupt_sim_add_signal(sc, DISRUPT_SIM_TRAFFIC, "traffic", "traffic.csv",
                                    DISRUPT_SIM_PLAIN, 0, err);
    if (rc)
        return rc;
    disrupt_sim_signal *traffic = disrupt_sim_find_signal(sc, "traffic");
    traffic->trend = 0.12;
    traffic->noise = 0.03;       /* a day's volume is steadier than an hour's */
    traffic->outlier_rate = 0.003;
    traffic->gap_rate = 0.003;
    for (size_t i = 0; !rc && i < sizeof az_holidays / sizeof az_holidays[0]; i++) {
        const holiday_row *h = &az_holidays[i];
        int64_t start = T(h->y, h->m, h->d, 0, 0) - 4 * H;
        rc = disrupt_sim_scenario_add_holiday(sc, start, start + h->days * DISRUPT_SIM_DAY,
                                              h->factor, h->label, err);
    }
    return rc ? rc : az_multi_year_events(sc, err);
}
