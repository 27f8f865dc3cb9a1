/* plugins/funding-share/funding_share_save.c — funding_share's saved state:
 * a finished region's counters as JSON (aggregates only), and back.
 *
 *   { "format": 1, "applied_rows": 12,
 *     "split": [[applications, granted, amount_applied, amount_granted], ×5],
 *     "breakdowns": [ { "column": "sector",
 *                       "values": [ { "value": "A", "split": [...] } ] } ] }
 *
 * Sums are the fixed-point integers (× JV_FIXED_SCALE), written with
 * put_integer, which is exact for all of int64; categories in jv_gender
 * order; values in UTF-8 byte order. load() accepts only what consume()
 * could have produced — counts and sums >= 0, granted <= applications,
 * totals within int64, and every breakdown column adding up to the main
 * split cell by cell — so a loaded state pools and finishes like the
 * original (header rule 2 holds).
 */
#include "funding_share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FS_SAVE_FORMAT 1

/* --- save --------------------------------------------------------------- */

static void put_split(jv_writer *w, const char *key, const fs_split *split)
{
    const jv_host *h = fs_host;
    h->begin_array(w, key);
    for (int g = 0; g < JV_GENDERS; g++) {
        const fs_cell *c = &split->cells[g];
        h->begin_array(w, NULL);
        h->put_integer(w, NULL, c->applications);
        h->put_integer(w, NULL, c->granted);
        h->put_integer(w, NULL, c->applied);
        h->put_integer(w, NULL, c->amount);
        h->end_array(w);
    }
    h->end_array(w);
}

int fs_save(jv_ctx *ctx, const void *state_, jv_writer *out)
{
    const jv_host *h = fs_host;
    const fs_state *state = state_;
    const fs_instance *instance = h->instance(ctx);
    if (state->n_by != (instance ? instance->n_by : 0)) {
        h->error(ctx, "state has %zu breakdowns, params.by names %zu", state->n_by,
                 instance ? instance->n_by : 0);
        return -1;
    }
    h->put_integer(out, "format", FS_SAVE_FORMAT);
    h->put_integer(out, "applied_rows", state->applied_rows);
    put_split(out, "split", &state->split);
    h->begin_array(out, "breakdowns");
    for (size_t k = 0; k < state->n_by; k++) {
        const fs_breakdown *b = &state->by[k];
        uint32_t *order = fs_sorted_values(b);
        if (order == NULL) {
            h->error(ctx, "out of memory");
            return -1;
        }
        h->begin_object(out, NULL);
        h->put_string(out, "column", instance->by[k]);
        h->begin_array(out, "values");
        for (size_t i = 0; i < b->values.size; i++) {
            h->begin_object(out, NULL);
            h->put_string(out, "value", b->values.keys[order[i]]);
            put_split(out, "split", &b->splits[order[i]]);
            h->end_object(out);
        }
        h->end_array(out);
        h->end_object(out);
        free(order);
    }
    h->end_array(out);
    return 0;
}

/* --- load --------------------------------------------------------------- */

static int add_checked(int64_t *sum, int64_t value)
{
    if (value > INT64_MAX - *sum)
        return -1;
    *sum += value;
    return 0;
}

static int cell_add_checked(fs_cell *into, const fs_cell *from)
{
    return add_checked(&into->applications, from->applications) |
           add_checked(&into->granted, from->granted) |
           add_checked(&into->applied, from->applied) |
           add_checked(&into->amount, from->amount);
}

static int read_count(const jv_node *node, int64_t *out)
{
    return node != NULL && fs_host->node_integer(node, out) == 0 && *out >= 0 ? 0 : -1;
}

/* The string under `key` of object `node`; NULL when either is missing. */
static const char *get_string(const jv_node *node, const char *key)
{
    const jv_node *child = node ? fs_host->node_get(node, key) : NULL;
    return child ? fs_host->node_string(child) : NULL;
}

/* Reads [[a, g, applied, amount] ×5]; `where` names it in messages. */
static int read_split(jv_ctx *ctx, const jv_node *node, fs_split *split, const char *where)
{
    const jv_host *h = fs_host;
    if (node == NULL || h->node_size(node) != JV_GENDERS) {
        h->error(ctx, "saved state: %s is not a list of %d cells", where, JV_GENDERS);
        return -1;
    }
    for (int g = 0; g < JV_GENDERS; g++) {
        const jv_node *cell = h->node_at(node, (size_t)g);
        fs_cell *c = &split->cells[g];
        if (cell == NULL || h->node_size(cell) != 4 ||
            read_count(h->node_at(cell, 0), &c->applications) != 0 ||
            read_count(h->node_at(cell, 1), &c->granted) != 0 ||
            read_count(h->node_at(cell, 2), &c->applied) != 0 ||
            read_count(h->node_at(cell, 3), &c->amount) != 0 ||
            c->granted > c->applications) {
            h->error(ctx,
                     "saved state: %s, %s: expected [applications, granted, amount_applied, "
                     "amount_granted], whole numbers >= 0 with granted <= applications",
                     where, h->gender_name(g));
            return -1;
        }
    }
    return 0;
}

