/* batch.h — many entities (countries, networks) in one run: `disrupt batch` and `merge`.
 *
 * Inputs are files, each either one entity's or a long file of many (an entity column: the
 * long format's entity, Tor's country). A manifest CSV `entity,file[,signal][,tz]` names the
 * entity of each file (several rows may give one entity several files; a long file's row
 * reads only that entity's rows). Otherwise a file is the entity its entity column names, or
 * its file stem; a long file of many entities gives each of them.
 *
 * Plan (batch_plan.c): each long file is scanned first (its entity column only). When its
 * rows come grouped by entity, it is read once, entity by entity, so memory holds only the
 * entities in flight; otherwise it is read in passes over sets of entities of at most
 * DISRUPT_BATCH_PASS_ROWS rows each. An entity is in shard i of N when the FNV-1a hash of its
 * name is i modulo N, so shards split any input the same way without reading it twice.
 *
 * Each entity is analysed on its own (batch_entity.c): its signals are named "entity/signal",
 * detect runs with the given options, and it becomes one record: a block of windows.json, its
 * rows of windows.csv and one row of entities.csv. A failed entity (no data, too few normal
 * samples) is a record with status "failed" and the reason; the run goes on.
 *
 * Output (batch_output.c), in --out DIR: the records sorted by entity name (bytes), whatever
 * the order they were read or finished in:
 *   windows.json  {"version", "disrupt_version", "settings", ["shard": [i, N],] "entities": [
 *                 {"entity", "status", "message" (failed) or "caveats" (caveat.h), "signals",
 *                  "windows", "recurring", "events"}]} — the items as in detect --json
 *   windows.csv   entity, then detect --csv's columns, one row per window
 *   entities.csv  entity,status,signals,points,missing,windows,shutdown,throttling,outage,
 *                 blocking,disrupted_days,first_start,last_end,chart,message (why it failed, or
 *                 the caveats of an analysed one)
 * "settings" is a digest of the options that shape results, so that merge refuses shards of
 * different runs. merge (batch_merge.c) reads the shards' three files back, checks that they
 * are shards 0..N−1 of N of one run, and writes the same three files: byte for byte what one
 * run over everything writes (the records are the same bytes, in the same order).
 *
 * Ownership: every struct owns its strings and arrays; _fini frees them.
 * Errors: DISRUPT_EDATA (manifest, inputs, shards), DISRUPT_EIO, DISRUPT_ENOMEM; per entity,
 * analysis failures are records, not errors.
 */
#ifndef DISRUPT_BATCH_H
#define DISRUPT_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "disrupt/core/error.h"
#include "disrupt/detect/detect.h"
#include "disrupt/ingest/ingest.h"

/* Rows a pass over an ungrouped long file holds (about 24 bytes each while read). */
#define DISRUPT_BATCH_PASS_ROWS ((size_t)10 * 1000 * 1000)

typedef struct {
    char *file;      /* path; a manifest's relative paths are taken from its folder */
    char *entity;    /* the manifest's entity, NULL = from the file */
    char *signal;    /* only this signal, NULL = all */
    char *tz;        /* zone of zone-less times, NULL = the run's --tz */
    char *where;     /* "manifest.csv:3" or the file, for messages */
} disrupt_batch_input;

typedef struct {
    disrupt_batch_input *items;
    size_t count, cap;
} disrupt_batch_inputs;

void disrupt_batch_inputs_init(disrupt_batch_inputs *in);
void disrupt_batch_inputs_fini(disrupt_batch_inputs *in);
/* A file given on the command line. */
int disrupt_batch_inputs_add_file(disrupt_batch_inputs *in, const char *file,
                                  disrupt_error *err);
/* Appends the rows of a manifest (header entity,file[,signal][,tz], in any order; other
 * columns are an error). Every file must exist. */
int disrupt_batch_manifest_read(const char *path, disrupt_batch_inputs *in, disrupt_error *err);

/* "i/N" → shard index and count (0 ≤ i < N ≤ 10⁶); DISRUPT_EINVAL otherwise. */
int disrupt_batch_shard_parse(const char *text, unsigned *index, unsigned *count);
/* 1 when entity falls in shard index of count. */
int disrupt_batch_in_shard(const char *entity, unsigned index, unsigned count);

/* One read of the plan: one entity from its files, or entities of one long file. */
typedef enum {
    DISRUPT_BATCH_WHOLE,    /* inputs[] together are the entity `entity` */
    DISRUPT_BATCH_STREAM,   /* a grouped long file: entities[] one by one */
    DISRUPT_BATCH_PASS      /* an ungrouped long file: entities[] in one pass */
} disrupt_batch_read_kind;

