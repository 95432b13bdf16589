/* simulate_spec.c — a simulation scenario described in JSON (`disrupt simulate --spec`).
 *
 *   {"name": "my-case", "title": "…", "start": "2021-01-01", "end": "2021-03-01T00:00:00Z",
 *    "step": "1h", "seed": 7, "utc_offset": "+04:00", "weekend": ["sat", "sun"],
 *    "signals": [{"name": "traffic", "type": "traffic|bgp|probing|throughput|ooni",
 *                 "file": "traffic.csv", "dialect": "plain|ioda|ooni", "level": 100,
 *                 "diurnal_ratio": 3, "peak_hour": 21, "weekend_factor": 0.92, "trend": 0.08,
 *                 "noise": 0.05, "outlier_rate": 0.001, "gap_rate": 0.0004,
 *                 "blocked_share": 0.02, "decimals": 2}],
 *    "holidays": [{"start": "…", "end": "…", "factor": 0.85, "label": "…"}],
 *    "events": [{"kind": "shutdown|throttling|blocking|nightly|regional", "start": "…",
 *                "end": "…", "depth": 0.4, "share": 1, "ramp": "6h", "blocked_share": 0.9,
 *                "daily_start": "18:30", "daily_length": "8h", "targets": ["traffic"],
 *                "label": "…"}]}
 *
 * Only name, start, end, step and signals are required; a signal needs name and type, an
 * event kind, start and end; everything else takes the defaults of simulate.h. Times are
 * UTC ("YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][Z]"); durations are seconds or "90s", "5m",
 * "1h", "2d", "1w". Unknown fields are errors (a typo must not pass silently). Errors name
 * the file and the place: "spec.json:3:14: …" for syntax, "spec.json: events[1].depth: …"
 * for values. json-c parses; it owns nothing after the scenario is built. */
#include "disrupt/simulate/simulate.h"

#include <errno.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"
#include "disrupt/ingest/jsonread.h"

/* A scenario is a page of JSON; a file far larger is not one. */
#define SPEC_MAX_BYTES ((size_t)16 << 20)

typedef struct {
    const char *path;
    disrupt_error *err;
    char where[96];   /* JSON place of the value being read, e.g. "events[2]" */
} spec_ctx;

static int bad(spec_ctx *c, const char *key, const char *expected, json_object *found)
{
    char excerpt[64];
    const char *text = found ? json_object_to_json_string(found) : "nothing";
    disrupt_error_excerpt(excerpt, sizeof excerpt, text, strlen(text), 40);
    const char *dot = c->where[0] && key ? "." : "";
    const char *sep = c->where[0] || key ? ": " : "";
    return disrupt_error_set(c->err, DISRUPT_EDATA, "%s: %s%s%s%sexpected %s, found %s", c->path,
                             c->where, dot, key ? key : "", sep, expected, excerpt);
}

static int check_fields(spec_ctx *c, json_object *obj, const char *const *allowed)
{
    json_object_object_foreach(obj, key, val) {
        (void)val;
        int known = 0;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strcmp(*a, key) == 0;
        if (!known) {
            char excerpt[64];
            disrupt_error_excerpt(excerpt, sizeof excerpt, key, strlen(key), 40);
            return disrupt_error_set(c->err, DISRUPT_EDATA, "%s: %s%sunknown field '%s'",
                                     c->path, c->where, c->where[0] ? ": " : "", excerpt);
        }
    }
    return DISRUPT_OK;
}

static int get_number(spec_ctx *c, json_object *obj, const char *key, double *out)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, key, &v))
        return DISRUPT_OK;   /* keep the default */
    if (!json_object_is_type(v, json_type_double) && !json_object_is_type(v, json_type_int))
        return bad(c, key, "a number", v);
    *out = json_object_get_double(v);
    return DISRUPT_OK;
}

static int get_string(spec_ctx *c, json_object *obj, const char *key, int required,
                      const char **out)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, key, &v))
        return required ? bad(c, key, "a string", NULL) : DISRUPT_OK;
    if (!json_object_is_type(v, json_type_string))
        return bad(c, key, "a string", v);
    /* Names become folder and file names and chart text: no control characters. */
    size_t at;
    const char *why;
    if (disrupt_text_check(json_object_get_string(v), (size_t)json_object_get_string_len(v),
                           &at, &why))
        return bad(c, key, "text without control characters", v);
    *out = json_object_get_string(v);
    return DISRUPT_OK;
}

