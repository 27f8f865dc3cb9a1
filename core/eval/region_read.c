/* core/eval/region_read.c — one region's pass over its data: each table is
 * opened once, with the union of the roles every indicator reads from it,
 * and every rowset is handed to each of those indicators as its own batch
 * view (its roles, in its order). Tables a region lacks make the
 * indicators that need them "skipped". */
#include "eval/run_internal.h"

#include <string.h>

/* One table of the region and the indicators reading it. */
typedef struct table_plan {
    const char *name;
    GArray *requests;       /* jv_role_request, the union (names borrowed) */
    GPtrArray *readers;     /* per indicator: guint* column map, or NULL */
} table_plan;

static gboolean same_request(const jv_role_request *a, const jv_role_request *b)
{
    return strcmp(a->name, b->name) == 0 && a->type == b->type &&
           g_strcmp0(a->codes, b->codes) == 0 &&
           (a->flags & JV_ROLE_EMPTY_IS_VALUE) == (b->flags & JV_ROLE_EMPTY_IS_VALUE);
}

/* Adds the indicator's roles for table t to the union; returns the map
 * from its columns to union indices. */
static guint *add_requests(GArray *requests, const GArray *roles)
{
    guint *map = g_new(guint, roles->len ? roles->len : 1);
    for (guint i = 0; i < roles->len; i++) {
        const jv_role_request *r = &g_array_index(roles, jv_role_request, i);
        guint u;
        for (u = 0; u < requests->len; u++) {
            jv_role_request *have = &g_array_index(requests, jv_role_request, u);
            if (same_request(have, r)) {
                have->flags |= r->flags;
                break;
            }
        }
        if (u == requests->len)
            g_array_append_val(requests, *r);
        map[i] = u;
    }
    return map;
}

static int table_index(const jv_plugin *desc, const char *name)
{
    for (size_t t = 0; t < desc->n_tables; t++)
        if (strcmp(desc->tables[t].name, name) == 0)
            return (int)t;
    return -1;
}

static void set_scope_error(jv_scope *scope, GError *error)
{
    if (scope->error == NULL)
        scope->error = error;
    else
        g_error_free(error);
}

/* A plugin callback failed in this region: stop the run, or (keep going)
 * record it; the run marks the indicator failed everywhere afterwards. */
static void callback_failed(jv_run *run, jv_scope *scope, size_t i, jv_ctx *ctx, const char *what)
{
    GError *error = NULL;
    jv_ctx_set_gerror(ctx, what, &error);
    jv_outcome *o = &scope->outcomes[i];
    if (run->options->keep_going) {
        o->status = JV_STATUS_ERROR;
        g_free(o->reason);
        o->reason = g_strdup(error->message);
        g_error_free(error);
    } else {
        set_scope_error(scope, error);
    }
}

static void source_from_settings(jv_table_source *src, const jv_table_settings *s,
                                 const char *path, gboolean hash)
{
    memset(src, 0, sizeof *src);
    src->path = path;
    src->display_path = path;
    src->delimiter = s->delimiter;
    src->decimal = s->decimal;
    src->encoding = s->encoding;
    src->columns = s->columns;
    src->codes = s->codes;
    src->on_error = s->on_error;
    src->hash = hash;
}

