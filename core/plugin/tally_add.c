/* core/plugin/tally_add.c — counting into a gender tally: tally_add (a
 * batch), tally_add_keys (one item) and tally_add_value (one item into a
 * value of an overlapping breakdown, tally.h rule 8).
 *
 * tally_add is batch-level. Each breakdown column's dictionary is
 * translated through a per-dictionary cache (code → value index, or
 * TALLY_NOT_YET until a counted row first uses the code: tally.h rule 3).
 * Rule 2 is checked on the per-measure scope totals only — every cell is
 * at most its measure's total, and every value is >= 0 — and for a whole
 * batch at once when it can be: one pass finds each measure's batch sum
 * and the bits any value sets; when no value is negative, the sum cannot
 * have wrapped and fits under INT64_MAX - total, every row is counted by
 * tight loops with the measure count a constant (the fast path). Otherwise
 * the batch goes row by row and a bad row becomes a row error (the slow
 * path). Neither allocates per row. */
#include "plugin/tally_impl.h"
#include "plugin/tally_private.h"

#include <glib.h>
#include <inttypes.h>
#include <string.h>

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 8
#define UNROLL _Pragma("GCC unroll 8")
#else
#define UNROLL
#endif

/* --- the fast path's loops, written once and instantiated per measure
 * count (nm a constant lets the compiler unroll the measure loops) --- */

/* Per measure: the bits any counted value sets, and the sum (exact when
 * no value is negative and bits + log2(rows) < 63). 1 if a gender code is
 * out of range. */
static ALWAYS_INLINE int scan_rows(const int64_t *restrict values, const uint32_t *restrict genders,
                                   const uint8_t *restrict skip, size_t n, const size_t nm,
                                   uint64_t *restrict bits, uint64_t *restrict sums)
{
    uint32_t bad_gender = 0;
    uint64_t b[TALLY_MAX_MEASURES] = {0}, t[TALLY_MAX_MEASURES] = {0};
    for (size_t i = 0; i < n; i++) {
        if (skip != NULL && skip[i])
            continue;
        bad_gender |= genders[i] >= JV_GENDERS;
        UNROLL
        for (size_t m = 0; m < nm; m++) {
            uint64_t v = (uint64_t)values[i * nm + m];
            b[m] |= v;
            t[m] += v;
        }
    }
    for (size_t m = 0; m < nm; m++) {
        bits[m] = b[m];
        sums[m] = t[m];
    }
    return bad_gender != 0;
}

static ALWAYS_INLINE void add_rows(int64_t *restrict cells, size_t stride,
                                   const uint32_t *restrict index, const uint32_t *restrict genders,
                                   const int64_t *restrict values, const uint8_t *restrict skip,
                                   size_t n, const size_t nm)
{
    for (size_t i = 0; i < n; i++) {
        if (skip != NULL && skip[i])
            continue;
        int64_t *cell = cells + (index ? index[i] * stride : 0) + genders[i] * nm;
        UNROLL
        for (size_t m = 0; m < nm; m++)
            cell[m] += values[i * nm + m];
    }
}

#define KERNELS(NM)                                                                                \
    static int scan_##NM(const int64_t *v, const uint32_t *g, const uint8_t *s, size_t n,          \
                         uint64_t *bits, uint64_t *sums)                                           \
    {                                                                                              \
        return scan_rows(v, g, s, n, NM, bits, sums);                                              \
    }                                                                                              \
    static void add_##NM(int64_t *c, size_t stride, const uint32_t *x, const uint32_t *g,          \
                         const int64_t *v, const uint8_t *s, size_t n)                             \
    {                                                                                              \
        add_rows(c, stride, x, g, v, s, n, NM);                                                    \
    }
KERNELS(1)
KERNELS(2)
KERNELS(3)
KERNELS(4)
KERNELS(5)
KERNELS(6)

typedef struct kernels {
    int (*scan)(const int64_t *, const uint32_t *, const uint8_t *, size_t, uint64_t *, uint64_t *);
    void (*add)(int64_t *, size_t, const uint32_t *, const uint32_t *, const int64_t *,
                const uint8_t *, size_t);
} kernels;

static const kernels by_measures[] = {
    {NULL, NULL},    {scan_1, add_1}, {scan_2, add_2}, {scan_3, add_3},
    {scan_4, add_4}, {scan_5, add_5}, {scan_6, add_6},
};

/* --- breakdown values of a batch --- */

