/* core/eval/check.c — `jamvikt check` as the run without its output
 * (check.h). The reading is the run's own (run.c jv_run_read with
 * run->checking set: checking readers, row rules collected by the host);
 * after it, every region's states are completed, pooled and finished as
 * in a run, each finish() into a document that is thrown away, so the
 * rules plugins apply when they finish and the warnings they give are
 * found too. Problems that belong to no one file (pooling across regions,
 * the total) are the evaluation file's. */
#include "eval/check.h"

#include "eval/run_internal.h"
#include "plugin/json_io.h"

#include <string.h>

/* The pass holding indicator i's main table for region r, or NULL. */
static jv_pass *main_pass(jv_run *run, guint i, size_t r)
{
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    const char *table = ind->desc->tables[0].name;
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        if (strcmp(pass->table, table) == 0 && (pass->region < 0 || (size_t)pass->region == r))
            return pass;
    }
    return NULL;
}

/* Where a problem of indicator i in scope `scope` is listed. */
static jv_problem_list *list_for(jv_run *run, guint i, const jv_scope *scope,
                                 const char **file)
{
    jv_pass *pass = scope->index >= 0 ? main_pass(run, i, (size_t)scope->index) : NULL;
    if (pass == NULL || pass->missing) {
        *file = run->evaluation->path;
        return run->problems;
    }
    if (pass->problems == NULL)
        pass->problems = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
    *file = pass->path;
    return pass->problems;
}

static void add_problem(jv_problem_list *list, jv_severity severity, const char *file,
                        const char *message)
{
    jv_problem_list_add(list, severity, JV_PROBLEM_INDICATOR, file, 0, NULL, 0, NULL, 0,
                        g_strdup(message), NULL);
}

/* finish() of every indicator in one scope, as a run calls it; its
 * failure and its warnings become problems. */
static void finish_scope(jv_run *run, jv_scope *scope)
{
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        jv_outcome *o = &scope->outcomes[i];
        if (ind->failed || o->status != JV_STATUS_OK || o->state == NULL)
            continue;
        const char *file;
        jv_problem_list *list = list_for(run, i, scope, &file);
        GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
        ctx.warnings = warnings;
        ctx.disclosure = run->disclosures != NULL ? run->disclosures[i] : NULL;
        cJSON *result = cJSON_CreateObject();
        jv_writer w;
        jv_writer_init(&w, result);
        if (ind->desc->finish(&ctx, o->state, run->total.outcomes[i].state, &w) != 0) {
            GError *e = NULL;
            jv_ctx_set_gerror(&ctx, "finish() failed without a message", &e);
            add_problem(list, JV_SEVERITY_ERROR, file, e->message);
            g_error_free(e);
        }
        jv_ctx_clear_error(&ctx);
        for (guint k = 0; k < warnings->len; k++)
            add_problem(list, JV_SEVERITY_WARNING, file, g_ptr_array_index(warnings, k));
        g_ptr_array_unref(warnings);
        cJSON_Delete(result);
    }
}

/* What the plugins said while reading, besides row rules: their warnings
 * in consume() (chunk->warnings, which in a check hold nothing else). */
static void chunk_warnings(jv_run *run)
{
    for (guint c = 0; c < run->chunks->len; c++) {
        jv_chunk *chunk = g_ptr_array_index(run->chunks, c);
        for (guint k = 0; chunk->problems != NULL && k < chunk->warnings->len; k++)
            add_problem(chunk->problems, JV_SEVERITY_WARNING, chunk->pass->path,
                        g_ptr_array_index(chunk->warnings, k));
    }
}

cJSON *jv_check_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                           int threads, GError **error)
{
    /* keep_going: a plugin that fails in merge() or pool() is reported and
     * the others are still checked */
    jv_run_options options = {.min_cell = -1, .threads = threads, .keep_going = TRUE};
    jv_run run;
    jv_run_init(&run, evaluation, &options);
    run.checking = TRUE;
    run.problems = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
    cJSON *report = NULL;
    if (!jv_run_read(&run, registry, error))
        goto out;
    chunk_warnings(&run);
    if (!jv_run_complete_states(&run, error) || !jv_run_pool(&run, error))
        goto out;
    for (size_t r = 0; r < run.n_regions; r++)
        finish_scope(&run, &run.regions[r]);
    finish_scope(&run, &run.total);
    for (guint i = 0; i < run.indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run.indicators, i);
        if (ind->failed)
            add_problem(run.problems, JV_SEVERITY_ERROR, evaluation->path, ind->failure);
    }
    report = jv_check_report(&run);
out:
    jv_run_clear(&run);
    return report;
}
