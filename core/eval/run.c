/* core/eval/run.c — carries out an evaluation (see run.h): binds the
 * indicators to their plugins, plans the passes and chunks, has them read
 * (read_tasks.c), accounts what was read, pools finished regions into the
 * total in region order, lets the core decide disclosure, and hands the
 * finished run to result.c. `jamvikt check` (check.c) shares the reading
 * (jv_run_read) and the pooling (jv_run_pool). */
#include "eval/run_internal.h"
#include "eval/person_level.h"

#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK(jv-run-error-quark, jv_run_error)

char *jv_run_display_path(const jv_run *run, const char *path)
{
    const char *dir = run->evaluation->dir;
    size_t n = strlen(dir);
    if (n > 0 && strcmp(dir, ".") != 0 && strncmp(path, dir, n) == 0 && path[n] == G_DIR_SEPARATOR)
        return g_strdup(path + n + 1);
    if (strcmp(dir, ".") == 0 && g_str_has_prefix(path, "./"))
        return g_strdup(path + 2);
    return g_strdup(path);
}

static gboolean bind_indicators(jv_run *run, const jv_registry *registry, GError **error)
{
    const jv_evaluation *e = run->evaluation;
    for (guint i = 0; i < e->indicators->len; i++) {
        const jv_indicator_def *def = g_ptr_array_index(e->indicators, i);
        const jv_loaded_plugin *plugin = jv_registry_find(registry, def->plugin);
        if (plugin == NULL) {
            const char *close = jv_registry_suggest(registry, def->plugin);
            GString *msg = g_string_new(NULL);
            g_string_printf(msg, "%s: %s.plugin: unknown plugin '%s'", e->path, def->json_path,
                            def->plugin);
            if (close)
                g_string_append_printf(msg, " — did you mean '%s'?", close);
            else
                g_string_append(msg, " (see `jamvikt plugins` for what is installed)");
            char *missing = jv_registry_missing(registry, def->plugin);
            if (missing != NULL)
                g_string_append_printf(msg, "\n  %s", missing);
            g_free(missing);
            for (guint r = 0; r < registry->rejections->len; r++)
                if (strstr(g_ptr_array_index(registry->rejections, r), def->plugin) != NULL)
                    g_string_append_printf(msg, "\n  a plugin was rejected: %s",
                                           (const char *)g_ptr_array_index(registry->rejections, r));
            g_set_error_literal(error, JV_RUN_ERROR, 0, msg->str);
            g_string_free(msg, TRUE);
            return FALSE;
        }
        char *where = g_strdup_printf("%s: %s", e->path, def->json_path);
        jv_indicator *ind = jv_indicator_bind(def->name, plugin, def->params, where,
                                              &run->plugin_options, error);
        g_free(where);
        if (ind == NULL)
            return FALSE;
        g_ptr_array_add(run->indicators, ind);
    }
    return TRUE;
}

void jv_scope_init(jv_run *run, jv_scope *scope, int index, const char *name,
                   const jv_region_def *region)
{
    scope->index = index;
    scope->name = g_strdup(name);
    scope->region = region;
    scope->outcomes = g_new0(jv_outcome, run->indicators->len);
    scope->warnings = g_ptr_array_new_with_free_func(g_free);
}

static void scope_clear(jv_run *run, jv_scope *scope)
{
    if (scope->outcomes == NULL)
        return;
    jv_periods_clear_scope(run, scope);
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_outcome *o = &scope->outcomes[i];
        if (o->state != NULL) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            jv_ctx ctx;
            jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
            ind->desc->destroy(&ctx, o->state);
            jv_ctx_clear_error(&ctx);
        }
        g_free(o->reason);
    }
    g_free(scope->outcomes);
    g_ptr_array_unref(scope->warnings);
    g_free(scope->name);
}

static void append_name(GString **list, const char *name)
{
    if (*list == NULL)
        *list = g_string_new(name);
    else
        g_string_append_printf(*list, ", %s", name);
}

/* A missing table file is said, not only shown as "..": once per region
 * and file, or once for a national file every region lacks. TRUE when
 * something was said. */
