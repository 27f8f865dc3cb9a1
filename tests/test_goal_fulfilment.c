/* tests/test_goal_fulfilment.c — the goal_fulfilment indicator through the
 * whole pipeline (real CSV files, the plugin loaded from the build tree).
 * Every expected value is worked out by hand from INDICATORS.md
 * "goal_fulfilment"; the data is in tests/data/goal_fulfilment/.
 *
 * progress = (outcome − baseline)/(target − baseline);
 * status: met p >= 1, partly_met 0 < p < 1, not_met p <= 0, not_reported
 * without outcome; fulfilment = clamp(p, 0, 1).
 *
 * Region A (a/goals.csv; weight empty = 1):
 *   goal  base  target  outcome  self  area        w    progress             status        fulf
 *   A1    10    20      15             competence  2    5/10 = 0.5           partly_met    0.5
 *   A2    100   50      40             governance  1    -60/-50 = 1.2        met           1
 *   A3    0     4       4              competence  1    4/4 = 1              met           1
 *   A4    5     8       5        nej   ""          1    0/3 = 0              not_met       0
 *   A5    0     10      -        ja    governance  3    -                    not_reported  -
 *   A6    0     10      -        delvis leadership 1    -                    not_reported  -
 *   A7    30    10      35             processes   0.5  5/-20 = -0.25        not_met       0
 *   goals 7; by_status met 2, partly_met 1, not_met 2, not_reported 2
 *   reported weight 2+1+1+1+0.5 = 5.5; met weight 1+1 = 2
 *   share_met = 2/5.5 = 4/11; mean_fulfilment = (2·0.5+1+1+0+0)/5.5 = 3/5.5 = 6/11
 *   fulfilled weight = met 2 + A5 (ja = will_meet) 3 = 5; total weight 9.5
 *   5/9.5 = 0.526…: fulfils false at 1.0 and at 0.7
 *   areas (bytes order; an empty cell is the area ""):
 *     ""          A4        goals 1  share_met 0/1 = 0   mean 0/1 = 0
 *     competence  A1, A3    goals 2  share_met 1/3       mean (1+1)/3 = 2/3
 *     governance  A2, A5    goals 2  share_met 1/1 = 1   mean 1/1 = 1
 *     leadership  A6        goals 1  share_met null      mean null
 *     processes   A7        goals 1  share_met 0/0.5 = 0 mean 0
 *
 * Region B (b/goals.csv; no area, no weight column: weights 1, areas []):
 *   B1..B6 met (B3 over-achieves: 2/1 = 2), B7 unreported ja, B8 unreported
 *   nej, B9 0..4 outcome 1: 0.25 partly_met, B10 unreported, no assessment
 *   goals 10; met 6, partly_met 1, not_met 0, not_reported 3
 *   share_met = 6/7; mean_fulfilment = (6 + 0.25)/7 = 6.25/7
 *   fulfilled weight = 6 + 1 (B7) = 7 of 10 = 0.7: false at 1.0, true at 0.7
 *
 * Region C: no c/goals.csv → skipped by the core.
 * Region D: d/goals.csv has a header and no rows → goals 0, shares null,
 *   fulfils null, areas [] and per_goal [].
 * Region E (e/goals.csv): E1 1→2 outcome 2 met; E2 unreported will_meet;
 *   both area leadership. share_met 1/1 = 1, mean 1; fulfilled 2/2: true.
 *
 * Total (A, B, D, E pooled; C skipped):
 *   goals 7+10+0+2 = 19; met 2+6+1 = 9, partly_met 1+1 = 2, not_met 2,
 *   not_reported 2+3+1 = 6
 *   share_met = (2+6+1)/(5.5+7+1) = 9/13.5 = 2/3
 *   mean_fulfilment = (3 + 6.25 + 1)/13.5 = 10.25/13.5 = 41/54
 *   areas: "" 1, 0, 0; competence 2, 1/3, 2/3; governance 2, 1, 1;
 *          leadership A6 + E1 + E2 = 3, share_met 1/1 = 1, mean 1;
 *          processes 1, 0, 0
 *   regions (fulfils not null): A, B, E = 3
 *   threshold 1.0: fulfilling E = 1 → share 1/3
 *   threshold 0.7: fulfilling B, E = 2 → share 2/3
 */
