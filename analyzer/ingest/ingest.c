/* ingest.c — a CSV export in, regular series out.
 *
 * csvread hands rows over one by one; the first row is the header, from which dialect.c
 * decides which columns hold time, values and keys. Each data row is checked cell by cell and
 * appended to a raw table (one per key: entity × signal, OONI axis value, Tor country); at the
 * end grid.c turns each table into series.
 */
#include "disrupt/ingest/ingest.h"

#include <ctype.h>
#include <json-c/json.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "disrupt/ingest/csvread.h"
#include "disrupt/ingest/dialect.h"
#include "disrupt/core/text.h"
#include "disrupt/ingest/grid.h"
#include "disrupt/ingest/json_series.h"
#include "disrupt/ingest/jsonread.h"
#include "disrupt/core/timefmt.h"
#include "disrupt/ingest/timeparse.h"

#define KEY_SEP '\x1f' /* joins entity and signal in a long-format key */
#define DAY_SECONDS 86400

typedef struct {
    char *key;
    disrupt_grid_table table;
    size_t order;                /* entity by entity: sort key bringing an entity together */
} keyed_table;

typedef struct {
    const char *where;           /* file name in messages */
    disrupt_ingest_options *opt;
    const disrupt_csv_reader *csv;   /* the reader of the file, for its delimiter */
    char expected_buf[256];          /* a phrase made for one message (a suggestion) */
    disrupt_timeparser tp;
    int tp_live;
    disrupt_dialect dialect;
    int have_header;
    long header_line;
    int saw_comment;
    int synthetic;
    int counts;
    keyed_table *tables;
    size_t ntables, tables_cap;
    size_t *slots;               /* open addressing: table index + 1, 0 = empty */
    size_t nslots;
    double *values, *trials;     /* one row's cells */
    char *keybuf;
    size_t keybuf_cap;
    size_t appended;
    int time_of_day_seen;        /* some time cell was more than a bare date */
    int zone_warned;             /* said once that zone-less times are read as UTC */
    int index_col;               /* index_axis: the time column holds an integer index */
    int axis_decided;            /* index_col was decided on the first data row */
    int64_t next_row;            /* the number of the next data row (no time column) */
    int unnamed_warned;          /* said once that a column without a name holds data */
    disrupt_entity_census *scan; /* disrupt_ingest_scan: count entities, read nothing */
    long scan_last;              /* index of the entity of the row before, −1 = none */
    char *entity;                /* grouped entity by entity reading: the entity being read */
    size_t entity_len;
    const char *row_entity;      /* entity by entity: the entity of the row being read */
    size_t row_entity_len;
    disrupt_strmap failed;       /* entities failed by a bad row of theirs */
    char **failed_why;           /* by index of failed: that row's message */
    unsigned char *failed_told;  /* by index of failed: handed over as failed */
    int sink_error;              /* the error came from handing over, not from a row */
} ingest_state;

/* Ends a scan of a file without entities after its header (never returned to a caller). */
#define SCAN_DONE 1000

void disrupt_ingest_options_init(disrupt_ingest_options *o)
{
    memset(o, 0, sizeof *o);
    o->aggregate = DISRUPT_AGG_MEAN;
}

static const char *const aggregate_names[] = {"mean", "sum", "max", "min", "last"};

/* Rows that share a grid time are not an error, but an analyst must know they were merged:
 * duplicated rows or a step chosen coarser than the data both show up here. */
static void warn_merged(const disrupt_ingest_options *opt, const char *path, size_t merged)
{
    if (!opt->warn)
        return;
    char msg[512];
    snprintf(msg, sizeof msg,
             "%s: %zu row%s fell on a time stamp already taken and %s aggregated (%s; "
             "--aggregate or --step to change that)",
             path, merged, merged == 1 ? "" : "s", merged == 1 ? "was" : "were",
             aggregate_names[opt->aggregate]);
    opt->warn(opt->warn_ctx, msg);
}

int disrupt_aggregate_parse(const char *name, disrupt_aggregate *out)
{
    for (size_t i = 0; i < sizeof aggregate_names / sizeof aggregate_names[0]; i++)
        if (strcmp(name, aggregate_names[i]) == 0) {
            *out = (disrupt_aggregate)i;
            return 0;
        }
    return DISRUPT_EINVAL;
}

int disrupt_ingest_format_known(const char *name)
{
    for (size_t i = 0; disrupt_dialect_names[i]; i++)
        if (strcasecmp(name, disrupt_dialect_names[i]) == 0)
            return 1;
    return 0;
}

/* ---- cells ---------------------------------------------------------------------------- */

static int cell_error(ingest_state *st, const disrupt_csv_field *f, size_t col,
                      const char *expected, disrupt_error *err)
{
    char found[96];
    disrupt_error_excerpt(found, sizeof found, f->data, f->len, 40);
    return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, f->line, (long)col + 1,
                                "expected %s, found '%s'", expected, found);
}

/* Exact powers of ten for the fast path (10^22 is the largest exactly representable). */
static const double POW10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Decimal text with at most 19 significant digits whose mantissa fits 2^53 and whose power
 * of ten is at most 22: one exact multiplication or division gives the correctly rounded
 * double (Clinger's fast path). Returns 0 when the text needs strtod. */
/* Accumulates the decimal digits at p into *m (wrapping silently past 19 digits; the caller
 * counts them) and returns the first non-digit. Eight digits at a time where the bytes are
 * inside the cell (SWAR on little-endian machines). */
static const char *scan_digits(const char *p, const char *e, uint64_t *m)
{
    uint64_t v = *m;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (e - p >= 8) {
        uint64_t c;
        memcpy(&c, p, 8);
        /* All eight bytes in '0'..'9': high nibbles 3, and adding 6 does not carry out. */
        if ((c & UINT64_C(0xF0F0F0F0F0F0F0F0)) != UINT64_C(0x3030303030303030) ||
            ((c + UINT64_C(0x0606060606060606)) & UINT64_C(0xF0F0F0F0F0F0F0F0)) !=
                UINT64_C(0x3030303030303030))
            break;
        c -= UINT64_C(0x3030303030303030);
        c = (c * 10 + (c >> 8)) & UINT64_C(0x00FF00FF00FF00FF);
        c = (c * 100 + (c >> 16)) & UINT64_C(0x0000FFFF0000FFFF);
        c = (c * 10000 + (c >> 32)) & UINT64_C(0x00000000FFFFFFFF);
        v = v * 100000000 + c;
        p += 8;
    }
#endif
    while (p < e && (unsigned)(*p - '0') < 10)
        v = v * 10 + (uint64_t)(*p++ - '0');
    *m = v;
    return p;
}

static int fast_decimal(const char *s, size_t len, double *out)
{
    const char *p = s, *e = s + len;
    int neg = 0;
    if (p < e && (*p == '-' || *p == '+'))
        neg = *p++ == '-';
    uint64_t m = 0;
    const char *int_start = p;
    p = scan_digits(p, e, &m);
    size_t ndigits = (size_t)(p - int_start), frac = 0;
    if (p < e && *p == '.') {
        const char *frac_start = ++p;
        p = scan_digits(p, e, &m);
        frac = (size_t)(p - frac_start);
        ndigits += frac;
    }
    /* 19 digits cannot overflow 64 bits; longer texts (even with leading zeros) go to
     * strtod, as do exponents. */
    if (ndigits == 0 || ndigits > 19 || p != e || m > (UINT64_C(1) << 53) || frac > 22)
        return 0;
    double v = (double)m;
    if (frac)
        v /= POW10[frac];
    *out = neg ? -v : v;
    return 1;
}

/* How R, spreadsheets and databases write a missing value; read as missing, like an empty
 * cell. (NaN is among them: R writes it for 0/0, never for a measurement.) */
static int is_missing_token(const char *s, size_t len)
{
    static const struct {
        const char *text;
        size_t len;
    } tokens[] = {{"NA", 2}, {"N/A", 3}, {"NaN", 3}, {"null", 4}, {"NULL", 4}, {"-", 1},
                  {"#N/A", 4}, {"None", 4}};
    if (len > 4 || (s[0] >= '0' && s[0] <= '9'))   /* every number: no token */
        return 0;
    for (size_t k = 0; k < sizeof tokens / sizeof *tokens; k++)
        if (tokens[k].len == len && strncasecmp(s, tokens[k].text, len) == 0)
            return 1;
    return 0;
}

/* A time written without a zone: an ISO date or date-time with no Z or offset, or a
 * --time-format without %z. (Unix seconds are UTC by definition.) */
static int has_no_zone(const char *s, size_t len, const char *format)
{
    if (format)
        return strstr(format, "%z") == NULL && strstr(format, "%Z") == NULL;
    disrupt_text_trim(&s, &len);
    return disrupt_time_text_is_zoneless(s, len);
}

/* Once per file: zone-less times are read as UTC; say so, with the option that changes it. */
static void warn_no_zone(ingest_state *st, const disrupt_csv_field *tf)
{
    st->zone_warned = 1;
    if (!st->opt->warn)
        return;
    char found[48], msg[512];
    disrupt_error_excerpt(found, sizeof found, tf->data, tf->len, 24);
    snprintf(msg, sizeof msg,
             "%s: times carry no zone (such as '%s'): read as UTC; give --tz ZONE if they are "
             "local", st->where, found);
    st->opt->warn(st->opt->warn_ctx, msg);
}

/* "2020-09-27" and nothing else (surrounding blanks aside). */
static int is_bare_date(const char *s, size_t len)
{
    disrupt_text_trim(&s, &len);
    return disrupt_time_text_is_date(s, len);
}

/* A finite decimal number; empty or a missing-value token (NA, N/A, NaN, null, -, #N/A) =
 * missing (NaN). Returns 0, or the phrase of what was expected through *expected. */
static int parse_number(const char *s, size_t len, double *out, const char **expected)
{
    disrupt_text_trim(&s, &len);
    if (len == 0 || is_missing_token(s, len)) {
        *out = NAN;
        return 0;
    }
    if (fast_decimal(s, len, out))
        return 0;
    *expected = "a number";
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' ||
              c == 'E')) {
            const char *p = s + (*s == '+' || *s == '-');
            size_t rest = (size_t)(s + len - p);
            if (rest >= 3 && (strncasecmp(p, "nan", 3) == 0 || strncasecmp(p, "inf", 3) == 0))
                *expected = "a finite number (leave the cell empty for a missing sample)";
            else if (c == ',' && memchr(s, '.', len) == NULL)
                *expected = "a number with '.' as the decimal mark";
            return DISRUPT_EDATA;
        }
    }
    /* Every character is one strtod accepts in a decimal; it stops at the delimiter or NUL
     * after the cell, so end tells whether the whole cell was a number. */
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (end != s + len || !isfinite(v)) {
        *expected = end == s + len ? "a number within the range of a double" : "a number";
        return DISRUPT_EDATA;
    }
    *out = v;
    return 0;
}

