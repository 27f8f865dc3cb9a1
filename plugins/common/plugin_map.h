/* plugins/common/plugin_map.h — a small string → dense index map for the
 * built-in plugins (no GLib on the plugin side of the ABI).
 *
 * Keys are byte strings (copied in); indices run 0, 1, 2, ... in order of
 * first insertion, so per-index arrays of counters stay dense. Also
 * translates a batch column's dictionary codes to map indices once per new
 * dictionary entry (batch.h rule 5), so consume() does one array lookup per
 * row. Compiled into each built-in plugin (a convenience library); the
 * plugins still link against nothing of the core.
 */
#ifndef JV_PLUGIN_MAP_H
#define JV_PLUGIN_MAP_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/batch.h>

typedef struct jvp_map {
    char **keys;          /* owned copies, NUL-terminated */
    uint32_t *lengths;
    size_t size;          /* number of keys */
    size_t capacity;      /* of keys/lengths */
    uint32_t *slots;      /* open addressing: index + 1, 0 = empty */
    size_t n_slots;       /* power of two */
} jvp_map;

void jvp_map_init(jvp_map *map);
void jvp_map_clear(jvp_map *map); /* frees everything; map is empty again */
/* The index of key, inserting it when new (*is_new set when not NULL).
 * Returns (uint32_t)-1 only if memory is exhausted. */
uint32_t jvp_map_intern(jvp_map *map, const char *key, size_t length, int *is_new);
/* The index of key, or (uint32_t)-1 when absent. */
uint32_t jvp_map_find(const jvp_map *map, const char *key, size_t length);
static inline const char *jvp_map_key(const jvp_map *map, uint32_t index)
{
    return map->keys[index];
}
/* Indices sorted by key bytes (memcmp order, shorter first on a tie: the
 * UTF-8 byte order INDICATORS.md asks for). malloc'ed; caller frees. */
uint32_t *jvp_map_sorted(const jvp_map *map);

/* Translates one category column's codes to indices of a map. */
typedef struct jvp_translation {
    uint64_t dict_id;
    uint32_t *to_index;   /* dict code → map index */
    size_t size;          /* dict entries translated */
} jvp_translation;

void jvp_translation_init(jvp_translation *t);
void jvp_translation_clear(jvp_translation *t);
/* Brings t up to date with column->dict (a new dict restarts it), interning
 * new values into map. Returns t->to_index, or NULL when memory is
 * exhausted. */
const uint32_t *jvp_translate(jvp_translation *t, jvp_map *map,
                              const jv_column *column);

#endif /* JV_PLUGIN_MAP_H */
