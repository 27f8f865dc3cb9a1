#!/bin/sh
# tests/cli/test_xlsx.sh — .xlsx tables: workbooks written by real
# spreadsheet libraries (libxlsxwriter through tests/xlsx_write, openpyxl
# when $OPENPYXL_PYTHON has it) give exactly the result document of the
# same tables as CSV; every bad workbook is a clear error.
set -e
. "$JV_SRCDIR/tests/cli/lib.sh"
fixture="$JV_SRCDIR/tests/data/xlsx"
write="$JV_BUILDDIR/tests/xlsx_write"
mutate="$JV_SRCDIR/tests/cli/xlsx_mutate.py"
regions="stockholm uppsala södermanland"

# Three regions' funding and participation tables, as CSV and as workbooks
# (title row, blank row, header from column B; amounts as numbers and every
# third as text with spaces; decided as a date; funding with shared
# strings, participation with inline strings behind another sheet).
for r in $regions; do
    mkdir -p "$work/csv/$r" "$work/xlsx/$r"
    cp "$fixture/$r/funding.csv" "$fixture/$r/participation.csv" "$work/csv/$r/"
    "$write" "$work/xlsx/$r/funding.xlsx" Stöd "$fixture/$r/funding.csv"
    "$write" --inline --other-sheet Anteckningar "$work/xlsx/$r/participation.xlsx" \
        Deltagande "$fixture/$r/participation.csv"
done
evaluation() { # evaluation EXT [FUNDING-SETTINGS [PARTICIPATION-SETTINGS]] > file
    cat <<JSON
{ "name": "xlsx or csv",
  "tables": { "funding": { "file": "funding.$1", "columns": { "gender": "recipient_gender" } $2 },
              "participation": { "file": "participation.$1" $3 } },
  "regions": [ { "name": "Stockholm", "dir": "stockholm" }, { "name": "Uppsala", "dir": "uppsala" },
               { "name": "Södermanland", "dir": "södermanland" } ],
  "indicators": [ { "plugin": "funding_share", "params": { "by": ["decided", "sector"] } },
                  { "plugin": "participation", "params": { "by": ["arena_type"] } } ] }
JSON
}
evaluation csv > "$work/csv/evaluation.json"
evaluation xlsx > "$work/xlsx/evaluation.json"
# the documents without the input files' names and sizes
strip() { grep -v '"file":\|"bytes":' "$1"; }

run_jv run "$work/csv/evaluation.json" -f json -o "$work/csv.json" -q
check "xlsx: the CSV run exits 0" status_is 0
run_jv run "$work/xlsx/evaluation.json" -f json -o "$work/xlsx.json" -q
check "xlsx: the workbook run exits 0" status_is 0
strip "$work/csv.json" >"$work/csv.stripped"
strip "$work/xlsx.json" >"$work/xlsx.stripped"
check "xlsx: libxlsxwriter workbooks give the CSV result document" \
    cmp -s "$work/csv.stripped" "$work/xlsx.stripped"
check "xlsx: the inputs name the workbooks" grep -qF '"file":	"stockholm/funding.xlsx"' "$work/xlsx.json"
check "xlsx: dates read as ISO dates (a by group)" grep -qF '"2018-01-15"' "$work/xlsx.json"
run_jv run "$work/xlsx/evaluation.json" -f json -o "$work/xlsx-j2.json" -q -j 2
check "xlsx: -j 2 gives the same document" cmp -s "$work/xlsx.json" "$work/xlsx-j2.json"
run_jv run "$work/xlsx/evaluation.json" -f json -q --hash-inputs
sum=$(sha256sum "$work/xlsx/uppsala/funding.xlsx" | cut -d' ' -f1)
check "xlsx: --hash-inputs hashes the workbook's bytes" grep -qF "\"sha256\":	\"$sum\"" "$work/out"
# the table is on the second sheet, its header on row 3: found by
# header_row alone, or named by sheet number and header_row
evaluation xlsx ', "sheet": "Stöd", "header_row": 3' ', "header_row": 3' >"$work/xlsx/rows.json"
run_jv run "$work/xlsx/rows.json" -f json -o "$work/rows.json" -q
strip "$work/rows.json" >"$work/rows.stripped"
check "xlsx: header_row finds the sheet whose row names the columns" \
    cmp -s "$work/csv.stripped" "$work/rows.stripped"
evaluation xlsx '' ', "sheet": 2, "header_row": 3' >"$work/xlsx/rows.json"
run_jv run "$work/xlsx/rows.json" -f json -o "$work/rows.json" -q
strip "$work/rows.json" >"$work/rows.stripped"
check "xlsx: a sheet by number" cmp -s "$work/csv.stripped" "$work/rows.stripped"
run_jv check "$work/xlsx/evaluation.json"
check "xlsx: check passes the workbooks" status_is 0
check "xlsx: check counts every row" stdout_has "6 files, 167 rows checked"

