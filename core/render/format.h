/* core/render/format.h — numbers as people read them, per language and
 * kind, and numbers as programs read them back (CSV).
 *
 * Contract:
 *  1. Display rounding only: shares and rates as percent with one decimal
 *     ("31,4 %" in Swedish, "31.4%" in English), differences of shares in
 *     percentage points with a sign ("+9,0 p.e.", "+9.0 pp"), counts and
 *     amounts as whole numbers grouped by thousands ("9 275 000",
 *     "9,275,000"), other numbers with one decimal unless whole.
 *  2. A value that is JSON null, absent or not a finite number is ".."
 *     (no data); the report model, which knows why, shows × or . instead
 *     where the figure is suppressed or cannot occur (symbols.h). A
 *     rounded zero never carries a minus sign.
 *  3. jv_format_exact() writes the shortest decimal that reads back as the
 *     same double, never with an exponent (core/data/convert.h rejects
 *     exponents), with the decimal mark given.
 * Every function returns newly allocated text (g_free) or appends to a
 * caller's GString.
 */
#ifndef JV_RENDER_FORMAT_H
#define JV_RENDER_FORMAT_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/i18n.h"

typedef enum jv_kind {
    JV_KIND_NUMBER = 0,        /* one decimal unless whole */
    JV_KIND_COUNT,             /* whole, grouped */
    JV_KIND_AMOUNT,            /* whole, grouped */
    JV_KIND_SHARE,             /* percent, one decimal */
    JV_KIND_DIFFERENCE,        /* percentage points, signed */
    JV_KIND_AMOUNT_DIFFERENCE, /* whole, grouped, signed: "-91 000" */
    JV_KIND_NUMBER_DIFFERENCE  /* one decimal unless whole, signed */
} jv_kind;

#define JV_MISSING ".."

/* The kind a headline `unit` or a plugin's unit word stands for (share
 * and rate: SHARE; difference and points: DIFFERENCE; amount_difference,
 * number_difference, count, amount, number). */
jv_kind jv_kind_for_unit(const char *unit);
/* The kind of a measure, by its name: the built-in measures by name, then
 * names holding share, rate, ratio, progress or fulfilment as SHARE, names
 * ending in gap as DIFFERENCE, anything else NUMBER. */
jv_kind jv_kind_for_measure(const char *name);

char *jv_format_number(jv_lang lang, double value, jv_kind kind);
/* As jv_format_number for a JSON value; ".." unless a finite number. A
 * boolean is yes/no in the language. */
char *jv_format_json(jv_lang lang, const cJSON *value, jv_kind kind);
/* An interval [lower, upper]: "35,8–70,5 %", or with a negative limit
 * "-35,0 till +7,1 p.e." (English "to"); ".." unless two numbers. */
char *jv_format_interval(jv_lang lang, const cJSON *interval, jv_kind kind);
/* The same for two limits. */
char *jv_format_range(jv_lang lang, double lower, double upper, jv_kind kind);
/* A percentage, without decimals when whole: "40 %", "99,5 %", "40%". */
char *jv_format_percent_short(jv_lang lang, double share);
/* The balanced band: "40–60 %" / "40–60%". */
char *jv_format_band(jv_lang lang, double low, double high);
/* "95 % KI" / "95% CI" for a confidence level (0.95). */
char *jv_format_ci_name(jv_lang lang, double confidence);

/* Appends the shortest round-tripping decimal form of a finite value,
 * with `decimal_mark` ('.' or ','). */
void jv_format_exact(GString *out, double value, char decimal_mark);

#endif /* JV_RENDER_FORMAT_H */
