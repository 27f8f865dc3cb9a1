/* tests/test_tally_state.c — a gender tally's saved state through the real
 * host (core/plugin/tally_save.c): save → load gives the same tally and the
 * same JSON, integers past 2^53 stay exact, and every check of load() has
 * its own crafted bad state and its own error message naming the place. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "plugin/host_impl.h"
#include "plugin/json_io.h"
#include "plugin/tally_impl.h"

static const jv_measure measures[] = {
    {.name = "rows", .column = -1, .flags = JV_MEASURE_PROTECTED},
    {.name = "granted", .column = 1, .flags = JV_MEASURE_PROTECTED, .at_most = "rows"},
    {.name = "amount", .column = 2},
};
static const jv_tally_spec spec = {.measures = measures, .n_measures = 3, .gender_column = 0};
static const char *const by_names[] = {"sector"};

static jv_options options;
static jv_ctx ctx;

static void ctx_reset(void)
{
    jv_ctx_clear_error(&ctx);
    jv_options_fill(&options, 0, 0.4, 0.6, 0.95);
    jv_ctx_init(&ctx, NULL, JV_SCOPE_TOTAL, "total", &options);
}

/* The tally saved as {"tally": ...}, printed without spaces. */
static char *save_text(const jv_tally *t)
{
    cJSON *root = cJSON_CreateObject();
    jv_writer w;
    jv_writer_init(&w, root);
    jv_host_table()->tally_save(&ctx, t, &w, "tally");
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

/* Loads the "tally" object of `json`; NULL with ctx.error set on failure. */
static jv_tally *load_text(const char *json)
{
    ctx_reset();
    cJSON *doc = cJSON_Parse(json);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    jv_tally *t = jv_host_table()->tally_load(&ctx, &spec, 1, by_names, NULL,
                                              (const jv_node *)cJSON_GetObjectItem(doc, "tally"));
    cJSON_Delete(doc);
    return t;
}

static void test_save_then_load_gives_the_same_tally(void)
{
    const jv_host *h = jv_host_table();
    ctx_reset();
    jv_tally *t = h->tally_new(&ctx, &spec, 1, by_names, NULL);
    /* woman B (1,1,2^60), man A (2,1,3), woman A (1,0,0): amounts past
     * 2^53 are written as strings of digits */
    const char *a[] = {"A"}, *b[] = {"B"};
    int64_t big[] = {1, 1, (int64_t)1 << 60}, x[] = {2, 1, 3}, y[] = {1, 0, 0};
    h->tally_add_keys(&ctx, t, b, JV_WOMAN, big);
    h->tally_add_keys(&ctx, t, a, JV_MAN, x);
    h->tally_add_keys(&ctx, t, a, JV_WOMAN, y);
    char *text = save_text(t);
    /* main woman (1+1, 1+0, 2^60 + 0), man (2,1,3); values A < B */
    CU_ASSERT_STRING_EQUAL(
        text, "{\"tally\":{\"measures\":[\"rows\",\"granted\",\"amount\"],"
              "\"split\":[[2,1,\"1152921504606846976\"],[2,1,3],[0,0,0],[0,0,0],[0,0,0]],"
              "\"breakdowns\":[{\"name\":\"sector\",\"values\":["
              "{\"value\":\"A\",\"split\":[[1,0,0],[2,1,3],[0,0,0],[0,0,0],[0,0,0]]},"
              "{\"value\":\"B\",\"split\":[[1,1,\"1152921504606846976\"],[0,0,0],[0,0,0],"
              "[0,0,0],[0,0,0]]}]}]}}");
    jv_tally *back = load_text(text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    char *again = save_text(back);
    CU_ASSERT_STRING_EQUAL(again, text);
    CU_ASSERT_EQUAL(h->tally_cells(back, 0, 1)[2], (int64_t)1 << 60);
    /* a loaded tally goes on counting: A gets woman (1,0,4) */
    int64_t z[] = {1, 0, 4};
    CU_ASSERT_EQUAL(h->tally_add_keys(&ctx, back, a, JV_WOMAN, z), 0);
    CU_ASSERT_EQUAL(h->tally_cells(back, 0, 0)[2], 4);
    CU_ASSERT_EQUAL(h->tally_size(back, 0), 2);
    free(text);
    free(again);
    h->tally_free(t);
    h->tally_free(back);
}

/* A state with the given measures, main split and sector values; the
 * good one is woman A (2,1,150) and man B (1,0,0). */
#define MEASURES "\"measures\":[\"rows\",\"granted\",\"amount\"]"
#define Z3 "[0,0,0],[0,0,0],[0,0,0]"
#define SPLIT "\"split\":[[2,1,150],[1,0,0]," Z3 "]"
#define VALUE_A "{\"value\":\"A\",\"split\":[[2,1,150],[0,0,0]," Z3 "]}"
#define VALUE_B "{\"value\":\"B\",\"split\":[[0,0,0],[1,0,0]," Z3 "]}"
#define BREAKDOWNS(values) "\"breakdowns\":[{\"name\":\"sector\",\"values\":[" values "]}]"
#define STATE(m, s, b) "{\"tally\":{" m "," s "," b "}}"
#define GOOD STATE(MEASURES, SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B))

static void expect_refused(const char *json, const char *message)
{
    jv_tally *t = load_text(json);
    CU_ASSERT_PTR_NULL(t);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ctx.error);
    if (strcmp(ctx.error, message) != 0)
        fprintf(stderr, "\n  got:  %s\n  want: %s\n", ctx.error, message);
    CU_ASSERT_STRING_EQUAL(ctx.error, message);
    jv_host_table()->tally_free(t);
}

static void test_the_good_state_loads(void)
{
    jv_tally *t = load_text(GOOD);
    CU_ASSERT_PTR_NOT_NULL(t);
    CU_ASSERT_PTR_NULL(ctx.error);
    jv_host_table()->tally_free(t);
}

static void test_load_missing_tally(void) { expect_refused("{}", "tally: missing"); }

static void test_load_measures_missing(void)
{
    expect_refused(STATE("\"x\":1", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
                   "tally.measures: missing");
}

static void test_load_measures_not_a_list(void)
{
    expect_refused(STATE("\"measures\":\"rows\"", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
                   "tally.measures: not a list of measure names");
}

static void test_load_measure_not_a_string(void)
{
    expect_refused(
        STATE("\"measures\":[\"rows\",1,\"amount\"]", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
        "tally.measures[1]: not a string");
}

static void test_load_unknown_measure(void)
{
    expect_refused(STATE("\"measures\":[\"rows\",\"granted\",\"amount\",\"seats\"]", SPLIT,
                         BREAKDOWNS(VALUE_A "," VALUE_B)),
                   "tally.measures[3]: unknown measure 'seats'");
}

static void test_load_measure_twice(void)
{
    expect_refused(STATE("\"measures\":[\"rows\",\"rows\",\"amount\"]", SPLIT,
                         BREAKDOWNS(VALUE_A "," VALUE_B)),
                   "tally.measures[1]: measure 'rows' is listed twice");
}

static void test_load_measure_missing(void)
{
    expect_refused(
        STATE("\"measures\":[\"rows\",\"amount\"]", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
        "tally.measures: measure 'granted' is missing");
}

/* Measures in another order are read by name: amount first. */
static void test_load_reads_measures_by_name(void)
{
    const jv_host *h = jv_host_table();
    jv_tally *t = load_text(STATE(
        "\"measures\":[\"amount\",\"rows\",\"granted\"]", "\"split\":[[150,2,1],[0,1,0]," Z3 "]",
        BREAKDOWNS("{\"value\":\"A\",\"split\":[[150,2,1],[0,1,0]," Z3 "]}")));
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    const int64_t *main = h->tally_cells(t, JV_TALLY_MAIN, 0);
    CU_ASSERT_EQUAL(main[0], 2);   /* woman rows */
    CU_ASSERT_EQUAL(main[1], 1);   /* woman granted */
    CU_ASSERT_EQUAL(main[2], 150); /* woman amount */
    CU_ASSERT_EQUAL(main[3], 1);   /* man rows */
    h->tally_free(t);
}

static void test_load_split_not_five_rows(void)
{
    expect_refused(
        STATE(MEASURES, "\"split\":[[2,1,150],[1,0,0]]", BREAKDOWNS(VALUE_A "," VALUE_B)),
        "tally.split: not a list of 5 gender rows");
}

static void test_load_split_missing(void)
{
    expect_refused(STATE(MEASURES, "\"x\":0", BREAKDOWNS(VALUE_A "," VALUE_B)),
                   "tally.split: missing");
}

static void test_load_row_of_wrong_length(void)
{
    expect_refused(
        STATE(MEASURES, "\"split\":[[2,1,150],[1,0]," Z3 "]", BREAKDOWNS(VALUE_A "," VALUE_B)),
        "tally.split[1]: not a list of 3 counts");
}

static void test_load_not_an_integer(void)
{
    expect_refused(
        STATE(MEASURES, "\"split\":[[2,1,150.5],[1,0,0]," Z3 "]", BREAKDOWNS(VALUE_A "," VALUE_B)),
        "tally.split[0][2]: not an integer");
}

static void test_load_negative_count(void)
{
    expect_refused(
        STATE(MEASURES, SPLIT,
              BREAKDOWNS(VALUE_A ",{\"value\":\"B\",\"split\":[[0,0,0],[1,0,-1]," Z3 "]}")),
        "tally.breakdowns[0].values[1].split[1][2]: a count may not be negative");
}

static void test_load_at_most_broken(void)
{
    expect_refused(
        STATE(MEASURES, "\"split\":[[2,3,150],[1,0,0]," Z3 "]", BREAKDOWNS(VALUE_A "," VALUE_B)),
        "tally.split[0]: granted (3) exceeds rows (2)");
}

static void test_load_total_past_int64_max(void)
{
    /* woman amount INT64_MAX, man amount 1: the total passes INT64_MAX */
    expect_refused(STATE(MEASURES, "\"split\":[[2,1,\"9223372036854775807\"],[1,0,1]," Z3 "]",
                         BREAKDOWNS(VALUE_A "," VALUE_B)),
                   "tally.split: the total of amount passes 9223372036854775807 (the largest "
                   "exact sum)");
}

static void test_load_breakdown_count(void)
{
    expect_refused(STATE(MEASURES, SPLIT, "\"breakdowns\":[]"),
                   "tally.breakdowns: 0 breakdowns where 1 were expected");
}

static void test_load_breakdown_name(void)
{
    expect_refused(STATE(MEASURES, SPLIT,
                         "\"breakdowns\":[{\"name\":\"region\",\"values\":[" VALUE_A "," VALUE_B
                         "]}]"),
                   "tally.breakdowns[0].name: 'region' where 'sector' was expected");
}

static void test_load_values_missing(void)
{
    expect_refused(STATE(MEASURES, SPLIT, "\"breakdowns\":[{\"name\":\"sector\"}]"),
                   "tally.breakdowns[0].values: missing");
}

static void test_load_value_not_a_string(void)
{
    expect_refused(STATE(MEASURES, SPLIT,
                         BREAKDOWNS("{\"value\":1,\"split\":[[2,1,150],[0,0,0]," Z3 "]}," VALUE_B)),
                   "tally.breakdowns[0].values[0].value: missing or not a string");
}

static void test_load_value_twice(void)
{
    expect_refused(STATE(MEASURES, SPLIT, BREAKDOWNS(VALUE_A "," VALUE_A)),
                   "tally.breakdowns[0].values[1].value: 'A' is listed twice");
}

static void test_load_values_do_not_add_up(void)
{
    /* B holds man rows 2 where the main split has 1 */
    expect_refused(
        STATE(MEASURES, SPLIT,
              BREAKDOWNS(VALUE_A ",{\"value\":\"B\",\"split\":[[0,0,0],[2,0,0]," Z3 "]}")),
        "tally.breakdowns[0]: the values of 'sector' do not add up to the main "
        "split (rows of man: 2 where the main split has 1)");
}

static void test_load_values_sum_past_int64_max(void)
{
    /* A's and B's woman amounts add past INT64_MAX */
    expect_refused(
        STATE(MEASURES, SPLIT,
              BREAKDOWNS("{\"value\":\"A\",\"split\":[[2,1,\"9223372036854775807\"],[0,0,0]," Z3
                         "]},{\"value\":\"B\",\"split\":[[0,0,1],[1,0,0]," Z3 "]}")),
        "tally.breakdowns[0]: the values of 'sector' do not add up to the main split (amount of "
        "woman: more than 9223372036854775807 where the main split has 150)");
}

static void cleanup(void) { jv_ctx_clear_error(&ctx); }

int main(void)
{
    static const jvt_test tests[] = {
        {"save then load gives the same tally", test_save_then_load_gives_the_same_tally},
        {"the good state loads", test_the_good_state_loads},
        {"load: tally missing", test_load_missing_tally},
        {"load: measures missing", test_load_measures_missing},
        {"load: measures not a list", test_load_measures_not_a_list},
        {"load: a measure not a string", test_load_measure_not_a_string},
        {"load: unknown measure", test_load_unknown_measure},
        {"load: a measure twice", test_load_measure_twice},
        {"load: a measure missing", test_load_measure_missing},
        {"load: measures read by name", test_load_reads_measures_by_name},
        {"load: split not five rows", test_load_split_not_five_rows},
        {"load: split missing", test_load_split_missing},
        {"load: a row of the wrong length", test_load_row_of_wrong_length},
        {"load: not an integer", test_load_not_an_integer},
        {"load: a negative count", test_load_negative_count},
        {"load: at_most broken", test_load_at_most_broken},
        {"load: a total past INT64_MAX", test_load_total_past_int64_max},
        {"load: the number of breakdowns", test_load_breakdown_count},
        {"load: a breakdown's name", test_load_breakdown_name},
        {"load: values missing", test_load_values_missing},
        {"load: a value not a string", test_load_value_not_a_string},
        {"load: a value twice", test_load_value_twice},
        {"load: values that do not add up", test_load_values_do_not_add_up},
        {"load: values summing past INT64_MAX", test_load_values_sum_past_int64_max},
        {NULL, NULL}};
    int status = jvt_main("tally_state", tests);
    cleanup();
    return status;
}
