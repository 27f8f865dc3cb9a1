/* core/plugin/plugin_helpers.h — the core's side of SDK 1.1's small
 * helpers for what every indicator writes alike (jamvikt/host.h
 * param_columns, state_format and put_gender_cells).
 *
 * Like the tallies (tally_impl.h) they take the `const jv_host *` they
 * report and allocate through, so a test's mock host wraps them with its
 * own table. */
#ifndef JV_PLUGIN_HELPERS_H
#define JV_PLUGIN_HELPERS_H

#include <jamvikt/host.h>

/* host->param_columns, reporting through `host`. */
int jv_param_columns(const jv_host *host, jv_ctx *ctx, const char *param, size_t table,
                     const jv_role *roles, size_t n_roles, char ***names, int **columns);

/* host->state_format, reporting through `host`. */
int jv_state_format(const jv_host *host, jv_ctx *ctx, const jv_node *state, const char *plugin,
                    int64_t format, int64_t absent);

/* host->put_gender_cells, writing and asking suppressed() through `host`. */
void jv_put_gender_cells(const jv_host *host, jv_ctx *ctx, jv_writer *w, const char *group,
                         const int64_t *cells, size_t n_measures, const jv_cell_key *keys,
                         size_t n_keys, uint32_t unknown, int *suppressed);

#endif /* JV_PLUGIN_HELPERS_H */