/* A whole number ≥ 0 (OONI counters). */
/* A value cell: a number, read with a decimal comma when the file writes one (options). */
static int parse_value(ingest_state *st, const char *s, size_t len, double *out,
                       const char **expected)
{
    char buf[64];
    if (st->opt->decimal_comma) {
        if (memchr(s, '.', len)) {   /* "1.234,5" or "1.5": a thousands mark or a slip */
            *expected = "a number with ',' as the decimal mark (--decimal-comma) and no '.'";
            return DISRUPT_EDATA;
        }
        if (len < sizeof buf && memchr(s, ',', len)) {
            for (size_t i = 0; i < len; i++)
                buf[i] = s[i] == ',' ? '.' : s[i];
            buf[len] = '\0';   /* strtod, for exponents, reads up to a terminator */
            s = buf;
        }
    }
    int rc = parse_number(s, len, out, expected);
    if (rc && strcmp(*expected, "a number with '.' as the decimal mark") == 0 &&
        st->csv->detected_delimiter != ',')
        *expected = "a number with '.' as the decimal mark (--decimal-comma reads 1,5)";
    return rc;
}

static int parse_count(const char *s, size_t len, double *out, const char **expected)
{
    double v;
    int rc = parse_number(s, len, &v, expected);
    if (rc == 0 && (isnan(v) || v < 0 || v != floor(v) || v > 9007199254740992.0)) {
        *expected = "a count (a whole number >= 0)";
        return DISRUPT_EDATA;
    }
    if (rc)
        *expected = "a count (a whole number >= 0)";
    *out = v;
    return rc;
}

/* ---- tables by key -------------------------------------------------------------------- */

static size_t hash_key(const char *s, size_t len)
{
    return (size_t)disrupt_strmap_hash(s, len);
}

static int rehash(ingest_state *st)
{
    size_t n = st->nslots ? st->nslots * 2 : 64;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return 1;
    for (size_t t = 0; t < st->ntables; t++) {
        size_t i = hash_key(st->tables[t].key, strlen(st->tables[t].key)) & (n - 1);
        while (slots[i])
            i = (i + 1) & (n - 1);
        slots[i] = t + 1;
    }
    free(st->slots);
    st->slots = slots;
    st->nslots = n;
    return 0;
}

static int add_table(ingest_state *st, const char *key, size_t len, disrupt_error *err)
{
    if (st->ntables == st->tables_cap) {
        size_t cap = st->tables_cap ? st->tables_cap * 2 : 8;
        keyed_table *t = realloc(st->tables, cap * sizeof *t);
        if (!t)
            return -1;
        st->tables = t;
        st->tables_cap = cap;
    }
    keyed_table *t = &st->tables[st->ntables];
    t->key = malloc(len + 1);
    if (!t->key)
        return -1;
    memcpy(t->key, key, len);
    t->key[len] = '\0';
    size_t ncols = st->counts ? 1 : st->dialect.nvalues;
    if (disrupt_grid_table_init(&t->table, ncols, st->counts, st->opt->aggregate, err)) {
        free(t->key);
        return -1;
    }
    st->ntables++;
    return (int)(st->ntables - 1);
}

static int check_key_names(const ingest_state *st, const disrupt_csv_field *f,
                           disrupt_error *err);

/* *index of the table for the key of row f, created on first sight once the row's names
 * are found showable (so a refused row leaves no series behind). */
static int table_for(ingest_state *st, const char *key, size_t len, const disrupt_csv_field *f,
                     long *index, disrupt_error *err)
{
    if (st->nslots == 0 || (st->ntables + 1) * 2 > st->nslots)
        if (rehash(st))
            return disrupt_error_nomem(err);
    size_t i = hash_key(key, len) & (st->nslots - 1);
    while (st->slots[i]) {
        const char *k = st->tables[st->slots[i] - 1].key;
        if (strncmp(k, key, len) == 0 && k[len] == '\0') {
            *index = (long)(st->slots[i] - 1);
            return 0;
        }
        i = (i + 1) & (st->nslots - 1);
    }
    int rc = st->dialect.key_col >= 0 ? check_key_names(st, f, err) : 0;
    if (rc)
        return rc;
    int t = add_table(st, key, len, err);
    if (t < 0)
        return disrupt_error_nomem(err);
    st->slots[i] = (size_t)t + 1;
    *index = t;
    return 0;
}

/* ---- header and rows ------------------------------------------------------------------ */

static int header_has(const disrupt_csv_field *f, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = f[i].data;
        size_t len = f[i].len;
        disrupt_text_trim(&s, &len);
        if (len == strlen(name) && strncasecmp(s, name, len) == 0)
            return 1;
    }
    return 0;
}

/* A claims list or an events list given as data (a shell glob over a dataset's folder takes
 * them too):
 * say which option reads it instead of failing on its first date. */
static int refuse_other_lists(ingest_state *st, const disrupt_csv_field *f, size_t n,
                              disrupt_error *err)
{
    if (header_has(f, n, "label") && header_has(f, n, "start") && header_has(f, n, "end"))
        return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, f[0].line, 0,
                                    "expected measurements, found a claims list "
                                    "(label,start,end): give it with --claims");
    if (n == 2 && header_has(f, n, "time") && header_has(f, n, "label"))
        return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, f[0].line, 0,
                                    "expected measurements, found an events list (time,label): "
                                    "give it with --events");
    return 0;
}

