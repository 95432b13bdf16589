/* cmd_batch.c — `disrupt batch`: every entity of many files or long files, on every core,
 * into one folder (workflows/batch.h); one shard of them with --shard. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/core/path.h"
#include "disrupt/core/digest.h"
#include "disrupt/core/strmap.h"
#include "disrupt/workflows/batch.h"
#include "workflow.h"

enum { OPT_OUT, OPT_MANIFEST, OPT_JOBS, OPT_SHARD, OPT_CHARTS, OPT_QUIET };

typedef struct {
    const char *out;
    const char **manifests;
    size_t nmanifests;
    size_t jobs;           /* 0 = every core */
    unsigned shard, shards;
    const char *charts;    /* png, svg, pdf; NULL = none */
    int quiet;
} batch_opts;

static const cli_option batch_options[] = {
    {"out", "DIR", OPT_OUT, "write windows.json, windows.csv, entities.csv (and charts/) here "
     "(required; created if missing)", 0},
    {"manifest", "FILE", OPT_MANIFEST, "a CSV entity,file[,signal][,tz] naming the entity of "
     "each file (relative files are taken from its folder)", 1},
    {"jobs", "N", OPT_JOBS, "analyse N entities at once (default: every core)", 0},
    {"shard", "I/N", OPT_SHARD, "only the entities of shard I of N (0 ≤ I < N), for `disrupt "
     "merge`; the split depends on entity names only", 0},
    {"charts", "FORMAT", OPT_CHARTS, "also draw each entity's chart as DIR/charts/ENTITY.FORMAT "
     "(png, svg or pdf)", 0},
    {"quiet", NULL, OPT_QUIET, WORKFLOW_QUIET_HELP, 0},
    {NULL, NULL, 0, NULL, 0},
};

static int handle_batch(void *ctx, int key, const char *arg)
{
    batch_opts *o = ctx;
    switch (key) {
    case OPT_OUT: o->out = arg; return 0;
    case OPT_MANIFEST: {
        const char **m = realloc(o->manifests, (o->nmanifests + 1) * sizeof *m);
        if (!m)
            return cli_usage_error("batch", "out of memory");
        o->manifests = m;
        o->manifests[o->nmanifests++] = arg;
        return 0;
    }
    case OPT_JOBS:
        if (cli_parse_size("batch", "jobs", arg, &o->jobs))
            return CLI_EXIT_USAGE;
        if (o->jobs == 0 || o->jobs > 1024)
            return cli_usage_error("batch", "--jobs: expected 1 to 1024, found '%s'", arg);
        return 0;
    case OPT_SHARD:
        if (disrupt_batch_shard_parse(arg, &o->shard, &o->shards))
            return cli_usage_error("batch", "--shard: expected I/N with 0 ≤ I < N (0/4 to 3/4 "
                                   "for four shards), found '%s'", arg);
        return 0;
    case OPT_CHARTS:
        if (strcmp(arg, "png") && strcmp(arg, "svg") && strcmp(arg, "pdf"))
            return cli_usage_error("batch", "--charts: expected png, svg or pdf, found '%s'",
                                   arg);
        o->charts = arg;
        return 0;
    default: o->quiet = 1; return 0;
    }
}

static const cli_command_doc batch_doc = {
    "batch",
    "disrupt batch --out DIR [OPTIONS] [--manifest FILE] [FILE...]",
    "Analyses every entity (country, network) of the inputs on its own, as detect would, on\n"
    "every core, and writes one folder. A FILE is one entity's (named by its entity column, or\n"
    "its file stem) or a long file of many (timestamp,entity,signal,value; Tor's countries);\n"
    "a manifest names each file's entity. Long files are read entity by entity when their rows\n"
    "come grouped by entity, else in passes, so memory holds only the entities in flight.\n"
    "An entity that cannot be read or analysed is listed as failed, and the run goes on.\n"
    "--shard I/N runs one of N slices (by entity name); `disrupt merge` joins the N folders\n"
    "into exactly what one run over everything writes.",
    "detect disruptions in every entity of many files, on every core",
    "In DIR: windows.json {\"version\", \"disrupt_version\", \"settings\", \"entities\": [{\"entity\", "
    "\"status\" (ok, failed), \"message\", \"signals\", \"windows\", \"recurring\", \"events\"}]} "
    "with detect --json's items; windows.csv, detect --csv's rows after an entity column; "
    "entities.csv, one row per entity: status, signals, points, missing, windows by kind, "
    "disrupted days, first start, last end, message. Entities are sorted by name. charts/ "
    "with --charts. A line on standard output sums the run up.",
    "disrupt batch --out out/ countries/*.csv\n"
    "disrupt batch --out out/ --jobs 8 --charts png --manifest manifest.csv\n"
    "disrupt batch --out shard-3/ --shard 3/16 ioda-asn-long.csv",
};

