/* tests/test_stats.c — the statistics helpers against INDICATORS.md
 * "Common rules": z, Wilson, Newcombe (method 10), women's share, the 40/60
 * class and balance_certain. Expected values are published reference values
 * or worked out by hand in the comments (z = 2 or z = 1 keeps the
 * arithmetic exact), never taken from the program's own output.
 */
#include "harness.h"

#include <math.h>

#include "rules/stats.h"

#define EXACT 1e-12
#define FOUR_DECIMALS 5e-5

/* z for 0.95 from INDICATORS.md; 0.90 and 0.99 are the standard table
 * values Φ⁻¹(0.95) and Φ⁻¹(0.995). */
#define Z95 1.959963984540054

static void test_z_matches_the_published_quantiles(void)
{
    CU_ASSERT_DOUBLE_EQUAL(jv_stats_z(0.95), 1.959963984540054, EXACT);
    CU_ASSERT_DOUBLE_EQUAL(jv_stats_z(0.90), 1.6448536269514722, EXACT);
    CU_ASSERT_DOUBLE_EQUAL(jv_stats_z(0.99), 2.5758293035489004, EXACT);
    /* Φ⁻¹(0.975) directly, and the median: q = p - 0.5 = 0 gives 0. */
    CU_ASSERT_DOUBLE_EQUAL(jv_stats_normal_quantile(0.975), Z95, EXACT);
    CU_ASSERT_EQUAL(jv_stats_normal_quantile(0.5), 0.0);
    /* confidence 0: Φ⁻¹(1/2) = 0. */
    CU_ASSERT_EQUAL(jv_stats_z(0.0), 0.0);
}

/* Φ(x) = erfc(-x/√2)/2 is independent of AS241 (libm); every branch of
 * AS241 (|q| <= 0.425, r <= 5, r > 5) must invert it to ~1e-13 relative. */
static void test_normal_quantile_inverts_the_normal_cdf(void)
{
    const double ps[] = {1e-300, 1e-20, 1e-12, 1e-6, 0.001,  0.02,  0.075,
                         0.0751, 0.3,   0.5,   0.7,  0.9249, 0.975, 0.999};
    for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
        double p = ps[i];
        double x = jv_stats_normal_quantile(p);
        if (p <= 0.5) {
            double back = 0.5 * erfc(-x / sqrt(2.0));
            CU_ASSERT(fabs(back - p) <= 1e-13 * p);
        } else {
            /* 1 - p is exact here (Sterbenz), so compare upper tails. */
            double back = 0.5 * erfc(x / sqrt(2.0));
            CU_ASSERT(fabs(back - (1.0 - p)) <= 1e-13 * (1.0 - p));
        }
    }
    /* Symmetry: Φ⁻¹(1 - p) = -Φ⁻¹(p). 0.25 and 0.75 are exact doubles. */
    CU_ASSERT_DOUBLE_EQUAL(jv_stats_normal_quantile(0.75), -jv_stats_normal_quantile(0.25), EXACT);
}

static void test_normal_quantile_is_nan_outside_the_open_unit_interval(void)
{
    CU_ASSERT(isnan(jv_stats_normal_quantile(0.0)));
    CU_ASSERT(isnan(jv_stats_normal_quantile(1.0)));
    CU_ASSERT(isnan(jv_stats_normal_quantile(-0.1)));
    CU_ASSERT(isnan(jv_stats_normal_quantile(1.5)));
    CU_ASSERT(isnan(jv_stats_normal_quantile(NAN)));
    CU_ASSERT(isnan(jv_stats_z(1.0)));
    CU_ASSERT(isnan(jv_stats_z(-0.5)));
    CU_ASSERT(isnan(jv_stats_z(NAN)));
}

