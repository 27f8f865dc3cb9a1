/* plugins/training-reach/persons.c — the distinct-person set (persons.h):
 * identifiers hashed eight bytes at a time, open addressing with linear
 * probing at load factor <= 1/2, hash tags in the slots, short identifiers
 * inside their records and long ones in one arena. */
#include "persons.h"

#include <jamvikt/batch.h>
#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

uint64_t tr_persons_hash(const char *key, size_t length)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (uint64_t)length;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t w;
        memcpy(&w, key + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    if (i < length) {
        uint64_t w = 0;
        memcpy(&w, key + i, length - i);
        h = (h ^ w) * 0x100000001b3ull;
    }
    return mix(h);
}

void tr_persons_init(tr_persons *set)
{
    memset(set, 0, sizeof *set);
}

void tr_persons_clear(tr_persons *set)
{
    free(set->items);
    free(set->slots);
    free(set->keys);
    free(set->pairs);
    tr_persons_init(set);
}

static int grow_slots(tr_persons *set)
{
    size_t n = set->n_slots ? set->n_slots * 2 : 64;
    if (n > ((size_t)1 << 32))
        return -1;
    uint64_t *slots = calloc(n, sizeof *slots);
    if (slots == NULL)
        return -1;
    for (size_t i = 0; i < set->n_slots; i++) {
        uint64_t v = set->slots[i];
        if (v == 0)
            continue;
        size_t s = (size_t)(v >> 32) & (n - 1);
        while (slots[s] != 0)
            s = (s + 1) & (n - 1);
        slots[s] = v;
    }
    free(set->slots);
    set->slots = slots;
    set->n_slots = n;
    return 0;
}

static int reserve(void **buffer, size_t *capacity, size_t needed, size_t unit,
                   size_t first)
{
    if (needed <= *capacity)
        return 0;
    size_t cap = *capacity ? *capacity : first;
    while (cap < needed)
        cap *= 2;
    void *grown = realloc(*buffer, cap * unit);
    if (grown == NULL)
        return -1;
    *buffer = grown;
    *capacity = cap;
    return 0;
}

int tr_persons_reserve(tr_persons *set, size_t more)
{
    if (more > (UINT32_MAX >> 2) || set->size + more >= (UINT32_MAX >> 1))
        return -1;
    while ((set->size + more + 1) * 2 > set->n_slots)
        if (grow_slots(set) != 0)
            return -1;
    return reserve((void **)&set->items, &set->capacity, set->size + more + 1,
                   sizeof *set->items, 64);
}

uint32_t tr_persons_intern(tr_persons *set, const char *key, size_t length,
                           uint64_t hash)
{
    if (length > UINT32_MAX || set->size >= (UINT32_MAX >> 1))
        return TR_NO_INDEX;
    if ((set->size + 1) * 2 > set->n_slots && grow_slots(set) != 0)
        return TR_NO_INDEX;
    /* The low 32 bits place the slot and, kept in it, tell most other
     * persons apart without touching their records. */
    uint64_t tag = (uint64_t)(uint32_t)hash << 32;
    size_t mask = set->n_slots - 1;
    size_t s = (size_t)(uint32_t)hash & mask;
    for (uint64_t v; (v = set->slots[s]) != 0; s = (s + 1) & mask) {
        if ((v & 0xffffffff00000000ull) != tag)
            continue;
        uint32_t i = (uint32_t)v - 1;
        if (set->items[i].key_length == length &&
            (length == 0 || memcmp(tr_persons_key(set, i), key, length) == 0))
            return i;
    }
    if (reserve((void **)&set->items, &set->capacity, set->size + 1,
                sizeof *set->items, 64) != 0)
        return TR_NO_INDEX;
    if (length > TR_INLINE_KEY &&
        reserve((void **)&set->keys, &set->keys_capacity, set->keys_size + length, 1,
                4096) != 0)
        return TR_NO_INDEX;
    uint32_t index = (uint32_t)set->size;
    tr_person *p = &set->items[index];
    memset(p, 0, sizeof *p);
    p->gender_position = TR_NO_POSITION;
    p->key_length = (uint32_t)length;
    p->group = TR_NO_INDEX;
    p->gender = JV_UNKNOWN;
    if (length <= TR_INLINE_KEY) {
        if (length > 0)
            memcpy(p->key.bytes, key, length);
    } else {
        p->key.offset = set->keys_size;
        memcpy(set->keys + set->keys_size, key, length);
        set->keys_size += length;
    }
    set->size++;
    set->slots[s] = tag | (index + 1);
    return index;
}

static int grow_pairs(tr_persons *set)
{
    size_t n = set->pair_slots ? set->pair_slots * 2 : 64;
    uint64_t *pairs = malloc(n * sizeof *pairs);
    if (pairs == NULL)
        return -1;
    for (size_t i = 0; i < n; i++)
        pairs[i] = TR_PAIR_EMPTY;
    for (size_t i = 0; i < set->pair_slots; i++) {
        uint64_t v = set->pairs[i];
        if (v == TR_PAIR_EMPTY)
            continue;
        size_t s = mix(v) & (n - 1);
        while (pairs[s] != TR_PAIR_EMPTY)
            s = (s + 1) & (n - 1);
        pairs[s] = v;
    }
    free(set->pairs);
    set->pairs = pairs;
    set->pair_slots = n;
    return 0;
}

int tr_persons_add_group(tr_persons *set, uint32_t index, uint32_t group)
{
    tr_person *p = &set->items[index];
    if (p->group == group)
        return 0;
    if (p->group == TR_NO_INDEX) {
        p->group = group;
        return 0;
    }
    if ((set->n_pairs + 1) * 2 > set->pair_slots && grow_pairs(set) != 0)
        return -1;
    uint64_t v = (uint64_t)index << 32 | group;
    size_t mask = set->pair_slots - 1;
    size_t s = mix(v) & mask;
    while (set->pairs[s] != TR_PAIR_EMPTY) {
        if (set->pairs[s] == v)
            return 0;
        s = (s + 1) & mask;
    }
    set->pairs[s] = v;
    set->n_pairs++;
    return 0;
}
