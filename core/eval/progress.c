/* core/eval/progress.c — the progress line (see progress.h). */
#include "eval/progress.h"

#include <stdio.h>

struct jv_progress {
    gboolean enabled, shown;
    gint64 last_drawn; /* main thread only */
    guint units;
    const char *unit_name;
    guint64 bytes_total;
    gint64 started;
    gint units_done;     /* atomic */
    guint64 rows, bytes; /* under lock */
    GMutex lock;
};

jv_progress *jv_progress_new(gboolean enabled, guint units, const char *unit_name, guint64 bytes)
{
    jv_progress *p = g_new0(jv_progress, 1);
    p->enabled = enabled;
    p->units = units;
    p->unit_name = unit_name;
    p->bytes_total = bytes;
    p->started = g_get_monotonic_time();
    g_mutex_init(&p->lock);
    return p;
}

void jv_progress_add(jv_progress *p, guint64 rows, guint64 bytes, gboolean unit_done)
{
    g_mutex_lock(&p->lock);
    p->rows += rows;
    p->bytes += bytes;
    g_mutex_unlock(&p->lock);
    if (unit_done)
        g_atomic_int_inc(&p->units_done);
}

void jv_progress_show(jv_progress *p)
{
    gint64 now = g_get_monotonic_time();
    double seconds = (double)(now - p->started) / 1e6;
    if (!p->enabled || seconds < 1.0 || now - p->last_drawn < 100000)
        return;
    p->last_drawn = now;
    g_mutex_lock(&p->lock);
    guint64 rows = p->rows, bytes = p->bytes;
    g_mutex_unlock(&p->lock);
    guint done = (guint)g_atomic_int_get(&p->units_done);
    double fraction = p->bytes_total ? (double)bytes / (double)p->bytes_total : 0;
    char bar[21];
    for (int i = 0; i < 20; i++)
        bar[i] = i < (int)(fraction * 20 + 0.5) ? '#' : '-';
    bar[20] = '\0';
    fprintf(stderr, "\r[%s] %u/%u %s · %.1f M rows/s · %.0f MB/s ", bar, done, p->units,
            p->unit_name, (double)rows / seconds / 1e6, (double)bytes / seconds / 1e6);
    fflush(stderr);
    p->shown = TRUE;
}

void jv_progress_free(jv_progress *p)
{
    if (p == NULL)
        return;
    if (p->shown)
        fprintf(stderr, "\r%*s\r", 70, "");
    g_mutex_clear(&p->lock);
    g_free(p);
}
