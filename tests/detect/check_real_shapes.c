/* check_real_shapes.c — the shapes real measurements take that the simulator never made,
 * rebuilt as seeded SYNTHETIC series with known truth: a drop that fills most of a short
 * file, a profile from too few days, a signal with no daily cycle, one event in many pieces,
 * edges, intervals over a slow decline or a coarse bin, a short pinned baseline. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#include "disrupt/detect/detect.h"
#include "testutil.h"

#define MIN5 300
#define MIN10 600
#define HOUR 3600
#define DAY 86400
#define SEP_2020 1600905600   /* 2020-09-24T00:00:00Z */

typedef struct {
    disrupt_dataset data;
    disrupt_detection result;
} run;

static void detect_with(run *r, disrupt_series *s, const disrupt_detect_options *o)
{
    disrupt_dataset_init(&r->data);
    ck_assert_int_eq(disrupt_dataset_add(&r->data, s, NULL), 0);
    disrupt_error err = {0};
    int rc = disrupt_detect_run(&r->data, o, &r->result, &err);
    ck_assert_msg(rc == 0, "detect failed: %s", err.message);
}

static void detect(run *r, disrupt_series *s)
{
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    detect_with(r, s, &o);
}

static void finish(run *r)
{
    disrupt_detection_fini(&r->result);
    disrupt_dataset_fini(&r->data);
}

/* A flat reachability-like series (BGP /24s, probing): level 12,000 with tiny noise. */
static disrupt_series *flat(const char *name, int64_t step, size_t n, unsigned long seed)
{
    disrupt_series *s = disrupt_series_alloc(name, "synthetic", DISRUPT_SIGNAL_LEVEL, SEP_2020,
                                             step, n);
    srand((unsigned)seed);
    for (size_t i = 0; i < n; i++)
        s->value[i] = 12000.0 * (1 + 0.004 * ((double)rand() / RAND_MAX - 0.5));
    s->synthetic = 1;
    return s;
}

START_TEST(drop_filling_most_of_a_short_file_is_found)
{
    /* Seven normal days, then fourteen at 60% to the end of the data (the bundled Azerbaijan
     * traffic cut to 20 Sep - 10 Oct): the drop is most of the file, and still a window from
     * its first day to the end, left open. */
    size_t n = 21 * 24, first = 7 * 24;
    run r;
    detect(&r, tu_synthetic_level("traffic", SEP_2020, HOUR, n, 0.05, first, n, 0.6, 3));
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_THROTTLING);
    ck_assert_int_le(llabs((long long)(w->start - (SEP_2020 + (int64_t)first * HOUR))), HOUR);
    ck_assert(w->end_censored);
    ck_assert_double_lt(fabs(w->level - 0.6), 0.06);
    finish(&r);
}
END_TEST

START_TEST(bgp_down_for_two_of_three_days_is_one_window)
{
    /* A national BGP series at 56% of normal for its last two days, 5-minute samples: one
     * window over the whole drop, an outage (reachability, far above the shutdown level). */
    size_t n = 3 * 288, first = 288;
    disrupt_series *s = flat("bgp", MIN5, n, 5);
    for (size_t i = first; i < n; i++)
        s->value[i] *= 0.56;
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_OUTAGE);
    ck_assert_int_eq(w->start, SEP_2020 + (int64_t)first * MIN5);
    ck_assert(w->end_censored);
    finish(&r);
}
END_TEST

START_TEST(flat_signal_gets_no_daily_cycle)
{
    /* Country-wide active probing is nearly flat: ten days of it must get a flat expected
     * line, not a profile shaped by noise. */
    size_t n = 10 * 144;
    disrupt_series *s = flat("active-probing", MIN10, n, 7);
    double *expected = malloc(n * sizeof *expected);
    disrupt_baseline_options o;
    disrupt_baseline_options_init(&o);
    ck_assert_int_eq(disrupt_baseline_fit(s, NULL, &o, expected, NULL), 0);
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, expected[i]);
        hi = fmax(hi, expected[i]);
    }
    ck_assert_double_lt(hi / lo, 1.0005);
    free(expected);
    disrupt_series_free(s);
}
END_TEST

