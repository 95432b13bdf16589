/* simulate.h — realistic SYNTHETIC measurement series with ground truth.
 *
 * A scenario (time range, step, local clock, signals, holidays, events) is turned into
 * series by a seeded GSL Mersenne Twister (gsl_rng_mt19937): the same scenario and seed give
 * the same values on every run, and every signal draws from its own sub-stream so that adding
 * a signal or an event to one signal leaves the others unchanged. The series are written in
 * the dialects analysts read (plain wide `time,<signal>…`, IODA dashboard export, OONI
 * aggregation counts) together with truth.json (the injected windows) and meta.json, every
 * file labelled as synthetic.
 *
 * Signal models (per sample, before events):
 *   traffic     level · trend · weekly · holiday · diurnal(local hour) · lognormal noise,
 *               rare outliers and rare collection gaps (missing samples);
 *   bgp         visible /24 prefixes: flat with a little jitter, drops only in shutdowns;
 *   probing     /24s answering active probes: a weak daily cycle, drops in shutdowns;
 *   throughput  Mbps: slower at the evening peak, drops in throttling and shutdowns;
 *   ooni        daily counts per domain: measurements vary (gamma-Poisson, sometimes 0),
 *               about blocked_share of them anomalous normally, most of them while blocked.
 * Events: shutdown (share 1 = national, < 1 = one network), throttling (step or ramp),
 * service blocking (OONI domains), nightly shutdowns (a window every night), partial
 * regional outage. Overlapping events multiply.
 *
 * Ownership: a scenario owns every string and array reachable from it (all copied in by the
 * _add_ functions); _free(NULL) is a no-op. Generated series and truth windows belong to
 * their container and are released with its _free/_fini.
 * Errors: DISRUPT_EINVAL for a scenario out of its domain (message names the field),
 * DISRUPT_ENOMEM, DISRUPT_EIO when writing, DISRUPT_EDATA for a bad --spec file (with
 * FILE:LINE:COL when the JSON parser gives one).
 * Complexity: generation is O(samples · (signals + events)); writing is linear.
 */
#ifndef DISRUPT_SIMULATE_H
#define DISRUPT_SIMULATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "disrupt/core/error.h"

typedef enum {
    DISRUPT_SIM_TRAFFIC = 0,
    DISRUPT_SIM_BGP,
    DISRUPT_SIM_PROBING,
    DISRUPT_SIM_THROUGHPUT,
    DISRUPT_SIM_OONI
} disrupt_sim_signal_type;

typedef enum {
    DISRUPT_SIM_PLAIN = 0,   /* time,<signal>…  ISO 8601 UTC "Z" times */
    DISRUPT_SIM_IODA,        /* Time (UTC),<legend title>…  "YYYY-MM-DD HH:MM:SS" */
    DISRUPT_SIM_OONI_CSV     /* measurement_start_day,domain,anomaly_count,… one domain */
} disrupt_sim_dialect;

typedef enum {
    DISRUPT_SIM_SHUTDOWN = 0,
    DISRUPT_SIM_THROTTLING,
    DISRUPT_SIM_BLOCKING,
    DISRUPT_SIM_NIGHTLY,     /* a shutdown every night from daily_start for daily_length */
    DISRUPT_SIM_REGIONAL     /* a partial outage: share of the signal goes dark */
} disrupt_sim_event_kind;

typedef struct {
    char *name;              /* column heading / signal name (the domain for OONI) */
    char *id;                /* set by _add_signal: the name `disrupt` reads it as (IODA
                                legend titles become "active-probing", "bgp", …) */
    char *file;              /* output file inside the output folder */
    disrupt_sim_signal_type type;
    disrupt_sim_dialect dialect;
    double level;            /* typical value in the signal's unit (OONI: measurements/day) */
    double diurnal_ratio;    /* daily peak / trough, 1 = flat */
    double peak_hour;        /* local hour of the daily peak */
    double weekend_factor;   /* weekend level relative to weekdays */
    double trend;            /* relative growth per year: 0.1 = +10 % a year */
    double noise;            /* sigma of the log-normal noise (BGP/probing: relative jitter) */
    double outlier_rate;     /* probability per sample of an outlier */
    double gap_rate;         /* probability per sample that a collection gap starts */
    double blocked_share;    /* OONI: anomalous share when nothing is blocked */
    int decimals;            /* digits printed after the point */
} disrupt_sim_signal;

