/* check_plot.c — charts: the computed layout (ticks, labels, window edges, no overlaps) and
 * real rendering (PNG pixels read back, SVG parsed as XML, PDF opened).
 *
 * The input is built by hand: a synthetic hourly traffic series over Jun 2020 – Jan 2021 with
 * a daily cycle, throttled to 58% from 27 Sep to 12 Nov 2020, with three missing days, and a
 * daily count series of blocked WhatsApp measurements. Set DISRUPT_TEST_KEEP=DIR to keep the
 * rendered files for a look.
 */
#include <cairo.h>
#include <pango/pangocairo.h>
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "disrupt/plot/plot.h"
#include "disrupt/core/timefmt.h"
#include "testutil.h"

#define DAY 86400
#define T(y, mo, d) disrupt_time_from_civil(y, mo, d, 0, 0, 0)

typedef struct {
    disrupt_dataset data;
    double *expected[2];
    const double *expected_view[2];
    disrupt_window_list windows;
    disrupt_event_list events;
    disrupt_plot_claim claim;
    disrupt_plot_input in;
} fixture;

static double diurnal(int64_t t)
{
    double h = (double)((t + 4 * 3600) % DAY) / 3600.0;  /* Baku local hour */
    return 1.0 + 0.35 * sin((h - 9) / 24.0 * 2 * M_PI);
}

static void add_window(fixture *f, size_t signal, disrupt_window_kind kind, int64_t start,
                       int64_t end, double level)
{
    disrupt_window w = {0};
    w.signal = signal;
    w.kind = kind;
    w.start = start;
    w.end = end;
    w.start_lo = start - 2 * 3600;
    w.start_hi = start + 3600;
    w.end_lo = end - 3600;
    w.end_hi = end + 2 * 3600;
    w.baseline = 1;
    w.level = level;
    w.depth = kind == DISRUPT_KIND_BLOCKING ? level : 1 - level;
    /* Built by hand: the chart only reads the list. */
    disrupt_window *items = realloc(f->windows.items, (f->windows.count + 1) * sizeof *items);
    ck_assert_ptr_nonnull(items);
    f->windows.items = items;
    f->windows.items[f->windows.count++] = w;
}

static void fixture_init(fixture *f, int with_counts)
{
    memset(f, 0, sizeof *f);
    disrupt_dataset_init(&f->data);
    disrupt_event_list_init(&f->events);
    int64_t t0 = T(2020, 6, 1), t1 = T(2021, 2, 1);
    size_t n = (size_t)((t1 - t0) / 3600);
    disrupt_series *s = disrupt_series_alloc("Traffic", "datasets/azerbaijan-2020/traffic.csv",
                                             DISRUPT_SIGNAL_LEVEL, t0, 3600, n);
    ck_assert_ptr_nonnull(s);
    s->unit = strdup("Gbit/s");
    s->synthetic = 1;
    f->expected[0] = malloc(n * sizeof(double));
    unsigned seed = 7;
    for (size_t i = 0; i < n; i++) {
        int64_t t = disrupt_series_time(s, i);
        double e = 120 * diurnal(t);
        seed = seed * 1103515245u + 12345u;
        double noise = ((double)(seed >> 16 & 0x7FFF) / 32767.0 - 0.5) * 12;
        double level = t >= T(2020, 9, 27) && t < T(2020, 11, 12) ? 0.58 : 1.0;
        f->expected[0][i] = e;
        s->value[i] = e * level + noise;
        if (t >= T(2020, 7, 14) && t < T(2020, 7, 17))
            s->value[i] = NAN;
    }
    ck_assert_int_eq(disrupt_dataset_add(&f->data, s, NULL), 0);
    add_window(f, 0, DISRUPT_KIND_THROTTLING, T(2020, 9, 27), T(2020, 11, 12), 0.58);
    if (with_counts) {
        size_t nd = (size_t)((t1 - t0) / DAY);
        disrupt_series *c = disrupt_series_alloc("WhatsApp (OONI)", "datasets/azerbaijan-2020/whatsapp.csv",
                                                 DISRUPT_SIGNAL_COUNTS, t0, DAY, nd);
        ck_assert_ptr_nonnull(c);
        c->synthetic = 1;
        for (size_t i = 0; i < nd; i++) {
            int64_t t = disrupt_series_time(c, i);
            c->trials[i] = 40;
            c->value[i] = t >= T(2020, 9, 27) && t < T(2020, 11, 11) ? 31 : (double)(i % 3);
        }
        ck_assert_int_eq(disrupt_dataset_add(&f->data, c, NULL), 0);
        add_window(f, 1, DISRUPT_KIND_BLOCKING, T(2020, 9, 27), T(2020, 11, 11), 0.775);
        add_window(f, 0, DISRUPT_KIND_SHUTDOWN, T(2020, 12, 3), T(2020, 12, 4), 0.03);
    }
    f->expected_view[0] = f->expected[0];
    f->expected_view[1] = NULL;
    f->in.data = &f->data;
    f->in.expected = f->expected_view;
    f->in.windows = &f->windows;
}

static void fixture_add_annotations(fixture *f)
{
    ck_assert_int_eq(disrupt_event_list_push(&f->events, T(2020, 9, 27), "War begins in Gəncə region", NULL), 0);
    ck_assert_int_eq(disrupt_event_list_push(&f->events, T(2020, 11, 10), "Ceasefire; Şəki quiet", NULL), 0);
    f->in.events = &f->events;
    f->claim.label = "FOTN 2021: 27 Sep – 12 Nov";
    f->claim.start = T(2020, 9, 27);
    f->claim.end = T(2020, 11, 12);
    f->in.claims = &f->claim;
    f->in.nclaims = 1;
}

static void fixture_fini(fixture *f)
{
    disrupt_dataset_fini(&f->data);
    free(f->windows.items);
    disrupt_event_list_fini(&f->events);
    free(f->expected[0]);
    free(f->expected[1]);
}

