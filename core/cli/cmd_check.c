/* core/cli/cmd_check.c — `jamvikt check EVALUATION.json`: validates the
 * evaluation file, the plugins it names and every table (files, columns,
 * codes, values) without computing anything. */
#include "cli/cli.h"
#include "eval/evaluation.h"
#include "eval/run.h"

#include <stdio.h>
#include <stdlib.h>

int jv_cmd_check(int argc, char **argv)
{
    char **plugin_path = NULL;
    gboolean json = FALSE;
    GOptionEntry entries[] = {
        {"plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_path,
         "Also look for plugins in DIR (repeatable)", "DIR"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the report as JSON", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *context = g_option_context_new("EVALUATION.json");
    g_option_context_set_summary(context,
                                 "Validate files, columns and codes of an evaluation; compute nothing.");
    g_option_context_add_main_entries(context, entries, NULL);
    int rc = JV_EXIT_USAGE;
    jv_evaluation *evaluation = NULL;
    jv_registry *registry = NULL;
    cJSON *report = NULL;
    if (!jv_cli_parse(context, &argc, &argv))
        goto out;
    if (argc != 2) {
        rc = jv_cli_usage("check", argc < 2 ? "no evaluation file given" : "more than one evaluation file given");
        goto out;
    }
    GError *error = NULL;
    evaluation = jv_evaluation_load(argv[1], &error);
    if (evaluation != NULL) {
        registry = jv_cli_load_plugins(plugin_path, json);
        jv_run_options options = {-1, 0, FALSE, FALSE, TRUE, NULL, FALSE};
        report = jv_run_evaluation(evaluation, registry, &options, NULL, &error);
    }
    if (report == NULL) {
        if (json) {
            cJSON *doc = cJSON_CreateObject();
            cJSON_AddBoolToObject(doc, "valid", FALSE);
            cJSON *errors = cJSON_AddArrayToObject(doc, "errors");
            cJSON_AddItemToArray(errors, cJSON_CreateString(error->message));
            char *text = cJSON_Print(doc);
            printf("%s\n", text);
            free(text);
            cJSON_Delete(doc);
            rc = JV_EXIT_FAILURE;
        } else {
            rc = jv_cli_fail("%s", error->message);
        }
        g_error_free(error);
        goto out;
    }
    cJSON_AddBoolToObject(report, "valid", TRUE);
    if (json) {
        char *text = cJSON_Print(report);
        printf("%s\n", text);
        free(text);
    } else {
        int tables = 0;
        double rows = 0;
        const cJSON *region, *table, *item;
        cJSON_ArrayForEach(region, cJSON_GetObjectItemCaseSensitive(report, "regions"))
        {
            cJSON_ArrayForEach(table, cJSON_GetObjectItemCaseSensitive(region, "tables"))
            {
                tables++;
                rows += cJSON_GetObjectItemCaseSensitive(table, "rows")->valuedouble;
            }
            cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(region, "skipped"))
                printf("note: %s\n", item->valuestring);
        }
        cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(report, "warnings"))
            printf("warning: %s\n", item->valuestring);
        printf("%s: OK — %d regions, %d tables, %.0f rows checked\n", argv[1],
               cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(report, "regions")), tables, rows);
    }
    rc = JV_EXIT_OK;
out:
    cJSON_Delete(report);
    jv_registry_free(registry);
    jv_evaluation_free(evaluation);
    g_option_context_free(context);
    g_strfreev(plugin_path);
    return rc;
}
