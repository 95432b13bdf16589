/* json_series.h — series from JSON as it is downloaded from two APIs.
 *
 *  - IODA API v2 signals (`/v2/signals/raw/…`): `{"type": "signals", …, "data": [[{"entityType",
 *    "entityCode", "entityName", "datasource", "subtype", "from", "until", "step",
 *    "nativeStep", "values": [v, null, …]}, …]]}`; values[i] is at from + i·step (Unix
 *    seconds), null is missing. The data array may also hold the series objects directly, and
 *    a file may be one series object or an array of them. Datasources get the names of IODA's
 *    CSV exports: bgp, active-probing (ping-slash24, -loss, -latency), telescope (merit-nt;
 *    the older ucsd-nt is telescope-ucsd), google-search (gtr WEB_SEARCH; other subtypes likewise), else the datasource
 *    id with its subtype; with several entities a name is "ENTITY/signal" (entityCode).
 *  - Cloudflare Radar time series: `{"success": true, "result": {"meta": {…, "normalization":
 *    "MIN0_MAX"}, "serie_0": {"timestamps": ["2020-09-27T00:00:00Z", …], "values": ["0.52",
 *    …]}}}`, values as strings (numbers and null accepted), one signal per key beside "meta"
 *    (named by its key; the default "serie_0" alone by the file's stem). The unit names the
 *    normalisation: Radar's values are relative, not counts.
 * The samples go through the same grid as CSV rows (grid.h): options.step, aggregate, entity,
 * signal_columns and max_sparse_samples apply as they do to CSV; names must be showable text.
 * Errors: DISRUPT_EDATA "FILE: data[0][1].values[17]: expected a number or null, found …", a
 * Radar response with "success": false (its first error message quoted), and JSON that is
 * neither ("expected IODA API v2 signals or a Cloudflare Radar time series, found …").
 * On error nothing is appended. Ownership: root stays the caller's. O(values).
 */
#ifndef DISRUPT_JSON_SERIES_H
#define DISRUPT_JSON_SERIES_H

#include "disrupt/core/error.h"
#include "disrupt/ingest/ingest.h"
#include "disrupt/ingest/series.h"

struct json_object;

/* path is what the series record as their file, where the name in messages; synthetic marks
 * the series (the file's name says so, ingest.h). */
int disrupt_json_series_read(struct json_object *root, const char *path, const char *where,
                             int synthetic, disrupt_ingest_options *opt, disrupt_dataset *out,
                             disrupt_error *err);

#endif
