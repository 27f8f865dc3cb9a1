/* core/data/table_check.c — what a checking reader (dataset.h,
 * jv_table_reader_open_checking) records about a file besides stopping
 * nowhere: every failing cell of a row, rows of the wrong width, and the
 * signs of a wrong export — Windows-1252 bytes read as UTF-8, decimal
 * commas split by a comma delimiter. Called only by a checking reader, on
 * its error paths or its own copy of the row loop. */
#include "data/table_reader_private.h"

#include <string.h>

#include "data/convert.h"
#include "util/i18n.h"

/* Records an error whose message reads "FILE[:LINE]: text" as a problem:
 * file and line apart, the hint (what follows "; ") apart too. */
void jv_table_check_error(jv_problem_list *problems, const char *code, const char *display,
                          const GError *error)
{
    const char *text = error->message;
    guint64 line = 0;
    size_t n = strlen(display);
    if (strncmp(text, display, n) == 0) {
        const char *t = text + n;
        if (t[0] == ':' && g_ascii_isdigit(t[1])) {
            char *end;
            line = g_ascii_strtoull(t + 1, &end, 10);
            t = end;
        }
        if (t[0] == ':' && t[1] == ' ')
            text = t + 2;
    }
    const char *semicolon = strstr(text, "; ");
    jv_problem_list_add(problems, JV_SEVERITY_ERROR, code, display, line, NULL, 0, NULL, 0,
                        g_strdup(text), semicolon ? g_strdup(semicolon + 2) : NULL);
}

/* Checking: the severity of a bad row's problems. A table read with
 * "on_error": "skip" would lose the row, not the run. */
static jv_severity row_severity(const jv_table_reader *r)
{
    return r->on_error == JV_ON_ERROR_SKIP ? JV_SEVERITY_WARNING : JV_SEVERITY_ERROR;
}

/* Checking: the first value that is not UTF-8 in a file read as UTF-8 —
 * most often a Windows-1252 export (Excel's plain "CSV"). Once a file. */
void jv_table_check_encoding(jv_table_reader *r, const jv_csv_record *record)
{
    for (size_t i = 0; i < record->n_fields; i++) {
        const jv_string *f = &record->fields[i];
        if (!jv_has_high_bytes(f->data, f->length) ||
            g_utf8_validate(f->data, (gssize)f->length, NULL))
            continue;
        r->encoding_warned = TRUE;
        const char *name = i < r->header.names->len ? g_ptr_array_index(r->header.names, i) : NULL;
        jv_problem_list_add(
            r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_ENCODING, r->display, record->line, name,
            (int)i + 1, f->data, f->length,
            g_strdup(_("the file is read as UTF-8, but this value is not UTF-8: the file was "
                       "probably saved as Windows-1252 (Excel's plain \"CSV\")")),
            g_strdup(_("set \"encoding\": \"windows-1252\" for this table in the evaluation "
                       "file, or save the file as \"CSV UTF-8\"")));
        return;
    }
}

/* Whether a field looks like the whole part of a number and the next one
 * like its decimals: "12" "5" from an unquoted 12,5. */
static gboolean split_decimal_at(const jv_csv_record *record, size_t i)
{
    const jv_string *a = &record->fields[i], *b = &record->fields[i + 1];
    if (a->length == 0 || b->length == 0 || b->length > 4)
        return FALSE;
    for (uint32_t k = 0; k < a->length; k++)
        if (!g_ascii_isdigit(a->data[k]) && !(k == 0 && a->data[k] == '-') && a->data[k] != ' ')
            return FALSE;
    if (!g_ascii_isdigit(a->data[a->length - 1]))
        return FALSE;
    for (uint32_t k = 0; k < b->length; k++)
        if (!g_ascii_isdigit(b->data[k]))
            return FALSE;
    return TRUE;
}

int jv_table_check_decimal_split(const jv_table_reader *r, const jv_csv_record *record)
{
    if (r->header.delimiter != ',' || record->n_fields <= r->header.names->len)
        return -1;
    /* joining the halves, left to right, must give the header's width */
    size_t extra = record->n_fields - r->header.names->len, joined = 0;
    int first = -1;
    for (size_t i = 0; i + 1 < record->n_fields && joined < extra; i++)
        if (split_decimal_at(record, i)) {
            if (first < 0)
                first = (int)i;
            joined++;
            i++;
        }
    return joined == extra ? first : -1;
}

