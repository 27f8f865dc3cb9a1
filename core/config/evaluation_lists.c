/* core/config/evaluation_lists.c — the "regions" and "indicators" of an
 * evaluation file: region entries (or regions from a column) with their
 * folders resolved and their table overrides, and indicator entries with
 * their names defaulted and their params kept as JSON.
 *
 * Contract (evaluation.h): region names are non-empty, unique (after NFC
 * normalisation) and not "total"; indicator and plugin names are
 * [a-z][a-z0-9_]*, indicator names unique; a duplicate names both places.
 * "$comment" is dropped from params, as from every object.
 */
#include "evaluation_private.h"
#include "util/i18n.h"

#include <string.h>

#define TOTAL_NAME "total" /* the result's pooled region */

static const char *const REGION_KEYS[] = {"name", "dir", "tables", NULL};
static const char *const COLUMN_REGIONS_KEYS[] = {"column", "dir", NULL};
static const char *const INDICATOR_KEYS[] = {"plugin", "name", "params", NULL};

static const char *region_key_elsewhere(const char *key)
{
    if (jv_json_key_in(key, jv_eval_table_keys))
        return "a region's table settings go inside its \"tables\": "
               "{\"<table>\": {...}}";
    return NULL;
}

static const char *column_regions_key_elsewhere(const char *key)
{
    if (strcmp(key, "tables") == 0)
        return "with regions from a column, table settings go in the "
               "top-level \"tables\"";
    return NULL;
}

static const char *indicator_key_elsewhere(const char *key)
{
    (void)key;
    return "plugin parameters go inside \"params\"";
}

/* Fails at the current path about a name outside [a-z][a-z0-9_]*, with
 * the fixed spelling when lower-casing and '-' → '_' give one. */
static gboolean fail_name(jv_json_checker *checker, const char *what, const char *name)
{
    char *shown = jv_json_printable(name);
    char *fixed = g_ascii_strdown(name, -1);
    g_strdelimit(fixed, "- ", '_');
    if (jv_eval_is_name(fixed))
        jv_json_checker_fail(checker,
                             _("invalid %s name '%s' — did you mean "
                               "'%s'?"),
                             what, shown, fixed);
    else
        jv_json_checker_fail(checker,
                             _("invalid %s name '%s' (%s names are "
                               "lower-case letters, digits and '_', "
                               "starting with a letter)"),
                             what, shown, what);
    g_free(fixed);
    g_free(shown);
    return FALSE;
}

/* ---- regions ------------------------------------------------------------- */

void jv_eval_region_free(jv_region_def *region)
{
    if (region == NULL)
        return;
    g_free(region->name);
    g_free(region->dir);
    if (region->tables != NULL)
        g_hash_table_unref(region->tables);
    g_free(region);
}

/* One entry of the "regions" list, or NULL. */
static jv_region_def *parse_region(jv_json_checker *checker, const cJSON *entry,
                                   const char *base_dir)
{
    if (!cJSON_IsObject(entry)) {
        jv_json_checker_expected(checker,
                                 _("a region such as {\"name\": "
                                   "\"Örebro\", \"dir\": \"data/orebro\"}"),
                                 entry);
        return NULL;
    }
    const char *name, *dir;
    if (!jv_json_checker_known_keys(checker, entry, REGION_KEYS, region_key_elsewhere) ||
        !jv_json_checker_string(checker, entry, "name", TRUE, &name) ||
        !jv_json_checker_string(checker, entry, "dir", TRUE, &dir))
        return NULL;
    if (strcmp(name, TOTAL_NAME) == 0) {
        size_t mark = jv_json_checker_enter_key(checker, "name");
        jv_json_checker_fail(checker,
                             _("'%s' is reserved for the pooled total "
                               "of all regions"),
                             TOTAL_NAME);
        jv_json_checker_leave(checker, mark);
        return NULL;
    }
    GHashTable *tables;
    const cJSON *overrides = cJSON_GetObjectItemCaseSensitive(entry, "tables");
    if (overrides != NULL) {
        size_t mark = jv_json_checker_enter_key(checker, "tables");
        tables = jv_eval_tables_parse(checker, overrides);
        if (tables == NULL)
            return NULL;
        jv_json_checker_leave(checker, mark);
    } else {
        tables = jv_eval_tables_new();
    }
    jv_region_def *region = g_new0(jv_region_def, 1);
    region->name = g_strdup(name);
    region->dir = jv_eval_resolve_path(base_dir, dir);
    region->tables = tables;
    return region;
}

