/* core/render/words.c — titles, labels, units, reasons and warnings as a
 * report names them (see words.h). */
#include "render/words.h"

#include <string.h>

#include "render/doc.h"
#include "render/labels.h"

/* The evaluation.plugins[] entry of an indicator, or NULL. */
static const cJSON *plugin_entry(const cJSON *doc, const char *indicator)
{
    const cJSON *plugin;
    if (indicator == NULL)
        return NULL;
    cJSON_ArrayForEach(plugin, jv_doc_member(jv_doc_member(doc, "evaluation"), "plugins"))
        if (g_strcmp0(jv_doc_string(plugin, "name"), indicator) == 0)
            return plugin;
    return NULL;
}

static const char *lang_code(jv_lang lang) { return lang == JV_LANG_SV ? "sv" : "en"; }

char *jv_words_title(const cJSON *doc, jv_lang lang, const char *indicator)
{
    const cJSON *title = jv_doc_member(plugin_entry(doc, indicator), "title");
    const char *text = jv_doc_string(title, lang_code(lang));
    if (text == NULL)
        text = jv_doc_string(title, "en");
    if (text != NULL && text[0] != '\0')
        return g_strdup(text);
    /* A plugin without a title (ABI 1.0): its name made readable, so a
     * heading never shows an id: "leader_share" → "Leader share". */
    char *name = g_strdup(indicator != NULL ? indicator : "");
    g_strdelimit(name, "_", ' ');
    name[0] = g_ascii_toupper(name[0]);
    return name;
}

static const char *plugin_label(const cJSON *doc, const char *lang, const char *indicator,
                                const char *key)
{
    return jv_doc_string(jv_doc_member(jv_doc_member(plugin_entry(doc, indicator), "labels"), lang),
                         key);
}

const char *jv_words_key(const cJSON *doc, jv_lang lang, const char *indicator, const char *key)
{
    if (key == NULL)
        return "";
    const char *own = plugin_label(doc, lang_code(lang), indicator, key);
    if (own != NULL)
        return own;
    const char *core = jv_label_key(lang, key);
    if (core != key)
        return core;
    own = plugin_label(doc, "en", indicator, key);
    return own != NULL ? own : key;
}

jv_kind jv_words_kind(const cJSON *doc, const char *indicator, const char *key)
{
    if (key == NULL)
        return JV_KIND_NUMBER;
    const cJSON *units = jv_doc_member(plugin_entry(doc, indicator), "units");
    const char *unit = jv_doc_string(units, key);
    if (unit == NULL && g_str_has_suffix(key, "_ci")) {
        char *base = g_strndup(key, strlen(key) - 3);
        unit = jv_doc_string(units, base);
        jv_kind kind = unit != NULL ? jv_kind_for_unit(unit) : jv_kind_for_measure(base);
        g_free(base);
        return kind;
    }
    return unit != NULL ? jv_kind_for_unit(unit) : jv_kind_for_measure(key);
}

const char *jv_words_headline(const cJSON *doc, jv_lang lang, const char *indicator,
                              const cJSON *headline)
{
    const char *metric = jv_doc_string(headline, "metric");
    const char *own = metric ? plugin_label(doc, lang_code(lang), indicator, metric) : NULL;
    if (own != NULL)
        return own;
    const char *label = jv_doc_string(headline, "label");
    if (label != NULL && (lang == JV_LANG_EN || jv_tr(lang, label) != label))
        return jv_tr(lang, label);
    own = metric ? plugin_label(doc, "en", indicator, metric) : NULL;
    if (own != NULL)
        return own;
    return label != NULL ? label : (metric != NULL ? metric : "");
}

/* One word of a message with a path in it ("data/syd/funding.csv:12:")
 * as its base name without the line ("funding.csv:"). */
