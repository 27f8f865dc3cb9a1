/* jamvikt/plugin.h — the plugin ABI: the descriptor an indicator plugin
 * returns from its one exported entry function.
 *
 * A plugin is a shared library (libtool module) exporting exactly
 *
 *     const jv_plugin *jamvikt_plugin_entry(const jv_host *host);
 *
 * The core calls it once after loading, passing its table of host
 * functions (jamvikt/host.h); the plugin keeps `host` and returns a pointer
 * to a static descriptor. Only standard C types cross this boundary, so a
 * plugin needs no link dependency on the core, GLib or cJSON.
 *
 * Versioning (the compatibility promise, see docs/plugin-guide.md):
 *  - abi_major changes when anything existing changes meaning, order or
 *    size; the core rejects a plugin whose major differs from its own.
 *  - abi_minor grows when fields are appended to jv_plugin or jv_host;
 *    the core accepts plugins built for its own or an older minor, and
 *    rejects a newer one (it may use callbacks the core does not know).
 *  - struct_size lets the core read an older descriptor safely: fields
 *    beyond struct_size are taken as NULL.
 *  - 1.1 appended `texts` (a title and labels per language) and `units`
 *    (the unit of each result key); a 1.0 plugin has neither and reports
 *    under its name, with units guessed from key names.
 *
 * Arrays of API structs (Geany's rule: only these are indexed, and their
 * element types never change size within a major, checked by
 * tests/sdk/abi_1_0_layout.c and, for the 1.1 ones, abi_1_1_layout.c):
 *  - a plugin may index the arrays the core hands it: batch->columns
 *    (jv_column), batch->positions, dict->values (jv_string) and a column's
 *    codes/numbers/booleans/ids/missing (batch.h);
 *  - the core indexes the arrays a plugin declares: plugin->tables
 *    (jv_table_spec), table->roles (jv_role), plugin->params
 *    (jv_param_spec), and since 1.1 plugin->texts (jv_translation),
 *    translation->labels (jv_label), plugin->units (jv_key_unit), a
 *    tally's spec->measures (jv_measure, host->tally_new) and the keys of
 *    host->put_gender_cells (jv_cell_key);
 *  - nothing else: a plugin never allocates a jv_host, jv_options or
 *    jv_plugin other than its own static descriptor, never copies one
 *    (their size grows with the minor; read struct_size), and never makes
 *    an array of them.
 *
 * Lifecycle of one indicator in one evaluation (the core's side):
 *   configure()                   once, reads params, may add roles
 *   for each region (in parallel):
 *     init() per chunk, consume() batches, merge() chunk states
 *   init() the total; pool() every finished region into it (region order)
 *   cells() on every region and the total; the core decides suppression
 *   finish() every region and the total; destroy() every state
 *   release()                     once
 *   save()/load() turn a finished region's state into aggregates and back.
 *
 * Every callback that returns int returns 0 on success and -1 on error,
 * after calling host->error() with a message for the user.
 */
#ifndef JAMVIKT_PLUGIN_H
#define JAMVIKT_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/batch.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JV_ABI_MAJOR 1
#define JV_ABI_MINOR 1

/* The name of the one symbol a plugin exports. */
#define JV_PLUGIN_ENTRY "jamvikt_plugin_entry"

typedef struct jv_host jv_host;
typedef struct jv_ctx jv_ctx;       /* the core's per-call context */
typedef struct jv_writer jv_writer; /* builds a JSON value (result, save) */
typedef struct jv_node jv_node;     /* reads a JSON value (load) */
typedef struct jv_cells jv_cells;   /* collects disclosure groups */

/* Role flags. */
#define JV_ROLE_REQUIRED 0x1u    /* the table must have the column */
#define JV_ROLE_NONNEGATIVE 0x2u /* NUMBER/INTEGER: value >= 0 */
#define JV_ROLE_POSITIVE 0x4u    /* NUMBER/INTEGER: value > 0 */
/* CATEGORY: an empty cell is a value (the empty string, code of "") even
 * when the role is required; used for breakdowns (indicators.md §2: "an empty
 * cell is the value \"\""). Without it an empty cell in a required role is a data
 * error, and in an optional role it is missing. */
#define JV_ROLE_EMPTY_IS_VALUE 0x8u

/* A column the plugin reads, under a role name the evaluation file can map
 * to the file's own column name. */
