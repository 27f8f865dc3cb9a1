/* core/plugin/guard.h — knowing which plugin is running, so that a plugin
 * that crashes or ends the process is named before the process ends.
 *
 * Contract:
 *  1. jv_guard_wrap() keeps a loaded plugin's own callbacks (p->real) and
 *     puts trampolines in p->desc, so every call the core makes through
 *     p->desc records, per thread, which plugin and which callback runs.
 *     NULL callbacks stay NULL. The messages are formatted here, once, so
 *     the signal handler only copies bytes.
 *  2. jv_guard_install() (once, by the command) sets handlers for SIGSEGV,
 *     SIGBUS, SIGFPE, SIGILL and SIGABRT and an atexit() hook. A fatal
 *     signal inside a plugin writes "jamvikt: plugin 'x' (FILE) crashed in
 *     consume(): SIGSEGV …" with write(2); exit() called inside a plugin
 *     writes "… called exit() in consume() …" and ends the process with
 *     status 1 instead of the plugin's. Either way registered temporary
 *     files are removed first (util/temp_files.h), so an old output is
 *     intact and no partial one is left. Outside plugins nothing changes.
 *  3. jv_guard_loading(path) … jv_guard_loaded() bracket opening a plugin
 *     file and calling its entry (constructors run then).
 *  4. jv_guard_report_to(fd): messages go to fd instead of stderr (the
 *     probe child reports over its pipe).
 *  5. The trampolines of finish() and save() also refuse a result the
 *     plugin wrote with a key or string that is not valid UTF-8 or holds a
 *     control character (json_io.h: the writer marks it): the callback then
 *     fails with a message naming the key, as if the plugin had reported it.
 */
#ifndef JV_PLUGIN_GUARD_H
#define JV_PLUGIN_GUARD_H

#include "plugin/plugin_types.h"

void jv_guard_install(void);
void jv_guard_wrap(jv_loaded_plugin *p);
/* Frees what jv_guard_wrap made (called when the plugin is unloaded). */
void jv_guard_unwrap(jv_loaded_plugin *p);
void jv_guard_loading(const char *path);
void jv_guard_loaded(void);
void jv_guard_report_to(int fd);

#endif /* JV_PLUGIN_GUARD_H */
