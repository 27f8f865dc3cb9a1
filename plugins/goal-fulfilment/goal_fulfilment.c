/* plugins/goal-fulfilment/goal_fulfilment.c — the goal_fulfilment
 * indicator (INDICATORS.md "goal_fulfilment"): did each region reach the
 * goals it set itself, and how many regions fulfil theirs.
 *
 * Contract:
 *  1. Reads the required table `goals`, one row per goal. A goal whose
 *     target equals its baseline is a row error naming the goal.
 *  2. A region's state is its goals in file order (goal_state.h); merge is
 *     their union by position, pool adds the region's sums into the total.
 *  3. Areas: every value of the area column is listed, an empty cell under
 *     "" (INDICATORS.md "Categories and values"); a file without an area
 *     column lists no areas, and in the total those goals count in no area.
 *     Only areas with goals in the scope are listed, sorted by UTF-8 bytes.
 *  4. No disclosure cells: goals are never suppressed (no cells()).
 *  5. Headline: share_met for a region, share_regions_fulfilling for the
 *     total, both unit "share", with no balance, interval or certainty.
 */
#include "goal_state.h"

#include <math.h>

/* Column indices in batches of `goals`: the order of goal_roles. */
enum {
    COL_GOAL_ID,
    COL_BASELINE,
    COL_TARGET,
    COL_OUTCOME,
    COL_SELF_ASSESSMENT,
    COL_AREA,
    COL_WEIGHT,
    N_COLUMNS
};

/* self_assessment codes follow the canonical order of its `codes`
 * (batch.h rule 2), so code 0 is will_meet. */
#define SELF_ASSESSMENT_WILL_MEET 0u

static const jv_role goal_roles[N_COLUMNS] = {
    {"goal_id", JV_TYPE_ID, JV_ROLE_REQUIRED, NULL, "the goal's identifier"},
    {"baseline", JV_TYPE_NUMBER, JV_ROLE_REQUIRED, NULL, "the measure when the goal was set"},
    {"target", JV_TYPE_NUMBER, JV_ROLE_REQUIRED, NULL, "the measure the goal aims at"},
    {"outcome", JV_TYPE_NUMBER, 0, NULL, "the measure reached; empty = not yet reported"},
    {"self_assessment", JV_TYPE_CATEGORY, 0, "will_meet=ja|partly=delvis|will_not_meet=nej",
     "the region's own forecast for an unreported goal"},
    {"area", JV_TYPE_CATEGORY, JV_ROLE_EMPTY_IS_VALUE, NULL,
     "competence, leadership, governance, incentives, processes, ..."},
    {"weight", JV_TYPE_NUMBER, JV_ROLE_POSITIVE, NULL, "the goal's weight; default 1"},
};

static const jv_table_spec goal_tables[] = {
    {"goals", 1, goal_roles, N_COLUMNS},
};

static const jv_param_spec goal_params[] = {
    {"region_threshold", JV_PARAM_NUMBER, "1.0",
     "share of the goals' weight that must be met (or, unreported, expected "
     "to be met) for a region to fulfil its goals"},
};

typedef struct gf_instance {
    double region_threshold;
} gf_instance;

static int gf_configure(jv_ctx *ctx, void **instance)
{
    double threshold = gf_host->param_number(ctx, "region_threshold");
    if (!isfinite(threshold)) {
        gf_host->error(ctx, "region_threshold must be a finite number");
        return -1;
    }
    gf_instance *inst = gf_host->alloc0(sizeof *inst);
    inst->region_threshold = threshold;
    *instance = inst;
    return 0;
}

static void gf_release(jv_ctx *ctx, void *instance) { gf_host->free(instance); }

static void *gf_init(jv_ctx *ctx) { return gf_state_new(); }

static void gf_destroy(jv_ctx *ctx, void *state) { gf_state_free(state); }

static int is_missing(const jv_column *column, size_t row)
{
    return !column->present || (column->missing != NULL && column->missing[row]);
}

