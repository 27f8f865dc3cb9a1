/* plugins/participation/participation.c — the participation indicator
 * (INDICATORS.md "participation": who sits where influence is exercised):
 * its descriptor, params, and the state's consume, merge and pool.
 *
 * Contract kept here:
 *  1. Seats per gender are the sum of `count` (1 when the column is absent
 *     or the cell empty) over the scope's rows. The host's tally sums them
 *     for the scope, each arena and each value of each `by` column (an
 *     empty cell is the value ""; values of counted rows only), with the
 *     chairs' seats (rows whose role is `chair` or `ordförande`, trimmed,
 *     case-insensitive) as a second measure.
 *  2. An arena has one arena type in the whole evaluation: a second type in
 *     the same file is a row error naming the arena; across chunks or
 *     regions (merge, pool) and in a saved state, an error naming the arena
 *     and both types.
 *  3. merge and pool are the tally's exact sums plus the union of the arena
 *     types, so the result does not depend on how the rows were split; an
 *     error leaves `into` unchanged.
 *  4. No allocation per row: dictionaries are translated once per entry
 *     (host map_translate), chairs recognised once per role entry, and the
 *     rows' scratch grows per batch.
 * Results and disclosure groups: participation_result.c; saved states:
 * participation_saved.c.
 */
#include "participation.h"

#include <string.h>

const jv_host *part_host;

static const jv_measure part_measures[PART_N_MEASURES] = {
    {.name = "seats", .column = PART_COUNT, .flags = JV_MEASURE_PROTECTED},
    {.name = "chair_seats", .column = PART_COUNT, .at_most = "seats"},
};

const jv_tally_spec part_spec = {
    .measures = part_measures,
    .n_measures = PART_N_MEASURES,
    .table = 0,
    .gender_column = PART_GENDER,
};

/* --- state --- */

part_state *part_state_new(jv_tally *tally)
{
    if (tally == NULL)
        return NULL;
    part_state *state = part_host->alloc0(sizeof *state);
    state->tally = tally;
    state->arenas = part_host->map_new();
    state->types = part_host->map_new();
    state->roles = part_host->map_new();
    return state;
}

void part_state_free(part_state *state)
{
    if (state == NULL)
        return;
    part_host->tally_free(state->tally);
    part_host->map_free(state->arenas);
    part_host->map_free(state->types);
    part_host->map_free(state->roles);
    part_host->free(state->type);
    part_host->free(state->is_chair);
    part_host->free(state->values);
    part_host->free(state->skip);
    part_host->free(state);
}

/* Room for the types of every arena the map holds. */
static void type_reserve(part_state *state)
{
    size_t n = part_host->map_size(state->arenas);
    if (n <= state->n_type)
        return;
    size_t capacity = state->n_type ? state->n_type : 16;
    while (capacity < n)
        capacity *= 2;
    state->type = part_host->realloc(state->type, capacity * sizeof *state->type);
    for (size_t i = state->n_type; i < capacity; i++)
        state->type[i] = PART_NO_TYPE;
    state->n_type = capacity;
}

size_t part_type_of(const part_state *state, const char *name)
{
    size_t a = part_host->map_find(state->arenas, name, strlen(name));
    return a < state->n_type ? state->type[a] : PART_NO_TYPE;
}

int part_arena_type(jv_ctx *ctx, part_state *state, const char *arena, const char *type,
                    part_join join, int apply)
{
    size_t have = part_type_of(state, arena);
    if (have != PART_NO_TYPE) {
        const char *had = part_host->map_key(state->types, have, NULL);
        if (strcmp(had, type) == 0)
            return 0;
        if (join == PART_POOL)
            part_host->error(ctx,
                             "arena '%s' has arena type '%s' in one region and '%s' in "
                             "another; an arena has one type in the whole evaluation",
                             arena, had, type);
        else
            part_host->error(ctx,
                             "%sarena '%s' has two arena types, '%s' and '%s'; an arena "
                             "has one type",
                             join == PART_LOAD ? "saved state: " : "", arena, had, type);
        return -1;
    }
    if (apply) {
        size_t a = part_host->map_intern(state->arenas, arena, strlen(arena));
        type_reserve(state);
        state->type[a] = part_host->map_intern(state->types, type, strlen(type));
    }
    return 0;
}

