#!/bin/sh
# tests/cli/test_states_untrusted.sh — saved states and result documents
# from elsewhere (issue 18): merge and report refuse crafted documents with
# exit 1 and a message naming the file and the JSON path, never a crash;
# --save-state writes a complete set or nothing and replaces an earlier set
# whole; merge refuses an incomplete or mixed set; region names compare
# trimmed and NFC-normalised; a breakdown by an identifier is refused.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
craft="python3 $JV_SRCDIR/tests/cli/craft_state.py"
data="$JV_SRCDIR/examples/regions-2016-2018/data"

evaluation() { # evaluation FILE BY REGION... : the example's tables, all four indicators
    out=$1 by=$2; shift 2
    regions=""
    for r in "$@"; do
        regions="$regions${regions:+, }{ \"name\": \"$r\", \"dir\": \"$data/$(echo "$r" | tr 'A-Z' 'a-z')\" }"
    done
    cat >"$out" <<JSON
{ "name": "untrusted", "options": { "min_cell": 5 },
  "tables": { "funding": { "columns": { "gender": "recipient_gender" } },
              "training": { "columns": { "person": "person_id" } } },
  "regions": [ $regions ],
  "indicators": [ { "plugin": "funding_share", "params": { "by": $by } },
                  { "plugin": "participation" }, { "plugin": "training_reach" },
                  { "plugin": "goal_fulfilment" } ] }
JSON
}
evaluation "$work/two.json" '["sector"]' Stockholm Uppsala
evaluation "$work/one.json" '["sector"]' Stockholm

run_jv run "$work/two.json" --save-state "$work/set" -f json -o "$work/two-result.json" -q
check "a run saves its states" status_is 0
check "  with a manifest" test -f "$work/set/jamvikt-manifest.json"
check "  and one file per region" test "$(ls "$work/set" | grep -c '\.state\.json$')" -eq 2
run_jv merge "$work/set" -f json
check "the set merges" status_is 0
check "  into the run's document byte for byte" cmp -s "$work/out" "$work/two-result.json"

# --- crafted states, all alike, manifest made to match ------------------------
refused() { # refused NAME CODE MESSAGE [RAW_FROM RAW_TO]
    name=$1 code=$2 message=$3; shift 3
    rm -rf "$work/crafted"
    $craft "$work/set" "$work/crafted" "$code" "$@"
    run_jv merge "$work/crafted" -f json
    check "merge refuses $name (exit 1)" status_is 1
    check "  saying $message" stderr_has "$message"
    check "  and writes nothing" test ! -s "$work/out"
}
options='s["evaluation"]["options"]'
fs='s["indicators"][0]'
refused "a negative min_cell" "$options[\"min_cell\"] = -7" \
    "001-stockholm.state.json: evaluation.options.min_cell: expected a whole number >= 0, got -7"
refused "min_cell as a string" "$options[\"min_cell\"] = \"5\"" \
    "evaluation.options.min_cell: expected a whole number >= 0, got \"5\""
refused "an absurd min_cell" "$options[\"min_cell\"] = 1e300" "evaluation.options.min_cell: expected"
refused "a fractional min_cell" "$options[\"min_cell\"] = 2.5" "evaluation.options.min_cell: expected"
refused "confidence 2" "$options[\"confidence\"] = 2" \
    "evaluation.options.confidence: expected a number between 0 and 1 (exclusive)"
refused "balance []" "$options[\"balance\"] = []" "evaluation.options.balance: expected [low, high]"
refused "a band upside down" "$options[\"balance\"] = [0.6, 0.4]" "evaluation.options.balance"
refused "a missing option" "del $options[\"confidence\"]" \
    "evaluation.options: missing required key 'confidence'"
refused "rows -1" "$fs[\"rows\"] = -1" \
    "indicators[0].rows: expected a whole number >= 0, got -1"
refused "status weird" "$fs[\"status\"] = \"weird\"" \
    "indicators[0].status: expected one of \"ok\", \"skipped\", \"error\", got \"weird\""
