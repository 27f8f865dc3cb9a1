/* core/eval/read_tasks.h — the scheduling of the read phase (reader.c's
 * helper): every chunk of a reader read on a thread pool (or inline with
 * one thread) and merged into its region's outcomes in chunk order. */
#ifndef JV_EVAL_READ_TASKS_H
#define JV_EVAL_READ_TASKS_H

#include "eval/reader_private.h"

/* Reads every chunk of rd->chunks (threads per the plan's options),
 * merging finished chunks into rd->out in chunk order; a merge() failure
 * goes to rd->merge_error, a chunk's own to chunk->error. */
void jv_read_tasks(jv_reader *rd);
/* The first chunk failure in chunk order, or TRUE. */
gboolean jv_chunk_errors(jv_reader *rd, GError **error);
/* Regions from a column: numbered by first appearance into rd->out. */
void jv_number_column_regions(jv_reader *rd);

#endif /* JV_EVAL_READ_TASKS_H */
