/* tests/test_training_reach.c — the training_reach indicator through the
 * whole pipeline (real CSV files, the plugin loaded from the build tree),
 * against INDICATORS.md "training_reach", "Disclosure control" and
 * "Result shapes". Every expected value is worked out by hand beside the
 * data it comes from; z = 1.959963984540054, z² = 3.841459.
 *
 * Wilson (k of n): centre = (p + z²/2n)/(1 + z²/n),
 *                  half = z·sqrt(p(1−p)/n + z²/4n²)/(1 + z²/n).
 */
#include "harness.h"
#include "plugin_checks.h"

#include <glib.h>

#define RES(scope) scope "/indicators/training_reach/result/"
#define RA RES("regions/0")
#define RB RES("regions/1")
#define TOT RES("total")

/* tests/data/training_reach/basic/training.csv, completed_only true:
 *   p1 woman politician yes 2.5 | p1 woman politician yes 1.5
 *   p2 unknown official yes 3   | p2 man official no 4
 *   p3 man politician yes 1     | p3 woman politician yes 2
 *   p4 woman official yes (empty) | p4 woman politician yes 0.25
 *   p5 woman official no 6      | p6 (empty) politician (empty) 2
 * Persons: p1 woman (2 counted rows, 4.0 h, politician);
 *   p2 man — the first known gender, from a row that is not completed —
 *   (1 row, 3 h, official); p3 man, first known, rows disagree (2 rows,
 *   3 h, politician); p4 woman (2 rows, 0 + 0.25 h, official and
 *   politician); p5 woman, no counted row: not reached; p6 unknown, empty
 *   completed = yes (1 row, 2 h, politician).
 * woman: 2 persons (p1, p4), 4 rows, 4.25 h, 2.125 h/person
 * man: 2 persons (p2, p3), 3 rows, 6 h, 3 h/person
 * unknown: 1 person, 1 row, 2 h; total: 5 persons, 8 rows, 12.25 h, 2.45 */
static void test_persons_are_distinct_and_counted_under_first_known_gender(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("by_gender/woman/persons_reached", "2"),
        PC_NUM("by_gender/woman/participations", "4"),
        PC_NUM("by_gender/woman/hours", "4.25"),
        PC_NUM("by_gender/woman/hours_per_person", "2.125"),
        PC_NUM("by_gender/man/persons_reached", "2"),
        PC_NUM("by_gender/man/participations", "3"),
        PC_NUM("by_gender/man/hours", "6"),
        PC_NUM("by_gender/man/hours_per_person", "3"),
        PC_NUM("by_gender/unknown/persons_reached", "1"),
        PC_NUM("by_gender/unknown/hours", "2"),
        PC_NUM("by_gender/non_binary/persons_reached", "0"),
        PC_NUM("by_gender/non_binary/hours", "0"),
        PC_NULL("by_gender/non_binary/hours_per_person"),
        PC_NUM("by_gender/mixed/persons_reached", "0"),
        PC_FALSE("by_gender/woman/suppressed"),
        PC_NUM("total/persons_reached", "5"),
        PC_NUM("total/participations", "8"),
        PC_NUM("total/hours", "12.25"),
        PC_NUM("total/hours_per_person", "2.45"),
    };
    PC_EXPECT("training_reach/basic.json", expected);
}

/* The same data: women's shares 2/(2+2) = 0.5 of persons, 4/7 of rows,
 * 4.25/10.25 of hours; 0.5 is balanced; Wilson 2 of 4: centre 0.5, half
 * 1.95996·sqrt(0.0625 + 0.060023)/1.96036 = 0.34996 → [0.15004, 0.84996],
 * not inside [0.40, 0.60]: balance_certain false. No population anywhere:
 * the headline is the women's share of persons reached. */
static void test_headline_is_women_share_without_population(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("women_share/persons_reached", "0.5"),
        PC_NUM("women_share/participations", "4/7"),
        PC_NUM("women_share/hours", "4.25/10.25"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_STR("headline/metric", "women_share_persons_reached"),
        PC_STR("headline/unit", "share"),
        PC_NUM("headline/value", "0.5"),
        PC_STR("headline/balance", "balanced"),
        PC_FALSE("headline/balance_certain"),
        PC_NUM("headline/ci/0", "0.15003898915214947"),
        PC_NUM("headline/ci/1", "0.8499610108478506"),
        /* "reach" is present and null: no population rows in this scope. */
        PC_NULL("reach"),
        PC_AT(TOT),
        PC_STR("headline/metric", "women_share_persons_reached"),
        PC_NUM("headline/value", "0.5"),
    };
    PC_EXPECT("training_reach/basic.json", expected);
}

