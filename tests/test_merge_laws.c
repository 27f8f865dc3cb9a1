/* tests/test_merge_laws.c — the merge laws every plugin must keep (DESIGN.md
 * "Data flow"; plugin.h: "merge must be associative and commutative"),
 * checked on each built-in plugin loaded as a real module: a region's table
 * is cut into three byte ranges a, b, c at row boundaries and read into
 * three chunk states; (a+b)+c, a+(b+c) and (c+a)+b must all equal the state
 * of the whole file, compared through save() and finish(). pool() is
 * checked the same way over three regions. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "data/dataset.h"
#include "plugin/host_impl.h"
#include "plugin/indicator.h"
#include "plugin/json_io.h"
#include "plugin/loader.h"

static jv_registry *registry;
static jv_options options;

static char *example_file(const char *region, const char *table)
{
    char *name = g_strdup_printf("%s.csv", table);
    char *path =
        g_build_filename(JV_SRCDIR, "examples", "regions-2016-2018", "data", region, name, NULL);
    g_free(name);
    return path;
}

static GHashTable *column_map(const char *table)
{
    GHashTable *map = g_hash_table_new(g_str_hash, g_str_equal);
    if (strcmp(table, "funding") == 0)
        g_hash_table_insert(map, "gender", "recipient_gender");
    if (strcmp(table, "training") == 0)
        g_hash_table_insert(map, "person", "person_id");
    return map;
}

/* Reads rows starting in [start, end) of the indicator's table t into state. */
static void consume_range(jv_indicator *ind, jv_ctx *ctx, void *state, size_t t, const char *path,
                          guint64 start, guint64 end, guint64 line)
{
    GArray *roles = ind->roles[t];
    GHashTable *columns = column_map(ind->desc->tables[t].name);
    jv_table_source src = {
        .path = path, .display_path = path, .columns = columns, .on_error = JV_ON_ERROR_STOP};
    GError *error = NULL;
    jv_table_reader *reader = jv_table_reader_open_range(&src, (const jv_role_request *)roles->data,
                                                         roles->len, start, end, line, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(reader);
    const char **names = g_new0(const char *, roles->len);
    for (guint c = 0; c < roles->len; c++)
        names[c] = jv_table_reader_column_name(reader, c);
    const jv_rowset *rows;
    while ((rows = jv_table_reader_next(reader, &error)) != NULL) {
        jv_batch_source source = {.display_path = path,
                                  .lines = rows->lines,
                                  .column_names = names,
                                  .on_error = JV_ON_ERROR_STOP};
        jv_batch batch = {.table = t,
                          .n_rows = rows->n_rows,
                          .n_columns = rows->n_columns,
                          .columns = rows->columns,
                          .positions = rows->positions,
                          .source = &source};
        CU_ASSERT_EQUAL(ind->desc->consume(ctx, state, &batch), 0);
    }
    CU_ASSERT_PTR_NULL(error);
    g_free(names);
    jv_table_reader_free(reader);
    g_hash_table_unref(columns);
}

/* Three chunk states of a region's main table (plus, for every further
 * table, its whole file in the last chunk), and the whole-file state. */
static void read_chunks(jv_indicator *ind, jv_ctx *ctx, const char *region, void *chunk[3],
                        void **whole)
{
    char *main_path = example_file(region, ind->desc->tables[0].name);
    jv_table_source src = {
        .path = main_path, .display_path = main_path, .on_error = JV_ON_ERROR_STOP};
    GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint64));
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(guint64));
    CU_ASSERT_FATAL(jv_table_split(&src, 3, starts, lines, NULL));
    CU_ASSERT_EQUAL_FATAL(starts->len, 3); /* the file really is cut in three */
    for (int k = 0; k < 3; k++) {
        chunk[k] = ind->desc->init(ctx);
        guint64 end = k < 2 ? g_array_index(starts, guint64, k + 1) : 0;
        consume_range(ind, ctx, chunk[k], 0, main_path, g_array_index(starts, guint64, k), end,
                      g_array_index(lines, guint64, k));
    }
    *whole = ind->desc->init(ctx);
    consume_range(ind, ctx, *whole, 0, main_path, 0, 0, 0);
    for (size_t t = 1; t < ind->desc->n_tables; t++) {
        char *path = example_file(region, ind->desc->tables[t].name);
        if (g_file_test(path, G_FILE_TEST_EXISTS)) {
            consume_range(ind, ctx, chunk[2], t, path, 0, 0, 0);
            consume_range(ind, ctx, *whole, t, path, 0, 0, 0);
        }
        g_free(path);
    }
    g_array_unref(starts);
    g_array_unref(lines);
    g_free(main_path);
}