/* Reports a row error; returns 1 to skip the row, -1 to fail. */
#define ROW_ERROR(column, ...) (gf_host->row_error(ctx, batch, i, (column), __VA_ARGS__) ? 1 : -1)

static int gf_consume(jv_ctx *ctx, void *state_, const jv_batch *batch)
{
    gf_state *state = state_;
    if (batch->n_rows == 0)
        return 0;
    if (batch->n_columns < N_COLUMNS) {
        gf_host->error(ctx, "expected %d columns in a batch of 'goals', got %zu", N_COLUMNS,
                       batch->n_columns);
        return -1;
    }
    const jv_column *columns = batch->columns;
    const jv_column *id = &columns[COL_GOAL_ID], *baseline = &columns[COL_BASELINE],
                    *target = &columns[COL_TARGET], *outcome = &columns[COL_OUTCOME],
                    *assessment = &columns[COL_SELF_ASSESSMENT], *area = &columns[COL_AREA],
                    *weight = &columns[COL_WEIGHT];
    const size_t *area_index = NULL;
    if (area->present && area->dict != NULL && area->dict->size > 0)
        area_index = gf_host->map_translate(state->areas, area);
    int unsorted = 0;
    for (size_t i = 0; i < batch->n_rows; i++) {
        const jv_string *goal_id = &id->ids[i];
        gf_goal g = {0};
        if (!gf_state_claim_id(state, goal_id->data, goal_id->length, &g.id)) {
            if (ROW_ERROR(COL_GOAL_ID,
                          "goal_id '%.*s' comes twice in this region's goals; "
                          "each goal needs its own goal_id",
                          (int)goal_id->length, goal_id->data) > 0)
                continue;
            return -1;
        }
        g.position = batch->positions[i];
        g.baseline = baseline->numbers[i];
        g.target = target->numbers[i];
        if (g.target == g.baseline) {
            if (ROW_ERROR(COL_TARGET,
                          "goal '%.*s': target equals baseline, so its "
                          "progress is undefined",
                          (int)goal_id->length, goal_id->data) > 0)
                continue;
            return -1;
        }
        g.reported = !is_missing(outcome, i);
        g.outcome = g.reported ? outcome->numbers[i] : 0;
        g.will_meet =
            !is_missing(assessment, i) && assessment->codes[i] == SELF_ASSESSMENT_WILL_MEET;
        g.area =
            (area_index != NULL && !is_missing(area, i)) ? area_index[area->codes[i]] : GF_NO_AREA;
        g.weight = is_missing(weight, i) ? JV_FIXED_SCALE : weight->numbers[i];
        if (g.weight <= 0) {
            if (ROW_ERROR(COL_WEIGHT, "goal '%.*s': weight must be > 0", (int)goal_id->length,
                          goal_id->data) > 0)
                continue;
            return -1;
        }
        gf_goal_rate(&g);
        if (gf_state_append(state, &g) != 0) {
            if (ROW_ERROR(COL_WEIGHT,
                          "goal '%.*s': the goals' weights sum beyond "
                          "the range of exact sums",
                          (int)goal_id->length, goal_id->data) > 0)
                continue;
            return -1;
        }
        if (state->n_goals > 1 && g.position < state->goals[state->n_goals - 2].position)
            unsorted = 1;
    }
    if (unsorted)
        gf_state_sort(state);
    return 0;
}

static int gf_merge(jv_ctx *ctx, void *into_, const void *from_)
{
    gf_state *into = into_;
    const gf_state *from = from_;
    for (size_t i = 0; i < from->n_goals; i++) {
        gf_goal g = from->goals[i];
        size_t length;
        const char *id = gf_host->map_key(from->ids, g.id, &length);
        if (!gf_state_claim_id(into, id, length, &g.id)) {
            gf_host->error(ctx,
                           "goal_id '%s' comes twice in this region's goals; each goal "
                           "needs its own goal_id",
                           id);
            return -1;
        }
        if (g.area != GF_NO_AREA) {
            const char *area = gf_host->map_key(from->areas, g.area, &length);
            g.area = gf_host->map_intern(into->areas, area, length);
        }
        if (gf_state_append(into, &g) != 0) {
            gf_host->error(ctx,
                           "goal '%s': the goals' weights sum beyond the range "
                           "of exact sums",
                           id);
            return -1;
        }
    }
    gf_state_sort(into);
    return 0;
}

