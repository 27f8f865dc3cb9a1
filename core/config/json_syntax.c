/* core/config/json_syntax.c — strict JSON syntax check with messages for
 * people (see json_syntax.h). A recursive-descent scanner that builds
 * nothing: it only walks the bytes, and on the first error records where
 * and why, naming the likely mistake. */
#include "json_syntax.h"
#include "util/i18n.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#define NO_COMMA SIZE_MAX
#define MAX_NUMBER 63 /* cJSON reads at most 63 characters of a number */
#define MAX_WORD 30   /* longest bare word quoted in a message */

typedef struct scanner {
    const char *s;
    size_t n;
    size_t pos;
    unsigned depth;
    size_t error_at;
    char *message;
} scanner;

static gboolean scan_value(scanner *sc);

static gboolean fail_at(scanner *sc, size_t at, const char *format, ...) G_GNUC_PRINTF(3, 4);

static gboolean fail_at(scanner *sc, size_t at, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    sc->message = g_strdup_vprintf(format, args);
    va_end(args);
    sc->error_at = at;
    return FALSE;
}

static gboolean is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static gboolean is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

static gboolean is_word_char(unsigned char c)
{
    return is_letter(c) || is_digit(c) || c == '_' || c == '$' || c == '-';
}

static unsigned char at(const scanner *sc, size_t i)
{
    return i < sc->n ? (unsigned char)sc->s[i] : 0;
}

