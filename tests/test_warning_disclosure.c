/* tests/test_warning_disclosure.c — counts in the result's warnings under
 * disclosure control (core/eval/warning_disclosure.c): none where the
 * region's counts are hidden, "fewer than min_cell" for rows of unknown
 * gender, exact otherwise. The cases, each a warning and what the result
 * must say of it, are in tests/data/warnings/disclosure.txt (its header
 * describes the format); each test runs the cases of its section. */
#include <stdlib.h>
#include <string.h>

#include "eval/warning_disclosure.h"
#include "harness.h"

/* The text after "key:" (and the spaces after it) if line starts with it. */
static const char *field(const char *line, const char *key)
{
    if (!g_str_has_prefix(line, key))
        return NULL;
    line += strlen(key);
    while (*line == ' ')
        line++;
    return line;
}

/* Checks one case: `when` is the case's "when:" field. */
static void check_case(const char *file_line, const char *when, const char *in, const char *out)
{
    gboolean hidden = strstr(when, "hidden region") != NULL;
    gboolean unknown_hidden = strstr(when, "unknown-gender cell suppressed") != NULL;
    const char *min_cell = strstr(when, "min_cell ");
    CU_ASSERT_PTR_NOT_NULL_FATAL(min_cell);
    char *got = jv_warning_disclose(in, hidden, unknown_hidden, atoll(min_cell + 9));
    const char *want = strcmp(out, "(dropped)") == 0 ? NULL : out;
    if (g_strcmp0(got, want) != 0)
        fprintf(stderr, "\n  %s\n  got  %s\n  want %s\n", file_line, got ? got : "(dropped)", out);
    CU_ASSERT_STRING_EQUAL(got ? got : "(dropped)", out);
    g_free(got);
}

/* Runs the cases under "== section" and checks there was at least one. */
static void run_section(const char *section)
{
    char *path = g_build_filename(JV_SRCDIR, "tests", "data", "warnings", "disclosure.txt", NULL);
    char *text = NULL;
    CU_ASSERT_TRUE_FATAL(g_file_get_contents(path, &text, NULL, NULL));
    char **lines = g_strsplit(text, "\n", -1);
    const char *when = NULL, *in = NULL;
    int inside = 0, cases = 0;
    for (size_t i = 0; lines[i] != NULL; i++) {
        const char *l = lines[i], *v;
        if (g_str_has_prefix(l, "== "))
            inside = strcmp(l + 3, section) == 0;
        else if (!inside)
            continue;
        else if ((v = field(l, "when:")) != NULL)
            when = v;
        else if ((v = field(l, "in:")) != NULL)
            in = v;
        else if ((v = field(l, "out:")) != NULL) {
            CU_ASSERT_PTR_NOT_NULL_FATAL(when);
            CU_ASSERT_PTR_NOT_NULL_FATAL(in);
            char *where = g_strdup_printf("disclosure.txt:%zu", i + 1);
            check_case(where, when, in, v);
            g_free(where);
            when = in = NULL;
            cases++;
        }
    }
    CU_ASSERT(cases > 0);
    g_strfreev(lines);
    g_free(text);
    g_free(path);
}

static void test_hidden_regions_state_no_count(void)
{
    run_section("hidden_regions_state_no_count");
}

static void test_visible_regions_state_counts(void) { run_section("visible_regions_state_counts"); }

int main(void)
{
    static const jvt_test tests[] = {
        {"hidden_regions_state_no_count", test_hidden_regions_state_no_count},
        {"visible_regions_state_counts", test_visible_regions_state_counts},
        {NULL, NULL},
    };
    return jvt_main("warning_disclosure", tests);
}
