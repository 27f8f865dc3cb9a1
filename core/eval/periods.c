/* core/eval/periods.c — the states of each period (DESIGN.md "Periods (year
 * over year)"). While reading, chunk_read.c hands every row of a file that
 * has the period column to its all-periods state and to its period's state;
 * here those period states are merged per region like the all-periods ones
 * (merge() is exact, so a period's state is what a run over that period's
 * rows builds). Rows of the tables an indicator reads besides its main one
 * (population) that lack the column are kept as one "secondary" state per
 * region and merged into every period's state once the periods are known.
 * The total's period states are pooled from the regions' like the total's.
 * An indicator is evaluated per period when a file of its main table has
 * the column. */
#include "eval/run_internal.h"
#include "util/i18n.h"

#include <string.h>

jv_period_part *jv_period_part_new(jv_run *run, const char *value)
{
    size_t n = run->indicators->len;
    jv_period_part *part = g_new0(jv_period_part, 1);
    part->value = g_strdup(value);
    part->states = g_new0(void *, n ? n : 1);
    part->rows = g_new0(guint64, n ? n : 1);
    part->skipped = g_new0(guint64, n ? n : 1);
    return part;
}

static void destroy_state(jv_run *run, guint i, void *state, int scope, const char *name)
{
    if (state == NULL)
        return;
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope, name, &run->plugin_options);
    ind->desc->destroy(&ctx, state);
    jv_ctx_clear_error(&ctx);
}

void jv_period_part_free(jv_run *run, jv_period_part *part, int scope, const char *scope_name)
{
    if (part == NULL)
        return;
    for (guint i = 0; i < run->indicators->len; i++)
        destroy_state(run, i, part->states[i], scope, scope_name);
    g_free(part->states);
    g_free(part->rows);
    g_free(part->skipped);
    g_free(part->value);
    g_free(part);
}

void jv_periods_clear_scope(jv_run *run, jv_scope *scope)
{
    if (scope->parts != NULL) {
        for (guint k = 0; k < scope->parts->len; k++)
            jv_period_part_free(run, g_ptr_array_index(scope->parts, k), scope->index,
                                scope->name);
        g_ptr_array_unref(scope->parts);
        scope->parts = NULL;
    }
    if (scope->secondary != NULL) {
        for (guint i = 0; i < run->indicators->len; i++)
            destroy_state(run, i, scope->secondary[i], scope->index, scope->name);
        g_free(scope->secondary);
        scope->secondary = NULL;
    }
}

/* *state = init() in `scope`. */
static gboolean new_state(jv_run *run, guint i, int scope, const char *name, void **state,
                          GError **error)
{
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope, name, &run->plugin_options);
    *state = ind->desc->init(&ctx);
    if (*state == NULL)
        jv_ctx_set_gerror(&ctx, "init() returned no state", error);
    jv_ctx_clear_error(&ctx);
    return *state != NULL;
}

/* `from` joined into *into (taken over when *into is empty). */
static gboolean join(jv_run *run, guint i, jv_scope *scope, void **into, void **from,
                     gboolean take, GError **error)
{
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
    gboolean ok = TRUE;
    if (*into == NULL && take) {
        *into = *from;
        *from = NULL;
    } else {
        if (*into == NULL)
            ok = new_state(run, i, scope->index, scope->name, into, error);
        if (ok && ind->desc->merge(&ctx, *into, *from) != 0)
            ok = jv_run_callback_failed(run, i, &ctx, "merge() failed without a message", error);
    }
    jv_ctx_clear_error(&ctx);
    return ok;
}

static jv_period_part *find_part(GPtrArray *parts, const char *value)
{
    for (guint k = 0; k < parts->len; k++) {
        jv_period_part *part = g_ptr_array_index(parts, k);
        if (part != NULL && strcmp(part->value, value) == 0)
            return part;
    }
    return NULL;
}

gboolean jv_periods_merge_chunk(jv_run *run, const jv_chunk *chunk, jv_chunk_scope *cs,
                                jv_scope *scope, GError **error)
{
    if (run->evaluation->periods_column == NULL)
        return TRUE;
    guint n = run->indicators->len;
    if (scope->parts == NULL)
        scope->parts = g_ptr_array_new();
    if (scope->secondary == NULL)
        scope->secondary = g_new0(void *, n ? n : 1);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < n && !chunk->has_period; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (cs->states[i] != NULL && !ind->failed &&
            jv_plugin_table_index(ind->desc, chunk->pass->table) > 0)
            ok = join(run, i, scope, &scope->secondary[i], &cs->states[i], FALSE, error);
    }
    for (guint k = 0; ok && k < cs->parts->len; k++) {
        jv_period_part *from = g_ptr_array_index(cs->parts, k);
        if (from == NULL)
            continue;
        jv_period_part *into = find_part(scope->parts, from->value);
        if (into == NULL) {
            g_ptr_array_add(scope->parts, from);
            g_ptr_array_index(cs->parts, k) = NULL;
            continue;
        }
        for (guint i = 0; ok && i < n; i++) {
            into->rows[i] += from->rows[i];
            into->skipped[i] += from->skipped[i];
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            if (from->states[i] != NULL && !ind->failed)
                ok = join(run, i, scope, &into->states[i], &from->states[i], TRUE, error);
        }
    }
    return ok;
}

