/* tests/test_funding_share_rules.c — funding_share's rules through the
 * whole pipeline (real CSV files under tests/data/funding_share, the plugin
 * loaded from the build tree), checked against INDICATORS.md
 * ("funding_share", "Disclosure control"): when a row counts as granted,
 * what a missing column or a gender without rows gives, the data errors,
 * and the worked examples. The measures, shares and breakdowns are in
 * test_funding_share.c, whose header works out the Wilson intervals used
 * here too (z = 1.959963984540054):
 *   2/3 → [0.207659601, 0.938508055]   1/3 → [0.061491945, 0.792340399]
 *   1/2 → [0.094531206, 0.905468794]   0/1 → [0, 0.793450686]
 *   3/5 → [0.230724281, 0.882379226]   3/6 → [0.187616306, 0.812383694]
 * Newcombe (women − men): [d − sqrt((p1−l1)² + (u2−p2)²),
 *                          d + sqrt((u1−p1)² + (p2−l2)²)].
 */
#include "harness.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#define FS "indicators/funding_share/"
#define A "regions/0/" FS "result/"
#define B "regions/1/" FS "result/"
#define T "total/" FS "result/"

/* decisions/absent, no decision and no amount_applied column: granted iff
 * amount_granted > 0. woman: 1000, 0 → 2 rows, 1 granted, 1000; man:
 * 2500.25, 0, 0 → 3 rows, 1 granted, 2500.25. Share of money
 * 1000/3500.25 = 0.285693879 → men_dominated. Gap 1/2 − 1/3 = 1/6;
 *   lower = 1/6 − sqrt((0.5 − 0.094531206)² + (0.792340399 − 1/3)²)
 *         = 1/6 − sqrt(0.164404941 + 0.210687487) = −0.445781233
 *   upper = 1/6 + sqrt((0.905468794 − 0.5)² + (1/3 − 0.061491945)²)
 *         = 1/6 + sqrt(0.164404941 + 0.073897741) = 0.654829225 */
static void test_without_decision_granted_iff_money(void)
{
    cJSON *doc = jvt_run_ok("funding_share/decisions.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    JVT_NEAR(jvt_num(doc, A "by_gender/woman/applications"), 2);
    JVT_NEAR(jvt_num(doc, A "by_gender/woman/granted"), 1);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/applications"), 3);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/granted"), 1);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/amount_granted"), 2500.25);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/mean_granted"), 2500.25);
    JVT_NEAR(jvt_num(doc, A "women_share/amount_granted"), 1000.0 / 3500.25);
    CU_ASSERT(jvt_str_is(doc, A "balance", "men_dominated"));
    JVT_NEAR(jvt_num(doc, A "approval_gap/value"), 1.0 / 6.0);
    JVT_NEAR(jvt_num(doc, A "approval_gap/ci/0"), -0.44578123286192445);
    JVT_NEAR(jvt_num(doc, A "approval_gap/ci/1"), 0.65482922533575039);
    cJSON_Delete(doc);
}

/* decisions/codes: the decision wins where given, matched case-insensitively
 * with the Swedish codes; an empty cell falls back to the amount.
 *   woman,0,granted → granted (with 0)    woman,500,BEVILJAD → granted
 *   man,0,Avslag → rejected               man,0,avslaget → rejected
 *   man,300,(empty) → granted             woman,0,(empty) → not granted
 * woman 3 rows, 2 granted, 500; man 3, 1, 300. Granted share 2/3; money
 * 500/800 = 0.625 → women_dominated. Total: woman 5, 3, 1500; man 6, 2,
 * 2800.25. */
