/* core/cli/cmd_merge.c — `jamvikt merge STATE...`: pools regions' saved
 * states (from `jamvikt run --save-state DIR`, possibly on other machines)
 * into one evaluation, disclosure decided afresh over all regions. */
#include "cli/cli.h"
#include "eval/input_file.h"
#include "eval/merge.h"
#include "eval/output.h"
#include "render/render.h"
#include "util/i18n.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

/* The input `output` is, by any spelling or link: a state file given, or
 * a JSON file (a state, a manifest) in a state folder given. NULL when
 * none; else the input's path (g_free). */
static char *output_input(const char *output, char **paths)
{
    for (size_t i = 0; paths[i] != NULL; i++) {
        if (!g_file_test(paths[i], G_FILE_TEST_IS_DIR)) {
            if (jv_output_same_file(output, paths[i]))
                return g_strdup(paths[i]);
            continue;
        }
        GDir *dir = g_dir_open(paths[i], 0, NULL);
        const char *name;
        char *same = NULL;
        while (same == NULL && dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
            if (!g_str_has_suffix(name, ".json"))
                continue;
            char *file = g_build_filename(paths[i], name, NULL);
            if (jv_output_same_file(output, file))
                same = file;
            else
                g_free(file);
        }
        if (dir != NULL)
            g_dir_close(dir);
        if (same != NULL)
            return same;
    }
    return NULL;
}

/* Adds the plugin names the state file `path` uses to `names` (strings
 * owned by `names`). A file that cannot be read adds nothing: the merge
 * itself then says what is wrong with it. */
static void add_plugin_names(GPtrArray *names, const char *path)
{
    char *text = NULL;
    gsize length = 0;
    if (!jv_input_read_document(path, "saved state", &text, &length, NULL))
        return;
    cJSON *doc = cJSON_ParseWithLength(text, length);
    g_free(text);
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, "indicators")) {
        const char *plugin = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "plugin"));
        if (plugin != NULL)
            g_ptr_array_add(names, g_strdup(plugin));
    }
    cJSON_Delete(doc);
}

/* The plugins the states given use, so that merge, like run, opens no
 * other plugin file (NULL-terminated; g_ptr_array_unref). */
static GPtrArray *plugins_of_states(char **paths)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; paths[i] != NULL; i++) {
        if (!g_file_test(paths[i], G_FILE_TEST_IS_DIR)) {
            add_plugin_names(names, paths[i]);
            continue;
        }
        GDir *dir = g_dir_open(paths[i], 0, NULL);
        const char *name;
        while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
            if (!g_str_has_suffix(name, ".state.json"))
                continue;
            char *file = g_build_filename(paths[i], name, NULL);
            add_plugin_names(names, file);
            g_free(file);
        }
        if (dir != NULL)
            g_dir_close(dir);
    }
    g_ptr_array_add(names, NULL);
    return names;
}

int jv_cmd_merge(int argc, char **argv)
{
    char *output = NULL, *format = NULL, *lang = NULL;
    char *csv_dialect = NULL;
    char **plugin_path = NULL;
    int min_cell = -1;
    gboolean quiet = FALSE, keep_going = FALSE, publish = FALSE;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the result to FILE"), "FILE"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "FORMAT"},
        {"plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_path,
         N_("Also look for plugins in DIR (repeatable)"), "DIR"},
        {"keep-going", 0, 0, G_OPTION_ARG_NONE, &keep_going,
         N_("Write the document even if an indicator fails (exit status still 1)"), NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("No warnings on stderr"), NULL},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of rendered reports: sv or en"),
         "LANG"},
        {"csv-dialect", 0, 0, G_OPTION_ARG_STRING, &csv_dialect,
         N_("CSV for Swedish Excel (excel: ';', decimal comma; default) or plain (',', '.')"),
         "DIALECT"},
        {"min-cell", 0, 0, G_OPTION_ARG_INT, &min_cell,
         N_("Suppress counts below N (0: off; default: the states' min_cell)"), "N"},
        {"publish", 0, 0, G_OPTION_ARG_NONE, &publish,
         N_("Render for readers: no indicator ids, file paths or warnings list; a method note"),
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *context = g_option_context_new(N_("STATE_DIR_OR_FILE..."));
    g_option_context_set_summary(context,
                                 N_("Pool saved region states into one evaluation, regions in the "
                                    "order given."));
    g_option_context_add_main_entries(context, entries, NULL);
    int rc = JV_EXIT_USAGE;
    jv_registry *registry = NULL;
    cJSON *doc = NULL;
    if (!jv_cli_parse(context, &argc, &argv))
        goto out;
    if (argc < 2) {
        rc = jv_cli_usage("merge", _("no saved states given"));
        goto out;
    }
    if (min_cell < -1) {
        rc = jv_cli_usage("merge", _("--min-cell must be 0 or more"));
        goto out;
    }
    if (lang != NULL && strcmp(lang, "sv") != 0 && strcmp(lang, "en") != 0) {
        rc = jv_cli_usage("merge", _("--lang must be sv or en, not '%s'"), lang);
        goto out;
    }
    GError *render_error = NULL;
    if (!jv_render_set_defaults(lang, csv_dialect, &render_error)) {
        rc = jv_cli_usage("merge", "%s", render_error->message);
        g_error_free(render_error);
        goto out;
    }
    jv_render_set_publish(publish);
    const char *chosen = jv_cli_format("merge", format, output);
    if (chosen == NULL)
        goto out;
    char *input = output != NULL ? output_input(output, argv + 1) : NULL;
    if (input != NULL) {
        rc = jv_cli_fail(_("%s: refusing to overwrite a saved state being merged (%s); choose "
                           "another output file"),
                         output, input);
        g_free(input);
        goto out;
    }
    GPtrArray *names = plugins_of_states(argv + 1);
    registry = jv_cli_load_these_plugins(plugin_path, (const char *const *)names->pdata, quiet);
    g_ptr_array_unref(names);
    jv_run_options options = {.min_cell = min_cell, .keep_going = keep_going};
    gboolean failed = FALSE;
    GError *error = NULL;
    doc = jv_merge_states((const char *const *)argv + 1, registry, &options, &failed, &error);
    if (doc == NULL) {
        rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
        goto out;
    }
    rc = jv_cli_emit(doc, chosen, output);
    if (rc == JV_EXIT_OK && failed) {
        fprintf(stderr, _("jamvikt: an indicator failed; its status is \"error\" in the result\n"));
        rc = JV_EXIT_FAILURE;
    }
out:
    cJSON_Delete(doc);
    jv_registry_free(registry);
    g_option_context_free(context);
    g_free(output);
    g_free(format);
    g_free(lang);
    g_free(csv_dialect);
    g_strfreev(plugin_path);
    return rc;
}
