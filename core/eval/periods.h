/* core/eval/periods.h — after reading, the periods of a run decided and
 * every scope's period states settled, pooled and declared for disclosure
 * (DESIGN.md "Periods (year over year)"; see periods.c). */
#ifndef JV_EVAL_PERIODS_H
#define JV_EVAL_PERIODS_H

#include "eval/outcomes.h"

/* After reading: decides the periods and which indicators have them,
 * gives every region one part per period with a state for every
 * periodised indicator (the rows of tables without the column joined into
 * each), and warns of rows without a period. */
gboolean jv_periods_settle(jv_outcomes *out, GError **error);
/* The total's parts: each period's region states pooled. */
gboolean jv_periods_pool(jv_outcomes *out, GError **error);
/* Declares a scope's period cells (after its all-periods cells): 0, or 1
 * when cells() failed and the run keeps going, -1 when it stops. */
int jv_periods_cells(jv_outcomes *out, guint i, jv_scope *scope, jv_disclosure *d, GError **error);

#endif /* JV_EVAL_PERIODS_H */
