/* tests/test_robust_check.c — the checking reader (core/data/dataset.h,
 * jv_table_reader_open_checking; table_check.c) and the problem list
 * (core/data/problem.h): `jamvikt check` must find every problem of a
 * file, each with its stable code, line, column, field, value and hint,
 * and read on where a run would stop. */
#include <glib/gstdio.h>
#include <jamvikt/plugin.h>
#include <string.h>
#include <unistd.h>

#include "data/dataset.h"
#include "harness.h"

static const jv_role_request roles[] = {
    {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED},
    {.name = "amount_granted",
     .type = JV_TYPE_NUMBER,
     .flags = JV_ROLE_REQUIRED | JV_ROLE_NONNEGATIVE},
    {.name = "decision", .type = JV_TYPE_CATEGORY, .codes = "granted=beviljad|rejected=avslag"},
};
#define N_ROLES 3

/* The text in a temporary file (removed at once: the reader keeps it
 * open), read to the end by a checking reader with `problems`. Returns
 * the rows kept; *skipped gets the rows left out. -1: the file could not
 * be opened at all. */
static gint64 check_text(const char *text, const jv_table_source *source, jv_problem_list *problems,
                         guint64 *skipped)
{
    char *path = NULL;
    int fd = g_file_open_tmp("jv-test-check-XXXXXX.csv", &path, NULL);
    g_assert(fd >= 0);
    g_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    jv_table_source s = {0};
    if (source != NULL)
        s = *source;
    s.path = path;
    s.display_path = "f.csv";
    jv_table_reader *r = jv_table_reader_open_checking(&s, roles, N_ROLES, 0, 0, 0, problems);
    g_unlink(path);
    g_free(path);
    if (r == NULL)
        return -1;
    GError *error = NULL;
    while (jv_table_reader_next(r, &error) != NULL)
        ;
    CU_ASSERT_PTR_NULL(error); /* a checking reader never fails */
    gint64 rows = (gint64)jv_table_reader_rows(r);
    if (skipped)
        *skipped = jv_table_reader_skipped(r);
    jv_table_reader_free(r);
    return rows;
}

static const jv_problem *nth(const jv_problem_list *list, guint i)
{
    const GPtrArray *items = jv_problem_list_items(list);
    CU_ASSERT_FATAL(i < items->len);
    return g_ptr_array_index(items, i);
}

/* Asserts problem i: severity, code, line, column (NULL: none), field,
 * value (NULL: none). */
static void expect(const jv_problem_list *list, guint i, jv_severity severity, const char *code,
                   guint64 line, const char *column, int field, const char *value)
{
    const jv_problem *p = nth(list, i);
    CU_ASSERT_EQUAL(p->severity, severity);
    CU_ASSERT_STRING_EQUAL(p->code, code);
    CU_ASSERT_STRING_EQUAL(p->file, "f.csv");
    CU_ASSERT_EQUAL(p->line, line);
    CU_ASSERT_EQUAL(p->field, field);
    if (column == NULL) {
        CU_ASSERT_PTR_NULL(p->column);
    } else {
        CU_ASSERT_STRING_EQUAL(p->column ? p->column : "(null)", column);
    }
    if (value == NULL) {
        CU_ASSERT_PTR_NULL(p->value);
    } else {
        CU_ASSERT_STRING_EQUAL(p->value ? p->value : "(null)", value);
    }
    if (strcmp(p->code, code) != 0 || p->line != line)
        fprintf(stderr, "\n  problem %u: %s line %lu: %s\n", i, p->code, (unsigned long)p->line,
                p->message);
}

