/* core/eval/plan.c — builds the plan of a run (plan.h): the indicators
 * bound to their plugins, one pass per table file (each listed region's own
 * files, or the national files whose rows a column splits into regions),
 * and the number of chunks (byte ranges) each pass is read in. A table is
 * read once, however many indicators use it. */
#include "eval/plan.h"

#include "data/xlsx.h"
#include "util/i18n.h"

#include <glib/gstdio.h>
#include <string.h>

char *jv_plan_display_path(const jv_plan *plan, const char *path)
{
    const char *dir = plan->evaluation->dir;
    size_t n = strlen(dir);
    if (n > 0 && strcmp(dir, ".") != 0 && strncmp(path, dir, n) == 0 && path[n] == G_DIR_SEPARATOR)
        return g_strdup(path + n + 1);
    if (strcmp(dir, ".") == 0 && g_str_has_prefix(path, "./"))
        return g_strdup(path + 2);
    return g_strdup(path);
}

static gboolean bind_indicators(jv_plan *plan, const jv_registry *registry, GError **error)
{
    const jv_evaluation *e = plan->evaluation;
    for (guint i = 0; i < e->indicators->len; i++) {
        const jv_indicator_def *def = g_ptr_array_index(e->indicators, i);
        const jv_loaded_plugin *plugin = jv_registry_find(registry, def->plugin);
        if (plugin == NULL) {
            const char *close = jv_registry_suggest(registry, def->plugin);
            GString *msg = g_string_new(NULL);
            g_string_printf(msg, "%s: %s.plugin: unknown plugin '%s'", e->path, def->json_path,
                            def->plugin);
            if (close)
                g_string_append_printf(msg, " — did you mean '%s'?", close);
            else
                g_string_append(msg, " (see `jamvikt plugins` for what is installed)");
            char *missing = jv_registry_missing(registry, def->plugin);
            if (missing != NULL)
                g_string_append_printf(msg, "\n  %s", missing);
            g_free(missing);
            for (guint r = 0; r < registry->rejections->len; r++)
                if (strstr(g_ptr_array_index(registry->rejections, r), def->plugin) != NULL)
                    g_string_append_printf(
                        msg, "\n  a plugin was rejected: %s",
                        (const char *)g_ptr_array_index(registry->rejections, r));
            g_set_error_literal(error, JV_RUN_ERROR, 0, msg->str);
            g_string_free(msg, TRUE);
            return FALSE;
        }
        char *where = g_strdup_printf("%s: %s", e->path, def->json_path);
        jv_indicator *ind =
            jv_indicator_bind(def->name, plugin, def->params, where, &plan->plugin_options, error);
        g_free(where);
        if (ind == NULL)
            return FALSE;
        g_ptr_array_add(plan->indicators, ind);
    }
    return TRUE;
}

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
static GPtrArray *table_names(const jv_plan *plan)
{
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < plan->indicators->len; i++) {
        const jv_indicator *ind = g_ptr_array_index(plan->indicators, i);
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

static void add_pass(jv_plan *plan, const char *table, int region, const jv_region_def *def)
{
    jv_pass *pass = g_new0(jv_pass, 1);
    pass->index = plan->passes->len;
    pass->table = table;
    pass->region = region;
    pass->settings = jv_evaluation_table(plan->evaluation, def, table, &pass->path);
    GStatBuf st;
    pass->missing = !g_file_test(pass->path, G_FILE_TEST_EXISTS);
    if (!pass->missing && g_stat(pass->path, &st) == 0)
        pass->size = (guint64)st.st_size;
    if (!pass->missing)
        pass->stamp = jv_input_stamp_take(pass->path);
    g_ptr_array_add(plan->passes, pass);
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

static gboolean plan_passes(jv_plan *plan, GError **error)
{
    const jv_evaluation *e = plan->evaluation;
    GPtrArray *tables = table_names(plan);
    gboolean ok = TRUE;
    if (e->regions_column == NULL) {
        for (guint r = 0; ok && r < e->regions->len; r++) {
            const jv_region_def *region = g_ptr_array_index(e->regions, r);
            char *where = g_strdup_printf("regions[%u] ('%s')", r, region->name);
            ok = folder_exists(e, region->dir, where, error);
            g_free(where);
            for (guint k = 0; ok && k < tables->len; k++)
                add_pass(plan, g_ptr_array_index(tables, k), (int)r, region);
        }
    } else {
        ok = folder_exists(e, e->regions_dir, "regions.dir", error);
        for (guint k = 0; ok && k < tables->len; k++)
            add_pass(plan, g_ptr_array_index(tables, k), -1, NULL);
    }
    g_ptr_array_unref(tables);
    return ok;
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
static gboolean plan_chunks(jv_plan *plan, GError **error)
{
    (void)error;
    for (guint p = 0; p < plan->passes->len; p++) {
        jv_pass *pass = g_ptr_array_index(plan->passes, p);
        if (pass->missing)
            continue;
        guint n = jv_run_threads(plan->options) > 1 ? chunk_count(pass) : 1;
        pass->first_chunk = plan->n_chunks;
        pass->n_chunks = n;
        plan->n_chunks += n;
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

static void pass_free(gpointer data)
{
    jv_pass *pass = data;
    g_free(pass->path);
    jv_table_settings_free(pass->settings);
    g_free(pass);
}

void jv_plan_init(jv_plan *plan, const jv_evaluation *evaluation, const jv_run_options *options,
                  gboolean checking)
{
    memset(plan, 0, sizeof *plan);
    plan->evaluation = evaluation;
    plan->options = options;
    plan->checking = checking;
    plan->min_cell = options->min_cell >= 0 ? options->min_cell : evaluation->options.min_cell;
    plan->hash_inputs = options->hash_inputs || evaluation->options.hash_inputs;
    jv_options_fill(&plan->plugin_options, plan->min_cell, evaluation->options.balance_low,
                    evaluation->options.balance_high, evaluation->options.confidence);
    plan->indicators = g_ptr_array_new_with_free_func((GDestroyNotify)jv_indicator_free);
    plan->passes = g_ptr_array_new_with_free_func(pass_free);
}

gboolean jv_plan_build(jv_plan *plan, const jv_registry *registry, GError **error)
{
    return bind_indicators(plan, registry, error) && plan_passes(plan, error) &&
           plan_chunks(plan, error);
}

void jv_plan_clear(jv_plan *plan)
{
    if (plan->passes)
        g_ptr_array_unref(plan->passes);
    if (plan->indicators)
        g_ptr_array_unref(plan->indicators);
}
