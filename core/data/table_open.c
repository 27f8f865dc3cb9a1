/* core/data/table_open.c — opening a table reader (contract in dataset.h):
 * the CSV file or .xlsx workbook, its encoding, its header mapped to the
 * roles' columns (header problems as warnings for a run, as problems for
 * a check), a byte range to read instead of the whole file, and freeing
 * the reader. Reading rows is table_reader.c. */
#include "data/dataset.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jamvikt/plugin.h>

#include "data/encoding_sniff.h"
#include "data/table_reader_private.h"
#include "util/i18n.h"

static int setup_roles(jv_table_reader *r, const jv_table_source *source,
                       const jv_role_request *roles, size_t n_roles, jv_problem_list *problems,
                       GError **error)
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
        GHashTable *codes =
            source->codes ? g_hash_table_lookup(source->codes, roles[i].name) : NULL;
        const char *name = fields[i] >= 0 ? g_ptr_array_index(r->header.names, fields[i]) : NULL;
        status =
            jv_role_column_init(&r->roles[i], &roles[i], fields[i], name, codes, r->display, error);
    }
    g_free(fields);
    return status;
}

jv_table_reader *jv_table_reader_open(const jv_table_source *source, const jv_role_request *roles,
                                      size_t n_roles, GError **error)
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

/* A workbook's sheet, from its header on (data/xlsx.h): the header row is
 * the one naming the required roles' columns. FALSE + error. */
static gboolean open_workbook(jv_table_reader *r, const jv_table_source *source,
                              const jv_role_request *roles, size_t n_roles, const char **problem,
                              GError **error)
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
    if (jv_table_next_record(r, &record, error) != 1) { /* the header was found: never blank */
        *problem = jv_table_read_problem(r);
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
        *problem =
            saved == ENOENT || saved == ENOTDIR ? JV_PROBLEM_MISSING_FILE : JV_PROBLEM_UNREADABLE;
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
    jv_csv_options options = {
        .display_path = display, .delimiter = source->delimiter, .checksum = r->checksum};
    /* a small file gets a buffer its size, not the full megabyte: many
     * small region files, and fuzzing, stay cheap (the tokenizer grows
     * the buffer if it must, so the size never changes what is read) */
    if (stated && S_ISREG(st.st_mode) && (guint64)st.st_size < JV_CSV_BUFFER_SIZE)
        options.buffer_size = MAX((size_t)st.st_size + 1, 256);
    r->buffer_size = options.buffer_size;
    r->csv = jv_csv_new(r->fd, &options, error);
    if (r->csv == NULL) {
        gboolean io = error && *error && (*error)->code == JV_DATA_ERROR_IO;
        gboolean bad_delimiter =
            source->delimiter == '"' || source->delimiter == '\n' || source->delimiter == '\r';
        *problem = io              ? JV_PROBLEM_UNREADABLE
                   : bad_delimiter ? JV_PROBLEM_SETTINGS
                                   : JV_PROBLEM_ENCODING;
        goto fail;
    }
    jv_csv_record record;
    int got = jv_table_next_record(r, &record, error);
    if (got == 0) {
        *problem = JV_PROBLEM_EMPTY_FILE;
        g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_FORMAT,
                    _("%s: the file is empty; its first line must name the columns"), display);
    }
    if (got < 0)
        *problem = jv_table_read_problem(r);
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

static jv_table_reader *open_reader(const jv_table_source *source, const jv_role_request *roles,
                                    size_t n_roles, guint64 start, guint64 end, guint64 first_line,
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
