/* events.c — reading `time,label` event files with libcsv.
 *
 * Bytes are fed to libcsv one at a time so that each field callback knows the line it ends
 * on (libcsv keeps no positions); event files are short, so this costs nothing that matters.
 */
#include "disrupt/workflows/events.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    disrupt_error *err;
    int rc;
    long line;          /* line the current byte is on */
    long record;        /* records seen (1 = header) */
    size_t field;       /* index of the field in the record */
    int time_col, label_col;   /* 0-based, −1 until the header names them */
    char *time_text, *label_text;
    long time_line, label_line;
} reader;

static void on_field(void *data, size_t len, void *ctx)
{
    reader *r = ctx;
    if (r->rc)
        return;
    const char *s = data ? data : "";
    if (r->record == 0) {
        /* Header: names may carry a UTF-8 byte-order mark and surrounding blanks. */
        if (r->field == 0 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
            s += 3;
            len -= 3;
        }
        while (len && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
            len--;
        if (len == 4 && strncmp(s, "time", 4) == 0 && r->time_col < 0)
            r->time_col = (int)r->field;
        else if (len == 5 && strncmp(s, "label", 5) == 0 && r->label_col < 0)
            r->label_col = (int)r->field;
    } else if ((int)r->field == r->time_col || (int)r->field == r->label_col) {
        char *copy = malloc(len + 1);
        if (!copy) {
            r->rc = disrupt_error_nomem(r->err);
            return;
        }
        memcpy(copy, s, len);
        copy[len] = '\0';
        if ((int)r->field == r->time_col) {
            free(r->time_text);
            r->time_text = copy;
            r->time_line = r->line;
        } else {
            free(r->label_text);
            r->label_text = copy;
            r->label_line = r->line;
        }
    }
    r->field++;
}

static void on_record(int c, void *ctx)
{
    (void)c;
    reader *r = ctx;
    if (r->rc)
        return;
    if (r->record == 0) {
        if (r->time_col < 0 || r->label_col < 0) {
            r->rc = disrupt_error_set_at(r->err, DISRUPT_EDATA, r->path, r->line, 1,
                                         "expected a header naming the columns 'time' and 'label'");
            return;
        }
    } else if (!r->time_text || !r->label_text) {
        int missing = !r->time_text ? r->time_col : r->label_col;
        r->rc = disrupt_error_set_at(r->err, DISRUPT_EDATA, r->path, r->line, missing + 1,
                                     "expected %zu columns ('time' and 'label'), found %zu",
                                     (size_t)(r->time_col > r->label_col ? r->time_col : r->label_col) + 1,
                                     r->field);
        return;
    } else {
        int64_t t;
        if (disrupt_time_parse(r->time_text, &t) != 0) {
            char found[64];
            disrupt_error_excerpt(found, sizeof found, r->time_text, strlen(r->time_text), 40);
            r->rc = disrupt_error_set_at(r->err, DISRUPT_EDATA, r->path, r->time_line,
                                         r->time_col + 1,
                                         "expected a date (2020-09-27) or date-time "
                                         "(2020-09-27T06:00:00Z), found '%s'",
                                         found);
            return;
        }
        if (!*r->label_text) {
            r->rc = disrupt_error_set_at(r->err, DISRUPT_EDATA, r->path, r->label_line,
                                         r->label_col + 1, "expected a label, found an empty cell");
            return;
        }
        r->rc = disrupt_event_list_push(r->list, t, r->label_text, r->err);
    }
    free(r->time_text);
    free(r->label_text);
    r->time_text = r->label_text = NULL;
    r->record++;
    r->field = 0;
}

int disrupt_events_read(const char *path, disrupt_event_list *l, disrupt_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp)
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct csv_parser parser;
    if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
        if (!is_stdin)
            fclose(fp);
        return disrupt_error_nomem(err);
    }
    reader r = {path, l, err, 0, 1, 0, 0, -1, -1, NULL, NULL, 0, 0};
    char buf[4096];
    size_t n;
    while (!r.rc && (n = fread(buf, 1, sizeof buf, fp)) > 0) {
        for (size_t i = 0; i < n && !r.rc; i++) {
            if (csv_parse(&parser, buf + i, 1, on_field, on_record, &r) != 1) {
                r.rc = disrupt_error_set_at(err, DISRUPT_EDATA, path, r.line, (long)r.field + 1,
                                            "malformed CSV: %s", csv_strerror(csv_error(&parser)));
                break;
            }
            if (buf[i] == '\n')
                r.line++;
        }
    }
    if (!r.rc && ferror(fp))
        r.rc = disrupt_error_set(err, DISRUPT_EIO, "%s: cannot read: %s", path, strerror(errno));
    if (!r.rc)
        csv_fini(&parser, on_field, on_record, &r);
    if (!r.rc && r.record == 0)
        r.rc = disrupt_error_set_at(err, DISRUPT_EDATA, path, 1, 1,
                                    "expected a header naming the columns 'time' and 'label', "
                                    "found an empty file");
    csv_free(&parser);
    free(r.time_text);
    free(r.label_text);
    if (!is_stdin)
        fclose(fp);
    return r.rc;
}
