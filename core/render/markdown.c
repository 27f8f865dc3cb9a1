/* core/render/markdown.c — the report as GitHub-flavoured markdown that
 * also reads well as plain text: the summary of regions side by side,
 * goal fulfilment by region, then for every region and the total a table
 * per indicator (report.h), warnings and input files. Columns are padded
 * to equal width; numbers are right-aligned; ".." marks a value that is
 * not available; the symbols are explained under the summary (symbols.h).
 * Text from the document is escaped (md_escape): it never becomes HTML, a
 * link or an image. */
#include "render/render.h"

#include <string.h>

#include "render/report.h"

/* Appends text from the document as literal text: HTML (& < >) as
 * entities, link and code syntax ([ ] ` \\) escaped, so a value can never
 * become markup, a link or an image; in a table cell also | and line
 * breaks. */
static void md_escape(GString *out, const char *text, gboolean cell)
{
    for (const char *p = text != NULL ? text : ""; *p != '\0'; p++) {
        switch (*p) {
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '[':
        case ']':
        case '`':
        case '\\':
            g_string_append_c(out, '\\');
            g_string_append_c(out, *p);
            break;
        case '|':
            g_string_append(out, cell ? "\\|" : "|");
            break;
        case '\n':
        case '\r':
            g_string_append_c(out, ' ');
            break;
        default:
            g_string_append_c(out, *p);
        }
    }
}

/* md_escape()d text in a new string. */
static char *md_text(const char *text)
{
    GString *s = g_string_new(NULL);
    md_escape(s, text, FALSE);
    return g_string_free(s, FALSE);
}

/* A cell's text made safe inside a table row. */
static char *cell_text(const char *text)
{
    GString *s = g_string_new(NULL);
    md_escape(s, text, TRUE);
    return g_string_free(s, FALSE);
}

static void pad(GString *out, const char *text, glong width, gboolean right)
{
    glong fill = width - g_utf8_strlen(text, -1);
    if (right)
        for (glong i = 0; i < fill; i++)
            g_string_append_c(out, ' ');
    g_string_append(out, text);
    if (!right)
        for (glong i = 0; i < fill; i++)
            g_string_append_c(out, ' ');
}

static void table(GString *out, const jv_table *t)
{
    guint columns = t->header->len;
    if (columns == 0)
        return;
    if (t->caption != NULL) {
        g_string_append(out, "**");
        md_escape(out, t->caption, FALSE);
        g_string_append(out, "**\n\n");
    }
    /* Every cell escaped once; widths and alignment per column. */
    GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
    glong *width = g_new0(glong, columns);
    gboolean *right = g_new0(gboolean, columns);
    for (guint c = 0; c < columns; c++) {
        char *h = cell_text(g_ptr_array_index(t->header, c));
        width[c] = MAX(3, g_utf8_strlen(h, -1));
        g_ptr_array_add(cells, h);
        gboolean numeric = t->rows->len > 0;
        for (guint r = 0; r < t->rows->len; r++) {
            GArray *row = g_ptr_array_index(t->rows, r);
            if (c < row->len && !g_array_index(row, jv_cell, c).numeric &&
                g_array_index(row, jv_cell, c).text[0] != '\0')
                numeric = FALSE;
        }
        right[c] = numeric;
    }
    for (guint r = 0; r < t->rows->len; r++) {
        GArray *row = g_ptr_array_index(t->rows, r);
        for (guint c = 0; c < columns; c++) {
            char *text = cell_text(c < row->len ? g_array_index(row, jv_cell, c).text : "");
            width[c] = MAX(width[c], g_utf8_strlen(text, -1));
            g_ptr_array_add(cells, text);
        }
    }
    for (guint r = 0; r <= t->rows->len + 1; r++) {
        g_string_append(out, "|");
        for (guint c = 0; c < columns; c++) {
            g_string_append_c(out, ' ');
            if (r == 1) { /* the alignment row */
                for (glong i = 0; i < width[c] - 1; i++)
                    g_string_append_c(out, '-');
                g_string_append_c(out, right[c] ? ':' : '-');
            } else {
                guint row = r == 0 ? 0 : r - 1;
                pad(out, g_ptr_array_index(cells, row * columns + c), width[c], right[c] && r > 0);
            }
            g_string_append(out, " |");
        }
        g_string_append_c(out, '\n');
    }
    g_string_append_c(out, '\n');
    if (t->note != NULL) {
        md_escape(out, t->note, FALSE);
        g_string_append(out, "\n\n");
    }
    g_free(right);
    g_free(width);
    g_ptr_array_unref(cells);
}

