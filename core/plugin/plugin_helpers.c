/* core/plugin/plugin_helpers.c — SDK 1.1's helpers for what every
 * indicator writes alike (jamvikt/host.h): the columns a string-list param
 * names to break figures down by (param_columns), the format check of a
 * saved state (state_format), and the gender cells of a split
 * (put_gender_cells). They use nothing but the host table they are given,
 * so the mock host of the state suites runs this code too. */
#include "config.h"
#include "plugin/plugin_helpers.h"

#include <inttypes.h>
#include <math.h>
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

/* Whether measure m of a cell can be written: in range and not unknown. */
static int known(int m, size_t n_measures, uint32_t unknown)
{
    return m >= 0 && (size_t)m < n_measures && (m >= 32 || !(unknown >> m & 1u));
}

/* One gender's cell (or the total's) as the object `name`. */
static void put_cell(const jv_host *host, jv_ctx *ctx, jv_writer *w, const char *name,
                     const int64_t *cell, size_t n_measures, const jv_cell_key *keys, size_t n_keys,
                     uint32_t unknown, int suppressed)
{
    host->begin_object(w, name);
    for (const jv_cell_key *key = keys; key < keys + n_keys; key++) {
        int a_m = key->measures[0], b_m = key->measures[1];
        int one = key->kind == JV_CELL_COUNT || key->kind == JV_CELL_SUM ||
                  (key->kind == JV_CELL_FIGURE && b_m == -1);
        int shown = !suppressed && known(a_m, n_measures, unknown) &&
                    (one || known(b_m, n_measures, unknown));
        if (!shown) {
            host->put_null(w, key->key);
            continue;
        }
        int64_t a = cell[a_m], b = one ? 0 : cell[b_m];
        double ci[2];
        switch (key->kind) {
        case JV_CELL_COUNT:
            host->put_integer(w, key->key, a);
            break;
        case JV_CELL_SUM:
            host->put_fixed(w, key->key, a);
            break;
        case JV_CELL_RATE:
            host->put_number(w, key->key, b != 0 ? (double)a / (double)b : NAN);
            break;
        case JV_CELL_RATE_CI:
            host->wilson(ctx, a, b, ci);
            host->put_interval(w, key->key, ci);
            break;
        case JV_CELL_FIGURE:
            host->put_number(w, key->key, key->figure != NULL ? key->figure(cell) : NAN);
            break;
        default: /* a kind this core does not know */
            host->put_null(w, key->key);
        }
    }
    host->put_bool(w, "suppressed", suppressed);
    host->end_object(w);
}

void jv_put_gender_cells(const jv_host *host, jv_ctx *ctx, jv_writer *w, const char *group,
                         const int64_t *cells, size_t n_measures, const jv_cell_key *keys,
                         size_t n_keys, uint32_t unknown, int *suppressed)
{
    int64_t *total = host->alloc0(n_measures * sizeof *total);
    host->begin_object(w, "by_gender");
    for (int g = 0; g < JV_GENDERS; g++) {
        const int64_t *cell = cells + (size_t)g * n_measures;
        int hidden = host->suppressed(ctx, group, g) != 0;
        for (size_t m = 0; m < n_measures; m++)
            total[m] += cell[m]; /* exact: tally.h rule 2 */
        put_cell(host, ctx, w, host->gender_name(g), cell, n_measures, keys, n_keys, unknown,
                 hidden);
        if (suppressed != NULL)
            suppressed[g] = hidden;
    }
    host->end_object(w);
    put_cell(host, ctx, w, "total", total, n_measures, keys, n_keys, unknown,
             host->suppressed(ctx, group, JV_TOTAL) != 0);
    host->free(total);
}
