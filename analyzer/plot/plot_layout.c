/* plot_layout.c — where everything on a chart goes, computed without drawing.
 *
 * Top to bottom: title, subtitle, legend, brackets of claims about no one signal, event
 * labels, then per panel a title line, the brackets of claims about that signal, a strip of
 * window labels (in lanes, so none overlap; plot_marks.c) and the data frame; the date axis
 * under the last panel; numbered event notes when event labels did not fit; the caption. The y-axis gutter depends on the tick labels,
 * which depend on the frame height: the layout is computed with a guessed gutter and redone
 * once with the measured one when the guess was too narrow.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"
#include "plot_internal.h"

#define CLAIM_LANE 2.0  /* height of a lane of claim brackets, in em */
#define PANEL_GAP 1.7   /* between one panel's frame and the next one's title, in em */

typedef plot_layout_ctx layout_ctx;

/* ---- sizes ---- */

/* "plot: a width of 10 px (at 150 dpi) is too small: expected 150 to 30000 px (1 to 200
 * inches)": the unit the value was read in, and the range in that unit. */
static int size_error(const char *what, disrupt_plot_length len, double dpi, disrupt_error *err)
{
    const char *unit = len.unit == DISRUPT_LENGTH_MM ? "mm" : len.unit == DISRUPT_LENGTH_IN ? "in"
                                                                                       : "px";
    double per_inch = len.unit == DISRUPT_LENGTH_MM ? 25.4 : len.unit == DISRUPT_LENGTH_IN ? 1 : dpi;
    char at[32] = "";
    if (len.unit == DISRUPT_LENGTH_PX)
        snprintf(at, sizeof at, " (at %g dpi)", dpi);
    return disrupt_error_set(err, DISRUPT_EINVAL,
                             "plot: a %s of %g %s%s is too %s: expected %g to %g %s (1 to 200 "
                             "inches)",
                             what, len.value, unit, at, len.value < per_inch ? "small" : "large",
                             per_inch, 200 * per_inch, unit);
}

static double length_to_points(disrupt_plot_length len, double dpi, double fallback)
{
    switch (len.unit) {
    case DISRUPT_LENGTH_PX:
        return len.value / dpi * 72.0;
    case DISRUPT_LENGTH_MM:
        return len.value / 25.4 * 72.0;
    case DISRUPT_LENGTH_IN:
        return len.value * 72.0;
    case DISRUPT_LENGTH_DEFAULT:
        break;
    }
    return fallback;
}

static const double *expected_of(const disrupt_plot_input *in, size_t p)
{
    return in->expected ? in->expected[p] : NULL;
}

static int cmp_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The top of a level panel's range, robust to a few wild samples: when the largest value
 * lies beyond the 99.9th percentile q by more than three times the spread above the median m
 * (max(q − m, q/10)), the range stops a quarter above q and the samples beyond are drawn as
 * clipped (markers at the frame's top edge). A level that really rises, for weeks, moves q
 * with it and is never clipped. */
static double robust_top(const disrupt_series *s, const double *e, double ref, int relative,
                         double hi)
{
    double *v = malloc((s->n ? s->n : 1) * sizeof *v);
    if (!v)
        return hi;
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        double x = plot_display_value(s, e, ref, relative, i);
        if (isfinite(x))
            v[k++] = x;
    }
    double top = hi;
    if (k >= 100) {
        qsort(v, k, sizeof *v, cmp_value);
        double q = v[(size_t)floor(0.999 * (double)(k - 1))], m = v[(k - 1) / 2];
        if (q > 0 && hi > q + 3 * fmax(q - m, 0.1 * q))
            top = 1.25 * q;
    }
    free(v);
    return top;
}

