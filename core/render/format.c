/* core/render/format.c — display and exact number formatting (see
 * format.h). No locale is consulted: the language decides the marks. */
#include "render/format.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

jv_kind jv_kind_for_unit(const char *unit)
{
    if (unit == NULL)
        return JV_KIND_NUMBER;
    if (strcmp(unit, "share") == 0 || strcmp(unit, "rate") == 0)
        return JV_KIND_SHARE;
    if (strcmp(unit, "difference") == 0 || strcmp(unit, "points") == 0)
        return JV_KIND_DIFFERENCE;
    if (strcmp(unit, "amount_difference") == 0)
        return JV_KIND_AMOUNT_DIFFERENCE;
    if (strcmp(unit, "number_difference") == 0)
        return JV_KIND_NUMBER_DIFFERENCE;
    if (strcmp(unit, "count") == 0)
        return JV_KIND_COUNT;
    if (strcmp(unit, "amount") == 0)
        return JV_KIND_AMOUNT;
    return JV_KIND_NUMBER;
}

static const struct {
    const char *name;
    jv_kind kind;
} known_measures[] = {
    {"applications", JV_KIND_COUNT},
    {"granted", JV_KIND_COUNT},
    {"seats", JV_KIND_COUNT},
    {"persons_reached", JV_KIND_COUNT},
    {"participations", JV_KIND_COUNT},
    {"population", JV_KIND_COUNT},
    {"reached", JV_KIND_COUNT},
    {"goals", JV_KIND_COUNT},
    {"regions", JV_KIND_COUNT},
    {"regions_fulfilling", JV_KIND_COUNT},
    {"arenas_classified", JV_KIND_COUNT},
    {"rows", JV_KIND_COUNT},
    {"skipped_rows", JV_KIND_COUNT},
    {"met", JV_KIND_COUNT},
    {"partly_met", JV_KIND_COUNT},
    {"not_met", JV_KIND_COUNT},
    {"not_reported", JV_KIND_COUNT},
    {"amount_applied", JV_KIND_AMOUNT},
    {"amount_granted", JV_KIND_AMOUNT},
    {"mean_granted", JV_KIND_AMOUNT},
    {"hours", JV_KIND_NUMBER},
    {"hours_per_person", JV_KIND_NUMBER},
};

jv_kind jv_kind_for_measure(const char *name)
{
    if (name == NULL)
        return JV_KIND_NUMBER;
    for (size_t i = 0; i < G_N_ELEMENTS(known_measures); i++)
        if (strcmp(known_measures[i].name, name) == 0)
            return known_measures[i].kind;
    static const char *const share_words[] = {"share", "rate", "ratio", "progress", "fulfilment"};
    for (size_t i = 0; i < G_N_ELEMENTS(share_words); i++)
        if (strstr(name, share_words[i]) != NULL)
            return JV_KIND_SHARE;
    if (g_str_has_suffix(name, "gap"))
        return JV_KIND_DIFFERENCE;
    return JV_KIND_NUMBER;
}

/* value rounded to `decimals` half away from zero (81.25 → "81.3", as
 * people round by hand, not printf's half to even), grouped by thousands,
 * with the language's marks; a minus sign unless it rounds to zero. */
static void append_fixed(GString *out, jv_lang lang, double value, int decimals, gboolean sign_plus)
{
    static const double scale[] = {1, 10, 100, 1000, 10000};
    double scaled = round(fabs(value) * scale[decimals]);
    /* The digits of the scaled whole number; g_ascii_formatd: the C
     * locale's '.', whatever setlocale() chose. Beyond 2^53 the double is
     * already whole and printed as it is. */
    char digits[400];
    g_ascii_formatd(digits, sizeof digits, "%.0f", scaled);
    size_t n = strlen(digits);
    if (n <= (size_t)decimals) { /* 0.05 → "5" → "005" */
        char padded[400];
        g_snprintf(padded, sizeof padded, "%0*d%s", (int)(decimals + 1 - n), 0, digits);
        g_strlcpy(digits, padded, sizeof digits);
        n = strlen(digits);
    }
    if (scaled != 0 && value < 0)
        g_string_append_c(out, '-');
    else if (scaled != 0 && sign_plus)
        g_string_append_c(out, '+');
    size_t whole = n - (size_t)decimals;
    char group = lang == JV_LANG_SV ? ' ' : ',';
    for (size_t i = 0; i < whole; i++) {
        if (i > 0 && whole > 3 && (whole - i) % 3 == 0)
            g_string_append_c(out, group);
        g_string_append_c(out, digits[i]);
    }
    if (decimals > 0) {
        g_string_append_c(out, lang == JV_LANG_SV ? ',' : '.');
        g_string_append(out, digits + whole);
    }
}

/* The number without its unit; the unit comes from suffix(). */
static void append_bare(GString *out, jv_lang lang, double value, jv_kind kind)
{
    switch (kind) {
    case JV_KIND_SHARE:
        append_fixed(out, lang, 100.0 * value, 1, FALSE);
        break;
    case JV_KIND_DIFFERENCE:
        append_fixed(out, lang, 100.0 * value, 1, TRUE);
        break;
    case JV_KIND_COUNT:
    case JV_KIND_AMOUNT:
        append_fixed(out, lang, value, 0, FALSE);
        break;
    case JV_KIND_NUMBER:
        append_fixed(out, lang, value, value == floor(value) ? 0 : 1, FALSE);
        break;
    case JV_KIND_AMOUNT_DIFFERENCE:
        append_fixed(out, lang, value, 0, TRUE);
        break;
    case JV_KIND_NUMBER_DIFFERENCE:
        append_fixed(out, lang, value, value == floor(value) ? 0 : 1, TRUE);
        break;
    }
}

