/* core/eval/output.h — writing output files safely: into a temporary file
 * in the target's folder, then renamed over the target, so a failure never
 * leaves a partial file and never touches an existing one; and refusing a
 * target that is one of the inputs. */
#ifndef JV_EVAL_OUTPUT_H
#define JV_EVAL_OUTPUT_H

#include <glib.h>

/* Writes `length` bytes to `path` atomically. FALSE + error naming path. */
gboolean jv_output_write(const char *path, const char *data, size_t length, GError **error);
/* TRUE when `a` and `b` name the same existing file. */
gboolean jv_output_same_file(const char *a, const char *b);

#endif /* JV_EVAL_OUTPUT_H */
