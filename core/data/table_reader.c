/* core/data/table_reader.c — reading one table file into rowsets
 * (contract in dataset.h): opens the file, maps the header, and turns
 * records into rows through the role columns (column.h), stopping at or
 * skipping bad rows as the source asks — rows that are not data (total
 * rows, a repeated header, notes: not_data.h) among them. Warnings are
 * collected here, the header's and counted ones (empty gender cells, '-'
 * read as 0) included, so a run says what a check says.
 *
 * A checking reader (jv_table_reader_open_checking) records every problem
 * in its list and goes on. The per-row code is written once and inlined
 * twice — with `checking` a constant FALSE for runs and TRUE for checks —
 * so a run pays nothing for it: the checking work sits on error paths and
 * in the TRUE copy only. */
#include "data/dataset.h"

#include <inttypes.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jamvikt/plugin.h>

#include "data/convert.h"
#include "data/encoding_sniff.h"
#include "data/table_reader_private.h"
#include "util/i18n.h"

G_DEFINE_QUARK(jv-data-error-quark, jv_data_error)



/* Reads records until one that is not blank: 1, 0 at the end, -1. */
static int next_record(jv_table_reader *r, jv_csv_record *record, GError **error)
{
    for (;;) {
        int got = r->xlsx ? jv_xlsx_next(r->xlsx, record, error)
                          : jv_csv_next(r->csv, record, error);
        if (got <= 0)
            return got;
        if (record->quoted)
            return 1;
        /* a blank line, or one of only delimiters, is no row */
        for (size_t i = 0; i < record->n_fields; i++) {
            const char *t = record->fields[i].data;
            size_t n = record->fields[i].length;
            jv_trim(&t, &n);
            if (n > 0)
                return 1;
        }
    }
}

static int setup_roles(jv_table_reader *r, const jv_table_source *source,
                       const jv_role_request *roles, size_t n_roles,
                       jv_problem_list *problems, GError **error)
{
    int *fields = g_new(int, n_roles ? n_roles : 1);
    int status = jv_header_map(&r->header, source, roles, n_roles, fields, problems, error);
    if (problems != NULL) {
        jv_header_check(&r->header, r->display, fields, n_roles, problems);
    } else if (status == 0) {
        /* a run warns about the header as check does (a column named
         * twice, a name that is not UTF-8) */
        jv_problem_list *found = jv_problem_list_new(16);
        jv_header_check(&r->header, r->display, fields, n_roles, found);
        const GPtrArray *items = jv_problem_list_items(found);
        for (guint k = 0; k < items->len; k++)
            g_ptr_array_add(r->warnings, jv_problem_text(g_ptr_array_index(items, k)));
        jv_problem_list_free(found);
    }
    r->n_roles = n_roles;
    r->roles = g_new0(jv_role_column, n_roles ? n_roles : 1);
    r->columns = g_new0(jv_column, n_roles ? n_roles : 1);
    for (size_t i = 0; i < n_roles && status == 0; i++) {
        GHashTable *codes = source->codes ? g_hash_table_lookup(source->codes, roles[i].name)
                                          : NULL;
        const char *name = fields[i] >= 0 ? g_ptr_array_index(r->header.names, fields[i]) : NULL;
        status = jv_role_column_init(&r->roles[i], &roles[i], fields[i], name, codes,
                                     r->display, error);
    }
    g_free(fields);
    return status;
}

jv_table_reader *jv_table_reader_open(const jv_table_source *source,
                                      const jv_role_request *roles, size_t n_roles,
                                      GError **error)
{
    return jv_table_reader_open_range(source, roles, n_roles, 0, 0, 0, error);
}

/* After the header: go on reading at the byte range [start, end) instead
 * (the header is always read from the file's start). */
static gboolean restart_at(jv_table_reader *r, guint64 start, guint64 end, guint64 first_line,
                           GError **error)
{
    jv_csv_options options = {.display_path = r->display,
                              .delimiter = jv_csv_delimiter(r->csv),
                              .start = start,
                              .end = end,
                              .first_line = first_line,
                              .buffer_size = r->buffer_size};
    jv_csv_free(r->csv);
    r->csv = jv_csv_new(r->fd, &options, error);
    return r->csv != NULL;
}

/* A checking reader of a range: TRUE when the range starts at the file's
 * first row, so that it, and only it, reports the header's problems. */
static gboolean starts_at_first_row(jv_table_reader *r, guint64 start)
{
    jv_csv_record record;
    return jv_csv_next(r->csv, &record, NULL) == 1 && record.offset == start;
}

/* The problem code of the error next_record last returned. */
static const char *read_problem(const jv_table_reader *r)
{
    return r->xlsx ? jv_xlsx_problem(r->xlsx) : jv_csv_problem(r->csv);
}