static void test_every_bad_cell_of_a_row_is_a_problem_and_reading_goes_on(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    guint64 skipped = 0;
    /* line 2: two bad cells; line 3 good; line 4: one bad cell; line 5 good */
    gint64 rows = check_text("gender,amount_granted,decision\n"
                             "q,abc,granted\n"
                             "kvinna,5,beviljad\n"
                             "man,-1,granted\n"
                             "man,7,avslag\n",
                             NULL, list, &skipped);
    CU_ASSERT_EQUAL(rows, 2);
    CU_ASSERT_EQUAL(skipped, 2);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 3);
    CU_ASSERT_EQUAL(jv_problem_list_warnings(list), 0);
    CU_ASSERT_FALSE(jv_problem_list_partial(list));
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_UNKNOWN_CODE, 2, "gender", 1, "q");
    expect(list, 1, JV_SEVERITY_ERROR, JV_PROBLEM_TYPE_ERROR, 2, "amount_granted", 2, "abc");
    CU_ASSERT_STRING_EQUAL(nth(list, 1)->message, "'abc' is not a number; write numbers like "
                                                  "1250000, 1 250 000 or 1250000.50");
    CU_ASSERT_STRING_EQUAL(nth(list, 1)->hint,
                           "write numbers like 1250000, 1 250 000 or 1250000.50");
    CU_ASSERT(g_str_has_prefix(nth(list, 0)->hint, "accepted: woman, "));
    expect(list, 2, JV_SEVERITY_ERROR, JV_PROBLEM_OUT_OF_RANGE, 4, "amount_granted", 2, "-1");
    CU_ASSERT_STRING_EQUAL(nth(list, 2)->hint, "the value must be 0 or more");
    jv_problem_list_free(list);
}

static void test_codes_name_what_is_wrong(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    check_text("gender,amount_granted,decision\n"
               "kvinna,\"12,5\",granted\n"          /* 2: decimal comma, ',' delimiter */
               "kvinna,,granted\n"                  /* 3: empty required cell */
               "kvinna,99999999999999999,granted\n" /* 4: beyond 9.2e14 */
               "kvinna,12 kr,maybe\n"               /* 5: currency; unknown value */
               "kvinna,1e5,granted\n",              /* 6: exponent */
               NULL, list, NULL);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 6);
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_DECIMAL_COMMA, 2, "amount_granted", 2, "12,5");
    CU_ASSERT_STRING_EQUAL(nth(list, 0)->hint, "set \"decimal\": \",\" in the evaluation file");
    expect(list, 1, JV_SEVERITY_ERROR, JV_PROBLEM_EMPTY_REQUIRED, 3, "amount_granted", 2, "");
    expect(list, 2, JV_SEVERITY_ERROR, JV_PROBLEM_OUT_OF_RANGE, 4, "amount_granted", 2,
           "99999999999999999");
    expect(list, 3, JV_SEVERITY_ERROR, JV_PROBLEM_TYPE_ERROR, 5, "amount_granted", 2, "12 kr");
    CU_ASSERT_STRING_EQUAL(nth(list, 3)->hint, "remove the currency unit 'kr' from the column");
    expect(list, 4, JV_SEVERITY_ERROR, JV_PROBLEM_UNKNOWN_CODE, 5, "decision", 3, "maybe");
    expect(list, 5, JV_SEVERITY_ERROR, JV_PROBLEM_TYPE_ERROR, 6, "amount_granted", 2, "1e5");
    jv_problem_list_free(list);
}

static void test_every_missing_column_is_listed_and_the_rest_read(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    /* gender and amount_granted missing; decision is read and checked */
    gint64 rows = check_text("kön,belopp,decision\nk,1,granted\nm,2,nope\n", NULL, list, NULL);
    CU_ASSERT_EQUAL(rows, 1);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 3);
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_MISSING_COLUMN, 1, "gender", 0, NULL);
    CU_ASSERT_STRING_EQUAL(nth(list, 0)->message,
                           "not found; the file has columns: kön, belopp, decision. Name the "
                           "column for 'gender' under \"columns\" in the evaluation file");
    CU_ASSERT_STRING_EQUAL(nth(list, 0)->hint, "Name the column for 'gender' under \"columns\" "
                                               "in the evaluation file");
    expect(list, 1, JV_SEVERITY_ERROR, JV_PROBLEM_MISSING_COLUMN, 1, "amount_granted", 0, NULL);
    expect(list, 2, JV_SEVERITY_ERROR, JV_PROBLEM_UNKNOWN_CODE, 3, "decision", 3, "nope");
    jv_problem_list_free(list);
}

