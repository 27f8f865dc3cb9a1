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
 * The roles and the reading are fuzz_table.c's, shared with fuzz_csv.c.
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

#include "fuzz_table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
    gboolean run_ok = fuzz_table_read_whole(&source, NULL, &rows, &skipped);
    if (choice & 1)
        fuzz_table_check_predicts_run(&source, run_ok, rows, skipped);
    unlink(path);
    return 0;
}
