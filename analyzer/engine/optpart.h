/* optpart.h — pruned optimal partitioning over a set of allowed change positions (not public
 * API). PELT runs it over every position; its fast path (l1) over a screened candidate set.
 *
 * seg_optpart minimises Σ C'(segment) + β·changes with every segment >= min_seg points and
 * every change at one of pos[1..npos−2] (pos ascending, pos[0] = 0, pos[npos−1] = n; pos =
 * NULL means every position 0..n). It stops with SEG_OVER_BUDGET once it has evaluated more
 * than `budget` segment costs, or read more than `budget` points for l1, whose evaluations
 * are O(m) (0 = no limit). On success *cp is a new array of the *ncp changes (the caller frees
 * it); on failure *cp is NULL.
 * Memory: 12 bytes per position (at most 2³² − 1 of them), plus the live candidates.
 */
#ifndef DISRUPT_OPTPART_H
#define DISRUPT_OPTPART_H

#include "segment_impl.h"

#define SEG_OVER_BUDGET (-1)

int seg_optpart(const seg_problem *p, const size_t *pos, size_t npos, size_t budget, size_t **cp,
                size_t *ncp, disrupt_error *err);

#endif
