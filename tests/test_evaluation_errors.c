/* tests/test_evaluation_errors.c — every schema error of the evaluation
 * file (core/config/evaluation.h, DESIGN.md "Evaluation file") with its
 * exact message: unknown keys with did-you-mean, misplaced keys, wrong
 * types and ranges, missing keys, names and duplicates. The messages are
 * written out by hand from the brief's wording. What a valid file gives:
 * tests/test_evaluation.c.
 */
#include "evaluation_helpers.h"

/* ---- unknown keys -------------------------------------------------------- */

static void test_unknown_key_suggests_the_closest_known_key(void)
{
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"delimter\": \";\"}}, " TAIL "}",
                   "ev.json: tables.funding.delimter: unknown key 'delimter' — "
                   "did you mean 'delimiter'?");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\", \"tables\": "
                   "{\"funding\": {\"fiel\": \"x.csv\"}}}], \"indicators\": []}",
                   "ev.json: regions[0].tables.funding.fiel: unknown key 'fiel' "
                   "— did you mean 'file'?");
    EXPECT_INVALID("{\"indicator\": []}", "ev.json: indicator: unknown key "
                                          "'indicator' — did you mean "
                                          "'indicators'?");
    EXPECT_INVALID("{\"options\": {\"$coment\": \"x\"}, " TAIL "}",
                   "ev.json: options.$coment: unknown key '$coment' — did you "
                   "mean '$comment'?");
}

static void test_unknown_key_without_a_close_one_lists_the_known(void)
{
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"layout\": 1}}, " TAIL "}",
                   "ev.json: tables.funding.layout: unknown key 'layout' (known "
                   "keys: file, columns, codes, delimiter, decimal, encoding, "
                   "on_error, sheet, header_row)");
    EXPECT_INVALID("{\"year\": 2018, " TAIL "}",
                   "ev.json: year: unknown key 'year' (known keys: name, "
                   "options, tables, regions, indicators, periods)");
}

static void test_misplaced_key_says_where_it_belongs(void)
{
    EXPECT_INVALID("{\"min_cell\": 5, " TAIL "}",
                   "ev.json: min_cell: unknown key 'min_cell' — options go "
                   "inside \"options\"");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\", \"file\": "
                   "\"x.csv\"}], \"indicators\": []}",
                   "ev.json: regions[0].file: unknown key 'file' — a region's "
                   "table settings go inside its \"tables\": {\"<table>\": "
                   "{...}}");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": [{\"plugin\": \"funding_share\", \"by\": "
                   "[\"sector\"]}]}",
                   "ev.json: indicators[0].by: unknown key 'by' — plugin "
                   "parameters go inside \"params\"");
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"separator\": \";\"}}, " TAIL "}",
                   "ev.json: tables.funding.separator: unknown key 'separator' "
                   "— the separator is set with \"delimiter\"");
}

/* ---- wrong types and ranges ---------------------------------------------- */

