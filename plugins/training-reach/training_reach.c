/* plugins/training-reach/training_reach.c — the training_reach indicator
 * (INDICATORS.md "training_reach"): who the gender-equality training
 * reached, per gender and target group, and against the population.
 *
 * This file holds the descriptor and the state callbacks:
 *  1. consume() adds training rows to the region's person set (one hash of
 *     the identifier per row; an identifier is copied once per person) and
 *     population rows to per-group sums. A person's gender is the one of
 *     their known-gender row with the smallest file position, so merge()
 *     (min position wins, sets of groups unite, counts add) is exact,
 *     associative and commutative.
 *  2. pool() adds a region's aggregate (aggregate.h) into the total: the
 *     total counts persons region by region. It first checks the region for
 *     a target group reached above its population (a data error).
 *  3. cells() and finish() (cells.c, result.c) and save()/load()
 *     (saved.c) work only on aggregates, so a saved and reloaded region
 *     gives the same figures as the region itself.
 */
#include "training_reach.h"

#include <stdlib.h>
#include <string.h>

const jv_host *tr_host;

typedef struct tr_instance {
    int completed_only;
} tr_instance;

/* --- configure / state lifecycle --- */

static int configure(jv_ctx *ctx, void **instance)
{
    tr_instance *inst = tr_host->alloc0(sizeof *inst);
    inst->completed_only = tr_host->param_bool(ctx, "completed_only") != 0;
    *instance = inst;
    return 0;
}

static void release(jv_ctx *ctx, void *instance)
{
    tr_host->free(instance);
}

static void *init(jv_ctx *ctx)
{
    tr_state *s = tr_host->alloc0(sizeof *s);
    tr_persons_init(&s->persons);
    tr_aggregate_init(&s->agg);
    /* A region's state (its scope may still be pending while a national
     * table is split by region; its name is known) keeps the name for
     * messages from pool(), which runs in the total's scope. */
    const char *name = tr_host->scope_name(ctx);
    if (tr_host->scope(ctx) == JV_SCOPE_TOTAL)
        s->aggregated = 1;
    else if (name != NULL)
        s->region = tr_host->strdup(name);
    return s;
}

static void destroy(jv_ctx *ctx, void *state)
{
    tr_state *s = state;
    if (s == NULL)
        return;
    tr_persons_clear(&s->persons);
    tr_aggregate_clear(&s->agg);
    free(s->training_groups.to_group);
    free(s->population_groups.to_group);
    free(s->hashes);
    tr_host->free(s->region);
    tr_host->free(s);
}

int tr_state_view(jv_ctx *ctx, const tr_state *state, tr_aggregate *scratch,
                  const tr_aggregate **out)
{
    if (state->aggregated) {
        *out = &state->agg;
        return 0;
    }
    int rc = tr_aggregate_from_persons(scratch, &state->agg, &state->persons);
    if (rc != TR_OK) {
        tr_host->error(ctx, rc == TR_OVERFLOW ? "a sum of hours is too large"
                                               : "out of memory");
        return -1;
    }
    /* No training row at all (a header row only): the hours column, if
     * any, went unseen, and a sum over no rows is 0, not unknown. */
    if (state->persons.size == 0)
        scratch->hours_present = 1;
    *out = scratch;
    return 0;
}

/* --- consume --- */

static int out_of_memory(jv_ctx *ctx)
{
    tr_host->error(ctx, "out of memory");
    return -1;
}

/* Brings `codes` up to date with the column's dictionary. */
static int codes_update(jv_ctx *ctx, tr_codes *codes, const jv_column *column)
{
    const jv_dict *dict = column->dict;
    if (dict == NULL) {
        tr_host->error(ctx, "column '%s' has no dictionary", column->role);
        return -1;
    }
    if (codes->to_group == NULL || codes->dict_id != dict->id) {
        free(codes->to_group);
        codes->to_group = NULL;
        codes->size = 0;
        codes->dict_id = dict->id;
    }
    if (dict->size > codes->size) {
        uint32_t *to = realloc(codes->to_group, dict->size * sizeof *to);
        if (to == NULL)
            return out_of_memory(ctx);
        for (size_t c = codes->size; c < dict->size; c++)
            to[c] = TR_NO_INDEX;
        codes->to_group = to;
        codes->size = dict->size;
    }
    return 0;
}

