/* core/eval/state_set.c — saved states written and read as one complete
 * set with a manifest (see state_set.h). */
#include "eval/state_set.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eval/doc_check.h"
#include "eval/doc_file.h"
#include "eval/run.h"

#define STATE_SUFFIX ".state.json"

void jv_state_set_file_clear(jv_state_set_file *file)
{
    g_free(file->region);
    g_free(file->name);
    g_free(file->text);
    memset(file, 0, sizeof *file);
}

static gboolean is_set_member(const char *name)
{
    return strcmp(name, JV_STATE_MANIFEST) == 0 || g_str_has_suffix(name, STATE_SUFFIX);
}

/* --- writing ------------------------------------------------------------- */

static gboolean write_file(const char *path, const char *data, size_t length, GError **error)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    size_t done = 0;
    while (fd >= 0 && done < length) {
        ssize_t n = write(fd, data + done, length - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    gboolean ok = fd >= 0 && done == length && fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = FALSE;
        saved = errno;
    }
    if (!ok)
        g_set_error(error, JV_RUN_ERROR, 0, "%s: cannot write the saved state: %s", path,
                    g_strerror(saved ? saved : EIO));
    return ok;
}

/* Removes a set's files from `dir`, then `dir` (only if nothing else is
 * left in it). */
static void remove_set(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        if (!is_set_member(name))
            continue;
        char *path = g_build_filename(dir, name, NULL);
        g_unlink(path);
        g_free(path);
    }
    if (d != NULL)
        g_dir_close(d);
    g_rmdir(dir);
}

/* An existing DIR may hold only a set's files (contract 2). */
static gboolean only_set_files(const char *dir, GError **error)
{
    GDir *d = g_dir_open(dir, 0, error);
    if (d == NULL)
        return FALSE;
    const char *name;
    GString *foreign = NULL;
    int n_foreign = 0;
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        gboolean ours = is_set_member(name) && g_file_test(path, G_FILE_TEST_IS_REGULAR) &&
                        !g_file_test(path, G_FILE_TEST_IS_SYMLINK);
        g_free(path);
        if (ours)
            continue;
        if (foreign == NULL)
            foreign = g_string_new(NULL);
        if (n_foreign++ < 3)
            g_string_append_printf(foreign, "%s'%s'", n_foreign > 1 ? ", " : "", name);
    }
    g_dir_close(d);
    if (foreign == NULL)
        return TRUE;
    g_set_error(error, JV_RUN_ERROR, 0,
                "--save-state %s: the folder holds %d file(s) that are not saved states (%s%s); "
                "jamvikt replaces a folder of saved states as a whole and never deletes other "
                "files: name a new or empty folder, or one that holds only saved states",
                dir, n_foreign, foreign->str, n_foreign > 3 ? ", …" : "");
    g_string_free(foreign, TRUE);
    return FALSE;
}

static char *manifest_text(const jv_state_set_file *files, size_t n, const cJSON *header)
{
    cJSON *manifest = cJSON_CreateObject();
    cJSON_AddNumberToObject(manifest, "jamvikt_state_set", JV_STATE_SET_FORMAT);
    for (const cJSON *m = header ? header->child : NULL; m != NULL; m = m->next)
        cJSON_AddItemToObject(manifest, m->string, cJSON_Duplicate(m, TRUE));
    cJSON *regions = cJSON_AddArrayToObject(manifest, "regions");
    for (size_t i = 0; i < n; i++) {
        cJSON *entry = cJSON_CreateObject();
        cJSON_AddStringToObject(entry, "region", files[i].region);
        cJSON_AddStringToObject(entry, "file", files[i].name);
        char *sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)files[i].text,
                                                files[i].length);
        cJSON_AddStringToObject(entry, "sha256", sha);
        g_free(sha);
        cJSON_AddItemToArray(regions, entry);
    }
    char *printed = cJSON_Print(manifest);
    cJSON_Delete(manifest);
    char *text = g_strconcat(printed, "\n", NULL);
    cJSON_free(printed);
    return text;
}

/* The nearest existing ancestor's child on the way to `dir`, i.e. the
 * first folder g_mkdir_with_parents would create; NULL when the parent
 * exists. */
static char *first_missing_parent(const char *parent)
{
    char *missing = NULL;
    char *p = g_strdup(parent);
    while (!g_file_test(p, G_FILE_TEST_EXISTS)) {
        g_free(missing);
        missing = g_strdup(p);
        char *up = g_path_get_dirname(p);
        if (strcmp(up, p) == 0) {
            g_free(up);
            break;
        }
        g_free(p);
        p = up;
    }
    g_free(p);
    return missing;
}

