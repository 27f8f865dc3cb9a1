/* tests/data_file.c — reading a JSON file of tests/data/ for the suites
 * that link only the CUnit runner (tests/libjvtest_main.la), such as the
 * renderer's: no pipeline, just the file. */
#include "harness.h"

#include <glib.h>

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
