/* core/data/recode.c — byte → UTF-8 tables for single-byte encodings
 * (contract in recode.h). */
#include "data/recode.h"

#include <string.h>

gboolean jv_encoding_parse(const char *name, jv_encoding *encoding)
{
    static const struct {
        const char *name;
        jv_encoding encoding;
    } names[] = {
        {"utf-8", JV_ENCODING_UTF8},
        {"utf8", JV_ENCODING_UTF8},
        {"windows-1252", JV_ENCODING_WINDOWS_1252},
        {"cp1252", JV_ENCODING_WINDOWS_1252},
        {"iso-8859-1", JV_ENCODING_ISO_8859_1},
        {"latin1", JV_ENCODING_ISO_8859_1},
        {"latin-1", JV_ENCODING_ISO_8859_1},
    };
    if (name == NULL) {
        *encoding = JV_ENCODING_UTF8;
        return TRUE;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(name, names[i].name) == 0) {
            *encoding = names[i].encoding;
            return TRUE;
        }
    return FALSE;
}

static void put_code_point(jv_recode_table *table, unsigned byte, gunichar c)
{
    table->length[byte] = (uint8_t)g_unichar_to_utf8(c, table->utf8[byte]);
}

static void build(jv_recode_table *table, const char *charset)
{
    for (unsigned b = 0; b < 256; b++) {
        if (b < 0x80) {
            put_code_point(table, b, b);
            continue;
        }
        char in[1] = {(char)b};
        gsize written = 0;
        char *out = g_convert(in, 1, "UTF-8", charset, NULL, &written, NULL);
        if (out != NULL && written >= 1 && written <= 3) {
            memcpy(table->utf8[b], out, written);
            table->length[b] = (uint8_t)written;
        } else {
            put_code_point(table, b, b); /* undefined in the charset */
        }
        g_free(out);
    }
}

const jv_recode_table *jv_recode_table_get(jv_encoding encoding)
{
    static jv_recode_table tables[3];
    static gsize ready[3];
    if (encoding == JV_ENCODING_UTF8)
        return NULL;
    if (g_once_init_enter(&ready[encoding])) {
        build(&tables[encoding],
              encoding == JV_ENCODING_WINDOWS_1252 ? "WINDOWS-1252" : "ISO-8859-1");
        g_once_init_leave(&ready[encoding], 1);
    }
    return &tables[encoding];
}

size_t jv_recode(const jv_recode_table *table, const char *in, size_t length, char *out)
{
    char *w = out;
    for (size_t i = 0; i < length; i++) {
        unsigned char b = (unsigned char)in[i];
        if (b < 0x80) {
            *w++ = (char)b;
        } else {
            memcpy(w, table->utf8[b], 3);
            w += table->length[b];
        }
    }
    return (size_t)(w - out);
}
