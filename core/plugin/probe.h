/* core/plugin/probe.h — trying a plugin file in a child process before the
 * core loads it, as GStreamer's plugin scanner does: a plugin that
 * crashes, calls exit() or hangs while loading is rejected with the file
 * named, and the command that asked goes on.
 *
 * Contract: the child (fork) points its stdout at stderr, loads the file
 * with the loader's own checks (the loader hands them in as `load`, so
 * the probe sits below the loader) and reports "OK" or the rejection over
 * a pipe, then _exit()s. The parent waits at most the timeout
 * ($JAMVIKT_PROBE_TIMEOUT seconds, default 10), then kills the child.
 */
#ifndef JV_PLUGIN_PROBE_H
#define JV_PLUGIN_PROBE_H

#include <glib.h>

/* Loads `path` for real, in the child: TRUE, or FALSE and *reason (the
 * loader's "PATH: reason" line). */
typedef gboolean (*jv_probe_load_fn)(const char *path, char **reason);

/* TRUE when `path` loads cleanly in a child; else FALSE and *why (g_free)
 * says what happened: the loader's rejection, "crashed while loading
 * (SIGSEGV)", "called exit(0) while loading", "did not finish loading
 * within 10 s". */
gboolean jv_plugin_probe(const char *path, jv_probe_load_fn load, char **why);

#endif /* JV_PLUGIN_PROBE_H */
