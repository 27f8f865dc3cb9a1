/* bench/bench_tally.c — the cost of counting through host->tally_add
 * against funding_share's hand-written consume loop (10 M rows in batches
 * of 4096, 4 measures, one breakdown column of 50 values, genders cycling),
 * so the SDK 1.1 rewrite can be held to "within 5 % of today". Both sides
 * build the same per-row figures; the tally side also fills the values
 * array a plugin hands tally_add. Built only on request:
 *     make bench/bench_tally && bench/bench_tally [rows [breakdowns: 0 or 1]]
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "plugin/host_impl.h"
#include "plugin/tally_impl.h"

#define BATCH 4096
#define N_VALUES 50

typedef struct cell {
    int64_t applications, granted, applied, amount;
} cell;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be busy */
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const jv_measure measures[] = {
    {.name = "applications", .column = -1, .flags = JV_MEASURE_PROTECTED},
    {.name = "granted", .column = 1, .flags = JV_MEASURE_PROTECTED, .at_most = "applications"},
    {.name = "amount_applied", .column = 2},
    {.name = "amount_granted", .column = 1},
};
static const jv_tally_spec spec = {.measures = measures, .n_measures = 4, .gender_column = 0};

int main(int argc, char **argv)
{
    size_t rows = argc > 1 ? strtoull(argv[1], NULL, 10) : 10000000;
    size_t n_by = argc > 2 ? strtoull(argv[2], NULL, 10) : 1; /* 0 or 1 breakdowns */
    uint32_t genders[BATCH], sectors[BATCH];
    int64_t amounts[BATCH], applied[BATCH];
    jv_string words[N_VALUES];
    char text[N_VALUES][8];
    for (int i = 0; i < N_VALUES; i++) {
        int n = snprintf(text[i], sizeof text[i], "s%02d", i);
        words[i] = (jv_string){text[i], (uint32_t)n};
    }
    jv_dict dict = {.id = 1, .size = N_VALUES, .values = words};
    for (size_t i = 0; i < BATCH; i++) {
        genders[i] = (uint32_t)(i % 5);
        sectors[i] = (uint32_t)((i * 7) % N_VALUES);
        amounts[i] = (int64_t)(i % 3) * 10000 * 1000;
        applied[i] = 20000000;
    }
    jv_column columns[3] = {
        {.role = "gender", .type = JV_TYPE_GENDER, .present = 1, .codes = genders},
        {.role = "sector", .type = JV_TYPE_CATEGORY, .present = 1, .codes = sectors, .dict = &dict},
        {.role = "amount_applied", .type = JV_TYPE_NUMBER, .present = 1, .numbers = applied},
    };
    jv_batch batch = {.n_rows = BATCH, .n_columns = 3, .columns = columns};

    /* today: funding_share's loop, per row the main split, the scope
     * totals' overflow checks and one breakdown */
    double t0 = now();
    cell split[5] = {{0}}, by[N_VALUES][5], total = {0};
    memset(by, 0, sizeof by);
    for (size_t done = 0; done < rows; done += BATCH) {
        size_t n = MIN((size_t)BATCH, rows - done);
        for (size_t i = 0; i < n; i++) {
            int64_t amount = amounts[i], a = applied[i];
            if (amount < 0 || amount > INT64_MAX - total.amount || a < 0 ||
                a > INT64_MAX - total.applied)
                abort();
            int granted = amount > 0;
            total.applications++;
            total.granted += granted;
            total.applied += a;
            total.amount += amount;
            cell *c = &split[genders[i]];
            c->applications++, c->granted += granted, c->applied += a, c->amount += amount;
            if (n_by > 0) {
                c = &by[sectors[i]][genders[i]];
                c->applications++, c->granted += granted, c->applied += a, c->amount += amount;
            }
        }
    }
    double hand = now() - t0;

    jv_options options;
    jv_ctx ctx;
    jv_options_fill(&options, 0, 0.4, 0.6, 0.95);
    jv_ctx_init(&ctx, NULL, JV_SCOPE_TOTAL, "total", &options);
    const jv_host *h = jv_host_table();
    static const char *const names[] = {"sector"};
    static const int by_columns[] = {1};
    jv_tally *tally = h->tally_new(&ctx, &spec, n_by ? 1 : 0, names, by_columns);
    static int64_t values[BATCH * 4];
    double filling = 0, counted = 0;
    for (size_t done = 0; done < rows; done += BATCH) {
        t0 = now();
        batch.n_rows = MIN((size_t)BATCH, rows - done);
        for (size_t i = 0; i < batch.n_rows; i++) {
            int64_t *v = values + i * 4;
            v[0] = 1;
            v[1] = amounts[i] > 0;
            v[2] = applied[i];
            v[3] = amounts[i];
        }
        double t1 = now();
        if (h->tally_add(&ctx, tally, &batch, values, NULL) != 0)
            abort();
        filling += t1 - t0;
        counted += now() - t1;
    }
    const int64_t *main = h->tally_cells(tally, JV_TALLY_MAIN, 0);
    if (main[0] != split[0].applications || main[3] != split[0].amount)
        abort();
    printf("%zu rows, %zu breakdown(s), CPU: hand loop %.3f s (%.2f ns/row); filling values %.3f s "
           "(%.2f "
           "ns/row) + tally_add %.3f s (%.2f ns/row): ratio %.2f\n",
           rows, n_by ? (size_t)1 : 0, hand, hand * 1e9 / rows, filling, filling * 1e9 / rows,
           counted, counted * 1e9 / rows, (filling + counted) / hand);
    h->tally_free(tally);
    return 0;
}
