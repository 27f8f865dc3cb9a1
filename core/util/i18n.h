/* core/util/i18n.h — the language jamvikt speaks: the Swedish catalogue
 * (po/sv.po, compiled in) and its lookup, for reports (core/render) and
 * for the messages every layer prints on the terminal.
 *
 * Contract:
 *  1. Every user-facing text is an English msgid. Reports pass it through
 *     jv_tr(lang, msgid); terminal messages through _(msgid), or
 *     jv_ngettext(singular, plural, n) where a count appears; N_() marks
 *     msgids in static tables. All are xgettext keywords (`make
 *     update-po`), so po/sv.po is an ordinary GNU gettext catalogue.
 *  2. The Swedish catalogue is compiled in from po/sv.po at build time
 *     (po/po2c.awk → catalog_sv.c), so Swedish works without the sv_SE
 *     locale installed and without a catalogue on disk.
 *  3. A msgid without translation is shown as it is, so English output
 *     is the msgid byte for byte.
 *  4. The message language is process-wide: the environment's (LANGUAGE,
 *     LC_ALL, LC_MESSAGES, LANG, as GNU gettext reads them) until
 *     jv_messages_set_lang() chooses one (`--lang`). Set it before any
 *     thread starts; reading it is thread-safe afterwards.
 */
#ifndef JV_UTIL_I18N_H
#define JV_UTIL_I18N_H

#include <glib.h>

typedef enum jv_lang { JV_LANG_EN = 0, JV_LANG_SV = 1 } jv_lang;

#define N_(text) (text)
/* A terminal message in the message language (static: never free it). */
#define _(msgid) jv_message(msgid)

/* "sv" or "en" (also "sv_SE.UTF-8", "en_GB" ...) into *lang; FALSE for
 * anything else. */
gboolean jv_lang_parse(const char *name, jv_lang *lang);
/* The language the environment asks for: LANGUAGE's first sv or en entry
 * (unless the locale is C/POSIX), else LC_ALL, LC_MESSAGES, LANG (first
 * set wins); English otherwise. */
jv_lang jv_lang_from_environment(void);
/* The translation of msgid (static or borrowed: never free it). */
/* (format_arg: a printf format through jv_tr() is checked like a literal) */
const char *jv_tr(jv_lang lang, const char *msgid) G_GNUC_FORMAT(2);

/* The language of terminal messages, and its choice (contract 4). */
jv_lang jv_messages_lang(void);
void jv_messages_set_lang(jv_lang lang);
/* msgid in the message language: what _() expands to. */
const char *jv_message(const char *msgid) G_GNUC_FORMAT(1);
/* singular when n is 1, plural otherwise, in the message language (Swedish
 * and English share the plural rule n != 1). */
const char *jv_ngettext(const char *singular, const char *plural, unsigned long n) G_GNUC_FORMAT(1)
    G_GNUC_FORMAT(2);

/* One catalogue entry; the generated catalog_sv.c defines the table (a
 * plural entry gives two: its msgid and its msgid_plural). */
typedef struct jv_catalog_entry {
    const char *msgid;
    const char *msgstr;
} jv_catalog_entry;
extern const jv_catalog_entry jv_catalog_sv[];
extern const size_t jv_catalog_sv_length;

#endif /* JV_UTIL_I18N_H */