const int64_t *part_seats(const int64_t *cells, int m, int64_t seats[JV_GENDERS])
{
    for (int g = 0; g < JV_GENDERS; g++)
        seats[g] = cells[g * PART_N_MEASURES + m];
    return seats;
}

jv_balance part_balance(jv_ctx *ctx, int64_t women, int64_t men)
{
    if (women + men > 0 && women - men <= 1 && men - women <= 1)
        return JV_BALANCE_BALANCED;
    return part_host->balance(ctx, part_host->women_share((double)women, (double)men));
}

/* --- chairs --- */

/* Is s (n bytes) `chair` or `ordförande`, trimmed and case-insensitive?
 * Folds ASCII capitals and the Latin-1 capitals of UTF-8 (C3 80..9E but
 * ×), which covers every way the two words are written. */
static int is_chair_word(const char *s, size_t n)
{
    static const char *const words[] = {"chair", "ordf\xc3\xb6rande"};
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        const char *word = words[w];
        if (strlen(word) != n)
            continue;
        size_t i = 0;
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E &&
                     c != 0x97)
                c = (unsigned char)(c + 0x20);
            if (c != (unsigned char)word[i])
                break;
        }
        if (i == n)
            return 1;
    }
    return 0;
}

/* --- consume --- */

#define MISSING(column, i) ((column)->missing != NULL && (column)->missing[i])

/* The map index of every dictionary code of `column` (*lookup) and of ""
 * for its missing cells (*empty). 0, or -1 after host->error(). */
static int translate(jv_ctx *ctx, jv_map *map, const jv_column *column, const size_t **lookup,
                     size_t *empty)
{
    if (column->dict == NULL) {
        part_host->error(ctx, "column '%s' comes without a dictionary", column->role);
        return -1;
    }
    /* "" first: interning changes the map, which would end *lookup's life */
    *empty = column->missing != NULL ? part_host->map_intern(map, "", 0) : PART_NO_TYPE;
    *lookup = part_host->map_translate(map, column);
    return 0;
}

/* Whether each role dictionary entry is a chair: flags per roles index. */
static const size_t *chair_lookup(jv_ctx *ctx, part_state *state, const jv_column *role)
{
    const size_t *role_of;
    size_t unused;
    if (translate(ctx, state->roles, role, &role_of, &unused) != 0)
        return NULL;
    size_t n = part_host->map_size(state->roles);
    if (n > state->n_is_chair) {
        state->is_chair = part_host->realloc(state->is_chair, n);
        for (size_t i = state->n_is_chair; i < n; i++) {
            size_t length;
            const char *word = part_host->map_key(state->roles, i, &length);
            state->is_chair[i] = (uint8_t)is_chair_word(word, length);
        }
        state->n_is_chair = n;
    }
    return role_of;
}

/* Checks each row against the one-type rule, recording the arena's type
 * on first sight; a conflict is a row error (the row skipped, or -1). */
static int row_type(jv_ctx *ctx, part_state *state, const jv_batch *batch, size_t i,
                    const size_t *arena_of, size_t arena_empty, const size_t *type_of,
                    size_t type_empty)
{
    const jv_column *arena = &batch->columns[PART_ARENA], *type = &batch->columns[PART_ARENA_TYPE];
    size_t a = MISSING(arena, i) ? arena_empty : arena_of[arena->codes[i]];
    size_t t = MISSING(type, i) ? type_empty : type_of[type->codes[i]];
    if (state->type[a] == PART_NO_TYPE || state->type[a] == t) {
        state->type[a] = t;
        return 0;
    }
    if (part_host->row_error(ctx, batch, i, PART_ARENA_TYPE,
                             "arena '%s' has arena type '%s' here but '%s' on an earlier row; "
                             "an arena has one type",
                             part_host->map_key(state->arenas, a, NULL),
                             part_host->map_key(state->types, t, NULL),
                             part_host->map_key(state->types, state->type[a], NULL)))
        return 1;
    return -1;
}

