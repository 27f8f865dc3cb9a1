/* core/eval/outcomes.c — the lifetime of a run's outcomes (outcomes.h):
 * scopes and their period parts made and destroyed with the plugins'
 * destroy(), indicators marked failed, and the two plugin calls every
 * stage that joins states shares (init() of a new state, merge() of one
 * into another). */
#include "eval/outcomes.h"

#include <string.h>

void jv_scope_init(const jv_outcomes *out, jv_scope *scope, int index, const char *name,
                   const jv_region_def *region)
{
    scope->index = index;
    scope->name = g_strdup(name);
    scope->region = region;
    scope->outcomes = g_new0(jv_outcome, out->plan->indicators->len);
    scope->warnings = g_ptr_array_new_with_free_func(g_free);
}

void jv_outcomes_destroy_state(const jv_outcomes *out, guint i, void *state, int scope,
                               const char *name)
{
    if (state == NULL)
        return;
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope, name, &out->plan->plugin_options);
    ind->desc->destroy(&ctx, state);
    jv_ctx_clear_error(&ctx);
}

void jv_scope_clear(const jv_outcomes *out, jv_scope *scope)
{
    if (scope->outcomes == NULL)
        return;
    jv_periods_clear_scope(out, scope);
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        jv_outcome *o = &scope->outcomes[i];
        jv_outcomes_destroy_state(out, i, o->state, scope->index, scope->name);
        g_free(o->reason);
    }
    g_free(scope->outcomes);
    g_ptr_array_unref(scope->warnings);
    g_free(scope->name);
}

jv_period_part *jv_period_part_new(const jv_outcomes *out, const char *value)
{
    size_t n = out->plan->indicators->len;
    jv_period_part *part = g_new0(jv_period_part, 1);
    part->value = g_strdup(value);
    part->states = g_new0(void *, n ? n : 1);
    part->rows = g_new0(guint64, n ? n : 1);
    part->skipped = g_new0(guint64, n ? n : 1);
    return part;
}

void jv_period_part_free(const jv_outcomes *out, jv_period_part *part, int scope,
                         const char *scope_name)
{
    if (part == NULL)
        return;
    for (guint i = 0; i < out->plan->indicators->len; i++)
        jv_outcomes_destroy_state(out, i, part->states[i], scope, scope_name);
    g_free(part->states);
    g_free(part->rows);
    g_free(part->skipped);
    g_free(part->value);
    g_free(part);
}

jv_period_part *jv_period_part_find(GPtrArray *parts, const char *value)
{
    for (guint k = 0; k < parts->len; k++) {
        jv_period_part *part = g_ptr_array_index(parts, k);
        if (part != NULL && strcmp(part->value, value) == 0)
            return part;
    }
    return NULL;
}

void jv_periods_clear_scope(const jv_outcomes *out, jv_scope *scope)
{
    if (scope->parts != NULL) {
        for (guint k = 0; k < scope->parts->len; k++)
            jv_period_part_free(out, g_ptr_array_index(scope->parts, k), scope->index, scope->name);
        g_ptr_array_unref(scope->parts);
        scope->parts = NULL;
    }
    if (scope->secondary != NULL) {
        for (guint i = 0; i < out->plan->indicators->len; i++)
            jv_outcomes_destroy_state(out, i, scope->secondary[i], scope->index, scope->name);
        g_free(scope->secondary);
        scope->secondary = NULL;
    }
}

void jv_outcomes_fail_indicator(jv_outcomes *out, size_t i, const char *message)
{
    if (!out->failed[i]) {
        out->failed[i] = TRUE;
        out->failure[i] = g_strdup(message);
    }
}

gboolean jv_outcomes_callback_failed(jv_outcomes *out, size_t i, jv_ctx *ctx, const char *fallback,
                                     GError **error)
{
    GError *e = NULL;
    jv_ctx_set_gerror(ctx, fallback, &e);
    jv_ctx_clear_error(ctx);
    if (!out->plan->options->keep_going) {
        g_propagate_error(error, e);
        return FALSE;
    }
    jv_outcomes_fail_indicator(out, i, e->message);
    g_error_free(e);
    return TRUE;
}

gboolean jv_outcomes_new_state(const jv_outcomes *out, guint i, int scope, const char *name,
                               void **state, GError **error)
{
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope, name, &out->plan->plugin_options);
    *state = ind->desc->init(&ctx);
    if (*state == NULL)
        jv_ctx_set_gerror(&ctx, "init() returned no state", error);
    jv_ctx_clear_error(&ctx);
    return *state != NULL;
}

gboolean jv_outcomes_join(jv_outcomes *out, guint i, jv_scope *scope, void **into, void **from,
                          gboolean take, GError **error)
{
    jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
    gboolean ok = TRUE;
    if (*into == NULL && take) {
        *into = *from;
        *from = NULL;
    } else {
        if (*into == NULL)
            ok = jv_outcomes_new_state(out, i, scope->index, scope->name, into, error);
        if (ok && ind->desc->merge(&ctx, *into, *from) != 0)
            ok = jv_outcomes_callback_failed(out, i, &ctx, "merge() failed without a message",
                                             error);
    }
    jv_ctx_clear_error(&ctx);
    return ok;
}

void jv_outcomes_init(jv_outcomes *out, const jv_plan *plan)
{
    memset(out, 0, sizeof *out);
    out->plan = plan;
    guint n = plan->indicators->len;
    out->failed = g_new0(gboolean, n ? n : 1);
    out->failure = g_new0(char *, n ? n : 1);
    out->passes = g_new0(jv_pass_result, plan->passes->len ? plan->passes->len : 1);
    out->warnings = g_ptr_array_new_with_free_func(g_free);
    out->inputs = g_array_new(FALSE, TRUE, sizeof(jv_input));
    const jv_evaluation *e = plan->evaluation;
    if (e->regions_column == NULL && e->regions != NULL) {
        out->n_regions = e->regions->len;
        out->regions = g_new0(jv_scope, out->n_regions ? out->n_regions : 1);
        for (size_t r = 0; r < out->n_regions; r++) {
            const jv_region_def *def = g_ptr_array_index(e->regions, r);
            jv_scope_init(out, &out->regions[r], (int)r, def->name, def);
        }
    }
}

void jv_outcomes_clear(jv_outcomes *out)
{
    guint n = out->plan->indicators->len;
    for (size_t r = 0; r < out->n_regions; r++)
        jv_scope_clear(out, &out->regions[r]);
    g_free(out->regions);
    jv_scope_clear(out, &out->total);
    if (out->disclosures != NULL)
        for (guint i = 0; i < n; i++)
            jv_disclosure_free(out->disclosures[i]);
    g_free(out->disclosures);
    for (guint p = 0; p < out->plan->passes->len; p++) {
        g_free(out->passes[p].sha256);
        jv_problem_list_free(out->passes[p].read_problems);
        jv_problem_list_free(out->passes[p].problems);
    }
    g_free(out->passes);
    for (guint k = 0; k < out->inputs->len; k++) {
        jv_input *in = &g_array_index(out->inputs, jv_input, k);
        g_free(in->region);
        g_free(in->table);
        g_free(in->file);
        g_free(in->sha256);
    }
    g_array_unref(out->inputs);
    g_ptr_array_unref(out->warnings);
    if (out->periods != NULL)
        g_ptr_array_unref(out->periods);
    g_free(out->periodised);
    jv_problem_list_free(out->problems);
    for (guint i = 0; i < n; i++)
        g_free(out->failure[i]);
    g_free(out->failed);
    g_free(out->failure);
}
