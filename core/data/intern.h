/* core/data/intern.h — a map from byte strings to 32-bit values, for
 * interning category values and caching code lookups per column.
 *
 * Contract:
 *  1. Keys are copied into the map's own arena, NUL-terminated; a stored
 *     key stays at the same address for the map's life (so dictionaries can
 *     hand it out as jv_string data).
 *  2. Lookup is inline and allocation-free: one hash of the bytes, a few
 *     probes, one memcmp.
 *  3. Memory grows only with the distinct keys inserted.
 */
#ifndef JV_DATA_INTERN_H
#define JV_DATA_INTERN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct jv_intern_entry {
    uint64_t hash;
    const char *key; /* NULL: empty slot */
    uint32_t length;
    uint32_t value;
} jv_intern_entry;

typedef struct jv_intern_chunk jv_intern_chunk;

typedef struct jv_intern {
    jv_intern_entry *slots;
    size_t mask;             /* number of slots - 1 (a power of two minus one) */
    size_t size;             /* keys stored */
    jv_intern_chunk *chunks; /* the key arena, newest first */
} jv_intern;

static inline uint64_t jv_intern_hash(const char *key, size_t length)
{
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (length * 0xff51afd7ed558ccdull);
    while (length >= 8) {
        uint64_t v;
        memcpy(&v, key, 8);
        h = (h ^ v) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        key += 8;
        length -= 8;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < length; i++)
        v |= (uint64_t)(unsigned char)key[i] << (8 * i);
    h = (h ^ v) * 0x94d049bb133111ebull;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 32);
}

void jv_intern_init(jv_intern *map);
void jv_intern_clear(jv_intern *map); /* frees everything it holds */

/* The entry for key, or NULL. Borrowed. */
static inline const jv_intern_entry *jv_intern_find(const jv_intern *map, const char *key,
                                                    size_t length, uint64_t hash)
{
    if (map->slots == NULL)
        return NULL;
    for (size_t i = hash & map->mask;; i = (i + 1) & map->mask) {
        const jv_intern_entry *e = &map->slots[i];
        if (e->key == NULL)
            return NULL;
        if (e->hash == hash && e->length == length && memcmp(e->key, key, length) == 0)
            return e;
    }
}

/* Stores key → value; key must not be in the map yet. Returns the stored,
 * NUL-terminated copy of the key (owned by the map). */
const char *jv_intern_insert(jv_intern *map, const char *key, size_t length, uint64_t hash,
                             uint32_t value);

#endif /* JV_DATA_INTERN_H */
