/* plugins/training-reach/saved.c — a finished region of training_reach as
 * aggregates only, and back (DESIGN.md: "a region sends its saved states
 * (aggregates only, no person-level row or identifier)").
 *
 * The saved object (format 1); every count is an array over the five
 * genders in jv_gender order, hours are fixed point (value × 10^4):
 *   { "format": 1, "region": "…", "hours_present": true, "disagreeing": 0,
 *     "persons_reached": [5], "participations": [5], "hours": [5],
 *     "target_groups": [ { "value": "…", "reached": [5], "covered": [5],
 *                          "population": [5], "population_rows": n } ] }
 * Target groups are written in sorted order, so one region's saved state
 * does not depend on how its rows were split into chunks. load() checks
 * every field (a saved file is input: bad input must never crash) and
 * rejects what save() could not have written.
 */
#include "training_reach.h"

#include <stdlib.h>

#define TR_SAVE_FORMAT 1

static void put_counts(jv_writer *w, const char *key, const int64_t *counts)
{
    tr_host->begin_array(w, key);
    for (int g = 0; g < JV_GENDERS; g++)
        tr_host->put_integer(w, NULL, counts[g]);
    tr_host->end_array(w);
}

int tr_save(jv_ctx *ctx, const tr_aggregate *agg, const char *region, jv_writer *out)
{
    uint32_t *order = jvp_map_sorted(&agg->names);
    if (order == NULL) {
        tr_host->error(ctx, "out of memory");
        return -1;
    }
    tr_host->put_integer(out, "format", TR_SAVE_FORMAT);
    if (region != NULL)
        tr_host->put_string(out, "region", region);
    else
        tr_host->put_null(out, "region");
    tr_host->put_bool(out, "hours_present", agg->hours_present);
    tr_host->put_integer(out, "disagreeing", agg->disagreeing);
    put_counts(out, "persons_reached", agg->persons);
    put_counts(out, "participations", agg->participations);
    put_counts(out, "hours", agg->hours);
    tr_host->begin_array(out, "target_groups");
    for (size_t k = 0; k < agg->names.size; k++) {
        const tr_group *t = &agg->groups[order[k]];
        tr_host->begin_object(out, NULL);
        tr_host->put_string(out, "value", jvp_map_key(&agg->names, order[k]));
        put_counts(out, "reached", t->reached);
        put_counts(out, "covered", t->covered);
        put_counts(out, "population", t->population);
        tr_host->put_integer(out, "population_rows", t->population_rows);
        tr_host->end_object(out);
    }
    tr_host->end_array(out);
    free(order);
    return 0;
}

static int bad(jv_ctx *ctx, const char *what)
{
    tr_host->error(ctx, "saved state of training_reach: %s", what);
    return -1;
}

static int read_integer(jv_ctx *ctx, const jv_node *node, const char *key, int64_t *out)
{
    const jv_node *v = tr_host->node_get(node, key);
    if (v == NULL || tr_host->node_integer(v, out) != 0 || *out < 0) {
        tr_host->error(ctx, "saved state of training_reach: '%s' must be an integer >= 0",
                       key);
        return -1;
    }
    return 0;
}

static int read_counts(jv_ctx *ctx, const jv_node *node, const char *key, int64_t *out)
{
    const jv_node *v = tr_host->node_get(node, key);
    if (v == NULL || tr_host->node_size(v) != JV_GENDERS) {
        tr_host->error(ctx, "saved state of training_reach: '%s' must be an array of %d counts",
                       key, JV_GENDERS);
        return -1;
    }
    for (size_t g = 0; g < JV_GENDERS; g++) {
        const jv_node *item = tr_host->node_at(v, g);
        if (item == NULL || tr_host->node_integer(item, &out[g]) != 0 || out[g] < 0) {
            tr_host->error(ctx, "saved state of training_reach: '%s' must hold integers >= 0",
                           key);
            return -1;
        }
    }
    return 0;
}

static int read_group(jv_ctx *ctx, const jv_node *node, tr_aggregate *agg)
{
    const jv_node *value = tr_host->node_get(node, "value");
    const char *text = value != NULL ? tr_host->node_string(value) : NULL;
    if (text == NULL)
        return bad(ctx, "a target group has no 'value' string");
    size_t before = agg->names.size;
    size_t length = 0;
    while (text[length] != '\0')
        length++;
    uint32_t i = tr_aggregate_group(agg, text, length);
    if (i == TR_NO_INDEX) {
        tr_host->error(ctx, "out of memory");
        return -1;
    }
    if (agg->names.size == before)
        return bad(ctx, "a target group is listed twice");
    tr_group *t = &agg->groups[i];
    if (read_counts(ctx, node, "reached", t->reached) != 0 ||
        read_counts(ctx, node, "covered", t->covered) != 0 ||
        read_counts(ctx, node, "population", t->population) != 0 ||
        read_integer(ctx, node, "population_rows", &t->population_rows) != 0)
        return -1;
    for (int g = 0; g < JV_GENDERS; g++)
        if (t->covered[g] > t->reached[g])
            return bad(ctx, "a target group covers more persons than it reached");
    return 0;
}

int tr_load(jv_ctx *ctx, const jv_node *in, tr_aggregate *agg, char **region)
{
    *region = NULL;
    int64_t format;
    if (in == NULL || read_integer(ctx, in, "format", &format) != 0)
        return -1;
    if (format != TR_SAVE_FORMAT)
        return bad(ctx, "unknown 'format' (this plugin reads format 1)");
    const jv_node *name = tr_host->node_get(in, "region");
    if (name != NULL && tr_host->node_string(name) != NULL)
        *region = tr_host->strdup(tr_host->node_string(name));
    const jv_node *hours_present = tr_host->node_get(in, "hours_present");
    int present = hours_present != NULL ? tr_host->node_bool(hours_present) : -1;
    if (present < 0)
        return bad(ctx, "'hours_present' must be true or false");
    agg->hours_present = present;
    if (read_integer(ctx, in, "disagreeing", &agg->disagreeing) != 0 ||
        read_counts(ctx, in, "persons_reached", agg->persons) != 0 ||
        read_counts(ctx, in, "participations", agg->participations) != 0 ||
        read_counts(ctx, in, "hours", agg->hours) != 0)
        return -1;
    /* INDICATORS.md: a person reached has at least one counted row */
    for (int g = 0; g < JV_GENDERS; g++)
        if (agg->persons[g] > agg->participations[g])
            return bad(ctx, "more persons reached than participations");
    const jv_node *groups = tr_host->node_get(in, "target_groups");
    if (groups == NULL)
        return bad(ctx, "'target_groups' is missing");
    size_t n = tr_host->node_size(groups);
    for (size_t k = 0; k < n; k++) {
        const jv_node *group = tr_host->node_at(groups, k);
        if (group == NULL || read_group(ctx, group, agg) != 0)
            return -1;
    }
    /* a person reached in a target group is a person reached */
    for (uint32_t i = 0; i < agg->names.size; i++)
        for (int g = 0; g < JV_GENDERS; g++)
            if (agg->groups[i].reached[g] > agg->persons[g])
                return bad(ctx, "a target group reached more persons than were reached");
    return 0;
}
