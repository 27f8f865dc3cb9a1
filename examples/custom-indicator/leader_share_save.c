/* leader_share_save.c — the leader_share example's saved state: a finished
 * region's counters as JSON (aggregates only: no row, no project), and back.
 *
 *   { "format": 1, "by": "programme", "amount_rows": 12,
 *     "split": [[projects, funded, amount_granted], ×5 categories],
 *     "values": [ { "value": "innovation", "split": [...] }, ... ] }
 *
 * Amounts are the fixed-point integers (× JV_FIXED_SCALE), written with
 * put_integer, which is exact for all of int64. Categories in jv_gender
 * order, values in UTF-8 byte order. load() accepts only what consume()
 * could have produced — whole numbers >= 0, funded <= projects, the same
 * `by` as this indicator's params, each value once and the values adding up
 * to the split cell by cell — so a loaded state pools and finishes like the
 * one that was saved, and a damaged file is an error, never a crash.
 */
#include "leader_share.h"

#include <string.h>

#define LS_SAVE_FORMAT 1

/* --- save ------------------------------------------------------------------- */

static void put_split(jv_writer *w, const char *key, const ls_split *split)
{
    ls_host->begin_array(w, key);
    for (int g = 0; g < JV_GENDERS; g++) {
        ls_host->begin_array(w, NULL);
        ls_host->put_integer(w, NULL, split->cells[g].projects);
        ls_host->put_integer(w, NULL, split->cells[g].funded);
        ls_host->put_integer(w, NULL, split->cells[g].amount);
        ls_host->end_array(w);
    }
    ls_host->end_array(w);
}

int ls_save(jv_ctx *ctx, const void *data, jv_writer *out)
{
    const ls_state *state = data;
    const ls_instance *instance = ls_host->instance(ctx);
    ls_host->put_integer(out, "format", LS_SAVE_FORMAT);
    if (instance->by != NULL)
        ls_host->put_string(out, "by", instance->by);
    else
        ls_host->put_null(out, "by");
    ls_host->put_integer(out, "amount_rows", state->amount_rows);
    put_split(out, "split", &state->split);
    const ls_value **sorted = ls_state_sorted(state);
    ls_host->begin_array(out, "values");
    for (size_t i = 0; i < state->n_values; i++) {
        ls_host->begin_object(out, NULL);
        ls_host->put_string(out, "value", sorted[i]->text);
        put_split(out, "split", &sorted[i]->split);
        ls_host->end_object(out);
    }
    ls_host->end_array(out);
    ls_host->free(sorted);
    return 0;
}

/* --- load ------------------------------------------------------------------- */

static int read_count(const jv_node *node, int64_t *out)
{
    return node != NULL && ls_host->node_integer(node, out) == 0 && *out >= 0 ? 0 : -1;
}

/* Reads [[projects, funded, amount] ×5]; `where` names it in messages. */
static int read_split(jv_ctx *ctx, const jv_node *node, ls_split *split, const char *where)
{
    const jv_host *h = ls_host;
    if (node == NULL || h->node_size(node) != JV_GENDERS) {
        h->error(ctx, "saved state: %s is not a list of %d cells", where, JV_GENDERS);
        return -1;
    }
    for (int g = 0; g < JV_GENDERS; g++) {
        const jv_node *cell = h->node_at(node, (size_t)g);
        ls_cell *c = &split->cells[g];
        if (cell == NULL || h->node_size(cell) != 3 ||
            read_count(h->node_at(cell, 0), &c->projects) != 0 ||
            read_count(h->node_at(cell, 1), &c->funded) != 0 ||
            read_count(h->node_at(cell, 2), &c->amount) != 0 || c->funded > c->projects) {
            h->error(ctx,
                     "saved state: %s, %s: expected [projects, funded, amount_granted], "
                     "whole numbers >= 0 with funded <= projects",
                     where, h->gender_name(g));
            return -1;
        }
    }
    return 0;
}

static int same_by(const char *saved, const char *configured)
{
    return saved == NULL ? configured == NULL : configured != NULL && strcmp(saved, configured) == 0;
}

/* The breakdown values, each once, adding up to the split. */
static int read_values(jv_ctx *ctx, const jv_node *values, ls_state *state)
{
    const jv_host *h = ls_host;
    size_t n = values ? h->node_size(values) : 0;
    ls_split sum;
    memset(&sum, 0, sizeof sum);
    for (size_t i = 0; i < n; i++) {
        const jv_node *item = h->node_at(values, i);
        const jv_node *value = item ? h->node_get(item, "value") : NULL;
        const char *text = value ? h->node_string(value) : NULL;
        if (text == NULL) {
            h->error(ctx, "saved state: values[%zu] has no \"value\" string", i);
            return -1;
        }
        size_t before = state->n_values;
        size_t v = ls_state_value(state, text, strlen(text));
        if (state->n_values == before) {
            h->error(ctx, "saved state: value '%s' is listed twice", text);
            return -1;
        }
        if (read_split(ctx, h->node_get(item, "split"), &state->values[v].split, text) != 0)
            return -1;
        for (int g = 0; g < JV_GENDERS; g++)
            if (ls_cell_add(&sum.cells[g], &state->values[v].split.cells[g]) != 0) {
                h->error(ctx, "saved state: the values of '%s' overflow", text);
                return -1;
            }
    }
    if (n > 0 && memcmp(&sum, &state->split, sizeof sum) != 0) {
        h->error(ctx, "saved state: the values do not add up to the split");
        return -1;
    }
    return 0;
}

void *ls_load(jv_ctx *ctx, const jv_node *in)
{
    const jv_host *h = ls_host;
    const ls_instance *instance = h->instance(ctx);
    int64_t format = 0;
    const jv_node *node = h->node_get(in, "format");
    if (node == NULL || h->node_integer(node, &format) != 0 || format != LS_SAVE_FORMAT) {
        h->error(ctx, "saved state: unknown format (this plugin reads format %d)", LS_SAVE_FORMAT);
        return NULL;
    }
    node = h->node_get(in, "by");
    const char *by = node ? h->node_string(node) : NULL;
    if (!same_by(by, instance->by)) {
        h->error(ctx, "saved state: it was broken down by %s, but params.by is %s",
                 by ? by : "nothing", instance->by ? instance->by : "null");
        return NULL;
    }
    ls_state *state = ls_state_new();
    if (read_count(h->node_get(in, "amount_rows"), &state->amount_rows) != 0) {
        h->error(ctx, "saved state: amount_rows is not a whole number >= 0");
        goto fail;
    }
    if (read_split(ctx, h->node_get(in, "split"), &state->split, "split") != 0)
        goto fail;
    const jv_node *values = h->node_get(in, "values");
    if (values != NULL && h->node_size(values) > 0 && instance->by == NULL) {
        h->error(ctx, "saved state: values without a breakdown column");
        goto fail;
    }
    if (read_values(ctx, values, state) != 0)
        goto fail;
    return state;
fail:
    ls_state_free(state);
    return NULL;
}
