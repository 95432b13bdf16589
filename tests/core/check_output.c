/* check_output.c — atomic output files, the JSON writer and time formatting. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "disrupt/core/jsonw.h"
#include "disrupt/core/outfile.h"
#include "disrupt/core/text.h"
#include "disrupt/core/timefmt.h"
#include "disrupt/core/tzone.h"
#include "testutil.h"

START_TEST(outfile_replaces_only_on_commit)
{
    char *dir = tu_tempdir();
    char *path = tu_write_file(dir, "out.json", "old");
    disrupt_outfile f;
    ck_assert_int_eq(disrupt_outfile_open(&f, path, NULL), 0);
    fputs("new", f.fp);
    /* Until the commit, readers still see the old file. */
    char *text = tu_read_file(path, NULL);
    ck_assert_str_eq(text, "old");
    free(text);
    ck_assert_int_eq(disrupt_outfile_commit(&f, NULL), 0);
    text = tu_read_file(path, NULL);
    ck_assert_str_eq(text, "new");
    free(text);

    ck_assert_int_eq(disrupt_outfile_open(&f, path, NULL), 0);
    fputs("half-written", f.fp);
    disrupt_outfile_abort(&f);
    text = tu_read_file(path, NULL);
    ck_assert_str_eq(text, "new");
    free(text);
    free(path);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(outfile_follows_links_and_streams_to_devices)
{
    char *dir = tu_tempdir();
    char *target = tu_write_file(dir, "target.json", "old");
    char link[512];
    snprintf(link, sizeof link, "%s/link.json", dir);
    ck_assert_int_eq(symlink("target.json", link), 0);
    disrupt_outfile f;
    ck_assert_int_eq(disrupt_outfile_open(&f, link, NULL), 0);
    fputs("new", f.fp);
    ck_assert_int_eq(disrupt_outfile_commit(&f, NULL), 0);
    struct stat st;
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));           /* the link stays a link */
    char *text = tu_read_file(target, NULL);  /* and its target has the new text */
    ck_assert_str_eq(text, "new");
    free(text);
    /* A device is written to, never renamed over. */
    ck_assert_int_eq(disrupt_outfile_open(&f, "/dev/null", NULL), 0);
    fputs("discarded", f.fp);
    ck_assert_int_eq(disrupt_outfile_commit(&f, NULL), 0);
    ck_assert_int_eq(stat("/dev/null", &st), 0);
    ck_assert(S_ISCHR(st.st_mode));
    free(target);
    tu_rmrf(dir);
    free(dir);
}
END_TEST

START_TEST(outfile_names_an_unwritable_path)
{
    disrupt_outfile f;
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_outfile_open(&f, "/nonexistent-dir/x.json", &err), DISRUPT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent-dir/x.json"));
}
END_TEST

START_TEST(json_is_escaped_and_nested)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    disrupt_jsonw w;
    disrupt_jsonw_init(&w, f);
    disrupt_jsonw_object_begin(&w);
    disrupt_jsonw_key(&w, "name");
    disrupt_jsonw_string(&w, "Gəncə \"quoted\"\n\x01");
    disrupt_jsonw_key(&w, "ci");
    disrupt_jsonw_inline_array_begin(&w);
    disrupt_jsonw_time(&w, 1601164800);
    disrupt_jsonw_number(&w, NAN);
    disrupt_jsonw_number_prec(&w, 0.58123, 2);
    disrupt_jsonw_array_end(&w);
    disrupt_jsonw_key(&w, "empty");
    disrupt_jsonw_array_begin(&w);
    disrupt_jsonw_array_end(&w);
    disrupt_jsonw_object_end(&w);
    disrupt_jsonw_finish(&w);
    fclose(f);
    ck_assert_str_eq(buf, "{\n"
                          "  \"name\": \"Gəncə \\\"quoted\\\"\\n\\u0001\",\n"
                          "  \"ci\": [\"2020-09-27T00:00:00Z\", null, 0.58],\n"
                          "  \"empty\": []\n"
                          "}\n");
    free(buf);
}
END_TEST

