/* tests/test_funding_share_state.c — funding_share's state driven directly
 * through a mock host (collectd's habit: a mock of the registry), without
 * the core: chunk merge is exact and order-free, save/load round-trips
 * exactly (also past 2^53), pool adds, sums that would overflow are data
 * errors, load() refuses states consume() could not have produced, and
 * cells() declares the groups and families of INDICATORS.md with
 * unambiguous keys. The whole-pipeline tests are in test_funding_share.c.
 *
 * Amounts are fixed point (× 10^4) as the core hands them over.
 */
#include "harness.h"
#include "mock_host.h"
#include "plugin_checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jamvikt/jamvikt.h>

/* ---- batches ------------------------------------------------------------ */

#define SEK(x) ((int64_t)(x)*10000)
#define NONE INT64_MIN /* an empty cell */
enum { MAX_ROWS = 8 };

typedef struct row {
    int gender;
    int64_t granted, applied;
    int decision;
    uint32_t sector;
} row;

typedef struct test_batch {
    uint32_t genders[MAX_ROWS], decisions[MAX_ROWS], sectors[MAX_ROWS];
    int64_t granted[MAX_ROWS], applied[MAX_ROWS];
    uint8_t applied_missing[MAX_ROWS], decision_missing[MAX_ROWS];
    uint64_t positions[MAX_ROWS];
    jv_string sector_values[8];
    jv_dict sector_dict, decision_dict;
    jv_column columns[5];
    jv_batch batch;
} test_batch;

static const jv_string decision_values[] = {{"granted", 7}, {"rejected", 8}};

/* A batch of rows whose sector codes index `sectors` (dictionary id `id`). */
static void make_batch(test_batch *t, uint64_t id, const char *const *sectors, size_t n_sectors,
                       const row *rows, size_t n)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < n_sectors; i++)
        t->sector_values[i] = (jv_string){sectors[i], (uint32_t)strlen(sectors[i])};
    t->sector_dict = (jv_dict){.id = id, .size = (uint32_t)n_sectors, .values = t->sector_values};
    t->decision_dict = (jv_dict){.id = 1000 + id, .size = 2, .values = decision_values};
    for (size_t i = 0; i < n; i++) {
        t->genders[i] = (uint32_t)rows[i].gender;
        t->granted[i] = rows[i].granted;
        t->applied_missing[i] = rows[i].applied == NONE;
        t->applied[i] = rows[i].applied == NONE ? 0 : rows[i].applied;
        t->decision_missing[i] = rows[i].decision < 0;
        t->decisions[i] = rows[i].decision < 0 ? 0 : (uint32_t)rows[i].decision;
        t->sectors[i] = rows[i].sector;
        t->positions[i] = i;
    }
    t->columns[0] = pc_codes("gender", JV_TYPE_GENDER, t->genders, NULL, NULL);
    t->columns[1] = pc_numbers("amount_granted", t->granted, NULL);
    t->columns[2] = pc_numbers("amount_applied", t->applied, t->applied_missing);
    t->columns[3] = pc_codes("decision", JV_TYPE_CATEGORY, t->decisions, t->decision_missing,
                             &t->decision_dict);
    t->columns[4] = pc_codes("sector", JV_TYPE_CATEGORY, t->sectors, NULL, &t->sector_dict);
    t->batch = (jv_batch){
        .table = 0, .n_rows = n, .n_columns = 5, .columns = t->columns, .positions = t->positions};
}

/* Configured with params.by = ["sector"]: the breakdown is read as the
 * fifth column, after the four static roles. */
static const jv_plugin *setup(jv_ctx *ctx)
{
    return mock_configure(ctx, "{\"by\": [\"sector\"]}", 4);
}

static cJSON *save(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    return mock_save(p, ctx, state);
}

static cJSON *finish(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    return mock_finish(p, ctx, state, state);
}

/* The end of a test: its documents deleted, then mock_done(). */
static void done(const jv_plugin *p, jv_ctx *ctx, cJSON *const *documents, size_t n_documents,
                 void *const *states, size_t n_states)
{
    for (size_t i = 0; i < n_documents; i++)
        cJSON_Delete(documents[i]);
    mock_done(p, ctx, states, n_states);
}

/* Chunk 1 (dictionary 1: ict, agri) and chunk 2 (dictionary 2: agri, "",
 * ict — other codes for the same values): */
