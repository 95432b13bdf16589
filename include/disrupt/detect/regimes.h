/* regimes.h — where "normal" is, found before any baseline is trusted.
 *
 * A baseline fitted on every sample takes a long disruption for normal: when a drop fills
 * much of a file (a few days downloaded around an event, a year with months of throttling)
 * the expected line follows it down. So normal is taken from the stable regimes that bracket
 * a drop, never from the drop: the log ratio observed/expected (expected: one level and the
 * daily cycle, nothing that can bend into a drop) is segmented into regimes (PELT, Normal
 * mean, MBIC, robust noise scale), and the valleys among them are flagged as not normal, to
 * be left out of the first baseline fit. A valley's core is a regime `drop` below both of
 * its neighbours (its one neighbour at an edge: data may start or end mid-outage); it grows
 * into a neighbour that is itself `drop` below both the level before the disruption and what
 * lies beyond that neighbour (staged onset, staged restoration running to the end of the
 * data), but never back into the first regime of the data. Levels are compared between
 * neighbours only, so a normal level that differs before and after an event (users return
 * in greater numbers, a trend) is not mistaken for a drop.
 *
 * Ownership: the caller owns every array. Errors: DISRUPT_ENOMEM, or what segmentation
 * returns. Complexity: one PELT run, O(n) to O(n²) as in segment.h, plus O(r log r) for r
 * regimes.
 */
#ifndef DISRUPT_REGIMES_H
#define DISRUPT_REGIMES_H

#include <stddef.h>

#include "disrupt/core/error.h"
#include "disrupt/ingest/series.h"

/* Flags (flag[i] = 1) the samples of s in valleys at least `drop` (a share, 0 < drop < 1)
 * deep, judged against `expected` (n values; NaN where none). min_seg is the shortest regime
 * in samples. */
int disrupt_regimes_flag(const disrupt_series *s, const double *expected, double drop,
                         size_t min_seg, unsigned char *flag, disrupt_error *err);

#endif
