/* core/data/xlsx.c — the rows of one worksheet as records (contract in
 * xlsx.h): choosing the sheet, finding the header row under titles and
 * blank rows, and turning each <row> of the sheet's XML, read as a stream,
 * into the header's number of cell texts.
 *
 * Why records: table_reader.c then maps, converts and checks a workbook's
 * rows with exactly the code that reads CSV, so a number stored in a cell
 * ends up as the same fixed-point value as the same text in a CSV file, and
 * every check and warning applies unchanged. */
#include "data/xlsx.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "data/convert.h"
#include "data/problem.h"
#include "data/table_source.h"
#include "data/xlsx_private.h"
#include "util/did_you_mean.h"
#include "util/i18n.h"

typedef struct cell {
    guint32 column; /* 0-based */
    guint32 length;
    gsize at; /* in the row's text */
} cell;

struct jv_xlsx_reader {
    zip_t *zip;
    jv_xlsx_book book;
    char *file;    /* options->display_path */
    char *display; /* FILE[SHEET] */
    guint sheet;
    jv_xlsx_part *part;
    const char *problem;
    guint64 bytes;
    /* the current row */
    guint64 row, last_row;
    GString *text;
    GArray *cells;
    GString *value, *scratch, *shortest;
    /* the table: columns first .. first + width - 1 */
    guint32 first, width;
    jv_string *fields;
    gboolean header_pending, ended;
    /* non-empty cells of data rows outside the table's columns */
    guint64 outside, outside_row;
    guint32 outside_column;
};

gboolean jv_xlsx_is_workbook(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && g_ascii_strcasecmp(path + n - 5, ".xlsx") == 0;
}

static int row_error(jv_xlsx_reader *x, GError **error, const char *format, ...)
    G_GNUC_PRINTF(3, 4);
static int row_error(jv_xlsx_reader *x, GError **error, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *message = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT, _("%s:%" PRIu64 ": %s"),
                x->display ? x->display : x->file, x->row, message);
    g_free(message);
    x->problem = JV_PROBLEM_UNREADABLE;
    return -1;
}

/* "BC12" → column 54 (0-based); -1 beyond XFD or without letters. */
static long column_of(const char *reference)
{
    long column = 0;
    const char *p = reference;
    for (; g_ascii_isalpha(*p); p++) {
        column = column * 26 + (g_ascii_toupper(*p) - 'A' + 1);
        if (column > JV_XLSX_MAX_COLUMNS)
            return -1;
    }
    return p == reference ? -1 : column - 1;
}

static const char *cell_value_text(jv_xlsx_reader *x, const char *type, long style, GError **error)
{
    const char *v = x->value->str;
    if (type == NULL || strcmp(type, "n") == 0) {
        if (x->value->len == 0)
            return "";
        if (style >= 0 && (guint)style < x->book.date_styles->len &&
            g_array_index(x->book.date_styles, gboolean, style) &&
            jv_xlsx_date_text(v, x->book.date1904, x->scratch))
            return x->scratch->str;
        if (jv_xlsx_shortest_number(v, x->shortest))
            v = x->shortest->str;
        if (jv_xlsx_plain_number(v, x->scratch))
            return x->scratch->str;
        return v;
    }
    if (strcmp(type, "s") == 0) {
        char *end;
        guint64 i = g_ascii_strtoull(v, &end, 10);
        if (x->value->len == 0 || *end != '\0' || i >= x->book.string_at->len) {
            row_error(x, error,
                      _("the workbook is corrupt: a cell refers to shared string '%s', "
                        "which does not exist"),
                      v);
            return NULL;
        }
        return x->book.strings->str + g_array_index(x->book.string_at, guint32, i);
    }
    if (strcmp(type, "b") == 0)
        return strcmp(v, "1") == 0 ? "TRUE" : x->value->len ? "FALSE" : "";
    return v; /* str, e, inlineStr (its text is in value), d */
}

