/* tests/mock_host.c — the one mock host of the plugin state suites (see
 * mock_host.h): the core's table with the calls that need a run replaced. */
#include "mock_host.h"
#include "harness.h"
#include "plugin/plugin_helpers.h"
#include "plugin/tally_impl.h"
#include "rules/stats.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The core's host table (plugin/host_impl.h, which also defines the core's
 * jv_ctx and so cannot be included beside ours). */
const jv_host *jv_host_table(void);

/* --- the call's context --- */
static void *mock_instance(jv_ctx *ctx) { return ctx->instance; }
static const jv_options *mock_options(jv_ctx *ctx) { return &ctx->options; }
static int mock_scope(jv_ctx *ctx) { return ctx->scope; }
static const char *mock_scope_name(jv_ctx *ctx) { return ctx->scope_name; }
static const char *mock_indicator_name(jv_ctx *ctx) { return "mock"; }

/* --- params: read from ctx->params as the core reads a bound indicator's --- */
static const cJSON *param(jv_ctx *ctx, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(ctx->params, name);
}
static int mock_param_bool(jv_ctx *ctx, const char *name) { return cJSON_IsTrue(param(ctx, name)); }
static double mock_param_number(jv_ctx *ctx, const char *name)
{
    const cJSON *v = param(ctx, name);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}
static int64_t mock_param_integer(jv_ctx *ctx, const char *name)
{
    const cJSON *v = param(ctx, name);
    return cJSON_IsNumber(v) ? (int64_t)v->valuedouble : 0;
}
static const char *mock_param_string(jv_ctx *ctx, const char *name)
{
    return cJSON_GetStringValue(param(ctx, name));
}
static size_t mock_param_list_size(jv_ctx *ctx, const char *name)
{
    const cJSON *v = param(ctx, name);
    return cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 0;
}
static const char *mock_param_list_item(jv_ctx *ctx, const char *name, size_t i)
{
    return cJSON_GetStringValue(cJSON_GetArrayItem(param(ctx, name), (int)i));
}
static int mock_add_role(jv_ctx *ctx, size_t table, const char *name, jv_type type, unsigned flags)
{
    return ctx->next_column++;
}

/* --- errors and warnings: kept for the assertions --- */
static void mock_error(jv_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->error, sizeof ctx->error, fmt, ap);
    va_end(ap);
}
static int mock_row_error(jv_ctx *ctx, const jv_batch *batch, size_t row, size_t column,
                          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->error, sizeof ctx->error, fmt, ap);
    va_end(ap);
    ctx->error_column = column;
    ctx->row_errors++;
    return ctx->skip;
}
static void mock_warning(jv_ctx *ctx, const char *fmt, ...) { ctx->warnings++; }

/* --- statistics: core/rules at the context's options --- */
static void mock_wilson(jv_ctx *ctx, int64_t k, int64_t n, double ci[2])
{
    jv_stats_wilson(k, n, ctx->options.z, ci);
}
static void mock_newcombe(jv_ctx *ctx, int64_t k1, int64_t n1, int64_t k2, int64_t n2,
                          double *difference, double ci[2])
{
    jv_stats_newcombe(k1, n1, k2, n2, ctx->options.z, difference, ci);
}
static jv_balance mock_balance(jv_ctx *ctx, double share)
{
    return jv_stats_balance(share, ctx->options.balance_low, ctx->options.balance_high);
}
static int mock_balance_certain(jv_ctx *ctx, jv_balance cls, int64_t k, int64_t n)
{
    return jv_stats_balance_certain(cls, k, n, ctx->options.z, ctx->options.balance_low,
                                    ctx->options.balance_high);
}

/* --- disclosure: cells recorded, one group hidden on request --- */
static void mock_add_group(jv_cells *cells, const char *key, size_t n_counts, const int64_t *counts)
{
    cJSON *list = cJSON_CreateArray();
    for (size_t i = 0; i < n_counts * JV_GENDERS; i++)
        cJSON_AddItemToArray(list, cJSON_CreateNumber((double)counts[i]));
    cJSON_AddItemToObject(cells->groups, key, list);
}
static void mock_add_family(jv_cells *cells, const char *margin, const char *const *members,
                            size_t n_members)
{
    cJSON *family = cJSON_CreateArray();
    cJSON_AddItemToArray(family, cJSON_CreateString(margin));
    for (size_t i = 0; i < n_members; i++)
        cJSON_AddItemToArray(family, cJSON_CreateString(members[i]));
    cJSON_AddItemToArray(cells->families, family);
}
static int mock_suppressed(jv_ctx *ctx, const char *key, int gender)
{
    return ctx->hidden != NULL && key != NULL && strcmp(ctx->hidden, key) == 0 &&
           (ctx->hidden_gender < 0 || ctx->hidden_gender == gender);
}

/* The core's tallies, reporting through the mock's table (tally_impl.h). */
static jv_tally *mock_tally_new(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                                const char *const *names, const int *columns)
{
    return jv_tally_new(mock_host(), ctx, spec, n_breakdowns, names, columns);
}
static jv_tally *mock_tally_load(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                                 const char *const *names, const int *columns, const jv_node *node)
{
    return jv_tally_load(mock_host(), ctx, spec, n_breakdowns, names, columns, node);
}

