/* report_json.c — `detect --json`, in exactly the shape DESIGN.md fixes. */
#include "disrupt/core/jsonw.h"
#include "disrupt/workflows/report.h"

static void write_signal(disrupt_jsonw *w, const disrupt_series *s, const size_t *cp, size_t ncp,
                         const char *left_out)
{
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "name");
    disrupt_jsonw_string(w, s->name);
    disrupt_jsonw_key(w, "file");
    disrupt_jsonw_string(w, s->file);
    disrupt_jsonw_key(w, "step_seconds");
    disrupt_jsonw_integer(w, (long long)s->step);
    disrupt_jsonw_key(w, "start");
    disrupt_jsonw_time(w, s->start);
    disrupt_jsonw_key(w, "end");
    disrupt_jsonw_time(w, disrupt_series_end(s) - s->step);
    disrupt_jsonw_key(w, "points");
    disrupt_jsonw_integer(w, (long long)s->n);
    disrupt_jsonw_key(w, "missing");
    disrupt_jsonw_integer(w, (long long)disrupt_series_missing(s));
    disrupt_jsonw_key(w, "synthetic");
    disrupt_jsonw_bool(w, s->synthetic);
    disrupt_jsonw_key(w, "changepoints");
    disrupt_jsonw_inline_array_begin(w);
    for (size_t k = 0; k < ncp; k++)
        disrupt_jsonw_time(w, disrupt_series_time(s, cp[k]));
    disrupt_jsonw_array_end(w);
    if (left_out) {   /* not analysed (detect.h): why */
        disrupt_jsonw_key(w, "left_out");
        disrupt_jsonw_string(w, left_out);
    }
    disrupt_jsonw_object_end(w);
}

/* {"role": "onset", "kind": …, "start": …, "end": …, "level": …} */
static void write_phase(disrupt_jsonw *w, const disrupt_phase *p)
{
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "role");
    disrupt_jsonw_string(w, disrupt_phase_role_name(p->role));
    disrupt_jsonw_key(w, "kind");
    disrupt_jsonw_string(w, disrupt_window_kind_name(p->kind));
    disrupt_jsonw_key(w, "start");
    disrupt_jsonw_time(w, p->start);
    disrupt_jsonw_key(w, "end");
    disrupt_jsonw_time(w, p->end);
    disrupt_jsonw_key(w, "level");
    disrupt_jsonw_number_prec(w, p->level, 4);
    disrupt_jsonw_object_end(w);
}

void disrupt_report_json_window(disrupt_jsonw *w, const disrupt_dataset *d,
                                const disrupt_window *win)
{
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "signal");
    disrupt_jsonw_string(w, d->series[win->signal]->name);
    disrupt_jsonw_key(w, "kind");
    disrupt_jsonw_string(w, disrupt_window_kind_name(win->kind));
    disrupt_jsonw_key(w, "start");
    disrupt_jsonw_time(w, win->start);
    disrupt_jsonw_key(w, "end");
    disrupt_jsonw_time(w, win->end);
    disrupt_jsonw_key(w, "start_ci");
    disrupt_jsonw_inline_array_begin(w);
    if (win->start_censored)
        disrupt_jsonw_null(w);  /* open: the data start inside the window */
    else
        disrupt_jsonw_time(w, win->start_lo);
    disrupt_jsonw_time(w, win->start_hi);
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_key(w, "end_ci");
    disrupt_jsonw_inline_array_begin(w);
    disrupt_jsonw_time(w, win->end_lo);
    if (win->end_censored)
        disrupt_jsonw_null(w);  /* open: the data end inside the window */
    else
        disrupt_jsonw_time(w, win->end_hi);
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_key(w, "duration_days");
    disrupt_jsonw_number_prec(w, disrupt_window_days(win), 6);
    disrupt_jsonw_key(w, "baseline");
    disrupt_jsonw_number_prec(w, win->baseline, 4);
    disrupt_jsonw_key(w, "level");
    disrupt_jsonw_number_prec(w, win->level, 4);
    disrupt_jsonw_key(w, "depth");
    disrupt_jsonw_number_prec(w, win->depth, 4);
    disrupt_jsonw_key(w, "corroborated_by");
    disrupt_jsonw_inline_array_begin(w);
    for (size_t c = 0; c < win->ncorroborated; c++)
        disrupt_jsonw_string(w, d->series[win->corroborated_by[c]]->name);
    disrupt_jsonw_array_end(w);
    if (win->nphases) {
        disrupt_jsonw_key(w, "phases");
        disrupt_jsonw_array_begin(w);
        for (size_t p = 0; p < win->nphases; p++)
            write_phase(w, &win->phases[p]);
        disrupt_jsonw_array_end(w);
    }
    disrupt_jsonw_object_end(w);
}

