#!/bin/sh
# tests/cli/test_silent.sh — issue 13 "nothing silent": whatever stops
# `run` stops `check` at the same FILE:LINE; rows that are not data are
# never counted; every warning reaches stderr and the result; merge takes
# the rendering options. Small hand-made data; expected values by hand.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

# new_case NAME: one region A with the four tables, all valid:
#  funding: woman 100 granted, man 300 granted (total granted 400)
new_case() {
    case_dir="$work/$1"
    mkdir -p "$case_dir/a"
    cat >"$case_dir/eval.json" <<'JSON'
{ "name": "silent", "options": { "min_cell": 0 },
  "regions": [ { "name": "A", "dir": "a" } ],
  "indicators": [ { "plugin": "funding_share" }, { "plugin": "participation" },
                  { "plugin": "training_reach" }, { "plugin": "goal_fulfilment" } ] }
JSON
    printf 'id;gender;amount_granted;decision\n1;kvinna;100;beviljad\n2;man;300;beviljad\n' >"$case_dir/a/funding.csv"
    printf 'gender,arena,arena_type\nkvinna,X,board\nman,X,board\n' >"$case_dir/a/participation.csv"
    printf 'person,gender,target_group\np1,kvinna,staff\np2,man,staff\n' >"$case_dir/a/training.csv"
    printf 'target_group,gender,size\nstaff,woman,3\nstaff,man,3\n' >"$case_dir/a/population.csv"
    printf 'goal_id,baseline,target,outcome\ng1,0,10,5\n' >"$case_dir/a/goals.csv"
}
run_case() { run_jv run "$case_dir/eval.json" -f json "$@"; }
check_case() { run_jv check "$case_dir/eval.json" "$@"; }
json_is() { # json_is PYTHON-EXPRESSION-ON-d EXPECTED
    [ "$(python3 -c "import json,sys; d=json.load(open('$work/out')); print($1)")" = "$2" ]
}

# --- the baseline passes both ---------------------------------------------
new_case ok
run_case
check "valid data runs" status_is 0
check_case
check "valid data checks" status_is 0

# --- Excel's total row --------------------------------------------------
new_case total
printf 'Summa;;400;\n' >>"$case_dir/a/funding.csv"
run_case
check "run: a total row stops the run" status_is 1
check "run: a total row is named by FILE:LINE" stderr_has "a/funding.csv:4: this row is not data: 'Summa' in column 'id'"
check "run: ... with the hint" stderr_has 'delete the row from the file, or set "on_error": "skip"'
check_case
check "check: a total row is an error" status_is 1
check "check: at the same FILE:LINE" stderr_has "error: a/funding.csv:4: this row is not data: 'Summa' in column 'id'"
# other shapes: a subtotal in the second column, lower case, with a colon
new_case subtotal
printf 'id;gender;amount_granted;decision\n1;kvinna;100;beviljad\n;Delsumma:;100;\n2;man;300;beviljad\nTotalt Örebro;;400;\n' >"$case_dir/a/funding.csv"
run_case
check "run: 'Delsumma:' in the gender column is a total row" stderr_has "a/funding.csv:3: this row is not data: 'Delsumma:' in column 'gender'"
check_case
check "check: both total rows are listed" stderr_has "error: a/funding.csv:5: this row is not data: 'Totalt Örebro'"
# with skip: left out, so the total is 100 + 300 = 400, and the line is named
new_case total_skip
printf 'Summa;;400;\n' >>"$case_dir/a/funding.csv"
sed -i 's/"regions"/"tables": { "funding": { "on_error": "skip" } },\n  "regions"/' "$case_dir/eval.json"
run_case
check "skip: the run succeeds" status_is 0
check "skip: the total row is not counted (100 + 300 = 400 granted)" \
    json_is "d['total']['indicators']['funding_share']['result']['total']['amount_granted']" 400
check "skip: the row is counted as skipped" \
    json_is "d['regions'][0]['indicators']['funding_share']['skipped_rows']" 1
check "skip: a warning names the line" stderr_has "funding.csv:4: this row is not data"
check "skip: ... in the result too" json_is "any('funding.csv:4: this row is not data' in w for w in d['warnings'])" True
# a repeated header and a notes line
new_case header_notes
printf 'id;gender;amount_granted;decision\nKälla: Tillväxtverket 2018;;;\n' >>"$case_dir/a/funding.csv"
run_case
check "run: a repeated header row is named" stderr_has "a/funding.csv:4: this row is not data: it repeats the header"
check_case
check "check: the notes line is named" stderr_has "error: a/funding.csv:5: this row is not data: it has only the text 'Källa: Tillväxtverket 2018'"

