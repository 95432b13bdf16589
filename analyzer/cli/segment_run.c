/* segment_run.c — `disrupt segment` per signal: prepare the values, run, map back, describe. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "segment_report.h"

void segment_request_init(segment_request *r)
{
    memset(r, 0, sizeof *r);
    r->method = disrupt_detector_pelt;
    disrupt_segment_options_init(&r->opt);
    r->penalty_name = "mbic";
    /* R's changepoint defaults on z-scored data, as the published benchmarks ran them:
     * cpt.mean (unit variance after scaling by the series' sd), MBIC, BinSeg Q = 5. */
    r->opt.cost = disrupt_cost_normal_mean;
    r->opt.max_cp = 5;
    r->sigma_sd = 1;
}

void segment_results_init(segment_results *r)
{
    memset(r, 0, sizeof *r);
}

static void result_fini(segment_result *r)
{
    free(r->cp);
    free(r->segments);
    free(r->probability);
    if (r->crops_cp)
        for (size_t i = 0; i < r->crops.count; i++)
            free(r->crops_cp[i]);
    free(r->crops_cp);
    disrupt_crops_path_fini(&r->crops);
}

void segment_results_fini(segment_results *r)
{
    for (size_t i = 0; i < r->count; i++)
        result_fini(&r->items[i]);
    free(r->items);
    memset(r, 0, sizeof *r);
}

static int is_count_cost(const disrupt_cost_type *c)
{
    return c == disrupt_cost_binomial || c == disrupt_cost_poisson;
}

/* The values the detector sees: finite samples (the blocked share of count signals for the
 * Normal and l1 costs), their grid indices, and the trials for the binomial cost. */
typedef struct {
    double *x, *trials;
    size_t *index;
    size_t m;
} prepared;

static void prepared_free(prepared *p)
{
    free(p->x);
    free(p->trials);
    free(p->index);
}

static int prepare(const disrupt_series *s, const disrupt_cost_type *cost, int standardize,
                   prepared *p, disrupt_error *err)
{
    memset(p, 0, sizeof *p);
    size_t n = s->n ? s->n : 1;
    if (n > SIZE_MAX / sizeof(double))
        return disrupt_error_nomem(err);
    p->x = malloc(n * sizeof *p->x);
    p->index = malloc(n * sizeof *p->index);
    if (cost == disrupt_cost_binomial)
        p->trials = malloc(n * sizeof *p->trials);
    if (!p->x || !p->index || (cost == disrupt_cost_binomial && !p->trials)) {
        prepared_free(p);
        return disrupt_error_nomem(err);
    }
    int counts = s->type == DISRUPT_SIGNAL_COUNTS;
    for (size_t i = 0; i < s->n; i++) {
        double v = s->value[i];
        if (counts && !is_count_cost(cost))
            v = s->trials[i] > 0 ? v / s->trials[i] : NAN;
        if (!isfinite(v))
            continue;
        if (p->trials)
            p->trials[p->m] = s->trials[i];
        p->x[p->m] = v;
        p->index[p->m++] = i;
    }
    if (standardize && p->m > 1) {
        double mean = 0, ss = 0;
        for (size_t i = 0; i < p->m; i++)
            mean += p->x[i];
        mean /= (double)p->m;
        for (size_t i = 0; i < p->m; i++)
            ss += (p->x[i] - mean) * (p->x[i] - mean);
        double sd = sqrt(ss / (double)(p->m - 1));
        for (size_t i = 0; i < p->m; i++)
            p->x[i] = sd > 0 ? (p->x[i] - mean) / sd : p->x[i] - mean;
    }
    return 0;
}

/* Statistics of the values as read (not standardised; the blocked share k/n of count
 * signals), per segment of the grid. */
static void describe(const disrupt_series *s, const size_t *cp, size_t ncp, segment_stats *seg)
{
    for (size_t k = 0; k <= ncp; k++) {
        segment_stats *st = &seg[k];
        st->start = k ? cp[k - 1] : 0;
        st->end = k < ncp ? cp[k] : s->n;
        double mean = 0, m2 = 0;
        size_t n = 0;
        for (size_t i = st->start; i < st->end; i++) {
            double v = s->value[i];
            if (s->type == DISRUPT_SIGNAL_COUNTS)
                v = s->trials[i] > 0 ? v / s->trials[i] : NAN;
            if (!isfinite(v))
                continue;
            n++; /* Welford: stable for long segments with a large level */
            double d = v - mean;
            mean += d / (double)n;
            m2 += d * (v - mean);
        }
        st->n = n;
        st->mean = n ? mean : NAN;
        st->sd = n > 1 ? sqrt(m2 / (double)(n - 1)) : n ? 0.0 : NAN;
    }
}

