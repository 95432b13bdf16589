/* check_plot_compare.c — the compare chart through its computed layout (rows, bar edges,
 * month ticks) and a real rendering (a pixel inside a bar has the kind's colour).
 * The windows are hand-made (synthetic). */
#include <cairo.h>
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/plot/plot_compare.h"
#include "testutil.h"

#define DAY 86400
#define Y2019 1546300800
#define Y2020 1577836800
#define Y2021 1609459200
#define SEP_27 1601164800
#define NOV_12 1605139200

typedef struct {
    disrupt_dataset data;
    disrupt_window_list windows;
    disrupt_compare_result periods;
    disrupt_plot_compare_source source;
    disrupt_plot_compare_input in;
    disrupt_plot_options opt;
} fixture;

static void setup(fixture *f, int month, int day)
{
    disrupt_dataset_init(&f->data);
    disrupt_series *s = disrupt_series_alloc("traffic", NULL, DISRUPT_SIGNAL_LEVEL, Y2019, DAY, 731);
    for (size_t i = 0; i < s->n; i++)
        s->value[i] = 1;
    ck_assert_int_eq(disrupt_dataset_add(&f->data, s, NULL), 0);
    disrupt_window_list_init(&f->windows);
    disrupt_window w = {0};
    w.kind = DISRUPT_KIND_THROTTLING;
    w.start = SEP_27;
    w.end = NOV_12;
    w.depth = 0.4;
    ck_assert_int_eq(disrupt_window_list_push(&f->windows, &w, NULL), 0);
    disrupt_compare_result_init(&f->periods);
    ck_assert_int_eq(disrupt_compare_by_year(&f->periods, 0, &f->data, &f->windows, month, day,
                                             NULL, NULL),
                     0);
    f->source = (disrupt_plot_compare_source){&f->data, NULL, &f->windows};
    f->in = (disrupt_plot_compare_input){&f->periods, &f->source, 1, 0, month, day};
    disrupt_plot_options_init(&f->opt);
}

static void teardown(fixture *f)
{
    disrupt_compare_result_fini(&f->periods);
    disrupt_window_list_fini(&f->windows);
    disrupt_dataset_fini(&f->data);
}

START_TEST(rows_bars_and_month_ticks)
{
    fixture f;
    setup(&f, 1, 1);
    disrupt_plot_compare_layout l;
    disrupt_error err = {0};
    ck_assert_msg(disrupt_plot_compare_layout_compute(&f.in, &f.opt, &l, &err) == 0, "%s",
                  err.message);
    ck_assert_uint_eq(l.nrows, 2);
    ck_assert_str_eq(l.rows[0].label, "2019");
    ck_assert_str_eq(l.rows[1].label, "2020");
    ck_assert(l.rows[1].row.y > l.rows[0].row.y + l.rows[0].row.h);
    ck_assert_int_eq(l.months, 1);
    ck_assert_uint_eq(l.nticks, 12);
    ck_assert_str_eq(l.ticks[0].text, "Jan");
    ck_assert_str_eq(l.ticks[11].text, "Dec");
    ck_assert_double_eq_tol(l.ticks[0].x, l.x0, 1e-9);
    /* 1 March sits 60 days in (the axis is a leap year long). */
    ck_assert_double_eq_tol(l.ticks[2].x, l.x0 + 60.0 / 366.0 * (l.x1 - l.x0), 1e-9);
    ck_assert_uint_eq(l.nbars, 1);
    const disrupt_plot_compare_bar *b = &l.bars[0];
    ck_assert_uint_eq(b->period, 1);
    ck_assert_int_eq(b->kind, DISRUPT_KIND_THROTTLING);
    double w = l.x1 - l.x0;
    ck_assert_double_eq_tol(b->x0, l.x0 + (double)(SEP_27 - Y2020) / (366.0 * DAY) * w, 1e-9);
    ck_assert_double_eq_tol(b->x1, l.x0 + (double)(NOV_12 - Y2020) / (366.0 * DAY) * w, 1e-9);
    ck_assert(b->y > l.rows[1].row.y && b->y + b->h < l.rows[1].row.y + l.rows[1].row.h);
    ck_assert_ptr_nonnull(strstr(l.title, "by year"));
    disrupt_plot_compare_layout_fini(&l);
    teardown(&f);
}
END_TEST

