/* core/eval/person_level.h — refusing a breakdown that would publish
 * person-level data (README "Pooling regions without sharing their data").
 *
 * Rule: in a scope (a region, or the total) whose indicator read 20 rows
 * or more, a breakdown column (the `breakdowns` of its result, i.e. the
 * columns named in params.by) with more distinct values than half the
 * rows — fewer than two rows per value on average, as an identifier, a
 * name or an exact amount has — is refused, naming the indicator, the
 * column and the scope. Checked on the finished document before anything
 * is written (the result or --save-state), and by `merge`.
 *
 * Why here: the result already lists each scope's values (INDICATORS.md:
 * every value found) and the run knows each scope's rows, so the check
 * needs no memory beyond the document and does not depend on how a file
 * was cut into chunks or threads (counting values while reading would
 * need a per-value map per chunk, merged across chunks). */
#ifndef JV_EVAL_PERSON_LEVEL_H
#define JV_EVAL_PERSON_LEVEL_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "eval/outcomes.h"

#define JV_PERSON_LEVEL_MIN_ROWS 20

/* FALSE + error when a breakdown of `doc` (the run's result, borrowed)
 * breaks the rule. */
gboolean jv_person_level_check(const jv_outcomes *out, const cJSON *doc, GError **error);

#endif /* JV_EVAL_PERSON_LEVEL_H */