/* A workbook's sheet, from its header on (data/xlsx.h): the header row is
 * the one naming the required roles' columns. FALSE + error. */
static gboolean open_workbook(jv_table_reader *r, const jv_table_source *source,
                              const jv_role_request *roles, size_t n_roles,
                              const char **problem, GError **error)
{
    GPtrArray *wanted = g_ptr_array_new();
    for (int pass = 0; pass < 2 && wanted->len == 0; pass++)
        for (size_t i = 0; i < n_roles; i++) {
            if (pass == 0 && !(roles[i].flags & JV_ROLE_REQUIRED))
                continue;
            const char *column =
                source->columns ? g_hash_table_lookup(source->columns, roles[i].name) : NULL;
            g_ptr_array_add(wanted, (gpointer)(column ? column : roles[i].name));
        }
    if (source->hash)
        r->checksum = g_checksum_new(G_CHECKSUM_SHA256);
    jv_xlsx_options options = {.path = source->path,
                               .display_path = r->display,
                               .sheet = source->sheet,
                               .header_row = source->header_row,
                               .wanted = (const char *const *)wanted->pdata,
                               .n_wanted = wanted->len,
                               .checksum = r->checksum};
    r->xlsx = jv_xlsx_open(&options, problem, error);
    g_ptr_array_unref(wanted);
    if (r->xlsx == NULL)
        return FALSE;
    g_free(r->display);
    r->display = g_strdup(jv_xlsx_display(r->xlsx));
    jv_csv_record record;
    if (next_record(r, &record, error) != 1) { /* the header was found: never blank */
        *problem = read_problem(r);
        return FALSE;
    }
    jv_header_init(&r->header, &record, NULL, ',');
    return TRUE;
}

/* Opens the file and reads its header. NULL + error (code: *problem). */
static jv_table_reader *open_file(const jv_table_source *source, const char *display,
                                  const jv_role_request *roles, size_t n_roles,
                                  const char **problem, GError **error)
{
    jv_encoding encoding;
    *problem = JV_PROBLEM_SETTINGS;
    if (!jv_encoding_parse(source->encoding, &encoding)) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: unknown encoding '%s'; use \"utf-8\" or \"windows-1252\""), display,
                    source->encoding);
        return NULL;
    }
    if (source->decimal != 0 && source->decimal != '.' && source->decimal != ',') {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: the decimal mark must be '.' or ','"), display);
        return NULL;
    }
    jv_table_reader *r = g_new0(jv_table_reader, 1);
    r->display = g_strdup(display);
    r->on_error = source->on_error;
    r->no_summary = source->no_summary;
    r->recode = jv_recode_table_get(encoding);
    r->warnings = g_ptr_array_new_with_free_func(g_free);
    /* O_NONBLOCK: a FIFO without a writer must not hang the open (it then
     * reads as empty); reads block again as usual */
    r->fd = open(source->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (r->fd >= 0)
        (void)fcntl(r->fd, F_SETFL, fcntl(r->fd, F_GETFL) & ~O_NONBLOCK);
    struct stat st;
    if (r->fd < 0) {
        int saved = errno;
        *problem = saved == ENOENT || saved == ENOTDIR ? JV_PROBLEM_MISSING_FILE
                                                       : JV_PROBLEM_UNREADABLE;
        if (strcmp(source->path, display) == 0)
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_IO, _("%s: cannot open the file: %s"),
                        display, g_strerror(saved));
        else
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_IO, _("%s: cannot open %s: %s"),
                        display, source->path, g_strerror(saved));
        goto fail;
    }
    gboolean stated = fstat(r->fd, &st) == 0;
    if (stated && S_ISDIR(st.st_mode)) {
        *problem = JV_PROBLEM_UNREADABLE;
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_IO,
                    _("%s: is a folder, not a file; \"file\" must name a CSV file"), display);
        goto fail;
    }
    if (jv_xlsx_is_workbook(source->path)) {
        if (!open_workbook(r, source, roles, n_roles, problem, error))
            goto fail;
        return r;
    }
    if (source->sheet != NULL || source->header_row != 0) {
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: \"sheet\" and \"header_row\" apply to .xlsx workbooks only; remove "
                      "them from this table's settings"),
                    display);
        goto fail;
    }
    if (source->hash)
        r->checksum = g_checksum_new(G_CHECKSUM_SHA256);
    jv_csv_options options = {.display_path = display,
                              .delimiter = source->delimiter,
                              .checksum = r->checksum};
    /* a small file gets a buffer its size, not the full megabyte: many
     * small region files, and fuzzing, stay cheap (the tokenizer grows
     * the buffer if it must, so the size never changes what is read) */
    if (stated && S_ISREG(st.st_mode) && (guint64)st.st_size < JV_CSV_BUFFER_SIZE)
        options.buffer_size = MAX((size_t)st.st_size + 1, 256);
    r->buffer_size = options.buffer_size;
    r->csv = jv_csv_new(r->fd, &options, error);
    if (r->csv == NULL) {
        gboolean io = error && *error && (*error)->code == JV_DATA_ERROR_IO;
        gboolean bad_delimiter = source->delimiter == '"' || source->delimiter == '\n' ||
                                 source->delimiter == '\r';
        *problem = io ? JV_PROBLEM_UNREADABLE
                      : bad_delimiter ? JV_PROBLEM_SETTINGS : JV_PROBLEM_ENCODING;
        goto fail;
    }
    jv_csv_record record;
    int got = next_record(r, &record, error);
    if (got == 0) {
        *problem = JV_PROBLEM_EMPTY_FILE;
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: the file is empty; its first line must name the columns"), display);
    }
    if (got < 0)
        *problem = read_problem(r);
    if (got <= 0)
        goto fail;
    jv_header_init(&r->header, &record, r->recode, jv_csv_delimiter(r->csv));
    return r;
