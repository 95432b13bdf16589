/* cmd_detect.c — `disrupt detect`: windows with kinds, dated boundaries and corroboration. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "detect_opts.h"
#include "ingest_opts.h"
#include "plot_opts.h"
#include "disrupt/detect.h"
#include "disrupt/ingest.h"
#include "disrupt/outfile.h"
#include "disrupt/report.h"

enum { OPT_JSON, OPT_CSV, OPT_SUMMARY };

typedef struct {
    const char *json;
    const char *csv;
    int summary;
} output_opts;

static const cli_option output_options[] = {
    {"json", "FILE", OPT_JSON, "write windows as JSON to FILE ('-' for standard output)", 0},
    {"csv", "FILE", OPT_CSV, "write windows as CSV to FILE ('-' for standard output)", 0},
    {"summary", NULL, OPT_SUMMARY,
     "also list events: windows overlapping across signals", 0},
    {NULL, NULL, 0, NULL, 0},
};

static int handle_output(void *ctx, int key, const char *arg)
{
    output_opts *o = ctx;
    if (key == OPT_JSON)
        o->json = arg;
    else if (key == OPT_CSV)
        o->csv = arg;
    else if (key == OPT_SUMMARY)
        o->summary = 1;
    return 0;
}

static const cli_command_doc detect_doc = {
    "detect",
    "disrupt detect [OPTIONS] FILE...",
    "Finds the windows in which each signal was shut down, throttled or blocked, relative to\n"
    "a robust seasonal baseline that leaves the disruptions themselves out. Prints a table;\n"
    "--json, --csv and --plot write files ('-' = standard output). FILE '-' reads stdin.\n"
    "\n"
    "Kinds: shutdown (level at or below --shutdown-level of baseline), throttling (down by at\n"
    "least --throttling-depth), blocking (count signals: blocked share up by --blocking-rise).\n"
    "Signals whose names contain bgp, probing or /24 count reachable networks: they never show\n"
    "throttling, and a drop of half --throttling-depth is a shutdown of part of the networks.",
};

typedef int (*report_writer)(FILE *, const disrupt_dataset *, const disrupt_detection *,
                             disrupt_error *);

static int write_report(const char *path, report_writer write, const disrupt_dataset *d,
                        const disrupt_detection *r, disrupt_error *err)
{
    disrupt_outfile f;
    int rc = disrupt_outfile_open(&f, path, err);
    if (rc)
        return rc;
    rc = write(f.fp, d, r, err);
    if (rc) {
        disrupt_outfile_abort(&f);
        return rc;
    }
    return disrupt_outfile_commit(&f, err);
}

static int read_inputs(int argc, char **argv, int first, ingest_cli *in, disrupt_dataset *d,
                       disrupt_error *err)
{
    for (int i = first; i < argc; i++) {
        int rc = disrupt_ingest_file(argv[i], &in->opt, d, err);
        if (rc)
            return rc;
    }
    return DISRUPT_OK;
}

int cmd_detect(int argc, char **argv)
{
    ingest_cli in;
    ingest_cli_init(&in, "detect");
    detect_opts dopts;
    detect_opts_init(&dopts, "detect");
    output_opts out = {NULL, NULL, 0};
    cli_plot_opts popts;
    cli_plot_opts_init(&popts, "detect");
    cli_group groups[] = {
        ingest_cli_group(&in),
        detect_opts_group(&dopts),
        {"Output", output_options, handle_output, &out},
        cli_plot_group(&popts),
    };
    int first = 0;
    disrupt_error err = {0};
    int status = cli_parse(argc, argv, &detect_doc, groups, sizeof groups / sizeof groups[0],
                           &first);
    if (status == 0)
        status = detect_opts_finish(&dopts, in.opt.tz);
    if (status == 0)
        status = cli_plot_opts_finish(&popts, in.opt.tz);
    if (status == 0 && first >= argc)
        status = cli_usage_error("detect", "no input file given");
    if (status == 0 && out.json && out.csv && !strcmp(out.json, "-") && !strcmp(out.csv, "-"))
        status = cli_usage_error("detect", "--json and --csv cannot both write to standard output");
    if (status) {
        ingest_cli_fini(&in);
        return status < 0 ? CLI_EXIT_OK : status;
    }

    disrupt_dataset data;
    disrupt_dataset_init(&data);
    disrupt_detection result;
    disrupt_detection_init(&result);
    status = CLI_EXIT_DATA;
    if (read_inputs(argc, argv, first, &in, &data, &err) ||
        disrupt_detect_run(&data, &dopts.detect, &result, &err))
        goto fail;
    int stdout_taken = (out.json && !strcmp(out.json, "-")) || (out.csv && !strcmp(out.csv, "-"));
    if (!stdout_taken && disrupt_report_table(stdout, &data, &result, in.opt.tz, out.summary, &err))
        goto fail;
    if (out.json && write_report(out.json, disrupt_report_json, &data, &result, &err))
        goto fail;
    if (out.csv && write_report(out.csv, disrupt_report_csv, &data, &result, &err))
        goto fail;
    if (popts.path) {
        disrupt_plot_input chart = {0};
        chart.data = &data;
        chart.expected = (const double *const *)result.expected;
        chart.windows = &result.windows;
        if (cli_plot_write(&popts, &chart, &err))
            goto fail;
    }
    status = CLI_EXIT_OK;
    goto done;
fail:
    cli_fail(&err);
done:
    disrupt_detection_fini(&result);
    disrupt_dataset_fini(&data);
    ingest_cli_fini(&in);
    return status;
}
