/* tests/test_funding_share.c — the funding_share indicator through the whole
 * pipeline (real CSV files under tests/data/funding_share, the plugin loaded
 * from the build tree), checked against INDICATORS.md ("funding_share",
 * "Disclosure control", "Result shapes"): the measures, shares, gap,
 * breakdowns, headline and keys. The decision rules, empty genders, data
 * errors and the worked examples are in test_funding_share_rules.c.
 *
 * Every expected value below is worked out by hand from the data files,
 * with the arithmetic beside it. z = 1.959963984540054, z² = 3.841458820694125.
 * Wilson intervals used more than once:
 *   k/n = 2/3: centre = (2/3 + z²/6)/(1 + z²/3) = 1.306909803/2.280486274
 *              = 0.573083828; half = z·sqrt((2/9)/3 + z²/36)/2.280486274
 *              = 1.959963985·0.425183/2.280486274 = 0.365424227
 *              → [0.207659601, 0.938508055]
 *   1/3: centre = (1/3 + z²/6)/(1 + z²/3) = 0.426916172, same half
 *              → [0.061491945, 0.792340399]
 *   1/2: centre 0.5, half = z·sqrt(0.25/2 + z²/16)/(1 + z²/2)
 *              = 1.959963985·0.604228/2.920729410 = 0.405468794
 *              → [0.094531206, 0.905468794]
 *   0/1: centre = (z²/2)/(1 + z²) = 1.920729410/4.841458821 = 0.396725343,
 *              half the same → [0, 0.793450686]
 *   3/5: → [0.230724281, 0.882379226];  3/6: → [0.187616306, 0.812383694]
 * Newcombe (women − men): [d − sqrt((p1−l1)² + (u2−p2)²),
 *                          d + sqrt((u1−p1)² + (p2−l2)²)].
 */
#include "harness.h"
#include "plugin_checks.h"

#include <stdio.h>

#define FS "indicators/funding_share/"
#define A "regions/0/" FS "result/"
#define B "regions/1/" FS "result/"
#define T "total/" FS "result/"
#define BASIC "funding_share/basic.json"

/* basic/a (region A):
 *   woman,100000,80000,granted,ict     woman,50000,0,rejected,ict
 *   f,200000,150000.5,granted,""       man,300000,300000,granted,manufacturing
 *   man,100000,0,rejected,ict          male,40000,0,(empty),manufacturing
 *   x,60000,60000,(empty),ict          blandat,10000,0,rejected,""
 * woman: 3 rows, 2 granted, applied 100000+50000+200000 = 350000,
 *        granted 80000+0+150000.5 = 230000.5
 * man: 3 rows, 1 granted (the empty decision with 0 is not granted),
 *      applied 300000+100000+40000 = 440000, granted 300000
 * non_binary: 1, 1 (empty decision, 60000 > 0), 60000, 60000
 * mixed: 1, 0, 10000, 0;  unknown: no rows */
static void test_measures_per_gender(void)
{
    static const pc_check expected[] = {
        PC_AT(A "by_gender/"),
        PC_NUM("woman/applications", "3"),
        PC_NUM("man/applications", "3"),
        PC_NUM("woman/granted", "2"),
        PC_NUM("man/granted", "1"),
        PC_NUM("woman/amount_applied", "350000"),
        PC_NUM("man/amount_applied", "440000"),
        PC_NUM("woman/amount_granted", "230000.5"),
        PC_NUM("man/amount_granted", "300000"),
        PC_NUM("woman/approval_rate", "2/3"),
        PC_NUM("man/approval_rate", "1/3"),
        /* Wilson 2/3 and 1/3 (header) */
        PC_NUM("woman/approval_rate_ci/0", "0.20765960080204771"),
        PC_NUM("woman/approval_rate_ci/1", "0.93850805527960368"),
        PC_NUM("man/approval_rate_ci/0", "0.061491944720396208"),
        PC_NUM("man/approval_rate_ci/1", "0.79234039919795218"),
        /* 230000.5/2; 300000/1 */
        PC_NUM("woman/mean_granted", "115000.25"),
        PC_NUM("man/mean_granted", "300000"),
        PC_NUM("woman/grant_ratio", "230000.5/350000"),
        PC_NUM("man/grant_ratio", "300000/440000"),
        PC_FALSE("woman/suppressed"),

        PC_AT(A "by_gender/non_binary/"),
        PC_NUM("applications", "1"),
        PC_NUM("granted", "1"),
        PC_NUM("approval_rate", "1"),
        PC_NUM("grant_ratio", "1"),

        PC_AT(A "by_gender/mixed/"),
        PC_NUM("applications", "1"),
        PC_NUM("granted", "0"),
        PC_NUM("approval_rate", "0"),
        /* 0 granted */
        PC_NULL("mean_granted"),
        /* 0/10000 */
        PC_NUM("grant_ratio", "0"),

        /* total over all five: 8 rows, 4 granted, 860000 applied, 590000.5 granted */
        PC_AT(A "total/"),
        PC_NUM("applications", "8"),
        PC_NUM("granted", "4"),
        PC_NUM("amount_applied", "860000"),
        PC_NUM("amount_granted", "590000.5"),
        PC_NUM("approval_rate", "0.5"),
        /* 590000.5/4 */
        PC_NUM("mean_granted", "147500.125"),
        PC_NUM("grant_ratio", "590000.5/860000"),
        PC_FALSE("suppressed"),
    };
    PC_EXPECT(BASIC, expected);
}

