/* core/eval/result.c — assembles the result document of a finished run
 * (DESIGN.md "Result document"): the evaluation block (options with
 * defaults resolved, plugins with resolved params, inputs), each region's
 * and the total's indicator results from the plugins' finish(), the summary
 * of headline values side by side, and the warnings. Deterministic: the
 * same inputs give the same bytes. */
#include "config.h"
#include "eval/run_internal.h"
#include "eval/warning_disclosure.h"
#include "plugin/describe.h"
#include "plugin/json_io.h"

#include <string.h>

static cJSON *evaluation_block(const jv_run *run)
{
    const jv_evaluation *e = run->evaluation;
    cJSON *block = cJSON_CreateObject();
    cJSON_AddStringToObject(block, "name", e->name);
    cJSON *options = cJSON_AddObjectToObject(block, "options");
    cJSON_AddNumberToObject(options, "min_cell", (double)run->min_cell);
    cJSON *band = cJSON_AddArrayToObject(options, "balance");
    cJSON_AddItemToArray(band, cJSON_CreateNumber(e->options.balance_low));
    cJSON_AddItemToArray(band, cJSON_CreateNumber(e->options.balance_high));
    cJSON_AddNumberToObject(options, "confidence", e->options.confidence);
    cJSON_AddBoolToObject(options, "hash_inputs", run->hash_inputs);
    cJSON *plugins = cJSON_AddArrayToObject(block, "plugins");
    for (guint i = 0; i < run->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        cJSON *item = jv_indicator_identity(ind);
        jv_plugin_describe(ind->desc, item);
        cJSON_AddItemToArray(plugins, item);
    }
    cJSON *inputs = cJSON_AddArrayToObject(block, "inputs");
    for (guint k = 0; k < run->inputs->len; k++) {
        const jv_input *in = &g_array_index(run->inputs, jv_input, k);
        cJSON *item = cJSON_CreateObject();
        if (in->region != NULL)
            cJSON_AddStringToObject(item, "region", in->region);
        else
            cJSON_AddNullToObject(item, "region");
        cJSON_AddStringToObject(item, "table", in->table);
        cJSON_AddStringToObject(item, "file", in->file);
        cJSON_AddNumberToObject(item, "bytes", (double)in->bytes);
        if (in->sha256 != NULL)
            cJSON_AddStringToObject(item, "sha256", in->sha256);
        cJSON_AddItemToArray(inputs, item);
    }
    return block;
}

/* One indicator's entry in one scope; FALSE + error when finish() fails
 * and the run is not keeping going. */
static gboolean indicator_entry(jv_run *run, jv_scope *scope, guint i, cJSON *parent,
                                GError **error)
{
    jv_outcome *o = &scope->outcomes[i];
    return jv_result_entry(run, scope, i, -1, o->state, run->total.outcomes[i].state, o->rows,
                           o->skipped, parent, error);
}

