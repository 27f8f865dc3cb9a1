#!/bin/sh
# tests/cli/test_periods.sh — periods (DESIGN.md "Periods (year over
# year)"): hand-made data whose period results, trend and change with
# Newcombe's interval are worked out below; every region's period result
# equal to a run over only that period's rows (rows filtered by a script);
# bytes that do not depend on -j or the chunk size; saved halves that merge
# into the single run (a region without a period gets it from its base);
# disclosure at min_cell 5 leaving no period line with exactly one
# suppressed cell; the warnings and errors.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
data="$JV_SRCDIR/tests/data/periods"
example="$JV_SRCDIR/examples/regions-2016-2018"

# tests/data/periods, min_cell 0. Region A:
#   funding: 2016 woman 100, man 300; 2017 woman 200, man 200; a woman row
#   of 50 without a year (all periods only, one warning).
#     2016: 100/400 = 0.25; 2017: 200/400 = 0.5; all: 350/850.
#     change 0.5 - 0.25 = 0.25, ci null (a share of money has no interval).
#   participation: 2016 woman 2, man 8; 2017 woman 9, man 1.
#     2016: 2/10 = 0.2, Wilson (z = 1.959963984540054, n = 10):
#       centre = (0.2 + z²/20)/(1 + z²/10), half = z·sqrt(0.016 + z²/400)/(1 + z²/10)
#       → [0.0566821514543752, 0.5098375284633583]
#     2017: 9/10 = 0.9 → [0.5958499732047615, 0.9821237869049271]
#     change 0.9 - 0.2 = 0.7, Newcombe (p1 = 0.9 last, p2 = 0.2 first):
#       0.7 - sqrt((0.9-0.59585)² + (0.50984-0.2)²) = 0.2658266097008861
#       0.7 + sqrt((0.98212-0.9)² + (0.2-0.05668)²) = 0.865179666083185
#   training: p1 woman 2016, unknown 2017; p2 man both; p3 woman 2017 (official);
#   population (no year: every period) politician 10/10, official 5/5.
#     2017 alone: p1's first known gender among 2017 rows: none → unknown,
#       so 2017 persons reached woman 1 (p3), man 1 (p2), unknown 1 (p1);
#       all periods: woman 2 (p1, p3), man 1, unknown 0.
#     reach_gap 2016: 1/15 - 1/15 = 0; 2017: 1/15 - 1/15 = 0.
# Region B: only 2017. funding woman 300, man 100 → 0.75; 2016 null.
#   participation 5/5 → 0.5; training q1 woman politician, population 20/20:
#   2016 gap 0/20 - 0/20 = 0 (population applies to a period without rows),
#   2017 1/20 - 0/20 = 0.05.
# Total: funding 2016 100/400 = 0.25, 2017 (200+300)/(400+400) = 0.625,
#   change 0.375. participation 2016 2/10, 2017 (9+5)/20 = 0.7, change 0.5,
#   Newcombe(14/20 vs 2/10) = [0.12059469004510814, 0.7107540926422378].
#   training 2016 gap 1/35 - 1/35 = 0; 2017 (1+1)/35 - (1+0)/35 = 1/35.
run_jv run "$data/periods.json" -f json -q
check "periods by hand: run exits 0" status_is 0
cp "$work/out" "$work/hand.json"
check "periods by hand: figures" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
near=lambda a,b: a is not None and abs(a-b)<1e-12
A,B=d['regions']; T=d['total']
assert [p['value'] for p in T['periods']]==['2016','2017']
def hl(scope,k,name): return scope['periods'][k]['indicators'][name]['result']['headline']['value']
assert near(hl(A,0,'funding_share'),0.25) and near(hl(A,1,'funding_share'),0.5)
assert near(A['indicators']['funding_share']['result']['headline']['value'],350/850)
assert A['periods'][0]['indicators']['funding_share']['rows']==2
assert A['indicators']['funding_share']['rows']==5
c=A['trend']['funding_share']['change']
assert c['from']=='2016' and c['to']=='2017' and near(c['value'],0.25) and c['ci'] is None
t=A['trend']['participation']
assert [v['period'] for v in t['values']]==['2016','2017']
assert near(t['values'][0]['value'],0.2) and near(t['values'][1]['value'],0.9)
assert near(t['values'][0]['ci'][0],0.0566821514543752) and near(t['values'][1]['ci'][1],0.9821237869049271)
assert t['values'][1]['balance']=='women_dominated'
assert near(t['change']['value'],0.7)
assert near(t['change']['ci'][0],0.2658266097008861) and near(t['change']['ci'][1],0.865179666083185)
r17=A['periods'][1]['indicators']['training_reach']['result']['by_gender']
assert [r17[g]['persons_reached'] for g in ('woman','man','unknown')]==[1,1,1], r17
rall=A['indicators']['training_reach']['result']['by_gender']
assert [rall[g]['persons_reached'] for g in ('woman','man','unknown')]==[2,1,0]
assert near(hl(A,0,'training_reach'),0) and near(hl(A,1,'training_reach'),0)
assert hl(B,0,'funding_share') is None and B['periods'][0]['indicators']['funding_share']['rows']==0
assert B['trend']['funding_share']['change']['value'] is None
assert near(hl(B,1,'funding_share'),0.75) and near(hl(B,0,'training_reach'),0) and near(hl(B,1,'training_reach'),0.05)
assert near(hl(T,0,'funding_share'),0.25) and near(hl(T,1,'funding_share'),0.625)
assert near(T['trend']['funding_share']['change']['value'],0.375)
tp=T['trend']['participation']['change']
assert near(tp['value'],0.5) and near(tp['ci'][0],0.12059469004510814) and near(tp['ci'][1],0.7107540926422378)
assert near(hl(T,0,'training_reach'),0) and near(hl(T,1,'training_reach'),1/35)
assert T['trend']['training_reach']['change']['ci'] is None
assert d['warnings']==[\"A: a/funding.csv: 1 row without a period (column 'year' empty): counted in the all-periods results only\"], d['warnings']
" "$work/hand.json"

# Renderers: the trend table per headline, one column per period and the
# change, "*" where its interval excludes 0 (participation: Newcombe
# [0.266, 0.865] for A, [0.121, 0.711] for the total; funding has no
# interval: never marked); Swedish labels; CSV with a period column and
# the change (after main's `symbol` column); HTML with a line chart per
# indicator.
run_jv report "$work/hand.json" -f markdown --lang en
check "markdown: trend section" stdout_has "## Trend by period"
check "markdown: participation A, change marked" grep -qE '^\| A +\| 20\.0% \| 90\.0% \| +\+70\.0 pp \* \|$' "$work/out"
check "markdown: funding A, change not marked" grep -qE '^\| A +\| 25\.0% \| 50\.0% \| +\+25\.0 pp \|$' "$work/out"
check "markdown: B's change without 2016 is .." grep -qE '^\| B +\| +\.\. \| 75\.0% \| +\.\. \|$' "$work/out"
# At min_cell 5, A's 2016 seats (woman 2) are suppressed: × in the trend
# table, and × for a change that needs it; B has no 2016 rows: "..".
run_jv run "$data/periods.json" --min-cell 5 -f markdown -q
check "markdown: × for a suppressed period, .. for none" python3 -c "
import sys
t=open(sys.argv[1]).read().split('participation: trend by period')[1].split('**')[1]
rows={l.split('|')[1].strip(): [c.strip() for c in l.split('|')[2:-1]] for l in t.splitlines() if l.startswith('| ') and not l.startswith('| Region') and not l.startswith('| -')}
assert rows['A'][0]=='×' and rows['A'][2]=='×', rows
assert rows['B'][0]=='..', rows
" "$work/out"
run_jv report "$work/hand.json" -f table --lang sv
check "table (sv): trend labels" stdout_has "participation: utveckling per period"
check "table (sv): change column and mark" stdout_has "Förändring 2016–2017"
check "table (sv): total's change" grep -qE '^Totalt +20,0 % +70,0 % +\+50,0 p\.e\. \*$' "$work/out"
run_jv report "$work/hand.json" -f csv --csv-dialect plain
check "csv: a period column" grep -q '^region,indicator,group,value,gender,measure,number,symbol,period$' "$work/out"
check "csv: a period's figure" grep -q '^A,participation,headline,women_share_seats,,value,0.9,,2017$' "$work/out"
check "csv: all-periods figures have an empty period" grep -q '^A,funding_share,,,,rows,5,,$' "$work/out"
check "csv: the change and its mark" sh -c "grep -q '^total,participation,trend,women_share_seats,,change.value,0.5,,2016-2017\$' '$work/out' && grep -q '^total,participation,trend,women_share_seats,,change.excludes_zero,1,,2016-2017\$' '$work/out' && grep -q '^total,funding_share,trend,women_share_amount_granted,,change.excludes_zero,0,,2016-2017\$' '$work/out'"
run_jv report "$work/hand.json" -f html --lang sv
check "html: trend section with one chart per indicator" python3 -c "
import sys
s=open(sys.argv[1]).read()
i=s.index('<section aria-labelledby=\"trend\">'); j=s.index('</section>',i); t=s[i:j]
assert t.count('<svg')==3, t.count('<svg')
assert t.count('class=\"total\"/>')==3
# regions faint: A a line in each chart; B a line for training, and a dot
# where only 2017 has a value (funding, participation)
assert t.count('class=\"region\"/>')==4 and t.count('<circle r=\"2.5\" class=\"region\"')==2
assert 'En ljus linje per region; totalen i fetstil: 2016 20,0 %, 2017 70,0 %.' in t
assert t.count('fill=\"#D5EFE6\"')==2   # the band, behind the two shares
assert t.count('class=\"ci\"')==4      # whiskers: participation and training, 2 periods each
" "$work/out"
"$JAMVIKT" run "$data/no_periods.json" -f markdown -q >"$work/plain.md"
check "without periods no trend section" sh -c "! grep -q 'Trend by period' '$work/plain.md'"

# The all-periods results are those of a run without periods.
run_jv run "$data/no_periods.json" -f json -q
check "periods leave the all-periods results as they were" python3 -c "
import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
for x,y in zip(a['regions']+[a['total']], b['regions']+[b['total']]):
    assert x['indicators']==y['indicators']
    assert 'periods' not in y and 'trend' not in y
assert a['summary']==b['summary']
" "$work/hand.json" "$work/out"

# Listed values choose the periods: 2016 rows then count in all periods
# only (A: two 2016 rows and the one without a year, per file).
run_jv run "$data/listed.json" -f json -q
check "listed values choose the periods" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
assert [p['value'] for p in d['total']['periods']]==['2017']
assert d['total']['periods'][0]['indicators']['funding_share']['rows']==4
assert \"A: a/funding.csv: 3 rows without a period (column 'year' empty or not among periods.values): counted in the all-periods results only\" in d['warnings'], d['warnings']
" "$work/out"

# -j never changes a byte, whatever the chunk size.
for bytes in 16 40; do
    JAMVIKT_CHUNK_BYTES=$bytes "$JAMVIKT" run "$data/periods.json" -f json -q -j 2 >"$work/j2.json"
    check "periods: -j 2 with $bytes-byte chunks gives the same bytes" cmp -s "$work/hand.json" "$work/j2.json"
done

# Regions from a column (national/funding.csv: A's and B's funding rows
# interleaved): each region's periods are those of the listed-regions run.
run_jv run "$data/national.json" -f json -q
check "national table: periods per region as with a folder each" python3 -c "
import json,sys
n=json.load(open(sys.argv[1])); h=json.load(open(sys.argv[2]))
assert [r['name'] for r in n['regions']]==['A','B']
for a,b in zip(n['regions']+[n['total']], h['regions']+[h['total']]):
    for k in range(2):
        assert a['periods'][k]['indicators']['funding_share']==b['periods'][k]['indicators']['funding_share'], (a['name'],k)
    assert a['trend']['funding_share']==b['trend']['funding_share']
assert n['warnings']==[\"national/funding.csv: 1 row without a period (column 'year' empty): counted in the all-periods results only\"], n['warnings']
" "$work/out" "$work/hand.json"
cp "$work/out" "$work/national.json"
JAMVIKT_CHUNK_BYTES=30 "$JAMVIKT" run "$data/national.json" -f json -q -j 2 >"$work/nj2.json"
check "national table: -j 2 with 30-byte chunks gives the same bytes" cmp -s "$work/national.json" "$work/nj2.json"

# The same with a breakdown by sector (A's rows "x", B's "y"): a region's
# period lists only the values of its own rows.
run_jv run "$data/national_by.json" -f json -q
check "national table: a region's period lists its own values only" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
A,B=d['regions']
def values(scope,k): return [e['value'] for e in scope['periods'][k]['indicators']['funding_share']['result']['breakdowns']['sector']]
assert values(A,0)==['x'] and values(A,1)==['x'], (values(A,0),values(A,1))
assert values(B,0)==[] and values(B,1)==['y'], (values(B,0),values(B,1))
assert values(d['total'],1)==['x','y']
" "$work/out"

# Saved halves merge into the single run: B alone has only 2017, so its
# 2016 comes from its saved base (population, no training rows).
"$JAMVIKT" run "$data/a_only.json" --save-state "$work/sa" -q -o "$work/a.json"
"$JAMVIKT" run "$data/b_only.json" --save-state "$work/sb" -q -o "$work/b.json"
check "B alone has only 2017" python3 -c "
import json,sys
assert [p['value'] for p in json.load(open(sys.argv[1]))['total']['periods']]==['2017']
" "$work/b.json"
check "saved states keep the periods" grep -q '"periods"' "$work/sb/001-b.state.json"
run_jv merge "$work/sa" "$work/sb" -f json -q
check "merged halves equal the single run byte for byte" cmp -s "$work/hand.json" "$work/out"

# A damaged state: B's base (what its 2016 starts from) removed, the set's
# manifest updated to the file's new checksum.
cp -R "$work/sb" "$work/sb-nobase"
python3 -c "
import hashlib,json,sys
d=sys.argv[1]
s=json.load(open(d+'/001-b.state.json'))
for item in s['indicators']: item.pop('base', None)
open(d+'/001-b.state.json','w').write(json.dumps(s))
m=json.load(open(d+'/jamvikt-manifest.json'))
for r in m['regions']:
    r['sha256']=hashlib.sha256(open(d+'/'+r['file'],'rb').read()).hexdigest()
open(d+'/jamvikt-manifest.json','w').write(json.dumps(m))
" "$work/sb-nobase"
run_jv merge "$work/sa" "$work/sb-nobase" -q
check "merge: a missing period state is an error" status_is 1
check "... naming the file" stderr_has "sb-nobase/001-b.state.json: plugin 'funding_share': a saved period state is missing"

# A state made without periods does not pool with one made with them.
"$JAMVIKT" run "$data/no_periods.json" --save-state "$work/sn" -q -o "$work/n.json"
run_jv merge "$work/sa" "$work/sn/002-b.state.json" -q
check "merge refuses states with different periods" status_is 1
check "... and says why" stderr_has 'were made with different "periods"'

# A funding file without the column: with A's funding having it,
# funding_share has periods and C's rows count in all periods only, with a
# warning; alone, C's funding_share has no periods, and merge refuses to
# pool that state with A's.
run_jv run "$data/a_and_c.json" -f json -q
check "a file without the period column is named in a warning" stdout_has "C: c/funding.csv has no column 'year': its rows count in the all-periods results only"
check "... and its rows count in all periods only" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
C=d['regions'][1]
assert C['indicators']['funding_share']['rows']==1
assert [p['indicators']['funding_share']['rows'] for p in C['periods']]==[0,0]
" "$work/out"
run_jv run "$data/c_only.json" --save-state "$work/sc" -f json -q
check "alone, the indicator has no periods" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
assert 'funding_share' not in d['total']['trend'] and 'participation' in d['total']['trend']
assert 'funding_share' not in d['total']['periods'][0]['indicators']
" "$work/out"
run_jv merge "$work/sa" "$work/sc" -q
check "merge refuses an indicator with periods in one state only" status_is 1
check "... naming it" stderr_has "indicator 'funding_share' has no periods here but has them in another state"

# A period column with more than 200 different values (here 201 "years")
# is a mistake: the run stops and says what to do, whatever the chunks.
mkdir -p "$work/many/a"
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('year,gender,amount_granted\n')
    for y in range(1800, 2001): f.write('%d,woman,10\n' % y)
" "$work/many/a/funding.csv"
printf '{"regions": [{"name": "A", "dir": "a"}], "periods": {"column": "year"}, "indicators": [{"plugin": "funding_share"}]}\n' >"$work/many/e.json"
run_jv run "$work/many/e.json" -q
check "more than 200 periods: exit 1" status_is 1
check "... with what to do" stderr_has "periods.column 'year' has more than 200 different values; periods are meant for years or quarters (a column of identifiers or dates?): choose another column, or list the periods in periods.values"
JAMVIKT_CHUNK_BYTES=100 "$JAMVIKT" run "$work/many/e.json" -q -j 2 2>"$work/many/err2" && status=0 || status=$?
check "... the same with -j 2 and small chunks" sh -c "[ $status -eq 1 ] && cmp -s '$work/err' '$work/many/err2'"
printf 'year,gender,amount_granted\n1800,woman,10\n' >"$work/many/a/funding.csv"
run_jv run "$work/many/e.json" -q -f json
check "one period is fine" status_is 0

# A breakdown by an identifier repeated every year: 20 ids in 2016 and the
# same 20 in 2017. All years: 20 values in 40 rows (allowed, 20*2 <= 40);
# each year: 20 values in 20 rows (more than half): refused, naming it.
mkdir -p "$work/ids/a"
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('year,gender,amount_granted,case_id\n')
    for y in (2016, 2017):
        for i in range(20): f.write('%d,%s,10,c%02d\n' % (y, 'woman' if i % 2 else 'man', i))
" "$work/ids/a/funding.csv"
printf '{"options": {"min_cell": 0}, "regions": [{"name": "A", "dir": "a"}], "periods": {"column": "year"}, "indicators": [{"plugin": "funding_share", "params": {"by": ["case_id"]}}]}\n' >"$work/ids/e.json"
run_jv run "$work/ids/e.json" -q -f json
check "person-level breakdown within a period: exit 1" status_is 1
check "... naming the period" stderr_has "breakdown column 'case_id' has 20 different values in 20 rows of A, period '2016'"

# check computes no period: a bad value in a file with the period column is
# one error, reported once.
mkdir -p "$work/chk"
cp -R "$data/a" "$data/b" "$data/periods.json" "$work/chk/"
chmod -R u+w "$work/chk"
printf '2017,woman,abc\n' >>"$work/chk/b/funding.csv"
run_jv check "$work/chk/periods.json"
check "check with periods: exit 1" status_is 1
check "... one error, once" sh -c "grep -q '1 error, 0 warnings' '$work/out' && [ \$(grep -c \"'abc' is not a number\" '$work/err') -eq 1 ]"

# The example: every region's period result equals a run over only that
# period's rows (the rows filtered by this script; population and goals
# copied whole), at min_cell 0.
mkdir -p "$work/ex"
cp -r "$example/data" "$work/ex/"
python3 - "$example/evaluation.json" "$work/ex" <<'PY'
import csv, json, os, sys
e = json.load(open(sys.argv[1]))
out = sys.argv[2]
e['options']['min_cell'] = 0
json.dump(e, open(os.path.join(out, 'plain.json'), 'w'), ensure_ascii=False)
p = dict(e); p['periods'] = {'column': 'year'}
json.dump(p, open(os.path.join(out, 'periods.json'), 'w'), ensure_ascii=False)
for year in ('2016', '2017', '2018'):
    ydir = os.path.join(out, year)
    for region in os.listdir(os.path.join(out, 'data')):
        src = os.path.join(out, 'data', region)
        dst = os.path.join(ydir, 'data', region)
        os.makedirs(dst)
        for name in os.listdir(src):
            with open(os.path.join(src, name), newline='', encoding='utf-8') as f:
                rows = list(csv.reader(f))
            head = rows[0]
            if 'year' in head:
                k = head.index('year')
                rows = [head] + [r for r in rows[1:] if r[k] == year]
            with open(os.path.join(dst, name), 'w', newline='', encoding='utf-8') as f:
                csv.writer(f, lineterminator='\n').writerows(rows)
    json.dump(e, open(os.path.join(ydir, 'plain.json'), 'w'), ensure_ascii=False)
PY
"$JAMVIKT" run "$work/ex/periods.json" -f json -q -o "$work/ex/periods.out.json"
for year in 2016 2017 2018; do
    "$JAMVIKT" run "$work/ex/$year/plain.json" -f json -q -o "$work/ex/$year.out.json"
done
check "example: every period result equals a run over that period's rows" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
years=['2016','2017','2018']
assert [p['value'] for p in d['total']['periods']]==years
for k,y in enumerate(years):
    one=json.load(open(sys.argv[2]+'/'+y+'.out.json'))
    for a,b in zip(d['regions']+[d['total']], one['regions']+[one['total']]):
        assert a['name']==b['name']
        for name in ('funding_share','participation','training_reach'):
            assert a['periods'][k]['indicators'][name]==b['indicators'][name], (a['name'],y,name)
            h=b['indicators'][name]['result']['headline']
            assert a['trend'][name]['values'][k]['value']==h['value']
        assert 'goal_fulfilment' not in a['periods'][k]['indicators']
" "$work/ex/periods.out.json" "$work/ex"

# min_cell 5 on the example: no period line (the periods' cells of one
# gender and the all-periods cell, for the main split, every breakdown
# value and every arena) holds exactly one suppressed cell.
run_jv run "$work/ex/periods.json" --min-cell 5 -f json -q
check "min_cell 5: no period family holds exactly one suppressed cell" python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
def splits(result):
    yield ('main',), result
    for col, entries in (result.get('breakdowns') or {}).items():
        for e in entries: yield (col, e['value']), e
    for e in result.get('arenas') or []: yield ('arena', e['value']), e
lines=0; suppressed=0
for s in d['regions']+[d['total']]:
    for name in ('funding_share','participation','training_reach'):
        if s['indicators'][name]['status']!='ok': continue
        allp=dict(splits(s['indicators'][name]['result']))
        per=[dict(splits(p['indicators'][name]['result'])) for p in s['periods']]
        for key, split in allp.items():
            for g in ('woman','man','non_binary','mixed'):
                cells=[split['by_gender'][g]['suppressed']]+[p[key]['by_gender'][g]['suppressed'] for p in per if key in p]
                lines+=1; suppressed+=sum(cells)
                assert sum(cells)!=1, (s['name'],name,key,g,cells)
assert suppressed>0, 'the example should suppress something at min_cell 5'
" "$work/out"

finish
