/* check_detect.c — windows from seeded synthetic series with known disruptions.
 *
 * Tolerances: boundaries within one step of the truth, the 95% interval holding the truth,
 * and the depth within 0.05 of the injected one. What is not a disruption (a gap, an outlier,
 * a holiday dip, a trend, quiet nights) must give no window at all. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#include "disrupt/detect/detect.h"
#include "testutil.h"

#define HOUR 3600
#define DAY 86400
#define JUNE_2020 1590969600   /* 2020-06-01T00:00:00Z */

typedef struct {
    disrupt_dataset data;
    disrupt_detection result;
} run;

static void detect(run *r, disrupt_series *s, disrupt_series *s2)
{
    disrupt_dataset_init(&r->data);
    ck_assert_int_eq(disrupt_dataset_add(&r->data, s, NULL), 0);
    if (s2)
        ck_assert_int_eq(disrupt_dataset_add(&r->data, s2, NULL), 0);
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    disrupt_error err = {0};
    int rc = disrupt_detect_run(&r->data, &o, &r->result, &err);
    ck_assert_msg(rc == 0, "detect failed: %s", err.message);
}

static void finish(run *r)
{
    disrupt_detection_fini(&r->result);
    disrupt_dataset_fini(&r->data);
}

static void assert_boundary(int64_t got, int64_t lo, int64_t hi, int64_t truth, int64_t step)
{
    ck_assert_msg(llabs((long long)(got - truth)) <= step, "boundary %lld, truth %lld",
                  (long long)got, (long long)truth);
    ck_assert_msg(lo <= truth && truth <= hi, "interval [%lld, %lld] misses truth %lld",
                  (long long)lo, (long long)hi, (long long)truth);
}

START_TEST(long_throttling_is_one_whole_window)
{
    /* The Azerbaijan 2020 shape: eight months hourly, 46 days at 60% of normal. */
    size_t n = 244 * 24, first = 118 * 24, last = 164 * 24;
    run r;
    detect(&r, tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.08, first, last, 0.6, 11), NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_THROTTLING);
    assert_boundary(w->start, w->start_lo, w->start_hi, JUNE_2020 + (int64_t)first * HOUR, HOUR);
    assert_boundary(w->end, w->end_lo, w->end_hi, JUNE_2020 + (int64_t)last * HOUR, HOUR);
    ck_assert_double_eq_tol(w->depth, 0.4, 0.05);
    ck_assert_double_eq_tol(disrupt_window_days(w), 46.0, 1.0 / 24);
    finish(&r);
}
END_TEST

START_TEST(near_zero_is_a_shutdown)
{
    size_t n = 60 * 24, first = 30 * 24 + 14, last = 35 * 24 + 3;
    run r;
    detect(&r, tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.08, first, last, 0.03, 12), NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_SHUTDOWN);
    assert_boundary(w->start, w->start_lo, w->start_hi, JUNE_2020 + (int64_t)first * HOUR, HOUR);
    assert_boundary(w->end, w->end_lo, w->end_hi, JUNE_2020 + (int64_t)last * HOUR, HOUR);
    finish(&r);
}
END_TEST

START_TEST(no_event_gives_no_window)
{
    for (unsigned long seed = 1; seed <= 5; seed++) {
        run r;
        detect(&r, tu_synthetic_level("traffic", JUNE_2020, HOUR, 120 * 24, 0.1, 0, 0, 1.0, seed),
               NULL);
        ck_assert_msg(r.result.windows.count == 0, "seed %lu: %zu false windows", seed,
                      r.result.windows.count);
        finish(&r);
    }
}
END_TEST

START_TEST(collection_gap_is_not_a_shutdown)
{
    size_t n = 90 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.08, 0, 0, 1.0, 13);
    for (size_t i = 40 * 24; i < 43 * 24; i++)
        s->value[i] = NAN;
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 0);
    finish(&r);
}
END_TEST

START_TEST(single_outlier_is_not_a_disruption)
{
    size_t n = 90 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.08, 0, 0, 1.0, 14);
    s->value[1000] = 0.0;
    s->value[1500] *= 0.2;
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 0);
    finish(&r);
}
END_TEST