/* The group index of a row's code, interning its value on first sight. */
static int group_of(jv_ctx *ctx, tr_codes *codes, tr_aggregate *agg,
                    const jv_column *column, uint32_t code, uint32_t *out)
{
    if (code >= codes->size) {
        tr_host->error(ctx, "column '%s': code %u outside its dictionary",
                       column->role, code);
        return -1;
    }
    if (codes->to_group[code] == TR_NO_INDEX) {
        const jv_string *v = &column->dict->values[code];
        uint32_t g = tr_aggregate_group(agg, v->data, v->length);
        if (g == TR_NO_INDEX)
            return out_of_memory(ctx);
        codes->to_group[code] = g;
    }
    *out = codes->to_group[code];
    return 0;
}

static unsigned gender_at(const jv_column *column, size_t i)
{
    uint32_t g = column->codes[i];
    return g < JV_GENDERS ? g : JV_UNKNOWN;
}

static int is_missing(const jv_column *column, size_t i)
{
    return !column->present || (column->missing != NULL && column->missing[i]);
}

static int consume_training(jv_ctx *ctx, tr_state *s, const jv_batch *batch)
{
    const tr_instance *inst = tr_host->instance(ctx);
    const jv_column *person = &batch->columns[TR_T_PERSON];
    const jv_column *gender = &batch->columns[TR_T_GENDER];
    const jv_column *group = &batch->columns[TR_T_TARGET_GROUP];
    const jv_column *completed = &batch->columns[TR_T_COMPLETED];
    const jv_column *hours = &batch->columns[TR_T_HOURS];
    if (group->present && codes_update(ctx, &s->training_groups, group) != 0)
        return -1;
    if (hours->present)
        s->agg.hours_present = 1;

    /* Hash the batch's identifiers first, then look them up with the slot
     * and record of a row a few rows ahead already on their way to the
     * cache: with many persons, a lookup is two cache misses otherwise. */
    size_t n = batch->n_rows;
    if (n > s->hashes_capacity) {
        uint64_t *h = realloc(s->hashes, n * sizeof *h);
        if (h == NULL)
            return out_of_memory(ctx);
        s->hashes = h;
        s->hashes_capacity = n;
    }
    for (size_t i = 0; i < n; i++)
        s->hashes[i] = tr_persons_hash(person->ids[i].data, person->ids[i].length);
    if (tr_persons_reserve(&s->persons, n) != 0)
        return out_of_memory(ctx);

    uint32_t last = TR_NO_INDEX; /* rows of one person often come together */
    for (size_t i = 0; i < n; i++) {
        if (i + 16 < n)
            tr_persons_prefetch_slot(&s->persons, s->hashes[i + 16]);
        if (i + 8 < n)
            tr_persons_prefetch_record(&s->persons, s->hashes[i + 8]);
        const jv_string *id = &person->ids[i];
        uint32_t index;
        if (last != TR_NO_INDEX && s->hashes[i] == s->hashes[i - 1] &&
            s->persons.items[last].key_length == id->length &&
            memcmp(tr_persons_key(&s->persons, last), id->data, id->length) == 0) {
            index = last;
        } else {
            index = tr_persons_intern(&s->persons, id->data, id->length, s->hashes[i]);
            if (index == TR_NO_INDEX)
                return out_of_memory(ctx);
            last = index;
        }
        tr_person *p = &s->persons.items[index];

        int counted = !inst->completed_only || is_missing(completed, i) ||
                      completed->booleans[i] != 0;
        int64_t h = is_missing(hours, i) ? 0 : hours->numbers[i];
        if (counted && (h < 0 || p->hours > INT64_MAX - h)) {
            if (tr_host->row_error(ctx, batch, i, TR_T_HOURS,
                                   h < 0 ? "hours must not be negative"
                                         : "the sum of hours is too large"))
                continue;
            return -1;
        }

        /* a skipped row (above) leaves its person without rows: harmless */
        uint32_t grp = TR_NO_INDEX;
        if (!is_missing(group, i) &&
            group_of(ctx, &s->training_groups, &s->agg, group, group->codes[i], &grp) != 0)
            return -1;
        unsigned g = gender_at(gender, i);
        if (g != JV_UNKNOWN)
            tr_person_see_gender(p, g, batch->positions[i]);
        if (!counted)
            continue;
        p->participations++;
        p->hours += h;
        if (grp != TR_NO_INDEX && tr_persons_add_group(&s->persons, index, grp) != 0)
            return out_of_memory(ctx);
    }
    return 0;
}