/* index_axis: a first line of numbers only is data, not a header. */
static int all_numbers(const disrupt_csv_field *f, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *s = f[i].data;
        size_t len = f[i].len;
        disrupt_text_trim(&s, &len);
        double v;
        const char *expected;
        if (len == 0 || parse_number(s, len, &v, &expected))
            return 0;
    }
    return 1;
}

static int take_header(ingest_state *st, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    disrupt_ingest_options *opt = st->opt;
    int rc = refuse_other_lists(st, f, n, err);
    if (rc)
        return rc;
    if (opt->decimal_comma && st->csv->detected_delimiter == ',')
        return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, f[0].line, 1,
                                    "expected ';' or tab between fields with --decimal-comma "
                                    "(a comma cannot mark both fields and decimals), found ','");
    if (opt->index_axis && !opt->time_column && !opt->nsignal_columns &&
        (!opt->format || strcasecmp(opt->format, "plain") == 0) && all_numbers(f, n))
        rc = disrupt_dialect_headerless(n, &st->dialect, err);
    else
        rc = disrupt_dialect_recognise(f, n, opt, st->where, &st->dialect, err);
    if (rc)
        return rc;
    st->have_header = 1;
    st->header_line = f[0].line;
    st->counts = st->dialect.kind == DISRUPT_DIALECT_OONI;
    opt->dialect = st->dialect.name;
    size_t k = st->dialect.nvalues ? st->dialect.nvalues : 1;
    st->values = calloc(k, sizeof *st->values);
    st->trials = calloc(k, sizeof *st->trials);
    if (!st->values || !st->trials)
        return disrupt_error_nomem(err);
    disrupt_timeparser_init(&st->tp, opt->time_format, st->dialect.time_is_utc ? NULL : opt->tz);
    st->tp_live = 1;
    return 0;
}

static int key_matches(const disrupt_csv_field *f, const char *want, int blank_is_world)
{
    const char *s = f->data;
    size_t len = f->len;
    disrupt_text_trim(&s, &len);
    if (blank_is_world && len == 0)
        return strcasecmp(want, "world") == 0 || want[0] == '\0';
    return strlen(want) == len && strncasecmp(s, want, len) == 0;
}

/* The key of a row of n fields, in st->keybuf (the entity part alone when the row is too
 * short for the second key column); NULL when out of memory. */
static const char *row_key(ingest_state *st, const disrupt_csv_field *f, size_t n, size_t *len)
{
    const disrupt_dialect *d = &st->dialect;
    if (d->key_col < 0) {
        *len = 0;
        return "";
    }
    const char *a = f[d->key_col].data, *b = NULL;
    size_t alen = f[d->key_col].len, blen = 0;
    disrupt_text_trim(&a, &alen);
    if (d->key2_col >= 0 && d->key2_col < (long)n) {
        b = f[d->key2_col].data;
        blen = f[d->key2_col].len;
        disrupt_text_trim(&b, &blen);
    }
    if (d->kind == DISRUPT_DIALECT_TOR && alen == 0) {   /* the blank country: the world */
        a = "world";
        alen = 5;
    }
    size_t need = alen + blen + 2;
    if (need > st->keybuf_cap) {
        char *k = realloc(st->keybuf, need);
        if (!k)
            return NULL;
        st->keybuf = k;
        st->keybuf_cap = need;
    }
    for (size_t i = 0; i < alen; i++) /* Tor writes lower-case countries; fold all cases */
        st->keybuf[i] = d->kind == DISRUPT_DIALECT_TOR ? (char)tolower((unsigned char)a[i]) : a[i];
    *len = alen;
    if (b) {
        st->keybuf[alen] = KEY_SEP;
        memcpy(st->keybuf + alen + 1, b, blen);
        *len = alen + 1 + blen;
    }
    st->keybuf[*len] = '\0';
    return st->keybuf;
}

static int read_counts(ingest_state *st, const disrupt_csv_field *f, disrupt_error *err)
{
    double c[DISRUPT_OONI_NCOUNTERS];
    const char *expected = NULL;
    for (int k = 0; k < DISRUPT_OONI_NCOUNTERS; k++) {
        size_t col = (size_t)st->dialect.ooni_col[k];
        if (parse_count(f[col].data, f[col].len, &c[k], &expected))
            return cell_error(st, &f[col], col, expected, err);
    }
    double blocked = c[DISRUPT_OONI_ANOMALY] + c[DISRUPT_OONI_CONFIRMED];
    double usable = c[DISRUPT_OONI_MEASUREMENT] - c[DISRUPT_OONI_FAILURE];
    if (usable < blocked) {
        size_t col = (size_t)st->dialect.ooni_col[DISRUPT_OONI_MEASUREMENT];
        return cell_error(st, &f[col], col,
                          "measurement_count >= failure_count + anomaly_count + "
                          "confirmed_count",
                          err);
    }
    st->values[0] = blocked;
    st->trials[0] = usable;
    return 0;
}

/* The cells that name a series (entity, signal, country, domain) must be showable. */
static int check_key_names(const ingest_state *st, const disrupt_csv_field *f,
                           disrupt_error *err)
{
    long cols[2] = {st->dialect.key_col, st->dialect.key2_col};
    for (int k = 0; k < 2; k++) {
        if (cols[k] < 0)
            continue;
        const disrupt_csv_field *c = &f[cols[k]];
        size_t at;
        const char *why;
        if (disrupt_text_check(c->data, c->len, &at, &why)) {
            char found[96];
            disrupt_error_excerpt(found, sizeof found, c->data, c->len, 40);
            return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, c->line, cols[k] + 1,
                                        "expected a name %s, found '%s' (byte %zu)", why,
                                        found, at + 1);
        }
    }
    return 0;
}

/* A column left out for having no name but holding data is said once, with its place. */
static void warn_unnamed_data(ingest_state *st, const disrupt_csv_field *f)
{
    if (st->unnamed_warned || !st->opt->warn)
        return;
    for (size_t k = 0; k < st->dialect.nunnamed; k++) {
        const disrupt_csv_field *c = &f[st->dialect.unnamed_col[k]];
        const char *s = c->data;
        size_t len = c->len;
        disrupt_text_trim(&s, &len);
        if (!len)
            continue;
        char found[64], msg[512];
        disrupt_error_excerpt(found, sizeof found, s, len, 24);
        snprintf(msg, sizeof msg,
                 "%s:%ld:%zu: column %zu has no name in the header but holds data ('%s'): it is "
                 "left out; name it in the header to read it",
                 st->where, c->line, st->dialect.unnamed_col[k] + 1,
                 st->dialect.unnamed_col[k] + 1, found);
        st->opt->warn(st->opt->warn_ctx, msg);
        st->unnamed_warned = 1;
        return;
    }
}

/* An index cell: an integer of under 9 digits, optionally negative. */
static int parse_index(const char *s, size_t len, int64_t *out)
{
    disrupt_text_trim(&s, &len);
    int negative = len > 0 && *s == '-';
    size_t digits = len - (size_t)negative;
    if (digits == 0 || digits >= 9)
        return 1;
    int64_t v = 0;
    for (size_t i = (size_t)negative; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 1;
        v = v * 10 + (s[i] - '0');
    }
    *out = negative ? -v : v;
    return 0;
}

