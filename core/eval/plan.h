/* core/eval/plan.h — the plan of a run: the evaluation, its options, the
 * indicators bound to their plugins, and what to read — one *pass* per
 * table file (a region's own, or a national one split by a column), each
 * cut into a number of *chunks* (byte ranges read in parallel). Built once
 * (jv_plan_build), then only read: every later stage takes a
 * `const jv_plan *`. What reading finds is in outcomes.h. */
#ifndef JV_EVAL_PLAN_H
#define JV_EVAL_PLAN_H

#include "config/evaluation.h"
#include "eval/input_file.h"
#include "eval/run_options.h"
#include "plugin/host_impl.h"
#include "plugin/indicator.h"
#include "plugin/loader.h"

/* One file of one table. */
typedef struct jv_pass {
    guint index;                 /* in plan->passes */
    const char *table;           /* borrowed from a plugin's descriptor */
    char *path;                  /* resolved path (owned) */
    jv_table_settings *settings; /* owned */
    int region;                  /* region index, or -1: split by column */
    gboolean missing;            /* the file does not exist */
    guint64 size;
    jv_input_stamp stamp;        /* size and mtime when planned */
    guint first_chunk, n_chunks; /* its chunk slots among all passes' */
} jv_pass;

typedef struct jv_plan {
    const jv_evaluation *evaluation;
    const jv_run_options *options;
    jv_options plugin_options; /* what plugins see */
    int64_t min_cell;
    gboolean hash_inputs;
    gboolean checking;     /* `jamvikt check` (check.c): readers and
                                    row rules collect problems, nothing
                                    stops, nothing is written */
    GPtrArray *indicators; /* jv_indicator* (owned) */
    GPtrArray *passes;     /* jv_pass* (owned) */
    guint n_chunks;        /* chunk slots of all passes */
} jv_plan;

/* An empty plan: options decided, no indicators or passes yet. */
void jv_plan_init(jv_plan *plan, const jv_evaluation *evaluation, const jv_run_options *options,
                  gboolean checking);
/* Binds the evaluation's indicators to the plugins of `registry`, then
 * plans the passes and their chunks. FALSE + error on a failure. */
gboolean jv_plan_build(jv_plan *plan, const jv_registry *registry, GError **error);
void jv_plan_clear(jv_plan *plan);

/* The table index of `name` in an indicator's descriptor, or -1. */
int jv_plugin_table_index(const jv_plugin *desc, const char *name);
/* How the dataset layer should read a pass's file. */
void jv_pass_source(const jv_pass *pass, jv_table_source *src, gboolean hash);
/* The display form of a path: relative to the evaluation's folder when it
 * lies inside it. Owned by the caller. */
char *jv_plan_display_path(const jv_plan *plan, const char *path);

#endif /* JV_EVAL_PLAN_H */
