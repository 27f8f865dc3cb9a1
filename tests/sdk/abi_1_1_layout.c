/* tests/sdk/abi_1_1_layout.c — the structs SDK 1.1 added that the core
 * indexes in a plugin's arrays (plugin.h, "Arrays of API structs"):
 * jv_translation, jv_label, jv_key_unit, jv_measure (with
 * jv_tally_spec) and jv_cell_key, frozen as 1.1 defined them, so that none of them changes
 * size or layout within major 1 (a plugin built for 1.1 hands the core
 * arrays of them); and the jv_host fields 1.1 appended (node_is_null, the
 * tally, map and value-list functions, then tally_add_value and tally_key
 * with jv_tally_spec.overlapping, then param_columns and state_format,
 * then put_gender_cells with jv_cell_key, appended before 1.1 was
 * released), which
 * keep their offsets, sizes and types (the 1.0 part of jv_host is the
 * frozen 1.0 headers' own, from the generated frozen_layout_1_0.h). Built
 * into the ABI 1.0 test plugin beside abi_1_0_layout.c. Never edit the 1.1
 * copies below.
 */
#include <jamvikt/jamvikt.h>

#include "frozen.h"
#include "frozen_layout_1_0.h"

#if JV_ABI_MINOR >= 1
struct label_1_1 {
    const char *key;
    const char *text;
};

struct translation_1_1 {
    const char *lang;
    const char *title;
    const jv_label *labels;
};

struct key_unit_1_1 {
    const char *key;
    jv_unit unit;
};

#define LABEL_1_1_FIELDS(F, ...)                                                                   \
    F(__VA_ARGS__, key);                                                                           \
    F(__VA_ARGS__, text);
#define TRANSLATION_1_1_FIELDS(F, ...)                                                             \
    F(__VA_ARGS__, lang);                                                                          \
    F(__VA_ARGS__, title);                                                                         \
    F(__VA_ARGS__, labels);
#define KEY_UNIT_1_1_FIELDS(F, ...)                                                                \
    F(__VA_ARGS__, key);                                                                           \
    F(__VA_ARGS__, unit);

FROZEN_STRUCT("1.1", LABEL_1_1_FIELDS, jv_label, label_1_1);
FROZEN_STRUCT("1.1", TRANSLATION_1_1_FIELDS, jv_translation, translation_1_1);
FROZEN_STRUCT("1.1", KEY_UNIT_1_1_FIELDS, jv_key_unit, key_unit_1_1);

/* jv_host as 1.1 left it: the 1.0 fields (the frozen 1.0 headers' own,
 * checked field by field in abi_1_0_layout.c), then what 1.1 appended:
 * node_is_null and the counting API (tally.h). Each 1.1 field keeps its
 * offset, size and type; later minors append. */
struct host_1_1 {
    HOST_1_0_MEMBERS
    int (*node_is_null)(const jv_node *node);
    jv_tally *(*tally_new)(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                           const char *const *names, const int *columns);
    int (*tally_add)(jv_ctx *ctx, jv_tally *tally, const jv_batch *batch, const int64_t *values,
                     const uint8_t *skip);
    int (*tally_add_keys)(jv_ctx *ctx, jv_tally *tally, const char *const *keys, int gender,
                          const int64_t *values);
    int (*tally_merge)(jv_ctx *ctx, jv_tally *into, const jv_tally *from);
    size_t (*tally_size)(const jv_tally *tally, size_t k);
    const char *(*tally_value)(const jv_tally *tally, size_t k, size_t i, size_t *length);
    const int64_t *(*tally_cells)(const jv_tally *tally, size_t k, size_t i);
    int (*tally_declare)(jv_ctx *ctx, const jv_tally *tally, jv_cells *cells);
    int (*tally_suppressed)(jv_ctx *ctx, const jv_tally *tally, size_t k, size_t i, int gender);
    void (*tally_save)(jv_ctx *ctx, const jv_tally *tally, jv_writer *w, const char *key);
    jv_tally *(*tally_load)(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                            const char *const *names, const int *columns, const jv_node *node);
    void (*tally_free)(jv_tally *tally);
    jv_map *(*map_new)(void);
    size_t (*map_intern)(jv_map *map, const char *key, size_t length);
    size_t (*map_find)(const jv_map *map, const char *key, size_t length);
    size_t (*map_size)(const jv_map *map);
    const char *(*map_key)(const jv_map *map, size_t i, size_t *length);
    const size_t *(*map_translate)(jv_map *map, const jv_column *column);
    size_t *(*map_sorted)(const jv_map *map);
    void (*map_free)(jv_map *map);
    jv_values *(*values_new)(void);
    void (*values_add)(jv_values *values, int64_t value);
    void (*values_merge)(jv_values *into, const jv_values *from);
    size_t (*values_size)(const jv_values *values);
    int64_t (*values_at)(jv_values *values, size_t k);
    void (*values_free)(jv_values *values);
    int (*tally_add_value)(jv_ctx *ctx, jv_tally *tally, size_t k, const char *value, int gender,
                           const int64_t *values);
    const char *(*tally_key)(const jv_tally *tally, size_t k, size_t i);
    int (*param_columns)(jv_ctx *ctx, const char *param, size_t table, const jv_role *roles,
                         size_t n_roles, char ***names, int **columns);
    int (*state_format)(jv_ctx *ctx, const jv_node *state, const char *plugin, int64_t format,
                        int64_t absent);
    void (*put_gender_cells)(jv_ctx *ctx, jv_writer *w, const char *group, const int64_t *cells,
                             size_t n_measures, const jv_cell_key *keys, size_t n_keys,
                             uint32_t unknown, int *suppressed);
};

