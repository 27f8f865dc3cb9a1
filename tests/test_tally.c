/* tests/test_tally.c — gender tallies through the real host table
 * (core/plugin): counting batches built by hand (skipped rows, lazy
 * interning, "" for a missing or absent breakdown cell), byte order with a
 * NUL byte and UTF-8, merge laws, the rule-2 checks (negative values and
 * overflow as row errors and errors), the disclosure groups and keys,
 * overlapping breakdowns (tally.h rule 8: tally_add_value, per-cell
 * checks, groups without a family, tally_key), and that
 * jv_host_fill_tally() fills what host.c's table holds. Save/load is
 * in test_tally_state.c, the map and the value list in test_map_values.c. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "plugin/host_impl.h"
#include "plugin/tally_impl.h"
#include "tally_spec.h"

static const int by_columns[] = {COL_SECTOR};

/* A batch of up to 8 rows: gender, sector (category), granted, amount. */
typedef struct test_batch {
    uint32_t genders[8];
    uint32_t sectors[8];
    uint8_t missing[8];
    uint64_t lines[8];
    jv_column columns[N_COLUMNS];
    jv_batch batch;
    jv_batch_source source;
} test_batch;

static const char *const column_names[] = {"gender", "sector", "granted", "amount"};

static void batch_init(test_batch *t, size_t n_rows, const jv_dict *dict, int present,
                       jv_on_error on_error)
{
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < 8; i++)
        t->lines[i] = i + 2; /* line 1 is the header */
    t->columns[COL_GENDER] =
        (jv_column){.role = "gender", .type = JV_TYPE_GENDER, .present = 1, .codes = t->genders};
    t->columns[COL_SECTOR] = (jv_column){.role = "sector",
                                         .type = JV_TYPE_CATEGORY,
                                         .present = present,
                                         .missing = present ? t->missing : NULL,
                                         .codes = present ? t->sectors : NULL,
                                         .dict = present ? dict : NULL};
    t->columns[COL_GRANTED] = (jv_column){.role = "granted", .type = JV_TYPE_BOOLEAN, .present = 1};
    t->columns[COL_AMOUNT] = (jv_column){.role = "amount", .type = JV_TYPE_NUMBER, .present = 1};
    t->source = (jv_batch_source){.display_path = "grants.csv",
                                  .lines = t->lines,
                                  .column_names = column_names,
                                  .on_error = on_error};
    t->batch = (jv_batch){.table = 0,
                          .n_rows = n_rows,
                          .n_columns = N_COLUMNS,
                          .columns = t->columns,
                          .source = &t->source};
}

static jv_tally *new_tally(void)
{
    ctx_reset();
    return jv_host_table()->tally_new(&ctx, &spec, 1, by_names, by_columns);
}

/* cells[g * NM + m] == (a, b, c) */
static void assert_cell(const int64_t *cells, int g, int64_t a, int64_t b, int64_t c)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(cells);
    CU_ASSERT_EQUAL(cells[g * NM + 0], a);
    CU_ASSERT_EQUAL(cells[g * NM + 1], b);
    CU_ASSERT_EQUAL(cells[g * NM + 2], c);
}

static void assert_value(const jv_tally *t, size_t i, const char *value, size_t length)
{
    size_t got = 99;
    const char *v = jv_host_table()->tally_value(t, 0, i, &got);
    CU_ASSERT_PTR_NOT_NULL_FATAL(v);
    CU_ASSERT_EQUAL(got, length);
    CU_ASSERT_TRUE(memcmp(v, value, length) == 0);
    CU_ASSERT_EQUAL(v[length], '\0');
}

static const jv_string abc[] = {{"A", 1}, {"B", 1}, {"C", 1}, {"D", 1}};

