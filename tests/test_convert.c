/* tests/test_convert.c — cell text to numbers, integers and booleans
 * (core/data/convert.h; INDICATORS.md "Exact sums": values are fixed point
 * × 10^4, more than 4 decimals round half to even). Every expected value
 * is worked out by hand in the comment beside it. */
#include <string.h>

#include "data/convert.h"
#include "harness.h"

/* Converts a C string as a trimmed cell; returns the status. */
static jv_convert_status number(const char *text, gboolean decimal_comma, int64_t *value)
{
    *value = -777; /* must be overwritten on success */
    return jv_convert_number(text, strlen(text), decimal_comma, value);
}

static jv_convert_status integer(const char *text, int64_t *value)
{
    *value = -777;
    return jv_convert_integer(text, strlen(text), TRUE, value);
}

static void expect_number(const char *text, gboolean decimal_comma, int64_t expected)
{
    int64_t v;
    jv_convert_status s = number(text, decimal_comma, &v);
    CU_ASSERT_EQUAL(s, JV_CONVERT_OK);
    CU_ASSERT_EQUAL(v, expected);
    if (s != JV_CONVERT_OK || v != expected)
        fprintf(stderr, "\n  '%s': status %d value %" G_GINT64_FORMAT "\n", text, s, v);
}

static void expect_rounded(const char *text, int64_t expected)
{
    int64_t v;
    CU_ASSERT_EQUAL(number(text, FALSE, &v), JV_CONVERT_ROUNDED);
    CU_ASSERT_EQUAL(v, expected);
}

static void expect_status(const char *text, gboolean decimal_comma, jv_convert_status status)
{
    int64_t v;
    jv_convert_status s = number(text, decimal_comma, &v);
    CU_ASSERT_EQUAL(s, status);
    CU_ASSERT_EQUAL(v, -777); /* untouched */
    if (s != status)
        fprintf(stderr, "\n  '%s': status %d, expected %d\n", text, s, status);
}

static void expect_message(jv_convert_status status, const char *text, const char *expected)
{
    char *m = jv_convert_message(status, text, strlen(text));
    CU_ASSERT_STRING_EQUAL(m, expected);
    g_free(m);
}

/* Cells that are no number, each under the rule it shows (its test
 * below): the status, and the value left untouched. */
typedef enum rejection_rule {
    COMMA_NOT_ALLOWED,
    GROUPS_OF_THREE,
    PAST_INT64,
    EXPONENT,
    NAN_OR_INFINITY,
    CURRENCY,
    OTHER_TEXT,
} rejection_rule;

static const struct rejection {
    rejection_rule rule;
    const char *text;
    gboolean decimal_comma;
    jv_convert_status status;
} rejections[] = {
    {COMMA_NOT_ALLOWED, "1,5", FALSE, JV_CONVERT_COMMA_NOT_ALLOWED},
    {GROUPS_OF_THREE, "12 34", TRUE, JV_CONVERT_BAD_GROUPING},      /* last group of 2 */
    {GROUPS_OF_THREE, "1234 567", TRUE, JV_CONVERT_BAD_GROUPING},   /* first group of 4 */
    {GROUPS_OF_THREE, "1 2345", TRUE, JV_CONVERT_BAD_GROUPING},     /* group of 4 */
    {GROUPS_OF_THREE, "1  250", TRUE, JV_CONVERT_NOT_A_NUMBER},     /* two separators */
    {GROUPS_OF_THREE, "1 250,00 0", TRUE, JV_CONVERT_NOT_A_NUMBER}, /* in the decimals */
    {PAST_INT64, "922337203685477.5808", FALSE, JV_CONVERT_OVERFLOW},
    {PAST_INT64, "922337203685478", FALSE, JV_CONVERT_OVERFLOW},
    {PAST_INT64, "99999999999999999999999999", FALSE, JV_CONVERT_OVERFLOW},
    /* 922337203685477.58075 rounds up past the limit */
    {PAST_INT64, "922337203685477.58075", FALSE, JV_CONVERT_OVERFLOW},
    {EXPONENT, "1e5", FALSE, JV_CONVERT_EXPONENT},
    {EXPONENT, "1.5E-3", FALSE, JV_CONVERT_EXPONENT},
    {EXPONENT, "2,5e+3", TRUE, JV_CONVERT_EXPONENT},
    {NAN_OR_INFINITY, "NaN", FALSE, JV_CONVERT_NAN_INF},
    {NAN_OR_INFINITY, "inf", FALSE, JV_CONVERT_NAN_INF},
    {NAN_OR_INFINITY, "-Infinity", FALSE, JV_CONVERT_NAN_INF},
    {CURRENCY, "100 kr", TRUE, JV_CONVERT_CURRENCY},
    {CURRENCY, "100kr", TRUE, JV_CONVERT_CURRENCY},
    {CURRENCY, "1 250 000 SEK", TRUE, JV_CONVERT_CURRENCY},
    {CURRENCY, "SEK 100", TRUE, JV_CONVERT_CURRENCY},
    {CURRENCY, "100:-", TRUE, JV_CONVERT_CURRENCY},
    {CURRENCY, "100 kronor", TRUE, JV_CONVERT_CURRENCY},
    {OTHER_TEXT, "abc", TRUE, JV_CONVERT_NOT_A_NUMBER},
    {OTHER_TEXT, "1.2.3", TRUE, JV_CONVERT_NOT_A_NUMBER},
    {OTHER_TEXT, ".", TRUE, JV_CONVERT_NOT_A_NUMBER},
    {OTHER_TEXT, "-", TRUE, JV_CONVERT_NOT_A_NUMBER},
    {OTHER_TEXT, "+-1", TRUE, JV_CONVERT_NOT_A_NUMBER},
    {OTHER_TEXT, "12%", TRUE, JV_CONVERT_NOT_A_NUMBER},
    {OTHER_TEXT, "0x10", TRUE, JV_CONVERT_NOT_A_NUMBER},
};

