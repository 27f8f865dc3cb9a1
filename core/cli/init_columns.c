/* core/cli/init_columns.c — the vocabulary of `jamvikt init` (contract in
 * init_columns.h): the column names Swedish regions' exports and
 * Tillväxtverket's templates use for each role of the built-in plugins,
 * and codes that mean a canonical value though the readers' defaults do
 * not list them. Kept as plain tables, so adding a word is one line. */
#include "cli/init_columns.h"

#include <string.h>

/* Synonyms per role, in order of preference (compared folded). */
static const struct {
    const char *role;
    const char *names[16];
} synonyms[] = {
    {"gender",
     {"kön", "sex", "genus", "recipient gender", "mottagarens kön", "mottagare kön", "sökandes kön",
      "applicant gender", "kön mottagare", "kön sökande", "deltagarens kön", "ledamotens kön",
      NULL}},
    {"region", {"län", "county", "region name", "regionnamn", "länsnamn", NULL}},
    {"amount_granted",
     {"beviljat belopp", "amount granted", "granted amount", "beviljat", "beviljade medel",
      "beviljat stöd", "beviljat bidrag", "beviljade belopp", "belopp beviljat", "beviljat kr",
      "granted", NULL}},
    {"amount_applied",
     {"sökt belopp", "amount applied", "applied amount", "ansökt belopp", "sökt", "sökta medel",
      "sökt stöd", "sökta belopp", "belopp sökt", "sökt kr", "applied", NULL}},
    {"decision", {"beslut", "beslutsstatus", "beslutstyp", "status", NULL}},
    {"arena", {"organ", "arena", "forum", "mötesplats", "body", "grupp", "organisation", NULL}},
    {"arena_type",
     {"typ av organ", "organtyp", "arena type", "arenatyp", "typ av arena", "body type",
      "organets typ", "arenans typ", "typ", NULL}},
    {"role", {"roll", "uppdrag", "position", NULL}},
    {"count", {"antal", "number", "antal personer", "n", NULL}},
    {"person",
     {"person id", "deltagar id", "deltagare", "participant", "participant id", "person nr",
      "personnummer", "löpnummer", "person", "id", NULL}},
    {"target_group", {"målgrupp", "target group", "grupp", NULL}},
    {"completed",
     {"genomförd", "genomfört", "genomförd utbildning", "slutförd", "fullföljd", "avslutad",
      "avklarad", "klar", "completed", "finished", NULL}},
    {"hours", {"timmar", "antal timmar", "hours", "tid timmar", "utbildningstimmar", NULL}},
    {"size",
     {"antal", "storlek", "population", "populationsstorlek", "befolkning", "antal personer",
      "antal i målgruppen", "size", "number", NULL}},
    {"goal_id", {"mål id", "mål nr", "målnummer", "goal id", "id", "nummer", "mål", "goal", NULL}},
    {"baseline",
     {"utgångsvärde", "utgångsläge", "startvärde", "baslinje", "basvärde", "ursprungsvärde", NULL}},
    {"target", {"målvärde", "target value", "målnivå", NULL}},
    {"outcome", {"utfall", "resultat", "actual", "uppnått värde", "utfallsvärde", NULL}},
    {"self_assessment",
     {"självskattning", "självbedömning", "egen bedömning", "bedömning", "skattning", NULL}},
    {"area", {"område", "insatsområde", "fokusområde", "målområde", NULL}},
    {"weight", {"vikt", "viktning", NULL}},
    {"programme", {"program", "programme", "stödform", "insats", NULL}},
    {"sector", {"bransch", "sektor", "sector", "näringsgren", NULL}},
    {"age_band", {"åldersgrupp", "ålder", "age band", "age group", "age", NULL}},
    {"foreign_background", {"utländsk bakgrund", "foreign background", NULL}},
    {"year", {"år", "year", "beslutsår", NULL}},
    {"id",
     {"ärende id", "ärendenummer", "diarienummer", "dnr", "ärende", "case id", "application id",
      "ansökan id", NULL}},
};

