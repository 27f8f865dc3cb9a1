/* tests/data_file.c — reading a JSON file of tests/data/, and comparing
 * with a golden file there, for the suites that link only the CUnit runner
 * (tests/libjvtest_main.la), such as the renderer's: no pipeline, just the
 * file. */
#include "harness.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

cJSON *jvt_load_json(const char *relpath)
{
    char *path = g_build_filename(JV_SRCDIR, "tests", "data", relpath, NULL), *text = NULL;
    gsize length = 0;
    cJSON *doc = NULL;
    if (g_file_get_contents(path, &text, &length, NULL))
        doc = cJSON_ParseWithLength(text, length);
    g_free(text);
    g_free(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    return doc;
}

/* Names on stderr the first line where `text` leaves `expected`. */
static void say_first_difference(const char *name, const char *expected, const char *text)
{
    char **a = g_strsplit(expected, "\n", -1), **b = g_strsplit(text, "\n", -1);
    for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
        if (a[i] == NULL || b[i] == NULL || strcmp(a[i], b[i]) != 0) {
            fprintf(stderr, "\n  %s line %u:\n  expected: %s\n  got:      %s\n", name, i + 1,
                    a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
            break;
        }
    g_strfreev(a);
    g_strfreev(b);
}

void jvt_golden(const char *name, const char *text)
{
    char *file = g_strconcat(name, ".expected", NULL);
    char *path = g_build_filename(JV_SRCDIR, "tests", "data", "render", "expected", file, NULL);
    if (g_getenv("JV_RENDER_UPDATE_GOLDEN") != NULL)
        g_file_set_contents(path, text, -1, NULL);
    char *expected = NULL;
    CU_ASSERT_TRUE_FATAL(g_file_get_contents(path, &expected, NULL, NULL));
    if (strcmp(expected, text) != 0)
        say_first_difference(name, expected, text);
    CU_ASSERT_STRING_EQUAL(expected, text);
    g_free(expected);
    g_free(path);
    g_free(file);
}

char *jvt_line_starting(const char *text, const char *prefix)
{
    char **lines = g_strsplit(text, "\n", -1);
    char *found = NULL;
    for (char **l = lines; *l != NULL && found == NULL; l++)
        if (g_str_has_prefix(*l, prefix))
            found = g_strdup(*l);
    g_strfreev(lines);
    return found != NULL ? found : g_strdup("");
}
