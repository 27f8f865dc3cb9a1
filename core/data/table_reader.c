/* core/data/table_reader.c — reading a table's rows into rowsets
 * (contract in dataset.h; opening the file and its header is
 * table_open.c): turns records into rows through the role columns
 * (column.h), stopping at or skipping bad rows as the source asks — rows
 * that are not data (total rows, a repeated header, notes: not_data.h)
 * among them. Warnings are collected here, counted ones (empty gender
 * cells, '-' read as 0) included, so a run says what a check says.
 *
 * A checking reader (jv_table_reader_open_checking) records every problem
 * in its list and goes on. The per-row code is written once and inlined
 * twice — with `checking` a constant FALSE for runs and TRUE for checks —
 * so a run pays nothing for it: the checking work sits on error paths and
 * in the TRUE copy only. */
#include "data/dataset.h"

#include <inttypes.h>

#include <jamvikt/plugin.h>

#include "data/convert.h"
#include "data/table_reader_private.h"
#include "util/i18n.h"

/* Adds a warning (takes `text`). */
static void warn(jv_table_reader *r, char *text) { g_ptr_array_add(r->warnings, text); }

/* A bad row: an error that stops the read, or a skipped row. 0: skipped. */
static int bad_row(jv_table_reader *r, const jv_csv_record *record, const char *column,
                   char *message, jv_data_error_code code, GError **error)
{
    char *where =
        column ? g_strdup_printf(_("%s:%" PRIu64 ": column '%s': %s"), r->display, record->line,
                                 column, message)
               : g_strdup_printf("%s:%" G_GUINT64_FORMAT ": %s", r->display, record->line, message);
    g_free(message);
    if (r->on_error != JV_ON_ERROR_SKIP) {
        g_set_error_literal(error, JV_DATA_ERROR, code, where);
        g_free(where);
        return -1;
    }
    if (++r->skipped <= JV_SKIP_REASONS)
        warn(r, g_strconcat(where, " (row skipped)", NULL));
    g_free(where);
    return 0;
}

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* Converts one record into row n. 1: kept; 0: skipped; -1: error. */
static ALWAYS_INLINE int convert_row(jv_table_reader *r, const jv_csv_record *record, size_t n,
                                     const gboolean checking, GError **error)
{
    if (checking && !r->encoding_warned && r->recode == NULL)
        jv_table_check_encoding(r, record);
    if (record->n_fields != r->header.names->len) {
        if (checking)
            return jv_table_check_field_count(r, record);
        char *not_data = jv_row_not_data_message(&r->shape, record->fields, record->n_fields);
        if (not_data != NULL)
            return bad_row(r, record, NULL, not_data, JV_DATA_ERROR_VALUE, error);
        char d = r->header.delimiter;
        int split = jv_table_check_decimal_split(r, record);
        char *message = g_strdup_printf(
            _("row has %zu fields, the header has %u; a value that contains the delimiter "
              "'%s' must be in quotes%s"),
            record->n_fields, r->header.names->len, d == '\t' ? "\\t" : (char[]){d, 0},
            split < 0 ? ""
                      : _(" — numbers with a decimal comma (like 12,5) too: save the "
                          "file with ';' as delimiter, or quote them and set "
                          "\"decimal\": \",\""));
        return bad_row(r, record, NULL, message, JV_DATA_ERROR_FORMAT, error);
    }
    if (r->recode != NULL && r->scratch_size < 3 * record->bytes + 1) {
        r->scratch_size = 3 * record->bytes + 1;
        r->scratch = g_realloc(r->scratch, r->scratch_size);
    }
    size_t used = 0;
    jv_row_begin(&r->row);
    for (size_t i = 0; i < r->n_roles; i++) {
        jv_role_column *c = &r->roles[i];
        if (c->field < 0)
            continue;
        const char *text;
        size_t length;
        cell_text(r, &record->fields[c->field], &used, &text, &length);
        jv_trim(&text, &length);
        char *message;
        if (jv_role_column_convert(c, &r->row, n, text, length, &message) < 0) {
            if (checking)
                return jv_table_check_row(r, record, n, i, text, length, message, used);
            jv_row_discard(&r->row);
            char *not_data = jv_row_not_data_message(&r->shape, record->fields, record->n_fields);
            if (not_data != NULL) {
                g_free(message);
                return bad_row(r, record, NULL, not_data, JV_DATA_ERROR_VALUE, error);
            }
            return bad_row(r, record, c->column_name, message, JV_DATA_ERROR_VALUE, error);
        }
    }
    char *total =
        G_UNLIKELY(
            jv_row_maybe_not_data(&r->shape, record->fields, record->n_fields, r->row.n_noted > 0))
            ? jv_row_converted_not_data_message(&r->shape, record->fields, record->n_fields)
            : NULL;
    if (G_UNLIKELY(total != NULL)) {
        jv_row_discard(&r->row);
        if (checking)
            return jv_table_check_not_data(r, record, total);
        return bad_row(r, record, NULL, total, JV_DATA_ERROR_VALUE, error);
    }
    if (r->row.scb && !r->scb_warned) {
        r->scb_warned = TRUE;
        const char *column = "gender";
        for (size_t i = 0; i < r->n_roles; i++)
            if (r->roles[i].kind == JV_CELL_GENDER && r->roles[i].field >= 0)
                column = r->roles[i].column_name;
        warn(r, g_strdup_printf("%s: column '%s': the codes 1 and 2 were read as 1 = man, "
                                "2 = woman (SCB's coding); some systems code them the other "
                                "way round — if this file does, map them under \"codes\" in "
                                "the evaluation file",
                                r->display, column));
        if (checking)
            jv_problem_list_add(
                r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_GENDER_CODES, r->display, record->line,
                column, 0, NULL, 0,
                g_strdup(_("the codes 1 and 2 were read as 1 = man, 2 = woman (SCB's coding); "
                           "some systems code them the other way round")),
                g_strdup(_("if this file does, map them under \"codes\" in the evaluation file")));
    }
    jv_row_commit(&r->row);
    return 1;
}

