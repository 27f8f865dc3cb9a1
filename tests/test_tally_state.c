/* tests/test_tally_state.c — a gender tally's saved state through the real
 * host (core/plugin/tally_save.c): save → load gives the same tally and the
 * same JSON, integers past 2^53 stay exact, an overlapping breakdown loads
 * without adding up (tally.h rule 8) but with every other check, and every
 * check of load() has its own crafted bad state and its own error message
 * naming the place. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "plugin/host_impl.h"
#include "plugin/json_io.h"
#include "plugin/tally_impl.h"
#include "tally_spec.h"

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

/* The same measures with two breakdowns: "sector" and "group", which
 * overlaps (tally.h rule 8). */
static const char *const group_names[] = {"sector", "group"};
static const jv_tally_spec group_spec = {.measures = measures,
                                         .n_measures = 3,
                                         .gender_column = 0,
                                         .overlapping = (const char *const[]){"group", NULL}};

/* Loads the "tally" object of `json` (with group_spec when `groups`);
 * NULL with ctx.error set on failure. */
static jv_tally *load_with(const char *json, int groups)
{
    ctx_reset();
    cJSON *doc = cJSON_Parse(json);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    const jv_node *node = (const jv_node *)cJSON_GetObjectItem(doc, "tally");
    jv_tally *t = groups
                      ? jv_host_table()->tally_load(&ctx, &group_spec, 2, group_names, NULL, node)
                      : jv_host_table()->tally_load(&ctx, &spec, 1, by_names, NULL, node);
    cJSON_Delete(doc);
    return t;
}

static jv_tally *load_text(const char *json) { return load_with(json, 0); }

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

