/* core/render/html_legend.c — the key under each bar chart of the HTML
 * report: one entry for every colour and pattern the chart uses (the
 * balance classes, no class, suppressed hatching, the balanced band and
 * the interval whiskers), drawn with the same colours as the chart and
 * always with words, so it prints and reads without colour. */
#include "render/html.h"

#include <math.h>

#include "render/format.h"
#include "render/labels.h"
#include "render/safe_text.h"
#include "render/symbols.h"

static void entry(GString *out, const char *swatch, const char *text)
{
    g_string_append_printf(out,
                           "<span class=\"entry\"><span class=\"key %s\" aria-hidden=\"true\">"
                           "</span>",
                           swatch);
    jv_html_escape(out, text);
    g_string_append(out, "</span>\n");
}

void jv_html_bar_legend(GString *out, const jv_table *table, const jv_chart_frame *f)
{
    gboolean tones[JV_TONE_NOT_APPLICABLE + 1] = {FALSE};
    gboolean suppressed = FALSE, interval = FALSE;
    for (guint i = 0; i < table->bars->len; i++) {
        const jv_bar *b = g_ptr_array_index(table->bars, i);
        if (isfinite(b->share))
            tones[b->tone] = TRUE;
        suppressed |= b->suppressed;
        interval |= isfinite(b->lower) && isfinite(b->upper) && isfinite(b->share);
    }
    const jv_lang lang = f->lang;
    g_string_append(out, "<p class=\"chart-key\">");
    if (tones[JV_TONE_BALANCED])
        entry(out, "balanced", jv_label_balance(lang, "balanced"));
    if (tones[JV_TONE_MEN])
        entry(out, "men", jv_label_balance(lang, "men_dominated"));
    if (tones[JV_TONE_WOMEN])
        entry(out, "women", jv_label_balance(lang, "women_dominated"));
    if (tones[JV_TONE_NONE] || tones[JV_TONE_MISSING])
        entry(out, "plain", jv_tr(lang, N_("no balance class (a share of another measure)")));
    char *band = jv_format_band(lang, f->band_low, f->band_high);
    char *text = g_strdup_printf(jv_tr(lang, N_("shaded: the balanced band %s")), band);
    entry(out, "band", text);
    g_free(text);
    g_free(band);
    if (interval) {
        text = g_strdup_printf(jv_tr(lang, N_("line: the %s")), f->ci_name);
        entry(out, "ci", text);
        g_free(text);
    }
    if (suppressed) {
        text = g_strdup_printf(jv_tr(lang, N_("hatched (%s): suppressed to protect individuals")),
                               JV_SYMBOL_SUPPRESSED);
        entry(out, "hatch", text);
        g_free(text);
    }
    g_string_append(out, "</p>\n");
}
