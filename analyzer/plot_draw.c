/* plot_draw.c — drawing a computed layout with cairo.
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

#define COLUMN_PT 0.75   /* width of an envelope column */

typedef struct {
    cairo_t *cr;
    const disrupt_plot_layout *L;
    const disrupt_plot_input *in;
    const plot_palette *pal;
    plot_text text;
    double em;
    double *reference;   /* per panel: what --relative divides by without a baseline */
} draw_ctx;

static void set_rgb(cairo_t *cr, plot_rgb c, double alpha)
{
    if (alpha >= 1)
        cairo_set_source_rgb(cr, c.r, c.g, c.b);
    else
        cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

static void hline(cairo_t *cr, double x0, double x1, double y)
{
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
}

static void vline(cairo_t *cr, double x, double y0, double y1)
{
    cairo_move_to(cr, x, y0);
    cairo_line_to(cr, x, y1);
}

/* Diagonal lines (and their mirror for a cross) over r, spaced `gap`, anchored to the page
 * so that neighbouring areas line up. */
static void hatch(cairo_t *cr, disrupt_rect r, double gap, int cross, plot_rgb c, double alpha,
                  double width)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    cairo_save(cr);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_clip(cr);
    set_rgb(cr, c, alpha);
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

static double sample_x(const draw_ctx *d, const disrupt_series *s, size_t i)
{
    return disrupt_plot_x(d->L, disrupt_series_time(s, i)) +
           (double)s->step / (double)(d->L->t1 - d->L->t0) * d->L->plot_area.w / 2;
}

/* Values to draw for a panel: the observed display values, or the expected ones. */
typedef double (*value_fn)(const draw_ctx *d, size_t panel, size_t i);

static double observed_value(const draw_ctx *d, size_t p, size_t i)
{
    const disrupt_series *s = d->in->data->series[p];
    const double *e = d->in->expected ? d->in->expected[p] : NULL;
    return plot_display_value(s, e, d->reference[p], d->L->relative, i);
}

static double expected_value(const draw_ctx *d, size_t p, size_t i)
{
    const disrupt_series *s = d->in->data->series[p];
    const double *e = d->in->expected[p];
    if (d->L->relative)
        return isfinite(e[i]) ? 100.0 : NAN;
    return s->type == DISRUPT_SIGNAL_COUNTS ? NAN : e[i];
}

/* Seconds per envelope column: a whole day when a day is narrow on the page (so the line is
 * the daily mean and the band the daily range, free of the daily cycle), else COLUMN_PT. */
static double column_seconds(const draw_ctx *d)
{
    double spp = (double)(d->L->t1 - d->L->t0) / d->L->plot_area.w;
    double day_pt = 86400.0 / spp;
    return day_pt >= COLUMN_PT && day_pt <= 4.0 ? 86400.0 : COLUMN_PT * spp;
}

/* Samples gathered into columns; NULL (and *n = 0) when out of memory. */
static column *columns_of(const draw_ctx *d, size_t p, value_fn fn, size_t *ncol)
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
static void draw_columns(const draw_ctx *d, const disrupt_plot_panel *pn, const column *col,
                         size_t n, plot_rgb c, double env_alpha, double line_alpha, double width,
                         const double *dash)
{
    cairo_t *cr = d->cr;
    set_rgb(cr, c, env_alpha);
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
    set_rgb(cr, c, line_alpha);
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
}

/* A plain polyline, broken at missing samples. */
static void draw_polyline(const draw_ctx *d, size_t p, value_fn fn, plot_rgb c, double alpha,
                          double width, const double *dash)
{
    const disrupt_plot_panel *pn = &d->L->panels[p];
    const disrupt_series *s = d->in->data->series[p];
    cairo_t *cr = d->cr;
    set_rgb(cr, c, alpha);
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
        else {
            cairo_move_to(cr, x, y);
            cairo_line_to(cr, x, y);  /* a lone sample still shows as a dot */
        }
        open = 1;
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

/* More than four samples a point: a line through all of them would be a solid smear. */
static int dense(const draw_ctx *d, size_t p)
{
    return (double)d->in->data->series[p]->n > 4 * d->L->panels[p].frame.w;
}

static void draw_values(const draw_ctx *d, size_t p, value_fn fn, plot_rgb c, double env_alpha,
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

/* Hatched stretches where there is no data. Where the series is drawn by columns, a gap
 * shorter than half a column is not a gap at that resolution (the column has data), and
 * hatching each of thousands of lone missing samples would grey out the whole panel. */
static void draw_gaps(const draw_ctx *d, size_t p)
{
    const disrupt_plot_panel *pn = &d->L->panels[p];
    const disrupt_series *s = d->in->data->series[p];
    double shortest = dense(d, p) ? column_seconds(d) / 2 : 0;
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
        if (x1 - x0 < 0.6) {  /* a single missing hour still shows */
            x0 -= 0.3;
            x1 += 0.3;
        }
        disrupt_rect r = {x0, pn->frame.y, x1 - x0, pn->frame.h};
        set_rgb(d->cr, d->pal->gap, 0.12);
        cairo_rectangle(d->cr, r.x, r.y, r.w, r.h);
        cairo_fill(d->cr);
        hatch(d->cr, r, 3.0, 0, d->pal->gap, 0.9, 0.45);
        i = j;
    }
}

/* ---- windows ---- */

static void draw_window_shade(const draw_ctx *d, const disrupt_plot_mark *mk)
{
    const disrupt_plot_panel *pn = &d->L->panels[mk->panel];
    cairo_t *cr = d->cr;
    plot_rgb c = d->pal->kind[mk->kind];
    disrupt_rect r = {mk->x0, pn->frame.y, fmax(mk->x1 - mk->x0, 0.5), pn->frame.h};
    set_rgb(cr, c, d->pal->kind_alpha[mk->kind]);
    cairo_rectangle(cr, r.x, r.y, r.w, r.h);
    cairo_fill(cr);
    if (d->pal->kind_hatch[mk->kind] != PLOT_HATCH_NONE)
        hatch(cr, r, 2.6, d->pal->kind_hatch[mk->kind] == PLOT_HATCH_CROSS, c, 0.9, 0.5);
    /* Edges only where they add something: a run of nightly windows edged line by line
     * turns into a barcode. */
    if (mk->in_run || mk->x1 - mk->x0 < 2.0)
        return;
    set_rgb(cr, c, 0.95);
    cairo_set_line_width(cr, 0.7);
    vline(cr, mk->x0, r.y, r.y + r.h);
    vline(cr, mk->x1, r.y, r.y + r.h);
    cairo_stroke(cr);
}

/* Whiskers: the 95% interval of each boundary, near the top of the frame. */
static void draw_whiskers(const draw_ctx *d, const disrupt_plot_mark *mk)
{
    const disrupt_plot_panel *pn = &d->L->panels[mk->panel];
    cairo_t *cr = d->cr;
    double y = pn->frame.y + 0.5 * d->em, cap = 0.25 * d->em;
    set_rgb(cr, d->pal->ink, 0.85);
    cairo_set_line_width(cr, 0.7);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    double ends[2][2] = {{mk->start_lo, mk->start_hi}, {mk->end_lo, mk->end_hi}};
    for (int k = 0; k < 2; k++) {
        double a = ends[k][0], b = ends[k][1];
        if (b - a < 1.2) {  /* tighter than the caps are apart: one tick says it */
            vline(cr, (a + b) / 2, y - cap, y + cap);
            continue;
        }
        hline(cr, a, b, y);
        vline(cr, a, y - cap, y + cap);
        vline(cr, b, y - cap, y + cap);
    }
    cairo_stroke(cr);
}

/* Paper-coloured ground under a label, so rules passing behind it do not cross the text. */
static void knockout(const draw_ctx *d, disrupt_rect r)
{
    set_rgb(d->cr, d->pal->paper, 0.92);
    cairo_rectangle(d->cr, r.x - 0.15 * d->em, r.y, r.w + 0.3 * d->em, r.h);
    cairo_fill(d->cr);
}

static void draw_window_label(draw_ctx *d, const disrupt_plot_mark *mk)
{
    if (!mk->label)
        return;
    const disrupt_plot_panel *pn = &d->L->panels[mk->panel];
    cairo_t *cr = d->cr;
    plot_rgb c = d->pal->kind[mk->kind];
    double em = d->em;
    double by = mk->label_box.y + mk->label_box.h + 0.2 * em, tick = 0.25 * em;
    /* Bracket spanning the window, in the kind's colour, with drops to the frame. */
    set_rgb(cr, c, 1);
    cairo_set_line_width(cr, 1.1);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    double x0 = mk->bracket_x0, x1 = fmax(mk->bracket_x1, mk->bracket_x0 + 0.8);
    hline(cr, x0, x1, by);
    vline(cr, x0, by - 0.55, by + tick);
    vline(cr, x1, by - 0.55, by + tick);
    cairo_stroke(cr);
    if (mk->lane > 0 || mk->leader) {
        set_rgb(cr, c, 0.55);
        cairo_set_line_width(cr, 0.5);
        vline(cr, x0, by + tick, pn->frame.y);
        vline(cr, x1, by + tick, pn->frame.y);
        cairo_stroke(cr);
    }
    if (mk->leader) {
        /* Label beside a narrow window: join them along the bracket's level. */
        double lx = mk->label_box.x > x1 ? mk->label_box.x : mk->label_box.x + mk->label_box.w;
        set_rgb(cr, c, 0.8);
        cairo_set_line_width(cr, 0.5);
        hline(cr, lx, mk->label_box.x > x1 ? x1 : x0, by);
        cairo_stroke(cr);
    }
    knockout(d, mk->label_box);
    set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, mk->label, mk->label_box.x, mk->label_box.y, em, 0,
                   PLOT_ALIGN_LEFT);
}

/* ---- panels ---- */

static void draw_grid(const draw_ctx *d, const disrupt_plot_panel *pn)
{
    cairo_t *cr = d->cr;
    set_rgb(cr, d->pal->grid, 1);
    cairo_set_line_width(cr, 0.5);
    for (size_t i = 0; i < pn->nyticks; i++)
        hline(cr, pn->frame.x, pn->frame.x + pn->frame.w, pn->yticks[i].y);
    for (size_t i = 0; i < d->L->axis.nmajor; i++)
        vline(cr, d->L->axis.major_ticks[i].x, pn->frame.y, pn->frame.y + pn->frame.h);
    cairo_stroke(cr);
}

static void draw_yaxis(draw_ctx *d, const disrupt_plot_panel *pn)
{
    cairo_t *cr = d->cr;
    double size = 0.9 * d->em;
    set_rgb(cr, d->pal->muted, 1);
    for (size_t i = 0; i < pn->nyticks; i++)
        plot_text_draw(&d->text, cr, pn->yticks[i].text, pn->frame.x - 0.45 * d->em,
                       pn->yticks[i].y - size * PLOT_LINE / 2, size, 0, PLOT_ALIGN_RIGHT);
    /* The zero line (or the bottom) is the one solid rule of the frame. */
    set_rgb(cr, d->pal->frame, 1);
    cairo_set_line_width(cr, 0.8);
    double y0 = pn->ymin <= 0 && pn->ymax >= 0 ? panel_y(pn, 0) : pn->frame.y + pn->frame.h;
    hline(cr, pn->frame.x, pn->frame.x + pn->frame.w, y0);
    cairo_stroke(cr);
    knockout(d, pn->title_box);  /* event rules pass behind it */
    set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, pn->title, pn->title_box.x, pn->title_box.y,
                   PLOT_PANEL_TITLE_SCALE * d->em, 1, PLOT_ALIGN_LEFT);
}

