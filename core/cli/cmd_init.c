/* core/cli/cmd_init.c — `jamvikt init DIR [-o evaluation.json] [--force]`:
 * proposes an evaluation file for a folder of tables, so that a new user
 * does not have to write JSON or learn the roles first.
 *
 * DIR holds one subfolder per region, or one national set of tables (with
 * a region column to split by). Each file is scanned (init_scan.c),
 * recognised from its columns and its codes checked (init_propose.c); the
 * proposal is written (never over an existing file without --force), what
 * init could not decide is listed with the line of the file to edit, and
 * then `jamvikt check` runs on it. Exit status: 0 when the proposal passes
 * the check, 1 when it was not written or needs editing, 2 usage. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/init_columns.h"
#include "cli/init_propose.h"
#include "cli/init_scan.h"
#include "eval/output.h"
#include "util/i18n.h"

/* `to` as seen from the folder `from` ("." when they are the same). */
static char *relative_path(const char *from, const char *to)
{
    char *a = g_canonicalize_filename(from, NULL);
    char *b = g_canonicalize_filename(to, NULL);
    char **x = g_strsplit(a, "/", -1), **y = g_strsplit(b, "/", -1);
    guint i = 0;
    while (x[i] && y[i] && strcmp(x[i], y[i]) == 0)
        i++;
    GString *out = g_string_new(NULL);
    for (guint k = i; x[k]; k++)
        if (x[k][0] != '\0')
            g_string_append(out, out->len ? "/.." : "..");
    for (guint k = i; y[k]; k++)
        if (y[k][0] != '\0')
            g_string_append_printf(out, "%s%s", out->len ? "/" : "", y[k]);
    if (out->len == 0)
        g_string_assign(out, ".");
    g_strfreev(x);
    g_strfreev(y);
    g_free(a);
    g_free(b);
    return g_string_free(out, FALSE);
}

static int compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The table files directly in `dir`, sorted by name (char*, owned). */
static GPtrArray *table_files(const char *dir)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        if (name[0] != '.' && jv_init_is_table_file(name) &&
            g_file_test(path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add(names, g_strdup(name));
        g_free(path);
    }
    if (d != NULL)
        g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    return names;
}

/* A region from a folder: its table files scanned. */
static jv_init_region *scan_region(const char *folder, const char *name, const char *dir_text,
                                   GPtrArray *files)
{
    jv_init_region *region = g_new0(jv_init_region, 1);
    region->name = g_strdup(name);
    region->dir = g_strdup(dir_text);
    region->files = g_ptr_array_new_with_free_func((GDestroyNotify)jv_init_file_free);
    for (guint i = 0; i < files->len; i++) {
        const char *file = g_ptr_array_index(files, i);
        char *path = g_build_filename(folder, file, NULL);
        g_ptr_array_add(region->files, jv_init_scan(path, path));
        g_free(path);
    }
    return region;
}

/* "södermanland" → "Södermanland" */
static char *capitalised(const char *name)
{
    gunichar first = g_utf8_get_char(name);
    char buffer[8] = {0};
    g_unichar_to_utf8(g_unichar_totitle(first), buffer);
    return g_strconcat(buffer, g_utf8_next_char(name), NULL);
}

/* Whether some file has a region column with more than one value. */
static gboolean has_region_split(const jv_init_region *region)
{
    for (guint f = 0; f < region->files->len; f++) {
        const jv_init_file *file = g_ptr_array_index(region->files, f);
        for (guint c = 0; file->error == NULL && c < file->columns->len; c++)
            if (jv_init_role_rank("region", g_ptr_array_index(file->columns, c)) >= 0 &&
                g_hash_table_size(g_ptr_array_index(file->values, c)) > 1)
                return TRUE;
    }
    return FALSE;
}

/* The line of the written text the issue's anchors lead to, or 0. */
static int line_of(const char *text, const jv_init_issue *issue)
{
    const char *at = NULL, *from = text;
    for (int a = 0; a < 4 && issue->anchors[a] != NULL; a++) {
        const char *found = strstr(from, issue->anchors[a]);
        if (found == NULL)
            break;
        at = found;
        from = found + strlen(issue->anchors[a]);
    }
    if (at == NULL)
        return 0;
    int line = 1;
    for (const char *p = text; p < at; p++)
        line += *p == '\n';
    return line;
}

