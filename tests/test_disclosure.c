/* tests/test_disclosure.c — disclosure control against INDICATORS.md
 * "Disclosure control": rule 1 (primary), rule 2 (group), rule 3 (line) in
 * rounds, the core's family "key across regions → total", and the worked
 * examples. Every expected pattern is worked out by hand in the comments.
 * The rules checked as invariants on 21 regions are in
 * test_disclosure_scale.c.
 *
 * Counts are written per gender in result order:
 * woman, man, non_binary, mixed, unknown.
 */
#include "harness.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "rules/disclosure.h"

#define W JV_WOMAN
#define M JV_MAN
#define NB JV_NON_BINARY
#define MX JV_MIXED
#define U JV_UNKNOWN
#define T JV_TOTAL
#define R0 0
#define R1 1
#define R2 2
#define TOT JV_SCOPE_TOTAL

/* A group with one protected count (seats, persons reached). */
static void group1(jv_disclosure *d, int scope, const char *key, int64_t w, int64_t m, int64_t nb,
                   int64_t mx, int64_t u)
{
    const int64_t counts[JV_GENDERS] = {w, m, nb, mx, u};
    jv_cells_add_group(jv_disclosure_scope(d, scope), key, 1, counts);
}

/* A funding_share group: applications and granted per gender. */
static void group2(jv_disclosure *d, int scope, const char *key,
                   const int64_t applications[JV_GENDERS], const int64_t granted[JV_GENDERS])
{
    int64_t counts[JV_GENDERS * 2];
    for (int g = 0; g < JV_GENDERS; g++) {
        counts[g * 2] = applications[g];
        counts[g * 2 + 1] = granted[g];
    }
    jv_cells_add_group(jv_disclosure_scope(d, scope), key, 2, counts);
}

static void family(jv_disclosure *d, int scope, const char *margin, const char *const *members,
                   size_t n)
{
    jv_cells_add_family(jv_disclosure_scope(d, scope), margin, members, n);
}

static int S(const jv_disclosure *d, int scope, const char *key, int gender)
{
    return jv_disclosure_suppressed(d, scope, key, gender) ? 1 : 0;
}

/* The pattern of one group as a string "w m nb mx u total", 1 suppressed. */
static void assert_group(const jv_disclosure *d, int scope, const char *key, const char *expected)
{
    char got[2 * (JV_TOTAL + 1)];
    for (int g = 0; g <= JV_TOTAL; g++) {
        got[2 * g] = S(d, scope, key, g) ? '1' : '0';
        got[2 * g + 1] = g == JV_TOTAL ? '\0' : ' ';
    }
    CU_ASSERT_STRING_EQUAL(got, expected);
    if (strcmp(got, expected) != 0)
        fprintf(stderr, "\n  scope %d %s: got %s, expected %s", scope, key, got, expected);
}

/* Worked example 1: min_cell 5, funding_share by sector, one region.
 * applications (granted the same, so >= 5 wherever applications are):
 *            woman  man  unknown
 *   A            3   10        0
 *   B            7    8        1
 *   C           20    2        0
 *   split       30   20        1
 * Rule 1: A·woman (3) and C·man (2); the unknowns 1 never.
 * Round 1: rule 2 → totals of A and C. Rule 3 on the woman line
 *   (A, B, C → split; only A suppressed): smallest positive unsuppressed
 *   woman member of {B 7, C 20} → B·woman. Man line (only C): smallest of
 *   {A 10, B 8} → B·man.
 * Round 2: rule 2 → B's total. Woman line: A, B (2); man line: B, C (2).
 * Round 3: nothing. Published: A·man, C·woman, unknowns, the whole split.
 * The total (one region) repeats the region; the core family "A in R0 →
 * A in the total" then has 2 suppressed cells in each line that has any. */
static void declare_example_1(jv_disclosure *d, int scope)
{
    static const int64_t a[] = {3, 10, 0, 0, 0}, b[] = {7, 8, 0, 0, 1}, c[] = {20, 2, 0, 0, 0},
                         split[] = {30, 20, 0, 0, 1};
    group2(d, scope, "sector=A", a, a);
    group2(d, scope, "sector=B", b, b);
    group2(d, scope, "sector=C", c, c);
    group2(d, scope, JV_MAIN_GROUP, split, split);
    static const char *const sectors[] = {"sector=A", "sector=B", "sector=C"};
    family(d, scope, JV_MAIN_GROUP, sectors, 3);
}

