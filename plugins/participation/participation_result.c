/* plugins/participation/participation_result.c — the participation
 * indicator's disclosure groups (cells) and its result (finish), as
 * INDICATORS.md "participation", "Disclosure control" and "Result shapes"
 * fix them.
 *
 * Groups (keys stable across scopes; a value is the rest of the key after
 * a fixed prefix, so no two keys collide):
 *   "split"                the scope's seats (JV_MAIN_GROUP)
 *   "arena/<value>"        each arena
 *   "arena_type/<value>"   each arena type (when the scope read the column)
 *   "chairs"               the chairs (when the scope read a role column);
 *                          a subset, in no family
 *   "by/<i>/<value>"       each value of params.by[i]
 * Families: the arenas, the arena types and each breakdown's values, margin
 * "split"; the arenas of one type, margin that type's group.
 *
 * Every seats split is written as by_gender (seats, suppressed), total,
 * women_share {seats}, balance (with the odd-seat rule), balance_certain
 * and ci; a figure built on a suppressed woman or man cell is null (balance
 * no_data). arenas_balanced_share classes each arena from its own counts,
 * suppressed or not. Without an arena_type column in the scope
 * `arena_types` is null; without a role column `chairs` is null (every key
 * is always present).
 */
#include "participation.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- values in byte order --- */

/* Indices of the values `used` marks, in UTF-8 byte order. Caller frees
 * with host->free. */
static uint32_t *sorted_values(const jvp_map *map, const uint8_t *used, size_t *n)
{
    uint32_t *all = jvp_map_sorted(map);
    uint32_t *order = part_host->alloc0((map->size ? map->size : 1) * sizeof *order);
    size_t count = 0;
    for (size_t k = 0; all != NULL && k < map->size; k++)
        if (used[all[k]])
            order[count++] = all[k];
    free(all);
    *n = count;
    return order;
}

static char *make_key(const char *prefix, const char *value)
{
    size_t p = strlen(prefix), v = strlen(value);
    char *key = part_host->alloc0(p + v + 1);
    memcpy(key, prefix, p);
    memcpy(key + p, value, v);
    return key;
}

static void free_keys(char **keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        part_host->free(keys[i]);
    part_host->free(keys);
}

/* What a state's figures are built from: its arenas, arena types and
 * breakdown values in byte order, with their group keys. */
typedef struct part_view {
    uint32_t *arenas;
    size_t n_arenas;
    char **arena_keys;
    uint32_t *types;        /* type indices used by the state's arenas */
    size_t n_types;
    char **type_keys;
    int64_t *type_seats;    /* JV_GENDERS per type index */
    uint32_t **by_values;   /* per breakdown */
    size_t *n_by_values;
    char ***by_keys;
} part_view;

static void view_free(part_view *view, size_t n_by)
{
    part_host->free(view->arenas);
    free_keys(view->arena_keys, view->n_arenas);
    part_host->free(view->types);
    free_keys(view->type_keys, view->n_types);
    part_host->free(view->type_seats);
    for (size_t b = 0; b < n_by; b++) {
        part_host->free(view->by_values[b]);
        free_keys(view->by_keys[b], view->n_by_values[b]);
    }
    part_host->free(view->by_values);
    part_host->free(view->n_by_values);
    part_host->free(view->by_keys);
}

static void view_init(part_view *view, const part_state *state)
{
    memset(view, 0, sizeof *view);
    view->arenas = sorted_values(&state->arenas.map, state->arenas.seen, &view->n_arenas);
    view->arena_keys = part_host->alloc0((view->n_arenas ? view->n_arenas : 1) * sizeof(char *));
    for (size_t i = 0; i < view->n_arenas; i++)
        view->arena_keys[i] = make_key("arena/", jvp_map_key(&state->arenas.map, view->arenas[i]));

    /* A type's seats are the sum of its arenas' (each arena has one type);
     * no overflow: they are part of the scope's seats (load checks that). */
    size_t n_types = state->types.size;
    uint8_t *used = part_host->alloc0(n_types ? n_types : 1);
    view->type_seats = part_host->alloc0((n_types ? n_types : 1) * JV_GENDERS * sizeof(int64_t));
    for (size_t i = 0; i < view->n_arenas; i++) {
        uint32_t a = view->arenas[i], t = state->arenas.type[a];
        if (t == PART_NO_TYPE)
            continue;
        used[t] = 1;
        for (int g = 0; g < JV_GENDERS; g++)
            view->type_seats[(size_t)t * JV_GENDERS + g] +=
                state->arenas.seats[(size_t)a * JV_GENDERS + g];
    }
    view->types = sorted_values(&state->types, used, &view->n_types);
    part_host->free(used);
    view->type_keys = part_host->alloc0((view->n_types ? view->n_types : 1) * sizeof(char *));
    for (size_t i = 0; i < view->n_types; i++)
        view->type_keys[i] = make_key("arena_type/", jvp_map_key(&state->types, view->types[i]));

    size_t n_by = state->n_by ? state->n_by : 1;
    view->by_values = part_host->alloc0(n_by * sizeof *view->by_values);
    view->n_by_values = part_host->alloc0(n_by * sizeof *view->n_by_values);
    view->by_keys = part_host->alloc0(n_by * sizeof *view->by_keys);
    for (size_t b = 0; b < state->n_by; b++) {
        const part_values *v = &state->by[b];
        view->by_values[b] = sorted_values(&v->map, v->seen, &view->n_by_values[b]);
        size_t n = view->n_by_values[b];
        view->by_keys[b] = part_host->alloc0((n ? n : 1) * sizeof(char *));
        char prefix[32];
        snprintf(prefix, sizeof prefix, "by/%zu/", b);
        for (size_t i = 0; i < n; i++)
            view->by_keys[b][i] = make_key(prefix, jvp_map_key(&v->map, view->by_values[b][i]));
    }
}

