/* core/plugin/tally.c — gender tallies (jamvikt/tally.h): creation,
 * freeing, adding a breakdown value, and merge (with the cell check of
 * overlapping breakdowns, rule 8). Counting is in
 * tally_add.c, reading the counts back and the disclosure cells in
 * tally_cells.c, save/load in tally_save.c. */
#include "plugin/tally_impl.h"
#include "plugin/tally_private.h"

#include <glib.h>
#include <inttypes.h>
#include <string.h>

/* --- creation ------------------------------------------------------------ */

static int is_measure_name(const char *s)
{
    if (s == NULL || !(s[0] >= 'a' && s[0] <= 'z'))
        return 0;
    for (const char *p = s + 1; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return 0;
    return 1;
}

static int find_measure(const jv_tally_spec *spec, const char *name)
{
    for (size_t m = 0; m < spec->n_measures; m++)
        if (strcmp(spec->measures[m].name, name) == 0)
            return (int)m;
    return -1;
}

/* Checks the spec and the breakdown names; fills tally->at_most. */
static int check_spec(const jv_host *host, jv_ctx *ctx, jv_tally *tally, const jv_tally_spec *spec,
                      size_t n_breakdowns, const char *const *names)
{
    if (spec == NULL || spec->measures == NULL || spec->n_measures == 0 ||
        spec->n_measures > TALLY_MAX_MEASURES) {
        host->error(ctx, "tally: a spec needs 1 to %d measures", TALLY_MAX_MEASURES);
        return -1;
    }
    if (spec->gender_column < 0) {
        host->error(ctx, "tally: spec.gender_column is %d", spec->gender_column);
        return -1;
    }
    for (size_t m = 0; m < spec->n_measures; m++) {
        const jv_measure *measure = &spec->measures[m];
        if (!is_measure_name(measure->name)) {
            host->error(ctx, "tally: measure %zu: name '%s' is not [a-z][a-z0-9_]*", m,
                        measure->name ? measure->name : "(null)");
            return -1;
        }
        if (find_measure(spec, measure->name) != (int)m) {
            host->error(ctx, "tally: measure '%s' is listed twice", measure->name);
            return -1;
        }
    }
    for (size_t m = 0; m < spec->n_measures; m++) {
        const char *at_most = spec->measures[m].at_most;
        tally->at_most[m] = at_most ? find_measure(spec, at_most) : -1;
        if (at_most != NULL && (tally->at_most[m] < 0 || tally->at_most[m] == (int)m)) {
            host->error(ctx, "tally: measure '%s': at_most names '%s', not another measure",
                        spec->measures[m].name, at_most);
            return -1;
        }
    }
    if (n_breakdowns > 0 && names == NULL) {
        host->error(ctx, "tally: %zu breakdowns but no names", n_breakdowns);
        return -1;
    }
    for (size_t k = 0; k < n_breakdowns; k++) {
        if (names[k] == NULL || names[k][0] == '\0') {
            host->error(ctx, "tally: breakdown %zu has no name", k);
            return -1;
        }
        for (size_t j = 0; j < k; j++)
            if (strcmp(names[j], names[k]) == 0) {
                host->error(ctx, "tally: breakdown '%s' is listed twice", names[k]);
                return -1;
            }
    }
    for (const char *const *o = spec->overlapping; o != NULL && *o != NULL; o++) {
        size_t k = 0;
        while (k < n_breakdowns && strcmp(names[k], *o) != 0)
            k++;
        if (k == n_breakdowns) {
            host->error(ctx, "tally: spec.overlapping names '%s', which is not a breakdown", *o);
            return -1;
        }
    }
    return 0;
}

static int is_overlapping(const jv_tally_spec *spec, const char *name)
{
    for (const char *const *o = spec->overlapping; o != NULL && *o != NULL; o++)
        if (strcmp(*o, name) == 0)
            return 1;
    return 0;
}

jv_tally *jv_tally_new(const jv_host *host, jv_ctx *ctx, const jv_tally_spec *spec,
                       size_t n_breakdowns, const char *const *names, const int *columns)
{
    jv_tally *tally = g_new0(jv_tally, 1);
    if (check_spec(host, ctx, tally, spec, n_breakdowns, names) != 0) {
        g_free(tally);
        return NULL;
    }
    tally->host = host;
    tally->spec = spec;
    tally->n_measures = spec->n_measures;
    tally->stride = JV_GENDERS * spec->n_measures;
    tally->n_breakdowns = n_breakdowns;
    tally->by = g_new0(tally_breakdown, n_breakdowns ? n_breakdowns : 1);
    for (size_t k = 0; k < n_breakdowns; k++) {
        tally_breakdown *b = &tally->by[k];
        b->name = g_strdup(names[k]);
        b->column = columns ? columns[k] : -1;
        b->overlapping = is_overlapping(spec, names[k]);
        b->values = jv_map_new();
        b->empty = TALLY_NOT_YET;
        if (b->overlapping && b->column >= 0) {
            host->error(ctx,
                        "tally: breakdown '%s' overlaps, so it reads no column "
                        "(tally_add_value counts it)",
                        b->name);
            jv_tally_free(tally);
            return NULL;
        }
    }
    return tally;
}

static void drop_caches(tally_breakdown *b)
{
    if (b->keys != NULL) {
        size_t n = jv_map_size(b->values);
        for (size_t i = 0; i < n; i++)
            g_free(b->keys[i]);
        g_clear_pointer(&b->keys, g_free);
    }
    g_clear_pointer(&b->sorted, g_free);
}

void jv_tally_free(jv_tally *tally)
{
    if (tally == NULL)
        return;
    for (size_t k = 0; k < tally->n_breakdowns; k++) {
        tally_breakdown *b = &tally->by[k];
        drop_caches(b);
        jv_map_free(b->values);
        g_free(b->name);
        g_free(b->cells);
        g_free(b->codes);
        g_free(b->rows);
    }
    g_free(tally->by);
    g_free(tally);
}

uint32_t jv_tally_intern(jv_tally *tally, tally_breakdown *b, const char *value, size_t length)
{
    size_t before = jv_map_size(b->values);
    size_t index = jv_map_intern(b->values, value, length);
    if (index < before)
        return (uint32_t)index;
    drop_caches(b); /* a new value: the sorted order and keys change */
    if (index >= b->capacity) {
        size_t capacity = b->capacity ? b->capacity * 2 : 8;
        b->cells = g_renew(int64_t, b->cells, capacity * tally->stride);
        memset(b->cells + b->capacity * tally->stride, 0,
               (capacity - b->capacity) * tally->stride * sizeof *b->cells);
        b->capacity = capacity;
    }
    return (uint32_t)index;
}

/* --- merge --------------------------------------------------------------- */

int jv_tally_check_sum(jv_ctx *ctx, const jv_tally *tally, const int64_t *cell, const int64_t *add,
                       size_t n)
{
    for (size_t c = 0; c < n; c++)
        if (add[c] > INT64_MAX - cell[c]) {
            tally->host->error(ctx,
                               "tally: a cell of %s passes %" PRId64 " (the largest exact sum)",
                               tally->spec->measures[c % tally->n_measures].name, INT64_MAX);
            return -1;
        }
    return 0;
}

/* The merge's check of every overlapping breakdown's cells, which no total
 * bounds (tally.h rule 8): 0, or -1 after host->error(). */
static int check_overlapping(jv_ctx *ctx, const jv_tally *into, const jv_tally *from)
{
    for (size_t k = 0; k < into->n_breakdowns; k++) {
        const tally_breakdown *b = &into->by[k], *fb = &from->by[k];
        for (size_t i = 0; b->overlapping && i < jv_map_size(fb->values); i++) {
            size_t length;
            const char *value = jv_map_key(fb->values, i, &length);
            size_t index = jv_map_find(b->values, value, length);
            if (index != JV_NOT_FOUND &&
                jv_tally_check_sum(ctx, into, b->cells + index * into->stride,
                                   fb->cells + i * into->stride, into->stride) != 0)
                return -1;
        }
    }
    return 0;
}

static int same_shape(const jv_tally *a, const jv_tally *b)
{
    if (a->n_measures != b->n_measures || a->n_breakdowns != b->n_breakdowns)
        return 0;
    if (a->spec != b->spec)
        for (size_t m = 0; m < a->n_measures; m++)
            if (strcmp(a->spec->measures[m].name, b->spec->measures[m].name) != 0)
                return 0;
    for (size_t k = 0; k < a->n_breakdowns; k++)
        if (strcmp(a->by[k].name, b->by[k].name) != 0 ||
            a->by[k].overlapping != b->by[k].overlapping)
            return 0;
    return 1;
}

int jv_tally_merge(jv_ctx *ctx, jv_tally *into, const jv_tally *from)
{
    const jv_host *host = into->host;
    if (from == NULL || from == into) {
        host->error(ctx, "tally: merge needs two different tallies");
        return -1;
    }
    if (!same_shape(into, from)) {
        host->error(ctx, "tally: merge of tallies with different measures or breakdowns");
        return -1;
    }
    if (check_overlapping(ctx, into, from) != 0)
        return -1;
    for (size_t m = 0; m < into->n_measures; m++)
        if (from->totals[m] > INT64_MAX - into->totals[m]) {
            host->error(ctx, "tally: merged sum of %s passes %" PRId64 " (the largest exact sum)",
                        into->spec->measures[m].name, INT64_MAX);
            return -1;
        }
    /* every other cell is at most its total, so nothing below can
     * overflow */
    for (size_t m = 0; m < into->n_measures; m++)
        into->totals[m] += from->totals[m];
    for (size_t c = 0; c < into->stride; c++)
        into->main[c] += from->main[c];
    for (size_t k = 0; k < into->n_breakdowns; k++) {
        tally_breakdown *b = &into->by[k];
        const tally_breakdown *fb = &from->by[k];
        size_t n = jv_map_size(fb->values);
        for (size_t i = 0; i < n; i++) {
            size_t length;
            const char *value = jv_map_key(fb->values, i, &length);
            uint32_t index = jv_tally_intern(into, b, value, length);
            int64_t *cell = b->cells + (size_t)index * into->stride;
            const int64_t *add = fb->cells + i * into->stride;
            for (size_t c = 0; c < into->stride; c++)
                cell[c] += add[c];
        }
    }
    return 0;
}