static gboolean say_missing(jv_run *run, const jv_pass *pass, jv_scope *scope,
                            const GString *skipped, const GString *without)
{
    if (skipped == NULL && without == NULL)
        return FALSE;
    char *display = jv_run_display_path(run, pass->path);
    GPtrArray *into = pass->region >= 0 ? scope->warnings : run->warnings;
    const char *who = pass->region >= 0 ? scope->name : "every region";
    if (skipped != NULL)
        g_ptr_array_add(into, g_strdup_printf("%s: %s not computed (skipped): no %s table, %s "
                                              "not found",
                                              who, skipped->str, pass->table, display));
    if (without != NULL)
        g_ptr_array_add(into, g_strdup_printf("%s: no %s table (%s not found): %s computed "
                                              "without it",
                                              who, pass->table, display, without->str));
    g_free(display);
    return TRUE;
}

/* What the passes add to the regions: the reader's counts and warnings,
 * skipped indicators where a table is missing, and the inputs. */
static void account_passes(jv_run *run)
{
    for (guint c = 0; c < run->chunks->len; c++) {
        jv_chunk *chunk = g_ptr_array_index(run->chunks, c);
        jv_pass *pass = chunk->pass;
        pass->rows += chunk->rows;
        pass->skipped += chunk->skipped;
        if (chunk->sha256 != NULL && pass->sha256 == NULL)
            pass->sha256 = g_strdup(chunk->sha256);
    }
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        if (!pass->missing) {
            gboolean listed = pass->region >= 0;
            jv_pass_warnings(run, pass, listed ? run->regions[pass->region].warnings : run->warnings,
                             listed ? run->regions[pass->region].name : NULL);
        }
        gboolean national_said = FALSE;
        for (size_t r = 0; r < run->n_regions; r++) {
            if (pass->region >= 0 && (size_t)pass->region != r)
                continue;
            jv_scope *scope = &run->regions[r];
            GString *skipped = NULL; /* the indicators this missing file skips */
            GString *without = NULL; /* those that go on without it */
            for (guint i = 0; i < run->indicators->len; i++) {
                jv_indicator *ind = g_ptr_array_index(run->indicators, i);
                int t = jv_plugin_table_index(ind->desc, pass->table);
                jv_outcome *o = &scope->outcomes[i];
                if (t < 0)
                    continue;
                if (t == 0 && pass->region >= 0)
                    o->skipped += pass->skipped;
                if (pass->missing && ind->desc->tables[t].required && o->status == JV_STATUS_OK) {
                    o->status = JV_STATUS_SKIPPED;
                    o->reason = g_strdup_printf("no %s table for %s: %s not found", pass->table,
                                                scope->name, pass->path);
                    append_name(&skipped, ind->name);
                } else if (pass->missing && o->status == JV_STATUS_OK) {
                    append_name(&without, ind->name);
                }
            }
            if (pass->region >= 0 || !national_said)
                national_said = say_missing(run, pass, scope, skipped, without);
            if (skipped != NULL)
                g_string_free(skipped, TRUE);
            if (without != NULL)
                g_string_free(without, TRUE);
        }
        if (pass->missing)
            continue;
        jv_input in = {pass->region >= 0 ? g_strdup(run->regions[pass->region].name) : NULL,
                       g_strdup(pass->table), jv_run_display_path(run, pass->path), pass->size,
                       g_strdup(pass->sha256)};
        g_array_append_val(run->inputs, in);
    }
}

/* Every indicator that ran in a region has a state, even without rows. */
static gboolean complete_scope_states(jv_run *run, jv_scope *scope, GError **error)
{
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_outcome *o = &scope->outcomes[i];
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (o->state != NULL || o->status != JV_STATUS_OK || ind->failed)
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
        o->state = ind->desc->init(&ctx);
        if (o->state == NULL) {
            jv_ctx_set_gerror(&ctx, "init() returned no state", error);
            jv_ctx_clear_error(&ctx);
            return FALSE;
        }
        jv_ctx_clear_error(&ctx);
    }
    return TRUE;
}

void jv_run_fail_indicator(jv_run *run, size_t i, const char *message)
{
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    if (!ind->failed) {
        ind->failed = TRUE;
        ind->failure = g_strdup(message);
    }
}

