/* cmd_compare.c — `disrupt compare --by year|file FILE...`: periods side by side. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/workflows/compare.h"
#include "disrupt/workflows/compare_report.h"
#include "disrupt/plot/plot_compare.h"
#include "workflow.h"

enum { OPT_BY, OPT_YEAR_START, OPT_JSON, OPT_CSV, OPT_OVERLAY, OPT_QUIET };

typedef struct {
    int by_file;
    int month, day;
    const char *json;
    const char *csv;
    int overlay;
    int quiet;
} compare_cli;

static const cli_option compare_options[] = {
    {"by", "WHAT", OPT_BY, "year (default) or file: one row per year or per file", 0},
    {"year-start", "MM-DD", OPT_YEAR_START,
     "years begin this day, local midnight in --tz (default 01-01)", 0},
    {"json", "FILE", OPT_JSON, "write the periods as JSON to FILE ('-' for standard output)", 0},
    {"csv", "FILE", OPT_CSV, "write the periods as CSV to FILE ('-' for standard output)", 0},
    {"overlay", NULL, OPT_OVERLAY,
     "with --plot: each period's series relative to its baseline", 0},
    {"quiet", NULL, OPT_QUIET, WORKFLOW_QUIET_HELP, 0},
    {NULL, NULL, 0, NULL, 0},
};

static int parse_year_start(compare_cli *o, const char *arg)
{
    int m, d, used = 0;
    if (sscanf(arg, "%2d-%2d%n", &m, &d, &used) != 2 || arg[used] || m < 1 || m > 12 || d < 1 ||
        d > 31)
        return cli_usage_error("compare", "--year-start expects MM-DD such as 03-21, found '%s'",
                               arg);
    o->month = m;
    o->day = d;
    return 0;
}

static int handle_compare(void *ctx, int key, const char *arg)
{
    compare_cli *o = ctx;
    switch (key) {
    case OPT_BY:
        if (strcmp(arg, "year") == 0)
            o->by_file = 0;
        else if (strcmp(arg, "file") == 0)
            o->by_file = 1;
        else
            return cli_usage_error("compare", "--by expects year or file, found '%s'", arg);
        return 0;
    case OPT_YEAR_START:
        return parse_year_start(o, arg);
    case OPT_JSON: o->json = arg; break;
    case OPT_CSV: o->csv = arg; break;
    case OPT_OVERLAY: o->overlay = 1; break;
    case OPT_QUIET: o->quiet = 1; break;
    }
    return 0;
}

static const cli_command_doc compare_doc = {
    "compare",
    "disrupt compare [--by year|file] [OPTIONS] FILE...",
    "Sets periods side by side: per calendar year (or year from --year-start), or per input\n"
    "file: windows by kind, days disrupted (at least one signal), the longest window, the\n"
    "deepest and median depth, first and last dates. A window belongs to every period it\n"
    "overlaps; its days are counted inside each. --plot draws one row per period on a shared\n"
    "January-December axis, windows as bars coloured by kind.",
    "set years or files side by side: windows, days, depth",
    "A table, one row per period: windows by kind, calendar days touched and disrupted "
    "days (the union of the windows), the longest and deepest window, the highest blocked "
    "share. --json FILE writes {\"version\", \"disrupt_version\", \"by\", \"periods\": [{\"name\", "
    "\"start\", \"end\", \"covered_days\", \"windows\", \"by_kind\", \"calendar_days\", "
    "\"disrupted_days\", \"longest_days\", \"deepest\", \"median_depth\", \"highest_blocking\", "
    "\"first_day\", \"last_day\", ...}]}; --plot FILE draws the periods on a shared axis.",
    "disrupt compare --by year datasets/azerbaijan-2018-2021/traffic.csv\n"
    "disrupt compare --by year --plot years.png --json years.json traffic.csv\n"
    "disrupt compare --by file --tz Asia/Yangon mm-2021.csv mm-2022.csv",
};

/* Everything one run holds: one dataset and detection per source (one for --by year). */
typedef struct {
    disrupt_dataset *data;
    disrupt_detection *detection;
    size_t count;
} sources;

static void sources_fini(sources *s)
{
    for (size_t i = 0; i < s->count; i++) {
        disrupt_detection_fini(&s->detection[i]);
        disrupt_dataset_fini(&s->data[i]);
    }
    free(s->data);
    free(s->detection);
}

static int sources_alloc(sources *s, size_t n, disrupt_error *err)
{
    s->data = calloc(n, sizeof *s->data);
    s->detection = calloc(n, sizeof *s->detection);
    s->count = 0;
    if (!s->data || !s->detection)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < n; i++) {
        disrupt_dataset_init(&s->data[i]);
        disrupt_detection_init(&s->detection[i]);
    }
    s->count = n;
    return DISRUPT_OK;
}

/* The shortest tail of path ("traffic.csv", "azerbaijan-2020/traffic.csv", …) that no other
 * file of the list ends with, so that rows of same-named files in different folders differ. */
static const char *period_name(char **files, int nfiles, int i)
{
    const char *path = files[i];
    const char *tail = path + strlen(path);
    for (;;) {
        while (tail > path && tail[-1] != '/')
            tail--;
        int clash = 0;
        size_t len = strlen(tail);
        for (int j = 0; j < nfiles && !clash; j++) {
            size_t lj = strlen(files[j]);
            clash = j != i && lj >= len && strcmp(files[j] + lj - len, tail) == 0 &&
                    (lj == len || files[j][lj - len - 1] == '/');
        }
        if (!clash || tail == path)
            return tail;
        tail--;  /* step over the '/' and take one more folder */
    }
}