/* Reads one <c> element (the reader is on its start tag) into the row. */
static int read_cell(jv_xlsx_reader *x, long *next_column, GError **error)
{
    const char *reference = jv_xlsx_part_attribute(x->part, "r");
    long column = reference ? column_of(reference) : *next_column;
    if (column < 0 || column >= JV_XLSX_MAX_COLUMNS)
        return row_error(x, error,
                         _("a cell beyond column XFD (Excel's %d columns); the sheet "
                           "is corrupt or not a table"),
                         JV_XLSX_MAX_COLUMNS);
    if (x->cells->len >= JV_XLSX_MAX_COLUMNS)
        return row_error(x, error, _("more than %d cells in one row; the sheet is corrupt"),
                         JV_XLSX_MAX_COLUMNS);
    *next_column = column + 1;
    const char *t = jv_xlsx_part_attribute(x->part, "t");
    char *type = t ? g_strdup(t) : NULL;
    const char *s = jv_xlsx_part_attribute(x->part, "s");
    long style = s ? strtol(s, NULL, 10) : -1;
    g_string_truncate(x->value, 0);
    int status = 0;
    if (!xmlTextReaderIsEmptyElement(x->part->xml)) {
        int depth = xmlTextReaderDepth(x->part->xml);
        for (;;) {
            if (jv_xlsx_part_read(x->part, error) <= 0) {
                status = error && *error ? -1 : row_error(x, error, _("the sheet ends in a cell"));
                break;
            }
            int kind = xmlTextReaderNodeType(x->part->xml);
            if (kind == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(x->part->xml) == depth)
                break;
            if (kind != XML_READER_TYPE_ELEMENT)
                continue;
            const char *name = jv_xlsx_part_name(x->part);
            if (strcmp(name, "v") == 0 || strcmp(name, "is") == 0) {
                g_string_truncate(x->value, 0);
                if (jv_xlsx_part_text(x->part, x->value, JV_CSV_MAX_RECORD, error) < 0) {
                    status = -1;
                    break;
                }
            } else if (strcmp(name, "f") == 0) {
                GString *formula = g_string_new(NULL);
                status = jv_xlsx_part_text(x->part, formula, JV_CSV_MAX_RECORD, error);
                g_string_free(formula, TRUE);
                if (status < 0)
                    break;
            }
        }
    }
    const char *text = status < 0 ? NULL : cell_value_text(x, type, style, error);
    g_free(type);
    if (text == NULL) {
        if (error && *error && x->problem == NULL)
            x->problem = JV_PROBLEM_UNREADABLE;
        return -1;
    }
    size_t n = strlen(text);
    if (n == 0)
        return 0;
    if (x->text->len + n > JV_CSV_MAX_RECORD)
        return row_error(x, error, _("a row of more than %zu MiB"), JV_CSV_MAX_RECORD >> 20);
    cell c = {.column = (guint32)column, .length = (guint32)n, .at = x->text->len};
    g_string_append_len(x->text, text, (gssize)n);
    g_array_append_val(x->cells, c);
    return 0;
}

/* The next <row> of the sheet: 1, 0 at the end, -1 + error. */
static int read_row(jv_xlsx_reader *x, GError **error)
{
    g_string_truncate(x->text, 0);
    g_array_set_size(x->cells, 0);
    if (x->ended)
        return 0;
    int got;
    while ((got = jv_xlsx_part_read(x->part, error)) == 1) {
        if (xmlTextReaderNodeType(x->part->xml) == XML_READER_TYPE_ELEMENT &&
            strcmp(jv_xlsx_part_name(x->part), "row") == 0)
            break;
    }
    if (got <= 0) {
        x->ended = got == 0;
        if (got < 0)
            x->problem = JV_PROBLEM_UNREADABLE;
        return got;
    }
    const char *r = jv_xlsx_part_attribute(x->part, "r");
    guint64 number = r ? g_ascii_strtoull(r, NULL, 10) : x->last_row + 1;
    x->row = number;
    if (number == 0 || number > JV_XLSX_MAX_ROWS || number <= x->last_row)
        return row_error(x, error, _("the workbook is corrupt: row number '%s' %s"), r ? r : "",
                         number > JV_XLSX_MAX_ROWS ? "is beyond Excel's last row"
                                                   : "is out of order");
    x->last_row = number;
    if (xmlTextReaderIsEmptyElement(x->part->xml))
        return 1;
    int depth = xmlTextReaderDepth(x->part->xml);
    long next_column = 0;
    for (;;) {
        if (jv_xlsx_part_read(x->part, error) <= 0)
            return error && *error ? (x->problem = JV_PROBLEM_UNREADABLE, -1)
                                   : row_error(x, error, _("the sheet ends inside a row"));
        int kind = xmlTextReaderNodeType(x->part->xml);
        if (kind == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(x->part->xml) == depth)
            return 1;
        if (kind == XML_READER_TYPE_ELEMENT && strcmp(jv_xlsx_part_name(x->part), "c") == 0 &&
            read_cell(x, &next_column, error) < 0)
            return -1;
    }
}