static void test_a_list_keeps_its_limit_but_counts_everything(void)
{
    jv_problem_list *list = jv_problem_list_new(3);
    /* five bad rows (lines 2..6), three listed */
    check_text("gender,amount_granted\nk,a\nk,b\nk,c\nk,d\nk,e\n", NULL, list, NULL);
    CU_ASSERT_EQUAL(jv_problem_list_items(list)->len, 3);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 5);
    CU_ASSERT_TRUE(jv_problem_list_partial(list));
    expect(list, 2, JV_SEVERITY_ERROR, JV_PROBLEM_TYPE_ERROR, 4, "amount_granted", 2, "c");
    jv_problem_list_free(list);
}

static void test_with_on_error_skip_bad_rows_are_warnings(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    jv_table_source skip = {.on_error = JV_ON_ERROR_SKIP};
    guint64 skipped = 0;
    gint64 rows = check_text("gender,amount_granted\nk,x\nm,1\nk\n", &skip, list, &skipped);
    CU_ASSERT_EQUAL(rows, 1);
    CU_ASSERT_EQUAL(skipped, 2);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 0);
    CU_ASSERT_EQUAL(jv_problem_list_warnings(list), 2);
    expect(list, 0, JV_SEVERITY_WARNING, JV_PROBLEM_TYPE_ERROR, 2, "amount_granted", 2, "x");
    CU_ASSERT(g_str_has_suffix(nth(list, 0)->message, " (row skipped)"));
    expect(list, 1, JV_SEVERITY_WARNING, JV_PROBLEM_FIELD_COUNT, 4, NULL, 0, NULL);
    CU_ASSERT_STRING_EQUAL(nth(list, 1)->message,
                           "row has 1 fields, the header has 2; a value that contains the "
                           "delimiter ',' must be in quotes (row skipped)");
    jv_problem_list_free(list);
}

static void test_a_broken_quote_ends_the_file_with_a_problem(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    /* line 2 is read; the quote opened on line 3 never closes */
    gint64 rows = check_text("gender,amount_granted\nk,1\nm,\"2\nk,3\n", NULL, list, NULL);
    CU_ASSERT_EQUAL(rows, 1);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 1);
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_CSV_SYNTAX, 3, NULL, 0, NULL);
    CU_ASSERT_STRING_EQUAL(nth(list, 0)->message, "a quoted field opened on this line is never "
                                                  "closed: a closing quote (\") is missing");
    jv_problem_list_free(list);
}

static void test_a_file_that_cannot_be_read_is_one_problem(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    CU_ASSERT_EQUAL(check_text("", NULL, list, NULL), -1);
    jv_table_source none = {.path = "/nonexistent/f.csv", .display_path = "f.csv"};
    CU_ASSERT_PTR_NULL(jv_table_reader_open_checking(&none, roles, N_ROLES, 0, 0, 0, list));
    jv_table_source folder = {.path = "/", .display_path = "f.csv"};
    CU_ASSERT_PTR_NULL(jv_table_reader_open_checking(&folder, roles, N_ROLES, 0, 0, 0, list));
    jv_table_source ebcdic = {.encoding = "ebcdic"};
    CU_ASSERT_EQUAL(check_text("gender\n", &ebcdic, list, NULL), -1);
    CU_ASSERT_EQUAL(jv_problem_list_items(list)->len, 4);
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_EMPTY_FILE, 0, NULL, 0, NULL);
    CU_ASSERT_STRING_EQUAL(nth(list, 0)->message,
                           "the file is empty; its first line must name the columns");
    expect(list, 1, JV_SEVERITY_ERROR, JV_PROBLEM_MISSING_FILE, 0, NULL, 0, NULL);
    CU_ASSERT_STRING_EQUAL(nth(list, 1)->message,
                           "cannot open /nonexistent/f.csv: No such file or directory");
    expect(list, 2, JV_SEVERITY_ERROR, JV_PROBLEM_UNREADABLE, 0, NULL, 0, NULL);
    CU_ASSERT_STRING_EQUAL(nth(list, 2)->message,
                           "is a folder, not a file; \"file\" must name a CSV file");
    expect(list, 3, JV_SEVERITY_ERROR, JV_PROBLEM_SETTINGS, 0, NULL, 0, NULL);
    jv_problem_list_free(list);
}

