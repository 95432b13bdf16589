/* hull_prune.h — which candidates of optimal partitioning can still win: the vertices of a
 * lower convex hull (not public API; see optpart.c for why, hull_prune.c for how).
 *
 * seg_lower_hull marks keep[i] = 1 for every point i of the `count` points (row-major, `dim`
 * coordinates each, the last one the height) that is a vertex of the lower convex hull, 0 for
 * the others. Returns 0, or −1 when the hull could not be computed (fewer than dim + 1 points,
 * points in a lower-dimensional flat, out of memory): keep[] is then all 1, which is always
 * safe. quiet takes Qhull's messages (open it once for many calls). Time: Qhull's, about O(count log count) in 3 and 4 dimensions. The points are copied
 * and rescaled (an affine map per coordinate keeps the vertices and what is "lower").
 */
#ifndef DISRUPT_HULL_PRUNE_H
#define DISRUPT_HULL_PRUNE_H

#include <stddef.h>
#include <stdio.h>

int seg_lower_hull(const double *points, size_t count, size_t dim, unsigned char *keep,
                   FILE *quiet);

#endif
