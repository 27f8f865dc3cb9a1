/* core/eval/periods.c — the states of each period (DESIGN.md "Periods (year
 * over year)"). While reading, chunk_read.c hands every row of a file that
 * has the period column to its all-periods state and to its period's state,
 * and read_tasks.c merges those period states per region like the
 * all-periods ones (merge() is exact, so a period's state is what a run over that period's
 * rows builds). Rows of the tables an indicator reads besides its main one
 * (population) that lack the column are kept as one "secondary" state per
 * region and merged into every period's state once the periods are known.
 * The total's period states are pooled from the regions' like the total's.
 * An indicator is evaluated per period when a file of its main table has
 * the column. */
#include "eval/periods.h"
#include "util/i18n.h"

#include <string.h>

static gint compare_values(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The periods: as listed, else every value any region has, sorted; more
 * than JV_MAX_PERIODS is an error (the same whatever the chunks: a chunk
 * overflows only when the whole run has too many). */
static gboolean decide_periods(jv_outcomes *out, GError **error)
{
    out->periods = g_ptr_array_new_with_free_func(g_free);
    const GPtrArray *listed = out->plan->evaluation->period_values;
    if (listed != NULL) {
        for (guint k = 0; k < listed->len; k++)
            g_ptr_array_add(out->periods, g_strdup(g_ptr_array_index(listed, k)));
        return TRUE;
    }
    gboolean overflow = out->period_overflow;
    for (size_t r = 0; r < out->n_regions; r++) {
        GPtrArray *parts = out->regions[r].parts;
        for (guint k = 0; parts != NULL && k < parts->len; k++) {
            const char *value = ((jv_period_part *)g_ptr_array_index(parts, k))->value;
            gboolean seen = FALSE;
            for (guint j = 0; !seen && j < out->periods->len; j++)
                seen = strcmp(g_ptr_array_index(out->periods, j), value) == 0;
            if (!seen)
                g_ptr_array_add(out->periods, g_strdup(value));
        }
    }
    g_ptr_array_sort(out->periods, compare_values);
    if (overflow || out->periods->len > JV_MAX_PERIODS) {
        g_set_error(error, JV_RUN_ERROR, 0,
                    _("%s: periods.column '%s' has more than %d different values; periods are "
                      "meant for years or quarters (a column of identifiers or dates?): choose "
                      "another column, or list the periods in periods.values"),
                    out->plan->evaluation->path, out->plan->evaluation->periods_column,
                    JV_MAX_PERIODS);
        return FALSE;
    }
    return TRUE;
}

/* Which indicators have periods: a file of their main table has the
 * column. Also the warnings about rows without a period, per file. */
static void decide_periodised(jv_outcomes *out)
{
    guint n = out->plan->indicators->len;
    out->periodised = g_new0(gboolean, n ? n : 1);
    const char *column = out->plan->evaluation->periods_column;
    gboolean *has = g_new0(gboolean, out->plan->passes->len + 1);
    guint64 *without = g_new0(guint64, out->plan->passes->len + 1);
    for (guint p = 0; p < out->plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(out->plan->passes, p);
        has[p] = out->passes[p].has_period;
        without[p] = out->passes[p].no_period;
        for (guint i = 0; i < n; i++) {
            jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
            if (jv_plugin_table_index(ind->desc, pass->table) == 0)
                out->periodised[i] = out->periodised[i] || has[p];
        }
    }
    for (guint p = 0; p < out->plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(out->plan->passes, p);
        gboolean main_table = FALSE; /* of an indicator that has periods */
        for (guint i = 0; i < n; i++) {
            jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
            main_table = main_table ||
                         (out->periodised[i] && jv_plugin_table_index(ind->desc, pass->table) == 0);
        }
        if (pass->missing || !main_table)
            continue;
        GPtrArray *into = pass->region >= 0 ? out->regions[pass->region].warnings : out->warnings;
        char *file = jv_plan_display_path(out->plan, pass->path);
        const char *where = pass->region >= 0 ? out->regions[pass->region].name : NULL;
        char *prefix = where != NULL ? g_strdup_printf("%s: ", where) : g_strdup("");
        if (has[p] && without[p] > 0)
            g_ptr_array_add(
                into,
                g_strdup_printf(
                    "%s%s: %" G_GUINT64_FORMAT " row%s without a period (column '%s' empty%s): "
                    "counted in the all-periods results only",
                    prefix, file, without[p], without[p] == 1 ? "" : "s", column,
                    out->plan->evaluation->period_values ? " or not among periods.values" : ""));
        else if (!has[p] && out->passes[p].rows > 0)
            g_ptr_array_add(
                into, g_strdup_printf(
                          "%s%s has no column '%s': its rows count in the all-periods results only",
                          prefix, file, column));
        g_free(prefix);
        g_free(file);
    }
    g_free(has);
    g_free(without);
}

/* One region's parts, one per period in order, each with a state for
 * every periodised indicator that ran there. */
static gboolean settle_region(jv_outcomes *out, jv_scope *scope, GError **error)
{
    GPtrArray *found = scope->parts != NULL ? scope->parts : g_ptr_array_new();
    if (scope->secondary == NULL)
        scope->secondary = g_new0(void *, MAX(out->plan->indicators->len, 1));
    GPtrArray *parts = g_ptr_array_new();
    gboolean ok = TRUE;
    for (guint k = 0; k < out->periods->len; k++) {
        const char *value = g_ptr_array_index(out->periods, k);
        jv_period_part *part = jv_period_part_find(found, value);
        if (part != NULL)
            g_ptr_array_remove(found, part);
        else
            part = jv_period_part_new(out, value);
        g_ptr_array_add(parts, part);
        for (guint i = 0; i < out->plan->indicators->len; i++) {
            if (!out->periodised[i] || out->failed[i] ||
                scope->outcomes[i].status != JV_STATUS_OK) {
                jv_outcomes_destroy_state(out, i, part->states[i], scope->index, scope->name);
                part->states[i] = NULL;
                continue;
            }
            if (ok && scope->secondary[i] == NULL)
                ok = jv_outcomes_new_state(out, i, scope->index, scope->name, &scope->secondary[i],
                                           error);
            if (ok && part->states[i] == NULL)
                ok = jv_outcomes_new_state(out, i, scope->index, scope->name, &part->states[i],
                                           error);
            if (ok)
                ok = jv_outcomes_join(out, i, scope, &part->states[i], &scope->secondary[i], FALSE,
                                      error);
        }
    }
    /* The base states stay (saved states carry them, so that `merge` can
     * give a region a period it had no rows in); the rest goes. */
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        if (!out->periodised[i] || out->failed[i] || scope->outcomes[i].status != JV_STATUS_OK) {
            jv_outcomes_destroy_state(out, i, scope->secondary[i], scope->index, scope->name);
            scope->secondary[i] = NULL;
        }
    }
    for (guint k = 0; k < found->len; k++) /* unlisted periods */
        jv_period_part_free(out, g_ptr_array_index(found, k), scope->index, scope->name);
    g_ptr_array_unref(found);
    scope->parts = parts;
    return ok;
}