static gint compare_values(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The periods: as listed, else every value any region has, sorted; more
 * than JV_MAX_PERIODS is an error (the same whatever the chunks: a chunk
 * overflows only when the whole run has too many). */
static gboolean decide_periods(jv_run *run, GError **error)
{
    run->periods = g_ptr_array_new_with_free_func(g_free);
    const GPtrArray *listed = run->evaluation->period_values;
    if (listed != NULL) {
        for (guint k = 0; k < listed->len; k++)
            g_ptr_array_add(run->periods, g_strdup(g_ptr_array_index(listed, k)));
        return TRUE;
    }
    gboolean overflow = FALSE;
    for (guint c = 0; c < run->chunks->len; c++)
        overflow = overflow || ((jv_chunk *)g_ptr_array_index(run->chunks, c))->period_overflow;
    for (size_t r = 0; r < run->n_regions; r++) {
        GPtrArray *parts = run->regions[r].parts;
        for (guint k = 0; parts != NULL && k < parts->len; k++) {
            const char *value = ((jv_period_part *)g_ptr_array_index(parts, k))->value;
            gboolean seen = FALSE;
            for (guint j = 0; !seen && j < run->periods->len; j++)
                seen = strcmp(g_ptr_array_index(run->periods, j), value) == 0;
            if (!seen)
                g_ptr_array_add(run->periods, g_strdup(value));
        }
    }
    g_ptr_array_sort(run->periods, compare_values);
    if (overflow || run->periods->len > JV_MAX_PERIODS) {
        g_set_error(error, JV_RUN_ERROR, 0,
                    _("%s: periods.column '%s' has more than %d different values; periods are "
                      "meant for years or quarters (a column of identifiers or dates?): choose "
                      "another column, or list the periods in periods.values"),
                    run->evaluation->path, run->evaluation->periods_column, JV_MAX_PERIODS);
        return FALSE;
    }
    return TRUE;
}

/* Which indicators have periods: a file of their main table has the
 * column. Also the warnings about rows without a period, per file. */
static void decide_periodised(jv_run *run)
{
    guint n = run->indicators->len;
    run->periodised = g_new0(gboolean, n ? n : 1);
    const char *column = run->evaluation->periods_column;
    gboolean *has = g_new0(gboolean, run->passes->len + 1);
    guint64 *without = g_new0(guint64, run->passes->len + 1);
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        for (guint c = 0; c < pass->n_chunks && !pass->missing; c++) {
            const jv_chunk *chunk = g_ptr_array_index(run->chunks, pass->first_chunk + c);
            has[p] = has[p] || chunk->has_period;
            without[p] += chunk->no_period;
        }
        for (guint i = 0; i < n; i++) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            if (jv_plugin_table_index(ind->desc, pass->table) == 0)
                run->periodised[i] = run->periodised[i] || has[p];
        }
    }
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        gboolean main_table = FALSE; /* of an indicator that has periods */
        for (guint i = 0; i < n; i++) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            main_table = main_table || (run->periodised[i] &&
                                        jv_plugin_table_index(ind->desc, pass->table) == 0);
        }
        if (pass->missing || !main_table)
            continue;
        GPtrArray *into = pass->region >= 0 ? run->regions[pass->region].warnings : run->warnings;
        char *file = jv_run_display_path(run, pass->path);
        const char *where = pass->region >= 0 ? run->regions[pass->region].name : NULL;
        char *prefix = where != NULL ? g_strdup_printf("%s: ", where) : g_strdup("");
        if (has[p] && without[p] > 0)
            g_ptr_array_add(into, g_strdup_printf(
                "%s%s: %" G_GUINT64_FORMAT " row%s without a period (column '%s' empty%s): "
                "counted in the all-periods results only", prefix, file, without[p],
                without[p] == 1 ? "" : "s", column,
                run->evaluation->period_values ? " or not among periods.values" : ""));
        else if (!has[p] && pass->rows > 0)
            g_ptr_array_add(into, g_strdup_printf(
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
static gboolean settle_region(jv_run *run, jv_scope *scope, GError **error)
{
    GPtrArray *found = scope->parts != NULL ? scope->parts : g_ptr_array_new();
    if (scope->secondary == NULL)
        scope->secondary = g_new0(void *, run->indicators->len ? run->indicators->len : 1);
    GPtrArray *parts = g_ptr_array_new();
    gboolean ok = TRUE;
    for (guint k = 0; k < run->periods->len; k++) {
        const char *value = g_ptr_array_index(run->periods, k);
        jv_period_part *part = find_part(found, value);
        if (part != NULL)
            g_ptr_array_remove(found, part);
        else
            part = jv_period_part_new(run, value);
        g_ptr_array_add(parts, part);
        for (guint i = 0; i < run->indicators->len; i++) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            if (!run->periodised[i] || ind->failed ||
                scope->outcomes[i].status != JV_STATUS_OK) {
                destroy_state(run, i, part->states[i], scope->index, scope->name);
                part->states[i] = NULL;
                continue;
            }
            if (ok && scope->secondary[i] == NULL)
                ok = new_state(run, i, scope->index, scope->name, &scope->secondary[i], error);
            if (ok && part->states[i] == NULL)
                ok = new_state(run, i, scope->index, scope->name, &part->states[i], error);
            if (ok)
                ok = join(run, i, scope, &part->states[i], &scope->secondary[i], FALSE, error);
        }
    }
    /* The base states stay (saved states carry them, so that `merge` can
     * give a region a period it had no rows in); the rest goes. */
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (!run->periodised[i] || ind->failed || scope->outcomes[i].status != JV_STATUS_OK) {
            destroy_state(run, i, scope->secondary[i], scope->index, scope->name);
            scope->secondary[i] = NULL;
        }
    }
    for (guint k = 0; k < found->len; k++) /* unlisted periods */
        jv_period_part_free(run, g_ptr_array_index(found, k), scope->index, scope->name);
    g_ptr_array_unref(found);
    scope->parts = parts;
    return ok;
}

