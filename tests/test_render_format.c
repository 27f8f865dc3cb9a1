/* tests/test_render_format.c — the renderers' building blocks: numbers as
 * people read them in Swedish and English (core/render/format.h), exact
 * numbers for CSV, the language choice and the compiled-in catalogue
 * (i18n.h), and reading shapes of result documents (doc.h). Every
 * expected text is worked out by hand beside the input. */
#include "harness.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/i18n.h"
#include "render/labels.h"

#define CHECK_TEXT(expr, expected)                                                                 \
    do {                                                                                           \
        char *got_ = (expr);                                                                       \
        if (strcmp(got_, (expected)) != 0)                                                         \
            fprintf(stderr, "\n  %s: got '%s', expected '%s'\n", #expr, got_, (expected));         \
        CU_ASSERT_STRING_EQUAL(got_, (expected));                                                  \
        g_free(got_);                                                                              \
    } while (0)

/* Numbers as people read them, jv_format_number(lang, value, kind), each
 * case under the rule it shows (one test per rule below). */
typedef enum number_rule {
    SHARE_IS_PERCENT,
    HALF_AWAY_FROM_ZERO,
    NO_MINUS_ZERO,
    SIGNED_POINTS,
    GROUPED_BY_THOUSANDS,
    ONE_DECIMAL_UNLESS_WHOLE,
} number_rule;

static const struct number_case {
    number_rule rule;
    jv_lang lang;
    double value;
    jv_kind kind;
    const char *expected;
} numbers[] = {
    /* 0.314 × 100 = 31.4 */
    {SHARE_IS_PERCENT, JV_LANG_SV, 0.314, JV_KIND_SHARE, "31,4 %"},
    {SHARE_IS_PERCENT, JV_LANG_EN, 0.314, JV_KIND_SHARE, "31.4%"},
    /* 1 → 100.0 */
    {SHARE_IS_PERCENT, JV_LANG_SV, 1.0, JV_KIND_SHARE, "100,0 %"},
    /* 0.8125 × 100 = 81.25 exactly: people round it to 81.3 (printf's
     * half-to-even would give 81.2). */
    {HALF_AWAY_FROM_ZERO, JV_LANG_SV, 0.8125, JV_KIND_SHARE, "81,3 %"},
    /* 2.5 as a count → 3; -2.5 → -3 */
    {HALF_AWAY_FROM_ZERO, JV_LANG_EN, 2.5, JV_KIND_COUNT, "3"},
    {HALF_AWAY_FROM_ZERO, JV_LANG_EN, -2.5, JV_KIND_COUNT, "-3"},
    /* -0.0004 × 100 = -0.04 → 0.0 */
    {NO_MINUS_ZERO, JV_LANG_SV, -0.0004, JV_KIND_SHARE, "0,0 %"},
    {NO_MINUS_ZERO, JV_LANG_EN, -0.0004, JV_KIND_DIFFERENCE, "0.0 pp"},
    /* 0.09 → +9.0 pp; -0.143 → -14.3 */
    {SIGNED_POINTS, JV_LANG_SV, 0.09, JV_KIND_DIFFERENCE, "+9,0 p.e."},
    {SIGNED_POINTS, JV_LANG_EN, 0.09, JV_KIND_DIFFERENCE, "+9.0 pp"},
    {SIGNED_POINTS, JV_LANG_SV, -0.143, JV_KIND_DIFFERENCE, "-14,3 p.e."},
    {GROUPED_BY_THOUSANDS, JV_LANG_SV, 9275000, JV_KIND_AMOUNT, "9 275 000"},
    {GROUPED_BY_THOUSANDS, JV_LANG_EN, 9275000, JV_KIND_AMOUNT, "9,275,000"},
    {GROUPED_BY_THOUSANDS, JV_LANG_SV, 999, JV_KIND_COUNT, "999"},
    {GROUPED_BY_THOUSANDS, JV_LANG_SV, 1000, JV_KIND_COUNT, "1 000"},
    /* 618333.33 → 618 333 */
    {GROUPED_BY_THOUSANDS, JV_LANG_SV, 618333.3333333334, JV_KIND_AMOUNT, "618 333"},
    {GROUPED_BY_THOUSANDS, JV_LANG_EN, -1234567, JV_KIND_AMOUNT, "-1,234,567"},
    /* 851 / 85 = 10.0118 → 10.0 */
    {ONE_DECIMAL_UNLESS_WHOLE, JV_LANG_SV, 10.011764705882353, JV_KIND_NUMBER, "10,0"},
    {ONE_DECIMAL_UNLESS_WHOLE, JV_LANG_SV, 7, JV_KIND_NUMBER, "7"},
    {ONE_DECIMAL_UNLESS_WHOLE, JV_LANG_EN, 12345.67, JV_KIND_NUMBER, "12,345.7"},
};

/* Checks every case of `rule` (and that it has some). */
static void check_numbers(number_rule rule)
{
    size_t n = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(numbers); i++)
        if (numbers[i].rule == rule) {
            CHECK_TEXT(jv_format_number(numbers[i].lang, numbers[i].value, numbers[i].kind),
                       numbers[i].expected);
            n++;
        }
    CU_ASSERT(n > 0);
}

