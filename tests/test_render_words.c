/* tests/test_render_words.c — what issue 14 asks of every report: the
 * symbols that tell a suppressed figure from one that cannot occur or is
 * not there, results said in words in both languages (singular and plural
 * right, nothing said about a suppressed figure), units from the plugin
 * instead of key names, titles instead of ids, reasons without folders,
 * --publish without ids, paths or warnings, and a Swedish CSV header
 * without an English word. Expected texts are worked out by hand from the
 * documents below (or tests/data/render/result.json, see make_result.py). */
#include "harness.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "render/format.h"
#include "render/render.h"
#include "render/sentences.h"
#include "render/symbols.h"
#include "render/words.h"

/* The value at a slash-separated path of keys and array indices. */
static const cJSON *at(const cJSON *node, const char *path)
{
    char **keys = g_strsplit(path, "/", -1);
    for (char **k = keys; *k != NULL && node != NULL; k++)
        node = cJSON_IsArray(node) ? cJSON_GetArrayItem(node, atoi(*k))
                                   : cJSON_GetObjectItemCaseSensitive(node, *k);
    g_strfreev(keys);
    return node;
}

static char *render(const cJSON *doc, const char *format, jv_lang lang, gboolean publish)
{
    jv_render_options options = {.lang = lang, .csv_dialect = JV_CSV_PLAIN, .publish = publish};
    GString *out = jv_render_with(doc, format, &options, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    return g_string_free(out, FALSE);
}

/* Regions A and B and the total; indicator "x" reports women's share of
 * seats for a region and a share of regions for the total (two summary
 * columns, each "." where it cannot occur). A's women are suppressed, so
 * its share is null: ×. */
static const char odd_summary[] =
    "{\"jamvikt\": {\"version\": \"t\"},"
    " \"evaluation\": {\"name\": \"S\", \"options\": {\"min_cell\": 5},"
    "   \"plugins\": [{\"name\": \"x\", \"title\": {\"en\": \"Seats\", \"sv\": \"Platser\"}}]},"
    " \"regions\": ["
    "  {\"name\": \"A\", \"indicators\": {\"x\": {\"status\": \"ok\", \"result\": {"
    "    \"by_gender\": {\"woman\": {\"seats\": null, \"suppressed\": true},"
    "                    \"man\": {\"seats\": 9, \"suppressed\": false}},"
    "    \"headline\": {\"metric\": \"women_share_seats\", \"label\": \"Women's share of seats\","
    "                   \"value\": null, \"unit\": \"share\", \"balance\": \"no_data\"}}}}},"
    "  {\"name\": \"B\", \"indicators\": {\"x\": {\"status\": \"ok\", \"result\": {"
    "    \"headline\": {\"metric\": \"women_share_seats\", \"label\": \"Women's share of seats\","
    "                   \"value\": 0.5, \"unit\": \"share\", \"balance\": \"balanced\"}}}}}],"
    " \"total\": {\"name\": \"total\", \"indicators\": {\"x\": {\"status\": \"ok\", \"result\": {"
    "    \"regions\": 2, \"regions_fulfilling\": 1,"
    "    \"headline\": {\"metric\": \"share_total\", \"label\": \"Share of regions\","
    "                   \"value\": 0.5, \"unit\": \"share\"}}}}},"
    " \"summary\": ["
    "  {\"region\": \"A\", \"x.women_share_seats\": null, \"x.share_total\": null},"
    "  {\"region\": \"B\", \"x.women_share_seats\": 0.5, \"x.share_total\": null},"
    "  {\"region\": \"total\", \"x.women_share_seats\": null, \"x.share_total\": 0.5}]}";

static void test_summary_tells_suppressed_from_not_applicable(void)
{
    cJSON *doc = cJSON_Parse(odd_summary);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    char *md = render(doc, "markdown", JV_LANG_SV, FALSE);
    /* A: share suppressed (×), share of regions cannot occur (.) */
    char *a = jvt_line_starting(md, "| A ");
    CU_ASSERT_TRUE(g_str_has_suffix(a, " \xc3\x97 |                . |"));
    char *total = jvt_line_starting(md, "| Totalt ");
    CU_ASSERT_TRUE(g_str_has_suffix(total, " . |           50,0 % |"));
    /* and A's section says nothing about the suppressed share: no
     * sentence, no headline line */
    const char *section = strstr(md, "### Platser");
    CU_ASSERT_PTR_NOT_NULL_FATAL(section);
    CU_ASSERT_TRUE(g_str_has_prefix(section, "### Platser\n\n**Per kön**"));
    /* the legend explains all three symbols */
    CU_ASSERT_PTR_NOT_NULL(strstr(md, "\xc3\x97 = skyddad uppgift"));
    CU_ASSERT_PTR_NOT_NULL(strstr(md, "; . = uppgift kan inte förekomma"));
    CU_ASSERT_PTR_NOT_NULL(strstr(md, "; .. = uppgift saknas"));
    /* HTML: other class, other symbol, and a tooltip saying which */
    char *html = render(doc, "html", JV_LANG_EN, FALSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<td class=\"num suppressed\"><abbr title=\"suppressed to "
                                        "protect individuals (a count below 5, or a figure that "
                                        "would reveal one)\">\xc3\x97</abbr></td>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html,
                                  "<td class=\"num na\"><abbr title=\"cannot occur (the figure "
                                  "does not apply here)\">.</abbr></td>"));
    /* one sentence, B's: nothing is said about A's suppressed share */
    const char *first = strstr(html, "<p class=\"sentence\">Women held 50.0% of the seats");
    CU_ASSERT_PTR_NOT_NULL_FATAL(first);
    CU_ASSERT_PTR_NULL(strstr(first + strlen("<p class=\"sentence\">Women held"), "Women held"));
    g_free(a);
    g_free(total);
    g_free(md);
    g_free(html);
    cJSON_Delete(doc);
}

