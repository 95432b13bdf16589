/* check_verify.c — every verdict of verify.h on hand-made (synthetic) windows, with the
 * boundary arithmetic checked to the second. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/workflows/verify.h"
#include "disrupt/workflows/verify_report.h"
#include "testutil.h"

#define HOUR 3600
#define DAY 86400
#define JUN_1 1590969600   /* 2020-06-01T00:00:00Z */
#define SEP_27 1601164800  /* 2020-09-27T00:00:00Z */
#define NOV_12 1605139200  /* 2020-11-12T00:00:00Z */

/* Synthetic hourly signals 2020-06-01 .. 2021-02-01, all observed (value 1) unless cut. */
static disrupt_series *flat_series(const char *name)
{
    size_t n = 245 * 24;
    disrupt_series *s = disrupt_series_alloc(name, NULL, DISRUPT_SIGNAL_LEVEL, JUN_1, HOUR, n);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        s->value[i] = 1.0;
    return s;
}

typedef struct {
    disrupt_dataset data;
    disrupt_window_list windows;
    disrupt_claim_list claims;
    disrupt_verify_options opt;
    disrupt_verify_result result;
} fixture;

static disrupt_window make_window(size_t signal, disrupt_window_kind kind, int64_t start,
                                  int64_t end)
{
    disrupt_window w = {0};
    w.signal = signal;
    w.kind = kind;
    w.start = start;
    w.end = end;
    w.start_lo = start - 2 * HOUR;   /* a 95% interval of −2h/+1h */
    w.start_hi = start + HOUR;
    w.end_lo = end - HOUR;
    w.end_hi = end + 2 * HOUR;
    w.level = 0.58;
    w.depth = 0.42;
    w.baseline = 1.0;
    return w;
}

/* traffic (0) throttled 27 Sep – 12 Nov; www.facebook.com (1) blocked 27 Sep – 10 Nov. */
static void setup(fixture *f)
{
    disrupt_dataset_init(&f->data);
    ck_assert_int_eq(disrupt_dataset_add(&f->data, flat_series("traffic"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&f->data, flat_series("www.facebook.com"), NULL), 0);
    disrupt_window_list_init(&f->windows);
    disrupt_window w = make_window(0, DISRUPT_KIND_THROTTLING, SEP_27, NOV_12);
    ck_assert_int_eq(disrupt_window_list_push(&f->windows, &w, NULL), 0);
    w = make_window(1, DISRUPT_KIND_BLOCKING, SEP_27, NOV_12 - 2 * DAY);
    ck_assert_int_eq(disrupt_window_list_push(&f->windows, &w, NULL), 0);
    disrupt_claim_list_init(&f->claims);
    disrupt_verify_options_init(&f->opt);
    disrupt_verify_result_init(&f->result);
}

static void teardown(fixture *f)
{
    disrupt_verify_result_fini(&f->result);
    disrupt_claim_list_fini(&f->claims);
    disrupt_window_list_fini(&f->windows);
    disrupt_dataset_fini(&f->data);
}

static void add_claim(fixture *f, int64_t start, int64_t end, disrupt_kind_set kinds,
                      const char *signal)
{
    ck_assert_int_eq(disrupt_claim_list_add(&f->claims, "claim", start, end, kinds, signal, NULL,
                                            (long)f->claims.count + 2, NULL),
                     0);
}

static const disrupt_verification *run(fixture *f)
{
    disrupt_error err = {0};
    disrupt_verify_result_fini(&f->result);
    ck_assert_msg(disrupt_verify_run(&f->claims, &f->data, &f->windows, &f->opt, &f->result,
                                     &err) == 0,
                  "%s", err.message);
    ck_assert_uint_eq(f->result.count, f->claims.count);
    return &f->result.items[f->claims.count - 1];
}

START_TEST(a_signal_detect_left_out_covers_no_claim)
{
    fixture f;
    setup(&f);
    /* A claim on facebook with no window there would be `not supported`; left out by detect,
     * nothing was looked for in it: no data. */
    add_claim(&f, SEP_27 - 60 * DAY, SEP_27 - 50 * DAY, DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING),
              "www.facebook.com");
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_NOT_SUPPORTED);
    const char *skipped[2] = {NULL, "www.facebook.com: too few normal samples"};
    f.opt.skipped = skipped;
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_NO_DATA);
    ck_assert_int_eq(v->signal_missing, 0);   /* the signal is there, only not analysed */
    teardown(&f);
}
END_TEST

