/* core/eval/run.c — the driver of `jamvikt run` (run.h), and nothing
 * else: build the plan (plan.h), read it into the outcomes (reader.h),
 * complete and pool them and decide disclosure (pool.h), build the result
 * document (result.h), refuse person-level breakdowns (person_level.h),
 * and save the region states when asked (state_file.h). `jamvikt check`
 * (check.c) and `jamvikt merge` (merge.c) drive the same stages. */
#include "eval/run.h"

#include "eval/outcomes.h"
#include "eval/person_level.h"
#include "eval/plan.h"
#include "eval/pool.h"
#include "eval/reader.h"
#include "eval/result.h"
#include "eval/state_file.h"

/* The document of a plan read into `out`, or NULL + error. */
static cJSON *evaluate(const jv_plan *plan, jv_outcomes *out, gboolean *failed, GError **error)
{
    if (!jv_read(plan, out, error) || !jv_complete_states(out, error) || !jv_pool(out, error))
        return NULL;
    cJSON *doc = jv_result_build(out, failed, error);
    /* nothing leaves, neither the document nor saved states, before the
     * breakdowns are known not to be person-level (person_level.h) */
    if (doc != NULL && (!jv_person_level_check(out, doc, error) ||
                        (plan->options->save_state != NULL &&
                         !jv_state_save(out, plan->options->save_state, error)))) {
        cJSON_Delete(doc);
        doc = NULL;
    }
    return doc;
}

cJSON *jv_run_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                         const jv_run_options *options, gboolean *failed, GError **error)
{
    if (failed)
        *failed = FALSE;
    jv_plan plan;
    jv_plan_init(&plan, evaluation, options, FALSE);
    cJSON *doc = NULL;
    if (jv_plan_build(&plan, registry, error)) {
        jv_outcomes out;
        jv_outcomes_init(&out, &plan);
        doc = evaluate(&plan, &out, failed, error);
        jv_outcomes_clear(&out);
    }
    jv_plan_clear(&plan);
    return doc;
}
