/* compare_report.c — periods side by side as a table, JSON, CSV and Markdown. */
#include "disrupt/workflows/compare_report.h"

#include <math.h>
#include <string.h>

#include "disrupt/core/csvw.h"
#include "disrupt/core/jsonw.h"
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
    int name_w = (int)strlen("PERIOD");
    for (size_t i = 0; i < res->count; i++)
        if ((int)strlen(res->items[i].name) > name_w)
            name_w = (int)strlen(res->items[i].name);
    fprintf(out, "%-*s  %7s  %7s  %8s  %10s  %8s  %6s  %8s  %8s  %7s  %6s  %-10s  %-10s\n",
            name_w, "PERIOD", "COVERED", "WINDOWS", "SHUTDOWN", "THROTTLING", "BLOCKING",
            "OUTAGE", "DAYS", "LONGEST", "DEEPEST", "MEDIAN", "FIRST", "LAST");
    for (size_t i = 0; i < res->count; i++) {
        const disrupt_compare_period *p = &res->items[i];
        char first[32], last[32], deep[16], med[16], longest[24];
        int has = p->nwindows > 0;
        day_text(p->first, has, r->tz, first, sizeof first);
        day_text(p->last, has, r->tz, last, sizeof last);
        percent_text(p->deepest, deep, sizeof deep);
        percent_text(p->median_depth, med, sizeof med);
        if (has)
            snprintf(longest, sizeof longest, "%.1fd", p->longest_days);
        else
            snprintf(longest, sizeof longest, "-");
        fprintf(out,
                "%-*s  %6.0fd  %7zu  %8zu  %10zu  %8zu  %6zu  %7.1fd  %8s  %7s  %6s  %-10s  %-10s\n",
                name_w, p->name, p->covered_days, p->nwindows, p->by_kind[0], p->by_kind[1],
                p->by_kind[2], p->by_kind[3], p->days_disrupted, longest, deep, med, first, last);
    }
    fprintf(out, "\nDAYS: days on which at least one signal was disrupted (windows cut at the "
                 "period's edges); LONGEST: whole windows; depth: share of the baseline lost "
                 "(blocking: rise of the blocked share); COVERED: days of the period with data. "
                 "Dates in %s.\n",
            r->tz ? r->tz : "UTC");
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write the table");
    return DISRUPT_OK;
}

static void json_time_or_null(disrupt_jsonw *w, const char *key, int64_t t, int has)
{
    disrupt_jsonw_key(w, key);
    if (has)
        disrupt_jsonw_time(w, t);
    else
        disrupt_jsonw_null(w);
}

int disrupt_compare_report_json(FILE *out, const disrupt_compare_report *r, disrupt_error *err)
{
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, out);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_key(&w, "version");
    disrupt_jsonw_string(&w, "1");
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
        disrupt_jsonw_key(&w, "days_disrupted");
        disrupt_jsonw_number_prec(&w, p->days_disrupted, 6);
        disrupt_jsonw_key(&w, "longest_days");
        disrupt_jsonw_number_prec(&w, p->longest_days, 6);
        disrupt_jsonw_key(&w, "deepest");
        disrupt_jsonw_number_prec(&w, p->deepest, 4);
        disrupt_jsonw_key(&w, "median_depth");
        disrupt_jsonw_number_prec(&w, p->median_depth, 4);
        json_time_or_null(&w, "first", p->first, has);
        json_time_or_null(&w, "last", p->last, has);
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
          "days_disrupted,longest_days,deepest,median_depth,first,last\n",
          out);
    for (size_t i = 0; i < r->result->count; i++) {
        const disrupt_compare_period *p = &r->result->items[i];
        disrupt_csvw_text(out, p->name);
        disrupt_csvw_time(out, p->start);
        disrupt_csvw_time(out, p->end);
        fprintf(out, ",%.6g,%zu,%zu,%zu,%zu,%zu,%.6g,%.6g", p->covered_days, p->nwindows,
                p->by_kind[0], p->by_kind[1], p->by_kind[2], p->by_kind[3], p->days_disrupted,
                p->longest_days);
        csv_number(out, p->deepest, "%.4g");
        csv_number(out, p->median_depth, "%.4g");
        if (p->nwindows) {
            disrupt_csvw_time(out, p->first);
            disrupt_csvw_time(out, p->last);
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
    fputs("| Period | Windows | Shutdown | Throttling | Blocking | Outage | Days disrupted | "
          "Longest | Deepest | Median depth | First | Last |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n",
          out);
    for (size_t i = 0; i < r->result->count; i++) {
        const disrupt_compare_period *p = &r->result->items[i];
        char first[32], last[32], deep[16], med[16];
        day_text(p->first, p->nwindows > 0, r->tz, first, sizeof first);
        day_text(p->last, p->nwindows > 0, r->tz, last, sizeof last);
        percent_text(p->deepest, deep, sizeof deep);
        percent_text(p->median_depth, med, sizeof med);
        fprintf(out, "| %s | %zu | %zu | %zu | %zu | %zu | %.1f | %.1f | %s | %s | %s | %s |\n",
                p->name, p->nwindows, p->by_kind[0], p->by_kind[1], p->by_kind[2],
                p->by_kind[3], p->days_disrupted, p->longest_days, deep, med, first, last);
    }
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write Markdown");
    return DISRUPT_OK;
}
