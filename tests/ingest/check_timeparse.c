/* check_timeparse.c — time stamps from text: ISO 8601, Unix, strptime, zones, range. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/timefmt.h"
#include "disrupt/ingest/timeparse.h"
#include "testutil.h"

typedef struct {
    const char *text;
    int64_t expect;
} good_case;

/* 2020-09-27T00:00:00Z = 1601164800. */
static const good_case iso_cases[] = {
    {"2020-09-27", 1601164800},
    {"2020-09-27T00:00:00Z", 1601164800},
    {"2020-09-27 00:00:00", 1601164800},
    {"2020-09-27T13:05", 1601164800 + 13 * 3600 + 5 * 60},
    {"2020-09-27T13:05:09.750Z", 1601164800 + 13 * 3600 + 5 * 60 + 9},
    {"2020-09-27T13:05:09,5", 1601164800 + 13 * 3600 + 5 * 60 + 9},
    {"2020-09-27T04:00:00+04:00", 1601164800},
    {"2020-09-27T04:00:00+0400", 1601164800},
    {"2020-09-27T04:00:00+04", 1601164800},
    {"2020-09-26T20:30:00-03:30", 1601164800},
    {"2020-09-27t00:00:00z", 1601164800},
    {"  2020-09-27T00:00:00Z ", 1601164800},
    {"2020-02-29", 1582934400},
    {"2020-09-27T24:00:00Z", 1601164800 + 86400},
    {"1970-01-01T00:00:00Z", 0},
    {"2099-12-31T23:59:59Z", INT64_C(4102444799)},
    {"1601164800", 1601164800},
    {"1601164800.9", 1601164800},
    {"1601164800000", 1601164800},
    {"1601164800999", 1601164800},
    {"100000000", 100000000},
    /* historical series and long simulations: any year 0001–9999 */
    {"0001-01-01", -62135596800},
    {"1871-03-01", -3119040000},
    {"1969-12-31", -86400},
    {"9999-12-31T00:00:00Z", 253402214400},
    {"99999999999999", 99999999999},
};

START_TEST(test_iso_and_unix)
{
    const good_case *c = &iso_cases[_i];
    int64_t t = -1;
    ck_assert_msg(disrupt_time_parse(c->text, &t) == 0, "rejected '%s'", c->text);
    ck_assert_msg(t == c->expect, "'%s' gave %lld, expected %lld", c->text, (long long)t,
                  (long long)c->expect);
}
END_TEST

typedef struct {
    const char *text;
    const char *expected_phrase;
} bad_case;

static const bad_case bad_cases[] = {
    {"", "ISO 8601"},
    {"yesterday", "ISO 8601"},
    {"2020-13-01", "ISO 8601"},
    {"2020-02-30", "ISO 8601"},
    {"2019-02-29", "ISO 8601"},
    {"2020-09-27T25:00", "ISO 8601"},
    {"2020-09-27T12:60", "ISO 8601"},
    {"2020-09-27T12", "ISO 8601"},
    {"2020-09-27T12:00:00+25:00", "ISO 8601"},
    {"2020-09-27T12:00:00 UTC", "ISO 8601"},
    {"2020/09/27", "ISO 8601"},
    {"0000-01-01", "the years 0001 to 9999"},
    {"999999999999999", "the years 0001 to 9999"},
    {"-5", "ISO 8601"},
    {"0", "9 digits or more"},
    {"44101", "9 digits or more"},
    {"20200927", "9 digits or more"},
    {"1601164800.", "ISO 8601"},
    {"16011648e2", "ISO 8601"},
};

START_TEST(test_rejected)
{
    const bad_case *c = &bad_cases[_i];
    disrupt_timeparser p;
    disrupt_timeparser_init(&p, NULL, NULL);
    int64_t t = 0;
    const char *expected = NULL;
    int rc = disrupt_timeparser_parse(&p, c->text, strlen(c->text), &t, &expected);
    disrupt_timeparser_fini(&p);
    ck_assert_msg(rc != 0, "accepted '%s' as %lld", c->text, (long long)t);
    ck_assert_ptr_nonnull(expected);
    ck_assert_msg(strstr(expected, c->expected_phrase), "'%s': expected phrase '%s', got '%s'",
                  c->text, c->expected_phrase, expected);
}
END_TEST

START_TEST(test_time_text_shapes)
{
#define IS_DATE(t) disrupt_time_text_is_date(t, strlen(t))
#define ZONELESS(t) disrupt_time_text_is_zoneless(t, strlen(t))
    ck_assert(IS_DATE("2020-09-27"));
    ck_assert(!IS_DATE("2020-09-27T00:00"));
    ck_assert(!IS_DATE("2020-9-27"));
    ck_assert(!IS_DATE("2020-09-2x"));
    ck_assert(ZONELESS("2020-09-27"));
    ck_assert(ZONELESS("2020-09-27 10:00:00"));
    ck_assert(!ZONELESS("2020-09-27T10:00:00Z"));
    ck_assert(!ZONELESS("2020-09-27T10:00:00+04:00"));
    ck_assert(!ZONELESS("2020-09-27T10:00:00-0300"));
    ck_assert(!ZONELESS("1601164800"));   /* Unix seconds are UTC */
#undef IS_DATE
#undef ZONELESS
}
END_TEST

