/* core/render/report_compare.c — the tables that set regions side by
 * side: for every indicator with a gender split, its main measure's
 * women's share in each region and the total (with a bar each); for
 * every indicator with goal statuses (`by_status`), goal fulfilment by
 * region (with a stacked bar each). */
#include "render/report_compare.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/symbols.h"
#include "render/words.h"

/* The main measure of the first scope whose result has a split. */
static const char *main_measure(const cJSON *doc, const char *indicator)
{
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *result = jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, i), indicator));
        if (jv_doc_is_split(result) && jv_doc_main_measure(result) != NULL)
            return jv_doc_main_measure(result);
    }
    return NULL;
}

static const char *scope_label(const cJSON *doc, guint i, jv_lang lang)
{
    return jv_doc_scope_is_total(doc, i) ? jv_label_gender(lang, "total")
                                         : jv_doc_scope_name(doc, i);
}

static void add_number(GArray *row, jv_lang lang, const cJSON *v, jv_kind kind)
{
    jv_row_take(row, jv_format_json(lang, v, kind), TRUE, JV_TONE_NONE);
}

/* A figure of a computed result: "." when the scope does not have the
 * key (e.g. the total's `fulfils`), × when `suppressed`. */
static void add_figure(GArray *row, jv_lang lang, const cJSON *result, const char *key,
                       jv_kind kind, gboolean suppressed)
{
    const cJSON *v = jv_doc_member(result, key);
    if (v == NULL && result != NULL)
        jv_row_take(row, g_strdup(JV_SYMBOL_NOT_APPLICABLE), TRUE, JV_TONE_NOT_APPLICABLE);
    else if (suppressed && !cJSON_IsNumber(v))
        jv_row_take(row, g_strdup(JV_SYMBOL_SUPPRESSED), TRUE, JV_TONE_SUPPRESSED);
    else
        add_number(row, lang, v, kind);
}

/* A row of a scope that did not compute the indicator: its name, then
 * "..¹" and empty cells. */
static void not_computed_row(jv_table *t, const char *name, const char *marker)
{
    GArray *row = jv_table_row(t);
    jv_row_text(row, name);
    char *text = g_strconcat(JV_SYMBOL_NO_DATA, marker, NULL);
    jv_row_take(row, text, TRUE, JV_TONE_MISSING);
    for (guint c = 2; c < t->header->len; c++)
        jv_row_text(row, "");
}

static jv_table *share_by_region(const jv_report *report, const cJSON *doc, jv_lang lang,
                                 const char *indicator, const char *main)
{
    char *ci_name = jv_format_ci_name(lang, jv_doc_confidence(doc));
    char *title = jv_words_title(doc, lang, indicator);
    char *caption =
        g_strdup_printf("%s: %s \xe2\x80\x94 %s", title, jv_tr(lang, N_("women's share by region")),
                        jv_words_key(doc, lang, indicator, main));
    g_free(title);
    jv_table *t = jv_table_new(caption);
    g_free(caption);
    gboolean has_ci = FALSE;
    for (guint i = 0; i < jv_doc_scope_count(doc); i++)
        has_ci |= jv_doc_is_interval(
            jv_doc_member(jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, i), indicator)), "ci"));
    jv_table_column(t, jv_tr(lang, N_("Region")));
    jv_table_column(t, jv_label_gender(lang, "woman"));
    jv_table_column(t, jv_label_gender(lang, "man"));
    jv_table_column(t, jv_tr(lang, N_("Women's share")));
    if (has_ci)
        jv_table_column(t, ci_name);
    jv_table_column(t, jv_tr(lang, N_("Balance")));
    jv_kind kind = jv_words_kind(doc, indicator, main);
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *entry = jv_doc_indicator(jv_doc_scope(doc, i), indicator);
        if (entry == NULL)
            continue;
        const char *marker = jv_report_marker(report, i, indicator);
        if (marker != NULL) {
            not_computed_row(t, scope_label(doc, i, lang), marker);
            continue;
        }
        const cJSON *result = jv_doc_result(entry);
        const cJSON *by_gender = jv_doc_member(result, "by_gender");
        const cJSON *share = jv_doc_member(jv_doc_member(result, "women_share"), main);
        const char *balance = jv_doc_string(result, "balance");
        jv_tone tone = jv_tone_for_balance(balance);
        gboolean woman_hidden =
            cJSON_IsTrue(jv_doc_member(jv_doc_member(by_gender, "woman"), "suppressed"));
        gboolean man_hidden =
            cJSON_IsTrue(jv_doc_member(jv_doc_member(by_gender, "man"), "suppressed"));
        gboolean suppressed = !cJSON_IsNumber(share) && (woman_hidden || man_hidden);
        GArray *row = jv_table_row(t);
        jv_row_text(row, scope_label(doc, i, lang));
        add_figure(row, lang, jv_doc_member(by_gender, "woman"), main, kind, woman_hidden);
        add_figure(row, lang, jv_doc_member(by_gender, "man"), main, kind, man_hidden);
        char *text = suppressed ? g_strdup(JV_SYMBOL_SUPPRESSED)
                                : jv_format_json(lang, share, JV_KIND_SHARE);
        jv_row_take(row, g_strdup(text), TRUE, tone);
        if (has_ci) {
            jv_row_take(row, jv_format_interval(lang, jv_doc_member(result, "ci"), JV_KIND_SHARE),
                        TRUE, JV_TONE_NONE);
            if (suppressed) {
                jv_cell *last = &g_array_index(row, jv_cell, row->len - 1);
                g_free(last->text);
                last->text = g_strdup(JV_SYMBOL_SUPPRESSED);
                last->tone = JV_TONE_SUPPRESSED;
            }
        }
        if (suppressed) /* no class of a suppressed share */
            jv_row_take(row, g_strdup(JV_SYMBOL_SUPPRESSED), TRUE, JV_TONE_SUPPRESSED);
        else
            jv_row_text(row, jv_label_balance(lang, balance));
        jv_table_bar(t, scope_label(doc, i, lang), text,
                     cJSON_IsNumber(share) ? share->valuedouble : NAN, jv_doc_member(result, "ci"),
                     suppressed, tone);
        g_free(text);
    }
    g_free(ci_name);
    return t;
}

