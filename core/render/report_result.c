/* core/render/report_result.c — one indicator's section in one scope: the
 * headline as a sentence, then tables recognised by shape (report.h rule
 * 1): key figures, the main split, object splits, gender objects, flat
 * objects, then lists and breakdowns (report_lists.c), in the order the
 * result lists them. The cells come from report_cells.c. */
#include "render/report_result.h"

#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/report_cells.h"
#include "render/report_lists.h"
#include "render/sentences.h"
#include "render/words.h"

static char *headline_sentence(const jv_section_ctx *c, const cJSON *h)
{
    if (!cJSON_IsObject(h))
        return NULL;
    GString *s = g_string_new(jv_words_headline(c->doc, c->lang, c->section->indicator, h));
    jv_kind kind = jv_kind_for_unit(jv_doc_string(h, "unit"));
    char *value = jv_format_json(c->lang, jv_doc_member(h, "value"), kind);
    g_string_append_printf(s, ": %s", value);
    g_free(value);
    if (jv_doc_is_interval(jv_doc_member(h, "ci"))) {
        char *ci = jv_format_interval(c->lang, jv_doc_member(h, "ci"), kind);
        g_string_append_printf(s, " (%s %s)", c->ci_name, ci);
        g_free(ci);
    }
    const char *balance = jv_doc_string(h, "balance");
    if (balance != NULL && strcmp(balance, "no_data") != 0) {
        g_string_append_printf(s, " \xe2\x80\x94 %s", jv_label_balance(c->lang, balance));
        if (cJSON_IsFalse(jv_doc_member(h, "balance_certain")))
            g_string_append_printf(s, " (%s)", jv_section_tr(c, N_("not statistically certain")));
    }
    return g_string_free(s, FALSE);
}

/* A split's balance and interval in one line. */
static char *split_note(const jv_section_ctx *c, const cJSON *split, const char *main)
{
    GString *s = g_string_new(NULL);
    const char *balance = jv_doc_string(split, "balance");
    if (balance != NULL) {
        g_string_append_printf(s, "%s (%s): %s", jv_section_tr(c, N_("Balance")),
                               jv_section_key(c, main), jv_label_balance(c->lang, balance));
        if (cJSON_IsFalse(jv_doc_member(split, "balance_certain")))
            g_string_append_printf(s, ", %s", jv_section_tr(c, N_("not statistically certain")));
    }
    const cJSON *ci = jv_doc_member(split, "ci");
    if (jv_doc_is_interval(ci)) {
        char *interval = jv_format_interval(c->lang, ci, JV_KIND_SHARE);
        g_string_append_printf(s, "%s%s, %s: %s", s->len ? " · " : "",
                               jv_section_tr(c, N_("Women's share")), c->ci_name, interval);
        g_free(interval);
    }
    if (s->len == 0) {
        g_string_free(s, TRUE);
        return NULL;
    }
    return g_string_free(s, FALSE);
}

/* Measures down, total/women/men/... across, women's share last. */
static jv_table *split_table(const jv_section_ctx *c, const char *caption, const cJSON *split,
                             const char *main)
{
    const cJSON *by_gender = jv_doc_member(split, "by_gender");
    const cJSON *total = jv_doc_member(split, "total");
    const cJSON *shares = jv_doc_member(split, "women_share");
    GPtrArray *genders = jv_section_visible_genders(&split, 1);
    jv_table *t = jv_table_new(caption);
    jv_table_column(t, jv_section_tr(c, N_("Measure")));
    if (cJSON_IsObject(total))
        jv_table_column(t, jv_label_gender(c->lang, "total"));
    for (guint g = 0; g < genders->len; g++)
        jv_table_column(t, jv_label_gender(c->lang, g_ptr_array_index(genders, g)));
    if (cJSON_IsObject(shares))
        jv_table_column(t, jv_section_tr(c, N_("Women's share")));
    const cJSON *first =
        genders->len ? jv_doc_member(by_gender, g_ptr_array_index(genders, 0)) : NULL;
    const cJSON *m;
    cJSON_ArrayForEach(m, first) {
        if (m->string == NULL || strcmp(m->string, "suppressed") == 0)
            continue;
        GArray *row = jv_table_row(t);
        jv_row_take(row,
                    jv_section_key_label(c, m->string, m != first->child ? m->prev->string : NULL),
                    FALSE, JV_TONE_NONE);
        if (cJSON_IsObject(total)) {
            jv_section_add_value(c, row, m->string, jv_doc_member(total, m->string));
            jv_section_mark_suppressed(row, jv_section_is_suppressed(total));
        }
        for (guint g = 0; g < genders->len; g++) {
            const cJSON *cell = jv_doc_member(by_gender, g_ptr_array_index(genders, g));
            jv_section_add_value(c, row, m->string, jv_doc_member(cell, m->string));
            jv_section_mark_suppressed(row, jv_section_is_suppressed(cell));
        }
        if (cJSON_IsObject(shares)) {
            const cJSON *share = jv_doc_member(shares, m->string);
            if (share != NULL) {
                jv_row_take(row, jv_format_json(c->lang, share, JV_KIND_SHARE), TRUE, JV_TONE_NONE);
                jv_section_mark_suppressed(row, jv_section_share_suppressed(split, share));
            } else
                jv_row_text(row, "");
        }
    }
    const cJSON *share;
    cJSON_ArrayForEach(share, shares) {
        gboolean is_main = main != NULL && strcmp(share->string, main) == 0;
        jv_section_add_share_bar(c, t, jv_section_key(c, share->string), split, share,
                                 is_main ? jv_doc_member(split, "ci") : NULL,
                                 is_main ? jv_tone_for_balance(jv_doc_string(split, "balance"))
                                         : JV_TONE_NONE);
    }
    t->note = split_note(c, split, main);
    g_ptr_array_unref(genders);
    return t;
}

