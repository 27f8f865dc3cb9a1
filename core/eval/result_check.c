/* core/eval/result_check.c — validation of a result document (see
 * result_check.h). The result of each indicator is walked once; what a key
 * must hold is decided by its name (the vocabulary of INDICATORS.md
 * "Result shapes"), so custom indicators that use it are checked too. */
#include "eval/result_check.h"

#include <string.h>

#include "eval/doc_check.h"
#include "util/i18n.h"

static const char *const GENDERS[] = {"woman", "man", "non_binary", "mixed", "unknown", NULL};
static const char *const COUNT_KEYS[] = {
    "applications",      "granted",    "seats",        "persons_reached",
    "participations",    "goals",      "regions",      "regions_fulfilling",
    "arenas_classified", "population", "reached",      "met",
    "partly_met",        "not_met",    "not_reported", NULL};
static const char *const AMOUNT_KEYS[] = {"amount_granted", "amount_applied",   "hours",
                                          "mean_granted",   "hours_per_person", NULL};
static const char *const SHARE_KEYS[] = {"approval_rate",
                                         "share_met",
                                         "mean_fulfilment",
                                         "arenas_balanced_share",
                                         "share_regions_fulfilling",
                                         "fulfilment",
                                         NULL};
static const char *const BOOL_OR_NULL_KEYS[] = {"balance_certain", "fulfils", NULL};

static gboolean check_result_value(jv_json_checker *checker, const cJSON *value, void *data);

/* `small` <= `large` in `object` when both are counts. */
static gboolean at_most(jv_json_checker *checker, const cJSON *object, const char *small,
                        const char *large)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(object, small);
    const cJSON *b = cJSON_GetObjectItemCaseSensitive(object, large);
    if (a == NULL || b == NULL || cJSON_IsNull(a) || cJSON_IsNull(b))
        return TRUE;
    if (jv_doc_count_value(a) <= jv_doc_count_value(b))
        return TRUE;
    size_t mark = jv_json_checker_enter_key(checker, small);
    jv_json_checker_fail(checker, _("%s must be at most %s (INDICATORS.md)"), small, large);
    jv_json_checker_leave(checker, mark);
    return FALSE;
}

/* participation: each gender's chair seats at most its seats. */
static gboolean chairs_within_seats(jv_json_checker *checker, const cJSON *object)
{
    const cJSON *chairs = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(object, "chairs"), "by_gender");
    const cJSON *all = cJSON_GetObjectItemCaseSensitive(object, "by_gender");
    for (const char *const *g = GENDERS; chairs != NULL && all != NULL && *g != NULL; g++) {
        const cJSON *c =
            cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(chairs, *g), "seats");
        const cJSON *s =
            cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(all, *g), "seats");
        if (c == NULL || s == NULL || cJSON_IsNull(c) || cJSON_IsNull(s) ||
            jv_doc_count_value(c) <= jv_doc_count_value(s))
            continue;
        size_t mark = jv_json_checker_enter_key(checker, "chairs");
        size_t inner = jv_json_checker_enter_key(checker, "by_gender");
        jv_json_checker_enter_key(checker, *g);
        jv_json_checker_fail(checker, _("more chair seats than seats (INDICATORS.md)"));
        jv_json_checker_leave(checker, inner);
        jv_json_checker_leave(checker, mark);
        return FALSE;
    }
    return TRUE;
}

static gboolean check_women_share(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker, _("an object of women's shares"), value);
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        gboolean ok = jv_doc_check_share_or_null(checker, m, NULL);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

