/* batch_run.c — reading the plan's entities on the calling thread and analysing them on
 * worker threads (batch.h).
 *
 * The reader hands each entity over as a job through a queue of 2 × jobs places: when the
 * queue is full the reader waits, so memory holds at most that many entities read ahead plus
 * those being analysed, however long the files. Records go to the spool as they finish; their
 * order does not matter, since the output sorts them.
 */
#include "disrupt/workflows/batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/outfile.h"

typedef struct {
    char *entity;
    disrupt_dataset data;   /* the entity's series, moved in */
    char *failed;           /* why it could not be read; NULL = analyse it */
    size_t points;
    const char *tz;         /* its inputs' zone (manifest), NULL = the run's */
} job;

typedef struct {
    const disrupt_batch_run_options *o;
    disrupt_batch_index *spool;
    disrupt_batch_totals *t;
    pthread_mutex_t lock;
    pthread_cond_t can_put, can_take;
    job *queue;
    size_t cap, head, count;
    size_t in_flight;       /* queued or being analysed */
    int closed;             /* the reader is done */
    int rc;                 /* the first error, which stops everything */
    disrupt_error err;
} runner;

static void job_fini(job *j)
{
    free(j->entity);
    free(j->failed);
    disrupt_dataset_fini(&j->data);
}

static size_t points_of(const disrupt_dataset *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += d->series[i]->n;
    return n;
}

/* Records the first error (under the lock). */
static void fail_locked(runner *r, int rc, const disrupt_error *err)
{
    if (r->rc)
        return;
    r->rc = rc;
    r->err = *err;
    pthread_cond_broadcast(&r->can_put);
    pthread_cond_broadcast(&r->can_take);
}

/* Analyses one job and files its record. */
static void work(runner *r, job *j)
{
    const disrupt_batch_run_options *o = r->o;
    disrupt_batch_record rec;
    disrupt_detection result;
    disrupt_detection_init(&result);
    disrupt_error err = {0};
    /* An entity's zone is its inputs': the daily cycle is fitted in it, as with --tz. */
    disrupt_detect_options detect = *o->detect;
    if (j->tz)
        detect.baseline.tz = j->tz;
    int rc = j->failed ? disrupt_batch_entity_failed(j->entity, j->failed, &rec, &err)
                       : disrupt_batch_entity_analyse(j->entity, &j->data, &detect,
                                                      o->chart_format, &rec, &result, &err);
    int recorded = rc == 0, chart_failed = 0;
    disrupt_error chart_err = {0};
    if (rc == 0 && o->chart && !j->failed && !rec.failed) {
        int crc = o->chart(o->chart_ctx, j->entity, j->tz, &j->data, &result, &chart_err);
        if (crc == DISRUPT_ENOMEM || crc == DISRUPT_EIO) {   /* the run's trouble */
            rc = crc;
            err = chart_err;
        } else if (crc) {   /* this chart's alone (too large, …): its record names none */
            chart_failed = 1;
            disrupt_batch_record_fini(&rec);
            rc = disrupt_batch_entity_record(j->entity, &j->data, &result, &detect, NULL, &rec,
                                             &err);
            recorded = rc == 0;
        }
    }
    disrupt_detection_fini(&result);
    pthread_mutex_lock(&r->lock);
    if (chart_failed && r->t->charts_failed++ == 0)
        snprintf(r->t->chart_error, sizeof r->t->chart_error, "%s", chart_err.message);
    if (rc == 0)
        rc = disrupt_batch_spool_add(r->spool, &rec, &err);
    if (rc) {
        fail_locked(r, rc, &err);
    } else {
        disrupt_batch_totals *t = r->t;
        t->done++;
        t->failed += (size_t)rec.failed;
        t->windows += rec.windows;
        t->points += rec.points;
        if (o->progress)
            o->progress(o->progress_ctx, t);
    }
    r->t->held_points -= j->points;
    r->in_flight--;
    pthread_mutex_unlock(&r->lock);
    if (recorded)
        disrupt_batch_record_fini(&rec);
    job_fini(j);
}

static void *worker(void *arg)
{
    runner *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        while (r->count == 0 && !r->closed && !r->rc)
            pthread_cond_wait(&r->can_take, &r->lock);
        if (r->count == 0 || r->rc) {
            pthread_mutex_unlock(&r->lock);
            return NULL;
        }
        job j = r->queue[r->head];
        r->head = (r->head + 1) % r->cap;
        r->count--;
        pthread_cond_signal(&r->can_put);
        pthread_mutex_unlock(&r->lock);
        work(r, &j);
    }
}

/* Hands a job over (taking it): into the queue, or analysed here when there are no workers.
 * Returns the run's error, if any. */