static void test_add_counts_rows_of_two_batches(void)
{
    const jv_host *h = jv_host_table();
    jv_tally *t = new_tally();
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    /* batch 1, dictionary A B C:
     *   woman A (1,1,100); man B (1,0,0); woman C skipped; woman A (1,0,50) */
    jv_dict dict = {.id = 7, .size = 3, .values = abc};
    test_batch b;
    batch_init(&b, 4, &dict, 1, JV_ON_ERROR_STOP);
    uint32_t g1[] = {JV_WOMAN, JV_MAN, JV_WOMAN, JV_WOMAN}, s1[] = {0, 1, 2, 0};
    memcpy(b.genders, g1, sizeof g1);
    memcpy(b.sectors, s1, sizeof s1);
    int64_t v1[] = {1, 1, 100, 1, 0, 0, 1, 1, 999, 1, 0, 50};
    uint8_t skip1[] = {0, 0, 1, 0};
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v1, skip1), 0);
    /* batch 2, the dictionary grew by D: man D (1,1,30); unknown, sector
     * missing (1,0,0) */
    dict.size = 4;
    batch_init(&b, 2, &dict, 1, JV_ON_ERROR_STOP);
    uint32_t g2[] = {JV_MAN, JV_UNKNOWN}, s2[] = {3, 0};
    memcpy(b.genders, g2, sizeof g2);
    memcpy(b.sectors, s2, sizeof s2);
    b.missing[1] = 1;
    int64_t v2[] = {1, 1, 30, 1, 0, 0};
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v2, NULL), 0);
    /* a batch of another table is ignored */
    b.batch.table = 1;
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v2, NULL), 0);

    /* main: woman 1+1 rows, 1 granted, 100+50; man 1+1, 0+1, 0+30;
     * unknown 1, 0, 0 */
    const int64_t *main = h->tally_cells(t, JV_TALLY_MAIN, 0);
    assert_cell(main, JV_WOMAN, 2, 1, 150);
    assert_cell(main, JV_MAN, 2, 1, 30);
    assert_cell(main, JV_NON_BINARY, 0, 0, 0);
    assert_cell(main, JV_UNKNOWN, 1, 0, 0);
    /* values: "" (the missing cell) < A < B < D; C only in a skipped row */
    CU_ASSERT_EQUAL_FATAL(h->tally_size(t, 0), 4);
    assert_value(t, 0, "", 0);
    assert_value(t, 1, "A", 1);
    assert_value(t, 2, "B", 1);
    assert_value(t, 3, "D", 1);
    assert_cell(h->tally_cells(t, 0, 0), JV_UNKNOWN, 1, 0, 0);
    assert_cell(h->tally_cells(t, 0, 1), JV_WOMAN, 2, 1, 150);
    assert_cell(h->tally_cells(t, 0, 2), JV_MAN, 1, 0, 0);
    assert_cell(h->tally_cells(t, 0, 3), JV_MAN, 1, 1, 30);
    assert_cell(h->tally_cells(t, 0, 3), JV_WOMAN, 0, 0, 0);
    CU_ASSERT_PTR_NULL(h->tally_cells(t, 0, 4));
    CU_ASSERT_PTR_NULL(h->tally_cells(t, 1, 0));
    CU_ASSERT_PTR_NULL(h->tally_value(t, 0, 4, NULL));
    CU_ASSERT_EQUAL(h->tally_size(t, 1), 0);
    h->tally_free(t);
}

static void test_an_absent_column_counts_as_empty_value(void)
{
    const jv_host *h = jv_host_table();
    jv_tally *t = new_tally();
    test_batch b;
    batch_init(&b, 2, NULL, 0, JV_ON_ERROR_STOP);
    b.genders[0] = JV_WOMAN;
    b.genders[1] = JV_NON_BINARY;
    int64_t v[] = {1, 0, 5, 1, 1, 7};
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v, NULL), 0);
    /* one value "", holding both rows: woman (1,0,5), non-binary (1,1,7) */
    CU_ASSERT_EQUAL_FATAL(h->tally_size(t, 0), 1);
    assert_value(t, 0, "", 0);
    assert_cell(h->tally_cells(t, 0, 0), JV_WOMAN, 1, 0, 5);
    assert_cell(h->tally_cells(t, 0, 0), JV_NON_BINARY, 1, 1, 7);
    h->tally_free(t);
}

/* Byte order: "a" < "a\0b" (a prefix first) < "b" < "z" < "ä" (C3 A4)
 * < "å" (C3 A5) < "ö" (C3 B6): the UTF-8 letters sort after z. */
static void test_values_sort_in_byte_order(void)
{
    const jv_host *h = jv_host_table();
    static const jv_string words[] = {{"ö", 2}, {"z", 1}, {"å", 2}, {"a\0b", 3},
                                      {"ä", 2}, {"b", 1}, {"a", 1}};
    jv_dict dict = {.id = 11, .size = 7, .values = words};
    jv_tally *t = new_tally();
    test_batch b;
    batch_init(&b, 7, &dict, 1, JV_ON_ERROR_STOP);
    int64_t v[7 * NM];
    for (uint32_t i = 0; i < 7; i++) {
        b.sectors[i] = i;
        v[i * NM] = 1;
        v[i * NM + 1] = 0;
        v[i * NM + 2] = i; /* amount = the dictionary code */
    }
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v, NULL), 0);
    CU_ASSERT_EQUAL_FATAL(h->tally_size(t, 0), 7);
    static const struct {
        const char *value;
        size_t length;
        int64_t code;
    } want[] = {{"a", 1, 6}, {"a\0b", 3, 3}, {"b", 1, 5}, {"z", 1, 1},
                {"ä", 2, 4}, {"å", 2, 2},    {"ö", 2, 0}};
    for (size_t i = 0; i < 7; i++) {
        assert_value(t, i, want[i].value, want[i].length);
        assert_cell(h->tally_cells(t, 0, i), JV_WOMAN, 1, 0, want[i].code);
    }
    h->tally_free(t);
}

