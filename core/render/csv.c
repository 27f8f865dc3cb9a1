/* core/render/csv.c — every number of the result document in long (tidy)
 * form, one per line, so it pivots in Excel:
 *
 *   region;indicator;group;value;gender;measure;number
 *
 *  1. `group` and `value` say which split a number belongs to: empty for
 *     the indicator's own split, the breakdown column and its value
 *     ("sector", "ict"), a list and its entry ("arenas", "board";
 *     "per_goal", "G1"), a split or gender object and "" ("chairs";
 *     "reach"), or "headline" and the headline's metric.
 *  2. `gender` is woman, man, non_binary, mixed, unknown or total, or
 *     empty for a figure that is not one gender's.
 *  3. `measure` is the key in the document, dotted below the split
 *     ("women_share.seats", "approval_gap.value"); an interval gives
 *     "<key>.lower" and "<key>.upper"; a boolean is 1 or 0; texts
 *     (balance classes, statuses) are left out: they follow from numbers.
 *  4. `number` is the exact value (the shortest decimal that reads back
 *     as the same double, never an exponent); null (not available or
 *     suppressed) is an empty cell, and the cell's `suppressed` measure
 *     is 1.
 *  5. Dialects: excel (default) is what Swedish Excel opens directly —
 *     UTF-8 with BOM, ';', decimal comma, CRLF — and a text cell starting
 *     with = + - @ gets a leading apostrophe so Excel never reads it as a
 *     formula; plain is ',', decimal point, LF, no BOM, texts as they are.
 *  Codes and keys are never translated: the file is data, the same in
 *  every language.
 */
#include "render/render.h"

#include <string.h>

#include "render/doc.h"
#include "render/format.h"

typedef struct csv {
    GString *out;
    gboolean excel;
    char separator;
    const char *region;
    const char *indicator;
} csv;

static void text_field(csv *c, const char *text)
{
    if (text == NULL)
        text = "";
    gboolean formula = c->excel && text[0] != '\0' && strchr("=+-@", text[0]) != NULL;
    gboolean quote = formula || strchr(text, c->separator) != NULL || strpbrk(text, "\"\r\n") != NULL;
    if (quote)
        g_string_append_c(c->out, '"');
    if (formula)
        g_string_append_c(c->out, '\'');
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '"')
            g_string_append_c(c->out, '"');
        g_string_append_c(c->out, *p);
    }
    if (quote)
        g_string_append_c(c->out, '"');
    g_string_append_c(c->out, c->separator);
}

static void end_line(csv *c)
{
    g_string_append(c->out, c->excel ? "\r\n" : "\n");
}

/* One line; `number` NULL or null: an empty cell. */
static void line(csv *c, const char *group, const char *value, const char *gender,
                 const char *measure, const cJSON *number)
{
    text_field(c, c->region);
    text_field(c, c->indicator);
    text_field(c, group);
    text_field(c, value);
    text_field(c, gender);
    text_field(c, measure);
    if (cJSON_IsNumber(number))
        jv_format_exact(c->out, number->valuedouble, c->excel ? ',' : '.');
    else if (cJSON_IsBool(number))
        g_string_append_c(c->out, cJSON_IsTrue(number) ? '1' : '0');
    end_line(c);
}

static gboolean is_gender(const char *key)
{
    static const char *const genders[] = {"woman", "man", "non_binary", "mixed", "unknown"};
    for (size_t i = 0; i < G_N_ELEMENTS(genders); i++)
        if (strcmp(genders[i], key) == 0)
            return TRUE;
    return FALSE;
}

/* Keys that hold text in the shared shapes; null there is no number. */
static gboolean is_text_key(const char *key)
{
    static const char *const keys[] = {"balance", "status", "label", "unit", "metric", "reason",
                                       "message"};
    for (size_t i = 0; i < G_N_ELEMENTS(keys); i++)
        if (strcmp(keys[i], key) == 0)
            return TRUE;
    return FALSE;
}

static const char *entry_name(const cJSON *entry)
{
    const char *value = jv_doc_string(entry, "value");
    if (value != NULL)
        return value;
    const cJSON *v;
    cJSON_ArrayForEach(v, entry) if (cJSON_IsString(v))
        return v->valuestring;
    return "";
}

static void walk(csv *c, const cJSON *node, const char *group, const char *value,
                 const char *gender, const char *prefix);

static void walk_list(csv *c, const cJSON *list, const char *group)
{
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list) if (cJSON_IsObject(entry))
        walk(c, entry, group, entry_name(entry), "", "");
}

