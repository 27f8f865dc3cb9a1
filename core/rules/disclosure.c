/* core/rules/disclosure.c — disclosure control for one indicator
 * (INDICATORS.md "Disclosure control"), decided once all regions and the
 * total have declared their groups and families.
 *
 * Contract (core/rules/disclosure.h, jamvikt/host.h add_group/add_family):
 *  1. A group is a gender split with n_counts protected counts per gender;
 *     count 0 ranks members in rule 3. The first declaration of a key in a
 *     scope wins. Keys and counts are copied.
 *  2. A family lists a margin and its members in result order; members or
 *     margins never declared as groups in that scope have no cells: such a
 *     member is left out, a family without its margin is ignored. The core
 *     adds, for every key of the total, "that key in every region that has
 *     it (regions in index order) → the total's key".
 *  3. Rule 1 (primary) first; then rules 2 (group) and 3 (line) in rounds,
 *     each round reading the pattern as it stood when it began, until a
 *     round adds nothing. min_cell <= 0 suppresses nothing.
 *
 * How it stays linear: a line can only act in the round after its number
 * of suppressed cells becomes exactly 1 (cells are only ever added, and a
 * line at 1 whose candidates did not change has nothing new to do), so each
 * round visits only the lines touched by the cells the previous round
 * added, and each line is scanned at most once per gender. Rule 2 reads
 * cells and nothing reads totals, so it is applied after the last round:
 * the same pattern as applying it inside every round.
 */
#include "rules/disclosure.h"

#include <string.h>

/* The four genders rule 1 and rule 3 look at (not unknown). */
#define LINE_GENDERS 4
#define NONE G_MAXUINT32

struct jv_cells {
    jv_disclosure *owner;
    guint32 slot;         /* layer * (n_regions + 1) + region index; the
                              total is n_regions within its layer */
    GArray *group_of_key; /* guint32 per key id: group index + 1, 0 none */
};

typedef struct group {
    guint32 key; /* key id */
    guint32 n_counts;
    guint32 counts_at; /* counts[g * n_counts + m] start in d->counts */
    guint8 suppressed; /* bit g (0..3) per cell, bit JV_TOTAL the total */
    guint8 pending;    /* cells chosen in the current round */
} group;

typedef struct family_decl {
    guint32 slot;
    guint32 margin_key;
    guint32 members_at; /* start in d->member_keys */
    guint32 n_members;
} family_decl;

struct jv_disclosure {
    size_t n_regions;
    size_t n_layers; /* 1 + periods: layer 0 is all periods */
    int64_t min_cell;
    jv_cells *scopes;    /* (n_regions + 1) per layer; the total last */
    GHashTable *key_ids; /* owned char * → key id + 1 */
    guint32 n_keys;
    GArray *groups;      /* group */
    GArray *counts;      /* gint64 */
    GArray *families;    /* family_decl */
    GArray *member_keys; /* guint32 key ids */
    gboolean decided;
    size_t n_suppressed;
};

jv_disclosure *jv_disclosure_new(size_t n_regions, int64_t min_cell)
{
    return jv_disclosure_new_periods(n_regions, 0, min_cell);
}

jv_disclosure *jv_disclosure_new_periods(size_t n_regions, size_t n_periods, int64_t min_cell)
{
    g_return_val_if_fail(n_regions < G_MAXUINT32 / (n_periods + 1) - 1, NULL);
    jv_disclosure *d = g_new0(jv_disclosure, 1);
    d->n_regions = n_regions;
    d->n_layers = n_periods + 1;
    d->min_cell = min_cell;
    d->scopes = g_new0(jv_cells, (n_regions + 1) * d->n_layers);
    for (size_t i = 0; i < (n_regions + 1) * d->n_layers; i++) {
        d->scopes[i].owner = d;
        d->scopes[i].slot = (guint32)i;
        d->scopes[i].group_of_key = g_array_new(FALSE, TRUE, sizeof(guint32));
    }
    d->key_ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    d->groups = g_array_new(FALSE, TRUE, sizeof(group));
    d->counts = g_array_new(FALSE, TRUE, sizeof(gint64));
    d->families = g_array_new(FALSE, TRUE, sizeof(family_decl));
    d->member_keys = g_array_new(FALSE, TRUE, sizeof(guint32));
    return d;
}

