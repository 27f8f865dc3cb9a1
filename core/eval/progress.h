/* core/eval/progress.h — a progress line on stderr while a run reads its
 * data: regions done / total (or parts, when regions come from a column),
 * rows/s, MB/s and a bar. Shown only when enabled (stderr is a terminal and
 * not --quiet) and only once the run has taken more than a second. Workers
 * report with atomic counters; only the main thread prints. */
#ifndef JV_EVAL_PROGRESS_H
#define JV_EVAL_PROGRESS_H

#include <glib.h>

typedef struct jv_progress jv_progress;

/* `units` regions (or parts) to finish, `bytes` to read in all. */
jv_progress *jv_progress_new(gboolean enabled, guint units, const char *unit_name, guint64 bytes);
/* Any thread: `rows` rows and `bytes` bytes read; `unit_done` when a
 * region (part) finished with it. */
void jv_progress_add(jv_progress *p, guint64 rows, guint64 bytes, gboolean unit_done);
/* Main thread: redraw the line (no-op when disabled or under a second). */
void jv_progress_show(jv_progress *p);
/* Main thread: clear the line and free. */
void jv_progress_free(jv_progress *p);

#endif /* JV_EVAL_PROGRESS_H */