static void test_a_skipped_indicator_points_to_its_reason_in_every_format(void)
{
    cJSON *doc = jvt_load_json("render/result.json");
    /* Syd's participation was skipped: the first note (¹) */
    char *table = render(doc, "table", JV_LANG_EN, FALSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(table, "..\xc2\xb9"));
    CU_ASSERT_PTR_NOT_NULL(strstr(table, "\xc2\xb9 Syd, Participation: not computed: there is no "
                                         "participation table for Syd"));
    char *html = render(doc, "html", JV_LANG_SV, FALSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<p class=\"status\">\xc2\xb9 Inte beräknad: tabellen "
                                        "participation saknas för Syd (participation.csv finns "
                                        "inte)</p>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<li>\xc2\xb9 Syd, Participation: inte beräknad:"));
    char *csv = render(doc, "csv", JV_LANG_EN, FALSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(csv,
                                  "\nSyd,participation,,there is no participation table for Syd "
                                  "(participation.csv not found),,not_computed,,..\n"));
    g_free(table);
    g_free(html);
    g_free(csv);
    cJSON_Delete(doc);
}

/* The total's sentences of the test document, worked out by hand:
 * money 1 350 000 / 3 500 000 = 38.6 % (men 61.4 %), men-dominated; one
 * of two regions fulfils its goals (Norr no, Syd yes) = 50.0 %. */
