/* tests/test_evaluation_periods.c — the evaluation file's "periods"
 * member (DESIGN.md "Periods (year over year)"): what is read, and every
 * way it can be wrong, with the message the user sees. */
#include <CUnit/CUnit.h>

#include "evaluation_helpers.h"
#include "harness.h"

static void test_no_periods_by_default(void)
{
    jv_evaluation *e = parse_as("{" TAIL "}", "ev.json");
    if (e == NULL)
        return;
    CU_ASSERT_PTR_NULL(e->periods_column);
    CU_ASSERT_PTR_NULL(e->period_values);
    jv_evaluation_free(e);
}

static void test_column_alone_takes_every_value(void)
{
    jv_evaluation *e = parse_as("{" TAIL ", \"periods\": {\"column\": \"year\"}}", "ev.json");
    if (e == NULL)
        return;
    CU_ASSERT_STRING_EQUAL(e->periods_column, "year");
    CU_ASSERT_PTR_NULL(e->period_values);
    jv_evaluation_free(e);
}

static void test_values_keep_their_order_trimmed(void)
{
    jv_evaluation *e = parse_as("{" TAIL ", \"periods\": {\"column\": \"år\", "
                                "\"values\": [\"2018\", \" 2016 \"]}}",
                                "ev.json");
    if (e == NULL)
        return;
    CU_ASSERT_STRING_EQUAL(e->periods_column, "år");
    CU_ASSERT_EQUAL_FATAL(e->period_values->len, 2);
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(e->period_values, 0), "2018");
    CU_ASSERT_STRING_EQUAL(g_ptr_array_index(e->period_values, 1), "2016");
    jv_evaluation_free(e);
}

static void test_wrong_periods_are_explained(void)
{
    EXPECT_INVALID("{" TAIL ", \"periods\": \"year\"}",
                   "ev.json: periods: expected an object such as {\"column\": \"year\"}, "
                   "got \"year\"");
    EXPECT_INVALID("{" TAIL ", \"periods\": {\"values\": [\"2016\"]}}",
                   "ev.json: periods: missing required key 'column'");
    EXPECT_INVALID("{" TAIL ", \"periods\": {\"column\": \"year\", \"value\": [\"2016\"]}}",
                   "ev.json: periods.value: unknown key 'value' — did you mean 'values'?");
    EXPECT_INVALID("{" TAIL ", \"periods\": {\"column\": \"\"}}",
                   "ev.json: periods.column: expected a non-empty string, got \"\"");
    EXPECT_INVALID("{" TAIL ", \"periods\": {\"column\": \"year\", \"values\": []}}",
                   "ev.json: periods.values: expected a non-empty list of period values, "
                   "such as [\"2016\", \"2017\"], got []");
    EXPECT_INVALID("{" TAIL ", \"periods\": {\"column\": \"year\", \"values\": [2016]}}",
                   "ev.json: periods.values[0]: expected a period as a string, such as "
                   "\"2016\", got 2016");
    EXPECT_INVALID("{" TAIL ", \"periods\": {\"column\": \"year\", \"values\": [\"2016\", "
                   "\"2016 \"]}}",
                   "ev.json: periods.values[1]: period '2016' is listed twice");
    EXPECT_INVALID("{" TAIL ", \"periods\": {\"column\": \"year\", \"values\": [\" \"]}}",
                   "ev.json: periods.values[0]: a period value cannot be empty");
    EXPECT_INVALID("{\"regions\": {\"column\": \"lan\"}, \"indicators\": [{\"plugin\": "
                   "\"funding_share\"}], \"periods\": {\"column\": \"lan\"}}",
                   "ev.json: periods: column 'lan' already splits the regions; periods "
                   "need another column");
}

int main(void)
{
    static const jvt_test tests[] = {
        {"no periods by default", test_no_periods_by_default},
        {"column alone takes every value", test_column_alone_takes_every_value},
        {"values keep their order, trimmed", test_values_keep_their_order_trimmed},
        {"wrong periods are explained", test_wrong_periods_are_explained},
        {NULL, NULL}};
    return jvt_main("evaluation periods", tests);
}