gboolean jv_run_callback_failed(jv_run *run, size_t i, jv_ctx *ctx, const char *fallback,
                                GError **error)
{
    GError *e = NULL;
    jv_ctx_set_gerror(ctx, fallback, &e);
    jv_ctx_clear_error(ctx);
    if (!run->options->keep_going) {
        g_propagate_error(error, e);
        return FALSE;
    }
    jv_run_fail_indicator(run, i, e->message);
    g_error_free(e);
    return TRUE;
}

static gboolean pool_regions(jv_run *run, GError **error)
{
    if (!complete_scope_states(run, &run->total, error))
        return FALSE;
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (ind->failed)
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, JV_SCOPE_TOTAL, "total", &run->plugin_options);
        ctx.warnings = run->total.warnings;
        for (size_t r = 0; r < run->n_regions && !ind->failed; r++) {
            jv_outcome *o = &run->regions[r].outcomes[i];
            if (o->status != JV_STATUS_OK)
                continue;
            run->total.outcomes[i].rows += o->rows;
            run->total.outcomes[i].skipped += o->skipped;
            if (ind->desc->pool(&ctx, run->total.outcomes[i].state, o->state) != 0 &&
                !jv_run_callback_failed(run, i, &ctx, "pool() failed without a message", error))
                return FALSE;
        }
        jv_ctx_clear_error(&ctx);
    }
    return TRUE;
}

/* 0: the scope's cells are declared; 1: cells() failed and the run keeps
 * going without the indicator; -1: it failed and the run stops. */
static int cells_of(jv_run *run, jv_indicator *ind, guint i, jv_scope *scope, jv_disclosure *d,
                    GError **error)
{
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
    if (ind->desc->cells(&ctx, scope->outcomes[i].state, jv_disclosure_scope(d, scope->index)) == 0) {
        jv_ctx_clear_error(&ctx);
        return 0;
    }
    return jv_run_callback_failed(run, i, &ctx, "cells() failed without a message", error) ? 1 : -1;
}

static gboolean decide_disclosure(jv_run *run, GError **error)
{
    run->disclosures = g_new0(jv_disclosure *, run->indicators->len);
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (ind->failed || ind->desc->cells == NULL || run->min_cell <= 0)
            continue;
        jv_disclosure *d = jv_disclosure_new_periods(
            run->n_regions, run->periods != NULL ? run->periods->len : 0, run->min_cell);
        run->disclosures[i] = d;
        int rc = 0;
        for (size_t r = 0; rc == 0 && r < run->n_regions; r++)
            if (run->regions[r].outcomes[i].status == JV_STATUS_OK) {
                rc = cells_of(run, ind, i, &run->regions[r], d, error);
                if (rc == 0)
                    rc = jv_periods_cells(run, i, &run->regions[r], d, error);
            }
        if (rc == 0)
            rc = cells_of(run, ind, i, &run->total, d, error);
        if (rc == 0)
            rc = jv_periods_cells(run, i, &run->total, d, error);
        if (rc < 0)
            return FALSE;
        if (rc == 0)
            jv_disclosure_decide(d);
    }
    return TRUE;
}

gboolean jv_run_complete_states(jv_run *run, GError **error)
{
    for (size_t r = 0; r < run->n_regions; r++)
        if (!complete_scope_states(run, &run->regions[r], error))
            return FALSE;
    return jv_periods_settle(run, error);
}

gboolean jv_run_pool(jv_run *run, GError **error)
{
    jv_scope_init(run, &run->total, JV_SCOPE_TOTAL, "total", NULL);
    return pool_regions(run, error) && jv_periods_pool(run, error) &&
           decide_disclosure(run, error);
}

cJSON *jv_run_finish(jv_run *run, gboolean *failed, GError **error)
{
    if (!jv_run_pool(run, error))
        return NULL;
    return jv_result_build(run, failed, error);
}

static void pass_free(gpointer data)
{
    jv_pass *pass = data;
    g_free(pass->path);
    jv_table_settings_free(pass->settings);
    g_ptr_array_unref(pass->warnings);
    jv_problem_list_free(pass->problems);
    g_free(pass->sha256);
    g_free(pass);
}

