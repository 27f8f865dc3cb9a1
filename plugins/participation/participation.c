/* plugins/participation/participation.c — the participation indicator
 * (INDICATORS.md "participation": who sits where influence is exercised):
 * its descriptor, params, and the state's consume, merge and pool.
 *
 * Contract kept here:
 *  1. Seats per gender are the sum of `count` (1 when the column is absent
 *     or the cell empty) over the scope's rows, for the scope, each arena,
 *     each value of each `by` column, and the chairs (rows whose role is
 *     `chair` or `ordförande`, trimmed, case-insensitive).
 *  2. An arena has one arena type in the whole evaluation: a second type in
 *     the same file is a row error naming the arena; across chunks or
 *     regions (merge, pool) an error naming the arena and both types.
 *  3. merge and pool are the same exact sums per key (the union of values),
 *     so the result does not depend on how the rows were split.
 *  4. No allocation per row: dictionary codes are translated once per new
 *     dictionary entry (plugin_map.h), chairs are recognised per entry.
 * Results and disclosure groups: participation_result.c; saved states:
 * participation_saved.c.
 */
#include "participation.h"

#include <string.h>

const jv_host *part_host;

/* --- values and state --- */

int part_values_reserve(part_values *values, size_t n)
{
    if (n <= values->capacity)
        return 0;
    size_t capacity = values->capacity ? values->capacity : 16;
    while (capacity < n)
        capacity *= 2;
    values->seats = part_host->realloc(values->seats, capacity * JV_GENDERS * sizeof *values->seats);
    values->seen = part_host->realloc(values->seen, capacity * sizeof *values->seen);
    values->type = part_host->realloc(values->type, capacity * sizeof *values->type);
    for (size_t i = values->capacity; i < capacity; i++) {
        memset(&values->seats[i * JV_GENDERS], 0, JV_GENDERS * sizeof *values->seats);
        values->seen[i] = 0;
        values->type[i] = PART_NO_TYPE;
    }
    values->capacity = capacity;
    return 0;
}

static void values_clear(part_values *values)
{
    jvp_map_clear(&values->map);
    jvp_translation_clear(&values->translation);
    part_host->free(values->seats);
    part_host->free(values->seen);
    part_host->free(values->type);
}

part_state *part_state_new(size_t n_by)
{
    part_state *state = part_host->alloc0(sizeof *state);
    jvp_map_init(&state->arenas.map);
    jvp_translation_init(&state->arenas.translation);
    jvp_map_init(&state->types);
    jvp_translation_init(&state->type_translation);
    state->n_by = n_by;
    state->by = part_host->alloc0((n_by ? n_by : 1) * sizeof *state->by);
    state->by_lookup = part_host->alloc0((n_by ? n_by : 1) * sizeof *state->by_lookup);
    state->by_empty = part_host->alloc0((n_by ? n_by : 1) * sizeof *state->by_empty);
    for (size_t b = 0; b < n_by; b++) {
        jvp_map_init(&state->by[b].map);
        jvp_translation_init(&state->by[b].translation);
    }
    return state;
}

void part_state_free(part_state *state)
{
    if (state == NULL)
        return;
    values_clear(&state->arenas);
    jvp_map_clear(&state->types);
    jvp_translation_clear(&state->type_translation);
    for (size_t b = 0; b < state->n_by; b++)
        values_clear(&state->by[b]);
    part_host->free(state->by);
    part_host->free(state->by_lookup);
    part_host->free(state->by_empty);
    part_host->free(state->is_chair);
    part_host->free(state);
}

int part_seats_add(int64_t *into, const int64_t *seats)
{
    int64_t sum[JV_GENDERS], all = 0;
    for (int g = 0; g < JV_GENDERS; g++) {
        if (seats[g] < 0 || into[g] < 0 || seats[g] > INT64_MAX - into[g])
            return -1;
        sum[g] = into[g] + seats[g];
        if (sum[g] > INT64_MAX - all)
            return -1;
        all += sum[g];
    }
    memcpy(into, sum, sizeof sum);
    return 0;
}

