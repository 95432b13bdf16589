/* batch_merge.c — reading shard folders back as records (batch.h).
 *
 * The three files are read line by line, as batch_output.c writes them: windows.json's
 * header lines, then one item per entity from a line "    {" to a line "    }" (inner lines
 * are indented further), each item parsed alone with json-c for its entity and window count,
 * so memory holds one item at a time. windows.csv has as many rows per entity as its item has
 * windows, entities.csv one; each row must start with its entity.
 */
#include "disrupt/core/path.h"
#include "disrupt/workflows/batch.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/csvw.h"
#include "disrupt/core/digest.h"
#include "disrupt/workflows/report.h"

typedef struct {
    FILE *f;
    char *path;
    char *line;
    size_t cap;
    ssize_t len;          /* of line, −1 at the end */
    long long at;         /* offset of line */
    long number;          /* 1-based */
    int ended;            /* the line ended in '\n' (batch ends every line so) */
} line_reader;

static int reader_open(line_reader *r, const char *dir, const char *name, disrupt_error *err)
{
    memset(r, 0, sizeof *r);
    if (!(r->path = disrupt_path_join(dir, name)))
        return disrupt_error_nomem(err);
    if (!(r->f = fopen(r->path, "rb")))
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot open: %s (is %s a folder that "
                                 "disrupt batch wrote?)", r->path, strerror(errno), dir);
    return DISRUPT_OK;
}

/* The next line without its '\n'; 0 at the end of the file. */
static int next_line(line_reader *r)
{
    r->at = (long long)ftello(r->f);
    r->len = getline(&r->line, &r->cap, r->f);
    r->number++;   /* the line found, or the one that is not there */
    if (r->len < 0)
        return 0;
    r->ended = r->len && r->line[r->len - 1] == '\n';
    if (r->ended)
        r->line[--r->len] = '\0';
    return 1;
}

static int bad_line(const line_reader *r, const char *expected, disrupt_error *err)
{
    char found[96];
    if (r->len < 0)
        snprintf(found, sizeof found, "the end of the file");
    else
        disrupt_error_excerpt(found, sizeof found, r->line, (size_t)r->len, 40);
    return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, r->number, 1,
                                "expected %s, found '%s'", expected, found);
}

/* "  \"key\": \"value\"," → value copied into out (at most size bytes). */
static int string_line(line_reader *r, const char *key, char *out, size_t size,
                       disrupt_error *err)
{
    char want[64];
    int k = snprintf(want, sizeof want, "  \"%s\": \"", key);
    if (!next_line(r) || strncmp(r->line, want, (size_t)k) != 0)
        return bad_line(r, want, err);
    const char *v = r->line + k, *end = strchr(v, '"');
    if (!end || strcmp(end, "\",") != 0 || (size_t)(end - v) >= size)
        return bad_line(r, "a quoted value and a comma", err);
    memcpy(out, v, (size_t)(end - v));
    out[end - v] = '\0';
    return DISRUPT_OK;
}

/* What a shard's windows.json says of itself. */
typedef struct {
    char settings[DISRUPT_SHA256_HEX + 8];
    unsigned shard, shards;
    int empty;              /* "entities": [] */
} shard_head;

static int read_head(line_reader *r, shard_head *h, disrupt_error *err)
{
    char version[64];
    if (!next_line(r) || strcmp(r->line, "{") != 0)
        return bad_line(r, "'{' (a windows.json of disrupt batch)", err);
    int rc = string_line(r, "version", version, sizeof version, err);
    if (rc == 0 && strcmp(version, "1") != 0)
        return bad_line(r, "JSON version 1", err);
    if (rc == 0)
        rc = string_line(r, "disrupt_version", version, sizeof version, err);
    if (rc == 0 && strcmp(version, DISRUPT_VERSION) != 0)
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: written by disrupt %s, and this is %s: run every shard "
                                 "with the same program",
                                 r->path, version, DISRUPT_VERSION);
    if (rc == 0)
        rc = string_line(r, "settings", h->settings, sizeof h->settings, err);
    if (rc || !next_line(r))
        return rc ? rc : bad_line(r, "\"shard\" or \"entities\"", err);
    h->shard = 0;
    h->shards = 1;
    if (strncmp(r->line, "  \"shard\": [", 12) == 0) {
        char tail[8];
        if (sscanf(r->line + 12, "%u, %u%7s", &h->shard, &h->shards, tail) != 3 ||
            strcmp(tail, "],") != 0 || h->shards < 2 || h->shards > 1000000 ||
            h->shard >= h->shards || strchr(r->line, '-'))
            return bad_line(r, "\"shard\": [i, N] with i < N", err);
        if (!next_line(r))
            return bad_line(r, "\"entities\"", err);
    }
    h->empty = strcmp(r->line, "  \"entities\": []") == 0;
    if (!h->empty && strcmp(r->line, "  \"entities\": [") != 0)
        return bad_line(r, "\"entities\": [", err);
    return DISRUPT_OK;
}

