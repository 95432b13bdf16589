/* check_claims.c — reading claims: the project's CSV (dates as whole days in a zone, errors
 * with their place), Access Now #KeepItOn exports and the IODA outage list with their quirks.
 * Event-list rows below are SYNTHETIC, shaped like the real exports. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/workflows/claims.h"
#include "disrupt/core/country.h"
#include "disrupt/core/text.h"
#include "testutil.h"

#define HOUR 3600
#define DAY 86400
#define SEP_27 1601164800  /* 2020-09-27T00:00:00Z */
#define NOV_12 1605139200  /* 2020-11-12T00:00:00Z */

typedef struct {
    char *dir;
    disrupt_claim_list list;
    disrupt_claims_options opt;
    disrupt_error err;
    int warnings;
    char last_warning[512];
    char all_warnings[4096];    /* every warning, one a line */
} fixture;

static void on_warning(void *ctx, const char *message)
{
    fixture *f = ctx;
    f->warnings++;
    snprintf(f->last_warning, sizeof f->last_warning, "%s", message);
    size_t used = strlen(f->all_warnings);
    snprintf(f->all_warnings + used, sizeof f->all_warnings - used, "%s\n", message);
}

static void setup(fixture *f)
{
    memset(f, 0, sizeof *f);
    f->dir = tu_tempdir();
    disrupt_claim_list_init(&f->list);
    disrupt_claims_options_init(&f->opt);
    f->opt.warn = on_warning;
    f->opt.warn_ctx = f;
}

static void teardown(fixture *f)
{
    disrupt_claim_list_fini(&f->list);
    tu_rmrf(f->dir);
    free(f->dir);
}

static int read_text(fixture *f, const char *text)
{
    char *path = tu_write_file(f->dir, "claims.csv", text);
    disrupt_claim_list_fini(&f->list);
    int rc = disrupt_claims_read(path, &f->opt, &f->list, &f->err);
    free(path);
    return rc;
}

/* The message with the temporary folder cut off: "claims.csv:3:2: …". */
static const char *where(const fixture *f)
{
    const char *m = strstr(f->err.message, "claims.csv:");
    return m ? m : f->err.message;
}

START_TEST(bundled_claims_file)
{
    fixture f;
    setup(&f);
    ck_assert_int_eq(disrupt_claims_read(tu_source("datasets/azerbaijan-2020/claims.csv"),
                                         &f.opt, &f.list, &f.err),
                     0);
    ck_assert_str_eq(f.list.dialect, "claims");
    ck_assert_uint_eq(f.list.count, 4);
    const disrupt_claim *c = &f.list.items[0];
    /* Written as reports write it, 2020-09-27,2020-11-12: the whole of both days. */
    ck_assert_int_eq(c->start, SEP_27);
    ck_assert_int_eq(c->end, NOV_12 + DAY);
    ck_assert_int_eq(c->start_span.precision, DISRUPT_PRECISION_DAY);
    ck_assert_int_eq(c->start_span.lo, SEP_27);
    ck_assert_int_eq(c->start_span.hi, SEP_27 + DAY);
    ck_assert_int_eq(c->end_span.lo, NOV_12);
    ck_assert_int_eq(c->end_span.hi, NOV_12 + DAY);
    ck_assert_uint_eq(c->kinds, DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING));
    ck_assert_str_eq(c->signal, "traffic");
    ck_assert_ptr_nonnull(strstr(c->label, "46 days"));
    ck_assert_int_eq(c->line, 2);
    c = &f.list.items[1];
    ck_assert_int_eq(c->start, SEP_27 - DAY);
    ck_assert_uint_eq(c->kinds, 0);
    ck_assert_ptr_null(c->signal);
    ck_assert_uint_eq(f.list.items[3].kinds, DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING));
    teardown(&f);
}
END_TEST

