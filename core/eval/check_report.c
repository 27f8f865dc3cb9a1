/* core/eval/check_report.c — the report of `jamvikt check`: per file what
 * was read, and every problem found (data/problem.h), as one JSON object
 * the check command prints or renders. */
#include "eval/check_report.h"
#include "util/i18n.h"

#include <string.h>

/* One problem of `jamvikt check --json` (data/problem.h), in the file
 * the report names `file` (the reader names it by its resolved path). */
static cJSON *problem_json(const jv_problem *p, const char *file)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "severity", p->severity == JV_SEVERITY_ERROR ? "error" : "warning");
    cJSON_AddStringToObject(o, "code", p->code);
    cJSON_AddStringToObject(o, "file", file);
    if (p->line > 0)
        cJSON_AddNumberToObject(o, "line", (double)p->line);
    else
        cJSON_AddNullToObject(o, "line");
    cJSON_AddItemToObject(o, "column",
                          p->column ? cJSON_CreateString(p->column) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "field",
                          p->field > 0 ? cJSON_CreateNumber(p->field) : cJSON_CreateNull());
    cJSON_AddItemToObject(o, "value", p->value ? cJSON_CreateString(p->value) : cJSON_CreateNull());
    cJSON_AddStringToObject(o, "message", p->message);
    cJSON_AddItemToObject(o, "hint", p->hint ? cJSON_CreateString(p->hint) : cJSON_CreateNull());
    return o;
}

/* A missing file, as a check warning: run skips what needs it. */
static void missing_problem(const jv_outcomes *out, const jv_pass *pass, jv_problem_list *list)
{
    char *file = jv_plan_display_path(out->plan, pass->path);
    char *message = pass->region >= 0
                        ? g_strdup_printf("no such file, so the indicators that need the '%s' "
                                          "table are skipped for %s",
                                          pass->table, out->regions[pass->region].name)
                        : g_strdup_printf("no such file, so the indicators that need the '%s' "
                                          "table are skipped",
                                          pass->table);
    jv_problem_list_add(list, JV_SEVERITY_WARNING, JV_PROBLEM_MISSING_FILE, file, 0, NULL, 0, NULL,
                        0, message,
                        g_strdup(_("check the region's \"dir\" and the table's \"file\" in the "
                                   "evaluation file")));
    g_free(file);
}

/* The report of `jamvikt check`: per file what was read and the problems
 * found (at most JV_PROBLEMS_PER_FILE listed per file), all errors and
 * warnings, and "valid" when there is no error. */
cJSON *jv_check_report(jv_outcomes *out)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddBoolToObject(doc, "valid", TRUE);
    cJSON *files = cJSON_AddArrayToObject(doc, "files");
    cJSON *errors = cJSON_AddArrayToObject(doc, "errors");
    cJSON *warnings = cJSON_AddArrayToObject(doc, "warnings");
    guint64 n_errors = 0;
    for (guint p = 0; p < out->plan->passes->len; p++) {
        const jv_pass *pass = g_ptr_array_index(out->plan->passes, p);
        jv_pass_result *result = &out->passes[p];
        jv_problem_list *list = jv_problem_list_new(JV_PROBLEMS_PER_FILE);
        char *file = jv_plan_display_path(out->plan, pass->path);
        if (pass->missing)
            missing_problem(out, pass, list);
        if (result->read_problems != NULL) /* the reader's (reader.c) */
            jv_problem_list_take(list, result->read_problems);
        if (result->problems != NULL) /* the indicators' (check.c) */
            jv_problem_list_take(list, result->problems);
        jv_problem_list_sort(list);
        const GPtrArray *items = jv_problem_list_items(list);
        for (guint k = 0; k < items->len; k++) {
            const jv_problem *problem = g_ptr_array_index(items, k);
            /* a workbook's reader names the sheet too: FILE[SHEET] */
            size_t n = strlen(pass->path);
            gboolean sheet = problem->file != NULL && strncmp(problem->file, pass->path, n) == 0 &&
                             problem->file[n] == '[';
            char *named = g_strconcat(file, sheet ? problem->file + n : "", NULL);
            cJSON_AddItemToArray(problem->severity == JV_SEVERITY_ERROR ? errors : warnings,
                                 problem_json(problem, named));
            g_free(named);
        }
        n_errors += jv_problem_list_errors(list);
        cJSON *t = cJSON_CreateObject();
        if (pass->region >= 0)
            cJSON_AddStringToObject(t, "region", out->regions[pass->region].name);
        cJSON_AddStringToObject(t, "table", pass->table);
        cJSON_AddStringToObject(t, "file", file);
        g_free(file);
        cJSON_AddBoolToObject(t, "found", !pass->missing);
        cJSON_AddNumberToObject(t, "bytes", (double)pass->size);
        cJSON_AddNumberToObject(t, "rows", (double)result->rows);
        cJSON_AddNumberToObject(t, "skipped_rows", (double)result->skipped);
        cJSON_AddNumberToObject(t, "errors", (double)jv_problem_list_errors(list));
        cJSON_AddNumberToObject(t, "warnings", (double)jv_problem_list_warnings(list));
        cJSON_AddBoolToObject(t, "partial", jv_problem_list_partial(list));
        cJSON_AddItemToArray(files, t);
        jv_problem_list_free(list);
    }
    if (out->problems != NULL) { /* problems of no one file: the evaluation's */
        const GPtrArray *items = jv_problem_list_items(out->problems);
        for (guint k = 0; k < items->len; k++) {
            const jv_problem *problem = g_ptr_array_index(items, k);
            cJSON_AddItemToArray(problem->severity == JV_SEVERITY_ERROR ? errors : warnings,
                                 problem_json(problem, out->plan->evaluation->path));
        }
        n_errors += jv_problem_list_errors(out->problems);
    }
    if (n_errors > 0)
        cJSON_ReplaceItemInObject(doc, "valid", cJSON_CreateFalse());
    cJSON *regions = cJSON_AddArrayToObject(doc, "regions");
    for (size_t r = 0; r < out->n_regions; r++)
        cJSON_AddItemToArray(regions, cJSON_CreateString(out->regions[r].name));
    cJSON *notes = cJSON_AddArrayToObject(doc, "skipped");
    for (size_t r = 0; r < out->n_regions; r++) {
        jv_scope *s = &out->regions[r];
        for (guint i = 0; i < out->plan->indicators->len; i++)
            if (s->outcomes[i].status == JV_STATUS_SKIPPED)
                cJSON_AddItemToArray(notes, cJSON_CreateString(s->outcomes[i].reason));
    }
    return doc;
}