static char *saved(jv_indicator *ind, jv_ctx *ctx, void *state)
{
    cJSON *root = cJSON_CreateObject();
    jv_writer w;
    jv_writer_init(&w, root);
    CU_ASSERT_EQUAL(ind->desc->save(ctx, state, &w), 0);
    jv_json_begin_object(&w, "finish");
    CU_ASSERT_EQUAL(ind->desc->finish(ctx, state, state, &w), 0);
    jv_json_end_object(&w);
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

static jv_indicator *bind(const char *plugin, const char *params_json, jv_ctx *ctx)
{
    const jv_loaded_plugin *p = jv_registry_find(registry, plugin);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    cJSON *params = cJSON_Parse(params_json);
    GError *error = NULL;
    jv_indicator *ind = jv_indicator_bind(plugin, p, params, "test", &options, &error);
    cJSON_Delete(params);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ind);
    jv_ctx_init(ctx, ind, 0, "Örebro", &options);
    return ind;
}

static void check_merge_laws(const char *plugin, const char *params)
{
    jv_ctx ctx;
    jv_indicator *ind = bind(plugin, params, &ctx);
    void *l[3], *r[3], *c[3], *whole, *w2, *w3;
    read_chunks(ind, &ctx, "örebro", l, &whole);
    read_chunks(ind, &ctx, "örebro", r, &w2);
    read_chunks(ind, &ctx, "örebro", c, &w3);
    /* (a+b)+c */
    CU_ASSERT_EQUAL(ind->desc->merge(&ctx, l[0], l[1]), 0);
    CU_ASSERT_EQUAL(ind->desc->merge(&ctx, l[0], l[2]), 0);
    /* a+(b+c) */
    CU_ASSERT_EQUAL(ind->desc->merge(&ctx, r[1], r[2]), 0);
    CU_ASSERT_EQUAL(ind->desc->merge(&ctx, r[0], r[1]), 0);
    /* (c+a)+b */
    CU_ASSERT_EQUAL(ind->desc->merge(&ctx, c[2], c[0]), 0);
    CU_ASSERT_EQUAL(ind->desc->merge(&ctx, c[2], c[1]), 0);
    char *sw = saved(ind, &ctx, whole), *sl = saved(ind, &ctx, l[0]);
    char *sr = saved(ind, &ctx, r[0]), *sc = saved(ind, &ctx, c[2]);
    CU_ASSERT_STRING_EQUAL(sl, sw);
    CU_ASSERT_STRING_EQUAL(sr, sw);
    CU_ASSERT_STRING_EQUAL(sc, sw);
    g_free(sw);
    g_free(sl);
    g_free(sr);
    g_free(sc);
    void *all[] = {l[0], l[1], l[2], r[0], r[1], r[2], c[0], c[1], c[2], whole, w2, w3};
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++)
        ind->desc->destroy(&ctx, all[i]);
    jv_ctx_clear_error(&ctx);
    jv_indicator_free(ind);
}

