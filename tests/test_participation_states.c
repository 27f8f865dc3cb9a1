/* tests/test_participation_states.c — the participation plugin's callbacks
 * driven directly through a mock host (collectd's habit: a mock of the
 * registry), without the core: merge in any order, save/load, the groups
 * and families cells() declares, what finish() nulls for a suppressed cell,
 * and params.by. Two states are equivalent when they finish to the same
 * JSON text. The plugin's sources are compiled into this program.
 *
 * The rows are those of tests/data/participation/basic (see
 * test_participation.c for the hand-worked figures), with a breakdown
 * column `age`.
 */
#include "harness.h"
#include "mock_host.h"

#include <jamvikt/jamvikt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- rows and batches ---------------------------------------------------- */

typedef struct row {
    int gender;
    const char *arena, *type, *role;
    int64_t count; /* -1: empty cell */
    const char *age;
} row;

static const row basic[] = {
    {JV_WOMAN, "board", "decision", "Ordf\xc3\xb6rande", -1, "16-29"},
    {JV_MAN, "board", "decision", "member", -1, "30-64"},
    {JV_MAN, "board", "decision", "vice chair", -1, ""},
    {JV_WOMAN, "committee", "advisory", "member", 4, "30-64"},
    {JV_MAN, "committee", "advisory", "CHAIR", 1, "30-64"},
    {JV_WOMAN, "seminar", "learning", "speaker", -1, "16-29"},
    {JV_UNKNOWN, "council", "decision", "member", 2, ""},
    {JV_WOMAN, "forum", "advisory", "ORDF\xc3\x96RANDE", 1, "65+"},
    {JV_WOMAN, "forum", "advisory", "member", 1, "30-64"},
    {JV_MAN, "forum", "advisory", "member", 8, "30-64"},
    {JV_NON_BINARY, "forum", "advisory", "member", 1, "16-29"},
    {JV_MAN, "panel", "learning", "member", 0, "65+"},
};
#define N_BASIC (sizeof basic / sizeof basic[0])

/* One growing dictionary per category column, shared by every batch (a
 * reader's dictionary only grows: batch.h rule 5). */
typedef struct dict {
    jv_dict dict;
    jv_string values[32];
} dict;

static uint32_t code_of(dict *d, const char *value)
{
    for (uint32_t c = 0; c < d->dict.size; c++)
        if (strcmp(d->values[c].data, value) == 0)
            return c;
    d->values[d->dict.size] = (jv_string){value, (uint32_t)strlen(value)};
    d->dict.values = d->values;
    return d->dict.size++;
}

static dict dicts[4]; /* arena, type, role, age */

static void dicts_reset(void)
{
    memset(dicts, 0, sizeof dicts);
    for (int i = 0; i < 4; i++)
        dicts[i].dict.id = 1000 + (uint64_t)i;
}

/* Consumes rows [from, to) of `rows` as one batch: columns gender, arena,
 * arena_type, role, count, then age when with_age. */
static int feed(const jv_plugin *p, jv_ctx *ctx, void *state, const row *rows, size_t from,
                size_t to, int with_age)
{
    enum { N = 16 };
    uint32_t gender[N], arena[N], type[N], role[N], age[N];
    int64_t count[N];
    uint8_t no_count[N];
    uint64_t positions[N];
    size_t n = 0;
    for (size_t i = from; i < to; i++, n++) {
        gender[n] = (uint32_t)rows[i].gender;
        arena[n] = code_of(&dicts[0], rows[i].arena);
        type[n] = code_of(&dicts[1], rows[i].type);
        role[n] = code_of(&dicts[2], rows[i].role);
        age[n] = code_of(&dicts[3], rows[i].age);
        count[n] = rows[i].count < 0 ? 0 : rows[i].count;
        no_count[n] = rows[i].count < 0;
        positions[n] = 100 * (i + 1);
    }
    const jv_column columns[6] = {
        {.role = "gender", .type = JV_TYPE_GENDER, .present = 1, .codes = gender},
        {.role = "arena",
         .type = JV_TYPE_CATEGORY,
         .present = 1,
         .codes = arena,
         .dict = &dicts[0].dict},
        {.role = "arena_type",
         .type = JV_TYPE_CATEGORY,
         .present = 1,
         .codes = type,
         .dict = &dicts[1].dict},
        {.role = "role",
         .type = JV_TYPE_CATEGORY,
         .present = 1,
         .codes = role,
         .dict = &dicts[2].dict},
        {.role = "count",
         .type = JV_TYPE_INTEGER,
         .present = 1,
         .missing = no_count,
         .numbers = count},
        {.role = "age",
         .type = JV_TYPE_CATEGORY,
         .present = 1,
         .codes = age,
         .dict = &dicts[3].dict},
    };
    jv_batch batch = {.table = 0,
                      .n_rows = n,
                      .n_columns = with_age ? 6 : 5,
                      .columns = columns,
                      .positions = positions};
    return p->consume(ctx, state, &batch);
}

