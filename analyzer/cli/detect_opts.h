/* detect_opts.h — the "detect options" group shared by detect, verify, compare and report. */
#ifndef DISRUPT_DETECT_OPTS_H
#define DISRUPT_DETECT_OPTS_H

#include "cli.h"
#include "disrupt/detect/detect.h"

typedef struct {
    const char *command;          /* for messages */
    disrupt_detect_options detect;
    const char *baseline_period;  /* --baseline START..END as given, resolved by _finish */
} detect_opts;

void detect_opts_init(detect_opts *o, const char *command);
cli_group detect_opts_group(detect_opts *o);
/* After parsing: applies the zone (--tz) to the baseline's daily cycle and reads the
 * --baseline period in it. Returns 0, or 2 after printing a usage error. */
int detect_opts_finish(detect_opts *o, const char *tz);

#endif
