/* report_md.c — report.md: summary, windows, verdicts, years, figures, method. */
#include "disrupt/workflows/report_md.h"

#include "disrupt/core/digest.h"

#include <string.h>

#include "disrupt/workflows/report.h"
#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"

static int any_synthetic(const disrupt_dataset *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->series[i]->synthetic)
            return 1;
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path ? path : "-";
}

static void inputs_section(FILE *out, const disrupt_report_md *r)
{
    const disrupt_dataset *d = r->data;
    fputs("## Data\n\n| Signal | File | Step | From | To | Points | Missing |\n"
          "|---|---|---:|---|---|---:|---:|\n",
          out);
    for (size_t i = 0; i < d->count; i++) {
        const disrupt_series *s = d->series[i];
        char a[40], b[40], step[24];
        disrupt_time_format(s->start, r->tz, "%Y-%m-%d %H:%M", a, sizeof a);
        disrupt_time_format(disrupt_series_end(s) - s->step, r->tz, "%Y-%m-%d %H:%M", b, sizeof b);
        disrupt_time_duration(s->step, step, sizeof step);
        fprintf(out, "| %s | %s | %s | %s | %s | %zu | %zu |\n", s->name, base_name(s->file), step,
                a, b, s->n, disrupt_series_missing(s));
    }
    const disrupt_detection *det = r->detection;
    for (size_t i = 0; i < d->count; i++)
        if (det && det->skipped && det->skipped[i])
            fprintf(out, "\n**%s was left out of the analysis**: %s. That it has no window "
                         "says nothing about disruptions.\n",
                    d->series[i]->name, disrupt_text_without_name(det->skipped[i], d->series[i]->name));
    if (any_synthetic(d))
        fputs("\n**The data is SYNTHETIC** (simulated, not a measurement): say so wherever these "
              "figures are shown.\n",
              out);
    fputc('\n', out);
}

/* One row per file with its SHA-256; a file that cannot be read again says why. */
static void file_row(FILE *out, const char *role, const char *path)
{
    char hex[DISRUPT_SHA256_HEX];
    uint64_t size = 0;
    disrupt_error err = {0};
    if (strcmp(path, "-") == 0)
        fprintf(out, "| %s | standard input | — | not kept |\n", role);
    else if (disrupt_sha256_file(path, hex, &size, &err) == 0)
        fprintf(out, "| %s | `%s` | %llu | `%s` |\n", role, path, (unsigned long long)size,
                hex);
    else
        fprintf(out, "| %s | `%s` | — | %s |\n", role, path, err.message);
}

static void provenance_section(FILE *out, const disrupt_report_md *r)
{
    const disrupt_report_md_provenance *m = r->made;
    if (!m)
        return;
    char when[40];
    disrupt_time_iso(m->made_at, when, sizeof when);
    fprintf(out, "## How this report was made\n\n- Program: disrupt %s, on %s.\n", m->version,
            when);
    fprintf(out, "- Command:\n\n      %s\n\n", m->command_line);
    const disrupt_detect_options *o = m->detect;
    fprintf(out,
            "- Thresholds: shutdown at or below %.2f of the baseline; throttling (an outage, "
            "for reachability signals) a drop of at least %.2f; blocking a rise of the blocked "
            "share of at least %.2f; windows shorter than %llds dropped, windows of one kind "
            "closer than %llds merged; %.0f%% intervals; %s penalty; at most %d refitting "
            "rounds.\n",
            o->shutdown_level, o->throttling_depth, o->blocking_rise, (long long)o->min_duration,
            (long long)o->merge_gap, 100 * o->ci_level,
            o->segment.penalty == DISRUPT_PENALTY_MANUAL ? "a manual" : "the MBIC",
            o->max_rounds);
    if (o->baseline.pin_end > o->baseline.pin_start) {
        char a[40], b[40];
        disrupt_time_iso(o->baseline.pin_start, a, sizeof a);
        disrupt_time_iso(o->baseline.pin_end, b, sizeof b);
        fprintf(out, "- Baseline taken from %s to %s (given).\n", a, b);
    }
    fprintf(out, "- Zones: times are shown in %s; times written without a zone were read in "
                 "%s.\n",
            r->tz ? r->tz : "UTC", r->tz ? r->tz : "UTC (no --tz was given)");
    if (any_synthetic(r->data))
        fputs("- Caveat: the data is SYNTHETIC (simulated, not a measurement).\n", out);
    fputs("\n| Role | File | Bytes | SHA-256 |\n|---|---|---:|---|\n", out);
    for (size_t i = 0; i < m->ninputs; i++)
        file_row(out, "data", m->inputs[i]);
    if (m->claims)
        file_row(out, "claims", m->claims);
    fputc('\n', out);
}