/* Region A has no unknown rows: counts and sums 0 (the amount_applied
 * column exists), every ratio null. */
static void test_category_without_rows_has_zeros_and_null_ratios(void)
{
    static const pc_check expected[] = {
        PC_AT(A "by_gender/unknown/"),
        PC_NUM("applications", "0"),
        PC_NUM("granted", "0"),
        PC_NUM("amount_applied", "0"),
        PC_NUM("amount_granted", "0"),
        /* 0/0 rows, 0/0 granted, 0/0 applied */
        PC_NULL("approval_rate"),
        PC_NULL("approval_rate_ci"),
        PC_NULL("mean_granted"),
        PC_NULL("grant_ratio"),
        PC_FALSE("suppressed"),
    };
    PC_EXPECT(BASIC, expected);
}

/* Region A: applications 3/(3+3) = 0.5, granted 2/(2+1), applied
 * 350000/(350000+440000) = 0.443037975, granted money
 * 230000.5/(230000.5+300000) = 0.433962798 → balanced (0.40..0.60).
 * Region B (basic/b, Swedish codes):
 *   K,500000,500000,beviljad,ict      kvinna,100000,0,avslag,manufacturing
 *   M,250000,200000,Beviljat,ict      män,80000,80000,(empty),ict
 *   (empty),20000,20000,(empty),manufacturing
 *   man,120000,0,avslagen,manufacturing
 * woman: 2 rows, 1 granted, 600000, 500000; man: 3, 2, 450000, 280000;
 * unknown: 1, 1, 20000, 20000.
 * Shares: 2/5 = 0.4, 1/3, 600000/1050000 = 0.571428571,
 * 500000/780000 = 0.641025641 → women_dominated. */
static void test_women_share_and_balance(void)
{
    static const pc_check expected[] = {
        PC_AT(A),
        PC_NUM("women_share/applications", "0.5"),
        PC_NUM("women_share/granted", "2/3"),
        PC_NUM("women_share/amount_applied", "350000/790000"),
        PC_NUM("women_share/amount_granted", "230000.5/530000.5"),
        PC_STR("balance", "balanced"),
        /* money has no interval */
        PC_NULL("balance_certain"),

        PC_AT(B),
        PC_NUM("by_gender/woman/applications", "2"),
        PC_NUM("by_gender/woman/granted", "1"),
        PC_NUM("by_gender/man/applications", "3"),
        PC_NUM("by_gender/man/granted", "2"),
        PC_NUM("by_gender/man/amount_granted", "280000"),
        /* 280000/2 */
        PC_NUM("by_gender/man/mean_granted", "140000"),
        PC_NUM("by_gender/unknown/applications", "1"),
        PC_NUM("women_share/applications", "0.4"),
        PC_NUM("women_share/granted", "1/3"),
        PC_NUM("women_share/amount_applied", "600000/1050000"),
        PC_NUM("women_share/amount_granted", "500000/780000"),
        PC_STR("balance", "women_dominated"),
    };
    PC_EXPECT(BASIC, expected);
}

