/* core/cli/plugins_roles.c — the role lines of `jamvikt plugins` (text):
 * what each column a plugin reads means and which values it accepts, and
 * once at the end the gender codes and yes/no words every gender and
 * boolean role accepts, so that whoever prepares the data learns them
 * here and not from the first error message. */
#include "cli/cli.h"

#include <stdio.h>

#include "data/codes.h"

static const char *number_kind(const jv_role *role, const char *what)
{
    static char text[64];
    const char *bound = (role->flags & JV_ROLE_POSITIVE)      ? " > 0"
                        : (role->flags & JV_ROLE_NONNEGATIVE) ? " >= 0"
                                                              : "";
    snprintf(text, sizeof text, "%s%s", what, bound);
    return text;
}

static const char *value_kind(const jv_role *role)
{
    switch (role->type) {
    case JV_TYPE_GENDER:
        return "gender code";
    case JV_TYPE_CATEGORY:
        return role->codes ? "one of the values below" : "category (any text)";
    case JV_TYPE_ID:
        return "identifier (any text)";
    case JV_TYPE_NUMBER:
        return number_kind(role, "number");
    case JV_TYPE_INTEGER:
        return number_kind(role, "whole number");
    case JV_TYPE_BOOLEAN:
        return "yes or no";
    }
    return "?";
}

/* The canonical values of a role declared with codes, one a line with the
 * spellings that stand for it. */
static void print_closed_codes(FILE *out, const jv_role *role)
{
    GError *error = NULL;
    jv_codes *codes = jv_codes_new_closed(role->codes, NULL, "plugin", role->name, &error);
    if (codes == NULL) {
        fprintf(out, "      (%s)\n", error->message);
        g_error_free(error);
        return;
    }
    for (guint i = 0; i < jv_codes_count(codes); i++) {
        char *aliases = jv_codes_aliases(codes, i);
        fprintf(out, "      %s%s%s%s\n", jv_codes_canonical(codes, i), *aliases ? " (also " : "",
                aliases, *aliases ? ")" : "");
        g_free(aliases);
    }
    jv_codes_free(codes);
}

void jv_cli_print_roles(FILE *out, const jv_table_spec *table)
{
    for (size_t r = 0; r < table->n_roles; r++) {
        const jv_role *role = &table->roles[r];
        fprintf(out, "    %-16s %s, %s%s%s%s\n", role->name,
                (role->flags & JV_ROLE_REQUIRED) ? "required" : "optional", value_kind(role),
                (role->flags & JV_ROLE_EMPTY_IS_VALUE) ? " (an empty cell is the value \"\")" : "",
                role->help ? ": " : "", role->help ? role->help : "");
        if (role->type == JV_TYPE_CATEGORY && role->codes != NULL)
            print_closed_codes(out, role);
    }
}

void jv_cli_print_value_codes(FILE *out)
{
    jv_codes *codes = jv_codes_new_gender(NULL, NULL, NULL, NULL);
    fprintf(out, "\nGender codes, for every gender role (trimmed, any case; an evaluation file's\n"
                 "\"codes\" may add more, see jamvikt-evaluation(5)):\n");
    for (guint g = 0; g < jv_codes_count(codes); g++) {
        char *aliases = jv_codes_aliases(codes, g);
        fprintf(out, "  %-11s %s%s\n", jv_codes_canonical(codes, g),
                g == JV_UNKNOWN ? "an empty cell, " : "", aliases);
        g_free(aliases);
    }
    jv_codes_free(codes);
    fprintf(out,
            "  1 and 2 follow SCB's coding (1 man, 2 woman); a run that reads them warns.\n"
            "Yes/no values, for every yes-or-no role (trimmed, any case):\n"
            "  yes         ja, yes, true, sant, 1, j, y\n"
            "  no          nej, no, false, falskt, 0, n\n"
            "What every figure means: indicators.md, installed with jamvikt's documentation.\n");
}