static void close_sheet(jv_xlsx_reader *x)
{
    jv_xlsx_part_close(x->part);
    x->part = NULL;
}

static gboolean open_sheet(jv_xlsx_reader *x, guint sheet, GError **error)
{
    close_sheet(x);
    x->sheet = sheet;
    x->row = x->last_row = 0;
    x->ended = FALSE;
    g_free(x->display);
    x->display = g_strdup_printf("%s[%s]", x->file,
                                 (const char *)g_ptr_array_index(x->book.sheet_names, sheet));
    x->part = jv_xlsx_part_open(x->zip, g_ptr_array_index(x->book.sheet_parts, sheet), x->display,
                                JV_XLSX_MAX_PART, FALSE, error);
    if (x->part == NULL)
        x->problem = JV_PROBLEM_UNREADABLE;
    return x->part != NULL;
}

/* How many of `wanted` the current row names, and its non-empty cells. */
static size_t score_row(const jv_xlsx_reader *x, const jv_xlsx_options *o, size_t *filled)
{
    size_t found = 0;
    *filled = 0;
    for (size_t w = 0; w < o->n_wanted; w++) {
        size_t n = strlen(o->wanted[w]);
        for (guint i = 0; i < x->cells->len; i++) {
            const cell *c = &g_array_index(x->cells, cell, i);
            const char *t = x->text->str + c->at;
            size_t len = c->length;
            jv_trim(&t, &len);
            if (len == n && memcmp(t, o->wanted[w], n) == 0) {
                found++;
                break;
            }
        }
    }
    for (guint i = 0; i < x->cells->len; i++) {
        const cell *c = &g_array_index(x->cells, cell, i);
        const char *t = x->text->str + c->at;
        size_t len = c->length;
        jv_trim(&t, &len);
        *filled += len > 0;
    }
    return found;
}

/* Reads rows until the header (xlsx.h rule 4). 1: the current row is the
 * header; 0: not found, *best is the row to take; -1: error. */
static int find_header(jv_xlsx_reader *x, const jv_xlsx_options *o, guint64 *best, GError **error)
{
    size_t best_score = 0, best_filled = 0;
    *best = 0;
    for (guint seen = 0; seen < JV_XLSX_HEADER_SEARCH;) {
        int got = read_row(x, error);
        if (got <= 0)
            return got;
        size_t filled;
        size_t score = score_row(x, o, &filled);
        if (filled == 0)
            continue;
        seen++;
        if (o->header_row > 0) {
            if (x->row == o->header_row)
                return 1;
            if (x->row > o->header_row)
                return 0;
            continue;
        }
        if (o->n_wanted > 0 && score == o->n_wanted)
            return 1;
        if (score > best_score ||
            (score == best_score && best_score == 0 && filled > best_filled)) {
            best_score = score;
            best_filled = filled;
            *best = x->row;
        }
    }
    return 0;
}

static void take_header(jv_xlsx_reader *x)
{
    guint32 first = G_MAXUINT32, last = 0;
    for (guint i = 0; i < x->cells->len; i++) {
        const cell *c = &g_array_index(x->cells, cell, i);
        const char *t = x->text->str + c->at;
        size_t len = c->length;
        jv_trim(&t, &len);
        if (len == 0)
            continue;
        first = MIN(first, c->column);
        last = MAX(last, c->column);
    }
    x->first = first == G_MAXUINT32 ? 0 : first;
    x->width = first == G_MAXUINT32 ? 1 : last - first + 1;
    x->fields = g_new(jv_string, x->width);
    x->header_pending = TRUE;
}

