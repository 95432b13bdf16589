/* series.c — regular-grid signals and the dataset that holds them. */
#include "disrupt/ingest/series.h"

#include <math.h>
#include <stdio.h>
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
    free(s->ns);
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

/* The file name without folders and extension ("data/az/ioda.csv" → "ioda"); with `folder`,
 * the name of its folder instead ("az"; "." when it has none). A new string or NULL. */
static char *file_part(const char *path, int folder)
{
    const char *slash = strrchr(path, '/');
    if (folder) {
        if (!slash)
            return strdup(".");
        const char *end = slash, *start = end;
        while (start > path && start[-1] != '/')
            start--;
        return strndup(start, (size_t)(end - start));
    }
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    return strndup(base, dot && dot > base ? (size_t)(dot - base) : strlen(base));
}

static int same_file(const disrupt_series *a, const disrupt_series *b)
{
    return (!a->file && !b->file) || (a->file && b->file && strcmp(a->file, b->file) == 0);
}

/* The namespace series i of d gets by its name (NULL: none needed); *failed on ENOMEM. */
static char *namespace_of(const disrupt_dataset *d, size_t i, int *failed)
{
    const disrupt_series *s = d->series[i];
    int clash = 0, same_stem = 0;
    char *stem = s->file ? file_part(s->file, 0) : NULL;
    if (s->file && !stem) {
        *failed = 1;
        return NULL;
    }
    for (size_t j = 0; j < d->count && stem; j++) {
        const disrupt_series *o = d->series[j];
        if (j == i || same_file(s, o) || strcmp(o->name, s->name) != 0)
            continue;
        clash = 1;
        char *other = o->file ? file_part(o->file, 0) : NULL;
        same_stem |= other && strcmp(other, stem) == 0;
        free(other);
    }
    if (!clash) {
        free(stem);
        return NULL;
    }
    if (same_stem) {
        free(stem);
        stem = file_part(s->file, 1);
        if (!stem)
            *failed = 1;
    }
    return stem;
}

static int set_namespace(disrupt_series *s, char *ns, disrupt_error *err)
{
    size_t len = strlen(ns) + 1 + strlen(s->name) + 1;
    char *name = malloc(len);
    if (!name) {
        free(ns);
        return disrupt_error_nomem(err);
    }
    snprintf(name, len, "%s/%s", ns, s->name);
    free(s->name);
    free(s->ns);
    s->name = name;
    s->ns = ns;
    return DISRUPT_OK;
}

int disrupt_dataset_namespace(disrupt_dataset *d, const disrupt_label *labels, size_t nlabels,
                              disrupt_error *err)
{
    char **ns = calloc(d->count ? d->count : 1, sizeof *ns);
    if (!ns)
        return disrupt_error_nomem(err);
    int failed = 0;
    for (size_t i = 0; i < d->count && !failed; i++) {
        const disrupt_series *s = d->series[i];
        for (size_t k = 0; k < nlabels && !ns[i] && s->file; k++)
            if (strcmp(labels[k].file, s->file) == 0 && !(ns[i] = strdup(labels[k].name)))
                failed = 1;
        if (!ns[i] && !failed)
            ns[i] = namespace_of(d, i, &failed);
    }
    /* Names are decided on the original names first, then applied. */
    int rc = failed ? disrupt_error_nomem(err) : DISRUPT_OK;
    for (size_t i = 0; i < d->count; i++) {
        if (ns[i] && rc == DISRUPT_OK)
            rc = set_namespace(d->series[i], ns[i], err);
        else
            free(ns[i]);
    }
    free(ns);
    return rc;
}

int disrupt_series_same_namespace(const disrupt_series *a, const disrupt_series *b)
{
    return !a->ns || !b->ns || strcmp(a->ns, b->ns) == 0;
}

char *disrupt_path_stem(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *s = malloc(len + 1);
    if (s) {
        memcpy(s, base, len);
        s[len] = '\0';
    }
    return s;
}
