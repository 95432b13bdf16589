/* ingest_opts.h — the "Input" option group shared by every command that reads data.
 *
 * --format, --time, --signal (repeatable), --time-format, --tz, --country, --entity, --step,
 * --aggregate, --skip-bad-rows fill a disrupt_ingest_options; --label (repeatable) names the
 * place of a file's signals, applied with disrupt_dataset_namespace after reading. Usage:
 *     ingest_cli in;
 *     ingest_cli_init(&in, "detect");
 *     cli_group groups[] = {ingest_cli_group(&in), …};
 *     … cli_parse(…) … disrupt_ingest_file(path, &in.opt, &ds, &err) …
 *     ingest_cli_fini(&in);
 * Warnings of --skip-bad-rows are printed as "disrupt: warning: …" (ingest_cli_print_warning).
 * Ownership: option strings point into argv; the --signal list is owned by the ingest_cli.
 */
#ifndef DISRUPT_CLI_INGEST_OPTS_H
#define DISRUPT_CLI_INGEST_OPTS_H

#include "cli.h"
#include "disrupt/ingest/ingest.h"

typedef struct {
    disrupt_ingest_options opt;
    const char *command;       /* for usage errors */
    const char **signals;      /* --signal values, owned */
    size_t nsignals, signals_cap;
    disrupt_label *labels;     /* --label FILE=NAME; the FILE copies are owned */
    size_t nlabels, labels_cap;
} ingest_cli;

void ingest_cli_init(ingest_cli *c, const char *command);
void ingest_cli_fini(ingest_cli *c);
cli_group ingest_cli_group(ingest_cli *c);
/* disrupt_warn_fn printing "disrupt: warning: MESSAGE". */
void ingest_cli_print_warning(void *ctx, const char *message);

#endif
