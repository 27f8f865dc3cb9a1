/* tests/test_table_values.c — cell values as a table reader converts them
 * (batch.h rules 2 and 3; INDICATORS.md "Gender categories" and "Exact
 * sums"): gender codes with defaults, user codes and the SCB warning;
 * categories and their dictionaries; empty cells; numbers with decimal
 * commas and rounding; encodings. Messages are checked word for word. */
#include <string.h>

#include "harness.h"
#include "table_test_util.h"

static const jv_role_request gender_role[] = {
    {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED}};

/* Reads `text` whole into one rowset (tests use few rows). */
static jv_table_reader *read_one(const char *text, gssize length, const jv_table_source *source,
                                 const jv_role_request *roles, size_t n_roles,
                                 const jv_rowset **rowset)
{
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text(text, length, source, roles, n_roles, &error);
    if (error != NULL)
        fprintf(stderr, "\n  %s\n", error->message);
    g_assert(r != NULL);
    *rowset = jv_table_reader_next(r, &error);
    if (error != NULL)
        fprintf(stderr, "\n  %s\n", error->message);
    g_clear_error(&error);
    return r;
}

static GHashTable *codes_for(const char *role, const char *code, const char *canonical)
{
    GHashTable *inner = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(inner, (gpointer)code, (gpointer)canonical);
    GHashTable *outer =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_hash_table_unref);
    g_hash_table_insert(outer, (gpointer)role, inner);
    return outer;
}

static void test_gender_codes_map_and_empty_is_unknown(void)
{
    const jv_rowset *rs;
    /* Kvinna, MÄN, x, blandat, okänd, empty (required, still unknown), "  k " */
    jv_table_reader *r = read_one("gender\nKvinna\nMÄN\nx\nblandat\nokänd\n\"\"\n  k \n", -1, NULL,
                                  gender_role, 1, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL_FATAL(rs->n_rows, 7);
    static const uint32_t expected[] = {JV_WOMAN,   JV_MAN,     JV_NON_BINARY, JV_MIXED,
                                        JV_UNKNOWN, JV_UNKNOWN, JV_WOMAN};
    for (size_t i = 0; i < 7; i++)
        CU_ASSERT_EQUAL(rs->columns[0].codes[i], expected[i]);
    /* the fixed dictionary: woman, man, non_binary, mixed, unknown */
    const jv_dict *d = rs->columns[0].dict;
    CU_ASSERT_EQUAL_FATAL(d->size, 5);
    CU_ASSERT_STRING_EQUAL(d->values[JV_NON_BINARY].data, "non_binary");
    CU_ASSERT_STRING_EQUAL(d->values[JV_UNKNOWN].data, "unknown");
    /* the empty cell (line 7) is unknown, and said once for the file */
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, NULL));
    CU_ASSERT_EQUAL_FATAL(jv_table_reader_warnings(r)->len, 1);
    CU_ASSERT(g_str_has_suffix(g_ptr_array_index(jv_table_reader_warnings(r), 0),
                               ": column 'gender': 1 row has an empty gender cell, read as "
                               "gender unknown"));
    jv_table_reader_free(r);
}

static void test_unknown_gender_code_lists_the_accepted_codes(void)
{
    GHashTable *columns = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(columns, "gender", "recipient_gender");
    jv_table_source source = {.columns = columns};
    jvt_expect_read_error("id,recipient_gender\n1,k\n2,kv\n", &source, gender_role, 1,
                          JV_DATA_ERROR_VALUE,
                          "f.csv:3: column 'recipient_gender': unknown gender code 'kv' — "
                          "accepted: woman, women, female, f, k, kvinna, kvinnor, 2, man, men, "
                          "male, m, män, 1, non_binary, non-binary, nonbinary, x, icke-binär, "
                          "ickebinär, mixed, blandat, both, unknown, okänd, okänt, uppgift "
                          "saknas, .., - (add it under \"codes\" in the evaluation file)");
    g_hash_table_unref(columns);
}

