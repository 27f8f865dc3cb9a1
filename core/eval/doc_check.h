/* core/eval/doc_check.h — the value checks that saved states
 * (state_check.c) and result documents (result_check.c) share, and the
 * table of sections an object is checked by, so that a new section of a
 * document (e.g. "periods") is one function added to one table.
 *
 * Contract: every check looks at the value at the checker's current path
 * (json_check.h), returns TRUE when it is valid, else FALSE with the
 * checker's one error set ("FILE: PATH: expected …, got …"). Nothing is
 * allocated that outlives a call.
 */
#ifndef JV_EVAL_DOC_CHECK_H
#define JV_EVAL_DOC_CHECK_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "config/json_check.h"

/* Checks `value` (at the current path); `data` is the caller's. */
typedef gboolean (*jv_doc_check_fn)(jv_json_checker *checker, const cJSON *value, void *data);

/* One member of an object: its key, whether it must be there, its check. */
typedef struct jv_doc_section {
    const char *key;
    gboolean required;
    jv_doc_check_fn check;
} jv_doc_section;

/* `object` must be an object whose keys are all among `sections` (ended by
 * a NULL key); every member present is checked at its own path, in table
 * order, and every required one must be present. */
gboolean jv_doc_check_sections(jv_json_checker *checker, const cJSON *object,
                               const jv_doc_section *sections, void *data);

/* Counts: a whole number 0 ≤ n ≤ 2^53; *_or_null also null; the
 * "digits" forms also a string of digits (how jv_json_put_integer writes
 * a count beyond 2^53). */
gboolean jv_doc_check_count(jv_json_checker *checker, const cJSON *value, void *data);
gboolean jv_doc_check_count_or_null(jv_json_checker *checker, const cJSON *value, void *data);
gboolean jv_doc_check_digits_or_null(jv_json_checker *checker, const cJSON *value, void *data);
/* The count's value (value checked already; 0 for null). */
guint64 jv_doc_count_value(const cJSON *value);
/* A number ≥ 0, or null. */
gboolean jv_doc_check_amount_or_null(jv_json_checker *checker, const cJSON *value, void *data);
/* A share: a number in [0, 1], or null. */
gboolean jv_doc_check_share_or_null(jv_json_checker *checker, const cJSON *value, void *data);
/* An interval: [lower, upper] with lower ≤ upper, or null. */
gboolean jv_doc_check_interval(jv_json_checker *checker, const cJSON *value, void *data);
/* true, false or (for the _or_null form) null. */
gboolean jv_doc_check_bool(jv_json_checker *checker, const cJSON *value, void *data);
gboolean jv_doc_check_bool_or_null(jv_json_checker *checker, const cJSON *value, void *data);
/* Any string; a non-empty one; a string or null; a list of strings. */
gboolean jv_doc_check_string(jv_json_checker *checker, const cJSON *value, void *data);
gboolean jv_doc_check_text(jv_json_checker *checker, const cJSON *value, void *data);
gboolean jv_doc_check_string_or_null(jv_json_checker *checker, const cJSON *value, void *data);
gboolean jv_doc_check_strings(jv_json_checker *checker, const cJSON *value, void *data);
/* A name as the evaluation file requires for indicators and plugins:
 * [a-z][a-z0-9_]*. */
gboolean jv_doc_check_name(jv_json_checker *checker, const cJSON *value, void *data);
/* A region name: non-empty, not only spaces. */
gboolean jv_doc_check_region_name(jv_json_checker *checker, const cJSON *value, void *data);
/* An object (any members: e.g. a plugin's params, checked by its schema
 * when the plugin is bound). */
gboolean jv_doc_check_object(jv_json_checker *checker, const cJSON *value, void *data);
/* One of `names` (NULL-terminated) — `data` is the list. */
gboolean jv_doc_check_enum(jv_json_checker *checker, const cJSON *value, void *data);
/* A balance class or null. */
gboolean jv_doc_check_balance(jv_json_checker *checker, const cJSON *value, void *data);
/* An indicator's status: "ok", "skipped" or "error". */
gboolean jv_doc_check_status(jv_json_checker *checker, const cJSON *value, void *data);

/* "options": every option of the evaluation file (min_cell, balance,
 * confidence, hash_inputs), each present and checked exactly as `run`
 * checks the evaluation file's. */
gboolean jv_doc_check_options(jv_json_checker *checker, const cJSON *value, void *data);
/* "inputs": [{region (when data is non-NULL), table, file, bytes,
 * sha256?}]. */
gboolean jv_doc_check_inputs(jv_json_checker *checker, const cJSON *value, void *data);
/* A SHA-256 as 64 lowercase hexadecimal digits. */
gboolean jv_doc_check_sha256(jv_json_checker *checker, const cJSON *value, void *data);
/* Every element of an array through `check` (data passed on). */
gboolean jv_doc_check_each(jv_json_checker *checker, const cJSON *array, jv_doc_check_fn check,
                           void *data);

#endif /* JV_EVAL_DOC_CHECK_H */
