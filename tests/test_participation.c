/* tests/test_participation.c — the participation indicator through the
 * whole pipeline (real CSV files, the plugin loaded from the build tree).
 * Every expected value is worked out by hand from INDICATORS.md
 * "participation" (seats = sum of count, 1 per row by default; share =
 * w/(w+m); the odd seat: balanced when w+m > 0 and |w−m| <= 1, else 40/60;
 * Wilson interval of w of w+m at z = 1.959963984540054). Wilson limits
 * below come from the formula of INDICATORS.md evaluated separately
 * (Python, double precision). The data is in tests/data/participation/.
 * Arena-type conflicts, disclosure and absent columns are in
 * test_participation_rules.c.
 *
 * basic (one region A, min_cell 0; empty count = 1; kvinna = woman,
 * x = non_binary):
 *   arena      type      rows (gender × count)            w  m nb u  total
 *   board      decision  kvinna ·1 (Ordförande), man ·1,  1  2  0 0   3
 *                        man ·1 (vice chair)
 *   committee  advisory  woman 4, man 1 (CHAIR)           4  1  0 0   5
 *   council    decision  unknown 2                        0  0  0 2   2
 *   forum      advisory  woman 1 (ORDFÖRANDE), woman 1,   2  8  1 0  11
 *                        man 8, x 1
 *   panel      learning  man 0                            0  0  0 0   0
 *   seminar    learning  woman ·1                         1  0  0 0   1
 *   region     w 8, m 11, nb 1, mixed 0, unknown 2, total 22
 *     share 8/19; |8−11| = 3 → 40/60: 0.421 → balanced;
 *     ci Wilson(8, 19) = [0.23141891282454238, 0.6372409646574496] → not
 *     inside [0.4, 0.6]: balance_certain false
 *   arenas (bytes order): board 1/3 balanced by the odd seat (Wilson(1,3)
 *     = [0.06149194472039621, 0.7923403991979522]); committee 4/5 = 0.8,
 *     |4−1| = 3 → women_dominated (Wilson(4,5) = [0.37553462976252533,
 *     0.9637758913675698], not inside (0.6, 1]: false); council no women
 *     or men: share null, no_data, certain null, ci null; forum 2/10 = 0.2
 *     men_dominated (Wilson(2,10) upper 0.5098… >= 0.4: false); panel all
 *     zero: no_data; seminar 1 woman, 0 men: differ by one → balanced,
 *     share 1, Wilson(1,1) = [0.20654931437723745, 1]
 *   arenas_classified = 4 (board, committee, forum, seminar);
 *     balanced board, seminar → arenas_balanced_share 2/4 = 0.5
 *   arena types: advisory = committee + forum: w 6, m 9, nb 1, total 16,
 *     share 6/15 = 0.4, |6−9| = 3 → 40/60: 0.4 is inside → balanced;
 *     arenas women_dominated + men_dominated → 0/2 = 0, classified 2.
 *     decision = board + council: w 1, m 2, u 2, total 5, odd seat →
 *     balanced; classified 1 (board), balanced 1 → 1.
 *     learning = panel + seminar: w 1, total 1, balanced; 1/1 = 1.
 *   chairs: Ordförande (w 1), CHAIR (m 1), ORDFÖRANDE (w 1); "vice chair"
 *     is not a chair → w 2, m 1, total 3; 2/3, odd seat → balanced;
 *     Wilson(2,3) = [0.2076596008020477, 0.9385080552796037]
 *   by role (by_role.json): values in bytes order CHAIR, ORDFÖRANDE
 *     ('R' 0x52 < 'r' 0x72), Ordförande, member, speaker, vice chair;
 *     member = board m 1, committee w 4, council u 2, forum w 1 m 8 x 1,
 *     panel m 0 → w 5, m 9, nb 1, u 2, total 17, share 5/14, |5−9| = 4 →
 *     0.357 → men_dominated
 *
 * pool (A: no count column; B: count):
 *   A: board w1 m2, network (learning) w1 → split w2 m2, share 0.5,
 *      balanced, Wilson(2,4) = [0.15003898915214947, 0.8499610108478506];
 *      arenas 2 of 2 balanced → 1
 *   B: board w2 m1, reference (advisory) m3 → split w2 m4, |2−4| = 2 →
 *      1/3 → men_dominated; board balanced, reference 0 → men_dominated:
 *      1/2 = 0.5
 *   total: split w4 m6, total 10, 0.4 → balanced, Wilson(4,10) =
 *      [0.16818032970623614, 0.6873262302663417]; arenas board w3 m3,
 *      network w1, reference m3 → 2/3 balanced, classified 3; types
 *      advisory (reference) m3 men_dominated, 0/1; decision (board) w3 m3
 *      balanced, 1/1; learning (network) w1, 1/1
 *
 * small (min_cell 5, no arena_type, no role column):
 *   assembly w10 m12, board w2 m1, forum w6 m11; split w18 m24, total 42.
 *   Rule 1: board·woman (2) and board·man (1). Round 1: rule 2 board's
 *   total; rule 3 on the arenas family (margin split): woman line has one
 *   suppressed cell → smallest positive member forum·woman (6 < 10); man
 *   line → forum·man (11 < 12). Round 2: forum's total; every line now has
 *   two. Published: assembly, the split (18/42, |18−24| = 6 → 0.4286 →
 *   balanced). arenas_balanced_share from own counts: board (odd seat,
 *   balanced), assembly (10/22 = 0.4545, balanced), forum (6/17 = 0.353,
 *   men_dominated) → 2/3, classified 3 — the suppressed arenas count.
 *
 * small_types (min_cell 5): decision: board w2 m1, council w10 m16;
 *   advisory: forum w6 m7. split w18 m24; decision w12 m17; advisory w6 m7.
 *   chairs: board woman chair ·2, council man Chair ·1 → w2 m1.
 *   Families: arenas → split, types → split, {board, council} → decision,
 *   {forum} → advisory. Rule 1: board·w, board·m, chairs·w, chairs·m.
 *   Round 1: board, chairs totals; arenas family: woman line → forum·w (6
 *   < 10), man → forum·m (7 < 16); decision's arenas: → council·w,
 *   council·m. Round 2: forum, council totals; advisory's arenas: forum
 *   suppressed and no other member → the margin advisory·w, advisory·m.
 *   Round 3: advisory total; types family: → decision·w, decision·m.
 *   Round 4: decision total; nothing more. Published: the split only.
 *   Council is suppressed only through the family of decision's arenas.
 *   arenas_balanced_share: board balanced, council 10/26 = 0.385 (|10−16|
 *   = 6) men_dominated, forum (|6−7| = 1) balanced → 2/3; decision 1/2,
 *   advisory 1/1.
 *
 * zero (min_cell 5): board woman 5, man 0 → w5 m0: 0 is never suppressed
 *   (rule 1 needs 0 < c), 5 is not < 5. share 5/5 = 1, |5−0| = 5 → 40/60 →
 *   women_dominated; Wilson(5,5) = [0.5655175352168251, 1], not inside
 *   (0.6, 1] → false. arenas 0 of 1 balanced → 0.
 *
 * by (params.by ["age_band", "arena_type"]):
 *   age_band "" w1; "16-29" w1; "30-64" m3 (bytes order "", "16-29",
 *   "30-64"); "" and "16-29": 1 woman 0 men → balanced; "30-64": share 0
 *   → men_dominated, Wilson(0,3) = [0, 0.5614970317550454].
 *   arena_type: advisory m2 (share 0, |0−2| = 2 → men_dominated),
 *   decision w2 m1 (odd seat, balanced). split w2 m3 → 0.4, balanced.
 *
 * certain: assembly w500 m500 → 0.5, Wilson(500,1000) =
 *   [0.4690696003681042, 0.5309303996318958] inside [0.4, 0.6] → true;
 *   network w100 m900 → 0.1, Wilson(100,1000) = [0.08290944359309571,
 *   0.1201519631953484] inside [0, 0.4) → true; split w600 m1400 → 0.3
 *   men_dominated, Wilson(600,2000) = [0.28031535195498103,
 *   0.32045146695752] → true.
 */
