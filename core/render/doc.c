/* core/render/doc.c — read-only access to result documents for the
 * renderers (see doc.h). */
#include "render/doc.h"

#include <math.h>
#include <string.h>

const cJSON *jv_doc_member(const cJSON *object, const char *key)
{
    if (!cJSON_IsObject(object) || key == NULL)
        return NULL;
    return cJSON_GetObjectItemCaseSensitive(object, key);
}

const char *jv_doc_string(const cJSON *object, const char *key)
{
    const cJSON *v = jv_doc_member(object, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

double jv_doc_number(const cJSON *object, const char *key)
{
    const cJSON *v = jv_doc_member(object, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static const cJSON *regions(const cJSON *doc)
{
    const cJSON *r = jv_doc_member(doc, "regions");
    return cJSON_IsArray(r) ? r : NULL;
}

/* The scopes of the document being rendered, listed once: cJSON's lists
 * are linked, so counting them or taking the i-th costs a walk, and the
 * renderers ask for every scope many times. One per thread; valid only
 * between jv_doc_index_begin() and _end(), while the document is alive. */
static _Thread_local struct {
    const cJSON *doc;
    GPtrArray *scopes; /* the regions, then the total if any */
    guint regions;
    guint depth;
} indexed;

void jv_doc_index_begin(const cJSON *doc)
{
    if (indexed.depth++ > 0)
        return; /* nested: the outer index stays */
    indexed.doc = doc;
    indexed.scopes = g_ptr_array_new();
    const cJSON *region;
    cJSON_ArrayForEach(region, regions(doc))
        g_ptr_array_add(indexed.scopes, (gpointer)region);
    indexed.regions = indexed.scopes->len;
    if (cJSON_IsObject(jv_doc_member(doc, "total")))
        g_ptr_array_add(indexed.scopes, (gpointer)jv_doc_member(doc, "total"));
}

void jv_doc_index_end(void)
{
    if (indexed.depth == 0 || --indexed.depth > 0)
        return;
    g_ptr_array_unref(indexed.scopes);
    indexed.scopes = NULL;
    indexed.doc = NULL;
}

guint jv_doc_scope_count(const cJSON *doc)
{
    if (doc != NULL && doc == indexed.doc)
        return indexed.scopes->len;
    guint n = (guint)cJSON_GetArraySize(regions(doc));
    return n + (cJSON_IsObject(jv_doc_member(doc, "total")) ? 1 : 0);
}

const cJSON *jv_doc_scope(const cJSON *doc, guint i)
{
    if (doc != NULL && doc == indexed.doc)
        return i < indexed.scopes->len ? g_ptr_array_index(indexed.scopes, i) : NULL;
    guint n = (guint)cJSON_GetArraySize(regions(doc));
    if (i < n)
        return cJSON_GetArrayItem(regions(doc), (int)i);
    return i == n ? jv_doc_member(doc, "total") : NULL;
}

gboolean jv_doc_scope_is_total(const cJSON *doc, guint i)
{
    if (doc != NULL && doc == indexed.doc)
        return i == indexed.regions;
    return i == (guint)cJSON_GetArraySize(regions(doc));
}

const char *jv_doc_scope_name(const cJSON *doc, guint i)
{
    const char *name = jv_doc_string(jv_doc_scope(doc, i), "name");
    if (name != NULL)
        return name;
    return jv_doc_scope_is_total(doc, i) ? "total" : "?";
}

static void add_name(GPtrArray *names, const char *name)
{
    for (guint i = 0; i < names->len; i++)
        if (strcmp(g_ptr_array_index(names, i), name) == 0)
            return;
    g_ptr_array_add(names, (gpointer)name);
}

GPtrArray *jv_doc_indicator_names(const cJSON *doc)
{
    GPtrArray *names = g_ptr_array_new();
    const cJSON *plugin;
    cJSON_ArrayForEach(plugin, jv_doc_member(jv_doc_member(doc, "evaluation"), "plugins")) {
        const char *name = jv_doc_string(plugin, "name");
        if (name != NULL)
            add_name(names, name);
    }
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *entry;
        cJSON_ArrayForEach(entry, jv_doc_member(jv_doc_scope(doc, i), "indicators"))
            if (entry->string != NULL)
                add_name(names, entry->string);
    }
    return names;
}

const cJSON *jv_doc_indicator(const cJSON *scope, const char *name)
{
    const cJSON *entry = jv_doc_member(jv_doc_member(scope, "indicators"), name);
    return cJSON_IsObject(entry) ? entry : NULL;
}

const cJSON *jv_doc_result(const cJSON *entry)
{
    const char *status = jv_doc_string(entry, "status");
    if (status != NULL && strcmp(status, "ok") != 0)
        return NULL;
    const cJSON *result = jv_doc_member(entry, "result");
    return cJSON_IsObject(result) ? result : NULL;
}

gboolean jv_doc_is_split(const cJSON *node)
{
    return cJSON_IsObject(jv_doc_member(node, "by_gender"));
}

gboolean jv_doc_is_interval(const cJSON *node)
{
    return cJSON_IsArray(node) && cJSON_GetArraySize(node) == 2 &&
           cJSON_IsNumber(cJSON_GetArrayItem(node, 0)) &&
           cJSON_IsNumber(cJSON_GetArrayItem(node, 1));
}

gboolean jv_doc_is_gap(const cJSON *node)
{
    return cJSON_IsObject(node) && jv_doc_member(node, "value") != NULL &&
           jv_doc_member(node, "ci") != NULL && cJSON_GetArraySize(node) == 2;
}

gboolean jv_doc_is_gender_object(const cJSON *node)
{
    return cJSON_IsObject(jv_doc_member(node, "woman")) &&
           cJSON_IsObject(jv_doc_member(node, "man"));
}

gboolean jv_doc_is_split_list(const cJSON *node)
{
    if (!cJSON_IsArray(node))
        return FALSE;
    const cJSON *entry;
    cJSON_ArrayForEach(entry, node)
        if (!jv_doc_is_split(entry) || !cJSON_IsObject(jv_doc_member(entry, "women_share")))
            return FALSE;
    return TRUE;
}

const char *jv_doc_main_measure(const cJSON *result)
{
    const cJSON *shares = jv_doc_member(result, "women_share");
    if (!cJSON_IsObject(shares))
        return NULL;
    const char *metric = jv_doc_string(jv_doc_member(result, "headline"), "metric");
    if (metric != NULL && g_str_has_prefix(metric, "women_share_")) {
        const cJSON *m = jv_doc_member(shares, metric + strlen("women_share_"));
        if (m != NULL)
            return m->string;
    }
    return shares->child != NULL ? shares->child->string : NULL;
}

GPtrArray *jv_doc_genders(const cJSON *by_gender)
{
    GPtrArray *genders = g_ptr_array_new();
    const cJSON *g;
    if (jv_doc_member(by_gender, "woman") != NULL)
        g_ptr_array_add(genders, "woman");
    if (jv_doc_member(by_gender, "man") != NULL)
        g_ptr_array_add(genders, "man");
    cJSON_ArrayForEach(g, by_gender) {
        if (cJSON_IsObject(by_gender) && g->string != NULL && strcmp(g->string, "woman") != 0 &&
            strcmp(g->string, "man") != 0)
            g_ptr_array_add(genders, g->string);
    }
    return genders;
}

gboolean jv_doc_gender_used(const cJSON *cell)
{
    if (cJSON_IsTrue(jv_doc_member(cell, "suppressed")))
        return TRUE;
    const cJSON *v;
    cJSON_ArrayForEach(v, cell)
        if (cJSON_IsNumber(v) && v->valuedouble != 0)
            return TRUE;
    return FALSE;
}

static const cJSON *options(const cJSON *doc)
{
    return jv_doc_member(jv_doc_member(doc, "evaluation"), "options");
}

void jv_doc_band(const cJSON *doc, double *low, double *high)
{
    const cJSON *band = jv_doc_member(options(doc), "balance");
    *low = 0.40;
    *high = 0.60;
    if (jv_doc_is_interval(band)) {
        *low = cJSON_GetArrayItem(band, 0)->valuedouble;
        *high = cJSON_GetArrayItem(band, 1)->valuedouble;
    }
}

double jv_doc_confidence(const cJSON *doc)
{
    double c = jv_doc_number(options(doc), "confidence");
    return isfinite(c) && c > 0 && c < 1 ? c : 0.95;
}

int jv_doc_min_cell(const cJSON *doc)
{
    double m = jv_doc_number(options(doc), "min_cell");
    return isfinite(m) && m >= 0 && m < 1e9 ? (int)m : 5;
}

gboolean jv_doc_headline_suppressed(const cJSON *result)
{
    const cJSON *by_gender = jv_doc_member(result, "by_gender");
    if (cJSON_IsTrue(jv_doc_member(jv_doc_member(by_gender, "woman"), "suppressed")) ||
        cJSON_IsTrue(jv_doc_member(jv_doc_member(by_gender, "man"), "suppressed")) ||
        cJSON_IsTrue(jv_doc_member(jv_doc_member(result, "total"), "suppressed")))
        return TRUE;
    const cJSON *v; /* gender objects such as training_reach's reach */
    cJSON_ArrayForEach(v, result)
        if (jv_doc_is_gender_object(v) &&
            (cJSON_IsTrue(jv_doc_member(jv_doc_member(v, "woman"), "suppressed")) ||
             cJSON_IsTrue(jv_doc_member(jv_doc_member(v, "man"), "suppressed"))))
            return TRUE;
    return FALSE;
}
