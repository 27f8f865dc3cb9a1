/* core/render/report_cells.h — what the files that build one indicator's
 * section share (report_result.c: the section, its headline and its
 * tables of objects; report_lists.c: its tables of lists, report_lists.h):
 * the section being built and the figures of a result as table cells
 * (report_cells.c). Internal to core/render. */
#ifndef JV_RENDER_REPORT_CELLS_H
#define JV_RENDER_REPORT_CELLS_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "render/i18n.h"
#include "render/report_model.h"

/* The section being built and what its cells are written with. */
typedef struct jv_section_ctx {
    const cJSON *doc;
    jv_lang lang;
    char *ci_name; /* "95 % KI" */
    jv_section *section;
} jv_section_ctx;

/* `msgid` in the section's language. */
const char *jv_section_tr(const jv_section_ctx *c, const char *msgid);
/* A key's label for this section's indicator (words.h). */
const char *jv_section_key(const jv_section_ctx *c, const char *key);
/* A key's label, "…, 95 % CI" for an interval key; `previous`: the key
 * before it (names a bare "ci"), or NULL. Newly allocated. */
char *jv_section_key_label(const jv_section_ctx *c, const char *key, const char *previous);
/* A gap {value, ci} as one text with its interval. Newly allocated. */
char *jv_section_gap_text(const jv_section_ctx *c, const char *key, const cJSON *gap);
/* Any value under `key` as the next cell of `row`. */
void jv_section_add_value(const jv_section_ctx *c, GArray *row, const char *key, const cJSON *v);
/* The bar of a women's share (the suppression symbol when it is hidden). */
void jv_section_add_share_bar(const jv_section_ctx *c, jv_table *t, const char *label,
                              const cJSON *split, const cJSON *share, const cJSON *interval,
                              jv_tone tone);

/* The genders to show for `n` splits: women and men always, the others
 * when one of the splits uses them. A new array of borrowed names. */
GPtrArray *jv_section_visible_genders(const cJSON *const *splits, guint n);
/* Turns the last cell of `row` into the suppression symbol when
 * `suppressed` and the figure is missing. */
void jv_section_mark_suppressed(GArray *row, gboolean suppressed);
/* TRUE when the cell object says "suppressed": true. */
gboolean jv_section_is_suppressed(const cJSON *cell);
/* TRUE when `gender`'s cell of the split is suppressed. */
gboolean jv_section_cell_suppressed(const cJSON *split, const char *gender);
/* TRUE when a missing share is missing because women or men are
 * suppressed. */
gboolean jv_section_share_suppressed(const cJSON *split, const cJSON *share);
/* Keys of a split that the split's own table shows. */
gboolean jv_section_is_split_key(const char *key);
/* "ci" or a key ending in "_ci". */
gboolean jv_section_is_ci_key(const char *key);
/* A number, boolean, string or null. */
gboolean jv_section_is_scalar(const cJSON *v);

#endif /* JV_RENDER_REPORT_CELLS_H */
