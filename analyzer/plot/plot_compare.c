/* plot_compare.c — the compare chart: periods as rows on a shared axis, windows as bars.
 * Colours, fonts and text measurement come from the plot module (plot_theme.c, plot_text.c)
 * so the compare chart matches the timeline charts of detect and verify. */
#define _GNU_SOURCE /* strcasestr */
#include "disrupt/plot/plot_compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/timefmt.h"
#include "plot_cairo.h"

#define YEAR_SECONDS (366 * INT64_C(86400))
#define DEFAULT_WIDTH_PT (165.0 / 25.4 * 72.0)
#define EM 8.5

static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static double width_points(const disrupt_plot_options *o)
{
    switch (o->width.unit) {
    case DISRUPT_LENGTH_PX: return o->width.value / o->dpi * 72.0;
    case DISRUPT_LENGTH_MM: return o->width.value / 25.4 * 72.0;
    case DISRUPT_LENGTH_IN: return o->width.value * 72.0;
    case DISRUPT_LENGTH_DEFAULT: break;
    }
    return DEFAULT_WIDTH_PT;
}

/* The overlay's ratio at a row's top (its baseline, 1, lies at 80% of the height). */
#define OVERLAY_TOP 1.25

void disrupt_plot_compare_layout_fini(disrupt_plot_compare_layout *l)
{
    for (size_t i = 0; i < l->nrows; i++) {
        free(l->rows[i].label);
        free(l->rows[i].dates);
    }
    for (size_t i = 0; i < l->nticks; i++)
        free(l->ticks[i].text);
    free(l->rows);
    free(l->bars);
    free(l->ticks);
    free(l->title);
    free(l->caption);
    memset(l, 0, sizeof *l);
}

/* Years (365 or 366 days, give or take a daylight-saving hour) share a month axis. */
static int all_years(const disrupt_compare_result *r)
{
    for (size_t i = 0; i < r->count; i++) {
        int64_t len = r->items[i].end - r->items[i].start;
        if (len < 365 * INT64_C(86400) - 3600 || len > YEAR_SECONDS + 3600)
            return 0;
    }
    return 1;
}

static double x_of(const disrupt_plot_compare_layout *l, int64_t offset)
{
    double f = (double)offset / (double)l->span;
    if (f < 0)
        f = 0;
    if (f > 1)
        f = 1;
    return l->x0 + f * (l->x1 - l->x0);
}

static int month_ticks(disrupt_plot_compare_layout *l, int month, int day)
{
    /* Offsets measured in a leap reference year, so 29 February has its place. */
    int64_t ref = disrupt_time_from_civil(2000, month, day, 0, 0, 0);
    l->ticks = calloc(13, sizeof *l->ticks);
    if (!l->ticks)
        return DISRUPT_ENOMEM;
    for (int k = 0; k < 13; k++) {
        int m0 = month - 1 + k + (day > 1);
        int64_t t = disrupt_time_from_civil(2000 + m0 / 12, m0 % 12 + 1, 1, 0, 0, 0);
        if (t - ref >= l->span)
            break;
        disrupt_plot_compare_tick *tk = &l->ticks[l->nticks];
        tk->x = x_of(l, t - ref);
        tk->text = plot_strdupf("%s", month_names[m0 % 12]);
        if (!tk->text)
            return DISRUPT_ENOMEM;
        l->nticks++;
    }
    return DISRUPT_OK;
}

static int day_ticks(disrupt_plot_compare_layout *l)
{
    static const int steps[] = {1, 7, 14, 30, 60, 90, 180, 365, 730, 1825, 3650};
    double days = (double)l->span / 86400.0;
    int step = steps[0];
    for (size_t i = 0; i < sizeof steps / sizeof steps[0] && days / step > 8; i++)
        step = steps[i];
    size_t n = (size_t)(days / step) + 1;
    l->ticks = calloc(n + 1, sizeof *l->ticks);
    if (!l->ticks)
        return DISRUPT_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        disrupt_plot_compare_tick *tk = &l->ticks[l->nticks];
        tk->x = x_of(l, (int64_t)k * step * 86400);
        tk->text = k ? plot_strdupf("+%zud", k * (size_t)step) : plot_strdupf("0d");
        if (!tk->text)
            return DISRUPT_ENOMEM;
        l->nticks++;
    }
    return DISRUPT_OK;
}

