/* dialect.c — which export a header comes from, and which columns carry what. */
#include "disrupt/ingest/dialect.h"

#include "disrupt/core/country.h"
#include "disrupt/core/text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const disrupt_dialect_names[] = {"plain", "long", "ioda", "ooni", "tor", "google",
                                             NULL};

static const char *const OONI_COUNTERS[DISRUPT_OONI_NCOUNTERS] = {
    "anomaly_count", "confirmed_count", "failure_count", "measurement_count"};
static const char *const OONI_NON_AXES[] = {"anomaly_count", "confirmed_count", "failure_count",
                                            "measurement_count", "ok_count",
                                            "measurement_start_day", NULL};
/* The day column of an OONI aggregation as the API names it, then as analysts' own scripts do. */
static const char *const OONI_TIME_NAMES[] = {"measurement_start_day", "time", "date", "day",
                                              NULL};
static const char *const PLAIN_TIME_NAMES[] = {"time", "timestamp", "date", "datetime",
                                               "date_time", "date and time", "time (utc)", "ts",
                                               NULL};

static long find_col(const disrupt_csv_field *h, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(h[i].data, name) == 0)
            return (long)i;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(h[i].data, name) == 0)
            return (long)i;
    return -1;
}

static int has_all(const disrupt_csv_field *h, size_t n, const char *const *names, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (find_col(h, n, names[i]) < 0)
            return 0;
    return 1;
}

char *disrupt_dialect_ioda_name(const char *title)
{
    static const struct { const char *prefix; const char *name; } known[] = {
        {"active probing", "active-probing"}, {"bgp", "bgp"}, {"telescope", "telescope"},
        {"darknet", "telescope"}, {"mozilla", "mozilla"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strncasecmp(title, known[i].prefix, strlen(known[i].prefix)) == 0)
            return strdup(known[i].name);
    /* "Google (Search)" → "google-search"; anything else: lower-case words joined by '-',
     * with a parenthesised unit dropped unless it is the product (Google's case). */
    size_t len = strlen(title);
    char *out = malloc(len + 1);
    if (!out)
        return NULL;
    int google = strncasecmp(title, "google", 6) == 0;
    size_t k = 0;
    int dash = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)title[i];
        if (c == '(' && !google)
            break;
        if (isalnum(c)) {
            if (dash && k)
                out[k++] = '-';
            dash = 0;
            out[k++] = (char)tolower(c);
        } else {
            dash = 1;
        }
    }
    out[k] = '\0';
    if (k == 0) {
        free(out);
        return strdup(title[0] ? title : "value");
    }
    return out;
}

char *disrupt_dialect_ioda_unit(const char *title)
{
    if (strncasecmp(title, "google", 6) == 0)
        return NULL;
    const char *open = strchr(title, '(');
    const char *close = open ? strrchr(open, ')') : NULL;
    if (!close || close == open + 1)
        return NULL;
    size_t len = (size_t)(close - open - 1);
    char *unit = malloc(len + 1);
    if (unit) {
        memcpy(unit, open + 1, len);
        unit[len] = '\0';
    }
    return unit;
}

static disrupt_dialect_kind guess_kind(const disrupt_csv_field *h, size_t n)
{
    static const char *const long_cols[] = {"timestamp", "entity", "signal", "value"};
    /* Tor's by-transport table has date and country but no users: still Tor, so that the
     * message asks for --signal rather than failing on the country codes. */
    static const char *const tor_cols[] = {"date", "country"};
    if (has_all(h, n, OONI_COUNTERS, DISRUPT_OONI_NCOUNTERS))
        return DISRUPT_DIALECT_OONI;
    if (has_all(h, n, long_cols, 4))
        return DISRUPT_DIALECT_LONG;
    if (find_col(h, n, "Time (UTC)") >= 0)
        return DISRUPT_DIALECT_IODA;
    if (has_all(h, n, tor_cols, 2))
        return DISRUPT_DIALECT_TOR;
    if (find_col(h, n, "date and time") >= 0)
        return DISRUPT_DIALECT_GOOGLE;
    return DISRUPT_DIALECT_PLAIN;
}