/* Values past 2^52 and more measures than the batch loops are made for
 * take the row-by-row path; the counts are the same exact sums. */
static void test_large_values_and_many_measures_count_exactly(void)
{
    const jv_host *h = jv_host_table();
    jv_dict dict = {.id = 31, .size = 2, .values = abc};
    jv_tally *t = new_tally();
    test_batch b;
    batch_init(&b, 3, &dict, 1, JV_ON_ERROR_STOP);
    b.sectors[1] = 1;
    /* amounts 2^61, 2^61, 5 (woman A, woman B, woman A): the bits of 2^61
     * (62) and of 3 rows (2) pass 62, so row by row: A 2^61 + 5, B 2^61,
     * main 2^62 + 5 */
    const int64_t big = (int64_t)1 << 61;
    int64_t v[] = {1, 0, big, 1, 0, big, 1, 1, 5};
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v, NULL), 0);
    assert_cell(h->tally_cells(t, JV_TALLY_MAIN, 0), JV_WOMAN, 3, 1, 2 * big + 5);
    assert_cell(h->tally_cells(t, 0, 0), JV_WOMAN, 2, 1, big + 5);
    assert_cell(h->tally_cells(t, 0, 1), JV_WOMAN, 1, 0, big);
    h->tally_free(t);

    /* eight measures m0..m7, rows: woman (0..7), man (10..17), woman
     * (1,1,...): woman m = (m) + 1, man m = 10 + m */
    static const jv_measure eight[] = {{.name = "m0", .column = -1}, {.name = "m1", .column = -1},
                                       {.name = "m2", .column = -1}, {.name = "m3", .column = -1},
                                       {.name = "m4", .column = -1}, {.name = "m5", .column = -1},
                                       {.name = "m6", .column = -1}, {.name = "m7", .column = -1}};
    static const jv_tally_spec spec8 = {.measures = eight, .n_measures = 8};
    ctx_reset();
    t = h->tally_new(&ctx, &spec8, 1, by_names, by_columns);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    batch_init(&b, 3, &dict, 1, JV_ON_ERROR_STOP);
    b.genders[1] = JV_MAN;
    int64_t w[24];
    for (int m = 0; m < 8; m++) {
        w[m] = m;
        w[8 + m] = 10 + m;
        w[16 + m] = 1;
    }
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, w, NULL), 0);
    const int64_t *cells = h->tally_cells(t, 0, 0); /* all rows are sector A */
    for (int m = 0; m < 8; m++) {
        CU_ASSERT_EQUAL(cells[JV_WOMAN * 8 + m], m + 1);
        CU_ASSERT_EQUAL(cells[JV_MAN * 8 + m], 10 + m);
    }
    h->tally_free(t);
}

/* --- merge --------------------------------------------------------------- */

static jv_tally *small_tally(int which)
{
    const jv_host *h = jv_host_table();
    jv_tally *t = h->tally_new(&ctx, &spec, 1, by_names, by_columns);
    const char *x[] = {"x"}, *y[] = {"y"}, *z[] = {"z"};
    int64_t a[] = {1, 1, 10}, b[] = {2, 0, 5}, c[] = {3, 2, 7};
    if (which == 0) { /* woman x (1,1,10), man y (2,0,5) */
        h->tally_add_keys(&ctx, t, x, JV_WOMAN, a);
        h->tally_add_keys(&ctx, t, y, JV_MAN, b);
    } else if (which == 1) { /* man x (3,2,7) */
        h->tally_add_keys(&ctx, t, x, JV_MAN, c);
    } else { /* woman z (2,0,5), woman x (1,1,10) */
        h->tally_add_keys(&ctx, t, z, JV_WOMAN, b);
        h->tally_add_keys(&ctx, t, x, JV_WOMAN, a);
    }
    return t;
}

static void assert_same(const jv_tally *p, const jv_tally *q)
{
    const jv_host *h = jv_host_table();
    CU_ASSERT_TRUE(memcmp(h->tally_cells(p, JV_TALLY_MAIN, 0), h->tally_cells(q, JV_TALLY_MAIN, 0),
                          JV_GENDERS * NM * sizeof(int64_t)) == 0);
    CU_ASSERT_EQUAL_FATAL(h->tally_size(p, 0), h->tally_size(q, 0));
    for (size_t i = 0; i < h->tally_size(p, 0); i++) {
        CU_ASSERT_STRING_EQUAL(h->tally_value(p, 0, i, NULL), h->tally_value(q, 0, i, NULL));
        CU_ASSERT_TRUE(memcmp(h->tally_cells(p, 0, i), h->tally_cells(q, 0, i),
                              JV_GENDERS * NM * sizeof(int64_t)) == 0);
    }
}

