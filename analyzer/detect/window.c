/* window.c — the window list and kind names. */
#include "disrupt/detect/window.h"

#include <stdlib.h>

const char *disrupt_window_kind_name(disrupt_window_kind kind)
{
    switch (kind) {
    case DISRUPT_KIND_SHUTDOWN: return "shutdown";
    case DISRUPT_KIND_THROTTLING: return "throttling";
    case DISRUPT_KIND_BLOCKING: return "blocking";
    case DISRUPT_KIND_OUTAGE: return "outage";
    }
    return "unknown";
}

const char *disrupt_window_kind_title(disrupt_window_kind kind)
{
    switch (kind) {
    case DISRUPT_KIND_SHUTDOWN: return "Shutdown";
    case DISRUPT_KIND_THROTTLING: return "Throttling";
    case DISRUPT_KIND_BLOCKING: return "Blocking";
    case DISRUPT_KIND_OUTAGE: return "Outage";
    }
    return "Unknown";
}

const char *disrupt_phase_role_name(disrupt_phase_role role)
{
    switch (role) {
    case DISRUPT_PHASE_ONSET: return "onset";
    case DISRUPT_PHASE_DEEPEST: return "deepest";
    case DISRUPT_PHASE_RESTORATION: return "restoration";
    case DISRUPT_PHASE_STAGE: return "stage";
    }
    return "unknown";
}

void disrupt_window_list_init(disrupt_window_list *l)
{
    l->items = NULL;
    l->count = 0;
    l->capacity = 0;
}

void disrupt_window_list_fini(disrupt_window_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].corroborated_by);
        free(l->items[i].phases);
    }
    free(l->items);
    disrupt_window_list_init(l);
}

int disrupt_window_list_push(disrupt_window_list *l, const disrupt_window *w, disrupt_error *err)
{
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 8;
        disrupt_window *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return disrupt_error_nomem(err);
        l->items = grown;
        l->capacity = cap;
    }
    l->items[l->count++] = *w;
    return DISRUPT_OK;
}
