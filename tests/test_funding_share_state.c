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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jamvikt/jamvikt.h>

#include "plugin/tally_impl.h" /* the core's tallies, reporting through the mock */

/* ---- mock host ---------------------------------------------------------- */

struct jv_ctx {
    void *instance;
    const char *const *by;
    size_t n_by;
    int skip;                /* what row_error returns */
    size_t error_column;     /* the column row_error was given */
    char error[512];
};
struct jv_writer { cJSON *stack[32]; int depth; };
struct jv_cells { cJSON *groups; cJSON *families; };

static void *mock_alloc0(size_t size) { return calloc(1, size ? size : 1); }
static void *mock_instance(jv_ctx *ctx) { return ctx->instance; }
static int mock_scope(jv_ctx *ctx) { return 0; }
static const char *mock_scope_name(jv_ctx *ctx) { return "R"; }
static size_t mock_list_size(jv_ctx *ctx, const char *name) { return ctx->n_by; }
static const char *mock_list_item(jv_ctx *ctx, const char *name, size_t i) { return ctx->by[i]; }
static int mock_add_role(jv_ctx *ctx, size_t table, const char *name, jv_type type, unsigned flags)
{
    for (size_t k = 0; k < ctx->n_by; k++)
        if (strcmp(ctx->by[k], name) == 0)
            return 4 + (int)k; /* after the four static roles */
    return -1;
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
    ctx->error_column = column;
    return ctx->skip;
}
static void mock_warning(jv_ctx *ctx, const char *fmt, ...) {}
static double mock_women_share(double w, double m) { return w + m > 0 ? w / (w + m) : NAN; }
static void mock_wilson(jv_ctx *ctx, int64_t k, int64_t n, double ci[2])
{
    ci[0] = ci[1] = n > 0 ? (double)k / (double)n : NAN; /* enough to compare states */
}
static void mock_newcombe(jv_ctx *ctx, int64_t k1, int64_t n1, int64_t k2, int64_t n2,
                          double *d, double ci[2])
{
    *d = ci[0] = ci[1] = n1 && n2 ? (double)k1 / n1 - (double)k2 / n2 : NAN;
}
static jv_balance mock_balance(jv_ctx *ctx, double s)
{
    return isnan(s) ? JV_BALANCE_NO_DATA
           : s < 0.4 ? JV_BALANCE_MEN_DOMINATED
           : s > 0.6 ? JV_BALANCE_WOMEN_DOMINATED
                     : JV_BALANCE_BALANCED;
}
static const char *mock_gender_name(int g)
{
    static const char *const names[] = {"woman", "man", "non_binary", "mixed", "unknown", "total"};
    return names[g];
}
static void mock_add_group(jv_cells *cells, const char *key, size_t n_counts, const int64_t *counts)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; i < n_counts * 5; i++)
        cJSON_AddItemToArray(list, cJSON_CreateNumber((double)counts[i]));
    cJSON_AddItemToObject(cells->groups, key, list);
}
static void mock_add_family(jv_cells *cells, const char *margin, const char *const *members,
                            size_t n)
{
    cJSON *family = cJSON_CreateArray();
    cJSON_AddItemToArray(family, cJSON_CreateString(margin));
    for (size_t i = 0; i < n; i++)
        cJSON_AddItemToArray(family, cJSON_CreateString(members[i]));
    cJSON_AddItemToArray(cells->families, family);
}
static int mock_suppressed(jv_ctx *ctx, const char *key, int g) { return 0; }
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
/* As the host promises: a number up to 2^53, else a string of digits. */
static void mock_put_integer(jv_writer *w, const char *key, int64_t v)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", (long long)v);
    put(w, key, (v <= (INT64_C(1) << 53) && v >= -(INT64_C(1) << 53))
                    ? cJSON_CreateNumber((double)v) : cJSON_CreateString(digits));
}
static void mock_put_fixed(jv_writer *w, const char *key, int64_t v) { mock_put_number(w, key, v / 1e4); }
static void mock_put_string(jv_writer *w, const char *key, const char *v) { put(w, key, cJSON_CreateString(v)); }
static void mock_put_bool(jv_writer *w, const char *key, int v) { put(w, key, cJSON_CreateBool(v)); }
static void mock_put_null(jv_writer *w, const char *key) { put(w, key, cJSON_CreateNull()); }
static void mock_put_interval(jv_writer *w, const char *key, const double ci[2])
{
    mock_begin_array(w, key);
    mock_put_number(w, NULL, ci[0]);
    mock_put_number(w, NULL, ci[1]);
    mock_end(w);
}
static void mock_put_balance(jv_writer *w, const char *key, jv_balance b) { put(w, key, cJSON_CreateNumber(b)); }
static void mock_put_tristate(jv_writer *w, const char *key, int v)
{
    put(w, key, v < 0 ? cJSON_CreateNull() : cJSON_CreateBool(v));
}
static void mock_put_gap(jv_writer *w, const char *key, double v, const double ci[2])
{
    mock_begin_object(w, key);
    mock_put_number(w, "value", v);
    mock_put_interval(w, "ci", ci);
    mock_end(w);
}
static void mock_put_headline(jv_writer *w, const jv_headline *h)
{
    mock_begin_object(w, "headline");
    mock_put_string(w, "metric", h->metric);
    mock_put_number(w, "value", h->value);
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
    const cJSON *c = (const cJSON *)n;
    if (cJSON_IsString(c)) {
        char *end;
        long long v = strtoll(c->valuestring, &end, 10);
        if (*end != '\0')
            return -1;
        *out = v;
        return 0;
    }
    if (!cJSON_IsNumber(c) || c->valuedouble != (double)(int64_t)c->valuedouble)
        return -1;
    *out = (int64_t)c->valuedouble;
    return 0;
}
static const char *mock_node_string(const jv_node *n)
{
    return cJSON_IsString((const cJSON *)n) ? ((const cJSON *)n)->valuestring : NULL;
}

