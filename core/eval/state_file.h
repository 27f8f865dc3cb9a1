/* core/eval/state_file.h — saving every region's states of a finished run
 * (--save-state) for a later `jamvikt merge` (see state_file.c). */
#ifndef JV_EVAL_STATE_FILE_H
#define JV_EVAL_STATE_FILE_H

#include "eval/outcomes.h"

/* Writes one state file per region and the manifest into `dir`. */
gboolean jv_state_save(jv_outcomes *out, const char *dir, GError **error);

#endif /* JV_EVAL_STATE_FILE_H */