static void test_merge_is_associative_and_commutative(void)
{
    const jv_host *h = jv_host_table();
    ctx_reset();
    /* (A + B) + C */
    jv_tally *left = small_tally(0), *b = small_tally(1), *c = small_tally(2);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, left, b), 0);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, left, c), 0);
    /* A + (B + C) */
    jv_tally *right = small_tally(0), *bc = small_tally(1), *c2 = small_tally(2);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, bc, c2), 0);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, right, bc), 0);
    /* (C + A) + B */
    jv_tally *other = small_tally(2), *a3 = small_tally(0), *b3 = small_tally(1);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, other, a3), 0);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, other, b3), 0);
    assert_same(left, right);
    assert_same(left, other);
    /* by hand: x: woman 1+1 = (2,2,20), man (3,2,7); y: man (2,0,5);
     * z: woman (2,0,5); main woman (1+2+1, 1+0+1, 10+5+10) = (4,2,25),
     * man (2+3, 0+2, 5+7) = (5,2,12) */
    CU_ASSERT_EQUAL_FATAL(h->tally_size(left, 0), 3);
    assert_value(left, 0, "x", 1);
    assert_cell(h->tally_cells(left, 0, 0), JV_WOMAN, 2, 2, 20);
    assert_cell(h->tally_cells(left, 0, 0), JV_MAN, 3, 2, 7);
    assert_cell(h->tally_cells(left, 0, 1), JV_MAN, 2, 0, 5);
    assert_cell(h->tally_cells(left, 0, 2), JV_WOMAN, 2, 0, 5);
    assert_cell(h->tally_cells(left, JV_TALLY_MAIN, 0), JV_WOMAN, 4, 2, 25);
    assert_cell(h->tally_cells(left, JV_TALLY_MAIN, 0), JV_MAN, 5, 2, 12);
    jv_tally *all[] = {left, b, c, right, bc, c2, other, a3, b3};
    for (size_t i = 0; i < 9; i++)
        h->tally_free(all[i]);
}

static void test_merge_refuses_other_breakdowns_and_overflow(void)
{
    const jv_host *h = jv_host_table();
    ctx_reset();
    jv_tally *a = small_tally(0);
    static const char *const other_names[] = {"region"};
    jv_tally *b = h->tally_new(&ctx, &spec, 1, other_names, NULL);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, a, b), -1);
    CU_ASSERT_PTR_NOT_NULL(ctx.error);
    h->tally_free(b);
    ctx_reset();
    /* a's amount total is 15; INT64_MAX - 10 more passes INT64_MAX */
    b = h->tally_new(&ctx, &spec, 1, by_names, NULL);
    const char *x[] = {"x"};
    int64_t big[] = {1, 0, INT64_MAX - 10};
    CU_ASSERT_EQUAL(h->tally_add_keys(&ctx, b, x, JV_WOMAN, big), 0);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, a, b), -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ctx.error);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "amount"));
    /* a unchanged: woman (1,1,10) */
    assert_cell(h->tally_cells(a, JV_TALLY_MAIN, 0), JV_WOMAN, 1, 1, 10);
    CU_ASSERT_EQUAL(h->tally_size(a, 0), 2);
    h->tally_free(a);
    h->tally_free(b);
}

/* --- rule 2 -------------------------------------------------------------- */

static void test_overflow_and_negative_values_are_row_errors(void)
{
    const jv_host *h = jv_host_table();
    jv_dict dict = {.id = 21, .size = 2, .values = abc};
    /* on_error skip: row 1 (amount INT64_MAX after 1) passes INT64_MAX and
     * row 2 is negative; both skipped, rows 0 and 3 counted */
    jv_tally *t = new_tally();
    test_batch b;
    batch_init(&b, 4, &dict, 1, JV_ON_ERROR_SKIP);
    b.sectors[2] = 1;
    int64_t v[] = {1, 0, 1, 1, 0, INT64_MAX, 1, 0, -5, 1, 1, 2};
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v, NULL), 0);
    CU_ASSERT_EQUAL(ctx.skipped, 2);
    CU_ASSERT_PTR_NULL(ctx.error);
    assert_cell(h->tally_cells(t, JV_TALLY_MAIN, 0), JV_WOMAN, 2, 1, 3);
    /* the negative row's B is not listed */
    CU_ASSERT_EQUAL(h->tally_size(t, 0), 1);
    h->tally_free(t);

    /* on_error stop: the call fails with the place */
    t = new_tally();
    batch_init(&b, 4, &dict, 1, JV_ON_ERROR_STOP);
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, v, NULL), -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ctx.error);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "grants.csv:3: column 'amount': the sum of amount"));
    h->tally_free(t);

    /* negative granted names the granted column */
    t = new_tally();
    int64_t neg[] = {1, -1, 0};
    batch_init(&b, 1, &dict, 1, JV_ON_ERROR_STOP);
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, neg, NULL), -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ctx.error);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "grants.csv:2: column 'granted': granted may not "
                                             "be negative (-1)"));
    /* and add_keys reports an error */
    ctx_reset();
    const char *x[] = {"x"};
    CU_ASSERT_EQUAL(h->tally_add_keys(&ctx, t, x, JV_WOMAN, neg), -1);
    CU_ASSERT_PTR_NOT_NULL(ctx.error);
    ctx_reset();
    CU_ASSERT_EQUAL(h->tally_add_keys(&ctx, t, x, 5, v), -1);
    CU_ASSERT_PTR_NOT_NULL(ctx.error);
    h->tally_free(t);
}

