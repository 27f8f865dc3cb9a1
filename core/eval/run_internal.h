/* core/eval/run_internal.h — the state of one run, shared by the files that
 * carry it out: run.c (plan, regions in parallel, pooling, disclosure),
 * region_read.c (one region's tables through the plugins) and result.c (the
 * result document). Not part of any public interface. */
#ifndef JV_EVAL_RUN_INTERNAL_H
#define JV_EVAL_RUN_INTERNAL_H

#include "eval/disclosure.h"
#include "eval/run.h"
#include "plugin/host_impl.h"
#include "plugin/indicator.h"

typedef enum { JV_STATUS_OK = 0, JV_STATUS_SKIPPED, JV_STATUS_ERROR } jv_status;

/* One indicator in one scope. */
typedef struct jv_outcome {
    jv_status status;
    char *reason;        /* skipped: why; error: the message (owned) */
    void *state;         /* the plugin's state (destroyed at the end) */
    guint64 rows;        /* rows of the indicator's main table */
    guint64 skipped;     /* rows skipped by the reader or the plugin */
} jv_outcome;

/* One input file read. */
typedef struct jv_input {
    char *table;
    char *file;          /* relative to the evaluation's folder when inside it */
    guint64 bytes;
    guint64 rows;
    guint64 skipped;
    char *sha256;        /* NULL unless hashed */
} jv_input;

typedef struct jv_scope {
    int index;           /* region index or JV_SCOPE_TOTAL */
    const char *name;    /* borrowed from the evaluation, or "total" */
    const jv_region_def *region; /* NULL for the total */
    jv_outcome *outcomes;/* one per indicator */
    GPtrArray *warnings; /* char* (owned) */
    GArray *inputs;      /* jv_input */
    GError *error;       /* a failure that stops the run */
} jv_scope;

typedef struct jv_run {
    const jv_evaluation *evaluation;
    const jv_run_options *options;
    jv_options plugin_options;   /* what plugins see */
    int64_t min_cell;
    gboolean hash_inputs;
    GPtrArray *indicators;       /* jv_indicator* (owned) */
    jv_scope *regions;           /* n_regions */
    size_t n_regions;
    jv_scope total;
    jv_disclosure **disclosures; /* per indicator, or NULL */
    GPtrArray *warnings;         /* evaluation-wide (owned strings) */
} jv_run;

/* Reads every table of scope's region once through the indicators. FALSE
 * with scope->error set on a failure that stops the run. */
gboolean jv_region_read(jv_run *run, jv_scope *scope);
/* Marks indicator i failed in every scope with `message` (--keep-going). */
void jv_run_fail_indicator(jv_run *run, size_t i, const char *message);
/* The result document of a finished run. NULL + error when a finish()
 * fails without --keep-going. */
cJSON *jv_result_build(jv_run *run, gboolean *failed, GError **error);
/* The display form of a path: relative to the evaluation's folder when it
 * lies inside it. Owned by the caller. */
char *jv_run_display_path(const jv_run *run, const char *path);

#endif /* JV_EVAL_RUN_INTERNAL_H */
