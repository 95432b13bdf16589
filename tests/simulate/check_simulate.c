/* check_simulate.c — the simulator: determinism per seed, truth windows that match the
 * injected changes, statistical properties of the signal models, scenario checks, the
 * writers' bytes, JSON scenarios and the random suite. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/csvread.h"
#include "disrupt/workflows/events.h"
#include "disrupt/ingest/timeparse.h"
#include "disrupt/simulate/simulate.h"
#include "disrupt/core/timefmt.h"
#include "testutil.h"

#define HOUR 3600
#define DAY 86400

static int64_t T(int y, int mo, int d, int h)
{
    return disrupt_time_from_civil(y, mo, d, h, 0, 0);
}

/* A traffic-only scenario: 8 weeks hourly from Monday 2021-03-01, no trend, no outliers
 * and no gaps unless the test sets them. */
static disrupt_sim_scenario *traffic_scenario(unsigned long seed, double ratio, double noise)
{
    disrupt_sim_scenario *sc = disrupt_sim_scenario_alloc("t", T(2021, 3, 1, 0),
                                                          T(2021, 4, 26, 0), HOUR, seed);
    ck_assert_ptr_nonnull(sc);
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, DISRUPT_SIM_TRAFFIC);
    s.name = "traffic";
    s.file = "traffic.csv";
    s.diurnal_ratio = ratio;
    s.noise = noise;
    s.trend = 0;
    s.outlier_rate = 0;
    s.gap_rate = 0;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_signal(sc, &s, &err), 0);
    return sc;
}

static void add_event(disrupt_sim_scenario *sc, disrupt_sim_event_kind kind, int64_t start,
                      int64_t end, double depth, double share)
{
    disrupt_sim_event e;
    disrupt_sim_event_defaults(&e, kind, start, end);
    e.depth = depth;
    e.share = share;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_event(sc, &e, &err), 0);
}

static disrupt_sim_output generate(const disrupt_sim_scenario *sc)
{
    disrupt_sim_output out = {0};
    disrupt_error err = {0};
    int rc = disrupt_sim_generate(sc, &out, &err);
    ck_assert_msg(rc == 0, "generate: %s", err.message);
    return out;
}

/* --- determinism --------------------------------------------------------------------- */

START_TEST(same_seed_same_values)
{
    disrupt_sim_scenario *sc = traffic_scenario(7, 3, 0.05);
    disrupt_sim_output a = generate(sc), b = generate(sc);
    ck_assert_uint_eq(a.series[0].n, 56 * 24);
    ck_assert_mem_eq(a.series[0].values, b.series[0].values, a.series[0].n * sizeof(double));
    disrupt_sim_output_fini(&a);
    disrupt_sim_output_fini(&b);
    disrupt_sim_scenario_free(sc);
}
END_TEST

START_TEST(other_seed_other_values)
{
    disrupt_sim_scenario *s7 = traffic_scenario(7, 3, 0.05), *s8 = traffic_scenario(8, 3, 0.05);
    disrupt_sim_output a = generate(s7), b = generate(s8);
    size_t same = 0;
    for (size_t k = 0; k < a.series[0].n; k++)
        same += a.series[0].values[k] == b.series[0].values[k];
    ck_assert_uint_lt(same, 5);
    disrupt_sim_output_fini(&a);
    disrupt_sim_output_fini(&b);
    disrupt_sim_scenario_free(s7);
    disrupt_sim_scenario_free(s8);
}
END_TEST

/* Each signal draws from its own stream: a second signal leaves the first as it was. */
START_TEST(signals_have_their_own_streams)
{
    disrupt_sim_scenario *one = traffic_scenario(11, 3, 0.05), *two = traffic_scenario(11, 3, 0.05);
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, DISRUPT_SIM_BGP);
    s.name = "bgp";
    s.file = "traffic.csv";
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_signal(two, &s, &err), 0);
    disrupt_sim_output a = generate(one), b = generate(two);
    ck_assert_uint_eq(b.nseries, 2);
    ck_assert_mem_eq(a.series[0].values, b.series[0].values, a.series[0].n * sizeof(double));
    disrupt_sim_output_fini(&a);
    disrupt_sim_output_fini(&b);
    disrupt_sim_scenario_free(one);
    disrupt_sim_scenario_free(two);
}
END_TEST

/* --- truth matches the injected change ------------------------------------------------ */

static const disrupt_sim_window *window_at(const disrupt_sim_truth *t, const char *signal,
                                           int64_t at)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->windows[i].signal, signal) == 0 && at >= t->windows[i].start &&
            at < t->windows[i].end)
            return &t->windows[i];
    return NULL;
}

/* With and without events the noise is the same, so the ratio of the two series is the
 * event multiplier: exactly the truth level inside each window, exactly 1 outside. */