static void test_bad_specs_are_refused(void)
{
    const jv_host *h = jv_host_table();
    static const jv_measure bad_name[] = {{.name = "Rows", .column = -1}};
    static const jv_measure bad_at_most[] = {{.name = "a", .column = -1, .at_most = "b"}};
    static const jv_measure twice[] = {{.name = "a", .column = -1}, {.name = "a", .column = -1}};
    const jv_tally_spec specs[] = {
        {.measures = bad_name, .n_measures = 1},
        {.measures = bad_at_most, .n_measures = 1},
        {.measures = twice, .n_measures = 2},
        {.measures = measures, .n_measures = 0},
        {.measures = measures, .n_measures = 3, .gender_column = -1},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(specs); i++) {
        ctx_reset();
        CU_ASSERT_PTR_NULL(h->tally_new(&ctx, &specs[i], 0, NULL, NULL));
        CU_ASSERT_PTR_NOT_NULL(ctx.error);
    }
    static const char *const same[] = {"a", "a"};
    ctx_reset();
    CU_ASSERT_PTR_NULL(h->tally_new(&ctx, &spec, 2, same, NULL));
    CU_ASSERT_PTR_NOT_NULL(ctx.error);
}

/* --- disclosure ---------------------------------------------------------- */

static GString *record;

static void record_group(jv_cells *cells, const char *key, size_t n, const int64_t *counts)
{
    (void)cells;
    g_string_append_printf(record, "group %s:", key);
    for (size_t i = 0; i < JV_GENDERS * n; i++)
        g_string_append_printf(record, " %lld", (long long)counts[i]);
    g_string_append(record, "\n");
}

static void record_family(jv_cells *cells, const char *margin, const char *const *members, size_t n)
{
    (void)cells;
    g_string_append_printf(record, "family %s:", margin);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(record, " %s", members[i]);
    g_string_append(record, "\n");
}

static int record_suppressed(jv_ctx *c, const char *key, int gender)
{
    (void)c;
    g_string_append_printf(record, "suppressed? %s %d\n", key, gender);
    return gender == JV_MAN;
}

