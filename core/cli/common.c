/* core/cli/common.c — what the subcommands share: option parsing with
 * usage errors, messages, loading plugins, choosing the output format and
 * writing output safely. */
#include "cli/cli.h"
#include "eval/output.h"
#include "render/render.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

gboolean jv_cli_parse(GOptionContext *context, int *argc, char ***argv)
{
    GError *error = NULL;
    if (!g_option_context_parse(context, argc, argv, &error)) {
        fprintf(stderr, "jamvikt: %s\n(see --help)\n", error->message);
        g_error_free(error);
        return FALSE;
    }
    return TRUE;
}

int jv_cli_usage(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "jamvikt %s: %s\n(see `jamvikt %s --help`)\n", command, message, command);
    g_free(message);
    return JV_EXIT_USAGE;
}

int jv_cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "jamvikt: %s\n", message);
    g_free(message);
    return JV_EXIT_FAILURE;
}

jv_registry *jv_cli_load_plugins(char **plugin_path, gboolean quiet)
{
    GPtrArray *dirs = jv_plugin_search_dirs((const char *const *)plugin_path);
    jv_registry *registry = jv_registry_load(dirs);
    g_ptr_array_unref(dirs);
    if (!quiet)
        for (guint i = 0; i < registry->rejections->len; i++)
            fprintf(stderr, "jamvikt: warning: plugin rejected: %s\n",
                    (const char *)g_ptr_array_index(registry->rejections, i));
    return registry;
}

const char *jv_cli_format(const char *command, const char *format, const char *output)
{
    const char *chosen = format;
    if (chosen == NULL && output != NULL) {
        const char *dot = strrchr(output, '.');
        chosen = dot ? jv_render_format_for_extension(dot + 1) : NULL;
    }
    if (chosen == NULL)
        chosen = "table";
    if (!jv_render_known(chosen)) {
        jv_cli_usage(command, "unknown format '%s' (choose one of: %s)", chosen,
                     jv_render_formats());
        return NULL;
    }
    if (jv_render_is_binary(chosen) && (output == NULL || strcmp(output, "-") == 0) && isatty(1)) {
        jv_cli_usage(command,
                     "-f %s writes a binary workbook: give -o FILE.%s, or pipe standard output "
                     "into a file (it is a terminal)",
                     chosen, chosen);
        return NULL;
    }
    return chosen;
}

int jv_cli_emit(const void *doc, const char *format, const char *output)
{
    GError *error = NULL;
    GString *text = jv_render(doc, format, output == NULL && isatty(1), &error);
    if (text == NULL) {
        int rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
        return rc;
    }
    int rc = JV_EXIT_OK;
    if (output == NULL || strcmp(output, "-") == 0) {
        if (fwrite(text->str, 1, text->len, stdout) != text->len || fflush(stdout) != 0)
            rc = jv_cli_fail("writing to standard output failed");
    } else if (!jv_output_write(output, text->str, text->len, &error)) {
        rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
    }
    g_string_free(text, TRUE);
    return rc;
}