/* A date without a time is the whole day in --tz: 27 Sep – 11 Nov is 46 days. */
START_TEST(dates_are_whole_days_in_the_zone)
{
    fixture f;
    setup(&f);
    const char *text = "# comments are allowed\n"
                       "signal,end,label,start,notes\n"
                       "traffic,2020-11-11,war,2020-09-27,ignored column\n"
                       ",2020-09-27T12:30,one afternoon,2020-09-27T08:00,\n";
    ck_assert_int_eq(read_text(&f, text), 0);
    ck_assert_uint_eq(f.list.count, 2);
    ck_assert_int_eq(f.list.items[0].start, SEP_27);
    ck_assert_int_eq(f.list.items[0].end, NOV_12);
    ck_assert_str_eq(f.list.items[0].label, "war");
    ck_assert_int_eq(f.list.items[1].start, SEP_27 + 8 * HOUR);
    ck_assert_int_eq(f.list.items[1].end, SEP_27 + 12 * HOUR + 30 * 60);
    ck_assert_ptr_null(f.list.items[1].signal);
    f.opt.tz = "Asia/Baku";   /* UTC+4 in 2020, no daylight saving */
    ck_assert_int_eq(read_text(&f, text), 0);
    ck_assert_int_eq(f.list.items[0].start, SEP_27 - 4 * HOUR);
    ck_assert_int_eq(f.list.items[0].end, NOV_12 - 4 * HOUR);
    ck_assert_int_eq(f.list.items[1].start, SEP_27 + 4 * HOUR);
    /* Explicit offsets win over the zone. */
    ck_assert_int_eq(read_text(&f, "label,start,end\nx,2020-09-27T00:00Z,2020-09-28T00:00+02:00\n"),
                     0);
    ck_assert_int_eq(f.list.items[0].start, SEP_27);
    ck_assert_int_eq(f.list.items[0].end, SEP_27 + DAY - 2 * HOUR);
    teardown(&f);
}
END_TEST

START_TEST(bad_cells_name_their_place)
{
    fixture f;
    setup(&f);
    ck_assert_int_eq(read_text(&f, "label,start,end\nok,2020-09-27,2020-09-28\nx,27/09/2020,2020-10-01\n"),
                     DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(where(&f), "claims.csv:3:2: expected "));
    ck_assert_ptr_nonnull(strstr(where(&f), "found '27/09/2020'"));
    ck_assert_int_eq(read_text(&f, "label,start,end\nx,2020-10-02,2020-10-01\n"), DISRUPT_EDATA);
    ck_assert_str_eq(where(&f),
                     "claims.csv:2:3: expected an end after the start, found '2020-10-01'");
    ck_assert_int_eq(read_text(&f, "label,start,end,kind\nx,2020-10-01,2020-10-02,slowdown\n"),
                     DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(where(&f), "claims.csv:2:4: expected shutdown, throttling"));
    ck_assert_int_eq(read_text(&f, "label,start,end\n ,2020-10-01,2020-10-02\n"), DISRUPT_EDATA);
    ck_assert_str_eq(where(&f), "claims.csv:2:1: expected a label, found ''");
    ck_assert_int_eq(read_text(&f, "label,start,end\nx,2020-10-01\n"), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(where(&f), "claims.csv:2:3: expected 3 fields"));
    ck_assert_int_eq(read_text(&f, "name,from,to\nx,2020-10-01,2020-10-02\n"), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(where(&f), "claims.csv:1:1: expected a header 'label,start,end"));
    ck_assert_int_eq(read_text(&f, ""), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(where(&f), "empty file"));
    f.opt.tz = "Mars/Olympus";
    ck_assert_int_eq(read_text(&f, "label,start,end\n"), DISRUPT_EINVAL);
    ck_assert_uint_eq(f.warnings, 0);
    teardown(&f);
}
END_TEST

static const char keepiton_header[] =
    "start_date_type,start_date,country,geo_scope,area_name,shutdown_type,affected_network,"
    "shutdown_extent,ordered_by,shutdown_status,end_date,duration,count_year\n";