START_TEST(truth_windows_match_injected_change)
{
    disrupt_sim_scenario *plain = traffic_scenario(5, 3, 0.08);
    disrupt_sim_scenario *hit = traffic_scenario(5, 3, 0.08);
    add_event(hit, DISRUPT_SIM_THROTTLING, T(2021, 3, 15, 0), T(2021, 3, 22, 0), 0.35, 1);
    add_event(hit, DISRUPT_SIM_SHUTDOWN, T(2021, 4, 1, 6), T(2021, 4, 2, 18), 0.97, 1);
    add_event(hit, DISRUPT_SIM_REGIONAL, T(2021, 4, 10, 0), T(2021, 4, 12, 0), 1, 0.3);
    disrupt_sim_truth truth;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_truth_build(hit, &truth, &err), 0);
    ck_assert_uint_eq(truth.n, 3);
    ck_assert_str_eq(truth.windows[0].kind, "throttling");
    ck_assert_str_eq(truth.windows[1].kind, "shutdown");
    ck_assert_str_eq(truth.windows[2].kind, "throttling");
    ck_assert_str_eq(truth.windows[2].event, "regional");
    ck_assert_double_eq_tol(truth.windows[2].level, 0.7, 1e-12);

    disrupt_sim_output a = generate(plain), b = generate(hit);
    size_t inside = 0;
    for (size_t k = 0; k < a.series[0].n; k++) {
        int64_t t = a.series[0].start + (int64_t)k * HOUR;
        double ratio = b.series[0].values[k] / a.series[0].values[k];
        const disrupt_sim_window *w = window_at(&truth, "traffic", t);
        if (w) {
            inside++;
            ck_assert_double_eq_tol(ratio, w->level, 1e-9);
        } else {
            ck_assert_double_eq_tol(ratio, 1.0, 1e-12);
        }
    }
    ck_assert_uint_eq(inside, 7 * 24 + 36 + 48);
    disrupt_sim_output_fini(&a);
    disrupt_sim_output_fini(&b);
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_scenario_free(plain);
    disrupt_sim_scenario_free(hit);
}
END_TEST

/* A ramp starts at the truth start and reaches full depth after `ramp` seconds. */
START_TEST(ramp_reaches_full_depth)
{
    disrupt_sim_scenario *sc = traffic_scenario(5, 3, 0.05);
    disrupt_sim_event e;
    disrupt_sim_event_defaults(&e, DISRUPT_SIM_THROTTLING, T(2021, 3, 15, 0), T(2021, 3, 25, 0));
    e.depth = 0.5;
    e.ramp = 2 * DAY;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_event(sc, &e, &err), 0);
    ck_assert_double_eq_tol(disrupt_sim_event_factor_at(sc, 0, T(2021, 3, 14, 23)), 1.0, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor_at(sc, 0, T(2021, 3, 15, 0)), 1.0, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor_at(sc, 0, T(2021, 3, 16, 0)), 0.75, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor_at(sc, 0, T(2021, 3, 17, 0)), 0.5, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor_at(sc, 0, T(2021, 3, 24, 23)), 0.5, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor_at(sc, 0, T(2021, 3, 25, 0)), 1.0, 1e-12);
    disrupt_sim_scenario_free(sc);
}
END_TEST

/* Nightly 18:30-02:30 UTC for 5 nights: five windows, and the hourly sample at 18:00 has
 * half of its interval shut down. */
START_TEST(nightly_gives_one_window_per_night)
{
    disrupt_sim_scenario *sc = traffic_scenario(5, 3, 0.05);
    disrupt_sim_event e;
    int64_t first = T(2021, 3, 10, 18) + 30 * 60;
    disrupt_sim_event_defaults(&e, DISRUPT_SIM_NIGHTLY, first, first + 4 * DAY + 8 * HOUR);
    e.daily_start = 18 * HOUR + 30 * 60;
    e.daily_length = 8 * HOUR;
    e.depth = 1;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_event(sc, &e, &err), 0);
    disrupt_sim_truth truth;
    ck_assert_int_eq(disrupt_sim_truth_build(sc, &truth, &err), 0);
    ck_assert_uint_eq(truth.n, 5);
    for (size_t i = 0; i < truth.n; i++) {
        ck_assert_int_eq(truth.windows[i].start, first + (int64_t)i * DAY);
        ck_assert_int_eq(truth.windows[i].end, first + (int64_t)i * DAY + 8 * HOUR);
        ck_assert_str_eq(truth.windows[i].kind, "shutdown");
        ck_assert_str_eq(truth.windows[i].event, "nightly");
    }
    ck_assert_double_eq_tol(disrupt_sim_event_factor(sc, 0, T(2021, 3, 11, 18)), 0.5, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor(sc, 0, T(2021, 3, 11, 23)), 0.0, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor(sc, 0, T(2021, 3, 12, 3)), 1.0, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor(sc, 0, T(2021, 3, 15, 2)), 0.5, 1e-12);
    ck_assert_double_eq_tol(disrupt_sim_event_factor(sc, 0, T(2021, 3, 15, 18)), 1.0, 1e-12);
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_scenario_free(sc);
}
END_TEST

/* --- statistical properties ------------------------------------------------------------ */

/* Peak/trough of the mean hour-of-day profile, and the hour of the peak (local). */
static double diurnal_ratio(const disrupt_sim_scenario *sc, const disrupt_sim_series *s,
                            int *peak)
{
    double sum[24] = {0};
    int n[24] = {0};
    for (size_t k = 0; k < s->n; k++) {
        if (isnan(s->values[k]))
            continue;
        int64_t local = s->start + (int64_t)k * s->step + sc->utc_offset;
        int h = (int)((local % DAY) / HOUR);
        sum[h] += s->values[k];
        n[h]++;
    }
    double hi = 0, lo = INFINITY;
    for (int h = 0; h < 24; h++) {
        double m = sum[h] / n[h];
        if (m > hi) {
            hi = m;
            *peak = h;
        }
        if (m < lo)
            lo = m;
    }
    return hi / lo;
}