static gboolean check_by_gender(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker, _("an object with the five gender categories"),
                                        value);
    if (!jv_json_checker_known_keys(checker, value, GENDERS, NULL))
        return FALSE;
    for (const char *const *g = GENDERS; *g != NULL; g++) {
        const cJSON *cell = cJSON_GetObjectItemCaseSensitive(value, *g);
        if (cell == NULL)
            return jv_json_checker_fail(checker, _("missing required key '%s'"), *g);
        size_t mark = jv_json_checker_enter_key(checker, *g);
        gboolean ok = cJSON_IsObject(cell)
                          ? check_result_value(checker, cell, NULL)
                          : jv_json_checker_expected(checker, _("an object"), cell);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

static gboolean check_number_or_null(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsNull(value) || cJSON_IsNumber(value) ||
           jv_json_checker_expected(checker, _("a number or null"), value);
}

static gboolean check_unit(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const char *const units[] = {"share", "rate", "count", "amount", "difference", NULL};
    return cJSON_IsNull(value) || jv_doc_check_enum(checker, value, (void *)units);
}

static gboolean check_headline(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section headline[] = {{"metric", TRUE, jv_doc_check_string_or_null},
                                              {"label", TRUE, jv_doc_check_string_or_null},
                                              {"value", TRUE, check_number_or_null},
                                              {"unit", TRUE, check_unit},
                                              {"balance", TRUE, jv_doc_check_balance},
                                              {"balance_certain", TRUE, jv_doc_check_bool_or_null},
                                              {"ci", TRUE, jv_doc_check_interval},
                                              {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, headline, NULL);
}

static gboolean ends_with_ci(const char *key)
{
    size_t n = strlen(key);
    return strcmp(key, "ci") == 0 || (n > 3 && strcmp(key + n - 3, "_ci") == 0);
}

/* What the member `key` of a result object must hold. */
static jv_doc_check_fn check_for_key(const char *key)
{
    if (strcmp(key, "balance") == 0)
        return jv_doc_check_balance;
    if (strcmp(key, "suppressed") == 0)
        return jv_doc_check_bool;
    if (jv_json_key_in(key, BOOL_OR_NULL_KEYS))
        return jv_doc_check_bool_or_null;
    if (ends_with_ci(key))
        return jv_doc_check_interval;
    if (strcmp(key, "women_share") == 0)
        return check_women_share;
    if (strcmp(key, "by_gender") == 0)
        return check_by_gender;
    if (strcmp(key, "headline") == 0)
        return check_headline;
    if (jv_json_key_in(key, COUNT_KEYS))
        return jv_doc_check_digits_or_null;
    if (jv_json_key_in(key, AMOUNT_KEYS))
        return jv_doc_check_amount_or_null;
    if (jv_json_key_in(key, SHARE_KEYS))
        return jv_doc_check_share_or_null;
    return check_result_value;
}

static gboolean check_result_value(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (cJSON_IsArray(value))
        return jv_doc_check_each(checker, value, check_result_value, NULL);
    if (!cJSON_IsObject(value))
        return TRUE; /* strings are UTF-8 and numbers finite (doc_file.c) */
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        gboolean ok = check_for_key(m->string)(checker, m, NULL);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return at_most(checker, value, "granted", "applications") &&
           at_most(checker, value, "persons_reached", "participations") &&
           chairs_within_seats(checker, value);
}

static gboolean check_result(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker, _("an object"), value);
    if (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(value, "headline")))
        return jv_json_checker_fail(checker, _("missing required key 'headline'"));
    return check_result_value(checker, value, NULL);
}

static gboolean check_entry(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section entry[] = {{"status", TRUE, jv_doc_check_status},
                                           {"rows", FALSE, jv_doc_check_count_or_null},
                                           {"skipped_rows", FALSE, jv_doc_check_count_or_null},
                                           {"reason", FALSE, jv_doc_check_string},
                                           {"message", FALSE, jv_doc_check_string},
                                           {"result", FALSE, check_result},
                                           {NULL, FALSE, NULL}};
    if (!jv_doc_check_sections(checker, value, entry, NULL))
        return FALSE;
    const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(value, "status"));
    if (strcmp(status, "ok") == 0 && cJSON_GetObjectItemCaseSensitive(value, "result") == NULL)
        return jv_json_checker_fail(checker, _("missing required key 'result' (status is \"ok\")"));
    if (strcmp(status, "ok") != 0 && cJSON_GetObjectItemCaseSensitive(value, "result") != NULL)
        return jv_json_checker_fail(checker, _("a 'result' with a status other than \"ok\""));
    return TRUE;
}

static gboolean check_indicators(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker, _("an object of indicators"), value);
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        gboolean ok = check_entry(checker, m, NULL);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

/* --- periods and trend (DESIGN.md "Periods") --------------------------- */

static gboolean check_period(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section period[] = {{"value", TRUE, jv_doc_check_string},
                                            {"indicators", TRUE, check_indicators},
                                            {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, period, NULL);
}

static gboolean check_periods(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_period, NULL);
}

static gboolean check_trend_value(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section point[] = {{"period", TRUE, jv_doc_check_string},
                                           {"value", TRUE, check_number_or_null},
                                           {"ci", TRUE, jv_doc_check_interval},
                                           {"balance", TRUE, jv_doc_check_balance},
                                           {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, point, NULL);
}

static gboolean check_trend_values(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_trend_value, NULL);
}

static gboolean check_change(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section change[] = {{"from", TRUE, jv_doc_check_string},
                                            {"to", TRUE, jv_doc_check_string},
                                            {"value", TRUE, check_number_or_null},
                                            {"ci", TRUE, jv_doc_check_interval},
                                            {NULL, FALSE, NULL}};
    return cJSON_IsNull(value) || jv_doc_check_sections(checker, value, change, NULL);
}

