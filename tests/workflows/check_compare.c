/* check_compare.c — per-period summaries on hand-made (synthetic) windows: years the data
 * touches, windows across New Year, the union of overlapping windows, depths, zones. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/workflows/compare.h"
#include "testutil.h"

#define HOUR 3600
#define DAY 86400
#define Y2019 1546300800   /* 2019-01-01T00:00:00Z */
#define Y2020 1577836800
#define Y2021 1609459200
#define Y2022 1640995200

static disrupt_series *daily(const char *name, int64_t start, size_t days)
{
    disrupt_series *s = disrupt_series_alloc(name, NULL, DISRUPT_SIGNAL_LEVEL, start, DAY, days);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < days; i++)
        s->value[i] = 1.0;
    return s;
}

static void push(disrupt_window_list *l, size_t signal, disrupt_window_kind kind, int64_t start,
                 int64_t end, double depth)
{
    disrupt_window w = {0};
    w.signal = signal;
    w.kind = kind;
    w.start = w.start_lo = w.start_hi = start;
    w.end = w.end_lo = w.end_hi = end;
    w.depth = depth;
    w.level = 1 - depth;
    ck_assert_int_eq(disrupt_window_list_push(l, &w, NULL), 0);
}

/* Data 2019-06-01 .. 2021-03-01 (two signals); windows: 10 days in 2019 on both signals,
 * overlapping by 5; one crossing New Year 2020/21 (20 Dec – 10 Jan); none in 2020 otherwise. */
typedef struct {
    disrupt_dataset data;
    disrupt_window_list windows;
    disrupt_compare_result result;
} fixture;

static void setup(fixture *f)
{
    disrupt_dataset_init(&f->data);
    int64_t jun1 = Y2019 + 151 * DAY;
    ck_assert_int_eq(disrupt_dataset_add(&f->data, daily("traffic", jun1, 639), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&f->data, daily("bgp", jun1 + 30 * DAY, 600), NULL), 0);
    disrupt_window_list_init(&f->windows);
    int64_t sep1 = Y2019 + 243 * DAY;
    push(&f->windows, 0, DISRUPT_KIND_THROTTLING, sep1, sep1 + 10 * DAY, 0.4);
    push(&f->windows, 1, DISRUPT_KIND_SHUTDOWN, sep1 + 5 * DAY, sep1 + 15 * DAY, 0.95);
    push(&f->windows, 0, DISRUPT_KIND_SHUTDOWN, Y2021 - 12 * DAY, Y2021 + 10 * DAY, 0.9);
    disrupt_compare_result_init(&f->result);
}

static void teardown(fixture *f)
{
    disrupt_compare_result_fini(&f->result);
    disrupt_window_list_fini(&f->windows);
    disrupt_dataset_fini(&f->data);
}

