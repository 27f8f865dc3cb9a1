/* tests/test_disclosure_scale.c — disclosure control (INDICATORS.md
 * "Disclosure control") checked as invariants rather than by hand: 21
 * regions with many small cells, where every rule must hold on the decided
 * pattern whatever order the families were declared in. The hand-worked
 * patterns are in test_disclosure.c.
 */
#include "harness.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "rules/disclosure.h"

enum { REGIONS = 21, KEYS = 50, SIZES = 6 };

typedef struct fam {
    int scope;
    char margin[16];
    char members[KEYS][16];
    int n;
} fam;

static void key_name(char out[16], int key)
{
    if (key < KEYS)
        g_snprintf(out, 16, "sector=%d", key);
    else if (key < KEYS + SIZES)
        g_snprintf(out, 16, "size=%d", key - KEYS);
    else
        g_snprintf(out, 16, "%s", JV_MAIN_GROUP);
}

/* 21 regions × (50 sectors + 6 sizes + split), families sector → split and
 * size → split in every scope (declared in a scrambled order), counts
 * drawn with a fixed seed so many cells are small. Checks, on the decided
 * pattern: rule 1 cells are suppressed; unknown never; totals exactly
 * where a cell is; and no line of any family (the core's included) is
 * left with exactly one suppressed cell, unless that cell is the margin and
 * no member has a positive unsuppressed count. The declaration order of
 * the families must not change the pattern. */
static void test_rules_hold_at_the_scale_of_21_regions(void)
{
    enum { NK = KEYS + SIZES + 1, SPLIT = KEYS + SIZES };
    int64_t(*counts)[NK][JV_GENDERS] = g_malloc0(sizeof(int64_t[NK][JV_GENDERS]) * (REGIONS + 1));
    GRand *rand = g_rand_new_with_seed(20240611);
    for (int r = 0; r < REGIONS; r++)
        for (int k = 0; k < KEYS; k++)
            for (int g = 0; g < JV_GENDERS; g++) {
                int64_t v = g_rand_int_range(rand, 0, 4) == 0 ? g_rand_int_range(rand, 0, 5)
                                                              : g_rand_int_range(rand, 0, 40);
                counts[r][k][g] = v;
                /* sizes partition the same rows differently */
                counts[r][KEYS + k % SIZES][g] += v;
                counts[r][SPLIT][g] += v;
            }
    for (int r = 0; r < REGIONS; r++)
        for (int k = 0; k < NK; k++)
            for (int g = 0; g < JV_GENDERS; g++)
                counts[REGIONS][k][g] += counts[r][k][g];

    /* The families, the core's included, for the checker. */
    GArray *fams = g_array_new(FALSE, TRUE, sizeof(fam));
    for (int s = -1; s < REGIONS; s++) {
        fam f = {0};
        f.scope = s < 0 ? JV_SCOPE_TOTAL : s;
        key_name(f.margin, SPLIT);
        f.n = KEYS;
        for (int k = 0; k < KEYS; k++)
            key_name(f.members[k], k);
        g_array_append_val(fams, f);
        f.n = SIZES;
        for (int k = 0; k < SIZES; k++)
            key_name(f.members[k], KEYS + k);
        g_array_append_val(fams, f);
    }
    guint n_declared = fams->len;

    gboolean pattern[2][REGIONS + 1][NK][JV_TOTAL + 1];
    for (int pass = 0; pass < 2; pass++) {
        jv_disclosure *d = jv_disclosure_new(REGIONS, 5);
        for (int s = 0; s <= REGIONS; s++)
            for (int k = 0; k < NK; k++) {
                char key[16];
                key_name(key, k);
                jv_cells_add_group(jv_disclosure_scope(d, s == REGIONS ? JV_SCOPE_TOTAL : s), key,
                                   1, &counts[s][k][0]);
            }
        for (guint i = 0; i < n_declared; i++) {
            /* pass 0 in order, pass 1 backwards */
            const fam *f = &g_array_index(fams, fam, pass ? n_declared - 1 - i : i);
            const char *members[KEYS];
            for (int m = 0; m < f->n; m++)
                members[m] = f->members[m];
            jv_cells_add_family(jv_disclosure_scope(d, f->scope), f->margin, members, (size_t)f->n);
        }
        gint64 start = g_get_monotonic_time();
        jv_disclosure_decide(d);
        gint64 took = g_get_monotonic_time() - start;
        CU_ASSERT(took < 200000); /* far above the expected ~0.1 ms */
        for (int s = 0; s <= REGIONS; s++)
            for (int k = 0; k < NK; k++) {
                char key[16];
                key_name(key, k);
                for (int g = 0; g <= JV_TOTAL; g++)
                    pattern[pass][s][k][g] =
                        jv_disclosure_suppressed(d, s == REGIONS ? JV_SCOPE_TOTAL : s, key, g);
            }
        jv_disclosure_free(d);
    }
    CU_ASSERT(memcmp(pattern[0], pattern[1], sizeof pattern[0]) == 0);

    /* The core's families: every key across the regions → the total. */
    for (int k = 0; k < NK; k++) {
        fam f = {0};
        f.scope = JV_SCOPE_TOTAL;
        key_name(f.margin, k);
        f.n = REGIONS;
        g_array_append_val(fams, f); /* members are per region: below */
    }

    gboolean(*p)[NK][JV_TOTAL + 1] = pattern[0];
    size_t bad = 0;
    for (int s = 0; s <= REGIONS; s++)
        for (int k = 0; k < NK; k++) {
            gboolean any = FALSE;
            for (int g = 0; g < JV_GENDERS; g++) {
                int64_t c = counts[s][k][g];
                if (g < 4 && c > 0 && c < 5 && !p[s][k][g])
                    bad++; /* rule 1 */
                if (g == JV_UNKNOWN && p[s][k][g])
                    bad++;
                any = any || p[s][k][g];
            }
            if (any != p[s][k][JV_TOTAL])
                bad++; /* rule 2 */
        }
    CU_ASSERT_EQUAL(bad, 0);

    size_t lines_checked = 0;
    for (guint i = 0; i < fams->len; i++) {
        const fam *f = &g_array_index(fams, fam, i);
        gboolean core = i >= n_declared;
        int margin_scope = f->scope == JV_SCOPE_TOTAL ? REGIONS : f->scope;
        int margin_key = core ? (int)(i - n_declared) : SPLIT;
        for (int g = 0; g < 4; g++) {
            int suppressed = p[margin_scope][margin_key][g];
            int positive_open = 0;
            for (int m = 0; m < f->n; m++) {
                int ms = core ? m : margin_scope;
                int mk = core ? margin_key : (f->n == KEYS ? m : KEYS + m);
                if (p[ms][mk][g])
                    suppressed++;
                else if (counts[ms][mk][g] > 0)
                    positive_open++;
            }
            int margin_alone = p[margin_scope][margin_key][g] && positive_open == 0;
            if (suppressed == 1 && !margin_alone)
                bad++;
            lines_checked++;
        }
    }
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_EQUAL(lines_checked, (size_t)(2 * (REGIONS + 1) + NK) * 4);
    g_array_free(fams, TRUE);
    g_rand_free(rand);
    g_free(counts);
}

int main(void)
{
    static const jvt_test tests[] = {
        {"the rules hold at the scale of 21 regions", test_rules_hold_at_the_scale_of_21_regions},
        {NULL, NULL},
    };
    return jvt_main("disclosure at scale", tests);
}
