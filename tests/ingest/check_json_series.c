/* check_json_series.c — IODA API v2 and Cloudflare Radar JSON read as downloaded: names,
 * units, grid, missing values, options, and errors with their JSON place. Fixtures are
 * SYNTHETIC (the tests/data files named synthetic: shapes as documented, values made up). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/text.h"
#include "disrupt/ingest/ingest.h"
#include "testutil.h"

static int read_path(const char *path, disrupt_ingest_options *o, disrupt_dataset *d,
                     disrupt_error *err)
{
    disrupt_dataset_init(d);
    return disrupt_ingest_file(path, o, d, err);
}

/* Reads text as a file named name; *d must be finished by the caller. */
static int read_text(const char *name, const char *text, disrupt_ingest_options *o,
                     disrupt_dataset *d, disrupt_error *err)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    disrupt_dataset_init(d);
    int rc = disrupt_ingest_stream(f, name, o, d, err);
    fclose(f);
    return rc;
}

START_TEST(ioda_api_signals)
{
    disrupt_ingest_options o;
    disrupt_ingest_options_init(&o);
    disrupt_dataset d;
    disrupt_error err = {0};
    ck_assert_int_eq(read_path(tu_source("tests/data/ioda-api-v2-synthetic.json"), &o, &d, &err), 0);
    ck_assert_str_eq(o.dialect, "ioda-api");
    ck_assert_uint_eq(d.count, 3);
    const char *names[] = {"bgp", "active-probing", "telescope"};
    const char *units[] = {"#Visible /24s", "#/24s Up", "# Unique Source IPs"};
    const int64_t steps[] = {300, 600, 300};
    for (size_t i = 0; i < 3; i++) {
        const disrupt_series *s = d.series[i];
        ck_assert_str_eq(s->name, names[i]);
        ck_assert_str_eq(s->unit, units[i]);
        ck_assert_int_eq(s->step, steps[i]);
        ck_assert_int_eq(s->start, 1601164800 - 2 * 86400);
        ck_assert_uint_eq(s->n, (size_t)(5 * 86400 / steps[i]));
        ck_assert(isnan(s->value[40]) && isnan(s->value[41]) && !isnan(s->value[42]));
        ck_assert_int_eq(s->synthetic, 1);   /* the file's name says so */
    }
    disrupt_dataset_fini(&d);
    /* --step 1h: the 5-minute samples are averaged into hours, as CSV rows would be. */
    o.step = 3600;
    static const char *only[] = {"bgp"};
    o.signal_columns = only;
    o.nsignal_columns = 1;
    ck_assert_int_eq(read_path(tu_source("tests/data/ioda-api-v2-synthetic.json"), &o, &d, &err), 0);
    ck_assert_uint_eq(d.count, 1);
    ck_assert_int_eq(d.series[0]->step, 3600);
    ck_assert_uint_eq(d.series[0]->n, 120);
    disrupt_dataset_fini(&d);
}
END_TEST

#define SERIES(code, ds, sub, values)                                                        \
    "{\"entityType\":\"country\",\"entityCode\":\"" code "\",\"entityName\":\"x\","            \
    "\"datasource\":\"" ds "\",\"subtype\":\"" sub "\",\"from\":1601164800,\"until\":"         \
    "1601166600,\"step\":1800,\"nativeStep\":1800,\"values\":" values "}"