int jv_cmd_init(int argc, char **argv)
{
    char *output = NULL;
    gboolean force = FALSE;
    char **plugin_path = NULL;
    char *lang = NULL;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
         N_("write the evaluation file here (default: evaluation.json)"), "FILE"},
        {"force", 0, 0, G_OPTION_ARG_NONE, &force, N_("replace FILE if it exists"), NULL},
        {"plugin-path", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plugin_path,
         N_("also load plugins from DIR (repeatable)"), "DIR"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of messages: sv or en"), "LANG"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *context = g_option_context_new(N_("DIR — propose an evaluation file"));
    g_option_context_set_summary(
        context, N_("Looks at a folder of tables — one subfolder per region, or one national set "
                    "with a region column —\nrecognises each table from its column names (Swedish "
                    "or English), its codes and dialect,\nand writes an evaluation file to run. "
                    "Then checks it and lists what to edit."));
    g_option_context_add_main_entries(context, entries, NULL);
    gboolean parsed = jv_cli_parse(context, &argc, &argv) && jv_cli_lang_valid("init", lang);
    g_free(lang);
    g_option_context_free(context);
    if (!parsed) {
        g_free(output);
        g_strfreev(plugin_path);
        return JV_EXIT_USAGE;
    }
    int rc;
    if (argc != 2) {
        rc = jv_cli_usage("init", _("give exactly one folder of tables"));
        g_free(output);
        g_strfreev(plugin_path);
        return rc;
    }
    const char *dir = argv[1];
    const char *out = output ? output : "evaluation.json";
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        rc = jv_cli_fail(_("%s: no such folder; give the folder that holds the tables (or one "
                           "subfolder per region)"),
                         dir);
        goto done;
    }
    if (g_file_test(out, G_FILE_TEST_EXISTS) && !force) {
        rc = jv_cli_fail(_("%s exists; it is left as it is (give --force to replace it, or -o "
                           "another file)"),
                         out);
        goto done;
    }

    char *out_dir = g_path_get_dirname(out);
    GPtrArray *regions = g_ptr_array_new_with_free_func((GDestroyNotify)jv_init_region_free);
    GPtrArray *subfolders = g_ptr_array_new_with_free_func(g_free);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        if (name[0] != '.' && g_file_test(path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add(subfolders, g_strdup(name));
        g_free(path);
    }
    if (d != NULL)
        g_dir_close(d);
    g_ptr_array_sort(subfolders, compare_names);
    for (guint i = 0; i < subfolders->len; i++) {
        const char *sub = g_ptr_array_index(subfolders, i);
        char *folder = g_build_filename(dir, sub, NULL);
        GPtrArray *files = table_files(folder);
        if (files->len > 0) {
            char *shown = relative_path(out_dir, folder);
            char *region_name = capitalised(sub);
            g_ptr_array_add(regions, scan_region(folder, region_name, shown, files));
            g_free(region_name);
            g_free(shown);
        }
        g_ptr_array_unref(files);
        g_free(folder);
    }
    gboolean national = FALSE;
    GPtrArray *top = table_files(dir);
    if (regions->len == 0 && top->len > 0) {
        char *shown = relative_path(out_dir, dir);
        char *base = g_path_get_basename(dir);
        char *region_name = capitalised(base);
        jv_init_region *region = scan_region(dir, region_name, shown, top);
        national = has_region_split(region);
        g_ptr_array_add(regions, region);
        g_free(region_name);
        g_free(base);
        g_free(shown);
    } else if (top->len > 0) {
        fprintf(stderr,
                _("jamvikt init: the tables directly in %s are not used: the regions' "
                  "tables are in its subfolders\n"),
                dir);
    }
    g_ptr_array_unref(top);
    g_ptr_array_unref(subfolders);
    if (regions->len == 0) {
        rc = jv_cli_fail(_("%s: no tables found (.csv, .txt, .tsv or .xlsx files, in the folder "
                           "or in one subfolder per region)"),
                         dir);
        g_ptr_array_unref(regions);
        g_free(out_dir);
        goto done;
    }

    jv_registry *registry = jv_cli_load_plugins(plugin_path, TRUE);
    jv_cli_restore_stdout(); /* init prints its findings with stdio */
    char *title = g_path_get_basename(dir);
    jv_init_proposal *proposal = jv_init_propose(registry, title, regions, national);
    g_free(title);
    char *text = cJSON_Print(proposal->doc);
    GString *file = g_string_new(text);
    g_string_append_c(file, '\n');
    GError *error = NULL;
    if (!jv_output_write(out, file->str, file->len, &error)) {
        rc = jv_cli_fail("%s", error->message);
        g_error_free(error);
    } else {
        printf("jamvikt init: wrote %s\n", out);
        for (guint i = 0; i < proposal->found->len; i++)
            printf("  %s\n", (const char *)g_ptr_array_index(proposal->found, i));
        if (proposal->issues->len > 0) {
            printf("Could not decide (edit %s where shown):\n", out);
            for (guint i = 0; i < proposal->issues->len; i++) {
                const jv_init_issue *issue = g_ptr_array_index(proposal->issues, i);
                int line = line_of(file->str, issue);
                if (line > 0)
                    printf("  %s:%d: %s\n", out, line, issue->message);
                else
                    printf("  %s\n", issue->message);
            }
        }
        printf("Checking %s:\n", out);
        fflush(stdout);
        GPtrArray *check_argv = g_ptr_array_new();
        g_ptr_array_add(check_argv, "check");
        g_ptr_array_add(check_argv, (char *)out);
        for (char **p = plugin_path; p && *p; p++) {
            g_ptr_array_add(check_argv, "--plugin-path");
            g_ptr_array_add(check_argv, *p);
        }
        g_ptr_array_add(check_argv, NULL);
        rc = jv_cmd_check((int)check_argv->len - 1, (char **)check_argv->pdata);
        g_ptr_array_unref(check_argv);
        if (rc == JV_EXIT_OK)
            printf("Next: jamvikt run %s\n", out);
    }
    g_string_free(file, TRUE);
    free(text);
    jv_init_proposal_free(proposal);
    jv_registry_free(registry);
    g_ptr_array_unref(regions);
    g_free(out_dir);
done:
    g_free(output);
    g_strfreev(plugin_path);
    return rc;
}
