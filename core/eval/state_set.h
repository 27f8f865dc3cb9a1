/* core/eval/state_set.h — a folder of saved states as one complete set
 * (`jamvikt run --save-state DIR`, `jamvikt merge`).
 *
 * Contract:
 *  1. Writing: every state file is written into a new temporary folder
 *     beside DIR (".DIR.XXXXXX"), then the manifest (JV_STATE_MANIFEST),
 *     last; then the folder replaces DIR in one atomic step (rename, or
 *     an exchange with an existing DIR, whose old set is then removed).
 *     So DIR holds the old complete set or the new one, never a part or a
 *     mix. Nothing is written outside DIR and its temporary sibling; on
 *     failure the sibling is removed, and DIR (and any parent folder made
 *     for it) is left as it was.
 *  2. An existing DIR may hold only a set's files (the manifest and
 *     *.state.json); anything else is refused and never deleted.
 *  3. The manifest names the set: "jamvikt_state_set": 1, the jamvikt
 *     version, the evaluation (name, SHA-256 of its file, options), the
 *     plugins (name, plugin, version, params), and the regions in order,
 *     each with its file name and the file's SHA-256.
 *  4. Reading: a folder's states are exactly the manifest's files, in its
 *     order; a state file that is missing, listed twice, not listed
 *     (foreign) or whose SHA-256 differs is an error naming it, as is a
 *     folder without a manifest (incomplete set). A single state file is
 *     read through the manifest beside it.
 */
#ifndef JV_EVAL_STATE_SET_H
#define JV_EVAL_STATE_SET_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "eval/state_check.h"

#define JV_STATE_MANIFEST "jamvikt-manifest.json"
#define JV_STATE_SUFFIX ".state.json"

/* One state file of a set, in region order. */
typedef struct jv_state_set_file {
    char *region; /* the region's name (owned) */
    char *name;   /* the file's name inside the folder (owned) */
    char *text;   /* the file's bytes: the JSON text (owned) */
    gsize length;
} jv_state_set_file;

void jv_state_set_file_clear(jv_state_set_file *file);

/* Writes `files` (n of them, borrowed) and a manifest holding the members
 * of `header` (borrowed: "jamvikt", "evaluation", "plugins") plus the
 * regions, as DIR (contract 1–3). FALSE + error naming the path. */
gboolean jv_state_set_save(const char *dir, const jv_state_set_file *files, size_t n,
                           const cJSON *header, GError **error);

/* The states of `path` (a set's folder, or one state file in one): appends
 * a jv_state_set_file per state (region from the manifest, or NULL for a
 * file it does not list; name = the path to the file; text = its bytes)
 * to `out` (an array of jv_state_set_file with jv_state_set_file_clear as
 * clear func), in the manifest's order (files it does not list after, by
 * name). *manifest_out receives the manifest (owned by the caller; NULL
 * when there is none). Problems of the set (contract 4: no manifest, a
 * file missing, foreign or changed) go into *set_error, for the caller to
 * report after it has checked the files' content — so a crafted file is
 * named for what is wrong in it. FALSE + *error when a file cannot be
 * read or the manifest cannot be used. */
gboolean jv_state_set_read(const char *path, GArray *out, cJSON **manifest_out, GError **set_error,
                           GError **error);

#endif /* JV_EVAL_STATE_SET_H */
