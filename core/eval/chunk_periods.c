/* core/eval/chunk_periods.c — a chunk's rows handed also to the states of
 * their period (see chunk_periods.h): periods found, rows grouped by a
 * counting sort and gathered per column, category codes translated into
 * the own dictionary of each region's period. */
#include "eval/chunk_periods.h"
#include "eval/column_view.h"

#include <string.h>

#include "data/dict.h"

/* A category column's dictionary within one period of a chunk. */
typedef struct period_dict {
    jv_category_dict dict;
    GArray *local; /* uint32 per chunk dict code: local code + 1, 0 none */
} period_dict;

/* Rows of one rowset copied together (one buffer per union column). */
typedef struct gather_buf {
    size_t n_cols;
    jv_column *cols;
    void **data, **missing;
    uint64_t *positions, *lines;
} gather_buf;

struct jv_period_router {
    const jv_reader *rd;
    jv_chunk *chunk;
    guint period_column; /* union index */
    size_t n_cols;       /* union columns */
    jv_period_deliver_fn deliver;
    void *work;
    jv_ctx *ctxs;        /* per indicator: warnings dropped */
    GPtrArray *warnings; /* where they go */
    GArray *of_code;     /* int per period dict code: index, -1 none */
    int *of_row;         /* per row of a delivery */
    size_t *order;       /* rows grouped by period */
    GArray *start;       /* size_t per period: its first row in order */
    gather_buf gather;
    GHashTable *dicts;    /* jv_period_part* → period_dict[n_cols] */
    gboolean *translated; /* per union column: a category of its own */
    gboolean *used;       /* per union column: read by an indicator */
};

static void gather_init(gather_buf *b, size_t n_cols)
{
    b->n_cols = n_cols;
    b->cols = g_new0(jv_column, n_cols ? n_cols : 1);
    b->data = g_new0(void *, n_cols ? n_cols : 1);
    b->missing = g_new0(void *, n_cols ? n_cols : 1);
    for (size_t c = 0; c < n_cols; c++) {
        b->data[c] = g_malloc(JV_ROWSET_CAPACITY * sizeof(jv_string));
        b->missing[c] = g_malloc(JV_ROWSET_CAPACITY);
    }
    b->positions = g_new(uint64_t, JV_ROWSET_CAPACITY);
    b->lines = g_new(uint64_t, JV_ROWSET_CAPACITY);
}

static void gather_clear(gather_buf *b)
{
    if (b->cols == NULL)
        return;
    for (size_t c = 0; c < b->n_cols; c++) {
        g_free(b->data[c]);
        g_free(b->missing[c]);
    }
    g_free(b->cols);
    g_free(b->data);
    g_free(b->missing);
    g_free(b->positions);
    g_free(b->lines);
}

/* The period index of a dictionary code of the period column: its place
 * in "values" when they are listed (-1 when not listed), else in the
 * chunk's own list of values seen; -1 for an empty cell. */
static int period_index(jv_period_router *w, const jv_column *column, uint32_t code)
{
    if (code < w->of_code->len)
        return g_array_index(w->of_code, int, code);
    const GPtrArray *listed = w->rd->plan->evaluation->period_values;
    for (uint32_t c = w->of_code->len; c <= code; c++) {
        const char *value = column->dict->values[c].data;
        int index = -1;
        GPtrArray *seen = w->chunk->period_values;
        const GPtrArray *in = listed != NULL ? listed : seen;
        for (guint k = 0; value[0] != '\0' && index < 0 && k < in->len; k++)
            if (strcmp(g_ptr_array_index(in, k), value) == 0)
                index = (int)k;
        if (index < 0 && listed == NULL && value[0] != '\0' && seen->len >= JV_MAX_PERIODS)
            w->chunk->period_overflow = TRUE; /* the run stops (periods.c) */
        else if (index < 0 && listed == NULL && value[0] != '\0') {
            g_ptr_array_add(seen, g_strdup(value));
            index = (int)seen->len - 1;
        }
        g_array_append_val(w->of_code, index);
    }
    return g_array_index(w->of_code, int, code);
}

/* The states of period k in a chunk scope, created on first use. */
static jv_period_part *chunk_part(jv_period_router *w, jv_chunk_scope *scope, int k)
{
    if ((guint)k >= scope->parts->len)
        g_ptr_array_set_size(scope->parts, (guint)k + 1);
    jv_period_part *part = g_ptr_array_index(scope->parts, k);
    if (part == NULL) {
        const GPtrArray *values = w->rd->plan->evaluation->period_values != NULL
                                      ? w->rd->plan->evaluation->period_values
                                      : w->chunk->period_values;
        part = jv_period_part_new(w->rd->out, g_ptr_array_index(values, k));
        g_ptr_array_index(scope->parts, k) = part;
    }
    return part;
}

