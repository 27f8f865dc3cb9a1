/* plugins/participation/participation_saved.c — a finished region's
 * participation state as aggregates (save) and back (load), for
 * `jamvikt merge`. Only sums of seats per value leave the region: no row,
 * no person.
 *
 * Format (version 1):
 *   { "format": 1, "arena_type_column": bool, "role_column": bool,
 *     "seats": [w, m, nb, mixed, unknown], "chair_seats": [...],
 *     "arenas": [ { "value": "...", "arena_type": "..." | null,
 *                   "seats": [...] } ],
 *     "breakdowns": { "<column>": [ { "value": "...", "seats": [...] } ] } }
 *
 * load() trusts nothing: every field is checked, and the arenas and each
 * breakdown must add up to "seats" (chairs at most "seats"), so a state
 * that load() accepts cannot overflow or contradict itself later.
 */
#include "participation.h"

#include <stdlib.h>
#include <string.h>

static void put_seats(jv_writer *w, const char *key, const int64_t *seats)
{
    part_host->begin_array(w, key);
    for (int g = 0; g < JV_GENDERS; g++)
        part_host->put_integer(w, NULL, seats[g]);
    part_host->end_array(w);
}

int part_save(jv_ctx *ctx, const void *state_, jv_writer *out)
{
    const part_state *state = state_;
    const part_config *config = part_host->instance(ctx);
    part_host->put_integer(out, "format", 1);
    part_host->put_bool(out, "arena_type_column", state->has_arena_type);
    part_host->put_bool(out, "role_column", state->has_role);
    put_seats(out, "seats", state->seats);
    put_seats(out, "chair_seats", state->chair_seats);
    /* Values in sorted order, so a state saves the same bytes however its
     * chunks were merged. */
    uint32_t *order = jvp_map_sorted(&state->arenas.map);
    if (order == NULL) {
        part_host->error(ctx, "out of memory while saving");
        return -1;
    }
    part_host->begin_array(out, "arenas");
    for (size_t k = 0; k < state->arenas.map.size; k++) {
        size_t i = order[k];
        if (!state->arenas.seen[i])
            continue;
        part_host->begin_object(out, NULL);
        part_host->put_string(out, "value", jvp_map_key(&state->arenas.map, (uint32_t)i));
        uint32_t t = state->arenas.type[i];
        if (t == PART_NO_TYPE)
            part_host->put_null(out, "arena_type");
        else
            part_host->put_string(out, "arena_type", jvp_map_key(&state->types, t));
        put_seats(out, "seats", &state->arenas.seats[i * JV_GENDERS]);
        part_host->end_object(out);
    }
    part_host->end_array(out);
    free(order);
    part_host->begin_object(out, "breakdowns");
    for (size_t b = 0; b < state->n_by; b++) {
        const part_values *v = &state->by[b];
        part_host->begin_array(out, config != NULL ? config->by_names[b] : "");
        order = jvp_map_sorted(&v->map);
        if (order == NULL) {
            part_host->error(ctx, "out of memory while saving");
            return -1;
        }
        for (size_t k = 0; k < v->map.size; k++) {
            size_t i = order[k];
            if (!v->seen[i])
                continue;
            part_host->begin_object(out, NULL);
            part_host->put_string(out, "value", jvp_map_key(&v->map, (uint32_t)i));
            put_seats(out, "seats", &v->seats[i * JV_GENDERS]);
            part_host->end_object(out);
        }
        free(order);
        part_host->end_array(out);
    }
    part_host->end_object(out);
    return 0;
}

/* Reads [w, m, nb, mixed, unknown] of integers >= 0 at node[key]. */
static int read_seats(jv_ctx *ctx, const jv_node *node, const char *key, const char *where,
                      int64_t *seats)
{
    const jv_node *array = node != NULL ? part_host->node_get(node, key) : NULL;
    if (array == NULL || part_host->node_size(array) != JV_GENDERS) {
        part_host->error(ctx, "saved state: %s.%s must be an array of %d counts", where, key,
                         JV_GENDERS);
        return -1;
    }
    for (size_t g = 0; g < JV_GENDERS; g++) {
        if (part_host->node_integer(part_host->node_at(array, g), &seats[g]) != 0 ||
            seats[g] < 0) {
            part_host->error(ctx, "saved state: %s.%s[%zu] must be a count >= 0", where, key, g);
            return -1;
        }
    }
    return 0;
}

static const char *read_value(jv_ctx *ctx, const jv_node *entry, const char *where)
{
    const char *value = part_host->node_string(part_host->node_get(entry, "value"));
    if (value == NULL)
        part_host->error(ctx, "saved state: %s: every entry needs a string \"value\"", where);
    return value;
}

