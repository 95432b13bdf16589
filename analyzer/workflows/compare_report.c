/* compare_report.c — periods side by side as a table, JSON, CSV and Markdown. */
#include "disrupt/workflows/compare_report.h"

#include <math.h>
#include <string.h>

#include "disrupt/core/csvw.h"
#include "disrupt/core/jsonw.h"
#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"

static void day_text(int64_t t, int has, const char *tz, char *out, size_t outsz)
{
    if (!has)
        snprintf(out, outsz, "-");
    else
        disrupt_time_format(t, tz, "%Y-%m-%d", out, outsz);
}

static void percent_text(double v, char *out, size_t outsz)
{
    if (isnan(v))
        snprintf(out, outsz, "-");
    else
        snprintf(out, outsz, "%.0f%%", 100 * v);
}

int disrupt_compare_report_table(FILE *out, const disrupt_compare_report *r, disrupt_error *err)
{
    const disrupt_compare_result *res = r->result;
    size_t name_w = strlen("PERIOD");
    for (size_t i = 0; i < res->count; i++)
        if (disrupt_text_columns(res->items[i].name) > name_w)
            name_w = disrupt_text_columns(res->items[i].name);
    disrupt_text_pad(out, "PERIOD", name_w);
    fprintf(out,
            "  %7s  %7s  %8s  %10s  %8s  %6s  %5s  %9s  %8s  %7s  %6s  %7s  %-10s  %-10s\n",
            "COVERED", "WINDOWS", "SHUTDOWN", "THROTTLING", "BLOCKING",
            "OUTAGE", "DAYS", "DISRUPTED", "LONGEST", "DEEPEST", "MEDIAN", "BLOCKED", "FIRST",
            "LAST");
    for (size_t i = 0; i < res->count; i++) {
        const disrupt_compare_period *p = &res->items[i];
        char first[32], last[32], deep[16], med[16], blocked[16], longest[24];
        int has = p->nwindows > 0;
        day_text(p->first, has, r->tz, first, sizeof first);
        day_text(p->last, has, r->tz, last, sizeof last);
        percent_text(p->deepest, deep, sizeof deep);
        percent_text(p->median_depth, med, sizeof med);
        percent_text(p->highest_blocking, blocked, sizeof blocked);
        if (has)
            snprintf(longest, sizeof longest, "%.1fd", p->longest_days);
        else
            snprintf(longest, sizeof longest, "-");
        disrupt_text_pad(out, p->name, name_w);
        fprintf(out,
                "  %6.0fd  %7zu  %8zu  %10zu  %8zu  %6zu  %5.0f  %8.1fd  %8s  %7s  %6s  %7s  "
                "%-10s  %-10s\n",
                p->covered_days, p->nwindows, p->by_kind[0], p->by_kind[1],
                p->by_kind[2], p->by_kind[3], p->calendar_days, p->disrupted_days, longest, deep,
                med, blocked, first, last);
    }
    fprintf(out, "\nDAYS: calendar days on which at least one signal was disrupted; DISRUPTED: "
                 "total disrupted time (both with windows cut at the period's edges); LONGEST: "
                 "whole windows; DEEPEST, MEDIAN: share of the baseline lost by drops; BLOCKED: "
                 "highest rise of a blocked share; FIRST, LAST: first and last disrupted day; "
                 "COVERED: days of the period with data. Dates in %s.\n",
            r->tz ? r->tz : "UTC");
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write the table");
    return DISRUPT_OK;
}

/* "2020-09-27" (the local day) or null. */
static void json_day_or_null(disrupt_jsonw *w, const char *key, int64_t t, int has,
                             const char *tz)
{
    char day[32];
    disrupt_jsonw_key(w, key);
    if (has) {
        day_text(t, has, tz, day, sizeof day);
        disrupt_jsonw_string(w, day);
    } else {
        disrupt_jsonw_null(w);
    }
}

