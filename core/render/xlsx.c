/* core/render/xlsx.c — the result as an Excel workbook (libxlsxwriter):
 * a summary sheet (regions × headlines, the total row bold), one sheet
 * per indicator in wide form (xlsx_sheet.c) and a sheet with the legend,
 * the options and the provenance. See xlsx.h for the contract.
 * libxlsxwriter writes to a file name: the workbook is written to a
 * private temporary file, read back into memory and the file removed, so
 * the caller hands the bytes to the ordinary output path (eval/output.c)
 * and a failed render never leaves a file anywhere. */
#include "render/xlsx.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "render/doc.h"
#include "render/labels.h"
#include "render/render.h"
#include "render/words.h"
#include "render/xlsx_sheet.h"
#include "render/xlsx_trend.h"

static void header_cell(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint row, guint column,
                        const char *text)
{
    worksheet_write_string(sheet, row, (lxw_col_t)column, text, x->f.header);
    /* Headers wrap: they widen a column only up to a long word. */
    char **words = g_strsplit(text, " ", -1);
    for (char **w = words; *w != NULL; w++)
        jv_xlsx_width_note(widths, column, *w);
    g_strfreev(words);
}

static void make_formats(jv_xlsx *x)
{
    lxw_workbook *b = x->book;
    x->f.header = workbook_add_format(b);
    format_set_bold(x->f.header);
    format_set_text_wrap(x->f.header);
    format_set_align(x->f.header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(x->f.header, LXW_BORDER_THIN);
    /* Number formats in Excel's own (en-US) syntax: Excel shows them with
     * the reader's decimal mark and digit grouping. */
    gboolean sv = x->lang == JV_LANG_SV;
    const char *codes[JV_XLSX_KINDS] = {
        [JV_KIND_NUMBER] = "General",
        [JV_KIND_COUNT] = "#,##0",
        [JV_KIND_AMOUNT] = "#,##0",
        [JV_KIND_SHARE] = sv ? "0.0 %" : "0.0%",
        [JV_KIND_DIFFERENCE] = sv ? "+0.0 %;-0.0 %;0.0 %" : "+0.0%;-0.0%;0.0%",
        [JV_KIND_AMOUNT_DIFFERENCE] = "+#,##0;-#,##0;0",
        [JV_KIND_NUMBER_DIFFERENCE] = "+General;-General;General",
    };
    for (int k = 0; k < JV_XLSX_KINDS; k++) {
        x->f.number[k] = workbook_add_format(b);
        format_set_num_format(x->f.number[k], codes[k]);
        x->f.number_bold[k] = workbook_add_format(b);
        format_set_num_format(x->f.number_bold[k], codes[k]);
        format_set_bold(x->f.number_bold[k]);
    }
    x->f.text = workbook_add_format(b);
    x->f.text_bold = workbook_add_format(b);
    format_set_bold(x->f.text_bold);
    x->f.missing = workbook_add_format(b);
    format_set_align(x->f.missing, LXW_ALIGN_RIGHT);
    x->f.missing_bold = workbook_add_format(b);
    format_set_align(x->f.missing_bold, LXW_ALIGN_RIGHT);
    format_set_bold(x->f.missing_bold);
}

/* The indicator of a summary key `<indicator>.<metric>` (a name the
 * document lists, so names holding a dot work), and its metric. */
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

/* Why a summary value of `scope` is null: no entry or no result is no
 * data; a metric other than the scope's headline cannot occur there; a
 * headline over a suppressed woman or man cell is suppressed. */
static jv_absence summary_why(const cJSON *scope, const char *indicator, const char *metric)
{
    const cJSON *result = jv_doc_result(jv_doc_indicator(scope, indicator));
    if (result == NULL)
        return JV_ABSENT_NO_DATA;
    const cJSON *headline = jv_doc_member(result, "headline");
    if (g_strcmp0(jv_doc_string(headline, "metric"), metric) != 0)
        return JV_ABSENT_NOT_APPLICABLE;
    const cJSON *by_gender = jv_doc_member(result, "by_gender");
    if (cJSON_IsTrue(jv_doc_member(jv_doc_member(by_gender, "woman"), "suppressed")) ||
        cJSON_IsTrue(jv_doc_member(jv_doc_member(by_gender, "man"), "suppressed")))
        return JV_ABSENT_SUPPRESSED;
    return JV_ABSENT_NO_DATA;
}

/* The headline object of `metric` in the first scope that has it. */
static const cJSON *find_headline(const cJSON *doc, const char *indicator, const char *metric)
{
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *h = jv_doc_member(
            jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, i), indicator)), "headline");
        if (g_strcmp0(jv_doc_string(h, "metric"), metric) == 0)
            return h;
    }
    return NULL;
}

