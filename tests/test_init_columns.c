/* tests/test_init_columns.c — the words `jamvikt init` recognises
 * (core/cli/init_columns.h): folding, which column name means which role,
 * and the codes beyond the readers' defaults. */
#include <string.h>

#include "cli/init_columns.h"
#include "harness.h"

static void expect_fold(const char *name, const char *folded)
{
    char *f = jv_init_fold(name);
    CU_ASSERT_STRING_EQUAL(f, folded);
    g_free(f);
}

static void test_folding_ignores_case_spaces_underscores_hyphens_and_swedish_letters(void)
{
    expect_fold("Beviljat belopp", "beviljatbelopp");
    expect_fold("beviljat_belopp", "beviljatbelopp");
    expect_fold("BEVILJAT-BELOPP", "beviljatbelopp");
    expect_fold("Kön", "kon");
    expect_fold("Utgångsvärde", "utgangsvarde");
    expect_fold("  Mål-id (nr) ", "malidnr");
}

static void test_a_column_named_like_the_role_ranks_first(void)
{
    CU_ASSERT_EQUAL(jv_init_role_rank("amount_granted", "Amount granted"), 0);
    CU_ASSERT_EQUAL(jv_init_role_rank("gender", "GENDER"), 0);
    /* a custom plugin's role: only its own name */
    CU_ASSERT_EQUAL(jv_init_role_rank("leader_seats", "Leader seats"), 0);
    CU_ASSERT_EQUAL(jv_init_role_rank("leader_seats", "platser"), -1);
}

static void test_swedish_names_match_their_roles(void)
{
    static const struct {
        const char *role, *column;
    } pairs[] = {
        {"gender", "Kön"},
        {"amount_granted", "Beviljat belopp"},
        {"amount_applied", "Sökt belopp"},
        {"decision", "Beslut"},
        {"target_group", "Målgrupp"},
        {"count", "Antal"},
        {"size", "Antal"},
        {"hours", "Timmar"},
        {"completed", "Genomförd"},
        {"baseline", "Utgångsvärde"},
        {"target", "Målvärde"},
        {"outcome", "Utfall"},
        {"weight", "Vikt"},
        {"self_assessment", "Självskattning"},
        {"arena", "Organ"},
        {"role", "Roll"},
        {"year", "År"},
        {"region", "Län"},
        {"arena_type", "Typ av organ"},
        {"person", "Person-id"},
        {"goal_id", "Mål-id"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(pairs); i++) {
        int rank = jv_init_role_rank(pairs[i].role, pairs[i].column);
        CU_ASSERT(rank > 0);
        if (rank <= 0)
            fprintf(stderr, "\n  %s: '%s' not recognised\n", pairs[i].role, pairs[i].column);
    }
}

static void test_better_names_rank_before_weaker_ones(void)
{
    /* "Mål-id" names a goal's id better than "Mål" (its text) */
    CU_ASSERT(jv_init_role_rank("goal_id", "Mål-id") < jv_init_role_rank("goal_id", "Mål"));
    CU_ASSERT(jv_init_role_rank("amount_granted", "Beviljat belopp") <
              jv_init_role_rank("amount_granted", "Beviljat"));
    CU_ASSERT_EQUAL(jv_init_role_rank("amount_granted", "Sökt belopp"), -1);
    CU_ASSERT_EQUAL(jv_init_role_rank("gender", "Ålder"), -1);
}

static void test_extra_codes_map_words_the_defaults_lack(void)
{
    CU_ASSERT_STRING_EQUAL(jv_init_extra_code("gender", "Blandad"), "mixed");
    CU_ASSERT_STRING_EQUAL(jv_init_extra_code("gender", "ej angivet"), "unknown");
    CU_ASSERT_STRING_EQUAL(jv_init_extra_code("decision", "Bifall"), "granted");
    CU_ASSERT_STRING_EQUAL(jv_init_extra_code("self_assessment", "Kommer inte att nås"),
                           "will_not_meet");
    CU_ASSERT_PTR_NULL(jv_init_extra_code("gender", "hen"));
    CU_ASSERT_PTR_NULL(jv_init_extra_code("decision", "blandad"));
}

int main(void)
{
    static const jvt_test tests[] = {
        {"folding_ignores_case_spaces_underscores_hyphens_and_swedish_letters",
         test_folding_ignores_case_spaces_underscores_hyphens_and_swedish_letters},
        {"a_column_named_like_the_role_ranks_first", test_a_column_named_like_the_role_ranks_first},
        {"swedish_names_match_their_roles", test_swedish_names_match_their_roles},
        {"better_names_rank_before_weaker_ones", test_better_names_rank_before_weaker_ones},
        {"extra_codes_map_words_the_defaults_lack", test_extra_codes_map_words_the_defaults_lack},
        {NULL, NULL},
    };
    return jvt_main("init_columns", tests);
}
