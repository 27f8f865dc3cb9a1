/* core/render/report_lists.c — the tables of the lists in one indicator's
 * result (report.h rule 1): a list of splits (breakdown values, arenas)
 * as one row per value with shares, balance and bars; a list of gender
 * splits without shares (target groups) as every measure per gender; a
 * list of flat objects (areas, goals) as a column per member. */
#include "render/report_lists.h"

#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/report_cells.h"
#include "render/symbols.h"

static const char *entry_name(const jv_section_ctx *c, const cJSON *entry)
{
    const char *value = jv_doc_string(entry, "value");
    if (value == NULL) { /* e.g. per_goal: the first text member names it */
        const cJSON *v;
        cJSON_ArrayForEach(v, entry)
            if (cJSON_IsString(v))
                return v->valuestring;
        return "?";
    }
    return value[0] != '\0' ? value : jv_section_tr(c, N_("(empty)"));
}

/* A list of splits (breakdown values, arenas): one row per value for the
 * main measure, with women's share, interval, balance, gaps and the
 * entries' other figures; a bar per row. */
static jv_table *split_list_table(const jv_section_ctx *c, const char *caption,
                                  const char *value_header, const cJSON *list, const char *main)
{
    guint n = (guint)cJSON_GetArraySize(list);
    const cJSON **entries = g_new(const cJSON *, n);
    for (guint i = 0; i < n; i++)
        entries[i] = cJSON_GetArrayItem(list, (int)i);
    const char *m = jv_doc_member(jv_doc_member(entries[0], "women_share"), main)
                        ? main
                        : jv_doc_main_measure(entries[0]);
    GPtrArray *genders = jv_section_visible_genders(entries, n);
    char *full = g_strdup_printf("%s \xe2\x80\x94 %s", caption, jv_section_key(c, m));
    jv_table *t = jv_table_new(full);
    g_free(full);
    jv_table_column(t, value_header);
    jv_table_column(t, jv_label_gender(c->lang, "total"));
    for (guint g = 0; g < genders->len; g++)
        jv_table_column(t, jv_label_gender(c->lang, g_ptr_array_index(genders, g)));
    jv_table_column(t, jv_section_tr(c, N_("Women's share")));
    gboolean has_ci = FALSE;
    for (guint i = 0; i < n; i++)
        has_ci |= jv_doc_member(entries[i], "ci") != NULL;
    if (has_ci)
        jv_table_column(t, c->ci_name);
    jv_table_column(t, jv_section_tr(c, N_("Balance")));
    GPtrArray *extra = g_ptr_array_new(); /* gaps and other figures */
    const cJSON *v;
    cJSON_ArrayForEach(v, entries[0]) {
        if (strcmp(v->string, "value") == 0 || jv_section_is_split_key(v->string))
            continue;
        if (jv_doc_is_gap(v) || cJSON_IsNumber(v) || cJSON_IsNull(v) || cJSON_IsBool(v)) {
            g_ptr_array_add(extra, v->string);
            jv_table_column(t, jv_section_key(c, v->string));
        }
    }
    for (guint i = 0; i < n; i++) {
        const cJSON *e = entries[i];
        const char *name = entry_name(c, e);
        GArray *row = jv_table_row(t);
        jv_row_text(row, name);
        jv_section_add_value(c, row, m, jv_doc_member(jv_doc_member(e, "total"), m));
        jv_section_mark_suppressed(row, jv_section_is_suppressed(jv_doc_member(e, "total")));
        for (guint g = 0; g < genders->len; g++) {
            const cJSON *cell =
                jv_doc_member(jv_doc_member(e, "by_gender"), g_ptr_array_index(genders, g));
            jv_section_add_value(c, row, m, jv_doc_member(cell, m));
            jv_section_mark_suppressed(row, jv_section_is_suppressed(cell));
        }
        const cJSON *share = jv_doc_member(jv_doc_member(e, "women_share"), m);
        jv_tone tone = jv_tone_for_balance(jv_doc_string(e, "balance"));
        jv_row_take(row, jv_format_json(c->lang, share, JV_KIND_SHARE), TRUE, tone);
        jv_section_mark_suppressed(row, jv_section_share_suppressed(e, share));
        if (has_ci) {
            jv_section_add_value(c, row, "ci", jv_doc_member(e, "ci"));
            jv_section_mark_suppressed(row, jv_section_share_suppressed(e, share));
        }
        if (jv_section_share_suppressed(e, share)) /* no class of a suppressed share */
            jv_row_take(row, g_strdup(JV_SYMBOL_SUPPRESSED), TRUE, JV_TONE_SUPPRESSED);
        else
            jv_row_text(row, jv_label_balance(c->lang, jv_doc_string(e, "balance")));
        for (guint k = 0; k < extra->len; k++) {
            const cJSON *x = jv_doc_member(e, g_ptr_array_index(extra, k));
            jv_section_add_value(c, row, g_ptr_array_index(extra, k), x);
            jv_section_mark_suppressed(row, jv_doc_is_gap(x) &&
                                                (jv_section_cell_suppressed(e, "woman") ||
                                                 jv_section_cell_suppressed(e, "man")));
        }
        jv_section_add_share_bar(c, t, name, e, share, jv_doc_member(e, "ci"), tone);
    }
    g_ptr_array_unref(extra);
    g_ptr_array_unref(genders);
    g_free(entries);
    return t;
}

