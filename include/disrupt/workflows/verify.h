/* verify.h — does the data agree with a claimed window, and how sure can we be?
 *
 * For each claim C = [cs, ce) the rules are applied in this order:
 *
 * 1. Candidate signals: the series named by the claim's signal, or every series when the claim
 *    names none. A candidate *covers* the claim when its observed (non-missing) samples span
 *    at least `min_coverage` (default 0.5) of the claimed period; sample i spans
 *    [t_i, t_i + step). A candidate whose step is more than half the claim's length cannot
 *    show it (a 50-minute outage in daily data) and does not cover it. `coverage` is the best
 *    share over the candidates.
 *    → `no data` when no candidate covers the claim (or the named signal is not an input, or
 *    the data are too coarse: `coarse_step` then holds the finest step that was too coarse).
 *
 * 2. Matching windows: the windows of covering candidates that overlap C (share at least one
 *    second). → `not supported` when there is none: the data covers the claim and shows no
 *    disruption in it.
 *
 * 3. Windows of one signal that follow each other without a gap (a shutdown inside a
 *    throttling, staged restoration) are taken together as one chain: its start and start
 *    interval are its first window's, its end and end interval its last's, its kinds all of
 *    its members'. The best match W = [ws, we) is, among the overlapping chains (most are a
 *    single window), the first by (a) kind agreement when the claim states kinds (a claimed
 *    throttling is matched with a detected throttling before a blocking of another signal),
 *    (b) the largest overlap over union |C∩W| / |C∪W|, (c) input order.
 *
 * 4. Boundaries, at the precision they were written with (claims.h): the claimed start
 *    agrees when its span (a time; a day in the claim's zone; a month) meets W's confidence
 *    interval of the start [ws_lo, ws_hi], widened by `tolerance` and, for a claim finer than
 *    the samples, by what the samples cannot tell apart (a difference smaller than the
 *    sampling step is no difference); likewise the end, whose date-only span is read both
 *    ways (lifted that day, or its last disrupted day; `end_reading` says which fits). A
 *    boundary cut off by the edge of the data agrees with a claim beyond that edge.
 *    → `supported` when both agree and the kind agrees or is not stated; `kind differs` when
 *    both agree and the claim states a kind the data do not show (a claimed shutdown over a
 *    throttling: the distinction Freedom on the Net draws).
 *
 * 5. Otherwise, with share = |C∩W| / |C| the part of the claimed period inside W:
 *    → `dates differ` when share ≥ `min_share` (default 0.5): the same event with a boundary
 *      off; start_diff and end_diff (claimed minus detected, measured from the claimed span)
 *      say by how much and which way (negative: the claim is earlier than the data).
 *    → `partly supported` when share < min_share: the data shows a disruption in only part of
 *      the claimed period.
 *
 * For context, `nwindows` counts every matching window and `signal_share` is the part of C
 * inside any window of W's signal (a claim of nightly shutdowns over ten weeks matches one
 * night as W, but all the nights together in signal_share).
 * Kind agreement and the supporting signals (W's signal first, then every covering candidate
 * with a window overlapping C, then the signals that corroborate W) are reported beside the
 * verdict and never change it.
 *
 * Ownership: a disrupt_verify_result owns its items and their signal arrays; _fini releases
 * them. The claims, dataset and windows are borrowed during the call only.
 * Errors: DISRUPT_ENOMEM, DISRUPT_EINVAL (negative tolerance, shares outside (0, 1]).
 * Complexity: O(claims × (windows + points of the candidate signals)).
 */
#ifndef DISRUPT_VERIFY_H
#define DISRUPT_VERIFY_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/workflows/claims.h"
#include "disrupt/core/error.h"
#include "disrupt/ingest/series.h"
#include "disrupt/detect/window.h"

typedef enum {
    DISRUPT_VERDICT_SUPPORTED = 0,
    DISRUPT_VERDICT_KIND_DIFFERS,   /* the dates agree, the kind does not */
    DISRUPT_VERDICT_DATES_DIFFER,
    DISRUPT_VERDICT_PARTLY,
    DISRUPT_VERDICT_NOT_SUPPORTED,
    DISRUPT_VERDICT_NO_DATA
} disrupt_verdict;