/* Removes the empty folders from `parent` up to and including `top`. */
static void remove_made_parents(const char *parent, const char *top)
{
    char *p = g_strdup(parent);
    while (top != NULL && g_rmdir(p) == 0 && strcmp(p, top) != 0) {
        char *up = g_path_get_dirname(p);
        g_free(p);
        p = up;
    }
    g_free(p);
}

/* Makes a folder's entries durable (after its files are written, and
 * after a rename in it). */
static void sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

static gboolean exchange(const char *a, const char *b)
{
#ifdef RENAME_EXCHANGE
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0;
#else
    errno = ENOSYS;
    return FALSE;
#endif
}

/* Puts the folder `tmp` in the place of `dir`; the old `dir` (if any)
 * ends at `old` (NULL when there was none). */
static gboolean replace_folder(const char *tmp, const char *dir, gboolean dir_exists,
                               char **old, GError **error)
{
    *old = NULL;
    if (!dir_exists) {
        if (g_rename(tmp, dir) == 0)
            return TRUE;
    } else if (exchange(tmp, dir)) {
        *old = g_strdup(tmp);
        return TRUE;
    } else if (errno == ENOSYS || errno == EINVAL) {
        /* no atomic exchange here: move the old set aside, then rename */
        char *parent = g_path_get_dirname(dir);
        char *aside = g_build_filename(parent, ".jamvikt-old-set.XXXXXX", NULL);
        g_free(parent);
        if (g_mkdtemp(aside) != NULL && g_rmdir(aside) == 0 && g_rename(dir, aside) == 0) {
            if (g_rename(tmp, dir) == 0) {
                *old = aside;
                return TRUE;
            }
            g_rename(aside, dir);
        }
        g_free(aside);
    }
    g_set_error(error, JV_RUN_ERROR, 0, "--save-state %s: cannot put the new set in place: %s",
                dir, g_strerror(errno));
    return FALSE;
}

gboolean jv_state_set_save(const char *dir_given, const jv_state_set_file *files, size_t n,
                           const cJSON *header, GError **error)
{
    /* a symbolic link to a folder: the set replaces the folder it names */
    char *dir = realpath(dir_given, NULL);
    if (dir == NULL) {
        /* a new folder: "states/" is "states" */
        dir = g_strdup(dir_given);
        for (size_t end = strlen(dir); end > 1 && dir[end - 1] == '/'; end--)
            dir[end - 1] = '\0';
    } else {
        char *copy = g_strdup(dir);
        free(dir);
        dir = copy;
    }
    gboolean dir_exists = g_file_test(dir, G_FILE_TEST_EXISTS);
    gboolean ok = FALSE;
    char *parent = g_path_get_dirname(dir), *base = g_path_get_basename(dir);
    char *made_parent = NULL, *tmp = NULL, *old = NULL;
    if (dir_exists && !g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, JV_RUN_ERROR, 0, "--save-state %s: exists and is not a folder",
                    dir_given);
        goto out;
    }
    if (dir_exists && !only_set_files(dir, error))
        goto out;
    made_parent = first_missing_parent(parent);
    if (g_mkdir_with_parents(parent, 0755) != 0) {
        g_set_error(error, JV_RUN_ERROR, 0, "%s: cannot create the folder for saved states: %s",
                    parent, g_strerror(errno));
        goto out;
    }
    tmp = g_strdup_printf("%s/.%s.XXXXXX", parent, base);
    if (g_mkdtemp_full(tmp, 0755) == NULL) {
        g_set_error(error, JV_RUN_ERROR, 0, "%s: cannot create a folder for saved states: %s",
                    parent, g_strerror(errno));
        g_free(tmp);
        tmp = NULL;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        char *path = g_build_filename(tmp, files[i].name, NULL);
        gboolean written = write_file(path, files[i].text, files[i].length, error);
        g_free(path);
        if (!written)
            goto out;
    }
    char *manifest = manifest_text(files, n, header);
    char *path = g_build_filename(tmp, JV_STATE_MANIFEST, NULL);
    gboolean written = write_file(path, manifest, strlen(manifest), error);
    g_free(path);
    g_free(manifest);
    if (written)
        sync_folder(tmp);
    if (!written || !replace_folder(tmp, dir, dir_exists, &old, error))
        goto out;
    sync_folder(parent);
    g_free(tmp);
    tmp = NULL;
    if (old != NULL)
        remove_set(old);
    ok = TRUE;
out:
    if (tmp != NULL)
        remove_set(tmp);
    if (!ok && made_parent != NULL)
        remove_made_parents(parent, made_parent);
    g_free(old);
    g_free(tmp);
    g_free(made_parent);
    g_free(parent);
    g_free(base);
    g_free(dir);
    return ok;
}

/* --- reading ------------------------------------------------------------- */

