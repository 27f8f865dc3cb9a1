/* core/render/report_result.c — one indicator's section in one scope: the
 * headline as a sentence, then tables recognised by shape (report.h rule
 * 1): key figures, the main split, object splits, gender objects, flat
 * objects, lists and breakdowns, in the order the result lists them. */
#include "render/report.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/symbols.h"
#include "render/sentences.h"
#include "render/words.h"

typedef struct ctx {
    const cJSON *doc;
    jv_lang lang;
    char *ci_name; /* "95 % KI" */
    jv_section *section;
} ctx;

static const char *tr(const ctx *c, const char *msgid)
{
    return jv_tr(c->lang, msgid);
}

/* A key's label for this section's indicator (words.h). */
static const char *klabel(const ctx *c, const char *key)
{
    return jv_words_key(c->doc, c->lang, c->section->indicator, key);
}

/* A cell whose figure is missing because the cell is suppressed shows
 * the suppression symbol, not "..". */
static void mark_suppressed(GArray *row, gboolean suppressed)
{
    jv_cell *last = row->len ? &g_array_index(row, jv_cell, row->len - 1) : NULL;
    if (!suppressed || last == NULL || strcmp(last->text, JV_SYMBOL_NO_DATA) != 0)
        return;
    g_free(last->text);
    last->text = g_strdup(JV_SYMBOL_SUPPRESSED);
    last->tone = JV_TONE_SUPPRESSED;
}

static gboolean flag(const cJSON *cell)
{
    return cJSON_IsTrue(jv_doc_member(cell, "suppressed"));
}

/* Keys of a split that the split's own table shows. */
static gboolean is_split_key(const char *key)
{
    static const char *const keys[] = {"by_gender", "total", "women_share",
                                       "balance", "balance_certain", "ci"};
    for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
        if (strcmp(keys[i], key) == 0)
            return TRUE;
    return FALSE;
}

static gboolean is_ci_key(const char *key)
{
    return key != NULL && (strcmp(key, "ci") == 0 || g_str_has_suffix(key, "_ci"));
}

static gboolean is_scalar(const cJSON *v)
{
    return cJSON_IsNumber(v) || cJSON_IsBool(v) || cJSON_IsString(v) || cJSON_IsNull(v);
}

/* "approval_rate_ci" → "Approval rate, 95 % CI"; "ci" after "rate" →
 * "Reach rate, 95 % CI" (`previous`: the key before it, or NULL). */
static char *key_label(const ctx *c, const char *key, const char *previous)
{
    if (!is_ci_key(key))
        return g_strdup(klabel(c, key));
    if (strcmp(key, "ci") == 0)
        return previous != NULL && !is_ci_key(previous)
                   ? g_strdup_printf("%s, %s", klabel(c, previous), c->ci_name)
                   : g_strdup(c->ci_name);
    char *base = g_strndup(key, strlen(key) - 3);
    char *label = g_strdup_printf("%s, %s", klabel(c, base), c->ci_name);
    g_free(base);
    return label;
}

/* The kind of the interval under a ci key: its measure's, a share for a
 * bare "ci". */
static jv_kind ci_kind(const ctx *c, const char *key)
{
    if (strcmp(key, "ci") == 0)
        return JV_KIND_SHARE;
    return jv_words_kind(c->doc, c->section->indicator, key);
}

/* A gap {value, ci}: "-14,3 p.e. (95 % KI -35,0 till +7,1 p.e.)". */
static char *gap_text(const ctx *c, const char *key, const cJSON *gap)
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
static void add_value(const ctx *c, GArray *row, const char *key, const cJSON *v)
{
    if (cJSON_IsString(v))
        jv_row_text(row, jv_label_value(c->lang, key, v->valuestring));
    else if (jv_doc_is_gap(v)) {
        char *text = gap_text(c, key, v);
        char *paren = strchr(text, '(');
        if (paren != NULL) /* the value alone: the interval has its own column */
            paren[-1] = '\0';
        jv_row_take(row, text, TRUE, JV_TONE_NONE);
    } else if (is_ci_key(key) || cJSON_IsArray(v))
        jv_row_take(row, jv_format_interval(c->lang, v, is_ci_key(key) ? ci_kind(c, key) : JV_KIND_NUMBER),
                    TRUE, JV_TONE_NONE);
    else
        jv_row_take(row, jv_format_json(c->lang, v, jv_words_kind(c->doc, c->section->indicator, key)),
                    TRUE, JV_TONE_NONE);
}

