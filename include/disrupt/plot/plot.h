/* plot.h — annotated timeline charts for reports: PNG, SVG and PDF through cairo and pango.
 *
 * One panel per signal, stacked on a shared date axis (see timeaxis.h). Each panel shows the
 * observed series (blocked share for count signals; percent of expected with `relative`),
 * the expected baseline dashed, missing data as hatched gaps, and the detected windows shaded
 * by kind with their boundary confidence intervals as whiskers and one label each
 * ("Throttling · 27 Sep – 12 Nov 2020 · 46 days · −42%") in lanes, so that no two labels
 * overlap and none leaves the plot; a run of three or more short windows of one kind in a
 * row (nightly shutdowns) gets one label for the run. Events are thin rules across all
 * panels, labelled beside the rule, or numbered and listed under the chart when their labels
 * do not all fit. Claimed windows are brackets above the panel of the signal they are about
 * (above all panels otherwise). A title, subtitle, legend and a caption (the input files,
 * "synthetic" when any series is, the time zone) frame the figure. Hourly data over months
 * is drawn as a daily range with the daily mean as the line.
 *
 * Work is split in two: disrupt_plot_layout_compute() places everything (pure, no cairo,
 * unit-testable: tick times, label strings and boxes, pixel x of window edges), and
 * disrupt_plot_write() draws a layout with cairo/pangocairo and writes the file atomically.
 * Layout coordinates are points (1/72 in) from the top-left corner; a PNG is rendered at
 * `dpi` so a point is dpi/72 pixels. Fonts: DejaVu Sans through fontconfig.
 *
 * Output is deterministic: the same input gives byte-identical PNG and SVG files (SVG
 * element ids are renumbered; PDF creation dates follow SOURCE_DATE_EPOCH when it is set).
 *
 * Ownership: the input is borrowed for the duration of a call. A disrupt_plot_layout owns its
 * arrays and strings; disrupt_plot_layout_fini releases them (also after a failure).
 * Errors: DISRUPT_EINVAL (no series, bad size, unknown format or zone), DISRUPT_EIO (cannot
 * write), DISRUPT_EANALYSIS (cairo or pango failed), DISRUPT_ENOMEM.
 * Complexity: O(total points + windows² + events²); see bench/bench_plot.c for figures.
 */
#ifndef DISRUPT_PLOT_H
#define DISRUPT_PLOT_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"
#include "disrupt/workflows/events.h"
#include "disrupt/ingest/series.h"
#include "disrupt/plot/timeaxis.h"
#include "disrupt/detect/window.h"

/* ---- what is drawn ---- */

typedef struct {
    const char *label;      /* "FOTN 2021: throttling and social media blocked" */
    int64_t start, end;     /* UTC seconds, end exclusive */
    const char *signal;     /* name of the series it is about: its bracket goes above that
                               panel's windows; NULL (or no such series): above all panels */
    const char *verdict;    /* "supported", "dates differ", …: shown after the label; NULL
                               when the claim was not checked */
} disrupt_plot_claim;

typedef struct {
    const disrupt_dataset *data;          /* required, at least one series */
    const double *const *expected;        /* NULL, or data->count pointers (each NULL or n values) */
    const disrupt_window_list *windows;   /* may be NULL */
    const disrupt_event_list *events;     /* may be NULL */
    const disrupt_plot_claim *claims;     /* may be NULL */
    size_t nclaims;
    const char *const *left_out;          /* NULL, or data->count pointers: why a series was
                                             left out of the analysis ("NAME: too few …",
                                             detect's `skipped`), NULL where it was analysed;
                                             its panel says so, so that no window reads as
                                             "no disruption" */
} disrupt_plot_input;

/* ---- how it is drawn ---- */

typedef enum {
    DISRUPT_PLOT_AUTO = 0,  /* from the file name's extension */
    DISRUPT_PLOT_PNG,
    DISRUPT_PLOT_SVG,
    DISRUPT_PLOT_PDF
} disrupt_plot_format;