START_TEST(exact_claim_is_supported)
{
    fixture f;
    setup(&f);
    add_claim(&f, SEP_27, NOV_12, DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING), "traffic");
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_SUPPORTED);
    ck_assert_int_eq(v->has_window, 1);
    ck_assert_uint_eq(v->window, 0);
    ck_assert_int_eq(v->start_diff, 0);
    ck_assert_int_eq(v->end_diff, 0);
    ck_assert_int_eq(v->duration_diff, 0);
    ck_assert_int_eq(v->kind, DISRUPT_KIND_AGREES);
    ck_assert_double_eq_tol(v->share, 1.0, 1e-12);
    ck_assert_double_eq_tol(v->coverage, 1.0, 1e-12);
    ck_assert_uint_eq(v->nsignals, 1);
    ck_assert_uint_eq(v->signals[0], 0);
    /* A window corroborated by another signal names it even when the claim names one. */
    size_t *by = malloc(sizeof *by);
    by[0] = 1;
    f.windows.items[0].corroborated_by = by;
    f.windows.items[0].ncorroborated = 1;
    v = run(&f);
    ck_assert_uint_eq(v->nsignals, 2);
    ck_assert_uint_eq(v->signals[1], 1);
    char text[128];
    ck_assert_uint_gt(disrupt_verify_describe(v, text, sizeof text), 0);
    ck_assert_str_eq(text, "start agrees, end agrees");
    teardown(&f);
}
END_TEST

/* The interval edges, widened by the tolerance and by what hourly samples cannot tell apart
 * (a difference under one step is none), are inclusive; one second beyond is not. */
START_TEST(boundary_interval_edges_and_tolerance)
{
    fixture f;
    setup(&f);
    const int64_t blur = HOUR - 1;   /* the data's step is an hour */
    add_claim(&f, SEP_27 - 2 * HOUR - blur, NOV_12 + 2 * HOUR, 0, "traffic");
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_SUPPORTED);
    f.claims.items[0].start = SEP_27 - 2 * HOUR - blur - 1;
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_DATES_DIFFER);
    ck_assert_int_eq(v->start_agrees, 0);
    ck_assert_int_eq(v->end_agrees, 1);
    f.opt.tolerance = 1;
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_SUPPORTED);
    f.claims.items[0].start = SEP_27 + HOUR + blur + 1;   /* late side */
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_SUPPORTED);
    f.claims.items[0].start = SEP_27 + HOUR + blur + 2;
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_DATES_DIFFER);
    f.claims.items[0].start = SEP_27;
    f.claims.items[0].end = NOV_12 - HOUR - blur - 2;     /* end interval starts at −1h */
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_DATES_DIFFER);
    f.claims.items[0].end = NOV_12 - HOUR - blur - 1;
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_SUPPORTED);
    teardown(&f);
}
END_TEST

/* Freedom on the Net's B1 section starts the blocking on 26 September. */
START_TEST(start_one_day_early_is_dates_differ)
{
    fixture f;
    setup(&f);
    add_claim(&f, SEP_27 - DAY, NOV_12, 0, NULL);
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_DATES_DIFFER);
    ck_assert_uint_eq(v->window, 0);   /* traffic: the end agrees there, a larger overlap */
    ck_assert_int_eq(v->start_diff, -DAY);
    ck_assert_int_eq(v->end_diff, 0);
    ck_assert_int_eq(v->duration_diff, DAY);
    ck_assert_int_eq(v->start_agrees, 0);
    ck_assert_int_eq(v->end_agrees, 1);
    ck_assert_int_eq(v->kind, DISRUPT_KIND_NOT_STATED);
    ck_assert_uint_eq(v->nsignals, 2);
    ck_assert_uint_eq(v->signals[0], 0);
    ck_assert_uint_eq(v->signals[1], 1);
    char text[128];
    disrupt_verify_describe(v, text, sizeof text);
    ck_assert_str_eq(text, "start 1d early, end agrees");
    /* A claimed end three days late, same verdict, the other way. */
    f.claims.items[0].start = SEP_27;
    f.claims.items[0].end = NOV_12 + 3 * DAY;
    v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_DATES_DIFFER);
    ck_assert_int_eq(v->end_diff, 3 * DAY);
    disrupt_verify_describe(v, text, sizeof text);
    ck_assert_str_eq(text, "start agrees, end 3d late");
    teardown(&f);
}
END_TEST

