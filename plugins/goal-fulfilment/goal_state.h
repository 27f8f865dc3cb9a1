/* plugins/goal-fulfilment/goal_state.h — the state of the goal_fulfilment
 * indicator and the arithmetic on it, shared by the plugin callbacks
 * (goal_fulfilment.c) and the saved-state reader/writer (goal_save.c).
 *
 * Contract:
 *  1. A region's state is the list of its goals in file order (ordered by
 *     batch position; positions of one table are unique). Merging two chunk
 *     states is the union ordered by position, so it is exact and order-free.
 *  2. Fixed-point values (× JV_FIXED_SCALE) are kept as they arrived;
 *     progress is computed from the exact integer differences, each
 *     converted to double once.
 *  3. Weights are summed exactly in int64; a state's weight_total is checked
 *     against overflow whenever a goal joins it, so every sum of a subset of
 *     its goals' weights fits too.
 *  4. The total's state holds pooled sums instead of goals: sums of the
 *     regions' exact integers, and the regions' weighted fulfilment sums
 *     (each summed in file order) added in pool order (region order).
 *  5. Goal ids and areas live in the host's string maps (tally.h): a goal
 *     holds the index of its id in `ids` (which also finds a goal_id given
 *     twice) and of its area in `areas`.
 * Memory: everything a state points to is owned by the state and freed by
 * gf_state_free(); all allocation goes through the host.
 */
#ifndef JV_GOAL_STATE_H
#define JV_GOAL_STATE_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/jamvikt.h>

/* The host table, kept by the entry function. */
extern const jv_host *gf_host;

enum gf_status { GF_MET, GF_PARTLY_MET, GF_NOT_MET, GF_NOT_REPORTED, GF_STATUSES };

#define GF_NO_AREA JV_NOT_FOUND

typedef struct gf_goal {
    uint64_t position; /* file order */
    size_t id;         /* index into gf_state.ids */
    size_t area;       /* index into gf_state.areas, or GF_NO_AREA */
    int64_t baseline;  /* fixed point */
    int64_t target;    /* fixed point, != baseline */
    int64_t outcome;   /* fixed point; meaningless unless reported */
    int64_t weight;    /* fixed point, > 0 */
    uint8_t reported;  /* outcome given */
    uint8_t will_meet; /* self_assessment is will_meet */
    uint8_t status;    /* enum gf_status */
    double progress;   /* NaN when not reported */
} gf_goal;

/* Sums over a set of goals (a region, an area, the total). */
typedef struct gf_sums {
    int64_t goals;
    int64_t by_status[GF_STATUSES];
    int64_t weight_total;
    int64_t weight_reported;
    int64_t weight_met;
    int64_t weight_fulfilled;   /* met + unreported will_meet */
    double weighted_fulfilment; /* Σ weight × fulfilment over reported goals */
} gf_sums;

typedef struct gf_state {
    gf_goal *goals; /* region: in file order */
    size_t n_goals, goals_capacity;
    jv_map *ids;          /* region: goal ids */
    jv_map *areas;        /* area text → index */
    int64_t weight_total; /* region: Σ weight (overflow guard) */
    /* The total only. */
    gf_sums pooled;
    gf_sums *pooled_areas; /* indexed like areas */
    size_t n_pooled_areas;
    int64_t regions; /* regions whose fulfils is not null */
    int64_t regions_fulfilling;
} gf_state;

extern const char *const gf_status_names[GF_STATUSES];

gf_state *gf_state_new(void);
void gf_state_free(gf_state *state);

/* Sets g->progress and g->status from its fixed-point values. */
void gf_goal_rate(gf_goal *g);
/* min(max(progress, 0), 1); NaN when not reported. */
double gf_goal_fulfilment(const gf_goal *g);

/* Interns goal id `id` in state->ids into *index: 1 when it is new, 0
 * when a goal of this state already has it (a data error; a row skipped
 * later still claims its id). */
int gf_state_claim_id(gf_state *state, const char *id, size_t length, size_t *index);
/* Appends a goal whose id and area are indices of state->ids and
 * state->areas (or GF_NO_AREA). Returns 0, or -1 when the weights would
 * overflow (nothing appended). */
int gf_state_append(gf_state *state, const gf_goal *g);
/* Restores file order after goals were appended out of order. */
void gf_state_sort(gf_state *state);

/* Sums over a region's goals in file order: the scope's into *scope, and
 * each area's into areas[index] (areas: map_size(state->areas) zeroed
 * entries, or NULL). */
void gf_state_sum(const gf_state *state, gf_sums *scope, gf_sums *areas);
/* into += from; the caller has checked weight_total against overflow. */
void gf_sums_add(gf_sums *into, const gf_sums *from);
/* 1 fulfils, 0 does not, -1 null (no goals). */
int gf_sums_fulfils(const gf_sums *sums, double threshold);

#endif /* JV_GOAL_STATE_H */
