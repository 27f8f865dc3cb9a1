/* tests/test_host_helpers.c — SDK 1.1's helpers for what every indicator
 * writes alike (core/plugin/plugin_helpers.c) through the mock host, which
 * runs the core's code: param_columns (the columns a params list names,
 * static roles reused, errors naming the param) and state_format (a saved
 * state's format checked, the message saying what to do) and
 * put_gender_cells (a split's by_gender and total). Expected values
 * follow host.h: add_role() of the mock answers 10, 11, ... in call order;
 * a static role answers its index in the roles given. */
#include "harness.h"
#include "mock_host.h"

#include <cjson/cJSON.h>
#include <glib.h>
#include <math.h>
#include <stdlib.h>
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

/* put_gender_cells: three measures, 0 "n" (a count), 1 "k" (a count of
 * n) and 2 "amount" (fixed point), written as the keys below. Cells per
 * gender (woman, man, non_binary, mixed, unknown):
 *   n 4 2 0 0 2, k 1 2 0 0 1, amount 3.0 1.0 0 0 0.5 (× JV_FIXED_SCALE).
 * By hand: rate = k / n is 1/4 = 0.25, 2/2 = 1, null (n = 0), 1/2 = 0.5;
 * per = amount / k is 3/1 = 3, 1/2 = 0.5, null (k = 0), 0.5/1 = 0.5. The
 * total is n 8, k 4, amount 4.5: rate 4/8 = 0.5, per 4.5/4 = 1.125. */
enum { N, K, AMOUNT, MEASURES };

static double per(const int64_t *cell)
{
    return cell[K] > 0 ? (double)cell[AMOUNT] / JV_FIXED_SCALE / (double)cell[K] : NAN;
}

static const jv_cell_key cell_keys[] = {
    {"n", JV_CELL_COUNT, {N, -1}, NULL},         /* an integer */
    {"k", JV_CELL_COUNT, {K, -1}, NULL},         /* an integer */
    {"amount", JV_CELL_SUM, {AMOUNT, -1}, NULL}, /* a fixed-point sum */
    {"rate", JV_CELL_RATE, {K, N}, NULL},        /* k / n */
    {"per", JV_CELL_FIGURE, {AMOUNT, K}, per},   /* per(cell) */
};

static const int64_t cells[JV_GENDERS * MEASURES] = {
    4, 1, 30000, /* woman */
    2, 2, 10000, /* man */
    0, 0, 0,     /* non_binary */
    0, 0, 0,     /* mixed */
    2, 1, 5000,  /* unknown */
};

#define WOMAN                                                                                      \
    "\"woman\":{\"n\":4,\"k\":1,\"amount\":3,\"rate\":0.25,\"per\":3,\"suppressed\":false}"
#define MAN "\"man\":{\"n\":2,\"k\":2,\"amount\":1,\"rate\":1,\"per\":0.5,\"suppressed\":false}"
#define ZERO "{\"n\":0,\"k\":0,\"amount\":0,\"rate\":null,\"per\":null,\"suppressed\":false}"
#define NONE                                                                                       \
    "{\"n\":null,\"k\":null,\"amount\":null,\"rate\":null,\"per\":null,\"suppressed\":true}"
#define UNKNOWN                                                                                    \
    "\"unknown\":{\"n\":2,\"k\":1,\"amount\":0.5,\"rate\":0.5,\"per\":0.5,\"suppressed\":false}"
#define TOTAL                                                                                      \
    "\"total\":{\"n\":8,\"k\":4,\"amount\":4.5,\"rate\":0.5,\"per\":1.125,\"suppressed\":false}"

typedef struct cells_case {
    const char *hidden; /* the mock's suppressed group, or NULL */
    int hidden_gender;  /* its gender; -1: every cell and the total */
    uint32_t unknown;
    const char *want;
    int suppressed[JV_GENDERS];
} cells_case;

