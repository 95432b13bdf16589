/* plot_paint.c — the drawing primitives of the charts: colours, rules, hatching, and the
 * paper-coloured ground that keeps rules from crossing text. */
#include <math.h>

#include "plot_cairo.h"

void plot_set_rgb(cairo_t *cr, plot_rgb c, double alpha)
{
    if (alpha >= 1)
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
    else
        cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

void plot_hline(cairo_t *cr, double x0, double x1, double y)
{
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
}

void plot_vline(cairo_t *cr, double x, double y0, double y1)
{
    cairo_move_to(cr, x, y0);
    cairo_line_to(cr, x, y1);
}

/* Diagonal lines (and their mirror for a cross) over r, spaced `gap`, anchored to the page
 * so that neighbouring areas line up. */
void plot_hatch_rect(cairo_t *cr, disrupt_rect r, double gap, int cross, plot_rgb c, double alpha,
                     double width)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    cairo_save(cr);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_clip(cr);
    plot_set_rgb(cr, c, alpha);
    cairo_set_line_width(cr, width);
    double start = floor((r.x - r.h - r.y) / gap) * gap;
    for (double k = start; k < r.x + r.w - r.y + gap; k += gap) {
        /* The line x − y = k. */
        cairo_move_to(cr, k + r.y, r.y);
        cairo_line_to(cr, k + r.y + r.h, r.y + r.h);
        if (cross) {
            /* The line x + y = k + 2·r.y + r.h mirrors it. */
            cairo_move_to(cr, k + r.y + r.h, r.y);
            cairo_line_to(cr, k + r.y, r.y + r.h);
        }
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* Paper-coloured ground under a label, so rules passing behind it do not cross the text. */
void plot_knockout(const plot_draw_ctx *d, disrupt_rect r)
{
    plot_set_rgb(d->cr, d->pal->paper, 0.92);
    cairo_rectangle(d->cr, r.x - 0.15 * d->em, r.y, r.w + 0.3 * d->em, r.h);
    cairo_fill(d->cr);
}

