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

#include <jamvikt/jamvikt.h>
#include <stdarg.h>

#include "plugin/tally_impl.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct jv_ctx {
    void *instance;
    const char *const *by;
    size_t n_by;
    int next_column;      /* add_role's next column index */
    int skip;             /* row_error's answer */
    int row_errors;
    const char *hidden;   /* suppressed(): this key ... */
    int hidden_gender;    /* ... and this gender (-1: every cell and total) */
    cJSON *cells;         /* what cells() declared, as strings */
    char error[512];
};
struct jv_writer { cJSON *stack[16]; int depth; };

static void *mock_alloc0(size_t size) { return calloc(1, size ? size : 1); }
static char *mock_strdup(const char *s) { return strdup(s); }
static void *mock_instance(jv_ctx *ctx) { return ctx->instance; }
static size_t mock_list_size(jv_ctx *ctx, const char *name) { return ctx->n_by; }
static const char *mock_list_item(jv_ctx *ctx, const char *name, size_t i) { return ctx->by[i]; }
static int mock_add_role(jv_ctx *ctx, size_t table, const char *name, jv_type type, unsigned flags)
{
    return ctx->next_column++;
}
static void mock_error(jv_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->error, sizeof ctx->error, fmt, ap);
    va_end(ap);
}
static int mock_row_error(jv_ctx *ctx, const jv_batch *batch, size_t row, size_t column,
                          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->error, sizeof ctx->error, fmt, ap);
    va_end(ap);
    ctx->row_errors++;
    return ctx->skip;
}
static double mock_share(double w, double m) { return w + m > 0 ? w / (w + m) : NAN; }
static void mock_wilson(jv_ctx *ctx, int64_t k, int64_t n, double ci[2])
{
    const double z = 1.959963984540054;
    if (n == 0) {
        ci[0] = ci[1] = NAN;
        return;
    }
    double p = (double)k / (double)n, d = 1 + z * z / (double)n;
    double centre = (p + z * z / (2.0 * (double)n)) / d;
    double half = z * sqrt(p * (1 - p) / (double)n + z * z / (4.0 * (double)n * (double)n)) / d;
    ci[0] = centre - half;
    ci[1] = centre + half;
}
static jv_balance mock_balance(jv_ctx *ctx, double s)
{
    return isnan(s) ? JV_BALANCE_NO_DATA
           : s < 0.4 ? JV_BALANCE_MEN_DOMINATED
           : s > 0.6 ? JV_BALANCE_WOMEN_DOMINATED
                     : JV_BALANCE_BALANCED;
}
static int mock_certain(jv_ctx *ctx, jv_balance cls, int64_t k, int64_t n)
{
    return cls == JV_BALANCE_NO_DATA || n == 0 ? -1 : 0;
}
static const char *balance_names[] = {NULL, "no_data", "men_dominated", "balanced",
                                      "women_dominated"};
