/* check_ingest_entities.c — reading long files entity by entity: the scan's census, hand-over
 * of each entity on its own (names, own step, order), grouped and ungrouped reading giving the
 * same series, the entity set filter, an entity that cannot be built, Tor's world. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/ingest.h"
#include "testutil.h"

/* Long file of entities a (hourly), b (5-minute), c; grouped or interleaved by time. */
static char *long_file(const char *dir, const char *name, int grouped)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    fputs("# synthetic: made up for tests\ntimestamp,entity,signal,value\n", f);
    const char *entities[3] = {"a", "b", "c"};
    int64_t t0 = 1601164800;
    if (grouped) {
        for (int e = 0; e < 3; e++)
            for (int k = 0; k < 24; k++) {
                int64_t step = e == 1 ? 300 : 3600;
                fprintf(f, "%lld,%s,bgp,%d\n", (long long)(t0 + k * step), entities[e], 100 + k + e);
                fprintf(f, "%lld,%s,ping,%d\n", (long long)(t0 + k * step), entities[e], 50 + k);
            }
    } else {
        for (int k = 0; k < 24; k++)
            for (int e = 0; e < 3; e++) {
                int64_t step = e == 1 ? 300 : 3600;
                fprintf(f, "%lld,%s,bgp,%d\n", (long long)(t0 + k * step), entities[e], 100 + k + e);
                fprintf(f, "%lld,%s,ping,%d\n", (long long)(t0 + k * step), entities[e], 50 + k);
            }
    }
    fclose(f);
    char *path = tu_write_file(dir, name, text);
    free(text);
    return path;
}

typedef struct {
    char entity[8][16];
    char names[8][64];       /* the entity's series names joined by ' ' */
    int64_t step[8];
    double sum[8];
    char failed[8][1100];
    int count;
} handed;

static int collect(void *ctx, const char *entity, disrupt_dataset *series,
                   const disrupt_error *failed, disrupt_error *err)
{
    (void)err;
    handed *h = ctx;
    ck_assert_int_lt(h->count, 8);
    int i = h->count++;
    snprintf(h->entity[i], sizeof h->entity[i], "%s", entity);
    h->failed[i][0] = '\0';
    if (failed) {
        ck_assert_uint_eq(series->count, 0);
        snprintf(h->failed[i], sizeof h->failed[i], "%s", failed->message);
        return 0;
    }
    h->names[i][0] = '\0';
    h->sum[i] = 0;
    for (size_t s = 0; s < series->count; s++) {
        const disrupt_series *x = series->series[s];
        strncat(h->names[i], x->name, sizeof h->names[i] - strlen(h->names[i]) - 2);
        strcat(h->names[i], " ");
        h->step[i] = x->step;
        for (size_t k = 0; k < x->n; k++)
            if (!isnan(x->value[k]))
                h->sum[i] += x->value[k];
    }
    return 0;
}

static void read_by_entity(const char *path, int grouped, const char *const *set, size_t nset,
                           handed *h)
{
    memset(h, 0, sizeof *h);
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    opt.on_entity = collect;
    opt.entity_ctx = h;
    opt.entities_grouped = grouped;
    opt.entities = set;
    opt.nentities = nset;
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    disrupt_error err = {0};
    ck_assert_msg(disrupt_ingest_file(path, &opt, &ds, &err) == 0, "%s", err.message);
    ck_assert_uint_eq(ds.count, 0);   /* handed over, not appended */
    disrupt_dataset_fini(&ds);
}

