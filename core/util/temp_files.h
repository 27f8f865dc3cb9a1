/* core/util/temp_files.h — temporary files and folders that must not
 * outlive the process: the one list of paths that a SIGINT, SIGTERM or
 * SIGHUP handler (and jv_temp_files_unlink_all() from a crash handler)
 * removes before the process ends with that signal. Outputs written
 * through a temporary (eval/output.c) and the half-written folder of a
 * saved-state set (eval/state_set.c) both use it.
 *
 * Contract:
 *  1. jv_temp_files_add() copies the path into a fixed slot (no allocation
 *     in the handler, nothing freed under it); the handlers are installed on
 *     the first add, except for a signal the process was told to ignore.
 *  2. The handler unlinks every registered file with unlink(2), and for a
 *     registered folder unlinks its listed members, then removes the folder
 *     with rmdir(2) (which leaves a folder that is not empty); it then
 *     restores the default action and raises the signal again, so the exit
 *     status still says which signal ended the process. Only
 *     async-signal-safe calls; another terminating signal waits meanwhile.
 *  3. Safe from several threads; a path too long for a slot, or a full
 *     list, is simply not registered (FALSE).
 */
#ifndef JV_UTIL_TEMP_FILES_H
#define JV_UTIL_TEMP_FILES_H

#include <stdbool.h>

/* Registers `path` (copied) for removal on a terminating signal. */
bool jv_temp_files_add(const char *path);
/* Registers the folder `dir` (copied) and its members: full paths in a
 * NULL-terminated array (borrowed until jv_temp_files_remove(dir); they
 * need not exist yet); NULL: no members. */
bool jv_temp_files_add_folder(const char *dir, char *const *members);
/* Forgets `path`, a file's or a folder's (after it was renamed into place
 * or removed). */
void jv_temp_files_remove(const char *path);
/* Unlinks every registered path; async-signal-safe. */
void jv_temp_files_unlink_all(void);

#endif /* JV_UTIL_TEMP_FILES_H */
