/* core/render/labels.h — the words of a report: names of measures,
 * gender categories, balance classes, goal statuses and list keys, in the
 * report's language. Keys the renderers do not know (a custom plugin's)
 * are shown as they are. Every string returned is static or borrowed from
 * the caller's key: never free it.
 */
#ifndef JV_RENDER_LABELS_H
#define JV_RENDER_LABELS_H

#include "render/i18n.h"

/* A measure or result key: "applications" → "Ansökningar". */
const char *jv_label_key(jv_lang lang, const char *key);
/* "woman" → "Kvinnor", "total" → "Totalt". */
const char *jv_label_gender(jv_lang lang, const char *gender);
/* "men_dominated" → "mansdominerad"; NULL → "..". */
const char *jv_label_balance(jv_lang lang, const char *balance);
/* A text value found under `key`: goal statuses and balance classes are
 * translated, anything else (breakdown values, names) is kept. */
const char *jv_label_value(jv_lang lang, const char *key, const char *value);

/* The headline labels of the built-in plugins (English msgids). */
extern const char *const jv_label_plugin_texts[];
extern const size_t jv_label_plugin_texts_length;

#endif /* JV_RENDER_LABELS_H */
