/* tests/test_training_reach_states.c — the training_reach plugin's states
 * on their own (DESIGN.md "Data flow"; plugin.h merge/pool/save/load):
 * merge() joins chunk states exactly in any order, a saved and reloaded
 * region gives the same figures, pool and cells as the region itself, and
 * load() refuses bad input without crashing.
 *
 * The plugin's sources are linked in and driven through the mock host
 * (mock_host.h): results are built as cJSON trees and compared with each
 * other. What is tested here is that two ways of reaching a state agree,
 * not the numbers, which tests/test_training_reach.c checks by hand.
 */
#include "harness.h"
#include "mock_host.h"

#include <jamvikt/jamvikt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- test data: rows generated from a fixed seed --- */

#define N_ROWS 600
#define N_PERSONS 90

static const jv_string gender_values[] = {
    {"woman", 5}, {"man", 3}, {"non_binary", 10}, {"mixed", 5}, {"unknown", 7}};
static const jv_dict gender_dict = {.id = 1, .size = 5, .values = gender_values};
static const jv_string group_values[] = {
    {"politician", 10}, {"official", 8}, {"adviser", 7}, {"never_in_a_row", 14}};
static const jv_dict group_dict = {.id = 2, .size = 4, .values = group_values};

static char id_text[N_ROWS][16];
static jv_string ids[N_ROWS];
static uint32_t genders[N_ROWS], groups[N_ROWS];
static uint8_t group_missing[N_ROWS], completed[N_ROWS], completed_missing[N_ROWS];
static int64_t hours[N_ROWS];
static uint8_t hours_missing[N_ROWS];
static uint64_t positions[N_ROWS];

static void make_rows(void)
{
    uint32_t x = 12345;
    for (int i = 0; i < N_ROWS; i++) {
        x = x * 1103515245u + 12345u;
        int person = (int)((x >> 8) % N_PERSONS);
        snprintf(id_text[i], sizeof id_text[i], "person-%03d", person);
        ids[i].data = id_text[i];
        ids[i].length = (uint32_t)strlen(id_text[i]);
        /* mostly the person's own gender; some unknown rows, some rows
         * that disagree */
        uint32_t r = (x >> 4) % 10;
        genders[i] = r < 2    ? JV_UNKNOWN
                     : r == 2 ? (uint32_t)(person + 1) % 4
                              : (uint32_t)person % 5;
        groups[i] = (x >> 12) % 3; /* code 3 never appears in a row */
        group_missing[i] = (x >> 16) % 7 == 0;
        completed[i] = (x >> 18) % 4 != 0;
        completed_missing[i] = (x >> 20) % 5 == 0;
        hours[i] = (int64_t)((x >> 6) % 100000);
        hours_missing[i] = (x >> 22) % 6 == 0;
        positions[i] = 100 + (uint64_t)i * 37;
    }
}

/* A present column that may have missing cells; the caller points it at
 * its values. */
static jv_column optional_column(const char *role, jv_type type, const uint8_t *missing)
{
    return (jv_column){.role = role, .type = type, .present = 1, .missing = missing};
}

/* Rows [from, to) as a batch of the training table. */
static void training_batch(size_t from, size_t to, jv_column cols[5], jv_batch *b)
{
    memset(cols, 0, 5 * sizeof *cols);
    cols[0] = (jv_column){.role = "person", .type = JV_TYPE_ID, .present = 1, .ids = ids + from};
    cols[1] = (jv_column){.role = "gender",
                          .type = JV_TYPE_GENDER,
                          .present = 1,
                          .codes = genders + from,
                          .dict = &gender_dict};
    cols[2] = optional_column("target_group", JV_TYPE_CATEGORY, group_missing + from);
    cols[2].codes = groups + from;
    cols[2].dict = &group_dict;
    cols[3] = optional_column("completed", JV_TYPE_BOOLEAN, completed_missing + from);
    cols[3].booleans = completed + from;
    cols[4] = optional_column("hours", JV_TYPE_NUMBER, hours_missing + from);
    cols[4].numbers = hours + from;
    *b = (jv_batch){.table = 0,
                    .n_rows = to - from,
                    .n_columns = 5,
                    .columns = cols,
                    .positions = positions + from};
}

/* Population: politician and adviser, 40 of each known gender (a gender
 * reached without a population row would be a data error). */
