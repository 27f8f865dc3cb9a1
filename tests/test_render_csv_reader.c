/* tests/test_render_csv_reader.c — the CSV report opened the way jamvikt
 * itself opens data (core/data/dataset.h): both dialects read back with
 * the table reader, the delimiter and the decimal comma detected, every
 * number within the reader's 4 decimals of the result document's value.
 * This is the "CSV opened as Swedish Excel would read it" check that
 * needs no Excel: BOM skipped, ';' detected, "1,5" read as 1.5. */
#include "harness.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <jamvikt/plugin.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "data/dataset.h"
#include "render/render.h"

/* The women's share of money granted, per region, as the test document
 * has it: Norr 450 000 / 1 500 000 = 0.3, Syd 900 000 / 2 000 000 = 0.45,
 * total 1 350 000 / 3 500 000 = 0.385714… */
static double expected_share(const char *region)
{
    if (strcmp(region, "Norr") == 0)
        return 0.3;
    if (strcmp(region, "Syd") == 0)
        return 0.45;
    return 1350000.0 / 3500000.0;
}

static void read_back(jv_csv_dialect dialect)
{
    cJSON *doc = jvt_load_json("render/result.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    jv_render_options options = {.lang = JV_LANG_EN, .csv_dialect = dialect};
    GString *csv = jv_render_with(doc, "csv", &options, NULL);
    char *path = NULL;
    int fd = g_file_open_tmp("jv-render-XXXXXX.csv", &path, NULL);
    CU_ASSERT_TRUE_FATAL(fd >= 0);
    close(fd);
    CU_ASSERT_TRUE_FATAL(g_file_set_contents(path, csv->str, (gssize)csv->len, NULL));

    const jv_role_request roles[] = {
        {.name = "region", .type = JV_TYPE_ID, .flags = JV_ROLE_REQUIRED},
        {.name = "indicator", .type = JV_TYPE_ID, .flags = JV_ROLE_REQUIRED},
        {.name = "group",
         .type = JV_TYPE_CATEGORY,
         .flags = JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE},
        {.name = "value",
         .type = JV_TYPE_CATEGORY,
         .flags = JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE},
        {.name = "gender",
         .type = JV_TYPE_CATEGORY,
         .flags = JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE},
        {.name = "measure", .type = JV_TYPE_ID, .flags = JV_ROLE_REQUIRED},
        {.name = "number", .type = JV_TYPE_NUMBER}};
    /* delimiter and decimal mark left to the reader to find */
    jv_table_source source = {
        .path = path, .display_path = "report.csv", .on_error = JV_ON_ERROR_STOP};
    GError *error = NULL;
    jv_table_reader *reader = jv_table_reader_open(&source, roles, G_N_ELEMENTS(roles), &error);
    if (reader == NULL)
        fprintf(stderr, "\n  %s\n", error->message);
    CU_ASSERT_PTR_NOT_NULL_FATAL(reader);
    int found = 0, rows = 0;
    const jv_rowset *set;
    while ((set = jv_table_reader_next(reader, &error)) != NULL) {
        const jv_column *c = set->columns;
        for (size_t i = 0; i < set->n_rows; i++) {
            rows++;
            const jv_string *group = &c[2].dict->values[c[2].codes[i]];
            const jv_string *gender = &c[4].dict->values[c[4].codes[i]];
            if (group->length != 0 || gender->length != 0 ||
                strncmp(c[5].ids[i].data, "women_share.amount_granted", c[5].ids[i].length) != 0 ||
                c[5].ids[i].length != strlen("women_share.amount_granted") ||
                strncmp(c[1].ids[i].data, "funding_share", c[1].ids[i].length) != 0)
                continue;
            char *region = g_strndup(c[0].ids[i].data, c[0].ids[i].length);
            CU_ASSERT_TRUE(c[6].missing == NULL || !c[6].missing[i]);
            /* fixed point × 10^4, rounded half to even: within 0.5e-4 */
            double read = (double)c[6].numbers[i] / 1e4;
            CU_ASSERT_DOUBLE_EQUAL(read, expected_share(region), 0.5e-4 + 1e-12);
            found++;
            g_free(region);
        }
    }
    CU_ASSERT_PTR_NULL(error);
    if (error != NULL)
        fprintf(stderr, "\n  %s\n", error->message), g_clear_error(&error);
    /* Norr, Syd and the total */
    CU_ASSERT_EQUAL(found, 3);
    /* every line of the file but the header is a row */
    int lines = 0;
    for (const char *p = csv->str; *p; p++)
        lines += *p == '\n';
    CU_ASSERT_EQUAL(rows, lines - 1);
    jv_table_reader_free(reader);
    g_unlink(path);
    g_free(path);
    g_string_free(csv, TRUE);
    cJSON_Delete(doc);
}

static void test_excel_csv_reads_back_with_the_table_reader(void) { read_back(JV_CSV_EXCEL); }

static void test_plain_csv_reads_back_with_the_table_reader(void) { read_back(JV_CSV_PLAIN); }

int main(void)
{
    static const jvt_test tests[] = {{"excel_csv_reads_back_with_the_table_reader",
                                      test_excel_csv_reads_back_with_the_table_reader},
                                     {"plain_csv_reads_back_with_the_table_reader",
                                      test_plain_csv_reads_back_with_the_table_reader},
                                     {NULL, NULL}};
    return jvt_main("render csv reader", tests);
}
