/* batch_input.c — the inputs of a batch: files, manifest rows, shards (batch.h). */
#include "disrupt/workflows/batch.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "disrupt/core/strmap.h"
#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"
#include "disrupt/ingest/csvread.h"

static void input_fini(disrupt_batch_input *x)
{
    free(x->file);
    free(x->entity);
    free(x->signal);
    free(x->tz);
    free(x->where);
}

void disrupt_batch_inputs_init(disrupt_batch_inputs *in)
{
    memset(in, 0, sizeof *in);
}

void disrupt_batch_inputs_fini(disrupt_batch_inputs *in)
{
    for (size_t i = 0; i < in->count; i++)
        input_fini(&in->items[i]);
    free(in->items);
    memset(in, 0, sizeof *in);
}

static disrupt_batch_input *push(disrupt_batch_inputs *in, disrupt_error *err)
{
    if (in->count == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        disrupt_batch_input *items = realloc(in->items, cap * sizeof *items);
        if (!items) {
            disrupt_error_nomem(err);
            return NULL;
        }
        in->items = items;
        in->cap = cap;
    }
    disrupt_batch_input *x = &in->items[in->count++];
    memset(x, 0, sizeof *x);
    return x;
}

int disrupt_batch_inputs_add_file(disrupt_batch_inputs *in, const char *file,
                                  disrupt_error *err)
{
    if (strcmp(file, "-") == 0)
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "batch reads a long file twice (its entities first), so it "
                                 "cannot read standard input ('-'); give a file");
    disrupt_batch_input *x = push(in, err);
    if (!x)
        return DISRUPT_ENOMEM;
    x->file = strdup(file);
    x->where = strdup(file);
    return x->file && x->where ? DISRUPT_OK : disrupt_error_nomem(err);
}

/* ---- manifest ------------------------------------------------------------------------- */

enum { COL_ENTITY, COL_FILE, COL_SIGNAL, COL_TZ, NCOLS };
static const char *const column_names[NCOLS] = {"entity", "file", "signal", "tz"};

typedef struct {
    const char *path;
    char *folder;            /* of the manifest, with its '/', "" for the current one */
    disrupt_batch_inputs *in;
    long col[NCOLS];         /* field of each column, −1 = absent */
    size_t ncols;
    int have_header;
    disrupt_strmap rows;     /* entity NUL file of each row, to refuse a repeated one */
} manifest;

static int header(manifest *m, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    for (int c = 0; c < NCOLS; c++)
        m->col[c] = -1;
    for (size_t i = 0; i < n; i++) {
        int found = -1;
        const char *name = f[i].data;
        size_t len = f[i].len;
        disrupt_text_trim(&name, &len);
        for (int c = 0; c < NCOLS && found < 0; c++)
            if (len == strlen(column_names[c]) && strncasecmp(name, column_names[c], len) == 0)
                found = c;
        if (found < 0 || m->col[found] >= 0) {
            char cell[96];
            disrupt_error_excerpt(cell, sizeof cell, f[i].data, f[i].len, 40);
            return disrupt_error_set_at(err, DISRUPT_EDATA, m->path, f[i].line, (long)i + 1,
                                        "expected a manifest header of entity,file[,signal]"
                                        "[,tz], found %s '%s'",
                                        found < 0 ? "the column" : "a second", cell);
        }
        m->col[found] = (long)i;
    }
    if (m->col[COL_ENTITY] < 0 || m->col[COL_FILE] < 0)
        return disrupt_error_set_at(err, DISRUPT_EDATA, m->path, f[0].line, 1,
                                    "expected a manifest header naming the columns entity and "
                                    "file, found no '%s' column",
                                    m->col[COL_ENTITY] < 0 ? "entity" : "file");
    m->ncols = n;
    m->have_header = 1;
    return DISRUPT_OK;
}

/* A copy of cell c of the row, NULL when the column is absent or the cell blank. */
static int cell(const manifest *m, const disrupt_csv_field *f, int c, int required,
                char **out, disrupt_error *err)
{
    *out = NULL;
    if (m->col[c] < 0)
        return DISRUPT_OK;
    const disrupt_csv_field *x = &f[m->col[c]];
    const char *text = x->data;
    size_t len = x->len;
    disrupt_text_trim(&text, &len);
    if (len == 0) {
        if (!required)
            return DISRUPT_OK;
        return disrupt_error_set_at(err, DISRUPT_EDATA, m->path, x->line, m->col[c] + 1,
                                    "expected %s, found an empty cell",
                                    c == COL_ENTITY ? "an entity name" : "a file");
    }
    size_t bad;
    const char *why;
    if (disrupt_text_check(text, len, &bad, &why))
        return disrupt_error_set_at(err, DISRUPT_EDATA, m->path, x->line, m->col[c] + 1,
                                    "expected a %s that can be shown, found %s at byte %zu",
                                    column_names[c], why, bad + 1);
    *out = strndup(text, len);
    return *out ? DISRUPT_OK : disrupt_error_nomem(err);
}

