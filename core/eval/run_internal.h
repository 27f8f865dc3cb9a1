/* core/eval/run_internal.h — the state of one run, shared by the files that
 * carry it out (not a public interface):
 *   plan.c        which files to read: one *pass* per table file (a
 *                 region's own, or a national one split by a column), each
 *                 cut into *chunks* (byte ranges) that can be read in parallel
 *   chunk_read.c  one chunk through the plugins: rows routed to per-region
 *                 chunk states
 *   read_tasks.c  chunks read on a thread pool, merged per region in order
 *   run.c         the order of things: plan, read, pool, disclosure, result
 *   check.c       `jamvikt check`: the same reading with run->checking set,
 *                 then pool and finish with problems collected, no output
 *   check_report.c  what `jamvikt check` reports
 *   result.c      the result document
 *   state_file.c  saved region states (--save-state, jamvikt merge)
 *   periods.c     the states of each period (DESIGN.md "Periods")
 *   period_result.c  a scope's "periods" and "trend"
 */
#ifndef JV_EVAL_RUN_INTERNAL_H
#define JV_EVAL_RUN_INTERNAL_H

#include "eval/input_file.h"
#include "rules/disclosure.h"
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
    char *region;        /* NULL for a national table */
    char *table;
    char *file;          /* relative to the evaluation's folder when inside it */
    guint64 bytes;
    char *sha256;        /* NULL unless hashed */
} jv_input;

/* One period's states: in a chunk scope while reading, in a scope after
 * (periods.c). */
typedef struct jv_period_part {
    char *value;         /* the period (owned) */
    void **states;       /* per indicator, NULL if none */
    guint64 *rows;       /* per indicator: main-table rows */
    guint64 *skipped;    /* per indicator: rows the plugin skipped */
} jv_period_part;

typedef struct jv_scope {
    int index;           /* region index or JV_SCOPE_TOTAL */
    char *name;          /* owned */
    const jv_region_def *region; /* NULL for the total and column regions */
    jv_outcome *outcomes;/* one per indicator */
    GPtrArray *warnings; /* char* (owned) */
    guint first_pass;    /* column regions: where first seen */
    guint64 first_position;
    GPtrArray *parts;    /* jv_period_part*: while reading in order of
                            arrival, then one per run->periods, in order */
    void **secondary;    /* per indicator: the rows of tables without the
                            period column, for every period; after
                            settling, a periodised indicator's base state
                            (what a period without rows starts from) */
} jv_scope;

/* One file of one table. */
typedef struct jv_pass {
    guint index;
    const char *table;            /* borrowed from a plugin's descriptor */
    char *path;                   /* resolved path (owned) */
    jv_table_settings *settings;  /* owned */
    int region;                   /* region index, or -1: split by column */
    gboolean missing;             /* the file does not exist */
    guint64 size;
    jv_input_stamp stamp;         /* size and mtime when planned */
    guint64 rows, skipped;        /* the reader's, summed over chunks */
    GPtrArray *warnings;          /* the reader's (owned strings) */
    char *sha256;
    guint first_chunk, n_chunks;  /* its chunk slots in run->chunks */
    jv_problem_list *problems;    /* checking: what the indicators found
                                     after reading (finish, warnings) */
} jv_pass;

/* The rows of one region that one chunk saw. */
typedef struct jv_chunk_scope {
    char *name;                   /* region name (column regions) */
    int region;                   /* region index (listed regions) */
    guint64 first_position;       /* of its first row in the chunk */
    void **states;                /* per indicator, NULL if not reading */
    guint64 *rows;                /* per indicator: rows handed over */
    guint64 *skipped;             /* per indicator: skipped via row_error */
    GPtrArray *parts;             /* jv_period_part* by the chunk's period
                                     index (NULL where none) */
} jv_chunk_scope;

