/* check_window.c — from windows to what a report says: nightly recurrence, incidents across
 * signals, merging and minimum duration. */
#include <check.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#include "disrupt/detect/detect.h"
#include "disrupt/detect/incident.h"
#include "disrupt/detect/recurrence.h"
#include "testutil.h"

#define MIN10 600
#define HOUR 3600
#define DAY 86400
#define FEB_2021 1612137600   /* 2021-02-01T00:00:00Z, a Monday */

/* 42 days of 10-minute samples; nights first..last-1 shut down 18:30-02:30 UTC (as in
 * Myanmar). */
static disrupt_series *nights_shut(size_t first_night, size_t last_night)
{
    size_t n = 42 * 144;
    disrupt_series *s = tu_synthetic_level("traffic", FEB_2021, MIN10, n, 0.08, 0, 0, 1.0, 31);
    for (size_t night = first_night; night < last_night; night++) {
        size_t first = night * 144 + 18 * 6 + 3, last = first + 8 * 6;
        for (size_t i = first; i < last; i++)
            s->value[i] *= 0.02;
    }
    return s;
}

static disrupt_series *nightly_series(void)
{
    return nights_shut(14, 35);
}

static void detect_one(disrupt_series *s, const disrupt_detect_options *o, disrupt_dataset *d,
                       disrupt_detection *r)
{
    disrupt_dataset_init(d);
    ck_assert_int_eq(disrupt_dataset_add(d, s, NULL), 0);
    disrupt_error err = {0};
    ck_assert_msg(disrupt_detect_run(d, o, r, &err) == 0, "%s", err.message);
}

START_TEST(nightly_shutdowns_stay_separate_and_recur)
{
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    disrupt_dataset d;
    disrupt_detection r;
    detect_one(nightly_series(), &o, &d, &r);
    ck_assert_uint_eq(r.windows.count, 21);
    for (size_t k = 0; k < r.windows.count; k++) {
        const disrupt_window *w = &r.windows.items[k];
        ck_assert_int_eq(w->kind, DISRUPT_KIND_SHUTDOWN);
        int64_t truth = FEB_2021 + (int64_t)(14 + k) * DAY + 18 * HOUR + 30 * 60;
        ck_assert_int_le(llabs((long long)(w->start - truth)), MIN10);
        ck_assert_int_le(llabs((long long)(w->end - (truth + 8 * HOUR))), MIN10);
    }
    disrupt_recurrence *rec = NULL;
    size_t nrec = 0;
    ck_assert_int_eq(disrupt_recurrences_find(&r.windows, NULL, HOUR, &rec, &nrec, NULL), 0);
    ck_assert_uint_eq(nrec, 1);
    ck_assert_uint_eq(rec[0].count, 21);
    ck_assert_int_le(labs(rec[0].start_tod - (18 * HOUR + 30 * 60)), MIN10);
    ck_assert_int_le(labs(rec[0].end_tod - (2 * HOUR + 30 * 60)), MIN10);
    free(rec);
    disrupt_detection_fini(&r);
    disrupt_dataset_fini(&d);
}
END_TEST

START_TEST(shutdowns_on_most_nights_do_not_become_normal)
{
    /* 26 of 42 nights shut down: most samples of those hours are disrupted, so a median
     * profile would call the outage the night's normal. */
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    disrupt_dataset d;
    disrupt_detection r;
    detect_one(nights_shut(10, 36), &o, &d, &r);
    ck_assert_uint_eq(r.windows.count, 26);
    for (size_t k = 0; k < r.windows.count; k++)
        ck_assert_double_eq_tol(disrupt_window_days(&r.windows.items[k]), 8.0 / 24, 1.0 / 144);
    disrupt_detection_fini(&r);
    disrupt_dataset_fini(&d);
}
END_TEST

START_TEST(merge_gap_joins_and_min_duration_drops)
{
    disrupt_detect_options o;
    disrupt_detect_options_init(&o);
    o.merge_gap = 17 * HOUR;  /* the 16-hour days between nightly windows */
    disrupt_dataset d;
    disrupt_detection r;
    detect_one(nightly_series(), &o, &d, &r);
    ck_assert_uint_eq(r.windows.count, 1);
    ck_assert_double_eq_tol(disrupt_window_days(&r.windows.items[0]), 20 + 8.0 / 24, 0.01);
    /* As deep as the nights it joins, not diluted by the days between them. */
    ck_assert_int_eq(r.windows.items[0].kind, DISRUPT_KIND_SHUTDOWN);
    ck_assert_double_gt(r.windows.items[0].depth, 0.9);
    disrupt_detection_fini(&r);
    disrupt_dataset_fini(&d);

    disrupt_detect_options_init(&o);
    o.min_duration = 9 * HOUR;  /* longer than each 8-hour night */
    detect_one(nightly_series(), &o, &d, &r);
    ck_assert_uint_eq(r.windows.count, 0);
    disrupt_detection_fini(&r);
    disrupt_dataset_fini(&d);
}
END_TEST

static disrupt_window window_at(size_t signal, int64_t start, int64_t end)
{
    disrupt_window w = {0};
    w.signal = signal;
    w.kind = DISRUPT_KIND_THROTTLING;
    w.start = start;
    w.end = end;
    return w;
}

START_TEST(overlapping_windows_form_one_incident)
{
    disrupt_window_list l;
    disrupt_window_list_init(&l);
    disrupt_window w[] = {
        window_at(0, 100, 200), window_at(0, 500, 600), window_at(1, 150, 300),
        window_at(2, 290, 400), window_at(1, 700, 800),
    };
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(disrupt_window_list_push(&l, &w[i], NULL), 0);
    disrupt_incident_list inc;
    ck_assert_int_eq(disrupt_incidents_find(&l, NULL, &inc, NULL), 0);
    ck_assert_uint_eq(inc.count, 3);
    ck_assert_int_eq(inc.items[0].start, 100);
    ck_assert_int_eq(inc.items[0].end, 400);   /* 0:[100,200) 1:[150,300) 2:[290,400) chain */
    ck_assert_uint_eq(inc.items[0].nwindows, 3);
    ck_assert_uint_eq(inc.items[1].nwindows, 1);
    ck_assert_int_eq(inc.items[2].start, 700);
    disrupt_incident_list_fini(&inc);
    disrupt_window_list_fini(&l);
}
END_TEST

START_TEST(touching_windows_are_separate_incidents)
{
    disrupt_window_list l;
    disrupt_window_list_init(&l);
    disrupt_window a = window_at(0, 100, 200), b = window_at(1, 200, 300);
    disrupt_window_list_push(&l, &a, NULL);
    disrupt_window_list_push(&l, &b, NULL);
    disrupt_incident_list inc;
    ck_assert_int_eq(disrupt_incidents_find(&l, NULL, &inc, NULL), 0);
    ck_assert_uint_eq(inc.count, 2);
    disrupt_incident_list_fini(&inc);
    disrupt_window_list_fini(&l);
}
END_TEST

int main(void)
{
    gsl_set_error_handler_off();
    Suite *s = suite_create("window");
    TCase *tc = tcase_create("window");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, nightly_shutdowns_stay_separate_and_recur);
    tcase_add_test(tc, shutdowns_on_most_nights_do_not_become_normal);
    tcase_add_test(tc, merge_gap_joins_and_min_duration_drops);
    tcase_add_test(tc, overlapping_windows_form_one_incident);
    tcase_add_test(tc, touching_windows_are_separate_incidents);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
