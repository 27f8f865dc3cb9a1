/* leader_share_result.c — the leader_share example's disclosure groups
 * (cells) and result object (finish), in the result vocabulary every
 * jamvikt indicator shares (a split: by_gender, total, women_share,
 * balance, balance_certain).
 *
 * Contract kept here:
 *  1. Groups: JV_MAIN_GROUP for the scope's split and "by:<value>" for
 *     every breakdown value, each with two protected counts per category:
 *     projects first (it ranks members in rule 3), then funded. One family:
 *     the breakdown values in sorted order, margin the main split.
 *  2. Every key is always written. A suppressed cell or total has every
 *     measure null and "suppressed": true; the women's shares, the balance
 *     and the interval are null ("no_data") when the woman or the man cell
 *     is suppressed.
 *  3. amount_granted is null throughout a scope without any amount.
 */
#include "leader_share.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

char *ls_value_key(const ls_value *v)
{
    char *key = ls_host->alloc0(v->length + 4);
    memcpy(key, "by:", 3);
    memcpy(key + 3, v->text, v->length);
    return key;
}

/* UTF-8 byte order: memcmp, the shorter first on a tie. */
static int compare_values(const void *a, const void *b)
{
    const ls_value *x = *(const ls_value *const *)a, *y = *(const ls_value *const *)b;
    size_t n = x->length < y->length ? x->length : y->length;
    int c = memcmp(x->text, y->text, n);
    return c != 0 ? c : (x->length > y->length) - (x->length < y->length);
}

const ls_value **ls_state_sorted(const ls_state *state)
{
    const ls_value **sorted = ls_host->alloc0((state->n_values + 1) * sizeof *sorted);
    for (size_t i = 0; i < state->n_values; i++)
        sorted[i] = &state->values[i];
    qsort(sorted, state->n_values, sizeof *sorted, compare_values);
    return sorted;
}

/* --- cells ------------------------------------------------------------------ */

static void add_group(jv_cells *cells, const char *key, const ls_split *split)
{
    int64_t counts[JV_GENDERS * 2];
    for (int g = 0; g < JV_GENDERS; g++) {
        counts[g * 2 + 0] = split->cells[g].projects;
        counts[g * 2 + 1] = split->cells[g].funded;
    }
    ls_host->add_group(cells, key, 2, counts);
}

int ls_cells(jv_ctx *ctx, const void *data, jv_cells *cells)
{
    (void)ctx;
    const ls_state *state = data;
    add_group(cells, JV_MAIN_GROUP, &state->split);
    if (state->n_values == 0)
        return 0;
    const ls_value **sorted = ls_state_sorted(state);
    char **keys = ls_host->alloc0(state->n_values * sizeof *keys);
    for (size_t i = 0; i < state->n_values; i++) {
        keys[i] = ls_value_key(sorted[i]);
        add_group(cells, keys[i], &sorted[i]->split);
    }
    ls_host->add_family(cells, JV_MAIN_GROUP, (const char *const *)keys, state->n_values);
    for (size_t i = 0; i < state->n_values; i++)
        ls_host->free(keys[i]);
    ls_host->free(keys);
    ls_host->free(sorted);
    return 0;
}

/* --- finish ----------------------------------------------------------------- */

static double ratio(int64_t numerator, int64_t denominator)
{
    return denominator != 0 ? (double)numerator / (double)denominator : NAN;
}

/* One category's (or the total's) measures. */
static void put_cell(jv_ctx *ctx, jv_writer *w, const char *key, const ls_cell *c,
                     int suppressed, int has_amount)
{
    const jv_host *h = ls_host;
    h->begin_object(w, key);
    if (suppressed) {
        h->put_null(w, "projects");
        h->put_null(w, "funded");
        h->put_null(w, "funded_rate");
        h->put_null(w, "funded_rate_ci");
        h->put_null(w, "amount_granted");
    } else {
        double ci[2];
        h->put_integer(w, "projects", c->projects);
        h->put_integer(w, "funded", c->funded);
        h->put_number(w, "funded_rate", ratio(c->funded, c->projects));
        h->wilson(ctx, c->funded, c->projects, ci);
        h->put_interval(w, "funded_rate_ci", ci);
        if (has_amount)
            h->put_fixed(w, "amount_granted", c->amount);
        else
            h->put_null(w, "amount_granted");
    }
    h->put_bool(w, "suppressed", suppressed);
    h->end_object(w);
}

