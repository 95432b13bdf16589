/* report.h — what detect tells people and programs: a text table, JSON (the shape fixed in
 * DESIGN.md) and CSV. Writers take an open stream and own nothing; they return
 * DISRUPT_EIO when the stream reports a write error.
 */
#ifndef DISRUPT_REPORT_H
#define DISRUPT_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "disrupt/detect/detect.h"
#include "disrupt/core/error.h"
#include "disrupt/core/jsonw.h"
#include "disrupt/ingest/series.h"

/* tz: zone for the table's times (NULL = UTC). with_events: also list the incidents
 * (windows overlapping across signals) with the signals and kinds that show each. */
int disrupt_report_table(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                         const char *tz, int with_events, disrupt_error *err);
int disrupt_report_json(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                        disrupt_error *err);
int disrupt_report_csv(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                       disrupt_error *err);

/* The keys "signals", "windows", "recurring" and "events" of detect --json, inside an object
 * the caller opened (batch writes one per entity). */
void disrupt_report_json_body(disrupt_jsonw *w, const disrupt_dataset *d,
                              const disrupt_detection *r);
/* detect --csv's header line, and its rows alone; with entity not NULL each row starts with
 * an entity column. */
extern const char disrupt_report_csv_header[];
int disrupt_report_csv_rows(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                            const char *entity, disrupt_error *err);

/* One window as a JSON object, in the shape of detect --json's "windows" items. */
void disrupt_report_json_window(disrupt_jsonw *w, const disrupt_dataset *d,
                                const disrupt_window *win);

/* "18:30" for 66600 seconds after midnight. */
void disrupt_report_time_of_day(long seconds, char *out, size_t outsz);

#endif
