/* simulate_builtin.c — the table of built-in scenarios behind the bundled datasets in
 * datasets/, and the small helpers their builders share. The scenarios themselves live in
 * simulate_builtin_azerbaijan.c and simulate_builtin_other.c. Every value they produce is
 * SYNTHETIC. */
#include "disrupt/simulate/simulate.h"

#include <stdio.h>
#include <string.h>

#include "disrupt/core/timefmt.h"
#include "simulate_internal.h"

typedef int (*builder)(disrupt_sim_scenario *sc, disrupt_error *err);

typedef struct {
    const char *name;
    const char *title;
    unsigned long seed;
    int first[3], last[3];   /* first day and the day after the last, UTC */
    int64_t step;
    builder build;
} builtin;

static const builtin builtins[] = {
    {"azerbaijan-2020",
     "Azerbaijan, June 2020 - January 2021: throttling and social media blocking during the "
     "Nagorno-Karabakh war (SYNTHETIC)",
     20200927UL, {2020, 6, 1}, {2021, 2, 1}, DISRUPT_SIM_HOUR, disrupt_sim_build_azerbaijan_2020},
    {"azerbaijan-2019-rally",
     "Baku, January 2019: mobile internet shut down during an opposition rally, 5-minute "
     "traffic (SYNTHETIC)",
     20190119UL, {2019, 1, 12}, {2019, 1, 27}, 300, disrupt_sim_build_azerbaijan_2019_rally},
    {"azerbaijan-2018-2021",
     "Azerbaijan 2018-2021: daily national traffic for comparing years (SYNTHETIC)",
     20182021UL, {2018, 1, 1}, {2022, 1, 1}, DISRUPT_SIM_DAY,
     disrupt_sim_build_azerbaijan_2018_2021},
    {"myanmar-2021",
     "Myanmar, 15 January - 15 May 2021: coup shutdowns and nightly shutdowns (SYNTHETIC)",
     20210201UL, {2021, 1, 15}, {2021, 5, 16}, 600, disrupt_sim_build_myanmar_2021},
    {"iran-2019",
     "Iran, November 2019: national shutdown with staged restoration (SYNTHETIC)",
     20191116UL, {2019, 11, 9}, {2019, 12, 2}, 600, disrupt_sim_build_iran_2019},
};

#define NBUILTINS (sizeof builtins / sizeof builtins[0])

const char *const *disrupt_sim_scenario_names(void)
{
    static const char *const names[] = {"azerbaijan-2020", "azerbaijan-2019-rally",
                                        "azerbaijan-2018-2021", "myanmar-2021", "iran-2019",
                                        NULL};
    _Static_assert(sizeof names / sizeof names[0] == NBUILTINS + 1, "names match builtins");
    return names;
}

int disrupt_sim_scenario_builtin(const char *name, unsigned long seed,
                                 disrupt_sim_scenario **out, disrupt_error *err)
{
    *out = NULL;
    const builtin *b = NULL;
    for (size_t i = 0; i < NBUILTINS; i++)
        if (strcmp(builtins[i].name, name) == 0)
            b = &builtins[i];
    if (!b)
        return disrupt_error_set(err, DISRUPT_EINVAL, "unknown scenario '%s'", name);
    if (seed == 0)
        seed = b->seed;
    disrupt_sim_scenario *sc = disrupt_sim_scenario_alloc(
        name, disrupt_sim_utc(b->first[0], b->first[1], b->first[2], 0, 0),
        disrupt_sim_utc(b->last[0], b->last[1], b->last[2], 0, 0), b->step, seed);
    if (!sc)
        return disrupt_error_nomem(err);
    char command[160];
    snprintf(command, sizeof command, "disrupt simulate --scenario %s --seed %lu", name, seed);
    int rc = disrupt_sim_scenario_set_text(sc, b->title, command, err);
    rc = rc ? rc : b->build(sc, err);
    rc = rc ? rc : disrupt_sim_scenario_validate(sc, err);
    if (rc) {
        disrupt_sim_scenario_free(sc);
        return rc;
    }
    *out = sc;
    return DISRUPT_OK;
}