static void walk(csv *c, const cJSON *node, const char *group, const char *value,
                 const char *gender, const char *prefix)
{
    const cJSON *v;
    cJSON_ArrayForEach(v, node)
    {
        const char *k = v->string;
        if (k == NULL)
            continue;
        char *measure = g_strconcat(prefix, k, NULL);
        if (strcmp(k, "headline") == 0 && cJSON_IsObject(v) && prefix[0] == '\0') {
            walk(c, v, "headline", jv_doc_string(v, "metric"), "", "");
        } else if (strcmp(k, "breakdowns") == 0 && cJSON_IsObject(v)) {
            const cJSON *column;
            cJSON_ArrayForEach(column, v) walk_list(c, column, column->string);
        } else if (strcmp(k, "by_gender") == 0 && cJSON_IsObject(v)) {
            const cJSON *g;
            cJSON_ArrayForEach(g, v) if (cJSON_IsObject(g))
                walk(c, g, group, value, g->string, prefix);
        } else if (strcmp(k, "total") == 0 && cJSON_IsObject(v) &&
                   jv_doc_member(v, "suppressed") != NULL) {
            walk(c, v, group, value, "total", prefix);
        } else if (is_gender(k) && cJSON_IsObject(v)) {
            walk(c, v, group, value, k, prefix);
        } else if (jv_doc_is_interval(v) ||
                   (cJSON_IsNull(v) && (strcmp(k, "ci") == 0 || g_str_has_suffix(k, "_ci")))) {
            char *lower = g_strconcat(measure, ".lower", NULL);
            char *upper = g_strconcat(measure, ".upper", NULL);
            line(c, group, value, gender, lower, cJSON_GetArrayItem(v, 0));
            line(c, group, value, gender, upper, cJSON_GetArrayItem(v, 1));
            g_free(lower);
            g_free(upper);
        } else if (cJSON_IsArray(v)) {
            char *nested = group[0] ? g_strconcat(group, ".", k, NULL) : g_strdup(k);
            walk_list(c, v, nested);
            g_free(nested);
        } else if (jv_doc_is_split(v) || jv_doc_is_gender_object(v)) {
            char *nested = group[0] ? g_strconcat(group, ".", k, NULL) : g_strdup(k);
            walk(c, v, nested, "", "", "");
            g_free(nested);
        } else if (cJSON_IsObject(v)) {
            char *deeper = g_strconcat(measure, ".", NULL);
            walk(c, v, group, value, gender, deeper);
            g_free(deeper);
        } else if (cJSON_IsNumber(v) || cJSON_IsBool(v) || (cJSON_IsNull(v) && !is_text_key(k))) {
            line(c, group, value, gender, measure, v);
        }
        g_free(measure);
    }
}

GString *jv_render_csv(const cJSON *doc, const jv_render_options *options)
{
    csv c = {.out = g_string_new(NULL),
             .excel = options->csv_dialect == JV_CSV_EXCEL,
             .separator = ','};
    c.separator = c.excel ? ';' : ',';
    if (c.excel)
        g_string_append(c.out, "\xef\xbb\xbf");
    static const char *const header[] = {"region", "indicator", "group", "value",
                                         "gender", "measure", "number"};
    for (size_t i = 0; i < G_N_ELEMENTS(header); i++) {
        g_string_append(c.out, header[i]);
        if (i + 1 < G_N_ELEMENTS(header))
            g_string_append_c(c.out, c.separator);
    }
    end_line(&c);
    GPtrArray *indicators = jv_doc_indicator_names(doc);
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *scope = jv_doc_scope(doc, i);
        c.region = jv_doc_scope_name(doc, i);
        for (guint k = 0; k < indicators->len; k++) {
            c.indicator = g_ptr_array_index(indicators, k);
            const cJSON *entry = jv_doc_indicator(scope, c.indicator);
            if (entry == NULL)
                continue;
            if (jv_doc_member(entry, "rows") != NULL)
                line(&c, "", "", "", "rows", jv_doc_member(entry, "rows"));
            if (jv_doc_member(entry, "skipped_rows") != NULL)
                line(&c, "", "", "", "skipped_rows", jv_doc_member(entry, "skipped_rows"));
            const cJSON *result = jv_doc_result(entry);
            if (result != NULL)
                walk(&c, result, "", "", "", "");
        }
    }
    g_ptr_array_unref(indicators);
    return c.out;
}
