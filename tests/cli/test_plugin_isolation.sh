#!/bin/sh
# tests/cli/test_plugin_isolation.sh — plugins that misbehave (README
# "Plugin isolation"), with the fixture modules of tests/fixtures/bad/: a
# run loads only the plugins it names; `plugins` probes each file in a
# child and rejects a crash, an exit() or a hang while loading; a crash or
# exit() during a run names the plugin and the callback and leaves an old
# output intact; a plugin's stdout never reaches the document; strings
# from plugins are checked; an input that grows while it is read is named.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
bad="$fixtures/bad"
ulimit -c 0 2>/dev/null || true # the deliberate crashes leave no core files

is_json() { python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$1"; }

# A run loads only what it names: the broken files beside it do not matter.
run_jv run "$data/eval.json" --plugin-path "$bad" -f json -o "$work/only.json"
check "a run with broken plugin files in its path exits 0" status_is 0
check "  and writes its document" is_json "$work/only.json"
check "  and loads none of them (no rejection, no hello)" sh -c "! grep -q 'fixture_' '$work/err'"
run_jv run "$data/eval.json" -q --save-state "$work/states" -o "$work/for-states.json"
run_jv merge "$work/states" --plugin-path "$bad" -f json -o "$work/merged.json"
check "merge with broken plugin files in its path exits 0" status_is 0
check "  loading only the plugins its states name" sh -c "! grep -q 'fixture_' '$work/err'"
eval_with fixture_nowhere "$work/missing.json" "$data/norr"
run_jv run "$work/missing.json" --plugin-path "$bad"
check "a plugin without a file exits 1" status_is 1
check "  saying which file names were looked for, and where" stderr_has "no plugin file fixture_nowhere.la or fixture_nowhere.so in: $bad"

# `plugins` probes every file in a child process.
set +e
JAMVIKT_PROBE_TIMEOUT=2 timeout 120 "$JAMVIKT" plugins --plugin-path "$bad" >"$work/out" 2>"$work/err"
status=$?
set -e
check "plugins lists despite crashing, exiting and hanging files" status_is 0
check "  a crash while loading is a rejection naming the file" stderr_has "fixture_crash_load.la: crashed while loading: SIGSEGV"
check "  exit() while loading is a rejection naming the file" stderr_has "fixture_exit_load.la: called exit() while loading"
check "  a hang is a rejection naming the file" stderr_has "fixture_hang_load.la: did not finish loading within 2 s"
check "  a control character in a summary is a rejection" stderr_has 'fixture_bad_summary.la: plugin '"'"'fixture_bad_summary'"'"': summary '"'"'test fixture \x1b[31mred'
check "  a title that is not UTF-8 is a rejection" stderr_has 'fixture_bad_title.la: plugin '"'"'fixture_bad_title'"'"': title '"'"'Andel \xe4ren'"'"' is not valid UTF-8'
check "  the good ones are listed" stdout_has "fixture_crash 0.0.1"
check "  a plugin's printf never reaches the listing" sh -c "! grep -q 'says hello' '$work/out'"
run_jv plugins --check "$bad/fixture_exit_load.la"
check "plugins --check of a file that calls exit(0) exits 1" status_is 1
check "  and says so" stderr_has "fixture_exit_load.la: called exit() while loading"
run_jv plugins --check "$bad/fixture_crash_load.la"
check "plugins --check of a file that crashes exits 1" status_is 1

# A crash during a run: the plugin and the callback are named, the old
# output is intact, no temporary is left.
eval_with fixture_crash "$work/crash.json" "$data/norr"
echo "old output" >"$work/crash-out.json"
for jobs in 1 2; do
    run_jv run "$work/crash.json" --plugin-path "$bad" -j $jobs -o "$work/crash-out.json"
    check "a crash in consume (-j $jobs) does not exit 0" sh -c "[ $status -ne 0 ]"
    check "  names the plugin, its file and the callback" stderr_has "plugin 'fixture_crash' ($bad/fixture_crash.la) crashed in consume(): SIGSEGV"
    check "  leaves the old output intact" grep -qx "old output" "$work/crash-out.json"
    check "  leaves no temporary file" sh -c "! ls -A '$work' | grep -q '^\.crash-out'"
done
eval_with fixture_exit_consume "$work/exit.json" "$data/norr"
run_jv run "$work/exit.json" --plugin-path "$bad" -o "$work/crash-out.json"
check "exit(0) in consume exits 1, not 0" status_is 1
check "  naming the plugin and the callback" stderr_has "plugin 'fixture_exit_consume' ($bad/fixture_exit_consume.la) called exit() in consume()"
check "  leaving the old output intact" grep -qx "old output" "$work/crash-out.json"
eval_with fixture_exit_load "$work/exit_load.json" "$data/norr"
run_jv run "$work/exit_load.json" --plugin-path "$bad" -f json
check "a named plugin that calls exit(0) while loading exits 1" status_is 1
check "  naming the file" stderr_has "plugin file $bad/fixture_exit_load.la called exit() while loading"

# A plugin's stdout cannot reach the document.
eval_with fixture_print "$work/print.json" "$data/norr"
run_jv run "$work/print.json" --plugin-path "$bad" -f json -j 2
check "a printing plugin's run exits 0" status_is 0
check "  the document on stdout is pure JSON" is_json "$work/out"
check "  what it printed went to stderr" stderr_has "fixture_print says hello on stdout"

run_jv check "$work/print.json" --plugin-path "$bad" --json
check "check --json with a printing plugin exits 0" status_is 0
check "  its report on stdout is pure JSON" is_json "$work/out"
run_jv check "$data/eval.json" --plugin-path "$bad"
check "check with broken plugin files in its path exits 0" status_is 0
check "  and loads none of them" sh -c "! grep -q 'fixture_' '$work/err'"

# Strings from plugins are checked by the host.
eval_with fixture_bad_utf8 "$work/utf8.json" "$data/norr"
run_jv run "$work/utf8.json" --plugin-path "$bad" -f json -o "$work/utf8-out.json"
check "a result string with an invalid byte exits 1" status_is 1
check "  naming the plugin and the key" stderr_has "finish() wrote a string that is not valid UTF-8 or holds a control character (at key 'note')"
check "  and writes nothing" test ! -e "$work/utf8-out.json"
run_jv run "$work/utf8.json" --plugin-path "$bad" -f json --keep-going -o "$work/utf8-out.json"
check "  with --keep-going the document has no raw byte" sh -c "! LC_ALL=C grep -q \"\$(printf '[\033\377]')\" '$work/utf8-out.json'"
eval_with fixture_bad_message "$work/message.json" "$data/norr"
run_jv run "$work/message.json" --plugin-path "$bad"
check "a plugin's message with ESC and 0xff exits 1" status_is 1
check "  shows them escaped" stderr_has 'bad \x1b[2J message \xff here'
check "  and never raw" sh -c "! LC_ALL=C grep -q \"\$(printf '[\033\377]')\" '$work/err'"

# An input that grows while it is read is an error naming it (also with -j 2,
# where it used to be a misleading quote error).
mkdir -p "$work/grow"
cp "$data/norr/funding.csv" "$work/grow/funding.csv"
eval_with fixture_grow "$work/grow.json" "$work/grow"
for jobs in 1 2; do
    JV_FIXTURE_GROW="$work/grow/funding.csv"; export JV_FIXTURE_GROW
    run_jv run "$work/grow.json" --plugin-path "$bad" -j $jobs -f json
    unset JV_FIXTURE_GROW
    check "a table that grows while read exits 1 (-j $jobs)" status_is 1
    check "  naming the file" stderr_has "grow/funding.csv: the file changed while it was read"
done

finish
