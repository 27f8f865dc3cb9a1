/* core/render/render.h — turning a result document into the formats people
 * read. Renderers read only the result document (never data or plugins),
 * through each indicator's `headline` and the shared result shapes, so any
 * indicator renders, custom ones included. */
#ifndef JV_RENDER_H
#define JV_RENDER_H

#include <cjson/cJSON.h>
#include <glib.h>

/* The rendered text (owned by the caller), or NULL + error. `color`: the
 * output is a terminal and NO_COLOR is not set. */
GString *jv_render(const cJSON *doc, const char *format, gboolean color, GError **error);
gboolean jv_render_known(const char *format);
/* "json, table" — for messages. */
const char *jv_render_formats(void);
/* The format an output file's extension implies ("json" for "json"), or
 * NULL. */
const char *jv_render_format_for_extension(const char *extension);

/* One renderer per file. */
GString *jv_render_table(const cJSON *doc, gboolean color);

#endif /* JV_RENDER_H */