/* The time of a row: its time cell, or with index_axis its index or row number. */
/* Digits at *p (at most max), their value in *v; the count, 0 when none. */
static size_t digits(const char **p, const char *e, size_t max, int *v)
{
    size_t n = 0;
    *v = 0;
    while (*p < e && n < max && (unsigned)(**p - '0') < 10) {
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

/* A --time-format that reads s, when it is a date in another order than ISO's ("27.09.2020",
 * "09/27/2020 14:00", "2020/09/27"): its suggestion in out, 1; else 0. Day-or-month orders
 * that one cell cannot tell apart ("03/04/2020") get both. */
static int suggest_time_format(const char *s, size_t len, char *out, size_t outsz)
{
    disrupt_text_trim(&s, &len);
    const char *p = s, *e = s + len;
    int a, b, c;
    size_t na = digits(&p, e, 4, &a);
    if (!na || p >= e || (*p != '.' && *p != '/' && *p != '-'))
        return 0;
    char sep = *p++;
    size_t nb = digits(&p, e, 2, &b);
    if (!nb || p >= e || *p++ != sep)
        return 0;
    size_t nc = digits(&p, e, 4, &c);
    char date[16], other[16] = "";
    if (na == 4 && nc <= 2 && nc && sep != '-' && b <= 12)
        snprintf(date, sizeof date, "%%Y%c%%m%c%%d", sep, sep);
    else if (na <= 2 && nc == 4 && b > 12 && a <= 12)
        snprintf(date, sizeof date, "%%m%c%%d%c%%Y", sep, sep);
    else if (na <= 2 && nc == 4 && b <= 12 && (a > 12 || sep == '.'))
        snprintf(date, sizeof date, "%%d%c%%m%c%%Y", sep, sep);
    else if (na <= 2 && nc == 4 && a <= 12 && b <= 12) {   /* the cell cannot tell */
        snprintf(date, sizeof date, "%%d%c%%m%c%%Y", sep, sep);
        snprintf(other, sizeof other, "%%m%c%%d%c%%Y", sep, sep);
    } else {
        return 0;
    }
    char clock[32] = "";
    if (p < e && (*p == ' ' || *p == 'T')) {
        char t = *p++;
        int h, m, sec;
        if (!digits(&p, e, 2, &h) || p >= e || *p++ != ':' || digits(&p, e, 2, &m) != 2)
            return 0;
        int with_seconds = p < e && *p == ':' && (p++, digits(&p, e, 2, &sec) == 2);
        while (p < e && *p == ' ')
            p++;
        int ampm = e - p == 2 && (strncasecmp(p, "AM", 2) == 0 || strncasecmp(p, "PM", 2) == 0);
        if (ampm)
            p = e;
        snprintf(clock, sizeof clock, "%c%%%c:%%M%s%s", t, ampm ? 'I' : 'H',
                 with_seconds ? ":%S" : "", ampm ? " %p" : "");
    }
    if (p != e)
        return 0;
    if (*other)
        snprintf(out, outsz, "--time-format '%s%s' if days come first, '%s%s' if months do",
                 date, clock, other, clock);
    else
        snprintf(out, outsz, "--time-format '%s%s'", date, clock);
    return 1;
}

static int row_time(ingest_state *st, const disrupt_csv_field *f, int64_t *t, disrupt_error *err)
{
    const disrupt_dialect *d = &st->dialect;
    if (d->no_time_col) {
        *t = st->next_row++;
        return 0;
    }
    const disrupt_csv_field *tf = &f[d->time_col];
    if (st->opt->index_axis && !st->axis_decided && !st->opt->time_format) {
        int64_t probe;
        st->index_col = parse_index(tf->data, tf->len, &probe) == 0;
        st->axis_decided = 1;
    }
    if (st->index_col)
        return parse_index(tf->data, tf->len, t) == 0
                   ? 0
                   : cell_error(st, tf, d->time_col,
                                "an integer index of under 9 digits, as on the first row", err);
    const char *expected = NULL;
    int rc = disrupt_timeparser_parse(&st->tp, tf->data, tf->len, t, &expected);
    if (rc == DISRUPT_ENOMEM)
        return disrupt_error_nomem(err);
    char suggestion[144];
    if (rc && !st->opt->time_format &&
        suggest_time_format(tf->data, tf->len, suggestion, sizeof suggestion)) {
        snprintf(st->expected_buf, sizeof st->expected_buf, "%s (for this order give %s)",
                 expected, suggestion);
        expected = st->expected_buf;
    }
    if (rc)
        return cell_error(st, tf, d->time_col, expected, err);
    if (!st->time_of_day_seen && !is_bare_date(tf->data, tf->len))
        st->time_of_day_seen = 1;
    if (!st->zone_warned && !st->opt->tz && !st->dialect.time_is_utc &&
        has_no_zone(tf->data, tf->len, st->opt->time_format))
        warn_no_zone(st, tf);
    return 0;
}

/* ---- entity by entity ------------------------------------------------------------------ */

static int has_entities(const ingest_state *st)
{
    return st->dialect.kind == DISRUPT_DIALECT_LONG || st->dialect.kind == DISRUPT_DIALECT_TOR ||
           (st->dialect.kind == DISRUPT_DIALECT_PLAIN && st->dialect.key_col >= 0);
}

static int entity_mode(const ingest_state *st)
{
    return st->opt->on_entity && has_entities(st);
}

/* Length of the entity part of a key (before the separator). */
static size_t entity_len(const char *key, size_t len)
{
    const char *sep = memchr(key, KEY_SEP, len);
    return sep ? (size_t)(sep - key) : len;
}

/* 1 when the entity e[0..len) is in opt->entities (or no set was given). */
static int entity_wanted(const disrupt_ingest_options *opt, const char *e, size_t len)
{
    return !opt->entities || disrupt_name_in_set(opt->entities, opt->nentities, e, len);
}

/* An entity name a batch can write: showable, on one line. */
static int check_entity_name(const ingest_state *st, const disrupt_csv_field *f,
                             disrupt_error *err)
{
    const char *e = f->data;
    size_t len = f->len, at;
    disrupt_text_trim(&e, &len);
    const char *why = NULL;
    if (len == 0 && st->dialect.kind != DISRUPT_DIALECT_TOR)
        return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, f->line,
                                    st->dialect.key_col + 1,
                                    "expected an entity name, found an empty cell");
    if (disrupt_text_check(e, len, &at, &why) == 0)
        for (at = 0; at < len && !why; at++)
            if (e[at] == '\n' || e[at] == '\r' || e[at] == '\t')
                why = "without line breaks or tabs";
    if (!why)
        return 0;
    char found[96];
    disrupt_error_excerpt(found, sizeof found, f->data, f->len, 40);
    return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, f->line, st->dialect.key_col + 1,
                                "expected an entity name %s, found '%s'", why, found);
}

static int scan_count(ingest_state *st, const disrupt_csv_field *f, const char *e, size_t len,
                      disrupt_error *err)
{
    disrupt_entity_census *c = st->scan;
    size_t index = disrupt_strmap_find(&c->names, e, len);
    long line = f[0].line;
    if (index == (size_t)-1) {
        int rc = check_entity_name(st, &f[st->dialect.key_col], err);
        if (rc)
            return rc;
        if (disrupt_strmap_add(&c->names, e, len, &index, NULL))
            return disrupt_error_nomem(err);
        disrupt_entity_rows *rows = realloc(c->rows, c->names.cap * sizeof *rows);
        if (!rows)
            return disrupt_error_nomem(err);
        c->rows = rows;
        rows[index] = (disrupt_entity_rows){0, line, line};
    } else if ((long)index != st->scan_last) {
        c->grouped = 0;   /* it came back after another entity */
    }
    c->rows[index].rows++;
    c->rows[index].last_line = line;
    st->scan_last = (long)index;
    return 0;
}

static int build_series(ingest_state *st, const char *path, size_t lo, size_t hi,
                        disrupt_dataset *out, disrupt_error *err);

static int tell(ingest_state *st, const char *e, size_t len, disrupt_dataset *ds,
                const disrupt_error *failed, disrupt_error *err)
{
    char *name = strndup(e, len);
    if (!name)
        return disrupt_error_nomem(err);
    int rc = st->opt->on_entity(st->opt->entity_ctx, name, ds, failed, err);
    free(name);
    if (rc)
        st->sink_error = 1;
    return rc;
}

/* Builds tables [lo, hi) — one entity's — and hands them to the entity callback. */
static int hand_over(ingest_state *st, const char *path, size_t lo, size_t hi, disrupt_error *err)
{
    const char *key = st->tables[lo].key;
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    disrupt_error failed = {0};
    int rc = build_series(st, path, lo, hi, &ds, &failed);
    if (rc == DISRUPT_ENOMEM)
        *err = failed;
    else
        rc = tell(st, key, entity_len(key, strlen(key)), &ds, rc ? &failed : NULL, err);
    disrupt_dataset_fini(&ds);
    return rc;
}

