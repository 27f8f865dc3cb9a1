/* core/render/xlsx.h — what the Excel workbook's files share: the
 * workbook being written, its cells (xlsx_cells.c) and its numbers at
 * full precision (xlsx_exact.c). The sheets are written on top of these:
 * one per indicator (xlsx_sheet.h), the trend (xlsx_trend.h), and the
 * summary and about sheets by the workbook itself (xlsx.c, the renderer
 * of render.h). Internal to core/render.
 *
 * Contract (the workbook as a whole; README "The Excel workbook"):
 *  1. Every figure is a numeric cell holding the document's double as it
 *     is (full precision); only its number format rounds the display:
 *     shares "0.0 %", differences signed percent, counts and money
 *     "#,##0". A figure that does not exist is a text cell holding its
 *     symbol (symbols.h: × . ..), never a number and never empty.
 *  2. Labels, headers and sheet names are in the report's language, the
 *     plugins' own words included (words.h); codes from the data
 *     (regions, breakdown values) are shown as they are.
 *  3. The document is never changed. Strings reach the workbook as valid
 *     UTF-8 without control characters (jv_render_with makes them so).
 */
#ifndef JV_RENDER_XLSX_H
#define JV_RENDER_XLSX_H

#include <cjson/cJSON.h>
#include <glib.h>
#include <xlsxwriter.h>

#include "render/format.h"
#include "render/i18n.h"
#include "render/symbols.h"

#define JV_XLSX_KINDS (JV_KIND_NUMBER_DIFFERENCE + 1) /* every jv_kind */

typedef struct jv_xlsx_formats {
    lxw_format *header;                /* bold, wrapped, bottom border */
    lxw_format *number[JV_XLSX_KINDS]; /* by jv_kind */
    lxw_format *number_bold[JV_XLSX_KINDS];
    lxw_format *text, *text_bold;
    lxw_format *missing, *missing_bold; /* a symbol, right-aligned */
} jv_xlsx_formats;

typedef struct jv_xlsx {
    lxw_workbook *book;
    const cJSON *doc;
    jv_lang lang;
    gboolean publish; /* for readers: no ids, paths or warnings (render.h) */
    jv_xlsx_formats f;
    GHashTable *sheet_names; /* casefolded names in use (owned keys) */
    GPtrArray *exact;        /* per sheet index: cell → double (xlsx_exact.c) */
    GPtrArray *buffers;      /* sheet XML handed to libzip, freed at the end */
    char *too_big;           /* the first sheet beyond Excel's rows or columns */
} jv_xlsx;

/* A new worksheet named `name`, made valid for Excel (no []:*?/\, at most
 * 31 characters) and unique in the workbook (a number is added). */
lxw_worksheet *jv_xlsx_add_sheet(jv_xlsx *x, const char *name);

/* Column widths in characters, grown as cells are written, applied at the
 * end (jv_xlsx_widths_apply). */
void jv_xlsx_width_note(GArray *widths, guint column, const char *text);
void jv_xlsx_widths_apply(lxw_worksheet *sheet, GArray *widths);

/* Writes a number with its kind's format (bold for a total), or the
 * symbol for `why` when `value` is not a finite number. Notes the width. */
void jv_xlsx_write_number(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint row, guint column,
                          const cJSON *value, jv_kind kind, gboolean bold, jv_absence why);
void jv_xlsx_write_text(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint row, guint column,
                        const char *text, gboolean bold);
void jv_xlsx_write_symbol(jv_xlsx *x, lxw_worksheet *sheet, GArray *widths, guint row, guint column,
                          jv_absence why, gboolean bold);

/* xlsx_exact.c: notes a number libxlsxwriter's 16 digits would not give
 * back exactly; after workbook_close(), rewrites those cells in the file
 * at `path` with all the digits they need. FALSE + error on failure. */
void jv_xlsx_exact_note(jv_xlsx *x, lxw_worksheet *sheet, guint row, guint column, double value);
gboolean jv_xlsx_exact_apply(jv_xlsx *x, const char *path, GError **error);

#endif /* JV_RENDER_XLSX_H */
