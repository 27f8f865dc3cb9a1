/* tests/test_evaluation.c — the evaluation file's schema
 * (core/config/evaluation.h, DESIGN.md "Evaluation file"): defaults, the
 * DESIGN.md example, region overrides and path resolution, and value
 * normalisation. Expected values come from DESIGN.md and the brief, worked
 * out by hand. Schema errors and their messages:
 * tests/test_evaluation_errors.c; malformed JSON and robustness:
 * tests/test_evaluation_json.c.
 */
#include "evaluation_helpers.h"

static const char *column(const jv_table_settings *s, const char *role)
{
    return s->columns ? g_hash_table_lookup(s->columns, role) : NULL;
}

/* ---- defaults and the DESIGN.md example ---------------------------------- */

static void test_defaults_are_resolved_when_options_are_absent(void)
{
    jv_evaluation *e = parse_as("{" TAIL "}", "studies/gender.json");
    if (e == NULL)
        return;
    CU_ASSERT_EQUAL(e->options.min_cell, 5);
    JVT_NEAR(e->options.balance_low, 0.40);
    JVT_NEAR(e->options.balance_high, 0.60);
    JVT_NEAR(e->options.confidence, 0.95);
    CU_ASSERT_FALSE(e->options.hash_inputs);
    CU_ASSERT_STRING_EQUAL(e->path, "studies/gender.json");
    CU_ASSERT_STRING_EQUAL(e->dir, "studies");
    /* The name defaults to the file's base name without ".json". */
    CU_ASSERT_STRING_EQUAL(e->name, "gender");
    CU_ASSERT_EQUAL(g_hash_table_size(e->tables), 0);
    CU_ASSERT_PTR_NULL(e->regions_column);
    CU_ASSERT_PTR_NULL(e->regions_dir);
    jv_evaluation_free(e);
}

static void test_text_without_a_path_is_named_string(void)
{
    /* jv_evaluation_parse(path NULL): messages say "<string>", the folder
     * is the current one and the name is "evaluation". */
    jv_evaluation *e = parse_as("{" TAIL "}", NULL);
    if (e != NULL) {
        CU_ASSERT_STRING_EQUAL(e->path, "<string>");
        CU_ASSERT_STRING_EQUAL(e->dir, ".");
        CU_ASSERT_STRING_EQUAL(e->name, "evaluation");
    }
    jv_evaluation_free(e);
    GError *error = NULL;
    CU_ASSERT_PTR_NULL(jv_evaluation_parse("{}", 2, NULL, &error));
    CU_ASSERT_STRING_EQUAL(error ? error->message : "", "<string>: missing "
                                                        "required key 'regions'");
    g_clear_error(&error);
}

static void test_options_given_replace_the_defaults(void)
{
    jv_evaluation *e = parse_as("{\"options\": {\"min_cell\": 0, \"balance\": [0.25, 0.75], "
                                "\"confidence\": 0.9, \"hash_inputs\": true}, " TAIL "}",
                                "ev.json");
    if (e == NULL)
        return;
    CU_ASSERT_EQUAL(e->options.min_cell, 0);
    JVT_NEAR(e->options.balance_low, 0.25);
    JVT_NEAR(e->options.balance_high, 0.75);
    JVT_NEAR(e->options.confidence, 0.9);
    CU_ASSERT_TRUE(e->options.hash_inputs);
    jv_evaluation_free(e);
}

