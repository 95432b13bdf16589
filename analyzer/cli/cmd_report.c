/* cmd_report.c — `disrupt report --out DIR FILE...`: a folder ready for an editor:
 * report.md with the figures embedded, the figures as PNG and SVG, windows.json and
 * windows.csv (and verdicts.json/csv with --claims). Every file is written atomically. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/core/path.h"
#include "disrupt/workflows/claims.h"
#include "disrupt/workflows/compare.h"
#include "disrupt/plot/plot_compare.h"
#include "disrupt/workflows/report.h"
#include "report_folder.h"
#include "disrupt/workflows/report_html.h"
#include "disrupt/workflows/report_md.h"
#include "disrupt/workflows/verify.h"
#include "workflow.h"

enum { OPT_OUT, OPT_CLAIMS, OPT_TOLERANCE, OPT_QUIET, OPT_DATE_ORDER, OPT_FORCE };

typedef struct {
    const char *out;
    const char *claims;
    disrupt_date_order date_order;
    long long tolerance;
    int quiet;
    int force;       /* --force: replace a --out folder that is not a report */
} report_cli;

static const cli_option report_options[] = {
    {"out", "DIR", OPT_OUT,
     "folder to write the report into (required): new, empty or an earlier\n"
     "                            report, replaced whole once every file is written", 0},
    {"force", NULL, OPT_FORCE, "replace the files of a --out folder that is not a report", 0},
    {"claims", "FILE", OPT_CLAIMS, "also check these claimed windows (as disrupt verify)", 0},
    {"tolerance", "DUR", OPT_TOLERANCE, "with --claims: widen boundary intervals by DUR", 0},
    {"date-order", "dmy|mdy", OPT_DATE_ORDER,
     "how slashed claim dates such as 03/01/2020 read (default: from the whole column)", 0},
    {"quiet", NULL, OPT_QUIET, WORKFLOW_QUIET_HELP, 0},
    {NULL, NULL, 0, NULL, 0},
};

static int handle_report(void *ctx, int key, const char *arg)
{
    report_cli *o = ctx;
    switch (key) {
    case OPT_OUT: o->out = arg; break;
    case OPT_CLAIMS: o->claims = arg; break;
    case OPT_TOLERANCE:
        return cli_parse_duration("report", "tolerance", arg, &o->tolerance);
    case OPT_QUIET: o->quiet = 1; break;
    case OPT_FORCE: o->force = 1; break;
    case OPT_DATE_ORDER: return cli_parse_date_order("report", arg, &o->date_order);
    }
    return 0;
}

static const cli_command_doc report_doc = {
    "report",
    "disrupt report --out DIR [--claims C] [OPTIONS] FILE...",
    "Writes a folder to hand to an editor: report.md (summary, windows table with 95%\n"
    "intervals, verdicts when --claims is given, years side by side when two or more years\n"
    "hold half a year of data each, figures embedded), report.html (the same as one\n"
    "self-contained page, figures inline as SVG, for a browser), timeline.png/.svg (and\n"
    "years.png/.svg), windows.json and windows.csv (verdicts.json and verdicts.csv with\n"
    "--claims). Chart options shape the figures; every file is written atomically.",
    "write a folder for an editor: report.md, figures, JSON, CSV",
    "The folder DIR: report.md (summary, windows with 95% intervals, verdicts with "
    "--claims, years side by side, provenance with the SHA-256 of every input and the "
    "command line), report.html (the same text as one page with the figures inline as SVG, "
    "no script, nothing fetched), timeline.png and timeline.svg (years.png and years.svg when years are "
    "compared), windows.json and windows.csv as detect writes them, and verdicts.json and "
    "verdicts.csv as verify writes them.",
    "disrupt report --out report --claims datasets/azerbaijan-2020/claims.csv datasets/azerbaijan-2020/traffic.csv\n"
    "disrupt report --out report --tz Asia/Baku traffic.csv ooni.csv",
};