/* Writes a split's keys and fills *headline with its women's share of
 * funded projects, that share's class, certainty and interval. -1 after
 * host->error() when the total of the five categories would overflow. */
static int put_split(jv_ctx *ctx, jv_writer *w, const char *key, const ls_split *split,
                      int has_amount, jv_headline *headline)
{
    const jv_host *h = ls_host;
    int suppressed[JV_GENDERS];
    ls_cell total = {0, 0, 0};
    for (int g = 0; g < JV_GENDERS; g++) {
        if (ls_cell_add(&total, &split->cells[g]) != 0) {
            h->error(ctx, "the total of amount_granted in %s would overflow", h->scope_name(ctx));
            return -1;
        }
    }
    h->begin_object(w, "by_gender");
    for (int g = 0; g < JV_GENDERS; g++) {
        suppressed[g] = h->suppressed(ctx, key, g);
        put_cell(ctx, w, h->gender_name(g), &split->cells[g], suppressed[g], has_amount);
    }
    h->end_object(w);
    put_cell(ctx, w, "total", &total, h->suppressed(ctx, key, JV_TOTAL), has_amount);

    const ls_cell *woman = &split->cells[JV_WOMAN], *man = &split->cells[JV_MAN];
    int usable = !suppressed[JV_WOMAN] && !suppressed[JV_MAN];
    double share = usable ? h->women_share((double)woman->funded, (double)man->funded) : NAN;
    h->begin_object(w, "women_share");
    h->put_number(w, "projects",
                  usable ? h->women_share((double)woman->projects, (double)man->projects) : NAN);
    h->put_number(w, "funded", share);
    h->put_number(w, "amount_granted",
                  usable && has_amount
                      ? h->women_share((double)woman->amount, (double)man->amount)
                      : NAN);
    h->end_object(w);

    /* The share is of persons (project leaders), so it has an interval. */
    headline->value = share;
    headline->balance = h->balance(ctx, share);
    headline->ci[0] = headline->ci[1] = NAN;
    headline->balance_certain = -1;
    if (usable) {
        h->wilson(ctx, woman->funded, woman->funded + man->funded, headline->ci);
        headline->balance_certain =
            h->balance_certain(ctx, headline->balance, woman->funded, woman->funded + man->funded);
    }
    h->put_balance(w, "balance", headline->balance);
    h->put_tristate(w, "balance_certain", headline->balance_certain);
    h->put_interval(w, "ci", headline->ci);
    return 0;
}

int ls_finish(jv_ctx *ctx, const void *data, const void *total, jv_writer *out)
{
    (void)total;
    const ls_state *state = data;
    const ls_instance *instance = ls_host->instance(ctx);
    int has_amount = state->amount_rows > 0;
    jv_headline headline = {
        .metric = "women_share_funded",
        .label = "Women's share of project leaders among funded projects",
        .unit = "share",
    };
    if (put_split(ctx, out, JV_MAIN_GROUP, &state->split, has_amount, &headline) != 0)
        return -1;

    ls_host->begin_object(out, "breakdowns");
    int failed = 0;
    if (instance->by != NULL) {
        const ls_value **sorted = ls_state_sorted(state);
        ls_host->begin_array(out, instance->by);
        for (size_t i = 0; i < state->n_values && !failed; i++) {
            char *key = ls_value_key(sorted[i]);
            jv_headline unused;
            ls_host->begin_object(out, NULL);
            ls_host->put_string(out, "value", sorted[i]->text);
            failed = put_split(ctx, out, key, &sorted[i]->split, has_amount, &unused);
            ls_host->end_object(out);
            ls_host->free(key);
        }
        ls_host->end_array(out);
        ls_host->free(sorted);
    }
    ls_host->end_object(out);
    if (failed)
        return -1;

    ls_host->put_headline(out, &headline);
    return 0;
}
