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

#define JV_RUN_ERROR (jv_run_error_quark())
GQuark jv_run_error_quark(void);

typedef struct jv_run_options {
    int64_t min_cell;      /* < 0: the evaluation's */
    int threads;           /* regions in parallel; <= 0: number of cores */
    gboolean keep_going;   /* a failing indicator gets status "error" */
    gboolean hash_inputs;  /* SHA-256 of every input (or the evaluation's) */
    const char *save_state;/* save each region's states into this folder */
    gboolean progress;     /* a progress line on stderr for long runs */
} jv_run_options;

/* The most threads a run uses: four per core, never over JV_RUN_MAX_THREADS
 * (a larger `threads` is lowered to this). */
#define JV_RUN_MAX_THREADS 256
int jv_run_max_threads(void);

/* Runs `evaluation` with the plugins of `registry`. Returns the result
 * document (owned by the caller), or NULL with error set. With keep_going,
 * a plugin failure still returns a document and sets *failed. (`jamvikt
 * check` is eval/check.h: the same run, collecting instead of stopping.) */
cJSON *jv_run_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                         const jv_run_options *options, gboolean *failed, GError **error);

#endif /* JV_EVAL_RUN_H */
