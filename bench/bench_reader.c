/* bench/bench_reader.c — how fast the dataset layer reads a funding table
 * (built on request: make bench/bench_reader).
 *
 *   bench_reader FILE [REPEAT]
 *
 * Reads FILE (e.g. from `gen-data --funding-only`) with the roles
 * funding_share asks for — gender ← recipient_gender (GENDER),
 * amount_granted and amount_applied (NUMBER), decision (CATEGORY with
 * codes), sector (CATEGORY) — and prints rows/s and MB/s of the fastest
 * of REPEAT runs (default 3), single-threaded, by wall-clock time and by
 * the process's CPU time (steadier on a busy machine).
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "data/dataset.h"

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const jv_role_request roles[] = {
    {"gender", JV_TYPE_GENDER, 0x1u, NULL},
    {"amount_granted", JV_TYPE_NUMBER, 0x1u | 0x2u, NULL},
    {"amount_applied", JV_TYPE_NUMBER, 0x2u, NULL},
    {"decision", JV_TYPE_CATEGORY, 0,
     "granted=beviljad,beviljat|rejected=avslag,avslaget,avslagen"},
    {"sector", JV_TYPE_CATEGORY, 0x8u, NULL},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [REPEAT]\n", argv[0]);
        return 2;
    }
    int repeat = argc > 2 ? atoi(argv[2]) : 3;
    GHashTable *columns = g_hash_table_new(g_str_hash, g_str_equal);
    g_hash_table_insert(columns, "gender", "recipient_gender");
    jv_table_source source = {.path = argv[1], .display_path = argv[1], .columns = columns};
    double best = 0, best_cpu = 0;
    guint64 rows = 0, bytes = 0, checksum = 0;
    for (int run = 0; run < repeat; run++) {
        GError *error = NULL;
        gint64 start = g_get_monotonic_time();
        double cpu_start = cpu_seconds();
        jv_table_reader *reader = jv_table_reader_open(&source, roles, G_N_ELEMENTS(roles), &error);
        if (reader == NULL) {
            fprintf(stderr, "%s\n", error->message);
            return 1;
        }
        const jv_rowset *rs;
        while ((rs = jv_table_reader_next(reader, &error)) != NULL)
            for (size_t i = 0; i < rs->n_rows; i++) /* touch the values */
                checksum += rs->columns[0].codes[i] + (guint64)rs->columns[1].numbers[i];
        if (error != NULL) {
            fprintf(stderr, "%s\n", error->message);
            return 1;
        }
        double seconds = (double)(g_get_monotonic_time() - start) / 1e6;
        double cpu = cpu_seconds() - cpu_start;
        if (best_cpu == 0 || cpu < best_cpu)
            best_cpu = cpu;
        rows = jv_table_reader_rows(reader);
        bytes = jv_table_reader_bytes(reader);
        if (best == 0 || seconds < best)
            best = seconds;
        jv_table_reader_free(reader);
    }
    printf("%" G_GUINT64_FORMAT " rows, %.1f MB in %.3f s: %.2f M rows/s, %.0f MB/s; "
           "CPU time %.3f s: %.2f M rows/s, %.0f MB/s (checksum %" G_GUINT64_FORMAT ")\n",
           rows, (double)bytes / 1e6, best, (double)rows / best / 1e6, (double)bytes / best / 1e6,
           best_cpu, (double)rows / best_cpu / 1e6, (double)bytes / best_cpu / 1e6,
           checksum % 1000);
    g_hash_table_unref(columns);
    return 0;
}
