/* core/plugin/tally_cells.c — reading a gender tally back: its values in
 * UTF-8 byte order (tally.h rule 3), their cells, and the disclosure
 * groups and families (rule 5) with the keys suppressed() looks up. The
 * sorted order and the keys are cached per breakdown until a value is
 * added (tally.c drops them). */
#include "plugin/tally_impl.h"
#include "plugin/tally_private.h"

#include <glib.h>
#include <string.h>

const size_t *jv_tally_sorted(const jv_tally *tally, const tally_breakdown *b)
{
    (void)tally;
    if (b->sorted == NULL) /* a cache: rule 1, one thread at a time */
        ((tally_breakdown *)b)->sorted = jv_map_sorted(b->values);
    return b->sorted;
}

size_t jv_tally_size(const jv_tally *tally, size_t k)
{
    return k < tally->n_breakdowns ? jv_map_size(tally->by[k].values) : 0;
}

const char *jv_tally_value(const jv_tally *tally, size_t k, size_t i, size_t *length)
{
    if (k >= tally->n_breakdowns || i >= jv_map_size(tally->by[k].values))
        return NULL;
    const tally_breakdown *b = &tally->by[k];
    return jv_map_key(b->values, jv_tally_sorted(tally, b)[i], length);
}

const int64_t *jv_tally_cells(const jv_tally *tally, size_t k, size_t i)
{
    if (k == JV_TALLY_MAIN)
        return tally->main;
    if (k >= tally->n_breakdowns || i >= jv_map_size(tally->by[k].values))
        return NULL;
    const tally_breakdown *b = &tally->by[k];
    return b->cells + jv_tally_sorted(tally, b)[i] * tally->stride;
}

/* --- disclosure ---------------------------------------------------------- */

/* Appends src[0..n) to dst, writing '%', '/' and NUL as %25, %2F, %00. */
static char *append_escaped(char *dst, const char *src, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '%' || c == '/' || c == '\0') {
            *dst++ = '%';
            *dst++ = hex[c >> 4];
            *dst++ = hex[c & 15];
        } else {
            *dst++ = (char)c;
        }
    }
    return dst;
}

/* "by/<name>/<value>", escaped (rule 5). */
static char *group_key(const char *name, const char *value, size_t length)
{
    size_t name_length = strlen(name);
    char *key = g_malloc(3 + 3 * (name_length + length) + 2);
    char *p = key;
    memcpy(p, "by/", 3);
    p = append_escaped(p + 3, name, name_length);
    *p++ = '/';
    p = append_escaped(p, value, length);
    *p = '\0';
    return key;
}

/* The disclosure keys of b's values in sorted order (cached). */
static char *const *breakdown_keys(const jv_tally *tally, const tally_breakdown *b)
{
    if (b->keys == NULL) {
        size_t n = jv_map_size(b->values);
        const size_t *sorted = jv_tally_sorted(tally, b);
        char **keys = g_new(char *, n ? n : 1);
        for (size_t i = 0; i < n; i++) {
            size_t length;
            const char *value = jv_map_key(b->values, sorted[i], &length);
            keys[i] = group_key(b->name, value, length);
        }
        ((tally_breakdown *)b)->keys = keys;
    }
    return b->keys;
}

/* counts[g * n + p]: protected measure p (in measure order) of gender g. */
static size_t protected_counts(const jv_tally *tally, const int64_t *cells, int64_t *counts)
{
    size_t n = 0;
    for (size_t m = 0; m < tally->n_measures; m++)
        n += (tally->spec->measures[m].flags & JV_MEASURE_PROTECTED) != 0;
    size_t p = 0;
    for (size_t m = 0; m < tally->n_measures; m++) {
        if (!(tally->spec->measures[m].flags & JV_MEASURE_PROTECTED))
            continue;
        for (int g = 0; g < JV_GENDERS; g++)
            counts[(size_t)g * n + p] = cells[(size_t)g * tally->n_measures + m];
        p++;
    }
    return n;
}

int jv_tally_declare(jv_ctx *ctx, const jv_tally *tally, jv_cells *cells)
{
    (void)ctx;
    const jv_host *host = tally->host;
    int64_t counts[JV_GENDERS * TALLY_MAX_MEASURES];
    size_t n = protected_counts(tally, tally->main, counts);
    if (n == 0)
        return 0; /* nothing a disclosure rule protects */
    host->add_group(cells, JV_MAIN_GROUP, n, counts);
    for (size_t k = 0; k < tally->n_breakdowns; k++) {
        const tally_breakdown *b = &tally->by[k];
        size_t n_values = jv_map_size(b->values);
        if (n_values == 0)
            continue;
        const size_t *sorted = jv_tally_sorted(tally, b);
        char *const *keys = breakdown_keys(tally, b);
        for (size_t i = 0; i < n_values; i++) {
            protected_counts(tally, b->cells + sorted[i] * tally->stride, counts);
            host->add_group(cells, keys[i], n, counts);
        }
        if (!b->overlapping) /* rule 8: no family unless they add up */
            host->add_family(cells, JV_MAIN_GROUP, (const char *const *)keys, n_values);
    }
    return 0;
}

const char *jv_tally_key(const jv_tally *tally, size_t k, size_t i)
{
    if (k == JV_TALLY_MAIN)
        return JV_MAIN_GROUP;
    if (k >= tally->n_breakdowns || i >= jv_map_size(tally->by[k].values))
        return NULL;
    return breakdown_keys(tally, &tally->by[k])[i];
}

int jv_tally_suppressed(jv_ctx *ctx, const jv_tally *tally, size_t k, size_t i, int gender)
{
    const char *key = jv_tally_key(tally, k, i);
    return key != NULL ? tally->host->suppressed(ctx, key, gender) : 0;
}

void jv_host_fill_tally(jv_host *table)
{
    table->tally_add = jv_tally_add;
    table->tally_add_keys = jv_tally_add_keys;
    table->tally_add_value = jv_tally_add_value;
    table->tally_key = jv_tally_key;
    table->tally_merge = jv_tally_merge;
    table->tally_size = jv_tally_size;
    table->tally_value = jv_tally_value;
    table->tally_cells = jv_tally_cells;
    table->tally_declare = jv_tally_declare;
    table->tally_suppressed = jv_tally_suppressed;
    table->tally_save = jv_tally_save;
    table->tally_free = jv_tally_free;
    table->map_new = jv_map_new;
    table->map_intern = jv_map_intern;
    table->map_find = jv_map_find;
    table->map_size = jv_map_size;
    table->map_key = jv_map_key;
    table->map_translate = jv_map_translate;
    table->map_sorted = jv_map_sorted;
    table->map_free = jv_map_free;
    table->values_new = jv_values_new;
    table->values_add = jv_values_add;
    table->values_merge = jv_values_merge;
    table->values_size = jv_values_size;
    table->values_at = jv_values_at;
    table->values_free = jv_values_free;
}
