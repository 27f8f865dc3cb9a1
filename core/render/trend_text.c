/* core/render/trend_text.c — the trend tables (report_trend.c) for the
 * terminal table: each as a caption and aligned columns, the region
 * column cut at 30 characters, numbers right-aligned. */
#include "render/trend_text.h"

#include <string.h>

#define REGION_MAX 30

static void put(GString *out, const char *text, glong width, gboolean right)
{
    glong length = g_utf8_strlen(text, -1);
    if (length > width) {
        const char *end = g_utf8_offset_to_pointer(text, width - 1);
        g_string_append_len(out, text, end - text);
        g_string_append(out, "\xe2\x80\xa6");
        return;
    }
    for (glong i = 0; right && i < width - length; i++)
        g_string_append_c(out, ' ');
    g_string_append(out, text);
    for (glong i = 0; !right && i < width - length; i++)
        g_string_append_c(out, ' ');
}

static const char *text_at(const jv_table *t, guint r, guint c)
{
    GArray *row = g_ptr_array_index(t->rows, r);
    return c < row->len ? g_array_index(row, jv_cell, c).text : "";
}

void jv_trend_text(GString *out, const jv_report *report)
{
    for (guint i = 0; i < report->trends->len; i++) {
        const jv_table *t = g_ptr_array_index(report->trends, i);
        guint columns = t->header->len;
        glong *width = g_new0(glong, columns ? columns : 1);
        for (guint c = 0; c < columns; c++) {
            width[c] = g_utf8_strlen(g_ptr_array_index(t->header, c), -1);
            for (guint r = 0; r < t->rows->len; r++)
                width[c] = MAX(width[c], g_utf8_strlen(text_at(t, r, c), -1));
        }
        if (columns > 0)
            width[0] = MIN(width[0], REGION_MAX);
        g_string_append_printf(out, "%s\n", t->caption);
        for (guint r = 0; r <= t->rows->len; r++) {
            for (guint c = 0; c < columns; c++) {
                if (c > 0)
                    g_string_append(out, "  ");
                put(out, r == 0 ? g_ptr_array_index(t->header, c) : text_at(t, r - 1, c), width[c],
                    c > 0);
            }
            g_string_append_c(out, '\n');
        }
        if (t->note != NULL)
            g_string_append_printf(out, "%s\n", t->note);
        g_string_append_c(out, '\n');
        g_free(width);
    }
}