/* The dictionary of union column c for one period of one region (its
 * part): a region's period lists only the values of its own rows. */
static period_dict *period_dict_of(jv_period_router *w, const jv_period_part *part, size_t c)
{
    period_dict *dicts = g_hash_table_lookup(w->dicts, part);
    if (dicts == NULL) {
        dicts = g_new0(period_dict, w->n_cols);
        for (size_t u = 0; u < w->n_cols; u++) {
            jv_category_dict_init(&dicts[u].dict);
            dicts[u].local = g_array_new(FALSE, TRUE, sizeof(uint32_t));
        }
        g_hash_table_insert(w->dicts, (gpointer)part, dicts);
    }
    return &dicts[c];
}

/* Column `out` (n rows of `part`, codes `from` in the chunk's dictionary
 * `dict`) gets the codes of the part's own dictionary, written to `to`
 * (which may be `from`). An empty cell adds no value. */
static void translate(jv_period_router *w, const jv_period_part *part, size_t c,
                      const jv_dict *dict, const uint32_t *from, uint32_t *to, jv_column *out,
                      size_t n)
{
    period_dict *pd = period_dict_of(w, part, c);
    const uint8_t *missing = out->missing;
    for (size_t r = 0; r < n; r++) {
        if (missing != NULL && missing[r]) {
            to[r] = 0;
            continue;
        }
        uint32_t code = from[r];
        if (code >= pd->local->len)
            g_array_set_size(pd->local, code + 1);
        uint32_t *local = &g_array_index(pd->local, uint32_t, code);
        if (*local == 0) {
            const jv_string *v = &dict->values[code];
            *local = jv_category_dict_add(&pd->dict, v->data, v->length,
                                          jv_intern_hash(v->data, v->length)) +
                     1;
        }
        to[r] = *local - 1;
    }
    out->codes = to;
    out->dict = &pd->dict.dict;
}

/* Copies rows order[0..m) of column `in` into `data` / `missing`. */
static void gather_column(const jv_column *in, const size_t *order, size_t m, void *data,
                          uint8_t *missing)
{
    switch (jv_column_view_value_size(in)) {
    case sizeof(uint32_t):
        for (size_t i = 0; i < m; i++)
            ((uint32_t *)data)[i] = in->codes[order[i]];
        break;
    case sizeof(int64_t):
        for (size_t i = 0; i < m; i++)
            ((int64_t *)data)[i] = in->numbers[order[i]];
        break;
    case sizeof(uint8_t):
        for (size_t i = 0; i < m; i++)
            ((uint8_t *)data)[i] = in->booleans[order[i]];
        break;
    case sizeof(jv_string):
        for (size_t i = 0; i < m; i++)
            ((jv_string *)data)[i] = in->ids[order[i]];
        break;
    default:
        break;
    }
    if (in->missing != NULL)
        for (size_t i = 0; i < m; i++)
            missing[i] = in->missing[order[i]];
}

/* Rows of one region split by period: each period's rows, gathered (or the
 * batch itself when all rows share a period), to that period's states. */
