/* tests/test_not_data.c — rows that are not data (core/data/not_data.h),
 * the Windows-1252 look at a file (encoding_sniff.h) and the dash zero
 * (convert.h), on hand-made cells. The shape is a funding table
 * "id;gender;amount_granted;decision" whose required non-number role is
 * gender (field 1) and whose first amount is field 2. */
#include <string.h>

#include "data/convert.h"
#include "data/encoding_sniff.h"
#include "data/not_data.h"
#include "harness.h"

#include <jamvikt/plugin.h>

static GPtrArray *header;
static jv_row_shape shape;

/* A role of a shape: its field in the header, its kind and flags. */
typedef struct role_at {
    int field;
    jv_cell_kind kind;
    unsigned flags;
} role_at;

/* The header of `names` (NULL-ended; unref it after clearing the shape)
 * and, in *shape, the shape of rows under it with these roles. */
static GPtrArray *shape_of(jv_row_shape *shape, const char *const *names, const role_at *at,
                           size_t n_roles)
{
    GPtrArray *names_array = g_ptr_array_new();
    for (; *names != NULL; names++)
        g_ptr_array_add(names_array, (gpointer)*names);
    jv_role_column roles[4] = {0};
    for (size_t i = 0; i < n_roles && i < G_N_ELEMENTS(roles); i++) {
        roles[i].field = at[i].field;
        roles[i].kind = at[i].kind;
        roles[i].request.flags = at[i].flags;
    }
    jv_row_shape_init(shape, names_array, roles, n_roles);
    return names_array;
}

/* A funding-like shape: gender and amount_granted required. */
static void setup(void)
{
    static const char *const names[] = {"id", "gender", "amount_granted", "decision", NULL};
    static const role_at at[] = {{1, JV_CELL_GENDER, JV_ROLE_REQUIRED},
                                 {2, JV_CELL_NUMBER, JV_ROLE_REQUIRED}};
    header = shape_of(&shape, names, at, G_N_ELEMENTS(at));
}

static void teardown(void)
{
    jv_row_shape_clear(&shape);
    g_ptr_array_unref(header);
}

/* The cells of a ';'-separated line (no quotes). */
static char *row_test(char *(*test)(const jv_row_shape *, const jv_string *, size_t),
                      const char *line)
{
    char **parts = g_strsplit(line, ";", -1);
    size_t n = g_strv_length(parts);
    jv_string *cells = g_new(jv_string, n);
    for (size_t i = 0; i < n; i++)
        cells[i] = (jv_string){parts[i], (uint32_t)strlen(parts[i])};
    char *m = test(&shape, cells, n);
    g_free(cells);
    g_strfreev(parts);
    return m;
}

static gboolean total(const char *line)
{
    char *m = row_test(jv_row_converted_not_data_message, line);
    g_free(m);
    return m != NULL;
}

static void test_total_rows_are_found_in_their_shapes(void)
{
    setup();
    CU_ASSERT(total("Summa;;45 000 000;")); /* Excel's total row */
    CU_ASSERT(total("TOTALT;;1;"));         /* any case */
    CU_ASSERT(total("Delsumma:;;1;"));      /* with a colon */
    CU_ASSERT(total("Totalt Örebro;;1;"));  /* followed by words */
    CU_ASSERT(total(";Summa;1;"));          /* in the gender column itself */
    CU_ASSERT(total("  Grand total ;;1;")); /* trimmed */
    /* not totals: a filled gender, a word after the amounts, a longer word */
    CU_ASSERT_FALSE(total("Summa;kvinna;1;"));
    CU_ASSERT_FALSE(total("7;;1;Summa"));
    CU_ASSERT_FALSE(total("Summer school;;1;"));
    CU_ASSERT_FALSE(total("Totalbolaget;;1;"));
    CU_ASSERT_FALSE(total("12;;1;beviljad")); /* empty gender alone is unknown */
    teardown();
}