static int resolve(const manifest *m, const disrupt_csv_field *f, disrupt_batch_input *x,
                   disrupt_error *err)
{
    if (x->file[0] != '/' && m->folder[0]) {
        size_t len = strlen(m->folder) + strlen(x->file) + 1;
        char *full = malloc(len);
        if (!full)
            return disrupt_error_nomem(err);
        snprintf(full, len, "%s%s", m->folder, x->file);
        free(x->file);
        x->file = full;
    }
    struct stat st;
    if (stat(x->file, &st) != 0 || !S_ISREG(st.st_mode)) {
        const disrupt_csv_field *c = &f[m->col[COL_FILE]];
        return disrupt_error_set_at(err, DISRUPT_EDATA, m->path, c->line, m->col[COL_FILE] + 1,
                                    "expected a file that exists, found '%s'%s", x->file,
                                    x->file[0] != '/' ? " (relative paths are taken from the "
                                                        "manifest's folder)" : "");
    }
    return DISRUPT_OK;
}

/* The same file and signal twice for one entity would read its signals twice. */
static int refuse_repeat(manifest *m, const disrupt_csv_field *f, const disrupt_batch_input *x,
                         disrupt_error *err)
{
    const char *signal = x->signal ? x->signal : "";
    size_t le = strlen(x->entity), lf = strlen(x->file), ls = strlen(signal), index;
    char *key = malloc(le + lf + ls + 3);
    if (!key)
        return disrupt_error_nomem(err);
    memcpy(key, x->entity, le + 1);
    memcpy(key + le + 1, x->file, lf + 1);
    memcpy(key + le + lf + 2, signal, ls + 1);
    int added = 0;
    int rc = disrupt_strmap_add(&m->rows, key, le + lf + ls + 2, &index, &added);
    free(key);
    if (rc)
        return disrupt_error_nomem(err);
    if (added)
        return DISRUPT_OK;
    return disrupt_error_set_at(err, DISRUPT_EDATA, m->path, f[0].line, m->col[COL_FILE] + 1,
                                "expected each file and signal once per entity, found '%s' "
                                "for '%s' again", x->file, x->entity);
}

static int manifest_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    manifest *m = ctx;
    if (!m->have_header)
        return header(m, f, n, err);
    if (n != m->ncols)
        return disrupt_error_set_at(err, DISRUPT_EDATA, m->path, f[0].line,
                                    (long)(n < m->ncols ? n : m->ncols) + 1,
                                    "expected %zu fields as in the header, found %zu",
                                    m->ncols, n);
    disrupt_batch_input *x = push(m->in, err);
    if (!x)
        return DISRUPT_ENOMEM;
    int rc = cell(m, f, COL_ENTITY, 1, &x->entity, err);
    if (!rc)
        rc = cell(m, f, COL_FILE, 1, &x->file, err);
    if (!rc)
        rc = cell(m, f, COL_SIGNAL, 0, &x->signal, err);
    if (!rc)
        rc = cell(m, f, COL_TZ, 0, &x->tz, err);
    if (!rc)
        rc = resolve(m, f, x, err);
    if (!rc && x->tz && !disrupt_time_zone_valid(x->tz))
        rc = disrupt_error_set_at(err, DISRUPT_EDATA, m->path, f[m->col[COL_TZ]].line,
                                  m->col[COL_TZ] + 1,
                                  "expected an IANA time zone such as Asia/Baku, found '%s'",
                                  x->tz);
    if (!rc)
        rc = refuse_repeat(m, f, x, err);
    if (!rc) {
        char where[64];
        int k = snprintf(where, sizeof where, ":%ld", f[0].line);
        size_t len = strlen(m->path) + (size_t)k + 1;
        if ((x->where = malloc(len)))
            snprintf(x->where, len, "%s%s", m->path, where);
        else
            rc = disrupt_error_nomem(err);
    }
    return rc;
}

int disrupt_batch_manifest_read(const char *path, disrupt_batch_inputs *in, disrupt_error *err)
{
    size_t start = in->count;
    manifest m = {path, NULL, in, {0}, 0, 0, {0}};
    disrupt_strmap_init(&m.rows);
    const char *slash = strrchr(path, '/');
    m.folder = strndup(path, slash ? (size_t)(slash - path) + 1 : 0);
    if (!m.folder)
        return disrupt_error_nomem(err);
    disrupt_csv_reader r;
    disrupt_csv_reader_init(&r, manifest_row, &m);
    int rc = disrupt_csv_read(path, NULL, &r, err);
    if (rc == 0 && in->count == start)
        rc = disrupt_error_set(err, DISRUPT_EDATA, "%s: expected %s, found none", path,
                               m.have_header ? "rows after the header" : "a header line");
    free(m.folder);
    disrupt_strmap_fini(&m.rows);
    if (rc) {   /* nothing appended on error */
        for (size_t i = start; i < in->count; i++)
            input_fini(&in->items[i]);
        in->count = start;
    }
    return rc;
}

/* ---- shards --------------------------------------------------------------------------- */

int disrupt_batch_shard_parse(const char *text, unsigned *index, unsigned *count)
{
    char *end;
    unsigned long i = strtoul(text, &end, 10);
    if (end == text || *end != '/' || text[0] == '-' || text[0] == '+')
        return DISRUPT_EINVAL;
    const char *n_text = end + 1;
    unsigned long n = strtoul(n_text, &end, 10);
    if (end == n_text || *end || n_text[0] == '-' || n_text[0] == '+' || n == 0 ||
        n > 1000000 || i >= n)
        return DISRUPT_EINVAL;
    *index = (unsigned)i;
    *count = (unsigned)n;
    return DISRUPT_OK;
}

int disrupt_batch_in_shard(const char *entity, unsigned index, unsigned count)
{
    return disrupt_strmap_hash(entity, strlen(entity)) % count == index;
}