static const char *suffix(jv_lang lang, jv_kind kind)
{
    if (kind == JV_KIND_SHARE)
        return lang == JV_LANG_SV ? " %" : "%";
    if (kind == JV_KIND_DIFFERENCE)
        return lang == JV_LANG_SV ? " p.e." : " pp";
    return "";
}

char *jv_format_number(jv_lang lang, double value, jv_kind kind)
{
    if (!isfinite(value))
        return g_strdup(JV_MISSING);
    GString *out = g_string_new(NULL);
    append_bare(out, lang, value, kind);
    g_string_append(out, suffix(lang, kind));
    return g_string_free(out, FALSE);
}

char *jv_format_json(jv_lang lang, const cJSON *value, jv_kind kind)
{
    if (cJSON_IsBool(value))
        return g_strdup(jv_tr(lang, cJSON_IsTrue(value) ? N_("yes") : N_("no")));
    if (!cJSON_IsNumber(value))
        return g_strdup(JV_MISSING);
    return jv_format_number(lang, value->valuedouble, kind);
}

char *jv_format_range(jv_lang lang, double lower, double upper, jv_kind kind)
{
    if (!isfinite(lower) || !isfinite(upper))
        return g_strdup(JV_MISSING);
    GString *out = g_string_new(NULL);
    append_bare(out, lang, lower, kind);
    if (kind == JV_KIND_DIFFERENCE || kind == JV_KIND_AMOUNT_DIFFERENCE ||
        kind == JV_KIND_NUMBER_DIFFERENCE || lower < 0)
        g_string_append(out, lang == JV_LANG_SV ? " till " : " to ");
    else
        g_string_append(out, "\xe2\x80\x93"); /* en dash */
    append_bare(out, lang, upper, kind);
    g_string_append(out, suffix(lang, kind));
    return g_string_free(out, FALSE);
}

/* A percentage without ".0" when whole: "40 %", "12,5 %". */
static void append_short_percent(GString *out, jv_lang lang, double share)
{
    double percent = round(share * 1000.0) / 10.0;
    append_fixed(out, lang, percent, percent == floor(percent) ? 0 : 1, FALSE);
}

char *jv_format_percent_short(jv_lang lang, double share)
{
    GString *out = g_string_new(NULL);
    append_short_percent(out, lang, share);
    g_string_append(out, suffix(lang, JV_KIND_SHARE));
    return g_string_free(out, FALSE);
}

char *jv_format_band(jv_lang lang, double low, double high)
{
    GString *out = g_string_new(NULL);
    append_short_percent(out, lang, low);
    g_string_append(out, "\xe2\x80\x93");
    append_short_percent(out, lang, high);
    g_string_append(out, suffix(lang, JV_KIND_SHARE));
    return g_string_free(out, FALSE);
}

char *jv_format_interval(jv_lang lang, const cJSON *interval, jv_kind kind)
{
    if (!cJSON_IsArray(interval) || cJSON_GetArraySize(interval) != 2 ||
        !cJSON_IsNumber(cJSON_GetArrayItem(interval, 0)) ||
        !cJSON_IsNumber(cJSON_GetArrayItem(interval, 1)))
        return g_strdup(JV_MISSING);
    return jv_format_range(lang, cJSON_GetArrayItem(interval, 0)->valuedouble,
                           cJSON_GetArrayItem(interval, 1)->valuedouble, kind);
}

char *jv_format_ci_name(jv_lang lang, double confidence)
{
    char *level = jv_format_percent_short(lang, confidence);
    /* TRANSLATORS: short for "confidence interval". */
    char *name = g_strdup_printf("%s %s", level, jv_tr(lang, N_("CI")));
    g_free(level);
    return name;
}

void jv_format_exact(GString *out, double value, char decimal_mark)
{
    if (!isfinite(value))
        return;
    if (value == 0) {
        g_string_append_c(out, '0');
        return;
    }
    char text[G_ASCII_DTOSTR_BUF_SIZE], format[8];
    for (int precision = 1; precision <= 17; precision++) {
        g_snprintf(format, sizeof format, "%%.%de", precision - 1);
        g_ascii_formatd(text, sizeof text, format, value);
        if (g_ascii_strtod(text, NULL) == value)
            break;
    }
    /* text is "[-]d[.ddd]e±XX": rewrite it without the exponent. */
    const char *p = text;
    if (*p == '-') {
        g_string_append_c(out, '-');
        p++;
    }
    char digits[24];
    size_t n = 0;
    for (; *p != 'e' && *p != '\0'; p++)
        if (*p >= '0' && *p <= '9' && n < sizeof digits - 1)
            digits[n++] = *p;
    digits[n] = '\0';
    long point = (*p == 'e' ? strtol(p + 1, NULL, 10) : 0) + 1; /* digits before the mark */
    if (point <= 0) {
        g_string_append_c(out, '0');
        g_string_append_c(out, decimal_mark);
        for (long i = 0; i < -point; i++)
            g_string_append_c(out, '0');
        g_string_append(out, digits);
    } else if ((size_t)point >= n) {
        g_string_append(out, digits);
        for (size_t i = n; i < (size_t)point; i++)
            g_string_append_c(out, '0');
    } else {
        g_string_append_len(out, digits, point);
        g_string_append_c(out, decimal_mark);
        g_string_append(out, digits + point);
    }
}
