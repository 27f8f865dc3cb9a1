/* tests/sdk/abi_1_1_layout.c — the structs SDK 1.1 added that the core
 * indexes in a plugin's arrays (plugin.h, "Arrays of API structs"):
 * jv_translation, jv_label, jv_key_unit and jv_measure (with
 * jv_tally_spec), frozen as 1.1 defined them, so that none of them changes
 * size or layout within major 1 (a plugin built for 1.1 hands the core
 * arrays of them); and the jv_host fields 1.1 appended (node_is_null, the
 * tally, map and value-list functions, then tally_add_value and tally_key
 * with jv_tally_spec.overlapping, then param_columns and state_format,
 * appended before 1.1 was released), which
 * keep their offsets, sizes and types. Built into the ABI 1.0 test
 * plugin beside abi_1_0_layout.c. Never edit the copies below.
 */
#include <jamvikt/jamvikt.h>

#include <stddef.h>

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

#define FROZEN_1_1(new, old, field)                                                                \
    _Static_assert(offsetof(new, field) == offsetof(struct old, field) &&                          \
                       sizeof(((new *)0)->field) == sizeof(((struct old *)0)->field),              \
                   #new "." #field " changed since ABI 1.1: that needs a major bump")

FROZEN_1_1(jv_label, label_1_1, key);
FROZEN_1_1(jv_label, label_1_1, text);
_Static_assert(sizeof(jv_label) == sizeof(struct label_1_1), "jv_label keeps its 1.1 size");
FROZEN_1_1(jv_translation, translation_1_1, lang);
FROZEN_1_1(jv_translation, translation_1_1, title);
FROZEN_1_1(jv_translation, translation_1_1, labels);
_Static_assert(sizeof(jv_translation) == sizeof(struct translation_1_1),
               "jv_translation keeps its 1.1 size");
FROZEN_1_1(jv_key_unit, key_unit_1_1, key);
FROZEN_1_1(jv_key_unit, key_unit_1_1, unit);
_Static_assert(sizeof(jv_key_unit) == sizeof(struct key_unit_1_1),
               "jv_key_unit keeps its 1.1 size");

/* jv_host as 1.1 left it: the 1.0 fields (checked field by field in
 * abi_1_0_layout.c), node_is_null and the counting API (tally.h). Each
 * 1.1 field keeps its offset, size and type; later minors append. */
struct host_1_1 {
    uint32_t abi_major;
    uint32_t abi_minor;
    uint32_t struct_size;
    const char *core_version;
    void *(*alloc0)(size_t size);
    void *(*realloc)(void *ptr, size_t size);
    void (*free)(void *ptr);
    char *(*strdup)(const char *s);
    void *(*instance)(jv_ctx *ctx);
    const jv_options *(*options)(jv_ctx *ctx);
    int (*scope)(jv_ctx *ctx);
    const char *(*scope_name)(jv_ctx *ctx);
    const char *(*indicator_name)(jv_ctx *ctx);
    int (*param_bool)(jv_ctx *ctx, const char *name);
    double (*param_number)(jv_ctx *ctx, const char *name);
    int64_t (*param_integer)(jv_ctx *ctx, const char *name);
    const char *(*param_string)(jv_ctx *ctx, const char *name);
    size_t (*param_list_size)(jv_ctx *ctx, const char *name);
    const char *(*param_list_item)(jv_ctx *ctx, const char *name, size_t i);
    int (*add_role)(jv_ctx *ctx, size_t table, const char *name, jv_type type, unsigned flags);
    void (*error)(jv_ctx *ctx, const char *fmt, ...);
    int (*row_error)(jv_ctx *ctx, const jv_batch *batch, size_t row, size_t column, const char *fmt,
                     ...);
    void (*warning)(jv_ctx *ctx, const char *fmt, ...);
    double (*women_share)(double q_woman, double q_man);
    void (*wilson)(jv_ctx *ctx, int64_t k, int64_t n, double ci[2]);
    void (*newcombe)(jv_ctx *ctx, int64_t k1, int64_t n1, int64_t k2, int64_t n2,
                     double *difference, double ci[2]);
    jv_balance (*balance)(jv_ctx *ctx, double share);
    int (*balance_certain)(jv_ctx *ctx, jv_balance cls, int64_t k, int64_t n);
    const char *(*balance_name)(jv_balance cls);
    const char *(*gender_name)(int gender);
    void (*add_group)(jv_cells *cells, const char *key, size_t n_counts, const int64_t *counts);
    void (*add_family)(jv_cells *cells, const char *margin, const char *const *members,
                       size_t n_members);
    int (*suppressed)(jv_ctx *ctx, const char *key, int gender);
    void (*begin_object)(jv_writer *w, const char *key);
    void (*end_object)(jv_writer *w);
    void (*begin_array)(jv_writer *w, const char *key);
    void (*end_array)(jv_writer *w);
    void (*put_number)(jv_writer *w, const char *key, double value);
    void (*put_integer)(jv_writer *w, const char *key, int64_t value);
    void (*put_fixed)(jv_writer *w, const char *key, int64_t value);
    void (*put_string)(jv_writer *w, const char *key, const char *value);
    void (*put_bool)(jv_writer *w, const char *key, int value);
    void (*put_null)(jv_writer *w, const char *key);
    void (*put_interval)(jv_writer *w, const char *key, const double ci[2]);
    void (*put_balance)(jv_writer *w, const char *key, jv_balance cls);
    void (*put_tristate)(jv_writer *w, const char *key, int value);
    void (*put_gap)(jv_writer *w, const char *key, double value, const double ci[2]);
    void (*put_headline)(jv_writer *w, const jv_headline *headline);
    const jv_node *(*node_get)(const jv_node *node, const char *key);
    size_t (*node_size)(const jv_node *node);
    const jv_node *(*node_at)(const jv_node *node, size_t i);
    double (*node_number)(const jv_node *node);
    int (*node_integer)(const jv_node *node, int64_t *out);
    const char *(*node_string)(const jv_node *node);
    int (*node_bool)(const jv_node *node);
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
};

/* jv_measure and jv_tally_spec as 1.1 defined them: the core indexes
 * spec->measures, so jv_measure never changes size within major 1. */
struct measure_1_1 {
    const char *name;
    int column;
    unsigned flags;
    const char *at_most;
};

struct tally_spec_1_1 {
    const jv_measure *measures;
    size_t n_measures;
    size_t table;
    int gender_column;
    const char *const *overlapping;
};

#if defined(__GNUC__)
#define SAME_TYPE_1_1(new, old, field)                                                             \
    _Static_assert(__builtin_types_compatible_p(__typeof__(((new *)0)->field),                     \
                                                __typeof__(((struct old *)0)->field)),             \
                   #new "." #field " changed its type since ABI 1.1")
#else
#define SAME_TYPE_1_1(new, old, field) _Static_assert(1, "")
#endif
#define HOST_1_1(field)                                                                            \
    FROZEN_1_1(jv_host, host_1_1, field);                                                          \
    SAME_TYPE_1_1(jv_host, host_1_1, field)

HOST_1_1(node_is_null);
HOST_1_1(tally_new);
HOST_1_1(tally_add);
HOST_1_1(tally_add_keys);
HOST_1_1(tally_merge);
HOST_1_1(tally_size);
HOST_1_1(tally_value);
HOST_1_1(tally_cells);
HOST_1_1(tally_declare);
HOST_1_1(tally_suppressed);
HOST_1_1(tally_save);
HOST_1_1(tally_load);
HOST_1_1(tally_free);
HOST_1_1(map_new);
HOST_1_1(map_intern);
HOST_1_1(map_find);
HOST_1_1(map_size);
HOST_1_1(map_key);
HOST_1_1(map_translate);
HOST_1_1(map_sorted);
HOST_1_1(map_free);
HOST_1_1(values_new);
HOST_1_1(values_add);
HOST_1_1(values_merge);
HOST_1_1(values_size);
HOST_1_1(values_at);
HOST_1_1(values_free);
HOST_1_1(tally_add_value);
HOST_1_1(tally_key);
HOST_1_1(param_columns);
HOST_1_1(state_format);
_Static_assert(sizeof(jv_host) >= sizeof(struct host_1_1), "jv_host only grows");

FROZEN_1_1(jv_measure, measure_1_1, name);
FROZEN_1_1(jv_measure, measure_1_1, column);
FROZEN_1_1(jv_measure, measure_1_1, flags);
FROZEN_1_1(jv_measure, measure_1_1, at_most);
_Static_assert(sizeof(jv_measure) == sizeof(struct measure_1_1),
               "the core indexes spec->measures: jv_measure keeps its 1.1 size");
FROZEN_1_1(jv_tally_spec, tally_spec_1_1, measures);
FROZEN_1_1(jv_tally_spec, tally_spec_1_1, n_measures);
FROZEN_1_1(jv_tally_spec, tally_spec_1_1, table);
FROZEN_1_1(jv_tally_spec, tally_spec_1_1, gender_column);
FROZEN_1_1(jv_tally_spec, tally_spec_1_1, overlapping);
_Static_assert(sizeof(jv_tally_spec) == sizeof(struct tally_spec_1_1),
               "jv_tally_spec keeps its 1.1 size");
#else
typedef int abi_1_1_layout_not_applicable; /* headers older than 1.1 */
#endif
