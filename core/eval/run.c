/* core/eval/run.c — carries out an evaluation (see run.h): binds the
 * indicators to their plugins, reads the regions in parallel (each region's
 * states are its own, so regions need no locks), pools finished regions
 * into the total in region order, lets the core decide disclosure, and
 * hands the finished run to result.c. */
#include "eval/run_internal.h"
#include "util/text.h"

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

static void scope_init(jv_run *run, jv_scope *scope, int index, const char *name,
                       const jv_region_def *region)
{
    scope->index = index;
    scope->name = name;
    scope->region = region;
    scope->outcomes = g_new0(jv_outcome, run->indicators->len);
    scope->warnings = g_ptr_array_new_with_free_func(g_free);
    scope->inputs = g_array_new(FALSE, TRUE, sizeof(jv_input));
}

static void scope_clear(jv_run *run, jv_scope *scope)
{
    if (scope->outcomes == NULL)
        return;
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
    for (guint k = 0; k < scope->inputs->len; k++) {
        jv_input *in = &g_array_index(scope->inputs, jv_input, k);
        g_free(in->table);
        g_free(in->file);
        g_free(in->sha256);
    }
    g_array_unref(scope->inputs);
    if (scope->error)
        g_error_free(scope->error);
}

/* A fresh state per indicator for a scope; FALSE + scope->error. */
static gboolean init_states(jv_run *run, jv_scope *scope)
{
    if (run->options->check_only)
        return TRUE;
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
        scope->outcomes[i].state = ind->desc->init(&ctx);
        if (scope->outcomes[i].state == NULL) {
            jv_ctx_set_gerror(&ctx, "init() returned no state", &scope->error);
            jv_ctx_clear_error(&ctx);
            return FALSE;
        }
        jv_ctx_clear_error(&ctx);
    }
    return TRUE;
}

static void read_region(gpointer data, gpointer user)
{
    jv_run *run = user;
    jv_scope *scope = data;
    if (init_states(run, scope))
        jv_region_read(run, scope);
}

static int thread_count(const jv_run_options *options)
{
    int n = options->threads > 0 ? options->threads : (int)g_get_num_processors();
    return n < 1 ? 1 : n;
}

static gboolean read_regions(jv_run *run, GError **error)
{
    int threads = thread_count(run->options);
    if (threads > 1 && run->n_regions > 1) {
        GThreadPool *pool = g_thread_pool_new(read_region, run, threads, TRUE, NULL);
        for (size_t r = 0; r < run->n_regions; r++)
            g_thread_pool_push(pool, &run->regions[r], NULL);
        g_thread_pool_free(pool, FALSE, TRUE);
    } else {
        for (size_t r = 0; r < run->n_regions; r++) {
            read_region(&run->regions[r], run);
            if (run->regions[r].error)
                break;
        }
    }
    /* The first failure in region order, whatever order threads ran in. */
    for (size_t r = 0; r < run->n_regions; r++)
        if (run->regions[r].error != NULL) {
            g_propagate_error(error, run->regions[r].error);
            run->regions[r].error = NULL;
            return FALSE;
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

/* With --keep-going, a failure in one region fails the indicator in every
 * scope: its pooled total and its disclosure pattern would be incomplete. */
static void spread_failures(jv_run *run)
{
    for (size_t r = 0; r < run->n_regions; r++)
        for (guint i = 0; i < run->indicators->len; i++)
            if (run->regions[r].outcomes[i].status == JV_STATUS_ERROR)
                jv_run_fail_indicator(run, i, run->regions[r].outcomes[i].reason);
}

static gboolean pool_regions(jv_run *run, GError **error)
{
    if (!init_states(run, &run->total)) {
        g_propagate_error(error, run->total.error);
        run->total.error = NULL;
        return FALSE;
    }
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
            if (ind->desc->pool(&ctx, run->total.outcomes[i].state, o->state) != 0) {
                GError *e = NULL;
                jv_ctx_set_gerror(&ctx, "pool() failed without a message", &e);
                if (!run->options->keep_going) {
                    g_propagate_error(error, e);
                    jv_ctx_clear_error(&ctx);
                    return FALSE;
                }
                jv_run_fail_indicator(run, i, e->message);
                g_error_free(e);
            }
        }
        jv_ctx_clear_error(&ctx);
    }
    return TRUE;
}

static gboolean cells_of(jv_run *run, jv_indicator *ind, guint i, jv_scope *scope,
                         jv_disclosure *d, GError **error)
{
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
    int rc = ind->desc->cells(&ctx, scope->outcomes[i].state, jv_disclosure_scope(d, scope->index));
    if (rc != 0)
        jv_ctx_set_gerror(&ctx, "cells() failed without a message", error);
    jv_ctx_clear_error(&ctx);
    return rc == 0;
}

