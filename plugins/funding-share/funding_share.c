/* plugins/funding-share/funding_share.c — the funding_share indicator: who
 * gets the growth money (INDICATORS.md "funding_share"). This file holds the
 * descriptor, configure() (one breakdown role per params.by column), the
 * state and consume/merge/pool; results are written by
 * funding_share_result.c, saved states by funding_share_save.c.
 *
 * Contract kept here:
 *  1. A row counts as granted by its decision; with an empty decision or no
 *     decision column, iff amount_granted > 0. A rejected row with
 *     amount_granted > 0 is a data error on the decision cell.
 *  2. Sums are exact 64-bit fixed-point integers; a sum that would overflow
 *     is a data error naming the cell (consume) or an error (merge, pool).
 *  3. consume() does no allocation and no string work per row: breakdown
 *     dictionaries are translated once per new entry (batch.h rule 5).
 *  4. merge and pool are the same exact addition, so the result does not
 *     depend on how rows were split over chunks, threads or regions.
 */
#include "funding_share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const jv_host *fs_host;

/* --- state ------------------------------------------------------------- */

fs_state *fs_state_new(jv_ctx *ctx)
{
    const fs_instance *instance = fs_host->instance(ctx);
    fs_state *state = fs_host->alloc0(sizeof *state);
    state->n_by = instance ? instance->n_by : 0;
    state->by = fs_host->alloc0((state->n_by ? state->n_by : 1) * sizeof *state->by);
    for (size_t k = 0; k < state->n_by; k++) {
        jvp_map_init(&state->by[k].values);
        jvp_translation_init(&state->by[k].translation);
    }
    return state;
}

void fs_state_free(fs_state *state)
{
    if (state == NULL)
        return;
    for (size_t k = 0; k < state->n_by; k++) {
        jvp_map_clear(&state->by[k].values);
        jvp_translation_clear(&state->by[k].translation);
        fs_host->free(state->by[k].splits);
    }
    fs_host->free(state->by);
    fs_host->free(state);
}

void fs_breakdown_reserve(fs_breakdown *b, size_t size)
{
    if (size <= b->capacity)
        return;
    size_t capacity = b->capacity ? b->capacity : 16;
    while (capacity < size)
        capacity *= 2;
    b->splits = fs_host->realloc(b->splits, capacity * sizeof *b->splits);
    memset(b->splits + b->capacity, 0, (capacity - b->capacity) * sizeof *b->splits);
    b->capacity = capacity;
}

uint32_t *fs_sorted_values(const fs_breakdown *b)
{
    return jvp_map_sorted(&b->values);
}

/* 1 when a + b would leave int64 (both are >= 0 by rule 2 of the header). */
static int sum_overflows(int64_t a, int64_t b)
{
    return b > INT64_MAX - a;
}

int fs_state_add(jv_ctx *ctx, fs_state *into, const fs_state *from)
{
    if (into->n_by != from->n_by) {
        fs_host->error(ctx, "cannot add states with %zu and %zu breakdowns",
                       into->n_by, from->n_by);
        return -1;
    }
    const char *what = NULL;
    if (sum_overflows(into->total.applications, from->total.applications))
        what = "applications";
    else if (sum_overflows(into->total.granted, from->total.granted))
        what = "granted";
    else if (sum_overflows(into->total.applied, from->total.applied))
        what = "amount_applied";
    else if (sum_overflows(into->total.amount, from->total.amount))
        what = "amount_granted";
    if (what != NULL) {
        fs_host->error(ctx, "the sum of %s in %s would overflow", what,
                       fs_host->scope_name(ctx));
        return -1;
    }
    for (size_t k = 0; k < from->n_by; k++) {
        const fs_breakdown *fb = &from->by[k];
        fs_breakdown *ib = &into->by[k];
        for (size_t v = 0; v < fb->values.size; v++) {
            uint32_t i = jvp_map_intern(&ib->values, fb->values.keys[v], fb->values.lengths[v], NULL);
            if (i == (uint32_t)-1) {
                fs_host->error(ctx, "out of memory");
                return -1;
            }
            fs_breakdown_reserve(ib, ib->values.size);
            for (int g = 0; g < JV_GENDERS; g++)
                fs_cell_add(&ib->splits[i].cells[g], &fb->splits[v].cells[g]);
        }
    }
    for (int g = 0; g < JV_GENDERS; g++)
        fs_cell_add(&into->split.cells[g], &from->split.cells[g]);
    fs_cell_add(&into->total, &from->total);
    into->applied_rows += from->applied_rows;
    return 0;
}

