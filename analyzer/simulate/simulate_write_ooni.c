/* simulate_write_ooni.c — simulated OONI counts in the aggregation API's CSV dialect
 * (measurement_start_day and domain axes, then the counters in the API's alphabetical
 * order), one domain per file, after a `# SYNTHETIC …` comment line. */
#include "disrupt/simulate/simulate.h"

#include "disrupt/core/outfile.h"
#include "disrupt/core/timefmt.h"
#include "simulate_internal.h"

int disrupt_sim_write_ooni(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                           size_t s, const char *path, disrupt_error *err)
{
    const disrupt_sim_series *c = &out->series[s];
    disrupt_outfile f;
    int rc = disrupt_outfile_open(&f, path, err);
    if (rc)
        return rc;
    disrupt_sim_write_comment(f.fp, sc);
    fputs("measurement_start_day,domain,anomaly_count,confirmed_count,failure_count,"
          "measurement_count,ok_count\n", f.fp);
    for (size_t k = 0; k < c->n; k++) {
        char day[DISRUPT_ISO_LEN];
        disrupt_time_format(c->start + (int64_t)k * 86400, NULL, "%Y-%m-%d", day, sizeof day);
        fprintf(f.fp, "%s,%s,%ld,%ld,%ld,%ld,%ld\n", day, sc->signals[s].name, c->anomaly[k],
                c->confirmed[k], c->failure[k], c->measured[k], c->ok[k]);
    }
    return disrupt_outfile_commit(&f, err);
}