static void data_range(layout_ctx *c, size_t p)
{
    const disrupt_series *s = c->in->data->series[p];
    const double *e = expected_of(c->in, p);
    int relative = c->opt->relative;
    double ref = relative && !e ? plot_relative_reference(s) : NAN;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < s->n; i++) {
        double v = plot_display_value(s, e, ref, relative, i);
        if (isfinite(v)) {
            lo = fmin(lo, v);
            hi = fmax(hi, v);
        }
        if (e && !relative && s->type == DISRUPT_SIGNAL_LEVEL && isfinite(e[i])) {
            lo = fmin(lo, e[i]);
            hi = fmax(hi, e[i]);
        }
    }
    if (!isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    c->share[p] = s->type == DISRUPT_SIGNAL_COUNTS;
    if (!c->share[p]) {
        double top = robust_top(s, e, ref, relative, hi);
        if (e && !relative)
            for (size_t i = 0; i < s->n; i++) /* never clip the expected line */
                if (isfinite(e[i]))
                    top = fmax(top, e[i]);
        c->clipped[p] = top < hi;
        hi = fmin(hi, top);
    }
    if (lo > 0)
        lo = 0;  /* levels are drawn from zero: a drop must look as deep as it is */
    if (relative && s->type == DISRUPT_SIGNAL_LEVEL)
        hi = fmax(hi, 100);
    if (c->share[p])
        hi = fmax(hi, 5);
    if (!(hi > lo))
        hi = lo + 1;
    c->lo[p] = lo;
    c->hi[p] = hi + 0.04 * (hi - lo);  /* headroom so the line does not graze the top */
}

static void free_yticks(disrupt_plot_panel *p)
{
    for (size_t i = 0; i < p->nyticks; i++)
        free(p->yticks[i].text);
    free(p->yticks);
    p->yticks = NULL;
    p->nyticks = 0;
}

/* 1-2-5 ticks for a panel of frame height h; returns the widest tick label or −1 (ENOMEM). */
static double make_yticks(layout_ctx *c, disrupt_plot_panel *p, size_t idx, double h)
{
    double em = c->L->em;
    int target = (int)floor(h / (2.4 * em));
    target = target < 2 ? 2 : target > 6 ? 6 : target;
    double lo = c->lo[idx], hi = c->hi[idx];
    double step = plot_nice_step(hi - lo, target);
    double ymin = floor(lo / step + 1e-9) * step, ymax = ceil(hi / step - 1e-9) * step;
    if (c->share[idx] && ymax > 100 && hi <= 100 * 1.05)
        ymax = 100;  /* a share tops out at 100% (hi carries 4% headroom) */
    /* A coarse step can leave a third of the panel empty (0–300 for data up to 210): the
     * next finer 1-2-5 step, if it does not crowd the axis, wastes less. */
    double mant = step / pow(10, floor(log10(step) + 1e-9));
    double finer = step * (mant < 3 ? 0.5 : 0.4);  /* 1 → 0.5, 2 → 1, 5 → 2 */
    double fmin_ = floor(lo / finer + 1e-9) * finer, fmax_ = ceil(hi / finer - 1e-9) * finer;
    if (ymax - hi > 0.25 * (hi - lo) && (fmax_ - fmin_) / finer <= target + 2) {
        step = finer;
        ymin = fmin_;
        ymax = c->share[idx] && fmax_ > 100 && hi <= 100 * 1.05 ? 100 : fmax_;
    }
    p->ymin = ymin;
    p->ymax = ymax;
    size_t n = (size_t)llround((ymax - ymin) / step) + 1;
    free_yticks(p);
    p->yticks = calloc(n, sizeof *p->yticks);
    if (!p->yticks)
        return -1;
    double scale;
    const char *suffix;
    int decimals;
    int percent = c->share[idx] || c->opt->relative;
    plot_number_style(fmax(fabs(ymin), fabs(ymax)), step, &scale, &suffix, &decimals);
    if (percent) {
        scale = 1;
        suffix = "%";
        decimals = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    }
    double widest = 0;
    for (size_t i = 0; i < n; i++) {
        double v = ymin + (double)i * step;
        p->yticks[i].value = v;
        p->yticks[i].text = plot_format_number(v, scale, decimals, suffix);
        if (!p->yticks[i].text)
            return -1;
        p->nyticks = i + 1;
        widest = fmax(widest, plot_text_width(&c->m, p->yticks[i].text, 0.9 * em, 0));
    }
    return widest;
}

/* ---- text blocks ---- */

