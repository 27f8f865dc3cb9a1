/* core/eval/plan.c — what a run reads: one pass per table file (each
 * listed region's own files, or the national files whose rows a column
 * splits into regions), and the chunks (byte ranges) each pass is read in.
 * A table is read once, however many indicators use it. */
#include "eval/run_internal.h"

#include "data/xlsx.h"
#include "util/i18n.h"

#include <glib/gstdio.h>
#include <string.h>

/* Passes over files at least this large are split for parallel reading. */
#define JV_CHUNK_BYTES ((guint64)16 << 20)

int jv_plugin_table_index(const jv_plugin *desc, const char *name)
{
    for (size_t t = 0; t < desc->n_tables; t++)
        if (strcmp(desc->tables[t].name, name) == 0)
            return (int)t;
    return -1;
}

/* The tables any indicator reads, in order of first mention. Borrowed
 * names, owned array. */
static GPtrArray *table_names(const jv_run *run)
{
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < run->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(run->indicators, i);
        for (size_t t = 0; t < ind->desc->n_tables; t++) {
            const char *name = ind->desc->tables[t].name;
            gboolean seen = FALSE;
            for (guint k = 0; k < names->len; k++)
                seen = seen || strcmp(g_ptr_array_index(names, k), name) == 0;
            if (!seen)
                g_ptr_array_add(names, (gpointer)name);
        }
    }
    return names;
}

static void add_pass(jv_run *run, const char *table, int region, const jv_region_def *def)
{
    jv_pass *pass = g_new0(jv_pass, 1);
    pass->index = run->passes->len;
    pass->table = table;
    pass->region = region;
    pass->settings = jv_evaluation_table(run->evaluation, def, table, &pass->path);
    pass->warnings = g_ptr_array_new_with_free_func(g_free);
    GStatBuf st;
    pass->missing = !g_file_test(pass->path, G_FILE_TEST_EXISTS);
    if (!pass->missing && g_stat(pass->path, &st) == 0)
        pass->size = (guint64)st.st_size;
    if (!pass->missing)
        pass->stamp = jv_input_stamp_take(pass->path);
    g_ptr_array_add(run->passes, pass);
}

/* A region's folder must exist: a table missing from a folder skips the
 * indicators that need it, but a missing folder is a mistyped path, and an
 * evaluation that silently skips a whole region would mislead. */
static gboolean folder_exists(const jv_evaluation *e, const char *dir, const char *where,
                              GError **error)
{
    if (g_file_test(dir, G_FILE_TEST_IS_DIR))
        return TRUE;
    g_set_error(error, JV_RUN_ERROR, 0,
                _("%s: %s: folder '%s' %s; \"dir\" is relative to the evaluation file's folder"),
                e->path, where, dir,
                g_file_test(dir, G_FILE_TEST_EXISTS) ? _("is not a folder") : _("not found"));
    return FALSE;
}

gboolean jv_plan_passes(jv_run *run, GError **error)
{
    const jv_evaluation *e = run->evaluation;
    GPtrArray *tables = table_names(run);
    gboolean ok = TRUE;
    if (e->regions_column == NULL) {
        for (guint r = 0; ok && r < e->regions->len; r++) {
            const jv_region_def *region = g_ptr_array_index(e->regions, r);
            char *where = g_strdup_printf("regions[%u] ('%s')", r, region->name);
            ok = folder_exists(e, region->dir, where, error);
            g_free(where);
            for (guint k = 0; ok && k < tables->len; k++)
                add_pass(run, g_ptr_array_index(tables, k), (int)r, region);
        }
    } else {
        ok = folder_exists(e, e->regions_dir, "regions.dir", error);
        for (guint k = 0; ok && k < tables->len; k++)
            add_pass(run, g_ptr_array_index(tables, k), -1, NULL);
    }
    g_ptr_array_unref(tables);
    return ok;
}

static void add_chunk(jv_run *run, jv_pass *pass, guint64 start, guint64 end, guint64 first_line)
{
    jv_chunk *chunk = g_new0(jv_chunk, 1);
    chunk->index = run->chunks->len;
    chunk->pass = pass;
    chunk->start = start;
    chunk->end = end;
    chunk->first_line = first_line;
    chunk->scopes = g_ptr_array_new();
    chunk->failures = g_new0(char *, run->indicators->len);
    chunk->warnings = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(run->chunks, chunk);
}

/* Chunks depend on the file's size only — never on the number of threads —
 * so that every -j gives the same chunks, states and warnings.
 * $JAMVIKT_CHUNK_BYTES sets the chunk size (tests use tiny chunks to check
 * that the result does not depend on it). */
static guint chunk_count(const jv_pass *pass)
{
    guint64 bytes = JV_CHUNK_BYTES;
    const char *env = g_getenv("JAMVIKT_CHUNK_BYTES");
    if (env != NULL && g_ascii_strtoull(env, NULL, 10) > 0)
        bytes = g_ascii_strtoull(env, NULL, 10);
    guint64 n = pass->size / bytes;
    if (jv_xlsx_is_workbook(pass->path))
        return 1; /* a workbook is one zip stream: read whole (other workbooks in parallel) */
    return (guint)(n < 1 ? 1 : n > 4096 ? 4096 : n);
}

/* A pass of one chunk is read whole. A larger pass gets its chunk slots
 * now; their byte ranges are filled in by a split task while reading
 * (read_tasks.c), so reading starts before the split has scanned the file.
 * With one thread nothing is split: chunks only buy parallelism, and the
 * result (warnings included) is the same however a file is cut. */
gboolean jv_plan_chunks(jv_run *run, GError **error)
{
    (void)error;
    for (guint p = 0; p < run->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(run->passes, p);
        if (pass->missing)
            continue;
        guint n = jv_run_threads(run->options) > 1 ? chunk_count(pass) : 1;
        pass->first_chunk = run->chunks->len;
        pass->n_chunks = n;
        for (guint c = 0; c < n; c++)
            add_chunk(run, pass, 0, 0, 0);
    }
    return TRUE;
}

void jv_pass_source(const jv_pass *pass, jv_table_source *src, gboolean hash)
{
    const jv_table_settings *s = pass->settings;
    memset(src, 0, sizeof *src);
    src->path = pass->path;
    src->display_path = pass->path;
    src->delimiter = s->delimiter;
    src->decimal = s->decimal;
    src->encoding = s->encoding;
    src->columns = s->columns;
    src->codes = s->codes;
    src->on_error = s->on_error;
    src->hash = hash;
    src->sheet = s->sheet;
    src->header_row = s->header_row;
}