/* Target groups, sorted: official, politician. official: p4 (woman), p2
 * (man); p5's official row is not completed. politician: p1, p4 (woman),
 * p3 (man), p6 (unknown). p4 counts in both. No population: population,
 * rates and gaps are null. */
static void test_person_reached_in_each_group_of_a_counted_row(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_ARRAY("target_groups", 2),
        PC_STR("target_groups/0/value", "official"),
        PC_NUM("target_groups/0/by_gender/woman/persons_reached", "1"),
        PC_NUM("target_groups/0/by_gender/man/persons_reached", "1"),
        PC_NUM("target_groups/0/by_gender/unknown/persons_reached", "0"),
        PC_NULL("target_groups/0/by_gender/woman/population"),
        PC_NULL("target_groups/0/by_gender/woman/reach_rate"),
        PC_NULL("target_groups/0/by_gender/woman/reach_rate_ci"),
        PC_NULL("target_groups/0/reach_gap/value"),
        PC_NULL("target_groups/0/reach_gap/ci"),
        PC_STR("target_groups/1/value", "politician"),
        PC_NUM("target_groups/1/by_gender/woman/persons_reached", "2"),
        PC_NUM("target_groups/1/by_gender/man/persons_reached", "1"),
        PC_NUM("target_groups/1/by_gender/unknown/persons_reached", "1"),
    };
    PC_EXPECT("training_reach/basic.json", expected);
}

/* p3's rows say man, then woman: one person whose rows disagree. */
static void test_disagreeing_genders_give_one_warning(void)
{
    static const pc_check expected[] = {
        PC_WARNINGS("different genders", 1),
        PC_WARNINGS("1 person(s) have rows with different genders", 1),
    };
    PC_EXPECT("training_reach/basic.json", expected);
}

/* completed_only false counts every row: p2 2 rows 7 h, p5 woman 1 row
 * 6 h (official). woman: 3 persons (p1, p4, p5), 5 rows, 10.25 h;
 * man: 2 persons, 4 rows, 10 h; official: woman 2 (p4, p5), man 1.
 * Share 3/5 = 0.6: balanced (0.60 is inside the band). */
static void test_completed_only_false_counts_every_row(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("by_gender/woman/persons_reached", "3"),
        PC_NUM("by_gender/woman/participations", "5"),
        PC_NUM("by_gender/woman/hours", "10.25"),
        PC_NUM("by_gender/man/persons_reached", "2"),
        PC_NUM("by_gender/man/participations", "4"),
        PC_NUM("by_gender/man/hours", "10"),
        PC_NUM("by_gender/man/hours_per_person", "5"),
        PC_NUM("target_groups/0/by_gender/woman/persons_reached", "2"),
        PC_NUM("target_groups/0/by_gender/man/persons_reached", "1"),
        PC_NUM("women_share/persons_reached", "0.6"),
        PC_STR("balance", "balanced"),
    };
    PC_EXPECT("training_reach/basic_all.json", expected);
}

/* population.json. Region A (pop_a): politician w1 w2 w3 m1; official w4
 * m2 m3; adviser w5. Population: politician woman 10, man 8; official
 * woman 4, man 5, non_binary 1; board woman 3. No hours column. Groups,
 * sorted: adviser (no population rows), board, official, politician.
 *   board:      woman 0/3 = 0, Wilson 0 of 3: centre (0 + 0.64024)/2.28049
 *               = 0.28075 = half → [0, 0.56150]; man 0/0: null
 *   official:   woman 1/4 = 0.25, W: centre 0.37247, half 0.32689 →
 *               [0.04559, 0.69936]; man 2/5 = 0.4, W: centre 0.44345, half
 *               0.32583 → [0.11762, 0.76928]; non_binary 0/1 = 0 [0, 0.79345];
 *               gap 0.25 − 0.4 = −0.15, Newcombe
 *               [−0.15 − sqrt(0.20441² + 0.36928²), −0.15 + sqrt(0.44936² + 0.28238²)]
 *               = [−0.57208, 0.38072]
 *   politician: woman 3/10 = 0.3, W: centre 0.35551, half 0.24772 →
 *               [0.10779, 0.60322]; man 1/8 = 0.125, W: centre 0.24665, half
 *               0.22424 → [0.02242, 0.47089]; gap 0.175,
 *               [0.175 − sqrt(0.19221² + 0.34589²), 0.175 + sqrt(0.30322² + 0.10258²)]
 *               = [−0.22071, 0.49510] */
