/* check_csvread.c — the CSV layer: rows and the line each field starts on, whatever the line
 * ends (LF, CRLF, CR alone as old Mac spreadsheets write), across block boundaries, in quoted
 * fields spanning lines and after comment lines. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/csvread.h"
#include "testutil.h"

/* "line:field|line:field\n" per row, in out. */
typedef struct {
    char out[4096];
    size_t len;
} rows;

static int on_row(void *ctx, const disrupt_csv_field *f, size_t n, disrupt_error *err)
{
    (void)err;
    rows *r = ctx;
    for (size_t i = 0; i < n && r->len < sizeof r->out - 64; i++)
        r->len += (size_t)snprintf(r->out + r->len, sizeof r->out - r->len, "%s%ld:%.20s",
                                   i ? "|" : "", f[i].line, f[i].data);
    r->len += (size_t)snprintf(r->out + r->len, sizeof r->out - r->len, "\n");
    return 0;
}

static const char *read_rows(const char *text, size_t len, rows *r)
{
    memset(r, 0, sizeof *r);
    FILE *f = fmemopen((void *)text, len, "r");
    ck_assert_ptr_nonnull(f);
    disrupt_csv_reader rd;
    disrupt_csv_reader_init(&rd, on_row, r);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_csv_read_stream(f, "mem", &rd, &err), 0);
    fclose(f);
    return r->out;
}

#define ROWS(lit, r) read_rows(lit, sizeof lit - 1, r)

START_TEST(lines_whatever_the_line_ends)
{
    rows r;
    const char *want = "1:a|1:b\n2:1|2:2\n3:3|3:4\n";
    ck_assert_str_eq(ROWS("a,b\n1,2\n3,4\n", &r), want);
    ck_assert_str_eq(ROWS("a,b\r\n1,2\r\n3,4", &r), want);
    ck_assert_str_eq(ROWS("a,b\r1,2\r3,4\r", &r), want);
    ck_assert_str_eq(ROWS("a,b\r1,2\n3,4\r\n", &r), want);
    /* A quoted field spanning lines starts on its first; the next field is on the last. */
    ck_assert_str_eq(ROWS("a,b\r\"x\ry\",2\r3,4\r", &r), "1:a|1:b\n2:x\ny|3:2\n4:3|4:4\n");
    /* The delimiter is found on the first line, which may end in a CR alone after a comment. */
    ck_assert_str_eq(ROWS("# exported\ra;b\r1;2\r3;4", &r), "2:a|2:b\n3:1|3:2\n4:3|4:4\n");
    /* Blank lines and comments count as lines and make no rows. */
    ck_assert_str_eq(ROWS("# synthetic\r\n\r\na,b\n\n1,2\n", &r), "3:a|3:b\n5:1|5:2\n");
}
END_TEST

/* A CRLF whose CR ends one block and LF starts the next is one line end, not two. */
START_TEST(crlf_split_across_blocks)
{
    size_t block = 64 * 1024, n = 2 * block;
    char *text = malloc(n + 1);
    memset(text, 'x', n);
    memcpy(text, "a\r\n", 3);
    text[block - 1] = '\r';
    text[block] = '\n';
    memcpy(text + block + 1, "b\r\nc\r\n", 6);
    rows r;
    read_rows(text, block + 7, &r);
    ck_assert_msg(strstr(r.out, "\n2:xxx") && strstr(r.out, "\n3:b\n4:c\n"), "%s", r.out);
    free(text);
}
END_TEST

/* A row is bounded as a whole too: 300 fields of 60 kB are refused at the field that crosses
 * the cap, not after 18 MB have been kept. */
START_TEST(row_cap)
{
    size_t n = 300 * 60001 + 8;
    char *text = malloc(n);
    size_t len = (size_t)sprintf(text, "a,b\n");
    for (int i = 0; i < 300; i++) {
        memset(text + len, 'x', 60000);
        len += 60000;
        text[len++] = i < 299 ? ',' : '\n';
    }
    FILE *f = fmemopen(text, len, "r");
    rows r;
    memset(&r, 0, sizeof r);
    disrupt_csv_reader rd;
    disrupt_csv_reader_init(&rd, on_row, &r);
    disrupt_error err = {0};
    ck_assert_int_eq(disrupt_csv_read_stream(f, "mem", &rd, &err), DISRUPT_EDATA);
    fclose(f);
    ck_assert_str_eq(err.message, "mem:2:280: expected a row of at most 16777216 bytes, found more");
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csvread");
    TCase *tc = tcase_create("lines");
    tcase_add_test(tc, lines_whatever_the_line_ends);
    tcase_add_test(tc, crlf_split_across_blocks);
    tcase_add_test(tc, row_cap);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