/* "YYYY-MM-DD" or "YYYY-MM-DD[T ]HH:MM[:SS][Z]", UTC. */
static int parse_time(const char *s, int64_t *out)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    size_t len = strlen(s);
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
        return -1;
    if (len > 10) {
        int m = 0;
        if ((s[10] != 'T' && s[10] != ' ') || sscanf(s + 11, "%2d:%2d%n", &h, &mi, &m) != 2 ||
            m != 5)
            return -1;
        const char *rest = s + 16;
        if (rest[0] == ':') {
            if (sscanf(rest + 1, "%2d%n", &sec, &m) != 1 || m != 2)
                return -1;
            rest += 3;
        }
        if (strcmp(rest, "Z") != 0 && rest[0] != '\0')
            return -1;
    }
    static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in[mo - 1] + (mo == 2 && leap) || h > 23 ||
        mi > 59 || sec > 59 || h < 0 || mi < 0 || sec < 0)
        return -1;
    *out = disrupt_time_from_civil(y, mo, d, h, mi, sec);
    return 0;
}

static int get_time(spec_ctx *c, json_object *obj, const char *key, int required, int64_t *out)
{
    const char *s = NULL;
    int rc = get_string(c, obj, key, required, &s);
    if (rc || !s)
        return rc;
    json_object *v = NULL;
    json_object_object_get_ex(obj, key, &v);
    if (parse_time(s, out) != 0)
        return bad(c, key, "a UTC time such as \"2020-09-27\" or \"2020-09-27T00:00:00Z\"", v);
    return DISRUPT_OK;
}

/* Seconds, or "90s", "5m", "1h", "2d", "1w"; "HH:MM" when clock is set. */
static int get_duration(spec_ctx *c, json_object *obj, const char *key, int clock, int64_t *out)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, key, &v))
        return DISRUPT_OK;
    if (json_object_is_type(v, json_type_int) && json_object_get_int64(v) >= 0) {
        *out = json_object_get_int64(v);
        return DISRUPT_OK;
    }
    const char *expected = clock ? "a time of day \"HH:MM\" or seconds"
                                 : "a duration in seconds or like \"90s\", \"5m\", \"1h\", \"2d\"";
    if (!json_object_is_type(v, json_type_string))
        return bad(c, key, expected, v);
    const char *s = json_object_get_string(v);
    int h, m, n = 0;
    if (clock) {
        if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || s[n] || h < 0 || h > 23 || m < 0 || m > 59)
            return bad(c, key, expected, v);
        *out = (int64_t)h * 3600 + m * 60;
        return DISRUPT_OK;
    }
    char *end = NULL;
    errno = 0;
    long long q = strtoll(s, &end, 10);
    static const char units[] = "smhdw";
    static const int64_t seconds[] = {1, 60, 3600, 86400, 604800};
    const char *u = end && *end && !end[1] ? strchr(units, *end) : NULL;
    if (end == s || errno || q < 0 || q > 100000000LL || (*end && !u))
        return bad(c, key, expected, v);
    *out = q * (u ? seconds[u - units] : 1);
    return DISRUPT_OK;
}

