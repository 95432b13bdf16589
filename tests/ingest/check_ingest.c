/* check_ingest.c — each dialect fixture read into the right signals, values and times; grid
 * building (sorting, duplicates, step, missing); the CSV reader's quoting and positions. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/csvread.h"
#include "disrupt/ingest/grid.h"
#include "disrupt/ingest/ingest.h"
#include "testutil.h"

#define T0 INT64_C(1601164800) /* 2020-09-27T00:00:00Z */
#define DAY 86400

static disrupt_dataset ds;
static disrupt_ingest_options opt;
static disrupt_error err;

static void setup(void)
{
    disrupt_dataset_init(&ds);
    disrupt_ingest_options_init(&opt);
    memset(&err, 0, sizeof err);
}

static void teardown(void)
{
    disrupt_dataset_fini(&ds);
}

static int read_text(const char *name, const char *text);

static void read_fixture(const char *name)
{
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/%s", name);
    int rc = disrupt_ingest_file(tu_source(rel), &opt, &ds, &err);
    ck_assert_msg(rc == 0, "%s: %s", name, err.message);
}

static const disrupt_series *named(const char *name)
{
    for (size_t i = 0; i < ds.count; i++)
        if (strcmp(ds.series[i]->name, name) == 0)
            return ds.series[i];
    ck_abort_msg("no series named '%s'", name);
    return NULL;
}

static void assert_values(const disrupt_series *s, const double *v, size_t n)
{
    ck_assert_uint_eq(s->n, n);
    for (size_t i = 0; i < n; i++) {
        if (isnan(v[i]))
            ck_assert_msg(isnan(s->value[i]), "%s[%zu] = %g, expected missing", s->name, i,
                          s->value[i]);
        else
            ck_assert_msg(fabs(s->value[i] - v[i]) < 1e-9, "%s[%zu] = %g, expected %g",
                          s->name, i, s->value[i], v[i]);
    }
}

START_TEST(test_plain)
{
    read_fixture("plain-synthetic.csv");
    ck_assert_str_eq(opt.dialect, "plain");
    ck_assert_uint_eq(ds.count, 2);
    const disrupt_series *tr = named("traffic"), *th = named("throughput");
    ck_assert_int_eq(tr->start, T0);
    ck_assert_int_eq(tr->step, 3600);
    ck_assert_int_eq(tr->type, DISRUPT_SIGNAL_LEVEL);
    ck_assert_int_eq(tr->synthetic, 1);
    ck_assert_ptr_null(tr->trials);
    ck_assert_ptr_nonnull(strstr(tr->file, "plain-synthetic.csv"));
    /* The unsorted row (02:00) is put in place; the zero stays data; the empty cell missing. */
    assert_values(tr, (double[]){100, 98, 40, 0, 95}, 5);
    assert_values(th, (double[]){50.5, NAN, 20, 12.25, 49}, 5);
}
END_TEST

START_TEST(test_long)
{
    read_fixture("long-synthetic.csv");
    ck_assert_str_eq(opt.dialect, "long");
    ck_assert_uint_eq(ds.count, 3);
    assert_values(named("AZ/bgp"), (double[]){1000, 990, 400}, 3);
    assert_values(named("AZ/ping"), (double[]){800, NAN, 300}, 3);
    assert_values(named("AM/bgp"), (double[]){500, 510, 505}, 3);
    ck_assert_int_eq(named("AZ/ping")->step, 300);
    ck_assert_int_eq(named("AZ/ping")->start, T0);
}
END_TEST

START_TEST(test_long_entity)
{
    opt.entity = "AZ";
    read_fixture("long-synthetic.csv");
    ck_assert_uint_eq(ds.count, 2);
    assert_values(named("bgp"), (double[]){1000, 990, 400}, 3);
    assert_values(named("ping"), (double[]){800, NAN, 300}, 3);
}
END_TEST