static const char *mock_balance_name(jv_balance cls) { return balance_names[cls]; }
static const char *mock_gender_name(int g)
{
    static const char *names[] = {"woman", "man", "non_binary", "mixed", "unknown", "total"};
    return names[g];
}
static jv_ctx *cells_ctx; /* the ctx whose cells() is running */
static void mock_add_group(jv_cells *cells, const char *key, size_t n, const int64_t *c)
{
    char text[256];
    snprintf(text, sizeof text, "group %s %lld %lld %lld %lld %lld", key, (long long)c[0],
             (long long)c[1], (long long)c[2], (long long)c[3], (long long)c[4]);
    cJSON_AddItemToArray(cells_ctx->cells, cJSON_CreateString(text));
}
static void mock_add_family(jv_cells *cells, const char *margin, const char *const *members,
                            size_t n)
{
    char text[512];
    int used = snprintf(text, sizeof text, "family %s <-", margin);
    for (size_t i = 0; i < n && used < (int)sizeof text; i++)
        used += snprintf(text + used, sizeof text - (size_t)used, " %s", members[i]);
    cJSON_AddItemToArray(cells_ctx->cells, cJSON_CreateString(text));
}
static int mock_suppressed(jv_ctx *ctx, const char *key, int g)
{
    return ctx->hidden != NULL && strcmp(ctx->hidden, key) == 0 &&
           (ctx->hidden_gender < 0 || ctx->hidden_gender == g);
}
static void put(jv_writer *w, const char *key, cJSON *item)
{
    cJSON *top = w->stack[w->depth];
    if (cJSON_IsArray(top))
        cJSON_AddItemToArray(top, item);
    else
        cJSON_AddItemToObject(top, key, item);
}
static void open_container(jv_writer *w, const char *key, cJSON *item)
{
    put(w, key, item);
    w->stack[++w->depth] = item;
}
static void mock_begin_object(jv_writer *w, const char *key) { open_container(w, key, cJSON_CreateObject()); }
static void mock_begin_array(jv_writer *w, const char *key) { open_container(w, key, cJSON_CreateArray()); }
static void mock_end(jv_writer *w) { w->depth--; }
static void mock_put_number(jv_writer *w, const char *key, double v)
{
    put(w, key, isfinite(v) ? cJSON_CreateNumber(v) : cJSON_CreateNull());
}
static void mock_put_integer(jv_writer *w, const char *key, int64_t v) { put(w, key, cJSON_CreateNumber((double)v)); }
static void mock_put_string(jv_writer *w, const char *key, const char *v) { put(w, key, cJSON_CreateString(v)); }
static void mock_put_bool(jv_writer *w, const char *key, int v) { put(w, key, cJSON_CreateBool(v)); }
static void mock_put_null(jv_writer *w, const char *key) { put(w, key, cJSON_CreateNull()); }
static void mock_put_tristate(jv_writer *w, const char *key, int v)
{
    put(w, key, v < 0 ? cJSON_CreateNull() : cJSON_CreateBool(v));
}
static void mock_put_balance(jv_writer *w, const char *key, jv_balance cls)
{
    put(w, key, cls == JV_BALANCE_NONE ? cJSON_CreateNull() : cJSON_CreateString(balance_names[cls]));
}
static void mock_put_interval(jv_writer *w, const char *key, const double ci[2])
{
    if (isnan(ci[0]) || isnan(ci[1])) {
        mock_put_null(w, key);
        return;
    }
    double pair[2] = {ci[0], ci[1]};
    put(w, key, cJSON_CreateDoubleArray(pair, 2));
}
static void mock_put_headline(jv_writer *w, const jv_headline *h)
{
    mock_begin_object(w, "headline");
    mock_put_string(w, "metric", h->metric);
    mock_put_number(w, "value", h->value);
    mock_put_balance(w, "balance", h->balance);
    mock_end(w);
}
static const jv_node *mock_node_get(const jv_node *n, const char *key)
{
    return (const jv_node *)cJSON_GetObjectItemCaseSensitive((const cJSON *)n, key);
}
static size_t mock_node_size(const jv_node *n)
{
    return cJSON_IsArray((const cJSON *)n) ? (size_t)cJSON_GetArraySize((const cJSON *)n) : 0;
}
static const jv_node *mock_node_at(const jv_node *n, size_t i)
{
    return (const jv_node *)cJSON_GetArrayItem((const cJSON *)n, (int)i);
}
static int mock_node_integer(const jv_node *n, int64_t *out)
{
    const cJSON *j = (const cJSON *)n;
    if (!cJSON_IsNumber(j) || j->valuedouble != (double)(int64_t)j->valuedouble)
        return -1;
    *out = (int64_t)j->valuedouble;
    return 0;
}
static const char *mock_node_string(const jv_node *n)
{
    return cJSON_IsString((const cJSON *)n) ? ((const cJSON *)n)->valuestring : NULL;
}
static int mock_node_bool(const jv_node *n)
{
    return cJSON_IsBool((const cJSON *)n) ? cJSON_IsTrue((const cJSON *)n) : -1;
}

static jv_host mock_host = {
    .abi_major = JV_ABI_MAJOR, .abi_minor = JV_ABI_MINOR, .struct_size = sizeof(jv_host),
    .alloc0 = mock_alloc0, .realloc = realloc, .free = free, .strdup = mock_strdup,
    .instance = mock_instance, .param_list_size = mock_list_size,
    .param_list_item = mock_list_item, .add_role = mock_add_role,
    .error = mock_error, .row_error = mock_row_error,
    .women_share = mock_share, .wilson = mock_wilson, .balance = mock_balance,
    .balance_certain = mock_certain, .balance_name = mock_balance_name,
    .gender_name = mock_gender_name, .add_group = mock_add_group,
    .add_family = mock_add_family, .suppressed = mock_suppressed,
    .begin_object = mock_begin_object, .end_object = mock_end,
    .begin_array = mock_begin_array, .end_array = mock_end,
    .put_number = mock_put_number, .put_integer = mock_put_integer,
    .put_string = mock_put_string, .put_bool = mock_put_bool, .put_null = mock_put_null,
    .put_interval = mock_put_interval, .put_balance = mock_put_balance,
    .put_tristate = mock_put_tristate, .put_headline = mock_put_headline,
    .node_get = mock_node_get, .node_size = mock_node_size, .node_at = mock_node_at,
    .node_integer = mock_node_integer, .node_string = mock_node_string,
    .node_bool = mock_node_bool,
};

