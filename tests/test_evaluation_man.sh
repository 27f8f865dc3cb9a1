#!/bin/sh
# tests/test_evaluation_man.sh — jamvikt-evaluation(5) names every key the
# evaluation-file parser knows: the key lists of core/config/*.c
# (ROOT_KEYS, OPTION_KEYS, jv_eval_table_keys, REGION_KEYS,
# COLUMN_REGIONS_KEYS, INDICATOR_KEYS) each as a `.B key` entry of the page,
# so a key added to the parser without documentation fails here.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
man="$JV_SRCDIR/docs/jamvikt-evaluation.5"
keys=$(awk '/^(static )?const char \*const [A-Za-z_]*(KEYS|_keys)\[\] *= *\{/ { on = 1 }
           on { print } on && /}/ { on = 0 }' "$JV_SRCDIR"/core/config/*.c |
       grep -o '"[a-z_$]*"' | tr -d '"' | sort -u)
check "the parser's key lists are found" test "$(echo "$keys" | wc -w)" -ge 15
for k in $keys; do
    check "jamvikt-evaluation(5) documents '$k'" grep -q "^\.B $k\$" "$man"
done

# The page's example (its SYNOPSIS) is a valid evaluation file: `check`
# accepts it (its region folders exist and are empty: every table is
# missing, a warning, not an error).
mkdir -p "$work/e/data/orebro" "$work/e/data/vasternorrland"
sed -n '/^\.nf$/,/^\.fi$/p' "$man" | sed '1d;$d' | sed 's/\\-/-/g; s/\\(en/–/g' >"$work/e/evaluation.json"
run_jv check "$work/e/evaluation.json"
check "the page's example is accepted by jamvikt check" status_is 0
check "  with both its regions" stdout_has "2 regions"
finish
