/* report_csv.c — one row per window, for spreadsheets and scripts. */
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/csvw.h"
#include "disrupt/workflows/report.h"

const char disrupt_report_csv_header[] =
    "signal,kind,start,end,start_ci_low,start_ci_high,end_ci_low,end_ci_high,duration_days,"
    "baseline,level,depth,corroborated_by\n";

int disrupt_report_csv(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                       disrupt_error *err)
{
    fputs(disrupt_report_csv_header, out);
    return disrupt_report_csv_rows(out, d, r, NULL, err);
}

int disrupt_report_csv_rows(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                            const char *entity, disrupt_error *err)
{
    for (size_t k = 0; k < r->windows.count; k++) {
        const disrupt_window *w = &r->windows.items[k];
        if (entity) {
            disrupt_csvw_text(out, entity);
            fputc(',', out);
        }
        disrupt_csvw_text(out, d->series[w->signal]->name);
        fprintf(out, ",%s", disrupt_window_kind_name(w->kind));
        disrupt_csvw_time(out, w->start);
        disrupt_csvw_time(out, w->end);
        if (w->start_censored)
            fputc(',', out);  /* open interval: an empty cell */
        else
            disrupt_csvw_time(out, w->start_lo);
        disrupt_csvw_time(out, w->start_hi);
        disrupt_csvw_time(out, w->end_lo);
        if (w->end_censored)
            fputc(',', out);
        else
            disrupt_csvw_time(out, w->end_hi);
        fprintf(out, ",%.6g,%.4g,%.4g,%.4g,", disrupt_window_days(w), w->baseline, w->level,
                w->depth);
        /* Corroborating signals joined with ';' inside one field. */
        size_t len = 1;
        for (size_t c = 0; c < w->ncorroborated; c++)
            len += strlen(d->series[w->corroborated_by[c]]->name) + 1;
        char *joined = malloc(len);
        if (!joined)
            return disrupt_error_nomem(err);
        joined[0] = '\0';
        for (size_t c = 0; c < w->ncorroborated; c++) {
            if (c)
                strcat(joined, ";");
            strcat(joined, d->series[w->corroborated_by[c]]->name);
        }
        disrupt_csvw_text(out, joined);
        free(joined);
        fputc('\n', out);
    }
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write CSV");
    return DISRUPT_OK;
}