typedef enum {
    DISRUPT_THEME_LIGHT = 0,
    DISRUPT_THEME_DARK,
    DISRUPT_THEME_PRINT     /* greyscale-safe: kinds differ by density and hatching too */
} disrupt_plot_theme;

typedef enum {
    DISRUPT_LENGTH_DEFAULT = 0,  /* value ignored: the default size */
    DISRUPT_LENGTH_PX,           /* pixels at the chosen dpi */
    DISRUPT_LENGTH_MM,
    DISRUPT_LENGTH_IN
} disrupt_length_unit;

typedef struct {
    double value;
    disrupt_length_unit unit;
} disrupt_plot_length;

typedef struct {
    disrupt_plot_format format;
    disrupt_plot_length width;   /* default 165 mm */
    disrupt_plot_length height;  /* default: from the number of panels */
    double dpi;                  /* PNG resolution, default 150 */
    const char *title;           /* NULL: none */
    const char *subtitle;        /* NULL: none */
    const char *source;          /* caption; NULL: "Data: FILES" (+ "synthetic" when so) */
    disrupt_plot_theme theme;
    int relative;                /* y as percent of the expected value */
    const char *tz;              /* axis zone, NULL = UTC */
} disrupt_plot_options;

void disrupt_plot_options_init(disrupt_plot_options *opt);

/* "1600", "1600px", "170mm", "6.5in" → length; 0 on success, 1 when malformed. */
int disrupt_plot_length_parse(const char *s, disrupt_plot_length *out);
/* Format named by the extension of path (.png .svg .pdf, any case), or AUTO when none. */
disrupt_plot_format disrupt_plot_format_from_path(const char *path);
/* "light", "dark", "print" → theme; 0 on success, 1 when unknown. */
int disrupt_plot_theme_parse(const char *s, disrupt_plot_theme *out);

/* ---- layout: where everything goes (points) ---- */

typedef struct {
    double x, y, w, h;
} disrupt_rect;

typedef struct {
    double value;            /* data value (or percent with relative) */
    double y;
    char *text;
} disrupt_plot_ytick;

typedef struct {
    size_t series;           /* index in the dataset */
    disrupt_rect frame;      /* the data area */
    disrupt_rect claim_strip;  /* brackets of the claims about this signal */
    disrupt_rect label_strip;  /* window labels above the frame */
    double ymin, ymax;       /* values at the bottom and top of the frame */
    int share;               /* 1: counts drawn as blocked share (values 0..1 shown as %) */
    int clipped;             /* 1: a few wild samples lie above ymax (the range follows the
                                99.9th percentile); each is marked at the frame's top edge */
    disrupt_plot_ytick *yticks;
    size_t nyticks;
    char *title;             /* "traffic (Gbit/s)", "WhatsApp — blocked share" */
    char *unit;              /* y axis unit text */
    disrupt_rect title_box;
} disrupt_plot_panel;

typedef struct {
    size_t window;           /* index in the window list */
    size_t panel;
    disrupt_window_kind kind;
    double x0, x1;           /* shaded edges */
    double start_lo, start_hi, end_lo, end_hi;  /* whisker ends (x) */
    char *label;             /* NULL when too crowded to label (counted in unlabelled) or
                                when the window's run is labelled on its first window */
    disrupt_rect label_box;
    int lane;                /* 0 = nearest the frame, −1 when unlabelled */
    int leader;              /* 1: a leader line joins label and window */
    double bracket_x0, bracket_x1;  /* what the label's bracket spans (the run, if any) */
    size_t run;              /* windows the label stands for: 1, or n for a run of ≥ 3
                                short same-kind windows in a row (nightly shutdowns) */
    int in_run;              /* 1 for every window of such a run */
    double *phase_x;         /* the boundaries between the window's phases (onset, deepest,
                                restoration stages), drawn inside the shade; owned */
    size_t nphase_x;
    double deepest_x0, deepest_x1;  /* the deepest phase, shaded darker when there are several */
} disrupt_plot_mark;

