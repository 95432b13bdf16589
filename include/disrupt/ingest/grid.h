/* grid.h — from raw samples (time, value per column) to regular series.
 *
 * A disrupt_grid_table collects rows as they are read: one time stamp shared by all of its
 * columns (8 bytes per row) and one double per column (two for count columns). Building
 * sorts the rows by time when they came unsorted (stably), infers the step as the median
 * spacing of distinct time stamps unless one is given, places every sample on the nearest
 * grid time start + k·step (half-way rounds up), aggregates samples that share a grid time
 * (mean, sum, max, min or last of the present values — "last" is the latest time stamp, and
 * among equal stamps the last in the file; counts always summed) and leaves grid times
 * without a present sample missing (NaN, trials 0).
 *
 * Ownership: the table owns its arrays; _fini releases them. Built series belong to the
 * caller. Building frees each raw column once its series is made, so peak memory stays
 * within 32 bytes per point per signal.
 * Errors: DISRUPT_EDATA (one distinct time and no step; a grid absurdly larger than the
 * rows), DISRUPT_ENOMEM. Complexity: O(n) for sorted rows, O(n log n) otherwise.
 */
#ifndef DISRUPT_GRID_H
#define DISRUPT_GRID_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/core/error.h"
#include "disrupt/ingest/ingest.h"
#include "disrupt/ingest/series.h"

typedef struct {
    size_t ncols;
    int counts;        /* 1: every column is a count column with trials */
    size_t n, cap;
    int64_t *time;
    double **value;    /* ncols arrays of n */
    double **trials;   /* ncols arrays of n when counts, else NULL */
    disrupt_aggregate agg;  /* how rows on one time are joined */
    double **weight;   /* ncols arrays of n: values a merged row stands for (means only);
                        * NULL until a row is merged */
    size_t premerged;  /* rows merged into the row before them as they came */
    int sorted;        /* rows arrived in non-decreasing time order so far */
    size_t merged;     /* out of disrupt_grid_build: rows that fell on a grid time already
                        * taken by an earlier row and were aggregated with it */
} disrupt_grid_table;

int disrupt_grid_table_init(disrupt_grid_table *t, size_t ncols, int counts,
                            disrupt_aggregate agg, disrupt_error *err);
void disrupt_grid_table_fini(disrupt_grid_table *t);
/* Appends a row; values (and trials for count tables) hold ncols numbers, NaN = missing. A
 * row on the same time as the row before it is joined with it at once (agg; counts are
 * summed), so that rows repeating a stamp cost no memory: O(runs of one time stamp). */
int disrupt_grid_table_append(disrupt_grid_table *t, int64_t time, const double *values,
                              const double *trials, disrupt_error *err);

/* Sorts the rows by time (stable) if they came unsorted. O(n log n); 4 bytes per row of
 * indices plus one column copy at a time. */
int disrupt_grid_table_sort(disrupt_grid_table *t, disrupt_error *err);

/* Median spacing of distinct sorted times (0 when fewer than two distinct). O(n log n). */
int64_t disrupt_grid_median_step(const int64_t *sorted, size_t n, disrupt_error *err,
                                 int *rc);

/* Builds one series per column into out[0..ncols). step 0 = infer. where names the source
 * in messages. A grid of more than 1000 times per row (sparse: a wrong step or time column,
 * or a long gap) takes its samples (times × columns) from *budget, shared by the tables of a
 * file so that a small file cannot ask for gigabytes; past the budget it is an error. On
 * failure out holds nothing (all freed). */
int disrupt_grid_build(disrupt_grid_table *t, int64_t step, disrupt_aggregate agg,
                       const char *where, size_t *budget, disrupt_series **out,
                       disrupt_error *err);

#endif