static int part_consume(jv_ctx *ctx, void *state_, const jv_batch *batch)
{
    part_state *state = state_;
    const part_config *config = part_host->instance(ctx);
    if (batch->n_columns < PART_N_ROLES) {
        part_host->error(ctx, "a batch has %zu columns, expected at least %d", batch->n_columns,
                         PART_N_ROLES);
        return -1;
    }
    for (size_t b = 0; b < config->n_by; b++) {
        size_t c = (size_t)config->columns[b];
        if (c >= batch->n_columns || !batch->columns[c].present) {
            part_host->error(ctx, "params.by: the table has no column '%s'", config->names[b]);
            return -1;
        }
    }
    const jv_column *role = &batch->columns[PART_ROLE], *count = &batch->columns[PART_COUNT];
    const size_t *arena_of = NULL, *type_of = NULL, *role_of = NULL;
    size_t arena_empty = 0, type_empty = 0;
    if (batch->columns[PART_ARENA_TYPE].present) {
        state->has_arena_type = 1;
        if (translate(ctx, state->types, &batch->columns[PART_ARENA_TYPE], &type_of, &type_empty) !=
                0 ||
            translate(ctx, state->arenas, &batch->columns[PART_ARENA], &arena_of, &arena_empty) !=
                0)
            return -1;
        type_reserve(state);
    }
    if (role->present) {
        state->has_role = 1;
        if ((role_of = chair_lookup(ctx, state, role)) == NULL)
            return -1;
    }
    if (batch->n_rows > state->n_rows) {
        state->values = part_host->realloc(state->values,
                                           batch->n_rows * PART_N_MEASURES * sizeof *state->values);
        state->skip = part_host->realloc(state->skip, batch->n_rows);
        state->n_rows = batch->n_rows;
    }

    /* The one-type rule first (its row errors skip rows); the tally then
     * checks each count against rule 2 of tally.h. */
    for (size_t i = 0; i < batch->n_rows; i++) {
        int status = type_of != NULL ? row_type(ctx, state, batch, i, arena_of, arena_empty,
                                                type_of, type_empty)
                                     : 0;
        if (status < 0)
            return -1;
        int64_t n = count->present && !MISSING(count, i) ? count->numbers[i] : 1;
        int chair =
            role_of != NULL && !MISSING(role, i) && state->is_chair[role_of[role->codes[i]]];
        state->values[i * PART_N_MEASURES + PART_SEATS] = n;
        state->values[i * PART_N_MEASURES + PART_CHAIR_SEATS] = chair ? n : 0;
        state->skip[i] = (uint8_t)status;
    }
    return part_host->tally_add(ctx, state->tally, batch, state->values, state->skip);
}

/* --- merge and pool --- */

/* Exact sums and the union of the arena types; `join` words the error for
 * an arena typed differently in `from` and `into`. The types are checked
 * before anything changes, so an error leaves `into` as it was. */
static int combine(jv_ctx *ctx, part_state *into, const part_state *from, part_join join)
{
    size_t n = part_host->map_size(from->arenas);
    for (int apply = 0; apply <= 1; apply++) {
        if (apply && part_host->tally_merge(ctx, into->tally, from->tally) != 0)
            return -1;
        for (size_t a = 0; a < n && a < from->n_type; a++) {
            if (from->type[a] == PART_NO_TYPE)
                continue;
            if (part_arena_type(ctx, into, part_host->map_key(from->arenas, a, NULL),
                                part_host->map_key(from->types, from->type[a], NULL), join,
                                apply) != 0)
                return -1;
        }
    }
    into->has_arena_type |= from->has_arena_type;
    into->has_role |= from->has_role;
    return 0;
}

static int part_merge(jv_ctx *ctx, void *into, const void *from)
{
    return combine(ctx, into, from, PART_MERGE);
}

static int part_pool(jv_ctx *ctx, void *total, const void *region)
{
    return combine(ctx, total, region, PART_POOL);
}

/* --- params, init and destroy --- */

