/* boundary.h — how sure we are where a change happened.
 *
 * Given a change at τ between neighbouring change points a < τ < b, the profile of the cost
 * C(a..t) + C(t..b) over every t in (a, b) becomes a distribution over the change location,
 * p(t) ∝ exp(−½·[C(a..t) + C(t..b) − min]) (a flat prior on t; for Normal costs with a known
 * variance it is the posterior of t with the segment means integrated out, up to a factor).
 * The interval is the shortest set of locations holding `level` of that mass, reported by its
 * extremes.
 *
 * Ownership: nothing is kept. Complexity: O((b − a) log(b − a)).
 */
#ifndef DISRUPT_BOUNDARY_H
#define DISRUPT_BOUNDARY_H

#include <stddef.h>

#include "disrupt/engine/cost.h"
#include "disrupt/core/error.h"

/* On success *lo <= tau' <= *hi hold the interval (indices of the first point of the new
 * segment) and *mode the most likely location. */
int disrupt_boundary_interval(const disrupt_cost *c, size_t a, size_t b, double level,
                              size_t *lo, size_t *hi, size_t *mode, disrupt_error *err);

#endif