gboolean jv_result_entry(jv_run *run, jv_scope *scope, guint i, int period, void *state,
                         void *total_state, guint64 rows, guint64 skipped, cJSON *parent,
                         GError **error)
{
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    jv_outcome *o = &scope->outcomes[i];
    cJSON *entry = cJSON_AddObjectToObject(parent, ind->name);
    if (ind->failed || o->status == JV_STATUS_ERROR) {
        cJSON_AddStringToObject(entry, "status", "error");
        cJSON_AddStringToObject(entry, "message", ind->failure ? ind->failure : o->reason);
        return TRUE;
    }
    if (o->status == JV_STATUS_SKIPPED) {
        cJSON_AddStringToObject(entry, "status", "skipped");
        cJSON_AddStringToObject(entry, "reason", o->reason);
        return TRUE;
    }
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
    ctx.warnings = period < 0 ? scope->warnings : NULL; /* a period's repeat */
    ctx.disclosure = run->disclosures[i];
    ctx.period = period;
    cJSON *result = cJSON_CreateObject();
    jv_writer w;
    jv_writer_init(&w, result);
    int rc = ind->desc->finish(&ctx, state, total_state, &w);
    if (rc == 0 && !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(result, "headline"))) {
        ctx.error = g_strdup("finish() wrote no \"headline\" (every result needs one: "
                             "host->put_headline)");
        rc = -1;
    }
    if (rc != 0) {
        cJSON_Delete(result);
        if (!jv_run_callback_failed(run, i, &ctx, "finish() failed without a message", error))
            return FALSE;
        cJSON_AddStringToObject(entry, "status", "error");
        cJSON_AddStringToObject(entry, "message", ind->failure);
        return TRUE;
    }
    jv_ctx_clear_error(&ctx);
    gboolean hidden = run->disclosures[i] != NULL &&
                      jv_disclosure_period_suppressed(run->disclosures[i], scope->index, period,
                                                      JV_MAIN_GROUP, JV_TOTAL);
    cJSON_AddStringToObject(entry, "status", "ok");
    if (hidden) {
        cJSON_AddNullToObject(entry, "rows");
        cJSON_AddNullToObject(entry, "skipped_rows");
    } else {
        cJSON_AddNumberToObject(entry, "rows", (double)rows);
        cJSON_AddNumberToObject(entry, "skipped_rows", (double)skipped);
    }
    cJSON_AddItemToObject(entry, "result", result);
    return TRUE;
}

static cJSON *scope_block(jv_run *run, jv_scope *scope, GError **error)
{
    cJSON *block = cJSON_CreateObject();
    cJSON_AddStringToObject(block, "name", scope->name);
    cJSON *indicators = cJSON_AddObjectToObject(block, "indicators");
    for (guint i = 0; i < run->indicators->len; i++)
        if (!indicator_entry(run, scope, i, indicators, error)) {
            cJSON_Delete(block);
            return NULL;
        }
    if (run->periods != NULL && !jv_period_results(run, scope, block, error)) {
        cJSON_Delete(block);
        return NULL;
    }
    return block;
}

/* The headline of an indicator in a scope's block, or NULL. */
static const cJSON *headline_of(const cJSON *scope, const char *indicator)
{
    const cJSON *entry = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(scope, "indicators"), indicator);
    return cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(entry, "result"),
                                            "headline");
}

static const char *metric_of(const cJSON *headline)
{
    const cJSON *metric = cJSON_GetObjectItemCaseSensitive(headline, "metric");
    return cJSON_IsString(metric) ? metric->valuestring : NULL;
}

/* The summary: per scope, "<indicator>.<metric>" → headline value. Every
 * row has the same keys: each metric any scope reports (e.g. share_met for
 * regions, share_regions_fulfilling for the total) is its own column, null
 * where the scope reports another, so a column never mixes two metrics. */
static cJSON *summary(const jv_run *run, const cJSON *scopes[], size_t n)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *owners = g_ptr_array_new(); /* indicator name per key */
    for (guint i = 0; i < run->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        guint first = keys->len;
        for (size_t s = 0; s < n; s++) {
            const char *metric = metric_of(headline_of(scopes[s], ind->name));
            if (metric == NULL)
                continue;
            char *key = g_strdup_printf("%s.%s", ind->name, metric);
            gboolean seen = FALSE;
            for (guint k = first; k < keys->len; k++)
                seen = seen || strcmp(g_ptr_array_index(keys, k), key) == 0;
            if (seen) {
                g_free(key);
            } else {
                g_ptr_array_add(keys, key);
                g_ptr_array_add(owners, ind->name);
            }
        }
        if (keys->len == first) { /* no scope finished it: one null column */
            g_ptr_array_add(keys, g_strdup_printf("%s.headline", ind->name));
            g_ptr_array_add(owners, ind->name);
        }
    }
    cJSON *rows = cJSON_CreateArray();
    for (size_t s = 0; s < n; s++) {
        cJSON *row = cJSON_CreateObject();
        cJSON_AddItemToObject(row, "region", cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(scopes[s], "name"), TRUE));
        for (guint k = 0; k < keys->len; k++) {
            const char *key = g_ptr_array_index(keys, k);
            const char *owner = g_ptr_array_index(owners, k);
            const cJSON *h = headline_of(scopes[s], owner);
            const char *metric = metric_of(h);
            const cJSON *value = NULL;
            if (metric != NULL && strcmp(key + strlen(owner) + 1, metric) == 0)
                value = cJSON_GetObjectItemCaseSensitive(h, "value");
            cJSON_AddItemToObject(row, key, value ? cJSON_Duplicate(value, TRUE) : cJSON_CreateNull());
        }
        cJSON_AddItemToArray(rows, row);
    }
    g_ptr_array_unref(owners);
    g_ptr_array_unref(keys);
    return rows;
}

