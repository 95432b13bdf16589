/* plot_marks.c — placing what marks the time axis: window labels (in lanes per panel),
 * event flags (or numbers with notes under the chart) and claimed-window brackets. Labels
 * never overlap each other or leave the plot area; what cannot be placed is counted. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "disrupt/core/timefmt.h"
#include "plot_internal.h"

#define MAX_WINDOW_LANES 4
#define MAX_EVENT_LANES 3
#define MAX_CLAIM_LANES 6

/* ---- marks: windows, events, claims ---- */

/* A label unit: one window, or a run of short same-kind windows that follow each other
 * (nightly shutdowns), which gets one label instead of dozens. */
typedef struct {
    size_t *members;     /* window indices in time order */
    size_t n;
    double weight;       /* duration × depth, summed */
} label_unit;

#define RUN_MIN 3                 /* windows */
#define RUN_MAX_GAP (36 * 3600)   /* between one window's end and the next one's start */
#define RUN_MAX_LENGTH (2 * 86400)  /* windows longer than this stand on their own */

/* Sort key of a window: panel, kind, start, then list order. */
typedef struct {
    size_t signal;
    int kind;
    int64_t start;
    size_t index;
} window_key;

static int cmp_window_key(const void *a, const void *b)
{
    const window_key *x = a, *y = b;
    if (x->signal != y->signal)
        return x->signal < y->signal ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static int short_window(const disrupt_window *w)
{
    return w->end - w->start <= RUN_MAX_LENGTH;
}

/* Splits the windows into label units; returns the count, or 0 with *units NULL on ENOMEM. */
static size_t label_units(const disrupt_window_list *wl, size_t *order, label_unit **units)
{
    size_t n = wl->count, nu = 0;
    window_key *keys = calloc(n, sizeof *keys);
    *units = keys ? calloc(n, sizeof **units) : NULL;
    if (!*units) {
        free(keys);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        keys[i] = (window_key){wl->items[i].signal, (int)wl->items[i].kind, wl->items[i].start, i};
    qsort(keys, n, sizeof *keys, cmp_window_key);
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].index;
    free(keys);
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        const disrupt_window *first = &wl->items[order[i]];
        if (short_window(first))
            while (j < n) {
                const disrupt_window *prev = &wl->items[order[j - 1]];
                const disrupt_window *next = &wl->items[order[j]];
                if (next->signal != first->signal || next->kind != first->kind ||
                    !short_window(next) || next->start - prev->end > RUN_MAX_GAP)
                    break;
                j++;
            }
        if (j - i < RUN_MIN)
            j = i + 1;
        label_unit *u = &(*units)[nu++];
        u->members = &order[i];
        u->n = j - i;
        for (size_t k = i; k < j; k++) {
            const disrupt_window *w = &wl->items[order[k]];
            u->weight += (double)(w->end - w->start) * fabs(w->depth);
        }
        i = j;
    }
    return nu;
}

static int cmp_units(const void *a, const void *b)
{
    const label_unit *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return (x->members[0] > y->members[0]) - (x->members[0] < y->members[0]);
}

/* Where the window's phases meet, and its deepest phase. 0, or DISRUPT_ENOMEM. */
static int fill_phases(const disrupt_plot_layout *L, const disrupt_window *w,
                       disrupt_plot_mark *mk)
{
    mk->deepest_x0 = mk->x0;
    mk->deepest_x1 = mk->x1;
    if (w->nphases < 2 || !w->phases)
        return 0;
    mk->phase_x = malloc((w->nphases - 1) * sizeof *mk->phase_x);
    if (!mk->phase_x)
        return DISRUPT_ENOMEM;
    for (size_t k = 1; k < w->nphases; k++)
        mk->phase_x[mk->nphase_x++] = disrupt_plot_x(L, plot_clamp_time(L, w->phases[k].start));
    if (w->deepest < w->nphases) {
        mk->deepest_x0 = disrupt_plot_x(L, plot_clamp_time(L, w->phases[w->deepest].start));
        mk->deepest_x1 = disrupt_plot_x(L, plot_clamp_time(L, w->phases[w->deepest].end));
    }
    return 0;
}

