/* incident.c — joining overlapping windows across signals into incidents. */
#include "disrupt/detect/incident.h"

#include <stdlib.h>
#include <string.h>

static const disrupt_window_list *sort_windows; /* qsort has no context argument */
static const size_t *sort_place;

static size_t place_of(const size_t *place, const disrupt_window *w)
{
    return place ? place[w->signal] : 0;
}

static int by_start(const void *pa, const void *pb)
{
    const disrupt_window *a = &sort_windows->items[*(const size_t *)pa];
    const disrupt_window *b = &sort_windows->items[*(const size_t *)pb];
    size_t pa_ = place_of(sort_place, a), pb_ = place_of(sort_place, b);
    if (pa_ != pb_)
        return pa_ < pb_ ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->signal < b->signal ? -1 : a->signal > b->signal;
}

void disrupt_incident_list_fini(disrupt_incident_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i].windows);
    free(l->items);
    l->items = NULL;
    l->count = 0;
}

int disrupt_incidents_find(const disrupt_window_list *windows, const size_t *place,
                           disrupt_incident_list *out, disrupt_error *err)
{
    out->items = NULL;
    out->count = 0;
    size_t n = windows->count;
    if (n == 0)
        return DISRUPT_OK;
    size_t *order = malloc(n * sizeof *order);
    out->items = calloc(n, sizeof *out->items);
    if (!order || !out->items) {
        free(order);
        disrupt_incident_list_fini(out);
        return disrupt_error_nomem(err);
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_windows = windows;
    sort_place = place;
    qsort(order, n, sizeof *order, by_start);
    /* Sweep by place, then start: a window joins the open incident while it is of the same
     * place and starts before that incident's latest end. */
    size_t begin = 0;
    int64_t start = windows->items[order[0]].start, end = windows->items[order[0]].end;
    for (size_t i = 1; i <= n; i++) {
        const disrupt_window *w = i < n ? &windows->items[order[i]] : NULL;
        const disrupt_window *open = &windows->items[order[begin]];
        if (w && w->start < end && place_of(place, w) == place_of(place, open)) {
            if (w->end > end)
                end = w->end;
            continue;
        }
        disrupt_incident *inc = &out->items[out->count++];
        inc->start = start;
        inc->end = end;
        inc->nwindows = i - begin;
        inc->windows = malloc(inc->nwindows * sizeof *inc->windows);
        if (!inc->windows) {
            free(order);
            disrupt_incident_list_fini(out);
            return disrupt_error_nomem(err);
        }
        memcpy(inc->windows, order + begin, inc->nwindows * sizeof *order);
        if (w) {
            begin = i;
            start = w->start;
            end = w->end;
        }
    }
    free(order);
    return DISRUPT_OK;
}