static void test_declare_lists_groups_and_families(void)
{
    jv_host host = *jv_host_table();
    host.add_group = record_group;
    host.add_family = record_family;
    host.suppressed = record_suppressed;
    record = g_string_new(NULL);
    ctx_reset();
    static const char *const names[] = {"sector", "a/b%", "empty"};
    jv_tally *t = jv_tally_new(&host, &ctx, &spec, 3, names, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    /* woman (sector "x/1", a/b% "å", empty "") (1,1,10);
     * man (sector "x/1", a/b% "50%", empty "") (2,0,5) */
    const char *k1[] = {"x/1", "å", ""}, *k2[] = {"x/1", "50%", ""};
    int64_t a[] = {1, 1, 10}, b[] = {2, 0, 5};
    CU_ASSERT_EQUAL(host.tally_add_keys(&ctx, t, k1, JV_WOMAN, a), 0);
    CU_ASSERT_EQUAL(host.tally_add_keys(&ctx, t, k2, JV_MAN, b), 0);
    CU_ASSERT_EQUAL(host.tally_declare(&ctx, t, NULL), 0);
    /* protected counts rows, granted per gender: woman 1 1, man 2 0, ...;
     * "a/b%" is written a%2Fb%25, "x/1" x%2F1, "50%" 50%25; "50%25" < "å" */
    CU_ASSERT_STRING_EQUAL(record->str, "group split: 1 1 2 0 0 0 0 0 0 0\n"
                                        "group by/sector/x%2F1: 1 1 2 0 0 0 0 0 0 0\n"
                                        "family split: by/sector/x%2F1\n"
                                        "group by/a%2Fb%25/50%25: 0 0 2 0 0 0 0 0 0 0\n"
                                        "group by/a%2Fb%25/å: 1 1 0 0 0 0 0 0 0 0\n"
                                        "family split: by/a%2Fb%25/50%25 by/a%2Fb%25/å\n"
                                        "group by/empty/: 1 1 2 0 0 0 0 0 0 0\n"
                                        "family split: by/empty/\n");
    g_string_truncate(record, 0);
    CU_ASSERT_EQUAL(host.tally_suppressed(&ctx, t, 1, 1, JV_MAN), 1);
    CU_ASSERT_EQUAL(host.tally_suppressed(&ctx, t, JV_TALLY_MAIN, 0, JV_TOTAL), 0);
    CU_ASSERT_STRING_EQUAL(record->str, "suppressed? by/a%2Fb%25/å 1\n"
                                        "suppressed? split 5\n");
    host.tally_free(t);

    /* a breakdown with no values declares no family */
    g_string_truncate(record, 0);
    t = jv_tally_new(&host, &ctx, &spec, 1, names, NULL);
    CU_ASSERT_EQUAL(host.tally_declare(&ctx, t, NULL), 0);
    CU_ASSERT_STRING_EQUAL(record->str, "group split: 0 0 0 0 0 0 0 0 0 0\n");
    host.tally_free(t);
    g_string_free(record, TRUE);
}

/* --- overlapping breakdowns (tally.h rule 8) ----------------------------- */

/* spec's measures with "sector" (column COL_SECTOR) and "group", which
 * overlaps and reads no column. */
static const char *const group_names[] = {"sector", "group"};
static const int group_columns[] = {COL_SECTOR, -1};
static const jv_tally_spec group_spec = {.measures = measures,
                                         .n_measures = 3,
                                         .table = 0,
                                         .gender_column = COL_GENDER,
                                         .overlapping = (const char *const[]){"group", NULL}};
enum { SECTOR, GROUP }; /* group_spec's breakdowns */

/* Main woman (2,1,105), man (1,0,0): a batch of woman A (1,1,100) and man
 * B (1,0,0), then add_keys woman C (1,0,5) with "ignored" for the group.
 * Groups: X woman (1,1,100) and man (1,0,0); Y woman (1,1,100) + (1,0,5)
 * = (2,1,105). Woman rows 1 + 2 = 3 in the groups, 2 in the main split. */
static jv_tally *group_tally(const jv_host *h)
{
    ctx_reset();
    jv_tally *t = jv_tally_new(h, &ctx, &group_spec, 2, group_names, group_columns);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    jv_dict dict = {.id = 31, .size = 2, .values = abc};
    test_batch b;
    batch_init(&b, 2, &dict, 1, JV_ON_ERROR_STOP);
    b.genders[1] = JV_MAN;
    b.sectors[1] = 1;
    int64_t rows[] = {1, 1, 100, 1, 0, 0};
    CU_ASSERT_EQUAL(h->tally_add(&ctx, t, &b.batch, rows, NULL), 0);
    const char *keys[] = {"C", "ignored"};
    int64_t c[] = {1, 0, 5}, x[] = {1, 1, 100}, man[] = {1, 0, 0};
    CU_ASSERT_EQUAL(h->tally_add_keys(&ctx, t, keys, JV_WOMAN, c), 0);
    CU_ASSERT_EQUAL(h->tally_size(t, GROUP), 0); /* neither call counts a group */
    CU_ASSERT_EQUAL(h->tally_add_value(&ctx, t, GROUP, "X", JV_WOMAN, x), 0);
    CU_ASSERT_EQUAL(h->tally_add_value(&ctx, t, GROUP, "X", JV_MAN, man), 0);
    CU_ASSERT_EQUAL(h->tally_add_value(&ctx, t, GROUP, "Y", JV_WOMAN, x), 0);
    CU_ASSERT_EQUAL(h->tally_add_value(&ctx, t, GROUP, "Y", JV_WOMAN, c), 0);
    return t;
}

static void test_overlapping_values_count_only_through_add_value(void)
{
    const jv_host *h = jv_host_table();
    jv_tally *t = group_tally(h);
    assert_cell(h->tally_cells(t, JV_TALLY_MAIN, 0), JV_WOMAN, 2, 1, 105);
    assert_cell(h->tally_cells(t, JV_TALLY_MAIN, 0), JV_MAN, 1, 0, 0);
    CU_ASSERT_EQUAL(h->tally_size(t, SECTOR), 3); /* A, B, C */
    CU_ASSERT_EQUAL(h->tally_size(t, GROUP), 2);
    CU_ASSERT_STRING_EQUAL(h->tally_value(t, GROUP, 1, NULL), "Y");
    assert_cell(h->tally_cells(t, GROUP, 0), JV_WOMAN, 1, 1, 100);
    assert_cell(h->tally_cells(t, GROUP, 0), JV_MAN, 1, 0, 0);
    assert_cell(h->tally_cells(t, GROUP, 1), JV_WOMAN, 2, 1, 105);

    /* refused, each with an error, nothing changed: a breakdown that does
     * not overlap, a negative value, a gender out of range, and X's woman
     * amount 100 + (INT64_MAX - 99), which passes INT64_MAX in the cell
     * though the scope's amount total is only 105 */
    int64_t one[] = {1, 0, 0}, negative[] = {1, 0, -1}, big[] = {0, 0, INT64_MAX - 99};
    const struct {
        size_t k;
        int gender;
        const int64_t *values;
    } refused[] = {{SECTOR, JV_WOMAN, one},
                   {GROUP, JV_WOMAN, negative},
                   {GROUP, JV_GENDERS, one},
                   {GROUP, JV_WOMAN, big}};
    for (size_t i = 0; i < G_N_ELEMENTS(refused); i++) {
        ctx_reset();
        CU_ASSERT_EQUAL(
            h->tally_add_value(&ctx, t, refused[i].k, "X", refused[i].gender, refused[i].values),
            -1);
        CU_ASSERT_PTR_NOT_NULL(ctx.error);
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "amount"));
    assert_cell(h->tally_cells(t, GROUP, 0), JV_WOMAN, 1, 1, 100);
    CU_ASSERT_EQUAL(h->tally_size(t, SECTOR), 3);
    /* a group's cell is bounded by itself, not by the scope's totals: a
     * new value Z takes woman amount INT64_MAX though the amount total is
     * 105 (and X's man takes INT64_MAX - 0) */
    int64_t max[] = {0, 0, INT64_MAX};
    ctx_reset();
    CU_ASSERT_EQUAL(h->tally_add_value(&ctx, t, GROUP, "Z", JV_WOMAN, max), 0);
    CU_ASSERT_EQUAL(h->tally_add_value(&ctx, t, GROUP, "X", JV_MAN, max), 0);
    assert_cell(h->tally_cells(t, GROUP, 2), JV_WOMAN, 0, 0, INT64_MAX);
    assert_cell(h->tally_cells(t, GROUP, 0), JV_MAN, 1, 0, INT64_MAX);
    assert_cell(h->tally_cells(t, JV_TALLY_MAIN, 0), JV_WOMAN, 2, 1, 105);
    h->tally_free(t);

    /* a tally whose every breakdown overlaps takes add_keys without keys */
    static const char *const only_group[] = {"group"};
    ctx_reset();
    t = h->tally_new(&ctx, &group_spec, 1, only_group, NULL);
    CU_ASSERT_EQUAL(h->tally_add_keys(&ctx, t, NULL, JV_MAN, one), 0);
    assert_cell(h->tally_cells(t, JV_TALLY_MAIN, 0), JV_MAN, 1, 0, 0);
    h->tally_free(t);
}

