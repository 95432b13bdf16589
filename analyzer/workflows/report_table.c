/* report_table.c — the table people read on a terminal. */
#include <string.h>

#include "disrupt/workflows/report.h"
#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"

void disrupt_report_time_of_day(long seconds, char *out, size_t outsz)
{
    int s = (int)(((seconds % 86400) + 86400) % 86400);
    snprintf(out, outsz, "%02d:%02d", s / 3600, s % 3600 / 60);
}

/* "−2h/+1h": how far the interval reaches either side of the estimate; "?" where the edge
 * of the data cuts it off. */
static void interval_text(int64_t at, int64_t lo, int64_t hi, int open_below, int open_above,
                          char *out, size_t outsz)
{
    char before[24], after[24];
    disrupt_time_duration(at - lo, before, sizeof before);
    disrupt_time_duration(hi - at, after, sizeof after);
    snprintf(out, outsz, "-%s/+%s", open_below ? "?" : before, open_above ? "?" : after);
}

static void signal_line(FILE *out, const disrupt_series *s, size_t ncp, int left_out,
                        const char *tz)
{
    char a[40], b[40], step[24];
    disrupt_time_format(s->start, tz, "%Y-%m-%d %H:%M", a, sizeof a);
    disrupt_time_format(disrupt_series_end(s) - s->step, tz, "%Y-%m-%d %H:%M", b, sizeof b);
    disrupt_time_duration(s->step, step, sizeof step);
    fprintf(out, "%s: %zu points every %s, %s – %s, %zu missing, ", s->name, s->n, step, a, b,
            disrupt_series_missing(s));
    if (left_out)
        fputs("left out (see the warning)", out);
    else
        fprintf(out, "%zu change points", ncp);
    fprintf(out, "%s\n", s->synthetic ? " (SYNTHETIC data)" : "");
}

static void recurrence_lines(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                             const char *tz)
{
    for (size_t k = 0; k < r->nrecurrences; k++) {
        const disrupt_recurrence *c = &r->recurrences[k];
        char from[40], until[40], at[16], to[16];
        disrupt_time_format(c->from, tz, "%Y-%m-%d", from, sizeof from);
        disrupt_time_format(c->until, tz, "%Y-%m-%d", until, sizeof until);
        disrupt_report_time_of_day(c->start_tod, at, sizeof at);
        disrupt_report_time_of_day(c->end_tod, to, sizeof to);
        fprintf(out, "Recurring: %s: %zu %s windows recur daily, %s–%s %s, %s – %s.\n",
                d->series[c->signal]->name, c->count, disrupt_window_kind_name(c->kind), at, to,
                tz ? tz : "UTC", from, until);
    }
}

static void incident_lines(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                           const char *tz)
{
    fprintf(out, "\nEvents (windows overlapping across signals): %zu\n", r->incidents.count);
    for (size_t k = 0; k < r->incidents.count; k++) {
        const disrupt_incident *inc = &r->incidents.items[k];
        char start[40], end[40];
        disrupt_time_format(inc->start, tz, "%Y-%m-%d %H:%M", start, sizeof start);
        disrupt_time_format(inc->end, tz, "%Y-%m-%d %H:%M", end, sizeof end);
        fprintf(out, "%4zu  %s – %s  %6.1f days  ", k + 1, start, end,
                (double)(inc->end - inc->start) / 86400.0);
        for (size_t i = 0; i < inc->nwindows; i++) {
            const disrupt_window *w = &r->windows.items[inc->windows[i]];
            fprintf(out, "%s%s (%s)", i ? ", " : "", d->series[w->signal]->name,
                    disrupt_window_kind_name(w->kind));
        }
        fputc('\n', out);
    }
}

int disrupt_report_table(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                         const char *tz, int with_events, disrupt_error *err)
{
    char ci[32];
    snprintf(ci, sizeof ci, "%g%% CI", 100 * (r->ci_level > 0 ? r->ci_level : 0.95));
    for (size_t i = 0; i < d->count; i++)
        signal_line(out, d->series[i], r->nchangepoints[i], r->skipped && r->skipped[i], tz);
    fputc('\n', out);
    if (r->windows.count == 0) {
        fprintf(out, "No disruption windows found.\n");
    } else {
        size_t name_w = strlen("SIGNAL");
        for (size_t i = 0; i < d->count; i++)
            if (disrupt_text_columns(d->series[i]->name) > name_w)
                name_w = disrupt_text_columns(d->series[i]->name);
        disrupt_text_pad(out, "SIGNAL", name_w);
        fprintf(out, "  %-10s  %-16s  %-13s  %-16s  %-13s  %6s  %6s  %6s  %s\n", "KIND", "START",
                ci, "END", ci, "DAYS", "LEVEL", "DEPTH", "CORROBORATED BY");
        for (size_t k = 0; k < r->windows.count; k++) {
            const disrupt_window *w = &r->windows.items[k];
            char start[40], end[40], sci[64], eci[64];
            disrupt_time_format(w->start, tz, "%Y-%m-%d %H:%M", start, sizeof start);
            disrupt_time_format(w->end, tz, "%Y-%m-%d %H:%M", end, sizeof end);
            interval_text(w->start, w->start_lo, w->start_hi, w->start_censored, 0, sci,
                          sizeof sci);
            interval_text(w->end, w->end_lo, w->end_hi, 0, w->end_censored, eci, sizeof eci);
            disrupt_text_pad(out, d->series[w->signal]->name, name_w);
            fprintf(out, "  %-10s  %-16s  %-13s  %-16s  %-13s  %6.1f  %5.0f%%  %5.0f%%  ",
                    disrupt_window_kind_name(w->kind), start, sci, end, eci,
                    disrupt_window_days(w), 100 * w->level, 100 * w->depth);
            for (size_t c = 0; c < w->ncorroborated; c++)
                fprintf(out, "%s%s", c ? ", " : "", d->series[w->corroborated_by[c]]->name);
            fputs(w->ncorroborated ? "\n" : "-\n", out);
        }
    }
    if (r->nrecurrences)
        fputc('\n', out);
    recurrence_lines(out, d, r, tz);
    if (with_events)
        incident_lines(out, d, r, tz);
    fprintf(out, "\nTimes in %s. END is exclusive (the first time back to normal). %s: how far\n"
                 "each boundary may lie before/after it, at the resolution of the samples ('?': cut\n"
                 "off by the start or end of the data). LEVEL: median of observed/expected (blocked\n"
                 "share for count signals).\n",
            tz ? tz : "UTC", ci);
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write the table");
    return DISRUPT_OK;
}
