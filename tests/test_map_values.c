/* tests/test_map_values.c — the host's string map and value list
 * (core/plugin/string_map.c, value_list.c) through the real host table:
 * dense indices in insertion order, find, keys with NUL bytes, dictionary
 * translation across a growing dictionary and a new one, byte-order sort;
 * order statistics (a median) on odd and even lists and after a merge. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "plugin/host_impl.h"

static void test_intern_and_find(void)
{
    const jv_host *h = jv_host_table();
    jv_map *map = h->map_new();
    CU_ASSERT_EQUAL(h->map_find(map, "a", 1), JV_NOT_FOUND);
    CU_ASSERT_EQUAL(h->map_intern(map, "b", 1), 0);
    CU_ASSERT_EQUAL(h->map_intern(map, "a\0b", 3), 1);
    CU_ASSERT_EQUAL(h->map_intern(map, "a", 1), 2);
    CU_ASSERT_EQUAL(h->map_intern(map, "b", 1), 0); /* already there */
    CU_ASSERT_EQUAL(h->map_find(map, "a", 1), 2);
    CU_ASSERT_EQUAL(h->map_find(map, "a\0b", 3), 1);
    CU_ASSERT_EQUAL(h->map_find(map, "a\0c", 3), JV_NOT_FOUND);
    CU_ASSERT_EQUAL(h->map_size(map), 3);
    size_t length = 0;
    const char *key = h->map_key(map, 1, &length);
    CU_ASSERT_EQUAL(length, 3);
    CU_ASSERT_TRUE(memcmp(key, "a\0b", 4) == 0);
    CU_ASSERT_PTR_NULL(h->map_key(map, 3, NULL));
    /* a thousand keys: the table grows and every index stays */
    for (int i = 0; i < 1000; i++) {
        char text[16];
        int n = snprintf(text, sizeof text, "k%d", i);
        CU_ASSERT_EQUAL(h->map_intern(map, text, (size_t)n), (size_t)3 + (size_t)i);
    }
    CU_ASSERT_EQUAL(h->map_find(map, "k999", 4), 1002);
    CU_ASSERT_EQUAL(h->map_find(map, "b", 1), 0);
    h->map_free(map);
    h->map_free(NULL);
}

static void test_translate_a_growing_and_a_new_dictionary(void)
{
    const jv_host *h = jv_host_table();
    jv_map *map = h->map_new();
    h->map_intern(map, "y", 1); /* index 0 */
    static const jv_string words[] = {{"x", 1}, {"y", 1}, {"z", 1}};
    jv_dict dict = {.id = 5, .size = 2, .values = words};
    jv_column column = {.type = JV_TYPE_CATEGORY, .present = 1, .dict = &dict};
    /* codes x, y: x is new (index 1), y is index 0 */
    const size_t *to = h->map_translate(map, &column);
    CU_ASSERT_PTR_NOT_NULL_FATAL(to);
    CU_ASSERT_EQUAL(to[0], 1);
    CU_ASSERT_EQUAL(to[1], 0);
    /* the dictionary grows by z: index 2, the first codes unchanged */
    dict.size = 3;
    to = h->map_translate(map, &column);
    CU_ASSERT_EQUAL(to[0], 1);
    CU_ASSERT_EQUAL(to[1], 0);
    CU_ASSERT_EQUAL(to[2], 2);
    /* another dictionary (id 6): z y w → 2 0 3 */
    static const jv_string other_words[] = {{"z", 1}, {"y", 1}, {"w", 1}};
    jv_dict other = {.id = 6, .size = 3, .values = other_words};
    jv_column other_column = {.type = JV_TYPE_CATEGORY, .present = 1, .dict = &other};
    const size_t *to2 = h->map_translate(map, &other_column);
    CU_ASSERT_EQUAL(to2[0], 2);
    CU_ASSERT_EQUAL(to2[1], 0);
    CU_ASSERT_EQUAL(to2[2], 3);
    /* and the first one is still cached */
    to = h->map_translate(map, &column);
    CU_ASSERT_EQUAL(to[0], 1);
    CU_ASSERT_EQUAL(h->map_size(map), 4);
    /* no dictionary: NULL */
    jv_column none = {.type = JV_TYPE_CATEGORY, .present = 0};
    CU_ASSERT_PTR_NULL(h->map_translate(map, &none));
    h->map_free(map);
}

