/* core/cli/cmd_plugins.c — `jamvikt plugins`: lists the loadable
 * indicators with versions, tables, roles and parameters (text or JSON),
 * and with --check FILE explains why one file does or does not load. */
#include "cli/cli.h"
#include "eval/output.h"
#include "plugin/describe.h"
#include "util/i18n.h"

#include <cjson/cJSON.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *type_name(jv_type type)
{
    switch (type) {
    case JV_TYPE_GENDER:
        return "gender";
    case JV_TYPE_CATEGORY:
        return "category";
    case JV_TYPE_ID:
        return "id";
    case JV_TYPE_NUMBER:
        return "number";
    case JV_TYPE_INTEGER:
        return "integer";
    case JV_TYPE_BOOLEAN:
        return "boolean";
    }
    return "?";
}

static const char *param_type_name(jv_param_type type)
{
    switch (type) {
    case JV_PARAM_BOOLEAN:
        return "boolean";
    case JV_PARAM_NUMBER:
        return "number";
    case JV_PARAM_INTEGER:
        return "integer";
    case JV_PARAM_STRING:
        return "string";
    case JV_PARAM_STRING_LIST:
        return "string_list";
    }
    return "?";
}

static cJSON *describe(const jv_loaded_plugin *p)
{
    const jv_plugin *d = &p->desc;
    cJSON *item = cJSON_CreateObject();
    cJSON_AddStringToObject(item, "name", d->name);
    cJSON_AddStringToObject(item, "version", d->version);
    char *abi = g_strdup_printf("%u.%u", d->abi_major, d->abi_minor);
    cJSON_AddStringToObject(item, "abi", abi);
    g_free(abi);
    cJSON_AddStringToObject(item, "summary", d->summary);
    cJSON_AddStringToObject(item, "path", p->path);
    jv_plugin_describe(d, item); /* ABI 1.1: title, labels, units */
    cJSON *tables = cJSON_AddArrayToObject(item, "tables");
    for (size_t t = 0; t < d->n_tables; t++) {
        cJSON *table = cJSON_CreateObject();
        cJSON_AddStringToObject(table, "name", d->tables[t].name);
        cJSON_AddBoolToObject(table, "required", d->tables[t].required != 0);
        cJSON *roles = cJSON_AddArrayToObject(table, "roles");
        for (size_t r = 0; r < d->tables[t].n_roles; r++) {
            const jv_role *role = &d->tables[t].roles[r];
            cJSON *rj = cJSON_CreateObject();
            cJSON_AddStringToObject(rj, "name", role->name);
            cJSON_AddStringToObject(rj, "type", type_name(role->type));
            cJSON_AddBoolToObject(rj, "required", (role->flags & JV_ROLE_REQUIRED) != 0);
            if (role->codes)
                cJSON_AddStringToObject(rj, "codes", role->codes);
            if (role->help)
                cJSON_AddStringToObject(rj, "help", role->help);
            cJSON_AddItemToArray(roles, rj);
        }
        cJSON_AddItemToArray(tables, table);
    }
    cJSON *params = cJSON_AddArrayToObject(item, "params");
    for (size_t i = 0; i < d->n_params; i++) {
        const jv_param_spec *ps = &d->params[i];
        cJSON *pj = cJSON_CreateObject();
        cJSON_AddStringToObject(pj, "name", ps->name);
        cJSON_AddStringToObject(pj, "type", param_type_name(ps->type));
        cJSON *def = ps->default_json ? cJSON_Parse(ps->default_json) : NULL;
        cJSON_AddItemToObject(pj, "default", def ? def : cJSON_CreateNull());
        if (ps->help)
            cJSON_AddStringToObject(pj, "help", ps->help);
        cJSON_AddItemToArray(params, pj);
    }
    return item;
}

