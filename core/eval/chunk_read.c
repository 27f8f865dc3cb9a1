/* core/eval/chunk_read.c — one chunk of one pass through the plugins (in a
 * check too, with a checking reader and the plugins' row rules collected
 * into the chunk's problems instead of stopping). The
 * table is opened once with the union of the roles every indicator reads
 * from it (plus the region column when regions come from a column); each
 * rowset is routed to the chunk state of its region — as zero-copy slices
 * when rows come grouped by region, else gathered per region — and handed to
 * each indicator as its own batch view (its roles, in its order). With
 * periods, the rows of a file that has the period column also go to the
 * state of their period (chunk_periods.c). */
#include "eval/chunk_read.h"

#include "eval/chunk_periods.h"
#include "eval/column_view.h"
#include "eval/progress.h"
#include "eval/region_dicts.h"

#include <string.h>

typedef struct reader_plan {
    GArray *requests;  /* jv_role_request: the union (names borrowed) */
    guint **maps;      /* per indicator: its columns → union, or NULL */
    int *tables;       /* per indicator: index of this table, or -1 */
    int region_column; /* union index of the region column, or -1 */
    int period_column; /* union index of the period column, or -1 */
} reader_plan;

typedef struct chunk_work {
    const jv_reader *rd;
    jv_chunk *chunk;
    reader_plan plan;
    jv_table_reader *reader;
    jv_ctx *ctxs;             /* per indicator */
    jv_column **views;        /* per indicator */
    const char ***names;      /* per indicator: file column names */
    jv_batch_source *sources; /* per indicator */
    gboolean *failed;         /* per indicator, this chunk */
    GPtrArray *code_scopes;   /* region dict code → jv_chunk_scope* */
    /* gather buffers: one rowset's worth per union column */
    jv_column *gathered;
    void **gather_data, **gather_missing;
    uint64_t *gather_positions, *gather_lines;
    size_t *rows_of_region;
    jv_period_router *periods;     /* with periods: rows to their period */
    jv_region_dicts *region_dicts; /* regions from a column: own values */
} chunk_work;

static gboolean same_request(const jv_role_request *a, const jv_role_request *b)
{
    return strcmp(a->name, b->name) == 0 && a->type == b->type &&
           g_strcmp0(a->codes, b->codes) == 0 &&
           (a->flags & JV_ROLE_EMPTY_IS_VALUE) == (b->flags & JV_ROLE_EMPTY_IS_VALUE);
}

static guint add_request(GArray *requests, const jv_role_request *r)
{
    for (guint u = 0; u < requests->len; u++) {
        jv_role_request *have = &g_array_index(requests, jv_role_request, u);
        if (same_request(have, r)) {
            /* One column for every plugin asking for it: each one's checks
             * apply to all, and messages name the first plugin with the rule. */
            have->flags |= r->flags;
            if (have->required_by == NULL)
                have->required_by = r->required_by;
            if (have->sign_by == NULL)
                have->sign_by = r->sign_by;
            return u;
        }
    }
    g_array_append_val(requests, *r);
    return requests->len - 1;
}

static void plan_roles(chunk_work *w)
{
    const jv_reader *rd = w->rd;
    size_t n = rd->plan->indicators->len;
    reader_plan *p = &w->plan;
    p->requests = g_array_new(FALSE, FALSE, sizeof(jv_role_request));
    p->maps = g_new0(guint *, n);
    p->tables = g_new(int, n);
    p->region_column = -1;
    for (size_t i = 0; i < n; i++) {
        jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
        int t = jv_plugin_table_index(ind->desc, w->chunk->pass->table);
        p->tables[i] = t;
        if (t < 0 || rd->out->failed[i])
            continue;
        GArray *roles = ind->roles[t];
        p->maps[i] = g_new(guint, roles->len ? roles->len : 1);
        for (guint c = 0; c < roles->len; c++)
            p->maps[i][c] = add_request(p->requests, &g_array_index(roles, jv_role_request, c));
    }
    if (w->chunk->pass->region < 0) {
        jv_role_request region = {.name = rd->plan->evaluation->regions_column,
                                  .type = JV_TYPE_CATEGORY,
                                  .flags = JV_ROLE_REQUIRED};
        p->region_column = (int)add_request(p->requests, &region);
    }
    p->period_column = -1;
    if (rd->plan->evaluation->periods_column != NULL) {
        jv_role_request period = {.name = rd->plan->evaluation->periods_column,
                                  .type = JV_TYPE_CATEGORY};
        p->period_column = (int)add_request(p->requests, &period);
    }
}

