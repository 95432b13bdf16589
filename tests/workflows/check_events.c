/* check_events.c — reading `time,label` event files: dates, offsets, order of columns,
 * quoting, and errors with FILE:LINE:COL. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/workflows/events.h"
#include "disrupt/ingest/timeparse.h"
#include "disrupt/core/timefmt.h"
#include "testutil.h"

static char *dir;

static void setup(void)
{
    dir = tu_tempdir();
}

static void teardown(void)
{
    tu_rmrf(dir);
    free(dir);
}

/* Reads text as a file; returns the code and fills l (caller finishes it). */
static int read_text(const char *text, disrupt_event_list *l, disrupt_error *err)
{
    char *path = tu_write_file(dir, "events.csv", text);
    disrupt_event_list_init(l);
    int rc = disrupt_events_read(path, l, err);
    free(path);
    return rc;
}

START_TEST(test_reads_dates_and_times)
{
    disrupt_event_list l;
    disrupt_error err;
    ck_assert_int_eq(read_text("time,label\n"
                               "2020-09-27,War begins\n"
                               "2020-09-27T06:00:00+04:00,\"Mobile data cut, Gəncə\"\n"
                               "2020-11-10T00:30Z,Ceasefire\n",
                               &l, &err),
                     0);
    ck_assert_uint_eq(l.count, 3);
    ck_assert_int_eq(l.items[0].time, disrupt_time_from_civil(2020, 9, 27, 0, 0, 0));
    ck_assert_int_eq(l.items[1].time, disrupt_time_from_civil(2020, 9, 27, 2, 0, 0));
    ck_assert_str_eq(l.items[1].label, "Mobile data cut, Gəncə");
    ck_assert_int_eq(l.items[2].time, disrupt_time_from_civil(2020, 11, 10, 0, 30, 0));
    disrupt_event_list_fini(&l);
}
END_TEST

START_TEST(test_columns_in_any_order_with_extras)
{
    disrupt_event_list l;
    ck_assert_int_eq(read_text("\xEF\xBB\xBFsource,label,time\r\nFH,Şəki blocked,2020-10-01\r\n", &l, NULL), 0);
    ck_assert_uint_eq(l.count, 1);
    ck_assert_str_eq(l.items[0].label, "Şəki blocked");
    ck_assert_int_eq(l.items[0].time, disrupt_time_from_civil(2020, 10, 1, 0, 0, 0));
    disrupt_event_list_fini(&l);
}
END_TEST

START_TEST(test_bad_time_has_place)
{
    disrupt_event_list l;
    disrupt_error err;
    ck_assert_int_eq(read_text("time,label\n2020-09-27,ok\n\n2020-02-30,bad day\n", &l, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "events.csv:4:1: expected a date") != NULL, "%s", err.message);
    ck_assert_ptr_nonnull(strstr(err.message, "'2020-02-30'"));
    disrupt_event_list_fini(&l);
    ck_assert_int_eq(read_text("label,time\nok,2020-09-27T25:00Z\n", &l, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "events.csv:2:2:") != NULL, "%s", err.message);
    disrupt_event_list_fini(&l);
}
END_TEST

/* A label that cannot be shown is refused at its place, and a failed read appends nothing to a
 * list that already holds events (the stream form, as a library user calls it). */
START_TEST(test_unshowable_label_and_failed_read)
{
    disrupt_event_list l;
    disrupt_error err;
    ck_assert_int_eq(read_text("time,label\n2020-09-27,ok\n2020-09-28,b\xe2\x82" "ad\n", &l, &err),
                     DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "events.csv:3:2: expected a label in valid UTF-8"), "%s",
                  err.message);
    ck_assert_uint_eq(l.count, 0);
    ck_assert_int_eq(disrupt_event_list_push(&l, 0, "kept", &err), 0);
    static const char text[] = "time,label\n2020-09-27,one\n2020-09-28,esc\x1b[2J\n";
    FILE *s = fmemopen((void *)text, sizeof text - 1, "r");
    ck_assert_int_eq(disrupt_events_read_stream(s, "mem", &l, &err), DISRUPT_EDATA);
    fclose(s);
    ck_assert_msg(strstr(err.message, "mem:3:2: expected a label without control"), "%s",
                  err.message);
    ck_assert_uint_eq(l.count, 1);
    ck_assert_str_eq(l.items[0].label, "kept");
    disrupt_event_list_fini(&l);
}
END_TEST

