/* json_series.c — IODA API v2 signals and Cloudflare Radar time series (json_series.h). Each
 * signal's samples go through a one-column grid table, as CSV rows do, so that --step,
 * --aggregate and the sparse-grid budget mean the same for JSON. */
#include "disrupt/ingest/json_series.h"

#include <ctype.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "disrupt/core/text.h"
#include "disrupt/ingest/grid.h"
#include "disrupt/ingest/timeparse.h"

typedef struct {
    const char *path, *where;
    int synthetic;
    disrupt_ingest_options *opt;
    disrupt_dataset *out;
    disrupt_error *err;
    size_t budget;        /* sparse-grid samples left (grid.h) */
    size_t found;         /* signals read, before the entity and signal filters */
} reader;

/* "FILE: PLACE: expected WHAT, found VALUE" */
static int bad(reader *r, const char *place, const char *what, json_object *found)
{
    const char *text = found ? json_object_to_json_string(found) : "nothing";
    char excerpt[64];
    disrupt_error_excerpt(excerpt, sizeof excerpt, text, strlen(text), 40);
    return disrupt_error_set(r->err, DISRUPT_EDATA, "%s: %s: expected %s, found %s", r->where,
                             place, what, excerpt);
}

/* The string at key (NULL when absent or null); an error when it is not showable text. */
static int get_text(reader *r, json_object *o, const char *key, const char *place,
                    const char **out)
{
    json_object *v;
    *out = NULL;
    if (!json_object_object_get_ex(o, key, &v) || json_object_is_type(v, json_type_null))
        return 0;
    char where[128];
    snprintf(where, sizeof where, "%s.%s", place, key);
    size_t at;
    const char *why;
    if (!json_object_is_type(v, json_type_string) ||
        disrupt_text_check(json_object_get_string(v), (size_t)json_object_get_string_len(v),
                           &at, &why))
        return bad(r, where, "a name in valid UTF-8 without control characters", v);
    *out = json_object_get_string(v);
    return 0;
}

static int get_int(reader *r, json_object *o, const char *key, const char *place, int64_t *out)
{
    json_object *v;
    char where[128];
    snprintf(where, sizeof where, "%s.%s", place, key);
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
        return bad(r, where, "a whole number", v);
    *out = json_object_get_int64(v);
    return 0;
}

static int wanted_signal(const reader *r, const char *name)
{
    if (!r->opt->nsignal_columns)
        return 1;
    for (size_t i = 0; i < r->opt->nsignal_columns; i++)
        if (strcmp(r->opt->signal_columns[i], name) == 0)
            return 1;
    return 0;
}

/* Builds one signal from n samples (times need not be regular nor sorted) and appends it. */
static int add_signal(reader *r, const char *name, const char *unit, const int64_t *t,
                      const double *v, size_t n)
{
    disrupt_grid_table tab;
    int rc = disrupt_grid_table_init(&tab, 1, 0, r->opt->aggregate, r->err);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = disrupt_grid_table_append(&tab, t[i], &v[i], NULL, r->err);
    disrupt_series *s = NULL;
    if (rc == 0)
        rc = disrupt_grid_build(&tab, r->opt->step, r->opt->aggregate, r->where, &r->budget,
                                &s, r->err);
    if (rc == 0 && tab.merged)
        r->opt->merged_rows += tab.merged;
    disrupt_grid_table_fini(&tab);
    if (rc)
        return rc;
    if (disrupt_series_missing(s) == s->n) {
        if (r->opt->warn) {
            char msg[512];
            snprintf(msg, sizeof msg, "%s: signal '%s' has no values (every one is null); it "
                     "is left out", r->where, name);
            r->opt->warn(r->opt->warn_ctx, msg);
        }
        disrupt_series_free(s);
        return 0;
    }
    free(s->name);
    s->name = strdup(name);
    s->file = strdup(r->path);
    s->unit = unit ? strdup(unit) : NULL;
    s->synthetic = r->synthetic;
    if (!s->name || !s->file || (unit && !s->unit)) {
        disrupt_series_free(s);
        return disrupt_error_nomem(r->err);
    }
    return disrupt_dataset_add(r->out, s, r->err);
}

/* ---- IODA API v2 ------------------------------------------------------------------------ */

