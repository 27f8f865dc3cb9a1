/* core/cli/cmd_run.c — `jamvikt run EVALUATION.json`: runs an evaluation
 * and writes the result document (or a rendering of it). */
#include "cli/cli.h"
#include "config/evaluation.h"
#include "eval/output.h"
#include "eval/run.h"
#include "render/render.h"
#include "util/i18n.h"

#include <stdio.h>
#include <unistd.h>
#include <string.h>

/* TRUE when `output` names the evaluation file or one of its inputs. */
static gboolean output_is_input(const jv_evaluation *e, const cJSON *doc, const char *output)
{
    if (jv_output_same_file(output, e->path))
        return TRUE;
    const cJSON *inputs = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(doc, "evaluation"), "inputs");
    const cJSON *input;
    cJSON_ArrayForEach(input, inputs) {
        const cJSON *file = cJSON_GetObjectItemCaseSensitive(input, "file");
        if (!cJSON_IsString(file))
            continue;
        char *path = g_path_is_absolute(file->valuestring)
                         ? g_strdup(file->valuestring)
                         : g_build_filename(e->dir, file->valuestring, NULL);
        gboolean same = jv_output_same_file(output, path);
        g_free(path);
        if (same)
            return TRUE;
    }
    return FALSE;
}

int jv_cmd_run(int argc, char **argv)
{
    char *output = NULL, *format = NULL, *save_state = NULL, *lang = NULL;
    char *csv_dialect = NULL;
    char **plugin_path = NULL;
    int min_cell = -1, threads = 0;
    gboolean keep_going = FALSE, hash_inputs = FALSE, quiet = FALSE, publish = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the result to FILE"), "FILE"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format,
         N_("Output format: json, table, markdown, csv, html or xlsx"), "FORMAT"},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &min_cell, N_("Suppress counts below N (0: off)"),
         "N"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &threads,
         N_("Regions read in parallel (default: cores)"), "N"},
        {"plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_path,
         N_("Also look for plugins in DIR (repeatable, searched first)"), "DIR"},
        {"keep-going", 0, 0, G_OPTION_ARG_NONE, &keep_going,
         N_("Write the document even if an indicator fails (exit status still 1)"), NULL},
        {"hash-inputs", 0, 0, G_OPTION_ARG_NONE, &hash_inputs, N_("Record every input's SHA-256"),
         NULL},
        {"save-state", 0, 0, G_OPTION_ARG_FILENAME, &save_state,
         N_("Save each region's aggregated states into DIR"), "DIR"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("No progress or warnings on stderr"), NULL},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of rendered reports: sv or en"),
         "LANG"},
        {"csv-dialect", 0, 0, G_OPTION_ARG_STRING, &csv_dialect,
         N_("CSV for Swedish Excel (excel: ';', decimal comma; default) or plain (',', '.')"),
         "DIALECT"},
        {"publish", 0, 0, G_OPTION_ARG_NONE, &publish,
         N_("Render for readers: no indicator ids, file paths or warnings list; a method note"),
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *context = g_option_context_new(N_("EVALUATION.json"));
    g_option_context_set_summary(context, N_("Run an evaluation and write its result document."));
    g_option_context_add_main_entries(context, entries, NULL);
    int rc = JV_EXIT_USAGE;
    jv_evaluation *evaluation = NULL;
    jv_registry *registry = NULL;
    cJSON *doc = NULL;
    if (!jv_cli_parse(context, &argc, &argv))
        goto out;
    if (argc != 2) {
        rc = jv_cli_usage("run", argc < 2 ? "no evaluation file given"
                                          : "more than one evaluation file given");
        goto out;
    }
    if (min_cell < -1) {
        rc = jv_cli_usage("run", _("--min-cell must be 0 or more"));
        goto out;
    }
    if (threads < 0) {
        rc = jv_cli_usage("run", _("--jobs must be 1 or more"));
        goto out;
    }
    if (threads > jv_run_max_threads()) {
        if (!quiet)
            fprintf(stderr,
                    _("jamvikt: note: -j %d lowered to %d (at most 4 threads per core, "
                      "%d in all)\n"),
                    threads, jv_run_max_threads(), JV_RUN_MAX_THREADS);
        threads = jv_run_max_threads();
    }
    if (lang != NULL && strcmp(lang, "sv") != 0 && strcmp(lang, "en") != 0) {
        rc = jv_cli_usage("run", _("--lang must be sv or en, not '%s'"), lang);
        goto out;
    }
    GError *render_error = NULL;
    if (!jv_render_set_defaults(lang, csv_dialect, &render_error)) {
        rc = jv_cli_usage("run", "%s", render_error->message);
        g_error_free(render_error);
        goto out;
    }
    jv_render_set_publish(publish);
    const char *chosen = jv_cli_format("run", format, output);
    if (chosen == NULL)
        goto out;
    GError *error = NULL;
    evaluation = jv_evaluation_load(argv[1], &error);
    if (evaluation == NULL) {
        rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
        goto out;
    }
    registry = jv_cli_load_named_plugins(plugin_path, evaluation, quiet);
    jv_run_options options = {.min_cell = min_cell,
                              .threads = threads,
                              .keep_going = keep_going,
                              .hash_inputs = hash_inputs,
                              .save_state = save_state,
                              .progress = !quiet && isatty(2)};
    gboolean failed = FALSE;
    doc = jv_run_evaluation(evaluation, registry, &options, &failed, &error);
    if (doc == NULL) {
        rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
        goto out;
    }
    if (output != NULL && output_is_input(evaluation, doc, output)) {
        rc = jv_cli_fail(_("%s: refusing to overwrite an input of the evaluation; choose another "
                           "output file"),
                         output);
        goto out;
    }
    if (!quiet) {
        const cJSON *warning;
        cJSON_ArrayForEach(warning, cJSON_GetObjectItemCaseSensitive(doc, "warnings"))
            jv_cli_warn("%s", warning->valuestring);
    }
    rc = jv_cli_emit(doc, chosen, output);
    if (rc == JV_EXIT_OK && failed) {
        fprintf(stderr, _("jamvikt: an indicator failed; its status is \"error\" in the result\n"));
        rc = JV_EXIT_FAILURE;
    }
out:
    cJSON_Delete(doc);
    jv_registry_free(registry);
    jv_evaluation_free(evaluation);
    g_option_context_free(context);
    g_free(output);
    g_free(format);
    g_free(save_state);
    g_free(lang);
    g_free(csv_dialect);
    g_strfreev(plugin_path);
    return rc;
}
