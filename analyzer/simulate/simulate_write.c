/* simulate_write.c — writing a simulated scenario: every data file in its dialect, then
 * truth.json (the injected windows) and meta.json (signals, units, clock, generator), all
 * through disrupt_outfile so a failed run never leaves half a file behind. */
#include "disrupt/simulate/simulate.h"

#include <stdlib.h>
#include <string.h>

#include "disrupt/core/jsonw.h"
#include "disrupt/core/outfile.h"
#include "simulate_internal.h"

static char *join_path(const char *dir, const char *file, disrupt_error *err)
{
    size_t a = strlen(dir), b = strlen(file);
    char *p = malloc(a + b + 2);
    if (!p) {
        disrupt_error_nomem(err);
        return NULL;
    }
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, file, b + 1);
    return p;
}

static const char *unit_of(disrupt_sim_signal_type t)
{
    switch (t) {
    case DISRUPT_SIM_TRAFFIC: return "traffic volume, synthetic units (compare with the series' own normal level)";
    case DISRUPT_SIM_BGP: return "visible /24 prefixes";
    case DISRUPT_SIM_PROBING: return "/24 blocks answering active probes";
    case DISRUPT_SIM_THROUGHPUT: return "Mbit/s (median download throughput)";
    case DISRUPT_SIM_OONI: return "OONI measurements per day";
    }
    return "";
}

static void write_offset(disrupt_jsonw *w, long off)
{
    char buf[32];
    long a = off < 0 ? -off : off;
    snprintf(buf, sizeof buf, "%c%02ld:%02ld", off < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
    disrupt_jsonw_string(w, buf);
}

static size_t missing_of(const disrupt_sim_series *s)
{
    size_t m = 0;
    for (size_t k = 0; s->values && k < s->n; k++)
        m += s->values[k] != s->values[k];
    return m;
}

static void write_signal_meta(disrupt_jsonw *w, const disrupt_sim_scenario *sc,
                              const disrupt_sim_output *out, size_t i)
{
    const disrupt_sim_signal *s = &sc->signals[i];
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "name");
    disrupt_jsonw_string(w, s->name);
    disrupt_jsonw_key(w, "read_as");
    disrupt_jsonw_string(w, s->id);
    disrupt_jsonw_key(w, "type");
    disrupt_jsonw_string(w, disrupt_sim_signal_type_name(s->type));
    disrupt_jsonw_key(w, "unit");
    disrupt_jsonw_string(w, unit_of(s->type));
    disrupt_jsonw_key(w, "step_seconds");
    disrupt_jsonw_integer(w, out->series[i].step);
    disrupt_jsonw_key(w, "points");
    disrupt_jsonw_integer(w, (long long)out->series[i].n);
    disrupt_jsonw_key(w, "missing");
    disrupt_jsonw_integer(w, (long long)missing_of(&out->series[i]));
    disrupt_jsonw_object_end(w);
}

/* Index of the first signal written to the same file as signal i. */
static size_t file_owner(const disrupt_sim_scenario *sc, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(sc->signals[j].file, sc->signals[i].file) == 0)
            return j;
    return i;
}

static void write_files_meta(disrupt_jsonw *w, const disrupt_sim_scenario *sc,
                             const disrupt_sim_output *out)
{
    disrupt_jsonw_key(w, "files");
    disrupt_jsonw_array_begin(w);
    for (size_t i = 0; i < sc->nsignals; i++) {
        if (file_owner(sc, i) != i)
            continue;
        disrupt_jsonw_object_begin(w);
        disrupt_jsonw_key(w, "file");
        disrupt_jsonw_string(w, sc->signals[i].file);
        disrupt_jsonw_key(w, "dialect");
        disrupt_jsonw_string(w, disrupt_sim_dialect_name(sc->signals[i].dialect));
        disrupt_jsonw_key(w, "signals");
        disrupt_jsonw_array_begin(w);
        for (size_t j = i; j < sc->nsignals; j++)
            if (file_owner(sc, j) == i)
                write_signal_meta(w, sc, out, j);
        disrupt_jsonw_array_end(w);
        disrupt_jsonw_object_end(w);
    }
    disrupt_jsonw_array_end(w);
}

static void write_generator(disrupt_jsonw *w, const disrupt_sim_scenario *sc)
{
    disrupt_jsonw_key(w, "generator");
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "command");
    disrupt_jsonw_string(w, sc->command ? sc->command : DISRUPT_SIM_DEFAULT_COMMAND);
    disrupt_jsonw_key(w, "seed");
    disrupt_jsonw_integer(w, (long long)sc->seed);
    disrupt_jsonw_key(w, "rng");
    disrupt_jsonw_string(w, "gsl_rng_mt19937");
    disrupt_jsonw_object_end(w);
}

/* One JSON document, atomically: body writes the members of the top-level object. */
typedef void (*json_body)(disrupt_jsonw *w, const disrupt_sim_scenario *sc, const void *data);

static int write_json(const char *path, json_body body, const disrupt_sim_scenario *sc,
                      const void *data, disrupt_error *err)
{
    disrupt_outfile f;
    int rc = disrupt_outfile_open(&f, path, err);
    if (rc)
        return rc;
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, f.fp);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_key(&w, "synthetic");
    disrupt_jsonw_bool(&w, 1);
    body(&w, sc, data);
    disrupt_jsonw_object_end(&w);
    disrupt_jsonw_finish(&w);
    return disrupt_outfile_commit(&f, err);
}