#include "harness.h"
#include "mock_host.h"
#include "plugin_checks.h"

#include <jamvikt/jamvikt.h>
#include <stdlib.h>
#include <string.h>

#define R(i) "regions/" #i "/indicators/goal_fulfilment/"
/* regions/0 to regions/4: A to E in threshold_1.json and threshold_07.json */
#define R0 R(0)
#define R1 R(1)
#define R2 R(2)
#define R3 R(3)
#define R4 R(4)
#define T "total/indicators/goal_fulfilment/"

static void test_progress_and_status_per_goal_in_file_order(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_ARRAY("result/per_goal", 7),
        PC_STR("result/per_goal/0/goal_id", "A1"),
        /* A1 increasing: (15−10)/(20−10) = 0.5, partly_met */
        PC_NUM("result/per_goal/0/progress", "0.5"),
        PC_STR("result/per_goal/0/status", "partly_met"),
        PC_NUM("result/per_goal/0/fulfilment", "0.5"),
        /* A2 decreasing and over-achieved: (40−100)/(50−100) = 1.2, met, clamped to 1 */
        PC_STR("result/per_goal/1/goal_id", "A2"),
        PC_NUM("result/per_goal/1/progress", "1.2"),
        PC_STR("result/per_goal/1/status", "met"),
        PC_NUM("result/per_goal/1/fulfilment", "1"),
        /* A3 progress exactly 1: met */
        PC_EXACT("result/per_goal/2/progress", 1.0),
        PC_STR("result/per_goal/2/status", "met"),
        /* A4 progress exactly 0: not_met */
        PC_EXACT("result/per_goal/3/progress", 0.0),
        PC_STR("result/per_goal/3/status", "not_met"),
        PC_NUM("result/per_goal/3/fulfilment", "0"),
        /* A5 no outcome: not_reported, progress and fulfilment null */
        PC_STR("result/per_goal/4/goal_id", "A5"),
        PC_STR("result/per_goal/4/status", "not_reported"),
        PC_NULL("result/per_goal/4/progress"),
        PC_NULL("result/per_goal/4/fulfilment"),
        /* A7 decreasing, moved the wrong way: (35−30)/(10−30) = −0.25, clamped to 0 */
        PC_STR("result/per_goal/6/goal_id", "A7"),
        PC_NUM("result/per_goal/6/progress", "-0.25"),
        PC_STR("result/per_goal/6/status", "not_met"),
        PC_NUM("result/per_goal/6/fulfilment", "0"),
        /* B3 over-achieved: 2/1 = 2 */
        PC_AT(R1),
        PC_NUM("result/per_goal/2/progress", "2"),
        PC_NUM("result/per_goal/2/fulfilment", "1"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_region_counts_and_weighted_shares(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_STR("status", "ok"),
        PC_EXACT("result/goals", 7),
        PC_EXACT("result/by_status/met", 2),
        PC_EXACT("result/by_status/partly_met", 1),
        PC_EXACT("result/by_status/not_met", 2),
        PC_EXACT("result/by_status/not_reported", 2),
        PC_NUM("result/share_met", "4/11"),
        PC_NUM("result/mean_fulfilment", "6/11"),
        /* B: default weights 1 */
        PC_AT(R1),
        PC_EXACT("result/goals", 10),
        PC_EXACT("result/by_status/met", 6),
        PC_EXACT("result/by_status/partly_met", 1),
        PC_EXACT("result/by_status/not_met", 0),
        PC_EXACT("result/by_status/not_reported", 3),
        PC_NUM("result/share_met", "6/7"),
        PC_NUM("result/mean_fulfilment", "6.25/7"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_areas_sorted_by_bytes_with_empty_area_first(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_ARRAY("result/areas", 5),
        PC_STR("result/areas/0/value", ""),
        PC_EXACT("result/areas/0/goals", 1),
        PC_NUM("result/areas/0/share_met", "0"),
        PC_NUM("result/areas/0/mean_fulfilment", "0"),
        PC_STR("result/areas/1/value", "competence"),
        PC_EXACT("result/areas/1/goals", 2),
        PC_NUM("result/areas/1/share_met", "1/3"),
        PC_NUM("result/areas/1/mean_fulfilment", "2/3"),
        PC_STR("result/areas/2/value", "governance"),
        PC_EXACT("result/areas/2/goals", 2),
        PC_NUM("result/areas/2/share_met", "1"),
        PC_NUM("result/areas/2/mean_fulfilment", "1"),
        PC_STR("result/areas/3/value", "leadership"),
        PC_EXACT("result/areas/3/goals", 1),
        PC_NULL("result/areas/3/share_met"),
        PC_NULL("result/areas/3/mean_fulfilment"),
        PC_STR("result/areas/4/value", "processes"),
        PC_NUM("result/areas/4/share_met", "0"),
        /* B has no area column: no areas */
        PC_AT(R1),
        PC_ARRAY("result/areas", 0),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_fulfils_counts_unreported_will_meet_goals(void)
{
    static const pc_check expected[] = {
        /* A: 5/9.5 < 1; B: 7/10 < 1; E: met 1 + will_meet 1 = 2/2 >= 1 */
        PC_AT(R0),
        PC_FALSE("result/fulfils"),
        PC_AT(R1),
        PC_FALSE("result/fulfils"),
        PC_AT(R4),
        PC_TRUE("result/fulfils"),
        PC_NUM("result/share_met", "1"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_fulfils_at_threshold_07_includes_exactly_07(void)
{
    static const pc_check expected[] = {
        /* A: 5/9.5 = 0.526 < 0.7; B: 7/10 = 0.7 >= 0.7 − 1e-9; E: 1 */
        PC_AT(R0),
        PC_FALSE("result/fulfils"),
        PC_AT(R1),
        PC_TRUE("result/fulfils"),
        PC_AT(R4),
        PC_TRUE("result/fulfils"),
        PC_AT(T),
        PC_EXACT("result/regions", 3),
        PC_EXACT("result/regions_fulfilling", 2),
        PC_NUM("result/share_regions_fulfilling", "2/3"),
        PC_NUM("result/headline/value", "2/3"),
    };
    PC_EXPECT("goal_fulfilment/threshold_07.json", expected);
}

static void test_region_without_goals_file_is_skipped(void)
{
    static const pc_check expected[] = {
        PC_AT(R2),
        PC_STR("status", "skipped"),
        PC_ANY_STR("reason"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_region_with_zero_goals_has_null_shares_and_fulfils(void)
{
    static const pc_check expected[] = {
        PC_AT(R3),
        PC_STR("status", "ok"),
        PC_EXACT("result/goals", 0),
        PC_EXACT("result/by_status/met", 0),
        PC_EXACT("result/by_status/not_reported", 0),
        PC_NULL("result/share_met"),
        PC_NULL("result/mean_fulfilment"),
        PC_NULL("result/fulfils"),
        PC_ARRAY("result/areas", 0),
        PC_ARRAY("result/per_goal", 0),
        PC_NULL("result/headline/value"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_total_pools_goals_of_all_regions(void)
{
    static const pc_check expected[] = {
        PC_AT(T),
        PC_EXACT("result/goals", 19),
        PC_EXACT("result/by_status/met", 9),
        PC_EXACT("result/by_status/partly_met", 2),
        PC_EXACT("result/by_status/not_met", 2),
        PC_EXACT("result/by_status/not_reported", 6),
        PC_NUM("result/share_met", "2/3"),
        PC_NUM("result/mean_fulfilment", "41/54"),
        PC_ARRAY("result/areas", 5),
        PC_STR("result/areas/0/value", ""),
        PC_STR("result/areas/1/value", "competence"),
        PC_NUM("result/areas/1/mean_fulfilment", "2/3"),
        PC_STR("result/areas/3/value", "leadership"),
        PC_EXACT("result/areas/3/goals", 3),
        PC_NUM("result/areas/3/share_met", "1"),
        PC_NUM("result/areas/3/mean_fulfilment", "1"),
        /* the total has no fulfils and no per_goal */
        PC_ABSENT("result/fulfils"),
        PC_ABSENT("result/per_goal"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_total_counts_regions_whose_fulfils_is_not_null(void)
{
    static const pc_check expected[] = {
        /* A, B, E; not C (skipped) nor D (no goals); E alone fulfils */
        PC_AT(T),
        PC_EXACT("result/regions", 3),
        PC_EXACT("result/regions_fulfilling", 1),
        PC_NUM("result/share_regions_fulfilling", "1/3"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_headlines_are_share_met_and_share_regions_fulfilling(void)
{
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_STR("result/headline/metric", "share_met"),
        PC_STR("result/headline/unit", "share"),
        PC_NUM("result/headline/value", "4/11"),
        PC_NULL("result/headline/balance"),
        PC_NULL("result/headline/balance_certain"),
        PC_NULL("result/headline/ci"),
        PC_AT(T),
        PC_STR("result/headline/metric", "share_regions_fulfilling"),
        PC_STR("result/headline/unit", "share"),
        PC_NUM("result/headline/value", "1/3"),
        PC_AT(""),
        PC_NUM("summary/0/goal_fulfilment.share_met", "4/11"),
    };
    PC_EXPECT("goal_fulfilment/threshold_1.json", expected);
}

static void test_region_threshold_defaults_to_one(void)
{
    static const pc_check expected[] = {
        PC_NUM("evaluation/plugins/0/params/region_threshold", "1"),
        /* regions B and E: B 7/10 < 1.0 → false; E 2/2 → true; share 1/2 */
        PC_AT(R0),
        PC_FALSE("result/fulfils"),
        PC_AT(R1),
        PC_TRUE("result/fulfils"),
        PC_AT(T),
        PC_NUM("result/share_regions_fulfilling", "0.5"),
    };
    PC_EXPECT("goal_fulfilment/default_threshold.json", expected);
}

static void test_target_equal_to_baseline_is_a_data_error(void)
{
    /* bad/goals.csv line 3: X2 baseline 7, target 7.0 (equal in fixed point) */
    PC_FAILS_SAYING("goal_fulfilment/target_equals_baseline.json",
                    "goals.csv:3:", "column 'target'", "X2", "target equals baseline");
}

static void test_target_equal_to_baseline_row_is_skipped_on_request(void)
{
    /* on_error skip: X1 0→10 outcome 5: 0.5 partly_met; X3 0→10 outcome 10:
     * met. share_met 1/2, mean (0.5 + 1)/2 = 0.75, fulfilled 1/2 < 1. */
    static const pc_check expected[] = {
        PC_AT(R0),
        PC_EXACT("skipped_rows", 1),
        PC_EXACT("result/goals", 2),
        PC_STR("result/per_goal/1/goal_id", "X3"),
        PC_NUM("result/share_met", "0.5"),
        PC_NUM("result/mean_fulfilment", "0.75"),
        PC_FALSE("result/fulfils"),
    };
    PC_EXPECT("goal_fulfilment/target_equals_baseline_skip.json", expected);
}

/* ---- The plugin's callbacks driven directly, without the core ----------
 * The mock host (mock_host.h) writes results into cJSON, so merge order
 * and save/load can be checked exactly: two states are equivalent when they
 * finish to the same JSON text. */

/* Region A of a/goals.csv in fixed point (× 10^4); NO = empty cell. */
#define NO INT64_MIN
#define X 10000
typedef struct row {
    const char *id;
    int64_t base, target, outcome;
    int assess;
    uint32_t area;
    int64_t weight;
} row;
static const jv_string area_names[] = {
    {"", 0}, {"competence", 10}, {"governance", 10}, {"leadership", 10}, {"processes", 9}};
static const jv_string assess_names[] = {{"will_meet", 9}, {"partly", 6}, {"will_not_meet", 13}};
static const row region_a[7] = {
    {"A1", 10 * X, 20 * X, 15 * X, -1, 1, 2 * X},
    {"A2", 100 * X, 50 * X, 40 * X, -1, 2, NO},
    {"A3", 0, 4 * X, 4 * X, -1, 1, X},
    {"A4", 5 * X, 8 * X, 5 * X, 2, 0, X},
    {"A5", 0, 10 * X, NO, 0, 2, 3 * X},
    {"A6", 0, 10 * X, NO, 1, 3, X},
    {"A7", 30 * X, 10 * X, 35 * X, -1, 4, X / 2},
};

/* Consumes rows [from, to) of region A, one batch, into state. */
static int feed(const jv_plugin *p, jv_ctx *ctx, void *state, size_t from, size_t to)
{
    enum { N = 7 };
    jv_string ids[N];
    int64_t base[N], target[N], outcome[N], weight[N];
    uint32_t assess[N], area[N];
    uint8_t no_outcome[N], no_assess[N], no_weight[N];
    uint64_t positions[N];
    size_t n = 0;
    for (size_t i = from; i < to; i++, n++) {
        const row *r = &region_a[i];
        ids[n] = (jv_string){r->id, (uint32_t)strlen(r->id)};
        base[n] = r->base;
        target[n] = r->target;
        outcome[n] = r->outcome == NO ? 0 : r->outcome;
        no_outcome[n] = r->outcome == NO;
        assess[n] = r->assess < 0 ? 0 : (uint32_t)r->assess;
        no_assess[n] = r->assess < 0;
        area[n] = r->area;
        weight[n] = r->weight == NO ? 0 : r->weight;
        no_weight[n] = r->weight == NO;
        positions[n] = 100 * (i + 1); /* byte offsets in file order */
    }
    const jv_dict areas = {.id = 1, .size = 5, .values = area_names},
                  assessments = {.id = 2, .size = 3, .values = assess_names};
    const jv_column columns[7] = {
        {.role = "goal_id", .type = JV_TYPE_ID, .present = 1, .ids = ids},
        pc_numbers("baseline", base, NULL),
        pc_numbers("target", target, NULL),
        pc_numbers("outcome", outcome, no_outcome),
        pc_codes("self_assessment", JV_TYPE_CATEGORY, assess, no_assess, &assessments),
        pc_codes("area", JV_TYPE_CATEGORY, area, NULL, &areas),
        pc_numbers("weight", weight, no_weight),
    };
    const jv_batch batch = {
        .table = 0, .n_rows = n, .n_columns = 7, .columns = columns, .positions = positions};
    return p->consume(ctx, state, &batch);
}

/* The result a state finishes to, as JSON text (free()). */
static char *finished(const jv_plugin *p, jv_ctx *ctx, const void *state, int scope)
{
    ctx->scope = scope;
    return mock_finish_text(p, ctx, state);
}

static void test_merge_of_chunks_is_order_free_and_keeps_file_order(void)
{
    jv_ctx ctx;
    const jv_plugin *p = mock_configure(&ctx, "{\"region_threshold\": 1.0}", 0);
    void *whole = p->init(&ctx), *first = p->init(&ctx), *second = p->init(&ctx);
    void *forward = p->init(&ctx), *backward = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, whole, 0, 7), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, first, 0, 3), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, second, 3, 7), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, forward, first), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, forward, second), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, backward, second), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, backward, first), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, second, first), 0); /* into a non-empty chunk */
    char *expected = finished(p, &ctx, whole, 0);
    /* A1 first, A7 last, as in the file: 4/11 met (see the top of this file) */
    CU_ASSERT_PTR_NOT_NULL(strstr(expected, "\"goal_id\":\"A1\""));
    CU_ASSERT(strstr(expected, "\"A1\"") < strstr(expected, "\"A7\""));
    void *states[3] = {forward, backward, second};
    for (int i = 0; i < 3; i++) {
        char *actual = finished(p, &ctx, states[i], 0);
        CU_ASSERT_STRING_EQUAL(actual, expected);
        free(actual);
    }
    free(expected);
    void *all[5] = {whole, first, second, forward, backward};
    mock_done(p, &ctx, all, 5);
}

static void test_saved_state_loads_and_pools_to_the_same_result(void)
{
    jv_ctx ctx;
    const jv_plugin *p = mock_configure(&ctx, "{\"region_threshold\": 1.0}", 0);
    void *region = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, region, 0, 7), 0);
    cJSON *saved = mock_save(p, &ctx, region);
    void *loaded = p->load(&ctx, (const jv_node *)saved);
    CU_ASSERT_PTR_NOT_NULL_FATAL(loaded);
    char *before = finished(p, &ctx, region, 0), *after = finished(p, &ctx, loaded, 0);
    CU_ASSERT_STRING_EQUAL(after, before);
    void *total_before = p->init(&ctx), *total_after = p->init(&ctx);
    CU_ASSERT_EQUAL(p->pool(&ctx, total_before, region), 0);
    CU_ASSERT_EQUAL(p->pool(&ctx, total_after, loaded), 0);
    char *pooled_before = finished(p, &ctx, total_before, JV_SCOPE_TOTAL);
    char *pooled_after = finished(p, &ctx, total_after, JV_SCOPE_TOTAL);
    CU_ASSERT_STRING_EQUAL(pooled_after, pooled_before);
    /* format 1 (no "format" key) is refused, saying what to do */
    cJSON_DeleteItemFromObject(saved, "format");
    CU_ASSERT_PTR_NULL(p->load(&ctx, (const jv_node *)saved));
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "saved state of goal_fulfilment has format 1; "
                                             "this jamvikt writes format 2: run `jamvikt run "
                                             "--save-state` again"));
    free(before), free(after), free(pooled_before), free(pooled_after);
    cJSON_Delete(saved);
    void *all[4] = {region, loaded, total_before, total_after};
    mock_done(p, &ctx, all, 4);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"progress_and_status_per_goal_in_file_order",
         test_progress_and_status_per_goal_in_file_order},
        {"region_counts_and_weighted_shares", test_region_counts_and_weighted_shares},
        {"areas_sorted_by_bytes_with_empty_area_first",
         test_areas_sorted_by_bytes_with_empty_area_first},
        {"fulfils_counts_unreported_will_meet_goals",
         test_fulfils_counts_unreported_will_meet_goals},
        {"fulfils_at_threshold_07_includes_exactly_07",
         test_fulfils_at_threshold_07_includes_exactly_07},
        {"region_without_goals_file_is_skipped", test_region_without_goals_file_is_skipped},
        {"region_with_zero_goals_has_null_shares_and_fulfils",
         test_region_with_zero_goals_has_null_shares_and_fulfils},
        {"total_pools_goals_of_all_regions", test_total_pools_goals_of_all_regions},
        {"total_counts_regions_whose_fulfils_is_not_null",
         test_total_counts_regions_whose_fulfils_is_not_null},
        {"headlines_are_share_met_and_share_regions_fulfilling",
         test_headlines_are_share_met_and_share_regions_fulfilling},
        {"region_threshold_defaults_to_one", test_region_threshold_defaults_to_one},
        {"target_equal_to_baseline_is_a_data_error", test_target_equal_to_baseline_is_a_data_error},
        {"target_equal_to_baseline_row_is_skipped_on_request",
         test_target_equal_to_baseline_row_is_skipped_on_request},
        {"merge_of_chunks_is_order_free_and_keeps_file_order",
         test_merge_of_chunks_is_order_free_and_keeps_file_order},
        {"saved_state_loads_and_pools_to_the_same_result",
         test_saved_state_loads_and_pools_to_the_same_result},
        {NULL, NULL},
    };
    return jvt_main("goal_fulfilment", tests);
}
