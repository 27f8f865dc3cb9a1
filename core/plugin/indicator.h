/* core/plugin/indicator.h — one indicator of an evaluation bound to its
 * plugin: params checked against the plugin's schema (defaults resolved),
 * the plugin's configure() run, and the roles it reads per table (static
 * roles, then those added in configure()). */
#ifndef JV_PLUGIN_INDICATOR_H
#define JV_PLUGIN_INDICATOR_H

#include <cjson/cJSON.h>
#include <glib.h>
#include <jamvikt/host.h>

#include "data/dataset.h"
#include "plugin/plugin_types.h"

/* Checks params against the schema (unknown names with did-you-mean, wrong
 * types), resolves defaults, runs configure(). `where` names the indicator
 * in messages (e.g. "evaluation.json: indicators[1]"). NULL + error. */
jv_indicator *jv_indicator_bind(const char *name, const jv_loaded_plugin *plugin,
                                const cJSON *params, const char *where, const jv_options *options,
                                GError **error);
void jv_indicator_free(jv_indicator *indicator);
/* {"name", "plugin", "version", "params"}: what names the indicator in a
 * result document and a saved state (owned by the caller). */
cJSON *jv_indicator_identity(const jv_indicator *indicator);

#endif /* JV_PLUGIN_INDICATOR_H */
