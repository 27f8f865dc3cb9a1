/* plugins/training-reach/training_reach.c — the training_reach indicator
 * (INDICATORS.md "training_reach"): who the gender-equality training
 * reached, per gender and target group, and against the population.
 *
 * This file holds the descriptor, the tally's spec (training_reach.h) and
 * the state callbacks. consume() reads training rows into the region's
 * persons (persons.c) and population rows into the tally's target groups;
 * merge() joins chunk states exactly; pool() checks a region for a target
 * group reached above its population (a data error), then adds its tally
 * into the total's, so the total counts persons region by region;
 * save()/load() write and read the tally only (no identifier leaves the
 * region); cells() and finish() are in result.c.
 */
#include "training_reach.h"

#include <string.h>

const jv_host *tr_host;

/* The saved state (format 3; format 2 held two tallies, format 1
 * hand-written counters):
 *   { "format": 3, "region": "…" or null, "hours_present": bool,
 *     "tally": <the tally> } */
#define TR_SAVE_FORMAT 3

/* --- the tally --- */

static const jv_measure measures[TR_MEASURES] = {
    [TR_PERSONS] = {.name = "persons_reached",
                    .column = -1,
                    .flags = JV_MEASURE_PROTECTED,
                    .at_most = "participations"},
    [TR_PARTICIPATIONS] = {.name = "participations", .column = -1},
    [TR_HOURS] = {.name = "hours", .column = TR_T_HOURS},
    [TR_DISAGREEING] = {.name = "disagreeing", .column = -1},
    [TR_COVERED] = {.name = "covered", .column = -1, .at_most = "persons_reached"},
    [TR_POPULATION_SIZE] = {.name = "population", .column = TR_P_SIZE},
    [TR_POPULATION_ROWS] = {.name = "population_rows", .column = TR_P_SIZE},
};

/* NULL-terminated: the list is also the spec's overlapping set. */
static const char *const breakdowns[] = {"target_group", NULL};

/* The tally reads no batch itself (persons are counted after
 * de-duplication, population rows by value), so `table` is never used. */
static const jv_tally_spec spec = {.measures = measures,
                                   .n_measures = TR_MEASURES,
                                   .table = TR_TRAINING,
                                   .gender_column = TR_T_GENDER,
                                   .overlapping = breakdowns};

/* --- configure / state lifecycle --- */

static int configure(jv_ctx *ctx, void **instance)
{
    tr_instance *inst = tr_host->alloc0(sizeof *inst);
    inst->completed_only = tr_host->param_bool(ctx, "completed_only") != 0;
    *instance = inst;
    return 0;
}

static void release(jv_ctx *ctx, void *instance) { tr_host->free(instance); }

static void destroy(jv_ctx *ctx, void *state)
{
    tr_state *s = state;
    if (s == NULL)
        return;
    tr_persons_clear(&s->persons);
    tr_host->tally_free(s->tally);
    tr_host->free(s->region);
    tr_host->free(s);
}

static void *init(jv_ctx *ctx)
{
    tr_state *s = tr_host->alloc0(sizeof *s);
    int total = tr_host->scope(ctx) == JV_SCOPE_TOTAL;
    /* A region's state (its scope may still be pending while a national
     * table is split by region; its name is known) keeps the name for
     * messages from pool(), which runs in the total's scope. */
    const char *name = tr_host->scope_name(ctx);
    if (!total) {
        tr_persons_init(&s->persons);
        s->region = name != NULL ? tr_host->strdup(name) : NULL;
    }
    s->built = total; /* the total is built from the start */
    s->tally = tr_host->tally_new(ctx, &spec, 1, breakdowns, NULL);
    if (s->tally == NULL) {
        destroy(ctx, s);
        return NULL;
    }
    return s;
}

/* --- consume --- */

/* Each population row adds its size to its target group (row errors: a
 * missing group or size). */
static int consume_population(jv_ctx *ctx, tr_state *s, const jv_batch *batch)
{
    const jv_column *group = &batch->columns[TR_P_TARGET_GROUP];
    const jv_column *gender = &batch->columns[TR_P_GENDER];
    const jv_column *size = &batch->columns[TR_P_SIZE];
    if (!group->present || !size->present || group->dict == NULL) {
        tr_host->error(ctx, "the population table needs target_group and size");
        return -1;
    }
    for (size_t i = 0; i < batch->n_rows; i++) {
        if (tr_missing(group, i) || tr_missing(size, i)) {
            if (!tr_host->row_error(ctx, batch, i,
                                    tr_missing(group, i) ? TR_P_TARGET_GROUP : TR_P_SIZE,
                                    "a value is required"))
                return -1;
            continue;
        }
        if (group->codes[i] >= group->dict->size) {
            tr_host->error(ctx, "column '%s': code %u outside its dictionary", group->role,
                           group->codes[i]);
            return -1;
        }
        const int64_t values[TR_MEASURES] = {
            [TR_POPULATION_SIZE] = size->numbers[i], [TR_POPULATION_ROWS] = 1};
        if (tr_host->tally_add_value(ctx, s->tally, TR_GROUPS,
                                     group->dict->values[group->codes[i]].data,
                                     (int)gender->codes[i], values) != 0)
            return -1;
    }
    return 0;
}