START_TEST(keepiton_export_with_its_quirks)
{
    fixture f;
    setup(&f);
    char text[4096];
    snprintf(text, sizeof text,
             "%s"
             "Actual,2020-01-03,Azerbaijan,Not sure,,\"Shutdown, Throttle\",\"Broadband, Mobile\","
             "\"Full network, Service-based\",Government,Ended,2020-01-15,13,2020\n"
             "Actual,2020-01-03,Azerbaijan,Not sure,,\"Shutdown, Throttle\",\"Broadband, Mobile\","
             "\"Full network, Service-based\",Government,Ended,2020-01-15,13,2021\n"
             "Estimated,9/27/2020,Azerbaijan,More than one region,,Shutdown,Mobile,Service-based,"
             "Government,Ended,11/11/2020,46,2020\n"
             "Actual,2021-03-01,Azerbaijan,One city,Ganja,Throttle,Mobile,,Government,Ongoing,,"
             "-44138,2021\n"
             "Actual,2021-05-10,Azerbaijan,One city,Baku,Shutdown,Mobile,Full network,Government,"
             "Ended,2021-05-08,-2,2021\n"
             "Actual,2019-11-16,Iran,Nationwide,,Shutdown,\"Broadband, Mobile\",Full network,"
             "Government,Ended,2019-11-24,9,2019\n"
             ",,,,,,,,,,,,\n",
             keepiton_header);
    f.opt.country = "AZ";
    ck_assert_int_eq(read_text(&f, text), 0);
    ck_assert_str_eq(f.list.dialect, "keepiton");
    ck_assert_uint_eq(f.list.count, 2);
    ck_assert_uint_eq(f.list.duplicates, 1);
    ck_assert_uint_eq(f.list.skipped, 2);
    ck_assert_int_eq(f.warnings, 3);   /* two rows skipped; the dates read in UTC */
    ck_assert_ptr_nonnull(strstr(f.all_warnings, "claims.csv:6:11: skipped: the end date "
                                                 "'2021-05-08' precedes the start date"));
    ck_assert_ptr_nonnull(strstr(f.last_warning, "without a zone are read in UTC"));
    const disrupt_claim *c = &f.list.items[0];
    ck_assert_int_eq(c->start, 1578009600);          /* 2020-01-03T00:00Z */
    ck_assert_int_eq(c->end, 1578009600 + 13 * DAY); /* through the whole of 15 Jan */
    ck_assert_uint_eq(c->kinds, DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN) |
                                    DISRUPT_KIND_BIT(DISRUPT_KIND_THROTTLING) |
                                    DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING));
    ck_assert_str_eq(c->country, "AZ");
    ck_assert_ptr_nonnull(strstr(c->label, "Access Now #KeepItOn"));
    ck_assert_ptr_nonnull(strstr(c->label, "Azerbaijan"));
    c = &f.list.items[1];   /* US-style dates; a service-based shutdown is blocking */
    ck_assert_int_eq(c->start, SEP_27);
    ck_assert_int_eq(c->end, NOV_12);
    ck_assert_uint_eq(c->kinds, DISRUPT_KIND_BIT(DISRUPT_KIND_BLOCKING));
    /* By name works as well as by code; another country keeps its own rows only. */
    f.opt.country = "Iran";
    ck_assert_int_eq(read_text(&f, text), 0);
    ck_assert_uint_eq(f.list.count, 1);
    ck_assert_str_eq(f.list.items[0].country, "IR");
    f.opt.country = "Atlantis";
    ck_assert_int_eq(read_text(&f, text), DISRUPT_EINVAL);
    teardown(&f);
}
END_TEST

START_TEST(ioda_outage_list_mixed_time_formats)
{
    fixture f;
    setup(&f);
    const char *text =
        "ID,Begin time,End time,Country,IODA BGP visible by human,IODA AP visible by human , "
        "IODA IBR visible by human,Scope (based on granularity at which the outage appears in "
        "IODA),Region,AS,Cause,Confirmation Status,Manually verified,Grafana URLs,Notes,,,\n"
        "101,\"Saturday, November 16, 2019, 2:00:00 PM\",\"Sunday, November 24, 2019, 8:30:00 "
        "PM\",Iran,Yes,Yes,Yes,Country,,,Government-ordered,Confirmed,Yes,,,,,\n"
        "102,4/3/2020  15:15:00 PM,4/3/2020  22:0:00 PM,Azerbaijan,No,Yes,No,Region (Sumqayit),,,"
        "Unknown,,,,,,,\n"
        "103,4/4/2020  2:05:00 AM,4/4/2020  12:10:00 PM,Azerbaijan,No,Yes,No,Country,,,,,,,,,,\n"
        "104,not a time,4/4/2020  12:10:00 PM,Azerbaijan,,,,Country,,,,,,,,,,\n"
        ",,,,,,,,,,,,,,,,,\n";
    ck_assert_int_eq(read_text(&f, text), 0);
    ck_assert_str_eq(f.list.dialect, "ioda-outages");
    ck_assert_uint_eq(f.list.count, 3);
    ck_assert_uint_eq(f.list.skipped, 1);
    ck_assert_msg(strstr(f.last_warning, "claims.csv:5:2: skipped: expected a begin time"), "%s", f.last_warning);
    const int64_t nov16 = 1573862400;   /* 2019-11-16T00:00:00Z */
    ck_assert_int_eq(f.list.items[0].start, nov16 + 14 * HOUR);
    ck_assert_int_eq(f.list.items[0].end, nov16 + 8 * DAY + 20 * HOUR + 30 * 60);
    ck_assert_uint_eq(f.list.items[0].kinds, DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN));
    ck_assert_str_eq(f.list.items[0].country, "IR");
    ck_assert_ptr_nonnull(strstr(f.list.items[0].label, "IODA outage 101"));
    const int64_t apr3 = 1585872000;    /* 2020-04-03T00:00:00Z */
    ck_assert_int_eq(f.list.items[1].start, apr3 + 15 * HOUR + 15 * 60);
    ck_assert_int_eq(f.list.items[1].end, apr3 + 22 * HOUR);
    ck_assert_ptr_nonnull(strstr(f.list.items[1].label, "Region (Sumqayit)"));
    ck_assert_int_eq(f.list.items[2].start, apr3 + DAY + 2 * HOUR + 5 * 60);
    ck_assert_int_eq(f.list.items[2].end, apr3 + DAY + 12 * HOUR + 10 * 60);
    f.opt.country = "IR";
    ck_assert_int_eq(read_text(&f, text), 0);
    ck_assert_uint_eq(f.list.count, 1);
    teardown(&f);
}
END_TEST

