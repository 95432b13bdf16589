/* ingest.h — reading measurement CSVs into series.
 *
 * Streaming with libcsv; columns matched by header name; dialects recognised from the header
 * (plain wide `time,<signal>…`, long `timestamp,entity,signal,value`, IODA dashboard export,
 * OONI aggregation counts, Tor Metrics userstats, Google traffic re-exports) or forced with
 * options.format. Every rejected cell is an error "FILE:LINE:COL: expected …, found '…'"
 * (or a warning counted in skipped_rows with skip_bad_rows).
 *
 * Rows may come unsorted; duplicate time stamps are aggregated; the step is inferred (median
 * spacing) unless given; missing samples stay NaN.
 * Ownership: the series appended to `out` belong to it. Memory: O(points), at most 32 bytes
 * per point per signal plus a constant.
 */
#ifndef DISRUPT_INGEST_H
#define DISRUPT_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "disrupt/error.h"
#include "disrupt/series.h"

typedef enum {
    DISRUPT_AGG_MEAN = 0,
    DISRUPT_AGG_SUM,
    DISRUPT_AGG_MAX,
    DISRUPT_AGG_MIN,
    DISRUPT_AGG_LAST
} disrupt_aggregate;

typedef void (*disrupt_warn_fn)(void *ctx, const char *message);

typedef struct {
    const char *format;           /* NULL = recognise from the header */
    const char *time_column;      /* NULL = the dialect's time column */
    const char **signal_columns;  /* NULL = every value column */
    size_t nsignal_columns;
    const char *time_format;      /* strptime format for the time column, NULL = ISO/Unix */
    const char *tz;               /* IANA zone for times without an offset; NULL = UTC */
    const char *country;          /* Tor/Google: which country; NULL = all */
    const char *entity;           /* long format: which entity; NULL = all */
    int64_t step;                 /* seconds; 0 = infer */
    disrupt_aggregate aggregate;  /* for duplicate stamps (counts are always summed) */
    int skip_bad_rows;            /* turn rejected rows into warnings */
    disrupt_warn_fn warn;         /* receives warnings; NULL = silent */
    void *warn_ctx;
    size_t skipped_rows;          /* out: rows skipped with skip_bad_rows */
    const char *dialect;          /* out: name of the dialect that was read */
} disrupt_ingest_options;

void disrupt_ingest_options_init(disrupt_ingest_options *o);

/* Reads path ("-" = standard input) and appends one series per signal to out. */
int disrupt_ingest_file(const char *path, disrupt_ingest_options *opt, disrupt_dataset *out,
                        disrupt_error *err);

#endif