void jv_disclosure_free(jv_disclosure *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < (d->n_regions + 1) * d->n_layers; i++)
        g_array_free(d->scopes[i].group_of_key, TRUE);
    g_free(d->scopes);
    g_hash_table_destroy(d->key_ids);
    g_array_free(d->groups, TRUE);
    g_array_free(d->counts, TRUE);
    g_array_free(d->families, TRUE);
    g_array_free(d->member_keys, TRUE);
    g_free(d);
}

/* The slot of a scope in a period's layer (period -1: all periods), or
 * NONE when it names no scope. */
static guint32 slot_in(const jv_disclosure *d, int scope, int period)
{
    if (period < -1 || (size_t)(period + 1) >= d->n_layers)
        return NONE;
    guint32 base = (guint32)((size_t)(period + 1) * (d->n_regions + 1));
    if (scope == JV_SCOPE_TOTAL)
        return base + (guint32)d->n_regions;
    if (scope >= 0 && (size_t)scope < d->n_regions)
        return base + (guint32)scope;
    return NONE;
}

static guint32 slot_of(const jv_disclosure *d, int scope) { return slot_in(d, scope, -1); }

jv_cells *jv_disclosure_scope(jv_disclosure *d, int scope)
{
    g_return_val_if_fail(d != NULL, NULL);
    guint32 slot = slot_of(d, scope);
    g_return_val_if_fail(slot != NONE, NULL);
    return &d->scopes[slot];
}

jv_cells *jv_disclosure_period_scope(jv_disclosure *d, int scope, int period)
{
    g_return_val_if_fail(d != NULL, NULL);
    guint32 slot = slot_in(d, scope, period);
    g_return_val_if_fail(slot != NONE, NULL);
    return &d->scopes[slot];
}

/* The id of `key`, interning it on first sight. */
static guint32 key_intern(jv_disclosure *d, const char *key)
{
    gpointer found = g_hash_table_lookup(d->key_ids, key);
    if (found != NULL)
        return GPOINTER_TO_UINT(found) - 1;
    guint32 id = d->n_keys++;
    g_hash_table_insert(d->key_ids, g_strdup(key), GUINT_TO_POINTER(id + 1));
    return id;
}

/* The group of key id `key` in `cells`, or NONE. */
static guint32 group_in(const jv_cells *cells, guint32 key)
{
    if (key == NONE || key >= cells->group_of_key->len)
        return NONE;
    guint32 plus_one = g_array_index(cells->group_of_key, guint32, key);
    return plus_one == 0 ? NONE : plus_one - 1;
}

void jv_cells_add_group(jv_cells *cells, const char *key, size_t n_counts, const int64_t *counts)
{
    g_return_if_fail(cells != NULL && key != NULL);
    g_return_if_fail(n_counts == 0 || counts != NULL);
    g_return_if_fail(n_counts <= G_MAXUINT32 / JV_GENDERS);
    jv_disclosure *d = cells->owner;
    guint32 id = key_intern(d, key);
    if (group_in(cells, id) != NONE)
        return; /* the first declaration wins */
    group gr = {0};
    gr.key = id;
    gr.n_counts = (guint32)n_counts;
    gr.counts_at = d->counts->len;
    if (n_counts > 0)
        g_array_append_vals(d->counts, counts, (guint)(n_counts * JV_GENDERS));
    if (cells->group_of_key->len <= id)
        g_array_set_size(cells->group_of_key, id + 1);
    g_array_index(cells->group_of_key, guint32, id) = d->groups->len + 1;
    g_array_append_val(d->groups, gr);
}

void jv_cells_add_family(jv_cells *cells, const char *margin, const char *const *members,
                         size_t n_members)
{
    g_return_if_fail(cells != NULL && margin != NULL);
    g_return_if_fail(n_members == 0 || members != NULL);
    jv_disclosure *d = cells->owner;
    family_decl f = {0};
    f.slot = cells->slot;
    f.margin_key = key_intern(d, margin);
    f.members_at = d->member_keys->len;
    for (size_t i = 0; i < n_members; i++) {
        if (members[i] == NULL)
            continue;
        guint32 id = key_intern(d, members[i]);
        g_array_append_val(d->member_keys, id);
        f.n_members++;
    }
    g_array_append_val(d->families, f);
}

