/* cli.h — shared pieces of the `disrupt` command line.
 *
 * Options come from tables (one per concern: ingest, detection, plotting, …) so that every
 * command that takes "detect options" accepts exactly the same ones, and --help is generated
 * from the same rows that getopt_long parses. Messages follow curl/jq:
 *   disrupt: error: traffic.csv:42:3: expected a number, found 'n/a'
 * Exit status: 0 success, 1 data or analysis error, 2 usage error.
 */
#ifndef DISRUPT_CLI_H
#define DISRUPT_CLI_H

#include <stdio.h>

#include "disrupt/workflows/claims.h"

#include "disrupt/core/error.h"

enum { CLI_EXIT_OK = 0, CLI_EXIT_DATA = 1, CLI_EXIT_USAGE = 2 };

typedef struct {
    const char *name;      /* long option name without "--" */
    const char *arg;       /* argument placeholder ("FILE"), NULL for a flag */
    int key;               /* passed to the group's handler */
    const char *help;      /* one line; mention the default */
    int repeatable;        /* documentation only */
} cli_option;

/* A handler returns 0, or a usage error after printing it with cli_usage_error(). */
typedef int (*cli_handler)(void *ctx, int key, const char *arg);

typedef struct {
    const char *title;     /* heading in --help, e.g. "Input" */
    const cli_option *options;  /* terminated by a row with name == NULL */
    cli_handler handle;
    void *ctx;
} cli_group;

typedef struct {
    const char *name;      /* "detect" */
    const char *usage;     /* "disrupt detect [OPTIONS] FILE..." */
    const char *summary;   /* a paragraph */
    /* For the man page (--man) only: */
    const char *brief;     /* NAME line: what it does, in a few words */
    const char *output;    /* what it writes: the table, the JSON keys; NULL = none */
    const char *examples;  /* one command line per line */
} cli_command_doc;

/* Parses argv against the groups. On success returns 0 and sets *first_operand to the index
 * of the first non-option argument. --help prints help and returns -1 (exit 0). Returns 2
 * after printing a usage error. */
int cli_parse(int argc, char **argv, const cli_command_doc *doc, const cli_group *groups,
              size_t ngroups, int *first_operand);

void cli_print_help(FILE *out, const cli_command_doc *doc, const cli_group *groups,
                    size_t ngroups);
/* The same as a man page in roff (manpage.c); cli_parse prints it for the hidden --man. */
void cli_print_man(FILE *out, const cli_command_doc *doc, const cli_group *groups,
                   size_t ngroups);
/* disrupt(1): the commands and what they do. */
void cli_print_man_overview(FILE *out, const char *const *names, const char *const *summaries,
                            size_t count);

/* Prints "disrupt: error: …" and, for usage errors, the hint line. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cli_warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints err and maps its code to an exit status (1). */
int cli_fail(const disrupt_error *err);

/* Parsing helpers for option values; each prints a usage error and returns 2 when bad. */
int cli_parse_double(const char *command, const char *option, const char *arg, double *out);
int cli_parse_size(const char *command, const char *option, const char *arg, size_t *out);
/* "90s", "5m", "1h", "1d", "1w" or plain seconds. */
int cli_parse_duration(const char *command, const char *option, const char *arg, long long *out);

/* --date-order dmy|mdy: how slashed claim dates (03/01/2020) are read. 0, or 2 after a
 * usage error. */
int cli_parse_date_order(const char *command, const char *arg, disrupt_date_order *out);

#endif
