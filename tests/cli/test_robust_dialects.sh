#!/bin/sh
# tests/cli/test_robust_dialects.sh — issue 6: the same data saved as
# plain CSV and as Swedish Excel saves it (';', decimal comma, CRLF, BOM,
# no-break spaces between thousands; tests/data/robust/dialects/README)
# gives the same result document, with nothing set in the evaluation file:
# every part of the dialect is detected.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
dialects="$JV_SRCDIR/tests/data/robust/dialects"

run_jv run "$dialects/plain/evaluation.json" -f json -q -o "$work/plain.json"
check "the plain dialect runs" status_is 0
run_jv run "$dialects/sv/evaluation.json" -f json -q -o "$work/sv.json"
check "the Swedish Excel dialect runs" status_is 0
check "the sv files really are another dialect" \
    sh -c "head -c 3 '$dialects/sv/stockholm/funding.csv' | od -An -tx1 | grep -q 'ef bb bf' &&
           grep -q ';' '$dialects/sv/stockholm/funding.csv' &&
           grep -q \"$(printf '\302\240')\" '$dialects/sv/stockholm/funding.csv' &&
           grep -q \"$(printf '\r')\" '$dialects/sv/stockholm/funding.csv' &&
           grep -q '[0-9],[0-9]' '$dialects/sv/stockholm/training.csv'"
check "both dialects give the same document but for the input sizes" python3 -c "
import json, sys
plain, sv = (json.load(open(f)) for f in sys.argv[1:3])
for d in (plain, sv):
    d['evaluation'].pop('inputs')
assert plain == sv, 'the documents differ'
statuses = [i['status'] for r in plain['regions'] for i in r['indicators'].values()]
assert statuses and set(statuses) == {'ok'}, statuses
assert plain['total']['indicators']['funding_share']['result']['headline']['value'] is not None
" "$work/plain.json" "$work/sv.json"
check "the inputs differ only in their byte counts" python3 -c "
import json, sys
plain, sv = (json.load(open(f))['evaluation']['inputs'] for f in sys.argv[1:3])
strip = lambda inputs: [{k: v for k, v in i.items() if k != 'bytes' and k != 'file'} for i in inputs]
assert strip(plain) == strip(sv) and len(plain) == 15
assert any(p['bytes'] != s['bytes'] for p, s in zip(plain, sv))
" "$work/plain.json" "$work/sv.json"

run_jv check "$dialects/sv/evaluation.json"
check "check finds no problem in the Swedish Excel dialect" status_is 0
# 1106 = the data lines of the 15 files (wc -l less one header line each;
# no field holds a line break)
check "check reads every row of it" stdout_has "OK — 3 regions, 15 files, 1106 rows checked"

finish
