/* tests/test_xlsx.c — the text arithmetic of the .xlsx reader
 * (core/data/xlsx_private.h): a number cell's text with its exponent
 * written out, and date-formatted serial numbers as ISO dates, both
 * without floating point; and a workbook read through the table reader.
 * Expected values are worked out by hand. */
#include <glib/gstdio.h>
#include <jamvikt/plugin.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "data/dataset.h"
#include "data/xlsx_private.h"
#include "harness.h"
#include "table_test_util.h"

static void expect_plain(const char *number, const char *expected)
{
    GString *out = g_string_new("untouched");
    gboolean changed = jv_xlsx_plain_number(number, out);
    CU_ASSERT(expected ? changed : !changed);
    CU_ASSERT_STRING_EQUAL(out->str, expected ? expected : "untouched");
    if (strcmp(out->str, expected ? expected : "untouched") != 0)
        fprintf(stderr, "\n  '%s' → '%s'\n", number, out->str);
    g_string_free(out, TRUE);
}

static void test_exponents_are_written_out_digit_by_digit(void)
{
    expect_plain("1.5E-3", "0.0015"); /* 1.5 / 1000 */
    expect_plain("1E+20", "100000000000000000000");
    expect_plain("-2.5e2", "-250");
    expect_plain("1.25E1", "12.5");
    expect_plain("1.2345678901234567E-5", "0.000012345678901234567");
    expect_plain("5E0", "5");
}

static void test_numbers_without_exponent_are_left_alone(void)
{
    expect_plain("1250000", NULL);
    expect_plain("0.30000000000000004", NULL);
    expect_plain("1E", NULL);    /* no exponent digits: not a number */
    expect_plain("E5", NULL);    /* no mantissa */
    expect_plain("1E999", NULL); /* beyond what any table holds: left to fail */
}

static void expect_shortest(const char *number, const char *expected)
{
    GString *out = g_string_new("untouched");
    gboolean changed = jv_xlsx_shortest_number(number, out);
    CU_ASSERT(expected ? changed : !changed);
    CU_ASSERT_STRING_EQUAL(out->str, expected ? expected : "untouched");
    g_string_free(out, TRUE);
}

static void test_long_texts_of_a_double_become_the_shortest_text(void)
{
    /* openpyxl writes 65.1 with %.16g; the double nearest 65.1 prints as
     * 65.1 with 15 digits, which reads back as the same double */
    expect_shortest("65.09999999999999", "65.1");
    expect_shortest("0.07000000000000001", "0.07"); /* %.16g of the double nearest 0.07 */
    /* a different double from 1234567.89 (doubles there are 2^-32 apart): kept */
    expect_shortest("1234567.890000001", "1234567.890000001");
    /* 0.1 + 0.2 is a double of its own: its shortest text has 17 digits */
    expect_shortest("0.30000000000000004", "0.30000000000000004");
    expect_shortest("-65.09999999999999", "-65.1");
    /* up to 15 significant digits: kept exactly (leading zeros do not count) */
    expect_shortest("0.000000000123456789012345", NULL);
    expect_shortest("65.1", NULL);
    expect_shortest("1250000", NULL);
    expect_shortest("#N/A", NULL);
}

static void expect_date(const char *serial, gboolean date1904, const char *expected)
{
    GString *out = g_string_new("untouched");
    gboolean done = jv_xlsx_date_text(serial, date1904, out);
    CU_ASSERT(expected ? done : !done);
    if (expected)
        CU_ASSERT_STRING_EQUAL(out->str, expected);
    if (expected && strcmp(out->str, expected) != 0)
        fprintf(stderr, "\n  %s → '%s'\n", serial, out->str);
    g_string_free(out, TRUE);
}

static void test_serials_count_days_from_1900_with_excels_leap_day(void)
{
    expect_date("1", FALSE, "1900-01-01");
    expect_date("59", FALSE, "1900-02-28");
    expect_date("60", FALSE, "1900-02-29"); /* Excel's 29 Feb 1900 */
    expect_date("61", FALSE, "1900-03-01");
    /* 2017-01-01: 1899-12-30 + 42736 days (Excel shows 42736 for it) */
    expect_date("42736", FALSE, "2017-01-01");
}

static void test_serials_count_from_1904_in_1904_workbooks(void)
{
    expect_date("0", TRUE, "1904-01-01");
    /* 42736 − 1462, the days from 1900 to 1904 in Excel's count */
    expect_date("41274", TRUE, "2017-01-01");
}

static void test_a_fraction_is_the_time_of_day(void)
{
    expect_date("42736.5", FALSE, "2017-01-01T12:00:00");  /* 0.5 × 86400 s */
    expect_date("42736.75", FALSE, "2017-01-01T18:00:00"); /* 0.75 × 86400 s */
    /* 0.999999999 × 86400 = 86399.99991 s rounds to midnight: the next day */
    expect_date("42736.999999999", FALSE, "2017-01-02");
}

