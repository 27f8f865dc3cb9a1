/* plugins/goal-fulfilment/goal_save.c — save() and load() of the
 * goal_fulfilment indicator: a finished region's state as JSON, so a
 * national office can pool regions it never saw the data of.
 *
 * Contract:
 *  1. The saved object holds the region's goals in file order and nothing
 *     derived from them: load() recomputes every figure. Goal identifiers
 *     name a region's own goals, not persons, so they may leave the region.
 *  2. Fixed-point values are saved as the exact integers (× JV_FIXED_SCALE),
 *     so progress after load() is the same double as before save().
 *  3. load() rejects any malformed entry, with a message naming the entry,
 *     and a state of another format with a message saying what to do.
 *
 * Saved shape (format 2; format 1 also held the sums over the goals):
 *   { "format": 2,
 *     "per_goal": [ {"goal_id": "…", "baseline": b, "target": t,
 *                    "outcome": o or null, "weight": w,
 *                    "area": "…" or null, "will_meet": bool} ] }
 */
#include "goal_state.h"

#include <string.h>

#define GF_SAVE_FORMAT 2

int gf_save(jv_ctx *ctx, const void *state, jv_writer *out);
void *gf_load(jv_ctx *ctx, const jv_node *in);

int gf_save(jv_ctx *ctx, const void *state_, jv_writer *out)
{
    const gf_state *state = state_;
    gf_host->put_integer(out, "format", GF_SAVE_FORMAT);
    gf_host->begin_array(out, "per_goal");
    for (size_t i = 0; i < state->n_goals; i++) {
        const gf_goal *g = &state->goals[i];
        gf_host->begin_object(out, NULL);
        gf_host->put_string(out, "goal_id", gf_host->map_key(state->ids, g->id, NULL));
        gf_host->put_integer(out, "baseline", g->baseline);
        gf_host->put_integer(out, "target", g->target);
        if (g->reported)
            gf_host->put_integer(out, "outcome", g->outcome);
        else
            gf_host->put_null(out, "outcome");
        gf_host->put_integer(out, "weight", g->weight);
        if (g->area != GF_NO_AREA)
            gf_host->put_string(out, "area", gf_host->map_key(state->areas, g->area, NULL));
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

/* Reads goal i of per_goal into state; -1 after reporting what is wrong. */
static int load_goal(jv_ctx *ctx, gf_state *state, const jv_node *node, size_t i)
{
    gf_goal g = {.position = i, .area = GF_NO_AREA};
    const jv_node *id_node = node != NULL ? gf_host->node_get(node, "goal_id") : NULL;
    const char *id = id_node != NULL ? gf_host->node_string(id_node) : NULL;
    if (id == NULL || get_integer(node, "baseline", &g.baseline) != 0 ||
        get_integer(node, "target", &g.target) != 0 ||
        get_integer(node, "weight", &g.weight) != 0) {
        gf_host->error(ctx,
                       "saved state: per_goal[%zu]: goal_id, baseline, target "
                       "and weight must be given",
                       i);
        return -1;
    }
    if (g.target == g.baseline || g.weight <= 0) {
        gf_host->error(ctx, "saved state: goal '%s': %s", id,
                       g.weight <= 0 ? "weight must be > 0" : "target equals baseline");
        return -1;
    }
    const jv_node *outcome = gf_host->node_get(node, "outcome");
    if (outcome != NULL && gf_host->node_integer(outcome, &g.outcome) == 0)
        g.reported = 1;
    else if (!gf_host->node_is_null(outcome)) {
        gf_host->error(ctx, "saved state: goal '%s': outcome must be an integer or null", id);
        return -1;
    }
    const jv_node *area = gf_host->node_get(node, "area");
    const char *area_text = area != NULL ? gf_host->node_string(area) : NULL;
    if (area_text != NULL) {
        g.area = gf_host->map_intern(state->areas, area_text, strlen(area_text));
    } else if (!gf_host->node_is_null(area)) {
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
    if (!gf_state_claim_id(state, id, strlen(id), &g.id)) {
        gf_host->error(ctx, "saved state: goal_id '%s' comes twice", id);
        return -1;
    }
    if (gf_state_append(state, &g) != 0) {
        gf_host->error(ctx,
                       "saved state: goal '%s': the goals' weights sum beyond "
                       "the range of exact sums",
                       id);
        return -1;
    }
    return 0;
}

void *gf_load(jv_ctx *ctx, const jv_node *in)
{
    /* format 1 had no "format" key */
    if (gf_host->state_format(ctx, in, "goal_fulfilment", GF_SAVE_FORMAT, 1) != 0)
        return NULL;
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
    return state;
}