START_TEST(times_print_in_utc_and_in_a_zone)
{
    char buf[64];
    ck_assert_int_eq(disrupt_time_from_civil(2020, 9, 27, 0, 0, 0), 1601164800);
    ck_assert_int_eq(disrupt_time_from_civil(1969, 12, 31, 23, 59, 59), -1);
    disrupt_time_iso(1601164800, buf, sizeof buf);
    ck_assert_str_eq(buf, "2020-09-27T00:00:00Z");
    /* ISO 8601 keeps four digits for early years (strftime's %Y does not). */
    disrupt_time_iso(disrupt_time_from_civil(871, 1, 2, 3, 4, 5), buf, sizeof buf);
    ck_assert_str_eq(buf, "0871-01-02T03:04:05Z");
    disrupt_time_iso(disrupt_time_from_civil(9999, 12, 31, 23, 59, 59), buf, sizeof buf);
    ck_assert_str_eq(buf, "9999-12-31T23:59:59Z");
    disrupt_time_format(1601164800, "Asia/Baku", "%Y-%m-%d %H:%M", buf, sizeof buf);
    ck_assert_str_eq(buf, "2020-09-27 04:00");
    ck_assert_int_eq(disrupt_time_offset(1601164800, "Asia/Baku"), 4 * 3600);
    ck_assert_int_eq(disrupt_time_offset(1601164800, "Europe/London"), 3600);  /* BST */
    ck_assert_int_eq(disrupt_time_offset(1606780800, "Europe/London"), 0);     /* December */
    ck_assert(disrupt_time_zone_valid("Asia/Baku"));
    ck_assert(!disrupt_time_zone_valid("Mars/Olympus"));
    ck_assert(!disrupt_time_zone_valid("../etc/passwd"));
}
END_TEST

START_TEST(durations_print_in_their_largest_whole_unit)
{
    char buf[16];
    ck_assert_uint_eq(disrupt_time_duration(3 * 86400, buf, sizeof buf), 2);
    ck_assert_str_eq(buf, "3d");
    disrupt_time_duration(90000, buf, sizeof buf);   /* 25 h: not a whole number of days */
    ck_assert_str_eq(buf, "25h");
    disrupt_time_duration(-2700, buf, sizeof buf);
    ck_assert_str_eq(buf, "-45m");
    disrupt_time_duration(90, buf, sizeof buf);
    ck_assert_str_eq(buf, "90s");
    disrupt_time_duration(0, buf, sizeof buf);
    ck_assert_str_eq(buf, "0");
    ck_assert_uint_eq(disrupt_time_duration(86400 * 1000, buf, 4), 0);   /* "1000d" too long */
}
END_TEST

START_TEST(error_lists_end_in_an_ellipsis_when_full)
{
    char list[24] = "";
    ck_assert(disrupt_error_list_add(list, sizeof list, "time", 4));
    ck_assert(disrupt_error_list_add(list, sizeof list, "value", 5));
    ck_assert_str_eq(list, "time, value");
    ck_assert(!disrupt_error_list_add(list, sizeof list, "a_long_column", 13));
    ck_assert_str_eq(list, "time, value, \xE2\x80\xA6");
    char none[8] = "";
    ck_assert(!disrupt_error_list_add(none, sizeof none, "too_long", 8));
    ck_assert_str_eq(none, "\xE2\x80\xA6");
}
END_TEST

