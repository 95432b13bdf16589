/* workflow.h — steps the analyst commands (detect, verify, compare, report; segment reads
 * through it too) share: read every input file and detect, with a progress bar on standard
 * error when it is a terminal; write an output file atomically through a writer callback.
 */
#ifndef DISRUPT_CLI_WORKFLOW_H
#define DISRUPT_CLI_WORKFLOW_H

#include <stdio.h>

#include "detect_opts.h"
#include "disrupt/workflows/claims.h"
#include "disrupt/workflows/verify.h"
#include "disrupt/detect/detect.h"
#include "disrupt/core/progress.h"
#include "ingest_opts.h"
#include "plot_opts.h"

/* The option groups every analyst command takes besides its own. */
typedef struct {
    ingest_cli in;
    detect_opts detect;
    cli_plot_opts plot;
    int operands_optional;   /* FILE... may be absent (batch takes a manifest instead) */
} workflow_opts;

void workflow_opts_init(workflow_opts *o, const char *command);
void workflow_opts_fini(workflow_opts *o);

/* Parses argv against [own, Input, Detection, Chart], settles the zones (--tz) of detection
 * and chart, and requires at least one FILE unless operands_optional. Returns 0, −1 after --help, or 2 after a usage
 * error (printed). */
int workflow_parse(int argc, char **argv, const cli_command_doc *doc, cli_group own,
                   workflow_opts *o, int *first);

/* Before anything runs: at most one input reads standard input (the data files, claims,
 * --events), no two outputs (--json, --csv, --plot) are the same file and none is an input
 * (by name, or by being the same file). 0, or 2 after a usage error naming them. claims, json
 * and csv may be NULL. */
int workflow_check_files(const char *command, char *const *inputs, int ninputs,
                         const workflow_opts *w, const char *claims, const char *json,
                         const char *csv);

/* Reads files[0..nfiles) into data (appending) and, when result is not NULL, runs detection
 * on all of it. The bar counts files and then the detection step. */
/* Warns, per level signal, when its baseline rests on little normal data or the file may hold
 * no normal period at all, with the --baseline hint; silent with a --baseline period. */
void workflow_warn_baselines(const disrupt_dataset *data, const disrupt_detection *result,
                             const detect_opts *d);
int workflow_read_detect(char **files, int nfiles, ingest_cli *in, const detect_opts *d,
                         disrupt_progress *progress, const char *label, disrupt_dataset *data,
                         disrupt_detection *result, disrupt_error *err);

typedef int (*workflow_writer)(FILE *out, const void *ctx, disrupt_error *err);

/* Writes path ("-" = standard output) atomically with write(out, ctx, err). */
int workflow_write(const char *path, workflow_writer write, const void *ctx, disrupt_error *err);

/* The three outputs of an analyst command: the table on standard output unless --json or
 * --csv writes there, then each file that was asked for. */
typedef struct {
    workflow_writer table, json, csv;
} workflow_outputs;
int workflow_emit(const char *json_path, const char *csv_path, const workflow_outputs *w,
                  const void *ctx, disrupt_error *err);

/* The claims as brackets for a chart (label, dates, signal borrowed from the list), with
 * their verdicts when `verdicts` is not NULL; caller frees the array. NULL when out of
 * memory. */
disrupt_plot_claim *workflow_plot_claims(const disrupt_claim_list *claims,
                                         const disrupt_verify_result *verdicts);

/* The --quiet option row, for commands' Output groups. */
#define WORKFLOW_QUIET_HELP "no progress bar (drawn only when stderr is a terminal)"

/* An error naming the first claim whose signal is none of the inputs, with the signals
 * there are (a misspelt "trafic" would otherwise be "no data"). */
int workflow_check_claim_signals(const disrupt_claim_list *claims, const disrupt_dataset *data,
                                 const char *path, disrupt_error *err);

#endif