static int has_kind(const disrupt_plot_compare_layout *l, int k)
{
    for (size_t i = 0; i < l->nbars; i++)
        if ((int)l->bars[i].kind == k)
            return 1;
    return 0;
}

/* The legend's items (the three kinds, and outages where a bar shows one) flow left to right
 * from x0 and onto a new line before one would pass legend_right: item k's swatch at
 * (x[k], y[k]), x[k] < 0 for an item not shown. Returns the lines used. The same flow lays
 * out (measuring) and draws, so that the caption below is placed for the lines drawn. */
static size_t legend_flow(const disrupt_plot_compare_layout *l, const plot_measurer *m,
                          double *x, double *y)
{
    double s = 0.9 * l->em, cx = l->x0, cy = l->legend_y;
    size_t lines = 1;
    for (int k = 0; k < DISRUPT_NKINDS; k++) {
        x[k] = -1;
        if (k == DISRUPT_KIND_OUTAGE && !has_kind(l, k))
            continue;
        double w = 2.0 * s + plot_text_width(m, disrupt_window_kind_title((disrupt_window_kind)k),
                                             l->em, 0);
        if (cx > l->x0 && cx + w > l->legend_right) {
            cx = l->x0;
            cy += PLOT_LINE * l->em;
            lines++;
        }
        x[k] = cx;
        y[k] = cy;
        cx += w + 1.5 * l->em;
    }
    return lines;
}

/* Keeps every k-th tick, k the least that leaves each kept label clear of the next by half an
 * em (narrow charts: "+60d +120d" or twelve month names would run together). */
static void thin_ticks(disrupt_plot_compare_layout *l, const plot_measurer *m)
{
    double gap = 0.5 * l->em;
    for (size_t k = 1; k <= l->nticks; k++) {   /* k = nticks keeps the first alone */
        int clear = 1;
        for (size_t i = k; clear && i < l->nticks; i += k) {
            double a = 0.5 * plot_text_width(m, l->ticks[i - k].text, 0.9 * l->em, 0);
            double b = 0.5 * plot_text_width(m, l->ticks[i].text, 0.9 * l->em, 0);
            clear = l->ticks[i].x - l->ticks[i - k].x >= a + b + gap;
        }
        if (!clear)
            continue;
        size_t w = 0;
        for (size_t i = 0; i < l->nticks; i++) {
            if (i % k == 0)
                l->ticks[w++] = l->ticks[i];
            else
                free(l->ticks[i].text);
        }
        l->nticks = w;
        return;
    }
}

/* A tick label is centred on its tick: one that would reach past the page's margin goes. */
static void drop_ticks_past_the_page(disrupt_plot_compare_layout *l, const plot_measurer *m,
                                     double margin)
{
    size_t w = 0;
    for (size_t i = 0; i < l->nticks; i++) {
        double half = 0.5 * plot_text_width(m, l->ticks[i].text, 0.9 * l->em, 0);
        if (l->ticks[i].x + half > l->width - 0.5 * margin || l->ticks[i].x - half < 0.5 * margin)
            free(l->ticks[i].text);
        else
            l->ticks[w++] = l->ticks[i];
    }
    l->nticks = w;
}

static const char *file_name(const disrupt_series *x)
{
    return x->file ? x->file : x->name;
}

