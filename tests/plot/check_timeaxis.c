/* check_timeaxis.c — the date-axis table: tick times, label strings, zones, no overlaps. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/plot/timeaxis.h"
#include "disrupt/core/timefmt.h"
#include "testutil.h"

#define T(y, mo, d, h, mi) disrupt_time_from_civil(y, mo, d, h, mi, 0)

static disrupt_timeaxis_spec spec_em(double em, const char *tz)
{
    disrupt_timeaxis_spec s = {0};
    s.em = em;
    s.tz = tz;
    return s;
}

static double left(const disrupt_axis_label *l)
{
    return l->x - l->width / 2;
}

static double right(const disrupt_axis_label *l)
{
    return l->x + l->width / 2;
}

/* Every invariant a chosen axis must satisfy. */
static void check_axis(const disrupt_timeaxis *ax, int64_t t0, int64_t t1, double x0, double w,
                       double gap)
{
    ck_assert_uint_ge(ax->nlabels, 1);
    for (size_t i = 0; i < ax->nlabels; i++) {
        ck_assert_double_ge(left(&ax->labels[i]), x0 - 1e-9);
        ck_assert_double_le(right(&ax->labels[i]), x0 + w + 1e-9);
        ck_assert_ptr_nonnull(ax->labels[i].text);
        if (i > 0) {
            ck_assert_int_gt(ax->labels[i].t, ax->labels[i - 1].t);
            ck_assert_double_ge(left(&ax->labels[i]) - right(&ax->labels[i - 1]), gap - 1e-9);
        }
    }
    for (size_t i = 0; i < ax->ncontext; i++) {
        ck_assert_double_ge(left(&ax->context[i]), x0 - 1e-9);
        ck_assert_double_le(right(&ax->context[i]), x0 + w + 1e-9);
        if (i > 0)
            ck_assert_double_ge(left(&ax->context[i]) - right(&ax->context[i - 1]), gap - 1e-9);
    }
    for (size_t i = 0; i < ax->nmajor; i++) {
        ck_assert_int_ge(ax->major_ticks[i].t, t0);
        ck_assert_int_lt(ax->major_ticks[i].t, t1);
        double x = x0 + (double)(ax->major_ticks[i].t - t0) / (double)(t1 - t0) * w;
        ck_assert_double_eq_tol(ax->major_ticks[i].x, x, 1e-6);
    }
}

START_TEST(test_months_of_2020_war)
{
    /* Jun 2020 – Feb 2021 over 600 units at em 10: month labels with the year where it changes. */
    int64_t t0 = T(2020, 6, 1, 0, 0), t1 = T(2021, 2, 1, 0, 0);
    disrupt_timeaxis_spec s = spec_em(10, NULL);
    disrupt_timeaxis ax;
    disrupt_error err;
    ck_assert_int_eq(disrupt_timeaxis_choose(t0, t1, 50, 600, &s, &ax, &err), 0);
    ck_assert_int_eq(ax.label.unit, DISRUPT_TIMEUNIT_MONTH);
    ck_assert_int_eq(ax.label.count, 1);
    ck_assert_uint_eq(ax.nlabels, 8);
    const char *want[] = {"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan"};
    for (size_t i = 0; i < 8; i++)
        ck_assert_str_eq(ax.labels[i].text, want[i]);
    /* Centred on the month: September spans 30 of 245 days. */
    double x_sep = 50 + 600 * ((double)(T(2020, 9, 1, 0, 0) - t0) + 15 * 86400.0) / (double)(t1 - t0);
    ck_assert_double_eq_tol(ax.labels[3].x, x_sep, 1e-6);
    ck_assert_uint_eq(ax.ncontext, 2);
    ck_assert_str_eq(ax.context[0].text, "2020");
    ck_assert_str_eq(ax.context[1].text, "2021");
    ck_assert_int_eq(ax.context[1].t, T(2021, 1, 1, 0, 0));
    ck_assert_uint_eq(ax.nmajor, 8);
    ck_assert_int_eq(ax.major_ticks[4].t, T(2020, 10, 1, 0, 0));
    check_axis(&ax, t0, t1, 50, 600, 15);
    disrupt_timeaxis_fini(&ax);
}
END_TEST

