/* core/plugin/plugin_check.c — checks a plugin's descriptor before the core
 * uses it: versions first, then size, required fields, and well-formed
 * names, tables, roles, codes and parameter schema. */
#include "plugin/plugin_check.h"
#include "util/text.h"

#include <cjson/cJSON.h>
#include <stddef.h>
#include <string.h>

#define REQUIRED_SIZE_1_0 (offsetof(jv_plugin, load) + sizeof(void *))
#define REQUIRED_SIZE_1_1 (offsetof(jv_plugin, units) + sizeof(void *))

gboolean jv_plugin_check_descriptor(const jv_plugin *desc, jv_plugin *copy, char **why)
{
    if (desc == NULL) {
        *why = g_strdup("the entry function returned no descriptor");
        return FALSE;
    }
    if (desc->abi_major != JV_ABI_MAJOR) {
        *why =
            g_strdup_printf("built for plugin ABI %u.%u, but this jamvikt has ABI %u.%u "
                            "(the major version must match: rebuild the plugin against this SDK)",
                            desc->abi_major, desc->abi_minor, JV_ABI_MAJOR, JV_ABI_MINOR);
        return FALSE;
    }
    if (desc->abi_minor > JV_ABI_MINOR) {
        *why = g_strdup_printf("built for plugin ABI %u.%u, newer than this jamvikt's %u.%u "
                               "(upgrade jamvikt or rebuild the plugin against this SDK)",
                               desc->abi_major, desc->abi_minor, JV_ABI_MAJOR, JV_ABI_MINOR);
        return FALSE;
    }
    if (desc->struct_size < REQUIRED_SIZE_1_0) {
        *why = g_strdup_printf("descriptor too small: struct_size %u, ABI %u.%u needs at least %zu",
                               desc->struct_size, desc->abi_major, desc->abi_minor,
                               (size_t)REQUIRED_SIZE_1_0);
        return FALSE;
    }
    if (desc->abi_minor >= 1 && desc->struct_size < REQUIRED_SIZE_1_1) {
        *why = g_strdup_printf("descriptor too small: struct_size %u, ABI %u.%u needs at least %zu",
                               desc->struct_size, desc->abi_major, desc->abi_minor,
                               (size_t)REQUIRED_SIZE_1_1);
        return FALSE;
    }
    memset(copy, 0, sizeof *copy);
    memcpy(copy, desc, desc->struct_size < sizeof *copy ? desc->struct_size : sizeof *copy);
    const char *missing = NULL;
    if (copy->name == NULL)
        missing = "name";
    else if (copy->version == NULL)
        missing = "version";
    else if (copy->summary == NULL)
        missing = "summary";
    else if (copy->tables == NULL || copy->n_tables == 0)
        missing = "tables";
    else if (copy->init == NULL)
        missing = "init";
    else if (copy->consume == NULL)
        missing = "consume";
    else if (copy->merge == NULL)
        missing = "merge";
    else if (copy->pool == NULL)
        missing = "pool";
    else if (copy->finish == NULL)
        missing = "finish";
    else if (copy->destroy == NULL)
        missing = "destroy";
    if (missing != NULL) {
        *why = g_strdup_printf("required field '%s' is missing%s%s%s", missing,
                               copy->name ? " (plugin '" : "", copy->name ? copy->name : "",
                               copy->name ? "')" : "");
        return FALSE;
    }
    if ((copy->save == NULL) != (copy->load == NULL)) {
        *why =
            g_strdup_printf("plugin '%s' has %s but not %s: save and load come as a pair",
                            copy->name, copy->save ? "save" : "load", copy->save ? "load" : "save");
        return FALSE;
    }
    return TRUE;
}

char **jv_plugin_parse_codes(const char *codes, char ****aliases, char **why)
{
    char **groups = g_strsplit(codes, "|", -1);
    guint n = g_strv_length(groups);
    char **canonicals = g_new0(char *, n + 1);
    char ***alias_lists = g_new0(char **, n + 1);
    gboolean ok = n > 0;
    for (guint i = 0; ok && i < n; i++) {
        char **kv = g_strsplit(groups[i], "=", 2);
        char *canonical = g_strstrip(g_strdup(kv[0]));
        if (canonical[0] == '\0') {
            *why = g_strdup_printf("codes '%s': empty canonical value in group %u", codes, i + 1);
            ok = FALSE;
        }
        for (guint j = 0; ok && j < i; j++)
            if (strcmp(canonicals[j], canonical) == 0) {
                *why = g_strdup_printf("codes '%s': canonical value '%s' twice", codes, canonical);
                ok = FALSE;
            }
        canonicals[i] = canonical;
        alias_lists[i] = kv[1] ? g_strsplit(kv[1], ",", -1) : g_new0(char *, 1);
        for (char **a = alias_lists[i]; *a; a++)
            g_strstrip(*a);
        g_strfreev(kv);
    }
    g_strfreev(groups);
    if (!ok) {
        if (n == 0)
            *why = g_strdup("codes: empty list");
        g_strfreev(canonicals);
        for (guint i = 0; i < n; i++)
            g_strfreev(alias_lists[i]);
        g_free(alias_lists);
        return NULL;
    }
    if (aliases != NULL) {
        *aliases = alias_lists;
    } else {
        for (guint i = 0; i < n; i++)
            g_strfreev(alias_lists[i]);
        g_free(alias_lists);
    }
    return canonicals;
}

