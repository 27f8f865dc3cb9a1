/* core/eval/read_tasks.c — reading a run's chunks on a thread pool: a
 * task per chunk, a task per large file that cuts it into chunks and hands
 * each to the pool as soon as its range is known, hash tasks; workers
 * report finished tasks on a queue and the main thread merges finished
 * chunks into their regions strictly in chunk order (so memory stays flat
 * and the result never depends on which thread finished first). Regions
 * named by a column are collected here and numbered in order of first
 * appearance. */
#include "eval/read_tasks.h"

#include "eval/chunk_read.h"
#include "eval/progress.h"
#include "util/i18n.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* A task of the thread pool: a chunk to read, a pass to split into its
 * chunks, or a whole file to hash when its pass is read in several chunks. */
typedef enum { TASK_CHUNK, TASK_SPLIT, TASK_HASH } task_kind;
typedef struct task {
    task_kind kind;
    jv_chunk *chunk;
    const jv_pass *pass;
} task;

/* The scheduling of one read (jv_read_tasks), seen by this file only. */
typedef struct schedule {
    jv_reader *rd;
    task *tasks;                 /* one per chunk slot (same index), then more */
    GThreadPool *pool;           /* with more than one thread */
    GAsyncQueue *finished_tasks; /* workers → main thread */
    gint *tasks_left;            /* per listed region */
    guint merged;                /* chunks merged so far (main thread) */
} schedule;

/* The SHA-256 of a whole file, into its pass result. */
static void hash_file(schedule *s, const jv_pass *pass)
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
        s->rd->out->passes[pass->index].sha256 = g_strdup(g_checksum_get_string(sum));
    }
    g_checksum_free(sum);
}

static void merge_finished(schedule *s);

/* A region's (listed regions) or a part's (column regions) tasks left. */
static void task_done(schedule *s, jv_chunk *chunk)
{
    gboolean unit_done = TRUE;
    if (chunk->pass->region >= 0 && s->tasks_left != NULL)
        unit_done = g_atomic_int_dec_and_test(&s->tasks_left[chunk->pass->region]);
    guint64 end = chunk->end ? chunk->end : chunk->pass->size;
    guint64 bytes = chunk->unused ? 0 : end - chunk->start;
    /* what the reader did not report while reading (chunk_read.c) */
    jv_progress_add(s->rd->progress, chunk->rows - chunk->reported_rows,
                    bytes > chunk->reported_bytes ? bytes - chunk->reported_bytes : 0, unit_done);
}

static void finish_task(schedule *s, task *t)
{
    if (t->kind == TASK_CHUNK) {
        task_done(s, t->chunk);
        g_atomic_int_set(&t->chunk->finished, 1);
    }
    if (s->finished_tasks != NULL)
        g_async_queue_push(s->finished_tasks, t);
}

/* Hands a chunk whose range is known to the pool (or reads it now). */
static void dispatch(schedule *s, task *t)
{
    if (s->pool != NULL) {
        g_thread_pool_push(s->pool, t, NULL);
        return;
    }
    jv_chunk_read(s->rd, t->chunk);
    finish_task(s, t);
    merge_finished(s); /* one thread: merge as we go, memory stays flat */
}

typedef struct split_state {
    schedule *schedule;
    const jv_pass *pass;
    task *tasks; /* the run's tasks, indexed like rd->chunks */
    guint found; /* chunk starts found so far */
} split_state;

/* A chunk start was found: the previous chunk's range is now complete. */
static void chunk_found(guint64 start, guint64 line, void *user)
{
    split_state *split = user;
    guint first = split->pass->first_chunk;
    if (split->found >= split->pass->n_chunks)
        return;
    GPtrArray *chunks = split->schedule->rd->chunks;
    jv_chunk *chunk = g_ptr_array_index(chunks, first + split->found);
    chunk->start = start;
    chunk->first_line = line;
    if (split->found > 0) {
        jv_chunk *previous = g_ptr_array_index(chunks, first + split->found - 1);
        previous->end = start;
        dispatch(split->schedule, &split->tasks[first + split->found - 1]);
    }
    split->found++;
}

