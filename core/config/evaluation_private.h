/* core/config/evaluation_private.h — what evaluation.c and
 * evaluation_table.c share inside libjveval_file; not for other modules
 * (they use evaluation.h).
 */
#ifndef JV_CONFIG_EVALUATION_PRIVATE_H
#define JV_CONFIG_EVALUATION_PRIVATE_H

#include "config/evaluation.h"
#include "config/json_check.h"

/* The keys of a table's settings ("file", "columns", ...), NULL-ended. */
extern const char *const jv_eval_table_keys[];

/* `relative` resolved against `base` without touching the file system:
 * absolute paths are kept, "." as base or as relative adds nothing, so
 * messages show the path as the user wrote it (owned, g_free). */
char *jv_eval_resolve_path(const char *base, const char *relative);

/* "regions" (a list, or {"column", "dir"}) and "indicators", at the
 * checker's current path, into `e`; FALSE with the checker's error set. */
gboolean jv_eval_regions_parse(jv_json_checker *checker, const cJSON *regions, jv_evaluation *e);
gboolean jv_eval_indicators_parse(jv_json_checker *checker, const cJSON *indicators,
                                  jv_evaluation *e);
/* "periods" ({"column", "values"}) into `e` (evaluation_periods.c). */
gboolean jv_eval_periods_parse(jv_json_checker *checker, const cJSON *periods, jv_evaluation *e);
void jv_eval_region_free(jv_region_def *region);
void jv_eval_indicator_free(jv_indicator_def *indicator);

/* "options" at the checker's current path, checked exactly as an
 * evaluation file's (types and ranges), into `out` (fields not given are
 * left as they are). Also used for the options saved in states and result
 * documents (core/eval/doc_check.c). */
gboolean jv_eval_options_check(jv_json_checker *checker, const cJSON *options,
                               jv_eval_options *out);

/* Table, plugin and indicator names: [a-z][a-z0-9_]*. */
gboolean jv_eval_is_name(const char *text);

/* An empty map table name → jv_table_settings* (owned by the map). */
GHashTable *jv_eval_tables_new(void);

/* Parses a "tables" object (top level or a region's overrides) at the
 * checker's current path into a new map (owned by the caller), or NULL
 * with the checker's error set. */
GHashTable *jv_eval_tables_parse(jv_json_checker *checker, const cJSON *tables);

/* `defaults` overlaid with `overrides` field by field (either may be
 * NULL); `file` is filled in with "<table>.csv" when neither sets it.
 * The column and code maps are shared by reference (never modified after
 * parsing). Owned by the caller: jv_table_settings_free(). */
jv_table_settings *jv_table_settings_overlay(const jv_table_settings *defaults,
                                             const jv_table_settings *overrides, const char *table);

#endif /* JV_CONFIG_EVALUATION_PRIVATE_H */