static void test_scb_codes_give_one_warning_per_file(void)
{
    const jv_rowset *rs;
    /* SCB: 1 = man, 2 = woman; three such rows, one warning */
    GHashTable *columns = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(columns, "gender", "kön");
    jv_table_source source = {.columns = columns};
    jv_table_reader *r = read_one("kön\n1\n2\n1\nk\n", -1, &source, gender_role, 1, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    jvt_assert_codes(&rs->columns[0], (const uint32_t[]){JV_MAN, JV_WOMAN, JV_MAN}, 3);
    char *w = jvt_warnings(r);
    CU_ASSERT_STRING_EQUAL(w, "f.csv: column 'kön': the codes 1 and 2 were read as 1 = man, "
                              "2 = woman (SCB's coding); some systems code them the other way "
                              "round — if this file does, map them under \"codes\" in the "
                              "evaluation file");
    g_free(w);
    jv_table_reader_free(r);
    g_hash_table_unref(columns);
}

static void test_user_codes_win_and_silence_the_scb_warning(void)
{
    GHashTable *codes = codes_for("gender", "1", "woman"); /* this system: 1 = woman */
    g_hash_table_insert(g_hash_table_lookup(codes, "gender"), "2", "man");
    g_hash_table_insert(g_hash_table_lookup(codes, "gender"), "KV", "woman");
    jv_table_source source = {.codes = codes};
    const jv_rowset *rs;
    jv_table_reader *r = read_one("gender\n1\n2\nkv\nm\n", -1, &source, gender_role, 1, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    jvt_assert_codes(&rs->columns[0], (const uint32_t[]){JV_WOMAN, JV_MAN, JV_WOMAN}, 3);
    CU_ASSERT_EQUAL(rs->columns[0].codes[3], JV_MAN); /* defaults still apply */
    CU_ASSERT_EQUAL(jv_table_reader_warnings(r)->len, 0);
    jv_table_reader_free(r);
    g_hash_table_unref(codes);
}

static void test_wrong_user_codes_are_errors_when_opening(void)
{
    GHashTable *codes = codes_for("gender", "KV", "kvinna");
    jv_table_source source = {.codes = codes};
    jvt_expect_open_error("gender\nKV\n", &source, gender_role, 1, JV_DATA_ERROR_VALUE,
                          "f.csv: \"codes\" for 'gender' map 'KV' to 'kvinna', which is not a "
                          "gender; use one of woman, man, non_binary, mixed, unknown");
    g_hash_table_unref(codes);
    static const jv_role_request amount[] = {{.name = "amount", .type = JV_TYPE_NUMBER}};
    codes = codes_for("amount", "x", "1");
    source.codes = codes;
    jvt_expect_open_error("amount\n1\n", &source, amount, 1, JV_DATA_ERROR_VALUE,
                          "f.csv: \"codes\" are given for 'amount', which holds numbers; codes "
                          "apply only to gender and category columns");
    g_hash_table_unref(codes);
}

static const jv_role_request category_roles[] = {
    {.name = "sector",
     .type = JV_TYPE_CATEGORY,
     .flags = JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE},
    {.name = "decision",
     .type = JV_TYPE_CATEGORY,
     .codes = "granted=beviljad,beviljat|rejected=avslag"},
    {.name = "area", .type = JV_TYPE_CATEGORY},
};

static void test_category_values_are_trimmed_interned_and_coded(void)
{
    const jv_rowset *rs;
    /* sector: ict, " ict " = ict, empty = "" (a value), Ict (another value)
     * decision: avslag (1), empty (missing), BEVILJAT (0), granted (0)
     * area: x, empty (missing), x, y */
    jv_table_reader *r = read_one("sector;decision;area\n"
                                  "ict;avslag;x\n"
                                  " ict ;;\n"
                                  ";BEVILJAT;x\n"
                                  "Ict;granted;y\n",
                                  -1, NULL, category_roles, 3, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL_FATAL(rs->n_rows, 4);
    const jv_column *c = rs->columns;
    jvt_assert_codes(&c[0], (const uint32_t[]){0, 0, 1, 2}, 4);
    CU_ASSERT_PTR_NULL(c[0].missing); /* "" is a value, not missing */
    CU_ASSERT_EQUAL_FATAL(c[0].dict->size, 3);
    CU_ASSERT_STRING_EQUAL(c[0].dict->values[1].data, "");
    CU_ASSERT_STRING_EQUAL(c[0].dict->values[2].data, "Ict");
    CU_ASSERT_EQUAL(c[0].dict->values[2].length, 3);
    /* decision: the dictionary is its canonicals, in order */
    CU_ASSERT_EQUAL_FATAL(c[1].dict->size, 2);
    CU_ASSERT_STRING_EQUAL(c[1].dict->values[0].data, "granted");
    CU_ASSERT_STRING_EQUAL(c[1].dict->values[1].data, "rejected");
    CU_ASSERT_EQUAL(c[1].codes[0], 1);
    CU_ASSERT_EQUAL(c[1].missing[1], 1);
    CU_ASSERT_EQUAL(c[1].codes[2], 0);
    CU_ASSERT_EQUAL(c[1].codes[3], 0);
    CU_ASSERT_EQUAL(c[2].missing[1], 1);
    CU_ASSERT_EQUAL(c[2].codes[3], 1);
    /* dictionaries are told apart by id */
    CU_ASSERT_NOT_EQUAL(c[0].dict->id, c[1].dict->id);
    CU_ASSERT_NOT_EQUAL(c[0].dict->id, c[2].dict->id);
    jv_table_reader_free(r);
}

static void test_unknown_value_of_a_coded_category_is_an_error(void)
{
    jvt_expect_read_error("sector,decision\nict,maybe\n", NULL, category_roles, 2,
                          JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'decision': unknown value 'maybe' — accepted: "
                          "granted, beviljad, beviljat, rejected, avslag (add it under "
                          "\"codes\" in the evaluation file)");
}

static void test_user_codes_recode_a_plain_category(void)
{
    GHashTable *codes = codes_for("area", "ledarskap", "leadership");
    jv_table_source source = {.codes = codes};
    const jv_rowset *rs;
    /* Ledarskap → leadership, leadership stays, other stays */
    jv_table_reader *r = read_one("sector,area\na,Ledarskap\na,leadership\na,other\n", -1, &source,
                                  category_roles, 3, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    const jv_column *c = &rs->columns[2];
    CU_ASSERT_EQUAL_FATAL(c->dict->size, 2);
    CU_ASSERT_STRING_EQUAL(c->dict->values[0].data, "leadership");
    CU_ASSERT_STRING_EQUAL(c->dict->values[1].data, "other");
    CU_ASSERT_EQUAL(c->codes[0], 0);
    CU_ASSERT_EQUAL(c->codes[1], 0);
    CU_ASSERT_EQUAL(c->codes[2], 1);
    jv_table_reader_free(r);
    g_hash_table_unref(codes);
}

static void test_empty_cell_in_a_required_column_is_an_error(void)
{
    static const jv_role_request required[] = {
        {.name = "amount", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_REQUIRED},
        {.name = "area", .type = JV_TYPE_CATEGORY, .flags = JV_ROLE_REQUIRED}};
    jvt_expect_read_error("amount,area\n1,x\n2,  \n", NULL, required, 2, JV_DATA_ERROR_VALUE,
                          "f.csv:3: column 'area': empty cell in required column; fill it in "
                          "(or set \"on_error\": \"skip\" to leave such rows out)");
}

static const jv_role_request number_roles[] = {
    {.name = "amount", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_NONNEGATIVE},
    {.name = "weight", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_POSITIVE},
};

static void test_decimal_comma_follows_the_delimiter(void)
{
    const jv_rowset *rs;
    /* ';' file: 1,5 = 15000; 2.25 = 22500 ('.' always a decimal point) */
    jv_table_reader *r = read_one("amount;weight\n1,5;2.25\n", -1, NULL, number_roles, 2, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(rs->columns[0].numbers[0], 15000);
    CU_ASSERT_EQUAL(rs->columns[1].numbers[0], 22500);
    jv_table_reader_free(r);
    /* ',' file: a quoted "1,5" is refused unless "decimal" is "," */
    jvt_expect_read_error("amount,weight\n\"1,5\",1\n", NULL, number_roles, 2, JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'amount': '1,5' has a decimal comma, which this "
                          "table does not accept; set \"decimal\": \",\" in the evaluation "
                          "file");
    r = read_one("amount,weight\n\"1,5\",1\n", -1, &(jv_table_source){.decimal = ','}, number_roles,
                 2, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(rs->columns[0].numbers[0], 15000);
    jv_table_reader_free(r);
    /* ';' file with "decimal": "." refuses the comma */
    jvt_expect_read_error("amount;weight\n1,5;1\n", &(jv_table_source){.decimal = '.'},
                          number_roles, 2, JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'amount': '1,5' has a decimal comma, which this "
                          "table does not accept; set \"decimal\": \",\" in the evaluation "
                          "file");
}

static void test_rounded_values_are_counted_in_one_warning(void)
{
    const jv_rowset *rs;
    /* 0.00015 → 2 (half to even, 1.5 → 2), 1.00000 → 10000 (nothing
     * dropped: not counted), 0.12345 → 1234.5 → 1234 (to even), 7 */
    jv_table_reader *r = read_one("amount;weight\n0.00015;1\n1.00000;1\n0,12345;1\n7;1\n", -1, NULL,
                                  number_roles, 2, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    jvt_assert_numbers(&rs->columns[0], (const int64_t[]){2, 10000, 1234, 70000}, 4);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, NULL)); /* the end: warnings complete */
    char *w = jvt_warnings(r);
    CU_ASSERT_STRING_EQUAL(w, "f.csv: 2 values in column 'amount' had more than 4 decimals "
                              "and were rounded (half to even) to 4");
    g_free(w);
    jv_table_reader_free(r);
}

static void test_bad_numbers_are_errors_naming_the_cell(void)
{
    jvt_expect_read_error("amount;weight\n1;1\n922 337 203 685 478;1\n", NULL, number_roles, 2,
                          JV_DATA_ERROR_VALUE,
                          "f.csv:3: column 'amount': '922 337 203 685 478' is too large to be "
                          "summed exactly (the limit is about 9.2 × 10^14 for amounts, 9.2 × "
                          "10^18 for whole numbers)");
    jvt_expect_read_error("amount;weight\n-0,5;1\n", NULL, number_roles, 2, JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'amount': '-0,5' is negative, which is not allowed: "
                          "the value must be 0 or more");
    /* -0 is 0, which a non-negative role accepts; a positive one does not */
    jvt_expect_read_error("amount;weight\n-0;0\n", NULL, number_roles, 2, JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'weight': '0' is not allowed: the value must be "
                          "greater than 0");
    jvt_expect_read_error("amount;weight\n1 250 kr;1\n", NULL, number_roles, 2, JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'amount': '1 250 kr' is not a number: remove the "
                          "currency unit 'kr' from the column");
}

static void test_integer_boolean_and_id_columns(void)
{
    static const jv_role_request roles[] = {
        {.name = "person", .type = JV_TYPE_ID, .flags = JV_ROLE_REQUIRED},
        {.name = "count", .type = JV_TYPE_INTEGER, .flags = JV_ROLE_NONNEGATIVE},
        {.name = "completed", .type = JV_TYPE_BOOLEAN},
    };
    const jv_rowset *rs;
    /* " p1 " trimmed; 1 000 = 1000; ja = 1; nej = 0; empty = missing */
    jv_table_reader *r = read_one("person;count;completed\n p1 ;1 000;ja\np2;;nej\np3;3;\n", -1,
                                  NULL, roles, 3, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    const jv_column *c = rs->columns;
    CU_ASSERT_EQUAL(c[0].ids[0].length, 2);
    CU_ASSERT_STRING_EQUAL(c[0].ids[0].data, "p1");
    CU_ASSERT_STRING_EQUAL(c[0].ids[2].data, "p3");
    CU_ASSERT_EQUAL(c[1].numbers[0], 1000);
    CU_ASSERT_EQUAL(c[1].missing[1], 1);
    CU_ASSERT_EQUAL(c[1].numbers[2], 3);
    CU_ASSERT_EQUAL(c[2].booleans[0], 1);
    CU_ASSERT_EQUAL(c[2].booleans[1], 0);
    CU_ASSERT_EQUAL(c[2].missing[2], 1);
    jv_table_reader_free(r);
    jvt_expect_read_error("person;count;completed\np1;2,5;ja\n", NULL, roles, 3,
                          JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'count': '2,5' is not a whole number");
    jvt_expect_read_error("person;count;completed\np1;2;kanske\n", NULL, roles, 3,
                          JV_DATA_ERROR_VALUE,
                          "f.csv:2: column 'completed': 'kanske' is not yes or no; accepted: "
                          "ja, nej, yes, no, true, false, sant, falskt, 1, 0, j, n, y");
}

static void test_windows_1252_is_read_as_utf8(void)
{
    static const jv_role_request roles[] = {
        {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED},
        {.name = "sector", .type = JV_TYPE_CATEGORY},
        {.name = "amount", .type = JV_TYPE_NUMBER},
    };
    /* Windows-1252: 0xF6 ö, 0xE4 ä, 0xC4 Ä, 0xA0 no-break space */
    const char *text = "k\xf6n;sektor;amount\n"
                       "kvinna;h\xe4lsa;1\xa0"
                       "000\n"
                       "M\xc4N;h\xe4lsa;2\n";
    GHashTable *columns = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(columns, "gender", "kön");
    g_hash_table_insert(columns, "sector", "sektor");
    static const char *const names[] = {"windows-1252", "CP1252", "latin1", "iso-8859-1"};
    for (size_t k = 0; k < G_N_ELEMENTS(names); k++) {
        jv_table_source source = {.columns = columns, .encoding = names[k]};
        const jv_rowset *rs;
        jv_table_reader *r = read_one(text, -1, &source, roles, 3, &rs);
        CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
        CU_ASSERT_STRING_EQUAL(jv_table_reader_column_name(r, 0), "kön");
        CU_ASSERT_EQUAL(rs->columns[0].codes[0], JV_WOMAN);
        CU_ASSERT_EQUAL(rs->columns[0].codes[1], JV_MAN); /* MÄN folds to män */
        CU_ASSERT_EQUAL(rs->columns[1].dict->size, 1);
        CU_ASSERT_STRING_EQUAL(rs->columns[1].dict->values[0].data, "h\xc3\xa4lsa");
        CU_ASSERT_EQUAL(rs->columns[2].numbers[0], 10000000); /* 1 000 × 10^4 */
        jv_table_reader_free(r);
    }
    g_hash_table_unref(columns);
}

static void test_text_that_is_not_utf8_asks_for_windows_1252(void)
{
    static const jv_role_request roles[] = {{.name = "sector", .type = JV_TYPE_CATEGORY},
                                            {.name = "gender", .type = JV_TYPE_GENDER},
                                            {.name = "person", .type = JV_TYPE_ID}};
    static const char *const hint =
        "the text is not valid UTF-8; if the file was saved by Excel as \"CSV\" (not \"CSV "
        "UTF-8\"), set \"encoding\": \"windows-1252\" in the evaluation file";
    char *m = g_strdup_printf("f.csv:2: column 'sector': %s", hint);
    jvt_expect_read_error("sector,gender,person\nh\xe4lsa,k,p\n", NULL, roles, 3,
                          JV_DATA_ERROR_VALUE, m);
    g_free(m);
    m = g_strdup_printf("f.csv:2: column 'gender': %s", hint);
    jvt_expect_read_error("sector,gender,person\nx,m\xe4n,p\n", NULL, roles, 3, JV_DATA_ERROR_VALUE,
                          m);
    g_free(m);
    m = g_strdup_printf("f.csv:2: column 'person': %s", hint);
    jvt_expect_read_error("sector,gender,person\nx,k,\xf6\n", NULL, roles, 3, JV_DATA_ERROR_VALUE,
                          m);
    g_free(m);
}

/* Bytes that are not UTF-8 in a column no role reads: the run reads on,
 * and says it once for the file (check says it with line and column). */
static void test_text_not_utf8_in_an_unread_column_is_warned_once(void)
{
    static const jv_role_request roles[] = {{.name = "gender", .type = JV_TYPE_GENDER}};
    const jv_rowset *rs;
    jv_table_reader *r = read_one("note,gender\nh\xe4lsa,k\nh\xe4lsa,m\n", -1, NULL, roles, 1, &rs);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL_FATAL(rs->n_rows, 2);
    CU_ASSERT_EQUAL_FATAL(jv_table_reader_warnings(r)->len, 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(g_ptr_array_index(jv_table_reader_warnings(r), 0),
                                  "the file is not valid UTF-8: it looks like Windows-1252"));
    jv_table_reader_free(r);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"gender_codes_map_and_empty_is_unknown", test_gender_codes_map_and_empty_is_unknown},
        {"unknown_gender_code_lists_the_accepted_codes",
         test_unknown_gender_code_lists_the_accepted_codes},
        {"scb_codes_give_one_warning_per_file", test_scb_codes_give_one_warning_per_file},
        {"user_codes_win_and_silence_the_scb_warning",
         test_user_codes_win_and_silence_the_scb_warning},
        {"wrong_user_codes_are_errors_when_opening", test_wrong_user_codes_are_errors_when_opening},
        {"category_values_are_trimmed_interned_and_coded",
         test_category_values_are_trimmed_interned_and_coded},
        {"unknown_value_of_a_coded_category_is_an_error",
         test_unknown_value_of_a_coded_category_is_an_error},
        {"user_codes_recode_a_plain_category", test_user_codes_recode_a_plain_category},
        {"empty_cell_in_a_required_column_is_an_error",
         test_empty_cell_in_a_required_column_is_an_error},
        {"decimal_comma_follows_the_delimiter", test_decimal_comma_follows_the_delimiter},
        {"rounded_values_are_counted_in_one_warning",
         test_rounded_values_are_counted_in_one_warning},
        {"bad_numbers_are_errors_naming_the_cell", test_bad_numbers_are_errors_naming_the_cell},
        {"integer_boolean_and_id_columns", test_integer_boolean_and_id_columns},
        {"windows_1252_is_read_as_utf8", test_windows_1252_is_read_as_utf8},
        {"text_that_is_not_utf8_asks_for_windows_1252",
         test_text_that_is_not_utf8_asks_for_windows_1252},
        {"text_not_utf8_in_an_unread_column_is_warned_once",
         test_text_not_utf8_in_an_unread_column_is_warned_once},
        {NULL, NULL},
    };
    return jvt_main("table_values", tests);
}
