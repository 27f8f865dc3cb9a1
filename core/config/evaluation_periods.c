/* core/config/evaluation_periods.c — the evaluation file's "periods" member
 * (DESIGN.md "Periods (year over year)"): {"column": "year"} with an
 * optional "values" list choosing the periods and their order. */
#include "config/evaluation_private.h"
#include "util/i18n.h"

#include <string.h>

static const char *const PERIOD_KEYS[] = {"column", "values", NULL};

static gboolean parse_values(jv_json_checker *checker, const cJSON *values, jv_evaluation *e)
{
    if (!cJSON_IsArray(values) || cJSON_GetArraySize(values) == 0)
        return jv_json_checker_expected(checker,
                                        _("a non-empty list of period "
                                          "values, such as [\"2016\", "
                                          "\"2017\"]"),
                                        values);
    e->period_values = g_ptr_array_new_with_free_func(g_free);
    const cJSON *item;
    size_t index = 0;
    cJSON_ArrayForEach(item, values) {
        size_t mark = jv_json_checker_enter_index(checker, index++);
        gboolean ok = TRUE;
        if (!cJSON_IsString(item))
            ok = jv_json_checker_expected(checker,
                                          _("a period as a string, "
                                            "such as \"2016\""),
                                          item);
        char *value = ok ? g_strstrip(g_strdup(item->valuestring)) : NULL;
        if (ok && value[0] == '\0')
            ok = jv_json_checker_fail(checker, _("a period value cannot be "
                                                 "empty"));
        for (guint k = 0; ok && k < e->period_values->len; k++)
            if (strcmp(g_ptr_array_index(e->period_values, k), value) == 0)
                ok = jv_json_checker_fail(checker,
                                          _("period '%s' is listed "
                                            "twice"),
                                          value);
        jv_json_checker_leave(checker, mark);
        if (!ok) {
            g_free(value);
            return FALSE;
        }
        g_ptr_array_add(e->period_values, value);
    }
    return TRUE;
}

gboolean jv_eval_periods_parse(jv_json_checker *checker, const cJSON *periods, jv_evaluation *e)
{
    if (!cJSON_IsObject(periods))
        return jv_json_checker_expected(checker,
                                        _("an object such as "
                                          "{\"column\": \"year\"}"),
                                        periods);
    const char *column;
    if (!jv_json_checker_known_keys(checker, periods, PERIOD_KEYS, NULL) ||
        !jv_json_checker_string(checker, periods, "column", TRUE, &column))
        return FALSE;
    if (e->regions_column != NULL && strcmp(e->regions_column, column) == 0)
        return jv_json_checker_fail(checker,
                                    _("column '%s' already splits the "
                                      "regions; periods need another "
                                      "column"),
                                    column);
    const cJSON *values = cJSON_GetObjectItemCaseSensitive(periods, "values");
    if (values != NULL) {
        size_t mark = jv_json_checker_enter_key(checker, "values");
        gboolean ok = parse_values(checker, values, e);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    e->periods_column = g_strdup(column);
    return TRUE;
}