static char *headline_sentence(const ctx *c, const cJSON *h)
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
            g_string_append_printf(s, " (%s)", tr(c, N_("not statistically certain")));
    }
    return g_string_free(s, FALSE);
}

/* The split's genders to show: women and men always, the others when some
 * split of `splits` (NULL-terminated) uses them. New array. */
static GPtrArray *visible_genders(const cJSON *const *splits, guint n)
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

static gboolean cell_suppressed(const cJSON *split, const char *gender)
{
    return cJSON_IsTrue(
        jv_doc_member(jv_doc_member(jv_doc_member(split, "by_gender"), gender), "suppressed"));
}

/* A share is missing because of suppression when women or men are. */
static gboolean share_suppressed(const cJSON *split, const cJSON *share)
{
    return !cJSON_IsNumber(share) &&
           (cell_suppressed(split, "woman") || cell_suppressed(split, "man"));
}

static void add_share_bar(const ctx *c, jv_table *t, const char *label, const cJSON *split,
                          const cJSON *share, const cJSON *interval, jv_tone tone)
{
    gboolean suppressed = share_suppressed(split, share);
    char *text = suppressed ? g_strdup(JV_SYMBOL_SUPPRESSED) : jv_format_json(c->lang, share, JV_KIND_SHARE);
    jv_table_bar(t, label, text, cJSON_IsNumber(share) ? share->valuedouble : NAN, interval,
                 suppressed, tone);
    g_free(text);
}

/* A split's balance and interval in one line. */
static char *split_note(const ctx *c, const cJSON *split, const char *main)
{
    GString *s = g_string_new(NULL);
    const char *balance = jv_doc_string(split, "balance");
    if (balance != NULL) {
        g_string_append_printf(s, "%s (%s): %s", tr(c, N_("Balance")), klabel(c, main),
                               jv_label_balance(c->lang, balance));
        if (cJSON_IsFalse(jv_doc_member(split, "balance_certain")))
            g_string_append_printf(s, ", %s", tr(c, N_("not statistically certain")));
    }
    const cJSON *ci = jv_doc_member(split, "ci");
    if (jv_doc_is_interval(ci)) {
        char *interval = jv_format_interval(c->lang, ci, JV_KIND_SHARE);
        g_string_append_printf(s, "%s%s, %s: %s", s->len ? " · " : "", tr(c, N_("Women's share")),
                               c->ci_name, interval);
        g_free(interval);
    }
    if (s->len == 0) {
        g_string_free(s, TRUE);
        return NULL;
    }
    return g_string_free(s, FALSE);
}