/* Are the scope's counts hidden: some indicator's main total suppressed
 * (its rows and skipped_rows are null)? */
static gboolean scope_hidden(const jv_run *run, const jv_scope *scope)
{
    for (guint i = 0; run->disclosures != NULL && i < run->indicators->len; i++)
        if (run->disclosures[i] != NULL && scope->outcomes[i].status == JV_STATUS_OK &&
            jv_disclosure_suppressed(run->disclosures[i], scope->index, JV_MAIN_GROUP, JV_TOTAL))
            return TRUE;
    return FALSE;
}

/* Is some indicator's main cell of unknown gender suppressed here? */
static gboolean unknown_hidden(const jv_run *run, const jv_scope *scope)
{
    for (guint i = 0; run->disclosures != NULL && i < run->indicators->len; i++)
        if (run->disclosures[i] != NULL && scope->outcomes[i].status == JV_STATUS_OK &&
            jv_disclosure_suppressed(run->disclosures[i], scope->index, JV_MAIN_GROUP,
                                     JV_UNKNOWN))
            return TRUE;
    return FALSE;
}

/* A scope's warnings, their counts as disclosure control allows
 * (warning_disclosure.c). */
static void add_warnings(const jv_run *run, const jv_scope *scope, cJSON *array,
                         const GPtrArray *warnings)
{
    gboolean hidden = scope_hidden(run, scope), unknown = unknown_hidden(run, scope);
    for (guint w = 0; w < warnings->len; w++) {
        char *text = jv_warning_disclose(g_ptr_array_index(warnings, w), hidden, unknown,
                                         run->min_cell);
        if (text != NULL)
            cJSON_AddItemToArray(array, cJSON_CreateString(text));
        g_free(text);
    }
}

cJSON *jv_result_build(jv_run *run, gboolean *failed, GError **error)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *about = cJSON_AddObjectToObject(doc, "jamvikt");
    cJSON_AddStringToObject(about, "version", PACKAGE_VERSION);
    cJSON_AddNumberToObject(about, "result_schema", 1);
    cJSON_AddItemToObject(doc, "evaluation", evaluation_block(run));
    cJSON *regions = cJSON_AddArrayToObject(doc, "regions");
    const cJSON **scopes = g_new0(const cJSON *, run->n_regions + 1);
    for (size_t r = 0; r < run->n_regions; r++) {
        cJSON *block = scope_block(run, &run->regions[r], error);
        if (block == NULL)
            goto fail;
        cJSON_AddItemToArray(regions, block);
        scopes[r] = block;
    }
    cJSON *total = scope_block(run, &run->total, error);
    if (total == NULL)
        goto fail;
    cJSON_AddItemToObject(doc, "total", total);
    scopes[run->n_regions] = total;
    cJSON_AddItemToObject(doc, "summary", summary(run, scopes, run->n_regions + 1));
    cJSON *warnings = cJSON_AddArrayToObject(doc, "warnings");
    for (size_t r = 0; r < run->n_regions; r++)
        add_warnings(run, &run->regions[r], warnings, run->regions[r].warnings);
    add_warnings(run, &run->total, warnings, run->total.warnings);
    add_warnings(run, &run->total, warnings, run->warnings);
    g_free(scopes);
    for (guint i = 0; i < run->indicators->len; i++)
        if (((jv_indicator *)g_ptr_array_index(run->indicators, i))->failed && failed)
            *failed = TRUE;
    return doc;
fail:
    g_free(scopes);
    cJSON_Delete(doc);
    return NULL;
}
