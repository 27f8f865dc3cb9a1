/* core/config/json_check.h — checking a parsed JSON document against a
 * schema written in C, with messages that point into the document:
 * "FILE: tables.funding.delimter: unknown key 'delimter' — did you mean
 * 'delimiter'?".
 *
 * Contract:
 *  1. A checker carries the file name for messages (borrowed), the JSON
 *     path of the value being checked (owned; enter a key or index before
 *     checking a value, leave with the mark enter returned) and where
 *     errors go.
 *  2. Every failure sets exactly one GError (JV_EVAL_ERROR_INVALID),
 *     "FILE: PATH: message" ("FILE: message" at the top level), and
 *     returns FALSE so callers can write `return jv_json_checker_fail(...)`.
 *  3. Paths read like code: `tables.funding.file`, `regions[1].name`;
 *     a key that is not a plain word is written `codes.gender["K V"]`.
 *  4. Values quoted in messages are JSON, shortened to 40 characters.
 *  5. "$comment" is allowed, and ignored, in every object.
 */
#ifndef JV_CONFIG_JSON_CHECK_H
#define JV_CONFIG_JSON_CHECK_H

#include <cjson/cJSON.h>
#include <glib.h>

#define JV_JSON_COMMENT "$comment"

typedef struct jv_json_checker {
    const char *file; /* how messages name the file; borrowed */
    GString *path;    /* JSON path of the current value; owned */
    GError **error;   /* where the one error goes */
} jv_json_checker;

void jv_json_checker_init(jv_json_checker *checker, const char *file, GError **error);
void jv_json_checker_clear(jv_json_checker *checker);

/* Descend into a member / element; returns the mark to leave with. */
size_t jv_json_checker_enter_key(jv_json_checker *checker, const char *key);
size_t jv_json_checker_enter_index(jv_json_checker *checker, size_t index);
void jv_json_checker_leave(jv_json_checker *checker, size_t mark);

/* Sets the error for the current path. Always returns FALSE. */
gboolean jv_json_checker_fail(jv_json_checker *checker, const char *format, ...)
    G_GNUC_PRINTF(2, 3);
/* "expected <expected>, got <value>". Always returns FALSE. */
gboolean jv_json_checker_expected(jv_json_checker *checker, const char *expected,
                                  const cJSON *value);

/* Checks that every key of `object` (an object, at the current path) is
 * one of `known` (NULL-terminated) or "$comment". An unknown key fails at
 * its own path with a did-you-mean; when nothing is close, `elsewhere`
 * (may be NULL) may name where the key belongs (a phrase such as "it goes
 * inside \"options\"", or NULL), else the known keys are listed. */
gboolean jv_json_checker_known_keys(jv_json_checker *checker, const cJSON *object,
                                    const char *const *known,
                                    const char *(*elsewhere)(const char *key));

/* The member `key` of `object` (at the current path) as a non-empty
 * string, borrowed from the tree; *out NULL when absent and not
 * `required` ("missing required key 'dir'" when required). */
gboolean jv_json_checker_string(jv_json_checker *checker, const cJSON *object, const char *key,
                                gboolean required, const char **out);

/* TRUE when `key` is one of `list` (NULL-terminated). */
gboolean jv_json_key_in(const char *key, const char *const *list);

/* Checks the whole tree under `value` for objects with a key twice
 * (cJSON keeps both; the second would be silently ignored). */
gboolean jv_json_checker_unique_keys(jv_json_checker *checker, const cJSON *value);

/* The value as short JSON text for messages (owned, g_free). */
char *jv_json_describe(const cJSON *value);

/* `text` made printable for a message: control characters escaped,
 * at most 60 characters (owned, g_free). */
char *jv_json_printable(const char *text);

#endif /* JV_CONFIG_JSON_CHECK_H */