typedef struct {
    disrupt_batch_read_kind kind;
    size_t *inputs;         /* indices into the inputs */
    char **only_entity;     /* WHOLE, per input: the file's name of the entity when the file
                             * holds others too (only its rows are read), else NULL */
    size_t ninputs;
    char *entity;           /* WHOLE */
    char **entities;        /* STREAM, PASS: strcmp-sorted */
    size_t nentities;
    size_t rows;            /* STREAM, PASS: rows the scan counted */
} disrupt_batch_read;

typedef struct {
    disrupt_batch_read *reads;
    size_t count, cap;
    size_t entities;        /* in this shard */
    size_t all_entities;    /* in every shard */
    size_t passes;          /* extra passes over ungrouped files beyond the first */
} disrupt_batch_plan;

void disrupt_batch_plan_fini(disrupt_batch_plan *p);
/* Scans the inputs and plans the reads of shard index of count (0 of 1: everything). opt is
 * the run's ingest options (format, columns, filters); pass_rows bounds a pass over an
 * ungrouped file (0 = DISRUPT_BATCH_PASS_ROWS). Two inputs that give one entity are an error
 * unless both are manifest rows naming it. */
int disrupt_batch_plan_make(const disrupt_batch_inputs *in, const disrupt_ingest_options *opt,
                            unsigned shard, unsigned shards, size_t pass_rows,
                            disrupt_batch_plan *p, disrupt_error *err);

/* ---- records ------------------------------------------------------------------------- */

/* What one entity adds to the three files; the counts feed the progress line. */
typedef struct {
    char *entity;
    char *json;            /* the windows.json item, indented for its place, no comma */
    char *csv;             /* its windows.csv rows, each ending in '\n' (may be empty) */
    char *summary;         /* its entities.csv row, ending in '\n' */
    size_t windows;
    size_t points;
    int failed;
} disrupt_batch_record;

void disrupt_batch_record_fini(disrupt_batch_record *r);

/* Analyses one entity whose series (named as read) are in data: names them "entity/…",
 * detects and fills rec (naming its chart, charts/NAME.FORMAT, when chart_format is not
 * NULL). A failure of the analysis is a failed record; only running out of
 * memory is an error. When result is not NULL it holds the detection (for a chart; empty
 * when rec->failed). */
int disrupt_batch_entity_analyse(const char *entity, disrupt_dataset *data,
                                 const disrupt_detect_options *opt, const char *chart_format,
                                 disrupt_batch_record *rec, disrupt_detection *result,
                                 disrupt_error *err);
/* The file name of an entity's chart (caller frees): the entity itself when it is at most 100
 * letters, digits, '.', '-', '_' and does not start with '.'; else those characters ('_' for
 * the others and a leading '.', at most 100) and its 64-bit FNV-1a hash, so that two names
 * never share a file. Then '.' and format. NULL when out of memory. */
char *disrupt_batch_chart_name(const char *entity, const char *format);
/* The record of an analysed entity (its series named already), naming its chart when
 * chart_format is not NULL: what disrupt_batch_entity_analyse fills after detecting. */
int disrupt_batch_entity_record(const char *entity, const disrupt_dataset *data,
                                const disrupt_detection *result,
                                const disrupt_detect_options *opt, const char *chart_format,
                                disrupt_batch_record *rec, disrupt_error *err);
/* A failed record: the entity could not be read or built. */
int disrupt_batch_entity_failed(const char *entity, const char *message,
                                disrupt_batch_record *rec, disrupt_error *err);

/* ---- the three output files ---------------------------------------------------------- */

/* The three texts of a record, and of the files they make. */
typedef enum { DISRUPT_BATCH_JSON, DISRUPT_BATCH_CSV, DISRUPT_BATCH_SUMMARY,
               DISRUPT_BATCH_PARTS } disrupt_batch_part;

/* Where a record's three texts are: offsets into one of the sources (a spool of this run, or
 * a shard's files). */
typedef struct {
    char *entity;
    unsigned source;
    long long at[DISRUPT_BATCH_PARTS];
    size_t len[DISRUPT_BATCH_PARTS];
} disrupt_batch_entry;

/* A source's file of each part; the spool of a run is one file for all three. */
typedef struct {
    FILE *file[DISRUPT_BATCH_PARTS];
} disrupt_batch_source;

