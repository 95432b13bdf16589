/* dialect.h — recognising which export a CSV header comes from, and which columns to read.
 *
 * Dialects (names accepted by --format):
 *   plain   wide `time,<signal>…`; the time column is the first named time/timestamp/date/
 *           datetime/date and time/ts, else the first column
 *   long    `timestamp,entity,signal,value`; one series per entity × signal
 *   ioda    IODA dashboard export, `Time (UTC),Active Probing (#/24s Up),…`; signals renamed
 *           active-probing, bgp, telescope, google-search, …; times are UTC whatever --tz
 *   ooni    OONI aggregation counts `anomaly_count,confirmed_count,failure_count,
 *           measurement_count,…` with a measurement_start_day axis; one count series per
 *           value of the other axis (domain, probe_asn, …; --signal keeps only those named);
 *           days are UTC whatever --tz
 *   tor     Tor Metrics userstats `date,country,users,…` (also the by-transport table
 *           `date,country,transport,low,high,frac`, read with --signal); one series per
 *           country (or the --country one); dates are UTC whatever --tz
 *   google  Google traffic re-export `date and time,value` or `date and time,AD,AE,…`
 * Recognised in that order of specificity (ooni, long, ioda, tor, google, plain) unless forced;
 * tor needs date and country columns.
 * Columns are matched by name, never by position.
 *
 * Ownership: a disrupt_dialect owns its arrays; _fini releases them.
 * Errors: DISRUPT_EDATA with FILE:LINE:COL of the header; DISRUPT_EINVAL for an unknown
 * --format. Complexity: O(columns × selected columns).
 */
#ifndef DISRUPT_DIALECT_H
#define DISRUPT_DIALECT_H

#include <stddef.h>

#include "disrupt/ingest/csvread.h"
#include "disrupt/core/error.h"
#include "disrupt/ingest/ingest.h"

typedef enum {
    DISRUPT_DIALECT_PLAIN = 0,
    DISRUPT_DIALECT_LONG,
    DISRUPT_DIALECT_IODA,
    DISRUPT_DIALECT_OONI,
    DISRUPT_DIALECT_TOR,
    DISRUPT_DIALECT_GOOGLE
} disrupt_dialect_kind;

enum { DISRUPT_OONI_ANOMALY, DISRUPT_OONI_CONFIRMED, DISRUPT_OONI_FAILURE,
       DISRUPT_OONI_MEASUREMENT, DISRUPT_OONI_NCOUNTERS };

typedef struct {
    disrupt_dialect_kind kind;
    const char *name;        /* "plain", "ioda", … (static) */
    size_t ncols;            /* fields in the header */
    size_t time_col;
    int no_time_col;         /* index_axis: the rows are numbered, time_col is unused */
    int header_is_data;      /* index_axis: the first line was numbers, not names */
    int columns_are_places;  /* a wide table with a column per country (Tor's old
                                direct-users.csv, Google's wide exports): each column is a
                                place of its own */
    int time_is_utc;         /* the header says its times are UTC: ignore --tz */
    size_t nvalues;          /* value columns read per row (wide, tor) */
    size_t *value_col;
    char **value_name;       /* series name of each value column */
    char **value_unit;       /* display unit of each value column, NULL entries when none */
    long key_col;            /* rows split by this column's value (long: entity; ooni: axis;
                                tor: country), -1 = none */
    long key2_col;           /* long: signal column, else -1 */
    long ooni_col[DISRUPT_OONI_NCOUNTERS];
    size_t *unnamed_col;     /* plain: columns with an empty header, left out (spreadsheets
                                end rows with them); ingest warns if one holds data */
    size_t nunnamed;
} disrupt_dialect;

/* The names accepted by --format, NULL-terminated. */
extern const char *const disrupt_dialect_names[];

int disrupt_dialect_recognise(const disrupt_csv_field *header, size_t n,
                              const disrupt_ingest_options *opt, const char *where,
                              disrupt_dialect *d, disrupt_error *err);
void disrupt_dialect_fini(disrupt_dialect *d);
/* A plain file without a header (index_axis: its first line is numbers): every one of the n
 * columns is a value, named "value" (one column) or "column K", the rows numbered from 0. */
int disrupt_dialect_headerless(size_t n, disrupt_dialect *d, disrupt_error *err);
/* 1 when name[0..len) is in set[0..n), sorted by strcmp (an entity set of the options). */
int disrupt_name_in_set(const char *const *set, size_t n, const char *name, size_t len);

/* IODA legend title to signal name: "BGP (#Visible /24s)" → "bgp",
 * "Google (Search)" → "google-search". Caller frees; NULL when out of memory. */
char *disrupt_dialect_ioda_name(const char *title);
/* IODA legend title to its unit: "Active Probing (#/24s Up)" → "#/24s Up"; NULL when the
 * title has none (Google's parentheses name a product, not a unit). Caller frees. */
char *disrupt_dialect_ioda_unit(const char *title);

#endif
