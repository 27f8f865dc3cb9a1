/* core/config/json_check.c — schema checks on a cJSON tree with messages
 * that point into the document (see json_check.h): JSON paths, unknown
 * keys with did-you-mean, duplicate keys, values quoted for people. */
#include "json_check.h"

#include <stdarg.h>
#include <string.h>

#include "util/did_you_mean.h"
#include "config/evaluation.h"
#include "util/i18n.h"

#define DESCRIBE_MAX 40  /* characters of a value quoted in a message */
#define PRINTABLE_MAX 60 /* characters of a key or name quoted */
#define SMALL_OBJECT 16  /* up to this many members: compare keys pairwise */

void jv_json_checker_init(jv_json_checker *checker, const char *file, GError **error)
{
    checker->file = file;
    checker->path = g_string_new(NULL);
    checker->error = error;
}

void jv_json_checker_clear(jv_json_checker *checker)
{
    if (checker->path != NULL)
        g_string_free(checker->path, TRUE);
    checker->path = NULL;
}

/* A key that reads unambiguously after a dot. */
static gboolean is_plain_key(const char *key)
{
    if (*key == '\0')
        return FALSE;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        if (*p <= 0x20 || *p == 0x7f || strchr(".[]\"\\", *p) != NULL)
            return FALSE;
    }
    return TRUE;
}

/* Appends `text` with control characters, '"' and '\' escaped. */
static void append_escaped(GString *out, const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            g_string_append_printf(out, "\\%c", *p);
        else if (*p == '\n')
            g_string_append(out, "\\n");
        else if (*p == '\t')
            g_string_append(out, "\\t");
        else if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf(out, "\\u%04X", *p);
        else
            g_string_append_c(out, (char)*p);
    }
}

size_t jv_json_checker_enter_key(jv_json_checker *checker, const char *key)
{
    size_t mark = checker->path->len;
    if (is_plain_key(key)) {
        if (checker->path->len > 0)
            g_string_append_c(checker->path, '.');
        g_string_append(checker->path, key);
    } else {
        g_string_append(checker->path, "[\"");
        append_escaped(checker->path, key);
        g_string_append(checker->path, "\"]");
    }
    return mark;
}

size_t jv_json_checker_enter_index(jv_json_checker *checker, size_t index)
{
    size_t mark = checker->path->len;
    g_string_append_printf(checker->path, "[%zu]", index);
    return mark;
}

void jv_json_checker_leave(jv_json_checker *checker, size_t mark)
{
    g_string_truncate(checker->path, mark);
}

gboolean jv_json_checker_fail(jv_json_checker *checker, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char *message = g_strdup_vprintf(format, args);
    va_end(args);
    if (checker->path->len > 0)
        g_set_error(checker->error, JV_EVAL_ERROR, JV_EVAL_ERROR_INVALID, "%s: %s: %s",
                    checker->file, checker->path->str, message);
    else
        g_set_error(checker->error, JV_EVAL_ERROR, JV_EVAL_ERROR_INVALID, "%s: %s", checker->file,
                    message);
    g_free(message);
    return FALSE;
}

gboolean jv_json_checker_expected(jv_json_checker *checker, const char *expected,
                                  const cJSON *value)
{
    char *got = jv_json_describe(value);
    jv_json_checker_fail(checker, _("expected %s, got %s"), expected, got);
    g_free(got);
    return FALSE;
}

/* At most `max` characters of valid UTF-8 `text`, "…" marking a cut. */
static char *shorten(const char *text, glong max)
{
    if (g_utf8_strlen(text, -1) <= max)
        return g_strdup(text);
    char *head = g_utf8_substring(text, 0, max - 1);
    char *out = g_strconcat(head, "…", NULL);
    g_free(head);
    return out;
}

char *jv_json_describe(const cJSON *value)
{
    if (value == NULL)
        return g_strdup("nothing");
    char *printed = cJSON_PrintUnformatted(value);
    if (printed == NULL)
        return g_strdup("a value that cannot be shown");
    char *valid = g_utf8_make_valid(printed, -1);
    cJSON_free(printed);
    char *out = shorten(valid, DESCRIBE_MAX);
    g_free(valid);
    return out;
}

char *jv_json_printable(const char *text)
{
    GString *escaped = g_string_new(NULL);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '\n')
            g_string_append(escaped, "\\n");
        else if (*p == '\t')
            g_string_append(escaped, "\\t");
        else if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf(escaped, "\\u%04X", *p);
        else
            g_string_append_c(escaped, (char)*p);
    }
    char *valid = g_utf8_make_valid(escaped->str, (gssize)escaped->len);
    g_string_free(escaped, TRUE);
    char *out = shorten(valid, PRINTABLE_MAX);
    g_free(valid);
    return out;
}

gboolean jv_json_key_in(const char *key, const char *const *known)
{
    for (const char *const *k = known; *k != NULL; k++) {
        if (strcmp(key, *k) == 0)
            return TRUE;
    }
    return FALSE;
}

