#!/usr/bin/env python3
"""check.py RESULT.json — checks the result of evaluation.json against
numbers worked out by hand from the two data files (no jamvikt code is
reused; the Wilson interval is recomputed from its formula in indicators.md §6).
Exit status 0 when everything matches, 1 with a list of differences.

The data, tallied by hand (projects / funded / amount_granted in SEK):

  Örebro (data/orebro/projects.csv, 22 rows, min_cell 3)
    innovation  woman  OR-01 OR-06 OR-07 OR-14 OR-16 OR-20   6 / 4 / 100000+200000+150000+50000 = 500000
                man    OR-02 OR-03 OR-10 OR-15 OR-19 OR-22   6 / 3 / 300000+250000+250000       = 800000
                unknown OR-09 (empty gender)                 1 / 0 / 0
    rural       woman  OR-04 OR-11 OR-18                     3 / 3 / 80000+70000+50000          = 200000
                man    OR-05 OR-08 OR-12 OR-13 OR-17 OR-21   6 / 5 / 5 × 100000                 = 500000
    split       woman 9 / 7 / 700000   man 12 / 8 / 1300000   unknown 1 / 0 / 0
                total 22 / 15 / 2000000

  Gotland (data/gotland/projects.csv, 21 rows)
    innovation  woman  GO-01 05 09 12 16 19                  6 / 6 / 6 × 50000  = 300000
                man    GO-02 06 11 15 18                     5 / 3 / 3 × 100000 = 300000
    rural       woman  GO-03 07 10 14 17 21                  6 / 4 / 4 × 50000  = 200000
                man    GO-08 13 20                           3 / 3 / 3 × 50000  = 150000
                non_binary GO-04                             1 / 1 / 40000
    split       woman 12 / 10 / 500000   man 8 / 6 / 450000   non_binary 1 / 1 / 40000
                total 21 / 17 / 990000

  total (pooled: the sums of the two regions)
    innovation  woman 12 / 10 / 800000   man 11 / 6 / 1100000   unknown 1 / 0 / 0
    rural       woman  9 /  7 / 400000   man  9 / 8 /  650000   non_binary 1 / 1 / 40000
    split       woman 21 / 17 / 1200000  man 20 / 14 / 1750000  unknown 1 / 0 / 0
                non_binary 1 / 1 / 40000

Disclosure control (indicators.md §8, min_cell 3; protected counts projects
and funded): every woman and man cell is >= 3. The one non-binary project
leader (1 project, 1 funded) is below 3 in Gotland's rural and split and in
the total's rural and split: rule 1 suppresses those four cells. Rule 2
suppresses the totals of those four groups. Rule 3 adds nothing: every
non-binary line (Gotland's values → split, the total's values → split,
rural across regions → total, split across regions → total) already has
two suppressed cells, Örebro's non-binary cells are 0. So Gotland's and the
total's `rows` and `skipped_rows` are null (their main split's total is
suppressed); Örebro is published in full.
"""
import json
import math
import sys

Z = 1.959963984540054  # confidence 0.95


def wilson(k, n):
    """indicators.md §6: centre = (p + z²/2n)/(1 + z²/n),
    half = z·sqrt(p(1−p)/n + z²/4n²)/(1 + z²/n)."""
    p = k / n
    d = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / d
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / d
    return [centre - half, centre + half]


def cell(projects, funded, amount):
    return {"projects": projects, "funded": funded,
            "funded_rate": funded / projects if projects else None,
            "funded_rate_ci": wilson(funded, projects) if projects else None,
            "amount_granted": amount, "suppressed": False}


ZERO = cell(0, 0, 0)
SUPPRESSED = {"projects": None, "funded": None, "funded_rate": None,
              "funded_rate_ci": None, "amount_granted": None, "suppressed": True}


def split(woman, man, unknown=ZERO, non_binary=ZERO, total=None,
          share=None, balance=None, certain=None):
    """share = (projects, funded, amount) women's shares; `certain` is
    whether wilson(funded woman, funded woman + man) lies in the band."""
    w, m = woman["funded"], man["funded"]
    return {"by_gender": {"woman": woman, "man": man, "non_binary": non_binary,
                          "mixed": ZERO, "unknown": unknown},
            "total": total,
            "women_share": {"projects": share[0], "funded": share[1],
                            "amount_granted": share[2]},
            "balance": balance, "balance_certain": certain, "ci": wilson(w, w + m)}


# Örebro: funded share 7/15 = 0.4667 → balanced; wilson(7, 15) ≈ [0.248, 0.699]
# is not inside [0.40, 0.60] → balance_certain false.
OREBRO = split(cell(9, 7, 700000), cell(12, 8, 1300000), unknown=cell(1, 0, 0),
               total=cell(22, 15, 2000000),
               share=(9 / 21, 7 / 15, 700000 / 2000000), balance="balanced", certain=False)
OREBRO["breakdowns"] = {"programme": [
    # 4/7 = 0.571 balanced; wilson(4, 7) ≈ [0.25, 0.84] → false
    dict(split(cell(6, 4, 500000), cell(6, 3, 800000), unknown=cell(1, 0, 0),
               total=cell(13, 7, 1300000), share=(6 / 12, 4 / 7, 500000 / 1300000),
               balance="balanced", certain=False), value="innovation"),
    # 3/8 = 0.375 men_dominated; wilson(3, 8) ≈ [0.14, 0.69] → false
    dict(split(cell(3, 3, 200000), cell(6, 5, 500000), total=cell(9, 8, 700000),
               share=(3 / 9, 3 / 8, 200000 / 700000), balance="men_dominated",
               certain=False), value="rural"),
]}

