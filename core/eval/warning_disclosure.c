/* core/eval/warning_disclosure.c — counts in the result's warnings under
 * disclosure control (issue 13: "warnings never state a count that the
 * disclosure rules suppress").
 *
 * The rule, per scope (a region, or the total for evaluation-wide lines):
 *  1. When the scope's counts are hidden (some indicator's main total is
 *     suppressed, so its "rows" and "skipped_rows" are null), no count is
 *     stated: "3 rows skipped" becomes "rows were skipped", the lines that
 *     list skipped rows one by one are left out (their number is the
 *     count), and every other count of rows, cells or persons becomes
 *     "some". `jamvikt check` lists them to whoever holds the data.
 *  2. Otherwise the count of rows with an empty gender cell — rows of
 *     gender unknown, a protected cell — is "some" where an indicator's
 *     cell of unknown gender is suppressed in the scope (by any rule,
 *     secondary suppression included), "fewer than <min_cell>" below
 *     min_cell, else exact. Other counts (skipped rows, as "skipped_rows"
 *     publishes them) are exact.
 * The lines are the core's own wording (table_reader.c, pass_warnings.c)
 * and the built-in plugins': "<count> row(s)/cell(s)/person(s) ...". */
#include "eval/warning_disclosure.h"

#include <string.h>

/* The count a line states and where: ": <digits> <noun>", noun one of
 * row(s), cell(s), person(s), value(s). */
static GRegex *count_pattern(void)
{
    static gsize done = 0;
    static GRegex *pattern = NULL;
    if (g_once_init_enter(&done)) {
        pattern = g_regex_new(": ([0-9]+) (rows? |cells? |person\\(s\\) |persons? )", 0, 0, NULL);
        g_once_init_leave(&done, 1);
    }
    return pattern;
}

char *jv_warning_disclose(const char *text, gboolean hidden, gboolean unknown_hidden,
                          int64_t min_cell)
{
    if (hidden && g_str_has_suffix(text, " (row skipped)"))
        return NULL;
    if (hidden && strstr(text, " of ") != NULL) {
        /* "on 2 of 5 rows" (a plugin's wording) states two counts */
        GRegex *of = g_regex_new("[0-9]+ of [0-9]+ rows", 0, 0, NULL);
        char *plain = g_regex_replace_literal(of, text, -1, 0, "some rows", 0, NULL);
        g_regex_unref(of);
        if (plain != NULL && strcmp(plain, text) != 0) {
            char *again = jv_warning_disclose(plain, hidden, unknown_hidden, min_cell);
            g_free(plain);
            return again;
        }
        g_free(plain);
    }
    GMatchInfo *match = NULL;
    if (!g_regex_match(count_pattern(), text, 0, &match)) {
        g_match_info_free(match);
        return g_strdup(text);
    }
    int start, end, noun_start, noun_end;
    g_match_info_fetch_pos(match, 1, &start, &end);
    g_match_info_fetch_pos(match, 2, &noun_start, &noun_end);
    g_match_info_free(match);
    guint64 count = g_ascii_strtoull(text + start, NULL, 10);
    gboolean gender = strstr(text, "empty gender cell") != NULL;
    char *noun = g_strndup(text + noun_start, (gsize)(noun_end - noun_start - 1));
    const char *plural = g_str_has_prefix(noun, "row")      ? "rows"
                         : g_str_has_prefix(noun, "cell")   ? "cells"
                         : g_str_has_prefix(noun, "person") ? "persons"
                                                            : noun;
    char *said = NULL;
    if (hidden || (gender && unknown_hidden))
        said = g_strdup_printf("some %s", plural);
    else if (gender && min_cell > 0 && count < (guint64)min_cell)
        said = g_strdup_printf("fewer than %" G_GINT64_FORMAT " %s", min_cell, plural);
    char *out;
    if (said == NULL) {
        out = g_strdup(text);
    } else {
        /* the verb follows the plural: "1 row has" → "some rows have" */
        const char *rest = text + noun_end;
        const char *verb_fix = g_str_has_prefix(rest, "has ") ? "have " : NULL;
        const char *verb_fix2 = g_str_has_prefix(rest, "reads ") ? "read " : NULL;
        out = g_strdup_printf("%.*s%s %s%s", start, text, said,
                              verb_fix    ? verb_fix
                              : verb_fix2 ? verb_fix2
                                          : "",
                              rest + (verb_fix    ? 4
                                      : verb_fix2 ? 6
                                                  : 0));
        if (hidden || (gender && unknown_hidden)) {
            char *noted = g_strconcat(out,
                                      " (the number is withheld: the region's counts are "
                                      "suppressed)",
                                      NULL);
            g_free(out);
            out = noted;
        }
    }
    g_free(said);
    g_free(noun);
    return out;
}
