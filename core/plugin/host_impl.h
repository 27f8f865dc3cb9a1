/* core/plugin/host_impl.h — the core's side of the host API: the per-call
 * context (jv_ctx) and how the run tells the host where a batch came from.
 * Plugins only ever see these as opaque pointers. */
#ifndef JV_PLUGIN_HOST_IMPL_H
#define JV_PLUGIN_HOST_IMPL_H

#include <glib.h>
#include <jamvikt/host.h>

#include "data/dataset.h"
#include "plugin/plugin_types.h"

/* The error domain for plugin failures: "plugin 'x': message". */
#define JV_PLUGIN_ERROR (jv_plugin_error_quark())
GQuark jv_plugin_error_quark(void);

/* What batch->source points at: enough to place a row error. */
typedef struct jv_batch_source {
    const char *display_path;
    const uint64_t *lines;           /* per row of the batch */
    const char *const *column_names; /* per column of the plugin's batch */
    jv_on_error on_error;
} jv_batch_source;

struct jv_ctx {
    jv_indicator *indicator;
    int scope; /* region index or JV_SCOPE_TOTAL */
    const char *scope_name;
    const jv_options *options;
    gboolean configuring;      /* add_role allowed */
    char *error;               /* first error reported (owned) */
    GPtrArray *warnings;       /* where warnings go (borrowed), or NULL */
    guint64 skipped;           /* rows skipped through row_error */
    const void *disclosure;    /* jv_disclosure for suppressed() */
    int period;                /* the period a state covers; -1: all */
    jv_problem_list *problems; /* `jamvikt check`: row errors are collected
                                  here (borrowed) and the row is left out,
                                  so every row rule of every plugin is found
                                  in one pass; NULL in a run */
};

/* The table handed to every plugin's entry function. */
const jv_host *jv_host_table(void);

void jv_ctx_init(jv_ctx *ctx, jv_indicator *indicator, int scope, const char *scope_name,
                 const jv_options *options);
/* Clears the error; keeps everything else. */
void jv_ctx_clear_error(jv_ctx *ctx);
/* The failure as a GError "indicator 'x' (plugin 'y'): message", using the
 * message the plugin reported or `fallback`. */
void jv_ctx_set_gerror(const jv_ctx *ctx, const char *fallback, GError **error);

/* Options as the host hands them to plugins, from the evaluation's. */
void jv_options_fill(jv_options *options, int64_t min_cell, double low, double high,
                     double confidence);

#endif /* JV_PLUGIN_HOST_IMPL_H */
