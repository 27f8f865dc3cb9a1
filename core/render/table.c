/* core/render/table.c — the terminal table: the evaluation's summary
 * (every indicator's headline per region and for the total) in aligned
 * columns that fit 100 columns — more indicators than fit are shown in
 * further blocks, each repeating the region column — with a numbered
 * legend naming each column (and its key, unless publishing). Values are
 * rounded for display only; the symbols × . .. are explained under the
 * table (symbols.h), with the notes on what was not computed. Colour (bold header and total, blue
 * for men-dominated, yellow for women-dominated, dim "..") only when
 * options->color. */
#include "render/render.h"

#include <string.h>

#include "render/report.h"
#include "render/trend_text.h"

#define WIDTH 100
#define REGION_MAX 30
#define GAP 2

static const char *tone_colour(jv_tone tone)
{
    switch (tone) {
    case JV_TONE_MEN:
        return "\033[34m";
    case JV_TONE_WOMEN:
        return "\033[33m";
    case JV_TONE_MISSING:
    case JV_TONE_SUPPRESSED:
    case JV_TONE_NOT_APPLICABLE:
        return "\033[2m";
    default:
        return NULL;
    }
}

/* Appends `text` in `width` columns, cut with "…" when longer. */
static void put(GString *out, const char *text, glong width, gboolean right, const char *colour)
{
    glong length = g_utf8_strlen(text, -1);
    char *shown = NULL;
    if (length > width && width > 1) {
        const char *end = g_utf8_offset_to_pointer(text, width - 1);
        shown = g_strdup_printf("%.*s\xe2\x80\xa6", (int)(end - text), text);
        length = width;
    }
    glong fill = width - length;
    if (right)
        for (glong i = 0; i < fill; i++)
            g_string_append_c(out, ' ');
    if (colour != NULL)
        g_string_append(out, colour);
    g_string_append(out, shown != NULL ? shown : text);
    if (colour != NULL)
        g_string_append(out, "\033[0m");
    if (!right)
        for (glong i = 0; i < fill; i++)
            g_string_append_c(out, ' ');
    g_free(shown);
}

/* Appends `text` wrapped at WIDTH, continuation lines indented. */
static void wrap(GString *out, const char *text, int indent)
{
    char **words = g_strsplit(text, " ", -1);
    glong column = 0;
    for (char **w = words; *w != NULL; w++) {
        glong length = g_utf8_strlen(*w, -1);
        if (column > indent && column + 1 + length > WIDTH) {
            g_string_append_c(out, '\n');
            for (int i = 0; i < indent; i++)
                g_string_append_c(out, ' ');
            column = indent;
        } else if (w != words) {
            g_string_append_c(out, ' ');
            column++;
        }
        g_string_append(out, *w);
        column += length;
    }
    g_string_append_c(out, '\n');
    g_strfreev(words);
}

static const jv_cell *cell(const jv_table *t, guint row, guint column)
{
    GArray *r = g_ptr_array_index(t->rows, row);
    return column < r->len ? &g_array_index(r, jv_cell, column) : NULL;
}

GString *jv_render_table(const cJSON *doc, const jv_render_options *options)
{
    jv_report *report = jv_report_build_with(doc, options->lang, options->publish);
    const gboolean color = options->color;
    GString *out = g_string_new(NULL);
    put(out, report->title, g_utf8_strlen(report->title, -1), FALSE, color ? "\033[1m" : NULL);
    g_string_append_c(out, '\n');
    wrap(out, report->publish ? report->method : report->facts, 0);
    g_string_append_c(out, '\n');
    const jv_table *t = report->summary;
    guint columns = t->header->len;
    if (columns < 2 || t->rows->len == 0) {
        jv_report_free(report);
        return out;
    }
    glong *width = g_new0(glong, columns);
    for (guint c = 0; c < columns; c++) {
        char *number = g_strdup_printf("(%u)", c);
        width[c] =
            c == 0 ? g_utf8_strlen(g_ptr_array_index(t->header, 0), -1) : (glong)strlen(number);
        g_free(number);
        for (guint r = 0; r < t->rows->len; r++)
            if (cell(t, r, c) != NULL)
                width[c] = MAX(width[c], g_utf8_strlen(cell(t, r, c)->text, -1));
    }
    width[0] = MIN(width[0], REGION_MAX);
    for (guint first = 1; first < columns;) {
        /* As many columns as fit beside the region column (at least one). */
        guint last = first;
        glong used = width[0] + GAP + width[first];
        while (last + 1 < columns && used + GAP + width[last + 1] <= WIDTH)
            used += GAP + width[++last];
        if (first > 1)
            g_string_append_c(out, '\n');
        put(out, g_ptr_array_index(t->header, 0), width[0], FALSE, color ? "\033[1m" : NULL);
        for (guint c = first; c <= last; c++) {
            char *number = g_strdup_printf("(%u)", c);
            g_string_append_printf(out, "%*s", GAP, "");
            put(out, number, width[c], TRUE, color ? "\033[1m" : NULL);
            g_free(number);
        }
        g_string_append_c(out, '\n');
        for (guint r = 0; r < t->rows->len; r++) {
            const guint n_scopes = report->scopes->len;
            gboolean total =
                r + 1 == t->rows->len && n_scopes > 0 &&
                ((jv_report_scope *)g_ptr_array_index(report->scopes, n_scopes - 1))->total;
            const jv_cell *name = cell(t, r, 0);
            put(out, name ? name->text : "", width[0], FALSE, color && total ? "\033[1m" : NULL);
            for (guint c = first; c <= last; c++) {
                const jv_cell *v = cell(t, r, c);
                g_string_append_printf(out, "%*s", GAP, "");
                put(out, v ? v->text : "", width[c], TRUE,
                    color && v
                        ? (total && v->tone == JV_TONE_NONE ? "\033[1m" : tone_colour(v->tone))
                        : NULL);
            }
            g_string_append_c(out, '\n');
        }
        first = last + 1;
    }
    g_string_append_c(out, '\n');
    for (guint c = 1; c < columns; c++) {
        char *line =
            report->publish
                ? g_strdup_printf("(%u) %s", c, (const char *)g_ptr_array_index(t->header, c))
                : g_strdup_printf("(%u) %s [%s]", c, (const char *)g_ptr_array_index(t->header, c),
                                  (const char *)g_ptr_array_index(report->summary_keys, c - 1));
        wrap(out, line, 4);
        g_free(line);
    }
    g_string_append_c(out, '\n');
    jv_trend_text(out, report);
    wrap(out, report->legend, 5);
    for (guint i = 0; i < report->notes->len; i++)
        wrap(out, g_ptr_array_index(report->notes, i), 2);

    if (color)
        wrap(out,
             jv_tr(report->lang, N_("Blue: men-dominated; yellow: women-dominated (40/60 rule).")),
             0);
    g_free(width);
    jv_report_free(report);
    return out;
}