static const jv_role part_roles[PART_N_ROLES] = {
    {"gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL, "gender of the person holding the seat"},
    {"arena", JV_TYPE_CATEGORY, JV_ROLE_REQUIRED, NULL,
     "where influence is exercised: board, committee, partnership, seminar, ..."},
    {"arena_type", JV_TYPE_CATEGORY, JV_ROLE_EMPTY_IS_VALUE, NULL,
     "e.g. decision, advisory, learning; one per arena in the whole evaluation"},
    {"role", JV_TYPE_CATEGORY, JV_ROLE_EMPTY_IS_VALUE, NULL,
     "e.g. chair (ordförande), member, speaker, participant"},
    {"count", JV_TYPE_INTEGER, JV_ROLE_NONNEGATIVE, NULL,
     "persons the row stands for; default 1 (also for an empty cell)"},
};

static void part_release(jv_ctx *ctx, void *instance)
{
    part_config *config = instance;
    if (config == NULL)
        return;
    part_host->free(config->names);
    part_host->free(config->columns);
    part_host->free(config);
}

/* params.by: one breakdown per column (host param_columns). A breakdown by
 * arena, arena_type or role reads the column the indicator already reads
 * (the core reads a role once); gender and count are not categories to
 * break down by. The arenas are a breakdown too: "arena" in by, else one
 * more in the arrays' last entry. */
static int part_configure(jv_ctx *ctx, void **instance)
{
    if (!JV_HOST_HAS(part_host, state_format)) {
        part_host->error(ctx, "participation needs a jamvikt with SDK 1.1 (tallies)");
        return -1;
    }
    part_config *config = part_host->alloc0(sizeof *config);
    int n = part_host->param_columns(ctx, "by", 0, part_roles, PART_N_ROLES, &config->names,
                                     &config->columns);
    if (n < 0) {
        part_release(ctx, config);
        return -1;
    }
    config->n_by = config->n_breakdowns = (size_t)n;
    config->arena = (size_t)-1;
    for (size_t b = 0; b < config->n_by; b++)
        if (config->columns[b] == PART_ARENA)
            config->arena = b;
    if (config->arena == (size_t)-1) {
        config->arena = config->n_breakdowns++;
        config->names[config->arena] = (char *)"arena";
        config->columns[config->arena] = PART_ARENA;
    }
    *instance = config;
    return 0;
}

static void *part_init(jv_ctx *ctx)
{
    const part_config *config = part_host->instance(ctx);
    return part_state_new(part_host->tally_new(ctx, &part_spec, config->n_breakdowns,
                                               (const char *const *)config->names,
                                               config->columns));
}

static void part_destroy(jv_ctx *ctx, void *state) { part_state_free(state); }

/* --- descriptor --- */

static const jv_table_spec part_tables[] = {
    {"participation", 1, part_roles, PART_N_ROLES},
};

static const jv_param_spec part_params[] = {
    {"by", JV_PARAM_STRING_LIST, "[]", "columns to break the seats down by"},
};

/* ABI 1.1: what reports call the indicator, and the unit of each key. */
static const jv_translation part_texts[] = {
    {.lang = "en", .title = "Representation in the arenas of the growth work"},
    {.lang = "sv", .title = "Representation i tillväxtarbetets arenor"},
    {.lang = NULL},
};

static const jv_key_unit part_units[] = {
    {"seats", JV_UNIT_COUNT},
    {"arenas_balanced_share", JV_UNIT_SHARE},
    {"arenas_classified", JV_UNIT_COUNT},
    {"ci", JV_UNIT_SHARE},
    {"women_share_seats", JV_UNIT_SHARE},
    {NULL, 0},
};

JV_PLUGIN_DEFINE(part_host, part_plugin) = {
    JV_PLUGIN_ABI,
    .name = "participation",
    .version = "1.0.0",
    .summary = "Representation: women's and men's seats where influence is exercised",
    .tables = part_tables,
    .n_tables = sizeof part_tables / sizeof part_tables[0],
    .params = part_params,
    .n_params = sizeof part_params / sizeof part_params[0],
    .configure = part_configure,
    .release = part_release,
    .init = part_init,
    .consume = part_consume,
    .merge = part_merge,
    .pool = part_pool,
    .cells = part_cells,
    .finish = part_finish,
    .destroy = part_destroy,
    .save = part_save,
    .load = part_load,
    .texts = part_texts,
    .units = part_units,
};