START_TEST(caption_with_source_keeps_the_files)
{
    /* --source adds to the caption: the files read stay named, and synthetic data says so. */
    fixture f;
    setup(&f, 1, 1);
    f.opt.source = "Source: disrupt on IODA data";
    for (size_t i = 0; i < f.data.count; i++)
        f.data.series[i]->synthetic = 1;
    disrupt_plot_compare_layout l;
    disrupt_error err = {0};
    ck_assert_msg(disrupt_plot_compare_layout_compute(&f.in, &f.opt, &l, &err) == 0, "%s",
                  err.message);
    char flat[2048];
    tu_one_line(flat, sizeof flat, l.caption);
    ck_assert_ptr_nonnull(strstr(flat, "Source: disrupt on IODA data. Data: "));
    ck_assert_ptr_nonnull(strstr(flat, "SYNTHETIC"));
    disrupt_plot_compare_layout_fini(&l);
    teardown(&f);
}
END_TEST

START_TEST(by_file_rows_have_dates_and_nothing_leaves_the_page)
{
    /* compare --by file: a day axis since each row's start, so each row says its calendar
     * dates; at 120 mm no tick label reaches past the right margin, and a caption naming
     * long paths wraps inside the page. */
    fixture f;
    setup(&f, 1, 1);
    static char path[200];
    snprintf(path, sizeof path, "%s", "a/rather/long/folder/of/exports/from/the/ioda/dashboard/"
                                      "azerbaijan-national-traffic.csv");
    f.data.series[0]->file = strdup(path);
    disrupt_compare_result_fini(&f.periods);
    disrupt_compare_result_init(&f.periods);
    ck_assert_int_eq(disrupt_compare_add_period(&f.periods, "azerbaijan-2019.csv", 0, Y2019,
                                                Y2019 + 240 * DAY, NULL, &f.data, &f.windows, NULL), 0);
    ck_assert_int_eq(disrupt_compare_add_period(&f.periods, "azerbaijan-2020.csv", 0, Y2020,
                                                Y2020 + 120 * DAY, NULL, &f.data, &f.windows, NULL), 0);
    ck_assert_int_eq(disrupt_plot_length_parse("120mm", &f.opt.width), 0);
    disrupt_plot_compare_layout l;
    disrupt_error err = {0};
    ck_assert_msg(disrupt_plot_compare_layout_compute(&f.in, &f.opt, &l, &err) == 0, "%s",
                  err.message);
    ck_assert_int_eq(l.months, 0);
    ck_assert_ptr_nonnull(l.rows[0].dates);
    ck_assert_ptr_nonnull(strstr(l.rows[0].dates, "1 Jan 2019"));
    ck_assert_ptr_nonnull(strstr(l.rows[1].dates, "29 Apr 2020"));
    ck_assert_str_eq(l.ticks[0].text, "0d");
    for (size_t i = 0; i < l.nticks; i++) {
        double half = 0.5 * 0.55 * 0.9 * l.em * (double)strlen(l.ticks[i].text);
        ck_assert_msg(l.ticks[i].x + half <= l.width - 0.7 * l.em, "tick '%s' at %.1f of %.1f",
                      l.ticks[i].text, l.ticks[i].x, l.width);
    }
    ck_assert_ptr_nonnull(strchr(l.caption, '\n'));
    ck_assert_double_le(l.caption_box.y + l.caption_box.h, l.height);
    disrupt_plot_compare_layout_fini(&l);
    teardown(&f);
}
END_TEST

