/* core/eval/period_state.c — periods in saved region states (`run
 * --save-state`, `jamvikt merge`; DESIGN.md "Periods").
 *
 * A state file of a run with periods has a top-level "periods": {"column",
 * "values", "listed"} and, per periodised indicator, "base" (the saved state
 * a period without rows starts from: the region's rows of tables without
 * the period column) and "periods": [{"value", "rows", "skipped_rows",
 * "state"}]. Merging takes the periods as listed (every file must list the
 * same) or the sorted union of the files' values, and gives a region a
 * period it did not have from its base — exactly what the single run over
 * all regions builds, so the merged document equals it byte for byte. */
#include "eval/period_state.h"

#include "plugin/json_io.h"
#include "util/i18n.h"

#include <string.h>

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

cJSON *jv_period_state_header(jv_outcomes *out)
{
    if (out->periods == NULL)
        return NULL;
    cJSON *h = cJSON_CreateObject();
    cJSON_AddStringToObject(h, "column", out->plan->evaluation->periods_column);
    cJSON *values = cJSON_AddArrayToObject(h, "values");
    for (guint k = 0; k < out->periods->len; k++)
        cJSON_AddItemToArray(values, cJSON_CreateString(g_ptr_array_index(out->periods, k)));
    cJSON_AddBoolToObject(h, "listed", out->plan->evaluation->period_values != NULL);
    return h;
}

static gboolean save_one(jv_outcomes *out, jv_scope *scope, guint i, void *state, cJSON *into,
                         const char *key, GError **error)
{
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    cJSON *object = cJSON_AddObjectToObject(into, key);
    jv_writer w;
    jv_writer_init(&w, object);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
    gboolean ok = ind->desc->save(&ctx, state, &w) == 0;
    if (!ok)
        jv_ctx_set_gerror(&ctx, "save() failed without a message", error);
    jv_ctx_clear_error(&ctx);
    return ok;
}

gboolean jv_period_state_save(jv_outcomes *out, jv_scope *scope, guint i, cJSON *item,
                              GError **error)
{
    if (out->periods == NULL || !out->periodised[i])
        return TRUE;
    if (!save_one(out, scope, i, scope->secondary[i], item, "base", error))
        return FALSE;
    cJSON *periods = cJSON_AddArrayToObject(item, "periods");
    for (guint k = 0; k < scope->parts->len; k++) {
        jv_period_part *part = g_ptr_array_index(scope->parts, k);
        cJSON *p = cJSON_CreateObject();
        cJSON_AddItemToArray(periods, p);
        cJSON_AddStringToObject(p, "value", part->value);
        cJSON_AddNumberToObject(p, "rows", (double)part->rows[i]);
        cJSON_AddNumberToObject(p, "skipped_rows", (double)part->skipped[i]);
        if (!save_one(out, scope, i, part->states[i], p, "state", error))
            return FALSE;
    }
    return TRUE;
}

