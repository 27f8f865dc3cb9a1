/* core/render/csv.c — every number of the result document in long (tidy)
 * form, one per line, so it pivots in Excel:
 *
 *   region;indicator;group;value;gender;measure;number;symbol
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
 *     is 1. `symbol` is empty beside a number and says why one is
 *     missing: × suppressed (the cell, or a cell the figure is built
 *     on), .. no data (symbols.h).
 *  5. Dialects: excel (default) is what Swedish Excel opens directly —
 *     UTF-8 with BOM, ';', decimal comma, CRLF — and a text cell starting
 *     with = + - @, TAB or CR gets a leading apostrophe so Excel never
 *     reads it as a formula; plain is ',', decimal point, LF, no BOM, texts as they are.
 *  6. An indicator a scope did not compute has one line: measure
 *     `not_computed` (or `failed`), the reason as its `value`, no number
 *     and the symbol "..".
 *  7. Language: in English the file holds the document's codes and keys
 *     (woman, amount_granted, funding_share). In Swedish (--lang sv) the
 *     header (område;indikator;indelning;kategori;kön;mått;värde;tecken:
 *     no English word), the gender categories (Kvinnor, Män, Ickebinära, Blandat,
 *     Uppgift saknas, Totalt), the indicators (their titles), the
 *     measures and list names are words (words.h); breakdown values and
 *     region names are the data's own and stay as they are. The numbers
 *     and their layout are the same in both.
 *  8. With periods (DESIGN.md "Periods"), a last column `period` holds
 *     the period of a period's figures (empty for all periods), and group
 *     "trend" gives each indicator's change from the first period to the
 *     last (period "<first>-<last>"): change.value, change.ci.lower/upper
 *     and change.excludes_zero (1 where the interval excludes 0).
 */
#include "render/render.h"

#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/report_trend.h"
#include "render/symbols.h"
#include "render/words.h"

typedef struct csv {
    GString *out;
    gboolean excel;
    char separator;
    const char *region;
    const char *indicator;
    const cJSON *doc;
    jv_lang lang;
    const cJSON *headline; /* the headline being walked (its label) */
    gboolean periods;      /* the document has periods: a `period` column */
    const char *period;    /* this line's period, or NULL */
} csv;

/* A dotted measure ("women_share.seats", "approval_rate_ci.lower") in
 * words for the Swedish file: every part's label, joined by ", ". */
static char *measure_words(const csv *c, const char *measure)
{
    if (c->lang == JV_LANG_EN)
        return g_strdup(measure);
    char **parts = g_strsplit(measure, ".", -1);
    GString *out = g_string_new(NULL);
    for (char **p = parts; *p != NULL; p++) {
        const char *word;
        if (strcmp(*p, "lower") == 0)
            word = jv_tr(c->lang, N_("lower limit"));
        else if (strcmp(*p, "upper") == 0)
            word = jv_tr(c->lang, N_("upper limit"));
        else if (strcmp(*p, "suppressed") == 0)
            word = jv_tr(c->lang, N_("suppressed"));
        else if (strcmp(*p, "value") == 0 && p != parts)
            word = jv_tr(c->lang, N_("value"));
        else if (strcmp(*p, "ci") == 0)
            word = jv_tr(c->lang, N_("CI"));
        else if (g_str_has_suffix(*p, "_ci")) { /* "approval_rate_ci": "Beviljandegrad, KI" */
            char *base = g_strndup(*p, strlen(*p) - 3);
            g_string_append_printf(out, "%s%s, %s", p != parts ? ", " : "",
                                   jv_words_key(c->doc, c->lang, c->indicator, base),
                                   jv_tr(c->lang, N_("CI")));
            g_free(base);
            continue;
        } else
            word = jv_words_key(c->doc, c->lang, c->indicator, *p);
        g_string_append_printf(out, "%s%s", p != parts ? ", " : "", word);
    }
    g_strfreev(parts);
    return g_string_free(out, FALSE);
}