/* A configured indicator with params `params_json`; roles it adds are read
 * after the five static columns. */
static const jv_plugin *setup(jv_ctx *ctx, const char *params_json)
{
    dicts_reset();
    return mock_configure(ctx, params_json, 5);
}

#define BY_AGE "{\"by\": [\"age\"]}"

/* ---- tests ----------------------------------------------------------------- */

static void test_chunks_merged_in_either_order_equal_the_whole(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, BY_AGE);
    void *whole = p->init(&ctx), *a = p->init(&ctx), *b = p->init(&ctx);
    void *a2 = p->init(&ctx), *b2 = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, whole, basic, 0, N_BASIC, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, a, basic, 0, 5, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, b, basic, 5, N_BASIC, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, a2, basic, 0, 5, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, b2, basic, 5, N_BASIC, 1), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, a, b), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, b2, a2), 0);
    char *expected = mock_finish_text(p, &ctx, whole);
    char *ab = mock_finish_text(p, &ctx, a), *ba = mock_finish_text(p, &ctx, b2);
    CU_ASSERT_STRING_EQUAL(ab, expected);
    CU_ASSERT_STRING_EQUAL(ba, expected);
    /* the figures of test_participation.c "basic": w 8, m 11, nb 1, u 2 */
    cJSON *doc = cJSON_Parse(expected);
    CU_ASSERT_EQUAL(jvt_num(doc, "by_gender/woman/seats"), 8);
    CU_ASSERT_EQUAL(jvt_num(doc, "by_gender/man/seats"), 11);
    CU_ASSERT_EQUAL(jvt_num(doc, "total/seats"), 22);
    CU_ASSERT_EQUAL(jvt_num(doc, "chairs/by_gender/woman/seats"), 2);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(jvt_get(doc, "breakdowns/age")), 4);
    cJSON_Delete(doc);
    free(expected);
    free(ab);
    free(ba);
    void *states[] = {whole, a, b, a2, b2};
    for (int i = 0; i < 5; i++)
        p->destroy(&ctx, states[i]);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
}

static void test_saved_state_loads_and_pools_to_the_same_result(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, BY_AGE);
    void *whole = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, whole, basic, 0, N_BASIC, 1), 0);
    cJSON *saved = mock_save(p, &ctx, whole);
    void *loaded = p->load(&ctx, (const jv_node *)saved);
    CU_ASSERT_PTR_NOT_NULL_FATAL(loaded);
    char *expected = mock_finish_text(p, &ctx, whole), *actual = mock_finish_text(p, &ctx, loaded);
    CU_ASSERT_STRING_EQUAL(actual, expected);
    free(expected);
    free(actual);
    /* pooling the region twice doubles every count */
    void *total = p->init(&ctx);
    CU_ASSERT_EQUAL(p->pool(&ctx, total, whole), 0);
    CU_ASSERT_EQUAL(p->pool(&ctx, total, loaded), 0);
    char *text = mock_finish_text(p, &ctx, total);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT_EQUAL(jvt_num(doc, "by_gender/woman/seats"), 16);
    CU_ASSERT_EQUAL(jvt_num(doc, "arenas/0/by_gender/man/seats"), 4);
    CU_ASSERT_EQUAL(jvt_num(doc, "arena_types/0/by_gender/man/seats"), 18);
    CU_ASSERT_EQUAL(jvt_num(doc, "breakdowns/age/0/by_gender/unknown/seats"), 4);
    cJSON_Delete(doc);
    free(text);
    cJSON_Delete(saved);
    p->destroy(&ctx, whole);
    p->destroy(&ctx, loaded);
    p->destroy(&ctx, total);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
}