/* Region names compare after NFC normalisation: "Örebro" typed two ways
 * is one region. */
static char *region_key(const char *name)
{
    char *key = g_utf8_normalize(name, -1, G_NORMALIZE_NFC);
    return key != NULL ? key : g_strdup(name);
}

static gboolean parse_region_list(jv_json_checker *checker, const cJSON *list, jv_evaluation *e)
{
    if (cJSON_GetArraySize(list) == 0)
        return jv_json_checker_fail(checker, _("expected at least one region"));
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gboolean ok = TRUE;
    size_t index = 0;
    for (const cJSON *entry = list->child; entry != NULL && ok; entry = entry->next, index++) {
        size_t mark = jv_json_checker_enter_index(checker, index);
        jv_region_def *region = parse_region(checker, entry, e->dir);
        if (region == NULL) {
            ok = FALSE;
            break;
        }
        g_ptr_array_add(e->regions, region);
        char *key = region_key(region->name);
        gpointer earlier;
        if (g_hash_table_lookup_extended(seen, key, NULL, &earlier)) {
            size_t name_mark = jv_json_checker_enter_key(checker, "name");
            char *shown = jv_json_printable(region->name);
            ok = jv_json_checker_fail(checker,
                                      _("duplicate region name '%s' "
                                        "(also regions[%zu].name)"),
                                      shown, GPOINTER_TO_SIZE(earlier));
            g_free(shown);
            g_free(key);
            jv_json_checker_leave(checker, name_mark);
        } else {
            g_hash_table_insert(seen, key, GSIZE_TO_POINTER(index));
        }
        jv_json_checker_leave(checker, mark);
    }
    g_hash_table_destroy(seen);
    return ok;
}

static gboolean parse_column_regions(jv_json_checker *checker, const cJSON *object,
                                     jv_evaluation *e)
{
    const char *column, *dir;
    if (!jv_json_checker_known_keys(checker, object, COLUMN_REGIONS_KEYS,
                                    column_regions_key_elsewhere) ||
        !jv_json_checker_string(checker, object, "column", TRUE, &column) ||
        !jv_json_checker_string(checker, object, "dir", FALSE, &dir))
        return FALSE;
    e->regions_column = g_strdup(column);
    e->regions_dir = jv_eval_resolve_path(e->dir, dir != NULL ? dir : ".");
    return TRUE;
}

gboolean jv_eval_regions_parse(jv_json_checker *checker, const cJSON *regions, jv_evaluation *e)
{
    if (cJSON_IsArray(regions))
        return parse_region_list(checker, regions, e);
    if (cJSON_IsObject(regions))
        return parse_column_regions(checker, regions, e);
    return jv_json_checker_expected(checker,
                                    _("a list of regions, or "
                                      "{\"column\": ..., \"dir\": ...}"),
                                    regions);
}

/* ---- indicators ---------------------------------------------------------- */

void jv_eval_indicator_free(jv_indicator_def *indicator)
{
    if (indicator == NULL)
        return;
    g_free(indicator->name);
    g_free(indicator->plugin);
    cJSON_Delete(indicator->params);
    g_free(indicator->json_path);
    g_free(indicator);
}

/* A copy of the params object without "$comment" members (owned). */
static cJSON *copy_params(const cJSON *params)
{
    cJSON *copy = params != NULL ? cJSON_Duplicate(params, 1) : cJSON_CreateObject();
    if (copy != NULL)
        cJSON_DeleteItemFromObjectCaseSensitive(copy, JV_JSON_COMMENT);
    return copy;
}

