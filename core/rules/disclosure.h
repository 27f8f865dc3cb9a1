/* core/rules/disclosure.h — disclosure control (INDICATORS.md "Disclosure
 * control"), decided by the core for one indicator across all regions and
 * the total.
 *
 * Use: one jv_disclosure per indicator. For every scope (each region, then
 * the total), the plugin's cells() callback declares groups and families
 * through jv_disclosure_scope()'s jv_cells. jv_disclosure_decide() then
 * applies rule 1, and rules 2 and 3 in rounds until nothing changes,
 * including the core's own families "key across the regions → the total's
 * key". After that, jv_disclosure_suppressed() answers finish().
 */
#ifndef JV_RULES_DISCLOSURE_H
#define JV_RULES_DISCLOSURE_H

#include <glib.h>
#include <jamvikt/host.h>

typedef struct jv_disclosure jv_disclosure;

/* min_cell 0 disables: nothing is ever suppressed. */
jv_disclosure *jv_disclosure_new(size_t n_regions, int64_t min_cell);
/* With periods (DESIGN.md "Periods"): one layer of scopes per period
 * besides the all-periods layer. The core adds, in every period's layer,
 * "key across the regions → the total's key", and for every scope, "key
 * across the periods (in order) → the scope's all-periods key". */
jv_disclosure *jv_disclosure_new_periods(size_t n_regions, size_t n_periods, int64_t min_cell);
void jv_disclosure_free(jv_disclosure *d);
/* The sink for one scope: a region index or JV_SCOPE_TOTAL. Borrowed. */
jv_cells *jv_disclosure_scope(jv_disclosure *d, int scope);
/* The sink for one scope in period `period` (0-based; -1: all periods). */
jv_cells *jv_disclosure_period_scope(jv_disclosure *d, int scope, int period);
/* What host->add_group / host->add_family do (see jamvikt/host.h). A
 * group declared twice in one scope keeps the first declaration. */
void jv_cells_add_group(jv_cells *cells, const char *key, size_t n_counts, const int64_t *counts);
void jv_cells_add_family(jv_cells *cells, const char *margin, const char *const *members,
                         size_t n_members);
/* Decide the pattern. Call once, after every scope's cells(). */
void jv_disclosure_decide(jv_disclosure *d);
/* Is the cell (gender 0..4) or total (JV_TOTAL) of group `key` in `scope`
 * suppressed? FALSE for groups never declared. */
gboolean jv_disclosure_suppressed(const jv_disclosure *d, int scope, const char *key, int gender);
/* The same in period `period` (-1: all periods). */
gboolean jv_disclosure_period_suppressed(const jv_disclosure *d, int scope, int period,
                                         const char *key, int gender);
/* How many cells and totals were suppressed, for the log. */
size_t jv_disclosure_count(const jv_disclosure *d);

#endif /* JV_RULES_DISCLOSURE_H */
