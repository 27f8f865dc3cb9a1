/* plugins/goal-fulfilment/goal_save.c — save() and load() of the
 * goal_fulfilment indicator: a finished region's state as JSON, so a
 * national office can pool regions it never saw the data of.
 *
 * Contract:
 *  1. The saved object holds the region's aggregates (goals, by_status and
 *     the exact weight sums) and its goals in file order. Goal identifiers
 *     name a region's own goals, not persons, so they may leave the region.
 *  2. Fixed-point values are saved as the exact integers (× fixed_scale),
 *     so progress after load() is the same double as before save().
 *  3. load() rebuilds the goal list, recomputes the aggregates from it and
 *     rejects a state whose saved aggregates disagree, or any malformed
 *     entry, with a message naming the entry.
 *
 * Saved shape:
 *   { "fixed_scale": 10000, "goals": n,
 *     "by_status": {"met": n, "partly_met": n, "not_met": n, "not_reported": n},
 *     "weight_total": w, "weight_reported": w, "weight_met": w,
 *     "weight_fulfilled": w,
 *     "per_goal": [ {"goal_id": "…", "baseline": b, "target": t,
 *                    "outcome": o or null, "weight": w,
 *                    "area": "…" or null, "will_meet": bool} ] }
 */
#include "goal_state.h"

#include <math.h>
#include <string.h>

int gf_save(jv_ctx *ctx, const void *state, jv_writer *out);
void *gf_load(jv_ctx *ctx, const jv_node *in);

static void put_sums(jv_writer *out, const gf_sums *sums)
{
    gf_host->put_integer(out, "goals", sums->goals);
    gf_host->begin_object(out, "by_status");
    for (int s = 0; s < GF_STATUSES; s++)
        gf_host->put_integer(out, gf_status_names[s], sums->by_status[s]);
    gf_host->end_object(out);
    gf_host->put_integer(out, "weight_total", sums->weight_total);
    gf_host->put_integer(out, "weight_reported", sums->weight_reported);
    gf_host->put_integer(out, "weight_met", sums->weight_met);
    gf_host->put_integer(out, "weight_fulfilled", sums->weight_fulfilled);
}

int gf_save(jv_ctx *ctx, const void *state_, jv_writer *out)
{
    const gf_state *state = state_;
    gf_sums sums;
    gf_state_sum(state, &sums, NULL);
    gf_host->put_integer(out, "fixed_scale", JV_FIXED_SCALE);
    put_sums(out, &sums);
    gf_host->begin_array(out, "per_goal");
    for (size_t i = 0; i < state->n_goals; i++) {
        const gf_goal *g = &state->goals[i];
        gf_host->begin_object(out, NULL);
        gf_host->put_string(out, "goal_id", state->ids + g->id_offset);
        gf_host->put_integer(out, "baseline", g->baseline);
        gf_host->put_integer(out, "target", g->target);
        if (g->reported)
            gf_host->put_integer(out, "outcome", g->outcome);
        else
            gf_host->put_null(out, "outcome");
        gf_host->put_integer(out, "weight", g->weight);
        if (g->area != GF_NO_AREA)
            gf_host->put_string(out, "area", jvp_map_key(&state->areas, g->area));
        else
            gf_host->put_null(out, "area");
        gf_host->put_bool(out, "will_meet", g->will_meet);
        gf_host->end_object(out);
    }
    gf_host->end_array(out);
    return 0;
}

/* An integer member; -1 when absent or not an integer. */
static int get_integer(const jv_node *node, const char *key, int64_t *value)
{
    const jv_node *member = gf_host->node_get(node, key);
    return member != NULL ? gf_host->node_integer(member, value) : -1;
}

/* A string member; NULL when absent or not a string. */
static const char *get_string(const jv_node *node, const char *key)
{
    const jv_node *member = gf_host->node_get(node, key);
    return member != NULL ? gf_host->node_string(member) : NULL;
}

/* A member that is present and JSON null. The reader has no null test, so
 * null is what is neither a number, a string, a boolean nor a non-empty
 * container. */
static int is_null(const jv_node *node)
{
    return node != NULL && isnan(gf_host->node_number(node)) &&
           gf_host->node_string(node) == NULL && gf_host->node_bool(node) < 0 &&
           gf_host->node_size(node) == 0;
}