/* Key figures: the indicator's rows and every scalar, gap and interval of
 * the result outside its splits. */
static jv_table *key_figures(const jv_section_ctx *c, const cJSON *entry, const cJSON *result)
{
    jv_table *t = jv_table_new(jv_section_tr(c, N_("Key figures")));
    jv_table_column(t, jv_section_tr(c, N_("Measure")));
    jv_table_column(t, jv_section_tr(c, N_("Value")));
    static const char *const counts[] = {"rows", "skipped_rows"};
    for (size_t i = 0; i < G_N_ELEMENTS(counts); i++) {
        const cJSON *v = jv_doc_member(entry, counts[i]);
        if (v == NULL)
            continue;
        GArray *row = jv_table_row(t);
        jv_row_text(row, jv_section_key(c, counts[i]));
        jv_section_add_value(c, row, counts[i], v);
        /* null only when the total is suppressed */
        jv_section_mark_suppressed(row, cJSON_IsNull(v));
    }
    gboolean split = jv_doc_is_split(result);
    const cJSON *v;
    cJSON_ArrayForEach(v, result) {
        if (strcmp(v->string, "headline") == 0 || (split && jv_section_is_split_key(v->string)))
            continue;
        gboolean gap = jv_doc_is_gap(v);
        if (!gap && !jv_section_is_scalar(v) && !jv_doc_is_interval(v))
            continue;
        GArray *row = jv_table_row(t);
        jv_row_take(row, jv_section_key_label(c, v->string, NULL), FALSE, JV_TONE_NONE);
        if (gap)
            jv_row_take(row, jv_section_gap_text(c, v->string, v), TRUE, JV_TONE_NONE);
        else
            jv_section_add_value(c, row, v->string, v);
    }
    return t;
}

/* An object with woman and man objects: measures down, genders across. */
static jv_table *gender_object_table(const jv_section_ctx *c, const char *key, const cJSON *object)
{
    jv_table *t = jv_table_new(jv_section_key(c, key));
    jv_table_column(t, jv_section_tr(c, N_("Measure")));
    GPtrArray *genders = g_ptr_array_new();
    const cJSON *g;
    cJSON_ArrayForEach(g, object)
        if (cJSON_IsObject(g) && !jv_doc_is_gap(g)) {
            g_ptr_array_add(genders, g->string);
            jv_table_column(t, jv_label_gender(c->lang, g->string));
        }
    const cJSON *woman = jv_doc_member(object, "woman");
    const cJSON *m;
    cJSON_ArrayForEach(m, woman) {
        if (strcmp(m->string, "suppressed") == 0)
            continue;
        GArray *row = jv_table_row(t);
        /* (cJSON's first child's prev is the last child, not NULL) */
        jv_row_take(row,
                    jv_section_key_label(c, m->string, m != woman->child ? m->prev->string : NULL),
                    FALSE, JV_TONE_NONE);
        for (guint i = 0; i < genders->len; i++) {
            const cJSON *cell = jv_doc_member(object, g_ptr_array_index(genders, i));
            jv_section_add_value(c, row, m->string, jv_doc_member(cell, m->string));
            jv_section_mark_suppressed(row, jv_section_is_suppressed(cell));
        }
    }
    g_ptr_array_unref(genders);
    cJSON_ArrayForEach(g, object)
        if (jv_doc_is_gap(g)) {
            char *text = jv_section_gap_text(c, g->string, g);
            t->note = g_strdup_printf("%s: %s", jv_section_key(c, g->string), text);
            g_free(text);
        }
    return t;
}

