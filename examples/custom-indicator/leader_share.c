/* leader_share.c — an indicator built outside the jamvikt source tree:
 * women's share of project leaders among funded projects, per region and
 * pooled, optionally broken down by one column (params.by).
 *
 * This file: the descriptor, configure(), the state and consume, merge and
 * pool. leader_share_result.c writes the result, leader_share_save.c saves
 * and loads a region's state. docs/plugin-guide.md explains every part.
 *
 * Contract kept here:
 *  1. Table `projects`, one row per project: `leader_gender` (gender of the
 *     project leader), `funded` (yes/no), optional `amount_granted`
 *     (money granted, >= 0).
 *  2. A project that is not funded but has amount_granted > 0 is a data
 *     error on that cell (host->row_error: skipped with "on_error": "skip").
 *  3. Sums are exact fixed-point integers; a sum that would overflow is a
 *     data error naming the cell (consume) or an error (merge, pool).
 *  4. merge and pool are the same exact addition: the result does not
 *     depend on how rows were split into chunks, threads or regions.
 */
#include "leader_share.h"

#include <stdlib.h>
#include <string.h>

const jv_host *ls_host;

/* --- the state ---------------------------------------------------------- */

ls_state *ls_state_new(void)
{
    return ls_host->alloc0(sizeof(ls_state));
}

void ls_state_free(ls_state *state)
{
    if (state == NULL)
        return;
    for (size_t i = 0; i < state->n_values; i++)
        ls_host->free(state->values[i].text);
    ls_host->free(state->values);
    ls_host->free(state->to_value);
    ls_host->free(state);
}

/* A linear search: called once per new dictionary entry or saved value,
 * never per row, and breakdowns have tens of values, not millions. */
size_t ls_state_value(ls_state *state, const char *text, size_t length)
{
    for (size_t i = 0; i < state->n_values; i++)
        if (state->values[i].length == length && memcmp(state->values[i].text, text, length) == 0)
            return i;
    if (state->n_values == state->capacity) {
        state->capacity = state->capacity ? 2 * state->capacity : 8;
        state->values = ls_host->realloc(state->values, state->capacity * sizeof(ls_value));
    }
    ls_value *v = &state->values[state->n_values];
    memset(v, 0, sizeof *v);
    v->text = ls_host->alloc0(length + 1);
    memcpy(v->text, text, length);
    v->length = length;
    return state->n_values++;
}

static int overflows(int64_t a, int64_t b)
{
    return b > INT64_MAX - a; /* both are >= 0 */
}

int ls_cell_add(ls_cell *into, const ls_cell *from)
{
    if (overflows(into->projects, from->projects) || overflows(into->funded, from->funded) ||
        overflows(into->amount, from->amount))
        return -1;
    into->projects += from->projects;
    into->funded += from->funded;
    into->amount += from->amount;
    return 0;
}

static int split_add(ls_split *into, const ls_split *from)
{
    for (int g = 0; g < JV_GENDERS; g++)
        if (ls_cell_add(&into->cells[g], &from->cells[g]) != 0)
            return -1;
    return 0;
}

int ls_state_add(jv_ctx *ctx, ls_state *into, const ls_state *from)
{
    int failed = split_add(&into->split, &from->split);
    into->amount_rows += from->amount_rows;
    for (size_t i = 0; i < from->n_values && !failed; i++) {
        const ls_value *v = &from->values[i];
        size_t j = ls_state_value(into, v->text, v->length);
        failed = split_add(&into->values[j].split, &v->split);
    }
    if (failed) {
        ls_host->error(ctx, "the sum of amount_granted in %s would overflow",
                       ls_host->scope_name(ctx));
        return -1;
    }
    return 0;
}

/* --- configure ------------------------------------------------------------ */

static int ls_configure(jv_ctx *ctx, void **out)
{
    ls_instance *instance = ls_host->alloc0(sizeof *instance);
    instance->by_role = -1;
    const char *by = ls_host->param_string(ctx, "by");
    if (by != NULL) {
        /* A required category in which an empty cell is the value "". */
        instance->by_role = ls_host->add_role(ctx, 0, by, JV_TYPE_CATEGORY,
                                              JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE);
        if (instance->by_role < 0) {
            ls_host->free(instance);
            return -1; /* add_role has reported why */
        }
        instance->by = ls_host->strdup(by);
    }
    *out = instance;
    return 0;
}

static void ls_release(jv_ctx *ctx, void *data)
{
    (void)ctx;
    ls_instance *instance = data;
    if (instance != NULL)
        ls_host->free(instance->by);
    ls_host->free(instance);
}

/* --- init, consume, merge, pool, destroy ---------------------------------- */

static void *ls_init(jv_ctx *ctx)
{
    (void)ctx;
    return ls_state_new();
}

static void ls_destroy(jv_ctx *ctx, void *state)
{
    (void)ctx;
    ls_state_free(state);
}

/* Brings the translation of the breakdown dictionary up to date. */
static void translate(ls_state *state, const jv_dict *dict)
{
    if (dict->id != state->dict_id) {
        state->dict_id = dict->id;
        state->n_translated = 0;
    }
    if (dict->size <= state->n_translated)
        return;
    state->to_value = ls_host->realloc(state->to_value, dict->size * sizeof(uint32_t));
    for (size_t code = state->n_translated; code < dict->size; code++)
        state->to_value[code] =
            (uint32_t)ls_state_value(state, dict->values[code].data, dict->values[code].length);
    state->n_translated = dict->size;
}