static void summary_sheet(jv_xlsx *x)
{
    const cJSON *doc = x->doc;
    lxw_worksheet *sheet = jv_xlsx_add_sheet(x, jv_tr(x->lang, N_("Summary")));
    GArray *widths = g_array_new(FALSE, TRUE, sizeof(double));
    GPtrArray *indicators = jv_doc_indicator_names(doc);
    GHashTable *scopes = g_hash_table_new(g_str_hash, g_str_equal); /* name → scope */
    for (guint i = 0; i < jv_doc_scope_count(doc); i++)
        g_hash_table_insert(scopes, (gpointer)jv_doc_scope_name(doc, i),
                            (gpointer)jv_doc_scope(doc, i));
    const cJSON *summary = jv_doc_member(doc, "summary");
    const cJSON *first = cJSON_GetArrayItem(summary, 0);
    header_cell(x, sheet, widths, 0, 0, jv_tr(x->lang, N_("Region")));
    GPtrArray *keys = g_ptr_array_new();
    GPtrArray *headlines = g_ptr_array_new(); /* per key, or NULL */
    const cJSON *item;
    cJSON_ArrayForEach(item, (cJSON_IsObject(first) ? first : NULL)) {
        if (item->string == NULL || strcmp(item->string, "region") == 0)
            continue;
        const char *metric;
        const char *indicator = split_key(item->string, indicators, &metric);
        const cJSON *h = indicator != NULL ? find_headline(doc, indicator, metric) : NULL;
        header_cell(x, sheet, widths, 0, keys->len + 1,
                    h != NULL ? jv_words_headline(doc, x->lang, indicator, h) : item->string);
        g_ptr_array_add(keys, item->string);
        g_ptr_array_add(headlines, (gpointer)h);
    }
    const char *total_name = jv_doc_string(jv_doc_member(doc, "total"), "name");
    guint row = 1;
    cJSON_ArrayForEach(item, (cJSON_IsArray(summary) ? summary : NULL)) {
        const char *region = jv_doc_string(item, "region");
        gboolean total = item->next == NULL && region != NULL && total_name != NULL &&
                         strcmp(region, total_name) == 0;
        const cJSON *scope = region != NULL ? g_hash_table_lookup(scopes, region) : NULL;
        jv_xlsx_write_text(x, sheet, widths, row, 0,
                           total ? jv_label_gender(x->lang, "total") : region, total);
        for (guint k = 0; k < keys->len; k++) {
            const char *key = g_ptr_array_index(keys, k);
            const char *metric;
            const char *indicator = split_key(key, indicators, &metric);
            const cJSON *h = g_ptr_array_index(headlines, k);
            jv_xlsx_write_number(x, sheet, widths, row, k + 1, jv_doc_member(item, key),
                                 jv_kind_for_unit(jv_doc_string(h, "unit")), total,
                                 summary_why(scope, indicator, metric));
        }
        row++;
    }
    worksheet_freeze_panes(sheet, 1, 1);
    jv_xlsx_widths_apply(sheet, widths);
    g_ptr_array_unref(headlines);
    g_ptr_array_unref(keys);
    g_hash_table_unref(scopes);
    g_ptr_array_unref(indicators);
    g_array_unref(widths);
}

/* A label in column A, a value in B. */
static void fact(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint *row, const char *label,
                 const char *text)
{
    jv_xlsx_write_text(x, sheet, widths, *row, 0, label, TRUE);
    jv_xlsx_write_text(x, sheet, widths, *row, 1, text, FALSE);
    (*row)++;
}

static void fact_number(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint *row,
                        const char *label, const cJSON *value, jv_kind kind)
{
    jv_xlsx_write_text(x, sheet, widths, *row, 0, label, TRUE);
    jv_xlsx_write_number(x, sheet, widths, *row, 1, value, kind, FALSE, JV_ABSENT_NO_DATA);
    (*row)++;
}

static void heading(jv_xlsx *x, lxw_worksheet *sheet, guint *row, const char *text)
{
    (*row)++;
    worksheet_write_string(sheet, (*row)++, 0, text, x->f.text_bold);
}