static int require(const disrupt_csv_field *h, size_t n, const char *col, const char *dialect,
                   const char *where, long *out, disrupt_error *err)
{
    *out = find_col(h, n, col);
    if (*out < 0)
        return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[0].line, 0,
                                    "expected a '%s' column in a %s header, found none",
                                    col, dialect);
    return 0;
}

typedef struct {
    const char *name;
    size_t col;
} named_col;

static int by_name_then_col(const void *a, const void *b)
{
    const named_col *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->col > y->col) - (x->col < y->col);
}

/* O(n log n): a spreadsheet header may have hundreds of thousands of columns. */
static int check_unique(const disrupt_csv_field *h, size_t n, const char *where,
                        disrupt_error *err)
{
    named_col *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return disrupt_error_nomem(err);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (h[i].len)
            v[m++] = (named_col){h[i].data, i};
    qsort(v, m, sizeof *v, by_name_then_col);
    /* Report the repeat that comes first in the header, against its first occurrence. */
    size_t first = 0, again = SIZE_MAX, run = 0; /* run: index in v where equal names begin */
    for (size_t k = 1; k < m; k++) {
        if (strcmp(v[k - 1].name, v[k].name) != 0) {
            run = k;
            continue;
        }
        if (v[k].col < again) {
            again = v[k].col;
            first = v[run].col;
        }
    }
    free(v);
    if (again != SIZE_MAX)
        return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[again].line, (long)again + 1,
                                    "expected unique column names, found '%s' again (first in "
                                    "column %zu)",
                                    h[again].data, first + 1);
    return 0;
}

static int add_value(disrupt_dialect *d, size_t col, const char *name, const char *title)
{
    d->value_col[d->nvalues] = col;
    d->value_name[d->nvalues] = strdup(name);
    if (!d->value_name[d->nvalues])
        return 1;
    if (d->kind == DISRUPT_DIALECT_IODA && title)
        d->value_unit[d->nvalues] = disrupt_dialect_ioda_unit(title);
    d->nvalues++;
    return 0;
}