static void test_worked_example_1(void)
{
    jv_disclosure *d = jv_disclosure_new(1, 5);
    declare_example_1(d, R0);
    declare_example_1(d, TOT);
    jv_disclosure_decide(d);
    const int scopes[] = {R0, TOT};
    for (int i = 0; i < 2; i++) {
        /*                                    w m nb mx u total */
        assert_group(d, scopes[i], "sector=A", "1 0 0 0 0 1");
        assert_group(d, scopes[i], "sector=B", "1 1 0 0 0 1");
        assert_group(d, scopes[i], "sector=C", "0 1 0 0 0 1");
        assert_group(d, scopes[i], JV_MAIN_GROUP, "0 0 0 0 0 0");
    }
    /* Per scope: A 2 + B 3 + C 2 = 7 cells and totals; two scopes. */
    CU_ASSERT_EQUAL(jv_disclosure_count(d), 14);
    jv_disclosure_free(d);
}

/* Worked example 2: two regions, the split only, min_cell 5.
 *              woman  man  non_binary
 *   R1            10   12           2
 *   R2            20   15           7
 *   total         30   27           9
 * Rule 1: R1·non_binary (2). Round 1: core family "split in R1, R2 →
 * total's split", non_binary line has one suppressed cell → smallest
 * positive unsuppressed member: R2 (7); rule 2 → R1's total. Round 2:
 * rule 2 → R2's total; the line has 2. The total's 9 stays published. */
static void test_worked_example_2_pooled_total(void)
{
    jv_disclosure *d = jv_disclosure_new(2, 5);
    group1(d, R0, JV_MAIN_GROUP, 10, 12, 2, 0, 0);
    group1(d, R1, JV_MAIN_GROUP, 20, 15, 7, 0, 0);
    group1(d, TOT, JV_MAIN_GROUP, 30, 27, 9, 0, 0);
    jv_disclosure_decide(d);
    assert_group(d, R0, JV_MAIN_GROUP, "0 0 1 0 0 1");
    assert_group(d, R1, JV_MAIN_GROUP, "0 0 1 0 0 1");
    assert_group(d, TOT, JV_MAIN_GROUP, "0 0 0 0 0 0");
    CU_ASSERT_EQUAL(jv_disclosure_count(d), 4);
    jv_disclosure_free(d);
}

static void test_min_cell_zero_suppresses_nothing(void)
{
    /* Example 1 again: with min_cell 0 even A·woman 3 and C·man 2 stay. */
    jv_disclosure *d = jv_disclosure_new(1, 0);
    declare_example_1(d, R0);
    declare_example_1(d, TOT);
    group1(d, R0, "tiny", 1, 1, 1, 1, 1);
    jv_disclosure_decide(d);
    assert_group(d, R0, "sector=A", "0 0 0 0 0 0");
    assert_group(d, R0, "sector=C", "0 0 0 0 0 0");
    assert_group(d, R0, "tiny", "0 0 0 0 0 0");
    CU_ASSERT_EQUAL(jv_disclosure_count(d), 0);
    jv_disclosure_free(d);
}

/* 0 < c < min_cell: a 0 is not small (there is nobody to reveal). */
static void test_a_zero_cell_is_never_primary(void)
{
    jv_disclosure *d = jv_disclosure_new(1, 5);
    group1(d, R0, JV_MAIN_GROUP, 0, 10, 0, 0, 0);
    jv_disclosure_decide(d);
    assert_group(d, R0, JV_MAIN_GROUP, "0 0 0 0 0 0");
    CU_ASSERT_EQUAL(jv_disclosure_count(d), 0);
    jv_disclosure_free(d);
}

/* unknown 1 and 4 are below 5 but reveal no gender: never suppressed, and
 * they do not suppress their group's total. */