/* The status keys of the first result that has `by_status`. */
static const cJSON *first_statuses(const cJSON *doc, const char *indicator)
{
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *s = jv_doc_member(
            jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, i), indicator)), "by_status");
        if (cJSON_IsObject(s) && s->child != NULL)
            return s;
    }
    return NULL;
}

static jv_table *goals_by_region(const jv_report *report, const cJSON *doc, jv_lang lang,
                                 const char *indicator, const cJSON *statuses)
{
    char *title = jv_words_title(doc, lang, indicator);
    char *caption = g_strdup_printf("%s: %s", title, jv_tr(lang, N_("goal fulfilment by region")));
    g_free(title);
    jv_table *t = jv_table_new(caption);
    g_free(caption);
    jv_table_column(t, jv_tr(lang, N_("Region")));
    jv_table_column(t, jv_label_key(lang, "goals"));
    const cJSON *s;
    cJSON_ArrayForEach(s, statuses) {
        jv_table_column(t, jv_label_key(lang, s->string));
        g_ptr_array_add(t->stack_names, g_strdup(jv_label_key(lang, s->string)));
    }
    jv_table_column(t, jv_label_key(lang, "share_met"));
    jv_table_column(t, jv_label_key(lang, "mean_fulfilment"));
    jv_table_column(t, jv_label_key(lang, "fulfils"));
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *entry = jv_doc_indicator(jv_doc_scope(doc, i), indicator);
        if (entry == NULL)
            continue;
        const char *marker = jv_report_marker(report, i, indicator);
        if (marker != NULL) {
            not_computed_row(t, scope_label(doc, i, lang), marker);
            continue;
        }
        const cJSON *result = jv_doc_result(entry);
        const cJSON *by_status = jv_doc_member(result, "by_status");
        GArray *row = jv_table_row(t);
        jv_row_text(row, scope_label(doc, i, lang));
        add_number(row, lang, jv_doc_member(result, "goals"), JV_KIND_COUNT);
        jv_stack *stack = g_new0(jv_stack, 1);
        stack->label = g_strdup(scope_label(doc, i, lang));
        stack->parts = g_array_new(FALSE, FALSE, sizeof(double));
        cJSON_ArrayForEach(s, statuses) {
            const cJSON *n = jv_doc_member(by_status, s->string);
            add_number(row, lang, n, JV_KIND_COUNT);
            double part = cJSON_IsNumber(n) ? n->valuedouble : 0;
            g_array_append_val(stack->parts, part);
        }
        g_ptr_array_add(t->stacks, stack);
        add_figure(row, lang, result, "share_met", JV_KIND_SHARE, FALSE);
        add_figure(row, lang, result, "mean_fulfilment", JV_KIND_SHARE, FALSE);
        add_figure(row, lang, result, "fulfils", JV_KIND_NUMBER, FALSE);
    }
    return t;
}

void jv_report_compare(jv_report *report, const cJSON *doc)
{
    GPtrArray *indicators = jv_doc_indicator_names(doc);
    for (guint k = 0; k < indicators->len; k++) {
        const char *name = g_ptr_array_index(indicators, k);
        const char *main = main_measure(doc, name);
        if (main != NULL)
            g_ptr_array_add(report->comparisons,
                            share_by_region(report, doc, report->lang, name, main));
        const cJSON *statuses = first_statuses(doc, name);
        if (statuses != NULL)
            g_ptr_array_add(report->goals,
                            goals_by_region(report, doc, report->lang, name, statuses));
    }
    g_ptr_array_unref(indicators);
}
