#!/bin/sh
# tests/cli/test_robust_fuzz.sh — every input the fuzzers ever crashed on
# (tests/data/robust/fuzz/TARGET/) and every seed (fuzz/seeds/) is run
# through the fuzz targets again, without libFuzzer: each must be handled
# (with --enable-sanitizers: without a sanitizer report).
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
robust="$JV_SRCDIR/tests/data/robust/fuzz"

# Replays fuzz/replay_<target> over the saved inputs of tests/data/robust/
# fuzz/fuzz_<target> and the seeds fuzz/seeds/<target>; $status is its exit.
replay() {
    set +e
    "$JV_BUILDDIR/fuzz/replay_$1" "$robust/fuzz_$1" "$JV_SRCDIR/fuzz/seeds/$1" \
        >"$work/out" 2>"$work/err"
    status=$?
    set -e
}

replay csv
check "the CSV reader handles every saved fuzz input" status_is 0
check "the CSV inputs were all replayed" stdout_has "replayed"

replay evaluation
check "the evaluation parser handles every saved fuzz input" status_is 0

replay xlsx
check "the .xlsx reader handles every saved fuzz input" status_is 0
check "the .xlsx inputs were all replayed" stdout_has "replayed"

finish