START_TEST(one_period_per_calendar_year)
{
    fixture f;
    setup(&f);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_compare_by_year(&f.result, 0, &f.data, &f.windows, 1, 1, NULL, &err),
                     0);
    ck_assert_uint_eq(f.result.count, 3);
    const disrupt_compare_period *p = &f.result.items[0];
    ck_assert_str_eq(p->name, "2019");
    ck_assert_int_eq(p->start, Y2019);
    ck_assert_int_eq(p->end, Y2020);
    ck_assert_double_eq_tol(p->covered_days, 214, 1e-9);   /* 1 Jun – 31 Dec */
    ck_assert_uint_eq(p->nwindows, 2);
    ck_assert_uint_eq(p->by_kind[DISRUPT_KIND_SHUTDOWN], 1);
    ck_assert_uint_eq(p->by_kind[DISRUPT_KIND_THROTTLING], 1);
    ck_assert_double_eq_tol(p->disrupted_days, 15, 1e-9);  /* union of 10 + 10 overlapping 5 */
    ck_assert_double_eq_tol(p->calendar_days, 15, 1e-9);   /* whole days: the same */
    ck_assert_double_eq_tol(p->longest_days, 10, 1e-9);
    ck_assert_double_eq_tol(p->deepest, 0.95, 1e-12);
    ck_assert_double_eq_tol(p->median_depth, (0.4 + 0.95) / 2, 1e-12);
    ck_assert_int_eq(p->first, Y2019 + 243 * DAY);
    ck_assert_int_eq(p->last, Y2019 + 257 * DAY);   /* the last disrupted day, not the end */
    p = &f.result.items[1];   /* only the window reaching into 2021 from 20 Dec */
    ck_assert_str_eq(p->name, "2020");
    ck_assert_double_eq_tol(p->covered_days, 366, 1e-9);
    ck_assert_uint_eq(p->nwindows, 1);
    ck_assert_double_eq_tol(p->disrupted_days, 12, 1e-9);
    ck_assert_double_eq_tol(p->longest_days, 22, 1e-9);    /* whole window */
    p = &f.result.items[2];
    ck_assert_str_eq(p->name, "2021");
    ck_assert_double_eq_tol(p->covered_days, 59, 1e-9);    /* to 1 Mar */
    ck_assert_uint_eq(p->nwindows, 1);
    ck_assert_double_eq_tol(p->disrupted_days, 10, 1e-9);
    ck_assert_uint_eq(p->windows[0], 2);
    teardown(&f);
}
END_TEST

START_TEST(years_without_windows_still_have_a_row)
{
    fixture f;
    setup(&f);
    f.windows.count = 0;   /* no window at all (the list keeps its memory) */
    ck_assert_int_eq(disrupt_compare_by_year(&f.result, 0, &f.data, &f.windows, 1, 1, NULL, NULL),
                     0);
    ck_assert_uint_eq(f.result.count, 3);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_uint_eq(f.result.items[i].nwindows, 0);
        ck_assert_double_eq(f.result.items[i].disrupted_days, 0);
        ck_assert(isnan(f.result.items[i].deepest));
        ck_assert(isnan(f.result.items[i].median_depth));
    }
    f.windows.count = 3;
    teardown(&f);
}
END_TEST

/* Years starting 21 March (Nowruz) at Baku midnight, 20:00 UTC the day before. */
START_TEST(year_start_and_zone)
{
    fixture f;
    setup(&f);
    ck_assert_int_eq(disrupt_compare_by_year(&f.result, 0, &f.data, &f.windows, 3, 21,
                                             "Asia/Baku", NULL),
                     0);
    ck_assert_uint_eq(f.result.count, 2);
    ck_assert_str_eq(f.result.items[0].name, "2019/20");
    ck_assert_str_eq(f.result.items[1].name, "2020/21");
    int64_t mar21_2019 = Y2019 + 79 * DAY - 4 * HOUR;
    ck_assert_int_eq(f.result.items[0].start, mar21_2019);
    ck_assert_int_eq(f.result.items[1].start, Y2020 + 80 * DAY - 4 * HOUR);   /* leap year */
    ck_assert_uint_eq(f.result.items[0].nwindows, 2);
    ck_assert_uint_eq(f.result.items[1].nwindows, 1);
    ck_assert_double_eq_tol(f.result.items[1].disrupted_days, 22, 1e-9);
    /* 29 February in a common year is its month's last day. */
    ck_assert_int_eq(disrupt_compare_year_start(2021, 2, 29, NULL), Y2021 + 58 * DAY);
    ck_assert_int_eq(disrupt_compare_year_start(2020, 2, 29, NULL), Y2020 + 59 * DAY);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_compare_by_year(&f.result, 0, &f.data, &f.windows, 2, 30, NULL, &err),
                     DISRUPT_EINVAL);
    ck_assert_int_eq(disrupt_compare_by_year(&f.result, 0, &f.data, &f.windows, 1, 1,
                                             "Nowhere/City", &err),
                     DISRUPT_EINVAL);
    teardown(&f);
}
END_TEST

