/* check_batch.c — batch: manifests, shards, plans, and the promise that the output is the
 * same bytes whatever the reading (grouped, in passes), the number of threads or the shards. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "disrupt/workflows/batch.h"
#include "testutil.h"

#define DAY 86400

/* A SYNTHETIC long file: `entities` entities of 14 days of hourly traffic; every even one is
 * shut down for 30 hours from hour 200. Grouped by entity, or interleaved by time. */
static char *long_file(const char *dir, const char *name, int entities, int grouped)
{
    size_t n = 14 * 24;
    disrupt_series **s = calloc((size_t)entities, sizeof *s);
    for (int e = 0; e < entities; e++)
        s[e] = tu_synthetic_level("traffic", 1600128000, 3600, n, 0.05, 200, e % 2 ? 200 : 230,
                                  0.03, 100 + (unsigned long)e);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fputs("# synthetic: made up for the batch tests\ntimestamp,entity,signal,value\n", f);
    for (size_t outer = 0; outer < (grouped ? (size_t)entities : n); outer++)
        for (size_t inner = 0; inner < (grouped ? n : (size_t)entities); inner++) {
            size_t e = grouped ? outer : inner, k = grouped ? inner : outer;
            fprintf(f, "%lld,E%03zu,traffic,%.4f\n",
                    (long long)disrupt_series_time(s[e], k), e, s[e]->value[k]);
        }
    fclose(f);
    for (int e = 0; e < entities; e++)
        disrupt_series_free(s[e]);
    free(s);
    char *path = tu_write_file(dir, name, text);
    free(text);
    return path;
}

/* ---- manifest ------------------------------------------------------------------------- */

static int read_manifest(const char *dir, const char *text, disrupt_batch_inputs *in,
                         disrupt_error *err)
{
    char *path = tu_write_file(dir, "manifest.csv", text);
    int rc = disrupt_batch_manifest_read(path, in, err);
    free(path);
    return rc;
}

START_TEST(manifest_rows_resolve_from_their_folder)
{
    char *dir = tu_tempdir();
    free(tu_write_file(dir, "az.csv", "time,traffic\n1601164800,1\n1601168400,2\n"));
    disrupt_batch_inputs in;
    disrupt_batch_inputs_init(&in);
    disrupt_error err = {0};
    ck_assert_msg(read_manifest(dir, "file,tz,entity\naz.csv,Asia/Baku,AZ\naz.csv,,AZ2\n", &in,
                                &err) == 0, "%s", err.message);
    ck_assert_uint_eq(in.count, 2);
    ck_assert_str_eq(in.items[0].entity, "AZ");
    ck_assert_str_eq(in.items[0].tz, "Asia/Baku");
    ck_assert_ptr_null(in.items[1].tz);
    ck_assert_ptr_null(in.items[0].signal);
    ck_assert_ptr_nonnull(strstr(in.items[0].file, dir));
    ck_assert_ptr_nonnull(strstr(in.items[1].where, "manifest.csv:3"));
    disrupt_batch_inputs_fini(&in);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(manifest_errors_name_their_place)
{
    char *dir = tu_tempdir();
    free(tu_write_file(dir, "az.csv", "time,traffic\n1601164800,1\n1601168400,2\n"));
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"file\naz.csv\n", "manifest.csv:1:1: expected a manifest header naming the columns "
                           "entity and file, found no 'entity' column"},
        {"entity,file,colour\nAZ,az.csv,red\n", "manifest.csv:1:3: expected a manifest header "
                                               "of entity,file[,signal][,tz], found the column "
                                               "'colour'"},
        {"entity,file\nAZ,missing.csv\n", "manifest.csv:2:2: expected a file that exists"},
        {"entity,file\n,az.csv\n", "manifest.csv:2:1: expected an entity name, found an empty "
                                   "cell"},
        {"entity,file,tz\nAZ,az.csv,Mars/Olympus\n", "manifest.csv:2:3: expected an IANA time "
                                                    "zone"},
        {"entity,file\nAZ,az.csv,extra\n", "manifest.csv:2:3: expected 2 fields"},
        {"entity,file\n", "expected rows after the header, found none"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        disrupt_batch_inputs in;
        disrupt_batch_inputs_init(&in);
        disrupt_error err = {0};
        ck_assert_int_eq(read_manifest(dir, cases[i].text, &in, &err), DISRUPT_EDATA);
        ck_assert_msg(strstr(err.message, cases[i].message), "case %zu: %s", i, err.message);
        ck_assert_uint_eq(in.count, 0);   /* nothing appended */
        disrupt_batch_inputs_fini(&in);
    }
    tu_rmrf(dir);
    free(dir);
}
END_TEST

