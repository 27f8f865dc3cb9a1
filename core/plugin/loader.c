/* core/plugin/loader.c — loads plugins with libltdl and checks each one in
 * the order DESIGN.md fixes (see loader.h); the schema checks live in
 * plugin_check.c. */
#include "plugin/loader.h"
#include "plugin/guard.h"
#include "plugin/probe.h"
#include "plugin/host_impl.h"
#include "plugin/plugin_check.h"
#include "util/did_you_mean.h"
#include "util/text.h"
#include "util/i18n.h"

#include <ltdl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

static void add_dir(GPtrArray *dirs, const char *dir)
{
    if (dir != NULL && dir[0] != '\0')
        g_ptr_array_add(dirs, g_strdup(dir));
}

/* TRUE when this process is the jamvikt binary (or a test) in the build
 * tree, which finds the built-in plugins there without installing them. */
static gboolean running_from_build_tree(void)
{
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe == NULL)
        return FALSE;
    char *dir = g_path_get_dirname(exe);
    char *tests = g_build_filename(JV_BUILDDIR, "tests", NULL);
    gboolean yes = g_strcmp0(dir, JV_BUILDDIR) == 0 || g_strcmp0(dir, tests) == 0;
    g_free(tests);
    g_free(dir);
    g_free(exe);
    return yes;
}

GPtrArray *jv_plugin_search_dirs(const char *const *plugin_path)
{
    GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; plugin_path != NULL && plugin_path[i] != NULL; i++)
        add_dir(dirs, plugin_path[i]);
    const char *env = g_getenv("JAMVIKT_PLUGIN_PATH");
    if (env != NULL) {
        char **parts = g_strsplit(env, G_SEARCHPATH_SEPARATOR_S, -1);
        for (size_t i = 0; parts[i] != NULL; i++)
            add_dir(dirs, parts[i]);
        g_strfreev(parts);
    }
    if (running_from_build_tree()) {
        static const char *const builtins[] = {"funding-share", "participation", "training-reach",
                                               "goal-fulfilment"};
        for (size_t i = 0; i < G_N_ELEMENTS(builtins); i++) {
            char *dir = g_build_filename(JV_BUILDDIR, "plugins", builtins[i], NULL);
            g_ptr_array_add(dirs, dir);
        }
    } else {
        add_dir(dirs, JV_PLUGINDIR);
    }
    return dirs;
}

static void reject(jv_registry *registry, const char *path, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
static void reject(jv_registry *registry, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *reason = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_ptr_array_add(registry->rejections, g_strdup_printf("%s: %s", path, reason));
    g_free(reason);
}

static gboolean probe_first = FALSE;

void jv_loader_set_probe(gboolean probe) { probe_first = probe; }

/* The probe child's load (probe.h): this is the probe, so load for real. */
static gboolean probe_load(const char *path, char **reason)
{
    probe_first = FALSE;
    jv_registry *registry = jv_registry_load(NULL);
    if (jv_registry_load_file(registry, path))
        return TRUE;
    *reason = g_strdup(g_ptr_array_index(registry->rejections, 0));
    return FALSE;
}

static void loaded_plugin_free(gpointer data)
{
    jv_loaded_plugin *p = data;
    jv_guard_unwrap(p);
    if (p->handle != NULL)
        lt_dlclose((lt_dlhandle)p->handle);
    g_free(p->path);
    g_free(p);
}

static gboolean load_file(jv_registry *registry, const char *path);

gboolean jv_registry_load_file(jv_registry *registry, const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR) || access(path, R_OK) != 0) {
        reject(registry, path, _("cannot read the file (%s)"),
               g_file_test(path, G_FILE_TEST_IS_DIR) ? _("it is a folder") : g_strerror(errno));
        return FALSE;
    }
    if (probe_first) {
        char *why = NULL;
        if (!jv_plugin_probe(path, probe_load, &why)) {
            reject(registry, path, "%s", why);
            g_free(why);
            return FALSE;
        }
    }
    jv_guard_loading(path); /* constructors and the entry run from here */
    gboolean ok = load_file(registry, path);
    jv_guard_loaded();
    return ok;
}