static gboolean decide_disclosure(jv_run *run, GError **error)
{
    run->disclosures = g_new0(jv_disclosure *, run->indicators->len);
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (ind->failed || ind->desc->cells == NULL || run->min_cell <= 0)
            continue;
        jv_disclosure *d = jv_disclosure_new(run->n_regions, run->min_cell);
        run->disclosures[i] = d;
        GError *e = NULL;
        gboolean ok = TRUE;
        for (size_t r = 0; ok && r < run->n_regions; r++)
            if (run->regions[r].outcomes[i].status == JV_STATUS_OK)
                ok = cells_of(run, ind, i, &run->regions[r], d, &e);
        if (ok)
            ok = cells_of(run, ind, i, &run->total, d, &e);
        if (!ok) {
            if (!run->options->keep_going) {
                g_propagate_error(error, e);
                return FALSE;
            }
            jv_run_fail_indicator(run, i, e->message);
            g_error_free(e);
            continue;
        }
        jv_disclosure_decide(d);
    }
    return TRUE;
}

static cJSON *check_report(jv_run *run)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON *regions = cJSON_AddArrayToObject(doc, "regions");
    for (size_t r = 0; r < run->n_regions; r++) {
        jv_scope *s = &run->regions[r];
        cJSON *region = cJSON_CreateObject();
        cJSON_AddStringToObject(region, "name", s->name);
        cJSON *inputs = cJSON_AddArrayToObject(region, "tables");
        for (guint k = 0; k < s->inputs->len; k++) {
            jv_input *in = &g_array_index(s->inputs, jv_input, k);
            cJSON *t = cJSON_CreateObject();
            cJSON_AddStringToObject(t, "table", in->table);
            cJSON_AddStringToObject(t, "file", in->file);
            cJSON_AddNumberToObject(t, "rows", (double)in->rows);
            cJSON_AddNumberToObject(t, "skipped_rows", (double)in->skipped);
            cJSON_AddItemToArray(inputs, t);
        }
        cJSON *skipped = cJSON_AddArrayToObject(region, "skipped");
        for (guint i = 0; i < run->indicators->len; i++)
            if (s->outcomes[i].status == JV_STATUS_SKIPPED)
                cJSON_AddItemToArray(skipped, cJSON_CreateString(s->outcomes[i].reason));
        cJSON_AddItemToArray(regions, region);
    }
    cJSON *warnings = cJSON_AddArrayToObject(doc, "warnings");
    for (size_t r = 0; r < run->n_regions; r++)
        for (guint w = 0; w < run->regions[r].warnings->len; w++)
            cJSON_AddItemToArray(warnings, cJSON_CreateString(g_ptr_array_index(run->regions[r].warnings, w)));
    return doc;
}

static void run_clear(jv_run *run)
{
    for (size_t r = 0; r < run->n_regions; r++)
        scope_clear(run, &run->regions[r]);
    g_free(run->regions);
    scope_clear(run, &run->total);
    if (run->disclosures != NULL)
        for (guint i = 0; i < run->indicators->len; i++)
            jv_disclosure_free(run->disclosures[i]);
    g_free(run->disclosures);
    g_ptr_array_unref(run->indicators);
    g_ptr_array_unref(run->warnings);
}

cJSON *jv_run_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                         const jv_run_options *options, gboolean *failed, GError **error)
{
    jv_run run;
    memset(&run, 0, sizeof run);
    run.evaluation = evaluation;
    run.options = options;
    run.min_cell = options->min_cell >= 0 ? options->min_cell : evaluation->options.min_cell;
    run.hash_inputs = options->hash_inputs || evaluation->options.hash_inputs;
    jv_options_fill(&run.plugin_options, run.min_cell, evaluation->options.balance_low,
                    evaluation->options.balance_high, evaluation->options.confidence);
    run.indicators = g_ptr_array_new_with_free_func((GDestroyNotify)jv_indicator_free);
    run.warnings = g_ptr_array_new_with_free_func(g_free);
    if (failed)
        *failed = FALSE;

    cJSON *doc = NULL;
    if (!bind_indicators(&run, registry, error))
        goto out;
    if (evaluation->regions_column != NULL) {
        g_set_error(error, JV_RUN_ERROR, 0,
                    "%s: regions from a column ('%s') are not supported by this version yet; "
                    "list the regions with their folders instead",
                    evaluation->path, evaluation->regions_column);
        goto out;
    }
    run.n_regions = evaluation->regions->len;
    run.regions = g_new0(jv_scope, run.n_regions ? run.n_regions : 1);
    for (size_t r = 0; r < run.n_regions; r++) {
        const jv_region_def *def = g_ptr_array_index(evaluation->regions, r);
        scope_init(&run, &run.regions[r], (int)r, def->name, def);
    }
    scope_init(&run, &run.total, JV_SCOPE_TOTAL, "total", NULL);
    if (!read_regions(&run, error))
        goto out;
    if (options->check_only) {
        doc = check_report(&run);
        goto out;
    }
    spread_failures(&run);
    if (!pool_regions(&run, error) || !decide_disclosure(&run, error))
        goto out;
    doc = jv_result_build(&run, failed, error);
out:
    run_clear(&run);
    return doc;
}
