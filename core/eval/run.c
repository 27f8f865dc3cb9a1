/* core/eval/run.c — carries out an evaluation (see run.h): binds the
 * indicators to their plugins, reads the regions in parallel (each region's
 * states are its own, so regions need no locks), pools finished regions
 * into the total in region order, lets the core decide disclosure, and
 * hands the finished run to result.c. */
#include "eval/progress.h"
#include "eval/run_internal.h"

#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK(jv-run-error-quark, jv_run_error)

char *jv_run_display_path(const jv_run *run, const char *path)
{
    const char *dir = run->evaluation->dir;
    size_t n = strlen(dir);
    if (n > 0 && strcmp(dir, ".") != 0 && strncmp(path, dir, n) == 0 && path[n] == G_DIR_SEPARATOR)
        return g_strdup(path + n + 1);
    if (strcmp(dir, ".") == 0 && g_str_has_prefix(path, "./"))
        return g_strdup(path + 2);
    return g_strdup(path);
}

static gboolean bind_indicators(jv_run *run, const jv_registry *registry, GError **error)
{
    const jv_evaluation *e = run->evaluation;
    for (guint i = 0; i < e->indicators->len; i++) {
        const jv_indicator_def *def = g_ptr_array_index(e->indicators, i);
        const jv_loaded_plugin *plugin = jv_registry_find(registry, def->plugin);
        if (plugin == NULL) {
            const char *close = jv_registry_suggest(registry, def->plugin);
            GString *msg = g_string_new(NULL);
            g_string_printf(msg, "%s: %s.plugin: unknown plugin '%s'", e->path, def->json_path,
                            def->plugin);
            if (close)
                g_string_append_printf(msg, " — did you mean '%s'?", close);
            else
                g_string_append(msg, " (see `jamvikt plugins` for what is installed)");
            for (guint r = 0; r < registry->rejections->len; r++)
                if (strstr(g_ptr_array_index(registry->rejections, r), def->plugin) != NULL)
                    g_string_append_printf(msg, "\n  a plugin was rejected: %s",
                                           (const char *)g_ptr_array_index(registry->rejections, r));
            g_set_error_literal(error, JV_RUN_ERROR, 0, msg->str);
            g_string_free(msg, TRUE);
            return FALSE;
        }
        char *where = g_strdup_printf("%s: %s", e->path, def->json_path);
        jv_indicator *ind = jv_indicator_bind(def->name, plugin, def->params, where,
                                              &run->plugin_options, error);
        g_free(where);
        if (ind == NULL)
            return FALSE;
        g_ptr_array_add(run->indicators, ind);
    }
    return TRUE;
}

void jv_scope_init(jv_run *run, jv_scope *scope, int index, const char *name,
                   const jv_region_def *region)
{
    scope->index = index;
    scope->name = g_strdup(name);
    scope->region = region;
    scope->outcomes = g_new0(jv_outcome, run->indicators->len);
    scope->warnings = g_ptr_array_new_with_free_func(g_free);
}

static void scope_clear(jv_run *run, jv_scope *scope)
{
    if (scope->outcomes == NULL)
        return;
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_outcome *o = &scope->outcomes[i];
        if (o->state != NULL) {
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            jv_ctx ctx;
            jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
            ind->desc->destroy(&ctx, o->state);
            jv_ctx_clear_error(&ctx);
        }
        g_free(o->reason);
    }
    g_free(scope->outcomes);
    g_ptr_array_unref(scope->warnings);
    g_free(scope->name);
}

static void add_warning(GPtrArray *warnings, char *line)
{
    for (guint i = 0; i < warnings->len; i++)
        if (strcmp(g_ptr_array_index(warnings, i), line) == 0) {
            g_free(line);
            return;
        }
    g_ptr_array_add(warnings, line);
}

static int thread_count(const jv_run_options *options)
{
    int n = options->threads > 0 ? options->threads : (int)g_get_num_processors();
    return n < 1 ? 1 : n;
}

/* A task of the thread pool: a chunk to read, a pass to split into its
 * chunks, or a whole file to hash when its pass is read in several chunks. */