uint32_t part_values_add(jv_ctx *ctx, part_values *values, const char *key, size_t length,
                         const int64_t *seats)
{
    uint32_t index = jvp_map_intern(&values->map, key, length, NULL);
    if (index == UINT32_MAX) {
        part_host->error(ctx, "out of memory");
        return UINT32_MAX;
    }
    part_values_reserve(values, values->map.size);
    if (part_seats_add(&values->seats[(size_t)index * JV_GENDERS], seats) != 0) {
        part_host->error(ctx, "the seats of '%s' are negative or add up to more than %lld", key,
                         (long long)INT64_MAX);
        return UINT32_MAX;
    }
    values->seen[index] = 1;
    return index;
}

int part_arena_set_type(jv_ctx *ctx, part_state *state, uint32_t arena, const char *type_name,
                        part_join join)
{
    if (type_name == NULL)
        return 0;
    uint32_t t = jvp_map_intern(&state->types, type_name, strlen(type_name), NULL);
    if (t == UINT32_MAX) {
        part_host->error(ctx, "out of memory");
        return -1;
    }
    uint32_t *have = &state->arenas.type[arena];
    if (*have == PART_NO_TYPE)
        *have = t;
    else if (*have != t) {
        const char *name = jvp_map_key(&state->arenas.map, arena);
        const char *had = jvp_map_key(&state->types, *have);
        if (join == PART_POOL)
            part_host->error(ctx, "arena '%s' has arena type '%s' in one region and '%s' in "
                             "another; an arena has one type in the whole evaluation",
                             name, had, type_name);
        else
            part_host->error(ctx, "%sarena '%s' has two arena types, '%s' and '%s'; an arena "
                             "has one type", join == PART_LOAD ? "saved state: " : "", name, had,
                             type_name);
        return -1;
    }
    return 0;
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
            else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
                c = (unsigned char)(c + 0x20);
            if (c != (unsigned char)word[i])
                break;
        }
        if (i == n)
            return 1;
    }
    return 0;
}

/* Brings the chair flags up to date with the role column's dictionary. */
static const uint8_t *chair_flags(part_state *state, const jv_column *role)
{
    const jv_dict *dict = role->dict;
    if (dict == NULL)
        return NULL;
    if (state->is_chair == NULL || state->role_dict != dict->id) {
        state->n_is_chair = 0;
        state->role_dict = dict->id;
    }
    if (state->is_chair == NULL || dict->size > state->n_is_chair) {
        state->is_chair = part_host->realloc(state->is_chair, dict->size ? dict->size : 1);
        for (size_t c = state->n_is_chair; c < dict->size; c++)
            state->is_chair[c] = (uint8_t)is_chair_word(dict->values[c].data, dict->values[c].length);
        state->n_is_chair = dict->size;
    }
    return state->is_chair;
}

/* --- descriptor callbacks --- */

static const char *const static_roles[PART_N_ROLES] = {"gender", "arena", "arena_type", "role",
                                                       "count"};

static void part_release(jv_ctx *ctx, void *instance)
{
    part_config *config = instance;
    if (config == NULL)
        return;
    for (size_t b = 0; b < config->n_by; b++)
        part_host->free(config->by_names[b]);
    part_host->free(config->by_names);
    part_host->free(config->by_columns);
    part_host->free(config);
}

/* params.by: one breakdown per column. A breakdown by arena, arena_type or
 * role reads the column the indicator already reads (the core reads a role
 * once); gender and count are not categories to break down by. */
static int part_configure(jv_ctx *ctx, void **instance)
{
    part_config *config = part_host->alloc0(sizeof *config);
    size_t n = part_host->param_list_size(ctx, "by");
    config->by_names = part_host->alloc0((n ? n : 1) * sizeof *config->by_names);
    config->by_columns = part_host->alloc0((n ? n : 1) * sizeof *config->by_columns);
    for (size_t b = 0; b < n; b++) {
        const char *name = part_host->param_list_item(ctx, "by", b);
        if (name == NULL || name[0] == '\0') {
            part_host->error(ctx, "params.by[%zu]: a column name is required", b);
            goto fail;
        }
        for (size_t a = 0; a < config->n_by; a++) {
            if (strcmp(config->by_names[a], name) == 0) {
                part_host->error(ctx, "params.by lists '%s' twice", name);
                goto fail;
            }
        }
        int column = -1;
        for (int r = 0; r < PART_N_ROLES; r++)
            if (strcmp(static_roles[r], name) == 0)
                column = r;
        if (column == PART_GENDER || column == PART_COUNT) {
            part_host->error(ctx, "params.by: '%s' is not a column to break seats down by", name);
            goto fail;
        }
        if (column < 0) {
            column = part_host->add_role(ctx, 0, name, JV_TYPE_CATEGORY,
                                         JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE);
            if (column < 0)
                goto fail;
        }
        config->by_names[config->n_by] = part_host->strdup(name);
        config->by_columns[config->n_by] = column;
        config->n_by++;
    }
    *instance = config;
    return 0;
fail:
    part_release(ctx, config);
    return -1;
}