gboolean jv_periods_settle(jv_outcomes *out, GError **error)
{
    if (out->plan->evaluation->periods_column == NULL)
        return TRUE;
    if (!decide_periods(out, error))
        return FALSE;
    decide_periodised(out);
    for (size_t r = 0; r < out->n_regions; r++)
        if (!settle_region(out, &out->regions[r], error))
            return FALSE;
    return TRUE;
}

gboolean jv_periods_pool(jv_outcomes *out, GError **error)
{
    if (out->periods == NULL)
        return TRUE;
    jv_scope *total = &out->total;
    total->parts = g_ptr_array_new();
    for (guint k = 0; k < out->periods->len; k++) {
        jv_period_part *part = jv_period_part_new(out, g_ptr_array_index(out->periods, k));
        g_ptr_array_add(total->parts, part);
        for (guint i = 0; i < out->plan->indicators->len; i++) {
            jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
            if (!out->periodised[i] || out->failed[i])
                continue;
            if (!jv_outcomes_new_state(out, i, JV_SCOPE_TOTAL, "total", &part->states[i], error))
                return FALSE;
            jv_ctx ctx; /* warnings dropped: the all-periods pool gave them */
            jv_ctx_init(&ctx, ind, JV_SCOPE_TOTAL, "total", &out->plan->plugin_options);
            for (size_t r = 0; r < out->n_regions && !out->failed[i]; r++) {
                jv_period_part *region = g_ptr_array_index(out->regions[r].parts, k);
                if (out->regions[r].outcomes[i].status != JV_STATUS_OK || region->states[i] == NULL)
                    continue;
                part->rows[i] += region->rows[i];
                part->skipped[i] += region->skipped[i];
                if (ind->desc->pool(&ctx, part->states[i], region->states[i]) != 0 &&
                    !jv_outcomes_callback_failed(out, i, &ctx, "pool() failed without a message",
                                                 error))
                    return FALSE;
            }
            jv_ctx_clear_error(&ctx);
        }
    }
    return TRUE;
}

int jv_periods_cells(jv_outcomes *out, guint i, jv_scope *scope, jv_disclosure *d, GError **error)
{
    if (out->periods == NULL || !out->periodised[i] || scope->parts == NULL)
        return 0;
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    for (guint k = 0; k < scope->parts->len; k++) {
        jv_period_part *part = g_ptr_array_index(scope->parts, k);
        if (part->states[i] == NULL)
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
        ctx.period = (int)k;
        if (ind->desc->cells(&ctx, part->states[i],
                             jv_disclosure_period_scope(d, scope->index, (int)k)) != 0)
            return jv_outcomes_callback_failed(out, i, &ctx, "cells() failed without a message",
                                               error)
                       ? 1
                       : -1;
        jv_ctx_clear_error(&ctx);
    }
    return 0;
}
