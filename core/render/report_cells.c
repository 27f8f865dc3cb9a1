/* core/render/report_cells.c — the figures of one indicator's result as
 * cells of the section's tables (report_cells.h): labels of keys and
 * intervals, values formatted by kind, gaps with their interval, the
 * suppression symbol where a figure is hidden, and women's share bars. */
#include "render/report_cells.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/symbols.h"
#include "render/words.h"

const char *jv_section_tr(const jv_section_ctx *c, const char *msgid)
{
    return jv_tr(c->lang, msgid);
}

/* A key's label for this section's indicator (words.h). */
const char *jv_section_key(const jv_section_ctx *c, const char *key)
{
    return jv_words_key(c->doc, c->lang, c->section->indicator, key);
}

/* A cell whose figure is missing because the cell is suppressed shows
 * the suppression symbol, not "..". */
void jv_section_mark_suppressed(GArray *row, gboolean suppressed)
{
    jv_cell *last = row->len ? &g_array_index(row, jv_cell, row->len - 1) : NULL;
    if (!suppressed || last == NULL || strcmp(last->text, JV_SYMBOL_NO_DATA) != 0)
        return;
    g_free(last->text);
    last->text = g_strdup(JV_SYMBOL_SUPPRESSED);
    last->tone = JV_TONE_SUPPRESSED;
}

gboolean jv_section_is_suppressed(const cJSON *cell)
{
    return cJSON_IsTrue(jv_doc_member(cell, "suppressed"));
}

/* Keys of a split that the split's own table shows. */
gboolean jv_section_is_split_key(const char *key)
{
    static const char *const keys[] = {"by_gender", "total",           "women_share",
                                       "balance",   "balance_certain", "ci"};
    for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
        if (strcmp(keys[i], key) == 0)
            return TRUE;
    return FALSE;
}

gboolean jv_section_is_ci_key(const char *key)
{
    return key != NULL && (strcmp(key, "ci") == 0 || g_str_has_suffix(key, "_ci"));
}

gboolean jv_section_is_scalar(const cJSON *v)
{
    return cJSON_IsNumber(v) || cJSON_IsBool(v) || cJSON_IsString(v) || cJSON_IsNull(v);
}

/* "approval_rate_ci" → "Approval rate, 95 % CI"; "ci" after "rate" →
 * "Reach rate, 95 % CI" (`previous`: the key before it, or NULL). */
char *jv_section_key_label(const jv_section_ctx *c, const char *key, const char *previous)
{
    if (!jv_section_is_ci_key(key))
        return g_strdup(jv_section_key(c, key));
    if (strcmp(key, "ci") == 0)
        return previous != NULL && !jv_section_is_ci_key(previous)
                   ? g_strdup_printf("%s, %s", jv_section_key(c, previous), c->ci_name)
                   : g_strdup(c->ci_name);
    char *base = g_strndup(key, strlen(key) - 3);
    char *label = g_strdup_printf("%s, %s", jv_section_key(c, base), c->ci_name);
    g_free(base);
    return label;
}

/* The kind of the interval under a ci key: its measure's, a share for a
 * bare "ci". */
static jv_kind ci_kind(const jv_section_ctx *c, const char *key)
{
    if (strcmp(key, "ci") == 0)
        return JV_KIND_SHARE;
    return jv_words_kind(c->doc, c->section->indicator, key);
}

/* A gap {value, ci}: "-14,3 p.e. (95 % KI -35,0 till +7,1 p.e.)". */
char *jv_section_gap_text(const jv_section_ctx *c, const char *key, const cJSON *gap)
{
    jv_kind kind = jv_words_kind(c->doc, c->section->indicator, key);
    if (kind != JV_KIND_AMOUNT_DIFFERENCE && kind != JV_KIND_NUMBER_DIFFERENCE)
        kind = JV_KIND_DIFFERENCE;
    char *value = jv_format_json(c->lang, jv_doc_member(gap, "value"), kind);
    const cJSON *ci = jv_doc_member(gap, "ci");
    if (!jv_doc_is_interval(ci))
        return value;
    char *interval = jv_format_interval(c->lang, ci, kind);
    char *text = g_strdup_printf("%s (%s %s)", value, c->ci_name, interval);
    g_free(value);
    g_free(interval);
    return text;
}

/* Any value under `key`, as a cell. */
void jv_section_add_value(const jv_section_ctx *c, GArray *row, const char *key, const cJSON *v)
{
    if (cJSON_IsString(v))
        jv_row_text(row, jv_label_value(c->lang, key, v->valuestring));
    else if (jv_doc_is_gap(v)) {
        char *text = jv_section_gap_text(c, key, v);
        char *paren = strchr(text, '(');
        if (paren != NULL) /* the value alone: the interval has its own column */
            paren[-1] = '\0';
        jv_row_take(row, text, TRUE, JV_TONE_NONE);
    } else if (jv_section_is_ci_key(key) || cJSON_IsArray(v))
        jv_row_take(row,
                    jv_format_interval(
                        c->lang, v, jv_section_is_ci_key(key) ? ci_kind(c, key) : JV_KIND_NUMBER),
                    TRUE, JV_TONE_NONE);
    else
        jv_row_take(row,
                    jv_format_json(c->lang, v, jv_words_kind(c->doc, c->section->indicator, key)),
                    TRUE, JV_TONE_NONE);
}

/* The split's genders to show: women and men always, the others when some
 * split of `splits` (NULL-terminated) uses them. New array. */
GPtrArray *jv_section_visible_genders(const cJSON *const *splits, guint n)
{
    GPtrArray *all = jv_doc_genders(jv_doc_member(splits[0], "by_gender"));
    GPtrArray *shown = g_ptr_array_new();
    for (guint i = 0; i < all->len; i++) {
        const char *g = g_ptr_array_index(all, i);
        gboolean used = strcmp(g, "woman") == 0 || strcmp(g, "man") == 0;
        for (guint k = 0; k < n && !used; k++)
            used = jv_doc_gender_used(jv_doc_member(jv_doc_member(splits[k], "by_gender"), g));
        if (used)
            g_ptr_array_add(shown, (gpointer)g);
    }
    g_ptr_array_unref(all);
    return shown;
}

gboolean jv_section_cell_suppressed(const cJSON *split, const char *gender)
{
    return cJSON_IsTrue(
        jv_doc_member(jv_doc_member(jv_doc_member(split, "by_gender"), gender), "suppressed"));
}

/* A share is missing because of suppression when women or men are. */
gboolean jv_section_share_suppressed(const cJSON *split, const cJSON *share)
{
    return !cJSON_IsNumber(share) &&
           (jv_section_cell_suppressed(split, "woman") || jv_section_cell_suppressed(split, "man"));
}

void jv_section_add_share_bar(const jv_section_ctx *c, jv_table *t, const char *label,
                              const cJSON *split, const cJSON *share, const cJSON *interval,
                              jv_tone tone)
{
    gboolean suppressed = jv_section_share_suppressed(split, share);
    char *text =
        suppressed ? g_strdup(JV_SYMBOL_SUPPRESSED) : jv_format_json(c->lang, share, JV_KIND_SHARE);
    jv_table_bar(t, label, text, cJSON_IsNumber(share) ? share->valuedouble : NAN, interval,
                 suppressed, tone);
    g_free(text);
}