/* ---- shards --------------------------------------------------------------------------- */

START_TEST(shard_text)
{
    unsigned i, n;
    ck_assert_int_eq(disrupt_batch_shard_parse("0/1", &i, &n), 0);
    ck_assert_int_eq(disrupt_batch_shard_parse("3/16", &i, &n), 0);
    ck_assert_uint_eq(i, 3);
    ck_assert_uint_eq(n, 16);
    const char *bad[] = {"4/4", "-1/4", "1/0", "a/b", "1/4x", "1", "/4", "1/", "+1/4", "0/2000000"};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++)
        ck_assert_msg(disrupt_batch_shard_parse(bad[k], &i, &n) == DISRUPT_EINVAL, "%s", bad[k]);
}
END_TEST

START_TEST(every_entity_is_in_exactly_one_shard)
{
    unsigned per[7] = {0};
    char name[32];
    for (int e = 0; e < 7000; e++) {
        snprintf(name, sizeof name, "AS%d", 13000 + e);
        int in = 0;
        for (unsigned s = 0; s < 7; s++)
            if (disrupt_batch_in_shard(name, s, 7)) {
                in++;
                per[s]++;
            }
        ck_assert_int_eq(in, 1);
    }
    for (unsigned s = 0; s < 7; s++)   /* about 1000 each */
        ck_assert_msg(per[s] > 850 && per[s] < 1150, "shard %u has %u", s, per[s]);
}
END_TEST

/* ---- plans ---------------------------------------------------------------------------- */

static int plan_files(char *const *files, size_t n, unsigned shard, unsigned shards,
                      size_t pass_rows, disrupt_batch_inputs *in, disrupt_batch_plan *p,
                      disrupt_error *err)
{
    disrupt_batch_inputs_init(in);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(disrupt_batch_inputs_add_file(in, files[i], err), 0);
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    return disrupt_batch_plan_make(in, &opt, shard, shards, pass_rows, p, err);
}