static void population_batch(jv_column cols[3], jv_batch *b)
{
    static const uint32_t pg[] = {0, 0, 0, 0, 2, 2, 2, 2};
    static const uint32_t pgender[] = {JV_WOMAN, JV_MAN, JV_NON_BINARY, JV_MIXED,
                                       JV_WOMAN, JV_MAN, JV_NON_BINARY, JV_MIXED};
    static const int64_t size[] = {40, 35, 40, 40, 30, 40, 40, 40};
    static const uint64_t pos[] = {10, 20, 30, 40, 50, 60, 70, 80};
    cols[0] = (jv_column){.role = "target_group",
                          .type = JV_TYPE_CATEGORY,
                          .present = 1,
                          .codes = pg,
                          .dict = &group_dict};
    cols[1] = (jv_column){.role = "gender",
                          .type = JV_TYPE_GENDER,
                          .present = 1,
                          .codes = pgender,
                          .dict = &gender_dict};
    cols[2] = (jv_column){.role = "size", .type = JV_TYPE_INTEGER, .present = 1, .numbers = size};
    *b = (jv_batch){.table = 1, .n_rows = 8, .n_columns = 3, .columns = cols, .positions = pos};
}

static const jv_plugin *plugin;
static jv_ctx region_ctx, total_ctx;

static void setup(void)
{
    make_rows();
    plugin = jamvikt_plugin_entry(mock_host());
    mock_ctx_init(&region_ctx, "{\"completed_only\": true}");
    region_ctx.scope_name = "Gotland";
    mock_ctx_init(&total_ctx, "{\"completed_only\": true}");
    total_ctx.scope = JV_SCOPE_TOTAL;
    total_ctx.scope_name = "total";
    void *instance = NULL;
    plugin->configure(&region_ctx, &instance);
    region_ctx.instance = total_ctx.instance = instance;
}

static void *consume_rows(size_t from, size_t to, int with_population)
{
    void *s = plugin->init(&region_ctx);
    jv_column cols[5];
    jv_batch b;
    /* batches of 50 rows, as a reader would hand them */
    for (size_t i = from; i < to; i += 50) {
        training_batch(i, i + 50 < to ? i + 50 : to, cols, &b);
        CU_ASSERT_EQUAL(plugin->consume(&region_ctx, s, &b), 0);
    }
    if (with_population) {
        population_batch(cols, &b);
        CU_ASSERT_EQUAL(plugin->consume(&region_ctx, s, &b), 0);
    }
    return s;
}

/* The finished result with the cells declared under "cells". */
static cJSON *finish(jv_ctx *ctx, const void *state, const void *total)
{
    cJSON *doc = mock_finish(plugin, ctx, state, total);
    cJSON_AddItemToObject(doc, "cells", mock_cells(plugin, ctx, state));
    return doc;
}

/* The whole file in one state against three chunks merged in two orders:
 * the same result, cells included. */
static void test_merge_is_exact_in_any_order(void)
{
    void *whole = consume_rows(0, N_ROWS, 1);
    cJSON *expected = finish(&region_ctx, whole, whole);

    void *a = consume_rows(0, 170, 0), *b = consume_rows(170, 420, 1),
         *c = consume_rows(420, N_ROWS, 0);
    CU_ASSERT_EQUAL(plugin->merge(&region_ctx, c, b), 0);
    CU_ASSERT_EQUAL(plugin->merge(&region_ctx, c, a), 0);
    cJSON *backwards = finish(&region_ctx, c, c);
    CU_ASSERT(cJSON_Compare(expected, backwards, 1));

    void *d = consume_rows(0, 170, 0), *e = consume_rows(170, 420, 1),
         *f = consume_rows(420, N_ROWS, 0);
    CU_ASSERT_EQUAL(plugin->merge(&region_ctx, e, f), 0);
    CU_ASSERT_EQUAL(plugin->merge(&region_ctx, d, e), 0);
    cJSON *forwards = finish(&region_ctx, d, d);
    CU_ASSERT(cJSON_Compare(expected, forwards, 1));

    /* "never_in_a_row" is in the dictionary but in no row: not listed */
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(expected, "target_groups")), 3);

    cJSON_Delete(expected);
    cJSON_Delete(backwards);
    cJSON_Delete(forwards);
    void *states[] = {whole, a, b, c, d, e, f};
    for (size_t i = 0; i < 7; i++)
        plugin->destroy(&region_ctx, states[i]);
}