static void about_sheet(jv_xlsx *x)
{
    jv_lang lang = x->lang;
    const cJSON *evaluation = jv_doc_member(x->doc, "evaluation");
    const cJSON *options = jv_doc_member(evaluation, "options");
    lxw_worksheet *sheet = jv_xlsx_add_sheet(x, jv_tr(lang, N_("About")));
    GArray *widths = g_array_new(FALSE, TRUE, sizeof(double));
    guint row = 0;
    const char *name = jv_doc_string(evaluation, "name");
    worksheet_write_string(sheet, row++, 0, name != NULL ? name : jv_tr(lang, N_("Evaluation")),
                           x->f.text_bold);

    heading(x, sheet, &row, jv_tr(lang, N_("Symbols")));
    static const jv_absence all[] = {JV_ABSENT_SUPPRESSED, JV_ABSENT_NOT_APPLICABLE,
                                     JV_ABSENT_NO_DATA};
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++) {
        char *meaning = jv_symbol_meaning(lang, all[i], jv_doc_min_cell(x->doc));
        worksheet_write_string(sheet, row, 0, jv_symbol(all[i]), x->f.text_bold);
        jv_xlsx_write_text(x, sheet, widths, row++, 1, meaning, FALSE);
        g_free(meaning);
    }
    fact(x, sheet, widths, &row, jv_tr(lang, N_("Figures")),
         jv_tr(lang, N_("every figure is stored unrounded; only its display is rounded")));

    heading(x, sheet, &row, jv_tr(lang, N_("Options")));
    fact_number(x, sheet, widths, &row, jv_tr(lang, N_("smallest published count (min_cell)")),
                jv_doc_member(options, "min_cell"), JV_KIND_COUNT);
    double low, high;
    jv_doc_band(x->doc, &low, &high);
    char *band = jv_format_band(lang, low, high);
    fact(x, sheet, widths, &row, jv_tr(lang, N_("balanced band")), band);
    g_free(band);
    fact_number(x, sheet, widths, &row, jv_tr(lang, N_("confidence level of intervals")),
                jv_doc_member(options, "confidence"), JV_KIND_SHARE);

    heading(x, sheet, &row, jv_tr(lang, N_("Provenance")));
    fact(x, sheet, widths, &row, "jamvikt",
         jv_doc_string(jv_doc_member(x->doc, "jamvikt"), "version"));
    const cJSON *plugin;
    cJSON_ArrayForEach(plugin, jv_doc_member(evaluation, "plugins")) {
        if (x->publish) { /* the indicator's title and version, no id */
            char *title = jv_words_title(x->doc, lang, jv_doc_string(plugin, "name"));
            fact(x, sheet, widths, &row, title, jv_doc_string(plugin, "version"));
            g_free(title);
            continue;
        }
        char *params = cJSON_PrintUnformatted(jv_doc_member(plugin, "params"));
        const char *id = jv_doc_string(plugin, "plugin");
        const char *version = jv_doc_string(plugin, "version");
        char *text = g_strdup_printf("%s %s %s", id != NULL ? id : "?",
                                     version != NULL ? version : "?", params ? params : "");
        char *title = jv_words_title(x->doc, lang, jv_doc_string(plugin, "name"));
        fact(x, sheet, widths, &row, title, text);
        g_free(title);
        g_free(text);
        cJSON_free(params);
    }
    if (x->publish) { /* no file paths, no warnings: one line on data quality */
        guint n = (guint)cJSON_GetArraySize(jv_doc_member(x->doc, "warnings"));
        char *quality =
            n == 0 ? g_strdup(jv_tr(lang, N_("Data quality: the data passed every check "
                                             "without remarks.")))
                   : g_strdup_printf(n == 1 ? jv_tr(lang, N_("Data quality: the data passed every "
                                                             "check; the reading gave %u remark, "
                                                             "listed in the full report."))
                                            : jv_tr(lang, N_("Data quality: the data passed every "
                                                             "check; the reading gave %u remarks, "
                                                             "listed in the full report.")),
                                     n);
        row++;
        jv_xlsx_write_text(x, sheet, widths, row++, 0, quality, FALSE);
        g_free(quality);
        g_array_index(widths, double, 0) = MIN(g_array_index(widths, double, 0), 40);
        jv_xlsx_widths_apply(sheet, widths);
        g_array_unref(widths);
        return;
    }
    const cJSON *inputs = jv_doc_member(evaluation, "inputs");
    if (cJSON_GetArraySize(inputs) > 0) {
        heading(x, sheet, &row, jv_tr(lang, N_("Input files")));
        static const char *const head[] = {N_("Region"), N_("Table"), N_("File"), N_("Bytes"),
                                           "SHA-256"};
        for (guint c = 0; c < G_N_ELEMENTS(head); c++)
            header_cell(x, sheet, widths, row, c, jv_tr(lang, head[c]));
        row++;
        const cJSON *input;
        cJSON_ArrayForEach(input, inputs) {
            jv_xlsx_write_text(x, sheet, widths, row, 0, jv_doc_string(input, "region"), FALSE);
            jv_xlsx_write_text(x, sheet, widths, row, 1, jv_doc_string(input, "table"), FALSE);
            jv_xlsx_write_text(x, sheet, widths, row, 2, jv_doc_string(input, "file"), FALSE);
            jv_xlsx_write_number(x, sheet, widths, row, 3, jv_doc_member(input, "bytes"),
                                 JV_KIND_COUNT, FALSE, JV_ABSENT_NO_DATA);
            jv_xlsx_write_text(x, sheet, widths, row, 4, jv_doc_string(input, "sha256"), FALSE);
            row++;
        }
    }
    const cJSON *warning;
    gboolean any = FALSE;
    cJSON_ArrayForEach(warning, jv_doc_member(x->doc, "warnings"))
        if (cJSON_IsString(warning)) {
            if (!any)
                heading(x, sheet, &row, jv_tr(lang, N_("Warnings")));
            any = TRUE;
            worksheet_write_string(sheet, row++, 0, warning->valuestring, x->f.text);
        }
    /* Column A holds long texts only in lists: keep it readable. */
    if (widths->len > 0)
        g_array_index(widths, double, 0) = MIN(g_array_index(widths, double, 0), 40);
    jv_xlsx_widths_apply(sheet, widths);
    g_array_unref(widths);
}