static void test_unknown_is_never_suppressed(void)
{
    jv_disclosure *d = jv_disclosure_new(2, 5);
    group1(d, R0, JV_MAIN_GROUP, 10, 10, 0, 0, 1);
    group1(d, R1, JV_MAIN_GROUP, 8, 6, 0, 0, 4);
    group1(d, TOT, JV_MAIN_GROUP, 18, 16, 0, 0, 5);
    jv_disclosure_decide(d);
    assert_group(d, R0, JV_MAIN_GROUP, "0 0 0 0 0 0");
    assert_group(d, R1, JV_MAIN_GROUP, "0 0 0 0 0 0");
    assert_group(d, TOT, JV_MAIN_GROUP, "0 0 0 0 0 0");
    jv_disclosure_free(d);
}

/* funding_share: women applications 12 (not small) but granted 3
 * (0 < 3 < 5) → woman suppressed by rule 1; rule 2 → total. Men 20/15
 * stay. */
static void test_second_protected_count_triggers_rule_1(void)
{
    static const int64_t applications[] = {12, 20, 0, 0, 0};
    static const int64_t granted[] = {3, 15, 0, 0, 0};
    jv_disclosure *d = jv_disclosure_new(1, 5);
    group2(d, R0, JV_MAIN_GROUP, applications, granted);
    jv_disclosure_decide(d);
    assert_group(d, R0, JV_MAIN_GROUP, "1 0 0 0 0 1");
    CU_ASSERT_EQUAL(jv_disclosure_count(d), 2);
    jv_disclosure_free(d);
}

/* training_reach, family "all target groups → the split" (a person may be
 * in no target group, so the split is not the members' sum):
 *                  woman  man
 *   politician         3   10
 *   official           0   12
 *   split              7   25
 * Rule 1: politician·woman (3). Round 1: woman line has one suppressed
 * cell; members: politician suppressed, official 0 → none positive →
 * suppress the split's woman cell (7); rule 2 → politician's total.
 * Round 2: rule 2 → split's total; the line has 2. */
static void test_margin_suppressed_when_no_member_is_positive(void)
{
    jv_disclosure *d = jv_disclosure_new(1, 5);
    group1(d, R0, "target_group=politician", 3, 10, 0, 0, 0);
    group1(d, R0, "target_group=official", 0, 12, 0, 0, 0);
    group1(d, R0, JV_MAIN_GROUP, 7, 25, 0, 0, 0);
    static const char *const groups[] = {"target_group=politician", "target_group=official"};
    family(d, R0, JV_MAIN_GROUP, groups, 2);
    jv_disclosure_decide(d);
    assert_group(d, R0, "target_group=politician", "1 0 0 0 0 1");
    assert_group(d, R0, "target_group=official", "0 0 0 0 0 0");
    assert_group(d, R0, JV_MAIN_GROUP, "1 0 0 0 0 1");
    jv_disclosure_free(d);
}

/* Members a (woman 2), b (6), c (6) → split (14). Rule 1: a. Round 1:
 * smallest positive unsuppressed of {b 6, c 6} is a tie → the first in
 * member order: b when declared [a, b, c], c when declared [a, c, b]. */
static void test_ties_go_to_the_first_member(void)
{
    static const char *const orders[2][3] = {{"v=a", "v=b", "v=c"}, {"v=a", "v=c", "v=b"}};
    for (int o = 0; o < 2; o++) {
        jv_disclosure *d = jv_disclosure_new(1, 5);
        group1(d, R0, "v=a", 2, 20, 0, 0, 0);
        group1(d, R0, "v=b", 6, 20, 0, 0, 0);
        group1(d, R0, "v=c", 6, 20, 0, 0, 0);
        group1(d, R0, JV_MAIN_GROUP, 14, 60, 0, 0, 0);
        family(d, R0, JV_MAIN_GROUP, orders[o], 3);
        jv_disclosure_decide(d);
        assert_group(d, R0, "v=a", "1 0 0 0 0 1");
        assert_group(d, R0, "v=b", o == 0 ? "1 0 0 0 0 1" : "0 0 0 0 0 0");
        assert_group(d, R0, "v=c", o == 0 ? "0 0 0 0 0 0" : "1 0 0 0 0 1");
        assert_group(d, R0, JV_MAIN_GROUP, "0 0 0 0 0 0");
        jv_disclosure_free(d);
    }
}