START_TEST(diurnal_ratio_as_asked)
{
    static const double asked[] = {2.0, 3.0, 4.0};
    for (size_t i = 0; i < 3; i++) {
        disrupt_sim_scenario *sc = traffic_scenario(100 + i, asked[i], 0.05);
        sc->utc_offset = 4 * HOUR;
        disrupt_sim_output out = generate(sc);
        int peak = -1;
        double r = diurnal_ratio(sc, &out.series[0], &peak);
        /* Hourly means of an hourly-averaged cycle: within 5 % of the ratio asked. */
        ck_assert_msg(fabs(r / asked[i] - 1) < 0.05, "asked %g, got %g", asked[i], r);
        ck_assert_msg(peak >= 20 && peak <= 22, "peak at %d local, expected ~21", peak);
        disrupt_sim_output_fini(&out);
        disrupt_sim_scenario_free(sc);
    }
}
END_TEST

START_TEST(default_traffic_is_realistic)
{
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, DISRUPT_SIM_TRAFFIC);
    ck_assert(s.diurnal_ratio >= 2 && s.diurnal_ratio <= 4);
    ck_assert(s.noise > 0 && s.outlier_rate > 0 && s.gap_rate > 0 && s.trend != 0);
    ck_assert(s.weekend_factor < 1);
}
END_TEST

START_TEST(weekend_and_noise_levels)
{
    disrupt_sim_scenario *sc = traffic_scenario(21, 3, 0.05);
    sc->signals[0].weekend_factor = 0.8;
    disrupt_sim_output out = generate(sc);
    sc->signals[0].noise = 0;
    disrupt_sim_output clean = generate(sc);
    const disrupt_sim_series *s = &out.series[0];
    double wk = 0, we = 0;
    int nwk = 0, nwe = 0;
    double logres = 0, logres2 = 0;
    for (size_t k = 0; k < s->n; k++) {
        int64_t t = s->start + (int64_t)k * HOUR;
        int weekday = (int)(((t / DAY) + 4) % 7);
        if (weekday == 0 || weekday == 6) {
            we += s->values[k];
            nwe++;
        } else {
            wk += s->values[k];
            nwk++;
        }
        /* Same draws without noise: the log ratio is the noise itself. */
        double res = log(s->values[k] / clean.series[0].values[k]);
        logres += res;
        logres2 += res * res;
    }
    ck_assert_double_eq_tol((we / nwe) / (wk / nwk), 0.8, 0.02);
    double mean = logres / (double)s->n;
    double sd = sqrt(logres2 / (double)s->n - mean * mean);
    ck_assert_double_eq_tol(mean, 0.0, 0.005);
    ck_assert_msg(sd > 0.047 && sd < 0.053, "log-noise sd %g, asked 0.05", sd);
    disrupt_sim_output_fini(&out);
    disrupt_sim_output_fini(&clean);
    disrupt_sim_scenario_free(sc);
}
END_TEST

START_TEST(gaps_and_outliers_are_rare)
{
    disrupt_sim_scenario *sc = traffic_scenario(3, 3, 0.05);
    disrupt_sim_output clean = generate(sc);
    sc->signals[0].gap_rate = 0.002;
    sc->signals[0].outlier_rate = 0.01;
    disrupt_sim_output dirty = generate(sc);
    size_t gaps = 0, outliers = 0;
    for (size_t k = 0; k < clean.series[0].n; k++) {
        ck_assert(!isnan(clean.series[0].values[k]));
        double v = dirty.series[0].values[k];
        if (isnan(v))
            gaps++;
        else if (fabs(v / clean.series[0].values[k] - 1) > 1e-9)
            outliers++;
    }
    ck_assert_uint_gt(gaps, 0);
    ck_assert_uint_lt(gaps, clean.series[0].n / 10);
    ck_assert_uint_gt(outliers, 2);
    ck_assert_uint_lt(outliers, 40);
    disrupt_sim_output_fini(&clean);
    disrupt_sim_output_fini(&dirty);
    disrupt_sim_scenario_free(sc);
}
END_TEST

/* A holiday lowers the level by its factor on its days only (same draws, so exactly). */
START_TEST(holidays_and_trend)
{
    disrupt_sim_scenario *plain = traffic_scenario(9, 3, 0.05);
    disrupt_sim_scenario *festive = traffic_scenario(9, 3, 0.05);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_holiday(festive, T(2021, 3, 20, 0), T(2021, 3, 23, 0),
                                                      0.8, "Novruz", &err), 0);
    disrupt_sim_output a = generate(plain), b = generate(festive);
    for (size_t k = 0; k < a.series[0].n; k++) {
        int64_t t = a.series[0].start + (int64_t)k * HOUR;
        double want = t >= T(2021, 3, 20, 0) && t < T(2021, 3, 23, 0) ? 0.8 : 1.0;
        ck_assert_double_eq_tol(b.series[0].values[k] / a.series[0].values[k], want, 1e-9);
    }
    /* +10 % a year: same local hour and weekday 364 days later. */
    plain->signals[0].trend = 0.1;
    double r = disrupt_sim_signal_expected(plain, 0, T(2022, 2, 28, 15)) /
               disrupt_sim_signal_expected(plain, 0, T(2021, 3, 1, 15));
    ck_assert_double_eq_tol(r, pow(1.1, (double)(364 * DAY) / (365.25 * DAY)), 1e-9);
    disrupt_sim_output_fini(&a);
    disrupt_sim_output_fini(&b);
    disrupt_sim_scenario_free(plain);
    disrupt_sim_scenario_free(festive);
}
END_TEST

/* BGP is flat and moves only with shutdowns; throughput drops with throttling; a regional
 * outage takes its share off every level signal. */