START_TEST(short_file_profile_does_not_spike)
{
    /* Nine days of 10-minute traffic with a two-day shutdown in the middle: too few weeks for
     * an hour-of-week profile. The expected line stays within the normal days' range, and
     * the normal days hold no window. */
    size_t n = 9 * 144, first = 4 * 144, last = 6 * 144;
    disrupt_series *s = tu_synthetic_level("traffic", SEP_2020, MIN10, n, 0.05, first, last, 0.05, 9);
    double top = 0;
    for (size_t i = 0; i < n; i++)
        if (i < first || i >= last)
            top = fmax(top, s->value[i]);
    run r;
    detect(&r, s);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(r.result.expected[0][i] <= 1.2 * top, "expected %g at %zu, top %g",
                      r.result.expected[0][i], i, top);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].kind, DISRUPT_KIND_SHUTDOWN);
    ck_assert_uint_eq(r.result.nrecurrences, 0);
    finish(&r);
}
END_TEST

START_TEST(ramped_throttling_with_diurnal_dips_is_one_window)
{
    /* Throttling eased in over a day to 30% of normal for twelve days, the evening hours
     * dipping under the shutdown level: one window, a throttling, not dozens. */
    size_t n = 60 * 24, first = 20 * 24, ramp = 24, last = first + 12 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", SEP_2020, HOUR, n, 0.05, 0, 0, 1.0, 13);
    for (size_t i = first; i < last; i++) {
        double f = i < first + ramp ? 1.0 - 0.7 * (double)(i - first + 1) / (double)ramp : 0.3;
        size_t hour = i % 24;
        if (i >= first + ramp && hour >= 18 && hour < 22)
            f = 0.15;   /* evening: the throttling bites harder */
        s->value[i] *= f;
    }
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_THROTTLING);
    ck_assert_int_le(llabs((long long)(w->end - (SEP_2020 + (int64_t)last * HOUR))), HOUR);
    ck_assert_uint_ge(w->nphases, 2);
    finish(&r);
}
END_TEST

START_TEST(county_alternating_between_kinds_is_one_shutdown)
{
    /* A county at 10-20% of normal for three days, hovering around the shutdown level: one
     * window, a shutdown, with its stretches as phases. */
    size_t n = 10 * 24, first = 4 * 24, last = 7 * 24;
    disrupt_series *s = flat("traffic", HOUR, n, 17);
    for (size_t i = first; i < last; i++)
        s->value[i] *= ((i / 9) % 2) ? 0.12 : 0.28;
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].kind, DISRUPT_KIND_SHUTDOWN);
    finish(&r);
}
END_TEST

START_TEST(blackout_with_slow_recovery_is_a_shutdown)
{
    /* Down to 15% in three hours, then a day and a half of steady recovery: one shutdown. */
    size_t n = 6 * 24, first = 2 * 24 + 15, bottom = first + 3, last = bottom + 36;
    disrupt_series *s = flat("traffic", HOUR, n, 19);
    for (size_t i = first; i < last; i++) {
        double f = i < bottom ? 1.0 - 0.85 * (double)(i - first + 1) / 3.0
                              : 0.15 + 0.85 * (double)(i - bottom) / (double)(last - bottom);
        s->value[i] *= f;
    }
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    ck_assert_int_eq(w->kind, DISRUPT_KIND_SHUTDOWN);
    ck_assert_int_eq(w->phases[w->deepest].kind, DISRUPT_KIND_SHUTDOWN);
    ck_assert_int_eq(w->phases[w->nphases - 1].role, DISRUPT_PHASE_RESTORATION);
    /* The decline took three hours: the start is its first hour, and the interval is no
     * single instant but spans the hour the level was still between the two (its later
     * hours are the onset phase). */
    ck_assert_int_eq(w->start, SEP_2020 + (int64_t)first * HOUR);
    ck_assert_int_le(w->start_lo, w->start);
    ck_assert_int_ge(w->start_hi, SEP_2020 + (int64_t)(first + 1) * HOUR);
    ck_assert_int_eq(w->phases[0].role, DISRUPT_PHASE_ONSET);
    finish(&r);
}
END_TEST

