/* plugins/goal-fulfilment/goal_state.c — the goal list of the
 * goal_fulfilment indicator and the sums over it (see goal_state.h for the
 * contract). The formulas are INDICATORS.md "goal_fulfilment". */
#include "goal_state.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const jv_host *gf_host;

const char *const gf_status_names[GF_STATUSES] = {"met", "partly_met", "not_met", "not_reported"};

gf_state *gf_state_new(void)
{
    gf_state *state = gf_host->alloc0(sizeof *state);
    state->ids = gf_host->map_new();
    state->areas = gf_host->map_new();
    return state;
}

void gf_state_free(gf_state *state)
{
    if (state == NULL)
        return;
    gf_host->free(state->goals);
    gf_host->free(state->pooled_areas);
    gf_host->map_free(state->ids);
    gf_host->map_free(state->areas);
    gf_host->free(state);
}

/* a − b exactly (it may need 65 bits), rounded to double once. */
static double exact_difference(int64_t a, int64_t b)
{
    if (a >= b)
        return (double)((uint64_t)a - (uint64_t)b);
    return -(double)((uint64_t)b - (uint64_t)a);
}

void gf_goal_rate(gf_goal *g)
{
    if (!g->reported) {
        g->progress = NAN;
        g->status = GF_NOT_REPORTED;
        return;
    }
    double progress;
    if (g->outcome == g->baseline)
        progress = 0.0; /* never -0.0 for a decreasing goal */
    else
        progress =
            exact_difference(g->outcome, g->baseline) / exact_difference(g->target, g->baseline);
    g->progress = progress;
    if (progress >= 1.0)
        g->status = GF_MET;
    else if (progress > 0.0)
        g->status = GF_PARTLY_MET;
    else
        g->status = GF_NOT_MET;
}

double gf_goal_fulfilment(const gf_goal *g)
{
    if (!g->reported)
        return NAN;
    if (g->progress <= 0.0)
        return 0.0;
    return g->progress >= 1.0 ? 1.0 : g->progress;
}

int gf_state_claim_id(gf_state *state, const char *id, size_t length, size_t *index)
{
    size_t before = gf_host->map_size(state->ids);
    *index = gf_host->map_intern(state->ids, id, length);
    return gf_host->map_size(state->ids) > before;
}

int gf_state_append(gf_state *state, const gf_goal *g)
{
    if (g->weight > INT64_MAX - state->weight_total)
        return -1;
    if (state->n_goals == state->goals_capacity) {
        size_t capacity = state->goals_capacity ? state->goals_capacity * 2 : 64;
        state->goals = gf_host->realloc(state->goals, capacity * sizeof *state->goals);
        state->goals_capacity = capacity;
    }
    state->goals[state->n_goals++] = *g;
    state->weight_total += g->weight;
    return 0;
}

static int compare_positions(const void *a, const void *b)
{
    uint64_t pa = ((const gf_goal *)a)->position, pb = ((const gf_goal *)b)->position;
    return (pa > pb) - (pa < pb);
}

void gf_state_sort(gf_state *state)
{
    /* Positions within one table are unique, so the order is total and an
     * unstable sort gives the same list whatever order chunks came in. */
    if (state->n_goals > 1)
        qsort(state->goals, state->n_goals, sizeof *state->goals, compare_positions);
}

static void sum_goal(gf_sums *sums, const gf_goal *g)
{
    sums->goals++;
    sums->by_status[g->status]++;
    sums->weight_total += g->weight;
    if (!g->reported) {
        if (g->will_meet)
            sums->weight_fulfilled += g->weight;
        return;
    }
    sums->weight_reported += g->weight;
    sums->weighted_fulfilment += (double)g->weight * gf_goal_fulfilment(g);
    if (g->status == GF_MET) {
        sums->weight_met += g->weight;
        sums->weight_fulfilled += g->weight;
    }
}

void gf_state_sum(const gf_state *state, gf_sums *scope, gf_sums *areas)
{
    memset(scope, 0, sizeof *scope);
    for (size_t i = 0; i < state->n_goals; i++) {
        const gf_goal *g = &state->goals[i];
        sum_goal(scope, g);
        if (areas != NULL && g->area != GF_NO_AREA)
            sum_goal(&areas[g->area], g);
    }
}

void gf_sums_add(gf_sums *into, const gf_sums *from)
{
    into->goals += from->goals;
    for (int s = 0; s < GF_STATUSES; s++)
        into->by_status[s] += from->by_status[s];
    into->weight_total += from->weight_total;
    into->weight_reported += from->weight_reported;
    into->weight_met += from->weight_met;
    into->weight_fulfilled += from->weight_fulfilled;
    into->weighted_fulfilment += from->weighted_fulfilment;
}

int gf_sums_fulfils(const gf_sums *sums, double threshold)
{
    if (sums->goals == 0)
        return -1;
    double fulfilled = (double)sums->weight_fulfilled / (double)sums->weight_total;
    return fulfilled >= threshold - 1e-9;
}
