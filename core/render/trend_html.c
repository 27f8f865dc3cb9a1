/* core/render/trend_html.c — the small line chart of a trend (DESIGN.md
 * "Periods"): the indicator's headline per period, one faint line per
 * region and the total bold with its interval whiskers, the balanced band
 * shaded behind for shares. Inline SVG like html_chart.c: role="img" with
 * <title> and <desc>, the table with every figure right after it. Coordinates
 * are written without the locale; a null value breaks a line. */
#include "render/html.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/safe_text.h"

#define WIDTH 640
#define HEIGHT 240
#define LEFT 70
#define RIGHT 600
#define TOP 16
#define BOTTOM 200

static void num(GString *out, double x)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, g_ascii_formatd(text, sizeof text, "%.1f", x));
}

typedef struct scale {
    double low, high; /* the value range of the plot */
    guint n;          /* periods */
} scale;

static double x_at(const scale *s, guint k)
{
    return s->n <= 1 ? (LEFT + RIGHT) / 2.0 : LEFT + (RIGHT - LEFT) * (double)k / (s->n - 1);
}

static double y_at(const scale *s, double v)
{
    double f = (v - s->low) / (s->high - s->low);
    return BOTTOM - (BOTTOM - TOP) * fmin(1.0, fmax(0.0, f));
}

static double value_at(const cJSON *values, guint k)
{
    const cJSON *v = jv_doc_member(cJSON_GetArrayItem(values, (int)k), "value");
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

/* The value range: 0–1 for shares and rates, else the values and
 * intervals (and 0) with a margin. */
static void fit(scale *s, const cJSON *doc, const char *indicator, jv_kind kind)
{
    if (kind == JV_KIND_SHARE) {
        s->low = 0;
        s->high = 1;
        return;
    }
    s->low = 0;
    s->high = 0;
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *values = jv_doc_member(
            jv_doc_member(jv_doc_member(jv_doc_scope(doc, i), "trend"), indicator), "values");
        const cJSON *v;
        cJSON_ArrayForEach(v, values) {
            double x = jv_doc_number(v, "value");
            const cJSON *ci = jv_doc_member(v, "ci");
            if (isfinite(x)) {
                s->low = fmin(s->low, x);
                s->high = fmax(s->high, x);
            }
            if (jv_doc_is_interval(ci) && cJSON_IsNumber(cJSON_GetArrayItem(ci, 0))) {
                s->low = fmin(s->low, cJSON_GetArrayItem(ci, 0)->valuedouble);
                s->high = fmax(s->high, cJSON_GetArrayItem(ci, 1)->valuedouble);
            }
        }
    }
    double margin = (s->high - s->low) * 0.05;
    if (margin <= 0)
        margin = 0.05;
    s->low -= margin;
    s->high += margin;
}

/* One scope's line: segments between consecutive values; a value with no
 * neighbour is a dot, so it still shows. */
static void series(GString *out, const scale *s, const cJSON *values, const char *cls)
{
    for (guint k = 0; k < s->n;) {
        guint end = k;
        while (end < s->n && isfinite(value_at(values, end)))
            end++;
        if (end == k) {
            k++;
            continue;
        }
        if (end - k == 1) {
            g_string_append_printf(out, "<circle r=\"2.5\" class=\"%s\" cx=\"", cls);
            num(out, x_at(s, k));
            g_string_append(out, "\" cy=\"");
            num(out, y_at(s, value_at(values, k)));
            g_string_append(out, "\"/>\n");
        } else {
            g_string_append(out, "<polyline fill=\"none\" points=\"");
            for (guint i = k; i < end; i++) {
                if (i > k)
                    g_string_append_c(out, ' ');
                num(out, x_at(s, i));
                g_string_append_c(out, ',');
                num(out, y_at(s, value_at(values, i)));
            }
            g_string_append_printf(out, "\" class=\"%s\"/>\n", cls);
        }
        k = end;
    }
}

static void axis(GString *out, const scale *s, const cJSON *values, jv_kind kind,
                 const jv_chart_frame *f)
{
    if (kind == JV_KIND_SHARE) {
        g_string_append(out, "<rect x=\"" G_STRINGIFY(LEFT) "\" y=\"");
        num(out, y_at(s, f->band_high));
        g_string_append(out, "\" width=\"");
        num(out, RIGHT - LEFT);
        g_string_append(out, "\" height=\"");
        num(out, y_at(s, f->band_low) - y_at(s, f->band_high));
        g_string_append(out, "\" fill=\"#D5EFE6\"/>\n");
    }
    for (int t = 0; t <= 4; t++) {
        double v = s->low + (s->high - s->low) * t / 4.0;
        if (kind == JV_KIND_SHARE)
            v = t / 4.0;
        g_string_append(out,
                        "<line x1=\"" G_STRINGIFY(LEFT) "\" x2=\"" G_STRINGIFY(RIGHT) "\" y1=\"");
        num(out, y_at(s, v));
        g_string_append(out, "\" y2=\"");
        num(out, y_at(s, v));
        g_string_append(out, "\" class=\"grid\"/>\n<text x=\"");
        num(out, LEFT - 6);
        g_string_append(out, "\" y=\"");
        num(out, y_at(s, v) + 4);
        g_string_append(out, "\" text-anchor=\"end\" class=\"tick\">");
        char *text = jv_format_number(f->lang, v, kind);
        jv_html_escape(out, text);
        g_free(text);
        g_string_append(out, "</text>\n");
    }
    for (guint k = 0; k < s->n; k++) {
        g_string_append(out, "<text x=\"");
        num(out, x_at(s, k));
        g_string_append(out, "\" y=\"" G_STRINGIFY(BOTTOM) "\" dy=\"18\" text-anchor=\"middle\" "
                                                           "class=\"tick\">");
        jv_html_escape(out, jv_doc_string(cJSON_GetArrayItem(values, (int)k), "period"));
        g_string_append(out, "</text>\n");
    }
}