/* ---- deciding ---------------------------------------------------------- */

/* Families resolved to group indices, the core's own included, with each
 * group's families as a compressed list (incidence). Plain arrays sized
 * up front: deciding allocates a handful of blocks, not one per cell. */
typedef struct lines {
    guint32 n_families;
    guint32 n_members;
    guint32 *margin;       /* group per family */
    guint32 *first;        /* n_families + 1 starts in members */
    guint32 *members;      /* groups, member order kept */
    guint32 *incidence_at; /* n_groups + 1 starts in incidence */
    guint32 *incidence;    /* family indices */
    guint32 *stamp;        /* per group: serial of the last family */
    guint32 serial;        /* of the family being built, from 1 */
} lines;

static void lines_begin_family(lines *l, guint32 margin)
{
    l->margin[l->n_families] = margin;
    l->first[l->n_families] = l->n_members;
    l->stamp[margin] = ++l->serial;
}

/* Adds member `g` to the family being built, once. */
static void lines_add_member(lines *l, guint32 g)
{
    if (g == NONE || l->stamp[g] == l->serial)
        return;
    l->stamp[g] = l->serial;
    l->members[l->n_members++] = g;
}

/* Keeps the family being built unless it has no member: a line of its
 * margin alone can never make rule 3 add anything. */
static void lines_end_family(lines *l)
{
    if (l->first[l->n_families] < l->n_members)
        l->n_families++;
}

static void lines_build(const jv_disclosure *d, lines *l)
{
    guint32 n_groups = d->groups->len;
    gsize width = d->n_regions + 1;
    gsize max_families = (gsize)d->families->len;
    gsize max_members = (gsize)d->member_keys->len;
    for (gsize layer = 0; layer < d->n_layers; layer++) {
        gsize keys = d->scopes[layer * width + d->n_regions].group_of_key->len;
        max_families += keys;
        max_members += keys * d->n_regions;
    }
    for (gsize s = 0; d->n_layers > 1 && s < width; s++) {
        max_families += d->scopes[s].group_of_key->len;
        max_members += (gsize)d->scopes[s].group_of_key->len * (d->n_layers - 1);
    }
    memset(l, 0, sizeof *l);
    l->margin = g_new(guint32, max_families + 1);
    l->first = g_new(guint32, max_families + 1);
    l->members = g_new(guint32, max_members + 1);
    l->stamp = g_new0(guint32, (gsize)n_groups + 1);

    /* The plugins' families. */
    for (guint i = 0; i < d->families->len; i++) {
        const family_decl *f = &g_array_index(d->families, family_decl, i);
        const jv_cells *cells = &d->scopes[f->slot];
        guint32 margin = group_in(cells, f->margin_key);
        if (margin == NONE)
            continue;
        lines_begin_family(l, margin);
        for (guint32 m = 0; m < f->n_members; m++)
            lines_add_member(
                l, group_in(cells, g_array_index(d->member_keys, guint32, f->members_at + m)));
        lines_end_family(l);
    }

    /* The core's: in every layer, every key of the total across the
     * regions. */
    for (gsize layer = 0; layer < d->n_layers; layer++) {
        const jv_cells *in = &d->scopes[layer * width];
        const jv_cells *total = &in[d->n_regions];
        for (guint32 key = 0; key < total->group_of_key->len; key++) {
            guint32 margin = group_in(total, key);
            if (margin == NONE)
                continue;
            lines_begin_family(l, margin);
            for (size_t r = 0; r < d->n_regions; r++)
                lines_add_member(l, group_in(&in[r], key));
            lines_end_family(l);
        }
    }
    /* With periods: every key of every scope across the periods (in their
     * order), margin the scope's all-periods key. */
    for (gsize s = 0; d->n_layers > 1 && s < width; s++) {
        const jv_cells *all = &d->scopes[s];
        for (guint32 key = 0; key < all->group_of_key->len; key++) {
            guint32 margin = group_in(all, key);
            if (margin == NONE)
                continue;
            lines_begin_family(l, margin);
            for (gsize layer = 1; layer < d->n_layers; layer++)
                lines_add_member(l, group_in(&d->scopes[layer * width + s], key));
            lines_end_family(l);
        }
    }
    l->first[l->n_families] = l->n_members; /* first[f + 1] ends family f */

    /* Incidence: for each group, the families it is a cell of. */
    l->incidence_at = g_new0(guint32, (gsize)n_groups + 1);
    for (guint32 f = 0; f < l->n_families; f++) {
        l->incidence_at[l->margin[f] + 1]++;
        for (guint32 i = l->first[f]; i < l->first[f + 1]; i++)
            l->incidence_at[l->members[i] + 1]++;
    }
    for (guint32 g = 0; g < n_groups; g++)
        l->incidence_at[g + 1] += l->incidence_at[g];
    l->incidence = g_new(guint32, (gsize)l->incidence_at[n_groups] + 1);
    guint32 *fill = g_new(guint32, (gsize)n_groups + 1);
    memcpy(fill, l->incidence_at, sizeof(guint32) * n_groups);
    for (guint32 f = 0; f < l->n_families; f++) {
        l->incidence[fill[l->margin[f]]++] = f;
        for (guint32 i = l->first[f]; i < l->first[f + 1]; i++)
            l->incidence[fill[l->members[i]]++] = f;
    }
    g_free(fill);
}

