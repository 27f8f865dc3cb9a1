#!/bin/sh
# tests/cli/test_init.sh — `jamvikt init`: a folder of Swedish tables
# (every column, file name and code translated from the English test data
# by tests/cli/init_translate.py; semicolons, decimal comma, BOM, one
# region in Windows-1252) gets a proposal that runs and gives exactly the
# English original's results with all four indicators; the same as one
# national set split by its region column, and as .xlsx workbooks; what
# init cannot decide is listed with the line to edit; nothing is
# overwritten without --force.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
data="$JV_SRCDIR/tests/data/init"
translate="$JV_SRCDIR/tests/cli/init_translate.py"

python3 "$translate" "$data/en" "$work/sv"
cp "$data/evaluation-en.json" "$work/"
cp -r "$data/en" "$work/en"
run_jv run "$work/evaluation-en.json" -f json -o "$work/en.json" -q
check "init: the English original runs" status_is 0

# same_results A.json B.json: the summary, and every scope's status, rows,
# skipped rows and headline of every indicator, are equal (labels of open
# categories are Swedish in one and English in the other).
same_results() {
    python3 - "$1" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
def heads(d):
    out = {}
    for scope in d["regions"] + [d["total"]]:
        for name, v in scope["indicators"].items():
            r = v.get("result") or {}
            out[(scope["name"], name)] = (v["status"], v.get("rows"), v.get("skipped_rows"),
                                          json.dumps(r.get("headline"), sort_keys=True))
    return out
ha, hb = heads(a), heads(b)
assert len(ha) == 16, len(ha)  # 3 regions and the total, 4 indicators
assert all(v[0] == "ok" for v in ha.values()), ha
for k in ha:
    assert ha[k] == hb.get(k), (k, ha[k], hb.get(k))
assert a["summary"] == b["summary"], (a["summary"], b["summary"])
assert b["warnings"] == a["warnings"], b["warnings"]
PY
}

run_jv init "$work/sv" -o "$work/sv.json"
check "init: a Swedish folder exits 0 (the proposal passes check)" status_is 0
check "init: says what it wrote" stdout_has "jamvikt init: wrote $work/sv.json"
check "init: the check ran" stdout_has "OK — 3 regions, 15 files"
check "init: files recognised from their columns" \
    stdout_has "Stockholm (sv/stockholm): funding = beviljade stöd.csv; participation = deltagande i organ.csv; training = utbildningar.csv; population = målgrupper.csv; goals = mål.csv;"
check "init: every gender code listed, the unknown one mapped" \
    stdout_has "funding.gender ('Kön'): 'blandad' → mixed (added to codes), 'kvinna' → woman, 'man' → man, 'okänd' → unknown"
check "init: the values of an open category listed" \
    stdout_has "participation.arena_type ('Typ av organ'): 'beslutande', 'lärande', 'rådgivande'"
check "init: the region column names the regions" grep -qF '"name":	"Södermanland"' "$work/sv.json"
check "init: Swedish column names mapped" grep -qF '"amount_granted":	"Beviljat belopp"' "$work/sv.json"
check "init: the dialect is written" grep -qF '"delimiter":	";"' "$work/sv.json"
check "init: the decimal comma is written" grep -qF '"decimal":	","' "$work/sv.json"
check "init: Windows-1252 found in one region" grep -qF '"encoding":	"windows-1252"' "$work/sv.json"
run_jv run "$work/sv.json" -f json -o "$work/sv-result.json" -q
check "init: the proposal runs" status_is 0
check "init: the proposal gives the English original's results" \
    same_results "$work/en.json" "$work/sv-result.json"

# a region whose file is named otherwise gets it as an override
cp -r "$work/sv" "$work/renamed"
mv "$work/renamed/uppsala/beviljade stöd.csv" "$work/renamed/uppsala/stöd 2016-2018.csv"
run_jv init "$work/renamed" -o "$work/renamed.json"
check "init: a file named otherwise in one region" status_is 0
check "init: ... is that region's override" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['tables']['funding']['file'] == 'beviljade stöd.csv'
u = [r for r in d['regions'] if r['name'] == 'Uppsala'][0]
assert u['tables']['funding'] == {'file': 'stöd 2016-2018.csv', 'encoding': 'windows-1252'}, u
" "$work/renamed.json"
run_jv run "$work/renamed.json" -f json -o "$work/renamed-result.json" -q
check "init: ... and runs to the same results" same_results "$work/en.json" "$work/renamed-result.json"

# never over an existing file without --force
cp "$work/sv.json" "$work/kept.json"
echo '{"mine": true}' >"$work/sv.json"
run_jv init "$work/sv" -o "$work/sv.json"
check "init: refuses an existing file" status_is 1
check "init: says why" stderr_has "sv.json exists; it is left as it is (give --force"
check "init: the existing file is untouched" grep -qF '"mine": true' "$work/sv.json"
run_jv init "$work/sv" -o "$work/sv.json" --force
check "init: --force replaces it" status_is 0
check "init: with the same proposal" cmp -s "$work/kept.json" "$work/sv.json"