/* Everything the report is made of, released in one place. */
typedef struct {
    disrupt_claim_list claims;
    disrupt_dataset data;
    disrupt_detection detection;
    disrupt_verify_result verdicts;
    disrupt_verify_options vopt;
    disrupt_verify_report verify;
    disrupt_compare_result years;
    disrupt_compare_report years_report;
    int have_claims, have_years;
} report_state;

static void state_init(report_state *s)
{
    memset(s, 0, sizeof *s);
    disrupt_claim_list_init(&s->claims);
    disrupt_dataset_init(&s->data);
    disrupt_detection_init(&s->detection);
    disrupt_verify_result_init(&s->verdicts);
    disrupt_verify_options_init(&s->vopt);
    disrupt_compare_result_init(&s->years);
}

static void state_fini(report_state *s)
{
    disrupt_compare_result_fini(&s->years);
    disrupt_verify_result_fini(&s->verdicts);
    disrupt_detection_fini(&s->detection);
    disrupt_dataset_fini(&s->data);
    disrupt_claim_list_fini(&s->claims);
}

static int write_windows_json(FILE *out, const void *ctx, disrupt_error *err)
{
    const report_state *s = ctx;
    return disrupt_report_json(out, &s->data, &s->detection, err);
}

static int write_windows_csv(FILE *out, const void *ctx, disrupt_error *err)
{
    const report_state *s = ctx;
    return disrupt_report_csv(out, &s->data, &s->detection, err);
}

static int write_verdicts_json(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_verify_report_json(out, ctx, err);
}

static int write_verdicts_csv(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_verify_report_csv(out, ctx, err);
}

static int write_markdown(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_report_markdown(out, ctx, err);
}

static int write_html(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_report_html_write(out, ctx, err);
}


/* Writes dir/name with the writer; one step of the progress bar. */
static int write_one(const char *dir, const char *name, workflow_writer w, const void *ctx,
                     disrupt_progress *bar, size_t *step, disrupt_error *err)
{
    char *path = disrupt_path_join(dir, name);
    if (!path)
        return disrupt_error_nomem(err);
    int rc = workflow_write(path, w, ctx, err);
    free(path);
    disrupt_progress_update(bar, ++*step);
    return rc;
}

/* report.html: report.md's text made into a page with the SVG figures inline. */
static int write_page(const char *dir, const disrupt_report_md *md, disrupt_progress *bar,
                      size_t *step, disrupt_error *err)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return disrupt_error_nomem(err);
    int rc = disrupt_report_markdown(mem, md, err);
    if (fclose(mem) != 0 && !rc)
        rc = disrupt_error_nomem(err);
    if (!rc) {
        disrupt_report_html page = {text, len, md->title ? md->title : "Disruption report",
                                    md->figures, md->nfigures, dir};
        rc = write_one(dir, "report.html", write_html, &page, bar, step, err);
    }
    free(text);
    return rc;
}

static int draw_timeline(const char *dir, const char *name, const workflow_opts *w,
                         const report_state *s, disrupt_error *err)
{
    disrupt_plot_claim *marks = workflow_plot_claims(&s->claims,
                                                     s->have_claims ? &s->verdicts : NULL);
    char *path = disrupt_path_join(dir, name);
    int rc = DISRUPT_OK;
    if (!marks || !path) {
        rc = disrupt_error_nomem(err);
        goto done;
    }
    cli_plot_opts po = w->plot;
    po.path = path;
    po.plot.format = DISRUPT_PLOT_AUTO;
    disrupt_plot_input chart = {0};
    chart.data = &s->data;
    chart.expected = (const double *const *)s->detection.expected;
    chart.windows = &s->detection.windows;
    chart.left_out = (const char *const *)s->detection.skipped;
    chart.claims = marks;
    chart.nclaims = s->claims.count;
    rc = cli_plot_write(&po, &chart, err);
done:
    free(marks);
    free(path);
    return rc;
}