static void write_recurrence(disrupt_jsonw *w, const disrupt_dataset *d,
                             const disrupt_recurrence *c)
{
    char tod[16];
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "signal");
    disrupt_jsonw_string(w, d->series[c->signal]->name);
    disrupt_jsonw_key(w, "kind");
    disrupt_jsonw_string(w, disrupt_window_kind_name(c->kind));
    disrupt_jsonw_key(w, "windows");
    disrupt_jsonw_integer(w, (long long)c->count);
    disrupt_jsonw_key(w, "period");
    disrupt_jsonw_string(w, "daily");
    disrupt_jsonw_key(w, "start_time_of_day");
    disrupt_report_time_of_day(c->start_tod, tod, sizeof tod);
    disrupt_jsonw_string(w, tod);
    disrupt_jsonw_key(w, "end_time_of_day");
    disrupt_report_time_of_day(c->end_tod, tod, sizeof tod);
    disrupt_jsonw_string(w, tod);
    disrupt_jsonw_key(w, "from");
    disrupt_jsonw_time(w, c->from);
    disrupt_jsonw_key(w, "until");
    disrupt_jsonw_time(w, c->until);
    disrupt_jsonw_object_end(w);
}

static void write_incident(disrupt_jsonw *w, const disrupt_dataset *d,
                           const disrupt_window_list *windows, const disrupt_incident *inc)
{
    disrupt_jsonw_object_begin(w);
    disrupt_jsonw_key(w, "start");
    disrupt_jsonw_time(w, inc->start);
    disrupt_jsonw_key(w, "end");
    disrupt_jsonw_time(w, inc->end);
    disrupt_jsonw_key(w, "signals");
    disrupt_jsonw_array_begin(w);
    for (size_t i = 0; i < inc->nwindows; i++) {
        const disrupt_window *win = &windows->items[inc->windows[i]];
        disrupt_jsonw_object_begin(w);
        disrupt_jsonw_key(w, "signal");
        disrupt_jsonw_string(w, d->series[win->signal]->name);
        disrupt_jsonw_key(w, "kind");
        disrupt_jsonw_string(w, disrupt_window_kind_name(win->kind));
        disrupt_jsonw_object_end(w);
    }
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_object_end(w);
}

void disrupt_report_json_body(disrupt_jsonw *w, const disrupt_dataset *d,
                              const disrupt_detection *r)
{
    disrupt_jsonw_key(w, "signals");
    disrupt_jsonw_array_begin(w);
    for (size_t i = 0; i < d->count; i++)
        write_signal(w, d->series[i], r->changepoints[i], r->nchangepoints[i],
                     r->skipped ? r->skipped[i] : NULL);
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_key(w, "windows");
    disrupt_jsonw_array_begin(w);
    for (size_t k = 0; k < r->windows.count; k++)
        disrupt_report_json_window(w, d, &r->windows.items[k]);
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_key(w, "recurring");
    disrupt_jsonw_array_begin(w);
    for (size_t k = 0; k < r->nrecurrences; k++)
        write_recurrence(w, d, &r->recurrences[k]);
    disrupt_jsonw_array_end(w);
    disrupt_jsonw_key(w, "events");
    disrupt_jsonw_array_begin(w);
    for (size_t k = 0; k < r->incidents.count; k++)
        write_incident(w, d, &r->windows, &r->incidents.items[k]);
    disrupt_jsonw_array_end(w);
}

int disrupt_report_json(FILE *out, const disrupt_dataset *d, const disrupt_detection *r,
                        disrupt_error *err)
{
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, out);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_versions(&w);
    disrupt_report_json_body(&w, d, r);
    disrupt_jsonw_object_end(&w);
    disrupt_jsonw_finish(&w);
    if (ferror(out))
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write JSON");
    return DISRUPT_OK;
}
