/* tests/test_host_helpers.c — SDK 1.1's helpers for what every indicator
 * writes alike (core/plugin/plugin_helpers.c) through the mock host, which
 * runs the core's code: param_columns (the columns a params list names,
 * static roles reused, errors naming the param) and state_format (a saved
 * state's format checked, the message saying what to do). Expected values
 * follow host.h: add_role() of the mock answers 10, 11, ... in call order;
 * a static role answers its index in the roles given. */
#include "harness.h"
#include "mock_host.h"

#include <cjson/cJSON.h>
#include <glib.h>
#include <string.h>

/* The mock host serves a plugin's suites; this one drives no plugin. */
const jv_plugin *jamvikt_plugin_entry(const jv_host *host)
{
    (void)host;
    return NULL;
}

/* Static roles as a plugin declares them: 0 gender, 1 arena (a category),
 * 2 count (an integer). */
static const jv_role roles[] = {
    {"gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL, NULL},
    {"arena", JV_TYPE_CATEGORY, JV_ROLE_REQUIRED, NULL, NULL},
    {"count", JV_TYPE_INTEGER, 0, NULL, NULL},
};

typedef struct columns_case {
    const char *params;
    size_t n_roles;    /* of roles[] given (0: none) */
    int n;             /* what param_columns returns */
    const char *names; /* the names joined by ',' */
    const int columns[3];
    const char *error; /* a part of the message, when n is -1 */
} columns_case;

static const columns_case columns_cases[] = {
    {"{}", 3, 0, "", {-1}, NULL},
    {"{\"by\": []}", 0, 0, "", {-1}, NULL},
    /* two new roles: add_role answers 10 then 11 */
    {"{\"by\": [\"sector\", \"programme\"]}", 0, 2, "sector,programme", {10, 11, -1}, NULL},
    /* "arena" is static role 1; "x" is added (10) */
    {"{\"by\": [\"x\", \"arena\"]}", 3, 2, "x,arena", {10, 1, -1}, NULL},
    {"{\"by\": [\"gender\"]}",
     3,
     -1,
     NULL,
     {0},
     "params.by: 'gender' is not a column to break figures down by"},
    {"{\"by\": [\"count\"]}",
     3,
     -1,
     NULL,
     {0},
     "params.by: 'count' is not a column to break figures down by"},
    {"{\"by\": [\"a\", \"a\"]}", 0, -1, NULL, {0}, "params.by lists 'a' twice"},
    {"{\"by\": [\"a\", \"\"]}", 0, -1, NULL, {0}, "params.by[1]: a column name is required"},
};

/* One case of columns_cases through host->param_columns. */
static void check_columns(const jv_host *host, const columns_case *want)
{
    jv_ctx ctx;
    mock_ctx_init(&ctx, want->params);
    ctx.next_column = 10;
    char **names = NULL;
    int *columns = NULL;
    int n = host->param_columns(&ctx, "by", 0, want->n_roles ? roles : NULL, want->n_roles, &names,
                                &columns);
    CU_ASSERT_EQUAL(n, want->n);
    if (n >= 0 && want->n >= 0) {
        char *joined = g_strjoinv(",", names); /* names[n] is NULL */
        CU_ASSERT_STRING_EQUAL(joined, want->names);
        g_free(joined);
        for (int i = 0; i <= n; i++) /* columns[n] is -1 */
            CU_ASSERT_EQUAL(columns[i], want->columns[i]);
    } else {
        CU_ASSERT_PTR_NULL(names);
        CU_ASSERT_PTR_NULL(columns);
        CU_ASSERT_PTR_NOT_NULL(want->error ? strstr(ctx.error, want->error) : NULL);
    }
    host->free(names); /* one block: the array and its strings */
    host->free(columns);
    mock_ctx_clear(&ctx);
}

static void test_param_columns(void)
{
    CU_ASSERT_TRUE(JV_HOST_HAS(mock_host(), param_columns));
    for (size_t c = 0; c < sizeof columns_cases / sizeof columns_cases[0]; c++)
        check_columns(mock_host(), &columns_cases[c]);
}

typedef struct format_case {
    const char *state; /* NULL: no state */
    int64_t format, absent;
    int status;
    const char *error; /* the whole message, when status is -1 */
} format_case;

#define AGAIN ": run `jamvikt run --save-state` again with this version"
#define NO_NUMBER "saved state of p has no format number: it is not a state this plugin saved"

static const format_case format_cases[] = {
    {"{\"format\": 2}", 2, -1, 0, NULL},
    {"{\"format\": 1}", 2, -1, -1,
     "saved state of p has format 1; this jamvikt writes format 2" AGAIN},
    {"{\"format\": 3}", 2, 1, -1,
     "saved state of p has format 3; this jamvikt writes format 2" AGAIN},
    /* without the key: format `absent`, or no state of this plugin */
    {"{}", 1, 1, 0, NULL},
    {"{}", 2, 1, -1, "saved state of p has format 1; this jamvikt writes format 2" AGAIN},
    {"{}", 2, -1, -1, NO_NUMBER},
    {NULL, 2, -1, -1, NO_NUMBER},
    /* a format node_integer() does not read is no format number, absent
     * or not (it reads the digits of a string: saved int64s may be one) */
    {"{\"format\": \"two\"}", 2, 1, -1, NO_NUMBER},
    {"{\"format\": \"2\"}", 2, -1, 0, NULL},
    {"{\"format\": 2.5}", 2, -1, -1, NO_NUMBER},
};

static void test_state_format(void)
{
    const jv_host *host = mock_host();
    CU_ASSERT_TRUE(JV_HOST_HAS(host, state_format));
    jv_ctx ctx;
    mock_ctx_init(&ctx, NULL);
    for (const format_case *want = format_cases; want < 1 [&format_cases]; want++) {
        ctx.error[0] = '\0';
        cJSON *state = want->state ? cJSON_Parse(want->state) : NULL;
        CU_ASSERT_EQUAL(
            host->state_format(&ctx, (const jv_node *)state, "p", want->format, want->absent),
            want->status);
        CU_ASSERT_STRING_EQUAL(ctx.error, want->error ? want->error : "");
        cJSON_Delete(state);
    }
    mock_ctx_clear(&ctx);
}

int main(void)
{
    return jvt_main("host helpers",
                    (const jvt_test[]){
                        {"param_columns: names, columns and errors", test_param_columns},
                        {"state_format: the format and its messages", test_state_format},
                        {NULL, NULL},
                    });
}