typedef enum { TASK_CHUNK, TASK_SPLIT, TASK_HASH } task_kind;
typedef struct task {
    task_kind kind;
    jv_chunk *chunk;
    jv_pass *pass;
} task;

static void hash_file(jv_pass *pass)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    FILE *f = fopen(pass->path, "rb");
    if (f != NULL) {
        guchar *buffer = g_malloc(1 << 20);
        size_t n;
        while ((n = fread(buffer, 1, 1 << 20, f)) > 0)
            g_checksum_update(sum, buffer, (gssize)n);
        g_free(buffer);
        fclose(f);
        pass->sha256 = g_strdup(g_checksum_get_string(sum));
    }
    g_checksum_free(sum);
}

static void merge_finished(jv_run *run);

/* A region's (listed regions) or a part's (column regions) tasks left. */
static void task_done(jv_run *run, jv_chunk *chunk)
{
    gboolean unit_done = TRUE;
    if (chunk->pass->region >= 0 && run->tasks_left != NULL)
        unit_done = g_atomic_int_dec_and_test(&run->tasks_left[chunk->pass->region]);
    guint64 end = chunk->end ? chunk->end : chunk->pass->size;
    jv_progress_add(run->progress, chunk->rows, chunk->unused ? 0 : end - chunk->start, unit_done);
}

static void finish_task(jv_run *run, task *t)
{
    if (t->kind == TASK_CHUNK) {
        task_done(run, t->chunk);
        g_atomic_int_set(&t->chunk->finished, 1);
    }
    if (run->finished_tasks != NULL)
        g_async_queue_push(run->finished_tasks, t);
}

/* Hands a chunk whose range is known to the pool (or reads it now). */
static void dispatch(jv_run *run, task *t)
{
    if (run->pool != NULL) {
        g_thread_pool_push(run->pool, t, NULL);
        return;
    }
    jv_chunk_read(run, t->chunk);
    finish_task(run, t);
    merge_finished(run); /* one thread: merge as we go, memory stays flat */
}

typedef struct split_state {
    jv_run *run;
    jv_pass *pass;
    task *tasks;     /* the run's tasks, indexed like run->chunks */
    guint found;     /* chunk starts found so far */
} split_state;

/* A chunk start was found: the previous chunk's range is now complete. */
static void chunk_found(guint64 start, guint64 line, void *user)
{
    split_state *s = user;
    guint first = s->pass->first_chunk;
    if (s->found >= s->pass->n_chunks)
        return;
    jv_chunk *chunk = g_ptr_array_index(s->run->chunks, first + s->found);
    chunk->start = start;
    chunk->first_line = line;
    if (s->found > 0) {
        jv_chunk *previous = g_ptr_array_index(s->run->chunks, first + s->found - 1);
        previous->end = start;
        dispatch(s->run, &s->tasks[first + s->found - 1]);
    }
    s->found++;
}

/* Cuts a pass into its chunks, dispatching each as soon as it is known;
 * slots the file did not need are finished empty. */
static void split_pass(jv_run *run, jv_pass *pass, task *tasks)
{
    split_state s = {run, pass, tasks, 0};
    jv_table_source src;
    jv_pass_source(pass, &src, FALSE);
    GError *error = NULL;
    gboolean ok = jv_table_split_each(&src, pass->n_chunks, chunk_found, &s, &error);
    guint first = pass->first_chunk;
    if (ok && s.found > 0) {
        jv_chunk *last = g_ptr_array_index(run->chunks, first + s.found - 1);
        if (last->start == 0)
            last->end = 0; /* no rows to split: read whole */
        dispatch(run, &tasks[first + s.found - 1]);
    } else if (!ok) {
        jv_chunk *chunk = g_ptr_array_index(run->chunks, first);
        chunk->error = error;
    }
    for (guint k = ok ? s.found : 0; k < pass->n_chunks; k++) {
        jv_chunk *chunk = g_ptr_array_index(run->chunks, first + k);
        chunk->unused = TRUE;
        finish_task(run, &tasks[first + k]);
    }
}

