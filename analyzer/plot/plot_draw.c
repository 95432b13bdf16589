/* plot_draw.c — drawing the panels of a computed layout with cairo: data, gaps, windows.
 *
 * Nothing here decides where things go (plot_layout.c does); this file decides how they
 * look. Dense series (more samples than the frame has room for) are drawn as a min–max
 * envelope per column with the column means as a line, so hourly data over a year reads as a
 * band with a clear level instead of a solid block of zigzags. Patterns are drawn as clipped
 * lines rather than surface patterns so that SVG output holds no extra surfaces.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_cairo.h"

/* ---- data ---- */

typedef struct {
    double x;
    double lo, hi, sum;
    size_t n;
} column;

static double panel_y(const disrupt_plot_panel *p, double v)
{
    double y = p->frame.y + p->frame.h * (p->ymax - v) / (p->ymax - p->ymin);
    /* Keep wild values inside the frame's neighbourhood (cairo handles the rest by clip). */
    return fmin(fmax(y, p->frame.y - 10 * p->frame.h), p->frame.y + 11 * p->frame.h);
}

static double sample_x(const plot_draw_ctx *d, const disrupt_series *s, size_t i)
{
    return disrupt_plot_x(d->L, disrupt_series_time(s, i)) +
           (double)s->step / (double)(d->L->t1 - d->L->t0) * d->L->plot_area.w / 2;
}

/* Values to draw for a panel: the observed display values, or the expected ones. */
typedef double (*value_fn)(const plot_draw_ctx *d, size_t panel, size_t i);

static double observed_value(const plot_draw_ctx *d, size_t p, size_t i)
{
    const disrupt_series *s = d->in->data->series[p];
    const double *e = d->in->expected ? d->in->expected[p] : NULL;
    return plot_display_value(s, e, d->reference[p], d->L->relative, i);
}

static double expected_value(const plot_draw_ctx *d, size_t p, size_t i)
{
    const disrupt_series *s = d->in->data->series[p];
    const double *e = d->in->expected[p];
    if (d->L->relative)
        return isfinite(e[i]) ? 100.0 : NAN;
    return s->type == DISRUPT_SIGNAL_COUNTS ? NAN : e[i];
}

static double column_seconds(const plot_draw_ctx *d)
{
    return plot_column_seconds(d->L);
}

/* Samples gathered into columns; NULL (and *n = 0) when out of memory. */
static column *columns_of(const plot_draw_ctx *d, size_t p, value_fn fn, size_t *ncol)
{
    const disrupt_series *s = d->in->data->series[p];
    double period = column_seconds(d);
    size_t n = (size_t)ceil((double)(d->L->t1 - d->L->t0) / period) + 1;
    column *col = calloc(n, sizeof *col);
    *ncol = col ? n : 0;
    if (!col)
        return NULL;
    for (size_t j = 0; j < n; j++) {
        double mid = (double)d->L->t0 + ((double)j + 0.5) * period;
        col[j].x = d->L->plot_area.x + (mid - (double)d->L->t0) / (double)(d->L->t1 - d->L->t0) *
                                           d->L->plot_area.w;
        col[j].lo = INFINITY;
        col[j].hi = -INFINITY;
    }
    for (size_t i = 0; i < s->n; i++) {
        double v = fn(d, p, i);
        if (!isfinite(v))
            continue;
        double off = (double)(disrupt_series_time(s, i) - d->L->t0);
        size_t j = off <= 0 ? 0 : (size_t)(off / period);
        if (j >= n)
            j = n - 1;
        col[j].lo = fmin(col[j].lo, v);
        col[j].hi = fmax(col[j].hi, v);
        col[j].sum += v;
        col[j].n++;
    }
    return col;
}

/* Envelope polygons (one per run of filled columns), then the mean line. */
/* A sample with no neighbour to join: a filled dot a little wider than the line, so that a
 * lone OONI day between gaps still shows. */
static void draw_lone_point(cairo_t *cr, double x, double y, double width)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, fmax(1.1 * width, 1.6), 0, 2 * M_PI);
    cairo_fill(cr);
}

