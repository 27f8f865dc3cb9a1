/* core/render/report_model.c — the building blocks of the report model
 * (see report_model.h): tables, rows and cells (a cell's tone follows
 * its symbol), bars, and the note markers of indicators not computed. */
#include "render/report_model.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/symbols.h"

jv_table *jv_table_new(const char *caption)
{
    jv_table *t = g_new0(jv_table, 1);
    t->caption = g_strdup(caption);
    t->header = g_ptr_array_new_with_free_func(g_free);
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    t->bars = g_ptr_array_new();
    t->stack_names = g_ptr_array_new_with_free_func(g_free);
    t->stacks = g_ptr_array_new();
    return t;
}

void jv_table_column(jv_table *table, const char *name)
{
    g_ptr_array_add(table->header, g_strdup(name));
}

static void clear_cell(gpointer p) { g_free(((jv_cell *)p)->text); }

GArray *jv_table_row(jv_table *table)
{
    GArray *row = g_array_new(FALSE, TRUE, sizeof(jv_cell));
    g_array_set_clear_func(row, clear_cell);
    g_ptr_array_add(table->rows, row);
    return row;
}

void jv_row_take(GArray *row, char *text, gboolean numeric, jv_tone tone)
{
    jv_cell cell = {.text = text, .numeric = numeric, .tone = tone};
    jv_absence absence;
    if (numeric && jv_symbol_parse(text, &absence))
        cell.tone = absence == JV_ABSENT_SUPPRESSED       ? JV_TONE_SUPPRESSED
                    : absence == JV_ABSENT_NOT_APPLICABLE ? JV_TONE_NOT_APPLICABLE
                                                          : JV_TONE_MISSING;
    else if (strcmp(text, JV_MISSING) == 0)
        cell.tone = JV_TONE_MISSING;
    g_array_append_val(row, cell);
}

void jv_row_text(GArray *row, const char *text)
{
    jv_row_take(row, g_strdup(text != NULL ? text : ""), FALSE, JV_TONE_NONE);
}

void jv_table_bar(jv_table *table, const char *label, const char *text, double share,
                  const cJSON *interval, gboolean suppressed, jv_tone tone)
{
    jv_bar *bar = g_new0(jv_bar, 1);
    bar->label = g_strdup(label);
    bar->text = g_strdup(text);
    bar->share = share;
    bar->lower = bar->upper = NAN;
    if (jv_doc_is_interval(interval)) {
        bar->lower = cJSON_GetArrayItem(interval, 0)->valuedouble;
        bar->upper = cJSON_GetArrayItem(interval, 1)->valuedouble;
    }
    bar->suppressed = suppressed;
    bar->tone = tone;
    g_ptr_array_add(table->bars, bar);
}

jv_tone jv_tone_for_balance(const char *balance)
{
    if (balance == NULL)
        return JV_TONE_NONE;
    if (strcmp(balance, "balanced") == 0)
        return JV_TONE_BALANCED;
    if (strcmp(balance, "men_dominated") == 0)
        return JV_TONE_MEN;
    if (strcmp(balance, "women_dominated") == 0)
        return JV_TONE_WOMEN;
    return JV_TONE_NONE;
}

void jv_table_free(jv_table *table)
{
    if (table == NULL)
        return;
    for (guint i = 0; i < table->bars->len; i++) {
        jv_bar *bar = g_ptr_array_index(table->bars, i);
        g_free(bar->label);
        g_free(bar->text);
        g_free(bar);
    }
    for (guint i = 0; i < table->stacks->len; i++) {
        jv_stack *stack = g_ptr_array_index(table->stacks, i);
        g_free(stack->label);
        g_array_unref(stack->parts);
        g_free(stack);
    }
    g_ptr_array_unref(table->bars);
    g_ptr_array_unref(table->stacks);
    g_ptr_array_unref(table->stack_names);
    g_ptr_array_unref(table->rows);
    g_ptr_array_unref(table->header);
    g_free(table->caption);
    g_free(table->note);
    g_free(table->chart_note);
    g_free(table);
}

static char *marker_key(guint scope, const char *indicator)
{
    return g_strdup_printf("%u\x1f%s", scope, indicator);
}

const char *jv_report_marker(const jv_report *report, guint scope, const char *indicator)
{
    if (report->markers == NULL || indicator == NULL)
        return NULL;
    char *key = marker_key(scope, indicator);
    const char *marker = g_hash_table_lookup(report->markers, key);
    g_free(key);
    return marker;
}

void jv_report_set_marker(jv_report *report, guint scope, const char *indicator, char *marker)
{
    g_hash_table_insert(report->markers, marker_key(scope, indicator), marker);
}
