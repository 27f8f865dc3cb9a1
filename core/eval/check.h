/* core/eval/check.h — `jamvikt check`: the run without its output. Every
 * table is read as `run` reads it and streamed through every plugin as
 * `run` streams it; what would stop the run or warn during it is
 * collected instead (the readers' bad values, each plugin's row rules
 * through the host's row_error, callback failures, finish() rules such as
 * reach above a population, plugin warnings), and nothing is computed
 * into a result or written. So a rule a plugin adds, custom plugins'
 * included, is found by `check` with no extra code. */
#ifndef JV_EVAL_CHECK_H
#define JV_EVAL_CHECK_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "config/evaluation.h"
#include "plugin/loader.h"

/* The check report (the object `jamvikt check --json` prints: "valid",
 * "files", "errors", "warnings", "regions", "skipped"), owned by the
 * caller; NULL + error when the evaluation cannot be checked at all (an
 * unknown plugin, a file that cannot be cut). `threads` as for a run. */
cJSON *jv_check_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                           int threads, GError **error);

#endif /* JV_EVAL_CHECK_H */
