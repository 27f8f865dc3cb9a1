/* core/eval/pass_warnings.h — one input file's warnings from its chunks,
 * worded the same for any chunking (see pass_warnings.c). */
#ifndef JV_EVAL_PASS_WARNINGS_H
#define JV_EVAL_PASS_WARNINGS_H

#include "eval/reader_private.h"

/* A file's warnings added to `into` (with "region: " in front when region
 * is not NULL); after its chunks' counts are in rd->out->passes. */
void jv_pass_warnings(const jv_reader *rd, const jv_pass *pass, GPtrArray *into,
                      const char *region);

#endif /* JV_EVAL_PASS_WARNINGS_H */
