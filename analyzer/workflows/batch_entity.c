/* batch_entity.c — one entity of a batch: detection and the record of it (batch.h). */
#include "disrupt/workflows/batch.h"

#include <stdlib.h>
#include <string.h>

#include "disrupt/core/csvw.h"
#include "disrupt/core/strmap.h"
#include "disrupt/core/jsonw.h"
#include "disrupt/core/path.h"
#include "disrupt/workflows/caveat.h"
#include "disrupt/workflows/report.h"

#define DAY_SECONDS 86400.0
/* Longest part of an entity's name kept in its chart's file name. */
#define CHART_NAME_MAX 100

char *disrupt_batch_chart_name(const char *entity, const char *format)
{
    size_t n = strlen(entity), keep = n < CHART_NAME_MAX ? n : CHART_NAME_MAX;
    char safe[CHART_NAME_MAX + 24];
    int changed = n == 0 || n > keep;
    for (size_t i = 0; i < keep; i++) {
        char ch = entity[i];
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                 (ch == '.' && i > 0) || ch == '-' || ch == '_';
        safe[i] = ok ? ch : '_';
        changed |= !ok;
    }
    safe[keep] = '\0';
    if (changed)
        snprintf(safe + keep, sizeof safe - keep, "-%016llx", disrupt_strmap_hash(entity, n));
    size_t len = strlen(safe) + strlen(format) + 2;
    char *name = malloc(len);
    if (name)
        snprintf(name, len, "%s.%s", safe, format);
    return name;
}

void disrupt_batch_record_fini(disrupt_batch_record *r)
{
    free(r->entity);
    free(r->json);
    free(r->csv);
    free(r->summary);
    memset(r, 0, sizeof *r);
}

/* A text written by fill(out, ctx) into memory (fill returns non-zero when it failed). */
typedef int (*text_fill)(FILE *out, const void *ctx);

static char *text_of(text_fill fill, const void *ctx, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    if (!out)
        return NULL;
    int bad = fill(out, ctx);
    bad |= ferror(out);
    if (fclose(out) || bad) {
        free(buf);
        return NULL;
    }
    if (len)
        *len = n;
    return buf;
}

/* The item indented for its place in windows.json's "entities" (four spaces), with no
 * newline at the end: JSON strings hold no raw newline, so every line is indented. */
static char *indent(const char *text, size_t len)
{
    while (len && text[len - 1] == '\n')
        len--;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    char *out = malloc(len + 4 * lines + 1);
    if (!out)
        return NULL;
    char *o = out;
    memcpy(o, "    ", 4);
    o += 4;
    for (size_t i = 0; i < len; i++) {
        *o++ = text[i];
        if (text[i] == '\n') {
            memcpy(o, "    ", 4);
            o += 4;
        }
    }
    *o = '\0';
    return out;
}

typedef struct {
    const char *entity;
    const char *message;              /* failed records */
    const disrupt_dataset *data;      /* analysed ones */
    const disrupt_detection *result;
    int pinned;                       /* the baseline period was given: no caveats */
    const char *chart;                /* charts/NAME.FORMAT, NULL = none */
} entity_view;

/* The caveat on signal i into out (1), or 0: left out (detect.h), or on its baseline
 * (caveat.h). */
static int caveat_of(const entity_view *v, size_t i, char *out, size_t outsz)
{
    if (i >= v->result->nsignals)
        return 0;
    if (v->result->skipped[i]) {
        snprintf(out, outsz, "%s; left out", v->result->skipped[i]);
        return 1;
    }
    return !v->pinned &&
           disrupt_baseline_caveat(v->data->series[i], v->result->normal_samples[i], out, outsz);
}