START_TEST(holiday_dip_is_not_a_disruption)
{
    /* One day at 85% of normal: a holiday, not a throttling. */
    size_t n = 90 * 24;
    run r;
    detect(&r, tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.08, 50 * 24, 51 * 24, 0.85, 15),
           NULL);
    ck_assert_uint_eq(r.result.windows.count, 0);
    finish(&r);
}
END_TEST

START_TEST(slow_trend_is_not_a_disruption)
{
    size_t n = 365;
    disrupt_series *s = disrupt_series_alloc("users", NULL, DISRUPT_SIGNAL_LEVEL, JUNE_2020, DAY, n);
    disrupt_series *noise = tu_synthetic_level("x", JUNE_2020, DAY, n, 0.03, 0, 0, 1.0, 16);
    for (size_t i = 0; i < n; i++)  /* users grow by half over the year, then fall back a bit */
        s->value[i] = noise->value[i] * (1.0 + 0.5 * sin(M_PI * (double)i / (double)n));
    disrupt_series_free(noise);
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 0);
    finish(&r);
}
END_TEST

START_TEST(quiet_nights_are_not_shutdowns)
{
    /* Nights at a fifth of the daytime level (peak/trough 5, as on mobile networks): deep,
     * regular, and normal. */
    size_t n = 90 * 24;
    disrupt_series *s = tu_synthetic_level("mobile", JUNE_2020, HOUR, n, 0.08, 0, 0, 1.0, 24);
    for (size_t i = 0; i < n; i++) {
        size_t hour = i % 24;
        if (hour >= 1 && hour < 6)
            s->value[i] *= 0.2;
    }
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 0);
    finish(&r);
}
END_TEST

START_TEST(gap_at_a_boundary_widens_its_interval)
{
    size_t n = 60 * 24, first = 30 * 24, last = 36 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.05, first, last, 0.05, 17);
    for (size_t i = first - 5; i < first + 5; i++)
        s->value[i] = NAN;
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    int64_t gap_start = JUNE_2020 + (int64_t)(first - 5) * HOUR;
    int64_t gap_end = JUNE_2020 + (int64_t)(first + 5) * HOUR;
    ck_assert_int_le(w->start_lo, gap_start);
    ck_assert_int_ge(w->start_hi, gap_end);
    finish(&r);
}
END_TEST

START_TEST(blocked_share_up_is_blocking)
{
    size_t n = 150, first = 80, last = 126;
    run r;
    detect(&r, tu_synthetic_counts("www.facebook.com", JUNE_2020, DAY, n, 30, 0.02, 0.9, first,
                                   last, 18),
           NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_BLOCKING);
    ck_assert_int_eq(w->start, JUNE_2020 + (int64_t)first * DAY);
    ck_assert_int_eq(w->end, JUNE_2020 + (int64_t)last * DAY);
    ck_assert_double_eq_tol(w->baseline, 0.02, 0.01);
    ck_assert_double_eq_tol(w->level, 0.9, 0.03);
    finish(&r);
}
END_TEST

START_TEST(overlapping_windows_corroborate_each_other)
{
    size_t n = 150 * 24;
    run r;
    detect(&r, tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.08, 80 * 24, 100 * 24, 0.6, 19),
           tu_synthetic_level("throughput", JUNE_2020, HOUR, n, 0.08, 80 * 24 + 2, 100 * 24, 0.4, 20));
    ck_assert_uint_eq(r.result.windows.count, 2);
    for (size_t k = 0; k < 2; k++) {
        const disrupt_window *w = &r.result.windows.items[k];
        ck_assert_uint_eq(w->ncorroborated, 1);
        ck_assert_uint_eq(w->corroborated_by[0], 1 - w->signal);
    }
    finish(&r);
}
END_TEST

START_TEST(reachability_drop_is_an_outage_never_throttling)
{
    /* 30% of /24 blocks gone from BGP for five days: part of the country is cut off, an outage
     * (not a shutdown: 70% is far above the shutdown level). The same drop in a traffic series
     * is a throttling. */
    size_t n = 60 * 24, first = 30 * 24, last = 35 * 24;
    run r;
    detect(&r, tu_synthetic_level("bgp", JUNE_2020, HOUR, n, 0.01, first, last, 0.7, 21),
           tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.05, first, last, 0.7, 22));
    ck_assert_uint_eq(r.result.windows.count, 2);
    ck_assert_int_eq(r.result.windows.items[0].kind, DISRUPT_KIND_OUTAGE);
    ck_assert_int_eq(r.result.windows.items[1].kind, DISRUPT_KIND_THROTTLING);
    finish(&r);
}
END_TEST