static int fill_mark(plot_layout_ctx *c, size_t i)
{
    disrupt_plot_layout *L = c->L;
    const disrupt_window *w = &c->in->windows->items[i];
    disrupt_plot_mark *mk = &L->marks[i];
    mk->window = i;
    mk->panel = w->signal;
    mk->kind = w->kind;
    mk->x0 = disrupt_plot_x(L, plot_clamp_time(L, w->start));
    mk->x1 = disrupt_plot_x(L, plot_clamp_time(L, w->end));
    mk->start_lo = disrupt_plot_x(L, plot_clamp_time(L, w->start_lo));
    mk->start_hi = disrupt_plot_x(L, plot_clamp_time(L, w->start_hi));
    mk->end_lo = disrupt_plot_x(L, plot_clamp_time(L, w->end_lo));
    mk->end_hi = disrupt_plot_x(L, plot_clamp_time(L, w->end_hi));
    mk->bracket_x0 = mk->x0;
    mk->bracket_x1 = mk->x1;
    mk->lane = -1;
    mk->run = 1;
    return fill_phases(L, w, mk);
}

/* Places the label of one unit on its first window; returns 0, or DISRUPT_ENOMEM. */
static int place_unit(plot_layout_ctx *c, const label_unit *u, plot_lanes *lanes)
{
    disrupt_plot_layout *L = c->L;
    const disrupt_window_list *wl = c->in->windows;
    disrupt_plot_mark *mk = &L->marks[u->members[0]];
    double em = L->em, left = L->plot_area.x, right = L->plot_area.x + L->plot_area.w;
    mk->run = u->n;
    mk->bracket_x1 = L->marks[u->members[u->n - 1]].x1;
    for (size_t k = 0; k < u->n && u->n > 1; k++)
        L->marks[u->members[k]].in_run = 1;
    const disrupt_window *w = &wl->items[u->members[0]];
    mk->label = u->n > 1 ? plot_run_label(wl, u->members, u->n, c->opt->tz)
                         : disrupt_plot_window_label(w, c->in->data->series[w->signal], c->opt->tz);
    if (!mk->label)
        return DISRUPT_ENOMEM;
    size_t lines = 1;
    double tw = plot_text_width(&c->m, mk->label, em, 0);
    if (tw > right - left) {
        /* Wider than the plot (a narrow figure): over two or more lanes. */
        char *wrapped = plot_wrap_label(&c->m, mk->label, em, 0, right - left, &lines, &tw);
        if (!wrapped)
            return DISRUPT_ENOMEM;
        free(mk->label);
        mk->label = wrapped;
    }
    double cx = (mk->bracket_x0 + mk->bracket_x1) / 2;
    double bx = fmax(fmin(cx - tw / 2, right - tw), left);
    int lane = plot_lanes_place_span(&lanes[mk->panel], fmin(bx, mk->bracket_x0),
                                     fmax(bx + tw, mk->bracket_x1), 0.8 * em, MAX_WINDOW_LANES,
                                     (int)lines);
    if (lane == -2)
        return DISRUPT_ENOMEM;
    if (lane < 0) {
        free(mk->label);
        mk->label = NULL;
        L->unlabelled += u->n;
        return 0;
    }
    mk->lane = lane;
    mk->leader = bx > mk->bracket_x1 || bx + tw < mk->bracket_x0;
    mk->label_box = (disrupt_rect){bx, 0, tw, (double)lines * em * PLOT_LINE};
    if ((size_t)lane + lines > c->window_lanes[mk->panel])
        c->window_lanes[mk->panel] = (size_t)lane + lines;
    return 0;
}

/* Window labels, most important unit first (duration × depth), into lanes per panel. */
int plot_place_windows(plot_layout_ctx *c)
{
    disrupt_plot_layout *L = c->L;
    const disrupt_window_list *wl = c->in->windows;
    size_t n = wl ? wl->count : 0;
    if (!n)
        return 0;
    L->marks = calloc(n, sizeof *L->marks);
    size_t *order = calloc(n, sizeof *order);
    plot_lanes *lanes = calloc(L->npanels, sizeof *lanes);
    label_unit *units = NULL;
    int rc = 0;
    if (!L->marks || !order || !lanes) {
        rc = DISRUPT_ENOMEM;
        goto cleanup;
    }
    L->nmarks = n;
    for (size_t i = 0; i < n && !rc; i++)
        rc = fill_mark(c, i);
    if (rc)
        goto cleanup;
    size_t nu = label_units(wl, order, &units);
    if (!units) {
        rc = DISRUPT_ENOMEM;
        goto cleanup;
    }
    qsort(units, nu, sizeof *units, cmp_units);
    for (size_t k = 0; k < nu && !rc; k++)
        rc = place_unit(c, &units[k], lanes);
cleanup:
    for (size_t p = 0; lanes && p < L->npanels; p++)
        plot_lanes_fini(&lanes[p]);
    free(lanes);
    free(units);
    free(order);
    return rc;
}

typedef struct {
    size_t index;
    int64_t time;
} timed;

