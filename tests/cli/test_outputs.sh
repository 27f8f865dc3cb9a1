#!/bin/sh
# tests/cli/test_outputs.sh — what `-o` does (README "Output files"): a
# symlink is followed and stays, a FIFO and /dev/stdout get the document
# directly, an existing file keeps its mode, an unknown extension is a
# usage error leaving no file, and report, merge and run refuse an -o that
# is one of their inputs by any spelling, symlink or hard link.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

# Formats are explicit
run_jv run "$data/eval.json" -q -o "$work/result.pdf"
check "an unknown -o extension is a usage error" status_is 2
check "the unknown extension is named with the formats" stderr_has "does not write '.pdf' files (formats: json, table, markdown"
check "an unknown extension leaves no file" test ! -e "$work/result.pdf"
run_jv run "$data/eval.json" -q -o "$work/result.pdf" -f json
check "-f wins over the extension" status_is 0
check "-f json writes JSON whatever the name" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/result.pdf"
run_jv run "$data/eval.json" -q -o "$work/v1.2/result" -f json
check "a dot in a folder name is no extension" sh -c "! grep -q 'does not write' '$work/err'"
mkdir -p "$work/noext"
run_jv run "$data/eval.json" -q -o "$work/noext/result"
check "a name without extension is the table" grep -q "Total" "$work/noext/result"

# Symlinks and modes
echo old >"$work/real.json"
chmod 600 "$work/real.json"
ln -s real.json "$work/link.json"
run_jv run "$data/eval.json" -q -o "$work/link.json"
check "-o through a symlink exits 0" status_is 0
check "the symlink stays a symlink" test -L "$work/link.json"
check "the symlink's target gets the document" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/real.json"
check "an existing file keeps its mode" sh -c "[ \"\$(stat -c %a '$work/real.json')\" = 600 ]"

# Non-regular targets
mkfifo "$work/fifo"
cat "$work/fifo" >"$work/from_fifo" &
reader=$!
run_jv run "$data/eval.json" -q -o "$work/fifo" -f json
wait $reader
check "-o FIFO exits 0" status_is 0
check "the FIFO delivers the document" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/from_fifo"
check "the FIFO stays a FIFO" test -p "$work/fifo"
run_jv run "$data/eval.json" -q -o /dev/stdout -f json
check "-o /dev/stdout writes to standard output" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$work/out"
run_jv run "$data/eval.json" -q -o - -f csv
check "-o - writes to standard output" stdout_has "funding_share"
# (only when /dev/null is a device to begin with: on a shared machine an
# older jamvikt, run as root, may have replaced it by a file)
if [ -c /dev/null ]; then
    run_jv run "$data/eval.json" -q -o /dev/null
    check "-o /dev/null exits 0" status_is 0
    check "/dev/null stays a character device" test -c /dev/null
fi
run_jv run "$data/eval.json" -q -o "$work"
check "-o a folder exits 1" status_is 1
check "-o a folder says so" stderr_has "is a folder"

# No command replaces its input
run_jv run "$data/eval.json" -q -f json -o "$work/r.json"
cp "$work/r.json" "$work/r.copy"
ln -s r.json "$work/r-link.md"
ln "$work/r.json" "$work/r-hard.md"
for target in "$work/r.json" "$work/./r.json" "$work/r-link.md" "$work/r-hard.md"; do
    run_jv report "$work/r.json" -f markdown -o "$target"
    check "report onto its input ($(basename "$target")) exits 1" status_is 1
    check "report onto its input says why" stderr_has "refusing to overwrite the result"
    check "the stored result is unchanged" cmp -s "$work/r.json" "$work/r.copy"
done
run_jv run "$data/eval.json" -q --save-state "$work/st" -f json
cp "$work/st/001-norr.state.json" "$work/state.copy"
run_jv merge "$work/st" -o "$work/st/001-norr.state.json"
check "merge onto a state in a folder it reads exits 1" status_is 1
check "merge onto its input names the state" stderr_has "001-norr.state.json"
check "the state is unchanged" cmp -s "$work/st/001-norr.state.json" "$work/state.copy"
ln -s st/001-norr.state.json "$work/state-link.json"
run_jv merge "$work/st/001-norr.state.json" "$work/st/002-syd.state.json" -o "$work/state-link.json"
check "merge onto a state file through a symlink exits 1" status_is 1
check "the state is still unchanged" cmp -s "$work/st/001-norr.state.json" "$work/state.copy"
run_jv merge "$work/st" -o "$work/merged.json"
check "merge to another file still works" status_is 0
cp "$data/eval.json" "$work/eval.copy"
ln -s "$data/eval.json" "$work/eval-link.json"
run_jv run "$data/eval.json" -q -o "$work/eval-link.json"
check "run onto its evaluation file through a symlink exits 1" status_is 1
check "the evaluation file is unchanged" cmp -s "$data/eval.json" "$work/eval.copy"

# --save-state DIR writes only inside DIR and leaves no empty DIR on failure
run_jv run "$data/eval.json" -q --save-state "$work/st3" -o "$work/st3.json"
echo "outside" >"$work/outside.txt"
rm "$work/st3/001-norr.state.json"
ln -s "$work/outside.txt" "$work/st3/001-norr.state.json"
run_jv run "$data/eval.json" -q --save-state "$work/st3" -o "$work/st3.json"
check "--save-state into a folder with a planted symlink is refused" status_is 1
check "  the file outside DIR is untouched" grep -qx "outside" "$work/outside.txt"
eval_with fixture_grow "$work/nosave.json" "$data/norr" # fixture_grow has no save
run_jv run "$work/nosave.json" --plugin-path "$fixtures/bad" -q --save-state "$work/new-states" -o "$work/nosave-out.json"
check "--save-state with a plugin that cannot save exits 1" status_is 1
check "  and leaves no folder behind" test ! -e "$work/new-states"

finish
