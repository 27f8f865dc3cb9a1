/* core/util/text.c — the identifier check and the terminal escaping of
 * text.h. */
#include "util/text.h"

#include <glib.h>
#include <string.h>

int jv_text_is_identifier(const char *s)
{
    if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (const char *p = s + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return 0;
    return 1;
}

/* Characters that reorder or hide what a terminal shows. */
static gboolean hidden_format(gunichar c)
{
    return (c >= 0x80 && c <= 0x9f) || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
           (c >= 0x2066 && c <= 0x2069);
}

static char *escape(const char *text, ssize_t length, size_t max_chars, gboolean keep_lines)
{
    size_t n = length < 0 ? strlen(text) : (size_t)length;
    const char *p = text, *end = text + n;
    GString *out = g_string_sized_new(n + 8);
    size_t chars = 0;
    while (p < end) {
        char piece[16];
        size_t piece_len;
        const char *next;
        gunichar c = g_utf8_get_char_validated(p, end - p);
        unsigned char byte = (unsigned char)*p;
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            g_snprintf(piece, sizeof piece, "\\x%02x", byte);
            next = p + 1;
        } else if ((c < 0x20 || c == 0x7f) && !(keep_lines && (c == '\n' || c == '\t'))) {
            g_snprintf(piece, sizeof piece, "\\x%02x", (unsigned)c);
            next = p + 1;
        } else if (hidden_format(c)) {
            g_snprintf(piece, sizeof piece, "\\u{%04x}", (unsigned)c);
            next = g_utf8_next_char(p);
        } else {
            next = g_utf8_next_char(p);
            piece_len = (size_t)(next - p);
            memcpy(piece, p, piece_len);
            piece[piece_len] = '\0';
        }
        size_t piece_chars = g_utf8_strlen(piece, -1);
        if (max_chars > 0 && chars + piece_chars > max_chars - 1 && next < end) {
            g_string_append(out, "…");
            break;
        }
        g_string_append(out, piece);
        chars += piece_chars;
        p = next;
    }
    return g_string_free(out, FALSE);
}

char *jv_text_escape_terminal(const char *text, ssize_t length, size_t max_chars)
{
    return escape(text, length, max_chars, FALSE);
}

char *jv_text_escape_message(const char *text) { return escape(text, -1, 0, TRUE); }
