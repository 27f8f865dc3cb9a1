/* core/render/xlsx_sheet.c — one indicator's sheet of the workbook, in
 * wide form: a row per scope (the regions, then the total) and, under
 * it, a row per breakdown value, list entry (arenas, target groups,
 * areas, goals) and nested split (chairs, reach); columns grouped under a
 * two-row header — per gender its measures (and their intervals), the
 * total, women's shares, balance, the interval, gaps and the other
 * figures, in the order the document first lists them. The shapes are
 * recognised by their keys (doc.h), so custom indicators get a sheet too.
 *
 * A missing figure is a symbol (xlsx.h): inside a suppressed cell, or a
 * share of a split whose woman or man cell is suppressed, "suppressed";
 * a null elsewhere "no data"; a column the row does not have at all
 * "not applicable"; an indicator a scope did not compute "no data" in
 * every column, with the reason in the last column. Gender columns that
 * are zero everywhere and never suppressed are left out. */
#include "render/xlsx_sheet.h"

#include <string.h>

#include "render/doc.h"
#include "render/labels.h"
#include "render/words.h"

typedef struct col {
    char *label; /* second header row; NULL: the group's single column */
    jv_kind kind;
    guint index; /* in the sheet, once laid out */
} col;

typedef struct group {
    char *label;
    GPtrArray *columns; /* column*, in order of first appearance */
    GHashTable *by_key; /* sub-key → column* */
    gboolean gender;    /* a gender's cells: shown only when used */
    gboolean used;
} group;

typedef struct sheet {
    jv_xlsx *x;
    const char *indicator;
    char *ci_name;
    GPtrArray *groups;  /* group*, in order of first appearance */
    GHashTable *by_key; /* group key → group* */
    /* Writing (second pass) */
    gboolean writing;
    lxw_worksheet *ws;
    GArray *widths;
    guint row, note_column, columns;
    gboolean bold, any_note;
    GArray *written; /* gboolean per sheet column of the current row */
} sheet;

static void free_column(gpointer p)
{
    col *c = p;
    g_free(c->label);
    g_free(c);
}

static void free_group(gpointer p)
{
    group *g = p;
    g_free(g->label);
    g_ptr_array_unref(g->columns);
    g_hash_table_unref(g->by_key);
    g_free(g);
}

static gboolean is_gender(const char *key)
{
    static const char *const genders[] = {"woman", "man",     "non_binary",
                                          "mixed", "unknown", "total"};
    for (size_t i = 0; i < G_N_ELEMENTS(genders); i++)
        if (strcmp(genders[i], key) == 0)
            return TRUE;
    return FALSE;
}

static gboolean is_ci_key(const char *key)
{
    return strcmp(key, "ci") == 0 || g_str_has_suffix(key, "_ci");
}

/* A key's label and a number's kind, the plugin's own first (words.h). */
static const char *key_label(const sheet *s, const char *key)
{
    return jv_words_key(s->x->doc, s->x->lang, s->indicator, key);
}

static jv_kind key_kind(const sheet *s, const char *key)
{
    return jv_words_kind(s->x->doc, s->indicator, key);
}

/* One value under group `gkey` and sub-key `skey` ("" for a group of one
 * column). Discovering: makes the column. Writing: writes the cell. */
