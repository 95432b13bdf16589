/* check_jsonread.c — the JSON side of the input layer: bounded, places for syntax errors,
 * binary data and trailing text refused, values at the end of the file complete. */
#include <check.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disrupt/ingest/jsonread.h"
#include "testutil.h"

/* Reads text[0..len) with the cap max; returns the code, *out the value (or NULL). */
static int read_mem(const char *text, size_t len, size_t max, json_object **out,
                    disrupt_error *err)
{
    FILE *f = fmemopen((void *)text, len, "r");
    ck_assert_ptr_nonnull(f);
    int rc = disrupt_json_read_stream(f, "in.json", max, out, err);
    fclose(f);
    return rc;
}

static void expect_error(const char *text, size_t len, const char *message)
{
    json_object *o = (json_object *)1;
    disrupt_error err = {0};
    ck_assert_int_eq(read_mem(text, len, 0, &o, &err), DISRUPT_EDATA);
    ck_assert_ptr_null(o);
    ck_assert_msg(strcmp(err.message, message) == 0, "'%s' for '%.*s', wanted '%s'", err.message,
                  (int)len, text, message);
}

#define EXPECT_ERROR(lit, message) expect_error(lit, sizeof lit - 1, message)

START_TEST(values_and_places)
{
    json_object *o = NULL;
    disrupt_error err = {0};
    ck_assert_int_eq(read_mem("42", 2, 0, &o, &err), 0);   /* a number ended by the file */
    ck_assert_int_eq(json_object_get_int(o), 42);
    json_object_put(o);
    ck_assert_int_eq(read_mem(" {\"a\": [1, \"é\"]}\n\n ", 19, 0, &o, &err), 0);
    ck_assert(json_object_is_type(o, json_type_object));
    json_object_put(o);
    EXPECT_ERROR("", "in.json: expected JSON, found an empty file");
    EXPECT_ERROR("{\"a\": 1}\n  x", "in.json:2:3: expected the end of the file after the JSON value");
    EXPECT_ERROR("{\"a\":\n  \"é\" 1}", "in.json:2:7: expected JSON: object value separator ',' expected");
    EXPECT_ERROR("{\"a\": 1,}", "in.json:1:9: expected JSON: unexpected character");
    EXPECT_ERROR("[1,\n2", "in.json:2:2: expected JSON: unexpected end of file");
    EXPECT_ERROR("{\"a\"\0: 1}", "in.json:1:5: expected text, found a NUL byte (binary data)");
    EXPECT_ERROR("[1]\n\0", "in.json:2:1: expected text, found a NUL byte (binary data)");
    EXPECT_ERROR("[\"ok\",\n \"b\xff" "d\"]", "in.json:2:4: expected JSON: invalid utf-8 string");
    EXPECT_ERROR("null", "in.json: expected a JSON value, found null");
}
END_TEST

/* The cap stops the reading as it is crossed: an endless stream costs the cap, not memory
 * without end, and never blocks for ever. */
START_TEST(bounded)
{
    size_t n = 3u << 20;
    char *big = malloc(n);
    big[0] = '"';
    memset(big + 1, 'a', n - 1);
    json_object *o = NULL;
    disrupt_error err = {0};
    ck_assert_int_eq(read_mem(big, n, (size_t)1 << 20, &o, &err), DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "in.json: expected a JSON file of at most 1048576 bytes, found more");
    big[n - 1] = '"';
    ck_assert_int_eq(read_mem(big, n, 0, &o, &err), 0);
    ck_assert_uint_eq(json_object_get_string_len(o), n - 2);
    json_object_put(o);
    free(big);
    ck_assert_int_eq(disrupt_json_read("/dev/zero", 0, &o, &err), DISRUPT_EDATA);
    ck_assert_str_eq(err.message, "/dev/zero:1:1: expected text, found a NUL byte (binary data)");
    ck_assert_int_eq(disrupt_json_read("/nonexistent.json", 0, &o, &err), DISRUPT_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent.json: cannot open the file"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("jsonread");
    TCase *tc = tcase_create("read");
    tcase_add_test(tc, values_and_places);
    tcase_add_test(tc, bounded);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
