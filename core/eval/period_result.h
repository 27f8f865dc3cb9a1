/* core/eval/period_result.h — a scope's "periods" and "trend" members of
 * the result document (see period_result.c). */
#ifndef JV_EVAL_PERIOD_RESULT_H
#define JV_EVAL_PERIOD_RESULT_H

#include <cjson/cJSON.h>

#include "eval/outcomes.h"

/* Adds them to `block`. FALSE + error when a finish() fails without
 * --keep-going. */
gboolean jv_period_results(jv_outcomes *out, jv_scope *scope, cJSON *block, GError **error);

#endif /* JV_EVAL_PERIOD_RESULT_H */
