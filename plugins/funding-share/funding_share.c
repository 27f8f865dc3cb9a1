/* plugins/funding-share/funding_share.c — the funding_share indicator: who
 * gets the growth money (INDICATORS.md "funding_share"). This file holds the
 * descriptor, configure() (one breakdown role per params.by column), consume
 * and the state's other callbacks, which are the host's gender tally
 * (jamvikt/tally.h); results are written by funding_share_result.c.
 *
 * Contract kept here:
 *  1. A row counts as granted by its decision; with an empty decision or no
 *     decision column, iff amount_granted > 0. A rejected row with
 *     amount_granted > 0 is a data error on the decision cell.
 *  2. Sums are exact 64-bit fixed-point integers; a sum that would overflow
 *     is a data error naming the cell (tally_add) or an error (merge, pool).
 *  3. consume() allocates nothing per row: it fills one batch's values in
 *     one buffer, and the tally translates each breakdown dictionary once
 *     per new entry (batch.h rule 5).
 *  4. merge and pool are the same exact addition (tally.h rule 4), so the
 *     result does not depend on how rows were split over chunks, threads or
 *     regions.
 *  5. The saved state is {"format": 2, "tally": <tally_save>}; a state of
 *     another format is refused with what to do.
 */
#include "funding_share.h"

#include <stdio.h>
#include <string.h>

#define FS_SAVE_FORMAT 2

const jv_host *fs_host;

/* --- the tally's spec ---------------------------------------------------- */

static const jv_measure fs_measures[FS_N_MEASURES] = {
    [FS_APPLICATIONS] = {.name = "applications", .column = -1, .flags = JV_MEASURE_PROTECTED},
    [FS_GRANTED] = {.name = "granted",
                    .column = FS_DECISION,
                    .flags = JV_MEASURE_PROTECTED,
                    .at_most = "applications"},
    [FS_APPLIED] = {.name = "amount_applied", .column = FS_AMOUNT_APPLIED},
    [FS_AMOUNT] = {.name = "amount_granted", .column = FS_AMOUNT_GRANTED},
    [FS_APPLIED_ROWS] = {.name = "applied_rows",
                         .column = FS_AMOUNT_APPLIED,
                         .at_most = "applications"},
};

static const jv_tally_spec fs_spec = {
    .measures = fs_measures,
    .n_measures = FS_N_MEASURES,
    .table = 0,
    .gender_column = FS_GENDER,
};

/* --- configure ---------------------------------------------------------- */

static void instance_free(fs_instance *instance)
{
    if (instance == NULL)
        return;
    fs_host->free(instance->by);
    fs_host->free(instance->by_column);
    fs_host->free(instance);
}

static int fs_configure(jv_ctx *ctx, void **out)
{
    fs_instance *instance = fs_host->alloc0(sizeof *instance);
    int n = fs_host->param_columns(ctx, "by", 0, NULL, 0, &instance->by, &instance->by_column);
    if (n < 0) {
        instance_free(instance);
        return -1;
    }
    instance->n_by = (size_t)n;
    *out = instance;
    return 0;
}

static void fs_release(jv_ctx *ctx, void *instance)
{
    (void)ctx;
    instance_free(instance);
}

/* --- the state: the tally itself ---------------------------------------- */

static void *fs_init(jv_ctx *ctx)
{
    const fs_instance *instance = fs_host->instance(ctx);
    return fs_host->tally_new(ctx, &fs_spec, instance->n_by, (const char *const *)instance->by,
                              instance->by_column);
}

static void fs_destroy(jv_ctx *ctx, void *tally)
{
    (void)ctx;
    fs_host->tally_free(tally);
}

static int fs_merge(jv_ctx *ctx, void *into, const void *from)
{
    return fs_host->tally_merge(ctx, into, from);
}

static int fs_cells(jv_ctx *ctx, const void *tally, jv_cells *cells)
{
    return fs_host->tally_declare(ctx, tally, cells);
}

/* --- consume ---------------------------------------------------------------- */

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
    for (size_t k = 0; k < instance->n_by; k++)
        if ((size_t)instance->by_column[k] + 1 > need)
            need = (size_t)instance->by_column[k] + 1;
    const jv_column *c = batch->columns;
    if (batch->n_columns < need || c[FS_AMOUNT_GRANTED].numbers == NULL ||
        (c[FS_AMOUNT_APPLIED].present && c[FS_AMOUNT_APPLIED].numbers == NULL) ||
        (c[FS_DECISION].present && c[FS_DECISION].codes == NULL)) {
        fs_host->error(ctx, "batch of table 'funding' lacks the columns of its roles");
        return -1;
    }
    return 0;
}

