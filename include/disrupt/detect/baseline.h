/* baseline.h — the expected value of a signal at each time.
 *
 * Level signals: expected = exp(level(t) + season(slot(t))) fitted on log values. The season
 * is a robust (quantile) profile whose complexity follows the normal data: hour-of-week when
 * nearly every hour of the week has normal samples from three different weeks, hour-of-day
 * when every hour has them from three different days (day-of-week for daily data, from three
 * weeks), and none otherwise; a profile is kept only when it shrinks the spread of the
 * residuals by 15% (a weekly one against the daily one by 5%), so a signal without a cycle
 * gets none. Slots follow local time in `tz`. The level is a robust trend (Theil–Sen on
 * daily medians) over 28 normal days or more, one level (their median) over fewer, or with
 * a positive level_window a rolling median of daily medians across that window. Points
 * flagged in `exclude` (detected disruptions) take no part in either fit, so a long
 * disruption never becomes "normal"; points in a pinned period are normal whatever
 * `exclude` says, since the analyst vouched for them.
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
    int flat;                /* 1: one level for the whole series, never a trend */
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