static void test_share_is_percent_with_one_decimal_per_language(void)
{
    check_numbers(SHARE_IS_PERCENT);
}
static void test_rounding_is_half_away_from_zero(void) { check_numbers(HALF_AWAY_FROM_ZERO); }
static void test_a_value_rounding_to_zero_has_no_minus_sign(void) { check_numbers(NO_MINUS_ZERO); }
static void test_difference_is_signed_percentage_points(void) { check_numbers(SIGNED_POINTS); }
static void test_counts_and_amounts_are_grouped_by_thousands(void)
{
    check_numbers(GROUPED_BY_THOUSANDS);
}
static void test_other_numbers_have_one_decimal_unless_whole(void)
{
    check_numbers(ONE_DECIMAL_UNLESS_WHOLE);
}

static void test_null_and_non_numbers_are_two_dots(void)
{
    cJSON *null = cJSON_CreateNull(), *text = cJSON_CreateString("x");
    CHECK_TEXT(jv_format_json(JV_LANG_SV, null, JV_KIND_SHARE), "..");
    CHECK_TEXT(jv_format_json(JV_LANG_SV, text, JV_KIND_COUNT), "..");
    CHECK_TEXT(jv_format_json(JV_LANG_SV, NULL, JV_KIND_COUNT), "..");
    CHECK_TEXT(jv_format_number(JV_LANG_SV, NAN, JV_KIND_COUNT), "..");
    CHECK_TEXT(jv_format_interval(JV_LANG_SV, null, JV_KIND_SHARE), "..");
    cJSON_Delete(null);
    cJSON_Delete(text);
}

static void test_booleans_are_yes_and_no_in_the_language(void)
{
    cJSON *t = cJSON_CreateTrue(), *f = cJSON_CreateFalse();
    CHECK_TEXT(jv_format_json(JV_LANG_SV, t, JV_KIND_NUMBER), "ja");
    CHECK_TEXT(jv_format_json(JV_LANG_SV, f, JV_KIND_NUMBER), "nej");
    CHECK_TEXT(jv_format_json(JV_LANG_EN, t, JV_KIND_NUMBER), "yes");
    cJSON_Delete(t);
    cJSON_Delete(f);
}

static void test_intervals_join_limits_with_a_dash_or_to(void)
{
    cJSON *share = cJSON_Parse("[0.35812689234467915, 0.7046843001720462]");
    cJSON *gap = cJSON_Parse("[-0.35040483125453925, 0.07054551058101133]");
    /* 35.81 → 35.8, 70.47 → 70.5 */
    CHECK_TEXT(jv_format_interval(JV_LANG_SV, share, JV_KIND_SHARE), "35,8\xe2\x80\x93"
                                                                     "70,5 %");
    CHECK_TEXT(jv_format_interval(JV_LANG_EN, share, JV_KIND_SHARE), "35.8\xe2\x80\x93"
                                                                     "70.5%");
    /* -35.04 → -35.0, 7.05 → +7.1 */
    CHECK_TEXT(jv_format_interval(JV_LANG_SV, gap, JV_KIND_DIFFERENCE), "-35,0 till +7,1 p.e.");
    CHECK_TEXT(jv_format_interval(JV_LANG_EN, gap, JV_KIND_DIFFERENCE), "-35.0 to +7.1 pp");
    cJSON_Delete(share);
    cJSON_Delete(gap);
}

static void test_confidence_and_band_read_as_people_write_them(void)
{
    CHECK_TEXT(jv_format_ci_name(JV_LANG_SV, 0.95), "95 % KI");
    CHECK_TEXT(jv_format_ci_name(JV_LANG_EN, 0.95), "95% CI");
    CHECK_TEXT(jv_format_ci_name(JV_LANG_SV, 0.995), "99,5 % KI");
    CHECK_TEXT(jv_format_band(JV_LANG_SV, 0.4, 0.6), "40\xe2\x80\x93"
                                                     "60 %");
    CHECK_TEXT(jv_format_band(JV_LANG_EN, 0.35, 0.65), "35\xe2\x80\x93"
                                                       "65%");
}

static char *exact(double x, char mark)
{
    GString *s = g_string_new(NULL);
    jv_format_exact(s, x, mark);
    return g_string_free(s, FALSE);
}

