/* ingest.h — reading measurement CSVs into series.
 *
 * Streaming (csvread.h: libcsv); columns matched by header name; dialects recognised from
 * the header
 * (plain wide `time,<signal>…`, long `timestamp,entity,signal,value`, IODA dashboard export,
 * OONI aggregation counts, Tor Metrics userstats, Google traffic re-exports) or forced with
 * options.format. A file whose first byte is '{' or '[' is JSON, read whole (jsonread.h) as
 * IODA API v2 signals or a Cloudflare Radar time series (json_series.h). Every rejected cell is an error "FILE:LINE:COL: expected …, found '…'"
 * (or a warning counted in skipped_rows with skip_bad_rows).
 *
 * Rows may come unsorted; duplicate time stamps are aggregated (rows that repeat the stamp
 * of the row before them as they are read, so that a run of them costs one row); the step is
 * inferred (median spacing) unless given; missing samples stay NaN.
 * Cells: an empty cell is a missing sample (as IODA exports write them); any other text that is
 * not a finite decimal number ("n/a", "NA", "NaN", "Inf", "0x10") is rejected. Zero is data.
 * Count series (OONI) carry value = anomaly_count + confirmed_count and trials =
 * measurement_count − failure_count; a step with no usable measurement is missing.
 * Synthetic data: a series is marked synthetic (series->synthetic = 1) when a '#' comment line
 * before the header contains the word "synthetic" (any case), e.g. "# synthetic: made up for
 * tests", or when the file's base name contains "synthetic". Any dialect may carry such lines.
 * Names: plain/Google columns keep their header title (a Google `date and time,value` file
 * is named after its file stem); IODA titles become active-probing, bgp, telescope,
 * google-search, …; long format gives "entity/signal" ("signal" with one entity); OONI gives
 * the axis value (domain, ASN, …) or the file stem without an axis; Tor gives the column
 * ("users") or "cc/users" when several countries are read ("world" for the blank country;
 * by-transport tables add the transport: "cc/obfs4/high", or "obfs4/high" with --country).
 * Units: IODA units come from the titles ("#/24s Up"); a "-normalized.csv" download gets
 * "% of the maximum in the window" (IODA scales each series to its window maximum).
 * A signal whose every cell is empty is left out with a warning (an error when it is the
 * only one).
 * Errors: DISRUPT_EIO (cannot open or read), DISRUPT_EDATA (header, cell, empty file, no rows,
 * one time stamp without --step, every column empty), DISRUPT_EINVAL (bad option value),
 * DISRUPT_ENOMEM. On error nothing is appended to out.
 * Ownership: the series appended to `out` belong to it. Memory: O(points + time stamps
 * that are not runs), at most 32 bytes per point per signal plus a constant; the points are bounded by the input: grids of more
 * than 1000 times per row (a wrong step or time column, long gaps) may hold
 * max_sparse_samples in all the file's series, beyond which they are an error. Time:
 * O(bytes) for sorted rows.
 */
#ifndef DISRUPT_INGEST_H
#define DISRUPT_INGEST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "disrupt/core/error.h"
#include "disrupt/core/strmap.h"
#include "disrupt/ingest/series.h"

typedef enum {
    DISRUPT_AGG_MEAN = 0,
    DISRUPT_AGG_SUM,
    DISRUPT_AGG_MAX,
    DISRUPT_AGG_MIN,
    DISRUPT_AGG_LAST
} disrupt_aggregate;

/* Receives one warning: a rejected row's message (the first DISRUPT_INGEST_MAX_WARNINGS of a
 * file, then one line saying more were rejected) or a signal left out for having no values. */
typedef void (*disrupt_warn_fn)(void *ctx, const char *message);
#define DISRUPT_INGEST_MAX_WARNINGS 20
/* Receives one entity's series (entity by entity reading, below): it may move them out of
 * `series` (and zero its count); what is left is freed. failed is not NULL when this entity
 * alone could not be built (every value empty, a grid over budget): series is then empty.
 * Returns 0 to go on, or an error (in err) that stops the reading. */
typedef int (*disrupt_entity_fn)(void *ctx, const char *entity, disrupt_dataset *series,
                                 const disrupt_error *failed, disrupt_error *err);

/* 10⁷ samples: 80 MB, a year of 3-second samples. */
#define DISRUPT_INGEST_MAX_SPARSE_SAMPLES ((size_t)10 * 1000 * 1000)