/* Drops every table (after a hand-over), keeping the arrays for the next entity. */
static void clear_tables(ingest_state *st)
{
    for (size_t t = 0; t < st->ntables; t++) {
        free(st->tables[t].key);
        disrupt_grid_table_fini(&st->tables[t].table);
    }
    st->ntables = 0;
    if (st->slots)
        memset(st->slots, 0, st->nslots * sizeof *st->slots);
}

/* ---- entities failed by a bad row ---- */

static size_t failed_index(const ingest_state *st, const char *e, size_t len)
{
    return disrupt_strmap_find(&st->failed, e, len);
}

/* A bad row fails its entity alone: its rows so far are dropped, the rest skipped, and it is
 * handed over as failed with the row's message, so that what an entity gives never depends
 * on which other entities a run reads. */
static int fail_entity(ingest_state *st, const char *e, size_t len, const char *why,
                       disrupt_error *err)
{
    size_t index = failed_index(st, e, len);
    if (index == (size_t)-1) {
        size_t n = st->failed.count;
        if ((n & (n - 1)) == 0) {   /* at 0, 1, 2, 4, …: double */
            size_t cap = n ? 2 * n : 1;
            char **w = realloc(st->failed_why, cap * sizeof *w);
            if (w)
                st->failed_why = w;
            unsigned char *t = w ? realloc(st->failed_told, cap) : NULL;
            if (!t)
                return disrupt_error_nomem(err);
            st->failed_told = t;
        }
        char *copy = strdup(why);
        if (!copy || disrupt_strmap_add(&st->failed, e, len, &index, NULL)) {
            free(copy);
            return disrupt_error_nomem(err);
        }
        st->failed_why[index] = copy;
        st->failed_told[index] = 0;
    }
    if (st->opt->entities_grouped && st->entity && st->entity_len == len &&
        memcmp(st->entity, e, len) == 0)
        clear_tables(st);
    return 0;
}

static int tell_failed(ingest_state *st, size_t index, disrupt_error *err)
{
    if (st->failed_told[index])
        return 0;
    st->failed_told[index] = 1;
    disrupt_error why = {0};
    why.code = DISRUPT_EDATA;
    snprintf(why.message, sizeof why.message, "%s", st->failed_why[index]);
    disrupt_dataset none;
    disrupt_dataset_init(&none);
    return tell(st, st->failed.keys[index], st->failed.lens[index], &none, &why, err);
}

static int tell_all_failed(ingest_state *st, disrupt_error *err)
{
    int rc = 0;
    for (size_t i = 0; i < st->failed.count && rc == 0; i++)
        rc = tell_failed(st, i, err);
    return rc;
}

/* Grouped reading: the entity being read is complete. */
static int leave_entity(ingest_state *st, disrupt_error *err)
{
    int rc = 0;
    size_t f = st->entity ? failed_index(st, st->entity, st->entity_len) : (size_t)-1;
    if (f != (size_t)-1)
        rc = tell_failed(st, f, err);
    else if (st->ntables)
        rc = hand_over(st, st->where, 0, st->ntables, err);
    clear_tables(st);
    return rc;
}

/* Grouped reading: when the row's entity is not the one being read, the one being read is
 * complete and handed over. */
static int next_entity(ingest_state *st, const char *e, size_t len, disrupt_error *err)
{
    if (st->entity && st->entity_len == len && memcmp(st->entity, e, len) == 0)
        return 0;
    int rc = leave_entity(st, err);
    if (rc)
        return rc;
    free(st->entity);
    st->entity = strndup(e, len);
    st->entity_len = len;
    return st->entity ? 0 : disrupt_error_nomem(err);
}

/* 1 when the run scans, reads entity by entity or filters by an entity set: entities are
 * named, filtered (and, entity by entity, failed alone). */
static int entity_aware(const ingest_state *st)
{
    return has_entities(st) && (st->scan || st->opt->on_entity || st->opt->entities);
}

/* The entity filters and bookkeeping for a row of entity e[0..len): −1 = skip the row, 0 =
 * read it, or an error. */
static int entity_row(ingest_state *st, const disrupt_csv_field *f, const char *e, size_t len,
                      disrupt_error *err)
{
    if (!entity_wanted(st->opt, e, len))
        return -1;
    if (st->scan) {
        int rc = scan_count(st, f, e, len, err);
        return rc ? rc : -1;
    }
    if (failed_index(st, e, len) != (size_t)-1)
        return -1;
    st->row_entity = e;
    st->row_entity_len = len;
    if (entity_mode(st) && st->opt->entities_grouped)
        return next_entity(st, e, len, err);
    return 0;
}

static int field_count_error(const ingest_state *st, const disrupt_csv_field *f, size_t n,
                             disrupt_error *err)
{
    const disrupt_dialect *d = &st->dialect;
    return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, f[0].line,
                                (long)(n < d->ncols ? n : d->ncols) + 1,
                                "expected %zu fields as in the header (line %ld), found %zu",
                                d->ncols, st->header_line, n);
}

/* Entity by entity, a row with a blank entity has no entity to belong to (Tor's blank
 * country is already "world" here): the scan says so (−1 skips it when reading: the scan
 * said so already). */
static int check_blank_entity(const ingest_state *st, const disrupt_csv_field *f, size_t elen,
                              disrupt_error *err)
{
    if (elen)
        return 0;
    return st->scan ? check_entity_name(st, &f[st->dialect.key_col], err) : -1;
}

/* Entity by entity over a table of countries (a column per entity). */
static int column_entity_mode(const ingest_state *st)
{
    return st->opt->on_entity && st->dialect.columns_are_places && !st->opt->skip_bad_rows;
}

static int read_row(ingest_state *st, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    const disrupt_dialect *d = &st->dialect;
    const disrupt_ingest_options *opt = st->opt;
    st->row_entity = NULL;
    /* Entity by entity, a short or long row still belongs to its entity (when its entity
     * cell is there): it fails that entity alone, and only when the entity is read. */
    int aware = entity_aware(st);
    int whole = n == d->ncols;
    if (!whole && !(aware && d->key_col < (long)n))
        return field_count_error(st, f, n, err);
    if (d->kind == DISRUPT_DIALECT_TOR && opt->country &&
        !key_matches(&f[d->key_col], opt->country, 1))
        return 0;
    if ((d->kind == DISRUPT_DIALECT_LONG || opt->entity_column) && opt->entity &&
        !key_matches(&f[d->key_col], opt->entity, 0))
        return 0;
    /* --signal names signals of the long format and axis values (domains, …) of OONI. */
    long signal_col = d->kind == DISRUPT_DIALECT_LONG ? d->key2_col
                      : d->kind == DISRUPT_DIALECT_OONI ? d->key_col : -1;
    if (signal_col >= 0 && signal_col < (long)n && opt->nsignal_columns) {
        int wanted = 0;
        for (size_t s = 0; !wanted && s < opt->nsignal_columns; s++)
            wanted = key_matches(&f[signal_col], opt->signal_columns[s], 0);
        if (!wanted)
            return 0;
    }
    int rc;
    const char *key = "";
    size_t klen = 0;
    if (d->key_col >= 0 && !(key = row_key(st, f, n, &klen)))
        return disrupt_error_nomem(err);
    if (aware) {   /* the key starts with the row's entity */
        size_t elen = entity_len(key, klen);
        if ((rc = check_blank_entity(st, f, elen, err)) ||
            (rc = entity_row(st, f, key, elen, err)))
            return rc < 0 ? 0 : rc;
    }
    if (!whole)
        return field_count_error(st, f, n, err);
    warn_unnamed_data(st, f);
    int64_t t;
    const char *expected = NULL;
    rc = row_time(st, f, &t, err);
    if (rc)
        return rc;
    if (st->counts) {
        if ((rc = read_counts(st, f, err)))
            return rc;
    } else {
        for (size_t j = 0; j < d->nvalues; j++) {
            size_t col = d->value_col[j];
            if (parse_value(st, f[col].data, f[col].len, &st->values[j], &expected)) {
                if (!column_entity_mode(st))
                    return cell_error(st, &f[col], col, expected, err);
                /* A table of countries entity by entity: the bad cell fails its column's
                 * country alone. */
                cell_error(st, &f[col], col, expected, err);
                const char *e = d->value_name[j];
                if ((rc = fail_entity(st, e, strlen(e), err->message, err)))
                    return rc;
                st->values[j] = NAN;
            }
        }
    }
    long ti = 0;
    if (d->key_col >= 0 || st->ntables == 0) /* wide files have one table: no lookup */
        if ((rc = table_for(st, key, klen, f, &ti, err)))
            return rc;
    rc = disrupt_grid_table_append(&st->tables[ti].table, t, st->values, st->trials, err);
    if (rc == 0)
        st->appended++;
    return rc;
}