static void test_overlapping_merge_checks_every_cell(void)
{
    const jv_host *h = jv_host_table();
    jv_tally *a = group_tally(h), *b = group_tally(h);
    /* X woman doubles to (2,2,200); Y woman to (4,2,210) */
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, a, b), 0);
    assert_cell(h->tally_cells(a, GROUP, 0), JV_WOMAN, 2, 2, 200);
    assert_cell(h->tally_cells(a, GROUP, 1), JV_WOMAN, 4, 2, 210);
    /* b's X woman amount + INT64_MAX - 150 = INT64_MAX - 50, fine in b,
     * would pass INT64_MAX in a's X (200): refused, a unchanged */
    int64_t big[] = {0, 0, INT64_MAX - 150};
    CU_ASSERT_EQUAL(h->tally_add_value(&ctx, b, GROUP, "X", JV_WOMAN, big), 0);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, a, b), -1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ctx.error);
    CU_ASSERT_PTR_NOT_NULL(strstr(ctx.error, "amount"));
    assert_cell(h->tally_cells(a, GROUP, 0), JV_WOMAN, 2, 2, 200);
    assert_cell(h->tally_cells(a, JV_TALLY_MAIN, 0), JV_WOMAN, 4, 2, 210);
    h->tally_free(a);
    h->tally_free(b);
}

static void test_overlapping_specs_are_checked(void)
{
    const jv_host *h = jv_host_table();
    /* "region" is not a breakdown; "group" reading a column */
    static const char *const region[] = {"region", NULL};
    static const jv_tally_spec unknown = {
        .measures = measures, .n_measures = 3, .overlapping = region};
    static const int both_columns[] = {COL_SECTOR, COL_SECTOR};
    ctx_reset();
    CU_ASSERT_PTR_NULL(h->tally_new(&ctx, &unknown, 2, group_names, NULL));
    CU_ASSERT_PTR_NOT_NULL(ctx.error);
    ctx_reset();
    CU_ASSERT_PTR_NULL(h->tally_new(&ctx, &group_spec, 2, group_names, both_columns));
    CU_ASSERT_PTR_NOT_NULL(ctx.error);
    /* a merge needs the same breakdowns overlapping */
    ctx_reset();
    jv_tally *a = h->tally_new(&ctx, &group_spec, 2, group_names, NULL);
    jv_tally *b = h->tally_new(&ctx, &spec, 2, group_names, NULL);
    CU_ASSERT_EQUAL(h->tally_merge(&ctx, a, b), -1);
    CU_ASSERT_PTR_NOT_NULL(ctx.error);
    h->tally_free(a);
    h->tally_free(b);
}