START_TEST(signals_react_to_their_events)
{
    disrupt_sim_scenario *sc = traffic_scenario(4, 3, 0.05);
    static const disrupt_sim_signal_type types[] = {DISRUPT_SIM_BGP, DISRUPT_SIM_PROBING,
                                                    DISRUPT_SIM_THROUGHPUT};
    static const char *const names[] = {"bgp", "probing", "throughput"};
    disrupt_error err = {0};
    for (size_t i = 0; i < 3; i++) {
        disrupt_sim_signal s;
        disrupt_sim_signal_defaults(&s, types[i]);
        s.name = (char *)names[i];
        s.file = "traffic.csv";
        ck_assert_int_eq(disrupt_sim_scenario_add_signal(sc, &s, &err), 0);
    }
    add_event(sc, DISRUPT_SIM_THROTTLING, T(2021, 3, 10, 0), T(2021, 3, 12, 0), 0.5, 1);
    add_event(sc, DISRUPT_SIM_SHUTDOWN, T(2021, 3, 20, 0), T(2021, 3, 21, 0), 1, 1);
    add_event(sc, DISRUPT_SIM_REGIONAL, T(2021, 4, 1, 0), T(2021, 4, 2, 0), 1, 0.25);
    int64_t throttled = T(2021, 3, 11, 0), dark = T(2021, 3, 20, 12), regional = T(2021, 4, 1, 12);
    /* traffic, bgp, probing, throughput */
    static const double want[3][4] = {{0.5, 1, 1, 0.5}, {0, 0, 0, 0}, {0.75, 0.75, 0.75, 0.75}};
    const int64_t at[3] = {throttled, dark, regional};
    for (size_t e = 0; e < 3; e++)
        for (size_t s = 0; s < 4; s++)
            ck_assert_double_eq_tol(disrupt_sim_event_factor(sc, s, at[e]), want[e][s], 1e-12);
    disrupt_sim_truth truth;
    ck_assert_int_eq(disrupt_sim_truth_build(sc, &truth, &err), 0);
    ck_assert_uint_eq(truth.n, 3 + 2 + 2 + 3);   /* traffic, bgp, probing, throughput */
    ck_assert_ptr_null(window_at(&truth, "bgp", throttled));
    ck_assert_str_eq(window_at(&truth, "throughput", throttled)->kind, "throttling");
    ck_assert_str_eq(window_at(&truth, "bgp", dark)->kind, "shutdown");

    disrupt_sim_output out = generate(sc);
    const disrupt_sim_series *bgp = &out.series[1];
    double lo = INFINITY, hi = 0;
    for (size_t k = 0; k < bgp->n; k++) {
        int64_t t = bgp->start + (int64_t)k * HOUR;
        if (window_at(&truth, "bgp", t))
            continue;
        ck_assert_double_eq(bgp->values[k], round(bgp->values[k]));   /* a count */
        lo = fmin(lo, bgp->values[k]);
        hi = fmax(hi, bgp->values[k]);
    }
    ck_assert_msg(hi / lo < 1.03, "BGP outside shutdowns ranges %g..%g", lo, hi);
    disrupt_sim_output_fini(&out);
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_scenario_free(sc);
}
END_TEST

static disrupt_sim_scenario *ooni_scenario(void)
{
    disrupt_sim_scenario *sc = disrupt_sim_scenario_alloc("o", T(2020, 1, 1, 0), T(2021, 1, 1, 0),
                                                          HOUR, 99);
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, DISRUPT_SIM_OONI);
    s.name = "www.example.com";
    s.file = "www.example.com.csv";
    s.level = 20;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_signal(sc, &s, &err), 0);
    disrupt_sim_event e;
    disrupt_sim_event_defaults(&e, DISRUPT_SIM_BLOCKING, T(2020, 9, 27, 0), T(2020, 11, 10, 0));
    e.blocked_share = 0.9;
    ck_assert_int_eq(disrupt_sim_scenario_add_event(sc, &e, &err), 0);
    return sc;
}

/* About 2 % blocked normally, the event's share while blocked; volume varies, sometimes 0;
 * the counters add up as the OONI API defines them. */
START_TEST(ooni_counts_blocked_share)
{
    disrupt_sim_scenario *sc = ooni_scenario();
    disrupt_sim_output out = generate(sc);
    const disrupt_sim_series *c = &out.series[0];
    ck_assert_uint_eq(c->n, 366);
    long normal_blocked = 0, normal_valid = 0, war_blocked = 0, war_valid = 0;
    size_t zero_days = 0;
    long lo = 1000, hi = 0;
    for (size_t k = 0; k < c->n; k++) {
        int64_t day = c->start + (int64_t)k * DAY;
        ck_assert_int_eq(c->anomaly[k] + c->confirmed[k] + c->failure[k] + c->ok[k], c->measured[k]);
        long blocked = c->anomaly[k] + c->confirmed[k], valid = c->measured[k] - c->failure[k];
        if (day >= T(2020, 9, 27, 0) && day < T(2020, 11, 10, 0)) {
            war_blocked += blocked;
            war_valid += valid;
        } else {
            normal_blocked += blocked;
            normal_valid += valid;
        }
        zero_days += c->measured[k] == 0;
        lo = c->measured[k] < lo ? c->measured[k] : lo;
        hi = c->measured[k] > hi ? c->measured[k] : hi;
    }
    double normal = (double)normal_blocked / (double)normal_valid;
    double war = (double)war_blocked / (double)war_valid;
    ck_assert_msg(normal > 0.012 && normal < 0.03, "normal blocked share %g", normal);
    ck_assert_msg(war > 0.85 && war < 0.95, "blocked share while blocked %g", war);
    ck_assert_uint_gt(zero_days, 0);
    ck_assert_uint_lt(zero_days, 60);
    ck_assert_int_eq(lo, 0);
    ck_assert_int_gt(hi, 15);
    disrupt_sim_output_fini(&out);
    disrupt_sim_scenario_free(sc);
}
END_TEST