/* Checks every rejection of `rule` (and that it has some). */
static void check_rejections(rejection_rule rule)
{
    size_t n = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(rejections); i++)
        if (rejections[i].rule == rule) {
            expect_status(rejections[i].text, rejections[i].decimal_comma, rejections[i].status);
            n++;
        }
    CU_ASSERT(n > 0);
}

static void test_whole_number_is_scaled_by_ten_thousand(void)
{
    expect_number("1250000", FALSE, 12500000000); /* 1 250 000 × 10^4 */
    expect_number("0", FALSE, 0);
    expect_number("7", FALSE, 70000);
}

static void test_decimal_point_gives_exact_fixed_point(void)
{
    expect_number("12.5", FALSE, 125000); /* 12.5 × 10^4 */
    expect_number("0.0001", FALSE, 1);    /* the smallest step */
    expect_number("3.1415", FALSE, 31415);
    expect_number(".5", FALSE, 5000);       /* no integer digits */
    expect_number("5.", FALSE, 50000);      /* no decimals after the point */
    expect_number("2.50000", FALSE, 25000); /* extra zero decimals change nothing */
}

static void test_decimal_comma_and_space_thousands_when_allowed(void)
{
    /* batch.h: "1 250 000,50 arrives as 12500005000" = 1250000.50 × 10^4 */
    expect_number("1 250 000,50", TRUE, 12500005000);
    expect_number("1\xc2\xa0"
                  "250\xc2\xa0"
                  "000,50",
                  TRUE, 12500005000); /* U+00A0 */
    expect_number("1\xe2\x80\xaf"
                  "250\xe2\x80\xaf"
                  "000,50",
                  TRUE, 12500005000);                 /* U+202F */
    expect_number("1 250 000.50", TRUE, 12500005000); /* '.' is always a decimal point */
    expect_number("999 999", FALSE, 9999990000);
}

static void test_decimal_comma_rejected_when_not_allowed(void)
{
    check_rejections(COMMA_NOT_ALLOWED);
    expect_message(JV_CONVERT_COMMA_NOT_ALLOWED, "1,5",
                   "'1,5' has a decimal comma, which this table does not accept; set "
                   "\"decimal\": \",\" in the evaluation file");
}

static void test_thousands_separators_only_between_groups_of_three(void)
{
    check_rejections(GROUPS_OF_THREE);
    expect_message(JV_CONVERT_BAD_GROUPING, "12 34",
                   "'12 34' is not a number: spaces may only separate groups of three "
                   "digits, as in 1 250 000");
}

static void test_sign_and_negative_zero(void)
{
    expect_number("-5", FALSE, -50000);
    expect_number("+5", FALSE, 50000);
    expect_number("-0", FALSE, 0); /* -0 is 0 */
    expect_number("-0.0000", FALSE, 0);
    expect_number("-1 250,5", TRUE, -12505000);
}

