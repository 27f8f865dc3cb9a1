/* plugins/training-reach/result.c — writes the result of training_reach
 * from an aggregate (INDICATORS.md "training_reach", "Result shapes") and
 * checks a region's target groups against their population.
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
 */
#include "training_reach.h"

#include <math.h>
#include <stdlib.h>

static double ratio(int64_t a, int64_t b)
{
    return b > 0 ? (double)a / (double)b : NAN;
}

int tr_check_population(jv_ctx *ctx, const tr_aggregate *agg, const char *region)
{
    uint32_t *order = jvp_map_sorted(&agg->names);
    if (order == NULL) {
        tr_host->error(ctx, "out of memory");
        return -1;
    }
    int rc = 0;
    for (size_t k = 0; k < agg->names.size && rc == 0; k++) {
        const tr_group *t = &agg->groups[order[k]];
        if (t->population_rows == 0)
            continue;
        /* A population register has no row for an unknown gender; persons
         * whose gender is unknown are never "above" it. */
        for (int g = 0; g < JV_UNKNOWN; g++) {
            if (t->reached[g] <= t->population[g])
                continue;
            tr_host->error(ctx,
                           "region '%s': target group '%s' reached %lld persons of "
                           "gender %s, more than its population of %lld",
                           region != NULL ? region : tr_host->scope_name(ctx),
                           jvp_map_key(&agg->names, order[k]), (long long)t->reached[g],
                           tr_host->gender_name(g), (long long)t->population[g]);
            rc = -1;
            break;
        }
    }
    free(order);
    return rc;
}

/* --- the main split --- */

static void write_measures(jv_writer *w, const char *name, int64_t persons,
                           int64_t participations, int64_t hours, int hours_present,
                           int suppressed)
{
    tr_host->begin_object(w, name);
    if (suppressed) {
        tr_host->put_null(w, "persons_reached");
        tr_host->put_null(w, "participations");
        tr_host->put_null(w, "hours");
        tr_host->put_null(w, "hours_per_person");
    } else {
        tr_host->put_integer(w, "persons_reached", persons);
        tr_host->put_integer(w, "participations", participations);
        if (hours_present)
            tr_host->put_fixed(w, "hours", hours);
        else
            tr_host->put_null(w, "hours");
        tr_host->put_number(w, "hours_per_person",
                            hours_present && persons > 0
                                ? (double)hours / JV_FIXED_SCALE / (double)persons
                                : NAN);
    }
    tr_host->put_bool(w, "suppressed", suppressed);
    tr_host->end_object(w);
}

static int write_split(jv_ctx *ctx, const tr_aggregate *agg, jv_writer *w)
{
    tr_host->begin_object(w, "by_gender");
    int64_t persons = 0, participations = 0, hours = 0;
    int overflow = 0;
    for (int g = 0; g < JV_GENDERS; g++) {
        write_measures(w, tr_host->gender_name(g), agg->persons[g],
                       agg->participations[g], agg->hours[g], agg->hours_present,
                       tr_host->suppressed(ctx, JV_MAIN_GROUP, g));
        overflow |= tr_add(&persons, agg->persons[g]) != TR_OK ||
                    tr_add(&participations, agg->participations[g]) != TR_OK ||
                    tr_add(&hours, agg->hours[g]) != TR_OK;
    }
    tr_host->end_object(w);
    if (overflow) {
        tr_host->error(ctx, "the total of hours is too large");
        return -1;
    }
    write_measures(w, "total", persons, participations, hours, agg->hours_present,
                   tr_host->suppressed(ctx, JV_MAIN_GROUP, JV_TOTAL));
    return 0;
}

/* --- target groups and reach --- */

static int rate_usable(const tr_group *t, int g, int suppressed)
{
    return t->population_rows > 0 && !suppressed && t->covered[g] == t->reached[g];
}

static int write_target_groups(jv_ctx *ctx, const tr_aggregate *agg, jv_writer *w)
{
    uint32_t *order = jvp_map_sorted(&agg->names);
    if (order == NULL) {
        tr_host->error(ctx, "out of memory");
        return -1;
    }
    int rc = 0;
    tr_host->begin_array(w, "target_groups");
    for (size_t k = 0; k < agg->names.size; k++) {
        const tr_group *t = &agg->groups[order[k]];
        char *key = tr_group_key(agg, order[k]);
        if (key == NULL) {
            tr_host->error(ctx, "out of memory");
            rc = -1;
            break;
        }
        tr_host->begin_object(w, NULL);
        tr_host->put_string(w, "value", jvp_map_key(&agg->names, order[k]));
        tr_host->begin_object(w, "by_gender");
        int usable[JV_GENDERS];
        for (int g = 0; g < JV_GENDERS; g++) {
            int suppressed = tr_host->suppressed(ctx, key, g);
            usable[g] = rate_usable(t, g, suppressed);
            tr_host->begin_object(w, tr_host->gender_name(g));
            if (suppressed)
                tr_host->put_null(w, "persons_reached");
            else
                tr_host->put_integer(w, "persons_reached", t->reached[g]);
            if (t->population_rows > 0)
                tr_host->put_integer(w, "population", t->population[g]);
            else
                tr_host->put_null(w, "population");
            double ci[2] = {NAN, NAN};
            if (usable[g])
                tr_host->wilson(ctx, t->covered[g], t->population[g], ci);
            tr_host->put_number(w, "reach_rate",
                                usable[g] ? ratio(t->covered[g], t->population[g]) : NAN);
            tr_host->put_interval(w, "reach_rate_ci", ci);
            tr_host->put_bool(w, "suppressed", suppressed);
            tr_host->end_object(w);
        }
        tr_host->end_object(w);
        double gap = NAN, gap_ci[2] = {NAN, NAN};
        if (usable[JV_WOMAN] && usable[JV_MAN])
            tr_host->newcombe(ctx, t->covered[JV_WOMAN], t->population[JV_WOMAN],
                              t->covered[JV_MAN], t->population[JV_MAN], &gap, gap_ci);
        tr_host->put_gap(w, "reach_gap", gap, gap_ci);
        tr_host->end_object(w);
        free(key);
    }
    tr_host->end_array(w);
    free(order);
    return rc;
}

