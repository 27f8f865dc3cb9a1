/* core/eval/run_options.c — the run's error domain and thread count (see
 * run_options.h). */
#include "eval/run_options.h"

G_DEFINE_QUARK(jv - run - error - quark, jv_run_error)

int jv_run_max_threads(void)
{
    guint cores = g_get_num_processors();
    return cores >= JV_RUN_MAX_THREADS / 4 ? JV_RUN_MAX_THREADS : (int)cores * 4;
}

int jv_run_threads(const jv_run_options *options)
{
    int n = options->threads > 0 ? options->threads : (int)g_get_num_processors();
    n = MIN(n, jv_run_max_threads()); /* threads are created up front */
    return n < 1 ? 1 : n;
}
