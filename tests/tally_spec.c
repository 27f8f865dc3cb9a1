/* tests/tally_spec.c — the grant tally and the context of the two tally
 * suites (tally_spec.h). */
#include "tally_spec.h"

#include <stdlib.h>

const jv_measure measures[NM] = {
    {.name = "rows", .column = -1, .flags = JV_MEASURE_PROTECTED},
    {.name = "granted", .column = COL_GRANTED, .flags = JV_MEASURE_PROTECTED, .at_most = "rows"},
    {.name = "amount", .column = COL_AMOUNT},
};
const jv_tally_spec spec = {
    .measures = measures, .n_measures = NM, .table = 0, .gender_column = COL_GENDER};
const char *const by_names[1] = {"sector"};

jv_ctx ctx;
static jv_options options;

static void ctx_done(void) { jv_ctx_clear_error(&ctx); }

void ctx_reset(void)
{
    static int registered;
    if (!registered++)
        atexit(ctx_done);
    jv_ctx_clear_error(&ctx);
    jv_options_fill(&options, 0, 0.4, 0.6, 0.95);
    jv_ctx_init(&ctx, NULL, JV_SCOPE_TOTAL, "total", &options);
}
