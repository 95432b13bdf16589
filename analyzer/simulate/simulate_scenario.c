/* simulate_scenario.c — building and checking a simulation scenario (see simulate.h). */
#include "disrupt/simulate/simulate.h"

#include "disrupt/ingest/dialect.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

/* Grows *arr (of elements of size elem) to hold one more; 0 on success. */
static int grow(void **arr, size_t n, size_t elem)
{
    if (n >= SIZE_MAX / elem - 1)
        return -1;
    void *p = realloc(*arr, (n + 1) * elem);
    if (!p)
        return -1;
    *arr = p;
    return 0;
}

disrupt_sim_scenario *disrupt_sim_scenario_alloc(const char *name, int64_t start, int64_t end,
                                                 int64_t step, unsigned long seed)
{
    disrupt_sim_scenario *sc = calloc(1, sizeof *sc);
    if (!sc)
        return NULL;
    sc->name = strdup(name ? name : "scenario");
    if (!sc->name) {
        free(sc);
        return NULL;
    }
    sc->start = start;
    sc->end = end;
    sc->step = step;
    sc->seed = seed;
    sc->weekend_mask = (1u << 0) | (1u << 6);   /* Saturday and Sunday */
    return sc;
}

static void event_fini(disrupt_sim_event *e)
{
    for (size_t i = 0; i < e->ntargets; i++)
        free(e->targets[i]);
    free(e->targets);
    free(e->label);
}

void disrupt_sim_scenario_free(disrupt_sim_scenario *sc)
{
    if (!sc)
        return;
    for (size_t i = 0; i < sc->nsignals; i++) {
        free(sc->signals[i].name);
        free(sc->signals[i].id);
        free(sc->signals[i].file);
    }
    for (size_t i = 0; i < sc->nevents; i++)
        event_fini(&sc->events[i]);
    for (size_t i = 0; i < sc->nholidays; i++)
        free(sc->holidays[i].label);
    free(sc->signals);
    free(sc->events);
    free(sc->holidays);
    free(sc->name);
    free(sc->title);
    free(sc->command);
    free(sc);
}

int disrupt_sim_scenario_set_text(disrupt_sim_scenario *sc, const char *title,
                                  const char *command, disrupt_error *err)
{
    int failed = 0;
    char *t = dup_or_null(title, &failed);
    char *c = dup_or_null(command, &failed);
    if (failed) {
        free(t);
        free(c);
        return disrupt_error_nomem(err);
    }
    free(sc->title);
    free(sc->command);
    sc->title = t;
    sc->command = c;
    return DISRUPT_OK;
}

void disrupt_sim_signal_defaults(disrupt_sim_signal *s, disrupt_sim_signal_type type)
{
    memset(s, 0, sizeof *s);
    s->type = type;
    s->dialect = type == DISRUPT_SIM_OONI ? DISRUPT_SIM_OONI_CSV : DISRUPT_SIM_PLAIN;
    s->weekend_factor = 1;
    s->diurnal_ratio = 1;
    s->peak_hour = 21;
    s->decimals = 0;
    switch (type) {
    case DISRUPT_SIM_TRAFFIC:
        s->level = 100;
        s->diurnal_ratio = 3;
        s->weekend_factor = 0.92;
        s->trend = 0.08;
        s->noise = 0.05;
        s->outlier_rate = 0.001;
        s->gap_rate = 0.0004;
        s->decimals = 2;
        break;
    case DISRUPT_SIM_BGP:
        s->level = 2400;
        s->noise = 0.002;
        break;
    case DISRUPT_SIM_PROBING:
        s->level = 900;
        s->diurnal_ratio = 1.08;
        s->peak_hour = 14;
        s->noise = 0.01;
        break;
    case DISRUPT_SIM_THROUGHPUT:
        s->level = 20;
        s->diurnal_ratio = 1.3;   /* applied inverted: slowest at the evening peak */
        s->noise = 0.08;
        s->trend = 0.15;
        s->decimals = 2;
        break;
    case DISRUPT_SIM_OONI:
        s->level = 10;
        s->weekend_factor = 0.8;
        s->blocked_share = 0.02;
        break;
    }
}

