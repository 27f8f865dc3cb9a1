/* leader_share.c — an indicator plugin built outside jamvikt, the complete
 * example of docs/plugin-guide.md (2.14): women's share of project leaders
 * among funded projects, per region and pooled, optionally broken down by
 * one column (params.by). Table `projects`: leader_gender, funded (yes/no),
 * an optional amount_granted (>= 0). The state is a gender tally
 * (jamvikt/tally.h): the host keeps its counts and exact sums per gender and
 * breakdown value, merges, pools, saves and loads it and declares its
 * disclosure cells; this file says what a row counts and writes the result. */
#include <math.h>

#include <jamvikt/jamvikt.h>

#define SAVE_FORMAT 2

static const jv_host *host;

/* The roles of table 0 ("projects"); configure() adds the breakdown's. */
enum { LEADER_GENDER, FUNDED, AMOUNT_GRANTED, N_ROLES };

/* What the tally counts per gender. Projects and funded are protected counts;
 * amount_rows lets a region without any amount write amount_granted null. */
enum { PROJECTS, FUNDED_PROJECTS, AMOUNT, AMOUNT_ROWS, N_MEASURES };

static const jv_measure measures[N_MEASURES] = {
    [PROJECTS] = {.name = "projects", .column = -1, .flags = JV_MEASURE_PROTECTED},
    [FUNDED_PROJECTS] = {.name = "funded", .column = FUNDED, .flags = JV_MEASURE_PROTECTED,
                         .at_most = "projects"},
    [AMOUNT] = {.name = "amount_granted", .column = AMOUNT_GRANTED},
    [AMOUNT_ROWS] = {.name = "amount_rows", .column = AMOUNT_GRANTED, .at_most = "projects"},
};

static const jv_tally_spec spec = {
    .measures = measures, .n_measures = N_MEASURES, .table = 0, .gender_column = LEADER_GENDER};

/* params.by becomes a role (an empty cell is the value ""); the instance is
 * its column index in batches, and later callbacks read the name again. */
static int configure(jv_ctx *ctx, void **out)
{
    const char *by = host->param_string(ctx, "by");
    int *column = host->alloc0(sizeof *column);
    if (by != NULL && (*column = host->add_role(ctx, 0, by, JV_TYPE_CATEGORY,
                                                JV_ROLE_REQUIRED | JV_ROLE_EMPTY_IS_VALUE)) < 0) {
        host->free(column);
        return -1; /* add_role has reported why */
    }
    *out = column;
    return 0;
}

static void release(jv_ctx *ctx, void *column)
{
    (void)ctx;
    host->free(column);
}

/* --- the state: a tally with no breakdown, or params.by ----------------------- */

static void *init(jv_ctx *ctx)
{
    const char *by = host->param_string(ctx, "by");
    return host->tally_new(ctx, &spec, by != NULL, &by, host->instance(ctx));
}

static int consume(jv_ctx *ctx, void *tally, const jv_batch *batch)
{
    const uint8_t *funded = batch->columns[FUNDED].booleans;
    const jv_column *amount = &batch->columns[AMOUNT_GRANTED];
    /* What each row adds, and which rows to leave out: one buffer a batch. */
    int64_t *values = host->alloc0((batch->n_rows + 1) * N_MEASURES * sizeof *values);
    uint8_t *skip = host->alloc0(batch->n_rows + 1);
    int status = 0;
    for (size_t i = 0; i < batch->n_rows && status == 0; i++) {
        int has_amount = amount->present && !(amount->missing && amount->missing[i]);
        int64_t *row = values + i * N_MEASURES;
        row[PROJECTS] = 1;
        row[FUNDED_PROJECTS] = funded[i] != 0;
        row[AMOUNT] = has_amount ? amount->numbers[i] : 0;
        row[AMOUNT_ROWS] = has_amount;
        if (!funded[i] && row[AMOUNT] > 0) { /* row_error is 1: "on_error" is "skip" */
            skip[i] = (uint8_t)host->row_error(ctx, batch, i, AMOUNT_GRANTED, "the project is "
                                               "not funded but amount_granted is above 0");
            status = skip[i] ? 0 : -1;
        }
    }
    if (status == 0)
        status = host->tally_add(ctx, tally, batch, values, skip);
    host->free(values);
    host->free(skip);
    return status;
}

static int merge(jv_ctx *ctx, void *into, const void *from)
{
    return host->tally_merge(ctx, into, from);
}