/* --- scenario checks ------------------------------------------------------------------- */

static void expect_invalid(disrupt_sim_scenario *sc, const char *fragment)
{
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_validate(sc, &err), DISRUPT_EINVAL);
    ck_assert_msg(strstr(err.message, fragment), "'%s' lacks '%s'", err.message, fragment);
    disrupt_sim_output out = {0};
    ck_assert_int_eq(disrupt_sim_generate(sc, &out, &err), DISRUPT_EINVAL);
    ck_assert_ptr_null(out.series);
    disrupt_sim_scenario_free(sc);
}

START_TEST(bad_scenarios_are_refused)
{
    disrupt_sim_scenario *sc = traffic_scenario(1, 3, 0.05);
    add_event(sc, DISRUPT_SIM_THROTTLING, T(2021, 3, 5, 0), T(2021, 3, 6, 0), 1.5, 1);
    expect_invalid(sc, "event 1 (throttling): depth must be in [0, 1], found 1.5");

    sc = traffic_scenario(1, 3, 0.05);
    add_event(sc, DISRUPT_SIM_THROTTLING, T(2021, 3, 6, 0), T(2021, 3, 5, 0), 0.3, 1);
    expect_invalid(sc, "end must be after start");

    sc = traffic_scenario(1, 3, 0.5);
    sc->signals[0].diurnal_ratio = 0.5;
    expect_invalid(sc, "diurnal_ratio must be in [1, 100]");

    sc = traffic_scenario(1, 3, 0.05);
    free(sc->signals[0].file);
    sc->signals[0].file = strdup("../escape.csv");
    expect_invalid(sc, "plain file name");

    sc = traffic_scenario(1, 3, 0.05);
    disrupt_sim_signal s = sc->signals[0];
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_add_signal(sc, &s, &err), 0);
    expect_invalid(sc, "defined twice");

    sc = traffic_scenario(1, 3, 0.05);
    disrupt_sim_event e;
    disrupt_sim_event_defaults(&e, DISRUPT_SIM_BLOCKING, T(2021, 3, 5, 0), T(2021, 3, 6, 0));
    char *target = "traffic";
    e.targets = &target;
    e.ntargets = 1;
    ck_assert_int_eq(disrupt_sim_scenario_add_event(sc, &e, &err), 0);
    expect_invalid(sc, "does not act on 'traffic'");

    sc = traffic_scenario(1, 3, 0.05);
    target = "nosuch";
    disrupt_sim_event_defaults(&e, DISRUPT_SIM_SHUTDOWN, T(2021, 3, 5, 0), T(2021, 3, 6, 0));
    e.targets = &target;
    e.ntargets = 1;
    ck_assert_int_eq(disrupt_sim_scenario_add_event(sc, &e, &err), 0);
    expect_invalid(sc, "'nosuch' is not a signal");
}
END_TEST

/* --- built-in scenarios ---------------------------------------------------------------- */

START_TEST(builtins_build)
{
    size_t n = 0;
    for (const char *const *name = disrupt_sim_scenario_names(); *name; name++, n++) {
        disrupt_sim_scenario *sc = NULL;
        disrupt_error err = {0};
        ck_assert_msg(disrupt_sim_scenario_builtin(*name, 0, &sc, &err) == 0, "%s: %s", *name,
                      err.message);
        ck_assert_str_eq(sc->name, *name);
        ck_assert_ptr_nonnull(strstr(sc->title, "SYNTHETIC"));
        disrupt_sim_scenario_free(sc);
    }
    ck_assert_uint_eq(n, 5);
    disrupt_sim_scenario *sc = NULL;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_builtin("atlantis-2030", 0, &sc, &err), DISRUPT_EINVAL);
    ck_assert_ptr_null(sc);
}
END_TEST

/* The dataset the demo reads: traffic at ~60 % from 27 Sep to 12 Nov 2020 (UTC midnights). */
START_TEST(azerbaijan_2020_throttling)
{
    disrupt_sim_scenario *sc = NULL;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_builtin("azerbaijan-2020", 0, &sc, &err), 0);
    disrupt_sim_truth truth;
    ck_assert_int_eq(disrupt_sim_truth_build(sc, &truth, &err), 0);
    const disrupt_sim_window *w = window_at(&truth, "traffic", T(2020, 10, 15, 0));
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(w->start, T(2020, 9, 27, 0));
    ck_assert_int_eq(w->end, T(2020, 11, 12, 0));
    ck_assert_str_eq(w->kind, "throttling");
    ck_assert_double_eq_tol(w->level, 0.6, 1e-12);
    w = window_at(&truth, "web.whatsapp.com", T(2020, 11, 10, 12));
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(w->end, T(2020, 11, 11, 0));
    ck_assert_ptr_null(window_at(&truth, "www.facebook.com", T(2020, 11, 10, 12)));
    ck_assert_ptr_null(window_at(&truth, "bgp", T(2020, 10, 15, 0)));
    ck_assert_str_eq(sc->signals[1].name, "Active Probing (#/24s Up)");
    ck_assert_str_eq(sc->signals[1].id, "active-probing");

    disrupt_sim_output out = generate(sc);
    const disrupt_sim_series *s = &out.series[0];
    ck_assert_uint_eq(s->n, 5880);
    double before = 0, during = 0;
    int nb = 0, nd = 0;
    for (size_t k = 0; k < s->n; k++) {
        int64_t t = s->start + (int64_t)k * HOUR;
        if (isnan(s->values[k]))
            continue;
        if (t >= T(2020, 8, 16, 0) && t < T(2020, 9, 27, 0)) {
            before += s->values[k];
            nb++;
        } else if (t >= T(2020, 9, 27, 0) && t < T(2020, 11, 8, 0)) {
            during += s->values[k];
            nd++;
        }
    }
    ck_assert_double_eq_tol((during / nd) / (before / nb), 0.6, 0.03);
    disrupt_sim_output_fini(&out);
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_scenario_free(sc);
}
END_TEST

