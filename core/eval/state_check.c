/* core/eval/state_check.c — validation of a saved region state (see
 * state_check.h). The shape checked is the one state_file.c writes:
 *
 *   { "jamvikt_state": 1, "jamvikt": {"version", "abi"},
 *     "evaluation": {"name", "options": {…every option…}},
 *     "region": "…", "inputs": [{table, file, bytes, sha256?}],
 *     "warnings": […], "evaluation_warnings": […],
 *     "indicators": [{name, plugin, version, params, status, reason?,
 *                     rows?, skipped_rows?, state?}] }
 *
 * With periods (DESIGN.md "Periods"), also "periods": {column, values,
 * listed} and, per indicator evaluated per period, "base" (a state) and
 * "periods": [{value, rows, skipped_rows, state}].
 *
 * An indicator whose status is "ok" has rows, skipped_rows and state; one
 * that is "skipped" or "error" has a reason and none of the three. */
#include "eval/state_check.h"

#include "eval/doc_check.h"
#include "util/i18n.h"

#include <string.h>

static gboolean check_format(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (cJSON_IsNumber(value) && value->valuedouble == JV_STATE_FORMAT)
        return TRUE;
    return jv_json_checker_fail(checker,
                                _("saved-state format %s, this jamvikt reads format %d: save the "
                                  "states again with this version"),
                                cJSON_IsNumber(value) ? "other than 1" : "missing",
                                JV_STATE_FORMAT);
}