/* --- cells --- */

int part_cells(jv_ctx *ctx, const void *state_, jv_cells *cells)
{
    const part_state *state = state_;
    part_view view;
    view_init(&view, state);
    part_host->add_group(cells, JV_MAIN_GROUP, 1, state->seats);

    for (size_t i = 0; i < view.n_arenas; i++)
        part_host->add_group(cells, view.arena_keys[i], 1,
                             &state->arenas.seats[(size_t)view.arenas[i] * JV_GENDERS]);
    if (view.n_arenas > 0)
        part_host->add_family(cells, JV_MAIN_GROUP, (const char *const *)view.arena_keys,
                              view.n_arenas);

    if (state->has_arena_type && view.n_types > 0) {
        for (size_t i = 0; i < view.n_types; i++)
            part_host->add_group(cells, view.type_keys[i], 1,
                                 &view.type_seats[(size_t)view.types[i] * JV_GENDERS]);
        part_host->add_family(cells, JV_MAIN_GROUP, (const char *const *)view.type_keys,
                              view.n_types);
        const char **members = part_host->alloc0(view.n_arenas * sizeof *members + 1);
        for (size_t t = 0; t < view.n_types; t++) {
            size_t n = 0;
            for (size_t i = 0; i < view.n_arenas; i++)
                if (state->arenas.type[view.arenas[i]] == view.types[t])
                    members[n++] = view.arena_keys[i];
            part_host->add_family(cells, view.type_keys[t], members, n);
        }
        part_host->free(members);
    }

    if (state->has_role)
        part_host->add_group(cells, "chairs", 1, state->chair_seats);

    for (size_t b = 0; b < state->n_by; b++) {
        const part_values *v = &state->by[b];
        for (size_t i = 0; i < view.n_by_values[b]; i++)
            part_host->add_group(cells, view.by_keys[b][i], 1,
                                 &v->seats[(size_t)view.by_values[b][i] * JV_GENDERS]);
        if (view.n_by_values[b] > 0)
            part_host->add_family(cells, JV_MAIN_GROUP, (const char *const *)view.by_keys[b],
                                  view.n_by_values[b]);
    }
    view_free(&view, state->n_by);
    return 0;
}

/* --- finish --- */

/* The figures of one split, null where a woman or man cell is suppressed. */
typedef struct split_figures {
    double share;
    jv_balance balance;
    int balance_certain;
    double ci[2];
} split_figures;

static void put_split(jv_ctx *ctx, jv_writer *w, const char *key, const int64_t *seats,
                      split_figures *out)
{
    int hidden[JV_GENDERS];
    int64_t total = 0;
    part_host->begin_object(w, "by_gender");
    for (int g = 0; g < JV_GENDERS; g++) {
        hidden[g] = part_host->suppressed(ctx, key, g) != 0;
        total += seats[g];
        part_host->begin_object(w, part_host->gender_name(g));
        if (hidden[g])
            part_host->put_null(w, "seats");
        else
            part_host->put_integer(w, "seats", seats[g]);
        part_host->put_bool(w, "suppressed", hidden[g]);
        part_host->end_object(w);
    }
    part_host->end_object(w);

    int total_hidden = part_host->suppressed(ctx, key, JV_TOTAL) != 0;
    part_host->begin_object(w, "total");
    if (total_hidden)
        part_host->put_null(w, "seats");
    else
        part_host->put_integer(w, "seats", total);
    part_host->put_bool(w, "suppressed", total_hidden);
    part_host->end_object(w);

    split_figures f = {NAN, JV_BALANCE_NO_DATA, -1, {NAN, NAN}};
    if (!hidden[JV_WOMAN] && !hidden[JV_MAN]) {
        int64_t women = seats[JV_WOMAN], men = seats[JV_MAN];
        f.share = part_host->women_share((double)women, (double)men);
        f.balance = part_balance(ctx, women, men);
        f.balance_certain = part_host->balance_certain(ctx, f.balance, women, women + men);
        part_host->wilson(ctx, women, women + men, f.ci);
    }
    part_host->begin_object(w, "women_share");
    part_host->put_number(w, "seats", f.share);
    part_host->end_object(w);
    part_host->put_balance(w, "balance", f.balance);
    part_host->put_tristate(w, "balance_certain", f.balance_certain);
    part_host->put_interval(w, "ci", f.ci);
    if (out != NULL)
        *out = f;
}