/* participation: arena types → split, and the arenas of type decision →
 * that type's group (woman seats; men 10 everywhere, never small):
 *   type=advisory 3, type=decision 12 → split 15
 *   arena=board 7, arena=committee 5 → type=decision 12
 * Rule 1: advisory (3). Round 1: types line: advisory only → decision
 * (12, the only positive unsuppressed member). Round 2: arenas line: its
 * margin decision is the one suppressed cell → smallest positive
 * unsuppressed member: committee (5 < 7). Round 3: that line has 2;
 * nothing more. board·woman and split·woman stay published. */
static void test_margin_as_the_one_suppressed_cell_suppresses_a_member(void)
{
    jv_disclosure *d = jv_disclosure_new(1, 5);
    group1(d, R0, "type=advisory", 3, 10, 0, 0, 0);
    group1(d, R0, "type=decision", 12, 20, 0, 0, 0);
    group1(d, R0, "arena=board", 7, 10, 0, 0, 0);
    group1(d, R0, "arena=committee", 5, 10, 0, 0, 0);
    group1(d, R0, JV_MAIN_GROUP, 15, 30, 0, 0, 0);
    static const char *const types[] = {"type=advisory", "type=decision"};
    static const char *const arenas[] = {"arena=board", "arena=committee"};
    family(d, R0, JV_MAIN_GROUP, types, 2);
    family(d, R0, "type=decision", arenas, 2);
    jv_disclosure_decide(d);
    assert_group(d, R0, "type=advisory", "1 0 0 0 0 1");
    assert_group(d, R0, "type=decision", "1 0 0 0 0 1");
    assert_group(d, R0, "arena=committee", "1 0 0 0 0 1");
    assert_group(d, R0, "arena=board", "0 0 0 0 0 0");
    assert_group(d, R0, JV_MAIN_GROUP, "0 0 0 0 0 0");
    jv_disclosure_free(d);
}

/* Two families sharing member q (woman counts; margins not small):
 *   F3: p 3, q 6, r 7 → m3 16
 *   F4: t 2, u 5, q 6 → m4 13
 * Rule 1: p, t. Round 1, both read the pattern as it began: F3 has one
 * suppressed cell (p) → smallest of {q 6, r 7} = q; F4 has one (t) →
 * smallest of {u 5, q 6} = u. Both added at once. Round 2: F3 has p, q;
 * F4 has t, u, q: nothing more. Result {p, q, t, u} whatever the order
 * the families were declared in (visiting F3 first and applying at once
 * would leave F4 with t, q and never suppress u). */
static jv_disclosure *declare_shared_member(int f3_first)
{
    jv_disclosure *d = jv_disclosure_new(1, 5);
    group1(d, R0, "p", 3, 0, 0, 0, 0);
    group1(d, R0, "q", 6, 0, 0, 0, 0);
    group1(d, R0, "r", 7, 0, 0, 0, 0);
    group1(d, R0, "t", 2, 0, 0, 0, 0);
    group1(d, R0, "u", 5, 0, 0, 0, 0);
    group1(d, R0, "m3", 16, 0, 0, 0, 0);
    group1(d, R0, "m4", 13, 0, 0, 0, 0);
    static const char *const f3[] = {"p", "q", "r"};
    static const char *const f4[] = {"t", "u", "q"};
    if (f3_first) {
        family(d, R0, "m3", f3, 3);
        family(d, R0, "m4", f4, 3);
    } else {
        family(d, R0, "m4", f4, 3);
        family(d, R0, "m3", f3, 3);
    }
    jv_disclosure_decide(d);
    return d;
}

static void test_result_does_not_depend_on_family_order(void)
{
    for (int f3_first = 0; f3_first < 2; f3_first++) {
        jv_disclosure *d = declare_shared_member(f3_first);
        assert_group(d, R0, "p", "1 0 0 0 0 1");
        assert_group(d, R0, "q", "1 0 0 0 0 1");
        assert_group(d, R0, "t", "1 0 0 0 0 1");
        assert_group(d, R0, "u", "1 0 0 0 0 1");
        assert_group(d, R0, "r", "0 0 0 0 0 0");
        assert_group(d, R0, "m3", "0 0 0 0 0 0");
        assert_group(d, R0, "m4", "0 0 0 0 0 0");
        CU_ASSERT_EQUAL(jv_disclosure_count(d), 8);
        jv_disclosure_free(d);
    }
}

