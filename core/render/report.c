/* core/render/report.c — builds the report model (see report.h): title,
 * facts, the summary of regions side by side, every scope's sections
 * (report_result.c), the tables across scopes (report_compare.c), the
 * trends (report_trend.c), notes, warnings and input files. */
#include "render/report.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/report_compare.h"
#include "render/report_result.h"
#include "render/report_trend.h"
#include "render/sentences.h"
#include "render/symbols.h"
#include "render/words.h"

static void free_section(gpointer p)
{
    jv_section *s = p;
    g_free(s->indicator);
    g_free(s->title);
    g_free(s->sentence);
    g_free(s->headline);
    g_free(s->status);
    g_ptr_array_unref(s->tables);
    g_free(s);
}

static void free_scope(gpointer p)
{
    jv_report_scope *s = p;
    g_free(s->name);
    g_ptr_array_unref(s->sections);
    g_free(s);
}

/* The headline of `metric` in the first scope that has it for `indicator`. */
static const cJSON *find_headline(const cJSON *doc, const char *indicator, const char *metric)
{
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *h = jv_doc_member(
            jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, i), indicator)), "headline");
        const char *m = jv_doc_string(h, "metric");
        if (m != NULL && strcmp(m, metric) == 0)
            return h;
    }
    return NULL;
}

/* Splits a summary key into its indicator and metric (the indicator is
 * one the document names, so names holding a dot still work). */
static const char *split_key(const char *key, GPtrArray *indicators, const char **metric)
{
    for (guint i = 0; i < indicators->len; i++) {
        const char *name = g_ptr_array_index(indicators, i);
        size_t n = strlen(name);
        if (strncmp(key, name, n) == 0 && key[n] == '.') {
            *metric = key + n + 1;
            return name;
        }
    }
    *metric = NULL;
    return NULL;
}

static void build_summary(jv_report *report, const cJSON *doc)
{
    const cJSON *summary = jv_doc_member(doc, "summary");
    const cJSON *first = cJSON_GetArrayItem(summary, 0);
    report->summary = jv_table_new(jv_tr(report->lang, N_("Summary")));
    report->summary_keys = g_ptr_array_new_with_free_func(g_free);
    if (!cJSON_IsArray(summary) || !cJSON_IsObject(first))
        return;
    GPtrArray *indicators = jv_doc_indicator_names(doc);
    jv_table_column(report->summary, jv_tr(report->lang, N_("Region")));
    GPtrArray *headlines = g_ptr_array_new();
    const cJSON *item;
    cJSON_ArrayForEach(item, first) {
        if (item->string == NULL || strcmp(item->string, "region") == 0)
            continue;
        const char *metric;
        const char *indicator = split_key(item->string, indicators, &metric);
        const cJSON *h = indicator ? find_headline(doc, indicator, metric) : NULL;
        jv_table_column(report->summary, h != NULL
                                             ? jv_words_headline(doc, report->lang, indicator, h)
                                             : item->string);
        g_ptr_array_add(report->summary_keys, g_strdup(item->string));
        g_ptr_array_add(headlines, (gpointer)h);
    }
    const cJSON *total = jv_doc_member(doc, "total");
    /* Regions by name (the first of a name), so finding a row's scope
     * does not walk every scope: linear in regions. */
    GHashTable *scopes = g_hash_table_new(g_str_hash, g_str_equal); /* name → index + 1 */
    for (guint s = jv_doc_scope_count(doc); s-- > 0;)
        if (!jv_doc_scope_is_total(doc, s))
            g_hash_table_insert(scopes, (gpointer)jv_doc_scope_name(doc, s),
                                GUINT_TO_POINTER(s + 1));
    cJSON_ArrayForEach(item, summary) {
        const char *region = jv_doc_string(item, "region");
        gboolean is_total = item->next == NULL && region != NULL &&
                            g_strcmp0(region, jv_doc_string(total, "name")) == 0;
        GArray *row = jv_table_row(report->summary);
        jv_row_text(row, is_total ? jv_label_gender(report->lang, "total") : region);
        /* The row's scope: the total for the last row, else by name. */
        guint scope_index = G_MAXUINT;
        guint count = jv_doc_scope_count(doc);
        if (is_total && count > 0 && jv_doc_scope_is_total(doc, count - 1))
            scope_index = count - 1;
        else if (!is_total && region != NULL && g_hash_table_contains(scopes, region))
            scope_index = GPOINTER_TO_UINT(g_hash_table_lookup(scopes, region)) - 1;
        const cJSON *scope = scope_index != G_MAXUINT ? jv_doc_scope(doc, scope_index) : NULL;
        for (guint k = 0; k < report->summary_keys->len; k++) {
            const cJSON *h = g_ptr_array_index(headlines, k);
            const char *key = g_ptr_array_index(report->summary_keys, k);
            jv_kind kind = jv_kind_for_unit(jv_doc_string(h, "unit"));
            const char *metric;
            const char *indicator = split_key(key, indicators, &metric);
            const cJSON *entry = jv_doc_indicator(scope, indicator);
            const cJSON *result = jv_doc_result(entry);
            const cJSON *own = jv_doc_member(result, "headline");
            const char *marker = jv_report_marker(report, scope_index, indicator);
            const cJSON *value = jv_doc_member(item, key);
            if (marker != NULL) { /* not computed: "..¹" and the note says why */
                jv_row_take(row, g_strconcat(JV_SYMBOL_NO_DATA, marker, NULL), TRUE,
                            JV_TONE_MISSING);
            } else if (result != NULL && g_strcmp0(jv_doc_string(own, "metric"), metric) != 0) {
                /* The scope reports another metric of this indicator. */
                jv_row_take(row, g_strdup(JV_SYMBOL_NOT_APPLICABLE), TRUE, JV_TONE_NOT_APPLICABLE);
            } else if (!cJSON_IsNumber(value) && jv_doc_headline_suppressed(result)) {
                jv_row_take(row, g_strdup(JV_SYMBOL_SUPPRESSED), TRUE, JV_TONE_SUPPRESSED);
            } else {
                /* The row's own headline gives the balance for the colour. */
                jv_row_take(row, jv_format_json(report->lang, value, kind), TRUE,
                            jv_tone_for_balance(jv_doc_string(own, "balance")));
            }
        }
    }
    g_hash_table_unref(scopes);
    g_ptr_array_unref(headlines);
    g_ptr_array_unref(indicators);
}

