/* core/plugin/host.c — the host API table (jamvikt/host.h): context
 * accessors, params, errors and warnings, statistics and disclosure
 * queries. The JSON writer/reader functions live in json_io.c. */
#include "config.h"
#include "plugin/host_impl.h"
#include "util/text.h"
#include "rules/disclosure.h"
#include "plugin/json_io.h"
#include "plugin/plugin_helpers.h"
#include "rules/stats.h"
#include "plugin/tally_impl.h"
#include "util/i18n.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK(jv - plugin - error - quark, jv_plugin_error)

void jv_options_fill(jv_options *o, int64_t min_cell, double low, double high, double confidence)
{
    memset(o, 0, sizeof *o);
    o->struct_size = sizeof *o;
    o->min_cell = min_cell;
    o->balance_low = low;
    o->balance_high = high;
    o->confidence = confidence;
    o->z = jv_stats_z(confidence);
}

void jv_ctx_init(jv_ctx *ctx, jv_indicator *indicator, int scope, const char *scope_name,
                 const jv_options *options)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->indicator = indicator;
    ctx->scope = scope;
    ctx->scope_name = scope_name;
    ctx->options = options;
    ctx->period = -1;
}

void jv_ctx_clear_error(jv_ctx *ctx) { g_clear_pointer(&ctx->error, g_free); }

void jv_ctx_set_gerror(const jv_ctx *ctx, const char *fallback, GError **error)
{
    const jv_indicator *ind = ctx->indicator;
    const char *message = ctx->error ? ctx->error : fallback;
    if (g_strcmp0(ind->name, ind->desc->name) == 0)
        g_set_error(error, JV_PLUGIN_ERROR, 0, _("plugin '%s': %s"), ind->desc->name, message);
    else
        g_set_error(error, JV_PLUGIN_ERROR, 0, _("indicator '%s' (plugin '%s'): %s"), ind->name,
                    ind->desc->name, message);
}

/* --- memory --- */
static void *host_alloc0(size_t size) { return g_malloc0(size ? size : 1); }
static void *host_realloc(void *p, size_t size) { return g_realloc(p, size ? size : 1); }
static void host_free(void *p) { g_free(p); }
static char *host_strdup(const char *s) { return g_strdup(s); }

/* --- context --- */
static void *host_instance(jv_ctx *ctx) { return ctx->indicator->instance; }
static const jv_options *host_options(jv_ctx *ctx) { return ctx->options; }
static int host_scope(jv_ctx *ctx) { return ctx->scope; }
static const char *host_scope_name(jv_ctx *ctx) { return ctx->scope_name; }
static const char *host_indicator_name(jv_ctx *ctx) { return ctx->indicator->name; }

/* --- params: validated against the schema when bound, so a lookup of a
 * declared name always finds a value of the declared type --- */
static const cJSON *param(jv_ctx *ctx, const char *name)
{
    return cJSON_GetObjectItemCaseSensitive(ctx->indicator->params, name);
}
static int host_param_bool(jv_ctx *ctx, const char *name) { return cJSON_IsTrue(param(ctx, name)); }
static double host_param_number(jv_ctx *ctx, const char *name)
{
    const cJSON *v = param(ctx, name);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}