static int cells(jv_ctx *ctx, const void *tally, jv_cells *out)
{
    return host->tally_declare(ctx, tally, out);
}

static void destroy(jv_ctx *ctx, void *tally)
{
    (void)ctx;
    host->tally_free(tally);
}

static int save(jv_ctx *ctx, const void *tally, jv_writer *out)
{
    host->put_integer(out, "format", SAVE_FORMAT);
    host->tally_save(ctx, tally, out, "tally");
    return 0;
}

/* A saved state is {"format": 2, "tally": {...}}; tally_load checks the rest. */
static void *load(jv_ctx *ctx, const jv_node *in)
{
    const char *by = host->param_string(ctx, "by");
    int64_t format = 0;
    const jv_node *node = host->node_get(in, "format");
    if (node == NULL || host->node_integer(node, &format) != 0 || format != SAVE_FORMAT) {
        host->error(ctx, "saved state of leader_share has format %lld; this plugin reads "
                         "format %d: run `jamvikt run --save-state` again with this version",
                    (long long)format, SAVE_FORMAT);
        return NULL;
    }
    return host->tally_load(ctx, &spec, by != NULL, &by, host->instance(ctx),
                            host->node_get(in, "tally"));
}

/* --- the result --------------------------------------------------------------- */

/* One category's (or the total's) measures: c[m] is measure m. */
static void put_cell(jv_ctx *ctx, jv_writer *w, const char *key, const int64_t *c,
                     int suppressed, int has_amount)
{
    host->begin_object(w, key);
    if (suppressed) {
        static const char *const keys[] = {"projects", "funded", "funded_rate",
                                           "funded_rate_ci", "amount_granted"};
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            host->put_null(w, keys[i]);
    } else {
        double ci[2];
        host->put_integer(w, "projects", c[PROJECTS]);
        host->put_integer(w, "funded", c[FUNDED_PROJECTS]);
        host->put_number(w, "funded_rate",
                         c[PROJECTS] ? (double)c[FUNDED_PROJECTS] / (double)c[PROJECTS] : NAN);
        host->wilson(ctx, c[FUNDED_PROJECTS], c[PROJECTS], ci);
        host->put_interval(w, "funded_rate_ci", ci);
        if (has_amount)
            host->put_fixed(w, "amount_granted", c[AMOUNT]);
        else
            host->put_null(w, "amount_granted");
    }
    host->put_bool(w, "suppressed", suppressed);
    host->end_object(w);
}

/* Writes the split of value i of breakdown k (JV_TALLY_MAIN: the scope) and
 * puts its women's share of funded projects and more in *headline. */
static void put_split(jv_ctx *ctx, jv_writer *w, const jv_tally *tally, size_t k, size_t i,
                      int has_amount, jv_headline *headline)
{
    const int64_t *cells = host->tally_cells(tally, k, i);
    int64_t total[N_MEASURES] = {0};
    int suppressed[JV_GENDERS];
    host->begin_object(w, "by_gender");
    for (int g = 0; g < JV_GENDERS; g++) {
        suppressed[g] = host->tally_suppressed(ctx, tally, k, i, g) != 0;
        put_cell(ctx, w, host->gender_name(g), cells + g * N_MEASURES, suppressed[g], has_amount);
        for (int m = 0; m < N_MEASURES; m++)
            total[m] += cells[g * N_MEASURES + m];
    }
    host->end_object(w);
    put_cell(ctx, w, "total", total, host->tally_suppressed(ctx, tally, k, i, JV_TOTAL) != 0,
             has_amount);

    const int64_t *woman = cells + JV_WOMAN * N_MEASURES, *man = cells + JV_MAN * N_MEASURES;
    int usable = !suppressed[JV_WOMAN] && !suppressed[JV_MAN];
    int64_t k_woman = woman[FUNDED_PROJECTS], n = k_woman + man[FUNDED_PROJECTS];
    double share = usable ? host->women_share((double)k_woman, (double)man[FUNDED_PROJECTS]) : NAN;
    host->begin_object(w, "women_share"); /* of projects, funded, amount_granted */
    for (int m = PROJECTS; m <= AMOUNT; m++)
        host->put_number(w, measures[m].name,
                         usable && (m != AMOUNT || has_amount)
                             ? host->women_share((double)woman[m], (double)man[m])
                             : NAN);
    host->end_object(w);

    /* The share is of persons (project leaders), so it has an interval. */
    headline->value = share;
    headline->balance = host->balance(ctx, share); /* no_data when not usable: */
    headline->balance_certain = host->balance_certain(ctx, headline->balance, k_woman, n);
    headline->ci[0] = headline->ci[1] = NAN;       /* then certainty and ci are null */
    if (usable)
        host->wilson(ctx, k_woman, n, headline->ci);
    host->put_balance(w, "balance", headline->balance);
    host->put_tristate(w, "balance_certain", headline->balance_certain);
    host->put_interval(w, "ci", headline->ci);
}