/* Measures down, total/women/men/... across, women's share last. */
static jv_table *split_table(const ctx *c, const char *caption, const cJSON *split,
                             const char *main)
{
    const cJSON *by_gender = jv_doc_member(split, "by_gender");
    const cJSON *total = jv_doc_member(split, "total");
    const cJSON *shares = jv_doc_member(split, "women_share");
    GPtrArray *genders = visible_genders(&split, 1);
    jv_table *t = jv_table_new(caption);
    jv_table_column(t, tr(c, N_("Measure")));
    if (cJSON_IsObject(total))
        jv_table_column(t, jv_label_gender(c->lang, "total"));
    for (guint g = 0; g < genders->len; g++)
        jv_table_column(t, jv_label_gender(c->lang, g_ptr_array_index(genders, g)));
    if (cJSON_IsObject(shares))
        jv_table_column(t, tr(c, N_("Women's share")));
    const cJSON *first = genders->len ? jv_doc_member(by_gender, g_ptr_array_index(genders, 0)) : NULL;
    const cJSON *m;
    cJSON_ArrayForEach(m, first)
    {
        if (m->string == NULL || strcmp(m->string, "suppressed") == 0)
            continue;
        GArray *row = jv_table_row(t);
        jv_row_take(row, key_label(c, m->string, m != first->child ? m->prev->string : NULL),
                    FALSE, JV_TONE_NONE);
        if (cJSON_IsObject(total)) {
            add_value(c, row, m->string, jv_doc_member(total, m->string));
            mark_suppressed(row, flag(total));
        }
        for (guint g = 0; g < genders->len; g++) {
            const cJSON *cell = jv_doc_member(by_gender, g_ptr_array_index(genders, g));
            add_value(c, row, m->string, jv_doc_member(cell, m->string));
            mark_suppressed(row, flag(cell));
        }
        if (cJSON_IsObject(shares)) {
            const cJSON *share = jv_doc_member(shares, m->string);
            if (share != NULL) {
                jv_row_take(row, jv_format_json(c->lang, share, JV_KIND_SHARE), TRUE, JV_TONE_NONE);
                mark_suppressed(row, share_suppressed(split, share));
            } else
                jv_row_text(row, "");
        }
    }
    const cJSON *share;
    cJSON_ArrayForEach(share, shares)
    {
        gboolean is_main = main != NULL && strcmp(share->string, main) == 0;
        add_share_bar(c, t, klabel(c, share->string), split, share,
                      is_main ? jv_doc_member(split, "ci") : NULL,
                      is_main ? jv_tone_for_balance(jv_doc_string(split, "balance")) : JV_TONE_NONE);
    }
    t->note = split_note(c, split, main);
    g_ptr_array_unref(genders);
    return t;
}

/* Key figures: the indicator's rows and every scalar, gap and interval of
 * the result outside its splits. */
static jv_table *key_figures(const ctx *c, const cJSON *entry, const cJSON *result)
{
    jv_table *t = jv_table_new(tr(c, N_("Key figures")));
    jv_table_column(t, tr(c, N_("Measure")));
    jv_table_column(t, tr(c, N_("Value")));
    static const char *const counts[] = {"rows", "skipped_rows"};
    for (size_t i = 0; i < G_N_ELEMENTS(counts); i++) {
        const cJSON *v = jv_doc_member(entry, counts[i]);
        if (v == NULL)
            continue;
        GArray *row = jv_table_row(t);
        jv_row_text(row, klabel(c, counts[i]));
        add_value(c, row, counts[i], v);
        mark_suppressed(row, cJSON_IsNull(v)); /* null only when the total is suppressed */
    }
    gboolean split = jv_doc_is_split(result);
    const cJSON *v;
    cJSON_ArrayForEach(v, result)
    {
        if (strcmp(v->string, "headline") == 0 || (split && is_split_key(v->string)))
            continue;
        gboolean gap = jv_doc_is_gap(v);
        if (!gap && !is_scalar(v) && !jv_doc_is_interval(v))
            continue;
        GArray *row = jv_table_row(t);
        jv_row_take(row, key_label(c, v->string, NULL), FALSE, JV_TONE_NONE);
        if (gap)
            jv_row_take(row, gap_text(c, v->string, v), TRUE, JV_TONE_NONE);
        else
            add_value(c, row, v->string, v);
    }
    return t;
}

