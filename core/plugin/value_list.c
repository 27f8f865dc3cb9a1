/* core/plugin/value_list.c — the host's value list (jamvikt/tally.h,
 * jv_host values_*): int64 values kept whole for exact order statistics
 * (a median), sorted once, lazily, when a rank is asked for. */
#include "plugin/tally_impl.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

struct jv_values {
    int64_t *items;
    size_t size, capacity;
    int sorted; /* items are in ascending order */
};

jv_values *jv_values_new(void)
{
    jv_values *values = g_new0(jv_values, 1);
    values->sorted = 1;
    return values;
}

void jv_values_free(jv_values *values)
{
    if (values == NULL)
        return;
    g_free(values->items);
    g_free(values);
}

static void reserve(jv_values *values, size_t more)
{
    if (values->capacity - values->size >= more)
        return;
    size_t capacity = values->capacity ? values->capacity : 64;
    while (capacity - values->size < more)
        capacity *= 2;
    values->items = g_renew(int64_t, values->items, capacity);
    values->capacity = capacity;
}

void jv_values_add(jv_values *values, int64_t value)
{
    reserve(values, 1);
    if (values->size > 0 && value < values->items[values->size - 1])
        values->sorted = 0;
    values->items[values->size++] = value;
}

void jv_values_merge(jv_values *into, const jv_values *from)
{
    if (from == NULL || from->size == 0)
        return;
    reserve(into, from->size);
    if (into->size > 0 && (!from->sorted || from->items[0] < into->items[into->size - 1]))
        into->sorted = 0;
    else if (into->size == 0)
        into->sorted = from->sorted;
    memcpy(into->items + into->size, from->items, from->size * sizeof *from->items);
    into->size += from->size;
}

size_t jv_values_size(const jv_values *values) { return values->size; }

static int compare_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int64_t jv_values_at(jv_values *values, size_t k)
{
    if (k >= values->size)
        return 0;
    if (!values->sorted) {
        qsort(values->items, values->size, sizeof *values->items, compare_int64);
        values->sorted = 1;
    }
    return values->items[k];
}