refused "params [1]" "$fs[\"params\"] = [1]" "indicators[0].params: expected an object, got [1]"
refused "an unknown key" "s[\"extra\"] = 1" "unknown key 'extra'"
refused "a skipped indicator with a state" "$fs[\"status\"] = \"skipped\"" \
    "indicators[0]: 'rows' with a status other than \"ok\""
refused "an empty region name" "s[\"region\"] = \"  \"" "region: expected a region name"
refused "states whose options are not the manifest's" "$options[\"min_cell\"] = 3" \
    "does not match what the set's jamvikt-manifest.json says (its options)"
refused "states whose plugin version is not the manifest's" "$fs[\"version\"] = \"9.9\"" \
    "does not match what the set's jamvikt-manifest.json says (its indicators)"
refused "a region named total" "s[\"region\"] = \"total\"" "region: 'total' is reserved"
refused "persons_reached 1e9 with few participations" \
    "s['indicators'][2]['state']['tally']['split'][0][0] = 1000000000" \
    "persons_reached (1000000000) exceeds participations"
refused "granted above applications" "$fs['state']['tally']['split'][0][1] = 10**6" \
    "tally.split[0]: granted (1000000) exceeds applications"
refused "an infinite number" "$fs[\"rows\"] = 987654321" "indicators[0].rows: a number too large" \
    "987654321" "1e999"
refused "an invalid UTF-8 region name" "s[\"region\"] = \"STOCKHOLM_X\"" "invalid JSON" \
    "STOCKHOLM_X" "Stock\\xffholm"
refused "a duplicate key" "s[\"region\"] = \"DUP\"" "region: duplicate key 'region'" '"region": "DUP"' \
    '"region": "A", "region": "B"'

# Crafted by hand, the manifest left as it was (or gone): the message is
# still about what is wrong inside the file, then about the set.
rm -rf "$work/sed" && cp -r "$work/set" "$work/sed"
sed -i 's/"min_cell":\t5/"min_cell":\t-7/' "$work/sed/001-stockholm.state.json"
run_jv merge "$work/sed"
check "a state edited by hand is refused" status_is 1
check "  for what is wrong in it" stderr_has "001-stockholm.state.json: evaluation.options.min_cell: expected a whole number >= 0, got -7"
rm "$work/sed/jamvikt-manifest.json"
run_jv merge "$work/sed"
check "  also without a manifest" stderr_has "evaluation.options.min_cell: expected a whole number >= 0, got -7"
cp "$work/set/001-stockholm.state.json" "$work/sed/"
run_jv merge "$work/sed"
check "a sound state in a folder without a manifest is refused" status_is 1
check "  as an incomplete set" stderr_has "not a complete set of saved states: it has no jamvikt-manifest.json"

# --- sets: complete or nothing, replaced whole, mixes refused ----------------
run_jv run "$work/one.json" --save-state "$work/set" -f json -o "$work/one-result.json" -q
check "a smaller run reuses the folder" status_is 0
check "  which then holds only its own region" test "$(ls "$work/set" | grep -c '\.state\.json$')" -eq 1
check "  and no temporary folder is left beside it" test -z "$(ls -A "$work" | grep '^\.')"
run_jv merge "$work/set" -f json
check "  and merges into the smaller run" cmp -s "$work/out" "$work/one-result.json"

run_jv run "$work/two.json" --save-state "$work/big" -q -o "$work/ignored.json"
cp "$work/big/002-uppsala.state.json" "$work/set/"
run_jv merge "$work/set"
check "a state of another run in the folder is refused" status_is 1
check "  naming it" stderr_has "002-uppsala.state.json is not listed in the set's jamvikt-manifest.json"
rm "$work/set/002-uppsala.state.json"
cp "$work/set/001-stockholm.state.json" "$work/stockholm.keep"
cp "$work/big/002-uppsala.state.json" "$work/set/001-stockholm.state.json"
run_jv merge "$work/set"
check "a state of another run under a listed name is refused" status_is 1
check "  by its SHA-256" stderr_has "its SHA-256 differs"
cp "$work/stockholm.keep" "$work/set/001-stockholm.state.json"
cp -r "$work/big" "$work/partial" && rm "$work/partial/002-uppsala.state.json"
run_jv merge "$work/partial"
check "an incomplete set is refused" status_is 1
check "  naming what is missing" stderr_has "002-uppsala.state.json is missing (region 'Uppsala'"
rm "$work/partial/jamvikt-manifest.json"
run_jv merge "$work/partial"
check "a folder without a manifest is refused" status_is 1
check "  as not a complete set" stderr_has "not a complete set of saved states"
run_jv merge "$work/big/002-uppsala.state.json" "$work/big/001-stockholm.state.json" -f json
check "single files of a set merge, in the order given" status_is 0

