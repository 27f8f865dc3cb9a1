/* core/plugin/tally.c — gender tallies (jamvikt/tally.h): creation,
 * counting a batch or a single item, merge, and freeing. Reading the
 * counts back and the disclosure cells are in tally_cells.c, save/load in
 * tally_save.c.
 *
 * tally_add is batch-level: each breakdown column's dictionary is
 * translated through a per-dictionary cache (code → value index, or
 * TALLY_NOT_YET until a counted row first uses the code), then one tight
 * loop runs over the rows with no allocation except when a new value
 * appears. Overflow is checked on the per-measure scope totals only: every
 * cell is at most its measure's total, and every value is >= 0. */
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
static int check_spec(const jv_host *host, jv_ctx *ctx, jv_tally *tally,
                      const jv_tally_spec *spec, size_t n_breakdowns, const char *const *names)
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
        b->values = jv_map_new();
        b->empty = TALLY_NOT_YET;
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

/* --- counting ------------------------------------------------------------ */

static size_t measure_column(const jv_tally *tally, size_t m)
{
    int column = tally->spec->measures[m].column;
    return (size_t)(column >= 0 ? column : tally->spec->gender_column);
}

/* Checks a row's values against rule 2: -1 when the row is fine, else the
 * measure at fault (*overflow tells which rule). */
static inline int bad_measure(const jv_tally *tally, const int64_t *v, int *overflow)
{
    for (size_t m = 0; m < tally->n_measures; m++) {
        if (v[m] < 0) {
            *overflow = 0;
            return (int)m;
        }
        if (v[m] > INT64_MAX - tally->totals[m]) {
            *overflow = 1;
            return (int)m;
        }
    }
    return -1;
}

/* Readies breakdown b's translation for `column`; 0 or -1 after error. */
static int prepare_column(jv_ctx *ctx, jv_tally *tally, tally_breakdown *b,
                          const jv_column *column)
{
    if (!column->present)
        return 0;
    if (column->type != JV_TYPE_CATEGORY || column->codes == NULL || column->dict == NULL) {
        tally->host->error(ctx, "tally: breakdown '%s' reads column %d ('%s'), which is not "
                                "a category column",
                           b->name, b->column, column->role ? column->role : "?");
        return -1;
    }
    const jv_dict *dict = column->dict;
    if (b->codes == NULL || b->dict_id != dict->id) {
        b->dict_id = dict->id;
        b->n_codes = 0;
    }
    if (dict->size > b->codes_capacity) {
        b->codes_capacity = MAX((size_t)dict->size, 2 * b->codes_capacity);
        b->codes = g_renew(uint32_t, b->codes, b->codes_capacity);
    }
    if (b->codes == NULL)
        b->codes = g_new(uint32_t, 1);
    for (size_t c = b->n_codes; c < dict->size; c++)
        b->codes[c] = TALLY_NOT_YET;
    b->n_codes = dict->size;
    return 0;
}

/* The value index of row i in breakdown b (interning on first use), or
 * TALLY_NOT_YET for a code outside the dictionary. */
static inline uint32_t row_index(jv_tally *tally, tally_breakdown *b, const jv_column *column,
                                 size_t i)
{
    if (!column || !column->present || (column->missing && column->missing[i])) {
        if (b->empty == TALLY_NOT_YET)
            b->empty = jv_tally_intern(tally, b, "", 0);
        return b->empty;
    }
    uint32_t code = column->codes[i];
    if (code >= b->n_codes)
        return TALLY_NOT_YET;
    uint32_t index = b->codes[code];
    if (index == TALLY_NOT_YET) {
        const jv_string *s = &column->dict->values[code];
        index = b->codes[code] = jv_tally_intern(tally, b, s->data, s->length);
    }
    return index;
}

static inline void add_row(jv_tally *tally, int g, const uint32_t *index, const int64_t *v)
{
    const size_t nm = tally->n_measures;
    int64_t *main = tally->main + (size_t)g * nm;
    for (size_t m = 0; m < nm; m++) {
        tally->totals[m] += v[m];
        main[m] += v[m];
    }
    for (size_t k = 0; k < tally->n_breakdowns; k++) {
        int64_t *cell = tally->by[k].cells + index[k] * tally->stride + (size_t)g * nm;
        for (size_t m = 0; m < nm; m++)
            cell[m] += v[m];
    }
}