static int text_block(layout_ctx *c, const char *text, double size, int bold, double *y,
                      char **out, disrupt_rect *box)
{
    if (!text || !*text)
        return 0;
    size_t lines;
    double w = c->L->width - 2 * c->margin;
    *out = plot_wrap_balanced(&c->m, text, size, bold, w, &lines);
    if (!*out)
        return DISRUPT_ENOMEM;
    *box = (disrupt_rect){c->margin, *y, w, (double)lines * size * PLOT_LINE};
    *y += box->h;
    return 0;
}

/* ---- panels ---- */

static char *panel_title(const layout_ctx *c, size_t p)
{
    const disrupt_series *s = c->in->data->series[p];
    const char *why = c->in->left_out ? c->in->left_out[p] : NULL;
    if (why)
        return plot_strdupf("%s \xC2\xB7 not analysed: %s", s->name,
                            disrupt_text_without_name(why, s->name));
    const char *unit = s->unit && *s->unit ? s->unit : NULL;
    if (s->type == DISRUPT_SIGNAL_COUNTS)
        return plot_strdupf(c->opt->relative ? "%s \xC2\xB7 blocked share of measurements, as "
                                               "measured (a share has no %% of expected)"
                                             : "%s \xC2\xB7 blocked share of measurements",
                            s->name);
    if (c->opt->relative)
        return plot_strdupf("%s \xC2\xB7 %% of expected", s->name);
    return unit ? plot_strdupf("%s \xC2\xB7 %s", s->name, unit) : plot_strdupf("%s", s->name);
}

static double lane_height(double em)
{
    return em * PLOT_LINE + 0.55 * em;  /* text + the bracket under it */
}

/* Room above a frame for the top y tick's label, which is centred on the frame's top edge:
 * needed where no strip of labels or claims lies between the panel title and the frame. */
static double tick_headroom(const layout_ctx *c, size_t p, double em)
{
    return c->window_lanes[p] == 0 && c->panel_claim_lanes[p] == 0 ? 0.6 * em : 0;
}