static void test_a_nul_byte_is_an_encoding_problem(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    char text[] = "gender,amount_granted\nk,1\nk,2X\n";
    text[sizeof text - 3] = '\0'; /* the X */
    char *path = NULL;
    int fd = g_file_open_tmp("jv-test-check-XXXXXX.csv", &path, NULL);
    g_assert(write(fd, text, sizeof text - 1) == (ssize_t)(sizeof text - 1));
    close(fd);
    jv_table_source s = {.path = path, .display_path = "f.csv"};
    jv_table_reader *r = jv_table_reader_open_checking(&s, roles, 2, 0, 0, 0, list);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    while (jv_table_reader_next(r, NULL) != NULL)
        ;
    CU_ASSERT_EQUAL(jv_table_reader_rows(r), 1); /* line 2 */
    jv_table_reader_free(r);
    g_unlink(path);
    g_free(path);
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_ENCODING, 3, NULL, 0, NULL);
    CU_ASSERT(g_str_has_prefix(nth(list, 0)->message, "the file contains a NUL byte"));
    jv_problem_list_free(list);
}

static void test_signs_of_a_wrong_export_are_warnings(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    /* ';' file read with ',': one column, whose name holds ';' */
    jv_table_source comma = {.delimiter = ','};
    check_text("gender;amount_granted\nk;1\n", &comma, list, NULL);
    expect(list, 2, JV_SEVERITY_WARNING, JV_PROBLEM_WRONG_DELIMITER, 1, NULL, 1,
           "gender;amount_granted");
    CU_ASSERT_STRING_EQUAL(nth(list, 2)->message, "the header was read as one single column "
                                                  "with ',' as the delimiter, but it holds ';'");
    jv_problem_list_free(list);

    /* Windows-1252 'ä' (0xE4) in a UTF-8 file: one warning for the file, at
     * its first value; the gender cell itself is an encoding error, listed
     * once for the file (line 4's is not listed again). The bad byte is
     * shown escaped (issue 18: never raw in a message). */
    list = jv_problem_list_new(20);
    check_text("gender,amount_granted,decision\nk,1,granted\nm\xe4n,2,granted\nm\xe4n,3,granted\n",
               NULL, list, NULL);
    CU_ASSERT_EQUAL(jv_problem_list_warnings(list), 1);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 1);
    expect(list, 0, JV_SEVERITY_WARNING, JV_PROBLEM_ENCODING, 3, "gender", 1, "m\\xe4n");
    CU_ASSERT_STRING_EQUAL(nth(list, 0)->hint, "set \"encoding\": \"windows-1252\" for this "
                                               "table in the evaluation file, or save the "
                                               "file as \"CSV UTF-8\"");
    expect(list, 1, JV_SEVERITY_ERROR, JV_PROBLEM_ENCODING, 3, "gender", 1, "m\\xe4n");
    jv_problem_list_free(list);

    /* 12,5 unquoted in a comma file: one field too many, explained */
    list = jv_problem_list_new(20);
    check_text("gender,amount_granted,decision\nk,12,5,granted\n", NULL, list, NULL);
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_FIELD_COUNT, 2, NULL, 0, NULL);
    expect(list, 1, JV_SEVERITY_WARNING, JV_PROBLEM_DECIMAL_COMMA, 2, NULL, 2, "12,5");
    jv_problem_list_free(list);

    /* 5,1 where the extra fields are text: no decimal-comma warning */
    list = jv_problem_list_new(20);
    check_text("gender,amount_granted,decision\nk,5,1,granted,x,y\n", NULL, list, NULL);
    CU_ASSERT_EQUAL(jv_problem_list_warnings(list), 0);
    jv_problem_list_free(list);
}

