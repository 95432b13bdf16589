/* recurrence.h — windows that come back every day at the same hours (nightly shutdowns).
 *
 * Recurring windows stay separate windows; this only recognises the pattern so that a
 * report can say "recurs nightly, 18:30–02:30 UTC, 73 nights". A chain is at least three
 * windows of one signal and kind whose starts fall at the same time of day (within
 * `tolerance` seconds) on days at most three apart.
 *
 * Ownership: *out is allocated (free it with free()). Complexity: O(w) for w windows, which
 * must be ordered by signal, then start (as detect emits them).
 */
#ifndef DISRUPT_RECURRENCE_H
#define DISRUPT_RECURRENCE_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"
#include "disrupt/detect/window.h"

typedef struct {
    size_t signal;
    disrupt_window_kind kind;
    size_t first, count;       /* windows first .. first+count-1 of the list */
    long start_tod, end_tod;   /* median start and end, seconds after local midnight */
    int64_t from, until;       /* first start, last end */
} disrupt_recurrence;

int disrupt_recurrences_find(const disrupt_window_list *w, const char *tz, int64_t tolerance,
                             disrupt_recurrence **out, size_t *count, disrupt_error *err);

#endif