static void test_wrong_type_names_what_was_expected_and_found(void)
{
    EXPECT_INVALID("{\"options\": {\"min_cell\": \"5\"}, " TAIL "}",
                   "ev.json: options.min_cell: expected a whole number >= 0, "
                   "got \"5\"");
    EXPECT_INVALID("{\"options\": {\"min_cell\": 2.5}, " TAIL "}",
                   "ev.json: options.min_cell: expected a whole number >= 0, "
                   "got 2.5");
    EXPECT_INVALID("{\"options\": {\"min_cell\": -1}, " TAIL "}",
                   "ev.json: options.min_cell: expected a whole number >= 0, "
                   "got -1");
    EXPECT_INVALID("{\"options\": {\"balance\": [0.6, 0.4]}, " TAIL "}",
                   "ev.json: options.balance: expected [low, high] with 0 <= "
                   "low <= high <= 1, such as [0.40, 0.60], got [0.6,0.4]");
    EXPECT_INVALID("{\"options\": {\"balance\": [0.4]}, " TAIL "}",
                   "ev.json: options.balance: expected [low, high] with 0 <= "
                   "low <= high <= 1, such as [0.40, 0.60], got [0.4]");
    EXPECT_INVALID("{\"options\": {\"confidence\": 95}, " TAIL "}",
                   "ev.json: options.confidence: expected a number between 0 "
                   "and 1 (exclusive), such as 0.95, got 95");
    EXPECT_INVALID("{\"options\": {\"hash_inputs\": \"yes\"}, " TAIL "}",
                   "ev.json: options.hash_inputs: expected true or false, got "
                   "\"yes\"");
    EXPECT_INVALID("{\"name\": 5, " TAIL "}", "ev.json: name: expected a non-empty string, got 5");
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"delimiter\": \"|\"}}, " TAIL "}",
                   "ev.json: tables.funding.delimiter: expected \",\", \";\" or "
                   "\"tab\", got \"|\"");
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"encoding\": \"ascii\"}}, " TAIL "}",
                   "ev.json: tables.funding.encoding: expected \"utf-8\", "
                   "\"windows-1252\" or \"iso-8859-1\", got \"ascii\"");
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"on_error\": \"ignore\"}}, " TAIL "}",
                   "ev.json: tables.funding.on_error: expected \"stop\" or "
                   "\"skip\", got \"ignore\"");
    EXPECT_INVALID("[]", "ev.json: expected a JSON object ({...}) at the top "
                         "level, got []");
    EXPECT_INVALID("{\"regions\": 5}", "ev.json: regions: expected a list of "
                                       "regions, or {\"column\": ..., \"dir\": "
                                       "...}, got 5");
}

static void test_long_values_are_shortened_in_messages(void)
{
    /* The value prints as 52 characters ("" and 50 'a'); messages show 39
     * of them and "…". */
    EXPECT_INVALID("{\"options\": {\"min_cell\": "
                   "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}, " TAIL "}",
                   "ev.json: options.min_cell: expected a whole number >= 0, "
                   "got \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…");
}

static void test_odd_keys_are_quoted_in_the_path(void)
{
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"codes\": {\"gender\": "
                   "{\"K V\": 1}}}}, " TAIL "}",
                   "ev.json: tables.funding.codes.gender[\"K V\"]: expected a "
                   "value (a non-empty string), got 1");
}

/* ---- required keys, names and duplicates -------------------------------- */

static void test_missing_required_key_is_named(void)
{
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}, "
                   "{\"name\": \"B\"}], \"indicators\": []}",
                   "ev.json: regions[1]: missing required key 'dir'");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}]}",
                   "ev.json: missing required key 'indicators'");
    EXPECT_INVALID("{\"indicators\": []}", "ev.json: missing required key 'regions'");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": [{\"name\": \"x\"}]}",
                   "ev.json: indicators[0]: missing required key 'plugin'");
    EXPECT_INVALID("{\"regions\": {\"dir\": \"d\"}, \"indicators\": []}",
                   "ev.json: regions: missing required key 'column'");
}

static void test_lists_must_not_be_empty(void)
{
    EXPECT_INVALID("{\"regions\": [], \"indicators\": []}",
                   "ev.json: regions: expected at least one region");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": []}",
                   "ev.json: indicators: expected at least one indicator");
}

static void test_names_follow_the_name_rule(void)
{
    EXPECT_INVALID("{\"tables\": {\"Funding\": {}}, " TAIL "}",
                   "ev.json: tables.Funding: invalid table name 'Funding' "
                   "(table names are lower-case letters, digits and '_', "
                   "starting with a letter)");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": [{\"plugin\": \"funding-share\"}]}",
                   "ev.json: indicators[0].plugin: invalid plugin name "
                   "'funding-share' — did you mean 'funding_share'?");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": [{\"plugin\": \"x\", \"name\": \"2x\"}]}",
                   "ev.json: indicators[0].name: invalid indicator name '2x' "
                   "(indicator names are lower-case letters, digits and '_', "
                   "starting with a letter)");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"total\", \"dir\": \"a\"}], "
                   "\"indicators\": []}",
                   "ev.json: regions[0].name: 'total' is reserved for the "
                   "pooled total of all regions");
}

