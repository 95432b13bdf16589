/* segment_report.h — running `disrupt segment` on a dataset and printing what it found.
 *
 * segment_run_all runs the request's detector on every signal of a dataset (missing samples
 * dropped, indices mapped back to the grid) and keeps, per signal, the change points as grid
 * indices, the per-segment statistics, the penalty and noise scale used, BOCPD's change
 * probabilities and the CROPS path. The table and JSON writers read those results.
 * Ownership: segment_results owns everything it holds; segment_results_fini releases it.
 */
#ifndef DISRUPT_CLI_SEGMENT_REPORT_H
#define DISRUPT_CLI_SEGMENT_REPORT_H

#include <stdio.h>

#include "disrupt/core/error.h"
#include "disrupt/core/progress.h"
#include "disrupt/engine/segment.h"
#include "disrupt/ingest/series.h"

typedef struct {
    const disrupt_detector_type *method;   /* default PELT */
    disrupt_segment_options opt;
    const char *penalty_name;              /* "mbic", "bic", …, "manual" */
    int cost_given;                        /* --cost was given (else per signal type) */
    int standardize;
    int sigma_sd;                          /* sigma = the series' sd (z-scoring) */
    int crops;
    double crops_low, crops_high;
    const char *json;                      /* --json path or NULL */
    int quiet;                             /* --quiet: no progress bar */
} segment_request;

void segment_request_init(segment_request *r);

typedef struct {
    size_t start, end;      /* grid indices, end exclusive */
    size_t n;               /* finite points inside */
    double mean, sd;        /* of the values as read, the blocked share k/n for count signals
                               (sd with n − 1; 0 for one point) */
} segment_stats;

typedef struct {
    const disrupt_cost_type *cost;
    double penalty;          /* per change, as applied */
    double sigma;            /* noise scale the normal and l1 costs used; NAN for others */
    size_t used;             /* finite points segmented */
    int exact;               /* PELT: the exact optimum */
    size_t min_seg;          /* the shortest segment the method allowed; 0 for BOCPD */
    size_t *cp;              /* ncp grid indices */
    size_t ncp;
    segment_stats *segments; /* ncp + 1 */
    double *probability;     /* BOCPD: per grid point, NAN where missing; else NULL */
    disrupt_crops_path crops;   /* change points in finite-point indices; see crops_cp */
    size_t **crops_cp;          /* per CROPS entry, its change points as grid indices */
} segment_result;

typedef struct {
    segment_result *items;
    size_t count;
} segment_results;

void segment_results_init(segment_results *r);
void segment_results_fini(segment_results *r);

/* bar: progress by signal (drawn only when enabled). */
int segment_run_all(const segment_request *req, const disrupt_dataset *data,
                    segment_results *out, disrupt_progress *bar, disrupt_error *err);

void segment_print_table(FILE *out, const segment_request *req, const disrupt_dataset *data,
                         const segment_results *res);

typedef struct {
    const segment_request *req;
    const disrupt_dataset *data;
    const segment_results *res;
} segment_json_ctx;

/* workflow_writer for --json; ctx is a segment_json_ctx. */
int segment_write_json_cb(FILE *out, const void *ctx, disrupt_error *err);

#endif
