#!/bin/sh
# tests/render/test_xlsx.sh — the Excel workbook (-f xlsx, -o x.xlsx) from
# `report`, `run` and `merge`, read back with openpyxl and compared with
# the JSON document of the same result (tests/render/check_xlsx.py):
# numeric cells at full precision with percent / thousands formats, the
# symbols of suppressed, not-applicable and no-data cells, Swedish labels,
# frozen headers; binary output refused on a terminal, allowed in a pipe;
# nothing left behind when writing fails. Skipped (77) without openpyxl.
set -eu
if [ -z "${OPENPYXL_PYTHON:-}" ]; then echo "SKIP: no python3 with openpyxl"; exit 77; fi
. "$JV_SRCDIR/tests/cli/lib.sh"
result="$JV_SRCDIR/tests/data/render/result.json"
check_xlsx="$JV_SRCDIR/tests/render/check_xlsx.py"
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C
py() { "$OPENPYXL_PYTHON" "$@"; }
# cell WORKBOOK SHEET REF: prints value|number format|bold (SHEET: a name,
# or #N for the N-th sheet from 0)
cell() {
    py -c 'import sys, openpyxl
b = openpyxl.load_workbook(sys.argv[1])
ws = b.worksheets[int(sys.argv[2][1:])] if sys.argv[2].startswith("#") else b[sys.argv[2]]
c = ws[sys.argv[3]]
v = c.value
print("%s|%s|%s" % (repr(v) if isinstance(v, float) else v, c.number_format, bool(c.font.b)))' "$@"
}
is() { [ "$1" = "$2" ] || { echo "     got '$1', expected '$2'"; return 1; }; }

run_jv report "$result" -f json -o "$work/result.json"
run_jv report "$result" -o "$work/en.xlsx" --lang en
check "report -o out.xlsx exits 0" status_is 0
check "... writes a zip (PK)" sh -c "head -c 2 '$work/en.xlsx' | grep -q PK"
check "every summary figure and funding_share's and participation's gender cells equal the JSON" \
    py "$check_xlsx" "$work/en.xlsx" "$work/result.json" funding_share participation

# The total's women's share of money: women 100 000 + 300 000 + 50 000
# (Norr) + 500 000 + 400 000 (Syd) = 1 350 000; men 400 000 + 350 000 +
# 300 000 + 400 000 + 700 000 = 2 150 000; 1 350 000 / 3 500 000 = 27/70.
check "the total's women's share of money: a number, formatted as percent, bold" \
    is "$(cell "$work/en.xlsx" Summary B4)" "0.38571428571428573|0.0%|True"
check "... exactly 27/70" py -c "import sys; sys.exit(0 if 0.38571428571428573 == 27/70 else 1)"
check "a region's row is not bold" is "$(cell "$work/en.xlsx" Summary B2)" "0.3|0.0%|False"
check "a region has no share of regions fulfilling: not applicable" \
    is "$(cell "$work/en.xlsx" Summary E2)" ".|General|False"
check "Syd has no participation table: no data" is "$(cell "$work/en.xlsx" Summary C3)" "..|General|False"
check "the total's headline is not share_met: not applicable" \
    is "$(cell "$work/en.xlsx" Summary D4)" ".|General|True"
# funding_share's sheet (named by its title, "Funding: applications and
# money granted", ':' replaced and cut to 28): Norr's main row is row 3; its mixed cell is
# suppressed (make_result.py FUNDING_SUPPRESSED), Norr's energy row has the
# women's cell suppressed, so its women's shares are too.
check "Norr's suppressed mixed applications show ×" \
    is "$(py -c 'import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Funding_ applications and mo"]
head = [c.value for c in ws[1]]
col = head.index("Mixed")
print(ws.cell(3, col + 1).value, ws.cell(4, 2).value, ws.cell(4, 3).value, ws.cell(4, 4).value)' "$work/en.xlsx")" \
    "× sector energy ×"
check "money has thousands separators: Norr's women's amount granted 450 000" \
    is "$(cell "$work/en.xlsx" "#1" G3)" "450000|#,##0|False"
check "headers are frozen" is "$(py -c 'import sys, openpyxl
b = openpyxl.load_workbook(sys.argv[1])
print(b["Summary"].freeze_panes, b.worksheets[1].freeze_panes)' "$work/en.xlsx")" "B2 D3"
check "a sheet with the legend, options and provenance" \
    is "$(py -c 'import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["About"]
print(";".join(str(c.value) for c in ws["A"] if c.value is not None))' "$work/en.xlsx" | cut -d';' -f1-6)" \
    "Rendertest 2018;Symbols;×;.;..;Figures"

