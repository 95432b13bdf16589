/* plot_scale.c — the layout's scale, which the layout, its marks and its legend all read:
 * time to x, the number drawn for a sample, and how dense a series is at this width. */
#include <math.h>
#include <stdlib.h>

#include "plot_internal.h"

double disrupt_plot_x(const disrupt_plot_layout *l, int64_t t)
{
    return l->plot_area.x + (double)(t - l->t0) / (double)(l->t1 - l->t0) * l->plot_area.w;
}

int64_t plot_clamp_time(const disrupt_plot_layout *l, int64_t t)
{
    return t < l->t0 ? l->t0 : t > l->t1 ? l->t1 : t;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double plot_relative_reference(const disrupt_series *s)
{
    double *v = malloc((s->n ? s->n : 1) * sizeof *v);
    if (!v)
        return NAN;
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++)
        if (isfinite(s->value[i]))
            v[k++] = s->value[i];
    double med = NAN;
    if (k) {
        qsort(v, k, sizeof *v, cmp_double);
        med = k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
    }
    free(v);
    return med;
}

double plot_display_value(const disrupt_series *s, const double *expected, double reference,
                          int relative, size_t i)
{
    double v = s->value[i];
    if (s->type == DISRUPT_SIGNAL_COUNTS)
        return s->trials && s->trials[i] > 0 ? 100.0 * v / s->trials[i] : NAN;
    if (!relative)
        return v;
    double e = expected ? expected[i] : reference;
    return e > 0 && isfinite(e) ? 100.0 * v / e : NAN;
}

#define COLUMN_PT 0.75   /* narrowest envelope column */

int plot_dense(const disrupt_plot_layout *l, const disrupt_series *s)
{
    return (double)s->n > 4 * l->plot_area.w;
}

double plot_column_seconds(const disrupt_plot_layout *l)
{
    double spp = (double)(l->t1 - l->t0) / l->plot_area.w;
    double day_pt = 86400.0 / spp;
    return day_pt >= COLUMN_PT && day_pt <= 4.0 ? 86400.0 : COLUMN_PT * spp;
}

double plot_shortest_gap(const disrupt_plot_layout *l, const disrupt_series *s)
{
    return plot_dense(l, s) ? plot_column_seconds(l) / 2 : 0;
}
