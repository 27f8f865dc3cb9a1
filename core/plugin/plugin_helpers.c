/* core/plugin/plugin_helpers.c — SDK 1.1's helpers for what every
 * indicator writes alike (jamvikt/host.h): the columns a string-list param
 * names to break figures down by (param_columns), and the format check of
 * a saved state (state_format). They use nothing but the host table they
 * are given, so the mock host of the state suites runs this code too. */
#include "config.h"
#include "plugin/plugin_helpers.h"

#include <inttypes.h>
#include <string.h>

/* The index of role `name` among roles[0 .. n-1], or -1. */
static int role_index(const jv_role *roles, size_t n, const char *name)
{
    for (size_t r = 0; r < n; r++)
        if (roles[r].name != NULL && strcmp(roles[r].name, name) == 0)
            return (int)r;
    return -1;
}

int jv_param_columns(const jv_host *host, jv_ctx *ctx, const char *param, size_t table,
                     const jv_role *roles, size_t n_roles, char ***names, int **columns)
{
    size_t n = host->param_list_size(ctx, param), length = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = host->param_list_item(ctx, param, i);
        length += name != NULL ? strlen(name) + 1 : 0;
    }
    /* one block: n + 1 pointers, then the strings they point at */
    char **list = host->alloc0((n + 1) * sizeof *list + length);
    char *text = (char *)(list + n + 1);
    int *column = host->alloc0((n + 1) * sizeof *column);
    column[n] = -1;
    for (size_t i = 0; i < n; i++) {
        const char *name = host->param_list_item(ctx, param, i);
        if (name == NULL || name[0] == '\0') {
            host->error(ctx, "params.%s[%zu]: a column name is required", param, i);
            goto fail;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(list[j], name) == 0) {
                host->error(ctx, "params.%s lists '%s' twice", param, name);
                goto fail;
            }
        }
        int r = role_index(roles, n_roles, name);
        if (r >= 0 && roles[r].type != JV_TYPE_CATEGORY) {
            host->error(ctx, "params.%s: '%s' is not a column to break figures down by", param,
                        name);
            goto fail;
        }
        column[i] = r >= 0 ? r
                           : host->add_role(ctx, table, name, JV_TYPE_CATEGORY,
                                            JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE);
        if (column[i] < 0)
            goto fail;
        list[i] = strcpy(text, name);
        text += strlen(name) + 1;
    }
    *names = list;
    *columns = column;
    return (int)n;
fail:
    host->free(list);
    host->free(column);
    *names = NULL;
    *columns = NULL;
    return -1;
}

int jv_state_format(const jv_host *host, jv_ctx *ctx, const jv_node *state, const char *plugin,
                    int64_t format, int64_t absent)
{
    const jv_node *node = state != NULL ? host->node_get(state, "format") : NULL;
    int64_t found = absent;
    if ((node == NULL && absent < 0) || (node != NULL && host->node_integer(node, &found) != 0)) {
        host->error(ctx,
                    "saved state of %s has no format number: it is not a state this plugin "
                    "saved",
                    plugin);
        return -1;
    }
    if (found != format) {
        host->error(ctx,
                    "saved state of %s has format %" PRId64 "; this jamvikt writes format %" PRId64
                    ": run `jamvikt run --save-state` again with this version",
                    plugin, found, format);
        return -1;
    }
    return 0;
}