/* The seats of the listed values of `values` must add up to `seats`. */
static int check_sums(jv_ctx *ctx, const part_values *values, const int64_t *seats,
                      const char *what)
{
    int64_t sum[JV_GENDERS] = {0};
    for (size_t i = 0; i < values->map.size; i++) {
        if (values->seen[i] && part_seats_add(sum, &values->seats[i * JV_GENDERS]) != 0)
            break;
    }
    if (memcmp(sum, seats, sizeof sum) != 0) {
        part_host->error(ctx, "saved state: the seats of %s do not add up to \"seats\"", what);
        return -1;
    }
    return 0;
}

static int load_into(jv_ctx *ctx, part_state *state, const part_config *config, const jv_node *in)
{
    int64_t format;
    if (in == NULL || part_host->node_integer(part_host->node_get(in, "format"), &format) != 0 ||
        format != 1) {
        part_host->error(ctx, "saved state: \"format\" must be 1");
        return -1;
    }
    int has_type = part_host->node_bool(part_host->node_get(in, "arena_type_column"));
    int has_role = part_host->node_bool(part_host->node_get(in, "role_column"));
    if (has_type < 0 || has_role < 0) {
        part_host->error(ctx, "saved state: \"arena_type_column\" and \"role_column\" must be "
                              "true or false");
        return -1;
    }
    state->has_arena_type = has_type;
    state->has_role = has_role;
    if (read_seats(ctx, in, "seats", "state", state->seats) != 0 ||
        read_seats(ctx, in, "chair_seats", "state", state->chair_seats) != 0)
        return -1;
    int64_t check[JV_GENDERS] = {0};
    if (part_seats_add(check, state->seats) != 0) {
        part_host->error(ctx, "saved state: the seats add up to more than 2^63 - 1");
        return -1;
    }
    for (int g = 0; g < JV_GENDERS; g++) {
        state->all_seats += state->seats[g];
        if (state->chair_seats[g] > state->seats[g]) {
            part_host->error(ctx, "saved state: more chair seats than seats");
            return -1;
        }
    }

    const jv_node *arenas = part_host->node_get(in, "arenas");
    if (arenas == NULL) {
        part_host->error(ctx, "saved state: \"arenas\" is missing");
        return -1;
    }
    for (size_t i = 0; i < part_host->node_size(arenas); i++) {
        const jv_node *entry = part_host->node_at(arenas, i);
        int64_t seats[JV_GENDERS];
        const char *value = read_value(ctx, entry, "arenas");
        if (value == NULL || read_seats(ctx, entry, "seats", "arenas[]", seats) != 0)
            return -1;
        const jv_node *type_node = part_host->node_get(entry, "arena_type");
        const char *type = part_host->node_string(type_node);
        if (type != NULL && !has_type) {
            part_host->error(ctx, "saved state: arena '%s' has a type but the state has no "
                                  "arena_type column", value);
            return -1;
        }
        uint32_t a = part_values_add(ctx, &state->arenas, value, strlen(value), seats);
        if (a == UINT32_MAX ||
            part_arena_set_type(ctx, state, a, type, PART_LOAD) != 0)
            return -1;
    }
    if (check_sums(ctx, &state->arenas, state->seats, "the arenas") != 0)
        return -1;

    const jv_node *breakdowns = part_host->node_get(in, "breakdowns");
    for (size_t b = 0; b < state->n_by; b++) {
        const char *name = config->by_names[b];
        const jv_node *list = breakdowns != NULL ? part_host->node_get(breakdowns, name) : NULL;
        if (list == NULL) {
            part_host->error(ctx, "saved state: no breakdown by '%s' (was it saved with other "
                                  "params.by?)", name);
            return -1;
        }
        for (size_t i = 0; i < part_host->node_size(list); i++) {
            const jv_node *entry = part_host->node_at(list, i);
            int64_t seats[JV_GENDERS];
            const char *value = read_value(ctx, entry, name);
            if (value == NULL || read_seats(ctx, entry, "seats", name, seats) != 0 ||
                part_values_add(ctx, &state->by[b], value, strlen(value), seats) == UINT32_MAX)
                return -1;
        }
        if (check_sums(ctx, &state->by[b], state->seats, name) != 0)
            return -1;
    }
    return 0;
}

void *part_load(jv_ctx *ctx, const jv_node *in)
{
    const part_config *config = part_host->instance(ctx);
    part_state *state = part_state_new(config != NULL ? config->n_by : 0);
    if (load_into(ctx, state, config, in) != 0) {
        part_state_free(state);
        return NULL;
    }
    return state;
}