static void set_error(jv_chunk *chunk, GError *error)
{
    if (chunk->error == NULL)
        chunk->error = error;
    else
        g_error_free(error);
}

static jv_chunk_scope *new_scope(chunk_work *w, const char *name, int region, uint64_t position)
{
    size_t n = w->rd->plan->indicators->len;
    jv_chunk_scope *s = g_new0(jv_chunk_scope, 1);
    s->name = g_strdup(name);
    s->region = region;
    s->first_position = position;
    s->states = g_new0(void *, n);
    s->rows = g_new0(guint64, n);
    s->skipped = g_new0(guint64, n);
    s->parts = g_ptr_array_new();
    g_ptr_array_add(w->chunk->scopes, s);
    return s;
}

/* Hands n rows (columns `cols`, union order) of one region to every
 * indicator reading this table, into `states` (a chunk scope's, or one of
 * its periods'), counting into `rows` and `skipped`. */
static void deliver_to(chunk_work *w, const char *scope_name, jv_ctx *ctxs, void **states,
                       guint64 *row_counts, guint64 *skipped_counts, const jv_column *cols,
                       size_t n, const uint64_t *positions, const uint64_t *lines)
{
    const jv_reader *rd = w->rd;
    for (guint i = 0; i < rd->plan->indicators->len && w->chunk->error == NULL; i++) {
        if (w->plan.maps[i] == NULL || w->failed[i])
            continue;
        jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
        jv_ctx *ctx = &ctxs[i];
        ctx->scope = w->chunk->pass->region >= 0 ? w->chunk->pass->region : JV_SCOPE_PENDING;
        ctx->scope_name = scope_name;
        if (states[i] == NULL) {
            states[i] = ind->desc->init(ctx);
            if (states[i] == NULL) {
                GError *e = NULL;
                jv_ctx_set_gerror(ctx, "init() returned no state", &e);
                set_error(w->chunk, e);
                return;
            }
        }
        int t = w->plan.tables[i];
        guint n_cols = ind->roles[t]->len;
        for (guint c = 0; c < n_cols; c++)
            w->views[i][c] = cols[w->plan.maps[i][c]];
        w->sources[i].lines = lines;
        jv_batch batch = {(size_t)t, n, n_cols, w->views[i], positions, &w->sources[i]};
        guint64 skipped_before = ctx->skipped;
        if (ind->desc->consume(ctx, states[i], &batch) != 0) {
            GError *e = NULL;
            jv_ctx_set_gerror(ctx, "consume() failed without a message", &e);
            jv_ctx_clear_error(ctx);
            if (rd->plan->checking) {
                /* checking: the file's problem; this chunk stops feeding
                 * the indicator, the others go on */
                w->failed[i] = TRUE;
                jv_problem_list_add(w->chunk->problems, JV_SEVERITY_ERROR, JV_PROBLEM_INDICATOR,
                                    w->chunk->pass->path, 0, NULL, 0, NULL, 0, g_strdup(e->message),
                                    NULL);
                g_error_free(e);
            } else if (rd->plan->options->keep_going) {
                w->failed[i] = TRUE;
                w->chunk->failures[i] = g_strdup(e->message);
                g_error_free(e);
            } else {
                set_error(w->chunk, e);
            }
            continue;
        }
        skipped_counts[i] += ctx->skipped - skipped_before;
        if (t == 0)
            row_counts[i] += n - (ctx->skipped - skipped_before);
    }
}

