/* plugins/participation/participation_saved.c — a finished region's
 * participation state as aggregates (save) and back (load), for
 * `jamvikt merge`. Only sums of seats per value leave the region: no row,
 * no person.
 *
 * Format 2 (format 1 came before SDK 1.1 and is refused with a message
 * saying to save the states again):
 *   { "format": 2, "arena_type_column": bool, "role_column": bool,
 *     "arena_types": [ ["<arena>", "<arena type>"], ... ],
 *     "tally": the host's tally_save: measures seats and chair_seats, the
 *              split, breakdowns params.by (in order) then "arena" }
 * arena_types lists the arenas that have a type, in byte order.
 *
 * load() trusts nothing: tally_load checks the counts (chairs at most
 * seats, every breakdown adding up to the split), and each arena type must
 * name a listed arena, with one type per arena, in a state that read an
 * arena_type column.
 */
#include "participation.h"

#include <string.h>

int part_save(jv_ctx *ctx, const void *state_, jv_writer *out)
{
    const part_state *state = state_;
    const part_config *config = part_host->instance(ctx);
    part_host->put_integer(out, "format", 2);
    part_host->put_bool(out, "arena_type_column", state->has_arena_type);
    part_host->put_bool(out, "role_column", state->has_role);
    part_host->begin_array(out, "arena_types");
    for (size_t i = 0; i < part_host->tally_size(state->tally, config->arena); i++) {
        const char *arena = part_host->tally_value(state->tally, config->arena, i, NULL);
        size_t t = part_type_of(state, arena);
        if (t == PART_NO_TYPE)
            continue;
        part_host->begin_array(out, NULL);
        part_host->put_string(out, NULL, arena);
        part_host->put_string(out, NULL, part_host->map_key(state->types, t, NULL));
        part_host->end_array(out);
    }
    part_host->end_array(out);
    part_host->tally_save(ctx, state->tally, out, "tally");
    return 0;
}

/* The arena types of a loaded state, checked against its tally's arenas. */
static int load_types(jv_ctx *ctx, part_state *state, size_t arena, const jv_node *list)
{
    for (size_t i = 0; i < part_host->tally_size(state->tally, arena); i++) {
        size_t length;
        const char *name = part_host->tally_value(state->tally, arena, i, &length);
        part_host->map_intern(state->arenas, name, length);
    }
    if (list == NULL) {
        part_host->error(ctx, "saved state: \"arena_types\" is missing");
        return -1;
    }
    for (size_t i = 0; i < part_host->node_size(list); i++) {
        const jv_node *pair = part_host->node_at(list, i);
        const char *name = part_host->node_string(part_host->node_at(pair, 0));
        const char *type = part_host->node_string(part_host->node_at(pair, 1));
        if (part_host->node_size(pair) != 2 || name == NULL || type == NULL) {
            part_host->error(ctx,
                             "saved state: arena_types[%zu] must be [\"<arena>\", "
                             "\"<arena type>\"]",
                             i);
            return -1;
        }
        if (!state->has_arena_type) {
            part_host->error(ctx,
                             "saved state: arena '%s' has a type but the state has no "
                             "arena_type column",
                             name);
            return -1;
        }
        if (part_host->map_find(state->arenas, name, strlen(name)) == JV_NOT_FOUND) {
            part_host->error(ctx, "saved state: arena_types[%zu]: arena '%s' has no seats", i,
                             name);
            return -1;
        }
        if (part_arena_type(ctx, state, name, type, PART_LOAD, 1) != 0)
            return -1;
    }
    return 0;
}

void *part_load(jv_ctx *ctx, const jv_node *in)
{
    const part_config *config = part_host->instance(ctx);
    if (part_host->state_format(ctx, in, "participation", 2, -1) != 0)
        return NULL;
    int has_type = part_host->node_bool(part_host->node_get(in, "arena_type_column"));
    int has_role = part_host->node_bool(part_host->node_get(in, "role_column"));
    const jv_node *tally = part_host->node_get(in, "tally");
    if (has_type < 0 || has_role < 0 || tally == NULL) {
        part_host->error(ctx, "saved state: \"arena_type_column\" and \"role_column\" must be "
                              "true or false, and \"tally\" present");
        return NULL;
    }
    part_state *state = part_state_new(part_host->tally_load(ctx, &part_spec, config->n_breakdowns,
                                                             (const char *const *)config->names,
                                                             config->columns, tally));
    if (state == NULL)
        return NULL;
    state->has_arena_type = has_type;
    state->has_role = has_role;
    if (load_types(ctx, state, config->arena, part_host->node_get(in, "arena_types")) != 0) {
        part_state_free(state);
        return NULL;
    }
    return state;
}
