/* core/eval/period_result.c — a scope's "periods" and "trend" (DESIGN.md
 * "Periods (year over year)"): per period, the periodised indicators'
 * entries written by the plugins' finish() from the period's states; per
 * indicator, the headline of each period side by side and the change from
 * the first period to the last, with Newcombe's interval when the headline
 * is a women's share of counts (it carries a Wilson interval). */
#include "eval/period_result.h"

#include "eval/result_entry.h"

#include <math.h>
#include <string.h>

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static cJSON *number_or_null(double v)
{
    return isfinite(v) ? cJSON_CreateNumber(v) : cJSON_CreateNull();
}

/* A headline's value, or NAN when null. */
static double value_of(const cJSON *headline)
{
    const cJSON *v = get(headline, "value");
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

/* A headline's Wilson interval into ci, FALSE when it has none. */
static gboolean ci_of(const cJSON *headline, double ci[2])
{
    const cJSON *c = get(headline, "ci");
    if (!cJSON_IsArray(c) || cJSON_GetArraySize(c) != 2 ||
        !cJSON_IsNumber(cJSON_GetArrayItem(c, 0)) || !cJSON_IsNumber(cJSON_GetArrayItem(c, 1)))
        return FALSE;
    ci[0] = cJSON_GetArrayItem(c, 0)->valuedouble;
    ci[1] = cJSON_GetArrayItem(c, 1)->valuedouble;
    return TRUE;
}

/* "change": last minus first; for a share of counts, Newcombe's hybrid
 * score interval (INDICATORS.md, method 10) from the two Wilson intervals,
 * p1 the last period's share, p2 the first's — the same arithmetic as
 * jv_stats_newcombe() on the counts. */
static cJSON *change(const char *from, const cJSON *first, const char *to, const cJSON *last)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "from", from);
    cJSON_AddStringToObject(c, "to", to);
    double p1 = value_of(last), p2 = value_of(first);
    double d = p1 - p2;
    cJSON_AddItemToObject(c, "value", number_or_null(d));
    double w1[2], w2[2];
    const cJSON *unit = get(last, "unit");
    if (isfinite(d) && cJSON_IsString(unit) && strcmp(unit->valuestring, "share") == 0 &&
        ci_of(last, w1) && ci_of(first, w2)) {
        double a = p1 - w1[0], b = w2[1] - p2;
        double e = w1[1] - p1, f = p2 - w2[0];
        cJSON *ci = cJSON_AddArrayToObject(c, "ci");
        cJSON_AddItemToArray(ci, cJSON_CreateNumber(d - sqrt(a * a + b * b)));
        cJSON_AddItemToArray(ci, cJSON_CreateNumber(d + sqrt(e * e + f * f)));
    } else {
        cJSON_AddNullToObject(c, "ci");
    }
    return c;
}

static cJSON *copy_or_null(const cJSON *item)
{
    return item != NULL ? cJSON_Duplicate(item, TRUE) : cJSON_CreateNull();
}

/* The trend of indicator `name` over the periods' entries, or NULL when a
 * period has no result (skipped, error). */
static cJSON *trend_of(jv_outcomes *out, const char *name, const cJSON *periods)
{
    guint n = out->periods->len;
    const cJSON **headlines = g_new0(const cJSON *, n ? n : 1);
    guint k = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, periods) {
        const cJSON *entry = get(get(p, "indicators"), name);
        headlines[k] = get(get(entry, "result"), "headline");
        if (!cJSON_IsObject(headlines[k])) {
            g_free(headlines);
            return NULL;
        }
        k++;
    }
    cJSON *trend = cJSON_CreateObject();
    cJSON_AddItemToObject(trend, "metric", copy_or_null(n ? get(headlines[0], "metric") : NULL));
    cJSON_AddItemToObject(trend, "unit", copy_or_null(n ? get(headlines[0], "unit") : NULL));
    cJSON *values = cJSON_AddArrayToObject(trend, "values");
    for (k = 0; k < n; k++) {
        cJSON *v = cJSON_CreateObject();
        cJSON_AddStringToObject(v, "period", g_ptr_array_index(out->periods, k));
        cJSON_AddItemToObject(v, "value", copy_or_null(get(headlines[k], "value")));
        cJSON_AddItemToObject(v, "ci", copy_or_null(get(headlines[k], "ci")));
        cJSON_AddItemToObject(v, "balance", copy_or_null(get(headlines[k], "balance")));
        cJSON_AddItemToArray(values, v);
    }
    if (n > 0)
        cJSON_AddItemToObject(trend, "change",
                              change(g_ptr_array_index(out->periods, 0), headlines[0],
                                     g_ptr_array_index(out->periods, n - 1), headlines[n - 1]));
    else
        cJSON_AddNullToObject(trend, "change");
    g_free(headlines);
    return trend;
}

gboolean jv_period_results(jv_outcomes *out, jv_scope *scope, cJSON *block, GError **error)
{
    cJSON *periods = cJSON_AddArrayToObject(block, "periods");
    for (guint k = 0; k < out->periods->len; k++) {
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(periods, item);
        cJSON_AddStringToObject(item, "value", g_ptr_array_index(out->periods, k));
        cJSON *indicators = cJSON_AddObjectToObject(item, "indicators");
        jv_period_part *part = scope->parts != NULL && k < scope->parts->len
                                   ? g_ptr_array_index(scope->parts, k)
                                   : NULL;
        jv_period_part *total = g_ptr_array_index(out->total.parts, k);
        for (guint i = 0; i < out->plan->indicators->len; i++) {
            if (!out->periodised[i])
                continue;
            if (!jv_result_entry(out, scope, i, (int)k, part ? part->states[i] : NULL,
                                 total->states[i], part ? part->rows[i] : 0,
                                 part ? part->skipped[i] : 0, indicators, error))
                return FALSE;
        }
    }
    cJSON *trend = cJSON_AddObjectToObject(block, "trend");
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        cJSON *t = out->periodised[i] ? trend_of(out, ind->name, periods) : NULL;
        if (t != NULL)
            cJSON_AddItemToObject(trend, ind->name, t);
    }
    return TRUE;
}
