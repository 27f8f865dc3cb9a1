/* core/data/header.c — column names and the role → column mapping
 * (contract in header.h). */
#include "data/header.h"

#include <string.h>

#include <jamvikt/plugin.h>

#include "data/convert.h"
#include "util/did_you_mean.h"

void jv_header_init(jv_header *header, const jv_csv_record *record,
                    const jv_recode_table *table, char delimiter)
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
        g_ptr_array_add(header->names, g_utf8_make_valid(text, (gssize)length));
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

static void missing_error(const jv_header *header, const jv_table_source *source,
                          const char *role, const char *wanted, GError **error)
{
    GString *m = g_string_new(NULL);
    g_string_append_printf(m, "%s: column '%s'", source->display_path, wanted);
    if (strcmp(role, wanted) != 0)
        g_string_append_printf(m, " (role '%s')", role);
    g_string_append(m, " not found");
    const char *close = suggest(header, wanted);
    if (close != NULL)
        g_string_append_printf(m, " (did you mean '%s'?)", close);
    g_string_append(m, "; the file has columns: ");
    for (guint i = 0; i < header->names->len; i++)
        g_string_append_printf(m, "%s%s", i ? ", " : "",
                               (const char *)g_ptr_array_index(header->names, i));
    g_string_append_printf(m, ". Name the column for '%s' under \"columns\" in the "
                              "evaluation file",
                           role);
    if (header->invalid)
        g_string_append(m, "; the header is not valid UTF-8: if the file was saved by "
                           "Excel as \"CSV\", set \"encoding\": \"windows-1252\"");
    if (header->names->len == 1) {
        const char *only = g_ptr_array_index(header->names, 0);
        if (strpbrk(only, ",;\t") != NULL)
            g_string_append_printf(m, "; the header was read as one column with '%s' as "
                                      "delimiter: check \"delimiter\"",
                                   header->delimiter == '\t' ? "\\t"
                                                             : (char[]){header->delimiter, 0});
    }
    g_set_error_literal(error, JV_DATA_ERROR, JV_DATA_ERROR_COLUMN, m->str);
    g_string_free(m, TRUE);
}

int jv_header_map(const jv_header *header, const jv_table_source *source,
                  const jv_role_request *roles, size_t n_roles, int *fields, GError **error)
{
    for (size_t r = 0; r < n_roles; r++) {
        const char *wanted = source->columns ? g_hash_table_lookup(source->columns, roles[r].name)
                                             : NULL;
        if (wanted == NULL)
            wanted = roles[r].name;
        fields[r] = -1;
        for (guint i = 0; i < header->names->len; i++) {
            if (strcmp(g_ptr_array_index(header->names, i), wanted) != 0)
                continue;
            if (fields[r] >= 0) {
                g_set_error(error, JV_DATA_ERROR, JV_DATA_ERROR_COLUMN,
                            "%s: column '%s' (role '%s') appears twice in the header, as "
                            "columns %d and %u; rename one of them",
                            source->display_path, wanted, roles[r].name, fields[r] + 1, i + 1);
                return -1;
            }
            fields[r] = (int)i;
        }
        if (fields[r] < 0 && (roles[r].flags & JV_ROLE_REQUIRED)) {
            missing_error(header, source, roles[r].name, wanted, error);
            return -1;
        }
    }
    return 0;
}