static int boxes_overlap(disrupt_rect a, disrupt_rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int inside(disrupt_rect in, disrupt_rect out)
{
    return in.x >= out.x - 1e-6 && in.y >= out.y - 1e-6 && in.x + in.w <= out.x + out.w + 1e-6 &&
           in.y + in.h <= out.y + out.h + 1e-6;
}

/* ---- layout ---- */

START_TEST(test_window_label_text)
{
    disrupt_window w = {0};
    w.kind = DISRUPT_KIND_THROTTLING;
    w.start = T(2020, 9, 27);
    w.end = T(2020, 11, 12);
    w.level = 0.58;
    w.depth = 0.42;
    char *s = disrupt_plot_window_label(&w, NULL, NULL);
    ck_assert_str_eq(s, "Throttling \xC2\xB7 27 Sep \xE2\x80\x93 12 Nov 2020 \xC2\xB7 46 days \xC2\xB7 \xE2\x88\x92" "42%");
    free(s);
    w.kind = DISRUPT_KIND_SHUTDOWN;
    w.start = T(2020, 9, 27) + 4 * 3600;
    w.end = T(2020, 9, 27) + 9 * 3600;
    w.depth = 0.97;
    s = disrupt_plot_window_label(&w, NULL, NULL);
    ck_assert_str_eq(s, "Shutdown \xC2\xB7 27 Sep 2020 04:00\xE2\x80\x93" "09:00 \xC2\xB7 5 h \xC2\xB7 \xE2\x88\x92" "97%");
    free(s);
    /* In Baku (UTC+4) the same window is 08:00–13:00. */
    s = disrupt_plot_window_label(&w, NULL, "Asia/Baku");
    ck_assert_ptr_nonnull(strstr(s, "08:00\xE2\x80\x93" "13:00"));
    free(s);
    w.kind = DISRUPT_KIND_BLOCKING;
    w.start = T(2020, 12, 20);
    w.end = T(2021, 1, 3);
    w.level = 0.775;
    s = disrupt_plot_window_label(&w, NULL, NULL);
    ck_assert_str_eq(s, "Blocking \xC2\xB7 20 Dec 2020 \xE2\x80\x93 3 Jan 2021 \xC2\xB7 14 days \xC2\xB7 78% blocked");
    free(s);
    /* Cut off by the end of the data: ongoing, not an end date. */
    w.kind = DISRUPT_KIND_SHUTDOWN;
    w.start = T(2019, 11, 16) + 18 * 3600 + 1800;
    w.end = T(2019, 11, 20);
    w.end_censored = 1;
    w.depth = 0.9;
    s = disrupt_plot_window_label(&w, NULL, NULL);
    ck_assert_str_eq(s, "Shutdown \xC2\xB7 16 Nov 2019 18:30 \xE2\x80\x93 data end \xC2\xB7 3.2 days so far \xC2\xB7 \xE2\x88\x92" "90%");
    free(s);
}
END_TEST

START_TEST(test_layout_window_edges_and_axis)
{
    fixture f;
    fixture_init(&f, 0);
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    disrupt_plot_layout l;
    disrupt_error err;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, &err), 0);
    ck_assert_double_eq_tol(l.width, 165.0 / 25.4 * 72.0, 1e-9);
    ck_assert_uint_eq(l.npanels, 1);
    ck_assert_uint_eq(l.nmarks, 1);
    /* The window's edges sit at the times' share of the plot width. */
    double span = (double)(T(2021, 2, 1) - T(2020, 6, 1));
    double x0 = l.plot_area.x + l.plot_area.w * (double)(T(2020, 9, 27) - T(2020, 6, 1)) / span;
    double x1 = l.plot_area.x + l.plot_area.w * (double)(T(2020, 11, 12) - T(2020, 6, 1)) / span;
    ck_assert_double_eq_tol(l.marks[0].x0, x0, 1e-9);
    ck_assert_double_eq_tol(l.marks[0].x1, x1, 1e-9);
    ck_assert_double_lt(l.marks[0].start_lo, l.marks[0].x0);
    ck_assert_double_gt(l.marks[0].end_hi, l.marks[0].x1);
    ck_assert_ptr_nonnull(strstr(l.marks[0].label, "46 days"));
    /* Month labels with the year where it changes. */
    ck_assert_int_eq(l.axis.label.unit, DISRUPT_TIMEUNIT_MONTH);
    ck_assert_str_eq(l.axis.labels[0].text, "Jun");
    ck_assert_str_eq(l.axis.context[0].text, "2020");
    ck_assert_str_eq(l.axis.context[l.axis.ncontext - 1].text, "2021");
    /* 1-2-5 ticks from zero covering the data. */
    const disrupt_plot_panel *p = &l.panels[0];
    ck_assert_double_eq(p->ymin, 0);
    ck_assert_double_ge(p->ymax, 120 * 1.35);
    double step = p->yticks[1].value - p->yticks[0].value;
    double mant = step / pow(10, floor(log10(step)));
    ck_assert(fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 || fabs(mant - 5) < 1e-9);
    ck_assert_str_eq(p->yticks[0].text, "0");
    /* Caption names the file and says the data is synthetic, and the zone. */
    ck_assert_ptr_nonnull(strstr(l.caption, "traffic.csv"));
    ck_assert_ptr_nonnull(strstr(l.caption, "Synthetic"));
    ck_assert_ptr_nonnull(strstr(l.caption, "UTC"));
    /* Everything is inside the page. */
    disrupt_rect page = {0, 0, l.width, l.height};
    ck_assert(inside(p->frame, page));
    ck_assert(inside(l.marks[0].label_box, page));
    ck_assert(inside(l.caption_box, page));
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_layout_top_tick_clear_of_the_panel_title)
{
    /* The counts panel has no window labels between its title and its frame: its top y tick,
     * centred on the frame's top edge, must still sit below the title's box. */
    fixture f;
    fixture_init(&f, 1);
    f.windows.count = 1;   /* keep only the traffic window: the counts panel has no label */
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    for (size_t p = 0; p < l.npanels; p++) {
        const disrupt_plot_panel *pn = &l.panels[p];
        double title_bottom = pn->title_box.y + pn->title_box.h;
        for (size_t i = 0; i < pn->nyticks; i++)
            ck_assert_msg(pn->yticks[i].y - 0.45 * 0.9 * l.em * 1.3 >= title_bottom,
                          "panel %zu: tick '%s' at %.1f under the title ending at %.1f", p,
                          pn->yticks[i].text, pn->yticks[i].y, title_bottom);
    }
    disrupt_plot_layout_fini(&l);
    f.windows.count = 2;
    fixture_fini(&f);
}
END_TEST

START_TEST(test_layout_says_a_panel_was_not_analysed)
{
    /* A series detect left out has no windows; its panel title must say why, not look like
     * a series without disruptions. */
    fixture f;
    fixture_init(&f, 1);
    const char *left_out[2] = {NULL, NULL};
    char why[160];
    snprintf(why, sizeof why, "%s: too few normal samples to fit a baseline (1)",
             f.in.data->series[1]->name);
    left_out[1] = why;
    f.in.left_out = left_out;
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    ck_assert_ptr_null(strstr(l.panels[0].title, "not analysed"));
    ck_assert_ptr_nonnull(strstr(l.panels[1].title,
                                 "not analysed: too few normal samples to fit a baseline (1)"));
    char named[200]; /* the message's leading "NAME: " is not repeated */
    snprintf(named, sizeof named, "%s: too few", f.in.data->series[1]->name);
    ck_assert_ptr_null(strstr(l.panels[1].title, named));
    disrupt_plot_layout_fini(&l);
    f.in.left_out = NULL;
    fixture_fini(&f);
}
END_TEST