/* The total's points and interval whiskers. */
static void total_marks(GString *out, const scale *s, const cJSON *values)
{
    for (guint k = 0; k < s->n; k++) {
        const cJSON *item = cJSON_GetArrayItem(values, (int)k);
        double v = value_at(values, k);
        const cJSON *ci = jv_doc_member(item, "ci");
        if (jv_doc_is_interval(ci) && cJSON_IsNumber(cJSON_GetArrayItem(ci, 0))) {
            double x = x_at(s, k);
            double lo = y_at(s, cJSON_GetArrayItem(ci, 0)->valuedouble);
            double hi = y_at(s, cJSON_GetArrayItem(ci, 1)->valuedouble);
            g_string_append(out, "<path class=\"ci\" fill=\"none\" d=\"M");
            num(out, x - 5);
            g_string_append_c(out, ' ');
            num(out, lo);
            g_string_append(out, "H");
            num(out, x + 5);
            g_string_append(out, "M");
            num(out, x);
            g_string_append_c(out, ' ');
            num(out, lo);
            g_string_append(out, "V");
            num(out, hi);
            g_string_append(out, "M");
            num(out, x - 5);
            g_string_append_c(out, ' ');
            num(out, hi);
            g_string_append(out, "H");
            num(out, x + 5);
            g_string_append(out, "\"/>\n");
        }
        if (isfinite(v)) {
            g_string_append(out, "<circle r=\"4\" fill=\"#1A1A1A\" cx=\"");
            num(out, x_at(s, k));
            g_string_append(out, "\" cy=\"");
            num(out, y_at(s, v));
            g_string_append(out, "\"/>\n");
        }
    }
}

void jv_html_trend_chart(GString *out, const cJSON *doc, const char *indicator,
                         const jv_table *table, const char *id, const char *table_id,
                         const jv_chart_frame *frame)
{
    const cJSON *total = NULL, *model = NULL;
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        const cJSON *t = jv_doc_member(jv_doc_member(jv_doc_scope(doc, i), "trend"), indicator);
        if (cJSON_IsObject(t))
            model = t;
        if (cJSON_IsObject(t) && jv_doc_scope_is_total(doc, i))
            total = t;
    }
    if (model == NULL)
        return;
    jv_kind kind = jv_kind_for_unit(jv_doc_string(model, "unit"));
    scale s = {0, 1, (guint)cJSON_GetArraySize(jv_doc_member(model, "values"))};
    fit(&s, doc, indicator, kind);
    GString *desc =
        g_string_new(jv_tr(frame->lang, N_("One faint line per region; the total in bold")));
    if (total != NULL) {
        g_string_append(desc, ": ");
        const cJSON *v;
        gboolean first = TRUE;
        cJSON_ArrayForEach(v, jv_doc_member(total, "values")) {
            char *text = jv_format_json(frame->lang, jv_doc_member(v, "value"), kind);
            g_string_append_printf(desc, "%s%s %s", first ? "" : ", ", jv_doc_string(v, "period"),
                                   text);
            g_free(text);
            first = FALSE;
        }
    }
    g_string_append(desc, ".");
    g_string_append_printf(out,
                           "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" "
                           "aria-labelledby=\"%s-title %s-desc\" aria-describedby=\"%s\">\n",
                           WIDTH, HEIGHT, id, id, table_id);
    g_string_append_printf(out, "<title id=\"%s-title\">", id);
    jv_html_escape(out, table->caption);
    g_string_append_printf(out, "</title>\n<desc id=\"%s-desc\">", id);
    jv_html_escape(out, desc->str);
    g_string_append(out, "</desc>\n");
    g_string_free(desc, TRUE);
    g_string_append(out, "<style>.region{stroke:#888888;stroke-width:1.2;opacity:.45}"
                         "circle.region{fill:#888888}"
                         ".total{stroke:#1A1A1A;stroke-width:3}</style>\n");
    axis(out, &s, jv_doc_member(model, "values"), kind, frame);
    for (guint i = 0; i < jv_doc_scope_count(doc); i++) {
        if (jv_doc_scope_is_total(doc, i))
            continue;
        series(out, &s,
               jv_doc_member(jv_doc_member(jv_doc_member(jv_doc_scope(doc, i), "trend"), indicator),
                             "values"),
               "region");
    }
    if (total != NULL) {
        series(out, &s, jv_doc_member(total, "values"), "total");
        total_marks(out, &s, jv_doc_member(total, "values"));
    }
    g_string_append(out, "</svg>\n");
}
