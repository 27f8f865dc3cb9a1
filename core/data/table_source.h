/* core/data/table_source.h — the words every stage of reading a table
 * shares: where the table is and how to read it (jv_table_source), the
 * roles wanted from it (jv_role_request), what a read hands out (the
 * jv_rowset of at most JV_ROWSET_CAPACITY rows), and the error domain all
 * stages report in (JV_DATA_ERROR; the messages' form is dataset.h rule
 * 4). The table reader itself, on top of the stages, is dataset.h.
 */
#ifndef JV_DATA_TABLE_SOURCE_H
#define JV_DATA_TABLE_SOURCE_H

#include <glib.h>
#include <jamvikt/batch.h>

#define JV_ROWSET_CAPACITY 4096

#define JV_DATA_ERROR (jv_data_error_quark())
GQuark jv_data_error_quark(void);
typedef enum {
    JV_DATA_ERROR_IO,     /* cannot open/read: names the path tried */
    JV_DATA_ERROR_FORMAT, /* malformed CSV (quote, field too long, ...) */
    JV_DATA_ERROR_COLUMN, /* a required column is missing */
    JV_DATA_ERROR_VALUE   /* a cell's value is wrong for its role */
} jv_data_error_code;

typedef enum { JV_ON_ERROR_STOP = 0, JV_ON_ERROR_SKIP } jv_on_error;

/* One role the run needs from the table (the union over all plugins). */
typedef struct jv_role_request {
    const char *name; /* role name */
    jv_type type;
    unsigned flags;    /* JV_ROLE_* */
    const char *codes; /* as jv_role.codes, or NULL */
    /* The plugin whose rule JV_ROLE_REQUIRED, and JV_ROLE_NONNEGATIVE or
     * JV_ROLE_POSITIVE, are — named in messages, since plugins reading one
     * table share their role checks; NULL: not named. */
    const char *required_by;
    const char *sign_by;
} jv_role_request;

/* Where and how to read one table. All borrowed. */
typedef struct jv_table_source {
    const char *path;         /* file to open */
    const char *display_path; /* how messages name the file */
    char delimiter;           /* ',', ';', '\t'; 0: detect from the header */
    char decimal;             /* '.' or ','; 0: '.', and ',' too when the
                                 delimiter is not ',' */
    const char *encoding;     /* NULL or "utf-8", "windows-1252", "iso-8859-1" */
    GHashTable *columns;      /* role → column name (char* → char*), or NULL */
    GHashTable *codes;        /* role → GHashTable(code → canonical), or NULL */
    jv_on_error on_error;
    gboolean hash;       /* compute SHA-256 of the bytes while reading */
    gboolean no_summary; /* leave out the closing "N values rounded" and
                                 "N rows skipped" warnings: the caller writes
                                 them once for a file read in chunks */
    const char *sheet;   /* .xlsx: the sheet's name or 1-based index, or
                                 NULL (data/xlsx.h rule 3); an error for CSV */
    unsigned header_row; /* .xlsx: the header's row number; 0: found */
} jv_table_source;

/* A block of converted rows. Borrowed until the next call on its reader. */
typedef struct jv_rowset {
    size_t n_rows;
    size_t n_columns;          /* == number of role requests */
    const jv_column *columns;  /* in request order */
    const uint64_t *positions; /* byte offset of each row */
    const uint64_t *lines;     /* 1-based line where each row starts */
} jv_rowset;

/* The table reader (dataset.h), opaque but to its own files. */
typedef struct jv_table_reader jv_table_reader;

#endif /* JV_DATA_TABLE_SOURCE_H */