static void build_facts(jv_report *report, const cJSON *doc)
{
    jv_lang lang = report->lang;
    const char *name = jv_doc_string(jv_doc_member(doc, "evaluation"), "name");
    report->title = g_strdup(name != NULL ? name : jv_tr(lang, N_("Evaluation")));
    double low, high;
    jv_doc_band(doc, &low, &high);
    char *band = jv_format_band(lang, low, high);
    char *level = jv_format_ci_name(lang, jv_doc_confidence(doc));
    const char *version = jv_doc_string(jv_doc_member(doc, "jamvikt"), "version");
    report->facts = g_strdup_printf(
        "jamvikt %s · %s: %d · %s: %s · %s: %s", version ? version : "?",
        jv_tr(lang, N_("smallest published count (min_cell)")), jv_doc_min_cell(doc),
        jv_tr(lang, N_("balanced band")), band, jv_tr(lang, N_("intervals")), level);
    g_free(band);
    g_free(level);
    report->legend = jv_symbol_legend(lang, report->min_cell);
    /* TRANSLATORS: %s are "40 %", "60 %", "95 %" and the smallest count. */
    char *low_text = jv_format_percent_short(lang, low),
         *high_text = jv_format_percent_short(lang, high);
    char *level_text = jv_format_percent_short(lang, jv_doc_confidence(doc));
    report->method = g_strdup_printf(
        jv_tr(lang,
              N_("Method: a distribution is balanced when women's share is between %s and %s "
                 "(the 40/60 rule); below it is men-dominated, above it women-dominated. It is "
                 "statistically certain when the whole %s confidence interval lies in the same "
                 "class. Counts below %d, and figures that would reveal them, are not "
                 "published (%s).")),
        low_text, high_text, level_text, report->min_cell, JV_SYMBOL_SUPPRESSED);
    g_free(low_text);
    g_free(high_text);
    g_free(level_text);
}

static void build_inputs(jv_report *report, const cJSON *doc)
{
    const cJSON *inputs = jv_doc_member(jv_doc_member(doc, "evaluation"), "inputs");
    if (cJSON_GetArraySize(inputs) == 0)
        return;
    jv_lang lang = report->lang;
    gboolean hashed = FALSE;
    const cJSON *input;
    cJSON_ArrayForEach(input, inputs)
        hashed |= jv_doc_string(input, "sha256") != NULL;
    jv_table *t = report->inputs = jv_table_new(jv_tr(lang, N_("Input files")));
    jv_table_column(t, jv_tr(lang, N_("Region")));
    jv_table_column(t, jv_tr(lang, N_("Table")));
    jv_table_column(t, jv_tr(lang, N_("File")));
    jv_table_column(t, jv_tr(lang, N_("Bytes")));
    if (hashed)
        jv_table_column(t, "SHA-256");
    cJSON_ArrayForEach(input, inputs) {
        GArray *row = jv_table_row(t);
        jv_row_text(row, jv_doc_string(input, "region"));
        jv_row_text(row, jv_doc_string(input, "table"));
        jv_row_text(row, jv_doc_string(input, "file"));
        jv_row_take(row, jv_format_json(lang, jv_doc_member(input, "bytes"), JV_KIND_COUNT), TRUE,
                    JV_TONE_NONE);
        if (hashed)
            jv_row_text(row, jv_doc_string(input, "sha256"));
    }
}