START_TEST(test_one_hour)
{
    int64_t t0 = T(2020, 9, 27, 4, 0), t1 = T(2020, 9, 27, 5, 0);
    disrupt_timeaxis_spec s = spec_em(10, NULL);
    disrupt_timeaxis ax;
    ck_assert_int_eq(disrupt_timeaxis_choose(t0, t1, 0, 800, &s, &ax, NULL), 0);
    ck_assert_int_eq(ax.label.unit, DISRUPT_TIMEUNIT_MINUTE);
    /* 04:00 sits on the left edge, where half its text would leave the frame. */
    ck_assert_str_eq(ax.labels[0].text, "04:05");
    ck_assert_str_eq(ax.labels[1].text, "04:10");
    ck_assert_str_eq(ax.context[0].text, "27 Sep 2020");
    ck_assert_uint_eq(ax.ncontext, 1);
    check_axis(&ax, t0, t1, 0, 800, 15);
    disrupt_timeaxis_fini(&ax);
}
END_TEST

START_TEST(test_zone_moves_midnight)
{
    /* Asia/Baku is UTC+4: local midnight of 28 Sep is 20:00 UTC on the 27th. */
    int64_t t0 = T(2020, 9, 20, 0, 0), t1 = T(2020, 10, 5, 0, 0);
    disrupt_timeaxis_spec s = spec_em(10, "Asia/Baku");
    disrupt_timeaxis ax;
    ck_assert_int_eq(disrupt_timeaxis_choose(t0, t1, 0, 1200, &s, &ax, NULL), 0);
    ck_assert_int_eq(ax.major.unit, DISRUPT_TIMEUNIT_DAY);
    int found = 0;
    for (size_t i = 0; i < ax.nmajor; i++) {
        ck_assert_int_eq((ax.major_ticks[i].t + 4 * 3600) % 86400, 0);
        found |= ax.major_ticks[i].t == T(2020, 9, 27, 20, 0);
    }
    ck_assert(found);
    check_axis(&ax, t0, t1, 0, 1200, 15);
    disrupt_timeaxis_fini(&ax);
}
END_TEST

START_TEST(test_dst_boundary_days)
{
    /* Europe/Berlin leaves summer time on 25 Oct 2020: that day has 25 hours. */
    disrupt_timestep day = {DISRUPT_TIMEUNIT_DAY, 1};
    int64_t b = disrupt_timestep_ceil(T(2020, 10, 24, 12, 0), day, "Europe/Berlin");
    ck_assert_int_eq(b, T(2020, 10, 24, 22, 0));  /* 00:00 CEST */
    int64_t n = disrupt_timestep_next(b, day, "Europe/Berlin");
    ck_assert_int_eq(n - b, 25 * 3600);
    ck_assert_int_eq(disrupt_timestep_next(n, day, "Europe/Berlin") - n, 24 * 3600);
}
END_TEST

START_TEST(test_weeks_start_monday)
{
    disrupt_timestep week = {DISRUPT_TIMEUNIT_WEEK, 1};
    /* 27 Sep 2020 was a Sunday; the next Monday is 28 Sep. */
    ck_assert_int_eq(disrupt_timestep_ceil(T(2020, 9, 27, 0, 0), week, NULL), T(2020, 9, 28, 0, 0));
    disrupt_timestep months3 = {DISRUPT_TIMEUNIT_MONTH, 3};
    ck_assert_int_eq(disrupt_timestep_ceil(T(2020, 8, 15, 0, 0), months3, NULL), T(2020, 10, 1, 0, 0));
    ck_assert_int_eq(disrupt_timestep_next(T(2020, 10, 1, 0, 0), months3, NULL), T(2021, 1, 1, 0, 0));
}
END_TEST

START_TEST(test_day_labels_show_year_change)
{
    int64_t t0 = T(2020, 12, 20, 0, 0), t1 = T(2021, 1, 10, 0, 0);
    disrupt_timeaxis_spec s = spec_em(10, NULL);
    disrupt_timeaxis ax;
    ck_assert_int_eq(disrupt_timeaxis_choose(t0, t1, 0, 1000, &s, &ax, NULL), 0);
    ck_assert_uint_eq(ax.ncontext, 2);
    ck_assert_str_eq(ax.context[0].text, "Dec 2020");
    ck_assert_str_eq(ax.context[1].text, "Jan 2021");
    check_axis(&ax, t0, t1, 0, 1000, 15);
    disrupt_timeaxis_fini(&ax);
}
END_TEST

