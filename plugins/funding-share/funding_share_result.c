/* plugins/funding-share/funding_share_result.c — funding_share's result
 * object (finish), in the shape of INDICATORS.md "Result shapes", read from
 * the state's tally (its disclosure groups are the tally's: JV_MAIN_GROUP and
 * "by/<column>/<value>", with applications and granted protected).
 *
 * Contract kept here:
 *  1. Every key is always written. A suppressed cell or total has every
 *     measure null and "suppressed": true; the women's shares and the
 *     approval gap are null when the woman or the man cell is suppressed,
 *     so the balance (of the share of amount_granted) is then "no_data".
 *  2. amount_applied is null throughout a scope that has no amount_applied
 *     value at all (no column, or only empty cells); then so are its share
 *     and grant_ratio.
 *  3. balance_certain is null: a share of money has no interval.
 *  4. Breakdown values are listed in UTF-8 byte order (tally.h rule 3).
 */
#include "funding_share.h"

#include <math.h>

/* amount / (scale × granted): one rounding, in currency units. */
static double mean_granted(const int64_t *c)
{
    return c[FS_GRANTED] != 0
               ? (double)c[FS_AMOUNT] / ((double)JV_FIXED_SCALE * (double)c[FS_GRANTED])
               : NAN;
}

/* A category's (or the total's) measures, in the order of INDICATORS.md. */
static const jv_cell_key cell_keys[] = {
    {"applications", JV_CELL_COUNT, {FS_APPLICATIONS, -1}, NULL},
    {"granted", JV_CELL_COUNT, {FS_GRANTED, -1}, NULL},
    {"amount_applied", JV_CELL_SUM, {FS_APPLIED, -1}, NULL},
    {"amount_granted", JV_CELL_SUM, {FS_AMOUNT, -1}, NULL},
    {"approval_rate", JV_CELL_RATE, {FS_GRANTED, FS_APPLICATIONS}, NULL},
    {"approval_rate_ci", JV_CELL_RATE_CI, {FS_GRANTED, FS_APPLICATIONS}, NULL},
    {"mean_granted", JV_CELL_FIGURE, {FS_AMOUNT, FS_GRANTED}, mean_granted},
    {"grant_ratio", JV_CELL_RATE, {FS_AMOUNT, FS_APPLIED}, NULL},
};

/* The women's share of measure m: NaN when it cannot be published. */
static double share(const int64_t *woman, const int64_t *man, int m, int usable)
{
    return usable ? fs_host->women_share((double)woman[m], (double)man[m]) : NAN;
}

/* The split of value i of breakdown k (JV_TALLY_MAIN: the main split):
 * by_gender, total, women_share, balance, balance_certain, approval_gap.
 * Returns the women's share of amount_granted (NaN when it cannot be
 * published) for the headline. */
static double put_split(jv_ctx *ctx, jv_writer *w, const jv_tally *tally, size_t k, size_t i,
                        int has_applied)
{
    const jv_host *h = fs_host;
    const int64_t *cells = h->tally_cells(tally, k, i);
    int suppressed[JV_GENDERS];
    h->put_gender_cells(ctx, w, h->tally_key(tally, k, i), cells, FS_N_MEASURES, cell_keys,
                        sizeof cell_keys / sizeof cell_keys[0], has_applied ? 0 : 1u << FS_APPLIED,
                        suppressed);

    const int64_t *woman = cells + JV_WOMAN * FS_N_MEASURES, *man = cells + JV_MAN * FS_N_MEASURES;
    int usable = !suppressed[JV_WOMAN] && !suppressed[JV_MAN];
    double share_amount = share(woman, man, FS_AMOUNT, usable);
    h->begin_object(w, "women_share");
    h->put_number(w, "applications", share(woman, man, FS_APPLICATIONS, usable));
    h->put_number(w, "granted", share(woman, man, FS_GRANTED, usable));
    h->put_number(w, "amount_applied", share(woman, man, FS_APPLIED, usable && has_applied));
    h->put_number(w, "amount_granted", share_amount);
    h->end_object(w);
    h->put_balance(w, "balance", h->balance(ctx, share_amount));
    h->put_tristate(w, "balance_certain", -1);

    double gap = NAN, ci[2] = {NAN, NAN};
    if (usable)
        h->newcombe(ctx, woman[FS_GRANTED], woman[FS_APPLICATIONS], man[FS_GRANTED],
                    man[FS_APPLICATIONS], &gap, ci);
    h->put_gap(w, "approval_gap", gap, ci);
    return share_amount;
}

int fs_finish(jv_ctx *ctx, const void *state, const void *total, jv_writer *out)
{
    (void)total;
    const jv_host *h = fs_host;
    const fs_instance *instance = h->instance(ctx);
    const jv_tally *tally = state;
    const int64_t *cells = h->tally_cells(tally, JV_TALLY_MAIN, 0);
    int64_t rows = 0, applied_rows = 0;
    for (int g = 0; g < JV_GENDERS; g++) {
        rows += cells[g * FS_N_MEASURES + FS_APPLICATIONS];
        applied_rows += cells[g * FS_N_MEASURES + FS_APPLIED_ROWS];
    }
    int has_applied = applied_rows > 0;
    if (has_applied && applied_rows < rows)
        h->warning(ctx,
                   "amount_applied is empty on %lld of %lld rows: its sums leave "
                   "those rows out, while amount_granted (and so grant_ratio) "
                   "counts them",
                   (long long)(rows - applied_rows), (long long)rows);

    double share_amount = put_split(ctx, out, tally, JV_TALLY_MAIN, 0, has_applied);
    h->begin_object(out, "breakdowns");
    for (size_t k = 0; k < instance->n_by; k++) {
        h->begin_array(out, instance->by[k]);
        for (size_t i = 0; i < h->tally_size(tally, k); i++) {
            h->begin_object(out, NULL);
            h->put_string(out, "value", h->tally_value(tally, k, i, NULL));
            put_split(ctx, out, tally, k, i, has_applied);
            h->end_object(out);
        }
        h->end_array(out);
    }
    h->end_object(out);

    jv_headline headline = {
        .metric = "women_share_amount_granted",
        .label = "Women's share of the money granted",
        .unit = "share",
        .value = share_amount,
        .balance = h->balance(ctx, share_amount),
        .balance_certain = -1,
        .ci = {NAN, NAN},
    };
    h->put_headline(out, &headline);
    return 0;
}