/* The sheet `o->sheet` names: its index, or -1 + error. */
static int named_sheet(jv_xlsx_reader *x, const char *name, GError **error)
{
    GPtrArray *names = x->book.sheet_names;
    for (guint i = 0; i < names->len; i++)
        if (strcmp(g_ptr_array_index(names, i), name) == 0)
            return (int)i;
    char *end;
    guint64 index = g_ascii_strtoull(name, &end, 10);
    if (*end == '\0' && end != name && index >= 1 && index <= names->len)
        return (int)index - 1;
    g_ptr_array_add(names, NULL);
    const char *close = jv_did_you_mean(name, (const char *const *)names->pdata);
    char *list = g_strjoinv("', '", (char **)names->pdata);
    g_ptr_array_remove_index(names, names->len - 1);
    g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                _("%s: the workbook has no sheet '%s'%s%s%s; its sheets are '%s' (\"sheet\" takes "
                  "a name or a number from 1)"),
                x->file, name, close ? " (did you mean '" : "", close ? close : "",
                close ? "'?)" : "", list);
    g_free(list);
    x->problem = JV_PROBLEM_SETTINGS;
    return -1;
}

/* Goes to row `number` of sheet `sheet` from the start. */
static gboolean reopen_at(jv_xlsx_reader *x, guint sheet, guint64 number, GError **error)
{
    if (!open_sheet(x, sheet, error))
        return FALSE;
    int got;
    while ((got = read_row(x, error)) == 1 && x->row < number)
        ;
    if (got == 1 && x->row == number)
        return TRUE;
    if (got >= 0)
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: the sheet changed while it was read"), x->display);
    return FALSE;
}

static gboolean choose_sheet_and_header(jv_xlsx_reader *x, const jv_xlsx_options *o, GError **error)
{
    int only = o->sheet ? named_sheet(x, o->sheet, error) : -1;
    if (o->sheet && only < 0)
        return FALSE;
    guint first = only >= 0 ? (guint)only : 0;
    guint last = only >= 0 ? (guint)only : x->book.sheet_names->len - 1;
    guint64 fallback = 0; /* the first sheet's row to take when no sheet names them all */
    for (guint s = first; s <= last; s++) {
        guint64 best;
        if (!open_sheet(x, s, error))
            return FALSE;
        int got = find_header(x, o, &best, error);
        if (got < 0)
            return FALSE;
        size_t filled;
        /* a given header_row is taken on the first sheet where it names
         * the columns, else on the first sheet that has it */
        if (got == 1 && (o->header_row == 0 || only >= 0 || o->n_wanted == 0 ||
                         score_row(x, o, &filled) == o->n_wanted)) {
            take_header(x);
            return TRUE;
        }
        if (s == first)
            fallback = got == 1 ? o->header_row : best;
    }
    g_free(x->display);
    x->display = g_strdup_printf("%s[%s]", x->file,
                                 (const char *)g_ptr_array_index(x->book.sheet_names, first));
    x->problem = JV_PROBLEM_EMPTY_FILE;
    if (o->header_row > 0 && fallback == 0) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: row %u is empty or beyond the sheet's last row; \"header_row\" must "
                      "be the row (as Excel numbers it) that names the columns"),
                    x->display, o->header_row);
        return FALSE;
    }
    if (fallback == 0) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: the sheet is empty; its header row must name the columns%s"), x->display,
                    only < 0 && x->book.sheet_names->len > 1
                        ? " (no sheet names them all; choose one with \"sheet\")"
                        : "");
        return FALSE;
    }
    x->problem = JV_PROBLEM_UNREADABLE;
    if (!reopen_at(x, first, fallback, error))
        return FALSE;
    take_header(x);
    return TRUE;
}

static gboolean hash_file(const char *path, GChecksum *checksum, guint64 *bytes)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return FALSE;
    guchar buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, f)) > 0) {
        if (checksum)
            g_checksum_update(checksum, buffer, (gssize)n);
        *bytes += n;
    }
    gboolean ok = !ferror(f);
    fclose(f);
    return ok;
}

