/* core/render/safe_text.h — text from a document made safe to show.
 * Result documents come from elsewhere (`report`, `merge`) and their
 * strings may hold invalid UTF-8 or control bytes (an ESC from a region
 * name would drive the terminal). Before rendering, every string and key
 * of the document is checked; what is not safe for the format is written
 * as visible escapes: each offending byte as "\xNN" (ESC as "\x1b", a
 * stray 0xFF as "\xff", a C1 control U+009B as "\xc2\x9b"). Valid text is
 * never changed, so the escapes are unambiguous only for bytes that could
 * not have been shown; a literal backslash stays as it is.
 * The HTML renderer's files escape the text they write with
 * jv_html_escape, below.
 */
#ifndef JV_RENDER_SAFE_TEXT_H
#define JV_RENDER_SAFE_TEXT_H

#include <cjson/cJSON.h>
#include <glib.h>

typedef enum jv_safe_mode {
    JV_SAFE_UTF8 = 0, /* only invalid UTF-8 (JSON escapes controls itself) */
    JV_SAFE_TEXT,     /* also control characters except TAB, LF and CR (csv, xlsx) */
    JV_SAFE_LINE      /* every control character (terminal, markdown, html) */
} jv_safe_mode;

/* TRUE when `text` shows as it is in `mode`. */
gboolean jv_safe_text_ok(const char *text, jv_safe_mode mode);
/* Appends `text` with what is not safe in `mode` escaped. */
void jv_safe_text_append(GString *out, const char *text, jv_safe_mode mode);
/* A new copy of the document with every string and key made safe
 * (cJSON_Delete it), or NULL when the document is safe as it is. */
cJSON *jv_safe_doc(const cJSON *doc, jv_safe_mode mode);

/* Appends text with & < > " ' escaped, safe inside HTML (the page and its
 * charts, html.c and html.h). */
void jv_html_escape(GString *out, const char *text);

#endif /* JV_RENDER_SAFE_TEXT_H */
