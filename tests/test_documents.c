/* tests/test_documents.c — documents from elsewhere (core/eval/doc_file.h,
 * state_check.h, result_check.h): what `merge` and `report` accept and
 * refuse, and that every refusal names the file and the JSON path. */
#include "harness.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eval/doc_file.h"
#include "eval/result_check.h"
#include "eval/state_check.h"

/* A minimal valid state: one indicator, ok. %s slots: options, the
 * indicator's status/rows part. */
#define STATE_TEMPLATE                                                                             \
    "{\"jamvikt_state\": 1, \"jamvikt\": {\"version\": \"0.1.0\", \"abi\": \"1.0\"},"              \
    " \"evaluation\": {\"name\": \"e\", \"options\": %s},"                                         \
    " \"region\": \"Norr\", \"inputs\": [{\"table\": \"funding\", \"file\": \"f.csv\","            \
    " \"bytes\": 10}], \"warnings\": [], \"evaluation_warnings\": [],"                             \
    " \"indicators\": [{\"name\": \"funding_share\", \"plugin\": \"funding_share\","               \
    " \"version\": \"1.0.0\", \"params\": {}, %s}]}"
#define GOOD_OPTIONS                                                                               \
    "{\"min_cell\": 5, \"balance\": [0.4, 0.6], \"confidence\": 0.95, \"hash_inputs\": false}"
#define GOOD_ENTRY "\"status\": \"ok\", \"rows\": 3, \"skipped_rows\": 0, \"state\": {}"

/* The message checking `text` as a state gives, or NULL when it passes
 * (g_free). */
static char *state_message(const char *text)
{
    GError *error = NULL;
    cJSON *doc = jv_doc_text_parse(text, strlen(text), "st/001-norr.state.json", &error);
    if (doc != NULL)
        jv_state_check(doc, "st/001-norr.state.json", &error);
    cJSON_Delete(doc);
    char *message = error ? g_strdup(error->message) : NULL;
    g_clear_error(&error);
    return message;
}

static char *state_with(const char *options, const char *entry)
{
    char *text = g_strdup_printf(STATE_TEMPLATE, options, entry);
    char *message = state_message(text);
    g_free(text);
    return message;
}

#define ASSERT_REFUSED(message, expected)                                                          \
    do {                                                                                           \
        char *m_ = (message);                                                                      \
        CU_ASSERT_PTR_NOT_NULL(m_);                                                                \
        if (m_ != NULL && strstr(m_, (expected)) == NULL)                                          \
            fprintf(stderr, "\n  got: %s\n  expected: %s\n", m_, (expected));                      \
        CU_ASSERT(m_ != NULL && strstr(m_, (expected)) != NULL);                                   \
        g_free(m_);                                                                                \
    } while (0)

static void test_a_state_as_run_writes_it_passes(void)
{
    char *message = state_with(GOOD_OPTIONS, GOOD_ENTRY);
    CU_ASSERT_PTR_NULL(message);
    g_free(message);
    message = state_with(GOOD_OPTIONS, "\"status\": \"skipped\", \"reason\": \"no table\"");
    CU_ASSERT_PTR_NULL(message);
    g_free(message);
}

