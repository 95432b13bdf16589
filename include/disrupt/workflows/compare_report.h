/* compare_report.h — `disrupt compare` output: a table (one row per period), JSON
 * {"version": "1", "by": …, "periods": [...]} and CSV, plus Markdown for report.md.
 * Writers take an open stream and own nothing; DISRUPT_EIO when the stream fails.
 */
#ifndef DISRUPT_COMPARE_REPORT_H
#define DISRUPT_COMPARE_REPORT_H

#include <stdio.h>

#include "disrupt/workflows/compare.h"
#include "disrupt/core/error.h"

typedef struct {
    const disrupt_compare_result *result;
    const char *by;        /* "year" or "file" */
    const char *tz;        /* zone of the dates in the table (NULL = UTC) */
} disrupt_compare_report;

int disrupt_compare_report_table(FILE *out, const disrupt_compare_report *r, disrupt_error *err);
int disrupt_compare_report_json(FILE *out, const disrupt_compare_report *r, disrupt_error *err);
int disrupt_compare_report_csv(FILE *out, const disrupt_compare_report *r, disrupt_error *err);
int disrupt_compare_report_markdown(FILE *out, const disrupt_compare_report *r,
                                    disrupt_error *err);

#endif
