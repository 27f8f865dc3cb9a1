/* plugins/training-reach/persons.c — the training rows of one region as
 * its distinct persons (INDICATORS.md "training_reach": persons are
 * distinct by `person` within a region; a person's gender is the first
 * known one in file order; a row counts when completed, if so asked).
 * Identifiers live in a host string map (copied once, when their person is
 * first seen: memory grows with persons, never with rows); a person's
 * further target groups are (person, group) pairs in a second map. Merging
 * two sets is exact in any order: counts add, the known gender of the
 * smallest position wins, sets of genders and groups unite. Counting a set
 * into the tallies is the only place persons become figures.
 */
#include "training_reach.h"

#include <string.h>

void tr_persons_init(tr_persons *set)
{
    *set = (tr_persons){
        .ids = tr_host->map_new(), .names = tr_host->map_new(), .pairs = tr_host->map_new()};
}

void tr_persons_clear(tr_persons *set)
{
    tr_host->map_free(set->ids);
    tr_host->map_free(set->names);
    tr_host->map_free(set->pairs);
    tr_host->free(set->items);
    tr_host->free(set->seen);
    *set = (tr_persons){0};
}

static uint32_t intern(tr_persons *set, const char *key, size_t length)
{
    size_t size = tr_host->map_size(set->ids);
    size_t index = tr_host->map_intern(set->ids, key, length);
    if (index < size)
        return (uint32_t)index;
    if (index >= set->capacity) {
        set->capacity = set->capacity ? set->capacity * 2 : 256;
        set->items = tr_host->realloc(set->items, set->capacity * sizeof *set->items);
    }
    set->items[index] =
        (tr_person){.gender_position = UINT64_MAX, .group = TR_NO_GROUP, .gender = JV_UNKNOWN};
    return (uint32_t)index;
}

static void add_group(tr_persons *set, uint32_t index, uint32_t group)
{
    tr_person *p = &set->items[index];
    if (p->group == TR_NO_GROUP)
        p->group = group;
    else if (p->group != group) {
        uint32_t pair[2] = {index, group};
        tr_host->map_intern(set->pairs, (const char *)pair, sizeof pair);
    }
}

static void see_gender(tr_person *p, unsigned g, uint64_t position)
{
    p->genders_seen |= (uint8_t)(1u << g);
    if (position < p->gender_position) {
        p->gender_position = position;
        p->gender = (uint8_t)g;
    }
}

static int disagrees(const tr_person *p) { return (p->genders_seen & (p->genders_seen - 1u)) != 0; }

static void grow_seen(tr_persons *set)
{
    size_t n = tr_host->map_size(set->names);
    if (n <= set->seen_capacity)
        return;
    set->seen = tr_host->realloc(set->seen, n);
    memset(set->seen + set->seen_capacity, 0, n - set->seen_capacity);
    set->seen_capacity = n;
}

static unsigned gender_at(const jv_column *column, size_t i)
{
    uint32_t g = column->codes[i];
    return g < JV_GENDERS ? g : JV_UNKNOWN;
}

/* The group index of row i's target group (TR_NO_GROUP: none); on first
 * sight a zero item in the tally's target groups lists the value (INDICATORS.md: every
 * group found in the scope's training rows). -1 after host->error(). */
static int group_of(jv_ctx *ctx, tr_state *s, const jv_column *group, const size_t *to_group,
                    size_t i, uint32_t *out)
{
    *out = TR_NO_GROUP;
    if (tr_missing(group, i))
        return 0;
    if (group->codes[i] >= group->dict->size) {
        tr_host->error(ctx, "column '%s': code %u outside its dictionary", group->role,
                       group->codes[i]);
        return -1;
    }
    *out = (uint32_t)to_group[group->codes[i]];
    if (s->persons.seen[*out])
        return 0;
    s->persons.seen[*out] = 1;
    const char *name = tr_host->map_key(s->persons.names, *out, NULL);
    static const int64_t zeros[TR_MEASURES] = {0};
    return tr_host->tally_add_value(ctx, s->tally, TR_GROUPS, name, JV_UNKNOWN, zeros);
}

