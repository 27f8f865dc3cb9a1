/* core/data/problem.c — a bounded list of problems (contract in
 * problem.h). */
#include "data/problem.h"

#include <string.h>

#include "data/convert.h"

struct jv_problem_list {
    GPtrArray *items; /* jv_problem*, owned */
    size_t limit;
    guint64 errors, warnings;
};

static void problem_free(gpointer data)
{
    jv_problem *p = data;
    if (p == NULL)
        return;
    g_free(p->file);
    g_free(p->column);
    g_free(p->value);
    g_free(p->message);
    g_free(p->hint);
    g_free(p);
}

jv_problem_list *jv_problem_list_new(size_t limit)
{
    jv_problem_list *list = g_new0(jv_problem_list, 1);
    list->items = g_ptr_array_new_with_free_func(problem_free);
    list->limit = limit;
    return list;
}

void jv_problem_list_free(jv_problem_list *list)
{
    if (list == NULL)
        return;
    g_ptr_array_unref(list->items);
    g_free(list);
}

jv_problem *jv_problem_list_add(jv_problem_list *list, jv_severity severity, const char *code,
                                const char *file, guint64 line, const char *column, int field,
                                const char *value, gssize value_length, char *message, char *hint)
{
    if (severity == JV_SEVERITY_ERROR)
        list->errors++;
    else
        list->warnings++;
    if (list->items->len >= list->limit) {
        g_free(message);
        g_free(hint);
        return NULL;
    }
    jv_problem *p = g_new0(jv_problem, 1);
    p->severity = severity;
    p->code = code;
    p->file = g_strdup(file ? file : "(input)");
    p->line = line;
    p->column = g_strdup(column);
    p->field = field;
    if (value != NULL)
        p->value =
            jv_text_for_message(value, value_length < 0 ? strlen(value) : (size_t)value_length);
    p->message = message ? message : g_strdup("");
    p->hint = hint;
    g_ptr_array_add(list->items, p);
    return p;
}

void jv_problem_list_take(jv_problem_list *into, jv_problem_list *from)
{
    into->errors += from->errors;
    into->warnings += from->warnings;
    for (guint i = 0; i < from->items->len; i++) {
        if (into->items->len >= into->limit)
            break;
        g_ptr_array_add(into->items, g_ptr_array_index(from->items, i));
        from->items->pdata[i] = NULL;
    }
    g_ptr_array_set_size(from->items, 0);
    from->errors = from->warnings = 0;
}

static gint compare_place(gconstpointer a, gconstpointer b)
{
    const jv_problem *x = *(jv_problem *const *)a, *y = *(jv_problem *const *)b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->field > y->field) - (x->field < y->field);
}

void jv_problem_list_sort(jv_problem_list *list) { g_ptr_array_sort(list->items, compare_place); }

const GPtrArray *jv_problem_list_items(const jv_problem_list *list) { return list->items; }

guint64 jv_problem_list_errors(const jv_problem_list *list) { return list->errors; }

guint64 jv_problem_list_warnings(const jv_problem_list *list) { return list->warnings; }

gboolean jv_problem_list_partial(const jv_problem_list *list)
{
    return list->errors + list->warnings > list->items->len;
}

char *jv_problem_text(const jv_problem *p)
{
    GString *s = g_string_new(p->file);
    if (p->line > 0)
        g_string_append_printf(s, ":%" G_GUINT64_FORMAT, p->line);
    g_string_append(s, ": ");
    if (p->column != NULL)
        g_string_append_printf(s, "column '%s': ", p->column);
    g_string_append(s, p->message);
    return g_string_free(s, FALSE);
}