static void run_task(gpointer data, gpointer user)
{
    task *t = data;
    jv_run *run = user;
    switch (t->kind) {
    case TASK_CHUNK:
        jv_chunk_read(run, t->chunk);
        break;
    case TASK_SPLIT:
        split_pass(run, t->pass, run->tasks);
        break;
    case TASK_HASH:
        hash_file(t->pass);
        break;
    }
    finish_task(run, t);
}

static void read_chunks(jv_run *run)
{
    /* One task per chunk slot (same index), then the split and hash tasks. */
    GArray *tasks = g_array_new(FALSE, TRUE, sizeof(task));
    guint64 bytes = 0;
    if (run->evaluation->regions_column == NULL)
        run->tasks_left = g_new0(gint, run->n_regions ? run->n_regions : 1);
    for (guint c = 0; c < run->chunks->len; c++) {
        task t = {TASK_CHUNK, g_ptr_array_index(run->chunks, c), NULL};
        g_array_append_val(tasks, t);
        if (run->tasks_left != NULL)
            run->tasks_left[t.chunk->pass->region]++;
    }
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        if (pass->missing)
            continue;
        bytes += pass->size;
        if (pass->n_chunks > 1) {
            task split = {TASK_SPLIT, NULL, pass};
            g_array_append_val(tasks, split);
            if (run->hash_inputs) {
                task hash = {TASK_HASH, NULL, pass};
                g_array_append_val(tasks, hash);
            }
        }
    }
    run->tasks = (task *)tasks->data;
    gboolean listed = run->tasks_left != NULL;
    run->progress = jv_progress_new(run->options->progress,
                                    listed ? (guint)run->n_regions : run->chunks->len,
                                    listed ? "regions" : "parts", bytes);
    int threads = thread_count(run->options);
    if (threads > 1) {
        /* Workers report each finished task on a queue; the main thread
         * merges finished chunks in order as they come and redraws the
         * progress line at least every 200 ms. */
        run->finished_tasks = g_async_queue_new();
        run->pool = g_thread_pool_new(run_task, run, threads, TRUE, NULL);
        for (guint k = 0; k < tasks->len; k++) {
            task *t = &g_array_index(tasks, task, k);
            if (t->kind != TASK_CHUNK || t->chunk->pass->n_chunks == 1)
                g_thread_pool_push(run->pool, t, NULL);
        }
        for (guint done = 0; done < tasks->len;) {
            if (g_async_queue_timeout_pop(run->finished_tasks, 200000) != NULL) {
                done++;
                merge_finished(run);
            }
            jv_progress_show(run->progress);
        }
        g_thread_pool_free(run->pool, FALSE, TRUE);
        run->pool = NULL;
        g_async_queue_unref(run->finished_tasks);
        run->finished_tasks = NULL;
    } else {
        /* One thread: every split first (it dispatches its chunks inline),
         * then the chunks read whole, then hashes. */
        for (guint k = 0; k < tasks->len; k++) {
            task *t = &g_array_index(tasks, task, k);
            if (t->kind == TASK_CHUNK && t->chunk->pass->n_chunks > 1)
                continue;
            run_task(t, run);
            merge_finished(run);
            jv_progress_show(run->progress);
        }
    }
    merge_finished(run);
    jv_progress_free(run->progress);
    run->progress = NULL;
    g_free(run->tasks_left);
    run->tasks_left = NULL;
    run->tasks = NULL;
    g_array_unref(tasks);
}

/* The first failure in chunk order, whatever order threads ran in. */
static gboolean chunk_errors(jv_run *run, GError **error)
{
    for (guint c = 0; c < run->chunks->len; c++) {
        jv_chunk *chunk = g_ptr_array_index(run->chunks, c);
        if (chunk->error != NULL) {
            g_propagate_error(error, chunk->error);
            chunk->error = NULL;
            return FALSE;
        }
    }
    return TRUE;
}

