/* core/data/intern.c — the string map of intern.h: open addressing with
 * linear probing at most half full, keys in an arena of chunks that are
 * never moved. */
#include "data/intern.h"

#include <glib.h>

#define CHUNK_SIZE ((size_t)64 << 10)

struct jv_intern_chunk {
    jv_intern_chunk *next;
    size_t used, size;
    char data[];
};

void jv_intern_init(jv_intern *map) { memset(map, 0, sizeof *map); }

void jv_intern_clear(jv_intern *map)
{
    for (jv_intern_chunk *c = map->chunks, *next; c != NULL; c = next) {
        next = c->next;
        g_free(c);
    }
    g_free(map->slots);
    jv_intern_init(map);
}

static char *arena_copy(jv_intern *map, const char *key, size_t length)
{
    jv_intern_chunk *c = map->chunks;
    if (c == NULL || c->size - c->used < length + 1) {
        size_t size = MAX(CHUNK_SIZE, length + 1);
        c = g_malloc(sizeof *c + size);
        c->used = 0;
        c->size = size;
        c->next = map->chunks;
        map->chunks = c;
    }
    char *copy = c->data + c->used;
    memcpy(copy, key, length);
    copy[length] = '\0';
    c->used += length + 1;
    return copy;
}

static void place(jv_intern_entry *slots, size_t mask, const jv_intern_entry *entry)
{
    size_t i = entry->hash & mask;
    while (slots[i].key != NULL)
        i = (i + 1) & mask;
    slots[i] = *entry;
}

static void grow(jv_intern *map)
{
    size_t n_slots = map->slots ? (map->mask + 1) * 2 : 16;
    jv_intern_entry *slots = g_new0(jv_intern_entry, n_slots);
    if (map->slots != NULL) {
        for (size_t i = 0; i <= map->mask; i++)
            if (map->slots[i].key != NULL)
                place(slots, n_slots - 1, &map->slots[i]);
        g_free(map->slots);
    }
    map->slots = slots;
    map->mask = n_slots - 1;
}

const char *jv_intern_insert(jv_intern *map, const char *key, size_t length, uint64_t hash,
                             uint32_t value)
{
    if (map->slots == NULL || (map->size + 1) * 2 > map->mask + 1)
        grow(map);
    jv_intern_entry entry = {.hash = hash,
                             .key = arena_copy(map, key, length),
                             .length = (uint32_t)length,
                             .value = value};
    place(map->slots, map->mask, &entry);
    map->size++;
    return entry.key;
}