static void test_reach_rates_against_population(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_ARRAY("target_groups", 4),
        PC_STR("target_groups/0/value", "adviser"),
        PC_NULL("target_groups/0/by_gender/woman/population"),
        PC_NUM("target_groups/0/by_gender/woman/persons_reached", "1"),
        PC_NULL("target_groups/0/by_gender/woman/reach_rate"),

        PC_STR("target_groups/1/value", "board"),
        PC_NUM("target_groups/1/by_gender/woman/persons_reached", "0"),
        PC_NUM("target_groups/1/by_gender/woman/population", "3"),
        PC_NUM("target_groups/1/by_gender/woman/reach_rate", "0"),
        PC_NUM("target_groups/1/by_gender/woman/reach_rate_ci/0", "0"),
        PC_NUM("target_groups/1/by_gender/woman/reach_rate_ci/1", "0.5614970317550454"),
        /* a gender without a population row in a group that has some: 0 */
        PC_NUM("target_groups/1/by_gender/man/population", "0"),
        PC_NULL("target_groups/1/by_gender/man/reach_rate"),
        PC_NULL("target_groups/1/reach_gap/value"),

        PC_STR("target_groups/2/value", "official"),
        PC_NUM("target_groups/2/by_gender/woman/reach_rate", "0.25"),
        PC_NUM("target_groups/2/by_gender/woman/reach_rate_ci/0", "0.04558726080970055"),
        PC_NUM("target_groups/2/by_gender/woman/reach_rate_ci/1", "0.6993581574175981"),
        PC_NUM("target_groups/2/by_gender/man/reach_rate", "0.4"),
        PC_NUM("target_groups/2/by_gender/man/reach_rate_ci/0", "0.11762077423264783"),
        PC_NUM("target_groups/2/by_gender/man/reach_rate_ci/1", "0.769275718723987"),
        PC_NUM("target_groups/2/by_gender/non_binary/population", "1"),
        PC_NUM("target_groups/2/by_gender/non_binary/reach_rate", "0"),
        PC_NUM("target_groups/2/by_gender/non_binary/reach_rate_ci/1", "0.7934506856227626"),
        PC_NUM("target_groups/2/by_gender/unknown/population", "0"),
        PC_NUM("target_groups/2/reach_gap/value", "-0.15"),
        PC_NUM("target_groups/2/reach_gap/ci/0", "-0.5720771545374123"),
        PC_NUM("target_groups/2/reach_gap/ci/1", "0.38071723241544375"),

        PC_STR("target_groups/3/value", "politician"),
        PC_NUM("target_groups/3/by_gender/woman/persons_reached", "3"),
        PC_NUM("target_groups/3/by_gender/woman/population", "10"),
        PC_NUM("target_groups/3/by_gender/woman/reach_rate", "0.3"),
        PC_NUM("target_groups/3/by_gender/woman/reach_rate_ci/0", "0.10779126740630099"),
        PC_NUM("target_groups/3/by_gender/woman/reach_rate_ci/1", "0.6032218525388546"),
        PC_NUM("target_groups/3/by_gender/man/reach_rate", "0.125"),
        PC_NUM("target_groups/3/by_gender/man/reach_rate_ci/0", "0.02241749145005667"),
        PC_NUM("target_groups/3/by_gender/man/reach_rate_ci/1", "0.4708881822128535"),
        PC_NUM("target_groups/3/reach_gap/value", "0.175"),
        PC_NUM("target_groups/3/reach_gap/ci/0", "-0.22070548578429927"),
        PC_NUM("target_groups/3/reach_gap/ci/1", "0.49510414386179713"),
    };
    PC_EXPECT("training_reach/population.json", expected);
}

/* reach pools board, official, politician (the groups with population):
 * woman 0 + 1 + 3 = 4 of 3 + 4 + 10 = 17 → 0.23529, W: centre 0.28408, half
 * 0.18853 → [0.09555, 0.47262]; man 0 + 2 + 1 = 3 of 0 + 5 + 8 = 13 →
 * 0.23077, W: centre 0.29218, half 0.21038 → [0.08180, 0.50256];
 * gap 4/17 − 3/13 = (52 − 51)/221 = 0.0045249,
 * [0.0045249 − sqrt(0.13974² + 0.27180²), 0.0045249 + sqrt(0.23733² + 0.14897²)]
 * = [−0.30109, 0.28473]. Hours: no column, so null. Persons: woman 5,
 * man 3: share 5/8 = 0.625, women_dominated (not the headline). */