static void skip_space(scanner *sc)
{
    while (sc->pos < sc->n) {
        char c = sc->s[sc->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        sc->pos++;
    }
}

/* How a message names the character at `i` (owned by the caller). */
static char *describe(const scanner *sc, size_t i)
{
    if (i >= sc->n)
        return g_strdup("the end of the file");
    unsigned char c = (unsigned char)sc->s[i];
    if (c == '\n' || c == '\r')
        return g_strdup("the end of the line");
    if (c == '\t')
        return g_strdup("a tab");
    if (c < 0x20 || c == 0x7f)
        return g_strdup_printf("a control character (U+%04X)", c);
    if (c < 0x80)
        return g_strdup_printf("'%c'", c);
    gunichar u = g_utf8_get_char_validated(sc->s + i, (gssize)(sc->n - i));
    if (u == (gunichar)-1 || u == (gunichar)-2)
        return g_strdup_printf("the byte 0x%02X", c);
    if (u == 0xA0 || u == 0x2007 || u == 0x202F)
        return g_strdup_printf("a non-breaking space (U+%04X)", u);
    if (u == 0xFEFF)
        return g_strdup("a byte-order mark (U+FEFF)");
    char utf8[8];
    int length = g_unichar_to_utf8(u, utf8);
    if (u == 0x2018 || u == 0x2019 || u == 0x201C || u == 0x201D)
        return g_strdup_printf("a typographic quote %.*s (U+%04X) where JSON "
                               "needs a plain '\"'",
                               length, utf8, u);
    return g_strdup_printf("'%.*s' (U+%04X)", length, utf8, u);
}

/* "<what>, found <the character at i>" */
static gboolean fail_found(scanner *sc, size_t i, const char *what)
{
    char *found = describe(sc, i);
    fail_at(sc, i, _("%s, found %s"), what, found);
    g_free(found);
    return FALSE;
}

/* The bare word at the cursor, as (start, length), length capped. */
static size_t word_length(const scanner *sc)
{
    size_t i = sc->pos;
    while (i < sc->n && is_word_char((unsigned char)sc->s[i]))
        i++;
    return i - sc->pos;
}

static gboolean fail_unclosed(scanner *sc, size_t open)
{
    unsigned line, column;
    char bracket = sc->s[open];
    jv_json_syntax_position(sc->s, open, &line, &column);
    return fail_at(sc, sc->n,
                   _("the file ends before the '%c' at line %u, column %u is "
                     "closed (a '%c' is missing)"),
                   bracket, line, column, bracket == '{' ? '}' : ']');
}

static gboolean scan_hex4(const scanner *sc, size_t i, unsigned *code)
{
    *code = 0;
    for (size_t k = 0; k < 4; k++) {
        unsigned char c = at(sc, i + k);
        unsigned digit;
        if (is_digit(c))
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return FALSE;
        *code = *code * 16 + digit;
    }
    return TRUE;
}

/* A "\u" escape at sc->pos (the backslash); advances past it. */
static gboolean scan_unicode_escape(scanner *sc)
{
    size_t start = sc->pos;
    unsigned code;
    if (!scan_hex4(sc, start + 2, &code))
        return fail_at(sc, start, _("'\\u' must be followed by four hex digits"));
    if (code == 0)
        return fail_at(sc, start,
                       _("'\\u0000' (a NUL character) is not "
                         "allowed in a string"));
    if (code >= 0xDC00 && code <= 0xDFFF)
        return fail_at(sc, start,
                       _("'\\u%04X' is half of a surrogate pair "
                         "without its first half"),
                       code);
    sc->pos = start + 6;
    if (code >= 0xD800 && code <= 0xDBFF) {
        unsigned low;
        if (at(sc, sc->pos) != '\\' || at(sc, sc->pos + 1) != 'u' ||
            !scan_hex4(sc, sc->pos + 2, &low) || low < 0xDC00 || low > 0xDFFF)
            return fail_at(sc, start,
                           _("'\\u%04X' starts a surrogate pair "
                             "that is not completed"),
                           code);
        sc->pos += 6;
    }
    return TRUE;
}

static gboolean scan_string(scanner *sc)
{
    size_t open = sc->pos++;
    while (sc->pos < sc->n) {
        unsigned char c = (unsigned char)sc->s[sc->pos];
        if (c == '"') {
            sc->pos++;
            return TRUE;
        }
        if (c == '\\') {
            unsigned char e = at(sc, sc->pos + 1);
            if (e == 'u') {
                if (!scan_unicode_escape(sc))
                    return FALSE;
                continue;
            }
            if (e != 0 && strchr("\"\\/bfnrt", e) != NULL) {
                sc->pos += 2;
                continue;
            }
            if (sc->pos + 1 >= sc->n)
                break;
            char *found = describe(sc, sc->pos + 1);
            fail_at(sc, sc->pos,
                    _("invalid escape: a backslash followed by %s (write '\\\\' "
                      "for a backslash, or '/' in paths)"),
                    found);
            g_free(found);
            return FALSE;
        }
        if (c == '\n' || c == '\r')
            return fail_at(sc, open,
                           _("the string starting here is not closed "
                             "on its line (a '\"' is missing?)"));
        if (c < 0x20)
            return fail_at(sc, sc->pos,
                           _("a control character (U+%04X) inside "
                             "a string; write it as an escape "
                             "such as \\t"),
                           c);
        sc->pos++;
    }
    return fail_at(sc, open,
                   _("the string starting here is never closed "
                     "(a '\"' is missing)"));
}

static gboolean scan_number(scanner *sc)
{
    size_t start = sc->pos;
    if (at(sc, sc->pos) == '-')
        sc->pos++;
    if (at(sc, sc->pos) == '0') {
        sc->pos++;
        if (is_digit(at(sc, sc->pos)))
            return fail_at(sc, start,
                           _("a number cannot start with 0 followed "
                             "by more digits (write 5, not 05)"));
    } else if (is_digit(at(sc, sc->pos))) {
        while (is_digit(at(sc, sc->pos)))
            sc->pos++;
    } else {
        return fail_found(sc, sc->pos, _("expected a digit after '-'"));
    }
    if (at(sc, sc->pos) == '.') {
        sc->pos++;
        if (!is_digit(at(sc, sc->pos)))
            return fail_found(sc, sc->pos,
                              _("expected a digit after the "
                                "decimal point (write 1.0, not 1.)"));
        while (is_digit(at(sc, sc->pos)))
            sc->pos++;
    }
    if (at(sc, sc->pos) == 'e' || at(sc, sc->pos) == 'E') {
        sc->pos++;
        if (at(sc, sc->pos) == '+' || at(sc, sc->pos) == '-')
            sc->pos++;
        if (!is_digit(at(sc, sc->pos)))
            return fail_found(sc, sc->pos, _("expected the digits of an exponent"));
        while (is_digit(at(sc, sc->pos)))
            sc->pos++;
    }
    if (sc->pos - start > MAX_NUMBER)
        return fail_at(sc, start, _("a number longer than %d characters"), MAX_NUMBER);
    return TRUE;
}

static gboolean word_is(const scanner *sc, size_t length, const char *word)
{
    return strlen(word) == length && memcmp(sc->s + sc->pos, word, length) == 0;
}

static gboolean word_is_nocase(const scanner *sc, size_t length, const char *word)
{
    return strlen(word) == length && g_ascii_strncasecmp(sc->s + sc->pos, word, length) == 0;
}

/* A bare word where a value belongs: true, false, null, or a mistake. */
static gboolean scan_literal(scanner *sc)
{
    size_t length = word_length(sc);
    if (word_is(sc, length, "true") || word_is(sc, length, "false") ||
        word_is(sc, length, "null")) {
        sc->pos += length;
        return TRUE;
    }
    int shown = (int)(length > MAX_WORD ? MAX_WORD : length);
    const char *word = sc->s + sc->pos;
    if (word_is_nocase(sc, length, "true") || word_is_nocase(sc, length, "false") ||
        word_is_nocase(sc, length, "null")) {
        char *lower = g_ascii_strdown(word, (gssize)length);
        fail_at(sc, sc->pos,
                _("JSON writes true, false and null in lower "
                  "case: write '%s', not '%.*s'"),
                lower, shown, word);
        g_free(lower);
        return FALSE;
    }
    if (word_is_nocase(sc, length, "none") || word_is_nocase(sc, length, "nil") ||
        word_is_nocase(sc, length, "undefined"))
        return fail_at(sc, sc->pos, _("'%.*s' is not JSON; write null"), shown, word);
    if (word_is_nocase(sc, length, "nan") || word_is_nocase(sc, length, "inf") ||
        word_is_nocase(sc, length, "infinity"))
        return fail_at(sc, sc->pos, _("'%.*s' is not a JSON number"), shown, word);
    return fail_at(sc, sc->pos,
                   _("unexpected '%.*s%s': text values need double "
                     "quotes (\"%.*s%s\")"),
                   shown, word, length > MAX_WORD ? "…" : "", shown, word,
                   length > MAX_WORD ? "…" : "");
}

static gboolean fail_comment(scanner *sc)
{
    return fail_at(sc, sc->pos,
                   _("JSON has no comments; write a \"$comment\" "
                     "key instead"));
}

/* Something that cannot start a value. */
static gboolean fail_value(scanner *sc)
{
    unsigned char c = at(sc, sc->pos);
    if (sc->pos >= sc->n)
        return fail_at(sc, sc->pos, _("the file ends where a value was expected"));
    if (c == '\'')
        return fail_at(sc, sc->pos,
                       _("strings need double quotes (\"), not "
                         "single quotes"));
    if (c == '/' || c == '#')
        return fail_comment(sc);
    if (c == '+')
        return fail_at(sc, sc->pos, _("a number cannot start with '+'"));
    if (c == '.')
        return fail_at(sc, sc->pos,
                       _("a number needs a digit before the "
                         "decimal point (write 0.5, not .5)"));
    return fail_found(sc, sc->pos,
                      _("expected a value (a string, number, "
                        "object, array, true, false or null)"));
}

/* After a member or element: neither ',' nor the closing bracket. */
static gboolean fail_after_item(scanner *sc, size_t open)
{
    unsigned char c = at(sc, sc->pos);
    char close = sc->s[open] == '{' ? '}' : ']';
    if (sc->pos >= sc->n)
        return fail_unclosed(sc, open);
    if (c == '/' || c == '#')
        return fail_comment(sc);
    if (c == '"' || c == '{' || c == '[' || c == '-' || is_digit(c) || is_letter(c)) {
        char *found = describe(sc, sc->pos);
        fail_at(sc, sc->pos,
                _("expected ',' or '%c', found %s: is a comma "
                  "missing before it?"),
                close, found);
        g_free(found);
        return FALSE;
    }
    if (c == '}' || c == ']') {
        unsigned line, column;
        jv_json_syntax_position(sc->s, open, &line, &column);
        return fail_at(sc, sc->pos,
                       _("'%c' does not match the '%c' at line %u, "
                         "column %u"),
                       c, sc->s[open], line, column);
    }
    char expected[32];
    g_snprintf(expected, sizeof expected, "expected ',' or '%c'", close);
    return fail_found(sc, sc->pos, expected);
}

/* Something that cannot start a key; `comma` is the comma before, if any. */
static gboolean fail_key(scanner *sc, size_t comma)
{
    unsigned char c = at(sc, sc->pos);
    if (c == '}' && comma != NO_COMMA)
        return fail_at(sc, comma,
                       _("trailing comma before '}': JSON allows no "
                         "comma after the last member"));
    if (c == '\'')
        return fail_at(sc, sc->pos,
                       _("keys need double quotes (\"), not single "
                         "quotes"));
    if (c == '/' || c == '#')
        return fail_comment(sc);
    if (is_digit(c) && comma != NO_COMMA && comma > 0 && is_digit((unsigned char)sc->s[comma - 1]))
        return fail_at(sc, comma,
                       _("expected a key after this comma; if it is "
                         "a decimal comma, JSON numbers take a point "
                         "(0.95, not 0,95)"));
    if (is_letter(c) || c == '_' || c == '$') {
        size_t length = word_length(sc);
        int shown = (int)(length > MAX_WORD ? MAX_WORD : length);
        return fail_at(sc, sc->pos, _("keys need double quotes: write \"%.*s\""), shown,
                       sc->s + sc->pos);
    }
    return fail_found(sc, sc->pos, _("expected a key in double quotes"));
}

static gboolean scan_object(scanner *sc)
{
    size_t open = sc->pos++;
    size_t comma = NO_COMMA;
    skip_space(sc);
    if (at(sc, sc->pos) == '}' && sc->pos < sc->n) {
        sc->pos++;
        return TRUE;
    }
    for (;;) {
        skip_space(sc);
        if (sc->pos >= sc->n)
            return fail_unclosed(sc, open);
        if (sc->s[sc->pos] != '"')
            return fail_key(sc, comma);
        size_t key = sc->pos;
        if (!scan_string(sc))
            return FALSE;
        size_t key_length = sc->pos - key;
        skip_space(sc);
        if (sc->pos >= sc->n)
            return fail_unclosed(sc, open);
        if (sc->s[sc->pos] != ':') {
            /* Quote the key (at most MAX_WORD bytes, whole characters). */
            size_t shown = key_length;
            if (shown > MAX_WORD) {
                shown = MAX_WORD;
                while (shown > 0 && ((unsigned char)sc->s[key + shown] & 0xC0) == 0x80)
                    shown--;
            }
            char *expected = g_strdup_printf("expected ':' after the key %.*s%s", (int)shown,
                                             sc->s + key, shown < key_length ? "…\"" : "");
            fail_found(sc, sc->pos, expected);
            g_free(expected);
            return FALSE;
        }
        sc->pos++;
        if (!scan_value(sc))
            return FALSE;
        skip_space(sc);
        if (at(sc, sc->pos) == ',' && sc->pos < sc->n) {
            comma = sc->pos++;
            continue;
        }
        if (at(sc, sc->pos) == '}' && sc->pos < sc->n) {
            sc->pos++;
            return TRUE;
        }
        return fail_after_item(sc, open);
    }
}

static gboolean scan_array(scanner *sc)
{
    size_t open = sc->pos++;
    size_t comma = NO_COMMA;
    skip_space(sc);
    if (at(sc, sc->pos) == ']' && sc->pos < sc->n) {
        sc->pos++;
        return TRUE;
    }
    for (;;) {
        skip_space(sc);
        if (sc->pos >= sc->n)
            return fail_unclosed(sc, open);
        if (sc->s[sc->pos] == ']' && comma != NO_COMMA)
            return fail_at(sc, comma,
                           _("trailing comma before ']': JSON allows "
                             "no comma after the last element"));
        if (!scan_value(sc))
            return FALSE;
        skip_space(sc);
        if (at(sc, sc->pos) == ',' && sc->pos < sc->n) {
            comma = sc->pos++;
            continue;
        }
        if (at(sc, sc->pos) == ']' && sc->pos < sc->n) {
            sc->pos++;
            return TRUE;
        }
        return fail_after_item(sc, open);
    }
}

static gboolean scan_value(scanner *sc)
{
    skip_space(sc);
    if (sc->pos >= sc->n)
        return fail_value(sc);
    unsigned char c = (unsigned char)sc->s[sc->pos];
    if (c == '{' || c == '[') {
        if (sc->depth >= JV_JSON_MAX_DEPTH)
            return fail_at(sc, sc->pos, _("nested more than %d levels deep"), JV_JSON_MAX_DEPTH);
        sc->depth++;
        gboolean ok = c == '{' ? scan_object(sc) : scan_array(sc);
        sc->depth--;
        return ok;
    }
    if (c == '"')
        return scan_string(sc);
    if (c == '-' || is_digit(c))
        return scan_number(sc);
    if (is_letter(c))
        return scan_literal(sc);
    return fail_value(sc);
}

gboolean jv_json_syntax_check(const char *text, size_t length, size_t *offset, char **message)
{
    g_return_val_if_fail(text != NULL || length == 0, FALSE);
    scanner sc = {.s = text, .n = length};
    const char *bad = NULL;
    if (length > (size_t)G_MAXSSIZE) {
        fail_at(&sc, 0, _("the file is too large"));
    } else if (!g_utf8_validate(text, (gssize)length, &bad)) {
        size_t where = (size_t)(bad - text);
        if (text[where] == '\0')
            fail_at(&sc, where, _("a NUL byte: this is not a text file"));
        else
            fail_at(&sc, where,
                    _("not valid UTF-8 (the file may be saved as "
                      "Windows-1252 or Latin-1; save it as UTF-8)"));
    } else if (scan_value(&sc)) {
        skip_space(&sc);
        if (sc.pos >= sc.n)
            return TRUE;
        unsigned char c = (unsigned char)text[sc.pos];
        if (c == '}' || c == ']') {
            fail_at(&sc, sc.pos,
                    _("one '%c' too many: the document already "
                      "ended before it"),
                    c);
        } else {
            char *found = describe(&sc, sc.pos);
            fail_at(&sc, sc.pos,
                    _("%s after the end of the JSON document "
                      "(a file holds one value)"),
                    found);
            g_free(found);
        }
    }
    if (offset != NULL)
        *offset = sc.error_at;
    if (message != NULL)
        *message = sc.message;
    else
        g_free(sc.message);
    return FALSE;
}

void jv_json_syntax_position(const char *text, size_t offset, unsigned *line, unsigned *column)
{
    unsigned l = 1, c = 1;
    for (size_t i = 0; i < offset; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}
