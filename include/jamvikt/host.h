/* jamvikt/host.h — the host API: the table of functions the core hands a
 * plugin's entry function. Plugins call the core only through it (SQLite's
 * sqlite3_api_routines model), so a plugin links against nothing of ours.
 *
 * Rules:
 *  1. The table only grows at its end (abi_minor); check host->struct_size
 *     before using a field added after the minor you need.
 *  2. Memory: every pointer a host function returns is borrowed from the
 *     core unless its comment says otherwise; strings passed in are copied.
 *  3. Numbers that cannot be computed are NaN; every writer function turns
 *     NaN and infinities into JSON null, so a plugin never special-cases
 *     null (indicators.md §14: "a figure that cannot be computed is null").
 *  4. The statistics helpers implement indicators.md exactly and use the
 *     evaluation's options (confidence, balance band), so a custom indicator
 *     reports exactly as the built-ins do.
 *  5. Arrays of API structs (plugin.h): the only ones a host function takes
 *     from a plugin are a tally's spec->measures (jv_measure) and the keys
 *     of put_gender_cells (jv_cell_key); the only one it hands a plugin
 *     is batch->columns (jv_column). Every other array
 *     passed here is of plain types (names, columns, values, counts).
 */
#ifndef JAMVIKT_HOST_H
#define JAMVIKT_HOST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <jamvikt/batch.h>
#include <jamvikt/plugin.h>
#include <jamvikt/tally.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define JV_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define JV_PRINTF(f, a)
#endif

/* host->scope(): the total's scope; regions are 0, 1, ... in order. While
 * consume() reads a national table whose rows a column splits into regions,
 * the region's index is not known yet: scope() is JV_SCOPE_PENDING and
 * scope_name() the region's name. */
#define JV_SCOPE_TOTAL (-1)
#define JV_SCOPE_PENDING (-2)

/* The key of an indicator's main split in cells()/suppressed(). The core
 * nulls `rows` and `skipped_rows` when this group's total is suppressed. */
#define JV_MAIN_GROUP "split"

/* The 40/60 classes (indicators.md §4 "Balance"). JV_BALANCE_NONE is written
 * as null (does not apply, e.g. a headline that is a difference). */
typedef enum jv_balance {
    JV_BALANCE_NONE = 0,
    JV_BALANCE_NO_DATA,
    JV_BALANCE_MEN_DOMINATED,
    JV_BALANCE_BALANCED,
    JV_BALANCE_WOMEN_DOMINATED
} jv_balance;

/* The evaluation's options, defaults resolved. */
typedef struct jv_options {
    uint32_t struct_size;
    int64_t min_cell;     /* 0: disclosure control off */
    double balance_low;   /* 0.40 */
    double balance_high;  /* 0.60 */
    double confidence;    /* 0.95 */
    double z;             /* Φ⁻¹((1 + confidence) / 2) */
} jv_options;

/* Every indicator result's "headline" (indicators.md §14). Units: "share", "rate",
 * "count", "amount", "difference". NaN value/ci and JV_BALANCE_NONE and
 * balance_certain < 0 are written as null. */
typedef struct jv_headline {
    const char *metric;   /* e.g. "women_share_amount_granted" */
    const char *label;    /* free text for people */
    const char *unit;
    double value;
    jv_balance balance;
    int balance_certain;  /* -1 null, 0 false, 1 true */
    double ci[2];
} jv_headline;

/* One key of the gender cells put_gender_cells() writes (SDK 1.1): what it
 * holds, read from measures a and b of a cell (cell[m] is measure m). The
 * core reads an array of them, so the struct is frozen within major 1. */
typedef enum jv_cell_kind {
    JV_CELL_COUNT = 0, /* measure a, an integer (put_integer) */
    JV_CELL_SUM,       /* measure a, a fixed-point sum (put_fixed) */
    JV_CELL_RATE,      /* a / b; NaN when b is 0 */
    JV_CELL_RATE_CI,   /* the Wilson interval of a of b (host->wilson) */
    JV_CELL_FIGURE     /* figure(cell), a number derived from a and b */
} jv_cell_kind;

typedef struct jv_cell_key {
    const char *key;
    jv_cell_kind kind;
    int measures[2]; /* a and b, the measures read; b is -1 for COUNT and
                        SUM, and may be for a FIGURE that reads a alone */
    double (*figure)(const int64_t *cell); /* JV_CELL_FIGURE only */
} jv_cell_key;