static gboolean check_about(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section about[] = {{"version", TRUE, jv_doc_check_text},
                                           {"abi", TRUE, jv_doc_check_text},
                                           {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, about, NULL);
}

static gboolean check_evaluation(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section evaluation[] = {{"name", TRUE, jv_doc_check_string},
                                                {"options", TRUE, jv_doc_check_options},
                                                {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, evaluation, NULL);
}

/* --- periods (DESIGN.md "Periods"; written by period_state.c) ----------- */

static gboolean check_periods_header(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section header[] = {{"column", TRUE, jv_doc_check_text},
                                            {"values", TRUE, jv_doc_check_strings},
                                            {"listed", TRUE, jv_doc_check_bool},
                                            {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, header, NULL);
}

static gboolean check_period_part(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section part[] = {{"value", TRUE, jv_doc_check_string},
                                          {"rows", TRUE, jv_doc_check_count},
                                          {"skipped_rows", TRUE, jv_doc_check_count},
                                          {"state", TRUE, jv_doc_check_object},
                                          {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, part, NULL);
}

static gboolean check_period_parts(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_period_part, NULL);
}

/* A region's name as the evaluation file allows it: not empty, not the
 * name of the pooled total. */
static gboolean check_region(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (!jv_doc_check_region_name(checker, value, NULL))
        return FALSE;
    char *trimmed = g_strstrip(g_strdup(value->valuestring));
    gboolean total = strcmp(trimmed, "total") == 0;
    g_free(trimmed);
    return !total || jv_json_checker_fail(checker, _("'total' is reserved for the pooled total "
                                                     "of all regions"));
}

/* --- indicators -------------------------------------------------------- */

static gboolean check_indicator(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section indicator[] = {
        {"name", TRUE, jv_doc_check_name},      {"plugin", TRUE, jv_doc_check_name},
        {"version", TRUE, jv_doc_check_text},   {"params", TRUE, jv_doc_check_object},
        {"status", TRUE, jv_doc_check_status},  {"reason", FALSE, jv_doc_check_string},
        {"rows", FALSE, jv_doc_check_count},    {"skipped_rows", FALSE, jv_doc_check_count},
        {"state", FALSE, jv_doc_check_object},  {"base", FALSE, jv_doc_check_object},
        {"periods", FALSE, check_period_parts}, {NULL, FALSE, NULL}};
    if (!jv_doc_check_sections(checker, value, indicator, NULL))
        return FALSE;
    gboolean ok = g_strcmp0(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(value, "status")),
                            "ok") == 0;
    static const char *const ok_keys[] = {"rows", "skipped_rows", "state"};
    for (size_t i = 0; i < G_N_ELEMENTS(ok_keys); i++) {
        gboolean present = cJSON_GetObjectItemCaseSensitive(value, ok_keys[i]) != NULL;
        if (ok && !present)
            return jv_json_checker_fail(checker, _("missing required key '%s' (status is \"ok\")"),
                                        ok_keys[i]);
        if (!ok && present)
            return jv_json_checker_fail(checker, _("'%s' with a status other than \"ok\""),
                                        ok_keys[i]);
    }
    if (!ok && cJSON_GetObjectItemCaseSensitive(value, "reason") == NULL)
        return jv_json_checker_fail(checker, _("missing required key 'reason' (status is not "
                                               "\"ok\")"));
    return TRUE;
}

static gboolean check_indicators(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (cJSON_IsArray(value) && cJSON_GetArraySize(value) == 0)
        return jv_json_checker_fail(checker, _("expected at least one indicator"));
    return jv_doc_check_each(checker, value, check_indicator, NULL);
}

/* The sections of a state, in the order they are checked. Add a section
 * here (and its check above) when state_file.c writes a new one. */
static const jv_doc_section state_sections[] = {
    {"jamvikt_state", TRUE, check_format},    {"jamvikt", TRUE, check_about},
    {"evaluation", TRUE, check_evaluation},   {"region", TRUE, check_region},
    {"periods", FALSE, check_periods_header}, {"inputs", TRUE, jv_doc_check_inputs},
    {"warnings", TRUE, jv_doc_check_strings}, {"evaluation_warnings", TRUE, jv_doc_check_strings},
    {"indicators", TRUE, check_indicators},   {NULL, FALSE, NULL}};

gboolean jv_state_check(const cJSON *doc, const char *file, GError **error)
{
    jv_json_checker checker;
    jv_json_checker_init(&checker, file, error);
    gboolean ok;
    if (!cJSON_IsObject(doc) || cJSON_GetObjectItemCaseSensitive(doc, "jamvikt_state") == NULL)
        ok = jv_json_checker_fail(&checker, _("not a saved jamvikt state (write them with "
                                              "`jamvikt run --save-state DIR`)"));
    else
        ok = jv_doc_check_sections(&checker, doc, state_sections, NULL);
    jv_json_checker_clear(&checker);
    return ok;
}

/* --- a state set's manifest (state_set.h, contract 3) ------------------- */

static gboolean check_region_entry(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section entry[] = {{"region", TRUE, jv_doc_check_region_name},
                                           {"file", TRUE, jv_doc_check_text},
                                           {"sha256", TRUE, jv_doc_check_sha256},
                                           {NULL, FALSE, NULL}};
    if (!jv_doc_check_sections(checker, value, entry, NULL))
        return FALSE;
    const char *file = cJSON_GetObjectItemCaseSensitive(value, "file")->valuestring;
    if (strchr(file, '/') != NULL || file[0] == '.' || !g_str_has_suffix(file, ".state.json"))
        return jv_json_checker_fail(checker,
                                    _("file: '%s' is not the name of a state file in "
                                      "the set's folder"),
                                    file);
    return TRUE;
}

static gboolean check_regions(jv_json_checker *checker, const cJSON *value, void *data)
{
    if (cJSON_IsArray(value) && cJSON_GetArraySize(value) == 0)
        return jv_json_checker_fail(checker, _("expected at least one region"));
    return jv_doc_check_each(checker, value, check_region_entry, NULL);
}

static gboolean check_set_format(jv_json_checker *checker, const cJSON *value, void *data)
{
    return (cJSON_IsNumber(value) && value->valuedouble == JV_STATE_SET_FORMAT) ||
           jv_json_checker_fail(checker, _("state-set format other than %d"), JV_STATE_SET_FORMAT);
}

static gboolean check_set_digest(jv_json_checker *checker, const cJSON *value, void *data)
{
    return cJSON_IsNull(value) || jv_doc_check_sha256(checker, value, NULL);
}

static gboolean check_set_evaluation(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section evaluation[] = {{"name", TRUE, jv_doc_check_string},
                                                {"sha256", TRUE, check_set_digest},
                                                {"options", TRUE, jv_doc_check_options},
                                                {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, evaluation, NULL);
}

static gboolean check_set_about(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section about[] = {{"version", TRUE, jv_doc_check_text},
                                           {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, about, NULL);
}

static gboolean check_set_plugin(jv_json_checker *checker, const cJSON *value, void *data)
{
    static const jv_doc_section plugin[] = {{"name", TRUE, jv_doc_check_name},
                                            {"plugin", TRUE, jv_doc_check_name},
                                            {"version", TRUE, jv_doc_check_text},
                                            {"params", TRUE, jv_doc_check_object},
                                            {NULL, FALSE, NULL}};
    return jv_doc_check_sections(checker, value, plugin, NULL);
}

static gboolean check_set_plugins(jv_json_checker *checker, const cJSON *value, void *data)
{
    return jv_doc_check_each(checker, value, check_set_plugin, NULL);
}

/* The manifest's sections (state_set.c writes them); merge compares its
 * "evaluation" options and "plugins" with each state's own. */
static const jv_doc_section manifest_sections[] = {{"jamvikt_state_set", TRUE, check_set_format},
                                                   {"jamvikt", TRUE, check_set_about},
                                                   {"evaluation", TRUE, check_set_evaluation},
                                                   {"plugins", TRUE, check_set_plugins},
                                                   {"regions", TRUE, check_regions},
                                                   {NULL, FALSE, NULL}};

gboolean jv_state_manifest_check(const cJSON *doc, const char *file, GError **error)
{
    jv_json_checker checker;
    jv_json_checker_init(&checker, file, error);
    gboolean ok = jv_doc_check_sections(&checker, doc, manifest_sections, NULL);
    jv_json_checker_clear(&checker);
    return ok;
}