/* --- the hand-written context of each dataset ------------------------------------------ */

typedef struct {
    const disrupt_sim_scenario *sc;
    size_t rows;
} claims_ctx;

static int check_claim_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    claims_ctx *c = ctx;
    (void)err;
    if (c->rows++ == 0) {
        ck_assert_uint_ge(n, 3);
        ck_assert_str_eq(f[0].data, "label");
        ck_assert_str_eq(f[1].data, "start");
        ck_assert_str_eq(f[2].data, "end");
        return 0;
    }
    ck_assert_msg(n >= 3 && n <= 5, "claims row %zu has %zu fields", c->rows, n);
    int64_t start, end;
    ck_assert_int_eq(disrupt_time_parse(f[1].data, &start), 0);
    ck_assert_int_eq(disrupt_time_parse(f[2].data, &end), 0);
    ck_assert_int_gt(end, start);
    ck_assert_int_lt(start, c->sc->end);
    ck_assert_int_gt(end, c->sc->start);
    if (n > 3 && f[3].len)
        ck_assert_msg(strcmp(f[3].data, "shutdown") == 0 || strcmp(f[3].data, "throttling") == 0 ||
                      strcmp(f[3].data, "blocking") == 0, "claim kind '%s'", f[3].data);
    if (n > 4 && f[4].len) {
        int known = 0;
        for (size_t i = 0; i < c->sc->nsignals; i++)
            known |= strcmp(c->sc->signals[i].id, f[4].data) == 0;
        ck_assert_msg(known, "claim names signal '%s', not in %s", f[4].data, c->sc->name);
    }
    return 0;
}

/* events.csv and claims.csv of every dataset read cleanly and fall in its time range. */
START_TEST(dataset_context_files)
{
    for (const char *const *name = disrupt_sim_scenario_names(); *name; name++) {
        disrupt_sim_scenario *sc = NULL;
        disrupt_error err = {0};
        ck_assert_int_eq(disrupt_sim_scenario_builtin(*name, 0, &sc, &err), 0);
        char rel[256];
        snprintf(rel, sizeof rel, "datasets/%s/events.csv", *name);
        disrupt_event_list events;
        disrupt_event_list_init(&events);
        ck_assert_msg(disrupt_events_read(tu_source(rel), &events, &err) == 0, "%s", err.message);
        ck_assert_uint_ge(events.count, 2);
        for (size_t i = 0; i < events.count; i++)
            ck_assert_msg(events.items[i].time >= sc->start - 2 * DAY &&
                          events.items[i].time <= sc->end, "%s: event %zu out of range", rel, i + 1);
        disrupt_event_list_fini(&events);

        snprintf(rel, sizeof rel, "datasets/%s/claims.csv", *name);
        claims_ctx ctx = {sc, 0};
        disrupt_csv_reader reader;
        disrupt_csv_reader_init(&reader, check_claim_row, &ctx);
        reader.delimiter = ',';
        ck_assert_msg(disrupt_csv_read(tu_source(rel), rel, &reader, &err) == 0, "%s", err.message);
        ck_assert_uint_ge(ctx.rows, 2);
        disrupt_sim_scenario_free(sc);
    }
}
END_TEST

/* --- writers ---------------------------------------------------------------------------- */

static size_t count_lines(const char *text, const char *prefix, size_t *matching)
{
    size_t lines = 0;
    *matching = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        lines++;
        *matching += strncmp(p, prefix, strlen(prefix)) == 0;
        if (!nl)
            break;
        p = nl + 1;
    }
    return lines;
}

