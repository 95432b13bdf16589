/* plot_annotate.c — what frames the panels: title, subtitle, legend, event rules and
 * labels, claimed-window brackets, the date axis and the caption. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "plot_cairo.h"

/* ---- events, claims, axis, frame text ---- */

void plot_draw_events(plot_draw_ctx *d)
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
        plot_set_rgb(cr, d->pal->event, 0.75);
        cairo_set_line_width(cr, 0.6);
        cairo_set_dash(cr, dash, 2, 0);
        plot_vline(cr, ev->x, top, bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    for (size_t i = 0; i < L->nevents; i++) {
        const disrupt_plot_event_mark *ev = &L->events[i];
        if (!ev->label)
            continue;
        plot_knockout(d, ev->label_box);
        plot_set_rgb(cr, d->pal->ink, 1);
        plot_text_draw(&d->text, cr, ev->label, ev->label_box.x, ev->label_box.y, 0.9 * d->em,
                       L->events_numbered, PLOT_ALIGN_LEFT);
    }
}

typedef struct {
    double top, end;
} span;

static int by_top(const void *a, const void *b)
{
    double x = ((const span *)a)->top, y = ((const span *)b)->top;
    return (x > y) - (x < y);
}

/* Adds the stretch of x that text box r (with a little air) covers, if it stands across x. */
static void add_cover(span *s, size_t *n, disrupt_rect r, double x, double pad)
{
    if (x > r.x - pad && x < r.x + r.w + pad)
        s[(*n)++] = (span){r.y - pad, r.y + r.h + pad};
}

/* Draws the vertical line x from y0 to y1 less the stretches behind text boxes (labels and
 * titles), so that the claims' dotted guides, which run down through the panels, pass behind
 * words rather than through their letters. Each piece drawn is logged (plot_log_line). */
static void guide_around_text(const plot_draw_ctx *d, double x, double y0, double y1)
{
    const disrupt_plot_layout *L = d->L;
    double pad = 0.2 * d->em;
    size_t n = 0;
    span *cover = malloc((L->nclaims + L->nmarks + L->nevents + L->npanels + 1) * sizeof *cover);
    if (!cover)
        return;
    for (size_t k = 0; k < L->nclaims; k++)
        if (L->claims[k].label)
            add_cover(cover, &n, L->claims[k].label_box, x, pad);
    for (size_t k = 0; k < L->nmarks; k++)
        if (L->marks[k].label)
            add_cover(cover, &n, L->marks[k].label_box, x, pad);
    for (size_t k = 0; k < L->nevents; k++)
        if (L->events[k].label)
            add_cover(cover, &n, L->events[k].label_box, x, pad);
    for (size_t k = 0; k < L->npanels; k++)
        add_cover(cover, &n, L->panels[k].title_box, x, pad);
    qsort(cover, n, sizeof *cover, by_top);
    double y = y0;
    for (size_t k = 0; k <= n && y < y1; k++) {
        double top = k < n ? fmin(cover[k].top, y1) : y1;
        if (top > y) {
            plot_vline(d->cr, x, y, top);
            plot_log_line(x, y, x, top);
        }
        if (k < n && cover[k].end > y)
            y = cover[k].end;
    }
    free(cover);
}

void plot_draw_claims(plot_draw_ctx *d)
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
        plot_set_rgb(cr, d->pal->claim, 1);
        cairo_set_line_width(cr, 1.1);
        plot_hline(cr, mk->x0, mk->x1, mk->y);
        plot_vline(cr, mk->x0, mk->y - 0.55, mk->y + tick);
        plot_vline(cr, mk->x1, mk->y - 0.55, mk->y + tick);
        cairo_stroke(cr);
        plot_set_rgb(cr, d->pal->claim, 0.7);
        cairo_set_line_width(cr, 0.6);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash(cr, dash, 2, 0);
        guide_around_text(d, mk->x0, mk->y + tick, bottom);
        guide_around_text(d, mk->x1, mk->y + tick, bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        plot_set_rgb(cr, d->pal->claim, 1);
        plot_text_draw(&d->text, cr, mk->label, mk->label_box.x, mk->label_box.y, 0.9 * d->em, 0,
                       PLOT_ALIGN_LEFT);
    }
}

void plot_draw_axis(plot_draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    const disrupt_timeaxis *ax = &L->axis;
    cairo_t *cr = d->cr;
    double bottom = L->panels[L->npanels - 1].frame.y + L->panels[L->npanels - 1].frame.h;
    double size = 0.9 * d->em;
    plot_set_rgb(cr, d->pal->frame, 1);
    cairo_set_line_width(cr, 0.6);
    for (size_t i = 0; i < ax->nmajor; i++)
        plot_vline(cr, ax->major_ticks[i].x, bottom, bottom + 0.3 * d->em);
    for (size_t i = 0; i < ax->nminor; i++)
        plot_vline(cr, ax->minor_ticks[i].x, bottom, bottom + 0.15 * d->em);
    cairo_stroke(cr);
    plot_set_rgb(cr, d->pal->muted, 1);
    for (size_t i = 0; i < ax->nlabels; i++)
        plot_text_draw(&d->text, cr, ax->labels[i].text, ax->labels[i].x, L->axis_y, size, 0,
                       PLOT_ALIGN_CENTRE);
    plot_set_rgb(cr, d->pal->ink, 1);
    for (size_t i = 0; i < ax->ncontext; i++)
        plot_text_draw(&d->text, cr, ax->context[i].text,
                       ax->context[i].x - ax->context[i].width / 2, L->axis_y + size * PLOT_LINE,
                       size, 1, PLOT_ALIGN_LEFT);
}