# one national set of tables with a region column
mkdir -p "$work/national"
for f in "beviljade stöd" "deltagande i organ" utbildningar målgrupper mål; do
    first=1
    for r in stockholm uppsala södermanland; do
        if [ "$r" = uppsala ]; then conv="iconv -f WINDOWS-1252 -t UTF-8"; else conv=cat; fi
        if [ $first = 1 ]; then $conv "$work/sv/$r/$f.csv"; else $conv "$work/sv/$r/$f.csv" | tail -n +2; fi
        first=0
    done | sed '2,$s/^\xef\xbb\xbf//' >"$work/national/$f.csv"
done
run_jv init "$work/national" -o "$work/national.json"
check "init: a national set exits 0" status_is 0
check "init: regions split by the region column" grep -qF '"column":	"Län"' "$work/national.json"
run_jv run "$work/national.json" -f json -o "$work/national-result.json" -q
check "init: the national proposal gives the English original's results" \
    same_results "$work/en.json" "$work/national-result.json"

# what init cannot decide, with the line to edit
mkdir -p "$work/odd/a"
cp "$work/sv/stockholm/"*.csv "$work/odd/a/"
sed -i '2s/;kvinna;/;hen;/; 2s/;man;/;hen;/' "$work/odd/a/beviljade stöd.csv"
sed -i '1s/;Antal/;Antal;ANTAL/; 2,$s/\r$/;1\r/' "$work/odd/a/målgrupper.csv"
sed -i '1s/^\xef\xbb\xbfLän;Mål-id;Område;Mål;/\xef\xbb\xbfLän;Löpnr;Område;Text;/' "$work/odd/a/mål.csv"
printf 'x;y\r\n1;2\r\n' >"$work/odd/a/anteckningar.csv"
printf 'Kön;Antal\n1\000;2\n' >"$work/odd/a/trasig.csv"
run_jv init "$work/odd" -o "$work/odd.json"
check "init: a proposal that needs editing exits 1" status_is 1
check "init: the proposal is still written" test -s "$work/odd.json"
line_of() { # line_of TEXT: the line number init gave with TEXT
    grep -F -- "$1" "$work/out" | sed -n 's/^ *[^:]*odd\.json:\([0-9]*\): .*/\1/p' | head -1
}
check "init: an unknown code is reported" stdout_has "funding: column 'Kön' (role gender): unknown code 'hen'"
n=$(line_of "unknown code 'hen'")
check "init: ... at the funding table's columns" sh -c "sed -n '${n:-0}p' '$work/odd.json' | grep -qF '\"columns\":'"
check "init: an ambiguous column is reported" \
    stdout_has "population: role size: both 'Antal' and 'ANTAL' could be its column; 'Antal' was taken"
n=$(line_of "both 'Antal' and 'ANTAL'")
check "init: ... at the line to edit" sh -c "sed -n '${n:-0}p' '$work/odd.json' | grep -qF '\"size\":	\"Antal\"'"
check "init: an unmapped required role is reported" \
    stdout_has "goals: no column for the required role goal_id"
check "init: a file no table describes is reported" stdout_has "anteckningar.csv: not used: its columns ('x', 'y')"
check "init: a file it cannot read is reported and left out" \
    stdout_has "trasig.csv:2: the file contains a NUL byte"
check "init: the check's errors follow" stderr_has "column 'Kön'"

if [ -n "$OPENPYXL_PYTHON" ]; then
    # the Swedish tables as workbooks: title row, blank row, then the table
    "$OPENPYXL_PYTHON" - "$work/sv" "$work/xlsx" <<'PY'
import csv, os, sys
import openpyxl
src, dst = sys.argv[1:3]
for region in sorted(os.listdir(src)):
    os.makedirs(os.path.join(dst, region))
    for name in os.listdir(os.path.join(src, region)):
        encoding = "windows-1252" if region == "uppsala" else "utf-8-sig"
        with open(os.path.join(src, region, name), encoding=encoding, newline="") as f:
            rows = list(csv.reader(f, delimiter=";"))
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Data"
        sheet.append([name[:-4].capitalize() + " 2016–2018"])
        sheet.append([])
        for row in rows:
            out = []
            for cell in row:
                text = cell.replace("\u00a0", "")
                try:
                    out.append(float(text.replace(",", ".")) if "," in text else int(text))
                except ValueError:
                    out.append(cell)
            sheet.append(out)
        book.save(os.path.join(dst, region, name[:-4] + ".xlsx"))
PY
    run_jv init "$work/xlsx" -o "$work/xlsx.json"
    check "init: a folder of workbooks exits 0" status_is 0
    check "init: the sheet is written" grep -qF '"sheet":	"Data"' "$work/xlsx.json"
    run_jv run "$work/xlsx.json" -f json -o "$work/xlsx-result.json" -q
    check "init: the workbooks give the English original's results" \
        same_results "$work/en.json" "$work/xlsx-result.json"
else
    echo "skip .xlsx checks: \$OPENPYXL_PYTHON is empty"
fi

run_jv init "$work/nowhere"
check "init: a missing folder is an error" status_is 1
check "init: ... naming it" stderr_has "nowhere: no such folder"
run_jv init
check "init: no folder is a usage error" status_is 2
mkdir -p "$work/empty"
run_jv init "$work/empty" -o "$work/empty.json"
check "init: a folder without tables is an error" stderr_has "no tables found"
check "init: ... and writes nothing" test ! -e "$work/empty.json"
finish