static int draw_years(const char *dir, const char *name, const workflow_opts *w,
                      const report_state *s, disrupt_error *err)
{
    char *path = disrupt_path_join(dir, name);
    if (!path)
        return disrupt_error_nomem(err);
    disrupt_plot_compare_source src = {&s->data, (const double *const *)s->detection.expected,
                                       &s->detection.windows};
    disrupt_plot_compare_input in = {&s->years, &src, 1, 1, 1, 1};
    disrupt_plot_options opt = w->plot.plot;
    opt.format = DISRUPT_PLOT_AUTO;
    opt.title = NULL;
    int rc = disrupt_plot_compare_write(path, &in, &opt, err);
    free(path);
    return rc;
}

static int analyse(char **files, int nfiles, workflow_opts *w, const report_cli *r,
                   report_state *s, disrupt_progress *bar, disrupt_error *err)
{
    if (r->claims) {
        disrupt_claims_options copt;
        disrupt_claims_options_init(&copt);
        copt.tz = w->in.opt.tz;
        copt.country = w->in.opt.country;
        copt.date_order = r->date_order;
        copt.warn = w->in.opt.warn;
        if (disrupt_claims_read(r->claims, &copt, &s->claims, err))
            return DISRUPT_EDATA;
        s->have_claims = 1;
    }
    int rc = workflow_read_detect(files, nfiles, &w->in, &w->detect, bar, "report", &s->data,
                                  &s->detection, err);
    if (rc == DISRUPT_OK && s->have_claims)
        rc = workflow_check_claim_signals(&s->claims, &s->data, r->claims, err);
    if (rc)
        return rc;
    s->vopt.tolerance = r->tolerance;
    s->vopt.expected = (const double *const *)s->detection.expected;
    s->vopt.skipped = (const char *const *)s->detection.skipped;
    if (s->have_claims) {
        rc = disrupt_verify_run(&s->claims, &s->data, &s->detection.windows, &s->vopt,
                                &s->verdicts, err);
        if (rc)
            return rc;
        s->verify = (disrupt_verify_report){&s->claims, &s->data, &s->detection.windows,
                                            &s->verdicts, &s->vopt, r->claims};
    }
    rc = disrupt_compare_by_year(&s->years, 0, &s->data, &s->detection.windows, 1, 1,
                                 w->in.opt.tz, err);
    /* Years side by side only when at least two of them hold half a year of data. */
    size_t full = 0;
    for (size_t i = 0; i < s->years.count; i++)
        full += s->years.items[i].covered_days >= 182;
    s->have_years = rc == DISRUPT_OK && full >= 2;
    s->years_report = (disrupt_compare_report){&s->years, "year", w->in.opt.tz};
    return rc;
}

/* The command line as typed, each word shell-quoted where it needs to be. NULL on ENOMEM. */
static char *command_line(int argc, char **argv)
{
    size_t cap = 16;
    for (int i = 0; i < argc; i++)
        cap += 4 * strlen(argv[i]) + 3;
    char *line = malloc(cap);
    if (!line)
        return NULL;
    size_t n = (size_t)snprintf(line, cap, "disrupt");
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int plain = *a != '\0';
        for (const char *p = a; *p && plain; p++)
            plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                           "-_./=:,+@%", *p) != NULL;
        line[n++] = ' ';
        if (plain) {
            n += (size_t)snprintf(line + n, cap - n, "%s", a);
            continue;
        }
        line[n++] = '\'';
        for (const char *p = a; *p; p++) {
            if (*p == '\'') {
                memcpy(line + n, "'\\''", 4);
                n += 4;
            } else {
                line[n++] = *p;
            }
        }
        line[n++] = '\'';
        line[n] = '\0';
    }
    return line;
}