static void test_wilson_follows_the_score_formula(void)
{
    double ci[2];
    /* z = 2, k = 2, n = 4: p = 1/2, z²/n = 1, denominator 1 + 1 = 2.
     * centre = (1/2 + 4/8) / 2 = 1/2.
     * half = 2·sqrt(p(1-p)/n + z²/(4n²)) / 2 = sqrt(1/16 + 4/64)
     *      = sqrt(0.125). */
    jv_stats_wilson(2, 4, 2.0, ci);
    CU_ASSERT_DOUBLE_EQUAL(ci[0], 0.5 - sqrt(0.125), EXACT);
    CU_ASSERT_DOUBLE_EQUAL(ci[1], 0.5 + sqrt(0.125), EXACT);

    /* z = 2, k = 1, n = 4: p = 1/4, denominator 2.
     * centre = (1/4 + 1/2) / 2 = 3/8.
     * half = sqrt((3/16)/4 + 4/64) = sqrt(3/64 + 4/64) = sqrt(7)/8. */
    jv_stats_wilson(1, 4, 2.0, ci);
    CU_ASSERT_DOUBLE_EQUAL(ci[0], (3.0 - sqrt(7.0)) / 8.0, EXACT);
    CU_ASSERT_DOUBLE_EQUAL(ci[1], (3.0 + sqrt(7.0)) / 8.0, EXACT);

    /* z = 2, k = 0, n = 4: p = 0, centre = (0 + 1/2) / 2 = 1/4,
     * half = 2·sqrt(0 + 1/16) / 2 = 1/4: [0, 1/2]. */
    jv_stats_wilson(0, 4, 2.0, ci);
    CU_ASSERT_DOUBLE_EQUAL(ci[0], 0.0, EXACT);
    CU_ASSERT_DOUBLE_EQUAL(ci[1], 0.5, EXACT);

    /* z = 2, k = 4, n = 4: mirror image of k = 0: [1/2, 1]. */
    jv_stats_wilson(4, 4, 2.0, ci);
    CU_ASSERT_DOUBLE_EQUAL(ci[0], 0.5, EXACT);
    CU_ASSERT_DOUBLE_EQUAL(ci[1], 1.0, EXACT);

    /* z = 1, k = 1, n = 2: p = 1/2, denominator 1 + 1/2 = 3/2.
     * centre = (1/2 + 1/4) / (3/2) = 1/2.
     * half = sqrt(1/8 + 1/16) / (3/2) = (sqrt(3)/4)·(2/3) = sqrt(3)/6. */
    jv_stats_wilson(1, 2, 1.0, ci);
    CU_ASSERT_DOUBLE_EQUAL(ci[0], 0.5 - sqrt(3.0) / 6.0, EXACT);
    CU_ASSERT_DOUBLE_EQUAL(ci[1], 0.5 + sqrt(3.0) / 6.0, EXACT);
}

static void test_wilson_is_null_for_n_zero(void)
{
    double ci[2] = {0.0, 0.0};
    jv_stats_wilson(0, 0, Z95, ci);
    CU_ASSERT(isnan(ci[0]) && isnan(ci[1]));
    /* Impossible counts are no interval either, never a crash. */
    jv_stats_wilson(5, 4, Z95, ci);
    CU_ASSERT(isnan(ci[0]) && isnan(ci[1]));
    jv_stats_wilson(-1, 4, Z95, ci);
    CU_ASSERT(isnan(ci[0]) && isnan(ci[1]));
}

static void test_newcombe_follows_the_hybrid_score_formula(void)
{
    double d, ci[2];
    /* z = 2: 2 of 4 minus 0 of 4. From the Wilson cases above:
     * l1, u1 = 1/2 ∓ sqrt(0.125); l2, u2 = 0, 1/2; d = 1/2 - 0 = 1/2.
     * lower = d - sqrt((p1-l1)² + (u2-p2)²) = 1/2 - sqrt(0.125 + 0.25)
     * upper = d + sqrt((u1-p1)² + (p2-l2)²) = 1/2 + sqrt(0.125 + 0). */
    jv_stats_newcombe(2, 4, 0, 4, 2.0, &d, ci);
    CU_ASSERT_DOUBLE_EQUAL(d, 0.5, EXACT);
    CU_ASSERT_DOUBLE_EQUAL(ci[0], 0.5 - sqrt(0.375), EXACT);
    CU_ASSERT_DOUBLE_EQUAL(ci[1], 0.5 + sqrt(0.125), EXACT);
}

/* Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10
 * (score interval, no continuity correction), 95 %. */
