/* series.c — regular-grid signals and the dataset that holds them. */
#include "disrupt/ingest/series.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

disrupt_series *disrupt_series_alloc(const char *name, const char *file, disrupt_signal_type type,
                                     int64_t start, int64_t step, size_t n)
{
    if (n > SIZE_MAX / sizeof(double) || step <= 0)
        return NULL;
    disrupt_series *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->name = dup_or_null(name ? name : "value");
    s->file = dup_or_null(file);
    s->type = type;
    s->start = start;
    s->step = step;
    s->n = n;
    s->value = malloc((n ? n : 1) * sizeof(double));
    if (type == DISRUPT_SIGNAL_COUNTS)
        s->trials = malloc((n ? n : 1) * sizeof(double));
    if (!s->name || (file && !s->file) || !s->value ||
        (type == DISRUPT_SIGNAL_COUNTS && !s->trials)) {
        disrupt_series_free(s);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        s->value[i] = NAN;
        if (s->trials)
            s->trials[i] = 0.0;
    }
    return s;
}

void disrupt_series_free(disrupt_series *s)
{
    if (!s)
        return;
    free(s->name);
    free(s->file);
    free(s->unit);
    free(s->value);
    free(s->trials);
    free(s);
}

int64_t disrupt_series_end(const disrupt_series *s)
{
    return s->start + (int64_t)s->n * s->step;
}

size_t disrupt_series_missing(const disrupt_series *s)
{
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++)
        if (isnan(s->value[i]))
            m++;
    return m;
}

size_t disrupt_series_index_at(const disrupt_series *s, int64_t t)
{
    if (t <= s->start)
        return 0;
    int64_t k = (t - s->start + s->step - 1) / s->step;
    return (uint64_t)k > s->n ? s->n : (size_t)k;
}

void disrupt_dataset_init(disrupt_dataset *d)
{
    d->series = NULL;
    d->count = 0;
    d->capacity = 0;
}

int disrupt_dataset_add(disrupt_dataset *d, disrupt_series *s, disrupt_error *err)
{
    if (d->count == d->capacity) {
        size_t cap = d->capacity ? d->capacity * 2 : 4;
        disrupt_series **grown = realloc(d->series, cap * sizeof *grown);
        if (!grown) {
            disrupt_series_free(s);
            return disrupt_error_nomem(err);
        }
        d->series = grown;
        d->capacity = cap;
    }
    d->series[d->count++] = s;
    return DISRUPT_OK;
}

void disrupt_dataset_fini(disrupt_dataset *d)
{
    for (size_t i = 0; i < d->count; i++)
        disrupt_series_free(d->series[i]);
    free(d->series);
    disrupt_dataset_init(d);
}