static void test_sorted_is_byte_order(void)
{
    const jv_host *h = jv_host_table();
    jv_map *map = h->map_new();
    /* inserted ö z å a\0b ä b a: indices 0..6; byte order is
     * a (6) < a\0b (3) < b (5) < z (1) < ä (4) < å (2) < ö (0) */
    static const struct {
        const char *s;
        size_t n;
    } keys[] = {{"ö", 2}, {"z", 1}, {"å", 2}, {"a\0b", 3}, {"ä", 2}, {"b", 1}, {"a", 1}};
    for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
        h->map_intern(map, keys[i].s, keys[i].n);
    size_t *order = h->map_sorted(map);
    static const size_t want[] = {6, 3, 5, 1, 4, 2, 0};
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        CU_ASSERT_EQUAL(order[i], want[i]);
    h->free(order);
    h->map_free(map);
}

static void test_values_median_odd_even_and_merged(void)
{
    const jv_host *h = jv_host_table();
    jv_values *odd = h->values_new();
    /* 7 3 5: sorted 3 5 7, median at (3-1)/2 = 1 and 3/2 = 1: 5 */
    h->values_add(odd, 7);
    h->values_add(odd, 3);
    h->values_add(odd, 5);
    CU_ASSERT_EQUAL(h->values_size(odd), 3);
    CU_ASSERT_EQUAL(h->values_at(odd, 1), 5);
    CU_ASSERT_EQUAL(h->values_at(odd, 0), 3);
    CU_ASSERT_EQUAL(h->values_at(odd, 2), 7);
    jv_values *even = h->values_new();
    /* 10 -2 4 8: sorted -2 4 8 10, median (4 + 8) / 2 = 6 */
    h->values_add(even, 10);
    h->values_add(even, -2);
    h->values_add(even, 4);
    h->values_add(even, 8);
    size_t n = h->values_size(even);
    CU_ASSERT_EQUAL(h->values_at(even, (n - 1) / 2), 4);
    CU_ASSERT_EQUAL(h->values_at(even, n / 2), 8);
    /* merged: 3 5 7 -2 4 8 10 → sorted -2 3 4 5 7 8 10, median 5 */
    h->values_merge(odd, even);
    CU_ASSERT_EQUAL(h->values_size(odd), 7);
    CU_ASSERT_EQUAL(h->values_at(odd, 3), 5);
    CU_ASSERT_EQUAL(h->values_at(odd, 0), -2);
    CU_ASSERT_EQUAL(h->values_at(odd, 6), 10);
    /* adding after a rank was asked for: 1 → -2 1 3 4 5 7 8 10, the
     * median (4 + 5) / 2 */
    h->values_add(odd, 1);
    CU_ASSERT_EQUAL(h->values_at(odd, 3), 4);
    CU_ASSERT_EQUAL(h->values_at(odd, 4), 5);
    /* the source of a merge is unchanged */
    CU_ASSERT_EQUAL(h->values_size(even), 4);
    h->values_free(odd);
    h->values_free(even);
    h->values_free(NULL);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"intern and find", test_intern_and_find},
        {"translate a growing and a new dictionary", test_translate_a_growing_and_a_new_dictionary},
        {"sorted is byte order", test_sorted_is_byte_order},
        {"values: median of odd, even and merged lists", test_values_median_odd_even_and_merged},
        {NULL, NULL}};
    return jvt_main("map_values", tests);
}
