/* core/eval/chunk_periods.h — inside one chunk, the rows of a file that has
 * the period column handed also to the states of their period (DESIGN.md
 * "Periods (year over year)"); used by chunk_read.c only.
 *
 * Contract:
 *  1. Each delivery (a region's rows of one rowset, union columns) is split
 *     by period value: all rows at once when they share one, else grouped
 *     by a counting sort (file order kept within a period). Rows whose
 *     period is empty or not among periods.values go to no period and are
 *     counted in chunk->no_period; a file without the column counts all.
 *  2. Category codes (roles without fixed codes) are translated into a
 *     dictionary of each region's period, values in order of first appearance
 *     among that period's rows, so a period's state sees what a read of
 *     only its rows would give (breakdowns list only its values).
 *  3. Period states use their own contexts whose warnings are dropped:
 *     they would repeat the all-periods state's, which saw the same rows.
 *  The router is owned by the caller (jv_period_router_free).
 */
#ifndef JV_EVAL_CHUNK_PERIODS_H
#define JV_EVAL_CHUNK_PERIODS_H

#include "eval/reader_private.h"

typedef struct jv_period_router jv_period_router;

/* chunk_read.c's hand-over: n rows into `states` with `ctxs`, counting
 * into `rows` and `skipped`. */
typedef void (*jv_period_deliver_fn)(void *work, const char *scope_name, jv_ctx *ctxs,
                                     void **states, guint64 *rows, guint64 *skipped,
                                     const jv_column *cols, size_t n, const uint64_t *positions,
                                     const uint64_t *lines);

/* A router for `chunk`, whose reader reads `requests` (jv_role_request)
 * with the period column at index `period_column`; `used` (per request)
 * marks the columns some indicator reads: only those are gathered and
 * translated. */
jv_period_router *jv_period_router_new(const jv_reader *rd, jv_chunk *chunk, const GArray *requests,
                                       guint period_column, const gboolean *used,
                                       jv_period_deliver_fn deliver, void *work);
void jv_period_router_free(jv_period_router *r);
/* Splits n rows of `scope` (union columns) by period (rules 1-3). */
void jv_period_route(jv_period_router *r, jv_chunk_scope *scope, const jv_column *cols, size_t n,
                     const uint64_t *positions, const uint64_t *lines);

#endif /* JV_EVAL_CHUNK_PERIODS_H */