void plot_draw_legend(plot_draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    cairo_t *cr = d->cr;
    for (size_t i = 0; i < L->nlegend; i++) {
        const disrupt_plot_legend_item *it = &L->legend[i];
        disrupt_rect s = it->swatch;
        double mid = s.y + s.h / 2;
        switch (it->what) {
        case DISRUPT_LEGEND_OBSERVED:
            plot_set_rgb(cr, d->pal->series, d->pal->series_envelope_alpha);
            cairo_rectangle(cr, s.x, s.y + s.h * 0.2, s.w, s.h * 0.6);
            cairo_fill(cr);
            plot_set_rgb(cr, d->pal->series, 1);
            cairo_set_line_width(cr, 0.9);
            plot_hline(cr, s.x, s.x + s.w, mid);
            cairo_stroke(cr);
            break;
        case DISRUPT_LEGEND_EXPECTED: {
            static const double dash[] = {3.0, 1.8};
            plot_set_rgb(cr, d->pal->expected, d->pal->expected_alpha);
            cairo_rectangle(cr, s.x, s.y + s.h * 0.2, s.w, s.h * 0.6);
            cairo_fill(cr);
            plot_set_rgb(cr, d->pal->expected, 1);
            cairo_set_line_width(cr, 1.0);
            cairo_set_dash(cr, dash, 2, 0);
            plot_hline(cr, s.x, s.x + s.w, mid);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            break;
        }
        case DISRUPT_LEGEND_MISSING:
            plot_set_rgb(cr, d->pal->gap, 0.12);
            cairo_rectangle(cr, s.x, s.y, s.w, s.h);
            cairo_fill(cr);
            plot_hatch_rect(cr, s, 3.0, 0, d->pal->gap, 0.9, 0.45);
            break;
        case DISRUPT_LEGEND_WINDOW:
            plot_set_rgb(cr, d->pal->kind[it->kind], d->pal->kind_alpha[it->kind]);
            cairo_rectangle(cr, s.x, s.y, s.w, s.h);
            cairo_fill(cr);
            if (d->pal->kind_hatch[it->kind] != PLOT_HATCH_NONE)
                plot_hatch_rect(cr, s, 2.6, d->pal->kind_hatch[it->kind] == PLOT_HATCH_CROSS,
                      d->pal->kind[it->kind], 0.9, 0.5);
            plot_set_rgb(cr, d->pal->kind[it->kind], 1);
            cairo_set_line_width(cr, 0.7);
            plot_vline(cr, s.x, s.y, s.y + s.h);
            plot_vline(cr, s.x + s.w, s.y, s.y + s.h);
            cairo_stroke(cr);
            break;
        case DISRUPT_LEGEND_CI:
            plot_set_rgb(cr, d->pal->ink, 0.85);
            cairo_set_line_width(cr, 0.9);
            plot_hline(cr, s.x + 0.2 * s.w, s.x + 0.8 * s.w, mid);
            plot_vline(cr, s.x + 0.2 * s.w, mid - 0.32 * d->em, mid + 0.32 * d->em);
            plot_vline(cr, s.x + 0.8 * s.w, mid - 0.32 * d->em, mid + 0.32 * d->em);
            cairo_stroke(cr);
            break;
        case DISRUPT_LEGEND_EVENT: {
            double dash[] = {2.2, 1.6};
            plot_set_rgb(cr, d->pal->event, 0.75);
            cairo_set_line_width(cr, 0.6);
            cairo_set_dash(cr, dash, 2, 0);
            plot_vline(cr, s.x + s.w / 2, s.y - 0.1 * d->em, s.y + s.h + 0.1 * d->em);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            break;
        }
        case DISRUPT_LEGEND_CLAIM:
            plot_set_rgb(cr, d->pal->claim, 1);
            cairo_set_line_width(cr, 1.1);
            plot_hline(cr, s.x, s.x + s.w, s.y + 0.2 * s.h);
            plot_vline(cr, s.x, s.y + 0.2 * s.h, s.y + s.h);
            plot_vline(cr, s.x + s.w, s.y + 0.2 * s.h, s.y + s.h);
            cairo_stroke(cr);
            break;
        }
        plot_set_rgb(cr, d->pal->ink, 1);
        plot_text_draw(&d->text, cr, it->text, it->text_box.x, it->text_box.y, 0.9 * d->em, 0,
                       PLOT_ALIGN_LEFT);
    }
}

void plot_draw_headings(plot_draw_ctx *d)
{
    const disrupt_plot_layout *L = d->L;
    cairo_t *cr = d->cr;
    plot_set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, L->title, L->title_box.x, L->title_box.y,
                   PLOT_TITLE_SCALE * d->em, 1, PLOT_ALIGN_LEFT);
    plot_set_rgb(cr, d->pal->muted, 1);
    plot_text_draw(&d->text, cr, L->subtitle, L->subtitle_box.x, L->subtitle_box.y,
                   PLOT_SUBTITLE_SCALE * d->em, 0, PLOT_ALIGN_LEFT);
    plot_text_draw(&d->text, cr, L->caption, L->caption_box.x, L->caption_box.y,
                   PLOT_CAPTION_SCALE * d->em, 0, PLOT_ALIGN_LEFT);
    plot_set_rgb(cr, d->pal->ink, 1);
    plot_text_draw(&d->text, cr, L->event_notes, L->event_notes_box.x, L->event_notes_box.y,
                   PLOT_CAPTION_SCALE * d->em, 0, PLOT_ALIGN_LEFT);
}

