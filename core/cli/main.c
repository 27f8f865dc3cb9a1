/* core/cli/main.c — the `jamvikt` command: dispatches to a subcommand
 * (run, check, plugins, report, merge, init) and answers --help and --version. */
#include "config.h"
#include "cli/cli.h"
#include "plugin/guard.h"
#include "util/i18n.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    N_("Usage: jamvikt COMMAND [OPTIONS]\n"
       "\n"
       "Evaluate gender-equal regional growth from regions' CSV exports.\n"
       "\n"
       "Commands:\n"
       "  run EVALUATION.json     run an evaluation and write the result document\n"
       "  check EVALUATION.json   validate files, columns and codes; compute nothing\n"
       "  plugins                 list the loadable indicators\n"
       "  report RESULT.json      render a stored result in another format\n"
       "  merge STATE...          pool saved region states into one evaluation\n"
       "  init DIR                propose an evaluation file for a folder of tables\n"
       "\n"
       "Run `jamvikt COMMAND --help` for a command's options.\n");

/* The message language: the environment's, unless `--lang sv|en` (or
 * `--lang=sv`) is among the options, which then wins; looked for before
 * any option is parsed, so that option errors speak it too. An invalid
 * value is left to the subcommand to refuse. */
static void choose_message_language(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        const char *value = NULL;
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            value = argv[i + 1];
        else if (g_str_has_prefix(argv[i], "--lang="))
            value = argv[i] + strlen("--lang=");
        jv_lang lang;
        if (value != NULL && (strcmp(value, "sv") == 0 || strcmp(value, "en") == 0) &&
            jv_lang_parse(value, &lang))
            jv_messages_set_lang(lang);
    }
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    choose_message_language(argc, argv);
    jv_guard_install(); /* a plugin that crashes or exits is named */
    if (argc < 2) {
        fputs(_(usage_text), stderr);
        return JV_EXIT_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 ||
        strcmp(command, "help") == 0) {
        fputs(_(usage_text), stdout);
        return JV_EXIT_OK;
    }
    if (strcmp(command, "--version") == 0 || strcmp(command, "-V") == 0) {
        printf("jamvikt %s (plugin ABI %d.%d)\n", PACKAGE_VERSION, JV_ABI_MAJOR, JV_ABI_MINOR);
        return JV_EXIT_OK;
    }
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } commands[] = {{"run", jv_cmd_run},       {"check", jv_cmd_check}, {"plugins", jv_cmd_plugins},
                    {"report", jv_cmd_report}, {"merge", jv_cmd_merge}, {"init", jv_cmd_init}};
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(command, commands[i].name) == 0)
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, _("jamvikt: unknown command '%s'\n\n%s"), command, _(usage_text));
    return JV_EXIT_USAGE;
}