/* The long option an argument "--pre[=…]" names, as getopt_long reads it: the one whose name
 * it is, or the one it is the start of; NULL when none or several. */
static const char *option_named(const cli_group *groups, size_t ngroups, const char *arg,
                                size_t len)
{
    const char *found = NULL;
    for (size_t g = 0; g < ngroups; g++)
        for (const cli_option *o = groups[g].options; o->name; o++) {
            if (strncmp(o->name, arg, len) != 0)
                continue;
            if (o->name[len] == '\0')
                return o->name;
            found = found ? "" : o->name;
        }
    return found && *found ? found : NULL;
}

/* A digest of what shapes the results: the program's version, every option as getopt_long
 * reads it (abbreviations in full, "--opt=value" as "--opt value") but those that only say
 * where and how fast (--out, --jobs, --shard, --quiet), every file, and the bytes of each
 * manifest. Shards of one run give one digest however their command lines spell it. */
static void settings_digest(int argc, char **argv, const batch_opts *b, const cli_group *groups,
                            size_t ngroups, char hex[DISRUPT_SHA256_HEX])
{
    static const char *const free_options[] = {"out", "jobs", "shard", "quiet"};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        disrupt_sha256_bytes("unknown", 7, hex);   /* merge then refuses nothing it should */
        return;
    }
    fprintf(f, "disrupt %s", DISRUPT_VERSION);
    fputc('\0', f);
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *name = NULL, *eq = NULL;
        if (strncmp(arg, "--", 2) == 0 && arg[2]) {
            eq = strchr(arg, '=');
            name = option_named(groups, ngroups, arg + 2,
                                eq ? (size_t)(eq - arg - 2) : strlen(arg + 2));
        }
        if (!name) {   /* a file, a value, or what getopt refused already */
            fputs(arg, f);
            fputc('\0', f);
            continue;
        }
        int is_free = 0;
        for (size_t k = 0; k < sizeof free_options / sizeof *free_options; k++)
            is_free |= strcmp(name, free_options[k]) == 0;
        int takes_value = 0;
        for (size_t g = 0; g < ngroups; g++)
            for (const cli_option *o = groups[g].options; o->name; o++)
                if (o->name == name)
                    takes_value = o->arg != NULL;
        const char *value = eq ? eq + 1 : takes_value && i + 1 < argc ? argv[++i] : NULL;
        if (is_free)
            continue;
        fprintf(f, "--%s", name);
        fputc('\0', f);
        if (value) {
            fputs(value, f);
            fputc('\0', f);
        }
    }
    for (size_t m = 0; m < b->nmanifests; m++) {
        char file_hex[DISRUPT_SHA256_HEX];
        uint64_t size;
        disrupt_error ignored = {0};
        if (disrupt_sha256_file(b->manifests[m], file_hex, &size, &ignored) == 0)
            fprintf(f, "manifest %s", file_hex);
        fputc('\0', f);
    }
    if (fclose(f) == 0)
        disrupt_sha256_bytes(buf, len, hex);
    else
        disrupt_sha256_bytes("unknown", 7, hex);
    free(buf);
}

/* ---- charts ----------------------------------------------------------------------------- */

typedef struct {
    const cli_plot_opts *plot;
    char *folder;          /* DIR/charts */
    const char *format;
} chart_ctx;

/* DIR/charts/NAME.FORMAT (batch.h names it). */
static char *chart_file(const chart_ctx *c, const char *entity)
{
    char *name = disrupt_batch_chart_name(entity, c->format);
    char *path = name ? disrupt_path_join(c->folder, name) : NULL;
    free(name);
    return path;
}

