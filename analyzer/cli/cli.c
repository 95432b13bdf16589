/* cli.c — option tables, help text and messages shared by every command. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define KEY_BASE 0x1000
#define KEY_HELP 0x0FFF
#define KEY_MAN 0x0FFE

static const char *current_command = "disrupt";

static void vmessage(const char *level, const char *fmt, va_list ap)
{
    fprintf(stderr, "disrupt: %s: ", level);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("error", fmt, ap);
    va_end(ap);
}

void cli_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("warning", fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage("error", fmt, ap);
    va_end(ap);
    if (command)
        fprintf(stderr, "disrupt: try 'disrupt %s --help'\n", command);
    else
        fprintf(stderr, "disrupt: try 'disrupt --help'\n");
    return CLI_EXIT_USAGE;
}

int cli_fail(const disrupt_error *err)
{
    cli_error("%s", err->message);
    return CLI_EXIT_DATA;
}

static size_t count_options(const cli_option *o)
{
    size_t n = 0;
    while (o[n].name)
        n++;
    return n;
}

void cli_print_help(FILE *out, const cli_command_doc *doc, const cli_group *groups,
                    size_t ngroups)
{
    fprintf(out, "Usage: %s\n\n%s\n", doc->usage, doc->summary);
    for (size_t g = 0; g < ngroups; g++) {
        fprintf(out, "\n%s:\n", groups[g].title);
        for (const cli_option *o = groups[g].options; o->name; o++) {
            char left[64];
            snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "",
                     o->arg ? o->arg : "");
            if (strlen(left) <= 24)
                fprintf(out, "  %-24s  %s\n", left, o->help);
            else
                fprintf(out, "  %s\n  %-24s  %s\n", left, "", o->help);
        }
    }
    fprintf(out, "\n  %-24s  %s\n", "--help", "show this help and exit");
    fprintf(out, "\nExit status: 0 success, 1 data or analysis error, 2 usage error.\n");
}

int cli_parse(int argc, char **argv, const cli_command_doc *doc, const cli_group *groups,
              size_t ngroups, int *first_operand)
{
    current_command = doc->name;
    size_t total = 0;
    for (size_t g = 0; g < ngroups; g++)
        total += count_options(groups[g].options);
    struct option *longopts = calloc(total + 3, sizeof *longopts);
    size_t *group_of = calloc(total + 1, sizeof *group_of);
    const cli_option **row_of = calloc(total + 1, sizeof *row_of);
    if (!longopts || !group_of || !row_of) {
        free(longopts);
        free(group_of);
        free(row_of);
        cli_error("out of memory");
        return CLI_EXIT_DATA;
    }
    size_t k = 0;
    for (size_t g = 0; g < ngroups; g++)
        for (const cli_option *o = groups[g].options; o->name; o++, k++) {
            longopts[k].name = o->name;
            longopts[k].has_arg = o->arg ? required_argument : no_argument;
            longopts[k].val = KEY_BASE + (int)k;
            group_of[k] = g;
            row_of[k] = o;
        }
    longopts[k].name = "help";
    longopts[k].val = KEY_HELP;
    longopts[k + 1].name = "man"; /* not in --help: the build writes the man pages with it */
    longopts[k + 1].val = KEY_MAN;

    int rc = 0;
    optind = 1;
    opterr = 0;
    for (;;) {
        int c = getopt_long(argc, argv, "h", longopts, NULL);
        if (c == -1)
            break;
        if (c == KEY_HELP || c == 'h' || c == KEY_MAN) {
            (c == KEY_MAN ? cli_print_man : cli_print_help)(stdout, doc, groups, ngroups);
            rc = -1;
            break;
        }
        if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            if (optopt && optopt < KEY_BASE && optopt != '?')
                rc = cli_usage_error(doc->name, "unknown option '-%c'", optopt);
            else if (optopt >= KEY_BASE)
                rc = cli_usage_error(doc->name, "option '%s' needs a value", bad);
            else
                rc = cli_usage_error(doc->name, "unknown option '%s'", bad);
            break;
        }
        size_t idx = (size_t)(c - KEY_BASE);
        const cli_group *grp = &groups[group_of[idx]];
        rc = grp->handle(grp->ctx, row_of[idx]->key, optarg);
        if (rc != 0)
            break;
    }
    *first_operand = optind;
    free(longopts);
    free(group_of);
    free(row_of);
    return rc;
}

int cli_parse_double(const char *command, const char *option, const char *arg, double *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(arg, &end);
    if (end == arg || *end || errno == ERANGE || !isfinite(v))
        return cli_usage_error(command, "--%s expects a number, found '%s'", option, arg);
    *out = v;
    return 0;
}

int cli_parse_size(const char *command, const char *option, const char *arg, size_t *out)
{
    char *end = NULL;
    errno = 0;
    if (arg[0] == '-')
        return cli_usage_error(command, "--%s expects a whole number >= 0, found '%s'", option, arg);
    unsigned long long v = strtoull(arg, &end, 10);
    if (end == arg || *end || errno == ERANGE)
        return cli_usage_error(command, "--%s expects a whole number >= 0, found '%s'", option, arg);
    *out = (size_t)v;
    return 0;
}

int cli_parse_duration(const char *command, const char *option, const char *arg, long long *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(arg, &end);
    double unit = 1;
    int has_unit = 0;
    if (end != arg && *end && !end[1]) {
        has_unit = 1;
        switch (*end) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 86400; break;
        case 'w': unit = 7 * 86400; break;
        default: unit = 0;
        }
        end++;
    }
    if (end != arg && !*end && !has_unit && v != 0)
        return cli_usage_error(command,
                               "--%s expects a duration with its unit such as 90s, 5m, 6h or "
                               "1d, found '%s' (%s what?)",
                               option, arg, arg);
    if (end == arg || *end || unit == 0 || errno == ERANGE || !(v >= 0) || v * unit > 1e15)
        return cli_usage_error(command,
                               "--%s expects a duration such as 90s, 5m, 1h, 2d or 1w, found '%s'",
                               option, arg);
    *out = (long long)llround(v * unit);
    return 0;
}

int cli_parse_date_order(const char *command, const char *arg, disrupt_date_order *out)
{
    if (strcmp(arg, "dmy") == 0)
        *out = DISRUPT_DATE_ORDER_DMY;
    else if (strcmp(arg, "mdy") == 0)
        *out = DISRUPT_DATE_ORDER_MDY;
    else
        return cli_usage_error(command, "--date-order expects dmy or mdy, found '%s'", arg);
    return 0;
}