run_jv report "$result" -o "$work/sv.xlsx" --lang sv
# (participation has no title in the document: its name made readable)
check "--lang sv: Swedish sheet names, the plugins' Swedish titles" is "$(py -c 'import sys, openpyxl
print(",".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$work/sv.xlsx")" \
    "Sammanfattning,Finansiering_ ansökningar oc,Participation,Måluppfyllelse,Mentorprogram,Om utvärderingen"
check "--lang sv: Swedish headers, percent with a space" \
    is "$(cell "$work/sv.xlsx" Sammanfattning B1)|$(cell "$work/sv.xlsx" Sammanfattning A4)|$(cell "$work/sv.xlsx" Sammanfattning B4)" \
    "Kvinnors andel av beviljade medel|General|True|Totalt|General|True|0.38571428571428573|0.0 %|True"
check "--lang sv: gender groups in Swedish" is "$(cell "$work/sv.xlsx" "#1" D1)" "Kvinnor|General|True"

# --publish: no plugin id, no file path, no warning; one line on data
# quality instead (result.json has one warning).
run_jv report "$result" --publish -o "$work/pub.xlsx" --lang en
check "--publish: exit 0" status_is 0
check "--publish: no plugin id or file path in any sheet, a line on data quality" is "$(py -c 'import sys, openpyxl
b = openpyxl.load_workbook(sys.argv[1])
texts = [str(c.value) for ws in b.worksheets for r in ws.iter_rows() for c in r if c.value is not None]
bad = [t for t in texts if "funding_share" in t or "data/" in t or ".csv" in t]
print(bad, [t for t in texts if t.startswith("Data quality")])' "$work/pub.xlsx")" \
    "[] ['Data quality: the data passed every check; the reading gave 1 remark, listed in the full report.']"

run_jv report "$result" -o "$work/again.xlsx" --lang en
check "the same document gives the same bytes" cmp -s "$work/en.xlsx" "$work/again.xlsx"

# stdout: refused on a terminal (usage error, before any work), allowed
# into a pipe.
check "-f xlsx to a terminal is refused with exit 2" is "$(py -c 'import os, pty, subprocess, sys
master, slave = pty.openpty()
r = subprocess.run([os.environ["JAMVIKT"], "report", sys.argv[1], "-f", "xlsx"], stdout=slave,
                   stderr=subprocess.PIPE)
print(r.returncode, b"binary workbook" in r.stderr)' "$result")" "2 True"
"$JAMVIKT" report "$result" -f xlsx | cat >"$work/piped.xlsx"
check "-f xlsx into a pipe writes the workbook" cmp -s "$work/piped.xlsx" "$work/en.xlsx"

# Writing fails (no temporary folder): exit 1, the old file untouched,
# nothing left behind.
printf 'old\n' >"$work/keep.xlsx"
TMPDIR="$work/missing" run_jv report "$result" -o "$work/keep.xlsx"
check "a workbook that cannot be written: exit 1" status_is 1
check "... the existing file is untouched" is "$(cat "$work/keep.xlsx")" "old"
mkdir "$work/tmp"
TMPDIR="$work/tmp" run_jv report "$result" -o "$work/tmpdir.xlsx"
check "no temporary file is left behind" is "$(ls -A "$work/tmp")" ""

# Sheet names from titles: what Excel forbids ([]:*?/\\) replaced, cut
# to 31 characters, unique regardless of case (a number added); an
# empty title falls back to the name made readable ("Mentoring").
py - "$result" "$work/titles.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
long = "Stöd [a]/b: *?\\ och ett mycket långt namn"
for p, title in zip(doc["evaluation"]["plugins"], [long, long.upper(), "Summary", ""]):
    p["title"] = {"sv": title, "en": title}
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
run_jv report "$work/titles.json" -o "$work/titles.xlsx" --lang en
check "titles with forbidden characters: exit 0" status_is 0
check "... valid, cut and unique sheet names" is "$(py -c 'import sys, openpyxl
print("|".join(openpyxl.load_workbook(sys.argv[1]).sheetnames))' "$work/titles.xlsx")" \
    "Summary|Stöd _a__b_ ___ och ett myck|STÖD _A__B_ ___ OCH ETT MYCK 2|Summary 2|Mentoring|About"

# A result wider than Excel (16 384 columns): a clear error, no file.
py - "$result" "$work/wide.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
wide = {"k%05d" % i: i for i in range(16400)}
wide["headline"] = {"metric": None, "label": None, "value": None, "unit": None,  # every result has one
                    "balance": None, "balance_certain": None, "ci": None}
for scope in doc["regions"] + [doc["total"]]:
    scope["indicators"]["wide"] = {"status": "ok", "rows": 1, "skipped_rows": 0, "result": wide}
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"))
PY
run_jv report "$work/wide.json" -o "$work/wide.xlsx"
check "a result wider than Excel: exit 1" status_is 1
check "... naming the sheet and what to do" stderr_has "the sheet 'Wide' would need more than Excel's"
check "... and no file" [ ! -e "$work/wide.xlsx" ]

# run and merge: the workbook of a run equals the JSON of that run, and
# merged states give the same workbook.
run_jv run "$data/eval.json" -q --save-state "$work/states" -f json -o "$work/run.json"
run_jv run "$data/eval.json" -q -o "$work/run.xlsx"
check "run -o run.xlsx exits 0" status_is 0
check "run's workbook equals run's JSON" py "$check_xlsx" "$work/run.xlsx" "$work/run.json" funding_share
run_jv merge "$work/states" -o "$work/merge.xlsx"
check "merge -o merge.xlsx exits 0" status_is 0
check "merged states give the same workbook" cmp -s "$work/run.xlsx" "$work/merge.xlsx"

# Periods (tests/data/periods, worked out in tests/cli/test_periods.sh): a
# "Trend" sheet after the summary; every trend cell equals the JSON
# `trend` (check_xlsx.py), at min_cell 0 and at 5 (suppressed periods ×).
periods="$JV_SRCDIR/tests/data/periods/periods.json"
for m in 0 5; do
    run_jv run "$periods" --min-cell "$m" -q -f json -o "$work/periods$m.json"
    run_jv run "$periods" --min-cell "$m" -q -o "$work/periods$m.xlsx" --lang en
    check "periods, min_cell $m: every trend cell equals the JSON trend" \
        py "$check_xlsx" "$work/periods$m.xlsx" "$work/periods$m.json" funding_share participation
done
# By hand (test_periods.sh): A's participation 2016 2/10 = 0.2, 2017 9/10 =
# 0.9, change 0.7, Newcombe [0.2658266097008861, 0.865179666083185]
# excludes 0: marked "*", the legend under the table. A's funding share
# 0.25 → 0.5 has no interval (a share of money): ".". B has no 2016
# rows: "..", and so its change.
check "periods by hand: A's seats, change, Newcombe's interval and its marker" \
    is "$(py -c 'import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Trend"]
