/* core/config/evaluation.c — reads an evaluation file (DESIGN.md
 * "Evaluation file") into the structs of evaluation.h.
 *
 * Contract (evaluation.h): the text is checked as strict JSON first
 * (json_syntax.c: line, column and the likely mistake), then no object may
 * repeat a key, then every key is known (did-you-mean) and every value has
 * the right type and range. Defaults are resolved here and paths made
 * relative to the evaluation file's folder, so the run never re-reads the
 * JSON except for plugin params. Any input gives a result or one GError;
 * nothing is left allocated on failure.
 */
#include "evaluation_private.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "config/json_syntax.h"
#include "util/i18n.h"

#define MAX_FILE_BYTES (16u << 20) /* no evaluation file is larger */
#define MAX_MIN_CELL 1e15          /* beyond this min_cell is a typo */
#define STRING_INPUT "<string>"    /* how messages name a text without path */

static const char *const ROOT_KEYS[] = {"name",       "options", "tables", "regions",
                                        "indicators", "periods", NULL};
static const char *const OPTION_KEYS[] = {"min_cell", "balance", "confidence", "hash_inputs", NULL};

GQuark jv_eval_error_quark(void) { return g_quark_from_static_string("jv-eval-error-quark"); }

/* ---- where misplaced keys belong ---------------------------------------- */

static const char *root_key_elsewhere(const char *key)
{
    if (jv_json_key_in(key, OPTION_KEYS))
        return "options go inside \"options\"";
    if (jv_json_key_in(key, jv_eval_table_keys))
        return "table settings go inside \"tables\": {\"<table>\": {...}}";
    if (strcmp(key, "plugins") == 0)
        return "the indicators to compute are listed in \"indicators\"";
    return NULL;
}

/* ---- options ------------------------------------------------------------- */

static gboolean is_number(const cJSON *value)
{
    return cJSON_IsNumber(value) && isfinite(value->valuedouble);
}

static gboolean parse_options(jv_json_checker *checker, const cJSON *options, jv_eval_options *out)
{
    if (!cJSON_IsObject(options))
        return jv_json_checker_expected(checker,
                                        _("an object of options, such "
                                          "as {\"min_cell\": 5}"),
                                        options);
    if (!jv_json_checker_known_keys(checker, options, OPTION_KEYS, NULL))
        return FALSE;
    const cJSON *value;
    gboolean ok = TRUE;
    size_t mark;
    if ((value = cJSON_GetObjectItemCaseSensitive(options, "min_cell"))) {
        mark = jv_json_checker_enter_key(checker, "min_cell");
        double v = value->valuedouble;
        if (is_number(value) && v >= 0 && v <= MAX_MIN_CELL && floor(v) == v)
            out->min_cell = (int64_t)v;
        else
            ok = jv_json_checker_expected(checker, _("a whole number >= 0"), value);
        jv_json_checker_leave(checker, mark);
    }
    if (ok && (value = cJSON_GetObjectItemCaseSensitive(options, "balance"))) {
        mark = jv_json_checker_enter_key(checker, "balance");
        const cJSON *low = cJSON_GetArrayItem(value, 0);
        const cJSON *high = cJSON_GetArrayItem(value, 1);
        if (cJSON_IsArray(value) && cJSON_GetArraySize(value) == 2 && is_number(low) &&
            is_number(high) && low->valuedouble >= 0 && low->valuedouble <= high->valuedouble &&
            high->valuedouble <= 1) {
            out->balance_low = low->valuedouble;
            out->balance_high = high->valuedouble;
        } else {
            ok = jv_json_checker_expected(checker,
                                          _("[low, high] with 0 <= low "
                                            "<= high <= 1, such as "
                                            "[0.40, 0.60]"),
                                          value);
        }
        jv_json_checker_leave(checker, mark);
    }
    if (ok && (value = cJSON_GetObjectItemCaseSensitive(options, "confidence"))) {
        mark = jv_json_checker_enter_key(checker, "confidence");
        if (is_number(value) && value->valuedouble > 0 && value->valuedouble < 1)
            out->confidence = value->valuedouble;
        else
            ok = jv_json_checker_expected(checker,
                                          _("a number between 0 and 1 "
                                            "(exclusive), such as 0.95"),
                                          value);
        jv_json_checker_leave(checker, mark);
    }
    if (ok && (value = cJSON_GetObjectItemCaseSensitive(options, "hash_inputs"))) {
        mark = jv_json_checker_enter_key(checker, "hash_inputs");
        if (cJSON_IsBool(value))
            out->hash_inputs = cJSON_IsTrue(value);
        else
            ok = jv_json_checker_expected(checker, _("true or false"), value);
        jv_json_checker_leave(checker, mark);
    }
    return ok;
}