/* A claim far longer than the window: the window holds less than half of it. */
START_TEST(claim_mostly_outside_the_window_is_partly_supported)
{
    fixture f;
    setup(&f);
    int64_t cs = SEP_27 - 30 * DAY, ce = NOV_12 + 30 * DAY;   /* 106 days, 46 inside */
    add_claim(&f, cs, ce, DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING), "traffic");
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_PARTLY);
    ck_assert_double_eq_tol(v->share, 46.0 / 106.0, 1e-12);
    ck_assert_double_eq_tol(v->iou, 46.0 / 106.0, 1e-12);
    ck_assert_int_eq(v->start_diff, -30 * DAY);
    ck_assert_int_eq(v->end_diff, 30 * DAY);
    /* Exactly half inside is `dates differ` (share ≥ 0.5). */
    f.claims.items[0].start = SEP_27 - 46 * DAY;
    f.claims.items[0].end = NOV_12;
    v = run(&f);
    ck_assert_double_eq_tol(v->share, 0.5, 1e-12);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_DATES_DIFFER);
    f.claims.items[0].start -= HOUR;
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_PARTLY);
    teardown(&f);
}
END_TEST

START_TEST(covered_claim_without_window_is_not_supported)
{
    fixture f;
    setup(&f);
    add_claim(&f, JUN_1 + 10 * DAY, JUN_1 + 20 * DAY, 0, NULL);
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_NOT_SUPPORTED);
    ck_assert_int_eq(v->has_window, 0);
    ck_assert_double_eq_tol(v->coverage, 1.0, 1e-12);
    ck_assert_uint_eq(v->nsignals, 0);
    /* A window of another signal does not count when the claim names its signal. */
    f.claims.items[0].start = SEP_27;
    f.claims.items[0].end = NOV_12;
    free(f.claims.items[0].signal);
    f.claims.items[0].signal = strdup("www.facebook.com");
    f.windows.items[1].signal = 0;   /* both windows now on traffic */
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_NOT_SUPPORTED);
    teardown(&f);
}
END_TEST

START_TEST(claim_outside_the_series_is_no_data)
{
    fixture f;
    setup(&f);
    add_claim(&f, JUN_1 - 60 * DAY, JUN_1 - 30 * DAY, 0, NULL);
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_NO_DATA);
    ck_assert_double_eq(v->coverage, 0.0);
    ck_assert_int_eq(v->signal_missing, 0);
    /* Half the claim before the series begins: covered exactly 0.5 → judged. */
    f.claims.items[0].start = JUN_1 - 5 * DAY;
    f.claims.items[0].end = JUN_1 + 5 * DAY;
    v = run(&f);
    ck_assert_double_eq_tol(v->coverage, 0.5, 1e-12);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_NOT_SUPPORTED);
    f.claims.items[0].start -= HOUR;
    ck_assert_int_eq(run(&f)->verdict, DISRUPT_VERDICT_NO_DATA);
    teardown(&f);
}
END_TEST

/* Missing samples are not data: a claim over a collection gap has no data, even with a
 * window of the gapped signal nearby. */
START_TEST(collection_gap_is_no_data)
{
    fixture f;
    setup(&f);
    for (size_t s = 0; s < 2; s++) {
        disrupt_series *x = f.data.series[s];
        size_t a = disrupt_series_index_at(x, JUN_1 + 50 * DAY);
        for (size_t i = a; i < a + 10 * 24; i++)
            x->value[i] = NAN;
    }
    add_claim(&f, JUN_1 + 49 * DAY, JUN_1 + 60 * DAY, 0, NULL);   /* 1 of 11 days seen */
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_NO_DATA);
    ck_assert_double_eq_tol(v->coverage, 1.0 / 11.0, 1e-12);
    char text[128];
    disrupt_verify_describe(v, text, sizeof text);
    ck_assert_str_eq(text, "data covers 9% of the claimed period");
    teardown(&f);
}
END_TEST

