/* core/eval/doc_file.h — reading a JSON document that came from elsewhere
 * (a saved state, a state set's manifest, a result document) as strictly
 * as the evaluation file: `jamvikt merge` and `jamvikt report` trust
 * nothing in it.
 *
 * Contract:
 *  1. Only a regular file is read (a FIFO, device or folder is refused
 *     without blocking), of at most JV_DOC_MAX_BYTES.
 *  2. The text must be strict JSON in UTF-8 (json_syntax.h: no NUL, no
 *     unpaired surrogate, bounded nesting); an error names
 *     "FILE:LINE:COLUMN: why".
 *  3. No object repeats a key (an error names its JSON path).
 *  4. Every number is finite (1e999 is refused at its path).
 *  On success the tree is the caller's (cJSON_Delete); on failure NULL and
 *  one GError (JV_EVAL_ERROR).
 */
#ifndef JV_EVAL_DOC_FILE_H
#define JV_EVAL_DOC_FILE_H

#include <cjson/cJSON.h>
#include <glib.h>

/* No state, manifest or result document is larger (documented in README
 * "Pooling regions without sharing their data"). */
#define JV_DOC_MAX_BYTES ((gsize)256 << 20)

/* `what` names the kind of document in messages ("saved state"). */
cJSON *jv_doc_file_load(const char *path, const char *what, GError **error);

/* Step 1 alone: the bytes of the regular file at `path` (owned, g_free;
 * NUL-terminated, *length without the NUL), or NULL + error. */
char *jv_doc_file_read(const char *path, const char *what, gsize *length, GError **error);

/* The same checks (2–4) on text[0..length) (not NUL-terminated), which
 * messages call `name`. */
cJSON *jv_doc_text_parse(const char *text, size_t length, const char *name, GError **error);

#endif /* JV_EVAL_DOC_FILE_H */