static void test_newcombe_matches_the_published_table(void)
{
    static const struct {
        int64_t k1, n1, k2, n2;
        double lower, upper;
    } rows[] = {
        /* (a) 56/70 - 48/80. The upper limit is 0.3339, not 0.3061 as the
         * task brief said; by hand at z = 1.96 (z² = 3.8416):
         *   56/70: centre (0.8 + 0.02744)/1.05488 = 0.784393,
         *          half 1.96·sqrt(0.0022857 + 0.000196)/1.05488 = 0.092561
         *          → [0.691832, 0.876954]
         *   48/80: centre (0.6 + 0.02401)/1.04802 = 0.595418,
         *          half 1.96·sqrt(0.003 + 0.00015006)/1.04802 = 0.104966
         *          → [0.490452, 0.700384]
         *   lower 0.2 - sqrt(0.108168² + 0.100384²) = 0.2 - 0.147571
         *         = 0.0524
         *   upper 0.2 + sqrt(0.076954² + 0.109548²) = 0.2 + 0.133876
         *         = 0.3339 (the value Newcombe's table gives). */
        {56, 70, 48, 80, 0.0524, 0.3339},
        /* (b) 9/10 - 3/10 */
        {9, 10, 3, 10, 0.1705, 0.8090},
        /* (d) 5/56 - 0/29 */
        {5, 56, 0, 29, -0.0381, 0.1926},
        /* (e) 0/10 - 0/20 */
        {0, 10, 0, 20, -0.1611, 0.2775},
        /* (f) 0/10 - 0/10 */
        {0, 10, 0, 10, -0.2775, 0.2775},
        /* (g) 10/10 - 0/20 */
        {10, 10, 0, 20, 0.6791, 1.0000},
        /* (h) 10/10 - 0/10 */
        {10, 10, 0, 10, 0.6075, 1.0000},
    };
    double z = jv_stats_z(0.95);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        double d, ci[2];
        jv_stats_newcombe(rows[i].k1, rows[i].n1, rows[i].k2, rows[i].n2, z, &d, ci);
        CU_ASSERT_DOUBLE_EQUAL(
            d, (double)rows[i].k1 / (double)rows[i].n1 - (double)rows[i].k2 / (double)rows[i].n2,
            EXACT);
        CU_ASSERT_DOUBLE_EQUAL(ci[0], rows[i].lower, FOUR_DECIMALS);
        CU_ASSERT_DOUBLE_EQUAL(ci[1], rows[i].upper, FOUR_DECIMALS);
    }
}

static void test_newcombe_is_null_when_either_n_is_zero(void)
{
    double d = 0.0, ci[2] = {0.0, 0.0};
    jv_stats_newcombe(3, 10, 0, 0, Z95, &d, ci);
    CU_ASSERT(isnan(d) && isnan(ci[0]) && isnan(ci[1]));
    d = 0.0;
    jv_stats_newcombe(0, 0, 3, 10, Z95, &d, ci);
    CU_ASSERT(isnan(d) && isnan(ci[0]) && isnan(ci[1]));
}

static void test_share_is_null_without_women_or_men(void)
{
    CU_ASSERT(isnan(jv_stats_women_share(0.0, 0.0)));
    CU_ASSERT(isnan(jv_stats_women_share(NAN, 3.0)));
    CU_ASSERT(isnan(jv_stats_women_share(3.0, NAN)));
    /* 3 / (3 + 1) = 0.75; 0 / (0 + 5) = 0; 5 / (5 + 0) = 1. */
    CU_ASSERT_DOUBLE_EQUAL(jv_stats_women_share(3.0, 1.0), 0.75, EXACT);
    CU_ASSERT_EQUAL(jv_stats_women_share(0.0, 5.0), 0.0);
    CU_ASSERT_EQUAL(jv_stats_women_share(5.0, 0.0), 1.0);
}

/* jv_stats_balance(share, lower, upper) by hand, under the rule each case
 * shows (one test per rule below). */
typedef enum balance_rule { BOUNDARIES_ARE_BALANCED, BAND_IS_CONFIGURABLE } balance_rule;

