/* core/render/xlsx_trend.c — the workbook's trend sheet (DESIGN.md
 * "Periods (year over year)"), written only when the document has
 * periods: per indicator with a "trend" a small table under a bold
 * heading (title — headline), a row per region and the total (bold), a
 * numeric column per period in the headline's format, then the change
 * from the first period to the last (signed), its interval (lower,
 * upper) and "*" where the interval excludes 0, the same marker and
 * legend line as the text renderers (report_trend.c). A period headline
 * over suppressed cells is ×, a null otherwise ..; a change without an
 * interval (a share of money) has . there. */
#include "render/xlsx_trend.h"

#include <string.h>

#include "render/doc.h"
#include "render/labels.h"
#include "render/report_trend.h"
#include "render/words.h"

/* The headline of `metric` in the first scope that has it, for its
 * label; else the trend itself (its metric names it). */
static const cJSON *headline_of(const cJSON *doc, const char *indicator, const cJSON *trend)
{
    const char *metric = jv_doc_string(trend, "metric");
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *h = jv_doc_member(
            jv_doc_result(jv_doc_indicator(jv_doc_scope(doc, i), indicator)), "headline");
        if (g_strcmp0(jv_doc_string(h, "metric"), metric) == 0)
            return h;
    }
    return trend;
}

static const cJSON *any_trend(const cJSON *doc, const char *indicator)
{
    for (guint i = jv_doc_scope_count(doc); i-- > 0;) {
        const cJSON *t = jv_doc_member(jv_doc_member(jv_doc_scope(doc, i), "trend"), indicator);
        if (cJSON_IsObject(t))
            return t;
    }
    return NULL;
}

static void header(jv_xlsx *x, lxw_worksheet *ws, GArray *widths, guint row, guint column,
                   const char *text)
{
    worksheet_write_string(ws, row, (lxw_col_t)column, text, x->f.header);
    jv_xlsx_width_note(widths, column, text);
}

/* One scope's row of `indicator`'s table; TRUE when its change has an
 * interval (the legend line is then due). */
static gboolean scope_row(jv_xlsx *x, lxw_worksheet *ws, GArray *widths, guint row, guint i,
                          const char *indicator, jv_kind kind, jv_kind change_kind)
{
    const cJSON *doc = x->doc;
    const cJSON *scope = jv_doc_scope(doc, i);
    const cJSON *trend = jv_doc_member(jv_doc_member(scope, "trend"), indicator);
    gboolean bold = jv_doc_scope_is_total(doc, i);
    jv_xlsx_write_text(x, ws, widths, row, 0,
                       bold ? jv_label_gender(x->lang, "total") : jv_doc_scope_name(doc, i), bold);
    const cJSON *periods = jv_doc_member(scope, "periods");
    const cJSON *values = jv_doc_member(trend, "values");
    int n = cJSON_GetArraySize(values);
    gboolean hidden_ends = FALSE;
    for (int k = 0; k < n; k++) {
        const cJSON *value = jv_doc_member(cJSON_GetArrayItem(values, k), "value");
        const cJSON *result =
            jv_doc_result(jv_doc_indicator(cJSON_GetArrayItem(periods, k), indicator));
        gboolean hidden = !cJSON_IsNumber(value) && jv_doc_headline_suppressed(result);
        hidden_ends |= hidden && (k == 0 || k == n - 1);
        jv_xlsx_write_number(x, ws, widths, row, (guint)k + 1, value, kind, bold,
                             hidden ? JV_ABSENT_SUPPRESSED : JV_ABSENT_NO_DATA);
    }
    const cJSON *change = jv_doc_member(trend, "change");
    const cJSON *value = jv_doc_member(change, "value");
    jv_absence why =
        hidden_ends && !cJSON_IsNumber(value) ? JV_ABSENT_SUPPRESSED : JV_ABSENT_NO_DATA;
    guint c = (guint)n + 1;
    jv_xlsx_write_number(x, ws, widths, row, c, value, change_kind, bold, why);
    const cJSON *ci = jv_doc_member(change, "ci");
    gboolean interval = jv_doc_is_interval(ci) && cJSON_IsNumber(cJSON_GetArrayItem(ci, 0));
    /* no interval beside a number: this headline has none (a share of money) */
    jv_absence ci_why = cJSON_IsNumber(value) ? JV_ABSENT_NOT_APPLICABLE : why;
    for (int e = 0; e < 2; e++)
        jv_xlsx_write_number(x, ws, widths, row, c + 1 + (guint)e,
                             interval ? cJSON_GetArrayItem(ci, e) : NULL, change_kind, bold,
                             ci_why);
    if (jv_trend_change_excludes_zero(change))
        jv_xlsx_write_text(x, ws, widths, row, c + 3, "*", bold);
    return interval;
}