int disrupt_sim_scenario_add_signal(disrupt_sim_scenario *sc, const disrupt_sim_signal *s,
                                    disrupt_error *err)
{
    if (grow((void **)&sc->signals, sc->nsignals, sizeof *sc->signals) != 0)
        return disrupt_error_nomem(err);
    disrupt_sim_signal *d = &sc->signals[sc->nsignals];
    *d = *s;
    int failed = 0;
    d->name = dup_or_null(s->name ? s->name : "value", &failed);
    d->file = dup_or_null(s->file ? s->file : "series.csv", &failed);
    /* Truth must name signals as the reader will: IODA titles are renamed on input. */
    d->id = d->name == NULL ? NULL
            : s->dialect == DISRUPT_SIM_IODA ? disrupt_dialect_ioda_name(d->name)
                                             : strdup(d->name);
    if (failed || !d->id) {
        free(d->name);
        free(d->id);
        free(d->file);
        return disrupt_error_nomem(err);
    }
    sc->nsignals++;
    return DISRUPT_OK;
}

void disrupt_sim_event_defaults(disrupt_sim_event *e, disrupt_sim_event_kind kind,
                                int64_t start, int64_t end)
{
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->start = start;
    e->end = end;
    e->depth = kind == DISRUPT_SIM_THROTTLING ? 0.4 : kind == DISRUPT_SIM_REGIONAL ? 1 : 0.97;
    e->share = kind == DISRUPT_SIM_REGIONAL ? 0.3 : 1;
    e->blocked_share = 0.9;
}

int disrupt_sim_scenario_add_event(disrupt_sim_scenario *sc, const disrupt_sim_event *e,
                                   disrupt_error *err)
{
    if (grow((void **)&sc->events, sc->nevents, sizeof *sc->events) != 0)
        return disrupt_error_nomem(err);
    disrupt_sim_event *d = &sc->events[sc->nevents];
    *d = *e;
    d->targets = NULL;
    d->ntargets = 0;
    int failed = 0;
    d->label = dup_or_null(e->label, &failed);
    if (!failed && e->ntargets) {
        d->targets = calloc(e->ntargets, sizeof *d->targets);
        failed = d->targets == NULL;
        for (size_t i = 0; !failed && i < e->ntargets; i++, d->ntargets++)
            d->targets[i] = dup_or_null(e->targets[i], &failed);
    }
    if (failed) {
        event_fini(d);
        return disrupt_error_nomem(err);
    }
    sc->nevents++;
    return DISRUPT_OK;
}

int disrupt_sim_scenario_add_holiday(disrupt_sim_scenario *sc, int64_t start, int64_t end,
                                     double factor, const char *label, disrupt_error *err)
{
    if (grow((void **)&sc->holidays, sc->nholidays, sizeof *sc->holidays) != 0)
        return disrupt_error_nomem(err);
    int failed = 0;
    disrupt_sim_holiday *h = &sc->holidays[sc->nholidays];
    h->start = start;
    h->end = end;
    h->factor = factor;
    h->label = dup_or_null(label, &failed);
    if (failed)
        return disrupt_error_nomem(err);
    sc->nholidays++;
    return DISRUPT_OK;
}

static int find_signal(const disrupt_sim_scenario *sc, const char *name)
{
    for (size_t i = 0; i < sc->nsignals; i++)
        if (strcmp(sc->signals[i].name, name) == 0)
            return (int)i;
    return -1;
}

/* The file name must stay inside the output folder. */
static int file_name_ok(const char *f)
{
    return f[0] && f[0] != '.' && !strchr(f, '/') && !strchr(f, '\\') &&
           strcmp(f, "truth.json") != 0 && strcmp(f, "meta.json") != 0;
}

