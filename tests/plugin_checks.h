/* tests/plugin_checks.h — what the indicator plugins' suites share:
 * table-driven checks of a result document (a test lists what it expects,
 * one value a row with its hand arithmetic in a comment above the row, and
 * one call runs the evaluation and checks every row), and the columns of
 * the batches the state suites build by hand.
 *
 *     static const pc_check expected[] = {
 *         PC_AT(A),
 *         // 100000 + 50000 + 200000
 *         PC_NUM("by_gender/woman/amount_applied", "350000"),
 *         PC_NUM("by_gender/woman/grant_ratio", "230000.5/350000"),
 *         PC_STR("balance", "balanced"),
 *     };
 *     PC_EXPECT("funding_share/basic.json", expected);
 *
 * PC_NUM() takes the expected number as the hand arithmetic writes it: a
 * decimal ("0.5", "-0.31580068443749126") or a quotient of two
 * ("230000.5/350000"), divided in double precision as C would.
 *
 * A row's path is read below the scope of the last PC_AT() row above it
 * (from the document's root before any; PC_CHECK_AT() puts every scope
 * below a base path, for one table checked in several places). A failing row is reported at its
 * own line in the suite, with the path, what it expected and what it found,
 * and the other rows are still checked.
 */
#ifndef JV_TESTS_PLUGIN_CHECKS_H
#define JV_TESTS_PLUGIN_CHECKS_H

#include <cjson/cJSON.h>
#include <jamvikt/jamvikt.h>
#include <stddef.h>
#include <stdint.h>

typedef enum pc_kind {
    PC_KIND_AT,         /* sets the scope of the rows below */
    PC_KIND_NEAR,       /* a number within 1e-9 of what text says */
    PC_KIND_EXACT,      /* a number, exactly */
    PC_KIND_NULL,       /* JSON null */
    PC_KIND_TRUE,       /* true */
    PC_KIND_FALSE,      /* false */
    PC_KIND_STRING,     /* a string equal to text */
    PC_KIND_ANY_STRING, /* a string, whatever it says */
    PC_KIND_ARRAY,      /* an array of `number` items */
    PC_KIND_OBJECT,     /* an object of `number` members (< 0: any) */
    PC_KIND_PRESENT,    /* there, whatever its value (null too) */
    PC_KIND_ABSENT,     /* not there at all */
    PC_KIND_NOT_NULL,   /* there and not null */
    PC_KIND_WARNINGS,   /* `number` of the document's warnings contain text */
    PC_KIND_GENDERS,    /* by_gender/<g>/<path> of the five genders, from a text list */
} pc_kind;

typedef struct pc_check {
    pc_kind kind;
    const char *path; /* below the scope; PC_AT: the scope itself */
    double number;
    const char *text;
    int line; /* of the row, for the failure */
} pc_check;

#define PC_ROW(k, p, n, t)                                                                         \
    {                                                                                              \
        .kind = (k), .path = (p), .number = (n), .text = (t), .line = __LINE__                     \
    }
#define PC_AT(scope) PC_ROW(PC_KIND_AT, scope, 0, NULL)
#define PC_NUM(path, value_text) PC_ROW(PC_KIND_NEAR, path, 0, value_text)
#define PC_EXACT(path, value) PC_ROW(PC_KIND_EXACT, path, value, NULL)
#define PC_NULL(path) PC_ROW(PC_KIND_NULL, path, 0, NULL)
#define PC_TRUE(path) PC_ROW(PC_KIND_TRUE, path, 0, NULL)
#define PC_FALSE(path) PC_ROW(PC_KIND_FALSE, path, 0, NULL)
#define PC_STR(path, text) PC_ROW(PC_KIND_STRING, path, 0, text)
#define PC_ANY_STR(path) PC_ROW(PC_KIND_ANY_STRING, path, 0, NULL)
#define PC_ARRAY(path, size) PC_ROW(PC_KIND_ARRAY, path, size, NULL)
#define PC_OBJECT(path, size) PC_ROW(PC_KIND_OBJECT, path, size, NULL)
#define PC_PRESENT(path) PC_ROW(PC_KIND_PRESENT, path, 0, NULL)
#define PC_ABSENT(path) PC_ROW(PC_KIND_ABSENT, path, 0, NULL)
#define PC_NOT_NULL(path) PC_ROW(PC_KIND_NOT_NULL, path, 0, NULL)
#define PC_WARNINGS(text, count) PC_ROW(PC_KIND_WARNINGS, NULL, count, text)
/* One measure of woman, man, non_binary, mixed and unknown in a row, one
 * assertion each: values_text lists five numbers (exactly) or true, false,
 * null, separated by spaces: PC_GENDERS("seats", "8 11 1 0 2"). */
#define PC_GENDERS(measure, values_text) PC_ROW(PC_KIND_GENDERS, measure, 0, values_text)

#define PC_ROWS(table) (table), sizeof(table) / sizeof((table)[0]), __FILE__

/* Checks every row of the table against doc (borrowed), below base. */
void pc_check_rows(cJSON *doc, const char *base, const pc_check *rows, size_t n, const char *file);
#define PC_CHECK(doc, table) pc_check_rows((doc), "", PC_ROWS(table))
#define PC_CHECK_AT(doc, base, table) pc_check_rows((doc), (base), PC_ROWS(table))

/* The result document of tests/data/<eval> run at min_cell (< 0: the
 * file's own); CUnit-fatal when the run fails. cJSON_Delete it. */
cJSON *pc_run(const char *eval, int64_t min_cell);

/* pc_run(), every row checked, and the document freed. */
void pc_expect(const char *eval, int64_t min_cell, const pc_check *rows, size_t n,
               const char *file);
#define PC_EXPECT(eval, table) pc_expect((eval), -1, PC_ROWS(table))
#define PC_EXPECT_MIN_CELL(eval, min_cell, table) pc_expect((eval), (min_cell), PC_ROWS(table))

/* The run of tests/data/<eval> fails, and its message contains every text
 * of the NULL-terminated list. */
void pc_fails_saying(const char *eval, const char *const *texts, const char *file, int line);
#define PC_FAILS_SAYING(eval, ...)                                                                 \
    pc_fails_saying((eval), (const char *const[]){__VA_ARGS__, NULL}, __FILE__, __LINE__)

/* Columns of a batch a state suite builds by hand for consume() (every
 * pointer borrowed; missing NULL when no cell is empty): numbers in fixed
 * point (JV_TYPE_NUMBER), or codes of type (CATEGORY, GENDER) into dict. */
jv_column pc_numbers(const char *role, const int64_t *numbers, const uint8_t *missing);
jv_column pc_codes(const char *role, jv_type type, const uint32_t *codes, const uint8_t *missing,
                   const jv_dict *dict);

#endif /* JV_TESTS_PLUGIN_CHECKS_H */
