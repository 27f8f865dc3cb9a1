/* core/eval/person_level.c — the breakdown rule of person_level.h. */
#include "eval/person_level.h"

#include "util/i18n.h"

#include <inttypes.h>

static const cJSON *member(const cJSON *object, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(object, key);
}

static gboolean check_scope(const jv_indicator *ind, const cJSON *scope, const char *where,
                            guint64 rows, GError **error)
{
    const cJSON *entry = member(member(scope, "indicators"), ind->name);
    const cJSON *column;
    if (rows < JV_PERSON_LEVEL_MIN_ROWS)
        return TRUE;
    cJSON_ArrayForEach(column, member(member(entry, "result"), "breakdowns")) {
        guint64 values = (guint64)cJSON_GetArraySize(column);
        if (values * 2 <= rows)
            continue;
        g_set_error(error, JV_RUN_ERROR, 0,
                    _("indicator '%s': breakdown column '%s' has %" PRIu64
                      " different values in %" PRIu64 " rows of %s: its values mostly "
                      "stand for single rows (an identifier?), and a breakdown by it would publish "
                      "person-level data; remove '%s' from params.by (refused: more values than "
                      "half the rows, on %d rows or more)"),
                    ind->name, column->string, values, rows, where, column->string,
                    JV_PERSON_LEVEL_MIN_ROWS);
        return FALSE;
    }
    return TRUE;
}

/* With periods, every period of a scope too (its `parts`, in the order of
 * the block's "periods"): a year has fewer rows than all years together,
 * so a breakdown can single out persons there only. */
static gboolean check_periods(const jv_outcomes *out, guint i, const jv_scope *s,
                              const cJSON *scope, GError **error)
{
    const jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
    const cJSON *p = member(scope, "periods") ? member(scope, "periods")->child : NULL;
    for (guint k = 0; s->parts != NULL && k < s->parts->len && p != NULL; k++, p = p->next) {
        const jv_period_part *part = g_ptr_array_index(s->parts, k);
        char *where = g_strdup_printf(
            "%s, period '%s'", s->index == JV_SCOPE_TOTAL ? "the total" : s->name, part->value);
        gboolean ok = check_scope(ind, p, where, part->rows[i], error);
        g_free(where);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

gboolean jv_person_level_check(const jv_outcomes *out, const cJSON *doc, GError **error)
{
    const cJSON *regions = member(doc, "regions");
    for (guint i = 0; i < out->plan->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(out->plan->indicators, i);
        guint64 total_rows = 0;
        const cJSON *scope = regions != NULL ? regions->child : NULL;
        for (size_t r = 0; r < out->n_regions; r++, scope = scope ? scope->next : NULL) {
            const jv_outcome *o = &out->regions[r].outcomes[i];
            if (o->status != JV_STATUS_OK)
                continue;
            total_rows += o->rows;
            char *where = g_strdup_printf("region '%s'", out->regions[r].name);
            gboolean ok = check_scope(ind, scope, where, o->rows, error) &&
                          check_periods(out, i, &out->regions[r], scope, error);
            g_free(where);
            if (!ok)
                return FALSE;
        }
        if (!check_scope(ind, member(doc, "total"), "the total", total_rows, error) ||
            !check_periods(out, i, &out->total, member(doc, "total"), error))
            return FALSE;
    }
    return TRUE;
}
