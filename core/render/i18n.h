/* core/render/i18n.h — the language of rendered reports.
 *
 * Contract:
 *  1. Every user-facing text of a report is an English msgid passed through
 *     jv_tr(); N_() marks msgids in static tables. Both are xgettext
 *     keywords (`xgettext -kjv_tr:2 -kN_`), so po/sv.po is an ordinary
 *     GNU gettext catalogue.
 *  2. The Swedish catalogue is compiled in from po/sv.po at build time
 *     (po/po2c.awk → catalog_sv.c), so `--lang sv` works without the
 *     sv_SE locale installed and without a catalogue on disk.
 *  3. A msgid without translation is shown as it is (so labels of custom
 *     plugins come through in their own words).
 */
#ifndef JV_RENDER_I18N_H
#define JV_RENDER_I18N_H

#include <glib.h>

typedef enum jv_lang { JV_LANG_EN = 0, JV_LANG_SV = 1 } jv_lang;

#define N_(text) (text)

/* "sv" or "en" (also "sv_SE.UTF-8", "en_GB" ...) into *lang; FALSE for
 * anything else. */
gboolean jv_lang_parse(const char *name, jv_lang *lang);
/* The language the environment asks for: LANGUAGE's first sv or en entry,
 * else LC_ALL, LC_MESSAGES, LANG (first set wins); English otherwise. */
jv_lang jv_lang_from_environment(void);
/* The translation of msgid (static or borrowed: never free it). */
/* (format_arg: a printf format through jv_tr() is checked like a literal) */
const char *jv_tr(jv_lang lang, const char *msgid) G_GNUC_FORMAT(2);

/* One catalogue entry; the generated catalog_sv.c defines the table. */
typedef struct jv_catalog_entry {
    const char *msgid;
    const char *msgstr;
} jv_catalog_entry;
extern const jv_catalog_entry jv_catalog_sv[];
extern const size_t jv_catalog_sv_length;

#endif /* JV_RENDER_I18N_H */
