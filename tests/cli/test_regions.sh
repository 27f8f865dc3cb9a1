#!/bin/sh
# tests/cli/test_regions.sh — regions at scale: regions split from a column
# of a national table, results that do not depend on threads or chunk size,
# saved region states that merge into exactly the single run's document,
# and merge refusing states that do not belong together.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"

# same_in_chunks LABEL EVALUATION REFERENCE SIZE...: runs EVALUATION with
# -j 2 in chunks of each SIZE bytes; the document must be REFERENCE's bytes.
same_in_chunks() {
    label=$1 evaluation=$2 reference=$3
    shift 3
    for bytes in "$@"; do
        JAMVIKT_CHUNK_BYTES=$bytes run_jv run "$evaluation" -f json -q -j 2
        check "$label: chunks of $bytes bytes give the same bytes" cmp -s "$work/out" "$reference"
    done
}
regions="$JV_SRCDIR/tests/data/regions"
example="$JV_SRCDIR/examples/regions-2016-2018/evaluation.json"

# Regions from a column (national/funding.csv, rows interleaved):
#   Syd:  woman 100, 0; man 300; unknown 10 → women's share of money
#         100 / (100 + 300) = 0.25
#   Norr: woman 400, 25; man 200, 50 → 425 / (425 + 250) = 0.6296296296296297
#   total: woman 525, man 550 → 525 / 1075 = 0.4883720930232558
# Syd appears first, so it is region 0. Every row is granted (no decision
# column, amount > 0) except Syd's woman with 0: granted woman 1 in Syd.
run_jv run "$regions/national.json" -f json -q
check "regions from a column: run exits 0" status_is 0
check "regions from a column: figures by hand" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
names=[r['name'] for r in d['regions']]
assert names==['Syd','Norr'], names
s=d['regions'][0]['indicators']['funding_share']['result']
n=d['regions'][1]['indicators']['funding_share']['result']
t=d['total']['indicators']['funding_share']['result']
near=lambda a,b: abs(a-b)<1e-12
assert near(s['women_share']['amount_granted'],0.25)
assert s['by_gender']['woman']['applications']==2 and s['by_gender']['woman']['granted']==1
assert s['by_gender']['unknown']['amount_granted']==10
assert near(n['women_share']['amount_granted'],425/675)
assert near(t['women_share']['amount_granted'],525/1075)
assert d['regions'][0]['indicators']['funding_share']['rows']==4
assert d['total']['indicators']['funding_share']['rows']==8
" "$work/out"
cp "$work/out" "$work/national.json"
run_jv check "$regions/national.json"
check "check lists the regions a column names" stdout_has "2 regions, 1 file, 8 rows checked"
same_in_chunks "regions from a column" "$regions/national.json" "$work/national.json" 20 50 100

# A breakdown of a region lists the values of its own rows only
# (national_by/funding.csv: Syd's rows all have sector x, Norr's all y):
#   Syd:   x (3 rows: woman 100, man 300, woman 50) → [x]
#   Norr:  y (3 rows: man 200, woman 400, man 25)   → [y]
#   total: values of all rows, x first              → [x, y]
run_jv run "$regions/national_by.json" -f json -q -j 1
check "regions from a column: a region's breakdown lists its own values only" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
S,N=d['regions']
def values(scope): return [e['value'] for e in scope['indicators']['funding_share']['result']['breakdowns']['sector']]
assert values(S)==['x'], values(S)
assert values(N)==['y'], values(N)
assert values(d['total'])==['x','y'], values(d['total'])
" "$work/out"
cp "$work/out" "$work/national_by.json"
same_in_chunks "regions from a column, by sector" "$regions/national_by.json" "$work/national_by.json" 0 30 60

# The example (21 regions, all four indicators): any -j, any chunk size.
run_jv run "$example" -f json -q -j 1
cp "$work/out" "$work/example.json"
for j in 2 8; do
    run_jv run "$example" -f json -q -j $j
    check "example: -j $j gives the same bytes as -j 1" cmp -s "$work/out" "$work/example.json"
done
same_in_chunks "example" "$example" "$work/example.json" 700 5000

# Warnings do not depend on chunks either: rounded values and skipped rows
# from the reader and the plugin (tests/data/regions/warnings/README.md
# works out the figures): 12 values rounded, 7 rows skipped by the reader,
# 2 by the plugin, the first five skipped rows by line 22, 32, 47, 62, 72.
run_jv run "$regions/warnings.json" -f json -q
cp "$work/out" "$work/warnings.json"
check "warnings: figures and lines by hand" python3 -c "
import json,sys,re
d=json.load(open(sys.argv[1]))
w=d['warnings']
skipped=[int(re.search(r'funding.csv:(\d+):', x).group(1)) for x in w if x.endswith('(row skipped)')]
assert skipped==[22,32,47,62,72], skipped
assert sum('12 values in column \'amount_granted\' had more than 4 decimals' in x for x in w)==1, w
assert sum('7 rows skipped because of errors' in x and 'the first 5 are listed above' in x for x in w)==1, w
f=d['regions'][0]['indicators']['funding_share']
assert f['rows']==111 and f['skipped_rows']==9, f
" "$work/warnings.json"
same_in_chunks "warnings" "$regions/warnings.json" "$work/warnings.json" 200 700 1500

