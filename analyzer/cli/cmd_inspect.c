/* cmd_inspect.c — `disrupt inspect FILE...`: what each file was recognised as.
 *
 * For each file: the dialect, the delimiter, rows read and skipped; for each signal: type,
 * first and last sample time, step, points and missing samples. Nothing is analysed; this is
 * the command to run when a file is not read the way you expected.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "disrupt/ingest/ingest.h"
#include "disrupt/ingest/series.h"
#include "disrupt/core/timefmt.h"
#include "ingest_opts.h"

static const cli_command_doc inspect_doc = {
    "inspect", "disrupt inspect [OPTIONS] FILE...",
    "Reads each FILE as the other commands would and prints what was recognised: the\n"
    "dialect, and for each signal its time range, step, number of points and missing samples.",
    "show how each input file is read: dialect, signals, range, step",
    "Per file: the dialect recognised, the delimiter, the rows read and skipped; per "
    "signal: its name, unit, time range, step, points and missing samples.",
    "disrupt inspect datasets/azerbaijan-2020/ioda-azerbaijan.csv\n"
    "disrupt inspect --tz Asia/Baku export.csv",
};

static void format_step(long long step, char *out, size_t outsz)
{
    static const struct { long long seconds; const char *unit; } units[] = {
        {7 * 86400, "w"}, {86400, "d"}, {3600, "h"}, {60, "m"}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (step >= units[i].seconds && step % units[i].seconds == 0) {
            snprintf(out, outsz, "%lld%s", step / units[i].seconds, units[i].unit);
            return;
        }
    snprintf(out, outsz, "%llds", step);
}

static void format_time(int64_t t, const char *tz, char *out, size_t outsz)
{
    if (!tz)
        disrupt_time_iso(t, out, outsz);
    else
        disrupt_time_format(t, tz, "%Y-%m-%d %H:%M:%S %z", out, outsz);
}

static const char *delimiter_name(char d)
{
    return d == '\t' ? "tab" : d == ';' ? "';'" : "','";
}

static void print_file(const char *path, const disrupt_ingest_options *opt,
                       const disrupt_dataset *ds, size_t first)
{
    printf("%s\n", path);
    if (opt->delimiter)
        printf("  dialect   %s, delimiter %s, %zu rows", opt->dialect ? opt->dialect : "?",
               delimiter_name(opt->delimiter), opt->rows);
    else   /* JSON */
        printf("  dialect   %s (JSON), %zu values", opt->dialect ? opt->dialect : "?",
               opt->rows);
    if (opt->skipped_rows)
        printf(", %zu skipped", opt->skipped_rows);
    printf("\n");
    for (size_t i = first; i < ds->count; i++) {
        const disrupt_series *s = ds->series[i];
        char a[64], b[64], step[32];
        format_time(s->start, opt->tz, a, sizeof a);
        format_time(disrupt_series_end(s) - s->step, opt->tz, b, sizeof b);
        format_step(s->step, step, sizeof step);
        printf("  signal    %s%s\n", s->name, s->synthetic ? " (synthetic)" : "");
        printf("    type    %s\n", s->type == DISRUPT_SIGNAL_COUNTS
                                        ? "counts (blocked of usable measurements)"
                                        : "level");
        if (s->unit)
            printf("    unit    %s\n", s->unit);
        printf("    range   %s to %s\n", a, b);
        printf("    step    %s\n", step);
        printf("    points  %zu\n", s->n);
        printf("    missing %zu\n", disrupt_series_missing(s));
    }
}

int cmd_inspect(int argc, char **argv)
{
    ingest_cli in;
    ingest_cli_init(&in, "inspect");
    cli_group groups[] = {ingest_cli_group(&in)};
    int first_operand = 0;
    int rc = cli_parse(argc, argv, &inspect_doc, groups, 1, &first_operand);
    if (rc != 0) {
        ingest_cli_fini(&in);
        return rc < 0 ? CLI_EXIT_OK : rc;
    }
    if (first_operand >= argc) {
        ingest_cli_fini(&in);
        return cli_usage_error("inspect", "expected at least one FILE");
    }
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    int status = CLI_EXIT_OK;
    for (int i = first_operand; i < argc; i++) {
        disrupt_error err = {0};
        size_t before = ds.count;
        if (disrupt_ingest_file(argv[i], &in.opt, &ds, &err) != 0) {
            status = cli_fail(&err);
            break;
        }
        if (in.opt.skipped_rows)
            cli_warning("%s: %zu bad rows skipped", argv[i], in.opt.skipped_rows);
        print_file(argv[i], &in.opt, &ds, before);
    }
    disrupt_dataset_fini(&ds);
    ingest_cli_fini(&in);
    return status;
}