/* Groups for every value, a family only for "sector" (the group values
 * need not add up); tally_key names the groups for the families a plugin
 * declares itself. */
static void test_overlapping_groups_have_no_family(void)
{
    jv_host host = *jv_host_table();
    host.add_group = record_group;
    host.add_family = record_family;
    record = g_string_new(NULL);
    jv_tally *t = group_tally(&host);
    CU_ASSERT_EQUAL(host.tally_declare(&ctx, t, NULL), 0);
    /* protected: rows, granted per gender (group_tally's comment) */
    CU_ASSERT_STRING_EQUAL(record->str, "group split: 2 1 1 0 0 0 0 0 0 0\n"
                                        "group by/sector/A: 1 1 0 0 0 0 0 0 0 0\n"
                                        "group by/sector/B: 0 0 1 0 0 0 0 0 0 0\n"
                                        "group by/sector/C: 1 0 0 0 0 0 0 0 0 0\n"
                                        "family split: by/sector/A by/sector/B by/sector/C\n"
                                        "group by/group/X: 1 1 1 0 0 0 0 0 0 0\n"
                                        "group by/group/Y: 2 1 0 0 0 0 0 0 0 0\n");
    CU_ASSERT_STRING_EQUAL(host.tally_key(t, GROUP, 1), "by/group/Y");
    CU_ASSERT_STRING_EQUAL(host.tally_key(t, SECTOR, 0), "by/sector/A");
    CU_ASSERT_STRING_EQUAL(host.tally_key(t, JV_TALLY_MAIN, 0), JV_MAIN_GROUP);
    CU_ASSERT_PTR_NULL(host.tally_key(t, GROUP, 2));
    CU_ASSERT_PTR_NULL(host.tally_key(t, 2, 0));
    host.tally_free(t);
    g_string_free(record, TRUE);
}

static void test_fill_sets_what_the_host_table_holds(void)
{
    const jv_host *real = jv_host_table();
    jv_host filled;
    memset(&filled, 0, sizeof filled);
    jv_host_fill_tally(&filled);
    CU_ASSERT_TRUE(JV_HOST_HAS(real, values_free));
    CU_ASSERT_PTR_NULL(filled.tally_new);
    CU_ASSERT_PTR_NULL(filled.tally_load);
    CU_ASSERT_PTR_NOT_NULL(real->tally_new);
    CU_ASSERT_PTR_NOT_NULL(real->tally_load);
    /* every other field from tally_add to tally_key agrees; the helpers
     * after them (param_columns, state_format, put_gender_cells) are no
     * tally's */
    size_t from = offsetof(jv_host, tally_add), to = offsetof(jv_host, tally_load);
    CU_ASSERT_TRUE(memcmp((const char *)&filled + from, (const char *)real + from, to - from) == 0);
    from = offsetof(jv_host, tally_free);
    to = offsetof(jv_host, param_columns);
    CU_ASSERT_PTR_NULL(filled.param_columns);
    CU_ASSERT_TRUE(memcmp((const char *)&filled + from, (const char *)real + from, to - from) == 0);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"add counts the rows of two batches", test_add_counts_rows_of_two_batches},
        {"an absent column counts as the empty value", test_an_absent_column_counts_as_empty_value},
        {"values sort in byte order", test_values_sort_in_byte_order},
        {"large values and many measures count exactly",
         test_large_values_and_many_measures_count_exactly},
        {"merge is associative and commutative", test_merge_is_associative_and_commutative},
        {"merge refuses other breakdowns and overflow",
         test_merge_refuses_other_breakdowns_and_overflow},
        {"overflow and negative values are row errors",
         test_overflow_and_negative_values_are_row_errors},
        {"bad specs are refused", test_bad_specs_are_refused},
        {"declare lists groups and families", test_declare_lists_groups_and_families},
        {"overlapping values count only through add_value",
         test_overlapping_values_count_only_through_add_value},
        {"overlapping merge checks every cell", test_overlapping_merge_checks_every_cell},
        {"overlapping specs are checked", test_overlapping_specs_are_checked},
        {"overlapping groups have no family", test_overlapping_groups_have_no_family},
        {"fill sets what the host table holds", test_fill_sets_what_the_host_table_holds},
        {NULL, NULL}};
    return jvt_main("tally", tests);
}