/* Both lines choose the same cell in one round: F3 p 3, q 5, r 7 → m3 15;
 * F4 t 2, q 5, u 6 → m4 13. Rule 1: p, t. Round 1 (pattern as it began):
 * F3 → smallest of {q 5, r 7} = q; F4 → smallest of {q 5, u 6} = q.
 * Round 2: F3 has p, q; F4 has t, q: done. u stays published (a visit
 * that saw F3's q already suppressed would have moved F4 on to u). */
static void test_lines_of_one_round_see_the_same_pattern(void)
{
    for (int f3_first = 0; f3_first < 2; f3_first++) {
        jv_disclosure *d = jv_disclosure_new(1, 5);
        group1(d, R0, "p", 3, 0, 0, 0, 0);
        group1(d, R0, "q", 5, 0, 0, 0, 0);
        group1(d, R0, "r", 7, 0, 0, 0, 0);
        group1(d, R0, "t", 2, 0, 0, 0, 0);
        group1(d, R0, "u", 6, 0, 0, 0, 0);
        group1(d, R0, "m3", 15, 0, 0, 0, 0);
        group1(d, R0, "m4", 13, 0, 0, 0, 0);
        static const char *const f3[] = {"p", "q", "r"};
        static const char *const f4[] = {"t", "q", "u"};
        family(d, R0, f3_first ? "m3" : "m4", f3_first ? f3 : f4, 3);
        family(d, R0, f3_first ? "m4" : "m3", f3_first ? f4 : f3, 3);
        jv_disclosure_decide(d);
        assert_group(d, R0, "p", "1 0 0 0 0 1");
        assert_group(d, R0, "q", "1 0 0 0 0 1");
        assert_group(d, R0, "t", "1 0 0 0 0 1");
        assert_group(d, R0, "u", "0 0 0 0 0 0");
        assert_group(d, R0, "r", "0 0 0 0 0 0");
        CU_ASSERT_EQUAL(jv_disclosure_count(d), 6);
        jv_disclosure_free(d);
    }
}

/* Core family with a tie: woman R1 6, R2 6, R3 2 → total 14.
 * Rule 1: R3 (2). Round 1: smallest positive unsuppressed of {R1 6,
 * R2 6}: tie → the first region, R1. */
static void test_core_family_ties_follow_region_order(void)
{
    jv_disclosure *d = jv_disclosure_new(3, 5);
    group1(d, R0, JV_MAIN_GROUP, 6, 10, 0, 0, 0);
    group1(d, R1, JV_MAIN_GROUP, 6, 10, 0, 0, 0);
    group1(d, R2, JV_MAIN_GROUP, 2, 10, 0, 0, 0);
    group1(d, TOT, JV_MAIN_GROUP, 14, 30, 0, 0, 0);
    jv_disclosure_decide(d);
    assert_group(d, R0, JV_MAIN_GROUP, "1 0 0 0 0 1");
    assert_group(d, R1, JV_MAIN_GROUP, "0 0 0 0 0 0");
    assert_group(d, R2, JV_MAIN_GROUP, "1 0 0 0 0 1");
    assert_group(d, TOT, JV_MAIN_GROUP, "0 0 0 0 0 0");
    jv_disclosure_free(d);
}

/* The core family of a key exists only when the total has that key; a key
 * only some regions have joins over those. Key "x": R1 woman 2, R2 absent,
 * R3 woman 9, total 11 → family {R1, R3} → total: R1 primary, round 1
 * → R3. Key "y" only in R1 (woman 6) and R2 (woman 2), not in the total:
 * no core family, so only R2's primary cell. */
static void test_core_family_joins_the_regions_that_have_the_key(void)
{
    jv_disclosure *d = jv_disclosure_new(3, 5);
    group1(d, R0, "x", 2, 10, 0, 0, 0);
    group1(d, R2, "x", 9, 10, 0, 0, 0);
    group1(d, TOT, "x", 11, 20, 0, 0, 0);
    group1(d, R0, "y", 6, 10, 0, 0, 0);
    group1(d, R1, "y", 2, 10, 0, 0, 0);
    jv_disclosure_decide(d);
    assert_group(d, R0, "x", "1 0 0 0 0 1");
    assert_group(d, R2, "x", "1 0 0 0 0 1");
    assert_group(d, TOT, "x", "0 0 0 0 0 0");
    assert_group(d, R0, "y", "0 0 0 0 0 0");
    assert_group(d, R1, "y", "1 0 0 0 0 1");
    jv_disclosure_free(d);
}