gboolean jv_eval_options_check(jv_json_checker *checker, const cJSON *options, jv_eval_options *out)
{
    return parse_options(checker, options, out);
}

/* ---- the whole file ------------------------------------------------------ */

/* Runs `parse` on the member `key` of the root at path `key`; a missing
 * member is an error when `required`. */
static gboolean parse_member(jv_json_checker *checker, const cJSON *root, const char *key,
                             gboolean required,
                             gboolean (*parse)(jv_json_checker *, const cJSON *, jv_evaluation *),
                             jv_evaluation *e)
{
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(root, key);
    if (value == NULL)
        return required ? jv_json_checker_fail(checker,
                                               _("missing required key "
                                                 "'%s'"),
                                               key)
                        : TRUE;
    size_t mark = jv_json_checker_enter_key(checker, key);
    gboolean ok = parse(checker, value, e);
    jv_json_checker_leave(checker, mark);
    return ok;
}

static gboolean parse_options_member(jv_json_checker *checker, const cJSON *value, jv_evaluation *e)
{
    return parse_options(checker, value, &e->options);
}

static gboolean parse_tables_member(jv_json_checker *checker, const cJSON *value, jv_evaluation *e)
{
    GHashTable *tables = jv_eval_tables_parse(checker, value);
    if (tables == NULL)
        return FALSE;
    g_hash_table_unref(e->tables);
    e->tables = tables;
    return TRUE;
}

static gboolean parse_name_member(jv_json_checker *checker, const cJSON *value, jv_evaluation *e)
{
    if (!cJSON_IsString(value) || value->valuestring[0] == '\0')
        return jv_json_checker_expected(checker, _("a non-empty string"), value);
    g_free(e->name);
    e->name = g_strdup(value->valuestring);
    return TRUE;
}

static gboolean parse_root(jv_json_checker *checker, const cJSON *root, jv_evaluation *e)
{
    if (!cJSON_IsObject(root))
        return jv_json_checker_expected(checker,
                                        _("a JSON object ({...}) at the "
                                          "top level"),
                                        root);
    return jv_json_checker_unique_keys(checker, root) &&
           jv_json_checker_known_keys(checker, root, ROOT_KEYS, root_key_elsewhere) &&
           parse_member(checker, root, "name", FALSE, parse_name_member, e) &&
           parse_member(checker, root, "options", FALSE, parse_options_member, e) &&
           parse_member(checker, root, "tables", FALSE, parse_tables_member, e) &&
           parse_member(checker, root, "regions", TRUE, jv_eval_regions_parse, e) &&
           parse_member(checker, root, "indicators", TRUE, jv_eval_indicators_parse, e) &&
           parse_member(checker, root, "periods", FALSE, jv_eval_periods_parse, e);
}

/* The default name: the file's base name without ".json". */
static char *default_name(const char *path)
{
    char *base = g_path_get_basename(path);
    size_t n = strlen(base);
    if (n > 5 && g_ascii_strcasecmp(base + n - 5, ".json") == 0)
        base[n - 5] = '\0';
    return base;
}

static jv_evaluation *evaluation_new(const char *path)
{
    jv_evaluation *e = g_new0(jv_evaluation, 1);
    e->path = g_strdup(path != NULL ? path : STRING_INPUT);
    e->dir = path != NULL ? g_path_get_dirname(path) : g_strdup(".");
    e->name = path != NULL ? default_name(path) : g_strdup("evaluation");
    e->options.min_cell = 5;
    e->options.balance_low = 0.40;
    e->options.balance_high = 0.60;
    e->options.confidence = 0.95;
    e->options.hash_inputs = FALSE;
    e->tables = jv_eval_tables_new();
    e->regions = g_ptr_array_new_with_free_func((GDestroyNotify)jv_eval_region_free);
    e->indicators = g_ptr_array_new_with_free_func((GDestroyNotify)jv_eval_indicator_free);
    return e;
}

