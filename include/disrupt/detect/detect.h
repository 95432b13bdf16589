/* detect.h — from series to disruption windows.
 *
 * For each signal: fit the baseline (baseline.h), take the log ratio observed/expected (level
 * signals) or the raw blocked/measured counts (count signals), segment it (segment.h; Normal
 * mean cost scaled by a robust noise estimate, or the binomial cost), and call a segment a
 * disruption when its median level is far below the baseline (or its blocked share far
 * above). Disrupted points are then left out of the baseline and everything is refitted,
 * until the windows stop changing — so a 46-day throttling stays a 46-day window instead of
 * becoming the new normal. Each boundary gets a confidence interval (boundary.h) and each
 * window the list of other signals that are disrupted at the same time. Windows that overlap
 * across signals are joined into incidents, and windows recurring at the same hours every day
 * are recognised (in the zone of the baseline's daily cycle).
 *
 * Kinds follow what each signal can show. Volume signals (traffic, throughput, users, …):
 * shutdown when the level is at or below shutdown_level, throttling when the drop is at least
 * throttling_depth (or half that right beside another disrupted stretch: staged restoration).
 * Reachability signals — names containing "bgp", "probing" or "/24" — never show throttling:
 * a drop of at least throttling_depth/2 is a shutdown of part of the networks. Count signals:
 * blocking when the blocked share is up by at least blocking_rise.
 *
 * Ownership: a disrupt_detection owns its arrays and windows; disrupt_detection_fini frees
 * them. The dataset must outlive nothing here (indices only are kept).
 * Complexity: a few baseline fits and segmentations per signal (at most max_rounds).
 */
#ifndef DISRUPT_DETECT_H
#define DISRUPT_DETECT_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/detect/baseline.h"
#include "disrupt/core/error.h"
#include "disrupt/detect/incident.h"
#include "disrupt/detect/recurrence.h"
#include "disrupt/engine/segment.h"
#include "disrupt/ingest/series.h"
#include "disrupt/detect/window.h"

typedef struct {
    const disrupt_detector_type *method;   /* default PELT */
    disrupt_segment_options segment;       /* penalty, min_seg (0: 3 samples below a daily
                                            * step, 1 for daily data); the cost follows the
                                            * signal */
    disrupt_baseline_options baseline;
    double shutdown_level;     /* level ≤ this (share of baseline) is a shutdown: 0.15 */
    double throttling_depth;   /* a drop of at least this share is a disruption: 0.25 */
    double blocking_rise;      /* blocked share up by at least this (absolute): 0.20 */
    int64_t min_duration;      /* windows shorter than this (seconds) are dropped: 0 */
    int64_t merge_gap;         /* same-kind windows this close (seconds) are merged: 0 */
    double ci_level;           /* boundary intervals: 0.95 */
    int max_rounds;            /* detect/refit rounds: 5 */
} disrupt_detect_options;

void disrupt_detect_options_init(disrupt_detect_options *o);

typedef struct {
    size_t nsignals;
    double **expected;          /* per signal, n expected values */
    size_t **changepoints;      /* per signal, grid indices of each new segment's first point */
    size_t *nchangepoints;
    disrupt_window_list windows;   /* ordered by signal, then start */
    double ci_level;               /* of the boundary intervals (the options' ci_level) */
    disrupt_incident_list incidents;   /* windows overlapping across signals */
    disrupt_recurrence *recurrences;   /* daily recurring chains of windows */
    size_t nrecurrences;
} disrupt_detection;

void disrupt_detection_init(disrupt_detection *r);
void disrupt_detection_fini(disrupt_detection *r);

int disrupt_detect_run(const disrupt_dataset *d, const disrupt_detect_options *o,
                       disrupt_detection *r, disrupt_error *err);

#endif
