/* core/plugin/loader.h — finding, loading and checking indicator plugins
 * with libltdl (DESIGN.md "Plugin ABI").
 *
 * The loader checks, in this order, and rejects with one line naming the
 * file and the reason: file readable, opens, has the entry symbol, ABI
 * major equal and minor not newer than the core's, struct large enough,
 * required fields present, name unique, schemas well formed. A rejected
 * plugin never stops the others. A name found again in a later folder of
 * the search order is not rejected but shadowed: the first one wins. The
 * same file reached twice (a folder listed twice) is loaded once.
 */
#ifndef JV_PLUGIN_LOADER_H
#define JV_PLUGIN_LOADER_H

#include <glib.h>
#include <jamvikt/plugin.h>

#include "plugin/plugin_types.h"

typedef struct jv_registry {
    GPtrArray *plugins;    /* jv_loaded_plugin*, in search order (owned) */
    GPtrArray *rejections; /* char* "FILE: reason" (owned) */
    /* char* "FILE: ..." (owned): plugins not loaded because a plugin of the
     * same name was found first in an earlier folder of the search order
     * (e.g. --plugin-path over the installed folder); not an error. */
    GPtrArray *shadowed;
    GPtrArray *candidates; /* jv_registry_load_named: plugin names the
                              folders offer by file name (owned), or NULL */
    char *searched;        /* jv_registry_load_named: the folders, joined
                              with ", " (owned), or NULL */
} jv_registry;

/* The folders to search, in order: each of plugin_path (may be NULL), the
 * entries of $JAMVIKT_PLUGIN_PATH (':'-separated), then the installed plugin
 * folder — or, for a binary running from the build tree, the build tree's
 * plugin folders instead. Free with g_ptr_array_unref. */
GPtrArray *jv_plugin_search_dirs(const char *const *plugin_path);
/* Load every plugin found in dirs (plugin files: *.la, or *.so without a
 * matching .la). Never fails as a whole. */
jv_registry *jv_registry_load(const GPtrArray *dirs);
/* Loads only the plugins `names` (NULL-terminated; repeats are fine): for
 * each, the first folder of dirs holding NAME.la, or NAME.so / libNAME.so
 * without a .la, and nothing else, so an unrelated broken file in a
 * plugin folder cannot affect the run. A name without a file is simply not
 * loaded (jv_registry_missing() says where it was looked for); a file that
 * does not load, or holds a plugin of another name, is a rejection. */
jv_registry *jv_registry_load_named(const GPtrArray *dirs, const char *const *names);
/* "no file NAME.la or NAME.so in DIR, DIR" for a name load_named did not
 * find, or NULL (a registry from jv_registry_load). g_free. */
char *jv_registry_missing(const jv_registry *registry, const char *name);
/* With TRUE, every later jv_registry_load_file first tries the file in a
 * child process (plugin/probe.h) and rejects it if the child crashes,
 * exits or hangs. Off by default; `jamvikt plugins` turns it on. */
void jv_loader_set_probe(gboolean probe);
/* Try one file; TRUE when it loaded (added to the registry), else FALSE with
 * the reason added to rejections. */
gboolean jv_registry_load_file(jv_registry *registry, const char *path);
const jv_loaded_plugin *jv_registry_find(const jv_registry *registry, const char *name);
/* The closest plugin name, for a did-you-mean, or NULL. Borrowed. */
const char *jv_registry_suggest(const jv_registry *registry, const char *name);
void jv_registry_free(jv_registry *registry);

#endif /* JV_PLUGIN_LOADER_H */