static const struct balance_case {
    balance_rule rule;
    double share, lower, upper;
    jv_balance expected;
} balances[] = {
    /* the band's own limits are inside it */
    {BOUNDARIES_ARE_BALANCED, 0.40, 0.40, 0.60, JV_BALANCE_BALANCED},
    {BOUNDARIES_ARE_BALANCED, 0.60, 0.40, 0.60, JV_BALANCE_BALANCED},
    /* 39/100 < 0.40; 61/100 > 0.60. */
    {BOUNDARIES_ARE_BALANCED, 0.39, 0.40, 0.60, JV_BALANCE_MEN_DOMINATED},
    {BOUNDARIES_ARE_BALANCED, 0.61, 0.40, 0.60, JV_BALANCE_WOMEN_DOMINATED},
    {BOUNDARIES_ARE_BALANCED, 0.0, 0.40, 0.60, JV_BALANCE_MEN_DOMINATED},
    {BOUNDARIES_ARE_BALANCED, 1.0, 0.40, 0.60, JV_BALANCE_WOMEN_DOMINATED},
    /* options.balance [0.30, 0.70]: 0.35 is balanced there, not in 40/60. */
    {BAND_IS_CONFIGURABLE, 0.35, 0.30, 0.70, JV_BALANCE_BALANCED},
    {BAND_IS_CONFIGURABLE, 0.35, 0.40, 0.60, JV_BALANCE_MEN_DOMINATED},
    {BAND_IS_CONFIGURABLE, 0.25, 0.30, 0.70, JV_BALANCE_MEN_DOMINATED},
    {BAND_IS_CONFIGURABLE, 0.75, 0.30, 0.70, JV_BALANCE_WOMEN_DOMINATED},
    {BAND_IS_CONFIGURABLE, 0.70, 0.30, 0.70, JV_BALANCE_BALANCED},
};

/* Checks every case of `rule` (and that it has some). */
static void check_balances(balance_rule rule)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof balances / sizeof balances[0]; i++)
        if (balances[i].rule == rule) {
            CU_ASSERT_EQUAL(
                jv_stats_balance(balances[i].share, balances[i].lower, balances[i].upper),
                balances[i].expected);
            n++;
        }
    CU_ASSERT(n > 0);
}

static void test_balance_boundaries_are_balanced(void)
{
    /* 2/(2+3) = 0.40 and 3/(3+2) = 0.60 exactly (correctly rounded
     * division gives the same double as the literals). */
    CU_ASSERT_EQUAL(jv_stats_balance(jv_stats_women_share(2, 3), 0.40, 0.60), JV_BALANCE_BALANCED);
    CU_ASSERT_EQUAL(jv_stats_balance(jv_stats_women_share(3, 2), 0.40, 0.60), JV_BALANCE_BALANCED);
    check_balances(BOUNDARIES_ARE_BALANCED);
}

static void test_balance_is_no_data_for_a_null_share(void)
{
    CU_ASSERT_EQUAL(jv_stats_balance(NAN, 0.40, 0.60), JV_BALANCE_NO_DATA);
    CU_ASSERT_EQUAL(jv_stats_balance(jv_stats_women_share(0, 0), 0.40, 0.60), JV_BALANCE_NO_DATA);
}

static void test_balance_band_is_configurable(void) { check_balances(BAND_IS_CONFIGURABLE); }

/* All at z = 2 so that the Wilson limits are exact by hand:
 *   0 of 100:  z²/n = 0.04, centre = (0 + 4/200)/1.04 = 0.02/1.04,
 *              half = 2·sqrt(4/40000)/1.04 = 0.02/1.04
 *              → [0, 0.04/1.04] = [0, 0.03846]
 *   100 of 100: mirror → [0.96154, 1]
 *   50 of 100: centre = (0.5 + 0.02)/1.04 = 0.5,
 *              half = 2·sqrt(0.0025 + 0.0001)/1.04 = 0.0980581
 *              → [0.40194, 0.59806]
 *   2 of 4:    [0.5 - sqrt(0.125), 0.5 + sqrt(0.125)] = [0.14645, 0.85355]
 *   1 of 4:    [(3 - sqrt 7)/8, (3 + sqrt 7)/8] = [0.04428, 0.70572]   */