static void check_design_example(jv_evaluation *e)
{
    CU_ASSERT_STRING_EQUAL(e->name, "Jämställd regional tillväxt 2016–2018");
    CU_ASSERT_EQUAL(e->options.min_cell, 5);
    JVT_NEAR(e->options.balance_low, 0.40);
    JVT_NEAR(e->options.confidence, 0.95);
    jv_table_settings *funding = g_hash_table_lookup(e->tables, "funding");
    CU_ASSERT_PTR_NOT_NULL_FATAL(funding);
    CU_ASSERT_EQUAL(funding->set, JV_SET_FILE | JV_SET_COLUMNS | JV_SET_CODES | JV_SET_DELIMITER |
                                      JV_SET_DECIMAL | JV_SET_ENCODING);
    CU_ASSERT_STRING_EQUAL(funding->file, "funding.csv");
    CU_ASSERT_STRING_EQUAL(column(funding, "gender"), "recipient_gender");
    GHashTable *gender = g_hash_table_lookup(funding->codes, "gender");
    CU_ASSERT_PTR_NOT_NULL_FATAL(gender);
    CU_ASSERT_STRING_EQUAL(g_hash_table_lookup(gender, "KV"), "woman");
    CU_ASSERT_EQUAL(funding->delimiter, ';');
    CU_ASSERT_EQUAL(funding->decimal, ',');
    CU_ASSERT_STRING_EQUAL(funding->encoding, "windows-1252");
    CU_ASSERT_EQUAL(funding->on_error, JV_ON_ERROR_STOP);
    CU_ASSERT_EQUAL_FATAL(e->regions->len, 2);
    jv_region_def *orebro = g_ptr_array_index(e->regions, 0);
    jv_region_def *vnorr = g_ptr_array_index(e->regions, 1);
    CU_ASSERT_STRING_EQUAL(orebro->name, "Örebro");
    CU_ASSERT_STRING_EQUAL(vnorr->name, "Västernorrland");
    CU_ASSERT_EQUAL(g_hash_table_size(orebro->tables), 0);
    CU_ASSERT_EQUAL(g_hash_table_size(vnorr->tables), 1);
    CU_ASSERT_EQUAL_FATAL(e->indicators->len, 4);
    static const char *const plugins[] = {"funding_share", "participation", "training_reach",
                                          "goal_fulfilment"};
    for (guint i = 0; i < 4; i++) {
        jv_indicator_def *ind = g_ptr_array_index(e->indicators, i);
        CU_ASSERT_STRING_EQUAL(ind->plugin, plugins[i]);
        CU_ASSERT_STRING_EQUAL(ind->name, plugins[i]); /* name defaults */
        CU_ASSERT_TRUE(cJSON_IsObject(ind->params));
        char expected_path[32];
        g_snprintf(expected_path, sizeof expected_path, "indicators[%u]", i);
        CU_ASSERT_STRING_EQUAL(ind->json_path, expected_path);
    }
    jv_indicator_def *share = g_ptr_array_index(e->indicators, 0);
    cJSON *by = cJSON_GetObjectItem(share->params, "by");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(by), 2);
    CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(by, 1)->valuestring, "sector");
    jv_indicator_def *reach = g_ptr_array_index(e->indicators, 2);
    CU_ASSERT_PTR_NULL(reach->params->child); /* {} when not given */
}

static void test_design_example_loads_from_a_file(void)
{
    char *path = data_path("design_example.json");
    char *dir = data_path("");
    if (dir[strlen(dir) - 1] == '/')
        dir[strlen(dir) - 1] = '\0';
    GError *error = NULL;
    jv_evaluation *e = jv_evaluation_load(path, &error);
    CU_ASSERT_PTR_NOT_NULL(e);
    if (e != NULL) {
        check_design_example(e);
        CU_ASSERT_STRING_EQUAL(e->path, path);
        CU_ASSERT_STRING_EQUAL(e->dir, dir);
        /* "dir": "data/orebro" is relative to the evaluation file. */
        char *orebro = g_build_filename(dir, "data", "orebro", NULL);
        CU_ASSERT_STRING_EQUAL(((jv_region_def *)g_ptr_array_index(e->regions, 0))->dir, orebro);
        g_free(orebro);
        jv_evaluation_free(e);
    } else {
        g_error_free(error);
    }
    g_free(dir);
    g_free(path);
}

/* ---- region overrides and paths ----------------------------------------- */

#define OVERRIDES                                                                                  \
    "{\"tables\": {\"funding\": {\"file\": \"stod.csv\", \"columns\": "                            \
    "{\"gender\": \"kon\", \"amount_granted\": \"belopp\"}, "                                      \
    "\"delimiter\": \";\", \"decimal\": \",\", \"encoding\": \"cp1252\"}}, "                       \
    "\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}, "                                            \
    "{\"name\": \"B\", \"dir\": \"b\", \"tables\": "                                               \
    "{\"funding\": {\"file\": \"stod-2017.csv\"}}}, "                                              \
    "{\"name\": \"C\", \"dir\": \"/abs/c\", \"tables\": {\"funding\": "                            \
    "{\"columns\": {\"gender\": \"kön\"}, \"encoding\": \"utf-8\", "                              \
    "\"on_error\": \"skip\"}}}], "                                                                 \
    "\"indicators\": [{\"plugin\": \"funding_share\"}]}"

static jv_table_settings *table_of(jv_evaluation *e, guint region, const char *table, char **path)
{
    return jv_evaluation_table(e, g_ptr_array_index(e->regions, region), table, path);
}

