/* core/cli/cmd_report.c — `jamvikt report RESULT.json`: renders a stored
 * result document in another format without re-reading any data. */
#include "cli/cli.h"
#include "eval/doc_file.h"
#include "eval/output.h"
#include "eval/result_check.h"
#include "render/render.h"
#include "util/i18n.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

int jv_cmd_report(int argc, char **argv)
{
    char *output = NULL, *format = NULL, *lang = NULL;
    char *csv_dialect = NULL;
    gboolean publish = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE"), "FILE"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format,
         N_("Output format: json, table, markdown, csv, html or xlsx"), "FORMAT"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language: sv or en"), "LANG"},
        {"csv-dialect", 0, 0, G_OPTION_ARG_STRING, &csv_dialect,
         N_("CSV for Swedish Excel (excel: ';', decimal comma; default) or plain (',', '.')"),
         "DIALECT"},
        {"publish", 0, 0, G_OPTION_ARG_NONE, &publish,
         N_("Render for readers: no indicator ids, file paths or warnings list; a method note"),
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *context = g_option_context_new(N_("RESULT.json"));
    g_option_context_set_summary(context, N_("Render a stored result document."));
    g_option_context_add_main_entries(context, entries, NULL);
    int rc = JV_EXIT_USAGE;
    cJSON *doc = NULL;
    if (!jv_cli_parse(context, &argc, &argv))
        goto out;
    if (argc != 2) {
        rc = jv_cli_usage("report",
                          argc < 2 ? "no result file given" : "more than one result file given");
        goto out;
    }
    GError *render_error = NULL;
    if (!jv_render_set_defaults(lang, csv_dialect, &render_error)) {
        rc = jv_cli_usage("report", "%s", render_error->message);
        g_error_free(render_error);
        goto out;
    }
    jv_render_set_publish(publish);
    const char *chosen = jv_cli_format("report", format, output);
    if (chosen == NULL)
        goto out;
    if (output != NULL && jv_output_same_file(output, argv[1])) {
        rc = jv_cli_fail(
            _("%s: refusing to overwrite the result being rendered (%s); choose another "
              "output file"),
            output, argv[1]);
        goto out;
    }
    /* a result from elsewhere is checked as strictly as an evaluation
     * file before any renderer reads it (eval/result_check.h) */
    GError *error = NULL;
    doc = jv_doc_file_load(argv[1], "result document", &error);
    if (doc != NULL && !jv_result_check(doc, argv[1], &error)) {
        cJSON_Delete(doc);
        doc = NULL;
    }
    if (doc == NULL) {
        rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
        goto out;
    }
    rc = jv_cli_emit(doc, chosen, output);
out:
    cJSON_Delete(doc);
    g_option_context_free(context);
    g_free(output);
    g_free(format);
    g_free(lang);
    g_free(csv_dialect);
    return rc;
}
