/* tests/test_participation_rules.c — the participation indicator's rules
 * through the whole pipeline (real CSV files, the plugin loaded from the
 * build tree): an arena with two types (a row error, skipped on request,
 * an error across regions), disclosure control of small boards and of the
 * arenas of a type as a family, and the keys of absent optional columns.
 * Every expected value is worked out by hand from INDICATORS.md
 * "participation" and "Disclosure control"; the figures of the basic data
 * are in test_participation.c's header. Data: tests/data/participation/.
 */
#include "harness.h"
#include "participation_checks.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

static void test_arena_type_conflict_in_a_file_is_a_row_error(void)
{
    char *error = jvt_run_error("participation/conflict_region.json");
    if (error != NULL) {
        CU_ASSERT_PTR_NOT_NULL(strstr(error, "participation.csv:3"));
        CU_ASSERT_PTR_NOT_NULL(strstr(error, "'board'"));
        CU_ASSERT_PTR_NOT_NULL(strstr(error, "'advisory'"));
        CU_ASSERT_PTR_NOT_NULL(strstr(error, "'decision'"));
    }
    g_free(error);
}

static void test_arena_type_conflict_row_skipped_with_on_error_skip(void)
{
    cJSON *doc = jvt_run_ok("participation/conflict_skip.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    /* the man's row (a second type for board) is left out */
    CU_ASSERT_EQUAL(jvt_num(doc, "regions/0/indicators/participation/skipped_rows"), 1);
    assert_seats(doc, R0 "arenas/0/", 1, 0, 0, 0, 0);
    JVT_ASSERT_STR(doc, R0 "arena_types/0/value", "decision");
    CU_ASSERT_EQUAL(jvt_array_size(doc, R0 "arena_types"), 1);
    cJSON_Delete(doc);
}

static void test_arena_type_conflict_across_regions_is_an_error(void)
{
    char *error = jvt_run_error("participation/conflict_pool.json");
    if (error != NULL) {
        CU_ASSERT_PTR_NOT_NULL(strstr(error, "'board'"));
        CU_ASSERT_PTR_NOT_NULL(strstr(error, "'decision'"));
        CU_ASSERT_PTR_NOT_NULL(strstr(error, "'advisory'"));
    }
    g_free(error);
}

static void test_small_board_and_its_complement_suppressed(void)
{
    cJSON *doc = jvt_run_ok("participation/small.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    const char *scopes[] = {R0, T};
    for (int s = 0; s < 2; s++) {
        JVT_ASSERT_STR(doc, part_at(scopes[s], "arenas/0/value"), "assembly");
        assert_seats(doc, part_at(scopes[s], "arenas/0/"), 10, 12, 0, 0, 0);
        JVT_ASSERT_STR(doc, part_at(scopes[s], "arenas/1/value"), "board");
        assert_suppressed(doc, part_at(scopes[s], "arenas/1/"));
        JVT_ASSERT_STR(doc, part_at(scopes[s], "arenas/2/value"), "forum");
        assert_suppressed(doc, part_at(scopes[s], "arenas/2/"));
        /* cells with 0 seats are never suppressed */
        CU_ASSERT_EQUAL(jvt_num(doc, part_at(scopes[s], "arenas/1/by_gender/non_binary/seats")), 0);
        assert_seats(doc, scopes[s], 18, 24, 0, 0, 0);
        assert_figures(doc, scopes[s], 18.0 / 42.0, "balanced", 0, 0.2911765117618606,
                       0.5779376012189541);
        /* classed from their own counts, suppressed or not */
        JVT_NEAR(jvt_num(doc, part_at(scopes[s], "arenas_balanced_share")), 2.0 / 3.0);
        CU_ASSERT_EQUAL(jvt_num(doc, part_at(scopes[s], "arenas_classified")), 3);
    }
    CU_ASSERT_EQUAL(jvt_num(doc, "regions/0/indicators/participation/rows"), 6);
    cJSON_Delete(doc);
}

static void test_small_board_published_when_min_cell_is_zero(void)
{
    cJSON *doc = jvt_run_ok("participation/small.json", 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    assert_seats(doc, R0 "arenas/1/", 2, 1, 0, 0, 0);
    assert_figures(doc, R0 "arenas/1/", 2.0 / 3.0, "balanced", 0, 0.2076596008020477,
                   0.9385080552796037);
    cJSON_Delete(doc);
}

static void test_arenas_of_a_type_are_a_family(void)
{
    cJSON *doc = jvt_run_ok("participation/small_types.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    JVT_ASSERT_STR(doc, R0 "arenas/0/value", "board");
    assert_suppressed(doc, R0 "arenas/0/");
    JVT_ASSERT_STR(doc, R0 "arenas/1/value", "council");
    assert_suppressed(doc, R0 "arenas/1/");
    JVT_ASSERT_STR(doc, R0 "arenas/2/value", "forum");
    assert_suppressed(doc, R0 "arenas/2/");
    JVT_ASSERT_STR(doc, R0 "arena_types/0/value", "advisory");
    assert_suppressed(doc, R0 "arena_types/0/");
    JVT_ASSERT_STR(doc, R0 "arena_types/1/value", "decision");
    assert_suppressed(doc, R0 "arena_types/1/");
    assert_suppressed(doc, R0 "chairs/");
    assert_seats(doc, R0, 18, 24, 0, 0, 0);
    JVT_NEAR(jvt_num(doc, R0 "arenas_balanced_share"), 2.0 / 3.0);
    JVT_NEAR(jvt_num(doc, R0 "arena_types/0/arenas_balanced_share"), 1.0);
    CU_ASSERT_EQUAL(jvt_num(doc, R0 "arena_types/0/arenas_classified"), 1);
    JVT_NEAR(jvt_num(doc, R0 "arena_types/1/arenas_balanced_share"), 0.5);
    CU_ASSERT_EQUAL(jvt_num(doc, R0 "arena_types/1/arenas_classified"), 2);
    cJSON_Delete(doc);
}

static void test_gender_with_zero_seats_is_published(void)
{
    cJSON *doc = jvt_run_ok("participation/zero.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    assert_seats(doc, R0, 5, 0, 0, 0, 0);
    assert_figures(doc, R0, 1.0, "women_dominated", 0, 0.5655175352168251, 1.0);
    assert_seats(doc, R0 "arenas/0/", 5, 0, 0, 0, 0);
    JVT_NEAR(jvt_num(doc, R0 "arenas_balanced_share"), 0.0);
    CU_ASSERT_EQUAL(jvt_num(doc, R0 "arenas_classified"), 1);
    cJSON_Delete(doc);
}

static void test_keys_of_absent_optional_columns_are_null(void)
{
    cJSON *doc = jvt_run_ok("participation/zero.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT(jvt_is_null(doc, R0 "arena_types"));
    CU_ASSERT(jvt_is_null(doc, R0 "chairs"));
    CU_ASSERT(jvt_is_null(doc, T "arena_types"));
    CU_ASSERT(jvt_is_null(doc, T "chairs"));
    cJSON *breakdowns = jvt_get(doc, R0 "breakdowns");
    CU_ASSERT(cJSON_IsObject(breakdowns) && cJSON_GetArraySize(breakdowns) == 0);
    cJSON_Delete(doc);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"arena type conflict in a file is a row error",
         test_arena_type_conflict_in_a_file_is_a_row_error},
        {"arena type conflict row skipped with on_error skip",
         test_arena_type_conflict_row_skipped_with_on_error_skip},
        {"arena type conflict across regions is an error",
         test_arena_type_conflict_across_regions_is_an_error},
        {"small board and its complement suppressed",
         test_small_board_and_its_complement_suppressed},
        {"small board published when min_cell is 0",
         test_small_board_published_when_min_cell_is_zero},
        {"arenas of a type are a family", test_arenas_of_a_type_are_a_family},
        {"gender with zero seats is published", test_gender_with_zero_seats_is_published},
        {"keys of absent optional columns are null", test_keys_of_absent_optional_columns_are_null},
        {NULL, NULL},
    };
    return jvt_main("participation rules", tests);
}