/* A person's first known gender wins whatever the merge order: rows at
 * positions 300 (woman) and 200 (man) in two chunks → man. */
static void test_first_known_gender_wins_in_any_merge_order(void)
{
    static const jv_string id[] = {{"x", 1}, {"x", 1}};
    static const uint32_t g1[] = {JV_UNKNOWN}, g2[] = {JV_WOMAN}, g3[] = {JV_MAN};
    static const uint64_t p1[] = {100}, p2[] = {300}, p3[] = {200};
    const uint32_t *gs[] = {g1, g2, g3};
    const uint64_t *ps[] = {p1, p2, p3};
    void *s[3];
    for (int k = 0; k < 3; k++) {
        jv_column cols[5] = {{.role = "person", .type = JV_TYPE_ID, .present = 1, .ids = id},
                             {.role = "gender",
                              .type = JV_TYPE_GENDER,
                              .present = 1,
                              .codes = gs[k],
                              .dict = &gender_dict},
                             {.role = "target_group", .type = JV_TYPE_CATEGORY},
                             {.role = "completed", .type = JV_TYPE_BOOLEAN},
                             {.role = "hours", .type = JV_TYPE_NUMBER}};
        jv_batch b = {.table = 0, .n_rows = 1, .n_columns = 5, .columns = cols, .positions = ps[k]};
        s[k] = plugin->init(&region_ctx);
        CU_ASSERT_EQUAL(plugin->consume(&region_ctx, s[k], &b), 0);
    }
    CU_ASSERT_EQUAL(plugin->merge(&region_ctx, s[1], s[0]), 0);
    CU_ASSERT_EQUAL(plugin->merge(&region_ctx, s[1], s[2]), 0);
    region_ctx.warnings = 0;
    cJSON *r = finish(&region_ctx, s[1], s[1]);
    JVT_NEAR(jvt_num(r, "by_gender/man/persons_reached"), 1);
    JVT_NEAR(jvt_num(r, "by_gender/man/participations"), 3);
    JVT_NEAR(jvt_num(r, "by_gender/woman/persons_reached"), 0);
    CU_ASSERT(jvt_is_null(r, "by_gender/man/hours")); /* no hours column */
    CU_ASSERT_EQUAL(region_ctx.warnings, 1);          /* woman vs man */
    cJSON_Delete(r);
    for (int k = 0; k < 3; k++)
        plugin->destroy(&region_ctx, s[k]);
}

static cJSON *save(const void *state) { return mock_save(plugin, &region_ctx, state); }

/* Saved (aggregates only) and loaded back: the same result and cells for
 * the region, and the same pooled total. */
static void test_saved_region_gives_the_same_results(void)
{
    void *region = consume_rows(0, N_ROWS, 1);
    cJSON *saved = save(region);
    char *text = cJSON_PrintUnformatted(saved);
    CU_ASSERT_PTR_NULL(strstr(text, "person-")); /* no identifier leaves */
    void *loaded = plugin->load(&region_ctx, (const jv_node *)saved);
    CU_ASSERT_PTR_NOT_NULL_FATAL(loaded);

    void *total1 = plugin->init(&total_ctx), *total2 = plugin->init(&total_ctx);
    CU_ASSERT_EQUAL(plugin->pool(&total_ctx, total1, region), 0);
    CU_ASSERT_EQUAL(plugin->pool(&total_ctx, total2, loaded), 0);
    cJSON *r1 = finish(&region_ctx, region, total1), *r2 = finish(&region_ctx, loaded, total2);
    CU_ASSERT(cJSON_Compare(r1, r2, 1));
    cJSON *t1 = finish(&total_ctx, total1, total1), *t2 = finish(&total_ctx, total2, total2);
    CU_ASSERT(cJSON_Compare(t1, t2, 1));
    CU_ASSERT(cJSON_Compare(r1, t1, 1)); /* one region: the total is the region */
    cJSON *resaved = save(loaded);
    CU_ASSERT(cJSON_Compare(saved, resaved, 1));

    cJSON *docs[] = {saved, r1, r2, t1, t2, resaved};
    for (size_t i = 0; i < 6; i++)
        cJSON_Delete(docs[i]);
    free(text);
    void *states[] = {region, loaded, total1, total2};
    for (size_t i = 0; i < 4; i++)
        plugin->destroy(&region_ctx, states[i]);
}