/* A list of gender splits without women's shares (target groups): every
 * measure for every shown gender, then the gaps. */
static jv_table *gender_list_table(const jv_section_ctx *c, const char *caption,
                                   const char *value_header, const cJSON *list)
{
    guint n = (guint)cJSON_GetArraySize(list);
    const cJSON **entries = g_new(const cJSON *, n);
    for (guint i = 0; i < n; i++)
        entries[i] = cJSON_GetArrayItem(list, (int)i);
    GPtrArray *genders = jv_section_visible_genders(entries, n);
    jv_table *t = jv_table_new(caption);
    jv_table_column(t, value_header);
    GPtrArray *measures = g_ptr_array_new();
    const cJSON *m;
    cJSON_ArrayForEach(m, jv_doc_member(jv_doc_member(entries[0], "by_gender"), "woman")) {
        if (strcmp(m->string, "suppressed") == 0 || jv_section_is_ci_key(m->string))
            continue;
        g_ptr_array_add(measures, m->string);
        for (guint g = 0; g < genders->len; g++) {
            char *header = g_strdup_printf("%s: %s", jv_section_key(c, m->string),
                                           jv_label_gender(c->lang, g_ptr_array_index(genders, g)));
            jv_table_column(t, header);
            g_free(header);
        }
    }
    GPtrArray *gaps = g_ptr_array_new();
    cJSON_ArrayForEach(m, entries[0])
        if (jv_doc_is_gap(m)) {
            g_ptr_array_add(gaps, m->string);
            jv_table_column(t, jv_section_key(c, m->string));
        }
    for (guint i = 0; i < n; i++) {
        GArray *row = jv_table_row(t);
        jv_row_text(row, entry_name(c, entries[i]));
        const cJSON *by_gender = jv_doc_member(entries[i], "by_gender");
        for (guint k = 0; k < measures->len; k++)
            for (guint g = 0; g < genders->len; g++) {
                const cJSON *cell = jv_doc_member(by_gender, g_ptr_array_index(genders, g));
                jv_section_add_value(c, row, g_ptr_array_index(measures, k),
                                     jv_doc_member(cell, g_ptr_array_index(measures, k)));
                jv_section_mark_suppressed(row, jv_section_is_suppressed(cell));
            }

        for (guint k = 0; k < gaps->len; k++)
            jv_section_add_value(c, row, g_ptr_array_index(gaps, k),
                                 jv_doc_member(entries[i], g_ptr_array_index(gaps, k)));
    }
    g_ptr_array_unref(gaps);
    g_ptr_array_unref(measures);
    g_ptr_array_unref(genders);
    g_free(entries);
    return t;
}

/* A list of flat objects (areas, per_goal): a column per member. */
static jv_table *flat_list_table(const jv_section_ctx *c, const char *caption,
                                 const char *value_header, const cJSON *list)
{
    jv_table *t = jv_table_new(caption);
    const cJSON *first = cJSON_GetArrayItem(list, 0);
    GPtrArray *keys = g_ptr_array_new();
    const cJSON *v;
    cJSON_ArrayForEach(v, first) {
        if (!jv_section_is_scalar(v) && !jv_doc_is_gap(v) && !jv_doc_is_interval(v))
            continue;
        g_ptr_array_add(keys, v->string);
        if (strcmp(v->string, "value") == 0)
            jv_table_column(t, value_header);
        else
            jv_table_column(t, jv_section_key(c, v->string));
    }
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list) {
        GArray *row = jv_table_row(t);
        for (guint k = 0; k < keys->len; k++) {
            const char *key = g_ptr_array_index(keys, k);
            const cJSON *value = jv_doc_member(entry, key);
            if (strcmp(key, "value") == 0)
                jv_row_text(row, entry_name(c, entry));
            else
                jv_section_add_value(c, row, key, value);
        }
    }
    g_ptr_array_unref(keys);
    return t;
}

void jv_section_list_table(const jv_section_ctx *c, const char *caption, const char *value_header,
                           const cJSON *list, const char *main)
{
    const cJSON *first = cJSON_GetArrayItem(list, 0);
    jv_table *t = NULL;
    if (!cJSON_IsArray(list) || !cJSON_IsObject(first))
        return;
    if (jv_doc_is_split_list(list))
        t = split_list_table(c, caption, value_header, list, main);
    else if (jv_doc_is_split(first))
        t = gender_list_table(c, caption, value_header, list);
    else
        t = flat_list_table(c, caption, value_header, list);
    g_ptr_array_add(c->section->tables, t);
}
