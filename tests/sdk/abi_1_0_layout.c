/* tests/sdk/abi_1_0_layout.c — the SDK 1.0 layout of the API structs,
 * frozen field for field, and compile-time checks that today's headers
 * (include/jamvikt) keep it. Built into the ABI 1.0 test plugin, so that
 * `make` fails when a change would break plugins built for 1.0:
 *
 *  - jv_host (the host table) and jv_plugin (abi_1_0_plugin.c) only grow
 *    at their end: every 1.0 field keeps its offset, size and type.
 *  - Structs that plugins or the core index in arrays never change size
 *    within a major (plugin.h, "Arrays of API structs"): jv_column
 *    (batch->columns), jv_string (dict->values, ids), jv_role
 *    (table->roles), jv_table_spec (plugin->tables), jv_param_spec
 *    (plugin->params); neither does jv_headline, which a plugin fills in.
 *
 * The frozen copies below were made from tests/sdk/abi-1.0 (the 1.0
 * headers). Never edit them; a failing assertion means the change needs a
 * major bump (or a field appended at the end instead).
 */
#include <jamvikt/jamvikt.h>

#include <stddef.h>

struct host_1_0 {
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
};

struct column_1_0 {
    const char *role;
    jv_type type;
    int present;
    const uint8_t *missing;
    const uint32_t *codes;
    const jv_dict *dict;
    const int64_t *numbers;
    const uint8_t *booleans;
    const jv_string *ids;
};

struct role_1_0 {
    const char *name;
    jv_type type;
    unsigned flags;
    const char *codes;
    const char *help;
};

struct string_1_0 {
    const char *data;
    uint32_t length;
};

struct table_spec_1_0 {
    const char *name;
    int required;
    const jv_role *roles;
    size_t n_roles;
};

struct param_spec_1_0 {
    const char *name;
    jv_param_type type;
    const char *default_json;
    const char *help;
};

struct headline_1_0 {
    const char *metric;
    const char *label;
    const char *unit;
    double value;
    jv_balance balance;
    int balance_certain;
    double ci[2];
};

/* FROZEN(new type, 1.0 copy, field): same offset and size, and with GCC
 * and Clang the same type. */