START_TEST(test_ioda_raw)
{
    read_fixture("ioda-azerbaijan-synthetic-20-09-27-00-00-raw.csv");
    ck_assert_str_eq(opt.dialect, "ioda");
    ck_assert_uint_eq(ds.count, 3);
    const disrupt_series *ap = named("active-probing");
    ck_assert_int_eq(ap->start, T0);
    ck_assert_int_eq(ap->step, 300);
    assert_values(ap, (double[]){1210, NAN, 1205, NAN, 610}, 5);
    assert_values(named("bgp"), (double[]){2890, 2891, 2889, 2870, 1500}, 5);
    assert_values(named("telescope"), (double[]){870, 866, NAN, 640, 300}, 5);
    ck_assert_int_eq(ap->synthetic, 1);
    ck_assert_str_eq(ap->unit, "#/24s Up");
    ck_assert_str_eq(named("bgp")->unit, "#Visible /24s");
}
END_TEST

START_TEST(test_ioda_quoted_like_highcharts)
{
    /* Highcharts quotes strings: the header and the time column come in double quotes. */
    ck_assert_int_eq(read_text("ioda-quoted.csv",
                               "\"Time (UTC)\",\"BGP (#Visible /24s)\",\"Google (Search)\"\n"
                               "\"2020-09-27 00:00:00\",2890,\n"
                               "\"2020-09-27 00:30:00\",2891,77.5\n"),
                     0);
    ck_assert_str_eq(opt.dialect, "ioda");
    assert_values(named("bgp"), (double[]){2890, 2891}, 2);
    assert_values(named("google-search"), (double[]){NAN, 77.5}, 2);
    ck_assert_ptr_null(named("google-search")->unit);
}
END_TEST

START_TEST(test_ioda_normalized_ignores_tz)
{
    opt.tz = "Asia/Baku"; /* the header says UTC; the zone must not shift it */
    read_fixture("ioda-azerbaijan-synthetic-20-09-27-00-00-normalized.csv");
    ck_assert_uint_eq(ds.count, 2);
    const disrupt_series *g = named("google-search");
    ck_assert_int_eq(g->start, T0);
    ck_assert_int_eq(g->step, 1800);
    assert_values(g, (double[]){NAN, 88.25, 40, 87}, 4);
    assert_values(named("bgp"), (double[]){100, 99.5, 51.9, 100}, 4);
    ck_assert_str_eq(named("bgp")->unit, "% of the maximum in the window");
}
END_TEST

START_TEST(test_ioda_signal_by_short_name)
{
    const char *sig[] = {"telescope"};
    opt.signal_columns = sig;
    opt.nsignal_columns = 1;
    read_fixture("ioda-azerbaijan-synthetic-20-09-27-00-00-raw.csv");
    ck_assert_uint_eq(ds.count, 1);
    ck_assert_str_eq(ds.series[0]->name, "telescope");
}
END_TEST

START_TEST(test_ooni_by_domain)
{
    read_fixture("ooni-synthetic-facebook.csv");
    ck_assert_str_eq(opt.dialect, "ooni");
    ck_assert_uint_eq(ds.count, 2);
    const disrupt_series *fb = named("www.facebook.com");
    ck_assert_int_eq(fb->type, DISRUPT_SIGNAL_COUNTS);
    ck_assert_int_eq(fb->step, DAY);
    ck_assert_int_eq(fb->start, T0 - 2 * DAY);
    assert_values(fb, (double[]){1, 2, 18}, 3);
    ck_assert_double_eq(fb->trials[0], 20);
    ck_assert_double_eq(fb->trials[1], 20);
    ck_assert_double_eq(fb->trials[2], 20);
    /* twitter.com has no row on 2020-09-26: missing, with no trials. */
    const disrupt_series *tw = named("twitter.com");
    assert_values(tw, (double[]){0, NAN, 10}, 3);
    ck_assert_double_eq(tw->trials[1], 0);
    ck_assert_double_eq(tw->trials[2], 10);
}
END_TEST

START_TEST(test_ooni_signal_picks_domain_and_tz_ignored)
{
    const char *sig[] = {"twitter.com"};
    opt.signal_columns = sig;
    opt.nsignal_columns = 1;
    opt.tz = "Asia/Baku"; /* OONI days are UTC days */
    read_fixture("ooni-synthetic-facebook.csv");
    ck_assert_uint_eq(ds.count, 1);
    ck_assert_int_eq(named("twitter.com")->start, T0 - 2 * DAY);
}
END_TEST

START_TEST(test_ooni_time_axis_only)
{
    read_fixture("ooni-synthetic-day.csv");
    ck_assert_uint_eq(ds.count, 1);
    const disrupt_series *s = named("ooni-synthetic-day");
    assert_values(s, (double[]){0, 1, 13}, 3);
    ck_assert_double_eq(s->trials[1], 13);
}
END_TEST

