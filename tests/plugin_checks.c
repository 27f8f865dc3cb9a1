/* tests/plugin_checks.c — what the indicator plugins' suites share (see
 * plugin_checks.h): table-driven checks of a result document, each row one
 * CUnit assertion reported at the row's own line, and batch columns. */
#include "plugin_checks.h"
#include "harness.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* How many of the document's warnings contain text. */
static int warnings_with(cJSON *doc, const char *text)
{
    int count = 0;
    const cJSON *warning;
    cJSON_ArrayForEach(warning, jvt_get(doc, "warnings")) {
        if (cJSON_IsString(warning) && strstr(warning->valuestring, text) != NULL)
            count++;
    }
    return count;
}

/* The number a PC_NUM() text stands for: a decimal, or a quotient "a/b" of
 * two; 0 when the text is neither (the row then fails). */
static int expected_number(const char *text, double *value)
{
    char *end = NULL;
    double a = g_ascii_strtod(text, &end);
    if (end == text)
        return 0;
    if (*end == '\0') {
        *value = a;
        return 1;
    }
    if (*end != '/')
        return 0;
    const char *b_text = end + 1;
    double b = g_ascii_strtod(b_text, &end);
    if (end == b_text || *end != '\0')
        return 0;
    *value = a / b;
    return 1;
}

static int holds(cJSON *doc, const cJSON *node, const pc_check *row)
{
    double expected;
    switch (row->kind) {
    case PC_KIND_NEAR:
        return expected_number(row->text, &expected) && cJSON_IsNumber(node) &&
               fabs(node->valuedouble - expected) <= 1e-9;
    case PC_KIND_EXACT:
        return cJSON_IsNumber(node) && node->valuedouble == row->number;
    case PC_KIND_NULL:
        return cJSON_IsNull(node);
    case PC_KIND_TRUE:
        return cJSON_IsTrue(node);
    case PC_KIND_FALSE:
        return cJSON_IsFalse(node);
    case PC_KIND_STRING:
        return cJSON_IsString(node) && strcmp(node->valuestring, row->text) == 0;
    case PC_KIND_ANY_STRING:
        return cJSON_IsString(node);
    case PC_KIND_ARRAY:
        return cJSON_IsArray(node) && cJSON_GetArraySize(node) == (int)row->number;
    case PC_KIND_OBJECT:
        return cJSON_IsObject(node) &&
               (row->number < 0 || cJSON_GetArraySize(node) == (int)row->number);
    case PC_KIND_PRESENT:
        return node != NULL;
    case PC_KIND_ABSENT:
        return node == NULL;
    case PC_KIND_NOT_NULL:
        return node != NULL && !cJSON_IsNull(node);
    case PC_KIND_WARNINGS:
        return warnings_with(doc, row->text) == (int)row->number;
    case PC_KIND_AT:
    case PC_KIND_GENDERS:
        break;
    }
    return 0;
}

/* A value of a PC_GENDERS() list: true, false, null or a number. */
static int gender_value_holds(const cJSON *node, const char *value)
{
    double number;
    if (strcmp(value, "true") == 0)
        return cJSON_IsTrue(node);
    if (strcmp(value, "false") == 0)
        return cJSON_IsFalse(node);
    if (strcmp(value, "null") == 0)
        return cJSON_IsNull(node);
    return expected_number(value, &number) && cJSON_IsNumber(node) && node->valuedouble == number;
}

/* The kinds in words, in the order of pc_kind, for a failure. */
static const char *const kind_words[] = {
    "the scope",
    "within 1e-9 of",
    "exactly",
    "null",
    "true",
    "false",
    "the string",
    "a string",
    "an array of size",
    "an object (size -1: any) of size",
    "present",
    "absent",
    "not null",
    "the number of warnings with",
    "by gender",
};
_Static_assert(sizeof kind_words / sizeof kind_words[0] == PC_KIND_GENDERS + 1,
               "a word for every kind");

/* What a row expected, in words (g_free it). */
static char *expected_text(const pc_check *row)
{
    const char *words = kind_words[row->kind];
    if (row->kind == PC_KIND_WARNINGS)
        return g_strdup_printf("%s \"%s\": %g", words, row->text, row->number);
    if (row->kind == PC_KIND_STRING)
        return g_strdup_printf("%s \"%s\"", words, row->text);
    double number;
    if (row->kind == PC_KIND_NEAR && expected_number(row->text, &number))
        return g_strdup_printf("%s %s = %.17g", words, row->text, number);
    if (row->kind == PC_KIND_NEAR)
        return g_strdup_printf("%s \"%s\", which is no number", words, row->text);
    if (row->kind == PC_KIND_EXACT || row->kind == PC_KIND_ARRAY || row->kind == PC_KIND_OBJECT)
        return g_strdup_printf("%s %.17g", words, row->number);
    return g_strdup(words);
}

