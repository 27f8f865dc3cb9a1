/* tests/test_evaluation_json.c — the evaluation file as text: malformed
 * JSON reported with line, column (in characters, counted by hand in a
 * comment beside each input) and the likely mistake; UTF-8, NUL bytes,
 * nesting, empty and unreadable files; did-you-mean distances; and
 * mutated input (every prefix, random byte edits, random well-formed
 * trees), where every outcome must be a result or exactly one error,
 * never a crash or a leak (run under ASan/valgrind).
 */
#include "evaluation_helpers.h"

#include "util/did_you_mean.h"

/* ---- malformed JSON: line, column and the likely mistake ----------------- */

static void test_malformed_json_names_line_and_column(void)
{
    /* Line 3 is `  "options": { "min_cell": 5, },`: two spaces, then
     * "options" (cols 3-11), ':' 12, ' ' 13, '{' 14, ' ' 15, "min_cell"
     * (16-25), ':' 26, ' ' 27, '5' 28, ',' 29. The comma is the mistake. */
    char *path = data_path("trailing_comma.json");
    GError *error = NULL;
    jv_evaluation *e = jv_evaluation_load(path, &error);
    CU_ASSERT_PTR_NULL(e);
    char *want = g_strconcat(path,
                             ":3:29: invalid JSON: trailing comma before "
                             "'}': JSON allows no comma after the last member",
                             NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_EQUAL(error->code, JV_EVAL_ERROR_SYNTAX);
    CU_ASSERT_STRING_EQUAL(error->message, want);
    g_error_free(error);
    g_free(want);
    g_free(path);
}

static void test_malformed_json_hints_at_common_mistakes(void)
{
    /* {"a": 1 "b": 2}: '"' of "b" is byte 8, column 9. */
    EXPECT_SYNTAX("{\"a\": 1 \"b\": 2}",
                  "ev.json:1:9: invalid JSON: expected ',' or '}', found '\"': "
                  "is a comma missing before it?");
    EXPECT_SYNTAX("[1, 2,]", "ev.json:1:6: invalid JSON: trailing comma before "
                             "']': JSON allows no comma after the last element");
    EXPECT_SYNTAX("{'name': 'x'}", "ev.json:1:2: invalid JSON: keys need double "
                                   "quotes (\"), not single quotes");
    /* {"name": 'x'}: the quote is column 10. */
    EXPECT_SYNTAX("{\"name\": 'x'}", "ev.json:1:10: invalid JSON: strings need "
                                     "double quotes (\"), not single quotes");
    EXPECT_SYNTAX("{name: 1}", "ev.json:1:2: invalid JSON: keys need double "
                               "quotes: write \"name\"");
    /* {"name": "x" // note: '/' is column 14. */
    EXPECT_SYNTAX("{\"name\": \"x\" // note\n}",
                  "ev.json:1:14: invalid JSON: JSON has no comments; write a "
                  "\"$comment\" key instead");
    /* {"confidence": 0,95}: "confidence" is columns 2-13, ':' 14, ' ' 15,
     * '0' 16, ',' 17. */
    EXPECT_SYNTAX("{\"confidence\": 0,95}",
                  "ev.json:1:17: invalid JSON: expected a key after this comma; "
                  "if it is a decimal comma, JSON numbers take a point (0.95, "
                  "not 0,95)");
    /* {"hash_inputs": True}: "hash_inputs" is 2-14, ':' 15, ' ' 16, 'T' 17. */
    EXPECT_SYNTAX("{\"hash_inputs\": True}",
                  "ev.json:1:17: invalid JSON: JSON writes true, false and null "
                  "in lower case: write 'true', not 'True'");
    EXPECT_SYNTAX("{\"a\": None}", "ev.json:1:7: invalid JSON: 'None' is not "
                                   "JSON; write null");
    /* {"dir": "C:\data"}: the backslash is column 12. */
    EXPECT_SYNTAX("{\"dir\": \"C:\\data\"}",
                  "ev.json:1:12: invalid JSON: invalid escape: a backslash "
                  "followed by 'd' (write '\\\\' for a backslash, or '/' in "
                  "paths)");
    /* The string opens at column 10 and the line ends inside it. */
    EXPECT_SYNTAX("{\"name\": \"x\n}",
                  "ev.json:1:10: invalid JSON: the string starting here is not "
                  "closed on its line (a '\"' is missing?)");
    EXPECT_SYNTAX("{\"a\": 05}", "ev.json:1:7: invalid JSON: a number cannot "
                                 "start with 0 followed by more digits (write "
                                 "5, not 05)");
    EXPECT_SYNTAX("{\"a\": [1}", "ev.json:1:9: invalid JSON: '}' does not match "
                                 "the '[' at line 1, column 7");
    EXPECT_SYNTAX("{\"a\": 1}}", "ev.json:1:9: invalid JSON: one '}' too many: "
                                 "the document already ended before it");
}

static void test_truncated_json_points_at_the_end(void)
{
    /* 12 characters; the end is column 13; the '{' opened at column 1. */
    EXPECT_SYNTAX("{\"name\": \"x\"", "ev.json:1:13: invalid JSON: the file ends before the '{' at "
                                      "line 1, column 1 is closed (a '}' is missing)");
    /* Line 2 is `  "a": `: the end is after 7 characters, column 8. */
    EXPECT_SYNTAX("{\n  \"a\": ", "ev.json:2:8: invalid JSON: the file ends "
                                  "where a value was expected");
}

static void test_columns_count_characters_not_bytes(void)
{
    /* Line 2 `  "name": "Örebro" "x"`: 'Ö' is one character (two bytes),
     * so the second string starts at column 20 (byte 21). */
    EXPECT_SYNTAX("{\n  \"name\": \"Örebro\" \"x\"\n}",
                  "ev.json:2:20: invalid JSON: expected ',' or '}', found '\"': "
                  "is a comma missing before it?");
}

static void test_text_that_is_not_utf8_is_refused(void)
{
    /* Latin-1 'Ö' (0xD6) at byte 10, column 11. */
    EXPECT_SYNTAX("{\"name\": \"\xD6rebro\"}",
                  "ev.json:1:11: invalid JSON: not valid UTF-8 (the file may be "
                  "saved as Windows-1252 or Latin-1; save it as UTF-8)");
    /* A NUL at byte 5, column 6. */
    EXPECT_ERROR_LEN("{\"a\":\0}", 7, JV_EVAL_ERROR_SYNTAX,
                     "ev.json:1:6: invalid JSON: a NUL byte: this is not a "
                     "text file");
}

static void test_byte_order_mark_is_skipped(void)
{
    jv_evaluation *e = parse_as("\xEF\xBB\xBF{" TAIL "}", "ev.json");
    jv_evaluation_free(e);
}

static void test_nesting_is_limited(void)
{
    /* 200 '[': the 129th (column 129) would be the 129th level. */
    char text[201];
    memset(text, '[', 200);
    text[200] = '\0';
    EXPECT_SYNTAX(text, "ev.json:1:129: invalid JSON: nested more than 128 "
                        "levels deep");
}

static void test_empty_file_is_an_io_error(void)
{
    EXPECT_ERROR("", JV_EVAL_ERROR_IO,
                 "ev.json: the file is empty (an "
                 "evaluation file is a JSON object)");
    EXPECT_ERROR(" \n\t\r\n", JV_EVAL_ERROR_IO,
                 "ev.json: the file is empty (an evaluation file is a JSON "
                 "object)");
}

static void test_unreadable_file_names_the_path_tried(void)
{
    GError *error = NULL;
    CU_ASSERT_PTR_NULL(jv_evaluation_load("/nonexistent-jamvikt/ev.json", &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    CU_ASSERT_EQUAL(error->code, JV_EVAL_ERROR_IO);
    CU_ASSERT_STRING_EQUAL(error->message, "/nonexistent-jamvikt/ev.json: "
                                           "cannot open the evaluation file: "
                                           "No such file or directory");
    g_clear_error(&error);
    char *folder = data_path("");
    CU_ASSERT_PTR_NULL(jv_evaluation_load(folder, &error));
    CU_ASSERT_PTR_NOT_NULL_FATAL(error);
    char *want = g_strconcat(folder, ": is a folder, not an evaluation file", NULL);
    CU_ASSERT_STRING_EQUAL(error->message, want);
    g_error_free(error);
    g_free(want);
    g_free(folder);
}

/* ---- did-you-mean -------------------------------------------------------- */

static void test_did_you_mean_allows_two_edits_and_a_swap(void)
{
    static const char *const keys[] = {"file",    "columns",  "codes",    "delimiter",
                                       "decimal", "encoding", "on_error", NULL};
    CU_ASSERT_EQUAL(jv_did_you_mean_distance("kitten", "sitting"), 3);
    CU_ASSERT_EQUAL(jv_did_you_mean_distance("ab", "ba"), 1); /* a swap */
    CU_ASSERT_EQUAL(jv_did_you_mean_distance("", "abc"), 3);
    CU_ASSERT_EQUAL(jv_did_you_mean_distance("Decimal", "decimal"), 0);
    CU_ASSERT_STRING_EQUAL(jv_did_you_mean("delimter", keys), "delimiter");
    CU_ASSERT_STRING_EQUAL(jv_did_you_mean("delimtier", keys), "delimiter");
    CU_ASSERT_STRING_EQUAL(jv_did_you_mean("DECIMAL", keys), "decimal");
    CU_ASSERT_STRING_EQUAL(jv_did_you_mean("onerror", keys), "on_error");
    CU_ASSERT_PTR_NULL(jv_did_you_mean("colour", keys)); /* 4 edits */
    /* Words of 3 letters or fewer allow one edit only. */
    CU_ASSERT_STRING_EQUAL(jv_did_you_mean("fle", keys), "file");
    static const char *const region[] = {"name", "dir", "tables", NULL};
    CU_ASSERT_STRING_EQUAL(jv_did_you_mean("di", region), "dir");
    CU_ASSERT_PTR_NULL(jv_did_you_mean("nm", region)); /* 2 edits */
}

/* ---- robustness ----------------------------------------------------------- */

static guint32 next_random(guint32 *state)
{
    guint32 x = *state; /* xorshift32: the same sequence on every machine */
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

/* One parse must give a result or one error, nothing else. */
static void parse_any(const char *text, size_t length)
{
    GError *error = NULL;
    jv_evaluation *e = jv_evaluation_parse(text, length, "fuzz.json", &error);
    CU_ASSERT((e != NULL) != (error != NULL));
    if (e != NULL) {
        for (guint i = 0; i < e->regions->len; i++) {
            char *path = NULL;
            jv_table_settings_free(
                jv_evaluation_table(e, g_ptr_array_index(e->regions, i), "funding", &path));
            g_free(path);
        }
    }
    jv_evaluation_free(e);
    g_clear_error(&error);
}

static void test_every_prefix_and_byte_mutation_is_handled(void)
{
    char *path = data_path("design_example.json");
    char *text;
    gsize length;
    CU_ASSERT_FATAL(g_file_get_contents(path, &text, &length, NULL));
    for (gsize n = 0; n <= length; n++)
        parse_any(text, n);
    static const char alphabet[] = "{}[]\",:\\ \n0123456789.-eE$abnrtu\xC3\xA4\xFF";
    guint32 state = 2463534242u;
    char *copy = g_malloc(length + 8);
    for (int round = 0; round < 4000; round++) {
        memcpy(copy, text, length);
        gsize n = length;
        for (int edits = 1 + (int)(next_random(&state) % 3); edits > 0; edits--) {
            gsize at = next_random(&state) % n;
            char c = alphabet[next_random(&state) % (sizeof alphabet - 1)];
            switch (next_random(&state) % 3) {
            case 0:
                copy[at] = c;
                break; /* replace */
            case 1:
                memmove(copy + at, copy + at + 1, n - at - 1);
                n--;
                break;
            default:
                if (n < length + 8) { /* insert */
                    memmove(copy + at + 1, copy + at, n - at);
                    copy[at] = c;
                    n++;
                }
            }
        }
        parse_any(copy, n);
    }
    g_free(copy);
    g_free(text);
    g_free(path);
}

/* A random JSON value, small, of any type. */
static cJSON *random_value(guint32 *state, int depth)
{
    switch (next_random(state) % (depth > 2 ? 6 : 8)) {
    case 0:
        return cJSON_CreateNull();
    case 1:
        return cJSON_CreateBool(next_random(state) % 2);
    case 2:
        return cJSON_CreateNumber((double)(next_random(state) % 7) - 2.5);
    case 3:
        return cJSON_CreateString("");
    case 4:
        return cJSON_CreateString(next_random(state) % 2 ? "tab" : "x");
    case 5:
        return cJSON_CreateNumber(0.5);
    case 6: {
        cJSON *array = cJSON_CreateArray();
        for (int i = (int)(next_random(state) % 3); i > 0; i--)
            cJSON_AddItemToArray(array, random_value(state, depth + 1));
        return array;
    }
    default: {
        cJSON *object = cJSON_CreateObject();
        static const char *const keys[] = {"name", "dir", "file", "plugin", "a"};
        for (int i = (int)(next_random(state) % 3); i > 0; i--)
            cJSON_AddItemToObject(object, keys[next_random(state) % 5],
                                  random_value(state, depth + 1));
        return object;
    }
    }
}

/* Every node under `value` with its parent, in document order. */
static void collect_nodes(cJSON *value, GPtrArray *nodes, GPtrArray *parents)
{
    for (cJSON *c = value->child; c != NULL; c = c->next) {
        g_ptr_array_add(nodes, c);
        g_ptr_array_add(parents, value);
        collect_nodes(c, nodes, parents);
    }
}

/* Replaces, deletes or misspells one random node of `doc`. */
static void mutate_tree(cJSON *doc, guint32 *state)
{
    GPtrArray *nodes = g_ptr_array_new(), *parents = g_ptr_array_new();
    collect_nodes(doc, nodes, parents);
    guint pick = next_random(state) % nodes->len;
    cJSON *victim = g_ptr_array_index(nodes, pick);
    cJSON *parent = g_ptr_array_index(parents, pick);
    switch (next_random(state) % 3) {
    case 0:
        if (cJSON_IsObject(parent))
            cJSON_ReplaceItemInObjectCaseSensitive(parent, victim->string, random_value(state, 0));
        else
            cJSON_ReplaceItemViaPointer(parent, victim, random_value(state, 0));
        break;
    case 1:
        cJSON_Delete(cJSON_DetachItemViaPointer(parent, victim));
        break;
    default:
        if (victim->string != NULL && victim->string[0] != '\0')
            victim->string[next_random(state) % strlen(victim->string)] = 'q';
    }
    g_ptr_array_free(nodes, TRUE);
    g_ptr_array_free(parents, TRUE);
}

static void test_well_formed_json_of_any_shape_is_handled(void)
{
    char *path = data_path("design_example.json");
    char *text;
    CU_ASSERT_FATAL(g_file_get_contents(path, &text, NULL, NULL));
    guint32 state = 88172645u;
    for (int round = 0; round < 3000; round++) {
        cJSON *doc = cJSON_Parse(text);
        CU_ASSERT_FATAL(doc != NULL);
        for (int edits = 1 + (int)(next_random(&state) % 3); edits > 0; edits--)
            mutate_tree(doc, &state);
        char *printed = cJSON_PrintUnformatted(doc);
        parse_any(printed, strlen(printed));
        cJSON_free(printed);
        cJSON_Delete(doc);
    }
    g_free(text);
    g_free(path);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"malformed JSON names line and column", test_malformed_json_names_line_and_column},
        {"malformed JSON hints at common mistakes", test_malformed_json_hints_at_common_mistakes},
        {"truncated JSON points at the end", test_truncated_json_points_at_the_end},
        {"columns count characters, not bytes", test_columns_count_characters_not_bytes},
        {"text that is not UTF-8 is refused", test_text_that_is_not_utf8_is_refused},
        {"byte-order mark is skipped", test_byte_order_mark_is_skipped},
        {"nesting is limited", test_nesting_is_limited},
        {"empty file is an IO error", test_empty_file_is_an_io_error},
        {"unreadable file names the path tried", test_unreadable_file_names_the_path_tried},
        {"did-you-mean allows two edits and a swap", test_did_you_mean_allows_two_edits_and_a_swap},
        {"every prefix and byte mutation is handled",
         test_every_prefix_and_byte_mutation_is_handled},
        {"well-formed JSON of any shape is handled", test_well_formed_json_of_any_shape_is_handled},
        {NULL, NULL}};
    return jvt_main("evaluation file: JSON text", tests);
}