START_TEST(test_spans_and_widths)
{
    /* From one hour to twenty years, 400 to 4000 units wide, in two zones: always a
     * readable axis, coarser as the span grows, never overlapping. */
    const int64_t spans[] = {3600, 6 * 3600, 86400, 3 * 86400, 14 * 86400, 60 * 86400,
                             245 * 86400, 730 * 86400, 5 * 365 * 86400LL, 20 * 365 * 86400LL};
    const double widths[] = {400, 900, 1600, 4000};
    const char *zones[] = {NULL, "Asia/Baku"};
    int64_t t0 = T(2019, 3, 7, 13, 17);
    for (size_t z = 0; z < 2; z++)
        for (size_t w = 0; w < 4; w++) {
            size_t prev_row = 0;
            for (size_t k = 0; k < sizeof spans / sizeof spans[0]; k++) {
                disrupt_timeaxis_spec s = spec_em(10, zones[z]);
                disrupt_timeaxis ax;
                ck_assert_int_eq(disrupt_timeaxis_choose(t0, t0 + spans[k], 0, widths[w], &s, &ax, NULL), 0);
                check_axis(&ax, t0, t0 + spans[k], 0, widths[w], 15);
                ck_assert_uint_ge(ax.nlabels, 2);
                ck_assert_uint_ge(ax.row, prev_row);
                /* Labels are not needlessly sparse: at most ~12 em apart on average. */
                double spread = ax.labels[ax.nlabels - 1].x - ax.labels[0].x;
                ck_assert_double_le(spread / (double)(ax.nlabels - 1), 14 * 10 + 0.25 * widths[w]);
                prev_row = ax.row;
                disrupt_timeaxis_fini(&ax);
            }
        }
}
END_TEST

static double wide_measure(void *ctx, const char *text)
{
    (void)ctx;
    return 20.0 * (double)strlen(text);
}

START_TEST(test_measure_callback_changes_choice)
{
    int64_t t0 = T(2020, 6, 1, 0, 0), t1 = T(2021, 2, 1, 0, 0);
    disrupt_timeaxis_spec s = spec_em(10, NULL);
    disrupt_timeaxis a, b;
    ck_assert_int_eq(disrupt_timeaxis_choose(t0, t1, 0, 600, &s, &a, NULL), 0);
    s.measure = wide_measure;
    ck_assert_int_eq(disrupt_timeaxis_choose(t0, t1, 0, 600, &s, &b, NULL), 0);
    ck_assert_uint_gt(b.row, a.row);
    check_axis(&b, t0, t1, 0, 600, 15);
    disrupt_timeaxis_fini(&a);
    disrupt_timeaxis_fini(&b);
}
END_TEST

START_TEST(test_rejects_bad_input)
{
    disrupt_timeaxis ax;
    disrupt_error err;
    ck_assert_int_eq(disrupt_timeaxis_choose(10, 10, 0, 100, NULL, &ax, &err), DISRUPT_EINVAL);
    ck_assert_int_eq(disrupt_timeaxis_choose(0, 100, 0, 0, NULL, &ax, &err), DISRUPT_EINVAL);
    disrupt_timeaxis_spec s = spec_em(10, "Mars/Olympus_Mons");
    ck_assert_int_eq(disrupt_timeaxis_choose(0, 86400, 0, 100, &s, &ax, &err), DISRUPT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "Mars/Olympus_Mons"));
    disrupt_timeaxis_fini(&ax);
}
END_TEST

START_TEST(test_narrow_axis_still_has_no_overlaps)
{
    int64_t t0 = T(1990, 1, 1, 0, 0), t1 = T(2030, 1, 1, 0, 0);
    disrupt_timeaxis_spec s = spec_em(10, NULL);
    disrupt_timeaxis ax;
    ck_assert_int_eq(disrupt_timeaxis_choose(t0, t1, 0, 60, &s, &ax, NULL), 0);
    for (size_t i = 1; i < ax.nlabels; i++)
        ck_assert_double_ge(left(&ax.labels[i]) - right(&ax.labels[i - 1]), 15 - 1e-9);
    disrupt_timeaxis_fini(&ax);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("timeaxis");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_months_of_2020_war);
    tcase_add_test(tc, test_one_hour);
    tcase_add_test(tc, test_zone_moves_midnight);
    tcase_add_test(tc, test_dst_boundary_days);
    tcase_add_test(tc, test_weeks_start_monday);
    tcase_add_test(tc, test_day_labels_show_year_change);
    tcase_add_test(tc, test_spans_and_widths);
    tcase_add_test(tc, test_measure_callback_changes_choice);
    tcase_add_test(tc, test_rejects_bad_input);
    tcase_add_test(tc, test_narrow_axis_still_has_no_overlaps);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(suite());
}
