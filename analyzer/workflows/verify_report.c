/* verify_report.c — verdicts as a table, JSON, CSV and Markdown. */
#include "disrupt/workflows/verify_report.h"

#include <stdlib.h>
#include <string.h>

#include "disrupt/core/csvw.h"
#include "disrupt/core/jsonw.h"
#include "disrupt/workflows/report.h"
#include "disrupt/core/timefmt.h"

#define DETAIL_LEN 256

static const disrupt_window *matched(const disrupt_verify_report *r, const disrupt_verification *v)
{
    (void)r;
    return v->has_window ? &v->match : NULL;
}

static const char *kind_agreement_name(disrupt_kind_agreement k)
{
    return k == DISRUPT_KIND_AGREES ? "agrees" : k == DISRUPT_KIND_DIFFERS ? "differs" : "not stated";
}

/* "2020-09-27 00:00 (−2h/+1h)" */
/* "2020-09-27 00:00 (-1h/+2h)"; a side cut off by the edge of the data is '?', as detect
 * prints it. */
static void time_with_ci(int64_t t, int64_t lo, int64_t hi, int open_low, int open_high,
                         const char *tz, char *out, size_t outsz)
{
    char when[40], before[24], after[24];
    disrupt_time_format(t, tz, "%Y-%m-%d %H:%M", when, sizeof when);
    disrupt_verify_duration(t - lo, before, sizeof before);
    disrupt_verify_duration(hi - t, after, sizeof after);
    snprintf(out, outsz, "%s (-%s/+%s)", when, open_low ? "?" : before, open_high ? "?" : after);
}

static void supporters(FILE *out, const disrupt_verify_report *r, const disrupt_verification *v,
                       const char *sep)
{
    for (size_t k = 0; k < v->nsignals; k++)
        fprintf(out, "%s%s", k ? sep : "", r->data->series[v->signals[k]]->name);
}

static void claim_block(FILE *out, const disrupt_verify_report *r, size_t i, const char *tz)
{
    const disrupt_claim *c = &r->claims->items[i];
    const disrupt_verification *v = &r->result->items[i];
    const disrupt_window *w = matched(r, v);
    char a[128], b[128], dur[24], kinds[64], detail[DETAIL_LEN];
    fprintf(out, "[%zu] %s (%s:%ld)\n", i + 1, c->label, r->claims_path ? r->claims_path : "claims",
            c->line);
    disrupt_time_format(c->start, tz, "%Y-%m-%d %H:%M", a, sizeof a);
    disrupt_time_format(c->end, tz, "%Y-%m-%d %H:%M", b, sizeof b);
    disrupt_verify_duration(c->end - c->start, dur, sizeof dur);
    disrupt_kind_set_format(c->kinds, kinds, sizeof kinds);
    fprintf(out, "    claimed   %s – %s  %s  %s  %s\n", a, b, dur, kinds[0] ? kinds : "any kind",
            c->signal ? c->signal : "any signal");
    if (w) {
        time_with_ci(w->start, w->start_lo, w->start_hi, w->start_censored, 0, tz, a, sizeof a);
        time_with_ci(w->end, w->end_lo, w->end_hi, 0, w->end_censored, tz, b, sizeof b);
        disrupt_verify_duration(w->end - w->start, dur, sizeof dur);
        fprintf(out, "    detected  %s – %s  %s  %s  %s, level %.0f%%", a, b, dur,
                disrupt_window_kind_name(w->kind), r->data->series[w->signal]->name,
                100 * w->level);
        if (v->chained > 1)
            fprintf(out, " (%zu adjoining windows)", v->chained);
        fputc('\n', out);
    } else {
        fprintf(out, "    detected  nothing\n");
    }
    disrupt_verify_describe(v, detail, sizeof detail);
    fprintf(out, "    verdict   %s: %s", disrupt_verdict_name(v->verdict), detail);
    if (w && c->kinds && v->verdict != DISRUPT_VERDICT_KIND_DIFFERS)
        fprintf(out, "; kind %s", kind_agreement_name(v->kind));
    if (v->nsignals) {
        fputs("; shown by ", out);
        supporters(out, r, v, ", ");
    }
    fputs("\n\n", out);
}

int disrupt_verify_report_table(FILE *out, const disrupt_verify_report *r, const char *tz,
                                disrupt_error *err)
{
    size_t count[6] = {0};
    for (size_t i = 0; i < r->result->count; i++) {
        claim_block(out, r, i, tz);
        count[r->result->items[i].verdict]++;
    }
    fprintf(out, "%zu claims: %zu supported, %zu kind differs, %zu dates differ, %zu partly "
                 "supported, %zu not supported, %zu no data.\n",
            r->result->count, count[0], count[1], count[2], count[3], count[4], count[5]);
    char tol[24];
    disrupt_verify_duration(r->options->tolerance, tol, sizeof tol);
    fprintf(out, "Times in %s; ends are exclusive; intervals are 95%% confidence intervals of the "
                 "detected boundaries, widened by the tolerance (%s) when judging.\n",
            tz ? tz : "UTC", tol);
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write the table");
    return DISRUPT_OK;
}