int jv_table_check_not_data(jv_table_reader *r, const jv_csv_record *record, char *message)
{
    r->skipped++;
    if (r->on_error == JV_ON_ERROR_SKIP) {
        char *skipped = g_strconcat(message, _(" (row skipped)"), NULL);
        g_free(message);
        message = skipped;
    }
    jv_problem_list_add(r->problems, row_severity(r), JV_PROBLEM_NOT_DATA, r->display, record->line,
                        NULL, 0, NULL, 0, message, g_strdup(JV_NOT_DATA_HINT));
    return 0;
}

/* Checking: a row whose field count differs from the header's. */
int jv_table_check_field_count(jv_table_reader *r, const jv_csv_record *record)
{
    char *not_data = jv_row_not_data_message(&r->shape, record->fields, record->n_fields);
    if (not_data != NULL)
        return jv_table_check_not_data(r, record, not_data);
    char d = r->header.delimiter;
    const char *shown = d == '\t' ? "\\t" : (char[]){d, 0};
    r->skipped++;
    jv_problem_list_add(
        r->problems, row_severity(r), JV_PROBLEM_FIELD_COUNT, r->display, record->line, NULL, 0,
        NULL, 0,
        g_strdup_printf(_("row has %zu fields, the header has %u; a value that contains the "
                          "delimiter '%s' must be in quotes%s"),
                        record->n_fields, r->header.names->len, shown,
                        r->on_error == JV_ON_ERROR_SKIP ? _(" (row skipped)") : ""),
        g_strdup_printf(_("a value that contains the delimiter '%s' must be in quotes"), shown));
    int i = r->comma_warned ? -1 : jv_table_check_decimal_split(r, record);
    if (i >= 0) {
        r->comma_warned = TRUE;
        const jv_string *a = &record->fields[i], *b = &record->fields[i + 1];
        char *value =
            g_strdup_printf("%.*s,%.*s", (int)a->length, a->data, (int)b->length, b->data);
        jv_problem_list_add(
            r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_DECIMAL_COMMA, r->display, record->line,
            NULL, i + 1, value, -1,
            g_strdup(_("the file is comma-separated, but numbers like this one seem to have "
                       "a decimal comma, which splits them into two columns")),
            g_strdup(_("save the file with ';' as delimiter (Excel's Swedish \"CSV\"), or "
                       "quote such numbers and set \"decimal\": \",\"")));
        g_free(value);
    }
    return 0;
}

/* Checking: records the cell whose conversion failed. */
static void record_cell(jv_table_reader *r, const jv_csv_record *record, const jv_role_column *c,
                        const char *text, size_t length, char *message)
{
    if (g_strcmp0(r->row.fail_code, JV_PROBLEM_ENCODING) == 0) {
        /* one encoding problem, one message: the first cell says it for
         * the file, so the other problems of the file still get listed */
        if (r->encoding_listed) {
            g_free(message);
            return;
        }
        r->encoding_listed = r->encoding_warned = TRUE;
        char *whole = g_strconcat(message,
                                  _(" (the first such value in the file; any others "
                                    "are not listed)"),
                                  NULL);
        g_free(message);
        message = whole;
    }
    if (r->on_error == JV_ON_ERROR_SKIP) {
        char *skipped = g_strconcat(message, _(" (row skipped)"), NULL);
        g_free(message);
        message = skipped;
    }
    jv_problem_list_add(r->problems, row_severity(r),
                        r->row.fail_code ? r->row.fail_code : JV_PROBLEM_TYPE_ERROR, r->display,
                        record->line, c->column_name, c->field + 1, text, (gssize)length, message,
                        jv_role_column_hint(c, &r->row, text, length));
}

/* Checking: the cell of role `first` failed; records it and every other
 * failing cell of the row, then leaves the row out. Returns 0. */
int jv_table_check_row(jv_table_reader *r, const jv_csv_record *record, size_t n, size_t first,
                       const char *text, size_t length, char *message, size_t used)
{
    char *not_data = jv_row_not_data_message(&r->shape, record->fields, record->n_fields);
    if (not_data != NULL) {
        g_free(message);
        jv_row_discard(&r->row);
        return jv_table_check_not_data(r, record, not_data);
    }
    record_cell(r, record, &r->roles[first], text, length, message);
    for (size_t i = first + 1; i < r->n_roles; i++) {
        jv_role_column *c = &r->roles[i];
        if (c->field < 0)
            continue;
        cell_text(r, &record->fields[c->field], &used, &text, &length);
        jv_trim(&text, &length);
        r->row.fail_code = NULL;
        if (jv_role_column_convert(c, &r->row, n, text, length, &message) < 0)
            record_cell(r, record, c, text, length, message);
    }
    jv_row_discard(&r->row);
    r->skipped++;
    return 0;
}
