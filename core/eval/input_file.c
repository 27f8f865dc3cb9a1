/* core/eval/input_file.c — bounded reads of trusted-looking documents and
 * change detection for inputs (see input_file.h). */
#include "eval/input_file.h"
#include "util/i18n.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static jv_input_stamp stamp_of(const struct stat *st)
{
    return (jv_input_stamp){.valid = TRUE,
                            .size = (guint64)st->st_size,
                            .mtime_sec = (gint64)st->st_mtim.tv_sec,
                            .mtime_nsec = (gint64)st->st_mtim.tv_nsec};
}

jv_input_stamp jv_input_stamp_take(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return (jv_input_stamp){.valid = FALSE};
    return stamp_of(&st);
}

static gboolean same_stamp(const jv_input_stamp *a, const jv_input_stamp *b)
{
    return a->valid == b->valid && a->size == b->size && a->mtime_sec == b->mtime_sec &&
           a->mtime_nsec == b->mtime_nsec;
}

static void set_changed(const char *path, const jv_input_stamp *before, const jv_input_stamp *after,
                        GError **error)
{
    if (!after->valid)
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    _("%s: the file was removed or replaced while it was read; run again when "
                      "nothing is writing to it"),
                    path);
    else if (after->size != before->size)
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    _("%s: the file changed while it was read (%" PRIu64 " bytes before, "
                      "%" PRIu64 " after); run again when nothing is writing to it"),
                    path, before->size, after->size);
    else
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    _("%s: the file changed while it was read (its modification time moved); run "
                      "again when nothing is writing to it"),
                    path);
}

gboolean jv_input_stamp_unchanged(const char *path, const jv_input_stamp *before, GError **error)
{
    if (!before->valid)
        return TRUE;
    jv_input_stamp after = jv_input_stamp_take(path);
    if (same_stamp(before, &after))
        return TRUE;
    set_changed(path, before, &after, error);
    return FALSE;
}

static gboolean io_error(GError **error, const char *path, const char *what, int errnum)
{
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errnum),
                _("%s: cannot read the %s: %s"), path, what, g_strerror(errnum));
    return FALSE;
}

gboolean jv_input_read_document(const char *path, const char *what, char **text, gsize *length,
                                GError **error)
{
    *text = NULL;
    *length = 0;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return io_error(error, path, what, errno);
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return io_error(error, path, what, saved);
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                    _("%s: %s, not a regular file; give the %s as a file (jamvikt reads only "
                      "regular files here)"),
                    path, S_ISDIR(st.st_mode) ? _("a folder") : _("a FIFO, device or socket"),
                    what);
        return FALSE;
    }
    if ((guint64)st.st_size > JV_DOCUMENT_MAX_BYTES) {
        close(fd);
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    _("%s: %" PRIu64 " MiB is too large for a %s (the limit is %u MiB); "
                      "is it the right file?"),
                    path, (guint64)st.st_size >> 20, what, (unsigned)(JV_DOCUMENT_MAX_BYTES >> 20));
        return FALSE;
    }
    jv_input_stamp before = stamp_of(&st);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    gsize capacity = (gsize)st.st_size + 1, used = 0;
    char *buffer = g_malloc(capacity + 1);
    for (;;) {
        if (used == capacity) {
            /* it grew: the stamp check below reports it, within the limit */
            if (capacity > JV_DOCUMENT_MAX_BYTES)
                break;
            capacity *= 2;
            buffer = g_realloc(buffer, capacity + 1);
        }
        ssize_t n = read(fd, buffer + used, capacity - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int saved = errno;
            g_free(buffer);
            close(fd);
            return io_error(error, path, what, saved);
        }
        if (n == 0)
            break;
        used += (gsize)n;
    }
    struct stat now;
    jv_input_stamp after = fstat(fd, &now) == 0 ? stamp_of(&now) : (jv_input_stamp){.valid = FALSE};
    close(fd);
    if (!same_stamp(&before, &after) || used != before.size) {
        if (same_stamp(&before, &after))
            after.size = used; /* what was read is what differs */
        set_changed(path, &before, &after, error);
        g_free(buffer);
        return FALSE;
    }
    buffer[used] = '\0';
    *text = buffer;
    *length = used;
    return TRUE;
}
