/* core/render/render.c — chooses the renderer for a format (see render.h);
 * JSON is the document itself, pretty-printed. */
#include "render/render.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *format;
    const char *extension;
} formats[] = {{"json", "json"}, {"table", "txt"}};

gboolean jv_render_known(const char *format)
{
    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++)
        if (strcmp(formats[i].format, format) == 0)
            return TRUE;
    return FALSE;
}

const char *jv_render_formats(void)
{
    return "json, table";
}

const char *jv_render_format_for_extension(const char *extension)
{
    for (size_t i = 0; i < G_N_ELEMENTS(formats); i++)
        if (g_ascii_strcasecmp(formats[i].extension, extension) == 0)
            return formats[i].format;
    return NULL;
}

GString *jv_render(const cJSON *doc, const char *format, gboolean color, GError **error)
{
    if (strcmp(format, "json") == 0) {
        char *text = cJSON_Print(doc);
        GString *out = g_string_new(text);
        g_string_append_c(out, '\n');
        free(text);
        return out;
    }
    if (strcmp(format, "table") == 0)
        return jv_render_table(doc, color && g_getenv("NO_COLOR") == NULL);
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "unknown format '%s'", format);
    return NULL;
}