/* The scope a chunk's rows belong to: a listed region, or a region named
 * by the column, created at its first appearance (its index is given once
 * all chunks are read, in order of first appearance). */
static jv_scope *scope_for(jv_run *run, const jv_chunk *chunk, const jv_chunk_scope *cs)
{
    if (cs->region >= 0)
        return &run->regions[cs->region];
    jv_scope *scope = g_hash_table_lookup(run->column_regions, cs->name);
    if (scope == NULL) {
        scope = g_new0(jv_scope, 1);
        jv_scope_init(run, scope, JV_SCOPE_PENDING, cs->name, NULL);
        scope->first_pass = chunk->pass->index;
        scope->first_position = cs->first_position;
        g_hash_table_insert(run->column_regions, scope->name, scope);
    } else if (chunk->pass->index < scope->first_pass ||
               (chunk->pass->index == scope->first_pass &&
                cs->first_position < scope->first_position)) {
        scope->first_pass = chunk->pass->index;
        scope->first_position = cs->first_position;
    }
    return scope;
}

/* Joins one finished chunk's states into its regions' and frees them. */
static gboolean merge_chunk(jv_run *run, jv_chunk *chunk, GError **error)
{
    for (guint i = 0; i < run->indicators->len; i++)
        if (chunk->failures[i] != NULL)
            jv_run_fail_indicator(run, i, chunk->failures[i]);
    gboolean ok = TRUE;
    for (guint s = 0; s < chunk->scopes->len; s++) {
        jv_chunk_scope *cs = g_ptr_array_index(chunk->scopes, s);
        jv_scope *scope = scope_for(run, chunk, cs);
        for (guint i = 0; i < run->indicators->len; i++) {
            jv_outcome *o = &scope->outcomes[i];
            o->rows += cs->rows[i];
            o->skipped += cs->skipped[i];
            jv_indicator *ind = g_ptr_array_index(run->indicators, i);
            if (cs->states[i] == NULL || ind->failed || !ok)
                continue;
            if (o->state == NULL) {
                o->state = cs->states[i];
                cs->states[i] = NULL;
                continue;
            }
            jv_ctx ctx;
            jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
            if (ind->desc->merge(&ctx, o->state, cs->states[i]) != 0) {
                GError *e = NULL;
                jv_ctx_set_gerror(&ctx, "merge() failed without a message", &e);
                if (run->options->keep_going) {
                    jv_run_fail_indicator(run, i, e->message);
                    g_error_free(e);
                } else {
                    g_propagate_error(error, e);
                    ok = FALSE;
                }
            }
            jv_ctx_clear_error(&ctx);
        }
    }
    jv_chunk_drop_states(run, chunk);
    return ok;
}

/* Merges, in chunk order, every chunk that has finished (main thread). */
static void merge_finished(jv_run *run)
{
    while (run->merged < run->chunks->len) {
        jv_chunk *chunk = g_ptr_array_index(run->chunks, run->merged);
        if (!g_atomic_int_get(&chunk->finished))
            return;
        run->merged++;
        if (chunk->error == NULL && run->merge_error == NULL)
            merge_chunk(run, chunk, &run->merge_error);
        else
            jv_chunk_drop_states(run, chunk);
    }
}

static gint compare_first_seen(gconstpointer a, gconstpointer b)
{
    const jv_scope *x = *(jv_scope *const *)a, *y = *(jv_scope *const *)b;
    if (x->first_pass != y->first_pass)
        return x->first_pass < y->first_pass ? -1 : 1;
    return x->first_position < y->first_position ? -1 : x->first_position > y->first_position;
}

/* Regions from a column, in order of first appearance: by pass, then by
 * the position of their first row. */
static void number_column_regions(jv_run *run)
{
    GPtrArray *order = g_ptr_array_new();
    GList *values = g_hash_table_get_values(run->column_regions);
    for (GList *v = values; v != NULL; v = v->next)
        g_ptr_array_add(order, v->data);
    g_list_free(values);
    g_ptr_array_sort(order, compare_first_seen);
    run->n_regions = order->len;
    run->regions = g_new0(jv_scope, run->n_regions ? run->n_regions : 1);
    for (guint r = 0; r < order->len; r++) {
        jv_scope *scope = g_ptr_array_index(order, r);
        run->regions[r] = *scope;
        run->regions[r].index = (int)r;
        g_free(scope);
    }
    g_ptr_array_unref(order);
    g_hash_table_steal_all(run->column_regions);
}