/* An object with woman and man objects: measures down, genders across. */
static jv_table *gender_object_table(const ctx *c, const char *key, const cJSON *object)
{
    jv_table *t = jv_table_new(klabel(c, key));
    jv_table_column(t, tr(c, N_("Measure")));
    GPtrArray *genders = g_ptr_array_new();
    const cJSON *g;
    cJSON_ArrayForEach(g, object) if (cJSON_IsObject(g) && !jv_doc_is_gap(g))
    {
        g_ptr_array_add(genders, g->string);
        jv_table_column(t, jv_label_gender(c->lang, g->string));
    }
    const cJSON *woman = jv_doc_member(object, "woman");
    const cJSON *m;
    cJSON_ArrayForEach(m, woman)
    {
        if (strcmp(m->string, "suppressed") == 0)
            continue;
        GArray *row = jv_table_row(t);
        /* (cJSON's first child's prev is the last child, not NULL) */
        jv_row_take(row, key_label(c, m->string, m != woman->child ? m->prev->string : NULL),
                    FALSE, JV_TONE_NONE);
        for (guint i = 0; i < genders->len; i++) {
            const cJSON *cell = jv_doc_member(object, g_ptr_array_index(genders, i));
            add_value(c, row, m->string, jv_doc_member(cell, m->string));
            mark_suppressed(row, flag(cell));
        }
    }
    g_ptr_array_unref(genders);
    cJSON_ArrayForEach(g, object) if (jv_doc_is_gap(g))
    {
        char *text = gap_text(c, g->string, g);
        t->note = g_strdup_printf("%s: %s", klabel(c, g->string), text);
        g_free(text);
    }
    return t;
}

/* An object of scalars (by_status): one row, a column per key. */
static jv_table *flat_object_table(const ctx *c, const char *key, const cJSON *object)
{
    jv_table *t = jv_table_new(klabel(c, key));
    t->no_row_names = TRUE;
    GArray *row = jv_table_row(t);
    const cJSON *v;
    cJSON_ArrayForEach(v, object)
    {
        jv_table_column(t, klabel(c, v->string));
        add_value(c, row, v->string, v);
    }
    return t;
}

static const char *entry_name(const ctx *c, const cJSON *entry)
{
    const char *value = jv_doc_string(entry, "value");
    if (value == NULL) { /* e.g. per_goal: the first text member names it */
        const cJSON *v;
        cJSON_ArrayForEach(v, entry) if (cJSON_IsString(v))
            return v->valuestring;
        return "?";
    }
    return value[0] != '\0' ? value : tr(c, N_("(empty)"));
}

/* A list of splits (breakdown values, arenas): one row per value for the
 * main measure, with women's share, interval, balance, gaps and the
 * entries' other figures; a bar per row. */
static jv_table *split_list_table(const ctx *c, const char *caption, const char *value_header,
                                  const cJSON *list, const char *main)
{
    guint n = (guint)cJSON_GetArraySize(list);
    const cJSON **entries = g_new(const cJSON *, n);
    for (guint i = 0; i < n; i++)
        entries[i] = cJSON_GetArrayItem(list, (int)i);
    const char *m = jv_doc_member(jv_doc_member(entries[0], "women_share"), main)
                        ? main
                        : jv_doc_main_measure(entries[0]);
    GPtrArray *genders = visible_genders(entries, n);
    char *full = g_strdup_printf("%s \xe2\x80\x94 %s", caption, klabel(c, m));
    jv_table *t = jv_table_new(full);
    g_free(full);
    jv_table_column(t, value_header);
    jv_table_column(t, jv_label_gender(c->lang, "total"));
    for (guint g = 0; g < genders->len; g++)
        jv_table_column(t, jv_label_gender(c->lang, g_ptr_array_index(genders, g)));
    jv_table_column(t, tr(c, N_("Women's share")));
    gboolean has_ci = FALSE;
    for (guint i = 0; i < n; i++)
        has_ci |= jv_doc_member(entries[i], "ci") != NULL;
    if (has_ci)
        jv_table_column(t, c->ci_name);
    jv_table_column(t, tr(c, N_("Balance")));
    GPtrArray *extra = g_ptr_array_new(); /* gaps and other figures */
    const cJSON *v;
    cJSON_ArrayForEach(v, entries[0])
    {
        if (strcmp(v->string, "value") == 0 || is_split_key(v->string))
            continue;
        if (jv_doc_is_gap(v) || cJSON_IsNumber(v) || cJSON_IsNull(v) || cJSON_IsBool(v)) {
            g_ptr_array_add(extra, v->string);
            jv_table_column(t, klabel(c, v->string));
        }
    }
    for (guint i = 0; i < n; i++) {
        const cJSON *e = entries[i];
        const char *name = entry_name(c, e);
        GArray *row = jv_table_row(t);
        jv_row_text(row, name);
        add_value(c, row, m, jv_doc_member(jv_doc_member(e, "total"), m));
        mark_suppressed(row, flag(jv_doc_member(e, "total")));
        for (guint g = 0; g < genders->len; g++) {
            const cJSON *cell = jv_doc_member(jv_doc_member(e, "by_gender"), g_ptr_array_index(genders, g));
            add_value(c, row, m, jv_doc_member(cell, m));
            mark_suppressed(row, flag(cell));
        }
        const cJSON *share = jv_doc_member(jv_doc_member(e, "women_share"), m);
        jv_tone tone = jv_tone_for_balance(jv_doc_string(e, "balance"));
        jv_row_take(row, jv_format_json(c->lang, share, JV_KIND_SHARE), TRUE, tone);
        mark_suppressed(row, share_suppressed(e, share));
        if (has_ci) {
            add_value(c, row, "ci", jv_doc_member(e, "ci"));
            mark_suppressed(row, share_suppressed(e, share));
        }
        if (share_suppressed(e, share)) /* no class of a suppressed share */
            jv_row_take(row, g_strdup(JV_SYMBOL_SUPPRESSED), TRUE, JV_TONE_SUPPRESSED);
        else
            jv_row_text(row, jv_label_balance(c->lang, jv_doc_string(e, "balance")));
        for (guint k = 0; k < extra->len; k++) {
            const cJSON *x = jv_doc_member(e, g_ptr_array_index(extra, k));
            add_value(c, row, g_ptr_array_index(extra, k), x);
            mark_suppressed(row, jv_doc_is_gap(x) && (cell_suppressed(e, "woman") ||
                                                      cell_suppressed(e, "man")));
        }
        add_share_bar(c, t, name, e, share, jv_doc_member(e, "ci"), tone);
    }
    g_ptr_array_unref(extra);
    g_ptr_array_unref(genders);
    g_free(entries);
    return t;
}

