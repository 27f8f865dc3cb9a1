/* core/config/evaluation_table.c — the table settings of an evaluation file
 * (DESIGN.md "Evaluation file"): `file`, `columns`, `codes`, `delimiter`,
 * `decimal`, `encoding`, `on_error`, and for .xlsx `sheet` and
 * `header_row`, checked and normalised, and the
 * field-by-field overlay of a region's overrides on the defaults.
 *
 * Contract: every key is known or rejected with a did-you-mean; each value
 * is checked with a message naming what was expected and what was found;
 * `set` records exactly the fields written, so an override changes only
 * those (a region that sets `file` keeps the default `columns`).
 */
#include "evaluation_private.h"
#include "util/i18n.h"

#include <string.h>

const char *const jv_eval_table_keys[] = {"file",     "columns",  "codes", "delimiter",  "decimal",
                                          "encoding", "on_error", "sheet", "header_row", NULL};

gboolean jv_eval_is_name(const char *text)
{
    if (text == NULL || !(text[0] >= 'a' && text[0] <= 'z'))
        return FALSE;
    for (const char *p = text + 1; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return FALSE;
    }
    return TRUE;
}

/* `relative` resolved against `base` without touching the file system;
 * "." and absolute paths are kept readable. */
char *jv_eval_resolve_path(const char *base, const char *relative)
{
    if (g_path_is_absolute(relative) || base == NULL || base[0] == '\0' || strcmp(base, ".") == 0)
        return g_strdup(relative);
    if (strcmp(relative, ".") == 0)
        return g_strdup(base);
    return g_build_filename(base, relative, NULL);
}

void jv_table_settings_free(jv_table_settings *settings)
{
    if (settings == NULL)
        return;
    g_free(settings->file);
    if (settings->columns != NULL)
        g_hash_table_unref(settings->columns);
    if (settings->codes != NULL)
        g_hash_table_unref(settings->codes);
    g_free(settings->encoding);
    g_free(settings->sheet);
    g_free(settings);
}

GHashTable *jv_eval_tables_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                 (GDestroyNotify)jv_table_settings_free);
}

static GHashTable *string_map_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

/* Words people use for a table setting, and where it really goes. */
static const char *table_key_elsewhere(const char *key)
{
    static const struct {
        const char *word, *hint;
    } synonyms[] = {
        {"separator", "the separator is set with \"delimiter\""},
        {"sep", "the separator is set with \"delimiter\""},
        {"path", "the file name is set with \"file\""},
        {"filename", "the file name is set with \"file\""},
        {"charset", "the character set is set with \"encoding\""},
        {"decimal_separator", "the decimal mark is set with \"decimal\""},
        {"worksheet", "the sheet of a workbook is set with \"sheet\""},
        {"tab", "the sheet of a workbook is set with \"sheet\""},
        {"header", "the header's row in a workbook is set with \"header_row\""},
        {"skip_rows", "the header's row in a workbook is set with \"header_row\""},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(synonyms); i++) {
        if (g_ascii_strcasecmp(key, synonyms[i].word) == 0)
            return synonyms[i].hint;
    }
    return NULL;
}

static gboolean parse_file(jv_json_checker *checker, const cJSON *value,
                           jv_table_settings *settings)
{
    if (!cJSON_IsString(value) || value->valuestring[0] == '\0')
        return jv_json_checker_expected(checker,
                                        _("a file name (a non-empty "
                                          "string)"),
                                        value);
    settings->file = g_strdup(value->valuestring);
    return TRUE;
}

static gboolean check_role(jv_json_checker *checker, const char *role)
{
    if (role[0] == '\0')
        return jv_json_checker_fail(checker, _("a role name cannot be empty"));
    return TRUE;
}

static gboolean parse_columns(jv_json_checker *checker, const cJSON *value,
                              jv_table_settings *settings)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker,
                                        _("an object mapping roles to "
                                          "column names"),
                                        value);
    settings->columns = string_map_new();
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        if (strcmp(m->string, JV_JSON_COMMENT) == 0)
            continue;
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        if (!check_role(checker, m->string))
            return FALSE;
        if (!cJSON_IsString(m) || m->valuestring[0] == '\0')
            return jv_json_checker_expected(checker,
                                            _("a column name (a "
                                              "non-empty string)"),
                                            m);
        g_hash_table_insert(settings->columns, g_strdup(m->string), g_strdup(m->valuestring));
        jv_json_checker_leave(checker, mark);
    }
    return TRUE;
}

/* One role's codes: {"KV": "woman", ...} → a new map, or NULL. */
static GHashTable *parse_role_codes(jv_json_checker *checker, const cJSON *value)
{
    if (!cJSON_IsObject(value)) {
        jv_json_checker_expected(checker,
                                 _("an object mapping codes to values, "
                                   "such as {\"KV\": \"woman\"}"),
                                 value);
        return NULL;
    }
    GHashTable *codes = string_map_new();
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        if (strcmp(m->string, JV_JSON_COMMENT) == 0)
            continue;
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        if (!cJSON_IsString(m) || m->valuestring[0] == '\0') {
            jv_json_checker_expected(checker, _("a value (a non-empty string)"), m);
            g_hash_table_unref(codes);
            return NULL;
        }
        g_hash_table_insert(codes, g_strdup(m->string), g_strdup(m->valuestring));
        jv_json_checker_leave(checker, mark);
    }
    return codes;
}