int disrupt_name_in_set(const char *const *set, size_t n, const char *name, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(name, set[mid], len);
        if (c == 0 && set[mid][len])
            c = -1;   /* name is a prefix of set[mid]: it sorts before */
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* A table of countries read for a set of entities (batch): only their columns. */
static void keep_entity_columns(disrupt_dialect *d, const disrupt_ingest_options *opt)
{
    size_t kept = 0;
    for (size_t j = 0; j < d->nvalues; j++) {
        if (!disrupt_name_in_set(opt->entities, opt->nentities, d->value_name[j],
                                 strlen(d->value_name[j]))) {
            free(d->value_name[j]);
            free(d->value_unit[j]);
            continue;
        }
        d->value_col[kept] = d->value_col[j];
        d->value_name[kept] = d->value_name[j];
        d->value_unit[kept] = d->value_unit[j];
        kept++;
    }
    d->nvalues = kept;
}

/* The series name of column i (IODA columns get their short names). */
static char *column_signal_name(const disrupt_dialect *d, const disrupt_csv_field *h, size_t i)
{
    if (d->kind == DISRUPT_DIALECT_IODA)
        return disrupt_dialect_ioda_name(h[i].data);
    return strdup(h[i].len ? h[i].data : "value");
}

static long find_signal(const disrupt_dialect *d, const disrupt_csv_field *h, size_t n,
                        const char *want)
{
    long c = find_col(h, n, want);
    if (c >= 0 || d->kind != DISRUPT_DIALECT_IODA)
        return c;
    for (size_t i = 0; i < n; i++) {
        char *name = column_signal_name(d, h, i);
        int same = name && strcasecmp(name, want) == 0;
        free(name);
        if (same)
            return (long)i;
    }
    return -1;
}

/* 1 when most columns besides the time are named by two-letter codes: a table with a column
 * per country (Tor Metrics' old direct-users.csv, `date,??,a1,…,zw,all`), which --country
 * reads one column of. In any other plain table --country is for other files or claims. */
static int country_table(const disrupt_csv_field *h, size_t n, size_t time_col)
{
    size_t codes = 0;
    for (size_t i = 0; i < n; i++)
        codes += i != time_col && h[i].len == 2;
    return n > 3 && 2 * codes > n - 1;
}

/* 1 when h[i] is a country's two-letter code, or one of the codes Tor Metrics adds (??, a1,
 * a2, ap, eu: unknown, anonymous proxies, satellite, Asia/Pacific, Europe). */
static int country_column(const disrupt_csv_field *h)
{
    static const char *const tor[] = {"??", "a1", "a2", "ap", "eu"};
    if (h->len != 2)
        return 0;
    for (size_t k = 0; k < sizeof tor / sizeof *tor; k++)
        if (strcasecmp(h->data, tor[k]) == 0)
            return 1;
    return disrupt_country_code(h->data, 2) != NULL;
}

/* A wide table with a column per country (Tor's old direct-users.csv, Google's wide
 * exports): each column a place of its own. Google's with more than one country column; a
 * plain one when at least five columns and nine in ten of those besides the time (Tor's "all"
 * is the tenth) are country codes, so that a table of short names (in, ok, up) is no
 * table of countries. */
static int places_table(const disrupt_dialect *d, const disrupt_csv_field *h, size_t n)
{
    size_t codes = 0, others = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == d->time_col || h[i].len == 0)
            continue;
        if (country_column(&h[i]))
            codes++;
        else
            others++;
    }
    if (d->kind == DISRUPT_DIALECT_GOOGLE)
        return codes > 1 && others == 0;
    return d->kind == DISRUPT_DIALECT_PLAIN && codes >= 5 && others * 10 <= codes;
}

/* The header's columns other than time and key, "a, b, c" (", …" where out is full), for
 * an error that names the columns there are. */
static void value_column_names(const disrupt_dialect *d, const disrupt_csv_field *h, size_t n,
                               char *out, size_t outsz)
{
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if (i != d->time_col && (long)i != d->key_col &&
            !disrupt_error_list_add(out, outsz, h[i].data, h[i].len))
            return;
}

/* Value columns of wide dialects and Tor: selected by --signal, --country (Google), or all
 * columns other than the time and key columns. */