typedef struct {
    const char *format;           /* NULL = recognise from the header */
    const char *time_column;      /* NULL = the dialect's time column */
    const char **signal_columns;  /* NULL = every value column */
    size_t nsignal_columns;
    const char *time_format;      /* strptime format for the time column, NULL = ISO/Unix */
    const char *tz;               /* IANA zone for times without an offset; NULL = UTC */
    const char *country;          /* Tor/Google: which country; NULL = all */
    const char *entity;           /* long format (or --entity-column): which entity; NULL =
                                   * all */
    const char *entity_column;    /* plain files: the column naming each row's entity (a file
                                   * of many places in rows, as the Monash IP Observatory
                                   * writes them); its signals are "entity/column"; NULL =
                                   * none */
    int64_t step;                 /* seconds; 0 = infer */
    disrupt_aggregate aggregate;  /* for duplicate stamps (counts are always summed) */
    int skip_bad_rows;            /* turn rejected rows into warnings */
    int decimal_comma;            /* values written 1,5 (European spreadsheets, with ';' or
                                   * tab between fields): ',' is the decimal mark */
    int index_axis;               /* any numeric series: a plain file whose time column holds
                                   * integers of under 9 digits (0, 1, 2, …) is indexed by
                                   * them, and one without a time column (a single column,
                                   * or no header at all) by its row number from 0; such
                                   * series are marked indexed */
    size_t max_sparse_samples;    /* budget of sparse grids (see Memory above); 0 =
                                   * DISRUPT_INGEST_MAX_SPARSE_SAMPLES */
    /* Entity by entity, for files with an entity column (long format: entity; Tor: country,
     * "world" for the blank one); other files ignore these. */
    const char *const *entities;  /* strcmp-sorted set of the entities to read; NULL = all */
    size_t nentities;
    disrupt_entity_fn on_entity;  /* set: each entity's series are built on their own (on
                                   * their own step, named "entity/signal" always) and handed
                                   * over in order of first row instead of appended to out */
    void *entity_ctx;
    int entities_grouped;         /* with on_entity: the rows come grouped by entity (as
                                   * disrupt_ingest_scan tells), so each entity is handed over
                                   * as soon as the next one starts: memory holds one entity.
                                   * A bad row fails its entity alone (handed over as failed);
                                   * a row with a blank entity is left out, as the scan that
                                   * comes first reports it */
    disrupt_warn_fn warn;         /* receives warnings; NULL = silent */
    void *warn_ctx;
    size_t skipped_rows;          /* out: rows skipped with skip_bad_rows */
    const char *dialect;          /* out: name of the dialect that was read */
    size_t rows;                  /* out: data rows read (including skipped ones) */
    size_t merged_rows;           /* out: rows aggregated into a grid time another row took
                                   * (duplicate stamps, or finer than the step); warned about */
    char delimiter;               /* out: the field delimiter used (0 for JSON) */
} disrupt_ingest_options;

void disrupt_ingest_options_init(disrupt_ingest_options *o);

/* "mean", "sum", "max", "min", "last" → *out; returns 0, or DISRUPT_EINVAL. */
int disrupt_aggregate_parse(const char *name, disrupt_aggregate *out);
/* 1 when name is a dialect accepted as options.format (plain, long, ioda, ooni, tor, google). */
int disrupt_ingest_format_known(const char *name);

/* Reads path ("-" = standard input) and appends one series per signal to out. */
int disrupt_ingest_file(const char *path, disrupt_ingest_options *opt, disrupt_dataset *out,
                        disrupt_error *err);
/* Reads an open stream (not closed); name stands for the path in messages and series. */
int disrupt_ingest_stream(FILE *stream, const char *name, disrupt_ingest_options *opt,
                          disrupt_dataset *out, disrupt_error *err);

/* What disrupt_ingest_scan found: the entities of a file and how their rows lie. */
typedef struct {
    size_t rows;                  /* data rows of the entity that pass the filters */
    long first_line, last_line;
} disrupt_entity_rows;

typedef struct {
    int has_entities;             /* the dialect has an entity column; else nothing below */
    int grouped;                  /* every entity's rows are consecutive */
    disrupt_strmap names;         /* entity → index into rows, in order of first row */
    disrupt_entity_rows *rows;
    const char *dialect;          /* static name of the dialect */
} disrupt_entity_census;

void disrupt_entity_census_init(disrupt_entity_census *c);
void disrupt_entity_census_fini(disrupt_entity_census *c);

/* Reads path's header and, when its dialect has an entity column, the entity cell of every
 * row (nothing else is parsed; the filters --entity, --signal, entities apply), filling c.
 * A file without an entity column stops after its header. Memory: O(entities). Errors as
 * disrupt_ingest_file for the header and field counts. */
int disrupt_ingest_scan(const char *path, disrupt_ingest_options *opt,
                        disrupt_entity_census *c, disrupt_error *err);

#endif
