/* core/render/sentences.c — results in words (see sentences.h). Known
 * headline metrics have their own phrase; any other headline is said as
 * "label: value", so custom indicators get a sentence too. */
#include "render/sentences.h"

#include <math.h>
#include <string.h>

#include "render/doc.h"
#include "render/format.h"
#include "render/labels.h"
#include "render/words.h"

/* Phrases for women's share of a measure: %1$s women's, %2$s men's. */
static const struct {
    const char *measure;
    const char *phrase;
} share_phrases[] = {
    {"amount_granted", N_("Women received %s of the money granted (men %s)")},
    {"applications", N_("Women made %s of the applications (men %s)")},
    {"granted", N_("Women had %s of the granted applications (men %s)")},
    {"seats", N_("Women held %s of the seats (men %s)")},
    {"persons_reached", N_("Women were %s of the persons reached (men %s)")},
};

static char *lower_first(const char *text)
{
    if (text == NULL || text[0] == '\0')
        return g_strdup("");
    const char *rest = g_utf8_next_char(text);
    char *first = g_utf8_strdown(text, rest - text);
    char *out = g_strconcat(first, rest, NULL);
    g_free(first);
    return out;
}

/* "; the distribution is men-dominated" and its certainty. */
static void append_balance(GString *s, jv_lang lang, const cJSON *h)
{
    const char *balance = jv_doc_string(h, "balance");
    if (balance == NULL || strcmp(balance, "no_data") == 0)
        return;
    g_string_append_printf(s, jv_tr(lang, N_("; the distribution is %s")),
                           jv_label_balance(lang, balance));
    if (cJSON_IsFalse(jv_doc_member(h, "balance_certain")))
        g_string_append_printf(s, " (%s)", jv_tr(lang, N_("not statistically certain")));
}

/* " Allowing for chance (95% confidence), the share lies in the range …" */
static void append_interval(GString *s, const cJSON *doc, jv_lang lang, const cJSON *h,
                            jv_kind kind, gboolean difference)
{
    const cJSON *ci = jv_doc_member(h, "ci");
    if (!jv_doc_is_interval(ci))
        return;
    char *level = jv_format_percent_short(lang, jv_doc_confidence(doc));
    char *range = jv_format_interval(lang, ci, kind);
    g_string_append_c(s, ' ');
    g_string_append_printf(
        s,
        difference ? jv_tr(lang, N_("Allowing for chance (%s confidence), the difference "
                                    "lies in the range %s."))
                   : jv_tr(lang, N_("Allowing for chance (%s confidence), the share lies "
                                    "in the range %s.")),
        level, range);
    /* "… +11,2 p.e.." → "… +11,2 p.e." */
    if (g_str_has_suffix(s->str, ".."))
        g_string_truncate(s, s->len - 1);
    g_free(range);
    g_free(level);
}

static char *share_sentence(const cJSON *doc, jv_lang lang, const char *indicator, const cJSON *h,
                            double value)
{
    const char *metric = jv_doc_string(h, "metric");
    const char *measure = metric + strlen("women_share_");
    char *women = jv_format_number(lang, value, JV_KIND_SHARE);
    char *men = jv_format_number(lang, 1.0 - value, JV_KIND_SHARE);
    GString *s = g_string_new(NULL);
    const char *phrase = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(share_phrases); i++)
        if (strcmp(share_phrases[i].measure, measure) == 0)
            phrase = jv_tr(lang, share_phrases[i].phrase);
    if (phrase != NULL) {
        /* Every phrase of share_phrases takes two %s (msgfmt --check keeps
         * the Swedish ones so). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        g_string_append_printf(s, phrase, women, men);
#pragma GCC diagnostic pop
    } else {
        char *what = lower_first(jv_words_key(doc, lang, indicator, measure));
        g_string_append_printf(s, jv_tr(lang, N_("Women's share of %s was %s (men %s)")), what,
                               women, men);
        g_free(what);
    }
    append_balance(s, lang, h);
    g_string_append_c(s, '.');
    append_interval(s, doc, lang, h, JV_KIND_SHARE, FALSE);
    g_free(women);
    g_free(men);
    return g_string_free(s, FALSE);
}

static char *reach_gap_sentence(const cJSON *doc, jv_lang lang, const cJSON *h, double value)
{
    /* the points with one decimal, as in the tables: a share's digits
     * without its percent sign */
    char *points = jv_format_number(lang, fabs(value), JV_KIND_SHARE);
    char *sign = strrchr(points, '%');
    if (sign != NULL)
        *(sign > points && sign[-1] == ' ' ? sign - 1 : sign) = '\0';
    GString *s = g_string_new(NULL);
    if (round(fabs(value) * 1000.0) == 0)
        g_string_append(s, jv_tr(lang, N_("Women and men were reached at the same rate.")));
    else
        g_string_append_printf(s,
                               value > 0
                                   ? jv_tr(lang, N_("The training reached a %s percentage "
                                                    "points larger part of the women than of "
                                                    "the men."))
                                   : jv_tr(lang, N_("The training reached a %s percentage "
                                                    "points smaller part of the women than of "
                                                    "the men.")),
                               points);
    append_interval(s, doc, lang, h, JV_KIND_DIFFERENCE, TRUE);
    g_free(points);
    return g_string_free(s, FALSE);
}

