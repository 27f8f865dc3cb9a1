/* core/cli/init_scan.c — reading one table file for `jamvikt init`
 * (contract in init_scan.h). The encoding is decided from the bytes (valid
 * UTF-8, else Windows-1252, the two encodings Swedish exports come in),
 * the delimiter by the tokenizer's own detection, so that what init
 * proposes is what a run will read. */
#include "cli/init_scan.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "data/convert.h"
#include "data/csv.h"
#include "data/dataset.h"
#include "data/recode.h"
#include "data/xlsx.h"

gboolean jv_init_is_table_file(const char *name)
{
    return g_str_has_suffix(name, ".csv") || g_str_has_suffix(name, ".CSV") ||
           g_str_has_suffix(name, ".txt") || g_str_has_suffix(name, ".tsv") ||
           jv_xlsx_is_workbook(name);
}

void jv_init_file_free(jv_init_file *f)
{
    if (f == NULL)
        return;
    g_free(f->path);
    g_free(f->name);
    g_free(f->sheet);
    if (f->columns)
        g_ptr_array_unref(f->columns);
    if (f->values)
        g_ptr_array_unref(f->values);
    g_free(f->error);
    g_free(f);
}

/* "1 250,5", "-0,25": a number written with a decimal comma. */
static gboolean decimal_comma_number(const char *text)
{
    const char *comma = strchr(text, ',');
    if (comma == NULL || strchr(comma + 1, ',') != NULL || strchr(text, '.') != NULL ||
        !g_ascii_isdigit(comma[1]) || comma == text || !g_ascii_isdigit(comma[-1]))
        return FALSE;
    for (const char *p = text; *p; p++) {
        if (!(g_ascii_isdigit(*p) || *p == ',' || *p == ' ' || *p == '-' ||
              (unsigned char)*p >= 0x80))
            return FALSE;
    }
    return TRUE;
}

/* The record's cells as UTF-8 (recoded when the file is not UTF-8). */
static void take_record(jv_init_file *f, const jv_csv_record *record, const jv_recode_table *recode,
                        gboolean header)
{
    for (size_t i = 0; i < record->n_fields; i++) {
        const char *text = record->fields[i].data;
        size_t length = record->fields[i].length;
        char *cell;
        if (recode != NULL) {
            cell = g_malloc(3 * length + 1);
            cell[jv_recode(recode, text, length, cell)] = '\0';
        } else {
            cell = g_utf8_make_valid(text, (gssize)length);
        }
        const char *t = cell;
        size_t n = strlen(cell);
        jv_trim(&t, &n);
        char *trimmed = g_strndup(t, n);
        g_free(cell);
        if (header) {
            g_ptr_array_add(f->columns, trimmed);
            g_ptr_array_add(f->values,
                            g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL));
            continue;
        }
        if (i >= f->columns->len || n == 0) {
            g_free(trimmed);
            continue;
        }
        if (!f->decimal_comma && decimal_comma_number(trimmed))
            f->decimal_comma = TRUE;
        GHashTable *seen = g_ptr_array_index(f->values, i);
        if (g_hash_table_size(seen) < JV_INIT_MAX_VALUES)
            g_hash_table_add(seen, trimmed);
        else
            g_free(trimmed);
    }
}

static gboolean blank(const jv_csv_record *record)
{
    for (size_t i = 0; i < record->n_fields; i++) {
        const char *t = record->fields[i].data;
        size_t n = record->fields[i].length;
        jv_trim(&t, &n);
        if (n > 0)
            return FALSE;
    }
    return TRUE;
}

static void scan_csv(jv_init_file *f, const char *display)
{
    char head[1 << 16];
    int fd = open(f->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        f->error = g_strdup_printf("%s: cannot open the file: %s", display, g_strerror(errno));
        return;
    }
    /* the encoding: every byte must be UTF-8, else Windows-1252 */
    gboolean utf8 = TRUE;
    GString *carry = g_string_new(NULL);
    ssize_t n;
    gboolean first = TRUE;
    while (utf8 && (n = read(fd, head, sizeof head)) > 0) {
        if (first && n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
            f->bom = TRUE;
        first = FALSE;
        g_string_append_len(carry, head, n);
        const char *end;
        if (!g_utf8_validate(carry->str, (gssize)carry->len, &end)) {
            /* an incomplete character at the end may go on in the next block */
            if (carry->len - (gsize)(end - carry->str) >= 4 ||
                g_utf8_get_char_validated(end, (gssize)(carry->str + carry->len - end)) ==
                    (gunichar)-1)
                utf8 = FALSE;
        }
        g_string_erase(carry, 0, (gssize)(end - carry->str));
    }
    if (carry->len > 0)
        utf8 = FALSE;
    g_string_free(carry, TRUE);
    f->encoding = utf8 ? "utf-8" : "windows-1252";
    jv_encoding encoding;
    jv_encoding_parse(f->encoding, &encoding);
    const jv_recode_table *recode = utf8 ? NULL : jv_recode_table_get(encoding);
    lseek(fd, 0, SEEK_SET);
    GError *error = NULL;
    jv_csv_options options = {.display_path = display};
    jv_csv *csv = jv_csv_new(fd, &options, &error);
    jv_csv_record record;
    gboolean header = TRUE;
    int got = 0;
    while (csv != NULL && f->rows < JV_INIT_MAX_ROWS &&
           (got = jv_csv_next(csv, &record, &error)) == 1) {
        if (blank(&record))
            continue;
        take_record(f, &record, recode, header);
        f->rows += !header;
        header = FALSE;
    }
    if (csv != NULL)
        f->delimiter = jv_csv_delimiter(csv);
    if (error != NULL) {
        f->error = g_strdup(error->message);
        g_error_free(error);
    } else if (header) {
        f->error = g_strdup_printf("%s: the file is empty", display);
    }
    jv_csv_free(csv);
    close(fd);
}

static void scan_xlsx(jv_init_file *f, const char *display)
{
    jv_xlsx_options options = {.path = f->path, .display_path = display};
    const char *problem;
    GError *error = NULL;
    jv_xlsx_reader *x = jv_xlsx_open(&options, &problem, &error);
    f->encoding = "utf-8";
    if (x == NULL) {
        f->error = g_strdup(error->message);
        g_error_free(error);
        return;
    }
    const char *shown = jv_xlsx_display(x);
    const char *bracket = strchr(shown + strlen(display), '[');
    if (bracket != NULL)
        f->sheet = g_strndup(bracket + 1, strlen(bracket + 1) - 1);
    jv_csv_record record;
    gboolean header = TRUE;
    int got;
    while (f->rows < JV_INIT_MAX_ROWS && (got = jv_xlsx_next(x, &record, &error)) == 1) {
        if (blank(&record))
            continue;
        take_record(f, &record, NULL, header);
        f->rows += !header;
        header = FALSE;
    }
    if (error != NULL) {
        f->error = g_strdup(error->message);
        g_error_free(error);
    }
    jv_xlsx_free(x);
}

jv_init_file *jv_init_scan(const char *path, const char *display)
{
    jv_init_file *f = g_new0(jv_init_file, 1);
    f->path = g_strdup(path);
    f->name = g_path_get_basename(path);
    f->columns = g_ptr_array_new_with_free_func(g_free);
    f->values = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
    f->xlsx = jv_xlsx_is_workbook(path);
    if (f->xlsx)
        scan_xlsx(f, display);
    else
        scan_csv(f, display);
    return f;
}