/* Undeclared groups and scopes read as not suppressed; the first
 * declaration of a key in a scope wins (woman 2 → suppressed; the second
 * declaration's 20 is ignored). */
static void test_first_declaration_wins_and_unknown_keys_are_published(void)
{
    jv_disclosure *d = jv_disclosure_new(1, 5);
    group1(d, R0, JV_MAIN_GROUP, 2, 10, 0, 0, 0);
    group1(d, R0, JV_MAIN_GROUP, 20, 10, 0, 0, 0);
    /* Before deciding nothing is suppressed yet. */
    CU_ASSERT_EQUAL(S(d, R0, JV_MAIN_GROUP, W), 0);
    jv_disclosure_decide(d);
    assert_group(d, R0, JV_MAIN_GROUP, "1 0 0 0 0 1");
    CU_ASSERT_EQUAL(S(d, R0, "never declared", W), 0);
    CU_ASSERT_EQUAL(S(d, TOT, JV_MAIN_GROUP, W), 0);
    CU_ASSERT_EQUAL(S(d, 7, JV_MAIN_GROUP, W), 0);
    CU_ASSERT_EQUAL(S(d, R0, JV_MAIN_GROUP, 9), 0);
    CU_ASSERT_EQUAL(S(d, R0, NULL, W), 0);
    jv_disclosure_free(d);
}

/* A family naming keys never declared: the missing member has no cells
 * and is left out; a family without its margin is ignored. Members a
 * (woman 2), b (8), "ghost" → split 10: rule 1 a, round 1 → b. Family
 * "nothing" ← {a, b}: ignored (no margin group). */
static void test_families_with_undeclared_keys_are_harmless(void)
{
    jv_disclosure *d = jv_disclosure_new(1, 5);
    group1(d, R0, "a", 2, 10, 0, 0, 0);
    group1(d, R0, "b", 8, 10, 0, 0, 0);
    group1(d, R0, JV_MAIN_GROUP, 10, 20, 0, 0, 0);
    static const char *const members[] = {"a", "ghost", NULL, "b", "a"};
    family(d, R0, JV_MAIN_GROUP, members, 5);
    family(d, R0, "nothing", members, 2);
    family(d, R0, JV_MAIN_GROUP, NULL, 0);
    jv_disclosure_decide(d);
    assert_group(d, R0, "a", "1 0 0 0 0 1");
    assert_group(d, R0, "b", "1 0 0 0 0 1");
    assert_group(d, R0, JV_MAIN_GROUP, "0 0 0 0 0 0");
    CU_ASSERT_EQUAL(S(d, R0, "ghost", W), 0);
    jv_disclosure_free(d);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"worked example 1", test_worked_example_1},
        {"worked example 2: recoverable through the pooled total",
         test_worked_example_2_pooled_total},
        {"min_cell 0 suppresses nothing", test_min_cell_zero_suppresses_nothing},
        {"a zero cell is never primary", test_a_zero_cell_is_never_primary},
        {"unknown is never suppressed", test_unknown_is_never_suppressed},
        {"the second protected count triggers rule 1", test_second_protected_count_triggers_rule_1},
        {"the margin is suppressed when no member is positive",
         test_margin_suppressed_when_no_member_is_positive},
        {"ties go to the first member", test_ties_go_to_the_first_member},
        {"a suppressed margin alone suppresses a member",
         test_margin_as_the_one_suppressed_cell_suppresses_a_member},
        {"the result does not depend on family order", test_result_does_not_depend_on_family_order},
        {"lines of one round see the same pattern", test_lines_of_one_round_see_the_same_pattern},
        {"core family ties follow region order", test_core_family_ties_follow_region_order},
        {"core family joins the regions that have the key",
         test_core_family_joins_the_regions_that_have_the_key},
        {"first declaration wins; unknown keys are published",
         test_first_declaration_wins_and_unknown_keys_are_published},
        {"families with undeclared keys are harmless",
         test_families_with_undeclared_keys_are_harmless},
        {NULL, NULL},
    };
    return jvt_main("disclosure", tests);
}