/* Cuts a pass into its chunks, dispatching each as soon as it is known;
 * slots the file did not need are finished empty. */
static void split_pass(schedule *s, const jv_pass *pass, task *tasks)
{
    split_state split = {.schedule = s, .pass = pass, .tasks = tasks, .found = 0};
    jv_table_source src;
    jv_pass_source(pass, &src, FALSE);
    GError *error = NULL;
    gboolean ok = jv_table_split_each(&src, pass->n_chunks, chunk_found, &split, &error);
    guint first = pass->first_chunk;
    if (ok && split.found > 0) {
        jv_chunk *last = g_ptr_array_index(s->rd->chunks, first + split.found - 1);
        if (last->start == 0)
            last->end = 0; /* no rows to split: read whole */
        dispatch(s, &tasks[first + split.found - 1]);
    } else if (!ok) {
        jv_chunk *chunk = g_ptr_array_index(s->rd->chunks, first);
        chunk->error = error;
    }
    for (guint k = ok ? split.found : 0; k < pass->n_chunks; k++) {
        jv_chunk *chunk = g_ptr_array_index(s->rd->chunks, first + k);
        chunk->unused = TRUE;
        finish_task(s, &tasks[first + k]);
    }
}

static void run_task(gpointer data, gpointer user)
{
    task *t = data;
    schedule *s = user;
    switch (t->kind) {
    case TASK_CHUNK:
        jv_chunk_read(s->rd, t->chunk);
        break;
    case TASK_SPLIT:
        split_pass(s, t->pass, s->tasks);
        break;
    case TASK_HASH:
        hash_file(s, t->pass);
        break;
    }
    finish_task(s, t);
}

void jv_read_tasks(jv_reader *rd)
{
    schedule sched = {.rd = rd};
    schedule *s = &sched;
    /* One task per chunk slot (same index), then the split and hash tasks. */
    GArray *tasks = g_array_new(FALSE, TRUE, sizeof(task));
    guint64 bytes = 0;
    if (s->rd->plan->evaluation->regions_column == NULL)
        s->tasks_left = g_new0(gint, s->rd->out->n_regions ? s->rd->out->n_regions : 1);
    for (guint c = 0; c < s->rd->chunks->len; c++) {
        task t = {TASK_CHUNK, g_ptr_array_index(s->rd->chunks, c), NULL};
        g_array_append_val(tasks, t);
        if (s->tasks_left != NULL)
            s->tasks_left[t.chunk->pass->region]++;
    }
    for (guint p = 0; p < s->rd->plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(s->rd->plan->passes, p);
        if (pass->missing)
            continue;
        bytes += pass->size;
        if (pass->n_chunks > 1) {
            task split = {TASK_SPLIT, NULL, pass};
            g_array_append_val(tasks, split);
            if (s->rd->plan->hash_inputs) {
                task hash = {TASK_HASH, NULL, pass};
                g_array_append_val(tasks, hash);
            }
        }
    }
    s->tasks = (task *)tasks->data;
    gboolean listed = s->tasks_left != NULL;
    s->rd->progress = jv_progress_new(s->rd->plan->options->progress,
                                      listed ? (guint)s->rd->out->n_regions : s->rd->chunks->len,
                                      listed ? "regions" : "parts", bytes);
    int threads = jv_run_threads(s->rd->plan->options);
    rd->threaded = threads > 1;
    if (threads > 1) {
        /* Workers report each finished task on a queue; the main thread
         * merges finished chunks in order as they come and redraws the
         * progress line at least every 200 ms. */
        s->finished_tasks = g_async_queue_new();
        s->pool = g_thread_pool_new(run_task, s, threads, TRUE, NULL);
        for (guint k = 0; k < tasks->len; k++) {
            task *t = &g_array_index(tasks, task, k);
            if (t->kind != TASK_CHUNK || t->chunk->pass->n_chunks == 1)
                g_thread_pool_push(s->pool, t, NULL);
        }
        for (guint done = 0; done < tasks->len;) {
            if (g_async_queue_timeout_pop(s->finished_tasks, 200000) != NULL) {
                done++;
                merge_finished(s);
            }
            jv_progress_show(s->rd->progress);
        }
        g_thread_pool_free(s->pool, FALSE, TRUE);
        s->pool = NULL;
        g_async_queue_unref(s->finished_tasks);
        s->finished_tasks = NULL;
    } else {
        /* One thread: every split first (it dispatches its chunks inline),
         * then the chunks read whole, then hashes. */
        for (guint k = 0; k < tasks->len; k++) {
            task *t = &g_array_index(tasks, task, k);
            if (t->kind == TASK_CHUNK && t->chunk->pass->n_chunks > 1)
                continue;
            run_task(t, s);
            merge_finished(s);
            jv_progress_show(s->rd->progress);
        }
    }
    merge_finished(s);
    jv_progress_free(s->rd->progress);
    s->rd->progress = NULL;
    g_free(s->tasks_left);
    g_array_unref(tasks);
}