static void test_decision_codes_win_over_amount(void)
{
    cJSON *doc = jvt_run_ok("funding_share/decisions.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    JVT_NEAR(jvt_num(doc, B "by_gender/woman/applications"), 3);
    JVT_NEAR(jvt_num(doc, B "by_gender/woman/granted"), 2);
    JVT_NEAR(jvt_num(doc, B "by_gender/woman/mean_granted"), 250); /* 500/2 */
    JVT_NEAR(jvt_num(doc, B "by_gender/man/applications"), 3);
    JVT_NEAR(jvt_num(doc, B "by_gender/man/granted"), 1);
    JVT_NEAR(jvt_num(doc, B "women_share/granted"), 2.0 / 3.0);
    JVT_NEAR(jvt_num(doc, B "women_share/amount_granted"), 0.625);
    CU_ASSERT(jvt_str_is(doc, B "balance", "women_dominated"));
    JVT_NEAR(jvt_num(doc, T "by_gender/woman/granted"), 3);
    JVT_NEAR(jvt_num(doc, T "by_gender/man/granted"), 2);
    JVT_NEAR(jvt_num(doc, T "by_gender/man/amount_granted"), 2800.25);
    JVT_NEAR(jvt_num(doc, T "women_share/amount_granted"), 1500.0 / 4300.25);
    cJSON_Delete(doc);
}

/* No amount_applied column in decisions.json: amount_applied, its share
 * and grant_ratio are null everywhere, amount_granted is not. */
static void test_amount_applied_null_without_column(void)
{
    cJSON *doc = jvt_run_ok("funding_share/decisions.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    static const char *const scopes[] = {A, B, T};
    for (size_t s = 0; s < 3; s++) {
        CU_ASSERT(jvt_is_null(doc, jvt_path(scopes[s], "by_gender/woman/amount_applied")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(scopes[s], "by_gender/unknown/amount_applied")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(scopes[s], "by_gender/woman/grant_ratio")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(scopes[s], "total/amount_applied")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(scopes[s], "total/grant_ratio")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(scopes[s], "women_share/amount_applied")));
        CU_ASSERT(!jvt_is_null(doc, jvt_path(scopes[s], "by_gender/woman/amount_granted")));
    }
    cJSON_Delete(doc);
}

/* genders/women_only: woman applied 100, granted 100; woman applied
 * (empty), granted 0; unknown 50/50. man has no rows: his counts 0, his
 * ratios null; the shares are 2/(2+0) = 1 and 100/(100+0) = 1 →
 * women_dominated; the gap needs men and is null. The empty amount_applied
 * is left out of its sum (woman 100, grant_ratio 100/100) and the document
 * warns about it. */
static void test_gender_without_rows_gives_null_ratios_and_gap(void)
{
    cJSON *doc = jvt_run_ok("funding_share/genders.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/applications"), 0);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/amount_applied"), 0);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/amount_granted"), 0);
    CU_ASSERT(jvt_is_null(doc, A "by_gender/man/approval_rate"));
    CU_ASSERT(jvt_is_null(doc, A "by_gender/man/approval_rate_ci"));
    CU_ASSERT(jvt_is_null(doc, A "by_gender/man/mean_granted"));
    CU_ASSERT(jvt_is_null(doc, A "by_gender/man/grant_ratio"));
    JVT_NEAR(jvt_num(doc, A "by_gender/woman/approval_rate"), 0.5);
    JVT_NEAR(jvt_num(doc, A "by_gender/woman/amount_applied"), 100);
    JVT_NEAR(jvt_num(doc, A "by_gender/woman/grant_ratio"), 1); /* 100/100 */
    int warned = 0;
    cJSON *warning;
    cJSON_ArrayForEach(warning, jvt_get(doc, "warnings"))
        if (cJSON_IsString(warning) &&
            strstr(warning->valuestring, "amount_applied is empty on 1 of 3 rows") != NULL)
            warned = 1;
    CU_ASSERT(warned);
    JVT_NEAR(jvt_num(doc, A "women_share/applications"), 1);
    JVT_NEAR(jvt_num(doc, A "women_share/amount_granted"), 1);
    CU_ASSERT(jvt_str_is(doc, A "balance", "women_dominated"));
    CU_ASSERT(jvt_is_null(doc, A "approval_gap/value"));
    CU_ASSERT(jvt_is_null(doc, A "approval_gap/ci"));
    cJSON_Delete(doc);
}

/* genders/unknown_only: "", okänd, uppgift saknas, - are all unknown:
 * 4 rows, 2 granted (100, 300), applied 1000, granted 400. No woman and
 * no man: every share null, balance no_data, headline null/no_data; the
 * total still counts every row. */
