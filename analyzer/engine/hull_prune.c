/* hull_prune.c — lower convex hull vertices with Qhull (see hull_prune.h).
 *
 * Qhull (Barber, Dobkin & Huhdanpaa 1996) rather than a hull by hand: hulls in 4 dimensions
 * with exact handling of nearly coplanar facets are what it is for. Each coordinate is
 * centred and scaled to unit range first, so that time indices of 10⁷, sums and costs of 10⁸
 * meet Qhull's roundoff on equal terms. A facet is "lower" when its outward normal points down
 * in the last coordinate; the vertices of those facets are kept. A point Qhull merged into a
 * facet as coplanar is within roundoff of the hull: dropping it changes the optimum by as
 * little.
 */
#include "hull_prune.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libqhull_r/qhull_ra.h>

static void keep_all(unsigned char *keep, size_t count)
{
    memset(keep, 1, count);
}

/* Centres each coordinate and divides it by its range (1 when the range is 0). */
static void normalise(double *p, size_t count, size_t dim)
{
    for (size_t d = 0; d < dim; d++) {
        double lo = INFINITY, hi = -INFINITY;
        for (size_t i = 0; i < count; i++) {
            double v = p[i * dim + d];
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
        double mid = 0.5 * (lo + hi), scale = hi > lo ? 1.0 / (hi - lo) : 1.0;
        for (size_t i = 0; i < count; i++)
            p[i * dim + d] = (p[i * dim + d] - mid) * scale;
    }
}

int seg_lower_hull(const double *points, size_t count, size_t dim, unsigned char *keep,
                   FILE *quiet)
{
    keep_all(keep, count);
    if (!quiet || dim < 2 || count < dim + 1 || count > (size_t)INT32_MAX / dim)
        return -1;
    coordT *p = malloc((count + 1) * dim * sizeof *p);
    if (!p)
        return -1;
    memcpy(p, points, count * dim * sizeof *p);
    normalise(p, count, dim);
    /* An apex high above the middle replaces the upper hull by one cone: Qhull then builds
     * about the lower hull alone. It is never on a lower facet. */
    for (size_t d = 0; d + 1 < dim; d++)
        p[count * dim + d] = 0;
    p[count * dim + dim - 1] = 1e3;
    qhT qh_qh;
    qhT *qh = &qh_qh;
    qh_zero(qh, quiet);
    char options[] = "qhull"; /* merged facets: vertices are all we read (Qt is slower) */
    int rc = qh_new_qhull(qh, (int)dim, (int)count + 1, p, False, options, NULL, quiet);
    if (rc == 0) {
        memset(keep, 0, count);
        facetT *facet;
        vertexT *vertex, **vertexp;
        FORALLfacets {
            if (facet->normal[dim - 1] >= 0)
                continue;
            FOREACHvertex_(facet->vertices) {
                int id = qh_pointid(qh, vertex->point);
                if (id >= 0 && (size_t)id < count)
                    keep[id] = 1;
            }
        }
    }
    qh_freeqhull(qh, !qh_ALL);
    int curlong, totlong;
    qh_memfreeshort(qh, &curlong, &totlong);
    free(p);
    return rc == 0 ? 0 : -1;
}