/* What a row found, in words (g_free it). */
static char *found_text(cJSON *doc, const cJSON *node, const pc_check *row)
{
    if (row->kind == PC_KIND_WARNINGS)
        return g_strdup_printf("%d", warnings_with(doc, row->text));
    if (node == NULL)
        return g_strdup("nothing");
    char *json = cJSON_PrintUnformatted(node);
    char *text = g_strdup(json);
    cJSON_free(json);
    return text;
}

/* One CUnit assertion at the row's line; on failure it says what path
 * should have been and what it was. */
static void assert_row(int ok, const pc_check *row, const char *file, const char *path,
                       const char *expected, const char *found)
{
    char *condition = ok ? NULL : g_strdup_printf("%s is %s; found %s", path, expected, found);
    CU_assertImplementation(ok ? CU_TRUE : CU_FALSE, (unsigned)row->line, ok ? path : condition,
                            file, "", CU_FALSE);
    g_free(condition);
}

/* PC_GENDERS(): one assertion per gender. */
static void check_genders(cJSON *doc, const char *scope, const pc_check *row, const char *file)
{
    static const char *const genders[] = {"woman", "man", "non_binary", "mixed", "unknown"};
    char **values = g_strsplit(row->text, " ", -1);
    for (size_t g = 0; g < 5; g++) {
        const char *value = g_strv_length(values) == 5 ? values[g] : "(five values wanted)";
        char *path = g_strdup_printf("%sby_gender/%s/%s", scope, genders[g], row->path);
        const cJSON *node = jvt_get(doc, path);
        int ok = gender_value_holds(node, value);
        char *found = ok ? NULL : found_text(doc, node, row);
        assert_row(ok, row, file, path, value, found);
        g_free(found);
        g_free(path);
    }
    g_strfreev(values);
}

void pc_check_rows(cJSON *doc, const char *base, const pc_check *rows, size_t n, const char *file)
{
    char *scope = g_strdup(base);
    for (size_t i = 0; i < n; i++) {
        const pc_check *row = &rows[i];
        if (row->kind == PC_KIND_AT) {
            g_free(scope);
            scope = g_strconcat(base, row->path, NULL);
            continue;
        }
        if (row->kind == PC_KIND_GENDERS) {
            check_genders(doc, scope, row, file);
            continue;
        }
        char *path = g_strconcat(scope, row->path ? row->path : "", NULL);
        const cJSON *node = row->kind == PC_KIND_WARNINGS ? NULL : jvt_get(doc, path);
        int ok = holds(doc, node, row);
        char *expected = ok ? NULL : expected_text(row);
        char *found = ok ? NULL : found_text(doc, node, row);
        assert_row(ok, row, file, row->path ? path : "warnings", expected, found);
        g_free(found);
        g_free(expected);
        g_free(path);
    }
    g_free(scope);
}

cJSON *pc_run(const char *eval, int64_t min_cell)
{
    cJSON *doc = jvt_run_ok(eval, min_cell);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    return doc;
}

void pc_expect(const char *eval, int64_t min_cell, const pc_check *rows, size_t n, const char *file)
{
    cJSON *doc = pc_run(eval, min_cell);
    pc_check_rows(doc, "", rows, n, file);
    cJSON_Delete(doc);
}

void pc_fails_saying(const char *eval, const char *const *texts, const char *file, int line)
{
    char *message = NULL;
    cJSON *doc = jvt_run(eval, -1, &message);
    CU_ASSERT_PTR_NULL(doc);
    cJSON_Delete(doc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(message);
    for (size_t i = 0; texts[i] != NULL; i++) {
        char *condition =
            g_strdup_printf("the error of %s says \"%s\"; it says \"%s\"", eval, texts[i], message);
        CU_assertImplementation(strstr(message, texts[i]) != NULL ? CU_TRUE : CU_FALSE,
                                (unsigned)line, condition, file, "", CU_FALSE);
        g_free(condition);
    }
    g_free(message);
}

jv_column pc_numbers(const char *role, const int64_t *numbers, const uint8_t *missing)
{
    return (jv_column){
        .role = role, .type = JV_TYPE_NUMBER, .present = 1, .missing = missing, .numbers = numbers};
}

jv_column pc_codes(const char *role, jv_type type, const uint32_t *codes, const uint8_t *missing,
                   const jv_dict *dict)
{
    return (jv_column){
        .role = role, .type = type, .present = 1, .missing = missing, .codes = codes, .dict = dict};
}
