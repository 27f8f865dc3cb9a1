#!/bin/sh
# tests/cli/test_escapes.sh — a bad file's bytes never reach the terminal
# raw: an ESC sequence and a byte that is not UTF-8 in a cell, and in a
# header name, are shown escaped ("\x1b", "\xff") in run's and check's
# messages.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

mkdir -p "$work/esc/r"
printf 'id,recipient_gender,sector,amount_applied,amount_granted,decision\n' >"$work/esc/r/funding.csv"
printf 'B1,woman,ict,100,\033[2J\377,granted\n' >>"$work/esc/r/funding.csv"
cat >"$work/esc/eval.json" <<'JSON'
{ "name": "escapes",
  "tables": { "funding": { "columns": { "gender": "recipient_gender" } } },
  "regions": [ { "name": "R", "dir": "r" } ],
  "indicators": [ { "plugin": "funding_share" } ] }
JSON
no_raw_bytes() { ! LC_ALL=C grep -q "$(printf '[\033\377]')" "$work/err"; }

run_jv run "$work/esc/eval.json" -o "$work/esc.json"
check "a cell with ESC and 0xff exits 1" status_is 1
check "run shows ESC and 0xff escaped" stderr_has 'column '"'"'amount_granted'"'"': '"'"'\x1b[2J\xff'"'"
check "run prints no raw control or invalid byte" no_raw_bytes
run_jv check "$work/esc/eval.json"
check "check exits 1" status_is 1
check "check shows them escaped" stderr_has '\x1b[2J\xff'
check "check prints no raw control or invalid byte" no_raw_bytes

printf 'id,recipient_\033]0;pwned\007gender\377,sector,amount_applied,amount_granted,decision\n' >"$work/esc/r/funding.csv"
printf 'B1,woman,ict,100,100,granted\n' >>"$work/esc/r/funding.csv"
run_jv run "$work/esc/eval.json" -o "$work/esc.json"
check "a header with control bytes exits 1" status_is 1
check "the header name is shown escaped" stderr_has 'recipient_\x1b]0;pwned\x07gender\xff'
check "no raw byte of the header reaches stderr" no_raw_bytes

finish
