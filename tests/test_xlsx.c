/* tests/test_xlsx.c — the text arithmetic of the .xlsx reader
 * (core/data/xlsx_private.h): a number cell's text with its exponent
 * written out, and date-formatted serial numbers as ISO dates, both
 * without floating point. Expected values are worked out by hand. */
#include <string.h>

#include "data/xlsx_private.h"
#include "harness.h"

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
    expect_plain("1.5E-3", "0.0015");   /* 1.5 / 1000 */
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
    expect_plain("1E", NULL);     /* no exponent digits: not a number */
    expect_plain("E5", NULL);     /* no mantissa */
    expect_plain("1E999", NULL);  /* beyond what any table holds: left to fail */
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

int main(void)
{
    static const jvt_test tests[] = {
        {"exponents_are_written_out_digit_by_digit",
         test_exponents_are_written_out_digit_by_digit},
        {"numbers_without_exponent_are_left_alone", test_numbers_without_exponent_are_left_alone},
        {"long_texts_of_a_double_become_the_shortest_text",
         test_long_texts_of_a_double_become_the_shortest_text},
        {"serials_count_days_from_1900_with_excels_leap_day",
         test_serials_count_days_from_1900_with_excels_leap_day},
        {"serials_count_from_1904_in_1904_workbooks",
         test_serials_count_from_1904_in_1904_workbooks},
        {"a_fraction_is_the_time_of_day", test_a_fraction_is_the_time_of_day},
        {"what_is_no_date_is_left_as_it_is", test_what_is_no_date_is_left_as_it_is},
        {NULL, NULL},
    };
    return jvt_main("xlsx", tests);
}