static void json_kinds(disrupt_jsonw *w, disrupt_kind_set set)
{
    disrupt_jsonw_inline_array_begin(w);
    for (int k = 0; k < DISRUPT_NKINDS; k++)
        if (set & DISRUPT_KIND_BIT(k))
            disrupt_jsonw_string(w, disrupt_window_kind_name((disrupt_window_kind)k));
    disrupt_jsonw_array_end(w);
}

static void json_claim(disrupt_jsonw *w, const disrupt_verify_report *r, size_t i)
{
    const disrupt_claim *c = &r->claims->items[i];
    const disrupt_verification *v = &r->result->items[i];
    const disrupt_window *x = matched(r, v);
    char detail[DETAIL_LEN];
    disrupt_verify_describe(v, detail, sizeof detail);
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "label");
    disrupt_jsonw_string(w, c->label);
    disrupt_jsonw_key(w, "line");
    disrupt_jsonw_integer(w, c->line);
    disrupt_jsonw_key(w, "start");
    disrupt_jsonw_time(w, c->start);
    disrupt_jsonw_key(w, "end");
    disrupt_jsonw_time(w, c->end);
    disrupt_jsonw_key(w, "duration_days");
    disrupt_jsonw_number_prec(w, (double)(c->end - c->start) / 86400.0, 6);
    disrupt_jsonw_key(w, "kinds");
    json_kinds(w, c->kinds);
    disrupt_jsonw_key(w, "signal");
    if (c->signal)
        disrupt_jsonw_string(w, c->signal);
    else
        disrupt_jsonw_null(w);
    disrupt_jsonw_key(w, "verdict");
    disrupt_jsonw_string(w, disrupt_verdict_name(v->verdict));
    disrupt_jsonw_key(w, "detail");
    disrupt_jsonw_string(w, detail);
    disrupt_jsonw_key(w, "coverage");
    disrupt_jsonw_number_prec(w, v->coverage, 4);
    disrupt_jsonw_key(w, "window");
    if (x) {
        /* The matched window as detect writes it: with its corroboration and phases (those
         * of its first window, where W is a chain), as windows.json and windows.csv. */
        disrupt_window shown = *x;
        if (r->windows && v->window < r->windows->count) {
            const disrupt_window *first = &r->windows->items[v->window];
            shown.corroborated_by = first->corroborated_by;
            shown.ncorroborated = first->ncorroborated;
            shown.phases = first->phases;
            shown.nphases = first->nphases;
            shown.deepest = first->deepest;
        }
        disrupt_report_json_window(w, r->data, &shown);
    } else {
        disrupt_jsonw_null(w);
    }
    if (x) {
        disrupt_jsonw_key(w, "start_agrees");
        disrupt_jsonw_bool(w, v->start_agrees);
        disrupt_jsonw_key(w, "end_agrees");
        disrupt_jsonw_bool(w, v->end_agrees);
        disrupt_jsonw_key(w, "start_diff_hours");
        disrupt_jsonw_number_prec(w, (double)v->start_diff / 3600.0, 6);
        disrupt_jsonw_key(w, "end_diff_hours");
        disrupt_jsonw_number_prec(w, (double)v->end_diff / 3600.0, 6);
        disrupt_jsonw_key(w, "duration_diff_hours");
        disrupt_jsonw_number_prec(w, (double)v->duration_diff / 3600.0, 6);
        disrupt_jsonw_key(w, "share_in_window");
        disrupt_jsonw_number_prec(w, v->share, 4);
        disrupt_jsonw_key(w, "share_in_signal_windows");
        disrupt_jsonw_number_prec(w, v->signal_share, 4);
        disrupt_jsonw_key(w, "windows_in_claim");
        disrupt_jsonw_integer(w, (long long)v->nwindows);
        disrupt_jsonw_key(w, "chained_windows");
        disrupt_jsonw_integer(w, (long long)v->chained);
    }
    disrupt_jsonw_key(w, "kind_agrees");
    if (v->kind == DISRUPT_KIND_NOT_STATED || !x)
        disrupt_jsonw_null(w);
    else
        disrupt_jsonw_bool(w, v->kind == DISRUPT_KIND_AGREES);
    disrupt_jsonw_key(w, "supported_by");
    disrupt_jsonw_inline_array_begin(w);
    for (size_t k = 0; k < v->nsignals; k++)
        disrupt_jsonw_string(w, r->data->series[v->signals[k]]->name);
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_object_end(w);
}