typedef struct {
    const char *field;
    double value, lo, hi;
    int lo_closed, hi_closed;
} range_check;

/* The first value out of its interval, as "WHAT: FIELD must be in [LO, HI), found V". */
static int check_ranges(const range_check *c, size_t n, const char *what, disrupt_error *err)
{
    for (size_t i = 0; i < n; i++) {
        double v = c[i].value;
        int ok = (c[i].lo_closed ? v >= c[i].lo : v > c[i].lo) &&
                 (c[i].hi_closed ? v <= c[i].hi : v < c[i].hi);
        if (!ok)
            return disrupt_error_set(err, DISRUPT_EINVAL, "%s: %s must be in %c%g, %g%c, found %g",
                                     what, c[i].field, c[i].lo_closed ? '[' : '(', c[i].lo,
                                     c[i].hi, c[i].hi_closed ? ']' : ')', v);
    }
    return DISRUPT_OK;
}

static int validate_signal(const disrupt_sim_scenario *sc, size_t i, disrupt_error *err)
{
    const disrupt_sim_signal *s = &sc->signals[i];
    if (!s->name[0] || strpbrk(s->name, ",\"\n\r"))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "signal %zu: a name must be non-empty without commas, quotes "
                                 "or line breaks, found '%s'", i + 1, s->name);
    if (find_signal(sc, s->name) != (int)i)
        return disrupt_error_set(err, DISRUPT_EINVAL, "signal '%s' is defined twice", s->name);
    for (size_t j = 0; j < i; j++)
        if (strcmp(sc->signals[j].id, s->id) == 0)
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "signals '%s' and '%s' would both be read as '%s'",
                                     sc->signals[j].name, s->name, s->id);
    if (!file_name_ok(s->file))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "signal '%s': file '%s' must be a plain file name other "
                                 "than truth.json and meta.json", s->name,
                                 s->file);
    const range_check checks[] = {
        /* OONI counts are drawn as binomials of at most 2^32 trials a day. */
        {"level", s->level, 0, s->type == DISRUPT_SIM_OONI ? 1e6 : 1e12, 0, 1},
        {"diurnal_ratio", s->diurnal_ratio, 1, 100, 1, 1},
        {"peak_hour", s->peak_hour, 0, 24, 1, 0},
        {"weekend_factor", s->weekend_factor, 0, 10, 0, 1},
        {"trend", s->trend, -1, 10, 0, 0},
        {"noise", s->noise, 0, 2, 1, 0},
        {"outlier_rate", s->outlier_rate, 0, 1, 1, 0},
        {"gap_rate", s->gap_rate, 0, 1, 1, 0},
        {"blocked_share", s->blocked_share, 0, 1, 1, 1},
        {"decimals", s->decimals, 0, 9, 1, 1},
    };
    char what[320];
    snprintf(what, sizeof what, "signal '%s'", s->name);
    int rc = check_ranges(checks, sizeof checks / sizeof checks[0], what, err);
    if (rc)
        return rc;
    if ((s->type == DISRUPT_SIM_OONI) != (s->dialect == DISRUPT_SIM_OONI_CSV))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "signal '%s': OONI counts go in the ooni dialect, and only they",
                                 s->name);
    for (size_t j = 0; j < i; j++) {
        const disrupt_sim_signal *o = &sc->signals[j];
        if (strcmp(o->file, s->file) != 0)
            continue;
        if (o->dialect != s->dialect || s->dialect == DISRUPT_SIM_OONI_CSV)
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "signals '%s' and '%s' share file '%s' but not one "
                                     "plain or IODA table", o->name, s->name, s->file);
    }
    return DISRUPT_OK;
}

