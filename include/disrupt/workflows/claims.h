/* claims.h — dated statements to check against the data ("throttled 27 Sep – 12 Nov 2020").
 *
 * A claim is a labelled window [start, end) in UTC seconds, with the kinds it asserts
 * (shutdown, throttling, blocking; none = not stated) and optionally the signal it is about.
 * Four inputs are read, recognised from the header row (or, for JSON, its first byte):
 *   - the project's own CSV `label,start,end[,kind][,signal]` (columns by name, any order);
 *     kind is empty or names joined by '+' or ',' ("throttling+blocking");
 *   - an Access Now #KeepItOn STOP export (`start_date,…,country,…,shutdown_type,…,end_date`);
 *   - Cloudflare Radar outage annotations, JSON (claims_radar.c: government-directed
 *     outages claim a shutdown, others an outage; ongoing ones are skipped);
 *   - the IODA curated outage list (`ID,Begin time,End time,Country,…`), whose times come in
 *     mixed formats ("Saturday, November 16, 2019, 2:00:00 PM", "4/3/2020  15:15:00 PM").
 * A date without a time means that whole day in the zone `tz`: a start at its midnight, an end
 * at the next midnight (so `2020-09-27,2020-11-11` is 46 days), and each boundary keeps the
 * span it was written with (disrupt_claim_span) so that it is judged at that precision; in
 * the project's CSV a month ("2019-01") is the whole month. IODA times are UTC.
 * With `country` set (ISO 3166 alpha-2 code or English name), event lists keep only that
 * country's rows; the project's CSV has no country column and ignores it.
 *
 * Slashed dates of an event list are read in one order for the whole file: day first when
 * some first part is above 12, month first when some second part is; a file that cannot tell
 * (every date ≤ 12/12 with the parts different) or that mixes both is an error asking for
 * `date_order`. A file whose every row is skipped is an error too, never "0 claims".
 * Event lists are ground truth collected by hand, with known quirks: the same event repeated
 * under several `count_year` rows (kept once, counted in `duplicates`), ongoing events with no
 * end or an Excel-serial artefact for a duration, rows whose end precedes their start. Rows that
 * cannot become a claim are skipped with a warning "FILE:LINE:COL: …" through `warn` and
 * counted in `skipped` — never dropped silently. In the project's CSV every bad cell is an
 * error instead.
 *
 * Ownership: a disrupt_claim_list owns its claims and their strings; _fini releases them.
 * Errors: DISRUPT_EIO (cannot read), DISRUPT_EDATA ("FILE:LINE:COL: expected …, found '…'"),
 * DISRUPT_ENOMEM, DISRUPT_EINVAL (unknown zone or country); on error nothing is appended to
 * the list (its counts too are as before). Label text must be valid UTF-8 without control
 * characters (text.h): a bad cell is an error in the project's CSV, a skipped row in event
 * lists. Complexity: O(size of the file).
 */
#ifndef DISRUPT_CLAIMS_H
#define DISRUPT_CLAIMS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "disrupt/core/error.h"
#include "disrupt/detect/window.h"

/* Bit (1u << kind) per disrupt_window_kind; 0 = the claim does not say. */
typedef unsigned disrupt_kind_set;
#define DISRUPT_KIND_BIT(kind) (1u << (unsigned)(kind))

/* The precision a boundary was written with. */
typedef enum {
    DISRUPT_PRECISION_TIME = 0,   /* a date-time: the instant itself */
    DISRUPT_PRECISION_DAY,        /* "2020-09-27": that day, in the claim's zone */
    DISRUPT_PRECISION_MONTH       /* "2019-01": that month */
} disrupt_claim_precision;

/* Where a claimed boundary may lie, at the precision it was written with: a time, the
 * instant (lo = hi); a day or a month, [lo, hi] from its first midnight to the next one's. A
 * start lies in [lo, hi): the disruption began during that day. An end (exclusive) lies in
 * [lo, hi]: a date-only end is read both ways reports write it — the day restrictions were
 * lifted (end in [lo, hi)) and the last disrupted day (end in (lo, hi]). */
typedef struct {
    int64_t lo, hi;
    disrupt_claim_precision precision;
} disrupt_claim_span;

typedef struct {
    char *label;            /* what the source says, for tables */
    int64_t start, end;     /* UTC seconds, end exclusive: a date-only end at the next
                             * midnight, so that the claim holds its whole last day */
    disrupt_claim_span start_span, end_span;
    disrupt_kind_set kinds;
    char *signal;           /* NULL = any signal */
    char *country;          /* as written in an event list; NULL for the project's CSV */
    long line;              /* line of the claim in its file */
} disrupt_claim;

typedef struct {
    disrupt_claim *items;
    size_t count;
    size_t capacity;
    size_t skipped;         /* rows of event lists that could not become claims */
    size_t duplicates;      /* repeated rows of event lists, kept once */
    const char *dialect;    /* "claims", "keepiton" or "ioda-outages" (static) */
} disrupt_claim_list;

typedef void (*disrupt_claims_warn_fn)(void *ctx, const char *message);

/* How slashed dates ("03/01/2020") are read in event lists. */
typedef enum {
    DISRUPT_DATE_ORDER_AUTO = 0,   /* from the whole column: a first part above 12 is a day */
    DISRUPT_DATE_ORDER_DMY,
    DISRUPT_DATE_ORDER_MDY
} disrupt_date_order;

typedef struct {
    const char *tz;          /* zone of dates and naive times, NULL = UTC */
    disrupt_date_order date_order;
    const char *country;     /* event lists: keep this country only; NULL = all */
    disrupt_claims_warn_fn warn;   /* receives skipped-row warnings; NULL = silent (counted) */
    void *warn_ctx;
} disrupt_claims_options;

void disrupt_claims_options_init(disrupt_claims_options *o);
void disrupt_claim_list_init(disrupt_claim_list *l);
void disrupt_claim_list_fini(disrupt_claim_list *l);

/* Copies the strings of c (label required, signal and country may be NULL). The boundaries
 * are instants (DISRUPT_PRECISION_TIME); a reader that knows better sets the spans after. */
int disrupt_claim_list_add(disrupt_claim_list *l, const char *label, int64_t start, int64_t end,
                           disrupt_kind_set kinds, const char *signal, const char *country,
                           long line, disrupt_error *err);

/* Reads path ("-" = standard input), recognising the dialect from its header. */
int disrupt_claims_read(const char *path, const disrupt_claims_options *o,
                        disrupt_claim_list *out, disrupt_error *err);
/* Reads an open stream (not closed); name is used in messages. */
int disrupt_claims_read_stream(FILE *stream, const char *name, const disrupt_claims_options *o,
                               disrupt_claim_list *out, disrupt_error *err);

/* "throttling+blocking" → set; 0 on success, 1 on an unknown name (empty → 0 set). */
int disrupt_kind_set_parse(const char *s, size_t len, disrupt_kind_set *out);
/* "throttling+blocking", "" for none; returns the length written (0 if it does not fit). */
size_t disrupt_kind_set_format(disrupt_kind_set set, char *out, size_t outsz);

#endif