/* The name IODA's CSV exports give the datasource (dialect.c), and its unit. */
static void ioda_name(const char *datasource, const char *subtype, char *name, size_t size,
                      const char **unit)
{
    static const struct { const char *id, *name, *unit; } known[] = {
        {"bgp", "bgp", "#Visible /24s"},
        {"ping-slash24", "active-probing", "#/24s Up"},
        {"ping-slash24-loss", "active-probing-loss", "% of probes lost"},
        {"ping-slash24-latency", "active-probing-latency", "ms"},
        {"merit-nt", "telescope", "# Unique Source IPs"},
        {"ucsd-nt", "telescope-ucsd", "# Unique Source IPs"}};   /* the older telescope */
    *unit = NULL;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(datasource, known[i].id) == 0) {
            snprintf(name, size, "%s", known[i].name);
            *unit = known[i].unit;
            return;
        }
    /* gtr WEB_SEARCH → google-search; other ids keep their name and add the subtype. */
    int gtr = strcmp(datasource, "gtr") == 0;
    const char *sub = subtype && *subtype ? subtype : NULL;
    if (gtr && sub && strncasecmp(sub, "WEB_", 4) == 0)
        sub += 4;
    const char *head = gtr ? "google" : datasource;
    size_t k = disrupt_text_cut(head, strlen(head), size / 2);
    memcpy(name, head, k);
    size_t n = sub ? disrupt_text_cut(sub, strlen(sub), size - k - 2) : 0;
    if (n)
        name[k++] = '-';
    for (size_t i = 0; i < n; i++)
        name[k++] = sub[i] == '_' ? '-' : (char)tolower((unsigned char)sub[i]);
    name[k] = '\0';
}

static int entity_matches(const reader *r, const char *code, const char *name)
{
    const char *want = r->opt->entity;
    return !want || (code && strcasecmp(code, want) == 0) ||
           (name && strcasecmp(name, want) == 0);
}

static int ioda_series(reader *r, json_object *o, const char *place, int several_entities)
{
    if (!json_object_is_type(o, json_type_object))
        return bad(r, place, "a signal object {\"datasource\", \"from\", \"step\", \"values\"}",
                   o);
    const char *datasource, *subtype, *code, *ename;
    int64_t from = 0, step = 0;
    json_object *values = NULL;
    char where[128];
    snprintf(where, sizeof where, "%s.values", place);
    if (get_text(r, o, "datasource", place, &datasource) ||
        get_text(r, o, "subtype", place, &subtype) ||
        get_text(r, o, "entityCode", place, &code) ||
        get_text(r, o, "entityName", place, &ename) || get_int(r, o, "from", place, &from) ||
        get_int(r, o, "step", place, &step))
        return DISRUPT_EDATA;
    if (!datasource)
        return bad(r, place, "a \"datasource\"", NULL);
    if (!json_object_object_get_ex(o, "values", &values) ||
        !json_object_is_type(values, json_type_array))
        return bad(r, where, "an array of numbers and nulls", values);
    snprintf(where, sizeof where, "%s.step", place);
    if (step <= 0 || step > 366 * 86400)
        return bad(r, where, "seconds between 1 and a year", json_object_object_get(o, "step"));
    size_t n = json_object_array_length(values);
    snprintf(where, sizeof where, "%s.from", place);
    if (from < DISRUPT_TIME_MIN || from >= DISRUPT_TIME_MAX ||
        (n && (int64_t)(n - 1) > (DISRUPT_TIME_MAX - 1 - from) / step))
        return bad(r, where, "Unix seconds in the years 0001 to 9999 for every value",
                   json_object_object_get(o, "from"));
    r->found++;
    r->opt->rows += n;
    char base[96], name[192];
    const char *unit;
    ioda_name(datasource, subtype, base, sizeof base, &unit);
    const char *prefix = several_entities && code ? code : "";
    snprintf(name, sizeof name, "%.*s%s%s", (int)disrupt_text_cut(prefix, strlen(prefix), 90),
             prefix, *prefix ? "/" : "", base);
    if (!entity_matches(r, code, ename) || !wanted_signal(r, base) || n == 0)
        return 0;
    int64_t *t = malloc(n * sizeof *t);
    double *v = malloc(n * sizeof *v);
    int rc = t && v ? 0 : disrupt_error_nomem(r->err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        json_object *x = json_object_array_get_idx(values, i);
        t[i] = from + (int64_t)i * step;
        if (!x) {
            v[i] = NAN;
        } else if ((json_object_is_type(x, json_type_int) ||
                    json_object_is_type(x, json_type_double)) &&
                   isfinite(json_object_get_double(x))) {
            v[i] = json_object_get_double(x);
        } else {
            snprintf(where, sizeof where, "%s.values[%zu]", place, i);
            rc = bad(r, where, "a number or null", x);
        }
    }
    if (rc == 0)
        rc = add_signal(r, name, unit, t, v, n);
    free(t);
    free(v);
    return rc;
}