START_TEST(zone_offsets_come_from_the_zone_files)
{
    long off;
    const char *tz_before = getenv("TZ");
    ck_assert_int_eq(disrupt_tzone_offset("Asia/Baku", 1601164800, &off), 0);  /* 2020 */
    ck_assert_int_eq(off, 4 * 3600);
    ck_assert_int_eq(disrupt_tzone_offset("Asia/Baku", 1214870400, &off), 0);  /* Jul 2008: DST */
    ck_assert_int_eq(off, 5 * 3600);
    /* New York springs forward at 2021-03-14 07:00Z. */
    ck_assert_int_eq(disrupt_tzone_offset("America/New_York", 1615705199, &off), 0);
    ck_assert_int_eq(off, -5 * 3600);
    ck_assert_int_eq(disrupt_tzone_offset("America/New_York", 1615705200, &off), 0);
    ck_assert_int_eq(off, -4 * 3600);
    /* Past the file's last transition (2037) the rules still apply: July 2050 is summer. */
    ck_assert_int_eq(disrupt_tzone_offset("Europe/London", 2540246400, &off), 0);
    ck_assert_int_eq(off, 3600);
    ck_assert_int_eq(disrupt_tzone_offset("Europe/London", 2554416000, &off), 0); /* Dec 2050 */
    ck_assert_int_eq(off, 0);
    ck_assert_int_eq(disrupt_tzone_offset(NULL, 0, &off), 0);
    ck_assert_int_eq(off, 0);
    ck_assert_int_eq(disrupt_tzone_offset("Mars/Olympus", 0, &off), 1);
    ck_assert_int_eq(disrupt_tzone_offset("../../etc/passwd", 0, &off), 1);
    /* The process zone is never touched (the environment string stays the same one). */
    ck_assert_ptr_eq(getenv("TZ"), tz_before);
}
END_TEST

START_TEST(names_must_be_utf8_without_controls)
{
    size_t at;
    const char *why;
    ck_assert_int_eq(disrupt_text_check("G\xC9\x99nc\xC9\x99 \xE2\x80\x94 traffic\tx", 20, &at, &why), 0);
    ck_assert_int_eq(disrupt_text_check("a\xC0\xAF", 3, &at, &why), 1); /* overlong '/' */
    ck_assert_uint_eq(at, 1);
    ck_assert_str_eq(why, "in valid UTF-8");
    ck_assert_int_eq(disrupt_text_check("\xED\xA0\x80", 3, &at, &why), 1); /* a surrogate */
    ck_assert_int_eq(disrupt_text_check("ab\xC2\x9B", 4, &at, &why), 1);  /* C1 CSI */
    ck_assert_str_eq(why, "without control characters");
    ck_assert_int_eq(disrupt_text_check("x\x1b[2J", 5, &at, &why), 1);
    ck_assert_uint_eq(at, 1);
    char out[32];
    disrupt_error_excerpt(out, sizeof out, "a\xFF\x1b\xC2\x9B" "b\xC9\x99", 8, 40);
    ck_assert_str_eq(out, "a???b\xC9\x99");
}
END_TEST

/* Table columns line up after names with accents: they are padded by characters. */
START_TEST(names_pad_by_characters_not_bytes)
{
    ck_assert_uint_eq(disrupt_text_columns("C\xC3\xB4te d\xE2\x80\x99Ivoire"), 13);
    ck_assert_uint_eq(disrupt_text_columns(""), 0);
    ck_assert_uint_eq(disrupt_text_columns("a\xFF" "b"), 3); /* a stray byte is one column */
    char buf[64] = {0};
    FILE *f = fmemopen(buf, sizeof buf - 1, "w");
    disrupt_text_pad(f, "R\xC3\xA9union", 9);
    fputc('|', f);
    disrupt_text_pad(f, "longer than width", 4);
    fputc('|', f);
    fclose(f);
    ck_assert_str_eq(buf, "R\xC3\xA9union  |longer than width|");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("output");
    TCase *tc = tcase_create("output");
    tcase_add_test(tc, outfile_replaces_only_on_commit);
    tcase_add_test(tc, outfile_follows_links_and_streams_to_devices);
    tcase_add_test(tc, outfile_names_an_unwritable_path);
    tcase_add_test(tc, json_is_escaped_and_nested);
    tcase_add_test(tc, times_print_in_utc_and_in_a_zone);
    tcase_add_test(tc, durations_print_in_their_largest_whole_unit);
    tcase_add_test(tc, error_lists_end_in_an_ellipsis_when_full);
    tcase_add_test(tc, zone_offsets_come_from_the_zone_files);
    tcase_add_test(tc, names_must_be_utf8_without_controls);
    tcase_add_test(tc, names_pad_by_characters_not_bytes);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
