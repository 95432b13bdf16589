/* check_progress.c — the progress bar: drawn only when enabled, redrawn only when it changes,
 * cleared at the end; never on a stream that is not a terminal. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/core/progress.h"
#include "testutil.h"

static char *contents(FILE *f)
{
    long n = ftell(f);
    char *buf = calloc((size_t)n + 1, 1);
    rewind(f);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    return buf;
}

static size_t count(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

START_TEST(not_a_terminal_draws_nothing)
{
    FILE *f = tmpfile();
    ck_assert_int_eq(disrupt_progress_wanted(f, 0), 0);
    ck_assert_int_eq(disrupt_progress_wanted(f, 1), 0);
    disrupt_progress p;
    disrupt_progress_init(&p, f, disrupt_progress_wanted(f, 0));
    disrupt_progress_start(&p, "report", "files", 10);
    for (size_t i = 1; i <= 10; i++)
        disrupt_progress_update(&p, i);
    disrupt_progress_finish(&p);
    ck_assert_int_eq(ftell(f), 0);
    fclose(f);
}
END_TEST

START_TEST(bar_redraws_only_when_it_changes)
{
    FILE *f = tmpfile();
    disrupt_progress p;
    disrupt_progress_init(&p, f, 1);
    p.width = 4;
    disrupt_progress_start(&p, "compare", "files", 100);
    for (size_t i = 1; i <= 100; i++)
        disrupt_progress_update(&p, i);
    char *s = contents(f);
    /* Drawn at 0, 25, 50, 75 and 100 items: five lines, each starting with '\r'. */
    ck_assert_uint_eq(count(s, '\r'), 5);
    ck_assert_ptr_nonnull(strstr(s, "\rcompare  [....]  0/100 files"));
    ck_assert_ptr_nonnull(strstr(s, "\rcompare  [##..]  50/100 files"));
    ck_assert_ptr_nonnull(strstr(s, "\rcompare  [####]  100/100 files"));
    free(s);
    /* Finishing blanks the line and returns to its start. */
    fseek(f, 0, SEEK_END);
    long before = ftell(f);
    disrupt_progress_finish(&p);
    long after = ftell(f);
    ck_assert_int_eq(after - before, (long)strlen("\rcompare  [####]  100/100 files") - 1 + 2);
    fclose(f);
}
END_TEST

START_TEST(note_rate_and_time_left)
{
    FILE *f = tmpfile();
    disrupt_progress p;
    disrupt_progress_init(&p, f, 1);
    p.width = 4;
    disrupt_progress_start(&p, "batch", "entities", 1000);
    p.started -= 10.0;   /* as if the task had run ten seconds */
    disrupt_progress_note(&p, "42 windows");
    disrupt_progress_update(&p, 250);
    char *s = contents(f);
    /* 250 in 10 s: 25/s, and 750 left take 30 s. */
    ck_assert_msg(strstr(s, "\rbatch  [#...]  250/1000 entities  42 windows  25/s  ETA 0:30"),
                  "%s", s);
    free(s);
    fclose(f);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("progress");
    TCase *tc = tcase_create("bar");
    tcase_add_test(tc, not_a_terminal_draws_nothing);
    tcase_add_test(tc, bar_redraws_only_when_it_changes);
    tcase_add_test(tc, note_rate_and_time_left);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
