/* core/eval/pool.h — completing, pooling and disclosure: what happens to
 * the outcomes between reading and the result (see pool.c). */
#ifndef JV_EVAL_POOL_H
#define JV_EVAL_POOL_H

#include "eval/outcomes.h"

/* Every region's indicators have a state (init() where no row came), and
 * with periods every region its period states (jv_periods_settle). */
gboolean jv_complete_states(jv_outcomes *out, GError **error);
/* Pools the regions into the total (and each period's) and decides
 * disclosure. */
gboolean jv_pool(jv_outcomes *out, GError **error);

#endif /* JV_EVAL_POOL_H */