static int64_t host_param_integer(jv_ctx *ctx, const char *name)
{
    const cJSON *v = param(ctx, name);
    return cJSON_IsNumber(v) ? (int64_t)v->valuedouble : 0;
}
static const char *host_param_string(jv_ctx *ctx, const char *name)
{
    const cJSON *v = param(ctx, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}
static size_t host_param_list_size(jv_ctx *ctx, const char *name)
{
    const cJSON *v = param(ctx, name);
    return cJSON_IsArray(v) ? (size_t)cJSON_GetArraySize(v) : 0;
}
static const char *host_param_list_item(jv_ctx *ctx, const char *name, size_t i)
{
    const cJSON *v = param(ctx, name);
    const cJSON *item = cJSON_IsArray(v) ? cJSON_GetArrayItem(v, (int)i) : NULL;
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static void set_error(jv_ctx *ctx, char *message)
{
    if (ctx->error == NULL) /* a plugin's bytes are checked: escaped, never raw */
        ctx->error = jv_text_escape_terminal(message, -1, 0);
    g_free(message);
}

static int host_add_role(jv_ctx *ctx, size_t table, const char *name, jv_type type, unsigned flags)
{
    jv_indicator *ind = ctx->indicator;
    if (!ctx->configuring) {
        set_error(ctx, g_strdup("add_role() may only be called from configure()"));
        return -1;
    }
    if (table >= ind->desc->n_tables || name == NULL || name[0] == '\0' || type < JV_TYPE_GENDER ||
        type > JV_TYPE_BOOLEAN) {
        set_error(ctx, g_strdup_printf("add_role(): bad table %zu, role '%s' or type %d", table,
                                       name ? name : "(null)", (int)type));
        return -1;
    }
    GArray *roles = ind->roles[table];
    for (guint i = 0; i < roles->len; i++) {
        const jv_role_request *r = &g_array_index(roles, jv_role_request, i);
        if (strcmp(r->name, name) == 0) {
            set_error(ctx, g_strdup_printf("role '%s' of table '%s' is already read by this "
                                           "indicator",
                                           name, ind->desc->tables[table].name));
            return -1;
        }
    }
    jv_role_request r = {
        .name = g_strdup(name),
        .type = type,
        .flags = flags,
        .required_by = (flags & JV_ROLE_REQUIRED) ? ind->desc->name : NULL,
        .sign_by = (flags & (JV_ROLE_NONNEGATIVE | JV_ROLE_POSITIVE)) ? ind->desc->name : NULL,
    };
    g_array_append_val(roles, r);
    return (int)roles->len - 1;
}

/* --- errors and warnings --- */
static void host_error(jv_ctx *ctx, const char *fmt, ...) JV_PRINTF(2, 3);
static void host_error(jv_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_error(ctx, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

static int host_row_error(jv_ctx *ctx, const jv_batch *batch, size_t row, size_t column,
                          const char *fmt, ...) JV_PRINTF(5, 6);
static int host_row_error(jv_ctx *ctx, const jv_batch *batch, size_t row, size_t column,
                          const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    const jv_batch_source *src = batch ? batch->source : NULL;
    if (src == NULL || row >= batch->n_rows) {
        set_error(ctx, message);
        return 0;
    }
    char *where;
    if (column < batch->n_columns)
        where = g_strdup_printf("%s:%" G_GUINT64_FORMAT ": column '%s': %s", src->display_path,
                                src->lines[row], src->column_names[column], message);
    else
        where = g_strdup_printf("%s:%" G_GUINT64_FORMAT ": %s", src->display_path, src->lines[row],
                                message);
    if (ctx->problems != NULL) {
        /* checking: the row rule is a problem of the file, and the row is
         * left out so the plugin goes on to find the next */
        gboolean skip = src->on_error == JV_ON_ERROR_SKIP;
        const jv_indicator *ind = ctx->indicator;
        char *text = g_strcmp0(ind->name, ind->desc->name) == 0
                         ? g_strdup_printf("plugin '%s': %s%s", ind->desc->name, message,
                                           skip ? " (row skipped)" : "")
                         : g_strdup_printf("indicator '%s' (plugin '%s'): %s%s", ind->name,
                                           ind->desc->name, message, skip ? " (row skipped)" : "");
        jv_problem_list_add(ctx->problems, skip ? JV_SEVERITY_WARNING : JV_SEVERITY_ERROR,
                            JV_PROBLEM_ROW_RULE, src->display_path, src->lines[row],
                            column < batch->n_columns ? src->column_names[column] : NULL, 0, NULL,
                            0, text, NULL);
        ctx->skipped++;
        g_free(where);
        g_free(message);
        return 1;
    }
    g_free(message);
    if (src->on_error == JV_ON_ERROR_SKIP) {
        ctx->skipped++;
        if (ctx->warnings != NULL && ctx->skipped <= 5) {
            char *w = g_strdup_printf("%s (row skipped)", where);
            g_ptr_array_add(ctx->warnings, w);
        }
        g_free(where);
        return 1;
    }
    set_error(ctx, where);
    return 0;
}

static void host_warning(jv_ctx *ctx, const char *fmt, ...) JV_PRINTF(2, 3);
static void host_warning(jv_ctx *ctx, const char *fmt, ...)
{
    if (ctx->warnings == NULL)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *shown = jv_text_escape_terminal(message, -1, 0);
    char *line = g_strdup_printf("%s: %s: %s", ctx->scope_name, ctx->indicator->name, shown);
    g_free(shown);
    g_free(message);
    for (guint i = 0; i < ctx->warnings->len; i++)
        if (strcmp(g_ptr_array_index(ctx->warnings, i), line) == 0) {
            g_free(line);
            return;
        }
    g_ptr_array_add(ctx->warnings, line);
}

/* --- statistics --- */
static void host_wilson(jv_ctx *ctx, int64_t k, int64_t n, double ci[2])
{
    jv_stats_wilson(k, n, ctx->options->z, ci);
}
static void host_newcombe(jv_ctx *ctx, int64_t k1, int64_t n1, int64_t k2, int64_t n2,
                          double *difference, double ci[2])
{
    jv_stats_newcombe(k1, n1, k2, n2, ctx->options->z, difference, ci);
}
static jv_balance host_balance(jv_ctx *ctx, double share)
{
    return jv_stats_balance(share, ctx->options->balance_low, ctx->options->balance_high);
}
static int host_balance_certain(jv_ctx *ctx, jv_balance cls, int64_t k, int64_t n)
{
    return jv_stats_balance_certain(cls, k, n, ctx->options->z, ctx->options->balance_low,
                                    ctx->options->balance_high);
}
static const char *host_gender_name(int gender)
{
    static const char *const names[] = {"woman", "man", "non_binary", "mixed", "unknown", "total"};
    return gender >= 0 && gender <= JV_TOTAL ? names[gender] : NULL;
}

/* --- disclosure --- */
static int host_suppressed(jv_ctx *ctx, const char *key, int gender)
{
    if (ctx->disclosure == NULL || key == NULL)
        return 0;
    return jv_disclosure_period_suppressed(ctx->disclosure, ctx->scope, ctx->period, key, gender)
               ? 1
               : 0;
}

/* --- tallies: the objects report through this table --- */
static jv_tally *host_tally_new(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                                const char *const *names, const int *columns)
{
    return jv_tally_new(jv_host_table(), ctx, spec, n_breakdowns, names, columns);
}
static int host_param_columns(jv_ctx *ctx, const char *param, size_t table, const jv_role *roles,
                              size_t n_roles, char ***names, int **columns)
{
    return jv_param_columns(jv_host_table(), ctx, param, table, roles, n_roles, names, columns);
}
static int host_state_format(jv_ctx *ctx, const jv_node *state, const char *plugin, int64_t format,
                             int64_t absent)
{
    return jv_state_format(jv_host_table(), ctx, state, plugin, format, absent);
}
static jv_tally *host_tally_load(jv_ctx *ctx, const jv_tally_spec *spec, size_t n_breakdowns,
                                 const char *const *names, const int *columns, const jv_node *node)
{
    return jv_tally_load(jv_host_table(), ctx, spec, n_breakdowns, names, columns, node);
}

static void host_put_gender_cells(jv_ctx *ctx, jv_writer *w, const char *group,
                                  const int64_t *cells, size_t n_measures, const jv_cell_key *keys,
                                  size_t n_keys, uint32_t unknown, int *suppressed)
{
    jv_put_gender_cells(jv_host_table(), ctx, w, group, cells, n_measures, keys, n_keys, unknown,
                        suppressed);
}

/* The fields of jv_host_fill_tally() are listed here too so the table stays
 * a compile-time constant; test_tally checks that the two agree. */
static const jv_host host_table = {
    .abi_major = JV_ABI_MAJOR,
    .abi_minor = JV_ABI_MINOR,
    .struct_size = sizeof(jv_host),
    .core_version = PACKAGE_VERSION,
    .alloc0 = host_alloc0,
    .realloc = host_realloc,
    .free = host_free,
    .strdup = host_strdup,
    .instance = host_instance,
    .options = host_options,
    .scope = host_scope,
    .scope_name = host_scope_name,
    .indicator_name = host_indicator_name,
    .param_bool = host_param_bool,
    .param_number = host_param_number,
    .param_integer = host_param_integer,
    .param_string = host_param_string,
    .param_list_size = host_param_list_size,
    .param_list_item = host_param_list_item,
    .add_role = host_add_role,
    .error = host_error,
    .row_error = host_row_error,
    .warning = host_warning,
    .women_share = jv_stats_women_share,
    .wilson = host_wilson,
    .newcombe = host_newcombe,
    .balance = host_balance,
    .balance_certain = host_balance_certain,
    .balance_name = jv_stats_balance_name,
    .gender_name = host_gender_name,
    .add_group = jv_cells_add_group,
    .add_family = jv_cells_add_family,
    .suppressed = host_suppressed,
    .begin_object = jv_json_begin_object,
    .end_object = jv_json_end_object,
    .begin_array = jv_json_begin_array,
    .end_array = jv_json_end_array,
    .put_number = jv_json_put_number,
    .put_integer = jv_json_put_integer,
    .put_fixed = jv_json_put_fixed,
    .put_string = jv_json_put_string,
    .put_bool = jv_json_put_bool,
    .put_null = jv_json_put_null,
    .put_interval = jv_json_put_interval,
    .put_balance = jv_json_put_balance,
    .put_tristate = jv_json_put_tristate,
    .put_gap = jv_json_put_gap,
    .put_headline = jv_json_put_headline,
    .node_get = jv_json_node_get,
    .node_size = jv_json_node_size,
    .node_at = jv_json_node_at,
    .node_number = jv_json_node_number,
    .node_integer = jv_json_node_integer,
    .node_string = jv_json_node_string,
    .node_bool = jv_json_node_bool,
    .node_is_null = jv_json_node_is_null,
    .tally_new = host_tally_new,
    .tally_add = jv_tally_add,
    .tally_add_keys = jv_tally_add_keys,
    .tally_merge = jv_tally_merge,
    .tally_size = jv_tally_size,
    .tally_value = jv_tally_value,
    .tally_cells = jv_tally_cells,
    .tally_declare = jv_tally_declare,
    .tally_suppressed = jv_tally_suppressed,
    .tally_save = jv_tally_save,
    .tally_load = host_tally_load,
    .tally_free = jv_tally_free,
    .map_new = jv_map_new,
    .map_intern = jv_map_intern,
    .map_find = jv_map_find,
    .map_size = jv_map_size,
    .map_key = jv_map_key,
    .map_translate = jv_map_translate,
    .map_sorted = jv_map_sorted,
    .map_free = jv_map_free,
    .values_new = jv_values_new,
    .values_add = jv_values_add,
    .values_merge = jv_values_merge,
    .values_size = jv_values_size,
    .values_at = jv_values_at,
    .values_free = jv_values_free,
    .tally_add_value = jv_tally_add_value,
    .tally_key = jv_tally_key,
    .param_columns = host_param_columns,
    .state_format = host_state_format,
    .put_gender_cells = host_put_gender_cells,
};

const jv_host *jv_host_table(void) { return &host_table; }
