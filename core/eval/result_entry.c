/* core/eval/result_entry.c — one indicator's entry in one scope of the
 * result document ({status, rows, skipped_rows, result} or its error or
 * skip): the plugin's finish() with the scope's disclosure, rows hidden
 * where the scope's total cell is suppressed. Used for the all-periods
 * results (result.c) and each period's (period_result.c). */
#include "eval/result_entry.h"

#include "plugin/json_io.h"

gboolean jv_result_entry(jv_outcomes *out, jv_scope *scope, guint i, int period, void *state,
                         void *total_state, guint64 rows, guint64 skipped, cJSON *parent,
                         GError **error)
{
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    jv_outcome *o = &scope->outcomes[i];
    cJSON *entry = cJSON_AddObjectToObject(parent, ind->name);
    if (out->failed[i] || o->status == JV_STATUS_ERROR) {
        cJSON_AddStringToObject(entry, "status", "error");
        cJSON_AddStringToObject(entry, "message", out->failure[i] ? out->failure[i] : o->reason);
        return TRUE;
    }
    if (o->status == JV_STATUS_SKIPPED) {
        cJSON_AddStringToObject(entry, "status", "skipped");
        cJSON_AddStringToObject(entry, "reason", o->reason);
        return TRUE;
    }
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
    ctx.warnings = period < 0 ? scope->warnings : NULL; /* a period's repeat */
    ctx.disclosure = out->disclosures[i];
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
        if (!jv_outcomes_callback_failed(out, i, &ctx, "finish() failed without a message", error))
            return FALSE;
        cJSON_AddStringToObject(entry, "status", "error");
        cJSON_AddStringToObject(entry, "message", out->failure[i]);
        return TRUE;
    }
    jv_ctx_clear_error(&ctx);
    gboolean hidden = out->disclosures[i] != NULL &&
                      jv_disclosure_period_suppressed(out->disclosures[i], scope->index, period,
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
