/* core/eval/doc_check.c — value checks shared by the readers of saved
 * states and result documents (see doc_check.h). */
#include "eval/doc_check.h"

#include <math.h>
#include <string.h>

#include "config/evaluation_private.h"
#include "util/i18n.h"

#define EXACT_LIMIT 9007199254740992.0 /* 2^53: larger counts are written as digits */

gboolean jv_doc_check_sections(jv_json_checker *checker, const cJSON *object,
                               const jv_doc_section *sections, void *data)
{
    if (!cJSON_IsObject(object))
        return jv_json_checker_expected(checker, _("an object"), object);
    GPtrArray *known = g_ptr_array_new();
    for (const jv_doc_section *s = sections; s->key != NULL; s++)
        g_ptr_array_add(known, (gpointer)s->key);
    g_ptr_array_add(known, NULL);
    gboolean ok =
        jv_json_checker_known_keys(checker, object, (const char *const *)known->pdata, NULL);
    g_ptr_array_unref(known);
    for (const jv_doc_section *s = sections; ok && s->key != NULL; s++) {
        const cJSON *value = cJSON_GetObjectItemCaseSensitive(object, s->key);
        if (value == NULL) {
            if (s->required)
                ok = jv_json_checker_fail(checker, _("missing required key '%s'"), s->key);
            continue;
        }
        size_t mark = jv_json_checker_enter_key(checker, s->key);
        ok = s->check(checker, value, data);
        jv_json_checker_leave(checker, mark);
    }
    return ok;
}

gboolean jv_doc_check_each(jv_json_checker *checker, const cJSON *array, jv_doc_check_fn check,
                           void *data)
{
    if (!cJSON_IsArray(array))
        return jv_json_checker_expected(checker, _("a list"), array);
    size_t index = 0;
    for (const cJSON *e = array->child; e != NULL; e = e->next, index++) {
        size_t mark = jv_json_checker_enter_index(checker, index);
        gboolean ok = check(checker, e, data);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

static gboolean is_count(const cJSON *value)
{
    double v = cJSON_IsNumber(value) ? value->valuedouble : -1;
    return v >= 0 && v <= EXACT_LIMIT && floor(v) == v;
}

static gboolean is_digits(const cJSON *value)
{
    if (!cJSON_IsString(value))
        return FALSE;
    size_t n = strlen(value->valuestring);
    if (n == 0 || n > 19)
        return FALSE;
    for (size_t i = 0; i < n; i++)
        if (!g_ascii_isdigit(value->valuestring[i]))
            return FALSE;
    return g_ascii_strtoull(value->valuestring, NULL, 10) <= (guint64)G_MAXINT64;
}

gboolean jv_doc_check_count(jv_json_checker *checker, const cJSON *value, void *data)
{
    return is_count(value) || jv_json_checker_expected(checker, _("a whole number >= 0"), value);
}

gboolean jv_doc_check_count_or_null(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsNull(value) || is_count(value) ||
           jv_json_checker_expected(checker, _("a whole number >= 0 or null"), value);
}

gboolean jv_doc_check_digits_or_null(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsNull(value) || is_count(value) || is_digits(value) ||
           jv_json_checker_expected(checker, _("a whole number >= 0 or null"), value);
}

guint64 jv_doc_count_value(const cJSON *value)
{
    if (cJSON_IsNumber(value))
        return (guint64)value->valuedouble;
    if (cJSON_IsString(value))
        return g_ascii_strtoull(value->valuestring, NULL, 10);
    return 0;
}

gboolean jv_doc_check_amount_or_null(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsNull(value) || (cJSON_IsNumber(value) && value->valuedouble >= 0) ||
           jv_json_checker_expected(checker, _("a number >= 0 or null"), value);
}

gboolean jv_doc_check_share_or_null(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsNull(value) ||
           (cJSON_IsNumber(value) && value->valuedouble >= 0 && value->valuedouble <= 1) ||
           jv_json_checker_expected(checker, _("a share between 0 and 1, or null"), value);
}

gboolean jv_doc_check_interval(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (cJSON_IsNull(value))
        return TRUE;
    const cJSON *low = cJSON_GetArrayItem(value, 0), *high = cJSON_GetArrayItem(value, 1);
    if (cJSON_IsArray(value) && cJSON_GetArraySize(value) == 2 && cJSON_IsNumber(low) &&
        cJSON_IsNumber(high) && low->valuedouble <= high->valuedouble)
        return TRUE;
    return jv_json_checker_expected(checker, _("an interval [lower, upper] or null"), value);
}

gboolean jv_doc_check_bool(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsBool(value) || jv_json_checker_expected(checker, _("true or false"), value);
}

gboolean jv_doc_check_bool_or_null(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsBool(value) || cJSON_IsNull(value) ||
           jv_json_checker_expected(checker, _("true, false or null"), value);
}

gboolean jv_doc_check_string(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsString(value) || jv_json_checker_expected(checker, _("a string"), value);
}

gboolean jv_doc_check_text(jv_json_checker *checker, const cJSON *value, void *data)
{
    return (cJSON_IsString(value) && value->valuestring[0] != '\0') ||
           jv_json_checker_expected(checker, _("a non-empty string"), value);
}

gboolean jv_doc_check_string_or_null(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsString(value) || cJSON_IsNull(value) ||
           jv_json_checker_expected(checker, _("a string or null"), value);
}

gboolean jv_doc_check_strings(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, jv_doc_check_string, NULL);
}

gboolean jv_doc_check_name(jv_json_checker *checker, const cJSON *value, void *data)
{
    return (cJSON_IsString(value) && jv_eval_is_name(value->valuestring)) ||
           jv_json_checker_expected(checker, _("a name of lowercase letters, digits and _"), value);
}

gboolean jv_doc_check_region_name(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!cJSON_IsString(value))
        return jv_json_checker_expected(checker, _("a region name"), value);
    char *trimmed = g_strstrip(g_strdup(value->valuestring));
    gboolean ok = trimmed[0] != '\0';
    g_free(trimmed);
    return ok || jv_json_checker_expected(checker, _("a region name (not empty)"), value);
}