static int consume_population(jv_ctx *ctx, tr_state *s, const jv_batch *batch)
{
    const jv_column *group = &batch->columns[TR_P_TARGET_GROUP];
    const jv_column *gender = &batch->columns[TR_P_GENDER];
    const jv_column *size = &batch->columns[TR_P_SIZE];
    if (!group->present || !size->present) {
        tr_host->error(ctx, "the population table needs target_group and size");
        return -1;
    }
    if (codes_update(ctx, &s->population_groups, group) != 0)
        return -1;
    for (size_t i = 0; i < batch->n_rows; i++) {
        if (is_missing(group, i) || is_missing(size, i)) {
            if (tr_host->row_error(ctx, batch, i, is_missing(group, i) ? TR_P_TARGET_GROUP
                                                                      : TR_P_SIZE,
                                   "a value is required"))
                continue;
            return -1;
        }
        uint32_t grp;
        if (group_of(ctx, &s->population_groups, &s->agg, group, group->codes[i], &grp) != 0)
            return -1;
        tr_group *t = &s->agg.groups[grp];
        int64_t n = size->numbers[i];
        unsigned g = gender_at(gender, i);
        if (n < 0 || tr_add(&t->population[g], n) != TR_OK) {
            if (tr_host->row_error(ctx, batch, i, TR_P_SIZE,
                                   n < 0 ? "size must not be negative"
                                         : "the sum of sizes is too large"))
                continue;
            return -1;
        }
        t->population_rows++;
    }
    return 0;
}

static int consume(jv_ctx *ctx, void *state, const jv_batch *batch)
{
    tr_state *s = state;
    size_t needed = batch->table == TR_TRAINING ? TR_T_ROLES : TR_P_ROLES;
    if (s->aggregated || batch->table > TR_POPULATION || batch->n_columns < needed ||
        (batch->n_rows > 0 && batch->positions == NULL)) {
        tr_host->error(ctx, "internal error: unexpected batch");
        return -1;
    }
    if (batch->table == TR_TRAINING)
        return consume_training(ctx, s, batch);
    return consume_population(ctx, s, batch);
}

/* --- merge, pool --- */

