/* plugins/training-reach/result.c — the figures of training_reach from
 * its tally (training_reach.h): the result (INDICATORS.md
 * "training_reach", "Result shapes"), the disclosure groups and families,
 * and the check of a region's target groups against their population.
 *
 * Contract:
 *  1. Every key of the page is always written; a figure that cannot be
 *     computed is null (NaN through the host's writers). `reach` is null
 *     in a scope without population rows (the key stays present).
 *  2. A figure that uses a suppressed cell is null: a suppressed cell has
 *     every measure null; shares, gaps and the headline need both woman
 *     and man unsuppressed. `population` is never suppressed.
 *  3. `hours`, its share and `hours_per_person` are null when no batch of
 *     the scope had the hours column (as funding_share's amount_applied);
 *     a region with no training row has hours 0 (tr_state_view()).
 *  4. A group's rate divides its persons reached by its population only
 *     when every one of those persons comes from a scope with population
 *     rows for the group (covered == reached, always so in a region);
 *     otherwise (in the total, when some region lacks that group's
 *     population) the rate, its interval and the group's gap are null.
 *  5. Headline: `reach_gap` when any region of the evaluation has
 *     population rows, else `women_share_persons_reached` with balance.
 *  6. Disclosure groups (protected count: persons reached): the split and
 *     one group per target group (tally_declare; the target groups
 *     overlap, so the tally declares no family for them), and in scopes
 *     with population rows "reach" (the pooled persons reached of woman and
 *     man). Families, as INDICATORS.md lists them: every target group → the
 *     split (though a person may be in several groups or none, so it is
 *     not their sum); the groups that have population rows → "reach".
 *     Members in sorted value order, the order the result lists them in
 *     (ties in rule 3).
 */
#include "training_reach.h"

#include <math.h>
#include <string.h>

static double ratio(int64_t a, int64_t b) { return b > 0 ? (double)a / (double)b : NAN; }

/* Measure m of gender g in cells of the tally. */
#define AT(cells, g, m) ((cells)[(g)*TR_MEASURES + (m)])

static int has_rows(const int64_t *cells)
{
    int64_t rows = 0;
    for (int g = 0; g < JV_GENDERS; g++)
        rows += AT(cells, g, TR_POPULATION_ROWS);
    return rows > 0;
}

int tr_has_population(const jv_tally *tally)
{
    for (size_t k = 0; k < tr_host->tally_size(tally, TR_GROUPS); k++)
        if (has_rows(tr_host->tally_cells(tally, TR_GROUPS, k)))
            return 1;
    return 0;
}

/* The target groups that have population rows pooled (INDICATORS.md
 * "reach"): per woman and man, the persons covered and the population. */
static void pool_reach(const jv_tally *tally, int64_t reached[2], int64_t population[2])
{
    reached[JV_WOMAN] = reached[JV_MAN] = population[JV_WOMAN] = population[JV_MAN] = 0;
    for (size_t k = 0; k < tr_host->tally_size(tally, TR_GROUPS); k++) {
        const int64_t *cells = tr_host->tally_cells(tally, TR_GROUPS, k);
        for (int g = 0; g < 2 && has_rows(cells); g++) {
            reached[g] += AT(cells, g, TR_COVERED);
            population[g] += AT(cells, g, TR_POPULATION_SIZE);
        }
    }
}

int tr_check_population(jv_ctx *ctx, const tr_state *state)
{
    const jv_tally *tally = state->tally;
    for (size_t k = 0; k < tr_host->tally_size(tally, TR_GROUPS); k++) {
        const int64_t *cells = tr_host->tally_cells(tally, TR_GROUPS, k);
        if (!has_rows(cells))
            continue;
        /* A population register has no row for an unknown gender; persons
         * whose gender is unknown are never "above" it. */
        for (int g = 0; g < JV_UNKNOWN; g++) {
            if (AT(cells, g, TR_PERSONS) <= AT(cells, g, TR_POPULATION_SIZE))
                continue;
            tr_host->error(ctx,
                           "region '%s': target group '%s' reached %lld persons of "
                           "gender %s, more than its population of %lld",
                           state->region != NULL ? state->region : tr_host->scope_name(ctx),
                           tr_host->tally_value(tally, TR_GROUPS, k, NULL),
                           (long long)AT(cells, g, TR_PERSONS), tr_host->gender_name(g),
                           (long long)AT(cells, g, TR_POPULATION_SIZE));
            return -1;
        }
    }
    return 0;
}

