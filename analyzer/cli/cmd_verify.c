/* cmd_verify.c — `disrupt verify --claims C.csv FILE...`: do the data agree with the dates a
 * report claims? Exit 0 whenever the analysis ran, whatever the verdicts. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/workflows/claims.h"
#include "disrupt/workflows/verify.h"
#include "disrupt/workflows/verify_report.h"
#include "workflow.h"

enum { OPT_CLAIMS, OPT_TOLERANCE, OPT_JSON, OPT_CSV, OPT_QUIET, OPT_DATE_ORDER };

typedef struct {
    const char *claims;
    disrupt_date_order date_order;
    long long tolerance;
    const char *json;
    const char *csv;
    int quiet;
} verify_cli;

static const cli_option verify_options[] = {
    {"claims", "FILE", OPT_CLAIMS,
     "claimed windows: CSV, #KeepItOn export or IODA list (required)", 0},
    {"tolerance", "DUR", OPT_TOLERANCE,
     "widen each boundary's interval by DUR when judging (default 0)", 0},
    {"date-order", "dmy|mdy", OPT_DATE_ORDER,
     "how slashed claim dates such as 03/01/2020 read (default: from the whole column)", 0},
    {"json", "FILE", OPT_JSON, "write the verdicts as JSON to FILE ('-' for standard output)", 0},
    {"csv", "FILE", OPT_CSV, "write the verdicts as CSV to FILE ('-' for standard output)", 0},
    {"quiet", NULL, OPT_QUIET, WORKFLOW_QUIET_HELP, 0},
    {NULL, NULL, 0, NULL, 0},
};

static int handle_verify(void *ctx, int key, const char *arg)
{
    verify_cli *o = ctx;
    switch (key) {
    case OPT_CLAIMS: o->claims = arg; break;
    case OPT_TOLERANCE:
        return cli_parse_duration("verify", "tolerance", arg, &o->tolerance);
    case OPT_JSON: o->json = arg; break;
    case OPT_CSV: o->csv = arg; break;
    case OPT_QUIET: o->quiet = 1; break;
    case OPT_DATE_ORDER: return cli_parse_date_order("verify", arg, &o->date_order);
    }
    return 0;
}

static const cli_command_doc verify_doc = {
    "verify",
    "disrupt verify --claims CLAIMS.csv [OPTIONS] FILE...",
    "Checks claimed disruption windows against the windows detected in the data. For each\n"
    "claim: the best-matching detected window, its dates with 95% intervals, the start, end\n"
    "and duration differences, kind agreement, the signals that show it, and a verdict:\n"
    "  supported         both claimed boundaries fall in the window's intervals (+ tolerance),\n"
    "                    each judged at the precision it was written with (a day, a month)\n"
    "  kind differs      the dates agree, the kind does not (a claimed shutdown, a throttling)\n"
    "  dates differ      the same event, but a boundary is off (by how much, which way)\n"
    "  partly supported  a disruption is detected in less than half of the claimed period\n"
    "  not supported     the data covers the claim and shows no disruption in it\n"
    "  no data           the series do not cover (half of) the claimed period\n"
    "Claims: label,start,end[,kind][,signal] CSV, an Access Now #KeepItOn export, the\n"
    "IODA curated outage list or Cloudflare Radar outage annotations (JSON, as the API\n"
    "returns them) (--country keeps one country's rows). A date without a time\n"
    "is the whole day in --tz; a date-only end is read both ways reports write it (lifted\n"
    "that day, or its last disrupted day). Exit 0 whatever the verdicts.",
    "check claimed dates against the data: a verdict per claim",
    "A table, one row per claim: the claimed window, the detected one that matches it, "
    "the verdict (supported, kind differs, dates differ, partly supported, not supported, no "
    "data) and why. --json FILE writes {\"version\", \"disrupt_version\", "
    "\"tolerance_hours\", \"claims\": [{\"label\", \"line\", \"start\", \"end\", "
    "\"duration_days\", \"kinds\", \"signal\", \"verdict\", \"detail\", \"coverage\", "
    "\"window\", \"start_agrees\", \"end_agrees\", ...}]}; "
    "--csv FILE writes the same one claim per row.",
    "disrupt verify --claims datasets/azerbaijan-2020/claims.csv datasets/azerbaijan-2020/traffic.csv\n"
    "disrupt verify --claims claims.csv --tz Asia/Baku --json verdicts.json traffic.csv",
};

/* What the writers get: the report, and the zone the table prints times in. */
typedef struct {
    disrupt_verify_report report;
    const char *tz;
} verify_output;