START_TEST(quantised_flat_signal_still_shows_its_drop)
{
    /* A BGP count that is exactly 5000 except for a few one-prefix flaps: the MAD of its
     * differences is zero, yet a 30% drop for two days must be found. */
    size_t n = 30 * 24;
    disrupt_series *s = disrupt_series_alloc("bgp", NULL, DISRUPT_SIGNAL_LEVEL, JUNE_2020, HOUR, n);
    for (size_t i = 0; i < n; i++)
        s->value[i] = (i % 97 == 0) ? 4999 : 5000;
    for (size_t i = 10 * 24; i < 12 * 24; i++)
        s->value[i] = 3500;
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].kind, DISRUPT_KIND_OUTAGE);
    ck_assert_int_eq(r.result.windows.items[0].start, JUNE_2020 + 10 * DAY);
    finish(&r);
}
END_TEST

START_TEST(staged_restoration_stays_in_the_window)
{
    /* Shutdown for two days, then two days at 80% (networks coming back): the second stage is
     * shallower than the throttling threshold but belongs to the disruption — one event, a
     * shutdown, with both stages as its phases. */
    size_t n = 60 * 24, first = 30 * 24, mid = 32 * 24, last = 34 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.05, first, mid, 0.05, 23);
    for (size_t i = mid; i < last; i++)
        s->value[i] *= 0.8;
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_SHUTDOWN);
    ck_assert_int_eq(w->start, JUNE_2020 + (int64_t)first * HOUR);
    ck_assert_int_eq(w->end, JUNE_2020 + (int64_t)last * HOUR);
    ck_assert_uint_eq(w->nphases, 2);
    ck_assert_int_eq(w->phases[0].kind, DISRUPT_KIND_SHUTDOWN);
    ck_assert_int_eq(w->phases[1].kind, DISRUPT_KIND_THROTTLING);
    ck_assert_int_eq(w->phases[1].start, JUNE_2020 + (int64_t)mid * HOUR);
    ck_assert_uint_eq(w->deepest, 0);
    finish(&r);
}
END_TEST

START_TEST(daily_data_keeps_one_day_shutdowns)
{
    /* In daily data a day is an aggregate, not a glitch: a one-day and a two-day shutdown
     * must both come out with their own length. */
    size_t n = 200;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, DAY, n, 0.03, 70, 71, 0.05, 25);
    for (size_t i = 101; i < 103; i++)
        s->value[i] *= 0.05;
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 2);
    ck_assert_int_eq(r.result.windows.items[0].start, JUNE_2020 + 70 * DAY);
    ck_assert_int_eq(r.result.windows.items[0].end, JUNE_2020 + 71 * DAY);
    ck_assert_int_eq(r.result.windows.items[1].start, JUNE_2020 + 101 * DAY);
    ck_assert_int_eq(r.result.windows.items[1].end, JUNE_2020 + 103 * DAY);
    finish(&r);
}
END_TEST

START_TEST(blocking_that_ends_just_before_the_data_does_is_closed)
{
    /* Blocked until one day before the file ends: the last day is normal again and the
     * window must end there, not run to the end of the data. */
    size_t n = 120, first = 80, last = 119;
    run r;
    detect(&r, tu_synthetic_counts("www.facebook.com", JUNE_2020, DAY, n, 30, 0.02, 0.95, first,
                                   last, 26),
           NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].end, JUNE_2020 + (int64_t)last * DAY);
    finish(&r);
}
END_TEST

START_TEST(sparse_hours_still_give_a_baseline)
{
    /* Only five samples a day (00-04 UTC), all zero for five days: the shutdown must be
     * found, not lost to a baseline that needed a quarter of each day. */
    size_t n = 30 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.05, 10 * 24, 15 * 24,
                                           0.0, 27);
    for (size_t i = 0; i < n; i++)
        if (i % 24 >= 5)
            s->value[i] = NAN;
    run r;
    detect(&r, s, NULL);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].kind, DISRUPT_KIND_SHUTDOWN);
    ck_assert_int_eq(r.result.windows.items[0].start, JUNE_2020 + 10 * DAY);
    finish(&r);
}
END_TEST