START_TEST(writes_labelled_dialects)
{
    disrupt_sim_scenario *sc = NULL;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_sim_scenario_builtin("azerbaijan-2020", 0, &sc, &err), 0);
    disrupt_sim_output out = generate(sc);
    disrupt_sim_truth truth;
    ck_assert_int_eq(disrupt_sim_truth_build(sc, &truth, &err), 0);
    char *dir = tu_tempdir();
    ck_assert_int_eq(disrupt_sim_write_all(sc, &out, &truth, dir, &err), 0);

    char path[512];
    snprintf(path, sizeof path, "%s/traffic.csv", dir);
    char *text = tu_read_file(path, NULL);
    ck_assert_ptr_nonnull(text);
    ck_assert(strncmp(text, "# SYNTHETIC data generated by disrupt simulate --scenario "
                            "azerbaijan-2020 --seed 20200927", 82) == 0);
    ck_assert_ptr_nonnull(strstr(text, "\ntime,traffic\n2020-06-01T00:00:00Z,"));
    ck_assert_ptr_nonnull(strstr(text, "\n2021-01-31T23:00:00Z,"));
    size_t rows;
    size_t lines = count_lines(text, "20", &rows);
    ck_assert_uint_eq(rows, 5880);
    ck_assert_uint_eq(lines, 5882);
    size_t empty = 0, nan = 0;
    for (const char *p = text; (p = strstr(p, "Z,\n")); p++)
        empty++;
    for (size_t k = 0; k < out.series[0].n; k++)
        nan += isnan(out.series[0].values[k]);
    ck_assert_uint_eq(empty, nan);
    free(text);

    snprintf(path, sizeof path, "%s/ioda-azerbaijan.csv", dir);
    text = tu_read_file(path, NULL);
    ck_assert_ptr_nonnull(strstr(text, "\nTime (UTC),Active Probing (#/24s Up),BGP (#Visible /24s)\n"
                                       "2020-06-01 00:00:00,"));
    free(text);
    snprintf(path, sizeof path, "%s/www.facebook.com.csv", dir);
    text = tu_read_file(path, NULL);
    ck_assert_ptr_nonnull(strstr(text, "\nmeasurement_start_day,domain,anomaly_count,"
                                       "confirmed_count,failure_count,measurement_count,ok_count\n"
                                       "2020-06-01,www.facebook.com,"));
    free(text);
    snprintf(path, sizeof path, "%s/truth.json", dir);
    text = tu_read_file(path, NULL);
    ck_assert_ptr_nonnull(strstr(text, "\"synthetic\": true"));
    ck_assert_ptr_nonnull(strstr(text, "\"start\": \"2020-09-27T00:00:00Z\""));
    ck_assert_ptr_nonnull(strstr(text, "\"end\": \"2020-11-12T00:00:00Z\""));
    free(text);
    snprintf(path, sizeof path, "%s/meta.json", dir);
    text = tu_read_file(path, NULL);
    ck_assert_ptr_nonnull(strstr(text, "\"local_utc_offset\": \"+04:00\""));
    ck_assert_ptr_nonnull(strstr(text, "\"seed\": 20200927"));
    free(text);

    /* A folder that does not exist: an error naming the file, nothing half-written. */
    snprintf(path, sizeof path, "%s/missing", dir);
    ck_assert_int_eq(disrupt_sim_write_all(sc, &out, &truth, path, &err), DISRUPT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "missing/traffic.csv"));

    tu_rmrf(dir);
    free(dir);
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_output_fini(&out);
    disrupt_sim_scenario_free(sc);
}
END_TEST

/* --- JSON scenarios ---------------------------------------------------------------------- */

START_TEST(spec_reads_scenario)
{
    disrupt_sim_scenario *sc = NULL;
    disrupt_error err = {0};
    const char *path = tu_source("tests/data/simulate-throttle.json");
    ck_assert_msg(disrupt_sim_scenario_from_json(path, 0, 0, &sc, &err) == 0, "%s", err.message);
    ck_assert_str_eq(sc->name, "throttle-20pc-3d");
    ck_assert_uint_eq(sc->seed, 42);
    ck_assert_int_eq(sc->step, HOUR);
    ck_assert_int_eq(sc->start, T(2021, 3, 1, 0));
    ck_assert_int_eq(sc->utc_offset, 4 * HOUR);
    ck_assert_uint_eq(sc->nsignals, 3);
    ck_assert_str_eq(sc->signals[2].file, "www.example.com.csv");
    ck_assert_int_eq(sc->signals[2].dialect, DISRUPT_SIM_OONI_CSV);
    ck_assert_uint_eq(sc->nevents, 4);
    ck_assert_double_eq_tol(sc->events[0].depth, 0.2, 1e-12);
    ck_assert_int_eq(sc->events[1].ramp, 12 * HOUR);
    ck_assert_int_eq(sc->events[3].daily_start, 18 * HOUR);
    ck_assert_int_eq(sc->events[3].daily_length, 8 * HOUR);
    ck_assert_uint_eq(sc->nholidays, 1);
    disrupt_sim_scenario_free(sc);
    /* --seed wins over the file's seed */
    ck_assert_int_eq(disrupt_sim_scenario_from_json(path, 5, 1, &sc, &err), 0);
    ck_assert_uint_eq(sc->seed, 5);
    disrupt_sim_scenario_free(sc);
}
END_TEST

static void expect_spec_error(const char *text, const char *fragment)
{
    char *dir = tu_tempdir();
    char *path = tu_write_file(dir, "spec.json", text);
    disrupt_sim_scenario *sc = NULL;
    disrupt_error err = {0};
    ck_assert_int_ne(disrupt_sim_scenario_from_json(path, 0, 0, &sc, &err), 0);
    ck_assert_ptr_null(sc);
    ck_assert_msg(strstr(err.message, fragment), "'%s' lacks '%s'", err.message, fragment);
    ck_assert_ptr_nonnull(strstr(err.message, "spec.json"));
    free(path);
    tu_rmrf(dir);
    free(dir);
}

#define SPEC_HEAD "{\"name\": \"x\", \"start\": \"2021-01-01\", \"end\": \"2021-01-10\", \"step\": \"1h\", "

