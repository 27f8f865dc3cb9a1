/* core/eval/pool.c — after reading: every region's indicators get a state
 * (init() where no row came) and their period states (periods.c); then the
 * regions are pooled into the total in region order, and the core decides
 * disclosure from the cells each indicator declares (DESIGN.md "Data
 * flow"). Shared by `run`, `check` and `merge`. */
#include "eval/pool.h"

#include "eval/periods.h"

/* Every indicator that ran in a region has a state, even without rows. */
static gboolean complete_scope_states(jv_outcomes *out, jv_scope *scope, GError **error)
{
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        jv_outcome *o = &scope->outcomes[i];
        jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        if (o->state != NULL || o->status != JV_STATUS_OK || out->failed[i])
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
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

static gboolean pool_regions(jv_outcomes *out, GError **error)
{
    if (!complete_scope_states(out, &out->total, error))
        return FALSE;
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        if (out->failed[i])
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, JV_SCOPE_TOTAL, "total", &out->plan->plugin_options);
        ctx.warnings = out->total.warnings;
        for (size_t r = 0; r < out->n_regions && !out->failed[i]; r++) {
            jv_outcome *o = &out->regions[r].outcomes[i];
            if (o->status != JV_STATUS_OK)
                continue;
            out->total.outcomes[i].rows += o->rows;
            out->total.outcomes[i].skipped += o->skipped;
            if (ind->desc->pool(&ctx, out->total.outcomes[i].state, o->state) != 0 &&
                !jv_outcomes_callback_failed(out, i, &ctx, "pool() failed without a message",
                                             error))
                return FALSE;
        }
        jv_ctx_clear_error(&ctx);
    }
    return TRUE;
}

/* 0: the scope's cells are declared; 1: cells() failed and the run keeps
 * going without the indicator; -1: it failed and the run stops. */
static int cells_of(jv_outcomes *out, jv_indicator *ind, guint i, jv_scope *scope, jv_disclosure *d,
                    GError **error)
{
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &out->plan->plugin_options);
    jv_cells *cells = jv_disclosure_scope(d, scope->index);
    if (ind->desc->cells(&ctx, scope->outcomes[i].state, cells) == 0) {
        jv_ctx_clear_error(&ctx);
        return 0;
    }
    gboolean going =
        jv_outcomes_callback_failed(out, i, &ctx, "cells() failed without a message", error);
    return going ? 1 : -1;
}

static gboolean decide_disclosure(jv_outcomes *out, GError **error)
{
    out->disclosures = g_new0(jv_disclosure *, out->plan->indicators->len);
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        if (out->failed[i] || ind->desc->cells == NULL || out->plan->min_cell <= 0)
            continue;
        jv_disclosure *d = jv_disclosure_new_periods(
            out->n_regions, out->periods != NULL ? out->periods->len : 0, out->plan->min_cell);
        out->disclosures[i] = d;
        int rc = 0;
        for (size_t r = 0; rc == 0 && r < out->n_regions; r++)
            if (out->regions[r].outcomes[i].status == JV_STATUS_OK) {
                rc = cells_of(out, ind, i, &out->regions[r], d, error);
                if (rc == 0)
                    rc = jv_periods_cells(out, i, &out->regions[r], d, error);
            }
        if (rc == 0)
            rc = cells_of(out, ind, i, &out->total, d, error);
        if (rc == 0)
            rc = jv_periods_cells(out, i, &out->total, d, error);
        if (rc < 0)
            return FALSE;
        if (rc == 0)
            jv_disclosure_decide(d);
    }
    return TRUE;
}

gboolean jv_complete_states(jv_outcomes *out, GError **error)
{
    for (size_t r = 0; r < out->n_regions; r++)
        if (!complete_scope_states(out, &out->regions[r], error))
            return FALSE;
    return jv_periods_settle(out, error);
}

gboolean jv_pool(jv_outcomes *out, GError **error)
{
    jv_scope_init(out, &out->total, JV_SCOPE_TOTAL, "total", NULL);
    return pool_regions(out, error) && jv_periods_pool(out, error) && decide_disclosure(out, error);
}