/* A list of gender splits without women's shares (target groups): every
 * measure for every shown gender, then the gaps. */
static jv_table *gender_list_table(const ctx *c, const char *caption, const char *value_header,
                                   const cJSON *list)
{
    guint n = (guint)cJSON_GetArraySize(list);
    const cJSON **entries = g_new(const cJSON *, n);
    for (guint i = 0; i < n; i++)
        entries[i] = cJSON_GetArrayItem(list, (int)i);
    GPtrArray *genders = visible_genders(entries, n);
    jv_table *t = jv_table_new(caption);
    jv_table_column(t, value_header);
    GPtrArray *measures = g_ptr_array_new();
    const cJSON *m;
    cJSON_ArrayForEach(m, jv_doc_member(jv_doc_member(entries[0], "by_gender"), "woman"))
    {
        if (strcmp(m->string, "suppressed") == 0 || is_ci_key(m->string))
            continue;
        g_ptr_array_add(measures, m->string);
        for (guint g = 0; g < genders->len; g++) {
            char *header = g_strdup_printf("%s: %s", klabel(c, m->string),
                                           jv_label_gender(c->lang, g_ptr_array_index(genders, g)));
            jv_table_column(t, header);
            g_free(header);
        }
    }
    GPtrArray *gaps = g_ptr_array_new();
    cJSON_ArrayForEach(m, entries[0]) if (jv_doc_is_gap(m))
    {
        g_ptr_array_add(gaps, m->string);
        jv_table_column(t, klabel(c, m->string));
    }
    for (guint i = 0; i < n; i++) {
        GArray *row = jv_table_row(t);
        jv_row_text(row, entry_name(c, entries[i]));
        const cJSON *by_gender = jv_doc_member(entries[i], "by_gender");
        for (guint k = 0; k < measures->len; k++)
            for (guint g = 0; g < genders->len; g++) {
                const cJSON *cell = jv_doc_member(by_gender, g_ptr_array_index(genders, g));
                add_value(c, row, g_ptr_array_index(measures, k),
                          jv_doc_member(cell, g_ptr_array_index(measures, k)));
                mark_suppressed(row, flag(cell));
            }

        for (guint k = 0; k < gaps->len; k++)
            add_value(c, row, g_ptr_array_index(gaps, k),
                      jv_doc_member(entries[i], g_ptr_array_index(gaps, k)));
    }
    g_ptr_array_unref(gaps);
    g_ptr_array_unref(measures);
    g_ptr_array_unref(genders);
    g_free(entries);
    return t;
}