struct jv_host {
    uint32_t abi_major;
    uint32_t abi_minor;
    uint32_t struct_size;      /* sizeof(jv_host) in the core */
    const char *core_version;  /* e.g. "0.1.0" */

    /* --- memory: never returns NULL (aborts when memory is exhausted) --- */
    void *(*alloc0)(size_t size);             /* zeroed; free with free */
    void *(*realloc)(void *ptr, size_t size);
    void (*free)(void *ptr);
    char *(*strdup)(const char *s);           /* transferred to caller */

    /* --- the call's context --- */
    void *(*instance)(jv_ctx *ctx);           /* what configure() returned */
    const jv_options *(*options)(jv_ctx *ctx);
    int (*scope)(jv_ctx *ctx);                /* region index or JV_SCOPE_TOTAL */
    const char *(*scope_name)(jv_ctx *ctx);   /* region name or "total" */
    const char *(*indicator_name)(jv_ctx *ctx);

    /* --- parameters (configure() and later); names are schema names --- */
    int (*param_bool)(jv_ctx *ctx, const char *name);
    double (*param_number)(jv_ctx *ctx, const char *name);
    int64_t (*param_integer)(jv_ctx *ctx, const char *name);
    const char *(*param_string)(jv_ctx *ctx, const char *name); /* NULL if null */
    size_t (*param_list_size)(jv_ctx *ctx, const char *name);
    const char *(*param_list_item)(jv_ctx *ctx, const char *name, size_t i);

    /* configure() only: read one more role from table `table` (e.g. the
     * breakdown columns named in params). Returns the role's column index
     * in batches of that table, or -1 after reporting an error. */
    int (*add_role)(jv_ctx *ctx, size_t table, const char *name, jv_type type,
                    unsigned flags);

    /* --- errors, warnings --- */
    /* Report why the current callback fails; the callback then returns -1
     * (or NULL). The core adds the plugin's name. */
    void (*error)(jv_ctx *ctx, const char *fmt, ...) JV_PRINTF(2, 3);
    /* A bad value in a row: the core formats
     * "FILE:LINE: column 'x': message". Returns 1 when the table's
     * on_error is "skip" (the row is counted as skipped: leave it out and
     * go on), 0 when the callback must return -1. While `jamvikt check`
     * runs, the error is collected and 1 returned, so every bad row is
     * found in one pass. */
    int (*row_error)(jv_ctx *ctx, const jv_batch *batch, size_t row,
                     size_t column, const char *fmt, ...) JV_PRINTF(5, 6);
    /* A warning in the result document's "warnings", prefixed with the
     * scope and indicator; repeated identical warnings are kept once. */
    void (*warning)(jv_ctx *ctx, const char *fmt, ...) JV_PRINTF(2, 3);

    /* --- statistics helpers (indicators.md §3-6) --- */
    /* q_woman / (q_woman + q_man); NaN when the denominator is 0 or an
     * argument is NaN. */
    double (*women_share)(double q_woman, double q_man);
    /* Wilson score interval for k of n at the evaluation's confidence;
     * NaNs when n == 0. */
    void (*wilson)(jv_ctx *ctx, int64_t k, int64_t n, double ci[2]);
    /* p1 - p2 with Newcombe's hybrid score interval (method 10); value and
     * interval NaN when n1 or n2 is 0. */
    void (*newcombe)(jv_ctx *ctx, int64_t k1, int64_t n1, int64_t k2,
                     int64_t n2, double *difference, double ci[2]);
    /* The 40/60 class of a share (NaN: JV_BALANCE_NO_DATA). */
    jv_balance (*balance)(jv_ctx *ctx, double share);
    /* Whether the Wilson interval of k of n lies inside the band of `cls`:
     * 1 true, 0 false, -1 null (no interval, or cls has no band). */
    int (*balance_certain)(jv_ctx *ctx, jv_balance cls, int64_t k, int64_t n);
    const char *(*balance_name)(jv_balance cls); /* "balanced", NULL for NONE */
    const char *(*gender_name)(int gender);      /* "woman", ..., "total" */