static void test_sentences_in_both_languages(void)
{
    cJSON *doc = jvt_load_json("render/result.json");
    const cJSON *total = cJSON_GetObjectItem(doc, "total");
    const cJSON *funding = at(total, "indicators/funding_share/result");
    char *sv = jv_sentence_result(doc, JV_LANG_SV, "funding_share", funding);
    char *en = jv_sentence_result(doc, JV_LANG_EN, "funding_share", funding);
    CU_ASSERT_STRING_EQUAL(sv, "Kvinnor fick 38,6 % av de beviljade medlen (män 61,4 %); "
                               "fördelningen är mansdominerad.");
    CU_ASSERT_STRING_EQUAL(en, "Women received 38.6% of the money granted (men 61.4%); the "
                               "distribution is men-dominated.");
    g_free(sv);
    g_free(en);
    const cJSON *goals = at(total, "indicators/goal_fulfilment/result");
    sv = jv_sentence_result(doc, JV_LANG_SV, "goal_fulfilment", goals);
    en = jv_sentence_result(doc, JV_LANG_EN, "goal_fulfilment", goals);
    CU_ASSERT_STRING_EQUAL(sv, "1 av 2 regioner uppfyller sina mål (50,0 %).");
    CU_ASSERT_STRING_EQUAL(en, "1 of 2 regions fulfils its goals (50.0%).");
    g_free(sv);
    g_free(en);
    /* Norr's seats 12 / 21 = 57.1 %, balanced but not certain: its Wilson
     * interval 36.5–75.5 % reaches outside 40–60 %. */
    const cJSON *seats = at(doc, "regions/0/indicators/participation/result");
    sv = jv_sentence_result(doc, JV_LANG_SV, "participation", seats);
    CU_ASSERT_STRING_EQUAL(sv, "Kvinnor hade 57,1 % av platserna (män 42,9 %); fördelningen är "
                               "jämn (inte statistiskt säkerställd). Med hänsyn till slumpen "
                               "(95 % säkerhet) ligger andelen i intervallet 36,5–75,5 %.");
    g_free(sv);
    /* Norr's goals: 3 goals, share met 0.5 */
    const cJSON *norr_goals = at(doc, "regions/0/indicators/goal_fulfilment/result");
    en = jv_sentence_result(doc, JV_LANG_EN, "goal_fulfilment", norr_goals);
    CU_ASSERT_STRING_EQUAL(en, "50.0% of the reported goals were met (weighted by the goals' "
                               "weights); 3 goals in all.");
    g_free(en);
    cJSON_Delete(doc);
}

static void test_sentences_count_in_singular_and_plural(void)
{
    /* one region, fulfilling; one goal */
    cJSON *one =
        cJSON_Parse("{\"regions\": 1, \"regions_fulfilling\": 1, \"headline\": {\"metric\":"
                    " \"share_regions_fulfilling\", \"value\": 1, \"unit\": \"share\"}}");
    char *en = jv_sentence_result(NULL, JV_LANG_EN, "g", one);
    char *sv = jv_sentence_result(NULL, JV_LANG_SV, "g", one);
    CU_ASSERT_STRING_EQUAL(en, "1 of 1 region fulfils its goals (100.0%).");
    CU_ASSERT_STRING_EQUAL(sv, "1 av 1 region uppfyller sina mål (100,0 %).");
    g_free(en);
    g_free(sv);
    cJSON *three =
        cJSON_Parse("{\"regions\": 3, \"regions_fulfilling\": 2, \"headline\": {\"metric\":"
                    " \"share_regions_fulfilling\", \"value\": 0.6666666666666666, "
                    "\"unit\": \"share\"}}");
    en = jv_sentence_result(NULL, JV_LANG_EN, "g", three);
    sv = jv_sentence_result(NULL, JV_LANG_SV, "g", three);
    CU_ASSERT_STRING_EQUAL(en, "2 of 3 regions fulfil their goals (66.7%).");
    CU_ASSERT_STRING_EQUAL(sv, "2 av 3 regioner uppfyller sina mål (66,7 %).");
    g_free(en);
    g_free(sv);
    cJSON *goal =
        cJSON_Parse("{\"goals\": 1, \"headline\": {\"metric\": \"share_met\", \"value\": 1,"
                    " \"unit\": \"share\"}}");
    en = jv_sentence_result(NULL, JV_LANG_EN, "g", goal);
    CU_ASSERT_STRING_EQUAL(en, "100.0% of the reported goals were met (weighted by the goals' "
                               "weights); 1 goal in all.");
    g_free(en);
    /* a reach gap of -0.125: 12.5 points fewer women reached */
    cJSON *gap = cJSON_Parse("{\"headline\": {\"metric\": \"reach_gap\", \"value\": -0.125, "
                             "\"unit\": \"difference\"}}");
    sv = jv_sentence_result(NULL, JV_LANG_SV, "t", gap);
    CU_ASSERT_STRING_EQUAL(sv, "Utbildningen nådde en 12,5 procentenheter mindre del av kvinnorna "
                               "än av männen.");
    g_free(sv);
    /* with its interval, which ends in "p.e.": one full stop */
    cJSON *gap_ci = cJSON_Parse("{\"headline\": {\"metric\": \"reach_gap\", \"value\": 0.09, "
                                "\"unit\": \"difference\", \"ci\": [0.067, 0.112]}}");
    sv = jv_sentence_result(NULL, JV_LANG_SV, "t", gap_ci);
    CU_ASSERT_STRING_EQUAL(sv,
                           "Utbildningen nådde en 9,0 procentenheter större del av kvinnorna än "
                           "av männen. Med hänsyn till slumpen (95 % säkerhet) ligger "
                           "skillnaden i intervallet +6,7 till +11,2 p.e.");
    g_free(sv);
    cJSON_Delete(gap_ci);
    /* a null headline (suppressed or nothing to count): nothing is said */
    cJSON *hidden =
        cJSON_Parse("{\"headline\": {\"metric\": \"women_share_seats\", \"value\": null,"
                    " \"unit\": \"share\"}}");
    CU_ASSERT_PTR_NULL(jv_sentence_result(NULL, JV_LANG_SV, "p", hidden));
    cJSON_Delete(one);
    cJSON_Delete(three);
    cJSON_Delete(goal);
    cJSON_Delete(gap);
    cJSON_Delete(hidden);
}

