/* core/eval/doc_file.c — untrusted JSON documents read from files (see
 * doc_file.h). */
#include "eval/doc_file.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config/evaluation.h"
#include "config/json_check.h"
#include "config/json_syntax.h"
#include "util/i18n.h"

/* Every number finite: cJSON reads 1e999 as infinity. */
static gboolean finite_numbers(jv_json_checker *checker, const cJSON *value)
{
    if (cJSON_IsNumber(value) && !isfinite(value->valuedouble))
        return jv_json_checker_fail(checker, _("a number too large to be represented"));
    size_t index = 0;
    for (const cJSON *m = cJSON_IsObject(value) || cJSON_IsArray(value) ? value->child : NULL;
         m != NULL; m = m->next, index++) {
        if (!cJSON_IsNumber(m) && !cJSON_IsObject(m) && !cJSON_IsArray(m))
            continue;
        size_t mark = cJSON_IsObject(value) ? jv_json_checker_enter_key(checker, m->string)
                                            : jv_json_checker_enter_index(checker, index);
        gboolean ok = finite_numbers(checker, m);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

cJSON *jv_doc_text_parse(const char *text, size_t length, const char *name, GError **error)
{
    size_t offset = 0;
    char *message = NULL;
    if (!jv_json_syntax_check(text, length, &offset, &message)) {
        unsigned line = 1, column = 1;
        jv_json_syntax_position(text, offset, &line, &column);
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_SYNTAX, _("%s:%u:%u: invalid JSON: %s"),
                    name, line, column, message);
        g_free(message);
        return NULL;
    }
    cJSON *doc = cJSON_ParseWithLength(text, length);
    if (doc == NULL) {
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_SYNTAX, _("%s: not a JSON document"), name);
        return NULL;
    }
    jv_json_checker checker;
    jv_json_checker_init(&checker, name, error);
    gboolean ok = jv_json_checker_unique_keys(&checker, doc) && finite_numbers(&checker, doc);
    jv_json_checker_clear(&checker);
    if (!ok) {
        cJSON_Delete(doc);
        return NULL;
    }
    return doc;
}

char *jv_doc_file_read(const char *path, const char *what, gsize *length, GError **error)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO, _("%s: cannot read the %s: %s"), path,
                    what, g_strerror(e));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                    _("%s: not a regular file (a %s is read only from a file)"), path, what);
        close(fd);
        return NULL;
    }
    if ((guint64)st.st_size > JV_DOC_MAX_BYTES) {
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                    _("%s: %" PRIu64 " bytes, more than any %s can be (%"
                      "zu"
                      " MiB)"),
                    path, (guint64)st.st_size, what, JV_DOC_MAX_BYTES >> 20);
        close(fd);
        return NULL;
    }
    gsize capacity = (gsize)st.st_size + 1, used = 0;
    char *text = g_malloc(capacity);
    for (;;) {
        if (used == capacity) {
            if (capacity > JV_DOC_MAX_BYTES) { /* it grew while we read */
                g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                            _("%s: more than any %s can be (%"
                              "zu"
                              " MiB)"),
                            path, what, JV_DOC_MAX_BYTES >> 20);
                goto fail;
            }
            capacity *= 2;
            text = g_realloc(text, capacity);
        }
        ssize_t n = read(fd, text + used, capacity - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO, _("%s: reading failed: %s"), path,
                        g_strerror(errno));
            goto fail;
        }
        if (n == 0)
            break;
        used += (gsize)n;
    }
    struct stat now; /* changed while read: its bytes are not one version */
    if (fstat(fd, &now) == 0 &&
        (now.st_size != st.st_size || now.st_mtim.tv_sec != st.st_mtim.tv_sec ||
         now.st_mtim.tv_nsec != st.st_mtim.tv_nsec || (off_t)used != st.st_size)) {
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                    _("%s: the file changed while it was read; run again when nothing is writing "
                      "to it"),
                    path);
        goto fail;
    }
    close(fd);
    if (used == capacity)
        text = g_realloc(text, capacity + 1);
    text[used] = '\0';
    *length = used;
    return text;
fail:
    close(fd);
    g_free(text);
    return NULL;
}

cJSON *jv_doc_file_load(const char *path, const char *what, GError **error)
{
    gsize length = 0;
    char *text = jv_doc_file_read(path, what, &length, error);
    if (text == NULL)
        return NULL;
    cJSON *doc = jv_doc_text_parse(text, length, path, error);
    g_free(text);
    return doc;
}
