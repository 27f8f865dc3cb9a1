/* core/data/xlsx.h — the rows of one worksheet of an .xlsx workbook, as
 * the records the CSV tokenizer gives (csv.h), so that a workbook's rows
 * go through the same header mapping, conversion, codes and checks as a
 * CSV file's (table_reader.c).
 *
 * Contract (the limits JV_XLSX_* are in xlsx_limits.h):
 *  1. The workbook is read from the zip container (libzip) with libxml2's
 *     streaming xmlTextReader: memory does not grow with the number of
 *     rows. What is held: the shared strings (refused when their part is
 *     over JV_XLSX_MAX_SHARED_STRINGS uncompressed), the styles' date
 *     formats, and one row.
 *  2. Every part is checked while it is inflated: more bytes than its
 *     declared size, more than JV_XLSX_MAX_PART, or (past the first
 *     JV_XLSX_RATIO_FREE bytes) more than JV_XLSX_MAX_RATIO times its
 *     compressed size is an error (a zip bomb), as is a corrupt archive,
 *     a DTD, a cell beyond column XFD (16384) or row 1048576.
 *  3. The sheet is options->sheet (its name, or a 1-based index when no
 *     sheet has that name); by default the first sheet whose header row
 *     names every options->wanted column, else the first sheet.
 *  4. The header row is options->header_row (Excel's row number; without
 *     options->sheet, on the first sheet where that row names every
 *     wanted column, else on the first sheet), or
 *     found: the first row naming every wanted column; failing that
 *     (within the first JV_XLSX_HEADER_SEARCH rows) the first row with the
 *     most wanted names, or, with none, the first row with the most
 *     non-empty cells. Rows above it (titles, blank rows) are not read.
 *     The table's columns run from the header's first to its last
 *     non-empty cell; cells outside them are not read, but counted
 *     (jv_xlsx_outside_message), so nothing is left out silently.
 *  5. Records: the header first, then one per row, each with the header's
 *     number of fields; `line` and `offset` are Excel's row number.
 *     Cell texts: shared and inline strings (rich text runs joined,
 *     phonetic runs left out), a number's own text with an exponent
 *     written out (1.5E-3 → 0.0015; only a text of 16 or more
 *     significant digits, which some libraries write for a double Excel
 *     would write shorter, is replaced by the shortest text for the same
 *     double: 65.09999999999999 → 65.1; values are never computed in
 *     floating point), booleans
 *     TRUE/FALSE, errors as Excel shows them (#N/A), a formula's cached
 *     value, and a date-formatted number as an ISO date (yyyy-mm-dd, with
 *     THH:MM:SS when it has a time), 1900 and 1904 date systems.
 *  6. Messages read "FILE[SHEET]:ROW: ..." (FILE = options->display_path)
 *     once the sheet is known, "FILE: ..." before.
 */
#ifndef JV_DATA_XLSX_H
#define JV_DATA_XLSX_H

#include <glib.h>

#include "data/csv.h"
#include "data/xlsx_limits.h"

typedef struct jv_xlsx_options {
    const char *path;          /* the file (borrowed) */
    const char *display_path;  /* how messages name it (borrowed) */
    const char *sheet;         /* name or 1-based index; NULL: see rule 3 */
    unsigned header_row;       /* 0: find it (rule 4) */
    const char *const *wanted; /* column names the header should have */
    size_t n_wanted;
    GChecksum *checksum; /* fed the whole file at open, or NULL */
} jv_xlsx_options;

typedef struct jv_xlsx_reader jv_xlsx_reader;

/* Opens the workbook and its sheet and finds the header row. NULL + error
 * (JV_DATA_ERROR); *problem (data/problem.h) says what kind. */
jv_xlsx_reader *jv_xlsx_open(const jv_xlsx_options *options, const char **problem, GError **error);
/* 1: *record filled (borrowed until the next call); 0: the end; -1: error. */
int jv_xlsx_next(jv_xlsx_reader *x, jv_csv_record *record, GError **error);
/* After the last row: what was left out because it lies outside the
 * table's columns ("3 non-empty cells outside the table's columns (the
 * first in row 9, column H) were not read; ..."), or NULL when nothing
 * was. Newly allocated. */
char *jv_xlsx_outside_message(const jv_xlsx_reader *x);
/* "FILE[SHEET]" (borrowed). */
const char *jv_xlsx_display(const jv_xlsx_reader *x);
/* The problem code of the error jv_xlsx_next last returned. */
const char *jv_xlsx_problem(const jv_xlsx_reader *x);
/* The workbook's size in bytes. */
guint64 jv_xlsx_bytes(const jv_xlsx_reader *x);
void jv_xlsx_free(jv_xlsx_reader *x);

/* TRUE when `path` names an .xlsx workbook (by its extension). */
gboolean jv_xlsx_is_workbook(const char *path);

#endif /* JV_DATA_XLSX_H */
