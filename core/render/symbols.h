/* core/render/symbols.h — what a report shows where a figure is missing,
 * after the legend of Swedish official statistics (SCB's
 * "Teckenförklaring"), so a reader can tell a protected figure from one
 * that does not exist:
 *
 *   ×   suppressed to protect individuals (the JSON has null and
 *       "suppressed": true, or the figure is built on such a cell)
 *   .   not applicable: the figure cannot occur for this row (a region's
 *       cell in a column only the total has, and the reverse)
 *   ..  no data: not computed (the reason in a footnote), not reported,
 *       or a share of nothing
 *
 * SCB's legend has ".." (not available or too uncertain) and "." (cannot
 * occur); it marks confidentiality in some tables with ×, which jamvikt
 * uses for every suppressed figure. Every format that shows symbols shows
 * this legend (jv_symbol_legend). The JSON keeps null plus `suppressed`
 * or the skip `reason`; only renderers choose a symbol.
 * Every string returned is static: never free it, unless said.
 */
#ifndef JV_RENDER_SYMBOLS_H
#define JV_RENDER_SYMBOLS_H

#include <glib.h>

#include "render/i18n.h"

typedef enum jv_absence {
    JV_ABSENT_NO_DATA = 0,   /* ".." */
    JV_ABSENT_SUPPRESSED,    /* "×" */
    JV_ABSENT_NOT_APPLICABLE /* "." */
} jv_absence;

#define JV_SYMBOL_NO_DATA ".."
#define JV_SYMBOL_SUPPRESSED "\xc3\x97" /* × U+00D7 */
#define JV_SYMBOL_NOT_APPLICABLE "."

/* The symbol of an absence. */
const char *jv_symbol(jv_absence absence);
/* Which absence a displayed text is, or FALSE when it is a figure. */
gboolean jv_symbol_parse(const char *text, jv_absence *absence);
/* "suppressed to protect individuals (a count below 5, or a cell that
 * would reveal one)" for min_cell 5 — one explanation, newly allocated. */
char *jv_symbol_meaning(jv_lang lang, jv_absence absence, int min_cell);
/* The whole legend in one line: "× = …; . = …; .. = …". Newly
 * allocated (g_free). */
char *jv_symbol_legend(jv_lang lang, int min_cell);
/* A footnote marker for note number n (1-based): "¹", "²", … "¹²".
 * Newly allocated. */
char *jv_symbol_note_marker(guint n);

#endif /* JV_RENDER_SYMBOLS_H */
