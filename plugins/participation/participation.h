/* plugins/participation/participation.h — the participation indicator's
 * state and the functions its three files share (INDICATORS.md
 * "participation"). Private to the plugin; nothing here is exported (the
 * module exports only jamvikt_plugin_entry).
 *
 *   participation.c         descriptor, params, consume, merge, pool
 *   participation_result.c  disclosure groups (cells) and the result (finish)
 *   participation_saved.c   save/load of a finished region's aggregates
 *
 * The state is plain counters: seats per gender for the scope, for the
 * chairs and for every value of the arena list and of each breakdown, plus
 * each arena's one arena type. Memory: every pointer in a state is owned by
 * it and freed by part_state_free().
 */
#ifndef JV_PARTICIPATION_H
#define JV_PARTICIPATION_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/jamvikt.h>

#include "../common/plugin_map.h"

/* The host table, kept by the entry function. */
extern const jv_host *part_host;

/* Batch columns of the static roles, in declaration order. */
enum { PART_GENDER, PART_ARENA, PART_ARENA_TYPE, PART_ROLE, PART_COUNT, PART_N_ROLES };

/* An arena without a type (the scope's file has no arena_type column). */
#define PART_NO_TYPE UINT32_MAX

/* What configure() read from params; owned by the plugin. */
typedef struct part_config {
    size_t n_by;
    char **by_names;   /* params.by, in order */
    int *by_columns;   /* the batch column of each (a static role's when
                          the breakdown names arena, arena_type or role) */
} part_config;

/* One list of values (arenas, or one breakdown's values) with seats. */
typedef struct part_values {
    jvp_map map;
    int64_t *seats;     /* JV_GENDERS per map index */
    uint8_t *seen;      /* 1 when a counted row (or a merged state) had it;
                           translations intern every dictionary entry, and
                           only values found in the scope's rows are listed */
    uint32_t *type;     /* arenas only: index into the state's types */
    size_t capacity;    /* of seats/seen/type, in values */
    jvp_translation translation; /* consume()'s dictionary cache */
} part_values;

typedef struct part_state {
    int64_t seats[JV_GENDERS];
    int64_t all_seats;            /* the sum of seats[], for overflow checks */
    int64_t chair_seats[JV_GENDERS];
    int has_arena_type;           /* the scope read an arena_type column */
    int has_role;                 /* the scope read a role column */
    part_values arenas;
    jvp_map types;                /* arena type names */
    jvp_translation type_translation;
    size_t n_by;
    part_values *by;              /* one per params.by entry */
    const uint32_t **by_lookup;   /* consume()'s scratch: code → index */
    uint32_t *by_empty;           /* consume()'s scratch: index of "" */
    /* consume()'s cache: is dictionary code c of the role column a chair? */
    uint64_t role_dict;
    uint8_t *is_chair;
    size_t n_is_chair;
} part_state;

part_state *part_state_new(size_t n_by);
void part_state_free(part_state *state);

/* Makes room for `n` values; 0, or -1 when memory is exhausted. */
int part_values_reserve(part_values *values, size_t n);

/* Adds seats[] to into[], both JV_GENDERS long: -1 (into unchanged) when a
 * count or the sum of all five would pass INT64_MAX or an addend is
 * negative. */
int part_seats_add(int64_t *into, const int64_t *seats);

/* Adds one value's seats to a list (interning key). Returns the value's
 * index, or UINT32_MAX after host->error(). */
uint32_t part_values_add(jv_ctx *ctx, part_values *values, const char *key, size_t length,
                         const int64_t *seats);

/* Where two arena types of one arena met, for the error message. */
typedef enum part_join { PART_MERGE, PART_POOL, PART_LOAD } part_join;

/* Gives the arena at `arena` the type named type_name (NULL: none). An
 * arena that already has another type is an error naming the arena and
 * both types. 0 or -1 after host->error(). */
int part_arena_set_type(jv_ctx *ctx, part_state *state, uint32_t arena, const char *type_name,
                        part_join join);

/* The odd-seat rule: balanced when women and men are not both 0 and differ
 * by at most one seat, else the 40/60 class of the women's share. */
jv_balance part_balance(jv_ctx *ctx, int64_t women, int64_t men);

/* Callbacks defined in participation_result.c and participation_saved.c. */
int part_cells(jv_ctx *ctx, const void *state, jv_cells *cells);
int part_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out);
int part_save(jv_ctx *ctx, const void *state, jv_writer *out);
void *part_load(jv_ctx *ctx, const jv_node *in);

#endif /* JV_PARTICIPATION_H */
