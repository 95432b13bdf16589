/* plot_legend.c — the words that frame a chart: the legend (only what the chart shows) and
 * the caption (the source: input files, "synthetic" when any series is, the time zone, and
 * how many windows were too crowded to label). */
#define _GNU_SOURCE /* strcasestr */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"

/* 1 when series p has a missing stretch that the chart hatches. */
static int has_drawn_gap(const plot_layout_ctx *c, size_t p, double reference)
{
    const disrupt_series *s = c->in->data->series[p];
    const double *e = c->in->expected ? c->in->expected[p] : NULL;
    double shortest = plot_shortest_gap(c->L, s);
    size_t run = 0;
    for (size_t i = 0; i <= s->n; i++) {
        if (i < s->n && !isfinite(plot_display_value(s, e, reference, c->opt->relative, i))) {
            run++;
            continue;
        }
        if (run && (double)run * (double)s->step >= shortest)
            return 1;
        run = 0;
    }
    return 0;
}

static int any_synthetic(const disrupt_dataset *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->series[i]->synthetic)
            return 1;
    return 0;
}

/* "Data: a.csv, b.csv. Synthetic data, not a measurement. Times in UTC." */
static char *default_caption(const plot_layout_ctx *c)
{
    const disrupt_dataset *d = c->in->data;
    size_t len = 64;
    for (size_t i = 0; i < d->count; i++)
        len += (d->series[i]->file ? strlen(d->series[i]->file) : 0) + 2;
    char *files = calloc(len, 1);
    if (!files)
        return NULL;
    for (size_t i = 0; i < d->count; i++) {
        const char *f = d->series[i]->file;
        if (!f)
            continue;
        int seen = 0;
        for (size_t j = 0; j < i; j++)
            seen |= d->series[j]->file && strcmp(d->series[j]->file, f) == 0;
        if (seen)
            continue;
        if (*files)
            strcat(files, ", ");
        strcat(files, strcmp(f, "-") == 0 ? "standard input" : f);
    }
    char *s = plot_strdupf("Data: %s.", *files ? files : "unnamed input");
    free(files);
    return s;
}

char *plot_caption_text(const plot_layout_ctx *c)
{
    /* --source adds to the caption; the files read stay named (a reader checks them). */
    const char *source = c->opt->source;
    char *data = default_caption(c);
    if (!data)
        return NULL;
    size_t sl = source ? strlen(source) : 0;
    char *base = !source ? data
                         : plot_strdupf("%s%s %s", source,
                                        sl && strchr(".!?", source[sl - 1]) ? "" : ".", data);
    if (base != data)
        free(data);
    if (!base)
        return NULL;
    int synthetic = any_synthetic(c->in->data) && !strcasestr(base, "synthetic");
    const char *tz = c->opt->tz && *c->opt->tz ? c->opt->tz : "UTC";
    int clipped = 0;
    for (size_t p = 0; p < c->in->data->count; p++)
        clipped |= c->clipped[p];
    char *unl = NULL;
    if (c->L->unlabelled)
        unl = plot_strdupf(" %zu window%s too close to others to label %s shaded without a label.",
                           c->L->unlabelled, c->L->unlabelled == 1 ? "" : "s",
                           c->L->unlabelled == 1 ? "is" : "are");
    size_t blen = strlen(base);
    const char *stop = blen && strchr(".!?", base[blen - 1]) ? "" : ".";
    char *s = plot_strdupf("%s%s%s Times in %s.%s%s", base, stop,
                           synthetic ? " Synthetic data (simulated), not a measurement." : "", tz,
                           unl ? unl : "",
                           clipped ? " \xE2\x96\xB2 at a panel's top: values above its axis, "
                                     "which follows the 99.9th percentile." : "");
    free(base);
    free(unl);
    return s;
}

/* ---- legend ---- */