static void append_word(GString *out, const char *word)
{
    const char *slash = strrchr(word, '/');
    const char *start = word + strspn(word, "\"'([");
    /* A path starts with a letter, '/', '.', '~' or '_' ("1/2" is not one). */
    gboolean path = slash != NULL && (g_ascii_isalpha(*start) || strchr("/.~_", *start) != NULL) &&
                    *start != '\0';
    if (!path || g_str_has_prefix(start, "http")) {
        g_string_append(out, word);
        return;
    }
    const char *p = word;
    while (*p != '\0' && strchr("\"'([", *p) != NULL)
        g_string_append_c(out, *p++);
    const char *name = slash + 1;
    const char *colon = strchr(name, ':');
    g_string_append_len(out, name, colon ? colon - name : (gssize)strlen(name));
    if (colon == NULL)
        return;
    const char *rest = colon;
    if (g_ascii_isdigit(rest[1])) { /* ":12" or ":12:3" */
        rest++;
        while (g_ascii_isdigit(*rest) || (*rest == ':' && g_ascii_isdigit(rest[1])))
            rest++;
    }
    g_string_append(out, rest);
}

static char *without_paths(const char *text)
{
    GString *out = g_string_new(NULL);
    char **words = g_strsplit(text, " ", -1);
    for (char **w = words; *w != NULL; w++) {
        if (w != words)
            g_string_append_c(out, ' ');
        append_word(out, *w);
    }
    g_strfreev(words);
    return g_string_free(out, FALSE);
}

char *jv_words_reason(jv_lang lang, const char *reason, gboolean publish)
{
    if (reason == NULL)
        return g_strdup("");
    /* "no TABLE table for REGION: PATH not found" (core/eval/run.c) */
    const char *for_ = strstr(reason, " table for ");
    const char *colon = for_ ? strrchr(for_, ':') : NULL;
    if (g_str_has_prefix(reason, "no ") && for_ != NULL && colon != NULL &&
        g_str_has_suffix(reason, " not found")) {
        char *table = g_strndup(reason + 3, for_ - reason - 3);
        const char *region_start = for_ + strlen(" table for ");
        char *region = g_strndup(region_start, colon - region_start);
        char *path = g_strndup(colon + 2, strlen(colon + 2) - strlen(" not found"));
        char *file = g_path_get_basename(path);
        char *text;
        if (publish)
            text = g_strdup_printf(jv_tr(lang, N_("there is no %s table for %s")), table, region);
        else
            text = g_strdup_printf(jv_tr(lang, N_("there is no %s table for %s (%s not found)")),
                                   table, region, file);
        g_free(file);
        g_free(path);
        g_free(region);
        g_free(table);
        return text;
    }
    return without_paths(reason);
}

/* Phrases of the core's warnings, translated where they occur. */
static const char *const phrases[] = {
    N_("the codes 1 and 2 were read as 1 = man, 2 = woman (SCB's coding)"),
    N_("gender coded 1/2 read as SCB's 1 = man, 2 = woman"),
    N_("some systems code them the other way round"),
    N_("if this file does, map them under \"codes\" in the evaluation file"),
    N_("rows skipped"),
    N_("row skipped"),
    N_("column"),
};

char *jv_words_warning(jv_lang lang, const char *warning)
{
    char *text = without_paths(warning != NULL ? warning : "");
    if (lang == JV_LANG_EN)
        return text;
    for (size_t i = 0; i < G_N_ELEMENTS(phrases); i++) {
        /* "column" only as in "column 'gender'", never inside a word */
        gboolean quoted = strcmp(phrases[i], "column") == 0;
        char *phrase = g_strconcat(phrases[i], quoted ? " '" : "", NULL);
        char *swedish = g_strconcat(jv_tr(lang, phrases[i]), quoted ? " '" : "", NULL);
        if (strstr(text, phrase) != NULL) {
            char **parts = g_strsplit(text, phrase, -1);
            g_free(text);
            text = g_strjoinv(swedish, parts);
            g_strfreev(parts);
        }
        g_free(phrase);
        g_free(swedish);
    }
    return text;
}
