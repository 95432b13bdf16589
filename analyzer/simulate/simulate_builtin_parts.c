/* simulate_builtin_parts.c — the calls the built-in scenarios (simulate_builtin_*.c) are
 * written with: a date, a signal or an event in one line. */
#include <string.h>

#include "disrupt/core/timefmt.h"
#include "simulate_internal.h"

int64_t disrupt_sim_utc(int y, int mo, int d, int h, int mi)
{
    return disrupt_time_from_civil(y, mo, d, h, mi, 0);
}

int disrupt_sim_add_signal(disrupt_sim_scenario *sc, disrupt_sim_signal_type type,
                           const char *name, const char *file, disrupt_sim_dialect dialect,
                           double level, disrupt_error *err)
{
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, type);
    s.name = (char *)name;
    s.file = (char *)file;
    s.dialect = dialect;
    if (level > 0)
        s.level = level;
    return disrupt_sim_scenario_add_signal(sc, &s, err);
}

int disrupt_sim_add_event(disrupt_sim_scenario *sc, disrupt_sim_event_kind kind, int64_t start,
                          int64_t end, double depth, double share, const char *label,
                          const char *const *targets, disrupt_error *err)
{
    disrupt_sim_event e;
    disrupt_sim_event_defaults(&e, kind, start, end);
    e.depth = depth;
    e.share = share;
    e.label = (char *)label;
    if (targets) {
        e.targets = (char **)targets;
        while (targets[e.ntargets])
            e.ntargets++;
    }
    return disrupt_sim_scenario_add_event(sc, &e, err);
}

disrupt_sim_signal *disrupt_sim_find_signal(disrupt_sim_scenario *sc, const char *name)
{
    for (size_t i = 0; i < sc->nsignals; i++)
        if (strcmp(sc->signals[i].name, name) == 0)
            return &sc->signals[i];
    return NULL;
}
