/* tests/test_render_html.c — the HTML report of tests/data/render/
 * result.json: its golden file; that it is self-contained (no script, no
 * link, no network address, no external image); that every chart is an
 * accessible <svg> with <title> and <desc> followed by the table that
 * holds its figures; the language; and that every renderer survives
 * documents of unexpected shapes without crashing. The browser check is
 * tests/render/test_html_chromium.sh. */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "render/render.h"

static char *html(jv_lang lang)
{
    cJSON *doc = jvt_load_json("render/result.json");
    jv_render_options options = {.lang = lang, .color = FALSE, .csv_dialect = JV_CSV_EXCEL};
    GString *out = jv_render_with(doc, "html", &options, NULL);
    cJSON_Delete(doc);
    return g_string_free(out, FALSE);
}

static int count(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_html_matches_golden(void)
{
    char *page = html(JV_LANG_SV);
    jvt_golden("result.sv.html", page);
    g_free(page);
}

static void test_html_is_self_contained(void)
{
    char *page = html(JV_LANG_SV);
    CU_ASSERT_TRUE(g_str_has_prefix(page, "<!DOCTYPE html>\n<html lang=\"sv\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(page, "<meta charset=\"utf-8\">"));
    CU_ASSERT_PTR_NULL(strstr(page, "http:"));
    CU_ASSERT_PTR_NULL(strstr(page, "https:"));
    CU_ASSERT_PTR_NULL(strstr(page, "<script"));
    CU_ASSERT_PTR_NULL(strstr(page, "<link"));
    CU_ASSERT_PTR_NULL(strstr(page, "<img"));
    CU_ASSERT_PTR_NULL(strstr(page, "src="));
    CU_ASSERT_PTR_NULL(strstr(page, "@import"));
    /* url() only for patterns inside the page */
    for (const char *p = strstr(page, "url("); p != NULL; p = strstr(p + 1, "url("))
        CU_ASSERT_EQUAL(p[4], '#');
    g_free(page);
}

static void test_every_chart_has_a_title_and_a_table_after_it(void)
{
    char *page = html(JV_LANG_EN);
    CU_ASSERT_TRUE(g_str_has_prefix(page, "<!DOCTYPE html>\n<html lang=\"en\">"));
    /* Charts (tables with women's shares) of the test document:
     * by region: funding_share, participation, mentoring = 3;
     * goal fulfilment by region (stacked) = 1;
     * Norr: funding split + sector, participation split + arenas, mentoring
     * split = 5 (its chairs have women and men suppressed: every share is
     * suppressed, so the table says so instead of an empty chart); Syd:
     * funding 2, mentoring 1 = 3 (participation skipped); total: as Norr =
     * 5. 3 + 1 + 5 + 3 + 5 = 17. */
    CU_ASSERT_EQUAL(count(page, "<svg"), 17);
    CU_ASSERT_EQUAL(count(page, "No chart: every women&#39;s share here is suppressed to protect "
                                "individuals."),
                    2);
    /* every bar chart has its key (the stacked chart draws its own) */
    CU_ASSERT_EQUAL(count(page, "<p class=\"chart-key\">"), 16);
    for (const char *svg = strstr(page, "<svg"); svg != NULL; svg = strstr(svg + 1, "<svg")) {
        const char *end = strstr(svg, "</svg>");
        CU_ASSERT_PTR_NOT_NULL_FATAL(end);
        char *chart = g_strndup(svg, end - svg);
        CU_ASSERT_PTR_NOT_NULL(strstr(chart, "role=\"img\""));
        CU_ASSERT_PTR_NOT_NULL(strstr(chart, "aria-labelledby=\""));
        CU_ASSERT_PTR_NOT_NULL(strstr(chart, "<title id="));
        CU_ASSERT_PTR_NOT_NULL(strstr(chart, "<desc id="));
        /* the table it describes comes next, before any other chart */
        const char *described = strstr(chart, "aria-describedby=\"");
        CU_ASSERT_PTR_NOT_NULL_FATAL(described);
        char *table_id = g_strndup(described + 18, strcspn(described + 18, "\""));
        char *table_tag = g_strdup_printf("<table id=\"%s\">", table_id);
        const char *table = strstr(end, table_tag);
        const char *next = strstr(end, "<svg");
        CU_ASSERT_PTR_NOT_NULL(table);
        CU_ASSERT_TRUE(table != NULL && (next == NULL || table < next));
        g_free(table_tag);
        g_free(table_id);
        g_free(chart);
    }
    g_free(page);
}

static void test_suppressed_values_are_marked_in_charts(void)
{
    char *page = html(JV_LANG_EN);
    /* Norr's sectors energy and retail; wholesale have women suppressed:
     * their bars are hatched and say so; the same in the total. */
    CU_ASSERT_TRUE(count(page, "class=\"suppressed\"") >= 4);
    CU_ASSERT_PTR_NOT_NULL(strstr(page, "<title>energy: suppressed</title>"));
    /* Norr's seats 12 / 21 = 57.1 % with its interval drawn as whiskers */
    CU_ASSERT_PTR_NOT_NULL(strstr(page, "<title>Seats: 57.1%</title>"));
    CU_ASSERT_TRUE(count(page, "class=\"ci\"") >= 3);
    g_free(page);
}

static void test_balance_is_never_shown_by_colour_alone(void)
{
    char *page = html(JV_LANG_SV);
    /* Norr's money 30 % is men-dominated: tinted, marked ▼ and named */
    CU_ASSERT_PTR_NOT_NULL(strstr(
        page,
        "<td class=\"num men\">30,0 %<span class=\"mark\" "
        "aria-hidden=\"true\">\xe2\x96\xbc</span><span class=\"sr\"> mansdominerad</span></td>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(page, "@media print"));
    g_free(page);
}

static void test_every_renderer_survives_odd_documents(void)
{
    static const char *const odd[] = {
        "{}",
        "[]",
        "{\"regions\": 5, \"total\": [], \"summary\": {}}",
        "{\"regions\": [{\"name\": 3, \"indicators\": {\"x\": {\"status\": \"ok\", \"result\": "
        "{\"by_gender\": [], \"women_share\": 7, \"breakdowns\": {\"a\": {\"b\": 1}, \"c\": [1, "
        "null]}, \"headline\": \"no\", \"list\": [{}, 3], \"reach\": {\"woman\": {}, \"man\": "
        "1}}}}}],"
        " \"summary\": [1, {\"region\": null, \"x.y\": \"z\"}]}",
        "{\"regions\": [{\"name\": \"R\", \"indicators\": {\"i\": {\"result\": {\"by_gender\": "
        "{\"woman\": {\"n\": [1], \"suppressed\": 1}}, \"women_share\": {}, \"total\": 2,"
        " \"breakdowns\": {\"v\": [{\"value\": 1, \"by_gender\": {}, \"women_share\": {\"n\": "
        "null}}]},"
        " \"headline\": {\"unit\": 7, \"value\": \"x\", \"ci\": [1]}}}}}],"
        " \"evaluation\": {\"options\": {\"balance\": [\"a\", 2], \"confidence\": 7, \"min_cell\": "
        "-3},"
        " \"inputs\": [{}, 5]}, \"warnings\": [1, \"w\"]}",
        "{\"evaluation\": {\"name\": \"<script>&\"}, \"summary\": [{\"region\": \"a|b\\n\"}]}"};
    static const char *const formats[] = {"json", "table", "markdown", "csv", "html"};
    for (size_t i = 0; i < G_N_ELEMENTS(odd); i++) {
        cJSON *doc = cJSON_Parse(odd[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
        for (size_t f = 0; f < G_N_ELEMENTS(formats); f++)
            for (int lang = 0; lang < 2; lang++) {
                jv_render_options options = {.lang = lang ? JV_LANG_SV : JV_LANG_EN,
                                             .color = TRUE,
                                             .csv_dialect = lang ? JV_CSV_EXCEL : JV_CSV_PLAIN};
                GString *out = jv_render_with(doc, formats[f], &options, NULL);
                CU_ASSERT_PTR_NOT_NULL(out);
                if (out != NULL && strcmp(formats[f], "html") == 0)
                    CU_ASSERT_PTR_NULL(strstr(out->str, "<script>"));
                if (out != NULL)
                    g_string_free(out, TRUE);
            }
        cJSON_Delete(doc);
    }
}

static void test_formats_and_extensions_are_known(void)
{
    GError *error = NULL;
    cJSON *doc = cJSON_Parse("{}");
    jv_render_options options = {.lang = JV_LANG_EN, .color = FALSE, .csv_dialect = JV_CSV_EXCEL};
    CU_ASSERT_PTR_NULL(jv_render_with(doc, "pdf", &options, &error));
    CU_ASSERT_PTR_NOT_NULL(error);
    g_clear_error(&error);
    cJSON_Delete(doc);
    CU_ASSERT_STRING_EQUAL(jv_render_format_for_extension("md"), "markdown");
    CU_ASSERT_STRING_EQUAL(jv_render_format_for_extension("CSV"), "csv");
    CU_ASSERT_STRING_EQUAL(jv_render_format_for_extension("htm"), "html");
    CU_ASSERT_STRING_EQUAL(jv_render_format_for_extension("txt"), "table");
    CU_ASSERT_STRING_EQUAL(jv_render_format_for_extension("json"), "json");
    CU_ASSERT_PTR_NULL(jv_render_format_for_extension("pdf"));
    CU_ASSERT_TRUE(jv_render_known("md"));
    CU_ASSERT_FALSE(jv_render_known("pdf"));
    CU_ASSERT_FALSE(jv_render_set_defaults("de", NULL, &error));
    g_clear_error(&error);
    CU_ASSERT_FALSE(jv_render_set_defaults(NULL, "tsv", &error));
    g_clear_error(&error);
    CU_ASSERT_TRUE(jv_render_set_defaults("sv", "plain", &error));
}

int main(void)
{
    static const jvt_test tests[] = {
        {"html_matches_golden", test_html_matches_golden},
        {"html_is_self_contained", test_html_is_self_contained},
        {"every_chart_has_a_title_and_a_table_after_it",
         test_every_chart_has_a_title_and_a_table_after_it},
        {"suppressed_values_are_marked_in_charts", test_suppressed_values_are_marked_in_charts},
        {"balance_is_never_shown_by_colour_alone", test_balance_is_never_shown_by_colour_alone},
        {"every_renderer_survives_odd_documents", test_every_renderer_survives_odd_documents},
        {"formats_and_extensions_are_known", test_formats_and_extensions_are_known},
        {NULL, NULL}};
    return jvt_main("render html", tests);
}