/* A descriptor string the host will print or put into documents: valid
 * UTF-8 without control characters (NULL is fine: optional). */
static gboolean plain_text(const char *s)
{
    if (s == NULL)
        return TRUE;
    if (!g_utf8_validate(s, -1, NULL))
        return FALSE;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return FALSE;
    return TRUE;
}

static gboolean refuse_text(const char *field, const char *s, char **why)
{
    char *shown = jv_text_escape_terminal(s, -1, 60);
    *why = g_strdup_printf("%s '%s' is not valid UTF-8 or holds a control character", field, shown);
    g_free(shown);
    return FALSE;
}

static gboolean check_param(const jv_param_spec *p, char **why)
{
    if (!jv_text_is_identifier(p->name)) {
        *why = g_strdup_printf("parameter name '%s' is not of the form [a-z][a-z0-9_]*",
                               p->name ? p->name : "(null)");
        return FALSE;
    }
    if (p->type < JV_PARAM_BOOLEAN || p->type > JV_PARAM_STRING_LIST) {
        *why = g_strdup_printf("parameter '%s' has unknown type %d", p->name, (int)p->type);
        return FALSE;
    }
    if (!plain_text(p->help))
        return refuse_text("parameter help", p->help, why);
    if (!plain_text(p->default_json))
        return refuse_text("parameter default", p->default_json, why);
    if (p->default_json == NULL)
        return TRUE;
    cJSON *value = cJSON_Parse(p->default_json);
    gboolean ok = value != NULL;
    if (ok) {
        switch (p->type) {
        case JV_PARAM_BOOLEAN:
            ok = cJSON_IsBool(value);
            break;
        case JV_PARAM_NUMBER:
            ok = cJSON_IsNumber(value);
            break;
        case JV_PARAM_INTEGER:
            ok = cJSON_IsNumber(value) && value->valuedouble == (double)(int64_t)value->valuedouble;
            break;
        case JV_PARAM_STRING:
            ok = cJSON_IsString(value) || cJSON_IsNull(value);
            break;
        case JV_PARAM_STRING_LIST: {
            ok = cJSON_IsArray(value);
            const cJSON *item;
            cJSON_ArrayForEach(item, value)
                ok = ok && cJSON_IsString(item);
            break;
        }
        }
    }
    cJSON_Delete(value);
    if (!ok)
        *why = g_strdup_printf("parameter '%s': default '%s' is not valid JSON of its type",
                               p->name, p->default_json);
    return ok;
}

static gboolean check_role(const jv_table_spec *t, size_t r, char **why)
{
    const jv_role *role = &t->roles[r];
    if (!jv_text_is_identifier(role->name)) {
        *why = g_strdup_printf("table '%s': role name '%s' is not of the form [a-z][a-z0-9_]*",
                               t->name, role->name ? role->name : "(null)");
        return FALSE;
    }
    if (role->type < JV_TYPE_GENDER || role->type > JV_TYPE_BOOLEAN) {
        *why = g_strdup_printf("table '%s': role '%s' has unknown type %d", t->name, role->name,
                               (int)role->type);
        return FALSE;
    }
    if (!plain_text(role->help))
        return refuse_text("role help", role->help, why);
    if (!plain_text(role->codes))
        return refuse_text("role codes", role->codes, why);
    unsigned known =
        JV_ROLE_REQUIRED | JV_ROLE_NONNEGATIVE | JV_ROLE_POSITIVE | JV_ROLE_EMPTY_IS_VALUE;
    if (role->flags & ~known) {
        *why = g_strdup_printf("table '%s': role '%s' has unknown flags 0x%x", t->name, role->name,
                               role->flags & ~known);
        return FALSE;
    }
    if (role->codes != NULL) {
        if (role->type != JV_TYPE_CATEGORY) {
            *why = g_strdup_printf("table '%s': role '%s' has codes but is not a category", t->name,
                                   role->name);
            return FALSE;
        }
        char *reason = NULL;
        char **canonicals = jv_plugin_parse_codes(role->codes, NULL, &reason);
        if (canonicals == NULL) {
            *why = g_strdup_printf("table '%s': role '%s': %s", t->name, role->name, reason);
            g_free(reason);
            return FALSE;
        }
        g_strfreev(canonicals);
    }
    for (size_t o = 0; o < r; o++)
        if (strcmp(t->roles[o].name, role->name) == 0) {
            *why = g_strdup_printf("table '%s': role '%s' declared twice", t->name, role->name);
            return FALSE;
        }
    return TRUE;
}

