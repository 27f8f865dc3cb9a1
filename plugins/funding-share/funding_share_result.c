/* plugins/funding-share/funding_share_result.c — funding_share's disclosure
 * groups (cells) and its result object (finish), in the shape of
 * INDICATORS.md "Result shapes".
 *
 * Contract kept here:
 *  1. Groups: JV_MAIN_GROUP for the main split and fs_group_key(column,
 *     value) for every breakdown value, each with two protected counts per
 *     category, applications first (it ranks members in rule 3), then
 *     granted. One family per breakdown column: its values in sorted order,
 *     margin the main split.
 *  2. Every key is always written. A suppressed cell or total has every
 *     measure null and "suppressed": true; the women's shares and the
 *     approval gap are null when the woman or the man cell is suppressed,
 *     so the balance (of the share of amount_granted) is then "no_data".
 *  3. amount_applied is null throughout a scope that has no amount_applied
 *     value at all (no column, or only empty cells); then so are its share
 *     and grant_ratio.
 *  4. balance_certain is null: a share of money has no interval.
 */
#include "funding_share.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const group_prefix = "by/";

/* Appends src[0..n) to dst, writing '%', '/' and NUL as %25, %2F, %00. */
static char *append_escaped(char *dst, const char *src, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '%' || c == '/' || c == '\0') {
            *dst++ = '%';
            *dst++ = hex[c >> 4];
            *dst++ = hex[c & 15];
        } else {
            *dst++ = (char)c;
        }
    }
    return dst;
}

char *fs_group_key(const char *column, const char *value, size_t length)
{
    size_t column_length = strlen(column);
    char *key = fs_host->alloc0(strlen(group_prefix) + 3 * (column_length + length) + 2);
    char *p = key;
    memcpy(p, group_prefix, strlen(group_prefix));
    p += strlen(group_prefix);
    p = append_escaped(p, column, column_length);
    *p++ = '/';
    p = append_escaped(p, value, length);
    *p = '\0';
    return key;
}

/* --- cells -------------------------------------------------------------- */

static void split_counts(const fs_split *split, int64_t counts[2 * JV_GENDERS])
{
    for (int g = 0; g < JV_GENDERS; g++) {
        counts[2 * g] = split->cells[g].applications;
        counts[2 * g + 1] = split->cells[g].granted;
    }
}

int fs_cells(jv_ctx *ctx, const void *state_, jv_cells *cells)
{
    const fs_state *state = state_;
    const fs_instance *instance = fs_host->instance(ctx);
    int64_t counts[2 * JV_GENDERS];
    split_counts(&state->split, counts);
    fs_host->add_group(cells, JV_MAIN_GROUP, 2, counts);
    for (size_t k = 0; k < state->n_by; k++) {
        const fs_breakdown *b = &state->by[k];
        if (b->values.size == 0)
            continue;
        uint32_t *order = fs_sorted_values(b);
        if (order == NULL) {
            fs_host->error(ctx, "out of memory");
            return -1;
        }
        char **keys = fs_host->alloc0(b->values.size * sizeof *keys);
        for (size_t i = 0; i < b->values.size; i++) {
            uint32_t v = order[i];
            keys[i] = fs_group_key(instance->by[k], b->values.keys[v], b->values.lengths[v]);
            split_counts(&b->splits[v], counts);
            fs_host->add_group(cells, keys[i], 2, counts);
        }
        fs_host->add_family(cells, JV_MAIN_GROUP, (const char *const *)keys, b->values.size);
        for (size_t i = 0; i < b->values.size; i++)
            fs_host->free(keys[i]);
        fs_host->free(keys);
        free(order);
    }
    return 0;
}

/* --- finish ------------------------------------------------------------- */

static double ratio(int64_t numerator, int64_t denominator)
{
    return denominator != 0 ? (double)numerator / (double)denominator : NAN;
}

/* One category's (or the total's) measures, in the order of INDICATORS.md. */
static void put_cell(jv_ctx *ctx, jv_writer *w, const char *key, const fs_cell *c,
                     int suppressed, int has_applied)
{
    const jv_host *h = fs_host;
    h->begin_object(w, key);
    if (suppressed) {
        static const char *const measures[] = {
            "applications", "granted", "amount_applied", "amount_granted", "approval_rate",
            "approval_rate_ci", "mean_granted", "grant_ratio"};
        for (size_t i = 0; i < sizeof measures / sizeof measures[0]; i++)
            h->put_null(w, measures[i]);
        h->put_bool(w, "suppressed", 1);
        h->end_object(w);
        return;
    }
    double ci[2];
    h->put_integer(w, "applications", c->applications);
    h->put_integer(w, "granted", c->granted);
    if (has_applied)
        h->put_fixed(w, "amount_applied", c->applied);
    else
        h->put_null(w, "amount_applied");
    h->put_fixed(w, "amount_granted", c->amount);
    h->put_number(w, "approval_rate", ratio(c->granted, c->applications));
    h->wilson(ctx, c->granted, c->applications, ci);
    h->put_interval(w, "approval_rate_ci", ci);
    /* amount / (scale × granted): one rounding, in currency units. */
    h->put_number(w, "mean_granted",
                  c->granted != 0
                      ? (double)c->amount / ((double)JV_FIXED_SCALE * (double)c->granted)
                      : NAN);
    h->put_number(w, "grant_ratio", has_applied ? ratio(c->amount, c->applied) : NAN);
    h->put_bool(w, "suppressed", 0);
    h->end_object(w);
}