static void meta_body(disrupt_jsonw *w, const disrupt_sim_scenario *sc, const void *data)
{
    const disrupt_sim_output *out = data;
    disrupt_jsonw_key(w, "name");
    disrupt_jsonw_string(w, sc->name);
    disrupt_jsonw_key(w, "title");
    disrupt_jsonw_string(w, sc->title ? sc->title : sc->name);
    disrupt_jsonw_key(w, "note");
    disrupt_jsonw_string(w, "SYNTHETIC series from disrupt simulate, modelled on documented "
                             "events; not a measurement. truth.json lists the injected windows.");
    write_generator(w, sc);
    disrupt_jsonw_key(w, "time_zone");
    disrupt_jsonw_string(w, "UTC");
    disrupt_jsonw_key(w, "local_utc_offset");
    write_offset(w, sc->utc_offset);
    disrupt_jsonw_key(w, "start");
    disrupt_jsonw_time(w, sc->start);
    disrupt_jsonw_key(w, "end");
    disrupt_jsonw_time(w, sc->end);
    disrupt_jsonw_key(w, "step_seconds");
    disrupt_jsonw_integer(w, sc->step);
    write_files_meta(w, sc, out);
    disrupt_jsonw_key(w, "truth");
    disrupt_jsonw_string(w, "truth.json");
}

int disrupt_sim_write_meta(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                           const char *path, disrupt_error *err)
{
    return write_json(path, meta_body, sc, out, err);
}

static void write_window(disrupt_jsonw *w, const disrupt_sim_window *win)
{
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "signal");
    disrupt_jsonw_string(w, win->signal);
    disrupt_jsonw_key(w, "kind");
    disrupt_jsonw_string(w, win->kind);
    disrupt_jsonw_key(w, "event");
    disrupt_jsonw_string(w, win->event);
    disrupt_jsonw_key(w, "start");
    disrupt_jsonw_time(w, win->start);
    disrupt_jsonw_key(w, "end");
    disrupt_jsonw_time(w, win->end);
    disrupt_jsonw_key(w, strcmp(win->kind, "blocking") == 0 ? "blocked_share" : "level");
    disrupt_jsonw_number_prec(w, win->level, 6);
    if (win->label) {
        disrupt_jsonw_key(w, "label");
        disrupt_jsonw_string(w, win->label);
    }
    disrupt_jsonw_object_end(w);
}

static void truth_body(disrupt_jsonw *w, const disrupt_sim_scenario *sc, const void *data)
{
    const disrupt_sim_truth *truth = data;
    disrupt_jsonw_key(w, "scenario");
    disrupt_jsonw_string(w, sc->name);
    write_generator(w, sc);
    disrupt_jsonw_key(w, "windows");
    disrupt_jsonw_array_begin(w);
    for (size_t i = 0; i < truth->n; i++)
        write_window(w, &truth->windows[i]);
    disrupt_jsonw_array_end(w);
}

int disrupt_sim_write_truth(const disrupt_sim_scenario *sc, const disrupt_sim_truth *truth,
                            const char *path, disrupt_error *err)
{
    return write_json(path, truth_body, sc, truth, err);
}

/* Writes the file that signal `owner` opens, with every signal sharing it. */
static int write_file(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                      size_t owner, size_t *idx, const char *dir, disrupt_error *err)
{
    size_t n = 0;
    for (size_t j = owner; j < sc->nsignals; j++)
        if (file_owner(sc, j) == owner)
            idx[n++] = j;
    char *path = join_path(dir, sc->signals[owner].file, err);
    if (!path)
        return DISRUPT_ENOMEM;
    int rc;
    switch (sc->signals[owner].dialect) {
    case DISRUPT_SIM_IODA:
        rc = disrupt_sim_write_ioda(sc, out, idx, n, path, err);
        break;
    case DISRUPT_SIM_OONI_CSV:
        rc = disrupt_sim_write_ooni(sc, out, owner, path, err);
        break;
    default:
        rc = disrupt_sim_write_plain(sc, out, idx, n, path, err);
    }
    free(path);
    return rc;
}

int disrupt_sim_write_all(const disrupt_sim_scenario *sc, const disrupt_sim_output *out,
                          const disrupt_sim_truth *truth, const char *dir, disrupt_error *err)
{
    int rc = DISRUPT_OK;
    char *path = NULL;
    size_t *idx = calloc(sc->nsignals, sizeof *idx);
    if (!idx)
        return disrupt_error_nomem(err);
    for (size_t i = 0; i < sc->nsignals && !rc; i++)
        if (file_owner(sc, i) == i)
            rc = write_file(sc, out, i, idx, dir, err);
    if (rc)
        goto cleanup;
    if (!(path = join_path(dir, "truth.json", err))) {
        rc = DISRUPT_ENOMEM;
        goto cleanup;
    }
    if ((rc = disrupt_sim_write_truth(sc, truth, path, err)))
        goto cleanup;
    free(path);
    if (!(path = join_path(dir, "meta.json", err))) {
        rc = DISRUPT_ENOMEM;
        goto cleanup;
    }
    rc = disrupt_sim_write_meta(sc, out, path, err);
cleanup:
    free(path);
    free(idx);
    return rc;
}