START_TEST(nightly_shutdowns_inside_a_long_throttling)
{
    /* Myanmar 2021's shape: nights shut down (19:00-03:00) for ten weeks, the days of the
     * last six also throttled to half. The throttling must not become the normal level (its
     * nights hide it from a plain search for valleys): one throttling event whose phases are
     * the nights and the days; evenings outside it stay normal. */
    size_t n = 20 * 7 * 24, nights_from = 4 * 7 * 24, cut_from = 8 * 7 * 24,
           until = 14 * 7 * 24;
    disrupt_series *s = tu_synthetic_level("traffic", SEP_2020, HOUR, n, 0.05, 0, 0, 1.0, 43);
    for (size_t i = nights_from; i < until; i++) {
        size_t hour = i % 24;
        if (hour >= 19 || hour < 3)
            s->value[i] *= 0.08;
        else if (i >= cut_from)
            s->value[i] *= 0.5;
    }
    run r;
    detect(&r, s);
    const disrupt_window *last = &r.result.windows.items[r.result.windows.count - 1];
    ck_assert_int_eq(last->kind, DISRUPT_KIND_THROTTLING);
    ck_assert_int_le(last->start, SEP_2020 + (int64_t)cut_from * HOUR);
    ck_assert_int_ge(last->end, SEP_2020 + (int64_t)(until - 24) * HOUR);
    ck_assert_uint_gt(last->nphases, 20);
    for (size_t k = 0; k < r.result.windows.count; k++) {
        const disrupt_window *w = &r.result.windows.items[k];
        ck_assert_msg(w->start >= SEP_2020 + (int64_t)(nights_from - 6) * HOUR &&
                          w->end <= SEP_2020 + (int64_t)(until + 6) * HOUR,
                      "window outside the disruption: %lld-%lld", (long long)w->start,
                      (long long)w->end);
    }
    finish(&r);
}
END_TEST

START_TEST(a_collection_gap_inside_a_disruption_does_not_end_it)
{
    /* Six weeks at half the level with a 4-hour gap in collection in the middle (29/30 Mar
     * in the Myanmar claim): still one window from the first day to the last. */
    size_t n = 90 * 24, first = 30 * 24, last = 74 * 24, gap = 44 * 24 + 22;
    disrupt_series *s = tu_synthetic_level("traffic", SEP_2020, HOUR, n, 0.05, first, last, 0.5, 47);
    for (size_t i = gap; i < gap + 4; i++)
        s->value[i] = NAN;
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].start, SEP_2020 + (int64_t)first * HOUR);
    ck_assert_int_eq(r.result.windows.items[0].end, SEP_2020 + (int64_t)last * HOUR);
    finish(&r);
}
END_TEST

START_TEST(one_normal_day_then_the_outage_keeps_the_daily_cycle)
{
    /* An analyst's download: a day and a bit of 5-minute telescope-like data with a strong
     * daily cycle, then two days at 15%. One normal day cannot shape a profile, but the
     * throttled days keep the cycle's shape: no night of the normal day is a window, and the
     * outage starts where the data fall. */
    size_t n = 3 * 288, first = 288 + 30;
    disrupt_series *s = tu_synthetic_level("merit-nt", SEP_2020, MIN5, n, 0.05, first, n, 0.15, 53);
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].start, SEP_2020 + (int64_t)first * MIN5);
    ck_assert_int_eq(r.result.windows.items[0].kind, DISRUPT_KIND_SHUTDOWN);
    finish(&r);
}
END_TEST

START_TEST(partial_last_sample_is_no_window)
{
    /* Daily data whose last day was cut at 06:47: its total is a quarter of a day's. */
    size_t n = 60;
    disrupt_series *s = tu_synthetic_level("users", SEP_2020, DAY, n, 0.03, 0, 0, 1.0, 23);
    s->value[n - 1] *= 0.28;
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 0);
    finish(&r);
}
END_TEST

START_TEST(first_hours_low_are_no_window)
{
    /* An export whose first two hours are incomplete bins at half the level. */
    size_t n = 10 * 24;
    disrupt_series *s = flat("traffic", HOUR, n, 29);
    s->value[0] *= 0.4;
    s->value[1] *= 0.6;
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 0);
    finish(&r);
}
END_TEST