int jv_tally_add(jv_ctx *ctx, jv_tally *tally, const jv_batch *batch, const int64_t *values,
                 const uint8_t *skip)
{
    const jv_host *host = tally->host;
    const jv_tally_spec *spec = tally->spec;
    if (batch == NULL || batch->table != spec->table || batch->n_rows == 0)
        return 0;
    size_t gc = (size_t)spec->gender_column;
    if (gc >= batch->n_columns || batch->columns[gc].type != JV_TYPE_GENDER ||
        batch->columns[gc].codes == NULL) {
        host->error(ctx, "tally: spec.gender_column %zu is not a gender column of table %zu",
                    gc, spec->table);
        return -1;
    }
    const uint32_t *genders = batch->columns[gc].codes;
    const jv_column *columns[TALLY_MAX_MEASURES * 4];
    const jv_column **by_column = tally->n_breakdowns <= G_N_ELEMENTS(columns)
                                      ? columns
                                      : g_new(const jv_column *, tally->n_breakdowns);
    uint32_t indices[G_N_ELEMENTS(columns)];
    uint32_t *index = tally->n_breakdowns <= G_N_ELEMENTS(indices)
                          ? indices
                          : g_new(uint32_t, tally->n_breakdowns);
    int status = 0;
    for (size_t k = 0; k < tally->n_breakdowns && status == 0; k++) {
        tally_breakdown *b = &tally->by[k];
        by_column[k] = NULL;
        if (b->column < 0)
            continue;
        if ((size_t)b->column >= batch->n_columns) {
            host->error(ctx, "tally: breakdown '%s' reads column %d; the batch has %zu",
                        b->name, b->column, batch->n_columns);
            status = -1;
        } else {
            by_column[k] = &batch->columns[b->column];
            status = prepare_column(ctx, tally, b, by_column[k]);
        }
    }
    const size_t nm = tally->n_measures;
    for (size_t i = 0; i < batch->n_rows && status == 0; i++) {
        if (skip != NULL && skip[i])
            continue;
        const int64_t *v = values + i * nm;
        uint32_t g = genders[i];
        if (g >= JV_GENDERS) {
            host->error(ctx, "tally: gender code %u out of range", (unsigned)g);
            status = -1;
            break;
        }
        int overflow;
        int m = bad_measure(tally, v, &overflow);
        if (m >= 0) {
            const char *name = spec->measures[m].name;
            int skipped =
                overflow ? host->row_error(ctx, batch, i, measure_column(tally, (size_t)m),
                                           "the sum of %s passes %" PRId64
                                           " (the largest exact sum)",
                                           name, INT64_MAX)
                         : host->row_error(ctx, batch, i, measure_column(tally, (size_t)m),
                                           "%s may not be negative (%" PRId64 ")", name, v[m]);
            if (!skipped)
                status = -1;
            continue;
        }
        for (size_t k = 0; k < tally->n_breakdowns; k++) {
            index[k] = row_index(tally, &tally->by[k], by_column[k], i);
            if (index[k] == TALLY_NOT_YET) {
                host->error(ctx, "tally: category code %u of breakdown '%s' out of range",
                            (unsigned)by_column[k]->codes[i], tally->by[k].name);
                status = -1;
                break;
            }
        }
        if (status == 0)
            add_row(tally, (int)g, index, v);
    }
    if (by_column != columns)
        g_free(by_column);
    if (index != indices)
        g_free(index);
    return status;
}

int jv_tally_add_keys(jv_ctx *ctx, jv_tally *tally, const char *const *keys, int gender,
                      const int64_t *values)
{
    const jv_host *host = tally->host;
    if (gender < 0 || gender >= JV_GENDERS) {
        host->error(ctx, "tally: gender %d out of range", gender);
        return -1;
    }
    if (tally->n_breakdowns > 0 && keys == NULL) {
        host->error(ctx, "tally: add_keys needs %zu keys", tally->n_breakdowns);
        return -1;
    }
    int overflow;
    int m = bad_measure(tally, values, &overflow);
    if (m >= 0) {
        const char *name = tally->spec->measures[m].name;
        if (overflow)
            host->error(ctx, "tally: the sum of %s passes %" PRId64 " (the largest exact sum)",
                        name, INT64_MAX);
        else
            host->error(ctx, "tally: %s may not be negative (%" PRId64 ")", name, values[m]);
        return -1;
    }
    uint32_t indices[64];
    uint32_t *index =
        tally->n_breakdowns <= G_N_ELEMENTS(indices) ? indices : g_new(uint32_t, tally->n_breakdowns);
    for (size_t k = 0; k < tally->n_breakdowns; k++) {
        const char *key = keys[k] ? keys[k] : "";
        index[k] = jv_tally_intern(tally, &tally->by[k], key, strlen(key));
    }
    add_row(tally, gender, index, values);
    if (index != indices)
        g_free(index);
    return 0;
}

/* --- merge --------------------------------------------------------------- */

static int same_shape(const jv_tally *a, const jv_tally *b)
{
    if (a->n_measures != b->n_measures || a->n_breakdowns != b->n_breakdowns)
        return 0;
    if (a->spec != b->spec)
        for (size_t m = 0; m < a->n_measures; m++)
            if (strcmp(a->spec->measures[m].name, b->spec->measures[m].name) != 0)
                return 0;
    for (size_t k = 0; k < a->n_breakdowns; k++)
        if (strcmp(a->by[k].name, b->by[k].name) != 0)
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
    for (size_t m = 0; m < into->n_measures; m++)
        if (from->totals[m] > INT64_MAX - into->totals[m]) {
            host->error(ctx, "tally: merged sum of %s passes %" PRId64
                             " (the largest exact sum)",
                        into->spec->measures[m].name, INT64_MAX);
            return -1;
        }
    /* every cell is at most its total, so nothing below can overflow */
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