/* Reads goal i of per_goal into state; -1 after reporting what is wrong. */
static int load_goal(jv_ctx *ctx, gf_state *state, const jv_node *node, size_t i)
{
    gf_goal g = {0};
    g.position = i;
    const char *id = node != NULL ? get_string(node, "goal_id") : NULL;
    if (id == NULL || get_integer(node, "baseline", &g.baseline) != 0 ||
        get_integer(node, "target", &g.target) != 0 ||
        get_integer(node, "weight", &g.weight) != 0) {
        gf_host->error(ctx, "saved state: per_goal[%zu]: goal_id, baseline, target "
                       "and weight must be given", i);
        return -1;
    }
    if (g.target == g.baseline || g.weight <= 0) {
        gf_host->error(ctx, "saved state: goal '%s': %s", id,
                       g.weight <= 0 ? "weight must be > 0"
                                     : "target equals baseline");
        return -1;
    }
    const jv_node *outcome = gf_host->node_get(node, "outcome");
    if (outcome != NULL && gf_host->node_integer(outcome, &g.outcome) == 0)
        g.reported = 1;
    else if (!is_null(outcome)) {
        gf_host->error(ctx, "saved state: goal '%s': outcome must be an integer or null", id);
        return -1;
    }
    const jv_node *area = gf_host->node_get(node, "area");
    const char *area_text = area != NULL ? gf_host->node_string(area) : NULL;
    g.area = GF_NO_AREA;
    if (area_text != NULL) {
        g.area = jvp_map_intern(&state->areas, area_text, strlen(area_text), NULL);
        if (g.area == GF_NO_AREA) {
            gf_host->error(ctx, "saved state: out of memory reading areas");
            return -1;
        }
    } else if (!is_null(area)) {
        gf_host->error(ctx, "saved state: goal '%s': area must be a string or null", id);
        return -1;
    }
    const jv_node *will_meet_node = gf_host->node_get(node, "will_meet");
    int will_meet = will_meet_node != NULL ? gf_host->node_bool(will_meet_node) : -1;
    if (will_meet < 0) {
        gf_host->error(ctx, "saved state: goal '%s': will_meet must be true or false", id);
        return -1;
    }
    g.will_meet = (uint8_t)will_meet;
    gf_goal_rate(&g);
    if (gf_state_append(state, &g, id, strlen(id)) != 0) {
        gf_host->error(ctx, "saved state: goal '%s': the goals' weights sum beyond "
                       "the range of exact sums", id);
        return -1;
    }
    return 0;
}

/* 0 when the saved aggregates match those recomputed from the goals. */
static int check_sums(const jv_node *in, const gf_sums *sums)
{
    int64_t v;
    const jv_node *by_status = gf_host->node_get(in, "by_status");
    for (int s = 0; s < GF_STATUSES; s++)
        if (by_status == NULL || get_integer(by_status, gf_status_names[s], &v) != 0 ||
            v != sums->by_status[s])
            return -1;
    return (get_integer(in, "goals", &v) == 0 && v == sums->goals &&
            get_integer(in, "weight_total", &v) == 0 && v == sums->weight_total &&
            get_integer(in, "weight_reported", &v) == 0 && v == sums->weight_reported &&
            get_integer(in, "weight_met", &v) == 0 && v == sums->weight_met &&
            get_integer(in, "weight_fulfilled", &v) == 0 && v == sums->weight_fulfilled)
               ? 0
               : -1;
}

void *gf_load(jv_ctx *ctx, const jv_node *in)
{
    int64_t scale;
    if (get_integer(in, "fixed_scale", &scale) != 0 || scale != JV_FIXED_SCALE) {
        gf_host->error(ctx, "saved state: fixed_scale must be %d", JV_FIXED_SCALE);
        return NULL;
    }
    const jv_node *list = gf_host->node_get(in, "per_goal");
    if (list == NULL) {
        gf_host->error(ctx, "saved state: per_goal is missing");
        return NULL;
    }
    gf_state *state = gf_state_new();
    size_t n = gf_host->node_size(list);
    for (size_t i = 0; i < n; i++) {
        if (load_goal(ctx, state, gf_host->node_at(list, i), i) != 0) {
            gf_state_free(state);
            return NULL;
        }
    }
    gf_sums sums;
    gf_state_sum(state, &sums, NULL);
    if (check_sums(in, &sums) != 0) {
        gf_host->error(ctx, "saved state: goals, by_status or the weight sums do not "
                       "match per_goal");
        gf_state_free(state);
        return NULL;
    }
    return state;
}
