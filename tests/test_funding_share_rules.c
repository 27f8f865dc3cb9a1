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
#include "plugin_checks.h"

#define FS "indicators/funding_share/"
#define A "regions/0/" FS "result/"
#define B "regions/1/" FS "result/"
#define T "total/" FS "result/"
#define DECISIONS "funding_share/decisions.json"
#define GENDERS "funding_share/genders.json"

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
    static const pc_check expected[] = {
        PC_AT(A),
        PC_NUM("by_gender/woman/applications", "2"),
        PC_NUM("by_gender/woman/granted", "1"),
        PC_NUM("by_gender/man/applications", "3"),
        PC_NUM("by_gender/man/granted", "1"),
        PC_NUM("by_gender/man/amount_granted", "2500.25"),
        PC_NUM("by_gender/man/mean_granted", "2500.25"),
        PC_NUM("women_share/amount_granted", "1000/3500.25"),
        PC_STR("balance", "men_dominated"),
        PC_NUM("approval_gap/value", "1/6"),
        PC_NUM("approval_gap/ci/0", "-0.44578123286192445"),
        PC_NUM("approval_gap/ci/1", "0.65482922533575039"),
    };
    PC_EXPECT(DECISIONS, expected);
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
    static const pc_check expected[] = {
        PC_AT(B),
        PC_NUM("by_gender/woman/applications", "3"),
        PC_NUM("by_gender/woman/granted", "2"),
        /* 500/2 */
        PC_NUM("by_gender/woman/mean_granted", "250"),
        PC_NUM("by_gender/man/applications", "3"),
        PC_NUM("by_gender/man/granted", "1"),
        PC_NUM("women_share/granted", "2/3"),
        PC_NUM("women_share/amount_granted", "0.625"),
        PC_STR("balance", "women_dominated"),
        PC_AT(T),
        PC_NUM("by_gender/woman/granted", "3"),
        PC_NUM("by_gender/man/granted", "2"),
        PC_NUM("by_gender/man/amount_granted", "2800.25"),
        PC_NUM("women_share/amount_granted", "1500/4300.25"),
    };
    PC_EXPECT(DECISIONS, expected);
}

/* No amount_applied column in decisions.json: amount_applied, its share
 * and grant_ratio are null everywhere, amount_granted is not. */
static void test_amount_applied_null_without_column(void)
{
    static const pc_check in_scope[] = {
        PC_NULL("by_gender/woman/amount_applied"),
        PC_NULL("by_gender/unknown/amount_applied"),
        PC_NULL("by_gender/woman/grant_ratio"),
        PC_NULL("total/amount_applied"),
        PC_NULL("total/grant_ratio"),
        PC_NULL("women_share/amount_applied"),
        PC_NOT_NULL("by_gender/woman/amount_granted"),
    };
    static const char *const scopes[] = {A, B, T};
    cJSON *doc = pc_run(DECISIONS, -1);
    for (size_t s = 0; s < 3; s++)
        PC_CHECK_AT(doc, scopes[s], in_scope);
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
    static const pc_check expected[] = {
        PC_AT(A),
        PC_NUM("by_gender/man/applications", "0"),
        PC_NUM("by_gender/man/amount_applied", "0"),
        PC_NUM("by_gender/man/amount_granted", "0"),
        PC_NULL("by_gender/man/approval_rate"),
        PC_NULL("by_gender/man/approval_rate_ci"),
        PC_NULL("by_gender/man/mean_granted"),
        PC_NULL("by_gender/man/grant_ratio"),
        PC_NUM("by_gender/woman/approval_rate", "0.5"),
        PC_NUM("by_gender/woman/amount_applied", "100"),
        /* 100/100 */
        PC_NUM("by_gender/woman/grant_ratio", "1"),
        PC_WARNINGS("amount_applied is empty on 1 of 3 rows", 1),
        PC_NUM("women_share/applications", "1"),
        PC_NUM("women_share/amount_granted", "1"),
        PC_STR("balance", "women_dominated"),
        PC_NULL("approval_gap/value"),
        PC_NULL("approval_gap/ci"),
    };
    PC_EXPECT(GENDERS, expected);
}

/* genders/unknown_only: "", okänd, uppgift saknas, - are all unknown:
 * 4 rows, 2 granted (100, 300), applied 1000, granted 400. No woman and
 * no man: every share null, balance no_data, headline null/no_data; the
 * total still counts every row. The total of both regions: woman 2 rows,
 * no man → share 1. */
static void test_only_unknown_gives_null_shares_and_no_data(void)
{
    static const pc_check expected[] = {
        PC_AT(B),
        PC_NUM("by_gender/unknown/applications", "4"),
        PC_NUM("by_gender/unknown/granted", "2"),
        PC_NUM("total/applications", "4"),
        PC_NUM("total/amount_applied", "1000"),
        PC_NUM("total/amount_granted", "400"),
        PC_NUM("total/approval_rate", "0.5"),
        PC_NULL("women_share/applications"),
        PC_NULL("women_share/granted"),
        PC_NULL("women_share/amount_applied"),
        PC_NULL("women_share/amount_granted"),
        PC_STR("balance", "no_data"),
        PC_NULL("approval_gap/value"),
        PC_NULL("headline/value"),
        PC_STR("headline/balance", "no_data"),
        PC_AT(T),
        PC_NUM("total/applications", "7"),
        PC_NUM("women_share/applications", "1"),
    };
    PC_EXPECT(GENDERS, expected);
}

