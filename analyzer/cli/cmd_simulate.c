/* cmd_simulate.c — `disrupt simulate`: SYNTHETIC series with ground truth, from a built-in
 * scenario, a JSON description, or a varied suite of cases for accuracy scoring. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/core/outfile.h"
#include "disrupt/simulate/simulate.h"

enum { OPT_SCENARIO, OPT_SPEC, OPT_SEED, OPT_OUT, OPT_LIST, OPT_SUITE, OPT_COUNT };

typedef struct {
    const char *scenario;
    const char *spec;
    const char *out;
    const char *suite;
    size_t count;
    int count_given;
    unsigned long seed;
    int seed_given;
    int list;
} simulate_options;

static const cli_option scenario_options[] = {
    {"scenario", "NAME", OPT_SCENARIO, "a built-in scenario (see --list)", 0},
    {"spec", "FILE.json", OPT_SPEC, "a scenario described in JSON (- = standard input)", 0},
    {"seed", "N", OPT_SEED, "random seed, 1 to 4294967295 (default: the scenario's own; suite: 1)", 0},
    {"out", "DIR", OPT_OUT, "output folder, created if missing (default: ./NAME)", 0},
    {"list", NULL, OPT_LIST, "list the built-in scenarios and exit", 0},
    {NULL, NULL, 0, NULL, 0},
};

static const cli_option suite_options[] = {
    {"suite", "DIR", OPT_SUITE, "write COUNT random cases DIR/case-NNNN/ and DIR/suite.csv", 0},
    {"count", "N", OPT_COUNT, "number of suite cases (default 50)", 0},
    {NULL, NULL, 0, NULL, 0},
};

static const cli_command_doc simulate_doc = {
    "simulate",
    "disrupt simulate --scenario NAME | --spec FILE.json [--seed N] [--out DIR]\n"
    "       disrupt simulate --suite DIR [--count N] [--seed S]",
    "Writes realistic SYNTHETIC measurement series (traffic, BGP, active probing, throughput,\n"
    "OONI counts) with injected shutdowns, throttling and blocking, plus truth.json (the\n"
    "injected windows) and meta.json. The same seed always gives the same bytes.\n\n"
    "A --spec file is one JSON object: name, start, end, step (required), seed, utc_offset\n"
    "(\"+04:00\"), weekend ([\"sat\", \"sun\"]), signals (required: name, type traffic|bgp|\n"
    "probing|throughput|ooni; file, dialect plain|ioda|ooni, level, diurnal_ratio, peak_hour,\n"
    "weekend_factor, trend, noise, outlier_rate, gap_rate, blocked_share, decimals), holidays\n"
    "(start, end, factor, label) and events (kind shutdown|throttling|blocking|nightly|regional,\n"
    "start, end; depth, share, ramp, blocked_share, daily_start, daily_length, targets, label).\n"
    "Times are UTC (\"2021-03-15\" or \"2021-03-15T06:00:00Z\"), durations \"90s\", \"1h\", \"2d\".\n\n"
    "--suite writes DIR/suite.csv (case,step_seconds,windows,events) and one folder per case\n"
    "with traffic.csv (and an OONI file when a case has blocking) and truth.json.",
    "write SYNTHETIC series with known disruptions (ground truth)",
    "In DIR: the series as CSV (traffic.csv and, for blocking, an OONI count file), each "
    "marked synthetic in a comment line, and truth.json with the injected windows; with "
    "--suite, DIR/suite.csv and one such folder per case.",
    "disrupt simulate --scenario azerbaijan-2020 --out /tmp/az\n"
    "disrupt simulate --spec tests/data/simulate-throttle.json --out /tmp/throttle\n"
    "disrupt simulate --suite /tmp/suite --count 200 --seed 1",
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
    case OPT_SUITE: o->suite = arg; return 0;
    case OPT_COUNT:
        if (cli_parse_size("simulate", "count", arg, &v) != 0)
            return CLI_EXIT_USAGE;
        if (v == 0 || v > 9999)
            return cli_usage_error("simulate", "--count expects a whole number from 1 to 9999, found '%s'", arg);
        o->count = v;
        o->count_given = 1;
        return 0;
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

static int write_scenario(const disrupt_sim_scenario *sc, const char *dir, size_t *nwindows,
                          disrupt_error *err)
{
    disrupt_sim_output out = {0};
    disrupt_sim_truth truth = {0};
    int rc = ensure_dir(dir, err);
    rc = rc ? rc : disrupt_sim_generate(sc, &out, err);
    rc = rc ? rc : disrupt_sim_truth_build(sc, &truth, err);
    rc = rc ? rc : disrupt_sim_write_all(sc, &out, &truth, dir, err);
    *nwindows = truth.n;
    disrupt_sim_truth_fini(&truth);
    disrupt_sim_output_fini(&out);
    return rc;
}

/* "throttling 2021-03-01T00:00:00Z+3.5d depth 0.35; …" for suite.csv. */
static void describe(FILE *fp, const disrupt_sim_scenario *sc)
{
    if (sc->nevents == 0)
        fputs("none", fp);
    for (size_t i = 0; i < sc->nevents; i++) {
        const disrupt_sim_event *e = &sc->events[i];
        double depth = e->kind == DISRUPT_SIM_BLOCKING ? e->blocked_share : e->share * e->depth;
        fprintf(fp, "%s%s %.2fd %s %.2f%s", i ? "; " : "", disrupt_sim_event_kind_name(e->kind),
                (double)(e->end - e->start) / 86400.0,
                e->kind == DISRUPT_SIM_BLOCKING ? "blocked" : "depth", depth,
                e->ramp > 0 ? " ramp" : "");
    }
}

