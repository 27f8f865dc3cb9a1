/* core/cli/common.c — what the subcommands share: option parsing with
 * usage errors, messages, loading plugins, choosing the output format and
 * writing output safely. */
#include "cli/cli.h"
#include "eval/output.h"
#include "render/render.h"
#include "util/text.h"
#include "util/i18n.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

/* --help's texts (marked N_() in the option tables) in the message
 * language. */
static const char *translate_help(const char *text, gpointer unused)
{
    (void)unused;
    return _(text);
}

/* GLib's option errors in the message language: GLib words them itself
 * (in English unless its own catalogue and the locale are installed), so
 * the two a user meets most are recognised by their English wording. */
static char *option_error_text(const GError *error)
{
    static const char unknown[] = "Unknown option ", missing[] = "Missing argument for ";
    if (g_str_has_prefix(error->message, unknown))
        return g_strdup_printf(_("Unknown option %s"), error->message + strlen(unknown));
    if (g_str_has_prefix(error->message, missing))
        return g_strdup_printf(_("Missing argument for %s"), error->message + strlen(missing));
    return g_strdup(error->message);
}

gboolean jv_cli_parse(GOptionContext *context, int *argc, char ***argv)
{
    g_option_context_set_translate_func(context, translate_help, NULL, NULL);
    GOptionGroup *main_group = g_option_context_get_main_group(context);
    if (main_group != NULL)
        g_option_group_set_translate_func(main_group, translate_help, NULL, NULL);
    GError *error = NULL;
    if (!g_option_context_parse(context, argc, argv, &error)) {
        char *text = option_error_text(error);
        fprintf(stderr, _("jamvikt: %s\n(see --help)\n"), text);
        g_free(text);
        g_error_free(error);
        return FALSE;
    }
    return TRUE;
}

gboolean jv_cli_lang_valid(const char *command, const char *lang)
{
    if (lang == NULL || strcmp(lang, "sv") == 0 || strcmp(lang, "en") == 0)
        return TRUE;
    jv_cli_usage(command, _("--lang must be sv or en, not '%s'"), lang);
    return FALSE;
}

int jv_cli_usage(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *shown = jv_text_escape_message(message);
    fprintf(stderr, _("jamvikt %s: %s\n(see `jamvikt %s --help`)\n"), command, shown, command);
    g_free(shown);
    g_free(message);
    return JV_EXIT_USAGE;
}

int jv_cli_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    /* messages quote files and plugins: their bytes escaped, never raw */
    char *shown = jv_text_escape_message(message);
    fprintf(stderr, _("jamvikt: %s\n"), shown);
    g_free(shown);
    g_free(message);
    return JV_EXIT_FAILURE;
}

void jv_cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    char *shown = jv_text_escape_message(message);
    fprintf(stderr, _("jamvikt: warning: %s\n"), shown);
    g_free(shown);
    g_free(message);
}

/* From the first plugin loaded on, fd 1 is stderr: whatever a plugin
 * prints cannot reach a document, which goes to a private duplicate of the
 * real standard output (eval/output.h). */
void jv_cli_isolate_stdout(void)
{
    static gboolean done = FALSE;
    fflush(stdout);
    if (!done) {
        done = TRUE;
        int private_fd = fcntl(1, F_DUPFD_CLOEXEC, 3);
        if (private_fd < 0)
            return; /* no stdout at all: nothing to protect */
        jv_output_set_stdout_fd(private_fd);
    }
    if (jv_output_stdout_fd() != 1)
        dup2(2, 1); /* again after a jv_cli_restore_stdout() */
}

void jv_cli_restore_stdout(void)
{
    fflush(stdout); /* what plugins left in the buffer goes to stderr */
    if (jv_output_stdout_fd() != 1)
        dup2(jv_output_stdout_fd(), 1);
}

