/* tests/test_table_reader.c — reading a table file into rowsets
 * (core/data/dataset.h): header and role mapping, row structure, line
 * numbers and positions, skip mode, rowset capacity, hashing, and the
 * messages of every error. Values are in tests/test_table_values.c. */
#include <string.h>

#include "harness.h"
#include "table_test_util.h"

/* The roles funding_share reads (INDICATORS.md), gender mapped below. */
static const jv_role_request funding_roles[] = {
    {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED},
    {.name = "amount_granted",
     .type = JV_TYPE_NUMBER,
     .flags = JV_ROLE_REQUIRED | JV_ROLE_NONNEGATIVE},
    {.name = "amount_applied", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_NONNEGATIVE},
    {.name = "decision",
     .type = JV_TYPE_CATEGORY,
     .codes = "granted=beviljad,beviljat|rejected=avslag,avslaget,avslagen"},
    {.name = "sector", .type = JV_TYPE_CATEGORY, .flags = JV_ROLE_EMPTY_IS_VALUE},
};
#define N_FUNDING G_N_ELEMENTS(funding_roles)

static GHashTable *gender_column(const char *column)
{
    GHashTable *t = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(t, "gender", (gpointer)column);
    return t;
}

static void test_typed_columns_come_in_request_order(void)
{
    static const char *const lines[] = {
        "id,recipient_gender,amount_granted,amount_applied,decision,sector\n",
        "1,woman,100,200,beviljad,ict\n",
        "2,Man,0,50.5,avslag,tourism\n",
        "3,,250000.25,,granted, ict \n",
    };
    char *text = g_strconcat(lines[0], lines[1], lines[2], lines[3], NULL);
    GHashTable *columns = gender_column("recipient_gender");
    jv_table_source source = {.columns = columns};
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text(text, -1, &source, funding_roles, N_FUNDING, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_STRING_EQUAL(jv_table_reader_column_name(r, 0), "recipient_gender");
    CU_ASSERT_STRING_EQUAL(jv_table_reader_column_name(r, 4), "sector");
    const jv_rowset *rs = jv_table_reader_next(r, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(rs->n_rows, 3);
    CU_ASSERT_EQUAL(rs->n_columns, N_FUNDING);
    const jv_column *c = rs->columns;
    CU_ASSERT_STRING_EQUAL(c[0].role, "gender");
    CU_ASSERT(c[0].present && c[1].present && c[4].present);
    /* woman, Man (case-insensitive), empty = unknown */
    jvt_assert_codes(&c[0], (const uint32_t[]){JV_WOMAN, JV_MAN, JV_UNKNOWN}, 3);
    CU_ASSERT_PTR_NULL(c[0].missing); /* a gender is never missing */
    /* 100 × 10^4; 0; 250000.25 × 10^4 */
    jvt_assert_numbers(&c[1], (const int64_t[]){1000000, 0, 2500002500}, 3);
    /* 200 × 10^4; 50.5 × 10^4; empty = missing */
    jvt_assert_numbers(&c[2], (const int64_t[]){2000000, 505000}, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c[2].missing);
    CU_ASSERT_EQUAL(c[2].missing[0] + c[2].missing[1], 0);
    CU_ASSERT_EQUAL(c[2].missing[2], 1);
    /* beviljad → granted (0), avslag → rejected (1), granted (0) */
    jvt_assert_codes(&c[3], (const uint32_t[]){0, 1, 0}, 3);
    /* ict, tourism, " ict " trimmed = ict */
    CU_ASSERT_EQUAL(c[4].dict->size, 2);
    jvt_assert_codes(&c[4], (const uint32_t[]){0, 1, 0}, 3);
    CU_ASSERT_STRING_EQUAL(c[4].dict->values[1].data, "tourism");
    /* rows start after the lines before them */
    CU_ASSERT_EQUAL(rs->positions[0], strlen(lines[0]));
    CU_ASSERT_EQUAL(rs->positions[1], strlen(lines[0]) + strlen(lines[1]));
    CU_ASSERT_EQUAL(rs->positions[2], strlen(lines[0]) + strlen(lines[1]) + strlen(lines[2]));
    CU_ASSERT_EQUAL(rs->lines[0], 2);
    CU_ASSERT_EQUAL(rs->lines[2], 4);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NULL(error);
    CU_ASSERT_EQUAL(jv_table_reader_rows(r), 3);
    CU_ASSERT_EQUAL(jv_table_reader_skipped(r), 0);
    CU_ASSERT_EQUAL(jv_table_reader_bytes(r), strlen(text));
    CU_ASSERT_PTR_NULL(jv_table_reader_sha256(r)); /* not asked for */
    /* row 3's empty gender: unknown, and counted for the file */
    CU_ASSERT_EQUAL_FATAL(jv_table_reader_warnings(r)->len, 1);
    CU_ASSERT(g_str_has_suffix(g_ptr_array_index(jv_table_reader_warnings(r), 0),
                               "column 'recipient_gender': 1 row has an empty gender cell, "
                               "read as gender unknown"));
    jv_table_reader_free(r);
    g_hash_table_unref(columns);
    g_free(text);
}

static void test_swedish_excel_export_is_read(void)
{
    /* tests/data/csv/funding_sv.csv (see its README): */
    GHashTable *columns = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(columns, "gender", "kön");
    g_hash_table_insert(columns, "amount_granted", "belopp_beviljat");
    g_hash_table_insert(columns, "amount_applied", "belopp_sökt");
    g_hash_table_insert(columns, "decision", "beslut");
    g_hash_table_insert(columns, "sector", "sektor");
    jv_table_source source = {.path = JV_SRCDIR "/tests/data/csv/funding_sv.csv",
                              .display_path = "funding_sv.csv",
                              .columns = columns};
    GError *error = NULL;
    jv_table_reader *r = jv_table_reader_open(&source, funding_roles, N_FUNDING, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    /* 4 rows; the blank line 5 is no row. Lines: header 1; row 1 on 2;
     * row 2 on 3 (its quoted CRLF ends on 4); blank 5; row 3 on 6; row 4
     * on 7 */
    const jv_rowset *rs = jvt_next_rows(r, &error, (const uint64_t[]){2, 3, 6, 7}, 4);
    /* Kvinna, man, okänd, K */
    const jv_column *c = rs->columns;
    jvt_assert_codes(&c[0], (const uint32_t[]){JV_WOMAN, JV_MAN, JV_UNKNOWN, JV_WOMAN}, 4);
    /* 1 250 000,50 (U+00A0 between thousands) = 12500005000; 0;
     * 12 345,6789 = 123456789; "  500 " = 5000000 */
    jvt_assert_numbers(&c[1], (const int64_t[]){12500005000, 0, 123456789, 5000000}, 4);
    /* 2 000 000 = 20000000000; 300 000 = 3000000000; 123456789; empty */
    jvt_assert_numbers(&c[2], (const int64_t[]){20000000000, 3000000000, 123456789}, 3);
    CU_ASSERT_EQUAL(c[2].missing[3], 1);
    /* Beviljad, avslag, beviljat, BEVILJAD */
    jvt_assert_codes(&c[3], (const uint32_t[]){0, 1, 0, 0}, 4);
    /* ict, turism, ict, " turism " */
    CU_ASSERT_EQUAL(c[4].dict->size, 2);
    CU_ASSERT_EQUAL(c[4].codes[3], 1);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NULL(error);
    jv_table_reader_free(r);
    g_hash_table_unref(columns);
}

static void test_missing_required_column_lists_the_file_columns(void)
{
    GHashTable *columns = gender_column("recipient_gender");
    jv_table_source source = {.columns = columns};
    jvt_expect_open_error("id;region;amount_granted\n1;x;5\n", &source, funding_roles, N_FUNDING,
                          JV_DATA_ERROR_COLUMN,
                          "f.csv: column 'recipient_gender' (role 'gender') not found; the "
                          "file has columns: id, region, amount_granted. Name the column for "
                          "'gender' under \"columns\" in the evaluation file");
    /* a column that differs only in case is suggested */
    jvt_expect_open_error("id;Recipient_Gender;amount_granted\n", &source, funding_roles, N_FUNDING,
                          JV_DATA_ERROR_COLUMN,
                          "f.csv: column 'recipient_gender' (role 'gender') not found (did you "
                          "mean 'Recipient_Gender'?); the file has columns: id, "
                          "Recipient_Gender, amount_granted. Name the column for 'gender' "
                          "under \"columns\" in the evaluation file");
    /* the role's own name when no mapping is given */
    jvt_expect_open_error("id,gender\n", NULL, funding_roles, N_FUNDING, JV_DATA_ERROR_COLUMN,
                          "f.csv: column 'amount_granted' not found; the file has columns: id, "
                          "gender. Name the column for 'amount_granted' under \"columns\" in "
                          "the evaluation file");
    g_hash_table_unref(columns);
}

static void test_header_read_with_the_wrong_delimiter_says_so(void)
{
    jv_table_source source = {.delimiter = ','};
    jvt_expect_open_error("gender;amount_granted\n", &source, funding_roles, N_FUNDING,
                          JV_DATA_ERROR_COLUMN,
                          "f.csv: column 'gender' not found; the file has columns: "
                          "gender;amount_granted. Name the column for 'gender' under "
                          "\"columns\" in the evaluation file; the header was read as one "
                          "column with ',' as delimiter: check \"delimiter\"");
}

static void test_missing_optional_column_is_not_present(void)
{
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text("gender,amount_granted\nk,1\nm,2\n", -1, NULL, funding_roles,
                                       N_FUNDING, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NULL(jv_table_reader_column_name(r, 2));
    const jv_rowset *rs = jv_table_reader_next(r, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    for (size_t i = 2; i < N_FUNDING; i++) {
        CU_ASSERT_FALSE(rs->columns[i].present);
        CU_ASSERT_PTR_NOT_NULL_FATAL(rs->columns[i].missing); /* every row missing */
        CU_ASSERT(rs->columns[i].missing[0] && rs->columns[i].missing[1]);
    }
    /* the coded decision keeps its dictionary of canonicals */
    CU_ASSERT_EQUAL(rs->columns[3].dict->size, 2);
    jv_table_reader_free(r);
}

static void test_duplicate_header_name_of_a_role_names_both_positions(void)
{
    jvt_expect_open_error("gender,sector,amount_granted,sector\n", NULL, funding_roles, N_FUNDING,
                          JV_DATA_ERROR_COLUMN,
                          "f.csv: column 'sector' (role 'sector') appears twice in the header, "
                          "as columns 2 and 4; rename one of them");
    /* a duplicate no role reads is harmless */
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text("note,gender,note,amount_granted\nx,k,y,1\n", -1, NULL,
                                       funding_roles, N_FUNDING, &error);
    CU_ASSERT_PTR_NOT_NULL(r);
    jv_table_reader_free(r);
}

static void test_row_with_another_number_of_fields_is_an_error(void)
{
    jvt_expect_read_error("gender,amount_granted,sector\nk,1,a\nk,2\n", NULL, funding_roles,
                          N_FUNDING, JV_DATA_ERROR_FORMAT,
                          "f.csv:3: row has 2 fields, the header has 3; a value that contains "
                          "the delimiter ',' must be in quotes");
}

static void test_blank_lines_are_no_rows(void)
{
    /* lines 2, 4 and 5 are blank (5 holds only delimiters); rows on 3, 6 */
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text("gender;amount_granted\n\nk;1\n  \n;\nm;2\n\n", -1, NULL,
                                       funding_roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    jvt_next_rows(r, &error, (const uint64_t[]){3, 6}, 2);
    jv_table_reader_free(r);
}

static void test_empty_file_is_an_error_and_header_only_gives_no_rows(void)
{
    jvt_expect_open_error("", NULL, funding_roles, N_FUNDING, JV_DATA_ERROR_FORMAT,
                          "f.csv: the file is empty; its first line must name the columns");
    jvt_expect_open_error("\xef\xbb\xbf\r\n\n", NULL, funding_roles, N_FUNDING,
                          JV_DATA_ERROR_FORMAT,
                          "f.csv: the file is empty; its first line must name the columns");
    GError *error = NULL;
    jv_table_reader *r =
        jvt_open_text("gender,amount_granted\n", -1, NULL, funding_roles, N_FUNDING, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NULL(error);
    CU_ASSERT_EQUAL(jv_table_reader_rows(r), 0);
    jv_table_reader_free(r);
}

static void test_missing_file_and_unknown_encoding_are_errors(void)
{
    GError *error = NULL;
    jv_table_source source = {.path = "/nonexistent/funding.csv", .display_path = "funding.csv"};
    CU_ASSERT_PTR_NULL(jv_table_reader_open(&source, funding_roles, N_FUNDING, &error));
    CU_ASSERT(g_error_matches(error, JV_DATA_ERROR, JV_DATA_ERROR_IO));
    CU_ASSERT_STRING_EQUAL(error->message, "funding.csv: cannot open /nonexistent/funding.csv: "
                                           "No such file or directory");
    g_clear_error(&error);
    jv_table_source ebcdic = {.encoding = "ebcdic"};
    jvt_expect_open_error("gender\n", &ebcdic, funding_roles, 1, JV_DATA_ERROR_FORMAT,
                          "f.csv: unknown encoding 'ebcdic'; use \"utf-8\" or \"windows-1252\"");
}

static void test_format_errors_stop_the_read_even_in_skip_mode(void)
{
    jv_table_source skip = {.on_error = JV_ON_ERROR_SKIP};
    jvt_expect_read_error("gender,amount_granted\nk,1\nk,\"2\n", &skip, funding_roles, 2,
                          JV_DATA_ERROR_FORMAT,
                          "f.csv:3: a quoted field opened on this line is never closed: a "
                          "closing quote (\") is missing");
}

static void test_skip_mode_counts_rows_and_keeps_five_reasons(void)
{
    jv_table_source skip = {.on_error = JV_ON_ERROR_SKIP};
    /* rows on lines 2..10; bad: 3, 4, 5, 6, 8, 9, 10 (7 rows); kept: 2, 7 */
    const char *text = "gender,amount_granted\n"
                       "k,1\n"    /* 2 kept */
                       "q,1\n"    /* 3 unknown gender code */
                       "k,-1\n"   /* 4 negative */
                       "k\n"      /* 5 one field */
                       "k,\n"     /* 6 empty required */
                       "m,2\n"    /* 7 kept */
                       "k,1 kr\n" /* 8 currency */
                       "k,1e3\n"  /* 9 exponent */
                       "k,x\n";   /* 10 not a number */
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text(text, -1, &skip, funding_roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const jv_rowset *rs = jvt_next_rows(r, &error, (const uint64_t[]){2, 7}, 2);
    CU_ASSERT_EQUAL(rs->columns[0].codes[1], JV_MAN);
    CU_ASSERT_EQUAL(rs->columns[1].numbers[1], 20000);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NULL(error);
    CU_ASSERT_EQUAL(jv_table_reader_rows(r), 2);
    CU_ASSERT_EQUAL(jv_table_reader_skipped(r), 7);
    const GPtrArray *w = jv_table_reader_warnings(r);
    CU_ASSERT_EQUAL_FATAL(w->len, 6);
    CU_ASSERT(g_str_has_prefix(g_ptr_array_index(w, 0),
                               "f.csv:3: column 'gender': unknown gender code 'q' — accepted: "));
    CU_ASSERT(g_str_has_suffix(g_ptr_array_index(w, 0), " (row skipped)"));
    /* the other five in full, in order */
    static const char *const rest[] = {
        "f.csv:4: column 'amount_granted': '-1' is negative, which is not "
        "allowed: the value must be 0 or more (row skipped)",
        "f.csv:5: row has 1 fields, the header has 2; a value that contains "
        "the delimiter ',' must be in quotes (row skipped)",
        "f.csv:6: column 'amount_granted': empty cell in required column; "
        "fill it in (or set \"on_error\": \"skip\" to leave such rows out) "
        "(row skipped)",
        "f.csv:8: column 'amount_granted': '1 kr' is not a number: remove "
        "the currency unit 'kr' from the column (row skipped)",
        "f.csv: 7 rows skipped because of errors (\"on_error\": \"skip\"); "
        "the first 5 are listed above",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(rest); i++)
        CU_ASSERT_STRING_EQUAL(g_ptr_array_index(w, i + 1), rest[i]);
    jv_table_reader_free(r);
}

static void test_skipped_row_leaves_no_value_in_a_dictionary(void)
{
    jv_table_source skip = {.on_error = JV_ON_ERROR_SKIP};
    /* line 3 has a new sector but a bad amount: "mining" must not appear */
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text("gender,amount_granted,sector\nk,1,ict\nk,-5,mining\n"
                                       "m,2,energy\n",
                                       -1, &skip, funding_roles, N_FUNDING, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const jv_rowset *rs = jv_table_reader_next(r, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
    CU_ASSERT_EQUAL(rs->n_rows, 2);
    const jv_dict *d = rs->columns[4].dict;
    CU_ASSERT_EQUAL_FATAL(d->size, 2);
    CU_ASSERT_STRING_EQUAL(d->values[0].data, "ict");
    CU_ASSERT_STRING_EQUAL(d->values[1].data, "energy");
    CU_ASSERT_EQUAL(rs->columns[4].codes[1], 1);
    char *w = jvt_warnings(r);
    CU_ASSERT_STRING_EQUAL(w, "f.csv:3: column 'amount_granted': '-5' is negative, which is "
                              "not allowed: the value must be 0 or more (row skipped)\n"
                              "f.csv: 1 row skipped because of errors (\"on_error\": \"skip\")");
    g_free(w);
    jv_table_reader_free(r);
}

static void test_rowsets_hold_at_most_capacity_rows_and_ids_stay_valid(void)
{
    /* 10000 rows of ~200 bytes (2 MB, more than the 1 MiB buffer):
     * rowsets of 4096, 4096 and 10000 − 8192 = 1808 rows */
    static const jv_role_request roles[] = {
        {.name = "person", .type = JV_TYPE_ID, .flags = JV_ROLE_REQUIRED},
        {.name = "n", .type = JV_TYPE_INTEGER}};
    GString *text = g_string_new("person,n\n");
    char pad[181];
    memset(pad, 'p', 180);
    pad[180] = '\0';
    for (int i = 0; i < 10000; i++)
        g_string_append_printf(text, "P%05d%s,%d\n", i, pad, i);
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text(text->str, (gssize)text->len, NULL, roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    static const size_t sizes[] = {4096, 4096, 1808};
    int row = 0;
    for (size_t k = 0; k < 3; k++) {
        const jv_rowset *rs = jv_table_reader_next(r, &error);
        CU_ASSERT_PTR_NOT_NULL_FATAL(rs);
        CU_ASSERT_EQUAL(rs->n_rows, sizes[k]);
        gboolean all_ok = TRUE;
        for (size_t i = 0; i < rs->n_rows; i++, row++) {
            char want[8];
            g_snprintf(want, sizeof want, "P%05d", row);
            const jv_string *id = &rs->columns[0].ids[i];
            all_ok &= id->length == 186 && memcmp(id->data, want, 6) == 0 &&
                      id->data[186] == '\0' && rs->columns[1].numbers[i] == row &&
                      rs->lines[i] == (uint64_t)row + 2;
        }
        CU_ASSERT(all_ok);
    }
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NULL(error);
    CU_ASSERT_EQUAL(jv_table_reader_rows(r), 10000);
    CU_ASSERT_EQUAL(jv_table_reader_bytes(r), text->len);
    jv_table_reader_free(r);
    g_string_free(text, TRUE);
}

static void test_sha256_covers_the_whole_file(void)
{
    const char *text = "\xef\xbb\xbfgender;amount_granted\r\nk;1\r\n";
    jv_table_source source = {.hash = TRUE};
    GError *error = NULL;
    jv_table_reader *r = jvt_open_text(text, -1, &source, funding_roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    while (jv_table_reader_next(r, &error) != NULL)
        ;
    char *expected = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
    CU_ASSERT_STRING_EQUAL(jv_table_reader_sha256(r), expected);
    g_free(expected);
    jv_table_reader_free(r);
}

static void test_reading_on_after_an_error_is_refused(void)
{
    GError *error = NULL;
    jv_table_reader *r =
        jvt_open_text("gender,amount_granted\nk,x\nk,1\n", -1, NULL, funding_roles, 2, &error);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    CU_ASSERT_PTR_NULL(jv_table_reader_next(r, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    jv_table_reader_free(r);
}

/* Random bytes drawn from the characters that matter (quotes, both
 * delimiters, line ends, NUL, spaces, bytes that are not UTF-8, digits,
 * gender codes) must always end in rows or an error: never a crash, a
 * hang or a leak (run under the sanitizers too). */
static void test_random_input_ends_in_rows_or_an_error(void)
{
    static const char *const pieces[] = {
        "\"",       ",",        ";",        "\n", "\r",  "\r\n",        " ",
        "\xc2\xa0", "\xe4",     "\xff",     "k",  "man", "1",           "2,5",
        "-3",       "1e5",      "kr",       "ja", "x",   "gender",      "amount_granted",
        "sector",   "decision", "beviljad", "",   "\t",  "\xef\xbb\xbf"};
    static const jv_role_request roles[] = {
        {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED},
        {.name = "amount_granted", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_NONNEGATIVE},
        {.name = "decision", .type = JV_TYPE_CATEGORY, .codes = "granted=beviljad|rejected=avslag"},
        {.name = "sector", .type = JV_TYPE_CATEGORY, .flags = JV_ROLE_EMPTY_IS_VALUE},
        {.name = "x", .type = JV_TYPE_ID},
        {.name = "ja", .type = JV_TYPE_BOOLEAN},
        {.name = "1", .type = JV_TYPE_INTEGER},
    };
    GRand *rand = g_rand_new_with_seed(2018);
    int opened = 0, rows = 0;
    for (int round = 0; round < 1500; round++) {
        GString *text = g_string_new(round % 3 ? "gender,amount_granted,sector,x\n" : "");
        int n = g_rand_int_range(rand, 0, 60);
        for (int k = 0; k < n; k++) {
            const char *piece = pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))];
            g_string_append_len(text, piece, piece[0] ? (gssize)strlen(piece) : 1);
        }
        jv_table_source source = {
            .on_error = round % 2 ? JV_ON_ERROR_SKIP : JV_ON_ERROR_STOP,
            .encoding = round % 5 == 0 ? "windows-1252" : NULL,
            .delimiter = round % 7 == 0 ? ';' : 0,
            .hash = round % 4 == 0,
        };
        GError *error = NULL;
        jv_table_reader *r = jvt_open_text(text->str, (gssize)text->len, &source, roles,
                                           G_N_ELEMENTS(roles), &error);
        if (r != NULL) {
            opened++;
            const jv_rowset *rs;
            while ((rs = jv_table_reader_next(r, &error)) != NULL)
                rows += (int)rs->n_rows;
            jv_table_reader_free(r);
        }
        CU_ASSERT(r != NULL || error != NULL);
        g_clear_error(&error);
        g_string_free(text, TRUE);
    }
    CU_ASSERT(opened > 0);
    CU_ASSERT(rows > 0);
    g_rand_free(rand);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"typed_columns_come_in_request_order", test_typed_columns_come_in_request_order},
        {"swedish_excel_export_is_read", test_swedish_excel_export_is_read},
        {"missing_required_column_lists_the_file_columns",
         test_missing_required_column_lists_the_file_columns},
        {"header_read_with_the_wrong_delimiter_says_so",
         test_header_read_with_the_wrong_delimiter_says_so},
        {"missing_optional_column_is_not_present", test_missing_optional_column_is_not_present},
        {"duplicate_header_name_of_a_role_names_both_positions",
         test_duplicate_header_name_of_a_role_names_both_positions},
        {"row_with_another_number_of_fields_is_an_error",
         test_row_with_another_number_of_fields_is_an_error},
        {"blank_lines_are_no_rows", test_blank_lines_are_no_rows},
        {"empty_file_is_an_error_and_header_only_gives_no_rows",
         test_empty_file_is_an_error_and_header_only_gives_no_rows},
        {"missing_file_and_unknown_encoding_are_errors",
         test_missing_file_and_unknown_encoding_are_errors},
        {"format_errors_stop_the_read_even_in_skip_mode",
         test_format_errors_stop_the_read_even_in_skip_mode},
        {"skip_mode_counts_rows_and_keeps_five_reasons",
         test_skip_mode_counts_rows_and_keeps_five_reasons},
        {"skipped_row_leaves_no_value_in_a_dictionary",
         test_skipped_row_leaves_no_value_in_a_dictionary},
        {"rowsets_hold_at_most_capacity_rows_and_ids_stay_valid",
         test_rowsets_hold_at_most_capacity_rows_and_ids_stay_valid},
        {"sha256_covers_the_whole_file", test_sha256_covers_the_whole_file},
        {"reading_on_after_an_error_is_refused", test_reading_on_after_an_error_is_refused},
        {"random_input_ends_in_rows_or_an_error", test_random_input_ends_in_rows_or_an_error},
        {NULL, NULL},
    };
    return jvt_main("table_reader", tests);
}
