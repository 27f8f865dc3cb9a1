/* core/render/sentences.h — an indicator's result in plain words, from
 * its headline (value, balance, certainty, interval), e.g. "Kvinnor fick
 * 31,0 % av de beviljade medlen (män 69,0 %); fördelningen är
 * mansdominerad." Both languages, singular and plural right, no jargon.
 *
 * Contract:
 *  1. Nothing is said about a figure that is missing: a headline whose
 *     value is null (suppressed, or nothing to count) gives NULL, and an
 *     interval or balance is only mentioned when it is there.
 *  2. Figures are rounded as in the tables (format.h), so a sentence and
 *     its table never disagree.
 * The text is newly allocated (g_free), or NULL.
 */
#ifndef JV_RENDER_SENTENCES_H
#define JV_RENDER_SENTENCES_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/i18n.h"

/* `result` is one scope's result of `indicator` (jv_doc_result()). */
char *jv_sentence_result(const cJSON *doc, jv_lang lang, const char *indicator,
                         const cJSON *result);

#endif /* JV_RENDER_SENTENCES_H */
