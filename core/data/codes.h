/* core/data/codes.h — mapping coded cell values to canonical values:
 * gender codes (INDICATORS.md "Gender categories"), the fixed values of a
 * CATEGORY role declared with `codes` (plugin.h jv_role.codes), and the
 * user's own codes from the evaluation file.
 *
 * Contract:
 *  1. Codes match trimmed and case-insensitively with Unicode case folding
 *     (g_utf8_casefold, then NFC), so "KVINNA", "Kvinna" and "kvinna" are
 *     one code.
 *  2. User codes (code → canonical) are added to the defaults and win over
 *     them for the same code. Their canonical must be a gender (woman, man,
 *     non_binary, mixed, unknown) for a gender role, one of the role's
 *     canonicals for a role with codes; else a JV_DATA_ERROR_VALUE error.
 *  3. For a plain CATEGORY role the user codes recode values ("open"
 *     codes): a listed code becomes its canonical text, any other value
 *     stays as it is.
 *  4. Lookups fold the text, so they allocate: callers cache the result
 *     per distinct cell text and look up only what is new.
 */
#ifndef JV_DATA_CODES_H
#define JV_DATA_CODES_H

#include <glib.h>

typedef struct jv_codes jv_codes;

/* The lookup result when the default SCB codes 1 (man) / 2 (woman) were
 * used; a reader warns once per file. */
#define JV_CODES_SCB 0x40000000

/* `user` (code → canonical, both char*) is borrowed for the call only and
 * may be NULL; `file` and `role` name them in messages. Free with
 * jv_codes_free(). */
jv_codes *jv_codes_new_gender(GHashTable *user, const char *file, const char *role, GError **error);
/* `spec` as jv_role.codes: "canonical=alias,alias|canonical=alias". */
jv_codes *jv_codes_new_closed(const char *spec, GHashTable *user, const char *file,
                              const char *role, GError **error);
jv_codes *jv_codes_new_open(GHashTable *user);
void jv_codes_free(jv_codes *codes);

/* Closed codes reject unknown values; open codes pass them through. */
gboolean jv_codes_closed(const jv_codes *codes);
/* The canonical values, in order (for a gender role: woman .. unknown, the
 * order of jv_gender). Borrowed. */
guint jv_codes_count(const jv_codes *codes);
const char *jv_codes_canonical(const jv_codes *codes, guint i);

/* The canonical index of `text` (trimmed, valid UTF-8), possibly or-ed
 * with JV_CODES_SCB, or -1 when it is no known code. */
int jv_codes_lookup(const jv_codes *codes, const char *text, size_t length);

/* Every accepted code, canonical by canonical: "woman, women, female, ...".
 * Borrowed. */
const char *jv_codes_accepted(const jv_codes *codes);
/* The codes other than canonical `i` itself that stand for it, in the
 * order added: "women, female, f, ..." ("" when there are none). Newly
 * allocated; g_free() it. */
char *jv_codes_aliases(const jv_codes *codes, guint i);

#endif /* JV_DATA_CODES_H */
