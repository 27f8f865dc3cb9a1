/* tests/xlsx_write.c — writes a CSV fixture as an .xlsx workbook with
 * libxlsxwriter, laid out the way analysts keep tables in Excel, for the
 * .xlsx reader's tests (tests/cli/test_xlsx.sh):
 *
 *   xlsx_write [--inline] [--other-sheet NAME] [--total] OUT.xlsx SHEET IN.csv
 *
 * Row 1 holds a title, row 2 is blank, row 3 the header, from column B on.
 * Columns named amount_* are numbers, every third as text with spaces
 * between thousands ("1 250 000"); year and count are numbers; decided is
 * a date (yyyy-mm-dd format); the rest, and what is no number, are strings. --inline writes in
 * libxlsxwriter's constant-memory mode, whose strings are inline strings
 * (t="inlineStr") instead of shared ones. --other-sheet puts a sheet with
 * other columns first. --total ends the table with Excel's total row:
 * "Summa" in the first column and SUM formulas (with their values) under
 * the amounts. The CSV must have no quoted fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_FIELDS 64

static int split(char *line, char **fields)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < MAX_FIELDS;) {
        fields[n++] = p;
        p = strchr(p, ',');
        if (p == NULL)
            break;
        *p++ = '\0';
    }
    return n;
}

/* "1250000.5" → "1 250 000.5" */
static void grouped(const char *number, char *out)
{
    size_t whole = strcspn(number, ".");
    for (size_t i = 0; i < whole; i++) {
        if (i > 0 && (whole - i) % 3 == 0)
            *out++ = ' ';
        *out++ = number[i];
    }
    strcpy(out, number + whole);
}

int main(int argc, char **argv)
{
    lxw_workbook_options options = {.constant_memory = LXW_FALSE};
    const char *other = NULL;
    int total = 0, a = 1;
    for (; a < argc && strncmp(argv[a], "--", 2) == 0; a++) {
        if (strcmp(argv[a], "--inline") == 0)
            options.constant_memory = LXW_TRUE;
        else if (strcmp(argv[a], "--total") == 0)
            total = 1;
        else if (strcmp(argv[a], "--other-sheet") == 0 && a + 1 < argc)
            other = argv[++a];
    }
    if (argc - a != 3) {
        fprintf(stderr, "usage: xlsx_write [--inline] [--other-sheet NAME] [--total] OUT.xlsx "
                        "SHEET IN.csv\n");
        return 2;
    }
    FILE *in = fopen(argv[a + 2], "r");
    if (in == NULL) {
        perror(argv[a + 2]);
        return 1;
    }
    lxw_workbook *book = workbook_new_opt(argv[a], &options);
    if (other != NULL) {
        lxw_worksheet *notes = workbook_add_worksheet(book, other);
        worksheet_write_string(notes, 0, 0, "note", NULL);
        worksheet_write_string(notes, 1, 0, "this sheet is not the table", NULL);
    }
    lxw_worksheet *sheet = workbook_add_worksheet(book, argv[a + 1]);
    lxw_format *date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    worksheet_write_string(sheet, 0, 0, "Follow-up of the regional growth work", NULL);
    char line[4096], *header[MAX_FIELDS], *fields[MAX_FIELDS], names[4096];
    if (fgets(names, sizeof names, in) == NULL)
        return 1;
    int width = split(names, header);
    for (int c = 0; c < width; c++)
        worksheet_write_string(sheet, 2, (lxw_col_t)(c + 1), header[c], NULL);
    double sums[MAX_FIELDS] = {0};
    lxw_row_t row = 3;
    for (; fgets(line, sizeof line, in) != NULL; row++) {
        int n = split(line, fields);
        for (int c = 0; c < n && c < width; c++) {
            const char *h = header[c], *v = fields[c];
            lxw_col_t col = (lxw_col_t)(c + 1);
            char *end;
            (void)strtod(v, &end);
            int numeric = end != v && *end == '\0';
            if (v[0] == '\0')
                continue;
            if (numeric)
                sums[c] += strtod(v, NULL);
            if (!numeric) {
                worksheet_write_string(sheet, row, col, v, NULL);
            } else if (strncmp(h, "amount", 6) == 0 && row % 3 == 0) {
                char text[128];
                grouped(v, text);
                worksheet_write_string(sheet, row, col, text, NULL);
            } else if (strncmp(h, "amount", 6) == 0 || strcmp(h, "year") == 0 ||
                       strcmp(h, "count") == 0) {
                worksheet_write_number(sheet, row, col, strtod(v, NULL), NULL);
            } else if (strcmp(h, "decided") == 0) {
                lxw_datetime when = {.year = atoi(v), .month = atoi(v + 5), .day = atoi(v + 8)};
                worksheet_write_datetime(sheet, row, col, &when, date);
            } else {
                worksheet_write_string(sheet, row, col, v, NULL);
            }
        }
    }
    if (total) {
        worksheet_write_string(sheet, row, 1, "Summa", NULL);
        for (int c = 0; c < width; c++) {
            if (strncmp(header[c], "amount", 6) != 0)
                continue;
            char formula[64];
            lxw_col_t col = (lxw_col_t)(c + 1);
            snprintf(formula, sizeof formula, "=SUM(%c4:%c%u)", 'A' + col, 'A' + col,
                     (unsigned)row);
            worksheet_write_formula_num(sheet, row, col, formula, NULL, sums[c]);
        }
    }
    fclose(in);
    return workbook_close(book) == LXW_NO_ERROR ? 0 : 1;
}