#include "harness.h"
#include "participation_checks.h"
#include "plugin_checks.h"

static void test_seats_sum_rows_and_count_with_empty_count_as_one(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_STR("arenas/0/value", "board"),
        PC_STR("arenas/3/value", "forum"),
        /* a row with count 0 still lists its arena */
        PC_STR("arenas/4/value", "panel"),
        PC_GENDERS("seats", "8 11 1 0 2"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 22),
        PC_FALSE("total/suppressed"),
        PC_AT(R0 "arenas/0/"),
        PC_GENDERS("seats", "1 2 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 3),
        PC_FALSE("total/suppressed"),
        PC_AT(R0 "arenas/3/"),
        PC_GENDERS("seats", "2 8 1 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 11),
        PC_FALSE("total/suppressed"),
        PC_AT(R0 "arenas/4/"),
        PC_GENDERS("seats", "0 0 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 0),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_region_share_ci_balance_and_headline(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_STR("headline/metric", "women_share_seats"),
        PC_STR("headline/unit", "share"),
        PC_NUM("headline/value", "8/19"),
        PC_STR("headline/balance", "balanced"),
        PC_FALSE("headline/balance_certain"),
        PC_NUM("headline/ci/0", "0.23141891282454238"),
        PC_NUM("headline/ci/1", "0.6372409646574496"),
        PC_NUM("women_share/seats", "8/19"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.23141891282454238"),
        PC_NUM("ci/1", "0.6372409646574496"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_arenas_sorted_by_bytes(void)
{
    static const pc_check expected[] = {
        PC_AT(R0 "arenas/"),
        PC_ARRAY("", 6),
        /* bytes order */
        PC_STR("0/value", "board"),
        PC_STR("1/value", "committee"),
        PC_STR("2/value", "council"),
        PC_STR("3/value", "forum"),
        PC_STR("4/value", "panel"),
        PC_STR("5/value", "seminar"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_odd_seat_board_of_three_with_one_woman_is_balanced(void)
{
    /* board: 1 woman of 3, Wilson(1,3) (header) */
    static const pc_check expected[] = {
        PC_AT(R0 "arenas/0/"),
        PC_NUM("women_share/seats", "1/3"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.06149194472039621"),
        PC_NUM("ci/1", "0.7923403991979522"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_odd_seat_one_woman_and_no_men_is_balanced(void)
{
    /* seminar: 1 woman, 0 men; Wilson(1,1) (header) */
    static const pc_check expected[] = {
        PC_AT(R0 "arenas/5/"),
        PC_STR("value", "seminar"),
        PC_NUM("women_share/seats", "1"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.20654931437723745"),
        PC_NUM("ci/1", "1"),
        PC_GENDERS("seats", "1 0 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 1),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_forty_sixty_rule_when_more_than_one_seat_apart(void)
{
    /* committee 4/5, forum 2/10 (header) */
    static const pc_check expected[] = {
        PC_AT(R0 "arenas/1/"),
        PC_NUM("women_share/seats", "0.8"),
        PC_STR("balance", "women_dominated"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.37553462976252533"),
        PC_NUM("ci/1", "0.9637758913675698"),
        PC_AT(R0 "arenas/3/"),
        PC_NUM("women_share/seats", "0.2"),
        PC_STR("balance", "men_dominated"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.05668215145437519"),
        PC_NUM("ci/1", "0.5098375284633583"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_arena_without_women_or_men_has_no_data(void)
{
    /* council (2 unknown) and panel (0 seats): no women or men */
    static const pc_check expected[] = {
        PC_AT(R0 "arenas/2/"),
        PC_STR("value", "council"),
        PC_NULL("women_share/seats"),
        PC_STR("balance", "no_data"),
        PC_NULL("balance_certain"),
        PC_NULL("ci"),
        PC_AT(R0 "arenas/4/"),
        PC_NULL("women_share/seats"),
        PC_STR("balance", "no_data"),
        PC_NULL("balance_certain"),
        PC_NULL("ci"),
        PC_AT(R0 "arenas/2/"),
        PC_GENDERS("seats", "0 0 0 0 2"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 2),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_arenas_balanced_share_leaves_out_no_data_arenas(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_NUM("arenas_balanced_share", "0.5"),
        PC_EXACT("arenas_classified", 4),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_arena_types_sum_their_arenas(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_ARRAY("arena_types", 3),
        PC_STR("arena_types/0/value", "advisory"),
        PC_NUM("arena_types/0/arenas_balanced_share", "0"),
        PC_EXACT("arena_types/0/arenas_classified", 2),
        PC_STR("arena_types/1/value", "decision"),
        PC_STR("arena_types/1/balance", "balanced"),
        PC_NUM("arena_types/1/arenas_balanced_share", "1"),
        PC_EXACT("arena_types/1/arenas_classified", 1),
        PC_STR("arena_types/2/value", "learning"),
        PC_STR("arena_types/2/balance", "balanced"),
        PC_NUM("arena_types/2/arenas_balanced_share", "1"),
        PC_EXACT("arena_types/2/arenas_classified", 1),
        PC_AT(R0 "arena_types/0/"),
        PC_GENDERS("seats", "6 9 1 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 16),
        PC_FALSE("total/suppressed"),
        PC_NUM("women_share/seats", "0.4"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.1982449614134158"),
        PC_NUM("ci/1", "0.6425316987937539"),
        PC_AT(R0 "arena_types/1/"),
        PC_GENDERS("seats", "1 2 0 0 2"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 5),
        PC_FALSE("total/suppressed"),
        PC_AT(R0 "arena_types/2/"),
        PC_GENDERS("seats", "1 0 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 1),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_chairs_match_chair_and_ordforande_case_insensitively(void)
{
    static const pc_check expected[] = {
        PC_AT(R0 "chairs/"),
        PC_GENDERS("seats", "2 1 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 3),
        PC_FALSE("total/suppressed"),
        PC_NUM("women_share/seats", "2/3"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.2076596008020477"),
        PC_NUM("ci/1", "0.9385080552796037"),
    };
    PC_EXPECT("participation/basic.json", expected);
}

static void test_breakdown_by_role_reads_the_role_column(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_NUM("breakdowns/role/3/women_share/seats", "5/14"),
        PC_STR("breakdowns/role/3/balance", "men_dominated"),
        PC_AT(R0 "breakdowns/role/3/"),
        PC_GENDERS("seats", "5 9 1 0 2"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 17),
        PC_FALSE("total/suppressed"),
    };
    cJSON *doc = pc_run("participation/by_role.json", -1);
    PC_CHECK(doc, expected);
    static const pc_check values[] = {
        PC_AT(R0 "breakdowns/role/"),
        PC_ARRAY("", 6),
        PC_STR("0/value", "CHAIR"),
        PC_STR("1/value", "ORDF\xc3\x96RANDE"),
        PC_STR("2/value", "Ordf\xc3\xb6rande"),
        PC_STR("3/value", "member"),
        PC_STR("4/value", "speaker"),
        PC_STR("5/value", "vice chair"),
    };
    PC_CHECK(doc, values);
    cJSON_Delete(doc);
}

static void test_count_is_not_a_breakdown_column(void)
{
    PC_FAILS_SAYING("participation/by_count.json", "count");
}

static void test_breakdowns_list_values_with_empty_value_first(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_ARRAY("breakdowns/age_band", 3),
        PC_STR("breakdowns/age_band/0/value", ""),
        PC_STR("breakdowns/age_band/0/balance", "balanced"),
        PC_STR("breakdowns/age_band/1/value", "16-29"),
        PC_STR("breakdowns/age_band/2/value", "30-64"),
        /* a breakdown by arena_type reads the arena_type column */
        PC_ARRAY("breakdowns/arena_type", 2),
        PC_STR("breakdowns/arena_type/0/value", "advisory"),
        PC_STR("breakdowns/arena_type/0/balance", "men_dominated"),
        PC_STR("breakdowns/arena_type/1/value", "decision"),
        PC_STR("breakdowns/arena_type/1/balance", "balanced"),
        PC_STR("balance", "balanced"),
        PC_AT(R0 "breakdowns/age_band/0/"),
        PC_GENDERS("seats", "1 0 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 1),
        PC_FALSE("total/suppressed"),
        PC_AT(R0 "breakdowns/age_band/2/"),
        PC_GENDERS("seats", "0 3 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 3),
        PC_FALSE("total/suppressed"),
        PC_NUM("women_share/seats", "0"),
        PC_STR("balance", "men_dominated"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0"),
        PC_NUM("ci/1", "0.5614970317550454"),
        PC_AT(R0 "breakdowns/arena_type/0/"),
        PC_GENDERS("seats", "0 2 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 2),
        PC_FALSE("total/suppressed"),
        PC_AT(R0 "breakdowns/arena_type/1/"),
        PC_GENDERS("seats", "2 1 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 3),
        PC_FALSE("total/suppressed"),
        PC_AT(R0),
        PC_GENDERS("seats", "2 3 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 5),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/by.json", expected);
}

static void test_balance_certain_for_large_bodies(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_TRUE("headline/balance_certain"),
        PC_AT(R0 "arenas/0/"),
        PC_NUM("women_share/seats", "0.5"),
        PC_STR("balance", "balanced"),
        PC_TRUE("balance_certain"),
        PC_NUM("ci/0", "0.4690696003681042"),
        PC_NUM("ci/1", "0.5309303996318958"),
        PC_AT(R0 "arenas/1/"),
        PC_NUM("women_share/seats", "0.1"),
        PC_STR("balance", "men_dominated"),
        PC_TRUE("balance_certain"),
        PC_NUM("ci/0", "0.08290944359309571"),
        PC_NUM("ci/1", "0.1201519631953484"),
        PC_AT(R0),
        PC_NUM("women_share/seats", "0.3"),
        PC_STR("balance", "men_dominated"),
        PC_TRUE("balance_certain"),
        PC_NUM("ci/0", "0.28031535195498103"),
        PC_NUM("ci/1", "0.32045146695752"),
    };
    PC_EXPECT("participation/certain.json", expected);
}

static void test_total_pools_the_regions_seats(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_NUM("arenas_balanced_share", "1"),
        PC_AT(R1),
        PC_STR("balance", "men_dominated"),
        PC_NUM("arenas_balanced_share", "0.5"),
        PC_AT(T),
        PC_ARRAY("arenas", 3),
        PC_STR("arenas/0/value", "board"),
        PC_STR("arenas/1/value", "network"),
        PC_STR("arenas/2/value", "reference"),
        PC_NUM("arenas_balanced_share", "2/3"),
        PC_EXACT("arenas_classified", 3),
        PC_ARRAY("arena_types", 3),
        PC_STR("arena_types/0/value", "advisory"),
        PC_STR("arena_types/0/balance", "men_dominated"),
        PC_NUM("arena_types/0/arenas_balanced_share", "0"),
        PC_STR("arena_types/1/value", "decision"),
        PC_NUM("arena_types/1/arenas_balanced_share", "1"),
        PC_STR("arena_types/2/value", "learning"),
        PC_NUM("headline/value", "0.4"),
        PC_AT(R0),
        PC_GENDERS("seats", "2 2 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 4),
        PC_FALSE("total/suppressed"),
        PC_NUM("women_share/seats", "0.5"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.15003898915214947"),
        PC_NUM("ci/1", "0.8499610108478506"),
        PC_AT(R1),
        PC_GENDERS("seats", "2 4 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 6),
        PC_FALSE("total/suppressed"),
        PC_AT(T),
        PC_GENDERS("seats", "4 6 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 10),
        PC_FALSE("total/suppressed"),
        PC_NUM("women_share/seats", "0.4"),
        PC_STR("balance", "balanced"),
        PC_FALSE("balance_certain"),
        PC_NUM("ci/0", "0.16818032970623614"),
        PC_NUM("ci/1", "0.6873262302663417"),
        PC_AT(T "arenas/0/"),
        PC_GENDERS("seats", "3 3 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 6),
        PC_FALSE("total/suppressed"),
        PC_AT(T "arenas/2/"),
        PC_GENDERS("seats", "0 3 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 3),
        PC_FALSE("total/suppressed"),
        PC_AT(T "arena_types/1/"),
        PC_GENDERS("seats", "3 3 0 0 0"),
        PC_GENDERS("suppressed", "false false false false false"),
        PC_EXACT("total/seats", 6),
        PC_FALSE("total/suppressed"),
    };
    PC_EXPECT("participation/pool.json", expected);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"seats sum rows and count, empty count = 1",
         test_seats_sum_rows_and_count_with_empty_count_as_one},
        {"region share, ci, balance and headline", test_region_share_ci_balance_and_headline},
        {"arenas sorted by bytes", test_arenas_sorted_by_bytes},
        {"odd seat: board of three with one woman is balanced",
         test_odd_seat_board_of_three_with_one_woman_is_balanced},
        {"odd seat: one woman and no men is balanced",
         test_odd_seat_one_woman_and_no_men_is_balanced},
        {"40/60 when more than one seat apart",
         test_forty_sixty_rule_when_more_than_one_seat_apart},
        {"arena without women or men has no data", test_arena_without_women_or_men_has_no_data},
        {"arenas_balanced_share leaves out no_data arenas",
         test_arenas_balanced_share_leaves_out_no_data_arenas},
        {"arena types sum their arenas", test_arena_types_sum_their_arenas},
        {"chairs match chair and ordförande case-insensitively",
         test_chairs_match_chair_and_ordforande_case_insensitively},
        {"breakdown by role reads the role column", test_breakdown_by_role_reads_the_role_column},
        {"count is not a breakdown column", test_count_is_not_a_breakdown_column},
        {"breakdowns list values, empty value first",
         test_breakdowns_list_values_with_empty_value_first},
        {"balance_certain for large bodies", test_balance_certain_for_large_bodies},
        {"total pools the regions' seats", test_total_pools_the_regions_seats},
        {NULL, NULL},
    };
    return jvt_main("participation", tests);
}
