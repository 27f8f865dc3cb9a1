/* core/eval/reader.h — the read phase of a run: every pass of a plan read
 * once (in chunks, on threads) through every indicator, the rows of each
 * region handed to that region's states in `out`, and what the reader saw
 * (counts, warnings, missing files, inputs, checking problems) accounted
 * there. The chunks and tasks it uses are its own (reader_private.h). */
#ifndef JV_EVAL_READER_H
#define JV_EVAL_READER_H

#include "eval/outcomes.h"

/* Reads `plan` into `out` (made by jv_outcomes_init for `plan`). FALSE +
 * error when the run cannot go on. */
gboolean jv_read(const jv_plan *plan, jv_outcomes *out, GError **error);

#endif /* JV_EVAL_READER_H */