START_TEST(test_ooni_day_column_as_analysts_name_it)
{
    for (int k = 0; k < 3; k++) {
        static const char *const names[] = {"time", "date", "day"};
        char text[256];
        snprintf(text, sizeof text,
                 "anomaly_count,confirmed_count,failure_count,measurement_count,%s,ok_count\n"
                 "0,0,0,12,2020-09-25,12\n3,1,0,10,2020-09-26,7\n", names[k]);
        ck_assert_int_eq(read_text("counts.csv", text), 0);
        const disrupt_series *s = ds.series[ds.count - 1];
        ck_assert_int_eq(s->type, DISRUPT_SIGNAL_COUNTS);
        ck_assert_uint_eq(s->n, 2);
    }
}
END_TEST

START_TEST(test_tor_all_countries)
{
    read_fixture("tor-userstats-synthetic.csv");
    ck_assert_str_eq(opt.dialect, "tor");
    ck_assert_uint_eq(ds.count, 3);
    ck_assert_int_eq(named("az/users")->synthetic, 1);
    assert_values(named("az/users"), (double[]){5000, 5100, 12000}, 3);
    assert_values(named("world/users"), (double[]){2000000}, 1);
    ck_assert_int_eq(named("am/users")->start, T0 - 2 * DAY);
}
END_TEST

START_TEST(test_tor_country)
{
    opt.country = "AZ";
    read_fixture("tor-userstats-synthetic.csv");
    ck_assert_uint_eq(ds.count, 1);
    assert_values(named("users"), (double[]){5000, 5100, 12000}, 3);
}
END_TEST

START_TEST(test_tor_transport_with_signal)
{
    const char *sig[] = {"high"};
    opt.signal_columns = sig;
    opt.nsignal_columns = 1;
    opt.country = "az";
    ck_assert_int_eq(read_text("userstats-bridge-combined-synthetic.csv",
                               "date,country,transport,low,high,frac\n"
                               "2020-09-26,az,obfs4,10,20,90\n2020-09-27,az,obfs4,30,45,90\n"
                               "2020-09-26,az,snowflake,1,2,90\n2020-09-27,az,snowflake,3,4,90\n"
                               "2020-09-27,am,snowflake,5,6,90\n"),
                     0);
    ck_assert_str_eq(opt.dialect, "tor");
    /* One series per transport, not a mean across transports. */
    ck_assert_uint_eq(ds.count, 2);
    assert_values(named("obfs4/high"), (double[]){20, 45}, 2);
    assert_values(named("snowflake/high"), (double[]){2, 4}, 2);
}
END_TEST

START_TEST(test_google)
{
    read_fixture("google-synthetic-az.csv");
    ck_assert_str_eq(opt.dialect, "google");
    ck_assert_uint_eq(ds.count, 1);
    assert_values(named("google-synthetic-az"), (double[]){0.75, 0.70, 0.20}, 3);
}
END_TEST

START_TEST(test_google_wide_country)
{
    opt.country = "AZ";
    read_fixture("google-synthetic-wide.csv");
    ck_assert_uint_eq(ds.count, 1);
    assert_values(named("AZ"), (double[]){0.75, 0.70, 0.20}, 3);
    ck_assert_int_eq(named("AZ")->step, 1800);
}
END_TEST

START_TEST(test_google_wide_all)
{
    read_fixture("google-synthetic-wide.csv");
    ck_assert_uint_eq(ds.count, 3);
    assert_values(named("AD"), (double[]){0.1, 0.1, NAN}, 3);
}
END_TEST

static void remember_warning(void *ctx, const char *message)
{
    snprintf(ctx, 1024, "%s", message);
}

/* Writes text to a temporary file and reads it. */
static int read_text(const char *name, const char *text)
{
    char *dir = tu_tempdir();
    char *path = tu_write_file(dir, name, text);
    int rc = disrupt_ingest_file(path, &opt, &ds, &err);
    free(path);
    tu_rmrf(dir);
    free(dir);
    return rc;
}

