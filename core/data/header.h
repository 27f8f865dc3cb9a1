/* core/data/header.h — the header line of a table: its column names, and
 * which column holds each requested role (dataset.h rule 1).
 *
 * Contract:
 *  1. Names are the header's fields recoded to UTF-8 and trimmed; bytes
 *     that are not UTF-8 are replaced (and reported in messages).
 *  2. A role's column is source->columns[role] if given, else the role's
 *     own name, matched exactly.
 *  3. Errors (JV_DATA_ERROR_COLUMN), each saying what to do: a required
 *     role without its column ("FILE: column 'x' (role 'y') not found;
 *     the file has columns: ..."), a column a role maps to that appears
 *     more than once (naming both positions).
 */
#ifndef JV_DATA_HEADER_H
#define JV_DATA_HEADER_H

#include <glib.h>

#include "data/csv.h"
#include "data/dataset.h"
#include "data/recode.h"

typedef struct jv_header {
    GPtrArray *names;   /* char*, owned */
    gboolean invalid;   /* some name was not valid UTF-8 */
    char delimiter;
} jv_header;

/* Copies the names out of `record` (recoded with `table` unless NULL). */
void jv_header_init(jv_header *header, const jv_csv_record *record,
                    const jv_recode_table *table, char delimiter);
void jv_header_clear(jv_header *header);

/* fields[i] := the field index of roles[i], or -1 (optional role, no
 * column). -1 + error on failure. */
int jv_header_map(const jv_header *header, const jv_table_source *source,
                  const jv_role_request *roles, size_t n_roles, int *fields, GError **error);

#endif /* JV_DATA_HEADER_H */