/* "Data: files (SYNTHETIC …)", after --source when given: the files read stay named. */
static char *caption_of(const disrupt_plot_compare_input *in, const disrupt_plot_options *opt)
{
    int synthetic = 0;
    size_t len = 1;
    for (size_t s = 0; s < in->nsources; s++)
        for (size_t i = 0; i < in->sources[s].data->count; i++) {
            const disrupt_series *x = in->sources[s].data->series[i];
            synthetic |= x->synthetic;
            len += strlen(x->file ? x->file : x->name) + 2;
        }
    char *files = calloc(len, 1);
    if (!files)
        return NULL;
    for (size_t s = 0; s < in->nsources; s++)
        for (size_t i = 0; i < in->sources[s].data->count; i++) {
            const char *f = file_name(in->sources[s].data->series[i]);
            int seen = 0;   /* one mention per file, however many signals it holds */
            for (size_t t = 0; t <= s && !seen; t++)
                for (size_t j = 0; j < in->sources[t].data->count && !seen; j++) {
                    if (t == s && j == i)
                        break;
                    seen = strcmp(file_name(in->sources[t].data->series[j]), f) == 0;
                }
            if (seen)
                continue;
            if (*files)
                strcat(files, ", ");
            strcat(files, f);
        }
    size_t n = opt->source ? strlen(opt->source) : 0;
    char *c = plot_strdupf("%s%s%sData: %s%s", opt->source ? opt->source : "",
                           n && !strchr(".!?", opt->source[n - 1]) ? "." : "", n ? " " : "",
                           files, synthetic ? " (SYNTHETIC data, not a measurement)" : "");
    free(files);
    return c;
}

static int place_bars(disrupt_plot_compare_layout *l, const disrupt_plot_compare_input *in)
{
    size_t total = 0;
    for (size_t i = 0; i < in->periods->count; i++)
        total += in->periods->items[i].nwindows;
    l->bars = calloc(total + 1, sizeof *l->bars);
    if (!l->bars)
        return DISRUPT_ENOMEM;
    for (size_t i = 0; i < in->periods->count; i++) {
        const disrupt_compare_period *p = &in->periods->items[i];
        const disrupt_window_list *wl = in->sources[p->source].windows;
        const disrupt_rect *row = &l->rows[i].row;
        for (size_t k = 0; k < p->nwindows; k++) {
            const disrupt_window *w = &wl->items[p->windows[k]];
            disrupt_plot_compare_bar *b = &l->bars[l->nbars++];
            b->period = i;
            b->window = p->windows[k];
            b->kind = w->kind;
            b->x0 = x_of(l, w->start - p->start);
            b->x1 = x_of(l, w->end - p->start);
            if (b->x1 - b->x0 < 0.8)   /* an hour-long window stays visible */
                b->x1 = b->x0 + 0.8;
            b->y = row->y + 0.18 * row->h;
            b->h = 0.64 * row->h;
        }
    }
    return DISRUPT_OK;
}