/* SDK 1.1: the core's tallies and maps, reporting through this table. */
static jv_tally *mock_tally_new(jv_ctx *ctx, const jv_tally_spec *spec, size_t n,
                                const char *const *names, const int *columns)
{
    return jv_tally_new(&mock_host, ctx, spec, n, names, columns);
}
static jv_tally *mock_tally_load(jv_ctx *ctx, const jv_tally_spec *spec, size_t n,
                                 const char *const *names, const int *columns, const jv_node *node)
{
    return jv_tally_load(&mock_host, ctx, spec, n, names, columns, node);
}

const jv_plugin *jamvikt_plugin_entry(const jv_host *host);

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
typedef struct dict { jv_dict dict; jv_string values[32]; } dict;

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
        {.role = "arena", .type = JV_TYPE_CATEGORY, .present = 1, .codes = arena,
         .dict = &dicts[0].dict},
        {.role = "arena_type", .type = JV_TYPE_CATEGORY, .present = 1, .codes = type,
         .dict = &dicts[1].dict},
        {.role = "role", .type = JV_TYPE_CATEGORY, .present = 1, .codes = role,
         .dict = &dicts[2].dict},
        {.role = "count", .type = JV_TYPE_INTEGER, .present = 1, .missing = no_count,
         .numbers = count},
        {.role = "age", .type = JV_TYPE_CATEGORY, .present = 1, .codes = age,
         .dict = &dicts[3].dict},
    };
    jv_batch batch = {0, n, with_age ? 6 : 5, columns, positions, NULL};
    return p->consume(ctx, state, &batch);
}

/* A configured indicator with params.by = by. */
static const jv_plugin *setup(jv_ctx *ctx, const char *const *by, size_t n_by)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->by = by;
    ctx->n_by = n_by;
    ctx->next_column = 5;
    dicts_reset();
    jv_host_fill_tally(&mock_host);
    mock_host.tally_new = mock_tally_new;
    mock_host.tally_load = mock_tally_load;
    const jv_plugin *p = jamvikt_plugin_entry(&mock_host);
    CU_ASSERT_EQUAL_FATAL(p->configure(ctx, &ctx->instance), 0);
    return p;
}

/* The finished result of a state as JSON text (free()). */
static char *finish_text(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    cJSON *root = cJSON_CreateObject();
    jv_writer w = {{root}, 0};
    CU_ASSERT_EQUAL(p->finish(ctx, state, state, &w), 0);
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

static const char *const by_age[] = {"age"};

/* The value at a slash-separated path of object keys and array indices. */
static cJSON *get(cJSON *doc, const char *path)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", path);
    cJSON *node = doc;
    for (char *save = NULL, *part = strtok_r(copy, "/", &save); part != NULL && node != NULL;
         part = strtok_r(NULL, "/", &save))
        node = cJSON_IsArray(node) ? cJSON_GetArrayItem(node, atoi(part))
                                   : cJSON_GetObjectItemCaseSensitive(node, part);
    return node;
}

static double num(cJSON *doc, const char *path)
{
    cJSON *node = get(doc, path);
    return cJSON_IsNumber(node) ? node->valuedouble : NAN;
}

/* ---- tests ----------------------------------------------------------------- */

