/* tests/mock_host.h — the one mock host of the plugin state suites, which
 * compile a plugin's sources in and drive its callbacks without the core
 * (collectd's habit: a mock of the registry).
 *
 * Everything host.h specifies is the core's own: the table starts as a copy
 * of jv_host_table() (memory, the JSON writer and reader with the 2^53 rule,
 * gender and balance names, and whatever the core adds later), and the
 * statistics are core/rules' at the evaluation's default options. Only what
 * needs the core's run is mocked, on the small jv_ctx below: params come
 * from a JSON text, add_role() hands out column numbers, errors are kept
 * for assertions, row_error() answers `skip`, suppressed() hides one group,
 * and cells() are recorded as JSON.
 *
 * A suite writes through the core's real jv_writer (plugin/json_io.h):
 * mock_save() and mock_finish() return the document.
 */
#ifndef JV_TESTS_MOCK_HOST_H
#define JV_TESTS_MOCK_HOST_H

#include <cjson/cJSON.h>
#include <jamvikt/jamvikt.h>
#include <stddef.h>

#include "plugin/json_io.h"

struct jv_ctx {
    void *instance;         /* what configure() returned */
    cJSON *params;          /* the indicator's params (owned) */
    jv_options options;     /* min_cell 0, 40/60, 95 % */
    int scope;              /* 0, or JV_SCOPE_TOTAL */
    const char *scope_name; /* "R" */
    int next_column;        /* the column add_role() answers next */
    int skip;               /* row_error()'s answer: 1 as on_error "skip" */
    int row_errors;         /* row_error() calls */
    size_t error_column;    /* the column of the last row_error() */
    char error[512];        /* the last error() or row_error() message */
    int warnings;           /* warning() calls */
    const char *hidden;     /* suppressed(): this group ... */
    int hidden_gender;      /* ... and this gender (-1: every cell and total) */
};

/* What cells() declared: groups {key: [counts of gender 0, ...]} and
 * families [[margin, member, ...], ...], in the order declared. */
struct jv_cells {
    cJSON *groups;
    cJSON *families;
};

/* The host table (built once). */
const jv_host *mock_host(void);

/* A fresh context; params_json NULL means no params ("{}"). */
void mock_ctx_init(jv_ctx *ctx, const char *params_json);
/* Frees what the context owns (not the instance). */
void mock_ctx_clear(jv_ctx *ctx);

/* The plugin's entry, configured on a fresh ctx (CUnit-fatal on failure);
 * add_role() answers next_column, next_column + 1, ... */
const jv_plugin *mock_configure(jv_ctx *ctx, const char *params_json, int next_column);
/* Destroys the n states, releases the instance and clears the ctx. */
void mock_done(const jv_plugin *p, jv_ctx *ctx, void *const *states, size_t n);

/* save() / finish(state, total) into a new object (cJSON_Delete it). */
cJSON *mock_save(const jv_plugin *p, jv_ctx *ctx, const void *state);
cJSON *mock_finish(const jv_plugin *p, jv_ctx *ctx, const void *state, const void *total);
/* finish(state, state) as unformatted JSON text (free() it). */
char *mock_finish_text(const jv_plugin *p, jv_ctx *ctx, const void *state);
/* cells() of state into an object {"groups": ..., "families": ...}. */
cJSON *mock_cells(const jv_plugin *p, jv_ctx *ctx, const void *state);

#endif /* JV_TESTS_MOCK_HOST_H */
