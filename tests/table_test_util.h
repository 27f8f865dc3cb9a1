/* tests/table_test_util.h — what the table reader suites share: reading
 * CSV text written to a temporary file, and checking error messages. */
#ifndef JV_TESTS_TABLE_TEST_UTIL_H
#define JV_TESTS_TABLE_TEST_UTIL_H

#include <glib.h>

#include "data/dataset.h"

/* Role flags, spelled as in include/jamvikt/plugin.h. */
#include <jamvikt/plugin.h>

/* Opens a reader on `text` (length bytes; -1: strlen) written to a
 * temporary file, which is removed at once (the reader keeps it open).
 * `source` may be NULL; its path is replaced, and display_path defaults to
 * "f.csv" so messages read "f.csv:LINE: ...". */
jv_table_reader *jvt_open_text(const char *text, gssize length, const jv_table_source *source,
                               const jv_role_request *roles, size_t n_roles, GError **error);

/* Asserts that opening fails with `code` and exactly `message`. */
void jvt_expect_open_error(const char *text, const jv_table_source *source,
                           const jv_role_request *roles, size_t n_roles, int code,
                           const char *message);
/* Asserts that opening works but reading stops with `code` and exactly
 * `message`. */
void jvt_expect_read_error(const char *text, const jv_table_source *source,
                           const jv_role_request *roles, size_t n_roles, int code,
                           const char *message);

/* The reader's next rowset, asserted (CUnit-fatal) to exist and to hold
 * exactly n_rows rows, which start on `lines` (in a workbook: on those row
 * numbers). */
const jv_rowset *jvt_next_rows(jv_table_reader *reader, GError **error, const uint64_t *lines,
                               size_t n_rows);

/* Assert that a column's first n codes / numbers are `expected`. */
void jvt_assert_codes(const jv_column *column, const uint32_t *expected, size_t n);
void jvt_assert_numbers(const jv_column *column, const int64_t *expected, size_t n);

/* The warnings joined by "\n" (g_free it). */
char *jvt_warnings(const jv_table_reader *reader);

#endif /* JV_TESTS_TABLE_TEST_UTIL_H */