/* arenas_balanced_share and arenas_classified over the listed arenas of
 * `type` (PART_NO_TYPE: all), each classed from its own counts. */
static void put_arenas_balanced(jv_ctx *ctx, jv_writer *w, const part_state *state,
                                const part_view *view, uint32_t type)
{
    int64_t classified = 0, balanced = 0;
    for (size_t i = 0; i < view->n_arenas; i++) {
        uint32_t a = view->arenas[i];
        if (type != PART_NO_TYPE && state->arenas.type[a] != type)
            continue;
        const int64_t *seats = &state->arenas.seats[(size_t)a * JV_GENDERS];
        jv_balance cls = part_balance(ctx, seats[JV_WOMAN], seats[JV_MAN]);
        if (cls != JV_BALANCE_NO_DATA)
            classified++;
        if (cls == JV_BALANCE_BALANCED)
            balanced++;
    }
    part_host->put_number(w, "arenas_balanced_share",
                          classified > 0 ? (double)balanced / (double)classified : NAN);
    part_host->put_integer(w, "arenas_classified", classified);
}

int part_finish(jv_ctx *ctx, const void *state_, const void *total, jv_writer *out)
{
    const part_state *state = state_;
    const part_config *config = part_host->instance(ctx);
    part_view view;
    view_init(&view, state);

    split_figures split;
    put_split(ctx, out, JV_MAIN_GROUP, state->seats, &split);

    part_host->begin_array(out, "arenas");
    for (size_t i = 0; i < view.n_arenas; i++) {
        uint32_t a = view.arenas[i];
        part_host->begin_object(out, NULL);
        part_host->put_string(out, "value", jvp_map_key(&state->arenas.map, a));
        put_split(ctx, out, view.arena_keys[i], &state->arenas.seats[(size_t)a * JV_GENDERS],
                  NULL);
        part_host->end_object(out);
    }
    part_host->end_array(out);
    put_arenas_balanced(ctx, out, state, &view, PART_NO_TYPE);

    if (state->has_arena_type) {
        part_host->begin_array(out, "arena_types");
        for (size_t i = 0; i < view.n_types; i++) {
            uint32_t t = view.types[i];
            part_host->begin_object(out, NULL);
            part_host->put_string(out, "value", jvp_map_key(&state->types, t));
            put_split(ctx, out, view.type_keys[i], &view.type_seats[(size_t)t * JV_GENDERS],
                      NULL);
            put_arenas_balanced(ctx, out, state, &view, t);
            part_host->end_object(out);
        }
        part_host->end_array(out);
    } else {
        part_host->put_null(out, "arena_types");
    }

    if (state->has_role) {
        part_host->begin_object(out, "chairs");
        put_split(ctx, out, "chairs", state->chair_seats, NULL);
        part_host->end_object(out);
    } else {
        part_host->put_null(out, "chairs");
    }

    part_host->begin_object(out, "breakdowns");
    for (size_t b = 0; b < state->n_by; b++) {
        const part_values *v = &state->by[b];
        part_host->begin_array(out, config != NULL ? config->by_names[b] : "");
        for (size_t i = 0; i < view.n_by_values[b]; i++) {
            uint32_t x = view.by_values[b][i];
            part_host->begin_object(out, NULL);
            part_host->put_string(out, "value", jvp_map_key(&v->map, x));
            put_split(ctx, out, view.by_keys[b][i], &v->seats[(size_t)x * JV_GENDERS], NULL);
            part_host->end_object(out);
        }
        part_host->end_array(out);
    }
    part_host->end_object(out);

    jv_headline headline = {
        .metric = "women_share_seats",
        .label = "Women's share of seats",
        .unit = "share",
        .value = split.share,
        .balance = split.balance,
        .balance_certain = split.balance_certain,
        .ci = {split.ci[0], split.ci[1]},
    };
    part_host->put_headline(out, &headline);
    view_free(&view, state->n_by);
    return 0;
}