/* What the passes add to the regions: the reader's counts and warnings,
 * skipped indicators where a table is missing, and the inputs. */
static void account_passes(jv_run *run)
{
    for (guint c = 0; c < run->chunks->len; c++) {
        jv_chunk *chunk = g_ptr_array_index(run->chunks, c);
        jv_pass *pass = chunk->pass;
        pass->rows += chunk->rows;
        pass->skipped += chunk->skipped;
        if (chunk->sha256 != NULL && pass->sha256 == NULL)
            pass->sha256 = g_strdup(chunk->sha256);
        GPtrArray *into = pass->region >= 0 ? run->regions[pass->region].warnings : run->warnings;
        for (guint w = 0; w < chunk->warnings->len; w++) {
            const char *text = g_ptr_array_index(chunk->warnings, w);
            add_warning(into, pass->region >= 0 && !g_str_has_prefix(text, run->regions[pass->region].name)
                                  ? g_strdup_printf("%s: %s", run->regions[pass->region].name, text)
                                  : g_strdup(text));
        }
    }
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        for (size_t r = 0; r < run->n_regions; r++) {
            if (pass->region >= 0 && (size_t)pass->region != r)
                continue;
            jv_scope *scope = &run->regions[r];
            for (guint i = 0; i < run->indicators->len; i++) {
                jv_indicator *ind = g_ptr_array_index(run->indicators, i);
                int t = jv_plugin_table_index(ind->desc, pass->table);
                jv_outcome *o = &scope->outcomes[i];
                if (t < 0)
                    continue;
                if (t == 0 && pass->region >= 0)
                    o->skipped += pass->skipped;
                if (pass->missing && ind->desc->tables[t].required && o->status == JV_STATUS_OK) {
                    o->status = JV_STATUS_SKIPPED;
                    o->reason = g_strdup_printf("no %s table for %s: %s not found", pass->table,
                                                scope->name, pass->path);
                }
            }
        }
        if (pass->missing)
            continue;
        jv_input in = {pass->region >= 0 ? g_strdup(run->regions[pass->region].name) : NULL,
                       g_strdup(pass->table), jv_run_display_path(run, pass->path), pass->size,
                       g_strdup(pass->sha256)};
        g_array_append_val(run->inputs, in);
    }
}

/* Every indicator that ran in a region has a state, even without rows. */
static gboolean complete_states(jv_run *run, jv_scope *scope, GError **error)
{
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_outcome *o = &scope->outcomes[i];
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (o->state != NULL || o->status != JV_STATUS_OK || ind->failed)
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
        o->state = ind->desc->init(&ctx);
        if (o->state == NULL) {
            jv_ctx_set_gerror(&ctx, "init() returned no state", error);
            jv_ctx_clear_error(&ctx);
            return FALSE;
        }
        jv_ctx_clear_error(&ctx);
    }
    return TRUE;
}

void jv_run_fail_indicator(jv_run *run, size_t i, const char *message)
{
    jv_indicator *ind = g_ptr_array_index(run->indicators, i);
    if (!ind->failed) {
        ind->failed = TRUE;
        ind->failure = g_strdup(message);
    }
}

