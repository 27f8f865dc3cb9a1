/* jamvikt/tally.h — SDK 1.1: counting helpers the host offers plugins
 * (jv_host fields after node_is_null; check JV_HOST_HAS(host, tally_new)).
 *
 *  - A gender tally: per gender category, a fixed list of int64 measures
 *    (counts, and sums of fixed-point amounts), for the whole scope (the
 *    main split) and for every value of each breakdown column. Merge, pool,
 *    save, load and the disclosure cells are built in, so a plugin that only
 *    counts and sums writes no save/load code and no counter arithmetic.
 *  - A string map: text → dense index, with a batch dictionary translation.
 *  - A value list: int64 values with exact order statistics (a median).
 *
 * Rules (numbered so docs/plugin-guide.md can cite them):
 *  1. Objects are opaque and owned by the caller, who frees them with their
 *     *_free function (usually in destroy()). They are not thread-safe; a
 *     state is only ever used by one thread at a time anyway.
 *  2. Every value added is >= 0, and no measure's total over the scope may
 *     pass INT64_MAX: both are checked (a row error on the measure's column,
 *     or host->error), so every cell, sum and total stays exact.
 *  3. Breakdown values are listed in UTF-8 byte order (memcmp, shorter
 *     first on a tie), the order results and saved states use. Only values
 *     of counted rows are listed: a value seen only in a skipped row, or
 *     only in the dictionary, is not.
 *  4. Merge (= pool) is exact addition: associative and commutative, so a
 *     result does not depend on chunks, threads or region order.
 *  5. Disclosure keys: JV_MAIN_GROUP for the main split and
 *     "by/<breakdown>/<value>" for a breakdown value ('%', '/' and NUL in
 *     the name or value written %25, %2F, %00). Each group's protected
 *     counts are the measures flagged JV_MEASURE_PROTECTED, in measure
 *     order (the first ranks groups in rule 3); each breakdown is one family
 *     with margin JV_MAIN_GROUP.
 *  6. Pointers returned (cells, values, keys) are borrowed from the object
 *     and valid until it next changes (add, merge) or is freed.
 *  7. The saved state (tally_save; tally_load reads it back and accepts
 *     only what counting could have made):
 *       {"measures": ["rows", "granted", ...],
 *        "split": [[m0, m1, ...] × 5 genders in jv_gender order],
 *        "breakdowns": [{"name": "sector",
 *                        "values": [{"value": "A", "split": [...]}, ...]}]}
 *     values in rule 3's order, integers exact past 2^53 (put_integer). A
 *     JSON string holds no NUL byte, so a value with one (which no CSV or
 *     workbook cell can hold) would be saved up to its first NUL.
 *  8. An overlapping breakdown (named in spec->overlapping) has values that
 *     need not partition the scope: an item may count in several of its
 *     values or in none (a person reached in two target groups). Only
 *     tally_add_value counts into it (tally_add and tally_add_keys leave it
 *     alone, so its column must be -1); every cell is checked against
 *     INT64_MAX on its own. tally_load checks it like any breakdown except
 *     that its values need not add up to the main split, and tally_declare
 *     declares a group per value but no family: indicators.md's secondary
 *     suppression works on families whose members add up to their margin.
 *     A plugin whose indicator lists a family over such groups declares it
 *     itself, with the keys tally_key gives.
 */
#ifndef JAMVIKT_TALLY_H
#define JAMVIKT_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include <jamvikt/batch.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jv_tally jv_tally;   /* a gender tally */
typedef struct jv_map jv_map;       /* a string map */
typedef struct jv_values jv_values; /* a value list */

/* tally_cells(), tally_suppressed(): the main split instead of a
 * breakdown. */
#define JV_TALLY_MAIN ((size_t)-1)
/* map_find(): no such key. */
#define JV_NOT_FOUND ((size_t)-1)

/* jv_measure.flags: a count disclosure control protects (rows, persons,
 * seats: indicators.md "Disclosure control"). */
#define JV_MEASURE_PROTECTED 1u

/* One measure of a tally. Frozen within ABI major 1. */
typedef struct jv_measure {
    const char *name;    /* [a-z][a-z0-9_]*: the saved-state key */
    int column;          /* the batch column a row error about this measure
                            names (negative value, sum overflow); -1: the
                            gender column */
    unsigned flags;      /* JV_MEASURE_PROTECTED */
    const char *at_most; /* NULL, or a measure this one never exceeds in a
                            cell (granted <= applications): load() checks it */
} jv_measure;

/* What a tally counts. Frozen within ABI major 1; the tally keeps the
 * pointer, so the spec (and its measures) must outlive it: make it static. */
typedef struct jv_tally_spec {
    const jv_measure *measures;
    size_t n_measures;   /* 1 .. 16 */
    size_t table;        /* tally_add() reads batches of this table only */
    int gender_column;   /* the JV_TYPE_GENDER column of those batches */
    /* Appended within 1.1: NULL, or a NULL-terminated list of the names of
     * the breakdowns that overlap (rule 8). */
    const char *const *overlapping;
} jv_tally_spec;

#ifdef __cplusplus
}
#endif

#endif /* JAMVIKT_TALLY_H */
