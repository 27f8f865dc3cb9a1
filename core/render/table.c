/* core/render/table.c — the terminal table: the evaluation's summary (every
 * indicator's headline per region and for the total) in aligned columns,
 * with a legend naming each column's metric. Values are rounded for
 * display only; a null is "..". */
#include "render/render.h"

#include <math.h>
#include <string.h>

static int display_width(const char *s)
{
    return (int)g_utf8_strlen(s, -1);
}

static void pad(GString *out, const char *s, int width, gboolean right)
{
    int fill = width - display_width(s);
    if (right)
        for (int i = 0; i < fill; i++)
            g_string_append_c(out, ' ');
    g_string_append(out, s);
    if (!right)
        for (int i = 0; i < fill; i++)
            g_string_append_c(out, ' ');
}

/* The unit of a summary column, from the total's headline. */
static const char *column_unit(const cJSON *doc, const char *key)
{
    char *indicator = g_strndup(key, strcspn(key, "."));
    const cJSON *h = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(
            cJSON_GetObjectItemCaseSensitive(
                cJSON_GetObjectItemCaseSensitive(
                    cJSON_GetObjectItemCaseSensitive(doc, "total"), "indicators"),
                indicator),
            "result"),
        "headline");
    g_free(indicator);
    const cJSON *unit = cJSON_GetObjectItemCaseSensitive(h, "unit");
    return cJSON_IsString(unit) ? unit->valuestring : "";
}

static char *format_value(const cJSON *v, const char *unit)
{
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
        return g_strdup("..");
    double x = v->valuedouble;
    if (strcmp(unit, "share") == 0 || strcmp(unit, "rate") == 0)
        return g_strdup_printf("%.1f %%", 100.0 * x);
    if (strcmp(unit, "difference") == 0)
        return g_strdup_printf("%+.1f pp", 100.0 * x);
    if (strcmp(unit, "count") == 0 || strcmp(unit, "amount") == 0)
        return g_strdup_printf("%.0f", x);
    return g_strdup_printf("%.4g", x);
}

GString *jv_render_table(const cJSON *doc, gboolean color)
{
    GString *out = g_string_new(NULL);
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(doc, "evaluation"), "name");
    const cJSON *summary = cJSON_GetObjectItemCaseSensitive(doc, "summary");
    const cJSON *first = cJSON_GetArrayItem(summary, 0);
    if (cJSON_IsString(name))
        g_string_append_printf(out, "%s%s%s\n\n", color ? "\033[1m" : "", name->valuestring,
                               color ? "\033[0m" : "");
    if (first == NULL)
        return out;
    /* Columns: region, then every key of the first row but "region". */
    GPtrArray *keys = g_ptr_array_new();
    const cJSON *item;
    cJSON_ArrayForEach(item, first) if (strcmp(item->string, "region") != 0)
        g_ptr_array_add(keys, item->string);
    int name_width = display_width("region");
    cJSON_ArrayForEach(item, summary)
    {
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(item, "region");
        if (cJSON_IsString(r) && display_width(r->valuestring) > name_width)
            name_width = display_width(r->valuestring);
    }
    const int column_width = 10;
    pad(out, "region", name_width, FALSE);
    for (guint k = 0; k < keys->len; k++) {
        char *label = g_strdup_printf("(%u)", k + 1);
        g_string_append(out, "  ");
        pad(out, label, column_width, TRUE);
        g_free(label);
    }
    g_string_append_c(out, '\n');
    cJSON_ArrayForEach(item, summary)
    {
        const cJSON *r = cJSON_GetObjectItemCaseSensitive(item, "region");
        gboolean total = cJSON_IsString(r) && strcmp(r->valuestring, "total") == 0;
        if (total && color)
            g_string_append(out, "\033[1m");
        pad(out, cJSON_IsString(r) ? r->valuestring : "?", name_width, FALSE);
        for (guint k = 0; k < keys->len; k++) {
            const char *key = g_ptr_array_index(keys, k);
            char *v = format_value(cJSON_GetObjectItemCaseSensitive(item, key), column_unit(doc, key));
            g_string_append(out, "  ");
            pad(out, v, column_width, TRUE);
            g_free(v);
        }
        if (total && color)
            g_string_append(out, "\033[0m");
        g_string_append_c(out, '\n');
    }
    g_string_append_c(out, '\n');
    for (guint k = 0; k < keys->len; k++)
        g_string_append_printf(out, "(%u) %s\n", k + 1, (const char *)g_ptr_array_index(keys, k));
    g_string_append(out, "\n.. = not available or suppressed (fewer persons than min_cell)\n");
    g_ptr_array_unref(keys);
    return out;
}