static int draw_chart(void *ctx, const char *entity, const char *tz, const disrupt_dataset *data,
                      const disrupt_detection *result, disrupt_error *err)
{
    const chart_ctx *c = ctx;
    char *path = chart_file(c, entity);
    if (!path)
        return disrupt_error_nomem(err);
    cli_plot_opts o = *c->plot;
    o.path = path;
    if (tz && !o.plot_tz)   /* the entity's zone, unless --plot-tz chose one */
        o.plot.tz = tz;
    if (!o.plot.title)
        o.plot.title = entity;
    disrupt_plot_input in = {0};
    in.data = data;
    in.expected = (const double *const *)result->expected;
    in.windows = &result->windows;
    in.left_out = (const char *const *)result->skipped;
    int rc = cli_plot_write(&o, &in, err);
    free(path);
    return rc;
}

/* ---- progress ----------------------------------------------------------------------------- */

static void show_progress(void *ctx, const disrupt_batch_totals *t)
{
    disrupt_progress *bar = ctx;
    char note[96];
    if (t->failed)
        snprintf(note, sizeof note, "%zu windows, %zu failed", t->windows, t->failed);
    else
        snprintf(note, sizeof note, "%zu windows", t->windows);
    disrupt_progress_note(bar, note);
    disrupt_progress_update(bar, t->done);
}

static double seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ---- warnings ------------------------------------------------------------------------------- */

/* Thousands of entities repeat a warning thousands of times: the first few are printed, the
 * rest counted, and a warning said already (the same file in several manifest rows) is not
 * said again (ingest warns on the reading thread only). */
#define SHOWN_WARNINGS 10

typedef struct {
    size_t count;
    disrupt_strmap said;
} warning_tally;

static void tally_warning(void *ctx, const char *message)
{
    warning_tally *t = ctx;
    size_t index, len = strlen(message);
    int added = 1;
    if (t->said.count < 1000 ? disrupt_strmap_add(&t->said, message, len, &index, &added) == 0 &&
                                   !added
                             : disrupt_strmap_find(&t->said, message, len) != (size_t)-1)
        return;   /* memory for the first thousand only */
    if (t->count++ < SHOWN_WARNINGS)
        cli_warning("%s", message);
}

/* ---- the command ------------------------------------------------------------------------- */

static int gather_inputs(const batch_opts *b, char **files, int nfiles, disrupt_batch_inputs *in,
                         disrupt_error *err)
{
    int rc = 0;
    for (size_t m = 0; m < b->nmanifests && rc == 0; m++)
        rc = disrupt_batch_manifest_read(b->manifests[m], in, err);
    for (int i = 0; i < nfiles && rc == 0; i++)
        rc = disrupt_batch_inputs_add_file(in, files[i], err);
    return rc;
}

static int check_usage(const batch_opts *b, const workflow_opts *w, int nfiles)
{
    if (!b->out)
        return cli_usage_error("batch", "--out DIR is required (the folder to write)");
    if (nfiles == 0 && b->nmanifests == 0)
        return cli_usage_error("batch", "no input given: FILE... or --manifest FILE");
    if (w->plot.path)
        return cli_usage_error("batch", "--plot draws one chart; batch draws one per entity "
                               "with --charts png|svg|pdf");
    if (w->in.nlabels)
        return cli_usage_error("batch", "--label names a file's signals; in batch each entity "
                               "names its own (a manifest names files' entities)");
    return 0;
}

/* Says which entities failed (the first few) and sums the run up. */
static void report_run(const batch_opts *b, const disrupt_batch_plan *plan,
                       const disrupt_batch_totals *t, double seconds)
{
    printf("batch: %zu entit%s, %zu windows, %zu points in %.1f s (%.0f entities/s; at most "
           "%zu entit%s, %zu points in memory at once%s); wrote %s/windows.json, windows.csv, "
           "entities.csv%s\n",
           t->done, t->done == 1 ? "y" : "ies", t->windows, t->points, seconds,
           seconds > 0 ? (double)t->done / seconds : 0.0, t->peak_entities,
           t->peak_entities == 1 ? "y" : "ies", t->peak_points,
           plan->passes ? ", ungrouped long files read in passes" : "", b->out,
           b->charts ? " and charts/" : "");
    if (t->failed)
        cli_warning("%zu of %zu entities failed; entities.csv says why (status failed)",
                    t->failed, t->done);
    if (t->charts_failed)
        cli_warning("%zu chart%s could not be drawn (their entities name none); the first: %s",
                    t->charts_failed, t->charts_failed == 1 ? "" : "s", t->chart_error);
}

