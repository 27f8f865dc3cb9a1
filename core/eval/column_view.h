/* column_view.h — views of a jv_column's values by type, for the code that
 * routes rows (chunk_read.c by region, chunk_periods.c by period): a column
 * restricted to later rows without copying, and the one value array a
 * column carries, for gathering rows into a buffer of the same type. */
#ifndef JV_EVAL_COLUMN_VIEW_H
#define JV_EVAL_COLUMN_VIEW_H

#include <stddef.h>

#include <jamvikt/batch.h>

/* The column from row `from` on: pointers moved, nothing copied (borrowed). */
jv_column jv_column_view_slice(const jv_column *c, size_t from);

/* Bytes per value of the column's value array; 0 if it has none. */
size_t jv_column_view_value_size(const jv_column *c);

/* The column's value array (borrowed), whichever type it is. */
const void *jv_column_view_values(const jv_column *c);

/* Points the column's value array at `data` (same type; borrowed). */
void jv_column_view_set_values(jv_column *c, void *data);

#endif