typedef struct tr_reach {
    int present;                      /* the scope has population rows */
    int64_t reached[2], population[2];
    int suppressed[2];
    double gap, gap_ci[2];
} tr_reach;

static void compute_reach(jv_ctx *ctx, const tr_aggregate *agg, tr_reach *r)
{
    r->present = tr_aggregate_has_population(agg);
    r->gap = r->gap_ci[0] = r->gap_ci[1] = NAN;
    for (int g = 0; g < 2; g++) {
        r->reached[g] = r->population[g] = 0;
        for (size_t k = 0; k < agg->names.size; k++) {
            const tr_group *t = &agg->groups[k];
            if (t->population_rows > 0) {
                r->reached[g] += t->covered[g];
                r->population[g] += t->population[g];
            }
        }
        r->suppressed[g] = r->present && tr_host->suppressed(ctx, "reach", g);
    }
    if (r->present && !r->suppressed[JV_WOMAN] && !r->suppressed[JV_MAN])
        tr_host->newcombe(ctx, r->reached[JV_WOMAN], r->population[JV_WOMAN],
                          r->reached[JV_MAN], r->population[JV_MAN], &r->gap, r->gap_ci);
}

static void write_reach(jv_ctx *ctx, const tr_reach *r, jv_writer *w)
{
    if (!r->present) {
        tr_host->put_null(w, "reach");
        return;
    }
    tr_host->begin_object(w, "reach");
    for (int g = 0; g < 2; g++) {
        double ci[2] = {NAN, NAN};
        tr_host->begin_object(w, tr_host->gender_name(g));
        if (r->suppressed[g]) {
            tr_host->put_null(w, "reached");
        } else {
            tr_host->put_integer(w, "reached", r->reached[g]);
            tr_host->wilson(ctx, r->reached[g], r->population[g], ci);
        }
        tr_host->put_integer(w, "population", r->population[g]);
        tr_host->put_number(w, "rate", r->suppressed[g] ? NAN
                                                         : ratio(r->reached[g], r->population[g]));
        tr_host->put_interval(w, "ci", ci);
        tr_host->put_bool(w, "suppressed", r->suppressed[g]);
        tr_host->end_object(w);
    }
    tr_host->put_gap(w, "gap", r->gap, r->gap_ci);
    tr_host->end_object(w);
}

/* --- the whole result --- */

int tr_write_result(jv_ctx *ctx, const tr_aggregate *agg, int any_population,
                    jv_writer *out)
{
    if (write_split(ctx, agg, out) != 0)
        return -1;

    int64_t women = agg->persons[JV_WOMAN], men = agg->persons[JV_MAN];
    int hidden = tr_host->suppressed(ctx, JV_MAIN_GROUP, JV_WOMAN) ||
                 tr_host->suppressed(ctx, JV_MAIN_GROUP, JV_MAN);
    double share = hidden ? NAN : tr_host->women_share((double)women, (double)men);
    tr_host->begin_object(out, "women_share");
    tr_host->put_number(out, "persons_reached", share);
    tr_host->put_number(out, "participations",
                        hidden ? NAN
                               : tr_host->women_share((double)agg->participations[JV_WOMAN],
                                                      (double)agg->participations[JV_MAN]));
    tr_host->put_number(out, "hours",
                        hidden || !agg->hours_present
                            ? NAN
                            : tr_host->women_share((double)agg->hours[JV_WOMAN],
                                                   (double)agg->hours[JV_MAN]));
    tr_host->end_object(out);
    jv_balance balance = tr_host->balance(ctx, share);
    int certain = hidden ? -1 : tr_host->balance_certain(ctx, balance, women, women + men);
    tr_host->put_balance(out, "balance", balance);
    tr_host->put_tristate(out, "balance_certain", certain);

    if (write_target_groups(ctx, agg, out) != 0)
        return -1;
    tr_reach reach;
    compute_reach(ctx, agg, &reach);
    write_reach(ctx, &reach, out);

    jv_headline h = {0};
    if (any_population) {
        h.metric = "reach_gap";
        h.label = "Reach rate of women minus that of men, in target groups "
                  "with a known population";
        h.unit = "difference";
        h.value = reach.gap;
        h.ci[0] = reach.gap_ci[0];
        h.ci[1] = reach.gap_ci[1];
        h.balance = JV_BALANCE_NONE;
        h.balance_certain = -1;
    } else {
        h.metric = "women_share_persons_reached";
        h.label = "Women's share of persons reached by the training";
        h.unit = "share";
        h.value = share;
        h.ci[0] = h.ci[1] = NAN;
        if (!hidden)
            tr_host->wilson(ctx, women, women + men, h.ci);
        h.balance = balance;
        h.balance_certain = certain;
    }
    tr_host->put_headline(out, &h);
    return 0;
}
