/* batch_output.c — the records of a batch: their spool, and the three files they make
 * (batch.h). One writer serves a run and a merge, so that both write the same bytes. */
#include "disrupt/workflows/batch.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disrupt/core/outfile.h"
#include "disrupt/core/path.h"
#include "disrupt/workflows/report.h"

void disrupt_batch_index_init(disrupt_batch_index *x)
{
    memset(x, 0, sizeof *x);
}

void disrupt_batch_index_fini(disrupt_batch_index *x)
{
    for (unsigned s = 0; s < x->nsources; s++)
        for (unsigned p = 0; p < DISRUPT_BATCH_PARTS; p++) {
            FILE *f = x->sources[s].file[p];
            int again = 0;   /* a file serving several parts is closed once */
            for (unsigned q = 0; q < p; q++)
                again |= x->sources[s].file[q] == f;
            if (f && !again)
                fclose(f);
        }
    free(x->sources);
    for (size_t i = 0; i < x->count; i++)
        free(x->entries[i].entity);
    free(x->entries);
    memset(x, 0, sizeof *x);
}

int disrupt_batch_index_source(disrupt_batch_index *x, const disrupt_batch_source *src,
                               disrupt_error *err)
{
    disrupt_batch_source *s = realloc(x->sources, (x->nsources + 1) * sizeof *s);
    if (!s)
        return disrupt_error_nomem(err);
    x->sources = s;
    x->sources[x->nsources++] = *src;
    return DISRUPT_OK;
}

int disrupt_batch_index_add(disrupt_batch_index *x, const disrupt_batch_entry *e,
                            disrupt_error *err)
{
    if (x->count == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 256;
        disrupt_batch_entry *items = realloc(x->entries, cap * sizeof *items);
        if (!items)
            return disrupt_error_nomem(err);
        x->entries = items;
        x->cap = cap;
    }
    disrupt_batch_entry *copy = &x->entries[x->count];
    *copy = *e;
    if (!(copy->entity = strdup(e->entity)))
        return disrupt_error_nomem(err);
    x->count++;
    return DISRUPT_OK;
}

int disrupt_batch_spool_open(disrupt_batch_index *x, disrupt_error *err)
{
    FILE *f = tmpfile();
    if (!f)
        return disrupt_error_set(err, DISRUPT_EIO, "cannot create a temporary file: %s",
                                 strerror(errno));
    disrupt_batch_source spool = {{f, f, f}};
    int rc = disrupt_batch_index_source(x, &spool, err);
    if (rc)
        fclose(f);
    return rc;
}

static int spool_text(FILE *f, const char *text, long long *at, size_t *len)
{
    *at = (long long)ftello(f);
    *len = strlen(text);
    return *at < 0 || fwrite(text, 1, *len, f) != *len;
}

int disrupt_batch_spool_add(disrupt_batch_index *x, const disrupt_batch_record *rec,
                            disrupt_error *err)
{
    FILE *f = x->sources[0].file[DISRUPT_BATCH_JSON];
    const char *text[DISRUPT_BATCH_PARTS] = {rec->json, rec->csv, rec->summary};
    disrupt_batch_entry e = {rec->entity, 0, {0}, {0}};
    int bad = fseeko(f, 0, SEEK_END) != 0;
    for (unsigned p = 0; p < DISRUPT_BATCH_PARTS && !bad; p++)
        bad = spool_text(f, text[p], &e.at[p], &e.len[p]);
    if (bad)
        return disrupt_error_set(err, DISRUPT_EIO, "cannot write the batch's temporary file: %s",
                                 strerror(errno));
    return disrupt_batch_index_add(x, &e, err);
}

/* ---- the three files ------------------------------------------------------------------ */

static int by_entity(const void *a, const void *b)
{
    return strcmp(((const disrupt_batch_entry *)a)->entity,
                  ((const disrupt_batch_entry *)b)->entity);
}

static int copy_range(FILE *from, long long at, size_t len, FILE *to)
{
    char buf[65536];
    if (fseeko(from, (off_t)at, SEEK_SET))
        return 1;
    while (len) {
        size_t k = len < sizeof buf ? len : sizeof buf;
        if (fread(buf, 1, k, from) != k || fwrite(buf, 1, k, to) != k)
            return 1;
        len -= k;
    }
    return 0;
}

static int copy_part(const disrupt_batch_index *x, const disrupt_batch_entry *e,
                     disrupt_batch_part p, FILE *to)
{
    return copy_range(x->sources[e->source].file[p], e->at[p], e->len[p], to);
}

const char disrupt_batch_summary_header[] =
    "entity,status,signals,points,missing,windows,shutdown,throttling,outage,blocking,"
    "disrupted_days,first_start,last_end,chart,message\n";

typedef struct {
    const disrupt_batch_index *x;
    const char *settings;
    unsigned shard, shards;
} output_view;

static int write_json(FILE *out, const output_view *v)
{
    fprintf(out, "{\n  \"version\": \"1\",\n  \"disrupt_version\": \"%s\",\n"
                 "  \"settings\": \"%s\",\n", DISRUPT_VERSION, v->settings);
    if (v->shards > 1)
        fprintf(out, "  \"shard\": [%u, %u],\n", v->shard, v->shards);
    fputs("  \"entities\": [", out);
    for (size_t i = 0; i < v->x->count; i++) {
        fputs(i ? ",\n" : "\n", out);
        if (copy_part(v->x, &v->x->entries[i], DISRUPT_BATCH_JSON, out))
            return 1;
    }
    fputs(v->x->count ? "\n  ]\n}\n" : "]\n}\n", out);
    return 0;
}