START_TEST(test_semicolon_bom_crlf_quotes)
{
    ck_assert_int_eq(read_text("x.csv", "\xEF\xBB\xBF" "time;\"a;b\";c\r\n"
                                        "2020-09-27T00:00:00Z;1;\"2\"\r\n"
                                        "2020-09-27T00:10:00Z;3;4\r\n"),
                     0);
    ck_assert_int_eq(opt.delimiter, ';');
    assert_values(named("a;b"), (double[]){1, 3}, 2);
    assert_values(named("c"), (double[]){2, 4}, 2);
}
END_TEST

START_TEST(test_tab_and_embedded_newline_positions)
{
    /* The quoted header spans lines 1-2, so the bad cell is on line 4, field 2. */
    int rc = read_text("t.tsv", "time\t\"multi\nline\"\n1601164800\t1\n1601165100\toops\n");
    ck_assert_int_eq(rc, DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "t.tsv:4:2: expected a number, found 'oops'"), "%s",
                  err.message);
}
END_TEST

START_TEST(test_duplicates_aggregated)
{
    const char *csv = "time,v\n1601164800,1\n1601164800,3\n1601164800,\n1601165100,5\n";
    disrupt_aggregate aggs[] = {DISRUPT_AGG_MEAN, DISRUPT_AGG_SUM, DISRUPT_AGG_MAX,
                                DISRUPT_AGG_MIN, DISRUPT_AGG_LAST};
    double expect[] = {2, 4, 3, 1, 3};
    for (size_t k = 0; k < 5; k++) {
        disrupt_dataset_fini(&ds);
        opt.aggregate = aggs[k];
        ck_assert_int_eq(read_text("d.csv", csv), 0);
        ck_assert_uint_eq(ds.series[0]->n, 2);
        ck_assert_double_eq(ds.series[0]->value[0], expect[k]);
        ck_assert_double_eq(ds.series[0]->value[1], 5);
    }
}
END_TEST

START_TEST(test_given_step_and_gaps)
{
    opt.step = 600;
    /* Samples at 0, 5 and 40 minutes with a 10-minute step, twice their spacing: bins of
     * [t, t + 10 min), so 00:00 and 00:05 share the first (their mean), 00:10-00:30 are
     * missing and 00:40 is the fifth. */
    ck_assert_int_eq(read_text("g.csv", "time,v\n1601164800,1\n1601165100,2\n1601167200,4\n"), 0);
    const disrupt_series *s = ds.series[0];
    ck_assert_int_eq(s->step, 600);
    assert_values(s, (double[]){1.5, NAN, NAN, NAN, 4}, 5);
    /* At the data's own spacing a stamp goes to the nearest grid time, absorbing jitter. */
    opt.step = 300;
    ck_assert_int_eq(read_text("j.csv", "time,v\n1601164800,1\n1601165098,2\n1601165400,3\n"), 0);
    assert_values(ds.series[ds.count - 1], (double[]){1, 2, 3}, 3);
}
END_TEST

START_TEST(test_missing_value_tokens)
{
    /* As R, spreadsheets and databases write a missing value: missing, like an empty cell. */
    ck_assert_int_eq(read_text("na.csv", "time,v\n2020-09-27,1\n2020-09-28,NA\n2020-09-29,N/A\n"
                                         "2020-09-30,NaN\n2020-10-01,null\n2020-10-02,-\n"
                                         "2020-10-03,#N/A\n2020-10-04, na \n2020-10-05,7\n"),
                     0);
    assert_values(ds.series[0], (double[]){1, NAN, NAN, NAN, NAN, NAN, NAN, NAN, 7}, 9);
}
END_TEST

START_TEST(test_dates_without_times_are_days)
{
    /* OONI-style counts on a few days of a month: the spacing says nothing, the dates say
     * days; the absent days stay missing and nothing is merged across days. */
    ck_assert_int_eq(read_text("sparse.csv", "date,v\n2020-09-01,1\n2020-09-04,2\n"
                                             "2020-09-09,3\n2020-09-12,4\n2020-09-20,5\n"),
                     0);
    ck_assert_int_eq(ds.series[0]->step, 86400);
    ck_assert_uint_eq(ds.series[0]->n, 20);
    ck_assert_double_eq(ds.series[0]->value[3], 2);
    ck_assert(isnan(ds.series[0]->value[4]));
    /* Regular weekly dates keep their step. */
    ck_assert_int_eq(read_text("weekly.csv", "date,v\n2020-09-01,1\n2020-09-08,2\n"
                                             "2020-09-15,3\n"),
                     0);
    ck_assert_int_eq(ds.series[ds.count - 1]->step, 7 * 86400);
}
END_TEST