static void test_duplicate_region_names_name_both_entries(void)
{
    EXPECT_INVALID("{\"regions\": [{\"name\": \"Örebro\", \"dir\": \"a\"}, "
                   "{\"name\": \"Västernorrland\", \"dir\": \"b\"}, "
                   "{\"name\": \"Örebro\", \"dir\": \"c\"}], \"indicators\": []}",
                   "ev.json: regions[2].name: duplicate region name 'Örebro' "
                   "(also regions[0].name)");
    /* "O" + U+0308 (combining diaeresis) is "Ö" too. */
    EXPECT_INVALID("{\"regions\": [{\"name\": \"Örebro\", \"dir\": \"a\"}, "
                   "{\"name\": \"O\\u0308rebro\", \"dir\": \"b\"}], "
                   "\"indicators\": []}",
                   "ev.json: regions[1].name: duplicate region name "
                   "'O\xCC\x88rebro' (also regions[0].name)");
}

static void test_duplicate_indicator_names_name_both_entries(void)
{
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": [{\"plugin\": \"funding_share\"}, "
                   "{\"plugin\": \"funding_share\"}]}",
                   "ev.json: indicators[1]: duplicate indicator name "
                   "'funding_share' (also indicators[0]); give one of them "
                   "another \"name\"");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": [{\"plugin\": \"a\", \"name\": \"x\"}, "
                   "{\"plugin\": \"b\"}, {\"plugin\": \"c\", \"name\": \"x\"}]}",
                   "ev.json: indicators[2].name: duplicate indicator name 'x' "
                   "(also indicators[0]); give one of them another \"name\"");
}

static void test_duplicate_keys_in_one_object_are_refused(void)
{
    EXPECT_INVALID("{\"tables\": {\"funding\": {\"file\": \"a.csv\", \"file\": "
                   "\"b.csv\"}}, " TAIL "}",
                   "ev.json: tables.funding.file: duplicate key 'file' (a key "
                   "may appear only once in an object)");
    EXPECT_INVALID("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], "
                   "\"indicators\": [{\"plugin\": \"x\", \"params\": {\"by\": "
                   "[], \"by\": [\"sector\"]}}]}",
                   "ev.json: indicators[0].params.by: duplicate key 'by' (a key "
                   "may appear only once in an object)");
    /* An object of 20 codes c0..c19 with c5 again at the end. */
    GString *text = g_string_new("{\"tables\": {\"t\": {\"codes\": {\"g\": {");
    for (int i = 0; i < 20; i++)
        g_string_append_printf(text, "\"c%d\": \"v\", ", i);
    g_string_append(text, "\"c5\": \"w\"}}}}, " TAIL "}");
    EXPECT_INVALID(text->str, "ev.json: tables.t.codes.g.c5: duplicate key 'c5' "
                              "(a key may appear only once in an object)");
    g_string_free(text, TRUE);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"unknown key suggests the closest known key",
         test_unknown_key_suggests_the_closest_known_key},
        {"unknown key without a close one lists the known",
         test_unknown_key_without_a_close_one_lists_the_known},
        {"misplaced key says where it belongs", test_misplaced_key_says_where_it_belongs},
        {"wrong type names what was expected and found",
         test_wrong_type_names_what_was_expected_and_found},
        {"long values are shortened in messages", test_long_values_are_shortened_in_messages},
        {"odd keys are quoted in the path", test_odd_keys_are_quoted_in_the_path},
        {"missing required key is named", test_missing_required_key_is_named},
        {"lists must not be empty", test_lists_must_not_be_empty},
        {"names follow the name rule", test_names_follow_the_name_rule},
        {"duplicate region names name both entries", test_duplicate_region_names_name_both_entries},
        {"duplicate indicator names name both entries",
         test_duplicate_indicator_names_name_both_entries},
        {"duplicate keys in one object are refused", test_duplicate_keys_in_one_object_are_refused},
        {NULL, NULL}};
    return jvt_main("evaluation file errors", tests);
}
