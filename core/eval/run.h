/* core/eval/run.h — running an evaluation: every region's tables streamed
 * once through every indicator, region states pooled into the total,
 * disclosure decided, results assembled into one document (DESIGN.md
 * "Data flow", "Result document"). */
#ifndef JV_EVAL_RUN_H
#define JV_EVAL_RUN_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "config/evaluation.h"
#include "plugin/loader.h"
#include "eval/run_options.h"

/* Runs `evaluation` with the plugins of `registry`. Returns the result
 * document (owned by the caller), or NULL with error set. With keep_going,
 * a plugin failure still returns a document and sets *failed. (`jamvikt
 * check` is eval/check.h: the same run, collecting instead of stopping.) */
cJSON *jv_run_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                         const jv_run_options *options, gboolean *failed, GError **error);

#endif /* JV_EVAL_RUN_H */
