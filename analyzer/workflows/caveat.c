/* caveat.c — caveats on a detection's baselines; see caveat.h. */
#include "disrupt/workflows/caveat.h"

#include <stdint.h>
#include <stdio.h>

/* Normal data a level signal's baseline should rest on: three days of sub-daily samples, a
 * week of daily ones. Less says little about the daily cycle or the level. */
#define FIRM_BASELINE_SECONDS (3 * 86400)
#define FIRM_BASELINE_DAILY 7

int disrupt_baseline_caveat(const disrupt_series *s, size_t normal, char *out, size_t outsz)
{
    if (s->type == DISRUPT_SIGNAL_COUNTS)
        return 0;
    size_t usable = s->n - disrupt_series_missing(s);
    int daily = s->step >= 86400;
    int short_baseline = daily ? normal < FIRM_BASELINE_DAILY
                               : (int64_t)normal * s->step < FIRM_BASELINE_SECONDS;
    if (usable && 10 * normal < usable) {
        snprintf(out, outsz,
                 "%s: only %zu of %zu samples look normal: the file may hold no normal period, "
                 "and the expected level is a guess; give --baseline FROM..TO with a period "
                 "you trust",
                 s->name, normal, usable);
        return 1;
    }
    if (short_baseline) {
        snprintf(out, outsz,
                 "%s: the baseline rests on only %.1f %s of normal data; for a firmer one give "
                 "--baseline FROM..TO with a period you trust",
                 s->name, daily ? (double)normal : (double)normal * s->step / 3600.0,
                 daily ? "days" : "hours");
        return 1;
    }
    return 0;
}
