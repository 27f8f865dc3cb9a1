/* core/eval/region_dicts.h — inside one chunk of a national table (regions
 * from a column), category codes translated into a dictionary of each
 * region, so a region's states see what a read of only its rows would give
 * (a breakdown lists only the values of the region's own rows; DESIGN.md);
 * used by chunk_read.c only.
 *
 * Contract:
 *  1. Columns translated: those an indicator reads, of category type without
 *     fixed codes, other than the region column. Others pass unchanged.
 *  2. A region's dictionary holds values in order of first appearance among
 *     that region's rows of the chunk; an empty cell adds no value. Merging
 *     states goes by value, so the result does not depend on chunks.
 *  3. Memory: one rowset's worth of codes per translated column, plus per
 *     region one dictionary per translated column (values it has). The
 *     dictionaries live until jv_region_dicts_free (end of the chunk read);
 *     plugins read a batch's dictionary while consuming it.
 *  Owned by the caller (jv_region_dicts_free).
 */
#ifndef JV_EVAL_REGION_DICTS_H
#define JV_EVAL_REGION_DICTS_H

#include <glib.h>
#include <jamvikt/batch.h>

typedef struct jv_region_dicts jv_region_dicts;

/* For union columns `requests` (jv_role_request), `used[u]` TRUE when an
 * indicator reads column u; NULL when no column needs translating. */
jv_region_dicts *jv_region_dicts_new(const GArray *requests, const gboolean *used,
                                     int region_column);
/* n rows of `cols` (union order) for the region `region` (any pointer that
 * stays the same for a region within the chunk): columns whose codes are
 * in that region's dictionaries. Borrowed; valid until the next call. */
const jv_column *jv_region_dicts_apply(jv_region_dicts *d, const void *region,
                                       const jv_column *cols, size_t n);
void jv_region_dicts_free(jv_region_dicts *d);

#endif /* JV_EVAL_REGION_DICTS_H */
