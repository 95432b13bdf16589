/* quantile.c — quantiles by selection; see quantile.h. */
#include "disrupt/detect/quantile.h"

/* Reorders a[0..n) so that a[k] is the k-th smallest (from 0), none before it larger and
 * none after it smaller (quickselect, median-of-three pivots). O(n) on average. */
static void select_kth(double *a, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (hi > lo) {
        size_t mid = lo + (hi - lo) / 2;   /* order a[lo], a[mid], a[hi]; pivot a[mid] */
        if (a[mid] < a[lo]) { double t = a[mid]; a[mid] = a[lo]; a[lo] = t; }
        if (a[hi] < a[lo]) { double t = a[hi]; a[hi] = a[lo]; a[lo] = t; }
        if (a[hi] < a[mid]) { double t = a[hi]; a[hi] = a[mid]; a[mid] = t; }
        double pivot = a[mid];
        size_t i = lo, j = hi;
        while (i <= j) {   /* Hoare: [lo, j] ≤ pivot ≤ [i, hi] */
            while (a[i] < pivot)
                i++;
            while (a[j] > pivot)
                j--;
            if (i <= j) {
                double t = a[i]; a[i] = a[j]; a[j] = t;
                i++;
                if (j == 0)
                    break;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;   /* between j and i: all equal to the pivot */
    }
}

/* The q-quantile of a[0..n), reordering a: the value gsl_stats_quantile_from_sorted_data
 * gives on the sorted data, by the same formula, with the two order statistics it needs
 * found by selection in O(n) (heapsort took more than half of detect). */
double disrupt_quantile_inplace(double *a, size_t n, double q)
{
    double index = q * (double)(n - 1);
    size_t lhs = (size_t)index;
    double delta = index - (double)lhs;
    select_kth(a, n, lhs);
    if (lhs == n - 1)
        return a[lhs];
    double next = a[lhs + 1];   /* the smallest of those after a[lhs] */
    for (size_t i = lhs + 2; i < n; i++)
        if (a[i] < next)
            next = a[i];
    return (1 - delta) * a[lhs] + delta * next;
}