/* `indicator`'s table from `*row` on; leaves `*row` after a blank line. */
static void trend_table(jv_xlsx *x, lxw_worksheet *ws, GArray *widths, guint *row,
                        const char *indicator, const cJSON *model)
{
    const cJSON *doc = x->doc;
    jv_lang lang = x->lang;
    char *title = jv_words_title(doc, lang, indicator);
    char *heading = g_strdup_printf(
        "%s \xe2\x80\x94 %s", title,
        jv_words_headline(doc, lang, indicator, headline_of(doc, indicator, model)));
    worksheet_write_string(ws, (*row)++, 0, heading, x->f.text_bold);
    g_free(heading);
    g_free(title);

    header(x, ws, widths, *row, 0, jv_tr(lang, N_("Region")));
    const cJSON *values = jv_doc_member(model, "values");
    guint n = (guint)cJSON_GetArraySize(values);
    for (guint k = 0; k < n; k++) {
        const char *period = jv_doc_string(cJSON_GetArrayItem(values, (int)k), "period");
        header(x, ws, widths, *row, k + 1, period != NULL ? period : "");
    }
    const cJSON *change = jv_doc_member(model, "change");
    const char *from = jv_doc_string(change, "from"), *to = jv_doc_string(change, "to");
    char *head = g_strdup_printf("%s %s\xe2\x80\x93%s", jv_tr(lang, N_("Change")),
                                 from != NULL ? from : "", to != NULL ? to : "");
    header(x, ws, widths, *row, n + 1, head);
    g_free(head);
    header(x, ws, widths, *row, n + 2, jv_tr(lang, N_("lower")));
    header(x, ws, widths, *row, n + 3, jv_tr(lang, N_("upper")));
    (*row)++;

    jv_kind kind = jv_kind_for_unit(jv_doc_string(model, "unit"));
    /* the change of shares is in points, of money and counts in units */
    jv_kind change_kind = kind == JV_KIND_SHARE || kind == JV_KIND_DIFFERENCE ? JV_KIND_DIFFERENCE
                          : kind == JV_KIND_NUMBER || kind == JV_KIND_NUMBER_DIFFERENCE
                              ? JV_KIND_NUMBER_DIFFERENCE
                              : JV_KIND_AMOUNT_DIFFERENCE;
    gboolean with_ci = FALSE;
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        if (!cJSON_IsObject(jv_doc_member(jv_doc_member(jv_doc_scope(doc, i), "trend"), indicator)))
            continue;
        if (*row >= LXW_ROW_MAX) {
            if (x->too_big == NULL)
                x->too_big = g_strdup(ws->name);
            return;
        }
        with_ci |= scope_row(x, ws, widths, (*row)++, i, indicator, kind, change_kind);
    }
    if (with_ci) {
        char *level = jv_format_ci_name(lang, jv_doc_confidence(doc));
        char *note = g_strdup_printf(
            "*: %s (%s)",
            jv_tr(lang, N_("the change's interval excludes 0, more than chance at this level")),
            level);
        worksheet_write_string(ws, (*row)++, 0, note, x->f.text);
        g_free(note);
        g_free(level);
    }
    (*row)++;
}

void jv_xlsx_trend_sheet(jv_xlsx *x)
{
    GPtrArray *indicators = jv_doc_indicator_names(x->doc);
    lxw_worksheet *ws = NULL;
    GArray *widths = g_array_new(FALSE, TRUE, sizeof(double));
    guint row = 0;
    for (guint k = 0; k < indicators->len; k++) {
        const char *name = g_ptr_array_index(indicators, k);
        const cJSON *model = any_trend(x->doc, name);
        if (model == NULL)
            continue;
        if (ws == NULL)
            ws = jv_xlsx_add_sheet(x, jv_tr(x->lang, N_("Trend")));
        trend_table(x, ws, widths, &row, name, model);
    }
    if (ws != NULL) {
        /* Column A holds the headings too: keep it to the regions' width. */
        if (widths->len > 0)
            g_array_index(widths, double, 0) = MIN(g_array_index(widths, double, 0), 40);
        jv_xlsx_widths_apply(ws, widths);
    }
    g_array_unref(widths);
    g_ptr_array_unref(indicators);
}