static int merge(jv_ctx *ctx, void *into_, const void *from_)
{
    tr_state *into = into_;
    const tr_state *from = from_;
    if (into->aggregated || from->aggregated) {
        tr_host->error(ctx, "internal error: only chunk states can be merged");
        return -1;
    }
    size_t n_groups = from->agg.names.size, n_persons = from->persons.size;
    uint32_t *group_map = malloc((n_groups ? n_groups : 1) * sizeof *group_map);
    uint32_t *person_map = malloc((n_persons ? n_persons : 1) * sizeof *person_map);
    uint64_t *hashes = malloc((n_persons ? n_persons : 1) * sizeof *hashes);
    int rc = -1;
    if (group_map == NULL || person_map == NULL || hashes == NULL ||
        tr_persons_reserve(&into->persons, n_persons) != 0) {
        out_of_memory(ctx);
        goto done;
    }
    for (size_t i = 0; i < n_persons; i++)
        hashes[i] = tr_persons_hash(tr_persons_key(&from->persons, (uint32_t)i),
                                    from->persons.items[i].key_length);
    int added = tr_aggregate_add(&into->agg, &from->agg, group_map);
    if (added != TR_OK) {
        tr_host->error(ctx, added == TR_OVERFLOW ? "a sum of sizes is too large"
                                                  : "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n_persons; i++) {
        if (i + 16 < n_persons) /* as in consume_training() */
            tr_persons_prefetch_slot(&into->persons, hashes[i + 16]);
        if (i + 8 < n_persons)
            tr_persons_prefetch_record(&into->persons, hashes[i + 8]);
        const tr_person *f = &from->persons.items[i];
        uint32_t j = tr_persons_intern(&into->persons, tr_persons_key(&from->persons, (uint32_t)i),
                                       f->key_length, hashes[i]);
        if (j == TR_NO_INDEX) {
            out_of_memory(ctx);
            goto done;
        }
        person_map[i] = j;
        tr_person *t = &into->persons.items[j];
        if (tr_add(&t->participations, f->participations) != TR_OK ||
            tr_add(&t->hours, f->hours) != TR_OK) {
            tr_host->error(ctx, "a person's sum of hours is too large");
            goto done;
        }
        t->genders_seen |= f->genders_seen;
        if (f->gender_position < t->gender_position) {
            t->gender_position = f->gender_position;
            t->gender = f->gender;
        }
        if (f->group != TR_NO_INDEX && f->group < n_groups &&
            tr_persons_add_group(&into->persons, j, group_map[f->group]) != 0) {
            out_of_memory(ctx);
            goto done;
        }
    }
    for (size_t k = 0; k < from->persons.pair_slots; k++) {
        uint64_t v = from->persons.pairs[k];
        if (v == TR_PAIR_EMPTY)
            continue;
        uint32_t person = (uint32_t)(v >> 32), group = (uint32_t)v;
        if (person < n_persons && group < n_groups &&
            tr_persons_add_group(&into->persons, person_map[person], group_map[group]) != 0) {
            out_of_memory(ctx);
            goto done;
        }
    }
    rc = 0;
done:
    free(group_map);
    free(person_map);
    free(hashes);
    return rc;
}

static int pool(jv_ctx *ctx, void *total_, const void *region_)
{
    tr_state *total = total_;
    const tr_state *region = region_;
    if (!total->aggregated && total->persons.size > 0) {
        tr_host->error(ctx, "internal error: pooling into a region's state");
        return -1;
    }
    total->aggregated = 1;
    tr_aggregate scratch;
    tr_aggregate_init(&scratch);
    const tr_aggregate *agg;
    int rc = tr_state_view(ctx, region, &scratch, &agg);
    if (rc == 0)
        rc = tr_check_population(ctx, agg, region->region);
    if (rc == 0) {
        int added = tr_aggregate_add(&total->agg, agg, NULL);
        if (added != TR_OK) {
            tr_host->error(ctx, added == TR_OVERFLOW ? "a pooled sum is too large"
                                                      : "out of memory");
            rc = -1;
        }
    }
    tr_aggregate_clear(&scratch);
    return rc;
}

/* --- cells, finish, save, load --- */

static int cells(jv_ctx *ctx, const void *state, jv_cells *sink)
{
    tr_aggregate scratch;
    tr_aggregate_init(&scratch);
    const tr_aggregate *agg;
    int rc = tr_state_view(ctx, state, &scratch, &agg);
    if (rc == 0)
        rc = tr_cells(ctx, agg, sink);
    tr_aggregate_clear(&scratch);
    return rc;
}

static int finish(jv_ctx *ctx, const void *state_, const void *total_, jv_writer *out)
{
    const tr_state *s = state_;
    const tr_state *total = total_ != NULL ? total_ : state_;
    tr_aggregate scratch, total_scratch;
    tr_aggregate_init(&scratch);
    tr_aggregate_init(&total_scratch);
    const tr_aggregate *agg = NULL, *total_agg = NULL;
    int rc = tr_state_view(ctx, s, &scratch, &agg);
    total_agg = agg;
    if (rc == 0 && total != s)
        rc = tr_state_view(ctx, total, &total_scratch, &total_agg);
    if (rc == 0 && tr_host->scope(ctx) != JV_SCOPE_TOTAL) {
        rc = tr_check_population(ctx, agg, s->region);
        if (rc == 0 && agg->disagreeing > 0)
            tr_host->warning(ctx,
                             "%lld person(s) have rows with different genders; "
                             "each counts under the first known gender in file order",
                             (long long)agg->disagreeing);
    }
    if (rc == 0)
        rc = tr_write_result(ctx, agg, tr_aggregate_has_population(total_agg), out);
    tr_aggregate_clear(&scratch);
    tr_aggregate_clear(&total_scratch);
    return rc;
}

static int save(jv_ctx *ctx, const void *state, jv_writer *out)
{
    const tr_state *s = state;
    tr_aggregate scratch;
    tr_aggregate_init(&scratch);
    const tr_aggregate *agg;
    int rc = tr_state_view(ctx, s, &scratch, &agg);
    if (rc == 0)
        rc = tr_save(ctx, agg, s->region, out);
    tr_aggregate_clear(&scratch);
    return rc;
}

static void *load(jv_ctx *ctx, const jv_node *in)
{
    tr_state *s = tr_host->alloc0(sizeof *s);
    tr_persons_init(&s->persons);
    tr_aggregate_init(&s->agg);
    s->aggregated = 1;
    if (tr_load(ctx, in, &s->agg, &s->region) != 0) {
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
    {"target_group", JV_TYPE_CATEGORY, 0, NULL,
     "politician, official, business_adviser, ..."},
    {"completed", JV_TYPE_BOOLEAN, 0, NULL,
     "whether the course was completed (empty: yes)"},
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
    {"completed_only", JV_PARAM_BOOLEAN, "true",
     "count only completed rows (false: every row)"},
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