/* Region A: p1 = 2/3, p2 = 1/3, d = 1/3;
 *   lower = 1/3 − sqrt((2/3 − 0.207659601)² + (0.792340399 − 1/3)²)
 *         = 1/3 − sqrt(0.210687487 + 0.210687487) = 1/3 − 0.649134018
 *         = −0.315800684
 *   upper = 1/3 + sqrt((0.938508055 − 2/3)² + (1/3 − 0.061491945)²)
 *         = 1/3 + sqrt(0.073897741 + 0.073897741) = 1/3 + 0.384441779
 *         = 0.717775112
 * Region B: p1 = 1/2, p2 = 2/3, d = −1/6;
 *   lower = −1/6 − sqrt((0.5 − 0.094531206)² + (0.938508055 − 2/3)²)
 *         = −1/6 − sqrt(0.164404941 + 0.073897741) = −0.654829225
 *   upper = −1/6 + sqrt((0.905468794 − 0.5)² + (2/3 − 0.207659601)²)
 *         = −1/6 + sqrt(0.164404941 + 0.210687487) = 0.445781233
 * Total: woman 3 of 5, man 3 of 6, d = 0.1;
 *   lower = 0.1 − sqrt((0.6 − 0.230724281)² + (0.812383694 − 0.5)²)
 *         = 0.1 − sqrt(0.136364540 + 0.097583608) = −0.383681846
 *   upper = 0.1 + sqrt((0.882379226 − 0.6)² + (0.5 − 0.187616306)²)
 *         = 0.1 + sqrt(0.079738011 + 0.097583608) = 0.521095713 */
static void test_approval_gap_is_newcombe_woman_minus_man(void)
{
    static const pc_check expected[] = {
        PC_AT(A "approval_gap/"),
        PC_NUM("value", "1/3"),
        PC_NUM("ci/0", "-0.31580068443749126"),
        PC_NUM("ci/1", "0.71777511192408405"),
        PC_AT(B "approval_gap/"),
        PC_NUM("value", "-1/6"),
        PC_NUM("ci/0", "-0.65482922533575039"),
        PC_NUM("ci/1", "0.44578123286192461"),
        PC_AT(T "approval_gap/"),
        PC_NUM("value", "0.1"),
        PC_NUM("ci/0", "-0.38368184627362084"),
        PC_NUM("ci/1", "0.5210957125411162"),
    };
    PC_EXPECT(BASIC, expected);
}

/* Total = A + B cell by cell: woman 3+2 = 5 rows, 2+1 = 3 granted,
 * 350000+600000 = 950000 applied, 230000.5+500000 = 730000.5 granted;
 * man 3+3 = 6, 1+2 = 3, 440000+450000 = 890000, 300000+280000 = 580000;
 * non_binary 1, 1, 60000, 60000; mixed 1, 0, 10000, 0; unknown 1, 1,
 * 20000, 20000; total 14, 8, 1930000, 1390000.5.
 * Share of money 730000.5/1310000.5 = 0.557252077 (balanced) — not the
 * mean of the regions' shares (0.433962798 + 0.641025641)/2 = 0.537494220. */
static void test_total_pools_sums_never_means_of_shares(void)
{
    static const pc_check expected[] = {
        PC_AT(T),
        PC_NUM("by_gender/woman/applications", "5"),
        PC_NUM("by_gender/woman/granted", "3"),
        PC_NUM("by_gender/woman/amount_applied", "950000"),
        PC_NUM("by_gender/woman/amount_granted", "730000.5"),
        PC_NUM("by_gender/man/applications", "6"),
        PC_NUM("by_gender/man/amount_granted", "580000"),
        PC_NUM("by_gender/non_binary/applications", "1"),
        PC_NUM("by_gender/mixed/applications", "1"),
        PC_NUM("by_gender/unknown/applications", "1"),
        PC_NUM("by_gender/unknown/amount_granted", "20000"),
        PC_NUM("total/applications", "14"),
        PC_NUM("total/granted", "8"),
        PC_NUM("total/amount_applied", "1930000"),
        PC_NUM("total/amount_granted", "1390000.5"),
        PC_NUM("total/approval_rate", "8/14"),
        PC_NUM("women_share/applications", "5/11"),
        PC_NUM("women_share/granted", "0.5"),
        PC_NUM("women_share/amount_applied", "950000/1840000"),
        PC_NUM("women_share/amount_granted", "730000.5/1310000.5"),
        PC_STR("balance", "balanced"),
    };
    cJSON *doc = pc_run(BASIC, -1);
    PC_CHECK(doc, expected);
    /* not the mean of the regions' shares */
    CU_ASSERT(fabs(jvt_num(doc, T "women_share/amount_granted") - 0.537494220) > 0.01);
    cJSON_Delete(doc);
}