/* A table's settings in one region of OVERRIDES (parsed as
 * studies/ev.json), with its path; release() frees them. */
typedef struct region_table {
    jv_evaluation *e;
    jv_table_settings *s;
    char *path;
} region_table;

/* FALSE (and nothing to release) when OVERRIDES did not parse. */
static gboolean overridden(region_table *t, guint region, const char *table)
{
    t->e = parse_as(OVERRIDES, "studies/ev.json");
    if (t->e == NULL)
        return FALSE;
    t->s = table_of(t->e, region, table, &t->path);
    return TRUE;
}

static void release(region_table *t)
{
    jv_table_settings_free(t->s);
    g_free(t->path);
    jv_evaluation_free(t->e);
}

static void test_region_without_overrides_gets_the_defaults(void)
{
    region_table t;
    if (!overridden(&t, 0, "funding"))
        return;
    CU_ASSERT_STRING_EQUAL(t.path, "studies/a/stod.csv");
    CU_ASSERT_STRING_EQUAL(t.s->file, "stod.csv");
    CU_ASSERT_STRING_EQUAL(column(t.s, "gender"), "kon");
    CU_ASSERT_STRING_EQUAL(column(t.s, "amount_granted"), "belopp");
    CU_ASSERT_EQUAL(t.s->delimiter, ';');
    CU_ASSERT_EQUAL(t.s->decimal, ',');
    CU_ASSERT_STRING_EQUAL(t.s->encoding, "windows-1252"); /* "cp1252" */
    CU_ASSERT_EQUAL(t.s->set, JV_SET_FILE | JV_SET_COLUMNS | JV_SET_DELIMITER | JV_SET_DECIMAL |
                                  JV_SET_ENCODING);
    release(&t);
}

static void test_region_overriding_file_keeps_default_columns(void)
{
    region_table t;
    if (!overridden(&t, 1, "funding"))
        return;
    CU_ASSERT_STRING_EQUAL(t.path, "studies/b/stod-2017.csv");
    CU_ASSERT_STRING_EQUAL(t.s->file, "stod-2017.csv");
    CU_ASSERT_EQUAL(g_hash_table_size(t.s->columns), 2);
    CU_ASSERT_STRING_EQUAL(column(t.s, "gender"), "kon");
    CU_ASSERT_STRING_EQUAL(column(t.s, "amount_granted"), "belopp");
    CU_ASSERT_EQUAL(t.s->delimiter, ';');
    CU_ASSERT_STRING_EQUAL(t.s->encoding, "windows-1252");
    release(&t);
}

static void test_region_override_replaces_only_the_fields_it_sets(void)
{
    region_table t;
    if (!overridden(&t, 2, "funding"))
        return;
    /* An absolute region dir stays absolute; the default file is kept. */
    CU_ASSERT_STRING_EQUAL(t.path, "/abs/c/stod.csv");
    /* "columns" is one field: the region's map replaces the default's. */
    CU_ASSERT_EQUAL(g_hash_table_size(t.s->columns), 1);
    CU_ASSERT_STRING_EQUAL(column(t.s, "gender"), "kön");
    CU_ASSERT_STRING_EQUAL(t.s->encoding, "utf-8");
    CU_ASSERT_EQUAL(t.s->on_error, JV_ON_ERROR_SKIP);
    CU_ASSERT_EQUAL(t.s->delimiter, ';'); /* from the defaults */
    CU_ASSERT_EQUAL(t.s->decimal, ',');
    CU_ASSERT_EQUAL(t.s->set, JV_SET_FILE | JV_SET_COLUMNS | JV_SET_DELIMITER | JV_SET_DECIMAL |
                                  JV_SET_ENCODING | JV_SET_ON_ERROR);
    release(&t);
}

static void test_undeclared_table_defaults_to_table_name_csv(void)
{
    region_table t;
    if (!overridden(&t, 0, "population"))
        return;
    CU_ASSERT_STRING_EQUAL(t.path, "studies/a/population.csv");
    CU_ASSERT_STRING_EQUAL(t.s->file, "population.csv");
    CU_ASSERT_EQUAL(t.s->set, 0);
    CU_ASSERT_PTR_NULL(t.s->columns);
    CU_ASSERT_PTR_NULL(t.s->codes);
    CU_ASSERT_EQUAL(t.s->delimiter, 0); /* detect */
    CU_ASSERT_EQUAL(t.s->decimal, 0);   /* auto */
    CU_ASSERT_PTR_NULL(t.s->encoding);  /* utf-8 */
    CU_ASSERT_EQUAL(t.s->on_error, JV_ON_ERROR_STOP);
    release(&t);
}

