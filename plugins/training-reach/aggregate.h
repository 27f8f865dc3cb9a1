/* plugins/training-reach/aggregate.h — the aggregates of training_reach:
 * counters per gender and per target group, with no identifier in them.
 *
 * Contract:
 *  1. Every figure of the result, every disclosure cell and the saved state
 *     come from a tr_aggregate, so a region computed from its persons and
 *     the same region saved and loaded give identical results.
 *  2. A region's aggregate is derived from its person set
 *     (tr_aggregate_from_persons); the total's is the sum of the regions'
 *     (tr_aggregate_add): persons are counted region by region.
 *  3. Per target group, `covered` holds the persons reached in scopes that
 *     have population rows for that group: in a region it equals `reached`
 *     when the group has population rows and is 0 otherwise; summed in the
 *     total it keeps `reach` the sum of the regions' reach, and rates never
 *     divide persons of one region by the population of another.
 *  4. Group values are kept in order of first insertion; tr_aggregate_add
 *     inserts `from`'s groups in its order, so adding into an empty
 *     aggregate keeps the indices.
 *  5. Functions return TR_OK, or TR_NO_MEMORY / TR_OVERFLOW (a sum beyond
 *     64 bits) for the caller to report; nothing here aborts.
 * Owns its memory; tr_aggregate_clear() frees it.
 */
#ifndef JV_TRAINING_REACH_AGGREGATE_H
#define JV_TRAINING_REACH_AGGREGATE_H

#include <jamvikt/batch.h>
#include <stdint.h>

#include "../common/plugin_map.h"
#include "persons.h"

enum { TR_OK = 0, TR_NO_MEMORY = -1, TR_OVERFLOW = -2 };

typedef struct tr_group {
    int64_t reached[JV_GENDERS];    /* persons with a counted row in it */
    int64_t covered[JV_GENDERS];    /* reached, where population rows exist */
    int64_t population[JV_GENDERS]; /* sum of `size` */
    int64_t population_rows;
} tr_group;

typedef struct tr_aggregate {
    int64_t persons[JV_GENDERS];        /* persons reached */
    int64_t participations[JV_GENDERS]; /* counted rows */
    int64_t hours[JV_GENDERS];          /* fixed point */
    int hours_present;                  /* some batch had the hours column */
    int64_t disagreeing;                /* persons whose genders disagree */
    jvp_map names;                      /* target group values */
    tr_group *groups;                   /* names.size entries */
    size_t capacity;
} tr_aggregate;

void tr_aggregate_init(tr_aggregate *agg);
void tr_aggregate_clear(tr_aggregate *agg);

/* The index of target group `value`, added with zero counters when new;
 * TR_NO_INDEX when memory is exhausted. */
uint32_t tr_aggregate_group(tr_aggregate *agg, const char *value, size_t length);

/* into += from, groups matched by value. When `map` is not NULL it
 * receives, per group of `from`, its index in `into` (from->names.size
 * entries, allocated by the caller). */
int tr_aggregate_add(tr_aggregate *into, const tr_aggregate *from, uint32_t *map);

/* out (empty) = base's groups and population (and hours_present) plus the
 * counts of the persons, whose group indices are base's. */
int tr_aggregate_from_persons(tr_aggregate *out, const tr_aggregate *base,
                              const tr_persons *persons);

/* Whether any target group has population rows. */
int tr_aggregate_has_population(const tr_aggregate *agg);

/* *acc += v, or TR_OVERFLOW (leaving *acc) when it would not fit. */
static inline int tr_add(int64_t *acc, int64_t v)
{
    if ((v > 0 && *acc > INT64_MAX - v) || (v < 0 && *acc < INT64_MIN - v))
        return TR_OVERFLOW;
    *acc += v;
    return TR_OK;
}

#endif /* JV_TRAINING_REACH_AGGREGATE_H */
