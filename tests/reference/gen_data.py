#!/usr/bin/env python3
"""Write small synthetic regions for the reference check, deterministically.

    gen_data.py --out OUTDIR [--regions N] [--seed S]

The project's own generator, so that `make check` compares jamvikt with
tests/reference/reference.py without anything outside the repository.
Writes OUTDIR/<slug>/{funding,participation,training,population,goals}.csv
for the first N regions of examples/regions-2016-2018/evaluation.json, in
the plain dialect (comma, UTF-8, canonical codes) that mutate.py rewrites.

The data is not meant to look like real regions; it is shaped to reach the
rules of INDICATORS.md a comparison should cover:
  * region sizes from a handful of rows (cells under every min_cell, so
    rules 1-3 of disclosure control all fire) to a few hundred;
  * every gender code, including non_binary and mixed, and unknown;
  * breakdown values that are rare in one region and common in another;
  * granted applications with amount 0 and rejected ones, both decisions;
  * persons in training on several rows, some not completed;
  * goals with and without an outcome, both directions, met and missed,
    weights 1-3 and every self-assessment.
Only the standard library is used; the same seed gives the same bytes.
"""
import argparse
import csv
import os
import random
import sys

REGIONS = ["Stockholm", "Uppsala", "Södermanland", "Östergötland",
           "Jönköping", "Kronoberg", "Kalmar", "Gotland"]
# Rows of funding per region (before the seed's jitter): a tiny region
# first, so that suppression has something to hide in the first regions too.
SIZES = [6, 140, 35, 260, 12, 90, 60, 20]
GENDERS = ["woman", "man", "non_binary", "mixed", "unknown"]
SECTORS = ["ict", "tourism", "health_care", "forestry", "retail"]
PROGRAMMES = ["business_support", "project_funds"]
AGE_BANDS = ["16-29", "30-44", "45-64", "65+", "unknown"]
BACKGROUNDS = ["yes", "no", "unknown"]
ARENAS = [("regional_board", "decision"), ("partnership", "advisory"),
          ("seminar", "learning")]
ROLES = {"decision": ["chair", "member"], "advisory": ["chair", "member"],
         "learning": ["speaker", "participant"]}
COURSES = ["gender_analysis", "gender_budgeting", "norm_critical_leadership"]
TARGET_GROUPS = ["politician", "official", "business_adviser"]
AREAS = ["competence", "leadership", "governance"]
YEARS = [2016, 2017, 2018]


def gender(rng, p_woman):
    """Mostly woman/man; the rarer codes at a few per cent each."""
    x = rng.random()
    if x < 0.03:
        return "unknown"
    if x < 0.07:
        return "mixed"
    if x < 0.09:
        return "non_binary"
    return "woman" if rng.random() < p_woman else "man"


def write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def funding(rng, region, n, p_woman):
    rows = []
    for i in range(n):
        g = gender(rng, p_woman)
        # The sector's share of women differs, so the breakdown shows a gap.
        sector = SECTORS[min(len(SECTORS) - 1, int(rng.random() ** 1.5 * len(SECTORS)))]
        applied = rng.choice([50, 120, 300, 800, 2500]) * 1000
        granted = rng.random() < (0.55 if g == "woman" else 0.62)
        amount = int(applied * rng.choice([1.0, 0.8, 0.5, 0.0])) if granted else 0
        rows.append([f"{region[:3].upper()}-{i:05d}", region, rng.choice(YEARS),
                     rng.choice(PROGRAMMES), g, rng.choice(AGE_BANDS),
                     rng.choice(BACKGROUNDS), sector, applied, amount,
                     "granted" if granted else "rejected"])
    return rows


def participation(rng, region, scale, p_woman):
    rows = []
    for year in YEARS:
        for arena, kind in ARENAS:
            for _ in range(max(1, int(rng.randint(3, 12) * scale))):
                role = rng.choice(ROLES[kind])
                g = gender(rng, p_woman - (0.1 if role in ("chair", "speaker") else 0.0))
                rows.append([region, year, arena, kind, role, g,
                             rng.choice(AGE_BANDS), rng.choice(BACKGROUNDS), 1])
    return rows


def population_and_training(rng, region, scale):
    population, training, pid = [], [], 0
    for group in TARGET_GROUPS:
        for g in ("woman", "man"):
            size = max(1, int(rng.randint(4, 40) * scale))
            population.append([region, group, g, size])
            # At least one person per group: a training table with a header
            # and no rows is another question (see test_reference.sh).
            for _ in range(max(1, int(size * rng.uniform(0.1, 0.9)))):
                pid += 1
                for _course in range(rng.choice([1, 1, 2, 3])):
                    training.append([f"P{pid:05d}", region, rng.choice(YEARS),
                                     rng.choice(COURSES), group, g,
                                     rng.choice(AGE_BANDS), rng.choice(BACKGROUNDS),
                                     float(rng.choice([1.5, 3.0, 8.0])),
                                     "yes" if rng.random() < 0.8 else "no"])
    return population, training


def goals(rng, region):
    rows = []
    for k in range(rng.randint(2, 6)):
        increase = rng.random() < 0.75
        baseline = float(rng.randint(10, 50))
        target = baseline + 10 if increase else baseline - 10
        progress = rng.uniform(-0.3, 1.4)
        outcome = round(baseline + (target - baseline) * progress, 1)
        assess = ("will_meet" if progress >= 0.9 else
                  "partly" if progress >= 0.4 else "will_not_meet")
        rows.append([region, f"G{k + 1}", rng.choice(AREAS), f"goal {k + 1}",
                     baseline, target, outcome if rng.random() < 0.6 else "",
                     "increase" if increase else "decrease", "2018-12-31",
                     rng.choice([1, 1, 2, 3]), assess])
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--regions", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    for i, region in enumerate(REGIONS[:a.regions]):
        d = os.path.join(a.out, region.lower().replace(" ", "_"))
        os.makedirs(d, exist_ok=True)
        n = max(1, int(SIZES[i % len(SIZES)] * rng.uniform(0.8, 1.2)))
        scale = n / 100
        p_woman = rng.uniform(0.3, 0.6)
        write(os.path.join(d, "funding.csv"),
              ["id", "region", "year", "programme", "recipient_gender", "age_band",
               "foreign_background", "sector", "amount_applied", "amount_granted",
               "decision"], funding(rng, region, n, p_woman))
        write(os.path.join(d, "participation.csv"),
              ["region", "year", "arena", "arena_type", "role", "gender",
               "age_band", "foreign_background", "count"],
              participation(rng, region, scale, p_woman))
        population, training = population_and_training(rng, region, scale)
        write(os.path.join(d, "population.csv"),
              ["region", "target_group", "gender", "size"], population)
        write(os.path.join(d, "training.csv"),
              ["person_id", "region", "year", "course", "target_group", "gender",
               "age_band", "foreign_background", "hours", "completed"], training)
        write(os.path.join(d, "goals.csv"),
              ["region", "goal_id", "area", "goal", "baseline", "target", "outcome",
               "direction", "deadline", "weight", "self_assessment"], goals(rng, region))
    return 0


if __name__ == "__main__":
    sys.exit(main())