static void deliver_to_cb(void *work, const char *scope_name, jv_ctx *ctxs, void **states,
                          guint64 *row_counts, guint64 *skipped_counts, const jv_column *cols,
                          size_t n, const uint64_t *positions, const uint64_t *lines)
{
    deliver_to(work, scope_name, ctxs, states, row_counts, skipped_counts, cols, n, positions,
               lines);
}

static void deliver(chunk_work *w, jv_chunk_scope *scope, const jv_column *cols, size_t n,
                    const uint64_t *positions, const uint64_t *lines)
{
    /* a region of a national table sees its own values only; the period
     * router translates the chunk's codes itself */
    const jv_column *own =
        w->region_dicts != NULL ? jv_region_dicts_apply(w->region_dicts, scope, cols, n) : cols;
    deliver_to(w, scope->name, w->ctxs, scope->states, scope->rows, scope->skipped, own, n,
               positions, lines);
    if (w->periods != NULL && w->chunk->error == NULL)
        jv_period_route(w->periods, scope, cols, n, positions, lines);
}

/* The region of each row of a column-split rowset, as a chunk scope. */
static jv_chunk_scope *scope_of_code(chunk_work *w, const jv_column *region, uint32_t code,
                                     uint64_t position)
{
    if (code >= w->code_scopes->len)
        g_ptr_array_set_size(w->code_scopes, code + 1);
    jv_chunk_scope *s = g_ptr_array_index(w->code_scopes, code);
    if (s == NULL) {
        s = new_scope(w, region->dict->values[code].data, -1, position);
        g_ptr_array_index(w->code_scopes, code) = s;
    }
    return s;
}

/* Rows of the same region copied together, for files whose rows are not
 * grouped by region. */
static void deliver_gathered(chunk_work *w, const jv_rowset *rows)
{
    const jv_column *region = &rows->columns[w->plan.region_column];
    size_t n_cols = rows->n_columns;
    if (w->gathered == NULL) {
        w->gathered = g_new0(jv_column, n_cols);
        w->gather_data = g_new0(void *, n_cols);
        w->gather_missing = g_new0(void *, n_cols);
        for (size_t c = 0; c < n_cols; c++) {
            w->gather_data[c] = g_malloc(JV_ROWSET_CAPACITY * sizeof(jv_string));
            w->gather_missing[c] = g_malloc(JV_ROWSET_CAPACITY);
        }
        w->gather_positions = g_new(uint64_t, JV_ROWSET_CAPACITY);
        w->gather_lines = g_new(uint64_t, JV_ROWSET_CAPACITY);
    }
    guint8 *done = g_malloc0(rows->n_rows);
    for (size_t first = 0; first < rows->n_rows && w->chunk->error == NULL; first++) {
        if (done[first])
            continue;
        uint32_t code = region->codes[first];
        size_t k = 0;
        for (size_t r = first; r < rows->n_rows; r++) {
            if (done[r] || region->codes[r] != code)
                continue;
            done[r] = 1;
            for (size_t c = 0; c < n_cols; c++) {
                const jv_column *src = &rows->columns[c];
                size_t size = jv_column_view_value_size(src);
                if (size)
                    memcpy((char *)w->gather_data[c] + k * size,
                           (const char *)jv_column_view_values(src) + r * size, size);
                if (src->missing)
                    ((uint8_t *)w->gather_missing[c])[k] = src->missing[r];
            }
            w->gather_positions[k] = rows->positions[r];
            w->gather_lines[k] = rows->lines[r];
            k++;
        }
        for (size_t c = 0; c < n_cols; c++) {
            w->gathered[c] = rows->columns[c];
            jv_column_view_set_values(&w->gathered[c], w->gather_data[c]);
            if (w->gathered[c].missing)
                w->gathered[c].missing = w->gather_missing[c];
        }
        jv_chunk_scope *s = scope_of_code(w, region, code, rows->positions[first]);
        deliver(w, s, w->gathered, k, w->gather_positions, w->gather_lines);
    }
    g_free(done);
}