static char *goals_sentence(jv_lang lang, const cJSON *result, double value)
{
    char *share = jv_format_number(lang, value, JV_KIND_SHARE);
    double goals = jv_doc_number(result, "goals");
    GString *s = g_string_new(NULL);
    g_string_append_printf(s,
                           jv_tr(lang, N_("%s of the reported goals were met (weighted by the "
                                          "goals' weights)")),
                           share);
    if (isfinite(goals))
        g_string_append_printf(s,
                               goals == 1 ? jv_tr(lang, N_("; %d goal in all"))
                                          : jv_tr(lang, N_("; %d goals in all")),
                               (int)goals);
    g_string_append_c(s, '.');
    g_free(share);
    return g_string_free(s, FALSE);
}

static char *regions_sentence(jv_lang lang, const cJSON *result, double value)
{
    double k = jv_doc_number(result, "regions_fulfilling"), n = jv_doc_number(result, "regions");
    char *share = jv_format_number(lang, value, JV_KIND_SHARE);
    char *text;
    if (!isfinite(k) || !isfinite(n))
        text = g_strdup_printf(jv_tr(lang, N_("%s of the regions fulfil their goals.")), share);
    else if (n == 1)
        text = g_strdup_printf(k == 1 ? jv_tr(lang, N_("%d of %d region fulfils its goals (%s)."))
                                      : jv_tr(lang, N_("%d of %d region fulfil their goals (%s).")),
                               (int)k, (int)n, share);
    else
        text =
            g_strdup_printf(k == 1 ? jv_tr(lang, N_("%d of %d regions fulfils its goals (%s)."))
                                   : jv_tr(lang, N_("%d of %d regions fulfil their goals (%s).")),
                            (int)k, (int)n, share);
    g_free(share);
    return text;
}

char *jv_sentence_result(const cJSON *doc, jv_lang lang, const char *indicator, const cJSON *result)
{
    const cJSON *h = jv_doc_member(result, "headline");
    const cJSON *v = jv_doc_member(h, "value");
    const char *metric = jv_doc_string(h, "metric");
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || metric == NULL)
        return NULL;
    double value = v->valuedouble;
    jv_kind kind = jv_kind_for_unit(jv_doc_string(h, "unit"));
    if (g_str_has_prefix(metric, "women_share_") && kind == JV_KIND_SHARE)
        return share_sentence(doc, lang, indicator, h, value);
    if (strcmp(metric, "reach_gap") == 0)
        return reach_gap_sentence(doc, lang, h, value);
    if (strcmp(metric, "share_met") == 0)
        return goals_sentence(lang, result, value);
    if (strcmp(metric, "share_regions_fulfilling") == 0)
        return regions_sentence(lang, result, value);
    char *number = jv_format_number(lang, value, kind);
    GString *s = g_string_new(NULL);
    g_string_append_printf(s, "%s: %s", jv_words_headline(doc, lang, indicator, h), number);
    append_balance(s, lang, h);
    g_string_append_c(s, '.');
    append_interval(s, doc, lang, h, kind, kind == JV_KIND_DIFFERENCE);
    g_free(number);
    return g_string_free(s, FALSE);
}
