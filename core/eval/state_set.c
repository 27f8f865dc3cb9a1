/* core/eval/state_set.c — saved states written as one complete set with a
 * manifest, put in place atomically (state_set.h, contract 1–3); reading
 * a set is state_set_read.c. */
#include "eval/state_set.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eval/run_options.h"
#include "util/i18n.h"
#include "util/temp_files.h"

void jv_state_set_file_clear(jv_state_set_file *file)
{
    g_free(file->region);
    g_free(file->name);
    g_free(file->text);
    memset(file, 0, sizeof *file);
}

static gboolean is_set_member(const char *name)
{
    return strcmp(name, JV_STATE_MANIFEST) == 0 || g_str_has_suffix(name, JV_STATE_SUFFIX);
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
        g_set_error(error, JV_RUN_ERROR, 0, _("%s: cannot write the saved state: %s"), path,
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
                _("--save-state %s: the folder holds %d file(s) that are not saved states (%s%s); "
                  "jamvikt replaces a folder of saved states as a whole and never deletes other "
                  "files: name a new or empty folder, or one that holds only saved states"),
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
static gboolean replace_folder(const char *tmp, const char *dir, gboolean dir_exists, char **old,
                               GError **error)
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
    g_set_error(error, JV_RUN_ERROR, 0, _("--save-state %s: cannot put the new set in place: %s"),
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
    char **paths = NULL;
    if (dir_exists && !g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, JV_RUN_ERROR, 0, _("--save-state %s: exists and is not a folder"),
                    dir_given);
        goto out;
    }
    if (dir_exists && !only_set_files(dir, error))
        goto out;
    made_parent = first_missing_parent(parent);
    if (g_mkdir_with_parents(parent, 0755) != 0) {
        g_set_error(error, JV_RUN_ERROR, 0, _("%s: cannot create the folder for saved states: %s"),
                    parent, g_strerror(errno));
        goto out;
    }
    tmp = g_strdup_printf("%s/.%s.XXXXXX", parent, base);
    if (g_mkdtemp_full(tmp, 0755) == NULL) {
        g_set_error(error, JV_RUN_ERROR, 0, _("%s: cannot create a folder for saved states: %s"),
                    parent, g_strerror(errno));
        g_free(tmp);
        tmp = NULL;
        goto out;
    }
    /* every file the folder will hold, so that a signal can remove them */
    paths = g_new0(char *, n + 2);
    for (size_t i = 0; i < n; i++)
        paths[i] = g_build_filename(tmp, files[i].name, NULL);
    paths[n] = g_build_filename(tmp, JV_STATE_MANIFEST, NULL);
    jv_temp_files_add_folder(tmp, paths);
    for (size_t i = 0; i < n; i++)
        if (!write_file(paths[i], files[i].text, files[i].length, error))
            goto out;
    char *manifest = manifest_text(files, n, header);
    gboolean written = write_file(paths[n], manifest, strlen(manifest), error);
    g_free(manifest);
    if (written)
        sync_folder(tmp);
    if (!written || !replace_folder(tmp, dir, dir_exists, &old, error))
        goto out;
    jv_temp_files_remove(tmp);
    sync_folder(parent);
    g_free(tmp);
    tmp = NULL;
    if (old != NULL)
        remove_set(old);
    ok = TRUE;
out:
    if (tmp != NULL) {
        jv_temp_files_remove(tmp);
        remove_set(tmp);
    }
    g_strfreev(paths);
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