/* pool: totals over three regions in three groupings are identical. */
static void check_pool_laws(const char *plugin, const char *params)
{
    static const char *const regions[] = {"örebro", "gotland", "kalmar"};
    jv_ctx ctx;
    jv_indicator *ind = bind(plugin, params, &ctx);
    void *region[3], *chunks[3];
    for (int k = 0; k < 3; k++) {
        read_chunks(ind, &ctx, regions[k], chunks, &region[k]);
        for (int j = 0; j < 3; j++)
            ind->desc->destroy(&ctx, chunks[j]);
    }
    static const int orders[3][3] = {{0, 1, 2}, {2, 0, 1}, {1, 2, 0}};
    char *first = NULL;
    for (int o = 0; o < 3; o++) {
        void *total = ind->desc->init(&ctx);
        for (int k = 0; k < 3; k++)
            CU_ASSERT_EQUAL(ind->desc->pool(&ctx, total, region[orders[o][k]]), 0);
        char *text = saved(ind, &ctx, total);
        if (first == NULL)
            first = text;
        else {
            CU_ASSERT_STRING_EQUAL(text, first);
            g_free(text);
        }
        ind->desc->destroy(&ctx, total);
    }
    g_free(first);
    for (int k = 0; k < 3; k++)
        ind->desc->destroy(&ctx, region[k]);
    jv_ctx_clear_error(&ctx);
    jv_indicator_free(ind);
}

static void test_funding_share_merge_is_associative_and_commutative(void)
{
    check_merge_laws("funding_share", "{\"by\": [\"sector\", \"age_band\"]}");
}
static void test_participation_merge_is_associative_and_commutative(void)
{
    check_merge_laws("participation", "{\"by\": [\"age_band\"]}");
}
static void test_training_reach_merge_is_associative_and_commutative(void)
{
    check_merge_laws("training_reach", "{}");
}
static void test_goal_fulfilment_merge_is_associative_and_commutative(void)
{
    check_merge_laws("goal_fulfilment", "{}");
}
static void test_pool_does_not_depend_on_region_order(void)
{
    check_pool_laws("funding_share", "{\"by\": [\"sector\"]}");
    check_pool_laws("participation", "{}");
    check_pool_laws("training_reach", "{}");
}

/* issue 18: a saved state's "params": [1] reached resolve_params, whose
 * members then had no key (a NULL dereference). */
static void test_params_that_are_not_an_object_are_an_error(void)
{
    const jv_loaded_plugin *p = jv_registry_find(registry, "funding_share");
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    static const char *const bad[] = {"[1]", "[\"by\"]", "1", "\"by\""};
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        cJSON *params = cJSON_Parse(bad[i]);
        GError *error = NULL;
        jv_indicator *ind =
            jv_indicator_bind("funding_share", p, params, "st.json", &options, &error);
        CU_ASSERT_PTR_NULL(ind);
        CU_ASSERT_PTR_NOT_NULL_FATAL(error);
        CU_ASSERT_PTR_NOT_NULL(
            strstr(error->message, "st.json.params: expected an object of parameters"));
        g_error_free(error);
        jv_indicator_free(ind);
        cJSON_Delete(params);
    }
}

int main(void)
{
    jv_options_fill(&options, 0, 0.40, 0.60, 0.95);
    GPtrArray *dirs = jv_plugin_search_dirs(NULL);
    registry = jv_registry_load(dirs);
    g_ptr_array_unref(dirs);
    static const jvt_test tests[] = {
        {"funding_share merge is associative and commutative",
         test_funding_share_merge_is_associative_and_commutative},
        {"participation merge is associative and commutative",
         test_participation_merge_is_associative_and_commutative},
        {"training_reach merge is associative and commutative",
         test_training_reach_merge_is_associative_and_commutative},
        {"goal_fulfilment merge is associative and commutative",
         test_goal_fulfilment_merge_is_associative_and_commutative},
        {"pool does not depend on region order", test_pool_does_not_depend_on_region_order},
        {"params that are not an object are an error",
         test_params_that_are_not_an_object_are_an_error},
        {NULL, NULL}};
    int rc = jvt_main("merge laws", tests);
    jv_registry_free(registry);
    return rc;
}