static void test_exact_numbers_are_shortest_without_exponent(void)
{
    CHECK_TEXT(exact(0.1, '.'), "0.1");
    CHECK_TEXT(exact(0.3, ','), "0,3");
    CHECK_TEXT(exact(1e-7, '.'), "0.0000001");
    CHECK_TEXT(exact(1e21, '.'), "1000000000000000000000");
    CHECK_TEXT(exact(9275000, ','), "9275000");
    CHECK_TEXT(exact(-0.5, ','), "-0,5");
    CHECK_TEXT(exact(0, ','), "0");
    CHECK_TEXT(exact(1.0 / 3.0, '.'), "0.3333333333333333");
}

static void test_exact_numbers_read_back_as_the_same_double(void)
{
    GRand *rand = g_rand_new_with_seed(7);
    for (int i = 0; i < 2000; i++) {
        double x = g_rand_double(rand) * pow(10, g_rand_int_range(rand, -12, 16));
        if (i % 2)
            x = -x;
        char *text = exact(x, ',');
        CU_ASSERT_PTR_NULL(strpbrk(text, "eE"));
        for (char *p = text; *p; p++)
            if (*p == ',')
                *p = '.';
        CU_ASSERT_EQUAL(g_ascii_strtod(text, NULL), x);
        g_free(text);
    }
    g_rand_free(rand);
}

static void test_measure_kinds_follow_names(void)
{
    CU_ASSERT_EQUAL(jv_kind_for_measure("applications"), JV_KIND_COUNT);
    CU_ASSERT_EQUAL(jv_kind_for_measure("amount_granted"), JV_KIND_AMOUNT);
    CU_ASSERT_EQUAL(jv_kind_for_measure("approval_rate"), JV_KIND_SHARE);
    CU_ASSERT_EQUAL(jv_kind_for_measure("grant_ratio"), JV_KIND_SHARE);
    CU_ASSERT_EQUAL(jv_kind_for_measure("progress"), JV_KIND_SHARE);
    CU_ASSERT_EQUAL(jv_kind_for_measure("hours_per_person"), JV_KIND_NUMBER);
    /* a custom plugin's names */
    CU_ASSERT_EQUAL(jv_kind_for_measure("completion_rate"), JV_KIND_SHARE);
    CU_ASSERT_EQUAL(jv_kind_for_measure("pay_gap"), JV_KIND_DIFFERENCE);
    CU_ASSERT_EQUAL(jv_kind_for_measure("mentees"), JV_KIND_NUMBER);
    CU_ASSERT_EQUAL(jv_kind_for_unit("rate"), JV_KIND_SHARE);
    CU_ASSERT_EQUAL(jv_kind_for_unit("difference"), JV_KIND_DIFFERENCE);
    CU_ASSERT_EQUAL(jv_kind_for_unit(NULL), JV_KIND_NUMBER);
}

static void test_language_names_are_sv_or_en(void)
{
    /* A name is a language when it is "sv" or "en", alone or as a locale's
     * language part (before _ . - or @); anything else is none. */
    static const struct {
        const char *name;
        gboolean known;
        jv_lang lang;
    } cases[] = {
        {"sv", TRUE, JV_LANG_SV},
        {"en", TRUE, JV_LANG_EN},
        {"sv_SE.UTF-8", TRUE, JV_LANG_SV},
        {"en_GB", TRUE, JV_LANG_EN},
        {"svenska", FALSE, 0},
        {"de_DE", FALSE, 0},
        {NULL, FALSE, 0},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        jv_lang lang = JV_LANG_EN;
        CU_ASSERT_EQUAL(jv_lang_parse(cases[i].name, &lang) != 0, cases[i].known);
        if (cases[i].known)
            CU_ASSERT_EQUAL(lang, cases[i].lang);
    }
}

static void clear_locale(void)
{
    g_unsetenv("LANGUAGE");
    g_unsetenv("LC_ALL");
    g_unsetenv("LC_MESSAGES");
    g_unsetenv("LANG");
}

static void test_language_follows_the_locale_like_gettext(void)
{
    clear_locale();
    CU_ASSERT_EQUAL(jv_lang_from_environment(), JV_LANG_EN);
    g_setenv("LANG", "sv_SE.UTF-8", TRUE);
    CU_ASSERT_EQUAL(jv_lang_from_environment(), JV_LANG_SV);
    /* LC_ALL wins over LANG */
    g_setenv("LC_ALL", "C", TRUE);
    CU_ASSERT_EQUAL(jv_lang_from_environment(), JV_LANG_EN);
    /* LANGUAGE is read only when the locale is not C */
    g_setenv("LANGUAGE", "sv", TRUE);
    CU_ASSERT_EQUAL(jv_lang_from_environment(), JV_LANG_EN);
    g_setenv("LC_ALL", "en_US.UTF-8", TRUE);
    g_setenv("LANGUAGE", "de:sv:en", TRUE);
    CU_ASSERT_EQUAL(jv_lang_from_environment(), JV_LANG_SV);
    clear_locale();
}

