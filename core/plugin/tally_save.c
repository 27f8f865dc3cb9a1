/* core/plugin/tally_save.c — a gender tally's saved state and its load.
 *
 *   {"measures": ["applications", "granted", ...],
 *    "split": [[m0, m1, ...], ×5 genders in jv_gender order],
 *    "breakdowns": [{"name": "sector",
 *                    "values": [{"value": "A", "split": [[...], ×5]}]}]}
 *
 * Integers are written with put_integer (exact for all of int64), values
 * in UTF-8 byte order. load() accepts only what counting could have made
 * (tally.h rules 2, 3), so a loaded tally merges and reports like the one
 * saved; every error names the place, e.g.
 * "tally.breakdowns[1].values[3].split[0][2]: a count may not be negative". */
#include "plugin/tally_impl.h"
#include "plugin/tally_private.h"

#include <glib.h>
#include <inttypes.h>
#include <string.h>

/* --- save ---------------------------------------------------------------- */

static void put_split(const jv_host *host, jv_writer *w, const char *key, const jv_tally *tally,
                      const int64_t *cells)
{
    host->begin_array(w, key);
    for (int g = 0; g < JV_GENDERS; g++) {
        host->begin_array(w, NULL);
        for (size_t m = 0; m < tally->n_measures; m++)
            host->put_integer(w, NULL, cells[(size_t)g * tally->n_measures + m]);
        host->end_array(w);
    }
    host->end_array(w);
}

void jv_tally_save(jv_ctx *ctx, const jv_tally *tally, jv_writer *w, const char *key)
{
    (void)ctx;
    const jv_host *host = tally->host;
    host->begin_object(w, key);
    host->begin_array(w, "measures");
    for (size_t m = 0; m < tally->n_measures; m++)
        host->put_string(w, NULL, tally->spec->measures[m].name);
    host->end_array(w);
    put_split(host, w, "split", tally, tally->main);
    host->begin_array(w, "breakdowns");
    for (size_t k = 0; k < tally->n_breakdowns; k++) {
        const tally_breakdown *b = &tally->by[k];
        host->begin_object(w, NULL);
        host->put_string(w, "name", b->name);
        host->begin_array(w, "values");
        size_t n = jv_map_size(b->values);
        const size_t *sorted = jv_tally_sorted(tally, b);
        for (size_t i = 0; i < n; i++) {
            host->begin_object(w, NULL);
            host->put_string(w, "value", jv_map_key(b->values, sorted[i], NULL));
            put_split(host, w, "split", tally, b->cells + sorted[i] * tally->stride);
            host->end_object(w);
        }
        host->end_array(w);
        host->end_object(w);
    }
    host->end_array(w);
    host->end_object(w);
}

/* --- load ---------------------------------------------------------------- */

typedef struct loader {
    const jv_host *host;
    jv_ctx *ctx;
    jv_tally *tally;
    size_t order[TALLY_MAX_MEASURES]; /* saved position → spec measure */
} loader;

/* Reads the measure names; fills l->order. */
static int load_measures(loader *l, const jv_node *node)
{
    const jv_host *host = l->host;
    const jv_tally_spec *spec = l->tally->spec;
    const jv_node *list = host->node_get(node, "measures");
    size_t n = list ? host->node_size(list) : 0;
    if (n == 0) {
        host->error(l->ctx, "tally.measures: %s", list ? "not a list of measure names" : "missing");
        return -1;
    }
    int seen[TALLY_MAX_MEASURES] = {0};
    for (size_t j = 0; j < n; j++) {
        const char *name = host->node_string(host->node_at(list, j));
        if (name == NULL) {
            host->error(l->ctx, "tally.measures[%zu]: not a string", j);
            return -1;
        }
        size_t m = 0;
        while (m < spec->n_measures && strcmp(spec->measures[m].name, name) != 0)
            m++;
        if (m == spec->n_measures) {
            host->error(l->ctx, "tally.measures[%zu]: unknown measure '%s'", j, name);
            return -1;
        }
        if (seen[m]++) {
            host->error(l->ctx, "tally.measures[%zu]: measure '%s' is listed twice", j, name);
            return -1;
        }
        l->order[j] = m;
    }
    for (size_t m = 0; m < spec->n_measures; m++)
        if (!seen[m]) {
            host->error(l->ctx, "tally.measures: measure '%s' is missing", spec->measures[m].name);
            return -1;
        }
    return 0;
}

/* Reads a split (5 rows of measures in saved order) at `path` into
 * cells[g * n_measures + m], checking values >= 0 and at_most. */
static int load_split(loader *l, const jv_node *node, const char *path, int64_t *cells)
{
    const jv_host *host = l->host;
    const jv_tally *tally = l->tally;
    const size_t nm = tally->n_measures;
    if (node == NULL || host->node_size(node) != JV_GENDERS) {
        host->error(l->ctx, "%s: %s", path, node ? "not a list of 5 gender rows" : "missing");
        return -1;
    }
    for (size_t g = 0; g < JV_GENDERS; g++) {
        const jv_node *row = host->node_at(node, g);
        if (host->node_size(row) != nm) {
            host->error(l->ctx, "%s[%zu]: not a list of %zu counts", path, g, nm);
            return -1;
        }
        for (size_t j = 0; j < nm; j++) {
            int64_t value;
            if (host->node_integer(host->node_at(row, j), &value) != 0) {
                host->error(l->ctx, "%s[%zu][%zu]: not an integer", path, g, j);
                return -1;
            }
            if (value < 0) {
                host->error(l->ctx, "%s[%zu][%zu]: a count may not be negative", path, g, j);
                return -1;
            }
            cells[g * nm + l->order[j]] = value;
        }
        for (size_t m = 0; m < nm; m++) {
            int a = tally->at_most[m];
            if (a >= 0 && cells[g * nm + m] > cells[g * nm + (size_t)a]) {
                host->error(l->ctx, "%s[%zu]: %s (%" PRId64 ") exceeds %s (%" PRId64 ")", path, g,
                            tally->spec->measures[m].name, cells[g * nm + m],
                            tally->spec->measures[a].name, cells[g * nm + (size_t)a]);
                return -1;
            }
        }
    }
    return 0;
}