# --- every rule that stops run stops check, at the same place ------------
same_place() { # same_place NAME TEXT
    run_case
    check "run stops on $1" status_is 1
    check "run names $1" stderr_has "$2"
    check_case
    check "check fails on $1" status_is 1
    check "check names $1 the same" stderr_has "$2"
}
new_case rejected
printf '3;man;50;avslag\n' >>"$case_dir/a/funding.csv"
same_place "a rejected decision with an amount" "a/funding.csv:4: column 'decision': "
new_case baseline
printf 'g2,5,5,5\n' >>"$case_dir/a/goals.csv"
same_place "a target equal to its baseline" "a/goals.csv:3: column 'target': "
new_case arena
printf 'man,X,council\n' >>"$case_dir/a/participation.csv"
same_place "an arena with two types" "a/participation.csv:4: column 'arena_type': "
new_case duplicate
printf 'g1,0,20,5\n' >>"$case_dir/a/goals.csv"
same_place "a goal_id twice" "a/goals.csv:3: column 'goal_id': "
check "the duplicate is explained" stderr_has "goal_id 'g1' comes twice in this region's goals"
new_case reach
# 4 women reached of a population of 3
printf 'p3,kvinna,staff\np4,kvinna,staff\np5,kvinna,staff\n' >>"$case_dir/a/training.csv"
same_place "reach above the population" "target group 'staff' reached 4 persons of gender woman, more than its population of 3"
# all at once: check lists every one in one pass
new_case all
printf '3;man;50;avslag\nSumma;;400;\n' >>"$case_dir/a/funding.csv"
printf 'g1,0,20,5\n' >>"$case_dir/a/goals.csv"
printf 'man,X,council\n' >>"$case_dir/a/participation.csv"
check_case --json
check "check --json: all four problems in one pass" \
    json_is "sorted((e['file'], e['line']) for e in d['errors'])" \
    "[('a/funding.csv', 4), ('a/funding.csv', 5), ('a/goals.csv', 3), ('a/participation.csv', 4)]"

# a custom plugin's row rule (examples/custom-indicator: a project not
# funded with an amount granted) is found by check with no code of its own
custom="$work/custom"
mkdir -p "$custom/a"
cat >"$custom/eval.json" <<'JSON'
{ "name": "custom", "options": { "min_cell": 0 },
  "tables": { "funding": { "file": "projects.csv", "columns": { "gender": "leader_gender" } } },
  "regions": [ { "name": "A", "dir": "a" } ],
  "indicators": [ { "plugin": "leader_share" } ] }
JSON
printf 'project,leader_gender,funded,amount_granted\nP1,kvinna,ja,100\nP2,man,nej,50\n' >"$custom/a/projects.csv"
run_jv run "$custom/eval.json" --plugin-path "$JV_BUILDDIR/examples/custom-indicator"
check "run stops on the custom plugin's row rule" stderr_has "a/projects.csv:3: column 'amount_granted': the project is not funded"
run_jv check "$custom/eval.json" --plugin-path "$JV_BUILDDIR/examples/custom-indicator"
check "check fails on the custom plugin's row rule" status_is 1
check "check names it the same" stderr_has "error: a/projects.csv:3: column 'amount_granted': plugin 'leader_share': the project is not funded"
# a plugin's failure that is no row's (fixture: consume fails) too
run_jv check "$data/fail.json" --plugin-path "$fixtures"
check "check fails when a plugin's consume() fails" status_is 1
check "check names the failing plugin" stderr_has "plugin 'fixture_fail': deliberate failure in consume"

# --- persons with two genders: a warning from both -------------------------
new_case persons
printf 'p1,man,staff\n' >>"$case_dir/a/training.csv"
run_case
check "run warns about a person with two genders" stderr_has "1 person(s) have rows with different genders"
check_case
check "check warns about it too" stderr_has "1 person(s) have rows with different genders"
check "... and it is a warning only" status_is 0

