/* detect_opts.h — the "detect options" group shared by detect, verify, compare and report. */
#ifndef DISRUPT_DETECT_OPTS_H
#define DISRUPT_DETECT_OPTS_H

#include "cli.h"
#include "disrupt/detect.h"

typedef struct {
    const char *command;          /* for messages */
    disrupt_detect_options detect;
} detect_opts;

void detect_opts_init(detect_opts *o, const char *command);
cli_group detect_opts_group(detect_opts *o);

#endif
