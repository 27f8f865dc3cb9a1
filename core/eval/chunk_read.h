/* core/eval/chunk_read.h — one chunk of one pass through the plugins (the
 * read phase's innermost step; see chunk_read.c). */
#ifndef JV_EVAL_CHUNK_READ_H
#define JV_EVAL_CHUNK_READ_H

#include "eval/reader_private.h"

/* An empty chunk slot of `pass` (its range is set before reading). */
jv_chunk *jv_chunk_new(const jv_reader *rd, const jv_pass *pass, guint index);
/* Reads one chunk (any thread). Sets chunk->error on a failure that stops
 * the run. */
void jv_chunk_read(jv_reader *rd, jv_chunk *chunk);
/* Destroys the chunk's remaining states (after merging). */
void jv_chunk_drop_states(const jv_reader *rd, jv_chunk *chunk);
void jv_chunk_free(const jv_reader *rd, jv_chunk *chunk);

#endif /* JV_EVAL_CHUNK_READ_H */
