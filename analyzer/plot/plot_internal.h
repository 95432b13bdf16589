/* plot_internal.h — pieces the plot_*.c files share and nothing else uses: the palette of a
 * theme, text measurement through the caller's function or an estimate, lane placement of
 * labels, and number formatting for axes. */
#ifndef DISRUPT_PLOT_INTERNAL_H
#define DISRUPT_PLOT_INTERNAL_H

#include <stddef.h>

#include "disrupt/plot/plot.h"

typedef struct {
    double r, g, b;
} plot_rgb;

typedef enum {
    PLOT_HATCH_NONE = 0,
    PLOT_HATCH_DIAGONAL,    /* ///// */
    PLOT_HATCH_CROSS        /* XXXXX */
} plot_hatch;

typedef struct {
    plot_rgb paper, ink, muted, grid, frame;
    plot_rgb series, expected, gap;
    double series_envelope_alpha, expected_alpha;
    plot_rgb kind[DISRUPT_NKINDS];           /* by disrupt_window_kind */
    double kind_alpha[DISRUPT_NKINDS];       /* shade opacity */
    plot_hatch kind_hatch[DISRUPT_NKINDS];   /* extra texture so kinds differ without colour */
    plot_rgb event, claim;
} plot_palette;

const plot_palette *plot_palette_of(disrupt_plot_theme theme);

/* Text widths, through the caller's function or 0.62 em per code point. */
typedef struct {
    disrupt_plot_measure fn;
    void *ctx;
} plot_measurer;

double plot_text_width(const plot_measurer *m, const char *text, double em, int bold);

/* Font sizes relative to the body size em. */
#define PLOT_TITLE_SCALE 1.55
#define PLOT_SUBTITLE_SCALE 1.1
#define PLOT_CAPTION_SCALE 0.85
#define PLOT_PANEL_TITLE_SCALE 1.0
#define PLOT_LINE 1.3           /* line height, in font sizes */
#define PLOT_GAP_MIN_WIDTH 3.5  /* pt: the narrowest no-data band, wider than an event rule */

/* Greedy lane placement: the first lane (0 upwards, below max_lanes) whose occupied
 * intervals do not meet [left − pad, right + pad]; −1 when none is free. */
typedef struct {
    double *left, *right;
    int *lane;
    size_t count, capacity;
} plot_lanes;

void plot_lanes_init(plot_lanes *l);
void plot_lanes_fini(plot_lanes *l);
/* Returns the lane, −1 when all max_lanes are taken there, or −2 when out of memory. */
int plot_lanes_place(plot_lanes *l, double left, double right, double pad, int max_lanes);
/* The same for something `span` lanes tall: returns the lowest of span free lanes. */
int plot_lanes_place_span(plot_lanes *l, double left, double right, double pad, int max_lanes,
                          int span);

/* Axis number with an SI suffix chosen for the whole axis: formats v in units of `scale`
 * (1, 1e3, …) with `decimals` digits after the point. */
char *plot_format_number(double v, double scale, int decimals, const char *suffix);
/* Picks scale, suffix and decimals for ticks spaced `step` up to `max`. */
void plot_number_style(double max, double step, double *scale, const char **suffix,
                       int *decimals);
/* 1-2-5 step near range / target. */
double plot_nice_step(double range, int target);

/* The number drawn for sample i: blocked share in percent for counts, percent of the
 * expected value with relative (of `reference` where there is no expected array), else the
 * value. NaN when there is nothing to draw. */
double plot_display_value(const disrupt_series *s, const double *expected, double reference,
                          int relative, size_t i);
/* How a series is drawn at the layout's scale: dense when it has more than four samples a
 * point (a line through all of them would be a solid smear), and then by columns of
 * plot_column_seconds (a whole day when a day is narrow, so the line is the daily mean and
 * the band the daily range, free of the daily cycle). A missing stretch shorter than
 * plot_shortest_gap is not a gap at that resolution: its column has data, and hatching each
 * of thousands of lone missing samples would grey out the panel. */
int plot_dense(const disrupt_plot_layout *l, const disrupt_series *s);
double plot_column_seconds(const disrupt_plot_layout *l);
double plot_shortest_gap(const disrupt_plot_layout *l, const disrupt_series *s);

/* Median of the valid values: what --relative compares with when there is no baseline. */
double plot_relative_reference(const disrupt_series *s);

/* One label for a run of windows: "Shutdown × 67 · 14 Feb – 28 Apr 2021 · 8 h each · −90%".
 * members are indices into wl in time order. NULL when out of memory. */
char *plot_run_label(const disrupt_window_list *wl, const size_t *members, size_t n,
                     const char *tz);

/* Duplicate of printf output; NULL when out of memory. */
char *plot_strdupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- layout in progress (plot_layout.c, plot_marks.c) ---- */

/* Greedy word wrap to width; lines joined by '\n'; sets *lines; never breaks inside a date
 * ("27 Sep", "Sep 2020"). NULL when out of memory. */
char *plot_wrap_text(const plot_measurer *m, const char *text, double em, int bold, double width,
                     size_t *lines);
/* The same number of lines as plot_wrap_text at width, the breaks chosen so that the widest
 * line is as short as it can be (so no line is left with one orphan word): titles. O(words² ×
 * lines) measurements. */
char *plot_wrap_balanced(const plot_measurer *m, const char *text, double em, int bold,
                         double width, size_t *lines);
/* Wraps a label made of parts joined by " · " between the parts where it can (words
 * otherwise); sets *lines and *widest (the widest line). NULL when out of memory. */
char *plot_wrap_label(const plot_measurer *m, const char *text, double em, int bold, double width,
                      size_t *lines, double *widest);

typedef struct {
    const disrupt_plot_input *in;
    const disrupt_plot_options *opt;
    plot_measurer m;
    disrupt_plot_layout *L;
    double margin;
    double gutter;       /* space left of the frames for y tick labels */
    double *lo, *hi;     /* display range of each panel's data */
    int *share;
    int *clipped;        /* a few samples lie above the panel's range (plot_layout.c) */
    size_t *window_lanes;  /* lanes used per panel */
    size_t event_lanes, claim_lanes;   /* claim_lanes: the strip above all panels */
    size_t *panel_claim_lanes;         /* per panel */
} plot_layout_ctx;

/* plot_scale.c: t clamped into the layout's time span. */
int64_t plot_clamp_time(const disrupt_plot_layout *l, int64_t t);
/* Each returns 0 or DISRUPT_ENOMEM; they fill L->marks / events / claims and the lane counts. */
int plot_place_windows(plot_layout_ctx *c);
int plot_place_events(plot_layout_ctx *c);
int plot_place_claims(plot_layout_ctx *c);
/* plot_legend.c: the legend's items (0 or DISRUPT_ENOMEM), their flow from y (returns the
 * height), and the caption (NULL when out of memory; caller frees). */
int plot_legend_items(plot_layout_ctx *c);
double plot_place_legend(plot_layout_ctx *c, double y);
char *plot_caption_text(const plot_layout_ctx *c);

#endif