/* The core's helpers, reporting through the mock's table (plugin_helpers.h). */
static int mock_param_columns(jv_ctx *ctx, const char *param, size_t table, const jv_role *roles,
                              size_t n_roles, char ***names, int **columns)
{
    return jv_param_columns(mock_host(), ctx, param, table, roles, n_roles, names, columns);
}
static int mock_state_format(jv_ctx *ctx, const jv_node *state, const char *plugin, int64_t format,
                             int64_t absent)
{
    return jv_state_format(mock_host(), ctx, state, plugin, format, absent);
}
static void mock_put_gender_cells(jv_ctx *ctx, jv_writer *w, const char *group,
                                  const int64_t *cells, size_t n_measures, const jv_cell_key *keys,
                                  size_t n_keys, uint32_t unknown, int *suppressed)
{
    jv_put_gender_cells(mock_host(), ctx, w, group, cells, n_measures, keys, n_keys, unknown,
                        suppressed);
}

const jv_host *mock_host(void)
{
    static jv_host host;
    if (host.struct_size == 0) {
        host = *jv_host_table(); /* what needs no run is the core's own */
        host.instance = mock_instance;
        host.options = mock_options;
        host.scope = mock_scope;
        host.scope_name = mock_scope_name;
        host.indicator_name = mock_indicator_name;
        host.param_bool = mock_param_bool;
        host.param_number = mock_param_number;
        host.param_integer = mock_param_integer;
        host.param_string = mock_param_string;
        host.param_list_size = mock_param_list_size;
        host.param_list_item = mock_param_list_item;
        host.add_role = mock_add_role;
        host.error = mock_error;
        host.row_error = mock_row_error;
        host.warning = mock_warning;
        host.wilson = mock_wilson;
        host.newcombe = mock_newcombe;
        host.balance = mock_balance;
        host.balance_certain = mock_balance_certain;
        host.add_group = mock_add_group;
        host.add_family = mock_add_family;
        host.suppressed = mock_suppressed;
        host.tally_new = mock_tally_new;
        host.tally_load = mock_tally_load;
        host.param_columns = mock_param_columns;
        host.state_format = mock_state_format;
        host.put_gender_cells = mock_put_gender_cells;
    }
    return &host;
}

void mock_ctx_init(jv_ctx *ctx, const char *params_json)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->params = cJSON_Parse(params_json ? params_json : "{}");
    if (ctx->params == NULL) { /* may run before CUnit has a suite */
        fprintf(stderr, "mock host: params are not JSON: %s\n", params_json);
        abort();
    }
    ctx->options = (jv_options){.struct_size = sizeof(jv_options),
                                .min_cell = 0,
                                .balance_low = 0.40,
                                .balance_high = 0.60,
                                .confidence = 0.95,
                                .z = jv_stats_z(0.95)};
    ctx->scope_name = "R";
    ctx->hidden_gender = -1;
}

void mock_ctx_clear(jv_ctx *ctx)
{
    cJSON_Delete(ctx->params);
    ctx->params = NULL;
}

const jv_plugin *mock_configure(jv_ctx *ctx, const char *params_json, int next_column)
{
    mock_ctx_init(ctx, params_json);
    ctx->next_column = next_column;
    const jv_plugin *p = jamvikt_plugin_entry(mock_host());
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL_FATAL(p->configure(ctx, &ctx->instance), 0);
    return p;
}

void mock_done(const jv_plugin *p, jv_ctx *ctx, void *const *states, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p->destroy(ctx, states[i]);
    p->release(ctx, ctx->instance);
    mock_ctx_clear(ctx);
}

cJSON *mock_save(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    cJSON *doc = cJSON_CreateObject();
    jv_writer w;
    jv_writer_init(&w, doc);
    CU_ASSERT_EQUAL(p->save(ctx, state, &w), 0);
    return doc;
}

cJSON *mock_finish(const jv_plugin *p, jv_ctx *ctx, const void *state, const void *total)
{
    cJSON *doc = cJSON_CreateObject();
    jv_writer w;
    jv_writer_init(&w, doc);
    int rc = p->finish(ctx, state, total, &w);
    CU_ASSERT_EQUAL(rc, 0);
    if (rc != 0)
        fprintf(stderr, "\nfinish: %s\n", ctx->error);
    return doc;
}

char *mock_finish_text(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    cJSON *doc = mock_finish(p, ctx, state, state);
    char *text = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    return text;
}

cJSON *mock_cells(const jv_plugin *p, jv_ctx *ctx, const void *state)
{
    jv_cells cells = {.groups = cJSON_CreateObject(), .families = cJSON_CreateArray()};
    CU_ASSERT_EQUAL(p->cells(ctx, state, &cells), 0);
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddItemToObject(doc, "groups", cells.groups);
    cJSON_AddItemToObject(doc, "families", cells.families);
    return doc;
}
