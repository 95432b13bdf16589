/* timeaxis.h — choosing the ticks and labels of a date axis, RRDtool-style.
 *
 * A fixed table of rows (minor tick, major tick, label step, strftime format), ordered from
 * minutes to decades, is walked from the finest row up; the first row whose labels (and the
 * context line under them) fit the width without overlapping is taken. Ticks fall on civil
 * boundaries of the zone `tz` (midnight, the 1st of the month, Monday for weeks), so an axis in
 * Asia/Baku marks Baku midnights. Labels of a whole day, month or year are centred on that
 * period; others are centred on their tick. A second "context" line carries what the labels
 * leave out (the date under hour labels, the month under day labels, the year under month
 * labels) at the first label and wherever it changes, so the year is always shown where it
 * changes.
 *
 * Text widths come from a caller-supplied measure function (the plot passes one backed by
 * pango); NULL uses a conservative estimate of 0.62 em per character. The function is pure:
 * no drawing, no global state beyond the tz database.
 *
 * Ownership: disrupt_timeaxis_choose fills a caller-embedded disrupt_timeaxis, which owns its
 * arrays and label strings; disrupt_timeaxis_fini releases them (also after a failure).
 * Errors: DISRUPT_EINVAL for an empty span, a non-positive width or an unknown zone;
 * DISRUPT_ENOMEM. Complexity: O(rows · ticks) with ticks ≤ width / 2.
 */
#ifndef DISRUPT_TIMEAXIS_H
#define DISRUPT_TIMEAXIS_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"

typedef enum {
    DISRUPT_TIMEUNIT_MINUTE = 0,
    DISRUPT_TIMEUNIT_HOUR,
    DISRUPT_TIMEUNIT_DAY,
    DISRUPT_TIMEUNIT_WEEK,      /* weeks start on Monday */
    DISRUPT_TIMEUNIT_MONTH,
    DISRUPT_TIMEUNIT_YEAR
} disrupt_timeunit;

typedef struct {
    disrupt_timeunit unit;
    int count;                  /* every `count` units, aligned to multiples of count */
} disrupt_timestep;

/* Width of text in the caller's units (points or pixels, as x0/width). */
typedef double (*disrupt_text_measure)(void *ctx, const char *text);

typedef struct {
    int64_t t;                  /* UTC seconds */
    double x;                   /* x0 + (t − t0) / seconds_per_unit */
} disrupt_tick;

typedef struct {
    int64_t t;                  /* time the label names (start of its period) */
    double x;                   /* centre of the text */
    double width;               /* measured width of text */
    char *text;
} disrupt_axis_label;

typedef struct {
    size_t row;                 /* index in the table, for tests and debugging */
    disrupt_timestep minor, major, label;
    const char *format;         /* strftime format of the labels */
    double seconds_per_unit;    /* (t1 − t0) / width */
    disrupt_tick *minor_ticks;
    size_t nminor;
    disrupt_tick *major_ticks;
    size_t nmajor;
    disrupt_axis_label *labels;    /* first line, left to right */
    size_t nlabels;
    disrupt_axis_label *context;   /* second line (date, month or year), left to right */
    size_t ncontext;
} disrupt_timeaxis;

typedef struct {
    const char *tz;             /* IANA zone, NULL = UTC */
    disrupt_text_measure measure;  /* NULL = 0.62·em per character */
    void *measure_ctx;
    double em;                  /* font size in the caller's units, for the estimate and gaps */
    double min_gap;             /* space required between labels; 0 = 1.5 em */
    double min_spacing;         /* least distance between label steps, so that an axis is not
                                   crowded just because it can be; 0 = 5 em */
    double min_minor_spacing;   /* minor ticks closer than this are not drawn; 0 = em / 3 */
} disrupt_timeaxis_spec;

/* Chooses ticks and labels for [t0, t1) drawn over [x0, x0 + width). */
int disrupt_timeaxis_choose(int64_t t0, int64_t t1, double x0, double width,
                            const disrupt_timeaxis_spec *spec, disrupt_timeaxis *out,
                            disrupt_error *err);
void disrupt_timeaxis_fini(disrupt_timeaxis *ax);

/* Number of rows in the table (tests walk it). */
size_t disrupt_timeaxis_rows(void);

/* The UTC time of the first boundary of `step` at or after t, in zone tz. */
int64_t disrupt_timestep_ceil(int64_t t, disrupt_timestep step, const char *tz);
/* The next boundary after a boundary b. */
int64_t disrupt_timestep_next(int64_t b, disrupt_timestep step, const char *tz);

#endif