jv_xlsx_reader *jv_xlsx_open(const jv_xlsx_options *o, const char **problem, GError **error)
{
    static gsize initialised = 0;
    if (g_once_init_enter(&initialised)) {
        xmlInitParser();
        g_once_init_leave(&initialised, 1);
    }
    jv_xlsx_reader *x = g_new0(jv_xlsx_reader, 1);
    x->file = g_strdup(o->display_path ? o->display_path : o->path);
    x->text = g_string_new(NULL);
    x->value = g_string_new(NULL);
    x->scratch = g_string_new(NULL);
    x->shortest = g_string_new(NULL);
    x->cells = g_array_new(FALSE, FALSE, sizeof(cell));
    x->problem = JV_PROBLEM_UNREADABLE;
    int code = 0;
    x->zip = zip_open(o->path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (x->zip == NULL) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: not a readable .xlsx workbook (%s)%s"), x->file, zip_error_strerror(&ze),
                    code == ZIP_ER_NOZIP ? "; an .xlsx file is a zip archive: is this an old "
                                           ".xls, a CSV file named .xlsx, or a file cut "
                                           "short?"
                                         : "; save the workbook again from Excel");
        zip_error_fini(&ze);
        goto fail;
    }
    if (!hash_file(o->path, o->checksum, &x->bytes)) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_IO, _("%s: cannot read the file"), x->file);
        goto fail;
    }
    if (!jv_xlsx_book_load(&x->book, x->zip, x->file, error))
        goto fail;
    if (!choose_sheet_and_header(x, o, error))
        goto fail;
    return x;
fail:
    *problem = x->problem;
    jv_xlsx_free(x);
    return NULL;
}

int jv_xlsx_next(jv_xlsx_reader *x, jv_csv_record *record, GError **error)
{
    if (!x->header_pending) {
        int got = read_row(x, error);
        if (got <= 0)
            return got;
    }
    for (guint32 i = 0; i < x->width; i++)
        x->fields[i] = (jv_string){.data = "", .length = 0};
    gboolean header = x->header_pending;
    for (guint i = 0; i < x->cells->len; i++) {
        const cell *c = &g_array_index(x->cells, cell, i);
        if (c->column >= x->first && c->column - x->first < x->width)
            x->fields[c->column - x->first] =
                (jv_string){.data = x->text->str + c->at, .length = c->length};
        else if (!header && x->outside++ == 0) {
            x->outside_row = x->row;
            x->outside_column = c->column;
        }
    }
    x->header_pending = FALSE;
    *record = (jv_csv_record){.fields = x->fields,
                              .n_fields = x->width,
                              .offset = x->row,
                              .line = x->row,
                              .bytes = x->text->len,
                              .quoted = FALSE};
    return 1;
}

char *jv_xlsx_outside_message(const jv_xlsx_reader *x)
{
    if (x->outside == 0)
        return NULL;
    char letters[8];
    int n = 0;
    for (guint32 c = x->outside_column + 1; c > 0 && n < 7; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    GString *column = g_string_new(NULL);
    while (n > 0)
        g_string_append_c(column, letters[--n]);
    char *message = g_strdup_printf(
        "%" G_GUINT64_FORMAT
        " non-empty %s outside the table's columns (the first in row %" G_GUINT64_FORMAT
        ", column %s) %s not read; if %s data, give %s a header",
        x->outside, x->outside == 1 ? "cell" : "cells", x->outside_row, column->str,
        x->outside == 1 ? "was" : "were", x->outside == 1 ? "it is" : "they are",
        x->outside == 1 ? "its column" : "their columns");
    g_string_free(column, TRUE);
    return message;
}

const char *jv_xlsx_display(const jv_xlsx_reader *x) { return x->display ? x->display : x->file; }

const char *jv_xlsx_problem(const jv_xlsx_reader *x)
{
    return x->problem ? x->problem : JV_PROBLEM_UNREADABLE;
}

guint64 jv_xlsx_bytes(const jv_xlsx_reader *x) { return x->bytes; }

void jv_xlsx_free(jv_xlsx_reader *x)
{
    if (x == NULL)
        return;
    close_sheet(x);
    jv_xlsx_book_clear(&x->book);
    if (x->zip != NULL)
        zip_discard(x->zip);
    g_string_free(x->text, TRUE);
    g_string_free(x->value, TRUE);
    g_string_free(x->scratch, TRUE);
    g_string_free(x->shortest, TRUE);
    g_array_unref(x->cells);
    g_free(x->fields);
    g_free(x->display);
    g_free(x->file);
    g_free(x);
}