START_TEST(test_single_row_needs_step)
{
    ck_assert_int_eq(read_text("one.csv", "time,v\n2020-09-27,1\n"), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "give --step"));
    opt.step = 86400;
    ck_assert_int_eq(read_text("one.csv", "time,v\n2020-09-27,1\n"), 0);
    ck_assert_uint_eq(ds.series[0]->n, 1);
}
END_TEST

START_TEST(test_skip_bad_rows)
{
    opt.skip_bad_rows = 1;
    ck_assert_int_eq(read_text("s.csv", "time,v\n1601164800,1\n1601165100,2\n"
                                        "1601165400,12ms\nxx,2\n1601165700,3\n"),
                     0);
    ck_assert_uint_eq(opt.skipped_rows, 2);
    ck_assert_uint_eq(opt.rows, 5);
    /* A rejected row is dropped whole: its time becomes a missing sample. */
    assert_values(ds.series[0], (double[]){1, 2, NAN, 3}, 4);
}
END_TEST

START_TEST(test_synthetic_comment_only_before_header)
{
    ck_assert_int_eq(read_text("real.csv", "# source: a lab export\ntime,v\n1601164800,1\n"
                                           "1601165100,2\n"),
                     0);
    ck_assert_int_eq(ds.series[0]->synthetic, 0);
    ck_assert_int_eq(read_text("real2.csv", "# SYNTHETIC series\ntime,v\n1601164800,1\n"
                                            "1601165100,2\n"),
                     0);
    ck_assert_int_eq(ds.series[1]->synthetic, 1);
}
END_TEST

START_TEST(test_unnamed_trailing_columns_ignored)
{
    ck_assert_int_eq(read_text("sheet.csv", "time,traffic,,\n1601164800,1,,\n1601168400,2,,\n"),
                     0);
    ck_assert_uint_eq(ds.count, 1);
    assert_values(named("traffic"), (double[]){1, 2}, 2);
}
END_TEST