static jv_host mock_host;
static jv_tally *mock_tally_new(jv_ctx *ctx, const jv_tally_spec *spec, size_t n,
                                const char *const *names, const int *columns)
{
    return jv_tally_new(&mock_host, ctx, spec, n, names, columns);
}
static jv_tally *mock_tally_load(jv_ctx *ctx, const jv_tally_spec *spec, size_t n,
                                 const char *const *names, const int *columns,
                                 const jv_node *node)
{
    return jv_tally_load(&mock_host, ctx, spec, n, names, columns, node);
}

static jv_host mock_host = {
    .abi_major = JV_ABI_MAJOR, .abi_minor = JV_ABI_MINOR, .struct_size = sizeof(jv_host),
    .alloc0 = mock_alloc0, .realloc = realloc, .free = free, .strdup = strdup,
    .instance = mock_instance, .scope = mock_scope, .scope_name = mock_scope_name,
    .param_list_size = mock_list_size, .param_list_item = mock_list_item,
    .add_role = mock_add_role, .error = mock_error, .row_error = mock_row_error,
    .warning = mock_warning, .women_share = mock_women_share, .wilson = mock_wilson,
    .newcombe = mock_newcombe, .balance = mock_balance, .gender_name = mock_gender_name,
    .add_group = mock_add_group, .add_family = mock_add_family, .suppressed = mock_suppressed,
    .begin_object = mock_begin_object, .end_object = mock_end,
    .begin_array = mock_begin_array, .end_array = mock_end,
    .put_number = mock_put_number, .put_integer = mock_put_integer, .put_fixed = mock_put_fixed,
    .put_string = mock_put_string, .put_bool = mock_put_bool, .put_null = mock_put_null,
    .put_interval = mock_put_interval, .put_balance = mock_put_balance,
    .put_tristate = mock_put_tristate, .put_gap = mock_put_gap,
    .put_headline = mock_put_headline,
    .node_get = mock_node_get, .node_size = mock_node_size, .node_at = mock_node_at,
    .node_integer = mock_node_integer, .node_string = mock_node_string,
    .tally_new = mock_tally_new, .tally_load = mock_tally_load, /* the rest: setup() */
};

const jv_plugin *jamvikt_plugin_entry(const jv_host *host);

/* ---- batches ------------------------------------------------------------ */

#define SEK(x) ((int64_t)(x) * 10000)
#define NONE INT64_MIN /* an empty cell */
enum { MAX_ROWS = 8 };

typedef struct row { int gender; int64_t granted, applied; int decision; uint32_t sector; } row;

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
    t->sector_dict = (jv_dict){id, (uint32_t)n_sectors, t->sector_values};
    t->decision_dict = (jv_dict){1000 + id, 2, decision_values};
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
    t->columns[0] = (jv_column){.role = "gender", .type = JV_TYPE_GENDER, .present = 1,
                                .codes = t->genders};
    t->columns[1] = (jv_column){.role = "amount_granted", .type = JV_TYPE_NUMBER, .present = 1,
                                .numbers = t->granted};
    t->columns[2] = (jv_column){.role = "amount_applied", .type = JV_TYPE_NUMBER, .present = 1,
                                .missing = t->applied_missing, .numbers = t->applied};
    t->columns[3] = (jv_column){.role = "decision", .type = JV_TYPE_CATEGORY, .present = 1,
                                .missing = t->decision_missing, .codes = t->decisions,
                                .dict = &t->decision_dict};
    t->columns[4] = (jv_column){.role = "sector", .type = JV_TYPE_CATEGORY, .present = 1,
                                .codes = t->sectors, .dict = &t->sector_dict};
    t->batch = (jv_batch){0, n, 5, t->columns, t->positions, NULL};
}

static const char *const by_sector[] = {"sector"};

static const jv_plugin *setup(jv_ctx *ctx)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->by = by_sector;
    ctx->n_by = 1;
    jv_host_fill_tally(&mock_host);
    const jv_plugin *p = jamvikt_plugin_entry(&mock_host);
    CU_ASSERT_FATAL(p->configure(ctx, &ctx->instance) == 0);
    return p;
}