static int ls_consume(jv_ctx *ctx, void *data, const jv_batch *batch)
{
    ls_state *state = data;
    const ls_instance *instance = ls_host->instance(ctx);
    const jv_column *columns = batch->columns;
    const uint32_t *gender = columns[LS_LEADER_GENDER].codes;
    const uint8_t *funded = columns[LS_FUNDED].booleans;
    const jv_column *amount = &columns[LS_AMOUNT_GRANTED];
    const int64_t *amounts = amount->present ? amount->numbers : NULL;
    const uint32_t *by = NULL;
    if (instance->by_role >= 0) {
        const jv_column *column = &columns[instance->by_role];
        translate(state, column->dict);
        by = column->codes;
    }
    for (size_t i = 0; i < batch->n_rows; i++) {
        int has_amount = amounts != NULL && !(amount->missing && amount->missing[i]);
        ls_cell row = {1, funded[i] ? 1 : 0, has_amount ? amounts[i] : 0};
        if (!funded[i] && row.amount > 0) {
            if (ls_host->row_error(ctx, batch, i, LS_AMOUNT_GRANTED,
                                   "the project is not funded but amount_granted is above 0"))
                continue; /* "on_error": "skip": leave the row out */
            return -1;
        }
        ls_cell *cell = &state->split.cells[gender[i]];
        ls_cell *value_cell = by ? &state->values[state->to_value[by[i]]].split.cells[gender[i]]
                                 : NULL;
        if (ls_cell_add(cell, &row) != 0 || (value_cell && ls_cell_add(value_cell, &row) != 0)) {
            if (ls_host->row_error(ctx, batch, i, LS_AMOUNT_GRANTED,
                                   "the sum of amount_granted would overflow"))
                continue;
            return -1;
        }
        state->amount_rows += has_amount;
    }
    return 0;
}

static int ls_merge(jv_ctx *ctx, void *into, const void *from)
{
    return ls_state_add(ctx, into, from);
}

/* Projects are rows, not persons, so pooling a region is the same sum. */
static int ls_pool(jv_ctx *ctx, void *total, const void *region)
{
    return ls_state_add(ctx, total, region);
}

/* --- the descriptor -------------------------------------------------------- */

static const jv_role ls_roles[LS_N_ROLES] = {
    [LS_LEADER_GENDER] = {"leader_gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL,
                          "gender of the project leader"},
    [LS_FUNDED] = {"funded", JV_TYPE_BOOLEAN, JV_ROLE_REQUIRED, NULL,
                   "whether the project was funded (ja/nej, yes/no, 1/0)"},
    [LS_AMOUNT_GRANTED] = {"amount_granted", JV_TYPE_NUMBER, JV_ROLE_NONNEGATIVE, NULL,
                           "money granted; 0 or empty when not funded"},
};

static const jv_table_spec ls_tables[] = {
    {"projects", 1, ls_roles, LS_N_ROLES},
};

static const jv_param_spec ls_params[] = {
    {"by", JV_PARAM_STRING, "null", "a column to break every figure down by, e.g. \"programme\""},
};

/* ABI 1.1: what reports call the indicator, and the unit of each key. */
static const jv_label ls_labels_en[] = {
    {"projects", "Projects"},
    {"funded", "Funded projects"},
    {"funded_rate", "Share of projects funded"},
    {"amount_granted", "Amount granted"},
    {"women_share_funded", "Women's share of leaders of funded projects"},
    {NULL, NULL},
};

static const jv_label ls_labels_sv[] = {
    {"projects", "Projekt"},
    {"funded", "Beviljade projekt"},
    {"funded_rate", "Andel beviljade projekt"},
    {"amount_granted", "Beviljat belopp"},
    {"women_share_funded", "Kvinnors andel av projektledarna i beviljade projekt"},
    {NULL, NULL},
};

static const jv_translation ls_texts[] = {
    {.lang = "en", .title = "Women project leaders in funded projects", .labels = ls_labels_en},
    {.lang = "sv", .title = "Kvinnliga projektledare i beviljade projekt", .labels = ls_labels_sv},
    {.lang = NULL},
};

static const jv_key_unit ls_units[] = {
    {"projects", JV_UNIT_COUNT},
    {"funded", JV_UNIT_COUNT},
    {"funded_rate", JV_UNIT_SHARE},
    {"funded_rate_ci", JV_UNIT_SHARE},
    {"amount_granted", JV_UNIT_AMOUNT},
    {"women_share_funded", JV_UNIT_SHARE},
    {NULL, 0},
};

static const jv_plugin ls_plugin = {
    .abi_major = JV_ABI_MAJOR,
    .abi_minor = JV_ABI_MINOR,
    .struct_size = sizeof(jv_plugin),
    .name = "leader_share",
    .version = "1.0.0",
    .summary = "women's share of project leaders among funded projects",
    .tables = ls_tables,
    .n_tables = 1,
    .params = ls_params,
    .n_params = 1,
    .configure = ls_configure,
    .release = ls_release,
    .init = ls_init,
    .consume = ls_consume,
    .merge = ls_merge,
    .pool = ls_pool,
    .cells = ls_cells,
    .finish = ls_finish,
    .destroy = ls_destroy,
    .save = ls_save,
    .load = ls_load,
    .texts = ls_texts,
    .units = ls_units,
};

/* The one exported symbol (the Makefile hides everything else). */
__attribute__((visibility("default"))) const jv_plugin *jamvikt_plugin_entry(const jv_host *host);

const jv_plugin *jamvikt_plugin_entry(const jv_host *host)
{
    ls_host = host;
    return &ls_plugin;
}