START_TEST(unknown_signal_is_no_data)
{
    fixture f;
    setup(&f);
    add_claim(&f, SEP_27, NOV_12, 0, "web.whatsapp.com");
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_NO_DATA);
    ck_assert_int_eq(v->signal_missing, 1);
    char text[128];
    disrupt_verify_describe(v, text, sizeof text);
    ck_assert_str_eq(text, "the claimed signal is not among the inputs");
    teardown(&f);
}
END_TEST

/* A claimed blocking is matched with the blocking window even though the throttling window
 * overlaps the claim more; a kind nobody shows, with the dates right, is its own verdict:
 * a claimed shutdown over a throttling is what Freedom on the Net tells apart. */
START_TEST(stated_kind_chooses_the_window)
{
    fixture f;
    setup(&f);
    add_claim(&f, SEP_27, NOV_12, DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING), NULL);
    const disrupt_verification *v = run(&f);
    ck_assert_uint_eq(v->window, 1);
    ck_assert_int_eq(v->kind, DISRUPT_KIND_AGREES);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_DATES_DIFFER);
    ck_assert_int_eq(v->end_diff, 2 * DAY);
    ck_assert_uint_eq(v->signals[0], 1);
    ck_assert_uint_eq(v->signals[1], 0);
    f.claims.items[0].kinds = DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN);
    v = run(&f);
    ck_assert_uint_eq(v->window, 0);   /* no shutdown anywhere: the best overlap */
    ck_assert_int_eq(v->kind, DISRUPT_KIND_DIFFERS);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_KIND_DIFFERS);
    char text[128];
    disrupt_verify_describe(v, text, sizeof text);
    ck_assert_str_eq(text, "start agrees, end agrees; the data show throttling");
    f.claims.items[0].kinds |= DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING);
    v = run(&f);
    ck_assert_int_eq(v->kind, DISRUPT_KIND_AGREES);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_SUPPORTED);
    teardown(&f);
}
END_TEST

START_TEST(bad_options_and_claims_are_errors)
{
    fixture f;
    setup(&f);
    disrupt_error err = {0};
    add_claim(&f, SEP_27, SEP_27, 0, NULL);
    ck_assert_int_eq(disrupt_verify_run(&f.claims, &f.data, &f.windows, &f.opt, &f.result, &err),
                     DISRUPT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "ends before it starts"));
    f.claims.items[0].end = NOV_12;
    f.opt.tolerance = -1;
    ck_assert_int_eq(disrupt_verify_run(&f.claims, &f.data, &f.windows, &f.opt, &f.result, &err),
                     DISRUPT_EINVAL);
    f.opt.tolerance = 0;
    f.opt.min_share = 0;
    ck_assert_int_eq(disrupt_verify_run(&f.claims, &f.data, &f.windows, &f.opt, &f.result, &err),
                     DISRUPT_EINVAL);
    ck_assert_uint_eq(f.result.count, 0);
    teardown(&f);
}
END_TEST

START_TEST(names_and_kind_sets)
{
    ck_assert_str_eq(disrupt_verdict_name(DISRUPT_VERDICT_SUPPORTED), "supported");
    ck_assert_str_eq(disrupt_verdict_name(DISRUPT_VERDICT_DATES_DIFFER), "dates differ");
    ck_assert_str_eq(disrupt_verdict_name(DISRUPT_VERDICT_PARTLY), "partly supported");
    ck_assert_str_eq(disrupt_verdict_name(DISRUPT_VERDICT_NOT_SUPPORTED), "not supported");
    ck_assert_str_eq(disrupt_verdict_name(DISRUPT_VERDICT_NO_DATA), "no data");
    disrupt_kind_set k = 99;
    ck_assert_int_eq(disrupt_kind_set_parse("", 0, &k), 0);
    ck_assert_uint_eq(k, 0);
    const char *s = "Throttling + blocking";
    ck_assert_int_eq(disrupt_kind_set_parse(s, strlen(s), &k), 0);
    ck_assert_uint_eq(k, DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING) |
                             DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING));
    char out[64];
    ck_assert_uint_eq(disrupt_kind_set_format(k, out, sizeof out), strlen("throttling+blocking"));
    ck_assert_str_eq(out, "throttling+blocking");
    ck_assert_int_eq(disrupt_kind_set_parse("outage", 6, &k), 0);
    ck_assert_uint_eq(k, DISRUPT_KIND_BIT(DISRUPT_KIND_OUTAGE));
    ck_assert_int_eq(disrupt_kind_set_parse("slowdown", 8, &k), 1);
    ck_assert_uint_eq(disrupt_kind_set_format(k, out, 5), 0);
}
END_TEST

