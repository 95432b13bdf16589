/* segment.h — change-point detection.
 *
 * Detectors are type objects: disrupt_detector_pelt (exact, pruned; Killick, Fearnhead &
 * Eckley 2012), disrupt_detector_binseg, disrupt_detector_amoc (at most one change), and
 * disrupt_detector_bocpd (Adams & MacKay 2007, Normal-Gamma prior, constant hazard).
 *
 * Change points are 0-based indices of the first point of each new segment (R's cpts()).
 * Input must be finite: callers drop missing samples and map indices back.
 * Ownership: a disrupt_segmentation owns its arrays; disrupt_segmentation_fini releases them.
 * Complexity: PELT O(n · live candidates), a few dozen to a few hundred with any number of
 * changes (see optpart.c); binseg O(n log n) for few changes; AMOC O(n); BOCPD O(n · (active run lengths +
 * lag²)).
 */
#ifndef DISRUPT_SEGMENT_H
#define DISRUPT_SEGMENT_H

#include <stddef.h>

#include "disrupt/engine/cost.h"
#include "disrupt/core/error.h"

typedef enum {
    DISRUPT_PENALTY_MBIC = 0,
    DISRUPT_PENALTY_BIC,
    DISRUPT_PENALTY_AIC,
    DISRUPT_PENALTY_HQ,
    DISRUPT_PENALTY_MANUAL
} disrupt_penalty_kind;

typedef struct {
    const disrupt_cost_type *cost;   /* default disrupt_cost_normal_meanvar */
    disrupt_penalty_kind penalty;    /* default MBIC */
    double penalty_value;            /* MANUAL only */
    size_t min_seg;                  /* 0 = the cost's default */
    size_t max_cp;                   /* binseg: 0 = no limit beyond the penalty */
    double sigma;                    /* normal costs: noise scale; 0 = robust estimate */
    /* BOCPD */
    double hazard_lambda;            /* expected run length (default 250) */
    double prior_mu, prior_kappa, prior_alpha, prior_beta;
    double truncate;                 /* drop run lengths below this share of mass (1e-4) */
    double cp_threshold;             /* report a change where P(change) ≥ this (0.5) */
    int pelt_exact;                  /* PELT: 0 = exact (l1: within a budget, then the fast
                                        path); 1 = exact for l1 too, however long it takes;
                                        -1 = the fast path only (tests, benchmarks) */
    size_t bocpd_lag;                /* cp_probability[i] is judged on points up to i+lag-1 (10) */
} disrupt_segment_options;

void disrupt_segment_options_init(disrupt_segment_options *o);

typedef struct {
    size_t *cp;                /* ncp change points, ascending, each in [1, n-1] */
    size_t ncp;
    double cost;               /* total segment cost (without penalties) */
    double *cp_probability;    /* BOCPD: n posterior probabilities of a change at i; else NULL */
    int exact;                 /* PELT: 1 = the exact optimum; 0 = its fast path's local optimum */
} disrupt_segmentation;

void disrupt_segmentation_init(disrupt_segmentation *s);
void disrupt_segmentation_fini(disrupt_segmentation *s);

typedef struct disrupt_detector_type {
    const char *name;
    int (*run)(const double *x, const double *trials, size_t n,
               const disrupt_segment_options *opt, disrupt_segmentation *out,
               disrupt_error *err);
} disrupt_detector_type;

extern const disrupt_detector_type *disrupt_detector_pelt;
extern const disrupt_detector_type *disrupt_detector_binseg;
extern const disrupt_detector_type *disrupt_detector_amoc;
extern const disrupt_detector_type *disrupt_detector_bocpd;

const disrupt_detector_type *disrupt_detector_find(const char *name);

/* Penalty per change for n points (MBIC's per-segment log m term is applied by the
 * detectors, not included here). */
double disrupt_penalty_value(disrupt_penalty_kind kind, double manual, int diffparam, size_t n);

/* Runs `type` on x. On failure out is left empty. */
int disrupt_segment(const disrupt_detector_type *type, const double *x, const double *trials,
                    size_t n, const disrupt_segment_options *opt, disrupt_segmentation *out,
                    disrupt_error *err);

/* CROPS (Haynes, Eckley & Fearnhead 2017): every optimal segmentation for the penalties in
 * [penalty_min, penalty_max], with O(number of distinct segmentations) detector runs. The
 * penalty is a manual one (options.penalty is ignored; MBIC's log m term does not apply), and
 * the detector should be exact (PELT; AMOC) for the path to be the optimal one.
 * Entries are ordered by penalty: the most change points first. Each is optimal for penalties
 * in [penalty_min, penalty_max] (ties at the ends). The path owns its segmentations. */
typedef struct {
    double penalty_min, penalty_max;
    disrupt_segmentation seg;
} disrupt_crops_entry;

typedef struct {
    disrupt_crops_entry *items;
    size_t count, capacity;
    size_t runs;               /* detector runs it took */
} disrupt_crops_path;

void disrupt_crops_path_init(disrupt_crops_path *p);
void disrupt_crops_path_fini(disrupt_crops_path *p);
int disrupt_crops(const disrupt_detector_type *type, const double *x, const double *trials,
                  size_t n, const disrupt_segment_options *opt, double penalty_min,
                  double penalty_max, disrupt_crops_path *out, disrupt_error *err);

#endif