static void test_more_than_four_decimals_round_half_to_even(void)
{
    /* 0.00005 × 10^4 = 0.5: halfway between 0 and 1, to the even 0 */
    expect_rounded("0.00005", 0);
    /* 0.00015 × 10^4 = 1.5: halfway between 1 and 2, to the even 2 */
    expect_rounded("0.00015", 2);
    /* 0.00025 × 10^4 = 2.5: to the even 2 */
    expect_rounded("0.00025", 2);
    /* 0.000250001 × 10^4 = 2.50001: above the half, up to 3 */
    expect_rounded("0.000250001", 3);
    /* 0.00004 × 10^4 = 0.4: down to 0 */
    expect_rounded("0.00004", 0);
    /* 1.23456 × 10^4 = 12345.6: up to 12346 */
    expect_rounded("1.23456", 12346);
    /* -0.00015 × 10^4 = -1.5: to the even -2 (symmetric) */
    expect_rounded("-0.00015", -2);
    /* 0.99995 × 10^4 = 9999.5: to the even 10000 */
    expect_rounded("0.99995", 10000);
}

static void test_overflow_of_int64_is_an_error(void)
{
    /* INT64_MAX = 9223372036854775807 = 922337203685477.5807 × 10^4 */
    expect_number("922337203685477.5807", FALSE, INT64_MAX);
    expect_number("-922337203685477.5807", FALSE, -INT64_MAX);
    check_rejections(PAST_INT64);
}

static void test_exponent_notation_is_rejected(void)
{
    check_rejections(EXPONENT);
    expect_message(JV_CONVERT_EXPONENT, "1e5",
                   "'1e5' is in exponent notation; write the number out in full (format "
                   "the column as a number in Excel)");
}

static void test_nan_and_infinity_are_rejected(void) { check_rejections(NAN_OR_INFINITY); }

static void test_currency_units_are_rejected_with_a_hint(void)
{
    check_rejections(CURRENCY);
    expect_message(JV_CONVERT_CURRENCY, "100 kr",
                   "'100 kr' is not a number: remove the currency unit 'kr' from the column");
    expect_message(JV_CONVERT_CURRENCY, "1 250 000 SEK",
                   "'1 250 000 SEK' is not a number: remove the currency unit 'SEK' from "
                   "the column");
    expect_message(JV_CONVERT_CURRENCY, "100:-",
                   "'100:-' is not a number: remove the currency unit ':-' from the column");
}

static void test_other_text_is_not_a_number(void)
{
    check_rejections(OTHER_TEXT);
    expect_message(JV_CONVERT_NOT_A_NUMBER, "abc",
                   "'abc' is not a number; write numbers like 1250000, 1 250 000 or "
                   "1250000.50");
}

static void test_integers_take_no_decimals(void)
{
    int64_t v;
    CU_ASSERT_EQUAL(integer("1 000", &v), JV_CONVERT_OK);
    CU_ASSERT_EQUAL(v, 1000); /* integers are not scaled */
    CU_ASSERT_EQUAL(integer("-12", &v), JV_CONVERT_OK);
    CU_ASSERT_EQUAL(v, -12);
    CU_ASSERT_EQUAL(integer("5,0", &v), JV_CONVERT_OK); /* zero decimals are whole */
    CU_ASSERT_EQUAL(v, 5);
    CU_ASSERT_EQUAL(integer("9223372036854775807", &v), JV_CONVERT_OK);
    CU_ASSERT_EQUAL(v, INT64_MAX);
    CU_ASSERT_EQUAL(integer("5.5", &v), JV_CONVERT_NOT_WHOLE);
    CU_ASSERT_EQUAL(integer("5.00001", &v), JV_CONVERT_NOT_WHOLE);
    CU_ASSERT_EQUAL(integer("9223372036854775808", &v), JV_CONVERT_OVERFLOW);
    CU_ASSERT_EQUAL(integer("1e3", &v), JV_CONVERT_EXPONENT);
    CU_ASSERT_EQUAL(v, -777);
    expect_message(JV_CONVERT_NOT_WHOLE, "5.5", "'5.5' is not a whole number");
}

