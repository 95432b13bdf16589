/* events.h — dated events to mark on a chart: "2020-09-27,War begins; mobile internet cut".
 *
 * An events file is CSV (RFC 4180, read with libcsv) with a header row naming the columns
 * `time` and `label` (in any order; other columns are ignored). `time` is ISO 8601: a date
 * (2020-09-27, midnight UTC) or a date-time with `Z` or an offset (2020-09-27T06:00:00+04:00).
 * Every rejected cell is reported as FILE:LINE:COL with what was expected and what was found;
 * a label must be valid UTF-8 without control characters (text.h). On error nothing is
 * appended to the list.
 *
 * Ownership: a disrupt_event_list owns its items and their labels; _fini releases them.
 * Errors: DISRUPT_EIO (cannot read), DISRUPT_EDATA (bad header or cell), DISRUPT_ENOMEM.
 * Complexity: O(file size); events are kept in file order.
 */
#ifndef DISRUPT_EVENTS_H
#define DISRUPT_EVENTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "disrupt/core/error.h"

typedef struct {
    int64_t time;   /* UTC seconds */
    char *label;    /* UTF-8 */
} disrupt_event;

typedef struct {
    disrupt_event *items;
    size_t count;
    size_t capacity;
} disrupt_event_list;

void disrupt_event_list_init(disrupt_event_list *l);
void disrupt_event_list_fini(disrupt_event_list *l);
/* Copies label. */
int disrupt_event_list_push(disrupt_event_list *l, int64_t time, const char *label,
                            disrupt_error *err);
/* Reads path ("-" = standard input) and appends its events to l. */
int disrupt_events_read(const char *path, disrupt_event_list *l, disrupt_error *err);
/* Reads an open stream (not closed); name is used in messages. */
int disrupt_events_read_stream(FILE *stream, const char *name, disrupt_event_list *l,
                               disrupt_error *err);

#endif