static void deliver_rowset(chunk_work *w, const jv_rowset *rows)
{
    if (w->plan.region_column < 0) {
        if (w->chunk->scopes->len == 0)
            new_scope(w, w->rd->out->regions[w->chunk->pass->region].name, w->chunk->pass->region,
                      rows->n_rows ? rows->positions[0] : 0);
        deliver(w, g_ptr_array_index(w->chunk->scopes, 0), rows->columns, rows->n_rows,
                rows->positions, rows->lines);
        return;
    }
    const jv_column *region = &rows->columns[w->plan.region_column];
    size_t runs = 1;
    for (size_t r = 1; r < rows->n_rows; r++)
        runs += region->codes[r] != region->codes[r - 1];
    if (runs * 32 > rows->n_rows + 32) {
        deliver_gathered(w, rows);
        return;
    }
    jv_column *sliced = g_newa(jv_column, rows->n_columns);
    for (size_t from = 0; from < rows->n_rows && w->chunk->error == NULL;) {
        size_t to = from + 1;
        while (to < rows->n_rows && region->codes[to] == region->codes[from])
            to++;
        for (size_t c = 0; c < rows->n_columns; c++)
            sliced[c] = jv_column_view_slice(&rows->columns[c], from);
        jv_chunk_scope *s = scope_of_code(w, region, region->codes[from], rows->positions[from]);
        deliver(w, s, sliced, to - from, rows->positions + from, rows->lines + from);
        from = to;
    }
}

/* Progress as rows are read, so one large file shows progress too (the
 * rest is told when the task ends); with one thread this is the main
 * thread, which may also redraw the line. */
static void report_progress(const jv_reader *rd, jv_chunk *chunk, const jv_rowset *rows)
{
    if (rd->progress == NULL || rows->n_rows == 0)
        return;
    guint64 at = rows->positions[rows->n_rows - 1] - chunk->start;
    jv_progress_add(rd->progress, rows->n_rows,
                    at > chunk->reported_bytes ? at - chunk->reported_bytes : 0, FALSE);
    chunk->reported_rows += rows->n_rows;
    if (at > chunk->reported_bytes)
        chunk->reported_bytes = at;
    if (!rd->threaded)
        jv_progress_show(rd->progress);
}

static void work_init(chunk_work *w, const jv_reader *rd, jv_chunk *chunk)
{
    memset(w, 0, sizeof *w);
    w->rd = rd;
    w->chunk = chunk;
    size_t n = rd->plan->indicators->len;
    w->ctxs = g_new0(jv_ctx, n);
    w->views = g_new0(jv_column *, n);
    w->names = g_new0(const char **, n);
    w->sources = g_new0(jv_batch_source, n);
    w->failed = g_new0(gboolean, n);
    w->code_scopes = g_ptr_array_new();
    plan_roles(w);
    gboolean *used = g_new0(gboolean, w->plan.requests->len + 1);
    for (size_t i = 0; i < n; i++) {
        jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
        for (guint c = 0; w->plan.maps[i] != NULL && c < ind->roles[w->plan.tables[i]]->len; c++)
            used[w->plan.maps[i][c]] = TRUE;
    }
    if (w->plan.period_column >= 0 && !rd->plan->checking) /* check computes no period */
        w->periods = jv_period_router_new(rd, chunk, w->plan.requests, (guint)w->plan.period_column,
                                          used, deliver_to_cb, w);
    if (w->plan.region_column >= 0)
        w->region_dicts = jv_region_dicts_new(w->plan.requests, used, w->plan.region_column);
    g_free(used);
}