fail:
    jv_table_reader_free(r);
    return NULL;
}

/* A run's one line about a file that is not UTF-8. */
static void sniff_warning(jv_table_reader *r)
{
    g_ptr_array_add(
        r->warnings,
        g_strdup_printf("%s: the file is not valid UTF-8%s; set \"encoding\": "
                        "\"windows-1252\" for this table in the evaluation file, or save the "
                        "file as \"CSV UTF-8\"",
                        r->display,
                        r->sniff == JV_SNIFF_1252
                            ? ": it looks like Windows-1252 (Excel's plain \"CSV\")"
                            : " (some of it is, some is not: check the characters)"));
}

static jv_table_reader *open_reader(const jv_table_source *source,
                                    const jv_role_request *roles, size_t n_roles,
                                    guint64 start, guint64 end, guint64 first_line,
                                    jv_problem_list *problems, GError **error)
{
    const char *display = source->display_path ? source->display_path : source->path;
    const char *problem;
    GError *local = NULL;
    jv_table_reader *r = open_file(source, display, roles, n_roles, &problem, &local);
    jv_table_source workbook_source;
    if (r != NULL && r->xlsx != NULL) {
        /* messages name the sheet: FILE[SHEET] */
        workbook_source = *source;
        workbook_source.display_path = r->display;
        source = &workbook_source;
        display = r->display;
    }
    gboolean range = start > 0 || end > 0;
    /* a checking range reader keeps the header's problems apart until it
     * knows whether it is the first range */
    jv_problem_list *header_problems =
        problems != NULL && range ? jv_problem_list_new(64) : problems;
    if (r != NULL && r->header.invalid)
        r->encoding_warned = TRUE; /* the header's warning says it for the file */
    else if (r != NULL && problems == NULL && r->recode == NULL && source->path != NULL &&
             r->xlsx == NULL) { /* a workbook's XML is UTF-8, checked by libxml2 */
        /* a run reads only its columns: bytes that are not UTF-8 elsewhere
         * are said once for the file (a check finds them row by row) */
        r->sniff = jv_encoding_sniff(r->fd);
        if (r->sniff != JV_SNIFF_UTF8)
            sniff_warning(r);
    }
    if (r != NULL && setup_roles(r, source, roles, n_roles, header_problems, &local) < 0)
        problem = JV_PROBLEM_SETTINGS;
    else if (r != NULL && range && r->xlsx != NULL) {
        problem = JV_PROBLEM_SETTINGS; /* the plan never cuts a workbook (plan.c) */
        g_set_error(&local, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: a workbook is read whole, not in parts"), display);
    } else if (r != NULL && range) {
        if (header_problems != problems && starts_at_first_row(r, start))
            jv_problem_list_take(problems, header_problems);
        if (!restart_at(r, start, end, first_line, &local))
            problem = JV_PROBLEM_UNREADABLE; /* a read error; r->csv is gone */
    }
    if (header_problems != problems)
        jv_problem_list_free(header_problems);
    if (local != NULL) {
        if (problems != NULL)
            jv_table_check_error(problems, problem, display, local);
        g_propagate_error(error, local);
        jv_table_reader_free(r);
        return NULL;
    }
    r->problems = problems;
    jv_row_shape_init(&r->shape, r->header.names, r->roles, r->n_roles);
    r->row.noted = g_new(jv_role_column *, n_roles ? n_roles : 1);
    r->row.decimal_comma =
        source->decimal == ',' || (source->decimal == 0 && r->header.delimiter != ',');
    if (r->xlsx != NULL) /* a number cell is never written with a comma: a comma is in text */
        r->row.decimal_comma = source->decimal != '.';
    r->row.ids = g_byte_array_new();
    r->row.pending = g_new(jv_pending_value, n_roles ? n_roles : 1);
    r->row.rounded = g_new(jv_role_column *, n_roles ? n_roles : 1);
    r->rowset.n_columns = n_roles;
    r->rowset.columns = r->columns;
    r->rowset.positions = r->positions;
    r->rowset.lines = r->lines;
    return r;
}

jv_table_reader *jv_table_reader_open_range(const jv_table_source *source,
                                            const jv_role_request *roles, size_t n_roles,
                                            guint64 start, guint64 end, guint64 first_line,
                                            GError **error)
{
    return open_reader(source, roles, n_roles, start, end, first_line, NULL, error);
}

jv_table_reader *jv_table_reader_open_checking(const jv_table_source *source,
                                               const jv_role_request *roles, size_t n_roles,
                                               guint64 start, guint64 end, guint64 first_line,
                                               jv_problem_list *problems)
{
    g_return_val_if_fail(problems != NULL, NULL);
    GError *error = NULL;
    jv_table_reader *r =
        open_reader(source, roles, n_roles, start, end, first_line, problems, &error);
    g_clear_error(&error);
    return r;
}

/* Adds a warning (takes `text`). */
static void warn(jv_table_reader *r, char *text)
{
    g_ptr_array_add(r->warnings, text);
}

/* A bad row: an error that stops the read, or a skipped row. 0: skipped. */
static int bad_row(jv_table_reader *r, const jv_csv_record *record, const char *column,
                   char *message, jv_data_error_code code, GError **error)
{
    char *where = column ? g_strdup_printf(_("%s:%" PRIu64 ": column '%s': %s"),
                                           r->display, record->line, column, message)
                         : g_strdup_printf("%s:%" G_GUINT64_FORMAT ": %s", r->display,
                                           record->line, message);
    g_free(message);
    if (r->on_error != JV_ON_ERROR_SKIP) {
        g_set_error_literal(error, JV_DATA_ERROR, code, where);
        g_free(where);
        return -1;
    }
    if (++r->skipped <= MAX_SKIP_REASONS)
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
            split < 0 ? "" : _(" — numbers with a decimal comma (like 12,5) too: save the "
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
            char *not_data =
                jv_row_not_data_message(&r->shape, record->fields, record->n_fields);
            if (not_data != NULL) {
                g_free(message);
                return bad_row(r, record, NULL, not_data, JV_DATA_ERROR_VALUE, error);
            }
            return bad_row(r, record, c->column_name, message, JV_DATA_ERROR_VALUE, error);
        }
    }
    char *total =
        G_UNLIKELY(jv_row_maybe_not_data(&r->shape, record->fields, record->n_fields,
                                         r->row.n_noted > 0))
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
                r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_GENDER_CODES, r->display,
                record->line, column, 0, NULL, 0,
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
            jv_problem_list_add(r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_DASH_ZERO,
                                r->display, 0, c->column_name, c->field + 1, NULL, 0,
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
            jv_problem_list_add(r->problems, JV_SEVERITY_WARNING, JV_PROBLEM_ROUNDED,
                                r->display, 0, r->roles[i].column_name, r->roles[i].field + 1,
                                NULL, 0,
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
        int got = next_record(r, &record, error);
        if (got == 0) {
            finish(r);
            break;
        }
        if (checking && got < 0) {
            /* the tokenizer cannot go on: what was read so far counts */
            jv_table_check_error(r->problems, read_problem(r), r->display, *error);
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

guint64 jv_table_reader_rows(const jv_table_reader *r)
{
    return r->rows;
}

guint64 jv_table_reader_skipped(const jv_table_reader *r)
{
    return r->skipped;
}

guint64 jv_table_reader_bytes(const jv_table_reader *r)
{
    if (r->xlsx != NULL)
        return jv_xlsx_bytes(r->xlsx);
    return r->csv ? jv_csv_bytes_read(r->csv) : 0;
}

const char *jv_table_reader_sha256(const jv_table_reader *r)
{
    return r->sha256;
}

const GPtrArray *jv_table_reader_warnings(const jv_table_reader *r)
{
    return r->warnings;
}

void jv_table_reader_free(jv_table_reader *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; r->roles != NULL && i < r->n_roles; i++)
        jv_role_column_clear(&r->roles[i]);
    g_free(r->roles);
    g_free(r->columns);
    jv_header_clear(&r->header);
    jv_csv_free(r->csv);
    jv_xlsx_free(r->xlsx);
    if (r->fd >= 0)
        close(r->fd);
    if (r->checksum != NULL)
        g_checksum_free(r->checksum);
    if (r->row.ids != NULL)
        g_byte_array_unref(r->row.ids);
    g_free(r->row.pending);
    g_free(r->row.rounded);
    g_free(r->row.noted);
    jv_row_shape_clear(&r->shape);
    g_free(r->scratch);
    g_free(r->sha256);
    g_ptr_array_unref(r->warnings);
    g_free(r->display);
    g_free(r);
}