static void test_units_come_from_the_plugin_not_the_key(void)
{
    cJSON *doc = jvt_load_json("render/result.json");
    /* mentoring declares stipend_gap an amount_difference: -91 000 kr, not
     * the 1.0 rule's "-9 100 000,0 p.e." for a key ending in "gap" */
    CU_ASSERT_EQUAL(jv_words_kind(doc, "mentoring", "stipend_gap"), JV_KIND_AMOUNT_DIFFERENCE);
    CU_ASSERT_EQUAL(jv_words_kind(NULL, "mentoring", "stipend_gap"), JV_KIND_DIFFERENCE);
    char *md = render(doc, "markdown", JV_LANG_SV, FALSE);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(md, "| Skillnad i genomsnittligt stipendium (kvinnor − män) | -91 000 |"));
    CU_ASSERT_PTR_NULL(strstr(md, "9 100 000"));
    g_free(md);
    char *text = jv_format_number(JV_LANG_EN, 1250000, JV_KIND_AMOUNT_DIFFERENCE);
    CU_ASSERT_STRING_EQUAL(text, "+1,250,000");
    g_free(text);
    cJSON_Delete(doc);
}

static void test_titles_and_labels_fall_back_in_order(void)
{
    cJSON *doc = jvt_load_json("render/result.json");
    char *title = jv_words_title(doc, JV_LANG_SV, "mentoring");
    CU_ASSERT_STRING_EQUAL(title, "Mentorprogram");
    g_free(title);
    /* participation has no title (a 1.0 plugin): its name made readable */
    title = jv_words_title(doc, JV_LANG_SV, "participation");
    CU_ASSERT_STRING_EQUAL(title, "Participation");
    g_free(title);
    title = jv_words_title(NULL, JV_LANG_EN, "leader_share");
    CU_ASSERT_STRING_EQUAL(title, "Leader share");
    g_free(title);
    /* labels: the plugin's own language, the core's word, the plugin's
     * English, the key */
    CU_ASSERT_STRING_EQUAL(jv_words_key(doc, JV_LANG_SV, "mentoring", "mentees"), "Adepter");
    CU_ASSERT_STRING_EQUAL(jv_words_key(doc, JV_LANG_SV, "mentoring", "rows"), "Lästa rader");
    CU_ASSERT_STRING_EQUAL(jv_words_key(doc, JV_LANG_EN, "mentoring", "stipend_gap"),
                           "Difference in mean stipend (women − men)");
    CU_ASSERT_STRING_EQUAL(jv_words_key(doc, JV_LANG_EN, "mentoring", "sessions"), "sessions");
    cJSON_Delete(doc);
}