typedef struct {
    disrupt_sim_event_kind kind;
    int64_t start, end;      /* UTC seconds, end exclusive (nightly: the range of nights) */
    double depth;            /* share of the affected part removed at full effect, 0..1 */
    double share;            /* part of the signal affected (one network, a region); 1 = all */
    int64_t ramp;            /* seconds to reach full depth; 0 = a step */
    int64_t daily_start;     /* nightly: seconds after 00:00 UTC when each night starts */
    int64_t daily_length;    /* nightly: seconds each night lasts */
    double blocked_share;    /* blocking: anomalous share of measurements while blocked */
    char **targets;          /* signal names affected; none = every signal the kind affects */
    size_t ntargets;
    char *label;             /* free text for truth.json */
} disrupt_sim_event;

typedef struct {
    int64_t start, end;      /* UTC seconds, end exclusive */
    double factor;           /* traffic level relative to a normal day */
    char *label;
} disrupt_sim_holiday;

typedef struct {
    char *name;              /* scenario name, e.g. "azerbaijan-2020" */
    char *title;             /* one line for meta.json */
    char *command;           /* generator command recorded in every file */
    int64_t start, end;      /* first sample, end exclusive */
    int64_t step;            /* seconds between samples (OONI signals are daily) */
    long utc_offset;         /* seconds east of UTC of the local clock that drives cycles */
    unsigned weekend_mask;   /* bit d set: weekday d (0 = Sunday) is a weekend day */
    unsigned long seed;
    disrupt_sim_signal *signals;
    size_t nsignals;
    disrupt_sim_event *events;
    size_t nevents;
    disrupt_sim_holiday *holidays;
    size_t nholidays;
} disrupt_sim_scenario;

/* Generated values of one signal. Level signals fill `values` (NaN = collection gap);
 * OONI signals fill the daily count arrays instead (values is NULL). */
typedef struct {
    size_t n;
    int64_t start, step;
    double *values;
    long *anomaly, *confirmed, *failure, *measured, *ok;
} disrupt_sim_series;

typedef struct {
    disrupt_sim_series *series;   /* one per scenario signal, same order */
    size_t nseries;
} disrupt_sim_output;

/* One injected window as seen by one signal. */
typedef struct {
    const char *signal;      /* the signal's id, borrowed from the scenario */
    const char *kind;        /* what a detector should call it: shutdown|throttling|blocking */
    const char *event;       /* what was injected: shutdown|throttling|blocking|nightly|regional */
    int64_t start, end;      /* end exclusive */
    double level;            /* expected ratio to normal at full effect (blocking: share) */
    const char *label;       /* borrowed */
} disrupt_sim_window;

typedef struct {
    disrupt_sim_window *windows;
    size_t n, cap;
} disrupt_sim_truth;

/* --- scenarios ------------------------------------------------------------------------- */

disrupt_sim_scenario *disrupt_sim_scenario_alloc(const char *name, int64_t start, int64_t end,
                                                 int64_t step, unsigned long seed);
void disrupt_sim_scenario_free(disrupt_sim_scenario *sc);
int disrupt_sim_scenario_set_text(disrupt_sim_scenario *sc, const char *title,
                                  const char *command, disrupt_error *err);
/* Defaults for a signal of the given type (level, cycles, noise) to adjust before adding. */
void disrupt_sim_signal_defaults(disrupt_sim_signal *s, disrupt_sim_signal_type type);
/* Copies s (and its strings) into the scenario. */
int disrupt_sim_scenario_add_signal(disrupt_sim_scenario *sc, const disrupt_sim_signal *s,
                                    disrupt_error *err);
/* Defaults: depth 1, share 1, no ramp, blocked_share 0.9, no targets. */
void disrupt_sim_event_defaults(disrupt_sim_event *e, disrupt_sim_event_kind kind,
                                int64_t start, int64_t end);
/* Copies e, its targets and label into the scenario. */
int disrupt_sim_scenario_add_event(disrupt_sim_scenario *sc, const disrupt_sim_event *e,
                                   disrupt_error *err);