static int write_table(FILE *out, const void *ctx, disrupt_error *err)
{
    const verify_output *o = ctx;
    return disrupt_verify_report_table(out, &o->report, o->tz, err);
}

static int write_json(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_verify_report_json(out, &((const verify_output *)ctx)->report, err);
}

static int write_csv(FILE *out, const void *ctx, disrupt_error *err)
{
    return disrupt_verify_report_csv(out, &((const verify_output *)ctx)->report, err);
}

static void print_warning(void *ctx, const char *message)
{
    (void)ctx;
    cli_warning("%s", message);
}

static int draw(const cli_plot_opts *po, const disrupt_dataset *data,
                const disrupt_detection *result, const disrupt_claim_list *claims,
                const disrupt_verify_result *verdicts, disrupt_error *err)
{
    disrupt_plot_claim *marks = workflow_plot_claims(claims, verdicts);
    if (!marks)
        return disrupt_error_nomem(err);
    disrupt_plot_input chart = {0};
    chart.data = data;
    chart.expected = (const double *const *)result->expected;
    chart.windows = &result->windows;
    chart.left_out = (const char *const *)result->skipped;
    chart.claims = marks;
    chart.nclaims = claims->count;
    int rc = cli_plot_write(po, &chart, err);
    free(marks);
    return rc;
}

static int parse(int argc, char **argv, workflow_opts *w, verify_cli *v, int *first)
{
    cli_group own = {"Claims", verify_options, handle_verify, v};
    int status = workflow_parse(argc, argv, &verify_doc, own, w, first);
    if (status == 0 && !v->claims)
        status = cli_usage_error("verify", "--claims FILE is required");
    if (status == 0)
        status = workflow_check_files("verify", argv + *first, argc - *first, w, v->claims,
                                      v->json, v->csv);
    return status;
}

int cmd_verify(int argc, char **argv)
{
    workflow_opts w;
    workflow_opts_init(&w, "verify");
    verify_cli v = {0};
    int first = 0;
    int status = parse(argc, argv, &w, &v, &first);
    if (status) {
        workflow_opts_fini(&w);
        return status < 0 ? CLI_EXIT_OK : status;
    }

    disrupt_error err = {0};
    disrupt_claim_list claims;
    disrupt_claim_list_init(&claims);
    disrupt_dataset data;
    disrupt_dataset_init(&data);
    disrupt_detection result;
    disrupt_detection_init(&result);
    disrupt_verify_result verdicts;
    disrupt_verify_result_init(&verdicts);
    disrupt_verify_options vopt;
    disrupt_verify_options_init(&vopt);
    vopt.tolerance = v.tolerance;
    disrupt_claims_options copt;
    disrupt_claims_options_init(&copt);
    copt.tz = w.in.opt.tz;
    copt.country = w.in.opt.country;
    copt.date_order = v.date_order;
    copt.warn = print_warning;
    disrupt_progress bar;
    disrupt_progress_init(&bar, stderr, disrupt_progress_wanted(stderr, v.quiet));

    status = CLI_EXIT_DATA;
    if (disrupt_claims_read(v.claims, &copt, &claims, &err) ||
        workflow_read_detect(argv + first, argc - first, &w.in, &w.detect, &bar, "verify", &data,
                             &result, &err) ||
        workflow_check_claim_signals(&claims, &data, v.claims, &err))
        goto fail;
    vopt.expected = (const double *const *)result.expected;
    vopt.skipped = (const char *const *)result.skipped;
    if (disrupt_verify_run(&claims, &data, &result.windows, &vopt, &verdicts, &err))
        goto fail;
    if (claims.count == 0)
        cli_warning("%s: no claims to verify%s", v.claims,
                    copt.country ? " for this country" : "");
    verify_output report = {{&claims, &data, &result.windows, &verdicts, &vopt, v.claims},
                            w.in.opt.tz};
    static const workflow_outputs outputs = {write_table, write_json, write_csv};
    if (workflow_emit(v.json, v.csv, &outputs, &report, &err))
        goto fail;
    if (w.plot.path && draw(&w.plot, &data, &result, &claims, &verdicts, &err))
        goto fail;
    status = CLI_EXIT_OK;
    goto done;
fail:
    cli_fail(&err);
done:
    disrupt_verify_result_fini(&verdicts);
    disrupt_detection_fini(&result);
    disrupt_dataset_fini(&data);
    disrupt_claim_list_fini(&claims);
    workflow_opts_fini(&w);
    return status;
}