static void text_field(csv *c, const char *text)
{
    if (text == NULL)
        text = "";
    /* = + - @ start a formula; a leading TAB or CR is dropped by Excel,
     * leaving what follows to start one. */
    gboolean formula = c->excel && text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
    gboolean quote =
        formula || strchr(text, c->separator) != NULL || strpbrk(text, "\"\r\n") != NULL;
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

static void end_line(csv *c) { g_string_append(c->out, c->excel ? "\r\n" : "\n"); }

/* One line; `number` NULL or null: an empty cell and a symbol, × when
 * `hidden` (suppressed). */
static void line(csv *c, const char *group, const char *value, const char *gender,
                 const char *measure, const cJSON *number, gboolean hidden)
{
    gboolean sv = c->lang == JV_LANG_SV;
    text_field(c, sv && strcmp(c->region, "total") == 0 ? jv_label_gender(c->lang, "total")
                                                        : c->region);
    char *title = sv ? jv_words_title(c->doc, c->lang, c->indicator) : NULL;
    text_field(c, sv ? title : c->indicator);
    g_free(title);
    if (sv && strcmp(group, "headline") == 0) {
        text_field(c, jv_tr(c->lang, N_("Headline")));
        text_field(c, jv_words_headline(c->doc, c->lang, c->indicator, c->headline));
    } else {
        char *words = sv ? measure_words(c, group) : g_strdup(group);
        text_field(c, words);
        g_free(words);
        text_field(c, value);
    }
    text_field(c, sv && gender[0] != '\0' ? jv_label_gender(c->lang, gender) : gender);
    char *words = measure_words(c, measure);
    text_field(c, words);
    g_free(words);
    if (cJSON_IsNumber(number))
        jv_format_exact(c->out, number->valuedouble, c->excel ? ',' : '.');
    else if (cJSON_IsBool(number))
        g_string_append_c(c->out, cJSON_IsTrue(number) ? '1' : '0');
    g_string_append_c(c->out, c->separator);
    if (!cJSON_IsNumber(number) && !cJSON_IsBool(number))
        g_string_append(c->out, hidden ? JV_SYMBOL_SUPPRESSED : JV_SYMBOL_NO_DATA);
    if (c->periods) {
        g_string_append_c(c->out, c->separator);
        text_field(c, c->period);
        g_string_truncate(c->out, c->out->len - 1); /* the last field */
    }
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
    static const char *const keys[] = {"balance", "status", "label",  "unit",
                                       "metric",  "reason", "message"};
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
    cJSON_ArrayForEach(v, entry)
        if (cJSON_IsString(v))
            return v->valuestring;
    return "";
}

static void walk(csv *c, const cJSON *node, const char *group, const char *value,
                 const char *gender, const char *prefix, gboolean hidden);

static void walk_list(csv *c, const cJSON *list, const char *group)
{
    const cJSON *entry;
    cJSON_ArrayForEach(entry, list)
        if (cJSON_IsObject(entry))
            walk(c, entry, group, entry_name(entry), "", "", FALSE);
}

static gboolean flag(const cJSON *cell) { return cJSON_IsTrue(jv_doc_member(cell, "suppressed")); }

/* Figures of a split (shares, intervals, gaps) are missing because of
 * suppression when its women or men are suppressed; a gender object's
 * gap likewise. */
static gboolean split_hidden(const cJSON *node)
{
    const cJSON *by_gender = jv_doc_member(node, "by_gender");
    if (by_gender == NULL)
        by_gender = node;
    return flag(jv_doc_member(by_gender, "woman")) || flag(jv_doc_member(by_gender, "man"));
}

static void walk(csv *c, const cJSON *node, const char *group, const char *value,
                 const char *gender, const char *prefix, gboolean hidden)
{
    if (prefix[0] == '\0' && gender[0] == '\0' && split_hidden(node))
        hidden = TRUE;
    const cJSON *v;

    cJSON_ArrayForEach(v, node) {
        const char *k = v->string;
        if (k == NULL)
            continue;
        char *measure = g_strconcat(prefix, k, NULL);
        if (strcmp(k, "headline") == 0 && cJSON_IsObject(v) && prefix[0] == '\0') {
            /* its figures are missing for suppression only when its value is */
            c->headline = v;
            walk(c, v, "headline", jv_doc_string(v, "metric"), "", "",
                 !cJSON_IsNumber(jv_doc_member(v, "value")) && jv_doc_headline_suppressed(node));
            c->headline = NULL;
        } else if (strcmp(k, "breakdowns") == 0 && cJSON_IsObject(v)) {
            const cJSON *column;
            cJSON_ArrayForEach(column, v)
                walk_list(c, column, column->string);
        } else if (strcmp(k, "by_gender") == 0 && cJSON_IsObject(v)) {
            const cJSON *g;
            cJSON_ArrayForEach(g, v)
                if (cJSON_IsObject(g))
                    walk(c, g, group, value, g->string, prefix, flag(g));
        } else if (strcmp(k, "total") == 0 && cJSON_IsObject(v) &&
                   jv_doc_member(v, "suppressed") != NULL) {
            walk(c, v, group, value, "total", prefix, flag(v));
        } else if (is_gender(k) && cJSON_IsObject(v)) {
            walk(c, v, group, value, k, prefix, flag(v));
        } else if (jv_doc_is_interval(v) ||
                   (cJSON_IsNull(v) && (strcmp(k, "ci") == 0 || g_str_has_suffix(k, "_ci")))) {
            char *lower = g_strconcat(measure, ".lower", NULL);
            char *upper = g_strconcat(measure, ".upper", NULL);
            line(c, group, value, gender, lower, cJSON_GetArrayItem(v, 0), hidden);
            line(c, group, value, gender, upper, cJSON_GetArrayItem(v, 1), hidden);
            g_free(lower);
            g_free(upper);
        } else if (cJSON_IsArray(v)) {
            char *nested = group[0] ? g_strconcat(group, ".", k, NULL) : g_strdup(k);
            walk_list(c, v, nested);
            g_free(nested);
        } else if (jv_doc_is_split(v) || jv_doc_is_gender_object(v)) {
            char *nested = group[0] ? g_strconcat(group, ".", k, NULL) : g_strdup(k);
            walk(c, v, nested, "", "", "", FALSE);
            g_free(nested);
        } else if (cJSON_IsObject(v)) {
            char *deeper = g_strconcat(measure, ".", NULL);
            walk(c, v, group, value, gender, deeper, hidden);
            g_free(deeper);
        } else if (cJSON_IsNumber(v) || cJSON_IsBool(v) || (cJSON_IsNull(v) && !is_text_key(k))) {
            line(c, group, value, gender, measure, v, hidden);
        }
        g_free(measure);
    }
}

/* A scope's periods, then its trend's changes (rule 8). */
static void periods(csv *c, const cJSON *scope, GPtrArray *indicators)
{
    const cJSON *p;
    cJSON_ArrayForEach(p, jv_doc_member(scope, "periods")) {
        c->period = jv_doc_string(p, "value");
        for (guint k = 0; k < indicators->len; k++) {
            c->indicator = g_ptr_array_index(indicators, k);
            const cJSON *entry = jv_doc_indicator(p, c->indicator);
            if (entry == NULL || jv_doc_result(entry) == NULL)
                continue; /* the all-periods lines say why */
            static const char *const counts[] = {"rows", "skipped_rows"};
            for (size_t n = 0; n < G_N_ELEMENTS(counts); n++)
                if (jv_doc_member(entry, counts[n]) != NULL)
                    line(c, "", "", "", counts[n], jv_doc_member(entry, counts[n]), TRUE);
            walk(c, jv_doc_result(entry), "", "", "", "", FALSE);
        }
    }
    for (guint k = 0; k < indicators->len; k++) {
        c->indicator = g_ptr_array_index(indicators, k);
        const cJSON *trend = jv_doc_member(jv_doc_member(scope, "trend"), c->indicator);
        const cJSON *change = jv_doc_member(trend, "change");
        if (!cJSON_IsObject(change))
            continue;
        char *span =
            g_strdup_printf("%s-%s", jv_doc_string(change, "from"), jv_doc_string(change, "to"));
        c->period = span;
        const char *metric = jv_doc_string(trend, "metric");
        line(c, "trend", metric, "", "change.value", jv_doc_member(change, "value"), FALSE);
        const cJSON *ci = jv_doc_member(change, "ci");
        line(c, "trend", metric, "", "change.ci.lower", cJSON_GetArrayItem(ci, 0), FALSE);
        line(c, "trend", metric, "", "change.ci.upper", cJSON_GetArrayItem(ci, 1), FALSE);
        cJSON *mark = cJSON_CreateBool(jv_trend_change_excludes_zero(change));
        line(c, "trend", metric, "", "change.excludes_zero", mark, FALSE);
        cJSON_Delete(mark);
        g_free(span);
    }
    c->period = NULL;
}

GString *jv_render_csv(const cJSON *doc, const jv_render_options *options)
{
    csv c = {.out = g_string_new(NULL),
             .excel = options->csv_dialect == JV_CSV_EXCEL,
             .separator = ',',
             .doc = doc,
             .lang = options->lang};
    for (guint i = 0; i < jv_doc_scope_count(doc); i++)
        c.periods |= cJSON_IsArray(jv_doc_member(jv_doc_scope(doc, i), "periods"));
    c.separator = c.excel ? ';' : ',';
    if (c.excel)
        g_string_append(c.out, "\xef\xbb\xbf");
    /* TRANSLATORS: the CSV header; one word each, no spaces. */
    static const char *const header[] = {N_("region"), N_("indicator"), N_("group"),  N_("value"),
                                         N_("gender"), N_("measure"),   N_("number"), N_("symbol")};
    for (size_t i = 0; i < G_N_ELEMENTS(header); i++) {
        g_string_append(c.out, c.lang == JV_LANG_SV ? jv_tr(c.lang, header[i]) : header[i]);
        if (i + 1 < G_N_ELEMENTS(header))
            g_string_append_c(c.out, c.separator);
    }
    if (c.periods) /* TRANSLATORS: the CSV header's period column */
        g_string_append_printf(c.out, "%c%s", c.separator,
                               c.lang == JV_LANG_SV ? jv_tr(c.lang, N_("period")) : "period");
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
                line(&c, "", "", "", "rows", jv_doc_member(entry, "rows"), TRUE);
            if (jv_doc_member(entry, "skipped_rows") != NULL)
                line(&c, "", "", "", "skipped_rows", jv_doc_member(entry, "skipped_rows"), TRUE);
            const cJSON *result = jv_doc_result(entry);
            if (result != NULL) {
                walk(&c, result, "", "", "", "", FALSE);
            } else { /* why there is nothing: the reason as the line's value */
                const char *why = jv_doc_string(entry, "reason");
                char *reason =
                    jv_words_reason(c.lang, why ? why : jv_doc_string(entry, "message"), FALSE);
                line(&c, "", reason, "",
                     g_strcmp0(jv_doc_string(entry, "status"), "error") == 0 ? "failed"
                                                                             : "not_computed",
                     NULL, FALSE);
                g_free(reason);
            }
        }
        if (c.periods)
            periods(&c, scope, indicators);
    }
    g_ptr_array_unref(indicators);
    return c.out;
}
