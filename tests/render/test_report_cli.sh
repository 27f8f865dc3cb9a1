#!/bin/sh
# tests/render/test_report_cli.sh — `jamvikt report RESULT.json` in every
# format: the format follows -f, else -o's extension; --lang and the
# locale choose the labels and number marks; --csv-dialect the CSV's;
# bad values are usage errors (exit 2). Uses tests/data/render/result.json.
set -eu
. "$JV_SRCDIR/tests/cli/lib.sh"
result="$JV_SRCDIR/tests/data/render/result.json"
unset LANGUAGE LC_ALL LC_MESSAGES NO_COLOR
export LANG=C

for ext in md csv html json txt; do
    run_jv report "$result" -o "$work/out.$ext"
    check "report -o out.$ext exits 0" status_is 0
done
check ".md is markdown" grep -q '^# Rendertest 2018$' "$work/out.md"
check ".csv is csv (Excel dialect: BOM, ';')" \
    sh -c "head -c 60 '$work/out.csv' | grep -q \"\$(printf '\\357\\273\\277')region;indicator;group\""
check ".html is html" grep -q '^<!DOCTYPE html>$' "$work/out.html"
check ".json is the document" grep -q '"result_schema"' "$work/out.json"
check ".txt is the table" grep -q '^Region ' "$work/out.txt"

run_jv report "$result" -f markdown -o "$work/forced.csv"
check "-f wins over the extension" grep -q '^# Rendertest 2018$' "$work/forced.csv"

# Norr's women's share of money: 450 000 / 1 500 000 = 0.30
run_jv report "$result" -f table --lang sv
check "--lang sv: Swedish number marks" stdout_has "30,0 %"
check "--lang sv: Swedish labels" stdout_has "Kvinnors andel av beviljade medel"
run_jv report "$result" -f table --lang en
check "--lang en: English number marks" stdout_has "30.0%"
LANG=sv_SE.UTF-8 run_jv report "$result" -f table
check "LANG=sv_SE.UTF-8 chooses Swedish" stdout_has "Totalt"
LANG=sv_SE.UTF-8 run_jv report "$result" -f table --lang en
check "--lang wins over LANG" stdout_has "Total "

run_jv report "$result" -f csv --csv-dialect plain
check "--csv-dialect plain: comma, point" stdout_has "Norr,funding_share,,,,women_share.amount_granted,0.3"
run_jv report "$result" -f csv
check "default dialect: Swedish Excel" stdout_has "Norr;funding_share;;;;women_share.amount_granted;0,3"

run_jv report "$result" -f csv --csv-dialect tsv
check "a bad --csv-dialect is a usage error" status_is 2
check "... naming the choices" stderr_has "excel or plain"
run_jv report "$result" --lang de
check "a bad --lang is a usage error" status_is 2
run_jv report "$result" -f pdf
check "an unknown format is a usage error" status_is 2
check "... listing the formats" stderr_has "markdown, csv, html"
run_jv report "$result" -o "$work/out.pdf"
check "an unknown extension is a usage error (issue 13: formats are explicit)" status_is 2
check "... and writes nothing" test ! -e "$work/out.pdf"

# --publish: for readers, in every command (merge: tests/cli/test_regions.sh)
run_jv report "$result" -f html --lang sv --publish
check "report --publish exits 0" status_is 0
check "report --publish: no plugin id" sh -c "! grep -q 'funding_share' '$work/out'"
check "report --publish: no file path" sh -c "! grep -q 'data/norr' '$work/out'"
check "report --publish: the method note" stdout_has "(40/60-regeln)"
run_jv report "$result" -f csv --lang sv
check "--lang sv: a Swedish CSV header" \
    stdout_has "område;indikator;indelning;kategori;kön;mått;värde;tecken"
printf '{"not": "a result"}' >"$work/other.json"
run_jv report "$work/other.json" -f html
check "a document that is not a result is refused" status_is 1

finish