START_TEST(test_skip_bad_rows_warns_with_place)
{
    /* Warnings go to the callback with the place of the skipped cell. */
    char *dir = tu_tempdir();
    char *path = tu_write_file(dir, "w.csv", "time,v\n1601164800,1\n1601165100,bad\n"
                                             "1601165400,3\n");
    char got[1024] = "";
    opt.skip_bad_rows = 1;
    opt.warn = remember_warning;
    opt.warn_ctx = got;
    ck_assert_int_eq(disrupt_ingest_file(path, &opt, &ds, &err), 0);
    char expected[1100];
    snprintf(expected, sizeof expected, "%s:3:2: expected a number, found 'bad'", path);
    ck_assert_str_eq(got, expected);
    free(path);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(test_numbers_match_strtod)
{
    /* The exact fast path and strtod must agree to the last bit. */
    static const char *const texts[] = {
        "0", "-0", "+7", "12345678", "123456789", "1234567890123456789", "9007199254740993",
        "0.1", "0.30000000000000004", "171948.286951000", "-31113.277408000", ".5", "5.",
        "00000000000000000000001.5", "1e3", "2.5E-3", "123456.789012345678",
        "0.0000000000000000000001", "4503599627370497.5", "99999999.99999999",
    };
    size_t n = sizeof texts / sizeof texts[0];
    size_t len = 32;
    for (size_t i = 0; i < n; i++)
        len += strlen(texts[i]) + 16;
    char *csv = malloc(len);
    size_t k = (size_t)snprintf(csv, len, "time,v\n");
    for (size_t i = 0; i < n; i++)
        k += (size_t)snprintf(csv + k, len - k, "%lld,%s\n", (long long)(T0 + 60 * (int64_t)i),
                              texts[i]);
    ck_assert_int_eq(read_text("n.csv", csv), 0);
    free(csv);
    const disrupt_series *s = ds.series[0];
    ck_assert_uint_eq(s->n, n);
    for (size_t i = 0; i < n; i++) {
        double want = strtod(texts[i], NULL);
        ck_assert_msg(memcmp(&want, &s->value[i], sizeof want) == 0, "'%s' read as %.17g, "
                      "strtod gives %.17g", texts[i], s->value[i], want);
    }
}
END_TEST

static void count_warning(void *ctx, const char *message)
{
    (void)message;
    (*(int *)ctx)++;
}

START_TEST(test_skip_warnings_are_capped)
{
    size_t cap = 64 * 100 + 64;
    char *csv = malloc(cap);
    size_t k = (size_t)snprintf(csv, cap, "time,v\n");
    for (int i = 0; i < 100; i++)
        k += (size_t)snprintf(csv + k, cap - k, "%lld,%s\n", (long long)(T0 + 300 * i),
                              i % 2 ? "bad" : "1");
    int warnings = 0;
    opt.skip_bad_rows = 1;
    opt.warn = count_warning;
    opt.warn_ctx = &warnings;
    ck_assert_int_eq(read_text("many.csv", csv), 0);
    free(csv);
    ck_assert_uint_eq(opt.skipped_rows, 50);
    ck_assert_int_eq(warnings, DISRUPT_INGEST_MAX_WARNINGS + 1);
}
END_TEST

START_TEST(test_median_step)
{
    int rc;
    int64_t t[] = {0, 300, 600, 600, 900, 4000, 4300};
    ck_assert_int_eq(disrupt_grid_median_step(t, 7, &err, &rc), 300);
    int64_t u[] = {5, 5, 5};
    ck_assert_int_eq(disrupt_grid_median_step(u, 3, &err, &rc), 0);
}
END_TEST

START_TEST(test_memory_budget_of_table)
{
    /* Raw storage: 8 bytes of time shared by the row + 8 per column. */
    disrupt_grid_table t;
    ck_assert_int_eq(disrupt_grid_table_init(&t, 2, 0, DISRUPT_AGG_MEAN, &err), 0);
    double v[2] = {1, 2};
    for (int i = 0; i < 100000; i++)
        ck_assert_int_eq(disrupt_grid_table_append(&t, T0 + 300 * i, v, NULL, &err), 0);
    ck_assert_uint_le(t.cap * (8 + 2 * 8), (size_t)(1.5 * 100000 * 24) + 16 * 24);
    size_t budget = DISRUPT_INGEST_MAX_SPARSE_SAMPLES;
    disrupt_series *out[2];
    ck_assert_int_eq(disrupt_grid_build(&t, 0, DISRUPT_AGG_MEAN, "mem", &budget, out, &err), 0);
    ck_assert_uint_eq(out[0]->n, 100000);
    ck_assert_ptr_null(t.value[0]); /* raw columns released as series are built */
    disrupt_series_free(out[0]);
    disrupt_series_free(out[1]);
    disrupt_grid_table_fini(&t);
}
END_TEST

/* A time in another order than ISO's is refused with the --time-format that reads it, and that
 * format does read it (both, when one cell cannot tell days from months). */
START_TEST(test_time_format_suggestions_read)
{
    static const struct { const char *cell; int64_t want; } cases[] = {
        {"27.09.2020", T0},
        {"27.09.2020 14:00", T0 + 14 * 3600},
        {"09/27/2020 14:00:05", T0 + 14 * 3600 + 5},
        {"27/09/2020 2:30 PM", T0 + 14 * 3600 + 1800},
        {"2020/09/27", T0},
        {"27-09-2020", T0},
        {"09.27.2020", T0},   /* dotted, but month first: the 27 says so */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "time,a\n%s,1\n", cases[i].cell);
        opt.time_format = NULL;
        opt.step = 3600;
        ck_assert_int_eq(read_text("t.csv", text), DISRUPT_EDATA);
        const char *q = strstr(err.message, "--time-format '");
        ck_assert_msg(q != NULL, "%s", err.message);
        char format[64];
        ck_assert_int_eq(sscanf(q, "--time-format '%63[^']'", format), 1);
        opt.time_format = format;
        ck_assert_msg(read_text("t.csv", text) == 0, "%s with %s: %s", cases[i].cell, format,
                      err.message);
        ck_assert_int_eq(ds.series[ds.count - 1]->start, cases[i].want);
    }
    opt.time_format = NULL;
    ck_assert_int_eq(read_text("t.csv", "time,a\n03/04/2020,1\n"), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "--time-format '%d/%m/%Y' if days come first, "
                                      "'%m/%d/%Y' if months do"), "%s", err.message);
    ck_assert_int_eq(read_text("t.csv", "time,a\nSept 27,1\n"), DISRUPT_EDATA);
    ck_assert_ptr_null(strstr(err.message, "--time-format '"));
}
END_TEST

