/* core/config/evaluation.h — the evaluation file (DESIGN.md "Evaluation
 * file"), parsed and checked into plain structs.
 *
 * Contract:
 *  1. Every key is known or rejected: "FILE: tables.funding.delimter:
 *     unknown key 'delimter' — did you mean 'delimiter'?" (a JSON path
 *     into the document; did-you-mean by edit distance).
 *  2. Malformed JSON is reported with line and column.
 *  3. Defaults are resolved here (options, table file names); paths are
 *     resolved relative to the evaluation file's folder.
 *  4. Plugin params are kept as JSON (cJSON, owned) and checked later
 *     against each plugin's schema by the run.
 */
#ifndef JV_CONFIG_EVALUATION_H
#define JV_CONFIG_EVALUATION_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "data/dataset.h"

#define JV_EVAL_ERROR (jv_eval_error_quark())
GQuark jv_eval_error_quark(void);
typedef enum { JV_EVAL_ERROR_IO, JV_EVAL_ERROR_SYNTAX, JV_EVAL_ERROR_INVALID } jv_eval_error_code;

/* Which fields of a jv_table_settings were written (for overrides). */
enum {
    JV_SET_FILE = 1 << 0,
    JV_SET_COLUMNS = 1 << 1,
    JV_SET_CODES = 1 << 2,
    JV_SET_DELIMITER = 1 << 3,
    JV_SET_DECIMAL = 1 << 4,
    JV_SET_ENCODING = 1 << 5,
    JV_SET_ON_ERROR = 1 << 6,
    JV_SET_SHEET = 1 << 7,
    JV_SET_HEADER_ROW = 1 << 8
};

typedef struct jv_table_settings {
    unsigned set;        /* JV_SET_* of the fields given */
    char *file;          /* as written; NULL: "<table>.csv" */
    GHashTable *columns; /* role → column name (owned strings) */
    GHashTable *codes;   /* role → GHashTable(code → canonical) */
    char delimiter;      /* 0: detect */
    char decimal;        /* 0: auto */
    char *encoding;      /* NULL: utf-8 */
    jv_on_error on_error;
    char *sheet;         /* .xlsx: sheet name or 1-based index; NULL: found */
    unsigned header_row; /* .xlsx: the header's row; 0: found */
} jv_table_settings;

typedef struct jv_region_def {
    char *name;
    char *dir;          /* resolved: absolute, or relative to the cwd */
    GHashTable *tables; /* table name → jv_table_settings* (overrides) */
} jv_region_def;

typedef struct jv_indicator_def {
    char *name; /* default: the plugin's name */
    char *plugin;
    cJSON *params;   /* owned; an object (empty when not given) */
    char *json_path; /* "indicators[2]", for messages */
} jv_indicator_def;

typedef struct jv_eval_options {
    int64_t min_cell;     /* default 5 */
    double balance_low;   /* default 0.40 */
    double balance_high;  /* default 0.60 */
    double confidence;    /* default 0.95 */
    gboolean hash_inputs; /* default FALSE */
} jv_eval_options;

typedef struct jv_evaluation {
    char *path; /* as given */
    char *dir;  /* folder of the file */
    char *name; /* default: the file's base name */
    jv_eval_options options;
    GHashTable *tables;       /* table name → jv_table_settings* (defaults) */
    GPtrArray *regions;       /* jv_region_def*, in file order */
    char *regions_column;     /* "regions": {"column": ...}, else NULL */
    char *regions_dir;        /* resolved "regions": {"dir": ...} */
    GPtrArray *indicators;    /* jv_indicator_def*, in file order */
    char *periods_column;     /* "periods": {"column": ...}, else NULL */
    GPtrArray *period_values; /* "periods": {"values": [...]} (owned
                                 char*), NULL: every value found */
} jv_evaluation;

jv_evaluation *jv_evaluation_load(const char *path, GError **error);
/* Parse text as if read from `path` (used by load and by the fuzzer). */
jv_evaluation *jv_evaluation_parse(const char *text, size_t length, const char *path,
                                   GError **error);
void jv_evaluation_free(jv_evaluation *evaluation);

/* The settings of `table` for `region` (region NULL: the column-split
 * national tables): the evaluation's defaults overlaid with the region's
 * overrides, field by field. *path receives the resolved file path
 * (owned by the caller). The result is owned by the caller:
 * jv_table_settings_free(). */
jv_table_settings *jv_evaluation_table(const jv_evaluation *evaluation, const jv_region_def *region,
                                       const char *table, char **path);
void jv_table_settings_free(jv_table_settings *settings);

#endif /* JV_CONFIG_EVALUATION_H */