/* A table of countries: its value columns are its entities, whatever its rows (SCAN_DONE,
 * or an error). */
static int scan_columns(ingest_state *st, disrupt_error *err)
{
    disrupt_entity_census *c = st->scan;
    c->has_entities = 1;
    c->grouped = 0;
    for (size_t j = 0; j < st->dialect.nvalues; j++) {
        const char *e = st->dialect.value_name[j];
        size_t index, len = strlen(e);
        int added;
        if (!entity_wanted(st->opt, e, len))
            continue;
        if (disrupt_strmap_add(&c->names, e, len, &index, &added))
            return disrupt_error_nomem(err);
        if (!added)
            continue;
        disrupt_entity_rows *rows = realloc(c->rows, c->names.cap * sizeof *rows);
        if (!rows)
            return disrupt_error_nomem(err);
        c->rows = rows;
        rows[index] = (disrupt_entity_rows){0, st->header_line, st->header_line};
    }
    return SCAN_DONE;
}

/* Entity by entity, a table of countries: every wanted column built, each handed over as
 * its own entity (named by the column); a table that cannot be built fails them all. */
static int hand_over_columns(ingest_state *st, const char *path, disrupt_error *err)
{
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    disrupt_error failed = {0};
    int rc = build_series(st, path, 0, st->ntables, &ds, &failed);
    if (rc == DISRUPT_ENOMEM) {
        *err = failed;
        return rc;
    }
    if (rc) {
        for (size_t j = 0; j < st->dialect.nvalues && rc != DISRUPT_ENOMEM; j++) {
            const char *e = st->dialect.value_name[j];
            disrupt_dataset none;
            disrupt_dataset_init(&none);
            if (entity_wanted(st->opt, e, strlen(e)) &&
                (rc = tell(st, e, strlen(e), &none, &failed, err)))
                return rc;
        }
        return 0;
    }
    rc = 0;
    for (size_t i = 0; i < ds.count && rc == 0; i++) {
        disrupt_series *s = ds.series[i];
        ds.series[i] = NULL;
        size_t f = failed_index(st, s->ns, strlen(s->ns));
        if (!entity_wanted(st->opt, s->ns, strlen(s->ns)) || f != (size_t)-1) {
            if (f != (size_t)-1)
                rc = tell_failed(st, f, err);
            disrupt_series_free(s);
            continue;
        }
        disrupt_dataset one;
        disrupt_dataset_init(&one);
        rc = disrupt_dataset_add(&one, s, err);
        if (rc == 0)
            rc = tell(st, s->ns, strlen(s->ns), &one, NULL, err);
        disrupt_dataset_fini(&one);
    }
    for (size_t i = 0; i < ds.count; i++)
        disrupt_series_free(ds.series[i]);
    ds.count = 0;
    disrupt_dataset_fini(&ds);
    return rc ? rc : tell_all_failed(st, err);   /* a failed column whose series is empty */
}

static int on_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    ingest_state *st = ctx;
    if (!st->have_header) {
        int rc = take_header(st, f, n, err);
        if (rc == 0 && st->scan) {
            st->scan->has_entities = has_entities(st);
            st->scan->dialect = st->dialect.name;
            if (st->dialect.columns_are_places)
                return scan_columns(st, err);
            if (!st->scan->has_entities)
                return SCAN_DONE;
        }
        if (rc || !st->dialect.header_is_data)
            return rc;
    }
    st->opt->rows++;
    int rc = read_row(st, f, n, err);
    if (rc && st->sink_error)
        return rc;   /* from handing an entity over: no bad row to skip */
    if (rc == DISRUPT_EDATA && !st->opt->skip_bad_rows && entity_mode(st) && st->row_entity)
        return fail_entity(st, st->row_entity, st->row_entity_len, err->message, err);
    if (rc == DISRUPT_EDATA && st->opt->skip_bad_rows) {
        st->opt->skipped_rows++;
        if (st->opt->warn && st->opt->skipped_rows <= DISRUPT_INGEST_MAX_WARNINGS)
            st->opt->warn(st->opt->warn_ctx, err->message);
        if (st->opt->warn && st->opt->skipped_rows == DISRUPT_INGEST_MAX_WARNINGS + 1) {
            char msg[512];
            snprintf(msg, sizeof msg, "%s: more rows rejected; only the first %d are listed",
                     st->where, DISRUPT_INGEST_MAX_WARNINGS);
            st->opt->warn(st->opt->warn_ctx, msg);
        }
        return 0;
    }
    return rc;
}

static int contains_word_synthetic(const char *s, size_t len)
{
    static const char word[] = "synthetic";
    size_t w = sizeof word - 1;
    for (size_t i = 0; i + w <= len; i++)
        if (strncasecmp(s + i, word, w) == 0)
            return 1;
    return 0;
}

static int on_comment(void *ctx, const char *text, size_t len, long line, disrupt_error *err)
{
    (void)line;
    (void)err;
    ingest_state *st = ctx;
    st->saw_comment = 1;
    if (!st->have_header && contains_word_synthetic(text, len))
        st->synthetic = 1;
    return 0;
}

/* ---- series --------------------------------------------------------------------------- */

static int one_entity(const ingest_state *st)
{
    for (size_t t = 1; t < st->ntables; t++) {
        const char *a = st->tables[0].key, *b = st->tables[t].key;
        const char *ea = strchr(a, KEY_SEP), *eb = strchr(b, KEY_SEP);
        size_t la = ea ? (size_t)(ea - a) : strlen(a), lb = eb ? (size_t)(eb - b) : strlen(b);
        if (la != lb || strncmp(a, b, la) != 0)
            return 0;
    }
    return 1;
}

/* Name of column j of table t, freshly allocated. */
static char *series_name(const ingest_state *st, size_t t, size_t j, const char *path)
{
    const disrupt_dialect *d = &st->dialect;
    const char *key = st->tables[t].key;
    const char *col = d->value_name ? d->value_name[j] : "value";
    if (st->opt->on_entity && d->columns_are_places)   /* the column is the entity */
        return disrupt_path_stem(path);
    switch (d->kind) {
    case DISRUPT_DIALECT_LONG: {
        if (!st->opt->on_entity && one_entity(st)) {
            const char *sep = strchr(key, KEY_SEP);
            return strdup(sep ? sep + 1 : key);
        }
        char *s = strdup(key);
        char *sep = s ? strchr(s, KEY_SEP) : NULL;
        if (sep)
            *sep = '/';
        return s;
    }
    case DISRUPT_DIALECT_OONI:
        return d->key_col >= 0 && key[0] ? strdup(key) : disrupt_path_stem(path);
    case DISRUPT_DIALECT_TOR: {
        if (st->ntables == 1 && !st->opt->on_entity)
            return strdup(col);
        /* "az/users"; with a transport column "az/obfs4/users"; the country is left out
         * when --country chose one, and a blank country is the world. */
        const char *sep = strchr(key, KEY_SEP);
        size_t cclen = sep ? (size_t)(sep - key) : strlen(key);
        const char *transport = sep ? sep + 1 : NULL;
        int with_cc = !st->opt->country || st->opt->on_entity;
        size_t len = cclen + 8 + (transport ? strlen(transport) : 0) + strlen(col) + 3;
        char *s = malloc(len);
        if (!s)
            return NULL;
        size_t k = 0;
        if (with_cc)
            k += (size_t)snprintf(s + k, len - k, "%.*s/", (int)(cclen ? cclen : 5),
                                  cclen ? key : "world");
        if (transport)
            k += (size_t)snprintf(s + k, len - k, "%s/", transport[0] ? transport : "all");
        snprintf(s + k, len - k, "%s", col);
        return s;
    }
    case DISRUPT_DIALECT_GOOGLE:
        if (strcmp(col, "value") == 0)
            return disrupt_path_stem(path);
        return strdup(col);
    case DISRUPT_DIALECT_PLAIN: {
        if (d->key_col < 0 || (!st->opt->on_entity && one_entity(st)))
            return strdup(col);
        size_t len = strlen(key) + strlen(col) + 2;   /* --entity-column: "entity/column" */
        char *s = malloc(len);
        if (s)
            snprintf(s, len, "%s/%s", key, col);
        return s;
    }
    default:
        return strdup(col);
    }
}