/* The run date: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
static int64_t run_date(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = e ? strtoll(e, &end, 10) : 0;
    return e && *e && end && !*end && v >= 0 ? (int64_t)v : (int64_t)time(NULL);
}

static int write_all(const char *dir, const workflow_opts *w, report_state *s,
                     const disrupt_report_md_provenance *made, disrupt_progress *bar,
                     disrupt_error *err)
{
    size_t step = 0, steps = 4 + (s->have_claims ? 2 : 0) + (s->have_years ? 2 : 0) + 2;
    disrupt_progress_start(bar, "report", "files", steps);
    disrupt_report_md_figure figures[2] = {
        {"Detected disruption windows by signal, with 95% intervals of their boundaries",
         "timeline.png", "timeline.svg"},
        {"Disruption windows by year", "years.png", "years.svg"},
    };
    /* dir is the staging folder report_folder_begin made. */
    int rc = write_one(dir, "windows.json", write_windows_json, s, bar, &step, err);
    if (!rc)
        rc = write_one(dir, "windows.csv", write_windows_csv, s, bar, &step, err);
    if (!rc && s->have_claims)
        rc = write_one(dir, "verdicts.json", write_verdicts_json, &s->verify, bar, &step, err);
    if (!rc && s->have_claims)
        rc = write_one(dir, "verdicts.csv", write_verdicts_csv, &s->verify, bar, &step, err);
    for (int f = 0; !rc && f < 2; f++) {
        rc = draw_timeline(dir, f ? figures[0].svg : figures[0].png, w, s, err);
        disrupt_progress_update(bar, ++step);
    }
    for (int f = 0; !rc && s->have_years && f < 2; f++) {
        rc = draw_years(dir, f ? figures[1].svg : figures[1].png, w, s, err);
        disrupt_progress_update(bar, ++step);
    }
    if (!rc) {
        disrupt_report_md md = {w->plot.plot.title, &s->data, &s->detection,
                                s->have_claims ? &s->verify : NULL,
                                s->have_years ? &s->years_report : NULL, figures,
                                s->have_years ? 2 : 1, w->in.opt.tz, made};
        rc = write_one(dir, "report.md", write_markdown, &md, bar, &step, err);
        if (!rc)
            rc = write_page(dir, &md, bar, &step, err);
    }
    disrupt_progress_finish(bar);
    return rc;
}

int cmd_report(int argc, char **argv)
{
    workflow_opts w;
    workflow_opts_init(&w, "report");
    report_cli r = {0};
    int first = 0;
    cli_group own = {"Report", report_options, handle_report, &r};
    int status = workflow_parse(argc, argv, &report_doc, own, &w, &first);
    if (status == 0 && !r.out)
        status = cli_usage_error("report", "--out DIR is required");
    if (status == 0 && w.plot.path)
        status = cli_usage_error("report", "the report draws its own figures into --out; "
                                           "--plot is for detect, verify and compare");
    if (status == 0)
        status = workflow_check_files("report", argv + first, argc - first, &w, r.claims, NULL,
                                      NULL);
    if (status) {
        workflow_opts_fini(&w);
        return status < 0 ? CLI_EXIT_OK : status;
    }
    disrupt_error err = {0};
    report_state s;
    state_init(&s);
    disrupt_progress bar;
    disrupt_progress_init(&bar, stderr, disrupt_progress_wanted(stderr, r.quiet));
    status = CLI_EXIT_OK;
    char *line = command_line(argc, argv);
    disrupt_report_md_provenance made = {DISRUPT_VERSION, line ? line : "disrupt report",
                                         &w.detect.detect, (const char *const *)argv + first,
                                         (size_t)(argc - first), r.claims, run_date()};
    /* The bundle is staged beside --out and renamed into place (report_folder.h); a folder
     * that cannot be used fails now, not after the analysis. */
    char *staging = NULL;
    if (report_folder_check(r.out, r.force, &err) ||
        !(staging = report_folder_begin(r.out, &err)) ||
        analyse(argv + first, argc - first, &w, &r, &s, &bar, &err) ||
        write_all(staging, &w, &s, &made, &bar, &err) ||
        report_folder_commit(r.out, staging, &err)) {
        report_folder_abort(staging);
        status = cli_fail(&err);
    } else
        printf("%s/report.md: %zu windows%s%s\n", r.out, s.detection.windows.count,
               s.have_claims ? ", claims checked" : "", s.have_years ? ", years compared" : "");
    free(staging);
    free(line);
    state_fini(&s);
    workflow_opts_fini(&w);
    return status;
}