mkdir "$work/mine" && echo "my notes" >"$work/mine/notes.txt"
run_jv run "$work/one.json" --save-state "$work/mine" -q -o "$work/ignored.json"
check "--save-state into a folder with other files is refused" status_is 1
check "  naming them" stderr_has "'notes.txt'"
check "  which are kept" test "$(cat "$work/mine/notes.txt")" = "my notes"
check "  and no state is written" test "$(ls "$work/mine")" = "notes.txt"

evaluation "$work/bad.json" '["no_such_column"]' Stockholm
run_jv run "$work/bad.json" --save-state "$work/new/deeper/states" -q -o "$work/ignored.json"
check "a failed run exits 1" status_is 1
check "  and leaves no state folder, nor its parents" test ! -e "$work/new"

run_jv run "$work/one.json" --save-state "$work/trailing/" -q -o "$work/ignored.json"
check "--save-state DIR/ (a new folder, with a slash) works" status_is 0
check "  and writes the set into DIR" test -f "$work/trailing/jamvikt-manifest.json"
run_jv run "$work/one.json" --save-state "$work/trailing/" -q -o "$work/ignored.json"
check "  and replaces it the second time" status_is 0
ln -s "$work/trailing" "$work/link"
run_jv run "$work/one.json" --save-state "$work/link" -q -o "$work/ignored.json"
check "--save-state through a symbolic link works" status_is 0
check "  replacing the folder it names, the link kept" sh -c "test -L '$work/link' && test -f '$work/trailing/jamvikt-manifest.json'"
rm -rf "$work/trailing" "$work/link"

echo "not a folder" >"$work/afile"
run_jv run "$work/one.json" --save-state "$work/afile/states" -q -o "$work/ignored.json"
check "--save-state under a file is an error" status_is 1
check "  that leaves the file as it was" test "$(cat "$work/afile")" = "not a folder"
cp "$work/set/jamvikt-manifest.json" "$work/manifest.before"
evaluation "$work/ids-into-set.json" '["id"]' Stockholm
run_jv run "$work/ids-into-set.json" --save-state "$work/set" -q -o "$work/ignored.json"
check "a refused run into an earlier set's folder exits 1" status_is 1
check "  and leaves the earlier set as it was" cmp -s "$work/set/jamvikt-manifest.json" "$work/manifest.before"
check "  with no temporary folder beside it" test -z "$(ls -A "$work" | grep '^\.')"

# a manifest is a document from elsewhere too: a file name that leaves the
# folder is refused before anything is read
rm -rf "$work/escape" && cp -r "$work/set" "$work/escape"
python3 -c '
import json, sys
p = sys.argv[1] + "/jamvikt-manifest.json"; m = json.load(open(p))
m["regions"][0]["file"] = "../big/001-stockholm.state.json"
json.dump(m, open(p, "w"))' "$work/escape"
run_jv merge "$work/escape"
check "a manifest naming a file outside its folder is refused" status_is 1
check "  naming the manifest and the path in it" stderr_has "escape/jamvikt-manifest.json: regions[0]: file: '../big/001-stockholm.state.json' is not the name of a state file"
python3 -c '
import json, sys
p = sys.argv[1] + "/jamvikt-manifest.json"; m = json.load(open(p))
m["regions"][0]["file"] = "001-stockholm.state.json"; m["evaluation"] = [1]
json.dump(m, open(p, "w"))' "$work/escape"
run_jv merge "$work/escape"
check "a manifest of the wrong shape is refused" status_is 1
check "  at its JSON path" stderr_has "jamvikt-manifest.json: evaluation: expected an object, got [1]"

