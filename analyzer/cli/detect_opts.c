/* detect_opts.c — options that shape detection, one table for every command that detects. */
#include "detect_opts.h"

#include <string.h>

#include "disrupt/ingest/timeparse.h"

enum {
    OPT_METHOD, OPT_PENALTY, OPT_MIN_SEG, OPT_SHUTDOWN, OPT_THROTTLING, OPT_BLOCKING,
    OPT_MIN_DURATION, OPT_MERGE_GAP, OPT_LEVEL_WINDOW, OPT_CI_LEVEL, OPT_BASELINE
};

static const cli_option detect_options[] = {
    {"method", "NAME", OPT_METHOD, "change-point method: pelt (default) or binseg", 0},
    {"penalty", "P", OPT_PENALTY, "mbic (default), bic, aic, hq or a number", 0},
    {"min-seg", "N", OPT_MIN_SEG, "shortest segment in samples (default 3; 1 for daily data)", 0},
    {"shutdown-level", "X", OPT_SHUTDOWN,
     "level at or below X of baseline is a shutdown (default 0.25)", 0},
    {"throttling-depth", "X", OPT_THROTTLING,
     "a drop of at least X is a disruption (default 0.25); X/2 beside one", 0},
    {"blocking-rise", "X", OPT_BLOCKING,
     "count signals: blocked share up by at least X is blocking (default 0.20)", 0},
    {"min-duration", "DUR", OPT_MIN_DURATION, "drop windows shorter than DUR (default 0)", 0},
    {"merge-gap", "DUR", OPT_MERGE_GAP,
     "merge same-kind windows at most DUR apart (default 0: never)", 0},
    {"level-window", "DUR", OPT_LEVEL_WINDOW,
     "baseline level: rolling median over DUR (default 0: robust trend)", 0},
    {"baseline", "START..END", OPT_BASELINE,
     "take normal behaviour from this period only (in --tz)", 0},
    {"ci-level", "X", OPT_CI_LEVEL, "confidence level of boundary intervals (default 0.95)", 0},
    {NULL, NULL, 0, NULL, 0},
};

void detect_opts_init(detect_opts *o, const char *command)
{
    o->command = command;
    o->baseline_period = NULL;
    disrupt_detect_options_init(&o->detect);
}

static int parse_time_in(const char *command, const char *text, size_t len, const char *tz,
                         int64_t *out)
{
    disrupt_timeparser p;
    disrupt_timeparser_init(&p, NULL, tz);
    const char *expected = NULL;
    int rc = disrupt_timeparser_parse(&p, text, len, out, &expected);
    disrupt_timeparser_fini(&p);
    if (rc)
        return cli_usage_error(command, "--baseline expects START..END, each %s, found '%.*s'",
                               expected ? expected : "a date or date-time", (int)len, text);
    return 0;
}

int detect_opts_finish(detect_opts *o, const char *tz)
{
    o->detect.baseline.tz = tz;
    if (!o->baseline_period)
        return 0;
    const char *sep = strstr(o->baseline_period, "..");
    if (!sep)
        return cli_usage_error(o->command, "--baseline expects START..END, found '%s'",
                               o->baseline_period);
    int64_t start, end;
    const char *end_text = sep + 2;
    if (parse_time_in(o->command, o->baseline_period, (size_t)(sep - o->baseline_period), tz,
                      &start) ||
        parse_time_in(o->command, end_text, strlen(end_text), tz, &end))
        return CLI_EXIT_USAGE;
    if (strlen(end_text) == 10)  /* YYYY-MM-DD: through the end of that day */
        end += 86400;
    if (end <= start)
        return cli_usage_error(o->command, "--baseline period '%s' ends before it starts",
                               o->baseline_period);
    o->detect.baseline.pin_start = start;
    o->detect.baseline.pin_end = end;
    return 0;
}

static int parse_penalty(detect_opts *o, const char *arg)
{
    static const struct { const char *name; disrupt_penalty_kind kind; } names[] = {
        {"mbic", DISRUPT_PENALTY_MBIC}, {"bic", DISRUPT_PENALTY_BIC},
        {"aic", DISRUPT_PENALTY_AIC}, {"hq", DISRUPT_PENALTY_HQ},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(arg, names[i].name) == 0) {
            o->detect.segment.penalty = names[i].kind;
            return 0;
        }
    double v;
    if (cli_parse_double(o->command, "penalty", arg, &v) != 0)
        return CLI_EXIT_USAGE;
    if (v < 0)
        return cli_usage_error(o->command, "--penalty must be >= 0, found '%s'", arg);
    o->detect.segment.penalty = DISRUPT_PENALTY_MANUAL;
    o->detect.segment.penalty_value = v;
    return 0;
}

static int parse_fraction(const char *command, const char *name, const char *arg, double *out)
{
    if (cli_parse_double(command, name, arg, out) != 0)
        return CLI_EXIT_USAGE;
    if (!(*out > 0 && *out < 1))
        return cli_usage_error(command, "--%s expects a number between 0 and 1, found '%s'", name,
                               arg);
    return 0;
}

static int handle(void *ctx, int key, const char *arg)
{
    detect_opts *o = ctx;
    disrupt_detect_options *d = &o->detect;
    long long dur;
    switch (key) {
    case OPT_METHOD:
        if (strcmp(arg, "pelt") && strcmp(arg, "binseg"))
            return cli_usage_error(o->command, "--method expects pelt or binseg, found '%s'", arg);
        d->method = disrupt_detector_find(arg);
        return d->method ? 0 : cli_usage_error(o->command, "method '%s' is not available", arg);
    case OPT_PENALTY:
        return parse_penalty(o, arg);
    case OPT_MIN_SEG:
        if (cli_parse_size(o->command, "min-seg", arg, &d->segment.min_seg))
            return CLI_EXIT_USAGE;
        return d->segment.min_seg >= 1 ? 0
                                       : cli_usage_error(o->command, "--min-seg must be at least 1");
    case OPT_SHUTDOWN:
        return parse_fraction(o->command, "shutdown-level", arg, &d->shutdown_level);
    case OPT_THROTTLING:
        return parse_fraction(o->command, "throttling-depth", arg, &d->throttling_depth);
    case OPT_BLOCKING:
        return parse_fraction(o->command, "blocking-rise", arg, &d->blocking_rise);
    case OPT_BASELINE:
        o->baseline_period = arg;
        return 0;
    case OPT_CI_LEVEL:
        return parse_fraction(o->command, "ci-level", arg, &d->ci_level);
    case OPT_MIN_DURATION:
        if (cli_parse_duration(o->command, "min-duration", arg, &dur))
            return CLI_EXIT_USAGE;
        d->min_duration = dur;
        return 0;
    case OPT_MERGE_GAP:
        if (cli_parse_duration(o->command, "merge-gap", arg, &dur))
            return CLI_EXIT_USAGE;
        d->merge_gap = dur;
        return 0;
    case OPT_LEVEL_WINDOW:
        if (cli_parse_duration(o->command, "level-window", arg, &dur))
            return CLI_EXIT_USAGE;
        d->baseline.level_window = dur;
        return 0;
    }
    return 0;
}

cli_group detect_opts_group(detect_opts *o)
{
    return (cli_group){"Detection", detect_options, handle, o};
}
