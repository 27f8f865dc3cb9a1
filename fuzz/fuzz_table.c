/* fuzz/fuzz_table.c — the table reading both table fuzz targets share
 * (fuzz_table.h). */
#include "fuzz_table.h"

const jv_role_request fuzz_table_roles[] = {
    {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED, .codes = NULL},
    {.name = "decision",
     .type = JV_TYPE_CATEGORY,
     .flags = 0,
     .codes = "granted=beviljad,beviljat|rejected=avslag,avslaget"},
    {.name = "sector", .type = JV_TYPE_CATEGORY, .flags = JV_ROLE_EMPTY_IS_VALUE, .codes = NULL},
    {.name = "id", .type = JV_TYPE_ID, .flags = 0, .codes = NULL},
    {.name = "amount_granted", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_NONNEGATIVE, .codes = NULL},
    {.name = "count", .type = JV_TYPE_INTEGER, .flags = JV_ROLE_POSITIVE, .codes = NULL},
    {.name = "completed", .type = JV_TYPE_BOOLEAN, .flags = 0, .codes = NULL},
    {.name = "absent", .type = JV_TYPE_NUMBER, .flags = 0, .codes = NULL},
};
const size_t fuzz_table_n_roles = sizeof fuzz_table_roles / sizeof fuzz_table_roles[0];

/* Where the touched values go, so the compiler cannot drop the reads. */
static volatile guint64 sink;

gboolean fuzz_table_drain(jv_table_reader *reader)
{
    const jv_rowset *rows;
    GError *error = NULL;
    guint64 touched = 0;
    while ((rows = jv_table_reader_next(reader, &error)) != NULL) {
        for (size_t c = 0; c < rows->n_columns; c++) {
            const jv_column *col = &rows->columns[c];
            for (size_t r = 0; r < rows->n_rows; r++) {
                if (col->missing && col->missing[r])
                    continue;
                if (col->codes) {
                    /* a code always names a value of its dictionary */
                    if (col->dict == NULL || col->codes[r] >= col->dict->size)
                        __builtin_trap();
                    touched += col->dict->values[col->codes[r]].length;
                }
                if (col->numbers)
                    touched += (guint64)col->numbers[r];
                if (col->booleans)
                    touched += col->booleans[r];
                if (col->ids)
                    touched += col->ids[r].length + (unsigned char)col->ids[r].data[0];
            }
        }
        touched += rows->positions[rows->n_rows - 1] + rows->lines[0];
    }
    sink += touched;
    gboolean ok = error == NULL;
    g_clear_error(&error);
    return ok;
}

gboolean fuzz_table_read_whole(const jv_table_source *source, jv_problem_list *problems,
                               guint64 *rows, guint64 *skipped)
{
    GError *error = NULL;
    jv_table_reader *reader =
        problems ? jv_table_reader_open_checking(source, fuzz_table_roles, fuzz_table_n_roles, 0, 0,
                                                 0, problems)
                 : jv_table_reader_open(source, fuzz_table_roles, fuzz_table_n_roles, &error);
    g_clear_error(&error);
    if (reader == NULL)
        return FALSE;
    gboolean ok = fuzz_table_drain(reader);
    if (problems != NULL && !ok)
        __builtin_trap(); /* a checking reader never fails */
    *rows = jv_table_reader_rows(reader);
    *skipped = jv_table_reader_skipped(reader);
    (void)jv_table_reader_sha256(reader);
    (void)jv_table_reader_warnings(reader);
    (void)jv_table_reader_bytes(reader);
    jv_table_reader_free(reader);
    return ok;
}

void fuzz_table_check_predicts_run(const jv_table_source *source, gboolean run_ok, guint64 rows,
                                   guint64 skipped)
{
    guint64 check_rows = 0, check_skipped = 0;
    jv_problem_list *problems = jv_problem_list_new(20);
    fuzz_table_read_whole(source, problems, &check_rows, &check_skipped);
    gboolean check_ok = jv_problem_list_errors(problems) == 0;
    if (check_ok != run_ok || (run_ok && (check_rows != rows || check_skipped != skipped)))
        __builtin_trap();
    const GPtrArray *items = jv_problem_list_items(problems);
    for (guint k = 0; k < items->len; k++) {
        const jv_problem *p = g_ptr_array_index(items, k);
        if (p->code == NULL || p->message == NULL || p->file == NULL)
            __builtin_trap();
    }
    jv_problem_list_free(problems);
}