static void test_reasons_and_warnings_show_no_folders(void)
{
    char *sv = jv_words_reason(JV_LANG_SV,
                               "no goals table for Västernorrland: "
                               "/srv/data/vn/goals.csv not found",
                               FALSE);
    CU_ASSERT_STRING_EQUAL(sv, "tabellen goals saknas för Västernorrland (goals.csv finns inte)");
    g_free(sv);
    char *published = jv_words_reason(JV_LANG_EN,
                                      "no goals table for Västernorrland: "
                                      "/srv/data/vn/goals.csv not found",
                                      TRUE);
    CU_ASSERT_STRING_EQUAL(published, "there is no goals table for Västernorrland");
    g_free(published);
    char *w = jv_words_warning(JV_LANG_EN, "data/norr/x/funding.csv:12: 2 rows skipped (see 1/2)");
    CU_ASSERT_STRING_EQUAL(w, "funding.csv: 2 rows skipped (see 1/2)");
    g_free(w);
    w = jv_words_warning(JV_LANG_SV, "./x/funding.csv:3:7: 2 rows skipped");
    CU_ASSERT_STRING_EQUAL(w, "funding.csv: 2 rader hoppades över");
    g_free(w);
    w = jv_words_warning(JV_LANG_SV, "/d/a/funding.csv: column 'kön': the codes 1 and 2 were read "
                                     "as 1 = man, 2 = woman (SCB's coding); 3 columns");
    CU_ASSERT_STRING_EQUAL(w, "funding.csv: kolumnen 'kön': koderna 1 och 2 lästes som 1 = man, "
                              "2 = kvinna (SCB:s kodning); 3 columns");
    g_free(w);
}

static void test_publish_shows_no_id_path_or_warnings(void)
{
    cJSON *doc = jvt_load_json("render/result.json");
    for (int lang = 0; lang < 2; lang++) {
        char *html = render(doc, "html", lang ? JV_LANG_SV : JV_LANG_EN, TRUE);
        static const char *const internal[] = {
            "funding_share", "goal_fulfilment", "mentoring",    "data/", ".csv",
            "jamvikt 0.1.0", "min_cell)",       "women_share_", "<code>"};
        for (size_t i = 0; i < G_N_ELEMENTS(internal); i++) {
            if (strstr(html, internal[i]) != NULL)
                fprintf(stderr, "\n  published page has '%s'\n", internal[i]);
            CU_ASSERT_PTR_NULL(strstr(html, internal[i]));
        }
        /* one line on data quality (the document has one warning) and the
         * method note instead of the lists */
        CU_ASSERT_PTR_NOT_NULL(
            strstr(html, lang ? "inläsningen gav 1 anmärkning," : "gave 1 remark,"));
        CU_ASSERT_PTR_NOT_NULL(strstr(html, lang ? "(40/60-regeln)" : "(the 40/60 rule)"));
        CU_ASSERT_PTR_NULL(strstr(html, "id=\"warnings\""));
        CU_ASSERT_PTR_NULL(strstr(html, "id=\"inputs\""));
        g_free(html);
    }
    char *md = render(doc, "markdown", JV_LANG_SV, TRUE);
    CU_ASSERT_PTR_NULL(strstr(md, "funding_share"));
    CU_ASSERT_PTR_NULL(strstr(md, "## Varningar"));
    g_free(md);
    /* without --publish the provenance is there */
    char *full = render(doc, "html", JV_LANG_SV, FALSE);
    CU_ASSERT_PTR_NOT_NULL(strstr(full, "data/norr/funding.csv"));
    CU_ASSERT_PTR_NOT_NULL(strstr(full, "<td class=\"txt\">funding_share</td>"));
    g_free(full);
    cJSON_Delete(doc);
}

static void test_swedish_csv_header_has_no_english_word(void)
{
    cJSON *doc = jvt_load_json("render/result.json");
    char *csv = render(doc, "csv", JV_LANG_SV, FALSE);
    char *header = g_strndup(csv, strcspn(csv, "\n"));
    CU_ASSERT_STRING_EQUAL(header, "område,indikator,indelning,kategori,kön,mått,värde,tecken");
    static const char *const english[] = {"region", "indicator", "group",  "value",
                                          "gender", "measure",   "number", "symbol"};
    for (size_t i = 0; i < G_N_ELEMENTS(english); i++)
        CU_ASSERT_PTR_NULL(strstr(header, english[i]));
    /* categories in words: women, men, total */
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",Kvinnor,Beviljat belopp,450000,\n"));
    CU_ASSERT_PTR_NULL(strstr(csv, ",woman,"));
    CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\nTotalt,Finansiering: ansökningar och beviljade medel,"));
    g_free(header);
    g_free(csv);
    cJSON_Delete(doc);
}