static gboolean pool_regions(jv_run *run, GError **error)
{
    if (!complete_states(run, &run->total, error))
        return FALSE;
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (ind->failed)
            continue;
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, JV_SCOPE_TOTAL, "total", &run->plugin_options);
        ctx.warnings = run->total.warnings;
        for (size_t r = 0; r < run->n_regions && !ind->failed; r++) {
            jv_outcome *o = &run->regions[r].outcomes[i];
            if (o->status != JV_STATUS_OK)
                continue;
            run->total.outcomes[i].rows += o->rows;
            run->total.outcomes[i].skipped += o->skipped;
            if (ind->desc->pool(&ctx, run->total.outcomes[i].state, o->state) != 0) {
                GError *e = NULL;
                jv_ctx_set_gerror(&ctx, "pool() failed without a message", &e);
                jv_ctx_clear_error(&ctx);
                if (!run->options->keep_going) {
                    g_propagate_error(error, e);
                    return FALSE;
                }
                jv_run_fail_indicator(run, i, e->message);
                g_error_free(e);
            }
        }
        jv_ctx_clear_error(&ctx);
    }
    return TRUE;
}

static gboolean cells_of(jv_run *run, jv_indicator *ind, guint i, jv_scope *scope,
                         jv_disclosure *d, GError **error)
{
    jv_ctx ctx;
    jv_ctx_init(&ctx, ind, scope->index, scope->name, &run->plugin_options);
    int rc = ind->desc->cells(&ctx, scope->outcomes[i].state, jv_disclosure_scope(d, scope->index));
    if (rc != 0)
        jv_ctx_set_gerror(&ctx, "cells() failed without a message", error);
    jv_ctx_clear_error(&ctx);
    return rc == 0;
}

static gboolean decide_disclosure(jv_run *run, GError **error)
{
    run->disclosures = g_new0(jv_disclosure *, run->indicators->len);
    for (guint i = 0; i < run->indicators->len; i++) {
        jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        if (ind->failed || ind->desc->cells == NULL || run->min_cell <= 0)
            continue;
        jv_disclosure *d = jv_disclosure_new(run->n_regions, run->min_cell);
        run->disclosures[i] = d;
        GError *e = NULL;
        gboolean ok = TRUE;
        for (size_t r = 0; ok && r < run->n_regions; r++)
            if (run->regions[r].outcomes[i].status == JV_STATUS_OK)
                ok = cells_of(run, ind, i, &run->regions[r], d, &e);
        if (ok)
            ok = cells_of(run, ind, i, &run->total, d, &e);
        if (!ok) {
            if (!run->options->keep_going) {
                g_propagate_error(error, e);
                return FALSE;
            }
            jv_run_fail_indicator(run, i, e->message);
            g_error_free(e);
            continue;
        }
        jv_disclosure_decide(d);
    }
    return TRUE;
}

cJSON *jv_run_finish(jv_run *run, gboolean *failed, GError **error)
{
    jv_scope_init(run, &run->total, JV_SCOPE_TOTAL, "total", NULL);
    if (!pool_regions(run, error) || !decide_disclosure(run, error))
        return NULL;
    return jv_result_build(run, failed, error);
}

/* One problem of `jamvikt check --json` (data/problem.h). */
static cJSON *problem_json(const jv_problem *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "severity", p->severity == JV_SEVERITY_ERROR ? "error" : "warning");
    cJSON_AddStringToObject(o, "code", p->code);
    cJSON_AddStringToObject(o, "file", p->file);
    if (p->line > 0)
        cJSON_AddNumberToObject(o, "line", (double)p->line);
    else
        cJSON_AddNullToObject(o, "line");
    cJSON_AddItemToObject(o, "column", p->column ? cJSON_CreateString(p->column) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "field", p->field > 0 ? cJSON_CreateNumber(p->field) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "value", p->value ? cJSON_CreateString(p->value) : cJSON_CreateNull());
    cJSON_AddStringToObject(o, "message", p->message);
    cJSON_AddItemToObject(o, "hint", p->hint ? cJSON_CreateString(p->hint) : cJSON_CreateNull());
    return o;
}

/* A missing file, as a check warning: run skips what needs it. */
static void missing_problem(jv_run *run, const jv_pass *pass, jv_problem_list *list)
{
    char *file = jv_run_display_path(run, pass->path);
    char *message = pass->region >= 0
                        ? g_strdup_printf("no such file, so the indicators that need the '%s' "
                                          "table are skipped for %s",
                                          pass->table, run->regions[pass->region].name)
                        : g_strdup_printf("no such file, so the indicators that need the '%s' "
                                          "table are skipped",
                                          pass->table);
    jv_problem_list_add(list, JV_SEVERITY_WARNING, JV_PROBLEM_MISSING_FILE, file, 0, NULL, 0,
                        NULL, 0, message,
                        g_strdup("check the region's \"dir\" and the table's \"file\" in the "
                                 "evaluation file"));
    g_free(file);
}

