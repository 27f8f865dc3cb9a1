/* core/render/labels.c — the fixed vocabulary of reports (see labels.h).
 * English msgids; po/sv.po holds the Swedish. */
#include "render/labels.h"

#include <string.h>

typedef struct {
    const char *key;
    const char *msgid;
} label;

static const label keys[] = {
    /* funding_share */
    {"applications", N_("Applications")},
    {"granted", N_("Granted applications")},
    {"amount_applied", N_("Amount applied for")},
    {"amount_granted", N_("Amount granted")},
    {"approval_rate", N_("Approval rate")},
    {"mean_granted", N_("Mean amount granted")},
    {"grant_ratio", N_("Share of the amount applied for that was granted")},
    {"approval_gap", N_("Approval rate gap (women − men)")},
    /* participation */
    {"seats", N_("Seats")},
    {"arenas", N_("Arenas")},
    {"arena_types", N_("Arena types")},
    {"chairs", N_("Chairs")},
    {"arenas_balanced_share", N_("Share of arenas with a balanced composition")},
    {"arenas_classified", N_("Arenas classified")},
    /* training_reach */
    {"persons_reached", N_("Persons reached")},
    {"participations", N_("Participations")},
    {"hours", N_("Hours")},
    {"hours_per_person", N_("Hours per person")},
    {"target_groups", N_("Target groups")},
    {"population", N_("Population")},
    {"reach_rate", N_("Reach rate")},
    {"reach_gap", N_("Reach rate gap (women − men)")},
    {"reach", N_("Reach in target groups with a known population")},
    {"reached", N_("Reached")},
    {"rate", N_("Reach rate")},
    {"gap", N_("Gap (women − men)")},
    /* goal_fulfilment */
    {"goals", N_("Goals")},
    {"by_status", N_("Goals by status")},
    {"share_met", N_("Share of reported goals met")},
    {"mean_fulfilment", N_("Mean fulfilment")},
    {"areas", N_("Areas")},
    {"fulfils", N_("Fulfils its goals")},
    {"per_goal", N_("Goal by goal")},
    {"goal_id", N_("Goal")},
    {"progress", N_("Progress")},
    {"fulfilment", N_("Fulfilment")},
    {"status", N_("Status")},
    {"met", N_("Met")},
    {"partly_met", N_("Partly met")},
    {"not_met", N_("Not met")},
    {"not_reported", N_("Not reported")},
    {"regions", N_("Regions")},
    {"regions_fulfilling", N_("Regions fulfilling their goals")},
    {"share_regions_fulfilling", N_("Share of regions fulfilling their goals")},
    /* every indicator */
    {"rows", N_("Rows read")},
    {"skipped_rows", N_("Rows skipped")},
    {"not_computed", N_("Not computed")},
    {"failed", N_("Failed")},
    {"women_share", N_("Women's share")},
    {"balance", N_("Balance")},
    {"balance_certain", N_("Balance statistically certain")},
    {"ci", N_("Interval")},
    {"value", N_("Value")},
};

static const label genders[] = {
    {"total", N_("Total")},           {"woman", N_("Women")}, {"man", N_("Men")},
    {"non_binary", N_("Non-binary")}, {"mixed", N_("Mixed")}, {"unknown", N_("Unknown")},
};

static const label balances[] = {
    {"balanced", N_("balanced")},
    {"men_dominated", N_("men-dominated")},
    {"women_dominated", N_("women-dominated")},
    {"no_data", N_("no data")},
};

/* What the built-in plugins write as headline labels: results carry them
 * in English and jv_tr() translates them like any msgid. */
const char *const jv_label_plugin_texts[] = {
    N_("Women's share of the money granted"),
    N_("Women's share of seats"),
    N_("Reach rate of women minus that of men, in target groups with a known population"),
    N_("Women's share of persons reached by the training"),
    N_("Share of reported goals met (by weight)"),
    N_("Share of regions fulfilling their goals"),
};
const size_t jv_label_plugin_texts_length = G_N_ELEMENTS(jv_label_plugin_texts);

static const char *find(const label *table, size_t n, jv_lang lang, const char *key)
{
    if (key == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i].key, key) == 0)
            return jv_tr(lang, table[i].msgid);
    return NULL;
}

const char *jv_label_key(jv_lang lang, const char *key)
{
    const char *l = find(keys, G_N_ELEMENTS(keys), lang, key);
    return l != NULL ? l : (key != NULL ? key : "");
}

const char *jv_label_gender(jv_lang lang, const char *gender)
{
    const char *l = find(genders, G_N_ELEMENTS(genders), lang, gender);
    return l != NULL ? l : (gender != NULL ? gender : "");
}

const char *jv_label_balance(jv_lang lang, const char *balance)
{
    const char *l = find(balances, G_N_ELEMENTS(balances), lang, balance);
    return l != NULL ? l : (balance != NULL ? balance : "..");
}

const char *jv_label_value(jv_lang lang, const char *key, const char *value)
{
    if (key != NULL && strcmp(key, "status") == 0) {
        const char *l = find(keys, G_N_ELEMENTS(keys), lang, value);
        return l != NULL ? l : value;
    }
    if (key != NULL && strcmp(key, "balance") == 0)
        return jv_label_balance(lang, value);
    return value;
}
