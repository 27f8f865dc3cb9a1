/* core/render/html.c — the report as one self-contained HTML page: no
 * script, no network, no external file (it works offline, from an e-mail
 * attachment), styles inline. The summary of regions side by side; per
 * indicator, women's share by region as a chart; goal fulfilment by
 * region; then for every region and the total each indicator's tables,
 * each table with women's shares preceded by its chart (html_chart.c).
 * Accessible: every chart is an <svg role="img"> with <title> and <desc>
 * followed by the table that holds its figures; balance classes are
 * written out, never shown by colour alone; the palette is colour-blind
 * safe; the page prints (no navigation, no split tables, colours kept). */
#include "render/render.h"

#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/html.h"
#include "render/labels.h"
#include "render/report.h"
#include "render/safe_text.h"
#include "render/symbols.h"

static const char style[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
    "sans-serif;color:#1A1A1A;background:#FFFFFF;margin:0 auto;max-width:1100px;padding:1rem "
    "1.5rem;"
    "line-height:1.4}\n"
    "h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px "
    "solid "
    "#1A1A1A}h3{font-size:1.1rem;margin-top:1.5rem}h3 code{font-size:1rem}\n"
    ".facts,.legend,.note{color:#444444;font-size:.9rem}\n"
    "nav ul{columns:3;padding-left:1.2rem}\n"
    "table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}\n"
    "caption{text-align:left;font-weight:600;padding:.25rem 0}\n"
    "th,td{border-bottom:1px solid #CCCCCC;padding:.2rem "
    ".6rem;text-align:left;vertical-align:top}\n"
    "thead th{border-bottom:2px solid #1A1A1A}\n"
    "td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "td.men{background:#D6E8F5}td.women{background:#FBE8C8}td.balanced{background:#D5EFE6}\n"
    "td.missing{color:#555555}\n"
    "td.suppressed{color:#1A1A1A;background:repeating-linear-gradient(45deg,#FFFFFF 0 4px,#EEEEEE "
    "4px 8px)}\n"
    "td.na{color:#777777}\n"
    "abbr{text-decoration:none;cursor:help}\n"
    ".notes{font-size:.85rem;color:#444444;margin:.25rem 0 1rem;padding-left:0;list-style:none}\n"
    ".brief p{max-width:48rem}.sentence{font-weight:600}\n"
    ".chart-key{font-size:.8rem;color:#333333;margin:.1rem 0 .5rem}\n"
    ".chart-key .entry{white-space:nowrap;margin-right:1rem}\n"
    ".key{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;"
    "border:1px solid #999999}\n"
    ".key.men{background:#0072B2}.key.women{background:#E69F00}.key.balanced{background:#009E73}"
    ".key.plain{background:#6F6F6F}.key.band{background:#DDDDDD}"
    ".key.ci{border:0;border-top:2px solid #000000;height:0;vertical-align:.3em}"
    ".key.hatch{background:repeating-linear-gradient(45deg,#FFFFFF 0 2px,#999999 2px 4px)}\n"
    "tr.total th,tr.total td{font-weight:700}\n"
    ".mark{font-size:.75em;margin-left:.3em}\n"
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n"
    "figure{margin:1rem 0 .25rem}figcaption{font-weight:600;font-size:.9rem;margin-bottom:.25rem}\n"
    "svg.chart{width:100%;max-width:760px;height:auto;display:block}\n"
    "svg .label,svg .value,svg .tick,svg .missing{font-size:12px;fill:#1A1A1A}\n"
    "svg .tick{font-size:11px;fill:#444444}svg .missing{font-style:italic}\n"
    "svg .grid{stroke:#BBBBBB;stroke-width:1}svg .ci{stroke:#000000;stroke-width:1.5}\n"
    ".status{font-style:italic}\n"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "@page{size:A4;margin:15mm 12mm}\n"
    "@media print{nav{display:none}body{max-width:none;padding:0;font-size:9pt}"
    "table{width:100%;font-size:8pt;page-break-inside:auto}th,td{padding:.1rem .3rem}"
    "thead{display:table-header-group}tr,figure,.chart-key{break-inside:avoid}"
    "thead th{overflow-wrap:break-word;hyphens:auto}tbody th{white-space:nowrap}"
    "svg.chart{max-width:100%}h2,h3{break-after:avoid}section.scope{break-before:page}"
    ".facts,.legend,.note,.notes,.chart-key,.brief p{font-size:8pt}}\n";

typedef struct page {
    GString *out;
    jv_report *report;
    jv_chart_frame frame;
    guint next_id;
} page;

static const char *tone_class(jv_tone tone)
{
    switch (tone) {
    case JV_TONE_MEN:
        return " men";
    case JV_TONE_WOMEN:
        return " women";
    case JV_TONE_BALANCED:
        return " balanced";
    case JV_TONE_MISSING:
        return " missing";
    case JV_TONE_SUPPRESSED:
        return " suppressed";
    case JV_TONE_NOT_APPLICABLE:
        return " na";
    default:
        return "";
    }
}

/* A visible mark and a spoken word for a balance class, so colour is
 * never the only signal: ▼ women's share below the band, ▲ above. */
static void tone_mark(page *p, jv_tone tone)
{
    const char *mark = tone == JV_TONE_MEN     ? "\xe2\x96\xbc"
                       : tone == JV_TONE_WOMEN ? "\xe2\x96\xb2"
                                               : NULL;
    if (mark == NULL)
        return;
    g_string_append_printf(
        p->out, "<span class=\"mark\" aria-hidden=\"true\">%s</span><span class=\"sr\"> ", mark);
    jv_html_escape(p->out,
                   jv_label_balance(p->report->lang,
                                    tone == JV_TONE_MEN ? "men_dominated" : "women_dominated"));
    g_string_append(p->out, "</span>");
}

/* A table, after its chart when it has one. The caption is shown once:
 * above the chart (figcaption) when there is one, else above the table;
 * `hide_caption` when a heading already says it. The table keeps its
 * caption for screen readers either way. */
static void table(page *p, const jv_table *t, gboolean marks, gboolean last_is_total,
                  gboolean hide_caption)
{
    GString *out = p->out;
    guint id = ++p->next_id;
    char *table_id = g_strdup_printf("t%u", id);
    if (t->bars->len > 0 || t->stacks->len > 0) {
        char *chart_id = g_strdup_printf("c%u", id);
        g_string_append(out, "<figure>\n<figcaption>");
        jv_html_escape(out, t->caption);
        g_string_append(out, "</figcaption>\n");
        if (t->bars->len > 0) {
            jv_html_bar_chart(out, t, chart_id, table_id, &p->frame);
            jv_html_bar_legend(out, t, &p->frame);
        } else {
            jv_html_stack_chart(out, t, chart_id, table_id, &p->frame);
        }
        g_string_append(out, "</figure>\n");
        g_free(chart_id);
        hide_caption = TRUE;
    }
    g_string_append_printf(out, "<table id=\"%s\">\n", table_id);
    if (t->caption != NULL) {
        g_string_append(out, hide_caption ? "<caption class=\"sr\">" : "<caption>");
        jv_html_escape(out, t->caption);
        g_string_append(out, "</caption>\n");
    }
    g_string_append(out, "<thead><tr>");
    for (guint c = 0; c < t->header->len; c++) {
        g_string_append(out, "<th scope=\"col\">");
        jv_html_escape(out, g_ptr_array_index(t->header, c));
        g_string_append(out, "</th>");
    }
    g_string_append(out, "</tr></thead>\n<tbody>\n");
    for (guint r = 0; r < t->rows->len; r++) {
        GArray *row = g_ptr_array_index(t->rows, r);
        gboolean total = last_is_total && r + 1 == t->rows->len;
        g_string_append(out, total ? "<tr class=\"total\">" : "<tr>");
        for (guint c = 0; c < row->len; c++) {
            const jv_cell *cell = &g_array_index(row, jv_cell, c);
            gboolean name = c == 0 && !t->no_row_names;
            if (name)
                g_string_append(out, "<th scope=\"row\">");
            else
                g_string_append_printf(out, "<td class=\"%s%s\">", cell->numeric ? "num" : "txt",
                                       tone_class(cell->tone));
            jv_absence absence;
            if (!name && jv_symbol_parse(cell->text, &absence)) {
                /* A symbol says its meaning on hover and to screen readers. */
                char *meaning = jv_symbol_meaning(p->report->lang, absence, p->report->min_cell);
                g_string_append(out, "<abbr title=\"");
                jv_html_escape(out, meaning);
                g_string_append(out, "\">");
                jv_html_escape(out, cell->text);
                g_string_append(out, "</abbr>");
                g_free(meaning);
            } else {
                jv_html_escape(out, cell->text);
            }
            if (marks)
                tone_mark(p, cell->tone);
            g_string_append(out, name ? "</th>" : "</td>");
        }
        g_string_append(out, "</tr>\n");
    }
    g_string_append(out, "</tbody>\n</table>\n");
    if (t->note != NULL) {
        g_string_append(out, "<p class=\"note\">");
        jv_html_escape(out, t->note);
        g_string_append(out, "</p>\n");
    }
    if (t->chart_note != NULL) {
        g_string_append(out, "<p class=\"note\">");
        jv_html_escape(out, t->chart_note);
        g_string_append(out, "</p>\n");
    }
    g_free(table_id);
}

static void heading(page *p, int level, const char *id, const char *text)
{
    g_string_append_printf(p->out, "<h%d%s%s%s>", level, id ? " id=\"" : "", id ? id : "",
                           id ? "\"" : "");
    jv_html_escape(p->out, text);
    g_string_append_printf(p->out, "</h%d>\n", level);
}

static void nav_item(page *p, const char *anchor, const char *text)
{
    g_string_append_printf(p->out, "<li><a href=\"#%s\">", anchor);
    jv_html_escape(p->out, text);
    g_string_append(p->out, "</a></li>\n");
}

static void contents(page *p)
{
    jv_report *r = p->report;
    jv_lang lang = r->lang;
    g_string_append_printf(p->out, "<nav aria-label=\"%s\">\n", jv_tr(lang, N_("Contents")));
    heading(p, 2, NULL, jv_tr(lang, N_("Contents")));
    g_string_append(p->out, "<ul>\n");
    if (r->overview->len > 0)
        nav_item(p, "brief", jv_tr(lang, N_("In brief")));
    nav_item(p, "summary", jv_tr(lang, N_("Summary")));
    if (r->comparisons->len > 0)
        nav_item(p, "by-region", jv_tr(lang, N_("Women's share by region")));
    if (r->trends->len > 0)
        nav_item(p, "trend", jv_tr(lang, N_("Trend by period")));
    if (r->goals->len > 0)
        nav_item(p, "goals", jv_tr(lang, N_("Goal fulfilment by region")));
    for (guint i = 0; i < r->scopes->len; i++) {
        char *anchor = g_strdup_printf("scope-%u", i + 1);
        nav_item(p, anchor, ((jv_report_scope *)g_ptr_array_index(r->scopes, i))->name);
        g_free(anchor);
    }
    if (!r->publish && r->warnings->len > 0)
        nav_item(p, "warnings", jv_tr(lang, N_("Warnings")));
    if (r->indicators != NULL)
        nav_item(p, "indicators", r->indicators->caption);
    if (r->inputs != NULL)
        nav_item(p, "inputs", r->inputs->caption);
    g_string_append(p->out, "</ul>\n</nav>\n");
}

static void scope(page *p, guint index, const jv_report_scope *s)
{
    char *anchor = g_strdup_printf("scope-%u", index + 1);
    g_string_append_printf(p->out, "<section class=\"scope\" aria-labelledby=\"%s\">\n", anchor);
    heading(p, 2, anchor, s->name);
    for (guint k = 0; k < s->sections->len; k++) {
        const jv_section *sec = g_ptr_array_index(s->sections, k);
        g_string_append(p->out, "<section class=\"indicator\">\n<h3>");
        jv_html_escape(p->out, sec->title);
        g_string_append(p->out, "</h3>\n");
        if (sec->status != NULL) {
            g_string_append(p->out, "<p class=\"status\">");
            jv_html_escape(p->out, sec->status);
            g_string_append(p->out, "</p>\n");
        }
        if (sec->sentence != NULL) {
            g_string_append(p->out, "<p class=\"sentence\">");
            jv_html_escape(p->out, sec->sentence);
            g_string_append(p->out, "</p>\n");
        }
        if (sec->headline != NULL) {
            g_string_append(p->out, "<p class=\"headline\">");
            jv_html_escape(p->out, sec->headline);
            g_string_append(p->out, "</p>\n");
        }
        for (guint t = 0; t < sec->tables->len; t++)
            table(p, g_ptr_array_index(sec->tables, t), FALSE, FALSE, FALSE);
        g_string_append(p->out, "</section>\n");
    }
    g_string_append(p->out, "</section>\n");
    g_free(anchor);
}

GString *jv_render_html(const cJSON *doc, const jv_render_options *options)
{
    page p = {.out = g_string_new(NULL),
              .report = jv_report_build_with(doc, options->lang, options->publish)};
    jv_report *r = p.report;
    jv_lang lang = r->lang;
    char *ci_name = jv_format_ci_name(lang, jv_doc_confidence(doc));
    p.frame.lang = lang;
    p.frame.ci_name = ci_name;
    jv_doc_band(doc, &p.frame.band_low, &p.frame.band_high);
    GString *out = p.out;
    g_string_append_printf(
        out,
        "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        lang == JV_LANG_SV ? "sv" : "en");
    jv_html_escape(out, r->title);
    g_string_append_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n",
                           style);
    heading(&p, 1, NULL, r->title);
    g_string_append(out, "<p class=\"facts\">");
    jv_html_escape(out, r->publish ? r->method : r->facts);
    g_string_append(out, "</p>\n</header>\n");
    contents(&p);
    g_string_append(out, "<main>\n");
    if (r->overview->len > 0) {
        g_string_append(out, "<section class=\"brief\" aria-labelledby=\"brief\">\n");
        heading(&p, 2, "brief", jv_tr(lang, N_("In brief")));
        for (guint i = 0; i < r->overview->len; i++) {
            g_string_append(out, "<p>");
            jv_html_escape(out, g_ptr_array_index(r->overview, i));
            g_string_append(out, "</p>\n");
        }
        g_string_append(out, "</section>\n");
    }
    g_string_append(out, "<section aria-labelledby=\"summary\">\n");
    heading(&p, 2, "summary", jv_tr(lang, N_("Summary")));
    table(&p, r->summary, TRUE,
          r->scopes->len > 0 &&
              ((jv_report_scope *)g_ptr_array_index(r->scopes, r->scopes->len - 1))->total,
          TRUE);
    g_string_append(out, "<p class=\"legend\">");
    jv_html_escape(out, r->legend);
    g_string_append(out, "</p>\n<p class=\"legend\">");
    char *low = jv_format_percent_short(lang, p.frame.band_low);
    char *high = jv_format_percent_short(lang, p.frame.band_high);
    /* TRANSLATORS: the summary's marks; %s are the band's limits. */
    char *marks = g_strdup_printf(
        jv_tr(lang,
              N_("\xe2\x96\xbc blue: men-dominated (women's share below %s); \xe2\x96\xb2 orange: "
                 "women-dominated (above %s); green without a mark: balanced (%s to %s); "
                 "white: a figure without a balance class.")),
        low, high, low, high);
    jv_html_escape(out, marks);
    g_free(marks);
    g_free(low);
    g_free(high);
    g_string_append(out, "</p>\n");
    if (r->notes->len > 0) {
        g_string_append(out, "<ul class=\"notes\">\n");
        for (guint i = 0; i < r->notes->len; i++) {
            g_string_append(out, "<li>");
            jv_html_escape(out, g_ptr_array_index(r->notes, i));
            g_string_append(out, "</li>\n");
        }
        g_string_append(out, "</ul>\n");
    }
    g_string_append(out, "</section>\n");
    if (r->comparisons->len > 0) {
        g_string_append(out, "<section aria-labelledby=\"by-region\">\n");
        heading(&p, 2, "by-region", jv_tr(lang, N_("Women's share by region")));
        for (guint i = 0; i < r->comparisons->len; i++)
            table(&p, g_ptr_array_index(r->comparisons, i), FALSE, TRUE, FALSE);
        g_string_append(out, "</section>\n");
    }
    if (r->trends->len > 0) {
        g_string_append(out, "<section aria-labelledby=\"trend\">\n");
        heading(&p, 2, "trend", jv_tr(lang, N_("Trend by period")));
        for (guint i = 0; i < r->trends->len; i++) {
            const jv_table *t = g_ptr_array_index(r->trends, i);
            guint next = p.next_id + 1; /* the id table() gives it */
            char *chart_id = g_strdup_printf("trend%u", next);
            char *table_id = g_strdup_printf("t%u", next);
            g_string_append(out, "<figure>\n<figcaption>");
            jv_html_escape(out, t->caption);
            g_string_append(out, "</figcaption>\n");
            jv_html_trend_chart(out, doc, g_ptr_array_index(r->trend_names, i), t, chart_id,
                                table_id, &p.frame);
            g_string_append(out, "</figure>\n");
            table(&p, t, TRUE, TRUE, TRUE);
            g_free(chart_id);
            g_free(table_id);
        }
        g_string_append(out, "</section>\n");
    }
    if (r->goals->len > 0) {
        g_string_append(out, "<section aria-labelledby=\"goals\">\n");
        heading(&p, 2, "goals", jv_tr(lang, N_("Goal fulfilment by region")));
        for (guint i = 0; i < r->goals->len; i++)
            table(&p, g_ptr_array_index(r->goals, i), FALSE, TRUE, FALSE);
        g_string_append(out, "</section>\n");
    }
    for (guint i = 0; i < r->scopes->len; i++)
        scope(&p, i, g_ptr_array_index(r->scopes, i));
    if (r->publish) {
        g_string_append(out, "<p class=\"note\">");
        jv_html_escape(out, r->quality);
        g_string_append(out, "</p>\n");
    } else if (r->warnings->len > 0) {
        g_string_append(out, "<section aria-labelledby=\"warnings\">\n");
        heading(&p, 2, "warnings", jv_tr(lang, N_("Warnings")));
        g_string_append(out, "<ul>\n");
        for (guint i = 0; i < r->warnings->len; i++) {
            g_string_append(out, "<li>");
            jv_html_escape(out, g_ptr_array_index(r->warnings, i));
            g_string_append(out, "</li>\n");
        }
        g_string_append(out, "</ul>\n</section>\n");
    }
    if (r->indicators != NULL) {
        g_string_append(out, "<section aria-labelledby=\"indicators\">\n");
        heading(&p, 2, "indicators", r->indicators->caption);
        table(&p, r->indicators, FALSE, FALSE, TRUE);
        g_string_append(out, "</section>\n");
    }
    if (r->inputs != NULL) {
        g_string_append(out, "<section aria-labelledby=\"inputs\">\n");

        heading(&p, 2, "inputs", r->inputs->caption);
        table(&p, r->inputs, FALSE, FALSE, TRUE);
        g_string_append(out, "</section>\n");
    }
    g_string_append(out, "</main>\n<footer><p class=\"legend\">");
    jv_html_escape(out, r->legend);
    g_string_append(out, "</p></footer>\n</body>\n</html>\n");
    g_free(ci_name);
    jv_report_free(r);
    return out;
}
