/* core/render/symbols.c — symbols for missing figures and their legend
 * (see symbols.h). */
#include "render/symbols.h"

#include <string.h>

const char *jv_symbol(jv_absence absence)
{
    switch (absence) {
    case JV_ABSENT_SUPPRESSED:
        return JV_SYMBOL_SUPPRESSED;
    case JV_ABSENT_NOT_APPLICABLE:
        return JV_SYMBOL_NOT_APPLICABLE;
    case JV_ABSENT_NO_DATA:
        break;
    }
    return JV_SYMBOL_NO_DATA;
}

gboolean jv_symbol_parse(const char *text, jv_absence *absence)
{
    static const jv_absence all[] = {JV_ABSENT_NO_DATA, JV_ABSENT_SUPPRESSED,
                                     JV_ABSENT_NOT_APPLICABLE};
    if (text == NULL)
        return FALSE;
    for (size_t i = 0; i < G_N_ELEMENTS(all); i++) {
        const char *symbol = jv_symbol(all[i]);
        size_t n = strlen(symbol);
        /* The symbol alone, or followed by a footnote marker (UTF-8
         * superscripts start with 0xC2 or 0xE2). */
        if (strncmp(text, symbol, n) == 0 &&
            (text[n] == '\0' || (unsigned char)text[n] == 0xC2 || (unsigned char)text[n] == 0xE2)) {
            if (all[i] == JV_ABSENT_NOT_APPLICABLE && text[n] == '.')
                continue;
            *absence = all[i];
            return TRUE;
        }
    }
    return FALSE;
}

char *jv_symbol_meaning(jv_lang lang, jv_absence absence, int min_cell)
{
    switch (absence) {
    case JV_ABSENT_SUPPRESSED:
        /* TRANSLATORS: %d is the smallest published count (min_cell). */
        return g_strdup_printf(
            jv_tr(lang, N_("suppressed to protect individuals (a count below %d, "
                           "or a figure that would reveal one)")),
            min_cell);
    case JV_ABSENT_NOT_APPLICABLE:
        return g_strdup(jv_tr(lang, N_("cannot occur (the figure does not apply here)")));
    case JV_ABSENT_NO_DATA:
        break;
    }
    return g_strdup(jv_tr(lang, N_("no data (not computed, not reported or nothing to count; a "
                                   "note gives the reason)")));
}

char *jv_symbol_legend(jv_lang lang, int min_cell)
{
    GString *out = g_string_new(NULL);
    static const jv_absence order[] = {JV_ABSENT_SUPPRESSED, JV_ABSENT_NOT_APPLICABLE,
                                       JV_ABSENT_NO_DATA};
    for (size_t i = 0; i < G_N_ELEMENTS(order); i++) {
        char *meaning = jv_symbol_meaning(lang, order[i], min_cell);
        g_string_append_printf(out, "%s%s = %s", i > 0 ? "; " : "", jv_symbol(order[i]), meaning);
        g_free(meaning);
    }
    g_string_append_c(out, '.');
    return g_string_free(out, FALSE);
}

char *jv_symbol_note_marker(guint n)
{
    static const char *const digits[] = {
        "\xe2\x81\xb0", "\xc2\xb9",     "\xc2\xb2",     "\xc2\xb3",     "\xe2\x81\xb4",
        "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9"};
    char *decimal = g_strdup_printf("%u", n);
    GString *out = g_string_new(NULL);
    for (const char *p = decimal; *p != '\0'; p++)
        g_string_append(out, digits[*p - '0']);
    g_free(decimal);
    return g_string_free(out, FALSE);
}