typedef struct jv_role {
    const char *name;    /* e.g. "gender", "amount_granted" */
    jv_type type;
    unsigned flags;      /* JV_ROLE_* */
    /* CATEGORY only, optional: the accepted values, as
     * "canonical=alias,alias|canonical=alias" (the canonical value itself
     * is always accepted; matching is trimmed and case-insensitive). Any
     * other value is a data error. Codes follow the canonical order.
     * Example: "granted=beviljad,beviljat|rejected=avslag,avslaget". */
    const char *codes;
    const char *help;    /* one line for `jamvikt plugins` */
} jv_role;

/* A table the plugin reads. */
typedef struct jv_table_spec {
    const char *name;     /* "funding", "population", ... */
    int required;         /* 0: the plugin runs without it */
    const jv_role *roles; /* n_roles entries */
    size_t n_roles;
} jv_table_spec;

typedef enum jv_param_type {
    JV_PARAM_BOOLEAN = 1,
    JV_PARAM_NUMBER,
    JV_PARAM_INTEGER,
    JV_PARAM_STRING,
    JV_PARAM_STRING_LIST
} jv_param_type;

/* One entry of the parameter schema. The core rejects unknown params and
 * values of the wrong type, and writes every param, defaults resolved,
 * into the result document. */
typedef struct jv_param_spec {
    const char *name;
    jv_param_type type;
    const char *default_json; /* the default as JSON text: "true", "1.0", "[]" */
    const char *help;
} jv_param_spec;

/* ABI 1.1: one key's label in one language ({NULL, NULL} ends a list). */
typedef struct jv_label {
    const char *key;  /* a result key or headline metric: "amount_gap" */
    const char *text; /* "Difference in mean amount (women - men)" */
} jv_label;

/* ABI 1.1: what a report calls the indicator and its keys in one
 * language. A plugin lists one entry per language it speaks; an entry
 * with lang NULL ends the list. Renderers take the report's language,
 * then "en", then the plugin's name (title) or the key itself (labels). */
typedef struct jv_translation {
    const char *lang;       /* "en", "sv" (ISO 639-1), required */
    const char *title;      /* required: "Beviljade medel" */
    const jv_label *labels; /* optional, ends with {NULL, NULL} */
} jv_translation;

/* ABI 1.1: what a number under a result key is, so renderers format it by
 * its unit and not by its name. */
typedef enum jv_unit {
    JV_UNIT_SHARE = 1,        /* a proportion 0..1, shown as "31,0 %" */
    JV_UNIT_COUNT,            /* a whole count, "1 250" */
    JV_UNIT_AMOUNT,           /* money in the data's currency, "1 250 000" */
    JV_UNIT_NUMBER,           /* any other number, one decimal: "12,5" */
    JV_UNIT_POINTS,           /* a difference of two shares, "+9,0 p.e." */
    JV_UNIT_AMOUNT_DIFFERENCE,/* a difference of two amounts, "-91 000" */
    JV_UNIT_NUMBER_DIFFERENCE /* a difference of two numbers, "-1,5" */
} jv_unit;

/* ABI 1.1: the unit of one result key ({NULL, 0} ends a list). The key is
 * a measure ("amount_granted"), a figure ("approval_gap") or an interval
 * ("approval_rate_ci": the unit of its limits). Keys not listed fall back
 * to the 1.0 rule (see docs/plugin-guide.md, "Labels and units"). */
typedef struct jv_key_unit {
    const char *key;
    jv_unit unit;
} jv_key_unit;