START_TEST(country_names_and_codes)
{
    ck_assert_str_eq(disrupt_country_code("Azerbaijan", 10), "AZ");
    ck_assert_str_eq(disrupt_country_code(" aze ", 5), "AZ");
    ck_assert_str_eq(disrupt_country_code("Iran, Islamic Republic of", 25), "IR");
    ck_assert_str_eq(disrupt_country_code("Russia", 6), "RU");
    ck_assert_ptr_null(disrupt_country_code("Atlantis", 8));
    ck_assert_str_eq(disrupt_country_name("IR"), "Iran");
    ck_assert_int_eq(disrupt_country_matches("Myanmar", 7, "mm"), 1);
    ck_assert_int_eq(disrupt_country_matches("Myanmar", 7, "AZ"), 0);
    ck_assert_int_eq(disrupt_country_known("KZ"), 1);
    ck_assert_int_eq(disrupt_country_known("XX"), 0);
}
END_TEST

/* Text that cannot be shown never reaches a label: an error at its place in the project's CSV,
 * a skipped row in event lists; and a failed read leaves the list as it was. */
START_TEST(unshowable_text_and_failed_reads)
{
    fixture f;
    setup(&f);
    ck_assert_int_eq(read_text(&f, "label,start,end,kind,signal\n"
                                   "ok,2020-09-27,2020-11-12,,\n"
                                   "fine,2020-09-27,2020-11-12,,bad\xff" "signal\n"),
                     DISRUPT_EDATA);
    ck_assert_msg(strstr(where(&f), "claims.csv:3:5: expected a signal name in valid UTF-8"), "%s",
                  f.err.message);
    ck_assert_int_eq(read_text(&f, "label,start,end\nbell\a,2020-09-27,2020-11-12\n"),
                     DISRUPT_EDATA);
    ck_assert_msg(strstr(where(&f), "claims.csv:2:1: expected a label without control"), "%s",
                  f.err.message);
    /* The stream form, into a list that already holds a claim: nothing is appended. */
    disrupt_claim_list_fini(&f.list);
    ck_assert_int_eq(disrupt_claim_list_add(&f.list, "kept", SEP_27, NOV_12, 0, NULL, NULL, 1,
                                            &f.err), 0);
    static const char bad_late[] = "label,start,end\nA,2020-09-27,2020-11-12\nB,2020-09-27,x\n";
    FILE *s = fmemopen((void *)bad_late, sizeof bad_late - 1, "r");
    ck_assert_int_eq(disrupt_claims_read_stream(s, "mem", &f.opt, &f.list, &f.err), DISRUPT_EDATA);
    fclose(s);
    ck_assert_msg(strncmp(f.err.message, "mem:3:3:", 8) == 0, "%s", f.err.message);
    ck_assert_uint_eq(f.list.count, 1);
    ck_assert_str_eq(f.list.items[0].label, "kept");
    /* IODA list: a cell of invalid UTF-8 skips its row, naming the cell. */
    disrupt_claim_list_fini(&f.list);
    ck_assert_int_eq(read_text(&f, "ID,Begin time,End time,Country,Scope,Cause\n"
                                   "1,2020-09-27T00:00Z,2020-09-28T00:00Z,Azerbaijan,Country,ok\n"
                                   "2,2020-09-27T00:00Z,2020-09-28T00:00Z,Azerbaijan,Co\xc3untry,\n"),
                     0);
    ck_assert_uint_eq(f.list.count, 1);
    ck_assert_uint_eq(f.list.skipped, 1);
    ck_assert_msg(strstr(f.last_warning, "claims.csv:3:5: skipped: expected text in valid UTF-8"),
                  "%s", f.last_warning);
    teardown(&f);
}
END_TEST