/* A numbered note for every indicator a scope did not compute, so tables
 * can point at the reason: "¹ Syd, Måluppfyllelse: not computed: …". */
static void build_notes(jv_report *report, const cJSON *doc, GPtrArray *indicators)
{
    report->notes = g_ptr_array_new_with_free_func(g_free);
    report->markers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < jv_doc_scope_count(doc); i++)
        for (guint k = 0; k < indicators->len; k++) {
            const char *name = g_ptr_array_index(indicators, k);
            const cJSON *entry = jv_doc_indicator(jv_doc_scope(doc, i), name);
            if (entry == NULL || jv_doc_result(entry) != NULL)
                continue;
            const char *why = jv_doc_string(entry, "reason");
            if (why == NULL)
                why = jv_doc_string(entry, "message");
            const char *status = jv_doc_string(entry, "status");
            char *marker = jv_symbol_note_marker(report->notes->len + 1);
            char *reason = jv_words_reason(
                report->lang, why != NULL ? why : (status ? status : "?"), report->publish);
            char *title = jv_words_title(doc, report->lang, name);
            g_ptr_array_add(report->notes,
                            g_strdup_printf("%s %s, %s: %s: %s", marker,
                                            jv_doc_scope_is_total(doc, i)
                                                ? jv_label_gender(report->lang, "total")
                                                : jv_doc_scope_name(doc, i),
                                            title,
                                            jv_tr(report->lang, g_strcmp0(status, "error") == 0
                                                                    ? N_("failed")
                                                                    : N_("not computed")),
                                            reason));
            g_free(reason);
            g_free(title);
            jv_report_set_marker(report, i, name, marker);
        }
}

/* The total's result in words, one paragraph per indicator that says
 * something (sentences.h). */
static void build_overview(jv_report *report, const cJSON *doc, GPtrArray *indicators)
{
    report->overview = g_ptr_array_new_with_free_func(g_free);
    guint n = jv_doc_scope_count(doc);
    if (n == 0 || !jv_doc_scope_is_total(doc, n - 1))
        return;
    for (guint k = 0; k < indicators->len; k++) {
        const char *name = g_ptr_array_index(indicators, k);
        const cJSON *result = jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, n - 1), name));
        char *sentence = jv_sentence_result(doc, report->lang, name, result);
        if (sentence == NULL)
            continue;
        char *title = jv_words_title(doc, report->lang, name);
        g_ptr_array_add(report->overview, g_strdup_printf("%s: %s", title, sentence));
        g_free(title);
        g_free(sentence);
    }
}

/* Not for publication: which plugin and version computed each indicator. */
static void build_indicator_table(jv_report *report, const cJSON *doc)
{
    const cJSON *plugins = jv_doc_member(jv_doc_member(doc, "evaluation"), "plugins");
    if (cJSON_GetArraySize(plugins) == 0)
        return;
    jv_lang lang = report->lang;
    jv_table *t = report->indicators = jv_table_new(jv_tr(lang, N_("Indicators")));
    jv_table_column(t, jv_tr(lang, N_("Indicator")));
    jv_table_column(t, jv_tr(lang, N_("Name")));
    jv_table_column(t, jv_tr(lang, N_("Plugin")));
    jv_table_column(t, jv_tr(lang, N_("Version")));
    const cJSON *plugin;
    cJSON_ArrayForEach(plugin, plugins) {
        const char *name = jv_doc_string(plugin, "name");
        GArray *row = jv_table_row(t);
        jv_row_take(row, jv_words_title(doc, lang, name), FALSE, JV_TONE_NONE);
        jv_row_text(row, name);
        jv_row_text(row, jv_doc_string(plugin, "plugin"));
        jv_row_text(row, jv_doc_string(plugin, "version"));
    }
}

/* One line on data quality instead of the warnings list (publish). */
static void build_quality(jv_report *report)
{
    guint n = report->warnings->len;
    if (n == 0)
        report->quality =
            g_strdup(jv_tr(report->lang, N_("Data quality: the data passed every check "
                                            "without remarks.")));
    else
        report->quality = g_strdup_printf(
            n == 1
                ? jv_tr(report->lang, N_("Data quality: the data passed every check; the reading "
                                         "gave %u remark, listed in the full report."))
                : jv_tr(report->lang, N_("Data quality: the data passed every check; the reading "
                                         "gave %u remarks, listed in the full report.")),
            n);
}