static gint compare_values(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static gboolean string_list_equal(const cJSON *a, const cJSON *b)
{
    return cJSON_Compare(a, b, TRUE);
}

/* The merged run's periods from every file's header. */
static gboolean decide(jv_outcomes *out, const cJSON *const *docs, const char *const *paths,
                       guint n, GError **error)
{
    const cJSON *first = get(docs[0], "periods");
    for (guint f = 1; f < n; f++) {
        const cJSON *h = get(docs[f], "periods");
        gboolean same = (first == NULL) == (h == NULL);
        if (same && first != NULL)
            same = cJSON_Compare(get(first, "column"), get(h, "column"), TRUE) &&
                   cJSON_IsTrue(get(first, "listed")) == cJSON_IsTrue(get(h, "listed")) &&
                   (!cJSON_IsTrue(get(first, "listed")) ||
                    string_list_equal(get(first, "values"), get(h, "values")));
        if (!same) {
            g_set_error(error, JV_RUN_ERROR, 0,
                        _("%s and %s were made with different \"periods\": pool only states from "
                          "runs with the same periods column and values"),
                        paths[0], paths[f]);
            return FALSE;
        }
    }
    if (first == NULL)
        return TRUE;
    out->periods = g_ptr_array_new_with_free_func(g_free);
    for (guint f = 0; f < n; f++) {
        const cJSON *v;
        cJSON_ArrayForEach(v, get(get(docs[f], "periods"), "values")) {
            gboolean seen = !cJSON_IsString(v);
            for (guint k = 0; !seen && k < out->periods->len; k++)
                seen = strcmp(g_ptr_array_index(out->periods, k), v->valuestring) == 0;
            if (!seen)
                g_ptr_array_add(out->periods, g_strdup(v->valuestring));
        }
    }
    if (!cJSON_IsTrue(get(first, "listed")))
        g_ptr_array_sort(out->periods, compare_values);
    return TRUE;
}

static void *load_one(jv_outcomes *out, jv_scope *scope, guint i, const cJSON *node,
                      const char *path, GError **error)
{
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
    void *state = node != NULL ? ind->desc->load(&ctx, (const jv_node *)node) : NULL;
    if (state == NULL) {
        GError *e = NULL;
        jv_ctx_set_gerror(
            &ctx, node != NULL ? "load() returned no state" : "a saved period state is missing",
            &e);
        g_set_error(error, JV_RUN_ERROR, 0, "%s: %s", path, e->message);
        g_error_free(e);
    }
    jv_ctx_clear_error(&ctx);
    return state;
}

/* One region's parts for indicator i from its item. */
static gboolean load_region(jv_outcomes *out, jv_scope *scope, guint i, const cJSON *item,
                            const char *path, GError **error)
{
    const cJSON *saved = get(item, "periods");
    for (guint k = 0; k < out->periods->len; k++) {
        jv_period_part *part = g_ptr_array_index(scope->parts, k);
        const cJSON *p, *found = NULL;
        cJSON_ArrayForEach(p, saved)
            if (cJSON_IsString(get(p, "value")) &&
                strcmp(get(p, "value")->valuestring, part->value) == 0)
                found = p;
        const cJSON *node = found != NULL ? get(found, "state") : get(item, "base");
        part->states[i] = load_one(out, scope, i, node, path, error);
        if (part->states[i] == NULL)
            return FALSE;
        if (found != NULL) {
            part->rows[i] = (guint64)cJSON_GetNumberValue(get(found, "rows"));
            part->skipped[i] = (guint64)cJSON_GetNumberValue(get(found, "skipped_rows"));
        }
    }
    return TRUE;
}

gboolean jv_period_states_load(jv_outcomes *out, const cJSON *const *docs, const char *const *paths,
                               guint n, GError **error)
{
    if (!decide(out, docs, paths, n, error))
        return FALSE;
    if (out->periods == NULL)
        return TRUE;
    guint n_ind = out->plan->indicators->len;
    out->periodised = g_new0(gboolean, n_ind ? n_ind : 1);
    for (guint f = 0; f < n; f++)
        for (guint i = 0; i < n_ind; i++) {
            const cJSON *item = cJSON_GetArrayItem(get(docs[f], "indicators"), (int)i);
            out->periodised[i] = out->periodised[i] || cJSON_IsArray(get(item, "periods"));
        }
    for (guint f = 0; f < n; f++) {
        jv_scope *scope = &out->regions[f];
        scope->parts = g_ptr_array_new();
        for (guint k = 0; k < out->periods->len; k++)
            g_ptr_array_add(scope->parts,
                            jv_period_part_new(out, g_ptr_array_index(out->periods, k)));
        for (guint i = 0; i < n_ind; i++) {
            const cJSON *item = cJSON_GetArrayItem(get(docs[f], "indicators"), (int)i);
            if (!out->periodised[i] || scope->outcomes[i].status != JV_STATUS_OK)
                continue;
            if (!cJSON_IsArray(get(item, "periods"))) {
                g_set_error(error, JV_RUN_ERROR, 0,
                            _("%s: indicator '%s' has no periods here but has them in another "
                              "state: pool only states from runs with the same data columns"),
                            paths[f],
                            ((jv_indicator *)g_ptr_array_index(out->plan->indicators, i))->name);
                return FALSE;
            }
            if (!load_region(out, scope, i, item, paths[f], error))
                return FALSE;
        }
    }
    return TRUE;
}