static void print_rejections(const jv_registry *registry, gboolean quiet)
{
    if (!quiet)
        for (guint i = 0; i < registry->rejections->len; i++)
            jv_cli_warn(_("plugin rejected: %s"),
                        (const char *)g_ptr_array_index(registry->rejections, i));
}

jv_registry *jv_cli_load_these_plugins(char **plugin_path, const char *const *names, gboolean quiet)
{
    jv_cli_isolate_stdout();
    GPtrArray *dirs = jv_plugin_search_dirs((const char *const *)plugin_path);
    jv_registry *registry = jv_registry_load_named(dirs, names);
    g_ptr_array_unref(dirs);
    print_rejections(registry, quiet);
    return registry;
}

jv_registry *jv_cli_load_named_plugins(char **plugin_path, const jv_evaluation *evaluation,
                                       gboolean quiet)
{
    GPtrArray *names = g_ptr_array_new();
    for (guint i = 0; i < evaluation->indicators->len; i++)
        g_ptr_array_add(
            names,
            ((const jv_indicator_def *)g_ptr_array_index(evaluation->indicators, i))->plugin);
    g_ptr_array_add(names, NULL);
    jv_registry *registry =
        jv_cli_load_these_plugins(plugin_path, (const char *const *)names->pdata, quiet);
    g_ptr_array_unref(names);
    return registry;
}

jv_registry *jv_cli_load_plugins(char **plugin_path, gboolean quiet)
{
    jv_cli_isolate_stdout();
    GPtrArray *dirs = jv_plugin_search_dirs((const char *const *)plugin_path);
    jv_registry *registry = jv_registry_load(dirs);
    g_ptr_array_unref(dirs);
    print_rejections(registry, quiet);
    return registry;
}

/* The extension of the file name `output` ends in ("pdf"), or NULL when
 * its last component has none (a leading dot alone is not one). Borrowed. */
static const char *output_extension(const char *output)
{
    const char *slash = strrchr(output, '/');
    const char *base = slash ? slash + 1 : output;
    const char *dot = strrchr(base, '.');
    return dot != NULL && dot != base ? dot + 1 : NULL;
}

const char *jv_cli_format(const char *command, const char *format, const char *output)
{
    const char *chosen = format;
    GStatBuf st;
    /* a device, FIFO or folder is named for what it is, not for a format */
    gboolean special = output != NULL && g_stat(output, &st) == 0 && !S_ISREG(st.st_mode);
    if (chosen == NULL && output != NULL && !special && !jv_output_is_stdout(output)) {
        const char *extension = output_extension(output);
        if (extension != NULL) {
            chosen = jv_render_format_for_extension(extension);
            if (chosen == NULL) {
                jv_cli_usage(command,
                             _("-o %s: jamvikt does not write '.%s' files (formats: %s); name the "
                               "file with one of their extensions or choose the format with -f"),
                             output, extension, jv_render_formats());
                return NULL;
            }
        }
    }
    if (chosen == NULL)
        chosen = "table";
    if (!jv_render_known(chosen)) {
        jv_cli_usage(command, _("unknown format '%s' (choose one of: %s)"), chosen,
                     jv_render_formats());
        return NULL;
    }
    if (jv_render_is_binary(chosen) && jv_output_is_stdout(output) &&
        isatty(jv_output_stdout_fd())) {
        jv_cli_usage(command,
                     _("-f %s writes a binary workbook: give -o FILE.%s, or pipe standard output "
                       "into a file (it is a terminal)"),
                     chosen, chosen);
        return NULL;
    }
    return chosen;
}

int jv_cli_emit(const void *doc, const char *format, const char *output)
{
    GError *error = NULL;
    GString *text = jv_render(doc, format,
                              jv_output_is_stdout(output) && isatty(jv_output_stdout_fd()), &error);
    if (text == NULL) {
        int rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
        return rc;
    }
    int rc = JV_EXIT_OK;
    fflush(stdout);
    if (!jv_output_write(output, text->str, text->len, &error)) {
        rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
    }
    g_string_free(text, TRUE);
    return rc;
}