static void test_reach_pools_groups_with_population(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("reach/woman/reached", "4"),
        PC_NUM("reach/woman/population", "17"),
        PC_NUM("reach/woman/rate", "4/17"),
        PC_NUM("reach/woman/ci/0", "0.09555044322080117"),
        PC_NUM("reach/woman/ci/1", "0.4726179811956498"),
        PC_FALSE("reach/woman/suppressed"),
        PC_NUM("reach/man/reached", "3"),
        PC_NUM("reach/man/population", "13"),
        PC_NUM("reach/man/rate", "3/13"),
        PC_NUM("reach/man/ci/0", "0.08179528718498569"),
        PC_NUM("reach/man/ci/1", "0.5025637594672749"),
        PC_NUM("reach/gap/value", "1/221"),
        PC_NUM("reach/gap/ci/0", "-0.3010901657166799"),
        PC_NUM("reach/gap/ci/1", "0.28473168921615827"),
        PC_STR("headline/metric", "reach_gap"),
        PC_STR("headline/unit", "difference"),
        PC_NUM("headline/value", "1/221"),
        PC_NUM("headline/ci/0", "-0.3010901657166799"),
        PC_NULL("headline/balance"),
        PC_NULL("headline/balance_certain"),
        PC_NULL("by_gender/woman/hours"),
        PC_NULL("by_gender/woman/hours_per_person"),
        PC_NULL("women_share/hours"),
        PC_NUM("women_share/persons_reached", "0.625"),
        PC_STR("balance", "women_dominated"),
    };
    PC_EXPECT("training_reach/population.json", expected);
}

/* Region B (pop_b) has no population table: w1 woman adviser, m9 man
 * adviser. Region A has population rows, so every scope's headline is
 * reach_gap: B's is null and its reach is null. The total: persons are
 * the sum of the regions' — w1 in A and w1 in B are two persons —
 * woman 5 + 1 = 6, man 3 + 1 = 4; adviser woman 1 + 1 = 2, man 0 + 1 = 1;
 * reach is A's (the sum of the regions' reach): gap 1/221. */
static void test_total_sums_regions_persons_and_reach(void)
{
    static const pc_check expected[] = {
        PC_AT(RB),
        PC_STR("headline/metric", "reach_gap"),
        PC_NULL("headline/value"),
        PC_NULL("reach"),
        PC_ARRAY("target_groups", 1),
        PC_NULL("target_groups/0/by_gender/man/population"),
        PC_AT(TOT),
        PC_NUM("by_gender/woman/persons_reached", "6"),
        PC_NUM("by_gender/man/persons_reached", "4"),
        PC_STR("target_groups/0/value", "adviser"),
        PC_NUM("target_groups/0/by_gender/woman/persons_reached", "2"),
        PC_NUM("target_groups/0/by_gender/man/persons_reached", "1"),
        PC_NUM("target_groups/3/by_gender/woman/reach_rate", "0.3"),
        PC_NUM("reach/woman/reached", "4"),
        PC_NUM("reach/woman/population", "17"),
        PC_NUM("reach/man/reached", "3"),
        PC_NUM("reach/man/population", "13"),
        PC_NUM("headline/value", "1/221"),
    };
    PC_EXPECT("training_reach/population.json", expected);
}

/* mixed.json: A has politician population woman 4, man 4 and reaches w1
 * and m1; B reaches w1 in politician with no population. Total
 * politician: woman 1 + 1 = 2 reached, population 4 + 0 = 4 from A only.
 * Dividing B's person by A's population would mix registers, so the
 * total's woman rate is null (documented in result.c); man 1/4 = 0.25
 * (both from A). reach = A's: woman 1/4, man 1/4, gap 0, Newcombe
 * [0 − sqrt(0.20441² + 0.44936²), 0 + sqrt(0.44936² + 0.20441²)] =
 * [−0.49367, 0.49367]. */
