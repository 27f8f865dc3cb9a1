/* core/data/header.c — column names and the role → column mapping
 * (contract in header.h). */
#include "data/header.h"
#include "util/text.h"

#include <string.h>

#include <jamvikt/plugin.h>

#include "data/convert.h"
#include "util/did_you_mean.h"
#include "util/i18n.h"

/* A message lists at most this many of the file's columns. */
#define MAX_LISTED 40

void jv_header_init(jv_header *header, const jv_csv_record *record, const jv_recode_table *table,
                    char delimiter)
{
    header->names = g_ptr_array_new_with_free_func(g_free);
    header->invalid = FALSE;
    header->delimiter = delimiter;
    for (size_t i = 0; i < record->n_fields; i++) {
        const jv_string *f = &record->fields[i];
        char *utf8;
        if (table != NULL) {
            utf8 = g_malloc(3 * (size_t)f->length + 1);
            utf8[jv_recode(table, f->data, f->length, utf8)] = '\0';
        } else {
            utf8 = g_strndup(f->data, f->length);
        }
        const char *text = utf8;
        size_t length = strlen(utf8);
        jv_trim(&text, &length);
        if (!g_utf8_validate(text, (gssize)length, NULL))
            header->invalid = TRUE;
        /* names appear in messages: a bad header's bytes escaped, not raw */
        g_ptr_array_add(header->names, jv_text_escape_terminal(text, (ssize_t)length, 0));
        g_free(utf8);
    }
}

void jv_header_clear(jv_header *header)
{
    if (header->names != NULL)
        g_ptr_array_unref(header->names);
    header->names = NULL;
}

/* The header name closest to `wanted` (util/did_you_mean.h), or NULL. */
static const char *suggest(const jv_header *header, const char *wanted)
{
    const char **candidates = g_new0(const char *, header->names->len + 1);
    for (guint i = 0; i < header->names->len; i++)
        candidates[i] = g_ptr_array_index(header->names, i);
    const char *close = jv_did_you_mean(wanted, candidates);
    g_free(candidates);
    return close;
}

/* The message and hint for a required role whose column is missing; a
 * problem names the column apart, so its message starts at "not found". */
static void missing_message(const jv_header *header, const char *role, const char *wanted,
                            gboolean for_problem, GString *m, char **hint)
{
    gboolean other_name = strcmp(role, wanted) != 0;
    if (for_problem) {
        g_string_append(m, _("not found"));
        if (other_name)
            g_string_append_printf(m, _(" (named for role '%s')"), role);
    } else {
        g_string_append_printf(m, _("column '%s'"), wanted);
        if (other_name)
            g_string_append_printf(m, _(" (role '%s')"), role);
        g_string_append(m, _(" not found"));
    }
    const char *close = suggest(header, wanted);
    if (close != NULL)
        g_string_append_printf(m, _(" (did you mean '%s'?)"), close);
    g_string_append(m, _("; the file has columns: "));
    for (guint i = 0; i < header->names->len && i < MAX_LISTED; i++)
        g_string_append_printf(m, "%s%s", i ? ", " : "",
                               (const char *)g_ptr_array_index(header->names, i));
    if (header->names->len > MAX_LISTED)
        g_string_append_printf(m, _(", … (%u in all)"), header->names->len);
    g_string_append(m, ". ");
    gsize hint_start = m->len;
    g_string_append_printf(m,
                           _("Name the column for '%s' under \"columns\" in the "
                             "evaluation file"),
                           role);
    if (header->invalid)
        g_string_append(m, _("; the header is not valid UTF-8: if the file was saved by "
                             "Excel as \"CSV\", set \"encoding\": \"windows-1252\""));
    if (header->names->len == 1) {
        const char *only = g_ptr_array_index(header->names, 0);
        if (strpbrk(only, ",;\t") != NULL)
            g_string_append_printf(m,
                                   _("; the header was read as one column with '%s' as "
                                     "delimiter: check \"delimiter\""),
                                   header->delimiter == '\t' ? "\\t"
                                                             : (char[]){header->delimiter, 0});
    }
    *hint = g_strdup(m->str + hint_start);
}

static const char *delimiter_name(char delimiter)
{
    return delimiter == '\t' ? "tab" : delimiter == ';' ? "';'" : delimiter == ',' ? "','" : "?";
}

/* TRUE when `name` is the column of some role (fields from jv_header_map):
 * a doubled name there is an error reported by the mapping. */
static gboolean is_mapped(const jv_header *header, const int *fields, size_t n_fields,
                          const char *name)
{
    for (size_t r = 0; r < n_fields; r++)
        if (fields[r] >= 0 && strcmp(g_ptr_array_index(header->names, fields[r]), name) == 0)
            return TRUE;
    return FALSE;
}