int disrupt_compare_report_json(FILE *out, const disrupt_compare_report *r, disrupt_error *err)
{
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, out);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_versions(&w);
    disrupt_jsonw_key(&w, "by");
    disrupt_jsonw_string(&w, r->by);
    disrupt_jsonw_key(&w, "periods");
    disrupt_jsonw_array_begin(&w);
    for (size_t i = 0; i < r->result->count; i++) {
        const disrupt_compare_period *p = &r->result->items[i];
        int has = p->nwindows > 0;
        disrupt_jsonw_object_begin(&w);
        disrupt_jsonw_key(&w, "name");
        disrupt_jsonw_string(&w, p->name);
        disrupt_jsonw_key(&w, "start");
        disrupt_jsonw_time(&w, p->start);
        disrupt_jsonw_key(&w, "end");
        disrupt_jsonw_time(&w, p->end);
        disrupt_jsonw_key(&w, "covered_days");
        disrupt_jsonw_number_prec(&w, p->covered_days, 6);
        disrupt_jsonw_key(&w, "windows");
        disrupt_jsonw_integer(&w, (long long)p->nwindows);
        disrupt_jsonw_key(&w, "by_kind");
        disrupt_jsonw_object_begin(&w);
        for (int k = 0; k < DISRUPT_NKINDS; k++) {
            disrupt_jsonw_key(&w, disrupt_window_kind_name((disrupt_window_kind)k));
            disrupt_jsonw_integer(&w, (long long)p->by_kind[k]);
        }
        disrupt_jsonw_object_end(&w);
        disrupt_jsonw_key(&w, "calendar_days");
        disrupt_jsonw_number_prec(&w, p->calendar_days, 6);
        disrupt_jsonw_key(&w, "disrupted_days");
        disrupt_jsonw_number_prec(&w, p->disrupted_days, 6);
        disrupt_jsonw_key(&w, "longest_days");
        disrupt_jsonw_number_prec(&w, p->longest_days, 6);
        disrupt_jsonw_key(&w, "deepest");
        disrupt_jsonw_number_prec(&w, p->deepest, 4);
        disrupt_jsonw_key(&w, "median_depth");
        disrupt_jsonw_number_prec(&w, p->median_depth, 4);
        disrupt_jsonw_key(&w, "highest_blocking");
        disrupt_jsonw_number_prec(&w, p->highest_blocking, 4);
        json_day_or_null(&w, "first_day", p->first, has, r->tz);
        json_day_or_null(&w, "last_day", p->last, has, r->tz);
        disrupt_jsonw_object_end(&w);
    }
    disrupt_jsonw_array_end(&w);
    disrupt_jsonw_object_end(&w);
    disrupt_jsonw_finish(&w);
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write JSON");
    return DISRUPT_OK;
}

static void csv_number(FILE *out, double v, const char *fmt)
{
    fputc(',', out);
    if (!isnan(v))
        fprintf(out, fmt, v);
}

int disrupt_compare_report_csv(FILE *out, const disrupt_compare_report *r, disrupt_error *err)
{
    fputs("period,start,end,covered_days,windows,shutdown,throttling,blocking,outage,"
          "calendar_days,disrupted_days,longest_days,deepest,median_depth,highest_blocking,"
          "first_day,last_day\n",
          out);
    for (size_t i = 0; i < r->result->count; i++) {
        const disrupt_compare_period *p = &r->result->items[i];
        disrupt_csvw_text(out, p->name);
        disrupt_csvw_time(out, p->start);
        disrupt_csvw_time(out, p->end);
        fprintf(out, ",%.6g,%zu,%zu,%zu,%zu,%zu,%.6g,%.6g,%.6g", p->covered_days, p->nwindows,
                p->by_kind[0], p->by_kind[1], p->by_kind[2], p->by_kind[3], p->calendar_days,
                p->disrupted_days, p->longest_days);
        csv_number(out, p->deepest, "%.4g");
        csv_number(out, p->median_depth, "%.4g");
        csv_number(out, p->highest_blocking, "%.4g");
        if (p->nwindows) {
            char a[32], b[32];
            day_text(p->first, 1, r->tz, a, sizeof a);
            day_text(p->last, 1, r->tz, b, sizeof b);
            fprintf(out, ",%s,%s", a, b);
        } else {
            fputs(",,", out);
        }
        fputc('\n', out);
    }
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write CSV");
    return DISRUPT_OK;
}

int disrupt_compare_report_markdown(FILE *out, const disrupt_compare_report *r,
                                    disrupt_error *err)
{
    fputs("| Period | Windows | Shutdown | Throttling | Blocking | Outage | Days | Disrupted time "
          "(days) | Longest | Deepest | Median depth | Highest blocked share | First day | "
          "Last day |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n",
          out);
    for (size_t i = 0; i < r->result->count; i++) {
        const disrupt_compare_period *p = &r->result->items[i];
        char first[32], last[32], deep[16], med[16], blocked[16];
        day_text(p->first, p->nwindows > 0, r->tz, first, sizeof first);
        day_text(p->last, p->nwindows > 0, r->tz, last, sizeof last);
        percent_text(p->deepest, deep, sizeof deep);
        percent_text(p->median_depth, med, sizeof med);
        percent_text(p->highest_blocking, blocked, sizeof blocked);
        fprintf(out,
                "| %s | %zu | %zu | %zu | %zu | %zu | %.0f | %.1f | %.1f | %s | %s | %s | %s | %s |\n",
                p->name, p->nwindows, p->by_kind[0], p->by_kind[1], p->by_kind[2],
                p->by_kind[3], p->calendar_days, p->disrupted_days, p->longest_days, deep, med,
                blocked, first, last);
    }
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write Markdown");
    return DISRUPT_OK;
}
