/* fuzz/fuzz_xlsx.c — libFuzzer target for the .xlsx reader (core/data/
 * xlsx*.c through the table reader): any workbook must give rows or an
 * error — never a crash, a sanitizer report or unbounded memory.
 *
 * Random bytes seldom make a zip archive, so the input is the workbook's
 * XML: after one options byte, up to four parts separated by a line
 * "=====": the sheet, the shared strings, the styles and the workbook
 * (a part left out gets a small valid one). They are zipped with libzip
 * into a workbook that also has the relationships, and read. An input
 * that starts (after the options byte) with "PK" is taken as the .xlsx
 * file itself, so the archive reader is fuzzed too.
 * The options byte: bit 0 check mode (a checking reader must find an
 * error exactly when the run's reader fails), bit 1 "on_error": "skip",
 * bit 2 "sheet": "1", bits 4–7 "header_row" (0: found).
 * Built by ./configure --enable-fuzzing (fuzz/local.am); fuzz/replay.c
 * runs it over saved inputs in every build (make check). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include <jamvikt/plugin.h>

#include "data/dataset.h"
#include "data/problem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const jv_role_request roles[] = {
    {.name = "gender", .type = JV_TYPE_GENDER, .flags = JV_ROLE_REQUIRED, .codes = NULL},
    {.name = "decision", .type = JV_TYPE_CATEGORY, .flags = 0, .codes = "granted=beviljad,beviljat|rejected=avslag,avslaget"},
    {.name = "sector", .type = JV_TYPE_CATEGORY, .flags = JV_ROLE_EMPTY_IS_VALUE, .codes = NULL},
    {.name = "id", .type = JV_TYPE_ID, .flags = 0, .codes = NULL},
    {.name = "amount_granted", .type = JV_TYPE_NUMBER, .flags = JV_ROLE_NONNEGATIVE, .codes = NULL},
    {.name = "count", .type = JV_TYPE_INTEGER, .flags = JV_ROLE_POSITIVE, .codes = NULL},
    {.name = "completed", .type = JV_TYPE_BOOLEAN, .flags = 0, .codes = NULL},
};
#define N_ROLES (sizeof roles / sizeof roles[0])

static const char *const defaults[4] = {
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>gender</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>K</t></is></c></row></sheetData></worksheet>",
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>gender</t>"
    "</si></sst>",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs>"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
};
static const char *const members[4] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
                                       "xl/styles.xml", "xl/workbook.xml"};
static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/></Relationships>";

static gboolean add(zip_t *zip, const char *name, const void *bytes, size_t size)
{
    zip_source_t *source = zip_source_buffer(zip, bytes, size, 0);
    if (source == NULL)
        return FALSE;
    if (zip_file_add(zip, name, source, ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(source);
        return FALSE;
    }
    return TRUE;
}

/* Writes the workbook the input describes to `path`. */
static gboolean write_workbook(const char *path, const uint8_t *data, size_t size)
{
    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        return g_file_set_contents(path, (const char *)data, (gssize)size, NULL);
    const char *parts[4] = {NULL, NULL, NULL, NULL};
    size_t lengths[4] = {0, 0, 0, 0};
    const char *p = (const char *)data, *end = p + size;
    for (int k = 0; k < 4 && p <= end; k++) {
        const char *cut = g_strstr_len(p, end - p, "\n=====\n");
        parts[k] = p;
        lengths[k] = (size_t)((cut ? cut : end) - p);
        if (cut == NULL)
            break;
        p = cut + 7;
    }
    int code;
    zip_t *zip = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (zip == NULL)
        return FALSE;
    gboolean ok = add(zip, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
    for (int k = 0; k < 4 && ok; k++)
        ok = parts[k] && lengths[k] > 0 ? add(zip, members[k], parts[k], lengths[k])
                                        : add(zip, members[k], defaults[k], strlen(defaults[k]));
    if (!ok || zip_close(zip) < 0) {
        zip_discard(zip);
        return FALSE;
    }
    return TRUE;
}

static gboolean drain(jv_table_reader *reader, guint64 *touched)
{
    const jv_rowset *rows;
    GError *error = NULL;
    while ((rows = jv_table_reader_next(reader, &error)) != NULL) {
        for (size_t c = 0; c < rows->n_columns; c++) {
            const jv_column *col = &rows->columns[c];
            for (size_t r = 0; r < rows->n_rows; r++) {
                if (col->missing && col->missing[r])
                    continue;
                if (col->codes) {
                    if (col->dict == NULL || col->codes[r] >= col->dict->size)
                        __builtin_trap();
                    *touched += col->dict->values[col->codes[r]].length;
                }
                if (col->numbers)
                    *touched += (guint64)col->numbers[r];
                if (col->booleans)
                    *touched += col->booleans[r];
                if (col->ids)
                    *touched += col->ids[r].length + (unsigned char)col->ids[r].data[0];
            }
        }
        *touched += rows->positions[rows->n_rows - 1] + rows->lines[0];
    }
    gboolean ok = error == NULL;
    g_clear_error(&error);
    return ok;
}

static gboolean read_whole(const jv_table_source *source, jv_problem_list *problems,
                           guint64 *rows, guint64 *skipped)
{
    GError *error = NULL;
    guint64 touched = 0;
    jv_table_reader *reader =
        problems ? jv_table_reader_open_checking(source, roles, N_ROLES, 0, 0, 0, problems)
                 : jv_table_reader_open(source, roles, N_ROLES, &error);
    g_clear_error(&error);
    if (reader == NULL)
        return FALSE;
    gboolean ok = drain(reader, &touched);
    if (problems != NULL && !ok)
        __builtin_trap(); /* a checking reader never fails */
    *rows = jv_table_reader_rows(reader);
    *skipped = jv_table_reader_skipped(reader);
    (void)jv_table_reader_bytes(reader);
    jv_table_reader_free(reader);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t choice = data[0];
    char path[64];
    snprintf(path, sizeof path, "/tmp/jamvikt-fuzz-%d.xlsx", (int)getpid());
    if (!write_workbook(path, data + 1, size - 1))
        return 0;
    jv_table_source source = {.path = path,
                              .display_path = "fuzz.xlsx",
                              .on_error = (choice & 2) ? JV_ON_ERROR_SKIP : JV_ON_ERROR_STOP,
                              .sheet = (choice & 4) ? "1" : NULL,
                              .header_row = choice >> 4,
                              .hash = (choice & 8) != 0};
    guint64 rows = 0, skipped = 0;
    gboolean run_ok = read_whole(&source, NULL, &rows, &skipped);
    if (choice & 1) {
        guint64 check_rows = 0, check_skipped = 0;
        jv_problem_list *problems = jv_problem_list_new(20);
        read_whole(&source, problems, &check_rows, &check_skipped);
        gboolean check_ok = jv_problem_list_errors(problems) == 0;
        if (check_ok != run_ok || (run_ok && (check_rows != rows || check_skipped != skipped)))
            __builtin_trap();
        jv_problem_list_free(problems);
    }
    unlink(path);
    return 0;
}