START_TEST(scan_counts_entities_and_grouping)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "g.csv", 1), *u = long_file(dir, "u.csv", 0);
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    disrupt_entity_census c;
    disrupt_entity_census_init(&c);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_ingest_scan(g, &opt, &c, &err), 0);
    ck_assert_int_eq(c.has_entities, 1);
    ck_assert_int_eq(c.grouped, 1);
    ck_assert_str_eq(c.dialect, "long");
    ck_assert_uint_eq(c.names.count, 3);
    ck_assert_str_eq(c.names.keys[1], "b");
    ck_assert_uint_eq(c.rows[1].rows, 48);
    ck_assert_int_eq(c.rows[0].first_line, 3);    /* after the comment and the header */
    ck_assert_int_eq(c.rows[0].last_line, 50);
    ck_assert_int_eq(c.rows[1].first_line, 51);
    disrupt_entity_census_fini(&c);

    disrupt_entity_census_init(&c);
    ck_assert_int_eq(disrupt_ingest_scan(u, &opt, &c, &err), 0);
    ck_assert_int_eq(c.grouped, 0);
    ck_assert_uint_eq(c.names.count, 3);
    ck_assert_uint_eq(c.rows[2].rows, 48);
    disrupt_entity_census_fini(&c);

    /* The filters count too: one signal halves the rows. */
    const char *ping[1] = {"ping"};
    opt.signal_columns = ping;
    opt.nsignal_columns = 1;
    disrupt_entity_census_init(&c);
    ck_assert_int_eq(disrupt_ingest_scan(g, &opt, &c, &err), 0);
    ck_assert_uint_eq(c.rows[0].rows, 24);
    disrupt_entity_census_fini(&c);
    free(g);
    free(u);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(scan_of_a_file_without_entities_stops_at_its_header)
{
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    disrupt_entity_census c;
    disrupt_entity_census_init(&c);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_ingest_scan(tu_source("tests/data/plain-synthetic.csv"), &opt, &c,
                                         &err), 0);
    ck_assert_int_eq(c.has_entities, 0);
    ck_assert_str_eq(c.dialect, "plain");
    ck_assert_uint_eq(opt.rows, 0);
    ck_assert_uint_eq(c.names.count, 0);
    disrupt_entity_census_fini(&c);
}
END_TEST