/* The end of the file: the hash and the closing warnings. */
char *jv_table_rounded_warning(const char *display, guint64 count, const char *column)
{
    return g_strdup_printf("%s: %" G_GUINT64_FORMAT " values in column '%s' had more than 4 "
                           "decimals and were rounded (half to even) to 4",
                           display, count, column);
}

char *jv_table_empty_gender_warning(const char *display, guint64 count, const char *column)
{
    return g_strdup_printf("%s: column '%s': %" G_GUINT64_FORMAT " %s an empty gender cell, "
                           "read as gender unknown",
                           display, column, count, count == 1 ? "row has" : "rows have");
}

char *jv_table_dash_warning(const char *display, guint64 count, const char *column)
{
    return g_strdup_printf("%s: column '%s': %" G_GUINT64_FORMAT " %s '-' (Excel's accounting "
                           "zero), read as 0",
                           display, column, count, count == 1 ? "cell reads" : "cells read");
}

guint64 jv_table_reader_empty_gender(const jv_table_reader *r, size_t i)
{
    return i < r->n_roles ? r->roles[i].empty : 0;
}

guint64 jv_table_reader_dashes(const jv_table_reader *r, size_t i)
{
    return i < r->n_roles ? r->roles[i].dashes : 0;
}

char *jv_table_skipped_warning(const char *display, guint64 skipped, gboolean truncated)
{
    return g_strdup_printf("%s: %" G_GUINT64_FORMAT " %s skipped because of errors "
                           "(\"on_error\": \"skip\")%s",
                           display, skipped, skipped == 1 ? "row" : "rows",
                           truncated ? "; the first 5 are listed above" : "");
}

guint64 jv_table_reader_next_offset(const jv_table_reader *r)
{
    if (r->xlsx != NULL)
        return 0;
    return r->csv ? jv_csv_next_offset(r->csv) : 0;
}

guint64 jv_table_reader_rounded(const jv_table_reader *r, size_t i)
{
    return i < r->n_roles ? r->roles[i].rounded : 0;
}