/* The writers keep a label with commas, quotes and a pipe intact in every format. */
START_TEST(writers_quote_labels)
{
    fixture f;
    setup(&f);
    ck_assert_int_eq(disrupt_claim_list_add(&f.claims, "FOTN \"A3\", 46 days | war", SEP_27 - DAY,
                                            NOV_12, 0, NULL, NULL, 2, NULL),
                     0);
    run(&f);
    disrupt_verify_report r = {&f.claims, &f.data, &f.windows, &f.result, &f.opt, "claims.csv"};
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ck_assert_int_eq(disrupt_verify_report_csv(out, &r, NULL), 0);
    fclose(out);
    ck_assert_ptr_nonnull(strstr(buf, "\n\"FOTN \"\"A3\"\", 46 days | war\",2020-09-26T00:00:00Z,"
                                      "2020-11-12T00:00:00Z,,,dates differ,traffic,throttling,"));
    ck_assert_ptr_nonnull(strstr(buf, ",-24,0,24,,1,traffic;www.facebook.com,"));
    free(buf);
    out = open_memstream(&buf, &len);
    ck_assert_int_eq(disrupt_verify_report_markdown(out, &r, NULL, NULL), 0);
    fclose(out);
    ck_assert_ptr_nonnull(strstr(buf, "| 1 | FOTN \"A3\", 46 days \\| war | 2020-09-26 00:00 – "));
    ck_assert_ptr_nonnull(strstr(buf, "| **dates differ** | start 1d early, end agrees |"));
    free(buf);
    out = open_memstream(&buf, &len);
    ck_assert_int_eq(disrupt_verify_report_json(out, &r, NULL), 0);
    fclose(out);
    ck_assert_ptr_nonnull(strstr(buf, "\"label\": \"FOTN \\\"A3\\\", 46 days | war\""));
    ck_assert_ptr_nonnull(strstr(buf, "\"start_diff_hours\": -24"));
    ck_assert_ptr_nonnull(strstr(buf, "\"kind_agrees\": null"));
    free(buf);
    out = open_memstream(&buf, &len);
    ck_assert_int_eq(disrupt_verify_report_table(out, &r, NULL, NULL), 0);
    fclose(out);
    ck_assert_ptr_nonnull(strstr(buf, "[1] FOTN \"A3\", 46 days | war (claims.csv:2)"));
    ck_assert_ptr_nonnull(strstr(buf, "1 claims: 0 supported, 0 kind differs, 1 dates differ"));
    free(buf);
    teardown(&f);
}
END_TEST

/* Nightly shutdowns claimed as one ten-week period: one night is W, all of them together
 * are the signal's share, and the verdict is `partly supported`. */
START_TEST(nightly_windows_count_together)
{
    fixture f;
    setup(&f);
    f.windows.count = 0;
    int64_t first = JUN_1 + 10 * DAY;
    for (int night = 0; night < 70; night++) {
        disrupt_window w = make_window(0, DISRUPT_KIND_SHUTDOWN, first + night * DAY + 18 * HOUR,
                                       first + night * DAY + 26 * HOUR);
        ck_assert_int_eq(disrupt_window_list_push(&f.windows, &w, NULL), 0);
    }
    add_claim(&f, first, first + 70 * DAY, DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN), "traffic");
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_PARTLY);
    ck_assert_uint_eq(v->nwindows, 70);
    ck_assert_double_eq_tol(v->share, 8.0 / (70 * 24), 1e-12);
    /* The last night reaches 2 h past the claim's end. */
    ck_assert_double_eq_tol(v->signal_share, (70 * 8.0 - 2) / (70 * 24), 1e-12);
    char text[160];
    disrupt_verify_describe(v, text, sizeof text);
    ck_assert_ptr_nonnull(strstr(text, "detected in 0% of the claimed period (33% in 70 windows)"));
    teardown(&f);
}
END_TEST