int disrupt_plot_compare_layout_compute(const disrupt_plot_compare_input *in,
                                        const disrupt_plot_options *opt,
                                disrupt_plot_compare_layout *l, disrupt_error *err)
{
    memset(l, 0, sizeof *l);
    const disrupt_compare_result *r = in->periods;
    if (!r || r->count == 0)
        return disrupt_error_set(err, DISRUPT_EINVAL, "plot: no period to draw");
    for (size_t i = 0; i < r->count; i++)
        if (r->items[i].source >= in->nsources)
            return disrupt_error_set(err, DISRUPT_EINVAL, "plot: period without its source");
    plot_measurer m = {NULL, NULL};
    plot_text measuring;
    int have_pango = plot_text_init_measuring(&measuring) == 0;
    if (have_pango) {
        m.fn = plot_text_measure;
        m.ctx = &measuring;
    }
    double em = EM, margin = 1.4 * em;
    l->em = em;
    l->theme = opt->theme;
    l->width = width_points(opt);
    l->months = all_years(r);
    l->span = 0;
    for (size_t i = 0; i < r->count; i++)
        if (r->items[i].end - r->items[i].start > l->span)
            l->span = r->items[i].end - r->items[i].start;
    if (l->months)
        l->span = YEAR_SECONDS;
    l->title = plot_strdupf("%s", opt->title ? opt->title
                            : l->months ? "Disruption windows by year"
                                        : "Disruption windows by file");
    l->caption = caption_of(in, opt);
    int rc = (!l->title || !l->caption) ? DISRUPT_ENOMEM : DISRUPT_OK;
    double label_w = 0;
    l->rows = calloc(r->count, sizeof *l->rows);
    if (!l->rows)
        rc = DISRUPT_ENOMEM;
    for (size_t i = 0; rc == DISRUPT_OK && i < r->count; i++) {
        l->rows[i].label = plot_strdupf("%s", r->items[i].name);
        if (!l->months) {
            char a[40], b[40];
            disrupt_time_format(r->items[i].start, opt->tz, "%-d %b %Y", a, sizeof a);
            disrupt_time_format(r->items[i].end - 1, opt->tz, "%-d %b %Y", b, sizeof b);
            l->rows[i].dates = plot_strdupf("%s \xE2\x80\x93 %s", a, b);
        }
        if (!l->rows[i].label || (!l->months && !l->rows[i].dates))
            rc = DISRUPT_ENOMEM;
        else
            label_w = fmax(label_w, fmax(plot_text_width(&m, l->rows[i].label, em, 1),
                                         l->rows[i].dates ? plot_text_width(&m, l->rows[i].dates,
                                                                            0.9 * em, 0)
                                                          : 0));
    }
    if (rc == DISRUPT_OK) {
        l->nrows = r->count;
        double title_h = PLOT_TITLE_SCALE * em * PLOT_LINE;
        l->title_box = (disrupt_rect){margin, margin, l->width - 2 * margin, title_h};
        /* With the overlay each row has a y scale ("100%", "0"): room for it left of the row. */
        double scale_w = in->overlay ? plot_text_width(&m, "100%", 0.8 * em, 0) + 0.5 * em : 0;
        l->x0 = margin + label_w + em + scale_w;
        l->x1 = l->width - margin;
        double row_h = (in->overlay ? 3.4 : l->months ? 2.2 : 2.8) * em, gap = 0.5 * em;
        double y = margin + title_h + em;
        for (size_t i = 0; i < l->nrows; i++) {
            l->rows[i].period = i;
            l->rows[i].row = (disrupt_rect){l->x0, y, l->x1 - l->x0, row_h};
            double lines = l->rows[i].dates ? 2 : 1;
            l->rows[i].label_box = (disrupt_rect){margin, y + 0.5 * (row_h - lines * PLOT_LINE * em),
                                                  label_w, lines * PLOT_LINE * em};
            l->rows[i].y_expected = in->overlay ? y + row_h * (1 - 1 / OVERLAY_TOP) : NAN;
            l->rows[i].y_zero = in->overlay ? y + row_h : NAN;
            y += row_h + gap;
        }
        l->axis_y = y - gap + 0.4 * em;
        l->legend_y = l->axis_y + 2.0 * em;
        size_t cap_lines = 1;
        char *wrapped = plot_wrap_text(&m, l->caption, PLOT_CAPTION_SCALE * em, 0,
                                       l->width - 2 * margin, &cap_lines);
        if (wrapped) {
            free(l->caption);
            l->caption = wrapped;
        } else {
            rc = DISRUPT_ENOMEM;
        }
        double cap_h = (double)cap_lines * PLOT_CAPTION_SCALE * em * PLOT_LINE;
        l->caption_box = (disrupt_rect){margin, l->legend_y + 2.0 * em, l->width - 2 * margin, cap_h};
        l->height = l->caption_box.y + cap_h + margin;
        if (rc == DISRUPT_OK)
            rc = l->months ? month_ticks(l, in->month, in->day) : day_ticks(l);
        if (rc == DISRUPT_OK) {
            drop_ticks_past_the_page(l, &m, margin);
            thin_ticks(l, &m);
        }
        l->legend_right = l->width - margin;
    }
    if (rc == DISRUPT_OK)
        rc = place_bars(l, in);
    if (rc == DISRUPT_OK) {   /* a legend of several lines pushes the caption down */
        double x[DISRUPT_NKINDS], y[DISRUPT_NKINDS];
        l->legend_lines = legend_flow(l, &m, x, y);
        double extra = (double)(l->legend_lines - 1) * PLOT_LINE * em;
        l->caption_box.y += extra;
        l->height += extra;
    }
    if (have_pango)
        plot_text_fini(&measuring);
    if (rc) {
        disrupt_plot_compare_layout_fini(l);
        return disrupt_error_nomem(err);
    }
    return DISRUPT_OK;
}