void jv_run_clear(jv_run *run)
{
    if (run->column_regions != NULL) {
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, run->column_regions);
        while (g_hash_table_iter_next(&it, NULL, &value)) {
            scope_clear(run, value);
            g_free(value);
        }
        g_hash_table_unref(run->column_regions);
    }
    if (run->merge_error)
        g_error_free(run->merge_error);
    for (guint c = 0; run->chunks && c < run->chunks->len; c++)
        jv_chunk_free(run, g_ptr_array_index(run->chunks, c));
    if (run->chunks)
        g_ptr_array_unref(run->chunks);
    if (run->passes)
        g_ptr_array_unref(run->passes);
    for (size_t r = 0; r < run->n_regions; r++)
        scope_clear(run, &run->regions[r]);
    g_free(run->regions);
    scope_clear(run, &run->total);
    if (run->disclosures != NULL)
        for (guint i = 0; i < run->indicators->len; i++)
            jv_disclosure_free(run->disclosures[i]);
    g_free(run->disclosures);
    for (guint k = 0; run->inputs && k < run->inputs->len; k++) {
        jv_input *in = &g_array_index(run->inputs, jv_input, k);
        g_free(in->region);
        g_free(in->table);
        g_free(in->file);
        g_free(in->sha256);
    }
    if (run->inputs)
        g_array_unref(run->inputs);
    g_ptr_array_unref(run->indicators);
    g_ptr_array_unref(run->warnings);
    if (run->periods != NULL)
        g_ptr_array_unref(run->periods);
    g_free(run->periodised);
    jv_problem_list_free(run->problems);
}

void jv_run_init(jv_run *run, const jv_evaluation *evaluation, const jv_run_options *options)
{
    memset(run, 0, sizeof *run);
    run->evaluation = evaluation;
    run->options = options;
    run->min_cell = options->min_cell >= 0 ? options->min_cell : evaluation->options.min_cell;
    run->hash_inputs = options->hash_inputs || evaluation->options.hash_inputs;
    jv_options_fill(&run->plugin_options, run->min_cell, evaluation->options.balance_low,
                    evaluation->options.balance_high, evaluation->options.confidence);
    run->indicators = g_ptr_array_new_with_free_func((GDestroyNotify)jv_indicator_free);
    run->warnings = g_ptr_array_new_with_free_func(g_free);
    run->passes = g_ptr_array_new_with_free_func(pass_free);
    run->chunks = g_ptr_array_new();
    run->column_regions = g_hash_table_new(g_str_hash, g_str_equal);
    run->inputs = g_array_new(FALSE, TRUE, sizeof(jv_input));
}

gboolean jv_run_read(jv_run *run, const jv_registry *registry, GError **error)
{
    const jv_evaluation *evaluation = run->evaluation;
    if (!bind_indicators(run, registry, error) || !jv_plan_passes(run, error))
        return FALSE;
    if (evaluation->regions_column == NULL) {
        run->n_regions = evaluation->regions->len;
        run->regions = g_new0(jv_scope, run->n_regions ? run->n_regions : 1);
        for (size_t r = 0; r < run->n_regions; r++) {
            const jv_region_def *def = g_ptr_array_index(evaluation->regions, r);
            jv_scope_init(run, &run->regions[r], (int)r, def->name, def);
        }
    }
    if (!jv_plan_chunks(run, error))
        return FALSE;
    jv_read_chunks(run);
    if (!jv_chunk_errors(run, error))
        return FALSE;
    if (run->merge_error != NULL) {
        g_propagate_error(error, run->merge_error);
        run->merge_error = NULL;
        return FALSE;
    }
    if (evaluation->regions_column != NULL)
        jv_number_column_regions(run);
    account_passes(run);
    return TRUE;
}

cJSON *jv_run_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                         const jv_run_options *options, gboolean *failed, GError **error)
{
    jv_run run;
    jv_run_init(&run, evaluation, options);
    if (failed)
        *failed = FALSE;
    cJSON *doc = NULL;
    if (!jv_run_read(&run, registry, error) || !jv_run_complete_states(&run, error))
        goto out;
    doc = jv_run_finish(&run, failed, error);
    /* nothing leaves, neither the document nor saved states, before the
     * breakdowns are known not to be person-level (person_level.h) */
    if (doc != NULL && (!jv_person_level_check(&run, doc, error) ||
                        (options->save_state != NULL &&
                         !jv_state_save(&run, options->save_state, error)))) {
        cJSON_Delete(doc);
        doc = NULL;
    }
out:
    jv_run_clear(&run);
    return doc;
}
