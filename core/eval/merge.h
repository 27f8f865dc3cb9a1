/* core/eval/merge.h — `jamvikt merge`: pools regions' saved states (see
 * state_file.c) from several runs and machines into one evaluation, as if
 * all regions had run in one process. */
#ifndef JV_EVAL_MERGE_H
#define JV_EVAL_MERGE_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "eval/run_options.h"
#include "plugin/loader.h"

/* `paths` are state files or folders of them (a folder's files in name
 * order); regions come in the order given. Returns the result document or
 * NULL + error naming the files that disagree. */
cJSON *jv_merge_states(const char *const *paths, const jv_registry *registry,
                       const jv_run_options *options, gboolean *failed, GError **error);

#endif /* JV_EVAL_MERGE_H */
