#!/bin/sh
# tests/cli/test_cli.sh — the jamvikt command as a user meets it: exit
# codes 0/1/2, messages naming file and line, output written atomically
# and never over an input, plugin listing, check, plugin failures with and
# without --keep-going, and byte-identical results however many threads.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

run_jv --version
check "--version exits 0" status_is 0
check "--version names the ABI" stdout_has "plugin ABI"
run_jv --help
check "--help exits 0" status_is 0
run_jv
check "no command is a usage error" status_is 2
run_jv frobnicate
check "unknown command is a usage error" status_is 2
run_jv run
check "run without a file is a usage error" status_is 2
run_jv run "$data/eval.json" --min-cell=-5
check "negative --min-cell is a usage error" status_is 2
run_jv run "$data/eval.json" -f xml
check "unknown format is a usage error" status_is 2
check "unknown format names the formats" stderr_has "choose one of"
run_jv run "$data/eval.json" --no-such-option
check "unknown option is a usage error" status_is 2

run_jv run "$data/missing.json"
check "missing evaluation file exits 1" status_is 1
check "missing evaluation file is named" stderr_has "missing.json"

run_jv run "$data/eval.json" -o "$work/result.json" -q
check "run exits 0" status_is 0
check "run writes valid JSON" python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['total']['indicators']['funding_share']['status']=='ok'" "$work/result.json"
run_jv run "$data/eval.json" -f json -j 1 -q
cp "$work/out" "$work/j1.json"
run_jv run "$data/eval.json" -f json -j 2 -q
check "-j 1 and -j 2 give the same bytes" cmp -s "$work/out" "$work/j1.json"
check "-o and stdout give the same bytes" cmp -s "$work/result.json" "$work/j1.json"
run_jv run "$data/eval.json" -q
check "default format is the table" stdout_has "funding_share.women_share_amount_granted"

echo "keep me" > "$work/existing.json"
run_jv run "$data/bad_value.json" -o "$work/existing.json"
check "a bad value exits 1" status_is 1
check "a bad value names file, line and column" stderr_has "bad/funding.csv:3: column 'amount_granted'"
check "a failed run leaves the existing output untouched" grep -qx "keep me" "$work/existing.json"
check "a failed run leaves no temporary file" sh -c "! ls -A '$work' | grep -q '^\.existing'"

cp "$data/norr/funding.csv" "$work/copy.csv"
run_jv run "$data/eval.json" -o "$data/norr/funding.csv" -q
check "output over an input is refused" status_is 1
check "output over an input says why" stderr_has "refusing to overwrite an input"
check "the input is unchanged" cmp -s "$work/copy.csv" "$data/norr/funding.csv"

run_jv run "$data/typo_dir.json" -o "$work/typo_dir.json"
check "a mistyped region folder exits 1" status_is 1
check "a mistyped region folder is named with the path tried" stderr_has "regions[0] ('Norr'): folder '$data/nrr' not found"
check "a mistyped region folder writes nothing" test ! -e "$work/typo_dir.json"

run_jv run "$data/typo_plugin.json"
check "unknown plugin exits 1" status_is 1
check "unknown plugin suggests the right one" stderr_has "indicators[1].plugin: unknown plugin 'fundng_share' — did you mean 'funding_share'?"

run_jv plugins --json
check "plugins --json exits 0" status_is 0
check "plugins --json lists funding_share with roles" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
p=[x for x in d['plugins'] if x['name']=='funding_share'][0]
assert p['version'] and p['abi']
roles={r['name']:r for r in p['tables'][0]['roles']}
assert roles['gender']['type']=='gender' and roles['gender']['required']
assert roles['amount_granted']['type']=='number'" "$work/out"
check "plugins --json gives the built-ins' titles and units (ABI 1.1)" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
p=[x for x in d['plugins'] if x['name']=='goal_fulfilment'][0]
assert p['title']=={'en':'Goal fulfilment','sv':'Måluppfyllelse'}, p.get('title')
assert p['units']['share_met']=='share' and p['units']['goals']=='count'" "$work/out"
run_jv plugins --plugin-path "$fixtures"
check "plugins lists with fixtures" status_is 0
check "a rejected plugin is reported with file and reason" stderr_has "abi_major.la: built for plugin ABI"
run_jv plugins --check "$fixtures/no_consume.la"
check "plugins --check explains a rejection" status_is 1
check "plugins --check names the missing callback" stderr_has "required field 'consume' is missing"

run_jv check "$data/eval.json"
check "check exits 0 on good data" status_is 0
check "check reports what it read" stdout_has "OK"
run_jv check "$data/bad_value.json"
check "check exits 1 on a bad value" status_is 1
check "check names the bad cell" stderr_has "bad/funding.csv:3: column 'amount_granted'"

run_jv run "$data/fail.json" --plugin-path "$fixtures" -o "$work/fail.json"
check "a failing plugin stops the run with exit 1" status_is 1
check "the failing plugin is named with its message" stderr_has "plugin 'fixture_fail': deliberate failure in consume"
check "a failing plugin leaves no output" test ! -e "$work/fail.json"
run_jv run "$data/fail.json" --plugin-path "$fixtures" --keep-going -o "$work/fail.json"
check "--keep-going still exits 1" status_is 1
check "--keep-going writes the document" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
r=d['regions'][0]['indicators']
assert r['fixture_fail']['status']=='error' and 'deliberate failure' in r['fixture_fail']['message']
assert r['funding_share']['status']=='ok'
assert d['total']['indicators']['fixture_fail']['status']=='error'" "$work/fail.json"

run_jv run "$data/eval.json" -f html --lang sv --publish -q
check "run --publish exits 0" status_is 0
check "run --publish: no plugin id in the page" sh -c "! grep -q 'funding_share' '$work/out'"
check "run --publish: no file in the page" sh -c "! grep -q '[.]csv' '$work/out'"
check "run --lang sv: the built-in's Swedish title as a heading" \
    stdout_has "<h3>Finansiering: ansökningar och beviljade medel</h3>"

finish