START_TEST(overlay_rows_have_a_y_scale)
{
    /* --overlay draws each period's level against its baseline: every row has its scale,
     * 100% of expected at 80% of the row's height and 0 at its foot, labelled in room of its
     * own between the period's name and the row. Without overlay there is none. */
    fixture f;
    setup(&f, 1, 1);
    f.in.overlay = 1;
    disrupt_plot_compare_layout l;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_plot_compare_layout_compute(&f.in, &f.opt, &l, &err), 0);
    for (size_t i = 0; i < l.nrows; i++) {
        const disrupt_plot_compare_row *r = &l.rows[i];
        ck_assert_double_eq_tol(r->y_zero, r->row.y + r->row.h, 1e-9);
        ck_assert_double_eq_tol(r->y_expected, r->row.y + 0.2 * r->row.h, 1e-9);
        ck_assert_double_ge(r->row.x - r->label_box.x - r->label_box.w, 2.5 * 0.8 * 0.55 * l.em);
    }
    disrupt_plot_compare_layout_fini(&l);
    f.in.overlay = 0;
    ck_assert_int_eq(disrupt_plot_compare_layout_compute(&f.in, &f.opt, &l, &err), 0);
    ck_assert(isnan(l.rows[0].y_expected));
    disrupt_plot_compare_layout_fini(&l);
    teardown(&f);
}
END_TEST

START_TEST(year_start_shifts_the_axis)
{
    fixture f;
    setup(&f, 3, 21);
    disrupt_plot_compare_layout l;
    ck_assert_int_eq(disrupt_plot_compare_layout_compute(&f.in, &f.opt, &l, NULL), 0);
    ck_assert_str_eq(l.rows[0].label, "2018/19");
    ck_assert_str_eq(l.ticks[0].text, "Apr");   /* the first month that starts inside */
    ck_assert_double_eq_tol(l.ticks[0].x, l.x0 + 11.0 / 366.0 * (l.x1 - l.x0), 1e-9);
    disrupt_plot_compare_layout_fini(&l);
    teardown(&f);
}
END_TEST

START_TEST(rendered_bar_has_the_kind_colour)
{
    fixture f;
    setup(&f, 1, 1);
    char *dir = tu_tempdir();
    size_t n = strlen(dir) + 16;
    char *png = malloc(n);
    snprintf(png, n, "%s/years.png", dir);
    f.opt.dpi = 72;   /* one pixel per point */
    disrupt_error err = {0};
    ck_assert_msg(disrupt_plot_compare_write(png, &f.in, &f.opt, &err) == 0, "%s", err.message);
    disrupt_plot_compare_layout l;
    ck_assert_int_eq(disrupt_plot_compare_layout_compute(&f.in, &f.opt, &l, NULL), 0);
    cairo_surface_t *s = cairo_image_surface_create_from_png(png);
    ck_assert_int_eq(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    ck_assert_int_eq(cairo_image_surface_get_width(s), (int)ceil(l.width));
    const disrupt_plot_compare_bar *b = &l.bars[0];
    int x = (int)((b->x0 + b->x1) / 2), y = (int)(b->y + b->h / 2);
    const unsigned char *px = cairo_image_surface_get_data(s) +
                              (size_t)y * (size_t)cairo_image_surface_get_stride(s) + 4 * (size_t)x;
    /* RGB24 is stored as native-endian 0x00RRGGBB: orange throttling over white paper. */
    uint32_t v = *(const uint32_t *)px;
    int r = (int)(v >> 16 & 0xFF), g = (int)(v >> 8 & 0xFF), bl = (int)(v & 0xFF);
    ck_assert_msg(r > 200 && g > 150 && g < 220 && bl < 90, "pixel %d,%d,%d", r, g, bl);
    /* A point in 2019's row at the same x stays paper white. */
    y = (int)(l.rows[0].row.y + l.rows[0].row.h / 2);
    v = *(const uint32_t *)(cairo_image_surface_get_data(s) +
                            (size_t)y * (size_t)cairo_image_surface_get_stride(s) + 4 * (size_t)x);
    ck_assert_uint_eq(v & 0xFFFFFF, 0xFFFFFF);
    cairo_surface_destroy(s);
    disrupt_plot_compare_layout_fini(&l);
    tu_rmrf(dir);
    free(dir);
    free(png);
    teardown(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("plot_compare");
    TCase *tc = tcase_create("layout");
    tcase_add_test(tc, rows_bars_and_month_ticks);
    tcase_add_test(tc, caption_with_source_keeps_the_files);
    tcase_add_test(tc, by_file_rows_have_dates_and_nothing_leaves_the_page);
    tcase_add_test(tc, overlay_rows_have_a_y_scale);
    tcase_add_test(tc, year_start_shifts_the_axis);
    tcase_add_test(tc, rendered_bar_has_the_kind_colour);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
