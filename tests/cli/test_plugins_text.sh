#!/bin/sh
# tests/cli/test_plugins_text.sh — `jamvikt plugins` (text) tells whoever
# prepares data what each role means and which values it accepts, and the
# values it lists are exactly the ones a run accepts: every gender code it
# prints, read by a run, lands in the gender it is printed under; every
# yes/no word lands in yes or no.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

run_jv plugins
check "plugins exits 0" status_is 0
check "a role's line says required or optional, its kind and its meaning" \
    stdout_has "    amount_granted   required, number >= 0: money granted (0 when rejected)"
check "a role with fixed values lists them with their other spellings" \
    stdout_has "      rejected (also avslag, avslaget, avslagen)"
check "  under a line that says so" \
    stdout_has "    decision         optional, one of the values below:"
check "a category where an empty cell is a value says so" \
    stdout_has "    arena_type       optional, category (any text) (an empty cell is the value \"\")"
check "a number that must be positive says > 0" stdout_has "    weight           optional, number > 0"
check "the gender codes are listed once" test "$(grep -c '^  woman  ' "$work/out")" -eq 1
check "  with the empty cell under unknown" stdout_has "  unknown     an empty cell, okänd"
check "the document with every definition is named" stdout_has "indicators.md"

# run_indicator PLUGIN: runs PLUGIN alone, without disclosure control,
# over the one region R of $work/ev/r.
run_indicator() {
    printf '{"options": {"min_cell": 0}, "regions": [{"name": "R", "dir": "r"}],
 "indicators": [{"plugin": "%s"}]}\n' "$1" >"$work/ev/evaluation.json"
    run_jv run "$work/ev/evaluation.json" -f json -q
}

# The listed gender codes, one funding row each, all granted 1 kr: each
# gender's applications must be the number of codes listed for it (plus
# the canonical name itself); unknown gets one more, the empty cell.
mkdir -p "$work/ev/r"
printf 'gender,amount_granted\n' >"$work/ev/r/funding.csv"
expected=""
for g in woman man non_binary mixed unknown; do
    line=$(sed -n "s/^  $g  *//p" "$work/out" | sed 's/^an empty cell, //')
    n=1
    printf '%s,1\n' "$g" >>"$work/ev/r/funding.csv"
    old_ifs=$IFS; IFS=,
    for code in $line; do
        code=$(echo "$code" | sed 's/^ *//')
        printf '"%s",1\n' "$code" >>"$work/ev/r/funding.csv"
        n=$((n + 1))
    done
    IFS=$old_ifs
    [ "$g" = unknown ] && { printf ',1\n' >>"$work/ev/r/funding.csv"; n=$((n + 1)); }
    expected="$expected $g=$n"
done
run_indicator funding_share
check "every listed gender code is read as the gender it is listed under" python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))["regions"][0]["indicators"]["funding_share"]["result"]["by_gender"]
got = " " + " ".join("%s=%d" % (k, g[k]["applications"]) for k in
                     ("woman", "man", "non_binary", "mixed", "unknown"))
assert got == sys.argv[2], (got, sys.argv[2])
' "$work/out" "$expected"

# The listed yes/no words, one training row each, a person per row: with
# completed_only (the default) a person is reached exactly when the row
# says yes, so persons reached = the number of yes words.
run_jv plugins
yes_words=$(sed -n 's/^  yes  *//p' "$work/out" | tr -d ' ' | tr , ' ')
no_words=$(sed -n 's/^  no  *//p' "$work/out" | tr -d ' ' | tr , ' ')
check "yes and no words are listed" test -n "$yes_words" -a -n "$no_words"
printf 'person,gender,completed\n' >"$work/ev/r/training.csv"
i=0
for w in $yes_words $no_words; do
    i=$((i + 1))
    printf 'P%d,woman,%s\n' "$i" "$w" >>"$work/ev/r/training.csv"
done
n_yes=$(echo $yes_words | wc -w)
run_indicator training_reach
check "every listed yes word counts a row as completed, every no word not" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["regions"][0]["indicators"]["training_reach"]["result"]
assert r["by_gender"]["woman"]["persons_reached"] == int(sys.argv[2]), r["by_gender"]["woman"]
' "$work/out" "$n_yes"

finish
