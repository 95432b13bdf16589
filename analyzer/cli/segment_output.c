/* segment_output.c — `disrupt segment`'s table (for people) and JSON (for programs). */
#include <math.h>
#include <string.h>

#include "segment_report.h"
#include "disrupt/core/jsonw.h"
#include "disrupt/core/timefmt.h"

/* More change points than this are only counted on the summary line (the table has all). */
#define MAX_LISTED 8

static void print_penalty(FILE *out, const segment_request *req, const segment_result *r)
{
    if (req->method == disrupt_detector_bocpd)
        fprintf(out, "hazard 1/%g, threshold %g, lag %zu", req->opt.hazard_lambda,
                req->opt.cp_threshold, req->opt.bocpd_lag);
    else if (req->crops)
        fprintf(out, "CROPS penalties %g..%g", req->crops_low, req->crops_high);
    else
        fprintf(out, "%s penalty %.4g", req->penalty_name, r->penalty);
    if (isfinite(r->sigma))
        fprintf(out, ", sigma %.4g", r->sigma);
}

/* Grid position i as the table shows it: its time, or its index on an indexed series. */
static void position_text(const disrupt_series *s, size_t i, char *out, size_t outsz)
{
    if (s->indexed)
        snprintf(out, outsz, "%lld", (long long)disrupt_series_time(s, i));
    else
        disrupt_time_iso(disrupt_series_time(s, i), out, outsz);
}

static void write_position(disrupt_jsonw *w, const disrupt_series *s, size_t i)
{
    if (s->indexed)
        disrupt_jsonw_integer(w, (long long)disrupt_series_time(s, i));
    else
        disrupt_jsonw_time(w, disrupt_series_time(s, i));
}

static void print_segments(FILE *out, const disrupt_series *s, const segment_result *r)
{
    char t0[DISRUPT_ISO_LEN], t1[DISRUPT_ISO_LEN];
    fprintf(out, "  %-4s %-9s %-21s %-21s %8s %12s %12s%s\n", "seg", "start",
            s->indexed ? "start index" : "start time",
            s->indexed ? "end index (excl.)" : "end time (excl.)", "n", "mean", "sd", r->probability ? "   P(change)" : "");
    for (size_t k = 0; k <= r->ncp; k++) {
        const segment_stats *st = &r->segments[k];
        position_text(s, st->start, t0, sizeof t0);
        position_text(s, st->end, t1, sizeof t1);
        fprintf(out, "  %-4zu %-9zu %-21s %-21s %8zu %12.5g %12.5g", k + 1, st->start, t0, t1,
                st->n, st->mean, st->sd);
        if (r->probability && k > 0)
            fprintf(out, "   %10.3f", r->probability[st->start]);
        fputc('\n', out);
    }
}

static void print_crops(FILE *out, const segment_result *r)
{
    fprintf(out, "  CROPS path: %zu segmentations (%zu runs)\n", r->crops.count, r->crops.runs);
    fprintf(out, "  %-23s %7s %14s  %s\n", "penalty", "changes", "cost", "change points");
    for (size_t i = 0; i < r->crops.count; i++) {
        const disrupt_crops_entry *e = &r->crops.items[i];
        char range[64];
        snprintf(range, sizeof range, "%.4g..%.4g", e->penalty_min, e->penalty_max);
        fprintf(out, "  %-23s %7zu %14.6g ", range, e->seg.ncp, e->seg.cost);
        for (size_t k = 0; k < e->seg.ncp && k < 12; k++)
            fprintf(out, " %zu", r->crops_cp[i][k]);
        if (e->seg.ncp > 12)
            fprintf(out, " … (%zu more)", e->seg.ncp - 12);
        fputc('\n', out);
    }
}