static void *part_init(jv_ctx *ctx)
{
    const part_config *config = part_host->instance(ctx);
    return part_state_new(config ? config->n_by : 0);
}

static void part_destroy(jv_ctx *ctx, void *state)
{
    part_state_free(state);
}

/* Translates a category column's codes to indices of `values`, making room
 * for them; *empty gets the index of "" when the batch has missing cells
 * (an optional column's empty cell counts as the value ""). */
static const uint32_t *translate(jv_ctx *ctx, part_values *values, jvp_map *map,
                                 jvp_translation *translation, const jv_column *column,
                                 uint32_t *empty)
{
    if (column->dict == NULL) {
        part_host->error(ctx, "column '%s' comes without a dictionary", column->role);
        return NULL;
    }
    const uint32_t *to_index = jvp_translate(translation, map, column);
    if (to_index == NULL && column->dict->size > 0) {
        part_host->error(ctx, "out of memory");
        return NULL;
    }
    *empty = UINT32_MAX;
    if (column->missing != NULL) {
        *empty = jvp_map_intern(map, "", 0, NULL);
        if (*empty == UINT32_MAX) {
            part_host->error(ctx, "out of memory");
            return NULL;
        }
    }
    if (values != NULL)
        part_values_reserve(values, map->size);
    /* An empty dictionary: every cell is missing, the lookup is never read. */
    return to_index != NULL ? to_index : empty;
}

#define CODE(column, lookup, empty, i)                                                          \
    (((column)->missing != NULL && (column)->missing[i]) ? (empty) : (lookup)[(column)->codes[i]])

static int part_consume(jv_ctx *ctx, void *state_, const jv_batch *batch)
{
    part_state *state = state_;
    const part_config *config = part_host->instance(ctx);
    if (batch->n_columns < PART_N_ROLES) {
        part_host->error(ctx, "a batch has %zu columns, expected at least %d", batch->n_columns,
                         PART_N_ROLES);
        return -1;
    }
    const jv_column *gender = &batch->columns[PART_GENDER];
    const jv_column *arena = &batch->columns[PART_ARENA];
    const jv_column *type = &batch->columns[PART_ARENA_TYPE];
    const jv_column *role = &batch->columns[PART_ROLE];
    const jv_column *count = &batch->columns[PART_COUNT];

    uint32_t arena_empty, type_empty = UINT32_MAX;
    const uint32_t *arena_of = translate(ctx, &state->arenas, &state->arenas.map,
                                         &state->arenas.translation, arena, &arena_empty);
    if (arena_of == NULL)
        return -1;
    const uint32_t *type_of = NULL;
    if (type->present) {
        state->has_arena_type = 1;
        type_of = translate(ctx, NULL, &state->types, &state->type_translation, type, &type_empty);
        if (type_of == NULL)
            return -1;
    }
    const uint8_t *chair = NULL;
    if (role->present) {
        state->has_role = 1;
        chair = chair_flags(state, role);
    }
    for (size_t b = 0; b < state->n_by; b++) {
        size_t c = (size_t)config->by_columns[b];
        if (c >= batch->n_columns || !batch->columns[c].present) {
            part_host->error(ctx, "params.by: the table has no column '%s'", config->by_names[b]);
            return -1;
        }
        part_values *v = &state->by[b];
        state->by_lookup[b] = translate(ctx, v, &v->map, &v->translation, &batch->columns[c],
                                        &state->by_empty[b]);
        if (state->by_lookup[b] == NULL)
            return -1;
    }

    for (size_t i = 0; i < batch->n_rows; i++) {
        uint32_t g = gender->codes[i] < JV_GENDERS ? gender->codes[i] : JV_UNKNOWN;
        int64_t seats = 1;
        if (count->present && !(count->missing != NULL && count->missing[i]))
            seats = count->numbers[i];
        if (seats < 0 || seats > INT64_MAX - state->all_seats) {
            if (part_host->row_error(ctx, batch, i, PART_COUNT,
                                     seats < 0 ? "a count must be 0 or more"
                                               : "the seats add up to more than 2^63 - 1"))
                continue;
            return -1;
        }
        uint32_t a = CODE(arena, arena_of, arena_empty, i);
        if (type_of != NULL) {
            uint32_t t = CODE(type, type_of, type_empty, i);
            uint32_t *have = &state->arenas.type[a];
            if (*have == PART_NO_TYPE) {
                *have = t;
            } else if (*have != t) {
                if (part_host->row_error(ctx, batch, i, PART_ARENA_TYPE,
                                         "arena '%s' has arena type '%s' here but '%s' on an "
                                         "earlier row; an arena has one type",
                                         jvp_map_key(&state->arenas.map, a),
                                         jvp_map_key(&state->types, t),
                                         jvp_map_key(&state->types, *have)))
                    continue;
                return -1;
            }
        }
        state->seats[g] += seats;
        state->all_seats += seats;
        state->arenas.seats[(size_t)a * JV_GENDERS + g] += seats;
        state->arenas.seen[a] = 1;
        if (chair != NULL && !(role->missing != NULL && role->missing[i]) && chair[role->codes[i]])
            state->chair_seats[g] += seats;
        for (size_t b = 0; b < state->n_by; b++) {
            const jv_column *column = &batch->columns[config->by_columns[b]];
            uint32_t v = CODE(column, state->by_lookup[b], state->by_empty[b], i);
            state->by[b].seats[(size_t)v * JV_GENDERS + g] += seats;
            state->by[b].seen[v] = 1;
        }
    }
    return 0;
}

