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
#include "plugin_checks.h"

static void test_arena_type_conflict_in_a_file_is_a_row_error(void)
{
    PC_FAILS_SAYING("participation/conflict_region.json", "participation.csv:3", "'board'",
                    "'advisory'", "'decision'");
}

static void test_arena_type_conflict_row_skipped_with_on_error_skip(void)
{
    static const pc_check expected[] = {
        /* the man's row (a second type for board) is left out */
        PC_EXACT("regions/0/indicators/participation/skipped_rows", 1),
        PC_AT(R0),
        PC_STR("arena_types/0/value", "decision"),
        PC_ARRAY("arena_types", 1),
        PC_AT(R0 "arenas/0/"),
        PC_GENDERS("seats", "1 0 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 1),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/conflict_skip.json", expected);
}

static void test_arena_type_conflict_across_regions_is_an_error(void)
{
    PC_FAILS_SAYING("participation/conflict_pool.json", "'board'", "'decision'", "'advisory'");
}

static void test_small_board_and_its_complement_suppressed(void)
{
    static const pc_check in_scope[] = {
        PC_STR("arenas/0/value", "assembly"),
        PC_STR("arenas/1/value", "board"),
        PC_STR("arenas/2/value", "forum"),
        /* cells with 0 seats are never suppressed */
        PC_EXACT("arenas/1/by_gender/non_binary/seats", 0),
        /* classed from their own counts, suppressed or not */
        PC_NUM("arenas_balanced_share", "2/3"),
        PC_EXACT("arenas_classified", 3),
        PC_AT("arenas/0/"),
        PC_GENDERS("seats", "10 12 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 22),
        PC_FALSE("total/suppressed"),
        /* the split: 18/42, Wilson(18, 42) */
        PC_AT(""),
        PC_GENDERS("seats", "18 24 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 42),
        PC_FALSE("total/suppressed"),
        PC_NUM("women_share/seats", "18/42"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.2911765117618606"),
        PC_NUM("ci/1", "0.5779376012189541"),
    };
    static const pc_check rows[] = {
        PC_EXACT("regions/0/indicators/participation/rows", 6),
    };
    static const char *const scopes[] = {R0, T};
    cJSON *doc = pc_run("participation/small.json", -1);
    PC_CHECK(doc, rows);
    for (size_t s = 0; s < 2; s++) {
        PC_CHECK_AT(doc, scopes[s], in_scope);
        assert_suppressed(doc, part_at(scopes[s], "arenas/1/"));
        assert_suppressed(doc, part_at(scopes[s], "arenas/2/"));
    }
    cJSON_Delete(doc);
}

static void test_small_board_published_when_min_cell_is_zero(void)
{
    /* board: 2 women, 1 man; Wilson(2,3) */
    static const pc_check expected[] = {
        PC_AT(R0 "arenas/1/"),
        PC_NUM("women_share/seats", "2/3"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.2076596008020477"),
        PC_NUM("ci/1", "0.9385080552796037"),
        PC_GENDERS("seats", "2 1 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 3),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT_MIN_CELL("participation/small.json", 0, expected);
}

static void test_arenas_of_a_type_are_a_family(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_STR("arenas/0/value", "board"),
        PC_STR("arenas/1/value", "council"),
        PC_STR("arenas/2/value", "forum"),
        PC_STR("arena_types/0/value", "advisory"),
        PC_STR("arena_types/1/value", "decision"),
        PC_NUM("arenas_balanced_share", "2/3"),
        PC_NUM("arena_types/0/arenas_balanced_share", "1"),
        PC_EXACT("arena_types/0/arenas_classified", 1),
        PC_NUM("arena_types/1/arenas_balanced_share", "0.5"),
        PC_EXACT("arena_types/1/arenas_classified", 2),
        PC_GENDERS("seats", "18 24 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 42),
        PC_FALSE("total/suppressed"),
    };
    cJSON *doc = pc_run("participation/small_types.json", -1);
    PC_CHECK(doc, expected);
    assert_suppressed(doc, R0 "arenas/0/");
    assert_suppressed(doc, R0 "arenas/1/");
    assert_suppressed(doc, R0 "arenas/2/");
    assert_suppressed(doc, R0 "arena_types/0/");
    assert_suppressed(doc, R0 "arena_types/1/");
    assert_suppressed(doc, R0 "chairs/");
    cJSON_Delete(doc);
}

/* by_arena (basic, min_cell 3, by arena, arena_type, role): figures in
 * test_participation.c's header. Groups: split, the 6 arenas, the 3 types,
 * chairs (no family), the 6 roles; breakdowns.arena and .arena_type are the
 * arenas' and the types' own groups. Rule 1 (0 < c < 3): board w1 m2,
 * committee m1, forum w2 nb1, seminar w1; advisory nb1, decision w1 m2,
 * learning w1; split nb1; chairs w2 m1; CHAIR m1, ORDFÖRANDE w1,
 * Ordförande w1, member nb1, speaker w1, vice chair m1.
 * Round 1: rule 2 suppresses the total of every group above. Rule 3, lines
 * with exactly one suppressed cell: types → split, man (decision m2;
 * advisory 9, split 11 not) → advisory·man 9; {committee, forum} →
 * advisory, woman (forum w2; committee 4, advisory 6 not) → committee·woman
 * 4; man (committee m1; forum 8, advisory 9 not at the round's start) →
 * forum·man 8. Every other line has 0, 2 or more (arenas woman: board,
 * forum, seminar; man: board, committee; nb: forum + split; roles woman:
 * 3; man: CHAIR + vice chair; nb: member + split; decision's and
 * learning's lines: 2 each). Round 2 adds nothing (advisory·man makes the
 * types' man line 2; committee·woman the advisory woman line 2; forum·man
 * its man line 3). So committee·woman 4 and forum·man 8 are suppressed in
 * both lists. */
static const pc_check by_arena_arenas[] = {
    PC_AT("0/"),
    PC_STR("value", "board"),
    PC_GENDERS("suppressed", "true true false false false"),
    PC_TRUE("total/suppressed"),
    PC_AT("1/"),
    PC_STR("value", "committee"),
    PC_GENDERS("seats", "null null 0 0 0"),
    PC_TRUE("total/suppressed"),
    PC_AT("2/"),
    PC_STR("value", "council"),
    PC_GENDERS("seats", "0 0 0 0 2"),
    PC_EXACT("total/seats", 2),
    PC_AT("3/"),
    PC_STR("value", "forum"),
    PC_GENDERS("suppressed", "true true true false false"),
    PC_TRUE("total/suppressed"),
    PC_AT("4/"),
    PC_STR("value", "panel"),
    PC_GENDERS("suppressed", "false false false false false"),
    PC_FALSE("total/suppressed"),
    PC_AT("5/"),
    PC_STR("value", "seminar"),
    PC_GENDERS("suppressed", "true false false false false"),
    PC_TRUE("total/suppressed"),
    PC_AT(""),
    PC_ARRAY("", 6),
};
static const pc_check by_arena_types[] = {
    PC_AT("0/"),
    PC_STR("value", "advisory"),
    PC_GENDERS("seats", "6 null null 0 0"),
    PC_TRUE("total/suppressed"),
    PC_AT("1/"),
    PC_STR("value", "decision"),
    PC_GENDERS("seats", "null null 0 0 2"),
    PC_TRUE("total/suppressed"),
    PC_AT("2/"),
    PC_STR("value", "learning"),
    PC_GENDERS("suppressed", "true false false false false"),
    PC_TRUE("total/suppressed"),
    PC_AT(""),
    PC_ARRAY("", 3),
};

static void test_breakdown_by_arena_suppressed_as_the_arenas(void)
{
    static const pc_check split[] = {
        PC_GENDERS("seats", "8 11 null 0 2"), PC_TRUE("total/suppressed"),
        PC_AT("breakdowns/role/3/"),          PC_STR("value", "member"),
        PC_GENDERS("seats", "5 9 null 0 2"),
    };
    cJSON *doc = pc_run("participation/by_arena.json", -1);
    PC_CHECK_AT(doc, R0, split);
    PC_CHECK_AT(doc, R0 "arenas/", by_arena_arenas);
    PC_CHECK_AT(doc, R0 "breakdowns/arena/", by_arena_arenas);
    PC_CHECK_AT(doc, R0 "arena_types/", by_arena_types);
    PC_CHECK_AT(doc, R0 "breakdowns/arena_type/", by_arena_types);
    cJSON_Delete(doc);
}

static void test_gender_with_zero_seats_is_published(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_NUM("arenas_balanced_share", "0"),
        PC_EXACT("arenas_classified", 1),
        PC_GENDERS("seats", "5 0 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 5),
        PC_FALSE("total/suppressed"),
        PC_NUM("women_share/seats", "1"),
        PC_STR("balance", "women_dominated"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.5655175352168251"),
        PC_NUM("ci/1", "1"),
        PC_AT(R0 "arenas/0/"),
        PC_GENDERS("seats", "5 0 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 5),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/zero.json", expected);
}

static void test_keys_of_absent_optional_columns_are_null(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_NULL("arena_types"),
        PC_NULL("chairs"),
        /* no "by" in zero.json */
        PC_OBJECT("breakdowns", 0),
        PC_AT(T),
        PC_NULL("arena_types"),
        PC_NULL("chairs"),
    };
    PC_EXPECT("participation/zero.json", expected);
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
        {"breakdown by arena suppressed as the arenas",
         test_breakdown_by_arena_suppressed_as_the_arenas},
        {"gender with zero seats is published", test_gender_with_zero_seats_is_published},
        {"keys of absent optional columns are null", test_keys_of_absent_optional_columns_are_null},
        {NULL, NULL},
    };
    return jvt_main("participation rules", tests);
}