int disrupt_verify_report_json(FILE *out, const disrupt_verify_report *r, disrupt_error *err)
{
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, out);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_versions(&w);
    disrupt_jsonw_key(&w, "tolerance_hours");
    disrupt_jsonw_number_prec(&w, (double)r->options->tolerance / 3600.0, 6);
    disrupt_jsonw_key(&w, "claims");
    disrupt_jsonw_array_begin(&w);
    for (size_t i = 0; i < r->result->count; i++)
        json_claim(&w, r, i);
    disrupt_jsonw_array_end(&w);
    disrupt_jsonw_object_end(&w);
    disrupt_jsonw_finish(&w);
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write JSON");
    return DISRUPT_OK;
}

static void csv_claim(FILE *out, const disrupt_verify_report *r, size_t i)
{
    const disrupt_claim *c = &r->claims->items[i];
    const disrupt_verification *v = &r->result->items[i];
    const disrupt_window *x = matched(r, v);
    char kinds[64], detail[DETAIL_LEN];
    disrupt_csvw_text(out, c->label);
    disrupt_csvw_time(out, c->start);
    disrupt_csvw_time(out, c->end);
    disrupt_kind_set_format(c->kinds, kinds, sizeof kinds);
    fprintf(out, ",%s,", kinds);
    disrupt_csvw_text(out, c->signal ? c->signal : "");
    fprintf(out, ",%s,", disrupt_verdict_name(v->verdict));
    if (x) {
        disrupt_csvw_text(out, r->data->series[x->signal]->name);
        fprintf(out, ",%s", disrupt_window_kind_name(x->kind));
        disrupt_csvw_time(out, x->start);
        disrupt_csvw_time(out, x->end);
        disrupt_csvw_time(out, x->start_lo);
        disrupt_csvw_time(out, x->start_hi);
        disrupt_csvw_time(out, x->end_lo);
        disrupt_csvw_time(out, x->end_hi);
        fprintf(out, ",%.6g,%.6g,%.6g,%s", (double)v->start_diff / 3600.0,
                (double)v->end_diff / 3600.0, (double)v->duration_diff / 3600.0,
                c->kinds ? kind_agreement_name(v->kind) : "");
    } else {
        fputs(",,,,,,,,,,,", out);
    }
    fprintf(out, ",%.4g,", v->coverage);
    for (size_t k = 0; k < v->nsignals; k++)
        fprintf(out, "%s%s", k ? ";" : "", r->data->series[v->signals[k]]->name);
    disrupt_verify_describe(v, detail, sizeof detail);
    fputc(',', out);
    disrupt_csvw_text(out, detail);
    fputc('\n', out);
}

int disrupt_verify_report_csv(FILE *out, const disrupt_verify_report *r, disrupt_error *err)
{
    fputs("label,claimed_start,claimed_end,claimed_kind,claimed_signal,verdict,signal,kind,"
          "start,end,start_ci_low,start_ci_high,end_ci_low,end_ci_high,start_diff_hours,"
          "end_diff_hours,duration_diff_hours,kind_agreement,coverage,supported_by,detail\n",
          out);
    for (size_t i = 0; i < r->result->count; i++)
        csv_claim(out, r, i);
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write CSV");
    return DISRUPT_OK;
}

/* Markdown cells may not hold '|' or newlines. */
static void md_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", out);
        else if (*s == '\n' || *s == '\r')
            fputc(' ', out);
        else
            fputc(*s, out);
    }
}

int disrupt_verify_report_markdown(FILE *out, const disrupt_verify_report *r, const char *tz,
                                   disrupt_error *err)
{
    fputs("| # | Claim | Claimed | Detected (95% CI) | Verdict | Why |\n"
          "|---|---|---|---|---|---|\n",
          out);
    for (size_t i = 0; i < r->result->count; i++) {
        const disrupt_claim *c = &r->claims->items[i];
        const disrupt_verification *v = &r->result->items[i];
        const disrupt_window *x = matched(r, v);
        char a[128], b[128], detail[DETAIL_LEN];
        fprintf(out, "| %zu | ", i + 1);
        md_text(out, c->label);
        disrupt_time_format(c->start, tz, "%Y-%m-%d %H:%M", a, sizeof a);
        disrupt_time_format(c->end, tz, "%Y-%m-%d %H:%M", b, sizeof b);
        fprintf(out, " | %s – %s | ", a, b);
        if (x) {
            time_with_ci(x->start, x->start_lo, x->start_hi, x->start_censored, 0, tz, a, sizeof a);
            time_with_ci(x->end, x->end_lo, x->end_hi, 0, x->end_censored, tz, b, sizeof b);
            fprintf(out, "%s %s: %s – %s", r->data->series[x->signal]->name,
                    disrupt_window_kind_name(x->kind), a, b);
        } else {
            fputs("—", out);
        }
        disrupt_verify_describe(v, detail, sizeof detail);
        fprintf(out, " | **%s** | %s |\n", disrupt_verdict_name(v->verdict), detail);
    }
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write Markdown");
    return DISRUPT_OK;
}
