/* plot_opts.c — the "Chart" option group; see plot_opts.h. */
#include "plot_opts.h"

#include "disrupt/core/text.h"

#include <stdlib.h>
#include <string.h>

#include "disrupt/workflows/events.h"
#include "disrupt/core/timefmt.h"

enum {
    OPT_PLOT = 1,
    OPT_DPI,
    OPT_WIDTH,
    OPT_HEIGHT,
    OPT_TITLE,
    OPT_SUBTITLE,
    OPT_SOURCE,
    OPT_THEME,
    OPT_RELATIVE,
    OPT_EVENTS,
    OPT_PLOT_TZ
};

static const cli_option plot_options[] = {
    {"plot", "FILE", OPT_PLOT, "draw a chart to FILE: .png, .svg or .pdf", 0},
    {"dpi", "N", OPT_DPI, "PNG resolution in dots per inch (default 150)", 0},
    {"width", "LEN", OPT_WIDTH, "chart width: 1600 or 1600px (at --dpi), 165mm, 6.5in (default 165mm)", 0},
    {"height", "LEN", OPT_HEIGHT, "chart height, same units (default: from the number of panels)", 0},
    {"title", "TEXT", OPT_TITLE, "chart title", 0},
    {"subtitle", "TEXT", OPT_SUBTITLE, "line under the title", 0},
    {"source", "TEXT", OPT_SOURCE, "caption (default: the input files; says when synthetic)", 0},
    {"theme", "NAME", OPT_THEME, "light, dark or print (greyscale-safe) (default light)", 0},
    {"relative", NULL, OPT_RELATIVE, "plot levels as percent of the expected value", 0},
    {"events", "FILE", OPT_EVENTS, "mark events from a CSV with columns time,label", 0},
    {"plot-tz", "ZONE", OPT_PLOT_TZ, "time zone of the chart's axis and labels (default: --tz, else UTC)", 0},
    {NULL, NULL, 0, NULL, 0},
};

void cli_plot_opts_init(cli_plot_opts *o, const char *command)
{
    memset(o, 0, sizeof *o);
    o->command = command;
    disrupt_plot_options_init(&o->plot);
}

static int handle(void *ctx, int key, const char *arg)
{
    cli_plot_opts *o = ctx;
    switch (key) {
    case OPT_PLOT:
        if (disrupt_plot_format_from_path(arg) == DISRUPT_PLOT_AUTO)
            return cli_usage_error(o->command, "--plot expects a file name ending in .png, .svg or .pdf, found '%s'", arg);
        o->path = arg;
        return 0;
    case OPT_DPI: {
        double dpi;
        if (cli_parse_double(o->command, "dpi", arg, &dpi))
            return CLI_EXIT_USAGE;
        if (dpi < 10 || dpi > 2400)
            return cli_usage_error(o->command, "--dpi expects a number from 10 to 2400, found '%s'", arg);
        o->plot.dpi = dpi;
        return 0;
    }
    case OPT_WIDTH:
    case OPT_HEIGHT:
        if (disrupt_plot_length_parse(arg, key == OPT_WIDTH ? &o->plot.width : &o->plot.height))
            return cli_usage_error(o->command, "--%s expects a length such as 1600, 1600px, 165mm or 6.5in, found '%s'",
                                   key == OPT_WIDTH ? "width" : "height", arg);
        return 0;
    case OPT_TITLE:
    case OPT_SUBTITLE:
    case OPT_SOURCE: {
        /* Text for the chart and its PDF metadata: refused now rather than garbled there. */
        size_t at;
        const char *why;
        const char *name = key == OPT_TITLE ? "title" : key == OPT_SUBTITLE ? "subtitle" : "source";
        if (disrupt_text_check(arg, strlen(arg), &at, &why))
            return cli_usage_error(o->command, "--%s expects text %s (byte %zu is not)", name,
                                   why, at + 1);
        *(key == OPT_TITLE ? &o->plot.title : key == OPT_SUBTITLE ? &o->plot.subtitle
                                                                 : &o->plot.source) = arg;
        return 0;
    }
    case OPT_THEME:
        if (disrupt_plot_theme_parse(arg, &o->plot.theme))
            return cli_usage_error(o->command, "--theme expects light, dark or print, found '%s'", arg);
        return 0;
    case OPT_RELATIVE:
        o->plot.relative = 1;
        return 0;
    case OPT_EVENTS:
        o->events_path = arg;
        return 0;
    case OPT_PLOT_TZ:
        if (!disrupt_time_zone_valid(arg))
            return cli_usage_error(o->command, "--plot-tz expects a time zone such as Asia/Baku or UTC, found '%s'", arg);
        o->plot_tz = arg;
        return 0;
    }
    return cli_usage_error(o->command, "internal error: unknown chart option");
}

cli_group cli_plot_group(cli_plot_opts *o)
{
    cli_group g = {"Chart", plot_options, handle, o};
    return g;
}

int cli_plot_opts_finish(cli_plot_opts *o, const char *shared_tz)
{
    const char *tz = o->plot_tz ? o->plot_tz : shared_tz;
    if (tz && !disrupt_time_zone_valid(tz))
        return cli_usage_error(o->command, "unknown time zone '%s'", tz);
    o->plot.tz = tz;
    if (!o->path && o->events_path)
        cli_warning("--events only marks a chart; it has no effect without --plot");
    if (o->path && o->events_path && strcmp(o->events_path, "-") != 0) {
        /* Read it now too, so that a bad events file stops the run before the analysis
         * (not standard input, which can be read only once). */
        disrupt_event_list events;
        disrupt_event_list_init(&events);
        disrupt_error err = {0};
        int rc = disrupt_events_read(o->events_path, &events, &err);
        disrupt_event_list_fini(&events);
        if (rc)
            return cli_fail(&err);
    }
    return 0;
}

int cli_plot_write(const cli_plot_opts *o, disrupt_plot_input *in, disrupt_error *err)
{
    if (!o->path)
        return 0;
    disrupt_event_list events;
    disrupt_event_list_init(&events);
    const disrupt_event_list *saved = in->events;
    int rc = 0;
    if (o->events_path) {
        rc = disrupt_events_read(o->events_path, &events, err);
        if (!rc)
            in->events = &events;
    }
    if (!rc)
        rc = disrupt_plot_write(o->path, in, &o->plot, err);
    in->events = saved;
    disrupt_event_list_fini(&events);
    return rc;
}
