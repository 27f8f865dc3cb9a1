/* core/eval/state_set_read.c — a folder of saved states read as one set,
 * checked against its manifest (state_set.h, contract 4). Problems of the
 * set are handed back separately, so that merge can first name what is
 * wrong inside a file. */
#include "eval/state_set.h"

#include <string.h>

#include "eval/doc_file.h"
#include "eval/run_options.h"
#include "eval/state_check.h"
#include "util/i18n.h"

/* The manifest of `dir`: NULL with *error unset when there is none, NULL
 * with *error set when it cannot be used. */
static cJSON *load_manifest(const char *dir, GError **error)
{
    char *path = g_build_filename(dir, JV_STATE_MANIFEST, NULL);
    cJSON *manifest = NULL;
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        goto out;
    manifest = jv_doc_file_load(path, "state-set manifest", error);
    if (manifest == NULL)
        goto out;
    if (!jv_state_manifest_check(manifest, path, error)) {
        cJSON_Delete(manifest);
        manifest = NULL;
    }
out:
    g_free(path);
    return manifest;
}

/* Reads the state file `name` of folder `dir` into `out`; `entry` is its
 * manifest entry (or NULL). A SHA-256 that differs from the entry's is a
 * set problem, kept in *set_error (the first one). */
static gboolean read_member(const char *dir, const char *name, const cJSON *entry, GArray *out,
                            GError **set_error, GError **error)
{
    char *path = g_build_filename(dir, name, NULL);
    gsize length = 0;
    char *text = jv_doc_file_read(path, "saved state", &length, error);
    if (text == NULL) {
        g_free(path);
        return FALSE;
    }
    const char *sha = entry ? cJSON_GetObjectItemCaseSensitive(entry, "sha256")->valuestring : NULL;
    char *actual = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)text, length);
    if (sha != NULL && strcmp(actual, sha) != 0 && *set_error == NULL)
        g_set_error(set_error, JV_RUN_ERROR, 0,
                    _("%s: not the file this set's %s lists (its SHA-256 differs): the set is "
                      "mixed or the file was changed; save the states again"),
                    path, JV_STATE_MANIFEST);
    g_free(actual);
    const cJSON *region = entry ? cJSON_GetObjectItemCaseSensitive(entry, "region") : NULL;
    jv_state_set_file file = {
        .region = g_strdup(region ? region->valuestring : NULL),
        .name = path,
        .text = text,
        .length = length,
    };
    g_array_append_val(out, file);
    return TRUE;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.state.json names of `dir`, sorted (owned strings). */
static GPtrArray *state_names(const char *dir, GError **error)
{
    GDir *d = g_dir_open(dir, 0, error);
    if (d == NULL)
        return NULL;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, JV_STATE_SUFFIX))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    return names;
}

/* The manifest entry for file `name`, or NULL. */
static const cJSON *listed_entry(const cJSON *manifest, const char *name)
{
    const cJSON *entry;
    cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(manifest, "regions"))
        if (strcmp(cJSON_GetObjectItemCaseSensitive(entry, "file")->valuestring, name) == 0)
            return entry;
    return NULL;
}

/* Set problems of folder `dir` against its manifest (contract 4): files
 * listed twice or missing, state files not listed. The first goes into
 * *set_error. */
