/* core/data/not_data.h — recognising a row that is not data: Excel's total
 * or subtotal row ("Summa", "Totalt", "Delsumma", ... before the amounts,
 * with the required category cells empty), a repeated header row, a notes
 * line under the table. Such a row must never be counted silently
 * (counting a total row doubles every sum).
 *
 * Contract:
 *  1. It works on a row's cell texts after tokenising (jv_string cells,
 *     trimmed here), not inside a tokenizer, so every reader that feeds
 *     rows into the table reader (CSV, spreadsheets) gets it.
 *  2. On every row that converted without an error the reader asks
 *     jv_row_maybe_not_data() (inline, a few instructions) and only when
 *     it says so jv_row_converted_not_data_message(): a data row has its
 *     required non-number cells filled, and the first one rarely starts
 *     like a total word.
 *  3. jv_row_not_data_message() runs only on rows that failed (wrong field
 *     count, a bad or empty cell) and says why the row is not data, so the
 *     message names the real problem instead of its symptom.
 *  4. Both return a message (newly allocated, g_free) in the form
 *     "what the row is; what to do" — or NULL for an ordinary row.
 */
#ifndef JV_DATA_NOT_DATA_H
#define JV_DATA_NOT_DATA_H

#include <glib.h>
#include <jamvikt/batch.h>

#include "data/column.h"

typedef struct jv_row_shape {
    const GPtrArray *header; /* the file's column names (borrowed) */
    int *keys;               /* fields of required roles that are not numbers (owned) */
    size_t n_keys;
    size_t before;       /* fields before the first number role: where a total's word is */
    gboolean empty_keys; /* some key may be empty in a row that converts besides
                                gender (a required category whose "" is a value) */
} jv_row_shape;

/* The shape of a table's rows from its header and the roles read. */
void jv_row_shape_init(jv_row_shape *shape, const GPtrArray *header, const jv_role_column *roles,
                       size_t n_roles);
void jv_row_shape_clear(jv_row_shape *shape);

/* The hot path's first look (contract 2): FALSE when every required
 * non-number cell is filled and the first does not start like a total
 * word — the answer for nearly every row of data, in a few instructions.
 * `empty_gender`: the row read an empty gender cell (as unknown), which
 * the reader knows already; such a row is looked at further. */
extern const guint8 jv_total_start[256];

static inline gboolean jv_row_maybe_not_data(const jv_row_shape *shape, const jv_string *cells,
                                             size_t n_cells, gboolean empty_gender)
{
    if (empty_gender || shape->n_keys == 0)
        return TRUE;
    for (size_t k = 1; shape->empty_keys && k < shape->n_keys; k++) {
        size_t f = (size_t)shape->keys[k];
        if (f >= n_cells || cells[f].length == 0)
            return TRUE;
    }
    size_t f = (size_t)shape->keys[0];
    return f >= n_cells || cells[f].length == 0 || jv_total_start[(unsigned char)cells[f].data[0]];
}

/* A row read without errors (call it when jv_row_maybe_not_data() says
 * so): a message if it is a total or subtotal row, or a note whose text
 * happens to convert (it must then hold a ':' or four words, as a lone
 * name does not). */
char *jv_row_converted_not_data_message(const jv_row_shape *shape, const jv_string *cells,
                                        size_t n_cells);

/* A row that failed: a message if it is a total row, a repeated header or
 * a notes line. */
char *jv_row_not_data_message(const jv_row_shape *shape, const jv_string *cells, size_t n_cells);

/* The hint every such message ends with. */
#define JV_NOT_DATA_HINT                                                                           \
    "delete the row from the file, or set \"on_error\": \"skip\" for this table to leave "         \
    "such rows out"

#endif /* JV_DATA_NOT_DATA_H */