static void test_balance_certain_when_the_interval_is_inside_the_band(void)
{
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_MEN_DOMINATED, 0, 100, 2.0, 0.40, 0.60), 1);
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_BALANCED, 50, 100, 2.0, 0.40, 0.60), 1);
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_WOMEN_DOMINATED, 100, 100, 2.0, 0.40, 0.60),
                    1);
}

static void test_balance_certain_false_when_the_interval_leaves_the_band(void)
{
    /* [0.14645, 0.85355] crosses both 0.40 and 0.60. */
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_BALANCED, 2, 4, 2.0, 0.40, 0.60), 0);
    /* [0.04428, 0.70572]: upper limit not below 0.40. */
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_MEN_DOMINATED, 1, 4, 2.0, 0.40, 0.60), 0);
    /* [0, 0.5] reaches past 0.40. */
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_MEN_DOMINATED, 0, 4, 2.0, 0.40, 0.60), 0);
    /* [0, 0.03846] is not in the women_dominated band (0.60, 1]. */
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_WOMEN_DOMINATED, 0, 100, 2.0, 0.40, 0.60),
                    0);
    /* [0.40194, 0.59806] with band [0.45, 0.55]: outside. */
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_BALANCED, 50, 100, 2.0, 0.45, 0.55), 0);
}

static void test_balance_certain_null_without_an_interval_or_a_band(void)
{
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_BALANCED, 0, 0, Z95, 0.40, 0.60), -1);
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_NO_DATA, 2, 4, Z95, 0.40, 0.60), -1);
    CU_ASSERT_EQUAL(jv_stats_balance_certain(JV_BALANCE_NONE, 2, 4, Z95, 0.40, 0.60), -1);
}

static void test_balance_names(void)
{
    CU_ASSERT_STRING_EQUAL(jv_stats_balance_name(JV_BALANCE_NO_DATA), "no_data");
    CU_ASSERT_STRING_EQUAL(jv_stats_balance_name(JV_BALANCE_MEN_DOMINATED), "men_dominated");
    CU_ASSERT_STRING_EQUAL(jv_stats_balance_name(JV_BALANCE_BALANCED), "balanced");
    CU_ASSERT_STRING_EQUAL(jv_stats_balance_name(JV_BALANCE_WOMEN_DOMINATED), "women_dominated");
    CU_ASSERT_PTR_NULL(jv_stats_balance_name(JV_BALANCE_NONE));
    CU_ASSERT_PTR_NULL(jv_stats_balance_name((jv_balance)42));
}

int main(void)
{
    static const jvt_test tests[] = {
        {"z matches the published quantiles", test_z_matches_the_published_quantiles},
        {"normal quantile inverts the normal cdf", test_normal_quantile_inverts_the_normal_cdf},
        {"normal quantile is NaN outside (0, 1)",
         test_normal_quantile_is_nan_outside_the_open_unit_interval},
        {"Wilson follows the score formula", test_wilson_follows_the_score_formula},
        {"Wilson is null for n = 0", test_wilson_is_null_for_n_zero},
        {"Newcombe follows the hybrid score formula",
         test_newcombe_follows_the_hybrid_score_formula},
        {"Newcombe matches the published table (method 10)",
         test_newcombe_matches_the_published_table},
        {"Newcombe is null when either n is 0", test_newcombe_is_null_when_either_n_is_zero},
        {"share is null without women or men", test_share_is_null_without_women_or_men},
        {"balance boundaries 0.40 and 0.60 are balanced", test_balance_boundaries_are_balanced},
        {"balance is no_data for a null share", test_balance_is_no_data_for_a_null_share},
        {"balance band is configurable", test_balance_band_is_configurable},
        {"balance_certain true inside the band",
         test_balance_certain_when_the_interval_is_inside_the_band},
        {"balance_certain false outside the band",
         test_balance_certain_false_when_the_interval_leaves_the_band},
        {"balance_certain null without interval or band",
         test_balance_certain_null_without_an_interval_or_a_band},
        {"balance names", test_balance_names},
        {NULL, NULL},
    };
    return jvt_main("stats", tests);
}
