/* sweep_hull.h — the lower convex hull of points in 3-D that arrive in increasing x, kept up
 * to date one point at a time (not public API; see sweep_hull.c for how, optpart.c for why).
 *
 * seg_sweep_hull_add inserts a point whose x is greater than every x before it. Points that
 * the insertion proves are not vertices of the lower hull (each is strictly above a triangle
 * or a segment of other points, decided exactly) are listed by
 * seg_sweep_hull_dropped until the next call. A point may also leave the hull without such a
 * proof (a point on a new edge or corner in projection); it is then simply not listed:
 * leaving out is always safe. Points on one line in projection before the first
 * non-collinear one are kept as a chain in their vertical plane.
 * seg_sweep_hull_add returns 0, −1 when out of memory, or SEG_SWEEP_GAVE_UP when the geometry
 * is too degenerate to go on (the hull is then empty, as after seg_sweep_hull_clear; nothing
 * listed before is wrong).
 * Ownership: the hull owns its arrays; seg_sweep_hull_free releases them. The dropped list
 * belongs to the hull.
 * Time per insertion: the faces the new point sees and those around the previous point
 * (about 400 ns for the 5 or so of a quiet stretch); a full scan of the faces only when no
 * face around the previous point is seen. The rare orientation tests floating point cannot
 * decide are exact (GMP integers).
 */
#ifndef DISRUPT_SWEEP_HULL_H
#define DISRUPT_SWEEP_HULL_H

#include <stddef.h>

#define SEG_SWEEP_GAVE_UP 1

typedef struct seg_sweep_hull seg_sweep_hull;

seg_sweep_hull *seg_sweep_hull_new(void);
void seg_sweep_hull_free(seg_sweep_hull *h);
void seg_sweep_hull_clear(seg_sweep_hull *h);
/* Points that are vertices of the hull now (0 before three points in general position). */
size_t seg_sweep_hull_size(const seg_sweep_hull *h);
int seg_sweep_hull_add(seg_sweep_hull *h, size_t id, double x, double y, double z);
const size_t *seg_sweep_hull_dropped(const seg_sweep_hull *h, size_t *count);

#endif