static gboolean load_file(jv_registry *registry, const char *path)
{
    lt_dlhandle handle = lt_dlopen(path);
    if (handle == NULL) {
        const char *why = lt_dlerror();
        reject(registry, path, _("cannot be opened as a shared library: %s"),
               why ? why : _("unknown error"));
        return FALSE;
    }
    jv_plugin_entry_fn entry = (jv_plugin_entry_fn)(uintptr_t)lt_dlsym(handle, JV_PLUGIN_ENTRY);
    if (entry == NULL) {
        reject(registry, path,
               _("no entry symbol '%s' (is it a jamvikt plugin? export it with "
                 "-export-symbols-regex '^%s$')"),
               JV_PLUGIN_ENTRY, JV_PLUGIN_ENTRY);
        lt_dlclose(handle);
        return FALSE;
    }
    const jv_plugin *desc = entry(jv_host_table());
    char *why = NULL;
    jv_plugin copy;
    if (!jv_plugin_check_descriptor(desc, &copy, &why)) {
        reject(registry, path, "%s", why);
        g_free(why);
        lt_dlclose(handle);
        return FALSE;
    }
    const jv_loaded_plugin *twin = jv_registry_find(registry, copy.name);
    if (twin != NULL) {
        char *dir = g_path_get_dirname(path), *twin_dir = g_path_get_dirname(twin->path);
        gboolean same_folder = g_strcmp0(dir, twin_dir) == 0;
        g_free(dir);
        g_free(twin_dir);
        if (same_folder && g_strcmp0(path, twin->path) != 0)
            reject(registry, path, _("duplicate plugin name '%s' (already loaded from %s)"),
                   copy.name, twin->path);
        else if (!same_folder)
            /* An earlier folder wins: --plugin-path over the installed ones
             * is how a plugin is developed, not a mistake to warn about. */
            g_ptr_array_add(registry->shadowed,
                            g_strdup_printf(_("%s: plugin '%s' not loaded, %s comes first"), path,
                                            copy.name, twin->path));
        lt_dlclose(handle);
        return FALSE;
    }
    if (!jv_plugin_check_schema(&copy, &why)) {
        reject(registry, path, _("plugin '%s': %s"), copy.name, why);
        g_free(why);
        lt_dlclose(handle);
        return FALSE;
    }
    jv_loaded_plugin *p = g_new0(jv_loaded_plugin, 1);
    p->path = g_strdup(path);
    p->desc = copy;
    p->handle = handle;
    jv_guard_wrap(p);
    g_ptr_array_add(registry->plugins, p);
    return TRUE;
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Plugin files of one folder in name order: *.la, and *.so without a .la. */
static GPtrArray *plugin_files(const char *dir)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL)
        return files;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        if (g_str_has_suffix(name, ".la")) {
            g_ptr_array_add(files, g_build_filename(dir, name, NULL));
        } else if (g_str_has_suffix(name, ".so")) {
            char *stem = g_strndup(name, strlen(name) - 3);
            char *la = g_strdup_printf("%s/%s.la", dir, stem);
            if (!g_file_test(la, G_FILE_TEST_EXISTS))
                g_ptr_array_add(files, g_build_filename(dir, name, NULL));
            g_free(la);
            g_free(stem);
        }
    }
    g_dir_close(d);
    g_ptr_array_sort(files, compare_strings);
    return files;
}

static jv_registry *registry_new(void)
{
    jv_registry *registry = g_new0(jv_registry, 1);
    registry->plugins = g_ptr_array_new_with_free_func(loaded_plugin_free);
    registry->rejections = g_ptr_array_new_with_free_func(g_free);
    registry->shadowed = g_ptr_array_new_with_free_func(g_free);
    lt_dlinit();
    return registry;
}

/* The plugin name a file offers by its name: funding_share.la → funding_share. */
static char *name_of_file(const char *path)
{
    char *base = g_path_get_basename(path);
    char *dot = strrchr(base, '.');
    if (dot != NULL)
        *dot = '\0';
    if (g_str_has_prefix(base, "lib") && g_str_has_suffix(path, ".so")) {
        char *rest = g_strdup(base + 3);
        g_free(base);
        base = rest;
    }
    return base;
}

