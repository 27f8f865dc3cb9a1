/* core/eval/period_state.h — periods in saved states (see period_state.c):
 * the state file's "periods" header (NULL without periods); an
 * indicator's "base" and "periods" into its item; and, merging, the
 * periods and every region's period states from the files' documents (in
 * region order). */
#ifndef JV_EVAL_PERIOD_STATE_H
#define JV_EVAL_PERIOD_STATE_H

#include <cjson/cJSON.h>

#include "eval/outcomes.h"

cJSON *jv_period_state_header(jv_outcomes *out);
gboolean jv_period_state_save(jv_outcomes *out, jv_scope *scope, guint i, cJSON *item,
                              GError **error);
gboolean jv_period_states_load(jv_outcomes *out, const cJSON *const *docs, const char *const *paths,
                               guint n, GError **error);

#endif /* JV_EVAL_PERIOD_STATE_H */