static void test_total_rate_needs_population_of_every_region_reached(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("target_groups/0/by_gender/woman/reach_rate", "0.25"),
        PC_AT(RB),
        PC_NULL("target_groups/0/by_gender/woman/population"),
        PC_AT(TOT),
        PC_NUM("target_groups/0/by_gender/woman/persons_reached", "2"),
        PC_NUM("target_groups/0/by_gender/woman/population", "4"),
        PC_NULL("target_groups/0/by_gender/woman/reach_rate"),
        PC_NUM("target_groups/0/by_gender/man/reach_rate", "0.25"),
        PC_NULL("target_groups/0/reach_gap/value"),
        PC_NUM("reach/woman/reached", "1"),
        PC_NUM("reach/woman/population", "4"),
        PC_NUM("headline/value", "0"),
        PC_NUM("headline/ci/0", "-0.4936672174461459"),
        PC_NUM("headline/ci/1", "0.4936672174461459"),
    };
    PC_EXPECT("training_reach/mixed.json", expected);
}

/* above.json: region Norrland reaches 2 women in politician, whose
 * population has 1 woman: a data error naming region and group. */
static void test_group_reached_above_population_is_an_error(void)
{
    PC_FAILS_SAYING("training_reach/above.json", "Norrland", "politician");
}

/* suppress.json, min_cell 5. Group a: 2 women, 6 men (population woman
 * 20, man 20); group b: 10 women, 7 men (no population); split 12 / 13;
 * reach (group a only): woman 2, man 6.
 * Rule 1: a·woman (2) and reach·woman (2). Rule 3, family "target groups →
 * split", woman line a 2 (S), b 10, split 12: one suppressed, so the
 * smallest positive unsuppressed member, b·woman, is suppressed too.
 * Family "groups with population → reach": a·woman and reach·woman, two.
 * The split stays published: 12 / 13, share 12/25 = 0.48, balanced;
 * Wilson 12 of 25: centre 0.48266, half 0.18235 → [0.30031, 0.66501],
 * not inside the band: false. Group a man: 6/20 = 0.3, W: centre 0.33223,
 * half 0.18675 → [0.14548, 0.51897]. */
static void test_small_cells_are_suppressed_with_their_figures(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("by_gender/woman/persons_reached", "12"),
        PC_NUM("by_gender/man/persons_reached", "13"),
        PC_NUM("women_share/persons_reached", "0.48"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),

        PC_NULL("target_groups/0/by_gender/woman/persons_reached"),
        PC_TRUE("target_groups/0/by_gender/woman/suppressed"),
        PC_NUM("target_groups/0/by_gender/woman/population", "20"),
        PC_NULL("target_groups/0/by_gender/woman/reach_rate"),
        PC_NULL("target_groups/0/by_gender/woman/reach_rate_ci"),
        PC_NUM("target_groups/0/by_gender/man/persons_reached", "6"),
        PC_NUM("target_groups/0/by_gender/man/reach_rate", "0.3"),
        PC_NUM("target_groups/0/by_gender/man/reach_rate_ci/0", "0.1454772448676043"),
        PC_NUM("target_groups/0/by_gender/man/reach_rate_ci/1", "0.5189728183535235"),
        PC_NULL("target_groups/0/reach_gap/value"),
        PC_NULL("target_groups/1/by_gender/woman/persons_reached"),
        PC_TRUE("target_groups/1/by_gender/woman/suppressed"),
        PC_NUM("target_groups/1/by_gender/man/persons_reached", "7"),

        PC_NULL("reach/woman/reached"),
        PC_TRUE("reach/woman/suppressed"),
        PC_NUM("reach/woman/population", "20"),
        PC_NULL("reach/woman/rate"),
        PC_NULL("reach/woman/ci"),
        PC_NUM("reach/man/reached", "6"),
        PC_NUM("reach/man/rate", "0.3"),
        PC_NULL("reach/gap/value"),
        PC_NULL("headline/value"),
        PC_NULL("headline/ci"),
        PC_AT(TOT),
        PC_NULL("headline/value"),
    };
    PC_EXPECT("training_reach/suppress.json", expected);
}

/* The same data with min_cell 0: nothing is suppressed; group a woman
 * 2/20 = 0.1, reach gap 2/20 − 6/20 = −0.2. */
static void test_min_cell_zero_suppresses_nothing(void)
{
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("target_groups/0/by_gender/woman/persons_reached", "2"),
        PC_NUM("target_groups/0/by_gender/woman/reach_rate", "0.1"),
        PC_FALSE("reach/woman/suppressed"),
        PC_NUM("headline/value", "-0.2"),
    };
    PC_EXPECT_MIN_CELL("training_reach/suppress.json", 0, expected);
}