static int same_split(const fs_split *a, const fs_split *b)
{
    for (int g = 0; g < JV_GENDERS; g++) {
        const fs_cell *x = &a->cells[g], *y = &b->cells[g];
        if (x->applications != y->applications || x->granted != y->granted ||
            x->applied != y->applied || x->amount != y->amount)
            return 0;
    }
    return 1;
}

static int read_breakdown(jv_ctx *ctx, const jv_node *node, const char *column,
                          fs_state *state, fs_breakdown *b)
{
    const jv_host *h = fs_host;
    const char *name = get_string(node, "column");
    if (name == NULL || strcmp(name, column) != 0) {
        h->error(ctx, "saved state: its breakdowns do not match params.by (expected '%s')",
                 column);
        return -1;
    }
    const jv_node *values = node ? h->node_get(node, "values") : NULL;
    size_t n = values ? h->node_size(values) : 0;
    fs_split sum;
    memset(&sum, 0, sizeof sum);
    char where[64];
    snprintf(where, sizeof where, "breakdown '%.40s'", column);
    for (size_t i = 0; i < n; i++) {
        const jv_node *entry = h->node_at(values, i);
        const char *value = get_string(entry, "value");
        fs_split split;
        if (value == NULL) {
            h->error(ctx, "saved state: %s, value %zu has no \"value\"", where, i);
            return -1;
        }
        if (read_split(ctx, h->node_get(entry, "split"), &split, where) != 0)
            return -1;
        for (int g = 0; g < JV_GENDERS; g++) {
            if (cell_add_checked(&sum.cells[g], &split.cells[g]) != 0) {
                h->error(ctx, "saved state: %s does not add up to the split", where);
                return -1;
            }
        }
        uint32_t v = jvp_map_intern(&b->values, value, strlen(value), NULL);
        if (v == (uint32_t)-1) {
            h->error(ctx, "out of memory");
            return -1;
        }
        fs_breakdown_reserve(b, b->values.size);
        /* A value listed twice adds up; the check against `sum` bounds it. */
        for (int g = 0; g < JV_GENDERS; g++)
            fs_cell_add(&b->splits[v].cells[g], &split.cells[g]);
    }
    if (!same_split(&sum, &state->split)) {
        h->error(ctx, "saved state: %s does not add up to the split", where);
        return -1;
    }
    return 0;
}

void *fs_load(jv_ctx *ctx, const jv_node *in)
{
    const jv_host *h = fs_host;
    const fs_instance *instance = h->instance(ctx);
    size_t n_by = instance ? instance->n_by : 0;
    int64_t format = 0;
    if (in == NULL || read_count(h->node_get(in, "format"), &format) != 0 ||
        format != FS_SAVE_FORMAT) {
        h->error(ctx, "saved state: not a funding_share state of format %d", FS_SAVE_FORMAT);
        return NULL;
    }
    fs_state *state = fs_state_new(ctx);
    if (read_split(ctx, h->node_get(in, "split"), &state->split, "split") != 0)
        goto fail;
    for (int g = 0; g < JV_GENDERS; g++) {
        if (cell_add_checked(&state->total, &state->split.cells[g]) != 0) {
            h->error(ctx, "saved state: the split's sums overflow");
            goto fail;
        }
    }
    if (read_count(h->node_get(in, "applied_rows"), &state->applied_rows) != 0 ||
        state->applied_rows > state->total.applications) {
        h->error(ctx, "saved state: applied_rows must be a whole number between 0 and the "
                      "number of applications");
        goto fail;
    }
    const jv_node *breakdowns = h->node_get(in, "breakdowns");
    if (breakdowns == NULL || h->node_size(breakdowns) != n_by) {
        h->error(ctx, "saved state: it has %zu breakdowns, params.by names %zu",
                 breakdowns ? h->node_size(breakdowns) : 0, n_by);
        goto fail;
    }
    for (size_t k = 0; k < n_by; k++)
        if (read_breakdown(ctx, h->node_at(breakdowns, k), instance->by[k], state,
                           &state->by[k]) != 0)
            goto fail;
    return state;
fail:
    fs_state_free(state);
    return NULL;
}
