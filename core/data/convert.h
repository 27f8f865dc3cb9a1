/* core/data/convert.h — turning one trimmed cell's text into a number,
 * integer or boolean (INDICATORS.md "Exact sums"; batch.h rule 2).
 *
 * Contract:
 *  1. No locale: the same text gives the same value everywhere.
 *  2. Numbers: an optional sign, digits optionally grouped in threes by a
 *     space, U+00A0 or U+202F ("1 250 000"), an optional decimal point
 *     '.' (and ',' when decimal_comma) and digits. The value is exact
 *     fixed point × 10^4; more decimals are rounded half to even
 *     (JV_CONVERT_ROUNDED when that changed the value). "-0" is 0.
 *  3. Rejected with their own status, so the message can say what to do:
 *     exponents, NaN/inf, a currency unit (kr, SEK, :-), a decimal comma
 *     that is not allowed, bad grouping, a value beyond int64.
 *  4. Integers follow the same syntax; decimals must be zero.
 *  5. Booleans: ja/nej, yes/no, true/false, sant/falskt, 1/0, j/n, y/n,
 *     ASCII case-insensitive.
 * Texts come trimmed (jv_trim) and non-empty; nothing here allocates
 * except the message functions.
 */
#ifndef JV_DATA_CONVERT_H
#define JV_DATA_CONVERT_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    JV_CONVERT_OK = 0,
    JV_CONVERT_ROUNDED, /* OK, but rounded to 4 decimals */
    JV_CONVERT_NOT_A_NUMBER,
    JV_CONVERT_EXPONENT,
    JV_CONVERT_NAN_INF,
    JV_CONVERT_CURRENCY,
    JV_CONVERT_COMMA_NOT_ALLOWED,
    JV_CONVERT_BAD_GROUPING,
    JV_CONVERT_OVERFLOW,
    JV_CONVERT_NOT_WHOLE,
    JV_CONVERT_NOT_BOOLEAN
} jv_convert_status;

/* Moves *text and *length past white space at both ends: ASCII space,
 * tab, CR, LF, VT, FF, and U+00A0 / U+202F (UTF-8). Inline for the common
 * cell that needs nothing. */
void jv_trim_slow(const char **text, size_t *length);
static inline void jv_trim(const char **text, size_t *length)
{
    const unsigned char *s = (const unsigned char *)*text;
    size_t n = *length;
    if (n == 0 || (s[0] > ' ' && s[0] < 0x80 && s[n - 1] > ' ' && s[n - 1] < 0x80))
        return;
    jv_trim_slow(text, length);
}

/* value × 10^4 into *value (untouched on failure). */
jv_convert_status jv_convert_number(const char *text, size_t length, gboolean decimal_comma,
                                    int64_t *value);
jv_convert_status jv_convert_integer(const char *text, size_t length, gboolean decimal_comma,
                                     int64_t *value);
jv_convert_status jv_convert_boolean(const char *text, size_t length, uint8_t *value);

/* TRUE when the cell is a lone '-' or '–' (U+2013): Excel's accounting
 * format writes 0 so; the reader reads it as 0 and counts it. */
gboolean jv_convert_is_dash(const char *text, size_t length);

/* What is wrong with `text` and what to do, e.g. "'12 kr' is not a number:
 * remove the currency unit 'kr' from the column". Newly allocated. */
char *jv_convert_message(jv_convert_status status, const char *text, size_t length);

/* What to do about `text` (the part of jv_convert_message after what is
 * wrong), e.g. "remove the currency unit 'kr' from the column". Newly
 * allocated. */
char *jv_convert_hint(jv_convert_status status, const char *text, size_t length);

/* The same, worded for a file whose decimal mark is ',' when
 * decimal_comma (the example number follows the file's setting). */
char *jv_convert_message_for(jv_convert_status status, const char *text, size_t length,
                             gboolean decimal_comma);
char *jv_convert_hint_for(jv_convert_status status, const char *text, size_t length,
                          gboolean decimal_comma);

/* The cell text as it may appear in a message: control characters and
 * bytes that are not UTF-8 escaped ("\x1b", "\xff": util/text.h), cut
 * after 60 characters. Newly allocated. */
char *jv_text_for_message(const char *text, size_t length);

#endif /* JV_DATA_CONVERT_H */