START_TEST(one_pinned_day_keeps_the_weekly_profile)
{
    /* --baseline of a single day sets the level; the daily cycle still comes from the whole
     * series, so quiet nights are not throttling. */
    size_t n = 40 * 24;
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    disrupt_dataset_add(&d, tu_synthetic_level("traffic", JUNE_2020, HOUR, n, 0.05, 20 * 24,
                                               25 * 24, 0.4, 28), NULL);
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    o.baseline.pin_start = JUNE_2020 + 2 * DAY;
    o.baseline.pin_end = JUNE_2020 + 3 * DAY;
    disrupt_detection r;
    ck_assert_int_eq(disrupt_detect_run(&d, &o, &r, NULL), 0);
    ck_assert_uint_eq(r.windows.count, 1);
    ck_assert_int_eq(r.windows.items[0].start, JUNE_2020 + 20 * DAY);
    disrupt_detection_fini(&r);
    disrupt_dataset_fini(&d);
}
END_TEST

START_TEST(a_signal_that_cannot_be_analysed_is_left_out_alone)
{
    /* 60 days of hourly traffic with a shutdown, and a country of a handful of users: one
     * sample in the whole span. */
    size_t n = 60 * 24;
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    ck_assert_int_eq(disrupt_dataset_add(&d, tu_synthetic_level("traffic", JUNE_2020, HOUR, n,
                                                                0.05, 700, 760, 0.02, 31),
                                         NULL), 0);
    disrupt_series *tiny = disrupt_series_alloc("tiny", NULL, DISRUPT_SIGNAL_LEVEL, JUNE_2020,
                                                HOUR, n);
    for (size_t i = 0; i < n; i++)
        tiny->value[i] = i == 100 ? 5.0 : NAN;
    ck_assert_int_eq(disrupt_dataset_add(&d, tiny, NULL), 0);
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    disrupt_detection r;
    disrupt_error err = {0};
    ck_assert_msg(disrupt_detect_run(&d, &o, &r, &err) == 0, "%s", err.message);
    ck_assert_ptr_null(r.skipped[0]);
    ck_assert_ptr_nonnull(r.skipped[1]);
    ck_assert_msg(strstr(r.skipped[1], "tiny: "), "%s", r.skipped[1]);
    ck_assert_ptr_null(r.expected[1]);
    ck_assert_uint_eq(r.windows.count, 1);
    ck_assert_uint_eq(r.windows.items[0].signal, 0);
    disrupt_detection_fini(&r);

    /* Every signal left out: the first one's error. */
    disrupt_dataset one = {&d.series[1], 1, 1};
    ck_assert_int_eq(disrupt_detect_run(&one, &o, &r, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "tiny: "), "%s", err.message);
    disrupt_dataset_fini(&d);
}
END_TEST

int main(void)
{
    gsl_set_error_handler_off();
    Suite *s = suite_create("detect");
    TCase *tc = tcase_create("windows");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_signal_that_cannot_be_analysed_is_left_out_alone);
    tcase_add_test(tc, long_throttling_is_one_whole_window);
    tcase_add_test(tc, near_zero_is_a_shutdown);
    tcase_add_test(tc, no_event_gives_no_window);
    tcase_add_test(tc, collection_gap_is_not_a_shutdown);
    tcase_add_test(tc, single_outlier_is_not_a_disruption);
    tcase_add_test(tc, holiday_dip_is_not_a_disruption);
    tcase_add_test(tc, slow_trend_is_not_a_disruption);
    tcase_add_test(tc, quiet_nights_are_not_shutdowns);
    tcase_add_test(tc, gap_at_a_boundary_widens_its_interval);
    tcase_add_test(tc, blocked_share_up_is_blocking);
    tcase_add_test(tc, overlapping_windows_corroborate_each_other);
    tcase_add_test(tc, reachability_drop_is_an_outage_never_throttling);
    tcase_add_test(tc, staged_restoration_stays_in_the_window);
    tcase_add_test(tc, quantised_flat_signal_still_shows_its_drop);
    tcase_add_test(tc, daily_data_keeps_one_day_shutdowns);
    tcase_add_test(tc, sparse_hours_still_give_a_baseline);
    tcase_add_test(tc, one_pinned_day_keeps_the_weekly_profile);
    tcase_add_test(tc, blocking_that_ends_just_before_the_data_does_is_closed);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
