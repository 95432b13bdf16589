/* main.c — `disrupt COMMAND [OPTIONS] FILE...`: dispatch to a subcommand. */
#include <gsl/gsl_errno.h>

#include "disrupt.h"
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"detect", cmd_detect, "find disruption windows: kind, dates with 95% intervals, depth"},
    {"inspect", cmd_inspect, "show how each input file is read: dialect, signals, range, step"},
    {"segment", cmd_segment, "change points of every signal, any numeric series (PELT, BOCPD, ...)"},
    {"simulate", cmd_simulate, "write SYNTHETIC series with known disruptions (ground truth)"},
    {"verify", cmd_verify, "check claimed dates against the data: a verdict per claim"},
    {"compare", cmd_compare, "set years or files side by side: windows, days, depth"},
    {"report", cmd_report, "write a folder for an editor: report.md, figures, JSON, CSV"},
    {"batch", cmd_batch, "every entity of many files on every core, or one shard of them"},
    {"merge", cmd_merge, "join the shard folders of batch into what one run writes"},
    {NULL, NULL, NULL},
};

static void print_usage(FILE *out)
{
    fprintf(out, "Usage: disrupt COMMAND [OPTIONS] FILE...\n\n"
                 "Finds internet disruptions (shutdowns, throttling, blocking) in measurement\n"
                 "time series and dates them with confidence intervals.\n\nCommands:\n");
    for (size_t i = 0; commands[i].name; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n'disrupt COMMAND --help' describes each command's options.\n");
}

/* Interrupted (Ctrl-C, kill, a closed terminal): remove the temporary files of outputs still
 * being written, then die of the signal as if there were no handler. */
static void on_interrupt(int sig)
{
    disrupt_outfile_remove_pending();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_interrupts(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
        sigaction(signals[i], &sa, NULL);
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    catch_interrupts();
    if (argc < 2) {
        print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        print_usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(name, "--man") == 0) { /* disrupt(1), written by the build */
        const char *names[sizeof commands / sizeof commands[0]];
        const char *summaries[sizeof commands / sizeof commands[0]];
        size_t count = 0;
        for (; commands[count].name; count++) {
            names[count] = commands[count].name;
            summaries[count] = commands[count].summary;
        }
        cli_print_man_overview(stdout, names, summaries, count);
        return CLI_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("disrupt %s\n", DISRUPT_VERSION);
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; commands[i].name; i++)
        if (strcmp(name, commands[i].name) == 0) {
            int status = commands[i].run(argc - 1, argv + 1);
            /* What was printed may still sit in stdio's buffer: a full disk or a closed
             * pipe shows only now, and must not pass for success. */
            if (fflush(stdout) != 0 || ferror(stdout)) {
                cli_error("cannot write to standard output");
                return status ? status : CLI_EXIT_DATA;
            }
            return status;
        }
    return cli_usage_error(NULL, "unknown command '%s'", name);
}