START_TEST(test_zone_naive_times)
{
    disrupt_timeparser p;
    const char *expected;
    int64_t t;
    /* Asia/Baku had no DST in 2020: UTC+4. */
    disrupt_timeparser_init(&p, NULL, "Asia/Baku");
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "2020-09-27 04:00", 16, &t, &expected), 0);
    ck_assert_int_eq(t, 1601164800);
    /* An explicit offset wins over the zone. */
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "2020-09-27T00:00:00Z", 20, &t, &expected), 0);
    ck_assert_int_eq(t, 1601164800);
    disrupt_timeparser_fini(&p);

    /* Europe/Berlin: CEST (UTC+2) in summer, CET (UTC+1) in winter; 2020-03-29 02:30 does not
     * exist; 2020-10-25 02:30 happens twice (first reading, CEST, is taken). */
    disrupt_timeparser_init(&p, NULL, "Europe/Berlin");
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "2020-07-01 12:00", 16, &t, &expected), 0);
    ck_assert_int_eq(t, disrupt_time_from_civil(2020, 7, 1, 10, 0, 0));
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "2020-01-01 12:00", 16, &t, &expected), 0);
    ck_assert_int_eq(t, disrupt_time_from_civil(2020, 1, 1, 11, 0, 0));
    ck_assert_int_ne(disrupt_timeparser_parse(&p, "2020-03-29 02:30", 16, &t, &expected), 0);
    ck_assert_ptr_nonnull(strstr(expected, "exists"));
    disrupt_timeparser_fini(&p);
    disrupt_timeparser_init(&p, NULL, "Europe/Berlin"); /* a new file: no order yet */
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "2020-10-25 02:30", 16, &t, &expected), 0);
    ck_assert_int_eq(t, disrupt_time_from_civil(2020, 10, 25, 0, 30, 0));
    disrupt_timeparser_fini(&p);

    /* The same night out of order: the repeated hour cannot be told apart by order, and is
     * refused with the hour named, not guessed (before it or after it). */
    static const char *const backwards[] = {"2020-10-25 03:00", "2020-10-25 02:30"};
    disrupt_timeparser_init(&p, NULL, "Europe/Berlin");
    ck_assert_int_eq(disrupt_timeparser_parse(&p, backwards[0], 16, &t, &expected), 0);
    ck_assert_int_ne(disrupt_timeparser_parse(&p, backwards[1], 16, &t, &expected), 0);
    ck_assert_ptr_nonnull(strstr(expected, "time order around the local hour 2020-10-25 02:00"));
    disrupt_timeparser_fini(&p);
    disrupt_timeparser_init(&p, NULL, "Europe/Berlin");
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "2020-10-25 02:30", 16, &t, &expected), 0);
    ck_assert_int_ne(disrupt_timeparser_parse(&p, "2020-10-25 01:30", 16, &t, &expected), 0);
    ck_assert_ptr_nonnull(strstr(expected, "Europe/Berlin"));
    disrupt_timeparser_fini(&p);

    /* A sorted local-time file through the night clocks go back: 01:30, 02:00, 02:30,
     * 02:00, 02:30, 03:00 local are six distinct half hours in UTC. */
    static const char *const night[] = {"2020-10-25 01:30", "2020-10-25 02:00",
                                        "2020-10-25 02:30", "2020-10-25 02:00",
                                        "2020-10-25 02:30", "2020-10-25 03:00"};
    disrupt_timeparser_init(&p, NULL, "Europe/Berlin");
    int64_t first = disrupt_time_from_civil(2020, 10, 24, 23, 30, 0);
    for (int i = 0; i < 6; i++) {
        ck_assert_int_eq(disrupt_timeparser_parse(&p, night[i], 16, &t, &expected), 0);
        ck_assert_msg(t == first + 1800 * i, "%s read as %lld, expected %lld", night[i],
                      (long long)t, (long long)(first + 1800 * i));
    }
    disrupt_timeparser_fini(&p);
    /* TZ restored: formatting in UTC still gives UTC. */
    char buf[DISRUPT_ISO_LEN];
    disrupt_time_iso(1601164800, buf, sizeof buf);
    ck_assert_str_eq(buf, "2020-09-27T00:00:00Z");
}
END_TEST

START_TEST(test_strptime_format)
{
    disrupt_timeparser p;
    const char *expected;
    int64_t t;
    disrupt_timeparser_init(&p, "%d/%m/%Y %H:%M", NULL);
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "27/09/2020 01:30", 16, &t, &expected), 0);
    ck_assert_int_eq(t, 1601164800 + 5400);
    ck_assert_int_ne(disrupt_timeparser_parse(&p, "2020-09-27 01:30", 16, &t, &expected), 0);
    ck_assert_ptr_nonnull(strstr(expected, "--time-format"));
    ck_assert_int_ne(disrupt_timeparser_parse(&p, "27/09/2020 01:30 extra", 22, &t, &expected),
                     0);
    disrupt_timeparser_fini(&p);

    disrupt_timeparser_init(&p, "%Y%m%d %H%M %z", NULL);
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "20200927 0400 +0400", 19, &t, &expected), 0);
    ck_assert_int_eq(t, 1601164800);
    disrupt_timeparser_fini(&p);

    disrupt_timeparser_init(&p, "%d.%m.%Y", "Asia/Baku");
    ck_assert_int_eq(disrupt_timeparser_parse(&p, "27.09.2020", 10, &t, &expected), 0);
    ck_assert_int_eq(t, 1601164800 - 4 * 3600);
    disrupt_timeparser_fini(&p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("timeparse");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_iso_and_unix, 0, (int)(sizeof iso_cases / sizeof iso_cases[0]));
    tcase_add_loop_test(tc, test_rejected, 0, (int)(sizeof bad_cases / sizeof bad_cases[0]));
    tcase_add_test(tc, test_time_text_shapes);
    tcase_add_test(tc, test_zone_naive_times);
    tcase_add_test(tc, test_strptime_format);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
