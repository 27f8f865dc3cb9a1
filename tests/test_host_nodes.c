/* tests/test_host_nodes.c — the host's JSON reader as a plugin's load()
 * sees it (jv_host_table()): a saved null is told apart from an absent key
 * and from every other type (node_is_null, SDK 1.1), and the 1.0 readers
 * keep their answers for null. */
#include "harness.h"

#include <cjson/cJSON.h>
#include <math.h>

#include "plugin/host_impl.h"

static const jv_node *node_of(const cJSON *item) { return (const jv_node *)item; }

static void test_null_is_told_apart_from_absent_and_other_types(void)
{
    const jv_host *host = jv_host_table();
    CU_ASSERT_TRUE(JV_HOST_HAS(host, node_is_null));
    cJSON *doc = cJSON_Parse("{\"null\": null, \"zero\": 0, \"empty\": \"\", \"false\": false,"
                             " \"object\": {}, \"array\": []}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    const jv_node *in = node_of(doc);
    CU_ASSERT_EQUAL(host->node_is_null(host->node_get(in, "null")), 1);
    CU_ASSERT_PTR_NULL(host->node_get(in, "absent"));
    CU_ASSERT_EQUAL(host->node_is_null(host->node_get(in, "absent")), 0);
    static const char *const others[] = {"zero", "empty", "false", "object", "array"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        CU_ASSERT_EQUAL(host->node_is_null(host->node_get(in, others[i])), 0);
    cJSON_Delete(doc);
}

static void test_the_1_0_readers_see_null_as_no_value(void)
{
    const jv_host *host = jv_host_table();
    cJSON *doc = cJSON_Parse("{\"null\": null}");
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    const jv_node *null = host->node_get(node_of(doc), "null");
    int64_t out = 7;
    CU_ASSERT_TRUE(isnan(host->node_number(null)));
    CU_ASSERT_EQUAL(host->node_integer(null, &out), -1);
    CU_ASSERT_EQUAL(out, 7);
    CU_ASSERT_PTR_NULL(host->node_string(null));
    CU_ASSERT_EQUAL(host->node_bool(null), -1);
    CU_ASSERT_EQUAL(host->node_size(null), 0);
    cJSON_Delete(doc);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"null is told apart from absent and other types",
         test_null_is_told_apart_from_absent_and_other_types},
        {"the 1.0 readers see null as no value", test_the_1_0_readers_see_null_as_no_value},
        {NULL, NULL}};
    return jvt_main("host_nodes", tests);
}