static void test_html_keys_every_colour_and_prints_on_a4(void)
{
    cJSON *doc = jvt_load_json("render/result.json");
    char *html = render(doc, "html", JV_LANG_SV, FALSE);
    /* Norr's sectors: ict balanced (46.2 %), energy and retail suppressed:
     * its key names green, the band and the hatching */
    const char *sector = strstr(html, "<figcaption>Per sector");
    CU_ASSERT_PTR_NOT_NULL_FATAL(sector);
    const char *key = strstr(sector, "<p class=\"chart-key\">");
    CU_ASSERT_PTR_NOT_NULL_FATAL(key);
    char *line = g_strndup(key, strstr(key, "</p>") - key);
    CU_ASSERT_PTR_NOT_NULL(
        strstr(line, "<span class=\"key balanced\" aria-hidden=\"true\"></span>jämn"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "skuggat: jämn könsfördelning 40–60 %"));
    CU_ASSERT_PTR_NOT_NULL(strstr(line, "streckat (\xc3\x97): skyddad uppgift"));
    CU_ASSERT_PTR_NULL(strstr(line, "mansdominerad")); /* no blue bar there */
    g_free(line);
    /* Norr's seats have an interval: the key names the line */
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "linje: 95 % KI"));
    /* the summary's marks and colours are explained */
    CU_ASSERT_PTR_NOT_NULL(
        strstr(html, "\xe2\x96\xbc blått: mansdominerad (kvinnornas andel under 40 %)"));
    /* print: A4, table headers repeated on every page, rows never split */
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "@page{size:A4"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "thead{display:table-header-group}"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "tr,figure,.chart-key{break-inside:avoid}"));
    g_free(html);
    cJSON_Delete(doc);
}

static void test_symbols_and_markers(void)
{
    jv_absence a;
    CU_ASSERT_TRUE(jv_symbol_parse("\xc3\x97", &a) && a == JV_ABSENT_SUPPRESSED);
    CU_ASSERT_TRUE(jv_symbol_parse(".", &a) && a == JV_ABSENT_NOT_APPLICABLE);
    CU_ASSERT_TRUE(jv_symbol_parse("..", &a) && a == JV_ABSENT_NO_DATA);
    CU_ASSERT_TRUE(jv_symbol_parse("..\xc2\xb9", &a) && a == JV_ABSENT_NO_DATA);
    CU_ASSERT_FALSE(jv_symbol_parse("0,5", &a));
    CU_ASSERT_FALSE(jv_symbol_parse("...", &a));
    char *m = jv_symbol_note_marker(12);
    CU_ASSERT_STRING_EQUAL(m, "\xc2\xb9\xc2\xb2");
    g_free(m);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"summary_tells_suppressed_from_not_applicable",
         test_summary_tells_suppressed_from_not_applicable},
        {"a_skipped_indicator_points_to_its_reason_in_every_format",
         test_a_skipped_indicator_points_to_its_reason_in_every_format},
        {"sentences_in_both_languages", test_sentences_in_both_languages},
        {"sentences_count_in_singular_and_plural", test_sentences_count_in_singular_and_plural},
        {"units_come_from_the_plugin_not_the_key", test_units_come_from_the_plugin_not_the_key},
        {"titles_and_labels_fall_back_in_order", test_titles_and_labels_fall_back_in_order},
        {"reasons_and_warnings_show_no_folders", test_reasons_and_warnings_show_no_folders},
        {"publish_shows_no_id_path_or_warnings", test_publish_shows_no_id_path_or_warnings},
        {"swedish_csv_header_has_no_english_word", test_swedish_csv_header_has_no_english_word},
        {"html_keys_every_colour_and_prints_on_a4", test_html_keys_every_colour_and_prints_on_a4},
        {"symbols_and_markers", test_symbols_and_markers},
        {NULL, NULL}};
    return jvt_main("render words", tests);
}
