/* core/cli/init_scan.h — one table file as `jamvikt init` sees it: its
 * dialect (delimiter, decimal comma, byte-order mark, encoding), its
 * column names, and the distinct values of each column (up to
 * JV_INIT_MAX_VALUES per column), read with the same tokenizer and .xlsx
 * reader as a run.
 *
 * Contract: jv_init_scan never fails as a whole — a file it cannot read
 * has `error` set (a message naming the file) and no columns. Everything
 * is owned by the jv_init_file; free it with jv_init_file_free(). */
#ifndef JV_CLI_INIT_SCAN_H
#define JV_CLI_INIT_SCAN_H

#include <glib.h>

#define JV_INIT_MAX_VALUES 200   /* distinct values kept per column */
#define JV_INIT_MAX_ROWS 2000000 /* rows read for codes and dialect */

typedef struct jv_init_file {
    char *path; /* as given */
    char *name; /* the file's name */
    gboolean xlsx;
    char *sheet;            /* .xlsx: the sheet read */
    char delimiter;         /* CSV: ',', ';' or '\t' */
    gboolean decimal_comma; /* some number-like value has a decimal comma */
    gboolean bom;           /* starts with a UTF-8 byte-order mark */
    const char *encoding;   /* "utf-8" or "windows-1252" */
    GPtrArray *columns;     /* char*: the header's names, trimmed */
    GPtrArray *values;      /* per column: GHashTable of distinct values (set) */
    guint64 rows;
    char *error;
} jv_init_file;

jv_init_file *jv_init_scan(const char *path, const char *display);
void jv_init_file_free(jv_init_file *file);
/* Whether `name` looks like a table file (.csv, .txt, .tsv, .xlsx). */
gboolean jv_init_is_table_file(const char *name);

#endif /* JV_CLI_INIT_SCAN_H */