typedef struct {
    size_t event;            /* index in the event list */
    double x;
    char *label;
    disrupt_rect label_box;
    int lane;
} disrupt_plot_event_mark;

typedef struct {
    size_t claim;
    double x0, x1;
    double y;                /* the bracket's horizontal line */
    char *label;             /* "Claimed: …", wrapped; NULL when there was no room */
    disrupt_rect label_box;
    int lane;                /* lowest lane of its label, −1 when unlabelled */
    size_t panel;            /* the panel it is drawn above; SIZE_MAX: above all panels */
} disrupt_plot_claim_mark;

typedef enum {
    DISRUPT_LEGEND_OBSERVED = 0,
    DISRUPT_LEGEND_EXPECTED,
    DISRUPT_LEGEND_MISSING,
    DISRUPT_LEGEND_WINDOW,   /* with kind */
    DISRUPT_LEGEND_CI,
    DISRUPT_LEGEND_EVENT,
    DISRUPT_LEGEND_CLAIM
} disrupt_legend_what;

typedef struct {
    disrupt_legend_what what;
    disrupt_window_kind kind;
    disrupt_rect swatch;
    disrupt_rect text_box;
    char *text;
} disrupt_plot_legend_item;

typedef struct {
    double width, height;    /* points */
    double em;               /* body font size, points */
    disrupt_plot_theme theme;
    int relative;
    int64_t t0, t1;          /* shared time span */
    disrupt_rect plot_area;  /* x extent shared by all panels */
    disrupt_timeaxis axis;   /* x in points */
    double axis_y;           /* top of the date labels */
    char *title, *subtitle, *caption;
    disrupt_rect title_box, subtitle_box, caption_box;
    disrupt_plot_panel *panels;
    size_t npanels;
    disrupt_plot_mark *marks;
    size_t nmarks;
    size_t unlabelled;       /* windows too crowded to label (counted in a note) */
    disrupt_plot_event_mark *events;  /* events inside the span in time order; label NULL
                                         when there is no room even for a number */
    size_t nevents;
    size_t unlabelled_events;
    int events_numbered;     /* labels did not all fit: rules carry numbers 1, 2, … and */
    char *event_notes;       /* the labels are listed under the chart ("1 · date · label") */
    disrupt_rect event_notes_box;
    disrupt_rect event_strip;
    disrupt_plot_claim_mark *claims;
    size_t nclaims;
    size_t unlabelled_claims;
    disrupt_plot_legend_item *legend;
    size_t nlegend;
    disrupt_rect legend_box;
    const char *tz;          /* borrowed from the options */
} disrupt_plot_layout;

/* Width of text (points) for a font of size em points and weight (0 regular, 1 bold). */
typedef double (*disrupt_plot_measure)(void *ctx, const char *text, double em, int bold);

/* Places everything. measure NULL: a conservative estimate (0.62 em per character);
 * disrupt_plot_write passes pango's measurements. */
int disrupt_plot_layout_compute(const disrupt_plot_input *in, const disrupt_plot_options *opt,
                                disrupt_plot_measure measure, void *measure_ctx,
                                disrupt_plot_layout *out, disrupt_error *err);
void disrupt_plot_layout_fini(disrupt_plot_layout *l);

/* x of time t in a layout. */
double disrupt_plot_x(const disrupt_plot_layout *l, int64_t t);

/* The label of one window: "Throttling · 27 Sep – 12 Nov 2020 · 46 days · −42%".
 * Caller frees. NULL when out of memory. */
char *disrupt_plot_window_label(const disrupt_window *w, const disrupt_series *s,
                                const char *tz);

/* Lays out and renders to path (format from opt->format or the extension), atomically. */
int disrupt_plot_write(const char *path, const disrupt_plot_input *in,
                       const disrupt_plot_options *opt, disrupt_error *err);

#endif
