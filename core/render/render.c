/* core/render/render.c — chooses the renderer for a format and holds the
 * command line's defaults (see render.h); JSON is the document itself,
 * pretty-printed. */
#include "render/render.h"

#include "render/doc.h"
#include "render/safe_text.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *format;
    const char *extension;
} formats[] = {{"json", "json"}, {"table", "txt"}, {"markdown", "md"}, {"markdown", "markdown"},
               {"csv", "csv"},   {"html", "html"}, {"html", "htm"},    {"xlsx", "xlsx"}};

static struct {
    gboolean set;
    jv_lang lang;
    jv_csv_dialect csv_dialect;
    gboolean publish;
} defaults;

void jv_render_set_publish(gboolean publish) { defaults.publish = publish; }

gboolean jv_render_known(const char *format)
{
    if (format == NULL)
        return FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++)
        if (strcmp(formats[i].format, format) == 0)
            return TRUE;
    return strcmp(format, "md") == 0;
}

gboolean jv_render_is_binary(const char *format) { return g_strcmp0(format, "xlsx") == 0; }

const char *jv_render_formats(void) { return "json, table, markdown, csv, html, xlsx"; }

const char *jv_render_format_for_extension(const char *extension)
{
    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++)
        if (g_ascii_strcasecmp(formats[i].extension, extension) == 0)
            return formats[i].format;
    return NULL;
}

gboolean jv_render_set_defaults(const char *lang, const char *csv_dialect, GError **error)
{
    jv_lang chosen = jv_lang_from_environment();
    if (lang != NULL && strcmp(lang, "sv") != 0 && strcmp(lang, "en") != 0) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "--lang must be sv or en, not '%s'", lang);
        return FALSE;
    }
    if (lang != NULL)
        jv_lang_parse(lang, &chosen);
    jv_csv_dialect dialect = JV_CSV_EXCEL;
    if (csv_dialect != NULL && strcmp(csv_dialect, "plain") == 0)
        dialect = JV_CSV_PLAIN;
    else if (csv_dialect != NULL && strcmp(csv_dialect, "excel") != 0) {
        g_set_error(error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                    "--csv-dialect must be excel or plain, not '%s'", csv_dialect);
        return FALSE;
    }
    defaults.set = TRUE;
    defaults.lang = chosen;
    defaults.csv_dialect = dialect;
    return TRUE;
}

GString *jv_render(const cJSON *doc, const char *format, gboolean color, GError **error)
{
    if (!defaults.set)
        jv_render_set_defaults(NULL, NULL, NULL);
    const char *no_color = g_getenv("NO_COLOR");
    const char *term = g_getenv("TERM");
    jv_render_options options = {.lang = defaults.lang,
                                 .color = color && (no_color == NULL || no_color[0] == '\0') &&
                                          g_strcmp0(term, "dumb") != 0,
                                 .csv_dialect = defaults.csv_dialect,
                                 .publish = defaults.publish};

    return jv_render_with(doc, format, &options, error);
}

static GString *render_indexed(const cJSON *doc, const char *format,
                               const jv_render_options *options, GError **error);

GString *jv_render_with(const cJSON *doc, const char *format, const jv_render_options *options,
                        GError **error)
{
    /* Strings from the document reach the output valid and visible
     * (safe_text.h): JSON escapes control characters itself; csv and xlsx
     * keep tabs and line breaks inside a quoted field or a cell. */
    jv_safe_mode mode = strcmp(format, "json") == 0                                 ? JV_SAFE_UTF8
                        : strcmp(format, "csv") == 0 || strcmp(format, "xlsx") == 0 ? JV_SAFE_TEXT
                                                                                    : JV_SAFE_LINE;
    cJSON *safe = jv_safe_doc(doc, mode);
    const cJSON *shown = safe != NULL ? safe : doc;
    jv_doc_index_begin(shown);
    GString *out = render_indexed(shown, format, options, error);
    jv_doc_index_end();
    cJSON_Delete(safe);
    return out;
}

static GString *render_indexed(const cJSON *doc, const char *format,
                               const jv_render_options *options, GError **error)
{
    if (strcmp(format, "json") == 0) {
        char *text = cJSON_Print(doc);
        GString *out = g_string_new(text);
        g_string_append_c(out, '\n');
        free(text);
        return out;
    }
    if (strcmp(format, "table") == 0)
        return jv_render_table(doc, options);
    if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0)
        return jv_render_markdown(doc, options);
    if (strcmp(format, "csv") == 0)
        return jv_render_csv(doc, options);
    if (strcmp(format, "html") == 0)
        return jv_render_html(doc, options);
    if (strcmp(format, "xlsx") == 0)
        return jv_render_xlsx(doc, options, error);
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "unknown format '%s' (choose one of: %s)",
                format, jv_render_formats());
    return NULL;
}
