/* core/data/table_reader_private.h — the table reader's state, shared by
 * table_open.c (opening, the header), table_reader.c (reading rows) and
 * table_check.c (what a checking reader records); not an interface for
 * anything else. */
#ifndef JV_DATA_TABLE_READER_PRIVATE_H
#define JV_DATA_TABLE_READER_PRIVATE_H

#include "data/column.h"
#include "data/convert.h"
#include "data/csv.h"
#include "data/header.h"
#include "data/not_data.h"
#include "data/problem.h"
#include "data/recode.h"
#include "data/table_source.h"
#include "data/xlsx.h"

struct jv_table_reader {
    char *display;
    jv_on_error on_error;
    int fd;
    jv_csv *csv;
    jv_xlsx_reader *xlsx; /* instead of csv for an .xlsx workbook */
    size_t buffer_size;   /* the tokenizer's first buffer; 0: default */
    GChecksum *checksum;
    char *sha256;
    const jv_recode_table *recode;
    char *scratch; /* recoded cells of the current row */
    size_t scratch_size;
    jv_header header;
    size_t n_roles;
    jv_role_column *roles;
    jv_column *columns; /* the rowset's view: copies of roles[i].out */
    uint64_t positions[JV_ROWSET_CAPACITY];
    uint64_t lines[JV_ROWSET_CAPACITY];
    jv_rowset rowset;
    jv_row_context row;
    guint64 rows, skipped;
    GPtrArray *warnings;
    gboolean scb_warned, finished, failed;
    gboolean no_summary;       /* source->no_summary */
    jv_problem_list *problems; /* a checking reader's (borrowed), else NULL */
    gboolean encoding_warned, comma_warned;
    gboolean encoding_listed; /* checking: one cell that is not UTF-8 listed */
    int sniff;                /* jv_sniff of the file's first part */
    jv_row_shape shape;       /* what a row that is not data looks like */
};

/* Reads records until one that is not blank: 1, 0 at the end, -1.
 * Inline: it runs once a row. */
static inline int jv_table_next_record(jv_table_reader *r, jv_csv_record *record, GError **error)
{
    for (;;) {
        int got =
            r->xlsx ? jv_xlsx_next(r->xlsx, record, error) : jv_csv_next(r->csv, record, error);
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

/* The problem code of the error jv_table_next_record last returned. */
static inline const char *jv_table_read_problem(const jv_table_reader *r)
{
    return r->xlsx ? jv_xlsx_problem(r->xlsx) : jv_csv_problem(r->csv);
}

/* The cell of `field` as UTF-8 (recoded into the row's scratch space). */
static inline void cell_text(jv_table_reader *r, const jv_string *field, size_t *used,
                             const char **text, size_t *length)
{
    *text = field->data;
    *length = field->length;
    if (r->recode != NULL && jv_has_high_bytes(*text, *length)) {
        char *out = r->scratch + *used;
        *length = jv_recode(r->recode, *text, *length, out);
        *text = out;
        *used += *length;
    }
}

/* table_check.c: what a checking reader records (each also counts the row
 * as skipped where it says so). */

/* An error whose message reads "FILE[:LINE]: text", as a problem. */
void jv_table_check_error(jv_problem_list *problems, const char *code, const char *display,
                          const GError *error);
/* The first value that is not UTF-8 in a file read as UTF-8. */
void jv_table_check_encoding(jv_table_reader *r, const jv_csv_record *record);
/* In a comma-separated file, a row with too many fields that joining
 * the two halves of decimal-comma numbers ("12" "5" → 12,5) would bring
 * to the header's width: the first half's field index, or -1. */
int jv_table_check_decimal_split(const jv_table_reader *r, const jv_csv_record *record);
/* A row that is not data (message from not_data.h, taken); skipped.
 * Returns 0. */
int jv_table_check_not_data(jv_table_reader *r, const jv_csv_record *record, char *message);
/* A row whose field count differs from the header's; skipped. Returns 0. */
int jv_table_check_field_count(jv_table_reader *r, const jv_csv_record *record);
/* The cell of role `first` failed (text, length, message: taken); records
 * it and every other failing cell of the row, which is skipped. `used`:
 * the row's scratch space used so far. Returns 0. */
int jv_table_check_row(jv_table_reader *r, const jv_csv_record *record, size_t n, size_t first,
                       const char *text, size_t length, char *message, size_t used);

#endif /* JV_DATA_TABLE_READER_PRIVATE_H */
