/* plugins/common/plugin_map.c — string → dense index map and dictionary
 * translation for the built-in plugins (see plugin_map.h). FNV-1a hashing,
 * open addressing with linear probing, load factor at most 1/2. */
#include "plugin_map.h"

#include <stdlib.h>
#include <string.h>

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

void jvp_map_init(jvp_map *map)
{
    memset(map, 0, sizeof *map);
}

void jvp_map_clear(jvp_map *map)
{
    for (size_t i = 0; i < map->size; i++)
        free(map->keys[i]);
    free(map->keys);
    free(map->lengths);
    free(map->slots);
    jvp_map_init(map);
}

static int grow_slots(jvp_map *map)
{
    size_t n = map->n_slots ? map->n_slots * 2 : 16;
    uint32_t *slots = calloc(n, sizeof *slots);
    if (slots == NULL)
        return -1;
    for (size_t i = 0; i < map->size; i++) {
        size_t s = hash_bytes(map->keys[i], map->lengths[i]) & (n - 1);
        while (slots[s] != 0)
            s = (s + 1) & (n - 1);
        slots[s] = (uint32_t)i + 1;
    }
    free(map->slots);
    map->slots = slots;
    map->n_slots = n;
    return 0;
}

static size_t probe(const jvp_map *map, const char *key, size_t length)
{
    size_t s = hash_bytes(key, length) & (map->n_slots - 1);
    while (map->slots[s] != 0) {
        uint32_t i = map->slots[s] - 1;
        if (map->lengths[i] == length && memcmp(map->keys[i], key, length) == 0)
            return s;
        s = (s + 1) & (map->n_slots - 1);
    }
    return s;
}

uint32_t jvp_map_find(const jvp_map *map, const char *key, size_t length)
{
    if (map->n_slots == 0)
        return (uint32_t)-1;
    size_t s = probe(map, key, length);
    return map->slots[s] ? map->slots[s] - 1 : (uint32_t)-1;
}

uint32_t jvp_map_intern(jvp_map *map, const char *key, size_t length, int *is_new)
{
    if (is_new)
        *is_new = 0;
    if ((map->size + 1) * 2 > map->n_slots && grow_slots(map) != 0)
        return (uint32_t)-1;
    size_t s = probe(map, key, length);
    if (map->slots[s] != 0)
        return map->slots[s] - 1;
    if (map->size == map->capacity) {
        size_t cap = map->capacity ? map->capacity * 2 : 16;
        char **keys = realloc(map->keys, cap * sizeof *keys);
        if (keys == NULL)
            return (uint32_t)-1;
        map->keys = keys;
        uint32_t *lengths = realloc(map->lengths, cap * sizeof *lengths);
        if (lengths == NULL)
            return (uint32_t)-1;
        map->lengths = lengths;
        map->capacity = cap;
    }
    char *copy = malloc(length + 1);
    if (copy == NULL)
        return (uint32_t)-1;
    if (length > 0)
        memcpy(copy, key, length);
    copy[length] = '\0';
    uint32_t index = (uint32_t)map->size;
    map->keys[index] = copy;
    map->lengths[index] = (uint32_t)length;
    map->size++;
    map->slots[s] = index + 1;
    if (is_new)
        *is_new = 1;
    return index;
}

static int compare_keys(const jvp_map *map, uint32_t i, uint32_t j)
{
    uint32_t li = map->lengths[i], lj = map->lengths[j];
    int c = memcmp(map->keys[i], map->keys[j], li < lj ? li : lj);
    if (c != 0)
        return c;
    return (li > lj) - (li < lj);
}

/* A stable merge sort that carries the map (C11 qsort has no context
 * pointer, and a static one would not be thread-safe). */
static void sort_range(const jvp_map *map, uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    sort_range(map, a, tmp, half);
    sort_range(map, a + half, tmp, n - half);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = compare_keys(map, a[j], a[i]) < 0 ? a[j++] : a[i++];
    while (i < half)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

uint32_t *jvp_map_sorted(const jvp_map *map)
{
    size_t n = map->size ? map->size : 1;
    uint32_t *order = malloc(n * sizeof *order);
    uint32_t *tmp = malloc(n * sizeof *tmp);
    if (order == NULL || tmp == NULL) {
        free(order);
        free(tmp);
        return NULL;
    }
    for (size_t i = 0; i < map->size; i++)
        order[i] = (uint32_t)i;
    sort_range(map, order, tmp, map->size);
    free(tmp);
    return order;
}

void jvp_translation_init(jvp_translation *t)
{
    memset(t, 0, sizeof *t);
}

void jvp_translation_clear(jvp_translation *t)
{
    free(t->to_index);
    jvp_translation_init(t);
}

const uint32_t *jvp_translate(jvp_translation *t, jvp_map *map, const jv_column *column)
{
    const jv_dict *dict = column->dict;
    if (dict == NULL)
        return t->to_index;
    if (t->to_index == NULL || t->dict_id != dict->id) {
        free(t->to_index);
        t->to_index = NULL;
        t->size = 0;
        t->dict_id = dict->id;
    }
    if (dict->size > t->size) {
        uint32_t *to = realloc(t->to_index, dict->size * sizeof *to);
        if (to == NULL)
            return NULL;
        t->to_index = to;
        for (size_t c = t->size; c < dict->size; c++) {
            uint32_t i = jvp_map_intern(map, dict->values[c].data, dict->values[c].length, NULL);
            if (i == (uint32_t)-1)
                return NULL;
            to[c] = i;
        }
        t->size = dict->size;
    }
    return t->to_index;
}
