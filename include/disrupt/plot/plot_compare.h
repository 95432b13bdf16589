/* plot_compare.h — the chart of `disrupt compare --plot`: one row per period on a shared
 * axis running from the period's start (January–December for calendar years, or from
 * --year-start), windows drawn as bars coloured by kind (the plot module's themes), and with
 * `overlay` each period's first level signal relative to its baseline drawn behind the bars.
 * Periods that are not years (compare --by file) share an axis of days since their start,
 * each row labelled with the calendar dates it covers. The caption wraps to the page, and no
 * tick label reaches past it.
 *
 * As in plot.h, the work is split: disrupt_plot_compare_layout_compute() places everything (pure, no
 * cairo: row boxes, bar edges, tick positions and labels) and disrupt_plot_compare_write()
 * draws it with cairo/pango and writes PNG, SVG or PDF atomically.
 * Ownership: inputs are borrowed during calls; a layout owns its arrays and strings and
 * disrupt_plot_compare_layout_fini releases them. Errors: DISRUPT_EINVAL (no period, unknown
 * format), DISRUPT_EIO, DISRUPT_EANALYSIS (cairo), DISRUPT_ENOMEM.
 * Complexity: O(windows + points drawn).
 */
#ifndef DISRUPT_PLOT_COMPARE_H
#define DISRUPT_PLOT_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/workflows/compare.h"
#include "disrupt/core/error.h"
#include "disrupt/plot/plot.h"

typedef struct {
    const disrupt_dataset *data;
    const double *const *expected;      /* per series (each may be NULL), or NULL */
    const disrupt_window_list *windows;
} disrupt_plot_compare_source;

typedef struct {
    const disrupt_compare_result *periods;
    const disrupt_plot_compare_source *sources;   /* indexed by period.source */
    size_t nsources;
    int overlay;
    int month, day;                     /* year start, for month labels (1, 1 = January) */
} disrupt_plot_compare_input;

typedef struct {
    size_t period;
    disrupt_rect row;            /* the row's data area */
    disrupt_rect label_box;      /* period name, left of the row (and its dates under it) */
    char *label;
    char *dates;                 /* by file: "1 Jun 2020 – 31 Jan 2021", the calendar dates the
                                  * row's day axis starts and ends at; NULL for years */
    double y_expected, y_zero;   /* overlay: where 100% of expected and 0 lie (the row's y
                                  * scale, labelled left of the row); NaN without overlay */
} disrupt_plot_compare_row;

typedef struct {
    size_t period, window;
    disrupt_window_kind kind;
    double x0, x1;               /* clipped to the row */
    double y, h;
} disrupt_plot_compare_bar;

typedef struct {
    double x;
    char *text;                  /* "Jan", … or "0d", "+90d" (days since each row's start) */
} disrupt_plot_compare_tick;

typedef struct {
    double width, height, em;
    disrupt_plot_theme theme;
    int months;                  /* 1: the axis is labelled by month */
    int64_t span;                /* seconds the axis covers */
    double x0, x1;               /* x extent of the rows */
    char *title, *caption;
    disrupt_rect title_box, caption_box;
    disrupt_plot_compare_row *rows;
    size_t nrows;
    disrupt_plot_compare_bar *bars;
    size_t nbars;
    disrupt_plot_compare_tick *ticks;
    size_t nticks;
    double axis_y;               /* top of the tick labels */
    double legend_y;             /* top of the legend's first line */
    double legend_right;         /* legend items wrap before passing this x */
    size_t legend_lines;
} disrupt_plot_compare_layout;

int disrupt_plot_compare_layout_compute(const disrupt_plot_compare_input *in,
                                        const disrupt_plot_options *opt,
                                disrupt_plot_compare_layout *out, disrupt_error *err);
void disrupt_plot_compare_layout_fini(disrupt_plot_compare_layout *l);

int disrupt_plot_compare_write(const char *path, const disrupt_plot_compare_input *in,
                               const disrupt_plot_options *opt, disrupt_error *err);

#endif