/* The file for plugin `name` in `dir` by the naming convention, or NULL. */
static char *file_for(const char *dir, const char *name)
{
    static const char *const patterns[][2] = {{"", ".la"}, {"", ".so"}, {"lib", ".so"}};
    for (size_t i = 0; i < G_N_ELEMENTS(patterns); i++) {
        char *file = g_strconcat(patterns[i][0], name, patterns[i][1], NULL);
        char *path = g_build_filename(dir, file, NULL);
        g_free(file);
        if (g_file_test(path, G_FILE_TEST_EXISTS))
            return path;
        g_free(path);
    }
    return NULL;
}

jv_registry *jv_registry_load_named(const GPtrArray *dirs, const char *const *names)
{
    jv_registry *registry = registry_new();
    registry->candidates = g_ptr_array_new_with_free_func(g_free);
    GString *searched = g_string_new(NULL);
    for (guint i = 0; dirs != NULL && i < dirs->len; i++) {
        const char *dir = g_ptr_array_index(dirs, i);
        g_string_append_printf(searched, "%s%s", searched->len ? ", " : "", dir);
        GPtrArray *files = plugin_files(dir);
        for (guint f = 0; f < files->len; f++)
            g_ptr_array_add(registry->candidates, name_of_file(g_ptr_array_index(files, f)));
        g_ptr_array_unref(files);
    }
    registry->searched = g_string_free(searched, FALSE);
    for (size_t n = 0; names != NULL && names[n] != NULL; n++) {
        const char *name = names[n];
        if (jv_registry_find(registry, name) != NULL || !jv_text_is_identifier(name))
            continue;
        char *path = NULL;
        for (guint i = 0; path == NULL && dirs != NULL && i < dirs->len; i++)
            path = file_for(g_ptr_array_index(dirs, i), name);
        if (path == NULL)
            continue;
        guint before = registry->plugins->len;
        if (jv_registry_load_file(registry, path) && registry->plugins->len > before) {
            jv_loaded_plugin *p = g_ptr_array_index(registry->plugins, before);
            if (strcmp(p->desc.name, name) != 0) {
                reject(registry, path,
                       _("holds plugin '%s', not '%s' (a plugin file must be "
                         "named after its plugin: %s.la or %s.so)"),
                       p->desc.name, name, name, name);
                g_ptr_array_remove_index(registry->plugins, before);
            }
        }
        g_free(path);
    }
    return registry;
}

char *jv_registry_missing(const jv_registry *registry, const char *name)
{
    if (registry->searched == NULL || jv_registry_find(registry, name) != NULL)
        return NULL;
    return g_strdup_printf(_("no plugin file %s.la or %s.so in: %s"), name, name,
                           registry->searched[0] ? registry->searched : _("(no plugin folders)"));
}

jv_registry *jv_registry_load(const GPtrArray *dirs)
{
    jv_registry *registry = registry_new();
    for (guint i = 0; dirs != NULL && i < dirs->len; i++) {
        GPtrArray *files = plugin_files(g_ptr_array_index(dirs, i));
        for (guint f = 0; f < files->len; f++)
            jv_registry_load_file(registry, g_ptr_array_index(files, f));
        g_ptr_array_unref(files);
    }
    return registry;
}

const jv_loaded_plugin *jv_registry_find(const jv_registry *registry, const char *name)
{
    for (guint i = 0; i < registry->plugins->len; i++) {
        const jv_loaded_plugin *p = g_ptr_array_index(registry->plugins, i);
        if (g_strcmp0(p->desc.name, name) == 0)
            return p;
    }
    return NULL;
}

const char *jv_registry_suggest(const jv_registry *registry, const char *name)
{
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < registry->plugins->len; i++)
        g_ptr_array_add(
            names,
            (gpointer)((jv_loaded_plugin *)g_ptr_array_index(registry->plugins, i))->desc.name);
    for (guint i = 0; registry->candidates != NULL && i < registry->candidates->len; i++)
        g_ptr_array_add(names, g_ptr_array_index(registry->candidates, i));
    g_ptr_array_add(names, NULL);
    const char *best = jv_did_you_mean(name, (const char *const *)names->pdata);
    g_ptr_array_unref(names);
    return best;
}

void jv_registry_free(jv_registry *registry)
{
    if (registry == NULL)
        return;
    g_ptr_array_unref(registry->plugins);
    g_ptr_array_unref(registry->rejections);
    g_ptr_array_unref(registry->shadowed);
    if (registry->candidates != NULL)
        g_ptr_array_unref(registry->candidates);
    g_free(registry->searched);
    g_free(registry);
    lt_dlexit();
}