static char load_error[512]; /* what the last load_fails() load said */

/* Loads `saved` after `edit` changed it; returns whether load failed. */
static int load_fails(const char *edit_path, cJSON *replacement)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, BY_AGE);
    void *whole = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, whole, basic, 0, N_BASIC, 1), 0);
    cJSON *saved = mock_save(p, &ctx, whole);
    char parent_path[128];
    snprintf(parent_path, sizeof parent_path, "%s", edit_path);
    char *slash = strrchr(parent_path, '/');
    cJSON *parent = slash ? (*slash = '\0', jvt_get(saved, parent_path)) : saved;
    const char *last = slash ? slash + 1 : edit_path;
    if (cJSON_IsArray(parent))
        cJSON_ReplaceItemInArray(parent, atoi(last), replacement);
    else if (replacement != NULL)
        cJSON_ReplaceItemInObjectCaseSensitive(parent, last, replacement);
    else
        cJSON_DeleteItemFromObjectCaseSensitive(parent, last);
    void *loaded = p->load(&ctx, (const jv_node *)saved);
    int failed = loaded == NULL && ctx.error[0] != '\0';
    snprintf(load_error, sizeof load_error, "%s", ctx.error);
    if (loaded != NULL)
        p->destroy(&ctx, loaded);
    cJSON_Delete(saved);
    p->destroy(&ctx, whole);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
    return failed;
}

static void test_load_rejects_states_that_do_not_add_up(void)
{
    /* format 2: "tally" holds breakdowns age (0) and arena (1); arenas in
     * byte order board, committee, council, forum, panel, seminar; every
     * split is [[seats, chair_seats] x 5 genders] */
    /* an arena's seats changed: the arenas no longer sum to the split */
    CU_ASSERT(load_fails("tally/breakdowns/1/values/0/split/0/0", cJSON_CreateNumber(5)));
    CU_ASSERT(load_fails("tally/split/1/0", cJSON_CreateNumber(-1)));
    /* 100 chair seats of women, against 8 seats */
    CU_ASSERT(load_fails("tally/split/0/1", cJSON_CreateNumber(100)));
    /* saved with params.by ["sector"] */
    CU_ASSERT(load_fails("tally/breakdowns/0/name", cJSON_CreateString("sector")));
    CU_ASSERT(load_fails("format", cJSON_CreateNumber(3)));
    CU_ASSERT(load_fails("tally/breakdowns/1/values/0/value", cJSON_CreateNumber(1)));
    /* the arena_type flag says there is none, yet arenas carry types */
    CU_ASSERT(load_fails("arena_type_column", cJSON_CreateFalse()));
    /* a type for an arena without seats, and a second type for board */
    const char *nowhere[] = {"nowhere", "decision"}, *board[] = {"board", "advisory"};
    CU_ASSERT(load_fails("arena_types/0", cJSON_CreateStringArray(nowhere, 2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(load_error, "'nowhere'"));
    CU_ASSERT(load_fails("arena_types/1", cJSON_CreateStringArray(board, 2)));
    CU_ASSERT_PTR_NOT_NULL(strstr(load_error, "'board'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(load_error, "'decision'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(load_error, "'advisory'"));
}

static void test_load_refuses_format_1_saying_what_to_do(void)
{
    CU_ASSERT(load_fails("format", cJSON_CreateNumber(1)));
    CU_ASSERT_STRING_EQUAL(load_error, "saved state of participation has format 1; this "
                                       "jamvikt writes format 2: run `jamvikt run --save-state` "
                                       "again with this version");
}

static const row conflict[] = {
    {JV_WOMAN, "board", "decision", "member", -1, ""},
    {JV_MAN, "board", "advisory", "member", -1, ""},
};

static void test_merge_and_pool_find_an_arena_with_two_types(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, NULL);
    void *a = p->init(&ctx), *b = p->init(&ctx), *total = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, a, conflict, 0, 1, 0), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, b, conflict, 1, 2, 0), 0);
    CU_ASSERT_EQUAL(p->pool(&ctx, total, a), 0);
    CU_ASSERT_EQUAL(p->pool(&ctx, total, b), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "'board'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "'decision'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "'advisory'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "region"));
    ctx.error[0] = '\0';
    CU_ASSERT_EQUAL(p->merge(&ctx, a, b), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "'board'"));
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "'advisory'"));
    p->destroy(&ctx, a);
    p->destroy(&ctx, b);
    p->destroy(&ctx, total);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
}