int cmd_batch(int argc, char **argv)
{
    workflow_opts w;
    workflow_opts_init(&w, "batch");
    w.operands_optional = 1;
    batch_opts b = {0};
    b.shards = 1;
    int first = 0;
    int status = workflow_parse(argc, argv, &batch_doc,
                                (cli_group){"Batch", batch_options, handle_batch, &b}, &w,
                                &first);
    if (status == 0)
        status = check_usage(&b, &w, argc - first);
    if (status) {
        free(b.manifests);
        workflow_opts_fini(&w);
        return status < 0 ? CLI_EXIT_OK : status;
    }
    if (b.jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        b.jobs = cores > 0 ? (size_t)cores : 1;
    }
    warning_tally tally = {0, {0}};
    disrupt_strmap_init(&tally.said);
    w.in.opt.warn = tally_warning;
    w.in.opt.warn_ctx = &tally;
    double started = seconds_now();
    disrupt_error err = {0};
    disrupt_batch_inputs in;
    disrupt_batch_inputs_init(&in);
    disrupt_batch_plan plan = {0};
    disrupt_batch_index spool;
    disrupt_batch_index_init(&spool);
    chart_ctx charts = {&w.plot, NULL, b.charts};
    status = CLI_EXIT_DATA;
    struct stat st;
    if (stat(b.out, &st) == 0 && !S_ISDIR(st.st_mode)) {   /* before hours of analysis */
        disrupt_error_set(&err, DISRUPT_EIO, "--out %s: expected a folder, found a file", b.out);
        goto fail;
    }
    if (gather_inputs(&b, argv + first, argc - first, &in, &err) ||
        disrupt_batch_plan_make(&in, &w.in.opt, b.shard, b.shards, 0, &plan, &err) ||
        disrupt_batch_spool_open(&spool, &err))
        goto fail;
    if (disrupt_batch_prepare_folder(b.out, &err))
        goto fail;
    if (b.charts) {
        if (!(charts.folder = disrupt_path_join(b.out, "charts")))
            goto nomem;
        if (mkdir(charts.folder, 0777) && errno != EEXIST) {
            disrupt_error_set(&err, DISRUPT_EIO, "%s: cannot create the folder: %s",
                              charts.folder, strerror(errno));
            goto fail;
        }
    }
    disrupt_progress bar;
    disrupt_progress_init(&bar, stderr, disrupt_progress_wanted(stderr, b.quiet));
    disrupt_progress_start(&bar, "batch", "entities", plan.entities);
    disrupt_batch_run_options run = {&in, &plan, &w.in.opt, &w.detect.detect, (unsigned)b.jobs,
                                     b.charts ? draw_chart : NULL, &charts, b.charts,
                                     show_progress, &bar};
    /* Before the run: a manifest edited meanwhile must not change what the shard says. */
    char settings[DISRUPT_SHA256_HEX];
    cli_group groups[] = {{"Batch", batch_options, handle_batch, &b}, ingest_cli_group(&w.in),
                          detect_opts_group(&w.detect), cli_plot_group(&w.plot)};
    settings_digest(argc, argv, &b, groups, sizeof groups / sizeof *groups, settings);
    disrupt_batch_totals totals;
    int rc = disrupt_batch_run(&run, &spool, &totals, &err);
    disrupt_progress_finish(&bar);
    if (rc || disrupt_batch_write(b.out, &spool, settings, b.shard, b.shards, &err))
        goto fail;
    report_run(&b, &plan, &totals, seconds_now() - started);
    if (tally.count > SHOWN_WARNINGS)
        cli_warning("%zu further warnings not shown (of %zu); detect on one entity's files "
                    "shows its own", tally.count - SHOWN_WARNINGS, tally.count);
    /* Every entity failed: likely the wrong format or options; but a shard's files are
     * valid all the same, and its merge must not wait on its status. */
    status = b.shards == 1 && totals.done && totals.failed == totals.done ? CLI_EXIT_DATA
                                                                         : CLI_EXIT_OK;
    goto done;
nomem:
    disrupt_error_nomem(&err);
fail:
    cli_fail(&err);
done:
    disrupt_strmap_fini(&tally.said);
    free(charts.folder);
    disrupt_batch_index_fini(&spool);
    disrupt_batch_plan_fini(&plan);
    disrupt_batch_inputs_fini(&in);
    free(b.manifests);
    workflow_opts_fini(&w);
    return status;
}