/* One byte range of a pass, read by one task. */
typedef struct jv_chunk {
    guint index;                  /* global order: by pass, then offset */
    jv_pass *pass;
    guint64 start, end, first_line; /* end 0: to the end of the file */
    GPtrArray *scopes;            /* jv_chunk_scope*, in order of appearance */
    char **failures;              /* per indicator: a callback's failure */
    guint64 rows, skipped, bytes; /* the reader's */
    GPtrArray *warnings;          /* the reader's and plugins' (owned) */
    GError *error;                /* a failure that stops the run */
    jv_problem_list *problems;    /* checking: what the reader and the
                                     plugins' row rules found */
    char *sha256;
    gint finished;                /* atomic: read, states ready to merge */
    guint64 reported_rows, reported_bytes; /* progress told while reading */
    guint64 next_offset;          /* where reading stopped: the next chunk's
                                     start, if the file was cut right */
    guint n_columns;              /* the reader's role requests */
    guint64 *rounded;             /* per request: values rounded */
    guint64 *empty_gender;        /* per request: empty gender cells (rows kept) */
    guint64 *dashes;              /* per request: '-' read as 0 (rows kept) */
    char **column_names;          /* per request: the file's column name */
    gboolean unused;              /* a slot the split did not need */
    gboolean has_period;          /* the file has the period column */
    GPtrArray *period_values;     /* char*: the chunk's period indices
                                     (when periods.values is not listed) */
    guint64 no_period;            /* rows without a (listed) period */
    gboolean period_overflow;     /* more than JV_MAX_PERIODS values seen */
} jv_chunk;

/* Periods are years or quarters: a column with more different values (an
 * identifier chosen by mistake) is an error rather than a flood of states. */
#define JV_MAX_PERIODS 200

typedef struct jv_run {
    const jv_evaluation *evaluation;
    const jv_run_options *options;
    jv_options plugin_options;   /* what plugins see */
    int64_t min_cell;
    gboolean hash_inputs;
    GPtrArray *indicators;       /* jv_indicator* (owned) */
    GPtrArray *passes;           /* jv_pass* (owned) */
    GPtrArray *chunks;           /* jv_chunk* (owned) */
    jv_scope *regions;           /* n_regions */
    size_t n_regions;
    jv_scope total;
    GArray *inputs;              /* jv_input, in evaluation order */
    jv_disclosure **disclosures; /* per indicator, or NULL */
    GPtrArray *warnings;         /* evaluation-wide (owned strings) */
    struct jv_progress *progress;/* while reading */
    gint *tasks_left;            /* per listed region, while reading */
    GAsyncQueue *finished_tasks; /* workers → main thread, while reading */
    GThreadPool *pool;           /* while reading, with more than one thread */
    struct task *tasks;          /* while reading: one per chunk slot, then more */
    guint merged;                /* chunks merged so far (main thread) */
    GError *merge_error;         /* a merge() failure */
    GHashTable *column_regions;  /* name → jv_scope*, while reading */
    GPtrArray *periods;          /* char*: the periods, in order (owned) */
    gboolean *periodised;        /* per indicator: evaluated per period */
    gboolean checking;           /* `jamvikt check` (check.c): readers and
                                    row rules collect problems, nothing
                                    stops, nothing is written */
    jv_problem_list *problems;   /* checking: problems of no one file */
} jv_run;

/* plan.c: the passes and chunks of the run; marks indicators skipped where
 * a region lacks a table. FALSE + error on a failure. */
gboolean jv_plan_passes(jv_run *run, GError **error);
gboolean jv_plan_chunks(jv_run *run, GError **error);
/* The table index of `name` in an indicator's descriptor, or -1. */
int jv_plugin_table_index(const jv_plugin *desc, const char *name);
/* How the dataset layer should read a pass's file. */
void jv_pass_source(const jv_pass *pass, jv_table_source *src, gboolean hash);

/* chunk_read.c: reads one chunk (any thread). Sets chunk->error on a
 * failure that stops the run. */
void jv_chunk_read(jv_run *run, jv_chunk *chunk);
void jv_chunk_free(jv_run *run, jv_chunk *chunk);
/* Destroys the chunk's remaining states (after merging). */
void jv_chunk_drop_states(jv_run *run, jv_chunk *chunk);

/* read_tasks.c: the threads a run uses (options->threads, else the cores). */
int jv_run_threads(const jv_run_options *options);
/* read_tasks.c: reads every chunk (threads per run->options), merging
 * finished chunks into their regions in chunk order. */
void jv_read_chunks(jv_run *run);
/* The first chunk failure in chunk order, or TRUE. */
gboolean jv_chunk_errors(jv_run *run, GError **error);
/* Regions from a column: numbered by first appearance into run->regions. */
void jv_number_column_regions(jv_run *run);

/* pass_warnings.c: a file's warnings, the same for any chunking, added to
 * `into` (with "region: " in front when region is not NULL). */