GString *jv_render_xlsx(const cJSON *doc, const jv_render_options *options, GError **error)
{
    char *path = NULL;
    int fd = g_file_open_tmp("jamvikt-XXXXXX.xlsx", &path, error);
    if (fd < 0)
        return NULL;
    close(fd);
    lxw_workbook_options book_options = {.constant_memory = LXW_FALSE};
    jv_xlsx x = {
        .book = workbook_new_opt(path, &book_options),
        .doc = doc,
        .lang = options->lang,
        .publish = options->publish,
        .sheet_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .exact = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref),
        .buffers = g_ptr_array_new_with_free_func(g_free),
    };
    GString *out = NULL;
    if (x.book == NULL) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "cannot create the Excel workbook in %s", path);
        goto out;
    }
    /* A fixed creation time: the same document gives the same bytes. */
    lxw_doc_properties properties = {
        .title = (char *)jv_doc_string(jv_doc_member(doc, "evaluation"), "name"),
        .author = "jamvikt",
        .created = 946684800, /* 2000-01-01 */
    };
    workbook_set_properties(x.book, &properties);
    make_formats(&x);
    summary_sheet(&x);
    jv_xlsx_trend_sheet(&x); /* only with periods */
    GPtrArray *indicators = jv_doc_indicator_names(doc);
    for (guint i = 0; i < indicators->len; i++)
        jv_xlsx_indicator_sheet(&x, g_ptr_array_index(indicators, i));
    g_ptr_array_unref(indicators);
    about_sheet(&x);
    lxw_error status = workbook_close(x.book);
    if (x.too_big != NULL) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "the sheet '%s' would need more than Excel's %u rows or %u columns: "
                    "write this result as csv or json instead",
                    x.too_big, (unsigned)LXW_ROW_MAX, (unsigned)LXW_COL_MAX);
        goto out;
    }
    if (status != LXW_NO_ERROR) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot write the Excel workbook: %s",
                    lxw_strerror(status));
        goto out;
    }
    if (!jv_xlsx_exact_apply(&x, path, error))
        goto out;
    char *bytes = NULL;
    gsize length = 0;
    if (g_file_get_contents(path, &bytes, &length, error)) {
        out = g_string_new_len(bytes, (gssize)length);
        g_free(bytes);
    }
out:
    g_unlink(path);
    g_free(path);
    g_hash_table_unref(x.sheet_names);
    g_ptr_array_unref(x.exact);
    g_ptr_array_unref(x.buffers);
    g_free(x.too_big);
    return out;
}