static void draw_panel(draw_ctx *d, size_t p)
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
    if (d->in->expected && d->in->expected[p]) {
        if (d->L->relative) {
            set_rgb(cr, d->pal->expected, 0.9);
            cairo_set_line_width(cr, 0.8);
            double dash[] = {3, 2};
            cairo_set_dash(cr, dash, 2, 0);
            double y = panel_y(pn, 100);
            hline(cr, pn->frame.x, pn->frame.x + pn->frame.w, y);
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
    for (size_t i = 0; i < d->L->nmarks; i++)
        if (d->L->marks[i].panel == p && !d->L->marks[i].in_run)
            draw_whiskers(d, &d->L->marks[i]);
    cairo_restore(cr);
    draw_yaxis(d, pn);
    for (size_t i = 0; i < d->L->nmarks; i++)
        if (d->L->marks[i].panel == p)
            draw_window_label(d, &d->L->marks[i]);
}

/* ---- events, claims, axis, frame text ---- */

static void draw_events(draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    if (!L->nevents)
        return;
    cairo_t *cr = d->cr;
    double bottom = L->panels[L->npanels - 1].frame.y + L->panels[L->npanels - 1].frame.h;
    double top_default = L->panels[0].frame.y;
    double dash[] = {2.2, 1.6};
    for (size_t i = 0; i < L->nevents; i++) {
        const disrupt_plot_event_mark *ev = &L->events[i];
        double top = ev->label ? ev->label_box.y + 0.2 * d->em : top_default;
        set_rgb(cr, d->pal->event, 0.75);
        cairo_set_line_width(cr, 0.6);
        cairo_set_dash(cr, dash, 2, 0);
        vline(cr, ev->x, top, bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    for (size_t i = 0; i < L->nevents; i++) {
        const disrupt_plot_event_mark *ev = &L->events[i];
        if (!ev->label)
            continue;
        knockout(d, ev->label_box);
        set_rgb(cr, d->pal->ink, 1);
        plot_text_draw(&d->text, cr, ev->label, ev->label_box.x, ev->label_box.y, 0.9 * d->em,
                       L->events_numbered, PLOT_ALIGN_LEFT);
    }
}

static void draw_claims(draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    cairo_t *cr = d->cr;
    double dash[] = {0.8, 1.6};
    for (size_t i = 0; i < L->nclaims; i++) {
        const disrupt_plot_claim_mark *mk = &L->claims[i];
        /* Dotted edges down through the panels the claim is about. */
        const disrupt_plot_panel *last = &L->panels[mk->panel == SIZE_MAX ? L->npanels - 1 : mk->panel];
        double bottom = last->frame.y + last->frame.h;
        double tick = 0.35 * d->em;
        set_rgb(cr, d->pal->claim, 1);
        cairo_set_line_width(cr, 1.1);
        hline(cr, mk->x0, mk->x1, mk->y);
        vline(cr, mk->x0, mk->y - 0.55, mk->y + tick);
        vline(cr, mk->x1, mk->y - 0.55, mk->y + tick);
        cairo_stroke(cr);
        set_rgb(cr, d->pal->claim, 0.7);
        cairo_set_line_width(cr, 0.6);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(cr, dash, 2, 0);
        vline(cr, mk->x0, mk->y + tick, bottom);
        vline(cr, mk->x1, mk->y + tick, bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        set_rgb(cr, d->pal->claim, 1);
        plot_text_draw(&d->text, cr, mk->label, mk->label_box.x, mk->label_box.y, 0.9 * d->em, 0,
                       PLOT_ALIGN_LEFT);
    }
}

static void draw_axis(draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    const disrupt_timeaxis *ax = &L->axis;
    cairo_t *cr = d->cr;
    double bottom = L->panels[L->npanels - 1].frame.y + L->panels[L->npanels - 1].frame.h;
    double size = 0.9 * d->em;
    set_rgb(cr, d->pal->frame, 1);
    cairo_set_line_width(cr, 0.6);
    for (size_t i = 0; i < ax->nmajor; i++)
        vline(cr, ax->major_ticks[i].x, bottom, bottom + 0.3 * d->em);
    for (size_t i = 0; i < ax->nminor; i++)
        vline(cr, ax->minor_ticks[i].x, bottom, bottom + 0.15 * d->em);
    cairo_stroke(cr);
    set_rgb(cr, d->pal->muted, 1);
    for (size_t i = 0; i < ax->nlabels; i++)
        plot_text_draw(&d->text, cr, ax->labels[i].text, ax->labels[i].x, L->axis_y, size, 0,
                       PLOT_ALIGN_CENTRE);
    set_rgb(cr, d->pal->ink, 1);
    for (size_t i = 0; i < ax->ncontext; i++)
        plot_text_draw(&d->text, cr, ax->context[i].text,
                       ax->context[i].x - ax->context[i].width / 2, L->axis_y + size * PLOT_LINE,
                       size, 1, PLOT_ALIGN_LEFT);
}

static void draw_legend(draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    cairo_t *cr = d->cr;
    for (size_t i = 0; i < L->nlegend; i++) {
        const disrupt_plot_legend_item *it = &L->legend[i];
        disrupt_rect s = it->swatch;
        double mid = s.y + s.h / 2;
        switch (it->what) {
        case DISRUPT_LEGEND_OBSERVED:
            set_rgb(cr, d->pal->series, d->pal->series_envelope_alpha);
            cairo_rectangle(cr, s.x, s.y + s.h * 0.2, s.w, s.h * 0.6);
            cairo_fill(cr);
            set_rgb(cr, d->pal->series, 1);
            cairo_set_line_width(cr, 0.9);
            hline(cr, s.x, s.x + s.w, mid);
            cairo_stroke(cr);
            break;
        case DISRUPT_LEGEND_EXPECTED: {
            static const double dash[] = {3.0, 1.8};
            set_rgb(cr, d->pal->expected, d->pal->expected_alpha);
            cairo_rectangle(cr, s.x, s.y + s.h * 0.2, s.w, s.h * 0.6);
            cairo_fill(cr);
            set_rgb(cr, d->pal->expected, 1);
            cairo_set_line_width(cr, 1.0);
            cairo_set_dash(cr, dash, 2, 0);
            hline(cr, s.x, s.x + s.w, mid);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            break;
        }
        case DISRUPT_LEGEND_MISSING:
            set_rgb(cr, d->pal->gap, 0.12);
            cairo_rectangle(cr, s.x, s.y, s.w, s.h);
            cairo_fill(cr);
            hatch(cr, s, 3.0, 0, d->pal->gap, 0.9, 0.45);
            break;
        case DISRUPT_LEGEND_WINDOW:
            set_rgb(cr, d->pal->kind[it->kind], d->pal->kind_alpha[it->kind]);
            cairo_rectangle(cr, s.x, s.y, s.w, s.h);
            cairo_fill(cr);
            if (d->pal->kind_hatch[it->kind] != PLOT_HATCH_NONE)
                hatch(cr, s, 2.6, d->pal->kind_hatch[it->kind] == PLOT_HATCH_CROSS,
                      d->pal->kind[it->kind], 0.9, 0.5);
            set_rgb(cr, d->pal->kind[it->kind], 1);
            cairo_set_line_width(cr, 0.7);
            vline(cr, s.x, s.y, s.y + s.h);
            vline(cr, s.x + s.w, s.y, s.y + s.h);
            cairo_stroke(cr);
            break;
        case DISRUPT_LEGEND_CI:
            set_rgb(cr, d->pal->ink, 0.85);
            cairo_set_line_width(cr, 0.9);
            hline(cr, s.x + 0.2 * s.w, s.x + 0.8 * s.w, mid);
            vline(cr, s.x + 0.2 * s.w, mid - 0.32 * d->em, mid + 0.32 * d->em);
            vline(cr, s.x + 0.8 * s.w, mid - 0.32 * d->em, mid + 0.32 * d->em);
            cairo_stroke(cr);
            break;
        case DISRUPT_LEGEND_EVENT: {
            double dash[] = {2.2, 1.6};
            set_rgb(cr, d->pal->event, 0.75);
            cairo_set_line_width(cr, 0.6);
            cairo_set_dash(cr, dash, 2, 0);
            vline(cr, s.x + s.w / 2, s.y - 0.1 * d->em, s.y + s.h + 0.1 * d->em);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            break;
        }
        case DISRUPT_LEGEND_CLAIM:
            set_rgb(cr, d->pal->claim, 1);
            cairo_set_line_width(cr, 1.1);
            hline(cr, s.x, s.x + s.w, s.y + 0.2 * s.h);
            vline(cr, s.x, s.y + 0.2 * s.h, s.y + s.h);
            vline(cr, s.x + s.w, s.y + 0.2 * s.h, s.y + s.h);
            cairo_stroke(cr);
            break;
        }
        set_rgb(cr, d->pal->ink, 1);
        plot_text_draw(&d->text, cr, it->text, it->text_box.x, it->text_box.y, 0.9 * d->em, 0,
                       PLOT_ALIGN_LEFT);
    }
}

static void draw_headings(draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    cairo_t *cr = d->cr;
    set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, L->title, L->title_box.x, L->title_box.y,
                   PLOT_TITLE_SCALE * d->em, 1, PLOT_ALIGN_LEFT);
    set_rgb(cr, d->pal->muted, 1);
    plot_text_draw(&d->text, cr, L->subtitle, L->subtitle_box.x, L->subtitle_box.y,
                   PLOT_SUBTITLE_SCALE * d->em, 0, PLOT_ALIGN_LEFT);
    plot_text_draw(&d->text, cr, L->caption, L->caption_box.x, L->caption_box.y,
                   PLOT_CAPTION_SCALE * d->em, 0, PLOT_ALIGN_LEFT);
    set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, L->event_notes, L->event_notes_box.x, L->event_notes_box.y,
                   PLOT_CAPTION_SCALE * d->em, 0, PLOT_ALIGN_LEFT);
}

int plot_draw(cairo_t *cr, const disrupt_plot_layout *l, const disrupt_plot_input *in,
              disrupt_error *err)
{
    draw_ctx d = {cr, l, in, plot_palette_of(l->theme), {0}, l->em, NULL};
    d.reference = calloc(l->npanels, sizeof *d.reference);
    if (!d.reference)
        return disrupt_error_nomem(err);
    for (size_t p = 0; p < l->npanels; p++)
        d.reference[p] = l->relative ? plot_relative_reference(in->data->series[p]) : NAN;
    if (plot_text_init_for(&d.text, cr) != 0) {
        free(d.reference);
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "plot: cannot set up text rendering");
    }
    set_rgb(cr, d.pal->paper, 1);
    cairo_paint(cr);
    draw_headings(&d);
    draw_legend(&d);
    draw_claims(&d);
    draw_events(&d);
    for (size_t p = 0; p < l->npanels; p++)
        draw_panel(&d, p);
    draw_axis(&d);
    plot_text_fini(&d.text);
    free(d.reference);
    cairo_status_t st = cairo_status(cr);
    if (st != CAIRO_STATUS_SUCCESS)
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "plot: drawing failed: %s",
                                 cairo_status_to_string(st));
    return 0;
}
