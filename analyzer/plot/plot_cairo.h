/* plot_cairo.h — the cairo/pango side of the plot: text through pango with fontconfig fonts,
 * and drawing a computed layout. Internal to the plot_*.c files. */
#ifndef DISRUPT_PLOT_CAIRO_H
#define DISRUPT_PLOT_CAIRO_H

#include <cairo.h>
#include <pango/pangocairo.h>

#include "plot_internal.h"

#define PLOT_FONT_FAMILY "DejaVu Sans"

/* Text state: a pango context with fixed font options (no hinting of metrics, so widths
 * measured on one surface hold on another and output is the same on every run). */
typedef struct {
    PangoContext *context;
    PangoLayout *layout;
    PangoFontDescription *font;
} plot_text;

/* For measuring: a context on a private 1×1 surface. Returns 0 or DISRUPT_EANALYSIS. */
int plot_text_init_measuring(plot_text *t);
/* For drawing on cr. */
int plot_text_init_for(plot_text *t, cairo_t *cr);
void plot_text_fini(plot_text *t);

/* For tests of the drawn chart: while a log is set, each line of text drawn is appended to it
 * as "text<TAB>x<TAB>y<TAB>w<TAB>h<TAB>string" (its ink box in points). NULL stops. */
void plot_text_set_log(FILE *log);
/* Logs a line drawn that must not cross text, as "line<TAB>x0<TAB>y0<TAB>x1<TAB>y1". */
void plot_log_line(double x0, double y0, double x1, double y1);

/* disrupt_plot_measure backed by pango; ctx is a plot_text. */
double plot_text_measure(void *ctx, const char *text, double em, int bold);

typedef enum { PLOT_ALIGN_LEFT, PLOT_ALIGN_CENTRE, PLOT_ALIGN_RIGHT } plot_align;

/* Draws text (with '\n' line breaks) with its top at y; x is the left, centre or right
 * edge by align. */
void plot_text_draw(plot_text *t, cairo_t *cr, const char *text, double x, double y, double em,
                    int bold, plot_align align);

/* What drawing a layout needs at hand (plot_draw.c fills it). */
typedef struct {
    cairo_t *cr;
    const disrupt_plot_layout *L;
    const disrupt_plot_input *in;
    const plot_palette *pal;
    plot_text text;
    double em;
    double *reference;   /* per panel: what --relative divides by without a baseline */
} plot_draw_ctx;

void plot_set_rgb(cairo_t *cr, plot_rgb c, double alpha);
void plot_hline(cairo_t *cr, double x0, double x1, double y);
void plot_vline(cairo_t *cr, double x, double y0, double y1);
/* Diagonal lines (a cross with `cross`) over r, spaced gap, anchored to the page. */
void plot_hatch_rect(cairo_t *cr, disrupt_rect r, double gap, int cross, plot_rgb c, double alpha,
                     double width);
/* Paper-coloured ground under a label, so rules passing behind it do not cross the text. */
void plot_knockout(const plot_draw_ctx *d, disrupt_rect r);

void plot_draw_headings(plot_draw_ctx *d);
void plot_draw_legend(plot_draw_ctx *d);
void plot_draw_claims(plot_draw_ctx *d);
void plot_draw_events(plot_draw_ctx *d);
void plot_draw_axis(plot_draw_ctx *d);

/* A page to write: its size in points, a title for the PDF metadata, and how to draw it. */
typedef struct {
    double width, height;
    const char *title;
    int (*draw)(cairo_t *cr, void *ctx, disrupt_error *err);
    void *ctx;
} plot_page;

/* Renders page to path as PNG (at dpi), SVG (ids renumbered for byte-stable output) or PDF
 * (dates from SOURCE_DATE_EPOCH), written atomically. format AUTO: from the extension. */
int plot_write_page(const char *path, disrupt_plot_format format, double dpi,
                    const plot_page *page, disrupt_error *err);

/* Draws the whole layout on cr, whose user space is layout points. Returns 0 or
 * DISRUPT_EANALYSIS with err set when cairo reports an error. */
int plot_draw(cairo_t *cr, const disrupt_plot_layout *l, const disrupt_plot_input *in,
              disrupt_error *err);

#endif