static int put(runner *r, job *j)
{
    pthread_mutex_lock(&r->lock);
    while (r->cap && r->count == r->cap && !r->rc)
        pthread_cond_wait(&r->can_put, &r->lock);
    int rc = r->rc;
    if (rc) {
        pthread_mutex_unlock(&r->lock);
        job_fini(j);
        return rc;
    }
    disrupt_batch_totals *t = r->t;
    t->held_points += j->points;
    if (t->held_points > t->peak_points)
        t->peak_points = t->held_points;
    if (++r->in_flight > t->peak_entities)
        t->peak_entities = r->in_flight;
    if (r->cap) {
        r->queue[(r->head + r->count) % r->cap] = *j;
        r->count++;
        pthread_cond_signal(&r->can_take);
    }
    pthread_mutex_unlock(&r->lock);
    if (!r->cap) {
        work(r, j);
        pthread_mutex_lock(&r->lock);
        rc = r->rc;
        pthread_mutex_unlock(&r->lock);
    }
    return rc;
}

static int put_failed(runner *r, const char *entity, const char *message)
{
    job j = {strdup(entity), {0}, strdup(message), 0, NULL};
    disrupt_dataset_init(&j.data);
    if (!j.entity || !j.failed) {
        job_fini(&j);
        disrupt_error err;
        disrupt_error_nomem(&err);
        pthread_mutex_lock(&r->lock);
        fail_locked(r, DISRUPT_ENOMEM, &err);
        pthread_mutex_unlock(&r->lock);
        return DISRUPT_ENOMEM;
    }
    return put(r, &j);
}

/* The ingest options for one input: the run's, with the input's zone and signal. */
static disrupt_ingest_options input_options(const runner *r, const disrupt_batch_input *x,
                                            const char **signal)
{
    disrupt_ingest_options opt = *r->o->ingest;
    opt.on_entity = NULL;
    opt.entities = NULL;
    opt.nentities = 0;
    if (x->tz)
        opt.tz = x->tz;
    if (x->signal) {
        *signal = x->signal;
        opt.signal_columns = signal;
        opt.nsignal_columns = 1;
    }
    return opt;
}

/* The zone all of a read's inputs give, NULL when none or not one. */
static const char *read_tz(const runner *r, const disrupt_batch_read *rd)
{
    const char *tz = r->o->inputs->items[rd->inputs[0]].tz;
    for (size_t k = 1; tz && k < rd->ninputs; k++) {
        const char *other = r->o->inputs->items[rd->inputs[k]].tz;
        if (!other || strcmp(other, tz) != 0)
            return NULL;
    }
    return tz;
}

/* One entity from its files, read together. */
static int read_whole(runner *r, const disrupt_batch_read *rd)
{
    job j = {NULL, {0}, NULL, 0, read_tz(r, rd)};
    disrupt_dataset_init(&j.data);
    disrupt_error e = {0};
    int rc = 0;
    for (size_t k = 0; k < rd->ninputs && rc == 0; k++) {
        const disrupt_batch_input *x = &r->o->inputs->items[rd->inputs[k]];
        const char *signal = NULL;
        const char *only[1] = {rd->only_entity[k]};
        disrupt_ingest_options opt = input_options(r, x, &signal);
        if (only[0]) {
            opt.entities = only;
            opt.nentities = 1;
        }
        rc = disrupt_ingest_file(x->file, &opt, &j.data, &e);
    }
    if (rc == DISRUPT_ENOMEM) {
        disrupt_dataset_fini(&j.data);
        pthread_mutex_lock(&r->lock);
        fail_locked(r, rc, &e);
        pthread_mutex_unlock(&r->lock);
        return rc;
    }
    if (rc) {
        disrupt_dataset_fini(&j.data);
        return put_failed(r, rd->entity, e.message);
    }
    if (!(j.entity = strdup(rd->entity))) {
        disrupt_dataset_fini(&j.data);
        return put_failed(r, rd->entity, "out of memory");
    }
    j.points = points_of(&j.data);
    return put(r, &j);
}

/* An entity by entity read of a long file. */
typedef struct {
    runner *r;
    const disrupt_batch_read *rd;
    unsigned char *handed;   /* per entity of rd */
} stream_ctx;

