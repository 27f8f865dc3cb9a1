/* tests/test_disclosure_periods.c — disclosure control with periods
 * (INDICATORS.md "Disclosure control" family (d); DESIGN.md "Periods"):
 * every group across the periods of its scope, margin its all-periods
 * counterpart, and the regions → total family within each period. Every
 * expected pattern is worked out by hand in the comments.
 *
 * Counts are per gender in result order: woman, man, non_binary, mixed,
 * unknown; one protected count per group (seats). min_cell 5.
 */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "rules/disclosure.h"

#define TOT JV_SCOPE_TOTAL
#define ALL (-1)

static void group1(jv_disclosure *d, int scope, int period, const char *key, int64_t w, int64_t m)
{
    const int64_t counts[JV_GENDERS] = {w, m, 0, 0, 0};
    jv_cells_add_group(jv_disclosure_period_scope(d, scope, period), key, 1, counts);
}

static int S(const jv_disclosure *d, int scope, int period, const char *key, int gender)
{
    return jv_disclosure_period_suppressed(d, scope, period, key, gender) ? 1 : 0;
}

/* One region (and the total, equal to it), two periods, main split only:
 *   all periods: woman 12, man 20;  2016: woman 3, man 10;  2017: woman 9,
 *   man 10.
 * Rule 1: 2016·woman (3 < 5). Family (d) of region 0, woman line:
 * {2016: S, 2017: 9, all: 12} has exactly one suppressed cell → the
 * smallest positive unsuppressed member, 2017·woman (9) (else 12 − 9 = 3).
 * The total's groups are the same counts, and its 2016·woman is suppressed
 * by rule 1 too, and its 2017·woman by its own family (d); the families
 * "regions → total" in each period then hold two suppressed cells each
 * (region and total), so nothing more. Man cells: none below 5, none
 * suppressed. Rule 2: both period groups' totals, in both scopes; the
 * all-periods groups keep every cell. */
static void test_period_family_protects_the_other_period(void)
{
    jv_disclosure *d = jv_disclosure_new_periods(1, 2, 5);
    for (int s = 0; s < 2; s++) {
        int scope = s == 0 ? 0 : TOT;
        group1(d, scope, ALL, "main", 12, 20);
        group1(d, scope, 0, "main", 3, 10);
        group1(d, scope, 1, "main", 9, 10);
    }
    jv_disclosure_decide(d);
    for (int s = 0; s < 2; s++) {
        int scope = s == 0 ? 0 : TOT;
        CU_ASSERT_EQUAL(S(d, scope, 0, "main", JV_WOMAN), 1);
        CU_ASSERT_EQUAL(S(d, scope, 1, "main", JV_WOMAN), 1);
        CU_ASSERT_EQUAL(S(d, scope, 0, "main", JV_MAN), 0);
        CU_ASSERT_EQUAL(S(d, scope, 1, "main", JV_MAN), 0);
        CU_ASSERT_EQUAL(S(d, scope, 0, "main", JV_TOTAL), 1);
        CU_ASSERT_EQUAL(S(d, scope, 1, "main", JV_TOTAL), 1);
        CU_ASSERT_EQUAL(S(d, scope, ALL, "main", JV_WOMAN), 0);
        CU_ASSERT_EQUAL(S(d, scope, ALL, "main", JV_TOTAL), 0);
    }
    /* 4 cells and 4 totals */
    CU_ASSERT_EQUAL(jv_disclosure_count(d), 8);
    jv_disclosure_free(d);
}

/* A period family whose other members are 0: all periods woman 3 =
 * 2016·woman 3 + 2017·woman 0. Rule 1 suppresses 2016·woman and the
 * all-periods woman (both 3); the line {2016 S, 2017 0, all S} then holds
 * two suppressed cells and nothing more is needed: 2017·woman (0) stays,
 * and so does 2017's total. */
static void test_margin_taken_when_no_member_is_left(void)
{
    jv_disclosure *d = jv_disclosure_new_periods(1, 2, 5);
    group1(d, 0, ALL, "main", 3, 30);
    group1(d, 0, 0, "main", 3, 15);
    group1(d, 0, 1, "main", 0, 15);
    jv_disclosure_decide(d);
    CU_ASSERT_EQUAL(S(d, 0, ALL, "main", JV_WOMAN), 1);
    CU_ASSERT_EQUAL(S(d, 0, 0, "main", JV_WOMAN), 1);
    CU_ASSERT_EQUAL(S(d, 0, 1, "main", JV_WOMAN), 0);
    CU_ASSERT_EQUAL(S(d, 0, 1, "main", JV_TOTAL), 0);
    jv_disclosure_free(d);
}