START_TEST(spec_errors_name_the_place)
{
    expect_spec_error("{\"name\": \"x\",\n  \"start\": 2021-01-01}", "spec.json:2:");
    expect_spec_error("{\"name\": \"x\",\n  \"start\": \"2021-01-01\"", "unexpected end of file");
    expect_spec_error(SPEC_HEAD "\"signals\": [{\"name\": \"t\", \"type\": \"traffic\", \"nosie\": 1}]}",
                      "signals[0]: unknown field 'nosie'");
    expect_spec_error(SPEC_HEAD "\"signals\": [{\"name\": \"t\", \"type\": \"tv\"}]}",
                      "signals[0].type: expected one of traffic");
    expect_spec_error(SPEC_HEAD "\"signals\": [{\"name\": \"t\", \"type\": \"traffic\"}], "
                      "\"events\": [{\"kind\": \"shutdown\", \"start\": \"1 May\", \"end\": \"2021-01-03\"}]}",
                      "events[0].start: expected a UTC time");
    expect_spec_error(SPEC_HEAD "\"signals\": [{\"name\": \"t\", \"type\": \"traffic\"}], "
                      "\"events\": [{\"kind\": \"throttling\", \"start\": \"2021-01-02\", "
                      "\"end\": \"2021-01-03\", \"ramp\": \"3 hours\"}]}",
                      "events[0].ramp: expected a duration");
    expect_spec_error(SPEC_HEAD "\"signals\": [{\"name\": \"t\", \"type\": \"traffic\", \"level\": -3}]}",
                      "signal 't': level must be in (0, 1e+12], found -3");
    expect_spec_error(SPEC_HEAD "\"seed\": 0, \"signals\": []}", "seed: expected a whole number");
    expect_spec_error(SPEC_HEAD "\"signals\": []}", "at least one signal");
    expect_spec_error("{\"name\": \"x\", \"start\": \"2021-01-01\", \"end\": \"2021-01-10\", "
                      "\"signals\": []}", "step: expected a duration");
    expect_spec_error("null", "found null");
    expect_spec_error("[1, 2]", "expected a JSON object describing a scenario");
    expect_spec_error("{}\n{}", "spec.json:2:1: expected the end of the file");
    expect_spec_error("{\"name\": \"x\", \"start\": \"2021-02-29\"}", "start: expected a UTC time");
    expect_spec_error(SPEC_HEAD "\"signals\": [{\"name\": \"t\", \"type\": \"traffic\", "
                      "\"decimals\": 1e300}]}", "decimals: expected a whole number from 0 to 9");
}
END_TEST

/* --- suite ------------------------------------------------------------------------------- */

START_TEST(suite_is_reproducible_and_varied)
{
    int kinds[5] = {0};
    size_t empty = 0, steps_seen = 0;
    int64_t last_step = 0;
    for (size_t i = 0; i < 60; i++) {
        disrupt_sim_scenario *a = NULL, *b = NULL;
        disrupt_error err = {0};
        ck_assert_int_eq(disrupt_sim_scenario_random(17, i, &a, &err), 0);
        ck_assert_int_eq(disrupt_sim_scenario_random(17, i, &b, &err), 0);
        ck_assert_int_eq(a->start, b->start);
        ck_assert_int_eq(a->end, b->end);
        ck_assert_uint_eq(a->seed, b->seed);
        ck_assert_uint_eq(a->nevents, b->nevents);
        empty += a->nevents == 0;
        for (size_t e = 0; e < a->nevents; e++) {
            kinds[a->events[e].kind]++;
            ck_assert_int_eq(a->events[e].start, b->events[e].start);
            ck_assert_double_eq(a->events[e].depth, b->events[e].depth);
            /* a week of normal data on both sides */
            ck_assert_int_ge(a->events[e].start, a->start + 7 * DAY);
            ck_assert_int_le(a->events[e].end, a->end - 7 * DAY);
            if (e > 0)
                ck_assert_int_ge(a->events[e].start, a->events[e - 1].end + 2 * DAY - DAY);
        }
        if (a->step != last_step)
            steps_seen++;
        last_step = a->step;
        disrupt_sim_scenario_free(a);
        disrupt_sim_scenario_free(b);
    }
    ck_assert_uint_ge(empty, 5);
    ck_assert_uint_le(empty, 25);
    for (int k = 0; k < 5; k++)
        ck_assert_msg(kinds[k] > 0, "no %s event in 60 cases", disrupt_sim_event_kind_name(k));
    ck_assert_uint_gt(steps_seen, 3);
}
END_TEST

static Suite *simulate_suite(void)
{
    Suite *s = suite_create("simulate");
    TCase *tc = tcase_create("determinism");
    tcase_add_test(tc, same_seed_same_values);
    tcase_add_test(tc, other_seed_other_values);
    tcase_add_test(tc, signals_have_their_own_streams);
    suite_add_tcase(s, tc);
    tc = tcase_create("truth");
    tcase_add_test(tc, truth_windows_match_injected_change);
    tcase_add_test(tc, ramp_reaches_full_depth);
    tcase_add_test(tc, nightly_gives_one_window_per_night);
    suite_add_tcase(s, tc);
    tc = tcase_create("statistics");
    tcase_add_test(tc, diurnal_ratio_as_asked);
    tcase_add_test(tc, default_traffic_is_realistic);
    tcase_add_test(tc, weekend_and_noise_levels);
    tcase_add_test(tc, gaps_and_outliers_are_rare);
    tcase_add_test(tc, ooni_counts_blocked_share);
    tcase_add_test(tc, holidays_and_trend);
    tcase_add_test(tc, signals_react_to_their_events);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenarios");
    tcase_add_test(tc, bad_scenarios_are_refused);
    tcase_add_test(tc, builtins_build);
    tcase_add_test(tc, azerbaijan_2020_throttling);
    tcase_add_test(tc, spec_reads_scenario);
    tcase_add_test(tc, spec_errors_name_the_place);
    tcase_add_test(tc, suite_is_reproducible_and_varied);
    tcase_add_test(tc, dataset_context_files);
    suite_add_tcase(s, tc);
    tc = tcase_create("writers");
    tcase_add_test(tc, writes_labelled_dialects);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    gsl_set_error_handler_off();
    return tu_run_suite(simulate_suite());
}
