/* compare.h — periods side by side: how many disruptions, of what kind, how long and how deep,
 * 2019 against 2020 against 2021 (or one input file against another).
 *
 * A period is a span [start, end) with the windows of one detection that overlap it. Rules:
 *   - a window belongs to every period it overlaps (one crossing New Year counts in both);
 *   - calendar days = the days (local days in `tz`) on which at least one signal was
 *     disrupted, inside the period: what a report counts ("disrupted on 77 days");
 *   - disrupted days = the total disrupted time: the length of the union of the windows'
 *     parts inside the period, across all signals, in days (nightly shutdowns of 8 h on 77
 *     days are 25.7 of them);
 *   - longest = the longest belonging window, whole (not cut at the period's edge), in days;
 *   - deepest = the deepest phase of the belonging drops (shutdowns, throttling, outages: the
 *     share of the baseline lost at the trough), median depth = the median of the drops'
 *     whole-window depths; apart from them the highest rise of a blocked share (blocking),
 *     like compared with like;
 *   - first = the first disrupted day, last = the last disrupted day inside the period (the
 *     day of the latest end's last second), both as local midnights in `tz`;
 *   - covered days = the part of the period inside the data (the union of the series' spans).
 * Years run from --year-start (month, day; default 1 January) at local midnight in `tz`; the
 * years listed are those the data touches, including years without any window.
 *
 * Ownership: a disrupt_compare_result owns its periods, their names and window index arrays;
 * _fini releases them. Windows and datasets are borrowed during calls only; a period keeps the
 * index of the detection (`source`) its window indices refer to.
 * Errors: DISRUPT_EINVAL (bad year start or zone), DISRUPT_ENOMEM.
 * Complexity: O(periods × windows log windows).
 */
#ifndef DISRUPT_COMPARE_H
#define DISRUPT_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"
#include "disrupt/ingest/series.h"
#include "disrupt/detect/window.h"

typedef struct {
    char *name;                 /* "2020", "2020/21" (year not starting 1 Jan), or a file name */
    size_t source;              /* which detection the window indices refer to */
    int64_t start, end;         /* the period, end exclusive */
    double covered_days;        /* part of the period the data covers */
    size_t nwindows;
    size_t by_kind[DISRUPT_NKINDS];   /* windows per disrupt_window_kind */
    double calendar_days;       /* days touched by a disruption */
    double disrupted_days;      /* total disrupted time, in days */
    double longest_days;        /* 0 when there is no window */
    double deepest;             /* deepest drop; NaN when there is none */
    double median_depth;        /* median depth of the drops; NaN when there is none */
    double highest_blocking;    /* highest rise of a blocked share; NaN when there is none */
    int64_t first, last;        /* first and last disrupted day (local midnights); 0 when
                                 * there is no window */
    size_t *windows;            /* indices into the detection's window list, by start */
} disrupt_compare_period;

typedef struct {
    disrupt_compare_period *items;
    size_t count, capacity;
} disrupt_compare_result;

void disrupt_compare_result_init(disrupt_compare_result *r);
void disrupt_compare_result_fini(disrupt_compare_result *r);

/* Appends one period [start, end) summarising the windows of detection `source` that
 * overlap it; `data` gives the covered days (NULL: the whole period counts as covered). */
int disrupt_compare_add_period(disrupt_compare_result *r, const char *name, size_t source,
                               int64_t start, int64_t end, const char *tz,
                               const disrupt_dataset *data, const disrupt_window_list *windows,
                               disrupt_error *err);

/* Appends one period per year the data touches; years start on month/day at local midnight
 * in tz (NULL = UTC). */
int disrupt_compare_by_year(disrupt_compare_result *r, size_t source, const disrupt_dataset *data,
                            const disrupt_window_list *windows, int month, int day,
                            const char *tz, disrupt_error *err);

/* Local midnight of year/month/day in tz (NULL = UTC); a day missing from the month (29 Feb
 * of a common year) is its month's last day. */
int64_t disrupt_compare_year_start(int year, int month, int day, const char *tz);

#endif
