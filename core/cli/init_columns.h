/* core/cli/init_columns.h — what `jamvikt init` knows about the words
 * analysts use: which column names mean which role (Swedish and English,
 * compared folded: case, spaces, underscores, hyphens and å/ä/ö do not
 * matter), and codes beyond the readers' defaults that still clearly mean
 * a canonical value ("blandad" → mixed).
 *
 * Contract:
 *  1. jv_init_fold("Beviljat belopp") == jv_init_fold("beviljat_belopp")
 *     == "beviljatbelopp": lower-cased, å/ä → a, ö → o, é → e, ü → u, and
 *     everything but letters and digits left out. Newly allocated.
 *  2. jv_init_role_rank(role, column) is 0 when the column is named like
 *     the role itself, 1, 2, ... for the role's synonyms in order of
 *     preference, and -1 for no match. A role the vocabulary does not know
 *     (a custom plugin's) matches its own name only.
 *  3. jv_init_extra_code(role, value) is the canonical value a code the
 *     readers do not know means, or NULL.
 *  4. The region column (national tables) is recognised like a role named
 *     "region".
 */
#ifndef JV_CLI_INIT_COLUMNS_H
#define JV_CLI_INIT_COLUMNS_H

#include <glib.h>

char *jv_init_fold(const char *name);
int jv_init_role_rank(const char *role, const char *column);
const char *jv_init_extra_code(const char *role, const char *value);

#endif /* JV_CLI_INIT_COLUMNS_H */
