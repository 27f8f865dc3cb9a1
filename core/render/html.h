/* core/render/html.h — the inline SVG charts of the HTML page (html.c):
 * bar and stacked charts (html_chart.c), the key under a bar chart
 * (html_legend.c) and a trend's line chart (trend_html.c). Charts draw a
 * report table's bars or stacks (report_model.h); the caller writes the
 * table itself right after the chart, as its text alternative. Text is
 * escaped with jv_html_escape (safe_text.h). */
#ifndef JV_RENDER_HTML_H
#define JV_RENDER_HTML_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/report_model.h"

typedef struct jv_chart_frame {
    jv_lang lang;
    double band_low, band_high; /* the balanced band, shaded */
    const char *ci_name;        /* "95 % KI" */
} jv_chart_frame;

/* A horizontal bar chart of women's shares (0–100 %) with the band shaded,
 * intervals as whiskers and suppressed values marked, as
 * <svg role="img"> with <title> and <desc>; `id` must be unique in the
 * page and `table_id` names the table that follows. */
void jv_html_bar_chart(GString *out, const jv_table *table, const char *id, const char *table_id,
                       const jv_chart_frame *frame);
/* The key of a bar chart (html_legend.c): every colour and pattern the
 * chart uses, in words, as a <p class="chart-key">. */
void jv_html_bar_legend(GString *out, const jv_table *table, const jv_chart_frame *frame);
/* Horizontal stacked bars (each row's parts as shares of its whole) with
 * a legend; the same accessibility. */
void jv_html_stack_chart(GString *out, const jv_table *table, const char *id, const char *table_id,
                         const jv_chart_frame *frame);

/* trend_html.c: the line chart of `indicator`'s trend (`table` is its
 * trend table, report_trend.c). */
void jv_html_trend_chart(GString *out, const cJSON *doc, const char *indicator,
                         const jv_table *table, const char *id, const char *table_id,
                         const jv_chart_frame *frame);

#endif /* JV_RENDER_HTML_H */