static void work_clear(chunk_work *w)
{
    size_t n = w->rd->plan->indicators->len;
    for (size_t i = 0; i < n; i++) {
        jv_ctx_clear_error(&w->ctxs[i]);
        g_free(w->views[i]);
        g_free(w->names[i]);
        g_free(w->plan.maps[i]);
    }
    if (w->gathered != NULL) {
        for (size_t c = 0; c < w->plan.requests->len; c++) {
            g_free(w->gather_data[c]);
            g_free(w->gather_missing[c]);
        }
        g_free(w->gathered);
        g_free(w->gather_data);
        g_free(w->gather_missing);
        g_free(w->gather_positions);
        g_free(w->gather_lines);
    }
    g_free(w->ctxs);
    jv_period_router_free(w->periods);
    jv_region_dicts_free(w->region_dicts);
    g_free(w->views);
    g_free(w->names);
    g_free(w->sources);
    g_free(w->failed);
    g_free(w->plan.maps);
    g_free(w->plan.tables);
    g_array_unref(w->plan.requests);
    g_ptr_array_unref(w->code_scopes);
    if (w->reader)
        jv_table_reader_free(w->reader);
}

jv_chunk *jv_chunk_new(const jv_reader *rd, const jv_pass *pass, guint index)
{
    jv_chunk *chunk = g_new0(jv_chunk, 1);
    chunk->index = index;
    chunk->pass = pass;
    chunk->scopes = g_ptr_array_new();
    chunk->failures = g_new0(char *, rd->plan->indicators->len);
    chunk->warnings = g_ptr_array_new_with_free_func(g_free);
    return chunk;
}

void jv_chunk_read(jv_reader *rd, jv_chunk *chunk)
{
    chunk_work w;
    work_init(&w, rd, chunk);
    const jv_pass *pass = chunk->pass;
    jv_table_source src;
    gboolean whole = chunk->start == 0 && chunk->end == 0;
    jv_pass_source(pass, &src, rd->plan->hash_inputs && whole);
    src.no_summary = TRUE; /* pass_warnings.c writes the totals per file */
    GError *error = NULL;
    const jv_role_request *requests = (const jv_role_request *)w.plan.requests->data;
    if (rd->plan->checking) {
        /* checking: every problem goes to the chunk's list, none stops */
        chunk->problems = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
        w.reader = jv_table_reader_open_checking(&src, requests, w.plan.requests->len, chunk->start,
                                                 chunk->end, chunk->first_line, chunk->problems);
    } else {
        w.reader =
            whole ? jv_table_reader_open(&src, requests, w.plan.requests->len, &error)
                  : jv_table_reader_open_range(&src, requests, w.plan.requests->len, chunk->start,
                                               chunk->end, chunk->first_line, &error);
    }
    if (w.reader == NULL) {
        if (error != NULL)
            set_error(chunk, error);
        work_clear(&w);
        return;
    }
    size_t n = rd->plan->indicators->len;
    for (size_t i = 0; i < n; i++) {
        jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
        jv_ctx_init(&w.ctxs[i], ind, pass->region, NULL, &rd->plan->plugin_options);
        w.ctxs[i].warnings = chunk->warnings;
        w.ctxs[i].problems = chunk->problems; /* checking: collect row rules */
        if (w.plan.maps[i] == NULL)
            continue;
        guint n_cols = ind->roles[w.plan.tables[i]]->len;
        w.views[i] = g_new0(jv_column, n_cols ? n_cols : 1);
        w.names[i] = g_new0(const char *, n_cols ? n_cols : 1);
        for (guint c = 0; c < n_cols; c++) {
            const char *col = jv_table_reader_column_name(w.reader, w.plan.maps[i][c]);
            w.names[i][c] =
                col ? col : g_array_index(ind->roles[w.plan.tables[i]], jv_role_request, c).name;
        }
        w.sources[i].display_path = pass->path;
        w.sources[i].column_names = w.names[i];
        w.sources[i].on_error = pass->settings->on_error;
    }
    const jv_rowset *rows;
    while (chunk->error == NULL && (rows = jv_table_reader_next(w.reader, &error)) != NULL) {
        deliver_rowset(&w, rows);
        report_progress(rd, chunk, rows);
    }
    if (error != NULL)
        set_error(chunk, error);
    chunk->rows = jv_table_reader_rows(w.reader);
    chunk->skipped = jv_table_reader_skipped(w.reader);
    chunk->bytes = jv_table_reader_bytes(w.reader);
    chunk->sha256 = g_strdup(jv_table_reader_sha256(w.reader));
    chunk->next_offset = jv_table_reader_next_offset(w.reader);
    chunk->n_columns = w.plan.requests->len;
    chunk->rounded = g_new0(guint64, chunk->n_columns ? chunk->n_columns : 1);
    chunk->empty_gender = g_new0(guint64, chunk->n_columns ? chunk->n_columns : 1);
    chunk->dashes = g_new0(guint64, chunk->n_columns ? chunk->n_columns : 1);
    chunk->column_names = g_new0(char *, chunk->n_columns + 1);
    for (guint u = 0; u < chunk->n_columns; u++) {
        chunk->rounded[u] = jv_table_reader_rounded(w.reader, u);
        chunk->empty_gender[u] = jv_table_reader_empty_gender(w.reader, u);
        chunk->dashes[u] = jv_table_reader_dashes(w.reader, u);
        chunk->column_names[u] = g_strdup(jv_table_reader_column_name(w.reader, u));
    }
    const GPtrArray *warnings = jv_table_reader_warnings(w.reader);
    for (guint k = 0; k < warnings->len && chunk->problems == NULL; k++)
        g_ptr_array_add(chunk->warnings, g_strdup(g_ptr_array_index(warnings, k)));
    work_clear(&w);
}

