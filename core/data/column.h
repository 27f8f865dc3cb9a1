/* core/data/column.h — one requested role while a table is read: which
 * field holds it, how its cells become typed values (batch.h rules 2 and
 * 3; INDICATORS.md gender codes and exact sums), and the arrays a rowset
 * shows for it.
 *
 * Contract:
 *  1. A cell is converted once, into slot `row` of the column's arrays
 *     (JV_ROWSET_CAPACITY slots, owned by the column).
 *  2. Codes are looked up once per distinct cell text: a per-column cache
 *     maps the text to its code, so a row costs one hash lookup.
 *  3. A category value first seen in a row enters its dictionary only when
 *     the whole row is accepted (jv_row_commit), so a skipped row leaves
 *     no value behind; so are rounding counts and the SCB flag.
 *  4. A failed conversion returns -1 and a message for the user without
 *     the "FILE:LINE: column 'x': " prefix, which the reader adds; it also
 *     leaves the problem's code (problem.h) in context->fail_code, so a
 *     checking reader can ask jv_role_column_hint() what to do.
 */
#ifndef JV_DATA_COLUMN_H
#define JV_DATA_COLUMN_H

#include <glib.h>
#include <jamvikt/batch.h>

#include "data/codes.h"
#include "data/dict.h"
#include "data/intern.h"
#include "data/table_source.h"

typedef enum {
    JV_CELL_GENDER,
    JV_CELL_CODED,    /* CATEGORY with a fixed list of values */
    JV_CELL_CATEGORY, /* CATEGORY: the trimmed text (or user-recoded) */
    JV_CELL_ID,
    JV_CELL_NUMBER,
    JV_CELL_INTEGER,
    JV_CELL_BOOLEAN
} jv_cell_kind;

typedef struct jv_role_column {
    jv_role_request request; /* strings owned */
    char *column_name;       /* the file's name for it (owned), or NULL */
    int field;               /* index in a record; -1: no such column */
    jv_cell_kind kind;
    jv_codes *codes;        /* GENDER, CODED; CATEGORY with user codes */
    jv_intern cache;        /* cell text → code, when codes != NULL */
    jv_category_dict *dict; /* CATEGORY, CODED (owned) */
    jv_column out;          /* what rowsets show */
    uint8_t *missing;
    uint32_t *codes_out;
    int64_t *numbers;
    uint8_t *booleans;
    jv_string *ids;       /* data holds an offset into the ID arena
                                 until the rowset is finished */
    gboolean any_missing; /* in the current rowset */
    /* The last category cell converted and its code: neighbouring rows
     * often repeat a value (a region, a gender), which then costs one
     * compare instead of a hash lookup. */
    char last_text[24];
    uint32_t last_length; /* 0: nothing cached */
    uint32_t last_code;
    guint64 rounded; /* values rounded to 4 decimals, rows kept
                                 (like empty and dashes: counted at commit) */
    guint64 empty;   /* GENDER: empty cells read as unknown, rows kept */
    guint64 dashes;  /* NUMBER, INTEGER: '-' or '–' read as 0, rows kept */
} jv_role_column;

/* A category value first seen in the current row. */
typedef struct jv_pending_value {
    jv_role_column *column;
    size_t row;
    const char *cell, *value; /* borrowed for the row */
    size_t cell_length, value_length;
    uint64_t cell_hash, value_hash;
} jv_pending_value;

/* What the cells of one row share. */
typedef struct jv_row_context {
    gboolean decimal_comma;
    GByteArray *ids; /* ID texts of the current rowset */
    guint ids_mark;  /* its length when the row began */
    gboolean scb;    /* the row read a default SCB code 1/2 */
    jv_pending_value *pending;
    jv_role_column **rounded; /* columns that rounded a value in the row */
    jv_role_column **noted;   /* columns with an empty gender or a dash zero */
    size_t n_pending, n_rounded, n_noted;
    /* the last failed conversion (set on failure only) */
    const char *fail_code; /* a JV_PROBLEM_* code */
    int fail_status;       /* its jv_convert_status, if any */
} jv_row_context;

/* Sets up role request `request` read from record field `field` (-1: the
 * file has no such column) named `column_name`. `user_codes` (code →
 * canonical, borrowed) may be NULL. `file` names the file in messages. */
int jv_role_column_init(jv_role_column *column, const jv_role_request *request, int field,
                        const char *column_name, GHashTable *user_codes, const char *file,
                        GError **error);
void jv_role_column_clear(jv_role_column *column);

/* Converts the trimmed UTF-8 (or not yet validated) cell of row `row`.
 * 0, or -1 with *message set (g_free it). */
int jv_role_column_convert(jv_role_column *column, jv_row_context *context, size_t row,
                           const char *text, size_t length, char **message);

/* Points column->out at the arrays for a rowset of n_rows rows whose ID
 * texts lie in `ids`; resets the per-rowset state. */
/* What to do about the cell (text, length) whose conversion just failed
 * with context->fail_code; NULL when there is nothing to add. Newly
 * allocated. */
char *jv_role_column_hint(const jv_role_column *column, const jv_row_context *context,
                          const char *text, size_t length);

void jv_role_column_finish_rowset(jv_role_column *column, size_t n_rows, const GByteArray *ids);

void jv_row_begin(jv_row_context *context);
/* The row is kept: pending values enter their dictionaries. */
void jv_row_commit(jv_row_context *context);
/* The row is left out: everything it started is undone. */
void jv_row_discard(jv_row_context *context);

#endif /* JV_DATA_COLUMN_H */