static int cmp_timed(const void *a, const void *b)
{
    const timed *x = a, *y = b;
    if (x->time != y->time)
        return x->time < y->time ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Places one flag label of width tw beside the rule at mk->x (right, else left); 0 placed,
 * 1 no room, 2 out of memory. */
static int place_flag(plot_layout_ctx *c, plot_lanes *lanes, disrupt_plot_event_mark *mk, double tw,
                      int centred)
{
    disrupt_plot_layout *L = c->L;
    double em = L->em, size = 0.9 * em;
    double left = L->plot_area.x, right = L->plot_area.x + L->plot_area.w;
    double candidates[2] = {mk->x + 0.3 * em, mk->x - 0.3 * em - tw};
    if (centred)
        candidates[0] = candidates[1] = fmax(fmin(mk->x - tw / 2, right - tw), left);
    else if (candidates[0] + tw > right) {
        candidates[0] = candidates[1];
        candidates[1] = mk->x + 0.3 * em;
    }
    for (int k = 0; k < 2; k++) {
        double bx = candidates[k];
        if (bx < left - 1e-9 || bx + tw > right + 1e-9)
            continue;
        int lane = plot_lanes_place(lanes, fmin(bx, mk->x), fmax(bx + tw, mk->x), 0.6 * em,
                                    MAX_EVENT_LANES);
        if (lane == -2)
            return 2;
        if (lane >= 0) {
            mk->lane = lane;
            mk->label_box = (disrupt_rect){bx, 0, tw, size * PLOT_LINE};
            return 0;
        }
    }
    return 1;
}

/* "27 Sep 2020" or "9 Nov 2020 21:00" in the chart's zone. */
static void event_date(int64_t t, const char *tz, char *out, size_t outsz)
{
    struct tm tm;
    if (disrupt_time_local(t, tz, &tm) != 0) {
        snprintf(out, outsz, "?");
        return;
    }
    strftime(out, outsz, tm.tm_hour || tm.tm_min ? "%-d %b %Y %H:%M" : "%-d %b %Y", &tm);
}

/* Numbered notes under the chart: "1  27 Sep 2020  War begins". */
static int event_notes(plot_layout_ctx *c)
{
    disrupt_plot_layout *L = c->L;
    const disrupt_event_list *ev = c->in->events;
    size_t len = 1;
    for (size_t i = 0; i < L->nevents; i++)
        len += strlen(ev->items[L->events[i].event].label) + 64;
    char *notes = calloc(len, 1);
    if (!notes)
        return DISRUPT_ENOMEM;
    size_t at = 0;
    for (size_t i = 0; i < L->nevents; i++) {
        char date[48];
        event_date(ev->items[L->events[i].event].time, c->opt->tz, date, sizeof date);
        at += (size_t)snprintf(notes + at, len - at, "%s%zu \xC2\xB7 %s \xC2\xB7 %s", i ? "\n" : "",
                               i + 1, date, ev->items[L->events[i].event].label);
    }
    size_t lines;
    L->event_notes = plot_wrap_text(&c->m, notes, PLOT_CAPTION_SCALE * L->em, 0,
                               L->width - 2 * c->margin, &lines);
    free(notes);
    if (!L->event_notes)
        return DISRUPT_ENOMEM;
    L->event_notes_box.h = (double)lines * PLOT_CAPTION_SCALE * L->em * PLOT_LINE;
    return 0;
}

/* Events inside the span, in time order, as flags beside their rules when all of them fit;
 * otherwise as numbers on the rules with the labels listed under the chart. */
int plot_place_events(plot_layout_ctx *c)
{
    disrupt_plot_layout *L = c->L;
    const disrupt_event_list *ev = c->in->events;
    size_t n = ev ? ev->count : 0;
    if (!n)
        return 0;
    L->events = calloc(n, sizeof *L->events);
    timed *order = calloc(n, sizeof *order);
    plot_lanes lanes;
    plot_lanes_init(&lanes);
    int rc = 0;
    if (!L->events || !order) {
        rc = DISRUPT_ENOMEM;
        goto cleanup;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ev->items[i].time >= L->t0 && ev->items[i].time < L->t1)
            order[k++] = (timed){i, ev->items[i].time};
    qsort(order, k, sizeof *order, cmp_timed);
    double size = 0.9 * L->em;
    for (int numbered = 0; numbered < 2; numbered++) {
        plot_lanes_fini(&lanes);
        L->nevents = 0;
        L->unlabelled_events = 0;
        c->event_lanes = 0;
        int all_placed = 1;
        for (size_t j = 0; j < k; j++) {
            disrupt_plot_event_mark *mk = &L->events[L->nevents++];
            free(mk->label);
            memset(mk, 0, sizeof *mk);
            mk->event = order[j].index;
            mk->x = disrupt_plot_x(L, order[j].time);
            mk->lane = -1;
            mk->label = numbered ? plot_strdupf("%zu", j + 1)
                                 : plot_strdupf("%s", ev->items[order[j].index].label);
            if (!mk->label) {
                rc = DISRUPT_ENOMEM;
                goto cleanup;
            }
            double tw = plot_text_width(&c->m, mk->label, size, numbered);
            int placed = place_flag(c, &lanes, mk, tw, numbered);
            if (placed == 2) {
                rc = DISRUPT_ENOMEM;
                goto cleanup;
            }
            if (placed == 1) {
                all_placed = 0;
                free(mk->label);
                mk->label = NULL;
                L->unlabelled_events++;
                continue;
            }
            if ((size_t)mk->lane + 1 > c->event_lanes)
                c->event_lanes = (size_t)mk->lane + 1;
        }
        L->events_numbered = numbered;
        if (all_placed)
            break;
    }
    if (L->events_numbered)
        rc = event_notes(c);
cleanup:
    plot_lanes_fini(&lanes);
    free(order);
    return rc;
}

/* The panel whose series is named `signal`, or SIZE_MAX. */
static size_t panel_named(const plot_layout_ctx *c, const char *signal)
{
    for (size_t p = 0; signal && p < c->L->npanels; p++)
        if (strcmp(c->in->data->series[p]->name, signal) == 0)
            return p;
    return SIZE_MAX;
}

/* Claimed windows as brackets: above the panel of the signal they are about, else above all
 * panels; labels wrapped to the plot's width (claims quote reports and run long). */
int plot_place_claims(plot_layout_ctx *c)
{
    disrupt_plot_layout *L = c->L;
    size_t n = c->in->nclaims;
    if (!n)
        return 0;
    L->claims = calloc(n, sizeof *L->claims);
    plot_lanes *lanes = calloc(L->npanels + 1, sizeof *lanes);  /* last: above all */
    int rc = 0;
    if (!L->claims || !lanes) {
        free(lanes);
        return DISRUPT_ENOMEM;
    }
    double em = L->em, size = 0.9 * em;
    double left = L->plot_area.x, right = L->plot_area.x + L->plot_area.w;
    for (size_t i = 0; i < n; i++) {
        const disrupt_plot_claim *cl = &c->in->claims[i];
        if (cl->end <= L->t0 || cl->start >= L->t1)
            continue;
        disrupt_plot_claim_mark *mk = &L->claims[L->nclaims];
        mk->claim = i;
        mk->panel = panel_named(c, cl->signal);
        mk->x0 = disrupt_plot_x(L, plot_clamp_time(L, cl->start));
        mk->x1 = disrupt_plot_x(L, plot_clamp_time(L, cl->end));
        /* The verdict is a part of its own (wrapping breaks between parts first). */
        mk->label = cl->verdict ? plot_strdupf("Claimed: %s \xC2\xB7 verdict: %s",
                                               cl->label ? cl->label : "", cl->verdict)
                                : plot_strdupf("Claimed: %s", cl->label ? cl->label : "");
        if (!mk->label) {
            rc = DISRUPT_ENOMEM;
            goto cleanup;
        }
        L->nclaims++;
        size_t lines;
        double tw;
        char *wrapped = plot_wrap_label(&c->m, mk->label, size, 0, right - left, &lines, &tw);
        if (!wrapped) {
            rc = DISRUPT_ENOMEM;
            goto cleanup;
        }
        free(mk->label);
        mk->label = wrapped;
        double bx = fmax(fmin((mk->x0 + mk->x1) / 2 - tw / 2, right - tw), left);
        plot_lanes *target = &lanes[mk->panel == SIZE_MAX ? L->npanels : mk->panel];
        int lane = plot_lanes_place_span(target, fmin(bx, mk->x0), fmax(bx + tw, mk->x1),
                                         0.8 * em, MAX_CLAIM_LANES, (int)lines);
        if (lane == -2) {
            rc = DISRUPT_ENOMEM;
            goto cleanup;
        }
        mk->label_box = (disrupt_rect){bx, 0, tw, (double)lines * size * PLOT_LINE};
        mk->lane = lane;
        if (lane < 0) {
            /* No room for its words: the bracket stays, in the lowest lane. */
            free(mk->label);
            mk->label = NULL;
            L->unlabelled_claims++;
            lane = 0;
            lines = 1;
        }
        size_t *used = mk->panel == SIZE_MAX ? &c->claim_lanes : &c->panel_claim_lanes[mk->panel];
        if ((size_t)lane + lines > *used)
            *used = (size_t)lane + lines;
    }
cleanup:
    for (size_t p = 0; p <= L->npanels; p++)
        plot_lanes_fini(&lanes[p]);
    free(lanes);
    return rc;
}