    /* --- disclosure control (cells() and finish()) --- */
    /* Declare a group of the current scope: counts[g * n_counts + m] is
     * protected count m of gender g (g = 0 .. JV_GENDERS-1). Count 0 ranks
     * members in rule 3. Keys are the plugin's own, stable across scopes
     * (the same key in two regions is "the same kind of group"). */
    void (*add_group)(jv_cells *cells, const char *key, size_t n_counts,
                      const int64_t *counts);
    /* Declare a family: members add up to margin. Members in their result
     * order (sorted values), which breaks ties in rule 3. The family
     * "this key across all regions → the total" is added by the core. */
    void (*add_family)(jv_cells *cells, const char *margin,
                       const char *const *members, size_t n_members);
    /* finish(): is the cell (gender 0..4) or the total (JV_TOTAL) of the
     * group `key` in the current scope suppressed? */
    int (*suppressed)(jv_ctx *ctx, const char *key, int gender);

    /* --- JSON writer (finish(), save()) --- */
    /* Inside an object every value needs a key; inside an array keys are
     * ignored (pass NULL). */
    void (*begin_object)(jv_writer *w, const char *key);
    void (*end_object)(jv_writer *w);
    void (*begin_array)(jv_writer *w, const char *key);
    void (*end_array)(jv_writer *w);
    void (*put_number)(jv_writer *w, const char *key, double value);
    /* Exact: a JSON number when |value| <= 2^53, else a string of digits
     * (node_integer reads both). */
    void (*put_integer)(jv_writer *w, const char *key, int64_t value);
    /* A fixed-point sum as a number: value / JV_FIXED_SCALE. */
    void (*put_fixed)(jv_writer *w, const char *key, int64_t value);
    void (*put_string)(jv_writer *w, const char *key, const char *value);
    void (*put_bool)(jv_writer *w, const char *key, int value);
    void (*put_null)(jv_writer *w, const char *key);
    /* [lower, upper], or null when either is NaN. */
    void (*put_interval)(jv_writer *w, const char *key, const double ci[2]);
    /* The class name, or null for JV_BALANCE_NONE. */
    void (*put_balance)(jv_writer *w, const char *key, jv_balance cls);
    /* true / false / null for 1 / 0 / -1. */
    void (*put_tristate)(jv_writer *w, const char *key, int value);
    /* {"value": v, "ci": [l, u]} with nulls for NaN. */
    void (*put_gap)(jv_writer *w, const char *key, double value,
                    const double ci[2]);
    /* "headline": {metric, label, value, unit, balance, balance_certain, ci} */
    void (*put_headline)(jv_writer *w, const jv_headline *headline);

    /* --- JSON reader (load()) --- */
    const jv_node *(*node_get)(const jv_node *node, const char *key); /* NULL if absent */
    size_t (*node_size)(const jv_node *node);       /* array length, 0 otherwise */
    const jv_node *(*node_at)(const jv_node *node, size_t i);
    double (*node_number)(const jv_node *node);     /* NaN unless a number */
    int (*node_integer)(const jv_node *node, int64_t *out); /* 0 ok, -1 not one */
    const char *(*node_string)(const jv_node *node);/* NULL unless a string */
    int (*node_bool)(const jv_node *node);          /* 1, 0, -1 not a bool */

    /* --- added in SDK 1.1: read only when JV_HOST_HAS(host, field) --- */
    /* 1 when `node` is JSON null (what the writers make of NaN), 0 for any
     * other value and for NULL (an absent key): tells a saved null apart
     * from a missing key and from a value of another type. */
    int (*node_is_null)(const jv_node *node);

