/* core/eval/output.c — atomic output files (see output.h). */
#include "eval/output.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

gboolean jv_output_write(const char *path, const char *data, size_t length, GError **error)
{
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    gboolean ok = FALSE;
    int fd = g_mkstemp_full(tmp, O_WRONLY, 0644);
    if (fd < 0) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "%s: cannot write output here: %s", path, g_strerror(errno));
        goto out;
    }
    size_t done = 0;
    while (done < length) {
        ssize_t n = write(fd, data + done, length - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno),
                        "%s: writing failed: %s", path, g_strerror(errno));
            close(fd);
            g_unlink(tmp);
            goto out;
        }
        done += (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "%s: writing failed: %s", path, g_strerror(errno));
        g_unlink(tmp);
        goto out;
    }
    if (g_rename(tmp, path) != 0) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno),
                    "%s: cannot replace the file: %s", path, g_strerror(errno));
        g_unlink(tmp);
        goto out;
    }
    ok = TRUE;
out:
    g_free(tmp);
    g_free(base);
    g_free(dir);
    return ok;
}

gboolean jv_output_same_file(const char *a, const char *b)
{
    GStatBuf sa, sb;
    if (g_stat(a, &sa) != 0 || g_stat(b, &sb) != 0)
        return FALSE;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