static const char *const dict1[] = {"ict", "agri"};
static const row chunk1[] = {
    {0, SEK(100), SEK(200), 0, 0}, /* woman, granted, ict */
    {1, 0, SEK(50), 1, 1},         /* man, rejected, agri */
    {0, SEK(30), NONE, -1, 1},     /* woman, no decision, 30 > 0: granted, agri */
};
static const char *const dict2[] = {"agri", "", "ict"};
static const row chunk2[] = {
    {1, SEK(70), SEK(70), -1, 1}, /* man, granted, "" */
    {4, 0, SEK(10), -1, 2},       /* unknown, not granted, ict */
    {0, 0, SEK(20), -1, 0},       /* woman, not granted, agri */
};

static void *consume_chunks(const jv_plugin *p, jv_ctx *ctx, int first, int second)
{
    test_batch t;
    void *state = p->init(ctx);
    if (first) {
        make_batch(&t, 1, dict1, 2, chunk1, 3);
        CU_ASSERT(p->consume(ctx, state, &t.batch) == 0);
    }
    if (second) {
        make_batch(&t, 2, dict2, 3, chunk2, 3);
        CU_ASSERT(p->consume(ctx, state, &t.batch) == 0);
    }
    return state;
}

/* By hand: woman 3 rows, 2 granted, applied 200 + 20 = 220 (one empty),
 * granted 100 + 30 = 130; man 2, 1, 50 + 70 = 120, 70; unknown 1, 0, 10, 0;
 * 5 rows with amount_applied. Sectors in byte order "", agri, ict:
 *   ""   man 1, 1, 70, 70
 *   agri woman 2, 1, 20, 30; man 1, 0, 50, 0
 *   ict  woman 1, 1, 200, 100; unknown 1, 0, 10, 0 */
static void test_merge_of_chunks_equals_one_pass(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    void *a = consume_chunks(p, &ctx, 1, 0), *b = consume_chunks(p, &ctx, 0, 1);
    void *c = consume_chunks(p, &ctx, 0, 1), *d = consume_chunks(p, &ctx, 1, 0);
    void *one = consume_chunks(p, &ctx, 1, 1);
    CU_ASSERT(p->merge(&ctx, a, b) == 0); /* chunk 1 + chunk 2 */
    CU_ASSERT(p->merge(&ctx, c, d) == 0); /* chunk 2 + chunk 1 */
    cJSON *sa = save(p, &ctx, a), *sc = save(p, &ctx, c), *so = save(p, &ctx, one);
    CU_ASSERT(cJSON_Compare(sa, so, 1));
    CU_ASSERT(cJSON_Compare(sc, so, 1));
    /* tally/split/<gender>/<measure>, measures 0..4: applications,
     * granted, applied, granted money, applied_rows */
    static const pc_check one_pass[] = {
        PC_AT("tally/split/"),
        /* applied_rows: woman 2 (200, 20), man 2, unknown 1 */
        PC_EXACT("0/4", 2),
        PC_EXACT("1/4", 2),
        PC_EXACT("4/4", 1),
        /* woman 3 rows, 2 granted, 200 + 20, 100 + 30 */
        PC_EXACT("0/0", 3),
        PC_EXACT("0/1", 2),
        PC_EXACT("0/2", SEK(220)),
        PC_EXACT("0/3", SEK(130)),
        /* man 2 rows, 70 granted; unknown applied 10 */
        PC_EXACT("1/0", 2),
        PC_EXACT("1/3", SEK(70)),
        PC_EXACT("4/2", SEK(10)),
        /* sectors in byte order "", agri, ict */
        PC_AT("tally/breakdowns/0/values/"),
        PC_STR("0/value", ""),
        PC_STR("1/value", "agri"),
        PC_STR("2/value", "ict"),
        /* "": man 70 granted; agri: woman 2 rows, 30 granted; ict: unknown 1 */
        PC_EXACT("0/split/1/3", SEK(70)),
        PC_EXACT("1/split/0/0", 2),
        PC_EXACT("1/split/0/3", SEK(30)),
        PC_EXACT("2/split/4/0", 1),
    };
    PC_CHECK(so, one_pass);
    cJSON *fa = finish(p, &ctx, a), *fo = finish(p, &ctx, one);
    CU_ASSERT(cJSON_Compare(fa, fo, 1));
    done(p, &ctx, (cJSON *[]){fa, fo, sa, sc, so}, 5, (void *[]){a, b, c, d, one}, 5);
}

/* save → load → save gives the same document, and the loaded state
 * finishes and declares cells exactly as the original. */