static void section(GString *out, const jv_section *s)
{
    char *title = md_text(s->title), *status = md_text(s->status);
    char *sentence = md_text(s->sentence), *headline = md_text(s->headline);
    g_string_append_printf(out, "### %s\n\n", title);
    if (s->status != NULL)
        g_string_append_printf(out, "*%s*\n\n", status);
    if (s->sentence != NULL)
        g_string_append_printf(out, "%s\n\n", sentence);
    if (s->headline != NULL)
        g_string_append_printf(out, "%s\n\n", headline);
    g_free(title);
    g_free(status);
    g_free(sentence);
    g_free(headline);
    for (guint i = 0; i < s->tables->len; i++)
        table(out, g_ptr_array_index(s->tables, i));
}

GString *jv_render_markdown(const cJSON *doc, const jv_render_options *options)
{
    jv_report *report = jv_report_build_with(doc, options->lang, options->publish);

    jv_lang lang = report->lang;
    GString *out = g_string_new(NULL);
    char *title = md_text(report->title);
    char *facts = md_text(report->publish ? report->method : report->facts);
    g_string_append_printf(out, "# %s\n\n%s\n\n", title, facts);
    g_free(title);
    g_free(facts);
    if (report->overview->len > 0) {
        g_string_append_printf(out, "## %s\n\n", jv_tr(lang, N_("In brief")));
        for (guint i = 0; i < report->overview->len; i++) {
            char *paragraph = md_text(g_ptr_array_index(report->overview, i));
            g_string_append_printf(out, "%s\n\n", paragraph);
            g_free(paragraph);
        }
    }
    g_string_append_printf(out, "## %s\n\n", jv_tr(lang, N_("Summary")));
    jv_table *summary = report->summary;
    char *caption = summary->caption;
    summary->caption = NULL;
    table(out, summary);
    summary->caption = caption;
    g_string_append_printf(out, "%s\n\n", report->legend);
    for (guint i = 0; i < report->notes->len; i++) {
        char *note = md_text(g_ptr_array_index(report->notes, i));
        g_string_append_printf(out, "%s%s", note, i + 1 < report->notes->len ? "  \n" : "\n\n");
        g_free(note);
    }
    if (report->trends->len > 0) {
        g_string_append_printf(out, "## %s\n\n", jv_tr(lang, N_("Trend by period")));
        for (guint i = 0; i < report->trends->len; i++)
            table(out, g_ptr_array_index(report->trends, i));
    }
    if (report->goals->len > 0) {
        g_string_append_printf(out, "## %s\n\n", jv_tr(lang, N_("Goal fulfilment by region")));
        for (guint i = 0; i < report->goals->len; i++)
            table(out, g_ptr_array_index(report->goals, i));
    }
    for (guint i = 0; i < report->scopes->len; i++) {
        const jv_report_scope *scope = g_ptr_array_index(report->scopes, i);
        char *name = md_text(scope->name);
        g_string_append_printf(out, "## %s\n\n", name);
        g_free(name);
        for (guint k = 0; k < scope->sections->len; k++)
            section(out, g_ptr_array_index(scope->sections, k));
    }
    if (report->publish) {
        g_string_append_printf(out, "%s\n", report->quality);
    } else if (report->warnings->len > 0) {
        g_string_append_printf(out, "## %s\n\n", jv_tr(lang, N_("Warnings")));
        for (guint i = 0; i < report->warnings->len; i++) {
            char *warning = md_text(g_ptr_array_index(report->warnings, i));
            g_string_append_printf(out, "- %s\n", warning);
            g_free(warning);
        }
        g_string_append_c(out, '\n');
    }
    if (report->indicators != NULL) {
        g_string_append_printf(out, "## %s\n\n", report->indicators->caption);
        char *saved = report->indicators->caption;
        report->indicators->caption = NULL;
        table(out, report->indicators);
        report->indicators->caption = saved;
    }
    if (report->inputs != NULL) {
        g_string_append_printf(out, "## %s\n\n", report->inputs->caption);
        char *saved = report->inputs->caption;
        report->inputs->caption = NULL;
        table(out, report->inputs);
        report->inputs->caption = saved;
    }
    jv_report_free(report);
    return out;
}
