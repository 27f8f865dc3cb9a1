/* core/eval/outcomes.h — what a run finds: every region's (and the
 * total's) states and status per indicator, their warnings and skipped
 * rows, the per-period states, each pass's counts, indicators that
 * failed, the inputs, disclosure decisions, and (checking) problems. The
 * read tasks fill it (reader.h); completing, pooling, the result, saved
 * states, merge and check read and extend it. Always tied to the
 * `const jv_plan` it is the outcome of. */
#ifndef JV_EVAL_OUTCOMES_H
#define JV_EVAL_OUTCOMES_H

#include "eval/plan.h"
#include "rules/disclosure.h"

typedef enum { JV_STATUS_OK = 0, JV_STATUS_SKIPPED, JV_STATUS_ERROR } jv_status;

/* One indicator in one scope. */
typedef struct jv_outcome {
    jv_status status;
    char *reason;    /* skipped: why; error: the message (owned) */
    void *state;     /* the plugin's state (destroyed at the end) */
    guint64 rows;    /* rows of the indicator's main table */
    guint64 skipped; /* rows skipped by the reader or the plugin */
} jv_outcome;

/* One input file read. */
typedef struct jv_input {
    char *region; /* NULL for a national table */
    char *table;
    char *file; /* relative to the evaluation's folder when inside it */
    guint64 bytes;
    char *sha256; /* NULL unless hashed */
} jv_input;

/* One period's states: in a chunk scope while reading, in a scope after
 * (periods.c). */
typedef struct jv_period_part {
    char *value;      /* the period (owned) */
    void **states;    /* per indicator, NULL if none */
    guint64 *rows;    /* per indicator: main-table rows */
    guint64 *skipped; /* per indicator: rows the plugin skipped */
} jv_period_part;

typedef struct jv_scope {
    int index;                   /* region index or JV_SCOPE_TOTAL */
    char *name;                  /* owned */
    const jv_region_def *region; /* NULL for the total and column regions */
    jv_outcome *outcomes;        /* one per indicator */
    GPtrArray *warnings;         /* char* (owned) */
    guint first_pass;            /* column regions: where first seen */
    guint64 first_position;
    GPtrArray *parts; /* jv_period_part*: while reading in order of
                            arrival, then one per out->periods, in order */
    void **secondary; /* per indicator: the rows of tables without the
                            period column, for every period; after
                            settling, a periodised indicator's base state
                            (what a period without rows starts from) */
} jv_scope;

/* What reading one pass (plan->passes, same index) found. */
typedef struct jv_pass_result {
    guint64 rows, skipped;          /* the reader's, summed over chunks */
    char *sha256;                   /* NULL unless hashed */
    gboolean has_period;            /* the file has the period column */
    guint64 no_period;              /* rows without a (listed) period */
    jv_problem_list *read_problems; /* checking: the reader's and the
                                       plugins' row rules' */
    jv_problem_list *problems;      /* checking: what the indicators found
                                     after reading (finish, warnings) */
} jv_pass_result;

/* Periods are years or quarters: a column with more different values (an
 * identifier chosen by mistake) is an error rather than a flood of states. */
#define JV_MAX_PERIODS 200

typedef struct jv_outcomes {
    const jv_plan *plan; /* what these are the outcomes of */
    jv_scope *regions;   /* n_regions */
    size_t n_regions;
    jv_scope total;
    jv_pass_result *passes;      /* per plan pass */
    gboolean period_overflow;    /* a chunk saw over JV_MAX_PERIODS periods */
    gboolean *failed;            /* per indicator: a callback failed
                                    (--keep-going); workers read it */
    char **failure;              /* per indicator: its message (owned) */
    GArray *inputs;              /* jv_input, in evaluation order */
    GPtrArray *periods;          /* char*: the periods, in order (owned) */
    gboolean *periodised;        /* per indicator: evaluated per period */
    jv_disclosure **disclosures; /* per indicator, or NULL */
    GPtrArray *warnings;         /* evaluation-wide (owned strings) */
    jv_problem_list *problems;   /* checking: problems of no one file */
} jv_outcomes;

/* Empty outcomes of `plan` (which must outlive them); listed regions get
 * their scopes now, regions from a column when read. */
void jv_outcomes_init(jv_outcomes *out, const jv_plan *plan);
void jv_outcomes_clear(jv_outcomes *out);

void jv_scope_init(const jv_outcomes *out, jv_scope *scope, int index, const char *name,
                   const jv_region_def *region);
void jv_scope_clear(const jv_outcomes *out, jv_scope *scope);

jv_period_part *jv_period_part_new(const jv_outcomes *out, const char *value);
/* Destroys the part's states (in `scope`) and the part. */
void jv_period_part_free(const jv_outcomes *out, jv_period_part *part, int scope,
                         const char *scope_name);
/* The part of `value` among `parts` (some may be NULL), or NULL. */
jv_period_part *jv_period_part_find(GPtrArray *parts, const char *value);
/* Destroys a scope's parts and secondary states. */
void jv_periods_clear_scope(const jv_outcomes *out, jv_scope *scope);

/* Indicator i failed (the first message is kept). */
void jv_outcomes_fail_indicator(jv_outcomes *out, size_t i, const char *message);
/* A callback of indicator i failed (its message in ctx, cleared here): with
 * --keep-going the indicator fails everywhere and the run goes on (TRUE),
 * else the failure goes to *error and the run stops (FALSE). */
gboolean jv_outcomes_callback_failed(jv_outcomes *out, size_t i, jv_ctx *ctx, const char *fallback,
                                     GError **error);
/* Indicator i's destroy() of `state` (NULL: nothing) in scope `scope`. */
void jv_outcomes_destroy_state(const jv_outcomes *out, guint i, void *state, int scope,
                               const char *name);
/* *state = indicator i's init() in scope `scope`. */
gboolean jv_outcomes_new_state(const jv_outcomes *out, guint i, int scope, const char *name,
                               void **state, GError **error);
/* `from` joined into *into with merge() (taken over when *into is empty
 * and `take`). */
gboolean jv_outcomes_join(jv_outcomes *out, guint i, jv_scope *scope, void **into, void **from,
                          gboolean take, GError **error);

#endif /* JV_EVAL_OUTCOMES_H */