int tr_persons_consume(jv_ctx *ctx, tr_state *s, const jv_batch *batch)
{
    const tr_instance *inst = tr_host->instance(ctx);
    const jv_column *person = &batch->columns[TR_T_PERSON];
    const jv_column *gender = &batch->columns[TR_T_GENDER];
    const jv_column *group = &batch->columns[TR_T_TARGET_GROUP];
    const jv_column *completed = &batch->columns[TR_T_COMPLETED];
    const jv_column *hours = &batch->columns[TR_T_HOURS];
    tr_persons *set = &s->persons;
    const size_t *to_group = NULL;
    if (group->present) {
        if (group->dict == NULL) {
            tr_host->error(ctx, "column '%s' has no dictionary", group->role);
            return -1;
        }
        to_group = tr_host->map_translate(set->names, group);
        grow_seen(set);
    }
    if (hours->present)
        s->hours_present = 1;

    const jv_string *last = NULL; /* rows of one person often come together */
    uint32_t index = 0;
    for (size_t i = 0; i < batch->n_rows; i++) {
        const jv_string *id = &person->ids[i];
        if (last == NULL || last->length != id->length ||
            memcmp(last->data, id->data, id->length) != 0) {
            index = intern(set, id->data, id->length);
            last = id;
        }
        tr_person *p = &set->items[index];
        int counted =
            !inst->completed_only || tr_missing(completed, i) || completed->booleans[i] != 0;
        int64_t h = tr_missing(hours, i) ? 0 : hours->numbers[i];
        if (counted && (h < 0 || p->hours > INT64_MAX - h)) {
            if (tr_host->row_error(ctx, batch, i, TR_T_HOURS,
                                   h < 0 ? "hours must not be negative"
                                         : "the sum of hours is too large"))
                continue;
            return -1;
        }
        /* a skipped row (above) leaves its person without rows: harmless */
        uint32_t grp;
        if (group_of(ctx, s, group, to_group, i, &grp) != 0)
            return -1;
        unsigned g = gender_at(gender, i);
        if (g != JV_UNKNOWN)
            see_gender(p, g, batch->positions[i]);
        if (!counted)
            continue;
        p->participations++;
        p->hours += h;
        if (grp != TR_NO_GROUP)
            add_group(set, index, grp);
    }
    return 0;
}

/* Pair i of `pairs`: (person, group). */
static void pair_at(const tr_persons *set, size_t i, uint32_t pair[2])
{
    memcpy(pair, tr_host->map_key(set->pairs, i, NULL), 2 * sizeof *pair);
}

int tr_persons_merge(jv_ctx *ctx, tr_persons *into, const tr_persons *from)
{
    size_t n_names = tr_host->map_size(from->names);
    size_t n_persons = tr_host->map_size(from->ids);
    uint32_t *to_group = tr_host->alloc0((n_names + 1) * sizeof *to_group);
    uint32_t *to_person = tr_host->alloc0((n_persons + 1) * sizeof *to_person);
    for (size_t k = 0; k < n_names; k++) {
        size_t length;
        const char *name = tr_host->map_key(from->names, k, &length);
        to_group[k] = (uint32_t)tr_host->map_intern(into->names, name, length);
    }
    /* `seen` is left alone: from's zero items come with its tally */
    size_t i = 0;
    for (; i < n_persons; i++) {
        size_t length;
        const char *key = tr_host->map_key(from->ids, i, &length);
        uint32_t j = to_person[i] = intern(into, key, length);
        const tr_person *f = &from->items[i];
        tr_person *t = &into->items[j];
        if (f->hours > INT64_MAX - t->hours) {
            tr_host->error(ctx, "a person's sum of hours is too large");
            break;
        }
        t->participations += f->participations; /* a count of rows: no overflow */
        t->hours += f->hours;
        t->genders_seen |= f->genders_seen;
        if (f->gender_position < t->gender_position) {
            t->gender_position = f->gender_position;
            t->gender = f->gender;
        }
        if (f->group != TR_NO_GROUP)
            add_group(into, j, to_group[f->group]);
    }
    int rc = i < n_persons ? -1 : 0;
    for (size_t k = 0; rc == 0 && k < tr_host->map_size(from->pairs); k++) {
        uint32_t pair[2];
        pair_at(from, k, pair);
        add_group(into, to_person[pair[0]], to_group[pair[1]]);
    }
    tr_host->free(to_group);
    tr_host->free(to_person);
    return rc;
}