int tr_cells(jv_ctx *ctx, const tr_state *state, jv_cells *sink)
{
    const jv_tally *tally = state->tally;
    size_t n = tr_host->tally_size(tally, TR_GROUPS), n_population = 0;
    const char **keys = tr_host->alloc0((n + 1) * sizeof *keys);
    const char **with_population = tr_host->alloc0((n + 1) * sizeof *with_population);
    int rc = tr_host->tally_declare(ctx, tally, sink);
    for (size_t k = 0; k < n; k++) {
        keys[k] = tr_host->tally_key(tally, TR_GROUPS, k);
        if (has_rows(tr_host->tally_cells(tally, TR_GROUPS, k)))
            with_population[n_population++] = keys[k];
    }
    if (n > 0)
        tr_host->add_family(sink, JV_MAIN_GROUP, keys, n);
    if (n_population > 0) {
        int64_t reach[JV_GENDERS] = {0}, population[2];
        pool_reach(tally, reach, population);
        tr_host->add_group(sink, "reach", 1, reach);
        tr_host->add_family(sink, "reach", with_population, n_population);
    }
    tr_host->free(keys);
    tr_host->free(with_population);
    return rc;
}

/* --- the main split --- */

/* Hours per person reached, in hours. */
static double hours_per_person(const int64_t *c)
{
    return c[TR_PERSONS] > 0 ? (double)c[TR_HOURS] / JV_FIXED_SCALE / (double)c[TR_PERSONS] : NAN;
}

static const jv_cell_key cell_keys[] = {
    {"persons_reached", JV_CELL_COUNT, {TR_PERSONS, -1}, NULL},
    {"participations", JV_CELL_COUNT, {TR_PARTICIPATIONS, -1}, NULL},
    {"hours", JV_CELL_SUM, {TR_HOURS, -1}, NULL},
    {"hours_per_person", JV_CELL_FIGURE, {TR_HOURS, TR_PERSONS}, hours_per_person},
};

static void write_split(jv_ctx *ctx, const tr_state *state, jv_writer *w)
{
    const int64_t *cells = tr_host->tally_cells(state->tally, JV_TALLY_MAIN, 0);
    int64_t participations = 0;
    for (int g = 0; g < JV_GENDERS; g++)
        participations += AT(cells, g, TR_PARTICIPATIONS);
    /* No training row at all (a header row only): the hours column, if
     * any, went unseen, and a sum over no rows is 0, not unknown. */
    int hours_known = state->hours_present || participations == 0;
    tr_host->put_gender_cells(ctx, w, JV_MAIN_GROUP, cells, TR_MEASURES, cell_keys,
                              sizeof cell_keys / sizeof cell_keys[0],
                              hours_known ? 0 : 1u << TR_HOURS, NULL);
}

/* --- target groups and reach --- */

static int rate_usable(const int64_t *cells, int g, int suppressed)
{
    return has_rows(cells) && !suppressed && AT(cells, g, TR_COVERED) == AT(cells, g, TR_PERSONS);
}

/* Target group k of the tally. */
static void write_target_group(jv_ctx *ctx, const jv_tally *tally, size_t k, jv_writer *w)
{
    const int64_t *cells = tr_host->tally_cells(tally, TR_GROUPS, k);
    int population = has_rows(cells);
    tr_host->begin_object(w, NULL);
    tr_host->put_string(w, "value", tr_host->tally_value(tally, TR_GROUPS, k, NULL));
    tr_host->begin_object(w, "by_gender");
    int usable[JV_GENDERS];
    for (int g = 0; g < JV_GENDERS; g++) {
        int suppressed = tr_host->tally_suppressed(ctx, tally, TR_GROUPS, k, g);
        int64_t covered = AT(cells, g, TR_COVERED), size = AT(cells, g, TR_POPULATION_SIZE);
        usable[g] = rate_usable(cells, g, suppressed);
        tr_host->begin_object(w, tr_host->gender_name(g));
        if (suppressed)
            tr_host->put_null(w, "persons_reached");
        else
            tr_host->put_integer(w, "persons_reached", AT(cells, g, TR_PERSONS));
        if (population)
            tr_host->put_integer(w, "population", size);
        else
            tr_host->put_null(w, "population");
        double ci[2] = {NAN, NAN};
        if (usable[g])
            tr_host->wilson(ctx, covered, size, ci);
        tr_host->put_number(w, "reach_rate", usable[g] ? ratio(covered, size) : NAN);
        tr_host->put_interval(w, "reach_rate_ci", ci);
        tr_host->put_bool(w, "suppressed", suppressed);
        tr_host->end_object(w);
    }
    tr_host->end_object(w);
    double gap = NAN, gap_ci[2] = {NAN, NAN};
    if (usable[JV_WOMAN] && usable[JV_MAN])
        tr_host->newcombe(ctx, AT(cells, JV_WOMAN, TR_COVERED),
                          AT(cells, JV_WOMAN, TR_POPULATION_SIZE), AT(cells, JV_MAN, TR_COVERED),
                          AT(cells, JV_MAN, TR_POPULATION_SIZE), &gap, gap_ci);
    tr_host->put_gap(w, "reach_gap", gap, gap_ci);
    tr_host->end_object(w);
}