/* rejected/funding.csv line 3: "man,250,rejected" — a rejected application
 * with money granted is a data error naming file, line and column. */
static void test_rejected_with_money_is_a_data_error(void)
{
    PC_FAILS_SAYING("funding_share/rejected_error.json", "funding.csv:3:", "'decision'",
                    "rejected");
}

/* With "on_error": "skip" the bad row is left out and counted: woman 1
 * (100 granted), man 1 (the rejected 0 row), skipped_rows 1. */
static void test_rejected_with_money_skipped_on_request(void)
{
    static const pc_check expected[] = {
        PC_NUM("regions/0/" FS "rows", "2"),
        PC_NUM("regions/0/" FS "skipped_rows", "1"),
        PC_AT(A),
        PC_NUM("by_gender/man/applications", "1"),
        PC_NUM("by_gender/man/granted", "0"),
        PC_NUM("by_gender/man/amount_granted", "0"),
        PC_NUM("total/applications", "2"),
    };
    PC_EXPECT("funding_share/rejected_skip.json", expected);
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
    static const pc_check in_scope[] = {
        PC_AT("breakdowns/sector/0/"),
        PC_STR("value", "A"),
        PC_TRUE("by_gender/woman/suppressed"),
        PC_NULL("by_gender/woman/applications"),
        PC_NULL("by_gender/woman/granted"),
        PC_NULL("by_gender/woman/amount_granted"),
        PC_NULL("by_gender/woman/approval_rate_ci"),
        PC_FALSE("by_gender/man/suppressed"),
        PC_NUM("by_gender/man/applications", "10"),
        PC_NUM("by_gender/man/amount_granted", "2000"),
        PC_TRUE("total/suppressed"),
        PC_NULL("total/applications"),
        PC_NULL("women_share/applications"),
        PC_NULL("women_share/amount_granted"),
        PC_STR("balance", "no_data"),
        PC_NULL("approval_gap/value"),
        PC_NULL("approval_gap/ci"),

        PC_AT("breakdowns/sector/1/"),
        PC_TRUE("by_gender/woman/suppressed"),
        PC_TRUE("by_gender/man/suppressed"),
        PC_NULL("by_gender/man/applications"),
        PC_FALSE("by_gender/unknown/suppressed"),
        PC_NUM("by_gender/unknown/applications", "1"),
        PC_TRUE("total/suppressed"),
        PC_STR("balance", "no_data"),

        PC_AT("breakdowns/sector/2/"),
        PC_FALSE("by_gender/woman/suppressed"),
        PC_NUM("by_gender/woman/applications", "20"),
        PC_TRUE("by_gender/man/suppressed"),
        PC_TRUE("total/suppressed"),
        PC_NULL("women_share/granted"),

        PC_AT(""),
        PC_FALSE("by_gender/woman/suppressed"),
        PC_NUM("by_gender/woman/applications", "30"),
        PC_NUM("by_gender/man/applications", "20"),
        PC_NUM("by_gender/unknown/applications", "1"),
        PC_FALSE("total/suppressed"),
        PC_NUM("total/applications", "51"),
        PC_NUM("women_share/amount_granted", "3000/7000"),
        PC_STR("balance", "balanced"),
    };
    static const char *const scopes[] = {A, T};
    cJSON *doc = pc_run("funding_share/example1.json", -1);
    for (size_t s = 0; s < 2; s++)
        PC_CHECK_AT(doc, scopes[s], in_scope);
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
    static const pc_check expected[] = {
        PC_TRUE(A "by_gender/non_binary/suppressed"),
        PC_NULL(A "by_gender/non_binary/applications"),
        PC_TRUE(B "by_gender/non_binary/suppressed"),
        PC_NULL(B "by_gender/non_binary/applications"),
        PC_TRUE(A "total/suppressed"),
        PC_TRUE(B "total/suppressed"),
        PC_NULL("regions/0/" FS "rows"),
        PC_NULL("regions/1/" FS "rows"),
        PC_FALSE(A "by_gender/woman/suppressed"),
        PC_NUM(A "women_share/applications", "0.5"),
        PC_NUM(B "women_share/applications", "0.6"),
        PC_STR(B "balance", "balanced"),
        PC_AT(T),
        PC_FALSE("by_gender/non_binary/suppressed"),
        PC_NUM("by_gender/non_binary/applications", "9"),
        PC_NUM("by_gender/non_binary/amount_granted", "9000"),
        PC_FALSE("total/suppressed"),
        /* 22 + 27 */
        PC_NUM("total/applications", "49"),
    };
    PC_EXPECT("funding_share/example2.json", expected);
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
