/* tests/evaluation_helpers.h — what the two evaluation-file suites
 * share: parsing strings under the name "ev.json" and comparing the one
 * error with the exact message expected. Header-only (static inline). */
#ifndef JV_TESTS_EVALUATION_HELPERS_H
#define JV_TESTS_EVALUATION_HELPERS_H

#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "config/evaluation.h"

/* A valid "regions" and "indicators", for tests about other keys. */
#define TAIL                                                                                       \
    "\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "                                           \
    "\"indicators\": [{\"plugin\": \"funding_share\"}]"

static inline jv_evaluation *parse_as(const char *text, const char *path)
{
    GError *error = NULL;
    jv_evaluation *e = jv_evaluation_parse(text, strlen(text), path, &error);
    if (e == NULL) {
        fprintf(stderr, "\nunexpected error: %s\n", error->message);
        g_error_free(error);
    }
    CU_ASSERT_PTR_NOT_NULL(e);
    return e;
}

/* Parses `length` bytes expecting failure with `code`; returns the
 * message (g_free) or NULL. */
static inline char *error_of(const char *text, size_t length, int code)
{
    GError *error = NULL;
    jv_evaluation *e = jv_evaluation_parse(text, length, "ev.json", &error);
    CU_ASSERT_PTR_NULL(e);
    jv_evaluation_free(e);
    if (error == NULL)
        return NULL;
    CU_ASSERT_EQUAL(error->domain, JV_EVAL_ERROR);
    CU_ASSERT_EQUAL(error->code, code);
    char *message = g_strdup(error->message);
    g_error_free(error);
    return message;
}

#define EXPECT_ERROR_LEN(text, length, code, expected)                                             \
    do {                                                                                           \
        char *message_ = error_of((text), (length), (code));                                       \
        CU_ASSERT_STRING_EQUAL(message_ ? message_ : "(none)", (expected));                        \
        if (message_ && strcmp(message_, (expected)) != 0)                                         \
            fprintf(stderr, "\n  got:  %s\n  want: %s\n", message_, (expected));                   \
        g_free(message_);                                                                          \
    } while (0)
#define EXPECT_ERROR(text, code, expected)                                                         \
    EXPECT_ERROR_LEN((text), strlen(text), (code), (expected))
#define EXPECT_SYNTAX(text, expected) EXPECT_ERROR((text), JV_EVAL_ERROR_SYNTAX, (expected))
#define EXPECT_INVALID(text, expected) EXPECT_ERROR((text), JV_EVAL_ERROR_INVALID, (expected))

static inline char *data_path(const char *name)
{
    return g_build_filename(JV_SRCDIR, "tests", "data", "eval", name, NULL);
}

#endif /* JV_TESTS_EVALUATION_HELPERS_H */