void segment_print_table(FILE *out, const segment_request *req, const disrupt_dataset *data,
                         const segment_results *res)
{
    for (size_t i = 0; i < res->count; i++) {
        const disrupt_series *s = data->series[i];
        const segment_result *r = &res->items[i];
        if (i)
            fputc('\n', out);
        fprintf(out, "%s%s%s%s: %zu points, %zu missing%s\n", s->name, s->file ? " (" : "",
                s->file ? s->file : "", s->file ? ")" : "", s->n, s->n - r->used,
                s->synthetic ? " [SYNTHETIC]" : "");
        fprintf(out, "  %s, %s cost, ", req->method->name, r->cost->name);
        print_penalty(out, req, r);
        fprintf(out, "%s\n", req->method == disrupt_detector_pelt && !r->exact
                                 ? " (fast path: a local optimum; --exact for the optimum)"
                                 : "");
        fprintf(out, "  %zu change point%s", r->ncp, r->ncp == 1 ? "" : "s");
        for (size_t k = 0; k < r->ncp && r->ncp <= MAX_LISTED; k++) {
            char t[DISRUPT_ISO_LEN];
            position_text(s, r->cp[k], t, sizeof t);
            fprintf(out, "%s %zu (%s)", k ? "," : ":", r->cp[k], t);
        }
        fputc('\n', out);
        print_segments(out, s, r);
        if (req->crops)
            print_crops(out, r);
    }
}

static void write_index_array(disrupt_jsonw *w, const size_t *cp, size_t ncp)
{
    disrupt_jsonw_inline_array_begin(w);
    for (size_t k = 0; k < ncp; k++)
        disrupt_jsonw_integer(w, (long long)cp[k]);
    disrupt_jsonw_array_end(w);
}

static void write_segments(disrupt_jsonw *w, const disrupt_series *s, const segment_result *r)
{
    disrupt_jsonw_array_begin(w);
    for (size_t k = 0; k <= r->ncp; k++) {
        const segment_stats *st = &r->segments[k];
        disrupt_jsonw_object_begin(w);
        disrupt_jsonw_key(w, "start");
        disrupt_jsonw_integer(w, (long long)st->start);
        disrupt_jsonw_key(w, "end");
        disrupt_jsonw_integer(w, (long long)st->end);
        disrupt_jsonw_key(w, "start_time");
        write_position(w, s, st->start);
        disrupt_jsonw_key(w, "end_time");
        write_position(w, s, st->end);
        disrupt_jsonw_key(w, "n");
        disrupt_jsonw_integer(w, (long long)st->n);
        disrupt_jsonw_key(w, "mean");
        disrupt_jsonw_number_prec(w, st->mean, 8);
        disrupt_jsonw_key(w, "sd");
        disrupt_jsonw_number_prec(w, st->sd, 8);
        disrupt_jsonw_object_end(w);
    }
    disrupt_jsonw_array_end(w);
}

static void write_crops(disrupt_jsonw *w, const segment_result *r)
{
    disrupt_jsonw_array_begin(w);
    for (size_t i = 0; i < r->crops.count; i++) {
        const disrupt_crops_entry *e = &r->crops.items[i];
        disrupt_jsonw_object_begin(w);
        disrupt_jsonw_key(w, "penalty_min");
        disrupt_jsonw_number_prec(w, e->penalty_min, 10);
        disrupt_jsonw_key(w, "penalty_max");
        disrupt_jsonw_number_prec(w, e->penalty_max, 10);
        disrupt_jsonw_key(w, "cost");
        disrupt_jsonw_number_prec(w, e->seg.cost, 12);
        disrupt_jsonw_key(w, "changepoints");
        write_index_array(w, r->crops_cp[i], e->seg.ncp);
        disrupt_jsonw_object_end(w);
    }
    disrupt_jsonw_array_end(w);
}

