/* core/render/html_chart.c — inline SVG charts for the HTML report (see
 * html.h). Geometry in a fixed viewBox scaled to the page; coordinates
 * written without the locale (always '.'). Colours are the Okabe–Ito
 * palette, safe for colour-blind readers; every mark also has text: a
 * value beside each bar, "..", and a word for suppressed values. */
#include "render/html.h"

#include <math.h>
#include <string.h>

#include "render/format.h"
#include "render/safe_text.h"
#include "render/symbols.h"

#define CHART_WIDTH 640
#define LABEL_RIGHT 190 /* labels end here */
#define PLOT_LEFT 196
#define PLOT_WIDTH 360
#define VALUE_LEFT 564
#define TOP 26
#define ROW 22
#define BAR 14
#define LABEL_CHARS 30

/* Appends a coordinate with one decimal, locale-free. */
static void coord(GString *out, double x)
{
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, g_ascii_formatd(text, sizeof text, "%.1f", x));
}

static double x_of(double share) { return PLOT_LEFT + PLOT_WIDTH * fmin(1.0, fmax(0.0, share)); }

static const char *tone_fill(jv_tone tone)
{
    switch (tone) {
    case JV_TONE_MEN:
        return "#0072B2"; /* blue */
    case JV_TONE_WOMEN:
        return "#E69F00"; /* orange */
    case JV_TONE_BALANCED:
        return "#009E73"; /* bluish green */
    default:
        return "#6F6F6F";
    }
}

/* A label cut to fit the label column (the full text is in the row's
 * <title> and in the table). */
static void label(GString *out, const char *text)
{
    if (g_utf8_strlen(text, -1) <= LABEL_CHARS) {
        jv_html_escape(out, text);
        return;
    }
    char *cut = g_strndup(text, g_utf8_offset_to_pointer(text, LABEL_CHARS - 1) - text);
    jv_html_escape(out, cut);
    g_string_append(out, "\xe2\x80\xa6");
    g_free(cut);
}