/* A file's row: its --label, else its name (with folders where names clash). */
static const char *row_name(const ingest_cli *in, char **files, int nfiles, int i)
{
    for (size_t k = 0; k < in->nlabels; k++)
        if (strcmp(in->labels[k].file, files[i]) == 0)
            return in->labels[k].name;
    return period_name(files, nfiles, i);
}

/* --by file: each file read and detected on its own; its period is the span of its data. */
static int compare_files(char **files, int nfiles, ingest_cli *in, const detect_opts *d,
                         disrupt_progress *bar, sources *src, disrupt_compare_result *out,
                         disrupt_error *err)
{
    if (sources_alloc(src, (size_t)nfiles, err))
        return DISRUPT_ENOMEM;
    disrupt_progress_start(bar, "compare", "files", (size_t)nfiles);
    int rc = DISRUPT_OK;
    for (int i = 0; i < nfiles && rc == DISRUPT_OK; i++) {
        disrupt_dataset *data = &src->data[i];
        rc = disrupt_ingest_file(files[i], &in->opt, data, err);
        if (rc == DISRUPT_OK)
            rc = disrupt_detect_run(data, &d->detect, &src->detection[i], err);
        if (rc == DISRUPT_OK)
            workflow_warn_baselines(data, &src->detection[i], d);
        if (rc == DISRUPT_OK && data->count) {
            int64_t lo = data->series[0]->start, hi = disrupt_series_end(data->series[0]);
            for (size_t k = 1; k < data->count; k++) {
                if (data->series[k]->start < lo)
                    lo = data->series[k]->start;
                if (disrupt_series_end(data->series[k]) > hi)
                    hi = disrupt_series_end(data->series[k]);
            }
            rc = disrupt_compare_add_period(out, row_name(in, files, nfiles, i), (size_t)i, lo,
                                            hi, in->opt.tz, data, &src->detection[i].windows,
                                            err);
        }
        disrupt_progress_update(bar, (size_t)i + 1);
    }
    disrupt_progress_finish(bar);
    return rc;
}

static int write_table(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_compare_report_table(out, ctx, err);
}

static int write_json(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_compare_report_json(out, ctx, err);
}

static int write_csv(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_compare_report_csv(out, ctx, err);
}

static int draw(const cli_plot_opts *po, const compare_cli *c, const sources *src,
                const disrupt_compare_result *res, disrupt_error *err)
{
    disrupt_plot_compare_source *ps = calloc(src->count, sizeof *ps);
    if (!ps)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < src->count; i++) {
        ps[i].data = &src->data[i];
        ps[i].expected = (const double *const *)src->detection[i].expected;
        ps[i].windows = &src->detection[i].windows;
    }
    disrupt_plot_compare_input in = {res, ps, src->count, c->overlay, c->month, c->day};
    int rc = disrupt_plot_compare_write(po->path, &in, &po->plot, err);
    free(ps);
    return rc;
}

static int parse(int argc, char **argv, workflow_opts *w, compare_cli *c, int *first)
{
    cli_group own = {"Compare", compare_options, handle_compare, c};
    int status = workflow_parse(argc, argv, &compare_doc, own, w, first);
    if (status == 0 && c->overlay && !w->plot.path)
        status = cli_usage_error("compare", "--overlay draws on the chart: give --plot FILE");
    if (status == 0)
        status = workflow_check_files("compare", argv + *first, argc - *first, w, NULL, c->json,
                                      c->csv);
    return status;
}

int cmd_compare(int argc, char **argv)
{
    workflow_opts w;
    workflow_opts_init(&w, "compare");
    compare_cli c = {0, 1, 1, NULL, NULL, 0, 0};
    int first = 0;
    int status = parse(argc, argv, &w, &c, &first);
    if (status) {
        workflow_opts_fini(&w);
        return status < 0 ? CLI_EXIT_OK : status;
    }

    disrupt_error err = {0};
    sources src = {0};
    disrupt_compare_result res;
    disrupt_compare_result_init(&res);
    disrupt_progress bar;
    disrupt_progress_init(&bar, stderr, disrupt_progress_wanted(stderr, c.quiet));
    status = CLI_EXIT_DATA;
    if (c.by_file) {
        if (compare_files(argv + first, argc - first, &w.in, &w.detect, &bar, &src, &res, &err))
            goto fail;
    } else if (sources_alloc(&src, 1, &err) ||
               workflow_read_detect(argv + first, argc - first, &w.in, &w.detect, &bar, "compare",
                                    &src.data[0], &src.detection[0], &err) ||
               disrupt_compare_by_year(&res, 0, &src.data[0], &src.detection[0].windows, c.month,
                                       c.day, w.in.opt.tz, &err)) {
        goto fail;
    }
    disrupt_compare_report report = {&res, c.by_file ? "file" : "year", w.in.opt.tz};
    static const workflow_outputs outputs = {write_table, write_json, write_csv};
    if (workflow_emit(c.json, c.csv, &outputs, &report, &err))
        goto fail;
    if (w.plot.path && draw(&w.plot, &c, &src, &res, &err))
        goto fail;
    status = CLI_EXIT_OK;
    goto done;
fail:
    cli_fail(&err);
done:
    disrupt_compare_result_fini(&res);
    sources_fini(&src);
    workflow_opts_fini(&w);
    return status;
}