static void check_membership(const char *dir, const cJSON *manifest, const GPtrArray *present,
                             const char *only, GError **set_error)
{
    if (*set_error != NULL)
        return;
    if (manifest == NULL) {
        g_set_error(set_error, JV_RUN_ERROR, 0,
                    _("%s: not a complete set of saved states: it has no %s (an interrupted "
                      "--save-state, or states from an older jamvikt): save the states again"),
                    dir, JV_STATE_MANIFEST);
        return;
    }
    GHashTable *listed = g_hash_table_new(g_str_hash, g_str_equal);
    const cJSON *entry;
    cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(manifest, "regions")) {
        const char *name = cJSON_GetObjectItemCaseSensitive(entry, "file")->valuestring;
        if (*set_error == NULL && !g_hash_table_add(listed, (gpointer)name))
            g_set_error(set_error, JV_RUN_ERROR, 0, _("%s/%s: lists %s twice"), dir,
                        JV_STATE_MANIFEST, name);
        gboolean here = FALSE;
        for (guint k = 0; k < present->len && !here; k++)
            here = strcmp(g_ptr_array_index(present, k), name) == 0;
        if (*set_error == NULL && !here && only == NULL)
            g_set_error(set_error, JV_RUN_ERROR, 0,
                        _("%s: incomplete set of saved states: %s is missing (region '%s' in %s)"),
                        dir, name, cJSON_GetObjectItemCaseSensitive(entry, "region")->valuestring,
                        JV_STATE_MANIFEST);
    }
    for (guint k = 0; k < present->len && *set_error == NULL; k++) {
        const char *name = g_ptr_array_index(present, k);
        if (only != NULL && strcmp(name, only) != 0)
            continue;
        if (!g_hash_table_contains(listed, name))
            g_set_error(set_error, JV_RUN_ERROR, 0,
                        only ? "%s: mixed set of saved states: %s is not listed in %s: a state "
                               "file of another run, not of this set"
                             : "%s: mixed set of saved states: %s is not listed in the set's %s "
                               "(a file of another run?): save the states into a folder of "
                               "their own",
                        dir, name, JV_STATE_MANIFEST);
    }
    g_hash_table_unref(listed);
}

gboolean jv_state_set_read(const char *path, GArray *out, cJSON **manifest_out, GError **set_error,
                           GError **error)
{
    gboolean folder = g_file_test(path, G_FILE_TEST_IS_DIR);
    char *dir = folder ? g_strdup(path) : g_path_get_dirname(path);
    char *only = folder ? NULL : g_path_get_basename(path);
    gboolean ok = FALSE;
    GPtrArray *present = NULL;
    cJSON *manifest = NULL;
    if (!folder && !g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_set_error(error, JV_RUN_ERROR, 0, _("%s: no such file or folder"), path);
        goto out;
    }
    GError *manifest_error = NULL;
    manifest = load_manifest(dir, &manifest_error);
    if (manifest_error != NULL) {
        g_propagate_error(error, manifest_error);
        goto out;
    }
    present = state_names(dir, error);
    if (present == NULL)
        goto out;
    if (only != NULL && !g_str_has_suffix(only, JV_STATE_SUFFIX)) {
        g_ptr_array_add(present, g_strdup(only));
    }
    if (folder && present->len == 0 && manifest == NULL) {
        g_set_error(error, JV_RUN_ERROR, 0, _("%s: no saved states (*%s) in this folder"), dir,
                    JV_STATE_SUFFIX);
        goto out;
    }
    check_membership(dir, manifest, present, only, set_error);
    /* the states in the manifest's order when it lists them, else by name */
    GPtrArray *order = g_ptr_array_new();
    const cJSON *entry;
    cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(manifest, "regions")) {
        const char *name = cJSON_GetObjectItemCaseSensitive(entry, "file")->valuestring;
        for (guint k = 0; k < present->len; k++)
            if (strcmp(g_ptr_array_index(present, k), name) == 0)
                g_ptr_array_add(order, g_ptr_array_index(present, k));
    }
    for (guint k = 0; k < present->len; k++)
        if (listed_entry(manifest, g_ptr_array_index(present, k)) == NULL)
            g_ptr_array_add(order, g_ptr_array_index(present, k));
    ok = TRUE;
    for (guint k = 0; ok && k < order->len; k++) {
        const char *name = g_ptr_array_index(order, k);
        if (only == NULL || strcmp(name, only) == 0)
            ok = read_member(dir, name, listed_entry(manifest, name), out, set_error, error);
    }
    g_ptr_array_unref(order);
    if (ok && manifest_out != NULL) {
        *manifest_out = manifest;
        manifest = NULL;
    }
out:
    if (present != NULL)
        g_ptr_array_unref(present);
    cJSON_Delete(manifest);
    g_free(dir);
    g_free(only);
    return ok;
}