START_TEST(test_layout_labels_never_overlap)
{
    /* Forty short windows in one month: labels go to lanes, never overlap, never leave the
     * frame; the run gets one label. */
    fixture f;
    fixture_init(&f, 1);
    fixture_add_annotations(&f);
    for (int k = 0; k < 40; k++) {
        int64_t s = T(2020, 12, 1) + (int64_t)k * 18 * 3600;
        add_window(&f, 0, DISRUPT_KIND_SHUTDOWN, s, s + 5 * 3600, 0.05);
    }
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.title = "Azerbaijan, 2020: throttling and blocking during the war";
    opt.subtitle = "Synthetic series; windows detected by disrupt";
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    ck_assert_uint_eq(l.nmarks, f.windows.count);
    size_t labelled = 0;
    for (size_t i = 0; i < l.nmarks; i++) {
        if (!l.marks[i].label)
            continue;
        labelled++;
        ck_assert_double_ge(l.marks[i].label_box.x, l.plot_area.x - 1e-9);
        ck_assert_double_le(l.marks[i].label_box.x + l.marks[i].label_box.w,
                            l.plot_area.x + l.plot_area.w + 1e-9);
        const disrupt_plot_panel *p = &l.panels[l.marks[i].panel];
        ck_assert(inside(l.marks[i].label_box, p->label_strip));
        for (size_t j = 0; j < i; j++)
            if (l.marks[j].label)
                ck_assert(!boxes_overlap(l.marks[i].label_box, l.marks[j].label_box));
        for (size_t e = 0; e < l.nevents; e++)
            if (l.events[e].label)
                ck_assert(!boxes_overlap(l.marks[i].label_box, l.events[e].label_box));
    }
    ck_assert_uint_eq(labelled, 3);
    ck_assert_uint_eq(l.unlabelled, 0);
    /* The forty short shutdowns in a row, with the one-day shutdown of 3 Dec among them,
     * have one label for the run, on the first. */
    const disrupt_plot_mark *run = &l.marks[3];
    ck_assert_uint_eq(run->run, 41);
    ck_assert_str_eq(run->label, "Shutdown \xC3\x97 41 \xC2\xB7 1 \xE2\x80\x93 30 Dec 2020 \xC2\xB7 5 h \xE2\x80\x93 1 day each \xC2\xB7 median \xE2\x88\x92" "95%");
    ck_assert_double_eq_tol(run->bracket_x1, l.marks[42].x1, 1e-9);
    ck_assert_ptr_null(l.marks[2].label);
    for (size_t i = 2; i < l.nmarks; i++)
        ck_assert(l.marks[i].in_run);
    ck_assert(!l.marks[0].in_run);
    /* The big windows are labelled first. */
    for (size_t i = 0; i < l.nmarks; i++)
        if (l.marks[i].window == 0 || l.marks[i].window == 1)
            ck_assert_ptr_nonnull(l.marks[i].label);
    /* Events and the claim have labels in their own strips. */
    ck_assert_uint_eq(l.nevents, 2);
    ck_assert_ptr_nonnull(l.events[0].label);
    ck_assert_uint_eq(l.nclaims, 1);
    ck_assert(!boxes_overlap(l.claims[0].label_box, l.events[0].label_box));
    ck_assert(!boxes_overlap(l.claims[0].label_box, l.events[1].label_box));
    ck_assert(!boxes_overlap(l.events[0].label_box, l.events[1].label_box));
    /* Panels are stacked, top to bottom, not overlapping. */
    ck_assert_double_lt(l.panels[0].frame.y + l.panels[0].frame.h, l.panels[1].title_box.y);
    ck_assert_str_eq(l.panels[1].yticks[0].text, "0%");
    ck_assert_str_eq(l.panels[1].yticks[l.panels[1].nyticks - 1].text, "100%");
    ck_assert_double_eq(l.panels[1].ymax, 100);
    ck_assert(!boxes_overlap(l.title_box, l.legend_box));
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_layout_crowded_windows_are_counted)
{
    /* Twelve separate 3-day windows in December (too far apart to be a run): at most four
     * lanes of labels; the rest are shaded, counted, and the caption says so. */
    fixture f;
    fixture_init(&f, 0);
    for (int k = 0; k < 12; k++) {
        int64_t s = T(2020, 12, 1) + (int64_t)k * 5 * DAY;
        add_window(&f, 0, k % 2 ? DISRUPT_KIND_SHUTDOWN : DISRUPT_KIND_THROTTLING, s, s + 3 * DAY, 0.1);
    }
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, NULL, NULL, NULL, &l, NULL), 0);
    size_t labelled = 0;
    for (size_t i = 0; i < l.nmarks; i++) {
        ck_assert(!l.marks[i].in_run);
        if (!l.marks[i].label)
            continue;
        labelled++;
        ck_assert_int_lt(l.marks[i].lane, 4);
        for (size_t j = 0; j < i; j++)
            if (l.marks[j].label)
                ck_assert(!boxes_overlap(l.marks[i].label_box, l.marks[j].label_box));
    }
    ck_assert_uint_gt(l.unlabelled, 0);
    ck_assert_uint_eq(labelled + l.unlabelled, l.nmarks);
    for (char *c = l.caption; *c; c++)
        if (*c == '\n')
            *c = ' ';  /* the caption is wrapped */
    ck_assert_ptr_nonnull(strstr(l.caption, "without a label"));
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_layout_narrow_figure_wraps_labels)
{
    /* A 80 mm figure (a phone, a report column): labels wider than the plot wrap between
     * their parts over several lanes, and still stay inside and apart. */
    fixture f;
    fixture_init(&f, 1);
    fixture_add_annotations(&f);
    f.claim.label = "Freedom House, Freedom on the Net 2021 (A3): internet throttled and social "
                    "media blocked for 46 days, 27 Sep - 12 Nov 2020";
    f.claim.verdict = "supported"; /* a part of its own after a part wider than the plot */
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    ck_assert_int_eq(disrupt_plot_length_parse("80mm", &opt.width), 0);
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    int wrapped = 0;
    for (size_t i = 0; i < l.nmarks; i++) {
        if (!l.marks[i].label)
            continue;
        wrapped |= strchr(l.marks[i].label, '\n') != NULL;
        ck_assert_double_ge(l.marks[i].label_box.x, l.plot_area.x - 1e-9);
        ck_assert_double_le(l.marks[i].label_box.x + l.marks[i].label_box.w,
                            l.plot_area.x + l.plot_area.w + 1e-9);
        ck_assert(inside(l.marks[i].label_box, l.panels[l.marks[i].panel].label_strip));
        for (size_t j = 0; j < i; j++)
            if (l.marks[j].label)
                ck_assert(!boxes_overlap(l.marks[i].label_box, l.marks[j].label_box));
    }
    ck_assert(wrapped);
    /* Every line of the caption fits the page (widths by the same 0.62 em estimate). */
    double size = 0.85 * l.em, limit = l.caption_box.w;
    size_t lines = 0;
    for (char *p = l.caption, *e; p; p = e ? e + 1 : NULL, lines++) {
        e = strchr(p, '\n');
        size_t n = 0;
        for (char *q = p; q != e && *q; q++)
            n += ((unsigned char)*q & 0xC0) != 0x80;
        ck_assert_double_le(0.62 * size * (double)n, limit + 1e-9);
    }
    ck_assert_uint_ge(lines, 2);
    ck_assert_ptr_nonnull(l.claims[0].label);
    ck_assert_ptr_nonnull(strchr(l.claims[0].label, '\n'));
    ck_assert_double_le(l.claims[0].label_box.x + l.claims[0].label_box.w,
                        l.plot_area.x + l.plot_area.w + 1e-9);
    ck_assert_double_lt(l.claims[0].label_box.y + l.claims[0].label_box.h, l.claims[0].y);
    for (size_t e = 0; e < l.nevents; e++)
        if (l.events[e].label)
            ck_assert(!boxes_overlap(l.claims[0].label_box, l.events[e].label_box));
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

/* Lines of a wrapped text, as separate strings (at most 16). */
static size_t split_wrapped(const char *text, char lines[16][256])
{
    size_t n = 0;
    for (const char *p = text; p && n < 16; n++) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        snprintf(lines[n], 256, "%.*s", (int)len, p);
        p = e ? e + 1 : NULL;
    }
    return n;
}

