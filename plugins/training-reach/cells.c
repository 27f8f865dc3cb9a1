/* plugins/training-reach/cells.c — the disclosure groups and families of
 * training_reach (INDICATORS.md "Disclosure control"; protected count:
 * persons_reached).
 *
 * Groups of a scope:
 *   JV_MAIN_GROUP ("split")  persons reached per gender
 *   "tg/<value>"             persons reached in each target group
 *   "reach"                  (scopes with population rows) the pooled
 *                            persons reached of woman and man; others 0
 * Families: every target group → "split"; the target groups that have
 * population rows → "reach". Members are listed in sorted value order, the
 * order the result lists them in (ties in rule 3).
 */
#include "training_reach.h"

#include <stdlib.h>
#include <string.h>

char *tr_group_key(const tr_aggregate *agg, uint32_t i)
{
    size_t n = agg->names.lengths[i];
    char *key = malloc(n + 4);
    if (key == NULL)
        return NULL;
    memcpy(key, "tg/", 3);
    memcpy(key + 3, jvp_map_key(&agg->names, i), n);
    key[n + 3] = '\0';
    return key;
}

int tr_cells(jv_ctx *ctx, const tr_aggregate *agg, jv_cells *cells)
{
    size_t n = agg->names.size;
    uint32_t *order = jvp_map_sorted(&agg->names);
    char **keys = calloc(n ? n : 1, sizeof *keys);
    const char **with_population = calloc(n ? n : 1, sizeof *with_population);
    int rc = -1;
    if (order == NULL || keys == NULL || with_population == NULL) {
        tr_host->error(ctx, "out of memory");
        goto done;
    }
    tr_host->add_group(cells, JV_MAIN_GROUP, 1, agg->persons);

    size_t n_population = 0;
    int64_t reach[JV_GENDERS] = {0};
    for (size_t k = 0; k < n; k++) {
        const tr_group *t = &agg->groups[order[k]];
        keys[k] = tr_group_key(agg, order[k]);
        if (keys[k] == NULL) {
            tr_host->error(ctx, "out of memory");
            goto done;
        }
        tr_host->add_group(cells, keys[k], 1, t->reached);
        if (t->population_rows > 0) {
            with_population[n_population++] = keys[k];
            reach[JV_WOMAN] += t->covered[JV_WOMAN];
            reach[JV_MAN] += t->covered[JV_MAN];
        }
    }
    if (n > 0)
        tr_host->add_family(cells, JV_MAIN_GROUP, (const char *const *)keys, n);
    if (n_population > 0) {
        tr_host->add_group(cells, "reach", 1, reach);
        tr_host->add_family(cells, "reach", with_population, n_population);
    }
    rc = 0;
done:
    for (size_t k = 0; keys != NULL && k < n; k++)
        free(keys[k]);
    free(keys);
    free(with_population);
    free(order);
    return rc;
}