/* Codes the readers' defaults do not know, per role. */
static const struct {
    const char *role, *code, *canonical;
} extra_codes[] = {
    {"gender", "kvinnlig", "woman"},
    {"gender", "kvinnor", "woman"},
    {"gender", "flicka", "woman"},
    {"gender", "kv", "woman"},
    {"gender", "manlig", "man"},
    {"gender", "pojke", "man"},
    {"gender", "blandad", "mixed"},
    {"gender", "blandade", "mixed"},
    {"gender", "båda", "mixed"},
    {"gender", "mixad", "mixed"},
    {"gender", "kvinnor och män", "mixed"},
    {"gender", "annat", "non_binary"},
    {"gender", "ickebinär", "non_binary"},
    {"gender", "icke binär", "non_binary"},
    {"gender", "ej angivet", "unknown"},
    {"gender", "saknas", "unknown"},
    {"gender", "både kvinnor och män", "mixed"},
    {"gender", "båda könen", "mixed"},
    {"gender", "blandat kön", "mixed"},
    {"gender", "blandad grupp", "mixed"},
    {"gender", "okänt kön", "unknown"},
    {"gender", "vet ej", "unknown"},
    {"gender", "ej känt", "unknown"},
    {"gender", "annan", "non_binary"},
    {"gender", "okant", "unknown"},
    {"gender", "uppgift saknas", "unknown"},
    {"decision", "bifall", "granted"},
    {"decision", "bifallen", "granted"},
    {"decision", "beviljas", "granted"},
    {"decision", "beviljade", "granted"},
    {"decision", "avslås", "rejected"},
    {"decision", "avslagna", "rejected"},
    {"decision", "avslagen", "rejected"},
    {"decision", "ej beviljad", "rejected"},
    {"self_assessment", "kommer att nås", "will_meet"},
    {"self_assessment", "nås", "will_meet"},
    {"self_assessment", "nås delvis", "partly"},
    {"self_assessment", "kommer inte att nås", "will_not_meet"},
    {"self_assessment", "nås inte", "will_not_meet"},
    {"self_assessment", "kommer att uppnås", "will_meet"},
    {"self_assessment", "uppnås", "will_meet"},
    {"self_assessment", "uppnås delvis", "partly"},
    {"self_assessment", "kommer delvis att nås", "partly"},
    {"self_assessment", "kommer delvis att uppnås", "partly"},
    {"self_assessment", "kommer inte att uppnås", "will_not_meet"},
    {"self_assessment", "uppnås inte", "will_not_meet"},
    {"self_assessment", "uppnås ej", "will_not_meet"},
    {"self_assessment", "uppfylls", "will_meet"},
    {"self_assessment", "kommer att uppfyllas", "will_meet"},
    {"self_assessment", "uppfylls delvis", "partly"},
    {"self_assessment", "kommer delvis att uppfyllas", "partly"},
    {"self_assessment", "uppfylls inte", "will_not_meet"},
    {"self_assessment", "kommer inte att uppfyllas", "will_not_meet"},
};

char *jv_init_fold(const char *name)
{
    char *lower = g_utf8_strdown(name, -1);
    GString *out = g_string_new(NULL);
    for (const char *p = lower; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
        switch (c) {
        case 0xE5: /* å */
        case 0xE4: /* ä */
        case 0xE0: /* à */
        case 0xE1: /* á */
            g_string_append_c(out, 'a');
            break;
        case 0xF6: /* ö */
        case 0xF8: /* ø */
            g_string_append_c(out, 'o');
            break;
        case 0xE9: /* é */
        case 0xE8: /* è */
            g_string_append_c(out, 'e');
            break;
        case 0xFC: /* ü */
            g_string_append_c(out, 'u');
            break;
        default:
            if (g_unichar_isalnum(c))
                g_string_append_unichar(out, c);
        }
    }
    g_free(lower);
    return g_string_free(out, FALSE);
}

int jv_init_role_rank(const char *role, const char *column)
{
    char *folded = jv_init_fold(column);
    char *own = jv_init_fold(role);
    int rank = strcmp(folded, own) == 0 ? 0 : -1;
    g_free(own);
    for (size_t i = 0; rank < 0 && i < G_N_ELEMENTS(synonyms); i++) {
        if (strcmp(synonyms[i].role, role) != 0)
            continue;
        for (int k = 0; synonyms[i].names[k] != NULL && rank < 0; k++) {
            char *word = jv_init_fold(synonyms[i].names[k]);
            if (strcmp(word, folded) == 0)
                rank = k + 1;
            g_free(word);
        }
    }
    g_free(folded);
    return rank;
}

const char *jv_init_extra_code(const char *role, const char *value)
{
    char *folded = jv_init_fold(value);
    const char *found = NULL;
    for (size_t i = 0; i < G_N_ELEMENTS(extra_codes) && found == NULL; i++) {
        if (strcmp(extra_codes[i].role, role) != 0)
            continue;
        char *code = jv_init_fold(extra_codes[i].code);
        if (strcmp(code, folded) == 0)
            found = extra_codes[i].canonical;
        g_free(code);
    }
    g_free(folded);
    return found;
}
