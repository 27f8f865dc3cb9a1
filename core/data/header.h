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
 *  4. With a problem list (jv_table_reader_open_checking), every such
 *     error is recorded there instead and mapping goes on: a missing role
 *     gets field -1, a doubled column its first position.
 */
#ifndef JV_DATA_HEADER_H
#define JV_DATA_HEADER_H

#include <glib.h>

#include "data/csv.h"
#include "data/problem.h"
#include "data/recode.h"
#include "data/table_source.h"

typedef struct jv_header {
    GPtrArray *names; /* char*, owned */
    gboolean invalid; /* some name was not valid UTF-8 */
    char delimiter;
} jv_header;

/* Copies the names out of `record` (recoded with `table` unless NULL). */
void jv_header_init(jv_header *header, const jv_csv_record *record, const jv_recode_table *table,
                    char delimiter);
void jv_header_clear(jv_header *header);

/* fields[i] := the field index of roles[i], or -1 (optional role, no
 * column). -1 + error on failure; with `problems` (may be NULL), errors
 * are recorded there and the result is 0. */
int jv_header_map(const jv_header *header, const jv_table_source *source,
                  const jv_role_request *roles, size_t n_roles, int *fields,
                  jv_problem_list *problems, GError **error);

/* Records warnings about the header in `problems`: names that are not
 * UTF-8, the same name twice (unless a role reads it: fields as filled by
 * jv_header_map, whose error that is), and a single column whose name
 * holds another delimiter (the file was probably read with the wrong
 * one). `file` names the file. */
void jv_header_check(const jv_header *header, const char *file, const int *fields, size_t n_fields,
                     jv_problem_list *problems);

#endif /* JV_DATA_HEADER_H */