/* A split's keys: by_gender, total, women_share, balance, balance_certain,
 * approval_gap. Returns the women's share of amount_granted (NaN when it
 * cannot be published) for the headline. */
static double put_split(jv_ctx *ctx, jv_writer *w, const fs_split *split, const char *key,
                        int has_applied)
{
    const jv_host *h = fs_host;
    int suppressed[JV_GENDERS];
    fs_cell total = {0, 0, 0, 0};
    h->begin_object(w, "by_gender");
    for (int g = 0; g < JV_GENDERS; g++) {
        suppressed[g] = h->suppressed(ctx, key, g) != 0;
        put_cell(ctx, w, h->gender_name(g), &split->cells[g], suppressed[g], has_applied);
        fs_cell_add(&total, &split->cells[g]);
    }
    h->end_object(w);
    put_cell(ctx, w, "total", &total, h->suppressed(ctx, key, JV_TOTAL) != 0, has_applied);

    const fs_cell *woman = &split->cells[JV_WOMAN], *man = &split->cells[JV_MAN];
    int usable = !suppressed[JV_WOMAN] && !suppressed[JV_MAN];
    double share_amount = usable ? h->women_share((double)woman->amount, (double)man->amount)
                                 : NAN;
    h->begin_object(w, "women_share");
    h->put_number(w, "applications",
                  usable ? h->women_share((double)woman->applications, (double)man->applications)
                         : NAN);
    h->put_number(w, "granted",
                  usable ? h->women_share((double)woman->granted, (double)man->granted) : NAN);
    h->put_number(w, "amount_applied",
                  usable && has_applied
                      ? h->women_share((double)woman->applied, (double)man->applied)
                      : NAN);
    h->put_number(w, "amount_granted", share_amount);
    h->end_object(w);
    h->put_balance(w, "balance", h->balance(ctx, share_amount));
    h->put_tristate(w, "balance_certain", -1);

    double gap = NAN, ci[2] = {NAN, NAN};
    if (usable)
        h->newcombe(ctx, woman->granted, woman->applications, man->granted, man->applications,
                    &gap, ci);
    h->put_gap(w, "approval_gap", gap, ci);
    return share_amount;
}

static int put_breakdowns(jv_ctx *ctx, jv_writer *w, const fs_instance *instance,
                          const fs_state *state, int has_applied)
{
    const jv_host *h = fs_host;
    h->begin_object(w, "breakdowns");
    for (size_t k = 0; k < state->n_by; k++) {
        const fs_breakdown *b = &state->by[k];
        uint32_t *order = fs_sorted_values(b);
        if (order == NULL) {
            h->error(ctx, "out of memory");
            return -1;
        }
        h->begin_array(w, instance->by[k]);
        for (size_t i = 0; i < b->values.size; i++) {
            uint32_t v = order[i];
            char *key = fs_group_key(instance->by[k], b->values.keys[v], b->values.lengths[v]);
            h->begin_object(w, NULL);
            h->put_string(w, "value", b->values.keys[v]);
            put_split(ctx, w, &b->splits[v], key, has_applied);
            h->end_object(w);
            h->free(key);
        }
        h->end_array(w);
        free(order);
    }
    h->end_object(w);
    return 0;
}

int fs_finish(jv_ctx *ctx, const void *state_, const void *total, jv_writer *out)
{
    const fs_state *state = state_;
    const fs_instance *instance = fs_host->instance(ctx);
    if (state->n_by != (instance ? instance->n_by : 0)) {
        fs_host->error(ctx, "state has %zu breakdowns, params.by names %zu", state->n_by,
                       instance ? instance->n_by : 0);
        return -1;
    }
    int has_applied = state->applied_rows > 0;
    if (has_applied && state->applied_rows < state->total.applications)
        fs_host->warning(ctx,
                         "amount_applied is empty on %lld of %lld rows: its sums leave "
                         "those rows out, while amount_granted (and so grant_ratio) "
                         "counts them",
                         (long long)(state->total.applications - state->applied_rows),
                         (long long)state->total.applications);

    double share = put_split(ctx, out, &state->split, JV_MAIN_GROUP, has_applied);
    if (put_breakdowns(ctx, out, instance, state, has_applied) != 0)
        return -1;

    jv_headline headline = {
        .metric = "women_share_amount_granted",
        .label = "Women's share of the money granted",
        .unit = "share",
        .value = share,
        .balance = fs_host->balance(ctx, share),
        .balance_certain = -1,
        .ci = {NAN, NAN},
    };
    fs_host->put_headline(out, &headline);
    return 0;
}