/* ---- drawing ---- */

static void set_rgb(cairo_t *cr, plot_rgb c, double alpha)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

/* The first level signal's observed/expected ratio, 0 at the row's bottom, OVERLAY_TOP at
 * its top. */
static void draw_overlay(cairo_t *cr, const disrupt_plot_compare_layout *l, size_t row,
                         const disrupt_compare_period *p, const disrupt_plot_compare_source *src,
                         const plot_palette *pal)
{
    const disrupt_rect *r = &l->rows[row].row;
    for (size_t s = 0; s < src->data->count; s++) {
        const disrupt_series *x = src->data->series[s];
        const double *e = src->expected ? src->expected[s] : NULL;
        if (x->type != DISRUPT_SIGNAL_LEVEL || !e)
            continue;
        int pen = 0;
        for (size_t i = disrupt_series_index_at(x, p->start); i < x->n; i++) {
            int64_t t = disrupt_series_time(x, i);
            if (t >= p->end)
                break;
            double v = x->value[i] / e[i];
            if (!isfinite(v)) {
                pen = 0;
                continue;
            }
            v = v < 0 ? 0 : v > OVERLAY_TOP ? OVERLAY_TOP : v;
            double px = x_of(l, t - p->start), py = r->y + r->h * (1 - v / OVERLAY_TOP);
            if (pen)
                cairo_line_to(cr, px, py);
            else
                cairo_move_to(cr, px, py);
            pen = 1;
        }
        set_rgb(cr, pal->series, 0.75);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
        /* The baseline (ratio 1) as a faint rule. */
        double y1 = l->rows[row].y_expected;
        cairo_move_to(cr, r->x, y1);
        cairo_line_to(cr, r->x + r->w, y1);
        set_rgb(cr, pal->expected, 0.6);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
        return;
    }
}

/* 1 when some bar is of kind k. */

/* The three kinds every period may show, and outages where some signal shows one. */
static void draw_legend(cairo_t *cr, plot_text *t, const disrupt_plot_compare_layout *l,
                        const plot_palette *pal)
{
    double s = 0.9 * l->em, x[DISRUPT_NKINDS], y[DISRUPT_NKINDS];
    plot_measurer m = {plot_text_measure, t};
    legend_flow(l, &m, x, y);
    for (int k = 0; k < DISRUPT_NKINDS; k++) {
        if (x[k] < 0)
            continue;
        set_rgb(cr, pal->kind[k], 0.85);
        cairo_rectangle(cr, x[k], y[k] + 0.15 * l->em, s * 1.6, s);
        cairo_fill(cr);
        set_rgb(cr, pal->ink, 1);
        plot_text_draw(t, cr, disrupt_window_kind_title((disrupt_window_kind)k), x[k] + 2.0 * s,
                       y[k], l->em, 0, PLOT_ALIGN_LEFT);
    }
}

