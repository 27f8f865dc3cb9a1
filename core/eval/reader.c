/* core/eval/reader.c — the read phase (reader.h): makes the chunk slots
 * the plan asks for, has them read and merged (read_tasks.c), takes the
 * first failure in chunk order, numbers regions named by a column, and
 * accounts what the passes found: the reader's counts, each file's
 * warnings, indicators skipped where a table is missing, the inputs and,
 * checking, the problems of each file. */
#include "eval/reader.h"

#include "eval/chunk_read.h"
#include "eval/pass_warnings.h"
#include "eval/read_tasks.h"

#include <string.h>

static void append_name(GString **list, const char *name)
{
    if (*list == NULL)
        *list = g_string_new(name);
    else
        g_string_append_printf(*list, ", %s", name);
}

/* A missing table file is said, not only shown as "..": once per region
 * and file, or once for a national file every region lacks. TRUE when
 * something was said. */
static gboolean say_missing(const jv_reader *rd, const jv_pass *pass, jv_scope *scope,
                            const GString *skipped, const GString *without)
{
    if (skipped == NULL && without == NULL)
        return FALSE;
    char *display = jv_plan_display_path(rd->plan, pass->path);
    GPtrArray *into = pass->region >= 0 ? scope->warnings : rd->out->warnings;
    const char *who = pass->region >= 0 ? scope->name : "every region";
    if (skipped != NULL)
        g_ptr_array_add(into, g_strdup_printf("%s: %s not computed (skipped): no %s table, %s "
                                              "not found",
                                              who, skipped->str, pass->table, display));
    if (without != NULL)
        g_ptr_array_add(into, g_strdup_printf("%s: no %s table (%s not found): %s computed "
                                              "without it",
                                              who, pass->table, display, without->str));
    g_free(display);
    return TRUE;
}

/* What the passes add to the regions: the reader's counts and warnings,
 * skipped indicators where a table is missing, and the inputs. */
static void account_passes(jv_reader *rd)
{
    for (guint c = 0; c < rd->chunks->len; c++) {
        jv_chunk *chunk = g_ptr_array_index(rd->chunks, c);
        jv_pass_result *result = &rd->out->passes[chunk->pass->index];
        result->rows += chunk->rows;
        result->skipped += chunk->skipped;
        if (chunk->sha256 != NULL && result->sha256 == NULL)
            result->sha256 = g_strdup(chunk->sha256);
        result->has_period = result->has_period || chunk->has_period;
        result->no_period += chunk->no_period;
        rd->out->period_overflow = rd->out->period_overflow || chunk->period_overflow;
    }
    for (guint p = 0; p < rd->plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(rd->plan->passes, p);
        const jv_pass_result *result = &rd->out->passes[p];
        if (!pass->missing) {
            gboolean listed = pass->region >= 0;
            jv_pass_warnings(rd, pass,
                             listed ? rd->out->regions[pass->region].warnings : rd->out->warnings,
                             listed ? rd->out->regions[pass->region].name : NULL);
        }
        gboolean national_said = FALSE;
        for (size_t r = 0; r < rd->out->n_regions; r++) {
            if (pass->region >= 0 && (size_t)pass->region != r)
                continue;
            jv_scope *scope = &rd->out->regions[r];
            GString *skipped = NULL; /* the indicators this missing file skips */
            GString *without = NULL; /* those that go on without it */
            for (guint i = 0; i < rd->plan->indicators->len; i++) {
                jv_indicator *ind = g_ptr_array_index(rd->plan->indicators, i);
                int t = jv_plugin_table_index(ind->desc, pass->table);
                jv_outcome *o = &scope->outcomes[i];
                if (t < 0)
                    continue;
                if (t == 0 && pass->region >= 0)
                    o->skipped += result->skipped;
                if (pass->missing && ind->desc->tables[t].required && o->status == JV_STATUS_OK) {
                    o->status = JV_STATUS_SKIPPED;
                    o->reason = g_strdup_printf("no %s table for %s: %s not found", pass->table,
                                                scope->name, pass->path);
                    append_name(&skipped, ind->name);
                } else if (pass->missing && o->status == JV_STATUS_OK) {
                    append_name(&without, ind->name);
                }
            }
            if (pass->region >= 0 || !national_said)
                national_said = say_missing(rd, pass, scope, skipped, without);
            if (skipped != NULL)
                g_string_free(skipped, TRUE);
            if (without != NULL)
                g_string_free(without, TRUE);
        }
        if (pass->missing)
            continue;
        jv_input in = {
            .region = pass->region >= 0 ? g_strdup(rd->out->regions[pass->region].name) : NULL,
            .table = g_strdup(pass->table),
            .file = jv_plan_display_path(rd->plan, pass->path),
            .bytes = pass->size,
            .sha256 = g_strdup(result->sha256),
        };
        g_array_append_val(rd->out->inputs, in);
    }
}

/* Checking: the plugins' warnings in consume() (chunk->warnings, which
 * in a check hold nothing else) become problems, and every chunk's
 * problems go to its file, in chunk order. */
static void collect_problems(jv_reader *rd)
{
    for (guint c = 0; c < rd->chunks->len; c++) {
        jv_chunk *chunk = g_ptr_array_index(rd->chunks, c);
        if (chunk->problems == NULL)
            continue;
        for (guint k = 0; k < chunk->warnings->len; k++)
            jv_problem_list_add(chunk->problems, JV_SEVERITY_WARNING, JV_PROBLEM_INDICATOR,
                                chunk->pass->path, 0, NULL, 0, NULL, 0,
                                g_strdup(g_ptr_array_index(chunk->warnings, k)), NULL);
        jv_pass_result *result = &rd->out->passes[chunk->pass->index];
        if (result->read_problems == NULL)
            result->read_problems = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
        jv_problem_list_take(result->read_problems, chunk->problems);
    }
}

static gboolean read_all(jv_reader *rd, GError **error)
{
    jv_read_tasks(rd);
    if (!jv_chunk_errors(rd, error))
        return FALSE;
    if (rd->merge_error != NULL) {
        g_propagate_error(error, rd->merge_error);
        rd->merge_error = NULL;
        return FALSE;
    }
    if (rd->plan->evaluation->regions_column != NULL)
        jv_number_column_regions(rd);
    account_passes(rd);
    if (rd->plan->checking)
        collect_problems(rd);
    return TRUE;
}

gboolean jv_read(const jv_plan *plan, jv_outcomes *out, GError **error)
{
    jv_reader rd = {
        .plan = plan,
        .out = out,
        .chunks = g_ptr_array_new(),
        .column_regions = g_hash_table_new(g_str_hash, g_str_equal),
    };
    for (guint p = 0; p < plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(plan->passes, p);
        for (guint c = 0; !pass->missing && c < pass->n_chunks; c++)
            g_ptr_array_add(rd.chunks, jv_chunk_new(&rd, pass, rd.chunks->len));
    }
    gboolean ok = read_all(&rd, error);
    /* regions a failed read saw but never numbered */
    GHashTableIter it;
    gpointer value;
    g_hash_table_iter_init(&it, rd.column_regions);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        jv_scope_clear(out, value);
        g_free(value);
    }
    g_hash_table_unref(rd.column_regions);
    if (rd.merge_error)
        g_error_free(rd.merge_error);
    for (guint c = 0; c < rd.chunks->len; c++)
        jv_chunk_free(&rd, g_ptr_array_index(rd.chunks, c));
    g_ptr_array_unref(rd.chunks);
    return ok;
}