static void summary_section(FILE *out, const disrupt_report_md *r)
{
    const disrupt_window_list *w = &r->detection->windows;
    size_t kinds[DISRUPT_NKINDS] = {0};
    const disrupt_window *longest = NULL, *deepest = NULL;
    for (size_t k = 0; k < w->count; k++) {
        const disrupt_window *x = &w->items[k];
        kinds[x->kind]++;
        if (!longest || disrupt_window_days(x) > disrupt_window_days(longest))
            longest = x;
        if (!deepest || x->depth > deepest->depth)
            deepest = x;
    }
    fputs("## Summary\n\n", out);
    fprintf(out, "- %zu signal%s read; %zu disruption window%s detected (%zu shutdown, %zu "
                 "throttling, %zu blocking, %zu outage); %zu event%s across signals.\n",
            r->data->count, r->data->count == 1 ? "" : "s", w->count, w->count == 1 ? "" : "s",
            kinds[0], kinds[1], kinds[2], kinds[3], r->detection->incidents.count,
            r->detection->incidents.count == 1 ? "" : "s");
    char a[40], b[40];
    if (longest) {
        disrupt_time_format(longest->start, r->tz, "%Y-%m-%d %H:%M", a, sizeof a);
        disrupt_time_format(longest->end, r->tz, "%Y-%m-%d %H:%M", b, sizeof b);
        fprintf(out, "- Longest: %s %s, %s – %s (%.1f days, level %.0f%% of normal).\n",
                r->data->series[longest->signal]->name, disrupt_window_kind_name(longest->kind),
                a, b, disrupt_window_days(longest), 100 * longest->level);
        disrupt_time_format(deepest->start, r->tz, "%Y-%m-%d %H:%M", a, sizeof a);
        fprintf(out, "- Deepest: %s %s from %s (depth %.0f%%).\n",
                r->data->series[deepest->signal]->name, disrupt_window_kind_name(deepest->kind),
                a, 100 * deepest->depth);
    }
    if (r->verify) {
        size_t n[6] = {0};
        for (size_t i = 0; i < r->verify->result->count; i++)
            n[r->verify->result->items[i].verdict]++;
        fprintf(out, "- Claims checked: %zu — %zu supported, %zu kind differs, %zu dates "
                     "differ, %zu partly supported, %zu not supported, %zu no data.\n",
                r->verify->result->count, n[0], n[1], n[2], n[3], n[4], n[5]);
    }
    fputc('\n', out);
}

