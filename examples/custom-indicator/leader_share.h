/* leader_share.h — the state of the leader_share example plugin, shared by
 * its three source files:
 *   leader_share.c         descriptor, configure, consume, merge/pool
 *   leader_share_result.c  cells (disclosure groups) and finish (result)
 *   leader_share_save.c    save and load (a finished region's aggregates)
 *
 * A state is a plain struct of counters, so merge, pool, save and load are
 * additions and copies. It owns everything it points to (freed by
 * ls_state_free); nothing in it is borrowed from a batch.
 */
#ifndef LEADER_SHARE_H
#define LEADER_SHARE_H

#include <jamvikt/jamvikt.h>

/* Role indices of table 0 ("projects"), in declaration order; the optional
 * breakdown role added by configure() comes after them. */
enum { LS_LEADER_GENDER, LS_FUNDED, LS_AMOUNT_GRANTED, LS_N_ROLES };

/* One gender category's counters. */
typedef struct ls_cell {
    int64_t projects; /* rows */
    int64_t funded;   /* rows whose `funded` is yes */
    int64_t amount;   /* sum of amount_granted, fixed point (× JV_FIXED_SCALE) */
} ls_cell;

/* The gender split of one group: the scope, or one breakdown value. */
typedef struct ls_split {
    ls_cell cells[JV_GENDERS];
} ls_split;

/* One value of the breakdown column and its split. */
typedef struct ls_value {
    char *text;      /* owned, NUL-terminated */
    size_t length;
    ls_split split;
} ls_value;

typedef struct ls_state {
    ls_split split;      /* the whole scope */
    int64_t amount_rows; /* rows with an amount_granted value */
    ls_value *values;    /* breakdown values in order of first sight */
    size_t n_values, capacity;
    /* Translation of the batches' dictionary codes to indices of values[]
     * (batch.h rule 5): rebuilt when the dictionary changes, extended when
     * it grows; consume() then does one array lookup per row. */
    uint64_t dict_id;
    uint32_t *to_value;
    size_t n_translated;
} ls_state;

/* What configure() read from params; one per indicator. */
typedef struct ls_instance {
    char *by;   /* the breakdown column (owned), or NULL */
    int by_role; /* its column index in batches, -1 without one */
} ls_instance;

extern const jv_host *ls_host;

ls_state *ls_state_new(void);
void ls_state_free(ls_state *state);
/* The index of the value text[0..length) in state, added when new. */
size_t ls_state_value(ls_state *state, const char *text, size_t length);
/* into += from; -1 (and nothing added) when a sum would overflow. */
int ls_cell_add(ls_cell *into, const ls_cell *from);
/* into += from, cell by cell and value by value; -1 after host->error()
 * when a sum would overflow. */
int ls_state_add(jv_ctx *ctx, ls_state *into, const ls_state *from);

/* The disclosure key of breakdown value `v` ("by:<value>"); caller frees
 * with ls_host->free. The main split's key is JV_MAIN_GROUP. */
char *ls_value_key(const ls_value *v);
/* values[] sorted by UTF-8 bytes, as pointers; caller frees the array. */
const ls_value **ls_state_sorted(const ls_state *state);

int ls_cells(jv_ctx *ctx, const void *state, jv_cells *cells);
int ls_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out);
int ls_save(jv_ctx *ctx, const void *state, jv_writer *out);
void *ls_load(jv_ctx *ctx, const jv_node *in);

#endif /* LEADER_SHARE_H */