START_TEST(test_layout_titles_balanced_dates_whole)
{
    /* At 80 mm, titles of 4 to 30 words that take several lines never leave one orphan word on
     * the last, and their lines are about as long; claim labels with a date placed anywhere
     * wrap, but never between a day and its month or a month and its year. */
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char title[512] = "", claim[512];
    size_t multi = 0, claims_wrapped = 0;
    for (int words = 1; words <= 30; words++) {
        strcat(title, words == 1 ? "" : " ");
        strcat(title, words % 3 ? "traffic" : "during");
        fixture f;
        fixture_init(&f, 1);
        fixture_add_annotations(&f);
        snprintf(claim, sizeof claim, "%.*sblocked 27 Sep 2020 to 12 Nov 2020, 46 days",
                 6 * words, "Report says that it was all throttled and then blocked and so on");
        f.claim.label = claim;
        disrupt_plot_options opt;
        disrupt_plot_options_init(&opt);
        opt.title = title;
        ck_assert_int_eq(disrupt_plot_length_parse("80mm", &opt.width), 0);
        disrupt_plot_layout l;
        ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
        char lines[16][256];
        size_t n = split_wrapped(l.title, lines);
        if (n >= 2) {
            multi++;
            ck_assert_msg(strchr(lines[n - 1], ' ') != NULL, "%d words: orphan last line '%s'",
                          words, lines[n - 1]);
            size_t shortest = SIZE_MAX, longest = 0;
            for (size_t i = 0; i < n; i++) {
                shortest = strlen(lines[i]) < shortest ? strlen(lines[i]) : shortest;
                longest = strlen(lines[i]) > longest ? strlen(lines[i]) : longest;
            }
            ck_assert_msg(2 * shortest >= longest, "%d words: unbalanced '%s' / '%s'", words,
                          lines[0], lines[n - 1]);
        }
        n = l.claims[0].label ? split_wrapped(l.claims[0].label, lines) : 0;
        claims_wrapped += n >= 2;
        for (size_t i = 0; i + 1 < n; i++) {
            const char *last = strrchr(lines[i], ' ');
            last = last ? last + 1 : lines[i];
            int ends_day = strlen(last) <= 2 && last[0] >= '0' && last[0] <= '9';
            int ends_month = 0, starts_month = 0;
            for (size_t m = 0; m < 12; m++) {
                ends_month |= strncmp(last, months[m], 3) == 0;
                starts_month |= strncmp(lines[i + 1], months[m], 3) == 0;
            }
            int starts_year = strncmp(lines[i + 1], "20", 2) == 0;
            ck_assert_msg(!(ends_day && starts_month) && !(ends_month && starts_year),
                          "a date broken across '%s' / '%s'", lines[i], lines[i + 1]);
        }
        disrupt_plot_layout_fini(&l);
        fixture_fini(&f);
    }
    ck_assert_uint_ge(multi, 10);
    ck_assert_uint_ge(claims_wrapped, 10);
}
END_TEST

START_TEST(test_layout_claim_above_its_signal)
{
    /* A claim about WhatsApp sits above the WhatsApp panel's window labels; one about no
     * known signal sits above all panels. */
    fixture f;
    fixture_init(&f, 1);
    disrupt_plot_claim claims[2] = {
        {"OONI: WhatsApp blocked 27 Sep - 11 Nov 2020", T(2020, 9, 27), T(2020, 11, 11), "WhatsApp (OONI)",
         "supported"},
        {"FOTN 2021 B1: blocking began 26 Sep", T(2020, 9, 26), T(2020, 11, 12), "no such signal", NULL},
    };
    f.in.claims = claims;
    f.in.nclaims = 2;
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, NULL, NULL, NULL, &l, NULL), 0);
    ck_assert_uint_eq(l.nclaims, 2);
    const disrupt_plot_panel *wa = &l.panels[1];
    ck_assert_uint_eq(l.claims[0].panel, 1);
    ck_assert(inside(l.claims[0].label_box, wa->claim_strip));
    ck_assert_double_gt(l.claims[0].y, wa->title_box.y + wa->title_box.h);
    ck_assert_double_lt(l.claims[0].y, wa->label_strip.y + 1e-9);
    /* A checked claim carries its verdict beside its bracket; an unchecked one none. */
    ck_assert_ptr_nonnull(strstr(l.claims[0].label, "verdict: supported"));
    ck_assert_ptr_null(strstr(l.claims[1].label, "verdict"));
    ck_assert_uint_eq(l.claims[1].panel, SIZE_MAX);
    ck_assert_double_lt(l.claims[1].y, l.panels[0].title_box.y);
    ck_assert_double_eq(l.panels[0].claim_strip.h, 0);
    /* Bracket ends at the claimed times. */
    ck_assert_double_eq_tol(l.claims[0].x1, disrupt_plot_x(&l, T(2020, 11, 11)), 1e-9);
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_layout_relative_and_size)
{
    fixture f;
    fixture_init(&f, 0);
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.relative = 1;
    ck_assert_int_eq(disrupt_plot_length_parse("1600px", &opt.width), 0);
    ck_assert_int_eq(disrupt_plot_length_parse("900", &opt.height), 0);
    opt.dpi = 200;
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    ck_assert_double_eq_tol(l.width, 1600.0 / 200 * 72, 1e-9);
    ck_assert_double_eq_tol(l.height, 900.0 / 200 * 72, 1e-9);
    const disrupt_plot_panel *p = &l.panels[0];
    int has_100 = 0;
    for (size_t i = 0; i < p->nyticks; i++)
        has_100 |= strcmp(p->yticks[i].text, "100%") == 0;
    ck_assert(has_100);
    ck_assert_ptr_nonnull(strstr(p->title, "% of expected"));
    disrupt_plot_layout_fini(&l);
    /* A height too small for the panels is refused with a reason. */
    ck_assert_int_eq(disrupt_plot_length_parse("1in", &opt.height), 0);
    disrupt_error err;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, &err), DISRUPT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "no room"));
    fixture_fini(&f);
}
END_TEST

static int legend_has(const disrupt_plot_layout *l, disrupt_legend_what what)
{
    for (size_t i = 0; i < l->nlegend; i++)
        if (l->legend[i].what == what)
            return 1;
    return 0;
}

