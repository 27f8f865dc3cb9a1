/* tests/test_render.c — the renderers on tests/data/render/result.json, a
 * small result document whose every number follows from the counts in
 * tests/data/render/make_result.py (two regions, Norr and Syd, and the
 * total; funding_share with a suppressed category and suppressed
 * breakdown cells, participation with intervals, a skipped indicator,
 * goal_fulfilment, and a custom indicator "mentoring").
 *
 * Golden files tests/data/render/expected/<name>.expected hold each format as it
 * was reviewed line by line against the document; the hand-worked
 * figures that matter most are also asserted here with their arithmetic.
 * JV_RENDER_UPDATE_GOLDEN=1 rewrites the golden files (then review the
 * diff). */
#include "harness.h"

#include <glib.h>
#include <string.h>

#include "render/render.h"

static char *render(const char *format, jv_lang lang, jv_csv_dialect dialect, gboolean color)
{
    cJSON *doc = jvt_load_json("render/result.json");
    jv_render_options options = {.lang = lang, .color = color, .csv_dialect = dialect};
    GError *error = NULL;
    GString *out = jv_render_with(doc, format, &options, &error);
    cJSON_Delete(doc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(out);
    return g_string_free(out, FALSE);
}

/* TRUE when the words appear in `line` in this order. */
static gboolean in_order(const char *line, const char *const *words)
{
    const char *at = line;
    for (; *words != NULL; words++) {
        at = strstr(at, *words);
        if (at == NULL) {
            fprintf(stderr, "\n  '%s' not found in order in: %s\n", *words, line);
            return FALSE;
        }
        at += strlen(*words);
    }
    return TRUE;
}

/* Renders the document uncoloured and compares with the golden file. */
static void render_matches_golden(const char *golden, const char *format, jv_lang lang,
                                  jv_csv_dialect dialect)
{
    char *text = render(format, lang, dialect, FALSE);
    jvt_golden(golden, text);
    g_free(text);
}

static void test_markdown_matches_golden_in_both_languages(void)
{
    render_matches_golden("result.sv.md", "markdown", JV_LANG_SV, JV_CSV_EXCEL);
    render_matches_golden("result.en.md", "markdown", JV_LANG_EN, JV_CSV_EXCEL);
}

static void test_markdown_summary_has_hand_worked_shares(void)
{
    char *sv = render("markdown", JV_LANG_SV, JV_CSV_EXCEL, FALSE);
    char *en = render("markdown", JV_LANG_EN, JV_CSV_EXCEL, FALSE);
    /* Norr: money 450 000 / (450 000 + 1 050 000) = 0.30; seats 12 / 21 =
     * 0.5714; goals met 1 of 2 reported = 0.50; a share of regions cannot
     * occur for a region (.); mentees 7 / 10 = 0.70. */
    char *norr = jvt_line_starting(sv, "| Norr ");
    CU_ASSERT_TRUE(in_order(
        norr, (const char *const[]){"30,0 %", "57,1 %", "50,0 %", " . |", "70,0 %", NULL}));
    /* Syd: 900 000 / 2 000 000 = 0.45; participation skipped (.. and the
     * first note's marker ¹); 2 of 2 goals met; (.); mentees 4 / 10 = 0.40. */
    char *syd = jvt_line_starting(sv, "| Syd ");
    CU_ASSERT_TRUE(in_order(
        syd, (const char *const[]){"45,0 %", " ..\xc2\xb9 |", "100,0 %", " . |", "40,0 %", NULL}));
    /* Total: 1 350 000 / 3 500 000 = 0.3857; seats as Norr; goals: a
     * share_met headline cannot occur for the total (.), 1 of 2 regions
     * fulfil = 0.50; mentees 11 / 20 = 0.55. In English, "Total" and no
     * space before %. */
    char *total = jvt_line_starting(en, "| Total ");
    CU_ASSERT_TRUE(
        in_order(total, (const char *const[]){"38.6%", "57.1%", " . |", "50.0%", "55.0%", NULL}));
    g_free(norr);
    g_free(syd);
    g_free(total);
    g_free(sv);
    g_free(en);
}

static void test_markdown_shows_other_categories_only_when_used(void)
{
    char *sv = render("markdown", JV_LANG_SV, JV_CSV_EXCEL, FALSE);
    /* Norr's funding split: mixed is suppressed (shown, "×"), unknown has
     * 1 application (shown), non-binary is all zero (left out). Syd's has
     * only women and men. The first "| Mått ... | Kvinnors andel |" header
     * with Totalt is Norr's funding split. */
    const char *norr = strstr(sv, "## Norr");
    const char *syd = strstr(sv, "## Syd");
    CU_ASSERT_PTR_NOT_NULL_FATAL(norr);
    CU_ASSERT_PTR_NOT_NULL_FATAL(syd);
    char *norr_header =
        jvt_line_starting(strstr(norr, "**Per kön**") + strlen("**Per kön**\n\n"), "| Mått");
    CU_ASSERT_TRUE(
        in_order(norr_header, (const char *const[]){"Totalt", "Kvinnor", "Män", "Blandat",
                                                    "Uppgift saknas", "Kvinnors andel", NULL}));
    CU_ASSERT_PTR_NULL(strstr(norr_header, "Ickebinära"));
    char *syd_header =
        jvt_line_starting(strstr(syd, "**Per kön**") + strlen("**Per kön**\n\n"), "| Mått");
    CU_ASSERT_PTR_NULL(strstr(syd_header, "Blandat"));
    CU_ASSERT_PTR_NULL(strstr(syd_header, "Uppgift saknas"));
    /* Norr applications: total suppressed (×), women 10, men 20, mixed
     * suppressed (×), unknown 1; share 10 / 30 = 33.3 %. */
    char *applications = jvt_line_starting(norr, "| Ansökningar ");
    CU_ASSERT_TRUE(in_order(applications, (const char *const[]){"\xc3\x97", "10", "20", "\xc3\x97",
                                                                "1", "33,3 %", NULL}));
    g_free(norr_header);
    g_free(syd_header);
    g_free(applications);
    g_free(sv);
}

static void test_markdown_uses_language_for_numbers_and_labels(void)
{
    char *sv = render("markdown", JV_LANG_SV, JV_CSV_EXCEL, FALSE);
    char *en = render("markdown", JV_LANG_EN, JV_CSV_EXCEL, FALSE);
    /* total money granted to women: 900 000 + 450 000 = 1 350 000 */
    char *sv_line = jvt_line_starting(strstr(sv, "## Totalt"), "| Beviljat belopp ");
    char *en_line = jvt_line_starting(strstr(en, "## Total"), "| Amount granted ");
    CU_ASSERT_TRUE(
        in_order(sv_line, (const char *const[]){"1 350 000", "2 150 000", "38,6 %", NULL}));
    CU_ASSERT_TRUE(
        in_order(en_line, (const char *const[]){"1,350,000", "2,150,000", "38.6%", NULL}));
    /* mean fulfilment of the total: (1 + 0.25 + 1 + 1) / 4 = 0.8125 → 81.3 */
    CU_ASSERT_PTR_NOT_NULL(strstr(sv, "| 81,3 % |"));
    /* the skipped indicator says why in the report's language, with the
     * marker its summary cell points with and the file's base name only */
    CU_ASSERT_PTR_NOT_NULL(strstr(sv,
                                  "*\xc2\xb9 Inte beräknad: tabellen participation saknas för Syd "
                                  "(participation.csv finns inte)*"));
    CU_ASSERT_PTR_NOT_NULL(strstr(en,
                                  "*\xc2\xb9 Not computed: there is no participation table for Syd "
                                  "(participation.csv not found)*"));
    /* warnings: the file's base name, the known phrase in Swedish */
    CU_ASSERT_PTR_NOT_NULL(
        strstr(sv, "\n- funding.csv: kön kodat 1/2 lästes som SCB:s 1 = man, 2 = kvinna\n"));
    g_free(sv_line);
    g_free(en_line);
    g_free(sv);
    g_free(en);
}

static void test_table_matches_golden_and_fits_100_columns(void)
{
    render_matches_golden("result.sv.txt", "table", JV_LANG_SV, JV_CSV_EXCEL);
    render_matches_golden("result.en.txt", "table", JV_LANG_EN, JV_CSV_EXCEL);
    char *sv = render("table", JV_LANG_SV, JV_CSV_EXCEL, FALSE);
    char **lines = g_strsplit(sv, "\n", -1);
    for (char **l = lines; *l != NULL; l++)
        CU_ASSERT_TRUE(g_utf8_strlen(*l, -1) <= 100);
    g_strfreev(lines);
    CU_ASSERT_PTR_NULL(strchr(sv, '\033'));
    g_free(sv);
}

static void test_table_colours_only_when_asked_and_not_with_no_color(void)
{
    char *plain = render("table", JV_LANG_EN, JV_CSV_EXCEL, FALSE);
    char *coloured = render("table", JV_LANG_EN, JV_CSV_EXCEL, TRUE);
    CU_ASSERT_PTR_NULL(strchr(plain, '\033'));
    /* Norr's mentees 0.70 > 0.60: women-dominated, yellow */
    CU_ASSERT_PTR_NOT_NULL(strstr(coloured, "\033[33m70.0%\033[0m"));
    /* Norr's money 0.30 < 0.40: men-dominated, blue */
    CU_ASSERT_PTR_NOT_NULL(strstr(coloured, "\033[34m30.0%\033[0m"));
    cJSON *doc = jvt_load_json("render/result.json");
    g_setenv("NO_COLOR", "1", TRUE);
    GString *out = jv_render(doc, "table", TRUE, NULL);
    CU_ASSERT_PTR_NULL(strchr(out->str, '\033'));
    g_string_free(out, TRUE);
    g_setenv("NO_COLOR", "", TRUE); /* empty: not set (no-color.org) */
    g_unsetenv("TERM");
    out = jv_render(doc, "table", TRUE, NULL);
    CU_ASSERT_PTR_NOT_NULL(strchr(out->str, '\033'));
    g_string_free(out, TRUE);
    g_unsetenv("NO_COLOR");
    cJSON_Delete(doc);
    g_free(plain);
    g_free(coloured);
}

static void test_table_splits_many_columns_into_blocks(void)
{
    /* 9 headline columns of ~10 characters and a 40-character region name:
     * cut to 30 columns, and the columns spread over blocks ≤ 100 wide. */
    GString *json = g_string_new("{\"evaluation\": {\"name\": \"wide\"}, \"summary\": [");
    for (int r = 0; r < 2; r++) {
        g_string_append_printf(json, "%s{\"region\": \"%s\"", r ? "," : "",
                               r ? "total" : "A region with a very long name, too long");
        for (int k = 0; k < 9; k++)
            g_string_append_printf(json, ", \"ind%d.metric\": %d.25", k, 1000000 * (k + 1));
        g_string_append(json, "}");
    }
    g_string_append(json, "]}");
    cJSON *doc = cJSON_Parse(json->str);
    jv_render_options options = {.lang = JV_LANG_SV, .color = FALSE, .csv_dialect = JV_CSV_EXCEL};
    GString *out = jv_render_with(doc, "table", &options, NULL);
    char **lines = g_strsplit(out->str, "\n", -1);
    int headers = 0;
    for (char **l = lines; *l != NULL; l++) {
        CU_ASSERT_TRUE(g_utf8_strlen(*l, -1) <= 100);
        headers += g_str_has_prefix(*l, "Region ");
    }
    CU_ASSERT_TRUE(headers >= 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(out->str, "A region with a very long nam\xe2\x80\xa6"));
    CU_ASSERT_PTR_NOT_NULL(strstr(out->str, "(9) ind8.metric [ind8.metric]"));
    /* published: the columns are named without their keys */
    options.publish = TRUE;
    GString *published = jv_render_with(doc, "table", &options, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(published->str, "(9) ind8.metric\n"));
    CU_ASSERT_PTR_NULL(strstr(published->str, "[ind8.metric]"));
    g_string_free(published, TRUE);
    g_strfreev(lines);
    g_string_free(out, TRUE);
    g_string_free(json, TRUE);
    cJSON_Delete(doc);
}

static void test_csv_matches_golden_in_both_dialects(void)
{
    render_matches_golden("result.excel.csv", "csv", JV_LANG_SV, JV_CSV_EXCEL);
    render_matches_golden("result.plain.csv", "csv", JV_LANG_SV, JV_CSV_PLAIN);
}

static void test_csv_excel_dialect_is_what_swedish_excel_opens(void)
{
    char *excel = render("csv", JV_LANG_EN, JV_CSV_EXCEL, FALSE);
    char *plain = render("csv", JV_LANG_EN, JV_CSV_PLAIN, FALSE);
    /* BOM, semicolons, CRLF; in English the document's codes */
    CU_ASSERT_TRUE(g_str_has_prefix(
        excel, "\xef\xbb\xbfregion;indicator;group;value;gender;measure;number;symbol\r\n"));
    CU_ASSERT_TRUE(
        g_str_has_prefix(plain, "region,indicator,group,value,gender,measure,number,symbol\n"));
    CU_ASSERT_PTR_NULL(strchr(plain, '\r'));
    /* women's share of Norr's money: 450 000 / 1 500 000 = 0.3 */
    CU_ASSERT_PTR_NOT_NULL(
        strstr(excel, "\r\nNorr;funding_share;;;;women_share.amount_granted;0,3;\r\n"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(plain, "\nNorr,funding_share,,,,women_share.amount_granted,0.3,\n"));
    /* a value holding the separator is quoted */
    CU_ASSERT_PTR_NOT_NULL(strstr(excel, ";sector;\"retail; wholesale\";woman;suppressed;1;\r\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(plain, ",sector,retail; wholesale,woman,suppressed,1,\n"));
    /* suppressed: an empty number and the symbol ×; a rate of nothing
     * (Norr's non-binary: 0 applications) has no data: .. */
    CU_ASSERT_PTR_NOT_NULL(
        strstr(excel, "\r\nNorr;funding_share;;;mixed;applications;;\xc3\x97\r\n"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(excel, "\r\nNorr;funding_share;;;non_binary;approval_rate;;..\r\n"));
    g_free(excel);
    g_free(plain);
}

/* The document's value at a CSV line's coordinates (see core/render/csv.c
 * rule 1–3 for the shapes the test document has). */
static const cJSON *resolve(cJSON *doc, char **f)
{
    const char *region = f[0], *indicator = f[1], *group = f[2], *value = f[3], *gender = f[4];
    cJSON *scope = NULL, *s;
    cJSON_ArrayForEach(s, cJSON_GetObjectItem(doc, "regions"))
        if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(s, "name")), region) == 0)
            scope = s;
    if (scope == NULL && strcmp(region, "total") == 0)
        scope = cJSON_GetObjectItem(doc, "total");
    cJSON *entry = cJSON_GetObjectItem(cJSON_GetObjectItem(scope, "indicators"), indicator);
    char *measure = g_strdup(f[5]);
    int index = -1;
    if (g_str_has_suffix(measure, ".lower") || g_str_has_suffix(measure, ".upper")) {
        index = g_str_has_suffix(measure, ".lower") ? 0 : 1;
        measure[strlen(measure) - 6] = '\0';
    }
    cJSON *node = cJSON_GetObjectItem(entry, "result");
    if (strcmp(measure, "rows") == 0 || strcmp(measure, "skipped_rows") == 0)
        node = entry;
    else if (strcmp(group, "headline") == 0)
        node = cJSON_GetObjectItem(node, "headline");
    else if (group[0] != '\0') {
        cJSON *list = cJSON_GetObjectItem(node, group);
        if (list == NULL)
            list = cJSON_GetObjectItem(cJSON_GetObjectItem(node, "breakdowns"), group);
        node = cJSON_IsObject(list) ? list : NULL; /* a split object: chairs */
        cJSON_ArrayForEach(s, list) {
            const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(s, "value"));
            if (name == NULL)
                name = cJSON_GetStringValue(cJSON_GetObjectItem(s, "goal_id"));
            if (name != NULL && strcmp(name, value) == 0)
                node = s;
        }
    }
    if (strcmp(gender, "total") == 0)
        node = cJSON_GetObjectItem(node, "total");
    else if (gender[0] != '\0')
        node = cJSON_GetObjectItem(cJSON_GetObjectItem(node, "by_gender"), gender);
    char **path = g_strsplit(measure, ".", -1);
    for (char **p = path; *p != NULL && node != NULL; p++)
        node = cJSON_GetObjectItem(node, *p);
    g_strfreev(path);
    g_free(measure);
    if (index >= 0)
        node = cJSON_IsArray(node) ? cJSON_GetArrayItem(node, index) : node;
    return node;
}

/* Splits one CSV record of the test document (fields hold no quotes or
 * newlines; a quoted field may hold the separator). */
static char **split_record(const char *line, char separator)
{
    GPtrArray *fields = g_ptr_array_new();
    GString *field = g_string_new(NULL);
    gboolean quoted = FALSE;
    for (const char *p = line;; p++) {
        if (*p == '"') {
            quoted = !quoted;
        } else if ((*p == separator && !quoted) || *p == '\0') {
            g_ptr_array_add(fields, g_strdup(field->str));
            g_string_truncate(field, 0);
            if (*p == '\0')
                break;
        } else {
            g_string_append_c(field, *p);
        }
    }
    g_ptr_array_add(fields, NULL);
    g_string_free(field, TRUE);
    return (char **)g_ptr_array_free(fields, FALSE);
}

static void check_csv_round_trip(jv_csv_dialect dialect)
{
    char *text = render("csv", JV_LANG_EN, dialect, FALSE);
    cJSON *doc = jvt_load_json("render/result.json");
    char separator = dialect == JV_CSV_EXCEL ? ';' : ',';
    const char *body = dialect == JV_CSV_EXCEL ? text + 3 : text;
    char **lines = g_strsplit(body, dialect == JV_CSV_EXCEL ? "\r\n" : "\n", -1);
    int numbers = 0, empty = 0, bad = 0, hidden = 0;
    for (char **l = lines + 1; *l != NULL && **l != '\0'; l++) {
        char **f = split_record(*l, separator);
        CU_ASSERT_EQUAL_FATAL(g_strv_length(f), 8);
        if (strcmp(f[5], "not_computed") == 0) { /* Syd's participation: its reason */
            CU_ASSERT_STRING_EQUAL(f[0], "Syd");
            CU_ASSERT_STRING_EQUAL(f[3], "there is no participation table for Syd "
                                         "(participation.csv not found)");
            CU_ASSERT_STRING_EQUAL(f[7], "..");
            g_strfreev(f);
            continue;
        }
        const cJSON *v = resolve(doc, f);
        if (f[6][0] == '\0') {
            /* empty: the document has null there, and a symbol says why */
            empty++;
            hidden += strcmp(f[7], "\xc3\x97") == 0;
            if (!cJSON_IsNull(v) || (strcmp(f[7], "\xc3\x97") != 0 && strcmp(f[7], "..") != 0))
                bad++, fprintf(stderr, "\n  not null in the document: %s\n", *l);
        } else {
            if (f[7][0] != '\0')
                bad++, fprintf(stderr, "\n  a symbol beside a number: %s\n", *l);
            char *number = g_strdup(f[6]);
            for (char *p = number; *p; p++)
                if (*p == ',')
                    *p = '.';
            double x = g_ascii_strtod(number, NULL);
            double expected = cJSON_IsBool(v) ? (cJSON_IsTrue(v) ? 1 : 0)
                              : v             ? v->valuedouble
                                              : NAN;
            if (!(cJSON_IsNumber(v) || cJSON_IsBool(v)) || x != expected)
                bad++, fprintf(stderr, "\n  does not read back: %s\n", *l);
            numbers++;
            g_free(number);
        }
        g_strfreev(f);
    }
    CU_ASSERT_EQUAL(bad, 0);
    /* Hand count of the test document's numbers is not practical; these
     * bounds catch a walk that stops early. */
    CU_ASSERT_TRUE(numbers > 400);
    CU_ASSERT_TRUE(empty > 50);
    CU_ASSERT_TRUE(hidden > 10 && hidden < empty);

    g_strfreev(lines);
    cJSON_Delete(doc);
    g_free(text);
}

static void test_csv_reads_back_to_the_documents_numbers_exactly(void)
{
    check_csv_round_trip(JV_CSV_EXCEL);
    check_csv_round_trip(JV_CSV_PLAIN);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"markdown_matches_golden_in_both_languages",
         test_markdown_matches_golden_in_both_languages},
        {"markdown_summary_has_hand_worked_shares", test_markdown_summary_has_hand_worked_shares},
        {"markdown_shows_other_categories_only_when_used",
         test_markdown_shows_other_categories_only_when_used},
        {"markdown_uses_language_for_numbers_and_labels",
         test_markdown_uses_language_for_numbers_and_labels},
        {"table_matches_golden_and_fits_100_columns",
         test_table_matches_golden_and_fits_100_columns},
        {"table_colours_only_when_asked_and_not_with_no_color",
         test_table_colours_only_when_asked_and_not_with_no_color},
        {"table_splits_many_columns_into_blocks", test_table_splits_many_columns_into_blocks},
        {"csv_matches_golden_in_both_dialects", test_csv_matches_golden_in_both_dialects},
        {"csv_excel_dialect_is_what_swedish_excel_opens",
         test_csv_excel_dialect_is_what_swedish_excel_opens},
        {"csv_reads_back_to_the_documents_numbers_exactly",
         test_csv_reads_back_to_the_documents_numbers_exactly},
        {NULL, NULL}};
    return jvt_main("render", tests);
}
