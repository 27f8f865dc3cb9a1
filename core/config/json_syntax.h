/* core/config/json_syntax.h — a strict JSON (RFC 8259) syntax check that
 * says exactly where and why a hand-written file is not JSON, before cJSON
 * (which is lenient and vague about positions) builds the tree.
 *
 * Contract:
 *  1. The text must be UTF-8 without NUL bytes; whitespace is space, tab,
 *     CR and LF; numbers, strings and escapes follow RFC 8259 exactly;
 *     "\u0000" and unpaired surrogates are refused; nesting is limited to
 *     JV_JSON_MAX_DEPTH levels and numbers to 63 characters (so that
 *     anything accepted here cJSON reads too).
 *  2. On error: the byte offset the message is about (an offending
 *     character, a trailing comma, the opening quote of an unclosed
 *     string, or the end of the text) and a message written for people who
 *     edit JSON by hand, naming the likely cause (trailing comma, single
 *     quotes, comments, missing comma, decimal comma, True/None, ...).
 *  3. No allocation except the message; no recursion deeper than the
 *     nesting limit. Safe on any bytes.
 */
#ifndef JV_CONFIG_JSON_SYNTAX_H
#define JV_CONFIG_JSON_SYNTAX_H

#include <glib.h>

#define JV_JSON_MAX_DEPTH 128

/* TRUE when text[0..length) is one JSON value with only whitespace
 * around it. Else FALSE, *offset = where, *message = why (owned by the
 * caller, g_free). */
gboolean jv_json_syntax_check(const char *text, size_t length, size_t *offset, char **message);

/* 1-based line and column (in characters) of byte `offset` of `text`. */
void jv_json_syntax_position(const char *text, size_t offset, unsigned *line, unsigned *column);

#endif /* JV_CONFIG_JSON_SYNTAX_H */
