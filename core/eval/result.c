/* core/eval/result.c — assembles the result document of a finished run
 * (DESIGN.md "Result document"): the evaluation block (options with
 * defaults resolved, plugins with resolved params, inputs), each region's
 * and the total's indicator results from the plugins' finish(), the summary
 * of headline values side by side, and the warnings. Deterministic: the
 * same inputs give the same bytes. */
#include "config.h"
#include "eval/result.h"

#include "eval/period_result.h"
#include "eval/result_entry.h"
#include "eval/warning_disclosure.h"
#include "plugin/describe.h"
#include "plugin/json_io.h"

#include <string.h>

static cJSON *evaluation_block(const jv_outcomes *out)
{
    const jv_evaluation *e = out->plan->evaluation;
    cJSON *block = cJSON_CreateObject();
    cJSON_AddStringToObject(block, "name", e->name);
    cJSON *options = cJSON_AddObjectToObject(block, "options");
    cJSON_AddNumberToObject(options, "min_cell", (double)out->plan->min_cell);
    cJSON *band = cJSON_AddArrayToObject(options, "balance");
    cJSON_AddItemToArray(band, cJSON_CreateNumber(e->options.balance_low));
    cJSON_AddItemToArray(band, cJSON_CreateNumber(e->options.balance_high));
    cJSON_AddNumberToObject(options, "confidence", e->options.confidence);
    cJSON_AddBoolToObject(options, "hash_inputs", out->plan->hash_inputs);
    cJSON *plugins = cJSON_AddArrayToObject(block, "plugins");
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        cJSON *item = jv_indicator_identity(ind);
        jv_plugin_describe(ind->desc, item);
        cJSON_AddItemToArray(plugins, item);
    }
    cJSON *inputs = cJSON_AddArrayToObject(block, "inputs");
    for (guint k = 0; k < out->inputs->len; k++) {
        const jv_input *in = &g_array_index(out->inputs, jv_input, k);
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
static gboolean indicator_entry(jv_outcomes *out, jv_scope *scope, guint i, cJSON *parent,
                                GError **error)
{
    jv_outcome *o = &scope->outcomes[i];
    return jv_result_entry(out, scope, i, -1, o->state, out->total.outcomes[i].state, o->rows,
                           o->skipped, parent, error);
}

static cJSON *scope_block(jv_outcomes *out, jv_scope *scope, GError **error)
{
    cJSON *block = cJSON_CreateObject();
    cJSON_AddStringToObject(block, "name", scope->name);
    cJSON *indicators = cJSON_AddObjectToObject(block, "indicators");
    for (guint i = 0; i < out->plan->indicators->len; i++)
        if (!indicator_entry(out, scope, i, indicators, error)) {
            cJSON_Delete(block);
            return NULL;
        }
    if (out->periods != NULL && !jv_period_results(out, scope, block, error)) {
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
static cJSON *summary(const jv_outcomes *out, const cJSON *scopes[], size_t n)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *owners = g_ptr_array_new(); /* indicator name per key */
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
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
        cJSON_AddItemToObject(
            row, "region",
            cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(scopes[s], "name"), TRUE));
        for (guint k = 0; k < keys->len; k++) {
            const char *key = g_ptr_array_index(keys, k);
            const char *owner = g_ptr_array_index(owners, k);
            const cJSON *h = headline_of(scopes[s], owner);
            const char *metric = metric_of(h);
            const cJSON *value = NULL;
            if (metric != NULL && strcmp(key + strlen(owner) + 1, metric) == 0)
                value = cJSON_GetObjectItemCaseSensitive(h, "value");
            cJSON_AddItemToObject(row, key,
                                  value ? cJSON_Duplicate(value, TRUE) : cJSON_CreateNull());
        }
        cJSON_AddItemToArray(rows, row);
    }
    g_ptr_array_unref(owners);
    g_ptr_array_unref(keys);
    return rows;
}

/* Are the scope's counts hidden: some indicator's main total suppressed
 * (its rows and skipped_rows are null)? */
static gboolean scope_hidden(const jv_outcomes *out, const jv_scope *scope)
{
    for (guint i = 0; out->disclosures != NULL && i < out->plan->indicators->len; i++)
        if (out->disclosures[i] != NULL && scope->outcomes[i].status == JV_STATUS_OK &&
            jv_disclosure_suppressed(out->disclosures[i], scope->index, JV_MAIN_GROUP, JV_TOTAL))
            return TRUE;
    return FALSE;
}

/* Is some indicator's main cell of unknown gender suppressed here? */
static gboolean unknown_hidden(const jv_outcomes *out, const jv_scope *scope)
{
    for (guint i = 0; out->disclosures != NULL && i < out->plan->indicators->len; i++)
        if (out->disclosures[i] != NULL && scope->outcomes[i].status == JV_STATUS_OK &&
            jv_disclosure_suppressed(out->disclosures[i], scope->index, JV_MAIN_GROUP, JV_UNKNOWN))
            return TRUE;
    return FALSE;
}

/* A scope's warnings, their counts as disclosure control allows
 * (warning_disclosure.c). */
static void add_warnings(const jv_outcomes *out, const jv_scope *scope, cJSON *array,
                         const GPtrArray *warnings)
{
    gboolean hidden = scope_hidden(out, scope), unknown = unknown_hidden(out, scope);
    for (guint w = 0; w < warnings->len; w++) {
        char *text = jv_warning_disclose(g_ptr_array_index(warnings, w), hidden, unknown,
                                         out->plan->min_cell);
        if (text != NULL)
            cJSON_AddItemToArray(array, cJSON_CreateString(text));
        g_free(text);
    }
}

cJSON *jv_result_build(jv_outcomes *out, gboolean *failed, GError **error)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *about = cJSON_AddObjectToObject(doc, "jamvikt");
    cJSON_AddStringToObject(about, "version", PACKAGE_VERSION);
    cJSON_AddNumberToObject(about, "result_schema", 1);
    cJSON_AddItemToObject(doc, "evaluation", evaluation_block(out));
    cJSON *regions = cJSON_AddArrayToObject(doc, "regions");
    const cJSON **scopes = g_new0(const cJSON *, out->n_regions + 1);
    for (size_t r = 0; r < out->n_regions; r++) {
        cJSON *block = scope_block(out, &out->regions[r], error);
        if (block == NULL)
            goto fail;
        cJSON_AddItemToArray(regions, block);
        scopes[r] = block;
    }
    cJSON *total = scope_block(out, &out->total, error);
    if (total == NULL)
        goto fail;
    cJSON_AddItemToObject(doc, "total", total);
    scopes[out->n_regions] = total;
    cJSON_AddItemToObject(doc, "summary", summary(out, scopes, out->n_regions + 1));
    cJSON *warnings = cJSON_AddArrayToObject(doc, "warnings");
    for (size_t r = 0; r < out->n_regions; r++)
        add_warnings(out, &out->regions[r], warnings, out->regions[r].warnings);
    add_warnings(out, &out->total, warnings, out->total.warnings);
    add_warnings(out, &out->total, warnings, out->warnings);
    g_free(scopes);
    for (guint i = 0; i < out->plan->indicators->len; i++)
        if (out->failed[i] && failed)
            *failed = TRUE;
    return doc;
fail:
    g_free(scopes);
    cJSON_Delete(doc);
    return NULL;
}