static void lines_free(lines *l)
{
    g_free(l->margin);
    g_free(l->first);
    g_free(l->members);
    g_free(l->incidence_at);
    g_free(l->incidence);
    g_free(l->stamp);
}

/* Count 0 of gender g: the one rule 3 ranks by. */
static gint64 rank_count(const jv_disclosure *d, const group *gr, int g)
{
    if (gr->n_counts == 0)
        return 0;
    return g_array_index(d->counts, gint64, gr->counts_at + (guint32)g * gr->n_counts);
}

/* Rule 1: any protected count 0 < c < min_cell. Adds the cells to fresh. */
static void apply_primary(jv_disclosure *d, GArray *fresh)
{
    for (guint32 i = 0; i < d->groups->len; i++) {
        group *gr = &g_array_index(d->groups, group, i);
        const gint64 *c = &g_array_index(d->counts, gint64, gr->counts_at);
        for (int g = 0; g < LINE_GENDERS; g++) {
            for (guint32 m = 0; m < gr->n_counts; m++) {
                gint64 v = c[(guint32)g * gr->n_counts + m];
                if (v > 0 && v < d->min_cell) {
                    gr->suppressed |= (guint8)(1u << g);
                    guint32 cell = i * LINE_GENDERS + (guint32)g;
                    g_array_append_val(fresh, cell);
                    break;
                }
            }
        }
    }
}

/* Rule 3 for a line with exactly one suppressed cell, on the pattern as
 * the round began: the member with the smallest positive unsuppressed
 * count (first in member order on ties), else the margin. NONE when that
 * cell is already suppressed. */
static guint32 line_choice(const jv_disclosure *d, const lines *l, guint32 f, int g)
{
    guint8 bit = (guint8)(1u << g);
    guint32 best = NONE;
    gint64 best_count = 0;
    for (guint32 i = l->first[f]; i < l->first[f + 1]; i++) {
        guint32 m = l->members[i];
        const group *gr = &g_array_index(d->groups, group, m);
        if (gr->suppressed & bit)
            continue;
        gint64 c = rank_count(d, gr, g);
        if (c > 0 && (best == NONE || c < best_count)) {
            best = m;
            best_count = c;
        }
    }
    if (best == NONE) {
        guint32 margin = l->margin[f];
        if (!(g_array_index(d->groups, group, margin).suppressed & bit))
            best = margin;
    }
    return best;
}