#if defined(__GNUC__)
#define SAME_TYPE(new, old, field)                                                                 \
    _Static_assert(__builtin_types_compatible_p(__typeof__(((new *)0)->field),                     \
                                                __typeof__(((struct old *)0)->field)),             \
                   #new "." #field " changed its type since ABI 1.0")
#else
#define SAME_TYPE(new, old, field) _Static_assert(1, "")
#endif
#define FROZEN(new, old, field)                                                                    \
    _Static_assert(offsetof(new, field) == offsetof(struct old, field),                            \
                   #new "." #field " moved since ABI 1.0: that needs a major bump");               \
    _Static_assert(sizeof(((new *)0)->field) == sizeof(((struct old *)0)->field),                  \
                   #new "." #field " changed size since ABI 1.0");                                 \
    SAME_TYPE(new, old, field)

FROZEN(jv_host, host_1_0, abi_major);
FROZEN(jv_host, host_1_0, abi_minor);
FROZEN(jv_host, host_1_0, struct_size);
FROZEN(jv_host, host_1_0, core_version);
FROZEN(jv_host, host_1_0, alloc0);
FROZEN(jv_host, host_1_0, realloc);
FROZEN(jv_host, host_1_0, free);
FROZEN(jv_host, host_1_0, strdup);
FROZEN(jv_host, host_1_0, instance);
FROZEN(jv_host, host_1_0, options);
FROZEN(jv_host, host_1_0, scope);
FROZEN(jv_host, host_1_0, scope_name);
FROZEN(jv_host, host_1_0, indicator_name);
FROZEN(jv_host, host_1_0, param_bool);
FROZEN(jv_host, host_1_0, param_number);
FROZEN(jv_host, host_1_0, param_integer);
FROZEN(jv_host, host_1_0, param_string);
FROZEN(jv_host, host_1_0, param_list_size);
FROZEN(jv_host, host_1_0, param_list_item);
FROZEN(jv_host, host_1_0, add_role);
FROZEN(jv_host, host_1_0, error);
FROZEN(jv_host, host_1_0, row_error);
FROZEN(jv_host, host_1_0, warning);
FROZEN(jv_host, host_1_0, women_share);
FROZEN(jv_host, host_1_0, wilson);
FROZEN(jv_host, host_1_0, newcombe);
FROZEN(jv_host, host_1_0, balance);
FROZEN(jv_host, host_1_0, balance_certain);
FROZEN(jv_host, host_1_0, balance_name);
FROZEN(jv_host, host_1_0, gender_name);
FROZEN(jv_host, host_1_0, add_group);
FROZEN(jv_host, host_1_0, add_family);
FROZEN(jv_host, host_1_0, suppressed);
FROZEN(jv_host, host_1_0, begin_object);
FROZEN(jv_host, host_1_0, end_object);
FROZEN(jv_host, host_1_0, begin_array);
FROZEN(jv_host, host_1_0, end_array);
FROZEN(jv_host, host_1_0, put_number);
FROZEN(jv_host, host_1_0, put_integer);
FROZEN(jv_host, host_1_0, put_fixed);
FROZEN(jv_host, host_1_0, put_string);
FROZEN(jv_host, host_1_0, put_bool);
FROZEN(jv_host, host_1_0, put_null);
FROZEN(jv_host, host_1_0, put_interval);
FROZEN(jv_host, host_1_0, put_balance);
FROZEN(jv_host, host_1_0, put_tristate);
FROZEN(jv_host, host_1_0, put_gap);
FROZEN(jv_host, host_1_0, put_headline);
FROZEN(jv_host, host_1_0, node_get);
FROZEN(jv_host, host_1_0, node_size);
FROZEN(jv_host, host_1_0, node_at);
FROZEN(jv_host, host_1_0, node_number);
FROZEN(jv_host, host_1_0, node_integer);
FROZEN(jv_host, host_1_0, node_string);
FROZEN(jv_host, host_1_0, node_bool);
_Static_assert(sizeof(jv_host) >= sizeof(struct host_1_0), "jv_host only grows");

FROZEN(jv_column, column_1_0, role);
FROZEN(jv_column, column_1_0, type);
FROZEN(jv_column, column_1_0, present);
FROZEN(jv_column, column_1_0, missing);
FROZEN(jv_column, column_1_0, codes);
FROZEN(jv_column, column_1_0, dict);
FROZEN(jv_column, column_1_0, numbers);
FROZEN(jv_column, column_1_0, booleans);
FROZEN(jv_column, column_1_0, ids);
_Static_assert(sizeof(jv_column) == sizeof(struct column_1_0),
               "plugins index batch->columns: jv_column keeps its 1.0 size");

FROZEN(jv_role, role_1_0, name);
FROZEN(jv_role, role_1_0, type);
FROZEN(jv_role, role_1_0, flags);
FROZEN(jv_role, role_1_0, codes);
FROZEN(jv_role, role_1_0, help);
_Static_assert(sizeof(jv_role) == sizeof(struct role_1_0),
               "the core indexes a plugin's roles: jv_role keeps its 1.0 size");

FROZEN(jv_string, string_1_0, data);
FROZEN(jv_string, string_1_0, length);
_Static_assert(sizeof(jv_string) == sizeof(struct string_1_0), "jv_string keeps its 1.0 size");

FROZEN(jv_table_spec, table_spec_1_0, name);
FROZEN(jv_table_spec, table_spec_1_0, required);
FROZEN(jv_table_spec, table_spec_1_0, roles);
FROZEN(jv_table_spec, table_spec_1_0, n_roles);
_Static_assert(sizeof(jv_table_spec) == sizeof(struct table_spec_1_0),
               "jv_table_spec keeps its 1.0 size");

FROZEN(jv_param_spec, param_spec_1_0, name);
FROZEN(jv_param_spec, param_spec_1_0, type);
FROZEN(jv_param_spec, param_spec_1_0, default_json);
FROZEN(jv_param_spec, param_spec_1_0, help);
_Static_assert(sizeof(jv_param_spec) == sizeof(struct param_spec_1_0),
               "jv_param_spec keeps its 1.0 size");

FROZEN(jv_headline, headline_1_0, metric);
FROZEN(jv_headline, headline_1_0, label);
FROZEN(jv_headline, headline_1_0, unit);
FROZEN(jv_headline, headline_1_0, value);
FROZEN(jv_headline, headline_1_0, balance);
FROZEN(jv_headline, headline_1_0, balance_certain);
FROZEN(jv_headline, headline_1_0, ci);
_Static_assert(sizeof(jv_headline) == sizeof(struct headline_1_0),
               "a plugin fills in a jv_headline: it keeps its 1.0 size");
