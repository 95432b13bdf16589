/* l1scan.h — the best split of a segment under the l1 cost in O(m log m) (not public API).
 *
 * Over τ in lo..hi (s < lo <= hi < e) of x[s..e), minimises C(s, τ) + C(τ, e), plus
 * log((τ − s)(e − τ)) when mbic is set; ties keep the leftmost τ. Returns 0, or 1 when the
 * scratch memory could not be allocated (the caller then scans directly).
 */
#ifndef DISRUPT_L1SCAN_H
#define DISRUPT_L1SCAN_H

#include <stddef.h>

int disrupt_cost_l1_best_split(const double *x, size_t s, size_t e, size_t lo, size_t hi,
                               int mbic, size_t *tau, double *value);

#endif
