/* incident.h — what reports call an event: windows of several signals that overlap in time,
 * joined into one incident (connected components of the overlap relation), with the signals
 * and kinds that show it.
 *
 * Ownership: a disrupt_incident_list owns its items and each item's window index array.
 * Complexity: O(w log w) for w windows.
 */
#ifndef DISRUPT_INCIDENT_H
#define DISRUPT_INCIDENT_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"
#include "disrupt/detect/window.h"

typedef struct {
    int64_t start, end;     /* earliest start, latest end of its windows */
    size_t *windows;        /* indices into the window list, by start */
    size_t nwindows;
} disrupt_incident;

typedef struct {
    disrupt_incident *items;
    size_t count;
} disrupt_incident_list;

/* place[signal] names the place of each signal (signals of one namespace share one; NULL:
 * all one place): windows of different places are never one incident. */
int disrupt_incidents_find(const disrupt_window_list *windows, const size_t *place,
                           disrupt_incident_list *out, disrupt_error *err);
void disrupt_incident_list_fini(disrupt_incident_list *l);

#endif
