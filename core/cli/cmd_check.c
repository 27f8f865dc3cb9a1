/* core/cli/cmd_check.c — `jamvikt check EVALUATION.json`: validates the
 * evaluation file, the plugins it names and every table (files, columns,
 * codes, values) without computing anything, and reports every problem it
 * finds, not just the first (up to JV_PROBLEMS_PER_FILE per file, then it
 * says the file's report is partial).
 *
 * Output: each problem on stderr as "error: FILE:LINE: column 'x':
 * message [code]" (or "warning: ..."), then one summary line on stdout.
 * With --json, one JSON report on stdout instead: "valid", "files" (per
 * file: rows, skipped_rows, errors, warnings, partial), "errors" and
 * "warnings" (problem objects: severity, code, file, line, column, field,
 * value, message, hint), "regions", "skipped". Exit status 1 when there is
 * any error (warnings alone: 0), 2 on a usage error. */
#include "cli/cli.h"
#include "util/text.h"
#include "config/evaluation.h"
#include "eval/check.h"
#include "util/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The problem code of a failure that stopped the check before or while
 * reading (the evaluation file, a plugin, a file that cannot be split). */
static const char *failure_code(const GError *error)
{
    if (error->domain == JV_DATA_ERROR)
        return error->code == JV_DATA_ERROR_IO ? JV_PROBLEM_UNREADABLE : JV_PROBLEM_CSV_SYNTAX;
    return "evaluation-file";
}

/* A report with the one error that stopped the check. "FILE:LINE[:COL]: "
 * at the start of the message gives file and line. */
static cJSON *failure_report(const char *path, const GError *error)
{
    const char *text = error->message, *file_end = NULL;
    guint64 line = 0;
    size_t n = strlen(path);
    if (strncmp(text, path, n) == 0 && text[n] == ':')
        file_end = text + n;
    else
        file_end = strstr(text, ": ");
    char *file = file_end ? g_strndup(text, (gsize)(file_end - text)) : g_strdup(path);
    if (file_end != NULL) {
        const char *t = file_end;
        if (t[0] == ':' && g_ascii_isdigit(t[1])) {
            char *end;
            line = g_ascii_strtoull(t + 1, &end, 10);
            t = end;
            if (t[0] == ':' && g_ascii_isdigit(t[1])) {
                (void)g_ascii_strtoull(t + 1, &end, 10); /* the column */
                t = end;
            }
        }
        if (t[0] == ':' && t[1] == ' ')
            text = t + 2;
    }
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddBoolToObject(doc, "valid", FALSE);
    cJSON_AddArrayToObject(doc, "files");
    cJSON *errors = cJSON_AddArrayToObject(doc, "errors");
    cJSON_AddArrayToObject(doc, "warnings");
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "severity", "error");
    cJSON_AddStringToObject(p, "code", failure_code(error));
    cJSON_AddStringToObject(p, "file", file);
    cJSON_AddItemToObject(p, "line", line ? cJSON_CreateNumber((double)line) : cJSON_CreateNull());
    cJSON_AddNullToObject(p, "column");
    cJSON_AddNullToObject(p, "field");
    cJSON_AddNullToObject(p, "value");
    cJSON_AddStringToObject(p, "message", text);
    cJSON_AddNullToObject(p, "hint");
    cJSON_AddItemToArray(errors, p);
    g_free(file);
    return doc;
}

static const char *string_of(const cJSON *object, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

static double number_of(const cJSON *object, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, key);
    return cJSON_IsNumber(item) ? item->valuedouble : 0;
}

/* A problem to print, and where it belongs in the output. */
typedef struct listed {
    const cJSON *problem;
    const char *severity;
    int file; /* position of its file in the report's files */
    double line, field;
} listed;

static gint compare_listed(gconstpointer a, gconstpointer b)
{
    const listed *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->field > y->field) - (x->field < y->field);
}

static void add_listed(GArray *all, const cJSON *report, const char *key, const char *severity)
{
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(report, "files");
    const cJSON *p;
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(report, key)) {
        listed l = {.problem = p,
                    .severity = severity,
                    .file = cJSON_GetArraySize(files),
                    .line = number_of(p, "line"),
                    .field = number_of(p, "field")};
        int k = 0;
        const cJSON *file;
        cJSON_ArrayForEach(file, files) {
            if (g_strcmp0(string_of(file, "file"), string_of(p, "file")) == 0) {
                l.file = k;
                break;
            }
            k++;
        }
        g_array_append_val(all, l);
    }
}

/* Every problem, file by file and line by line, on stderr:
 * "error: FILE:LINE: column 'x': message [code]". */
static void print_problems(const cJSON *report)
{
    GArray *all = g_array_new(FALSE, FALSE, sizeof(listed));
    add_listed(all, report, "errors", N_("error"));
    add_listed(all, report, "warnings", N_("warning"));
    g_array_sort(all, compare_listed);
    for (guint i = 0; i < all->len; i++) {
        const listed *l = &g_array_index(all, listed, i);
        GString *s = g_string_new(_(l->severity));
        g_string_append_printf(s, ": %s", string_of(l->problem, "file"));
        if (l->line > 0)
            g_string_append_printf(s, ":%.0f", l->line);
        g_string_append(s, ": ");
        if (string_of(l->problem, "column") != NULL)
            g_string_append_printf(s, _("column '%s': "), string_of(l->problem, "column"));
        g_string_append_printf(s, "%s [%s]", string_of(l->problem, "message"),
                               string_of(l->problem, "code"));
        char *shown = jv_text_escape_message(s->str); /* no raw bytes of a bad file */
        fprintf(stderr, "%s\n", shown);
        g_free(shown);
        g_string_free(s, TRUE);
    }
    g_array_unref(all);
}