static void emit(sheet *s, const char *gkey, const char *glabel, gboolean gender, const char *skey,
                 const char *slabel, jv_kind kind, const cJSON *value, const char *text_key,
                 jv_absence why)
{
    group *g = g_hash_table_lookup(s->by_key, gkey);
    if (!s->writing) {
        if (g == NULL) {
            g = g_new0(group, 1);
            g->label = g_strdup(glabel);
            g->columns = g_ptr_array_new_with_free_func(free_column);
            g->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            g->gender = gender;
            g_ptr_array_add(s->groups, g);
            g_hash_table_insert(s->by_key, g_strdup(gkey), g);
        }
        if (!g_hash_table_contains(g->by_key, skey)) {
            col *c = g_new0(col, 1);
            c->label = skey[0] != '\0' ? g_strdup(slabel) : NULL;
            c->kind = kind;
            g_ptr_array_add(g->columns, c);
            g_hash_table_insert(g->by_key, g_strdup(skey), c);
        }
        g->used |= !gender || (cJSON_IsNumber(value) && value->valuedouble != 0) ||
                   why == JV_ABSENT_SUPPRESSED;
        return;
    }
    if (g == NULL || !g->used)
        return;
    col *c = g_hash_table_lookup(g->by_key, skey);
    if (c == NULL)
        return;
    jv_xlsx *x = s->x;
    if (cJSON_IsString(value) && why == JV_ABSENT_SUPPRESSED &&
        strcmp(value->valuestring, "no_data") == 0) /* a class over suppressed cells */
        jv_xlsx_write_symbol(x, s->ws, s->widths, s->row, c->index, why, s->bold);
    else if (cJSON_IsString(value))
        jv_xlsx_write_text(x, s->ws, s->widths, s->row, c->index,
                           jv_label_value(x->lang, text_key, value->valuestring), s->bold);
    else if (cJSON_IsBool(value))
        worksheet_write_boolean(s->ws, s->row, (lxw_col_t)c->index, cJSON_IsTrue(value),
                                s->bold ? x->f.text_bold : x->f.text);
    else
        jv_xlsx_write_number(x, s->ws, s->widths, s->row, c->index, value, c->kind, s->bold, why);
    g_array_index(s->written, gboolean, c->index) = TRUE;
}

/* An interval [lower, upper] (or null) as two columns of the group. */
static void emit_interval(sheet *s, const char *gkey, const char *glabel, gboolean gender,
                          const char *skey, const char *slabel, jv_kind kind, const cJSON *interval,
                          jv_absence why)
{
    const char *ends[2] = {jv_tr(s->x->lang, N_("lower")), jv_tr(s->x->lang, N_("upper"))};
    for (int e = 0; e < 2; e++) {
        char *key = g_strdup_printf("%s\x1f%d", skey, e);
        char *label = g_strdup_printf("%s%s%s", slabel, slabel[0] != '\0' ? " " : "", ends[e]);
        emit(s, gkey, glabel, gender, key, label, kind,
             jv_doc_is_interval(interval) ? cJSON_GetArrayItem(interval, e) : NULL, NULL, why);
        g_free(label);
        g_free(key);
    }
}

/* A gender's cell ({applications: …, approval_rate_ci: […], suppressed}). */
static void visit_cell(sheet *s, const char *gender, const cJSON *cell)
{
    jv_lang lang = s->x->lang;
    jv_absence why =
        cJSON_IsTrue(jv_doc_member(cell, "suppressed")) ? JV_ABSENT_SUPPRESSED : JV_ABSENT_NO_DATA;
    const char *glabel = jv_label_gender(lang, gender);
    const char *previous = NULL;
    const cJSON *m;
    cJSON_ArrayForEach(m, cell) {
        const char *k = m->string;
        if (k == NULL || strcmp(k, "suppressed") == 0)
            continue;
        if (is_ci_key(k) && (jv_doc_is_interval(m) || cJSON_IsNull(m))) {
            char *base = strcmp(k, "ci") == 0 ? g_strdup(previous != NULL ? previous : "")
                                              : g_strndup(k, strlen(k) - 3);
            char *label = g_strdup_printf("%s%s%s", base[0] ? key_label(s, base) : "",
                                          base[0] ? ", " : "", s->ci_name);
            emit_interval(s, gender, glabel, TRUE, k, label,
                          base[0] ? key_kind(s, base) : JV_KIND_SHARE, m, why);
            g_free(label);
            g_free(base);
        } else if (cJSON_IsNumber(m) || cJSON_IsNull(m) || cJSON_IsBool(m)) {
            emit(s, gender, glabel, TRUE, k, key_label(s, k), key_kind(s, k), m, NULL, why);
        }
        previous = k;
    }
}

