/* tests/participation_checks.c — the participation suites' assertions on a
 * split of a result (see participation_checks.h). */
#include "participation_checks.h"
#include "harness.h"

#include <stdio.h>

/* split + key in one of a few rotating buffers; the assert_* helpers copy
 * their split path first, so it may itself come from part_at(). */
char *part_at(const char *split, const char *key)
{
    static char buffer[4][512];
    static int next;
    char *b = buffer[next++ % 4];
    snprintf(b, sizeof buffer[0], "%s%s", split, key);
    return b;
}

/* The seats of a split, every cell published. */
void assert_seats(cJSON *doc, const char *split_path, double w, double m, double nb, double mixed,
                  double unknown)
{
    char split[256];
    snprintf(split, sizeof split, "%s", split_path);
    static const char *const names[] = {"woman", "man", "non_binary", "mixed", "unknown"};
    const double seats[] = {w, m, nb, mixed, unknown};
    char path[512];
    for (int g = 0; g < 5; g++) {
        snprintf(path, sizeof path, "%sby_gender/%s/seats", split, names[g]);
        CU_ASSERT_EQUAL(jvt_num(doc, path), seats[g]);
        snprintf(path, sizeof path, "%sby_gender/%s/suppressed", split, names[g]);
        CU_ASSERT(cJSON_IsFalse(jvt_get(doc, path)));
    }
    CU_ASSERT_EQUAL(jvt_num(doc, part_at(split, "total/seats")), w + m + nb + mixed + unknown);
    CU_ASSERT(cJSON_IsFalse(jvt_get(doc, part_at(split, "total/suppressed"))));
}

/* share (NaN: null), balance, balance_certain (-1 null, 0, 1) and ci
 * (lower NaN: null) of a split. */
void assert_figures(cJSON *doc, const char *split_path, double share, const char *balance,
                    int certain, double lower, double upper)
{
    char split[256];
    snprintf(split, sizeof split, "%s", split_path);
    if (isnan(share)) {
        CU_ASSERT(jvt_is_null(doc, part_at(split, "women_share/seats")));
    } else {
        JVT_NEAR(jvt_num(doc, part_at(split, "women_share/seats")), share);
    }
    JVT_ASSERT_STR(doc, part_at(split, "balance"), balance);
    cJSON *c = jvt_get(doc, part_at(split, "balance_certain"));
    if (certain < 0) {
        CU_ASSERT(cJSON_IsNull(c));
    } else {
        CU_ASSERT(certain ? cJSON_IsTrue(c) : cJSON_IsFalse(c));
    }
    if (isnan(lower)) {
        CU_ASSERT(jvt_is_null(doc, part_at(split, "ci")));
    } else {
        JVT_NEAR(jvt_num(doc, part_at(split, "ci/0")), lower);
        JVT_NEAR(jvt_num(doc, part_at(split, "ci/1")), upper);
    }
}

/* Every measure of a split suppressed: seats of woman and man, the total,
 * and every figure built on them. */
void assert_suppressed(cJSON *doc, const char *split_path)
{
    char split[256];
    snprintf(split, sizeof split, "%s", split_path);
    CU_ASSERT(jvt_is_null(doc, part_at(split, "by_gender/woman/seats")));
    CU_ASSERT(cJSON_IsTrue(jvt_get(doc, part_at(split, "by_gender/woman/suppressed"))));
    CU_ASSERT(jvt_is_null(doc, part_at(split, "by_gender/man/seats")));
    CU_ASSERT(cJSON_IsTrue(jvt_get(doc, part_at(split, "by_gender/man/suppressed"))));
    CU_ASSERT(jvt_is_null(doc, part_at(split, "total/seats")));
    CU_ASSERT(cJSON_IsTrue(jvt_get(doc, part_at(split, "total/suppressed"))));
    assert_figures(doc, split, NAN, "no_data", -1, NAN, NAN);
}