static void print_text(const jv_registry *registry, FILE *out)
{
    for (guint i = 0; i < registry->plugins->len; i++) {
        const jv_loaded_plugin *p = g_ptr_array_index(registry->plugins, i);
        const jv_plugin *d = &p->desc;
        fprintf(out, "%s %s (ABI %u.%u) — %s\n  %s\n", d->name, d->version, d->abi_major,
                d->abi_minor, d->summary, p->path);
        for (size_t t = 0; t < d->n_tables; t++) {
            fprintf(out, "  table %s%s:", d->tables[t].name,
                    d->tables[t].required ? "" : " (optional)");
            for (size_t r = 0; r < d->tables[t].n_roles; r++) {
                const jv_role *role = &d->tables[t].roles[r];
                fprintf(out, " %s:%s%s", role->name, type_name(role->type),
                        (role->flags & JV_ROLE_REQUIRED) ? "" : "?");
            }
            fprintf(out, "\n");
            jv_cli_print_roles(out, &d->tables[t]);
        }
        for (size_t k = 0; k < d->n_params; k++)
            fprintf(out, "  param %s (%s, default %s)\n", d->params[k].name,
                    param_type_name(d->params[k].type),
                    d->params[k].default_json ? d->params[k].default_json : "null");
    }
    for (guint i = 0; i < registry->shadowed->len; i++)
        fprintf(out, "shadowed: %s\n", (const char *)g_ptr_array_index(registry->shadowed, i));
    jv_cli_print_value_codes(out);
}

int jv_cmd_plugins(int argc, char **argv)
{
    char **plugin_path = NULL;
    char *check = NULL;
    gboolean json = FALSE;
    char *lang = NULL;
    GOptionEntry entries[] = {
        {"json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL},
        {"plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_path,
         N_("Also look for plugins in DIR (repeatable)"), "DIR"},
        {"check", 0, 0, G_OPTION_ARG_FILENAME, &check, N_("Explain whether FILE loads as a plugin"),
         "FILE"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of messages: sv or en"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *context = g_option_context_new(NULL);
    g_option_context_set_summary(context, N_("List the loadable indicator plugins."));
    g_option_context_add_main_entries(context, entries, NULL);
    int rc = JV_EXIT_USAGE;
    jv_registry *registry = NULL;
    FILE *out = NULL;
    if (!jv_cli_parse(context, &argc, &argv) || !jv_cli_lang_valid("plugins", lang))
        goto out;
    if (argc != 1) {
        rc = jv_cli_usage("plugins", _("unexpected argument '%s'"), argv[1]);
        goto out;
    }
    /* Each file is tried in a child process first (plugin/probe.h), and
     * loaded here with fd 1 on stderr; the listing goes to the real stdout. */
    jv_loader_set_probe(TRUE);
    jv_cli_isolate_stdout();
    out = fdopen(dup(jv_output_stdout_fd()), "w");
    if (out == NULL) {
        rc = jv_cli_fail(_("cannot write to standard output"));
        goto out;
    }
    if (check != NULL) {
        registry = jv_registry_load(NULL);
        if (jv_registry_load_file(registry, check)) {
            const jv_loaded_plugin *p = g_ptr_array_index(registry->plugins, 0);
            fprintf(out, "%s: loads: plugin '%s' %s (ABI %u.%u)\n", check, p->desc.name,
                    p->desc.version, p->desc.abi_major, p->desc.abi_minor);
            rc = JV_EXIT_OK;
        } else {
            rc = jv_cli_fail("%s", (const char *)g_ptr_array_index(registry->rejections, 0));
        }
        goto out;
    }
    registry = jv_cli_load_plugins(plugin_path, json);
    if (json) {
        cJSON *doc = cJSON_CreateObject();
        cJSON *list = cJSON_AddArrayToObject(doc, "plugins");
        for (guint i = 0; i < registry->plugins->len; i++)
            cJSON_AddItemToArray(list, describe(g_ptr_array_index(registry->plugins, i)));
        cJSON *rejected = cJSON_AddArrayToObject(doc, "rejected");
        for (guint i = 0; i < registry->rejections->len; i++)
            cJSON_AddItemToArray(rejected,
                                 cJSON_CreateString(g_ptr_array_index(registry->rejections, i)));
        char *text = cJSON_Print(doc);
        fprintf(out, "%s\n", text);
        free(text);
        cJSON_Delete(doc);
    } else {
        print_text(registry, out);
    }
    rc = JV_EXIT_OK;
out:
    if (out != NULL && fclose(out) != 0 && rc == JV_EXIT_OK)
        rc = jv_cli_fail(_("writing to standard output failed"));
    jv_registry_free(registry);
    g_option_context_free(context);
    g_strfreev(plugin_path);
    g_free(lang);
    g_free(check);
    return rc;
}