/* Whether a split's shares are hidden: its woman or man cell suppressed. */
static jv_absence node_why(const cJSON *node)
{
    const cJSON *cells = jv_doc_is_split(node) ? jv_doc_member(node, "by_gender") : node;
    return cJSON_IsTrue(jv_doc_member(jv_doc_member(cells, "woman"), "suppressed")) ||
                   cJSON_IsTrue(jv_doc_member(jv_doc_member(cells, "man"), "suppressed"))
               ? JV_ABSENT_SUPPRESSED
               : JV_ABSENT_NO_DATA;
}

/* The figures of one row's node (a result, a list entry, a nested split);
 * lists and nested splits are rows of their own (see rows()). */
static void visit_node(sheet *s, const cJSON *node)
{
    jv_absence why = node_why(node);
    const cJSON *v;
    cJSON_ArrayForEach(v, node) {
        const char *k = v->string;
        if (k == NULL || strcmp(k, "headline") == 0 || strcmp(k, "value") == 0 ||
            strcmp(k, "breakdowns") == 0 || (cJSON_IsArray(v) && !jv_doc_is_interval(v)))
            continue;
        if (strcmp(k, "by_gender") == 0 && cJSON_IsObject(v)) {
            const cJSON *g;
            cJSON_ArrayForEach(g, v)
                if (cJSON_IsObject(g) && g->string != NULL)
                    visit_cell(s, g->string, g);
        } else if (is_gender(k) && cJSON_IsObject(v) && !jv_doc_is_gap(v)) {
            visit_cell(s, k, v);
        } else if (jv_doc_is_split(v) || jv_doc_is_gender_object(v)) {
            continue; /* a row of its own */
        } else if (strcmp(k, "women_share") == 0 && cJSON_IsObject(v)) {
            const cJSON *m;
            cJSON_ArrayForEach(m, v)
                emit(s, k, key_label(s, k), FALSE, m->string, key_label(s, m->string),
                     JV_KIND_SHARE, m, NULL, why);
        } else if (is_ci_key(k) && (jv_doc_is_interval(v) || cJSON_IsNull(v))) {
            gboolean bare = strcmp(k, "ci") == 0;
            char *base = bare ? NULL : g_strndup(k, strlen(k) - 3);
            char *label = bare ? g_strdup(s->ci_name)
                               : g_strdup_printf("%s, %s", key_label(s, base), s->ci_name);
            emit_interval(s, k, label, FALSE, "", "", bare ? JV_KIND_SHARE : key_kind(s, base), v,
                          why);
            g_free(label);
            g_free(base);
        } else if (jv_doc_is_gap(v)) {
            jv_kind kind = key_kind(s, k); /* a gap of shares, or of money */
            emit(s, k, key_label(s, k), FALSE, "value", key_label(s, "value"), kind,
                 jv_doc_member(v, "value"), NULL, why);
            emit_interval(s, k, key_label(s, k), FALSE, "ci", s->ci_name, kind,
                          jv_doc_member(v, "ci"), why);
        } else if (cJSON_IsObject(v)) { /* flat objects (by_status) */
            const cJSON *m;
            cJSON_ArrayForEach(m, v)
                if (cJSON_IsNumber(m) || cJSON_IsNull(m) || cJSON_IsBool(m))
                    emit(s, k, key_label(s, k), FALSE, m->string, key_label(s, m->string),
                         key_kind(s, m->string), m, NULL, JV_ABSENT_NO_DATA);
        } else {
            gboolean shares = strcmp(k, "balance") == 0 || strcmp(k, "balance_certain") == 0;
            emit(s, k, key_label(s, k), FALSE, "", NULL, key_kind(s, k), v, k,
                 shares ? why : JV_ABSENT_NO_DATA);
        }
    }
}