static long entity_index(const disrupt_batch_read *rd, const char *entity)
{
    size_t lo = 0, hi = rd->nentities;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(entity, rd->entities[mid]);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

static int on_entity(void *ctx, const char *entity, disrupt_dataset *series,
                     const disrupt_error *failed, disrupt_error *err)
{
    stream_ctx *s = ctx;
    long i = entity_index(s->rd, entity);
    if (i < 0 || s->handed[i])
        return disrupt_error_set(err, DISRUPT_EDATA,
                                 "%s: entity '%s' %s; the file changed while it was read",
                                 s->r->o->inputs->items[s->rd->inputs[0]].where, entity,
                                 i < 0 ? "was not found by the first reading"
                                       : "came back after other entities");
    s->handed[i] = 1;
    if (failed)
        return put_failed(s->r, entity, failed->message);
    job j = {strdup(entity), *series, NULL, points_of(series), read_tz(s->r, s->rd)};
    disrupt_dataset_init(series);   /* the job has them now */
    if (!j.entity) {
        job_fini(&j);
        return disrupt_error_nomem(err);
    }
    return put(s->r, &j);
}

static int read_entities(runner *r, const disrupt_batch_read *rd)
{
    const disrupt_batch_input *x = &r->o->inputs->items[rd->inputs[0]];
    stream_ctx s = {r, rd, calloc(rd->nentities ? rd->nentities : 1, 1)};
    if (!s.handed) {
        disrupt_error e;
        disrupt_error_nomem(&e);
        pthread_mutex_lock(&r->lock);
        fail_locked(r, DISRUPT_ENOMEM, &e);
        pthread_mutex_unlock(&r->lock);
        return DISRUPT_ENOMEM;
    }
    const char *signal = NULL;
    disrupt_ingest_options opt = input_options(r, x, &signal);
    opt.entities = (const char *const *)rd->entities;
    opt.nentities = rd->nentities;
    opt.on_entity = on_entity;
    opt.entity_ctx = &s;
    opt.entities_grouped = rd->kind == DISRUPT_BATCH_STREAM;
    disrupt_dataset unused;
    disrupt_dataset_init(&unused);
    disrupt_error e = {0};
    int rc = disrupt_ingest_file(x->file, &opt, &unused, &e);
    disrupt_dataset_fini(&unused);
    pthread_mutex_lock(&r->lock);
    int stopped = r->rc;
    if (rc == DISRUPT_ENOMEM && !stopped)
        fail_locked(r, rc, &e);
    pthread_mutex_unlock(&r->lock);
    /* Every entity of the plan gets a record: those the file never handed over (it is bad
     * after their first rows, or every row of theirs was skipped) fail with the reason. */
    if (!stopped && rc != DISRUPT_ENOMEM) {
        const char *why = rc ? e.message : "no row of this entity could be read (all were "
                                            "rejected)";
        rc = 0;
        for (size_t i = 0; i < rd->nentities && rc == 0; i++)
            if (!s.handed[i])
                rc = put_failed(r, rd->entities[i], why);
    }
    free(s.handed);
    return stopped ? stopped : rc;
}

static void read_all(runner *r)
{
    const disrupt_batch_plan *p = r->o->plan;
    int rc = 0;
    for (size_t i = 0; i < p->count && rc == 0; i++)
        rc = p->reads[i].kind == DISRUPT_BATCH_WHOLE ? read_whole(r, &p->reads[i])
                                                      : read_entities(r, &p->reads[i]);
}

int disrupt_batch_run(const disrupt_batch_run_options *o, disrupt_batch_index *spool,
                      disrupt_batch_totals *t, disrupt_error *err)
{
    memset(t, 0, sizeof *t);
    t->entities = o->plan->entities;
    runner r;
    memset(&r, 0, sizeof r);
    r.o = o;
    r.spool = spool;
    r.t = t;
    unsigned jobs = o->jobs ? o->jobs : 1;
    r.cap = jobs > 1 ? 2 * (size_t)jobs : 0;
    pthread_t *threads = NULL;
    if (r.cap && (!(r.queue = calloc(r.cap, sizeof *r.queue)) ||
                  !(threads = calloc(jobs, sizeof *threads)))) {
        free(r.queue);
        return disrupt_error_nomem(err);
    }
    disrupt_outfile_read_umask();   /* before the threads that write charts */
    pthread_mutex_init(&r.lock, NULL);
    pthread_cond_init(&r.can_put, NULL);
    pthread_cond_init(&r.can_take, NULL);
    unsigned started = 0;
    for (; r.cap && started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &r))
            break;
    if (r.cap && started == 0) {
        r.rc = disrupt_error_set(&r.err, DISRUPT_EANALYSIS, "cannot start a worker thread");
    } else {
        read_all(&r);
    }
    pthread_mutex_lock(&r.lock);
    r.closed = 1;
    pthread_cond_broadcast(&r.can_take);
    pthread_mutex_unlock(&r.lock);
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    for (; r.count; r.count--, r.head = (r.head + 1) % r.cap)   /* left by an error */
        job_fini(&r.queue[r.head]);
    free(threads);
    free(r.queue);
    pthread_cond_destroy(&r.can_put);
    pthread_cond_destroy(&r.can_take);
    pthread_mutex_destroy(&r.lock);
    if (r.rc)
        *err = r.err;
    return r.rc;
}