/* Vertical placement of everything; frame heights from opt->height or the default. */
static int place_vertical(layout_ctx *c, double *widest_tick)
{
    disrupt_plot_layout *L = c->L;
    double em = L->em, m = c->margin;
    double y = m;
    int rc = 0;
    if ((rc = text_block(c, c->opt->title, PLOT_TITLE_SCALE * em, 1, &y, &L->title, &L->title_box)))
        return rc;
    if (L->title)
        y += 0.15 * em;
    if ((rc = text_block(c, c->opt->subtitle, PLOT_SUBTITLE_SCALE * em, 0, &y, &L->subtitle,
                         &L->subtitle_box)))
        return rc;
    if (L->title || L->subtitle)
        y += 0.7 * em;
    y += plot_place_legend(c, y) + 0.5 * em;

    double claim_top = y;
    y += (double)c->claim_lanes * CLAIM_LANE * em;
    double event_top = y;
    L->event_strip = (disrupt_rect){L->plot_area.x, event_top, L->plot_area.w,
                                    (double)c->event_lanes * 1.25 * em};
    y += L->event_strip.h + (c->event_lanes ? 0.3 * em : 0);

    /* Heights that do not depend on the frames. */
    double fixed_panels = 0;
    for (size_t p = 0; p < L->npanels; p++)
        fixed_panels += PLOT_PANEL_TITLE_SCALE * em * PLOT_LINE + 0.2 * em +
                        (double)c->panel_claim_lanes[p] * CLAIM_LANE * em +
                        (double)c->window_lanes[p] * lane_height(em) + (p ? PANEL_GAP * em : 0) +
                        tick_headroom(c, p, em);
    double axis_h = 0.35 * em + 2 * 0.9 * em * PLOT_LINE;
    /* The caption, measured now so that a fixed height can be honoured. */
    char *caption = plot_caption_text(c);
    if (!caption)
        return DISRUPT_ENOMEM;
    size_t lines;
    L->caption = plot_wrap_text(&c->m, caption, PLOT_CAPTION_SCALE * em, 0, L->width - 2 * m, &lines);
    free(caption);
    if (!L->caption)
        return DISRUPT_ENOMEM;
    double caption_h = (double)lines * PLOT_CAPTION_SCALE * em * PLOT_LINE;
    double notes_h = L->event_notes ? L->event_notes_box.h + 0.5 * em : 0;
    double rest = y + fixed_panels + axis_h + 0.8 * em + notes_h + caption_h + m;
    double frame_h;
    if (c->opt->height.unit != DISRUPT_LENGTH_DEFAULT) {
        frame_h = (L->height - rest) / (double)L->npanels;
        if (frame_h < 3 * em)
            return DISRUPT_EINVAL;
    } else {
        frame_h = L->npanels == 1 ? 0.42 * L->plot_area.w : fmax(0.2 * L->plot_area.w, 6 * em);
        L->height = ceil(rest + frame_h * (double)L->npanels);
    }

    for (size_t p = 0; p < L->npanels; p++) {
        disrupt_plot_panel *pn = &L->panels[p];
        if (p)
            y += PANEL_GAP * em;
        double tw = plot_text_width(&c->m, pn->title, PLOT_PANEL_TITLE_SCALE * em, 1);
        pn->title_box = (disrupt_rect){m, y, fmin(tw, L->width - 2 * m), em * PLOT_LINE};
        y += em * PLOT_LINE + 0.2 * em;
        pn->claim_strip = (disrupt_rect){L->plot_area.x, y, L->plot_area.w,
                                         (double)c->panel_claim_lanes[p] * CLAIM_LANE * em};
        y += pn->claim_strip.h;
        pn->label_strip = (disrupt_rect){L->plot_area.x, y, L->plot_area.w,
                                         (double)c->window_lanes[p] * lane_height(em)};
        y += pn->label_strip.h + tick_headroom(c, p, em);
        pn->frame = (disrupt_rect){L->plot_area.x, y, L->plot_area.w, frame_h};
        y += frame_h;
        double w = make_yticks(c, pn, p, frame_h);
        if (w < 0)
            return DISRUPT_ENOMEM;
        *widest_tick = fmax(*widest_tick, w);
        for (size_t i = 0; i < pn->nyticks; i++)
            pn->yticks[i].y = pn->frame.y + pn->frame.h * (pn->ymax - pn->yticks[i].value) /
                                                (pn->ymax - pn->ymin);
    }
    L->axis_y = y + 0.35 * em;
    y += axis_h + 0.8 * em;
    if (L->event_notes) {
        L->event_notes_box = (disrupt_rect){m, y, L->width - 2 * m, L->event_notes_box.h};
        y += notes_h;
    }
    L->caption_box = (disrupt_rect){m, y, L->width - 2 * m, caption_h};

    /* Now that strips have their places, give the labels theirs. */
    for (size_t i = 0; i < L->nmarks; i++) {
        disrupt_plot_mark *mk = &L->marks[i];
        if (mk->lane < 0)
            continue;
        /* The bracket sits at the foot of its lowest lane; the text ends just above it. */
        const disrupt_rect *st = &L->panels[mk->panel].label_strip;
        mk->label_box.y = st->y + st->h - (double)(mk->lane + 1) * lane_height(em) +
                          em * PLOT_LINE - mk->label_box.h;
    }
    for (size_t i = 0; i < L->nevents; i++)
        if (L->events[i].lane >= 0)
            L->events[i].label_box.y = event_top + L->event_strip.h -
                                       (double)(L->events[i].lane + 1) * 1.25 * em;
    double claim_bottom = claim_top + (double)c->claim_lanes * CLAIM_LANE * em;
    for (size_t i = 0; i < L->nclaims; i++) {
        disrupt_plot_claim_mark *mk = &L->claims[i];
        int lane = mk->lane < 0 ? 0 : mk->lane;
        if (mk->panel != SIZE_MAX)
            claim_bottom = L->panels[mk->panel].claim_strip.y + L->panels[mk->panel].claim_strip.h;
        else
            claim_bottom = claim_top + (double)c->claim_lanes * CLAIM_LANE * em;
        double text_h = 0.9 * em * PLOT_LINE;
        mk->y = claim_bottom - (double)(lane + 1) * CLAIM_LANE * em + text_h + 0.35 * em;
        mk->label_box.y = mk->y - 0.35 * em - mk->label_box.h;
    }
    return 0;
}

