/* core/render/report_trend.c — the trend tables (DESIGN.md "Periods (year
 * over year)"): for every indicator with a "trend", its headline per
 * period side by side, one row per region and the total, and the change
 * from the first period to the last, marked with "*" where its interval
 * (Newcombe's, for a women's share of counts) excludes 0. A missing value
 * is × when its period's cells are suppressed, else "..". */
#include "render/report_trend.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/symbols.h"

/* The first scope's trend of `indicator`, for its periods and unit. */
static const cJSON *any_trend(const cJSON *doc, const char *indicator)
{
    for (guint i = jv_doc_scope_count(doc); i-- > 0;) {
        const cJSON *t = jv_doc_member(jv_doc_member(jv_doc_scope(doc, i), "trend"), indicator);
        if (cJSON_IsObject(t))
            return t;
    }
    return NULL;
}

/* The headline label of `indicator` in any scope, or NULL. */
static const char *headline_label(const cJSON *doc, const char *indicator)
{
    for (guint i = jv_doc_scope_count(doc); i-- > 0;) {
        const cJSON *h = jv_doc_member(
            jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, i), indicator)), "headline");
        if (jv_doc_string(h, "label") != NULL)
            return jv_doc_string(h, "label");
    }
    return NULL;
}

gboolean jv_trend_change_excludes_zero(const cJSON *change)
{
    const cJSON *ci = jv_doc_member(change, "ci");
    if (!jv_doc_is_interval(ci) || !cJSON_IsNumber(cJSON_GetArrayItem(ci, 0)))
        return FALSE;
    double lower = cJSON_GetArrayItem(ci, 0)->valuedouble;
    double upper = cJSON_GetArrayItem(ci, 1)->valuedouble;
    return lower > 0 || upper < 0;
}

static jv_table *trend_table(const cJSON *doc, jv_lang lang, const char *indicator,
                             const cJSON *model)
{
    const char *label = headline_label(doc, indicator);
    char *caption =
        g_strdup_printf("%s: %s \xe2\x80\x94 %s", indicator, jv_tr(lang, N_("trend by period")),
                        label != NULL ? jv_tr(lang, label) : jv_doc_string(model, "metric"));
    jv_table *t = jv_table_new(caption);
    g_free(caption);
    jv_table_column(t, jv_tr(lang, N_("Region")));
    const cJSON *v;
    cJSON_ArrayForEach(v, jv_doc_member(model, "values"))
        jv_table_column(t, jv_doc_string(v, "period") ? jv_doc_string(v, "period") : "");
    const cJSON *change = jv_doc_member(model, "change");
    char *head = g_strdup_printf("%s %s\xe2\x80\x93%s", jv_tr(lang, N_("Change")),
                                 jv_doc_string(change, "from") ? jv_doc_string(change, "from") : "",
                                 jv_doc_string(change, "to") ? jv_doc_string(change, "to") : "");
    jv_table_column(t, head);
    g_free(head);
    jv_kind kind = jv_kind_for_unit(jv_doc_string(model, "unit"));
    jv_kind change_kind = kind == JV_KIND_SHARE ? JV_KIND_DIFFERENCE : kind;
    gboolean with_ci = FALSE;
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *trend = jv_doc_member(jv_doc_member(jv_doc_scope(doc, i), "trend"), indicator);
        if (!cJSON_IsObject(trend))
            continue;
        GArray *row = jv_table_row(t);
        jv_row_text(row, jv_doc_scope_is_total(doc, i) ? jv_label_gender(lang, "total")
                                                       : jv_doc_scope_name(doc, i));
        /* a null headline is × when its period's cells are suppressed */
        const cJSON *periods = jv_doc_member(jv_doc_scope(doc, i), "periods");
        gboolean hidden_ends = FALSE;
        int k = 0, n = cJSON_GetArraySize(jv_doc_member(trend, "values"));
        cJSON_ArrayForEach(v, jv_doc_member(trend, "values")) {
            const cJSON *result =
                jv_doc_result(jv_doc_indicator(cJSON_GetArrayItem(periods, k), indicator));
            gboolean hidden =
                !cJSON_IsNumber(jv_doc_member(v, "value")) && jv_doc_headline_suppressed(result);
            hidden_ends |= hidden && (k == 0 || k == n - 1);
            if (hidden)
                jv_row_take(row, g_strdup(JV_SYMBOL_SUPPRESSED), TRUE, JV_TONE_SUPPRESSED);
            else
                jv_row_take(row, jv_format_json(lang, jv_doc_member(v, "value"), kind), TRUE,
                            jv_tone_for_balance(jv_doc_string(v, "balance")));
            k++;
        }
        const cJSON *c = jv_doc_member(trend, "change");
        char *text = hidden_ends && !cJSON_IsNumber(jv_doc_member(c, "value"))
                         ? g_strdup(JV_SYMBOL_SUPPRESSED)
                         : jv_format_json(lang, jv_doc_member(c, "value"), change_kind);
        with_ci |= jv_doc_is_interval(jv_doc_member(c, "ci")) &&
                   cJSON_IsNumber(cJSON_GetArrayItem(jv_doc_member(c, "ci"), 0));
        if (jv_trend_change_excludes_zero(c)) {
            char *starred = g_strconcat(text, " *", NULL);
            g_free(text);
            text = starred;
        }
        jv_row_take(row, text, TRUE, JV_TONE_NONE);
    }
    if (with_ci) {
        char *level = jv_format_ci_name(lang, jv_doc_confidence(doc));
        t->note = g_strdup_printf("*: %s (%s)",
                                  jv_tr(lang, N_("the change's interval excludes 0, more than "
                                                 "chance at this level")),
                                  level);
        g_free(level);
    }
    return t;
}

void jv_report_trend(jv_report *report, const cJSON *doc)
{
    report->trends = g_ptr_array_new_with_free_func((GDestroyNotify)jv_table_free);
    report->trend_names = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *indicators = jv_doc_indicator_names(doc);
    for (guint k = 0; k < indicators->len; k++) {
        const char *name = g_ptr_array_index(indicators, k);
        const cJSON *model = any_trend(doc, name);
        if (model == NULL)
            continue;
        g_ptr_array_add(report->trends, trend_table(doc, report->lang, name, model));
        g_ptr_array_add(report->trend_names, g_strdup(name));
    }
    g_ptr_array_unref(indicators);
}
