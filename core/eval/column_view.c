/* column_view.c — views of a jv_column's values by type (column_view.h). */
#include "eval/column_view.h"

jv_column jv_column_view_slice(const jv_column *c, size_t from)
{
    jv_column s = *c;
    if (s.missing)
        s.missing += from;
    if (s.codes)
        s.codes += from;
    if (s.numbers)
        s.numbers += from;
    if (s.booleans)
        s.booleans += from;
    if (s.ids)
        s.ids += from;
    return s;
}

size_t jv_column_view_value_size(const jv_column *c)
{
    if (c->codes)
        return sizeof(uint32_t);
    if (c->numbers)
        return sizeof(int64_t);
    if (c->booleans)
        return sizeof(uint8_t);
    if (c->ids)
        return sizeof(jv_string);
    return 0;
}

const void *jv_column_view_values(const jv_column *c)
{
    if (c->codes)
        return c->codes;
    if (c->numbers)
        return c->numbers;
    if (c->booleans)
        return c->booleans;
    return c->ids;
}

void jv_column_view_set_values(jv_column *c, void *data)
{
    if (c->codes)
        c->codes = data;
    else if (c->numbers)
        c->numbers = data;
    else if (c->booleans)
        c->booleans = data;
    else if (c->ids)
        c->ids = data;
}
