/* tests/test_plugin_texts.c — ABI 1.1's titles, labels and units: the
 * loader's checks of the new fields (a descriptor that says 1.1 must be
 * 1.1's size; languages, titles and units well formed), the copy into a
 * result document's evaluation.plugins[], and the built-ins' words in a
 * real run. (A frozen 1.0 plugin without these fields keeps loading:
 * tests/sdk/abi_1_0_plugin.c.) The descriptors' callbacks are the
 * fixtures' rows_share.c; only the loader's checks see them here. */
#include "harness.h"

#include <glib.h>
#include <stddef.h>
#include <string.h>

#include "fixtures/rows_share.h"
#include "plugin/describe.h"
#include "plugin/plugin_check.h"

static const jv_role roles[] = {{"gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL, "gender"}};
static const jv_table_spec tables[] = {{"projects", 1, roles, 1}};

static const jv_label labels_sv[] = {
    {"projects", "Projekt"}, {"pay_gap", "Löneskillnad"}, {NULL, NULL}};
static const jv_translation texts[] = {{.lang = "en", .title = "Projects"},
                                       {.lang = "sv", .title = "Projekt", .labels = labels_sv},
                                       {.lang = NULL}};
static const jv_key_unit units[] = {{"projects", JV_UNIT_COUNT},
                                    {"pay_gap", JV_UNIT_AMOUNT_DIFFERENCE},
                                    {"share", JV_UNIT_SHARE},
                                    {NULL, 0}};

static jv_plugin descriptor(void)
{
    return (jv_plugin){.abi_major = JV_ABI_MAJOR,
                       .abi_minor = 1,
                       .struct_size = sizeof(jv_plugin),
                       .name = "projects",
                       .version = "1.0.0",
                       .summary = "test",
                       ROWS_SHARE_PLUGIN(tables, rows_share_consume, rows_share_finish),
                       .texts = texts,
                       .units = units};
}

/* The reason a descriptor is rejected (g_free), or NULL when accepted. */
static char *rejection(const jv_plugin *desc)
{
    jv_plugin copy;
    char *why = NULL;
    if (!jv_plugin_check_descriptor(desc, &copy, &why))
        return why;
    if (!jv_plugin_check_schema(&copy, &why))
        return why;
    return NULL;
}

static void test_a_1_1_descriptor_with_texts_and_units_is_accepted(void)
{
    jv_plugin d = descriptor();
    char *why = rejection(&d);
    CU_ASSERT_PTR_NULL(why);
    g_free(why);
}

static void test_a_1_1_descriptor_of_1_0_size_is_rejected(void)
{
    jv_plugin d = descriptor();
    d.struct_size = (uint32_t)(offsetof(jv_plugin, load) + sizeof(void *));
    char *why = rejection(&d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(why);
    CU_ASSERT_PTR_NOT_NULL(strstr(why, "descriptor too small"));
    g_free(why);
    /* the same size saying 1.0 is a 1.0 plugin: accepted, without words */
    d.abi_minor = 0;
    jv_plugin copy;
    CU_ASSERT_TRUE(jv_plugin_check_descriptor(&d, &copy, &why));
    CU_ASSERT_PTR_NULL(copy.texts);
    CU_ASSERT_PTR_NULL(copy.units);
}

static void test_bad_texts_and_units_are_rejected_with_a_reason(void)
{
    static const jv_translation no_title[] = {{.lang = "sv", .title = ""}, {.lang = NULL}};
    static const jv_translation bad_lang[] = {{.lang = "svenska", .title = "X"}, {.lang = NULL}};
    static const jv_translation twice[] = {
        {.lang = "sv", .title = "X"}, {.lang = "sv", .title = "Y"}, {.lang = NULL}};
    static const jv_key_unit bad_unit[] = {{"x", (jv_unit)99}, {NULL, 0}};
    static const struct {
        const jv_translation *texts;
        const jv_key_unit *units;
        const char *why;
    } cases[] = {
        {no_title, NULL, "texts 'sv': the title is missing"},
        {bad_lang, NULL, "texts: language 'svenska' is not a two-letter code"},
        {twice, NULL, "texts: language 'sv' given twice"},
        {NULL, bad_unit, "units: key 'x' has unknown unit 99"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        jv_plugin d = descriptor();
        d.texts = cases[i].texts;
        d.units = cases[i].units;
        char *why = rejection(&d);
        CU_ASSERT_PTR_NOT_NULL_FATAL(why);
        if (strstr(why, cases[i].why) == NULL)
            fprintf(stderr, "\n  expected '%s' in '%s'\n", cases[i].why, why);
        CU_ASSERT_PTR_NOT_NULL(strstr(why, cases[i].why));
        g_free(why);
    }
}

static void test_describe_copies_titles_labels_and_units(void)
{
    jv_plugin d = descriptor();
    cJSON *item = cJSON_CreateObject();
    jv_plugin_describe(&d, item);
    CU_ASSERT_STRING_EQUAL(jvt_str(item, "title/en"), "Projects");
    CU_ASSERT_STRING_EQUAL(jvt_str(item, "title/sv"), "Projekt");
    CU_ASSERT_STRING_EQUAL(jvt_str(item, "labels/sv/pay_gap"), "Löneskillnad");
    CU_ASSERT_PTR_NULL(jvt_get(item, "labels/en")); /* English gave no labels */
    CU_ASSERT_STRING_EQUAL(jvt_str(item, "units/projects"), "count");
    CU_ASSERT_STRING_EQUAL(jvt_str(item, "units/pay_gap"), "amount_difference");
    CU_ASSERT_STRING_EQUAL(jvt_str(item, "units/share"), "share");
    cJSON_Delete(item);
    /* a 1.0 plugin adds nothing */
    d.texts = NULL;
    d.units = NULL;
    item = cJSON_CreateObject();
    jv_plugin_describe(&d, item);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(item), 0);
    cJSON_Delete(item);
}

static void test_a_run_carries_the_built_ins_titles_and_units(void)
{
    char *message = NULL;
    cJSON *doc = jvt_run("funding_share/basic.json", -1, &message);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    CU_ASSERT_STRING_EQUAL(jvt_str(doc, "evaluation/plugins/0/name"), "funding_share");
    CU_ASSERT_STRING_EQUAL(jvt_str(doc, "evaluation/plugins/0/title/sv"),
                           "Finansiering: ansökningar och beviljade medel");
    CU_ASSERT_STRING_EQUAL(jvt_str(doc, "evaluation/plugins/0/title/en"),
                           "Funding: applications and money granted");
    CU_ASSERT_STRING_EQUAL(jvt_str(doc, "evaluation/plugins/0/units/approval_gap"), "points");
    CU_ASSERT_STRING_EQUAL(jvt_str(doc, "evaluation/plugins/0/units/amount_granted"), "amount");
    cJSON_Delete(doc);
    g_free(message);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"a_1_1_descriptor_with_texts_and_units_is_accepted",
         test_a_1_1_descriptor_with_texts_and_units_is_accepted},
        {"a_1_1_descriptor_of_1_0_size_is_rejected", test_a_1_1_descriptor_of_1_0_size_is_rejected},
        {"bad_texts_and_units_are_rejected_with_a_reason",
         test_bad_texts_and_units_are_rejected_with_a_reason},
        {"describe_copies_titles_labels_and_units", test_describe_copies_titles_labels_and_units},
        {"a_run_carries_the_built_ins_titles_and_units",
         test_a_run_carries_the_built_ins_titles_and_units},
        {NULL, NULL}};
    return jvt_main("plugin texts", tests);
}