# --- counted warnings ---------------------------------------------------
new_case counts
# two empty gender cells; '-' twice as an amount (0)
printf '3;;50;beviljad\n4;;-;beviljad\n5;man;-;beviljad\n' >>"$case_dir/a/funding.csv"
run_case
check "empty gender cells are counted per file" stderr_has "funding.csv: column 'gender': 2 rows have an empty gender cell, read as gender unknown"
check "'-' is counted and read as 0" stderr_has "funding.csv: column 'amount_granted': 2 cells read '-' (Excel's accounting zero), read as 0"
# granted: 100 + 300 + 50 + 0 + 0 = 450
check "'-' adds 0" json_is "d['total']['indicators']['funding_share']['result']['total']['amount_granted']" 450
run_case --quiet
check "--quiet silences stderr" test ! -s "$work/err"
check "... but the result keeps the warnings" json_is "len(d['warnings']) >= 2" True
check_case
check "check counts the empty gender cells" stderr_has "warning: a/funding.csv: column 'gender': 2 rows have an empty gender cell"
# min_cell 5: 2 rows of unknown gender is a protected count
sed -i 's/"min_cell": 0/"min_cell": 5/' "$case_dir/eval.json"
run_case
check "with min_cell 5 the count of 2 is not stated" sh -c "! grep -q '2 rows have' '$work/err'"
check "... but the empty gender cells are still said" stderr_has "rows have an empty gender cell"

# skipped rows in a region whose counts are suppressed: no number
new_case hidden
sed -i 's/"min_cell": 0/"min_cell": 5/' "$case_dir/eval.json"
sed -i 's/"regions"/"tables": { "funding": { "on_error": "skip" } },\n  "regions"/' "$case_dir/eval.json"
printf '3;man;12 kr;beviljad\n4;man;13 kr;beviljad\n' >>"$case_dir/a/funding.csv"
run_case
check "hidden region: skipped_rows is null" json_is "d['regions'][0]['indicators']['funding_share']['skipped_rows']" None
check "hidden region: the warning states no count" json_is "[w for w in d['warnings'] if 'skipped because' in w][0].split(': ', 2)[2][:9]" "some rows"
check "hidden region: the skipped lines are not listed" json_is "any('(row skipped)' in w for w in d['warnings'])" False

# --- the number hint follows the file's decimal mark ------------------------
new_case hint
printf '3;man;12x;beviljad\n' >>"$case_dir/a/funding.csv"
run_case
check "a ';' file's hint shows a decimal comma" stderr_has "write numbers like 1250000, 1 250 000 or 1250000,50"

# --- Windows-1252: one or two lines about it ------------------------------
new_case cp1252
printf '3;m\344n;50;beviljad\n4;m\344n;60;beviljad\n5;m\344n;70;beviljad\n' >>"$case_dir/a/funding.csv"
check_case
check "check: a Windows-1252 file is an error" status_is 1
check "check: at most two lines about the encoding" test "$(grep -c 'UTF-8' "$work/err")" -le 2

# --- what check warns about in columns the run does not read --------------
new_case unread
printf 'id;gender;amount_granted;decision;note;note\n1;kvinna;100;beviljad;h\344lsa;x\n2;man;300;beviljad;;\n' >"$case_dir/a/funding.csv"
run_case
check "run: succeeds when only unread columns are odd" status_is 0
check "run: a column named twice is warned about" stderr_has "funding.csv:1: column 'note': the header names 'note' twice"
check "run: bytes that are not UTF-8 in an unread column, once" \
    test "$(grep -c 'the file is not valid UTF-8: it looks like Windows-1252' "$work/err")" -eq 1
check_case
check "check: the same column named twice" stderr_has "warning: a/funding.csv:1: column 'note': the header names 'note' twice"

# --- a skipped indicator is said -----------------------------------------
new_case skipped
rm "$case_dir/a/training.csv"
run_case
check "run says why an indicator is skipped" stderr_has "warning: A: training_reach not computed (skipped): no training table,"
check "... in the result's warnings too" json_is "any('training_reach not computed' in w for w in d['warnings'])" True

new_case optional
rm "$case_dir/a/population.csv"
run_case
check "run says an optional table is missing" stderr_has "warning: A: no population table ("
check "... and who goes on without it" stderr_has "not found): training_reach computed without it"

# --- merge honours --lang, --csv-dialect, --min-cell -----------------------
new_case merge
run_jv run "$case_dir/eval.json" --save-state "$case_dir/st" -o "$case_dir/r.json"
run_jv merge "$case_dir/st" -f markdown --lang sv
check "merge --lang sv writes Swedish" stdout_has "Kvinnor"
run_jv merge "$case_dir/st" -f csv --csv-dialect plain
check "merge --csv-dialect plain writes commas" sh -c "head -3 '$work/out' | grep -q ','"
run_jv merge "$case_dir/st" -f json --min-cell 5
check "merge --min-cell overrides the states' min_cell" json_is "d['evaluation']['options']['min_cell']" 5
run_jv merge "$case_dir/st" --min-cell -3
check "merge --min-cell below 0 is a usage error" status_is 2
run_jv report "$case_dir/r.json" -f markdown --lang sv
check "report --lang sv writes Swedish" stdout_has "Kvinnor"

finish