# A quote inside an unquoted field (bare_quote/funding.csv: 40 rows
# 'woman,100,5" screen' and 40 rows 'man,200,"two<newline>lines"') makes the
# quote parity that finds row boundaries wrong. Read whole (-j 1) the file
# is fine: 80 rows, 40 women, 40 men. Cut into parts, the run must not
# misread it: it stops, names the file and says what to do.
run_jv run "$regions/bare_quote.json" -f json -q -j 1
check "a bare quote: read whole, 80 rows, 40 women, 40 men" python3 -c "
import json,sys
r=json.load(open(sys.argv[1]))['regions'][0]['indicators']['funding_share']
assert r['rows']==80, r['rows']
assert r['result']['by_gender']['woman']['applications']==40
assert r['result']['by_gender']['man']['applications']==40" "$work/out"
JAMVIKT_CHUNK_BYTES=100 run_jv run "$regions/bare_quote.json" -f json -q -j 2 -o "$work/bare.json"
check "a bare quote: cut into parts, the run stops with exit 1" status_is 1
check "a bare quote: the message says why and what to do" stderr_has "could not be cut into parts for parallel reading near line"
check "a bare quote: nothing is written" test ! -e "$work/bare.json"

# --hash-inputs: the SHA-256 of every input, also when a file is read in
# chunks (then hashed by a task of its own).
expected=$(sha256sum "$regions/national/funding.csv" | cut -d' ' -f1)
for bytes in 0 40; do
    if [ "$bytes" = 0 ]; then unset JAMVIKT_CHUNK_BYTES; how="read whole"; else export JAMVIKT_CHUNK_BYTES=$bytes; how="read in chunks of $bytes bytes"; fi
    run_jv run "$regions/national.json" -f json -q --hash-inputs
    check "--hash-inputs ($how) records the file's SHA-256" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
assert d['evaluation']['inputs'][0]['sha256']==sys.argv[2], d['evaluation']['inputs']
assert d['evaluation']['options']['hash_inputs'] is True" "$work/out" "$expected"
done
unset JAMVIKT_CHUNK_BYTES

# Saved states: two runs of one region each, merged = one run of both.
run_jv run "$regions/norr_only.json" --save-state "$work/s1" -q -o "$work/ignored1.json"
check "--save-state exits 0" status_is 0
run_jv run "$regions/syd_only.json" --save-state "$work/s2" -q -o "$work/ignored2.json"
run_jv merge "$work/s1" "$work/s2" -f json
check "merge exits 0" status_is 0
cp "$work/out" "$work/merged.json"
run_jv run "$data/eval.json" -f json -q
# (the single run's evaluation lives beside the data, the split ones one
# folder over: only the input paths differ, by "../cli/")
sed 's#"file":\([[:space:]]*\)"\(norr\|syd\)/#"file":\1"../cli/\2/#' "$work/out" > "$work/single.json"
check "merged states equal the single run byte for byte" cmp -s "$work/merged.json" "$work/single.json"
run_jv merge "$work/s1" "$work/s2" -f markdown --lang sv --publish
check "merge --lang sv --publish exits 0" status_is 0
check "merge --lang sv renders in Swedish" stdout_has "## Sammanfattning"
check "merge --lang sv gives the built-ins' Swedish titles" \
    stdout_has "### Finansiering: ansökningar och beviljade medel"
check "merge --publish shows no plugin id" sh -c "! grep -q 'funding_share' '$work/out'"

run_jv run "$example" --save-state "$work/all" -q -o "$work/ignored3.json"
check "state files hold no person identifier" sh -c "! grep -q 'P0[0-9][0-9][0-9][0-9][0-9]' '$work/all'/*.json"
check "state files hold no funding row identifier" sh -c "! grep -q 'SE[0-9][0-9]-0' '$work/all'/*.json"
run_jv merge "$work/all" -f json
check "the example's 21 states merge into the single run" cmp -s "$work/out" "$work/example.json"

run_jv merge "$work/s1" "$work/s1"
check "merge refuses a region given twice" status_is 1
check "merge names both files of a duplicate region" stderr_has "region 'Norr' comes twice"
run_jv run "$regions/syd_min_cell_3.json" --save-state "$work/s3" -q -o "$work/ignored4.json"
run_jv merge "$work/s1" "$work/s3"
check "merge refuses states made with other options" status_is 1
check "merge says the options differ" stderr_has "were made with different options"
run_jv merge "$work/nowhere"
check "merge of a missing path exits 1" status_is 1
run_jv merge
check "merge without states is a usage error" status_is 2

finish