/* The entity and window count of one item, parsed alone. */
static int item_facts(const line_reader *r, const char *text, size_t len, long line,
                      char **entity, size_t *windows, disrupt_error *err)
{
    /* The whole item and nothing after it (json_tokener_parse would stop at its end). */
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return disrupt_error_nomem(err);
    json_object *o = json_tokener_parse_ex(tok, text, (int)len);
    enum json_tokener_error why = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    while (o && end < len && (text[end] == ' ' || text[end] == '\n'))
        end++;
    if (o && end < len) {
        json_object_put(o);
        o = NULL;
        why = json_tokener_error_parse_unexpected;
    }
    json_object *e = NULL, *w = NULL;
    if (!o || !json_object_object_get_ex(o, "entity", &e) || !json_object_is_type(e, json_type_string)) {
        json_object_put(o);
        return disrupt_error_set_at(err, DISRUPT_EDATA, r->path, line, 1,
                                    "expected an entity item with an \"entity\" name%s%s",
                                    o ? "" : ": ", o ? "" : json_tokener_error_desc(why));
    }
    *windows = json_object_object_get_ex(o, "windows", &w) && json_object_is_type(w, json_type_array)
                   ? json_object_array_length(w) : 0;
    *entity = strdup(json_object_get_string(e));
    json_object_put(o);
    return *entity ? DISRUPT_OK : disrupt_error_nomem(err);
}

static int item_end(const char *line)
{
    return strcmp(line, "    }") == 0 || strcmp(line, "    },") == 0;
}

/* The item starting at the current line "    {": its extent and facts. */
static int read_item(line_reader *r, disrupt_batch_entry *e, size_t *windows, int *last,
                     disrupt_error *err)
{
    long first_line = r->number;
    e->at[DISRUPT_BATCH_JSON] = r->at;
    char *text = NULL;
    size_t size = 0;
    FILE *acc = open_memstream(&text, &size);
    if (!acc)
        return disrupt_error_nomem(err);
    int rc = DISRUPT_OK;
    for (;;) {
        fwrite(r->line, 1, item_end(r->line) ? 5 : (size_t)r->len, acc);   /* no comma */
        fputc('\n', acc);
        if (item_end(r->line)) {
            *last = r->line[5] == '\0';
            /* up to its '}' */
            e->len[DISRUPT_BATCH_JSON] = (size_t)(r->at - e->at[DISRUPT_BATCH_JSON]) + 5;
            break;
        }
        if (!next_line(r) || (strncmp(r->line, "      ", 6) != 0 && !item_end(r->line))) {
            rc = bad_line(r, "a line of an entity item (indented six spaces) or its end "
                             "'    }'", err);
            break;
        }
    }
    if (fclose(acc) && rc == 0)
        rc = disrupt_error_nomem(err);
    if (rc == 0)
        rc = item_facts(r, text, size, first_line, &e->entity, windows, err);
    free(text);
    return rc;
}

/* 1 when line leaves a CSV row open: an odd number of quotes (a quoted field holding a line
 * break) after those of the lines before it, given in *open. */
static int row_continues(const char *line, int open)
{
    for (; *line; line++)
        open ^= *line == '"';
    return open;
}

/* The rows of one entity in a CSV file: `rows` rows (a row may span lines inside quotes),
 * each starting with the entity. */
static int read_rows(line_reader *r, const char *entity, size_t rows, long long *at,
                     size_t *len, disrupt_error *err)
{
    char *prefix = NULL;
    size_t plen = 0;
    FILE *p = open_memstream(&prefix, &plen);
    if (!p)
        return disrupt_error_nomem(err);
    disrupt_csvw_text(p, entity);
    fputc(',', p);
    if (fclose(p))
        return disrupt_error_nomem(err);
    *at = (long long)ftello(r->f);
    int rc = DISRUPT_OK;
    for (size_t k = 0; k < rows && rc == 0; k++) {
        if (next_line(r) && !r->ended) {
            rc = bad_line(r, "a row ending in a line break (the file was cut short)", err);
        } else if (r->len < 0 || strncmp(r->line, prefix, plen) != 0) {
            char want[160];
            snprintf(want, sizeof want, "row %zu of %zu of entity '%s' (as windows.json lists "
                     "it)", k + 1, rows, entity);
            rc = bad_line(r, want, err);
        }
        for (int open = rc ? 0 : row_continues(r->line, 0); open && rc == 0;)
            if (next_line(r) && r->ended)
                open = row_continues(r->line, open);
            else
                rc = bad_line(r, "the end of a quoted field", err);
    }
    *len = (size_t)((long long)ftello(r->f) - *at);
    free(prefix);
    return rc;
}

static int header_line(line_reader *r, const char *a, const char *b, disrupt_error *err)
{
    size_t la = strlen(a), lb = strlen(b);   /* b ends in '\n' */
    if (!next_line(r) || !r->ended || (size_t)r->len != la + lb - 1 || strncmp(r->line, a, la) != 0 ||
        strncmp(r->line + la, b, lb - 1) != 0)
        return bad_line(r, "the header line disrupt batch writes", err);
    return DISRUPT_OK;
}

