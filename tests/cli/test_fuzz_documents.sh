#!/bin/sh
# tests/cli/test_fuzz_documents.sh — the saved inputs of the document
# fuzzers (fuzz/fuzz_state.c, fuzz/fuzz_result.c) run again without
# libFuzzer: the crafted states and results of issue 18 (fuzz/seeds/state,
# fuzz/seeds/result) and every crash found since
# (tests/data/robust/fuzz/fuzz_state, fuzz_result); with
# --enable-sanitizers, without a sanitizer report.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
robust="$JV_SRCDIR/tests/data/robust/fuzz"

set +e
"$JV_BUILDDIR/fuzz/replay_state" "$robust/fuzz_state" "$JV_SRCDIR/fuzz/seeds/state" \
    >"$work/out" 2>"$work/err"
status=$?
set -e
check "the state reader handles every saved input" status_is 0
check "  (they were replayed)" sh -c "! grep -q '^replayed 0 ' '$work/out'"

set +e
"$JV_BUILDDIR/fuzz/replay_result" "$robust/fuzz_result" "$JV_SRCDIR/fuzz/seeds/result" \
    >"$work/out" 2>"$work/err"
status=$?
set -e
check "the result reader and renderers handle every saved input" status_is 0
check "  (they were replayed)" sh -c "! grep -q '^replayed 0 ' '$work/out'"

finish