START_TEST(grouped_and_ungrouped_hand_over_the_same_entities)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "g.csv", 1), *u = long_file(dir, "u.csv", 0);
    handed a, b;
    read_by_entity(g, 1, NULL, 0, &a);
    read_by_entity(u, 0, NULL, 0, &b);
    ck_assert_int_eq(a.count, 3);
    ck_assert_int_eq(b.count, 3);
    for (int i = 0; i < 3; i++) {
        ck_assert_str_eq(a.entity[i], b.entity[i]);
        ck_assert_str_eq(a.names[i], b.names[i]);
        ck_assert_int_eq(a.step[i], b.step[i]);
        ck_assert_double_eq_tol(a.sum[i], b.sum[i], 1e-9);
    }
    ck_assert_str_eq(a.entity[0], "a");
    ck_assert_str_eq(a.names[0], "a/bgp a/ping ");   /* always entity/signal */
    ck_assert_int_eq(a.step[0], 3600);
    ck_assert_int_eq(a.step[1], 300);                /* each entity on its own step */
    /* 24 rows of 100 + k + 1 and 24 of 50 + k */
    ck_assert_double_eq_tol(a.sum[1], 24 * 101 + 276 + 24 * 50 + 276, 1e-9);
    free(g);
    free(u);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(entity_set_reads_only_its_entities)
{
    char *dir = tu_tempdir();
    char *g = long_file(dir, "g.csv", 1);
    const char *set[2] = {"a", "c"};   /* sorted */
    handed h;
    read_by_entity(g, 1, set, 2, &h);
    ck_assert_int_eq(h.count, 2);
    ck_assert_str_eq(h.entity[0], "a");
    ck_assert_str_eq(h.entity[1], "c");
    read_by_entity(g, 0, set + 1, 1, &h);
    ck_assert_int_eq(h.count, 1);
    ck_assert_str_eq(h.entity[0], "c");
    free(g);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(an_entity_that_cannot_be_built_fails_alone)
{
    char *dir = tu_tempdir();
    char *path = tu_write_file(dir, "e.csv",
                               "timestamp,entity,signal,value\n"
                               "1601164800,x,bgp,1\n1601168400,x,bgp,2\n"
                               "1601164800,y,bgp,\n1601168400,y,bgp,\n"
                               "1601164800,z,bgp,3\n1601168400,z,bgp,4\n");
    for (int grouped = 0; grouped < 2; grouped++) {
        handed h;
        read_by_entity(path, grouped, NULL, 0, &h);
        ck_assert_int_eq(h.count, 3);
        ck_assert_str_eq(h.failed[0], "");
        ck_assert_str_eq(h.entity[1], "y");
        ck_assert_msg(strstr(h.failed[1], "every value cell empty"), "%s", h.failed[1]);
        ck_assert_str_eq(h.failed[2], "");
        ck_assert_double_eq_tol(h.sum[2], 7, 1e-12);
    }
    free(path);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(a_bad_row_fails_its_entity_alone)
{
    char *dir = tu_tempdir();
    char *path = tu_write_file(dir, "bad.csv",
                               "timestamp,entity,signal,value\n"
                               "1601164800,x,bgp,1\n1601168400,x,bgp,2\n"
                               "1601164800,y,bgp,1\n1601168400,y,bgp,oops\n"
                               "1601172000,y,bgp,3\n"
                               "1601164800,z,bgp,3\n1601168400,z,bgp,4\n1601172000,z\n");
    for (int grouped = 0; grouped < 2; grouped++) {
        handed h;
        read_by_entity(path, grouped, NULL, 0, &h);
        ck_assert_int_eq(h.count, 3);
        int y = -1, z = -1;
        for (int i = 0; i < 3; i++) {
            if (!strcmp(h.entity[i], "y"))
                y = i;
            if (!strcmp(h.entity[i], "z"))
                z = i;
        }
        ck_assert_int_ge(y, 0);
        ck_assert_msg(strstr(h.failed[y], "bad.csv:5:4: expected a number, found 'oops'"), "%s",
                      h.failed[y]);
        ck_assert_msg(strstr(h.failed[z], "bad.csv:9:3: expected 4 fields"), "%s", h.failed[z]);
        ck_assert_str_eq(h.entity[0], "x");
        ck_assert_str_eq(h.failed[0], "");
        ck_assert_double_eq_tol(h.sum[0], 3, 1e-12);
    }
    /* A bad row of an entity that is not read changes nothing. */
    const char *only_x[1] = {"x"};
    handed h;
    read_by_entity(path, 1, only_x, 1, &h);
    ck_assert_int_eq(h.count, 1);
    ck_assert_str_eq(h.failed[0], "");
    free(path);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(the_scan_refuses_names_a_batch_cannot_write)
{
    char *dir = tu_tempdir();
    static const struct {
        const char *text, *message;
    } cases[] = {
        {"timestamp,entity,signal,value\n1601164800,,bgp,1\n",
         "e.csv:2:2: expected an entity name, found an empty cell"},
        {"timestamp,entity,signal,value\n1601164800,\"a\nb\",bgp,1\n",
         "e.csv:2:2: expected an entity name without line breaks or tabs"},
        {"timestamp,entity,signal,value\n1601164800,a\x01,bgp,1\n",
         "e.csv:2:2: expected an entity name without control characters"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = tu_write_file(dir, "e.csv", cases[i].text);
        disrupt_ingest_options opt;
        disrupt_ingest_options_init(&opt);
        disrupt_entity_census c;
        disrupt_entity_census_init(&c);
        disrupt_error err = {0};
        ck_assert_int_eq(disrupt_ingest_scan(path, &opt, &c, &err), DISRUPT_EDATA);
        ck_assert_msg(strstr(err.message, cases[i].message), "case %zu: %s", i, err.message);
        disrupt_entity_census_fini(&c);
        free(path);
    }
    tu_rmrf(dir);
    free(dir);
}
END_TEST

/* A plain table of places in rows, as the Monash IP Observatory writes them (SYNTHETIC). */
static void monash_options(disrupt_ingest_options *opt, const char **signal)
{
    disrupt_ingest_options_init(opt);
    opt->entity_column = "name_1";
    opt->time_column = "time_e";
    *signal = "connectivity";
    opt->signal_columns = signal;
    opt->nsignal_columns = 1;
}

START_TEST(an_entity_column_makes_a_plain_table_places)
{
    const char *path = tu_source("tests/data/monash-regions-synthetic.csv");
    const char *signal;
    disrupt_ingest_options opt;
    monash_options(&opt, &signal);
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    disrupt_error err = {0};
    ck_assert_msg(disrupt_ingest_file(path, &opt, &ds, &err) == 0, "%s", err.message);
    ck_assert_uint_eq(ds.count, 3);
    ck_assert_str_eq(ds.series[1]->name, "Beta, North/connectivity");
    ck_assert_uint_eq(ds.series[1]->n, 96);
    /* Each a place of its own: never corroborating another. */
    ck_assert_str_eq(ds.series[0]->ns, "Alpha");
    ck_assert(!disrupt_series_same_namespace(ds.series[0], ds.series[1]));
    disrupt_dataset_fini(&ds);

    opt.entity = "Gamma";   /* one place: its signal keeps its own name */
    disrupt_dataset_init(&ds);
    ck_assert_int_eq(disrupt_ingest_file(path, &opt, &ds, &err), 0);
    ck_assert_uint_eq(ds.count, 1);
    ck_assert_str_eq(ds.series[0]->name, "connectivity");
    disrupt_dataset_fini(&ds);

    /* Entity by entity, as batch reads it. */
    opt.entity = NULL;
    handed h;
    memset(&h, 0, sizeof h);
    opt.on_entity = collect;
    opt.entity_ctx = &h;
    opt.entities_grouped = 1;
    disrupt_dataset_init(&ds);
    ck_assert_int_eq(disrupt_ingest_file(path, &opt, &ds, &err), 0);
    ck_assert_int_eq(h.count, 3);
    ck_assert_str_eq(h.entity[2], "Gamma");
    ck_assert_str_eq(h.names[2], "Gamma/connectivity ");
    disrupt_dataset_fini(&ds);

    /* Errors name what was expected. */
    monash_options(&opt, &signal);
    opt.entity_column = "region";
    disrupt_dataset_init(&ds);
    ck_assert_int_eq(disrupt_ingest_file(path, &opt, &ds, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "expected a column of entities named 'region' "
                                      "(--entity-column)") &&
                  strstr(err.message, "name_1"), "%s", err.message);
    disrupt_ingest_options_init(&opt);
    opt.entity_column = "entity";
    ck_assert_int_eq(disrupt_ingest_file(tu_source("tests/data/long-synthetic.csv"), &opt, &ds,
                                         &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "expected a plain table for --entity-column"), "%s",
                  err.message);
    disrupt_dataset_fini(&ds);
}
END_TEST

START_TEST(a_table_of_countries_gives_a_column_per_entity)
{
    const char *path = tu_source("tests/data/google-synthetic-wide.csv");   /* AD, AE, AZ */
    disrupt_ingest_options opt;
    disrupt_ingest_options_init(&opt);
    disrupt_entity_census c;
    disrupt_entity_census_init(&c);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_ingest_scan(path, &opt, &c, &err), 0);
    ck_assert_int_eq(c.has_entities, 1);
    ck_assert_uint_eq(c.names.count, 3);
    ck_assert_str_eq(c.names.keys[2], "AZ");
    disrupt_entity_census_fini(&c);

    /* Read as ever, but each column a place: no corroboration between countries. */
    disrupt_dataset ds;
    disrupt_dataset_init(&ds);
    ck_assert_int_eq(disrupt_ingest_file(path, &opt, &ds, &err), 0);
    ck_assert_uint_eq(ds.count, 3);
    ck_assert_str_eq(ds.series[0]->name, "AD");
    ck_assert_str_eq(ds.series[0]->ns, "AD");
    ck_assert(!disrupt_series_same_namespace(ds.series[0], ds.series[2]));
    disrupt_dataset_fini(&ds);

    /* Entity by entity: a column each, named after the file; a set keeps its columns. */
    const char *set[2] = {"AE", "AZ"};
    handed h;
    read_by_entity(path, 0, set, 2, &h);
    ck_assert_int_eq(h.count, 2);
    ck_assert_str_eq(h.entity[0], "AE");
    ck_assert_str_eq(h.names[0], "google-synthetic-wide ");
    ck_assert_str_eq(h.entity[1], "AZ");
}
END_TEST

START_TEST(tor_countries_are_entities_and_blank_is_the_world)
{
    handed h;
    read_by_entity(tu_source("tests/data/tor-userstats-synthetic.csv"), 0, NULL, 0, &h);
    ck_assert_int_eq(h.count, 3);
    ck_assert_str_eq(h.entity[0], "world");   /* one day only: it cannot be built alone */
    ck_assert_msg(h.failed[0][0], "the world's single row should not make a series");
    ck_assert_str_eq(h.entity[1], "az");
    ck_assert_str_eq(h.names[1], "az/users ");
    ck_assert_str_eq(h.entity[2], "am");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ingest_entities");
    TCase *tc = tcase_create("entities");
    tcase_add_test(tc, scan_counts_entities_and_grouping);
    tcase_add_test(tc, scan_of_a_file_without_entities_stops_at_its_header);
    tcase_add_test(tc, grouped_and_ungrouped_hand_over_the_same_entities);
    tcase_add_test(tc, entity_set_reads_only_its_entities);
    tcase_add_test(tc, an_entity_that_cannot_be_built_fails_alone);
    tcase_add_test(tc, a_bad_row_fails_its_entity_alone);
    tcase_add_test(tc, the_scan_refuses_names_a_batch_cannot_write);
    tcase_add_test(tc, an_entity_column_makes_a_plain_table_places);
    tcase_add_test(tc, a_table_of_countries_gives_a_column_per_entity);
    tcase_add_test(tc, tor_countries_are_entities_and_blank_is_the_world);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