near = lambda c, v: isinstance(c.value, float) and abs(c.value - v) < 1e-12
print(ws["A9"].value, near(ws["B9"], 0.2), near(ws["C9"], 0.9), near(ws["D9"], 0.7),
      near(ws["E9"], 0.2658266097008861), near(ws["F9"], 0.865179666083185), ws["G9"].value,
      ws["D9"].number_format, ws["A12"].value.startswith("*: the change"))' "$work/periods0.xlsx")" \
    "A True True True True True * +0.0%;-0.0%;0.0% True"
check "periods by hand: money has no interval (.), B's 2016 and its change no data (..)" \
    is "$(py -c 'import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Trend"]
print(ws["D3"].value, ws["E3"].value, ws["F3"].value, ws["G3"].value, ws["B4"].value, ws["D4"].value)' \
    "$work/periods0.xlsx")" "0.25 . . None .. .."
check "at min_cell 5, A's 2016 seats (woman 2) are suppressed: ×" \
    is "$(cell "$work/periods5.xlsx" Trend B9)" "×|General|False"
# The check is not vacuous: one trend cell moved by 1e-9 is caught.
py -c 'import sys, openpyxl
b = openpyxl.load_workbook(sys.argv[1])
b["Trend"]["D9"].value += 1e-9
b.save(sys.argv[2])' "$work/periods0.xlsx" "$work/changed.xlsx"
check "a changed trend cell fails the comparison" \
    sh -c '! "$1" "$2" "$3" "$4" >/dev/null' sh "$OPENPYXL_PYTHON" "$check_xlsx" \
    "$work/changed.xlsx" "$work/periods0.json"
run_jv run "$periods" -q -o "$work/periods_sv.xlsx" --lang sv
check "--lang sv: the trend sheet is Utveckling, its headers Swedish" \
    is "$(py -c 'import sys, openpyxl
b = openpyxl.load_workbook(sys.argv[1])
ws = b["Utveckling"]
print(b.sheetnames[1], ws["A2"].value, ws["D2"].value, ws["E2"].value)' "$work/periods_sv.xlsx")" \
    "Utveckling Region Förändring 2016–2017 nedre"

finish