START_TEST(a_bin_straddling_the_change_widens_the_interval)
{
    /* Hourly bins of a change at 14:30: the 14:00 bin holds half of each level, so the change
     * may lie anywhere in it; the interval must say so, not -0/+0. */
    size_t n = 6 * 24, change = 3 * 24 + 14;
    disrupt_series *s = flat("traffic", HOUR, n, 31);
    s->value[change] *= 0.55;
    for (size_t i = change + 1; i < change + 30; i++)
        s->value[i] *= 0.1;
    run r;
    detect(&r, s);
    ck_assert_uint_eq(r.result.windows.count, 1);
    const disrupt_window *w = &r.result.windows.items[0];
    int64_t t = SEP_2020 + (int64_t)change * HOUR + HOUR / 2;
    ck_assert_msg(w->start_lo <= t && t <= w->start_hi, "[%lld, %lld] misses %lld",
                  (long long)w->start_lo, (long long)w->start_hi, (long long)t);
    finish(&r);
}
END_TEST

START_TEST(pinned_week_of_daily_samples_is_a_baseline)
{
    /* --baseline over seven daily samples, with a shutdown in the days after them. */
    size_t n = 30;
    disrupt_series *s = tu_synthetic_level("users", SEP_2020, DAY, n, 0.03, 14, 20, 0.05, 37);
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    o.baseline.pin_start = SEP_2020 + 2 * DAY;
    o.baseline.pin_end = SEP_2020 + 9 * DAY;
    run r;
    detect_with(&r, s, &o);
    ck_assert_uint_eq(r.result.windows.count, 1);
    ck_assert_int_eq(r.result.windows.items[0].start, SEP_2020 + 14 * DAY);
    finish(&r);
}
END_TEST

START_TEST(pinned_period_inside_the_disruption_still_fits)
{
    /* A pinned period the detector would call disrupted is normal: the analyst said so. */
    size_t n = 30;
    disrupt_series *s = tu_synthetic_level("users", SEP_2020, DAY, n, 0.03, 14, 20, 0.6, 41);
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    o.baseline.pin_start = SEP_2020 + 14 * DAY;
    o.baseline.pin_end = SEP_2020 + 20 * DAY;
    run r;
    detect_with(&r, s, &o);
    /* Against the pinned (low) period, the rest is higher, never a drop. */
    for (size_t k = 0; k < r.result.windows.count; k++)
        ck_assert_int_ne(r.result.windows.items[k].kind, DISRUPT_KIND_THROTTLING);
    finish(&r);
}
END_TEST

int main(void)
{
    gsl_set_error_handler_off();
    Suite *s = suite_create("real shapes (SYNTHETIC)");
    TCase *tc = tcase_create("shapes");
    tcase_add_test(tc, drop_filling_most_of_a_short_file_is_found);
    tcase_add_test(tc, bgp_down_for_two_of_three_days_is_one_window);
    tcase_add_test(tc, flat_signal_gets_no_daily_cycle);
    tcase_add_test(tc, short_file_profile_does_not_spike);
    tcase_add_test(tc, ramped_throttling_with_diurnal_dips_is_one_window);
    tcase_add_test(tc, county_alternating_between_kinds_is_one_shutdown);
    tcase_add_test(tc, blackout_with_slow_recovery_is_a_shutdown);
    tcase_add_test(tc, nightly_shutdowns_inside_a_long_throttling);
    tcase_add_test(tc, a_collection_gap_inside_a_disruption_does_not_end_it);
    tcase_add_test(tc, one_normal_day_then_the_outage_keeps_the_daily_cycle);
    tcase_add_test(tc, partial_last_sample_is_no_window);
    tcase_add_test(tc, first_hours_low_are_no_window);
    tcase_add_test(tc, a_bin_straddling_the_change_widens_the_interval);
    tcase_add_test(tc, pinned_week_of_daily_samples_is_a_baseline);
    tcase_add_test(tc, pinned_period_inside_the_disruption_still_fits);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
