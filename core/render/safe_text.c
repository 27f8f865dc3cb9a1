/* core/render/safe_text.c — escaping invalid UTF-8 and control bytes in
 * document strings before they are rendered, and text for HTML (see
 * safe_text.h). */
#include "render/safe_text.h"

#include <stdlib.h>
#include <string.h>

/* The length of the safe character at p (1–4), or 0 when the byte at p
 * must be escaped. */
static size_t safe_length(const char *p, jv_safe_mode mode)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        if (mode == JV_SAFE_UTF8)
            return 1;
        if (c == 0x7f ||
            (c < 0x20 && (mode == JV_SAFE_LINE || (c != '\t' && c != '\n' && c != '\r'))))
            return 0;
        return 1;
    }
    /* The string is NUL-terminated: a sequence cut short by the NUL is
     * invalid, and the validator never reads past it. */
    size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    for (size_t i = 1; i < n; i++)
        if (p[i] == '\0')
            return 0;
    gunichar u = g_utf8_get_char_validated(p, (gssize)n);
    if (u == (gunichar)-1 || u == (gunichar)-2 || (size_t)g_utf8_skip[c] != n)
        return 0;
    if (mode != JV_SAFE_UTF8 && u >= 0x80 && u <= 0x9f)
        return 0; /* C1 controls: 0x9b is CSI for some terminals */
    return n;
}

gboolean jv_safe_text_ok(const char *text, jv_safe_mode mode)
{
    for (const char *p = text; *p != '\0';) {
        size_t n = safe_length(p, mode);
        if (n == 0)
            return FALSE;
        p += n;
    }
    return TRUE;
}

void jv_safe_text_append(GString *out, const char *text, jv_safe_mode mode)
{
    for (const char *p = text; *p != '\0';) {
        size_t n = safe_length(p, mode);
        if (n > 0) {
            g_string_append_len(out, p, (gssize)n);
            p += n;
            continue;
        }
        /* A C1 control is two valid bytes: escape both. */
        unsigned char c = (unsigned char)*p;
        gboolean c1 = c == 0xc2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9f;
        g_string_append_printf(out, "\\x%02x", c);
        p++;
        if (c1)
            g_string_append_printf(out, "\\x%02x", (unsigned char)*p++);
    }
}

static gboolean doc_ok(const cJSON *node, jv_safe_mode mode)
{
    for (const cJSON *item = node; item != NULL; item = item->next) {
        if (item->string != NULL && !jv_safe_text_ok(item->string, mode))
            return FALSE;
        if (cJSON_IsString(item) && item->valuestring != NULL &&
            !jv_safe_text_ok(item->valuestring, mode))
            return FALSE;
        if (item->child != NULL && !doc_ok(item->child, mode))
            return FALSE;
    }
    return TRUE;
}

static char *safe_copy(const char *text, jv_safe_mode mode)
{
    GString *s = g_string_new(NULL);
    jv_safe_text_append(s, text, mode);
    char *copy = strdup(s->str); /* cJSON frees with free() */
    g_string_free(s, TRUE);
    return copy;
}

static void fix(cJSON *node, jv_safe_mode mode)
{
    for (cJSON *item = node; item != NULL; item = item->next) {
        if (item->string != NULL && !jv_safe_text_ok(item->string, mode) &&
            !(item->type & cJSON_StringIsConst)) {
            char *key = safe_copy(item->string, mode);
            cJSON_free(item->string);
            item->string = key;
        }
        if (cJSON_IsString(item) && item->valuestring != NULL &&
            !jv_safe_text_ok(item->valuestring, mode)) {
            char *value = safe_copy(item->valuestring, mode);
            cJSON_free(item->valuestring);
            item->valuestring = value;
        }
        if (item->child != NULL)
            fix(item->child, mode);
    }
}

cJSON *jv_safe_doc(const cJSON *doc, jv_safe_mode mode)
{
    if (doc == NULL || doc_ok(doc, mode))
        return NULL;
    cJSON *copy = cJSON_Duplicate(doc, 1);
    if (copy != NULL)
        fix(copy, mode);
    return copy;
}

void jv_html_escape(GString *out, const char *text)
{
    for (const char *p = text != NULL ? text : ""; *p != '\0'; p++) {
        switch (*p) {
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        case '\'':
            g_string_append(out, "&#39;");
            break;
        default:
            g_string_append_c(out, *p);
        }
    }
}