static void print_report(const char *path, const cJSON *report)
{
    const cJSON *errors = cJSON_GetObjectItemCaseSensitive(report, "errors");
    print_problems(report);
    double n_errors = 0, n_warnings = 0, rows = 0;
    int n_files = 0;
    const cJSON *file;
    cJSON_ArrayForEach(file, cJSON_GetObjectItemCaseSensitive(report, "files")) {
        n_errors += number_of(file, "errors");
        n_warnings += number_of(file, "warnings");
        rows += number_of(file, "rows");
        n_files += cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(file, "found"));
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(file, "partial")))
            fprintf(stderr,
                    _("note: %s: the report for this file is partial: it has %.0f errors and "
                      "%.0f warnings, of which only the first %d are listed\n"),
                    string_of(file, "file"), number_of(file, "errors"), number_of(file, "warnings"),
                    JV_PROBLEMS_PER_FILE);
    }
    /* problems of no one file (the indicators' across regions) are the
     * evaluation file's, which "files" does not list */
    const cJSON *p;
    cJSON_ArrayForEach(p, errors)
        n_errors += g_strcmp0(string_of(p, "file"), path) == 0 && n_files > 0;
    cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(report, "warnings"))
        n_warnings += g_strcmp0(string_of(p, "file"), path) == 0;
    int n_regions = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(report, "regions"));
    if (n_errors == 0 && cJSON_GetArraySize(errors) > 0) /* stopped before reading */
        n_errors = cJSON_GetArraySize(errors);
    /* counts as words, singular or plural (the doubles hold whole numbers) */
    char *regions_text = g_strdup_printf(
        jv_ngettext("%d region", "%d regions", (unsigned long)n_regions), n_regions);
    char *files_text =
        g_strdup_printf(jv_ngettext("%d file", "%d files", (unsigned long)n_files), n_files);
    char *rows_text =
        g_strdup_printf(jv_ngettext("%.0f row", "%.0f rows", (unsigned long)rows), rows);
    char *errors_text = g_strdup_printf(
        jv_ngettext("%.0f error", "%.0f errors", (unsigned long)n_errors), n_errors);
    char *warnings_text = g_strdup_printf(
        jv_ngettext("%.0f warning", "%.0f warnings", (unsigned long)n_warnings), n_warnings);
    char *counts = g_strdup_printf(_("%s, %s, %s checked"), regions_text, files_text, rows_text);
    if (n_errors > 0)
        printf(_("%s: %s, %s — %s\n"), path, errors_text, warnings_text, counts);
    else if (n_warnings > 0)
        printf(_("%s: OK with %s — %s\n"), path, warnings_text, counts);
    else
        printf(_("%s: OK — %s\n"), path, counts);
    g_free(counts);
    g_free(warnings_text);
    g_free(errors_text);
    g_free(rows_text);
    g_free(files_text);
    g_free(regions_text);
}

int jv_cmd_check(int argc, char **argv)
{
    char **plugin_path = NULL;
    gboolean json = FALSE;
    char *lang = NULL;
    GOptionEntry entries[] = {{.long_name = "plugin-path",
                               .arg = G_OPTION_ARG_FILENAME_ARRAY,
                               .arg_data = &plugin_path,
                               .description = N_("Also look for plugins in DIR (repeatable)"),
                               .arg_description = "DIR"},
                              {.long_name = "json",
                               .arg = G_OPTION_ARG_NONE,
                               .arg_data = &json,
                               .description = N_("Print the report as JSON")},
                              {.long_name = "lang",
                               .arg = G_OPTION_ARG_STRING,
                               .arg_data = &lang,
                               .description = N_("Language of messages: sv or en"),
                               .arg_description = "LANG"},
                              {.long_name = NULL}};
    GOptionContext *context = g_option_context_new(N_("EVALUATION.json"));
    g_option_context_set_summary(
        context, N_("Validate files, columns, codes and values of an evaluation; compute nothing.\n"
                    "Every problem found is listed (up to 20 per file), with a code and a hint."));
    g_option_context_add_main_entries(context, entries, NULL);
    int rc = JV_EXIT_USAGE;
    jv_evaluation *evaluation = NULL;
    jv_registry *registry = NULL;
    cJSON *report = NULL;
    if (!jv_cli_parse(context, &argc, &argv) || !jv_cli_lang_valid("check", lang))
        goto out;
    if (argc != 2) {
        rc = jv_cli_usage("check", argc < 2 ? "no evaluation file given"
                                            : "more than one evaluation file given");
        goto out;
    }
    GError *error = NULL;
    evaluation = jv_evaluation_load(argv[1], &error);
    if (evaluation != NULL) {
        registry = jv_cli_load_named_plugins(plugin_path, evaluation, json);
        report = jv_check_evaluation(evaluation, registry, 0, &error);
        jv_cli_restore_stdout(); /* plugins ran with fd 1 on stderr */
    }
    if (report == NULL) {
        if (!json) {
            rc = jv_cli_fail("%s", error->message);
            g_error_free(error);
            goto out;
        }
        report = failure_report(argv[1], error);
        g_error_free(error);
    }
    gboolean valid = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(report, "valid"));
    if (json) {
        char *text = cJSON_Print(report);
        printf("%s\n", text);
        free(text);
    } else {
        print_report(argv[1], report);
    }
    rc = valid ? JV_EXIT_OK : JV_EXIT_FAILURE;
out:
    cJSON_Delete(report);
    jv_registry_free(registry);
    jv_evaluation_free(evaluation);
    g_option_context_free(context);
    g_strfreev(plugin_path);
    g_free(lang);
    return rc;
}