static const char *entry_name(const sheet *s, const cJSON *entry)
{
    const char *value = jv_doc_string(entry, "value");
    if (value == NULL) { /* e.g. per_goal: its first text names it */
        const cJSON *v;
        cJSON_ArrayForEach(v, entry)
            if (cJSON_IsString(v))
                return v->valuestring;
        return "";
    }
    return value[0] != '\0' ? value : jv_tr(s->x->lang, N_("(empty)"));
}

/* One row: the scope, the breakdown (or list) and its value, then the
 * node's figures; `entry` (the scope's indicator entry) for the main row
 * gives rows read and, without a result, the reason. */
static void row(sheet *s, const char *scope, const char *by, const char *value, const cJSON *node,
                const cJSON *entry)
{
    if (s->writing && s->row >= LXW_ROW_MAX) {
        if (s->x->too_big == NULL)
            s->x->too_big = g_strdup(s->ws->name);
        return;
    }
    if (s->writing) {
        g_array_set_size(s->written, 0);
        g_array_set_size(s->written, s->columns);
        jv_xlsx_write_text(s->x, s->ws, s->widths, s->row, 0, scope, s->bold);
        jv_xlsx_write_text(s->x, s->ws, s->widths, s->row, 1, by, s->bold);
        jv_xlsx_write_text(s->x, s->ws, s->widths, s->row, 2, value, s->bold);
    }
    if (node != NULL)
        visit_node(s, node);
    if (entry != NULL && node != NULL) {
        static const char *const counts[] = {"rows", "skipped_rows"};
        for (size_t i = 0; i < G_N_ELEMENTS(counts); i++)
            if (jv_doc_member(entry, counts[i]) != NULL)
                emit(s, counts[i], key_label(s, counts[i]), FALSE, "", NULL, JV_KIND_COUNT,
                     jv_doc_member(entry, counts[i]), NULL, JV_ABSENT_SUPPRESSED);
    }
    if (entry != NULL && node == NULL) {
        const char *why = jv_doc_string(entry, "reason");
        if (why == NULL)
            why = jv_doc_string(entry, "message");
        if (why == NULL)
            why = jv_doc_string(entry, "status");
        s->any_note = TRUE;
        if (s->writing) { /* as a reader should see it: no folders, no line numbers */
            char *reason = jv_words_reason(s->x->lang, why, s->x->publish);
            jv_xlsx_write_text(s->x, s->ws, s->widths, s->row, s->note_column, reason, s->bold);
            g_free(reason);
        }
    }
    if (!s->writing)
        return;
    /* What the row does not have: not applicable here, or (no result at
     * all) no data. */
    for (guint c = 3; c < s->columns; c++)
        if (!g_array_index(s->written, gboolean, c))
            jv_xlsx_write_symbol(s->x, s->ws, s->widths, s->row, c,
                                 node == NULL ? JV_ABSENT_NO_DATA : JV_ABSENT_NOT_APPLICABLE,
                                 s->bold);
    s->row++;
}

/* The rows of one scope: its result, then its breakdowns, lists and
 * nested splits in document order. */
static void rows(sheet *s, const char *scope, const cJSON *entry)
{
    const cJSON *result = jv_doc_result(entry);
    row(s, scope, NULL, NULL, result, entry);
    const cJSON *v;
    cJSON_ArrayForEach(v, result) {
        const char *k = v->string;
        if (k == NULL || strcmp(k, "headline") == 0 || strcmp(k, "by_gender") == 0 || is_gender(k))
            continue;
        if (strcmp(k, "breakdowns") == 0 && cJSON_IsObject(v)) {
            const cJSON *list;
            cJSON_ArrayForEach(list, v) {
                const cJSON *e;
                cJSON_ArrayForEach(e, list)
                    if (cJSON_IsObject(e))
                        row(s, scope, list->string, entry_name(s, e), e, NULL);
            }
        } else if (cJSON_IsArray(v) && !jv_doc_is_interval(v)) {
            const cJSON *e;
            cJSON_ArrayForEach(e, v)
                if (cJSON_IsObject(e))
                    row(s, scope, key_label(s, k), entry_name(s, e), e, NULL);
        } else if (jv_doc_is_split(v) || (jv_doc_is_gender_object(v) && !is_gender(k))) {
            row(s, scope, key_label(s, k), NULL, v, NULL);
        }
    }
}