if [ -n "$OPENPYXL_PYTHON" ]; then
    # The same funding tables written by openpyxl (shared strings, a
    # datetime cell with a date style), default sheet, found header.
    for r in $regions; do
        "$OPENPYXL_PYTHON" - "$fixture/$r/funding.csv" "$work/xlsx/$r/funding.xlsx" <<'PY'
import csv, datetime, sys
import openpyxl
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Beviljade stöd"
sheet.append(["Beviljade stöd 2016–2018"])
sheet.append([])
sheet.append(rows[0])
for i, row in enumerate(rows[1:]):
    out = []
    for name, value in zip(rows[0], row):
        if name.startswith("amount"):
            number = float(value) if "." in value else int(value)
            out.append("{:,}".format(number).replace(",", " ") if i % 3 == 1 else number)
        elif name == "year":
            out.append(int(value))
        elif name == "decided":
            out.append(datetime.datetime.strptime(value, "%Y-%m-%d"))
        else:
            out.append(value)
    sheet.append(out)
    sheet.cell(row=sheet.max_row, column=len(out)).number_format = "yyyy-mm-dd"
book.save(sys.argv[2])
PY
    done
    run_jv run "$work/xlsx/evaluation.json" -f json -o "$work/openpyxl.json" -q
    check "xlsx: the openpyxl run exits 0" status_is 0
    strip "$work/openpyxl.json" >"$work/openpyxl.stripped"
    check "xlsx: openpyxl workbooks give the CSV result document" \
        cmp -s "$work/csv.stripped" "$work/openpyxl.stripped"

    # Exact sums from the cells' own texts: 0.1 + 0.2 granted to women,
    # 0.6 to men. In doubles 0.1 + 0.2 = 0.30000000000000004; read from the
    # texts as fixed point it is 0.3, and the women's share of money is
    # 0.3 / (0.3 + 0.6) = 1/3 = 0.3333333333333333.
    mkdir -p "$work/exact"
    "$OPENPYXL_PYTHON" - "$work/exact/funding.xlsx" <<'PY'
import sys
import openpyxl
book = openpyxl.Workbook()
sheet = book.active
sheet.append(["gender", "amount_granted", "note"])
sheet.append(["kvinna", 0.1, True])
sheet.append(["kvinna", 0.2, False])
sheet.append(["man", 0.6, None])
sheet["E3"] = "see the minutes"  # beside the table, under no header
book.save(sys.argv[1])
PY
    cat >"$work/exact/evaluation.json" <<'JSON'
{ "name": "exact", "options": { "min_cell": 0 }, "tables": { "funding": { "file": "funding.xlsx" } },
  "regions": [ { "name": "R", "dir": "." } ], "indicators": [ { "plugin": "funding_share" } ] }
JSON
    run_jv run "$work/exact/evaluation.json" -f json -q
    check "xlsx: number cells are summed exactly" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
r = d['regions'][0]['indicators']['funding_share']['result']
assert r['by_gender']['woman']['amount_granted'] == 0.3, r['by_gender']['woman']
assert r['women_share']['amount_granted'] == 1 / 3, r['women_share']
" "$work/out"
    check "xlsx: a cell beside the table is not read, and said so" \
        grep -qF "funding.xlsx[Sheet]: 1 non-empty cell outside the table's columns (the first in row 3, column E) was not read" "$work/out"
else
    echo "skip openpyxl checks: \$OPENPYXL_PYTHON is empty"
fi

# --- errors ---------------------------------------------------------------
mkdir -p "$work/bad"
one_table() { # one_table FILE [EXTRA-SETTINGS]: an evaluation of one funding table
    cat >"$work/bad/evaluation.json" <<JSON
{ "name": "bad", "options": { "min_cell": 0 }, "tables": { "funding": { "file": "$1", "columns": { "gender": "recipient_gender" } $2 } },
  "regions": [ { "name": "R", "dir": "." } ], "indicators": [ { "plugin": "funding_share" } ] }
JSON
}
# The second data line of the CSV is Excel's row 5 (title 1, blank 2,
# header 3, first data row 4).
awk -F, 'BEGIN { OFS = "," } NR == 3 { $10 = "12 kr" } { print }' \
    "$fixture/uppsala/funding.csv" >"$work/bad/funding.csv"
"$write" "$work/bad/funding.xlsx" Stöd "$work/bad/funding.csv"
one_table funding.xlsx
run_jv run "$work/bad/evaluation.json" -o "$work/bad/out.json"
check "xlsx error: a bad cell stops the run" status_is 1
check "xlsx error: FILE[SHEET]:ROW: column names Excel's row" \
    stderr_has "funding.xlsx[Stöd]:5: column 'amount_granted': '12 kr' is not a number"
