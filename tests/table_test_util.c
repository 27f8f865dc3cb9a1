/* tests/table_test_util.c — helpers of the table reader suites (see
 * table_test_util.h). */
#include "table_test_util.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

jv_table_reader *jvt_open_text(const char *text, gssize length, const jv_table_source *source,
                               const jv_role_request *roles, size_t n_roles, GError **error)
{
    char *path = NULL;
    int fd = g_file_open_tmp("jv-test-table-XXXXXX.csv", &path, NULL);
    g_assert(fd >= 0);
    size_t n = length < 0 ? strlen(text) : (size_t)length;
    g_assert(write(fd, text, n) == (ssize_t)n);
    close(fd);
    jv_table_source s = {0};
    if (source != NULL)
        s = *source;
    s.path = path;
    if (s.display_path == NULL)
        s.display_path = "f.csv";
    jv_table_reader *reader = jv_table_reader_open(&s, roles, n_roles, error);
    g_unlink(path);
    g_free(path);
    return reader;
}

static void check_error(const GError *error, int code, const char *message)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT(g_error_matches(error, JV_DATA_ERROR, code));
    CU_ASSERT_STRING_EQUAL(error->message, message);
    if (strcmp(error->message, message) != 0 || !g_error_matches(error, JV_DATA_ERROR, code))
        fprintf(stderr, "\n  got (code %d): %s\n  expected:       %s\n", error->code,
                error->message, message);
}

/* Opens `text` and, unless the error is expected when opening, reads it
 * to the end: the error must be `code` with `message`. */
static void expect_error(gboolean at_open, const char *text, const jv_table_source *source,
                         const jv_role_request *roles, size_t n_roles, int code,
                         const char *message)
{
    GError *error = NULL;
    jv_table_reader *reader = jvt_open_text(text, -1, source, roles, n_roles, &error);
    if (at_open) {
        CU_ASSERT_PTR_NULL(reader);
    } else {
        CU_ASSERT_PTR_NOT_NULL_FATAL(reader);
        while (jv_table_reader_next(reader, &error) != NULL)
            ;
    }
    check_error(error, code, message);
    g_clear_error(&error);
    jv_table_reader_free(reader);
}

void jvt_expect_open_error(const char *text, const jv_table_source *source,
                           const jv_role_request *roles, size_t n_roles, int code,
                           const char *message)
{
    expect_error(TRUE, text, source, roles, n_roles, code, message);
}

void jvt_expect_read_error(const char *text, const jv_table_source *source,
                           const jv_role_request *roles, size_t n_roles, int code,
                           const char *message)
{
    expect_error(FALSE, text, source, roles, n_roles, code, message);
}

const jv_rowset *jvt_next_rows(jv_table_reader *reader, GError **error, const uint64_t *lines,
                               size_t n_rows)
{
    const jv_rowset *rs = jv_table_reader_next(reader, error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL_FATAL(rs->n_rows, n_rows);
    for (size_t i = 0; i < n_rows; i++)
        CU_ASSERT_EQUAL(rs->lines[i], lines[i]);
    return rs;
}

void jvt_assert_codes(const jv_column *column, const uint32_t *expected, size_t n)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(column->codes);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(column->codes[i], expected[i]);
}

void jvt_assert_numbers(const jv_column *column, const int64_t *expected, size_t n)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(column->numbers);
    for (size_t i = 0; i < n; i++)
        CU_ASSERT_EQUAL(column->numbers[i], expected[i]);
}

char *jvt_warnings(const jv_table_reader *reader)
{
    const GPtrArray *w = jv_table_reader_warnings(reader);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < w->len; i++)
        g_string_append_printf(s, "%s%s", i ? "\n" : "", (const char *)g_ptr_array_index(w, i));
    return g_string_free(s, FALSE);
}