static void test_chunks_merged_in_either_order_equal_the_whole(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, by_age, 1);
    void *whole = p->init(&ctx), *a = p->init(&ctx), *b = p->init(&ctx);
    void *a2 = p->init(&ctx), *b2 = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, whole, basic, 0, N_BASIC, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, a, basic, 0, 5, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, b, basic, 5, N_BASIC, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, a2, basic, 0, 5, 1), 0);
    CU_ASSERT_EQUAL(feed(p, &ctx, b2, basic, 5, N_BASIC, 1), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, a, b), 0);
    CU_ASSERT_EQUAL(p->merge(&ctx, b2, a2), 0);
    char *expected = finish_text(p, &ctx, whole);
    char *ab = finish_text(p, &ctx, a), *ba = finish_text(p, &ctx, b2);
    CU_ASSERT_STRING_EQUAL(ab, expected);
    CU_ASSERT_STRING_EQUAL(ba, expected);
    /* the figures of test_participation.c "basic": w 8, m 11, nb 1, u 2 */
    cJSON *doc = cJSON_Parse(expected);
    CU_ASSERT_EQUAL(num(doc, "by_gender/woman/seats"), 8);
    CU_ASSERT_EQUAL(num(doc, "by_gender/man/seats"), 11);
    CU_ASSERT_EQUAL(num(doc, "total/seats"), 22);
    CU_ASSERT_EQUAL(num(doc, "chairs/by_gender/woman/seats"), 2);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(get(doc, "breakdowns/age")), 4);
    cJSON_Delete(doc);
    free(expected);
    free(ab);
    free(ba);
    void *states[] = {whole, a, b, a2, b2};
    for (int i = 0; i < 5; i++)
        p->destroy(&ctx, states[i]);
    p->release(&ctx, ctx.instance);
}

static void test_saved_state_loads_and_pools_to_the_same_result(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, by_age, 1);
    void *whole = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, whole, basic, 0, N_BASIC, 1), 0);
    cJSON *saved = cJSON_CreateObject();
    jv_writer w = {{saved}, 0};
    CU_ASSERT_EQUAL(p->save(&ctx, whole, &w), 0);
    void *loaded = p->load(&ctx, (const jv_node *)saved);
    CU_ASSERT_PTR_NOT_NULL_FATAL(loaded);
    char *expected = finish_text(p, &ctx, whole), *actual = finish_text(p, &ctx, loaded);
    CU_ASSERT_STRING_EQUAL(actual, expected);
    free(expected);
    free(actual);
    /* pooling the region twice doubles every count */
    void *total = p->init(&ctx);
    CU_ASSERT_EQUAL(p->pool(&ctx, total, whole), 0);
    CU_ASSERT_EQUAL(p->pool(&ctx, total, loaded), 0);
    char *text = finish_text(p, &ctx, total);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT_EQUAL(num(doc, "by_gender/woman/seats"), 16);
    CU_ASSERT_EQUAL(num(doc, "arenas/0/by_gender/man/seats"), 4);
    CU_ASSERT_EQUAL(num(doc, "arena_types/0/by_gender/man/seats"), 18);
    CU_ASSERT_EQUAL(num(doc, "breakdowns/age/0/by_gender/unknown/seats"), 4);
    cJSON_Delete(doc);
    free(text);
    cJSON_Delete(saved);
    p->destroy(&ctx, whole);
    p->destroy(&ctx, loaded);
    p->destroy(&ctx, total);
    p->release(&ctx, ctx.instance);
}

static char load_error[512]; /* what the last load_fails() load said */

/* Loads `saved` after `edit` changed it; returns whether load failed. */
static int load_fails(const char *edit_path, cJSON *replacement)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, by_age, 1);
    void *whole = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, whole, basic, 0, N_BASIC, 1), 0);
    cJSON *saved = cJSON_CreateObject();
    jv_writer w = {{saved}, 0};
    CU_ASSERT_EQUAL(p->save(&ctx, whole, &w), 0);
    char parent_path[128];
    snprintf(parent_path, sizeof parent_path, "%s", edit_path);
    char *slash = strrchr(parent_path, '/');
    cJSON *parent = slash ? (*slash = '\0', get(saved, parent_path)) : saved;
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
    const jv_plugin *p = setup(&ctx, NULL, 0);
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
}

static void test_row_with_a_second_type_is_an_error_or_skipped(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, NULL, 0);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, conflict, 0, 2, 0), -1);
    CU_ASSERT_EQUAL(ctx.row_errors, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "'board'"));
    p->destroy(&ctx, state);
    ctx.skip = 1;
    state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, conflict, 0, 2, 0), 0);
    char *text = finish_text(p, &ctx, state);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT_EQUAL(num(doc, "arenas/0/by_gender/woman/seats"), 1);
    CU_ASSERT_EQUAL(num(doc, "arenas/0/by_gender/man/seats"), 0);
    CU_ASSERT_EQUAL(num(doc, "by_gender/man/seats"), 0);
    cJSON_Delete(doc);
    free(text);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
}

static void test_seats_past_int64_are_a_row_error(void)
{
    static const row big[] = {
        {JV_WOMAN, "board", "decision", "member", INT64_MAX, ""},
        {JV_MAN, "board", "decision", "member", 1, ""},
    };
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, NULL, 0);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, big, 0, 2, 0), -1);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "the sum of seats passes"));
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
}