static void test_swedish_catalogue_translates_and_passes_unknown_text(void)
{
    CU_ASSERT_TRUE(jv_catalog_sv_length > 50);
    CU_ASSERT_STRING_EQUAL(jv_tr(JV_LANG_SV, "Women"), "Kvinnor");
    CU_ASSERT_STRING_EQUAL(jv_tr(JV_LANG_EN, "Women"), "Women");
    CU_ASSERT_STRING_EQUAL(jv_tr(JV_LANG_SV, "Women's share of mentees"),
                           "Women's share of mentees");
    CU_ASSERT_STRING_EQUAL(jv_label_gender(JV_LANG_SV, "total"), "Totalt");
    CU_ASSERT_STRING_EQUAL(jv_label_balance(JV_LANG_SV, "men_dominated"), "mansdominerad");
    CU_ASSERT_STRING_EQUAL(jv_label_key(JV_LANG_SV, "custom_measure"), "custom_measure");
    CU_ASSERT_STRING_EQUAL(jv_label_value(JV_LANG_SV, "status", "partly_met"), "Delvis uppfyllt");
    /* a breakdown value is data, never translated */
    CU_ASSERT_STRING_EQUAL(jv_label_value(JV_LANG_SV, "value", "met"), "met");
}

static void test_every_builtin_headline_label_has_swedish(void)
{
    for (size_t i = 0; i < jv_label_plugin_texts_length; i++)
        CU_ASSERT_STRING_NOT_EQUAL(jv_tr(JV_LANG_SV, jv_label_plugin_texts[i]),
                                   jv_label_plugin_texts[i]);
}

static void test_main_measure_comes_from_the_headline(void)
{
    cJSON *funding =
        cJSON_Parse("{\"women_share\": {\"applications\": 0.3, \"amount_granted\": 0.4},"
                    " \"headline\": {\"metric\": \"women_share_amount_granted\"}}");
    cJSON *training = cJSON_Parse("{\"women_share\": {\"persons_reached\": 0.5, \"hours\": 0.6},"
                                  " \"headline\": {\"metric\": \"reach_gap\"}}");
    cJSON *none = cJSON_Parse("{\"goals\": 3}");
    CU_ASSERT_STRING_EQUAL(jv_doc_main_measure(funding), "amount_granted");
    CU_ASSERT_STRING_EQUAL(jv_doc_main_measure(training), "persons_reached");
    CU_ASSERT_PTR_NULL(jv_doc_main_measure(none));
    cJSON_Delete(funding);
    cJSON_Delete(training);
    cJSON_Delete(none);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"share_is_percent_with_one_decimal_per_language",
         test_share_is_percent_with_one_decimal_per_language},
        {"rounding_is_half_away_from_zero", test_rounding_is_half_away_from_zero},
        {"a_value_rounding_to_zero_has_no_minus_sign",
         test_a_value_rounding_to_zero_has_no_minus_sign},
        {"difference_is_signed_percentage_points", test_difference_is_signed_percentage_points},
        {"counts_and_amounts_are_grouped_by_thousands",
         test_counts_and_amounts_are_grouped_by_thousands},
        {"other_numbers_have_one_decimal_unless_whole",
         test_other_numbers_have_one_decimal_unless_whole},
        {"null_and_non_numbers_are_two_dots", test_null_and_non_numbers_are_two_dots},
        {"booleans_are_yes_and_no_in_the_language", test_booleans_are_yes_and_no_in_the_language},
        {"intervals_join_limits_with_a_dash_or_to", test_intervals_join_limits_with_a_dash_or_to},
        {"confidence_and_band_read_as_people_write_them",
         test_confidence_and_band_read_as_people_write_them},
        {"exact_numbers_are_shortest_without_exponent",
         test_exact_numbers_are_shortest_without_exponent},
        {"exact_numbers_read_back_as_the_same_double",
         test_exact_numbers_read_back_as_the_same_double},
        {"measure_kinds_follow_names", test_measure_kinds_follow_names},
        {"language_names_are_sv_or_en", test_language_names_are_sv_or_en},
        {"language_follows_the_locale_like_gettext", test_language_follows_the_locale_like_gettext},
        {"swedish_catalogue_translates_and_passes_unknown_text",
         test_swedish_catalogue_translates_and_passes_unknown_text},
        {"every_builtin_headline_label_has_swedish", test_every_builtin_headline_label_has_swedish},
        {"main_measure_comes_from_the_headline", test_main_measure_comes_from_the_headline},
        {NULL, NULL}};
    return jvt_main("render format", tests);
}
