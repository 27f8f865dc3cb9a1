/* core/eval/region_dicts.c — category codes of a national table's chunk
 * translated into each region's own dictionary (see region_dicts.h). */
#include "eval/region_dicts.h"

#include <string.h>

#include "data/dict.h"
#include "data/intern.h"
#include "data/dataset.h"

/* A category column's dictionary within one region of a chunk. */
typedef struct region_dict {
    jv_category_dict dict;
    GArray *local; /* uint32 per chunk dict code: local code + 1, 0 none */
} region_dict;

struct jv_region_dicts {
    size_t n_cols;
    gboolean *translated; /* per union column */
    uint32_t **codes;     /* per translated column: one rowset of codes */
    jv_column *out;       /* what apply() returns */
    GHashTable *regions;  /* region pointer → region_dict[n_cols] */
};

jv_region_dicts *jv_region_dicts_new(const GArray *requests, const gboolean *used,
                                     int region_column)
{
    size_t n_cols = requests->len;
    gboolean *translated = g_new0(gboolean, n_cols + 1);
    gboolean any = FALSE;
    for (guint u = 0; u < n_cols; u++) {
        const jv_role_request *r = &g_array_index(requests, jv_role_request, u);
        translated[u] =
            used[u] && (int)u != region_column && r->type == JV_TYPE_CATEGORY && r->codes == NULL;
        any = any || translated[u];
    }
    if (!any) {
        g_free(translated);
        return NULL;
    }
    jv_region_dicts *d = g_new0(jv_region_dicts, 1);
    d->n_cols = n_cols;
    d->translated = translated;
    d->codes = g_new0(uint32_t *, n_cols);
    for (size_t u = 0; u < n_cols; u++)
        if (translated[u])
            d->codes[u] = g_new(uint32_t, JV_ROWSET_CAPACITY);
    d->out = g_new0(jv_column, n_cols);
    d->regions = g_hash_table_new(g_direct_hash, g_direct_equal);
    return d;
}

static region_dict *dicts_of(jv_region_dicts *d, const void *region)
{
    region_dict *dicts = g_hash_table_lookup(d->regions, region);
    if (dicts == NULL) {
        dicts = g_new0(region_dict, d->n_cols);
        for (size_t u = 0; u < d->n_cols; u++) {
            if (!d->translated[u])
                continue;
            jv_category_dict_init(&dicts[u].dict);
            dicts[u].local = g_array_new(FALSE, TRUE, sizeof(uint32_t));
        }
        g_hash_table_insert(d->regions, (gpointer)region, dicts);
    }
    return dicts;
}

/* Codes `from` (chunk dictionary `dict`) into `rd`'s codes in `to`. */
static void translate(region_dict *rd, const jv_dict *dict, const uint32_t *from,
                      const uint8_t *missing, uint32_t *to, size_t n)
{
    for (size_t r = 0; r < n; r++) {
        if (missing != NULL && missing[r]) {
            to[r] = 0;
            continue;
        }
        uint32_t code = from[r];
        if (code >= rd->local->len)
            g_array_set_size(rd->local, code + 1);
        uint32_t *local = &g_array_index(rd->local, uint32_t, code);
        if (*local == 0) {
            const jv_string *v = &dict->values[code];
            *local = jv_category_dict_add(&rd->dict, v->data, v->length,
                                          jv_intern_hash(v->data, v->length)) +
                     1;
        }
        to[r] = *local - 1;
    }
}

const jv_column *jv_region_dicts_apply(jv_region_dicts *d, const void *region,
                                       const jv_column *cols, size_t n)
{
    region_dict *dicts = dicts_of(d, region);
    for (size_t u = 0; u < d->n_cols; u++) {
        d->out[u] = cols[u];
        if (!d->translated[u] || cols[u].codes == NULL || cols[u].dict == NULL)
            continue;
        translate(&dicts[u], cols[u].dict, cols[u].codes, cols[u].missing, d->codes[u], n);
        d->out[u].codes = d->codes[u];
        d->out[u].dict = &dicts[u].dict.dict;
    }
    return d->out;
}

void jv_region_dicts_free(jv_region_dicts *d)
{
    if (d == NULL)
        return;
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, d->regions);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        region_dict *dicts = value;
        for (size_t u = 0; u < d->n_cols; u++)
            if (d->translated[u]) {
                jv_category_dict_clear(&dicts[u].dict);
                g_array_unref(dicts[u].local);
            }
        g_free(dicts);
    }
    g_hash_table_unref(d->regions);
    for (size_t u = 0; u < d->n_cols; u++)
        g_free(d->codes[u]);
    g_free(d->codes);
    g_free(d->out);
    g_free(d->translated);
    g_free(d);
}