/* The descriptor. Fields are only ever appended (abi_minor). */
typedef struct jv_plugin {
    uint32_t abi_major;   /* JV_ABI_MAJOR the plugin was built with */
    uint32_t abi_minor;   /* JV_ABI_MINOR the plugin was built with */
    uint32_t struct_size; /* sizeof(jv_plugin) as the plugin saw it */

    const char *name;     /* required; [a-z][a-z0-9_]*, unique */
    const char *version;  /* required; e.g. "1.0.0" */
    const char *summary;  /* required; one line */

    const jv_table_spec *tables; /* required, n_tables >= 1; tables[0] is
                                    the main table (its rows are `rows`) */
    size_t n_tables;
    const jv_param_spec *params; /* optional */
    size_t n_params;

    /* Optional. Called once per indicator before any data: read params
     * (host->param_*), add roles (host->add_role), and return an instance
     * (*instance, owned by the plugin, freed in release()) that every later
     * callback gets back from host->instance(ctx). */
    int (*configure)(jv_ctx *ctx, void **instance);
    void (*release)(jv_ctx *ctx, void *instance);

    /* Required. A new, empty state (owned by the core, freed with
     * destroy()). NULL after host->error() on failure. */
    void *(*init)(jv_ctx *ctx);
    /* Required. Add a batch to the state. */
    int (*consume)(jv_ctx *ctx, void *state, const jv_batch *batch);
    /* Required. Join chunk state `from` (same region) into `into`, exactly,
     * in any order: merge must be associative and commutative. `from` stays
     * the caller's and is destroyed afterwards. */
    int (*merge)(jv_ctx *ctx, void *into, const void *from);
    /* Required. Add a finished region's state into the total's state
     * (sums; persons counted per region). Associative and commutative. */
    int (*pool)(jv_ctx *ctx, void *total, const void *region);
    /* Optional. Declare the disclosure groups and families of a finished
     * state (a region's or the total's; host->scope(ctx) says which). */
    int (*cells)(jv_ctx *ctx, const void *state, jv_cells *cells);
    /* Required. Write the result object of a finished state into `out`
     * (an open JSON object). `total` is the pooled state of the whole
     * evaluation (== state when finishing the total). Must write
     * "headline" (host->put_headline). */
    int (*finish)(jv_ctx *ctx, const void *state, const void *total,
                  jv_writer *out);
    /* Required. Free a state from init() or load(). */
    void (*destroy)(jv_ctx *ctx, void *state);
    /* Optional pair. Write a finished region's state as aggregates only
     * (never a person-level row or identifier) into `out` (an open JSON
     * object), and read it back into a state that pool(), cells() and
     * finish() accept. */
    int (*save)(jv_ctx *ctx, const void *state, jv_writer *out);
    void *(*load)(jv_ctx *ctx, const jv_node *in);

    /* ABI 1.1. Optional: the title and labels per language (an entry with
     * lang NULL ends the list), and the unit of result keys (a {NULL, 0}
     * entry ends it). The core copies both into the result document
     * (evaluation.plugins[]: "title", "labels", "units"), so a stored
     * result renders in either language without the plugin. */
    const jv_translation *texts;
    const jv_key_unit *units;
} jv_plugin;

/* The entry function's type. */
typedef const jv_plugin *(*jv_plugin_entry_fn)(const jv_host *host);

/* Marks the entry function exported even when a plugin is built with
 * -fvisibility=hidden. Every plugin defines exactly this function. */
#if defined(__GNUC__)
#define JV_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define JV_PLUGIN_EXPORT
#endif
JV_PLUGIN_EXPORT const jv_plugin *jamvikt_plugin_entry(const jv_host *host);

/* JV_PLUGIN_DEFINE(host_var, descriptor) = { JV_PLUGIN_ABI, .name = ..., ... };
 *
 * One line declares the plugin's static descriptor `descriptor` and defines
 * the exported entry function, which keeps the host table in `host_var`
 * (a `static const jv_host *` the plugin declared before) and returns the
 * descriptor. JV_PLUGIN_ABI fills in abi_major, abi_minor and struct_size
 * for the headers the plugin is compiled with. Since SDK 1.1; a plugin
 * built with it runs on any 1.x core of at least the minor it was built
 * for, like any other. Example (docs/plugin-guide.md, 2.1):
 *
 *     static const jv_host *host;
 *     ...callbacks...
 *     JV_PLUGIN_DEFINE(host, my_plugin) = {
 *         JV_PLUGIN_ABI,
 *         .name = "my_indicator",
 *         ...
 *     };
 */
#define JV_PLUGIN_ABI                                                                       \
    .abi_major = JV_ABI_MAJOR, .abi_minor = JV_ABI_MINOR, .struct_size = sizeof(jv_plugin)
#define JV_PLUGIN_DEFINE(host_var, descriptor)                                              \
    static const jv_plugin descriptor;                                                      \
    JV_PLUGIN_EXPORT const jv_plugin *jamvikt_plugin_entry(const jv_host *jv_host_table)    \
    {                                                                                       \
        host_var = jv_host_table;                                                           \
        return &descriptor;                                                                 \
    }                                                                                       \
    static const jv_plugin descriptor

#ifdef __cplusplus
}
#endif

#endif /* JAMVIKT_PLUGIN_H */