/* `reach`: the groups that have population rows pooled (null when none);
 * gap[0] gets the gap and gap[1..2] its interval, for the headline. */
static void write_reach(jv_ctx *ctx, const jv_tally *tally, jv_writer *w, double gap[3])
{
    gap[0] = gap[1] = gap[2] = NAN;
    if (!tr_has_population(tally)) {
        tr_host->put_null(w, "reach");
        return;
    }
    int64_t reached[2], population[2];
    pool_reach(tally, reached, population);
    int suppressed[2] = {tr_host->suppressed(ctx, "reach", JV_WOMAN),
                         tr_host->suppressed(ctx, "reach", JV_MAN)};
    if (!suppressed[JV_WOMAN] && !suppressed[JV_MAN])
        tr_host->newcombe(ctx, reached[JV_WOMAN], population[JV_WOMAN], reached[JV_MAN],
                          population[JV_MAN], &gap[0], &gap[1]);
    tr_host->begin_object(w, "reach");
    for (int g = 0; g < 2; g++) {
        double ci[2] = {NAN, NAN};
        tr_host->begin_object(w, tr_host->gender_name(g));
        if (suppressed[g]) {
            tr_host->put_null(w, "reached");
        } else {
            tr_host->put_integer(w, "reached", reached[g]);
            tr_host->wilson(ctx, reached[g], population[g], ci);
        }
        tr_host->put_integer(w, "population", population[g]);
        tr_host->put_number(w, "rate", suppressed[g] ? NAN : ratio(reached[g], population[g]));
        tr_host->put_interval(w, "ci", ci);
        tr_host->put_bool(w, "suppressed", suppressed[g]);
        tr_host->end_object(w);
    }
    tr_host->put_gap(w, "gap", gap[0], &gap[1]);
    tr_host->end_object(w);
}

/* --- the whole result --- */

/* The women's share of measure m of `cells`; NaN unless `usable`. */
static double women_share(const int64_t *cells, int m, int usable)
{
    return usable
               ? tr_host->women_share((double)AT(cells, JV_WOMAN, m), (double)AT(cells, JV_MAN, m))
               : NAN;
}

int tr_write_result(jv_ctx *ctx, const tr_state *state, int any_population, jv_writer *out)
{
    write_split(ctx, state, out);
    const int64_t *split = tr_host->tally_cells(state->tally, JV_TALLY_MAIN, 0);
    int64_t women = AT(split, JV_WOMAN, TR_PERSONS), men = AT(split, JV_MAN, TR_PERSONS);
    int hidden = tr_host->suppressed(ctx, JV_MAIN_GROUP, JV_WOMAN) ||
                 tr_host->suppressed(ctx, JV_MAIN_GROUP, JV_MAN);
    double share = women_share(split, TR_PERSONS, !hidden);
    tr_host->begin_object(out, "women_share");
    tr_host->put_number(out, "persons_reached", share);
    tr_host->put_number(out, "participations", women_share(split, TR_PARTICIPATIONS, !hidden));
    tr_host->put_number(out, "hours",
                        women_share(split, TR_HOURS, !hidden && state->hours_present));
    tr_host->end_object(out);
    jv_balance balance = tr_host->balance(ctx, share);
    int certain = hidden ? -1 : tr_host->balance_certain(ctx, balance, women, women + men);
    tr_host->put_balance(out, "balance", balance);
    tr_host->put_tristate(out, "balance_certain", certain);

    tr_host->begin_array(out, "target_groups");
    for (size_t k = 0; k < tr_host->tally_size(state->tally, TR_GROUPS); k++)
        write_target_group(ctx, state->tally, k, out);
    tr_host->end_array(out);
    double gap[3];
    write_reach(ctx, state->tally, out, gap);

    jv_headline h = {.metric = "women_share_persons_reached",
                     .label = "Women's share of persons reached by the training",
                     .unit = "share",
                     .value = share,
                     .balance = balance,
                     .balance_certain = certain,
                     .ci = {NAN, NAN}};
    if (any_population)
        h = (jv_headline){.metric = "reach_gap",
                          .label = "Reach rate of women minus that of men, in target "
                                   "groups with a known population",
                          .unit = "difference",
                          .value = gap[0],
                          .ci = {gap[1], gap[2]},
                          .balance = JV_BALANCE_NONE,
                          .balance_certain = -1};
    else if (!hidden)
        tr_host->wilson(ctx, women, women + men, h.ci);
    tr_host->put_headline(out, &h);
    return 0;
}