/* Readies breakdown b's translation for `column`; 0 or -1 after error. */
static int prepare_column(jv_ctx *ctx, jv_tally *tally, tally_breakdown *b, const jv_column *column)
{
    if (!column->present)
        return 0;
    if (column->type != JV_TYPE_CATEGORY || column->codes == NULL || column->dict == NULL) {
        tally->host->error(ctx,
                           "tally: breakdown '%s' reads column %d ('%s'), which is not "
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

/* Fills b->rows with the value index of every counted row; 0, or -1
 * after error (a code outside the dictionary). */
static int index_rows(jv_ctx *ctx, jv_tally *tally, tally_breakdown *b, const jv_column *column,
                      const uint8_t *skip, size_t n)
{
    if (n > b->rows_capacity) {
        b->rows_capacity = MAX(n, 2 * b->rows_capacity);
        b->rows = g_renew(uint32_t, b->rows, b->rows_capacity);
    }
    uint32_t *rows = b->rows;
    if (column == NULL || !column->present || column->missing != NULL) {
        for (size_t i = 0; i < n; i++)
            if (skip == NULL || !skip[i])
                rows[i] = row_index(tally, b, column, i);
    } else {
        const uint32_t *codes = column->codes, *cache = b->codes;
        const size_t n_codes = b->n_codes;
        for (size_t i = 0; i < n; i++) {
            if (skip != NULL && skip[i])
                continue;
            uint32_t code = codes[i];
            uint32_t index = code < n_codes ? cache[code] : TALLY_NOT_YET;
            rows[i] = index != TALLY_NOT_YET ? index : row_index(tally, b, column, i);
        }
    }
    for (size_t i = 0; i < n; i++)
        if ((skip == NULL || !skip[i]) && rows[i] == TALLY_NOT_YET) {
            tally->host->error(ctx, "tally: category code %u of breakdown '%s' out of range",
                               (unsigned)column->codes[i], b->name);
            return -1;
        }
    return 0;
}

/* --- the slow path: row by row --- */

static size_t measure_column(const jv_tally *tally, size_t m)
{
    int column = tally->spec->measures[m].column;
    return (size_t)(column >= 0 ? column : tally->spec->gender_column);
}

/* Checks a row's values against rule 2: -1 when the row is fine, else the
 * measure at fault (*overflow tells which rule). */
static int bad_measure(const jv_tally *tally, const int64_t *v, int *overflow)
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

static void add_row(jv_tally *tally, int g, const uint32_t *index, const int64_t *v)
{
    const size_t nm = tally->n_measures;
    int64_t *main = tally->main + (size_t)g * nm;
    for (size_t m = 0; m < nm; m++) {
        tally->totals[m] += v[m];
        main[m] += v[m];
    }
    for (size_t k = 0; k < tally->n_breakdowns; k++) {
        if (tally->by[k].overlapping)
            continue;
        int64_t *cell = tally->by[k].cells + index[k] * tally->stride + (size_t)g * nm;
        for (size_t m = 0; m < nm; m++)
            cell[m] += v[m];
    }
}

static int add_slowly(jv_ctx *ctx, jv_tally *tally, const jv_batch *batch,
                      const jv_column *const *by_column, const int64_t *values, const uint8_t *skip)
{
    const jv_host *host = tally->host;
    const jv_tally_spec *spec = tally->spec;
    const uint32_t *genders = batch->columns[spec->gender_column].codes;
    const size_t nm = tally->n_measures;
    uint32_t indices[64] = {0};
    uint32_t *index = tally->n_breakdowns <= G_N_ELEMENTS(indices)
                          ? indices
                          : g_new(uint32_t, tally->n_breakdowns);
    int status = 0;
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
                overflow
                    ? host->row_error(ctx, batch, i, measure_column(tally, (size_t)m),
                                      "the sum of %s passes %" PRId64 " (the largest exact sum)",
                                      name, INT64_MAX)
                    : host->row_error(ctx, batch, i, measure_column(tally, (size_t)m),
                                      "%s may not be negative (%" PRId64 ")", name, v[m]);
            if (!skipped)
                status = -1;
            continue;
        }
        for (size_t k = 0; k < tally->n_breakdowns; k++) {
            if (tally->by[k].overlapping)
                continue;
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
    if (index != indices)
        g_free(index);
    return status;
}

/* --- the fast path --- */

static unsigned bit_length(uint64_t x)
{
    unsigned n = 0;
    while (x != 0) {
        n++;
        x >>= 1;
    }
    return n;
}

/* Counts the whole batch when rule 2 holds for all of it: 1 done, 0 the
 * batch needs the slow path, -1 after error. */
static int add_quickly(jv_ctx *ctx, jv_tally *tally, const jv_batch *batch,
                       const jv_column *const *by_column, const int64_t *values,
                       const uint8_t *skip)
{
    const size_t nm = tally->n_measures, n = batch->n_rows;
    if (nm >= G_N_ELEMENTS(by_measures))
        return 0;
    const kernels *kernel = &by_measures[nm];
    const uint32_t *genders = batch->columns[tally->spec->gender_column].codes;
    uint64_t bits[TALLY_MAX_MEASURES], sums[TALLY_MAX_MEASURES];
    if (kernel->scan(values, genders, skip, n, bits, sums) != 0)
        return 0;
    unsigned row_bits = bit_length(n);
    for (size_t m = 0; m < nm; m++)
        if ((bits[m] >> 63) != 0 || bit_length(bits[m]) + row_bits > 62 ||
            (int64_t)sums[m] > INT64_MAX - tally->totals[m])
            return 0;
    for (size_t k = 0; k < tally->n_breakdowns; k++)
        if (!tally->by[k].overlapping &&
            index_rows(ctx, tally, &tally->by[k], by_column[k], skip, n) != 0)
            return -1;
    for (size_t m = 0; m < nm; m++)
        tally->totals[m] += (int64_t)sums[m];
    kernel->add(tally->main, 0, NULL, genders, values, skip, n);
    for (size_t k = 0; k < tally->n_breakdowns; k++)
        if (!tally->by[k].overlapping)
            kernel->add(tally->by[k].cells, tally->stride, tally->by[k].rows, genders, values, skip,
                        n);
    return 1;
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
        host->error(ctx, "tally: spec.gender_column %zu is not a gender column of table %zu", gc,
                    spec->table);
        return -1;
    }
    const jv_column *columns[64];
    const jv_column **by_column = tally->n_breakdowns <= G_N_ELEMENTS(columns)
                                      ? columns
                                      : g_new(const jv_column *, tally->n_breakdowns);
    int status = 0;
    for (size_t k = 0; k < tally->n_breakdowns && status == 0; k++) {
        tally_breakdown *b = &tally->by[k];
        by_column[k] = NULL;
        if (b->column < 0)
            continue;
        if ((size_t)b->column >= batch->n_columns) {
            host->error(ctx, "tally: breakdown '%s' reads column %d; the batch has %zu", b->name,
                        b->column, batch->n_columns);
            status = -1;
        } else {
            by_column[k] = &batch->columns[b->column];
            status = prepare_column(ctx, tally, b, by_column[k]);
        }
    }
    if (status == 0) {
        status = add_quickly(ctx, tally, batch, by_column, values, skip);
        status = status == 0 ? add_slowly(ctx, tally, batch, by_column, values, skip)
                             : (status > 0 ? 0 : -1);
    }
    if (by_column != columns)
        g_free(by_column);
    return status;
}

/* The checks of one item: a gender in range and rule 2 for `values`.
 * Into the main split (tally_add_keys: `value_cells` NULL) no sum may
 * pass INT64_MAX in the scope's totals; into a value of an overlapping
 * breakdown (tally_add_value) no sum may pass it in that value's cell of
 * the gender (tally.h rule 8; `value_cells` the value's cells, or
 * `zeros` for a new value). 0, or -1 after host->error(). */
static int check_item(jv_ctx *ctx, const jv_tally *tally, int gender, const int64_t *values,
                      const int64_t *value_cells)
{
    const jv_host *host = tally->host;
    if (gender < 0 || gender >= JV_GENDERS) {
        host->error(ctx, "tally: gender %d out of range", gender);
        return -1;
    }
    if (value_cells != NULL) {
        for (size_t m = 0; m < tally->n_measures; m++)
            if (values[m] < 0) {
                host->error(ctx, "tally: %s may not be negative (%" PRId64 ")",
                            tally->spec->measures[m].name, values[m]);
                return -1;
            }
        return jv_tally_check_sum(ctx, tally, value_cells + (size_t)gender * tally->n_measures,
                                  values, tally->n_measures);
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
    return 0;
}

int jv_tally_add_value(jv_ctx *ctx, jv_tally *tally, size_t k, const char *value, int gender,
                       const int64_t *values)
{
    static const int64_t zeros[JV_GENDERS * TALLY_MAX_MEASURES];
    if (k >= tally->n_breakdowns || !tally->by[k].overlapping || value == NULL) {
        tally->host->error(ctx, "tally: add_value needs a value of an overlapping breakdown");
        return -1;
    }
    tally_breakdown *b = &tally->by[k];
    size_t found = jv_map_find(b->values, value, strlen(value));
    if (check_item(ctx, tally, gender, values,
                   found != JV_NOT_FOUND ? b->cells + found * tally->stride : zeros) != 0)
        return -1;
    uint32_t index = jv_tally_intern(tally, b, value, strlen(value));
    int64_t *cell = b->cells + index * tally->stride + (size_t)gender * tally->n_measures;
    for (size_t m = 0; m < tally->n_measures; m++)
        cell[m] += values[m];
    return 0;
}

int jv_tally_add_keys(jv_ctx *ctx, jv_tally *tally, const char *const *keys, int gender,
                      const int64_t *values)
{
    size_t counted = 0; /* breakdowns that take a key */
    for (size_t k = 0; k < tally->n_breakdowns; k++)
        counted += !tally->by[k].overlapping;
    if (counted > 0 && keys == NULL) {
        tally->host->error(ctx, "tally: add_keys needs %zu keys", tally->n_breakdowns);
        return -1;
    }
    if (check_item(ctx, tally, gender, values, NULL) != 0)
        return -1;
    uint32_t indices[64] = {0};
    uint32_t *index = tally->n_breakdowns <= G_N_ELEMENTS(indices)
                          ? indices
                          : g_new(uint32_t, tally->n_breakdowns);
    for (size_t k = 0; k < tally->n_breakdowns; k++) {
        if (tally->by[k].overlapping)
            continue;
        const char *key = keys[k] ? keys[k] : "";
        index[k] = jv_tally_intern(tally, &tally->by[k], key, strlen(key));
    }
    add_row(tally, gender, index, values);
    if (index != indices)
        g_free(index);
    return 0;
}