static void test_row_with_a_second_type_is_an_error_or_skipped(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, NULL);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, conflict, 0, 2, 0), -1);
    CU_ASSERT_EQUAL(ctx.row_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "'board'"));
    p->destroy(&ctx, state);
    ctx.skip = 1;
    state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, conflict, 0, 2, 0), 0);
    char *text = mock_finish_text(p, &ctx, state);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT_EQUAL(jvt_num(doc, "arenas/0/by_gender/woman/seats"), 1);
    CU_ASSERT_EQUAL(jvt_num(doc, "arenas/0/by_gender/man/seats"), 0);
    CU_ASSERT_EQUAL(jvt_num(doc, "by_gender/man/seats"), 0);
    cJSON_Delete(doc);
    free(text);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
}

static void test_seats_past_int64_are_a_row_error(void)
{
    static const row big[] = {
        {JV_WOMAN, "board", "decision", "member", INT64_MAX, ""},
        {JV_MAN, "board", "decision", "member", 1, ""},
    };
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, NULL);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, big, 0, 2, 0), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "the sum of seats passes"));
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
}

/* Whether cells() declared `text`: "group KEY w m nb mx u" (the first
 * count of each gender) or "family MARGIN <- MEMBER ...". */
static int declared(cJSON *cells, const char *text)
{
    char line[512];
    cJSON *item;
    cJSON_ArrayForEach(item, jvt_get(cells, "groups")) {
        snprintf(line, sizeof line, "group %s %g %g %g %g %g", item->string, jvt_num(item, "0"),
                 jvt_num(item, "1"), jvt_num(item, "2"), jvt_num(item, "3"), jvt_num(item, "4"));
        if (strcmp(line, text) == 0)
            return 1;
    }
    cJSON_ArrayForEach(item, jvt_get(cells, "families")) {
        int used = snprintf(line, sizeof line, "family %s <-", jvt_str(item, "0"));
        for (int i = 1; i < cJSON_GetArraySize(item) && used < (int)sizeof line; i++)
            used += snprintf(line + used, sizeof line - (size_t)used, " %s",
                             cJSON_GetArrayItem(item, i)->valuestring);
        if (strcmp(line, text) == 0)
            return 1;
    }
    fprintf(stderr, "\nnot declared: %s\n", text);
    return 0;
}

static void test_cells_declare_the_groups_and_families(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, BY_AGE);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, basic, 0, N_BASIC, 1), 0);
    cJSON *cells = mock_cells(p, &ctx, state);
    /* age: "" = board man 1 + council unknown 2; 16-29 = board w 1, seminar
     * w 1, forum x 1; 30-64 = board m 1, committee w 4 m 1, forum w 1 m 8;
     * 65+ = forum w 1, panel m 0 */
    static const char *const expected[] = {
        "group split 8 11 1 0 2",
        "group arena/board 1 2 0 0 0",
        "group arena/panel 0 0 0 0 0",
        "family split <- arena/board arena/committee arena/council arena/forum arena/panel "
        "arena/seminar",
        "group arena_type/advisory 6 9 1 0 0",
        "group arena_type/decision 1 2 0 0 2",
        "group arena_type/learning 1 0 0 0 0",
        "family split <- arena_type/advisory arena_type/decision arena_type/learning",
        "family arena_type/advisory <- arena/committee arena/forum",
        "family arena_type/decision <- arena/board arena/council",
        "family arena_type/learning <- arena/panel arena/seminar",
        "group chairs 2 1 0 0 0",
        "group by/age/ 0 1 0 0 2",
        "group by/age/16-29 2 0 1 0 0",
        "group by/age/30-64 5 10 0 0 0",
        "group by/age/65+ 1 0 0 0 0",
        "family split <- by/age/ by/age/16-29 by/age/30-64 by/age/65+",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        CU_ASSERT(declared(cells, expected[i]));
    /* 1 + 6 arenas + 1 + 3 types + 1 + 3 + chairs + 4 ages + 1 */
    CU_ASSERT_EQUAL(cJSON_GetArraySize(jvt_get(cells, "groups")) +
                        cJSON_GetArraySize(jvt_get(cells, "families")),
                    21);
    cJSON_Delete(cells);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
}