static void test_what_is_no_date_is_left_as_it_is(void)
{
    expect_date("-1", FALSE, NULL);
    expect_date("abc", FALSE, NULL);
    expect_date("1E5", FALSE, NULL);
    expect_date("0", FALSE, NULL);
    expect_date("99999999", FALSE, NULL);
}

/* A workbook (written with libxlsxwriter) of a title, a blank row, and
 * gender | amount_granted from row 3; amounts as text with a decimal
 * comma. The path is newly allocated; the caller removes the file. */
static char *small_workbook(void)
{
    char *path = g_build_filename(g_get_tmp_dir(), "jamvikt-test-xlsx-XXXXXX.xlsx", NULL);
    int fd = g_mkstemp(path);
    close(fd);
    lxw_workbook *book = workbook_new(path);
    lxw_worksheet *sheet = workbook_add_worksheet(book, "Blad1");
    worksheet_write_string(sheet, 0, 0, "Stöd 2017", NULL);
    worksheet_write_string(sheet, 2, 0, "gender", NULL);
    worksheet_write_string(sheet, 2, 1, "amount_granted", NULL);
    worksheet_write_string(sheet, 3, 0, "K", NULL);
    worksheet_write_string(sheet, 3, 1, "12,5", NULL);
    worksheet_write_string(sheet, 4, 0, "M", NULL);
    worksheet_write_number(sheet, 4, 1, 7.25, NULL);
    workbook_close(book);
    return path;
}

static const jv_role_request workbook_roles[] = {
    {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED},
    {.name = "amount_granted", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_REQUIRED},
};

static void test_rows_carry_excels_row_numbers_and_exact_values(void)
{
    char *path = small_workbook();
    jv_table_source source = {.path = path, .display_path = "stöd.xlsx"};
    GError *error = NULL;
    jv_table_reader *r = jv_table_reader_open(&source, workbook_roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    /* title row 1, blank row 2, header row 3: the data are rows 4 and 5 */
    const jv_rowset *rows = jvt_next_rows(r, &error, (const uint64_t[]){4, 5}, 2);
    /* "12,5" (text, decimal comma) and 7.25 (a number cell): × 10^4 */
    CU_ASSERT_EQUAL(rows->columns[1].numbers[0], 125000);
    CU_ASSERT_EQUAL(rows->columns[1].numbers[1], 72500);
    jv_table_reader_free(r);
    g_remove(path);
    g_free(path);
}

static void test_a_comma_in_text_is_refused_when_decimal_is_a_point(void)
{
    char *path = small_workbook();
    jv_table_source source = {.path = path, .display_path = "stöd.xlsx", .decimal = '.'};
    GError *error = NULL;
    jv_table_reader *r = jv_table_reader_open(&source, workbook_roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT(g_str_has_prefix(error->message, "stöd.xlsx[Blad1]:4: column 'amount_granted': "));
    g_error_free(error);
    jv_table_reader_free(r);
    g_remove(path);
    g_free(path);
}

static void test_a_workbook_is_not_read_in_parts(void)
{
    char *path = small_workbook();
    jv_table_source source = {.path = path, .display_path = "stöd.xlsx"};
    GError *error = NULL;
    jv_table_reader *r = jv_table_reader_open_range(&source, workbook_roles, 2, 5, 0, 5, &error);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_STRING_EQUAL(error->message,
                           "stöd.xlsx[Blad1]: a workbook is read whole, not in parts");
    g_error_free(error);
    jv_table_reader_free(r);
    g_remove(path);
    g_free(path);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"exponents_are_written_out_digit_by_digit", test_exponents_are_written_out_digit_by_digit},
        {"numbers_without_exponent_are_left_alone", test_numbers_without_exponent_are_left_alone},
        {"long_texts_of_a_double_become_the_shortest_text",
         test_long_texts_of_a_double_become_the_shortest_text},
        {"serials_count_days_from_1900_with_excels_leap_day",
         test_serials_count_days_from_1900_with_excels_leap_day},
        {"serials_count_from_1904_in_1904_workbooks",
         test_serials_count_from_1904_in_1904_workbooks},
        {"a_fraction_is_the_time_of_day", test_a_fraction_is_the_time_of_day},
        {"what_is_no_date_is_left_as_it_is", test_what_is_no_date_is_left_as_it_is},
        {"rows_carry_excels_row_numbers_and_exact_values",
         test_rows_carry_excels_row_numbers_and_exact_values},
        {"a_comma_in_text_is_refused_when_decimal_is_a_point",
         test_a_comma_in_text_is_refused_when_decimal_is_a_point},
        {"a_workbook_is_not_read_in_parts", test_a_workbook_is_not_read_in_parts},
        {NULL, NULL},
    };
    return jvt_main("xlsx", tests);
}