static int lookup(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

static int get_enum(spec_ctx *c, json_object *obj, const char *key, const char *const *names,
                    const char *expected, int required, int *out)
{
    const char *s = NULL;
    int rc = get_string(c, obj, key, required, &s);
    if (rc || !s)
        return rc;
    int i = lookup(names, s);
    if (i < 0) {
        json_object *v = NULL;
        json_object_object_get_ex(obj, key, &v);
        return bad(c, key, expected, v);
    }
    *out = i;
    return DISRUPT_OK;
}

static const char *const signal_fields[] = {
    "name", "type", "file", "dialect", "level", "diurnal_ratio", "peak_hour", "weekend_factor",
    "trend", "noise", "outlier_rate", "gap_rate", "blocked_share", "decimals", NULL};
static const char *const type_names[] = {"traffic", "bgp", "probing", "throughput", "ooni", NULL};
static const char *const dialect_names[] = {"plain", "ioda", "ooni", NULL};

static int read_signal(spec_ctx *c, json_object *obj, disrupt_sim_scenario *sc)
{
    int type = 0, dialect = -1;
    const char *name = NULL, *file = NULL;
    int rc = check_fields(c, obj, signal_fields);
    rc = rc ? rc : get_string(c, obj, "name", 1, &name);
    rc = rc ? rc : get_enum(c, obj, "type", type_names,
                            "one of traffic, bgp, probing, throughput, ooni", 1, &type);
    if (rc)
        return rc;
    disrupt_sim_signal s;
    disrupt_sim_signal_defaults(&s, (disrupt_sim_signal_type)type);
    double decimals = s.decimals;
    rc = rc ? rc : get_string(c, obj, "file", 0, &file);
    rc = rc ? rc : get_enum(c, obj, "dialect", dialect_names, "one of plain, ioda, ooni", 0, &dialect);
    rc = rc ? rc : get_number(c, obj, "level", &s.level);
    rc = rc ? rc : get_number(c, obj, "diurnal_ratio", &s.diurnal_ratio);
    rc = rc ? rc : get_number(c, obj, "peak_hour", &s.peak_hour);
    rc = rc ? rc : get_number(c, obj, "weekend_factor", &s.weekend_factor);
    rc = rc ? rc : get_number(c, obj, "trend", &s.trend);
    rc = rc ? rc : get_number(c, obj, "noise", &s.noise);
    rc = rc ? rc : get_number(c, obj, "outlier_rate", &s.outlier_rate);
    rc = rc ? rc : get_number(c, obj, "gap_rate", &s.gap_rate);
    rc = rc ? rc : get_number(c, obj, "blocked_share", &s.blocked_share);
    rc = rc ? rc : get_number(c, obj, "decimals", &decimals);
    if (rc)
        return rc;
    if (!(decimals >= 0 && decimals <= 9) || decimals != floor(decimals))
        return bad(c, "decimals", "a whole number from 0 to 9",
                   json_object_object_get(obj, "decimals"));
    s.decimals = (int)decimals;
    if (dialect >= 0)
        s.dialect = (disrupt_sim_dialect)dialect;
    s.name = (char *)name;
    char *default_file = NULL;
    if (!file) {
        /* One file per OONI domain, named after it; level signals share series.csv. */
        size_t len = strlen(name) + 5;
        default_file = malloc(len);
        if (!default_file)
            return disrupt_error_nomem(c->err);
        snprintf(default_file, len, "%s.csv", name);
        file = type == DISRUPT_SIM_OONI ? default_file : "series.csv";
    }
    s.file = (char *)file;
    rc = disrupt_sim_scenario_add_signal(sc, &s, c->err);
    free(default_file);
    return rc;
}

static const char *const event_fields[] = {
    "kind", "start", "end", "depth", "share", "ramp", "blocked_share", "daily_start",
    "daily_length", "targets", "label", NULL};
static const char *const kind_names[] = {"shutdown", "throttling", "blocking", "nightly",
                                         "regional", NULL};

static int read_targets(spec_ctx *c, json_object *obj, disrupt_sim_event *e)
{
    json_object *v;
    if (!json_object_object_get_ex(obj, "targets", &v))
        return DISRUPT_OK;
    if (!json_object_is_type(v, json_type_array))
        return bad(c, "targets", "an array of signal names", v);
    size_t n = json_object_array_length(v);
    e->targets = calloc(n ? n : 1, sizeof *e->targets);
    if (!e->targets)
        return disrupt_error_nomem(c->err);
    for (size_t i = 0; i < n; i++) {
        json_object *t = json_object_array_get_idx(v, i);
        size_t at;
        const char *why;
        if (!json_object_is_type(t, json_type_string) ||
            disrupt_text_check(json_object_get_string(t), (size_t)json_object_get_string_len(t),
                               &at, &why))
            return bad(c, "targets", "an array of signal names", v);
        e->targets[e->ntargets++] = (char *)json_object_get_string(t);
    }
    return DISRUPT_OK;
}

static int read_event(spec_ctx *c, json_object *obj, disrupt_sim_scenario *sc)
{
    int kind = 0;
    int64_t start = 0, end = 0;
    int rc = check_fields(c, obj, event_fields);
    rc = rc ? rc : get_enum(c, obj, "kind", kind_names,
                            "one of shutdown, throttling, blocking, nightly, regional", 1, &kind);
    rc = rc ? rc : get_time(c, obj, "start", 1, &start);
    rc = rc ? rc : get_time(c, obj, "end", 1, &end);
    if (rc)
        return rc;
    disrupt_sim_event e;
    disrupt_sim_event_defaults(&e, (disrupt_sim_event_kind)kind, start, end);
    const char *label = NULL;
    rc = get_number(c, obj, "depth", &e.depth);
    rc = rc ? rc : get_number(c, obj, "share", &e.share);
    rc = rc ? rc : get_duration(c, obj, "ramp", 0, &e.ramp);
    rc = rc ? rc : get_number(c, obj, "blocked_share", &e.blocked_share);
    rc = rc ? rc : get_duration(c, obj, "daily_start", 1, &e.daily_start);
    rc = rc ? rc : get_duration(c, obj, "daily_length", 0, &e.daily_length);
    rc = rc ? rc : get_string(c, obj, "label", 0, &label);
    rc = rc ? rc : read_targets(c, obj, &e);
    e.label = (char *)label;
    rc = rc ? rc : disrupt_sim_scenario_add_event(sc, &e, c->err);
    free(e.targets);   /* the strings belong to json-c; the scenario copied them */
    return rc;
}

static const char *const holiday_fields[] = {"start", "end", "factor", "label", NULL};

static int read_holiday(spec_ctx *c, json_object *obj, disrupt_sim_scenario *sc)
{
    int64_t start = 0, end = 0;
    double factor = 0.9;
    const char *label = NULL;
    int rc = check_fields(c, obj, holiday_fields);
    rc = rc ? rc : get_time(c, obj, "start", 1, &start);
    rc = rc ? rc : get_time(c, obj, "end", 1, &end);
    rc = rc ? rc : get_number(c, obj, "factor", &factor);
    rc = rc ? rc : get_string(c, obj, "label", 0, &label);
    return rc ? rc : disrupt_sim_scenario_add_holiday(sc, start, end, factor, label, c->err);
}

typedef int (*item_reader)(spec_ctx *c, json_object *obj, disrupt_sim_scenario *sc);

static int read_list(spec_ctx *c, json_object *root, const char *key, int required,
                     item_reader read, disrupt_sim_scenario *sc)
{
    json_object *v;
    if (!json_object_object_get_ex(root, key, &v))
        return required ? bad(c, key, "an array of objects", NULL) : DISRUPT_OK;
    if (!json_object_is_type(v, json_type_array))
        return bad(c, key, "an array of objects", v);
    for (size_t i = 0; i < json_object_array_length(v); i++) {
        json_object *item = json_object_array_get_idx(v, i);
        snprintf(c->where, sizeof c->where, "%s[%zu]", key, i);
        if (!json_object_is_type(item, json_type_object))
            return bad(c, NULL, "an object", item);
        int rc = read(c, item, sc);
        if (rc)
            return rc;
    }
    c->where[0] = '\0';
    return DISRUPT_OK;
}

static int read_offset(spec_ctx *c, json_object *root, long *out)
{
    const char *s = NULL;
    int rc = get_string(c, root, "utc_offset", 0, &s);
    if (rc || !s)
        return rc;
    int h, m, n = 0;
    if ((s[0] != '+' && s[0] != '-') || sscanf(s + 1, "%2d:%2d%n", &h, &m, &n) != 2 || s[1 + n] ||
        m > 59 || h > 14)
        return bad(c, "utc_offset", "an offset such as \"+04:00\"",
                   json_object_object_get(root, "utc_offset"));
    *out = (s[0] == '-' ? -1 : 1) * (h * 3600L + m * 60L);
    return DISRUPT_OK;
}

static int read_weekend(spec_ctx *c, json_object *root, unsigned *mask)
{
    static const char *const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", NULL};
    json_object *v;
    if (!json_object_object_get_ex(root, "weekend", &v))
        return DISRUPT_OK;
    const char *expected = "an array of days such as [\"sat\", \"sun\"]";
    if (!json_object_is_type(v, json_type_array))
        return bad(c, "weekend", expected, v);
    *mask = 0;
    for (size_t i = 0; i < json_object_array_length(v); i++) {
        json_object *d = json_object_array_get_idx(v, i);
        int k = json_object_is_type(d, json_type_string) ? lookup(days, json_object_get_string(d)) : -1;
        if (k < 0)
            return bad(c, "weekend", expected, v);
        *mask |= 1u << k;
    }
    return DISRUPT_OK;
}

static const char *const root_fields[] = {"name", "title", "start", "end", "step", "seed",
                                          "utc_offset", "weekend", "signals", "holidays",
                                          "events", NULL};

static int build(spec_ctx *c, json_object *root, unsigned long seed, int seed_given,
                 disrupt_sim_scenario **out)
{
    if (!json_object_is_type(root, json_type_object))
        return bad(c, NULL, "a JSON object describing a scenario", root);
    const char *name = NULL, *title = NULL;
    int64_t start = 0, end = 0, step = 0;
    double spec_seed = 1;
    int rc = check_fields(c, root, root_fields);
    rc = rc ? rc : get_string(c, root, "name", 1, &name);
    rc = rc ? rc : get_string(c, root, "title", 0, &title);
    rc = rc ? rc : get_time(c, root, "start", 1, &start);
    rc = rc ? rc : get_time(c, root, "end", 1, &end);
    rc = rc ? rc : get_duration(c, root, "step", 0, &step);
    rc = rc ? rc : get_number(c, root, "seed", &spec_seed);
    if (rc)
        return rc;
    if (!json_object_object_get_ex(root, "step", NULL))
        return bad(c, "step", "a duration such as \"1h\"", NULL);
    if (spec_seed < 1 || spec_seed > 4294967295.0 || spec_seed != (double)(unsigned long)spec_seed)
        return bad(c, "seed", "a whole number from 1 to 4294967295",
                   json_object_object_get(root, "seed"));
    if (!seed_given)
        seed = (unsigned long)spec_seed;
    disrupt_sim_scenario *sc = disrupt_sim_scenario_alloc(name, start, end, step, seed);
    if (!sc)
        return disrupt_error_nomem(c->err);
    size_t len = strlen(c->path) + 64;
    char *command = malloc(len);
    if (!command) {
        disrupt_sim_scenario_free(sc);
        return disrupt_error_nomem(c->err);
    }
    snprintf(command, len, "disrupt simulate --spec %s --seed %lu", c->path, seed);
    rc = disrupt_sim_scenario_set_text(sc, title, command, c->err);
    free(command);
    rc = rc ? rc : read_offset(c, root, &sc->utc_offset);
    rc = rc ? rc : read_weekend(c, root, &sc->weekend_mask);
    rc = rc ? rc : read_list(c, root, "signals", 1, read_signal, sc);
    rc = rc ? rc : read_list(c, root, "holidays", 0, read_holiday, sc);
    rc = rc ? rc : read_list(c, root, "events", 0, read_event, sc);
    if (!rc && (rc = disrupt_sim_scenario_validate(sc, c->err))) {
        /* Say which file the scenario came from. */
        char message[sizeof c->err->message];
        snprintf(message, sizeof message, "%s", c->err->message);
        disrupt_error_set(c->err, rc, "%s: %s", c->path, message);
    }
    if (rc) {
        disrupt_sim_scenario_free(sc);
        return rc;
    }
    *out = sc;
    return DISRUPT_OK;
}

/* Builds the scenario of a parsed document; name is the file in messages. */
static int from_root(json_object *root, const char *name, unsigned long seed, int seed_given,
                     disrupt_sim_scenario **out, disrupt_error *err)
{
    spec_ctx c = {name, err, ""};
    int rc = build(&c, root, seed, seed_given, out);
    json_object_put(root);
    return rc;
}

int disrupt_sim_scenario_from_json(const char *path, unsigned long seed, int seed_given,
                                   disrupt_sim_scenario **out, disrupt_error *err)
{
    *out = NULL;
    json_object *root = NULL;
    int rc = disrupt_json_read(path, SPEC_MAX_BYTES, &root, err);
    return rc ? rc : from_root(root, path, seed, seed_given, out, err);
}

int disrupt_sim_scenario_from_json_stream(FILE *stream, const char *name, unsigned long seed,
                                          int seed_given, disrupt_sim_scenario **out,
                                          disrupt_error *err)
{
    *out = NULL;
    json_object *root = NULL;
    int rc = disrupt_json_read_stream(stream, name, SPEC_MAX_BYTES, &root, err);
    return rc ? rc : from_root(root, name, seed, seed_given, out, err);
}
