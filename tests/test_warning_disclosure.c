/* tests/test_warning_disclosure.c — counts in the result's warnings under
 * disclosure control (core/eval/warning_disclosure.c): none where the
 * region's counts are hidden, "fewer than min_cell" for rows of unknown
 * gender, exact otherwise. */
#include <string.h>

#include "eval/warning_disclosure.h"
#include "harness.h"

static void expect(const char *text, gboolean hidden, gboolean unknown_hidden, int64_t min_cell,
                   const char *want)
{
    char *got = jv_warning_disclose(text, hidden, unknown_hidden, min_cell);
    if (want == NULL) {
        CU_ASSERT_PTR_NULL(got);
    } else {
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        CU_ASSERT_STRING_EQUAL(got, want);
        if (strcmp(got, want) != 0)
            fprintf(stderr, "\n  got  %s\n  want %s\n", got, want);
    }
    g_free(got);
}

static void test_hidden_regions_state_no_count(void)
{
    expect("A: f.csv: 2 rows skipped because of errors (\"on_error\": \"skip\")", TRUE, FALSE, 5,
           "A: f.csv: some rows skipped because of errors (\"on_error\": \"skip\") (the number "
           "is withheld: the region's counts are suppressed)");
    /* the lines listing skipped rows one by one give the count away */
    expect("A: f.csv:4: column 'x': 'kr' is not a number (row skipped)", TRUE, FALSE, 5, NULL);
    expect("A: f.csv: column 'gender': 1 row has an empty gender cell, read as gender unknown",
           TRUE, FALSE, 5,
           "A: f.csv: column 'gender': some rows have an empty gender cell, read as gender "
           "unknown (the number is withheld: the region's counts are suppressed)");
    expect("A: training_reach: 3 person(s) have rows with different genders; each counts", TRUE,
           FALSE, 5,
           "A: training_reach: some persons have rows with different genders; each counts (the "
           "number is withheld: the region's counts are suppressed)");
    expect("total: funding_share: amount_applied is empty on 2 of 5 rows: its sums", TRUE, FALSE, 5,
           "total: funding_share: amount_applied is empty on some rows: its sums");
    /* no count: unchanged */
    expect("A: f.csv: the file is not valid UTF-8", TRUE, FALSE, 5,
           "A: f.csv: the file is not valid UTF-8");
}

static void test_visible_regions_state_counts(void)
{
    expect("A: f.csv: 2 rows skipped because of errors", FALSE, FALSE, 5,
           "A: f.csv: 2 rows skipped because of errors");
    expect("A: f.csv:4: x (row skipped)", FALSE, FALSE, 5, "A: f.csv:4: x (row skipped)");
    /* rows of unknown gender are a protected count: 2 < 5, 5 is not */
    expect("A: f.csv: column 'g': 2 rows have an empty gender cell, read as gender unknown", FALSE,
           FALSE, 5,
           "A: f.csv: column 'g': fewer than 5 rows have an empty gender cell, read as gender "
           "unknown");
    expect("A: f.csv: column 'g': 5 rows have an empty gender cell", FALSE, FALSE, 5,
           "A: f.csv: column 'g': 5 rows have an empty gender cell");
    /* 7 rows, but the cell of unknown gender is suppressed (secondary) */
    expect("A: f.csv: column 'g': 7 rows have an empty gender cell", FALSE, TRUE, 5,
           "A: f.csv: column 'g': some rows have an empty gender cell (the number is "
           "withheld: the region's counts are suppressed)");
    /* ... which says nothing about skipped rows */
    expect("A: f.csv: 2 rows skipped because of errors", FALSE, TRUE, 5,
           "A: f.csv: 2 rows skipped because of errors");
    /* min_cell 0: disclosure control is off */
    expect("A: f.csv: column 'g': 1 row has an empty gender cell", FALSE, FALSE, 0,
           "A: f.csv: column 'g': 1 row has an empty gender cell");
}

int main(void)
{
    static const jvt_test tests[] = {
        {"hidden_regions_state_no_count", test_hidden_regions_state_no_count},
        {"visible_regions_state_counts", test_visible_regions_state_counts},
        {NULL, NULL},
    };
    return jvt_main("warning_disclosure", tests);
}