/* The report of `jamvikt check`: per file what was read and the problems
 * found (at most JV_PROBLEMS_PER_FILE listed per file), all errors and
 * warnings, and "valid" when there is no error. */
static cJSON *check_report(jv_run *run)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddBoolToObject(doc, "valid", TRUE);
    cJSON *files = cJSON_AddArrayToObject(doc, "files");
    cJSON *errors = cJSON_AddArrayToObject(doc, "errors");
    cJSON *warnings = cJSON_AddArrayToObject(doc, "warnings");
    guint64 n_errors = 0;
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        jv_problem_list *list = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
        if (pass->missing)
            missing_problem(run, pass, list);
        for (guint c = 0; c < run->chunks->len; c++) {
            jv_chunk *chunk = g_ptr_array_index(run->chunks, c);
            if (chunk->pass == pass && chunk->problems != NULL)
                jv_problem_list_take(list, chunk->problems);
        }
        jv_problem_list_sort(list);
        const GPtrArray *items = jv_problem_list_items(list);
        for (guint k = 0; k < items->len; k++) {
            const jv_problem *problem = g_ptr_array_index(items, k);
            cJSON_AddItemToArray(problem->severity == JV_SEVERITY_ERROR ? errors : warnings,
                                 problem_json(problem));
        }
        n_errors += jv_problem_list_errors(list);
        cJSON *t = cJSON_CreateObject();
        if (pass->region >= 0)
            cJSON_AddStringToObject(t, "region", run->regions[pass->region].name);
        cJSON_AddStringToObject(t, "table", pass->table);
        char *file = jv_run_display_path(run, pass->path);
        cJSON_AddStringToObject(t, "file", file);
        g_free(file);
        cJSON_AddBoolToObject(t, "found", !pass->missing);
        cJSON_AddNumberToObject(t, "bytes", (double)pass->size);
        cJSON_AddNumberToObject(t, "rows", (double)pass->rows);
        cJSON_AddNumberToObject(t, "skipped_rows", (double)pass->skipped);
        cJSON_AddNumberToObject(t, "errors", (double)jv_problem_list_errors(list));
        cJSON_AddNumberToObject(t, "warnings", (double)jv_problem_list_warnings(list));
        cJSON_AddBoolToObject(t, "partial", jv_problem_list_partial(list));
        cJSON_AddItemToArray(files, t);
        jv_problem_list_free(list);
    }
    if (n_errors > 0)
        cJSON_ReplaceItemInObject(doc, "valid", cJSON_CreateFalse());
    cJSON *regions = cJSON_AddArrayToObject(doc, "regions");
    for (size_t r = 0; r < run->n_regions; r++)
        cJSON_AddItemToArray(regions, cJSON_CreateString(run->regions[r].name));
    cJSON *notes = cJSON_AddArrayToObject(doc, "skipped");
    for (size_t r = 0; r < run->n_regions; r++) {
        jv_scope *s = &run->regions[r];
        for (guint i = 0; i < run->indicators->len; i++)
            if (s->outcomes[i].status == JV_STATUS_SKIPPED)
                cJSON_AddItemToArray(notes, cJSON_CreateString(s->outcomes[i].reason));
    }
    return doc;
}

static void pass_free(gpointer data)
{
    jv_pass *pass = data;
    g_free(pass->path);
    jv_table_settings_free(pass->settings);
    g_ptr_array_unref(pass->warnings);
    g_free(pass->sha256);
    g_free(pass);
}