/* The series objects of data (or of the file): objects, or arrays of them (one per entity). */
static int ioda_each(reader *r, json_object *list, const char *place,
                     int (*fn)(reader *, json_object *, const char *, void *), void *ctx)
{
    size_t n = json_object_array_length(list);
    for (size_t i = 0; i < n; i++) {
        json_object *e = json_object_array_get_idx(list, i);
        char where[96];
        snprintf(where, sizeof where, "%s[%zu]", place, i);
        if (json_object_is_type(e, json_type_array)) {
            int rc = ioda_each(r, e, where, fn, ctx);
            if (rc)
                return rc;
        } else {
            int rc = fn(r, e, where, ctx);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* Whether the file holds more than one entityCode (names then say which). */
static int note_entity(reader *r, json_object *o, const char *place, void *ctx)
{
    (void)r;
    (void)place;
    const char **first = ((const char **)ctx);
    json_object *v;
    const char *code = json_object_is_type(o, json_type_object) &&
                               json_object_object_get_ex(o, "entityCode", &v) &&
                               json_object_is_type(v, json_type_string)
                           ? json_object_get_string(v) : "";
    if (!first[0])
        first[0] = code;
    else if (strcmp(first[0], code) != 0)
        first[1] = code;
    return 0;
}

static int read_one(reader *r, json_object *o, const char *place, void *ctx)
{
    return ioda_series(r, o, place, *(int *)ctx);
}

static int read_ioda(reader *r, json_object *list, const char *place)
{
    r->opt->dialect = "ioda-api";
    const char *first[2] = {NULL, NULL};
    ioda_each(r, list, place, note_entity, first);
    int several = first[1] != NULL;
    return ioda_each(r, list, place, read_one, &several);
}

/* ---- Cloudflare Radar ------------------------------------------------------------------- */

static int radar_value(json_object *x, double *out)
{
    if (!x) {
        *out = NAN;
        return 0;
    }
    if (json_object_is_type(x, json_type_int) || json_object_is_type(x, json_type_double)) {
        *out = json_object_get_double(x);
        return !isfinite(*out);
    }
    if (!json_object_is_type(x, json_type_string))
        return 1;
    const char *s = json_object_get_string(x);
    char *end;
    *out = strtod(s, &end);
    return end == s || *end || !isfinite(*out) || isspace((unsigned char)*s);
}

static int radar_series(reader *r, const char *key, json_object *o, const char *unit,
                        int only_default)
{
    char place[160], shown[112];
    disrupt_error_excerpt(shown, sizeof shown, key, strlen(key), 100);
    snprintf(place, sizeof place, "result.%s", shown);
    json_object *ts, *vs;
    size_t at;
    const char *why;
    if (disrupt_text_check(key, strlen(key), &at, &why))
        return bad(r, "result", "series names in valid UTF-8 without control characters",
                   NULL);
    if (!json_object_is_type(o, json_type_object) ||
        !json_object_object_get_ex(o, "timestamps", &ts) ||
        !json_object_object_get_ex(o, "values", &vs) ||
        !json_object_is_type(ts, json_type_array) || !json_object_is_type(vs, json_type_array))
        return bad(r, place, "{\"timestamps\": [...], \"values\": [...]}", o);
    size_t n = json_object_array_length(ts);
    if (json_object_array_length(vs) != n) {
        char what[96];
        snprintf(what, sizeof what, "as many values as timestamps (%zu)", n);
        snprintf(place + strlen(place), sizeof place - strlen(place), ".values");
        return bad(r, place, what, vs);
    }
    r->found++;
    r->opt->rows += n;
    char *stem = only_default ? disrupt_path_stem(r->path) : NULL;
    const char *name = stem ? stem : key;
    if (!wanted_signal(r, name) || n == 0) {
        free(stem);
        return 0;
    }
    int64_t *t = malloc(n * sizeof *t);
    double *v = malloc(n * sizeof *v);
    int rc = t && v && (stem || !only_default) ? 0 : disrupt_error_nomem(r->err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        json_object *tx = json_object_array_get_idx(ts, i);
        char where[200];
        if (!json_object_is_type(tx, json_type_string) ||
            disrupt_time_parse(json_object_get_string(tx), &t[i])) {
            snprintf(where, sizeof where, "%s.timestamps[%zu]", place, i);
            rc = bad(r, where, "an ISO 8601 time such as \"2020-09-27T00:00:00Z\"", tx);
        } else if (radar_value(json_object_array_get_idx(vs, i), &v[i])) {
            snprintf(where, sizeof where, "%s.values[%zu]", place, i);
            rc = bad(r, where, "a number (as a string, \"0.52\") or null",
                     json_object_array_get_idx(vs, i));
        }
    }
    if (rc == 0)
        rc = add_signal(r, name, unit, t, v, n);
    free(t);
    free(v);
    free(stem);
    return rc;
}

static int read_radar(reader *r, json_object *root)
{
    r->opt->dialect = "radar";
    json_object *ok = json_object_object_get(root, "success");
    if (!json_object_get_boolean(ok)) {
        json_object *errors = json_object_object_get(root, "errors");
        json_object *first = json_object_is_type(errors, json_type_array)
                                 ? json_object_array_get_idx(errors, 0) : NULL;
        json_object *msg = first ? json_object_object_get(first, "message") : NULL;
        const char *text = msg ? json_object_get_string(msg) : "no message";
        char excerpt[128];
        disrupt_error_excerpt(excerpt, sizeof excerpt, text, strlen(text), 100);
        return disrupt_error_set(r->err, DISRUPT_EDATA,
                                 "%s: the Radar response says \"success\": false (%s), not a "
                                 "time series", r->where, excerpt);
    }
    json_object *result = json_object_object_get(root, "result");
    if (!json_object_is_type(result, json_type_object))
        return bad(r, "result", "an object of series", result);
    json_object *meta = json_object_object_get(result, "meta"), *norm = NULL;
    char unit[96] = "Radar, relative";
    if (meta && json_object_object_get_ex(meta, "normalization", &norm) &&
        json_object_is_type(norm, json_type_string)) {
        char excerpt[48];
        const char *s = json_object_get_string(norm);
        disrupt_error_excerpt(excerpt, sizeof excerpt, s, strlen(s), 40);
        snprintf(unit, sizeof unit, "Radar, normalised %s", excerpt);
    }
    size_t nseries = (size_t)json_object_object_length(result) - (meta != NULL);
    int only_default = nseries == 1 && json_object_object_get(result, "serie_0");
    json_object_object_foreach(result, key, val)
    {
        if (strcmp(key, "meta") == 0)
            continue;
        int rc = radar_series(r, key, val, unit, only_default);
        if (rc)
            return rc;
    }
    return 0;
}

/* ---- the file --------------------------------------------------------------------------- */

static int is_ioda_series(json_object *o)
{
    return json_object_is_type(o, json_type_object) &&
           json_object_object_get(o, "datasource") && json_object_object_get(o, "values");
}

static int read_root(reader *r, json_object *root)
{
    json_object *data;
    if (json_object_is_type(root, json_type_array))
        return read_ioda(r, root, "");
    if (is_ioda_series(root)) {
        json_object *list = json_object_new_array();
        if (!list)
            return disrupt_error_nomem(r->err);
        json_object_array_add(list, json_object_get(root));
        int rc = read_ioda(r, list, "");
        json_object_put(list);
        return rc;
    }
    if (json_object_is_type(root, json_type_object) &&
        json_object_object_get_ex(root, "data", &data)) {
        json_object *e = json_object_object_get(root, "error");
        if (e && !json_object_is_type(e, json_type_null))
            return bad(r, "error", "null (the IODA API reports an error)", e);
        if (!json_object_is_type(data, json_type_array))
            return bad(r, "data", "an array of signal objects", data);
        return read_ioda(r, data, "data");
    }
    json_object *success;
    if (json_object_is_type(root, json_type_object) &&
        json_object_object_get_ex(root, "success", &success) &&
        json_object_is_type(success, json_type_boolean))
        return read_radar(r, root);
    char keys[160] = "";
    if (json_object_is_type(root, json_type_object)) {
        json_object_object_foreach(root, key, val)
        {
            (void)val;
            char shown[64];   /* keys are the file's text: shown as excerpts */
            disrupt_error_excerpt(shown, sizeof shown, key, strlen(key), 40);
            if (!disrupt_error_list_add(keys, sizeof keys, shown, strlen(shown)))
                break;   /* full: "…" said so */
        }
    }
    return disrupt_error_set(r->err, DISRUPT_EDATA,
                             "%s: expected IODA API v2 signals ({\"data\": [[{\"datasource\", "
                             "\"from\", \"step\", \"values\"}]]}) or a Cloudflare Radar time "
                             "series ({\"success\": true, \"result\": {\"serie_0\": …}}), found "
                             "%s%s%s",
                             r->where,
                             json_object_is_type(root, json_type_object) ? "an object with keys "
                                                                         : "JSON of another shape",
                             keys, "");
}

int disrupt_json_series_read(json_object *root, const char *path, const char *where,
                             int synthetic, disrupt_ingest_options *opt, disrupt_dataset *out,
                             disrupt_error *err)
{
    reader r = {path, where, synthetic, opt, out, err,
                opt->max_sparse_samples ? opt->max_sparse_samples
                                        : DISRUPT_INGEST_MAX_SPARSE_SAMPLES, 0};
    size_t start = out->count;
    int rc = read_root(&r, root);
    if (rc == 0 && out->count == start)
        rc = disrupt_error_set(err, DISRUPT_EDATA, "%s: expected %s, found %s", where,
                               r.found ? "signals for the chosen entity or signals, or values "
                                         "that are not all null"
                                       : "at least one signal",
                               r.found ? "none" : "no signal in the file");
    if (rc) {
        for (size_t i = start; i < out->count; i++)
            disrupt_series_free(out->series[i]);
        out->count = start;
    }
    return rc;
}