/* --- configure ---------------------------------------------------------- */

static void instance_free(fs_instance *instance)
{
    if (instance == NULL)
        return;
    for (size_t k = 0; k < instance->n_by; k++)
        fs_host->free(instance->by[k]);
    fs_host->free(instance->by);
    fs_host->free(instance->by_column);
    fs_host->free(instance);
}

static int fs_configure(jv_ctx *ctx, void **out)
{
    size_t n = fs_host->param_list_size(ctx, "by");
    fs_instance *instance = fs_host->alloc0(sizeof *instance);
    instance->by = fs_host->alloc0((n ? n : 1) * sizeof *instance->by);
    instance->by_column = fs_host->alloc0((n ? n : 1) * sizeof *instance->by_column);
    for (size_t k = 0; k < n; k++) {
        const char *name = fs_host->param_list_item(ctx, "by", k);
        if (name == NULL) {
            fs_host->error(ctx, "params.by[%zu] is not a column name", k);
            goto fail;
        }
        for (size_t j = 0; j < k; j++) {
            if (strcmp(instance->by[j], name) == 0) {
                fs_host->error(ctx, "params.by names column '%s' twice", name);
                goto fail;
            }
        }
        int column = fs_host->add_role(ctx, 0, name, JV_TYPE_CATEGORY,
                                       JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE);
        if (column < 0)
            goto fail;
        instance->by[k] = fs_host->strdup(name);
        instance->by_column[k] = column;
        instance->n_by = k + 1;
    }
    *out = instance;
    return 0;
fail:
    instance_free(instance);
    return -1;
}

static void fs_release(jv_ctx *ctx, void *instance)
{
    instance_free(instance);
}

/* --- init, consume, merge, pool, destroy -------------------------------- */

static void *fs_init(jv_ctx *ctx)
{
    return fs_state_new(ctx);
}

static void fs_destroy(jv_ctx *ctx, void *state)
{
    fs_state_free(state);
}

/* "1500", "0.25": a fixed-point value as the user wrote it. */
static void format_fixed(char *buf, size_t size, int64_t value)
{
    int64_t whole = value / JV_FIXED_SCALE, frac = value % JV_FIXED_SCALE;
    if (frac == 0) {
        snprintf(buf, size, "%lld", (long long)whole);
        return;
    }
    int n = snprintf(buf, size, "%lld.%04lld", (long long)whole, (long long)frac);
    while (n > 0 && (size_t)n < size && buf[n - 1] == '0')
        buf[--n] = '\0';
}

static int check_columns(jv_ctx *ctx, const fs_instance *instance, const jv_batch *batch)
{
    size_t need = FS_N_ROLES;
    for (size_t k = 0; instance && k < instance->n_by; k++)
        if ((size_t)instance->by_column[k] + 1 > need)
            need = (size_t)instance->by_column[k] + 1;
    const jv_column *c = batch->columns;
    if (batch->n_columns < need || c[FS_GENDER].codes == NULL ||
        c[FS_AMOUNT_GRANTED].numbers == NULL ||
        (c[FS_AMOUNT_APPLIED].present && c[FS_AMOUNT_APPLIED].numbers == NULL) ||
        (c[FS_DECISION].present && c[FS_DECISION].codes == NULL)) {
        fs_host->error(ctx, "batch of table 'funding' lacks the columns of its roles");
        return -1;
    }
    return 0;
}

/* Brings each breakdown's translation up to date with the batch's
 * dictionary and reserves its splits, so the row loop only indexes. */
