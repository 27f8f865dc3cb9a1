/* core/eval/result.h — the result document of a finished run (DESIGN.md
 * "Result document"; see result.c). */
#ifndef JV_EVAL_RESULT_H
#define JV_EVAL_RESULT_H

#include <cjson/cJSON.h>

#include "eval/outcomes.h"

/* The document of pooled outcomes (jv_pool done). NULL + error when a
 * finish() fails without --keep-going; *failed (may be NULL) when an
 * indicator failed and the run kept going. */
cJSON *jv_result_build(jv_outcomes *out, gboolean *failed, GError **error);

#endif /* JV_EVAL_RESULT_H */
