/* cmd_detect.c — `disrupt detect`: windows with kinds, dated boundaries and corroboration. */
#include "cli.h"
#include "commands.h"
#include "disrupt/workflows/report.h"
#include "workflow.h"

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
    "Signals whose names contain bgp, probing, /24, ping or connectivity count reachable\n"
    "networks: they never show throttling; a drop of half --throttling-depth short of a\n"
    "shutdown is an outage (part of the networks unreachable). A window is one event while\n"
    "the level stays disrupted; --json lists its phases.",
    "find disruption windows with 95% intervals on their dates",
    "A table of windows: signal, kind (shutdown, throttling, blocking, outage), start and "
    "end (exclusive) with their 95% intervals, duration, baseline, level and depth, and "
    "the signals that corroborate each. --json FILE writes {\"version\", \"disrupt_version\", "
    "\"signals\": [{\"name\", \"file\", \"step_seconds\", \"start\", \"end\", \"points\", \"missing\", "
    "\"synthetic\", \"changepoints\", and \"left_out\" (why) for a signal that could not be "
    "analysed}], \"windows\": [{\"signal\", \"kind\", \"start\", \"end\", "
    "\"start_ci\", \"end_ci\", \"duration_days\", \"baseline\", \"level\", \"depth\", "
    "\"corroborated_by\", \"phases\"}], \"recurring\", \"events\"}; times are ISO 8601 UTC with Z "
    "and every end is exclusive. --csv FILE writes the windows one per row; --plot "
    "FILE.png|.svg|.pdf draws the annotated timeline.",
    "disrupt detect datasets/azerbaijan-2020/traffic.csv\n"
    "disrupt detect --json windows.json --csv windows.csv --plot chart.svg traffic.csv ioda.csv\n"
    "disrupt detect --tz Asia/Baku --summary traffic.csv",
};

/* What the writers get. */
typedef struct {
    const disrupt_dataset *data;
    const disrupt_detection *result;
    const char *tz;
    int summary;
} detect_output;

static int write_table(FILE *out, const void *ctx, disrupt_error *err)
{
    const detect_output *o = ctx;
    return disrupt_report_table(out, o->data, o->result, o->tz, o->summary, err);
}

static int write_json(FILE *out, const void *ctx, disrupt_error *err)
{
    const detect_output *o = ctx;
    return disrupt_report_json(out, o->data, o->result, err);
}

static int write_csv(FILE *out, const void *ctx, disrupt_error *err)
{
    const detect_output *o = ctx;
    return disrupt_report_csv(out, o->data, o->result, err);
}

int cmd_detect(int argc, char **argv)
{
    workflow_opts w;
    workflow_opts_init(&w, "detect");
    output_opts out = {NULL, NULL, 0};
    int first = 0;
    int status = workflow_parse(argc, argv, &detect_doc,
                                (cli_group){"Output", output_options, handle_output, &out}, &w,
                                &first);
    if (status == 0)
        status = workflow_check_files("detect", argv + first, argc - first, &w, NULL, out.json,
                                      out.csv);
    if (status) {
        workflow_opts_fini(&w);
        return status < 0 ? CLI_EXIT_OK : status;
    }

    disrupt_error err = {0};
    disrupt_dataset data;
    disrupt_dataset_init(&data);
    disrupt_detection result;
    disrupt_detection_init(&result);
    disrupt_progress quiet;  /* detect draws no bar */
    disrupt_progress_init(&quiet, stderr, 0);
    status = CLI_EXIT_DATA;
    if (workflow_read_detect(argv + first, argc - first, &w.in, &w.detect, &quiet, "detect",
                             &data, &result, &err))
        goto fail;
    detect_output report = {&data, &result, w.in.opt.tz, out.summary};
    static const workflow_outputs outputs = {write_table, write_json, write_csv};
    if (workflow_emit(out.json, out.csv, &outputs, &report, &err))
        goto fail;
    if (w.plot.path) {
        disrupt_plot_input chart = {0};
        chart.data = &data;
        chart.expected = (const double *const *)result.expected;
        chart.windows = &result.windows;
        chart.left_out = (const char *const *)result.skipped;
        if (cli_plot_write(&w.plot, &chart, &err))
            goto fail;
    }
    status = CLI_EXIT_OK;
    goto done;
fail:
    cli_fail(&err);
done:
    disrupt_detection_fini(&result);
    disrupt_dataset_fini(&data);
    workflow_opts_fini(&w);
    return status;
}