static void finish(jv_table_reader *r)
{
    r->finished = TRUE;
    if (r->checksum != NULL)
        r->sha256 = g_strdup(g_checksum_get_string(r->checksum));
    for (size_t i = 0; i < r->n_roles; i++) {
        const jv_role_column *c = &r->roles[i];
        if (c->empty > 0 && !r->no_summary)
            warn(r, jv_table_empty_gender_warning(r->display, c->empty, c->column_name));
        if (c->empty > 0 && r->problems != NULL)
            jv_problem_list_add(r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_EMPTY_GENDER,
                                r->display, 0, c->column_name, c->field + 1, NULL, 0,
                                g_strdup_printf(jv_ngettext("%" PRIu64 " row has an empty gender "
                                                            "cell, read as gender unknown",
                                                            "%" PRIu64 " rows have an empty gender "
                                                            "cell, read as gender unknown",
                                                            c->empty),
                                                c->empty),
                                g_strdup(_("fill in the gender where it is known")));
        if (c->dashes > 0 && !r->no_summary)
            warn(r, jv_table_dash_warning(r->display, c->dashes, c->column_name));
        if (c->dashes > 0 && r->problems != NULL)
            jv_problem_list_add(r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_DASH_ZERO, r->display,
                                0, c->column_name, c->field + 1, NULL, 0,
                                g_strdup_printf(jv_ngettext("%" PRIu64 " cell reads '-' (Excel's "
                                                            "accounting zero), read as 0",
                                                            "%" PRIu64 " cells read '-' (Excel's "
                                                            "accounting zero), read as 0",
                                                            c->dashes),
                                                c->dashes),
                                g_strdup(_("check that these amounts are 0")));
        if (r->roles[i].rounded == 0)
            continue;
        if (!r->no_summary)
            warn(r, jv_table_rounded_warning(r->display, r->roles[i].rounded,
                                             r->roles[i].column_name));
        if (r->problems != NULL)
            jv_problem_list_add(r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_ROUNDED, r->display, 0,
                                r->roles[i].column_name, r->roles[i].field + 1, NULL, 0,
                                g_strdup_printf(_("%" PRIu64 " values had more than 4 "
                                                  "decimals and were rounded (half to even) to 4"),
                                                r->roles[i].rounded),
                                NULL);
    }
    if (r->skipped > 0 && !r->no_summary)
        warn(r, jv_table_skipped_warning(r->display, r->skipped, r->skipped > JV_SKIP_REASONS));
    char *outside = r->xlsx ? jv_xlsx_outside_message(r->xlsx) : NULL;
    if (outside != NULL) {
        warn(r, g_strdup_printf("%s: %s", r->display, outside));
        if (r->problems != NULL)
            jv_problem_list_add(r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_FIELD_COUNT,
                                r->display, 0, NULL, 0, NULL, 0, g_strdup(outside), NULL);
        g_free(outside);
    }
}

/* Up to a rowset of rows; `checking` is a constant at each call. */
static ALWAYS_INLINE const jv_rowset *next_rows(jv_table_reader *r, const gboolean checking,
                                                GError **error)
{
    size_t n = 0;
    g_byte_array_set_size(r->row.ids, 0);
    while (n < JV_ROWSET_CAPACITY) {
        jv_csv_record record;
        int got = jv_table_next_record(r, &record, error);
        if (got == 0) {
            finish(r);
            break;
        }
        if (checking && got < 0) {
            /* the tokenizer cannot go on: what was read so far counts */
            jv_table_check_error(r->problems, jv_table_read_problem(r), r->display, *error);
            g_clear_error(error);
            finish(r);
            break;
        }
        if (got > 0)
            got = convert_row(r, &record, n, checking, error);
        if (got < 0) {
            r->failed = TRUE;
            return NULL;
        }
        if (got == 1) {
            r->positions[n] = record.offset;
            r->lines[n] = record.line;
            n++;
        }
    }
    if (n == 0)
        return NULL;
    for (size_t i = 0; i < r->n_roles; i++) {
        jv_role_column_finish_rowset(&r->roles[i], n, r->row.ids);
        r->columns[i] = r->roles[i].out;
    }
    r->rowset.n_rows = n;
    r->rows += n;
    return &r->rowset;
}

/* The checking copy of the row loop, out of line: inlining both copies
 * into jv_table_reader_next cost the run's copy 4 instructions a row. */
static G_GNUC_NO_INLINE const jv_rowset *next_checking(jv_table_reader *r)
{
    GError *local = NULL;
    return next_rows(r, TRUE, &local);
}

const jv_rowset *jv_table_reader_next(jv_table_reader *r, GError **error)
{
    g_return_val_if_fail(r != NULL, NULL);
    if (r->failed) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: reading stopped at an earlier error"), r->display);
        return NULL;
    }
    if (r->finished)
        return NULL;
    if (G_UNLIKELY(r->problems != NULL))
        return next_checking(r);
    return next_rows(r, FALSE, error);
}

const char *jv_table_reader_column_name(const jv_table_reader *r, size_t i)
{
    g_return_val_if_fail(r != NULL && i < r->n_roles, NULL);
    return r->roles[i].column_name;
}

guint64 jv_table_reader_rows(const jv_table_reader *r) { return r->rows; }

guint64 jv_table_reader_skipped(const jv_table_reader *r) { return r->skipped; }

guint64 jv_table_reader_bytes(const jv_table_reader *r)
{
    if (r->xlsx != NULL)
        return jv_xlsx_bytes(r->xlsx);
    return r->csv ? jv_csv_bytes_read(r->csv) : 0;
}

const char *jv_table_reader_sha256(const jv_table_reader *r) { return r->sha256; }

const GPtrArray *jv_table_reader_warnings(const jv_table_reader *r) { return r->warnings; }
