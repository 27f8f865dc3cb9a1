#!/bin/sh
# tests/cli/test_limits.sh — bounded resources (README "Limits"): -j is
# capped with a note, and report and merge refuse a FIFO, a device, a file
# over 256 MiB and JSON nested deeper than cJSON's limit, without hanging.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

run_jv run "$data/eval.json" -f json -j 1 -o "$work/j1.json"
# timeout: before the cap, this created 2^31-1 threads and never finished
set +e
timeout 60 "$JAMVIKT" run "$data/eval.json" -f json -j 2147483647 -o "$work/jmax.json" 2>"$work/err"
status=$?
set -e
check "-j 2147483647 finishes" status_is 0
check "-j 2147483647 is lowered with a note" stderr_has "note: -j 2147483647 lowered to"
check "a lowered -j gives the same bytes" cmp -s "$work/j1.json" "$work/jmax.json"
run_jv run "$data/eval.json" -f json -j 99999 -q -o "$work/j99999.json"
check "--quiet silences the note" test ! -s "$work/err"

run_jv run "$data/eval.json" -q --save-state "$work/st" -f json -o "$work/r.json"
mkfifo "$work/r.fifo"
set +e
timeout 20 "$JAMVIKT" report "$work/r.fifo" -f markdown >"$work/out" 2>"$work/err"
status=$?
set -e
check "report of a FIFO exits 1 without waiting for a writer" status_is 1
check "report of a FIFO says it is not a regular file" stderr_has "r.fifo: not a regular file"
run_jv report /dev/zero -f markdown
check "report of /dev/zero exits 1" status_is 1
truncate -s 257M "$work/huge.json"
run_jv report "$work/huge.json" -f markdown
check "report of a file over 256 MiB exits 1" status_is 1
check "report of a file over 256 MiB names the limit" stderr_has "huge.json: 269484032 bytes, more than any result document can be (256 MiB)"
rm -f "$work/huge.json"
python3 -c "print('[' * 5000 + ']' * 5000)" >"$work/deep.json"
run_jv report "$work/deep.json" -f markdown
check "report of JSON nested 5000 deep exits 1 (no crash)" status_is 1

mkdir "$work/st2"
cp "$work/st/001-norr.state.json" "$work/st2/"
mkfifo "$work/st2/002-syd.state.json"
set +e
timeout 20 "$JAMVIKT" merge "$work/st2" >"$work/out" 2>"$work/err"
status=$?
set -e
check "merge of a FIFO state exits 1 without waiting" status_is 1
check "merge of a FIFO state names it" stderr_has "002-syd.state.json: not a regular file"
run_jv merge "$work/st/001-norr.state.json" /dev/zero
check "merge of /dev/zero exits 1" status_is 1
check "merge of /dev/zero names it" stderr_has "/dev/zero: not a regular file"
truncate -s 300M "$work/big.state.json"
run_jv merge "$work/st/001-norr.state.json" "$work/big.state.json"
check "merge of a state over 256 MiB exits 1" status_is 1
check "merge of a state over 256 MiB says so" stderr_has "more than any saved state can be (256 MiB)"
rm -f "$work/big.state.json"

finish