static int consume(jv_ctx *ctx, void *state, const jv_batch *batch)
{
    tr_state *s = state;
    size_t needed = batch->table == TR_TRAINING ? TR_T_ROLES : TR_P_ROLES;
    if (s->built || batch->table > TR_POPULATION || batch->n_columns < needed ||
        (batch->n_rows > 0 && batch->positions == NULL)) {
        tr_host->error(ctx, "internal error: unexpected batch");
        return -1;
    }
    if (batch->table == TR_TRAINING)
        return tr_persons_consume(ctx, s, batch);
    return consume_population(ctx, s, batch);
}

/* --- merge, pool --- */

static int merge(jv_ctx *ctx, void *into_, const void *from_)
{
    tr_state *into = into_;
    const tr_state *from = from_;
    if (into->built || from->built) {
        tr_host->error(ctx, "internal error: only chunk states can be merged");
        return -1;
    }
    into->hours_present |= from->hours_present;
    if (tr_host->tally_merge(ctx, into->tally, from->tally) != 0)
        return -1;
    return tr_persons_merge(ctx, &into->persons, &from->persons);
}

static int pool(jv_ctx *ctx, void *total_, const void *region_)
{
    tr_state *total = total_;
    const tr_state *region = region_;
    if (total->persons.ids != NULL) { /* made in a region's scope: fine while empty */
        if (tr_host->map_size(total->persons.ids) > 0 ||
            tr_host->tally_size(total->tally, TR_GROUPS) > 0) {
            tr_host->error(ctx, "internal error: pooling into a region's state");
            return -1;
        }
        tr_persons_clear(&total->persons);
        total->built = 1;
    }
    if (tr_state_build(ctx, region) != 0 || tr_check_population(ctx, region) != 0)
        return -1;
    total->hours_present |= region->hours_present;
    return tr_host->tally_merge(ctx, total->tally, region->tally);
}

/* --- cells, finish --- */

static int cells(jv_ctx *ctx, const void *state, jv_cells *sink)
{
    return tr_state_build(ctx, state) == 0 ? tr_cells(ctx, state, sink) : -1;
}

static int finish(jv_ctx *ctx, const void *state_, const void *total_, jv_writer *out)
{
    const tr_state *s = state_;
    const tr_state *total = total_ != NULL ? total_ : state_;
    if (tr_state_build(ctx, s) != 0 || tr_state_build(ctx, total) != 0)
        return -1;
    if (tr_host->scope(ctx) != JV_SCOPE_TOTAL) {
        if (tr_check_population(ctx, s) != 0)
            return -1;
        const int64_t *cells = tr_host->tally_cells(s->tally, JV_TALLY_MAIN, 0);
        int64_t disagreeing = 0;
        for (int g = 0; g < JV_GENDERS; g++)
            disagreeing += cells[g * TR_MEASURES + TR_DISAGREEING];
        if (disagreeing > 0)
            tr_host->warning(ctx,
                             "%lld person(s) have rows with different genders; "
                             "each counts under the first known gender in file order",
                             (long long)disagreeing);
    }
    return tr_write_result(ctx, s, tr_has_population(total->tally), out);
}

/* --- save, load --- */

static int save(jv_ctx *ctx, const void *state, jv_writer *out)
{
    const tr_state *s = state;
    if (tr_state_build(ctx, s) != 0)
        return -1;
    tr_host->put_integer(out, "format", TR_SAVE_FORMAT);
    if (s->region != NULL)
        tr_host->put_string(out, "region", s->region);
    else
        tr_host->put_null(out, "region");
    tr_host->put_bool(out, "hours_present", s->hours_present);
    tr_host->tally_save(ctx, s->tally, out, "tally");
    return 0;
}

static int bad(jv_ctx *ctx, const char *what)
{
    tr_host->error(ctx, "saved state of training_reach: %s", what);
    return -1;
}

/* What the tally cannot check on its own: a person reached in a target
 * group is a person reached. */
static int check_groups(jv_ctx *ctx, const tr_state *s)
{
    const int64_t *split = tr_host->tally_cells(s->tally, JV_TALLY_MAIN, 0);
    for (size_t i = 0; i < tr_host->tally_size(s->tally, TR_GROUPS); i++) {
        const int64_t *cells = tr_host->tally_cells(s->tally, TR_GROUPS, i);
        for (int g = 0; g < JV_GENDERS; g++)
            if (cells[g * TR_MEASURES + TR_PERSONS] > split[g * TR_MEASURES + TR_PERSONS])
                return bad(ctx, "a target group reached more persons than were reached");
    }
    return 0;
}

