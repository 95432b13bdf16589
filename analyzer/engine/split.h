/* split.h — the best single split of a segment, shared by AMOC, binary segmentation and the
 * refinement steps of PELT's fast path (not public API).
 *
 * seg_best_split scans every admissible τ in s+L .. e−L and returns the one minimising
 * C'(s, τ) + C'(τ, e) (leftmost on ties), with gain = C'(s, e) − that minimum. When the segment
 * is shorter than 2L no split exists: *tau = 0 and gain = −∞. O(e − s) cost evaluations.
 */
#ifndef DISRUPT_SPLIT_H
#define DISRUPT_SPLIT_H

#include "segment_impl.h"

double seg_best_split(const seg_problem *p, size_t s, size_t e, size_t *tau);
/* The same over τ in lo..hi only (s + L <= lo <= hi <= e − L). */
double seg_best_split_within(const seg_problem *p, size_t s, size_t e, size_t lo, size_t hi,
                             size_t *tau);

#endif
