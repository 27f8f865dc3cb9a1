/* core/eval/result_entry.h — one indicator's entry in one scope of the
 * result document (see result_entry.c). */
#ifndef JV_EVAL_RESULT_ENTRY_H
#define JV_EVAL_RESULT_ENTRY_H

#include <cjson/cJSON.h>

#include "eval/outcomes.h"

/* Indicator i's entry ({status, rows, skipped_rows, result}) of `state` in
 * `scope`, for period `period` (-1: all periods), added to `parent`. FALSE
 * + error when finish() fails without --keep-going. */
gboolean jv_result_entry(jv_outcomes *out, jv_scope *scope, guint i, int period, void *state,
                         void *total_state, guint64 rows, guint64 skipped, cJSON *parent,
                         GError **error);

#endif /* JV_EVAL_RESULT_ENTRY_H */
