/* core/data/codes.c — code tables for gender and coded category roles
 * (contract in codes.h). A table is a GHashTable from the folded code to
 * its canonical index; it is built once per reader and role, and asked
 * only about cell texts the reader has not seen before. */
#include "data/codes.h"

#include <string.h>

#include "data/table_source.h"
#include "util/i18n.h"

struct jv_codes {
    gboolean closed;
    GPtrArray *canonicals; /* char*, owned */
    GHashTable *index;     /* folded code (owned) → GINT_TO_POINTER(value + 1) */
    GPtrArray *shown;      /* char*, owned: codes as written, in order added */
    char *accepted;        /* built on first use */
};

/* INDICATORS.md "Gender categories", in jv_gender order. The empty cell
 * (unknown) is the reader's business: it never gets here. */
static const char *const gender_names[] = {"woman", "man", "non_binary", "mixed", "unknown"};
static const char *const gender_defaults[][9] = {
    {"woman", "women", "female", "f", "k", "kvinna", "kvinnor", "2", NULL},
    {"man", "men", "male", "m", "män", "1", NULL},
    {"non_binary", "non-binary", "nonbinary", "x", "icke-binär", "ickebinär", NULL},
    {"mixed", "blandat", "both", NULL},
    {"unknown", "okänd", "okänt", "uppgift saknas", "..", "-", NULL},
};

static char *fold(const char *text, gssize length)
{
    char *valid = g_utf8_make_valid(text, length);
    char *folded = g_utf8_casefold(valid, -1);
    char *normal = g_utf8_normalize(folded, -1, G_NORMALIZE_NFC);
    g_free(valid);
    g_free(folded);
    return normal;
}

static jv_codes *codes_new(gboolean closed)
{
    jv_codes *codes = g_new0(jv_codes, 1);
    codes->closed = closed;
    codes->canonicals = g_ptr_array_new_with_free_func(g_free);
    codes->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    codes->shown = g_ptr_array_new_with_free_func(g_free);
    return codes;
}

void jv_codes_free(jv_codes *codes)
{
    if (codes == NULL)
        return;
    g_ptr_array_unref(codes->canonicals);
    g_hash_table_unref(codes->index);
    g_ptr_array_unref(codes->shown);
    g_free(codes->accepted);
    g_free(codes);
}

static void add_code(jv_codes *codes, const char *code, int value)
{
    char *trimmed = g_strstrip(g_strdup(code));
    g_hash_table_insert(codes->index, fold(trimmed, -1), GINT_TO_POINTER(value + 1));
    g_ptr_array_add(codes->shown, trimmed);
}

static int find_canonical(const jv_codes *codes, const char *name)
{
    char *folded = fold(name, -1);
    int found = -1;
    for (guint i = 0; i < codes->canonicals->len && found < 0; i++) {
        char *candidate = fold(g_ptr_array_index(codes->canonicals, i), -1);
        if (g_strcmp0(candidate, folded) == 0)
            found = (int)i;
        g_free(candidate);
    }
    g_free(folded);
    return found;
}

static char *canonical_list(const jv_codes *codes)
{
    GString *list = g_string_new(NULL);
    for (guint i = 0; i < codes->canonicals->len; i++)
        g_string_append_printf(list, "%s%s", i ? ", " : "",
                               (const char *)g_ptr_array_index(codes->canonicals, i));
    return g_string_free(list, FALSE);
}

/* Adds the user's codes, sorted so that messages come out the same every
 * run. Closed codes must name one of the canonicals. */
static gboolean add_user_codes(jv_codes *codes, GHashTable *user, const char *file,
                               const char *role, const char *what, GError **error)
{
    if (user == NULL)
        return TRUE;
    GList *keys = g_list_sort(g_hash_table_get_keys(user), (GCompareFunc)g_strcmp0);
    gboolean ok = TRUE;
    for (GList *k = keys; k != NULL && ok; k = k->next) {
        const char *canonical = g_hash_table_lookup(user, k->data);
        int i = canonical ? find_canonical(codes, canonical) : -1;
        if (i < 0 && codes->closed) {
            char *list = canonical_list(codes);
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_VALUE,
                        _("%s: \"codes\" for '%s' map '%s' to '%s', which is not %s; "
                          "use one of %s"),
                        file, role, (const char *)k->data, canonical ? canonical : "", what, list);
            g_free(list);
            ok = FALSE;
        } else if (i < 0) {
            char *trimmed = g_strstrip(g_strdup(canonical));
            g_ptr_array_add(codes->canonicals, trimmed);
            i = (int)codes->canonicals->len - 1;
        }
        if (ok)
            add_code(codes, k->data, i);
    }
    g_list_free(keys);
    return ok;
}