/* A chart needs a bar: a table whose shares are all missing keeps its
 * table and says why once, instead of an empty chart. */
static void prune_chart(jv_report *report, jv_table *t)
{
    if (t == NULL || t->bars->len == 0)
        return;
    gboolean any = FALSE, all_suppressed = TRUE;
    for (guint i = 0; i < t->bars->len; i++) {
        const jv_bar *bar = g_ptr_array_index(t->bars, i);
        any |= isfinite(bar->share);
        all_suppressed &= bar->suppressed;
    }
    if (any)
        return;
    for (guint i = 0; i < t->bars->len; i++) {
        jv_bar *bar = g_ptr_array_index(t->bars, i);
        g_free(bar->label);
        g_free(bar->text);
        g_free(bar);
    }
    g_ptr_array_set_size(t->bars, 0);
    const char *why = all_suppressed
                          ? jv_tr(report->lang, N_("No chart: every women's share here is "
                                                   "suppressed to protect individuals."))
                          : jv_tr(report->lang, N_("No chart: there is no women's share to show."));
    g_free(t->chart_note);
    t->chart_note = g_strdup(why);
}

jv_report *jv_report_build(const cJSON *doc, jv_lang lang)
{
    return jv_report_build_with(doc, lang, FALSE);
}

jv_report *jv_report_build_with(const cJSON *doc, jv_lang lang, gboolean publish)
{
    jv_report *report = g_new0(jv_report, 1);
    report->lang = lang;
    report->publish = publish;
    report->min_cell = jv_doc_min_cell(doc);
    GPtrArray *names = jv_doc_indicator_names(doc);
    build_notes(report, doc, names);
    build_overview(report, doc, names);
    g_ptr_array_unref(names);
    build_facts(report, doc);
    build_summary(report, doc);
    report->comparisons = g_ptr_array_new_with_free_func((GDestroyNotify)jv_table_free);
    report->goals = g_ptr_array_new_with_free_func((GDestroyNotify)jv_table_free);
    jv_report_compare(report, doc);
    jv_report_trend(report, doc);
    report->scopes = g_ptr_array_new_with_free_func(free_scope);
    GPtrArray *indicators = jv_doc_indicator_names(doc);
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        jv_report_scope *scope = g_new0(jv_report_scope, 1);
        scope->total = jv_doc_scope_is_total(doc, i);
        scope->name =
            g_strdup(scope->total ? jv_label_gender(lang, "total") : jv_doc_scope_name(doc, i));
        scope->sections = g_ptr_array_new_with_free_func(free_section);
        for (guint k = 0; k < indicators->len; k++) {
            const char *name = g_ptr_array_index(indicators, k);
            jv_section *section = jv_report_section_with(
                doc, lang, name, jv_doc_indicator(jv_doc_scope(doc, i), name),
                jv_report_marker(report, i, name), publish);
            if (section == NULL)
                continue;
            for (guint t = 0; t < section->tables->len; t++)
                prune_chart(report, g_ptr_array_index(section->tables, t));
            g_ptr_array_add(scope->sections, section);
        }
        g_ptr_array_add(report->scopes, scope);
    }
    g_ptr_array_unref(indicators);
    report->warnings = g_ptr_array_new_with_free_func(g_free);
    const cJSON *warning;
    cJSON_ArrayForEach(warning, jv_doc_member(doc, "warnings"))
        if (cJSON_IsString(warning))
            g_ptr_array_add(report->warnings, jv_words_warning(lang, warning->valuestring));
    for (guint i = 0; i < report->comparisons->len; i++)
        prune_chart(report, g_ptr_array_index(report->comparisons, i));
    if (publish) {
        build_quality(report);
    } else {
        build_inputs(report, doc);
        build_indicator_table(report, doc);
    }
    return report;
}

void jv_report_free(jv_report *report)
{
    if (report == NULL)
        return;
    g_free(report->title);
    g_free(report->facts);
    g_free(report->legend);
    jv_table_free(report->summary);
    if (report->summary_keys)
        g_ptr_array_unref(report->summary_keys);
    g_ptr_array_unref(report->comparisons);
    g_ptr_array_unref(report->goals);
    if (report->trends)
        g_ptr_array_unref(report->trends);
    if (report->trend_names)
        g_ptr_array_unref(report->trend_names);
    g_ptr_array_unref(report->scopes);
    g_ptr_array_unref(report->warnings);
    jv_table_free(report->inputs);
    jv_table_free(report->indicators);
    if (report->overview)
        g_ptr_array_unref(report->overview);
    if (report->notes)
        g_ptr_array_unref(report->notes);
    if (report->markers)
        g_hash_table_unref(report->markers);
    g_free(report->method);
    g_free(report->quality);
    g_free(report);
}