static void each_scope(sheet *s, const char *indicator)
{
    const cJSON *doc = s->x->doc;
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *entry = jv_doc_indicator(jv_doc_scope(doc, i), indicator);
        if (entry == NULL)
            continue;
        s->bold = jv_doc_scope_is_total(doc, i);
        rows(s, s->bold ? jv_label_gender(s->x->lang, "total") : jv_doc_scope_name(doc, i), entry);
    }
}

static void header(sheet *s, guint column, guint last, gboolean two_rows, guint row,
                   const char *text)
{
    jv_xlsx *x = s->x;
    if (column != last || two_rows)
        worksheet_merge_range(s->ws, (lxw_row_t)row, (lxw_col_t)column,
                              (lxw_row_t)(two_rows ? row + 1 : row), (lxw_col_t)last, text,
                              x->f.header);
    else
        worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)column, text, x->f.header);
    if (column == last) { /* a merged group label does not widen one column */
        char **words = g_strsplit(text, " ", -1);
        for (char **w = words; *w != NULL; w++)
            jv_xlsx_width_note(s->widths, column, *w);
        g_strfreev(words);
    }
}

void jv_xlsx_indicator_sheet(jv_xlsx *x, const char *indicator)
{
    jv_lang lang = x->lang;
    sheet s = {
        .x = x,
        .indicator = indicator,
        .ci_name = jv_format_ci_name(lang, jv_doc_confidence(x->doc)),
        .groups = g_ptr_array_new_with_free_func(free_group),
        .by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .widths = g_array_new(FALSE, TRUE, sizeof(double)),
        .written = g_array_new(FALSE, TRUE, sizeof(gboolean)),
    };
    each_scope(&s, indicator); /* discover the columns */
    char *title = jv_words_title(x->doc, lang, indicator);
    s.ws = jv_xlsx_add_sheet(x, title);
    g_free(title);
    header(&s, 0, 0, TRUE, 0, jv_tr(lang, N_("Region")));
    header(&s, 1, 1, TRUE, 0, jv_tr(lang, N_("Breakdown")));
    header(&s, 2, 2, TRUE, 0, key_label(&s, "value"));
    guint next = 3;
    for (guint i = 0; i < s.groups->len; i++) {
        group *g = g_ptr_array_index(s.groups, i);
        if (!g->used)
            continue;
        guint first = next;
        for (guint k = 0; k < g->columns->len; k++) {
            col *c = g_ptr_array_index(g->columns, k);
            c->index = next++;
            if (c->label != NULL)
                header(&s, c->index, c->index, FALSE, 1, c->label);
        }
        gboolean single =
            g->columns->len == 1 && ((col *)g_ptr_array_index(g->columns, 0))->label == NULL;
        header(&s, first, next - 1, single, 0, g->label);
    }
    s.columns = next;
    s.note_column = next;
    if (next >= LXW_COL_MAX && x->too_big == NULL)
        x->too_big = g_strdup(s.ws->name);
    if (s.any_note)
        header(&s, s.note_column, s.note_column, TRUE, 0, jv_tr(lang, N_("Note")));
    s.writing = TRUE;
    s.row = 2;
    each_scope(&s, indicator);
    worksheet_freeze_panes(s.ws, 2, 3);
    jv_xlsx_widths_apply(s.ws, s.widths);
    if (s.any_note) /* reasons are sentences: let them run on */
        worksheet_set_column(s.ws, (lxw_col_t)s.note_column, (lxw_col_t)s.note_column, 60, NULL);
    g_array_unref(s.written);
    g_array_unref(s.widths);
    g_hash_table_unref(s.by_key);
    g_ptr_array_unref(s.groups);
    g_free(s.ci_name);
}
