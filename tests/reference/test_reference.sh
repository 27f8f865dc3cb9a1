#!/bin/sh
# test_reference.sh — jamvikt against the independent reference
# implementation of INDICATORS.md (tests/reference/reference.py).
#
# 1. The page's two worked examples of disclosure control: the reference
#    must publish exactly what the page says, and jamvikt must agree with it.
# 2. Data from gen-data (seed 424242, 6 regions, scale 0.3; skipped, exit 77,
#    when ../shared/tools/gen-data is not beside the source tree): every
#    number, null, class and `suppressed` flag of all four indicators, per
#    region and in the total, at --min-cell 0, 5 and 10, must agree to 1e-9.
# 3. The same data rewritten by mutate.py (other codes, blank decisions,
#    persons with several genders, counts, decimals...) with every option
#    and parameter changed (make_eval.py --variant options).
# The example evaluation used as template has "periods" (year), so 2 and 3
# compare every period's results, the trends and the period families of
# disclosure control too (ref_periods.py); so does tests/data/periods (a
# region without a year, rows without one, listed values).
# Needs python3 (else skipped).  Environment: JV_SRCDIR, JAMVIKT.
set -u
: "${JV_SRCDIR:?}" "${JAMVIKT:?}"
REF="$JV_SRCDIR/tests/reference"
GEN="$JV_SRCDIR/../shared/tools/gen-data"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jv-reference.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0

# compare EVAL MIN_CELL LABEL: run both, compare, remember a failure.
compare() {
    out="$tmp/$3-$2.json"
    if ! "$JAMVIKT" run "$1" -f json -o "$out" -q --min-cell "$2"; then
        echo "FAIL: $3 min_cell $2: jamvikt run failed"; fail=1; return
    fi
    if ! python3 "$REF/reference.py" "$1" --min-cell "$2" -o "$out.ref"; then
        echo "FAIL: $3 min_cell $2: reference.py failed"; fail=1; return
    fi
    if python3 "$REF/compare.py" "$out" "$out.ref" --max 40; then
        echo "ok: $3 min_cell $2"
    else
        echo "FAIL: $3 min_cell $2: jamvikt disagrees with the reference"; fail=1
    fi
}

# 1. The worked examples, published cells as INDICATORS.md lists them.
for ex in worked-1 worked-2; do
    cp -R "$JV_SRCDIR/tests/data/reference/$ex" "$tmp/$ex"
    chmod -R u+w "$tmp/$ex"
    compare "$tmp/$ex/evaluation.json" 5 "$ex"
done
python3 - "$tmp/worked-1-5.json.ref" "$tmp/worked-2-5.json.ref" <<'EOF' || fail=1
import json, sys
def pattern(split):
    cells = {g: c["applications"] for g, c in split["by_gender"].items()
             if not c["suppressed"]}
    total = None if split["total"]["suppressed"] else split["total"]["applications"]
    return cells, total
ok = True
def expect(what, got, want):
    global ok
    if got != want:
        print("FAIL: reference, %s: %s, INDICATORS.md says %s" % (what, got, want))
        ok = False
# Example 1: published A·man 10, C·woman 20, the unknowns, the region split;
# A·woman, C·man (rule 1), B·woman, B·man (rule 3) and the three totals hidden.
d = json.load(open(sys.argv[1]))
r = d["regions"][0]["indicators"]["funding_share"]["result"]
zero = {"non_binary": 0, "mixed": 0}
expect("example 1 split", pattern(r),
       (dict(woman=30, man=20, unknown=1, **zero), 51))
by = {e["value"]: pattern(e) for e in r["breakdowns"]["sector"]}
expect("example 1 A", by["A"], (dict(man=10, unknown=0, **zero), None))
expect("example 1 B", by["B"], (dict(unknown=1, **zero), None))
expect("example 1 C", by["C"], (dict(woman=20, unknown=0, **zero), None))
# Example 2: R1's 2 and R2's 7 non-binary hidden, both regions' totals too;
# the total's 9 published.
d = json.load(open(sys.argv[2]))
for reg in d["regions"]:
    expect("example 2 " + reg["name"],
           pattern(reg["indicators"]["funding_share"]["result"]),
           ({"woman": 20, "man": 20, "mixed": 0, "unknown": 0}, None))
expect("example 2 total", pattern(d["total"]["indicators"]["funding_share"]["result"]),
       ({"woman": 40, "man": 40, "non_binary": 9, "mixed": 0, "unknown": 0}, 89))
print("ok: the reference publishes the worked examples as INDICATORS.md does"
      if ok else "FAIL: worked examples")
sys.exit(0 if ok else 1)
EOF

# Periods by hand (tests/data/periods).
cp -R "$JV_SRCDIR/tests/data/periods" "$tmp/periods"
chmod -R u+w "$tmp/periods"
for mc in 0 5; do
    compare "$tmp/periods/periods.json" $mc periods
    compare "$tmp/periods/listed.json" $mc periods-listed
done

# 2 and 3. Generated data.
if [ ! -f "$GEN" ]; then
    echo "SKIP: $GEN not found (generated-data comparisons)"
    [ $fail -eq 0 ] && exit 77
    exit 1
fi
TEMPLATE="$JV_SRCDIR/examples/regions-2016-2018/evaluation.json"
python3 "$GEN" --out "$tmp/gen/data" --regions 6 --scale 0.3 --seed 424242 || exit 99
python3 "$REF/make_eval.py" "$TEMPLATE" "$tmp/gen" || exit 99
for mc in 0 5 10; do
    compare "$tmp/gen/evaluation.json" $mc generated
done
python3 "$GEN" --out "$tmp/mut/data" --regions 6 --scale 0.3 --seed 4242 || exit 99
python3 "$REF/mutate.py" "$tmp/mut/data" --seed 4242 || exit 99
python3 "$REF/make_eval.py" "$TEMPLATE" "$tmp/mut" --variant options || exit 99
for mc in 0 5 10; do
    compare "$tmp/mut/evaluation.json" $mc mutated
done
exit $fail
