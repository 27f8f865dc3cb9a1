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
 *   "by/<name>/<value>"    each value of params.by (the tally's keys)
 * Families: the arenas, the arena types and each breakdown's values, margin
 * "split"; the arenas of one type, margin that type's group.
 * A breakdown by `arena` or `arena_type` counts the same seats as the
 * arenas or the arena types, so it is published from their groups: one
 * cell is suppressed alike wherever it appears (two group sets for the
 * same counts could suppress it in one list and show it in the other).
 * The plugin declares the groups itself rather than through
 * tally_declare: the arena types and their families are not a tally
 * breakdown.
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
#include <string.h>

/* The keys "<prefix><value>" of breakdown k's values, in byte order. */
static char **value_keys(const jv_tally *tally, size_t k, const char *prefix)
{
    size_t n = part_host->tally_size(tally, k), p = strlen(prefix);
    char **keys = part_host->alloc0((n + 1) * sizeof *keys);
    for (size_t i = 0; i < n; i++) {
        const char *value = part_host->tally_value(tally, k, i, NULL);
        keys[i] = part_host->alloc0(p + strlen(value) + 1);
        memcpy(keys[i], prefix, p);
        strcpy(keys[i] + p, value);
    }
    return keys;
}

static void free_keys(char **keys)
{
    for (size_t i = 0; keys != NULL && keys[i] != NULL; i++)
        part_host->free(keys[i]);
    part_host->free(keys);
}

/* What a state's figures are built from: its arenas in byte order with
 * their type names, the arena types they use (a tally whose breakdown 0
 * sums the seats of each type's arenas, in byte order), and the keys of
 * the arenas' and the types' groups. */
typedef struct part_view {
    const jv_tally *tally; /* the state's */
    size_t arena;          /* its breakdown of the arenas */
    size_t n_arenas, n_types;
    const char **arena_type; /* per arena: its type's name, or NULL */
    jv_tally *types;
    char **arena_keys, **type_keys;
} part_view;

static void view_init(jv_ctx *ctx, part_view *view, const part_state *state,
                      const part_config *config)
{
    static const char *const type_names[] = {"arena_type"};
    const jv_tally *tally = view->tally = state->tally;
    view->arena = config->arena;
    view->n_arenas = part_host->tally_size(tally, view->arena);
    view->arena_keys = value_keys(tally, view->arena, "arena/");
    view->arena_type = part_host->alloc0((view->n_arenas + 1) * sizeof *view->arena_type);
    view->types = part_host->tally_new(ctx, &part_spec, 1, type_names, NULL);
    for (size_t i = 0; i < view->n_arenas; i++) {
        size_t t = part_type_of(state, part_host->tally_value(tally, view->arena, i, NULL));
        if (t == PART_NO_TYPE)
            continue;
        view->arena_type[i] = part_host->map_key(state->types, t, NULL);
        const int64_t *cells = part_host->tally_cells(tally, view->arena, i);
        for (int g = 0; g < JV_GENDERS; g++)
            part_host->tally_add_keys(ctx, view->types, &view->arena_type[i], g,
                                      &cells[g * PART_N_MEASURES]);
    }
    view->n_types = part_host->tally_size(view->types, 0);
    view->type_keys = value_keys(view->types, 0, "arena_type/");
}

/* Whether arena i of the view has arena type t (a position in view->types). */
static int has_type(const part_view *view, size_t i, size_t t)
{
    return view->arena_type[i] != NULL &&
           strcmp(view->arena_type[i], part_host->tally_value(view->types, 0, t, NULL)) == 0;
}

static void view_free(part_view *view)
{
    free_keys(view->arena_keys);
    free_keys(view->type_keys);
    part_host->free(view->arena_type);
    part_host->tally_free(view->types);
}

/* The key of value i of breakdown k: keys[i], or with keys NULL the
 * tally's own (tally_key). */
static const char *key_of(const jv_tally *tally, size_t k, size_t i, char **keys)
{
    return keys != NULL ? keys[i] : part_host->tally_key(tally, k, i);
}

/* Where breakdown b of params.by is published from: the arenas or the
 * arena types when it breaks down by that column (their groups), else the
 * tally's own breakdown b (keys NULL: tally_key). */
typedef struct part_source {
    const jv_tally *tally;
    size_t k;
    char **keys;
} part_source;

static part_source by_source(const part_view *view, const part_config *config, size_t b)
{
    if (b == view->arena)
        return (part_source){view->tally, b, view->arena_keys};
    if (config->columns[b] == PART_ARENA_TYPE)
        return (part_source){view->types, 0, view->type_keys};
    return (part_source){view->tally, b, NULL};
}

/* --- cells --- */

/* One group per value of breakdown k (seats), and their family; keys as
 * key_of(). */
static void add_values(jv_cells *cells, const jv_tally *tally, size_t k, char **keys)
{
    int64_t seats[JV_GENDERS];
    size_t n = part_host->tally_size(tally, k);
    const char **members = part_host->alloc0((n + 1) * sizeof *members);
    for (size_t i = 0; i < n; i++) {
        members[i] = key_of(tally, k, i, keys);
        part_host->add_group(cells, members[i], 1,
                             part_seats(part_host->tally_cells(tally, k, i), PART_SEATS, seats));
    }
    if (n > 0)
        part_host->add_family(cells, JV_MAIN_GROUP, members, n);
    part_host->free(members);
}

int part_cells(jv_ctx *ctx, const void *state_, jv_cells *cells)
{
    const part_state *state = state_;
    const part_config *config = part_host->instance(ctx);
    const int64_t *main = part_host->tally_cells(state->tally, JV_TALLY_MAIN, 0);
    int64_t seats[JV_GENDERS];
    part_view view;
    view_init(ctx, &view, state, config);
    part_host->add_group(cells, JV_MAIN_GROUP, 1, part_seats(main, PART_SEATS, seats));
    add_values(cells, state->tally, view.arena, view.arena_keys);

    if (state->has_arena_type && view.n_types > 0) {
        add_values(cells, view.types, 0, view.type_keys);
        const char **members = part_host->alloc0((view.n_arenas + 1) * sizeof *members);
        for (size_t t = 0; t < view.n_types; t++) {
            size_t n = 0;
            for (size_t i = 0; i < view.n_arenas; i++)
                if (has_type(&view, i, t))
                    members[n++] = view.arena_keys[i];
            part_host->add_family(cells, view.type_keys[t], members, n);
        }
        part_host->free(members);
    }

    if (state->has_role)
        part_host->add_group(cells, "chairs", 1, part_seats(main, PART_CHAIR_SEATS, seats));
    for (size_t b = 0; b < config->n_by; b++) {
        part_source by = by_source(&view, config, b);
        if (by.keys == NULL)
            add_values(cells, by.tally, by.k, NULL);
    }
    view_free(&view);
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

/* A cell's one key, "seats": measure m of the tally's cells. */
static const jv_cell_key seats_key[PART_N_MEASURES] = {
    [PART_SEATS] = {"seats", JV_CELL_COUNT, {PART_SEATS, -1}, NULL},
    [PART_CHAIR_SEATS] = {"seats", JV_CELL_COUNT, {PART_CHAIR_SEATS, -1}, NULL},
};

/* The split of measure m (PART_SEATS or PART_CHAIR_SEATS) of the tally
 * cells `cells`, in the disclosure group `key`. */
static void put_split(jv_ctx *ctx, jv_writer *w, const char *key, const int64_t *cells, int m,
                      split_figures *out)
{
    int hidden[JV_GENDERS];
    part_host->put_gender_cells(ctx, w, key, cells, PART_N_MEASURES, &seats_key[m], 1, 0, hidden);
    split_figures f = {NAN, JV_BALANCE_NO_DATA, -1, {NAN, NAN}};
    if (!hidden[JV_WOMAN] && !hidden[JV_MAN]) {
        int64_t women = cells[JV_WOMAN * PART_N_MEASURES + m],
                men = cells[JV_MAN * PART_N_MEASURES + m];
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
 * type t (a position in view->types; PART_NO_TYPE: all arenas), each
 * classed from its own counts. */
static void put_arenas_balanced(jv_ctx *ctx, jv_writer *w, const part_view *view, size_t t)
{
    int64_t classified = 0, balanced = 0;
    for (size_t i = 0; i < view->n_arenas; i++) {
        if (t != PART_NO_TYPE && !has_type(view, i, t))
            continue;
        const int64_t *cells = part_host->tally_cells(view->tally, view->arena, i);
        jv_balance cls = part_balance(ctx, cells[JV_WOMAN * PART_N_MEASURES + PART_SEATS],
                                      cells[JV_MAN * PART_N_MEASURES + PART_SEATS]);
        classified += cls != JV_BALANCE_NO_DATA;
        balanced += cls == JV_BALANCE_BALANCED;
    }
    part_host->put_number(w, "arenas_balanced_share",
                          classified > 0 ? (double)balanced / (double)classified : NAN);
    part_host->put_integer(w, "arenas_classified", classified);
}

/* An array of {value, ...split...} for the values of breakdown k (keys as
 * key_of()); with a view, the values are its arena types and each gets its
 * arenas' balance. */
static void put_values(jv_ctx *ctx, jv_writer *w, const char *name, const jv_tally *tally, size_t k,
                       char **keys, const part_view *types)
{
    part_host->begin_array(w, name);
    for (size_t i = 0; i < part_host->tally_size(tally, k); i++) {
        part_host->begin_object(w, NULL);
        part_host->put_string(w, "value", part_host->tally_value(tally, k, i, NULL));
        put_split(ctx, w, key_of(tally, k, i, keys), part_host->tally_cells(tally, k, i),
                  PART_SEATS, NULL);
        if (types != NULL)
            put_arenas_balanced(ctx, w, types, i);
        part_host->end_object(w);
    }
    part_host->end_array(w);
}

int part_finish(jv_ctx *ctx, const void *state_, const void *total, jv_writer *out)
{
    const part_state *state = state_;
    const part_config *config = part_host->instance(ctx);
    const int64_t *main = part_host->tally_cells(state->tally, JV_TALLY_MAIN, 0);
    part_view view;
    view_init(ctx, &view, state, config);

    split_figures split;
    put_split(ctx, out, JV_MAIN_GROUP, main, PART_SEATS, &split);
    put_values(ctx, out, "arenas", state->tally, view.arena, view.arena_keys, NULL);
    put_arenas_balanced(ctx, out, &view, PART_NO_TYPE);
    if (state->has_arena_type)
        put_values(ctx, out, "arena_types", view.types, 0, view.type_keys, &view);
    else
        part_host->put_null(out, "arena_types");

    if (state->has_role) {
        part_host->begin_object(out, "chairs");
        put_split(ctx, out, "chairs", main, PART_CHAIR_SEATS, NULL);
        part_host->end_object(out);
    } else {
        part_host->put_null(out, "chairs");
    }

    part_host->begin_object(out, "breakdowns");
    for (size_t b = 0; b < config->n_by; b++) {
        part_source by = by_source(&view, config, b);
        put_values(ctx, out, config->names[b], by.tally, by.k, by.keys, NULL);
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
    view_free(&view);
    return 0;
}
