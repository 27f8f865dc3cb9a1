/* core/util/i18n.c — language choice and message lookup (see i18n.h).
 * The Swedish table is hashed once, on first use. */
#include "util/i18n.h"

#include <string.h>

gboolean jv_lang_parse(const char *name, jv_lang *lang)
{
    if (name == NULL)
        return FALSE;
    /* "sv", "sv_SE", "sv_SE.UTF-8", "sv-FI", "sv.utf8" (strchr finds the
     * terminating NUL too, so plain "sv" matches). */
    if (g_ascii_strncasecmp(name, "sv", 2) == 0 && strchr("_.-@", name[2]) != NULL) {
        *lang = JV_LANG_SV;
        return TRUE;
    }
    if (g_ascii_strncasecmp(name, "en", 2) == 0 && strchr("_.-@", name[2]) != NULL) {
        *lang = JV_LANG_EN;
        return TRUE;
    }
    return FALSE;
}

static const char *nonempty_env(const char *name)
{
    const char *value = g_getenv(name);
    return value != NULL && value[0] != '\0' ? value : NULL;
}

jv_lang jv_lang_from_environment(void)
{
    const char *locale = nonempty_env("LC_ALL");
    if (locale == NULL)
        locale = nonempty_env("LC_MESSAGES");
    if (locale == NULL)
        locale = nonempty_env("LANG");
    jv_lang lang = JV_LANG_EN;
    /* GNU gettext reads LANGUAGE only when the locale is not "C". */
    const char *language = nonempty_env("LANGUAGE");
    if (language != NULL && locale != NULL && strcmp(locale, "C") != 0 &&
        strcmp(locale, "POSIX") != 0) {
        char **entries = g_strsplit(language, ":", -1);
        gboolean found = FALSE;
        for (char **e = entries; *e != NULL && !found; e++)
            found = jv_lang_parse(*e, &lang);
        g_strfreev(entries);
        if (found)
            return lang;
    }
    if (jv_lang_parse(locale, &lang))
        return lang;
    return JV_LANG_EN;
}

static gpointer build_swedish(gpointer unused)
{
    (void)unused;
    GHashTable *table = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < jv_catalog_sv_length; i++)
        g_hash_table_insert(table, (gpointer)jv_catalog_sv[i].msgid,
                            (gpointer)jv_catalog_sv[i].msgstr);
    return table;
}

const char *jv_tr(jv_lang lang, const char *msgid)
{
    static GOnce once = G_ONCE_INIT;
    if (lang != JV_LANG_SV || msgid == NULL || msgid[0] == '\0')
        return msgid;
    GHashTable *table = g_once(&once, build_swedish, NULL);
    const char *msgstr = g_hash_table_lookup(table, msgid);
    return msgstr != NULL ? msgstr : msgid;
}

/* -1: not chosen yet (the environment decides on first use). */
static gint messages_lang = -1;

jv_lang jv_messages_lang(void)
{
    gint lang = g_atomic_int_get(&messages_lang);
    if (lang < 0) {
        lang = (gint)jv_lang_from_environment();
        g_atomic_int_set(&messages_lang, lang);
    }
    return (jv_lang)lang;
}

void jv_messages_set_lang(jv_lang lang) { g_atomic_int_set(&messages_lang, (gint)lang); }

const char *jv_message(const char *msgid) { return jv_tr(jv_messages_lang(), msgid); }

const char *jv_ngettext(const char *singular, const char *plural, unsigned long n)
{
    return jv_message(n == 1 ? singular : plural);
}