    /* --- gender tallies (jamvikt/tally.h; SDK 1.1) --- */
    /* A new empty tally: spec (kept, must outlive the tally), and
     * n_breakdowns breakdowns named names[k] (copied; used in disclosure
     * keys and saved states), each read by tally_add() from the category
     * column columns[k] of the spec's table (-1: filled only through
     * tally_add_keys; always -1 for an overlapping breakdown, tally.h
     * rule 8). NULL after host->error() (bad spec or name). */
    jv_tally *(*tally_new)(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                           const char *const *names, const int *columns);
    /* Counts the rows of `batch` (of the spec's table; other tables are
     * ignored, returning 0): row i of the gender in the spec's gender column
     * adds values[i * n_measures + m] to measure m of its cell in the main
     * split and in every breakdown but the overlapping ones (tally.h
     * rules 2, 3, 8). Rows with
     * skip[i] != 0 are left out (skip may be NULL). A breakdown column the
     * file lacks (present == 0) or a missing cell counts as the value "".
     * A negative value or an
     * overflowing sum is a row error on the measure's column: skipped when
     * the table's on_error is "skip", else the call fails. 0, or -1 after
     * host->error()/row_error(). */
    int (*tally_add)(jv_ctx *ctx, jv_tally *tally, const jv_batch *batch,
                     const int64_t *values, const uint8_t *skip);
    /* Counts one item that is not a row (e.g. a person after de-duplication):
     * breakdown k's value is keys[k] (NUL-terminated), gender `gender`
     * (0 .. JV_GENDERS-1), values[m] per measure. An overlapping
     * breakdown's keys[k] is ignored (keys may be NULL when every breakdown
     * overlaps). 0, or -1 after host->error() (negative value, overflow). */
    int (*tally_add_keys)(jv_ctx *ctx, jv_tally *tally, const char *const *keys, int gender,
                          const int64_t *values);
    /* into += from, cell by cell (merge and pool alike; tally.h rule 4).
     * Both must come from one spec and the same breakdown names. 0, or -1
     * after host->error() (overflow, different breakdowns); into is then
     * unchanged. */
    int (*tally_merge)(jv_ctx *ctx, jv_tally *into, const jv_tally *from);
    /* The number of values of breakdown k, and value i in UTF-8 byte order
     * (NUL-terminated; *length gets its length when not NULL: a value may
     * hold NUL bytes). */
    size_t (*tally_size)(const jv_tally *tally, size_t k);
    const char *(*tally_value)(const jv_tally *tally, size_t k, size_t i, size_t *length);
    /* The cells of value i of breakdown k, or of the main split when
     * k == JV_TALLY_MAIN (i ignored): cells[g * n_measures + m] is measure m
     * of gender g (g = 0 .. JV_GENDERS-1); NULL when k or i is out of range. */
    const int64_t *(*tally_cells)(const jv_tally *tally, size_t k, size_t i);
    /* cells(): declares the tally's groups and families (tally.h rules 5,
     * 8). 0, or -1 after host->error(). */
    int (*tally_declare)(jv_ctx *ctx, const jv_tally *tally, jv_cells *cells);
    /* finish(): host->suppressed() of the group of value i of breakdown k
     * (JV_TALLY_MAIN: the main split), for gender 0 .. 4 or JV_TOTAL. */
    int (*tally_suppressed)(jv_ctx *ctx, const jv_tally *tally, size_t k, size_t i, int gender);
    /* save(): writes the tally as the object `key` of the open object `w`
     * (measure names, the main split, every breakdown's values and cells;
     * integers exact; the shape is in tally.h). */
    void (*tally_save)(jv_ctx *ctx, const jv_tally *tally, jv_writer *w, const char *key);
    /* load(): a tally from what tally_save wrote (`node` is that object),
     * for the same spec and breakdown names. Checks everything a tally
     * built by tally_add could not hold: unknown or missing measures,
     * negative values, at_most broken, breakdowns that do not add up to the
     * main split (overlapping ones need not: tally.h rule 8), duplicate
     * values, sums past INT64_MAX. NULL after
     * host->error() naming the place. */
    jv_tally *(*tally_load)(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                            const char *const *names, const int *columns,
                            const jv_node *node);
    void (*tally_free)(jv_tally *tally); /* NULL is fine */

    /* --- string map (jamvikt/tally.h; SDK 1.1) --- */
    /* Keys are byte strings (copied); indices run 0, 1, ... in order of
     * first insertion, so arrays indexed by them stay dense. */
    jv_map *(*map_new)(void);
    size_t (*map_intern)(jv_map *map, const char *key, size_t length); /* index, added if new */
    size_t (*map_find)(const jv_map *map, const char *key, size_t length); /* or JV_NOT_FOUND */
    size_t (*map_size)(const jv_map *map);
    /* Key i (NUL-terminated; *length its length when not NULL). */
    const char *(*map_key)(const jv_map *map, size_t i, size_t *length);
    /* The map index of every dictionary code of a category column
     * (interning every entry), cached per dictionary and extended when it
     * grows (batch.h rule 5): one lookup per row. Borrowed (rule 6). */
    const size_t *(*map_translate)(jv_map *map, const jv_column *column);
    /* Indices in UTF-8 byte order; caller frees with host->free. */
    size_t *(*map_sorted)(const jv_map *map);
    void (*map_free)(jv_map *map); /* NULL is fine */

    /* --- value list (jamvikt/tally.h; SDK 1.1) --- */
    /* int64 values (e.g. fixed-point amounts) for exact order statistics.
     * Per-person values never leave the machine: there is no save/load
     * (docs/plugin-guide.md 2.6). */
    jv_values *(*values_new)(void);
    void (*values_add)(jv_values *values, int64_t value);
    void (*values_merge)(jv_values *into, const jv_values *from); /* concatenation */
    size_t (*values_size)(const jv_values *values);
    /* The k-th smallest value (k = 0 .. size-1; sorts once, lazily; 0 when
     * k is out of range), so the median of n values is the mean of
     * at((n-1)/2) and at(n/2). */
    int64_t (*values_at)(jv_values *values, size_t k);
    void (*values_free)(jv_values *values); /* NULL is fine */