static void test_only_unknown_gives_null_shares_and_no_data(void)
{
    cJSON *doc = jvt_run_ok("funding_share/genders.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    JVT_NEAR(jvt_num(doc, B "by_gender/unknown/applications"), 4);
    JVT_NEAR(jvt_num(doc, B "by_gender/unknown/granted"), 2);
    JVT_NEAR(jvt_num(doc, B "total/applications"), 4);
    JVT_NEAR(jvt_num(doc, B "total/amount_applied"), 1000);
    JVT_NEAR(jvt_num(doc, B "total/amount_granted"), 400);
    JVT_NEAR(jvt_num(doc, B "total/approval_rate"), 0.5);
    CU_ASSERT(jvt_is_null(doc, B "women_share/applications"));
    CU_ASSERT(jvt_is_null(doc, B "women_share/granted"));
    CU_ASSERT(jvt_is_null(doc, B "women_share/amount_applied"));
    CU_ASSERT(jvt_is_null(doc, B "women_share/amount_granted"));
    CU_ASSERT(jvt_str_is(doc, B "balance", "no_data"));
    CU_ASSERT(jvt_is_null(doc, B "approval_gap/value"));
    CU_ASSERT(jvt_is_null(doc, B "headline/value"));
    CU_ASSERT(jvt_str_is(doc, B "headline/balance", "no_data"));
    /* total of both regions: woman 2 rows, no man → share 1 */
    JVT_NEAR(jvt_num(doc, T "total/applications"), 7);
    JVT_NEAR(jvt_num(doc, T "women_share/applications"), 1);
    cJSON_Delete(doc);
}

/* rejected/funding.csv line 3: "man,250,rejected" — a rejected application
 * with money granted is a data error naming file, line and column. */
static void test_rejected_with_money_is_a_data_error(void)
{
    char *message = NULL;
    cJSON *doc = jvt_run("funding_share/rejected_error.json", -1, &message);
    CU_ASSERT_PTR_NULL(doc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(message);
    CU_ASSERT(strstr(message, "funding.csv:3:") != NULL);
    CU_ASSERT(strstr(message, "'decision'") != NULL);
    CU_ASSERT(strstr(message, "rejected") != NULL);
    if (doc != NULL)
        cJSON_Delete(doc);
    g_free(message);
}

/* With "on_error": "skip" the bad row is left out and counted: woman 1
 * (100 granted), man 1 (the rejected 0 row), skipped_rows 1. */
static void test_rejected_with_money_skipped_on_request(void)
{
    cJSON *doc = jvt_run_ok("funding_share/rejected_skip.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    JVT_NEAR(jvt_num(doc, "regions/0/" FS "rows"), 2);
    JVT_NEAR(jvt_num(doc, "regions/0/" FS "skipped_rows"), 1);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/applications"), 1);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/granted"), 0);
    JVT_NEAR(jvt_num(doc, A "by_gender/man/amount_granted"), 0);
    JVT_NEAR(jvt_num(doc, A "total/applications"), 2);
    cJSON_Delete(doc);
}

/* INDICATORS.md worked example 1 (min_cell 5; every application granted;
 * women 100, men 200, unknown 50 each):
 *   sector  woman  man  unknown
 *   A         3     10     0
 *   B         7      8     1
 *   C        20      2     0
 *   split    30     20     1
 * Suppressed: A·woman, C·man (rule 1), totals of A and C (rule 2), B·woman
 * and B·man (rule 3), B's total (rule 2, round 2). Published: A·man 10,
 * C·woman 20, the unknowns and the whole split. A, B and C each have the
 * woman or the man cell suppressed, so their shares and gaps are null and
 * their balance no_data; the split's share of money is
 * 3000/(3000 + 4000) = 0.428571429 (balanced). The total (the same single
 * region) shows the same pattern. */
static void test_worked_example_1(void)
{
    cJSON *doc = jvt_run_ok("funding_share/example1.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    static const char *const scopes[] = {A, T};
    for (size_t s = 0; s < 2; s++) {
        char a[256], b[256], c[256];
        snprintf(a, sizeof a, "%sbreakdowns/sector/0/", scopes[s]);
        snprintf(b, sizeof b, "%sbreakdowns/sector/1/", scopes[s]);
        snprintf(c, sizeof c, "%sbreakdowns/sector/2/", scopes[s]);
        CU_ASSERT(jvt_str_is(doc, jvt_path(a, "value"), "A"));
        CU_ASSERT(jvt_is_true(doc, jvt_path(a, "by_gender/woman/suppressed")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "by_gender/woman/applications")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "by_gender/woman/granted")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "by_gender/woman/amount_granted")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "by_gender/woman/approval_rate_ci")));
        CU_ASSERT(jvt_is_false(doc, jvt_path(a, "by_gender/man/suppressed")));
        JVT_NEAR(jvt_num(doc, jvt_path(a, "by_gender/man/applications")), 10);
        JVT_NEAR(jvt_num(doc, jvt_path(a, "by_gender/man/amount_granted")), 2000);
        CU_ASSERT(jvt_is_true(doc, jvt_path(a, "total/suppressed")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "total/applications")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "women_share/applications")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "women_share/amount_granted")));
        CU_ASSERT(jvt_str_is(doc, jvt_path(a, "balance"), "no_data"));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "approval_gap/value")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(a, "approval_gap/ci")));

        CU_ASSERT(jvt_is_true(doc, jvt_path(b, "by_gender/woman/suppressed")));
        CU_ASSERT(jvt_is_true(doc, jvt_path(b, "by_gender/man/suppressed")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(b, "by_gender/man/applications")));
        CU_ASSERT(jvt_is_false(doc, jvt_path(b, "by_gender/unknown/suppressed")));
        JVT_NEAR(jvt_num(doc, jvt_path(b, "by_gender/unknown/applications")), 1);
        CU_ASSERT(jvt_is_true(doc, jvt_path(b, "total/suppressed")));
        CU_ASSERT(jvt_str_is(doc, jvt_path(b, "balance"), "no_data"));

        CU_ASSERT(jvt_is_false(doc, jvt_path(c, "by_gender/woman/suppressed")));
        JVT_NEAR(jvt_num(doc, jvt_path(c, "by_gender/woman/applications")), 20);
        CU_ASSERT(jvt_is_true(doc, jvt_path(c, "by_gender/man/suppressed")));
        CU_ASSERT(jvt_is_true(doc, jvt_path(c, "total/suppressed")));
        CU_ASSERT(jvt_is_null(doc, jvt_path(c, "women_share/granted")));

        CU_ASSERT(jvt_is_false(doc, jvt_path(scopes[s], "by_gender/woman/suppressed")));
        JVT_NEAR(jvt_num(doc, jvt_path(scopes[s], "by_gender/woman/applications")), 30);
        JVT_NEAR(jvt_num(doc, jvt_path(scopes[s], "by_gender/man/applications")), 20);
        JVT_NEAR(jvt_num(doc, jvt_path(scopes[s], "by_gender/unknown/applications")), 1);
        CU_ASSERT(jvt_is_false(doc, jvt_path(scopes[s], "total/suppressed")));
        JVT_NEAR(jvt_num(doc, jvt_path(scopes[s], "total/applications")), 51);
        JVT_NEAR(jvt_num(doc, jvt_path(scopes[s], "women_share/amount_granted")), 3000.0 / 7000.0);
        CU_ASSERT(jvt_str_is(doc, jvt_path(scopes[s], "balance"), "balanced"));
    }
    JVT_NEAR(jvt_num(doc, "regions/0/" FS "rows"), 51);
    cJSON_Delete(doc);
}