void jv_header_check(const jv_header *header, const char *file, const int *fields, size_t n_fields,
                     jv_problem_list *problems)
{
    if (header->invalid)
        jv_problem_list_add(
            problems, JV_SEVERITY_WARNING, JV_PROBLEM_ENCODING, file, 1, NULL, 0, NULL, 0,
            g_strdup(_("the header is not valid UTF-8; if the file was saved by Excel as "
                       "\"CSV\" (not \"CSV UTF-8\"), set \"encoding\": \"windows-1252\" in "
                       "the evaluation file")),
            g_strdup(_("set \"encoding\": \"windows-1252\" in the evaluation file")));
    for (guint i = 0; i < header->names->len; i++) {
        const char *name = g_ptr_array_index(header->names, i);
        for (guint k = 0; k < i; k++)
            if (strcmp(name, g_ptr_array_index(header->names, k)) == 0 &&
                !is_mapped(header, fields, n_fields, name)) {
                jv_problem_list_add(
                    problems, JV_SEVERITY_WARNING, JV_PROBLEM_DUPLICATE_COLUMN, file, 1, name,
                    (int)i + 1, name, -1,
                    g_strdup_printf(_("the header names '%s' twice, as columns %u and %u; only "
                                      "the first is read"),
                                    name, k + 1, i + 1),
                    g_strdup(_("rename one of them")));
                break;
            }
    }
    if (header->names->len == 1) {
        const char *only = g_ptr_array_index(header->names, 0);
        const char *other = strpbrk(only, header->delimiter == ',' ? ";\t" : ",;\t");
        if (other != NULL && *other != header->delimiter)
            jv_problem_list_add(
                problems, JV_SEVERITY_WARNING, JV_PROBLEM_WRONG_DELIMITER, file, 1, NULL, 1, only,
                -1,
                g_strdup_printf(_("the header was read as one single column with %s as the "
                                  "delimiter, but it holds %s"),
                                delimiter_name(header->delimiter), delimiter_name(*other)),
                g_strdup_printf(_("set \"delimiter\": \"%s\" for this table in the evaluation "
                                  "file (or leave it out to detect it)"),
                                *other == '\t' ? "\\t" : (char[]){*other, 0}));
    }
}

static void missing_error(const jv_header *header, const jv_table_source *source, const char *role,
                          const char *wanted, jv_problem_list *problems, GError **error)
{
    GString *m = g_string_new(NULL);
    char *hint = NULL;
    missing_message(header, role, wanted, problems != NULL, m, &hint);
    if (problems != NULL) {
        jv_problem_list_add(problems, JV_SEVERITY_ERROR, JV_PROBLEM_MISSING_COLUMN,
                            source->display_path, 1, wanted, 0, NULL, 0, g_string_free(m, FALSE),
                            hint);
        return;
    }
    g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_COLUMN, "%s: %s", source->display_path, m->str);
    g_string_free(m, TRUE);
    g_free(hint);
}

int jv_header_map(const jv_header *header, const jv_table_source *source,
                  const jv_role_request *roles, size_t n_roles, int *fields,
                  jv_problem_list *problems, GError **error)
{
    for (size_t r = 0; r < n_roles; r++) {
        const char *wanted =
            source->columns ? g_hash_table_lookup(source->columns, roles[r].name) : NULL;
        if (wanted == NULL)
            wanted = roles[r].name;
        fields[r] = -1;
        for (guint i = 0; i < header->names->len; i++) {
            if (strcmp(g_ptr_array_index(header->names, i), wanted) != 0)
                continue;
            if (fields[r] >= 0) {
                char *message = g_strdup_printf(
                    _("column '%s' (role '%s') appears twice in the header, as columns %d and "
                      "%u; rename one of them"),
                    wanted, roles[r].name, fields[r] + 1, i + 1);
                if (problems == NULL) {
                    g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_COLUMN, "%s: %s",
                                source->display_path, message);
                    g_free(message);
                    return -1;
                }
                jv_problem_list_add(problems, JV_SEVERITY_ERROR, JV_PROBLEM_DUPLICATE_COLUMN,
                                    source->display_path, 1, wanted, (int)i + 1, NULL, 0, message,
                                    g_strdup(_("rename one of them")));
                break;
            }
            fields[r] = (int)i;
        }
        if (fields[r] < 0 && (roles[r].flags & JV_ROLE_REQUIRED)) {
            missing_error(header, source, roles[r].name, wanted, problems, error);
            if (problems == NULL)
                return -1;
        }
    }
    return 0;
}