/* IODA's "-normalized" downloads scale each series to its maximum in the window (0..100);
 * the file name is the only place that says so. */
#define IODA_NORMALIZED_UNIT "% of the maximum in the window"

static int is_ioda_normalized(const char *path)
{
    static const char suffix[] = "-normalized.csv";
    size_t n = strlen(path), k = sizeof suffix - 1;
    return n >= k && strcasecmp(path + n - k, suffix) == 0;
}

static int all_missing(const disrupt_series *s)
{
    return disrupt_series_missing(s) == s->n;
}

/* 1 when some spacing between distinct stamps is not `step`. */
static int irregular_spacing(const disrupt_grid_table *tab, int64_t step)
{
    for (size_t i = 1; i < tab->n; i++)
        if (tab->time[i] > tab->time[i - 1] && tab->time[i] - tab->time[i - 1] != step)
            return 1;
    return 0;
}

/* A file whose spacing changes part-way (hourly, then 5-minute samples) is read on the finer
 * step, and its coarse part is mostly missing samples, each a change point to the detector:
 * says so when at least a tenth of the spacings are one coarser step, and how to read it. */
static void warn_step_change(const ingest_state *st, const disrupt_grid_table *tab,
                             int64_t step)
{
    const disrupt_ingest_options *opt = st->opt;
    if (!opt->warn || step <= 0)
        return;
    size_t spacings = 0, coarse = 0;
    int64_t other = 0;
    for (size_t i = 1; i < tab->n; i++) {
        int64_t d = tab->time[i] - tab->time[i - 1];
        if (d <= 0)
            continue;
        spacings++;
        if (d >= 2 * step && (other == 0 || d == other)) {
            other = d;
            coarse++;
        }
    }
    if (spacings == 0 || 10 * coarse < spacings)
        return;
    char fine[24], wide[24], msg[512];
    disrupt_time_duration(step, fine, sizeof fine);
    disrupt_time_duration(other, wide, sizeof wide);
    snprintf(msg, sizeof msg,
             "%s: the spacing changes: %zu of %zu steps are %s, the rest about %s; read on a %s "
             "step, the %s part is mostly missing samples (give --step %s to read it all on "
             "that step)",
             st->where, coarse, spacings, wide, fine, fine, wide, wide);
    opt->warn(opt->warn_ctx, msg);
}

/* The step of the file: --step, else the smallest median spacing of its tables. Dates
 * without times of day are days: when days are missing here and there (OONI counts on a few
 * days of a month), the spacing says nothing and the step is one day, the absent days
 * missing. */
static int file_step(ingest_state *st, size_t lo, size_t hi, int64_t *step, disrupt_error *err)
{
    *step = st->opt->step;
    if (*step > 0)
        return 0;
    for (size_t t = lo; t < hi; t++) {
        disrupt_grid_table *tab = &st->tables[t].table;
        int rc = disrupt_grid_table_sort(tab, err);
        if (rc)
            return rc;
        int64_t s = disrupt_grid_median_step(tab->time, tab->n, err, &rc);
        if (rc)
            return rc;
        if (s > DAY_SECONDS && !st->time_of_day_seen && !st->opt->time_format &&
            irregular_spacing(tab, s))
            s = DAY_SECONDS;
        if (s > 0 && (*step == 0 || s < *step))
            *step = s;
    }
    for (size_t t = lo; t < hi; t++)
        warn_step_change(st, &st->tables[t].table, *step);
    return 0;
}

/* Turns tables [lo, hi) into series appended to out (all or none). */
static int build_series(ingest_state *st, const char *path, size_t lo, size_t hi,
                        disrupt_dataset *out, disrupt_error *err)
{
    const disrupt_ingest_options *opt = st->opt;
    size_t start_count = out->count;
    int64_t step = 0;
    int rc = file_step(st, lo, hi, &step, err);
    disrupt_series **built = NULL;
    size_t kept = 0;
    size_t budget = opt->max_sparse_samples ? opt->max_sparse_samples
                                            : DISRUPT_INGEST_MAX_SPARSE_SAMPLES;
    for (size_t t = lo; t < hi && rc == 0; t++) {
        disrupt_grid_table *tab = &st->tables[t].table;
        free(built);
        built = calloc(tab->ncols ? tab->ncols : 1, sizeof *built);
        if (!built) {
            rc = disrupt_error_nomem(err);
            break;
        }
        rc = disrupt_grid_build(tab, step, opt->aggregate, st->where, &budget, built, err);
        if (rc == 0 && tab->merged) {
            st->opt->merged_rows += tab->merged;
            warn_merged(opt, path, tab->merged);
        }
        for (size_t j = 0; rc == 0 && j < tab->ncols; j++) {
            disrupt_series *s = built[j];
            built[j] = NULL;
            char *name = series_name(st, t, j, path);
            char *file = strdup(path);
            if (!name || !file) {
                free(name);
                free(file);
                disrupt_series_free(s);
                rc = disrupt_error_nomem(err);
                break;
            }
            const char *unit = st->dialect.value_unit && !st->counts
                                   ? st->dialect.value_unit[j] : NULL;
            if (st->dialect.kind == DISRUPT_DIALECT_IODA && is_ioda_normalized(path))
                unit = IODA_NORMALIZED_UNIT;
            char *unit_copy = unit ? strdup(unit) : NULL;
            if (unit && !unit_copy) {
                free(name);
                free(file);
                disrupt_series_free(s);
                rc = disrupt_error_nomem(err);
                break;
            }
            free(s->name);
            free(s->file);
            free(s->unit);
            s->name = name;
            s->file = file;
            s->unit = unit_copy;
            s->synthetic = st->synthetic;
            s->indexed = st->dialect.no_time_col || st->index_col;
            /* An entity is a place: its signals never corroborate another entity's; nor do
             * the columns of a table of countries. */
            const char *key = st->tables[t].key;
            if (st->dialect.columns_are_places && !s->ns &&
                !(s->ns = strdup(st->dialect.value_name[j]))) {
                disrupt_series_free(s);
                rc = disrupt_error_nomem(err);
                break;
            }
            if (has_entities(st) && key[0] && !s->ns &&
                !(s->ns = strndup(key, entity_len(key, strlen(key))))) {
                disrupt_series_free(s);
                rc = disrupt_error_nomem(err);
                break;
            }
            if (all_missing(s)) {
                if (opt->warn) {
                    char msg[512];
                    snprintf(msg, sizeof msg, "%s: signal '%s' has no values (every cell is "
                             "empty); it is left out", st->where, s->name);
                    opt->warn(opt->warn_ctx, msg);
                }
                disrupt_series_free(s);
                continue;
            }
            rc = disrupt_dataset_add(out, s, err);
            if (rc == 0)
                kept++;
        }
        for (size_t j = 0; built && j < tab->ncols; j++)
            disrupt_series_free(built[j]);
        disrupt_grid_table_fini(tab);
    }
    free(built);
    if (rc == 0 && kept == 0)
        rc = disrupt_error_set_at(err, DISRUPT_EDATA, st->where, st->header_line, 0,
                                  "expected at least one value, found every value cell empty");
    if (rc) {
        for (size_t i = start_count; i < out->count; i++)
            disrupt_series_free(out->series[i]);
        out->count = start_count;
    }
    return rc;
}

static int by_first_row(const void *a, const void *b)
{
    const keyed_table *x = a, *y = b;
    return (x->order > y->order) - (x->order < y->order);
}

/* At the end of an entity by entity reading: the entity being read (grouped rows), or every
 * entity, each on its own, in order of first row. */