/* "supported", "kind differs", "dates differ", "partly supported", "not supported",
 * "no data". */
const char *disrupt_verdict_name(disrupt_verdict v);

typedef enum {
    DISRUPT_KIND_NOT_STATED = -1,   /* the claim names no kind */
    DISRUPT_KIND_DIFFERS = 0,
    DISRUPT_KIND_AGREES = 1
} disrupt_kind_agreement;

typedef struct {
    int64_t tolerance;       /* seconds added to each side of a boundary interval: 0 */
    double min_coverage;     /* share of the claim the data must cover: 0.5 */
    double min_share;        /* share of the claim inside the window for `dates differ`: 0.5 */
    const double *const *expected;  /* detect's expected values per series, or NULL: then
                                     * `not supported` also says how low the data went */
    const char *const *skipped;     /* detect's signals left out (detect.h), or NULL: such
                                     * a signal covers no claim (no data, not `not
                                     * supported`) */
} disrupt_verify_options;

void disrupt_verify_options_init(disrupt_verify_options *o);

/* Which reading of a date-only claimed end the data fit. */
typedef enum {
    DISRUPT_END_AS_WRITTEN = 0,    /* a time or a month, or the end does not agree */
    DISRUPT_END_LIFTED,            /* restrictions lifted that day */
    DISRUPT_END_LAST_DAY,          /* that day the last disrupted one */
    DISRUPT_END_EITHER             /* the end lies inside that day: both */
} disrupt_end_reading;

typedef struct {
    size_t claim;                  /* index in the claim list */
    disrupt_verdict verdict;
    double coverage;               /* best observed share of the claimed period, 0..1 */
    int signal_missing;            /* 1: the claim names a signal that is not an input */
    int64_t coarse_step;           /* > 0: covering data too coarse for the claim (its step) */
    int64_t claim_length;          /* ce − cs, seconds */
    double lowest_level;           /* `not supported` with expected values: the lowest median
                                    * observed/expected of a covering level signal in C, else
                                    * NaN */
    size_t lowest_signal;          /* which series that was */
    int has_window;                /* 0 for `no data` and `not supported` */
    size_t window;                 /* index of W's first window in the window list */
    size_t chained;                /* windows W is made of (1 unless a chain) */
    disrupt_window match;          /* W as one window (a chain: see rule 3; kind, level and
                                      depth of its longest member); owns no corroboration */
    int start_agrees, end_agrees;
    int start_why, end_why;        /* an agreeing boundary: 0 inside the interval, 1 within the
                                    * tolerance, 2 less than a sampling step from it */
    disrupt_end_reading end_reading;
    int64_t start_diff, end_diff;  /* claimed minus detected boundary (seconds), measured
                                    * from the claimed span: 0 inside it */
    int64_t duration_diff;         /* (ce − cs) − (we − ws) */
    double share;                  /* |C∩W| / |C| */
    size_t nwindows;               /* windows of covering candidates overlapping C */
    double signal_share;           /* part of C inside any window of W's signal (nightly
                                      shutdowns: all the nights together) */
    double iou;                    /* |C∩W| / |C∪W| */
    disrupt_kind_agreement kind;
    size_t *signals;               /* supporting signals (dataset indices), W's first */
    size_t nsignals;
} disrupt_verification;

typedef struct {
    disrupt_verification *items;   /* one per claim, in claim order */
    size_t count;
} disrupt_verify_result;

void disrupt_verify_result_init(disrupt_verify_result *r);
void disrupt_verify_result_fini(disrupt_verify_result *r);

int disrupt_verify_run(const disrupt_claim_list *claims, const disrupt_dataset *d,
                       const disrupt_window_list *windows, const disrupt_verify_options *o,
                       disrupt_verify_result *out, disrupt_error *err);

/* A duration for people: "3d 12h", "2h 30m", "45m", "20s", "0" (the sign dropped).
 * Returns the length written, 0 when it does not fit. */
size_t disrupt_verify_duration(int64_t seconds, char *out, size_t outsz);

/* One line on what the boundaries say: "start 1d early, end agrees", "end 3d 12h late".
 * Returns the length written. */
size_t disrupt_verify_describe(const disrupt_verification *v, char *out, size_t outsz);

#endif