void jv_evaluation_free(jv_evaluation *e)
{
    if (e == NULL)
        return;
    g_free(e->path);
    g_free(e->dir);
    g_free(e->name);
    if (e->tables != NULL)
        g_hash_table_unref(e->tables);
    if (e->regions != NULL)
        g_ptr_array_unref(e->regions);
    g_free(e->regions_column);
    g_free(e->regions_dir);
    g_free(e->periods_column);
    if (e->period_values != NULL)
        g_ptr_array_unref(e->period_values);
    if (e->indicators != NULL)
        g_ptr_array_unref(e->indicators);
    g_free(e);
}

static gboolean is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

jv_evaluation *jv_evaluation_parse(const char *text, size_t length, const char *path,
                                   GError **error)
{
    g_return_val_if_fail(text != NULL || length == 0, NULL);
    const char *file = path != NULL ? path : STRING_INPUT;
    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3; /* a UTF-8 byte-order mark, as Windows editors write */
        length -= 3;
    }
    size_t start = 0;
    while (start < length && is_json_space(text[start]))
        start++;
    if (start == length) {
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                    _("%s: the file is empty (an evaluation file is a JSON "
                      "object)"),
                    file);
        return NULL;
    }
    size_t offset;
    char *why;
    if (!jv_json_syntax_check(text, length, &offset, &why)) {
        unsigned line, column;
        jv_json_syntax_position(text, offset, &line, &column);
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_SYNTAX, _("%s:%u:%u: invalid JSON: %s"),
                    file, line, column, why);
        g_free(why);
        return NULL;
    }
    cJSON *root = cJSON_ParseWithLength(text, length);
    if (root == NULL) {
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_SYNTAX,
                    _("%s: invalid JSON: the parser could not read it (out of "
                      "memory?)"),
                    file);
        return NULL;
    }
    jv_evaluation *e = evaluation_new(path);
    jv_json_checker checker;
    jv_json_checker_init(&checker, file, error);
    gboolean ok = parse_root(&checker, root, e);
    jv_json_checker_clear(&checker);
    cJSON_Delete(root);
    if (!ok) {
        jv_evaluation_free(e);
        return NULL;
    }
    return e;
}

/* The whole file, or FALSE with an IO error naming the path. */
static gboolean read_file(const char *path, char **text, size_t *length, GError **error)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int saved = errno;
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                    _("%s: cannot open the evaluation file: %s"), path, g_strerror(saved));
        return FALSE;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                    _("%s: is a folder, not an evaluation file"), path);
        return FALSE;
    }
    GString *buffer = g_string_new(NULL);
    char chunk[8192];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buffer->len + got > MAX_FILE_BYTES)
            break;
        g_string_append_len(buffer, chunk, (gssize)got);
    }
    gboolean too_large = got > 0;
    int failed = ferror(f) ? errno : 0;
    fclose(f);
    if (too_large || failed) {
        if (too_large)
            g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                        _("%s: too large for an evaluation file (over %u MiB)"), path,
                        MAX_FILE_BYTES >> 20);
        else
            g_set_error(error, JV_EVAL_ERROR, JV_EVAL_ERROR_IO,
                        _("%s: cannot read the evaluation file: %s"), path, g_strerror(failed));
        g_string_free(buffer, TRUE);
        return FALSE;
    }
    *length = buffer->len;
    *text = g_string_free(buffer, FALSE);
    return TRUE;
}

jv_evaluation *jv_evaluation_load(const char *path, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    char *text;
    size_t length;
    if (!read_file(path, &text, &length, error))
        return NULL;
    jv_evaluation *e = jv_evaluation_parse(text, length, path, error);
    g_free(text);
    return e;
}

jv_table_settings *jv_evaluation_table(const jv_evaluation *evaluation, const jv_region_def *region,
                                       const char *table, char **path)
{
    g_return_val_if_fail(evaluation != NULL && table != NULL, NULL);
    const jv_table_settings *defaults = g_hash_table_lookup(evaluation->tables, table);
    const jv_table_settings *overrides = region != NULL && region->tables != NULL
                                             ? g_hash_table_lookup(region->tables, table)
                                             : NULL;
    jv_table_settings *settings = jv_table_settings_overlay(defaults, overrides, table);
    if (path != NULL) {
        const char *base = region != NULL                    ? region->dir
                           : evaluation->regions_dir != NULL ? evaluation->regions_dir
                                                             : evaluation->dir;
        *path = jv_eval_resolve_path(base, settings->file);
    }
    return settings;
}
