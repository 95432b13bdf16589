/* plot_opts.h — the "Chart" option group shared by every command that draws (detect, verify,
 * compare): --plot FILE and how the chart looks.
 *
 * Use: cli_plot_opts_init(&po, "detect"); put cli_plot_group(&po) among the command's groups;
 * after cli_parse, cli_plot_opts_finish(&po, shared_tz) (the ingest group's --tz, or NULL);
 * when the analysis is done, cli_plot_write(&po, &input, &err). --plot-tz wins over --tz.
 * Ownership: strings point into argv; the struct owns nothing.
 */
#ifndef DISRUPT_CLI_PLOT_OPTS_H
#define DISRUPT_CLI_PLOT_OPTS_H

#include "cli.h"
#include "disrupt/plot/plot.h"

typedef struct {
    const char *command;         /* for messages */
    const char *path;            /* --plot FILE; NULL: no chart */
    const char *events_path;     /* --events FILE */
    const char *plot_tz;         /* --plot-tz ZONE */
    disrupt_plot_options plot;   /* everything else, ready for disrupt_plot_write */
} cli_plot_opts;

void cli_plot_opts_init(cli_plot_opts *o, const char *command);
cli_group cli_plot_group(cli_plot_opts *o);
/* Checks what only makes sense together, settles the zone and reads --events once to check
 * it; 0, 2 after a usage error, or 1 after a bad events file. */
int cli_plot_opts_finish(cli_plot_opts *o, const char *shared_tz);
/* Reads --events (if given) into in->events for the call, and writes the chart when --plot
 * was given. Returns 0 or a DISRUPT_E* code with err set. */
int cli_plot_write(const cli_plot_opts *o, disrupt_plot_input *in, disrupt_error *err);

#endif
