/* core/render/doc.h — reading a result document (DESIGN.md "Result
 * document", INDICATORS.md "Result shapes") for the renderers: scopes,
 * indicators and the shared shapes, recognised by their keys rather than
 * by plugin name, so custom indicators render like the built-ins.
 *
 * Everything returned is borrowed from the document (or static) unless
 * said otherwise; a missing key or a value of another type gives NULL
 * (NaN for numbers), never a crash.
 */
#ifndef JV_RENDER_DOC_H
#define JV_RENDER_DOC_H

#include <cjson/cJSON.h>
#include <glib.h>

const cJSON *jv_doc_member(const cJSON *object, const char *key);
/* The string member, or NULL. */
const char *jv_doc_string(const cJSON *object, const char *key);
/* The number member, or NaN. */
double jv_doc_number(const cJSON *object, const char *key);

/* Scopes are the regions in document order, then the total (if any).
 * Between jv_doc_index_begin(doc) and jv_doc_index_end() (per thread,
 * nestable; the document must stay alive and unchanged) counting the
 * scopes and taking the i-th is O(1) for that document; otherwise each
 * walks the list. jv_render_with() indexes the document it renders. */
void jv_doc_index_begin(const cJSON *doc);
void jv_doc_index_end(void);
guint jv_doc_scope_count(const cJSON *doc);
const cJSON *jv_doc_scope(const cJSON *doc, guint i);
gboolean jv_doc_scope_is_total(const cJSON *doc, guint i);
/* The scope's name ("total" for the total unless it says otherwise). */
const char *jv_doc_scope_name(const cJSON *doc, guint i);

/* Indicator names: evaluation.plugins order first, then any other name a
 * scope holds. The array is new (g_ptr_array_unref); its strings are
 * borrowed. */
GPtrArray *jv_doc_indicator_names(const cJSON *doc);
/* A scope's entry for an indicator ({status, rows, result ...}). */
const cJSON *jv_doc_indicator(const cJSON *scope, const char *name);
/* The entry's result when its status is "ok" (or absent), else NULL. */
const cJSON *jv_doc_result(const cJSON *entry);

/* Shapes. A split: an object with a `by_gender` object. An interval: an
 * array of two numbers, or null under a key ending in "ci". A gap: an
 * object {value, ci}. A gender object: an object with `woman` and `man`
 * objects (e.g. training_reach's `reach`). */
gboolean jv_doc_is_split(const cJSON *node);
gboolean jv_doc_is_interval(const cJSON *node);
gboolean jv_doc_is_gap(const cJSON *node);
gboolean jv_doc_is_gender_object(const cJSON *node);
/* A list of splits that carry women's shares (breakdown values, arenas). */
gboolean jv_doc_is_split_list(const cJSON *node);

/* The measure a result's women's share is mainly about: X when the
 * headline metric is women_share_X and women_share has X, else the first
 * key of women_share; NULL without one. */
const char *jv_doc_main_measure(const cJSON *result);

/* The gender keys of a by_gender object: woman, man, then the others in
 * document order. New array of borrowed strings. */
GPtrArray *jv_doc_genders(const cJSON *by_gender);
/* TRUE when the category carries anything worth a column: a non-zero
 * number or a suppressed flag. */
gboolean jv_doc_gender_used(const cJSON *cell);

/* evaluation.options: the balance band (default 0.40–0.60), the
 * confidence level (default 0.95) and min_cell (default 5). */
void jv_doc_band(const cJSON *doc, double *low, double *high);
double jv_doc_confidence(const cJSON *doc);
int jv_doc_min_cell(const cJSON *doc);

/* TRUE when a result's headline is missing because a cell it is built on
 * is suppressed (its main split's women, men or total, or a gender
 * object's women or men). */
gboolean jv_doc_headline_suppressed(const cJSON *result);

#endif /* JV_RENDER_DOC_H */
