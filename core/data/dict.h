/* core/data/dict.h — the dictionaries of category columns (batch.h rules
 * 2 and 5): interned values with small integer codes.
 *
 * Contract:
 *  1. Codes run 0, 1, 2, ... in order of first insertion; a dictionary
 *     only grows, and a code keeps its value for the dictionary's life.
 *  2. Every dictionary has an id unique in the process (an atomic
 *     counter); the fixed gender dictionary (woman, man, non_binary, mixed,
 *     unknown = jv_gender) is shared by all readers and has id 1.
 *  3. Values are NUL-terminated and stay at the same address for the
 *     dictionary's life; dict.values (the array) may move when it grows,
 *     so a batch must read it afresh.
 */
#ifndef JV_DATA_DICT_H
#define JV_DATA_DICT_H

#include <glib.h>
#include <jamvikt/batch.h>

#include "data/intern.h"

typedef struct jv_category_dict {
    jv_dict dict;   /* what batches point to */
    jv_intern map;  /* value → code */
    GArray *values; /* jv_string, owned */
} jv_category_dict;

void jv_category_dict_init(jv_category_dict *dict);
void jv_category_dict_clear(jv_category_dict *dict);
/* The code of value, or -1. */
static inline int64_t jv_category_dict_find(const jv_category_dict *dict, const char *value,
                                            size_t length, uint64_t hash)
{
    const jv_intern_entry *e = jv_intern_find(&dict->map, value, length, hash);
    return e ? (int64_t)e->value : -1;
}
/* Adds a value that is not there yet (copied) and returns its code. */
uint32_t jv_category_dict_add(jv_category_dict *dict, const char *value, size_t length,
                              uint64_t hash);

/* The shared gender dictionary. Borrowed, static. */
const jv_dict *jv_gender_dict(void);

#endif /* JV_DATA_DICT_H */