static int prepare_breakdowns(jv_ctx *ctx, const fs_instance *instance, fs_state *state,
                              const jv_batch *batch)
{
    for (size_t k = 0; k < state->n_by; k++) {
        const jv_column *column = &batch->columns[instance->by_column[k]];
        fs_breakdown *b = &state->by[k];
        if (column->codes == NULL || column->dict == NULL) {
            fs_host->error(ctx, "breakdown column '%s' has no dictionary", instance->by[k]);
            return -1;
        }
        const uint32_t *to_index = jvp_translate(&b->translation, &b->values, column);
        if (to_index == NULL && column->dict->size > 0) {
            fs_host->error(ctx, "out of memory");
            return -1;
        }
        fs_breakdown_reserve(b, b->values.size);
        b->batch_codes = column->codes;
        b->batch_index = to_index;
        b->batch_size = column->dict->size;
    }
    return 0;
}

enum { ROW_OK, ROW_REJECTED_WITH_MONEY, ROW_GRANTED_OVERFLOW, ROW_APPLIED_OVERFLOW };

/* Reports a bad row; 1 when the row is to be skipped, 0 when consume fails. */
static int report_row(jv_ctx *ctx, const jv_batch *batch, size_t row, int problem,
                      int64_t amount)
{
    if (problem == ROW_REJECTED_WITH_MONEY) {
        char value[32];
        format_fixed(value, sizeof value, amount);
        return fs_host->row_error(ctx, batch, row, FS_DECISION,
                                  "the decision is rejected but amount_granted is %s "
                                  "(a rejected application is granted 0)",
                                  value);
    }
    int granted = problem == ROW_GRANTED_OVERFLOW;
    return fs_host->row_error(ctx, batch, row, granted ? FS_AMOUNT_GRANTED : FS_AMOUNT_APPLIED,
                              "the sum of %s would overflow",
                              granted ? "amount_granted" : "amount_applied");
}

static int fs_consume(jv_ctx *ctx, void *state_, const jv_batch *batch)
{
    fs_state *state = state_;
    const fs_instance *instance = fs_host->instance(ctx);
    if (batch->table != 0 || batch->n_rows == 0)
        return 0;
    if (check_columns(ctx, instance, batch) != 0 ||
        prepare_breakdowns(ctx, instance, state, batch) != 0)
        return -1;

    const jv_column *columns = batch->columns;
    const uint32_t *genders = columns[FS_GENDER].codes;
    const int64_t *amounts = columns[FS_AMOUNT_GRANTED].numbers;
    const jv_column *ac = &columns[FS_AMOUNT_APPLIED];
    const int64_t *applied = ac->present ? ac->numbers : NULL;
    const uint8_t *applied_missing = ac->missing;
    const jv_column *dc = &columns[FS_DECISION];
    const uint32_t *decisions = dc->present ? dc->codes : NULL;
    const uint8_t *decision_missing = dc->missing;
    const size_t n_by = state->n_by;
    fs_breakdown *by = state->by;

    fs_cell total = state->total;
    int64_t applied_rows = state->applied_rows;
    int status = 0;
    for (size_t i = 0; i < batch->n_rows; i++) {
        uint32_t g = genders[i];
        int64_t amount = amounts[i];
        int has_applied = applied != NULL && !(applied_missing && applied_missing[i]);
        int64_t amount_applied = has_applied ? applied[i] : 0;
        int granted = amount > 0;
        int problem = ROW_OK;
        if (decisions != NULL && !(decision_missing && decision_missing[i])) {
            granted = decisions[i] != FS_DECISION_REJECTED;
            if (!granted && amount > 0)
                problem = ROW_REJECTED_WITH_MONEY;
        }
        if (problem == ROW_OK && (amount < 0 || sum_overflows(total.amount, amount)))
            problem = ROW_GRANTED_OVERFLOW;
        if (problem == ROW_OK &&
            (amount_applied < 0 || sum_overflows(total.applied, amount_applied)))
            problem = ROW_APPLIED_OVERFLOW;
        if (problem != ROW_OK) {
            if (report_row(ctx, batch, i, problem, amount))
                continue;
            status = -1;
            break;
        }
        if (g >= JV_GENDERS) {
            fs_host->error(ctx, "gender code %u out of range", (unsigned)g);
            status = -1;
            break;
        }
        total.applications++;
        total.granted += granted;
        total.applied += amount_applied;
        total.amount += amount;
        applied_rows += has_applied;

        fs_cell *cell = &state->split.cells[g];
        cell->applications++;
        cell->granted += granted;
        cell->applied += amount_applied;
        cell->amount += amount;
        for (size_t k = 0; k < n_by; k++) {
            uint32_t code = by[k].batch_codes[i];
            if (code >= by[k].batch_size) {
                fs_host->error(ctx, "category code %u out of range", (unsigned)code);
                status = -1;
                break;
            }
            cell = &by[k].splits[by[k].batch_index[code]].cells[g];
            cell->applications++;
            cell->granted += granted;
            cell->applied += amount_applied;
            cell->amount += amount;
        }
        if (status != 0)
            break;
    }
    state->total = total;
    state->applied_rows = applied_rows;
    return status;
}

