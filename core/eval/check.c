/* core/eval/check.c — `jamvikt check` as the run without its output
 * (check.h). The plan, the reading and the pooling are the run's own
 * (plan.h with `checking` set: checking readers, row rules collected by
 * the host; reader.h; pool.h);
 * after it, every region's states are completed, pooled and finished as
 * in a run, each finish() into a document that is thrown away, so the
 * rules plugins apply when they finish and the warnings they give are
 * found too. Problems that belong to no one file (pooling across regions,
 * the total) are the evaluation file's. */
#include "eval/check.h"

#include "eval/check_report.h"
#include "eval/pool.h"
#include "eval/reader.h"
#include "plugin/json_io.h"

#include <string.h>

/* The pass holding indicator i's main table for region r, or NULL. */
static const jv_pass *main_pass(const jv_outcomes *out, guint i, size_t r)
{
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    const char *table = ind->desc->tables[0].name;
    for (guint p = 0; p < out->plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(out->plan->passes, p);
        if (strcmp(pass->table, table) == 0 && (pass->region < 0 || (size_t)pass->region == r))
            return pass;
    }
    return NULL;
}

/* Where a problem of indicator i in scope `scope` is listed. */
static jv_problem_list *list_for(jv_outcomes *out, guint i, const jv_scope *scope,
                                 const char **file)
{
    const jv_pass *pass = scope->index >= 0 ? main_pass(out, i, (size_t)scope->index) : NULL;
    if (pass == NULL || pass->missing) {
        *file = out->plan->evaluation->path;
        return out->problems;
    }
    jv_pass_result *result = &out->passes[pass->index];
    if (result->problems == NULL)
        result->problems = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
    *file = pass->path;
    return result->problems;
}

static void add_problem(jv_problem_list *list, jv_severity severity, const char *file,
                        const char *message)
{
    jv_problem_list_add(list, severity, JV_PROBLEM_INDICATOR, file, 0, NULL, 0, NULL, 0,
                        g_strdup(message), NULL);
}

/* finish() of every indicator in one scope, as a run calls it; its
 * failure and its warnings become problems. */
static void finish_scope(jv_outcomes *out, jv_scope *scope)
{
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        jv_outcome *o = &scope->outcomes[i];
        if (out->failed[i] || o->status != JV_STATUS_OK || o->state == NULL)
            continue;
        const char *file;
        jv_problem_list *list = list_for(out, i, scope, &file);
        GPtrArray *warnings = g_ptr_array_new_with_free_func(g_free);
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
        ctx.warnings = warnings;
        ctx.disclosure = out->disclosures != NULL ? out->disclosures[i] : NULL;
        cJSON *result = cJSON_CreateObject();
        jv_writer w;
        jv_writer_init(&w, result);
        if (ind->desc->finish(&ctx, o->state, out->total.outcomes[i].state, &w) != 0) {
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

cJSON *jv_check_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                           int threads, GError **error)
{
    /* keep_going: a plugin that fails in merge() or pool() is reported and
     * the others are still checked */
    jv_run_options options = {.min_cell = -1, .threads = threads, .keep_going = TRUE};
    jv_plan plan;
    jv_plan_init(&plan, evaluation, &options, TRUE);
    cJSON *report = NULL;
    if (!jv_plan_build(&plan, registry, error)) {
        jv_plan_clear(&plan);
        return NULL;
    }
    jv_outcomes out;
    jv_outcomes_init(&out, &plan);
    out.problems = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
    if (!jv_read(&plan, &out, error) || !jv_complete_states(&out, error) || !jv_pool(&out, error))
        goto out;
    for (size_t r = 0; r < out.n_regions; r++)
        finish_scope(&out, &out.regions[r]);
    finish_scope(&out, &out.total);
    for (guint i = 0; i < plan.indicators->len; i++)
        if (out.failed[i])
            add_problem(out.problems, JV_SEVERITY_ERROR, evaluation->path, out.failure[i]);
    report = jv_check_report(&out);
out:
    jv_outcomes_clear(&out);
    jv_plan_clear(&plan);
    return report;
}
