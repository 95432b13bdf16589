/* simulate_write_table.c — the wide-table dialects of simulated series: plain
 * `time,<signal>…` with ISO 8601 UTC times, and the IODA dashboard export
 * `Time (UTC),<legend title>…` with "YYYY-MM-DD HH:MM:SS" UTC times. Both start with a
 * `# SYNTHETIC …` comment line; missing samples are empty cells. Formats are fixed printf
 * formats so that the same series always give the same bytes. */
#include "disrupt/simulate/simulate.h"

#include <math.h>

#include "disrupt/core/outfile.h"
#include "disrupt/core/timefmt.h"
#include "simulate_internal.h"

typedef size_t (*time_printer)(int64_t t, char *out, size_t outsz);

static size_t ioda_time(int64_t t, char *out, size_t outsz)
{
    return disrupt_time_format(t, NULL, "%Y-%m-%d %H:%M:%S", out, outsz);
}

static void write_row(FILE *fp, const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                      const size_t *idx, size_t n, size_t k, time_printer when)
{
    char stamp[DISRUPT_ISO_LEN];
    const disrupt_sim_series *first = &out->series[idx[0]];
    when(first->start + (int64_t)k * first->step, stamp, sizeof stamp);
    fputs(stamp, fp);
    for (size_t j = 0; j < n; j++) {
        double v = out->series[idx[j]].values[k];
        fputc(',', fp);
        if (!isnan(v))
            fprintf(fp, "%.*f", sc->signals[idx[j]].decimals, v);
    }
    fputc('\n', fp);
}

static int write_table(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                       const size_t *idx, size_t n, const char *path, const char *time_heading,
                       time_printer when, disrupt_error *err)
{
    disrupt_outfile f;
    int rc = disrupt_outfile_open(&f, path, err);
    if (rc)
        return rc;
    disrupt_sim_write_comment(f.fp, sc);
    fputs(time_heading, f.fp);
    for (size_t j = 0; j < n; j++)
        fprintf(f.fp, ",%s", sc->signals[idx[j]].name);
    fputc('\n', f.fp);
    for (size_t k = 0; k < out->series[idx[0]].n; k++)
        write_row(f.fp, sc, out, idx, n, k, when);
    return disrupt_outfile_commit(&f, err);
}

int disrupt_sim_write_plain(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                            const size_t *idx, size_t n, const char *path, disrupt_error *err)
{
    return write_table(sc, out, idx, n, path, "time", disrupt_time_iso, err);
}

int disrupt_sim_write_ioda(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                           const size_t *idx, size_t n, const char *path, disrupt_error *err)
{
    return write_table(sc, out, idx, n, path, "Time (UTC)", ioda_time, err);
}