static int pick_values(disrupt_dialect *d, const disrupt_csv_field *h, size_t n,
                       const disrupt_ingest_options *opt, const char *where, disrupt_error *err)
{
    size_t cap = n + opt->nsignal_columns + 1;
    d->value_col = calloc(cap, sizeof *d->value_col);
    d->value_name = calloc(cap, sizeof *d->value_name);
    d->value_unit = calloc(cap, sizeof *d->value_unit);
    if (!d->value_col || !d->value_name || !d->value_unit)
        return disrupt_error_nomem(err);
    if (opt->nsignal_columns) {
        for (size_t s = 0; s < opt->nsignal_columns; s++) {
            long c = find_signal(d, h, n, opt->signal_columns[s]);
            if (c < 0 || (size_t)c == d->time_col || c == d->key_col) {
                char names[400];
                value_column_names(d, h, n, names, sizeof names);
                return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[0].line, 0,
                                            "expected a value column named '%s' (--signal), "
                                            "found none; the columns are: %s",
                                            opt->signal_columns[s], names);
            }
            char *name = column_signal_name(d, h, (size_t)c);
            if (!name || add_value(d, (size_t)c, name, h[c].data)) {
                free(name);
                return disrupt_error_nomem(err);
            }
            free(name);
        }
        return 0;
    }
    if (d->kind == DISRUPT_DIALECT_TOR) {
        long c = find_col(h, n, "users");
        if (add_value(d, (size_t)c, "users", NULL))
            return disrupt_error_nomem(err);
        return 0;
    }
    if ((d->kind == DISRUPT_DIALECT_GOOGLE || (d->kind == DISRUPT_DIALECT_PLAIN &&
                                               country_table(h, n, d->time_col))) &&
        opt->country && *opt->country) {
        long c = find_col(h, n, opt->country);
        if (c < 0 || (size_t)c == d->time_col)
            return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[0].line, 0,
                                        "expected a column for country '%s' (--country), "
                                        "found none",
                                        opt->country);
        if (add_value(d, (size_t)c, h[c].data, NULL))
            return disrupt_error_nomem(err);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        /* Spreadsheets leave unnamed empty columns at the end of rows: not signals (but
         * remembered, so that one holding data is not dropped silently). */
        if (h[i].len == 0 && i != d->time_col) {
            size_t *u = realloc(d->unnamed_col, (d->nunnamed + 1) * sizeof *u);
            if (!u)
                return disrupt_error_nomem(err);
            d->unnamed_col = u;
            d->unnamed_col[d->nunnamed++] = i;
        }
        if (i == d->time_col || h[i].len == 0 || (long)i == d->key_col)
            continue;
        char *name = column_signal_name(d, h, i);
        if (!name || add_value(d, i, name, h[i].data)) {
            free(name);
            return disrupt_error_nomem(err);
        }
        free(name);
    }
    if (d->nvalues == 0 && opt->index_axis && d->kind == DISRUPT_DIALECT_PLAIN &&
        !opt->time_column) {
        /* A single column: values numbered by their row. */
        char *name = column_signal_name(d, h, d->time_col);
        if (!name || add_value(d, d->time_col, name, h[d->time_col].data)) {
            free(name);
            return disrupt_error_nomem(err);
        }
        free(name);
        d->no_time_col = 1;
        return 0;
    }
    if (d->nvalues == 0)
        return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[0].line, 0,
                                    "expected at least one value column beside the time "
                                    "column '%s', found none",
                                    h[d->time_col].data);
    return 0;
}

static int pick_time(disrupt_dialect *d, const disrupt_csv_field *h, size_t n,
                     const disrupt_ingest_options *opt, const char *where, disrupt_error *err)
{
    long c = -1;
    if (opt->time_column) {
        c = find_col(h, n, opt->time_column);
        if (c < 0)
            return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[0].line, 0,
                                        "expected a time column named '%s' (--time), found "
                                        "none",
                                        opt->time_column);
    } else {
        switch (d->kind) {
        case DISRUPT_DIALECT_OONI:
            for (size_t k = 0; c < 0 && OONI_TIME_NAMES[k]; k++)
                c = find_col(h, n, OONI_TIME_NAMES[k]);
            if (c < 0)
                return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[0].line, 0,
                                            "expected a measurement_start_day (or time, date, "
                                            "day) column (query OONI with "
                                            "axis_x=measurement_start_day), found none");
            break;
        case DISRUPT_DIALECT_LONG: c = find_col(h, n, "timestamp"); break;
        case DISRUPT_DIALECT_IODA: c = find_col(h, n, "Time (UTC)"); break;
        case DISRUPT_DIALECT_TOR: c = find_col(h, n, "date"); break;
        case DISRUPT_DIALECT_GOOGLE: c = find_col(h, n, "date and time"); break;
        case DISRUPT_DIALECT_PLAIN:
            for (size_t k = 0; c < 0 && PLAIN_TIME_NAMES[k]; k++)
                c = find_col(h, n, PLAIN_TIME_NAMES[k]);
            if (c < 0)
                c = 0;
            break;
        }
        if (c < 0)
            return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[0].line, 0,
                                        "expected the time column of a %s header, found none; "
                                        "give --time",
                                        d->name);
    }
    d->time_col = (size_t)c;
    return 0;
}

