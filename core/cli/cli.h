/* core/cli/cli.h — the `jamvikt` command: one function per subcommand
 * (each in its own file) and what they share. Every subcommand returns the
 * process exit status: 0 success, 1 the evaluation could not be done,
 * 2 a usage error. */
#ifndef JV_CLI_H
#define JV_CLI_H

#include <stdio.h>
#include <glib.h>

#include "config/evaluation.h"
#include "plugin/loader.h"

#define JV_EXIT_OK 0
#define JV_EXIT_FAILURE 1
#define JV_EXIT_USAGE 2

int jv_cmd_run(int argc, char **argv);
int jv_cmd_check(int argc, char **argv);
int jv_cmd_plugins(int argc, char **argv);
int jv_cmd_report(int argc, char **argv);
int jv_cmd_merge(int argc, char **argv);
int jv_cmd_init(int argc, char **argv);

/* Parses argv with `context`; on a usage error prints it with a hint to
 * --help and returns FALSE. */
gboolean jv_cli_parse(GOptionContext *context, int *argc, char ***argv);
/* TRUE when `lang` (a --lang value, NULL: not given) is sv or en; else
 * prints the usage error. The message language itself is chosen in main()
 * before any option is parsed. */
gboolean jv_cli_lang_valid(const char *command, const char *lang);
/* Prints "jamvikt <cmd>: message" and a --help hint; returns JV_EXIT_USAGE. */
int jv_cli_usage(const char *command, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Prints "jamvikt: message" on stderr, control characters and bytes that
 * are not UTF-8 escaped (util/text.h); returns JV_EXIT_FAILURE. */
int jv_cli_fail(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
/* Prints "jamvikt: warning: message" on stderr, escaped the same way. */
void jv_cli_warn(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
/* Loads the plugins from --plugin-path dirs, $JAMVIKT_PLUGIN_PATH and the
 * installed (or build-tree) folder; prints rejections on stderr unless
 * quiet. */
jv_registry *jv_cli_load_plugins(char **plugin_path, gboolean quiet);
/* The same, but only the plugins `evaluation` names (loader.h:
 * jv_registry_load_named), so an unrelated broken plugin file cannot
 * affect the run. */
jv_registry *jv_cli_load_named_plugins(char **plugin_path, const jv_evaluation *evaluation,
                                       gboolean quiet);
/* The same for a list of plugin names (NULL-terminated). */
jv_registry *jv_cli_load_these_plugins(char **plugin_path, const char *const *names,
                                       gboolean quiet);
/* Both loaders first point fd 1 at stderr for the rest of the process, so
 * nothing a plugin prints reaches a document; documents are written on a
 * private duplicate of the real stdout (eval/output.h). A command that
 * prints with stdio afterwards calls jv_cli_restore_stdout() first. */
void jv_cli_isolate_stdout(void);
void jv_cli_restore_stdout(void);
/* The output format: `format` if given, else from the extension of
 * `output`, else "table". NULL (+ message printed) when unknown, or when
 * it is binary (xlsx) and would go to stdout on a terminal. */
const char *jv_cli_format(const char *command, const char *format, const char *output);
/* Renders `doc` in `format` and writes it to `output` (atomically) or to
 * stdout. Returns an exit status. */
int jv_cli_emit(const void *doc, const char *format, const char *output);

/* `jamvikt plugins` (plugins_roles.c): one line per role of `table` with
 * its meaning and accepted values; the gender codes and yes/no words. */
void jv_cli_print_roles(FILE *out, const jv_table_spec *table);
void jv_cli_print_value_codes(FILE *out);

#endif /* JV_CLI_H */
