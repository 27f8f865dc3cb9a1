/* core/plugin/describe.h — a plugin's human words (ABI 1.1 `texts` and
 * `units`) as JSON, for the result document's evaluation.plugins[], so
 * renderers have titles, labels and units without loading the plugin. */
#ifndef JV_PLUGIN_DESCRIBE_H
#define JV_PLUGIN_DESCRIBE_H

#include <cjson/cJSON.h>
#include <jamvikt/plugin.h>

/* Adds to `item` (an object): "title" {lang: text}, "labels" {lang: {key:
 * text}} and "units" {key: unit word}, each only when the plugin gives
 * any (a 1.0 plugin adds nothing). The words are those of
 * jv_unit_word(). */
void jv_plugin_describe(const jv_plugin *desc, cJSON *item);

/* "share", "count", "amount", "number", "points", "amount_difference",
 * "number_difference"; NULL for another value. Static text. */
const char *jv_unit_word(jv_unit unit);

#endif /* JV_PLUGIN_DESCRIBE_H */