/* Labels built from long cells are cut at 200 bytes, never inside a UTF-8 character. */
START_TEST(long_cells_cut_between_characters)
{
    fixture f;
    setup(&f);
    char text[2048];
    char cause[400] = "";
    for (int i = 0; i < 150; i++)
        strcat(cause, "é");   /* 2 bytes each: 300 bytes, cut at 200 would split none … */
    char odd[402] = "x";       /* … but shifted by one byte, 200 falls inside a character */
    strcat(odd, cause);
    snprintf(text, sizeof text, "ID,Begin time,End time,Country,Scope,Cause\n"
                                "1,2020-09-27T00:00Z,2020-09-28T00:00Z,Azerbaijan,Country,%s\n",
             odd);
    ck_assert_int_eq(read_text(&f, text), 0);
    ck_assert_uint_eq(f.list.count, 1);
    size_t at;
    const char *why;
    const char *label = f.list.items[0].label;
    ck_assert_msg(disrupt_text_check(label, strlen(label), &at, &why) == 0, "byte %zu %s", at,
                  why);
    ck_assert_ptr_nonnull(strstr(label, "cause: xé"));
    teardown(&f);
}
END_TEST

/* Cloudflare Radar outage annotations (SYNTHETIC fixture, shape as documented): instants in
 * UTC, government-directed = shutdown, others outages, ongoing ones skipped with a warning. */
START_TEST(radar_outage_annotations)
{
    fixture f;
    setup(&f);
    ck_assert_int_eq(disrupt_claims_read(tu_source("tests/data/radar-annotations-synthetic.json"),
                                         &f.opt, &f.list, &f.err), 0);
    ck_assert_str_eq(f.list.dialect, "radar-outages");
    ck_assert_uint_eq(f.list.count, 3);
    ck_assert_uint_eq(f.list.skipped, 1);
    ck_assert_ptr_nonnull(strstr(f.last_warning, "result.annotations[2]: skipped: no endDate"));
    const disrupt_claim *c = &f.list.items[0];
    ck_assert_int_eq(c->start, SEP_27 + 6 * HOUR);
    ck_assert_int_eq(c->end, SEP_27 + DAY + 12 * HOUR);
    ck_assert_uint_eq(c->kinds, DISRUPT_KIND_BIT(DISRUPT_KIND_SHUTDOWN));
    ck_assert_str_eq(c->country, "AZ");
    ck_assert_int_eq(c->start_span.precision, DISRUPT_PRECISION_TIME);
    ck_assert_ptr_nonnull(strstr(c->label, "Cloudflare Radar outage synthetic-1: nationwide, "
                                           "government directed"));
    ck_assert_uint_eq(f.list.items[1].kinds, DISRUPT_KIND_BIT(DISRUPT_KIND_OUTAGE));
    disrupt_claim_list_fini(&f.list);
    f.opt.country = "Armenia";
    ck_assert_int_eq(disrupt_claims_read(tu_source("tests/data/radar-annotations-synthetic.json"),
                                         &f.opt, &f.list, &f.err), 0);
    ck_assert_uint_eq(f.list.count, 1);
    ck_assert_str_eq(f.list.items[0].country, "AM");
    disrupt_claim_list_fini(&f.list);
    f.opt.country = NULL;
    ck_assert_int_eq(read_text(&f, "{\"data\": []}"), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(where(&f), "claims.csv: expected Cloudflare Radar outage annotations"));
    teardown(&f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("claims");
    TCase *tc = tcase_create("read");
    tcase_add_test(tc, bundled_claims_file);
    tcase_add_test(tc, dates_are_whole_days_in_the_zone);
    tcase_add_test(tc, bad_cells_name_their_place);
    tcase_add_test(tc, keepiton_export_with_its_quirks);
    tcase_add_test(tc, ioda_outage_list_mixed_time_formats);
    tcase_add_test(tc, country_names_and_codes);
    tcase_add_test(tc, unshowable_text_and_failed_reads);
    tcase_add_test(tc, long_cells_cut_between_characters);
    tcase_add_test(tc, radar_outage_annotations);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