static void test_options_are_checked_exactly_as_run_checks_them(void)
{
    static const struct {
        const char *options, *expected;
    } cases[] = {
        {"{\"min_cell\": -7, \"balance\": [0.4, 0.6], \"confidence\": 0.95, \"hash_inputs\": "
         "false}",
         "st/001-norr.state.json: evaluation.options.min_cell: expected a whole number >= 0, got "
         "-7"},
        {"{\"min_cell\": \"5\", \"balance\": [0.4, 0.6], \"confidence\": 0.95, \"hash_inputs\": "
         "false}",
         "evaluation.options.min_cell: expected a whole number >= 0, got \"5\""},
        {"{\"min_cell\": 1e300, \"balance\": [0.4, 0.6], \"confidence\": 0.95, \"hash_inputs\": "
         "false}",
         "evaluation.options.min_cell: expected a whole number >= 0"},
        {"{\"min_cell\": 2.5, \"balance\": [0.4, 0.6], \"confidence\": 0.95, \"hash_inputs\": "
         "false}",
         "evaluation.options.min_cell: expected a whole number >= 0, got 2.5"},
        {"{\"min_cell\": 5, \"balance\": [0.4, 0.6], \"confidence\": 2, \"hash_inputs\": false}",
         "evaluation.options.confidence: expected a number between 0 and 1 (exclusive)"},
        {"{\"min_cell\": 5, \"balance\": [0.4, 0.6], \"confidence\": 1, \"hash_inputs\": false}",
         "evaluation.options.confidence: expected"},
        {"{\"min_cell\": 5, \"balance\": [], \"confidence\": 0.95, \"hash_inputs\": false}",
         "evaluation.options.balance: expected [low, high]"},
        {"{\"min_cell\": 5, \"balance\": [0.6, 0.4], \"confidence\": 0.95, \"hash_inputs\": false}",
         "evaluation.options.balance: expected [low, high]"},
        {"{\"min_cell\": 5, \"balance\": [0.4, 1.5], \"confidence\": 0.95, \"hash_inputs\": false}",
         "evaluation.options.balance: expected [low, high]"},
        {"{\"min_cell\": 5, \"balance\": [0.4, 0.6], \"confidence\": 0.95, \"hash_inputs\": 1}",
         "evaluation.options.hash_inputs: expected true or false"},
        {"{\"min_cell\": 5, \"balance\": [0.4, 0.6], \"confidence\": 0.95}",
         "evaluation.options: missing required key 'hash_inputs'"},
        {"[5]", "evaluation.options: expected an object of options"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
        ASSERT_REFUSED(state_with(cases[i].options, GOOD_ENTRY), cases[i].expected);
}

static void test_indicator_fields_are_checked(void)
{
    static const struct {
        const char *entry, *expected;
    } cases[] = {
        {"\"status\": \"ok\", \"rows\": -1, \"skipped_rows\": 0, \"state\": {}",
         "st/001-norr.state.json: indicators[0].rows: expected a whole number >= 0, got -1"},
        {"\"status\": \"ok\", \"rows\": 1.5, \"skipped_rows\": 0, \"state\": {}",
         "indicators[0].rows: expected a whole number >= 0, got 1.5"},
        {"\"status\": \"ok\", \"rows\": 18014398509481984, \"skipped_rows\": 0, \"state\": {}",
         "indicators[0].rows: expected a whole number >= 0"},
        {"\"status\": \"weird\", \"reason\": \"x\"",
         "indicators[0].status: expected one of \"ok\", \"skipped\", \"error\", got \"weird\""},
        {"\"status\": \"ok\", \"rows\": 3, \"skipped_rows\": 0",
         "indicators[0]: missing required key 'state' (status is \"ok\")"},
        {"\"status\": \"skipped\"", "indicators[0]: missing required key 'reason'"},
        {"\"status\": \"skipped\", \"reason\": \"r\", \"state\": {}",
         "indicators[0]: 'state' with a status other than \"ok\""},
        {"\"status\": \"ok\", \"rows\": 3, \"skipped_rows\": 0, \"state\": [1]",
         "indicators[0].state: expected an object, got [1]"},
        {"\"status\": \"ok\", \"rows\": 3, \"skipped_rows\": 0, \"state\": {}, \"colour\": 1",
         "indicators[0].colour: unknown key 'colour'"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++)
        ASSERT_REFUSED(state_with(GOOD_OPTIONS, cases[i].entry), cases[i].expected);
    /* the crash of issue 18: "params": [1] */
    char *text = g_strdup_printf(STATE_TEMPLATE, GOOD_OPTIONS, GOOD_ENTRY);
    char *bad = g_strdup(text);
    char *at = strstr(bad, "\"params\": {}");
    memcpy(at, "\"params\": [] ", strlen("\"params\": {}"));
    ASSERT_REFUSED(state_message(bad), "indicators[0].params: expected an object, got []");
    g_free(bad);
    g_free(text);
}

static void test_text_must_be_strict_utf8_json(void)
{
    ASSERT_REFUSED(state_message("{\"jamvikt_state\": 1,\n \"region\": \"No\xffrr\"}"),
                   "st/001-norr.state.json:2:");
    ASSERT_REFUSED(state_message("{\"jamvikt_state\": 1,}"), "invalid JSON");
    ASSERT_REFUSED(state_message("{\"jamvikt_state\": 1, \"jamvikt_state\": 1}"),
                   "duplicate key 'jamvikt_state'");
    ASSERT_REFUSED(state_message("{\"jamvikt_state\": 1, \"x\": [1e999]}"),
                   "x[0]: a number too large to be represented");
    ASSERT_REFUSED(state_message("[]"), "not a saved jamvikt state");
    ASSERT_REFUSED(state_message("{\"jamvikt_state\": 2}"), "saved-state format other than 1");
    ASSERT_REFUSED(state_message(""), "invalid JSON");
}

static void test_an_empty_region_name_is_refused(void)
{
    char *text = g_strdup_printf(STATE_TEMPLATE, GOOD_OPTIONS, GOOD_ENTRY);
    char *spaced = g_strdup(text);
    char *at = strstr(spaced, "\"Norr\"");
    memcpy(at, "\"    \"", 6);
    ASSERT_REFUSED(state_message(spaced), "region: expected a region name (not empty)");
    g_free(spaced);
    g_free(text);
}

/* --- result documents --------------------------------------------------- */

static char *result_message(const char *result_json)
{
    char *text = g_strdup_printf(
        "{\"jamvikt\": {\"version\": \"0.1.0\", \"result_schema\": 1},"
        " \"evaluation\": {\"name\": \"e\", \"options\": " GOOD_OPTIONS ", \"plugins\": [],"
        " \"inputs\": [{\"region\": null, \"table\": \"funding\", \"file\": \"f.csv\", \"bytes\": "
        "1}]},"
        " \"regions\": [{\"name\": \"Norr\", \"indicators\": {\"x\": {\"status\": \"ok\","
        " \"rows\": 3, \"skipped_rows\": 0, \"result\": %s}}}],"
        " \"total\": {\"name\": \"total\", \"indicators\": {}},"
        " \"summary\": [{\"region\": \"Norr\", \"x.m\": null}], \"warnings\": []}",
        result_json);
    GError *error = NULL;
    cJSON *doc = jv_doc_text_parse(text, strlen(text), "r.json", &error);
    if (doc != NULL)
        jv_result_check(doc, "r.json", &error);
    cJSON_Delete(doc);
    g_free(text);
    char *message = error ? g_strdup(error->message) : NULL;
    g_clear_error(&error);
    return message;
}

#define HEADLINE                                                                                   \
    "\"headline\": {\"metric\": \"m\", \"label\": \"l\", \"value\": 0.5, \"unit\": \"share\","     \
    " \"balance\": \"balanced\", \"balance_certain\": null, \"ci\": [0.2, 0.8]}"
#define CELL(a, g) "{\"applications\": " #a ", \"granted\": " #g ", \"suppressed\": false}"
#define BY_GENDER(w)                                                                               \
    "\"by_gender\": {\"woman\": " w ", \"man\": " CELL(2, 1) ", \"non_binary\": " CELL(            \
        0, 0) ", \"mixed\": " CELL(0, 0) ", \"unknown\": " CELL(0, 0) "}"

static void test_a_result_in_the_shared_vocabulary_passes(void)
{
    char *message = result_message(
        "{" BY_GENDER(CELL(3, 2)) ", \"women_share\": {\"granted\":"
                                  " 0.6667}, \"balance\": \"women_dominated\", " HEADLINE "}");
    CU_ASSERT_PTR_NULL(message);
    g_free(message);
}

static void test_results_break_no_rule_of_indicators_md(void)
{
    /* granted 5 of 3 applications */
    ASSERT_REFUSED(result_message("{" BY_GENDER(CELL(3, 5)) ", " HEADLINE "}"),
                   "r.json: regions[0].indicators.x.result.by_gender.woman.granted: granted must "
                   "be at most applications");
    ASSERT_REFUSED(result_message("{\"by_gender\": {\"woman\": {}}, " HEADLINE "}"),
                   "result.by_gender: missing required key 'man'");
    ASSERT_REFUSED(result_message("{\"women_share\": {\"seats\": 1.2}, " HEADLINE "}"),
                   "result.women_share.seats: expected a share between 0 and 1");
    ASSERT_REFUSED(result_message("{\"ci\": [0.9, 0.1], " HEADLINE "}"),
                   "result.ci: expected an interval");
    ASSERT_REFUSED(result_message("{\"balance\": \"even\", " HEADLINE "}"),
                   "result.balance: expected one of \"balanced\"");
    ASSERT_REFUSED(result_message("{\"seats\": -2, " HEADLINE "}"),
                   "result.seats: expected a whole number >= 0 or null, got -2");
    ASSERT_REFUSED(result_message("{\"by_gender\": {\"woman\": {\"persons_reached\": 9,"
                                  " \"participations\": 4}, \"man\": {}, \"non_binary\": {},"
                                  " \"mixed\": {}, \"unknown\": {}}, " HEADLINE "}"),
                   "persons_reached must be at most participations");
    ASSERT_REFUSED(result_message("{\"by_gender\": {\"woman\": {\"seats\": 2}, \"man\": {},"
                                  " \"non_binary\": {}, \"mixed\": {}, \"unknown\": {}},"
                                  " \"chairs\": {\"by_gender\": {\"woman\": {\"seats\": 3},"
                                  " \"man\": {}, \"non_binary\": {}, \"mixed\": {}, \"unknown\":"
                                  " {}}}, " HEADLINE "}"),
                   "result.chairs.by_gender.woman: more chair seats than seats");
    ASSERT_REFUSED(result_message("{\"headline\": {\"metric\": \"m\"}}"),
                   "result.headline: missing required key 'label'");
    ASSERT_REFUSED(result_message("{}"), "result: missing required key 'headline'");
}

/* --- files -------------------------------------------------------------- */

static void test_only_regular_files_of_bounded_size_are_read(void)
{
    GError *error = NULL;
    struct stat st;
    /* a device (endless, for /dev/zero); only when the machine has one */
    if (stat("/dev/zero", &st) == 0 && S_ISCHR(st.st_mode)) {
        CU_ASSERT_PTR_NULL(jv_doc_file_load("/dev/zero", "result document", &error));
        CU_ASSERT(error != NULL && strstr(error->message, "/dev/zero: not a regular file") != NULL);
        g_clear_error(&error);
    }
    char *dir = g_dir_make_tmp("jv-doc-XXXXXX", NULL);
    char *fifo = g_build_filename(dir, "fifo", NULL);
    CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
    CU_ASSERT_PTR_NULL(jv_doc_file_load(fifo, "saved state", &error)); /* does not block */
    CU_ASSERT(error != NULL && strstr(error->message, "not a regular file") != NULL);
    g_clear_error(&error);
    char *huge = g_build_filename(dir, "huge.json", NULL);
    FILE *f = fopen(huge, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    CU_ASSERT_EQUAL(ftruncate(fileno(f), (off_t)JV_DOC_MAX_BYTES + 1), 0);
    fclose(f);
    CU_ASSERT_PTR_NULL(jv_doc_file_load(huge, "saved state", &error));
    CU_ASSERT(error != NULL && strstr(error->message, "more than any saved state can be") != NULL);
    g_clear_error(&error);
    CU_ASSERT_PTR_NULL(jv_doc_file_load(dir, "saved state", &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    g_unlink(fifo);
    g_unlink(huge);
    g_rmdir(dir);
    g_free(fifo);
    g_free(huge);
    g_free(dir);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"a state as run writes it passes", test_a_state_as_run_writes_it_passes},
        {"options are checked exactly as run checks them",
         test_options_are_checked_exactly_as_run_checks_them},
        {"indicator fields are checked", test_indicator_fields_are_checked},
        {"text must be strict UTF-8 JSON", test_text_must_be_strict_utf8_json},
        {"an empty region name is refused", test_an_empty_region_name_is_refused},
        {"a result in the shared vocabulary passes", test_a_result_in_the_shared_vocabulary_passes},
        {"results break no rule of INDICATORS.md", test_results_break_no_rule_of_indicators_md},
        {"only regular files of bounded size are read",
         test_only_regular_files_of_bounded_size_are_read},
        {NULL, NULL}};
    return jvt_main("documents from elsewhere", tests);
}