static int declared(jv_ctx *ctx, const char *text)
{
    cJSON *item;
    cJSON_ArrayForEach(item, ctx->cells)
        if (strcmp(item->valuestring, text) == 0)
            return 1;
    fprintf(stderr, "\nnot declared: %s\n", text);
    return 0;
}

static void test_cells_declare_the_groups_and_families(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, by_age, 1);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, basic, 0, N_BASIC, 1), 0);
    ctx.cells = cJSON_CreateArray();
    cells_ctx = &ctx;
    CU_ASSERT_EQUAL(p->cells(&ctx, state, NULL), 0);
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
        "group by/0/ 0 1 0 0 2",
        "group by/0/16-29 2 0 1 0 0",
        "group by/0/30-64 5 10 0 0 0",
        "group by/0/65+ 1 0 0 0 0",
        "family split <- by/0/ by/0/16-29 by/0/30-64 by/0/65+",
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        CU_ASSERT(declared(&ctx, expected[i]));
    /* 1 + 6 arenas + 1 + 3 types + 1 + 3 + chairs + 4 ages + 1 */
    CU_ASSERT_EQUAL(cJSON_GetArraySize(ctx.cells), 21);
    cJSON_Delete(ctx.cells);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
}

static void test_finish_nulls_every_figure_of_a_suppressed_cell(void)
{
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, NULL, 0);
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, basic, 0, N_BASIC, 0), 0);
    ctx.hidden = "chairs";
    ctx.hidden_gender = JV_WOMAN;
    char *text = finish_text(p, &ctx, state);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT(cJSON_IsNull(get(doc, "chairs/by_gender/woman/seats")));
    CU_ASSERT(cJSON_IsTrue(get(doc, "chairs/by_gender/woman/suppressed")));
    CU_ASSERT_EQUAL(num(doc, "chairs/by_gender/man/seats"), 1);
    CU_ASSERT(cJSON_IsNull(get(doc, "chairs/women_share/seats")));
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(get(doc, "chairs/balance")), "no_data");
    CU_ASSERT(cJSON_IsNull(get(doc, "chairs/balance_certain")));
    CU_ASSERT(cJSON_IsNull(get(doc, "chairs/ci")));
    cJSON_Delete(doc);
    free(text);
    ctx.hidden = JV_MAIN_GROUP;
    ctx.hidden_gender = -1;
    text = finish_text(p, &ctx, state);
    doc = cJSON_Parse(text);
    CU_ASSERT(cJSON_IsNull(get(doc, "total/seats")));
    CU_ASSERT(cJSON_IsTrue(get(doc, "total/suppressed")));
    CU_ASSERT(cJSON_IsNull(get(doc, "headline/value")));
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(get(doc, "headline/balance")), "no_data");
    /* arenas are classed from their own counts whatever is suppressed */
    CU_ASSERT_EQUAL(num(doc, "arenas_balanced_share"), 0.5);
    cJSON_Delete(doc);
    free(text);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
}

static void test_params_by_reads_own_roles_and_rejects_bad_names(void)
{
    static const char *const by_type[] = {"arena_type"};
    jv_ctx ctx;
    const jv_plugin *p = setup(&ctx, by_type, 1);
    CU_ASSERT_EQUAL(ctx.next_column, 5); /* no role added: column 2 is read */
    void *state = p->init(&ctx);
    CU_ASSERT_EQUAL(feed(p, &ctx, state, basic, 0, N_BASIC, 0), 0);
    char *text = finish_text(p, &ctx, state);
    cJSON *doc = cJSON_Parse(text);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(get(doc, "breakdowns/arena_type")), 3);
    CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(get(doc, "breakdowns/arena_type/1/value")),
                           "decision");
    CU_ASSERT_EQUAL(num(doc, "breakdowns/arena_type/1/by_gender/unknown/seats"), 2);
    cJSON_Delete(doc);
    free(text);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);

    static const char *const bad[][2] = {{"gender", NULL}, {"count", NULL}, {"age", "age"}};
    for (int i = 0; i < 3; i++) {
        memset(&ctx, 0, sizeof ctx);
        ctx.by = bad[i];
        ctx.n_by = bad[i][1] ? 2 : 1;
        ctx.next_column = 5;
        CU_ASSERT_EQUAL(p->configure(&ctx, &ctx.instance), -1);
        CU_ASSERT(ctx.error[0] != '\0');
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