static jv_indicator_def *parse_indicator(jv_json_checker *checker, const cJSON *entry)
{
    if (!cJSON_IsObject(entry)) {
        jv_json_checker_expected(checker,
                                 _("an indicator such as {\"plugin\": "
                                   "\"funding_share\"}"),
                                 entry);
        return NULL;
    }
    const char *plugin, *name;
    if (!jv_json_checker_known_keys(checker, entry, INDICATOR_KEYS, indicator_key_elsewhere) ||
        !jv_json_checker_string(checker, entry, "plugin", TRUE, &plugin) ||
        !jv_json_checker_string(checker, entry, "name", FALSE, &name))
        return NULL;
    const char *bad_what = NULL, *bad_key = NULL, *bad_name = NULL;
    if (!jv_eval_is_name(plugin))
        bad_what = "plugin", bad_key = "plugin", bad_name = plugin;
    else if (name != NULL && !jv_eval_is_name(name))
        bad_what = "indicator", bad_key = "name", bad_name = name;
    if (bad_what != NULL) {
        size_t mark = jv_json_checker_enter_key(checker, bad_key);
        fail_name(checker, bad_what, bad_name);
        jv_json_checker_leave(checker, mark);
        return NULL;
    }
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(entry, "params");
    if (params != NULL && !cJSON_IsObject(params)) {
        size_t mark = jv_json_checker_enter_key(checker, "params");
        jv_json_checker_expected(checker,
                                 _("an object of parameters, such as "
                                   "{\"by\": [\"sector\"]}"),
                                 params);
        jv_json_checker_leave(checker, mark);
        return NULL;
    }
    cJSON *copy = copy_params(params);
    if (copy == NULL) {
        jv_json_checker_fail(checker, _("out of memory"));
        return NULL;
    }
    jv_indicator_def *indicator = g_new0(jv_indicator_def, 1);
    indicator->plugin = g_strdup(plugin);
    indicator->name = g_strdup(name != NULL ? name : plugin);
    indicator->params = copy;
    indicator->json_path = g_strdup(checker->path->str);
    return indicator;
}

gboolean jv_eval_indicators_parse(jv_json_checker *checker, const cJSON *indicators,
                                  jv_evaluation *e)
{
    if (!cJSON_IsArray(indicators))
        return jv_json_checker_expected(checker,
                                        _("a list of indicators, such as "
                                          "[{\"plugin\": "
                                          "\"funding_share\"}]"),
                                        indicators);
    if (cJSON_GetArraySize(indicators) == 0)
        return jv_json_checker_fail(checker, _("expected at least one indicator"));
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    gboolean ok = TRUE;
    size_t index = 0;
    for (const cJSON *entry = indicators->child; entry != NULL; entry = entry->next, index++) {
        size_t mark = jv_json_checker_enter_index(checker, index);
        jv_indicator_def *indicator = parse_indicator(checker, entry);
        if (indicator == NULL) {
            ok = FALSE;
            break;
        }
        g_ptr_array_add(e->indicators, indicator);
        gpointer earlier;
        if (g_hash_table_lookup_extended(seen, indicator->name, NULL, &earlier)) {
            gboolean named = cJSON_HasObjectItem(entry, "name");
            size_t name_mark =
                named ? jv_json_checker_enter_key(checker, "name") : checker->path->len;
            ok = jv_json_checker_fail(checker,
                                      _("duplicate indicator name '%s' "
                                        "(also indicators[%zu]); give "
                                        "one of them another \"name\""),
                                      indicator->name, GPOINTER_TO_SIZE(earlier));
            jv_json_checker_leave(checker, name_mark);
            jv_json_checker_leave(checker, mark);
            break;
        }
        g_hash_table_insert(seen, indicator->name, GSIZE_TO_POINTER(index));
        jv_json_checker_leave(checker, mark);
    }
    g_hash_table_destroy(seen);
    return ok;
}