# --- size limit: no document is read past 256 MiB ---------------------------
truncate -s 300M "$work/huge.json"
run_jv report "$work/huge.json" -f table
check "report refuses a file over 256 MiB" status_is 1
check "  without reading it" stderr_has "more than any result document can be (256 MiB)"
rm -f "$work/huge.json"

# A signal while the set is written (strace injects it at the 5th fsync:
# four state files are in the temporary folder): the folder goes, the
# earlier set stays, and the signal ends the run as it would have.
if strace -f -o /dev/null -e trace=none true 2>/dev/null; then
    example="$JV_SRCDIR/examples/regions-2016-2018/evaluation.json"
    for sig in SIGINT SIGTERM SIGHUP; do
        rm -rf "$work/sig" && mkdir "$work/sig"
        run_jv run "$work/one.json" --save-state "$work/sig/st" -q -o "$work/ignored.json"
        cp "$work/sig/st/jamvikt-manifest.json" "$work/sig.manifest"
        set +e
        strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal=$sig:when=5 \
            "$JAMVIKT" run "$example" -q -j 1 -o "$work/ignored.json" --save-state "$work/sig/st" \
            2>/dev/null
        status=$?
        set -e
        check "$sig while a set is written ends the run" test "$status" -ne 0
        check "  and removes the half-written folder" test "$(ls -A "$work/sig")" = "st"
        check "  leaving the earlier set as it was" cmp -s "$work/sig/st/jamvikt-manifest.json" "$work/sig.manifest"
    done
else
    echo "skip: strace cannot run here, the signal tests are left out"
fi

# --- region identity: NFC and trimming -------------------------------------
# "Ö" precomposed (U+00D6) in one set, O + combining diaeresis (U+0308) in
# the other, and a trailing space: the same region.
evaluation "$work/up.json" '["sector"]' Uppsala
run_jv run "$work/up.json" --save-state "$work/up" -q -o "$work/ignored.json"
rm -rf "$work/nfc" "$work/nfd"
$craft "$work/set" "$work/nfc" 's["region"] = "\u00d6rebro"'
$craft "$work/up" "$work/nfd" 's["region"] = "O\u0308rebro "'
# the manifest lists the region too
python3 -c '
import json, sys
for d, name in ((sys.argv[1], "\u00d6rebro"), (sys.argv[2], "O\u0308rebro ")):
    p = d + "/jamvikt-manifest.json"; m = json.load(open(p)); m["regions"][0]["region"] = name
    json.dump(m, open(p, "w"))' "$work/nfc" "$work/nfd"
run_jv merge "$work/nfc" "$work/nfd"
check "regions differing only by NFC/NFD and a space are one region" status_is 1
check "  named as given twice" stderr_has "comes twice"

# --- person-level data never leaves ----------------------------------------
# Stockholm's funding.csv has 89 rows with 89 different ids: 89 > 89 / 2.
evaluation "$work/ids.json" '["id"]' Stockholm
run_jv run "$work/ids.json" --save-state "$work/ids" -f json -q
check "a breakdown by an identifier is refused" status_is 1
check "  naming the column" stderr_has "breakdown column 'id' has 89 different values in 89 rows of region 'Stockholm'"
check "  writing no document" test ! -s "$work/out"
check "  and no saved states" test ! -e "$work/ids"
# sector: 10 values in 89 rows: fine (the run above with "sector" passed).

# The rule at its edges (person_level.h): a breakdown is refused when a
# scope of 20 rows or more has more values than half its rows.
boundary() { # boundary ROWS VALUES : a region of ROWS rows, column "code" with VALUES values
    mkdir -p "$work/edge/r"
    { echo "gender,amount_granted,code"
      i=0; while [ $i -lt "$1" ]; do echo "woman,100,c$((i % $2))"; i=$((i + 1)); done
    } >"$work/edge/r/funding.csv"
    cat >"$work/edge/e.json" <<JSON
{ "regions": [ { "name": "R", "dir": "r" } ],
  "indicators": [ { "plugin": "funding_share", "params": { "by": ["code"] } } ] }
JSON
    run_jv run "$work/edge/e.json" -f json -q
}
boundary 20 10
check "20 rows, 10 values (exactly half): allowed" status_is 0
boundary 20 11
check "20 rows, 11 values: refused" status_is 1
check "  naming the column and the counts" stderr_has "breakdown column 'code' has 11 different values in 20 rows of region 'R'"
boundary 19 19
check "19 rows, all different: below the rule's 20 rows" status_is 0

