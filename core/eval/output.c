/* core/eval/output.c — output targets as output.h describes them: a target
 * is resolved once (descriptor, device or FIFO written directly, or a
 * regular file replaced through a temporary), then written. */
#include "eval/output.h"
#include "util/temp_files.h"
#include "util/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

static int stdout_fd = 1;

void jv_output_set_stdout_fd(int fd) { stdout_fd = fd; }

int jv_output_stdout_fd(void) { return stdout_fd; }

typedef enum { TARGET_FD, TARGET_DIRECT, TARGET_REPLACE } target_kind;

typedef struct target {
    target_kind kind;
    int fd;          /* TARGET_FD: the descriptor to write (borrowed) */
    char *path;      /* DIRECT, REPLACE: the file finally named (owned) */
    gboolean exists; /* REPLACE: the target exists (st valid) */
    struct stat st;
} target;

/* The descriptor a path names (-, /dev/stdout, /dev/fd/N, /proc/self/fd/N),
 * or -1. */
static int descriptor_named(const char *path)
{
    if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0)
        return stdout_fd;
    if (strcmp(path, "/dev/stderr") == 0)
        return 2;
    char own[64];
    g_snprintf(own, sizeof own, "/proc/%ld/fd/", (long)getpid());
    const char *const prefixes[] = {"/dev/fd/", "/proc/self/fd/", own};
    for (size_t i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        if (!g_str_has_prefix(path, prefixes[i]))
            continue;
        const char *digits = path + strlen(prefixes[i]);
        if (*digits == '\0' || strspn(digits, "0123456789") != strlen(digits) || strlen(digits) > 6)
            return -1;
        int n = atoi(digits);
        return n == 1 ? stdout_fd : n;
    }
    return -1;
}

gboolean jv_output_is_stdout(const char *path)
{
    return path == NULL || descriptor_named(path) == stdout_fd;
}

static void target_clear(target *t) { g_free(t->path); }

static gboolean fail(GError **error, const char *path, const char *what, int errnum)
{
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errnum), "%s: %s: %s", path, what,
                g_strerror(errnum));
    return FALSE;
}

/* Follows `path` to what it finally names and decides how to write it. */
static gboolean resolve(const char *path, target *t, GError **error)
{
    memset(t, 0, sizeof *t);
    t->fd = -1;
    char *current = g_strdup(path == NULL ? "-" : path);
    for (int hops = 0;; hops++) {
        int fd = descriptor_named(current);
        if (fd >= 0) {
            g_free(current);
            if (fcntl(fd, F_GETFD) < 0)
                return fail(error, path, "cannot write output there", errno);
            t->kind = TARGET_FD;
            t->fd = fd;
            return TRUE;
        }
        if (lstat(current, &t->st) != 0) {
            if (errno != ENOENT) {
                g_free(current);
                return fail(error, path, "cannot write output here", errno);
            }
            break; /* a new file (perhaps named by a dangling link) */
        }
        if (!S_ISLNK(t->st.st_mode)) {
            t->exists = TRUE;
            break;
        }
        if (hops == MAX_LINKS) {
            g_free(current);
            return fail(error, path, "cannot write output here", ELOOP);
        }
        char *link = g_file_read_link(current, NULL);
        if (link == NULL) {
            int saved = errno;
            g_free(current);
            return fail(error, path, "cannot follow the link", saved);
        }
        if (!g_path_is_absolute(link)) {
            char *dir = g_path_get_dirname(current);
            char *joined = g_build_filename(dir, link, NULL);
            g_free(dir);
            g_free(link);
            link = joined;
        }
        g_free(current);
        current = link;
    }
    t->path = current;
    if (t->exists && S_ISDIR(t->st.st_mode)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                    _("%s: is a folder; give a file name for the output"), path);
        target_clear(t);
        return FALSE;
    }
    t->kind = t->exists && !S_ISREG(t->st.st_mode) ? TARGET_DIRECT : TARGET_REPLACE;
    return TRUE;
}

static gboolean write_all(int fd, const char *data, size_t length)
{
    size_t done = 0;
    while (done < length) {
        ssize_t n = write(fd, data + done, length - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return FALSE;
        }
        done += (size_t)n;
    }
    return TRUE;
}

/* A new temporary beside the target (or in the temporary folder when the
 * target is not replaced), registered for removal on signals; its fd is
 * open for writing. */
