/* plugins/training-reach/aggregate.c — building and adding the aggregates
 * of training_reach (aggregate.h). */
#include "aggregate.h"

#include <stdlib.h>
#include <string.h>

void tr_aggregate_init(tr_aggregate *agg)
{
    memset(agg, 0, sizeof *agg);
    jvp_map_init(&agg->names);
}

void tr_aggregate_clear(tr_aggregate *agg)
{
    jvp_map_clear(&agg->names);
    free(agg->groups);
    tr_aggregate_init(agg);
}

uint32_t tr_aggregate_group(tr_aggregate *agg, const char *value, size_t length)
{
    /* Room for one more group first, so a name never lacks its counters. */
    if (agg->names.size + 1 > agg->capacity) {
        size_t cap = agg->capacity ? agg->capacity * 2 : 8;
        tr_group *groups = realloc(agg->groups, cap * sizeof *groups);
        if (groups == NULL)
            return TR_NO_INDEX;
        agg->groups = groups;
        agg->capacity = cap;
    }
    int is_new = 0;
    uint32_t index = jvp_map_intern(&agg->names, value, length, &is_new);
    if (index == (uint32_t)-1)
        return TR_NO_INDEX;
    if (is_new)
        memset(&agg->groups[index], 0, sizeof agg->groups[index]);
    return index;
}

static int add_array(int64_t *into, const int64_t *from)
{
    for (int g = 0; g < JV_GENDERS; g++)
        if (tr_add(&into[g], from[g]) != TR_OK)
            return TR_OVERFLOW;
    return TR_OK;
}

int tr_aggregate_add(tr_aggregate *into, const tr_aggregate *from, uint32_t *map)
{
    if (add_array(into->persons, from->persons) != TR_OK ||
        add_array(into->participations, from->participations) != TR_OK ||
        add_array(into->hours, from->hours) != TR_OK ||
        tr_add(&into->disagreeing, from->disagreeing) != TR_OK)
        return TR_OVERFLOW;
    into->hours_present |= from->hours_present;
    for (size_t i = 0; i < from->names.size; i++) {
        uint32_t j = tr_aggregate_group(into, jvp_map_key(&from->names, (uint32_t)i),
                                        from->names.lengths[i]);
        if (j == TR_NO_INDEX)
            return TR_NO_MEMORY;
        if (map != NULL)
            map[i] = j;
        const tr_group *f = &from->groups[i];
        tr_group *t = &into->groups[j];
        if (add_array(t->reached, f->reached) != TR_OK ||
            add_array(t->covered, f->covered) != TR_OK ||
            add_array(t->population, f->population) != TR_OK ||
            tr_add(&t->population_rows, f->population_rows) != TR_OK)
            return TR_OVERFLOW;
    }
    return TR_OK;
}

int tr_aggregate_from_persons(tr_aggregate *out, const tr_aggregate *base,
                              const tr_persons *persons)
{
    int rc = tr_aggregate_add(out, base, NULL);
    if (rc != TR_OK)
        return rc;
    for (size_t i = 0; i < persons->size; i++) {
        const tr_person *p = &persons->items[i];
        if (tr_person_disagrees(p))
            out->disagreeing++;
        if (p->participations == 0)
            continue; /* not reached: no counted row */
        unsigned g = p->gender < JV_GENDERS ? p->gender : JV_UNKNOWN;
        out->persons[g]++;
        if (tr_add(&out->participations[g], p->participations) != TR_OK ||
            tr_add(&out->hours[g], p->hours) != TR_OK)
            return TR_OVERFLOW;
        if (p->group != TR_NO_INDEX && p->group < out->names.size)
            out->groups[p->group].reached[g]++;
    }
    for (size_t s = 0; s < persons->pair_slots; s++) {
        uint64_t v = persons->pairs[s];
        if (v == TR_PAIR_EMPTY)
            continue;
        uint32_t person = (uint32_t)(v >> 32), group = (uint32_t)v;
        if (person >= persons->size || group >= out->names.size)
            continue;
        unsigned g = persons->items[person].gender;
        out->groups[group].reached[g < JV_GENDERS ? g : JV_UNKNOWN]++;
    }
    for (size_t k = 0; k < out->names.size; k++) {
        tr_group *t = &out->groups[k];
        if (t->population_rows > 0)
            memcpy(t->covered, t->reached, sizeof t->covered);
    }
    return TR_OK;
}

int tr_aggregate_has_population(const tr_aggregate *agg)
{
    for (size_t k = 0; k < agg->names.size; k++)
        if (agg->groups[k].population_rows > 0)
            return 1;
    return 0;
}