void jv_pass_warnings(jv_run *run, const jv_pass *pass, GPtrArray *into, const char *region);

/* check_report.c: the report of `jamvikt check`. */
cJSON *jv_check_report(jv_run *run);

/* run.c: binds, plans and reads every chunk (the part `run` and `check`
 * share). FALSE + error when the run cannot go on. */
gboolean jv_run_read(jv_run *run, const jv_registry *registry, GError **error);
/* Every region's indicators have a state (init() where no row came), and
 * with periods every region its period states (jv_periods_settle). */
gboolean jv_run_complete_states(jv_run *run, GError **error);
/* Pools the regions into the total (and each period's) and decides
 * disclosure. */
gboolean jv_run_pool(jv_run *run, GError **error);

/* run.c */
void jv_scope_init(jv_run *run, jv_scope *scope, int index, const char *name,
                   const jv_region_def *region);
void jv_run_fail_indicator(jv_run *run, size_t i, const char *message);
/* A callback of indicator i failed (its message in ctx, cleared here): with
 * --keep-going the indicator fails everywhere and the run goes on (TRUE),
 * else the failure goes to *error and the run stops (FALSE). */
gboolean jv_run_callback_failed(jv_run *run, size_t i, jv_ctx *ctx, const char *fallback,
                                GError **error);
/* The display form of a path: relative to the evaluation's folder when it
 * lies inside it. Owned by the caller. */
char *jv_run_display_path(const jv_run *run, const char *path);
void jv_run_init(jv_run *run, const jv_evaluation *evaluation, const jv_run_options *options);
/* Pools, decides disclosure and builds the document (also for merge). */
cJSON *jv_run_finish(jv_run *run, gboolean *failed, GError **error);
void jv_run_clear(jv_run *run);

/* result.c: the result document of a finished run. NULL + error when a
 * finish() fails without --keep-going. */
cJSON *jv_result_build(jv_run *run, gboolean *failed, GError **error);

/* periods.c */
jv_period_part *jv_period_part_new(jv_run *run, const char *value);
/* Destroys the part's states (in `scope`) and the part. */
void jv_period_part_free(jv_run *run, jv_period_part *part, int scope, const char *scope_name);
/* Joins a finished chunk scope's period states into its scope's. */
gboolean jv_periods_merge_chunk(jv_run *run, const jv_chunk *chunk, jv_chunk_scope *cs,
                                jv_scope *scope, GError **error);
/* After reading: decides the periods and which indicators have them,
 * gives every region one part per period with a state for every
 * periodised indicator (the rows of tables without the column joined into
 * each), and warns of rows without a period. */
gboolean jv_periods_settle(jv_run *run, GError **error);
/* The total's parts: each period's region states pooled. */
gboolean jv_periods_pool(jv_run *run, GError **error);
/* Declares a scope's period cells (after its all-periods cells). */
int jv_periods_cells(jv_run *run, guint i, jv_scope *scope, jv_disclosure *d, GError **error);
/* Destroys a scope's parts and secondary states. */
void jv_periods_clear_scope(jv_run *run, jv_scope *scope);

/* period_result.c: a scope's "periods" and "trend" members. FALSE + error
 * when a finish() fails without --keep-going. */
gboolean jv_period_results(jv_run *run, jv_scope *scope, cJSON *block, GError **error);

/* result.c: one indicator's entry ({status, rows, skipped_rows, result})
 * of `state` in `scope`, for period `period` (-1: all periods). */
gboolean jv_result_entry(jv_run *run, jv_scope *scope, guint i, int period, void *state,
                         void *total_state, guint64 rows, guint64 skipped, cJSON *parent,
                         GError **error);

/* period_state.c: periods in saved states. The state file's "periods"
 * header (NULL without periods); an indicator's "base" and "periods" into
 * its item; and, merging, the periods and every region's period states
 * from the files' documents (in region order). */
cJSON *jv_period_state_header(jv_run *run);
gboolean jv_period_state_save(jv_run *run, jv_scope *scope, guint i, cJSON *item,
                              GError **error);
gboolean jv_period_states_load(jv_run *run, const cJSON *const *docs, const char *const *paths,
                               guint n, GError **error);

/* state_file.c */
gboolean jv_state_save(jv_run *run, const char *dir, GError **error);

#endif /* JV_EVAL_RUN_INTERNAL_H */