START_TEST(plans_stream_grouped_files_and_pass_over_others)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "grouped.csv", 9, 1), *u = long_file(dir, "by-time.csv", 9, 0);
    disrupt_batch_inputs in;
    disrupt_batch_plan p;
    disrupt_error err = {0};
    char *files[1] = {g};
    ck_assert_int_eq(plan_files(files, 1, 0, 1, 0, &in, &p, &err), 0);
    ck_assert_uint_eq(p.count, 1);
    ck_assert_int_eq(p.reads[0].kind, DISRUPT_BATCH_STREAM);
    ck_assert_uint_eq(p.reads[0].nentities, 9);
    ck_assert_uint_eq(p.entities, 9);
    disrupt_batch_plan_fini(&p);
    disrupt_batch_inputs_fini(&in);

    files[0] = u;   /* 336 rows an entity: passes of two entities under 700 rows */
    ck_assert_int_eq(plan_files(files, 1, 0, 1, 700, &in, &p, &err), 0);
    ck_assert_uint_eq(p.count, 5);
    ck_assert_uint_eq(p.passes, 4);
    size_t total = 0;
    for (size_t r = 0; r < p.count; r++) {
        ck_assert_int_eq(p.reads[r].kind, DISRUPT_BATCH_PASS);
        ck_assert_uint_le(p.reads[r].rows, 700);
        for (size_t e = 1; e < p.reads[r].nentities; e++)   /* sorted for the filter */
            ck_assert_int_lt(strcmp(p.reads[r].entities[e - 1], p.reads[r].entities[e]), 0);
        total += p.reads[r].nentities;
    }
    ck_assert_uint_eq(total, 9);
    disrupt_batch_plan_fini(&p);
    disrupt_batch_inputs_fini(&in);

    /* A shard plans only its entities, and knows how many there are in all. */
    ck_assert_int_eq(plan_files(files, 1, 1, 3, 0, &in, &p, &err), 0);
    ck_assert_uint_eq(p.all_entities, 9);
    for (size_t r = 0; r < p.count; r++)
        for (size_t e = 0; e < p.reads[r].nentities; e++)
            ck_assert(disrupt_batch_in_shard(p.reads[r].entities[e], 1, 3));
    disrupt_batch_plan_fini(&p);
    disrupt_batch_inputs_fini(&in);
    free(g);
    free(u);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(an_entity_from_two_files_is_refused)
{
    char *dir = tu_tempdir();
    char *a = long_file(dir, "a.csv", 3, 1), *b = long_file(dir, "b.csv", 2, 1);
    char *files[2] = {a, b};
    disrupt_batch_inputs in;
    disrupt_batch_plan p;
    disrupt_error err = {0};
    ck_assert_int_eq(plan_files(files, 2, 0, 1, 0, &in, &p, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "entity 'E000' is also given by"), "%s", err.message);
    ck_assert_ptr_nonnull(strstr(err.message, "a.csv"));
    ck_assert_uint_eq(p.count, 0);
    disrupt_batch_inputs_fini(&in);
    free(a);
    free(b);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

/* ---- runs ----------------------------------------------------------------------------- */

typedef struct {
    char *json, *csv, *summary;
} outputs;

static void outputs_free(outputs *o)
{
    free(o->json);
    free(o->csv);
    free(o->summary);
}

static outputs run_batch(char *const *files, size_t n, unsigned shard, unsigned shards,
                         size_t pass_rows, unsigned jobs, const char *out,
                         disrupt_batch_totals *totals)
{
    disrupt_batch_inputs in;
    disrupt_batch_plan p;
    disrupt_error err = {0};
    ck_assert_msg(plan_files(files, n, shard, shards, pass_rows, &in, &p, &err) == 0, "%s",
                  err.message);
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    disrupt_detect_options det;
    disrupt_detect_options_init(&det);
    disrupt_batch_index spool;
    disrupt_batch_index_init(&spool);
    ck_assert_int_eq(disrupt_batch_spool_open(&spool, &err), 0);
    disrupt_batch_run_options o = {&in, &p, &opt, &det, jobs, NULL, NULL, NULL, NULL, NULL};
    disrupt_batch_totals t;
    ck_assert_msg(disrupt_batch_run(&o, &spool, &t, &err) == 0, "%s", err.message);
    ck_assert_msg(disrupt_batch_write(out, &spool, "test", shard, shards, &err) == 0, "%s",
                  err.message);
    disrupt_batch_index_fini(&spool);
    disrupt_batch_plan_fini(&p);
    disrupt_batch_inputs_fini(&in);
    if (totals)
        *totals = t;
    char path[4200];
    outputs r;
    snprintf(path, sizeof path, "%s/windows.json", out);
    r.json = tu_read_file(path, NULL);
    snprintf(path, sizeof path, "%s/windows.csv", out);
    r.csv = tu_read_file(path, NULL);
    snprintf(path, sizeof path, "%s/entities.csv", out);
    r.summary = tu_read_file(path, NULL);
    ck_assert(r.json && r.csv && r.summary);
    return r;
}

START_TEST(threads_and_passes_change_no_byte)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "grouped.csv", 12, 1);
    char *sub = malloc(strlen(dir) + 8);
    sprintf(sub, "%s/t", dir);
    ck_assert_int_eq(mkdir(sub, 0777), 0);
    char *u = long_file(sub, "grouped.csv", 12, 0);   /* same name: same "file" in the JSON */
    char out[4096];
    disrupt_batch_totals t1, t3;
    snprintf(out, sizeof out, "%s/one", dir);
    outputs one = run_batch(&g, 1, 0, 1, 0, 1, out, &t1);
    snprintf(out, sizeof out, "%s/three", dir);
    outputs three = run_batch(&g, 1, 0, 1, 0, 3, out, &t3);
    snprintf(out, sizeof out, "%s/passes", dir);
    outputs passes = run_batch(&u, 1, 0, 1, 1000, 2, out, NULL);
    ck_assert_str_eq(one.json, three.json);
    ck_assert_str_eq(one.csv, three.csv);
    ck_assert_str_eq(one.summary, three.summary);
    ck_assert_str_eq(one.csv, passes.csv);
    ck_assert_str_eq(one.summary, passes.summary);
    /* The even entities were shut down for 30 hours from 2020-09-23T08:00Z (hour 200). */
    ck_assert_uint_eq(t1.done, 12);
    ck_assert_uint_eq(t1.failed, 0);
    ck_assert_uint_ge(t1.windows, 6);
    ck_assert_ptr_nonnull(strstr(one.summary, "E000,ok,1,336,0,1,1,0,0,0,1.25,"
                                              "2020-09-23T08:00:00Z,2020-09-24T14:00:00Z,,\n"));
    ck_assert_ptr_nonnull(strstr(one.csv, "\nE002,E002/traffic,shutdown,2020-09-23T08:00:00Z,"));
    /* Memory held one entity at a time with no threads, a few with three. */
    ck_assert_uint_eq(t1.peak_entities, 1);
    ck_assert_uint_eq(t1.peak_points, 336);
    ck_assert_uint_le(t3.peak_entities, 2 * 3 + 3);
    outputs_free(&one);
    outputs_free(&three);
    outputs_free(&passes);
    free(g);
    free(u);
    free(sub);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(merged_shards_are_the_single_run)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "g.csv", 10, 1);
    char out[4096];
    snprintf(out, sizeof out, "%s/all", dir);
    outputs all = run_batch(&g, 1, 0, 1, 0, 2, out, NULL);
    char *shards[3];
    for (unsigned s = 0; s < 3; s++) {
        shards[s] = malloc(strlen(dir) + 16);
        sprintf(shards[s], "%s/shard%u", dir, s);
        outputs part = run_batch(&g, 1, s, 3, 0, 2, shards[s], NULL);
        outputs_free(&part);
    }
    char *order[3] = {shards[2], shards[0], shards[1]};   /* any order */
    disrupt_batch_index x;
    disrupt_batch_index_init(&x);
    char settings[80];
    disrupt_error err = {0};
    ck_assert_msg(disrupt_batch_merge_read(order, 3, &x, settings, sizeof settings, &err) == 0,
                  "%s", err.message);
    ck_assert_str_eq(settings, "test");
    ck_assert_uint_eq(x.count, 10);
    snprintf(out, sizeof out, "%s/merged", dir);
    ck_assert_int_eq(disrupt_batch_write(out, &x, settings, 0, 1, &err), 0);
    disrupt_batch_index_fini(&x);
    char path[4200];
    snprintf(path, sizeof path, "%s/windows.json", out);
    char *json = tu_read_file(path, NULL);
    snprintf(path, sizeof path, "%s/windows.csv", out);
    char *csv = tu_read_file(path, NULL);
    ck_assert_str_eq(json, all.json);
    ck_assert_str_eq(csv, all.csv);
    free(json);
    free(csv);

    /* Two shards of three are not the run; nor is a shard whose CSV lost a row. */
    disrupt_batch_index_init(&x);
    ck_assert_int_eq(disrupt_batch_merge_read(order, 2, &x, settings, sizeof settings, &err),
                     DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "shard 1/3 is missing"), "%s", err.message);
    disrupt_batch_index_fini(&x);
    snprintf(path, sizeof path, "%s/windows.csv", shards[0]);
    char *text = tu_read_file(path, NULL);
    char *last = strrchr(text, '\n');
    *last = '\0';
    char *cut = strrchr(text, '\n');
    if (cut) {
        cut[1] = '\0';
        free(tu_write_file(shards[0], "windows.csv", text));
        disrupt_batch_index_init(&x);
        ck_assert_int_eq(disrupt_batch_merge_read(order, 3, &x, settings, sizeof settings,
                                                  &err), DISRUPT_EDATA);
        ck_assert_msg(strstr(err.message, "windows.csv:") && strstr(err.message, "expected row"),
                      "%s", err.message);
        disrupt_batch_index_fini(&x);
    }
    free(text);
    for (unsigned s = 0; s < 3; s++)
        free(shards[s]);
    outputs_free(&all);
    free(g);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(an_entity_that_fails_is_a_record_and_the_run_goes_on)
{
    char *dir = tu_tempdir();
    char *path = tu_write_file(dir, "few.csv",
                               "timestamp,entity,signal,value\n"
                               "1601164800,tiny,bgp,1\n1601168400,tiny,bgp,2\n"
                               "1601164800,empty,bgp,\n1601168400,empty,bgp,\n");
    char *g = long_file(dir, "g.csv", 2, 1);
    char *files[2] = {g, path};
    char out[4096];
    snprintf(out, sizeof out, "%s/out", dir);
    disrupt_batch_totals t;
    outputs o = run_batch(files, 2, 0, 1, 0, 2, out, &t);
    ck_assert_uint_eq(t.done, 4);
    ck_assert_uint_ge(t.failed, 1);
    ck_assert_ptr_nonnull(strstr(o.summary, "\nempty,failed,"));
    ck_assert_ptr_nonnull(strstr(o.summary, "every value cell empty"));
    ck_assert_ptr_nonnull(strstr(o.json, "\"status\": \"failed\""));
    ck_assert_ptr_nonnull(strstr(o.summary, "\nE000,ok,"));
    outputs_free(&o);
    free(g);
    free(path);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(a_manifest_row_reads_its_entity_and_no_other)
{
    char *dir = tu_tempdir();
    /* Two entities, each with another signal: a row's signal filter leaves AS2's traffic
     * alone, which must not become AS1's. Tor's "az" answers to a manifest's AZ. */
    free(tu_write_file(dir, "two.csv", "timestamp,entity,signal,value\n"
                                       "1601164800,AS1,ping,1\n1601168400,AS1,ping,2\n"
                                       "1601164800,AS2,traffic,5\n1601168400,AS2,traffic,6\n"));
    disrupt_batch_inputs in;
    disrupt_batch_inputs_init(&in);
    disrupt_error err = {0};
    ck_assert_int_eq(read_manifest(dir, "entity,file,signal\nAS1,two.csv,traffic\n", &in, &err),
                     0);
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    disrupt_batch_plan p;
    ck_assert_int_eq(disrupt_batch_plan_make(&in, &opt, 0, 1, 0, &p, &err), 0);
    ck_assert_uint_eq(p.count, 1);
    ck_assert_str_eq(p.reads[0].only_entity[0], "AS1");
    disrupt_batch_plan_fini(&p);
    disrupt_batch_inputs_fini(&in);

    disrupt_batch_inputs_init(&in);
    char *tor = strdup(tu_source("tests/data/tor-userstats-synthetic.csv"));
    char text[4200];
    snprintf(text, sizeof text, "entity,file\nAZ,%s\n", tor);
    ck_assert_int_eq(read_manifest(dir, text, &in, &err), 0);
    ck_assert_int_eq(disrupt_batch_plan_make(&in, &opt, 0, 1, 0, &p, &err), 0);
    ck_assert_str_eq(p.reads[0].entity, "AZ");
    ck_assert_str_eq(p.reads[0].only_entity[0], "az");
    disrupt_batch_plan_fini(&p);
    disrupt_batch_inputs_fini(&in);

    disrupt_batch_inputs_init(&in);
    ck_assert_int_eq(read_manifest(dir, "entity,file\nAS3,two.csv\n", &in, &err), 0);
    ck_assert_int_eq(disrupt_batch_plan_make(&in, &opt, 0, 1, 0, &p, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "expected rows of entity 'AS3' in"), "%s", err.message);
    disrupt_batch_inputs_fini(&in);

    disrupt_batch_inputs_init(&in);
    ck_assert_int_eq(read_manifest(dir, "entity, file\n AS1 ,two.csv\nAS1,two.csv\n", &in, &err),
                     DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "manifest.csv:3:2: expected each file and signal once per entity"),
                  "%s", err.message);
    disrupt_batch_inputs_fini(&in);
    free(tor);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(an_unreadable_input_is_a_failed_entity)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "g.csv", 2, 1);
    char *bad = tu_write_file(dir, "notes.csv", "colour,shape\nred,round\n");
    char *files[2] = {g, bad};
    char out[4096];
    snprintf(out, sizeof out, "%s/out", dir);
    disrupt_batch_totals t;
    outputs o = run_batch(files, 2, 0, 1, 0, 1, out, &t);
    ck_assert_uint_eq(t.done, 3);
    ck_assert_uint_eq(t.failed, 1);
    ck_assert_msg(strstr(o.summary, "\nnotes,failed,") && strstr(o.summary, "notes.csv:2:1: expected"),
                  "%s", o.summary);
    outputs_free(&o);
    free(g);
    free(bad);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(merge_refuses_what_batch_did_not_write)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "g.csv", 6, 1);
    char *shards[2];
    for (unsigned s = 0; s < 2; s++) {
        shards[s] = malloc(strlen(dir) + 16);
        sprintf(shards[s], "%s/shard%u", dir, s);
        outputs part = run_batch(&g, 1, s, 2, 0, 1, shards[s], NULL);
        outputs_free(&part);
    }
    char path[4200];
    static const struct {
        const char *file, *from, *to, *message;
    } cases[] = {
        {"windows.json", "\"status\": \"ok\",", "\"status\": \"ok\"} [1,", "expected an entity item"},
        {"windows.json", "\"shard\": [0, 2]", "\"shard\": [1, 2]", "expected entities of shard 1/2"},
        {"entities.csv", ",ok,", ",ok,\n", "expected row"},
        {"windows.json", "\"settings\": \"test\"", "\"settings\": \"other\"", "a shard of another run"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(path, sizeof path, "%s/%s", shards[0], cases[i].file);
        size_t len;
        char *orig = tu_read_file(path, &len);
        char *at = strstr(orig, cases[i].from);
        ck_assert_ptr_nonnull(at);
        char *changed = malloc(len + 64);
        size_t head = (size_t)(at - orig);
        memcpy(changed, orig, head);
        strcpy(changed + head, cases[i].to);
        strcat(changed, at + strlen(cases[i].from));
        free(tu_write_file(shards[0], cases[i].file, changed));
        disrupt_batch_index x;
        disrupt_batch_index_init(&x);
        char settings[80];
        disrupt_error err = {0};
        ck_assert_int_eq(disrupt_batch_merge_read(shards, 2, &x, settings, sizeof settings, &err),
                         DISRUPT_EDATA);
        ck_assert_msg(strstr(err.message, cases[i].message), "case %zu: %s", i, err.message);
        disrupt_batch_index_fini(&x);
        free(tu_write_file(shards[0], cases[i].file, orig));   /* as it was */
        free(orig);
        free(changed);
    }
    /* A CSV cut short of its last line break. */
    snprintf(path, sizeof path, "%s/entities.csv", shards[1]);
    size_t len;
    char *orig = tu_read_file(path, &len);
    orig[len - 1] = '\0';
    free(tu_write_file(shards[1], "entities.csv", orig));
    disrupt_batch_index x;
    disrupt_batch_index_init(&x);
    char settings[80];
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_batch_merge_read(shards, 2, &x, settings, sizeof settings, &err),
                     DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "cut short"), "%s", err.message);
    disrupt_batch_index_fini(&x);
    free(orig);
    for (unsigned s = 0; s < 2; s++)
        free(shards[s]);
    free(g);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("batch");
    TCase *tc = tcase_create("batch");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, manifest_rows_resolve_from_their_folder);
    tcase_add_test(tc, manifest_errors_name_their_place);
    tcase_add_test(tc, shard_text);
    tcase_add_test(tc, every_entity_is_in_exactly_one_shard);
    tcase_add_test(tc, plans_stream_grouped_files_and_pass_over_others);
    tcase_add_test(tc, an_entity_from_two_files_is_refused);
    tcase_add_test(tc, threads_and_passes_change_no_byte);
    tcase_add_test(tc, merged_shards_are_the_single_run);
    tcase_add_test(tc, an_entity_that_fails_is_a_record_and_the_run_goes_on);
    tcase_add_test(tc, a_manifest_row_reads_its_entity_and_no_other);
    tcase_add_test(tc, an_unreadable_input_is_a_failed_entity);
    tcase_add_test(tc, merge_refuses_what_batch_did_not_write);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