void jv_period_route(jv_period_router *w, jv_chunk_scope *scope, const jv_column *cols, size_t n,
                     const uint64_t *positions, const uint64_t *lines)
{
    const jv_column *period = &cols[w->period_column];
    if (!period->present) {
        w->chunk->no_period += n;
        return;
    }
    int *of_row = w->of_row;
    gboolean same = TRUE;
    int n_periods = 0;
    for (size_t r = 0; r < n; r++) {
        of_row[r] = period->missing != NULL && period->missing[r]
                        ? -1
                        : period_index(w, period, period->codes[r]);
        same = same && of_row[r] == of_row[0];
        w->chunk->no_period += of_row[r] < 0;
        n_periods = MAX(n_periods, of_row[r] + 1);
    }
    w->chunk->has_period = TRUE;
    if (n == 0 || n_periods == 0)
        return;
    gather_buf *b = &w->gather;
    if (b->cols == NULL)
        gather_init(b, w->n_cols);
    if (same) { /* one period: the batch as it is, codes translated */
        jv_period_part *part = chunk_part(w, scope, of_row[0]);
        for (size_t c = 0; c < b->n_cols; c++) {
            b->cols[c] = cols[c];
            if (w->translated[c] && cols[c].codes != NULL && cols[c].dict != NULL)
                translate(w, part, c, cols[c].dict, cols[c].codes, b->data[c], &b->cols[c], n);
        }
        w->deliver(w->work, scope->name, w->ctxs, part->states, part->rows, part->skipped, b->cols,
                   n, positions, lines);
        g_ptr_array_set_size(w->warnings, 0);
        return;
    }
    /* A counting sort: the rows of each period together, in file order. */
    g_array_set_size(w->start, (guint)n_periods + 1);
    size_t *start = (size_t *)w->start->data;
    memset(start, 0, sizeof(size_t) * ((size_t)n_periods + 1));
    for (size_t r = 0; r < n; r++)
        if (of_row[r] >= 0)
            start[of_row[r] + 1]++;
    for (int k = 0; k < n_periods; k++)
        start[k + 1] += start[k];
    size_t *order = w->order;
    for (size_t r = 0; r < n; r++)
        if (of_row[r] >= 0)
            order[start[of_row[r]]++] = r;
    for (int k = n_periods; k > 0; k--) /* back to the starts */
        start[k] = start[k - 1];
    start[0] = 0;
    size_t m = start[n_periods];
    for (size_t c = 0; c < b->n_cols; c++)
        if (w->used[c])
            gather_column(&cols[c], order, m, b->data[c], b->missing[c]);
    for (size_t i = 0; i < m; i++) {
        b->positions[i] = positions[order[i]];
        b->lines[i] = lines[order[i]];
    }
    for (int k = 0; k < n_periods && w->chunk->error == NULL; k++) {
        size_t from = start[k], count = start[k + 1] - start[k];
        if (count == 0)
            continue;
        jv_period_part *part = chunk_part(w, scope, k);
        for (size_t c = 0; c < b->n_cols; c++) {
            b->cols[c] = cols[c];
            if (!w->used[c])
                continue; /* no indicator reads it: left as it is */
            jv_column_view_set_values(&b->cols[c], b->data[c]);
            if (b->cols[c].missing)
                b->cols[c].missing = b->missing[c];
            b->cols[c] = jv_column_view_slice(&b->cols[c], from);
            if (w->translated[c] && cols[c].codes != NULL && cols[c].dict != NULL)
                translate(w, part, c, cols[c].dict, b->cols[c].codes, (uint32_t *)b->cols[c].codes,
                          &b->cols[c], count);
        }
        w->deliver(w->work, scope->name, w->ctxs, part->states, part->rows, part->skipped, b->cols,
                   count, b->positions + from, b->lines + from);
    }
    g_ptr_array_set_size(w->warnings, 0);
}

jv_period_router *jv_period_router_new(const jv_reader *rd, jv_chunk *chunk, const GArray *requests,
                                       guint period_column, const gboolean *used,
                                       jv_period_deliver_fn deliver, void *work)
{
    jv_period_router *w = g_new0(jv_period_router, 1);
    size_t n = rd->plan->indicators->len;
    w->rd = rd;
    w->chunk = chunk;
    w->period_column = period_column;
    w->n_cols = requests->len;
    w->deliver = deliver;
    w->work = work;
    w->ctxs = g_new0(jv_ctx, n ? n : 1);
    w->warnings = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < n; i++) {
        jv_ctx_init(&w->ctxs[i], g_ptr_array_index(rd->plan->indicators, i), chunk->pass->region,
                    NULL, &rd->plan->plugin_options);
        w->ctxs[i].warnings = w->warnings;
    }
    w->of_code = g_array_new(FALSE, FALSE, sizeof(int));
    w->of_row = g_new(int, JV_ROWSET_CAPACITY);
    w->order = g_new(size_t, JV_ROWSET_CAPACITY);
    w->start = g_array_new(FALSE, FALSE, sizeof(size_t));
    w->dicts = g_hash_table_new(g_direct_hash, g_direct_equal);
    w->translated = g_new0(gboolean, w->n_cols + 1);
    for (guint u = 0; u < requests->len; u++) {
        const jv_role_request *r = &g_array_index(requests, jv_role_request, u);
        w->translated[u] = used[u] && r->type == JV_TYPE_CATEGORY && r->codes == NULL;
    }
    w->used = g_memdup2(used, sizeof(gboolean) * (w->n_cols + 1));
    if (chunk->period_values == NULL)
        chunk->period_values = g_ptr_array_new_with_free_func(g_free);
    return w;
}

void jv_period_router_free(jv_period_router *w)
{
    if (w == NULL)
        return;
    for (size_t i = 0; i < w->rd->plan->indicators->len; i++)
        jv_ctx_clear_error(&w->ctxs[i]);
    g_free(w->ctxs);
    g_ptr_array_unref(w->warnings);
    g_array_unref(w->of_code);
    g_free(w->of_row);
    g_free(w->order);
    g_array_unref(w->start);
    gather_clear(&w->gather);
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, w->dicts);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        period_dict *dicts = value;
        for (size_t u = 0; u < w->n_cols; u++) {
            jv_category_dict_clear(&dicts[u].dict);
            g_array_unref(dicts[u].local);
        }
        g_free(dicts);
    }
    g_hash_table_unref(w->dicts);
    g_free(w->translated);
    g_free(w->used);
    g_free(w);
}