static int ooni_columns(disrupt_dialect *d, const disrupt_csv_field *h, size_t n,
                        const char *where, disrupt_error *err)
{
    for (int k = 0; k < DISRUPT_OONI_NCOUNTERS; k++)
        if (require(h, n, OONI_COUNTERS[k], "ooni", where, &d->ooni_col[k], err))
            return DISRUPT_EDATA;
    for (size_t i = 0; i < n; i++) {
        int other = (size_t)i == d->time_col;
        for (size_t k = 0; !other && OONI_NON_AXES[k]; k++)
            other = strcasecmp(h[i].data, OONI_NON_AXES[k]) == 0;
        if (other)
            continue;
        if (d->key_col >= 0)
            return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[i].line, (long)i + 1,
                                        "expected at most one axis besides "
                                        "measurement_start_day, found '%s' and '%s'",
                                        h[d->key_col].data, h[i].data);
        d->key_col = (long)i;
    }
    return 0;
}

static int kind_from_name(const char *name, disrupt_dialect_kind *out)
{
    for (size_t i = 0; disrupt_dialect_names[i]; i++)
        if (strcasecmp(name, disrupt_dialect_names[i]) == 0) {
            *out = (disrupt_dialect_kind)i;
            return 0;
        }
    return 1;
}

/* Every header name must be showable (text.h): refused at its place otherwise. */
static int check_names(const disrupt_csv_field *h, size_t n, const char *where,
                       disrupt_error *err)
{
    for (size_t i = 0; i < n; i++) {
        size_t at;
        const char *why;
        if (disrupt_text_check(h[i].data, h[i].len, &at, &why)) {
            char found[96];
            disrupt_error_excerpt(found, sizeof found, h[i].data, h[i].len, 40);
            return disrupt_error_set_at(err, DISRUPT_EDATA, where, h[i].line, (long)i + 1,
                                        "expected a column name %s, found '%s' (byte %zu)",
                                        why, found, at + 1);
        }
    }
    return 0;
}