static int write_rows(FILE *out, const output_view *v, disrupt_batch_part p)
{
    if (p == DISRUPT_BATCH_CSV) {
        fputs("entity,", out);
        fputs(disrupt_report_csv_header, out);
    } else {
        fputs(disrupt_batch_summary_header, out);
    }
    for (size_t i = 0; i < v->x->count; i++)
        if (copy_part(v->x, &v->x->entries[i], p, out))
            return 1;
    return 0;
}

static int write_one(const char *dir, const char *name, const output_view *v,
                     disrupt_batch_part p,
                     disrupt_error *err)
{
    char *path = disrupt_path_join(dir, name);
    if (!path)
        return disrupt_error_nomem(err);
    disrupt_outfile f;
    int rc = disrupt_outfile_open(&f, path, err);
    if (rc == 0) {
        int bad = p == DISRUPT_BATCH_JSON ? write_json(f.fp, v) : write_rows(f.fp, v, p);
        if (bad) {
            disrupt_outfile_abort(&f);
            rc = disrupt_error_set(err, DISRUPT_EIO, "%s: cannot copy the records: %s", path,
                                   strerror(errno));
        } else {
            rc = disrupt_outfile_commit(&f, err);
        }
    }
    free(path);
    return rc;
}

int disrupt_batch_write(const char *dir, disrupt_batch_index *x, const char *settings,
                        unsigned shard, unsigned shards, disrupt_error *err)
{
    if (x->count > 1)
        qsort(x->entries, x->count, sizeof *x->entries, by_entity);
    for (size_t i = 1; i < x->count; i++)
        if (strcmp(x->entries[i - 1].entity, x->entries[i].entity) == 0)
            return disrupt_error_set(err, DISRUPT_EDATA,
                                     "entity '%s' has two records (the same shard given "
                                     "twice, or shards of overlapping runs)",
                                     x->entries[i].entity);
    if (mkdir(dir, 0777) && errno != EEXIST)
        return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot create the folder: %s", dir,
                                 strerror(errno));
    output_view v = {x, settings, shard, shards};
    int rc = write_one(dir, "windows.json", &v, DISRUPT_BATCH_JSON, err);
    if (rc == 0)
        rc = write_one(dir, "windows.csv", &v, DISRUPT_BATCH_CSV, err);
    if (rc == 0)
        rc = write_one(dir, "entities.csv", &v, DISRUPT_BATCH_SUMMARY, err);
    return rc;
}

/* ---- the folder ----------------------------------------------------------------------- */

/* 1 when dir/windows.json opens as batch writes it. */
static int written_by_batch(const char *dir)
{
    char *path = disrupt_path_join(dir, "windows.json");
    FILE *f = path ? fopen(path, "rb") : NULL;
    free(path);
    if (!f)
        return 0;
    char head[128] = "";
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    return strncmp(head, "{\n  \"version\": \"1\",\n  \"disrupt_version\": ", 41) == 0 &&
           strstr(head, "\n  \"settings\": ") != NULL;
}

/* 1 when name is a chart batch draws: ends in .png, .svg or .pdf. */
static int chart_named(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && (!strcmp(name + n - 4, ".png") || !strcmp(name + n - 4, ".svg") ||
                     !strcmp(name + n - 4, ".pdf"));
}

/* Removes an earlier run's charts from dir/charts: its regular files named as charts, and
 * nothing else (another file, a folder, a link stays); then the folder when it is empty.
 * A charts that is a link or not a folder is refused. */
static int clear_charts(const char *dir, disrupt_error *err)
{
    char *charts = disrupt_path_join(dir, "charts");
    if (!charts)
        return disrupt_error_nomem(err);
    struct stat st;
    int rc = 0;
    if (lstat(charts, &st) != 0) {
        free(charts);
        return 0;   /* no charts last time */
    }
    if (!S_ISDIR(st.st_mode)) {
        rc = disrupt_error_set(err, DISRUPT_EDATA, "%s: expected the folder of an earlier run's "
                               "charts, found %s", charts,
                               S_ISLNK(st.st_mode) ? "a link" : "a file");
        free(charts);
        return rc;
    }
    DIR *d = opendir(charts);
    for (struct dirent *e; d && rc == 0 && (e = readdir(d));) {
        if (!chart_named(e->d_name))
            continue;
        char *file = disrupt_path_join(charts, e->d_name);
        if (!file)
            rc = disrupt_error_nomem(err);
        else if (lstat(file, &st) == 0 && S_ISREG(st.st_mode) && unlink(file) && errno != ENOENT)
            rc = disrupt_error_set(err, DISRUPT_EIO, "%s: cannot remove an earlier run's chart: "
                                   "%s", file, strerror(errno));
        free(file);
    }
    if (d) {
        closedir(d);
        rmdir(charts);   /* only when nothing else is in it */
    }
    free(charts);
    return rc;
}

int disrupt_batch_prepare_folder(const char *dir, disrupt_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        if (errno != ENOENT)
            return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot open the folder: %s", dir,
                                     strerror(errno));
        if (mkdir(dir, 0777) && errno != EEXIST)
            return disrupt_error_set(err, DISRUPT_EIO, "%s: cannot create the folder: %s", dir,
                                     strerror(errno));
        return DISRUPT_OK;
    }
    int empty = 1;
    for (struct dirent *e; empty && (e = readdir(d));)
        empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
    closedir(d);
    if (empty)
        return DISRUPT_OK;
    if (!written_by_batch(dir))
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: the folder holds other files; give a new or empty folder "
                                 "(or one batch or merge wrote, whose files are replaced)",
                                 dir);
    return clear_charts(dir, err);
}