/* Rule 3 in rounds, starting from the cells of rule 1 in `fresh`. */
static void apply_rounds(jv_disclosure *d, const lines *l, GArray *fresh)
{
    gsize n_lines = (gsize)l->n_families * LINE_GENDERS;
    guint32 *suppressed_in_line = g_new0(guint32, n_lines + 1);
    guint32 *touched_in_round = g_new0(guint32, n_lines + 1);
    GArray *touched = g_array_new(FALSE, FALSE, sizeof(guint32));
    GArray *next = g_array_new(FALSE, FALSE, sizeof(guint32));
    guint32 round = 0;

    while (fresh->len > 0) {
        round++;
        /* The pattern as the round begins: count what the last round (or
         * rule 1) added into every line it belongs to. */
        g_array_set_size(touched, 0);
        for (guint i = 0; i < fresh->len; i++) {
            guint32 cell = g_array_index(fresh, guint32, i);
            guint32 gi = cell / LINE_GENDERS, g = cell % LINE_GENDERS;
            for (guint32 k = l->incidence_at[gi]; k < l->incidence_at[gi + 1]; k++) {
                guint32 line = l->incidence[k] * LINE_GENDERS + g;
                suppressed_in_line[line]++;
                if (touched_in_round[line] != round) {
                    touched_in_round[line] = round;
                    g_array_append_val(touched, line);
                }
            }
        }
        /* Every touched line with exactly one suppressed cell asks for one
         * more; nothing is applied until all have been asked. */
        g_array_set_size(next, 0);
        for (guint i = 0; i < touched->len; i++) {
            guint32 line = g_array_index(touched, guint32, i);
            if (suppressed_in_line[line] != 1)
                continue;
            int g = (int)(line % LINE_GENDERS);
            guint32 target = line_choice(d, l, line / LINE_GENDERS, g);
            if (target == NONE)
                continue;
            group *gr = &g_array_index(d->groups, group, target);
            if (gr->pending & (1u << g))
                continue;
            gr->pending |= (guint8)(1u << g);
            guint32 cell = target * LINE_GENDERS + (guint32)g;
            g_array_append_val(next, cell);
        }
        for (guint i = 0; i < next->len; i++) {
            guint32 cell = g_array_index(next, guint32, i);
            group *gr = &g_array_index(d->groups, group, cell / LINE_GENDERS);
            gr->suppressed |= (guint8)(1u << (cell % LINE_GENDERS));
            gr->pending = 0;
        }
        g_array_set_size(fresh, 0);
        if (next->len > 0)
            g_array_append_vals(fresh, next->data, next->len);
    }
    g_free(suppressed_in_line);
    g_free(touched_in_round);
    g_array_free(touched, TRUE);
    g_array_free(next, TRUE);
}

void jv_disclosure_decide(jv_disclosure *d)
{
    g_return_if_fail(d != NULL);
    /* Deciding again starts from scratch (groups may have been added). */
    for (guint32 i = 0; i < d->groups->len; i++) {
        g_array_index(d->groups, group, i).suppressed = 0;
        g_array_index(d->groups, group, i).pending = 0;
    }
    d->n_suppressed = 0;
    d->decided = TRUE;
    if (d->min_cell <= 0)
        return;

    GArray *fresh = g_array_new(FALSE, FALSE, sizeof(guint32));
    apply_primary(d, fresh);
    if (fresh->len > 0) {
        lines l;
        lines_build(d, &l);
        apply_rounds(d, &l, fresh);
        lines_free(&l);
    }
    g_array_free(fresh, TRUE);

    /* Rule 2, and the count for the log. */
    for (guint32 i = 0; i < d->groups->len; i++) {
        group *gr = &g_array_index(d->groups, group, i);
        if (gr->suppressed == 0)
            continue;
        gr->suppressed |= (guint8)(1u << JV_TOTAL);
        for (int b = 0; b <= JV_TOTAL; b++)
            d->n_suppressed += (gr->suppressed >> b) & 1u;
    }
}

gboolean jv_disclosure_suppressed(const jv_disclosure *d, int scope, const char *key, int gender)
{
    return jv_disclosure_period_suppressed(d, scope, -1, key, gender);
}

gboolean jv_disclosure_period_suppressed(const jv_disclosure *d, int scope, int period,
                                         const char *key, int gender)
{
    if (d == NULL || key == NULL || !d->decided || gender < 0 || gender > JV_TOTAL)
        return FALSE;
    guint32 slot = slot_in(d, scope, period);
    if (slot == NONE)
        return FALSE;
    gpointer found = g_hash_table_lookup(d->key_ids, key);
    if (found == NULL)
        return FALSE;
    guint32 gi = group_in(&d->scopes[slot], GPOINTER_TO_UINT(found) - 1);
    if (gi == NONE)
        return FALSE;
    return (g_array_index(d->groups, group, gi).suppressed >> gender) & 1u;
}

size_t jv_disclosure_count(const jv_disclosure *d) { return d == NULL ? 0 : d->n_suppressed; }
