/* plugins/participation/participation.h — the participation indicator's
 * state and what its three files share (INDICATORS.md "participation").
 * Private to the plugin; the module exports only jamvikt_plugin_entry.
 *
 *   participation.c         descriptor, params, consume, merge, pool, and
 *                           the one-arena-type-per-arena rule
 *   participation_result.c  disclosure groups (cells) and the result (finish)
 *   participation_saved.c   save/load of a finished region's aggregates
 *
 * The counting is the host's gender tally (jamvikt/tally.h): measures
 * seats and chair_seats, one breakdown per params.by column and one for
 * the arenas. The plugin keeps what a tally does not: each arena's arena
 * type (host string maps), and whether the scope read an arena_type and a
 * role column. Every pointer in a state is owned by it.
 */
#ifndef JV_PARTICIPATION_H
#define JV_PARTICIPATION_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/jamvikt.h>

/* The host table, kept by the entry function. */
extern const jv_host *part_host;

/* Batch columns of the static roles, in declaration order. */
enum { PART_GENDER, PART_ARENA, PART_ARENA_TYPE, PART_ROLE, PART_COUNT, PART_N_ROLES };

/* The tally's measures: cells[g * PART_N_MEASURES + m]. */
enum { PART_SEATS, PART_CHAIR_SEATS, PART_N_MEASURES };

/* An arena without a type (its rows came from files without arena_type). */
#define PART_NO_TYPE ((size_t)-1)

/* What configure() read from params: the tally's breakdowns are
 * params.by (0 .. n_by-1), then "arena" unless by lists it already. */
typedef struct part_config {
    size_t n_by, n_breakdowns;
    size_t arena; /* the breakdown of the arenas */
    char **names; /* breakdown names: host->param_columns's block */
    int *columns; /* the batch column of each */
} part_config;

typedef struct part_state {
    jv_tally *tally;
    int has_arena_type, has_role; /* the scope read such a column */
    jv_map *arenas;               /* arena names that have (or may get) a type */
    jv_map *types;                /* arena type names */
    size_t *type;                 /* per arenas index: types index or PART_NO_TYPE */
    size_t n_type;                /* capacity of type */
    /* consume()'s scratch: role entries and whether each is a chair; the
     * rows' measures and skip flags for tally_add */
    jv_map *roles;
    uint8_t *is_chair;
    int64_t *values;
    uint8_t *skip;
    size_t n_is_chair, n_rows;
} part_state;

/* What the tally counts (static: the tally keeps the pointer). */
extern const jv_tally_spec part_spec;

/* A state around `tally` (taken over); NULL when tally is NULL. */
part_state *part_state_new(jv_tally *tally);
void part_state_free(part_state *state);

/* Where two arena types of one arena met, for the error message. */
typedef enum part_join { PART_MERGE, PART_POOL, PART_LOAD } part_join;

/* The one-type rule: an arena that already has a type other than `type`
 * is an error naming the arena and both types (0 or -1 after
 * host->error()). With `apply`, an arena without a type gets `type`. */
int part_arena_type(jv_ctx *ctx, part_state *state, const char *arena, const char *type,
                    part_join join, int apply);

/* The type index of arena `name`, or PART_NO_TYPE. */
size_t part_type_of(const part_state *state, const char *name);

/* Measure m of each gender of a tally cell block, into seats[]. */
const int64_t *part_seats(const int64_t *cells, int m, int64_t seats[JV_GENDERS]);

/* The odd-seat rule: balanced when women and men are not both 0 and differ
 * by at most one seat, else the 40/60 class of the women's share. */
jv_balance part_balance(jv_ctx *ctx, int64_t women, int64_t men);

/* Callbacks defined in participation_result.c and participation_saved.c. */
int part_cells(jv_ctx *ctx, const void *state, jv_cells *cells);
int part_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out);
int part_save(jv_ctx *ctx, const void *state, jv_writer *out);
void *part_load(jv_ctx *ctx, const jv_node *in);

#endif /* JV_PARTICIPATION_H */
