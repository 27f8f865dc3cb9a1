/* core/plugin/plugin_types.h — a plugin as the core holds it, shared by
 * every stage of the plugin layer: the loaded file (jv_loaded_plugin,
 * made by the loader, loader.h, its callbacks wrapped by the guard,
 * guard.h) and one indicator of an evaluation bound to it (jv_indicator,
 * indicator.h), which the host's per-call context points at
 * (host_impl.h). Types only: each stage's functions are in its own
 * header.
 */
#ifndef JV_PLUGIN_PLUGIN_TYPES_H
#define JV_PLUGIN_PLUGIN_TYPES_H

#include <cjson/cJSON.h>
#include <glib.h>
#include <jamvikt/plugin.h>

/* One plugin file, loaded and checked (loader.h). */
typedef struct jv_loaded_plugin {
    char *path;     /* the file it was loaded from (owned) */
    jv_plugin desc; /* a copy, fields past the plugin's struct_size zeroed;
                       its callbacks are plugin/guard.h's trampolines */
    void *handle;   /* lt_dlhandle */
    jv_plugin real; /* the plugin's own callbacks (guard.h) */
    void *guard;    /* guard.h's preformatted messages (owned) */
} jv_loaded_plugin;

/* One indicator of an evaluation bound to its plugin (indicator.h). */
typedef struct jv_indicator {
    char *name;                     /* the evaluation's name for it (owned) */
    const jv_loaded_plugin *plugin; /* borrowed from the registry */
    const jv_plugin *desc;          /* == &plugin->desc */
    cJSON *params;                  /* resolved params (owned) */
    void *instance;                 /* from configure() */
    GArray **roles;                 /* per table: jv_role_request (owned names) */
    int failed;                     /* a callback failed (--keep-going) */
    char *failure;                  /* its message (owned) */
} jv_indicator;

#endif /* JV_PLUGIN_PLUGIN_TYPES_H */