/* Streams one table through the indicators of the plan. */
static gboolean stream_table(jv_run *run, jv_scope *scope, table_plan *plan,
                             const jv_table_settings *settings, const char *path)
{
    jv_table_source src;
    source_from_settings(&src, settings, path, run->hash_inputs);
    GError *error = NULL;
    jv_table_reader *reader = jv_table_reader_open(
        &src, (const jv_role_request *)plan->requests->data, plan->requests->len, &error);
    if (reader == NULL) {
        set_scope_error(scope, error);
        return FALSE;
    }
    size_t n = run->indicators->len;
    jv_ctx *ctxs = g_new(jv_ctx, n);
    jv_column **views = g_new0(jv_column *, n);
    const char ***names = g_new0(const char **, n);
    jv_batch_source *sources = g_new0(jv_batch_source, n);
    for (size_t i = 0; i < n; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        jv_ctx_init(&ctxs[i], ind, scope->index, scope->name, &run->plugin_options);
        ctxs[i].warnings = scope->warnings;
        guint *map = g_ptr_array_index(plan->readers, i);
        if (map == NULL)
            continue;
        int t = table_index(ind->desc, plan->name);
        guint n_cols = ind->roles[t]->len;
        views[i] = g_new0(jv_column, n_cols ? n_cols : 1);
        names[i] = g_new0(const char *, n_cols ? n_cols : 1);
        for (guint c = 0; c < n_cols; c++) {
            const char *col = jv_table_reader_column_name(reader, map[c]);
            names[i][c] = col ? col : g_array_index(ind->roles[t], jv_role_request, c).name;
        }
        sources[i].display_path = path;
        sources[i].column_names = names[i];
        sources[i].on_error = settings->on_error;
    }
    gboolean ok = TRUE;
    const jv_rowset *rows;
    while (ok && (rows = jv_table_reader_next(reader, &error)) != NULL) {
        if (run->options->check_only)
            continue;
        for (size_t i = 0; i < n; i++) {
            guint *map = g_ptr_array_index(plan->readers, i);
            jv_outcome *o = &scope->outcomes[i];
            if (map == NULL || o->status != JV_STATUS_OK)
                continue;
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            int t = table_index(ind->desc, plan->name);
            guint n_cols = ind->roles[t]->len;
            for (guint c = 0; c < n_cols; c++)
                views[i][c] = rows->columns[map[c]];
            sources[i].lines = rows->lines;
            jv_batch batch = {(size_t)t, rows->n_rows, n_cols, views[i], rows->positions,
                              &sources[i]};
            if (ind->desc->consume(&ctxs[i], o->state, &batch) != 0) {
                callback_failed(run, scope, i, &ctxs[i], "consume() failed without a message");
                ok = scope->error == NULL;
            }
        }
    }
    if (error != NULL) {
        set_scope_error(scope, error);
        ok = FALSE;
    }
    if (ok) {
        jv_input input = {g_strdup(plan->name), jv_run_display_path(run, path),
                          jv_table_reader_bytes(reader), jv_table_reader_rows(reader),
                          jv_table_reader_skipped(reader),
                          g_strdup(jv_table_reader_sha256(reader))};
        g_array_append_val(scope->inputs, input);
        const GPtrArray *warnings = jv_table_reader_warnings(reader);
        for (guint w = 0; w < warnings->len; w++)
            g_ptr_array_add(scope->warnings,
                            g_strdup_printf("%s: %s", scope->name,
                                            (const char *)g_ptr_array_index(warnings, w)));
        for (size_t i = 0; i < n; i++) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            if (g_ptr_array_index(plan->readers, i) == NULL || table_index(ind->desc, plan->name) != 0)
                continue;
            scope->outcomes[i].rows = jv_table_reader_rows(reader) - ctxs[i].skipped;
            scope->outcomes[i].skipped = jv_table_reader_skipped(reader) + ctxs[i].skipped;
        }
    }
    for (size_t i = 0; i < n; i++) {
        jv_ctx_clear_error(&ctxs[i]);
        g_free(views[i]);
        g_free(names[i]);
    }
    g_free(views);
    g_free(names);
    g_free(sources);
    g_free(ctxs);
    jv_table_reader_free(reader);
    return ok;
}

/* The tables any indicator reads, in order of first mention. */
static GPtrArray *table_names(const jv_run *run)
{
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < run->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        for (size_t t = 0; t < ind->desc->n_tables; t++) {
            const char *name = ind->desc->tables[t].name;
            gboolean seen = FALSE;
            for (guint k = 0; k < names->len; k++)
                seen = seen || strcmp(g_ptr_array_index(names, k), name) == 0;
            if (!seen)
                g_ptr_array_add(names, (gpointer)name);
        }
    }
    return names;
}

gboolean jv_region_read(jv_run *run, jv_scope *scope)
{
    size_t n = run->indicators->len;
    GPtrArray *tables = table_names(run);
    GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *settings = g_ptr_array_new_with_free_func((GDestroyNotify)jv_table_settings_free);
    /* First every table's file: a missing required table skips the
     * indicator before anything is read. */
    for (guint k = 0; k < tables->len; k++) {
        const char *table = g_ptr_array_index(tables, k);
        char *path = NULL;
        g_ptr_array_add(settings, jv_evaluation_table(run->evaluation, scope->region, table, &path));
        if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
            for (size_t i = 0; i < n; i++) {
                jv_indicator *ind = g_ptr_array_index(run->indicators, i);
                int t = table_index(ind->desc, table);
                jv_outcome *o = &scope->outcomes[i];
                if (t < 0 || !ind->desc->tables[t].required || o->status != JV_STATUS_OK)
                    continue;
                o->status = JV_STATUS_SKIPPED;
                o->reason = g_strdup_printf("no %s table for %s: %s not found", table,
                                            scope->name, path);
            }
            g_free(path);
            path = NULL;
        }
        g_ptr_array_add(paths, path);
    }
    gboolean ok = TRUE;
    for (guint k = 0; ok && k < tables->len; k++) {
        const char *path = g_ptr_array_index(paths, k);
        if (path == NULL)
            continue;
        table_plan plan = {g_ptr_array_index(tables, k),
                           g_array_new(FALSE, FALSE, sizeof(jv_role_request)),
                           g_ptr_array_new_with_free_func(g_free)};
        gboolean used = FALSE;
        for (size_t i = 0; i < n; i++) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            int t = table_index(ind->desc, plan.name);
            guint *map = NULL;
            if (t >= 0 && (scope->outcomes[i].status == JV_STATUS_OK || run->options->check_only)) {
                map = add_requests(plan.requests, ind->roles[t]);
                used = TRUE;
            }
            g_ptr_array_add(plan.readers, map);
        }
        if (used)
            ok = stream_table(run, scope, &plan, g_ptr_array_index(settings, k), path);
        g_array_unref(plan.requests);
        g_ptr_array_unref(plan.readers);
    }
    g_ptr_array_unref(settings);
    g_ptr_array_unref(paths);
    g_ptr_array_unref(tables);
    return ok;
}