void jv_run_clear(jv_run *run)
{
    if (run->column_regions != NULL) {
        GHashTableIter it;
        gpointer value;
        g_hash_table_iter_init(&it, run->column_regions);
        while (g_hash_table_iter_next(&it, NULL, &value)) {
            scope_clear(run, value);
            g_free(value);
        }
        g_hash_table_unref(run->column_regions);
    }
    if (run->merge_error)
        g_error_free(run->merge_error);
    for (guint c = 0; run->chunks && c < run->chunks->len; c++)
        jv_chunk_free(run, g_ptr_array_index(run->chunks, c));
    if (run->chunks)
        g_ptr_array_unref(run->chunks);
    if (run->passes)
        g_ptr_array_unref(run->passes);
    for (size_t r = 0; r < run->n_regions; r++)
        scope_clear(run, &run->regions[r]);
    g_free(run->regions);
    scope_clear(run, &run->total);
    if (run->disclosures != NULL)
        for (guint i = 0; i < run->indicators->len; i++)
            jv_disclosure_free(run->disclosures[i]);
    g_free(run->disclosures);
    for (guint k = 0; run->inputs && k < run->inputs->len; k++) {
        jv_input *in = &g_array_index(run->inputs, jv_input, k);
        g_free(in->region);
        g_free(in->table);
        g_free(in->file);
        g_free(in->sha256);
    }
    if (run->inputs)
        g_array_unref(run->inputs);
    g_ptr_array_unref(run->indicators);
    g_ptr_array_unref(run->warnings);
}

void jv_run_init(jv_run *run, const jv_evaluation *evaluation, const jv_run_options *options)
{
    memset(run, 0, sizeof *run);
    run->evaluation = evaluation;
    run->options = options;
    run->min_cell = options->min_cell >= 0 ? options->min_cell : evaluation->options.min_cell;
    run->hash_inputs = options->hash_inputs || evaluation->options.hash_inputs;
    jv_options_fill(&run->plugin_options, run->min_cell, evaluation->options.balance_low,
                    evaluation->options.balance_high, evaluation->options.confidence);
    run->indicators = g_ptr_array_new_with_free_func((GDestroyNotify)jv_indicator_free);
    run->warnings = g_ptr_array_new_with_free_func(g_free);
    run->passes = g_ptr_array_new_with_free_func(pass_free);
    run->chunks = g_ptr_array_new();
    run->column_regions = g_hash_table_new(g_str_hash, g_str_equal);
    run->inputs = g_array_new(FALSE, TRUE, sizeof(jv_input));
}

cJSON *jv_run_evaluation(const jv_evaluation *evaluation, const jv_registry *registry,
                         const jv_run_options *options, gboolean *failed, GError **error)
{
    jv_run run;
    jv_run_init(&run, evaluation, options);
    if (failed)
        *failed = FALSE;
    cJSON *doc = NULL;
    if (!bind_indicators(&run, registry, error) || !jv_plan_passes(&run, error))
        goto out;
    if (evaluation->regions_column == NULL) {
        run.n_regions = evaluation->regions->len;
        run.regions = g_new0(jv_scope, run.n_regions ? run.n_regions : 1);
        for (size_t r = 0; r < run.n_regions; r++) {
            const jv_region_def *def = g_ptr_array_index(evaluation->regions, r);
            jv_scope_init(&run, &run.regions[r], (int)r, def->name, def);
        }
    }
    if (!jv_plan_chunks(&run, error))
        goto out;
    read_chunks(&run);
    if (!chunk_errors(&run, error))
        goto out;
    if (run.merge_error != NULL) {
        g_propagate_error(error, run.merge_error);
        run.merge_error = NULL;
        goto out;
    }
    if (evaluation->regions_column != NULL)
        number_column_regions(&run);
    account_passes(&run);
    if (options->check_only) {
        doc = check_report(&run);
        goto out;
    }
    for (size_t r = 0; r < run.n_regions; r++)
        if (!complete_states(&run, &run.regions[r], error))
            goto out;
    if (options->save_state != NULL && !jv_state_save(&run, options->save_state, error))
        goto out;
    doc = jv_run_finish(&run, failed, error);
out:
    jv_run_clear(&run);
    return doc;
}
