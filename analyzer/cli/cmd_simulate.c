/* cmd_simulate.c — `disrupt simulate`: SYNTHETIC series with ground truth, from a built-in
 * scenario, a JSON description, or a varied suite for accuracy scoring. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/simulate.h"

enum { OPT_SCENARIO, OPT_SPEC, OPT_SEED, OPT_OUT, OPT_LIST };

typedef struct {
    const char *scenario;
    const char *spec;
    const char *out;
    unsigned long seed;
    int seed_given;
    int list;
} simulate_options;

static const cli_option scenario_options[] = {
    {"scenario", "NAME", OPT_SCENARIO, "a built-in scenario (see --list)", 0},
    {"seed", "N", OPT_SEED, "random seed (default: the scenario's own)", 0},
    {"out", "DIR", OPT_OUT, "output folder, created if missing (default: ./NAME)", 0},
    {"list", NULL, OPT_LIST, "list the built-in scenarios and exit", 0},
    {NULL, NULL, 0, NULL, 0},
};

static const cli_command_doc simulate_doc = {
    "simulate",
    "disrupt simulate --scenario NAME | --spec FILE.json [--seed N] [--out DIR]",
    "Writes realistic SYNTHETIC measurement series (traffic, BGP, active probing, throughput,\n"
    "OONI counts) with injected shutdowns, throttling and blocking, plus truth.json (the\n"
    "injected windows) and meta.json. The same seed always gives the same bytes.",
};

static int handle(void *ctx, int key, const char *arg)
{
    simulate_options *o = ctx;
    size_t v;
    switch (key) {
    case OPT_SCENARIO: o->scenario = arg; return 0;
    case OPT_SPEC: o->spec = arg; return 0;
    case OPT_OUT: o->out = arg; return 0;
    case OPT_LIST: o->list = 1; return 0;
    case OPT_SEED:
        if (cli_parse_size("simulate", "seed", arg, &v) != 0)
            return CLI_EXIT_USAGE;
        if (v == 0 || v > 0xffffffffUL)
            return cli_usage_error("simulate", "--seed expects a whole number from 1 to 4294967295, found '%s'", arg);
        o->seed = (unsigned long)v;
        o->seed_given = 1;
        return 0;
    }
    return 0;
}

/* Creates dir unless it already is a folder. */
static int ensure_dir(const char *dir, disrupt_error *err)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return DISRUPT_OK;
        return disrupt_error_set(err, DISRUPT_EIO, "%s: exists and is not a folder", dir);
    }
    if (mkdir(dir, 0777) != 0)
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot create folder: %s", dir,
                                 strerror(errno));
    return DISRUPT_OK;
}

static int write_scenario(const disrupt_sim_scenario *sc, const char *dir, disrupt_error *err)
{
    disrupt_sim_output out = {0};
    disrupt_sim_truth truth = {0};
    int rc = ensure_dir(dir, err);
    rc = rc ? rc : disrupt_sim_generate(sc, &out, err);
    rc = rc ? rc : disrupt_sim_truth_build(sc, &truth, err);
    rc = rc ? rc : disrupt_sim_write_all(sc, &out, &truth, dir, err);
    if (!rc)
        printf("%s: %zu signals, %zu truth windows written to %s (SYNTHETIC)\n", sc->name,
               sc->nsignals, truth.n, dir);
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_output_fini(&out);
    return rc;
}

static void list_scenarios(void)
{
    for (const char *const *n = disrupt_sim_scenario_names(); *n; n++)
        printf("%s\n", *n);
}

int cmd_simulate(int argc, char **argv)
{
    simulate_options o = {0};
    cli_group groups[] = {{"Scenario", scenario_options, handle, &o}};
    int first = 0;
    int rc = cli_parse(argc, argv, &simulate_doc, groups, 1, &first);
    if (rc != 0)
        return rc < 0 ? CLI_EXIT_OK : rc;
    if (first < argc)
        return cli_usage_error("simulate", "unexpected argument '%s'", argv[first]);
    if (o.list) {
        list_scenarios();
        return CLI_EXIT_OK;
    }
    if (!o.scenario)
        return cli_usage_error("simulate", "give --scenario NAME");
    disrupt_error err = {0};
    disrupt_sim_scenario *sc = NULL;
    rc = disrupt_sim_scenario_builtin(o.scenario, o.seed, &sc, &err);
    if (rc) {
        if (o.scenario && rc == DISRUPT_EINVAL && !sc) {
            cli_error("%s", err.message);
            fprintf(stderr, "disrupt: built-in scenarios:");
            for (const char *const *n = disrupt_sim_scenario_names(); *n; n++)
                fprintf(stderr, " %s", *n);
            fputc('\n', stderr);
            return CLI_EXIT_USAGE;
        }
        return cli_fail(&err);
    }
    rc = write_scenario(sc, o.out ? o.out : sc->name, &err);
    disrupt_sim_scenario_free(sc);
    return rc ? cli_fail(&err) : CLI_EXIT_OK;
}
