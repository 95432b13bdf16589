/* batch_plan.c — which reads a batch makes, and which entities each gives (batch.h). */
#include "disrupt/workflows/batch.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "disrupt/core/strmap.h"
#include "disrupt/ingest/series.h"

/* Who gave each entity: a read of the plan (−1 when in another shard) and the input. */
typedef struct {
    long read;
    size_t input;
    int manifest;      /* named by a manifest row */
} owner;

typedef struct {
    const disrupt_batch_inputs *in;
    const disrupt_ingest_options *opt;
    unsigned shard, shards;
    size_t pass_rows;
    disrupt_batch_plan *plan;
    disrupt_strmap names;   /* every entity of every shard */
    owner *owners;
    size_t owners_cap;
} planner;

static void read_fini(disrupt_batch_read *r)
{
    for (size_t i = 0; i < r->ninputs; i++)
        free(r->only_entity[i]);
    free(r->inputs);
    free(r->only_entity);
    free(r->entity);
    for (size_t i = 0; i < r->nentities; i++)
        free(r->entities[i]);
    free(r->entities);
}

void disrupt_batch_plan_fini(disrupt_batch_plan *p)
{
    for (size_t i = 0; i < p->count; i++)
        read_fini(&p->reads[i]);
    free(p->reads);
    memset(p, 0, sizeof *p);
}

static disrupt_batch_read *new_read(disrupt_batch_plan *p, disrupt_batch_read_kind kind,
                                    disrupt_error *err)
{
    if (p->count == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        disrupt_batch_read *reads = realloc(p->reads, cap * sizeof *reads);
        if (!reads) {
            disrupt_error_nomem(err);
            return NULL;
        }
        p->reads = reads;
        p->cap = cap;
    }
    disrupt_batch_read *r = &p->reads[p->count++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    return r;
}

static int add_input(disrupt_batch_read *r, size_t input, const char *only_entity,
                     disrupt_error *err)
{
    size_t *inputs = realloc(r->inputs, (r->ninputs + 1) * sizeof *inputs);
    if (!inputs)
        return disrupt_error_nomem(err);
    r->inputs = inputs;
    char **only = realloc(r->only_entity, (r->ninputs + 1) * sizeof *only);
    if (!only)
        return disrupt_error_nomem(err);
    r->only_entity = only;
    r->only_entity[r->ninputs] = NULL;
    if (only_entity && !(r->only_entity[r->ninputs] = strdup(only_entity)))
        return disrupt_error_nomem(err);
    r->inputs[r->ninputs++] = input;
    return DISRUPT_OK;
}

/* Records that input gives entity name; *fresh = 1 the first time. Two givers are an error
 * unless both are manifest rows. */
static int claim(planner *pl, const char *name, size_t input, int manifest, size_t *index,
                 int *fresh, disrupt_error *err)
{
    if (!name[0] || strpbrk(name, "\n\r\t"))
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: expected an entity name on one line, found '%s'",
                                 pl->in->items[input].where, name);
    if (disrupt_strmap_add(&pl->names, name, strlen(name), index, fresh))
        return disrupt_error_nomem(err);
    if (*fresh) {
        if (pl->names.count > pl->owners_cap) {
            size_t cap = pl->owners_cap ? pl->owners_cap * 2 : 64;
            owner *o = realloc(pl->owners, cap * sizeof *o);
            if (!o)
                return disrupt_error_nomem(err);
            pl->owners = o;
            pl->owners_cap = cap;
        }
        pl->owners[*index] = (owner){-1, input, manifest};
        pl->plan->all_entities++;
        return DISRUPT_OK;
    }
    const owner *o = &pl->owners[*index];
    if (manifest && o->manifest)
        return DISRUPT_OK;
    return disrupt_error_set(err, DISRUPT_EDATA,
                             "%s: entity '%s' is also given by %s; an entity is read from one "
                             "file, or from manifest rows that name it",
                             pl->in->items[input].where, name, pl->in->items[o->input].where);
}

/* One entity, from the file (manifest rows add theirs to it); only_entity: the file's name
 * of it when the file holds others too, whose rows are left out. */