static void windows_section(FILE *out, const disrupt_report_md *r)
{
    const disrupt_window_list *w = &r->detection->windows;
    fputs("## Windows\n\n", out);
    if (w->count == 0) {
        fputs("No disruption window was detected.\n\n", out);
        return;
    }
    fputs("| Signal | Kind | Start | 95% interval | End | 95% interval | Days | Level | Depth | "
          "Corroborated by |\n|---|---|---|---|---|---|---:|---:|---:|---|\n",
          out);
    for (size_t k = 0; k < w->count; k++) {
        const disrupt_window *x = &w->items[k];
        char s[40], slo[40], shi[40], e[40], elo[40], ehi[40];
        const char *f = "%Y-%m-%d %H:%M";
        disrupt_time_format(x->start, r->tz, f, s, sizeof s);
        if (x->start_censored)
            snprintf(slo, sizeof slo, "before the data");
        else
            disrupt_time_format(x->start_lo, r->tz, f, slo, sizeof slo);
        disrupt_time_format(x->start_hi, r->tz, f, shi, sizeof shi);
        disrupt_time_format(x->end, r->tz, f, e, sizeof e);
        disrupt_time_format(x->end_lo, r->tz, f, elo, sizeof elo);
        if (x->end_censored)
            snprintf(ehi, sizeof ehi, "after the data");
        else
            disrupt_time_format(x->end_hi, r->tz, f, ehi, sizeof ehi);
        fprintf(out, "| %s | %s | %s | %s – %s | %s | %s – %s | %.1f | %.0f%% | %.0f%% | ",
                r->data->series[x->signal]->name, disrupt_window_kind_name(x->kind), s, slo, shi,
                e, elo, ehi, disrupt_window_days(x), 100 * x->level, 100 * x->depth);
        for (size_t c = 0; c < x->ncorroborated; c++)
            fprintf(out, "%s%s", c ? ", " : "", r->data->series[x->corroborated_by[c]]->name);
        fputs(x->ncorroborated ? " |\n" : "— |\n", out);
    }
    fputc('\n', out);
}

int disrupt_report_markdown(FILE *out, const disrupt_report_md *r, disrupt_error *err)
{
    fprintf(out, "# %s\n\n", r->title ? r->title : "Disruption report");
    fprintf(out, "Times in %s. A window's end is exclusive: the first time back to normal.\n\n",
            r->tz ? r->tz : "UTC");
    summary_section(out, r);
    windows_section(out, r);
    if (r->verify) {
        fputs("## Claims checked against the data\n\n", out);
        if (disrupt_verify_report_markdown(out, r->verify, r->tz, err))
            return DISRUPT_EIO;
        fputs("\n`supported`: both claimed boundaries fall within the detected window's 95% "
              "intervals (widened by the tolerance); `dates differ`: the same event with a "
              "boundary off; `partly supported`: a disruption in less than half of the claimed "
              "period; `not supported`: data but no disruption; `no data`: the series do not "
              "cover the claim.\n\n",
              out);
    }
    if (r->years) {
        fputs("## Years side by side\n\n", out);
        if (disrupt_compare_report_markdown(out, r->years, err))
            return DISRUPT_EIO;
        fputc('\n', out);
    }
    if (r->nfigures) {
        fputs("## Figures\n\n", out);
        for (size_t i = 0; i < r->nfigures; i++)
            fprintf(out, "![%s](%s)\n\n*%s* — also as vector graphics: [%s](%s)\n\n",
                    r->figures[i].alt, r->figures[i].png, r->figures[i].alt, r->figures[i].svg,
                    r->figures[i].svg);
    }
    inputs_section(out, r);
    fputs("## Files\n\n- `windows.json`, `windows.csv`: every window with its 95% intervals, "
          "level, depth and corroborating signals (the `disrupt detect` formats).\n",
          out);
    if (r->verify)
        fputs("- `verdicts.json`, `verdicts.csv`: the verdict on each claim with the "
              "differences in hours.\n",
              out);
    fputs("\n## Method\n\nNormal is taken from around each disruption, never from it: the "
          "valleys among the regimes of the raw series are left out, then each signal is "
          "compared with a robust baseline (a daily or weekly profile only where the normal "
          "data support one and the signal has a cycle; one level over fewer than 28 normal "
          "days, a trend with local departures over more; refitted with the disruptions left "
          "out); change points are found on the ratio observed/expected; neighbouring "
          "disrupted segments are one window with phases: `shutdown` near zero, `throttling` "
          "clearly below (`outage` for reachability signals), `blocking` when the blocked "
          "share of measurements rises. Each boundary has a 95% confidence interval from the "
          "likelihood profile of the change location, widened over samples caught between "
          "the two levels.\n\n",
          out);
    provenance_section(out, r);
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write report.md");
    return DISRUPT_OK;
}
