/* detect.h — from series to disruption windows.
 *
 * For each signal: first find where normal is (regimes.h: the valleys among the regimes of
 * the raw series are left out), then fit the baseline without them (baseline.h), take the log
 * ratio observed/expected (level signals) or the raw blocked/measured counts (count
 * signals), segment it (segment.h; Normal mean cost scaled by a robust noise estimate, or the
 * binomial cost), and call a segment disrupted when its median level is far below the
 * baseline (or its blocked share far above). Disrupted points (and the valleys) are then left
 * out of the baseline and everything is refitted, until the windows stop changing — so a
 * 46-day throttling stays a 46-day window, and a drop that fills most of a file is not
 * taken for normal. Each boundary gets a confidence interval (boundary.h), widened over
 * samples caught between the two levels (a decline over hours, a bin across the change), and
 * each window the list of other signals that are disrupted at the same time. Windows that
 * overlap across signals are joined into incidents, and windows recurring at the same hours
 * every day are recognised (in the zone of the baseline's daily cycle).
 *
 * A window is one event: neighbouring disrupted segments of any kinds are joined while the
 * level stays disrupted, and kept as its phases. A segment beside a disruption that is still
 * clearly below normal (half the throttling depth, or on a quiet signal three noise scales
 * but at least a quarter of it) is a stage of it: staged restoration. A window cut off by the
 * start or end of the data must hold twice the shortest segment (or be a shutdown of three
 * hours or more): incomplete first and last bins are not disruptions.
 *
 * Kinds follow what each signal can show. Volume signals (traffic, throughput, users, …): an
 * event that falls to one deepest stretch and recovers from it has that stretch's kind —
 * shutdown when its level is at or below shutdown_level — so a blackout stays a blackout
 * through a day of slow restoration; an event with several dips (a deep throttling whose
 * evenings fall under the shutdown level) is a shutdown only when shutdown segments hold
 * half of it or its median is at the shutdown level; otherwise throttling (a drop of at
 * least throttling_depth). Reachability signals — names containing "bgp", "probing" or
 * "/24" — never show throttling: a drop of at least throttling_depth/2 is a shutdown of part
 * of the networks. Count signals: blocking when the blocked share is up by at least
 * blocking_rise.
 *
 * A signal that cannot be analysed on its own data (too few usable samples, too few normal
 * ones for a baseline: a country of a handful of Tor users among hundreds) is left out, its
 * reason in skipped[i], and the others are analysed; only when every signal is left out is
 * that an error (the first one's).
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
    double shutdown_level;     /* level ≤ this (share of baseline) is a shutdown: 0.25 */
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
    size_t *normal_samples;     /* per signal, samples the final baseline was fitted on */
    char **skipped;             /* per signal, why it was left out ("NAME: too few …"), NULL
                                 * when analysed; a left-out signal has no expected values,
                                 * change points or windows */
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