static void test_the_good_state_loads(void)
{
    jv_tally *t = load_text(GOOD);
    CU_ASSERT_PTR_NOT_NULL(t);
    CU_ASSERT_PTR_NULL(ctx.error);
    jv_host_table()->tally_free(t);
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

/* States of group_spec: the sector values of GOOD, then the groups. The
 * good groups: X woman (2,1,150), Y woman (1,0,0) and man (1,0,0); woman
 * rows 2 + 1 = 3 and man rows 1 where the main split has 2 and 1: the
 * groups overlap, and load() must not ask them to add up. */
#define SECTOR "{\"name\":\"sector\",\"values\":[" VALUE_A "," VALUE_B "]}"
#define GROUP_X "{\"value\":\"X\",\"split\":[[2,1,150],[0,0,0]," Z3 "]}"
#define GROUP_Y "{\"value\":\"Y\",\"split\":[[1,0,0],[1,0,0]," Z3 "]}"
#define GROUPS(sector, values)                                                                     \
    STATE(MEASURES, SPLIT,                                                                         \
          "\"breakdowns\":[" sector ",{\"name\":\"group\",\"values\":[" values "]}]")

static void test_overlapping_values_need_not_add_up(void)
{
    const jv_host *h = jv_host_table();
    const char *json = GROUPS(SECTOR, GROUP_X "," GROUP_Y);
    jv_tally *t = load_with(json, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    CU_ASSERT_EQUAL(h->tally_size(t, 1), 2);
    CU_ASSERT_EQUAL(h->tally_cells(t, 1, 1)[0], 1);  /* Y woman rows */
    CU_ASSERT_EQUAL(h->tally_cells(t, 1, 1)[NM], 1); /* Y man rows */
    /* saved again, the same text (the breakdowns as written above) */
    char *text = save_text(t);
    CU_ASSERT_STRING_EQUAL(text, json);
    free(text);
    h->tally_free(t);
    /* the same groups under spec's one plain breakdown are refused */
    CU_ASSERT_PTR_NULL(load_text(json));
}

/* Every check of load() with its own crafted state and message: what the
 * state breaks, the state, and the error naming the place. A case whose
 * `what` starts with "group:" is a state of group_spec (an overlapping
 * breakdown is checked for all but adding up). */
typedef struct refusal {
    const char *what, *json, *message;
} refusal;

static const refusal refusals[] = {
    {"tally missing", "{}", "tally: missing"},
    {"measures missing", STATE("\"x\":1", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.measures: missing"},
    {"measures not a list", STATE("\"measures\":\"rows\"", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.measures: not a list of measure names"},
    {"a measure not a string",
     STATE("\"measures\":[\"rows\",1,\"amount\"]", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.measures[1]: not a string"},
    {"unknown measure",
     STATE("\"measures\":[\"rows\",\"granted\",\"amount\",\"seats\"]", SPLIT,
           BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.measures[3]: unknown measure 'seats'"},
    {"a measure twice",
     STATE("\"measures\":[\"rows\",\"rows\",\"amount\"]", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.measures[1]: measure 'rows' is listed twice"},
    {"a measure missing",
     STATE("\"measures\":[\"rows\",\"amount\"]", SPLIT, BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.measures: measure 'granted' is missing"},
    {"split not five rows",
     STATE(MEASURES, "\"split\":[[2,1,150],[1,0,0]]", BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.split: not a list of 5 gender rows"},
    {"split missing", STATE(MEASURES, "\"x\":0", BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.split: missing"},
    {"a row of the wrong length",
     STATE(MEASURES, "\"split\":[[2,1,150],[1,0]," Z3 "]", BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.split[1]: not a list of 3 counts"},
    {"not an integer",
     STATE(MEASURES, "\"split\":[[2,1,150.5],[1,0,0]," Z3 "]", BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.split[0][2]: not an integer"},
    {"a negative count",
     STATE(MEASURES, SPLIT,
           BREAKDOWNS(VALUE_A ",{\"value\":\"B\",\"split\":[[0,0,0],[1,0,-1]," Z3 "]}")),
     "tally.breakdowns[0].values[1].split[1][2]: a count may not be negative"},
    {"at_most broken",
     STATE(MEASURES, "\"split\":[[2,3,150],[1,0,0]," Z3 "]", BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.split[0]: granted (3) exceeds rows (2)"},
    /* woman amount INT64_MAX, man amount 1: the total passes INT64_MAX */
    {"a total past INT64_MAX",
     STATE(MEASURES, "\"split\":[[2,1,\"9223372036854775807\"],[1,0,1]," Z3 "]",
           BREAKDOWNS(VALUE_A "," VALUE_B)),
     "tally.split: the total of amount passes 9223372036854775807 (the largest "
     "exact sum)"},
    {"the number of breakdowns", STATE(MEASURES, SPLIT, "\"breakdowns\":[]"),
     "tally.breakdowns: 0 breakdowns where 1 were expected"},
    {"a breakdown's name",
     STATE(MEASURES, SPLIT,
           "\"breakdowns\":[{\"name\":\"region\",\"values\":[" VALUE_A "," VALUE_B "]}]"),
     "tally.breakdowns[0].name: 'region' where 'sector' was expected"},
    {"values missing", STATE(MEASURES, SPLIT, "\"breakdowns\":[{\"name\":\"sector\"}]"),
     "tally.breakdowns[0].values: missing"},
    {"a value not a string",
     STATE(MEASURES, SPLIT,
           BREAKDOWNS("{\"value\":1,\"split\":[[2,1,150],[0,0,0]," Z3 "]}," VALUE_B)),
     "tally.breakdowns[0].values[0].value: missing or not a string"},
    {"a value twice", STATE(MEASURES, SPLIT, BREAKDOWNS(VALUE_A "," VALUE_A)),
     "tally.breakdowns[0].values[1].value: 'A' is listed twice"},
    /* B holds man rows 2 where the main split has 1 */
    {"values that do not add up",
     STATE(MEASURES, SPLIT,
           BREAKDOWNS(VALUE_A ",{\"value\":\"B\",\"split\":[[0,0,0],[2,0,0]," Z3 "]}")),
     "tally.breakdowns[0]: the values of 'sector' do not add up to the main "
     "split (rows of man: 2 where the main split has 1)"},
    /* A's and B's woman amounts add past INT64_MAX */
    {"values summing past INT64_MAX",
     STATE(MEASURES, SPLIT,
           BREAKDOWNS("{\"value\":\"A\",\"split\":[[2,1,\"9223372036854775807\"],[0,0,0]," Z3
                      "]},{\"value\":\"B\",\"split\":[[0,0,1],[1,0,0]," Z3 "]}")),
     "tally.breakdowns[0]: the values of 'sector' do not add up to the main split (amount of "
     "woman: more than 9223372036854775807 where the main split has 150)"},
    {"group: a negative count",
     GROUPS(SECTOR, GROUP_X ",{\"value\":\"Y\",\"split\":[[1,0,-1],[0,0,0]," Z3 "]}"),
     "tally.breakdowns[1].values[1].split[0][2]: a count may not be negative"},
    {"group: at_most broken",
     GROUPS(SECTOR, "{\"value\":\"X\",\"split\":[[1,2,0],[0,0,0]," Z3 "]}"),
     "tally.breakdowns[1].values[0].split[0]: granted (2) exceeds rows (1)"},
    {"group: a value twice", GROUPS(SECTOR, GROUP_X "," GROUP_X),
     "tally.breakdowns[1].values[1].value: 'X' is listed twice"},
    {"group: not an integer",
     GROUPS(SECTOR, "{\"value\":\"X\",\"split\":[[1,0,\"a\"],[0,0,0]," Z3 "]}"),
     "tally.breakdowns[1].values[0].split[0][2]: not an integer"},
    {"group: its name", STATE(MEASURES, SPLIT, "\"breakdowns\":[" SECTOR "," SECTOR "]"),
     "tally.breakdowns[1].name: 'sector' where 'group' was expected"},
    /* beside an overlapping breakdown, sector must still add up: B holds
     * man rows 2 where the main split has 1 */
    {"group: sector still adds up",
     GROUPS("{\"name\":\"sector\",\"values\":[" VALUE_A
            ",{\"value\":\"B\",\"split\":[[0,0,0],[2,0,0]," Z3 "]}]}",
            GROUP_X),
     "tally.breakdowns[0]: the values of 'sector' do not add up to the main "
     "split (rows of man: 2 where the main split has 1)"},
};

static void test_load_refuses_what_counting_cannot_make(void)
{
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        jv_tally *t = load_with(refusals[i].json, g_str_has_prefix(refusals[i].what, "group:"));
        CU_ASSERT_PTR_NULL(t);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ctx.error);
        if (strcmp(ctx.error, refusals[i].message) != 0)
            fprintf(stderr, "\n  %s\n  got:  %s\n  want: %s\n", refusals[i].what, ctx.error,
                    refusals[i].message);
        CU_ASSERT_STRING_EQUAL(ctx.error, refusals[i].message);
        jv_host_table()->tally_free(t);
    }
}

int main(void)
{
    static const jvt_test tests[] = {
        {"save then load gives the same tally", test_save_then_load_gives_the_same_tally},
        {"the good state loads", test_the_good_state_loads},
        {"load: measures read by name", test_load_reads_measures_by_name},
        {"load: overlapping values need not add up", test_overlapping_values_need_not_add_up},
        {"load refuses what counting cannot make", test_load_refuses_what_counting_cannot_make},
        {NULL, NULL}};
    return jvt_main("tally_state", tests);
}