static gboolean check_region_entry(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section entry[] = {{"region", TRUE, jv_doc_check_region_name},
                                           {"file", TRUE, jv_doc_check_text},
                                           {"sha256", TRUE, jv_doc_check_sha256},
                                           {NULL, FALSE, NULL}};
    if (!jv_doc_check_sections(checker, value, entry, NULL))
        return FALSE;
    const char *file = cJSON_GetObjectItemCaseSensitive(value, "file")->valuestring;
    if (strchr(file, '/') != NULL || file[0] == '.' || !g_str_has_suffix(file, STATE_SUFFIX))
        return jv_json_checker_fail(checker, "file: '%s' is not the name of a state file in "
                                             "the set's folder", file);
    return TRUE;
}

static gboolean check_regions(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (cJSON_IsArray(value) && cJSON_GetArraySize(value) == 0)
        return jv_json_checker_fail(checker, "expected at least one region");
    return jv_doc_check_each(checker, value, check_region_entry, NULL);
}

static gboolean check_format(jv_json_checker *checker, const cJSON *value, void *data)
{
    return (cJSON_IsNumber(value) && value->valuedouble == JV_STATE_SET_FORMAT) ||
           jv_json_checker_fail(checker, "state-set format other than %d", JV_STATE_SET_FORMAT);
}

static gboolean check_plugins(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsArray(value) || jv_json_checker_expected(checker, "a list", value);
}

/* The manifest's sections; "evaluation" and "plugins" are compared with
 * each state's own (checked by state_check.c). */
static const jv_doc_section manifest_sections[] = {
    {"jamvikt_state_set", TRUE, check_format},
    {"jamvikt", TRUE, jv_doc_check_object},
    {"evaluation", TRUE, jv_doc_check_object},
    {"plugins", TRUE, check_plugins},
    {"regions", TRUE, check_regions},
    {NULL, FALSE, NULL}};

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
    jv_json_checker checker;
    jv_json_checker_init(&checker, path, error);
    gboolean ok = jv_doc_check_sections(&checker, manifest, manifest_sections, NULL);
    jv_json_checker_clear(&checker);
    if (!ok) {
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
                    "%s: not the file this set's %s lists (its SHA-256 differs): the set is "
                    "mixed or the file was changed; save the states again",
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
        if (g_str_has_suffix(name, STATE_SUFFIX))
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
                    "%s: not a complete set of saved states: it has no %s (an interrupted "
                    "--save-state, or states from an older jamvikt): save the states again",
                    dir, JV_STATE_MANIFEST);
        return;
    }
    GHashTable *listed = g_hash_table_new(g_str_hash, g_str_equal);
    const cJSON *entry;
    cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(manifest, "regions"))
    {
        const char *name = cJSON_GetObjectItemCaseSensitive(entry, "file")->valuestring;
        if (*set_error == NULL && !g_hash_table_add(listed, (gpointer)name))
            g_set_error(set_error, JV_RUN_ERROR, 0, "%s/%s: lists %s twice", dir,
                        JV_STATE_MANIFEST, name);
        gboolean here = FALSE;
        for (guint k = 0; k < present->len && !here; k++)
            here = strcmp(g_ptr_array_index(present, k), name) == 0;
        if (*set_error == NULL && !here && only == NULL)
            g_set_error(set_error, JV_RUN_ERROR, 0,
                        "%s: incomplete set of saved states: %s is missing (region '%s' in %s)",
                        dir, name,
                        cJSON_GetObjectItemCaseSensitive(entry, "region")->valuestring,
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

gboolean jv_state_set_read(const char *path, GArray *out, cJSON **manifest_out,
                           GError **set_error, GError **error)
{
    gboolean folder = g_file_test(path, G_FILE_TEST_IS_DIR);
    char *dir = folder ? g_strdup(path) : g_path_get_dirname(path);
    char *only = folder ? NULL : g_path_get_basename(path);
    gboolean ok = FALSE;
    GPtrArray *present = NULL;
    cJSON *manifest = NULL;
    if (!folder && !g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_set_error(error, JV_RUN_ERROR, 0, "%s: no such file or folder", path);
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
    if (only != NULL && !g_str_has_suffix(only, STATE_SUFFIX)) {
        g_ptr_array_add(present, g_strdup(only));
    }
    if (folder && present->len == 0 && manifest == NULL) {
        g_set_error(error, JV_RUN_ERROR, 0, "%s: no saved states (*%s) in this folder", dir,
                    STATE_SUFFIX);
        goto out;
    }
    check_membership(dir, manifest, present, only, set_error);
    /* the states in the manifest's order when it lists them, else by name */
    GPtrArray *order = g_ptr_array_new();
    const cJSON *entry;
    cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(manifest, "regions"))
    {
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
