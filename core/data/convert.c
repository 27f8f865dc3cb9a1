/* core/data/convert.c — cell text to numbers, integers and booleans
 * (contract in convert.h). Hand-written scanners instead of strtod/strtoll:
 * exact, locale-free, and they know why a text is not a number. */
#include "data/convert.h"
#include "util/text.h"
#include "util/i18n.h"

#include <string.h>

#define MAX_WHOLE_FIXED (INT64_MAX / 10000)

void jv_trim_slow(const char **text, size_t *length)
{
    const unsigned char *s = (const unsigned char *)*text, *e = s + *length;
    for (;;) {
        if (s < e && (*s == ' ' || (*s >= '\t' && *s <= '\r')))
            s += 1;
        else if (e - s >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
            s += 2;
        else if (e - s >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
            s += 3;
        else
            break;
    }
    for (;;) {
        if (e > s && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r')))
            e -= 1;
        else if (e - s >= 2 && e[-2] == 0xC2 && e[-1] == 0xA0)
            e -= 2;
        else if (e - s >= 3 && e[-3] == 0xE2 && e[-2] == 0x80 && e[-1] == 0xAF)
            e -= 3;
        else
            break;
    }
    *text = (const char *)s;
    *length = (size_t)(e - s);
}

typedef struct parsed {
    gboolean negative;
    uint64_t whole; /* the integer part */
    gboolean whole_overflow;
    uint32_t frac4;        /* the first 4 decimals, 0 .. 9999 */
    int extra;             /* the 5th decimal, or -1 */
    gboolean rest_nonzero; /* a non-zero decimal after the 5th */
} parsed;

static inline int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Length of a thousands separator at s: space, U+00A0 or U+202F. */
static size_t separator_length(const unsigned char *s, const unsigned char *e)
{
    if (s < e && *s == ' ')
        return 1;
    if (e - s >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (e - s >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF)
        return 3;
    return 0;
}

static gboolean lower_equals(const unsigned char *s, const unsigned char *e, const char *word)
{
    size_t n = strlen(word);
    return (size_t)(e - s) == n && g_ascii_strncasecmp((const char *)s, word, n) == 0;
}

/* A currency unit before or after the number (kr, kr., kronor, SEK, :-).
 * Sets *unit and *unit_length to it in text. */
static gboolean find_currency(const char *text, size_t length, const char **unit,
                              size_t *unit_length)
{
    static const char *const units[] = {"kronor", "kr.", "kr", "sek", ":-"};
    const unsigned char *s = (const unsigned char *)text, *e = s + length;
    for (size_t k = 0; k < G_N_ELEMENTS(units); k++) {
        size_t n = strlen(units[k]);
        if (length <= n)
            continue;
        /* suffix: digits, optional blanks, unit (length > n: a byte before) */
        const unsigned char before = *(e - n - 1);
        if (lower_equals(e - n, e, units[k]) &&
            (is_digit(before) || before == ' ' || before == 0xA0 || before == 0xAF)) {
            *unit = (const char *)(e - n);
            *unit_length = n;
            return TRUE;
        }
        /* prefix: unit, optional blanks, a sign or digit */
        if (units[k][0] != ':' && lower_equals(s, s + n, units[k]) &&
            (is_digit(s[n]) || s[n] == ' ' || s[n] == 0xC2 || s[n] == '-')) {
            *unit = (const char *)s;
            *unit_length = n;
            return TRUE;
        }
    }
    return FALSE;
}

/* Why the text from `tail` on is not part of a number. */
static jv_convert_status classify_tail(const char *text, size_t length, const unsigned char *tail,
                                       gboolean had_digits)
{
    const unsigned char *s = (const unsigned char *)text, *e = s + length;
    if (*s == '+' || *s == '-')
        s++;
    if (lower_equals(s, e, "nan") || lower_equals(s, e, "inf") || lower_equals(s, e, "infinity"))
        return JV_CONVERT_NAN_INF;
    if (had_digits && (*tail == 'e' || *tail == 'E')) {
        const unsigned char *x = tail + 1;
        if (x < e && (*x == '+' || *x == '-'))
            x++;
        if (x < e && is_digit(*x))
            return JV_CONVERT_EXPONENT;
    }
    const char *unit;
    size_t unit_length;
    if (find_currency(text, length, &unit, &unit_length))
        return JV_CONVERT_CURRENCY;
    return JV_CONVERT_NOT_A_NUMBER;
}

static jv_convert_status parse_decimal(const char *text, size_t length, gboolean decimal_comma,
                                       parsed *out)
{
    const unsigned char *s = (const unsigned char *)text, *e = s + length;
    memset(out, 0, sizeof *out);
    out->extra = -1;
    if (s < e && (*s == '+' || *s == '-')) {
        out->negative = *s == '-';
        s++;
    }
    int n_whole = 0, n_frac = 0, group = 0, separators = 0;
    uint64_t whole = 0;
    while (s < e) {
        if (is_digit(*s)) {
            unsigned d = *s - '0';
            if (n_whole < 19) /* 19 digits always fit in 64 bits */
                whole = whole * 10 + d;
            else if (whole > (UINT64_MAX - d) / 10)
                out->whole_overflow = TRUE;
            else
                whole = whole * 10 + d;
            n_whole++, group++, s++;
            continue;
        }
        size_t k = separator_length(s, e);
        if (k == 0 || n_whole == 0 || s + k >= e || !is_digit(s[k]))
            break;
        if ((separators == 0 && group > 3) || (separators > 0 && group != 3))
            return JV_CONVERT_BAD_GROUPING;
        separators++, group = 0, s += k;
    }
    out->whole = whole;
    if (separators > 0 && group != 3)
        return JV_CONVERT_BAD_GROUPING;
    if (s < e && (*s == '.' || *s == ',')) {
        if (*s == ',' && !decimal_comma)
            return n_whole > 0 || (s + 1 < e && is_digit(s[1])) ? JV_CONVERT_COMMA_NOT_ALLOWED
                                                                : JV_CONVERT_NOT_A_NUMBER;
        for (s++; s < e && is_digit(*s); s++, n_frac++) {
            unsigned d = *s - '0';
            if (n_frac < 4)
                out->frac4 = out->frac4 * 10 + d;
            else if (n_frac == 4)
                out->extra = (int)d;
            else if (d != 0)
                out->rest_nonzero = TRUE;
        }
        for (int i = n_frac; i < 4; i++)
            out->frac4 *= 10;
    }
    if (n_whole + n_frac == 0 || s < e)
        return classify_tail(text, length, s, n_whole + n_frac > 0);
    return JV_CONVERT_OK;
}

jv_convert_status jv_convert_number(const char *text, size_t length, gboolean decimal_comma,
                                    int64_t *value)
{
    /* The usual cell, plain digits (at most 14: the value × 10^4 fits),
     * takes one loop; anything else goes the whole way. */
    if (length > 0 && length <= 14) {
        uint64_t v = 0;
        size_t i = 0;
        for (; i < length; i++) {
            unsigned d = (unsigned)(unsigned char)text[i] - '0';
            if (d > 9)
                break;
            v = v * 10 + d;
        }
        if (i == length) {
            *value = (int64_t)(v * 10000);
            return JV_CONVERT_OK;
        }
    }
    parsed p;
    jv_convert_status status = parse_decimal(text, length, decimal_comma, &p);
    if (status != JV_CONVERT_OK)
        return status;
    if (p.whole_overflow || p.whole > MAX_WHOLE_FIXED)
        return JV_CONVERT_OVERFLOW;
    uint64_t v = p.whole * 10000 + p.frac4;
    if (p.extra > 5 || (p.extra == 5 && (p.rest_nonzero || (v & 1))))
        v++; /* half to even: an exact half goes to the even neighbour */
    if (v > INT64_MAX)
        return JV_CONVERT_OVERFLOW;
    *value = p.negative ? -(int64_t)v : (int64_t)v;
    return p.extra > 0 || p.rest_nonzero ? JV_CONVERT_ROUNDED : JV_CONVERT_OK;
}

jv_convert_status jv_convert_integer(const char *text, size_t length, gboolean decimal_comma,
                                     int64_t *value)
{
    parsed p;
    jv_convert_status status = parse_decimal(text, length, decimal_comma, &p);
    if (status != JV_CONVERT_OK)
        return status;
    if (p.frac4 != 0 || p.extra > 0 || p.rest_nonzero)
        return JV_CONVERT_NOT_WHOLE;
    if (p.whole_overflow || p.whole > INT64_MAX)
        return JV_CONVERT_OVERFLOW;
    *value = p.negative ? -(int64_t)p.whole : (int64_t)p.whole;
    return JV_CONVERT_OK;
}

static const char *const yes_words[] = {"ja", "yes", "true", "sant", "1", "j", "y"};
static const char *const no_words[] = {"nej", "no", "false", "falskt", "0", "n"};

jv_convert_status jv_convert_boolean(const char *text, size_t length, uint8_t *value)
{
    const unsigned char *s = (const unsigned char *)text, *e = s + length;
    for (size_t i = 0; i < G_N_ELEMENTS(yes_words); i++)
        if (lower_equals(s, e, yes_words[i])) {
            *value = 1;
            return JV_CONVERT_OK;
        }
    for (size_t i = 0; i < G_N_ELEMENTS(no_words); i++)
        if (lower_equals(s, e, no_words[i])) {
            *value = 0;
            return JV_CONVERT_OK;
        }
    return JV_CONVERT_NOT_BOOLEAN;
}

char *jv_text_for_message(const char *text, size_t length)
{
    /* a bad file's bytes must not drive the terminal: \x1b, \xff */
    return jv_text_escape_terminal(text, (ssize_t)length, 61);
}

gboolean jv_convert_is_dash(const char *text, size_t length)
{
    return (length == 1 && text[0] == '-') || (length == 3 && memcmp(text, "\xe2\x80\x93", 3) == 0);
}

/* How numbers are written in a file with or without decimal comma. */
static const char *number_example(gboolean decimal_comma)
{
    return decimal_comma ? _("write numbers like 1250000, 1 250 000 or 1250000,50")
                         : _("write numbers like 1250000, 1 250 000 or 1250000.50");
}

char *jv_convert_hint(jv_convert_status status, const char *text, size_t length)
{
    return jv_convert_hint_for(status, text, length, FALSE);
}

char *jv_convert_message(jv_convert_status status, const char *text, size_t length)
{
    return jv_convert_message_for(status, text, length, FALSE);
}

char *jv_convert_hint_for(jv_convert_status status, const char *text, size_t length,
                          gboolean decimal_comma)
{
    switch (status) {
    case JV_CONVERT_EXPONENT:
        return g_strdup(_("write the number out in full (format the column as a number in Excel)"));
    case JV_CONVERT_NAN_INF:
        return g_strdup(_("leave the cell empty when the value is missing"));
    case JV_CONVERT_CURRENCY: {
        const char *unit;
        size_t unit_length;
        if (!find_currency(text, length, &unit, &unit_length))
            return g_strdup(_("remove the currency unit from the column"));
        char *shown = jv_text_for_message(unit, unit_length);
        char *hint = g_strdup_printf(_("remove the currency unit '%s' from the column"), shown);
        g_free(shown);
        return hint;
    }
    case JV_CONVERT_COMMA_NOT_ALLOWED:
        return g_strdup(_("set \"decimal\": \",\" in the evaluation file"));
    case JV_CONVERT_BAD_GROUPING:
        return g_strdup(_("spaces may only separate groups of three digits, as in 1 250 000"));
    case JV_CONVERT_OVERFLOW:
        return g_strdup(_("the limit is about 9.2 × 10^14 for amounts, 9.2 × 10^18 for whole "
                          "numbers"));
    case JV_CONVERT_NOT_WHOLE:
        return g_strdup(_("write it without decimals"));
    case JV_CONVERT_NOT_BOOLEAN:
        return g_strdup(_("accepted: ja, nej, yes, no, true, false, sant, falskt, 1, 0, j, n, y"));
    default:
        return g_strdup(number_example(decimal_comma));
    }
}

char *jv_convert_message_for(jv_convert_status status, const char *text, size_t length,
                             gboolean decimal_comma)
{
    char *shown = jv_text_for_message(text, length);
    char *message = NULL;
    switch (status) {
    case JV_CONVERT_EXPONENT:
        message = g_strdup_printf(_("'%s' is in exponent notation; write the number out in "
                                    "full (format the column as a number in Excel)"),
                                  shown);
        break;
    case JV_CONVERT_NAN_INF:
        message = g_strdup_printf(_("'%s' is not a number; leave the cell empty when the "
                                    "value is missing"),
                                  shown);
        break;
    case JV_CONVERT_CURRENCY: {
        const char *unit;
        size_t unit_length;
        find_currency(text, length, &unit, &unit_length);
        message = g_strdup_printf(_("'%s' is not a number: remove the currency unit '%.*s' "
                                    "from the column"),
                                  shown, (int)unit_length, unit);
        break;
    }
    case JV_CONVERT_COMMA_NOT_ALLOWED:
        message = g_strdup_printf(_("'%s' has a decimal comma, which this table does not "
                                    "accept; set \"decimal\": \",\" in the evaluation file"),
                                  shown);
        break;
    case JV_CONVERT_BAD_GROUPING:
        message = g_strdup_printf(_("'%s' is not a number: spaces may only separate groups "
                                    "of three digits, as in 1 250 000"),
                                  shown);
        break;
    case JV_CONVERT_OVERFLOW:
        message = g_strdup_printf(_("'%s' is too large to be summed exactly (the limit is "
                                    "about 9.2 × 10^14 for amounts, 9.2 × 10^18 for whole "
                                    "numbers)"),
                                  shown);
        break;
    case JV_CONVERT_NOT_WHOLE:
        message = g_strdup_printf(_("'%s' is not a whole number"), shown);
        break;
    case JV_CONVERT_NOT_BOOLEAN:
        message = g_strdup_printf(_("'%s' is not yes or no; accepted: ja, nej, yes, no, true, "
                                    "false, sant, falskt, 1, 0, j, n, y"),
                                  shown);
        break;
    default:
        message =
            g_strdup_printf(_("'%s' is not a number; %s"), shown, number_example(decimal_comma));
        break;
    }
    g_free(shown);
    return message;
}