static void test_saved_state_loads_back_exactly(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    void *state = consume_chunks(p, &ctx, 1, 1);
    cJSON *saved = save(p, &ctx, state);
    void *loaded = p->load(&ctx, (const jv_node *)saved);
    CU_ASSERT_PTR_NOT_NULL_FATAL(loaded);
    cJSON *again = save(p, &ctx, loaded);
    CU_ASSERT(cJSON_Compare(saved, again, 1));
    cJSON *f1 = finish(p, &ctx, state), *f2 = finish(p, &ctx, loaded);
    CU_ASSERT(cJSON_Compare(f1, f2, 1));
    jv_cells c1 = {cJSON_CreateObject(), cJSON_CreateArray()};
    jv_cells c2 = {cJSON_CreateObject(), cJSON_CreateArray()};
    CU_ASSERT(p->cells(&ctx, state, &c1) == 0);
    CU_ASSERT(p->cells(&ctx, loaded, &c2) == 0);
    CU_ASSERT(cJSON_Compare(c1.groups, c2.groups, 1));
    CU_ASSERT(cJSON_Compare(c1.families, c2.families, 1));
    cJSON *all[] = {saved, again, f1, f2, c1.groups, c1.families, c2.groups, c2.families};
    done(p, &ctx, all, sizeof all / sizeof all[0], (void *[]){state, loaded}, 2);
}

/* Sums beyond 2^53 are saved as digit strings and come back exact:
 * 2 × 900 000 000 000 SEK = 18·10^15 in fixed point, > 2^53 ≈ 9.007·10^15. */
static void test_large_sums_round_trip_exactly(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    static const char *const dict[] = {"x"};
    const row rows[] = {{0, SEK(900000000000), SEK(900000000001), 0, 0},
                        {0, SEK(900000000000), SEK(900000000001), 0, 0}};
    test_batch t;
    make_batch(&t, 7, dict, 1, rows, 2);
    void *state = p->init(&ctx);
    CU_ASSERT(p->consume(&ctx, state, &t.batch) == 0);
    cJSON *saved = save(p, &ctx, state);
    const char *digits = jvt_str(saved, "tally/split/0/3");
    CU_ASSERT(digits != NULL && strcmp(digits, "18000000000000000") == 0);
    void *loaded = p->load(&ctx, (const jv_node *)saved);
    CU_ASSERT_PTR_NOT_NULL_FATAL(loaded);
    cJSON *again = save(p, &ctx, loaded);
    CU_ASSERT(cJSON_Compare(saved, again, 1));
    done(p, &ctx, (cJSON *[]){saved, again}, 2, (void *[]){state, loaded}, 2);
}

/* Pool adds regions: chunk 1 as region 1 (saved and loaded, as a national
 * office would get it) and chunk 2 as region 2 give the one-pass counters. */
