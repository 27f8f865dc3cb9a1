/* core/eval/state_check.h — the checks a saved region state (state_file.c)
 * passes before `jamvikt merge` uses any of it: every field the core reads
 * is checked for type, range and enumeration, as strictly as the
 * evaluation file, with the file and the JSON path in the message
 * ("st/001-x.state.json: indicators[0].rows: expected a whole number >= 0,
 * got -1"). The plugin's own "state" object is checked by the plugin's
 * load() (through the host's JSON reader, which never trusts a type).
 *
 * The document is checked section by section from tables in
 * state_check.c: a new section of the state (e.g. "periods") is one
 * jv_doc_section entry and one function. */
#ifndef JV_EVAL_STATE_CHECK_H
#define JV_EVAL_STATE_CHECK_H

#include <cjson/cJSON.h>
#include <glib.h>

#define JV_STATE_FORMAT 1

/* TRUE when `doc` (borrowed) is a valid saved state; else FALSE and one
 * GError naming `file` and the JSON path. */
gboolean jv_state_check(const cJSON *doc, const char *file, GError **error);

#define JV_STATE_SET_FORMAT 1

/* TRUE when `doc` (borrowed) is a valid state-set manifest (state_set.h):
 * its format, and its regions each with a region name, a file name inside
 * the set's folder (*.state.json, no '/', not hidden) and a SHA-256; its
 * "evaluation" and "plugins" are compared with each state's own by merge.
 * Else FALSE and one GError naming `file` and the JSON path. */
gboolean jv_state_manifest_check(const cJSON *doc, const char *file, GError **error);

#endif /* JV_EVAL_STATE_CHECK_H */