static gboolean check_indicator_trend(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section trend[] = {{"metric", TRUE, jv_doc_check_string_or_null},
                                           {"unit", TRUE, check_unit},
                                           {"values", TRUE, check_trend_values},
                                           {"change", TRUE, check_change},
                                           {NULL, FALSE, NULL}};
    return cJSON_IsNull(value) || jv_doc_check_sections(checker, value, trend, NULL);
}

static gboolean check_trend(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker, _("an object of trends"), value);
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        gboolean ok = check_indicator_trend(checker, m, NULL);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

/* The sections of a scope (a region or the total). Add a section here
 * (and its check) when the result document gains one. */
static const jv_doc_section scope_sections[] = {{"name", TRUE, jv_doc_check_region_name},
                                                {"indicators", TRUE, check_indicators},
                                                {"periods", FALSE, check_periods},
                                                {"trend", FALSE, check_trend},
                                                {NULL, FALSE, NULL}};

static gboolean check_scope(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_sections(checker, value, scope_sections, NULL);
}

static gboolean check_regions(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_scope, NULL);
}

static gboolean check_schema(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (cJSON_IsNumber(value) && value->valuedouble == JV_RESULT_SCHEMA)
        return TRUE;
    return jv_json_checker_fail(checker,
                                _("result schema other than %d: this jamvikt reads "
                                  "schema %d"),
                                JV_RESULT_SCHEMA, JV_RESULT_SCHEMA);
}

static gboolean check_about(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section about[] = {{"version", TRUE, jv_doc_check_text},
                                           {"result_schema", TRUE, check_schema},
                                           {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, about, NULL);
}

/* An object whose members all pass `check`. */
static gboolean check_members(jv_json_checker *checker, const cJSON *value, jv_doc_check_fn check)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker, _("an object"), value);
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        gboolean ok = check(checker, m, NULL);
        jv_json_checker_leave(checker, mark);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

/* {"<key>": "<text>", …} */
static gboolean check_texts(jv_json_checker *checker, const cJSON *value, void *data)
{
    return check_members(checker, value, jv_doc_check_string);
}

/* {"<lang>": {"<key>": "<text>", …}, …} */
static gboolean check_labels(jv_json_checker *checker, const cJSON *value, void *data)
{
    return check_members(checker, value, check_texts);
}

static gboolean check_plugin(jv_json_checker *checker, const cJSON *value, void *data)
{
    /* a plugin's own titles, labels and units, by language, when it gives
     * them (the plugin descriptor's optional texts) */
    static const jv_doc_section plugin[] = {
        {"name", TRUE, jv_doc_check_name},    {"plugin", TRUE, jv_doc_check_name},
        {"version", TRUE, jv_doc_check_text}, {"params", TRUE, jv_doc_check_object},
        {"title", FALSE, check_texts},        {"labels", FALSE, check_labels},
        {"units", FALSE, check_texts},        {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, plugin, NULL);
}

static gboolean check_plugins(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_plugin, NULL);
}

static gboolean check_inputs(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_inputs(checker, value, (void *)"with region");
}

static gboolean check_evaluation(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section evaluation[] = {{"name", TRUE, jv_doc_check_string},
                                                {"options", TRUE, jv_doc_check_options},
                                                {"plugins", TRUE, check_plugins},
                                                {"inputs", TRUE, check_inputs},
                                                {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, evaluation, NULL);
}

static gboolean check_summary_row(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker, _("an object"), value);
    if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(value, "region")))
        return jv_json_checker_fail(checker, _("missing required key 'region' (a string)"));
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        if (strcmp(m->string, "region") == 0 || cJSON_IsNull(m) || cJSON_IsNumber(m))
            continue;
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        jv_json_checker_expected(checker, _("a number or null"), m);
        jv_json_checker_leave(checker, mark);
        return FALSE;
    }
    return TRUE;
}

static gboolean check_summary(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_summary_row, NULL);
}

/* The sections of a result document, in the order they are checked. */
static const jv_doc_section result_sections[] = {{"jamvikt", TRUE, check_about},
                                                 {"evaluation", TRUE, check_evaluation},
                                                 {"regions", TRUE, check_regions},
                                                 {"total", TRUE, check_scope},
                                                 {"summary", TRUE, check_summary},
                                                 {"warnings", TRUE, jv_doc_check_strings},
                                                 {NULL, FALSE, NULL}};

gboolean jv_result_check(const cJSON *doc, const char *file, GError **error)
{
    jv_json_checker checker;
    jv_json_checker_init(&checker, file, error);
    gboolean ok;
    if (!cJSON_IsObject(doc) || !cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(doc, "jamvikt")))
        ok = jv_json_checker_fail(&checker, _("not a jamvikt result document (write one with "
                                              "`jamvikt run -f json`)"));
    else
        ok = jv_doc_check_sections(&checker, doc, result_sections, NULL);
    jv_json_checker_clear(&checker);
    return ok;
}