static void test_pool_adds_loaded_regions(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    void *r1 = consume_chunks(p, &ctx, 1, 0), *r2 = consume_chunks(p, &ctx, 0, 1);
    void *one = consume_chunks(p, &ctx, 1, 1);
    cJSON *s1 = save(p, &ctx, r1);
    void *loaded = p->load(&ctx, (const jv_node *)s1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(loaded);
    void *total = p->init(&ctx);
    CU_ASSERT(p->pool(&ctx, total, loaded) == 0);
    CU_ASSERT(p->pool(&ctx, total, r2) == 0);
    cJSON *st = save(p, &ctx, total), *so = save(p, &ctx, one);
    CU_ASSERT(cJSON_Compare(st, so, 1));
    done(p, &ctx, (cJSON *[]){s1, st, so}, 3, (void *[]){r1, r2, one, loaded, total}, 5);
}

/* A sum that would pass INT64_MAX is a data error on the amount's column;
 * skipped on request, the row is left out entirely. */
static void test_overflowing_sum_is_a_data_error(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    static const char *const dict[] = {"x"};
    const row rows[] = {{0, INT64_MAX / 2 + 1, 0, -1, 0}, {1, INT64_MAX / 2 + 1, 0, -1, 0}};
    test_batch t;
    make_batch(&t, 9, dict, 1, rows, 2);
    void *state = p->init(&ctx);
    CU_ASSERT(p->consume(&ctx, state, &t.batch) == -1);
    CU_ASSERT(ctx.error_column == 1); /* amount_granted */
    CU_ASSERT(strstr(ctx.error, "the sum of amount_granted passes") != NULL);
    p->destroy(&ctx, state);

    ctx.skip = 1;
    state = p->init(&ctx);
    CU_ASSERT(p->consume(&ctx, state, &t.batch) == 0);
    cJSON *saved = save(p, &ctx, state);
    CU_ASSERT(jvt_num(saved, "tally/split/0/0") == 1);
    CU_ASSERT(jvt_num(saved, "tally/split/1/0") == 0); /* the man's row was skipped */
    CU_ASSERT(jvt_num(saved, "tally/breakdowns/0/values/0/split/1/0") == 0);
    cJSON_Delete(saved);

    /* merging two states whose sums together overflow fails too */
    const row one_row[] = {{0, INT64_MAX / 2 + 1, 0, -1, 0}};
    make_batch(&t, 9, dict, 1, one_row, 1);
    void *other = p->init(&ctx);
    CU_ASSERT(p->consume(&ctx, other, &t.batch) == 0);
    CU_ASSERT(p->merge(&ctx, state, other) == -1);
    CU_ASSERT(strstr(ctx.error, "sum of amount_granted passes") != NULL);
    mock_done(p, &ctx, (void *[]){other, state}, 2);
}

/* load() refuses what consume() cannot produce. */
static void test_load_refuses_inconsistent_states(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    void *state = consume_chunks(p, &ctx, 1, 1);
    cJSON *saved = save(p, &ctx, state);
    static const char *const edits[] = {
        "tally/breakdowns/0/values/1/split/0/0", /* agri's women no longer add up */
        "tally/split/1/1",                       /* man granted 3 of 2 */
        "tally/breakdowns/0/name",               /* another breakdown column */
        "tally/split/1/4",                       /* man: 7 rows with applied of 2 */
        "format",                                /* format 7 */
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        cJSON *copy = cJSON_Duplicate(saved, 1);
        cJSON *item = jvt_get(copy, edits[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(item);
        if (cJSON_IsString(item))
            cJSON_SetValuestring(item, "programme");
        else
            cJSON_SetNumberValue(item, item->valuedouble + 5);
        ctx.error[0] = '\0';
        void *loaded = p->load(&ctx, (const jv_node *)copy);
        CU_ASSERT_PTR_NULL(loaded);
        CU_ASSERT(ctx.error[0] != '\0');
        if (loaded)
            p->destroy(&ctx, loaded);
        cJSON_Delete(copy);
    }
    /* cells whose sum passes INT64_MAX */
    cJSON *copy = cJSON_Duplicate(saved, 1);
    cJSON *big1 = jvt_get(copy, "tally/split/0/3"), *big2 = jvt_get(copy, "tally/split/1/3");
    cJSON_ReplaceItemViaPointer(jvt_get(copy, "tally/split/0"), big1,
                                cJSON_CreateString("9223372036854775807"));
    cJSON_ReplaceItemViaPointer(jvt_get(copy, "tally/split/1"), big2, cJSON_CreateString("1"));
    CU_ASSERT_PTR_NULL(p->load(&ctx, (const jv_node *)copy));
    cJSON_Delete(copy);
    cJSON_Delete(saved);
    mock_done(p, &ctx, &state, 1);
}

/* cells(): the main split and one group per value, with [applications,
 * granted] per category; one family per column, margin "split", members in
 * byte order. Keys escape '%' and '/': "a/b%" → "by/sector/a%2Fb%25", so
 * no value can pose as another column's. */
static void test_cells_declare_groups_and_families(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    static const char *const dict[] = {"ict", "a/b%", ""};
    const row rows[] = {{0, SEK(1), SEK(1), -1, 0},
                        {1, 0, SEK(1), 1, 1},
                        {3, SEK(2), NONE, -1, 2},
                        {0, 0, NONE, -1, 0}};
    test_batch t;
    make_batch(&t, 11, dict, 3, rows, 4);
    void *state = p->init(&ctx);
    CU_ASSERT(p->consume(&ctx, state, &t.batch) == 0);
    jv_cells cells = {cJSON_CreateObject(), cJSON_CreateArray()};
    CU_ASSERT(p->cells(&ctx, state, &cells) == 0);
    /* split: woman 2 applications, 1 granted; man 1, 0; mixed 1, 1 */
    cJSON *split = cJSON_GetObjectItemCaseSensitive(cells.groups, "split");
    CU_ASSERT(cJSON_GetArraySize(split) == 10);
    CU_ASSERT(jvt_num(split, "0") == 2 && jvt_num(split, "1") == 1);
    CU_ASSERT(jvt_num(split, "2") == 1 && jvt_num(split, "3") == 0);
    CU_ASSERT(jvt_num(split, "6") == 1 && jvt_num(split, "7") == 1);
    CU_ASSERT(cJSON_GetObjectItemCaseSensitive(cells.groups, "by/sector/") != NULL);
    CU_ASSERT(cJSON_GetObjectItemCaseSensitive(cells.groups, "by/sector/a%2Fb%25") != NULL);
    cJSON *ict = cJSON_GetObjectItemCaseSensitive(cells.groups, "by/sector/ict");
    CU_ASSERT(ict != NULL && jvt_num(ict, "0") == 2 && jvt_num(ict, "1") == 1);
    CU_ASSERT(cJSON_GetArraySize(cells.groups) == 4);
    CU_ASSERT(cJSON_GetArraySize(cells.families) == 1);
    const char *expected[] = {"split", "by/sector/", "by/sector/a%2Fb%25", "by/sector/ict"};
    cJSON *family = cJSON_GetArrayItem(cells.families, 0);
    CU_ASSERT_FATAL(cJSON_GetArraySize(family) == 4);
    for (int i = 0; i < 4; i++)
        CU_ASSERT(strcmp(cJSON_GetArrayItem(family, i)->valuestring, expected[i]) == 0);
    cJSON_Delete(cells.groups);
    cJSON_Delete(cells.families);
    mock_done(p, &ctx, &state, 1);
}

/* A dictionary that grows between batches (same id) keeps its codes: the
 * second batch's new value 2 is added, old codes still mean their values. */
static void test_growing_dictionary_keeps_codes(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    static const char *const grown[] = {"ict", "agri", "energy"};
    const row first[] = {{0, SEK(1), SEK(1), -1, 0}, {1, SEK(1), SEK(1), -1, 1}};
    const row second[] = {{0, SEK(1), SEK(1), -1, 2}, {0, SEK(1), SEK(1), -1, 0}};
    test_batch t;
    void *state = p->init(&ctx);
    make_batch(&t, 21, grown, 2, first, 2);
    CU_ASSERT(p->consume(&ctx, state, &t.batch) == 0);
    make_batch(&t, 21, grown, 3, second, 2);
    CU_ASSERT(p->consume(&ctx, state, &t.batch) == 0);
    cJSON *saved = save(p, &ctx, state);
    /* byte order: agri (man 1), energy (woman 1), ict (woman 2) */
    static const pc_check codes_kept[] = {
        PC_AT("tally/breakdowns/0/values/"),
        PC_EXACT("0/split/1/0", 1),
        PC_EXACT("1/split/0/0", 1),
        PC_EXACT("2/split/0/0", 2),
    };
    PC_CHECK(saved, codes_kept);
    cJSON_Delete(saved);
    mock_done(p, &ctx, &state, 1);
}

/* A state of format 1 (the hand-written counters before SDK 1.1) is refused
 * with what to do, and so is a document without a format. */
static void test_old_format_is_refused_with_what_to_do(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx);
    cJSON *old = cJSON_Parse("{\"format\": 1, \"applied_rows\": 0, \"split\": "
                             "[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]], "
                             "\"breakdowns\": [{\"column\": \"sector\", \"values\": []}]}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(old);
    CU_ASSERT_PTR_NULL(p->load(&ctx, (const jv_node *)old));
    CU_ASSERT_STRING_EQUAL(ctx.error,
                           "saved state of funding_share has format 1; this jamvikt writes "
                           "format 2: run `jamvikt run --save-state` again with this version");
    cJSON_DeleteItemFromObject(old, "format");
    ctx.error[0] = '\0';
    CU_ASSERT_PTR_NULL(p->load(&ctx, (const jv_node *)old));
    CU_ASSERT(strstr(ctx.error, "has no format number") != NULL);
    cJSON_Delete(old);
    mock_done(p, &ctx, NULL, 0);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"merge of chunks equals one pass", test_merge_of_chunks_equals_one_pass},
        {"saved state loads back exactly", test_saved_state_loads_back_exactly},
        {"large sums round-trip exactly", test_large_sums_round_trip_exactly},
        {"pool adds loaded regions", test_pool_adds_loaded_regions},
        {"overflowing sum is a data error", test_overflowing_sum_is_a_data_error},
        {"load refuses inconsistent states", test_load_refuses_inconsistent_states},
        {"old format is refused with what to do", test_old_format_is_refused_with_what_to_do},
        {"cells declare groups and families", test_cells_declare_groups_and_families},
        {"growing dictionary keeps codes", test_growing_dictionary_keeps_codes},
        {NULL, NULL}};
    return jvt_main("funding_share state", tests);
}
