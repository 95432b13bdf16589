/* events.c — reading `time,label` event files through the shared CSV reader (csvread.h),
 * which bounds every field and row, refuses binary data and gives each field its line.
 */
#include "disrupt/workflows/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/text.h"
#include "disrupt/ingest/csvread.h"
#include "disrupt/ingest/timeparse.h"

void disrupt_event_list_init(disrupt_event_list *l)
{
    memset(l, 0, sizeof *l);
}

void disrupt_event_list_fini(disrupt_event_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i].label);
    free(l->items);
    memset(l, 0, sizeof *l);
}

int disrupt_event_list_push(disrupt_event_list *l, int64_t time, const char *label,
                            disrupt_error *err)
{
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 8;
        if (cap > SIZE_MAX / sizeof *l->items)
            return disrupt_error_nomem(err);
        disrupt_event *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return disrupt_error_nomem(err);
        l->items = items;
        l->capacity = cap;
    }
    char *copy = strdup(label ? label : "");
    if (!copy)
        return disrupt_error_nomem(err);
    l->items[l->count].time = time;
    l->items[l->count].label = copy;
    l->count++;
    return DISRUPT_OK;
}

typedef struct {
    const char *path;
    disrupt_event_list *list;
    long record;              /* records seen (0 until the header) */
    long time_col, label_col; /* 0-based, −1 until the header names them */
} reader;

/* A header cell equal to name once blanks around it are trimmed. */
static int names(const disrupt_csv_field *f, const char *name)
{
    const char *s = f->data;
    size_t len = f->len, n = strlen(name);
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    return len == n && strncmp(s, name, n) == 0;
}

static int on_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    reader *r = ctx;
    if (r->record++ == 0) {
        for (size_t i = 0; i < n; i++) {
            if (r->time_col < 0 && names(&f[i], "time"))
                r->time_col = (long)i;
            else if (r->label_col < 0 && names(&f[i], "label"))
                r->label_col = (long)i;
        }
        if (r->time_col < 0 || r->label_col < 0)
            return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, f[0].line, 1,
                                        "expected a header naming the columns 'time' and "
                                        "'label'");
        return 0;
    }
    long need = (r->time_col > r->label_col ? r->time_col : r->label_col) + 1;
    if ((long)n < need)
        return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, f[0].line, (long)n + 1,
                                    "expected %ld columns ('time' and 'label'), found %zu", need,
                                    n);
    const disrupt_csv_field *tf = &f[r->time_col], *lf = &f[r->label_col];
    int64_t t;
    if (disrupt_time_parse(tf->data, &t) != 0) {
        char found[64];
        disrupt_error_excerpt(found, sizeof found, tf->data, tf->len, 40);
        return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, tf->line, r->time_col + 1,
                                    "expected a date (2020-09-27) or date-time "
                                    "(2020-09-27T06:00:00Z), found '%s'",
                                    found);
    }
    if (lf->len == 0)
        return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, lf->line, r->label_col + 1,
                                    "expected a label, found an empty cell");
    size_t at;
    const char *why;
    if (disrupt_text_check(lf->data, lf->len, &at, &why)) {
        char found[64];
        disrupt_error_excerpt(found, sizeof found, lf->data, lf->len, 40);
        return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, lf->line, r->label_col + 1,
                                    "expected a label %s (byte %zu is not), found '%s'", why,
                                    at + 1, found);
    }
    return disrupt_event_list_push(r->list, t, lf->data, err);
}

/* Drops the events from index keep on: a failed read appends nothing. */
static void truncate_list(disrupt_event_list *l, size_t keep)
{
    while (l->count > keep)
        free(l->items[--l->count].label);
}

int disrupt_events_read_stream(FILE *stream, const char *name, disrupt_event_list *l,
                               disrupt_error *err)
{
    reader r = {name, l, 0, -1, -1};
    size_t keep = l->count;
    disrupt_csv_reader csv;
    disrupt_csv_reader_init(&csv, on_row, &r);
    csv.delimiter = ',';
    int rc = disrupt_csv_read_stream(stream, name, &csv, err);
    if (!rc && r.record == 0)
        rc = disrupt_error_set_at(err, DISRUPT_EDATA, name, 1, 1,
                                  "expected a header naming the columns 'time' and 'label', "
                                  "found an empty file");
    if (rc)
        truncate_list(l, keep);
    return rc;
}

int disrupt_events_read(const char *path, disrupt_event_list *l, disrupt_error *err)
{
    FILE *f = disrupt_csv_open(path, err);
    if (!f)
        return DISRUPT_EIO;
    int rc = disrupt_events_read_stream(f, strcmp(path, "-") == 0 ? "<stdin>" : path, l, err);
    disrupt_csv_close(f);
    return rc;
}
