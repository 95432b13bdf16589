/* check_strmap.c — the string map: first-addition indices, lookups after growth, keys with
 * NUL bytes and common prefixes, and FNV-1a's published values. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "disrupt/core/strmap.h"
#include "testutil.h"

START_TEST(indices_follow_first_addition)
{
    disrupt_strmap m;
    disrupt_strmap_init(&m);
    char key[32];
    for (size_t i = 0; i < 5000; i++) {   /* well past several growths */
        snprintf(key, sizeof key, "AS%zu", i);
        size_t index;
        int added;
        ck_assert_int_eq(disrupt_strmap_add(&m, key, strlen(key), &index, &added), 0);
        ck_assert_uint_eq(index, i);
        ck_assert_int_eq(added, 1);
    }
    for (size_t i = 0; i < 5000; i += 7) {
        snprintf(key, sizeof key, "AS%zu", i);
        ck_assert_uint_eq(disrupt_strmap_find(&m, key, strlen(key)), i);
        size_t index;
        int added;
        ck_assert_int_eq(disrupt_strmap_add(&m, key, strlen(key), &index, &added), 0);
        ck_assert_uint_eq(index, i);
        ck_assert_int_eq(added, 0);
    }
    ck_assert_uint_eq(m.count, 5000);
    ck_assert_uint_eq(disrupt_strmap_find(&m, "AS5000", 6), (size_t)-1);
    ck_assert_uint_eq(disrupt_strmap_find(&m, "AS1", 2), (size_t)-1);  /* "AS", a prefix */
    ck_assert_str_eq(m.keys[1234], "AS1234");
    disrupt_strmap_fini(&m);
}
END_TEST

START_TEST(lengths_not_terminators_decide)
{
    disrupt_strmap m;
    disrupt_strmap_init(&m);
    size_t a, b, c;
    ck_assert_int_eq(disrupt_strmap_add(&m, "ab\0c", 4, &a, NULL), 0);
    ck_assert_int_eq(disrupt_strmap_add(&m, "ab", 2, &b, NULL), 0);
    ck_assert_int_eq(disrupt_strmap_add(&m, "", 0, &c, NULL), 0);
    ck_assert_uint_ne(a, b);
    ck_assert_uint_eq(disrupt_strmap_find(&m, "ab\0c", 4), a);
    ck_assert_uint_eq(disrupt_strmap_find(&m, "", 0), c);
    ck_assert_uint_eq(m.lens[a], 4);
    disrupt_strmap_fini(&m);
    ck_assert_uint_eq(disrupt_strmap_find(&m, "ab", 2), (size_t)-1);   /* empty after fini */
}
END_TEST

START_TEST(fnv1a_published_values)
{
    /* The FNV-1a 64-bit test vectors of the reference implementation. */
    ck_assert_uint_eq(disrupt_strmap_hash("", 0), 0xcbf29ce484222325ULL);
    ck_assert_uint_eq(disrupt_strmap_hash("a", 1), 0xaf63dc4c8601ec8cULL);
    ck_assert_uint_eq(disrupt_strmap_hash("foobar", 6), 0x85944171f73967e8ULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("map");
    tcase_add_test(tc, indices_follow_first_addition);
    tcase_add_test(tc, lengths_not_terminators_decide);
    tcase_add_test(tc, fnv1a_published_values);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