/* Reads breakdown k's values; they must add up to the main split unless
 * the breakdown overlaps (tally.h rule 8). */
static int load_breakdown(loader *l, const jv_node *node, size_t k)
{
    const jv_host *host = l->host;
    jv_tally *tally = l->tally;
    tally_breakdown *b = &tally->by[k];
    const char *name = host->node_string(host->node_get(node, "name"));
    if (name == NULL || strcmp(name, b->name) != 0) {
        host->error(l->ctx, "tally.breakdowns[%zu].name: %s%s%s where '%s' was expected", k,
                    name ? "'" : "", name ? name : "not a string", name ? "'" : "", b->name);
        return -1;
    }
    const jv_node *values = host->node_get(node, "values");
    if (values == NULL) {
        host->error(l->ctx, "tally.breakdowns[%zu].values: missing", k);
        return -1;
    }
    int64_t sums[JV_GENDERS * TALLY_MAX_MEASURES] = {0};
    int64_t cells[JV_GENDERS * TALLY_MAX_MEASURES];
    size_t over = SIZE_MAX; /* the first cell whose sum passes INT64_MAX */
    size_t n = host->node_size(values);
    for (size_t i = 0; i < n; i++) {
        const jv_node *item = host->node_at(values, i);
        const char *value = host->node_string(host->node_get(item, "value"));
        if (value == NULL) {
            host->error(l->ctx,
                        "tally.breakdowns[%zu].values[%zu].value: missing or not a "
                        "string",
                        k, i);
            return -1;
        }
        if (jv_map_find(b->values, value, strlen(value)) != JV_NOT_FOUND) {
            host->error(l->ctx, "tally.breakdowns[%zu].values[%zu].value: '%s' is listed twice", k,
                        i, value);
            return -1;
        }
        char *path = g_strdup_printf("tally.breakdowns[%zu].values[%zu].split", k, i);
        int status = load_split(l, host->node_get(item, "split"), path, cells);
        g_free(path);
        if (status != 0)
            return -1;
        uint32_t index = jv_tally_intern(tally, b, value, strlen(value));
        memcpy(b->cells + (size_t)index * tally->stride, cells, tally->stride * sizeof *cells);
        for (size_t c = 0; c < tally->stride; c++) {
            if (cells[c] > INT64_MAX - sums[c])
                over = MIN(over, c);
            else
                sums[c] += cells[c];
        }
    }
    for (size_t c = 0; c < tally->stride && !b->overlapping; c++)
        if (c == over || sums[c] != tally->main[c]) {
            size_t g = c / tally->n_measures, m = c % tally->n_measures;
            char *sum = c == over ? g_strdup_printf("more than %" PRId64, INT64_MAX)
                                  : g_strdup_printf("%" PRId64, sums[c]);
            host->error(l->ctx,
                        "tally.breakdowns[%zu]: the values of '%s' do not add up to "
                        "the main split (%s of %s: %s where the main split has %" PRId64 ")",
                        k, b->name, tally->spec->measures[m].name, host->gender_name((int)g), sum,
                        tally->main[c]);
            g_free(sum);
            return -1;
        }
    return 0;
}

static int load(loader *l, const jv_node *node)
{
    const jv_host *host = l->host;
    jv_tally *tally = l->tally;
    if (node == NULL) {
        host->error(l->ctx, "tally: missing");
        return -1;
    }
    if (load_measures(l, node) != 0 ||
        load_split(l, host->node_get(node, "split"), "tally.split", tally->main) != 0)
        return -1;
    for (size_t m = 0; m < tally->n_measures; m++) {
        for (size_t g = 0; g < JV_GENDERS; g++) {
            int64_t v = tally->main[g * tally->n_measures + m];
            if (v > INT64_MAX - tally->totals[m]) {
                host->error(l->ctx,
                            "tally.split: the total of %s passes %" PRId64
                            " (the largest exact sum)",
                            tally->spec->measures[m].name, INT64_MAX);
                return -1;
            }
            tally->totals[m] += v;
        }
    }
    const jv_node *breakdowns = host->node_get(node, "breakdowns");
    size_t n = breakdowns ? host->node_size(breakdowns) : 0;
    if (n != tally->n_breakdowns) {
        host->error(l->ctx, "tally.breakdowns: %zu breakdowns where %zu were expected", n,
                    tally->n_breakdowns);
        return -1;
    }
    for (size_t k = 0; k < n; k++)
        if (load_breakdown(l, host->node_at(breakdowns, k), k) != 0)
            return -1;
    return 0;
}

jv_tally *jv_tally_load(const jv_host *host, jv_ctx *ctx, const jv_tally_spec *spec,
                        size_t n_breakdowns, const char *const *names, const int *columns,
                        const jv_node *node)
{
    jv_tally *tally = jv_tally_new(host, ctx, spec, n_breakdowns, names, columns);
    if (tally == NULL)
        return NULL;
    loader l = {.host = host, .ctx = ctx, .tally = tally};
    if (load(&l, node) != 0) {
        jv_tally_free(tally);
        return NULL;
    }
    return tally;
}
