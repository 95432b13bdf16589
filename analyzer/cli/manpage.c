/* manpage.c — man pages in roff from the same tables that print --help (see cli.h).
 *
 * Text is escaped for groff: backslashes, a leading '.' or '\'', option dashes, and every
 * non-ASCII character as \[uXXXX], so that `groff -man -ww` reads the page without a warning
 * whatever the help texts hold. Newlines inside a help row (its wrapped continuation) become
 * spaces; a blank line in a summary starts a paragraph.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "disrupt/core/text.h"

/* Writes text escaped; `fold` turns newlines and the blanks after them into one space. */
static void roff_text(FILE *out, const char *text, int fold)
{
    int line_start = 1;
    const unsigned char *s = (const unsigned char *)text, *end = s + strlen(text);
    while (*s) {
        if (*s == '\n') {
            if (fold) {
                while (s[1] == ' ')
                    s++;
                fputc(' ', out);
                line_start = 0;
            } else if (s[1] == '\n') {
                fputs("\n.PP\n", out);
                s++;
                line_start = 1;
            } else {
                fputc('\n', out);
                line_start = 1;
            }
            s++;
            continue;
        }
        if (line_start && (*s == '.' || *s == '\''))
            fputs("\\&", out);
        if (line_start && *s == ' ') {
            s++;
            continue; /* leading blanks would break the filled line */
        }
        line_start = 0;
        unsigned cp;
        size_t len = disrupt_text_decode((const char *)s, (size_t)(end - s), &cp);
        if (len == 0) { /* not UTF-8: the replacement character */
            cp = 0xFFFD;
            len = 1;
        }
        if (cp == '\\')
            fputs("\\e", out);
        else if (cp == '-')
            fputs("\\-", out);
        else if (cp < 0x80)
            fputc((int)cp, out);
        else
            fprintf(out, "\\[u%04X]", cp);
        s += len;
    }
}

static void page_header(FILE *out, const char *title, const char *name, const char *what)
{
    fputs(".TH ", out);
    roff_text(out, title, 1);
    fprintf(out, " 1 \"\" \"disrupt %s\" \"User Commands\"\n.SH NAME\n", DISRUPT_VERSION);
    roff_text(out, name, 1);
    fputs(" \\- ", out);
    roff_text(out, what, 1);
    fputc('\n', out);
}

static const char EXIT_STATUS[] =
    "0: success. 1: a data or analysis error (a file that cannot be read, a cell that is not "
    "what its column needs, an output that cannot be written); the message names FILE:LINE:COL "
    "where there is one. 2: a usage error (an unknown option, a bad option value, a missing "
    "file name).";

static const char FILES[] =
    "Input files are CSV (and JSON where a command says so); '-' reads standard input. A '#' "
    "comment line before the header that holds the word \"synthetic\" marks the data as "
    "simulated, and every output says so. Every output file is written to a temporary file "
    "beside it and renamed into place, so that a reader never sees half a file.";

static void section(FILE *out, const char *title, const char *text)
{
    fprintf(out, ".SH %s\n", title);
    roff_text(out, text, 0);
    fputc('\n', out);
}

/* EXAMPLES: one command per line of the doc's text, each shown as it is typed. */
static void examples(FILE *out, const char *text)
{
    fputs(".SH EXAMPLES\n", out);
    const char *line = text;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char buf[512];
        if (len >= sizeof buf)
            len = sizeof buf - 1;
        memcpy(buf, line, len);
        buf[len] = '\0';
        fputs(".PP\n.nf\n", out);
        roff_text(out, buf, 1);
        fputs("\n.fi\n", out);
        line = end ? end + 1 : line + len;
    }
}

void cli_print_man(FILE *out, const cli_command_doc *doc, const cli_group *groups,
                   size_t ngroups)
{
    char title[64], name[64];
    snprintf(name, sizeof name, "disrupt-%s", doc->name);
    snprintf(title, sizeof title, "DISRUPT-%s", doc->name);
    for (char *p = title; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    page_header(out, title, name, doc->brief ? doc->brief : doc->name);
    fputs(".SH SYNOPSIS\n.nf\n", out);
    roff_text(out, doc->usage, 0);
    fputs("\n.fi\n.SH DESCRIPTION\n", out);
    roff_text(out, doc->summary, 0);
    fputs("\n.SH OPTIONS\n", out);
    for (size_t g = 0; g < ngroups; g++) {
        fputs(".SS ", out);
        roff_text(out, groups[g].title, 1);
        fputc('\n', out);
        for (const cli_option *o = groups[g].options; o->name; o++) {
            fputs(".TP\n\\fB\\-\\-", out);
            roff_text(out, o->name, 1);
            fputs("\\fR", out);
            if (o->arg) {
                fputs(" \\fI", out);
                roff_text(out, o->arg, 1);
                fputs("\\fR", out);
            }
            fputc('\n', out);
            roff_text(out, o->help, 1);
            fputc('\n', out);
        }
    }
    fputs(".TP\n\\fB\\-\\-help\\fR\nshow the help and exit\n", out);
    if (doc->output)
        section(out, "OUTPUT", doc->output);
    section(out, "EXIT STATUS", EXIT_STATUS);
    section(out, "FILES", FILES);
    if (doc->examples)
        examples(out, doc->examples);
    fputs(".SH SEE ALSO\n\\fBdisrupt\\fR(1)\n", out);
}

void cli_print_man_overview(FILE *out, const char *const *names, const char *const *summaries,
                            size_t count)
{
    page_header(out, "DISRUPT", "disrupt",
                "find and date internet disruptions in measurement time series");
    fputs(".SH SYNOPSIS\n.nf\n\\fBdisrupt\\fR \\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
          "\\fIFILE\\fR...\n\\fBdisrupt \\-\\-version\\fR\n.fi\n.SH DESCRIPTION\n", out);
    roff_text(out,
              "Finds the windows in which a country or network was shut down, throttled or had "
              "services blocked, in CSV and JSON exports of traffic and network measurements "
              "(IODA, OONI, Tor Metrics, Google traffic re-exports, plain and long "
              "tables), dates them with 95% intervals, verifies claimed dates, compares years "
              "and draws charts for reports. It runs offline, in batch.",
              1);
    fputs("\n.SH COMMANDS\n", out);
    for (size_t i = 0; i < count; i++) {
        fprintf(out, ".TP\n\\fBdisrupt\\-%s\\fR(1)\n", names[i]);
        roff_text(out, summaries[i], 1);
        fputc('\n', out);
    }
    section(out, "EXIT STATUS", EXIT_STATUS);
    section(out, "FILES", FILES);
    examples(out, "disrupt detect --plot chart.png traffic.csv\n"
                  "disrupt verify --claims claims.csv traffic.csv\n"
                  "disrupt detect --help");
    fputs(".SH SEE ALSO\n", out);
    for (size_t i = 0; i < count; i++)
        fprintf(out, "\\fBdisrupt\\-%s\\fR(1)%s\n", names[i], i + 1 < count ? "," : "");
}
