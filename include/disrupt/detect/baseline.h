/* baseline.h — the expected value of a signal at each time.
 *
 * Level signals: expected = exp(level(t) + season(slot(t))) fitted on log values, where the
 * season is a robust (median) profile by hour-of-week for sub-daily data spanning three weeks
 * or more, by hour-of-day for shorter sub-daily data, by day-of-week for daily data spanning
 * eight weeks or more, and none otherwise; slots follow local time in `tz`. The level is a
 * robust trend (Theil–Sen on daily medians) or, with a positive level_window, a rolling median
 * of daily medians across that window. Points flagged in `exclude` (detected disruptions)
 * take no part in either fit, so a long disruption never becomes "normal": across an excluded
 * stretch the level is interpolated from the normal days around it.
 *
 * Count signals: expected = the pooled blocked share K/N over the points not excluded.
 *
 * Ownership: the caller owns every array. Errors: DISRUPT_EDATA when no usable point is left
 * for the fit, DISRUPT_ENOMEM. Complexity: O(n log n + D²) for D days (D² sampled above 2000).
 */
#ifndef DISRUPT_BASELINE_H
#define DISRUPT_BASELINE_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"
#include "disrupt/ingest/series.h"

typedef struct {
    const char *tz;          /* zone of the daily/weekly cycle; NULL = UTC */
    int64_t level_window;    /* seconds; 0 = robust linear trend over the whole series */
    int64_t pin_start;       /* with pin_end > pin_start: fit only on [pin_start, pin_end) */
    int64_t pin_end;
    double season_quantile;  /* quantile of each slot's values that shapes the profile: 0.5;
                              * higher before disruptions are known, since they only pull
                              * values down and may fill most of a slot (nightly shutdowns) */
} disrupt_baseline_options;

void disrupt_baseline_options_init(disrupt_baseline_options *o);

/* Fits the baseline of s, skipping points where exclude[i] != 0 (exclude may be NULL), and
 * writes n expected values (NaN where nothing can be said). */
int disrupt_baseline_fit(const disrupt_series *s, const unsigned char *exclude,
                         const disrupt_baseline_options *o, double *expected, disrupt_error *err);

/* The value below which a level sample counts as zero for logs: 1e-3 of the median positive
 * value (1e-9 when there is none). */
double disrupt_baseline_floor(const disrupt_series *s);

#endif