/* The per-area sums of a region: one entry per area (at least 1), owned
 * by the caller (gf_host->free). */
static gf_sums *region_sums(const gf_state *state, gf_sums *scope)
{
    gf_sums *areas = gf_host->alloc0((gf_host->map_size(state->areas) + 1) * sizeof *areas);
    gf_state_sum(state, scope, areas);
    return areas;
}

static int gf_pool(jv_ctx *ctx, void *total_, const void *region_)
{
    gf_state *total = total_;
    const gf_state *region = region_;
    const gf_instance *inst = gf_host->instance(ctx);
    gf_sums scope;
    gf_sums *areas = region_sums(region, &scope);
    if (scope.weight_total > INT64_MAX - total->pooled.weight_total) {
        gf_host->free(areas);
        gf_host->error(ctx, "the goals' weights of all regions sum beyond the range "
                            "of exact sums");
        return -1;
    }
    gf_sums_add(&total->pooled, &scope);
    for (size_t a = 0; a < gf_host->map_size(region->areas); a++) {
        if (areas[a].goals == 0)
            continue;
        size_t length;
        const char *name = gf_host->map_key(region->areas, a, &length);
        size_t t = gf_host->map_intern(total->areas, name, length);
        if (t == total->n_pooled_areas) { /* a new area: indices are dense */
            total->pooled_areas =
                gf_host->realloc(total->pooled_areas, (t + 1) * sizeof *total->pooled_areas);
            total->pooled_areas[total->n_pooled_areas++] = (gf_sums){0};
        }
        gf_sums_add(&total->pooled_areas[t], &areas[a]);
    }
    gf_host->free(areas);
    int fulfils = gf_sums_fulfils(&scope, inst->region_threshold);
    if (fulfils >= 0) {
        total->regions++;
        total->regions_fulfilling += fulfils;
    }
    return 0;
}

static double ratio(int64_t numerator, int64_t denominator)
{
    return denominator == 0 ? NAN : (double)numerator / (double)denominator;
}

/* goals, by_status, share_met, mean_fulfilment: the keys a scope and an
 * area share (an area writes goals, share_met and mean_fulfilment only). */
static void put_shares(jv_writer *out, const gf_sums *sums)
{
    gf_host->put_number(out, "share_met", ratio(sums->weight_met, sums->weight_reported));
    gf_host->put_number(out, "mean_fulfilment",
                        sums->weight_reported == 0
                            ? NAN
                            : sums->weighted_fulfilment / (double)sums->weight_reported);
}

/* areas: one entry per index of area_names (NULL when it is empty). */
static void put_scope(jv_writer *out, const gf_sums *scope, const jv_map *area_names,
                      const gf_sums *areas)
{
    gf_host->put_integer(out, "goals", scope->goals);
    gf_host->begin_object(out, "by_status");
    for (int s = 0; s < GF_STATUSES; s++)
        gf_host->put_integer(out, gf_status_names[s], scope->by_status[s]);
    gf_host->end_object(out);
    put_shares(out, scope);
    gf_host->begin_array(out, "areas");
    size_t *order = gf_host->map_sorted(area_names);
    for (size_t k = 0; k < gf_host->map_size(area_names); k++) {
        const gf_sums *area = &areas[order[k]];
        if (area->goals == 0)
            continue;
        gf_host->begin_object(out, NULL);
        gf_host->put_string(out, "value", gf_host->map_key(area_names, order[k], NULL));
        gf_host->put_integer(out, "goals", area->goals);
        put_shares(out, area);
        gf_host->end_object(out);
    }
    gf_host->free(order);
    gf_host->end_array(out);
}

