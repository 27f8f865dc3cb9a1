/* core/eval/input_file.h — reading the documents `report` and `merge`
 * trust (result documents, saved states) within limits, and noticing an
 * input that changes while it is read.
 *
 * Contract:
 *  1. jv_input_read_document() reads a whole regular file of at most
 *     JV_DOCUMENT_MAX_BYTES. A FIFO, device or socket is refused without
 *     blocking (opened O_NONBLOCK), as is a folder or a larger file; the
 *     message names the file, says what is wrong and what to do.
 *  2. A stamp is a file's size and modification time (to the nanosecond).
 *     jv_input_stamp_unchanged() compares a stamp taken before reading
 *     with the file now; a difference is an error naming the file.
 *  3. cJSON (the parser of both documents) nests at most
 *     CJSON_NESTING_LIMIT (1000) levels; deeper is a parse error.
 */
#ifndef JV_EVAL_INPUT_FILE_H
#define JV_EVAL_INPUT_FILE_H

#include <glib.h>

#define JV_DOCUMENT_MAX_BYTES ((gsize)256 << 20) /* 256 MiB */

/* Reads `path` (a `what`: "result document", "saved state") into *text
 * (NUL-terminated, g_free) and *length. FALSE + error otherwise. */
gboolean jv_input_read_document(const char *path, const char *what, char **text, gsize *length,
                                GError **error);

typedef struct jv_input_stamp {
    gboolean valid; /* FALSE: the file could not be examined */
    guint64 size;
    gint64 mtime_sec, mtime_nsec;
} jv_input_stamp;

/* The stamp of `path` now (valid FALSE when stat fails). */
jv_input_stamp jv_input_stamp_take(const char *path);
/* TRUE when `path` still has stamp `before` (or `before` is not valid);
 * else FALSE + error "PATH: the file changed while it was read …". */
gboolean jv_input_stamp_unchanged(const char *path, const jv_input_stamp *before, GError **error);

#endif /* JV_EVAL_INPUT_FILE_H */