static int hand_over_all(ingest_state *st, const char *path, disrupt_error *err)
{
    if (st->opt->entities_grouped) {
        int rc = leave_entity(st, err);
        return rc ? rc : tell_all_failed(st, err);
    }
    /* Tables are in order of first row; bring each entity's together, keeping that order. */
    disrupt_strmap first;
    disrupt_strmap_init(&first);
    int rc = 0;
    for (size_t t = 0; t < st->ntables && rc == 0; t++) {
        const char *key = st->tables[t].key;
        size_t index;
        rc = disrupt_strmap_add(&first, key, entity_len(key, strlen(key)), &index, NULL);
        st->tables[t].order = index * st->ntables + t;
    }
    disrupt_strmap_fini(&first);
    if (rc)
        return disrupt_error_nomem(err);
    qsort(st->tables, st->ntables, sizeof *st->tables, by_first_row);
    for (size_t lo = 0, hi; lo < st->ntables && rc == 0; lo = hi) {
        const char *key = st->tables[lo].key;
        size_t len = entity_len(key, strlen(key));
        for (hi = lo + 1; hi < st->ntables; hi++)
            if (entity_len(st->tables[hi].key, strlen(st->tables[hi].key)) != len ||
                memcmp(st->tables[hi].key, key, len) != 0)
                break;
        size_t f = failed_index(st, key, len);
        rc = f != (size_t)-1 ? tell_failed(st, f, err) : hand_over(st, path, lo, hi, err);
    }
    return rc ? rc : tell_all_failed(st, err);
}

static int finish(ingest_state *st, const char *path, disrupt_csv_reader *r,
                  disrupt_dataset *out, disrupt_error *err)
{
    const disrupt_ingest_options *opt = st->opt;
    if (st->scan)
        return st->have_header ? 0 : disrupt_error_set(err, DISRUPT_EDATA,
                                                       "%s: expected a header line",
                                                       st->where);
    if (!st->have_header) {
        if (r->bytes == 0)
            return disrupt_error_set(err, DISRUPT_EDATA,
                                     "%s: expected a header line, found an empty file",
                                     st->where);
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: expected a header line, found only %s", st->where,
                                 st->saw_comment ? "comments" : "blank lines");
    }
    if (st->opt->on_entity && st->dialect.columns_are_places && st->appended)
        return hand_over_columns(st, path, err);
    if (entity_mode(st) && st->failed.count)
        return hand_over_all(st, path, err);   /* some entities failed, maybe all */
    if (st->appended == 0) {
        if (opt->rows == 0)
            return disrupt_error_set_at(err, DISRUPT_EDATA, st->where, st->header_line, 0,
                                        "expected data rows after the header, found none");
        if (opt->skipped_rows == opt->rows)
            return disrupt_error_set(err, DISRUPT_EDATA,
                                     "%s: expected at least one good row, found all %zu rows "
                                     "rejected",
                                     st->where, opt->rows);
        if (opt->country && st->dialect.kind == DISRUPT_DIALECT_TOR)
            return disrupt_error_set(err, DISRUPT_EDATA,
                                     "%s: expected rows for country '%s' (--country), found "
                                     "none",
                                     st->where, opt->country);
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: expected rows for the chosen entity or signals, found "
                                 "none",
                                 st->where);
    }
    if (entity_mode(st))
        return hand_over_all(st, path, err);
    return build_series(st, path, 0, st->ntables, out, err);
}

static void state_fini(ingest_state *st)
{
    if (st->tp_live)
        disrupt_timeparser_fini(&st->tp);
    for (size_t t = 0; t < st->ntables; t++) {
        free(st->tables[t].key);
        disrupt_grid_table_fini(&st->tables[t].table);
    }
    free(st->tables);
    free(st->slots);
    free(st->values);
    free(st->trials);
    free(st->keybuf);
    free(st->entity);
    for (size_t i = 0; i < st->failed.count; i++)
        free(st->failed_why[i]);
    free(st->failed_why);
    free(st->failed_told);
    disrupt_strmap_fini(&st->failed);
    disrupt_dialect_fini(&st->dialect);
}

static int check_options(const disrupt_ingest_options *opt, disrupt_error *err)
{
    if (opt->format && !disrupt_ingest_format_known(opt->format))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "expected a format among plain, long, ioda, ooni, tor, google, "
                                 "found '%s'",
                                 opt->format);
    if (opt->tz && !disrupt_time_zone_valid(opt->tz))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "expected an IANA time zone such as Asia/Baku, found '%s'",
                                 opt->tz);
    return DISRUPT_OK;
}

static int read_json(FILE *stream, const char *path, ingest_state *st, disrupt_dataset *out,
                     disrupt_error *err)
{
    if (st->opt->format)
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: --format %s reads CSV, and this file is JSON (IODA API v2 "
                                 "and Cloudflare Radar JSON are read without --format)",
                                 st->where, st->opt->format);
    json_object *root = NULL;
    int rc = disrupt_json_read_stream(stream, st->where, 0, &root, err);
    if (rc == 0)
        rc = disrupt_json_series_read(root, path, st->where, st->synthetic, st->opt, out, err);
    json_object_put(root);
    return rc;
}

/* Reads stream; path is what the series record as their file (and whose base name may say
 * "synthetic"), where is the name in messages. */
static int ingest_from(FILE *stream, const char *path, const char *where,
                       disrupt_ingest_options *opt, disrupt_entity_census *scan,
                       disrupt_dataset *out, disrupt_error *err)
{
    disrupt_error e = {0};
    ingest_state st;
    memset(&st, 0, sizeof st);
    st.where = where;
    st.opt = opt;
    st.scan = scan;
    st.scan_last = -1;
    opt->skipped_rows = 0;
    opt->rows = 0;
    opt->dialect = NULL;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (contains_word_synthetic(base, strlen(base)))
        st.synthetic = 1;
    int rc;
    opt->delimiter = 0;
    if (disrupt_json_ahead(stream)) {   /* JSON (json_series.h) */
        if (scan) {
            scan->dialect = "json";
            rc = 0;
        } else {
            rc = read_json(stream, path, &st, out, &e);
        }
        goto done;
    }
    disrupt_csv_reader r;
    disrupt_csv_reader_init(&r, on_row, &st);
    r.comment = on_comment;
    st.csv = &r;
    rc = disrupt_csv_read_stream(stream, st.where, &r, &e);
    opt->delimiter = r.detected_delimiter;
    if (rc == SCAN_DONE)
        rc = 0;
    else if (rc == 0)
        rc = finish(&st, path, &r, out, &e);
done:
    state_fini(&st);
    if (rc && err)
        *err = e;
    return rc;
}

int disrupt_ingest_stream(FILE *stream, const char *name, disrupt_ingest_options *opt,
                          disrupt_dataset *out, disrupt_error *err)
{
    int rc = check_options(opt, err);
    return rc ? rc : ingest_from(stream, name, name, opt, NULL, out, err);
}

/* Opens path and reads it into out, or into the census c when c is not NULL. */
static int ingest_path(const char *path, disrupt_ingest_options *opt, disrupt_entity_census *c,
                       disrupt_dataset *out, disrupt_error *err)
{
    int rc = check_options(opt, err);
    if (rc)
        return rc;
    FILE *f = disrupt_csv_open(path, err);
    if (!f)
        return DISRUPT_EIO;
    rc = ingest_from(f, path, strcmp(path, "-") == 0 ? "<stdin>" : path, opt, c, out, err);
    disrupt_csv_close(f);
    return rc;
}

int disrupt_ingest_file(const char *path, disrupt_ingest_options *opt, disrupt_dataset *out,
                        disrupt_error *err)
{
    return ingest_path(path, opt, NULL, out, err);
}

void disrupt_entity_census_init(disrupt_entity_census *c)
{
    memset(c, 0, sizeof *c);
    disrupt_strmap_init(&c->names);
    c->grouped = 1;
}

void disrupt_entity_census_fini(disrupt_entity_census *c)
{
    disrupt_strmap_fini(&c->names);
    free(c->rows);
    memset(c, 0, sizeof *c);
}

int disrupt_ingest_scan(const char *path, disrupt_ingest_options *opt,
                        disrupt_entity_census *c, disrupt_error *err)
{
    return ingest_path(path, opt, c, NULL, err);
}