int disrupt_dialect_recognise(const disrupt_csv_field *header, size_t n,
                              const disrupt_ingest_options *opt, const char *where,
                              disrupt_dialect *d, disrupt_error *err)
{
    memset(d, 0, sizeof *d);
    d->key_col = -1;
    d->key2_col = -1;
    for (int k = 0; k < DISRUPT_OONI_NCOUNTERS; k++)
        d->ooni_col[k] = -1;
    d->ncols = n;
    if (opt->format) {
        if (kind_from_name(opt->format, &d->kind))
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "expected a format among plain, long, ioda, ooni, tor, "
                                     "google, found '%s'",
                                     opt->format);
    } else {
        d->kind = guess_kind(header, n);
    }
    d->name = disrupt_dialect_names[d->kind];
    if (opt->entity_column && d->kind != DISRUPT_DIALECT_PLAIN)
        return disrupt_error_set_at(err, DISRUPT_EDATA, where, header[0].line, 0,
                                    "expected a plain table for --entity-column '%s', found a "
                                    "%s header (which names its entities itself)",
                                    opt->entity_column, d->name);
    if (opt->entity && d->kind != DISRUPT_DIALECT_LONG && !opt->entity_column)
        return disrupt_error_set_at(err, DISRUPT_EDATA, where, header[0].line, 0,
                                    "expected a long-format file (timestamp,entity,signal,value) "
                                    "for --entity '%s', found a %s header (or name the column "
                                    "of entities with --entity-column)",
                                    opt->entity, d->name);
    int rc = check_names(header, n, where, err);
    if (!rc)
        rc = check_unique(header, n, where, err);
    if (rc)
        return rc;
    if ((rc = pick_time(d, header, n, opt, where, err)))
        return rc;
    if (opt->entity_column) {
        d->key_col = find_col(header, n, opt->entity_column);
        if (d->key_col < 0 || (size_t)d->key_col == d->time_col) {
            char names[400] = "";
            for (size_t i = 0; i < n; i++)
                if (!disrupt_error_list_add(names, sizeof names, header[i].data, header[i].len))
                    break;
            return disrupt_error_set_at(err, DISRUPT_EDATA, where, header[0].line, 0,
                                        "expected a column of entities named '%s' "
                                        "(--entity-column) besides the time column, found "
                                        "none; the columns are: %s",
                                        opt->entity_column, names);
        }
    }
    /* IODA says "Time (UTC)"; OONI days and Tor dates are UTC days by definition. */
    d->time_is_utc = d->kind == DISRUPT_DIALECT_IODA || d->kind == DISRUPT_DIALECT_OONI ||
                     d->kind == DISRUPT_DIALECT_TOR;
    switch (d->kind) {
    case DISRUPT_DIALECT_OONI:
        return ooni_columns(d, header, n, where, err);
    case DISRUPT_DIALECT_LONG: {
        long v;
        if ((rc = require(header, n, "entity", "long", where, &d->key_col, err)) ||
            (rc = require(header, n, "signal", "long", where, &d->key2_col, err)) ||
            (rc = require(header, n, "value", "long", where, &v, err)))
            return rc;
        d->value_col = calloc(1, sizeof *d->value_col);
        d->value_name = calloc(1, sizeof *d->value_name);
        if (!d->value_col || !d->value_name || !(d->value_name[0] = strdup("value")))
            return disrupt_error_nomem(err);
        d->value_col[0] = (size_t)v;
        d->nvalues = 1;
        return 0;
    }
    case DISRUPT_DIALECT_TOR: {
        if ((rc = require(header, n, "country", "tor", where, &d->key_col, err)))
            return rc;
        d->key2_col = find_col(header, n, "transport"); /* by-transport tables: one per */
        if (!opt->nsignal_columns && find_col(header, n, "users") < 0)
            return disrupt_error_set_at(err, DISRUPT_EDATA, where, header[0].line, 0,
                                        "expected a 'users' column in a tor header, found "
                                        "none; name the columns to read with --signal");
        return pick_values(d, header, n, opt, where, err);
    }
    default:
        d->columns_are_places = d->key_col < 0 && places_table(d, header, n);
        rc = pick_values(d, header, n, opt, where, err);
        if (rc == 0 && d->columns_are_places && opt->entities)
            keep_entity_columns(d, opt);
        return rc;
    }
}

int disrupt_dialect_headerless(size_t n, disrupt_dialect *d, disrupt_error *err)
{
    memset(d, 0, sizeof *d);
    d->kind = DISRUPT_DIALECT_PLAIN;
    d->name = disrupt_dialect_names[d->kind];
    d->ncols = n;
    d->key_col = -1;
    d->key2_col = -1;
    for (int k = 0; k < DISRUPT_OONI_NCOUNTERS; k++)
        d->ooni_col[k] = -1;
    d->no_time_col = 1;
    d->header_is_data = 1;
    d->value_col = calloc(n ? n : 1, sizeof *d->value_col);
    d->value_name = calloc(n ? n : 1, sizeof *d->value_name);
    d->value_unit = calloc(n ? n : 1, sizeof *d->value_unit);
    if (!d->value_col || !d->value_name || !d->value_unit)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, n == 1 ? "value" : "column %zu", i + 1);
        if (add_value(d, i, name, NULL))
            return disrupt_error_nomem(err);
    }
    return 0;
}

void disrupt_dialect_fini(disrupt_dialect *d)
{
    for (size_t i = 0; d->value_name && i < d->nvalues; i++)
        free(d->value_name[i]);
    for (size_t i = 0; d->value_unit && i < d->nvalues; i++)
        free(d->value_unit[i]);
    free(d->value_name);
    free(d->value_unit);
    d->value_unit = NULL;
    free(d->value_col);
    free(d->unnamed_col);
    d->unnamed_col = NULL;
    d->nunnamed = 0;
    d->value_name = NULL;
    d->value_col = NULL;
    d->nvalues = 0;
}
