/* core/eval/pass_warnings.c — the warnings of one input file, worded the
 * same however the file was cut into chunks (DESIGN.md: the result must not
 * depend on how the work was split). Each chunk's reader and plugins report
 * what they saw; here the lines are joined: repeated lines once, skipped
 * rows ordered by their line in the file and cut to the first
 * JV_SKIP_REASONS, then one "N values rounded" line per column and one
 * "N rows skipped" line with the totals over all chunks. */
#include "eval/pass_warnings.h"

#include <string.h>

typedef struct skip_line {
    guint64 line; /* in the file, from the "FILE:LINE:" the line starts with */
    guint order;  /* tie-break: the order the chunks reported them */
    const char *text;
} skip_line;

static gint compare_skips(gconstpointer a, gconstpointer b)
{
    const skip_line *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The line number in "FILE:LINE: ...", or the largest number when absent. */
static guint64 line_of(const char *text, const char *file)
{
    size_t n = strlen(file);
    if (strncmp(text, file, n) != 0 || text[n] != ':')
        return G_MAXUINT64;
    return g_ascii_strtoull(text + n + 1, NULL, 10);
}

static void add_once(GPtrArray *into, char *line)
{
    for (guint i = 0; i < into->len; i++)
        if (strcmp(g_ptr_array_index(into, i), line) == 0) {
            g_free(line);
            return;
        }
    g_ptr_array_add(into, line);
}

/* Adds `text` to `into`, with "Region: " in front unless it has it. */
static void add_line(GPtrArray *into, const char *region, const char *text)
{
    if (region != NULL && !(g_str_has_prefix(text, region) && text[strlen(region)] == ':'))
        add_once(into, g_strdup_printf("%s: %s", region, text));
    else
        add_once(into, g_strdup(text));
}

void jv_pass_warnings(const jv_reader *rd, const jv_pass *pass, GPtrArray *into, const char *region)
{
    GArray *skips = g_array_new(FALSE, FALSE, sizeof(skip_line));
    GPtrArray *others = g_ptr_array_new();
    guint64 *rounded = NULL, *empty = NULL, *dashes = NULL;
    char **columns = NULL;
    guint n_columns = 0;
    for (guint c = pass->first_chunk; c < pass->first_chunk + pass->n_chunks; c++) {
        const jv_chunk *chunk = g_ptr_array_index(rd->chunks, c);
        for (guint w = 0; w < chunk->warnings->len; w++) {
            const char *text = g_ptr_array_index(chunk->warnings, w);
            if (g_str_has_suffix(text, " (row skipped)")) {
                skip_line s = {line_of(text, pass->path), skips->len, text};
                g_array_append_val(skips, s);
            } else {
                g_ptr_array_add(others, (gpointer)text);
            }
        }
        if (chunk->rounded != NULL && rounded == NULL) {
            n_columns = chunk->n_columns;
            rounded = g_new0(guint64, n_columns);
            empty = g_new0(guint64, n_columns);
            dashes = g_new0(guint64, n_columns);
            columns = chunk->column_names;
        }
        for (guint u = 0; chunk->rounded != NULL && u < n_columns; u++) {
            rounded[u] += chunk->rounded[u];
            empty[u] += chunk->empty_gender[u];
            dashes[u] += chunk->dashes[u];
        }
    }
    for (guint k = 0; k < others->len; k++)
        add_line(into, region, g_ptr_array_index(others, k));
    g_array_sort(skips, compare_skips);
    for (guint k = 0; k < skips->len && k < JV_SKIP_REASONS; k++)
        add_line(into, region, g_array_index(skips, skip_line, k).text);
    for (guint u = 0; u < n_columns; u++)
        if (rounded[u] > 0 && columns[u] != NULL) {
            char *text = jv_table_rounded_warning(pass->path, rounded[u], columns[u]);
            add_line(into, region, text);
            g_free(text);
        }
    for (guint u = 0; u < n_columns; u++) {
        char *text = NULL;
        if (empty[u] > 0 && columns[u] != NULL) {
            text = jv_table_empty_gender_warning(pass->path, empty[u], columns[u]);
            add_line(into, region, text);
            g_free(text);
        }
        if (dashes[u] > 0 && columns[u] != NULL) {
            text = jv_table_dash_warning(pass->path, dashes[u], columns[u]);
            add_line(into, region, text);
            g_free(text);
        }
    }
    guint64 skipped = rd->out->passes[pass->index].skipped;
    if (skipped > 0) {
        char *text = jv_table_skipped_warning(pass->path, skipped, skips->len > JV_SKIP_REASONS);
        add_line(into, region, text);
        g_free(text);
    }
    g_free(rounded);
    g_free(empty);
    g_free(dashes);
    g_ptr_array_unref(others);
    g_array_unref(skips);
}