static void draw_columns(const plot_draw_ctx *d, const disrupt_plot_panel *pn, const column *col,
                         size_t n, plot_rgb c, double env_alpha, double line_alpha, double width,
                         const double *dash)
{
    cairo_t *cr = d->cr;
    plot_set_rgb(cr, c, env_alpha);
    for (size_t j = 0; j < n;) {
        if (!col[j].n) {
            j++;
            continue;
        }
        size_t k = j;
        while (k < n && col[k].n)
            k++;
        for (size_t i = j; i < k; i++)
            cairo_line_to(cr, col[i].x, panel_y(pn, col[i].hi));
        for (size_t i = k; i-- > j;)
            cairo_line_to(cr, col[i].x, panel_y(pn, col[i].lo));
        cairo_close_path(cr);
        cairo_fill(cr);
        j = k;
    }
    if (line_alpha <= 0)
        return;
    plot_set_rgb(cr, c, line_alpha);
    cairo_set_line_width(cr, width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, dash ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
    cairo_set_dash(cr, dash, dash ? 2 : 0, 0);
    int open = 0;
    for (size_t j = 0; j < n; j++) {
        if (!col[j].n) {
            open = 0;
            continue;
        }
        double y = panel_y(pn, col[j].sum / (double)col[j].n);
        if (open)
            cairo_line_to(cr, col[j].x, y);
        else
            cairo_move_to(cr, col[j].x, y);
        open = 1;
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    for (size_t j = 0; j < n && !dash; j++)
        if (col[j].n && (j == 0 || !col[j - 1].n) && (j + 1 == n || !col[j + 1].n))
            draw_lone_point(cr, col[j].x, panel_y(pn, col[j].sum / (double)col[j].n), width);
}

/* A plain polyline, broken at missing samples. */
static void draw_polyline(const plot_draw_ctx *d, size_t p, value_fn fn, plot_rgb c, double alpha,
                          double width, const double *dash)
{
    const disrupt_plot_panel *pn = &d->L->panels[p];
    const disrupt_series *s = d->in->data->series[p];
    cairo_t *cr = d->cr;
    plot_set_rgb(cr, c, alpha);
    cairo_set_line_width(cr, width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, dash ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
    cairo_set_dash(cr, dash, dash ? 2 : 0, 0);
    int open = 0;
    for (size_t i = 0; i < s->n; i++) {
        double v = fn(d, p, i);
        if (!isfinite(v)) {
            open = 0;
            continue;
        }
        double x = sample_x(d, s, i), y = panel_y(pn, v);
        if (open)
            cairo_line_to(cr, x, y);
        else
            cairo_move_to(cr, x, y);
        open = 1;
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    for (size_t i = 0; i < s->n && !dash; i++) {
        int alone = isfinite(fn(d, p, i)) && (i == 0 || !isfinite(fn(d, p, i - 1))) &&
                    (i + 1 == s->n || !isfinite(fn(d, p, i + 1)));
        if (alone)
            draw_lone_point(cr, sample_x(d, s, i), panel_y(pn, fn(d, p, i)), width);
    }
}

static int dense(const plot_draw_ctx *d, size_t p)
{
    return plot_dense(d->L, d->in->data->series[p]);
}

static void draw_values(const plot_draw_ctx *d, size_t p, value_fn fn, plot_rgb c, double env_alpha,
                        double line_alpha, double width, const double *dash)
{
    if (dense(d, p)) {
        size_t n;
        column *col = columns_of(d, p, fn, &n);
        if (col)
            draw_columns(d, &d->L->panels[p], col, n, c, env_alpha, line_alpha, width, dash);
        free(col);
    } else if (line_alpha > 0) {
        draw_polyline(d, p, fn, c, line_alpha, width, dash);
    }
}

/* Samples above the panel's range: a small upward triangle at the top edge of the frame,
 * one per point of width, so that an outlier clipped off the range is still seen. */
static void draw_clipped(const plot_draw_ctx *d, size_t p)
{
    const disrupt_plot_panel *pn = &d->L->panels[p];
    const disrupt_series *s = d->in->data->series[p];
    double last = -INFINITY, size = 3.2;
    plot_set_rgb(d->cr, d->pal->series, 1);
    for (size_t i = 0; i < s->n; i++) {
        double v = observed_value(d, p, i);
        if (!(isfinite(v) && v > pn->ymax))
            continue;
        double x = sample_x(d, s, i);
        if (x - last < size)
            continue;
        last = x;
        cairo_move_to(d->cr, x, pn->frame.y + 0.3);
        cairo_line_to(d->cr, x - size / 2, pn->frame.y + 0.3 + size);
        cairo_line_to(d->cr, x + size / 2, pn->frame.y + 0.3 + size);
        cairo_close_path(d->cr);
        cairo_fill(d->cr);
    }
}

/* Hatched stretches where there is no data (see plot_shortest_gap). */
static void draw_gaps(const plot_draw_ctx *d, size_t p)
{
    const disrupt_plot_panel *pn = &d->L->panels[p];
    const disrupt_series *s = d->in->data->series[p];
    double shortest = plot_shortest_gap(d->L, s);
    for (size_t i = 0; i < s->n;) {
        if (isfinite(observed_value(d, p, i))) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < s->n && !isfinite(observed_value(d, p, j)))
            j++;
        if ((double)(j - i) * (double)s->step < shortest) {
            i = j;
            continue;
        }
        double x0 = disrupt_plot_x(d->L, disrupt_series_time(s, i));
        double x1 = disrupt_plot_x(d->L, disrupt_series_time(s, j));
        /* A missing day or hour is a band at least PLOT_GAP_MIN_WIDTH wide, its hatch visible:
         * as a hairline it would pass for an event's dashed rule. */
        if (x1 - x0 < PLOT_GAP_MIN_WIDTH) {
            double mid = 0.5 * (x0 + x1);
            x0 = mid - 0.5 * PLOT_GAP_MIN_WIDTH;
            x1 = mid + 0.5 * PLOT_GAP_MIN_WIDTH;
        }
        disrupt_rect r = {x0, pn->frame.y, x1 - x0, pn->frame.h};
        plot_set_rgb(d->cr, d->pal->gap, 0.12);
        cairo_rectangle(d->cr, r.x, r.y, r.w, r.h);
        cairo_fill(d->cr);
        plot_hatch_rect(d->cr, r, 3.0, 0, d->pal->gap, 0.9, 0.45);
        i = j;
    }
}

/* ---- windows ---- */

static void draw_window_shade(const plot_draw_ctx *d, const disrupt_plot_mark *mk)
{
    const disrupt_plot_panel *pn = &d->L->panels[mk->panel];
    cairo_t *cr = d->cr;
    plot_rgb c = d->pal->kind[mk->kind];
    disrupt_rect r = {mk->x0, pn->frame.y, fmax(mk->x1 - mk->x0, 0.5), pn->frame.h};
    plot_set_rgb(cr, c, d->pal->kind_alpha[mk->kind]);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_fill(cr);
    if (d->pal->kind_hatch[mk->kind] != PLOT_HATCH_NONE)
        plot_hatch_rect(cr, r, 2.6, d->pal->kind_hatch[mk->kind] == PLOT_HATCH_CROSS, c, 0.9, 0.5);
    /* Phases inside the span: the deepest shaded darker, dotted rules where phases meet. */
    if (mk->nphase_x && mk->deepest_x1 > mk->deepest_x0) {
        plot_set_rgb(cr, c, 0.6 * d->pal->kind_alpha[mk->kind]);
        cairo_rectangle(cr, mk->deepest_x0, r.y, mk->deepest_x1 - mk->deepest_x0, r.h);
        cairo_fill(cr);
    }
    if (mk->nphase_x) {
        static const double dots[] = {1.0, 1.6};
        plot_set_rgb(cr, c, 0.9);
        cairo_set_line_width(cr, 0.6);
        cairo_set_dash(cr, dots, 2, 0);
        for (size_t k = 0; k < mk->nphase_x; k++)
            plot_vline(cr, mk->phase_x[k], r.y, r.y + r.h);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    /* Edges only where they add something: a run of nightly windows edged line by line
     * turns into a barcode. */
    if (mk->in_run || mk->x1 - mk->x0 < 2.0)
        return;
    plot_set_rgb(cr, c, 0.95);
    cairo_set_line_width(cr, 0.7);
    plot_vline(cr, mk->x0, r.y, r.y + r.h);
    plot_vline(cr, mk->x1, r.y, r.y + r.h);
    cairo_stroke(cr);
}

/* Whiskers: the 95% interval of each boundary, near the top of the frame. */
static void draw_whiskers(const plot_draw_ctx *d, const disrupt_plot_mark *mk)
{
    const disrupt_plot_panel *pn = &d->L->panels[mk->panel];
    cairo_t *cr = d->cr;
    double y = pn->frame.y + 0.5 * d->em, cap = 0.25 * d->em;
    plot_set_rgb(cr, d->pal->ink, 0.85);
    cairo_set_line_width(cr, 0.7);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    double ends[2][2] = {{mk->start_lo, mk->start_hi}, {mk->end_lo, mk->end_hi}};
    for (int k = 0; k < 2; k++) {
        double a = ends[k][0], b = ends[k][1];
        if (b - a < 1.2) {  /* tighter than the caps are apart: one tick says it */
            plot_vline(cr, (a + b) / 2, y - cap, y + cap);
            continue;
        }
        plot_hline(cr, a, b, y);
        plot_vline(cr, a, y - cap, y + cap);
        plot_vline(cr, b, y - cap, y + cap);
    }
    cairo_stroke(cr);
}

static void draw_window_label(plot_draw_ctx *d, const disrupt_plot_mark *mk)
{
    if (!mk->label)
        return;
    const disrupt_plot_panel *pn = &d->L->panels[mk->panel];
    cairo_t *cr = d->cr;
    plot_rgb c = d->pal->kind[mk->kind];
    double em = d->em;
    double by = mk->label_box.y + mk->label_box.h + 0.2 * em, tick = 0.25 * em;
    /* Bracket spanning the window, in the kind's colour, with drops to the frame. */
    plot_set_rgb(cr, c, 1);
    cairo_set_line_width(cr, 1.1);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    double x0 = mk->bracket_x0, x1 = fmax(mk->bracket_x1, mk->bracket_x0 + 0.8);
    plot_hline(cr, x0, x1, by);
    plot_vline(cr, x0, by - 0.55, by + tick);
    plot_vline(cr, x1, by - 0.55, by + tick);
    cairo_stroke(cr);
    if (mk->lane > 0 || mk->leader) {
        plot_set_rgb(cr, c, 0.55);
        cairo_set_line_width(cr, 0.5);
        plot_vline(cr, x0, by + tick, pn->frame.y);
        plot_vline(cr, x1, by + tick, pn->frame.y);
        cairo_stroke(cr);
    }
    if (mk->leader) {
        /* Label beside a narrow window: join them along the bracket's level. */
        double lx = mk->label_box.x > x1 ? mk->label_box.x : mk->label_box.x + mk->label_box.w;
        plot_set_rgb(cr, c, 0.8);
        cairo_set_line_width(cr, 0.5);
        plot_hline(cr, lx, mk->label_box.x > x1 ? x1 : x0, by);
        cairo_stroke(cr);
    }
    plot_knockout(d, mk->label_box);
    plot_set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, mk->label, mk->label_box.x, mk->label_box.y, em, 0,
                   PLOT_ALIGN_LEFT);
}

/* ---- panels ---- */

static void draw_grid(const plot_draw_ctx *d, const disrupt_plot_panel *pn)
{
    cairo_t *cr = d->cr;
    plot_set_rgb(cr, d->pal->grid, 1);
    cairo_set_line_width(cr, 0.5);
    for (size_t i = 0; i < pn->nyticks; i++)
        plot_hline(cr, pn->frame.x, pn->frame.x + pn->frame.w, pn->yticks[i].y);
    for (size_t i = 0; i < d->L->axis.nmajor; i++)
        plot_vline(cr, d->L->axis.major_ticks[i].x, pn->frame.y, pn->frame.y + pn->frame.h);
    cairo_stroke(cr);
}

static void draw_yaxis(plot_draw_ctx *d, const disrupt_plot_panel *pn)
{
    cairo_t *cr = d->cr;
    double size = 0.9 * d->em;
    plot_set_rgb(cr, d->pal->muted, 1);
    for (size_t i = 0; i < pn->nyticks; i++)
        plot_text_draw(&d->text, cr, pn->yticks[i].text, pn->frame.x - 0.45 * d->em,
                       pn->yticks[i].y - size * PLOT_LINE / 2, size, 0, PLOT_ALIGN_RIGHT);
    /* The zero line (or the bottom) is the one solid rule of the frame. */
    plot_set_rgb(cr, d->pal->frame, 1);
    cairo_set_line_width(cr, 0.8);
    double y0 = pn->ymin <= 0 && pn->ymax >= 0 ? panel_y(pn, 0) : pn->frame.y + pn->frame.h;
    plot_hline(cr, pn->frame.x, pn->frame.x + pn->frame.w, y0);
    cairo_stroke(cr);
    plot_knockout(d, pn->title_box);  /* event rules pass behind it */
    plot_set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, pn->title, pn->title_box.x, pn->title_box.y,
                   PLOT_PANEL_TITLE_SCALE * d->em, 1, PLOT_ALIGN_LEFT);
}

static void draw_panel(plot_draw_ctx *d, size_t p)
{
    const disrupt_plot_panel *pn = &d->L->panels[p];
    cairo_t *cr = d->cr;
    draw_grid(d, pn);
    cairo_save(cr);
    cairo_rectangle(cr, pn->frame.x, pn->frame.y - 1, pn->frame.w, pn->frame.h + 2);
    cairo_clip(cr);
    draw_gaps(d, p);
    for (size_t i = 0; i < d->L->nmarks; i++)
        if (d->L->marks[i].panel == p)
            draw_window_shade(d, &d->L->marks[i]);
    /* A blocked share has no relative form: its panel shows the share as measured, without
     * a 100% line (plot_layout.c says so in its title). */
    int level = d->in->data->series[p]->type == DISRUPT_SIGNAL_LEVEL;
    if (d->in->expected && d->in->expected[p] && level) {
        if (d->L->relative) {
            plot_set_rgb(cr, d->pal->expected, 0.9);
            cairo_set_line_width(cr, 0.8);
            double dash[] = {3, 2};
            cairo_set_dash(cr, dash, 2, 0);
            double y = panel_y(pn, 100);
            plot_hline(cr, pn->frame.x, pn->frame.x + pn->frame.w, y);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
        } else {
            /* Over a dense series the expected range would bury the observed one: the expected
             * level alone (dashed) says what matters there. */
            static const double dash[] = {3.0, 1.8};
            draw_values(d, p, expected_value, d->pal->expected,
                        dense(d, p) ? 0 : d->pal->expected_alpha, 1, 1.0, dash);
        }
    }
    draw_values(d, p, observed_value, d->pal->series, d->pal->series_envelope_alpha, 1, 1.0, NULL);
    if (pn->clipped)
        draw_clipped(d, p);
    for (size_t i = 0; i < d->L->nmarks; i++)
        if (d->L->marks[i].panel == p && !d->L->marks[i].in_run)
            draw_whiskers(d, &d->L->marks[i]);
    cairo_restore(cr);
    draw_yaxis(d, pn);
    for (size_t i = 0; i < d->L->nmarks; i++)
        if (d->L->marks[i].panel == p)
            draw_window_label(d, &d->L->marks[i]);
}

int plot_draw(cairo_t *cr, const disrupt_plot_layout *l, const disrupt_plot_input *in,
              disrupt_error *err)
{
    plot_draw_ctx d = {cr, l, in, plot_palette_of(l->theme), {0}, l->em, NULL};
    d.reference = calloc(l->npanels, sizeof *d.reference);
    if (!d.reference)
        return disrupt_error_nomem(err);
    for (size_t p = 0; p < l->npanels; p++)
        d.reference[p] = l->relative ? plot_relative_reference(in->data->series[p]) : NAN;
    if (plot_text_init_for(&d.text, cr) != 0) {
        free(d.reference);
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "plot: cannot set up text rendering");
    }
    plot_set_rgb(cr, d.pal->paper, 1);
    cairo_paint(cr);
    plot_draw_headings(&d);
    plot_draw_legend(&d);
    plot_draw_claims(&d);
    plot_draw_events(&d);
    for (size_t p = 0; p < l->npanels; p++)
        draw_panel(&d, p);
    plot_draw_axis(&d);
    plot_text_fini(&d.text);
    free(d.reference);
    cairo_status_t st = cairo_status(cr);
    if (st != CAIRO_STATUS_SUCCESS)
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "plot: drawing failed: %s",
                                 cairo_status_to_string(st));
    return 0;
}
