/* verify_report.h — what `disrupt verify` tells people and programs.
 *
 * table: one block per claim (claimed dates, the matched window with its 95% intervals,
 * the verdict and why); JSON: {"version": "1", "claims": [...]} with every field of a
 * disrupt_verification; CSV: one row per claim; Markdown: a table for report.md.
 * Writers take an open stream and own nothing; they return DISRUPT_EIO when the stream
 * reports a write error, DISRUPT_ENOMEM when out of memory.
 */
#ifndef DISRUPT_VERIFY_REPORT_H
#define DISRUPT_VERIFY_REPORT_H

#include <stdio.h>

#include "disrupt/workflows/claims.h"
#include "disrupt/core/error.h"
#include "disrupt/ingest/series.h"
#include "disrupt/workflows/verify.h"
#include "disrupt/detect/window.h"

typedef struct {
    const disrupt_claim_list *claims;
    const disrupt_dataset *data;
    const disrupt_window_list *windows;
    const disrupt_verify_result *result;
    const disrupt_verify_options *options;
    const char *claims_path;      /* for "claims.csv:3" references */
} disrupt_verify_report;

/* tz: zone of the times shown (NULL = UTC). */
int disrupt_verify_report_table(FILE *out, const disrupt_verify_report *r, const char *tz,
                                disrupt_error *err);
int disrupt_verify_report_json(FILE *out, const disrupt_verify_report *r, disrupt_error *err);
int disrupt_verify_report_csv(FILE *out, const disrupt_verify_report *r, disrupt_error *err);
int disrupt_verify_report_markdown(FILE *out, const disrupt_verify_report *r, const char *tz,
                                   disrupt_error *err);

#endif
