/* core/render/xlsx_cells.c — writing the workbook's cells (see xlsx.h):
 * new sheets with valid, unique names, numbers at the JSON document's
 * precision in their kind's format (noted for xlsx_exact.c), texts, the
 * symbols of missing figures, and column widths grown to fit. The sheets
 * (xlsx.c, xlsx_sheet.c, xlsx_trend.c) write through these. */
#include "render/xlsx.h"

#include <float.h>
#include <math.h>
#include <string.h>

lxw_worksheet *jv_xlsx_add_sheet(jv_xlsx *x, const char *name)
{
    /* Excel: 1–31 characters, none of []:*?/\, not starting or ending
     * with an apostrophe, unique regardless of case. */
    GString *base = g_string_new(NULL);
    glong n = 0;
    for (const char *p = name; *p != '\0' && n < 28; p = g_utf8_next_char(p), n++) {
        gunichar c = g_utf8_get_char(p);
        if (c < 0x20 || strchr("[]:*?/\\", (int)(c < 0x80 ? c : 'a')) != NULL ||
            (c == '\'' && (n == 0 || p[1] == '\0')))
            g_string_append_c(base, '_');
        else
            g_string_append_unichar(base, c);
    }
    if (base->len > 0 && base->str[base->len - 1] == '\'') /* cut before one */
        base->str[base->len - 1] = '_';
    if (base->len == 0)
        g_string_append_c(base, '_');
    char *unique = g_strdup(base->str);
    for (int k = 2;; k++) {
        char *folded = g_utf8_casefold(unique, -1);
        gboolean taken = g_hash_table_contains(x->sheet_names, folded);
        if (!taken) {
            g_hash_table_add(x->sheet_names, folded);
            break;
        }
        g_free(folded);
        g_free(unique);
        unique = g_strdup_printf("%s %d", base->str, k);
    }
    lxw_worksheet *sheet = workbook_add_worksheet(x->book, unique);
    g_free(unique);
    g_string_free(base, TRUE);
    return sheet;
}

void jv_xlsx_width_note(GArray *widths, guint column, const char *text)
{
    if (column >= widths->len)
        g_array_set_size(widths, column + 1);
    double w = (double)g_utf8_strlen(text, -1) + 2;
    double *have = &g_array_index(widths, double, column);
    *have = MAX(*have, w);
}

void jv_xlsx_widths_apply(lxw_worksheet *sheet, GArray *widths)
{
    for (guint c = 0; c < widths->len; c++) {
        double w = g_array_index(widths, double, c);
        worksheet_set_column(sheet, (lxw_col_t)c, (lxw_col_t)c, CLAMP(w, 8, 45), NULL);
    }
}

void jv_xlsx_write_symbol(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint row, guint column,
                          jv_absence why, gboolean bold)
{
    const char *symbol = jv_symbol(why);
    worksheet_write_string(sheet, row, (lxw_col_t)column, symbol,
                           bold ? x->f.missing_bold : x->f.missing);
    jv_xlsx_width_note(widths, column, symbol);
}

/* The double the JSON output holds for `value`: cJSON prints 15
 * significant digits when they read back within one DBL_EPSILON (so a
 * value can move by an ulp), else 17. The workbook holds the same double,
 * so a cell equals the JSON document's number exactly. */
static double as_in_json(double value)
{
    char text[64];
    g_snprintf(text, sizeof text, "%1.15g", value);
    double shown = g_ascii_strtod(text, NULL);
    double larger = MAX(fabs(shown), fabs(value));
    return fabs(shown - value) <= larger * DBL_EPSILON ? shown : value;
}

void jv_xlsx_write_number(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint row, guint column,
                          const cJSON *value, jv_kind kind, gboolean bold, jv_absence why)
{
    if ((int)kind < 0 || (int)kind >= JV_XLSX_KINDS)
        kind = JV_KIND_NUMBER;
    if (!cJSON_IsNumber(value) || !isfinite(value->valuedouble)) {
        jv_xlsx_write_symbol(x, sheet, widths, row, column, why, bold);
        return;
    }
    double number = as_in_json(value->valuedouble);
    worksheet_write_number(sheet, row, (lxw_col_t)column, number,
                           bold ? x->f.number_bold[kind] : x->f.number[kind]);
    jv_xlsx_exact_note(x, sheet, row, column, number);
    /* The width of the number as shown (one more for Excel's padding). */
    char *shown = jv_format_number(x->lang, value->valuedouble, kind);
    jv_xlsx_width_note(widths, column, shown);
    g_free(shown);
}

void jv_xlsx_write_text(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint row, guint column,
                        const char *text, gboolean bold)
{
    if (text == NULL || text[0] == '\0')
        return;
    worksheet_write_string(sheet, row, (lxw_col_t)column, text, bold ? x->f.text_bold : x->f.text);
    jv_xlsx_width_note(widths, column, text);
}
