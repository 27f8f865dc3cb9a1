/* core/eval/signal_cleanup.h — removing half-written files when SIGINT,
 * SIGTERM or SIGHUP ends the process while they are written (the
 * temporary folder of `run --save-state`, state_set.c).
 *
 * Contract:
 *  1. Between jv_signal_cleanup_arm() and jv_signal_cleanup_disarm(), such
 *     a signal unlinks every path of `paths`, removes the folder `dir` (if
 *     that leaves it empty), and is then handled as it was before arming:
 *     the previous disposition is restored and the signal raised again, so
 *     the process ends (or another handler runs) as it would have.
 *  2. The handler calls only async-signal-safe functions (unlink, rmdir,
 *     sigaction, raise).
 *  3. `paths` (NULL-terminated) and `dir` are borrowed until disarm. One
 *     arming at a time, from the main thread.
 */
#ifndef JV_EVAL_SIGNAL_CLEANUP_H
#define JV_EVAL_SIGNAL_CLEANUP_H

void jv_signal_cleanup_arm(char *const *paths, const char *dir);
void jv_signal_cleanup_disarm(void);

#endif /* JV_EVAL_SIGNAL_CLEANUP_H */