static void test_booleans_accept_swedish_and_english_words(void)
{
    static const char *const yes[] = {"ja", "JA", "Yes", "true", "TRUE", "sant", "1", "j", "y"};
    static const char *const no[] = {"nej", "Nej", "no", "false", "FALSE", "falskt", "0", "n", "N"};
    for (size_t i = 0; i < G_N_ELEMENTS(yes); i++) {
        uint8_t v = 7;
        CU_ASSERT_EQUAL(jv_convert_boolean(yes[i], strlen(yes[i]), &v), JV_CONVERT_OK);
        CU_ASSERT_EQUAL(v, 1);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(no); i++) {
        uint8_t v = 7;
        CU_ASSERT_EQUAL(jv_convert_boolean(no[i], strlen(no[i]), &v), JV_CONVERT_OK);
        CU_ASSERT_EQUAL(v, 0);
    }
    uint8_t v = 7;
    CU_ASSERT_EQUAL(jv_convert_boolean("maybe", 5, &v), JV_CONVERT_NOT_BOOLEAN);
    CU_ASSERT_EQUAL(jv_convert_boolean("2", 1, &v), JV_CONVERT_NOT_BOOLEAN);
    CU_ASSERT_EQUAL(v, 7);
    expect_message(JV_CONVERT_NOT_BOOLEAN, "maybe",
                   "'maybe' is not yes or no; accepted: ja, nej, yes, no, true, false, sant, "
                   "falskt, 1, 0, j, n, y");
}

static void test_trim_removes_ascii_and_unicode_spaces(void)
{
    const char *cell = " \t\xc2\xa0x y\xe2\x80\xaf\r\n";
    const char *t = cell;
    size_t n = strlen(cell);
    jv_trim(&t, &n);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_NSTRING_EQUAL(t, "x y", 3);
    const char *blank = " \xc2\xa0 ";
    t = blank;
    n = strlen(blank);
    jv_trim(&t, &n);
    CU_ASSERT_EQUAL(n, 0);
    /* a lone 0xC2 (not UTF-8 for U+00A0) is no space */
    const char *odd = "a\xc2";
    t = odd;
    n = 2;
    jv_trim(&t, &n);
    CU_ASSERT_EQUAL(n, 2);
}

static void test_message_cell_text_is_made_valid_and_cut(void)
{
    char *m = jv_text_for_message("a\xff"
                                  "b",
                                  3);
    CU_ASSERT_STRING_EQUAL(m, "a\\xff"
                              "b"); /* the bad byte escaped, never raw */
    g_free(m);
    m = jv_text_for_message("\x1b[2J", 4);
    CU_ASSERT_STRING_EQUAL(m, "\\x1b[2J"); /* ESC cannot drive the terminal */
    g_free(m);
    char long_text[100];
    memset(long_text, 'x', sizeof long_text);
    m = jv_text_for_message(long_text, sizeof long_text);
    CU_ASSERT_EQUAL(g_utf8_strlen(m, -1), 61); /* 60 characters and "…" */
    g_free(m);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"whole_number_is_scaled_by_ten_thousand", test_whole_number_is_scaled_by_ten_thousand},
        {"decimal_point_gives_exact_fixed_point", test_decimal_point_gives_exact_fixed_point},
        {"decimal_comma_and_space_thousands_when_allowed",
         test_decimal_comma_and_space_thousands_when_allowed},
        {"decimal_comma_rejected_when_not_allowed", test_decimal_comma_rejected_when_not_allowed},
        {"thousands_separators_only_between_groups_of_three",
         test_thousands_separators_only_between_groups_of_three},
        {"sign_and_negative_zero", test_sign_and_negative_zero},
        {"more_than_four_decimals_round_half_to_even",
         test_more_than_four_decimals_round_half_to_even},
        {"overflow_of_int64_is_an_error", test_overflow_of_int64_is_an_error},
        {"exponent_notation_is_rejected", test_exponent_notation_is_rejected},
        {"nan_and_infinity_are_rejected", test_nan_and_infinity_are_rejected},
        {"currency_units_are_rejected_with_a_hint", test_currency_units_are_rejected_with_a_hint},
        {"other_text_is_not_a_number", test_other_text_is_not_a_number},
        {"integers_take_no_decimals", test_integers_take_no_decimals},
        {"booleans_accept_swedish_and_english_words",
         test_booleans_accept_swedish_and_english_words},
        {"trim_removes_ascii_and_unicode_spaces", test_trim_removes_ascii_and_unicode_spaces},
        {"message_cell_text_is_made_valid_and_cut", test_message_cell_text_is_made_valid_and_cut},
        {NULL, NULL},
    };
    return jvt_main("convert", tests);
}