START_TEST(test_relative_leaves_shares_as_measured)
{
    /* --relative on a blocked-share panel: a share has no % of expected, so its title says it
     * is drawn as measured, its axis stays a share, and no "Expected (100%)" is announced for
     * it (here only the count panel has an expected series). */
    fixture f;
    fixture_init(&f, 1);
    size_t nd = f.data.series[1]->n;
    f.expected[1] = malloc(nd * sizeof(double));
    for (size_t i = 0; i < nd; i++)
        f.expected[1][i] = 1;
    f.expected_view[1] = f.expected[1];
    f.expected_view[0] = NULL;
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.relative = 1;
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    ck_assert_ptr_nonnull(strstr(l.panels[1].title, "as measured"));
    ck_assert_double_le(l.panels[1].ymax, 110);
    ck_assert(!legend_has(&l, DISRUPT_LEGEND_EXPECTED));
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_yrange_robust_to_outliers)
{
    /* Two samples of 400 among eight months near 100 do not set the range: the axis follows
     * the 99.9th percentile, the panel says it clips, the caption explains the markers. A
     * step to twice the level over months is data, not an outlier: not clipped. */
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    for (int k = 0; k < 2; k++) {
        disrupt_series *s = disrupt_series_alloc(k ? "step" : "spiky", NULL, DISRUPT_SIGNAL_LEVEL,
                                                 T(2020, 1, 1), 3600, 24 * 240);
        for (size_t i = 0; i < s->n; i++)
            s->value[i] = k ? (i > s->n / 2 ? 210 : 100) + (double)(i % 5)
                            : (i == 1000 || i == 3000 ? 400 : 100 + (double)(i % 7));
        ck_assert_int_eq(disrupt_dataset_add(&d, s, NULL), 0);
    }
    disrupt_plot_input in = {&d, NULL, NULL, NULL, NULL, 0, NULL};
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&in, NULL, NULL, NULL, &l, NULL), 0);
    ck_assert_int_eq(l.panels[0].clipped, 1);
    ck_assert_double_lt(l.panels[0].ymax, 200);
    ck_assert_double_ge(l.panels[0].ymax, 106);
    ck_assert_int_eq(l.panels[1].clipped, 0);
    ck_assert_double_ge(l.panels[1].ymax, 214);
    char flat[2048];
    tu_one_line(flat, sizeof flat, l.caption);
    ck_assert_ptr_nonnull(strstr(flat, "99.9th percentile"));
    disrupt_plot_layout_fini(&l);
    disrupt_dataset_fini(&d);
}
END_TEST

START_TEST(test_caption_with_source_keeps_files_and_synthetic)
{
    fixture f;
    fixture_init(&f, 0);
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.source = "Source: disrupt analysis of IODA and OONI data";
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    char flat[2048];
    tu_one_line(flat, sizeof flat, l.caption);
    ck_assert_ptr_nonnull(strstr(flat, "Source: disrupt analysis"));
    ck_assert_ptr_nonnull(strstr(flat, "datasets/azerbaijan-2020/traffic.csv"));
    ck_assert_ptr_nonnull(strstr(flat, "Synthetic data"));
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_layout_phases_inside_the_shade)
{
    /* A window of three phases (onset, deepest, restoration): the rules where they meet sit
     * at the phases' starts, inside the shaded span, and the deepest is marked over its own
     * stretch. A window of one phase has none. */
    fixture f;
    fixture_init(&f, 0);
    disrupt_phase ph[3] = {
        {DISRUPT_KIND_THROTTLING, DISRUPT_PHASE_ONSET, T(2020, 9, 27), T(2020, 10, 3), 0.8},
        {DISRUPT_KIND_THROTTLING, DISRUPT_PHASE_DEEPEST, T(2020, 10, 3), T(2020, 11, 1), 0.5},
        {DISRUPT_KIND_THROTTLING, DISRUPT_PHASE_RESTORATION, T(2020, 11, 1), T(2020, 11, 12), 0.8},
    };
    f.windows.items[0].phases = ph;
    f.windows.items[0].nphases = 3;
    f.windows.items[0].deepest = 1;
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, NULL, NULL, NULL, &l, NULL), 0);
    const disrupt_plot_mark *mk = &l.marks[0];
    ck_assert_uint_eq(mk->nphase_x, 2);
    ck_assert_double_eq_tol(mk->phase_x[0], disrupt_plot_x(&l, T(2020, 10, 3)), 1e-9);
    ck_assert_double_eq_tol(mk->phase_x[1], disrupt_plot_x(&l, T(2020, 11, 1)), 1e-9);
    for (size_t k = 0; k < mk->nphase_x; k++)
        ck_assert(mk->phase_x[k] > mk->x0 && mk->phase_x[k] < mk->x1);
    ck_assert_double_eq_tol(mk->deepest_x0, mk->phase_x[0], 1e-9);
    ck_assert_double_eq_tol(mk->deepest_x1, mk->phase_x[1], 1e-9);
    disrupt_plot_layout_fini(&l);
    f.windows.items[0].phases = NULL;
    f.windows.items[0].nphases = 0;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, NULL, NULL, NULL, &l, NULL), 0);
    ck_assert_uint_eq(l.marks[0].nphase_x, 0);
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_legend_no_data_only_when_drawn)
{
    /* Three missing days are hatched and in the legend; a lone missing hour in eight months
     * of hourly data falls inside a daily column, is not hatched, and not in the legend. */
    fixture f;
    fixture_init(&f, 0);
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, NULL, NULL, NULL, &l, NULL), 0);
    ck_assert(legend_has(&l, DISRUPT_LEGEND_MISSING));
    ck_assert(legend_has(&l, DISRUPT_LEGEND_EXPECTED));
    ck_assert(legend_has(&l, DISRUPT_LEGEND_WINDOW));
    ck_assert(!legend_has(&l, DISRUPT_LEGEND_EVENT));
    disrupt_plot_layout_fini(&l);
    disrupt_series *s = f.data.series[0];
    for (size_t i = 0; i < s->n; i++)
        if (isnan(s->value[i]))
            s->value[i] = 100;
    s->value[1000] = NAN;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, NULL, NULL, NULL, &l, NULL), 0);
    ck_assert(!legend_has(&l, DISRUPT_LEGEND_MISSING));
    disrupt_plot_layout_fini(&l);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_yaxis_does_not_waste_a_third)
{
    /* Two short panels of data up to 210 (one sample in 20: data, not an outlier to clip):
     * 1-2-5 ticks to 250, not to 300. */
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    for (int k = 0; k < 2; k++) {
        disrupt_series *s = disrupt_series_alloc(k ? "b" : "a", NULL, DISRUPT_SIGNAL_LEVEL,
                                                 T(2020, 1, 1), 3600, 24 * 30);
        for (size_t i = 0; i < s->n; i++)
            s->value[i] = i % 20 == 0 ? 210 : 100;
        ck_assert_int_eq(disrupt_dataset_add(&d, s, NULL), 0);
    }
    disrupt_plot_input in = {&d, NULL, NULL, NULL, NULL, 0, NULL};
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&in, NULL, NULL, NULL, &l, NULL), 0);
    for (int k = 0; k < 2; k++) {
        ck_assert_double_eq(l.panels[k].ymin, 0);
        ck_assert_double_eq(l.panels[k].ymax, 250);
        ck_assert_double_eq(l.panels[k].yticks[1].value, 50);
        ck_assert_str_eq(l.panels[k].yticks[l.panels[k].nyticks - 1].text, "250");
    }
    disrupt_plot_layout_fini(&l);
    disrupt_dataset_fini(&d);
}
END_TEST