static gboolean fail_unknown(jv_json_checker *checker, const char *key, const char *const *known,
                             const char *(*elsewhere)(const char *key))
{
    static const char *const comment[] = {JV_JSON_COMMENT, NULL};
    char *shown = jv_json_printable(key);
    const char *suggestion = jv_did_you_mean(key, known);
    if (suggestion == NULL)
        suggestion = jv_did_you_mean(key, comment);
    const char *where = elsewhere != NULL ? elsewhere(key) : NULL;
    if (suggestion != NULL) {
        jv_json_checker_fail(checker, _("unknown key '%s' — did you mean '%s'?"), shown,
                             suggestion);
    } else if (where != NULL) {
        jv_json_checker_fail(checker, _("unknown key '%s' — %s"), shown, where);
    } else {
        char *list = g_strjoinv(", ", (char **)known);
        jv_json_checker_fail(checker, _("unknown key '%s' (known keys: %s)"), shown, list);
        g_free(list);
    }
    g_free(shown);
    return FALSE;
}

gboolean jv_json_checker_known_keys(jv_json_checker *checker, const cJSON *object,
                                    const char *const *known,
                                    const char *(*elsewhere)(const char *key))
{
    for (const cJSON *member = object->child; member != NULL; member = member->next) {
        const char *key = member->string != NULL ? member->string : "";
        if (strcmp(key, JV_JSON_COMMENT) == 0 || jv_json_key_in(key, known))
            continue;
        size_t mark = jv_json_checker_enter_key(checker, key);
        fail_unknown(checker, key, known, elsewhere);
        jv_json_checker_leave(checker, mark);
        return FALSE;
    }
    return TRUE;
}

static gboolean fail_duplicate(jv_json_checker *checker, const char *key)
{
    size_t mark = jv_json_checker_enter_key(checker, key);
    char *shown = jv_json_printable(key);
    jv_json_checker_fail(checker,
                         _("duplicate key '%s' (a key may appear only "
                           "once in an object)"),
                         shown);
    g_free(shown);
    jv_json_checker_leave(checker, mark);
    return FALSE;
}

/* The first key of `object` that an earlier member has too, or NULL. */
static const char *find_duplicate(const cJSON *object)
{
    size_t count = 0;
    for (const cJSON *m = object->child; m != NULL; m = m->next)
        count++;
    if (count <= SMALL_OBJECT) {
        for (const cJSON *m = object->child; m != NULL; m = m->next) {
            for (const cJSON *e = object->child; e != m; e = e->next) {
                if (m->string != NULL && e->string != NULL && strcmp(m->string, e->string) == 0)
                    return m->string;
            }
        }
        return NULL;
    }
    const char *duplicate = NULL;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (const cJSON *m = object->child; m != NULL && duplicate == NULL; m = m->next) {
        if (m->string != NULL && !g_hash_table_add(seen, m->string))
            duplicate = m->string;
    }
    g_hash_table_destroy(seen);
    return duplicate;
}

gboolean jv_json_checker_unique_keys(jv_json_checker *checker, const cJSON *value)
{
    if (cJSON_IsObject(value)) {
        const char *duplicate = find_duplicate(value);
        if (duplicate != NULL)
            return fail_duplicate(checker, duplicate);
        for (const cJSON *m = value->child; m != NULL; m = m->next) {
            if (!cJSON_IsObject(m) && !cJSON_IsArray(m))
                continue;
            size_t mark = jv_json_checker_enter_key(checker, m->string ? m->string : "");
            gboolean ok = jv_json_checker_unique_keys(checker, m);
            jv_json_checker_leave(checker, mark);
            if (!ok)
                return FALSE;
        }
    } else if (cJSON_IsArray(value)) {
        size_t index = 0;
        for (const cJSON *e = value->child; e != NULL; e = e->next, index++) {
            if (!cJSON_IsObject(e) && !cJSON_IsArray(e))
                continue;
            size_t mark = jv_json_checker_enter_index(checker, index);
            gboolean ok = jv_json_checker_unique_keys(checker, e);
            jv_json_checker_leave(checker, mark);
            if (!ok)
                return FALSE;
        }
    }
    return TRUE;
}

/* The member `key` as a non-empty string (borrowed), NULL when absent. */
gboolean jv_json_checker_string(jv_json_checker *checker, const cJSON *object, const char *key,
                                gboolean required, const char **out)
{
    const cJSON *value = cJSON_GetObjectItemCaseSensitive(object, key);
    *out = NULL;
    if (value == NULL) {
        if (required)
            return jv_json_checker_fail(checker, _("missing required key '%s'"), key);
        return TRUE;
    }
    if (!cJSON_IsString(value) || value->valuestring[0] == '\0') {
        size_t mark = jv_json_checker_enter_key(checker, key);
        jv_json_checker_expected(checker, _("a non-empty string"), value);
        jv_json_checker_leave(checker, mark);
        return FALSE;
    }
    *out = value->valuestring;
    return TRUE;
}