gboolean jv_doc_check_object(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsObject(value) || jv_json_checker_expected(checker, _("an object"), value);
}

static gboolean check_one_of(jv_json_checker *checker, const cJSON *value, const char *const *names,
                             gboolean allow_null)
{
    if (allow_null && cJSON_IsNull(value))
        return TRUE;
    if (cJSON_IsString(value) && jv_json_key_in(value->valuestring, names))
        return TRUE;
    GString *expected = g_string_new("one of ");
    for (const char *const *n = names; *n != NULL; n++)
        g_string_append_printf(expected, "%s\"%s\"", n == names ? "" : ", ", *n);
    if (allow_null)
        g_string_append(expected, " or null");
    jv_json_checker_expected(checker, expected->str, value);
    g_string_free(expected, TRUE);
    return FALSE;
}

gboolean jv_doc_check_enum(jv_json_checker *checker, const cJSON *value, void *data)
{
    return check_one_of(checker, value, data, FALSE);
}

gboolean jv_doc_check_balance(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const char *const classes[] = {"balanced", "men_dominated", "women_dominated", "no_data",
                                          NULL};
    return check_one_of(checker, value, classes, TRUE);
}

gboolean jv_doc_check_status(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const char *const statuses[] = {"ok", "skipped", "error", NULL};
    return check_one_of(checker, value, statuses, FALSE);
}

gboolean jv_doc_check_options(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const char *const required[] = {"min_cell", "balance", "confidence", "hash_inputs"};
    jv_eval_options options;
    memset(&options, 0, sizeof options);
    if (!jv_eval_options_check(checker, value, &options))
        return FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(required); i++)
        if (cJSON_GetObjectItemCaseSensitive(value, required[i]) == NULL)
            return jv_json_checker_fail(checker, _("missing required key '%s'"), required[i]);
    return TRUE;
}

gboolean jv_doc_check_sha256(jv_json_checker *checker, const cJSON *value, void *data)
{
    gboolean ok = cJSON_IsString(value) && strlen(value->valuestring) == 64;
    for (size_t i = 0; ok && i < 64; i++)
        ok = g_ascii_isdigit(value->valuestring[i]) ||
             (value->valuestring[i] >= 'a' && value->valuestring[i] <= 'f');
    return ok || jv_json_checker_expected(checker, _("a SHA-256 (64 hexadecimal digits)"), value);
}

static gboolean check_input(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section with_region[] = {{"region", FALSE, jv_doc_check_string_or_null},
                                                 {"table", TRUE, jv_doc_check_name},
                                                 {"file", TRUE, jv_doc_check_text},
                                                 {"bytes", TRUE, jv_doc_check_count},
                                                 {"sha256", FALSE, jv_doc_check_sha256},
                                                 {NULL, FALSE, NULL}};
    /* a saved state's inputs are its region's: no "region" key */
    return jv_doc_check_sections(checker, value, data != NULL ? with_region : with_region + 1,
                                 NULL);
}

gboolean jv_doc_check_inputs(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_input, data);
}