START_TEST(test_options_parsing)
{
    disrupt_plot_length len;
    ck_assert_int_eq(disrupt_plot_length_parse("170mm", &len), 0);
    ck_assert_int_eq(len.unit, DISRUPT_LENGTH_MM);
    ck_assert_double_eq(len.value, 170);
    ck_assert_int_eq(disrupt_plot_length_parse("6.5in", &len), 0);
    ck_assert_int_eq(len.unit, DISRUPT_LENGTH_IN);
    ck_assert_int_eq(disrupt_plot_length_parse("12pt", &len), 1);
    ck_assert_int_eq(disrupt_plot_length_parse("-3", &len), 1);
    ck_assert_int_eq(disrupt_plot_length_parse("", &len), 1);
    ck_assert_int_eq(disrupt_plot_format_from_path("a/b.SVG"), DISRUPT_PLOT_SVG);
    ck_assert_int_eq(disrupt_plot_format_from_path("x.pdf"), DISRUPT_PLOT_PDF);
    ck_assert_int_eq(disrupt_plot_format_from_path("x.png"), DISRUPT_PLOT_PNG);
    ck_assert_int_eq(disrupt_plot_format_from_path("x.d/plot"), DISRUPT_PLOT_AUTO);
    disrupt_plot_theme th;
    ck_assert_int_eq(disrupt_plot_theme_parse("print", &th), 0);
    ck_assert_int_eq(th, DISRUPT_THEME_PRINT);
    ck_assert_int_eq(disrupt_plot_theme_parse("neon", &th), 1);
}
END_TEST

/* ---- rendering ---- */

static char *keep_or_temp(char **dir, const char *name)
{
    const char *keep = getenv("DISRUPT_TEST_KEEP");
    if (keep) {
        mkdir(keep, 0777);
        char *p = malloc(strlen(keep) + strlen(name) + 2);
        sprintf(p, "%s/%s", keep, name);
        return p;
    }
    if (!*dir)
        *dir = tu_tempdir();
    char *p = malloc(strlen(*dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", *dir, name);
    return p;
}

static void pixel_at(cairo_surface_t *s, double x, double y, int *r, int *g, int *b)
{
    int stride = cairo_image_surface_get_stride(s);
    unsigned char *data = cairo_image_surface_get_data(s);
    uint32_t px = *(uint32_t *)(data + (int)y * stride + (int)x * 4);
    *r = px >> 16 & 0xFF;
    *g = px >> 8 & 0xFF;
    *b = px & 0xFF;
}

START_TEST(test_png_pixels_inside_and_outside_window)
{
    fixture f;
    fixture_init(&f, 0);
    /* No series drawn inside the probe area: blank the samples there. */
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.dpi = 100;
    char *dir = NULL;
    char *path = keep_or_temp(&dir, "single.png");
    disrupt_error err;
    ck_assert_msg(disrupt_plot_write(path, &f.in, &opt, &err) == 0, "%s", err.message);
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    double k = opt.dpi / 72.0;
    ck_assert_int_eq(cairo_image_surface_get_width(s), (int)ceil(165.0 / 25.4 * 100));
    /* Probe just under the top of the frame, where the data (≤ ~170) does not reach: the
     * throttling shade is orange-tinted paper, outside the window it is white. */
    const disrupt_plot_panel *p = &l.panels[0];
    double y = (p->frame.y + 1.6 * l.em) * k;
    double xin = (l.marks[0].x0 + l.marks[0].x1) / 2 * k;
    double xout = (l.marks[0].x1 + (p->frame.x + p->frame.w)) / 2 * k + 3;
    int r, g, b;
    pixel_at(s, xin, y, &r, &g, &b);
    /* Okabe–Ito orange (230,159,0) at 24% over white: about (249,231,194). */
    ck_assert_int_ge(r, 240);
    ck_assert_int_lt(b, 215);
    ck_assert_int_gt(r - b, 30);
    pixel_at(s, xout, y, &r, &g, &b);
    ck_assert_int_eq(r, 255);
    ck_assert_int_eq(g, 255);
    ck_assert_int_eq(b, 255);
    /* The three missing days (14–17 Jul) are shaded grey, not left blank. */
    double xgap = disrupt_plot_x(&l, disrupt_time_from_civil(2020, 7, 15, 12, 0, 0)) * k;
    pixel_at(s, xgap, y, &r, &g, &b);
    ck_assert_int_lt(r, 252);
    ck_assert_int_lt(abs(r - b), 12);  /* grey, not a kind's colour */
    cairo_surface_destroy(s);
    disrupt_plot_layout_fini(&l);
    free(path);
    tu_rmrf(dir);
    free(dir);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_png_lone_samples_are_points)
{
    /* A sample between two gaps is a point, not nothing: an hourly series (drawn by columns)
     * and a daily one (drawn as a line), each with one sample alone in a long gap. The pixel
     * 1.2 pt to the side of it is ink (a dot as wide as the line would leave it white). */
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    int64_t t0 = T(2020, 6, 1);
    disrupt_series *h = disrupt_series_alloc("hourly", NULL, DISRUPT_SIGNAL_LEVEL, t0, 3600, 24 * 240);
    disrupt_series *day = disrupt_series_alloc("daily", NULL, DISRUPT_SIGNAL_LEVEL, t0, DAY, 240);
    size_t lone_h = 24 * 120 + 12, lone_d = 120;
    for (size_t i = 0; i < h->n; i++)
        h->value[i] = i < 24 * 60 || i > 24 * 180 || i == lone_h ? 100 + (double)(i % 7) : NAN;
    for (size_t i = 0; i < day->n; i++)
        day->value[i] = i < 60 || i > 180 || i == lone_d ? 100 + (double)(i % 5) : NAN;
    ck_assert_int_eq(disrupt_dataset_add(&d, h, NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, day, NULL), 0);
    disrupt_plot_input in = {&d, NULL, NULL, NULL, NULL, 0, NULL};
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.dpi = 200;
    char *dir = NULL;
    char *path = keep_or_temp(&dir, "lone.png");
    disrupt_error err;
    ck_assert_msg(disrupt_plot_write(path, &in, &opt, &err) == 0, "%s", err.message);
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&in, &opt, NULL, NULL, &l, NULL), 0);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    double k = opt.dpi / 72.0;
    for (int p = 0; p < 2; p++) {
        const disrupt_plot_panel *pn = &l.panels[p];
        const disrupt_series *se = d.series[p];
        size_t i = p ? lone_d : lone_h;
        double v = se->value[i];
        double x = disrupt_plot_x(&l, disrupt_series_time(se, i) + (p ? 0 : 0));
        double y = pn->frame.y + pn->frame.h * (pn->ymax - v) / (pn->ymax - pn->ymin);
        int r, g, b, ink = 0;
        for (int side = -1; side <= 1; side += 2) {
            pixel_at(s, (x + side * 1.2) * k, y * k, &r, &g, &b);
            ink += r + g + b < 450;
        }
        ck_assert_msg(ink >= 1, "panel %d: no point at the lone sample", p);
    }
    cairo_surface_destroy(s);
    disrupt_plot_layout_fini(&l);
    free(path);
    tu_rmrf(dir);
    free(dir);
    disrupt_dataset_fini(&d);
}
END_TEST