gboolean jv_periods_settle(jv_run *run, GError **error)
{
    if (run->evaluation->periods_column == NULL)
        return TRUE;
    if (!decide_periods(run, error))
        return FALSE;
    decide_periodised(run);
    for (size_t r = 0; r < run->n_regions; r++)
        if (!settle_region(run, &run->regions[r], error))
            return FALSE;
    return TRUE;
}

gboolean jv_periods_pool(jv_run *run, GError **error)
{
    if (run->periods == NULL)
        return TRUE;
    jv_scope *total = &run->total;
    total->parts = g_ptr_array_new();
    for (guint k = 0; k < run->periods->len; k++) {
        jv_period_part *part = jv_period_part_new(run, g_ptr_array_index(run->periods, k));
        g_ptr_array_add(total->parts, part);
        for (guint i = 0; i < run->indicators->len; i++) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            if (!run->periodised[i] || ind->failed)
                continue;
            if (!new_state(run, i, JV_SCOPE_TOTAL, "total", &part->states[i], error))
                return FALSE;
            jv_ctx ctx; /* warnings dropped: the all-periods pool gave them */
            jv_ctx_init(&ctx, ind, JV_SCOPE_TOTAL, "total", &run->plugin_options);
            for (size_t r = 0; r < run->n_regions && !ind->failed; r++) {
                jv_period_part *region = g_ptr_array_index(run->regions[r].parts, k);
                if (run->regions[r].outcomes[i].status != JV_STATUS_OK || region->states[i] == NULL)
                    continue;
                part->rows[i] += region->rows[i];
                part->skipped[i] += region->skipped[i];
                if (ind->desc->pool(&ctx, part->states[i], region->states[i]) != 0 &&
                    !jv_run_callback_failed(run, i, &ctx, "pool() failed without a message", error))
                    return FALSE;
            }
            jv_ctx_clear_error(&ctx);
        }
    }
    return TRUE;
}

int jv_periods_cells(jv_run *run, guint i, jv_scope *scope, jv_disclosure *d, GError **error)
{
    if (run->periods == NULL || !run->periodised[i] || scope->parts == NULL)
        return 0;
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    for (guint k = 0; k < scope->parts->len; k++) {
        jv_period_part *part = g_ptr_array_index(scope->parts, k);
        if (part->states[i] == NULL)
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
        ctx.period = (int)k;
        if (ind->desc->cells(&ctx, part->states[i],
                             jv_disclosure_period_scope(d, scope->index, (int)k)) != 0)
            return jv_run_callback_failed(run, i, &ctx, "cells() failed without a message",
                                          error) ? 1 : -1;
        jv_ctx_clear_error(&ctx);
    }
    return 0;
}
