/* core/render/words.h — the words a result document gives for its
 * indicators, in the report's language: titles, key labels and units
 * from evaluation.plugins[] (written by the core from each plugin's ABI
 * 1.1 `texts` and `units`, see jamvikt/plugin.h), with the fallbacks for
 * plugins and documents from before 1.1; and skip reasons and warnings as
 * a reader should see them (no folders, no line numbers).
 *
 * Every const char * returned is borrowed from the document or static
 * (never free it); char * results are newly allocated (g_free).
 * Renderers of every format (table, markdown, html, csv, xlsx) use these
 * so they name things alike.
 */
#ifndef JV_RENDER_WORDS_H
#define JV_RENDER_WORDS_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/format.h"
#include "render/i18n.h"

/* The indicator's title: title[lang], then title["en"], then its name
 * made readable ("leader_share" → "Leader share"). Newly allocated. */
char *jv_words_title(const cJSON *doc, jv_lang lang, const char *indicator);
/* A result key's label for `indicator`: the plugin's labels[lang], the
 * core's own label of a built-in key (labels.h), labels["en"], then the
 * key itself. `indicator` may be NULL (core labels only). */
const char *jv_words_key(const cJSON *doc, jv_lang lang, const char *indicator, const char *key);
/* How a number under `key` is shown: the plugin's units[key], else the
 * 1.0 rule by name (jv_kind_for_measure). An interval key ("x_ci") has
 * its own unit or that of x. */
jv_kind jv_words_kind(const cJSON *doc, const char *indicator, const char *key);
/* The headline's label: labels[lang][metric], the translated `label`,
 * labels["en"][metric], then the metric. */
const char *jv_words_headline(const cJSON *doc, jv_lang lang, const char *indicator,
                              const cJSON *headline);
/* A skip or error reason for readers: a known reason translated, file
 * paths cut to their base names and line numbers dropped; with
 * `publish` no file name at all. */
char *jv_words_reason(jv_lang lang, const char *reason, gboolean publish);
/* A warning for readers: paths cut to base names, line numbers dropped,
 * the known phrases translated. */
char *jv_words_warning(jv_lang lang, const char *warning);

#endif /* JV_RENDER_WORDS_H */