/* jv_measure and jv_tally_spec as 1.1 defined them: the core indexes
 * spec->measures, so jv_measure never changes size within major 1. */
struct measure_1_1 {
    const char *name;
    int column;
    unsigned flags;
    const char *at_most;
};

/* jv_cell_key as 1.1 defined it: put_gender_cells reads an array of them. */
struct cell_key_1_1 {
    const char *key;
    jv_cell_kind kind;
    int measures[2];
    double (*figure)(const int64_t *cell);
};
#define CELL_KEY_1_1_FIELDS(F, ...)                                                                \
    F(__VA_ARGS__, key);                                                                           \
    F(__VA_ARGS__, kind);                                                                          \
    F(__VA_ARGS__, measures);                                                                      \
    F(__VA_ARGS__, figure);

struct tally_spec_1_1 {
    const jv_measure *measures;
    size_t n_measures;
    size_t table;
    int gender_column;
    const char *const *overlapping;
};

/* The jv_host fields 1.1 appended, in order. */
#define HOST_1_1_APPENDED(F, ...)                                                                  \
    F(__VA_ARGS__, node_is_null);                                                                  \
    F(__VA_ARGS__, tally_new);                                                                     \
    F(__VA_ARGS__, tally_add);                                                                     \
    F(__VA_ARGS__, tally_add_keys);                                                                \
    F(__VA_ARGS__, tally_merge);                                                                   \
    F(__VA_ARGS__, tally_size);                                                                    \
    F(__VA_ARGS__, tally_value);                                                                   \
    F(__VA_ARGS__, tally_cells);                                                                   \
    F(__VA_ARGS__, tally_declare);                                                                 \
    F(__VA_ARGS__, tally_suppressed);                                                              \
    F(__VA_ARGS__, tally_save);                                                                    \
    F(__VA_ARGS__, tally_load);                                                                    \
    F(__VA_ARGS__, tally_free);                                                                    \
    F(__VA_ARGS__, map_new);                                                                       \
    F(__VA_ARGS__, map_intern);                                                                    \
    F(__VA_ARGS__, map_find);                                                                      \
    F(__VA_ARGS__, map_size);                                                                      \
    F(__VA_ARGS__, map_key);                                                                       \
    F(__VA_ARGS__, map_translate);                                                                 \
    F(__VA_ARGS__, map_sorted);                                                                    \
    F(__VA_ARGS__, map_free);                                                                      \
    F(__VA_ARGS__, values_new);                                                                    \
    F(__VA_ARGS__, values_add);                                                                    \
    F(__VA_ARGS__, values_merge);                                                                  \
    F(__VA_ARGS__, values_size);                                                                   \
    F(__VA_ARGS__, values_at);                                                                     \
    F(__VA_ARGS__, values_free);                                                                   \
    F(__VA_ARGS__, tally_add_value);                                                               \
    F(__VA_ARGS__, tally_key);                                                                     \
    F(__VA_ARGS__, param_columns);                                                                 \
    F(__VA_ARGS__, state_format);                                                                  \
    F(__VA_ARGS__, put_gender_cells);
#define MEASURE_1_1_FIELDS(F, ...)                                                                 \
    F(__VA_ARGS__, name);                                                                          \
    F(__VA_ARGS__, column);                                                                        \
    F(__VA_ARGS__, flags);                                                                         \
    F(__VA_ARGS__, at_most);
#define TALLY_SPEC_1_1_FIELDS(F, ...)                                                              \
    F(__VA_ARGS__, measures);                                                                      \
    F(__VA_ARGS__, n_measures);                                                                    \
    F(__VA_ARGS__, table);                                                                         \
    F(__VA_ARGS__, gender_column);                                                                 \
    F(__VA_ARGS__, overlapping);

HOST_1_1_APPENDED(FROZEN, "1.1", jv_host, host_1_1)
_Static_assert(sizeof(jv_host) >= sizeof(struct host_1_1), "jv_host only grows");

/* the core indexes spec->measures */
FROZEN_STRUCT("1.1", MEASURE_1_1_FIELDS, jv_measure, measure_1_1);
FROZEN_STRUCT("1.1", TALLY_SPEC_1_1_FIELDS, jv_tally_spec, tally_spec_1_1);
/* put_gender_cells reads keys[] */
FROZEN_STRUCT("1.1", CELL_KEY_1_1_FIELDS, jv_cell_key, cell_key_1_1);
#else
typedef int abi_1_1_layout_not_applicable; /* headers older than 1.1 */
#endif
