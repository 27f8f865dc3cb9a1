/* jamvikt/batch.h — what a plugin receives from the dataset: typed,
 * columnar batches of rows.
 *
 * Contract (numbered so tests and plugins can cite it):
 *  1. The core reads each table of a region once and hands every plugin
 *     batches of at most a few thousand rows. A batch holds one column per
 *     role the plugin declared for that table, in declaration order (the
 *     descriptor's static roles first, then those added with add_role).
 *  2. Every value is converted once, by the core, to the role's type:
 *       JV_TYPE_GENDER    codes[]   JV_WOMAN .. JV_UNKNOWN (never missing:
 *                                   an empty cell is JV_UNKNOWN)
 *       JV_TYPE_CATEGORY  codes[]   index into dict; the value is the
 *                                   trimmed cell text. A role declared with
 *                                   `codes` has dict == its canonical values
 *                                   in declaration order, so code i is the
 *                                   i-th canonical value in every batch.
 *       JV_TYPE_ID        ids[]     the trimmed cell text (not interned)
 *       JV_TYPE_NUMBER    numbers[] fixed point: the value × 10^4, exact
 *                                   (INDICATORS.md "Exact sums")
 *       JV_TYPE_INTEGER   numbers[] the value itself
 *       JV_TYPE_BOOLEAN   booleans[] 0 or 1
 *  3. missing[i] != 0 marks an empty cell of an optional role (an empty
 *     cell in a required role is a data error before the plugin sees it;
 *     a JV_ROLE_EMPTY_IS_VALUE category gets the code of "" instead).
 *     missing == NULL: nothing missing in this batch. present == 0: the
 *     file has no column for this optional role; every row is missing.
 *  4. All pointers are borrowed: valid only during the consume() call.
 *     A plugin copies what it keeps (e.g. person identifiers).
 *  5. Dictionaries only grow. All batches that reach one state come through
 *     one reader per table, so a code means the same value in every batch a
 *     state sees; a plugin may cache its translation of dict entries
 *     [0, size) and extend it when size grows (use dict->id to tell
 *     dictionaries apart).
 *  6. positions[i] increases in file order within a table (it is the byte
 *     offset of the row); compare positions only within one table. Use it
 *     for "first in file order" rules, so that merge() stays order-free.
 */
#ifndef JAMVIKT_BATCH_H
#define JAMVIKT_BATCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The value types a role can ask for. */
typedef enum jv_type {
    JV_TYPE_GENDER = 1, /* canonical gender code, see jv_gender */
    JV_TYPE_CATEGORY,   /* interned text */
    JV_TYPE_ID,         /* free text identifier, not interned */
    JV_TYPE_NUMBER,     /* decimal, fixed point × JV_FIXED_SCALE */
    JV_TYPE_INTEGER,    /* whole number */
    JV_TYPE_BOOLEAN     /* ja/nej, yes/no, true/false, 1/0 */
} jv_type;

/* Canonical gender categories (INDICATORS.md "Gender categories"), in the
 * order every result lists them. JV_TOTAL names a group's total where an
 * API takes a gender. */
typedef enum jv_gender {
    JV_WOMAN = 0,
    JV_MAN = 1,
    JV_NON_BINARY = 2,
    JV_MIXED = 3,
    JV_UNKNOWN = 4,
    JV_GENDERS = 5,
    JV_TOTAL = 5
} jv_gender;

/* Numbers are fixed point: 1 250 000,50 arrives as 12500005000. */
#define JV_FIXED_SCALE 10000

/* A piece of text: not NUL-terminated unless said otherwise. */
typedef struct jv_string {
    const char *data;
    uint32_t length;
} jv_string;

/* The values of a category column. values[i].data is NUL-terminated. */
typedef struct jv_dict {
    uint64_t id;             /* unique for the life of the process */
    uint32_t size;           /* codes run 0 .. size-1 */
    const jv_string *values; /* borrowed */
} jv_dict;

/* One role's column in a batch. */
typedef struct jv_column {
    const char *role;          /* the role's name */
    jv_type type;
    int present;               /* 0: no such column in the file */
    const uint8_t *missing;    /* NULL, or 1 per empty cell */
    const uint32_t *codes;     /* GENDER, CATEGORY */
    const jv_dict *dict;       /* CATEGORY, GENDER (canonical names) */
    const int64_t *numbers;    /* NUMBER (× JV_FIXED_SCALE), INTEGER */
    const uint8_t *booleans;   /* BOOLEAN */
    const jv_string *ids;      /* ID */
} jv_column;

/* A batch of rows of one table. */
typedef struct jv_batch {
    size_t table;              /* index into the plugin's jv_table_spec list */
    size_t n_rows;
    size_t n_columns;
    const jv_column *columns;  /* n_columns, in role order */
    const uint64_t *positions; /* n_rows, increasing in file order */
    const void *source;        /* the core's; used by row_error() */
} jv_batch;

#ifdef __cplusplus
}
#endif

#endif /* JAMVIKT_BATCH_H */