/* ---- the whole layout ---- */

void disrupt_plot_layout_fini(disrupt_plot_layout *l)
{
    if (!l)
        return;
    disrupt_timeaxis_fini(&l->axis);
    free(l->title);
    free(l->subtitle);
    free(l->caption);
    for (size_t i = 0; i < l->npanels; i++) {
        free_yticks(&l->panels[i]);
        free(l->panels[i].title);
        free(l->panels[i].unit);
    }
    free(l->panels);
    for (size_t i = 0; i < l->nmarks; i++) {
        free(l->marks[i].label);
        free(l->marks[i].phase_x);
    }
    free(l->marks);
    for (size_t i = 0; i < l->nevents; i++)
        free(l->events[i].label);
    free(l->events);
    free(l->event_notes);
    for (size_t i = 0; i < l->nclaims; i++)
        free(l->claims[i].label);
    free(l->claims);
    for (size_t i = 0; i < l->nlegend; i++)
        free(l->legend[i].text);
    free(l->legend);
    memset(l, 0, sizeof *l);
}

typedef struct {
    const plot_measurer *m;
    double em;
} axis_measure_ctx;

static double axis_measure(void *ctx, const char *text)
{
    const axis_measure_ctx *a = ctx;
    return plot_text_width(a->m, text, a->em, 0);
}

static int validate(const disrupt_plot_input *in, const disrupt_plot_options *opt,
                    disrupt_error *err)
{
    if (!in || !in->data || in->data->count == 0)
        return disrupt_error_set(err, DISRUPT_EINVAL, "plot: no series to draw");
    for (size_t p = 0; p < in->data->count; p++)
        if (in->data->series[p]->n == 0)
            return disrupt_error_set(err, DISRUPT_EINVAL, "plot: series '%s' has no samples",
                                     in->data->series[p]->name);
    for (size_t i = 0; in->windows && i < in->windows->count; i++)
        if (in->windows->items[i].signal >= in->data->count)
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "plot: window %zu refers to signal %zu, but there are %zu",
                                     i + 1, in->windows->items[i].signal, in->data->count);
    if (!(opt->dpi >= 10 && opt->dpi <= 2400))
        return disrupt_error_set(err, DISRUPT_EINVAL, "plot: dpi must be between 10 and 2400");
    if (!disrupt_time_zone_valid(opt->tz))
        return disrupt_error_set(err, DISRUPT_EINVAL, "plot: unknown time zone '%s'", opt->tz);
    return 0;
}

static int layout_pass(layout_ctx *c, double *widest_tick, disrupt_error *err)
{
    disrupt_plot_layout *L = c->L;
    const disrupt_plot_input *in = c->in;
    double em = L->em;
    L->plot_area = (disrupt_rect){c->margin + c->gutter, 0, L->width - 2 * c->margin - c->gutter, 0};
    if (L->plot_area.w < 10 * em)
        return disrupt_error_set(err, DISRUPT_EINVAL, "plot: %.0f pt is too narrow for a chart",
                                 L->width);
    L->panels = calloc(in->data->count, sizeof *L->panels);
    c->window_lanes = calloc(in->data->count, sizeof *c->window_lanes);
    c->panel_claim_lanes = calloc(in->data->count, sizeof *c->panel_claim_lanes);
    if (!L->panels || !c->window_lanes || !c->panel_claim_lanes)
        return disrupt_error_nomem(err);
    L->npanels = in->data->count;
    for (size_t p = 0; p < L->npanels; p++) {
        L->panels[p].series = p;
        L->panels[p].share = c->share[p];
        L->panels[p].clipped = c->clipped[p];
        L->panels[p].title = panel_title(c, p);
        if (!L->panels[p].title)
            return disrupt_error_nomem(err);
    }
    axis_measure_ctx amc = {&c->m, 0.9 * em};
    disrupt_timeaxis_spec spec = {0};
    spec.tz = c->opt->tz;
    spec.measure = axis_measure;
    spec.measure_ctx = &amc;
    spec.em = 0.9 * em;
    int rc = disrupt_timeaxis_choose(L->t0, L->t1, L->plot_area.x, L->plot_area.w, &spec, &L->axis,
                                     err);
    if (rc)
        return rc;
    if ((rc = plot_place_windows(c)) || (rc = plot_place_events(c)) || (rc = plot_place_claims(c)) ||
        (rc = plot_legend_items(c)))
        return disrupt_error_nomem(err);
    rc = place_vertical(c, widest_tick);
    if (rc == DISRUPT_EINVAL)
        return disrupt_error_set(err, rc, "plot: a height of %.0f pt leaves no room for %zu panels",
                                 L->height, L->npanels);
    return rc ? disrupt_error_nomem(err) : 0;
}

