/* core/plugin/tally_impl.h — the core's side of SDK 1.1's counting
 * objects (jamvikt/tally.h): gender tallies, string maps, value lists.
 *
 * The objects keep the `const jv_host *` they were made with and report
 * through it (error, row_error, add_group, put_*, node_*), so a test's mock
 * host reuses this implementation unchanged: it calls jv_host_fill_tally()
 * on its table and wraps jv_tally_new()/jv_tally_load() with its own table
 * as the host's tally_new/tally_load. */
#ifndef JV_PLUGIN_TALLY_IMPL_H
#define JV_PLUGIN_TALLY_IMPL_H

#include <jamvikt/host.h>

/* host->tally_new / tally_load with the table the tally reports through. */
jv_tally *jv_tally_new(const jv_host *host, jv_ctx *ctx, const jv_tally_spec *spec,
                       size_t n_breakdowns, const char *const *names, const int *columns);
jv_tally *jv_tally_load(const jv_host *host, jv_ctx *ctx, const jv_tally_spec *spec,
                        size_t n_breakdowns, const char *const *names, const int *columns,
                        const jv_node *node);

/* Sets every tally_*, map_* and values_* field of `table` except tally_new
 * and tally_load (which need the table itself: see above). */
void jv_host_fill_tally(jv_host *table);

int jv_tally_add(jv_ctx *ctx, jv_tally *tally, const jv_batch *batch, const int64_t *values,
                 const uint8_t *skip);
int jv_tally_add_keys(jv_ctx *ctx, jv_tally *tally, const char *const *keys, int gender,
                      const int64_t *values);
int jv_tally_add_value(jv_ctx *ctx, jv_tally *tally, size_t k, const char *value, int gender,
                       const int64_t *values);
int jv_tally_merge(jv_ctx *ctx, jv_tally *into, const jv_tally *from);
size_t jv_tally_size(const jv_tally *tally, size_t k);
const char *jv_tally_value(const jv_tally *tally, size_t k, size_t i, size_t *length);
const int64_t *jv_tally_cells(const jv_tally *tally, size_t k, size_t i);
int jv_tally_declare(jv_ctx *ctx, const jv_tally *tally, jv_cells *cells);
int jv_tally_suppressed(jv_ctx *ctx, const jv_tally *tally, size_t k, size_t i, int gender);
const char *jv_tally_key(const jv_tally *tally, size_t k, size_t i);
void jv_tally_save(jv_ctx *ctx, const jv_tally *tally, jv_writer *w, const char *key);
void jv_tally_free(jv_tally *tally);

jv_map *jv_map_new(void);
size_t jv_map_intern(jv_map *map, const char *key, size_t length);
size_t jv_map_find(const jv_map *map, const char *key, size_t length);
size_t jv_map_size(const jv_map *map);
const char *jv_map_key(const jv_map *map, size_t i, size_t *length);
const size_t *jv_map_translate(jv_map *map, const jv_column *column);
size_t *jv_map_sorted(const jv_map *map);
/* memcmp order of keys i and j, shorter first on a tie (tally.h rule 3). */
int jv_map_compare(const jv_map *map, size_t i, size_t j);
void jv_map_free(jv_map *map);

jv_values *jv_values_new(void);
void jv_values_add(jv_values *values, int64_t value);
void jv_values_merge(jv_values *into, const jv_values *from);
size_t jv_values_size(const jv_values *values);
int64_t jv_values_at(jv_values *values, size_t k);
void jv_values_free(jv_values *values);

/* Shared by the tally's own files, on its inside (tally_private.h). */
struct tally_breakdown;
/* The index of `value` in breakdown b, added (cells zeroed) if new. */
uint32_t jv_tally_intern(jv_tally *tally, struct tally_breakdown *b, const char *value,
                         size_t length);
/* Whether cell[c] + add[c] (both >= 0) stays within INT64_MAX for every
 * c < n, measure c % n_measures: the check of an overlapping breakdown's
 * cells, which no total bounds (tally.h rule 8). 0, or -1 after
 * host->error() naming the measure. */
int jv_tally_check_sum(jv_ctx *ctx, const jv_tally *tally, const int64_t *cell, const int64_t *add,
                       size_t n);
/* b's sorted permutation (cached). */
const size_t *jv_tally_sorted(const jv_tally *tally, const struct tally_breakdown *b);

#endif /* JV_PLUGIN_TALLY_IMPL_H */