static int fs_merge(jv_ctx *ctx, void *into, const void *from)
{
    return fs_state_add(ctx, into, from);
}

static int fs_pool(jv_ctx *ctx, void *total, const void *region)
{
    return fs_state_add(ctx, total, region);
}

/* --- descriptor --------------------------------------------------------- */

static const jv_role fs_roles[FS_N_ROLES] = {
    [FS_GENDER] = {"gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL,
                   "gender of the person leading the recipient (company or project)"},
    [FS_AMOUNT_GRANTED] = {"amount_granted", JV_TYPE_NUMBER,
                           JV_ROLE_REQUIRED | JV_ROLE_NONNEGATIVE, NULL,
                           "money granted (0 when rejected)"},
    [FS_AMOUNT_APPLIED] = {"amount_applied", JV_TYPE_NUMBER, JV_ROLE_NONNEGATIVE, NULL,
                           "money applied for"},
    [FS_DECISION] = {"decision", JV_TYPE_CATEGORY, 0,
                     "granted=beviljad,beviljat|rejected=avslag,avslaget,avslagen",
                     "granted or rejected; empty or absent: granted iff amount_granted > 0"},
};

static const jv_table_spec fs_tables[] = {
    {"funding", 1, fs_roles, FS_N_ROLES},
};

static const jv_param_spec fs_params[] = {
    {"by", JV_PARAM_STRING_LIST, "[]",
     "columns to break every figure down by, e.g. [\"programme\", \"sector\"]"},
};

/* ABI 1.1: what reports call the indicator, and the unit of each key. */
static const jv_translation fs_texts[] = {
    {.lang = "en", .title = "Funding: applications and money granted"},
    {.lang = "sv", .title = "Finansiering: ansökningar och beviljade medel"},
    {.lang = NULL},
};

static const jv_key_unit fs_units[] = {
    {"applications", JV_UNIT_COUNT},
    {"granted", JV_UNIT_COUNT},
    {"amount_applied", JV_UNIT_AMOUNT},
    {"amount_granted", JV_UNIT_AMOUNT},
    {"approval_rate", JV_UNIT_SHARE},
    {"approval_rate_ci", JV_UNIT_SHARE},
    {"mean_granted", JV_UNIT_AMOUNT},
    {"grant_ratio", JV_UNIT_SHARE},
    {"approval_gap", JV_UNIT_POINTS},
    {"women_share_amount_granted", JV_UNIT_SHARE},
    {NULL, 0},
};

static const jv_plugin fs_plugin = {
    .abi_major = JV_ABI_MAJOR,
    .abi_minor = JV_ABI_MINOR,
    .struct_size = sizeof(jv_plugin),
    .name = "funding_share",
    .version = "1.0.0",
    .summary = "who gets the growth money: applications, approvals and money granted by gender",
    .tables = fs_tables,
    .n_tables = 1,
    .params = fs_params,
    .n_params = 1,
    .configure = fs_configure,
    .release = fs_release,
    .init = fs_init,
    .consume = fs_consume,
    .merge = fs_merge,
    .pool = fs_pool,
    .cells = fs_cells,
    .finish = fs_finish,
    .destroy = fs_destroy,
    .save = fs_save,
    .load = fs_load,
    .texts = fs_texts,
    .units = fs_units,
};

const jv_plugin *jamvikt_plugin_entry(const jv_host *host);

const jv_plugin *jamvikt_plugin_entry(const jv_host *host)
{
    fs_host = host;
    return &fs_plugin;
}