/* Values sorted by UTF-8 bytes, the empty cell as "": A has "", "ict",
 * "manufacturing"; B has no empty sector; the total lists the union.
 * "" in A: the f row (1, 1, 200000, 150000.5) and the blandat row
 * (mixed 1, 0, 10000, 0); share of money 150000.5/(150000.5 + 0) = 1. */
static void test_breakdown_values_sorted_with_empty_value(void)
{
    static const pc_check expected[] = {
        PC_ARRAY(A "breakdowns/sector", 3),
        PC_STR(A "breakdowns/sector/0/value", ""),
        PC_STR(A "breakdowns/sector/1/value", "ict"),
        PC_STR(A "breakdowns/sector/2/value", "manufacturing"),
        PC_ARRAY(B "breakdowns/sector", 2),
        PC_STR(B "breakdowns/sector/0/value", "ict"),
        PC_STR(B "breakdowns/sector/1/value", "manufacturing"),
        PC_ARRAY(T "breakdowns/sector", 3),
        PC_STR(T "breakdowns/sector/0/value", ""),
        PC_STR(T "breakdowns/sector/2/value", "manufacturing"),

        PC_AT(A "breakdowns/sector/0/"),
        PC_NUM("by_gender/woman/applications", "1"),
        PC_NUM("by_gender/woman/amount_granted", "150000.5"),
        PC_NUM("by_gender/mixed/applications", "1"),
        PC_NUM("total/applications", "2"),
        PC_NUM("women_share/amount_granted", "1"),
        PC_STR("balance", "women_dominated"),
        /* no man in "": the gap cannot be computed */
        PC_NULL("approval_gap/value"),
        PC_NULL("approval_gap/ci"),
    };
    PC_EXPECT(BASIC, expected);
}

/* A, ict: woman 2 rows, 1 granted, 150000, 80000; man 1, 0, 100000, 0;
 * non_binary 1, 1, 60000, 60000; total 4, 2, 310000, 140000.
 * Shares: 2/3 applications, 80000/(80000 + 0) = 1 of the money.
 * Gap: 1/2 − 0/1 = 0.5;
 *   lower = 0.5 − sqrt((0.5 − 0.094531206)² + (0.793450686 − 0)²)
 *         = 0.5 − sqrt(0.164404941 + 0.629563990) = 0.5 − 0.891049344
 *         = −0.391049344
 *   upper = 0.5 + sqrt((0.905468794 − 0.5)² + (0 − 0)²) = 0.905468794
 * A, manufacturing: only men (2, 1, 340000, 300000): shares 0,
 * men_dominated, no gap.
 * Total, ict: woman 2+1 = 3 rows, 1+1 = 2 granted, 150000+500000 =
 * 650000, 80000+500000 = 580000; man 1+2 = 3, 0+2 = 2, 100000+330000 =
 * 430000, 0+280000 = 280000. Gap 2/3 − 2/3 = 0;
 *   half-widths sqrt((2/3 − 0.207659601)² + (0.938508055 − 2/3)²)
 *         = sqrt(0.210687487 + 0.073897741) = 0.533465301 → [−0.533465301, 0.533465301] */
static void test_breakdown_entry_has_split_shares_gap_and_balance(void)
{
    static const pc_check expected[] = {
        PC_AT(A "breakdowns/sector/1/"),
        PC_NUM("by_gender/woman/applications", "2"),
        PC_NUM("by_gender/woman/granted", "1"),
        PC_NUM("by_gender/woman/amount_applied", "150000"),
        PC_NUM("by_gender/woman/amount_granted", "80000"),
        PC_NUM("by_gender/man/applications", "1"),
        PC_NUM("by_gender/non_binary/granted", "1"),
        PC_NUM("total/applications", "4"),
        PC_NUM("total/amount_applied", "310000"),
        PC_NUM("total/amount_granted", "140000"),
        PC_NUM("women_share/applications", "2/3"),
        PC_NUM("women_share/amount_granted", "1"),
        PC_STR("balance", "women_dominated"),
        PC_NULL("balance_certain"),
        PC_NUM("approval_gap/value", "0.5"),
        PC_NUM("approval_gap/ci/0", "-0.39104934410983583"),
        PC_NUM("approval_gap/ci/1", "0.90546879426576932"),

        PC_AT(T "breakdowns/sector/1/"),
        PC_NUM("by_gender/woman/applications", "3"),
        PC_NUM("by_gender/woman/amount_granted", "580000"),
        PC_NUM("by_gender/man/amount_applied", "430000"),
        PC_NUM("approval_gap/value", "0"),
        PC_NUM("approval_gap/ci/0", "-0.53346530072410192"),
        PC_NUM("approval_gap/ci/1", "0.53346530072410192"),

        PC_AT(A "breakdowns/sector/2/"),
        PC_NUM("by_gender/man/applications", "2"),
        PC_NUM("by_gender/man/amount_granted", "300000"),
        PC_NUM("women_share/amount_granted", "0"),
        PC_STR("balance", "men_dominated"),
        PC_NULL("approval_gap/value"),
    };
    PC_EXPECT(BASIC, expected);
}