static int write_suite(const simulate_options *o, disrupt_error *err)
{
    unsigned long seed = o->seed_given ? o->seed : 1;
    size_t count = o->count_given ? o->count : 50;
    int rc = ensure_dir(o->suite, err);
    size_t len = strlen(o->suite) + 32;
    char *path = malloc(len);
    if (!path)
        return disrupt_error_nomem(err);
    disrupt_outfile index;
    snprintf(path, len, "%s/suite.csv", o->suite);
    rc = rc ? rc : disrupt_outfile_open(&index, path, err);
    if (rc) {
        free(path);
        return rc;
    }
    fprintf(index.fp, "# SYNTHETIC accuracy suite generated by disrupt simulate --suite DIR "
                      "--count %zu --seed %lu; not a measurement\ncase,step_seconds,windows,events\n",
            count, seed);
    for (size_t i = 0; i < count && !rc; i++) {
        disrupt_sim_scenario *sc = NULL;
        size_t nwindows = 0;
        rc = disrupt_sim_scenario_random(seed, i, &sc, err);
        if (!rc) {
            snprintf(path, len, "%s/%s", o->suite, sc->name);
            rc = write_scenario(sc, path, &nwindows, err);
        }
        if (!rc) {
            fprintf(index.fp, "%s,%lld,%zu,", sc->name, (long long)sc->step, nwindows);
            describe(index.fp, sc);
            fputc('\n', index.fp);
        }
        disrupt_sim_scenario_free(sc);
    }
    free(path);
    if (rc) {
        disrupt_outfile_abort(&index);
        return rc;
    }
    rc = disrupt_outfile_commit(&index, err);
    if (!rc)
        printf("suite: %zu SYNTHETIC cases written to %s (index: suite.csv)\n", count, o->suite);
    return rc;
}

static void list_scenarios(FILE *fp)
{
    for (const char *const *n = disrupt_sim_scenario_names(); *n; n++)
        fprintf(fp, "%s\n", *n);
}

static int run_one(const simulate_options *o)
{
    disrupt_error err = {0};
    disrupt_sim_scenario *sc = NULL;
    int rc;
    if (o->scenario)
        rc = disrupt_sim_scenario_builtin(o->scenario, o->seed, &sc, &err);
    else
        rc = disrupt_sim_scenario_from_json(o->spec, o->seed, o->seed_given, &sc, &err);
    if (rc && o->scenario && rc == DISRUPT_EINVAL) {
        cli_usage_error("simulate", "%s (built-in: see 'disrupt simulate --list')", err.message);
        return CLI_EXIT_USAGE;
    }
    if (rc)
        return cli_fail(&err);
    size_t nwindows = 0;
    const char *dir = o->out ? o->out : sc->name;
    rc = write_scenario(sc, dir, &nwindows, &err);
    if (!rc) {
        printf("%s: %zu signals, %zu truth windows written to %s (SYNTHETIC)\n", sc->name,
               sc->nsignals, nwindows, dir);
        /* Name each file once, with the signals it holds, so the next command can be typed. */
        for (size_t i = 0; i < sc->nsignals; i++) {
            size_t first = 0;
            while (strcmp(sc->signals[first].file, sc->signals[i].file) != 0)
                first++;
            if (first != i)
                continue;
            printf("  %s/%s:", dir, sc->signals[i].file);
            for (size_t j = i; j < sc->nsignals; j++)
                if (strcmp(sc->signals[j].file, sc->signals[i].file) == 0)
                    printf(" %s", sc->signals[j].id ? sc->signals[j].id : sc->signals[j].name);
            putchar('\n');
        }
        printf("  %s/truth.json, %s/meta.json\n", dir, dir);
    }
    disrupt_sim_scenario_free(sc);
    return rc ? cli_fail(&err) : CLI_EXIT_OK;
}

int cmd_simulate(int argc, char **argv)
{
    simulate_options o = {0};
    cli_group groups[] = {{"Scenario", scenario_options, handle, &o},
                          {"Accuracy suite", suite_options, handle, &o}};
    int first = 0;
    int rc = cli_parse(argc, argv, &simulate_doc, groups, 2, &first);
    if (rc != 0)
        return rc < 0 ? CLI_EXIT_OK : rc;
    if (first < argc)
        return cli_usage_error("simulate", "unexpected argument '%s'", argv[first]);
    if (o.list) {
        list_scenarios(stdout);
        return CLI_EXIT_OK;
    }
    int modes = (o.scenario != NULL) + (o.spec != NULL) + (o.suite != NULL);
    if (modes != 1)
        return cli_usage_error("simulate", "give exactly one of --scenario NAME, --spec FILE.json "
                                           "or --suite DIR");
    if (o.count_given && !o.suite)
        return cli_usage_error("simulate", "--count goes with --suite");
    if (o.out && o.suite)
        return cli_usage_error("simulate", "--suite DIR is the output folder; drop --out");
    if (o.suite) {
        disrupt_error err = {0};
        return write_suite(&o, &err) ? cli_fail(&err) : CLI_EXIT_OK;
    }
    return run_one(&o);
}