static void write_signal(disrupt_jsonw *w, const segment_request *req, const disrupt_series *s,
                         const segment_result *r)
{
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "name");
    disrupt_jsonw_string(w, s->name);
    disrupt_jsonw_key(w, "file");
    if (s->file)
        disrupt_jsonw_string(w, s->file);
    else
        disrupt_jsonw_null(w);
    /* An indexed series (ingest.h) gives its index where others give times. */
    disrupt_jsonw_key(w, "axis");
    disrupt_jsonw_string(w, s->indexed ? "index" : "time");
    disrupt_jsonw_key(w, s->indexed ? "step" : "step_seconds");
    disrupt_jsonw_integer(w, (long long)s->step);
    disrupt_jsonw_key(w, "start");
    write_position(w, s, 0);
    disrupt_jsonw_key(w, "end");
    write_position(w, s, s->n ? s->n - 1 : 0);
    disrupt_jsonw_key(w, "points");
    disrupt_jsonw_integer(w, (long long)s->n);
    disrupt_jsonw_key(w, "missing");
    disrupt_jsonw_integer(w, (long long)(s->n - r->used));
    disrupt_jsonw_key(w, "synthetic");
    disrupt_jsonw_bool(w, s->synthetic);
    disrupt_jsonw_key(w, "cost");
    disrupt_jsonw_string(w, r->cost->name);
    disrupt_jsonw_key(w, "penalty_value");
    disrupt_jsonw_number_prec(w, r->penalty, 10);
    disrupt_jsonw_key(w, "sigma");
    disrupt_jsonw_number_prec(w, r->sigma, 8);
    if (req->method == disrupt_detector_pelt) {
        disrupt_jsonw_key(w, "exact");
        disrupt_jsonw_bool(w, r->exact);
    }
    disrupt_jsonw_key(w, "min_seg");
    if (r->min_seg)
        disrupt_jsonw_integer(w, (long long)r->min_seg);
    else
        disrupt_jsonw_null(w);
    disrupt_jsonw_key(w, "changepoints");
    write_index_array(w, r->cp, r->ncp);
    disrupt_jsonw_key(w, "changepoint_times");
    disrupt_jsonw_inline_array_begin(w);
    for (size_t k = 0; k < r->ncp; k++)
        write_position(w, s, r->cp[k]);
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_key(w, "segments");
    write_segments(w, s, r);
    if (r->probability) {
        disrupt_jsonw_key(w, "cp_probability");
        disrupt_jsonw_inline_array_begin(w);
        for (size_t i = 0; i < s->n; i++)
            disrupt_jsonw_number_prec(w, r->probability[i], 6);
        disrupt_jsonw_array_end(w);
    }
    if (req->crops) {
        disrupt_jsonw_key(w, "crops");
        write_crops(w, r);
    }
    disrupt_jsonw_object_end(w);
}

int segment_write_json_cb(FILE *out, const void *ctx, disrupt_error *err)
{
    (void)err;
    const segment_json_ctx *c = ctx;
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, out);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_versions(&w);
    disrupt_jsonw_key(&w, "method");
    disrupt_jsonw_string(&w, c->req->method->name);
    disrupt_jsonw_key(&w, "penalty");
    disrupt_jsonw_string(&w, c->req->crops ? "crops" : c->req->penalty_name);
    /* The shortest segment allowed, as applied (each cost has its default); null when the
     * signals differ (their own min_seg says) or for BOCPD, which has none. */
    size_t min_seg = c->res->count ? c->res->items[0].min_seg : 0;
    for (size_t i = 1; i < c->res->count; i++)
        if (c->res->items[i].min_seg != min_seg)
            min_seg = 0;
    disrupt_jsonw_key(&w, "min_seg");
    if (min_seg)
        disrupt_jsonw_integer(&w, (long long)min_seg);
    else
        disrupt_jsonw_null(&w);
    disrupt_jsonw_key(&w, "standardized");
    disrupt_jsonw_bool(&w, c->req->standardize);
    disrupt_jsonw_key(&w, "signals");
    disrupt_jsonw_array_begin(&w);
    for (size_t i = 0; i < c->res->count; i++)
        write_signal(&w, c->req, c->data->series[i], &c->res->items[i]);
    disrupt_jsonw_array_end(&w);
    disrupt_jsonw_object_end(&w);
    disrupt_jsonw_finish(&w);
    return 0;
}
