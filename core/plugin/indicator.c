/* core/plugin/indicator.c — binds an evaluation's indicator entry to its
 * plugin: checks and resolves params against the plugin's schema, then
 * runs configure() (see indicator.h). */
#include "plugin/indicator.h"
#include "plugin/host_impl.h"
#include "util/did_you_mean.h"
#include "util/i18n.h"

#include <string.h>

static gboolean value_has_type(const cJSON *v, jv_param_type type)
{
    switch (type) {
    case JV_PARAM_BOOLEAN:
        return cJSON_IsBool(v);
    case JV_PARAM_NUMBER:
        return cJSON_IsNumber(v);
    case JV_PARAM_INTEGER:
        return cJSON_IsNumber(v) && v->valuedouble == (double)(int64_t)v->valuedouble;
    case JV_PARAM_STRING:
        return cJSON_IsString(v) || cJSON_IsNull(v);
    case JV_PARAM_STRING_LIST: {
        if (!cJSON_IsArray(v))
            return FALSE;
        const cJSON *item;
        cJSON_ArrayForEach(item, v)
            if (!cJSON_IsString(item))
                return FALSE;
        return TRUE;
    }
    }
    return FALSE;
}

static const char *type_words(jv_param_type type)
{
    switch (type) {
    case JV_PARAM_BOOLEAN:
        return "true or false";
    case JV_PARAM_NUMBER:
        return "a number";
    case JV_PARAM_INTEGER:
        return "a whole number";
    case JV_PARAM_STRING:
        return "a string";
    case JV_PARAM_STRING_LIST:
        return "a list of strings";
    }
    return "?";
}

/* Resolved params: every schema entry, given or default, in schema order. */
static cJSON *resolve_params(const jv_plugin *desc, const cJSON *given, const char *where,
                             GError **error)
{
    if (given != NULL && !cJSON_IsObject(given) && !cJSON_IsNull(given)) {
        char *text = cJSON_PrintUnformatted(given);
        g_set_error(error, JV_PLUGIN_ERROR, 0,
                    _("%s.params: expected an object of parameters, got %s"), where,
                    text ? text : "a value that cannot be shown");
        free(text);
        return NULL;
    }
    const cJSON *item;
    const cJSON *members = cJSON_IsObject(given) ? given : NULL;
    cJSON_ArrayForEach(item, members) {
        gboolean known = FALSE;
        for (size_t i = 0; i < desc->n_params; i++)
            known = known || strcmp(desc->params[i].name, item->string) == 0;
        if (!known) {
            GPtrArray *names = g_ptr_array_new();
            for (size_t i = 0; i < desc->n_params; i++)
                g_ptr_array_add(names, (gpointer)desc->params[i].name);
            g_ptr_array_add(names, NULL);
            const char *close = jv_did_you_mean(item->string, (const char *const *)names->pdata);
            g_set_error(error, JV_PLUGIN_ERROR, 0,
                        _("%s.params.%s: unknown parameter '%s' of plugin '%s'%s%s%s"), where,
                        item->string, item->string, desc->name, close ? " — did you mean '" : "",
                        close ? close : "", close ? "'?" : "");
            g_ptr_array_unref(names);
            return NULL;
        }
    }
    cJSON *resolved = cJSON_CreateObject();
    for (size_t i = 0; i < desc->n_params; i++) {
        const jv_param_spec *p = &desc->params[i];
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(given, p->name);
        if (v != NULL) {
            if (!value_has_type(v, p->type)) {
                char *text = cJSON_PrintUnformatted(v);
                g_set_error(error, JV_PLUGIN_ERROR, 0, _("%s.params.%s: expected %s, got %s"),
                            where, p->name, type_words(p->type), text);
                free(text);
                cJSON_Delete(resolved);
                return NULL;
            }
            cJSON_AddItemToObject(resolved, p->name, cJSON_Duplicate(v, TRUE));
        } else {
            cJSON *d = p->default_json ? cJSON_Parse(p->default_json) : cJSON_CreateNull();
            cJSON_AddItemToObject(resolved, p->name, d ? d : cJSON_CreateNull());
        }
    }
    return resolved;
}

jv_indicator *jv_indicator_bind(const char *name, const jv_loaded_plugin *plugin,
                                const cJSON *params, const char *where, const jv_options *options,
                                GError **error)
{
    const jv_plugin *desc = &plugin->desc;
    cJSON *resolved = resolve_params(desc, params, where, error);
    if (resolved == NULL)
        return NULL;
    jv_indicator *ind = g_new0(jv_indicator, 1);
    ind->name = g_strdup(name);
    ind->plugin = plugin;
    ind->desc = desc;
    ind->params = resolved;
    ind->roles = g_new0(GArray *, desc->n_tables);
    for (size_t t = 0; t < desc->n_tables; t++) {
        ind->roles[t] = g_array_new(FALSE, FALSE, sizeof(jv_role_request));
        for (size_t r = 0; r < desc->tables[t].n_roles; r++) {
            const jv_role *role = &desc->tables[t].roles[r];
            jv_role_request req = {
                .name = g_strdup(role->name),
                .type = role->type,
                .flags = role->flags,
                .codes = role->codes,
                .required_by = (role->flags & JV_ROLE_REQUIRED) ? desc->name : NULL,
                .sign_by =
                    (role->flags & (JV_ROLE_NONNEGATIVE | JV_ROLE_POSITIVE)) ? desc->name : NULL,
            };
            g_array_append_val(ind->roles[t], req);
        }
    }
    if (desc->configure != NULL) {
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, JV_SCOPE_TOTAL, "total", options);
        ctx.configuring = TRUE;
        if (desc->configure(&ctx, &ind->instance) != 0) {
            jv_ctx_set_gerror(&ctx, "configure() failed without a message", error);
            jv_ctx_clear_error(&ctx);
            jv_indicator_free(ind);
            return NULL;
        }
        jv_ctx_clear_error(&ctx);
    }
    return ind;
}

void jv_indicator_free(jv_indicator *ind)
{
    if (ind == NULL)
        return;
    if (ind->instance != NULL && ind->desc->release != NULL) {
        jv_ctx ctx;
        jv_ctx_init(&ctx, ind, JV_SCOPE_TOTAL, "total", NULL);
        ind->desc->release(&ctx, ind->instance);
        jv_ctx_clear_error(&ctx);
    }
    for (size_t t = 0; t < ind->desc->n_tables; t++) {
        GArray *roles = ind->roles[t];
        for (guint i = 0; i < roles->len; i++)
            g_free((char *)g_array_index(roles, jv_role_request, i).name);
        g_array_unref(roles);
    }
    g_free(ind->roles);
    cJSON_Delete(ind->params);
    g_free(ind->failure);
    g_free(ind->name);
    g_free(ind);
}

cJSON *jv_indicator_identity(const jv_indicator *ind)
{
    cJSON *item = cJSON_CreateObject();
    cJSON_AddStringToObject(item, "name", ind->name);
    cJSON_AddStringToObject(item, "plugin", ind->desc->name);
    cJSON_AddStringToObject(item, "version", ind->desc->version);
    cJSON_AddItemToObject(item, "params", cJSON_Duplicate(ind->params, TRUE));
    return item;
}