/* ABI 1.1: texts per language and units per key (see plugin.h). */
static gboolean check_texts(const jv_plugin *desc, char **why)
{
    for (const jv_translation *t = desc->texts; t != NULL && t->lang != NULL; t++) {
        if (strlen(t->lang) != 2 || !g_ascii_islower(t->lang[0]) || !g_ascii_islower(t->lang[1])) {
            *why = g_strdup_printf("texts: language '%s' is not a two-letter code such as \"sv\"",
                                   t->lang);
            return FALSE;
        }
        if (t->title == NULL || t->title[0] == '\0') {
            *why = g_strdup_printf("texts '%s': the title is missing", t->lang);
            return FALSE;
        }
        if (!plain_text(t->title))
            return refuse_text("title", t->title, why);
        for (const jv_translation *o = desc->texts; o != t; o++)
            if (strcmp(o->lang, t->lang) == 0) {
                *why = g_strdup_printf("texts: language '%s' given twice", t->lang);
                return FALSE;
            }
        for (const jv_label *l = t->labels; l != NULL && l->key != NULL; l++)
            if (l->text == NULL || l->text[0] == '\0') {
                *why = g_strdup_printf("texts '%s': label of '%s' is empty", t->lang, l->key);
                return FALSE;
            } else if (!plain_text(l->key) || !plain_text(l->text)) {
                return refuse_text("label", plain_text(l->key) ? l->text : l->key, why);
            }
    }
    for (const jv_key_unit *u = desc->units; u != NULL && u->key != NULL; u++)
        if (!plain_text(u->key)) {
            return refuse_text("unit key", u->key, why);
        } else if (u->unit < JV_UNIT_SHARE || u->unit > JV_UNIT_NUMBER_DIFFERENCE) {
            *why = g_strdup_printf("units: key '%s' has unknown unit %d", u->key, (int)u->unit);
            return FALSE;
        }
    return TRUE;
}

gboolean jv_plugin_check_schema(const jv_plugin *desc, char **why)
{
    if (!jv_text_is_identifier(desc->name)) {
        *why = g_strdup_printf("name '%s' is not of the form [a-z][a-z0-9_]*", desc->name);
        return FALSE;
    }
    if (desc->version[0] == '\0' || desc->summary[0] == '\0') {
        *why = g_strdup("version and summary must not be empty");
        return FALSE;
    }
    if (!plain_text(desc->version))
        return refuse_text("version", desc->version, why);
    if (!plain_text(desc->summary))
        return refuse_text("summary", desc->summary, why);
    for (size_t i = 0; i < desc->n_tables; i++) {
        const jv_table_spec *t = &desc->tables[i];
        if (!jv_text_is_identifier(t->name)) {
            *why = g_strdup_printf("table name '%s' is not of the form [a-z][a-z0-9_]*",
                                   t->name ? t->name : "(null)");
            return FALSE;
        }
        if (t->n_roles > 0 && t->roles == NULL) {
            *why = g_strdup_printf("table '%s' says %zu roles but has none", t->name, t->n_roles);
            return FALSE;
        }
        for (size_t r = 0; r < t->n_roles; r++)
            if (!check_role(t, r, why))
                return FALSE;
        for (size_t o = 0; o < i; o++)
            if (strcmp(desc->tables[o].name, t->name) == 0) {
                *why = g_strdup_printf("table '%s' declared twice", t->name);
                return FALSE;
            }
    }
    if (desc->n_params > 0 && desc->params == NULL) {
        *why = g_strdup_printf("says %zu parameters but has none", desc->n_params);
        return FALSE;
    }
    for (size_t i = 0; i < desc->n_params; i++) {
        if (!check_param(&desc->params[i], why))
            return FALSE;
        for (size_t o = 0; o < i; o++)
            if (strcmp(desc->params[o].name, desc->params[i].name) == 0) {
                *why = g_strdup_printf("parameter '%s' declared twice", desc->params[i].name);
                return FALSE;
            }
    }
    return check_texts(desc, why);
}