/* Fills values (FS_N_MEASURES a row) and skip for the batch's rows; -1 when
 * a row breaks rule 1 and the table's on_error is not "skip". */
static int fill_values(jv_ctx *ctx, const jv_batch *batch, int64_t *values, uint8_t *skip)
{
    const jv_column *columns = batch->columns;
    const int64_t *amounts = columns[FS_AMOUNT_GRANTED].numbers;
    const jv_column *ac = &columns[FS_AMOUNT_APPLIED], *dc = &columns[FS_DECISION];
    const int64_t *applied = ac->present ? ac->numbers : NULL;
    const uint32_t *decisions = dc->present ? dc->codes : NULL;
    for (size_t i = 0; i < batch->n_rows; i++) {
        int64_t *v = values + i * FS_N_MEASURES;
        int has_applied = applied != NULL && !(ac->missing && ac->missing[i]);
        int granted = amounts[i] > 0;
        if (decisions != NULL && !(dc->missing && dc->missing[i]))
            granted = decisions[i] != FS_DECISION_REJECTED;
        if (!granted && amounts[i] > 0) { /* rejected, yet money granted */
            char value[32];
            format_fixed(value, sizeof value, amounts[i]);
            if (!fs_host->row_error(ctx, batch, i, FS_DECISION,
                                    "the decision is rejected but amount_granted is %s "
                                    "(a rejected application is granted 0)",
                                    value))
                return -1;
            skip[i] = 1;
        }
        v[FS_APPLICATIONS] = 1;
        v[FS_GRANTED] = granted;
        v[FS_APPLIED] = has_applied ? applied[i] : 0;
        v[FS_AMOUNT] = amounts[i];
        v[FS_APPLIED_ROWS] = has_applied;
    }
    return 0;
}

static int fs_consume(jv_ctx *ctx, void *tally, const jv_batch *batch)
{
    if (batch->table != 0 || batch->n_rows == 0)
        return 0;
    if (check_columns(ctx, fs_host->instance(ctx), batch) != 0)
        return -1;
    /* One buffer a batch (never per row), freed at once: a finished state
     * holds nothing but its tally. */
    int64_t *values = fs_host->alloc0(batch->n_rows * FS_N_MEASURES * sizeof *values);
    uint8_t *skip = fs_host->alloc0(batch->n_rows);
    int status = fill_values(ctx, batch, values, skip);
    if (status == 0)
        status = fs_host->tally_add(ctx, tally, batch, values, skip);
    fs_host->free(values);
    fs_host->free(skip);
    return status;
}

/* --- save, load ------------------------------------------------------------- */

static int fs_save(jv_ctx *ctx, const void *tally, jv_writer *out)
{
    fs_host->put_integer(out, "format", FS_SAVE_FORMAT);
    fs_host->tally_save(ctx, tally, out, "tally");
    return 0;
}

static void *fs_load(jv_ctx *ctx, const jv_node *in)
{
    const fs_instance *instance = fs_host->instance(ctx);
    const jv_node *tally = in ? fs_host->node_get(in, "tally") : NULL;
    if (fs_host->state_format(ctx, in, "funding_share", FS_SAVE_FORMAT, -1) != 0)
        return NULL;
    if (tally == NULL) {
        fs_host->error(ctx, "saved state of funding_share has no \"tally\"");
        return NULL;
    }
    return fs_host->tally_load(ctx, &fs_spec, instance->n_by, (const char *const *)instance->by,
                               instance->by_column, tally);
}

/* --- descriptor --------------------------------------------------------- */

static const jv_role fs_roles[FS_N_ROLES] = {
    [FS_GENDER] = {"gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL,
                   "gender of the person leading the recipient (company or project)"},
    [FS_AMOUNT_GRANTED] = {"amount_granted", JV_TYPE_NUMBER, JV_ROLE_REQUIRED | JV_ROLE_NONNEGATIVE,
                           NULL, "money granted (0 when rejected)"},
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

JV_PLUGIN_DEFINE(fs_host, fs_plugin) = {
    JV_PLUGIN_ABI,
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
    .pool = fs_merge, /* applications are rows, not persons: pooling is the same sum */
    .cells = fs_cells,
    .finish = fs_finish,
    .destroy = fs_destroy,
    .save = fs_save,
    .load = fs_load,
    .texts = fs_texts,
    .units = fs_units,
};