static void open_svg(GString *out, const char *id, const char *table_id, double height,
                     const char *title, const char *desc)
{
    g_string_append_printf(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %d ", CHART_WIDTH);
    coord(out, height);
    g_string_append_printf(out,
                           "\" aria-labelledby=\"%s-title %s-desc\" aria-describedby=\"%s\">\n", id,
                           id, table_id);
    g_string_append_printf(out, "<title id=\"%s-title\">", id);
    jv_html_escape(out, title);
    g_string_append_printf(out, "</title>\n<desc id=\"%s-desc\">", id);
    jv_html_escape(out, desc);
    g_string_append(out, "</desc>\n");
    /* Suppressed values are hatched, so they show in black and white. */
    g_string_append_printf(out,
                           "<defs><pattern id=\"%s-hatch\" width=\"6\" height=\"6\" "
                           "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                           "<rect width=\"6\" height=\"6\" fill=\"#FFFFFF\"/>"
                           "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999999\" "
                           "stroke-width=\"2\"/></pattern></defs>\n",
                           id);
}

/* `template` with every "{key}" replaced by its value (two pairs). */
static char *fill(const char *template, const char *key1, const char *value1, const char *key2,
                  const char *value2)
{
    char **parts = g_strsplit(template, key1, -1);
    char *once = g_strjoinv(value1, parts);
    g_strfreev(parts);
    parts = g_strsplit(once, key2, -1);
    char *text = g_strjoinv(value2, parts);
    g_strfreev(parts);
    g_free(once);
    return text;
}

static void text_at(GString *out, double x, double y, const char *anchor, const char *cls)
{
    g_string_append(out, "<text x=\"");
    coord(out, x);
    g_string_append(out, "\" y=\"");
    coord(out, y);
    g_string_append_printf(out, "\" text-anchor=\"%s\"%s%s%s>", anchor, cls ? " class=\"" : "",
                           cls ? cls : "", cls ? "\"" : "");
}

static void rect(GString *out, double x, double y, double w, double h, const char *fill,
                 const char *cls)
{
    g_string_append(out, "<rect x=\"");
    coord(out, x);
    g_string_append(out, "\" y=\"");
    coord(out, y);
    g_string_append(out, "\" width=\"");
    coord(out, fmax(0, w));
    g_string_append(out, "\" height=\"");
    coord(out, h);
    g_string_append_printf(out, "\"%s%s%s fill=\"%s\"/>\n", cls ? " class=\"" : "", cls ? cls : "",
                           cls ? "\"" : "", fill);
}

static void line(GString *out, double x1, double y1, double x2, double y2, const char *cls)
{
    g_string_append(out, "<line x1=\"");
    coord(out, x1);
    g_string_append(out, "\" y1=\"");
    coord(out, y1);
    g_string_append(out, "\" x2=\"");
    coord(out, x2);
    g_string_append(out, "\" y2=\"");
    coord(out, y2);
    g_string_append_printf(out, "\" class=\"%s\"/>\n", cls);
}

/* Gridlines and tick labels every 20 %, plus the band's edges. */
static void axis(GString *out, const jv_chart_frame *f, double bottom)
{
    rect(out, x_of(f->band_low), TOP - 4, x_of(f->band_high) - x_of(f->band_low), bottom - TOP + 4,
         "#DDDDDD", "band");
    double ticks[8] = {0, 0.2, 0.4, 0.6, 0.8, 1.0, f->band_low, f->band_high};
    for (int i = 0; i < 8; i++) {
        if (i >= 6 && (fabs(ticks[i] - 0.4) < 1e-9 || fabs(ticks[i] - 0.6) < 1e-9))
            continue; /* already a tick */
        line(out, x_of(ticks[i]), TOP - 4, x_of(ticks[i]), bottom, "grid");
        char *t = jv_format_percent_short(f->lang, ticks[i]);
        text_at(out, x_of(ticks[i]), TOP - 9, "middle", "tick");
        jv_html_escape(out, t);
        g_string_append(out, "</text>\n");
        g_free(t);
    }
}

void jv_html_bar_chart(GString *out, const jv_table *table, const char *id, const char *table_id,
                       const jv_chart_frame *f)
{
    const jv_lang lang = f->lang;
    double bottom = TOP + ROW * (double)table->bars->len + 4;
    char *band = jv_format_band(lang, f->band_low, f->band_high);
    /* TRANSLATORS: keep {band} and {ci}: "40–60 %" and "95 % CI". */
    char *desc = fill(jv_tr(lang, N_("Horizontal bars of women's share, from 0 to 100 %; the "
                                     "balanced band {band} is shaded; black lines show the {ci}; "
                                     "hatched rows are suppressed. The table after the chart "
                                     "gives the same figures.")),
                      "{band}", band, "{ci}", f->ci_name);
    open_svg(out, id, table_id, bottom + 4, table->caption, desc);
    g_free(desc);
    g_free(band);
    axis(out, f, bottom);
    for (guint i = 0; i < table->bars->len; i++) {
        const jv_bar *b = g_ptr_array_index(table->bars, i);
        double y = TOP + ROW * (double)i;
        g_string_append(out, "<g><title>");
        jv_html_escape(out, b->label);
        g_string_append(out, ": ");
        jv_html_escape(out, b->suppressed ? jv_tr(lang, N_("suppressed")) : b->text);
        g_string_append(out, "</title>\n");
        text_at(out, LABEL_RIGHT, y + BAR - 2, "end", "label");
        label(out, b->label);
        g_string_append(out, "</text>\n");
        if (isfinite(b->share)) {
            rect(out, PLOT_LEFT, y + 2, x_of(b->share) - PLOT_LEFT, BAR, tone_fill(b->tone), "bar");
            if (isfinite(b->lower) && isfinite(b->upper)) {
                double mid = y + 2 + BAR / 2.0;
                line(out, x_of(b->lower), mid, x_of(b->upper), mid, "ci");
                line(out, x_of(b->lower), mid - 4, x_of(b->lower), mid + 4, "ci");
                line(out, x_of(b->upper), mid - 4, x_of(b->upper), mid + 4, "ci");
            }
        } else {
            /* No bar: say why inside the plot, hatched when suppressed. */
            if (b->suppressed) {
                char *hatch = g_strdup_printf("url(#%s-hatch)", id);
                rect(out, PLOT_LEFT, y + 2, PLOT_WIDTH, BAR, hatch, "suppressed");
                g_free(hatch);
            }
            text_at(out, PLOT_LEFT + 4, y + BAR - 2, "start", "missing");
            if (b->suppressed)
                g_string_append_printf(out, "%s ", JV_SYMBOL_SUPPRESSED);
            jv_html_escape(out, b->suppressed ? jv_tr(lang, N_("suppressed")) : JV_MISSING);
            g_string_append(out, "</text>\n");
        }
        text_at(out, VALUE_LEFT, y + BAR - 2, "start", "value");
        jv_html_escape(out, b->text);
        g_string_append(out, "</text>\n</g>\n");
    }
    g_string_append(out, "</svg>\n");
}

static const char *const part_fills[] = {"#009E73", "#F0E442", "#D55E00", "#BBBBBB",
                                         "#56B4E9", "#CC79A7", "#0072B2", "#E69F00"};

void jv_html_stack_chart(GString *out, const jv_table *table, const char *id, const char *table_id,
                         const jv_chart_frame *f)
{
    const jv_lang lang = f->lang;
    double top = TOP + 14; /* room for the legend */
    double bottom = top + ROW * (double)table->stacks->len + 4;
    open_svg(out, id, table_id, bottom + 4, table->caption,
             jv_tr(lang, N_("Horizontal stacked bars: each region's goals by status, as shares "
                            "of its goals. The table after the chart gives the same figures.")));
    double x = PLOT_LEFT;
    for (guint k = 0; k < table->stack_names->len; k++) {
        const char *name = g_ptr_array_index(table->stack_names, k);
        rect(out, x, 4, 10, 10, part_fills[k % G_N_ELEMENTS(part_fills)], "swatch");
        text_at(out, x + 14, 13, "start", "tick");
        jv_html_escape(out, name);
        g_string_append(out, "</text>\n");
        x += 22 + 6.5 * (double)g_utf8_strlen(name, -1);
    }
    for (guint i = 0; i < table->stacks->len; i++) {
        const jv_stack *s = g_ptr_array_index(table->stacks, i);
        double y = top + ROW * (double)i, whole = 0, start = PLOT_LEFT;
        for (guint k = 0; k < s->parts->len; k++)
            whole += g_array_index(s->parts, double, k);
        g_string_append(out, "<g><title>");
        jv_html_escape(out, s->label);
        g_string_append(out, "</title>\n");
        text_at(out, LABEL_RIGHT, y + BAR - 2, "end", "label");
        label(out, s->label);
        g_string_append(out, "</text>\n");
        for (guint k = 0; k < s->parts->len && whole > 0; k++) {
            double w = PLOT_WIDTH * g_array_index(s->parts, double, k) / whole;
            rect(out, start, y + 2, w, BAR, part_fills[k % G_N_ELEMENTS(part_fills)], "part");
            start += w;
        }
        char *n = jv_format_number(lang, whole, JV_KIND_COUNT);
        text_at(out, VALUE_LEFT, y + BAR - 2, "start", whole > 0 ? "value" : "missing");
        jv_html_escape(out, whole > 0 ? n : JV_MISSING);
        g_string_append(out, "</text>\n</g>\n");
        g_free(n);
    }
    g_string_append(out, "</svg>\n");
}