static int map_back(const size_t *local, size_t ncp, const size_t *index, size_t **out,
                    disrupt_error *err)
{
    *out = malloc((ncp ? ncp : 1) * sizeof **out);
    if (!*out)
        return disrupt_error_nomem(err);
    for (size_t k = 0; k < ncp; k++)
        (*out)[k] = index[local[k]];
    return 0;
}

static int run_crops(const segment_request *req, const disrupt_segment_options *opt,
                     const prepared *p, segment_result *r, disrupt_error *err)
{
    int rc = disrupt_crops(req->method, p->x, p->trials, p->m, opt, req->crops_low,
                           req->crops_high, &r->crops, err);
    if (rc)
        return rc;
    r->crops_cp = calloc(r->crops.count ? r->crops.count : 1, sizeof *r->crops_cp);
    if (!r->crops_cp)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < r->crops.count && !rc; i++)
        rc = map_back(r->crops.items[i].seg.cp, r->crops.items[i].seg.ncp, p->index,
                      &r->crops_cp[i], err);
    return rc;
}

/* Sample sd of x (1.0 when it is zero or undefined, as for a constant series). */
static double series_sd(const double *x, size_t m)
{
    double mean = 0, m2 = 0;
    for (size_t i = 0; i < m; i++) {
        double d = x[i] - mean;
        mean += d / (double)(i + 1);
        m2 += d * (x[i] - mean);
    }
    double sd = m > 1 ? sqrt(m2 / (double)(m - 1)) : 0;
    return sd > 0 && isfinite(sd) ? sd : 1.0;
}

static int run_signal(const segment_request *req, const disrupt_series *s, segment_result *r,
                      disrupt_error *err)
{
    disrupt_segment_options opt = req->opt;
    int counts = s->type == DISRUPT_SIGNAL_COUNTS;
    if (!req->cost_given)
        opt.cost = counts && req->method != disrupt_detector_bocpd ? disrupt_cost_binomial
                                                                   : disrupt_cost_normal_mean;
    if (opt.cost == disrupt_cost_binomial && !counts)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "signal '%s': the binomial cost needs a count signal (k of n "
                                 "per step, as OONI files give)",
                                 s->name);
    r->cost = opt.cost;
    r->min_seg = req->method == disrupt_detector_bocpd ? 0
                 : opt.min_seg                         ? opt.min_seg
                                                       : opt.cost->default_min_seg;
    prepared p;
    int rc = prepare(s, opt.cost, req->standardize, &p, err);
    if (rc)
        return rc;
    r->used = p.m;
    r->sigma = NAN;
    if (!is_count_cost(opt.cost)) {
        if (opt.sigma == 0)
            opt.sigma = req->sigma_sd ? series_sd(p.x, p.m) : disrupt_robust_sd(p.x, p.m);
        r->sigma = opt.sigma;
    }
    r->penalty = disrupt_penalty_value(opt.penalty, opt.penalty_value, opt.cost->diffparam, p.m);

    disrupt_segmentation seg;
    rc = disrupt_segment(req->method, p.x, p.trials, p.m, &opt, &seg, err);
    if (rc)
        goto cleanup;
    r->exact = seg.exact;
    r->ncp = seg.ncp;
    r->segments = malloc((seg.ncp + 1) * sizeof *r->segments);
    rc = r->segments ? map_back(seg.cp, seg.ncp, p.index, &r->cp, err) : disrupt_error_nomem(err);
    if (!rc) {
        describe(s, r->cp, r->ncp, r->segments);
        if (seg.cp_probability) {
            r->probability = malloc((s->n ? s->n : 1) * sizeof *r->probability);
            if (!r->probability)
                rc = disrupt_error_nomem(err);
            for (size_t i = 0; !rc && i < s->n; i++)
                r->probability[i] = NAN;
            for (size_t j = 0; !rc && j < p.m; j++)
                r->probability[p.index[j]] = seg.cp_probability[j];
        }
    }
    disrupt_segmentation_fini(&seg);
    if (!rc && req->crops)
        rc = run_crops(req, &opt, &p, r, err);

cleanup:
    prepared_free(&p);
    return rc;
}

int segment_run_all(const segment_request *req, const disrupt_dataset *data,
                    segment_results *out, disrupt_progress *bar, disrupt_error *err)
{
    segment_results_init(out);
    disrupt_progress_start(bar, "segment", "signals", data->count);
    out->items = calloc(data->count ? data->count : 1, sizeof *out->items);
    if (!out->items)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < data->count; i++) {
        out->count = i + 1;
        int rc = run_signal(req, data->series[i], &out->items[i], err);
        if (rc) {
            char inner[sizeof err->message];
            memcpy(inner, err->message, sizeof inner);
            if (!strstr(inner, "signal '"))
                disrupt_error_set(err, rc, "signal '%s': %s", data->series[i]->name, inner);
            return rc;
        }
        disrupt_progress_update(bar, i + 1);
    }
    disrupt_progress_finish(bar);
    return 0;
}
