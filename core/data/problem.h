/* core/data/problem.h — problems found in an input, collected for
 * `jamvikt check` instead of stopping at the first (dataset.h,
 * jv_table_reader_open_checking).
 *
 * Contract:
 *  1. A problem has a severity, a stable code (JV_PROBLEM_* below: scripts
 *     may rely on these strings), the file, and where known the line, the
 *     column name, its 1-based field number and the offending value
 *     (valid UTF-8, cut after 60 characters); `message` is the sentence
 *     `jamvikt run` would print after "FILE:LINE: column 'x': ", and
 *     `hint` (may be NULL) the part of it that says what to do.
 *  2. A list keeps at most `limit` problems, in the order found, but counts
 *     every error and warning added: when the counts exceed what it holds,
 *     the report is partial.
 *  3. Adding costs nothing when no list is given: collectors test for NULL
 *     on their error paths only.
 * All strings in a problem are owned by it; a list owns its problems.
 */
#ifndef JV_DATA_PROBLEM_H
#define JV_DATA_PROBLEM_H

#include <glib.h>

/* Stable problem codes. */
#define JV_PROBLEM_MISSING_FILE "missing-file"           /* no such file */
#define JV_PROBLEM_UNREADABLE "unreadable-file"          /* folder, permissions, I/O */
#define JV_PROBLEM_EMPTY_FILE "empty-file"               /* no header line */
#define JV_PROBLEM_MISSING_COLUMN "missing-column"       /* a required role's column */
#define JV_PROBLEM_DUPLICATE_COLUMN "duplicate-column"   /* a header name twice */
#define JV_PROBLEM_WRONG_DELIMITER "wrong-delimiter"     /* the header is one column */
#define JV_PROBLEM_ENCODING "encoding"                   /* not UTF-8 / UTF-16 */
#define JV_PROBLEM_CSV_SYNTAX "csv-syntax"               /* quotes, NUL, too long */
#define JV_PROBLEM_FIELD_COUNT "field-count"             /* row ≠ header fields */
#define JV_PROBLEM_TYPE_ERROR "type-error"               /* not a number, yes/no, ... */
#define JV_PROBLEM_DECIMAL_COMMA "decimal-comma"         /* comma where '.' is expected */
#define JV_PROBLEM_OUT_OF_RANGE "out-of-range"           /* too large, negative, zero */
#define JV_PROBLEM_EMPTY_REQUIRED "empty-required"       /* empty cell, required role */
#define JV_PROBLEM_UNKNOWN_CODE "unknown-code"           /* not among the codes */
#define JV_PROBLEM_GENDER_CODES "gender-codes"           /* SCB 1/2 read (warning) */
#define JV_PROBLEM_ROUNDED "rounded"                     /* > 4 decimals (warning) */
#define JV_PROBLEM_SETTINGS "table-settings"             /* bad encoding/decimal/codes */
#define JV_PROBLEM_NOT_DATA "not-data"                   /* total, header or notes row */
#define JV_PROBLEM_EMPTY_GENDER "empty-gender"           /* rows read as unknown (warning) */
#define JV_PROBLEM_DASH_ZERO "dash-zero"                 /* '-' read as 0 (warning) */
#define JV_PROBLEM_ROW_RULE "row-rule"                   /* an indicator's rule on a row */
#define JV_PROBLEM_INDICATOR "indicator"                 /* an indicator stopped the run */
#define JV_PROBLEM_SKIPPED_INDICATOR "skipped-indicator" /* not computed (warning) */

/* How many problems `jamvikt check` lists per file. */
#define JV_PROBLEMS_PER_FILE 20

typedef enum { JV_SEVERITY_ERROR = 0, JV_SEVERITY_WARNING } jv_severity;

typedef struct jv_problem {
    jv_severity severity;
    const char *code; /* a JV_PROBLEM_* string (static) */
    char *file;
    guint64 line; /* 0: not about a line */
    char *column; /* column name, or NULL */
    int field;    /* 1-based field number, 0: unknown */
    char *value;  /* the offending text, or NULL */
    char *message;
    char *hint; /* or NULL */
} jv_problem;

typedef struct jv_problem_list jv_problem_list;

jv_problem_list *jv_problem_list_new(size_t limit);
void jv_problem_list_free(jv_problem_list *list);

/* Adds a problem; strings are copied, `message` and `hint` are taken
 * (g_free'd when the list is full). `value` (value_length bytes, -1:
 * NUL-terminated) may be NULL. Returns the problem, or NULL when the list
 * was full (it is still counted). */
jv_problem *jv_problem_list_add(jv_problem_list *list, jv_severity severity, const char *code,
                                const char *file, guint64 line, const char *column, int field,
                                const char *value, gssize value_length, char *message, char *hint);
/* Moves every problem of `from` to the end of `into` (as far as `into`'s
 * limit allows) and adds its counts; `from` is left empty. */
void jv_problem_list_take(jv_problem_list *into, jv_problem_list *from);

/* Orders the problems held by line, then field (stable: problems of one
 * cell keep the order they were found in). */
void jv_problem_list_sort(jv_problem_list *list);

/* The problems held (jv_problem*, borrowed). */
const GPtrArray *jv_problem_list_items(const jv_problem_list *list);
guint64 jv_problem_list_errors(const jv_problem_list *list);   /* all found */
guint64 jv_problem_list_warnings(const jv_problem_list *list); /* all found */
/* TRUE when more problems were found than the list holds. */
gboolean jv_problem_list_partial(const jv_problem_list *list);

/* "FILE:LINE: column 'x': message" (the parts there are). Newly allocated. */
char *jv_problem_text(const jv_problem *problem);

#endif /* JV_DATA_PROBLEM_H */
