#!/bin/sh
# tests/cli/test_plugin_override.sh — developing a plugin that is also
# installed: a plugin in a --plugin-path folder overrides one of the same
# name found later in the search order (the installed, here the build
# tree's, folder), silently on `run`; `jamvikt plugins` says which file won
# and which was shadowed. Two files of one name in the same folder are
# still a rejected duplicate (tests/test_loader.c), and a folder given
# twice loads its plugins once, without a warning.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
mkdir -p "$work/dev"
cp "$JV_BUILDDIR/plugins/funding-share/.libs/funding_share.so" "$work/dev/funding_share.so"
cat >"$work/e.json" <<JSON
{"options": {"min_cell": 0},
 "regions": [{"name": "R", "dir": "r"}],
 "indicators": [{"plugin": "funding_share"}]}
JSON
mkdir -p "$work/r"
printf 'gender,amount_granted\nwoman,10\nman,30\n' >"$work/r/funding.csv"

run_jv run "$work/e.json" --plugin-path "$work/dev" -f json
check "a plugin in --plugin-path runs over the installed one of that name" status_is 0
check "  without a warning" test ! -s "$work/err"
check "  and computes" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
# women 10 of 10 + 30 granted: share 0.25 (by hand)
h = d["regions"][0]["indicators"]["funding_share"]["result"]["headline"]
assert h["value"] == 0.25, h
' "$work/out"

run_jv plugins --plugin-path "$work/dev"
check "jamvikt plugins lists the overriding file" stdout_has "  $work/dev/funding_share.so"
check "  and the shadowed one" stdout_has "shadowed: $JV_BUILDDIR/plugins/funding-share/funding_share.la: plugin 'funding_share' not loaded, $work/dev/funding_share.so comes first"

run_jv run "$work/e.json" --plugin-path "$JV_BUILDDIR/plugins/funding-share" -f json
check "a folder searched twice loads its plugin once, without a warning" sh -c \
    "[ $status -eq 0 ] && [ ! -s '$work/err' ]"
finish