static void test_finish_nulls_every_figure_of_a_suppressed_cell(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, NULL);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, basic, 0, N_BASIC, 0), 0);
    ctx.hidden = "chairs";
    ctx.hidden_gender = JV_WOMAN;
    char *text = mock_finish_text(p, &ctx, state);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT(cJSON_IsNull(jvt_get(doc, "chairs/by_gender/woman/seats")));
    CU_ASSERT(cJSON_IsTrue(jvt_get(doc, "chairs/by_gender/woman/suppressed")));
    CU_ASSERT_EQUAL(jvt_num(doc, "chairs/by_gender/man/seats"), 1);
    CU_ASSERT(cJSON_IsNull(jvt_get(doc, "chairs/women_share/seats")));
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(jvt_get(doc, "chairs/balance")), "no_data");
    CU_ASSERT(cJSON_IsNull(jvt_get(doc, "chairs/balance_certain")));
    CU_ASSERT(cJSON_IsNull(jvt_get(doc, "chairs/ci")));
    cJSON_Delete(doc);
    free(text);
    ctx.hidden = JV_MAIN_GROUP;
    ctx.hidden_gender = -1;
    text = mock_finish_text(p, &ctx, state);
    doc = cJSON_Parse(text);
    CU_ASSERT(cJSON_IsNull(jvt_get(doc, "total/seats")));
    CU_ASSERT(cJSON_IsTrue(jvt_get(doc, "total/suppressed")));
    CU_ASSERT(cJSON_IsNull(jvt_get(doc, "headline/value")));
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(jvt_get(doc, "headline/balance")), "no_data");
    /* arenas are classed from their own counts whatever is suppressed */
    CU_ASSERT_EQUAL(jvt_num(doc, "arenas_balanced_share"), 0.5);
    cJSON_Delete(doc);
    free(text);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);
}

static void test_params_by_reads_own_roles_and_rejects_bad_names(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, "{\"by\": [\"arena_type\"]}");
    CU_ASSERT_EQUAL(ctx.next_column, 5); /* no role added: column 2 is read */
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, basic, 0, N_BASIC, 0), 0);
    char *text = mock_finish_text(p, &ctx, state);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(jvt_get(doc, "breakdowns/arena_type")), 3);
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(jvt_get(doc, "breakdowns/arena_type/1/value")),
                           "decision");
    CU_ASSERT_EQUAL(jvt_num(doc, "breakdowns/arena_type/1/by_gender/unknown/seats"), 2);
    cJSON_Delete(doc);
    free(text);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
    mock_ctx_clear(&ctx);

    static const char *const bad[] = {"{\"by\": [\"gender\"]}", "{\"by\": [\"count\"]}",
                                      "{\"by\": [\"age\", \"age\"]}"};
    for (int i = 0; i < 3; i++) {
        mock_ctx_init(&ctx, bad[i]);
        ctx.next_column = 5;
        CU_ASSERT_EQUAL(p->configure(&ctx, &ctx.instance), -1);
        CU_ASSERT(ctx.error[0] != '\0');
        mock_ctx_clear(&ctx);
    }
}

int main(void)
{
    static const jvt_test tests[] = {
        {"chunks merged in either order equal the whole",
         test_chunks_merged_in_either_order_equal_the_whole},
        {"saved state loads and pools to the same result",
         test_saved_state_loads_and_pools_to_the_same_result},
        {"load rejects states that do not add up", test_load_rejects_states_that_do_not_add_up},
        {"load refuses format 1 saying what to do", test_load_refuses_format_1_saying_what_to_do},
        {"merge and pool find an arena with two types",
         test_merge_and_pool_find_an_arena_with_two_types},
        {"row with a second type is an error or skipped",
         test_row_with_a_second_type_is_an_error_or_skipped},
        {"seats past int64 are a row error", test_seats_past_int64_are_a_row_error},
        {"cells declare the groups and families", test_cells_declare_the_groups_and_families},
        {"finish nulls every figure of a suppressed cell",
         test_finish_nulls_every_figure_of_a_suppressed_cell},
        {"params.by reads own roles and rejects bad names",
         test_params_by_reads_own_roles_and_rejects_bad_names},
        {NULL, NULL},
    };
    return jvt_main("participation states", tests);
}