run_jv check "$work/bad/evaluation.json"
check "xlsx error: check reports the cell with the sheet" \
    stderr_has "funding.xlsx[Stöd]:5: column 'amount_granted'"
one_table funding.xlsx ', "on_error": "skip"'
run_jv run "$work/bad/evaluation.json" -f json
check "xlsx error: on_error skip leaves the row out" grep -q '"skipped_rows":	1' "$work/out"
# Excel's total row under the table (35 data rows on rows 4–38: row 39)
"$write" --total "$work/bad/total.xlsx" Stöd "$fixture/uppsala/funding.csv"
one_table total.xlsx
run_jv run "$work/bad/evaluation.json" -o "$work/bad/out.json"
check "xlsx error: a total row stops the run" status_is 1
check "xlsx error: ... named as not data, at Excel's row" \
    stderr_has "total.xlsx[Stöd]:39: this row is not data: 'Summa' in column 'id'"
one_table total.xlsx ', "on_error": "skip"'
run_jv run "$work/bad/evaluation.json" -f json -q
check "xlsx error: ... and left out with on_error skip" grep -q '"skipped_rows":	1' "$work/out"
one_table funding.xlsx ', "sheet": "Stod"'
run_jv run "$work/bad/evaluation.json"
check "xlsx error: a missing sheet, with did-you-mean" \
    stderr_has "funding.xlsx: the workbook has no sheet 'Stod' (did you mean 'Stöd'?); its sheets are 'Stöd'"
one_table funding.xlsx ', "sheet": 2'
run_jv run "$work/bad/evaluation.json"
check "xlsx error: a sheet number beyond the last" stderr_has "the workbook has no sheet '2'"
one_table funding.xlsx ', "sheet": 1, "header_row": 2'
run_jv run "$work/bad/evaluation.json"
check "xlsx error: header_row on a blank row" \
    stderr_has "funding.xlsx[Stöd]: row 2 is empty or beyond the sheet's last row"
one_table funding.xlsx ', "header_row": 0'
run_jv run "$work/bad/evaluation.json"
check "xlsx error: header_row 0 is refused" stderr_has "a row number as Excel shows it"
one_table funding.xlsx ', "sheets": 1'
run_jv run "$work/bad/evaluation.json"
check "xlsx error: a misspelt key, with did-you-mean" stderr_has "did you mean 'sheet'?"
one_table funding.csv ', "sheet": "Stöd"'
run_jv run "$work/bad/evaluation.json"
check "xlsx error: sheet on a CSV file" stderr_has "apply to .xlsx workbooks only"
cp "$work/bad/funding.csv" "$work/bad/renamed.xlsx"
one_table renamed.xlsx
run_jv run "$work/bad/evaluation.json"
check "xlsx error: a CSV named .xlsx" stderr_has "renamed.xlsx: not a readable .xlsx workbook"
head -c 2000 "$work/bad/funding.xlsx" >"$work/bad/cut.xlsx"
one_table cut.xlsx
run_jv run "$work/bad/evaluation.json"
check "xlsx error: a truncated archive" stderr_has "cut.xlsx: not a readable .xlsx workbook"
good="$work/bad/good.xlsx"
"$write" "$good" Stöd "$fixture/uppsala/funding.csv"
mutant() { # mutant MODE EXPECTED-TEXT
    python3 "$mutate" "$1" "$good" "$work/bad/$1.xlsx"
    one_table "$1.xlsx"
    run_jv run "$work/bad/evaluation.json" -o "$work/bad/out.json"
    check "xlsx error: $1 is a clear error" status_is 1
    check "xlsx error: $1 says what is wrong" stderr_has "$2"
}
mutant bomb "refused as a possible zip bomb"
mutant lying-size "the archive is corrupt (a member inflates to more bytes than its header says)"
mutant wide "[Stöd]:1000: a cell beyond column XFD"
mutant many-cells "[Stöd]:1000: a cell beyond column XFD"
mutant dtd "a document type declaration"
mutant bad-shared "[Stöd]:1000: the workbook is corrupt: a cell refers to shared string '999999'"
mutant big-shared "xl/sharedStrings.xml would inflate to 135266304 bytes, over the reader's limit of 128 MiB"
mutant empty-sheet "empty-sheet.xlsx[Stöd]: the sheet is empty"
mutant broken-xml "malformed XML"
mutant crc "xl/worksheets/sheet1.xml:"
check "xlsx error: no output file was left" test ! -e "$work/bad/out.json"
finish