static const cells_case cells_cases[] = {
    {NULL,
     0,
     0,
     "{\"by_gender\":{" WOMAN "," MAN ",\"non_binary\":" ZERO ",\"mixed\":" ZERO "," UNKNOWN
     "}," TOTAL "}",
     {0}},
    /* another group's suppression leaves this one alone */
    {"other",
     -1,
     0,
     "{\"by_gender\":{" WOMAN "," MAN ",\"non_binary\":" ZERO ",\"mixed\":" ZERO "," UNKNOWN
     "}," TOTAL "}",
     {0}},
    /* the man's cell suppressed: every key null */
    {"g",
     JV_MAN,
     0,
     "{\"by_gender\":{" WOMAN ",\"man\":" NONE ",\"non_binary\":" ZERO ",\"mixed\":" ZERO
     "," UNKNOWN "}," TOTAL "}",
     {0, 1, 0, 0, 0}},
    {"g",
     -1,
     0,
     "{\"by_gender\":{\"woman\":" NONE ",\"man\":" NONE ",\"non_binary\":" NONE ",\"mixed\":" NONE
     ",\"unknown\":" NONE "},\"total\":" NONE "}",
     {1, 1, 1, 1, 1}},
    /* amount unknown: amount and per (which reads it) null, the rest not */
    {NULL,
     0,
     1u << AMOUNT,
     "{\"by_gender\":{"
     "\"woman\":{\"n\":4,\"k\":1,\"amount\":null,\"rate\":0.25,\"per\":null,\"suppressed\":false},"
     "\"man\":{\"n\":2,\"k\":2,\"amount\":null,\"rate\":1,\"per\":null,\"suppressed\":false},"
     "\"non_binary\":{\"n\":0,\"k\":0,\"amount\":null,\"rate\":null,\"per\":null,\"suppressed\":"
     "false},"
     "\"mixed\":{\"n\":0,\"k\":0,\"amount\":null,\"rate\":null,\"per\":null,\"suppressed\":false},"
     "\"unknown\":{\"n\":2,\"k\":1,\"amount\":null,\"rate\":0.5,\"per\":null,\"suppressed\":false}}"
     ","
     "\"total\":{\"n\":8,\"k\":4,\"amount\":null,\"rate\":0.5,\"per\":null,\"suppressed\":false}}",
     {0}},
};

/* The object put_gender_cells writes for `keys`, as unformatted JSON. */
static char *gender_cells_text(jv_ctx *ctx, const jv_cell_key *keys, size_t n_keys,
                               uint32_t unknown, int suppressed[JV_GENDERS])
{
    cJSON *doc = cJSON_CreateObject();
    jv_writer w;
    jv_writer_init(&w, doc);
    mock_host()->put_gender_cells(ctx, &w, "g", cells, MEASURES, keys, n_keys, unknown, suppressed);
    char *text = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    return text;
}

static void test_gender_cells(void)
{
    CU_ASSERT_TRUE(JV_HOST_HAS(mock_host(), put_gender_cells));
    for (const cells_case *want = cells_cases; want < 1 [&cells_cases]; want++) {
        jv_ctx ctx;
        mock_ctx_init(&ctx, NULL);
        ctx.hidden = want->hidden;
        ctx.hidden_gender = want->hidden_gender;
        int suppressed[JV_GENDERS] = {-1, -1, -1, -1, -1};
        char *text = gender_cells_text(&ctx, cell_keys, sizeof cell_keys / sizeof cell_keys[0],
                                       want->unknown, suppressed);
        CU_ASSERT_STRING_EQUAL(text, want->want);
        for (int g = 0; g < JV_GENDERS; g++)
            CU_ASSERT_EQUAL(suppressed[g], want->suppressed[g]);
        free(text);
        mock_ctx_clear(&ctx);
    }
}

/* A rate's interval is host->wilson's. Woman: 1 of 4 at 95 % (z =
 * 1.959964, z² = 3.841459): centre (0.25 + z²/8) / (1 + z²/4) =
 * 0.730182 / 1.960365 = 0.372474, half-width z·√(0.25·0.75/4 + z²/64) /
 * 1.960365 = 1.959964 · 0.326953 / 1.960365 = 0.326886, so [0.045588,
 * 0.699360]; non_binary (0 of 0) has none: null. */
static void test_gender_cells_interval(void)
{
    static const jv_cell_key ci_key[] = {{"ci", JV_CELL_RATE_CI, {K, N}, NULL}};
    jv_ctx ctx;
    mock_ctx_init(&ctx, NULL);
    cJSON *doc = cJSON_CreateObject();
    jv_writer w;
    jv_writer_init(&w, doc);
    mock_host()->put_gender_cells(&ctx, &w, "g", cells, MEASURES, ci_key, 1, 0, NULL);
    const cJSON *by_gender = cJSON_GetObjectItem(doc, "by_gender");
    const cJSON *woman = cJSON_GetObjectItem(cJSON_GetObjectItem(by_gender, "woman"), "ci");
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetArrayItem(woman, 0)->valuedouble, 0.045588, 1e-5);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetArrayItem(woman, 1)->valuedouble, 0.699360, 1e-5);
    CU_ASSERT_TRUE(
        cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(by_gender, "non_binary"), "ci")));
    cJSON_Delete(doc);
    mock_ctx_clear(&ctx);
}

int main(void)
{
    return jvt_main(
        "host helpers",
        (const jvt_test[]){
            {"param_columns: names, columns and errors", test_param_columns},
            {"state_format: the format and its messages", test_state_format},
            {"put_gender_cells: cells, totals, suppressed and unknown keys", test_gender_cells},
            {"put_gender_cells: a rate's interval", test_gender_cells_interval},
            {NULL, NULL},
        });
}
