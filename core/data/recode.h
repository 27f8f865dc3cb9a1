/* core/data/recode.h — reading files in single-byte encodings
 * (Windows-1252, ISO-8859-1) as UTF-8.
 *
 * Contract:
 *  1. Encoding names are matched case-insensitively: "utf-8"/"utf8",
 *     "windows-1252"/"cp1252", "iso-8859-1"/"latin1"/"latin-1".
 *  2. Each encoding's table (byte → UTF-8) is built once per process with
 *     GLib's g_convert and shared, read-only, by every reader and thread.
 *     Bytes Windows-1252 leaves undefined map to the code point of the
 *     same number, as browsers do.
 *  3. Recoding writes at most 3 bytes per input byte; ASCII is unchanged,
 *     so the CSV structure (quotes, delimiters, line breaks) never moves.
 */
#ifndef JV_DATA_RECODE_H
#define JV_DATA_RECODE_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { JV_ENCODING_UTF8 = 0, JV_ENCODING_WINDOWS_1252, JV_ENCODING_ISO_8859_1 } jv_encoding;

typedef struct jv_recode_table {
    uint8_t length[256];
    char utf8[256][3];
} jv_recode_table;

/* FALSE when the name is none of those above. NULL means UTF-8. */
gboolean jv_encoding_parse(const char *name, jv_encoding *encoding);
/* The shared table, or NULL for UTF-8. Borrowed, never freed. */
const jv_recode_table *jv_recode_table_get(jv_encoding encoding);
/* Writes the UTF-8 form of in[0, length) to out, which has room for
 * 3 × length bytes; returns the bytes written. */
size_t jv_recode(const jv_recode_table *table, const char *in, size_t length, char *out);

/* TRUE when some byte is >= 0x80 (not plain ASCII). */
static inline gboolean jv_has_high_bytes(const char *text, size_t length)
{
    const unsigned char *s = (const unsigned char *)text;
    unsigned char any = 0;
    for (size_t i = 0; i < length; i++)
        any |= s[i];
    return (any & 0x80) != 0;
}

#endif /* JV_DATA_RECODE_H */
