/* tests/harness.c — runs an evaluation through the real pipeline for the
 * CUnit suites (see harness.h): the evaluation file is parsed, plugins are
 * loaded by libltdl from the build tree (and tests/fixtures), every table is
 * read from its CSV file, and the result document is returned. */
#include "harness.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "config/evaluation.h"
#include "eval/run.h"
#include "plugin/loader.h"

char *jvt_data_path(const char *relpath)
{
    return g_build_filename(JV_SRCDIR, "tests", "data", relpath, NULL);
}

cJSON *jvt_run(const char *eval_relpath, int64_t min_cell, char **error_message)
{
    char *path = jvt_data_path(eval_relpath);
    GError *error = NULL;
    cJSON *doc = NULL;
    jv_evaluation *evaluation = jv_evaluation_load(path, &error);
    if (evaluation != NULL) {
        char *fixtures = g_build_filename(JV_BUILDDIR, "tests", "fixtures", NULL);
        const char *extra[] = {fixtures, NULL};
        GPtrArray *dirs = jv_plugin_search_dirs(extra);
        jv_registry *registry = jv_registry_load(dirs);
        g_ptr_array_unref(dirs);
        g_free(fixtures);
        jv_run_options options = {.min_cell = min_cell, .threads = 2};
        doc = jv_run_evaluation(evaluation, registry, &options, NULL, &error);
        jv_registry_free(registry);
        jv_evaluation_free(evaluation);
    }
    if (doc == NULL && error_message != NULL)
        *error_message = g_strdup(error ? error->message : "unknown error");
    if (error)
        g_error_free(error);
    g_free(path);
    return doc;
}

cJSON *jvt_get(cJSON *doc, const char *path)
{
    char **parts = g_strsplit(path, "/", -1);
    cJSON *node = doc;
    for (size_t i = 0; node != NULL && parts[i] != NULL; i++) {
        if (parts[i][0] == '\0')
            continue;
        if (cJSON_IsArray(node)) {
            char *end = NULL;
            long index = strtol(parts[i], &end, 10);
            node = (*end == '\0') ? cJSON_GetArrayItem(node, (int)index) : NULL;
        } else {
            node = cJSON_GetObjectItemCaseSensitive(node, parts[i]);
        }
    }
    g_strfreev(parts);
    return node;
}

double jvt_num(cJSON *doc, const char *path)
{
    cJSON *v = jvt_get(doc, path);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

int jvt_is_null(cJSON *doc, const char *path) { return cJSON_IsNull(jvt_get(doc, path)); }

const char *jvt_str(cJSON *doc, const char *path)
{
    cJSON *v = jvt_get(doc, path);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

cJSON *jvt_run_ok(const char *eval_relpath, int64_t min_cell)
{
    char *message = NULL;
    cJSON *doc = jvt_run(eval_relpath, min_cell, &message);
    if (doc == NULL)
        fprintf(stderr, "\n%s: %s\n", eval_relpath, message ? message : "(no message)");
    g_free(message);
    return doc;
}

int jvt_is_true(cJSON *doc, const char *path) { return cJSON_IsTrue(jvt_get(doc, path)); }

int jvt_is_false(cJSON *doc, const char *path) { return cJSON_IsFalse(jvt_get(doc, path)); }

int jvt_str_is(cJSON *doc, const char *path, const char *expected)
{
    const char *s = jvt_str(doc, path);
    return s != NULL && strcmp(s, expected) == 0;
}

const char *jvt_path(const char *prefix, const char *suffix)
{
    static char buffer[512];
    snprintf(buffer, sizeof buffer, "%s%s", prefix, suffix);
    return buffer;
}

int jvt_array_size(cJSON *doc, const char *path)
{
    cJSON *array = jvt_get(doc, path);
    return cJSON_IsArray(array) ? cJSON_GetArraySize(array) : -1;
}

char *jvt_run_error(const char *eval_relpath)
{
    char *error = NULL;
    cJSON *doc = jvt_run(eval_relpath, -1, &error);
    CU_ASSERT_PTR_NULL(doc);
    cJSON_Delete(doc);
    CU_ASSERT_PTR_NOT_NULL(error);
    return error;
}