static int fill_json(FILE *out, const void *ctx)
{
    const entity_view *v = ctx;
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, out);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_key(&w, "entity");
    disrupt_jsonw_string(&w, v->entity);
    disrupt_jsonw_key(&w, "status");
    disrupt_jsonw_string(&w, v->result ? "ok" : "failed");
    if (v->result) {
        if (v->chart) {
            disrupt_jsonw_key(&w, "chart");
            disrupt_jsonw_string(&w, v->chart);
        }
        disrupt_jsonw_key(&w, "caveats");   /* what detect warns of, per signal */
        disrupt_jsonw_array_begin(&w);
        char caveat[DISRUPT_CAVEAT_MAX];
        for (size_t i = 0; i < v->data->count; i++)
            if (caveat_of(v, i, caveat, sizeof caveat))
                disrupt_jsonw_string(&w, caveat);
        disrupt_jsonw_array_end(&w);
        disrupt_report_json_body(&w, v->data, v->result);
    } else {
        disrupt_jsonw_key(&w, "message");
        disrupt_jsonw_string(&w, v->message);
    }
    disrupt_jsonw_object_end(&w);
    return 0;
}

static int fill_csv(FILE *out, const void *ctx)
{
    const entity_view *v = ctx;
    disrupt_error ignored = {0};
    return v->result ? disrupt_report_csv_rows(out, v->data, v->result, v->entity, &ignored)
                     : 0;
}

/* Days in which some signal was disrupted: the union of the entity's incidents. */
static double disrupted_days(const disrupt_detection *r)
{
    int64_t total = 0, reach = INT64_MIN;
    for (size_t k = 0; k < r->incidents.count; k++) {   /* incidents come by start */
        const disrupt_incident *inc = &r->incidents.items[k];
        int64_t from = inc->start > reach ? inc->start : reach;
        if (inc->end > from)
            total += inc->end - from;
        if (inc->end > reach)
            reach = inc->end;
    }
    return (double)total / DAY_SECONDS;
}

static int fill_summary(FILE *out, const void *ctx)
{
    const entity_view *v = ctx;
    disrupt_csvw_text(out, v->entity);
    if (!v->result) {
        fputs(",failed,0,0,0,0,0,0,0,0,0,,,,", out);
        disrupt_csvw_text(out, v->message);
        fputc('\n', out);
        return 0;
    }
    const disrupt_dataset *d = v->data;
    size_t points = 0, missing = 0, kinds[DISRUPT_NKINDS] = {0};
    for (size_t i = 0; i < d->count; i++) {
        points += d->series[i]->n;
        missing += disrupt_series_missing(d->series[i]);
    }
    const disrupt_window_list *w = &v->result->windows;
    int64_t first = INT64_MAX, last = INT64_MIN;
    for (size_t k = 0; k < w->count; k++) {
        kinds[w->items[k].kind]++;
        if (w->items[k].start < first)
            first = w->items[k].start;
        if (w->items[k].end > last)
            last = w->items[k].end;
    }
    fprintf(out, ",ok,%zu,%zu,%zu,%zu,%zu,%zu,%zu,%zu,%.6g", d->count, points, missing,
            w->count, kinds[DISRUPT_KIND_SHUTDOWN], kinds[DISRUPT_KIND_THROTTLING],
            kinds[DISRUPT_KIND_OUTAGE], kinds[DISRUPT_KIND_BLOCKING],
            disrupted_days(v->result));
    if (w->count) {
        disrupt_csvw_time(out, first);
        disrupt_csvw_time(out, last);
    } else {
        fputs(",,", out);
    }
    /* The message of an analysed entity: its caveats, joined. */
    char *joined = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&joined, &len);
    if (!m)
        return 1;
    char caveat[DISRUPT_CAVEAT_MAX];
    for (size_t i = 0; i < d->count; i++)
        if (caveat_of(v, i, caveat, sizeof caveat))
            fprintf(m, "%s%s", ftell(m) ? "; " : "", caveat);
    if (fclose(m))
        return 1;
    fputc(',', out);
    if (v->chart)
        disrupt_csvw_text(out, v->chart);
    fputc(',', out);
    disrupt_csvw_text(out, joined);
    free(joined);
    fputc('\n', out);
    return 0;
}

