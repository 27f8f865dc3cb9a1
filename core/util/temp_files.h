/* core/util/temp_files.h — temporary files that must not outlive the
 * process: a fixed list of paths that a SIGINT, SIGTERM or SIGHUP handler
 * (and jv_temp_files_unlink_all() from a crash handler) removes before the
 * process ends with that signal.
 *
 * Contract:
 *  1. jv_temp_files_add() copies the path into a fixed slot (no allocation
 *     in the handler, nothing freed under it); the handlers are installed on
 *     the first add, except for a signal the process was told to ignore.
 *  2. The handler unlinks every registered path with unlink(2), restores
 *     the default action and raises the signal again, so the exit status
 *     still says which signal ended the process.
 *  3. Safe from several threads; a path too long for a slot, or a full
 *     list, is simply not registered (FALSE).
 */
#ifndef JV_UTIL_TEMP_FILES_H
#define JV_UTIL_TEMP_FILES_H

#include <stdbool.h>

/* Registers `path` (copied) for removal on a terminating signal. */
bool jv_temp_files_add(const char *path);
/* Forgets `path` (after it was renamed into place or removed). */
void jv_temp_files_remove(const char *path);
/* Unlinks every registered path; async-signal-safe. */
void jv_temp_files_unlink_all(void);

#endif /* JV_UTIL_TEMP_FILES_H */