static int load_state(jv_ctx *ctx, const jv_node *in, tr_state *s)
{
    if (tr_host->state_format(ctx, in, "training_reach", TR_SAVE_FORMAT, -1) != 0)
        return -1;
    const jv_node *name = tr_host->node_get(in, "region");
    if (name != NULL && tr_host->node_string(name) != NULL)
        s->region = tr_host->strdup(tr_host->node_string(name));
    const jv_node *hours_present = tr_host->node_get(in, "hours_present");
    s->hours_present = hours_present != NULL ? tr_host->node_bool(hours_present) : -1;
    if (s->hours_present < 0)
        return bad(ctx, "'hours_present' must be true or false");
    const jv_node *tally = tr_host->node_get(in, "tally");
    if (tally == NULL)
        return bad(ctx, "'tally' must be given");
    s->built = 1;
    s->tally = tr_host->tally_load(ctx, &spec, 1, breakdowns, NULL, tally);
    return s->tally != NULL ? check_groups(ctx, s) : -1;
}

static void *load(jv_ctx *ctx, const jv_node *in)
{
    tr_state *s = tr_host->alloc0(sizeof *s);
    if (load_state(ctx, in, s) != 0) {
        destroy(ctx, s);
        return NULL;
    }
    if (s->region == NULL && tr_host->scope(ctx) != JV_SCOPE_TOTAL &&
        tr_host->scope_name(ctx) != NULL)
        s->region = tr_host->strdup(tr_host->scope_name(ctx));
    return s;
}

/* --- descriptor --- */

static const jv_role training_roles[TR_T_ROLES] = {
    {"person", JV_TYPE_ID, JV_ROLE_REQUIRED, NULL,
     "a person's identifier (pseudonymous); persons are distinct within a region"},
    {"gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL,
     "the person's gender; the first known one in file order counts"},
    {"target_group", JV_TYPE_CATEGORY, 0, NULL, "politician, official, business_adviser, ..."},
    {"completed", JV_TYPE_BOOLEAN, 0, NULL, "whether the course was completed (empty: yes)"},
    {"hours", JV_TYPE_NUMBER, JV_ROLE_NONNEGATIVE, NULL, "hours of training"},
};

static const jv_role population_roles[TR_P_ROLES] = {
    {"target_group", JV_TYPE_CATEGORY, JV_ROLE_REQUIRED, NULL, "the target group"},
    {"gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL, "gender"},
    {"size", JV_TYPE_INTEGER, JV_ROLE_REQUIRED | JV_ROLE_NONNEGATIVE, NULL,
     "persons of that gender in the target group"},
};

static const jv_table_spec tables[] = {
    {"training", 1, training_roles, TR_T_ROLES},
    {"population", 0, population_roles, TR_P_ROLES},
};

static const jv_param_spec params[] = {
    {"completed_only", JV_PARAM_BOOLEAN, "true", "count only completed rows (false: every row)"},
};

/* ABI 1.1: what reports call the indicator, and the unit of each key. */
static const jv_translation tr_texts[] = {
    {.lang = "en", .title = "Reach of skills training"},
    {.lang = "sv", .title = "Kompetensinsatsernas räckvidd"},
    {.lang = NULL},
};

static const jv_key_unit tr_units[] = {
    {"persons_reached", JV_UNIT_COUNT},
    {"participations", JV_UNIT_COUNT},
    {"hours", JV_UNIT_NUMBER},
    {"hours_per_person", JV_UNIT_NUMBER},
    {"population", JV_UNIT_COUNT},
    {"reach_rate", JV_UNIT_SHARE},
    {"reach_rate_ci", JV_UNIT_SHARE},
    {"reach_gap", JV_UNIT_POINTS},
    {"reached", JV_UNIT_COUNT},
    {"rate", JV_UNIT_SHARE},
    {"gap", JV_UNIT_POINTS},
    {"women_share_persons_reached", JV_UNIT_SHARE},
    {NULL, 0},
};

JV_PLUGIN_DEFINE(tr_host, descriptor) = {
    JV_PLUGIN_ABI,
    .name = "training_reach",
    .version = "1.0.0",
    .summary = "persons reached by gender-equality training, by gender and "
               "target group, against the population",
    .tables = tables,
    .n_tables = sizeof tables / sizeof tables[0],
    .params = params,
    .n_params = sizeof params / sizeof params[0],
    .configure = configure,
    .release = release,
    .init = init,
    .consume = consume,
    .merge = merge,
    .pool = pool,
    .cells = cells,
    .finish = finish,
    .destroy = destroy,
    .save = save,
    .load = load,
    .texts = tr_texts,
    .units = tr_units,
};