static int fill_record(const entity_view *v, disrupt_batch_record *rec, disrupt_error *err)
{
    memset(rec, 0, sizeof *rec);
    size_t len = 0;
    char *json = text_of(fill_json, v, &len);
    rec->entity = strdup(v->entity);
    rec->json = json ? indent(json, len) : NULL;
    free(json);
    rec->csv = text_of(fill_csv, v, NULL);
    rec->summary = text_of(fill_summary, v, NULL);
    rec->failed = v->result == NULL;
    if (!rec->entity || !rec->json || !rec->csv || !rec->summary) {
        disrupt_batch_record_fini(rec);
        return disrupt_error_nomem(err);
    }
    if (v->result) {
        rec->windows = v->result->windows.count;
        for (size_t i = 0; i < v->data->count; i++)
            rec->points += v->data->series[i]->n;
    }
    return DISRUPT_OK;
}

int disrupt_batch_entity_failed(const char *entity, const char *message,
                                disrupt_batch_record *rec, disrupt_error *err)
{
    char *flat = strdup(message);   /* one line in entities.csv, whatever the message */
    if (!flat)
        return disrupt_error_nomem(err);
    for (char *c = flat; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            *c = ' ';
    entity_view v = {entity, flat, NULL, NULL, 1, NULL};
    int rc = fill_record(&v, rec, err);
    free(flat);
    return rc;
}

/* "entity/name" for every signal not named so already (a long file's are). */
static int name_by_entity(const char *entity, disrupt_dataset *data, disrupt_error *err)
{
    int rc = disrupt_dataset_namespace(data, NULL, 0, err);
    size_t elen = strlen(entity);
    for (size_t i = 0; i < data->count && rc == 0; i++) {
        disrupt_series *s = data->series[i];
        if (strncmp(s->name, entity, elen) == 0 && s->name[elen] == '/')
            continue;
        size_t len = elen + 1 + strlen(s->name) + 1;
        char *name = malloc(len);
        if (!name)
            return disrupt_error_nomem(err);
        snprintf(name, len, "%s/%s", entity, s->name);
        free(s->name);
        s->name = name;
    }
    return rc;
}

int disrupt_batch_entity_record(const char *entity, const disrupt_dataset *data,
                                const disrupt_detection *result,
                                const disrupt_detect_options *opt, const char *chart_format,
                                disrupt_batch_record *rec, disrupt_error *err)
{
    char *name = chart_format ? disrupt_batch_chart_name(entity, chart_format) : NULL;
    char *chart = name ? disrupt_path_join("charts", name) : NULL;
    free(name);
    if (chart_format && !chart)
        return disrupt_error_nomem(err);
    entity_view v = {entity, NULL, data, result, opt->baseline.pin_end > opt->baseline.pin_start,
                     chart};
    int rc = fill_record(&v, rec, err);
    free(chart);
    return rc;
}

int disrupt_batch_entity_analyse(const char *entity, disrupt_dataset *data,
                                 const disrupt_detect_options *opt, const char *chart_format,
                                 disrupt_batch_record *rec, disrupt_detection *result,
                                 disrupt_error *err)
{
    disrupt_detection own;
    disrupt_detection *r = result ? result : &own;
    disrupt_detection_init(r);
    disrupt_error why = {0};
    int rc = name_by_entity(entity, data, err);
    if (rc)
        return rc;
    rc = disrupt_detect_run(data, opt, r, &why);
    if (rc == DISRUPT_ENOMEM) {
        *err = why;
    } else if (rc) {
        disrupt_detection_fini(r);
        disrupt_detection_init(r);
        rc = disrupt_batch_entity_failed(entity, why.message, rec, err);
    } else {
        rc = disrupt_batch_entity_record(entity, data, r, opt, chart_format, rec, err);
    }
    if (r == &own)
        disrupt_detection_fini(&own);
    return rc;
}