/* --decimal-comma: European spreadsheets write 1,5 with ';' between fields. */
START_TEST(test_decimal_comma)
{
    ck_assert_int_eq(read_text("d.csv", "time;a\n2020-09-27T00:00:00Z;1,5\n"), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "d.csv:2:2: expected a number with '.' as the decimal mark "
                                      "(--decimal-comma reads 1,5)"), "%s", err.message);
    opt.decimal_comma = 1;
    ck_assert_int_eq(read_text("d.csv", "time;a;b\n2020-09-27T00:00:00Z;1,5;2\n"
                                        "2020-09-27T01:00:00Z;-0,25;\n"), 0);
    ck_assert_double_eq(named("a")->value[0], 1.5);
    ck_assert_double_eq(named("a")->value[1], -0.25);
    ck_assert(isnan(named("b")->value[1]));
    /* An exponent after a longer cell: the converted text ends where the cell does. */
    disrupt_dataset_fini(&ds);
    disrupt_dataset_init(&ds);
    ck_assert_int_eq(read_text("d.csv", "time;a\n2020-09-27T00:00:00Z;1,2345678\n"
                                        "2020-09-27T01:00:00Z;1,5e2\n"), 0);
    ck_assert_double_eq(named("a")->value[1], 150);
    ck_assert_int_eq(read_text("d.csv", "time;a\n2020-09-27T00:00:00Z;1.234,5\n"), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "expected a number with ',' as the decimal mark "
                                      "(--decimal-comma) and no '.'"), "%s", err.message);
    ck_assert_int_eq(read_text("d.csv", "time,a\n2020-09-27T00:00:00Z,1\n"), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "d.csv:1:1: expected ';' or tab between fields with "
                                      "--decimal-comma"), "%s", err.message);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("ingest");
    TCase *tc = tcase_create("dialects");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_plain);
    tcase_add_test(tc, test_long);
    tcase_add_test(tc, test_long_entity);
    tcase_add_test(tc, test_ioda_raw);
    tcase_add_test(tc, test_ioda_normalized_ignores_tz);
    tcase_add_test(tc, test_ioda_signal_by_short_name);
    tcase_add_test(tc, test_ooni_by_domain);
    tcase_add_test(tc, test_ooni_time_axis_only);
    tcase_add_test(tc, test_ooni_signal_picks_domain_and_tz_ignored);
    tcase_add_test(tc, test_tor_all_countries);
    tcase_add_test(tc, test_tor_country);
    tcase_add_test(tc, test_tor_transport_with_signal);
    tcase_add_test(tc, test_google);
    tcase_add_test(tc, test_google_wide_country);
    tcase_add_test(tc, test_google_wide_all);
    suite_add_tcase(s, tc);
    TCase *tg = tcase_create("reading");
    tcase_add_checked_fixture(tg, setup, teardown);
    tcase_add_test(tg, test_semicolon_bom_crlf_quotes);
    tcase_add_test(tg, test_ioda_quoted_like_highcharts);
    tcase_add_test(tg, test_tab_and_embedded_newline_positions);
    tcase_add_test(tg, test_duplicates_aggregated);
    tcase_add_test(tg, test_given_step_and_gaps);
    tcase_add_test(tg, test_single_row_needs_step);
    tcase_add_test(tg, test_missing_value_tokens);
    tcase_add_test(tg, test_ooni_day_column_as_analysts_name_it);
    tcase_add_test(tg, test_dates_without_times_are_days);
    tcase_add_test(tg, test_skip_bad_rows);
    tcase_add_test(tg, test_synthetic_comment_only_before_header);
    tcase_add_test(tg, test_unnamed_trailing_columns_ignored);
    tcase_add_test(tg, test_skip_bad_rows_warns_with_place);
    tcase_add_test(tg, test_numbers_match_strtod);
    tcase_add_test(tg, test_skip_warnings_are_capped);
    tcase_add_test(tg, test_median_step);
    tcase_add_test(tg, test_memory_budget_of_table);
    tcase_add_test(tg, test_time_format_suggestions_read);
    tcase_add_test(tg, test_decimal_comma);
    suite_add_tcase(s, tg);
    return tu_run_suite(s);
}