START_TEST(test_bad_header_and_short_rows)
{
    disrupt_event_list l;
    disrupt_error err;
    ck_assert_int_eq(read_text("date,text\n2020-09-27,x\n", &l, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "events.csv:1:1: expected a header") != NULL, "%s", err.message);
    disrupt_event_list_fini(&l);
    ck_assert_int_eq(read_text("time,label\n2020-09-27\n", &l, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "events.csv:2:2: expected 2 columns") != NULL, "%s", err.message);
    disrupt_event_list_fini(&l);
    ck_assert_int_eq(read_text("time,label\n2020-09-27,\n", &l, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "events.csv:2:2: expected a label") != NULL, "%s", err.message);
    disrupt_event_list_fini(&l);
    ck_assert_int_eq(read_text("", &l, &err), DISRUPT_EDATA);
    ck_assert_ptr_nonnull(strstr(err.message, "empty file"));
    disrupt_event_list_fini(&l);
    disrupt_event_list_init(&l);
    ck_assert_int_eq(disrupt_events_read("/nonexistent/events.csv", &l, &err), DISRUPT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/events.csv"));
}
END_TEST

START_TEST(test_hostile_files_are_bounded)
{
    /* The events reader shares the data reader's limits: binary data is refused at its
     * place, and a field that never ends (8 MB, no line end) stops at the cap instead of
     * growing without bound. */
    disrupt_event_list l;
    disrupt_error err;
    char *path = tu_write_file(dir, "zero.csv", "time,label\n2020-09-27,x");
    FILE *f = fopen(path, "ab");
    ck_assert_ptr_nonnull(f);
    fputc('\0', f);
    fclose(f);
    disrupt_event_list_init(&l);
    ck_assert_int_eq(disrupt_events_read(path, &l, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "zero.csv:2:2: expected text, found binary data") != NULL,
                  "%s", err.message);
    disrupt_event_list_fini(&l);
    free(path);
    size_t n = (size_t)8 << 20;
    char *big = malloc(n + 32);
    strcpy(big, "time,label\n2020-09-27,");
    size_t h = strlen(big);
    memset(big + h, 'y', n);
    big[h + n] = '\0';
    path = tu_write_file(dir, "big.csv", big);
    free(big);
    disrupt_event_list_init(&l);
    ck_assert_int_eq(disrupt_events_read(path, &l, &err), DISRUPT_EDATA);
    ck_assert_msg(strstr(err.message, "big.csv:2:2: expected a field of at most 65536 bytes") !=
                      NULL, "%s", err.message);
    disrupt_event_list_fini(&l);
    free(path);
}
END_TEST

START_TEST(test_parse_time_forms)
{
    int64_t t;
    ck_assert_int_eq(disrupt_time_parse("2020-02-29", &t), 0);
    ck_assert_int_eq(disrupt_time_parse("2019-02-29", &t), 1);
    ck_assert_int_eq(disrupt_time_parse("2020-09-27 06:15:30", &t), 0);
    ck_assert_int_eq(t, disrupt_time_from_civil(2020, 9, 27, 6, 15, 30));
    ck_assert_int_eq(disrupt_time_parse("2020-09-27T06:15-0130", &t), 0);
    ck_assert_int_eq(t, disrupt_time_from_civil(2020, 9, 27, 7, 45, 0));
    ck_assert_int_eq(disrupt_time_parse("27/09/2020", &t), 1);
    ck_assert_int_eq(disrupt_time_parse("2020-09-27T06", &t), 1);
    ck_assert_int_eq(disrupt_time_parse("2020-09-27x", &t), 1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("events");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_reads_dates_and_times);
    tcase_add_test(tc, test_columns_in_any_order_with_extras);
    tcase_add_test(tc, test_bad_time_has_place);
    tcase_add_test(tc, test_bad_header_and_short_rows);
    tcase_add_test(tc, test_unshowable_label_and_failed_read);
    tcase_add_test(tc, test_hostile_files_are_bounded);
    tcase_add_test(tc, test_parse_time_forms);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run_suite(suite());
}
