/* quantile.h — the q-quantile of an array in O(n) on average, reordering it.
 *
 * The value is exactly gsl_stats_quantile_from_sorted_data's on the sorted array (the same
 * two order statistics, the same interpolation), found by quickselect instead of a sort: the
 * baseline takes medians and upper quartiles of every time-of-day slot and day, and heapsort
 * took more than half of detect. The array must hold n > 0 finite values; owns nothing.
 */
#ifndef DISRUPT_QUANTILE_H
#define DISRUPT_QUANTILE_H

#include <stddef.h>

double disrupt_quantile_inplace(double *a, size_t n, double q);

#endif