typedef struct {
    line_reader json, csv, summary;
} shard_files;

static void shard_close(shard_files *s, int keep)
{
    line_reader *three[3] = {&s->json, &s->csv, &s->summary};
    for (int k = 0; k < 3; k++) {
        if (!keep && three[k]->f)
            fclose(three[k]->f);
        free(three[k]->path);
        free(three[k]->line);
    }
}

static int read_shard(const char *dir, disrupt_batch_index *x, shard_head *h,
                      disrupt_error *err)
{
    shard_files s;
    memset(&s, 0, sizeof s);
    int rc = reader_open(&s.json, dir, "windows.json", err);
    if (!rc)
        rc = reader_open(&s.csv, dir, "windows.csv", err);
    if (!rc)
        rc = reader_open(&s.summary, dir, "entities.csv", err);
    if (!rc)
        rc = read_head(&s.json, h, err);
    if (!rc)
        rc = header_line(&s.csv, "entity,", disrupt_report_csv_header, err);
    if (!rc)
        rc = header_line(&s.summary, "", disrupt_batch_summary_header, err);
    if (!rc)
        rc = disrupt_batch_index_source(x, &(disrupt_batch_source){{s.json.f, s.csv.f,
                                                                    s.summary.f}}, err);
    if (rc) {
        shard_close(&s, 0);
        return rc;
    }
    unsigned source = x->nsources - 1;
    int last = h->empty;
    while (rc == 0 && !last) {
        if (!next_line(&s.json) || strcmp(s.json.line, "    {") != 0) {
            rc = bad_line(&s.json, "an entity item '    {'", err);
            break;
        }
        disrupt_batch_entry e = {NULL, source, {0}, {0}};
        size_t windows = 0;
        rc = read_item(&s.json, &e, &windows, &last, err);
        if (!rc && !disrupt_batch_in_shard(e.entity, h->shard, h->shards))
            rc = disrupt_error_set_at(err, DISRUPT_EDATA, s.json.path, s.json.number, 1,
                                      "expected entities of shard %u/%u, found '%s' of "
                                      "another",
                                      h->shard, h->shards, e.entity);
        if (!rc)
            rc = read_rows(&s.csv, e.entity, windows, &e.at[DISRUPT_BATCH_CSV],
                           &e.len[DISRUPT_BATCH_CSV], err);
        if (!rc)
            rc = read_rows(&s.summary, e.entity, 1, &e.at[DISRUPT_BATCH_SUMMARY],
                           &e.len[DISRUPT_BATCH_SUMMARY], err);
        if (!rc)
            rc = disrupt_batch_index_add(x, &e, err);
        free(e.entity);
    }
    if (!rc && !h->empty && (!next_line(&s.json) || strcmp(s.json.line, "  ]") != 0))
        rc = bad_line(&s.json, "the end of the entities '  ]'", err);
    if (!rc && (!next_line(&s.json) || strcmp(s.json.line, "}") != 0))
        rc = bad_line(&s.json, "the end of the document '}'", err);
    if (!rc && next_line(&s.csv))
        rc = bad_line(&s.csv, "the end of the file (every entity's rows were read)", err);
    if (!rc && next_line(&s.summary))
        rc = bad_line(&s.summary, "the end of the file (every entity's row was read)", err);
    shard_close(&s, 1);   /* the index owns the files now */
    return rc;
}

int disrupt_batch_merge_read(char *const *dirs, size_t ndirs, disrupt_batch_index *x,
                             char *settings, size_t settings_size, disrupt_error *err)
{
    unsigned shards = 0;
    unsigned char *seen = NULL;
    const char *first = NULL;
    int rc = DISRUPT_OK;
    for (size_t d = 0; d < ndirs && rc == 0; d++) {
        shard_head h;
        if ((rc = read_shard(dirs[d], x, &h, err)))
            break;
        if (!first) {
            first = dirs[d];
            shards = h.shards;
            snprintf(settings, settings_size, "%s", h.settings);
            if (!(seen = calloc(shards, 1)))
                rc = disrupt_error_nomem(err);
        } else if (strcmp(settings, h.settings) != 0) {
            rc = disrupt_error_set(err, DISRUPT_EDATA,
                                   "%s: a shard of another run (its settings differ from "
                                   "%s's: other options or inputs)",
                                   dirs[d], first);
        } else if (h.shards != shards) {
            rc = disrupt_error_set(err, DISRUPT_EDATA,
                                   "%s: shard %u of %u, and %s is one of %u", dirs[d],
                                   h.shard, h.shards, first, shards);
        }
        if (rc == 0 && seen[h.shard]++)
            rc = disrupt_error_set(err, DISRUPT_EDATA, "%s: shard %u/%u is given twice",
                                   dirs[d], h.shard, shards);
    }
    for (unsigned i = 0; rc == 0 && i < shards; i++)
        if (!seen[i])
            rc = disrupt_error_set(err, DISRUPT_EDATA,
                                   "shard %u/%u is missing: merge needs the folders of all %u "
                                   "shards",
                                   i, shards, shards);
    free(seen);
    return rc;
}
