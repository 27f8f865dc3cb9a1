#!/bin/sh
# tests/cli/test_robust_fuzz.sh — every input the fuzzers ever crashed on
# (tests/data/robust/fuzz/TARGET/) and every seed (fuzz/seeds/) is run
# through the fuzz targets again, without libFuzzer: each must be handled
# (with --enable-sanitizers: without a sanitizer report).
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
robust="$JV_SRCDIR/tests/data/robust/fuzz"

set +e
"$JV_BUILDDIR/fuzz/replay_csv" "$robust/fuzz_csv" "$JV_SRCDIR/fuzz/seeds/csv" >"$work/out" 2>"$work/err"
status=$?
set -e
check "the CSV reader handles every saved fuzz input" status_is 0
check "the CSV inputs were all replayed" stdout_has "replayed"

set +e
"$JV_BUILDDIR/fuzz/replay_evaluation" "$robust/fuzz_evaluation" "$JV_SRCDIR/fuzz/seeds/evaluation" \
    >"$work/out" 2>"$work/err"
status=$?
set -e
check "the evaluation parser handles every saved fuzz input" status_is 0

set +e
"$JV_BUILDDIR/fuzz/replay_xlsx" "$robust/fuzz_xlsx" "$JV_SRCDIR/fuzz/seeds/xlsx" >"$work/out" 2>"$work/err"
status=$?
set -e
check "the .xlsx reader handles every saved fuzz input" status_is 0
check "the .xlsx inputs were all replayed" stdout_has "replayed"

finish
