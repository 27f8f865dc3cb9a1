/* plugins/training-reach/persons.h — the distinct persons of one region's
 * training rows (INDICATORS.md "training_reach": persons are distinct by
 * `person` within a region).
 *
 * Contract:
 *  1. Memory grows with distinct persons (and their extra target groups),
 *     never with rows: an identifier is copied once, when its person is
 *     first seen (into the person's record when short, else an arena).
 *  2. Per person the set keeps only what merge() needs to stay exact in any
 *     order: the gender of the row with the smallest file position among
 *     the rows with a known gender (min wins), the set of known genders seen
 *     (bit g for gender g; two bits = rows that disagree), the counted rows,
 *     their hours, and the target groups of counted rows.
 *  3. A person's first target group is kept inline (most persons have one);
 *     every further one is a (person, group) pair in a side set.
 *  4. Group indices are the caller's (indices of the state's group map).
 *  5. Functions return -1 (or TR_NO_INDEX) when memory is exhausted and
 *     leave the set valid; nothing here aborts.
 * Owns all its memory; tr_persons_clear() frees it.
 */
#ifndef JV_TRAINING_REACH_PERSONS_H
#define JV_TRAINING_REACH_PERSONS_H

#include <stddef.h>
#include <stdint.h>

#define TR_NO_INDEX UINT32_MAX     /* no group / out of memory */
#define TR_NO_POSITION UINT64_MAX  /* no row with a known gender yet */
#define TR_INLINE_KEY 24           /* identifiers up to this long live in
                                      the record itself */

/* One cache line per person: a lookup that finds its person touches its
 * slot and this record, nothing else, for identifiers of up to
 * TR_INLINE_KEY bytes (longer ones are in the arena). */
typedef struct tr_person {
    int64_t participations;   /* counted rows */
    int64_t hours;            /* fixed point, sum over counted rows */
    uint64_t gender_position; /* file position of the row that set gender */
    uint32_t group;           /* first target group of a counted row */
    uint32_t key_length;
    uint8_t gender;           /* jv_gender; JV_UNKNOWN until a known one */
    uint8_t genders_seen;     /* bit g: a row with known gender g */
    uint8_t unused[6];
    union {
        char bytes[TR_INLINE_KEY]; /* key_length <= TR_INLINE_KEY */
        size_t offset;             /* else: into tr_persons.keys */
    } key;
} tr_person;

typedef struct tr_persons {
    tr_person *items;         /* dense, in order of first sight */
    size_t size, capacity;
    uint64_t *slots;          /* open addressing: 32 hash bits << 32 |
                                 (index + 1); 0 = empty */
    size_t n_slots;           /* power of two, or 0 */
    char *keys;               /* long identifiers' bytes, back to back */
    size_t keys_size, keys_capacity;
    uint64_t *pairs;          /* further groups: person << 32 | group */
    size_t n_pairs, pair_slots;
} tr_persons;

#define TR_PAIR_EMPTY UINT64_MAX

_Static_assert(sizeof(tr_person) == 64, "a person is one cache line");

void tr_persons_init(tr_persons *set);
void tr_persons_clear(tr_persons *set);

uint64_t tr_persons_hash(const char *key, size_t length);
/* The index of the person with this identifier (hash from
 * tr_persons_hash), added with empty counters when new. TR_NO_INDEX when
 * memory is exhausted. */
uint32_t tr_persons_intern(tr_persons *set, const char *key, size_t length,
                           uint64_t hash);
/* Makes room for `more` new persons, so that the next `more` calls of
 * tr_persons_intern() move neither the slots nor the records (the
 * prefetch hints below rely on that). 0 or -1. */
int tr_persons_reserve(tr_persons *set, size_t more);

#if defined(__GNUC__)
#define TR_PREFETCH(address) __builtin_prefetch(address)
#else
#define TR_PREFETCH(address) ((void)(address))
#endif

/* Hints for a lookup a few rows ahead: first its slot, then (once the slot
 * is likely cached) the record it points at. A set with no slots yet is
 * left alone. Only hints: they change nothing. */
static inline void tr_persons_prefetch_slot(const tr_persons *set, uint64_t hash)
{
    if (set->n_slots > 0)
        TR_PREFETCH(&set->slots[(size_t)(uint32_t)hash & (set->n_slots - 1)]);
}

static inline void tr_persons_prefetch_record(const tr_persons *set, uint64_t hash)
{
    if (set->n_slots == 0)
        return;
    uint64_t v = set->slots[(size_t)(uint32_t)hash & (set->n_slots - 1)];
    if (v != 0)
        TR_PREFETCH(&set->items[(uint32_t)v - 1]);
}

/* The identifier of person `index` (not NUL-terminated). */
static inline const char *tr_persons_key(const tr_persons *set, uint32_t index)
{
    const tr_person *p = &set->items[index];
    return p->key_length <= TR_INLINE_KEY ? p->key.bytes : set->keys + p->key.offset;
}

/* Records that person `index` has a counted row in `group`. 0 or -1. */
int tr_persons_add_group(tr_persons *set, uint32_t index, uint32_t group);

/* Records a row with known gender g (< 4) at file position `position`. */
static inline void tr_person_see_gender(tr_person *p, unsigned g,
                                        uint64_t position)
{
    p->genders_seen |= (uint8_t)(1u << g);
    if (position < p->gender_position) {
        p->gender_position = position;
        p->gender = (uint8_t)g;
    }
}

/* Whether the person's rows name two different known genders. */
static inline int tr_person_disagrees(const tr_person *p)
{
    return (p->genders_seen & (p->genders_seen - 1u)) != 0;
}

#endif /* JV_TRAINING_REACH_PERSONS_H */
