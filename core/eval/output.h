/* core/eval/output.h — writing output files safely, and refusing a target
 * that is one of the inputs.
 *
 * Contract (what `-o PATH` means):
 *  1. "-" is standard output (the document descriptor, see
 *     jv_output_set_stdout_fd); so are /dev/stdout, /dev/fd/1 and
 *     /proc/self/fd/1. Other /dev/fd/N, /dev/stderr, /proc/self/fd/N are
 *     written to that open descriptor.
 *  2. A symlink is followed (up to 40 links); the file it finally names is
 *     the target, and the link itself stays.
 *  3. A target that exists and is not a regular file (a device, a FIFO) is
 *     opened and written directly: no temporary file, no rename.
 *  4. Otherwise the document goes to a temporary file in the target's
 *     folder, which is then renamed over the target, so a failure or a
 *     signal never leaves a partial file and never touches an existing one.
 *     An existing target keeps its permission bits (and, when we may, its
 *     owner); a new one is created 0644. Temporaries are registered with
 *     util/temp_files.h and removed on SIGINT, SIGTERM and SIGHUP.
 *  5. A folder as target is an error.
 */
#ifndef JV_EVAL_OUTPUT_H
#define JV_EVAL_OUTPUT_H

#include <glib.h>

/* Writes `length` bytes to `path` per the contract. FALSE + error naming
 * path. `path` NULL or "-" is standard output. */
gboolean jv_output_write(const char *path, const char *data, size_t length, GError **error);

/* Replaces the file `path` itself through a temporary and a rename, with
 * none of rules 1–3: a symlink at `path` is replaced, not followed, and
 * nothing is written anywhere else (saved states inside their folder). */
gboolean jv_output_replace(const char *path, const char *data, size_t length, GError **error);

/* For writers that produce a file (e.g. a workbook library): a new empty
 * temporary file, registered for removal on signals, where a later
 * jv_output_commit(temp, path) can put it. Returns the temporary's path
 * (g_free) or NULL + error. */
char *jv_output_temp_new(const char *path, GError **error);
/* Moves the finished temporary `temp` to `path` per the contract (a rename
 * for a regular target, a copy into a device, FIFO or standard output).
 * `temp` is removed and forgotten in every case. */
gboolean jv_output_commit(const char *temp, const char *path, GError **error);
/* Removes and forgets a temporary from jv_output_temp_new. */
void jv_output_discard(const char *temp);

/* The descriptor "standard output" means for documents (default 1); set
 * once at start-up when fd 1 is redirected away from plugins. */
void jv_output_set_stdout_fd(int fd);
int jv_output_stdout_fd(void);
/* TRUE when `path` (NULL, "-", /dev/stdout, …) means standard output. */
gboolean jv_output_is_stdout(const char *path);

/* TRUE when `a` and `b` name the same existing file (same device and
 * inode: any spelling, symlink or hard link). */
gboolean jv_output_same_file(const char *a, const char *b);

#endif /* JV_EVAL_OUTPUT_H */