static void test_doubled_header_names(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    /* a doubled column nobody reads: a warning; one a role reads: an error */
    check_text("gender,amount_granted,note,note,amount_granted\nk,1,a,b,2\n", NULL, list, NULL);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 1);
    CU_ASSERT_EQUAL(jv_problem_list_warnings(list), 1);
    expect(list, 0, JV_SEVERITY_ERROR, JV_PROBLEM_DUPLICATE_COLUMN, 1, "amount_granted", 5, NULL);
    expect(list, 1, JV_SEVERITY_WARNING, JV_PROBLEM_DUPLICATE_COLUMN, 1, "note", 4, "note");
    jv_problem_list_free(list);
}

static void test_scb_codes_and_rounding_are_warnings(void)
{
    jv_problem_list *list = jv_problem_list_new(20);
    gint64 rows = check_text("gender,amount_granted\n1,0.00005\n2,1\n", NULL, list, NULL);
    CU_ASSERT_EQUAL(rows, 2);
    CU_ASSERT_EQUAL(jv_problem_list_errors(list), 0);
    CU_ASSERT_EQUAL(jv_problem_list_warnings(list), 2);
    expect(list, 0, JV_SEVERITY_WARNING, JV_PROBLEM_GENDER_CODES, 2, "gender", 0, NULL);
    expect(list, 1, JV_SEVERITY_WARNING, JV_PROBLEM_ROUNDED, 0, "amount_granted", 2, NULL);
    CU_ASSERT_STRING_EQUAL(nth(list, 1)->message, "1 values had more than 4 decimals and were "
                                                  "rounded (half to even) to 4");
    jv_problem_list_free(list);
}

static void test_only_the_first_range_reports_the_header(void)
{
    /* header (line 1) has no gender column; rows at lines 2, 3, 4 */
    const char *text = "sex,amount_granted\nk,1\nk,x\nk,3\n";
    guint64 row2 = strlen("sex,amount_granted\n"), row3 = row2 + 4, row4 = row3 + 4;
    char *path = NULL;
    int fd = g_file_open_tmp("jv-test-check-XXXXXX.csv", &path, NULL);
    g_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    jv_table_source s = {.path = path, .display_path = "f.csv"};
    jv_problem_list *first = jv_problem_list_new(20), *second = jv_problem_list_new(20);
    jv_table_reader *a = jv_table_reader_open_checking(&s, roles, 2, row2, row3, 2, first);
    jv_table_reader *b = jv_table_reader_open_checking(&s, roles, 2, row3, 0, 3, second);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b);
    while (jv_table_reader_next(a, NULL) != NULL)
        ;
    while (jv_table_reader_next(b, NULL) != NULL)
        ;
    CU_ASSERT_EQUAL(jv_table_reader_rows(a) + jv_table_reader_rows(b), 2);
    CU_ASSERT_EQUAL(jv_problem_list_errors(first), 1);
    expect(first, 0, JV_SEVERITY_ERROR, JV_PROBLEM_MISSING_COLUMN, 1, "gender", 0, NULL);
    CU_ASSERT_EQUAL(jv_problem_list_errors(second), 1);
    expect(second, 0, JV_SEVERITY_ERROR, JV_PROBLEM_TYPE_ERROR, 3, "amount_granted", 2, "x");
    (void)row4;
    jv_table_reader_free(a);
    jv_table_reader_free(b);
    jv_problem_list_free(first);
    jv_problem_list_free(second);
    g_unlink(path);
    g_free(path);
}