int disrupt_plot_layout_compute(const disrupt_plot_input *in, const disrupt_plot_options *opt,
                                disrupt_plot_measure measure, void *measure_ctx,
                                disrupt_plot_layout *out, disrupt_error *err)
{
    memset(out, 0, sizeof *out);
    disrupt_plot_options defaults;
    if (!opt) {
        disrupt_plot_options_init(&defaults);
        opt = &defaults;
    }
    int rc = validate(in, opt, err);
    if (rc)
        return rc;
    layout_ctx c = {in, opt, {measure, measure_ctx}, out, 0, 0, NULL, NULL, NULL, NULL, NULL, 0, 0,
                    NULL};
    size_t np = in->data->count;
    c.lo = calloc(np, sizeof *c.lo);
    c.hi = calloc(np, sizeof *c.hi);
    c.share = calloc(np, sizeof *c.share);
    c.clipped = calloc(np, sizeof *c.clipped);
    if (!c.lo || !c.hi || !c.share || !c.clipped) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    for (size_t p = 0; p < np; p++)
        data_range(&c, p);

    double width = length_to_points(opt->width, opt->dpi, 165.0 / 25.4 * 72.0);
    double height = length_to_points(opt->height, opt->dpi, 0);
    if (!(width >= 72 && width <= 14400)) {
        rc = size_error("width", opt->width, opt->dpi, err);
        goto cleanup;
    }
    if (opt->height.unit && !(height >= 72 && height <= 14400)) {
        rc = size_error("height", opt->height, opt->dpi, err);
        goto cleanup;
    }
    c.gutter = 3 * 0.62 * 0.9 * fmin(fmax(width / 58.0, 7.0), 14.0);
    for (int pass = 0; pass < 3; pass++) {
        disrupt_plot_layout_fini(out);
        free(c.window_lanes);
        free(c.panel_claim_lanes);
        c.window_lanes = NULL;
        c.panel_claim_lanes = NULL;
        c.event_lanes = c.claim_lanes = 0;
        out->width = width;
        out->height = height;
        out->em = fmin(fmax(width / 58.0, 7.0), 14.0);
        out->theme = opt->theme;
        out->relative = opt->relative;
        out->tz = opt->tz;
        out->t0 = INT64_MAX;
        out->t1 = INT64_MIN;
        for (size_t p = 0; p < np; p++) {
            const disrupt_series *s = in->data->series[p];
            out->t0 = s->start < out->t0 ? s->start : out->t0;
            out->t1 = disrupt_series_end(s) > out->t1 ? disrupt_series_end(s) : out->t1;
        }
        c.margin = 1.2 * out->em;
        double widest = 0;
        rc = layout_pass(&c, &widest, err);
        if (rc)
            goto cleanup;
        double need = widest + 0.6 * out->em;
        if (need <= c.gutter + 1e-9)
            break;
        c.gutter = need;
    }
cleanup:
    free(c.lo);
    free(c.hi);
    free(c.share);
    free(c.clipped);
    free(c.window_lanes);
    free(c.panel_claim_lanes);
    if (rc)
        disrupt_plot_layout_fini(out);
    return rc;
}