/* A training-like shape: person (ID) and gender required, nothing else. */
static void test_a_note_that_converts_is_found(void)
{
    static const char *const columns[] = {"person", "gender", "hours", NULL};
    static const role_at at[] = {{0, JV_CELL_ID, JV_ROLE_REQUIRED},
                                 {1, JV_CELL_GENDER, JV_ROLE_REQUIRED},
                                 {2, JV_CELL_NUMBER, 0}};
    jv_row_shape training;
    GPtrArray *names = shape_of(&training, columns, at, G_N_ELEMENTS(at));
    jv_string note[3] = {{"Källa: SCB", 11}, {"", 0}, {"", 0}};
    CU_ASSERT(jv_row_maybe_not_data(&training, note, 3, TRUE)); /* gender read empty */
    char *m = jv_row_converted_not_data_message(&training, note, 3);
    CU_ASSERT_PTR_NOT_NULL(m);
    g_free(m);
    /* a lone name is a person of unknown gender, not a note */
    jv_string name[3] = {{"Anna Svensson", 13}, {"", 0}, {"", 0}};
    m = jv_row_converted_not_data_message(&training, name, 3);
    CU_ASSERT_PTR_NULL(m);
    /* a filled row is not looked at */
    jv_string row[3] = {{"p1", 2}, {"kvinna", 6}, {"3", 1}};
    CU_ASSERT_FALSE(jv_row_maybe_not_data(&training, row, 3, FALSE));
    jv_row_shape_clear(&training);
    g_ptr_array_unref(names);
}

static void test_failed_rows_say_what_they_are(void)
{
    setup();
    char *m = row_test(jv_row_not_data_message, "id;gender;amount_granted;decision");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT(g_str_has_prefix(m, "this row is not data: it repeats the header"));
    CU_ASSERT(g_str_has_suffix(m, JV_NOT_DATA_HINT));
    g_free(m);
    m = row_test(jv_row_not_data_message, "Källa: SCB 2018");
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    CU_ASSERT(g_str_has_prefix(m, "this row is not data: it has only the text 'Källa: SCB 2018'"));
    g_free(m);
    /* a bad row of data stays a bad row of data */
    m = row_test(jv_row_not_data_message, "3;kvinna;12 kr;beviljad");
    CU_ASSERT_PTR_NULL(m);
    m = row_test(jv_row_not_data_message, "abc123;;;");
    CU_ASSERT_PTR_NULL(m); /* one cell, but no space: an id, not a note */
    teardown();
}

static void test_windows_1252_is_told_from_utf8(void)
{
    /* "hälsa" in UTF-8 (C3 A4), in Windows-1252 (E4), and both mixed */
    CU_ASSERT_EQUAL(jv_encoding_sniff_bytes("h\xc3\xa4lsa\n", 7, FALSE), JV_SNIFF_UTF8);
    CU_ASSERT_EQUAL(jv_encoding_sniff_bytes("h\xe4lsa\n", 6, FALSE), JV_SNIFF_1252);
    CU_ASSERT_EQUAL(jv_encoding_sniff_bytes("h\xe4lsa \xc3\xa4\n", 9, FALSE), JV_SNIFF_MIXED);
    /* 0x81 is undefined in Windows-1252: no guess */
    CU_ASSERT_EQUAL(jv_encoding_sniff_bytes("a\x81"
                                            "b",
                                            3, FALSE),
                    JV_SNIFF_MIXED);
    /* a UTF-8 sequence cut by the end of the part looked at is not bad */
    CU_ASSERT_EQUAL(jv_encoding_sniff_bytes("ab\xc3", 3, TRUE), JV_SNIFF_UTF8);
}

static void test_a_lone_dash_is_excels_zero(void)
{
    CU_ASSERT(jv_convert_is_dash("-", 1));
    CU_ASSERT(jv_convert_is_dash("\xe2\x80\x93", 3)); /* – U+2013 */
    CU_ASSERT_FALSE(jv_convert_is_dash("--", 2));
    CU_ASSERT_FALSE(jv_convert_is_dash("-5", 2));
}

int main(void)
{
    static const jvt_test tests[] = {
        {"total_rows_are_found_in_their_shapes", test_total_rows_are_found_in_their_shapes},
        {"failed_rows_say_what_they_are", test_failed_rows_say_what_they_are},
        {"a_note_that_converts_is_found", test_a_note_that_converts_is_found},
        {"windows_1252_is_told_from_utf8", test_windows_1252_is_told_from_utf8},
        {"a_lone_dash_is_excels_zero", test_a_lone_dash_is_excels_zero},
        {NULL, NULL},
    };
    return jvt_main("not_data", tests);
}
