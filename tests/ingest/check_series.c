/* check_series.c — the regular grid: times, indices, missing samples, the dataset. */
#include <check.h>
#include <math.h>
#include <stdlib.h>

#include "disrupt/ingest/series.h"
#include "testutil.h"

START_TEST(grid_times_and_indices)
{
    disrupt_series *s = disrupt_series_alloc("traffic", "a.csv", DISRUPT_SIGNAL_LEVEL, 1000, 60, 10);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(disrupt_series_time(s, 3), 1180);
    ck_assert_int_eq(disrupt_series_end(s), 1600);
    ck_assert_uint_eq(disrupt_series_index_at(s, 0), 0);      /* before the start: clamped */
    ck_assert_uint_eq(disrupt_series_index_at(s, 1180), 3);   /* on a sample */
    ck_assert_uint_eq(disrupt_series_index_at(s, 1181), 4);   /* between: the next sample */
    ck_assert_uint_eq(disrupt_series_index_at(s, 99999), 10); /* after the end: n */
    disrupt_series_free(s);
}
END_TEST

START_TEST(new_series_is_all_missing_not_zero)
{
    disrupt_series *s = disrupt_series_alloc("blocked", NULL, DISRUPT_SIGNAL_COUNTS, 0, 86400, 5);
    ck_assert_uint_eq(disrupt_series_missing(s), 5);
    ck_assert(isnan(s->value[2]));
    ck_assert_ptr_nonnull(s->trials);
    s->value[2] = 0.0;  /* zero is data */
    ck_assert_uint_eq(disrupt_series_missing(s), 4);
    disrupt_series_free(s);
}
END_TEST

START_TEST(impossible_sizes_are_refused)
{
    ck_assert_ptr_null(disrupt_series_alloc("x", NULL, DISRUPT_SIGNAL_LEVEL, 0, 60, SIZE_MAX / 4));
    ck_assert_ptr_null(disrupt_series_alloc("x", NULL, DISRUPT_SIGNAL_LEVEL, 0, 0, 10));
    disrupt_series_free(NULL);
}
END_TEST

START_TEST(dataset_owns_and_grows)
{
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    for (int i = 0; i < 9; i++)
        ck_assert_int_eq(disrupt_dataset_add(&d, disrupt_series_alloc("s", NULL,
                                                 DISRUPT_SIGNAL_LEVEL, 0, 1, 3), NULL), 0);
    ck_assert_uint_eq(d.count, 9);
    disrupt_dataset_fini(&d);
    ck_assert_uint_eq(d.count, 0);
    ck_assert_ptr_null(d.series);
}
END_TEST

static disrupt_series *named(const char *name, const char *file)
{
    return disrupt_series_alloc(name, file, DISRUPT_SIGNAL_LEVEL, 0, 60, 1);
}

START_TEST(clashing_names_get_their_files_namespace)
{
    /* Two countries' IODA exports both hold "bgp"; traffic.csv's "traffic" clashes with no
     * one and keeps its name. Same-named files in two folders are told apart by the folder. */
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("bgp", "x/ioda-az.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("active-probing", "x/ioda-az.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("bgp", "x/ioda-am.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("traffic", "traffic.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("users", "az/tor.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("users", "am/tor.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_namespace(&d, NULL, 0, NULL), 0);
    ck_assert_str_eq(d.series[0]->name, "ioda-az/bgp");
    ck_assert_str_eq(d.series[1]->name, "active-probing");
    ck_assert_ptr_null(d.series[1]->ns);
    ck_assert_str_eq(d.series[2]->name, "ioda-am/bgp");
    ck_assert_str_eq(d.series[3]->name, "traffic");
    ck_assert_str_eq(d.series[4]->name, "az/users");
    ck_assert_str_eq(d.series[5]->name, "am/users");
    ck_assert(!disrupt_series_same_namespace(d.series[0], d.series[2]));
    ck_assert(disrupt_series_same_namespace(d.series[0], d.series[3]));
    disrupt_dataset_fini(&d);
}
END_TEST

START_TEST(a_label_names_every_signal_of_its_file)
{
    disrupt_dataset d;
    disrupt_dataset_init(&d);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("bgp", "a.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("traffic", "a.csv"), NULL), 0);
    ck_assert_int_eq(disrupt_dataset_add(&d, named("traffic", "b.csv"), NULL), 0);
    disrupt_label labels[] = {{"a.csv", "Armenia"}};
    ck_assert_int_eq(disrupt_dataset_namespace(&d, labels, 1, NULL), 0);
    ck_assert_str_eq(d.series[0]->name, "Armenia/bgp");
    ck_assert_str_eq(d.series[1]->name, "Armenia/traffic");
    ck_assert_str_eq(d.series[2]->name, "b/traffic");
    disrupt_dataset_fini(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("series");
    TCase *tc = tcase_create("grid");
    tcase_add_test(tc, grid_times_and_indices);
    tcase_add_test(tc, new_series_is_all_missing_not_zero);
    tcase_add_test(tc, impossible_sizes_are_refused);
    tcase_add_test(tc, dataset_owns_and_grows);
    tcase_add_test(tc, clashing_names_get_their_files_namespace);
    tcase_add_test(tc, a_label_names_every_signal_of_its_file);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