/* An object of scalars (by_status): one row, a column per key. */
static jv_table *flat_object_table(const jv_section_ctx *c, const char *key, const cJSON *object)
{
    jv_table *t = jv_table_new(jv_section_key(c, key));
    t->no_row_names = TRUE;
    GArray *row = jv_table_row(t);
    const cJSON *v;
    cJSON_ArrayForEach(v, object) {
        jv_table_column(t, jv_section_key(c, v->string));
        jv_section_add_value(c, row, v->string, v);
    }
    return t;
}

jv_section *jv_report_section(const cJSON *doc, jv_lang lang, const char *indicator,
                              const cJSON *entry)
{
    return jv_report_section_with(doc, lang, indicator, entry, NULL, FALSE);
}

jv_section *jv_report_section_with(const cJSON *doc, jv_lang lang, const char *indicator,
                                   const cJSON *entry, const char *marker, gboolean publish)
{
    if (entry == NULL)
        return NULL;
    jv_section *section = g_new0(jv_section, 1);
    section->indicator = g_strdup(indicator);
    section->title = jv_words_title(doc, lang, indicator);
    section->tables = g_ptr_array_new_with_free_func((GDestroyNotify)jv_table_free);
    jv_section_ctx c = {.doc = doc,
                        .lang = lang,
                        .ci_name = jv_format_ci_name(lang, jv_doc_confidence(doc)),
                        .section = section};
    const cJSON *result = jv_doc_result(entry);
    const char *status = jv_doc_string(entry, "status");
    if (result == NULL) {
        const char *why = jv_doc_string(entry, "reason");
        if (why == NULL)
            why = jv_doc_string(entry, "message");
        gboolean failed = g_strcmp0(status, "error") == 0;
        char *reason =
            jv_words_reason(lang, why != NULL ? why : (status != NULL ? status : "?"), publish);
        section->status =
            g_strdup_printf("%s%s%s: %s", marker ? marker : "", marker ? " " : "",
                            jv_section_tr(&c, failed ? N_("Failed") : N_("Not computed")), reason);
        g_free(reason);
        g_free(c.ci_name);
        return section;
    }
    /* The result in words; the bare headline line only when there are
     * none (a missing value: nothing is said about it, the line shows its
     * symbol). */
    section->sentence = jv_sentence_result(doc, lang, indicator, result);
    if (section->sentence == NULL &&
        !(cJSON_IsNull(jv_doc_member(jv_doc_member(result, "headline"), "value")) &&
          jv_doc_headline_suppressed(result)))
        section->headline = headline_sentence(&c, jv_doc_member(result, "headline"));

    const char *main = jv_doc_main_measure(result);
    jv_table *figures = key_figures(&c, entry, result);
    if (figures->rows->len > 0)
        g_ptr_array_add(section->tables, figures);
    else
        jv_table_free(figures);
    if (jv_doc_is_split(result))
        g_ptr_array_add(section->tables,
                        split_table(&c, jv_section_tr(&c, N_("By gender")), result, main));
    const cJSON *v;
    cJSON_ArrayForEach(v, result) {
        if (strcmp(v->string, "headline") == 0 ||
            (jv_doc_is_split(result) && jv_section_is_split_key(v->string)))
            continue;
        if (jv_doc_is_split(v)) {
            const char *m = jv_doc_member(jv_doc_member(v, "women_share"), main)
                                ? main
                                : jv_doc_main_measure(v);
            g_ptr_array_add(section->tables, split_table(&c, jv_section_key(&c, v->string), v, m));
        } else if (jv_doc_is_gender_object(v)) {
            g_ptr_array_add(section->tables, gender_object_table(&c, v->string, v));
        } else if (strcmp(v->string, "breakdowns") == 0 && cJSON_IsObject(v)) {
            const cJSON *column;
            cJSON_ArrayForEach(column, v) {
                char *caption =
                    g_strdup_printf("%s %s", jv_section_tr(&c, N_("By")), column->string);
                jv_section_list_table(&c, caption, column->string, column, main);
                g_free(caption);
            }
        } else if (cJSON_IsArray(v)) {
            jv_section_list_table(&c, jv_section_key(&c, v->string), jv_section_key(&c, v->string),
                                  v, main);
        } else if (cJSON_IsObject(v) && !jv_doc_is_gap(v)) {
            gboolean flat = TRUE;
            const cJSON *member;
            cJSON_ArrayForEach(member, v)
                flat &= jv_section_is_scalar(member);
            if (flat && v->child != NULL)
                g_ptr_array_add(section->tables, flat_object_table(&c, v->string, v));
        }
    }
    g_free(c.ci_name);
    return section;
}
