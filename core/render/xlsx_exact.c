/* core/render/xlsx_exact.c — numbers in the workbook at full precision.
 * libxlsxwriter writes a number with 16 significant digits ("%.16G"), and
 * a double needs up to 17 to read back as itself (0.38571428571428573
 * would come back as 0.3857142857142857). Every number whose 16-digit
 * form does not read back is noted per sheet while the workbook is built;
 * once libxlsxwriter has closed the file, each noted cell's <v> in the
 * sheet's XML is replaced with the shortest decimal that does
 * (jv_format_exact), using libzip. The entries keep libxlsxwriter's fixed
 * 1980-01-01 time, so the same document still gives the same bytes. */
#include "render/xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#define CELL_KEY(row, column) GUINT_TO_POINTER(((guint)(row) << 14 | (guint)(column)) + 1)

void jv_xlsx_exact_note(jv_xlsx *x, lxw_worksheet *sheet, guint row, guint column, double value)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(text, sizeof text, "%.16G", value);
    if (g_ascii_strtod(text, NULL) == value)
        return;
    while (x->exact->len <= sheet->index)
        g_ptr_array_add(x->exact,
                        g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free));
    double *copy = g_new(double, 1);
    *copy = value;
    g_hash_table_replace(g_ptr_array_index(x->exact, sheet->index), CELL_KEY(row, column), copy);
}

/* "AB12" → row 11, column 27. FALSE for anything else. */
static gboolean parse_ref(const char *ref, size_t length, guint *row, guint *column)
{
    size_t i = 0;
    guint c = 0, r = 0;
    for (; i < length && ref[i] >= 'A' && ref[i] <= 'Z'; i++)
        c = c * 26 + (guint)(ref[i] - 'A' + 1);
    if (i == 0 || i == length)
        return FALSE;
    for (; i < length && ref[i] >= '0' && ref[i] <= '9'; i++)
        r = r * 10 + (guint)(ref[i] - '0');
    if (i != length || r == 0 || c == 0)
        return FALSE;
    *row = r - 1;
    *column = c - 1;
    return TRUE;
}

/* The sheet's XML with the noted cells' values replaced (new string). */
static GString *fix_sheet(const char *xml, size_t length, GHashTable *cells)
{
    GString *out = g_string_sized_new(length + 64);
    const char *p = xml, *end = xml + length;
    while (p < end) {
        const char *cell = g_strstr_len(p, end - p, "<c r=\"");
        if (cell == NULL)
            break;
        const char *ref = cell + 6;
        const char *quote = memchr(ref, '"', (size_t)(end - ref));
        const char *tag_end = quote ? memchr(quote, '>', (size_t)(end - quote)) : NULL;
        guint row, column;
        double *value = NULL;
        if (tag_end != NULL && parse_ref(ref, (size_t)(quote - ref), &row, &column) &&
            g_strstr_len(cell, tag_end - cell, " t=\"") == NULL)
            value = g_hash_table_lookup(cells, CELL_KEY(row, column));
        const char *v = value ? g_strstr_len(tag_end, end - tag_end, "<v>") : NULL;
        const char *v_end = v ? g_strstr_len(v, end - v, "</v>") : NULL;
        if (v_end == NULL) {
            const char *next = tag_end ? tag_end : end;
            g_string_append_len(out, p, next - p);
            p = next;
            continue;
        }
        g_string_append_len(out, p, v + 3 - p);
        jv_format_exact(out, *value, '.');
        p = v_end;
    }
    g_string_append_len(out, p, end - p);
    return out;
}

gboolean jv_xlsx_exact_apply(jv_xlsx *x, const char *path, GError **error)
{
    if (x->exact->len == 0)
        return TRUE;
    int code = 0;
    zip_t *zip = zip_open(path, 0, &code);
    if (zip == NULL) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "cannot reopen the Excel workbook %s (libzip error %d)", path, code);
        return FALSE;
    }
    /* libxlsxwriter's entries are dated 1980-01-01 00:00 (local time). */
    struct tm epoch = {.tm_year = 80, .tm_mon = 0, .tm_mday = 1, .tm_isdst = -1};
    time_t when = mktime(&epoch);
    gboolean ok = TRUE;
    for (guint i = 0; i < x->exact->len && ok; i++) {
        GHashTable *cells = g_ptr_array_index(x->exact, i);
        if (cells == NULL || g_hash_table_size(cells) == 0)
            continue;
        char *name = g_strdup_printf("xl/worksheets/sheet%u.xml", i + 1);
        zip_stat_t st;
        zip_int64_t index = zip_name_locate(zip, name, 0);
        zip_file_t *file = index >= 0 && zip_stat_index(zip, (zip_uint64_t)index, 0, &st) == 0
                               ? zip_fopen_index(zip, (zip_uint64_t)index, 0)
                               : NULL;
        char *xml = file ? g_malloc(st.size + 1) : NULL;
        ok = file != NULL && zip_fread(file, xml, st.size) == (zip_int64_t)st.size;
        if (file != NULL)
            zip_fclose(file);
        if (ok) {
            GString *fixed = fix_sheet(xml, st.size, cells);
            gsize size = fixed->len;
            char *data = g_string_free(fixed, FALSE);
            zip_source_t *source = zip_source_buffer(zip, data, size, 0);
            ok = source != NULL && zip_file_replace(zip, (zip_uint64_t)index, source, 0) == 0;
            if (source != NULL && !ok)
                zip_source_free(source);
            ok = ok && zip_file_set_mtime(zip, (zip_uint64_t)index, when, 0) == 0;
            /* (fast deflate: the workbook is recompressed once more) */
            ok = ok && zip_set_file_compression(zip, (zip_uint64_t)index, ZIP_CM_DEFLATE, 1) == 0;
            /* libzip reads the buffer when the archive is closed. */
            g_ptr_array_add(x->buffers, data);
        }
        g_free(xml);
        if (!ok)
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                        "cannot rewrite %s in the Excel workbook: %s", name, zip_strerror(zip));
        g_free(name);
    }
    if (ok && zip_close(zip) != 0) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot write the Excel workbook: %s",
                    zip_strerror(zip));
        ok = FALSE;
    }
    if (!ok)
        zip_discard(zip);
    return ok;
}