static int legend_add(plot_layout_ctx *c, disrupt_legend_what what, disrupt_window_kind kind,
                      const char *text)
{
    disrupt_plot_layout *L = c->L;
    disrupt_plot_legend_item *items = realloc(L->legend, (L->nlegend + 1) * sizeof *items);
    if (!items)
        return DISRUPT_ENOMEM;
    L->legend = items;
    disrupt_plot_legend_item *it = &items[L->nlegend];
    memset(it, 0, sizeof *it);
    it->what = what;
    it->kind = kind;
    it->text = plot_strdupf("%s", text);
    if (!it->text)
        return DISRUPT_ENOMEM;
    L->nlegend++;
    return 0;
}

int plot_legend_items(plot_layout_ctx *c)
{
    const disrupt_plot_input *in = c->in;
    /* Dense series are drawn as a mean line in a min–max band per column: say so, or a night
     * shut down inside a day reads as a shallow dip of the day. */
    int dense = 0;
    for (size_t p = 0; p < in->data->count; p++)
        dense |= plot_dense(c->L, in->data->series[p]);
    const char *observed = !dense ? "Observed"
                           : plot_column_seconds(c->L) == 86400.0 ? "Observed (daily mean and range)"
                                                                  : "Observed (mean and range)";
    int rc = legend_add(c, DISRUPT_LEGEND_OBSERVED, 0, observed);
    int expected = 0, missing = 0;
    for (size_t p = 0; p < in->data->count; p++) {
        /* Count panels draw no expected line (a share is shown as measured). */
        expected |= (in->expected ? in->expected[p] : NULL) != NULL &&
                    in->data->series[p]->type == DISRUPT_SIGNAL_LEVEL;
        missing |= has_drawn_gap(c, p, c->opt->relative && !(in->expected ? in->expected[p] : NULL)
                                             ? plot_relative_reference(in->data->series[p])
                                             : NAN);
    }
    if (!rc && expected)
        rc = legend_add(c, DISRUPT_LEGEND_EXPECTED, 0,
                        c->opt->relative ? "Expected (100%)" : "Expected");
    if (!rc && missing)
        rc = legend_add(c, DISRUPT_LEGEND_MISSING, 0, "No data");
    for (int k = 0; k < DISRUPT_NKINDS && !rc; k++) {
        int present = 0;
        for (size_t i = 0; in->windows && i < in->windows->count; i++)
            present |= (int)in->windows->items[i].kind == k;
        if (present)
            rc = legend_add(c, DISRUPT_LEGEND_WINDOW, (disrupt_window_kind)k,
                            disrupt_window_kind_title((disrupt_window_kind)k));
    }
    if (!rc && in->windows && in->windows->count)
        rc = legend_add(c, DISRUPT_LEGEND_CI, 0, "95% interval of start/end");
    if (!rc && in->events && in->events->count)
        rc = legend_add(c, DISRUPT_LEGEND_EVENT, 0,
                        c->L->events_numbered ? "Event (numbered below)" : "Event");
    if (!rc && in->nclaims)
        rc = legend_add(c, DISRUPT_LEGEND_CLAIM, 0, "Claimed window");
    return rc;
}

/* Flows the legend left to right from y, wrapping at the right margin; returns the height. */
double plot_place_legend(plot_layout_ctx *c, double y)
{
    disrupt_plot_layout *L = c->L;
    double em = L->em, size = 0.9 * em, line = 1.5 * em;
    double x = c->margin, right = L->width - c->margin, top = y;
    for (size_t i = 0; i < L->nlegend; i++) {
        disrupt_plot_legend_item *it = &L->legend[i];
        double tw = plot_text_width(&c->m, it->text, size, 0);
        double w = 1.8 * em + 0.4 * em + tw;
        if (x > c->margin && x + w > right) {
            x = c->margin;
            y += line;
        }
        it->swatch = (disrupt_rect){x, y + 0.25 * em, 1.8 * em, 0.85 * em};
        it->text_box = (disrupt_rect){x + 2.2 * em, y, tw, size * PLOT_LINE};
        x += w + 1.3 * em;
    }
    L->legend_box = (disrupt_rect){c->margin, top, right - c->margin, L->nlegend ? y + line - top : 0};
    return L->legend_box.h;
}