/* header_only.json: region A's training.csv has its header row (with the
 * hours column) and no row; region B is basic/ (first test). A sum over
 * zero rows is 0 (INDICATORS.md: hours is the "sum over counted rows"),
 * so A's hours are 0 for every gender and the total; the ratios over zero
 * are null: hours_per_person = 0/0 persons, women's share of hours 0/(0+0).
 * The total sums the regions: B's hours, woman 4.25, man 6, total 12.25. */
static void test_hours_over_no_rows_are_zero(void)
{
    static const pc_check each_gender[] = {
        PC_NUM("hours", "0"),
        PC_NULL("hours_per_person"),
        PC_NUM("persons_reached", "0"),
    };
    static const pc_check expected[] = {
        PC_AT(RA),
        PC_NUM("total/hours", "0"),
        PC_NULL("total/hours_per_person"),
        PC_NULL("women_share/hours"),
        PC_AT(RB),
        PC_NUM("by_gender/woman/hours", "4.25"),
        PC_AT(TOT),
        PC_NUM("by_gender/woman/hours", "4.25"),
        PC_NUM("by_gender/man/hours", "6"),
        PC_NUM("total/hours", "12.25"),
    };
    static const char *const genders[] = {"woman", "man", "non_binary", "mixed", "unknown"};
    cJSON *doc = pc_run("training_reach/header_only.json", -1);
    for (size_t g = 0; g < sizeof genders / sizeof genders[0]; g++) {
        char *at = g_strconcat(RA "by_gender/", genders[g], "/", NULL);
        PC_CHECK_AT(doc, at, each_gender);
        g_free(at);
    }
    PC_CHECK(doc, expected);
    cJSON_Delete(doc);
}

/* Reading a file in chunks of a few bytes (many chunk states merged)
 * gives the same result as reading it in one: merge() is exact. */
static void test_result_does_not_depend_on_chunks(void)
{
    static const char *const evals[] = {"training_reach/basic.json",
                                        "training_reach/population.json",
                                        "training_reach/suppress.json"};
    for (size_t i = 0; i < sizeof evals / sizeof evals[0]; i++) {
        g_unsetenv("JAMVIKT_CHUNK_BYTES");
        cJSON *whole = jvt_run(evals[i], -1, NULL);
        g_setenv("JAMVIKT_CHUNK_BYTES", "24", TRUE);
        cJSON *chunked = jvt_run(evals[i], -1, NULL);
        g_unsetenv("JAMVIKT_CHUNK_BYTES");
        CU_ASSERT_PTR_NOT_NULL_FATAL(whole);
        CU_ASSERT_PTR_NOT_NULL_FATAL(chunked);
        CU_ASSERT(cJSON_Compare(jvt_get(whole, "regions"), jvt_get(chunked, "regions"), 1));
        CU_ASSERT(cJSON_Compare(jvt_get(whole, "total"), jvt_get(chunked, "total"), 1));
        CU_ASSERT(cJSON_Compare(jvt_get(whole, "warnings"), jvt_get(chunked, "warnings"), 1));
        cJSON_Delete(whole);
        cJSON_Delete(chunked);
    }
}

int main(void)
{
    static const jvt_test tests[] = {
        {"persons are distinct, counted under the first known gender",
         test_persons_are_distinct_and_counted_under_first_known_gender},
        {"headline is the women's share without population",
         test_headline_is_women_share_without_population},
        {"a person is reached in each group of a counted row",
         test_person_reached_in_each_group_of_a_counted_row},
        {"disagreeing genders give one warning", test_disagreeing_genders_give_one_warning},
        {"completed_only false counts every row", test_completed_only_false_counts_every_row},
        {"reach rates against the population", test_reach_rates_against_population},
        {"reach pools the groups with population", test_reach_pools_groups_with_population},
        {"the total sums the regions' persons and reach",
         test_total_sums_regions_persons_and_reach},
        {"a total rate needs the population of every region reached",
         test_total_rate_needs_population_of_every_region_reached},
        {"a group reached above its population is an error",
         test_group_reached_above_population_is_an_error},
        {"small cells are suppressed with their figures",
         test_small_cells_are_suppressed_with_their_figures},
        {"min_cell 0 suppresses nothing", test_min_cell_zero_suppresses_nothing},
        {"the result does not depend on chunks", test_result_does_not_depend_on_chunks},
        {"hours over no rows are 0", test_hours_over_no_rows_are_zero},
        {NULL, NULL},
    };
    return jvt_main("training_reach", tests);
}