int disrupt_sim_scenario_add_holiday(disrupt_sim_scenario *sc, int64_t start, int64_t end,
                                     double factor, const char *label, disrupt_error *err);
/* Checks ranges, names, targets and file/dialect consistency. */
int disrupt_sim_scenario_validate(const disrupt_sim_scenario *sc, disrupt_error *err);

/* Built-in scenarios: the bundled datasets. seed 0 = the scenario's own seed. */
int disrupt_sim_scenario_builtin(const char *name, unsigned long seed,
                                 disrupt_sim_scenario **out, disrupt_error *err);
/* Names of the built-in scenarios, NULL-terminated. */
const char *const *disrupt_sim_scenario_names(void);

/* Reads a JSON scenario description (see analyzer/simulate/simulate_spec.c for the fields). */
int disrupt_sim_scenario_from_json(const char *path, unsigned long seed, int seed_given,
                                   disrupt_sim_scenario **out, disrupt_error *err);
/* The same from an open stream (not closed); name is used in messages. */
int disrupt_sim_scenario_from_json_stream(FILE *stream, const char *name, unsigned long seed,
                                          int seed_given, disrupt_sim_scenario **out,
                                          disrupt_error *err);

/* A random scenario for the accuracy suite, varied by index (kinds, depths, noise, step). */
int disrupt_sim_scenario_random(unsigned long seed, size_t index, disrupt_sim_scenario **out,
                                disrupt_error *err);

/* --- generation ------------------------------------------------------------------------ */

/* Multiplier on the level of signal s at the instant t from every event (1 = untouched). */
double disrupt_sim_event_factor_at(const disrupt_sim_scenario *sc, size_t s, int64_t t);
/* Its mean over the sample [t, t + step) (OONI: the day), taken at the sub-sample times. */
double disrupt_sim_event_factor(const disrupt_sim_scenario *sc, size_t s, int64_t t);
/* Sub-samples per sample of `span` seconds: one per 5 minutes, 1 to 288. */
size_t disrupt_sim_subsamples(int64_t span);
/* Anomalous share of OONI measurements of signal s on the day starting at t. */
double disrupt_sim_blocked_share(const disrupt_sim_scenario *sc, size_t s, int64_t day);
/* 1 when event e acts on signal s. */
int disrupt_sim_event_affects(const disrupt_sim_scenario *sc, const disrupt_sim_event *e,
                              size_t s);
/* The normal (event-free, noise-free) level of signal s at time t. */
double disrupt_sim_signal_expected(const disrupt_sim_scenario *sc, size_t s, int64_t t);

int disrupt_sim_generate(const disrupt_sim_scenario *sc, disrupt_sim_output *out,
                         disrupt_error *err);
void disrupt_sim_output_fini(disrupt_sim_output *out);

/* The windows the scenario's events put into each signal, sorted by signal then start. */
int disrupt_sim_truth_build(const disrupt_sim_scenario *sc, disrupt_sim_truth *truth,
                            disrupt_error *err);
void disrupt_sim_truth_fini(disrupt_sim_truth *truth);

/* --- writing --------------------------------------------------------------------------- */

/* Writes every output file, truth.json and meta.json into dir (which must exist). */
int disrupt_sim_write_all(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                          const disrupt_sim_truth *truth, const char *dir, disrupt_error *err);
/* The writers behind it: signals idx[0..n) share one file of one dialect. */
int disrupt_sim_write_plain(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                            const size_t *idx, size_t n, const char *path, disrupt_error *err);
int disrupt_sim_write_ioda(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                           const size_t *idx, size_t n, const char *path, disrupt_error *err);
int disrupt_sim_write_ooni(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                           size_t s, const char *path, disrupt_error *err);
int disrupt_sim_write_truth(const disrupt_sim_scenario *sc, const disrupt_sim_truth *truth,
                            const char *path, disrupt_error *err);
int disrupt_sim_write_meta(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                           const char *path, disrupt_error *err);

const char *disrupt_sim_signal_type_name(disrupt_sim_signal_type t);
const char *disrupt_sim_event_kind_name(disrupt_sim_event_kind k);
const char *disrupt_sim_dialect_name(disrupt_sim_dialect d);

#endif