START_TEST(test_png_one_day_gap_is_a_band)
{
    /* One missing day of a daily series is a grey band at least 3 pt wide, not a hairline
     * like an event's rule. */
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    disrupt_series *day = disrupt_series_alloc("daily", NULL, DISRUPT_SIGNAL_LEVEL, T(2020, 6, 1), DAY, 240);
    for (size_t i = 0; i < day->n; i++)
        day->value[i] = i == 120 ? NAN : 100 + (double)(i % 5);
    ck_assert_int_eq(disrupt_dataset_add(&d, day, NULL), 0);
    disrupt_plot_input in = {&d, NULL, NULL, NULL, NULL, 0, NULL};
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.dpi = 200;
    char *dir = NULL;
    char *path = keep_or_temp(&dir, "gap.png");
    disrupt_error err;
    ck_assert_msg(disrupt_plot_write(path, &in, &opt, &err) == 0, "%s", err.message);
    disrupt_plot_layout l;
    ck_assert_int_eq(disrupt_plot_layout_compute(&in, &opt, NULL, NULL, &l, NULL), 0);
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    double k = opt.dpi / 72.0;
    const disrupt_plot_panel *pn = &l.panels[0];
    double mid = disrupt_plot_x(&l, disrupt_series_time(day, 120) + DAY / 2);
    double y = pn->frame.y + 0.15 * pn->frame.h; /* above the data, in the band */
    /* The layout here estimates text widths where the PNG measured them, so the band is
     * found by scanning around its expected place: its widest grey run. */
    int run = 0, widest = 0;
    for (double x = (mid - 15) * k; x <= (mid + 15) * k; x += 1) {
        int r, g, b;
        pixel_at(s, x, y * k, &r, &g, &b);
        run = r < 250 && abs(r - b) < 12 ? run + 1 : 0;
        widest = run > widest ? run : widest;
    }
    ck_assert_msg(widest >= (int)(3.0 * k), "the one-day gap is %d px wide, a hairline", widest);
    cairo_surface_destroy(s);
    disrupt_plot_layout_fini(&l);
    free(path);
    tu_rmrf(dir);
    free(dir);
    disrupt_dataset_fini(&d);
}
END_TEST

/* Mean grey level (Rec. 601 luma) of a block of pixels: what a greyscale print shows. */
static double luma_block(cairo_surface_t *s, double cx, double y0, double y1, double half)
{
    double sum = 0;
    int n = 0;
    for (int y = (int)y0; y <= (int)y1; y++)
        for (int x = (int)(cx - half); x <= (int)(cx + half); x++) {
            int r, g, b;
            pixel_at(s, x, y, &r, &g, &b);
            sum += 0.299 * r + 0.587 * g + 0.114 * b;
            n++;
        }
    return sum / n;
}

START_TEST(test_kinds_differ_in_greyscale)
{
    /* One window of each kind; in every theme the shaded areas must differ in grey level by a
     * margin a greyscale print (or a colour-blind reader) keeps. */
    fixture f;
    fixture_init(&f, 0);
    add_window(&f, 0, DISRUPT_KIND_SHUTDOWN, T(2020, 6, 10), T(2020, 7, 5), 0.05);
    add_window(&f, 0, DISRUPT_KIND_BLOCKING, T(2020, 12, 1), T(2020, 12, 25), 0.6);
    add_window(&f, 0, DISRUPT_KIND_OUTAGE, T(2020, 8, 1), T(2020, 8, 25), 0.6);
    disrupt_plot_theme themes[] = {DISRUPT_THEME_LIGHT, DISRUPT_THEME_PRINT, DISRUPT_THEME_DARK};
    const char *names[] = {"kinds-light.png", "kinds-print.png", "kinds-dark.png"};
    char *dir = NULL;
    for (int t = 0; t < 3; t++) {
        disrupt_plot_options opt;
        disrupt_plot_options_init(&opt);
        opt.theme = themes[t];
        opt.dpi = 144;
        char *path = keep_or_temp(&dir, names[t]);
        disrupt_error err;
        ck_assert_msg(disrupt_plot_write(path, &f.in, &opt, &err) == 0, "%s", err.message);
        disrupt_plot_layout l;
        ck_assert_int_eq(disrupt_plot_layout_compute(&f.in, &opt, NULL, NULL, &l, NULL), 0);
        cairo_surface_t *s = cairo_image_surface_create_from_png(path);
        ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
        double k = opt.dpi / 72.0, top = l.panels[0].frame.y;
        double luma[DISRUPT_NKINDS];
        for (size_t i = 0; i < l.nmarks; i++) {
            const disrupt_plot_mark *mk = &l.marks[i];
            luma[mk->kind] = luma_block(s, (mk->x0 + mk->x1) / 2 * k, (top + 0.9 * l.em) * k,
                                        (top + 1.6 * l.em) * k, 6);
        }
        for (int a = 0; a < DISRUPT_NKINDS; a++) {
            if (themes[t] != DISRUPT_THEME_DARK)
                ck_assert_double_lt(luma[a], 250);  /* shaded at all */
            for (int b = 0; b < a; b++)
                ck_assert_msg(fabs(luma[a] - luma[b]) >= 12, "theme %d: kinds %d and %d at %.1f and %.1f",
                              t, a, b, luma[a], luma[b]);
        }
        cairo_surface_destroy(s);
        disrupt_plot_layout_fini(&l);
        free(path);
    }
    tu_rmrf(dir);
    free(dir);
    fixture_fini(&f);
}
END_TEST

static int run_ok(const char *cmd)
{
    int st = system(cmd);
    return st == 0;
}

