/* core/eval/reader_private.h — the types of the read phase, private to the
 * files that carry it out (reader.c, read_tasks.c, chunk_read.c,
 * chunk_periods.c, pass_warnings.c): the reader, its chunks, and a chunk's
 * per-region rows. Declares no functions. Nothing outside the read phase
 * sees a chunk: what reading finds is handed over in jv_outcomes. */
#ifndef JV_EVAL_READER_PRIVATE_H
#define JV_EVAL_READER_PRIVATE_H

#include "eval/outcomes.h"

/* The rows of one region that one chunk saw. */
typedef struct jv_chunk_scope {
    char *name;             /* region name (column regions) */
    int region;             /* region index (listed regions) */
    guint64 first_position; /* of its first row in the chunk */
    void **states;          /* per indicator, NULL if not reading */
    guint64 *rows;          /* per indicator: rows handed over */
    guint64 *skipped;       /* per indicator: skipped via row_error */
    GPtrArray *parts;       /* jv_period_part* by the chunk's period
                                     index (NULL where none) */
} jv_chunk_scope;

/* One byte range of a pass, read by one task. */
typedef struct jv_chunk {
    guint index; /* global order: by pass, then offset */
    const jv_pass *pass;
    guint64 start, end, first_line; /* end 0: to the end of the file */
    GPtrArray *scopes;              /* jv_chunk_scope*, in order of appearance */
    char **failures;                /* per indicator: a callback's failure */
    guint64 rows, skipped, bytes;   /* the reader's */
    GPtrArray *warnings;            /* the reader's and plugins' (owned) */
    GError *error;                  /* a failure that stops the run */
    jv_problem_list *problems;      /* checking: what the reader and the
                                     plugins' row rules found */
    char *sha256;
    gint finished;                         /* atomic: read, states ready to merge */
    guint64 reported_rows, reported_bytes; /* progress told while reading */
    guint64 next_offset;                   /* where reading stopped: the next chunk's
                                     start, if the file was cut right */
    guint n_columns;                       /* the reader's role requests */
    guint64 *rounded;                      /* per request: values rounded */
    guint64 *empty_gender;                 /* per request: empty gender cells (rows kept) */
    guint64 *dashes;                       /* per request: '-' read as 0 (rows kept) */
    char **column_names;                   /* per request: the file's column name */
    gboolean unused;                       /* a slot the split did not need */
    gboolean has_period;                   /* the file has the period column */
    GPtrArray *period_values;              /* char*: the chunk's period indices
                                     (when periods.values is not listed) */
    guint64 no_period;                     /* rows without a (listed) period */
    gboolean period_overflow;              /* more than JV_MAX_PERIODS values seen */
} jv_chunk;

/* The read phase of one run. */
typedef struct jv_reader {
    const jv_plan *plan;
    jv_outcomes *out;             /* where finished chunks are merged */
    GPtrArray *chunks;            /* jv_chunk* (owned), one per plan slot */
    struct jv_progress *progress; /* while reading */
    gboolean threaded;            /* chunks are read on worker threads */
    GError *merge_error;          /* a merge() failure */
    GHashTable *column_regions;   /* name → jv_scope*, while reading */
} jv_reader;

#endif /* JV_EVAL_READER_PRIVATE_H */
