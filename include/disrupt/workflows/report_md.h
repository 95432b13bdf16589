/* report_md.h — report.md, the page an analyst hands to an editor: what was read, a summary
 * of the windows, the windows table with 95% intervals, the verdicts on claims (when any),
 * years side by side (when the data spans several), the figures, a note on method and how the
 * report was made (program version, command line, every threshold, input files with their
 * SHA-256, the run date, the data's caveats), so that anyone can rebuild it.
 *
 * The writer takes an open stream and borrows everything; it returns DISRUPT_EIO when the
 * stream fails. Complexity: O(windows + claims + periods).
 */
#ifndef DISRUPT_REPORT_MD_H
#define DISRUPT_REPORT_MD_H

#include <stdio.h>

#include "disrupt/workflows/compare_report.h"
#include "disrupt/detect/detect.h"
#include "disrupt/core/error.h"
#include "disrupt/workflows/verify_report.h"

typedef struct {
    const char *alt;       /* "Timeline of the detected windows" */
    const char *png;       /* file name inside the report folder */
    const char *svg;
} disrupt_report_md_figure;

/* How the report was made: borrowed strings and options. */
typedef struct {
    const char *version;                  /* DISRUPT_VERSION */
    const char *command_line;             /* as typed, shell-quoted */
    const disrupt_detect_options *detect; /* every threshold used */
    const char *const *inputs;            /* data files as given ("-": standard input) */
    size_t ninputs;
    const char *claims;                   /* claims file, or NULL */
    int64_t made_at;                      /* run date: SOURCE_DATE_EPOCH when set */
} disrupt_report_md_provenance;

typedef struct {
    const char *title;                         /* NULL: "Disruption report" */
    const disrupt_dataset *data;
    const disrupt_detection *detection;
    const disrupt_verify_report *verify;       /* NULL without claims */
    const disrupt_compare_report *years;       /* NULL when the data is within one year */
    const disrupt_report_md_figure *figures;
    size_t nfigures;
    const char *tz;                            /* zone of the times shown, NULL = UTC */
    const disrupt_report_md_provenance *made;  /* NULL: no such section */
} disrupt_report_md;

int disrupt_report_markdown(FILE *out, const disrupt_report_md *r, disrupt_error *err);

#endif