static void test_taking_a_list_keeps_the_limit_and_the_counts(void)
{
    jv_problem_list *into = jv_problem_list_new(2), *from = jv_problem_list_new(5);
    for (int i = 3; i >= 1; i--)
        jv_problem_list_add(from, i == 2 ? JV_SEVERITY_WARNING : JV_SEVERITY_ERROR, "c", "f",
                            (guint64)i, NULL, 0, "v", -1, g_strdup("m"), NULL);
    jv_problem_list_take(into, from);
    CU_ASSERT_EQUAL(jv_problem_list_items(into)->len, 2);
    CU_ASSERT_EQUAL(jv_problem_list_errors(into), 2);
    CU_ASSERT_EQUAL(jv_problem_list_warnings(into), 1);
    CU_ASSERT_TRUE(jv_problem_list_partial(into));
    CU_ASSERT_EQUAL(jv_problem_list_items(from)->len, 0);
    CU_ASSERT_EQUAL(jv_problem_list_errors(from), 0);
    jv_problem_list_sort(into); /* lines 3, 2 → 2, 3 */
    CU_ASSERT_EQUAL(nth(into, 0)->line, 2);
    CU_ASSERT_EQUAL(nth(into, 1)->line, 3);
    char *text = jv_problem_text(nth(into, 0));
    CU_ASSERT_STRING_EQUAL(text, "f:2: m");
    g_free(text);
    jv_problem_list_free(into);
    jv_problem_list_free(from);
}

static void test_a_run_reader_still_stops_at_the_first_error(void)
{
    char *path = NULL;
    int fd = g_file_open_tmp("jv-test-check-XXXXXX.csv", &path, NULL);
    const char *text = "gender,amount_granted\nq,x\nk,y\n";
    g_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    jv_table_source s = {.path = path, .display_path = "f.csv"};
    GError *error = NULL;
    jv_table_reader *r = jv_table_reader_open(&s, roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT(
        g_str_has_prefix(error->message, "f.csv:2: column 'gender': unknown gender code 'q'"));
    g_error_free(error);
    jv_table_reader_free(r);
    g_unlink(path);
    g_free(path);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"every bad cell of a row is a problem, and reading goes on",
         test_every_bad_cell_of_a_row_is_a_problem_and_reading_goes_on},
        {"codes name what is wrong", test_codes_name_what_is_wrong},
        {"every missing column is listed and the rest read",
         test_every_missing_column_is_listed_and_the_rest_read},
        {"a list keeps its limit but counts everything",
         test_a_list_keeps_its_limit_but_counts_everything},
        {"with on_error skip bad rows are warnings", test_with_on_error_skip_bad_rows_are_warnings},
        {"a broken quote ends the file with a problem",
         test_a_broken_quote_ends_the_file_with_a_problem},
        {"a file that cannot be read is one problem",
         test_a_file_that_cannot_be_read_is_one_problem},
        {"a NUL byte is an encoding problem", test_a_nul_byte_is_an_encoding_problem},
        {"signs of a wrong export are warnings", test_signs_of_a_wrong_export_are_warnings},
        {"doubled header names", test_doubled_header_names},
        {"SCB codes and rounding are warnings", test_scb_codes_and_rounding_are_warnings},
        {"only the first range reports the header", test_only_the_first_range_reports_the_header},
        {"taking a list keeps the limit and the counts",
         test_taking_a_list_keeps_the_limit_and_the_counts},
        {"a run reader still stops at the first error",
         test_a_run_reader_still_stops_at_the_first_error},
        {NULL, NULL}};
    return jvt_main("checking reader", tests);
}