void jv_chunk_drop_states(const jv_reader *rd, jv_chunk *chunk)
{
    for (guint s = 0; s < chunk->scopes->len; s++) {
        jv_chunk_scope *scope = g_ptr_array_index(chunk->scopes, s);
        for (guint i = 0; i < rd->plan->indicators->len; i++)
            if (scope->states[i] != NULL) {
                jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
                jv_ctx ctx;
                jv_ctx_init(&ctx, ind, JV_SCOPE_PENDING, scope->name, &rd->plan->plugin_options);
                ind->desc->destroy(&ctx, scope->states[i]);
            }
        for (guint k = 0; k < scope->parts->len; k++)
            jv_period_part_free(rd->out, g_ptr_array_index(scope->parts, k), JV_SCOPE_PENDING,
                                scope->name);
        g_ptr_array_unref(scope->parts);
        g_free(scope->states);
        g_free(scope->rows);
        g_free(scope->skipped);
        g_free(scope->name);
        g_free(scope);
    }
    g_ptr_array_set_size(chunk->scopes, 0);
}

void jv_chunk_free(const jv_reader *rd, jv_chunk *chunk)
{
    jv_chunk_drop_states(rd, chunk);
    g_ptr_array_unref(chunk->scopes);
    for (guint i = 0; i < rd->plan->indicators->len; i++)
        g_free(chunk->failures[i]);
    g_free(chunk->failures);
    g_ptr_array_unref(chunk->warnings);
    if (chunk->period_values != NULL)
        g_ptr_array_unref(chunk->period_values);
    g_free(chunk->rounded);
    g_free(chunk->empty_gender);
    g_free(chunk->dashes);
    if (chunk->column_names != NULL)
        for (guint u = 0; u < chunk->n_columns; u++)
            g_free(chunk->column_names[u]);
    g_free(chunk->column_names);
    if (chunk->error)
        g_error_free(chunk->error);
    g_free(chunk->sha256);
    jv_problem_list_free(chunk->problems);
    g_free(chunk);
}
