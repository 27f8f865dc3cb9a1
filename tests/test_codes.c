/* tests/test_codes.c — gender codes (INDICATORS.md "Gender categories"),
 * the fixed values of a role declared with codes (plugin.h jv_role.codes)
 * and the user's codes from the evaluation file (core/data/codes.h). */
#include <string.h>

#include "data/codes.h"
#include "data/dataset.h"
#include "harness.h"

static int lookup(const jv_codes *codes, const char *text)
{
    return jv_codes_lookup(codes, text, strlen(text));
}

static GHashTable *user_codes(const char *code, const char *canonical)
{
    GHashTable *t = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(t, (gpointer)code, (gpointer)canonical);
    return t;
}

static void test_every_default_gender_code_maps_to_its_category(void)
{
    /* the table in INDICATORS.md, row by row (the empty cell is the
     * reader's: it never reaches a lookup) */
    static const struct {
        const char *code;
        int gender;
    } table[] = {
        {"woman", 0},
        {"women", 0},
        {"female", 0},
        {"f", 0},
        {"k", 0},
        {"kvinna", 0},
        {"kvinnor", 0},
        {"man", 1},
        {"men", 1},
        {"male", 1},
        {"m", 1},
        {"män", 1},
        {"non_binary", 2},
        {"non-binary", 2},
        {"nonbinary", 2},
        {"x", 2},
        {"icke-binär", 2},
        {"ickebinär", 2},
        {"mixed", 3},
        {"blandat", 3},
        {"both", 3},
        {"unknown", 4},
        {"okänd", 4},
        {"okänt", 4},
        {"uppgift saknas", 4},
        {"..", 4},
        {"-", 4},
    };
    GError *error = NULL;
    jv_codes *codes = jv_codes_new_gender(NULL, "f.csv", "gender", &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(codes);
    for (size_t i = 0; i < G_N_ELEMENTS(table); i++)
        CU_ASSERT_EQUAL(lookup(codes, table[i].code), table[i].gender);
    /* jv_gender order: woman, man, non_binary, mixed, unknown */
    CU_ASSERT_EQUAL(jv_codes_count(codes), 5);
    CU_ASSERT_STRING_EQUAL(jv_codes_canonical(codes, JV_NON_BINARY), "non_binary");
    jv_codes_free(codes);
}

static void test_gender_codes_match_with_unicode_case_folding(void)
{
    jv_codes *codes = jv_codes_new_gender(NULL, "f.csv", "gender", NULL);
    CU_ASSERT_EQUAL(lookup(codes, "KVINNA"), JV_WOMAN);
    CU_ASSERT_EQUAL(lookup(codes, "Kvinna"), JV_WOMAN);
    CU_ASSERT_EQUAL(lookup(codes, "MÄN"), JV_MAN); /* Ä folds to ä */
    CU_ASSERT_EQUAL(lookup(codes, "ICKE-BINÄR"), JV_NON_BINARY);
    CU_ASSERT_EQUAL(lookup(codes, "Uppgift Saknas"), JV_UNKNOWN);
    CU_ASSERT_EQUAL(lookup(codes, "ma\xcc\x88n"), JV_MAN); /* "män" decomposed (NFD) */
    CU_ASSERT_EQUAL(lookup(codes, "kvinnan"), -1);
    CU_ASSERT_EQUAL(lookup(codes, "3"), -1);
    jv_codes_free(codes);
}

static void test_scb_codes_one_and_two_are_flagged(void)
{
    jv_codes *codes = jv_codes_new_gender(NULL, "f.csv", "gender", NULL);
    /* SCB: 1 = man, 2 = woman, flagged so the reader warns */
    CU_ASSERT_EQUAL(lookup(codes, "1"), JV_MAN | JV_CODES_SCB);
    CU_ASSERT_EQUAL(lookup(codes, "2"), JV_WOMAN | JV_CODES_SCB);
    CU_ASSERT_EQUAL(lookup(codes, "m"), JV_MAN); /* no flag */
    jv_codes_free(codes);
}

static void test_user_gender_codes_are_added_and_win(void)
{
    GHashTable *user = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(user, "KV", "woman");
    g_hash_table_insert(user, "1", "woman"); /* this system codes 1 = woman */
    g_hash_table_insert(user, "2", "Man");   /* canonicals match case-insensitively */
    g_hash_table_insert(user, " ej svar ", "unknown");
    jv_codes *codes = jv_codes_new_gender(user, "f.csv", "gender", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(codes);
    CU_ASSERT_EQUAL(lookup(codes, "kv"), JV_WOMAN);
    CU_ASSERT_EQUAL(lookup(codes, "1"), JV_WOMAN); /* the user's code: no SCB flag */
    CU_ASSERT_EQUAL(lookup(codes, "2"), JV_MAN);
    CU_ASSERT_EQUAL(lookup(codes, "ej svar"), JV_UNKNOWN); /* codes are trimmed */
    CU_ASSERT_EQUAL(lookup(codes, "kvinna"), JV_WOMAN);    /* defaults stay */
    jv_codes_free(codes);
    g_hash_table_unref(user);
}

static void test_user_gender_code_to_a_non_gender_is_an_error(void)
{
    GHashTable *user = user_codes("KV", "kvinna");
    GError *error = NULL;
    CU_ASSERT_PTR_NULL(jv_codes_new_gender(user, "data/f.csv", "gender", &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT(g_error_matches(error, JV_DATA_ERROR, JV_DATA_ERROR_VALUE));
    CU_ASSERT_STRING_EQUAL(error->message,
                           "data/f.csv: \"codes\" for 'gender' map 'KV' to 'kvinna', which is "
                           "not a gender; use one of woman, man, non_binary, mixed, unknown");
    g_error_free(error);
    g_hash_table_unref(user);
}

static void test_accepted_gender_codes_are_listed_by_category(void)
{
    GHashTable *user = user_codes("KV", "woman");
    jv_codes *codes = jv_codes_new_gender(user, "f.csv", "gender", NULL);
    /* the defaults in table order, the user's code under its category */
    CU_ASSERT_STRING_EQUAL(jv_codes_accepted(codes),
                           "woman, women, female, f, k, kvinna, kvinnor, 2, KV, man, men, "
                           "male, m, män, 1, non_binary, non-binary, nonbinary, x, "
                           "icke-binär, ickebinär, mixed, blandat, both, unknown, okänd, "
                           "okänt, uppgift saknas, .., -");
    jv_codes_free(codes);
    g_hash_table_unref(user);
}

static const char *decision_codes = "granted=beviljad,beviljat|rejected=avslag, avslaget ,avslagen";

static void test_role_codes_give_canonicals_in_declaration_order(void)
{
    jv_codes *codes = jv_codes_new_closed(decision_codes, NULL, "f.csv", "decision", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(codes);
    CU_ASSERT(jv_codes_closed(codes));
    CU_ASSERT_EQUAL(jv_codes_count(codes), 2);
    CU_ASSERT_STRING_EQUAL(jv_codes_canonical(codes, 0), "granted");
    CU_ASSERT_STRING_EQUAL(jv_codes_canonical(codes, 1), "rejected");
    CU_ASSERT_EQUAL(lookup(codes, "granted"), 0); /* the canonical itself */
    CU_ASSERT_EQUAL(lookup(codes, "Beviljad"), 0);
    CU_ASSERT_EQUAL(lookup(codes, "avslaget"), 1); /* aliases are trimmed */
    CU_ASSERT_EQUAL(lookup(codes, "REJECTED"), 1);
    CU_ASSERT_EQUAL(lookup(codes, "pending"), -1);
    CU_ASSERT_STRING_EQUAL(jv_codes_accepted(codes),
                           "granted, beviljad, beviljat, rejected, avslag, avslaget, avslagen");
    jv_codes_free(codes);
}

static void test_user_codes_of_a_coded_role_must_name_its_canonicals(void)
{
    GHashTable *ok = user_codes("ja", "Granted");
    jv_codes *codes = jv_codes_new_closed(decision_codes, ok, "f.csv", "decision", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(codes);
    CU_ASSERT_EQUAL(lookup(codes, "JA"), 0);
    jv_codes_free(codes);
    g_hash_table_unref(ok);

    GHashTable *bad = user_codes("ja", "yes");
    GError *error = NULL;
    CU_ASSERT_PTR_NULL(jv_codes_new_closed(decision_codes, bad, "f.csv", "decision", &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_STRING_EQUAL(error->message,
                           "f.csv: \"codes\" for 'decision' map 'ja' to 'yes', which is not "
                           "one of its values; use one of granted, rejected");
    g_error_free(error);
    g_hash_table_unref(bad);
}

static void test_malformed_role_codes_are_an_error(void)
{
    GError *error = NULL;
    CU_ASSERT_PTR_NULL(jv_codes_new_closed("=x|y", NULL, "f.csv", "decision", &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT(strstr(error->message, "malformed codes") != NULL);
    g_error_free(error);
}

static void test_open_codes_recode_listed_values_only(void)
{
    GHashTable *user = user_codes("ICT-sektorn", "ict");
    jv_codes *codes = jv_codes_new_open(user);
    CU_ASSERT_FALSE(jv_codes_closed(codes));
    int i = lookup(codes, "ict-sektorn");
    CU_ASSERT_EQUAL_FATAL(i, 0);
    CU_ASSERT_STRING_EQUAL(jv_codes_canonical(codes, (guint)i), "ict");
    CU_ASSERT_EQUAL(lookup(codes, "tourism"), -1); /* passes through as it is */
    jv_codes_free(codes);
    g_hash_table_unref(user);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"every_default_gender_code_maps_to_its_category",
         test_every_default_gender_code_maps_to_its_category},
        {"gender_codes_match_with_unicode_case_folding",
         test_gender_codes_match_with_unicode_case_folding},
        {"scb_codes_one_and_two_are_flagged", test_scb_codes_one_and_two_are_flagged},
        {"user_gender_codes_are_added_and_win", test_user_gender_codes_are_added_and_win},
        {"user_gender_code_to_a_non_gender_is_an_error",
         test_user_gender_code_to_a_non_gender_is_an_error},
        {"accepted_gender_codes_are_listed_by_category",
         test_accepted_gender_codes_are_listed_by_category},
        {"role_codes_give_canonicals_in_declaration_order",
         test_role_codes_give_canonicals_in_declaration_order},
        {"user_codes_of_a_coded_role_must_name_its_canonicals",
         test_user_codes_of_a_coded_role_must_name_its_canonicals},
        {"malformed_role_codes_are_an_error", test_malformed_role_codes_are_an_error},
        {"open_codes_recode_listed_values_only", test_open_codes_recode_listed_values_only},
        {NULL, NULL},
    };
    return jvt_main("codes", tests);
}