static void put_per_goal(jv_writer *out, const gf_state *state)
{
    gf_host->begin_array(out, "per_goal");
    for (size_t i = 0; i < state->n_goals; i++) {
        const gf_goal *g = &state->goals[i];
        gf_host->begin_object(out, NULL);
        gf_host->put_string(out, "goal_id", gf_host->map_key(state->ids, g->id, NULL));
        gf_host->put_number(out, "progress", g->progress);
        gf_host->put_string(out, "status", gf_status_names[g->status]);
        gf_host->put_number(out, "fulfilment", gf_goal_fulfilment(g));
        gf_host->end_object(out);
    }
    gf_host->end_array(out);
}

static int gf_finish(jv_ctx *ctx, const void *state_, const void *total, jv_writer *out)
{
    const gf_state *state = state_;
    const gf_instance *inst = gf_host->instance(ctx);
    jv_headline headline = {
        .unit = "share", .balance = JV_BALANCE_NONE, .balance_certain = -1, .ci = {NAN, NAN}};
    if (gf_host->scope(ctx) == JV_SCOPE_TOTAL) {
        double share = ratio(state->regions_fulfilling, state->regions);
        headline.metric = "share_regions_fulfilling";
        headline.label = "Share of regions fulfilling their goals";
        headline.value = share;
        gf_host->put_headline(out, &headline);
        put_scope(out, &state->pooled, state->areas, state->pooled_areas);
        gf_host->put_integer(out, "regions", state->regions);
        gf_host->put_integer(out, "regions_fulfilling", state->regions_fulfilling);
        gf_host->put_number(out, "share_regions_fulfilling", share);
        return 0;
    }
    gf_sums scope;
    gf_sums *areas = region_sums(state, &scope);
    headline.metric = "share_met";
    headline.label = "Share of reported goals met (by weight)";
    headline.value = ratio(scope.weight_met, scope.weight_reported);
    gf_host->put_headline(out, &headline);
    put_scope(out, &scope, state->areas, areas);
    gf_host->put_tristate(out, "fulfils", gf_sums_fulfils(&scope, inst->region_threshold));
    put_per_goal(out, state);
    gf_host->free(areas);
    return 0;
}

/* goal_save.c */
int gf_save(jv_ctx *ctx, const void *state, jv_writer *out);
void *gf_load(jv_ctx *ctx, const jv_node *in);

/* ABI 1.1: what reports call the indicator, and the unit of each key. */
static const jv_translation gf_texts[] = {
    {.lang = "en", .title = "Goal fulfilment"},
    {.lang = "sv", .title = "Måluppfyllelse"},
    {.lang = NULL},
};

static const jv_key_unit gf_units[] = {
    {"goals", JV_UNIT_COUNT},
    {"met", JV_UNIT_COUNT},
    {"partly_met", JV_UNIT_COUNT},
    {"not_met", JV_UNIT_COUNT},
    {"not_reported", JV_UNIT_COUNT},
    {"share_met", JV_UNIT_SHARE},
    {"mean_fulfilment", JV_UNIT_SHARE},
    {"progress", JV_UNIT_SHARE},
    {"fulfilment", JV_UNIT_SHARE},
    {"regions", JV_UNIT_COUNT},
    {"regions_fulfilling", JV_UNIT_COUNT},
    {"share_regions_fulfilling", JV_UNIT_SHARE},
    {NULL, 0},
};

JV_PLUGIN_DEFINE(gf_host, descriptor) = {
    JV_PLUGIN_ABI,
    .name = "goal_fulfilment",
    .version = "1.0.0",
    .summary = "Did each region reach its own goals, and how many regions fulfil theirs",
    .tables = goal_tables,
    .n_tables = sizeof goal_tables / sizeof goal_tables[0],
    .params = goal_params,
    .n_params = sizeof goal_params / sizeof goal_params[0],
    .configure = gf_configure,
    .release = gf_release,
    .init = gf_init,
    .consume = gf_consume,
    .merge = gf_merge,
    .pool = gf_pool,
    .cells = NULL,
    .finish = gf_finish,
    .destroy = gf_destroy,
    .save = gf_save,
    .load = gf_load,
    .texts = gf_texts,
    .units = gf_units,
};