/* INDICATORS.md worked example 2 (min_cell 5): R1 has 10 women, 10 men, 2
 * non-binary; R2 12, 8, 7; every row granted 1000. Rule 1: R1·non_binary
 * (2). Rule 3 on "split across regions → total": R2·non_binary (7), else
 * 9 − 7 = 2. Rule 2: both regions' totals, so their rows are null. The
 * total's 9 and its total (22 + 27 = 49) are published. Women's shares use only the
 * woman and man cells: R1 10/20 = 0.5, R2 12/20 = 0.6 (balanced). */
static void test_worked_example_2_cell_recoverable_through_total(void)
{
    cJSON *doc = jvt_run_ok("funding_share/example2.json", -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT(jvt_is_true(doc, A "by_gender/non_binary/suppressed"));
    CU_ASSERT(jvt_is_null(doc, A "by_gender/non_binary/applications"));
    CU_ASSERT(jvt_is_true(doc, B "by_gender/non_binary/suppressed"));
    CU_ASSERT(jvt_is_null(doc, B "by_gender/non_binary/applications"));
    CU_ASSERT(jvt_is_true(doc, A "total/suppressed"));
    CU_ASSERT(jvt_is_true(doc, B "total/suppressed"));
    CU_ASSERT(jvt_is_null(doc, "regions/0/" FS "rows"));
    CU_ASSERT(jvt_is_null(doc, "regions/1/" FS "rows"));
    CU_ASSERT(jvt_is_false(doc, A "by_gender/woman/suppressed"));
    JVT_NEAR(jvt_num(doc, A "women_share/applications"), 0.5);
    JVT_NEAR(jvt_num(doc, B "women_share/applications"), 0.6);
    CU_ASSERT(jvt_str_is(doc, B "balance", "balanced"));
    CU_ASSERT(jvt_is_false(doc, T "by_gender/non_binary/suppressed"));
    JVT_NEAR(jvt_num(doc, T "by_gender/non_binary/applications"), 9);
    JVT_NEAR(jvt_num(doc, T "by_gender/non_binary/amount_granted"), 9000);
    CU_ASSERT(jvt_is_false(doc, T "total/suppressed"));
    JVT_NEAR(jvt_num(doc, T "total/applications"), 49); /* 22 + 27 */
    cJSON_Delete(doc);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"without decision: granted iff money", test_without_decision_granted_iff_money},
        {"decision codes win over amount", test_decision_codes_win_over_amount},
        {"amount_applied null without column", test_amount_applied_null_without_column},
        {"gender without rows: null ratios and gap",
         test_gender_without_rows_gives_null_ratios_and_gap},
        {"only unknown: null shares, no_data", test_only_unknown_gives_null_shares_and_no_data},
        {"rejected with money is a data error", test_rejected_with_money_is_a_data_error},
        {"rejected with money skipped on request", test_rejected_with_money_skipped_on_request},
        {"worked example 1", test_worked_example_1},
        {"worked example 2: cell recoverable through the total",
         test_worked_example_2_cell_recoverable_through_total},
        {NULL, NULL}};
    return jvt_main("funding_share rules", tests);
}