/* A list of flat objects (areas, per_goal): a column per member. */
static jv_table *flat_list_table(const ctx *c, const char *caption, const char *value_header,
                                 const cJSON *list)
{
    jv_table *t = jv_table_new(caption);
    const cJSON *first = cJSON_GetArrayItem(list, 0);
    GPtrArray *keys = g_ptr_array_new();
    const cJSON *v;
    cJSON_ArrayForEach(v, first) if (is_scalar(v) || jv_doc_is_gap(v) || jv_doc_is_interval(v))
    {
        g_ptr_array_add(keys, v->string);
        if (strcmp(v->string, "value") == 0)
            jv_table_column(t, value_header);
        else
            jv_table_column(t, klabel(c, v->string));
    }
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list)
    {
        GArray *row = jv_table_row(t);
        for (guint k = 0; k < keys->len; k++) {
            const char *key = g_ptr_array_index(keys, k);
            const cJSON *value = jv_doc_member(entry, key);
            if (strcmp(key, "value") == 0)
                jv_row_text(row, entry_name(c, entry));
            else
                add_value(c, row, key, value);
        }
    }
    g_ptr_array_unref(keys);
    return t;
}

static void list_table(const ctx *c, const char *caption, const char *value_header,
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
    ctx c = {.doc = doc,
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
        char *reason = jv_words_reason(lang, why != NULL ? why : (status != NULL ? status : "?"),
                                       publish);
        section->status = g_strdup_printf("%s%s%s: %s", marker ? marker : "", marker ? " " : "",
                                          tr(&c, failed ? N_("Failed") : N_("Not computed")), reason);
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
          jv_report_headline_suppressed(result)))
        section->headline = headline_sentence(&c, jv_doc_member(result, "headline"));

    const char *main = jv_doc_main_measure(result);
    jv_table *figures = key_figures(&c, entry, result);
    if (figures->rows->len > 0)
        g_ptr_array_add(section->tables, figures);
    else
        jv_table_free(figures);
    if (jv_doc_is_split(result))
        g_ptr_array_add(section->tables, split_table(&c, tr(&c, N_("By gender")), result, main));
    const cJSON *v;
    cJSON_ArrayForEach(v, result)
    {
        if (strcmp(v->string, "headline") == 0 || (jv_doc_is_split(result) && is_split_key(v->string)))
            continue;
        if (jv_doc_is_split(v)) {
            const char *m = jv_doc_member(jv_doc_member(v, "women_share"), main) ? main
                                                                                 : jv_doc_main_measure(v);
            g_ptr_array_add(section->tables, split_table(&c, klabel(&c, v->string), v, m));
        } else if (jv_doc_is_gender_object(v)) {
            g_ptr_array_add(section->tables, gender_object_table(&c, v->string, v));
        } else if (strcmp(v->string, "breakdowns") == 0 && cJSON_IsObject(v)) {
            const cJSON *column;
            cJSON_ArrayForEach(column, v)
            {
                char *caption = g_strdup_printf("%s %s", tr(&c, N_("By")), column->string);
                list_table(&c, caption, column->string, column, main);
                g_free(caption);
            }
        } else if (cJSON_IsArray(v)) {
            list_table(&c, klabel(&c, v->string), klabel(&c, v->string), v, main);
        } else if (cJSON_IsObject(v) && !jv_doc_is_gap(v)) {
            gboolean flat = TRUE;
            const cJSON *member;
            cJSON_ArrayForEach(member, v) flat &= is_scalar(member);
            if (flat && v->child != NULL)
                g_ptr_array_add(section->tables, flat_object_table(&c, v->string, v));
        }
    }
    g_free(c.ci_name);
    return section;
}