/* Headline: women_share_amount_granted, unit share, its balance; no
 * balance_certain, no interval. A: 230000.5/530000.5 (balanced). */
static void test_headline_is_women_share_of_money(void)
{
    static const pc_check expected[] = {
        PC_AT(A "headline/"),
        PC_STR("metric", "women_share_amount_granted"),
        PC_STR("unit", "share"),
        PC_NUM("value", "230000.5/530000.5"),
        PC_STR("balance", "balanced"),
        PC_NULL("balance_certain"),
        PC_NULL("ci"),
        PC_PRESENT("label"),
        PC_AT(T "headline/"),
        PC_NUM("value", "730000.5/1310000.5"),
    };
    PC_EXPECT(BASIC, expected);
}

/* Every key of "Result shapes" is present in every category, the total
 * and every breakdown entry; min_cell 0 suppresses nothing (A has cells of
 * 1). Without "by", "breakdowns" is {}. */
static void test_every_key_is_always_present(void)
{
    static const char *const genders[] = {"woman", "man", "non_binary", "mixed", "unknown"};
    static const char *const measures[] = {"applications",   "granted",       "amount_applied",
                                           "amount_granted", "approval_rate", "approval_rate_ci",
                                           "mean_granted",   "grant_ratio",   "suppressed"};
    static const char *const splits[] = {A, B, T, A "breakdowns/sector/0/",
                                         B "breakdowns/sector/1/"};
    cJSON *doc = pc_run(BASIC, -1);
    char path[512];
    for (size_t s = 0; s < sizeof splits / sizeof splits[0]; s++) {
        for (size_t g = 0; g < 5; g++)
            for (size_t m = 0; m < sizeof measures / sizeof measures[0]; m++) {
                snprintf(path, sizeof path, "%sby_gender/%s/%s", splits[s], genders[g],
                         measures[m]);
                CU_ASSERT(jvt_get(doc, path) != NULL);
            }
        for (size_t m = 0; m < sizeof measures / sizeof measures[0]; m++) {
            snprintf(path, sizeof path, "%stotal/%s", splits[s], measures[m]);
            CU_ASSERT(jvt_get(doc, path) != NULL);
        }
        static const char *const keys[] = {"women_share/applications",
                                           "women_share/granted",
                                           "women_share/amount_applied",
                                           "women_share/amount_granted",
                                           "balance",
                                           "balance_certain",
                                           "approval_gap/value",
                                           "approval_gap/ci"};
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            CU_ASSERT(jvt_get(doc, jvt_path(splits[s], keys[k])) != NULL);
        CU_ASSERT(jvt_is_false(doc, jvt_path(splits[s], "by_gender/mixed/suppressed")));
    }
    cJSON_Delete(doc);

    static const pc_check without_by[] = {
        PC_OBJECT(A "breakdowns", 0),
        PC_OBJECT(T "breakdowns", -1),
    };
    PC_EXPECT("funding_share/decisions.json", without_by);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"measures per gender", test_measures_per_gender},
        {"category without rows: zeros, null ratios",
         test_category_without_rows_has_zeros_and_null_ratios},
        {"women's share and balance", test_women_share_and_balance},
        {"approval gap is Newcombe, woman minus man",
         test_approval_gap_is_newcombe_woman_minus_man},
        {"total pools sums, never means of shares", test_total_pools_sums_never_means_of_shares},
        {"breakdown values sorted, empty value \"\"",
         test_breakdown_values_sorted_with_empty_value},
        {"breakdown entry has split, shares, gap, balance",
         test_breakdown_entry_has_split_shares_gap_and_balance},
        {"headline is women's share of money", test_headline_is_women_share_of_money},
        {"every key is always present", test_every_key_is_always_present},
        {NULL, NULL}};
    return jvt_main("funding_share", tests);
}
