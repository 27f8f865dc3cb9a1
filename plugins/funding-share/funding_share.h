/* plugins/funding-share/funding_share.h — the funding_share plugin's state,
 * shared by its three files: funding_share.c (descriptor, configure, consume,
 * merge, pool), funding_share_result.c (cells, finish) and
 * funding_share_save.c (save, load). Internal to the module: only
 * jamvikt_plugin_entry is exported.
 *
 * The state is plain counters (INDICATORS.md "funding_share"):
 *  1. Per gender category: applications (rows), granted (granted rows), the
 *     sums of amount_applied and amount_granted as fixed-point integers
 *     (× JV_FIXED_SCALE), for the main split and for every (by column, value).
 *  2. `total` is the main split summed over the five categories. Every row
 *     adds to `total` and to exactly one cell per split, so no cell or group
 *     total ever exceeds `total`: checking `total` for overflow (consume,
 *     merge, pool, load) keeps every sum in range.
 *  3. Breakdown values are interned per column (jvp_map, insertion order);
 *     splits[i] belongs to value i. Results and saved states list values in
 *     UTF-8 byte order.
 */
#ifndef JV_FUNDING_SHARE_H
#define JV_FUNDING_SHARE_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/jamvikt.h>

#include "../common/plugin_map.h"

/* The host table from jamvikt_plugin_entry (set once, read everywhere). */
extern const jv_host *fs_host;

/* The static roles of table `funding`, in batch column order. */
enum { FS_GENDER, FS_AMOUNT_GRANTED, FS_AMOUNT_APPLIED, FS_DECISION, FS_N_ROLES };
/* Codes of the decision role (its canonical values, in order). */
enum { FS_DECISION_GRANTED = 0, FS_DECISION_REJECTED = 1 };

typedef struct fs_cell {
    int64_t applications; /* rows */
    int64_t granted;      /* granted rows */
    int64_t applied;      /* sum of amount_applied × JV_FIXED_SCALE */
    int64_t amount;       /* sum of amount_granted × JV_FIXED_SCALE */
} fs_cell;

typedef struct fs_split {
    fs_cell cells[JV_GENDERS];
} fs_split;

typedef struct fs_breakdown {
    jvp_map values;              /* value text → index into splits */
    fs_split *splits;            /* one per value, owned */
    size_t capacity;             /* of splits */
    jvp_translation translation; /* batch dictionary → index (consume) */
    /* consume() only, valid during one batch: */
    const uint32_t *batch_codes; /* the batch column's codes */
    const uint32_t *batch_index; /* dictionary code → value index */
    uint32_t batch_size;         /* dictionary size */
} fs_breakdown;

typedef struct fs_state {
    fs_split split;       /* the main split */
    fs_cell total;        /* split summed over the categories (rule 2) */
    int64_t applied_rows; /* rows with an amount_applied value */
    size_t n_by;
    fs_breakdown *by;     /* n_by, in params.by order, owned */
} fs_state;

/* What configure() read: the breakdown columns and their batch columns. */
typedef struct fs_instance {
    size_t n_by;
    char **by;            /* column (role) names, owned */
    int *by_column;       /* index of each in batches of `funding` */
} fs_instance;

/* A new empty state with one breakdown per column of the instance; NULL
 * after host->error. Freed with fs_state_free. */
fs_state *fs_state_new(jv_ctx *ctx);
void fs_state_free(fs_state *state);
/* Makes room for `size` values in a breakdown (new splits zeroed). */
void fs_breakdown_reserve(fs_breakdown *b, size_t size);
/* Adds `from` into `into` (merge and pool); -1 after host->error when a sum
 * would overflow or the breakdown columns differ. */
int fs_state_add(jv_ctx *ctx, fs_state *into, const fs_state *from);
/* Adds one cell into another; the caller has ruled out overflow. */
static inline void fs_cell_add(fs_cell *into, const fs_cell *from)
{
    into->applications += from->applications;
    into->granted += from->granted;
    into->applied += from->applied;
    into->amount += from->amount;
}

/* The value indices of a breakdown in UTF-8 byte order (malloc'ed, caller
 * frees with free; NULL when memory is exhausted). Unlike jvp_map_sorted it
 * keeps no static, so states of different regions may be sorted at once. */
uint32_t *fs_sorted_values(const fs_breakdown *b);

/* The disclosure key of value `value` (length bytes) of breakdown column
 * `column`: "by/<column>/<value>" with '%', '/' and NUL written as %25,
 * %2F, %00, so no two (column, value) pairs share a key and none is
 * JV_MAIN_GROUP. Caller frees with host->free. */
char *fs_group_key(const char *column, const char *value, size_t length);

/* The callbacks of funding_share_result.c and funding_share_save.c. */
int fs_cells(jv_ctx *ctx, const void *state, jv_cells *cells);
int fs_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out);
int fs_save(jv_ctx *ctx, const void *state, jv_writer *out);
void *fs_load(jv_ctx *ctx, const jv_node *in);

#endif /* JV_FUNDING_SHARE_H */