static int plan_whole(planner *pl, const char *name, size_t input, int manifest,
                      const char *only_entity, disrupt_error *err)
{
    size_t index;
    int fresh;
    int rc = claim(pl, name, input, manifest, &index, &fresh, err);
    if (rc || !disrupt_batch_in_shard(name, pl->shard, pl->shards))
        return rc;
    owner *o = &pl->owners[index];
    if (fresh) {
        disrupt_batch_read *r = new_read(pl->plan, DISRUPT_BATCH_WHOLE, err);
        if (!r)
            return DISRUPT_ENOMEM;
        if (!(r->entity = strdup(name)))
            return disrupt_error_nomem(err);
        o->read = (long)(pl->plan->count - 1);
        pl->plan->entities++;
    }
    return add_input(&pl->plan->reads[o->read], input, only_entity, err);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Closes a STREAM or PASS read: its entities sorted, as the ingest filter wants them. */
static void seal(disrupt_batch_read *r)
{
    if (r && r->nentities > 1)
        qsort(r->entities, r->nentities, sizeof *r->entities, by_name);
}

static int add_entity(disrupt_batch_read *r, const char *name, size_t rows, disrupt_error *err)
{
    if ((r->nentities & (r->nentities - 1)) == 0) {   /* at 0, 1, 2, 4, …: double */
        size_t cap = r->nentities ? r->nentities * 2 : 1;
        char **e = realloc(r->entities, cap * sizeof *e);
        if (!e)
            return disrupt_error_nomem(err);
        r->entities = e;
    }
    if (!(r->entities[r->nentities] = strdup(name)))
        return disrupt_error_nomem(err);
    r->nentities++;
    r->rows += rows;
    return DISRUPT_OK;
}

/* A long file of several entities: one STREAM read when grouped, else PASS reads of at most
 * DISRUPT_BATCH_PASS_ROWS rows each, entities taken in order of first row. */
static int plan_long(planner *pl, size_t input, const disrupt_entity_census *c,
                     disrupt_error *err)
{
    disrupt_batch_read_kind kind = c->grouped ? DISRUPT_BATCH_STREAM : DISRUPT_BATCH_PASS;
    long open = -1;
    int rc = 0;
    for (size_t e = 0; e < c->names.count && rc == 0; e++) {
        const char *name = c->names.keys[e];
        size_t index, rows = c->rows[e].rows;
        int fresh;
        if ((rc = claim(pl, name, input, 0, &index, &fresh, err)))
            break;
        if (!disrupt_batch_in_shard(name, pl->shard, pl->shards))
            continue;
        disrupt_batch_plan *p = pl->plan;
        if (open >= 0 && kind == DISRUPT_BATCH_PASS &&
            p->reads[open].rows + rows > pl->pass_rows) {
            seal(&p->reads[open]);
            open = -1;
            p->passes++;
        }
        if (open < 0) {
            disrupt_batch_read *r = new_read(p, kind, err);
            if (!r || (rc = add_input(r, input, NULL, err)))
                return DISRUPT_ENOMEM;
            open = (long)(p->count - 1);
        }
        pl->owners[index].read = open;
        rc = add_entity(&p->reads[open], name, rows, err);
        p->entities++;
    }
    if (open >= 0)
        seal(&pl->plan->reads[open]);
    return rc;
}

/* The file's name of entity in c: itself, or the one name that differs from it in case only
 * (Tor writes "az" for AZ); NULL when none or several. */
static const char *name_in_file(const disrupt_entity_census *c, const char *entity)
{
    if (disrupt_strmap_find(&c->names, entity, strlen(entity)) != (size_t)-1)
        return entity;
    const char *found = NULL;
    for (size_t e = 0; e < c->names.count; e++)
        if (strcasecmp(c->names.keys[e], entity) == 0) {
            if (found)
                return NULL;
            found = c->names.keys[e];
        }
    return found;
}

/* A manifest row: its entity, read alone when the file holds it among others, the whole
 * file when it holds one entity (by whatever name). The file is scanned without the row's
 * signal filter, so that a filter leaving one entity never makes another's rows this one's. */
static int plan_named(planner *pl, size_t i, const disrupt_entity_census *c,
                      disrupt_error *err)
{
    const disrupt_batch_input *x = &pl->in->items[i];
    if (!c->has_entities || c->names.count <= 1)
        return plan_whole(pl, x->entity, i, 1, NULL, err);
    const char *in_file = name_in_file(c, x->entity);
    if (in_file)
        return plan_whole(pl, x->entity, i, 1, in_file, err);
    char some[256] = "";
    for (size_t e = 0; e < c->names.count; e++)
        if (!disrupt_error_list_add(some, sizeof some, c->names.keys[e], c->names.lens[e]))
            break;
    return disrupt_error_set(err, DISRUPT_EDATA,
                             "%s: expected rows of entity '%s' in %s, found only others: %s",
                             x->where, x->entity, x->file, some);
}

/* Cuts an IODA export's stem, "ioda-<entity>-YY-MM-DD-HH-mm-(raw|normalized)", to its entity
 * (the dashboard's name, lower-cased and dashed: "iran-(islamic-republic-of)", "as12880");
 * 0 and stem untouched when it is not so named. */
static int ioda_entity(char *stem)
{
    static const char *const kinds[] = {"-raw", "-normalized"};
    size_t n = strlen(stem);
    if (strncmp(stem, "ioda-", 5) != 0)
        return 0;
    for (size_t k = 0; k < 2; k++) {
        size_t lk = strlen(kinds[k]);
        if (n < 5 + 1 + 15 + lk || strcmp(stem + n - lk, kinds[k]) != 0)
            continue;
        const char *stamp = stem + n - lk - 15;   /* "-26-01-01-01-00" */
        int ok = 1;
        for (size_t i = 0; i < 15 && ok; i++)
            ok = i % 3 == 0 ? stamp[i] == '-' : stamp[i] >= '0' && stamp[i] <= '9';
        if (!ok)
            return 0;
        size_t len = (size_t)(stamp - stem) - 5;
        memmove(stem, stem + 5, len);
        stem[len] = '\0';
        return 1;
    }
    return 0;
}

/* A file that cannot be scanned (unreadable, no header it knows) is one entity, which then
 * fails with the reason: a batch of thousands goes on. */
static int plan_unscanned(planner *pl, size_t i, disrupt_error *err)
{
    const disrupt_batch_input *x = &pl->in->items[i];
    if (x->entity)
        return plan_whole(pl, x->entity, i, 1, NULL, err);
    char *stem = disrupt_path_stem(x->file);
    int rc = stem ? plan_whole(pl, stem, i, 0, NULL, err) : disrupt_error_nomem(err);
    free(stem);
    return rc;
}

static int plan_input(planner *pl, size_t i, disrupt_error *err)
{
    const disrupt_batch_input *x = &pl->in->items[i];
    disrupt_ingest_options opt = *pl->opt;
    const char *signals[1] = {x->signal};
    if (x->signal && !x->entity) {
        opt.signal_columns = signals;
        opt.nsignal_columns = 1;
    }
    disrupt_entity_census c;
    disrupt_entity_census_init(&c);
    disrupt_error why = {0};
    int rc = disrupt_ingest_scan(x->file, &opt, &c, &why);
    /* Unreadable, or no header it knows: one failed entity. A bad row after the header of a
     * file of entities is the run's error (or, with --skip-bad-rows, a skipped row): reading
     * such a file whole would make all its entities one. */
    if ((rc == DISRUPT_EDATA && !c.dialect) || rc == DISRUPT_EIO) {
        rc = plan_unscanned(pl, i, err);
    } else if (rc) {
        *err = why;
    } else {
        if (x->entity) {
            rc = plan_named(pl, i, &c, err);
        } else if (c.has_entities && c.names.count > 1) {
            rc = plan_long(pl, i, &c, err);
        } else if (c.has_entities && c.names.count == 1) {
            rc = plan_whole(pl, c.names.keys[0], i, 0, NULL, err);
        } else {
            char *stem = disrupt_path_stem(x->file);
            /* An IODA export names its entity: ioda-<entity>-YY-MM-DD-HH-mm-raw.csv. (Two
             * exports of one entity stay an error: their raw and normalized, or two
             * periods', series would be analysed side by side, not joined.) */
            if (stem && c.dialect && !strcmp(c.dialect, "ioda"))
                ioda_entity(stem);
            rc = stem ? plan_whole(pl, stem, i, 0, NULL, err) : disrupt_error_nomem(err);
            free(stem);
        }
    }
    disrupt_entity_census_fini(&c);
    return rc;
}

int disrupt_batch_plan_make(const disrupt_batch_inputs *in, const disrupt_ingest_options *opt,
                            unsigned shard, unsigned shards, size_t pass_rows,
                            disrupt_batch_plan *p, disrupt_error *err)
{
    memset(p, 0, sizeof *p);
    planner pl = {in, opt, shard, shards, pass_rows ? pass_rows : DISRUPT_BATCH_PASS_ROWS, p,
                  {0}, NULL, 0};
    disrupt_strmap_init(&pl.names);
    int rc = 0;
    for (size_t i = 0; i < in->count && rc == 0; i++)
        rc = plan_input(&pl, i, err);
    disrupt_strmap_fini(&pl.names);
    free(pl.owners);
    if (rc)
        disrupt_batch_plan_fini(p);
    return rc;
}