static int validate_event(const disrupt_sim_scenario *sc, size_t i, disrupt_error *err)
{
    const disrupt_sim_event *e = &sc->events[i];
    const char *kind = disrupt_sim_event_kind_name(e->kind);
    if (!(e->end > e->start))
        return disrupt_error_set(err, DISRUPT_EINVAL, "event %zu (%s): end must be after start",
                                 i + 1, kind);
    const range_check checks[] = {
        {"depth", e->depth, 0, 1, 1, 1},
        {"share", e->share, 0, 1, 0, 1},
        {"ramp", (double)e->ramp, 0, 1e15, 1, 1},
        {"blocked_share", e->blocked_share, 0, 1, 1, 1},
    };
    char what[64];
    snprintf(what, sizeof what, "event %zu (%s)", i + 1, kind);
    int rc = check_ranges(checks, sizeof checks / sizeof checks[0], what, err);
    if (rc)
        return rc;
    if (e->kind == DISRUPT_SIM_NIGHTLY &&
        (e->daily_start < 0 || e->daily_start >= 86400 || e->daily_length <= 0 ||
         e->daily_length >= 86400))
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "event %zu (nightly): expected a daily start in [00:00, 24:00) "
                                 "and a length between 0 and 24 hours", i + 1);
    for (size_t t = 0; t < e->ntargets; t++) {
        int s = find_signal(sc, e->targets[t]);
        if (s < 0)
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "event %zu (%s): target '%s' is not a signal of the scenario",
                                     i + 1, kind, e->targets[t]);
        if (!disrupt_sim_event_affects(sc, e, (size_t)s))
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "event %zu (%s): a %s event does not act on '%s' (a %s "
                                     "signal)", i + 1, kind, kind, e->targets[t],
                                     disrupt_sim_signal_type_name(sc->signals[s].type));
    }
    return DISRUPT_OK;
}

int disrupt_sim_scenario_validate(const disrupt_sim_scenario *sc, disrupt_error *err)
{
    if (sc->step <= 0 || sc->step > 7 * 86400)
        return disrupt_error_set(err, DISRUPT_EINVAL, "step must be between 1 second and 1 week");
    if (!(sc->end > sc->start))
        return disrupt_error_set(err, DISRUPT_EINVAL, "end must be after start");
    if ((sc->end - sc->start) / sc->step > 20000000)
        return disrupt_error_set(err, DISRUPT_EINVAL,
                                 "more than 20 million samples per signal; use a coarser step");
    if (sc->utc_offset < -14 * 3600 || sc->utc_offset > 14 * 3600)
        return disrupt_error_set(err, DISRUPT_EINVAL, "utc_offset must be within +/-14:00");
    if (sc->nsignals == 0)
        return disrupt_error_set(err, DISRUPT_EINVAL, "a scenario needs at least one signal");
    for (size_t i = 0; i < sc->nsignals; i++) {
        int rc = validate_signal(sc, i, err);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < sc->nevents; i++) {
        int rc = validate_event(sc, i, err);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < sc->nholidays; i++)
        if (!(sc->holidays[i].end > sc->holidays[i].start) || !(sc->holidays[i].factor > 0))
            return disrupt_error_set(err, DISRUPT_EINVAL,
                                     "holiday %zu: expected end after start and factor > 0", i + 1);
    return DISRUPT_OK;
}

const char *disrupt_sim_signal_type_name(disrupt_sim_signal_type t)
{
    static const char *const names[] = {"traffic", "bgp", "probing", "throughput", "ooni"};
    return (unsigned)t < 5 ? names[t] : "?";
}

const char *disrupt_sim_event_kind_name(disrupt_sim_event_kind k)
{
    static const char *const names[] = {"shutdown", "throttling", "blocking", "nightly",
                                        "regional"};
    return (unsigned)k < 5 ? names[k] : "?";
}

const char *disrupt_sim_dialect_name(disrupt_sim_dialect d)
{
    static const char *const names[] = {"plain", "ioda", "ooni"};
    return (unsigned)d < 3 ? names[d] : "?";
}