typedef struct {
    disrupt_batch_source *sources;
    unsigned nsources;
    disrupt_batch_entry *entries;
    size_t count, cap;
} disrupt_batch_index;

void disrupt_batch_index_init(disrupt_batch_index *x);
/* Closes the sources too. */
void disrupt_batch_index_fini(disrupt_batch_index *x);

/* Adds a source (its files, which the index then owns) or an entry (its entity copied). */
int disrupt_batch_index_source(disrupt_batch_index *x, const disrupt_batch_source *src,
                               disrupt_error *err);
int disrupt_batch_index_add(disrupt_batch_index *x, const disrupt_batch_entry *e,
                            disrupt_error *err);
/* entities.csv's header line. */
extern const char disrupt_batch_summary_header[];

/* The spool of a run: records appended to an unnamed temporary file as they finish, so that
 * memory holds only their index. */
int disrupt_batch_spool_open(disrupt_batch_index *x, disrupt_error *err);
int disrupt_batch_spool_add(disrupt_batch_index *x, const disrupt_batch_record *rec,
                            disrupt_error *err);

/* Writes DIR/windows.json, windows.csv and entities.csv atomically, records sorted by
 * entity; settings: the run's digest; shard/shards: written into windows.json when shards >
 * 1. Two records of one entity are an error. */
int disrupt_batch_write(const char *dir, disrupt_batch_index *x, const char *settings,
                        unsigned shard, unsigned shards, disrupt_error *err);

/* Makes dir ready for a run's output: created when missing; an empty folder, or one batch or
 * merge wrote (its windows.json says so), whose earlier charts (regular files of charts/
 * named *.png, *.svg, *.pdf; nothing else there) are removed so that none is left beside the
 * new ones. Any other folder with files is refused (DISRUPT_EDATA). */
int disrupt_batch_prepare_folder(const char *dir, disrupt_error *err);

/* Reads the three files of each shard folder into x and checks that they are shards 0..N−1
 * of one run with one settings digest, copied to settings (DISRUPT_SHA256_HEX bytes). */
int disrupt_batch_merge_read(char *const *dirs, size_t ndirs, disrupt_batch_index *x,
                             char *settings, size_t settings_size, disrupt_error *err);

/* ---- running the plan ---------------------------------------------------------------- */

typedef struct {
    size_t entities;       /* to analyse (the plan's) */
    size_t done, failed;   /* records made, of which failed */
    size_t windows, points;
    size_t held_points;    /* points of entities read and not yet analysed, now */
    size_t peak_points;    /* and at most: what memory held beyond the reader */
    size_t peak_entities;  /* entities in flight at most */
    size_t charts_failed;  /* charts that could not be drawn (too large, …): their entities'
                            * records name none */
    char chart_error[sizeof ((disrupt_error *)0)->message];   /* the first one's reason */
} disrupt_batch_totals;

/* Draws one entity's chart; called on a worker thread, so it must be thread-safe. tz: the
 * zone of the entity's inputs (a manifest's), NULL = the run's. */
typedef int (*disrupt_batch_chart_fn)(void *ctx, const char *entity, const char *tz,
                                      const disrupt_dataset *data,
                                      const disrupt_detection *result, disrupt_error *err);
/* Called (under the runner's lock) after every record. */
typedef void (*disrupt_batch_progress_fn)(void *ctx, const disrupt_batch_totals *t);

typedef struct {
    const disrupt_batch_inputs *inputs;
    const disrupt_batch_plan *plan;
    const disrupt_ingest_options *ingest;   /* each input's tz and signal go on a copy */
    const disrupt_detect_options *detect;
    unsigned jobs;                          /* worker threads; 1 = none, in the caller */
    disrupt_batch_chart_fn chart;           /* NULL = no charts */
    void *chart_ctx;
    const char *chart_format;               /* png, svg, pdf: named in the records */
    disrupt_batch_progress_fn progress;     /* NULL = none */
    void *progress_ctx;
} disrupt_batch_run_options;

/* Reads every entity of the plan, analyses each on `jobs` threads (its daily cycle in the zone
 * of its inputs when a manifest gives one, as --tz would) (at most 2 × jobs read and
 * waiting) and adds its record to spool. A file that cannot be read makes failed records of
 * its entities that were not read yet; a chart that cannot be drawn is counted in t and its
 * entity's record names none. Errors: out of memory, the spool, writing a chart. */
int disrupt_batch_run(const disrupt_batch_run_options *o, disrupt_batch_index *spool,
                      disrupt_batch_totals *t, disrupt_error *err);

#endif