static gboolean parse_codes(jv_json_checker *checker, const cJSON *value,
                            jv_table_settings *settings)
{
    if (!cJSON_IsObject(value))
        return jv_json_checker_expected(checker,
                                        _("an object mapping roles to "
                                          "codes, such as {\"gender\": "
                                          "{\"KV\": \"woman\"}}"),
                                        value);
    settings->codes =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_hash_table_unref);
    for (const cJSON *m = value->child; m != NULL; m = m->next) {
        if (strcmp(m->string, JV_JSON_COMMENT) == 0)
            continue;
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        if (!check_role(checker, m->string))
            return FALSE;
        GHashTable *codes = parse_role_codes(checker, m);
        if (codes == NULL)
            return FALSE;
        g_hash_table_insert(settings->codes, g_strdup(m->string), codes);
        jv_json_checker_leave(checker, mark);
    }
    return TRUE;
}

static gboolean parse_delimiter(jv_json_checker *checker, const cJSON *value,
                                jv_table_settings *settings)
{
    const char *text = cJSON_IsString(value) ? value->valuestring : "";
    if (strcmp(text, ",") == 0 || strcmp(text, ";") == 0 || strcmp(text, "\t") == 0)
        settings->delimiter = text[0];
    else if (g_ascii_strcasecmp(text, "tab") == 0)
        settings->delimiter = '\t';
    else
        return jv_json_checker_expected(checker, _("\",\", \";\" or \"tab\""), value);
    return TRUE;
}

static gboolean parse_decimal(jv_json_checker *checker, const cJSON *value,
                              jv_table_settings *settings)
{
    const char *text = cJSON_IsString(value) ? value->valuestring : "";
    if (strcmp(text, ".") != 0 && strcmp(text, ",") != 0)
        return jv_json_checker_expected(checker, _("\".\" or \",\""), value);
    settings->decimal = text[0];
    return TRUE;
}

/* "UTF8", "cp1252", "Latin-1", ... → the reader's name, or NULL. */
static const char *normalise_encoding(const char *text)
{
    static const struct {
        const char *squeezed, *name;
    } names[] = {
        {"utf8", "utf-8"},          {"windows1252", "windows-1252"}, {"cp1252", "windows-1252"},
        {"iso88591", "iso-8859-1"}, {"latin1", "iso-8859-1"},
    };
    char squeezed[32];
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '-' || *p == '_' || *p == ' ')
            continue;
        if (n + 1 >= sizeof squeezed)
            return NULL;
        squeezed[n++] = g_ascii_tolower(*p);
    }
    squeezed[n] = '\0';
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
        if (strcmp(squeezed, names[i].squeezed) == 0)
            return names[i].name;
    }
    return NULL;
}

static gboolean parse_encoding(jv_json_checker *checker, const cJSON *value,
                               jv_table_settings *settings)
{
    const char *name = cJSON_IsString(value) ? normalise_encoding(value->valuestring) : NULL;
    if (name == NULL)
        return jv_json_checker_expected(checker,
                                        _("\"utf-8\", \"windows-1252\" "
                                          "or \"iso-8859-1\""),
                                        value);
    settings->encoding = g_strdup(name);
    return TRUE;
}

static gboolean parse_on_error(jv_json_checker *checker, const cJSON *value,
                               jv_table_settings *settings)
{
    const char *text = cJSON_IsString(value) ? value->valuestring : "";
    if (strcmp(text, "stop") == 0)
        settings->on_error = JV_ON_ERROR_STOP;
    else if (strcmp(text, "skip") == 0)
        settings->on_error = JV_ON_ERROR_SKIP;
    else
        return jv_json_checker_expected(checker, _("\"stop\" or \"skip\""), value);
    return TRUE;
}

static gboolean parse_sheet(jv_json_checker *checker, const cJSON *value,
                            jv_table_settings *settings)
{
    if (cJSON_IsString(value) && value->valuestring[0] != '\0') {
        settings->sheet = g_strdup(value->valuestring);
        return TRUE;
    }
    if (cJSON_IsNumber(value) && value->valuedouble >= 1 && value->valuedouble <= 65535 &&
        value->valuedouble == (double)(int)value->valuedouble) {
        settings->sheet = g_strdup_printf("%d", (int)value->valuedouble);
        return TRUE;
    }
    return jv_json_checker_expected(checker, _("a sheet name, or its number counting from 1"),
                                    value);
}

static gboolean parse_header_row(jv_json_checker *checker, const cJSON *value,
                                 jv_table_settings *settings)
{
    if (!cJSON_IsNumber(value) || value->valuedouble < 1 || value->valuedouble > 1048576 ||
        value->valuedouble != (double)(int)value->valuedouble)
        return jv_json_checker_expected(checker,
                                        _("a row number as Excel shows it (1 to "
                                          "1048576)"),
                                        value);
    settings->header_row = (unsigned)value->valuedouble;
    return TRUE;
}