/* A chunk must start where the one before it (of the same pass) stopped
 * reading. It does not when the split misjudged a line break inside a
 * quoted field — which only a quote inside an unquoted field can cause —
 * and then its rows are not the file's: the run stops and says so. */
static gboolean chunk_aligned(jv_reader *rd, const jv_chunk *chunk, GError **error)
{
    const jv_pass *pass = chunk->pass;
    if (chunk->index == pass->first_chunk || chunk->unused)
        return TRUE;
    const jv_chunk *previous = g_ptr_array_index(rd->chunks, chunk->index - 1);
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
gboolean jv_chunk_errors(jv_reader *rd, GError **error)
{
    /* a file that changed while it was read explains any other error */
    for (guint p = 0; p < rd->plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(rd->plan->passes, p);
        if (!pass->missing && !jv_input_stamp_unchanged(pass->path, &pass->stamp, error))
            return FALSE;
    }
    for (guint c = 0; c < rd->chunks->len; c++)
        if (!chunk_aligned(rd, g_ptr_array_index(rd->chunks, c), error))
            return FALSE;
    for (guint c = 0; c < rd->chunks->len; c++) {
        jv_chunk *chunk = g_ptr_array_index(rd->chunks, c);
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
static jv_scope *scope_for(jv_reader *rd, const jv_chunk *chunk, const jv_chunk_scope *cs)
{
    if (cs->region >= 0)
        return &rd->out->regions[cs->region];
    jv_scope *scope = g_hash_table_lookup(rd->column_regions, cs->name);
    if (scope == NULL) {
        scope = g_new0(jv_scope, 1);
        jv_scope_init(rd->out, scope, JV_SCOPE_PENDING, cs->name, NULL);
        scope->first_pass = chunk->pass->index;
        scope->first_position = cs->first_position;
        g_hash_table_insert(rd->column_regions, scope->name, scope);
    } else if (chunk->pass->index < scope->first_pass ||
               (chunk->pass->index == scope->first_pass &&
                cs->first_position < scope->first_position)) {
        scope->first_pass = chunk->pass->index;
        scope->first_position = cs->first_position;
    }
    return scope;
}

/* Joins a finished chunk scope's period states into its scope's: the
 * rows of tables without the period column into the scope's secondary
 * states, each period's into the scope's part of that period (periods.c
 * settles them once every chunk is read). */
static gboolean merge_chunk_periods(jv_reader *rd, const jv_chunk *chunk, jv_chunk_scope *cs,
                                    jv_scope *scope, GError **error)
{
    if (rd->plan->evaluation->periods_column == NULL)
        return TRUE;
    guint n = rd->plan->indicators->len;
    if (scope->parts == NULL)
        scope->parts = g_ptr_array_new();
    if (scope->secondary == NULL)
        scope->secondary = g_new0(void *, n ? n : 1);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < n && !chunk->has_period; i++) {
        jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
        if (cs->states[i] != NULL && !rd->out->failed[i] &&
            jv_plugin_table_index(ind->desc, chunk->pass->table) > 0)
            ok = jv_outcomes_join(rd->out, i, scope, &scope->secondary[i], &cs->states[i], FALSE,
                                  error);
    }
    for (guint k = 0; ok && k < cs->parts->len; k++) {
        jv_period_part *from = g_ptr_array_index(cs->parts, k);
        if (from == NULL)
            continue;
        jv_period_part *into = jv_period_part_find(scope->parts, from->value);
        if (into == NULL) {
            g_ptr_array_add(scope->parts, from);
            g_ptr_array_index(cs->parts, k) = NULL;
            continue;
        }
        for (guint i = 0; ok && i < n; i++) {
            into->rows[i] += from->rows[i];
            into->skipped[i] += from->skipped[i];
            if (from->states[i] != NULL && !rd->out->failed[i])
                ok = jv_outcomes_join(rd->out, i, scope, &into->states[i], &from->states[i], TRUE,
                                      error);
        }
    }
    return ok;
}

/* Joins one finished chunk's states into its regions' and frees them. */
static gboolean merge_chunk(jv_reader *rd, jv_chunk *chunk, GError **error)
{
    for (guint i = 0; i < rd->plan->indicators->len; i++)
        if (chunk->failures[i] != NULL)
            jv_outcomes_fail_indicator(rd->out, i, chunk->failures[i]);
    gboolean ok = TRUE;
    for (guint s = 0; s < chunk->scopes->len; s++) {
        jv_chunk_scope *cs = g_ptr_array_index(chunk->scopes, s);
        jv_scope *scope = scope_for(rd, chunk, cs);
        if (ok)
            ok = merge_chunk_periods(rd, chunk, cs, scope, error);
        for (guint i = 0; i < rd->plan->indicators->len; i++) {
            jv_outcome *o = &scope->outcomes[i];
            o->rows += cs->rows[i];
            o->skipped += cs->skipped[i];
            jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
            if (cs->states[i] == NULL || rd->out->failed[i] || !ok)
                continue;
            if (o->state == NULL) {
                o->state = cs->states[i];
                cs->states[i] = NULL;
                continue;
            }
            jv_ctx ctx;
            jv_ctx_init(&ctx, ind, scope->index, scope->name, &rd->plan->plugin_options);
            if (ind->desc->merge(&ctx, o->state, cs->states[i]) != 0)
                ok = jv_outcomes_callback_failed(rd->out, i, &ctx,
                                                 "merge() failed without a message", error);
            jv_ctx_clear_error(&ctx);
        }
    }
    jv_chunk_drop_states(rd, chunk);
    return ok;
}

/* Merges, in chunk order, every chunk that has finished (main thread). */
static void merge_finished(schedule *s)
{
    while (s->merged < s->rd->chunks->len) {
        jv_chunk *chunk = g_ptr_array_index(s->rd->chunks, s->merged);
        if (!g_atomic_int_get(&chunk->finished))
            return;
        s->merged++;
        if (s->rd->merge_error == NULL && !chunk_aligned(s->rd, chunk, &s->rd->merge_error))
            continue;
        if (chunk->error == NULL && s->rd->merge_error == NULL)
            merge_chunk(s->rd, chunk, &s->rd->merge_error);
        else
            jv_chunk_drop_states(s->rd, chunk);
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
void jv_number_column_regions(jv_reader *rd)
{
    GPtrArray *order = g_ptr_array_new();
    GList *values = g_hash_table_get_values(rd->column_regions);
    for (GList *v = values; v != NULL; v = v->next)
        g_ptr_array_add(order, v->data);
    g_list_free(values);
    g_ptr_array_sort(order, compare_first_seen);
    rd->out->n_regions = order->len;
    rd->out->regions = g_new0(jv_scope, rd->out->n_regions ? rd->out->n_regions : 1);
    for (guint r = 0; r < order->len; r++) {
        jv_scope *scope = g_ptr_array_index(order, r);
        rd->out->regions[r] = *scope;
        rd->out->regions[r].index = (int)r;
        g_free(scope);
    }
    g_ptr_array_unref(order);
    g_hash_table_steal_all(rd->column_regions);
}
