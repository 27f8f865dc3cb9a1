/* core/render/render.h — turning a result document into the formats people
 * read: json, table (terminal), markdown, csv, html, xlsx (an Excel
 * workbook: binary, in the GString's len bytes). Renderers read only the
 * result document (never data or plugins), through each indicator's
 * `headline` and the shared result shapes, so any indicator renders, custom
 * ones included.
 *
 * Contract:
 *  1. jv_render_with() never changes the document and never fails on an
 *     unexpected shape: what it does not recognise it leaves out (the csv
 *     and json carry every number).
 *  2. The language decides every label and the numbers' marks ("31,4 %" /
 *     "31.4%"); the csv dialect decides the csv's separators alone.
 *  3. The same document and options give byte-identical output.
 *  4. jv_render_with() shows invalid UTF-8 and control bytes of the
 *     document's strings escaped ("\x1b", "\xff"; safe_text.h) — json
 *     only the invalid bytes, csv and xlsx keep tabs and line breaks — so
 *     the renderers below, which expect valid UTF-8, never see them.
 */
#ifndef JV_RENDER_H
#define JV_RENDER_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/i18n.h"

typedef enum jv_csv_dialect {
    JV_CSV_EXCEL = 0, /* Swedish Excel: ';', decimal comma, UTF-8 BOM, CRLF */
    JV_CSV_PLAIN      /* ',', decimal point, no BOM, LF */
} jv_csv_dialect;

typedef struct jv_render_options {
    jv_lang lang;
    gboolean color; /* ANSI colour in the terminal table */
    jv_csv_dialect csv_dialect;
    /* For publication (--publish): what a reader needs and nothing
     * internal — no indicator ids, file paths, versions or warnings list
     * (a line on data quality instead), a method note instead of the
     * provenance. Table, markdown and html; csv and json are data and
     * stay as they are. */
    gboolean publish;
} jv_render_options;

/* The rendered text (owned by the caller), or NULL + error for an unknown
 * format (or a workbook that could not be written). */
GString *jv_render_with(const cJSON *doc, const char *format, const jv_render_options *options,
                        GError **error);
/* jv_render_with() with the process defaults (jv_render_set_defaults) and
 * `color` when the output is a terminal; NO_COLOR (non-empty) or
 * TERM=dumb turn colour off. */
GString *jv_render(const cJSON *doc, const char *format, gboolean color, GError **error);
/* Sets the process defaults from the command line: `lang` "sv"/"en" or
 * NULL (the environment's: LANGUAGE, LC_ALL, LC_MESSAGES, LANG), and
 * `csv_dialect` "excel"/"plain" or NULL (excel). FALSE + error (nothing
 * changed) for another value. */
gboolean jv_render_set_defaults(const char *lang, const char *csv_dialect, GError **error);
/* Sets the process default of options.publish (--publish). */
void jv_render_set_publish(gboolean publish);

gboolean jv_render_known(const char *format);
/* "json, table, markdown, csv, html, xlsx" — for messages. */
const char *jv_render_formats(void);
/* The format an output file's extension implies ("markdown" for "md"), or
 * NULL. */
const char *jv_render_format_for_extension(const char *extension);

/* One renderer per file. */
GString *jv_render_table(const cJSON *doc, const jv_render_options *options);
GString *jv_render_markdown(const cJSON *doc, const jv_render_options *options);
GString *jv_render_csv(const cJSON *doc, const jv_render_options *options);
GString *jv_render_html(const cJSON *doc, const jv_render_options *options);
/* xlsx.c: NULL + error when the workbook cannot be written (its
 * temporary file in g_get_tmp_dir()). */
GString *jv_render_xlsx(const cJSON *doc, const jv_render_options *options, GError **error);
/* TRUE for a format whose output is binary (not for a terminal). */
gboolean jv_render_is_binary(const char *format);

#endif /* JV_RENDER_H */
