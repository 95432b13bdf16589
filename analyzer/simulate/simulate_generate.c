/* simulate_generate.c — drawing the simulated series from a seeded GSL RNG (see simulate.h).
 *
 * A master gsl_rng_mt19937 seeded with the scenario seed hands one seed to each signal, in
 * signal order, so each signal has its own stream. A level signal makes the same draws for
 * every sample whatever its events, rates and levels: the same seed with and without an
 * event gives the same noise (the ratio of the two series is exactly the event's
 * multiplier), and raising the outlier or gap rate adds outliers or gaps to the same noise. */
#include "disrupt/simulate/simulate.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GAP_SECONDS (6 * 3600)   /* a collection gap lasts up to 6 hours, or 1 sample */

static int64_t floor_day(int64_t t)
{
    return (t >= 0 ? t / 86400 : (t - 86399) / 86400) * 86400;
}

static void series_fini(disrupt_sim_series *s)
{
    free(s->values);
    free(s->anomaly);
    free(s->confirmed);
    free(s->failure);
    free(s->measured);
    free(s->ok);
    memset(s, 0, sizeof *s);
}

void disrupt_sim_output_fini(disrupt_sim_output *out)
{
    if (!out)
        return;
    for (size_t i = 0; i < out->nseries; i++)
        series_fini(&out->series[i]);
    free(out->series);
    out->series = NULL;
    out->nseries = 0;
}

/* An outlier factor from two uniforms: mostly spikes, sometimes dips. */
static double outlier(double u_direction, double u_size)
{
    return u_direction < 0.7 ? 1.5 + u_size : 0.6 + 0.2 * u_size;
}

/* Mean of the normal level times the event multiplier over [t, t + step): a sample is the
 * volume of its interval, so a daily sample carries no diurnal phase. */
static double sample_level(const disrupt_sim_scenario *sc, size_t i, int64_t t, int64_t step)
{
    size_t k = disrupt_sim_subsamples(step);
    double sum = 0.0;
    for (size_t j = 0; j < k; j++) {
        int64_t tau = t + (step * (int64_t)j) / (int64_t)k;
        sum += disrupt_sim_signal_expected(sc, i, tau) * disrupt_sim_event_factor_at(sc, i, tau);
    }
    return sum / (double)k;
}

static void generate_level(const disrupt_sim_scenario *sc, size_t i, gsl_rng *r,
                           disrupt_sim_series *out)
{
    const disrupt_sim_signal *s = &sc->signals[i];
    size_t gap_left = 0;
    unsigned long max_gap = out->step < MAX_GAP_SECONDS ? (unsigned long)(MAX_GAP_SECONDS / out->step) : 1;
    for (size_t k = 0; k < out->n; k++) {
        int64_t t = out->start + (int64_t)k * out->step;
        /* The same draws for every sample, whatever the events and rates: see the file
         * comment. */
        double z = gsl_ran_gaussian_ziggurat(r, 1.0);
        double u_outlier = gsl_rng_uniform(r);
        double u_direction = gsl_rng_uniform(r);
        double u_size = gsl_rng_uniform(r);
        double u_gap = gsl_rng_uniform(r);
        unsigned long gap_length = 1 + gsl_rng_uniform_int(r, max_gap);
        double bump = u_outlier < s->outlier_rate ? outlier(u_direction, u_size) : 1.0;
        if (gap_left == 0 && u_gap < s->gap_rate)
            gap_left = gap_length;
        double v = sample_level(sc, i, t, out->step);
        if (s->type == DISRUPT_SIM_BGP || s->type == DISRUPT_SIM_PROBING) {
            v = round(v * (1.0 + s->noise * z) * bump);   /* counts of /24s */
            if (v < 0)
                v = 0;
        } else {
            v *= exp(s->noise * z) * bump;
        }
        if (gap_left > 0) {
            v = NAN;   /* a collection gap, not a shutdown */
            gap_left--;
        }
        out->values[k] = v;
    }
}

static void generate_counts(const disrupt_sim_scenario *sc, size_t i, gsl_rng *r,
                            disrupt_sim_series *out)
{
    const double shape = 2.0;       /* day-to-day spread of measurement volume */
    const double failure_rate = 0.01;
    const double confirmed_rate = 0.05;
    for (size_t k = 0; k < out->n; k++) {
        int64_t day = out->start + (int64_t)k * 86400;
        double mean = disrupt_sim_signal_expected(sc, i, day) * disrupt_sim_event_factor(sc, i, day);
        double lambda = mean > 0 ? gsl_ran_gamma(r, shape, mean / shape) : 0.0;
        long n = (long)gsl_ran_poisson(r, lambda);
        long failed = (long)gsl_ran_binomial(r, failure_rate, (unsigned)n);
        long blocked = (long)gsl_ran_binomial(r, disrupt_sim_blocked_share(sc, i, day),
                                              (unsigned)(n - failed));
        long confirmed = (long)gsl_ran_binomial(r, confirmed_rate, (unsigned)blocked);
        out->measured[k] = n;
        out->failure[k] = failed;
        out->confirmed[k] = confirmed;
        out->anomaly[k] = blocked - confirmed;
        out->ok[k] = n - failed - blocked;
    }
}

static int alloc_series(const disrupt_sim_scenario *sc, size_t i, disrupt_sim_series *s)
{
    memset(s, 0, sizeof *s);
    if (sc->signals[i].type == DISRUPT_SIM_OONI) {
        s->start = floor_day(sc->start);
        s->step = 86400;
        s->n = (size_t)((sc->end - s->start + 86399) / 86400);
        long **arrays[] = {&s->anomaly, &s->confirmed, &s->failure, &s->measured, &s->ok};
        for (size_t a = 0; a < 5; a++)
            if (!(*arrays[a] = calloc(s->n, sizeof(long))))
                return -1;
        return 0;
    }
    s->start = sc->start;
    s->step = sc->step;
    s->n = (size_t)((sc->end - sc->start + sc->step - 1) / sc->step);
    s->values = calloc(s->n, sizeof *s->values);
    return s->values ? 0 : -1;
}

int disrupt_sim_generate(const disrupt_sim_scenario *sc, disrupt_sim_output *out,
                         disrupt_error *err)
{
    out->series = NULL;
    out->nseries = 0;
    int rc = disrupt_sim_scenario_validate(sc, err);
    if (rc)
        return rc;
    gsl_rng *master = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    out->series = calloc(sc->nsignals, sizeof *out->series);
    if (!master || !r || !out->series) {
        rc = disrupt_error_nomem(err);
        goto cleanup;
    }
    out->nseries = sc->nsignals;
    gsl_rng_set(master, sc->seed);
    for (size_t i = 0; i < sc->nsignals; i++) {
        gsl_rng_set(r, gsl_rng_get(master));
        if (alloc_series(sc, i, &out->series[i]) != 0) {
            rc = disrupt_error_nomem(err);
            goto cleanup;
        }
        if (sc->signals[i].type == DISRUPT_SIM_OONI)
            generate_counts(sc, i, r, &out->series[i]);
        else
            generate_level(sc, i, r, &out->series[i]);
    }
cleanup:
    if (rc)
        disrupt_sim_output_fini(out);
    gsl_rng_free(master);
    gsl_rng_free(r);
    return rc;
}