static int draw_all(cairo_t *cr, const disrupt_plot_compare_layout *l,
                    const disrupt_plot_compare_input *in, disrupt_error *err)
{
    const plot_palette *pal = plot_palette_of(l->theme);
    plot_text t;
    if (plot_text_init_for(&t, cr))
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "plot: cannot set up text");
    set_rgb(cr, pal->paper, 1);
    cairo_paint(cr);
    set_rgb(cr, pal->ink, 1);
    plot_text_draw(&t, cr, l->title, l->title_box.x, l->title_box.y, PLOT_TITLE_SCALE * l->em, 1,
                   PLOT_ALIGN_LEFT);
    const disrupt_rect *first = &l->rows[0].row, *last = &l->rows[l->nrows - 1].row;
    cairo_set_line_width(cr, 0.5);
    for (size_t k = 0; k < l->nticks; k++) {   /* grid and tick labels */
        set_rgb(cr, pal->grid, 1);
        cairo_move_to(cr, l->ticks[k].x, first->y);
        cairo_line_to(cr, l->ticks[k].x, last->y + last->h);
        cairo_stroke(cr);
        set_rgb(cr, pal->muted, 1);
        plot_text_draw(&t, cr, l->ticks[k].text, l->ticks[k].x, l->axis_y, 0.9 * l->em, 0,
                       l->months ? PLOT_ALIGN_LEFT : PLOT_ALIGN_CENTRE);
    }
    for (size_t i = 0; i < l->nrows; i++) {
        const disrupt_rect *r = &l->rows[i].row;
        set_rgb(cr, pal->frame, 1);
        cairo_move_to(cr, r->x, r->y + r->h);
        cairo_line_to(cr, r->x + r->w, r->y + r->h);
        cairo_stroke(cr);
        set_rgb(cr, pal->ink, 1);
        plot_text_draw(&t, cr, l->rows[i].label, l->rows[i].label_box.x, l->rows[i].label_box.y,
                       l->em, 1, PLOT_ALIGN_LEFT);
        if (isfinite(l->rows[i].y_expected)) { /* the overlay's y scale */
            set_rgb(cr, pal->muted, 1);
            double sz = 0.8 * l->em, x = l->rows[i].row.x - 0.25 * l->em;
            plot_text_draw(&t, cr, "100%", x, l->rows[i].y_expected - 0.5 * PLOT_LINE * sz, sz, 0,
                           PLOT_ALIGN_RIGHT);
            plot_text_draw(&t, cr, "0", x, l->rows[i].y_zero - 0.5 * PLOT_LINE * sz, sz, 0,
                           PLOT_ALIGN_RIGHT);
            set_rgb(cr, pal->ink, 1);
        }
        if (l->rows[i].dates) {
            set_rgb(cr, pal->muted, 1);
            plot_text_draw(&t, cr, l->rows[i].dates, l->rows[i].label_box.x,
                           l->rows[i].label_box.y + PLOT_LINE * l->em, 0.9 * l->em, 0,
                           PLOT_ALIGN_LEFT);
        }
    }
    for (size_t b = 0; b < l->nbars; b++) {
        const disrupt_plot_compare_bar *bar = &l->bars[b];
        set_rgb(cr, pal->kind[bar->kind], in->overlay ? 0.55 : 0.85);
        cairo_rectangle(cr, bar->x0, bar->y, bar->x1 - bar->x0, bar->h);
        cairo_fill(cr);
    }
    if (in->overlay)
        for (size_t i = 0; i < l->nrows; i++) {
            const disrupt_compare_period *p = &in->periods->items[i];
            draw_overlay(cr, l, i, p, &in->sources[p->source], pal);
        }
    draw_legend(cr, &t, l, pal);
    set_rgb(cr, pal->muted, 1);
    plot_text_draw(&t, cr, l->caption, l->caption_box.x, l->caption_box.y,
                   PLOT_CAPTION_SCALE * l->em, 0, PLOT_ALIGN_LEFT);
    plot_text_fini(&t);
    cairo_status_t st = cairo_status(cr);
    if (st != CAIRO_STATUS_SUCCESS)
        return disrupt_error_set(err, DISRUPT_EANALYSIS, "plot: %s", cairo_status_to_string(st));
    return DISRUPT_OK;
}

typedef struct {
    const disrupt_plot_compare_layout *layout;
    const disrupt_plot_compare_input *input;
} compare_page;

static int draw_page(cairo_t *cr, void *ctx, disrupt_error *err)
{
    const compare_page *p = ctx;
    return draw_all(cr, p->layout, p->input, err);
}

int disrupt_plot_compare_write(const char *path, const disrupt_plot_compare_input *in,
                               const disrupt_plot_options *opt, disrupt_error *err)
{
    disrupt_plot_format format = opt->format ? opt->format : disrupt_plot_format_from_path(path);
    if (format == DISRUPT_PLOT_AUTO)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "%s: cannot tell the chart format: name it .png, .svg or .pdf",
                                 path);
    disrupt_plot_compare_layout l;
    int rc = disrupt_plot_compare_layout_compute(in, opt, &l, err);
    if (rc)
        return rc;
    compare_page ctx = {&l, in};
    plot_page page = {l.width, l.height, l.title, draw_page, &ctx};
    rc = plot_write_page(path, format, opt->dpi, &page, err);
    disrupt_plot_compare_layout_fini(&l);
    return rc;
}