/* Regions within a period (family (c) in the period's layer): 2016 R0
 * woman 2, R1 woman 7, total 2016 woman 9; 2017 R0 20, R1 20, total 40;
 * all periods R0 22, R1 27, total 49. Rule 1: R0·2016·woman.
 * Round 1: (c) of 2016 {R0 S, R1 7, total 9} → R1·2016 (7, the smallest
 * positive unsuppressed member); (d) of R0 {2016 S, 2017 20, all 22} →
 * R0·2017 (20). Round 2: (d) of R1 {2016 S, 2017 20, all 27} and (c) of
 * 2017 {R0 S, R1 20, total 40} both ask for R1·2017 (20). Round 3: every
 * line holds 0 or 2 suppressed cells. The total's cells all stay. */
static void test_regions_within_a_period(void)
{
    jv_disclosure *d = jv_disclosure_new_periods(2, 2, 5);
    group1(d, 0, 0, "main", 2, 50);
    group1(d, 1, 0, "main", 7, 50);
    group1(d, TOT, 0, "main", 9, 100);
    group1(d, 0, 1, "main", 20, 50);
    group1(d, 1, 1, "main", 20, 50);
    group1(d, TOT, 1, "main", 40, 100);
    group1(d, 0, ALL, "main", 22, 100);
    group1(d, 1, ALL, "main", 27, 100);
    group1(d, TOT, ALL, "main", 49, 200);
    jv_disclosure_decide(d);
    CU_ASSERT_EQUAL(S(d, 0, 0, "main", JV_WOMAN), 1);
    CU_ASSERT_EQUAL(S(d, 1, 0, "main", JV_WOMAN), 1);
    CU_ASSERT_EQUAL(S(d, TOT, 0, "main", JV_WOMAN), 0);
    CU_ASSERT_EQUAL(S(d, 0, 1, "main", JV_WOMAN), 1);
    CU_ASSERT_EQUAL(S(d, 1, 1, "main", JV_WOMAN), 1);
    CU_ASSERT_EQUAL(S(d, TOT, 1, "main", JV_WOMAN), 0);
    CU_ASSERT_EQUAL(S(d, 0, ALL, "main", JV_WOMAN), 0);
    CU_ASSERT_EQUAL(S(d, TOT, ALL, "main", JV_WOMAN), 0);
    /* the all-periods regions → total family: no suppressed cell at all */
    CU_ASSERT_EQUAL(S(d, 1, ALL, "main", JV_WOMAN), 0);
    jv_disclosure_free(d);
}

/* Without periods the layered sink is the plain one. */
static void test_one_layer_is_the_plain_disclosure(void)
{
    jv_disclosure *d = jv_disclosure_new_periods(1, 0, 5);
    CU_ASSERT_PTR_EQUAL(jv_disclosure_period_scope(d, 0, ALL), jv_disclosure_scope(d, 0));
    CU_ASSERT_PTR_EQUAL(jv_disclosure_period_scope(d, TOT, ALL), jv_disclosure_scope(d, TOT));
    group1(d, 0, ALL, "main", 3, 30);
    jv_disclosure_decide(d);
    CU_ASSERT_EQUAL(S(d, 0, ALL, "main", JV_WOMAN), 1);
    CU_ASSERT_TRUE(jv_disclosure_suppressed(d, 0, "main", JV_WOMAN));
    CU_ASSERT_FALSE(jv_disclosure_period_suppressed(d, 0, 0, "main", JV_WOMAN));
    jv_disclosure_free(d);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"a period family protects the other period", test_period_family_protects_the_other_period},
        {"the margin is taken when no member is left", test_margin_taken_when_no_member_is_left},
        {"regions within a period", test_regions_within_a_period},
        {"one layer is the plain disclosure", test_one_layer_is_the_plain_disclosure},
        {NULL, NULL}};
    return jvt_main("disclosure with periods", tests);
}
