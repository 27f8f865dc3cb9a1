#!/bin/sh
# tests/render/test_render_many.sh — rendering is linear in regions: a
# result of 2 500 regions (bench/make_regions_doc.py --small) renders to
# html and to the terminal table well within a generous bound (about 1 s,
# 10 s under ASan; without the scopes indexed once, 2 000 regions took 18 s
# to the table, and minutes under ASan). Skipped (77) without python3.
set -eu
if ! command -v python3 >/dev/null 2>&1; then echo "SKIP: no python3"; exit 77; fi
. "$JV_SRCDIR/tests/cli/lib.sh"
python3 "$JV_SRCDIR/bench/make_regions_doc.py" --small 2500 >"$work/many.json"
for format in html table; do
    start=$(date +%s)
    run_jv report "$work/many.json" -f "$format" -o "$work/many.$format"
    took=$(($(date +%s) - start))
    echo "     $format: ${took} s"
    check "2 500 regions to $format: exit 0" status_is 0
    check "2 500 regions to $format: under 30 s (sanitizer build included)" [ "$took" -lt 30 ]
done
check "the html has every region" [ "$(grep -c '<h2 id="scope-' "$work/many.html")" -eq 2501 ]
check "the table has every region" [ "$(grep -c '^Region 0' "$work/many.table")" -eq 2500 ]
finish
