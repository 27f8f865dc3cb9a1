/* core/plugin/string_map.c — the host's string map (jamvikt/tally.h,
 * jv_host map_*): byte strings → dense indices in insertion order, with a
 * per-dictionary translation cache and a byte-order sort. The hash table
 * itself is core/data/intern.h's (the one open-addressing table and hash
 * of the core); this file adds the dense key list around it. */
#include "plugin/tally_impl.h"

#include "data/intern.h"

#include <glib.h>
#include <string.h>

/* The translation of one dictionary (batch.h rule 5: dictionaries only
 * grow, so entries [0, size) never change). */
typedef struct map_translation {
    uint64_t dict_id;
    size_t size;
    size_t *to_index;
} map_translation;

struct jv_map {
    jv_intern table;   /* key → index */
    const char **keys; /* index → key (the table's arena copy) */
    uint32_t *lengths;
    size_t size, capacity;
    map_translation *translations;
    size_t n_translations;
};

jv_map *jv_map_new(void)
{
    jv_map *map = g_new0(jv_map, 1);
    jv_intern_init(&map->table);
    return map;
}

void jv_map_free(jv_map *map)
{
    if (map == NULL)
        return;
    jv_intern_clear(&map->table);
    g_free(map->keys);
    g_free(map->lengths);
    for (size_t i = 0; i < map->n_translations; i++)
        g_free(map->translations[i].to_index);
    g_free(map->translations);
    g_free(map);
}

size_t jv_map_find(const jv_map *map, const char *key, size_t length)
{
    const jv_intern_entry *e =
        jv_intern_find(&map->table, key, length, jv_intern_hash(key, length));
    return e ? e->value : JV_NOT_FOUND;
}

size_t jv_map_intern(jv_map *map, const char *key, size_t length)
{
    uint64_t hash = jv_intern_hash(key, length);
    const jv_intern_entry *e = jv_intern_find(&map->table, key, length, hash);
    if (e != NULL)
        return e->value;
    if (length > UINT32_MAX || map->size >= UINT32_MAX)
        g_error("string map: more than 2^32 keys or bytes in one key");
    if (map->size == map->capacity) {
        map->capacity = map->capacity ? map->capacity * 2 : 16;
        map->keys = g_renew(const char *, map->keys, map->capacity);
        map->lengths = g_renew(uint32_t, map->lengths, map->capacity);
    }
    size_t index = map->size++;
    map->keys[index] = jv_intern_insert(&map->table, key, length, hash, (uint32_t)index);
    map->lengths[index] = (uint32_t)length;
    return index;
}

size_t jv_map_size(const jv_map *map) { return map->size; }

const char *jv_map_key(const jv_map *map, size_t i, size_t *length)
{
    if (i >= map->size)
        return NULL;
    if (length != NULL)
        *length = map->lengths[i];
    return map->keys[i];
}

const size_t *jv_map_translate(jv_map *map, const jv_column *column)
{
    const jv_dict *dict = column ? column->dict : NULL;
    if (dict == NULL)
        return NULL;
    map_translation *t = NULL;
    for (size_t i = 0; i < map->n_translations && t == NULL; i++)
        if (map->translations[i].dict_id == dict->id)
            t = &map->translations[i];
    if (t == NULL) {
        map->translations = g_renew(map_translation, map->translations, map->n_translations + 1);
        t = &map->translations[map->n_translations++];
        *t = (map_translation){.dict_id = dict->id};
    }
    if (dict->size > t->size || t->to_index == NULL) {
        t->to_index = g_renew(size_t, t->to_index, dict->size ? dict->size : 1);
        for (size_t c = t->size; c < dict->size; c++)
            t->to_index[c] = jv_map_intern(map, dict->values[c].data, dict->values[c].length);
        t->size = dict->size;
    }
    return t->to_index;
}

int jv_map_compare(const jv_map *map, size_t i, size_t j)
{
    uint32_t li = map->lengths[i], lj = map->lengths[j];
    int c = memcmp(map->keys[i], map->keys[j], li < lj ? li : lj);
    return c != 0 ? c : (li > lj) - (li < lj);
}

/* A merge sort that carries the map (C11 qsort has no context pointer). */
static void sort_range(const jv_map *map, size_t *a, size_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    sort_range(map, a, tmp, half);
    sort_range(map, a + half, tmp, n - half);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = jv_map_compare(map, a[j], a[i]) < 0 ? a[j++] : a[i++];
    while (i < half)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

size_t *jv_map_sorted(const jv_map *map)
{
    size_t n = map->size ? map->size : 1;
    size_t *order = g_new(size_t, n);
    size_t *tmp = g_new(size_t, n);
    for (size_t i = 0; i < map->size; i++)
        order[i] = i;
    sort_range(map, order, tmp, map->size);
    g_free(tmp);
    return order;
}
