/* ingest_opts.c — the "Input" option group: one table parsed and documented together. */
#include "ingest_opts.h"

#include <stdlib.h>
#include <string.h>

#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"

enum {
    OPT_FORMAT = 1, OPT_TIME, OPT_SIGNAL, OPT_TIME_FORMAT, OPT_TZ, OPT_COUNTRY, OPT_ENTITY,
    OPT_ENTITY_COLUMN,
    OPT_STEP, OPT_AGGREGATE, OPT_SKIP_BAD_ROWS, OPT_DECIMAL_COMMA, OPT_LABEL
};

static const cli_option ingest_options[] = {
    {"format", "NAME", OPT_FORMAT,
     "plain, long, ioda, ooni, tor or google (default: from the header)", 0},
    {"time", "COL", OPT_TIME, "name of the time column (default: the dialect's)", 0},
    {"signal", "COL", OPT_SIGNAL, "read this column only (long: signal; OONI: domain, ASN); repeatable", 1},
    {"time-format", "FMT", OPT_TIME_FORMAT,
     "strptime format of times (default: ISO 8601, Unix s or ms)", 0},
    {"tz", "ZONE", OPT_TZ, "IANA zone of times without offset, e.g. Asia/Baku (default: UTC)", 0},
    {"country", "CC", OPT_COUNTRY, "Tor userstats, Google wide exports: this country only", 0},
    {"entity", "NAME", OPT_ENTITY, "long format (or --entity-column): only this entity", 0},
    {"entity-column", "NAME", OPT_ENTITY_COLUMN, "plain tables of many places in rows (Monash "
     "IP Observatory): column NAME names each row's entity; signals are entity/column", 0},
    {"step", "DURATION", OPT_STEP, "grid step such as 5m, 1h, 1d (default: median spacing)", 0},
    {"aggregate", "HOW", OPT_AGGREGATE,
     "duplicate times: mean, sum, max, min, last (default: mean)", 0},
    {"skip-bad-rows", NULL, OPT_SKIP_BAD_ROWS,
     "warn about bad rows and go on (default: stop at the first)", 0},
    {"decimal-comma", NULL, OPT_DECIMAL_COMMA,
     "values are written 1,5 (European spreadsheets; fields split by ';' or tab)", 0},
    {"label", "FILE=NAME", OPT_LABEL,
     "name the place FILE's signals are of (shown as NAME/signal; never corroborated by "
     "another place's signals); repeatable (default: a file's name where signal names clash)",
     1},
    {NULL, NULL, 0, NULL, 0},
};

void ingest_cli_print_warning(void *ctx, const char *message)
{
    (void)ctx;
    cli_warning("%s", message);
}

void ingest_cli_init(ingest_cli *c, const char *command)
{
    memset(c, 0, sizeof *c);
    disrupt_ingest_options_init(&c->opt);
    c->opt.warn = ingest_cli_print_warning;
    c->command = command;
}

void ingest_cli_fini(ingest_cli *c)
{
    free(c->signals);
    for (size_t i = 0; i < c->nlabels; i++)
        free((char *)c->labels[i].file);
    free(c->labels);
    c->labels = NULL;
    c->nlabels = c->labels_cap = 0;
    c->signals = NULL;
    c->nsignals = c->signals_cap = 0;
    c->opt.signal_columns = NULL;
    c->opt.nsignal_columns = 0;
}

static int add_signal(ingest_cli *c, const char *arg)
{
    if (c->nsignals == c->signals_cap) {
        size_t cap = c->signals_cap ? c->signals_cap * 2 : 4;
        const char **s = realloc(c->signals, cap * sizeof *s);
        if (!s) {
            cli_error("out of memory");
            return CLI_EXIT_DATA;
        }
        c->signals = s;
        c->signals_cap = cap;
    }
    c->signals[c->nsignals++] = arg;
    c->opt.signal_columns = c->signals;
    c->opt.nsignal_columns = c->nsignals;
    return 0;
}

/* --label FILE=NAME: the file part is copied (owned), the name points into argv. */
static int add_label(ingest_cli *c, const char *arg)
{
    const char *eq = strrchr(arg, '=');
    if (!eq || eq == arg || !eq[1])
        return cli_usage_error(c->command, "--label expects FILE=NAME, found '%s'", arg);
    size_t at;
    const char *why;
    if (disrupt_text_check(eq + 1, strlen(eq + 1), &at, &why))
        return cli_usage_error(c->command, "--label expects a NAME %s (byte %zu of it is not)",
                               why, at + 1);
    if (strchr(eq + 1, '/'))
        return cli_usage_error(c->command, "--label expects a NAME without '/', found '%s'",
                               eq + 1);
    if (c->nlabels == c->labels_cap) {
        size_t cap = c->labels_cap ? c->labels_cap * 2 : 4;
        disrupt_label *l = realloc(c->labels, cap * sizeof *l);
        if (!l) {
            cli_error("out of memory");
            return CLI_EXIT_DATA;
        }
        c->labels = l;
        c->labels_cap = cap;
    }
    char *file = strndup(arg, (size_t)(eq - arg));
    if (!file) {
        cli_error("out of memory");
        return CLI_EXIT_DATA;
    }
    c->labels[c->nlabels].file = file;
    c->labels[c->nlabels].name = eq + 1;
    c->nlabels++;
    return 0;
}

static int handle(void *ctx, int key, const char *arg)
{
    ingest_cli *c = ctx;
    disrupt_ingest_options *o = &c->opt;
    long long step;
    switch (key) {
    case OPT_FORMAT:
        if (!disrupt_ingest_format_known(arg))
            return cli_usage_error(c->command,
                                   "--format expects plain, long, ioda, ooni, tor or google, "
                                   "found '%s'",
                                   arg);
        o->format = arg;
        return 0;
    case OPT_TIME: o->time_column = arg; return 0;
    case OPT_SIGNAL: return add_signal(c, arg);
    case OPT_TIME_FORMAT:
        if (!*arg)
            return cli_usage_error(c->command, "--time-format expects a strptime format");
        o->time_format = arg;
        return 0;
    case OPT_TZ:
        if (!disrupt_time_zone_valid(arg))
            return cli_usage_error(c->command,
                                   "--tz expects an IANA time zone such as Asia/Baku, found '%s'",
                                   arg);
        o->tz = arg;
        return 0;
    case OPT_COUNTRY: o->country = arg; return 0;
    case OPT_ENTITY: o->entity = arg; return 0;
    case OPT_ENTITY_COLUMN: o->entity_column = arg; return 0;
    case OPT_STEP:
        if (cli_parse_duration(c->command, "step", arg, &step))
            return CLI_EXIT_USAGE;
        if (step <= 0)
            return cli_usage_error(c->command, "--step expects a duration above zero, found '%s'",
                                   arg);
        o->step = step;
        return 0;
    case OPT_AGGREGATE:
        if (disrupt_aggregate_parse(arg, &o->aggregate))
            return cli_usage_error(c->command,
                                   "--aggregate expects mean, sum, max, min or last, found '%s'",
                                   arg);
        return 0;
    case OPT_SKIP_BAD_ROWS: o->skip_bad_rows = 1; return 0;
    case OPT_DECIMAL_COMMA:
        c->opt.decimal_comma = 1;
        return 0;
    case OPT_LABEL: return add_label(c, arg);
    default: return 0;
    }
}

cli_group ingest_cli_group(ingest_cli *c)
{
    cli_group g = {"Input", ingest_options, handle, c};
    return g;
}
