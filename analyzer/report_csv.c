/* report_csv.c — one row per window, for spreadsheets and scripts. */
#include <stdlib.h>
#include <string.h>

#include "disrupt/report.h"
#include "disrupt/timefmt.h"

/* RFC 4180 quoting when the field needs it. */
static void csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void csv_time(FILE *out, int64_t t)
{
    char buf[DISRUPT_ISO_LEN];
    disrupt_time_iso(t, buf, sizeof buf);
    fprintf(out, ",%s", buf);
}

int disrupt_report_csv(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                       disrupt_error *err)
{
    fputs("signal,kind,start,end,start_ci_low,start_ci_high,end_ci_low,end_ci_high,"
          "duration_days,baseline,level,depth,corroborated_by\n", out);
    for (size_t k = 0; k < r->windows.count; k++) {
        const disrupt_window *w = &r->windows.items[k];
        csv_field(out, d->series[w->signal]->name);
        fprintf(out, ",%s", disrupt_window_kind_name(w->kind));
        csv_time(out, w->start);
        csv_time(out, w->end);
        csv_time(out, w->start_lo);
        csv_time(out, w->start_hi);
        csv_time(out, w->end_lo);
        csv_time(out, w->end_hi);
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
        csv_field(out, joined);
        free(joined);
        fputc('\n', out);
    }
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write CSV");
    return DISRUPT_OK;
}