/* Person p's figures: persons_reached 1 when a row of theirs counted. */
static void person_values(const tr_person *p, int64_t v[TR_MEASURES])
{
    memset(v, 0, TR_MEASURES * sizeof *v);
    v[TR_PERSONS] = p->participations > 0;
    v[TR_PARTICIPATIONS] = p->participations;
    v[TR_HOURS] = p->hours;
    v[TR_DISAGREEING] = disagrees(p);
}

/* Adds person i, when reached, with all their figures to target group k
 * (TR_NO_GROUP: none), covered when has_population[k]. */
static int count_group(jv_ctx *ctx, const tr_persons *set, uint32_t i, uint32_t k,
                       const uint8_t *has_population, jv_tally *tally)
{
    const tr_person *p = &set->items[i];
    if (p->participations == 0 || k == TR_NO_GROUP)
        return 0;
    int64_t v[TR_MEASURES];
    person_values(p, v);
    v[TR_COVERED] = has_population[k];
    const char *name = tr_host->map_key(set->names, k, NULL);
    return tr_host->tally_add_value(ctx, tally, TR_GROUPS, name, p->gender, v);
}

/* Adds to the main split every person reached or with disagreeing
 * genders, and to the target groups every (person, group) reached. */
static int count(jv_ctx *ctx, const tr_persons *set, const uint8_t *has_population, jv_tally *tally)
{
    for (size_t i = 0; i < tr_host->map_size(set->ids); i++) {
        const tr_person *p = &set->items[i];
        int64_t v[TR_MEASURES];
        person_values(p, v);
        if ((v[TR_PERSONS] || v[TR_DISAGREEING]) &&
            tr_host->tally_add_keys(ctx, tally, NULL, p->gender, v) != 0)
            return -1;
        if (count_group(ctx, set, (uint32_t)i, p->group, has_population, tally) != 0)
            return -1;
    }
    for (size_t i = 0; i < tr_host->map_size(set->pairs); i++) {
        uint32_t pair[2];
        pair_at(set, i, pair);
        if (count_group(ctx, set, pair[0], pair[1], has_population, tally) != 0)
            return -1;
    }
    return 0;
}

int tr_state_build(jv_ctx *ctx, const tr_state *state)
{
    tr_state *s = (tr_state *)state; /* only the cache (training_reach.h) */
    if (s->built)
        return 0;
    /* A group's persons are covered when the region has population rows
     * for it (INDICATORS.md "Edge readings": rates never mix scopes). */
    uint8_t *has_population = tr_host->alloc0(tr_host->map_size(s->persons.names) + 1);
    for (size_t i = 0; i < tr_host->tally_size(s->tally, TR_GROUPS); i++) {
        size_t length;
        const char *value = tr_host->tally_value(s->tally, TR_GROUPS, i, &length);
        size_t k = tr_host->map_find(s->persons.names, value, length);
        const int64_t *cells = tr_host->tally_cells(s->tally, TR_GROUPS, i);
        for (int g = 0; k != JV_NOT_FOUND && g < JV_GENDERS; g++)
            has_population[k] |= cells[g * TR_MEASURES + TR_POPULATION_ROWS] > 0;
    }
    int rc = count(ctx, &s->persons, has_population, s->tally);
    tr_host->free(has_population);
    s->built = rc == 0;
    return rc;
}