    /* --- overlapping breakdowns and keys (tally.h rule 8; SDK 1.1) --- */
    /* Counts one item into value `value` (NUL-terminated) of breakdown k,
     * which must be an overlapping one: values[m] per measure for gender
     * `gender` (0 .. JV_GENDERS-1); the main split and every other
     * breakdown are left alone. 0, or -1 after host->error() (not an
     * overlapping breakdown, a negative value, a cell past INT64_MAX). */
    int (*tally_add_value)(jv_ctx *ctx, jv_tally *tally, size_t k, const char *value, int gender,
                           const int64_t *values);
    /* The disclosure key of value i of breakdown k (tally.h rule 5;
     * JV_MAIN_GROUP for JV_TALLY_MAIN), for the families a plugin declares
     * itself over the tally's groups; NULL when out of range. Borrowed
     * (rule 6). */
    const char *(*tally_key)(const jv_tally *tally, size_t k, size_t i);

    /* --- what every indicator writes alike (SDK 1.1) --- */
    /* configure(): the columns that the string-list param `param` (e.g.
     * "by") names for breaking figures down by, as roles of table `table`.
     * An item naming one of roles[0 .. n_roles-1] (the table's static
     * roles, or NULL and 0) gets that role's index, its batch column (the
     * core reads a role once), and must be a JV_TYPE_CATEGORY role; any
     * other item is added with add_role(ctx, table, item, JV_TYPE_CATEGORY,
     * JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE). An empty item, an item
     * listed twice or a refused add_role is an error naming the param.
     * Returns n, the number of items, with *names their copies (one block:
     * host->free(*names) frees the array and its strings; (*names)[n] is
     * NULL) and *columns their batch columns ((*columns)[n] is -1; free
     * with host->free); both arrays have n + 1 entries, so a plugin may put
     * one more breakdown of its own in the last. -1 after host->error()
     * (*names and *columns NULL). */
    int (*param_columns)(jv_ctx *ctx, const char *param, size_t table, const jv_role *roles,
                         size_t n_roles, char ***names, int **columns);
    /* load(): checks the integer "format" of the saved state `state` (the
     * object save() wrote; NULL is fine) against `format`, the one this
     * plugin writes. A state without the key is of format `absent` (< 0: it
     * is no state this plugin saved). 0 when they agree, else -1 after
     * host->error(): "saved state of <plugin> has format N; this jamvikt
     * writes format M: run `jamvikt run --save-state` again with this
     * version", or, without a format number, "saved state of <plugin> has
     * no format number: it is not a state this plugin saved". */
    int (*state_format)(jv_ctx *ctx, const jv_node *state, const char *plugin, int64_t format,
                        int64_t absent);
    /* finish(): the gender cells of a split (INDICATORS.md "Result
     * shapes"): "by_gender", one object per gender of
     * cells[g * n_measures + m], then "total", the genders' cells summed
     * (exact: tally.h rule 2). Each object holds keys[0 .. n_keys-1] in
     * order, then "suppressed": host->suppressed(ctx, group, g), or
     * JV_TOTAL for the total. A suppressed cell has every key null, and so
     * has a key that reads a measure m (a or b) with bit m of `unknown` set:
     * a measure the scope has no data for (e.g. no such column), or one out
     * of 0 .. n_measures-1. suppressed[g] (JV_GENDERS entries; may be NULL)
     * gets whether gender g's cell is suppressed, for the figures a plugin
     * writes next (women_share, balance), which are null then too. */
    void (*put_gender_cells)(jv_ctx *ctx, jv_writer *w, const char *group, const int64_t *cells,
                             size_t n_measures, const jv_cell_key *keys, size_t n_keys,
                             uint32_t unknown, int *suppressed);
};

/* Whether the core's host table has `field` (rule 1): a plugin built with
 * a newer SDK checks this before calling a function added after the minor
 * it requires. */
#define JV_HOST_HAS(host, field)                                                            \
    ((host)->struct_size >= offsetof(jv_host, field) + sizeof((host)->field))

#ifdef __cplusplus
}
#endif

#endif /* JAMVIKT_HOST_H */