START_TEST(test_all_formats_and_determinism)
{
    fixture f;
    fixture_init(&f, 1);
    fixture_add_annotations(&f);
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.title = "Azerbaijan 2020 \xE2\x80\x94 Gəncə and Şəki";
    opt.subtitle = "Synthetic series modelled on Freedom on the Net 2021";
    opt.tz = "Asia/Baku";
    char *dir = NULL;
    const char *names[] = {"multi.png", "multi.svg", "multi.pdf", "multi2.png", "multi2.svg"};
    char *paths[5];
    disrupt_error err;
    for (int i = 0; i < 5; i++) {
        paths[i] = keep_or_temp(&dir, names[i]);
        ck_assert_msg(disrupt_plot_write(paths[i], &f.in, &opt, &err) == 0, "%s", err.message);
    }
    size_t la, lb;
    for (int i = 0; i < 2; i++) {
        char *a = tu_read_file(paths[i], &la), *b = tu_read_file(paths[i + 3], &lb);
        ck_assert_ptr_nonnull(a);
        ck_assert_uint_eq(la, lb);
        ck_assert_msg(memcmp(a, b, la) == 0, "%s differs between two renderings", names[i]);
        free(a);
        free(b);
    }
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "xmllint --noout '%s' 2>/dev/null", paths[1]);
    if (run_ok("command -v xmllint >/dev/null 2>&1"))
        ck_assert_msg(run_ok(cmd), "SVG does not parse as XML");
    char *svg = tu_read_file(paths[1], &la);
    ck_assert_ptr_nonnull(strstr(svg, "<svg"));
    free(svg);
    char *pdf = tu_read_file(paths[2], &la);
    ck_assert_uint_gt(la, 1000);
    ck_assert_int_eq(memcmp(pdf, "%PDF-", 5), 0);
    free(pdf);
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null | grep -q '^Pages: *1$'", paths[2]);
    if (run_ok("command -v pdfinfo >/dev/null 2>&1"))
        ck_assert_msg(run_ok(cmd), "pdfinfo cannot read the PDF");
    /* The fonts are embedded in the PDF. */
    snprintf(cmd, sizeof cmd, "pdffonts '%s' 2>/dev/null | grep -q 'DejaVu'", paths[2]);
    if (run_ok("command -v pdffonts >/dev/null 2>&1"))
        ck_assert_msg(run_ok(cmd), "no DejaVu font in the PDF");
    for (int i = 0; i < 5; i++)
        free(paths[i]);
    tu_rmrf(dir);
    free(dir);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_themes_render)
{
    fixture f;
    fixture_init(&f, 1);
    fixture_add_annotations(&f);
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.dpi = 72;
    char *dir = NULL;
    const char *names[] = {"light.png", "dark.png", "print.png"};
    f.claim.label = "Freedom House, Freedom on the Net 2021 (A3): internet throttled and social "
                    "media blocked for 46 days, 27 Sep - 12 Nov 2020";
    disrupt_plot_theme themes[] = {DISRUPT_THEME_LIGHT, DISRUPT_THEME_DARK, DISRUPT_THEME_PRINT};
    for (int i = 0; i < 3; i++) {
        opt.theme = themes[i];
        char *path = keep_or_temp(&dir, names[i]);
        disrupt_error err;
        ck_assert_msg(disrupt_plot_write(path, &f.in, &opt, &err) == 0, "%s", err.message);
        cairo_surface_t *s = cairo_image_surface_create_from_png(path);
        ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
        int r, g, b;
        pixel_at(s, 1, 1, &r, &g, &b);
        if (themes[i] == DISRUPT_THEME_DARK)
            ck_assert_int_lt(r + g + b, 120);
        else
            ck_assert_int_eq(r + g + b, 3 * 255);
        cairo_surface_destroy(s);
        free(path);
    }
    tu_rmrf(dir);
    free(dir);
    fixture_fini(&f);
}
END_TEST

START_TEST(test_write_errors)
{
    fixture f;
    fixture_init(&f, 0);
    disrupt_error err;
    ck_assert_int_eq(disrupt_plot_write("/tmp/chart.gif", &f.in, NULL, &err), DISRUPT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, ".png, .svg or .pdf"));
    ck_assert_int_eq(disrupt_plot_write("/nonexistent-dir/chart.png", &f.in, NULL, &err), DISRUPT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent-dir/chart.png"));
    disrupt_plot_options opt;
    disrupt_plot_options_init(&opt);
    opt.tz = "Nowhere/Special";
    ck_assert_int_eq(disrupt_plot_write("/tmp/x.png", &f.in, &opt, &err), DISRUPT_EINVAL);
    f.windows.items[0].signal = 9;
    ck_assert_int_eq(disrupt_plot_write("/tmp/x.png", &f.in, NULL, &err), DISRUPT_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "signal 9"));
    fixture_fini(&f);
}
END_TEST

START_TEST(test_font_covers_azerbaijani)
{
    /* The chart's font (through fontconfig) has every glyph of Azerbaijani place names and of
     * the label punctuation: no boxes in place of ə, Ş, ·, –, −. */
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create(s);
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoFontDescription *font = pango_font_description_from_string("DejaVu Sans 10");
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, "Gəncə Şəki Ağdam \xC2\xB7 \xE2\x80\x93 \xE2\x88\x92" "42% \xC3\x97 3", -1);
    ck_assert_int_eq(pango_layout_get_unknown_glyphs_count(layout), 0);
    PangoFontMap *map = pango_cairo_font_map_get_default();
    PangoContext *ctx = pango_layout_get_context(layout);
    PangoFont *loaded = pango_font_map_load_font(map, ctx, font);
    ck_assert_ptr_nonnull(loaded);
    PangoFontDescription *got = pango_font_describe(loaded);
    ck_assert_str_eq(pango_font_description_get_family(got), "DejaVu Sans");
    pango_font_description_free(got);
    g_object_unref(loaded);
    pango_font_description_free(font);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("plot");
    TCase *layout = tcase_create("layout");
    tcase_add_test(layout, test_window_label_text);
    tcase_add_test(layout, test_layout_window_edges_and_axis);
    tcase_add_test(layout, test_layout_labels_never_overlap);
    tcase_add_test(layout, test_layout_top_tick_clear_of_the_panel_title);
    tcase_add_test(layout, test_layout_says_a_panel_was_not_analysed);
    tcase_add_test(layout, test_layout_titles_balanced_dates_whole);
    tcase_add_test(layout, test_relative_leaves_shares_as_measured);
    tcase_add_test(layout, test_yrange_robust_to_outliers);
    tcase_add_test(layout, test_layout_phases_inside_the_shade);
    tcase_add_test(layout, test_caption_with_source_keeps_files_and_synthetic);
    tcase_add_test(layout, test_layout_crowded_windows_are_counted);
    tcase_add_test(layout, test_layout_narrow_figure_wraps_labels);
    tcase_add_test(layout, test_layout_claim_above_its_signal);
    tcase_add_test(layout, test_layout_relative_and_size);
    tcase_add_test(layout, test_legend_no_data_only_when_drawn);
    tcase_add_test(layout, test_yaxis_does_not_waste_a_third);
    tcase_add_test(layout, test_options_parsing);
    suite_add_tcase(s, layout);
    TCase *render = tcase_create("render");
    tcase_set_timeout(render, 120);
    tcase_add_test(render, test_png_pixels_inside_and_outside_window);
    tcase_add_test(render, test_png_lone_samples_are_points);
    tcase_add_test(render, test_png_one_day_gap_is_a_band);
    tcase_add_test(render, test_all_formats_and_determinism);
    tcase_add_test(render, test_themes_render);
    tcase_add_test(render, test_kinds_differ_in_greyscale);
    tcase_add_test(render, test_font_covers_azerbaijani);
    tcase_add_test(render, test_write_errors);
    suite_add_tcase(s, render);
    return s;
}

int main(void)
{
    return tu_run_suite(suite());
}