START_TEST(explicit_period_and_errors)
{
    fixture f;
    setup(&f);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_compare_add_period(&f.result, "traffic.csv", 4, Y2019, Y2022, NULL, NULL,
                                                &f.windows, &err),
                     0);
    const disrupt_compare_period *p = &f.result.items[0];
    ck_assert_uint_eq(p->source, 4);
    ck_assert_uint_eq(p->nwindows, 3);
    ck_assert_double_eq_tol(p->covered_days, 3 * 365 + 1, 1e-9);   /* NULL data: all covered */
    ck_assert_double_eq_tol(p->disrupted_days, 15 + 22, 1e-9);
    ck_assert_double_eq_tol(p->median_depth, 0.9, 1e-12);
    ck_assert_int_eq(disrupt_compare_add_period(&f.result, "x", 0, Y2020, Y2020, NULL, NULL,
                                                &f.windows, &err),
                     DISRUPT_EINVAL);
    ck_assert_uint_eq(f.result.count, 1);
    teardown(&f);
}
END_TEST

START_TEST(calendar_days_and_like_with_like)
{
    /* Nightly shutdowns of 8 h on 10 nights (crossing midnight, so 11 days are touched), and a
     * blocking: 11 calendar days, 80 h of disrupted time, the deepest drop apart from the
     * blocked share. */
    disrupt_window_list wl;
    disrupt_window_list_init(&wl);
    for (int k = 0; k < 10; k++) {
        disrupt_window w = {0};
        w.kind = DISRUPT_KIND_SHUTDOWN;
        w.start = Y2019 + (int64_t)k * DAY + 20 * 3600;
        w.end = w.start + 8 * 3600;
        w.depth = 0.9;
        ck_assert_int_eq(disrupt_window_list_push(&wl, &w, NULL), 0);
    }
    disrupt_window b = {0};
    b.kind = DISRUPT_KIND_BLOCKING;
    b.start = Y2019 + 3 * DAY;
    b.end = Y2019 + 5 * DAY;
    b.depth = 0.97;
    ck_assert_int_eq(disrupt_window_list_push(&wl, &b, NULL), 0);
    disrupt_compare_result r;
    disrupt_compare_result_init(&r);
    ck_assert_int_eq(disrupt_compare_add_period(&r, "x", 0, Y2019, Y2020, NULL, NULL, &wl, NULL), 0);
    const disrupt_compare_period *p = &r.items[0];
    ck_assert_double_eq_tol(p->calendar_days, 11, 1e-9);
    ck_assert_double_eq_tol(p->disrupted_days, (10 * 8.0 + 48 - 2 * 8) / 24, 1e-9);
    ck_assert_double_eq_tol(p->deepest, 0.9, 1e-12);
    ck_assert_double_eq_tol(p->highest_blocking, 0.97, 1e-12);
    ck_assert_int_eq(p->first, Y2019);
    ck_assert_int_eq(p->last, Y2019 + 10 * DAY);   /* the tenth night ends on the eleventh day */
    /* In Asia/Baku (UTC+4) the nights run 00:00-08:00 local: ten days. */
    disrupt_compare_result_fini(&r);
    disrupt_compare_result_init(&r);
    ck_assert_int_eq(disrupt_compare_add_period(&r, "x", 0, Y2019, Y2020, "Asia/Baku", NULL, &wl,
                                                NULL),
                     0);
    ck_assert_double_eq_tol(r.items[0].calendar_days, 10, 1e-9);
    disrupt_compare_result_fini(&r);
    disrupt_window_list_fini(&wl);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compare");
    TCase *tc = tcase_create("periods");
    tcase_add_test(tc, one_period_per_calendar_year);
    tcase_add_test(tc, calendar_days_and_like_with_like);
    tcase_add_test(tc, years_without_windows_still_have_a_row);
    tcase_add_test(tc, year_start_and_zone);
    tcase_add_test(tc, explicit_period_and_errors);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