jv_codes *jv_codes_new_gender(GHashTable *user, const char *file, const char *role, GError **error)
{
    jv_codes *codes = codes_new(TRUE);
    for (int g = 0; g < (int)G_N_ELEMENTS(gender_names); g++) {
        g_ptr_array_add(codes->canonicals, g_strdup(gender_names[g]));
        for (const char *const *code = gender_defaults[g]; *code != NULL; code++) {
            gboolean scb = g_strcmp0(*code, "1") == 0 || g_strcmp0(*code, "2") == 0;
            add_code(codes, *code, scb ? (g | JV_CODES_SCB) : g);
        }
    }
    if (!add_user_codes(codes, user, file, role, "a gender", error)) {
        jv_codes_free(codes);
        return NULL;
    }
    return codes;
}

jv_codes *jv_codes_new_closed(const char *spec, GHashTable *user, const char *file,
                              const char *role, GError **error)
{
    jv_codes *codes = codes_new(TRUE);
    char **alternatives = g_strsplit(spec, "|", -1);
    gboolean ok = TRUE;
    for (char **alt = alternatives; *alt != NULL && ok; alt++) {
        char *eq = strchr(*alt, '=');
        if (eq != NULL)
            *eq = '\0';
        char *canonical = g_strstrip(g_strdup(*alt));
        if (*canonical == '\0') {
            g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_VALUE,
                        _("%s: role '%s' declares malformed codes \"%s\" (a plugin error: "
                          "expected canonical=alias,alias|canonical=...)"),
                        file, role, spec);
            g_free(canonical);
            ok = FALSE;
            break;
        }
        int i = (int)codes->canonicals->len;
        g_ptr_array_add(codes->canonicals, canonical);
        add_code(codes, canonical, i);
        char **aliases = eq ? g_strsplit(eq + 1, ",", -1) : NULL;
        for (char **a = aliases; a != NULL && *a != NULL; a++)
            if (*g_strstrip(*a) != '\0')
                add_code(codes, *a, i);
        g_strfreev(aliases);
    }
    g_strfreev(alternatives);
    if (!ok || !add_user_codes(codes, user, file, role, "one of its values", error)) {
        jv_codes_free(codes);
        return NULL;
    }
    return codes;
}

jv_codes *jv_codes_new_open(GHashTable *user)
{
    jv_codes *codes = codes_new(FALSE);
    add_user_codes(codes, user, NULL, NULL, NULL, NULL);
    return codes;
}

gboolean jv_codes_closed(const jv_codes *codes) { return codes->closed; }

guint jv_codes_count(const jv_codes *codes) { return codes->canonicals->len; }

const char *jv_codes_canonical(const jv_codes *codes, guint i)
{
    return g_ptr_array_index(codes->canonicals, i);
}

int jv_codes_lookup(const jv_codes *codes, const char *text, size_t length)
{
    char *folded = fold(text, (gssize)length);
    gpointer value = g_hash_table_lookup(codes->index, folded);
    g_free(folded);
    return value ? GPOINTER_TO_INT(value) - 1 : -1;
}

const char *jv_codes_accepted(const jv_codes *codes)
{
    jv_codes *mutable_codes = (jv_codes *)codes; /* a cache, built once */
    if (codes->accepted != NULL)
        return codes->accepted;
    GString *text = g_string_new(NULL);
    GHashTable *listed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint c = 0; c < codes->canonicals->len; c++) {
        for (guint k = 0; k < codes->shown->len; k++) {
            const char *shown = g_ptr_array_index(codes->shown, k);
            char *folded = fold(shown, -1);
            int value = GPOINTER_TO_INT(g_hash_table_lookup(codes->index, folded)) - 1;
            if ((value & ~JV_CODES_SCB) == (int)c && !g_hash_table_contains(listed, folded)) {
                g_string_append_printf(text, "%s%s", text->len ? ", " : "", shown);
                g_hash_table_add(listed, folded);
            } else {
                g_free(folded);
            }
        }
    }
    g_hash_table_unref(listed);
    mutable_codes->accepted = g_string_free(text, FALSE);
    return codes->accepted;
}

char *jv_codes_aliases(const jv_codes *codes, guint canonical)
{
    GString *text = g_string_new(NULL);
    char *own = fold(jv_codes_canonical(codes, canonical), -1);
    for (guint k = 0; k < codes->shown->len; k++) {
        const char *shown = g_ptr_array_index(codes->shown, k);
        char *folded = fold(shown, -1);
        int value = GPOINTER_TO_INT(g_hash_table_lookup(codes->index, folded)) - 1;
        if ((value & ~JV_CODES_SCB) == (int)canonical && strcmp(folded, own) != 0)
            g_string_append_printf(text, "%s%s", text->len ? ", " : "", shown);
        g_free(folded);
    }
    g_free(own);
    return g_string_free(text, FALSE);
}
