/* core/eval/run_options.h — what a caller asks of a run (min_cell, threads,
 * --keep-going, hashing, saved states, progress), how many threads that
 * makes, and the error domain of every run failure. Included by every
 * stage of a run; depends on nothing else in eval/. */
#ifndef JV_EVAL_RUN_OPTIONS_H
#define JV_EVAL_RUN_OPTIONS_H

#include <glib.h>
#include <stdint.h>

#define JV_RUN_ERROR (jv_run_error_quark())
GQuark jv_run_error_quark(void);

typedef struct jv_run_options {
    int64_t min_cell;       /* < 0: the evaluation's */
    int threads;            /* regions in parallel; <= 0: number of cores */
    gboolean keep_going;    /* a failing indicator gets status "error" */
    gboolean hash_inputs;   /* SHA-256 of every input (or the evaluation's) */
    const char *save_state; /* save each region's states into this folder */
    gboolean progress;      /* a progress line on stderr for long runs */
} jv_run_options;

/* The most threads a run uses: four per core, never over JV_RUN_MAX_THREADS
 * (a larger `threads` is lowered to this). */
#define JV_RUN_MAX_THREADS 256
int jv_run_max_threads(void);
/* The threads a run uses (options->threads, else the cores). */
int jv_run_threads(const jv_run_options *options);

#endif /* JV_EVAL_RUN_OPTIONS_H */