static cJSON *save(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    cJSON *doc = cJSON_CreateObject();
    jv_writer w = {{doc}, 0};
    CU_ASSERT(p->save(ctx, state, &w) == 0);
    return doc;
}

static cJSON *finish(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    cJSON *doc = cJSON_CreateObject();
    jv_writer w = {{doc}, 0};
    CU_ASSERT(p->finish(ctx, state, state, &w) == 0);
    return doc;
}

/* Chunk 1 (dictionary 1: ict, agri) and chunk 2 (dictionary 2: agri, "",
 * ict — other codes for the same values): */
static const char *const dict1[] = {"ict", "agri"};
static const row chunk1[] = {
    {0, SEK(100), SEK(200), 0, 0},  /* woman, granted, ict */
    {1, 0, SEK(50), 1, 1},          /* man, rejected, agri */
    {0, SEK(30), NONE, -1, 1},      /* woman, no decision, 30 > 0: granted, agri */
};
static const char *const dict2[] = {"agri", "", "ict"};
static const row chunk2[] = {
    {1, SEK(70), SEK(70), -1, 1},   /* man, granted, "" */
    {4, 0, SEK(10), -1, 2},         /* unknown, not granted, ict */
    {0, 0, SEK(20), -1, 0},         /* woman, not granted, agri */
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
    /* applied_rows, measure 4: woman 2 (200, 20), man 2, unknown 1 */
    CU_ASSERT(jvt_num(so, "tally/split/0/4") == 2);
    CU_ASSERT(jvt_num(so, "tally/split/1/4") == 2);
    CU_ASSERT(jvt_num(so, "tally/split/4/4") == 1);
    CU_ASSERT(jvt_num(so, "tally/split/0/0") == 3);
    CU_ASSERT(jvt_num(so, "tally/split/0/1") == 2);
    CU_ASSERT(jvt_num(so, "tally/split/0/2") == SEK(220));
    CU_ASSERT(jvt_num(so, "tally/split/0/3") == SEK(130));
    CU_ASSERT(jvt_num(so, "tally/split/1/0") == 2);
    CU_ASSERT(jvt_num(so, "tally/split/1/3") == SEK(70));
    CU_ASSERT(jvt_num(so, "tally/split/4/2") == SEK(10));
    const char *v0 = jvt_str(so, "tally/breakdowns/0/values/0/value");
    const char *v1 = jvt_str(so, "tally/breakdowns/0/values/1/value");
    const char *v2 = jvt_str(so, "tally/breakdowns/0/values/2/value");
    CU_ASSERT(v0 && v1 && v2 && !strcmp(v0, "") && !strcmp(v1, "agri") && !strcmp(v2, "ict"));
    CU_ASSERT(jvt_num(so, "tally/breakdowns/0/values/0/split/1/3") == SEK(70));
    CU_ASSERT(jvt_num(so, "tally/breakdowns/0/values/1/split/0/0") == 2);
    CU_ASSERT(jvt_num(so, "tally/breakdowns/0/values/1/split/0/3") == SEK(30));
    CU_ASSERT(jvt_num(so, "tally/breakdowns/0/values/2/split/4/0") == 1);
    cJSON *fa = finish(p, &ctx, a), *fo = finish(p, &ctx, one);
    CU_ASSERT(cJSON_Compare(fa, fo, 1));
    cJSON_Delete(fa);
    cJSON_Delete(fo);
    cJSON_Delete(sa);
    cJSON_Delete(sc);
    cJSON_Delete(so);
    void *states[] = {a, b, c, d, one};
    for (size_t i = 0; i < 5; i++)
        p->destroy(&ctx, states[i]);
    p->release(&ctx, ctx.instance);
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
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        cJSON_Delete(all[i]);
    p->destroy(&ctx, state);
    p->destroy(&ctx, loaded);
    p->release(&ctx, ctx.instance);
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
    cJSON_Delete(saved);
    cJSON_Delete(again);
    p->destroy(&ctx, state);
    p->destroy(&ctx, loaded);
    p->release(&ctx, ctx.instance);
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
    cJSON *all[] = {s1, st, so};
    for (size_t i = 0; i < 3; i++)
        cJSON_Delete(all[i]);
    void *states[] = {r1, r2, one, loaded, total};
    for (size_t i = 0; i < 5; i++)
        p->destroy(&ctx, states[i]);
    p->release(&ctx, ctx.instance);
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
    p->destroy(&ctx, other);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
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
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
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
    p->release(&ctx, ctx.instance);
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
    const row rows[] = {{0, SEK(1), SEK(1), -1, 0}, {1, 0, SEK(1), 1, 1}, {3, SEK(2), NONE, -1, 2},
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
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
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
    CU_ASSERT(jvt_num(saved, "tally/breakdowns/0/values/0/split/1/0") == 1);
    CU_ASSERT(jvt_num(saved, "tally/breakdowns/0/values/1/split/0/0") == 1);
    CU_ASSERT(jvt_num(saved, "tally/breakdowns/0/values/2/split/0/0") == 2);
    cJSON_Delete(saved);
    p->destroy(&ctx, state);
    p->release(&ctx, ctx.instance);
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