# Gotland: 10/16 = 0.625 → women_dominated; wilson(10, 16) ≈ [0.386, 0.815] → false.
GOTLAND = split(cell(12, 10, 500000), cell(8, 6, 450000), non_binary=SUPPRESSED,
                total=SUPPRESSED, share=(12 / 20, 10 / 16, 500000 / 950000),
                balance="women_dominated", certain=False)
GOTLAND["breakdowns"] = {"programme": [
    # 6/9 = 0.667 women_dominated; wilson(6, 9) ≈ [0.35, 0.88] → false
    dict(split(cell(6, 6, 300000), cell(5, 3, 300000), total=cell(11, 9, 600000),
               share=(6 / 11, 6 / 9, 300000 / 600000), balance="women_dominated",
               certain=False), value="innovation"),
    # 4/7 = 0.571 balanced; wilson(4, 7) → false
    dict(split(cell(6, 4, 200000), cell(3, 3, 150000), non_binary=SUPPRESSED,
               total=SUPPRESSED, share=(6 / 9, 4 / 7, 200000 / 350000),
               balance="balanced", certain=False), value="rural"),
]}

# total: 17/31 = 0.548 → balanced; wilson(17, 31) ≈ [0.378, 0.708] → false.
TOTAL = split(cell(21, 17, 1200000), cell(20, 14, 1750000), unknown=cell(1, 0, 0),
              non_binary=SUPPRESSED, total=SUPPRESSED,
              share=(21 / 41, 17 / 31, 1200000 / 2950000), balance="balanced", certain=False)
TOTAL["breakdowns"] = {"programme": [
    # 10/16 = 0.625 women_dominated
    dict(split(cell(12, 10, 800000), cell(11, 6, 1100000), unknown=cell(1, 0, 0),
               total=cell(24, 16, 1900000), share=(12 / 23, 10 / 16, 800000 / 1900000),
               balance="women_dominated", certain=False), value="innovation"),
    # 7/15 = 0.467 balanced
    dict(split(cell(9, 7, 400000), cell(9, 8, 650000), non_binary=SUPPRESSED,
               total=SUPPRESSED, share=(9 / 18, 7 / 15, 400000 / 1050000),
               balance="balanced", certain=False), value="rural"),
]}

# (name in the document, expected result, rows, skipped_rows)
SCOPES = [("Örebro", OREBRO, 22, 0), ("Gotland", GOTLAND, None, None),
          ("total", TOTAL, None, None)]

problems = []


def same(path, got, want):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            problems.append(f"{path}: expected an object, got {got!r}")
            return
        for key, value in want.items():
            if key not in got:
                problems.append(f"{path}.{key}: missing")
            else:
                same(f"{path}.{key}", got[key], value)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            problems.append(f"{path}: expected {want!r}, got {got!r}")
            return
        for i, (g, w) in enumerate(zip(got, want)):
            same(f"{path}[{i}]", g, w)
    elif isinstance(want, (int, float)) and not isinstance(want, bool):
        if not isinstance(got, (int, float)) or isinstance(got, bool) or abs(got - want) > 1e-9:
            problems.append(f"{path}: expected {want!r}, got {got!r}")
    elif got != want or type(got) is not type(want):
        problems.append(f"{path}: expected {want!r}, got {got!r}")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    scopes = {r["name"]: r for r in doc["regions"]}
    scopes["total"] = doc["total"]
    for name, want, rows, skipped in SCOPES:
        got = scopes.get(name, {}).get("indicators", {}).get("leader_share")
        if got is None:
            problems.append(f"{name}: no leader_share indicator")
            continue
        same(f"{name}.status", got.get("status"), "ok")
        same(f"{name}.rows", got.get("rows"), rows)
        same(f"{name}.skipped_rows", got.get("skipped_rows"), skipped)
        result = got.get("result", {})
        same(f"{name}.result", result, want)
        headline = result.get("headline", {})
        same(f"{name}.headline", headline,
             {"metric": "women_share_funded", "unit": "share", "value": want["women_share"]["funded"],
              "balance": want["balance"], "balance_certain": want["balance_certain"],
              "ci": want["ci"]})
        # The built-in funding_share ran on the same file (no decision column:
        # granted iff amount_granted > 0, which is `funded` here): its counts
        # and suppressed cells must be ours.
        builtin = scopes[name]["indicators"].get("funding_share", {}).get("result", {})
        for g, c in want["by_gender"].items():
            b = builtin.get("by_gender", {}).get(g, {})
            same(f"{name}.funding_share.{g}",
                 [b.get("applications"), b.get("granted"), b.get("suppressed")],
                 [c["projects"], c["funded"], c["suppressed"]])
    summary = {row.get("region"): row for row in doc.get("summary", [])}
    for name, want, _, _ in SCOPES:
        same(f"summary[{name}]", summary.get(name, {}).get("leader_share.women_share_funded"),
             want["women_share"]["funded"])
    if problems:
        print("check.py: %d difference(s):" % len(problems))
        for p in problems:
            print("  " + p)
        return 1
    print("check.py: leader_share matches the hand-worked numbers "
          "(%d scopes, with funding_share on the same data)" % len(SCOPES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