# --- result documents for report -------------------------------------------
crafted_result() { # crafted_result NAME CODE MESSAGE [RAW_FROM RAW_TO]
    name=$1 code=$2 message=$3; shift 3
    python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3])
text = json.dumps(d, ensure_ascii=False).encode("utf-8")
if len(sys.argv) > 5:
    text = text.replace(sys.argv[4].encode(), sys.argv[5].encode().decode("unicode_escape").encode("latin-1"))
open(sys.argv[2], "wb").write(text)' "$work/two-result.json" "$work/crafted.json" "$code" "$@"
    run_jv report "$work/crafted.json" -f table
    check "report refuses $name (exit 1)" status_is 1
    check "  saying $message" stderr_has "$message"
}
run_jv report "$work/two-result.json" -f table
check "report renders a run's document" status_is 0
r0='d["regions"][0]["indicators"]'
crafted_result "rows -1" "$r0[\"funding_share\"][\"rows\"] = -1" \
    "crafted.json: regions[0].indicators.funding_share.rows: expected a whole number >= 0 or null, got -1"
crafted_result "status weird" "$r0[\"funding_share\"][\"status\"] = \"weird\"" \
    "regions[0].indicators.funding_share.status: expected one of"
crafted_result "confidence 2" "d[\"evaluation\"][\"options\"][\"confidence\"] = 2" \
    "evaluation.options.confidence: expected a number between 0 and 1"
crafted_result "a balance class not in the list" \
    "$r0[\"funding_share\"][\"result\"][\"balance\"] = \"weird\"" \
    "regions[0].indicators.funding_share.result.balance: expected one of"
crafted_result "a share above 1" \
    "$r0[\"funding_share\"][\"result\"][\"women_share\"][\"granted\"] = 1.5" \
    "result.women_share.granted: expected a share between 0 and 1"
crafted_result "granted above applications" \
    "$r0[\"funding_share\"][\"result\"][\"by_gender\"][\"woman\"][\"granted\"] = 10**6" \
    "by_gender.woman.granted: granted must be at most applications"
crafted_result "persons reached above participations" \
    "$r0[\"training_reach\"][\"result\"][\"by_gender\"][\"man\"][\"persons_reached\"] = 10**9" \
    "persons_reached must be at most participations"
crafted_result "more chairs than seats" \
    "$r0[\"participation\"][\"result\"][\"chairs\"] = {\"by_gender\": {g: {\"seats\": 10**6} for g in (\"woman\", \"man\", \"non_binary\", \"mixed\", \"unknown\")}}" \
    "more chair seats than seats"
crafted_result "an interval upside down" \
    "$r0[\"funding_share\"][\"result\"][\"approval_gap\"][\"ci\"] = [0.5, 0.1]" \
    "approval_gap.ci: expected an interval"
crafted_result "a missing gender" \
    "del $r0[\"funding_share\"][\"result\"][\"by_gender\"][\"mixed\"]" \
    "by_gender: missing required key 'mixed'"
crafted_result "an unknown unit" "$r0[\"funding_share\"][\"result\"][\"headline\"][\"unit\"] = \"kg\"" \
    "headline.unit: expected one of"
crafted_result "invalid UTF-8 in a region name" "d[\"regions\"][0][\"name\"] = \"STOCKHOLM_X\"" \
    "invalid JSON" "STOCKHOLM_X" "Stock\\xffholm"
printf '{"jamvikt": {}}' >"$work/crafted.json"
run_jv report "$work/crafted.json" -f table
check "report refuses a frame without its sections" status_is 1
check "  naming the first missing key" stderr_has "jamvikt: missing required key 'version'"
mkfifo "$work/fifo"
run_jv report "$work/fifo" -f table
check "report refuses a FIFO without waiting for it" status_is 1
check "  as not a regular file" stderr_has "not a regular file"
run_jv merge "$work/fifo"
check "merge refuses a FIFO too" status_is 1

finish
