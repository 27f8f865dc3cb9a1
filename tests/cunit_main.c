/* tests/cunit_main.c — the one main() every CUnit suite uses: registers a
 * suite of tests and runs it with CUnit's basic interface, so each suite
 * prints CUnit's own summary and exits non-zero when any test fails. */
#include "harness.h"

#include <stdio.h>

int jvt_main(const char *suite_name, const jvt_test *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 99;
    CU_pSuite suite = CU_add_suite(suite_name, NULL, NULL);
    if (suite == NULL) {
        CU_cleanup_registry();
        return 99;
    }
    for (const jvt_test *t = tests; t->name != NULL; t++) {
        if (CU_add_test(suite, t->name, t->fn) == NULL) {
            CU_cleanup_registry();
            return 99;
        }
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failures = CU_get_number_of_failures();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    /* An empty suite is a failure too: a test that cannot fail is no test. */
    return (failures == 0 && run > 0) ? 0 : 1;
}