static void test_relative_paths_stay_as_written(void)
{
    /* An evaluation in the current folder adds no "./"; a region dir "."
     * is the evaluation's folder; an absolute file is used as it is. */
    const char *text = "{\"tables\": {\"goals\": {\"file\": \"/srv/goals.csv\"}}, "
                       "\"regions\": [{\"name\": \"A\", \"dir\": \"data/orebro\"}, "
                       "{\"name\": \"B\", \"dir\": \".\"}], "
                       "\"indicators\": [{\"plugin\": \"funding_share\"}]}";
    jv_evaluation *e = parse_as(text, "ev.json");
    jv_evaluation *f = parse_as(text, "studies/ev.json");
    if (e == NULL || f == NULL)
        return;
    CU_ASSERT_STRING_EQUAL(e->dir, ".");
    struct {
        jv_evaluation *e;
        guint region;
        const char *table, *want;
    } cases[] = {
        {e, 0, "funding", "data/orebro/funding.csv"},
        {e, 1, "funding", "funding.csv"},
        {f, 0, "funding", "studies/data/orebro/funding.csv"},
        {f, 1, "funding", "studies/funding.csv"},
        {f, 0, "goals", "/srv/goals.csv"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *path;
        jv_table_settings *s = table_of(cases[i].e, cases[i].region, cases[i].table, &path);
        CU_ASSERT_STRING_EQUAL(path, cases[i].want);
        jv_table_settings_free(s);
        g_free(path);
    }
    jv_evaluation_free(e);
    jv_evaluation_free(f);
}

static void test_regions_from_a_column_read_national_tables(void)
{
    jv_evaluation *e =
        parse_as("{\"regions\": {\"column\": \"region\", \"dir\": \"data/national\"}, "
                 "\"indicators\": [{\"plugin\": \"funding_share\"}]}",
                 "studies/ev.json");
    jv_evaluation *d = parse_as("{\"regions\": {\"column\": \"lan\"}, "
                                "\"indicators\": [{\"plugin\": \"funding_share\"}]}",
                                "studies/ev.json");
    if (e == NULL || d == NULL)
        return;
    CU_ASSERT_EQUAL(e->regions->len, 0);
    CU_ASSERT_STRING_EQUAL(e->regions_column, "region");
    CU_ASSERT_STRING_EQUAL(e->regions_dir, "studies/data/national");
    char *path;
    jv_table_settings *s = jv_evaluation_table(e, NULL, "funding", &path);
    CU_ASSERT_STRING_EQUAL(path, "studies/data/national/funding.csv");
    jv_table_settings_free(s);
    g_free(path);
    CU_ASSERT_STRING_EQUAL(d->regions_dir, "studies"); /* dir defaults to "." */
    jv_evaluation_free(e);
    jv_evaluation_free(d);
}

/* ---- value normalisation and names --------------------------------------- */

static void test_encoding_names_are_normalised(void)
{
    static const char *const cases[][2] = {
        {"UTF8", "utf-8"},          {"utf-8", "utf-8"},
        {"cp1252", "windows-1252"}, {"Windows-1252", "windows-1252"},
        {"latin1", "iso-8859-1"},   {"ISO-8859-1", "iso-8859-1"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *text = g_strdup_printf("{\"tables\": {\"t\": {\"encoding\": "
                                     "\"%s\"}}, " TAIL "}",
                                     cases[i][0]);
        jv_evaluation *e = parse_as(text, "ev.json");
        if (e != NULL) {
            jv_table_settings *t = g_hash_table_lookup(e->tables, "t");
            CU_ASSERT_STRING_EQUAL(t->encoding, cases[i][1]);
        }
        jv_evaluation_free(e);
        g_free(text);
    }
}

static void test_delimiter_tab_is_written_as_word_or_character(void)
{
    jv_evaluation *e =
        parse_as("{\"tables\": {\"a\": {\"delimiter\": \"tab\"}, \"b\": {\"delimiter\": "
                 "\"\\t\"}, \"c\": {\"delimiter\": \",\", \"decimal\": \".\"}}, " TAIL "}",
                 "ev.json");
    if (e == NULL)
        return;
    jv_table_settings *a = g_hash_table_lookup(e->tables, "a");
    jv_table_settings *b = g_hash_table_lookup(e->tables, "b");
    jv_table_settings *c = g_hash_table_lookup(e->tables, "c");
    CU_ASSERT_EQUAL(a->delimiter, '\t');
    CU_ASSERT_EQUAL(b->delimiter, '\t');
    CU_ASSERT_EQUAL(c->delimiter, ',');
    CU_ASSERT_EQUAL(c->decimal, '.');
    jv_evaluation_free(e);
}

static void test_one_plugin_runs_twice_under_two_names(void)
{
    jv_evaluation *e =
        parse_as("{\"regions\": [{\"name\": \"A\", \"dir\": \"a\"}], \"indicators\": ["
                 "{\"plugin\": \"funding_share\"}, {\"plugin\": \"funding_share\", "
                 "\"name\": \"funding_by_sector\", \"params\": {\"by\": [\"sector\"]}}]}",
                 "ev.json");
    if (e == NULL)
        return;
    jv_indicator_def *second = g_ptr_array_index(e->indicators, 1);
    CU_ASSERT_STRING_EQUAL(second->name, "funding_by_sector");
    CU_ASSERT_STRING_EQUAL(second->plugin, "funding_share");
    CU_ASSERT_STRING_EQUAL(second->json_path, "indicators[1]");
    jv_evaluation_free(e);
}

static void test_comment_keys_are_ignored_in_every_object(void)
{
    jv_evaluation *e =
        parse_as("{\"$comment\": \"top\", \"options\": {\"$comment\": 1}, "
                 "\"tables\": {\"$comment\": \"t\", \"funding\": {\"$comment\": [], "
                 "\"columns\": {\"$comment\": \"c\", \"gender\": \"kon\"}, "
                 "\"codes\": {\"$comment\": \"c\", \"gender\": {\"$comment\": \"c\", "
                 "\"K\": \"woman\"}}}}, "
                 "\"regions\": [{\"$comment\": \"r\", \"name\": \"A\", \"dir\": \"a\"}], "
                 "\"indicators\": [{\"$comment\": \"i\", \"plugin\": \"funding_share\", "
                 "\"params\": {\"$comment\": \"p\", \"by\": []}}]}",
                 "ev.json");
    if (e == NULL)
        return;
    CU_ASSERT_EQUAL(g_hash_table_size(e->tables), 1);
    jv_table_settings *t = g_hash_table_lookup(e->tables, "funding");
    CU_ASSERT_EQUAL(g_hash_table_size(t->columns), 1);
    CU_ASSERT_EQUAL(g_hash_table_size(t->codes), 1);
    CU_ASSERT_EQUAL(g_hash_table_size(g_hash_table_lookup(t->codes, "gender")), 1);
    jv_indicator_def *ind = g_ptr_array_index(e->indicators, 0);
    /* The plugin sees its params without the comment. */
    CU_ASSERT_EQUAL(cJSON_GetArraySize(ind->params), 1);
    CU_ASSERT_FALSE(cJSON_HasObjectItem(ind->params, "$comment"));
    jv_evaluation_free(e);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"defaults are resolved when options are absent",
         test_defaults_are_resolved_when_options_are_absent},
        {"text without a path is named <string>", test_text_without_a_path_is_named_string},
        {"options given replace the defaults", test_options_given_replace_the_defaults},
        {"DESIGN.md example loads from a file", test_design_example_loads_from_a_file},
        {"region without overrides gets the defaults",
         test_region_without_overrides_gets_the_defaults},
        {"region overriding file keeps default columns",
         test_region_overriding_file_keeps_default_columns},
        {"region override replaces only the fields it sets",
         test_region_override_replaces_only_the_fields_it_sets},
        {"undeclared table defaults to <table>.csv",
         test_undeclared_table_defaults_to_table_name_csv},
        {"relative paths stay as written", test_relative_paths_stay_as_written},
        {"regions from a column read national tables",
         test_regions_from_a_column_read_national_tables},
        {"encoding names are normalised", test_encoding_names_are_normalised},
        {"delimiter tab is written as word or character",
         test_delimiter_tab_is_written_as_word_or_character},
        {"one plugin runs twice under two names", test_one_plugin_runs_twice_under_two_names},
        {"$comment keys are ignored in every object",
         test_comment_keys_are_ignored_in_every_object},
        {NULL, NULL}};
    return jvt_main("evaluation file", tests);
}