static char *temp_create(const target *t, const char *path, int *fd, GError **error)
{
    char *tmp;
    if (t->kind == TARGET_REPLACE) {
        char *dir = g_path_get_dirname(t->path);
        char *base = g_path_get_basename(t->path);
        tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
        g_free(base);
        g_free(dir);
    } else {
        tmp = g_build_filename(g_get_tmp_dir(), "jamvikt-out.XXXXXX", NULL);
    }
    *fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0644);
    if (*fd < 0) {
        fail(error, path, "cannot write output here", errno);
        g_free(tmp);
        return NULL;
    }
    jv_temp_files_add(tmp);
    if (t->kind == TARGET_REPLACE && t->exists) {
        /* keep the target's permissions (and owner, when we may) */
        if (fchmod(*fd, t->st.st_mode & 07777) != 0) {
            /* not fatal: the document matters more than its mode */
        }
        if ((t->st.st_uid != geteuid() || t->st.st_gid != getegid()) &&
            fchown(*fd, t->st.st_uid, t->st.st_gid) != 0) {
            /* only root may give a file away; the mode is still kept */
        }
    }
    return tmp;
}

void jv_output_discard(const char *temp)
{
    if (temp == NULL)
        return;
    g_unlink(temp);
    jv_temp_files_remove(temp);
}

/* Writes into a descriptor or a device/FIFO target directly. */
static gboolean write_direct(const target *t, const char *path, const char *data, size_t length,
                             GError **error)
{
    int fd = t->fd;
    if (t->kind == TARGET_DIRECT) {
        fd = open(t->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return fail(error, path, "cannot write output here", errno);
    }
    gboolean ok = write_all(fd, data, length);
    int saved = errno;
    if (t->kind == TARGET_DIRECT && close(fd) != 0 && ok) {
        ok = FALSE;
        saved = errno;
    }
    if (!ok)
        return fail(error, path, "writing failed", saved);
    return TRUE;
}

static gboolean replace_target(target *t, const char *path, const char *data, size_t length,
                               GError **error);

gboolean jv_output_write(const char *path, const char *data, size_t length, GError **error)
{
    target t;
    if (!resolve(path, &t, error))
        return FALSE;
    if (t.kind != TARGET_REPLACE) {
        gboolean ok = write_direct(&t, path, data, length, error);
        target_clear(&t);
        return ok;
    }
    return replace_target(&t, path, data, length, error);
}

gboolean jv_output_replace(const char *path, const char *data, size_t length, GError **error)
{
    target t = {.kind = TARGET_REPLACE, .fd = -1, .path = g_strdup(path)};
    t.exists = lstat(path, &t.st) == 0;
    if (t.exists && S_ISDIR(t.st.st_mode)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("%s: is a folder"), path);
        target_clear(&t);
        return FALSE;
    }
    if (t.exists && !S_ISREG(t.st.st_mode))
        t.exists = FALSE; /* a link or a device there: replaced, its mode not kept */
    return replace_target(&t, path, data, length, error);
}

/* Writes through a temporary beside t->path and renames it over; clears t. */
static gboolean replace_target(target *t_in, const char *path, const char *data, size_t length,
                               GError **error)
{
    target t = *t_in;
    int fd = -1;
    char *tmp = temp_create(&t, path, &fd, error);
    gboolean ok = FALSE;
    if (tmp == NULL)
        goto out;
    if (!write_all(fd, data, length)) {
        fail(error, path, "writing failed", errno);
        close(fd);
        goto out;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        fail(error, path, "writing failed", errno);
        goto out;
    }
    if (g_rename(tmp, t.path) != 0) {
        fail(error, path, "cannot replace the file", errno);
        goto out;
    }
    jv_temp_files_remove(tmp);
    g_free(tmp);
    tmp = NULL;
    ok = TRUE;
out:
    if (tmp != NULL)
        jv_output_discard(tmp);
    g_free(tmp);
    target_clear(&t);
    return ok;
}

char *jv_output_temp_new(const char *path, GError **error)
{
    target t;
    if (!resolve(path, &t, error))
        return NULL;
    int fd = -1;
    char *tmp = temp_create(&t, path, &fd, error);
    if (tmp != NULL)
        close(fd);
    target_clear(&t);
    return tmp;
}

gboolean jv_output_commit(const char *temp, const char *path, GError **error)
{
    target t;
    gboolean ok = FALSE;
    if (!resolve(path, &t, error))
        goto out;
    if (t.kind == TARGET_REPLACE) {
        if (t.exists && g_chmod(temp, t.st.st_mode & 07777) != 0) {
            /* not fatal, as in temp_create */
        }
        if (g_rename(temp, t.path) != 0) {
            fail(error, path, "cannot replace the file", errno);
        } else {
            jv_temp_files_remove(temp);
            target_clear(&t);
            return TRUE;
        }
    } else {
        char *data = NULL;
        gsize length = 0;
        if (g_file_get_contents(temp, &data, &length, error))
            ok = write_direct(&t, path, data, length, error);
        g_free(data);
    }
    target_clear(&t);
out:
    jv_output_discard(temp);
    return ok;
}

gboolean jv_output_same_file(const char *a, const char *b)
{
    GStatBuf sa, sb;
    if (g_stat(a, &sa) != 0 || g_stat(b, &sb) != 0)
        return FALSE;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