START_TEST(ioda_api_entities_and_errors)
{
    disrupt_ingest_options o;
    disrupt_ingest_options_init(&o);
    disrupt_dataset d;
    disrupt_error err = {0};
    const char *two = "{\"type\":\"signals\",\"error\":null,\"data\":[[" SERIES("AZ", "gtr", "WEB_SEARCH", "[1,2]")
                      "],[" SERIES("AM", "bgp", "", "[3,null]") "]]}";
    ck_assert_int_eq(read_text("two.json", two, &o, &d, &err), 0);
    ck_assert_uint_eq(d.count, 2);
    ck_assert_str_eq(d.series[0]->name, "AZ/google-search");
    ck_assert_str_eq(d.series[1]->name, "AM/bgp");
    ck_assert_int_eq(d.series[0]->synthetic, 0);
    disrupt_dataset_fini(&d);
    o.entity = "am";
    ck_assert_int_eq(read_text("two.json", two, &o, &d, &err), 0);
    ck_assert_uint_eq(d.count, 1);
    ck_assert_str_eq(d.series[0]->name, "AM/bgp");
    disrupt_dataset_fini(&d);
    o.entity = NULL;
    /* Errors name the JSON place; nothing is appended. */
    ck_assert_int_eq(read_text("bad.json", "{\"data\":[[" SERIES("AZ", "bgp", "", "[1,\"2\"]") "]]}",
                               &o, &d, &err), DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "bad.json: data[0][0].values[1]: expected a number or null, found \"2\"");
    ck_assert_uint_eq(d.count, 0);
    ck_assert_int_eq(read_text("bad.json", "{\"data\":[{\"datasource\":\"bgp\",\"from\":1,\"step\":0,"
                                           "\"values\":[]}]}", &o, &d, &err), DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "bad.json: data[0].step: expected seconds between 1 and a year, found 0");
    ck_assert_int_eq(read_text("bad.json", "{\"data\":[], \"error\":\"rate limited\"}", &o, &d, &err),
                     DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "bad.json: error: expected null (the IODA API reports an error), found \"rate limited\"");
    ck_assert_int_eq(read_text("bad.json", "{\"measurements\": []}", &o, &d, &err), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "bad.json: expected IODA API v2 signals"));
    ck_assert_ptr_nonnull(strstr(err.message, "found an object with keys measurements"));
    /* Many keys: the list stops with "…", and the message stays valid UTF-8. */
    char many[2048] = "{";
    for (int i = 0; i < 60; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "%s\"kkkk%02d\": 1",
                 i ? ", " : "", i);
    strcat(many, "}");
    ck_assert_int_eq(read_text("bad.json", many, &o, &d, &err), DISRUPT_EDATA);
    size_t at;
    const char *why;
    ck_assert_msg(disrupt_text_check(err.message, strlen(err.message), &at, &why) == 0, "%s",
                  err.message);
    ck_assert_ptr_nonnull(strstr(err.message, "\xE2\x80\xA6"));
    ck_assert_int_eq(read_text("bad.json", "[1, 2", &o, &d, &err), DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "bad.json:1:6: expected JSON: unexpected end of file");
    o.format = "plain";
    ck_assert_int_eq(read_text("x.json", two, &o, &d, &err), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "--format plain reads CSV, and this file is JSON"));
}
END_TEST

START_TEST(radar_time_series)
{
    disrupt_ingest_options o;
    disrupt_ingest_options_init(&o);
    disrupt_dataset d;
    disrupt_error err = {0};
    ck_assert_int_eq(read_path(tu_source("tests/data/radar-timeseries-synthetic.json"), &o, &d, &err), 0);
    ck_assert_str_eq(o.dialect, "radar");
    ck_assert_uint_eq(d.count, 1);
    const disrupt_series *s = d.series[0];
    ck_assert_str_eq(s->name, "radar-timeseries-synthetic");   /* "serie_0" alone: the stem */
    ck_assert_str_eq(s->unit, "Radar, normalised MIN0_MAX");
    ck_assert_int_eq(s->step, 3600);
    ck_assert_uint_eq(s->n, 14 * 24);
    ck_assert_int_eq(s->start, 1600560000);   /* 2020-09-20T00:00:00Z */
    disrupt_dataset_fini(&d);
    const char *named = "{\"success\":true,\"errors\":[],\"result\":{\"meta\":{\"normalization\":"
                        "\"PERCENTAGE\"},\"main\":{\"timestamps\":[\"2020-09-27T00:00:00Z\","
                        "\"2020-09-27T01:00:00Z\",\"2020-09-27T02:00:00Z\"],\"values\":[\"0.5\","
                        "null,0.25]},\"previous\":{\"timestamps\":[\"2020-09-27T00:00:00Z\","
                        "\"2020-09-27T01:00:00Z\"],\"values\":[\"1\",\"1\"]}}}";
    ck_assert_int_eq(read_text("r.json", named, &o, &d, &err), 0);
    ck_assert_uint_eq(d.count, 2);
    ck_assert_str_eq(d.series[0]->name, "main");
    ck_assert_str_eq(d.series[1]->name, "previous");
    ck_assert_double_eq(d.series[0]->value[0], 0.5);
    ck_assert(isnan(d.series[0]->value[1]));
    ck_assert_double_eq(d.series[0]->value[2], 0.25);
    disrupt_dataset_fini(&d);
    ck_assert_int_eq(read_text("r.json", "{\"success\":true,\"result\":{\"serie_0\":{\"timestamps\":"
                                         "[\"2020-09-27T00:00:00Z\"],\"values\":[\"0,5\"]}}}",
                               &o, &d, &err), DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "r.json: result.serie_0.values[0]: expected a number (as a string, \"0.52\") or null, found \"0,5\"");
    ck_assert_int_eq(read_text("r.json", "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":"
                                         "\"Authentication error\"}],\"result\":null}",
                               &o, &d, &err), DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "r.json: the Radar response says \"success\": false (Authentication error), not a time series");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json_series");
    TCase *tc = tcase_create("read");
    tcase_add_test(tc, ioda_api_signals);
    tcase_add_test(tc, ioda_api_entities_and_errors);
    tcase_add_test(tc, radar_time_series);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