/* A format-3 state (training_reach.c): one tally whose main split is
 * `split` and whose overlapping target group "a" is `group` (a group need
 * not add up to the main split). Z: a gender's seven zero measures. */
#define Z "[0,0,0,0,0,0,0]"
#define STATE(split, group)                                                                        \
    "{\"format\": 3, \"region\": null, \"hours_present\": true,"                                   \
    " \"tally\": {\"measures\": [\"persons_reached\", \"participations\", \"hours\","              \
    " \"disagreeing\", \"covered\", \"population\", \"population_rows\"], \"split\": [" split      \
    "], \"breakdowns\": [{\"name\": \"target_group\", \"values\": [{\"value\": \"a\","             \
    " \"split\": [" group "]}]}]}}"
#define ZEROS Z "," Z "," Z "," Z "," Z

/* The message for a state of an older format: what to do. */
#define OLD_FORMAT(n)                                                                              \
    "saved state of training_reach has format " n "; this jamvikt writes format 3: run "           \
    "`jamvikt run --save-state` again with this version"

/* Bad saved states are refused with a message, never a crash. States of format 1 (hand-written counters, before SDK 1.1) and format 2
 * (two tallies, before overlapping breakdowns) are refused with what to
 * do, not read as garbage. */
typedef struct saved_case {
    const char *json;  /* a saved state */
    const char *error; /* what load() must say ("": anything; NULL: loads) */
} saved_case;

static void test_load_refuses_bad_saved_states(void)
{
    static const saved_case states[] = {
        {"{}", ""},
        {"{\"format\": 3}", ""},
        {"{\"format\": \"3\"}", ""},
        /* sound: the bad ones below differ from it in one place */
        {STATE(ZEROS, ZEROS), NULL},
        /* a count below 0 */
        {STATE("[0,0,0,-1,0,0,0]," Z "," Z "," Z "," Z, ZEROS), ""},
        /* woman: 1 person reached with 0 participations */
        {STATE("[1,0,0,0,0,0,0]," Z "," Z "," Z "," Z, ZEROS), ""},
        /* woman: 1 covered of 0 reached in group a */
        {STATE(ZEROS, "[0,0,0,0,1,0,0]," Z "," Z "," Z "," Z), ""},
        /* woman: group a reached 1 person (of 1 participation), the split
         * none */
        {STATE(ZEROS, "[1,1,0,0,0,0,0]," Z "," Z "," Z "," Z), ""},
        /* hours_present not a boolean */
        {"{\"format\": 3, \"hours_present\": 1}", ""},
        {"{\"format\": 1, \"hours_present\": true, \"disagreeing\": 0,"
         " \"persons_reached\": [0,0,0,0,0], \"participations\": [0,0,0,0,0],"
         " \"hours\": [0,0,0,0,0], \"target_groups\": []}",
         OLD_FORMAT("1")},
        {"{\"format\": 2, \"region\": null, \"hours_present\": true, \"split\": {},"
         " \"target_groups\": {}}",
         OLD_FORMAT("2")},
    };
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++) {
        cJSON *doc = cJSON_Parse(states[i].json);
        CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
        region_ctx.error[0] = '\0';
        void *s = plugin->load(&region_ctx, (const jv_node *)doc);
        if (states[i].error == NULL) {
            CU_ASSERT_PTR_NOT_NULL(s);
        } else {
            CU_ASSERT_PTR_NULL(s);
            CU_ASSERT(region_ctx.error[0] != '\0');
            if (states[i].error[0] != '\0')
                CU_ASSERT_STRING_EQUAL(region_ctx.error, states[i].error);
        }
        if (s != NULL)
            plugin->destroy(&region_ctx, s);
        cJSON_Delete(doc);
    }
}

int main(void)
{
    static const jvt_test tests[] = {
        {"merge is exact in any order", test_merge_is_exact_in_any_order},
        {"the first known gender wins in any merge order",
         test_first_known_gender_wins_in_any_merge_order},
        {"a saved region gives the same results", test_saved_region_gives_the_same_results},
        {"load refuses bad saved states", test_load_refuses_bad_saved_states},
        {NULL, NULL},
    };
    setup();
    int rc = jvt_main("training_reach states", tests);
    plugin->release(&region_ctx, region_ctx.instance);
    mock_ctx_clear(&region_ctx);
    mock_ctx_clear(&total_ctx);
    return rc;
}
