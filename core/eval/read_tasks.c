/* core/eval/read_tasks.c — reading a run's chunks on a thread pool: a
 * task per chunk, a task per large file that cuts it into chunks and hands
 * each to the pool as soon as its range is known, hash tasks; workers
 * report finished tasks on a queue and the main thread merges finished
 * chunks into their regions strictly in chunk order (so memory stays flat
 * and the result never depends on which thread finished first). Regions
 * named by a column are collected here and numbered in order of first
 * appearance. */
#include "eval/progress.h"
#include "eval/run_internal.h"
#include "util/i18n.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int jv_run_max_threads(void)
{
    guint cores = g_get_num_processors();
    return cores >= JV_RUN_MAX_THREADS / 4 ? JV_RUN_MAX_THREADS : (int)cores * 4;
}

int jv_run_threads(const jv_run_options *options)
{
    int n = options->threads > 0 ? options->threads : (int)g_get_num_processors();
    n = MIN(n, jv_run_max_threads()); /* threads are created up front */
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
    guint64 bytes = chunk->unused ? 0 : end - chunk->start;
    /* what the reader did not report while reading (chunk_read.c) */
    jv_progress_add(run->progress, chunk->rows - chunk->reported_rows,
                    bytes > chunk->reported_bytes ? bytes - chunk->reported_bytes : 0, unit_done);
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

void jv_read_chunks(jv_run *run)
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
    int threads = jv_run_threads(run->options);
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

/* A chunk must start where the one before it (of the same pass) stopped
 * reading. It does not when the split misjudged a line break inside a
 * quoted field — which only a quote inside an unquoted field can cause —
 * and then its rows are not the file's: the run stops and says so. */
static gboolean chunk_aligned(jv_run *run, const jv_chunk *chunk, GError **error)
{
    const jv_pass *pass = chunk->pass;
    if (chunk->index == pass->first_chunk || chunk->unused)
        return TRUE;
    const jv_chunk *previous = g_ptr_array_index(run->chunks, chunk->index - 1);
    if (previous->error != NULL || previous->unused || previous->next_offset == chunk->start)
        return TRUE;
    g_set_error(error, JV_RUN_ERROR, 0,
                _("%s: the file could not be cut into parts for parallel reading near line "
                  "%" PRIu64 ": a quote (\") inside a field that is not quoted makes "
                  "its quoted line breaks ambiguous; read it with -j 1, or quote that field"),
                pass->path, chunk->first_line);
    return FALSE;
}

/* The first failure in chunk order, whatever order threads ran in. */
gboolean jv_chunk_errors(jv_run *run, GError **error)
{
    /* a file that changed while it was read explains any other error */
    for (guint p = 0; p < run->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(run->passes, p);
        if (!pass->missing && !jv_input_stamp_unchanged(pass->path, &pass->stamp, error))
            return FALSE;
    }
    for (guint c = 0; c < run->chunks->len; c++)
        if (!chunk_aligned(run, g_ptr_array_index(run->chunks, c), error))
            return FALSE;
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
        if (ok)
            ok = jv_periods_merge_chunk(run, chunk, cs, scope, error);
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
            if (ind->desc->merge(&ctx, o->state, cs->states[i]) != 0)
                ok = jv_run_callback_failed(run, i, &ctx, "merge() failed without a message", error);
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
        if (run->merge_error == NULL && !chunk_aligned(run, chunk, &run->merge_error))
            continue;
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
void jv_number_column_regions(jv_run *run)
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