/* A shutdown inside a throttling is three adjoining windows: matched together, dated by the
 * first start and the last end, and a claimed shutdown agrees on kind. */
START_TEST(adjoining_windows_are_one_chain)
{
    fixture f;
    setup(&f);
    f.windows.count = 0;
    int64_t a = SEP_27, b = SEP_27 + 5 * DAY, c = SEP_27 + 7 * DAY, e = NOV_12;
    disrupt_window w = make_window(0, DISRUPT_KIND_THROTTLING, a, b);
    ck_assert_int_eq(disrupt_window_list_push(&f.windows, &w, NULL), 0);
    w = make_window(0, DISRUPT_KIND_SHUTDOWN, b, c);
    ck_assert_int_eq(disrupt_window_list_push(&f.windows, &w, NULL), 0);
    w = make_window(0, DISRUPT_KIND_THROTTLING, c, e);
    ck_assert_int_eq(disrupt_window_list_push(&f.windows, &w, NULL), 0);
    add_claim(&f, a, e, DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN), "traffic");
    const disrupt_verification *v = run(&f);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_SUPPORTED);
    ck_assert_uint_eq(v->window, 0);
    ck_assert_uint_eq(v->chained, 3);
    ck_assert_uint_eq(v->nwindows, 3);
    ck_assert_int_eq(v->match.start, a);
    ck_assert_int_eq(v->match.end, e);
    ck_assert_int_eq(v->match.end_hi, e + 2 * HOUR);
    ck_assert_int_eq(v->match.kind, DISRUPT_KIND_THROTTLING);   /* the longest member */
    ck_assert_int_eq(v->kind, DISRUPT_KIND_AGREES);
    ck_assert_double_eq_tol(v->share, 1.0, 1e-12);
    /* A gap of one hour breaks the chain: the longer part alone is matched. */
    f.windows.items[2].start += HOUR;
    v = run(&f);
    ck_assert_uint_eq(v->chained, 2);
    ck_assert_int_eq(v->match.end, c);
    ck_assert_int_eq(v->verdict, DISRUPT_VERDICT_PARTLY);   /* kind first: the shutdown part */
    teardown(&f);
}
END_TEST

START_TEST(durations_for_people)
{
    char out[32];
    ck_assert_uint_eq(disrupt_verify_duration(3 * DAY + 12 * HOUR, out, sizeof out), 6);
    ck_assert_str_eq(out, "3d 12h");
    disrupt_verify_duration(-(2 * HOUR + 30 * 60), out, sizeof out);
    ck_assert_str_eq(out, "2h 30m");
    disrupt_verify_duration(62250 * 60, out, sizeof out);
    ck_assert_str_eq(out, "43d 5h 30m");
    disrupt_verify_duration(0, out, sizeof out);
    ck_assert_str_eq(out, "0");
    disrupt_verify_duration(DAY + 1, out, sizeof out);
    ck_assert_str_eq(out, "1d 1s");
    ck_assert_uint_eq(disrupt_verify_duration(3 * DAY + 12 * HOUR, out, 4), 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("verify");
    TCase *tc = tcase_create("verdicts");
    tcase_add_test(tc, exact_claim_is_supported);
    tcase_add_test(tc, a_signal_detect_left_out_covers_no_claim);
    tcase_add_test(tc, boundary_interval_edges_and_tolerance);
    tcase_add_test(tc, start_one_day_early_is_dates_differ);
    tcase_add_test(tc, claim_mostly_outside_the_window_is_partly_supported);
    tcase_add_test(tc, covered_claim_without_window_is_not_supported);
    tcase_add_test(tc, claim_outside_the_series_is_no_data);
    tcase_add_test(tc, collection_gap_is_no_data);
    tcase_add_test(tc, unknown_signal_is_no_data);
    tcase_add_test(tc, stated_kind_chooses_the_window);
    tcase_add_test(tc, bad_options_and_claims_are_errors);
    tcase_add_test(tc, names_and_kind_sets);
    tcase_add_test(tc, writers_quote_labels);
    tcase_add_test(tc, nightly_windows_count_together);
    tcase_add_test(tc, adjoining_windows_are_one_chain);
    tcase_add_test(tc, durations_for_people);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
