/* tests/harness.h — what every CUnit suite shares: running an evaluation
 * through the real pipeline (real CSV files, real plugins loaded by libltdl
 * from the build tree) and reading values out of the result document.
 *
 * Paths given to jvt_run() are relative to tests/data/ in the source tree.
 */
#ifndef JV_TESTS_HARNESS_H
#define JV_TESTS_HARNESS_H

#include <CUnit/Basic.h>
#include <cjson/cJSON.h>
#include <math.h>
#include <stdint.h>

/* Runs tests/data/<eval_relpath> with the build tree's plugins (and the
 * fixture plugins in tests/fixtures). min_cell < 0: the file's own.
 * Returns the result document (free with cJSON_Delete) or NULL, with the
 * error message in *error_message (g_free it) when that is not NULL. */
cJSON *jvt_run(const char *eval_relpath, int64_t min_cell, char **error_message);

/* The value at a slash-separated path: object keys, or array indices as
 * numbers: "regions/0/indicators/funding_share/result/by_gender/woman/granted".
 * NULL when absent. Borrowed from doc. */
cJSON *jvt_get(cJSON *doc, const char *path);
/* The number at path; NaN when it is null, absent or not a number. */
double jvt_num(cJSON *doc, const char *path);
/* 1 when the value at path exists and is JSON null. */
int jvt_is_null(cJSON *doc, const char *path);
/* The string at path, or NULL. Borrowed. */
const char *jvt_str(cJSON *doc, const char *path);
/* jvt_run() that says why it failed on stderr (the suite goes on). */
cJSON *jvt_run_ok(const char *eval_relpath, int64_t min_cell);
/* 1 when the value at path is true / false / the string `expected`. */
int jvt_is_true(cJSON *doc, const char *path);
int jvt_is_false(cJSON *doc, const char *path);
int jvt_str_is(cJSON *doc, const char *path, const char *expected);
/* The length of the array at path; -1 when there is none. */
int jvt_array_size(cJSON *doc, const char *path);
/* The error message of a run of tests/data/<eval_relpath> that must fail
 * (asserted; g_free it). */
char *jvt_run_error(const char *eval_relpath);
/* prefix + suffix, for loops over genders and measures; the text lives
 * until the next call. */
const char *jvt_path(const char *prefix, const char *suffix);
/* The JSON document tests/data/<relpath> (CUnit-fatal when it cannot be
 * read; cJSON_Delete it). In tests/libjvtest_main.la (data_file.c). */
cJSON *jvt_load_json(const char *relpath);
/* Absolute path of tests/data/<relpath> (g_free it). */
char *jvt_data_path(const char *relpath);
/* Asserts that `text` equals the golden file
 * tests/data/render/expected/<name>.expected, naming the first line that
 * differs on stderr; JV_RENDER_UPDATE_GOLDEN=1 rewrites the file first
 * (then review the diff). In tests/libjvtest_main.la (data_file.c). */
void jvt_golden(const char *name, const char *text);
/* The first line of `text` starting with `prefix`, or "" (g_free it). In
 * tests/libjvtest_main.la (data_file.c). */
char *jvt_line_starting(const char *text, const char *prefix);

/* Registers the suite and runs it with the basic interface; the return value
 * is main()'s exit status (non-zero when any test failed). `tests` ends with
 * {NULL, NULL}. */
typedef struct jvt_test {
    const char *name;
    void (*fn)(void);
} jvt_test;
int jvt_main(const char *suite, const jvt_test *tests);

/* Asserts that the string at path equals expected (NULL-safe). */
#define JVT_ASSERT_STR(doc, path, expected)                                                        \
    do {                                                                                           \
        const char *actual_ = jvt_str((doc), (path));                                              \
        CU_ASSERT_PTR_NOT_NULL(actual_);                                                           \
        if (actual_ != NULL)                                                                       \
            CU_ASSERT_STRING_EQUAL(actual_, (expected));                                           \
    } while (0)

/* |actual - expected| <= 1e-9 (or both NaN/null). */
#define JVT_NEAR(actual, expected) CU_ASSERT_DOUBLE_EQUAL((actual), (expected), 1e-9)

#endif /* JV_TESTS_HARNESS_H */