static int finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out)
{
    (void)total;
    const jv_tally *tally = state;
    const char *by = host->param_string(ctx, "by");
    const int64_t *cells = host->tally_cells(tally, JV_TALLY_MAIN, 0);
    int has_amount = 0;
    for (int g = 0; g < JV_GENDERS; g++)
        has_amount |= cells[g * N_MEASURES + AMOUNT_ROWS] > 0;
    jv_headline headline = {.metric = "women_share_funded", .unit = "share",
                            .label = "Women's share of project leaders among funded projects"};
    put_split(ctx, out, tally, JV_TALLY_MAIN, 0, has_amount, &headline);

    host->begin_object(out, "breakdowns");
    if (by != NULL) {
        host->begin_array(out, by);
        for (size_t i = 0; i < host->tally_size(tally, 0); i++) {
            jv_headline unused;
            host->begin_object(out, NULL);
            host->put_string(out, "value", host->tally_value(tally, 0, i, NULL));
            put_split(ctx, out, tally, 0, i, has_amount, &unused);
            host->end_object(out);
        }
        host->end_array(out);
    }
    host->end_object(out);
    host->put_headline(out, &headline);
    return 0;
}

/* --- the descriptor ------------------------------------------------------------- */

static const jv_role roles[N_ROLES] = {
    [LEADER_GENDER] = {"leader_gender", JV_TYPE_GENDER, JV_ROLE_REQUIRED, NULL,
                       "gender of the project leader"},
    [FUNDED] = {"funded", JV_TYPE_BOOLEAN, JV_ROLE_REQUIRED, NULL,
                "whether the project was funded (ja/nej, yes/no, 1/0)"},
    [AMOUNT_GRANTED] = {"amount_granted", JV_TYPE_NUMBER, JV_ROLE_NONNEGATIVE, NULL,
                        "money granted; 0 or empty when not funded"},
};

static const jv_table_spec tables[] = {{"projects", 1, roles, N_ROLES}};

static const jv_param_spec params[] = {
    {"by", JV_PARAM_STRING, "null", "a column to break every figure down by (\"programme\")"}};

/* ABI 1.1: the titles, Swedish labels (English falls back to keys), units. */
static const jv_label labels_sv[] = {
    {"projects", "Projekt"}, {"funded", "Beviljade projekt"},
    {"funded_rate", "Andel beviljade projekt"}, {"amount_granted", "Beviljat belopp"},
    {"women_share_funded", "Kvinnors andel av projektledarna i beviljade projekt"}, {NULL, NULL},
};

static const jv_translation texts[] = {
    {.lang = "en", .title = "Women project leaders in funded projects"},
    {.lang = "sv", .title = "Kvinnliga projektledare i beviljade projekt", .labels = labels_sv},
    {.lang = NULL},
};

static const jv_key_unit units[] = {
    {"projects", JV_UNIT_COUNT},       {"funded", JV_UNIT_COUNT},
    {"funded_rate", JV_UNIT_SHARE},    {"funded_rate_ci", JV_UNIT_SHARE},
    {"amount_granted", JV_UNIT_AMOUNT}, {"women_share_funded", JV_UNIT_SHARE},
    {NULL, 0},
};

/* Declares the descriptor and the exported entry function (keeps `host`). */
JV_PLUGIN_DEFINE(host, leader_share) = {
    JV_PLUGIN_ABI,
    .name = "leader_share",
    .version = "1.1.0",
    .summary = "women's share of project leaders among funded projects",
    .tables = tables, .n_tables = 1,
    .params = params, .n_params = 1,
    .configure = configure, .release = release,
    .init = init, .consume = consume, .merge = merge, .pool = merge, /* projects are rows */
    .cells = cells, .finish = finish, .destroy = destroy,
    .save = save, .load = load,
    .texts = texts, .units = units,
};