/* merge and pool: exact sums per key; `join` words the error for an arena
 * that has another type in `from` than in `into`. */
static int combine(jv_ctx *ctx, part_state *into, const part_state *from, part_join join)
{
    if (into->n_by != from->n_by) {
        part_host->error(ctx, "states with %zu and %zu breakdowns cannot be joined", into->n_by,
                         from->n_by);
        return -1;
    }
    if (part_seats_add(into->seats, from->seats) != 0 ||
        part_seats_add(into->chair_seats, from->chair_seats) != 0) {
        part_host->error(ctx, "the seats add up to more than 2^63 - 1");
        return -1;
    }
    into->all_seats = 0;
    for (int g = 0; g < JV_GENDERS; g++)
        into->all_seats += into->seats[g];
    into->has_arena_type |= from->has_arena_type;
    into->has_role |= from->has_role;
    for (size_t i = 0; i < from->arenas.map.size; i++) {
        if (!from->arenas.seen[i])
            continue;
        uint32_t a = part_values_add(ctx, &into->arenas, from->arenas.map.keys[i],
                                     from->arenas.map.lengths[i],
                                     &from->arenas.seats[i * JV_GENDERS]);
        if (a == UINT32_MAX)
            return -1;
        uint32_t t = from->arenas.type[i];
        if (part_arena_set_type(ctx, into, a,
                                t == PART_NO_TYPE ? NULL : jvp_map_key(&from->types, t),
                                join) != 0)
            return -1;
    }
    for (size_t b = 0; b < from->n_by; b++) {
        const part_values *v = &from->by[b];
        for (size_t i = 0; i < v->map.size; i++)
            if (v->seen[i] && part_values_add(ctx, &into->by[b], v->map.keys[i], v->map.lengths[i],
                                              &v->seats[i * JV_GENDERS]) == UINT32_MAX)
                return -1;
    }
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

/* --- descriptor --- */

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

static const jv_plugin part_plugin = {
    .abi_major = JV_ABI_MAJOR,
    .abi_minor = JV_ABI_MINOR,
    .struct_size = sizeof(jv_plugin),
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

const jv_plugin *jamvikt_plugin_entry(const jv_host *host);

const jv_plugin *jamvikt_plugin_entry(const jv_host *host)
{
    part_host = host;
    return &part_plugin;
}
