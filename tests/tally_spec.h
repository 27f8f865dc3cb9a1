/* tests/tally_spec.h — what the two tally suites (test_tally.c,
 * test_tally_state.c) share: the grant tally they count and load (rows,
 * protected; granted, protected and at most rows; amount; one breakdown,
 * sector) and the context their host calls run in. */
#ifndef JV_TESTS_TALLY_SPEC_H
#define JV_TESTS_TALLY_SPEC_H

#include "plugin/host_impl.h"

/* The batch columns of test_tally.c's hand-built batches. */
enum { COL_GENDER, COL_SECTOR, COL_GRANTED, COL_AMOUNT, N_COLUMNS };
#define NM 3 /* measures: cells[g * NM + m] */

extern const jv_measure measures[NM];
extern const jv_tally_spec spec;
extern const char *const by_names[1];
extern jv_ctx ctx;

/* Clears ctx's error and makes it a fresh total scope (min_cell 0, balance
 * 40/60, 95 % intervals). The first call also arranges that ctx's last
 * error is freed at exit, so the suites stay leak-free under valgrind. */
void ctx_reset(void);

#endif /* JV_TESTS_TALLY_SPEC_H */