typedef gboolean (*field_parser)(jv_json_checker *, const cJSON *, jv_table_settings *);

/* One table's settings at the checker's path, or NULL. */
static jv_table_settings *parse_settings(jv_json_checker *checker, const cJSON *value)
{
    static const struct {
        const char *key;
        unsigned bit;
        field_parser parse;
    } fields[] = {
        {"file", JV_SET_FILE, parse_file},
        {"columns", JV_SET_COLUMNS, parse_columns},
        {"codes", JV_SET_CODES, parse_codes},
        {"delimiter", JV_SET_DELIMITER, parse_delimiter},
        {"decimal", JV_SET_DECIMAL, parse_decimal},
        {"encoding", JV_SET_ENCODING, parse_encoding},
        {"on_error", JV_SET_ON_ERROR, parse_on_error},
        {"sheet", JV_SET_SHEET, parse_sheet},
        {"header_row", JV_SET_HEADER_ROW, parse_header_row},
    };
    if (!cJSON_IsObject(value)) {
        jv_json_checker_expected(checker,
                                 _("an object of table settings, such "
                                   "as {\"file\": \"funding.csv\"}"),
                                 value);
        return NULL;
    }
    if (!jv_json_checker_known_keys(checker, value, jv_eval_table_keys, table_key_elsewhere))
        return NULL;
    jv_table_settings *settings = g_new0(jv_table_settings, 1);
    for (size_t i = 0; i < G_N_ELEMENTS(fields); i++) {
        const cJSON *field = cJSON_GetObjectItemCaseSensitive(value, fields[i].key);
        if (field == NULL)
            continue;
        size_t mark = jv_json_checker_enter_key(checker, fields[i].key);
        if (!fields[i].parse(checker, field, settings)) {
            jv_table_settings_free(settings);
            return NULL;
        }
        jv_json_checker_leave(checker, mark);
        settings->set |= fields[i].bit;
    }
    return settings;
}

GHashTable *jv_eval_tables_parse(jv_json_checker *checker, const cJSON *tables)
{
    if (!cJSON_IsObject(tables)) {
        jv_json_checker_expected(checker,
                                 _("an object mapping table names to "
                                   "settings, such as {\"funding\": "
                                   "{\"file\": \"funding.csv\"}}"),
                                 tables);
        return NULL;
    }
    GHashTable *map = jv_eval_tables_new();
    for (const cJSON *m = tables->child; m != NULL; m = m->next) {
        if (strcmp(m->string, JV_JSON_COMMENT) == 0)
            continue;
        size_t mark = jv_json_checker_enter_key(checker, m->string);
        if (!jv_eval_is_name(m->string)) {
            char *shown = jv_json_printable(m->string);
            jv_json_checker_fail(checker,
                                 _("invalid table name '%s' (table "
                                   "names are lower-case letters, "
                                   "digits and '_', starting with a "
                                   "letter)"),
                                 shown);
            g_free(shown);
            g_hash_table_unref(map);
            return NULL;
        }
        jv_table_settings *settings = parse_settings(checker, m);
        if (settings == NULL) {
            g_hash_table_unref(map);
            return NULL;
        }
        g_hash_table_insert(map, g_strdup(m->string), settings);
        jv_json_checker_leave(checker, mark);
    }
    return map;
}

static void overlay_from(jv_table_settings *out, const jv_table_settings *from)
{
    if (from == NULL)
        return;
    if (from->set & JV_SET_FILE) {
        g_free(out->file);
        out->file = g_strdup(from->file);
    }
    if (from->set & JV_SET_COLUMNS) {
        if (out->columns != NULL)
            g_hash_table_unref(out->columns);
        out->columns = from->columns ? g_hash_table_ref(from->columns) : NULL;
    }
    if (from->set & JV_SET_CODES) {
        if (out->codes != NULL)
            g_hash_table_unref(out->codes);
        out->codes = from->codes ? g_hash_table_ref(from->codes) : NULL;
    }
    if (from->set & JV_SET_DELIMITER)
        out->delimiter = from->delimiter;
    if (from->set & JV_SET_DECIMAL)
        out->decimal = from->decimal;
    if (from->set & JV_SET_ENCODING) {
        g_free(out->encoding);
        out->encoding = g_strdup(from->encoding);
    }
    if (from->set & JV_SET_ON_ERROR)
        out->on_error = from->on_error;
    if (from->set & JV_SET_SHEET) {
        g_free(out->sheet);
        out->sheet = g_strdup(from->sheet);
    }
    if (from->set & JV_SET_HEADER_ROW)
        out->header_row = from->header_row;
    out->set |= from->set;
}

jv_table_settings *jv_table_settings_overlay(const jv_table_settings *defaults,
                                             const jv_table_settings *overrides, const char *table)
{
    jv_table_settings *out = g_new0(jv_table_settings, 1);
    out->on_error = JV_ON_ERROR_STOP;
    overlay_from(out, defaults);
    overlay_from(out, overrides);
    if (out->file == NULL)
        out->file = g_strconcat(table, ".csv", NULL);
    return out;
}
